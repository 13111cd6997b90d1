"""The package document as read: manifest paths, the guide, items outside the book."""

import pytest

from newsdoc import ReadWarning
from newsdoc.formats.epub.container import Container
from newsdoc.formats.epub.opf import read_package

from .test_epub_foreign import zip_files

_CONTAINER = """<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"""


def _package(manifest: str, extra: str = "", files: dict[str, str] | None = None):
    opf = f"""<package xmlns="http://www.idpf.org/2007/opf" version="2.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title> A  title </dc:title><dc:creator>One</dc:creator><dc:creator>Two</dc:creator></metadata>
<manifest>{manifest}</manifest><spine><itemref idref="a"/><itemref idref="a"/><itemref idref="nope"/></spine>{extra}</package>"""
    entries = {"META-INF/container.xml": _CONTAINER, "OEBPS/content.opf": opf, **(files or {})}
    return read_package(Container(zip_files(entries)))


def test_manifest_hrefs_resolve_against_the_package_and_are_unescaped():
    """'Text/chapter%201.html' beside OEBPS/content.opf is OEBPS/Text/chapter 1.html; the spine has it once."""
    package = _package(
        '<item id="a" href="Text/chapter%201.html" media-type="application/xhtml+xml"/>',
        files={"OEBPS/Text/chapter 1.html": "<html/>"},
    )
    assert (["OEBPS/Text/chapter 1.html"], ["OEBPS/Text/chapter 1.html"]) == (
        [item.path for item in package.items.values()],
        [item.path for item in package.spine],
    )


def test_metadata_keeps_every_value_stripped():
    """dc:* values in order, white space trimmed at the ends."""
    package = _package("")
    assert {"title": ("A  title",), "creator": ("One", "Two")} == package.metadata


def test_items_outside_the_book_or_remote_are_left_out():
    """'../../x' from OEBPS/ warns and is ignored; an http item has nothing in the zip to read."""
    with pytest.warns(ReadWarning, match="points outside the book"):
        package = _package(
            '<item id="a" href="../../evil.html" media-type="application/xhtml+xml"/>'
            '<item id="b" href="https://example.com/font.woff" media-type="font/woff"/>'
        )
    assert {} == package.items


def test_the_guide_maps_paths_to_reference_types():
    """EPUB 2 guide references, resolved like manifest hrefs."""
    package = _package("", '<guide><reference type="cover" href="cover.html#top"/></guide>')
    assert {"OEBPS/cover.html": "cover"} == package.guide
