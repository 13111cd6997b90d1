"""Plain text: articles written to read like a wire story, and articles saved from web pages.

Text keeps the words, the byline, the dates and the captions; it has no marks,
link targets, image sources, embeds, tables or pull quotes.
"""

from __future__ import annotations

from newsdoc.fidelity import EVERYTHING, Feature
from newsdoc.formats.registry import Format

#: How sure the sniffer is that printable UTF-8 is text: low, so that JSON, HTML
#: and Markdown, which are text too, win when they recognise their own.
PLAIN_CONFIDENCE = 0.05
#: How sure it is of newsdoc's own layout: a headline underlined, exactly, with "=" or "#".
LAYOUT_CONFIDENCE = 0.2
# Share of characters that may be unprintable in text: tabs and form feeds, not binary.
_MOSTLY_PRINTABLE = 0.95


def _sniff_text(head: bytes) -> float:
    if not head or b"\x00" in head:
        return 0.0
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # The head may end in the middle of a character; anything earlier is not UTF-8.
        if error.start < len(head) - 3:
            return 0.0
        text = head[: error.start].decode("utf-8-sig")
    if not text:
        return 0.0
    unprintable = sum(1 for char in text if not char.isprintable() and char not in "\n\r\t")
    if unprintable > len(text) * (1 - _MOSTLY_PRINTABLE):
        return 0.0
    lines = text.split("\n", 2)
    if len(lines) > 2:  # noqa: PLR2004 - the underline needs a line break after it too
        from newsdoc.formats.text.read_layout import looks_like_layout  # only when sniffing

        if looks_like_layout([line.rstrip("\r") for line in lines[:2]]):
            return LAYOUT_CONFIDENCE
    return PLAIN_CONFIDENCE


TEXT = Format(
    name="text",
    description="Plain text: reads like a wire story; reads articles saved from web pages",
    media_type="text/plain",
    binary=False,
    suffixes=(".txt", ".text"),
    aliases=("txt", "plain", "plaintext"),
    reader="newsdoc.formats.text.read:read_text",
    writer="newsdoc.formats.text.write:write_text",
    carries=EVERYTHING
    - {
        Feature.MARKS,
        Feature.LINKS,
        Feature.LINE_BREAKS,
        Feature.IMAGES,
        Feature.IMAGE_DETAILS,
        Feature.EMBEDS,
        Feature.TABLES,
        Feature.TABLE_SPANS,
        Feature.PULL_QUOTES,
        # Finer kinds of what text has none of at all.
        Feature.NESTED_LINKS,
        Feature.IRREGULAR_TABLES,
    },
    sniff=_sniff_text,
)
