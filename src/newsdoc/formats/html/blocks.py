"""Read block-level HTML into model blocks; unknown wrappers are unwrapped without recursion.

Loose text and inline elements between blocks gather into a paragraph, as a browser
renders them in an anonymous block box.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newsdoc import _nodes as nodes
from newsdoc.formats.html import figures, tables
from newsdoc.formats.html.inlines import BLOCK_LEVEL, DROPPED, MISPARSED_VOID, InlineReader
from newsdoc.formats.html.settled import settled_content
from newsdoc.model import (
    Block,
    BulletList,
    Divider,
    Heading,
    Inline,
    OrderedList,
    Paragraph,
    PullQuote,
    Quote,
    Text,
)

#: Lists and quotes nested deeper than this are read as if unwrapped: the model's
#: functions recurse once per level, and no article nests this deep.
MAX_BLOCK_DEPTH = 32

#: Class names that mark a pull quote (WordPress's core/pullquote block: "wp-block-pullquote";
#: news templates: "pullquote", "pull-quote").
PULL_QUOTE_CLASS_WORDS = frozenset({"pullquote", "pull-quote", "pull_quote", "wp-block-pullquote"})
#: Class names marking a pull quote's attribution inside it.
ATTRIBUTION_CLASSES = frozenset({"attribution", "cite", "source", "author"})

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements dropped at block level beyond those dropped everywhere: page chrome that
# has no place in an article body once the header and footer have been read.
_DROPPED_BLOCKS = DROPPED | {"header", "footer", "aside", "iframe"}
_WHITESPACE = " \t\n\r\f"
_MAX_START = 999_999_999


class BlockReader(InlineReader):
    """Reads block content; see :class:`~newsdoc.formats.html.inlines.InlineReader` for the shared state."""

    def __init__(self, *, base: str | None, own: bool, clean: bool) -> None:
        super().__init__(base=base, own=own, clean=clean)
        self.media_block = lambda element: figures.media_block(element, self)
        #: The ids of blocks read as canonical already (settled.py): normalize passes them by.
        self.settled: set[int] = set()

    def blocks(self, parent: Any, depth: int = 0) -> list[Block]:
        """The blocks inside *parent*."""
        return self.sequence(parent.text, iter(parent), depth)

    def sequence(self, text: str | None, children: Iterator[Any], depth: int) -> list[Block]:
        """The blocks of leading *text* and then *children* (each followed by its tail)."""
        out: list[Block] = []
        run: list[Inline] = []
        if text:
            self._loose(text, run)
        # Unwrapped elements: the iterator over the outer children, and the wrapper
        # whose tail follows once its own children are done.
        stack: list[tuple[Iterator[Any], Any]] = []
        while True:
            child = next(children, None)
            if child is None:
                if not stack:
                    break
                children, wrapper = stack.pop()
                self._flush(run, out)
                if wrapper.tail:
                    self._loose(wrapper.tail, run)
                continue
            tag = child.tag
            if type(tag) is str and child.get("hidden") is None:
                if tag in _WRAPPERS or (depth >= MAX_BLOCK_DEPTH and tag in _NESTING) or _container(child):
                    # Unwrapped in place, not by recursion: nesting depth costs no stack.
                    self._flush(run, out)
                    stack.append((children, child))
                    children = iter(child)
                    if child.text:
                        self._loose(child.text, run)
                    continue  # its tail comes when its children are done
                handler = _BLOCK_HANDLERS.get(tag)
                if handler is not None:
                    self._flush(run, out)
                    handler(self, child, out, depth)
                elif tag not in _DROPPED_BLOCKS:
                    self.element(child, run, depth)
            tail = child.tail
            if tail:
                self._loose(tail, run)
        self._flush(run, out)
        return out

    def _loose(self, text: str, run: list[Inline]) -> None:
        # White space before anything visible never shows: skip the node entirely.
        if run or text.strip(_WHITESPACE):
            run.append(Text(self.string(text)))

    def _flush(self, run: list[Inline], out: list[Block]) -> None:
        if run:
            out.append(Paragraph(tuple(run)))
            run.clear()
        if self.media:
            out.extend(self.take_media())

    # --- handlers ------------------------------------------------------------------------

    def _paragraph(self, element: Any, out: list[Block], _depth: int) -> None:
        if self.own and not self.clean:
            content = settled_content(self, element)
            if content is not None:
                paragraph = nodes.paragraph(content)
                self.settled.add(id(paragraph))
                out.append(paragraph)
                return
        out.append(nodes.paragraph(self.content(element)))
        if self.media:
            out.extend(self.take_media())

    def _heading(self, element: Any, out: list[Block], _depth: int) -> None:
        level = _HEADINGS[element.tag]
        if self.own:
            # Written one level down to keep the outline valid; the model's level kept here.
            level = _HEADINGS.get(f"h{element.get('data-level')}", level)
        out.append(Heading(level, self.content(element)))
        if self.media:
            out.extend(self.take_media())

    def _quote(self, element: Any, out: list[Block], depth: int) -> None:
        if not self.own:
            if _pull_quote_class(element.get("class")):
                out.append(self._pull_quote_content(element))
                return
            embedded = figures.embedded_post(element, self)
            if embedded is not None:
                out.append(embedded)
                return
            # The attribution as the quote's last element: <footer> (HTML 4-era
            # templates) or <cite> (WordPress's quote block).
            footer = _last_child(element, "footer")
            if footer is None:
                footer = _last_child(element, "cite")
            if footer is not None:
                attribution = figures.attribution_of(self.content(footer))
                figures.detach(footer)
                out.append(Quote(tuple(self.blocks(element, depth + 1)), attribution))
                return
        out.append(Quote(tuple(self.blocks(element, depth + 1))))

    def _aside(self, element: Any, out: list[Block], _depth: int) -> None:
        classes = element.get("class")
        if self.own:
            if classes == "pull-quote":
                out.append(self._pull_quote_content(element))
        elif _pull_quote_class(classes):
            out.append(self._pull_quote_content(element))
        # Other asides hold related links, sign-up boxes and ads: left out.

    def _pull_quote_content(self, element: Any) -> PullQuote:
        attribution: tuple[Inline, ...] = ()
        for child in element.iter():
            if child is element or not isinstance(child.tag, str):
                continue
            if (
                child.tag in {"cite", "footer", "figcaption"}
                or (child.get("class") or "") in ATTRIBUTION_CLASSES
            ):
                attribution = self.content(child)
                if not self.own:
                    attribution = figures.attribution_of(attribution)
                figures.detach(child)
                break
        content: list[Inline] = []
        self.children(element, content, 0)
        return PullQuote(tuple(content), attribution)

    def _list(self, element: Any, out: list[Block], depth: int) -> None:
        items: list[tuple[Block, ...]] = []
        for child in element:
            tag = child.tag
            if tag == "li":
                items.append(tuple(self.blocks(child, depth + 1)))
            elif type(tag) is str and tag not in DROPPED:
                # A list nested straight in a list (no <li> around it) belongs to the
                # item before it; anything else stray is an item of its own.
                blocks = tuple(self.sequence(None, iter((child,)), depth + 1))
                if items and tag in {"ul", "ol"}:
                    items[-1] += blocks
                elif blocks:
                    items.append(blocks)
        if element.tag == "ol":
            out.append(OrderedList(tuple(items), _start(element.get("start"))))
        else:
            out.append(BulletList(tuple(items)))

    def _figure(self, element: Any, out: list[Block], depth: int) -> None:
        if not self.own and _pull_quote_class(element.get("class")):
            out.append(self._pull_quote_content(element))  # WordPress's pullquote block
            return
        out.extend(figures.read_figure(element, self, depth + 1))

    def _media(self, element: Any, out: list[Block], _depth: int) -> None:
        block = figures.media_block(element, self)
        if block is not None:
            out.append(block)

    def _table(self, element: Any, out: list[Block], depth: int) -> None:
        out.extend(tables.read_table(element, self, depth))

    def _pre(self, element: Any, out: list[Block], _depth: int) -> None:
        out.append(figures.code_block(element, self))

    def _divider(self, _element: Any, out: list[Block], _depth: int) -> None:
        out.append(Divider())


def _pull_quote_class(value: str | None) -> bool:
    return bool(value) and any(token.lower() in PULL_QUOTE_CLASS_WORDS for token in (value or "").split())


def _last_child(element: Any, tag: str) -> Any:
    children = [child for child in element if isinstance(child.tag, str)]
    return children[-1] if children and children[-1].tag == tag else None


def _start(value: str | None) -> int:
    if value is None:
        return 1
    try:
        number = int(value.strip())
    except ValueError:
        return 1
    return min(max(number, 0), _MAX_START)


_BLOCK_HANDLERS: dict[str, Any] = {
    "p": BlockReader._paragraph,
    **dict.fromkeys(_HEADINGS, BlockReader._heading),
    "blockquote": BlockReader._quote,
    "aside": BlockReader._aside,
    "ul": BlockReader._list,
    "ol": BlockReader._list,
    "figure": BlockReader._figure,
    "img": BlockReader._media,
    "picture": BlockReader._media,
    "iframe": BlockReader._media,
    "table": BlockReader._table,
    "pre": BlockReader._pre,
    "hr": BlockReader._divider,
}
#: Block-level elements read as their content: sections, wrappers, definition lists.
_WRAPPERS = frozenset(
    {
        "div", "section", "article", "main", "body", "html", "center", "address", "details",
        "summary", "dl", "dt", "dd", "li", "fieldset", "legend", "hgroup", "search", "figcaption",
        "menu", "dir", "listing", "xmp", "plaintext", "tbody", "thead", "tfoot", "tr", "td", "th",
        "caption", "colgroup", "col", "frameset", "noframes",
    }
) | (MISPARSED_VOID - {"wbr"})  # fmt: skip


def _container(element: Any) -> bool:
    """Whether *element* is a custom element (a name with a hyphen) holding blocks: a wrapper.

    Web components and CMS templates ("story-body", "gallery-carousel") wrap whole
    stories and galleries in them; read as inline, their paragraphs would run together.
    """
    return "-" in element.tag and any(child.tag in BLOCK_LEVEL for child in element)


# Block elements that nest in the model: past MAX_BLOCK_DEPTH they are unwrapped.
_NESTING = frozenset({"blockquote", "ul", "ol", "figure", "aside", "table"})
