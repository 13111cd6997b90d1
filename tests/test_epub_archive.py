"""Deterministic repacking: mimetype first and stored, names in order, dates from the document."""

import datetime as dt
import io
import zipfile

import pytest

from newsdoc import WriteError
from newsdoc.formats.epub.archive import repack, stamp

WHEN = dt.datetime(2025, 11, 20, 10, 30, 5, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def _zip(entries: list[tuple[str, bytes, tuple[int, int, int, int, int, int]]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data, date_time in entries:
            archive.writestr(zipfile.ZipInfo(name, date_time=date_time), data)
    return buffer.getvalue()


def test_stamp_is_utc_and_clamped_to_the_zip_years():
    """10:30 at +01:00 is 09:30 UTC; 1850 becomes 1980-01-01 and 2200 the last zip instant."""
    assert [
        (2025, 11, 20, 9, 30, 5),
        (1980, 1, 1, 0, 0, 0),
        (2107, 12, 31, 23, 59, 58),
    ] == [
        stamp(WHEN),
        stamp(dt.datetime(1850, 3, 1, tzinfo=dt.UTC)),
        stamp(dt.datetime(2200, 1, 1, tzinfo=dt.UTC)),
    ]


def test_order_and_dates_of_the_input_do_not_matter():
    """The same files in another order, with other dates, repack to the same bytes."""
    one = _zip([("b.txt", b"B", (2020, 1, 1, 0, 0, 0)), ("a.txt", b"A", (2021, 5, 6, 7, 8, 10))])
    two = _zip([("a.txt", b"A", (1999, 1, 1, 0, 0, 0)), ("b.txt", b"B", (2024, 2, 2, 2, 2, 2))])
    assert repack(one, WHEN) == repack(two, WHEN)


def test_mimetype_first_stored_without_extra_field_then_names_in_order():
    """OCF: "mimetype" at byte 30, its value next; the rest sorted, deflated unless asked to be stored."""
    source = _zip(
        [
            ("OEBPS/z.png", b"\x89PNG" * 50, (2020, 1, 1, 0, 0, 0)),
            ("mimetype", b"application/epub+zip", (2020, 1, 1, 0, 0, 0)),
            ("META-INF/container.xml", b"<container/>" * 20, (2020, 1, 1, 0, 0, 0)),
        ]
    )
    data = repack(source, WHEN, stored={"OEBPS/z.png"})
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert (b"mimetypeapplication/epub+zip", b"") == (data[30:58], infos[0].extra)
    assert [
        ("mimetype", zipfile.ZIP_STORED),
        ("META-INF/container.xml", zipfile.ZIP_DEFLATED),
        ("OEBPS/z.png", zipfile.ZIP_STORED),
    ] == [(info.filename, info.compress_type) for info in infos]


def test_every_entry_has_the_same_date_and_unix_file_attributes():
    """Each entry: the stamp of *when*, made on Unix (3), a regular file with mode 644."""
    data = repack(_zip([("a.txt", b"A", (2020, 1, 1, 0, 0, 0))]), WHEN)
    assert {((2025, 11, 20, 9, 30, 4), 3, 0o100644)} == {
        (info.date_time, info.create_system, info.external_attr >> 16)
        for info in zipfile.ZipFile(io.BytesIO(data)).infolist()
    }


def test_two_entries_with_one_name_are_refused():
    """A duplicate name would make two different books of one zip: WriteError."""
    with pytest.warns(UserWarning, match="Duplicate name"):
        source = _zip([("a.txt", b"1", (2020, 1, 1, 0, 0, 0)), ("a.txt", b"2", (2020, 1, 1, 0, 0, 0))])
    with pytest.raises(WriteError, match="two entries"):
        repack(source, WHEN)
