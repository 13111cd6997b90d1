"""Find and read an EPUB's package document: metadata, manifest and spine."""

from __future__ import annotations

import posixpath
import warnings
from urllib.parse import unquote, urlsplit

from attrs import frozen
from lxml import etree

from newsdoc._characters import scrub
from newsdoc.errors import ReadWarning
from newsdoc.formats.epub.container import Container, fail
from newsdoc.formats.epub.package import CONTAINER_NS, DC_NS, OPF_NS

_CONTAINER_PATH = "META-INF/container.xml"
_OPF_TYPE = "application/oebps-package+xml"


@frozen
class Item:
    """A manifest item: its path inside the zip, its media type and its properties."""

    id: str
    path: str
    media_type: str
    properties: frozenset[str] = frozenset()


@frozen
class Package:
    """What the package document says: where things are, in what order, and about what."""

    path: str
    version: str
    items: dict[str, Item]
    spine: tuple[Item, ...]
    ncx: Item | None
    metadata: dict[str, tuple[str, ...]]
    guide: dict[str, str]
    """EPUB 2 guide references: the type (``title-page``, ``cover``) of each document path."""

    @property
    def nav(self) -> Item | None:
        """The EPUB 3 navigation document, if the manifest names one."""
        return next((item for item in self.items.values() if "nav" in item.properties), None)


def read_package(container: Container) -> Package:
    """Follow META-INF/container.xml to the package document and read it."""
    if _CONTAINER_PATH not in container:
        raise fail("not an EPUB: there is no META-INF/container.xml")
    root = container.xml(_CONTAINER_PATH)
    path = None
    for rootfile in root.iter(f"{{{CONTAINER_NS}}}rootfile"):
        if rootfile.get("media-type", _OPF_TYPE) == _OPF_TYPE and rootfile.get("full-path"):
            path = rootfile.get("full-path")
            break
    if path is None:
        raise fail("container.xml names no package document", _CONTAINER_PATH)
    path = posixpath.normpath(unquote(path)).lstrip("/")
    if path not in container:
        raise fail("the package document container.xml names is not in the zip", path)
    opf = container.xml(path)
    if opf.tag != f"{{{OPF_NS}}}package":
        raise fail("the package document's root is not <package>", path)
    items: dict[str, Item] = {}
    for node in opf.iterfind(f"{{{OPF_NS}}}manifest/{{{OPF_NS}}}item"):
        item = _item(node, path, container)
        if item is not None:
            items[item.id] = item
    spine_node = opf.find(f"{{{OPF_NS}}}spine")
    spine: list[Item] = []
    ncx = None
    if spine_node is not None:
        ncx = items.get(spine_node.get("toc", ""))
        for ref in spine_node.iterfind(f"{{{OPF_NS}}}itemref"):
            item = items.get(ref.get("idref", ""))
            if item is not None and item not in spine:
                spine.append(item)
    if ncx is None:
        ncx = next((i for i in items.values() if i.media_type == "application/x-dtbncx+xml"), None)
    guide: dict[str, str] = {}
    for reference in opf.iterfind(f"{{{OPF_NS}}}guide/{{{OPF_NS}}}reference"):
        target = _inside(path, reference.get("href", ""))
        if target is not None:
            guide.setdefault(target, reference.get("type", ""))
    return Package(path, opf.get("version", ""), items, tuple(spine), ncx, _metadata(opf), guide)


def _inside(base: str, href: str) -> str | None:
    """*href* (relative to the file *base*) as a path in the zip, or None if it is remote or outside."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(parts.path)))
    return None if path == ".." or path.startswith("../") else path


def _item(node: etree._Element, opf_path: str, container: Container) -> Item | None:
    item_id, href = node.get("id"), node.get("href")
    if not item_id or not href:
        return None
    if urlsplit(href).scheme or urlsplit(href).netloc:
        return None  # a remote resource: nothing in the zip to read
    path = _inside(opf_path, href)
    if path is None:
        warnings.warn(
            f"epub: manifest item {href!r} points outside the book; ignored", ReadWarning, stacklevel=4
        )
        return None
    if path not in container:
        warnings.warn(
            f"epub: manifest item {href!r} is missing from the zip; left out", ReadWarning, stacklevel=4
        )
        return None
    return Item(item_id, path, node.get("media-type", ""), frozenset(node.get("properties", "").split()))


def _metadata(opf: etree._Element) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    metadata = opf.find(f"{{{OPF_NS}}}metadata")
    if metadata is None:
        return {}
    for node in metadata.iter(f"{{{DC_NS}}}*"):
        name = etree.QName(node).localname
        text = scrub("".join(node.itertext())).strip()
        if text:
            found.setdefault(name, []).append(text)
    return {name: tuple(values) for name, values in found.items()}
