"""Parse the date and time strings news pages put in their metadata, keeping the time zone.

Each accepted shape is a row in ``_SHAPES`` with the places it is seen; nothing here
guesses a zone the text does not state.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

#: A parsed value: an aware datetime, a naive one when the text states no zone, or a date.
When = dt.datetime | dt.date

# Zone names that pages write instead of an offset. RFC 2822 section 4.3 defines the
# North American ones; the European and Asian ones appear in Java's Date.toString()
# output that some CMSs (seen on German and US newspaper sites) put in JSON-LD.
# Ambiguous abbreviations (IST, CST outside America) take their most common reading.
_ZONES: dict[str, int] = {
    "Z": 0,
    "UT": 0,
    "UTC": 0,
    "GMT": 0,
    "WET": 0,
    "BST": 60,
    "WEST": 60,
    "CET": 60,
    "MEZ": 60,
    "CEST": 120,
    "MESZ": 120,
    "EET": 120,
    "EEST": 180,
    "MSK": 180,
    "IST": 330,
    "JST": 540,
    "KST": 540,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
}

_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

_ZONE = r"(?P<zone>Z|[A-Z]{2,4}|(?:GMT|UTC)?[+-]\d{2}(?::?\d{2})?)"
_TIME = r"(?P<hour>\d{2}):?(?P<minute>\d{2})(?::?(?P<second>\d{2})(?:[.,](?P<fraction>\d+))?)?"
_MONTH = r"(?P<month_name>[A-Za-z]{3,9})\.?"
_WEEKDAY = r"(?:[A-Za-z]{3,9},?\s+)?"


def _iso(match: re.Match[str]) -> When | None:
    return _build(match, int(match["month"]))


def _named_month(match: re.Match[str]) -> When | None:
    month = _MONTHS.get(match["month_name"].lower())
    return None if month is None else _build(match, month)


def _epoch_milliseconds(match: re.Match[str]) -> When | None:
    return dt.datetime.fromtimestamp(int(match[0]) / 1000, dt.UTC)


# Shapes, tried in order; each pattern must match the whole (stripped) string.
_SHAPES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], When | None]], ...] = (
    # ISO 8601 / RFC 3339, extended or basic, with a "T" or a space, optional seconds,
    # fractions of any length (.NET writes seven digits), and "Z", "+02", "+0200" or
    # "+02:00", sometimes after a space: JSON-LD, OpenGraph, <time datetime>, and
    # "2024-05-03 15:47:42 +02:00" in Euronews-style CMS meta tags.
    (
        re.compile(
            r"(?P<year>\d{4})-?(?P<month>\d{2})-?(?P<day>\d{2})"
            rf"(?:[T ]{_TIME})?\s?{_ZONE}?"
        ),
        _iso,
    ),
    # RFC 2822 / RFC 1123, as in RSS <pubDate> and HTTP headers copied into meta tags:
    # "Fri, 03 May 2024 15:47:42 +0200".
    (
        re.compile(
            rf"{_WEEKDAY}(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})"
            rf"(?:\s+{_TIME})?(?:\s*{_ZONE})?"
        ),
        _named_month,
    ),
    # Java's Date.toString(), written into JSON-LD by some Java CMSs:
    # "Fri Apr 28 19:20:36 CEST 2023".
    (
        re.compile(rf"{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})\s+{_TIME}\s+{_ZONE}\s+(?P<year>\d{{4}})"),
        _named_month,
    ),
    # JavaScript's Date.toString(), printed into <time> by client-side renderers:
    # "Fri Apr 28 2023 17:52:31 GMT+0000 (Coordinated Universal Time)".
    (
        re.compile(
            rf"{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})\s+(?P<year>\d{{4}})\s+{_TIME}\s*{_ZONE}(?:\s*\([^()]*\))?"
        ),
        _named_month,
    ),
    # US long dates in sailthru.date and bylines: "January 11th, 2024", "May 3, 2024".
    (
        re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"),
        _named_month,
    ),
    # European numeric dates in cXense and CMS meta tags: "12.03.2025" (day first).
    (re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})"), _iso),
    # Epoch milliseconds in article:published_time (seen on South African news sites).
    (re.compile(r"1\d{12}"), _epoch_milliseconds),
)

#: Longer strings are not dates; the limit keeps the patterns' work small.
MAX_LENGTH = 80


def parse_when(text: str) -> When | None:
    """Parse a date or date-time; return an aware datetime, a naive one, a date or None.

    A naive datetime means the text gave a time but no zone; the caller decides what
    that means. Nothing here raises.

    >>> parse_when("2024-05-03T15:47:42.389+02:00").isoformat()
    '2024-05-03T15:47:42.389000+02:00'
    >>> parse_when("Fri, 03 May 2024 15:47:42 GMT")
    datetime.datetime(2024, 5, 3, 15, 47, 42, tzinfo=datetime.timezone.utc)
    >>> parse_when("2024-05-03")
    datetime.date(2024, 5, 3)
    """
    text = text.strip()
    if not text or len(text) > MAX_LENGTH:
        return None
    for pattern, build in _SHAPES:
        match = pattern.fullmatch(text)
        if match is not None:
            try:
                return build(match)
            except (ValueError, OverflowError, OSError):
                return None
    return None


def _build(match: re.Match[str], month: int) -> When | None:
    year, day = int(match["year"]), int(match["day"])
    hour = match.groupdict().get("hour")
    if hour is None:
        return dt.date(year, month, day)
    fraction = match["fraction"] or ""
    moment = dt.datetime(  # noqa: DTZ001 - the zone, if the text has one, is set below
        year,
        month,
        day,
        int(hour),
        int(match["minute"]),
        int(match["second"] or 0),
        int(fraction[:6].ljust(6, "0")),
    )
    zone = match["zone"]
    if zone is None:
        return moment
    offset = _offset_minutes(zone)
    if offset is None:
        return None
    return moment.replace(tzinfo=dt.UTC if offset == 0 else dt.timezone(dt.timedelta(minutes=offset)))


def _offset_minutes(zone: str) -> int | None:
    if zone in _ZONES:
        return _ZONES[zone]
    numeric = zone.removeprefix("GMT").removeprefix("UTC")
    if not numeric or numeric[0] not in "+-":
        return None
    digits = numeric[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
    if minutes >= 24 * 60:
        return None
    return -minutes if numeric[0] == "-" else minutes
