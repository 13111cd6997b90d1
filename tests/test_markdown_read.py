"""Reading Markdown: newsdoc's own, pandoc's and a blog's, and input that is not Markdown at all."""

import gc
import time

import pytest

import newsdoc
from newsdoc import (
    Article,
    BulletList,
    CodeBlock,
    Embed,
    Emphasis,
    Figure,
    Heading,
    Image,
    Paragraph,
    PullQuote,
    Quote,
    ReadError,
    ReadWarning,
    Table,
    TableCell,
    Text,
)
from newsdoc.formats.markdown.read import MAX_BYTES, read_markdown

from .paths import FIXTURES

T = Text
GOLDEN = sorted(path.stem for path in (FIXTURES / "markdown").glob("*.md"))


def P(*content):  # noqa: N802 - reads like the node it builds
    return Paragraph(tuple(content))


def _read(markdown: str) -> Article:
    return read_markdown(markdown.encode())


@pytest.mark.parametrize("name", GOLDEN)
def test_golden_files_read_as_their_expected_articles(name):
    """Each fixture's Markdown reads as the article in the JSON beside it."""
    expected = newsdoc.read(FIXTURES / "markdown" / f"{name}.json")
    assert expected == read_markdown((FIXTURES / "markdown" / f"{name}.md").read_bytes())


def test_the_golden_files_are_all_there():
    """newsdoc's own Markdown, pandoc's and a blog post's."""
    assert ["blog-post", "newsdoc-article", "pandoc-article"] == GOLDEN


def test_a_level_one_heading_opening_the_body_is_the_headline():
    """Without a headline in front matter, "# Title" (or a setext title) is the headline."""
    assert Article(headline="Title", body=(P(T("Text.")),)) == _read("Title\n=====\n\nText.\n")


def test_a_headline_in_front_matter_leaves_the_heading_in_the_body():
    """The front matter's headline wins; the heading stays a heading."""
    expected = Article(headline="A", body=(Heading(1, (T("B"),)),))
    assert expected == _read("---\ntitle: A\n---\n# B\n")


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("![Alt](a.jpg)", Figure(Image("a.jpg", "Alt"))),
        ("[![Alt](a.jpg)](https://example.com/big.jpg)", Figure(Image("a.jpg", "Alt"))),
        ("![](a.jpg) The caption.", Figure(Image("a.jpg"), (T("The caption."),))),
        (
            "![Alt](a.jpg)\n*Sandbags on the quay.*\nPhoto: Jane Roe/AP",
            Figure(Image("a.jpg", "Alt"), (Emphasis((T("Sandbags on the quay."),)),), "Jane Roe/AP"),
        ),
        ("<!-- figure -->\nCaption only.", Figure(None, (T("Caption only."),))),
        ("<!-- figure -->\nCredit\\: not a credit", Figure(None, (T("Credit: not a credit"),))),
    ],
)
def test_a_paragraph_that_opens_with_an_image_is_a_figure(markdown, expected):
    """The rest of the paragraph is the caption; a last line opening with a credit marker is the credit."""
    assert Article(body=(expected,)) == _read(markdown)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("> We held.\n>\n> — The mayor", Quote((P(T("We held.")),), (T("The mayor"),))),
        ("> We held.\n> -- The mayor", Quote((P(T("We held.")),), (T("The mayor"),))),
        ("> We held.\n>\n> &#8212; not this", Quote((P(T("We held.")), P(T("— not this"))))),
        ("<!-- pull quote -->\n> Held.\n>\n> — Mayor", PullQuote((T("Held."),), (T("Mayor"),))),
        ("<!-- pull quote -->\n> One.\n>\n> Two.", Quote((P(T("One.")), P(T("Two."))))),
    ],
)
def test_quote_attributions_and_pull_quotes(markdown, expected):
    """A dash opens the attribution; a comment marks a pull quote of one paragraph."""
    assert Article(body=(expected,)) == _read(markdown)


def test_an_embed_is_a_marked_link_and_its_caption():
    """The link text names the provider; the lines after it are the caption."""
    markdown = "<!-- embed -->\n[Vimeo](https://vimeo.com/1)\\\nThe gates closing."
    assert Article(body=(Embed("https://vimeo.com/1", "Vimeo", (T("The gates closing."),)),)) == _read(
        markdown
    )


def test_an_embed_marker_before_anything_but_a_link_is_ignored():
    """The paragraph stays a paragraph."""
    assert Article(body=(P(T("Just text.")),)) == _read("<!-- embed -->\nJust text.")


