"""The marker tables newsdoc's Markdown shares between its writer and reader."""

import pytest

from newsdoc.formats.markdown.markers import (
    ATTRIBUTION_MARKERS,
    CREDIT_MARKERS,
    TABLE_CAPTION_MARKERS,
    marker_at,
)


@pytest.mark.parametrize(
    ("text", "markers", "expected"),
    [
        ("Credit: AP", CREDIT_MARKERS, "Credit: "),
        ("credit: AP", CREDIT_MARKERS, "Credit: "),
        ("PHOTOGRAPH: Jane Roe/Reuters", CREDIT_MARKERS, "Photograph: "),
        ("Credits: AP", CREDIT_MARKERS, None),
        ("— the mayor", ATTRIBUTION_MARKERS, "— "),
        ("--- the mayor", ATTRIBUTION_MARKERS, "--- "),
        ("-- the mayor", ATTRIBUTION_MARKERS, "-- "),
        ("—the mayor", ATTRIBUTION_MARKERS, None),
        (": Wave heights", TABLE_CAPTION_MARKERS, ": "),
        ("Table: Wave heights", TABLE_CAPTION_MARKERS, "Table: "),
        ("", TABLE_CAPTION_MARKERS, None),
    ],
)
def test_marker_at_finds_the_marker_a_line_starts_with(text, markers, expected):
    """Markers match at the start, ignoring case, and need their trailing space."""
    assert expected == marker_at(text, markers)


def test_newsdoc_writes_the_first_marker_of_each_table():
    """The spellings the writer uses come first."""
    assert ("Credit: ", "— ", ": ") == (CREDIT_MARKERS[0], ATTRIBUTION_MARKERS[0], TABLE_CAPTION_MARKERS[0])
