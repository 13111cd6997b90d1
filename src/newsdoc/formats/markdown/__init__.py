"""Markdown: CommonMark with GFM tables, the article's metadata in YAML front matter.

Lossy where Markdown has no syntax: image sizes, table spans, irregular tables,
links inside links, and collections (one article per file).
"""

from __future__ import annotations

from newsdoc.fidelity import EVERYTHING, Feature
from newsdoc.formats.registry import Format

_BOM = b"\xef\xbb\xbf"

# What Markdown looks like in its first bytes, with how sure each sign makes us. Plain
# text sniffs at 0.05 (0.2 for its own underlined headline), so any sign here wins.
_FIRST_LINES: tuple[tuple[bytes, float], ...] = (
    (b"---\n", 0.6),  # YAML front matter: Jekyll, Hugo, pandoc, Obsidian, newsdoc
    (b"---\r\n", 0.6),  # the same, saved on Windows
)
_LINE_STARTS: tuple[tuple[bytes, float], ...] = (
    (b"# ", 0.3),  # ATX headings: the title line of READMEs, pandoc and blog posts
    (b"## ", 0.3),
    (b"### ", 0.3),
    # Fenced code blocks (GitHub, pandoc); newsdoc's own plain text fences code too, and
    # its underlined headline (0.2) must win there.
    (b"```", 0.15),
    (b"~~~", 0.15),
    (b"| --- |", 0.3),  # a GFM table's delimiter row, as pandoc and newsdoc write it
    (b"|---", 0.3),  # the same, written without spaces (GitHub's editor)
    (b"![", 0.3),  # an image on its own line: a figure
)
_ANYWHERE: tuple[tuple[bytes, float], ...] = (
    (b"](http", 0.3),  # inline links and images to the web
    (b"**", 0.1),  # strong emphasis; also seen in plain-text e-mails, hence low
)


def _sniff_markdown(head: bytes) -> float:
    text = head.removeprefix(_BOM)
    if not text or b"\x00" in text:
        return 0.0
    best = 0.0
    for start, confidence in _FIRST_LINES:
        if text.startswith(start):
            best = max(best, confidence)
    lines = text.splitlines()
    for start, confidence in _LINE_STARTS:
        if confidence > best and any(line.startswith(start) for line in lines):
            best = confidence
    for sign, confidence in _ANYWHERE:
        if confidence > best and sign in text:
            best = confidence
    return best


MARKDOWN = Format(
    name="markdown",
    description="Markdown: CommonMark with GFM tables and YAML front matter",
    media_type="text/markdown",
    binary=False,
    suffixes=(".md", ".markdown"),
    aliases=("md",),
    reader="newsdoc.formats.markdown.read:read_markdown",
    writer="newsdoc.formats.markdown.write:write_markdown",
    carries=EVERYTHING
    - {
        Feature.IMAGE_DETAILS,
        Feature.TABLE_SPANS,
        Feature.IRREGULAR_TABLES,
        Feature.NESTED_LINKS,
        Feature.COLLECTIONS,
        Feature.COLLECTION_METADATA,
    },
    sniff=_sniff_markdown,
)
