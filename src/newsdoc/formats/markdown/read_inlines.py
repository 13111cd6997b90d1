"""Turn markdown-it-py's inline tokens into the model's inlines, and into plain text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from newsdoc._characters import scrub
from newsdoc.model import (
    Code,
    Emphasis,
    Inline,
    LineBreak,
    Link,
    Strikethrough,
    Strong,
    Subscript,
    Superscript,
    Text,
)

#: Inline HTML tags read as marks: newsdoc writes the first of each, the rest are seen in
#: Markdown converted from web pages.
HTML_MARKS: dict[str, type] = {
    "em": Emphasis,
    "i": Emphasis,
    "strong": Strong,
    "b": Strong,
    "del": Strikethrough,
    "s": Strikethrough,
    "strike": Strikethrough,
    "sub": Subscript,
    "sup": Superscript,
}
#: Inline HTML tags read as a line break (GFM table cells have no other way to write one).
HTML_BREAKS = frozenset({"br"})
_MARK_TOKENS: dict[str, type] = {
    "em_open": Emphasis,
    "strong_open": Strong,
    "s_open": Strikethrough,
    "sub_open": Subscript,  # pandoc's ~sub~
    "sup_open": Superscript,  # pandoc's ^sup^
}
_CLOSE_TOKENS = frozenset({"em_close", "strong_close", "s_close", "sub_close", "sup_close", "link_close"})
# markdown-it has already checked that an html_inline token is a tag; only its name is read.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_TEXT_TOKENS = frozenset({"text", "text_special"})
#: Marks nested deeper than this are read as their text: markdown-it limits the nesting
#: of blocks but not of emphasis ("***…a…***") or of inline HTML tags.
MAX_DEPTH = 32


def clean(text: str) -> str:
    """*text* without the characters the model refuses (character references can make them)."""
    return text if text.isprintable() else scrub(text)


class _Frame:
    """An open mark: what it is, its children so far, and the HTML tag that opened it."""

    __slots__ = ("children", "href", "kind", "tag", "text", "title")

    def __init__(self, kind: type | None, tag: str | None = None) -> None:
        self.kind = kind
        self.tag = tag
        self.children: list[Inline] = []
        self.text: list[str] = []
        self.href = ""
        self.title: str | None = None

    def flush(self) -> None:
        if self.text:
            self.children.append(Text(clean("".join(self.text))))
            self.text.clear()

    def add(self, node: Inline) -> None:
        self.flush()
        self.children.append(node)

    def node(self) -> Inline:
        self.flush()
        content = tuple(self.children)
        if self.kind is Link:
            return Link(clean(self.href), content, None if self.title is None else clean(self.title))
        assert self.kind is not None
        return self.kind(content)  # type: ignore[no-any-return]


def inlines(tokens: Sequence[Token]) -> tuple[Inline, ...]:
    """The inlines *tokens* (an inline token's children) stand for; unknown HTML is dropped."""
    stack = [_Frame(None)]
    too_deep = 0  # Markdown marks opened past MAX_DEPTH, whose closing tokens are skipped too
    for token in tokens:
        kind = token.type
        top = stack[-1]
        if too_deep and token.nesting:
            too_deep += token.nesting
        elif token.nesting == 1 and len(stack) > MAX_DEPTH:
            too_deep = 1
        elif kind in _TEXT_TOKENS:
            top.text.append(token.content)
        elif kind == "softbreak":
            top.text.append(" ")
        elif kind == "hardbreak":
            top.add(LineBreak())
        elif kind == "code_inline":
            top.add(Code(clean(token.content)))
        elif kind in _MARK_TOKENS:
            stack.append(_Frame(_MARK_TOKENS[kind]))
        elif kind == "link_open":
            frame = _Frame(Link)
            frame.href = str(token.attrGet("href") or "")
            title = token.attrGet("title")
            frame.title = None if title is None else str(title)
            stack.append(frame)
        elif kind in _CLOSE_TOKENS:
            _close_markdown(stack)
        elif kind == "image":
            # The model has no images inside text: an image there stands for its alt text.
            top.text.append(plain_text(token.children or ()))
        elif kind == "html_inline":
            _html(stack, token.content)
    while len(stack) > 1:
        _pop(stack)
    root = stack[0]
    root.flush()
    return tuple(root.children)


def _pop(stack: list[_Frame]) -> None:
    node = stack.pop().node()
    stack[-1].add(node)


def _close_markdown(stack: list[_Frame]) -> None:
    """Close the innermost Markdown mark, and any HTML tag left open inside it."""
    while len(stack) > 1:
        tag = stack[-1].tag
        _pop(stack)
        if tag is None:
            return


def _html(stack: list[_Frame], html: str) -> None:
    match = _TAG.match(html)
    if match is None:
        return
    closing, name = match.group(1) == "/", match.group(2).lower()
    if name in HTML_BREAKS:
        stack[-1].add(LineBreak())
    elif name in HTML_MARKS and not closing:
        if not html.rstrip().endswith("/>") and len(stack) <= MAX_DEPTH:
            stack.append(_Frame(HTML_MARKS[name], tag=name))
    elif name in HTML_MARKS:
        # Close the innermost open tag of that name, unless a Markdown mark lies between.
        for depth in range(len(stack) - 1, 0, -1):
            tag = stack[depth].tag
            if tag is None:
                return
            if tag == name:
                while len(stack) > depth:
                    _pop(stack)
                return


def plain_text(tokens: Sequence[Token]) -> str:
    """The text of *tokens* without any markup: for alt text, credits and providers."""
    parts = []
    for token in tokens:
        kind = token.type
        if kind in _TEXT_TOKENS or kind == "code_inline":
            parts.append(token.content)
        elif kind in {"softbreak", "hardbreak"}:
            parts.append(" ")
        elif kind == "image":
            parts.append(plain_text(token.children or ()))
    return clean("".join(parts))
