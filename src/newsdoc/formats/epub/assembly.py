"""ebooklib assembles the book: package document, manifest, spine, nav document and NCX.

Importing this module imports ebooklib (the ``epub`` extra), so only the writer does.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ebooklib import epub

from newsdoc.errors import WriteError
from newsdoc.formats.epub.package import FOLDER, Document, Metadata, Resource, date_text

_XHTML_TYPE = "application/xhtml+xml"
_IMAGE_TYPE_PREFIX = "image/"


def _options(metadata: Metadata) -> dict[str, Any]:
    return {
        # dcterms:modified comes from the document: without "mtime" ebooklib writes now().
        "mtime": metadata.modified,
        # newsdoc marks no page breaks, so there is no page-list to write; looking for
        # them would parse every EpubHtml document again with lxml.html.
        "epub3_pages": False,
        # playOrder on every navPoint, counted in reading order, for EPUB 2 reading
        # systems that still expect it (it is optional since OPF 2.0.1).
        "play_order": {"enabled": True, "start_from": 1},
        # By default write_epub() turns an OSError into a warning and returns False.
        "raise_exceptions": True,
        # The zip is repacked (archive.repack) with the final compression anyway.
        "compresslevel": 0,
    }


def assemble(metadata: Metadata, documents: Sequence[Document], resources: Sequence[Resource]) -> bytes:
    """The book ebooklib writes: *documents* in the spine and the contents, *resources* beside them.

    The zip it returns still carries the clock's dates; archive.repack fixes them.
    """
    if not documents:
        # An empty contents list is an empty <ol> in the nav and an empty navMap in
        # the NCX, both invalid (EPUBCheck RSC-005): ebooklib writes them without a
        # word (aerkalov/ebooklib#130, internetarchive/archive-hocr-tools#19).
        raise WriteError("a book needs at least one content document")
    try:
        Path.cwd()
    except FileNotFoundError:
        # ebooklib's nav resolves every link with posixpath.relpath, which calls
        # os.getcwd(): in a deleted directory that fails deep inside its writer.
        raise WriteError(
            "the current directory no longer exists, and ebooklib needs it to write the book's contents"
        ) from None
    book = epub.EpubBook()
    book.FOLDER_NAME = FOLDER
    # EpubBook() starts with a random uuid4 identifier; this replaces it everywhere
    # (dc:identifier and the NCX's dtb:uid).
    book.set_identifier(metadata.identifier)
    book.set_title(metadata.title)
    book.set_language(metadata.language)
    for number, creator in enumerate(metadata.creators, start=1):
        # add_author's default uid is "creator" for every author: with two, EPUBCheck
        # reports the duplicate id (RSC-005, Duplicate "creator").
        book.add_author(creator, uid=f"creator-{number}")
    dublin_core = [
        ("date", date_text(metadata.date) if metadata.date is not None else None),
        ("publisher", metadata.publisher),
        *(("subject", subject) for subject in metadata.subjects),
        ("description", metadata.description),
        ("source", metadata.source),
    ]
    for name, value in dublin_core:
        if value:
            book.add_metadata("DC", name, value)
    # Content documents go in as plain items holding the XHTML newsdoc serialized:
    # an EpubHtml's content is re-parsed with lxml.html and rebuilt from a template,
    # which costs time and mangles markup (aerkalov/ebooklib#211).
    pages = [
        book.add_item(epub.EpubItem(uid=doc.id, file_name=doc.href, media_type=_XHTML_TYPE, content=doc.data))
        for doc in documents
    ]
    book.spine = pages
    book.toc = [epub.Link(doc.href, doc.title, doc.id) for doc in documents]
    # Both tables of contents, written from book.toc: the nav document, without which
    # EPUBCheck refuses an EPUB 3 book (RSC-005, "Exactly one manifest item must
    # declare the nav property"; the maintainer's answer in aerkalov/ebooklib#130 is
    # to add EpubNav beside EpubNcx), and the NCX for EPUB 2 reading systems.
    # No cover page: set_cover() makes one marked linear="no", and in the spine, as
    # ebooklib's own cover sample puts it, nothing links to it: EPUBCheck 5 reports
    # OPF-096 (aerkalov/ebooklib#315, open since 2024; w3c/epubcheck#1488).
    book.add_item(epub.EpubNav(title="Contents"))
    book.add_item(epub.EpubNcx())
    for resource in resources:
        kind = epub.EpubImage if resource.media_type.startswith(_IMAGE_TYPE_PREFIX) else epub.EpubItem
        book.add_item(
            kind(
                uid=resource.id,
                file_name=resource.href,
                media_type=resource.media_type,
                content=resource.data,
            )
        )
    buffer = io.BytesIO()
    epub.write_epub(buffer, book, _options(metadata))
    return buffer.getvalue()
