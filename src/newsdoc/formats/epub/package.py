"""The EPUB package files: container.xml, the OPF package document, the NCX and the nav.

Every value comes from the document, never from the clock or a random source,
so the same document gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Sequence

from attrs import frozen
from lxml import etree

from newsdoc.formats.epub.xhtml import EPUB_NS, XHTML, element

OPF_NS = "http://www.idpf.org/2007/opf"
DC_NS = "http://purl.org/dc/elements/1.1/"
NCX_NS = "http://www.daisy.org/z3986/2005/ncx/"
CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: Where the package document lives inside the zip.
OPF_PATH = "OEBPS/content.opf"
#: Identifiers of books without a URL are UUIDv5 names of their JSON in this namespace.
CONTENT_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://newsdoc.readthedocs.io/epub")
#: The instant used when a document carries no date at all.
NO_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)

# RFC 5646 well-formed tags, simplified: language, script, region, variants, extensions,
# private use. EPUBCheck refuses a dc:language that is not well formed (OPF-092).
_BCP47 = re.compile(
    r"(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?"
    r"(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?",
    re.ASCII,
)


def well_formed_language(tag: str | None) -> str | None:
    """*tag* if it is a well-formed BCP 47 tag, else None."""
    if tag is None or _BCP47.fullmatch(tag.lower()) is None:
        return None
    return tag


@frozen
class Entry:
    """One spine document: its file name, its title in the contents, its language."""

    href: str
    title: str
    language: str | None = None


@frozen
class Metadata:
    """What goes into the OPF's metadata element."""

    identifier: str
    title: str
    language: str
    modified: dt.datetime
    creators: tuple[str, ...] = ()
    date: dt.datetime | dt.date | None = None
    publisher: str | None = None
    subjects: tuple[str, ...] = ()
    description: str | None = None
    source: str | None = None


def identifier(url: str | None, content: str) -> str:
    """``urn:uuid:`` of a UUIDv5: from the URL when there is one, else from the content."""
    if url:
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url)}"
    return f"urn:uuid:{uuid.uuid5(CONTENT_NAMESPACE, content)}"


def instant(value: dt.datetime | dt.date | None) -> dt.datetime:
    """*value* as an aware UTC datetime to the second; a date is its midnight in UTC."""
    if value is None:
        return NO_DATE
    if not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).replace(microsecond=0)


