"""The article tree: documents, blocks and inlines, frozen and validated.

Every node is an immutable, hashable, picklable attrs class. Sequences are tuples.
Construction checks types and the invariants every writer relies on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any, TypeAlias

import attrs
from attrs import field, frozen

from newsdoc._characters import find_forbidden

# --- validators ------------------------------------------------------------------
# Hand-written rather than composed from attrs.validators: readers build thousands of
# nodes per article, and a single loop per field is several times faster.


def _check_text(owner: str, name: str, value: object) -> None:
    if type(value) is not str:
        raise TypeError(f"{owner}.{name} must be a str, not {type(value).__name__}")
    problem = find_forbidden(value)
    if problem is not None:
        raise ValueError(f"{owner}.{name} contains a character documents cannot carry: {problem}")


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # The common case inline: a printable str needs no further look (see _characters).
    if type(value) is not str or not value.isprintable():
        _check_text(type(instance).__name__, attribute.name, value)


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not str or not value.isprintable()):
        _check_text(type(instance).__name__, attribute.name, value)


def _tuple_of(kinds: str) -> Any:
    """A validator for a tuple whose items are instances of the named union."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        allowed = _UNIONS[kinds]
        if type(value) is not tuple:
            raise TypeError(
                f"{type(instance).__name__}.{attribute.name} must be a tuple of {kinds}, "
                f"not {type(value).__name__}"
            )
        for index, item in enumerate(value):
            if not isinstance(item, allowed):
                raise TypeError(
                    f"{type(instance).__name__}.{attribute.name}[{index}] must be one of "
                    f"the {kinds} ({', '.join(c.__name__ for c in allowed)}), "
                    f"not {type(item).__name__}"
                )

    return check


def _tuple_of_tuples(kinds: str) -> Any:
    """A validator for list items and table rows: a tuple of tuples of *kinds*."""
    inner = _tuple_of(kinds)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not tuple:
            raise TypeError(
                f"{type(instance).__name__}.{attribute.name} must be a tuple of tuples, "
                f"not {type(value).__name__}"
            )
        for item in value:
            inner(instance, attribute, item)

    return check


def _int_between(low: int, high: int | None) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not int:
            raise TypeError(
                f"{type(instance).__name__}.{attribute.name} must be an int, not {type(value).__name__}"
            )
        if value < low or (high is not None and value > high):
            bounds = f"{low} to {high}" if high is not None else f"at least {low}"
            raise ValueError(f"{type(instance).__name__}.{attribute.name} must be {bounds}, not {value}")

    return check


def _optional_dimension(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _int_between(1, None)(instance, attribute, value)


def _when(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    where = f"{type(instance).__name__}.{attribute.name}"
    if value is None:
        return
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"{where} must be a timezone-aware datetime or a date, not a naive datetime")
    elif not isinstance(value, dt.date):
        raise TypeError(f"{where} must be a datetime, a date or None, not {type(value).__name__}")


# BCP 47 language tags, loosely: a 2-3 letter (or 4-8 registered) primary subtag
# followed by script, region and variant subtags (RFC 5646, section 2.1).
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
# RFC 6838 media type names: type "/" subtype, restricted-name characters.
_MEDIA_TYPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}")


def _optional_pattern(pattern: re.Pattern[str], what: str) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        _check_text(type(instance).__name__, attribute.name, value)
        assert isinstance(value, str)
        if pattern.fullmatch(value) is None:
            raise ValueError(f"{type(instance).__name__}.{attribute.name} must be {what}, not {value!r}")

    return check


