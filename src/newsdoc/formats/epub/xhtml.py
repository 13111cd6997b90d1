"""The article tree as XHTML elements for EPUB content documents, valid for EPUBCheck.

Only links EPUBCheck can follow are written as links; everything else keeps its words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping

from lxml import etree

from newsdoc.formats.text.layout import MONTHS
from newsdoc.model import (
    Article,
    Block,
    BulletList,
    Code,
    CodeBlock,
    Divider,
    Embed,
    Emphasis,
    Figure,
    Heading,
    Inline,
    LineBreak,
    Link,
    OrderedList,
    Paragraph,
    PullQuote,
    Quote,
    Strikethrough,
    Strong,
    Subscript,
    Superscript,
    Table,
    TableCell,
    Text,
)

XHTML = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
_H = f"{{{XHTML}}}"

# Targets a reading system can open from a book: web pages and mail. Relative paths
# and fragments point into the site the article came from, not into the book, and
# EPUBCheck reports them as missing resources (RSC-007, RSC-012).
_LINKABLE = re.compile(r"(?:https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s]*)?|mailto:[^\s]+)", re.ASCII)
# Characters a URL may hold as written (RFC 3986 unreserved, reserved and "%").
_URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*", re.ASCII)
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


_MARKS: Mapping[type, str] = {
    Emphasis: "em",
    Strong: "strong",
    Subscript: "sub",
    Superscript: "sup",
    Strikethrough: "s",
}


def linkable(url: str) -> bool:
    """Whether *url* is an absolute web or mail address EPUBCheck accepts as a link."""
    return (
        _LINKABLE.fullmatch(url) is not None
        and _URL_CHARS.fullmatch(url) is not None
        and _BAD_ESCAPE.search(url) is None
    )


def element(
    tag: str, parent: etree._Element | None = None, text: str | None = None, **attrib: str
) -> etree._Element:
    """A new XHTML element, appended to *parent* when given."""
    attributes = {key.rstrip("_"): value for key, value in attrib.items()}
    made = (
        etree.Element(_H + tag, attributes)
        if parent is None
        else etree.SubElement(parent, _H + tag, attributes)
    )
    if text:
        made.text = text
    return made


def append_text(parent: etree._Element, text: str) -> None:
    """Add *text* after the last child of *parent* (or as its text)."""
    # lxml counts children by walking them; the last child is found from the end at once.
    last = next(parent.iterchildren(reversed=True), None)
    if last is not None:
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def inlines(parent: etree._Element, content: tuple[Inline, ...], in_link: bool = False) -> None:
    """Append *content* to *parent*."""
    for node in content:
        if isinstance(node, Text):
            append_text(parent, node.text)
        elif isinstance(node, Code):
            element("code", parent, node.text)
        elif isinstance(node, LineBreak):
            element("br", parent)
        elif isinstance(node, Link):
            # A link inside a link is not HTML (interactive content); the inner one keeps its words.
            if in_link or not linkable(node.href):
                inlines(element("span", parent), node.content, in_link)
                continue
            attributes = {"href": node.href}
            if node.title is not None:
                attributes["title"] = node.title
            inlines(element("a", parent, **attributes), node.content, in_link=True)
        else:
            inlines(element(_MARKS[type(node)], parent), node.content, in_link)


def blocks(parent: etree._Element, body: tuple[Block, ...], image_src: ImageSource) -> None:
    """Append *body* to *parent*; *image_src* says where each packaged image is."""
    for block in body:
        _block(parent, block, image_src)


#: Maps an image's ``src`` to its path inside the book, or None when it is not packaged.
ImageSource = Callable[[str], "str | None"]


def _block(parent: etree._Element, block: Block, image_src: ImageSource) -> None:
    if isinstance(block, Paragraph):
        inlines(element("p", parent), block.content)
    elif isinstance(block, Heading):
        inlines(element(f"h{block.level}", parent), block.content)
    elif isinstance(block, Quote):
        quote = element("blockquote", parent)
        blocks(quote, block.body, image_src)
        if block.attribution:
            inlines(element("footer", quote, class_="attribution"), block.attribution)
    elif isinstance(block, PullQuote):
        aside = element("aside", parent, class_="pullquote")
        inlines(element("p", aside), block.content)
        if block.attribution:
            inlines(element("p", aside, class_="attribution"), block.attribution)
    elif isinstance(block, BulletList | OrderedList):
        attributes = (
            {"start": str(block.start)} if isinstance(block, OrderedList) and block.start != 1 else {}
        )
        listing = element("ul" if isinstance(block, BulletList) else "ol", parent, **attributes)
        for item in block.items:
            blocks(element("li", listing), item, image_src)
    elif isinstance(block, Figure):
        figure(parent, block, image_src)
    elif isinstance(block, Embed):
        _embed(parent, block)
    elif isinstance(block, Table):
        _table(parent, block)
    elif isinstance(block, CodeBlock):
        pre = element("pre", parent)
        attributes = {"class": f"language-{block.language}"} if block.language else {}
        element("code", pre, block.text, **attributes)
    else:
        assert isinstance(block, Divider)
        element("hr", parent)


def figure(parent: etree._Element, block: Figure, image_src: ImageSource, class_: str | None = None) -> None:
    """A figure: the packaged image, or a link to the image, then caption and credit."""
    attributes = {"class": class_} if class_ else {}
    out = element("figure", parent, **attributes)
    image = block.image
    if image is not None:
        local = image_src(image.src)
        if local is not None:
            sizes = {
                name: str(value)
                for name, value in (("width", image.width), ("height", image.height))
                if value
            }
            element("img", out, src=local, alt=image.alt or "", **sizes)
        elif linkable(image.src):
            # Never a remote <img>: the reader follows the link to see the picture.
            element("a", element("p", out, class_="image-link"), image.alt or "View image", href=image.src)
    if block.caption or block.credit is not None:
        caption = element("figcaption", out)
        inlines(caption, block.caption)
        if block.credit is not None:
            if block.caption:
                append_text(caption, " ")
            element("span", caption, block.credit, class_="credit")


def _embed(parent: etree._Element, block: Embed) -> None:
    out = element("figure", parent, class_="embed")
    label = f"View on {block.provider}" if block.provider else "View embedded media"
    paragraph = element("p", out)
    if linkable(block.url):
        element("a", paragraph, label, href=block.url)
    else:
        paragraph.text = label
    if block.caption:
        inlines(element("figcaption", out), block.caption)


def _table(parent: etree._Element, block: Table) -> None:
    table = element("table", parent)
    if block.caption:
        inlines(element("caption", table), block.caption)
    for group, rows, cell_tag in (("thead", block.head, "th"), ("tbody", block.body, "td")):
        if not rows:
            continue
        section = element(group, table)
        for row in rows:
            out = element("tr", section)
            for cell in row:
                _cell(out, cell, cell_tag)


def _cell(row: etree._Element, cell: TableCell, tag: str) -> None:
    attributes = {}
    if cell.colspan != 1:
        attributes["colspan"] = str(cell.colspan)
    if cell.rowspan != 1:
        attributes["rowspan"] = str(cell.rowspan)
    inlines(element(tag, row, **attributes), cell.content)


def byline(article: Article) -> str:
    """The authors' names, joined as a reader says them."""
    names = [author.name for author in article.authors]
    if len(names) > 1:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return names[0] if names else ""


def when(value: dt.datetime | dt.date | None) -> str:
    """A date or instant as a reader sees it: ``4 April 2024, 17:30 +03:00``."""
    if value is None:
        return ""
    day = f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    if not isinstance(value, dt.datetime):
        return day
    offset = value.strftime("%z")
    return f"{day}, {value:%H:%M} {offset[:3]}:{offset[3:]}"


def article_body(parent: etree._Element, article: Article, image_src: ImageSource) -> None:
    """The whole article: header (headline, dek, byline, date), lead figure and body."""
    out = element("article", parent)
    header = element("header", out)
    if article.section:
        element("p", header, article.section, class_="section")
    element("h1", header, article.headline or "Untitled")
    if article.dek:
        element("p", header, article.dek, class_="dek")
    names = byline(article)
    if names:
        element("p", header, "By " + names, class_="byline")
    details = [part for part in (article.dateline, when(article.published)) if part]
    if details:
        element("p", header, " · ".join(details), class_="date")
    if article.lead is not None:
        figure(out, article.lead, image_src, class_="lead")
    blocks(out, article.body, image_src)
