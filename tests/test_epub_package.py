"""Package values: well-formed language tags, UTC instants, UUIDv5 identifiers."""

import datetime as dt
import uuid

import pytest

from newsdoc.formats.epub.package import (
    CONTENT_NAMESPACE,
    NO_DATE,
    date_text,
    identifier,
    instant,
    well_formed_language,
)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en", "en"),
        ("en-GB", "en-GB"),
        ("zh-Hant-TW", "zh-Hant-TW"),
        ("sr-Latn", "sr-Latn"),
        ("es-419", "es-419"),
        ("de-CH-1996", "de-CH-1996"),
        ("en-x-newsroom", "en-x-newsroom"),
        ("abcdefgh-x", None),  # private use needs a subtag after "x"
        ("en-GB-GB-GB", None),  # a region twice
        (None, None),
    ],
)
def test_well_formed_language(tag, expected):
    """RFC 5646 well-formedness, as EPUBCheck checks dc:language (OPF-092)."""
    assert expected == well_formed_language(tag)


def test_instant_is_utc_to_the_second():
    """An aware datetime becomes UTC without microseconds; a date its UTC midnight; None the fixed date."""
    local = dt.datetime(2025, 11, 19, 18, 42, 7, 123, tzinfo=dt.timezone(dt.timedelta(hours=-8)))
    assert (
        dt.datetime(2025, 11, 20, 2, 42, 7, tzinfo=dt.UTC),
        dt.datetime(2025, 11, 19, tzinfo=dt.UTC),
        NO_DATE,
    ) == (
        instant(local),
        instant(dt.date(2025, 11, 19)),
        instant(None),
    )


def test_identifier_from_url_or_content():
    """UUIDv5 of the URL in the URL namespace, else of the content in newsdoc's namespace."""
    assert (
        f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'https://example.com/a')}",
        f"urn:uuid:{uuid.uuid5(CONTENT_NAMESPACE, '{}')}",
    ) == (identifier("https://example.com/a", "{}"), identifier(None, "{}"))


def test_date_text_is_an_utc_instant_or_a_day():
    """dc:date: an aware datetime in UTC to the second with Z; a date as YYYY-MM-DD."""
    local = dt.datetime(2025, 11, 19, 18, 42, 7, 500, tzinfo=dt.timezone(dt.timedelta(hours=-8)))
    assert ("2025-11-20T02:42:07Z", "1850-03-01") == (date_text(local), date_text(dt.date(1850, 3, 1)))
