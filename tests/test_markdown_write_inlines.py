"""Writing inlines: delimiters where CommonMark pairs them, HTML tags where it would not."""

import pytest
from hypothesis import given

from newsdoc import (
    Article,
    Code,
    Emphasis,
    Inline,
    LineBreak,
    Link,
    Paragraph,
    Strikethrough,
    Strong,
    Subscript,
    Superscript,
    Text,
    WriteError,
    normalize,
    project,
)
from newsdoc.formats.markdown import MARKDOWN
from newsdoc.formats.markdown.escape import line_end, line_start
from newsdoc.formats.markdown.markers import CREDIT_MARKERS
from newsdoc.formats.markdown.parser import parser
from newsdoc.formats.markdown.read_inlines import MAX_DEPTH, inlines
from newsdoc.formats.markdown.write_inlines import InlineWriter
from newsdoc.testing import inlines as any_inlines

T = Text
PLAIN = InlineWriter()


def _write(*content, writer=PLAIN):
    return writer.write(tuple(content))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ((T("a "), Emphasis((T("b"),)), T(" c")), "a *b* c"),
        ((Strong((T("bold"),)),), "**bold**"),
        ((Strikethrough((T("old"),)),), "~~old~~"),
        ((T("intra"), Emphasis((T("word"),)), T("s")), "intra*word*s"),
        ((T("x "), Emphasis((T("“q”"),)), T(" y")), "x *“q”* y"),
        ((T("a"), Emphasis((T("“q”"),)), T("b")), "a<em>“q”</em>b"),
        ((Strong((T("Read more:"),)), T("now")), "<strong>Read more:</strong>now"),
        ((Strong((T("Read more:"),)), T(" now")), "**Read more:** now"),
    ],
)
def test_marks_use_delimiters_only_where_they_pair(content, expected):
    """Delimiters are checked against the characters around them; tags stand in otherwise."""
    assert expected == _write(*content)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ((Emphasis((T("a "), Emphasis((T("b"),)), T(" c"))),), "*a <em>b</em> c*"),
        ((Emphasis((Strong((T("b"),)),)),), "*<strong>b</strong>*"),
        ((Emphasis((T("a"),)), Strong((T("b"),))), "*a*<strong>b</strong>"),
        ((Strikethrough((T("a "), Strikethrough((T("b"),)))),), "~~a <del>b</del>~~"),
    ],
)
def test_nested_and_touching_marks_never_share_a_delimiter(content, expected):
    """A mark inside or right after one with the same delimiter character is written as a tag."""
    assert expected == _write(*content)


def test_subscript_and_superscript_are_html():
    """CommonMark has no syntax for them; GitHub and pandoc read the tags."""
    assert "H<sub>2</sub>O x<sup>2</sup>" == _write(
        T("H"), Subscript((T("2"),)), T("O x"), Superscript((T("2"),))
    )


def test_links_keep_their_title_and_escape_their_text():
    """Link text is escaped like any text; titles are quoted."""
    assert '[a \\*b\\*](https://example.com/ "T \\"q\\"")' == _write(
        Link("https://example.com/", (T("a *b*"),), 'T "q"')
    )


def test_an_exclamation_mark_before_a_link_is_escaped():
    """Otherwise "![" would open an image."""
    assert "Wow\\![here](u)" == _write(T("Wow!"), Link("u", (T("here"),)))


def test_line_breaks_end_lines_with_a_backslash_and_escape_the_next_line():
    """Text after a break starts a line, so block syntax there is escaped."""
    assert "a\\\n\\# b\\\n1\\. c" == _write(T("a"), LineBreak(), T("# b"), LineBreak(), T("1. c"))


def test_single_line_writers_break_lines_with_br():
    """Headings and table cells cannot hold a newline."""
    assert "a<br>b" == InlineWriter(single_line=True).write((T("a"), LineBreak(), T("b")))


def test_markers_are_defused_at_every_line_start():
    """A caption line that looks like a credit line is escaped."""
    writer = InlineWriter(markers=CREDIT_MARKERS)
    assert "Credit\\: x\\\nPhoto\\: y" == _write(T("Credit: x"), LineBreak(), T("Photo: y"), writer=writer)


def test_code_spans_hold_backticks():
    """Inline code picks a longer fence."""
    assert "``a`b``" == _write(Code("a`b"))


@given(any_inlines(max_depth=3))
def test_any_inlines_read_back(content):
    """Whatever the nesting and the text, a paragraph of inlines reads back the same (less links in links)."""
    expected = project(Article(body=(Paragraph(content),)), MARKDOWN.carries).body
    # The block writer spells white space at a paragraph's edges as references; so does this.
    written = "".join(
        line_end(line_start(PLAIN.write(block.content))) for block in expected if isinstance(block, Paragraph)
    )
    tokens = parser().parse(written + "\n")
    assert expected == normalize(
        tuple(Paragraph(inlines(t.children or ())) for t in tokens if t.type == "inline")
    )


def test_marks_nested_past_what_the_reader_reads_are_refused():
    """The reader stops at MAX_DEPTH marks, so deeper nesting is an error, not a silent loss."""
    content: tuple[Inline, ...] = (T("x"),)
    for _ in range(MAX_DEPTH):
        content = (Subscript(content),)
    assert "<sub>" * MAX_DEPTH + "x" + "</sub>" * MAX_DEPTH == _write(*content)
    with pytest.raises(WriteError, match=f"marks nested more than {MAX_DEPTH} deep"):
        _write(Superscript(content))
