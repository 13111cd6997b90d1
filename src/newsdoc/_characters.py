"""Which characters the model refuses, and how readers strip them from input.

Every writer (JSON, HTML, XHTML in EPUB, text) must be able to encode any model text,
so the model keeps out what one of them cannot carry.
"""

from __future__ import annotations

import re

# Sources, in the order of the ranges below:
# - C0 controls except TAB, LF, CR: not allowed in XML 1.0 (EPUB's XHTML), and a
#   "control-character-in-input-stream" parse error in HTML (WHATWG 13.2.3.5).
# - DEL and C1 controls: the same HTML parse error; they come from mis-decoded
#   Windows-1252 pages.
# - Surrogates: not Unicode scalar values, so no UTF encoding can carry them alone.
# - Noncharacters (U+FDD0-U+FDEF and the last two code points of every plane): an
#   HTML parse error ("noncharacter-in-input-stream"), and U+FFFE/U+FFFF are not XML.
FORBIDDEN_PATTERN = (
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\ud800-\udfff"
    "\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
    + "]"
)
FORBIDDEN = re.compile(FORBIDDEN_PATTERN)


def find_forbidden(text: str) -> str | None:
    """Describe the first character the model refuses in *text*, or return None."""
    # Every refused character is unprintable (categories Cc, Cs and Cn), and
    # str.isprintable runs in C, so most text never reaches the slower regex.
    if text.isprintable():
        return None
    found = FORBIDDEN.search(text)
    if found is None:
        return None
    return f"U+{ord(found.group()):04X} at offset {found.start()}"


def scrub(text: str) -> str:
    """Drop the characters the model refuses; readers call this on foreign input."""
    return FORBIDDEN.sub("", text)
