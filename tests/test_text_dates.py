"""Dates as news sites print them: labels, forms, zones, and lines that only look like dates."""

import datetime as dt

import pytest

from newsdoc.formats.text.dates import Dates, parse_date, parse_date_line


def _tz(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # The forms the issue lists, each from the outlet that prints it.
        (
            "Updated 6:42 PM PST, November 19, 2025",  # AP
            Dates(None, dt.datetime(2025, 11, 19, 18, 42, tzinfo=_tz(-8)), None),
        ),
        (
            "Sat 8 Mar 2025 07.00 GMT",
            Dates(dt.datetime(2025, 3, 8, 7, 0, tzinfo=dt.UTC), None, None),
        ),  # Guardian
        (
            "November 4, 2025 4:15 PM GMT+1",  # Reuters
            Dates(dt.datetime(2025, 11, 4, 16, 15, tzinfo=_tz(1)), None, None),
        ),
        ("Posted on 2 February 2026", Dates(dt.date(2026, 2, 2), None, None)),  # WordPress blogs
        # Others seen in saved pages.
        ("8 March 2025", Dates(dt.date(2025, 3, 8), None, None)),  # BBC
        (
            "Last modified on Sat 8 Mar 2025 09.15 GMT",
            Dates(None, dt.datetime(2025, 3, 8, 9, 15, tzinfo=dt.UTC), None),
        ),
        (
            "November 4, 2025 4:15 PM GMT+1 Updated 2 hours ago",  # Reuters, relative update ignored
            Dates(dt.datetime(2025, 11, 4, 16, 15, tzinfo=_tz(1)), None, None),
        ),
        (
            "March 25, 2024 at 5:12 PM ET",  # US sites: Eastern time, summer time on that date
            Dates(dt.datetime(2024, 3, 25, 17, 12, tzinfo=_tz(-4)), None, None),
        ),
        (
            "Published 8:00 AM EST, Mar 8, 2025 | Updated 9:15 AM EST, Mar 8, 2025",
            Dates(
                dt.datetime(2025, 3, 8, 8, 0, tzinfo=_tz(-5)),
                dt.datetime(2025, 3, 8, 9, 15, tzinfo=_tz(-5)),
                None,
            ),
        ),
        ("2025-03-08T07:00:00Z", Dates(dt.datetime(2025, 3, 8, 7, 0, tzinfo=dt.UTC), None, None)),  # feeds
        ("Posted on 2 February 2026 by Maya Chen", Dates(dt.date(2026, 2, 2), None, "Maya Chen")),
        ("Monday, March 25, 2024", Dates(dt.date(2024, 3, 25), None, None)),
        ("March 8, 2025 10:00 IST", Dates(dt.date(2025, 3, 8), None, None)),  # ambiguous zone: the day only
        ("March 8, 2025, 10:00", Dates(dt.date(2025, 3, 8), None, None)),  # no zone: the day only
        ("Updated 5:04 p.m. ET", Dates(None, None, None)),  # NYT: a time under the date, nothing to keep
    ],
)
def test_date_lines(line, expected):
    """Each date keeps its zone when it has one, and stays a date when it has no time or no zone."""
    assert expected == parse_date_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The vote was held on March 8, 2025, in the capital.",
        "Palestinians inspect the damage in Rafah, March 24, 2024. (AP Photo/Fatima Shbair)",
        "May the best team win",
        "2 hours ago",
        "Paragraph 12: the council said levels had fallen.",
        "February 30, 2025",
    ],
)
def test_prose_with_dates_in_it_is_no_date_line(line):
    """A sentence that mentions a date, a caption, a relative time or an impossible day is not one."""
    assert None is parse_date_line(line)


def test_a_date_alone_in_a_sentence_is_not_parsed():
    """parse_date wants nothing but the date, its weekday, time and zone."""
    assert (dt.date(2025, 3, 8), None) == (
        parse_date("Sat, 8 March 2025"),
        parse_date("held on 8 March 2025"),
    )
