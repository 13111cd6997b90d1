"""What a format can carry, and :func:`project`, which drops the rest of a document.

Writers report what they drop from the same declarations, and the round-trip tests
check each format against them, so stated and tested fidelity cannot drift apart.
"""

from __future__ import annotations

import enum
import warnings
from collections.abc import Iterable
from typing import TypeVar

import attrs

from newsdoc.canonical import normalize
from newsdoc.errors import ContentDroppedWarning, WriteError
from newsdoc.model import (
    Article,
    Author,
    Code,
    Collection,
    Embed,
    Emphasis,
    Figure,
    Image,
    Inline,
    LineBreak,
    Link,
    Node,
    Paragraph,
    PullQuote,
    Quote,
    Strikethrough,
    Strong,
    Subscript,
    Superscript,
    Table,
    TableCell,
    Text,
)
from newsdoc.traversal import transform, walk

D = TypeVar("D", bound=Article | Collection)


class Feature(enum.StrEnum):
    """A kind of content a format may or may not be able to carry."""

    MARKS = "marks"
    """Emphasis, strong, subscript, superscript, strikethrough and inline code."""
    LINKS = "links"
    """Link targets and titles (without them, the link text stays)."""
    LINE_BREAKS = "line_breaks"
    """Hard line breaks inside a block (without them, a space)."""
    IMAGES = "images"
    """Image sources and alt text (without them, a figure keeps caption and credit)."""
    IMAGE_DETAILS = "image_details"
    """Image width, height and media type."""
    EMBEDS = "embeds"
    """Embedded media: video, social posts, maps (without them, the caption stays)."""
    TABLES = "tables"
    """Tables (without them, each row becomes a paragraph)."""
    TABLE_SPANS = "table_spans"
    """Cells spanning several rows or columns."""
    PULL_QUOTES = "pull_quotes"
    """Pull quotes as their own kind of block (without them, a block quote)."""
    AUTHOR_DETAILS = "author_details"
    """An author's title, organization, bio and link (without them, the name)."""
    COLLECTIONS = "collections"
    """Several articles in one file."""
    COLLECTION_METADATA = "collection_metadata"
    """A collection's own title and date."""
    NESTED_LINKS = "nested_links"
    """Links inside the text of other links (without them, the inner link keeps its text)."""
    IRREGULAR_TABLES = "irregular_tables"
    """Tables that are not one plain grid: rows of different lengths, several header rows,
    or a header row with every cell empty (without them, short rows are padded with empty
    cells, header rows after the first join the body, and an empty header row is dropped)."""


#: Every feature: what a lossless format declares.
EVERYTHING: frozenset[Feature] = frozenset(Feature)

_MARK_TYPES = (Emphasis, Strong, Subscript, Superscript, Strikethrough, Code)


def features_used(doc: Node) -> frozenset[Feature]:
    """Return the features *doc* uses, so a writer can say what it would drop."""
    used: set[Feature] = set()
    for node in walk(doc):
        if isinstance(node, _MARK_TYPES):
            used.add(Feature.MARKS)
        elif isinstance(node, Link):
            used.add(Feature.LINKS)
        elif isinstance(node, LineBreak):
            used.add(Feature.LINE_BREAKS)
        elif isinstance(node, Image):
            used.add(Feature.IMAGES)
            if node.width or node.height or node.media_type:
                used.add(Feature.IMAGE_DETAILS)
        elif isinstance(node, Embed):
            used.add(Feature.EMBEDS)
        elif isinstance(node, Table):
            used.add(Feature.TABLES)
        elif isinstance(node, TableCell):
            if node.colspan != 1 or node.rowspan != 1:
                used.add(Feature.TABLE_SPANS)
        elif isinstance(node, PullQuote):
            used.add(Feature.PULL_QUOTES)
        elif isinstance(node, Author):
            if node.title or node.organization or node.bio or node.url:
                used.add(Feature.AUTHOR_DETAILS)
        elif isinstance(node, Collection):
            used.add(Feature.COLLECTIONS)
            if node.title is not None or node.published is not None:
                used.add(Feature.COLLECTION_METADATA)
        if isinstance(node, Link) and any(isinstance(inner, Link) for inner in _descendants(node)):
            used.add(Feature.NESTED_LINKS)
        elif isinstance(node, Table) and _as_grid(node) != node:
            used.add(Feature.IRREGULAR_TABLES)
    return frozenset(used)


