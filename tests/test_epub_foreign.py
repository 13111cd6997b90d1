"""Books newsdoc did not write: pandoc's EPUB 2 and 3, a hand-built EPUB 2, furniture skipped."""

import base64
import io
import time
import zipfile
from pathlib import Path

import pytest

import newsdoc
from newsdoc import Article, Collection, Figure, ReadError, ReadWarning, Text
from newsdoc.formats.epub.read import read_epub

from .paths import FIXTURES

PANDOC = FIXTURES / "epub" / "pandoc"


def zip_tree(root: Path) -> bytes:
    """The files under *root* as an EPUB zip: mimetype first and stored."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", (root / "mimetype").read_bytes(), zipfile.ZIP_STORED)
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.name != "mimetype":
                archive.writestr(path.relative_to(root).as_posix(), path.read_bytes())
    return out.getvalue()


def zip_files(files: dict[str, str]) -> bytes:
    """An EPUB zip of *files* (name: text)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", zipfile.ZIP_STORED)
        for name, text in files.items():
            archive.writestr(name, text)
    return out.getvalue()


@pytest.mark.parametrize("stem", ["flood-epub3", "flood-epub2", "digest-epub3"])
def test_pandoc_epubs_read_as_the_golden_documents(stem):
    """pandoc's EPUB 3 and EPUB 2 of one article, and its EPUB 3 of a two-chapter digest."""
    expected = newsdoc.read(PANDOC / f"{stem}.expected.json")
    assert expected == read_epub((PANDOC / f"{stem}.epub").read_bytes())


def test_pandoc_title_pages_are_not_articles():
    """pandoc's title page (marked in EPUB 3, bare in EPUB 2) does not become an article."""
    epub3 = read_epub((PANDOC / "flood-epub3.epub").read_bytes())
    epub2 = read_epub((PANDOC / "flood-epub2.epub").read_bytes())
    assert (Article, Article) == (type(epub3), type(epub2))


def test_a_hand_built_epub2_book_reads_as_a_collection_with_a_warning():
    """EPUB 2: cover skipped (guide), NCX titles, metadata; the missing chapter is a warning."""
    expected = newsdoc.read(FIXTURES / "epub" / "epub2-book.expected.json")
    with pytest.warns(ReadWarning, match="'Text/chapter3.html' is missing from the zip; left out"):
        doc = read_epub(zip_tree(FIXTURES / "epub" / "epub2-book"))
    assert expected == doc


def test_every_content_document_becomes_an_article():
    """A digest of two chapters is a collection of two: no article is dropped."""
    doc = read_epub((PANDOC / "digest-epub3.epub").read_bytes())
    assert isinstance(doc, Collection)
    assert ["Flood barrier holds", "Rail strike ends"] == [article.headline for article in doc.articles]


_CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""


def test_a_book_with_no_readable_content_is_an_empty_collection():
    """A spine of only missing documents: an empty collection titled from the book, two warnings."""
    opf = """<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Empty</dc:title></metadata>
<manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>
<item id="b" href="b.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="a"/><itemref idref="b"/></spine></package>"""
    with pytest.warns(ReadWarning) as caught:
        doc = read_epub(zip_files({"META-INF/container.xml": _CONTAINER, "content.opf": opf}))
    assert (Collection(title="Empty"), 2) == (doc, len(caught))


def test_a_package_document_that_is_not_opf_is_a_read_error():
    """container.xml pointing at XML whose root is not <package>: ReadError naming the file."""
    with pytest.raises(ReadError) as caught:
        read_epub(zip_files({"META-INF/container.xml": _CONTAINER, "content.opf": "<html/>"}))
    assert ("content.opf", "the package document's root is not <package>") == (
        caught.value.location,
        caught.value.reason,
    )


def test_entity_declarations_in_a_content_document_are_refused():
    """A foreign chapter declaring entities stops the read: nothing is expanded."""
    opf = """<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata/>
<manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="a"/></spine></package>"""
    chapter = '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html xmlns="http://www.w3.org/1999/xhtml"><body><p>&x;</p></body></html>'
    with pytest.raises(ReadError) as caught:
        read_epub(zip_files({"META-INF/container.xml": _CONTAINER, "content.opf": opf, "a.xhtml": chapter}))
    assert ("a.xhtml", "the XML declares entities, which are refused") == (
        caught.value.location,
        caught.value.reason,
    )


