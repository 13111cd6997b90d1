"""Reading newsdoc's own text layout back exactly, however much the text looks like markup."""

import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import (
    Article,
    Author,
    BulletList,
    CodeBlock,
    Collection,
    Divider,
    Figure,
    Heading,
    OrderedList,
    Paragraph,
    PullQuote,
    Quote,
    Text,
    normalize,
    project,
)
from newsdoc.formats.text import TEXT
from newsdoc.formats.text.read_layout import MAX_DEPTH, LayoutError, parse_byline, read_layout
from newsdoc.formats.text.write import write_text
from newsdoc.testing import dates

# Words the layout gives a meaning to, and characters it escapes: text made of them
# is the hardest to read back.
TRICKY = [
    "By", "and", "•", "1.", "12.", "Image:", "Main", "image:", "Credit:", "```", "``", "`", "*", "* * *",
    "###", "#", "===", "---", "~~~", "^^^", "___", "...", "=", "-", "—", "\\", "\\\\", "Published",
    "Updated", "Dateline:", "Tags:", "URL:", "Section:", "Language:", "Publisher:", "<x>", "<", ">", "(",
    ")", ",", ", ", "Ana", "\ufeff", "\u2028", "\u00a0", "x", "    ", "— x",
]  # fmt: skip
_phrases = st.lists(st.sampled_from(TRICKY), min_size=1, max_size=8).map(" ".join)
_content = _phrases.map(lambda text: (Text(text),))
_optional = st.none() | _phrases


def _blocks(depth: int) -> st.SearchStrategy:
    leaves = [
        st.builds(Paragraph, _content),
        st.builds(Heading, st.integers(1, 6), _content),
        st.builds(Figure, st.none(), _content | st.just(()), _optional),
        st.builds(
            CodeBlock, st.lists(_phrases | st.just(""), min_size=1, max_size=4).map("\n".join), _optional
        ),
        st.just(Divider()),
        st.builds(PullQuote, _content, _content | st.just(())),
    ]
    if depth:
        inner = st.lists(_blocks(depth - 1), min_size=1, max_size=3).map(tuple)
        items = st.lists(inner, min_size=1, max_size=3).map(tuple)
        leaves += [
            st.builds(Quote, inner, _content | st.just(())),
            st.builds(BulletList, items),
            st.builds(OrderedList, items, st.integers(0, 999_999_999)),
        ]
    return st.one_of(leaves)


_articles = st.builds(
    lambda **fields: normalize(Article(**fields)),
    headline=_phrases | st.just(""),
    dek=_optional,
    authors=st.lists(st.builds(Author, _phrases, _optional, _optional, _optional, _optional), max_size=3).map(
        tuple
    ),
    dateline=_optional,
    published=dates(),
    updated=dates(),
    section=_optional,
    tags=st.lists(_phrases, max_size=3).map(tuple),
    url=_optional,
    publisher=_optional,
    lead=st.none() | st.builds(Figure, st.none(), _content, _optional),
    body=st.lists(_blocks(2), max_size=5).map(tuple),
)
_documents = _articles | st.builds(
    lambda title, articles, published: normalize(Collection(title, tuple(articles), published)),
    _optional,
    st.lists(_articles, max_size=3),
    dates(),
)


def _write(doc, width=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsdoc.ContentDroppedWarning)
        return write_text(doc, width=width)


@given(_documents, st.none() | st.integers(1, 30))
def test_text_made_of_the_layouts_own_words_reads_back(doc, width):
    """Bylines, bullets, fences, rules and labels inside the words never confuse the reader."""
    text = _write(doc, width)
    back = newsdoc.read(text.encode(), format="text")
    assert (project(doc, TEXT.carries), text) == (back, _write(back, width))


