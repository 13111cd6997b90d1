"""Reading newsdoc's own EPUBs: exact round trips for articles and collections, errors that say where."""

import io
import zipfile

import pytest
from hypothesis import given

import newsdoc
from newsdoc import Article, Collection, ReadError
from newsdoc.formats.epub.read import read_epub
from newsdoc.formats.epub.write import write_epub
from newsdoc.testing import articles, collections

from .paths import ROOT


def _replace(data: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, content if info.filename == name else source.read(info))
    return out.getvalue()


def test_the_sample_article_reads_back_exactly():
    """read(write(d)) == d for the example article."""
    doc = newsdoc.read(ROOT / "examples" / "rafah-virtual-meeting.json")
    assert doc == read_epub(write_epub(doc))


@given(articles())
def test_articles_read_back_exactly(doc: Article):
    """read(write(d)) == d for any article."""
    assert doc == read_epub(write_epub(doc))


@given(collections())
def test_collections_read_back_exactly(doc: Collection):
    """read(write(d)) == d for any collection, its title and date included."""
    assert doc == read_epub(write_epub(doc))


def test_an_empty_collection_reads_back_as_one():
    """A collection of no articles is still a collection, not an error."""
    assert Collection(title="Nothing today") == read_epub(write_epub(Collection(title="Nothing today")))


def test_read_recognises_an_epub_from_its_bytes():
    """newsdoc.read sniffs the zip magic and the mimetype entry."""
    doc = Article(headline="Sniffed")
    assert doc == newsdoc.read(write_epub(doc))


def test_damaged_json_inside_says_which_file_and_where():
    """A broken lossless copy is a ReadError naming the file in the EPUB and the JSON path."""
    data = _replace(
        write_epub(Article(headline="H")),
        "OEBPS/newsdoc.json",
        b'{"newsdoc":1,"type":"article","headline":3}',
    )
    with pytest.raises(ReadError) as caught:
        read_epub(data)
    assert ("epub", "OEBPS/newsdoc.json: headline") == (caught.value.format, caught.value.location)


def test_a_zip_without_container_xml_is_not_an_epub():
    """No META-INF/container.xml: ReadError."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
    with pytest.raises(ReadError, match=r"container\.xml"):
        read_epub(out.getvalue())


def test_bytes_that_are_not_a_zip_are_a_read_error():
    """Not a zip at all: ReadError from the epub reader."""
    with pytest.raises(ReadError) as caught:
        read_epub(b"PK\x03\x04 not really")
    assert "epub" == caught.value.format
