"""Constructors for the nodes readers build by the thousand: the model's checks, not attrs' machinery.

Each one makes exactly the node the class would, refusing exactly what the class
refuses (it hands anything unusual to the class itself), at a third of the cost.
"""

from __future__ import annotations

from typing import TypeVar

from newsdoc._characters import find_forbidden
from newsdoc.model import Image, Inline, Link, Paragraph, Text

_new = object.__new__
_set = object.__setattr__

Mark = TypeVar("Mark")


def text(value: str) -> Text:
    """``Text(value)``."""
    # Every character the model refuses is unprintable, so printable text needs no
    # further look; text the model refuses goes to the class, which raises its error.
    if type(value) is not str or (not value.isprintable() and find_forbidden(value) is not None):
        return Text(value)
    node = _new(Text)
    _set(node, "text", value)
    return node


def mark(kind: type[Mark], content: tuple[Inline, ...]) -> Mark:
    """``kind(content)`` for a mark whose *content* the caller built from nodes."""
    node = _new(kind)
    _set(node, "content", content)
    return node


def link(href: str, content: tuple[Inline, ...], title: str | None) -> Link:
    """``Link(href, content, title)`` for *content* the caller built from nodes."""
    if not _allowed(href) or (title is not None and not _allowed(title)):
        return Link(href, content, title)
    node = _new(Link)
    _set(node, "href", href)
    _set(node, "content", content)
    _set(node, "title", title)
    return node


def paragraph(content: tuple[Inline, ...]) -> Paragraph:
    """``Paragraph(content)`` for *content* the caller built from nodes."""
    node = _new(Paragraph)
    _set(node, "content", content)
    return node


def _allowed(value: object) -> bool:
    return type(value) is str and (value.isprintable() or find_forbidden(value) is None)


def moved(image: Image, to: Image) -> Image:
    """*image* (its alt text and size) at *to*'s ``src`` and media type, both checked by *to*'s class.

    A book showing one large image in many places checks its long ``data:`` URI once.
    """
    node = _new(Image)
    _set(node, "src", to.src)
    _set(node, "alt", image.alt)
    _set(node, "width", image.width)
    _set(node, "height", image.height)
    _set(node, "media_type", to.media_type)
    return node