def project(doc: D, carries: Iterable[Feature]) -> D:
    """Return *doc* reduced to what a format that *carries* these features keeps.

    The result is normalized. For a lossless format it equals ``normalize(doc)``.

    >>> from newsdoc import Article, Emphasis, Feature, Paragraph, Text, project
    >>> doc = Article(headline="H", body=(Paragraph((Emphasis((Text("hi"),)),)),))
    >>> project(doc, set()).body
    (Paragraph(content=(Text(text='hi'),)),)
    """
    keep = frozenset(carries)
    missing = EVERYTHING - keep

    def reduce(node: Node) -> Node | tuple[Node, ...] | None:
        if Feature.MARKS in missing and isinstance(node, _MARK_TYPES):
            return (Text(node.text),) if isinstance(node, Code) else node.content
        if Feature.LINKS in missing and isinstance(node, Link):
            return node.content
        if Feature.LINE_BREAKS in missing and isinstance(node, LineBreak):
            return Text(" ")
        if Feature.IMAGES in missing and isinstance(node, Figure):
            return attrs.evolve(node, image=None)
        if Feature.IMAGE_DETAILS in missing and isinstance(node, Image):
            return attrs.evolve(node, width=None, height=None, media_type=None)
        if Feature.EMBEDS in missing and isinstance(node, Embed):
            return Paragraph(node.caption)
        if Feature.TABLES in missing and isinstance(node, Table):
            return _table_as_paragraphs(node)
        if Feature.TABLE_SPANS in missing and isinstance(node, TableCell):
            return attrs.evolve(node, colspan=1, rowspan=1)
        if Feature.PULL_QUOTES in missing and isinstance(node, PullQuote):
            return Quote((Paragraph(node.content),), node.attribution)
        if Feature.AUTHOR_DETAILS in missing and isinstance(node, Author):
            return Author(node.name)
        if Feature.COLLECTION_METADATA in missing and isinstance(node, Collection):
            return attrs.evolve(node, title=None, published=None)
        if Feature.NESTED_LINKS in missing and isinstance(node, Link):
            return attrs.evolve(node, content=_without_links(node.content))
        if Feature.IRREGULAR_TABLES in missing and isinstance(node, Table):
            return _as_grid(node)
        return node

    if Feature.COLLECTIONS in missing and isinstance(doc, Collection) and len(doc.articles) > 1:
        raise WriteError("this format holds one article; the collection has several")
    return normalize(transform(doc, reduce))


def _table_as_paragraphs(table: Table) -> tuple[Paragraph, ...]:
    """One paragraph per row, the cells separated by spaces."""
    paragraphs = []
    for row in (*table.head, *table.body):
        content: list[Inline] = []
        for index, cell in enumerate(row):
            if index:
                content.append(Text(" "))
            content.extend(cell.content)
        paragraphs.append(Paragraph(tuple(content)))
    return tuple(paragraphs)


def report_dropped(doc: Node, carries: Iterable[Feature], *, format: str, strict: bool = False) -> None:
    """Warn (or with *strict*, raise :class:`WriteError`) when *doc* uses features the format lacks."""
    lacks = _ALL_FEATURES - frozenset(carries)
    if not lacks:
        return  # a lossless format: nothing to look for
    dropped = sorted(features_used(doc) & lacks)
    if not dropped:
        return
    what = f"{format} cannot carry {', '.join(dropped)}"
    if strict:
        raise WriteError(f"{what}; nothing written (strict)")
    warnings.warn(f"{what}; left out of the output", ContentDroppedWarning, stacklevel=3)


_ALL_FEATURES = frozenset(Feature)


def _descendants(node: Node) -> Iterable[Node]:
    nodes = walk(node)
    next(nodes)  # the node itself
    return nodes


def _without_links(content: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """*content* with every link replaced by its text, inside marks too."""
    out: list[Inline] = []
    for node in content:
        if isinstance(node, Link):
            out.extend(_without_links(node.content))
        elif isinstance(node, Emphasis | Strong | Subscript | Superscript | Strikethrough):
            out.append(attrs.evolve(node, content=_without_links(node.content)))
        else:
            out.append(node)
    return tuple(out)


def _as_grid(table: Table) -> Table:
    """*table* as one plain grid: at most one header row, with text, and rows of one length."""
    head = table.head[:1]
    body = table.head[1:] + table.body
    if head and all(not normalize(cell.content) for cell in head[0]):
        head = ()
    width = max((len(row) for row in (*head, *body)), default=0)
    empty = TableCell(())

    def pad(rows: tuple[tuple[TableCell, ...], ...]) -> tuple[tuple[TableCell, ...], ...]:
        # Empty rows vanish in normal form, so they stay empty rather than padded.
        return tuple(row + (empty,) * (width - len(row)) if row else row for row in rows)

    grid = Table(pad(head), pad(body), table.caption)
    return table if grid == table else grid
