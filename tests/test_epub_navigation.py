"""Tables of contents: the EPUB 3 nav is preferred over the EPUB 2 NCX, which is the fallback."""

from newsdoc import Collection
from newsdoc.formats.epub.read import read_epub

from .test_epub_foreign import zip_files

_CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""
_NAV = """<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>
<nav epub:type="landmarks"><ol><li><a epub:type="bodymatter" href="one.xhtml">Start</a></li></ol></nav>
<nav epub:type="toc"><ol><li><a href="one.xhtml">One from nav</a></li><li><a href="two.xhtml#top">Two from nav</a></li></ol></nav>
</body></html>"""
_NCX = """<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
<navPoint id="a"><navLabel><text>One from NCX</text></navLabel><content src="one.xhtml"/></navPoint>
<navPoint id="b"><navLabel><text>Two from NCX</text></navLabel><content src="two.xhtml"/></navPoint>
</navMap></ncx>"""
_CHAPTER = '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{}</title></head><body><p>Text of {}.</p></body></html>'


def _book(with_nav: bool) -> bytes:
    nav_item = (
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        if with_nav
        else ""
    )
    opf = f"""<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Book</dc:title></metadata>
<manifest>{nav_item}<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
<item id="one" href="one.xhtml" media-type="application/xhtml+xml"/>
<item id="two" href="two.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine toc="ncx"><itemref idref="one"/><itemref idref="two"/></spine></package>"""
    files = {
        "META-INF/container.xml": _CONTAINER,
        "OPS/book.opf": opf,
        "OPS/toc.ncx": _NCX,
        "OPS/one.xhtml": _CHAPTER.format("one.xhtml", "one"),
        "OPS/two.xhtml": _CHAPTER.format("Chapter 2", "two"),
    }
    if with_nav:
        files["OPS/nav.xhtml"] = _NAV
    return zip_files(files)


def _headlines(data: bytes) -> list[str]:
    doc = read_epub(data)
    assert isinstance(doc, Collection)
    return [article.headline for article in doc.articles]


def test_the_nav_document_names_the_articles_when_there_is_one():
    """With both a nav and an NCX, the nav's titles win over the NCX's and the <title>s."""
    assert ["One from nav", "Two from nav"] == _headlines(_book(with_nav=True))


def test_the_ncx_names_the_articles_when_there_is_no_nav():
    """Without a nav document, the NCX's titles are used."""
    assert ["One from NCX", "Two from NCX"] == _headlines(_book(with_nav=False))
