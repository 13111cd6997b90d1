"""An EPUB's zip, opened with limits: a stranger's zip is checked before anything is inflated.

Nothing is ever extracted to disk; entries are read into memory, a chunk at a time,
and reading stops as soon as a limit is passed.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable
from typing import TypeVar

from attrs import frozen
from lxml import etree

from newsdoc.errors import ReadError

T = TypeVar("T")
_MIB = 1024 * 1024
_CHUNK = 64 * 1024


@frozen(kw_only=True)
class Limits:
    """How much of a zip the reader will look at; each is checked before inflating."""

    max_entries: int = 10_000
    """Entries in the zip: books run to hundreds, one per chapter, image and font."""
    max_entry_bytes: int = 64 * _MIB
    """The uncompressed size one entry may declare (a large photo is a few MiB)."""
    max_total_bytes: int = 256 * _MIB
    """The uncompressed size all entries together may declare, and the bytes actually inflated."""
    max_ratio: int = 200
    """Uncompressed over compressed size: text deflates about 3-10 times, a bomb thousands of times."""
    ratio_floor: int = 1 * _MIB
    """Entries declaring less than this skip the ratio check: a small run of blanks deflates well."""


#: The limits :func:`newsdoc.formats.epub.read.read_epub` uses unless given others.
DEFAULT_LIMITS = Limits()

# A drive letter ("C:") makes a Windows path absolute.
_DRIVE = re.compile(r"[A-Za-z]:")
# Errors zipfile and zlib raise on damaged archives; each becomes a ReadError.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError)


def fail(reason: str, location: str | None = None) -> ReadError:
    """A ReadError from the EPUB reader."""
    return ReadError(reason, format="epub", location=location)


def guarded(location: str, action: Callable[[], T]) -> T:
    """Run *action*, turning zip and zlib errors into a ReadError at *location*."""
    try:
        return action()
    except ReadError:
        raise
    except _ZIP_ERRORS as error:
        raise fail(f"damaged zip: {error}", location) from None


class Container:
    """The entries of an EPUB's zip, checked against *limits* when opened."""

    def __init__(self, data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
        self._limits = limits
        self._zip = guarded("the zip", lambda: zipfile.ZipFile(io.BytesIO(data)))
        infos = self._zip.infolist()
        if len(infos) > limits.max_entries:
            raise fail(f"the zip has {len(infos)} entries; the limit is {limits.max_entries}")
        self._infos: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            _check_entry(info, limits)
            if info.filename in self._infos:
                raise fail("the zip holds two entries of this name", info.filename)
            self._infos[info.filename] = info
            total += info.file_size
        if total > limits.max_total_bytes:
            raise fail(
                f"the zip's entries declare {total} bytes in all; the limit is {limits.max_total_bytes}"
            )
        self._inflated = 0

    def __contains__(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """The bytes of entry *name*, read in chunks and stopped at the first limit passed."""
        info = self._infos.get(name)
        if info is None:
            raise fail("no such file in the zip", name)
        return guarded(name, lambda: self._read(info))

    def _read(self, info: zipfile.ZipInfo) -> bytes:
        chunks = []
        size = 0
        with self._zip.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                self._inflated += len(chunk)
                # zipfile stops at the declared size; these hold even if it did not.
                if size > info.file_size or size > self._limits.max_entry_bytes:
                    raise fail("the entry inflates to more than it declares", info.filename)
                if self._inflated > self._limits.max_total_bytes:
                    raise fail(
                        f"more than {self._limits.max_total_bytes} bytes inflated in all", info.filename
                    )
                chunks.append(chunk)
        return b"".join(chunks)

    def xml(self, name: str, *, recover: bool = False) -> etree._Element:
        """Entry *name* parsed as XML, with no DTD loaded, no entity resolved, no network."""
        return parse_xml(self.read(name), name, recover=recover)


def _check_entry(info: zipfile.ZipInfo, limits: Limits) -> None:
    name = info.filename
    if info.flag_bits & 0x1:
        raise fail("the entry is encrypted", name)
    if name.startswith(("/", "\\")) or "\\" in name or _DRIVE.match(name):
        raise fail("the entry has an absolute or Windows path", name)
    if ".." in name.split("/"):
        raise fail("the entry's path climbs out of the book with '..'", name)
    if info.file_size > limits.max_entry_bytes:
        raise fail(f"the entry declares {info.file_size} bytes; the limit is {limits.max_entry_bytes}", name)
    if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(info.compress_size, 1):
        raise fail(f"the entry inflates more than {limits.max_ratio} times: a zip bomb", name)


def _parser(recover: bool) -> etree.XMLParser:
    # A new parser per document: lxml parsers must not be shared between threads.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        recover=recover,
        remove_pis=True,
    )


# Entity declarations are how billion-laughs and external-entity attacks start; no
# EPUB needs them (EPUB 3.3, section 6.1.4.1 forbids external ones). UTF-16 spellings
# too, since XML may be UTF-16.
_ENTITY_DECLARATIONS = (b"<!ENTITY", "<!ENTITY".encode("utf-16-le"), "<!ENTITY".encode("utf-16-be"))


def refuse_entities(data: bytes, location: str) -> None:
    """Raise ReadError if *data* declares XML entities."""
    if any(declaration in data for declaration in _ENTITY_DECLARATIONS):
        raise fail("the XML declares entities, which are refused", location)


def parse_xml(data: bytes, location: str, *, recover: bool = False) -> etree._Element:
    """Parse *data* safely: entity declarations are refused, never expanded."""
    refuse_entities(data, location)
    try:
        root = etree.fromstring(data, _parser(recover))
    except etree.XMLSyntaxError as error:
        raise fail(f"not well-formed XML: {error.msg}", location) from None
    if root is None:
        raise fail("the XML holds no element", location)
    return root
