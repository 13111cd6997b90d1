"""The EPUB format record: registered by entry point, recognised by its first bytes."""

import newsdoc
from newsdoc import Article
from newsdoc.formats.epub import EPUB, _sniff_epub
from newsdoc.formats.epub.write import write_epub


def test_the_format_is_registered_with_its_record():
    """newsdoc.get_format("epub") is the record: binary, .epub, application/epub+zip."""
    fmt = newsdoc.get_format("epub")
    assert (EPUB, True, (".epub",), "application/epub+zip") == (fmt, fmt.binary, fmt.suffixes, fmt.media_type)


def test_sniffing_wants_the_zip_magic_and_the_mimetype_entry():
    """An EPUB is certain; any other zip, or anything else, is not an EPUB."""
    plain_zip = b"PK\x03\x04\x14\x00\x00\x00\x00\x00" + b"\x00" * 20 + b"word/document.xml"
    assert (1.0, 0.0, 0.0) == (
        _sniff_epub(write_epub(Article(headline="H"))),
        _sniff_epub(plain_zip),
        _sniff_epub(b"<html>"),
    )


def test_importing_newsdoc_does_not_import_the_epub_modules_or_ebooklib():
    """The record is light: the writer, lxml and ebooklib load only when used."""
    import subprocess
    import sys

    code = "import sys, newsdoc; newsdoc.get_format('epub'); print(sorted(m for m in sys.modules if m.startswith(('ebooklib', 'newsdoc.formats.epub.'))))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "[]\n" == result.stdout