@pytest.mark.parametrize(
    "body",
    [
        (Paragraph((Text("• not a list"),)),),
        (Paragraph((Text("1. not a list either"),)),),
        (Paragraph((Text("Image: not a figure"),)),),
        (Paragraph((Text("* * *"),)), Paragraph((Text("###"),))),
        (Heading(2, (Text("```not code"),)), Paragraph((Text("=== not a rule"),))),
        (Quote((Paragraph((Text("— not the attribution"),)),)),),
        (Quote((Paragraph((Text("first"),)),)), Quote((Paragraph((Text("second"),)),))),
        (BulletList(((Paragraph((Text("a"),)),),)), BulletList(((Paragraph((Text("b"),)),),))),
        (CodeBlock("```\n\n    indented\n```", "c++ `x`"),),
    ],
)
def test_look_alikes_read_back_as_what_they_are(body):
    """Each paragraph, heading, quote, list and code block comes back as itself, never merged."""
    doc = Article(headline="H", body=body)
    assert doc == newsdoc.read(write_text(doc).encode(), format="text")


def test_a_collection_reads_back_as_a_collection():
    """The title, date and every article, however empty."""
    edition = Collection("Digest", (Article(), Article(headline="Two", body=(Paragraph((Text("x"),)),))))
    assert edition == newsdoc.read(write_text(edition).encode(), format="text")


def test_windows_line_endings_read_the_same():
    """A file whose newlines became CRLF on the way still reads exactly."""
    doc = Article(headline="H", dek="D", body=(Quote((Paragraph((Text("q"),)),), (Text("who"),)),))
    assert doc == newsdoc.read(write_text(doc).replace("\n", "\r\n").encode(), format="text")


def test_text_edited_out_of_the_layout_is_read_as_saved_text():
    """Text that stops fitting the layout is no reason to fail: it is read like any saved page."""
    text = b"Flood barrier holds\n===================\n\nBy Ana Ruiz\n\n  The river peaked on Tuesday.\n"
    with pytest.raises(LayoutError):
        read_layout(text.decode().split("\n")[:-1])
    expected = Article(
        headline="Flood barrier holds",
        authors=(Author("Ana Ruiz"),),
        body=(Paragraph((Text("The river peaked on Tuesday."),)),),
    )
    assert expected == newsdoc.read(text, format="text")


def test_a_title_underlined_by_hand_is_read_as_a_saved_page():
    """An underline of another width than the headline's is not newsdoc's: furniture is dropped."""
    text = b"Flood barrier holds\n=====\n\nShare\n\nThe river peaked on Tuesday.\n"
    expected = Article(
        headline="Flood barrier holds", body=(Paragraph((Text("The river peaked on Tuesday."),)),)
    )
    assert expected == newsdoc.read(text, format="text")


def test_quotes_nested_too_deeply_are_not_newsdoc_layout():
    """Past the depth newsdoc writes, the exact reader gives up instead of recursing on."""
    lines = ["H", "=", "", " " * 4 * (MAX_DEPTH + 5) + "deep"]
    with pytest.raises(LayoutError, match="nested too deeply"):
        read_layout(lines)
    doc = newsdoc.read("\n".join(lines).encode(), format="text")
    assert isinstance(doc, Article)
    assert "H" == doc.headline


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ana Ruiz", {"name": "Ana Ruiz", "title": None, "organization": None}),
        ("Ana Ruiz, Editor, Europe", {"name": "Ana Ruiz", "title": "Editor, Europe", "organization": None}),
        ("Tom Lee (Reuters)", {"name": "Tom Lee", "title": None, "organization": "Reuters"}),
        ("Smith\\, Jr. (A\\(B\\))", {"name": "Smith, Jr.", "title": None, "organization": "A(B)"}),
        ("Ana (Reuters", None),
        ("Ana (Reuters) more", None),
        (", Editor", None),
        ("Ana\\", None),
    ],
)
def test_bylines_in_the_layout(line, expected):
    """Name, title after a comma, organization in parentheses; escapes inside; anything else is not a byline."""
    assert expected == parse_byline(line)
