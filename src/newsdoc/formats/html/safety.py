"""What the HTML writer lets through: escaped text, allowed URL schemes, inert JSON in scripts.

The writer assumes the model may come from an attacker; every value passes through here.
"""

from __future__ import annotations

import re

import orjson

#: URL schemes a link may use. Anything else (javascript:, vbscript:, data:, file:) is
#: dropped: the OWASP XSS prevention cheat sheet's allow-list for URLs in attributes.
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})

# WHATWG URL: a scheme is an ASCII letter then letters, digits, "+", "-" or ".", then ":".
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
# Browsers strip leading and trailing C0 controls and spaces and remove every tab and
# newline before parsing a URL, so "java\tscript:" is a javascript: URL (WHATWG URL).
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")


def url_allowed(url: str, *, image: bool = False) -> bool:
    """Whether *url* may appear in the output: http(s), mailto or relative; ``data:image/*`` for images.

    >>> url_allowed("https://example.com"), url_allowed(" JaVa\\tScRiPt:alert(1)")
    (True, False)
    >>> url_allowed("data:image/png;base64,AAAA", image=True), url_allowed("data:text/html,x", image=True)
    (True, False)
    """
    if url.startswith(("https://", "http://")):
        return True  # the common case, settled without the clean-up below
    cleaned = _TAB_OR_NEWLINE.sub("", url.strip(_C0_AND_SPACE))
    scheme = _SCHEME.match(cleaned)
    if scheme is None:
        return True  # relative: it inherits the page's own scheme
    name = scheme.group(1).lower()
    if name in ALLOWED_SCHEMES:
        return True
    return image and name == "data" and cleaned[5:].lstrip(_C0_AND_SPACE).lower().startswith("image/")


# What the Nu HTML Checker refuses in a URL: white space and controls, characters the
# URL standard never allows unescaped, and "%" not starting a percent-escape.
_INVALID_IN_URL = re.compile(r"[\x00-\x20\x7f\"<>\\^`{|}\[\]]|%(?![0-9A-Fa-f]{2})")
# Square brackets are allowed in the host (IPv6 literals), so the authority is kept.
_AUTHORITY = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[^/?#]*")


def _percent_escape(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))


def valid_url(url: str) -> str:
    """*url* with the characters a validator refuses percent-escaped; usually *url* itself.

    >>> valid_url("https://example.com/100%/a b")
    'https://example.com/100%25/a%20b'
    """
    if _INVALID_IN_URL.search(url) is None:
        return url
    authority = _AUTHORITY.match(url)
    start = authority.end() if authority else 0
    return url[:start] + _INVALID_IN_URL.sub(_percent_escape, url[start:])


def escape_text(text: str) -> str:
    """Escape *text* for an HTML text node (``<title>`` included)."""
    # A chain of replace() calls is the fastest escape in CPython for short strings.
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        # HTML parsers turn a raw CR into LF; a character reference survives.
        text = text.replace("\r", "&#13;")
    return text


def escape_attribute(value: str) -> str:
    """Escape *value* for a double-quoted attribute value."""
    return escape_text(value).replace('"', "&quot;") if '"' in value else escape_text(value)


def script_json(value: object) -> str:
    """*value* as JSON that cannot end, or open a comment in, the ``<script>`` element holding it.

    >>> script_json({"headline": "</script><script>alert(1)</script>"})
    '{"headline":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    """
    text = orjson.dumps(value).decode("utf-8")
    # "<" and ">" escaped make "</script" and "<!--" impossible; "&" and the line
    # separators are escaped too, so the JSON stays inert if pasted into a script.
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
