"""What a book is made of: its metadata, its content documents and its other files.

Every value comes from the document, never from the clock or a random source,
so the same document gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid

from attrs import frozen
from lxml import etree

from newsdoc.formats.epub.xhtml import EPUB_NS, XHTML, element

OPF_NS = "http://www.idpf.org/2007/opf"
DC_NS = "http://purl.org/dc/elements/1.1/"
NCX_NS = "http://www.daisy.org/z3986/2005/ncx/"
CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: The folder holding the package document and everything it lists.
FOLDER = "OEBPS"
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
class Document:
    """A content document, in reading order: its manifest id, file name, title in the contents and XHTML."""

    id: str
    href: str
    title: str
    data: bytes


@frozen
class Resource:
    """Any other file the manifest lists: a stylesheet, an image, the JSON copy."""

    id: str
    href: str
    media_type: str
    data: bytes


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


_FIRST = dt.datetime.min.replace(tzinfo=dt.UTC)
_LAST = dt.datetime.max.replace(tzinfo=dt.UTC, microsecond=0)


def instant(value: dt.datetime | dt.date | None) -> dt.datetime:
    """*value* as an aware UTC datetime to the second; a date is its midnight in UTC."""
    if value is None:
        return NO_DATE
    if not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    try:
        return value.astimezone(dt.UTC).replace(microsecond=0)
    except OverflowError:  # the first or last day of year 1 or 9999, with an offset that leaves the calendar
        return _LAST if value.year > 1 else _FIRST


def date_text(value: dt.datetime | dt.date) -> str:
    """dc:date's text: an instant in UTC to the second, or a day as YYYY-MM-DD."""
    if isinstance(value, dt.datetime):
        return instant(value).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


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