def test_pandocs_table_caption_spelling_is_read():
    """ "Table: " after a table is its caption, like ": "."""
    expected = Table(head=((TableCell((T("a"),)),),), body=((TableCell((T("1"),)),),), caption=(T("Levels"),))
    assert Article(body=(expected,)) == _read("| a |\n|---|\n| 1 |\n\nTable: Levels\n")


def test_an_empty_header_row_stands_for_a_table_without_one():
    """GFM demands a header row; newsdoc writes empty cells when the table has none."""
    expected = Table(body=((TableCell((T("1"),)), TableCell(())),))
    assert Article(body=(expected,)) == _read("|  |  |\n| --- | --- |\n| 1 |\n")


def test_raw_html_blocks_are_dropped_with_their_text():
    """Scripts, sign-up boxes and layout divs are not the article."""
    markdown = "Before.\n\n<div class='ad'>\n<p>Buy now!</p>\n</div>\n\n<script>x()</script>\n\nAfter.\n"
    assert Article(body=(P(T("Before.")), P(T("After.")))) == _read(markdown)


def test_lists_nest():
    """Indented items are lists inside items."""
    expected = BulletList(((P(T("a")), BulletList(((P(T("b")),),))),))
    assert Article(body=(expected,)) == _read("- a\n  - b\n")


def test_empty_input_is_an_empty_article():
    """Nothing in, nothing out."""
    assert Article() == read_markdown(b"")


def test_a_byte_order_mark_is_not_content():
    """Editors on Windows start files with one."""
    assert Article(headline="A") == read_markdown(b"\xef\xbb\xbf---\nheadline: A\n---\n")


def test_invalid_utf8_is_replaced_with_a_warning():
    """Undecodable bytes become U+FFFD, and the reader says so."""
    with pytest.warns(ReadWarning, match=r"not valid UTF-8 \(byte 2\)"):
        doc = read_markdown(b"ab\xffcd")
    assert Article(body=(P(T("ab\ufffdcd")),)) == doc


def test_control_characters_are_dropped():
    """Characters the model refuses are removed before parsing."""
    assert Article(body=(P(T("ab")),)) == read_markdown(b"a\x00\x07b")


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("---\ntitle: [unclosed\n---\n", "front matter: front matter is not valid YAML"),
        ("---\n- a\n---\n", "front matter: front matter must be a mapping"),
    ],
)
def test_broken_front_matter_is_a_read_error_saying_where(markdown, message):
    """The error names the format and the front matter."""
    with pytest.raises(ReadError, match=message) as caught:
        _read(markdown)
    assert "markdown" == caught.value.format


def test_huge_front_matter_is_refused():
    """Metadata never runs to a megabyte; refusing it bounds YAML's work."""
    with pytest.raises(ReadError, match="front matter is longer than"):
        _read("---\n" + "a: b\n" * 300_000 + "---\n")


def test_a_50_megabyte_file_is_refused_at_once():
    """Beyond MAX_BYTES the reader stops before decoding: no article is that long."""
    data = b"Lorem ipsum dolor sit amet.\n\n" * (50 * 1024 * 1024 // 29)
    start = time.process_time()
    with pytest.raises(ReadError, match=f"longer than {MAX_BYTES} bytes is refused"):
        read_markdown(data)
    assert time.process_time() - start < 1


def test_input_just_under_the_limit_is_read():
    """Eight megabytes is still read (here as one long code block, quick to parse)."""
    line = b"x" * 1023 + b"\n"
    data = b"```\n" + line * (MAX_BYTES // 1024 - 1) + b"```\n"
    assert MAX_BYTES >= len(data)
    assert [CodeBlock((line * (MAX_BYTES // 1024 - 1)).decode().rstrip())] == list(read_markdown(data).body)


@pytest.mark.parametrize(
    "unit",
    [
        b"![",
        b"[",
        b"*a ",
        b"<a ",
        b"`a",
        b"&#",
        b"~a^",
        b"> ",
        b"- ",
        b"|-",
        b"prose, *emphasis* and [links](u). ",
    ],
)
def test_reading_time_grows_linearly(unit):
    """Four times the input takes about four times as long, for prose and for punctuation."""
    small = unit * (10_000 // len(unit))
    ratio = _cpu_seconds(small * 4) / max(_cpu_seconds(small), 0.005)
    # Quadratic growth would be 16 times; allow for noise on a shared machine.
    assert ratio < 8


def _cpu_seconds(data: bytes) -> float:
    """The least processor time of two reads, with the collector paused (its passes grow with the heap)."""
    times = []
    gc.disable()
    try:
        for _ in range(2):
            start = time.process_time()
            read_markdown(data)
            times.append(time.process_time() - start)
    finally:
        gc.enable()
    return min(times)
