"""EPUB 3 (with an EPUB 2 NCX): reproducible e-books of one article or a digest.

This module holds only the format record; the reader and writer load on first use.
"""

from __future__ import annotations

from newsdoc.fidelity import EVERYTHING
from newsdoc.formats.registry import Format

# A zip's local file header, then the EPUB's first entry: "mimetype", stored,
# holding "application/epub+zip" (OCF 3.3, section 4.3).
_ZIP_MAGIC = b"PK\x03\x04"
_MIMETYPE_ENTRY = b"mimetypeapplication/epub+zip"


def _sniff_epub(head: bytes) -> float:
    if not head.startswith(_ZIP_MAGIC):
        return 0.0
    return 1.0 if _MIMETYPE_ENTRY in head[:200] else 0.0


EPUB = Format(
    name="epub",
    description="EPUB 3 e-books with an EPUB 2 NCX; newsdoc's own read back losslessly",
    media_type="application/epub+zip",
    binary=True,
    suffixes=(".epub",),
    reader="newsdoc.formats.epub.read:read_epub",
    writer="newsdoc.formats.epub.write:write_epub",
    carries=EVERYTHING,
    sniff=_sniff_epub,
)
