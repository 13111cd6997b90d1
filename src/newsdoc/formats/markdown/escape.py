"""Escaping for the Markdown writer: any model text, written so that it reads back exactly.

Each rule answers one way markdown-it-py (CommonMark) would otherwise read text as
syntax, strip it, or decode it.
"""

from __future__ import annotations

import re

from newsdoc.formats.markdown.markers import marker_at

# Characters that can start inline syntax wherever they stand: escapes, code spans,
# emphasis, link brackets, HTML and autolinks, strikethrough and pandoc's subscript,
# superscript.
_INLINE = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "<": "\\<",
        "~": "\\~",
        "^": "\\^",
    }
)
# Line breaks as character references, applied after "&" is escaped so that these
# stay references.
_NEWLINES = str.maketrans({"\n": "&#10;", "\r": "&#13;"})
# "&" only where markdown-it would decode a character reference (CommonMark 6.2).
_ENTITY_LIKE = re.compile(r"&(?=[A-Za-z][A-Za-z0-9]{1,31};|#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};)")
# At the start of a line these begin blocks: headings, quotes, list items, thematic
# breaks and setext underlines, table delimiter rows. Escaping them is always harmless.
_LINE_START = frozenset("#>+-=|:")
# "1." or "1)" followed by a space or the end of the text starts an ordered list item.
_ORDERED = re.compile(r"([0-9]{1,9})([.)])(?= |\Z)")
# Destinations in <angle brackets> may hold anything but these.
_DESTINATION = str.maketrans({"\\": "\\\\", "<": "\\<", ">": "\\>"})
# A destination that needs no brackets: visible ASCII without parentheses or escapes.
_PLAIN_DESTINATION = re.compile(r"[!-'*-;=?-\[\]-~]+")
_TITLE = str.maketrans({"\\": "\\\\", '"': '\\"'})
_BACKTICKS = re.compile(r"`+")
_TILDES = re.compile(r"~+")


def text(value: str) -> str:
    """*value* as inline text: nothing in it is read as syntax."""
    return _references(value.translate(_INLINE))


def _references(escaped: str) -> str:
    """Keep "&" from starting a character reference; spell line breaks as references."""
    if "&" in escaped:
        escaped = _ENTITY_LIKE.sub(r"\\&", escaped)
    if "\n" in escaped or "\r" in escaped:
        escaped = escaped.translate(_NEWLINES)
    return escaped


def line_start(escaped: str, markers: tuple[str, ...] = ()) -> str:
    """Escaped text that begins a line, made safe from block syntax and from *markers*."""
    if not escaped:
        return escaped
    first = escaped[0]
    if first in _LINE_START:
        escaped = "\\" + escaped
    elif first.isdigit():
        escaped = _ORDERED.sub(r"\1\\\2", escaped, count=1)
    elif first.isspace() or first == "\N{ZERO WIDTH NO-BREAK SPACE}":
        # Block content is stripped of white space (Python's str.strip); readers
        # also drop a byte order mark at the start of a file.
        escaped = reference(first) + escaped[1:]
    marker = marker_at(escaped, markers) if markers else None
    if marker is not None:
        escaped = _defuse(escaped, marker)
    return escaped


def _defuse(escaped: str, marker: str) -> str:
    """Escape the marker's first ASCII punctuation, or spell its first character as a reference."""
    for index, char in enumerate(marker):
        if char.isascii() and not char.isalnum() and not char.isspace():
            return escaped[:index] + "\\" + escaped[index:]
    return reference(escaped[0]) + escaped[1:]


def line_end(markdown: str) -> str:
    """*markdown* with white space at its very end spelled as a reference, so it is not stripped."""
    if markdown and markdown[-1].isspace():
        return markdown[:-1] + reference(markdown[-1])
    return markdown


def reference(char: str) -> str:
    """A numeric character reference for *char*."""
    return f"&#{ord(char)};"


def destination(url: str) -> str:
    """A link or image destination that reads back as *url*, unchanged."""
    if _PLAIN_DESTINATION.fullmatch(url) and not _ENTITY_LIKE.search(url):
        return url
    return f"<{_references(url.translate(_DESTINATION))}>"


def title(value: str) -> str:
    """A link title in double quotes."""
    return f'"{_references(value.translate(_TITLE))}"'


def code_span(value: str) -> str:
    """Inline code: a run of backticks longer than any inside, padded where they would touch."""
    fence = "`" * (max(map(len, _BACKTICKS.findall(value)), default=0) + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def code_fence(value: str, info: str | None) -> tuple[str, str]:
    """The fence for a code block holding *value*, and its escaped info string.

    Backticks are the fence unless the info string holds one, which CommonMark forbids.
    """
    char, runs = ("`", _BACKTICKS) if info is None or "`" not in info else ("~", _TILDES)
    fence = char * max(3, max(map(len, runs.findall(value)), default=0) + 1)
    if info is None:
        return fence, ""
    # A pipe would make the fence line the header of a GFM table whose delimiter row
    # is the first line of code ("---"): GFM tables are tried before fences.
    escaped = _references(info.replace("\\", "\\\\")).replace("|", "&#124;")
    if escaped[:1].isspace():
        escaped = reference(escaped[0]) + escaped[1:]
    elif escaped[:1] == char:
        escaped = " " + escaped  # else it would lengthen the fence
    return fence, line_end(escaped)