def _utc(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def container_xml() -> bytes:
    """META-INF/container.xml, pointing at the package document."""
    root = etree.Element(f"{{{CONTAINER_NS}}}container", version="1.0", nsmap={None: CONTAINER_NS})
    files = etree.SubElement(root, f"{{{CONTAINER_NS}}}rootfiles")
    etree.SubElement(
        files,
        f"{{{CONTAINER_NS}}}rootfile",
        {"full-path": OPF_PATH, "media-type": "application/oebps-package+xml"},
    )
    return _xml(root)


def opf(meta: Metadata, manifest: Sequence[tuple[str, str, str, str | None]], spine: Sequence[str]) -> bytes:
    """The package document; *manifest* holds (id, href, media type, properties) rows."""
    root = etree.Element(
        f"{{{OPF_NS}}}package",
        {"version": "3.0", "unique-identifier": "uid", XML_LANG: meta.language},
        nsmap={None: OPF_NS},
    )
    metadata = etree.SubElement(root, f"{{{OPF_NS}}}metadata", nsmap={"dc": DC_NS})

    def dc(name: str, text: str, **attrib: str) -> None:
        etree.SubElement(metadata, f"{{{DC_NS}}}{name}", attrib).text = text

    dc("identifier", meta.identifier, id="uid")
    dc("title", meta.title)
    dc("language", meta.language)
    for creator in meta.creators:
        dc("creator", creator)
    if meta.date is not None:
        dc("date", _utc(instant(meta.date)) if isinstance(meta.date, dt.datetime) else meta.date.isoformat())
    if meta.publisher:
        dc("publisher", meta.publisher)
    for subject in meta.subjects:
        dc("subject", subject)
    if meta.description:
        dc("description", meta.description)
    if meta.source:
        dc("source", meta.source)
    etree.SubElement(metadata, f"{{{OPF_NS}}}meta", property="dcterms:modified").text = _utc(meta.modified)
    items = etree.SubElement(root, f"{{{OPF_NS}}}manifest")
    for item_id, href, media_type, properties in manifest:
        attributes = {"id": item_id, "href": href, "media-type": media_type}
        if properties:
            attributes["properties"] = properties
        etree.SubElement(items, f"{{{OPF_NS}}}item", attributes)
    order = etree.SubElement(root, f"{{{OPF_NS}}}spine", toc="ncx")
    for idref in spine:
        etree.SubElement(order, f"{{{OPF_NS}}}itemref", idref=idref)
    return _xml(root)


def ncx(meta: Metadata, entries: Sequence[Entry]) -> bytes:
    """The EPUB 2 table of contents, for reading systems that predate the nav document."""
    root = etree.Element(
        f"{{{NCX_NS}}}ncx", {"version": "2005-1", XML_LANG: meta.language}, nsmap={None: NCX_NS}
    )
    head = etree.SubElement(root, f"{{{NCX_NS}}}head")
    for name, content in (
        ("dtb:uid", meta.identifier),
        ("dtb:depth", "1"),
        ("dtb:totalPageCount", "0"),
        ("dtb:maxPageNumber", "0"),
    ):
        etree.SubElement(head, f"{{{NCX_NS}}}meta", name=name, content=content)
    title = etree.SubElement(root, f"{{{NCX_NS}}}docTitle")
    etree.SubElement(title, f"{{{NCX_NS}}}text").text = meta.title
    nav_map = etree.SubElement(root, f"{{{NCX_NS}}}navMap")
    for number, entry in enumerate(entries, start=1):
        point = etree.SubElement(
            nav_map, f"{{{NCX_NS}}}navPoint", id=f"navpoint-{number}", playOrder=str(number)
        )
        label = etree.SubElement(point, f"{{{NCX_NS}}}navLabel")
        etree.SubElement(label, f"{{{NCX_NS}}}text").text = entry.title
        etree.SubElement(point, f"{{{NCX_NS}}}content", src=entry.href)
    return _xml(root)


def page(title: str, language: str | None, stylesheet: str | None) -> tuple[etree._Element, etree._Element]:
    """An empty XHTML content document: its root and its body."""
    attributes = {"lang": language, XML_LANG: language} if language else {}
    root = etree.Element(f"{{{XHTML}}}html", attributes, nsmap={None: XHTML, "epub": EPUB_NS})
    head = element("head", root)
    element("meta", head, charset="utf-8")
    element("title", head, title)
    if stylesheet is not None:
        element("link", head, rel="stylesheet", type="text/css", href=stylesheet)
    return root, element("body", root)


def nav(title: str, language: str | None, entries: Sequence[Entry]) -> bytes:
    """The EPUB 3 navigation document: one entry per spine document."""
    root, body = page(title, language, None)
    toc = element("nav", body, id="toc")
    toc.set(f"{{{EPUB_NS}}}type", "toc")
    element("h1", toc, "Contents")
    listing = element("ol", toc)
    for entry in entries:
        element("a", element("li", listing), entry.title, href=entry.href)
    return xhtml(root)


# Elements HTML defines as void; every other element is written with an end tag
# (<p></p>, never <p/>), so the XHTML is also good HTML (polyglot markup).
_VOID = frozenset(
    f"{{{XHTML}}}{name}"
    for name in (
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    )
)


# Elements whose children are blocks: a line break between those children changes
# nothing on screen and keeps the files readable (and diffable).
_BLOCK_PARENTS = frozenset(
    f"{{{XHTML}}}{name}"
    for name in (
        "html",
        "head",
        "body",
        "article",
        "header",
        "section",
        "nav",
        "ol",
        "ul",
        "li",
        "blockquote",
        "aside",
        "figure",
        "table",
        "thead",
        "tbody",
        "tr",
    )
)


def xhtml(root: etree._Element) -> bytes:
    """*root* as an XHTML5 content document."""
    for node in root.iter():
        if node.tag not in _VOID and node.text is None and not len(node):
            node.text = ""
        if node.tag in _BLOCK_PARENTS and len(node) and not (node.text or "").strip():
            node.text = "\n"
            for child in node:
                if not (child.tail or "").strip():
                    child.tail = "\n"
    return (
        bytes(etree.tostring(root, encoding="utf-8", xml_declaration=True, doctype="<!DOCTYPE html>")) + b"\n"
    )


def _xml(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, encoding="utf-8", xml_declaration=True, pretty_print=True))
