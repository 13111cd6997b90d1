"""Write an article or a collection as an EPUB 3 book, byte for byte the same each time.

newsdoc writes the pages; ebooklib assembles the book; the zip is then repacked so
that nothing in it comes from the clock.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping, Sequence

import attrs

from newsdoc.errors import MissingDependencyError, WriteError
from newsdoc.fidelity import report_dropped
from newsdoc.formats.epub import EPUB
from newsdoc.formats.epub import package as pkg
from newsdoc.formats.epub.archive import repack
from newsdoc.formats.epub.images import FetchOptions, package_images
from newsdoc.formats.epub.stylesheet import DEFAULT_STYLESHEET
from newsdoc.formats.epub.xhtml import ImageSource, article_body, byline, element, when
from newsdoc.formats.json.write import write_json
from newsdoc.model import Article, Collection, Image
from newsdoc.traversal import walk

#: The lossless copy of the document, read back by :func:`newsdoc.formats.epub.read.read_epub`.
JSON_HREF = "newsdoc.json"
JSON_ID = "newsdoc-json"
_STYLE_HREF = "style.css"
# ebooklib and what it imports that newsdoc does not otherwise need (six, in 0.20).
_EBOOKLIB_MODULES = frozenset({"ebooklib", "six"})


def write_epub(
    doc: Article | Collection,
    *,
    title: str | None = None,
    date: dt.datetime | dt.date | None = None,
    stylesheet: str | None = DEFAULT_STYLESHEET,
    images: Mapping[str, bytes] | None = None,
    image_dir: str | os.PathLike[str] | None = None,
    fetch_images: bool = False,
    fetch_timeout: float = 10.0,
    max_image_bytes: int = 10 * 1024 * 1024,
    max_concurrent_fetches: int = 4,
    fetch_private_hosts: bool = False,
    strict: bool = False,
) -> bytes:
    """Write *doc* as an EPUB 3 book with an EPUB 2 NCX, and return its bytes.

    A collection becomes one book: a contents page listing each article's headline,
    byline and date, then one document per article. *title* and *date* set the
    collection's title and date. *stylesheet* replaces the default CSS (``None``
    leaves it out). The same document always gives the same bytes.

    Images are packaged when their bytes are at hand: in *images* (keyed by ``src``),
    as ``data:`` URIs, or as files under *image_dir* for relative sources. Remote
    images are downloaded only with *fetch_images*, at most *max_concurrent_fetches*
    at a time, each within *fetch_timeout* seconds and *max_image_bytes*, and only
    when the server and the bytes agree it is a JPEG, PNG, GIF or WebP image. Servers
    on private, loopback and link-local addresses are refused unless
    *fetch_private_hosts* is set, so that converting a stranger's article cannot probe
    the network newsdoc runs in. Any other figure keeps its caption and credit and
    links to its image.
    """
    if not isinstance(doc, Article | Collection):
        raise WriteError(f"expected an Article or a Collection, not {type(doc).__name__}")
    if isinstance(doc, Collection):
        doc = attrs.evolve(
            doc,
            title=doc.title if title is None else title,
            published=doc.published if date is None else date,
        )
    elif title is not None or date is not None:
        raise WriteError("title= and date= name a collection; an article has its own headline and date")
    assemble = _assembler()
    report_dropped(doc, EPUB.carries, format="epub", strict=strict)
    lossless = write_json(doc)
    style = _STYLE_HREF if stylesheet is not None else None
    fetch = (
        FetchOptions(
            timeout=fetch_timeout,
            max_bytes=max_image_bytes,
            max_concurrent=max_concurrent_fetches,
            private_hosts=fetch_private_hosts,
        )
        if fetch_images
        else None
    )
    packaged = package_images(
        (node.src for node in walk(doc) if isinstance(node, Image)),
        given=images or {},
        image_dir=image_dir,
        fetch=fetch,
    )

    def image_src(src: str) -> str | None:
        found = packaged.get(src)
        return None if found is None else found.href

    if isinstance(doc, Article):
        meta = _article_metadata(doc, lossless)
        documents = [
            pkg.Document(
                "article", "article.xhtml", meta.title, _article_page(doc, meta.title, style, image_src)
            )
        ]
    else:
        meta = _collection_metadata(doc, lossless)
        documents = [
            pkg.Document(
                f"article-{number:04d}",
                f"article-{number:04d}.xhtml",
                _headline(article),
                _article_page(article, _headline(article), style, image_src),
            )
            for number, article in enumerate(doc.articles, start=1)
        ]
        contents = _contents_page(doc, meta, documents, style)
        documents.insert(0, pkg.Document("contents", "contents.xhtml", "Contents", contents))
    resources = []
    if stylesheet is not None:
        resources.append(pkg.Resource("style", _STYLE_HREF, "text/css", stylesheet.encode("utf-8")))
    pictures = sorted({p.href: p for p in packaged.values()}.values(), key=lambda p: p.href)
    resources += [
        pkg.Resource("image-" + p.href.rsplit("/", 1)[-1].split(".")[0], p.href, p.media_type, p.data)
        for p in pictures
    ]
    resources.append(pkg.Resource(JSON_ID, JSON_HREF, "application/json", lossless.encode("utf-8")))
    # JPEG, PNG, GIF and WebP are compressed already: deflating them again took most
    # of the writer's time (a 288 KB JPEG: 8 ms of 10) for little of the size.
    stored = {f"{pkg.FOLDER}/{p.href}" for p in pictures}
    return repack(assemble(meta, documents, resources), meta.modified, stored)


def _assembler() -> Callable[[pkg.Metadata, Sequence[pkg.Document], Sequence[pkg.Resource]], bytes]:
    """The assembling step, which imports ebooklib: on first use, as it is an optional extra.

    Without ebooklib, MissingDependencyError names the extra to install.
    """
    try:
        from newsdoc.formats.epub.assembly import assemble
    except ImportError as error:
        if (error.name or "").partition(".")[0] not in _EBOOKLIB_MODULES:
            raise
        raise MissingDependencyError("ebooklib", "epub") from None
    return assemble


def _headline(article: Article) -> str:
    return article.headline or "Untitled"


def _language(meta: pkg.Metadata) -> str | None:
    return None if meta.language == "und" else meta.language


def _article_metadata(article: Article, lossless: str) -> pkg.Metadata:
    return pkg.Metadata(
        identifier=pkg.identifier(article.url, lossless),
        title=_headline(article),
        language=pkg.well_formed_language(article.language) or "und",
        modified=pkg.instant(article.updated or article.published),
        creators=tuple(author.name for author in article.authors),
        date=article.published,
        publisher=article.publisher,
        subjects=article.tags,
        description=article.dek,
        source=article.url,
    )


def _collection_metadata(collection: Collection, lossless: str) -> pkg.Metadata:
    languages = {pkg.well_formed_language(article.language) for article in collection.articles}
    language = languages.pop() if len(languages) == 1 else None
    dates = [pkg.instant(a.updated or a.published) for a in collection.articles if a.updated or a.published]
    modified = pkg.instant(collection.published) if collection.published else max(dates, default=pkg.NO_DATE)
    publishers = {article.publisher for article in collection.articles}
    return pkg.Metadata(
        identifier=pkg.identifier(None, lossless),
        title=collection.title or "Articles",
        language=language or "und",
        modified=modified,
        creators=tuple(dict.fromkeys(a.name for article in collection.articles for a in article.authors)),
        date=collection.published,
        publisher=publishers.pop() if len(publishers) == 1 else None,
    )


def _article_page(article: Article, title: str, style: str | None, image_src: ImageSource) -> bytes:
    root, body = pkg.page(title, pkg.well_formed_language(article.language), style)
    article_body(body, article, image_src)
    return pkg.xhtml(root)


def _contents_page(
    collection: Collection, meta: pkg.Metadata, documents: list[pkg.Document], style: str | None
) -> bytes:
    root, body = pkg.page(meta.title, _language(meta), style)
    section = element("section", body, class_="contents")
    element("h1", section, meta.title)
    if collection.published is not None:
        element("p", section, when(collection.published), class_="date")
    if documents:
        listing = element("ol", section)
        for article, document in zip(collection.articles, documents, strict=True):
            item = element("li", listing)
            element("a", item, document.title, href=document.href)
            names = byline(article)
            if names:
                element("span", item, "By " + names, class_="byline")
            if article.published is not None:
                element("span", item, when(article.published), class_="date")
    else:
        element("p", section, "This collection holds no articles.")
    return pkg.xhtml(root)
