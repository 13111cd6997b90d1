"""Books newsdoc did not write: metadata from the OPF, text through the HTML reader.

One content document becomes one article; several become a collection, one article
each, so no article is dropped. Furniture (cover, title page, contents) is skipped.
"""

from __future__ import annotations

import base64
import datetime as dt
import mimetypes
import posixpath
import warnings
from urllib.parse import unquote

import attrs
from lxml import etree

from newsdoc._characters import scrub
from newsdoc._nodes import moved
from newsdoc.canonical import fold
from newsdoc.errors import ReadError, ReadWarning
from newsdoc.formats.epub.container import Container, fail, refuse_entities
from newsdoc.formats.epub.navigation import landmarks, titles
from newsdoc.formats.epub.opf import Item, Package
from newsdoc.formats.epub.package import well_formed_language
from newsdoc.formats.epub.xhtml import EPUB_NS, XHTML
from newsdoc.formats.html.read import read_html
from newsdoc.model import Article, Author, Collection, Heading, Image, Node
from newsdoc.plain import plain_text
from newsdoc.traversal import transform

_CONTENT_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/x-dtbook+xml"})
# epub:type values that mark book furniture rather than text (EPUB 3 Structural
# Semantics Vocabulary). pandoc writes a "titlepage" section; calibre and Sigil
# books carry "cover"; publishers add "toc", "copyright-page" and "halftitlepage".
_FURNITURE = frozenset(
    {"cover", "titlepage", "halftitlepage", "toc", "copyright-page", "landmarks", "loi", "lot"}
)
# EPUB 2 guide reference types (OPF 2.0.1, section 2.6) for the same furniture.
_GUIDE_FURNITURE = frozenset({"cover", "title-page", "toc", "copyright-page", "loi", "lot"})
_EPUB_TYPE = f"{{{EPUB_NS}}}type"
# Image sources that do not point into the book: kept as they are.
_NOT_IN_BOOK = ("data:", "http://", "https://")


def read_foreign(container: Container, package: Package) -> Article | Collection:
    """Map every content document in the spine onto articles, with the book's metadata."""
    nav_titles = titles(container, package)
    furniture = {path for path, kind in package.guide.items() if kind.lower() in _GUIDE_FURNITURE}
    furniture |= {
        path for path, kind in landmarks(container, package).items() if set(kind.split()) & _FURNITURE
    }
    book = _book(package)
    images = _BookImages(container, package)
    articles: list[Article] = []
    read: set[str] = set()
    for item in package.spine:
        if item.media_type not in _CONTENT_TYPES or "nav" in item.properties or item.path in furniture:
            continue
        if item.path in read:
            # Listed again (under another id, or twice in the spine): read once, or a
            # few KB of package document could make the reader parse one chapter
            # hundreds of times.
            continue
        read.add(item.path)
        data = container.read(item.path)
        refuse_entities(data, item.path)
        root = _parse(data)
        if root is not None and _is_furniture(root, item):
            continue
        weak_title = _weak_title(root)
        found = _articles(data, item, nav_titles.get(item.path), weak_title)
        kept = [images.embedded(article, item.path) for article in found if not _only_metadata(article, book)]
        if articles and item.path not in nav_titles and _continues(kept, articles[-1], weak_title):
            articles[-1] = attrs.evolve(articles[-1], body=articles[-1].body + kept[0].body)
        else:
            articles.extend(kept)
    if len(articles) == 1:
        return _fill(articles[0], book, headline=book.headline)
    filled = tuple(_fill(article, book, headline="") for article in articles)
    return Collection(title=book.headline or None, articles=filled, published=book.published)


def _parse(data: bytes) -> etree._Element | None:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None  # not XML at all: the HTML reader still copes


def _weak_title(root: etree._Element | None) -> str | None:
    """The document's <title>, unless one of its headings says the same.

    A content document's <title> is often its file name ("ch001.xhtml", as pandoc
    writes) or "Chapter 1"; a headline taken from it yields to the contents' entry.
    """
    if root is None:
        return None
    own = fold(root.findtext(f".//{{{XHTML}}}title") or "")
    headings = {fold("".join(h.itertext())) for h in root.iter(*(f"{{{XHTML}}}h{n}" for n in range(1, 7)))}
    return None if not own or own in headings else own


def _is_furniture(root: etree._Element, item: Item) -> bool:
    if "cover-image" in item.properties:
        return True
    body = root.find(f"{{{XHTML}}}body")
    if body is None:
        return False
    # The body, or its only child element, says what the whole document is.
    candidates = [body, *body] if len(body) == 1 else [body]
    return any(set(node.get(_EPUB_TYPE, "").split()) & _FURNITURE for node in candidates)


def _only_metadata(article: Article, book: Article) -> bool:
    """Whether *article* says nothing but the book's title, creators, publisher and date.

    That is a title page, as pandoc's EPUB 2 title_page.xhtml and calibre's
    titlepage.xhtml are, even when nothing marks it as one.
    """
    known = {book.headline, book.publisher, book.dek, *(a.name for a in book.authors)}
    if book.published is not None:
        known.add(book.published.isoformat())
    said = [article.headline, *(plain_text(block) for block in article.body)]
    return all(text in known for text in said if text) and bool(article.headline or article.body)


