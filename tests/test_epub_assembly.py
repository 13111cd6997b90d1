"""What ebooklib assembles: our XHTML kept byte for byte, our identifier and date, both tables of contents."""

import datetime as dt
import io
import re
import subprocess
import sys
import zipfile
from collections.abc import Sequence

import pytest
from lxml import etree

from newsdoc import WriteError
from newsdoc.formats.epub.assembly import assemble
from newsdoc.formats.epub.package import Document, Metadata, Resource

OPF = "{http://www.idpf.org/2007/opf}"
XHTML = "{http://www.w3.org/1999/xhtml}"
META = Metadata(
    identifier="urn:uuid:00000000-0000-5000-8000-000000000001",
    title="A book",
    language="en",
    modified=dt.datetime(2025, 11, 20, 9, 0, tzinfo=dt.UTC),
)
# Polyglot XHTML as newsdoc writes it: an empty <p></p> and a <br/>, which an
# HTML parser and re-serializer would turn into <p/> and <br></br> or drop.
PAGE = (
    b"<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE html>\n"
    b'<html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="utf-8"/><title>One</title></head>'
    b"<body><p></p><p>a<br/>b</p></body></html>\n"
)


def _book(documents: list[Document], resources: Sequence[Resource] = ()) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(assemble(META, documents, list(resources))))


def test_content_documents_are_stored_exactly_as_given():
    """ebooklib does not re-parse newsdoc's XHTML: the bytes in the book are the bytes given."""
    book = _book([Document("one", "one.xhtml", "One", PAGE)])
    assert PAGE == book.read("OEBPS/one.xhtml")


def test_the_identifier_and_modified_date_are_ours_not_random_or_now():
    """No uuid4 and no clock: the one urn:uuid in OPF and NCX is META's, dcterms:modified is META's."""
    book = _book([Document("one", "one.xhtml", "One", PAGE)])
    opf = book.read("OEBPS/content.opf").decode()
    ncx = book.read("OEBPS/toc.ncx").decode()
    modified = etree.fromstring(opf.encode()).find(f"{OPF}metadata/{OPF}meta[@property='dcterms:modified']")
    assert ({META.identifier}, "2025-11-20T09:00:00Z") == (
        set(re.findall(r"urn:uuid:[0-9a-f-]+", opf + ncx)),
        modified.text,
    )


def test_resources_are_listed_with_their_media_types_and_kept_out_of_the_spine():
    """A WebP image and a JSON file: in the manifest with the types given, not in the spine."""
    book = _book(
        [Document("one", "one.xhtml", "One", PAGE)],
        [
            Resource("picture", "images/a.webp", "image/webp", b"RIFF"),
            Resource("data", "data.json", "application/json", b"{}"),
        ],
    )
    opf = etree.fromstring(book.read("OEBPS/content.opf"))
    items = {item.get("href"): item.get("media-type") for item in opf.iter(f"{OPF}item")}
    spine = [ref.get("idref") for ref in opf.iter(f"{OPF}itemref")]
    assert (("image/webp", "application/json"), ["one"], b"RIFF") == (
        (items["images/a.webp"], items["data.json"]),
        spine,
        book.read("OEBPS/images/a.webp"),
    )


def test_the_nav_lists_every_document_in_order_with_its_title():
    """nav.xhtml's toc: one link per document, the documents' titles, in spine order."""
    book = _book(
        [Document("one", "one.xhtml", "One", PAGE), Document("two", "two.xhtml", "Two & more", PAGE)]
    )
    nav = etree.fromstring(book.read("OEBPS/nav.xhtml"))
    assert [("one.xhtml", "One"), ("two.xhtml", "Two & more")] == [
        (a.get("href"), a.text) for a in nav.iter(f"{XHTML}a")
    ]


def test_a_book_without_documents_is_refused():
    """An empty table of contents is invalid EPUB: WriteError before ebooklib writes one."""
    with pytest.raises(WriteError, match="at least one content document"):
        assemble(META, [], [])


def test_a_deleted_working_directory_is_a_write_error(tmp_path):
    """ebooklib's nav needs os.getcwd(): in a deleted directory, a WriteError that says so."""
    gone = tmp_path / "gone"
    gone.mkdir()
    code = (
        "import os, sys\n"
        "os.chdir(sys.argv[1]); os.rmdir(sys.argv[1])\n"
        "import newsdoc\n"
        "try:\n"
        "    newsdoc.write(newsdoc.Article(headline='H'), format='epub')\n"
        "except newsdoc.WriteError as error:\n"
        "    print(error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code, str(gone)], capture_output=True, text=True, check=True
    )
    expected = "the current directory no longer exists, and ebooklib needs it to write the book's contents\n"
    assert (expected, "") == (result.stdout, result.stderr)
