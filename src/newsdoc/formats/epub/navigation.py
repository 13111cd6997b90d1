"""A book's table of contents: the EPUB 3 nav document when there is one, else the EPUB 2 NCX."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from lxml import etree

from newsdoc._characters import scrub
from newsdoc.canonical import fold
from newsdoc.errors import ReadError
from newsdoc.formats.epub.container import Container
from newsdoc.formats.epub.opf import Package
from newsdoc.formats.epub.package import NCX_NS
from newsdoc.formats.epub.xhtml import EPUB_NS, XHTML


def titles(container: Container, package: Package) -> dict[str, str]:
    """The title the contents give each content document, keyed by its path in the zip."""
    for item, read in ((package.nav, _nav_entries), (package.ncx, _ncx_entries)):
        if item is None:
            continue
        try:
            root = container.xml(item.path, recover=True)
        except ReadError:
            continue  # a broken table of contents costs the titles, not the book
        found: dict[str, str] = {}
        for href, text in read(root):
            path = _resolve(item.path, href)
            title = fold(scrub(text))
            if path and title and path not in found:
                found[path] = title
        if found:
            return found
    return {}


def landmarks(container: Container, package: Package) -> dict[str, str]:
    """The EPUB 3 landmarks: each linked document's path and its ``epub:type`` ("titlepage", "cover")."""
    if package.nav is None:
        return {}
    try:
        root = container.xml(package.nav.path, recover=True)
    except ReadError:
        return {}
    found: dict[str, str] = {}
    for nav in _navs(root, "landmarks"):
        for link in nav.iter(f"{{{XHTML}}}a"):
            path = _resolve(package.nav.path, link.get("href", ""))
            if path:
                found.setdefault(path, link.get(_EPUB_TYPE, ""))
    return found


_EPUB_TYPE = f"{{{EPUB_NS}}}type"


def _navs(root: etree._Element, kind: str) -> list[etree._Element]:
    return [nav for nav in root.iter(f"{{{XHTML}}}nav") if kind in nav.get(_EPUB_TYPE, "").split()]


def _nav_entries(root: etree._Element) -> list[tuple[str, str]]:
    for nav in _navs(root, "toc"):
        return [(a.get("href", ""), "".join(a.itertext())) for a in nav.iter(f"{{{XHTML}}}a")]
    return []


def _ncx_entries(root: etree._Element) -> list[tuple[str, str]]:
    entries = []
    for point in root.iter(f"{{{NCX_NS}}}navPoint"):
        text = point.find(f"{{{NCX_NS}}}navLabel/{{{NCX_NS}}}text")
        content = point.find(f"{{{NCX_NS}}}content")
        if text is not None and content is not None:
            entries.append((content.get("src", ""), "".join(text.itertext())))
    return entries


def _resolve(base: str, href: str) -> str | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(parts.path)))