def _articles(data: bytes, item: Item, nav_title: str | None, weak_title: str | None) -> list[Article]:
    try:
        doc = read_html(data)
    except ReadError as error:
        raise fail(error.reason, ": ".join(p for p in (item.path, error.location) if p)) from None
    found = list(doc.articles) if isinstance(doc, Collection) else [doc]
    if nav_title and len(found) == 1 and found[0].headline in {"", weak_title}:
        found[0] = _titled(found[0], nav_title)
    return found


def _continues(found: list[Article], previous: Article, weak_title: str | None) -> bool:
    """Whether a document holds the rest of the article before it, not an article of its own.

    calibre splits a long document into files (``index_split_000.html``, ``_001``...)
    that repeat the <title> but only the first holds the <h1>; other books split
    chapters the same way. Such a file has no contents entry (checked by the caller),
    no headline of its own, and nothing but body text.
    """
    if len(found) != 1:
        return False
    article = found[0]
    own_headline = article.headline not in {"", weak_title, previous.headline}
    return not own_headline and article.lead is None and bool(article.body)


def _titled(article: Article, title: str) -> Article:
    """*article* headed *title*; an opening heading of any level that says the same is that title.

    Sigil and many publishers open a chapter with an <h2> or <h3>, not an <h1>.
    """
    body = article.body
    if body and isinstance(body[0], Heading) and plain_text(body[0]) == title:
        body = body[1:]
    return attrs.evolve(article, headline=title, body=body)


class _BookImages:
    """The images stored in a book, as ``data:`` URIs, each read, encoded and checked once.

    Once: a book showing one large image in many places must not inflate it again
    for each place, hold a copy per figure, or check its long URI per figure.
    """

    def __init__(self, container: Container, package: Package) -> None:
        self._container = container
        self._types = {entry.path: entry.media_type for entry in package.items.values()}
        self._images: dict[str, Image | None] = {}

    def embedded(self, article: Article, document: str) -> Article:
        """*article* (from *document*) with images in the book made ``data:`` URIs.

        An image the book lacks, or that is not an image, leaves its figure's caption
        and credit in place and is reported.
        """
        folder = posixpath.dirname(document)

        def visit(node: Node) -> Node | None:
            if not isinstance(node, Image) or node.src.startswith(_NOT_IN_BOOK):
                return node
            path = posixpath.normpath(posixpath.join(folder, unquote(node.src.split("#")[0].split("?")[0])))
            stored = self._image(path)
            if stored is None:
                warnings.warn(
                    f"epub: the image {node.src!r} in {document!r} is not in the book; left out",
                    ReadWarning,
                    stacklevel=2,
                )
                return None
            return moved(node, stored)

        return transform(article, visit)

    def _image(self, path: str) -> Image | None:
        """The image stored at *path* as a checked ``data:`` URI, or None if the book has none there."""
        if path not in self._images:
            media_type = self._types.get(path) or mimetypes.guess_type(path)[0] or ""
            image = None
            if path in self._container and media_type.startswith("image/"):
                encoded = base64.b64encode(self._container.read(path)).decode("ascii")
                try:
                    image = Image(f"data:{media_type};base64,{encoded}", media_type=media_type)
                except ValueError:  # a manifest media type the model refuses
                    image = None
            self._images[path] = image
        return self._images[path]


def _book(package: Package) -> Article:
    meta = package.metadata

    def first(name: str) -> str | None:
        values = meta.get(name, ())
        return fold(values[0]) or None if values else None

    language = well_formed_language(first("language"))
    source = first("source")
    return Article(
        headline=first("title") or "",
        dek=first("description"),
        authors=tuple(Author(fold(name)) for name in meta.get("creator", ()) if fold(name)),
        published=_date(first("date")),
        tags=tuple(fold(subject) for subject in meta.get("subject", ())),
        url=source if source and source.startswith(("http://", "https://")) else None,
        language=language,
        publisher=first("publisher"),
    )


def _date(text: str | None) -> dt.datetime | dt.date | None:
    if text is None:
        return None
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            warnings.warn(f"epub: dc:date {text!r} is not a date; left out", ReadWarning, stacklevel=5)
            return None
    if value.tzinfo is None:
        # A time without a zone names no instant; the day is still known.
        return value.date()
    return value


def _fill(article: Article, book: Article, headline: str) -> Article:
    """*article* with what it lacks taken from the book's metadata."""
    return attrs.evolve(
        article,
        headline=article.headline or scrub(headline),
        authors=article.authors or book.authors,
        language=article.language or book.language,
        published=article.published or (book.published if headline else None),
        publisher=article.publisher or book.publisher,
        dek=article.dek or (book.dek if headline else None),
        tags=article.tags or (book.tags if headline else ()),
        url=article.url or (book.url if headline else None),
    )