def _tags(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not tuple:
        raise TypeError(f"Article.tags must be a tuple of str, not {type(value).__name__}")
    for index, tag in enumerate(value):
        _check_text("Article", f"tags[{index}]", tag)


def _authors(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not tuple:
        raise TypeError(f"Article.authors must be a tuple of Author, not {type(value).__name__}")
    for index, author in enumerate(value):
        if not isinstance(author, Author):
            raise TypeError(f"Article.authors[{index}] must be an Author, not {type(author).__name__}")


def _optional_instance(kind: type) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, kind):
            raise TypeError(
                f"{type(instance).__name__}.{attribute.name} must be a {kind.__name__} or None, "
                f"not {type(value).__name__}"
            )

    return check


def _articles(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not tuple:
        raise TypeError(f"Collection.articles must be a tuple of Article, not {type(value).__name__}")
    for index, article in enumerate(value):
        if not isinstance(article, Article):
            raise TypeError(f"Collection.articles[{index}] must be an Article, not {type(article).__name__}")


# --- inlines -----------------------------------------------------------------------


@frozen
class Text:
    """A run of text. White space is folded as HTML folds it, once normalized."""

    text: str = field(validator=_text)


@frozen
class Emphasis:
    """Emphasised text, usually set in italics (``<em>``)."""

    content: tuple[Inline, ...] = field(validator=_tuple_of("inlines"))


@frozen
class Strong:
    """Strongly emphasised text, usually set in bold (``<strong>``)."""

    content: tuple[Inline, ...] = field(validator=_tuple_of("inlines"))


@frozen
class Link:
    """A hyperlink; *href* is kept as written, *title* is the advisory tooltip."""

    href: str = field(validator=_text)
    content: tuple[Inline, ...] = field(validator=_tuple_of("inlines"))
    title: str | None = field(default=None, validator=_optional_text)


@frozen
class Code:
    """Inline code or a literal name (``<code>``)."""

    text: str = field(validator=_text)


@frozen
class Subscript:
    """Subscript text (``<sub>``), as in chemical formulae."""

    content: tuple[Inline, ...] = field(validator=_tuple_of("inlines"))


@frozen
class Superscript:
    """Superscript text (``<sup>``), as in footnote marks and ordinals."""

    content: tuple[Inline, ...] = field(validator=_tuple_of("inlines"))


@frozen
class Strikethrough:
    """Struck-out text (``<s>``, ``<del>``), as in visible corrections."""

    content: tuple[Inline, ...] = field(validator=_tuple_of("inlines"))


@frozen
class LineBreak:
    """A hard line break inside a block (``<br>``), as in addresses and verse."""


# --- blocks ------------------------------------------------------------------------


@frozen
class Paragraph:
    """A paragraph of body text."""

    content: tuple[Inline, ...] = field(validator=_tuple_of("inlines"))


@frozen
class Heading:
    """A subheading inside the body; *level* runs from 1 to 6 as in HTML."""

    level: int = field(validator=_int_between(1, 6))
    content: tuple[Inline, ...] = field(validator=_tuple_of("inlines"))


@frozen
class Quote:
    """A block quotation (``<blockquote>``), with an optional attribution."""

    body: tuple[Block, ...] = field(validator=_tuple_of("blocks"))
    attribution: tuple[Inline, ...] = field(default=(), validator=_tuple_of("inlines"))


@frozen
class PullQuote:
    """A passage of the article repeated large for effect (``<aside>``)."""

    content: tuple[Inline, ...] = field(validator=_tuple_of("inlines"))
    attribution: tuple[Inline, ...] = field(default=(), validator=_tuple_of("inlines"))


@frozen
class BulletList:
    """An unordered list; each item is a tuple of blocks, so lists nest."""

    items: tuple[tuple[Block, ...], ...] = field(validator=_tuple_of_tuples("blocks"))


@frozen
class OrderedList:
    """A numbered list starting at *start*; each item is a tuple of blocks."""

    items: tuple[tuple[Block, ...], ...] = field(validator=_tuple_of_tuples("blocks"))
    start: int = field(default=1, validator=_int_between(0, 999_999_999))


@frozen
class Image:
    """An image: where it is (*src*, a URL or path) and how to describe it (*alt*)."""

    src: str = field(validator=_text)
    alt: str | None = field(default=None, validator=_optional_text)
    width: int | None = field(default=None, validator=_optional_dimension)
    height: int | None = field(default=None, validator=_optional_dimension)
    media_type: str | None = field(
        default=None, validator=_optional_pattern(_MEDIA_TYPE, "a media type such as 'image/jpeg'")
    )


@frozen
class Figure:
    """An image with its caption and credit; *image* is None when only the words survive."""

    image: Image | None = field(default=None, validator=_optional_instance(Image))
    caption: tuple[Inline, ...] = field(default=(), validator=_tuple_of("inlines"))
    credit: str | None = field(default=None, validator=_optional_text)


@frozen
class Embed:
    """Embedded third-party media: a video, a social post, a map."""

    url: str = field(validator=_text)
    provider: str | None = field(default=None, validator=_optional_text)
    caption: tuple[Inline, ...] = field(default=(), validator=_tuple_of("inlines"))


@frozen
class TableCell:
    """One table cell; spans follow HTML's limits (``colspan`` ≤ 1000, ``rowspan`` ≤ 65534)."""

    content: tuple[Inline, ...] = field(validator=_tuple_of("inlines"))
    colspan: int = field(default=1, validator=_int_between(1, 1000))
    rowspan: int = field(default=1, validator=_int_between(1, 65534))


@frozen
class Table:
    """A data table: header rows, body rows and a caption."""

    head: tuple[tuple[TableCell, ...], ...] = field(default=(), validator=_tuple_of_tuples("cells"))
    body: tuple[tuple[TableCell, ...], ...] = field(default=(), validator=_tuple_of_tuples("cells"))
    caption: tuple[Inline, ...] = field(default=(), validator=_tuple_of("inlines"))


@frozen
class CodeBlock:
    """Preformatted text, kept exactly; *language* names its syntax if known."""

    text: str = field(validator=_text)
    language: str | None = field(default=None, validator=_optional_text)


@frozen
class Divider:
    """A thematic break between sections of the story (``<hr>``)."""


# --- documents ---------------------------------------------------------------------


@frozen
class Author:
    """A person (or desk) credited with the article.

    *title* is the role ("Environment correspondent"), *organization* the agency or
    outlet the person writes for when it is not the publisher ("Reuters").
    """

    name: str = field(validator=_text)
    title: str | None = field(default=None, validator=_optional_text)
    organization: str | None = field(default=None, validator=_optional_text)
    bio: str | None = field(default=None, validator=_optional_text)
    url: str | None = field(default=None, validator=_optional_text)


@frozen(kw_only=True)
class Article:
    """One news article: its metadata, its lead art and its body.

    *published* and *updated* are timezone-aware datetimes, or dates where only the
    day is known. *language* is a BCP 47 tag such as ``"en"`` or ``"pt-BR"``.
    """

    headline: str = field(default="", validator=_text)
    dek: str | None = field(default=None, validator=_optional_text)
    authors: tuple[Author, ...] = field(default=(), validator=_authors)
    dateline: str | None = field(default=None, validator=_optional_text)
    published: dt.datetime | dt.date | None = field(default=None, validator=_when)
    updated: dt.datetime | dt.date | None = field(default=None, validator=_when)
    section: str | None = field(default=None, validator=_optional_text)
    tags: tuple[str, ...] = field(default=(), validator=_tags)
    url: str | None = field(default=None, validator=_optional_text)
    language: str | None = field(
        default=None, validator=_optional_pattern(_LANGUAGE_TAG, "a BCP 47 language tag such as 'en-GB'")
    )
    publisher: str | None = field(default=None, validator=_optional_text)
    lead: Figure | None = field(default=None, validator=_optional_instance(Figure))
    body: tuple[Block, ...] = field(default=(), validator=_tuple_of("blocks"))

    @property
    def figures(self) -> tuple[Figure, ...]:
        """The lead figure and every figure in the body, in reading order."""
        found: list[Figure] = [] if self.lead is None else [self.lead]
        found.extend(_figures_in(self.body))
        return tuple(found)


@frozen
class Collection:
    """Several articles read or written together: an edition, a digest, a feed."""

    title: str | None = field(default=None, validator=_optional_text)
    articles: tuple[Article, ...] = field(default=(), validator=_articles)
    published: dt.datetime | dt.date | None = field(default=None, validator=_when)


def _figures_in(blocks: tuple[Block, ...]) -> Iterator[Figure]:
    for block in blocks:
        if isinstance(block, Figure):
            yield block
        elif isinstance(block, Quote):
            yield from _figures_in(block.body)
        elif isinstance(block, BulletList | OrderedList):
            for item in block.items:
                yield from _figures_in(item)


Inline: TypeAlias = (
    Text | Emphasis | Strong | Link | Code | Subscript | Superscript | Strikethrough | LineBreak
)
Block: TypeAlias = (
    Paragraph
    | Heading
    | Quote
    | PullQuote
    | BulletList
    | OrderedList
    | Figure
    | Embed
    | Table
    | CodeBlock
    | Divider
)
Document: TypeAlias = Article | Collection

INLINE_TYPES: tuple[type, ...] = (
    Text,
    Emphasis,
    Strong,
    Link,
    Code,
    Subscript,
    Superscript,
    Strikethrough,
    LineBreak,
)
BLOCK_TYPES: tuple[type, ...] = (
    Paragraph,
    Heading,
    Quote,
    PullQuote,
    BulletList,
    OrderedList,
    Figure,
    Embed,
    Table,
    CodeBlock,
    Divider,
)
_UNIONS: dict[str, tuple[type, ...]] = {
    "inlines": INLINE_TYPES,
    "blocks": BLOCK_TYPES,
    "cells": (TableCell,),
}
Node: TypeAlias = Inline | Block | Image | TableCell | Author | Article | Collection
