"""The EPUB writer: golden package files, reproducible zips, metadata, identifiers, collections."""

import datetime as dt
import io
import subprocess
import sys
import time
import uuid
import zipfile

import ebooklib
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
NCX = "{http://www.daisy.org/z3986/2005/ncx/}"
# Run first in a fresh interpreter: ebooklib cannot be imported, as when the
# epub extra is not installed.
WITHOUT_EBOOKLIB = "import sys\nsys.modules['ebooklib'] = None\n"


def _flood() -> Article:
    doc = newsdoc.read(GOLDEN / "article.json")
    assert isinstance(doc, Article)
    return doc


def _entries(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


def _opf_metadata(data: bytes) -> list[tuple[str, str]]:
    root = etree.fromstring(_entries(data).read("OEBPS/content.opf"))
    return [(etree.QName(node).localname, node.text or "") for node in root.find(f"{OPF}metadata")]


def _identifier(data: bytes) -> str:
    return next(text for name, text in _opf_metadata(data) if name == "identifier")


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
    """Each package file of the flood article is byte for byte the reviewed golden file.

    The OPF's generator names the ebooklib that assembled the book: {ebooklib} in the file.
    """
    version = ".".join(map(str, ebooklib.VERSION)).encode()
    expected = (GOLDEN / golden).read_bytes().replace(b"{ebooklib}", version)
    assert expected == _entries(write_epub(_flood())).read(entry)


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


def test_the_clock_never_reaches_the_bytes(monkeypatch):
    """A book written a year later is the same: zip dates and dcterms:modified come from the article."""
    first = write_epub(_flood())
    later = time.time() + 366 * 24 * 3600
    monkeypatch.setattr(time, "time", lambda: later)
    assert first == write_epub(_flood())


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
    assert expected == _identifier(write_epub(_flood()))


def test_identifier_without_url_follows_the_content():
    """Without a URL the identifier is stable for one content and differs for another."""
    first = _identifier(write_epub(Article(headline="One")))
    again = _identifier(write_epub(Article(headline="One")))
    other = _identifier(write_epub(Article(headline="Two")))
    assert (first, True) == (again, first != other)
    assert first.startswith("urn:uuid:")


def test_every_id_in_the_package_document_is_unique():
    """Two authors get creator-1 and creator-2 (ebooklib's add_author gives each "creator")."""
    root = etree.fromstring(_entries(write_epub(_flood())).read("OEBPS/content.opf"))
    ids = [node.get("id") for node in root.iter() if node.get("id") is not None]
    creators = [node.get("id") for node in root.iter(f"{DC}creator")]
    assert (["creator-1", "creator-2"], len(ids)) == (creators, len(set(ids)))


def test_the_ncx_carries_the_book_identifier_and_numbers_the_entries_in_order():
    """dtb:uid is the dc:identifier; navPoints have playOrder 1, 2, 3 in reading order."""
    data = write_epub(_digest())
    ncx = etree.fromstring(_entries(data).read("OEBPS/toc.ncx"))
    uid = ncx.find(f"{NCX}head/{NCX}meta[@name='dtb:uid']").get("content")
    points = [(p.get("playOrder"), p.find(f"{NCX}content").get("src")) for p in ncx.iter(f"{NCX}navPoint")]
    assert (_identifier(data), points) == (
        uid,
        [("1", "contents.xhtml"), ("2", "article-0001.xhtml"), ("3", "article-0002.xhtml")],
    )


def test_an_empty_collection_still_has_a_table_of_contents():
    """No articles: the nav and the NCX list the contents page, never an empty <ol> or navMap."""
    archive = _entries(write_epub(Collection(title="Nothing today")))
    nav = etree.fromstring(archive.read("OEBPS/nav.xhtml"))
    ncx = etree.fromstring(archive.read("OEBPS/toc.ncx"))
    assert ([("contents.xhtml", "Contents")], ["contents.xhtml"]) == (
        [(a.get("href"), a.text) for a in nav.iter(f"{XHTML}a")],
        [c.get("src") for c in ncx.iter(f"{NCX}content")],
    )


def test_every_spine_document_is_linear_and_in_the_contents():
    """No cover page outside the reading order (EPUBCheck OPF-096): the spine is what the nav lists."""
    archive = _entries(write_epub(_digest()))
    opf = etree.fromstring(archive.read("OEBPS/content.opf"))
    hrefs = {item.get("id"): item.get("href") for item in opf.iter(f"{OPF}item")}
    spine = [(hrefs[ref.get("idref")], ref.get("linear")) for ref in opf.iter(f"{OPF}itemref")]
    nav = etree.fromstring(archive.read("OEBPS/nav.xhtml"))
    assert [(a.get("href"), None) for a in nav.iter(f"{XHTML}a")] == spine


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


def test_without_ebooklib_writing_says_which_extra_to_install_and_reading_still_works(tmp_path):
    """No ebooklib: MissingDependencyError naming newsdoc[epub]; books still read, without ebooklib."""
    book = tmp_path / "flood.epub"
    book.write_bytes(write_epub(_flood()))
    code = WITHOUT_EBOOKLIB + (
        "import newsdoc\n"
        "try:\n"
        "    newsdoc.write(newsdoc.Article(headline='H'), format='epub')\n"
        "except newsdoc.MissingDependencyError as error:\n"
        "    print(error.package, error.extra, isinstance(error, ImportError))\n"
        "    print(error)\n"
        "print(newsdoc.read(sys.argv[1]).headline, sys.modules['ebooklib'])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(book)], capture_output=True, text=True, check=True
    )
    assert (
        "ebooklib epub True\n"
        "this needs ebooklib, which is not installed; run: pip install 'newsdoc[epub]'\n"
        "Flood barrier holds None\n"
    ) == result.stdout


def test_without_ebooklib_the_command_line_prints_one_line_and_writes_nothing(tmp_path):
    """newsdoc convert x.json -o x.epub: exit 1, one error line with the pip command, no file."""
    code = WITHOUT_EBOOKLIB + "from newsdoc.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    target = tmp_path / "x.epub"
    result = subprocess.run(
        [sys.executable, "-c", code, "convert", str(GOLDEN / "article.json"), "-o", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    expected = f"newsdoc: error: {target}: this needs ebooklib, which is not installed; run: pip install 'newsdoc[epub]'\n"
    assert (1, "", expected, False) == (result.returncode, result.stdout, result.stderr, target.exists())


def test_reading_a_book_does_not_import_ebooklib(tmp_path):
    """ebooklib loads only to write: a fresh process reading an EPUB never imports it."""
    book = tmp_path / "flood.epub"
    book.write_bytes(write_epub(_flood()))
    code = "import sys, newsdoc\nnewsdoc.read(sys.argv[1])\nprint(sorted(m for m in sys.modules if m.startswith('ebooklib')))"
    result = subprocess.run(
        [sys.executable, "-c", code, str(book)], capture_output=True, text=True, check=True
    )
    assert "[]\n" == result.stdout


def test_without_ebooklib_a_digest_fails_in_one_line_and_writes_nothing(tmp_path):
    """newsdoc convert a.json b.json -o d.epub: exit 1, one error line, no file, no traceback."""
    code = WITHOUT_EBOOKLIB + "from newsdoc.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    target = tmp_path / "digest.epub"
    article = str(GOLDEN / "article.json")
    result = subprocess.run(
        [sys.executable, "-c", code, "convert", article, article, "-o", str(target), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    expected = f"newsdoc: error: {target}: this needs ebooklib, which is not installed; run: pip install 'newsdoc[epub]'\n"
    assert (1, "", expected, False) == (result.returncode, result.stdout, result.stderr, target.exists())


@pytest.mark.parametrize(
    "published",
    [
        dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.timezone(dt.timedelta(hours=-12))),
        dt.datetime(1, 1, 1, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=12))),
    ],
)
def test_dates_at_the_ends_of_the_calendar_still_make_a_book(published):
    """A date whose UTC instant falls outside years 1-9999 is clamped, not an OverflowError."""
    book = write_epub(Article(headline="Edge", published=published, body=(Paragraph((Text("x"),)),)))
    assert Article(headline="Edge", published=published, body=(Paragraph((Text("x"),)),)) == newsdoc.read(
        book, format="epub"
    )


def test_an_image_address_that_is_no_url_keeps_its_figure_as_a_link():
    """src="http://[::1/x.jpg" (an unclosed IPv6 host) is not packaged; the book is still written."""
    doc = Article(
        headline="Odd", body=(newsdoc.Figure(newsdoc.Image("http://[::1/x.jpg"), (Text("A caption"),)),)
    )
    assert doc == newsdoc.read(write_epub(doc), format="epub")


def test_a_paragraph_of_many_line_breaks_is_written_in_linear_time():
    """100,000 breaks in one paragraph: each piece of text is added after the last child at once."""
    content = tuple(node for _ in range(100_000) for node in (Text("word"), newsdoc.LineBreak()))[:-1]
    doc = Article(headline="Verse", body=(Paragraph(content),))
    started = time.perf_counter()
    write_epub(doc)
    # Under a second; counting the children before adding each piece took 40 s.
    assert time.perf_counter() - started < 30
