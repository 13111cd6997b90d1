"""Escaping: any text, URL, title or code, written so that markdown-it-py reads it back exactly."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdoc.formats.markdown import escape
from newsdoc.formats.markdown.markers import ATTRIBUTION_MARKERS, CREDIT_MARKERS
from newsdoc.formats.markdown.parser import parser
from newsdoc.formats.markdown.read_inlines import plain_text
from newsdoc.testing import texts

# Text made of what Markdown gives a meaning to, so that every rule is exercised.
_MARKDOWNISH = st.lists(
    st.sampled_from(
        [
            *"*_[]()<>!#|-+=:.1`~^\\&; aé\u00a0\u2003\u3000\t\n\r\ufeff—",
            "&amp;",
            "&#10;",
            "1. ",
            "```",
            "---",
            "<br>",
        ]
    ),
    max_size=10,
).map("".join)
_ANY_TEXT = st.one_of(_MARKDOWNISH, texts(max_size=30))


def _inline(markdown: str) -> str:
    tokens = parser().parseInline(markdown)
    return plain_text(tokens[0].children or ())


def _block(markdown: str):
    return parser().parse(markdown)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", "plain words"),
        ("*not* _this_", "\\*not\\* \\_this\\_"),
        ("[a](b) <i> `c` ~d~ ^e^ \\", "\\[a\\](b) \\<i> \\`c\\` \\~d\\~ \\^e\\^ \\\\"),
        ("AT&T & co", "AT&T & co"),
        ("&amp; &#38; &#x26;", "\\&amp; \\&#38; \\&#x26;"),
        ("a\nb", "a&#10;b"),
    ],
)
def test_text_escapes_only_what_would_be_syntax(text, expected):
    """Inline syntax characters get a backslash; "&" only before a character reference."""
    assert expected == escape.text(text)


@pytest.mark.parametrize(
    ("escaped", "expected"),
    [
        ("# heading", "\\# heading"),
        ("> quote", "\\> quote"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("=====", "\\====="),
        ("| a |", "\\| a |"),
        (": caption", "\\: caption"),
        ("1. item", "1\\. item"),
        ("2025) was", "2025\\) was"),
        ("1.5 million", "1.5 million"),
        ("\u00a0indent", "&#160;indent"),
        ("\ufeffmark", "&#65279;mark"),
        ("Plain", "Plain"),
    ],
)
def test_line_start_keeps_text_from_starting_a_block(escaped, expected):
    """Headings, quotes, list items, setext lines, tables and stripped space are escaped."""
    assert expected == escape.line_start(escaped)


@pytest.mark.parametrize(
    ("escaped", "markers", "expected"),
    [
        ("Credit: AP", CREDIT_MARKERS, "Credit\\: AP"),
        ("photo: AP", CREDIT_MARKERS, "photo\\: AP"),
        ("— the mayor", ATTRIBUTION_MARKERS, "&#8212; the mayor"),
        ("-- the mayor", ATTRIBUTION_MARKERS, "\\-- the mayor"),
    ],
)
def test_line_start_defuses_markers(escaped, markers, expected):
    """Text that would read as a credit or attribution line loses the marker's meaning."""
    assert expected == escape.line_start(escaped, markers)


@pytest.mark.parametrize(
    ("markdown", "expected"), [("text ", "text&#32;"), ("text\u00a0", "text&#160;"), ("text", "text")]
)
def test_line_end_keeps_trailing_space_from_being_stripped(markdown, expected):
    """White space at the end of a block is written as a character reference."""
    assert expected == escape.line_end(markdown)


@given(_ANY_TEXT)
def test_any_text_reads_back_inline(text):
    """Escaped text parses to exactly the text it came from."""
    assert text == _inline(escape.text(text))


@given(_ANY_TEXT.filter(lambda t: t.strip(" \t\n\r")))
def test_any_text_reads_back_as_a_paragraph(text):
    """Escaped for a line start and a block end, text is one paragraph holding the text."""
    tokens = _block(escape.line_end(escape.line_start(escape.text(text))))
    assert ["paragraph_open", "inline", "paragraph_close"] == [t.type for t in tokens]
    assert text == plain_text(tokens[1].children or ())


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/a?b=1&c=2", "https://example.com/a?b=1&c=2"),
        ("a b", "<a b>"),
        ("f(x)", "<f(x)>"),
        ("", "<>"),
        ("<\\>", "<\\<\\\\\\>>"),
        ("?x&amp;", "<?x\\&amp;>"),
    ],
)
def test_destination_uses_brackets_only_when_needed(url, expected):
    """Simple URLs stay bare; others go in angle brackets with escapes."""
    assert expected == escape.destination(url)


@given(_ANY_TEXT, _ANY_TEXT)
def test_any_destination_and_title_read_back(url, title):
    """A link to any URL with any title reads back unchanged (markdown-it leaves it as written)."""
    tokens = parser().parseInline(f"[x]({escape.destination(url)} {escape.title(title)})")[0].children
    assert tokens is not None
    assert (url, title or None) == (tokens[0].attrGet("href"), tokens[0].attrGet("title"))


@pytest.mark.parametrize(
    ("code", "expected"), [("x", "`x`"), ("a`b", "``a`b``"), ("`a", "`` `a ``"), ("a``b`", "``` a``b` ```")]
)
def test_code_span_fence_is_longer_than_any_backtick_run(code, expected):
    """The fence outgrows the backticks inside, with spaces where they would touch."""
    assert expected == escape.code_span(code)


@given(_ANY_TEXT.filter(lambda t: t and t[0] != " " and t[-1] != " " and "\n" not in t and "\r" not in t))
def test_any_code_reads_back(code):
    """Inline code holds any text without line breaks or space at its edges."""
    tokens = parser().parseInline(escape.code_span(code))[0].children
    assert tokens is not None
    assert [("code_inline", code)] == [(t.type, t.content) for t in tokens]


@pytest.mark.parametrize(
    ("code", "info", "expected"),
    [
        ("x = 1", "python", ("```", "python")),
        ("```\ninner\n```", None, ("````", "")),
        ("x", "we`ird", ("~~~", "we`ird")),
        ("~~~~", "a`b", ("~~~~~", "a`b")),
        ("x", "~tilde`", ("~~~", " ~tilde`")),
        ("x", "a|b", ("```", "a&#124;b")),
    ],
)
def test_code_fence_outgrows_the_code_and_escapes_its_info(code, info, expected):
    """Tildes fence info strings with backticks; pipes become references."""
    assert expected == escape.code_fence(code, info)


@given(_ANY_TEXT.map(lambda t: t.replace("\r", "")), st.none() | _ANY_TEXT.filter(lambda t: t.strip()))
def test_any_code_block_reads_back(code, info):
    """A fenced block holds any code, with any info string, exactly."""
    fence, escaped_info = escape.code_fence(code, info)
    tokens = _block(f"{fence}{escaped_info}\n{code}\n{fence}\n")
    from markdown_it.common.utils import unescapeAll

    assert [("fence", code + "\n")] == [(t.type, t.content) for t in tokens]
    assert (info or "").strip(" \t") == unescapeAll(tokens[0].info).strip(" \t")
