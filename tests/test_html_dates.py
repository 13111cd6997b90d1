"""Metadata date strings: every shape pages use, the zone kept, nothing guessed."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdoc.formats.html.dates import parse_when


def zone(hours: int, minutes: int = 0) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours, minutes=minutes))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-03T15:47:42Z", dt.datetime(2024, 5, 3, 15, 47, 42, tzinfo=dt.UTC)),
        ("2024-05-03T15:47:42.389Z", dt.datetime(2024, 5, 3, 15, 47, 42, 389000, tzinfo=dt.UTC)),
        ("2024-08-02T18:42:00.475+01:00", dt.datetime(2024, 8, 2, 18, 42, 0, 475000, tzinfo=zone(1))),
        ("2025-11-07T11:00:52+0000", dt.datetime(2025, 11, 7, 11, 0, 52, tzinfo=dt.UTC)),
        ("2024-08-28T07:26:02-0400", dt.datetime(2024, 8, 28, 7, 26, 2, tzinfo=zone(-4))),
        ("2024-04-22T12:16+02:00", dt.datetime(2024, 4, 22, 12, 16, tzinfo=zone(2))),
        ("2024-09-02T17:07:00+05:30", dt.datetime(2024, 9, 2, 17, 7, tzinfo=zone(5, 30))),
        ("2024-04-30 16:38:37 +02:00", dt.datetime(2024, 4, 30, 16, 38, 37, tzinfo=zone(2))),
        ("2025-02-04T13:41:03.0000000Z", dt.datetime(2025, 2, 4, 13, 41, 3, tzinfo=dt.UTC)),
        ("  2024-05-03T15:47:42+02  ", dt.datetime(2024, 5, 3, 15, 47, 42, tzinfo=zone(2))),
        ("20240503T154742Z", dt.datetime(2024, 5, 3, 15, 47, 42, tzinfo=dt.UTC)),
        ("Fri, 03 May 2024 15:47:42 +0200", dt.datetime(2024, 5, 3, 15, 47, 42, tzinfo=zone(2))),
        ("3 May 2024 15:47 GMT", dt.datetime(2024, 5, 3, 15, 47, tzinfo=dt.UTC)),
        ("Fri Apr 28 19:20:36 CEST 2023", dt.datetime(2023, 4, 28, 19, 20, 36, tzinfo=zone(2))),
        ("Mon Sep 02 01:11:35 EDT 2024", dt.datetime(2024, 9, 2, 1, 11, 35, tzinfo=zone(-4))),
        (
            "Fri Apr 28 2023 17:52:31 GMT+0000 (Coordinated Universal Time)",
            dt.datetime(2023, 4, 28, 17, 52, 31, tzinfo=dt.UTC),
        ),
        ("1762513252000", dt.datetime(2025, 11, 7, 11, 0, 52, tzinfo=dt.UTC)),
    ],
)
def test_zoned_times_keep_their_zone(text, expected):
    """Times with an offset or zone name parse to that instant, in that zone."""
    actual = parse_when(text)
    assert isinstance(actual, dt.datetime)
    assert (expected, expected.utcoffset()) == (actual, actual.utcoffset())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-09-03T04:03:19", dt.datetime(2024, 9, 3, 4, 3, 19)),  # noqa: DTZ001 - naive on purpose
        ("2024-04-30 10:26:25", dt.datetime(2024, 4, 30, 10, 26, 25)),  # noqa: DTZ001 - naive on purpose
        ("2025-02-02 09:00", dt.datetime(2025, 2, 2, 9, 0)),  # noqa: DTZ001 - naive on purpose
    ],
)
def test_times_without_a_zone_stay_naive(text, expected):
    """A time with no zone is returned naive: the caller decides what it means."""
    assert expected == parse_when(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-04-30", dt.date(2024, 4, 30)),
        ("20250113", dt.date(2025, 1, 13)),
        ("January 11th, 2024", dt.date(2024, 1, 11)),
        ("May 3, 2024", dt.date(2024, 5, 3)),
        ("Sept. 9 2025", dt.date(2025, 9, 9)),
        ("12.03.2025", dt.date(2025, 3, 12)),
        ("3 May 2024", dt.date(2024, 5, 3)),
    ],
)
def test_dates_without_a_time_are_dates(text, expected):
    """A day with no time of day is a date."""
    assert expected == parse_when(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "yesterday",
        "PT1M48S",
        "14:20",
        "5m",
        "2024-13-01",
        "2024-02-30T10:00:00Z",
        "2024-05-03T25:00:00Z",
        "2024-05-03T10:00:00+25:00",
        "Fri Apr 28 19:20:36 XYZT 2023",
        "Smarch 3, 2024",
        "Published 2024-05-03T10:00:00Z by the newsroom",
        "9" * 200,
    ],
)
def test_non_dates_give_none(text):
    """Text that is not a valid date gives None."""
    assert None is parse_when(text)


@given(st.text(max_size=100))
def test_any_text_parses_or_gives_none(text):
    """parse_when never raises; it returns a date, a datetime or None."""
    assert isinstance(parse_when(text), dt.date | type(None))


offsets = st.integers(-14 * 60, 14 * 60).map(lambda minutes: dt.timezone(dt.timedelta(minutes=minutes)))


@given(st.datetimes(min_value=dt.datetime(1000, 1, 1), timezones=offsets))  # noqa: DTZ001 - a bound
def test_isoformat_round_trips(moment):
    """Python's own ISO 8601 output parses back to the same instant in the same zone."""
    parsed = parse_when(moment.isoformat())
    assert isinstance(parsed, dt.datetime)
    assert (moment, moment.utcoffset()) == (parsed, parsed.utcoffset())
