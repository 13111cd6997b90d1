"""Inline content of newsdoc's own markup read in one pass when it is canonical as it stands.

What newsdoc wrote is canonical already, so reading it and then normalizing it does
the work twice. :func:`settled_content` reads a paragraph's inlines while checking the
rules :func:`newsdoc.normalize` would apply, and gives up (None) at the first doubt;
the general reader then reads the element and normalize settles it as usual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsdoc._characters import find_forbidden
from newsdoc._nodes import link as _link
from newsdoc.model import Code, Inline, LineBreak, Link, Text

if TYPE_CHECKING:
    from newsdoc.formats.html.inlines import InlineReader

#: Marks nested deeper than this are left to the general reader.
MAX_DEPTH = 16

_new = object.__new__
_set = object.__setattr__
_BREAK = LineBreak()
# Element name -> the mark it becomes, as newsdoc's writer spells them (markup.py);
# the general reader's table (inlines.MARKS) reads the same names the same way.
_MARK_TAGS: dict[str, type] = {}


class _UnsettledError(Exception):
    """The content is not canonical as written, or holds what only the general reader reads."""


def settled_content(reader: InlineReader, element: Any) -> tuple[Inline, ...] | None:
    """The inlines of *element* if they are canonical exactly as read and not empty, else None.

    The result is what ``normalize(reader.content(element))`` gives, in one pass.
    """
    if not _MARK_TAGS:
        _load_marks()
    try:
        return _run(reader, element, 0) or None
    except _UnsettledError:
        return None


def _load_marks() -> None:
    from newsdoc.formats.html.inlines import MARKS  # inlines imports this module

    _MARK_TAGS.update(MARKS)


def _plain(text: str) -> bool:
    """Whether *text* has nothing to fold and nothing the model refuses (no need to print it all)."""
    if text.isprintable():
        return "  " not in text
    return (
        "  " not in text
        and "\n" not in text
        and "\t" not in text
        and "\r" not in text
        and find_forbidden(text) is None
    )


def _run(reader: InlineReader, element: Any, depth: int) -> tuple[Inline, ...]:
    """One run (a block's content or a mark's), checked against normalize's rules as it is read.

    The checks are those of :func:`newsdoc.canonical._settled`: no empty or adjacent
    text, no doubled or unfolded white space, no space at the run's edges or before a
    line break, no empty mark, no mark beside one of its own kind.
    """
    out: list[Inline] = []
    previous: type | None = None  # the kind of the node before
    space_before = False  # whether the node before is text ending in a space
    text = element.text
    if text:
        if text[0] == " " or not ((text.isprintable() and "  " not in text) or _plain(text)):
            raise _UnsettledError
        node = _new(Text)
        _set(node, "text", text)
        out.append(node)
        previous = Text
        space_before = text[-1] == " "
    for child in element:
        tag = child.tag
        kind = _MARK_TAGS.get(tag)
        if kind is not None:
            out.append(_mark_of(reader, child, kind, previous, depth))
            previous = kind
            space_before = False
        elif tag == "a":
            out.append(_link_of(reader, child, previous, depth))
            previous = Link
            space_before = False
        elif tag == "br":
            if space_before or previous is None:
                raise _UnsettledError
            out.append(_BREAK)
            previous = LineBreak
        elif tag == "code":
            out.append(_code_of(child, previous))
            previous = Code
            space_before = False
        else:
            raise _UnsettledError  # media, unknown wrappers, comments: the general reader's work
        tail = child.tail
        if tail:
            if not ((tail.isprintable() and "  " not in tail) or _plain(tail)) or (
                previous is LineBreak and tail[0] == " "
            ):
                raise _UnsettledError
            node = _new(Text)
            _set(node, "text", tail)
            out.append(node)
            previous = Text
            space_before = tail[-1] == " "
    if space_before or previous is LineBreak:
        raise _UnsettledError
    return tuple(out)


def _mark_of(reader: InlineReader, element: Any, kind: type, previous: type | None, depth: int) -> Inline:
    if kind is previous or depth >= MAX_DEPTH:
        raise _UnsettledError
    content = _run(reader, element, depth + 1)
    if not content:
        raise _UnsettledError
    node: Inline = _new(kind)
    _set(node, "content", content)
    return node


def _link_of(reader: InlineReader, element: Any, previous: type | None, depth: int) -> Link:
    url = reader.url(reader.exact(element, "href"))
    if url is None or previous is Link or depth >= MAX_DEPTH:
        raise _UnsettledError
    content = _run(reader, element, depth + 1)
    if not content:
        raise _UnsettledError
    return _link(url, content, reader.exact(element, "title"))


def _code_of(element: Any, previous: type | None) -> Code:
    code = element.text
    if previous is Code or len(element) or not code or code[0] == " " or code[-1] == " " or not _plain(code):
        raise _UnsettledError
    return Code(code)
