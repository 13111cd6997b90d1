"""Datelines: the place (and agency) wire copy opens its first paragraph with."""

from __future__ import annotations

import re

# "WASHINGTON (AP) \u2014 ", "SEVILLE, Spain, Nov 4 (Reuters) - ", "KYIV, Ukraine \u2014 ": a place in
# capitals, perhaps a region or a date after commas, perhaps the agency, then a dash.
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,3}"
    r"(?:, [A-Z][\w.'\u2019-]*(?: [\w.'\u2019-]+){0,3}){0,2})"
    r"(?: \((?P<agency>[A-Za-z][\w .&/-]{0,30})\))? ?[\u2014\u2013-]{1,2} "
)
#: Datelines sit in the first words of the story.
MAX_PREFIX = 120


def find_dateline(paragraph: str) -> str | None:
    """The dateline a first paragraph opens with, without its agency; or None.

    >>> find_dateline("SEVILLE, Spain, Nov 4 (Reuters) - The river peaked on Tuesday.")
    'SEVILLE, Spain, Nov 4'
    """
    found = DATELINE.match(paragraph[:MAX_PREFIX])
    if found is None:
        return None
    return found["place"]
