"""Images to package in a book: given as bytes, local files or ``data:`` URIs, or fetched when asked.

Only raster images whose bytes say what they are go in; anything else keeps its
caption and credit and links to the image, so a book never loads a remote <img>.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from urllib.parse import unquote_to_bytes, urlsplit

from attrs import frozen

# Magic numbers of the raster types EPUB 3.3 lists as core media types (section 3.2),
# so every reading system shows them. SVG is left out: it can carry scripts.
_SIGNATURES: tuple[tuple[bytes, int, str, str], ...] = (
    (b"\xff\xd8\xff", 0, "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png", "png"),
    (b"GIF87a", 0, "image/gif", "gif"),
    (b"GIF89a", 0, "image/gif", "gif"),
    (b"WEBP", 8, "image/webp", "webp"),  # after "RIFF" and a four-byte size
)
# The smallest complete image of each kind, and a sign that the file is whole:
# a bare header (as in the 8-byte "data:image/png;base64,iVBORw0KGgo=" placeholders
# some CMSs emit) is what EPUBCheck reports as a corrupted image (PKG-021).
_MINIMUM_BYTES = {"image/jpeg": 125, "image/png": 67, "image/gif": 35, "image/webp": 26}
_WHOLE: dict[str, Callable[[bytes], bool]] = {
    "image/jpeg": lambda data: data.rstrip(b"\x00").endswith(b"\xff\xd9"),  # EOI marker
    "image/png": lambda data: data[12:16] == b"IHDR" and data.endswith(b"IEND\xaeB`\x82"),
    "image/gif": lambda data: data.endswith(b";"),  # the trailer byte
    "image/webp": lambda data: int.from_bytes(data[4:8], "little") + 8 <= len(data),  # RIFF size
}
#: The media types packaged: those of the signatures above.
CORE_TYPES = frozenset(media_type for _, _, media_type, _ in _SIGNATURES)
_HTTP = ("http", "https")


@frozen
class Packaged:
    """An image stored in the book: its path beside the content documents, type and bytes."""

    href: str
    media_type: str
    data: bytes


@frozen(kw_only=True)
class FetchOptions:
    """How remote images are fetched when ``fetch_images=True``."""

    timeout: float = 10.0
    max_bytes: int = 10 * 1024 * 1024
    max_concurrent: int = 4
    #: Whether servers on private, loopback and link-local addresses may be fetched from.
    private_hosts: bool = False


def image_type(data: bytes) -> tuple[str, str] | None:
    """The media type and file extension *data*'s first bytes announce, or None."""
    for signature, offset, media_type, extension in _SIGNATURES:
        if data[offset : offset + len(signature)] == signature:
            if offset and not data.startswith(b"RIFF"):
                continue
            if len(data) < _MINIMUM_BYTES[media_type] or not _WHOLE[media_type](data):
                return None
            return media_type, extension
    return None


def package_images(
    sources: Iterable[str],
    *,
    given: Mapping[str, bytes],
    image_dir: str | os.PathLike[str] | None,
    fetch: FetchOptions | None,
) -> dict[str, Packaged]:
    """Map each image ``src`` that can be packaged to where it goes; others are left out."""
    found: dict[str, bytes] = {}
    remote: list[str] = []
    for src in dict.fromkeys(sources):
        data = given.get(src)
        if data is None:
            try:
                scheme = urlsplit(src).scheme.lower()
            except ValueError:  # not a URL at all ("http://[::1/x"): nothing to package
                continue
            if scheme == "data":
                data = _data_uri(src)
            elif scheme in _HTTP:
                remote.append(src)
            elif not scheme and image_dir is not None:
                data = _local(src, Path(image_dir))
        if data is not None:
            found[src] = data
    if fetch is not None and remote:
        # Imported here: urllib and threads cost start-up time that most books never need.
        from newsdoc.formats.epub.fetch import fetch_all

        found.update(fetch_all(remote, fetch))
    packaged: dict[str, Packaged] = {}
    for src, data in found.items():
        kind = image_type(data)
        if kind is None:
            continue
        digest = hashlib.sha256(data).hexdigest()[:20]
        packaged[src] = Packaged(f"images/{digest}.{kind[1]}", kind[0], data)
    return packaged


def _data_uri(src: str) -> bytes | None:
    header, comma, payload = src[5:].partition(",")
    if not comma:
        return None
    try:
        if header.lower().endswith(";base64"):
            return base64.b64decode(unquote_to_bytes(payload), validate=False)
        return unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        return None


def _local(src: str, image_dir: Path) -> bytes | None:
    # Only files inside image_dir: a page's "/etc/passwd" must not end up in a book.
    root = image_dir.resolve()
    path = (root / urlsplit(src).path.lstrip("/")).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path.read_bytes()
