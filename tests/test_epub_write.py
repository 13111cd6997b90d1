"""The EPUB writer: golden package files, reproducible zips, metadata, identifiers, collections."""

import datetime as dt
import io
import uuid
import zipfile

import pytest
from lxml import etree

import newsdoc
from newsdoc import Article, Author, Collection, Paragraph, Text, WriteError
from newsdoc.formats.epub.write import write_epub

from .paths import FIXTURES, ROOT

GOLDEN = FIXTURES / "epub" / "flood"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def _flood() -> Article:
    doc = newsdoc.read(GOLDEN / "article.json")
    assert isinstance(doc, Article)
    return doc


def _entries(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


def _opf_metadata(data: bytes) -> list[tuple[str, str]]:
    root = etree.fromstring(_entries(data).read("OEBPS/content.opf"))
    return [(etree.QName(node).localname, node.text or "") for node in root.find(f"{OPF}metadata")]


@pytest.mark.parametrize(
    ("entry", "golden"),
    [
        ("META-INF/container.xml", "container.xml"),
        ("OEBPS/content.opf", "content.opf"),
        ("OEBPS/article.xhtml", "article.xhtml"),
        ("OEBPS/nav.xhtml", "nav.xhtml"),
        ("OEBPS/toc.ncx", "toc.ncx"),
    ],
)
def test_package_files_match_the_golden_files(entry, golden):
    """Each package file of the flood article is byte for byte the reviewed golden file."""
    assert (GOLDEN / golden).read_bytes() == _entries(write_epub(_flood())).read(entry)


def test_the_same_document_gives_the_same_bytes():
    """Writing twice gives identical bytes: no clock, no random identifier."""
    doc = newsdoc.read(ROOT / "examples" / "rafah-virtual-meeting.json")
    assert write_epub(doc) == write_epub(doc)


def test_mimetype_comes_first_stored_and_the_rest_sorted():
    """OCF: "mimetype" first and uncompressed; then the entries in name order."""
    archive = _entries(write_epub(_flood()))
    infos = archive.infolist()
    assert ("mimetype", zipfile.ZIP_STORED, b"application/epub+zip") == (
        infos[0].filename,
        infos[0].compress_type,
        archive.read("mimetype"),
    )
    names = [info.filename for info in infos[1:]]
    assert sorted(names) == names


def test_zip_entries_are_dated_from_the_article_not_the_clock():
    """Entries carry the article's updated time in UTC."""
    stamps = {info.date_time for info in _entries(write_epub(_flood())).infolist()}
    assert {(2025, 11, 20, 9, 0, 0)} == stamps


def test_an_undated_article_gets_a_fixed_date():
    """With no date at all, entries and dcterms:modified use 2000-01-01."""
    data = write_epub(Article(headline="Undated"))
    assert {(2000, 1, 1, 0, 0, 0)} == {info.date_time for info in _entries(data).infolist()}
    assert ("meta", "2000-01-01T00:00:00Z") in _opf_metadata(data)


def test_dates_outside_the_zip_range_are_clamped():
    """Zip dates start in 1980: an 1850 article is dated 1980-01-01 in the zip."""
    data = write_epub(Article(headline="Old", published=dt.date(1850, 3, 1)))
    assert {(1980, 1, 1, 0, 0, 0)} == {info.date_time for info in _entries(data).infolist()}
    assert ("date", "1850-03-01") in _opf_metadata(data)


def test_identifier_is_a_uuid5_of_the_url():
    """dc:identifier is urn:uuid: of UUIDv5(URL namespace, the article's URL)."""
    expected = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'https://example.com/flood')}"
    assert ("identifier", expected) == _opf_metadata(write_epub(_flood()))[0]


def test_identifier_without_url_follows_the_content():
    """Without a URL the identifier is stable for one content and differs for another."""
    first = _opf_metadata(write_epub(Article(headline="One")))[0]
    again = _opf_metadata(write_epub(Article(headline="One")))[0]
    other = _opf_metadata(write_epub(Article(headline="Two")))[0]
    assert (first, True) == (again, first != other)
    assert first[1].startswith("urn:uuid:")


