"""Hostile zips: every limit is enforced before inflating, and nothing touches the disk."""

import io
import struct
import time
import tracemalloc
import warnings
import zipfile

import pytest

from newsdoc import Article, ReadError
from newsdoc.formats.epub.container import DEFAULT_LIMITS, Container, Limits, parse_xml
from newsdoc.formats.epub.read import read_epub
from newsdoc.formats.epub.write import write_epub

_MIB = 1024 * 1024


def _zip(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        archive.writestr("mimetype", b"application/epub+zip", zipfile.ZIP_STORED)
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def _patch(data: bytes, name: str, *, size: int | None = None, flags: int | None = None) -> bytes:
    """*data* with the central and local headers of *name* declaring *size* or *flags*."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at >= 0:
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", out, at + 28)
        if out[at + 46 : at + 46 + name_length] == name.encode():
            local = struct.unpack_from("<I", out, at + 42)[0]
            if size is not None:
                struct.pack_into("<I", out, at + 24, size)
                struct.pack_into("<I", out, local + 22, size)
            if flags is not None:
                struct.pack_into("<H", out, at + 8, flags)
                struct.pack_into("<H", out, local + 6, flags)
        at = out.find(b"PK\x01\x02", at + 46 + name_length + extra_length + comment_length)
    return bytes(out)


def _bomb(entries: int, mib_each: int) -> bytes:
    """A zip of *entries* entries each inflating to *mib_each* MiB of zeros."""
    out = io.BytesIO()
    zeros = bytes(_MIB)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", b"application/epub+zip", zipfile.ZIP_STORED)
        for number in range(entries):
            with archive.open(f"OEBPS/bomb-{number}.xhtml", "w", force_zip64=True) as stream:
                for _ in range(mib_each):
                    stream.write(zeros)
    return out.getvalue()


def _read_error(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_epub(data, limits=limits)
    assert "epub" == caught.value.format
    return caught.value


def test_too_many_entries_are_refused():
    """More entries than max_entries (10,000 by default): refused before reading any."""
    data = _zip({f"OEBPS/{number}.xhtml": b"" for number in range(DEFAULT_LIMITS.max_entries)})
    assert "the zip has 10001 entries; the limit is 10000" == _read_error(data).reason


def test_an_entry_declaring_too_much_is_refused():
    """An entry whose declared size passes max_entry_bytes is refused by name."""
    data = _patch(
        _zip({"OEBPS/big.xhtml": b"<p/>"}), "OEBPS/big.xhtml", size=DEFAULT_LIMITS.max_entry_bytes + 1
    )
    error = _read_error(data)
    assert ("OEBPS/big.xhtml", f"the entry declares {64 * _MIB + 1} bytes; the limit is {64 * _MIB}") == (
        error.location,
        error.reason,
    )


def test_entries_declaring_too_much_in_all_are_refused():
    """The declared sizes of all entries together are held to max_total_bytes."""
    data = _zip({f"OEBPS/{n}.bin": bytes(range(256)) * 2 for n in range(3)}, zipfile.ZIP_STORED)
    error = _read_error(data, Limits(max_total_bytes=1500))
    assert "the zip's entries declare 1556 bytes in all; the limit is 1500" == error.reason


def test_an_entry_inflating_hundreds_of_times_is_refused():
    """A 2 MiB run of zeros deflates about 1000 times: over max_ratio, a bomb."""
    error = _read_error(_zip({"OEBPS/zeros.xhtml": bytes(2 * _MIB)}))
    assert ("OEBPS/zeros.xhtml", "the entry inflates more than 200 times: a zip bomb") == (
        error.location,
        error.reason,
    )


def test_an_entry_inflating_past_what_it_declares_is_stopped_while_reading():
    """Declared 10 bytes, holds 4,000: reading stops at the declared size and fails."""
    data = _patch(
        _zip({"META-INF/container.xml": b"<a>" + b"x" * 4000 + b"</a>"}), "META-INF/container.xml", size=10
    )
    assert "META-INF/container.xml" == _read_error(data).location


def test_bytes_inflated_in_all_are_counted_while_reading():
    """Every chunk read counts against max_total_bytes, whatever the headers said."""
    container = Container(_zip({"a.txt": b"a" * 600, "b.txt": b"b" * 600}, zipfile.ZIP_STORED))
    container._limits = Limits(max_total_bytes=1000)  # as if the headers had understated the sizes
    container.read("a.txt")
    with pytest.raises(ReadError, match="more than 1000 bytes inflated in all"):
        container.read("b.txt")


@pytest.mark.parametrize(("entries", "mib_each"), [(1, 300), (10, 30)])
def test_a_300_mb_bomb_fails_fast_in_little_memory(entries, mib_each):
    """A 300 MB-inflating bomb: ReadError within 100 ms and under 50 MB of extra memory."""
    data = _bomb(entries, mib_each)
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(ReadError):
        read_epub(data)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert (True, True) == (elapsed < 0.1, peak < 50 * _MIB)


def test_encrypted_entries_are_refused():
    """An entry with the encryption flag set: refused, never decrypted."""
    data = _patch(_zip({"OEBPS/secret.xhtml": b"<p/>"}), "OEBPS/secret.xhtml", flags=0x1)
    error = _read_error(data)
    assert ("OEBPS/secret.xhtml", "the entry is encrypted") == (error.location, error.reason)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../evil.xhtml", "the entry's path climbs out of the book with '..'"),
        ("OEBPS/../../evil.xhtml", "the entry's path climbs out of the book with '..'"),
        ("/etc/passwd", "the entry has an absolute or Windows path"),
        ("C:/Windows/evil.dll", "the entry has an absolute or Windows path"),
        ("OEBPS\\evil.xhtml", "the entry has an absolute or Windows path"),
    ],
)
def test_paths_leaving_the_book_are_refused(name, reason):
    """Absolute, drive-letter, backslash and '..' names: refused by name."""
    error = _read_error(_zip({name: b"x"}))
    assert (name, reason) == (error.location, error.reason)


def test_duplicate_names_are_refused():
    """Two entries of one name: which one is meant is ambiguous, so neither is read."""
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w") as archive:
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns about the duplicate it writes
        archive.writestr("OEBPS/a.xhtml", b"1")
        archive.writestr("OEBPS/a.xhtml", b"2")
    error = _read_error(out.getvalue())
    assert ("OEBPS/a.xhtml", "the zip holds two entries of this name") == (error.location, error.reason)


@pytest.mark.parametrize(
    "xml",
    [
        b'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><c>&x;</c>',
        b'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><c>&b;</c>',
        b'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]><c/>',
        '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE c [<!ENTITY x "y">]><c>&x;</c>'.encode("utf-16"),
    ],
)
def test_xml_declaring_entities_is_refused(xml):
    """External, nested and parameter entities, in UTF-8 or UTF-16: refused, never resolved."""
    with pytest.raises(ReadError, match="declares entities"):
        parse_xml(xml, "META-INF/container.xml")


def test_entity_declarations_in_container_xml_stop_the_read():
    """The check runs on the real read path, file named."""
    data = _zip(
        {"META-INF/container.xml": b'<!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><c>&x;</c>'}
    )
    assert ("META-INF/container.xml", "the XML declares entities, which are refused") == (
        _read_error(data).location,
        _read_error(data).reason,
    )


def test_reading_never_extracts_to_disk(tmp_path, monkeypatch):
    """Entries are read into memory: zipfile's extract is never called and no file appears."""

    def refuse(*_args, **_kwargs):
        raise AssertionError("extracted to disk")

    monkeypatch.setattr(zipfile.ZipFile, "extract", refuse)
    monkeypatch.setattr(zipfile.ZipFile, "extractall", refuse)
    monkeypatch.chdir(tmp_path)
    doc = Article(headline="In memory")
    assert (doc, []) == (read_epub(write_epub(doc)), list(tmp_path.iterdir()))
