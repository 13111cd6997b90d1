"""The rules of newsdoc's own text layout: escapes, wrapping, underlines and dates."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdoc.formats.text.layout import (
    META_LABELS,
    display_width,
    escape_chars,
    escape_title,
    format_when,
    needs_escape,
    parse_when,
    rule_for,
    split_escaped,
    unescape,
    wrap,
)
from newsdoc.testing import dates, texts


@pytest.mark.parametrize(
    "text",
    [
        "\\ at the start",
        "• not a list",
        "•",
        "1. not a list",
        "2025.",
        "Image: not a figure",
        "Image:",
        "Main image: not the lead",
        "```python is not code",
        "* * *",
        "* * * and more",
        "### not the rule between articles",
    ],
)
def test_paragraphs_that_would_read_as_other_blocks_are_escaped(text):
    """A paragraph starting like a list, a figure, code, a divider or a rule needs a backslash."""
    assert True is needs_escape(text)


@pytest.mark.parametrize(
    "text",
    [
        "By the time the polls closed",
        "1,000 people marched",
        "Images of the flood",
        "* not a divider",
        "#1 seed",
    ],
)
def test_ordinary_paragraphs_are_not_escaped(text):
    """Prose that only resembles markup is written as it is."""
    assert False is needs_escape(text)


def test_labels_are_reserved_only_where_asked():
    """ "By the time…" is escaped only where the byline block could stand."""
    assert (False, True) == (
        needs_escape("By the time it ended"),
        needs_escape("By the time it ended", META_LABELS),
    )


@pytest.mark.parametrize(
    ("text", "line"),
    [("Plain", "Plain"), ("\\back", "\\\\back"), ("```x", "\\```x"), ("\ufeffx", "\\\ufeffx")],
)
def test_titles_are_escaped_and_unescaped(text, line):
    """A headline starting with a backslash, a fence or a byte-order mark keeps it."""
    assert (line, text) == (escape_title(text), unescape(escape_title(text)))


def test_wrap_breaks_at_spaces_and_keeps_long_words_whole():
    """Lines stay within the width unless one word is longer."""
    assert ["one two", "three", "extraordinarily", "long"] == wrap("one two three extraordinarily long", 8)


def test_wrap_never_starts_a_line_with_an_underline_word():
    """A line of dashes would turn the paragraph into a heading, so it stays on the line before."""
    assert ["aaaa -----", "b"] == wrap("aaaa ----- b", 5)


@given(
    st.lists(st.text("ab-=~ ", min_size=1, max_size=6).map(str.split).map(" ".join).filter(bool), min_size=1)
)
def test_wrapped_lines_join_back_to_the_text(words):
    """Wrapping only replaces spaces with line breaks."""
    text = " ".join(words)
    assert text == " ".join(wrap(text, 3))


def test_display_width_counts_wide_characters_twice():
    """Underlines match what a terminal shows: CJK is two columns, combining marks none."""
    assert (5, 4, 1) == (display_width("Hello"), display_width("中文"), display_width("e\u0301"))
    assert ("=====", "---") == (rule_for("Hello", "="), rule_for("A", "-"))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (dt.date(2025, 11, 20), "November 20, 2025"),
        (
            dt.datetime(2025, 11, 19, 18, 42, tzinfo=dt.timezone(dt.timedelta(hours=-8))),
            "November 19, 2025, 6:42 PM UTC-08:00",
        ),
        (dt.datetime(2024, 3, 25, 0, 5, tzinfo=dt.UTC), "March 25, 2024, 12:05 AM UTC"),
        (
            dt.datetime(1850, 1, 2, 12, 0, 7, 250, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))),
            "January 2, 1850, 12:00:07.000250 PM UTC+05:30",
        ),
    ],
)
def test_dates_are_written_as_people_read_them(value, text):
    """Month, day and year; a twelve-hour clock; the offset from UTC; seconds only when there are some."""
    assert (text, value) == (format_when(value), parse_when(text))


@given(dates().filter(lambda value: value is not None))
def test_every_date_reads_back_as_the_same_instant_with_the_same_offset(value):
    """Dates and datetimes round-trip to the microsecond, offset included."""
    back = parse_when(format_when(value))
    assert value == back
    assert isinstance(back, dt.date)
    assert format_when(value) == format_when(back)


@pytest.mark.parametrize(
    "text", ["Smarch 3, 2025", "February 30, 2025", "March 3, 2025, 13:00 PM UTC", "soon"]
)
def test_what_is_not_a_written_date_is_none(text):
    """Only the writer's own form, with a real day and hour, is read."""
    assert None is parse_when(text)


@given(st.lists(texts(min_size=1), min_size=1, max_size=4))
def test_escaped_lists_split_back(parts):
    """Commas and backslashes inside the items survive joining and splitting."""
    assert parts == split_escaped(", ".join(escape_chars(part, ",") for part in parts), ", ")


def test_a_trailing_backslash_is_malformed():
    """An escape with nothing after it is not what the writer writes."""
    assert None is split_escaped("a\\", ", ")
