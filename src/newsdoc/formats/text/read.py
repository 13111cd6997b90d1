"""Read plain text: newsdoc's own layout exactly, anything else as an article saved from a page."""

from __future__ import annotations

import codecs
import warnings

from newsdoc._characters import scrub
from newsdoc.canonical import normalize
from newsdoc.errors import ReadError, ReadWarning
from newsdoc.formats.text.read_layout import LayoutError, looks_like_layout, read_layout
from newsdoc.formats.text.read_saved import read_saved
from newsdoc.model import Article, Collection

# Byte-order marks of the UTF-16 files Windows editors save as "Unicode".
_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
#: Above this share of replaced or refused characters, the bytes are not text at all.
MAX_DAMAGED_SHARE = 0.1
# Inputs this short are read whatever they hold: a share of a few characters says little.
_SHORT = 64
#: More lines than any article has: such input is refused at once rather than read line by line.
MAX_LINES = 1_000_000


def read_text(data: bytes) -> Article | Collection:
    """Read plain text into an article (or a collection written by newsdoc).

    Text that newsdoc wrote is read back exactly. Other text, such as an article
    saved from a web page, is read for its headline, dek, byline, dates, figures,
    subheadings and paragraphs, leaving page furniture out.

    Invalid UTF-8 is decoded with replacement characters and a
    :class:`~newsdoc.ReadWarning`; bytes that are not text at all (NUL bytes, or
    mostly undecodable) and text of more than :data:`MAX_LINES` lines raise
    :class:`~newsdoc.ReadError`.
    """
    text = _decode(bytes(data)).rstrip("\n")
    count = text.count("\n") + 1
    if count > MAX_LINES:
        raise ReadError(f"{count} lines is more than an article has (at most {MAX_LINES})", format="text")
    lines = text.split("\n") if text else []
    if looks_like_layout(lines):
        try:
            return normalize(read_layout(lines))
        except LayoutError:
            pass  # edited by hand, or only underlined like newsdoc's output: read it as saved text
    return normalize(read_saved(lines))


def _decode(data: bytes) -> str:
    for bom, encoding in _UTF16_BOMS:
        if data.startswith(bom):
            return _clean(data[len(bom) :].decode(encoding, errors="replace"), len(data) // 2)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ReadError("binary data, not text: it holds NUL bytes", format="text", location=f"byte {nul}")
    try:
        return _clean(data.decode("utf-8-sig"), len(data))
    except UnicodeDecodeError as error:
        bad = error.start
    text = _clean(data.decode("utf-8-sig", errors="replace"), len(data))
    # Only text that is read gets the warning: binary refused above needs none.
    warnings.warn(
        f"text: not valid UTF-8 (first at byte {bad}); undecodable bytes were replaced with U+FFFD",
        ReadWarning,
        stacklevel=3,
    )
    return text


def _clean(text: str, size: int) -> str:
    """*text* with newlines unified and the characters the model refuses taken out."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Every character the model refuses is unprintable, and isprintable() runs in C:
    # most text needs no scrubbing, and the scrubbing regex is slow over a whole file.
    clean = text if text.replace("\n", " ").replace("\t", " ").isprintable() else scrub(text)
    damaged = len(text) - len(clean) + clean.count("\ufffd")
    if size > _SHORT and damaged > size * MAX_DAMAGED_SHARE:
        raise ReadError(
            f"binary data, not text: {damaged} of {size} characters are undecodable or control characters",
            format="text",
        )
    return clean
