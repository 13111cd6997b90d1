"""Write inline content as CommonMark: marks as delimiters where they read back, else as HTML tags.

``*``, ``**`` and ``~~`` pair up only under CommonMark's flanking rules, so each is
checked against the characters around it, using markdown-it-py's own tests for white
space and punctuation; where they would not pair, ``<em>``, ``<strong>`` or ``<del>``
say the same thing. Subscript and superscript have no Markdown syntax: ``<sub>``, ``<sup>``.
"""

from __future__ import annotations

from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace

from newsdoc.errors import WriteError
from newsdoc.formats.markdown import escape
from newsdoc.formats.markdown.read_inlines import MAX_DEPTH
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

_DELIMITERS: dict[type, str] = {Emphasis: "*", Strong: "**", Strikethrough: "~~"}
#: The HTML tag for each mark, used where a delimiter cannot be.
TAGS: dict[type, str] = {
    Emphasis: "em",
    Strong: "strong",
    Strikethrough: "del",
    Subscript: "sub",
    Superscript: "sup",
}
# What any node but text starts with, as far as flanking goes: punctuation ("`", "[",
# "\\", "<", "*" or "~").
_PUNCTUATION = "<"
# Outside a run of inlines markdown-it sees a space (the edge of the block).
_EDGE = " "


def _space(char: str) -> bool:
    return isWhiteSpace(ord(char))


def _punctuation(char: str) -> bool:
    return isMdAsciiPunct(ord(char)) or isPunctChar(char)


def _left_flanking(before: str, after: str) -> bool:
    """CommonMark 6.2: a delimiter run between *before* and *after* that can open."""
    return not (_space(after) or (_punctuation(after) and not (_space(before) or _punctuation(before))))


def _right_flanking(before: str, after: str) -> bool:
    """CommonMark 6.2: a delimiter run between *before* and *after* that can close."""
    return not (_space(before) or (_punctuation(before) and not (_space(after) or _punctuation(after))))


class InlineWriter:
    """Writes inlines for one kind of block.

    *single_line* blocks (headings, table cells, front matter captions) write line
    breaks as ``<br>``; others as a backslash at the end of the line. *markers* are
    line starts the reader gives a meaning to (credit, attribution); text that starts a
    line with one is escaped.
    """

    def __init__(self, *, single_line: bool = False, markers: tuple[str, ...] = ()) -> None:
        self.single_line = single_line
        self.markers = markers

    def write(self, content: tuple[Inline, ...], *, line_start: bool = True) -> str:
        """*content* as Markdown, starting a line (block content) or not (after a marker)."""
        return self._run(content, _EDGE, _EDGE, frozenset(), line_start=line_start, depth=0)

    def _run(
        self,
        nodes: tuple[Inline, ...],
        before: str,
        after: str,
        taken: frozenset[str],
        *,
        line_start: bool,
        depth: int,
    ) -> str:
        """*nodes* between the characters *before* and *after*, inside *depth* marks.

        *taken* are the delimiter characters in use around them.
        """
        if depth > MAX_DEPTH:
            raise WriteError(f"marks nested more than {MAX_DEPTH} deep are not read back from Markdown")
        parts: list[str] = []
        previous = before
        last = len(nodes) - 1
        for index, node in enumerate(nodes):
            kind = type(node)
            if kind is Text:
                piece = escape.text(node.text)  # type: ignore[union-attr]
                if line_start:
                    piece = escape.line_start(piece, self.markers)
            elif kind is LineBreak:
                piece = "<br>" if self.single_line else "\\\n"
            elif kind is Code:
                piece = escape.code_span(node.text)  # type: ignore[union-attr]
            elif kind is Link:
                assert isinstance(node, Link)
                # A link's text is a run of its own: delimiters inside never pair outside.
                inner = self._run(node.content, "[", "]", frozenset(), line_start=False, depth=depth + 1)
                target = escape.destination(node.href)
                if node.title is not None:
                    target += " " + escape.title(node.title)
                piece = f"[{inner}]({target})"
                if previous == "!":
                    parts[-1] = parts[-1][:-1] + "\\!"  # or "![" would open an image
            else:
                following = after if index == last else _first_char(nodes[index + 1])
                piece = self._mark(node, previous, following, taken, depth + 1)
            parts.append(piece)
            previous = piece[-1]
            line_start = kind is LineBreak and not self.single_line
        return "".join(parts)

    def _mark(self, node: Inline, before: str, after: str, taken: frozenset[str], depth: int) -> str:
        kind = type(node)
        content: tuple[Inline, ...] = node.content  # type: ignore[union-attr]
        delimiter = _DELIMITERS.get(kind)
        if delimiter is not None and delimiter[0] not in taken and before != delimiter[0]:
            # Written inside the delimiters, nothing within may use the same character,
            # so that runs never nest or touch.
            inner = self._run(
                content, delimiter[0], delimiter[0], taken | {delimiter[0]}, line_start=False, depth=depth
            )
            if _left_flanking(before, inner[0]) and _right_flanking(inner[-1], after):
                return f"{delimiter}{inner}{delimiter}"
        else:
            inner = self._run(content, ">", "<", taken, line_start=False, depth=depth)
        tag = TAGS[kind]
        return f"<{tag}>{inner}</{tag}>"


def _first_char(node: Inline) -> str:
    """The first character a node is written with, as far as flanking rules care."""
    if type(node) is Text:
        return escape.text(node.text)[0]
    return _PUNCTUATION
