"""Reading text: decoding, bad input, huge input, and the choice between the two readers."""

import codecs
import time

import pytest

import newsdoc
from newsdoc import Article, Paragraph, ReadError, ReadWarning, Text
from newsdoc.formats.text.read import MAX_LINES
from newsdoc.formats.text.read import read_text as read_document


def read_text(data: bytes) -> Article:
    """Read text that is not newsdoc's collection layout: always one article."""
    doc = read_document(data)
    assert isinstance(doc, Article)
    return doc


@pytest.mark.parametrize("data", [b"", b"\n\n\n", b"   \t \r\n ", codecs.BOM_UTF8])
def test_empty_input_is_an_empty_article(data):
    """Nothing to read is an article with nothing in it, not an error."""
    assert Article() == read_text(data)


def test_nul_bytes_are_binary_not_text():
    """Bytes with NUL in them are refused, saying where the first one is."""
    with pytest.raises(ReadError, match=r"^byte 5: binary data, not text") as caught:
        read_text(b"GIF89\x00\x01\x02")
    assert ("text", "byte 5") == (caught.value.format, caught.value.location)


def test_mostly_undecodable_bytes_are_binary_not_text():
    """Random high bytes decode to little but replacement characters: refused."""
    with pytest.raises(ReadError, match="binary data, not text"):
        read_text(bytes(range(128, 256)) * 4)


def test_invalid_utf8_is_replaced_with_a_warning():
    """A stray Windows-1252 byte becomes U+FFFD, and a ReadWarning says where."""
    with pytest.warns(ReadWarning, match=r"not valid UTF-8 \(first at byte 17\)"):
        doc = read_text(b"Caf\xc3\xa9 news\n\nA caf\xe9 opened on the square, serving coffee until late.\n")
    expected = Article(
        headline="Café news",
        body=(Paragraph((Text("A caf\ufffd opened on the square, serving coffee until late."),)),),
    )
    assert expected == doc


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_decoded(encoding):
    """Windows editors save "Unicode" text as UTF-16 with a BOM; it reads like UTF-8."""
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    data = bom + "Grève générale\n\nLes syndicats ont appelé à la grève jeudi.\n".encode(encoding)
    assert "Grève générale" == read_text(data).headline


def test_control_characters_the_model_refuses_are_dropped():
    """A form feed or an escape character in saved text is left out, not an error."""
    doc = read_text(b"Head\x0cline\n\nThe \x1b[1mstory\x1b[0m went on.\n")
    assert ("Headline", (Paragraph((Text("The [1mstory[0m went on."),)),)) == (doc.headline, doc.body)


def _paragraphs(megabytes: int) -> bytes:
    """Distinct paragraphs (a line said twice would be a caption) of about *megabytes* MB."""
    out, size, number = [], 0, 0
    while size < megabytes * 1_000_000:
        line = f"Paragraph {number}: the council said that water levels had fallen to a record low, and officials warned."
        out.append(line)
        size += len(line) + 2
        number += 1
    return "\n\n".join(out).encode()


def test_fifty_megabytes_of_text_read_in_linear_time():
    """A 50 MB file is read to the end, ten times the time of a 5 MB one, not a hundred."""
    small, large = _paragraphs(5), _paragraphs(50)
    start = time.process_time()
    small_doc = read_text(small)
    small_time = time.process_time() - start
    start = time.process_time()
    large_doc = read_text(large)
    large_time = time.process_time() - start
    assert (small.count(b"\n\n"), large.count(b"\n\n")) == (len(small_doc.body), len(large_doc.body))
    # Linear is about 10; quadratic would be about 100. The margin absorbs a busy machine.
    assert large_time < 30 * max(small_time, 0.01)


def test_fifty_megabytes_on_one_line_is_one_paragraph():
    """No line breaks at all: too long for a headline, so one paragraph."""
    doc = read_text(b"word " * 10_000_000)
    assert ("", 1) == (doc.headline, len(doc.body))


def test_millions_of_lines_are_refused_at_once():
    """More lines than an article has is refused before reading them one by one."""
    with pytest.raises(
        ReadError, match=rf"25000000 lines is more than an article has \(at most {MAX_LINES}\)"
    ):
        read_text(b"x\n" * 25_000_000)


def test_text_is_read_from_a_path_by_its_suffix(tmp_path):
    """``newsdoc.read("story.txt")`` picks the text reader from the suffix."""
    path = tmp_path / "story.txt"
    path.write_bytes(b"Flood barrier holds\n\nThe river peaked on Tuesday, and the gates held.\n")
    doc = newsdoc.read(path)
    assert isinstance(doc, Article)
    assert ("Flood barrier holds", 1) == (doc.headline, len(doc.body))
