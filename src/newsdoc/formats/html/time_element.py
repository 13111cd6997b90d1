"""The ``<time>`` element in newsdoc's HTML: the ``datetime`` value HTML accepts, and the exact one.

HTML allows at most milliseconds and whole-minute offsets; the model allows more, so
when the two differ the exact ISO 8601 value rides along in ``data-datetime``.
"""

from __future__ import annotations

import datetime as dt


def exact(value: dt.date) -> str:
    """The ISO 8601 form that gives *value* back exactly (microseconds and odd offsets included)."""
    return value.isoformat()


def html_datetime(value: dt.date) -> str:
    """A valid HTML date or global date-and-time string for *value* (WHATWG 2.3.5).

    >>> html_datetime(dt.datetime(2024, 3, 25, 6, 30, 0, 123456, tzinfo=dt.UTC))
    '2024-03-25T06:30:00.123+00:00'
    """
    if not isinstance(value, dt.datetime):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    fraction = f".{value.microsecond // 1000:03d}" if value.microsecond else ""
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d}T"
        f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}{fraction}{_offset(value)}"
    )


def display(value: dt.date) -> str:
    """How a date reads on the page: ``2024-03-25 06:30 +00:00``, free of any language's words."""
    day = f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if not isinstance(value, dt.datetime):
        return day
    return f"{day} {value.hour:02d}:{value.minute:02d} {_offset(value)}"


def _offset(value: dt.datetime) -> str:
    offset = value.utcoffset() or dt.timedelta(0)
    # HTML offsets are whole minutes; seconds, if any, live in the exact form only.
    minutes = int(offset.total_seconds() / 60)
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def parse(text: str) -> dt.date | None:
    """A date or timezone-aware datetime from ISO 8601 *text*, or None if it is not one.

    A datetime without an offset names no instant, so only its day is kept.

    >>> parse("2024-03-25T06:30:00+01:00")
    datetime.datetime(2024, 3, 25, 6, 30, tzinfo=datetime.timezone(datetime.timedelta(seconds=3600)))
    >>> parse("2024-03-25T06:30"), parse("soon")
    (datetime.date(2024, 3, 25), None)
    """
    text = text.strip()
    try:
        if len(text) <= 10:  # noqa: PLR2004 - "YYYY-MM-DD" is ten characters
            return dt.date.fromisoformat(text)
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        return value.date()
    return value