def test_unknown_or_malformed_language_is_und_in_the_package():
    """dc:language must be well formed: a missing or malformed tag is written as "und"."""
    assert ("language", "und") in _opf_metadata(write_epub(Article(headline="H", language="abcdefgh-x")))
    assert ("language", "und") in _opf_metadata(write_epub(Article(headline="H")))


def _digest() -> Collection:
    return Collection(
        title="Morning digest",
        published=dt.date(2025, 11, 20),
        articles=(
            Article(
                headline="Flood barrier holds",
                authors=(Author("Ana Ruiz"), Author("Tom Lee")),
                published=dt.date(2025, 11, 19),
                language="en",
            ),
            Article(headline="", body=(Paragraph((Text("No headline."),)),), language="en"),
        ),
    )


def test_a_collection_has_a_contents_page_then_one_document_per_article():
    """Spine: contents.xhtml, then article-0001.xhtml, article-0002.xhtml."""
    root = etree.fromstring(_entries(write_epub(_digest())).read("OEBPS/content.opf"))
    spine = [ref.get("idref") for ref in root.iter(f"{OPF}itemref")]
    assert ["contents", "article-0001", "article-0002"] == spine


def test_the_contents_page_lists_headline_byline_and_date():
    """Each article's entry links to it and gives its byline and date."""
    page = etree.fromstring(_entries(write_epub(_digest())).read("OEBPS/contents.xhtml"))
    items = [
        [(node.tag.removeprefix(XHTML), node.get("href") or node.get("class"), node.text) for node in li]
        for li in page.iter(f"{XHTML}li")
    ]
    assert [
        [
            ("a", "article-0001.xhtml", "Flood barrier holds"),
            ("span", "byline", "By Ana Ruiz and Tom Lee"),
            ("span", "date", "19 November 2025"),
        ],
        [("a", "article-0002.xhtml", "Untitled")],
    ] == items


def test_the_nav_has_one_entry_per_article_after_the_contents():
    """nav.xhtml: Contents, then each headline (or "Untitled")."""
    nav = etree.fromstring(_entries(write_epub(_digest())).read("OEBPS/nav.xhtml"))
    assert [
        ("contents.xhtml", "Contents"),
        ("article-0001.xhtml", "Flood barrier holds"),
        ("article-0002.xhtml", "Untitled"),
    ] == [(a.get("href"), a.text) for a in nav.iter(f"{XHTML}a")]


def test_title_and_date_options_set_the_collection_title_and_date():
    """title= and date= replace the collection's own, in the book and in what reads back."""
    data = write_epub(_digest(), title="Evening digest", date=dt.date(2025, 11, 21))
    metadata = _opf_metadata(data)
    assert (True, True) == (("title", "Evening digest") in metadata, ("date", "2025-11-21") in metadata)
    back = newsdoc.read(data, format="epub")
    assert isinstance(back, Collection)
    assert ("Evening digest", dt.date(2025, 11, 21)) == (back.title, back.published)


def test_title_option_on_an_article_is_refused():
    """An article has its own headline: title= is for collections."""
    with pytest.raises(WriteError, match="collection"):
        write_epub(Article(headline="H"), title="T")


def test_the_stylesheet_is_replaceable_and_removable():
    """stylesheet= replaces style.css; None leaves it and its link out."""
    custom = _entries(write_epub(Article(headline="H"), stylesheet="body { color: black; }\n"))
    assert b"body { color: black; }\n" == custom.read("OEBPS/style.css")
    bare = _entries(write_epub(Article(headline="H"), stylesheet=None))
    assert ("OEBPS/style.css" in bare.namelist(), b"<link" in bare.read("OEBPS/article.xhtml")) == (
        False,
        False,
    )


def test_writing_through_the_public_api_returns_bytes(tmp_path):
    """newsdoc.write(doc, "x.epub") picks the format from the suffix."""
    newsdoc.write(_flood(), tmp_path / "flood.epub")
    assert write_epub(_flood()) == (tmp_path / "flood.epub").read_bytes()
