"""Dates as news sites print them, with their labels and time zones, read from a line of saved text.

A date with a time and a known zone is an aware datetime; a date without a time
(or with a time in no zone we can place) stays a date.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import NamedTuple

# Labels before a date, and which date they give. Longest first, so that
# "Last modified on" is not read as "modified".
LABELS: tuple[tuple[str, str], ...] = (
    ("first published on", "published"),  # Guardian: "First published on Sat 8 Mar 2025 07.00 GMT"
    ("last modified on", "updated"),  # Guardian, under the first date
    ("originally published", "published"),  # syndicated copies
    ("published on", "published"),  # CMS themes
    ("last updated", "updated"),  # BBC, CNN: "Last updated 8 March 2025"
    ("published", "published"),  # AP: "Published 8:00 AM EST, Mar 8, 2025"
    ("posted on", "published"),  # WordPress themes: "Posted on 2 February 2026"
    ("updated on", "updated"),  # CMS themes
    ("updated", "updated"),  # AP: "Updated 6:42 PM PST, November 19, 2025"
    ("modified", "updated"),  # CMS themes
    ("posted", "published"),  # forums and blogs
    ("date", "published"),  # press releases: "Date: 8 March 2025"
)
_LABEL = re.compile(
    r"(?i)(?:^|(?<=[\s|·•,]))(" + "|".join(re.escape(label) for label, _ in LABELS) + r")\b:?\s*"
)
_KIND = dict(LABELS)

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # noqa: E501
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
# How the day itself is written, each in the order sites print it.
DATE_FORMS = (
    re.compile(rf"(?i)\b{_MONTH} {_DAY},? {_YEAR}\b"),  # US: AP, Reuters, The Times of Israel
    re.compile(rf"(?i)\b{_DAY} (?:of )?{_MONTH},? {_YEAR}\b"),  # British: Guardian, BBC, blogs
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),  # ISO 8601: CMS footers, feeds
)
# "6:42 PM", "6:42 p.m.", "18:42", and the Guardian's "07.00".
_TIME = re.compile(
    r"(?i)(?<![\d.:])(?P<hour>\d{1,2})[:.](?P<minute>\d\d)(?::(?P<second>\d\d))?(?![\d])"
    r"(?:\s?(?P<half>[ap])\.?m\b\.?)?"
)
# A zone after the time: an abbreviation, maybe with an offset ("GMT+1"), or an offset alone.
_ZONE = re.compile(
    r"\s*(?:(?P<name>[A-Z]{1,5})\b(?:\s?(?P<sign>[+-\u2212])(?P<hours>\d{1,2})(?::?(?P<minutes>\d\d))?)?"
    r"|(?P<bare_sign>[+-\u2212])(?P<bare_hours>\d\d):?(?P<bare_minutes>\d\d))"
)
# ISO 8601 with a time, as feeds and some page footers print it.
_ISO = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,6})?)?(?:Z|[+-]\d\d:?\d\d)")

# Fixed offsets of zone abbreviations, in hours. Ambiguous ones (IST is India,
# Ireland and Israel) are left out: a time in them keeps only its date.
ZONE_OFFSETS: dict[str, float] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0,  # Guardian, BBC ("GMT"), wires ("UTC")
    "BST": 1, "WEST": 1, "CET": 1, "CEST": 2,  # British summer time; European sites
    "EET": 2, "EEST": 3, "MSK": 3, "SAST": 2,  # Eastern Europe, Moscow, South Africa
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,  # US sites: AP, CNN, NYT
    "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,  # US West: AP ("Updated 6:42 PM PST")
    "AKST": -9, "AKDT": -8, "HST": -10,  # Alaska, Hawaii
    "JST": 9, "KST": 9, "HKT": 8, "SGT": 8,  # Japan, Korea, Hong Kong, Singapore
    "AWST": 8, "ACST": 9.5, "AEST": 10, "AEDT": 11,  # Australian sites: ABC, SMH
    "NZST": 12, "NZDT": 13,  # New Zealand: RNZ, Stuff
}  # fmt: skip
# Zones named without saying whether summer time applies: the date decides.
ZONE_REGIONS = {
    "ET": "America/New_York",  # US sites: "March 25, 2024 at 5:12 PM ET"
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
    "UK": "Europe/London",  # "UK time"
}
# Stand-alone times that are not dates at all; a line of them says nothing we can keep.
RELATIVE = re.compile(
    r"(?i)(?:\d+\s*(?:mins?|minutes?|hrs?|hours?|days?|weeks?)\s+ago|just now|yesterday|today)"
)
_WEEKDAYS = frozenset(
    [
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
    ]
)
# Words that may sit between the parts of a date: "March 25, 2024 at 5:12 PM", "time".
_FILLER = frozenset({"at", "on", "the", "time"})
_WORD = re.compile(r"[^\s,|·•/()\u2013\u2014-]+")
_BY = re.compile(r"(?i)\bby\s+(?P<who>\S.*)$")
#: Lines longer than this, or of more words, are prose, not a date line.
MAX_LINE = 120
MAX_WORDS = 16
_DIGIT = re.compile(r"\d")
_CLOCK_OR_ISO = re.compile(r"\d[:.]\d\d|\d{4}-\d\d")


class Dates(NamedTuple):
    """What a date line gives: a published and an updated date, and a byline after "by"."""

    published: dt.date | None
    updated: dt.date | None
    by: str | None


def parse_date_line(line: str) -> Dates | None:
    """Read a line that holds only dates (with labels, zones, and perhaps "by Someone").

    >>> parse_date_line("Posted on 2 February 2026 by Maya Chen")
    Dates(published=datetime.date(2026, 2, 2), updated=None, by='Maya Chen')
    >>> parse_date_line("The vote was held on March 8, 2025, in the capital") is None
    True
    """
    if len(line) > MAX_LINE or line.count(" ") > MAX_WORDS or not _maybe_date(line):
        return None
    found: dict[str, dt.date] = {}
    recognised = False
    by = None
    pieces = _LABEL.split(line)
    # split() alternates: text before the first label, then (label, text) pairs.
    segments = [("published", pieces[0])]
    segments += [(_KIND[pieces[i].lower()], pieces[i + 1]) for i in range(1, len(pieces) - 1, 2)]
    for kind, segment in segments:
        text = segment.strip(" \t,|·•-\u2013\u2014")
        if not text:
            continue
        if RELATIVE.fullmatch(text):
            continue
        author = _BY.search(text)
        if author is not None:
            by = author["who"].strip()
            text = text[: author.start()].strip(" ,|·•")
        value = parse_date(text)
        if value is None:
            # "Updated 5:04 p.m. ET" under a date (the NYT): a time of that day, kept as the day.
            if not _time_only(text):
                return None
        else:
            found.setdefault(kind, value)
        recognised = True
    if not recognised:
        return None
    return Dates(found.get("published"), found.get("updated"), by)


def _time_only(text: str) -> bool:
    clock = _TIME.match(text)
    if clock is None:
        return False
    zone = _ZONE.match(text, clock.end())
    end = zone.end() if zone is not None else clock.end()
    return not text[end:].strip(" ,.")


def _maybe_date(line: str) -> bool:
    """Whether *line* holds a digit and a month's name, an ISO date or a time.

    A quick look in C that rules out most prose before the full grammar runs.
    """
    if _DIGIT.search(line) is None:
        return False
    lower = line.lower()
    return any(month in lower for month in _MONTHS) or _CLOCK_OR_ISO.search(line) is not None


def parse_date(text: str) -> dt.date | None:
    """Read one date, maybe with a weekday, a time and a zone, and nothing else; or None."""
    if _ISO.fullmatch(text.strip()):
        return dt.datetime.fromisoformat(text.strip())
    for form in DATE_FORMS:
        found = form.search(text)
        if found is not None:
            break
    else:
        return None
    month = int(found["mnum"]) if "mnum" in found.re.groupindex else _MONTHS[found["month"][:3].lower()]
    try:
        day = dt.date(int(found["year"]), month, int(found["day"]))
    except ValueError:
        return None
    rest = text[: found.start()] + " " + text[found.end() :]
    clock = _TIME.search(rest)
    when: dt.date = day
    if clock is not None:
        zone = _ZONE.match(rest, clock.end())
        end = zone.end() if zone is not None else clock.end()
        # A time in a zone we cannot place (or in none) leaves the day alone.
        value = _at(day, clock, zone)
        when = value if value is not None else day
        rest = rest[: clock.start()] + " " + rest[end:]
    for word in _WORD.findall(rest):
        lower = word.lower().rstrip(".")
        if lower not in _WEEKDAYS and lower not in _FILLER:
            return None
    return when


def _at(day: dt.date, clock: re.Match[str], zone: re.Match[str] | None) -> dt.datetime | None:
    hour, minute = int(clock["hour"]), int(clock["minute"])
    if clock["half"]:
        if not 1 <= hour <= 12:  # noqa: PLR2004 - a twelve-hour clock
            return None
        hour = hour % 12 + (12 if clock["half"].lower() == "p" else 0)
    if hour > 23 or minute > 59:  # noqa: PLR2004
        return None
    naive = dt.datetime.combine(day, dt.time(hour, minute, int(clock["second"] or 0)))
    if zone is None:
        return None
    tzinfo = _zone(zone, naive)
    return None if tzinfo is None else naive.replace(tzinfo=tzinfo)


def _zone(zone: re.Match[str], naive: dt.datetime) -> dt.tzinfo | None:
    if zone["bare_sign"]:
        return _offset(zone["bare_sign"], zone["bare_hours"], zone["bare_minutes"])
    name = zone["name"]
    extra = _offset(zone["sign"], zone["hours"], zone["minutes"]) if zone["sign"] else None
    if name in ZONE_OFFSETS:
        base = dt.timedelta(hours=ZONE_OFFSETS[name])
        if extra is not None:
            base += extra.utcoffset(None)
        return dt.timezone(base) if abs(base) < dt.timedelta(hours=24) else None
    if name in ZONE_REGIONS and extra is None:
        region = _region(ZONE_REGIONS[name])
        if region is None:
            return None
        return dt.timezone(naive.replace(tzinfo=region).utcoffset() or dt.timedelta(0))
    return None


def _offset(sign: str, hours: str, minutes: str | None) -> dt.timezone | None:
    delta = dt.timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta >= dt.timedelta(hours=24):
        return None
    return dt.timezone(-delta if sign in "-\u2212" else delta)


@cache
def _region(key: str) -> dt.tzinfo | None:
    # Zone data comes from the system or the tzdata package; without it, no time.
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(key)
    except ZoneInfoNotFoundError:  # pragma: no cover - depends on the system
        return None
