"""Datelines at the start of wire copy."""

import pytest

from newsdoc.formats.text.datelines import find_dateline


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("WASHINGTON (AP) — The Senate passed the bill.", "WASHINGTON"),
        ("SEVILLE, Spain, Nov 4 (Reuters) - Authorities closed schools.", "SEVILLE, Spain, Nov 4"),
        ("KYIV, Ukraine — Air raid sirens sounded.", "KYIV, Ukraine"),
        ("GAZA CITY, Gaza Strip (AP) — Smoke rose over the city.", "GAZA CITY, Gaza Strip"),
        ("LONDON, March 8 (Reuters) - Shares rose.", "LONDON, March 8"),
        ("Top Israeli and US officials held a virtual meeting Monday.", None),
        ("NATO allies met on Tuesday.", None),
    ],
)
def test_datelines(paragraph, expected):
    """A place in capitals, maybe a region or date, maybe the agency, then a dash."""
    assert expected == find_dateline(paragraph)
