"""The markdown format record: registration, names, what it carries, and sniffing."""

import pytest

import newsdoc
from newsdoc import EVERYTHING, Feature
from newsdoc.formats.markdown import MARKDOWN

from .paths import FIXTURES


def test_markdown_registers_through_its_entry_point():
    """The record comes from the newsdoc.formats group, like any plugin's."""
    from importlib.metadata import entry_points

    points = {ep.name: ep.value for ep in entry_points(group="newsdoc.formats")}
    assert "newsdoc.formats.markdown:MARKDOWN" == points["markdown"]
    assert MARKDOWN == newsdoc.get_format("markdown")


@pytest.mark.parametrize("name", ["markdown", "md", "MD"])
def test_markdown_is_found_by_name_and_alias(name):
    """Both names find the format."""
    assert "markdown" == newsdoc.get_format(name).name


@pytest.mark.parametrize("path", ["story.md", "Story.MARKDOWN", "notes/a.b.md"])
def test_markdown_is_found_by_suffix(path):
    """.md and .markdown files are Markdown."""
    assert "markdown" == newsdoc.format_for_path(path).name


def test_the_record_describes_a_text_format():
    """Markdown is text, with its registered media type."""
    assert ("text/markdown", False) == (MARKDOWN.media_type, MARKDOWN.binary)


def test_markdown_declares_what_it_cannot_carry():
    """Image sizes, spans, irregular tables, nested links and collections are all it drops."""
    expected = {
        Feature.IMAGE_DETAILS,
        Feature.TABLE_SPANS,
        Feature.IRREGULAR_TABLES,
        Feature.NESTED_LINKS,
        Feature.COLLECTIONS,
        Feature.COLLECTION_METADATA,
    }
    assert expected == EVERYTHING - MARKDOWN.carries


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"---\ntitle: A\n---\n\nText.", 0.6),
        (b"\xef\xbb\xbf---\r\ntitle: A\r\n---\r\n", 0.6),
        (b"# A headline\n\nText.", 0.3),
        (b"Intro\n\n```python\nx = 1\n```\n", 0.15),
        (b"See [the report](https://example.com/r).", 0.3),
        (b"| a | b |\n| --- | --- |\n| 1 | 2 |\n", 0.3),
        (b"Some **bold** words.", 0.1),
        (b"Just a sentence.", 0.0),
        (b"", 0.0),
        (b"---\n\x00\x01", 0.0),
    ],
)
def test_sniffing_scores_markdown_signs(head, expected):
    """Front matter is a strong sign, headings, fences, links and tables weaker ones."""
    assert MARKDOWN.sniff is not None
    assert expected == MARKDOWN.sniff(head)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"---\nheadline: Flood\n---\n\nThe river rose.\n", "markdown"),
        (b"# Flood\n\nThe river rose.\n", "markdown"),
        (b"Some words.\n\n```\ncode\n```\n", "markdown"),
        (b"Headline\n========\n\nSome words.\n\n```\ncode\n```\n", "text"),
        (b'{"newsdoc":1,"type":"article"}', "json"),
    ],
)
def test_markdown_wins_detection_when_it_looks_like_markdown(head, expected):
    """Content detection picks Markdown for Markdown, and leaves newsdoc's text and JSON alone."""
    assert expected == newsdoc.detect_format(head).name


@pytest.mark.parametrize("name", ["blog-post", "newsdoc-article", "pandoc-article"])
def test_newsdocs_own_text_and_markdown_are_told_apart(name):
    """The same article written as text sniffs as text, and as Markdown as Markdown."""
    import warnings

    doc = newsdoc.read(FIXTURES / "markdown" / f"{name}.json")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsdoc.ContentDroppedWarning)
        written = {fmt: str(newsdoc.write(doc, format=fmt)).encode() for fmt in ("text", "markdown")}
    assert {"text": "text", "markdown": "markdown"} == {
        fmt: newsdoc.detect_format(data).name for fmt, data in written.items()
    }
