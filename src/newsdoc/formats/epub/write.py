"""Write an article or a collection as an EPUB 3 book, byte for byte the same each time.

The zip is written here with :mod:`zipfile` rather than by ebooklib, whose writer
stamps entries with the current time and a random identifier.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Mapping

import attrs

from newsdoc.errors import WriteError
from newsdoc.fidelity import report_dropped
from newsdoc.formats.epub import EPUB
from newsdoc.formats.epub import package as pkg
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
_XHTML_TYPE = "application/xhtml+xml"
# Zip dates run from 1980 to 2107 (MS-DOS date format).
_ZIP_FIRST = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
_ZIP_LAST = dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=dt.UTC)


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
    when the server and the bytes agree it is a JPEG, PNG, GIF or WebP image. Any
    other figure keeps its caption and credit and links to its image.
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
    report_dropped(doc, EPUB.carries, format="epub", strict=strict)
    lossless = write_json(doc)
    style = _STYLE_HREF if stylesheet is not None else None
    files: dict[str, bytes] = {}
    manifest: list[tuple[str, str, str, str | None]] = []
    fetch = (
        FetchOptions(timeout=fetch_timeout, max_bytes=max_image_bytes, max_concurrent=max_concurrent_fetches)
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

    def add(item_id: str, href: str, media_type: str, data: bytes, properties: str | None = None) -> None:
        files[f"OEBPS/{href}"] = data
        manifest.append((item_id, href, media_type, properties))

    if isinstance(doc, Article):
        meta = _article_metadata(doc, lossless)
        entries = [pkg.Entry("article.xhtml", meta.title, pkg.well_formed_language(doc.language))]
        add("article", "article.xhtml", _XHTML_TYPE, _article_page(doc, meta.title, style, image_src))
    else:
        meta = _collection_metadata(doc, lossless)
        entries = [pkg.Entry("contents.xhtml", "Contents")]
        pages = []
        for number, article in enumerate(doc.articles, start=1):
            href = f"article-{number:04d}.xhtml"
            entries.append(pkg.Entry(href, _headline(article), pkg.well_formed_language(article.language)))
            pages.append(
                (f"article-{number:04d}", href, _article_page(article, _headline(article), style, image_src))
            )
        add("contents", "contents.xhtml", _XHTML_TYPE, _contents_page(doc, meta, entries[1:], style))
        for item_id, href, data in pages:
            add(item_id, href, _XHTML_TYPE, data)
    spine = [item_id for item_id, *_ in manifest]
    add("nav", "nav.xhtml", _XHTML_TYPE, pkg.nav(meta.title, _language(meta), entries), "nav")
    add("ncx", "toc.ncx", "application/x-dtbncx+xml", pkg.ncx(meta, entries))
    if stylesheet is not None:
        add("style", _STYLE_HREF, "text/css", stylesheet.encode("utf-8"))
    for image in sorted({p.href: p for p in packaged.values()}.values(), key=lambda p: p.href):
        add("image-" + image.href.rsplit("/", 1)[-1].split(".")[0], image.href, image.media_type, image.data)
    add(JSON_ID, JSON_HREF, "application/json", lossless.encode("utf-8"))
    files["META-INF/container.xml"] = pkg.container_xml()
    files[pkg.OPF_PATH] = pkg.opf(meta, manifest, spine)
    return _zip(files, meta.modified)


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
    collection: Collection, meta: pkg.Metadata, entries: list[pkg.Entry], style: str | None
) -> bytes:
    root, body = pkg.page(meta.title, _language(meta), style)
    section = element("section", body, class_="contents")
    element("h1", section, meta.title)
    if collection.published is not None:
        element("p", section, when(collection.published), class_="date")
    if entries:
        listing = element("ol", section)
        for article, entry in zip(collection.articles, entries, strict=True):
            item = element("li", listing)
            element("a", item, entry.title, href=entry.href)
            names = byline(article)
            if names:
                element("span", item, "By " + names, class_="byline")
            if article.published is not None:
                element("span", item, when(article.published), class_="date")
    else:
        element("p", section, "This collection holds no articles.")
    return pkg.xhtml(root)


def _zip(files: dict[str, bytes], modified: dt.datetime) -> bytes:
    stamp = min(max(modified, _ZIP_FIRST), _ZIP_LAST).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # OCF: "mimetype" first, stored, with no extra field, so the magic sits at byte 30.
        entries = [("mimetype", b"application/epub+zip", zipfile.ZIP_STORED)]
        entries += [(name, files[name], zipfile.ZIP_DEFLATED) for name in sorted(files)]
        for name, data, method in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = method
            info.create_system = 3  # Unix, whatever the platform writing it
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None)
    return buffer.getvalue()
