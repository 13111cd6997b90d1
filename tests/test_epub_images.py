"""Images in books: packaged from bytes, files and data: URIs, only whole JPEG, PNG, GIF and WebP files."""

import base64
import io
import struct
import zipfile
import zlib

import pytest
from lxml import etree

from newsdoc import Article, Figure, Image, Text
from newsdoc.formats.epub.images import image_type
from newsdoc.formats.epub.write import write_epub

XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"


def _png() -> bytes:
    """A real 1x1 PNG: signature, IHDR, IDAT, IEND with CRCs."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


PNG = _png()
# A 1x1 GIF89a, byte for byte as the GIF specification lays it out.
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"


def _article(*srcs: str) -> Article:
    return Article(
        headline="Pictures",
        body=tuple(
            Figure(Image(src, alt=f"Picture {n}"), (Text(f"Caption {n}"),), "Agency")
            for n, src in enumerate(srcs)
        ),
    )


def _book(data: bytes) -> tuple[list[tuple[str | None, str | None]], list[tuple[str, str]], etree._Element]:
    """The <img> and <a> of the article, the manifest's image items, and the article root."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    page = etree.fromstring(archive.read("OEBPS/article.xhtml"))
    opf = etree.fromstring(archive.read("OEBPS/content.opf"))
    pictures = [
        (node.tag.removeprefix(XHTML), node.get("src") or node.get("href"))
        for node in page.iter(f"{XHTML}img", f"{XHTML}a")
    ]
    items = [
        (item.get("href"), item.get("media-type"))
        for item in opf.iter(f"{OPF}item")
        if item.get("href").startswith("images/")
    ]
    for href, _ in items:
        assert archive.read(f"OEBPS/{href}") in {PNG, GIF}
    return pictures, items, page


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (PNG, ("image/png", "png")),
        (GIF, ("image/gif", "gif")),
        (b"\xff\xd8\xff\xe0" + bytes(130) + b"\xff\xd9", ("image/jpeg", "jpg")),
        (b"RIFF\x1e\x00\x00\x00WEBPVP8L" + bytes(22), ("image/webp", "webp")),  # RIFF size 30 + 8 = 38 bytes
        (base64.b64decode("iVBORw0KGgo="), None),  # a PNG signature and nothing else
        (PNG[:40], None),  # cut short
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", None),  # SVG can hold scripts
        (b"<html>not an image</html>", None),
    ],
)
def test_image_type_comes_from_whole_files_bytes(data, expected):
    """The media type is what the bytes say, and only for a complete raster image."""
    assert expected == image_type(data)


def test_data_uri_images_are_packaged_with_their_media_type():
    """A data: URI becomes a file in images/, declared image/png, shown with <img>."""
    pictures, items, _ = _book(
        write_epub(_article("data:image/png;base64," + base64.b64encode(PNG).decode()))
    )
    href = items[0][0]
    assert ([("img", href)], [(href, "image/png")]) == (pictures, items)


def test_images_given_as_bytes_are_packaged():
    """images={src: bytes} packages those bytes for that src; the type comes from the bytes."""
    pictures, items, _ = _book(
        write_epub(_article("https://example.com/dot.gif"), images={"https://example.com/dot.gif": GIF})
    )
    assert ([("img", items[0][0])], "image/gif") == (pictures, items[0][1])


def test_local_files_under_image_dir_are_packaged_and_nothing_outside(tmp_path):
    """Relative sources resolve under image_dir; '..' cannot reach a file beside it."""
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "dot.png").write_bytes(PNG)
    (tmp_path / "secret.png").write_bytes(PNG)
    pictures, items, _ = _book(write_epub(_article("dot.png", "../secret.png"), image_dir=tmp_path / "pics"))
    assert ([("img", items[0][0])], 1) == (pictures, len(items))


def test_the_same_image_twice_is_packaged_once():
    """Two figures with one image share one file."""
    uri = "data:image/gif;base64," + base64.b64encode(GIF).decode()
    pictures, items, _ = _book(write_epub(_article(uri, uri)))
    assert ([("img", items[0][0])] * 2, 1) == (pictures, len(items))


def test_packaged_images_are_stored_and_text_is_deflated():
    """Images are compressed already: stored as they are; XHTML, CSS and JSON are deflated."""
    data = write_epub(_article("https://example.com/dot.gif"), images={"https://example.com/dot.gif": GIF})
    methods = {info.filename: info.compress_type for info in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    images = {name for name in methods if name.startswith("OEBPS/images/")}
    assert ({zipfile.ZIP_STORED}, {zipfile.ZIP_DEFLATED}) == (
        {methods[name] for name in images},
        {method for name, method in methods.items() if name not in images and name != "mimetype"},
    )
