"""How ``data-*`` attributes carry exact values that HTML would change or a validator refuses.

A carriage return cannot survive in HTML (parsers turn it into a line feed, and a
character reference to it is an error), so it is written ``%0D``, and ``%`` itself
``%25``. Nothing else changes, so the encoded value reads as the value it carries.
"""

from __future__ import annotations

import re

_ENCODED = re.compile("%(25|0D)")


def encode_exact(value: str) -> str:
    """*value* ready for a ``data-*`` attribute.

    >>> encode_exact("100%\\r\\n")
    '100%25%0D\\n'
    """
    if "%" in value:
        value = value.replace("%", "%25")
    if "\r" in value:
        value = value.replace("\r", "%0D")
    return value


def decode_exact(value: str) -> str:
    """The value :func:`encode_exact` encoded.

    >>> decode_exact("100%25%0D%41")
    '100%\\r%41'
    """
    if "%" not in value:
        return value
    return _ENCODED.sub(lambda found: "%" if found.group(1) == "25" else "\r", value)