def test_a_calibre_book_reads_as_its_chapters_with_the_images_inside():
    """calibre's EPUB 2 layout: SVG title page skipped, two authors, the image kept as a data: URI."""
    expected = newsdoc.read(FIXTURES / "epub" / "calibre-book.expected.json")
    doc = read_epub(zip_tree(FIXTURES / "epub" / "calibre-book"))
    jpeg = (FIXTURES / "epub" / "calibre-book" / "images" / "00001.jpg").read_bytes()
    assert isinstance(doc, Collection)
    figure = doc.articles[0].body[2]
    assert isinstance(figure, Figure)
    assert figure.image is not None
    assert (expected, "data:image/jpeg;base64," + base64.b64encode(jpeg).decode()) == (doc, figure.image.src)


def test_a_sigil_book_takes_its_titles_from_the_nav_not_the_ncx():
    """Sigil's EPUB 3 layout: the nav's titles win over the NCX's, and an opening <h2> is the title."""
    expected = newsdoc.read(FIXTURES / "epub" / "sigil-book.expected.json")
    doc = read_epub(zip_tree(FIXTURES / "epub" / "sigil-book"))
    assert isinstance(doc, Collection)
    assert (expected, ["Neue Fähre ab Oktober", "Badestellen wieder offen"]) == (
        doc,
        [article.headline for article in doc.articles],
    )


def test_an_image_missing_from_the_book_leaves_its_caption_and_warns():
    """A figure whose image the zip lacks keeps its caption; the reader says which image."""
    opf = """<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Pictures</dc:title></metadata>
<manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="a"/></spine></package>"""
    chapter = """<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Quay</h1>
<figure><img src="img/gone.png" alt="x"/><figcaption>The north quay at dawn.</figcaption></figure></body></html>"""
    with pytest.warns(ReadWarning, match="the image 'img/gone.png' in 'a.xhtml' is not in the book"):
        doc = read_epub(
            zip_files({"META-INF/container.xml": _CONTAINER, "content.opf": opf, "a.xhtml": chapter})
        )
    assert isinstance(doc, Article)
    assert (Figure(caption=(Text("The north quay at dawn."),)),) == doc.body


@pytest.mark.parametrize("version", ["epub2", "epub3"])
def test_calibre_books_split_across_files_read_as_one_article(version):
    """calibre's own EPUB 2 and 3: a page split in two files is one article, as it was written."""
    expected = newsdoc.read(FIXTURES / "epub" / "calibre" / "dispatch.expected.json")
    assert expected == read_epub((FIXTURES / "epub" / "calibre" / f"dispatch-{version}.epub").read_bytes())


def test_a_chapter_listed_many_times_is_read_once():
    """300 manifest items and spine entries for one chapter: one article, read once, quickly."""
    items = "".join(
        f'<item id="c{n}" href="a.xhtml" media-type="application/xhtml+xml"/>' for n in range(300)
    )
    refs = "".join(f'<itemref idref="c{n}"/>' for n in range(300))
    opf = f"""<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Echo</dc:title></metadata>
<manifest>{items}</manifest><spine>{refs}</spine></package>"""
    chapter = (
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Echo</h1>'
        + "<p>Words.</p>" * 20_000
        + "</body></html>"
    )
    started = time.perf_counter()
    doc = read_epub(zip_files({"META-INF/container.xml": _CONTAINER, "content.opf": opf, "a.xhtml": chapter}))
    elapsed = time.perf_counter() - started
    assert isinstance(doc, Article)
    assert ("Echo", 20_000) == (doc.headline, len(doc.body))
    assert elapsed < 20  # about 0.3 s; read 300 times it took minutes and a gigabyte


def test_one_image_shown_in_many_places_is_read_once():
    """2,000 figures of one stored image: every figure gets the same data: URI, quickly and in little memory."""
    opf = """<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Gallery</dc:title></metadata>
<manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>
<item id="p" href="p.png" media-type="image/png"/></manifest><spine><itemref idref="a"/></spine></package>"""
    figures = "".join(f'<figure><img src="p.png" alt="view {n}"/></figure>' for n in range(2_000))
    chapter = f'<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Views</h1><p>The harbour.</p>{figures}</body></html>'
    picture = b"\x89PNG\r\n\x1a\n" + bytes(500_000)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", zipfile.ZIP_STORED)
        for name, text in {
            "META-INF/container.xml": _CONTAINER,
            "content.opf": opf,
            "a.xhtml": chapter,
        }.items():
            archive.writestr(name, text)
        archive.writestr("p.png", picture)
    started = time.perf_counter()
    doc = read_epub(out.getvalue())
    elapsed = time.perf_counter() - started
    assert isinstance(doc, Article)
    sources = {block.image.src for block in doc.body if isinstance(block, Figure) and block.image is not None}
    figures_read = sum(isinstance(block, Figure) for block in doc.body)
    assert (2_000, {"data:image/png;base64," + base64.b64encode(picture).decode()}) == (figures_read, sources)
    assert elapsed < 30  # about 0.3 s; checking the 670 KB URI for each figure took seconds
