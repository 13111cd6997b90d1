"""Read inline HTML (text, marks, links, code, breaks) into model inlines.

Unknown inline elements are unwrapped; media found inline (an image inside a
paragraph) is handed to the block reader, since the model has no inline images.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin

from newsdoc._characters import scrub
from newsdoc._nodes import link as _link_node
from newsdoc._nodes import mark as _mark
from newsdoc._nodes import text as _text
from newsdoc.canonical import fold
from newsdoc.formats.html.exact import decode_exact
from newsdoc.formats.html.safety import url_allowed
from newsdoc.model import (
    Block,
    Code,
    Emphasis,
    Inline,
    LineBreak,
    Strikethrough,
    Strong,
    Subscript,
    Superscript,
    Text,
)

#: Deeper inline nesting than this is read as plain text: no real page nests marks
#: this deep, and the model's own functions recurse once per level.
MAX_INLINE_DEPTH = 48

# Element name -> the mark it becomes. <i> and <b> are how most CMS editors and
# older pages spell emphasis; <strike> and <del> are visible corrections.
MARKS: dict[str, type] = {
    "em": Emphasis,
    "i": Emphasis,
    "strong": Strong,
    "b": Strong,
    "sub": Subscript,
    "sup": Superscript,
    "s": Strikethrough,
    "strike": Strikethrough,
    "del": Strikethrough,
}
#: Elements whose text is code: <kbd> and <samp> for keys and output in tech news,
#: <tt> on old pages.
CODE = frozenset({"code", "kbd", "samp", "tt"})
#: Elements dropped with everything inside: scripts and styles, forms and their
#: controls, embedded objects, and what only renders without scripting (<noscript>
#: duplicates lazy-loaded images already read from their data-src).
DROPPED = frozenset(
    {
        "script", "style", "template", "noscript", "form", "button", "input", "select", "textarea",
        "option", "label", "svg", "math", "canvas", "audio", "video",
        "object", "applet", "map", "area", "head", "title", "meta", "link", "base", "dialog", "nav",
    }
)  # fmt: skip
#: HTML5 void elements libxml2's HTML parser does not know: it nests whatever follows
#: them inside them, so they are read as wrappers, never dropped with their "content".
MISPARSED_VOID = frozenset({"source", "track", "wbr", "embed", "keygen"})
#: Elements that are media when met inside a paragraph: lifted out as blocks.
MEDIA = frozenset({"img", "picture", "iframe"})
#: Block-level elements (CSS display: block in the HTML standard's rendering section).
#: Met inside inline content (a <p> inside a table cell) they end a line.
BLOCK_LEVEL = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hgroup", "hr", "legend", "li", "listing", "main", "menu", "ol",
        "p", "plaintext", "pre", "search", "section", "summary", "table", "tr", "ul", "xmp",
    }
)  # fmt: skip

_BREAK = LineBreak()


class InlineReader:
    """Reads inline content; holds what every part of the reader shares about the input.

    *base* resolves relative URLs; *own* says the input is newsdoc's own markup, read
    exactly rather than by heuristics; *clean* scrubs every string of characters the
    model refuses (set only when the input is known to hold some).
    """

    def __init__(self, *, base: str | None, own: bool, clean: bool) -> None:
        self.base = base
        self.own = own
        self.clean = clean
        #: Blocks lifted out of the inline content read since the last take_media().
        self.media: list[Block] = []
        #: Turns an <img>, <picture> or <iframe> into a block, or None; set by the block reader.
        self.media_block: Callable[[Any], Block | None] = lambda _element: None

    def string(self, text: str) -> str:
        """*text* as the model accepts it."""
        return scrub(text) if self.clean else text

    def text_of(self, element: Any) -> str:
        """The folded text content of *element*, as a metadata field holds it."""
        return fold(self.string("".join(element.itertext())))

    def exact(self, element: Any, name: str) -> str | None:
        """Attribute *name* of *element*; in newsdoc's own markup, the exact value ``data-name`` keeps."""
        if self.own:
            kept = element.get("data-" + name)
            if kept is not None:
                return decode_exact(kept)
        value: str | None = element.get(name)
        return value

    def url(self, value: str | None, *, image: bool = False) -> str | None:
        """A URL from an attribute: resolved against the page address, or None if not allowed."""
        if value is None:
            return None
        url = self.string(value) if self.own else self.string(value).strip(" \t\n\r\f")
        if not url_allowed(url, image=image):
            return None
        if self.base is not None and not url.startswith("data:"):
            try:
                url = urljoin(self.base, url)
            except ValueError:  # a malformed host such as "http://[x"
                return None
        return url

    def content(self, element: Any) -> tuple[Inline, ...]:
        """The inline content of *element* (its text, children and their tails)."""
        out: list[Inline] = []
        self.children(element, out, 0)
        return tuple(out)

    def children(self, element: Any, out: list[Inline], depth: int) -> None:
        """Append the inlines of *element*'s text and children to *out*."""
        clean = self.clean
        text = element.text
        if text:
            out.append(_text(scrub(text) if clean else text))
        for child in element:
            kind = MARKS.get(child.tag)
            if kind is not None and depth < MAX_INLINE_DEPTH and (self.own or child.get("hidden") is None):
                # Marks are most of what inline content holds: read them here, and a
                # mark holding only text (most of them) without a call of its own.
                if len(child):
                    inner: list[Inline] = []
                    self.children(child, inner, depth + 1)
                    out.append(_mark(kind, tuple(inner)))
                else:
                    inside = child.text
                    out.append(_mark(kind, (_text(scrub(inside) if clean else inside),) if inside else ()))
            else:
                self.element(child, out, depth)
            tail = child.tail
            if tail:
                out.append(_text(scrub(tail) if clean else tail))

    def element(self, element: Any, out: list[Inline], depth: int) -> None:
        """Append the inlines *element* stands for to *out* (not its tail)."""
        tag = element.tag
        if type(tag) is not str or tag in DROPPED or (not self.own and element.get("hidden") is not None):
            return  # comments, processing instructions, and what is never shown
        if depth > MAX_INLINE_DEPTH:
            text = "".join(element.itertext())
            if text:
                out.append(Text(self.string(text)))
            return
        kind = MARKS.get(tag)
        if kind is not None:
            inner: list[Inline] = []
            self.children(element, inner, depth + 1)
            out.append(_mark(kind, tuple(inner)))
        elif tag == "a":
            self._link(element, out, depth)
        elif tag == "br":
            out.append(_BREAK)
        elif tag in CODE:
            out.append(Code(self.string("".join(element.itertext()))))
        elif tag in MEDIA:
            block = self.media_block(element)
            if block is not None:
                self.media.append(block)
        elif tag == "span" and self.own and element.get("class") == "link":
            self._link(element, out, depth)
        elif tag in BLOCK_LEVEL:
            self.children(element, out, depth + 1)
            out.append(_BREAK)
        else:
            self.children(element, out, depth + 1)

    def _link(self, element: Any, out: list[Inline], depth: int) -> None:
        url = self.url(self.exact(element, "href"))
        if url is None:
            self.children(element, out, depth + 1)  # no usable target: keep the words
            return
        inner: list[Inline] = []
        self.children(element, inner, depth + 1)
        title = self.exact(element, "title")
        out.append(_link_node(url, tuple(inner), None if title is None else self.string(title)))

    def take_media(self) -> list[Block]:
        """The media lifted out since the last call, emptying the list."""
        media = self.media
        if media:
            self.media = []
        return media
