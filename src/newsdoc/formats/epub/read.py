"""Read an EPUB: newsdoc's own exactly (from the JSON copy inside), any other by its content."""

from __future__ import annotations

from newsdoc.canonical import normalize
from newsdoc.errors import ReadError
from newsdoc.formats.epub.container import DEFAULT_LIMITS, Container, Limits, fail
from newsdoc.formats.epub.foreign import read_foreign
from newsdoc.formats.epub.opf import read_package
from newsdoc.formats.epub.write import JSON_HREF, JSON_ID
from newsdoc.formats.json.read import read_json
from newsdoc.model import Article, Collection


def read_epub(data: bytes, *, limits: Limits = DEFAULT_LIMITS) -> Article | Collection:
    """Read an EPUB 2 or 3 book.

    A book newsdoc wrote reads back exactly as the document it was written from. Any
    other book becomes one article (a single content document) or a collection (one
    article per content document), with the book's title, creators, language and date.
    The zip is checked against *limits* before anything is inflated, and read in memory.
    """
    container = Container(bytes(data), limits)
    package = read_package(container)
    own = package.items.get(JSON_ID)
    if own is not None and own.media_type == "application/json" and own.path.endswith("/" + JSON_HREF):
        return _read_own(container, own.path)
    return normalize(read_foreign(container, package))


def _read_own(container: Container, path: str) -> Article | Collection:
    try:
        return read_json(container.read(path))
    except ReadError as error:
        if error.format == "epub":
            raise
        where = ": ".join(part for part in (path, error.location) if part)
        raise fail(error.reason, where) from None
