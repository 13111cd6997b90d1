"""Repack a zip deterministically: the same files always give the same bytes.

ebooklib's writer dates every entry with the current time; this rewrites its zip
with a fixed order, a date taken from the document, and fixed file attributes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Collection

from newsdoc.errors import WriteError

MIMETYPE = b"application/epub+zip"
# Zip dates run from 1980 to 2107 (MS-DOS date format).
_ZIP_FIRST = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
_ZIP_LAST = dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=dt.UTC)
# 0o100644: a regular file, readable by all, writable by its owner; in the high
# 16 bits of the external attributes, as Unix zip tools store it.
_FILE_ATTRIBUTES = 0o100644 << 16
_UNIX = 3


def stamp(when: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """*when* (aware) as a zip entry's date and time in UTC, clamped to the years a zip can hold."""
    clamped = min(max(when.astimezone(dt.UTC), _ZIP_FIRST), _ZIP_LAST)
    return (clamped.year, clamped.month, clamped.day, clamped.hour, clamped.minute, clamped.second)


def repack(data: bytes, when: dt.datetime, stored: Collection[str] = ()) -> bytes:
    """The EPUB zip *data* rewritten byte-reproducibly.

    "mimetype" comes first, stored and without an extra field, so its value sits at
    byte 30 as OCF 3.3 (section 4.3) asks; every other entry follows in name order,
    dated *when*, deflated at level 9 unless its name is in *stored* (images whose
    format is already compressed gain nothing from deflate but its time).
    """
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        names = [info.filename for info in source.infolist()]
        if len(set(names)) != len(names):
            raise WriteError("the EPUB holds two entries with one name")  # ebooklib never writes them
        files = {name: source.read(name) for name in names if name != "mimetype"}
    date_time = stamp(when)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        entries = [("mimetype", MIMETYPE, zipfile.ZIP_STORED)]
        entries += [
            (name, files[name], zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED)
            for name in sorted(files)
        ]
        for name, content, method in entries:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = method
            info.create_system = _UNIX  # whatever the platform writing it
            info.external_attr = _FILE_ATTRIBUTES
            archive.writestr(info, content, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None)
    return buffer.getvalue()
