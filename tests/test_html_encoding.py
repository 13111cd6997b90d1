"""Decoding page bytes: BOM, then the declared charset, then detection; bad bytes replaced."""

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdoc.formats.html.encoding import PRESCAN_BYTES, codec_for_label, decode_html

GERMAN = "<p>Grüße aus Köln: Straßenbahn fährt wieder, sagt die Bürgermeisterin.</p>"
RUSSIAN = "<p>Президент России встретился с премьер-министром Малайзии в Кремле.</p>"  # noqa: RUF001 - Cyrillic
JAPANESE = (
    "<p>宮崎県で震度5弱の地震があり、高知と宮崎に津波注意報が出された。気象庁によると、"
    "震源は日向灘で、地震の規模を示すマグニチュードは6.9と推定される。"
    "政府は首相官邸の危機管理センターに情報連絡室を設置し、被害の確認を急いでいる。</p>"
)


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_mark_decides_and_is_removed(bom, codec):
    """A BOM names the encoding, wins over a declaration, and is not part of the text."""
    page = '<meta charset="windows-1252">' + GERMAN
    assert (page, []) == decode_html(bom + page.encode(codec))


@pytest.mark.parametrize(
    ("declaration", "text", "codec"),
    [
        ('<meta charset="windows-1251">', RUSSIAN, "cp1251"),
        ("<meta charset=koi8-r>", RUSSIAN, "koi8-r"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', JAPANESE, "cp932"),
        ("<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=\"euc-jp\"'>", JAPANESE, "euc_jp"),
        ('<meta content="text/html; charset=ISO-8859-15" http-equiv="Content-Type" />', GERMAN, "iso8859-15"),
    ],
)
def test_declared_charset_is_used(declaration, text, codec):
    """<meta charset> and http-equiv Content-Type name the encoding."""
    page = f"<html><head>{declaration}</head><body>{text}</body></html>"
    assert (page, []) == decode_html(page.encode(codec))


def test_xml_declaration_names_the_encoding():
    """An XHTML page's XML declaration names the encoding when no <meta> does."""
    page = '<?xml version="1.0" encoding="iso-8859-2"?><html><body><p>Zażółć gęślą jaźń</p></body></html>'
    assert (page, []) == decode_html(page.encode("iso8859-2"))


def test_latin1_label_decodes_as_windows_1252():
    """Browsers read "iso-8859-1" as windows-1252, so 0x93/0x94 are curly quotes."""
    assert ("<meta charset=iso-8859-1>“Hi”", []) == decode_html(b"<meta charset=iso-8859-1>\x93Hi\x94")


def test_windows_1252_holes_become_c1_controls():
    """Bytes windows-1252 leaves undefined decode to the C1 controls, as in browsers."""
    assert ("<meta charset=windows-1252>a\x81b\x9dc", []) == decode_html(
        b"<meta charset=windows-1252>a\x81b\x9dc"
    )


def test_meta_inside_a_comment_is_ignored():
    """A <meta charset> inside an HTML comment does not count."""
    page = '<!-- <meta charset="koi8-r"> --><meta charset="windows-1251">' + RUSSIAN
    assert (page, []) == decode_html(page.encode("cp1251"))


def test_declaration_past_the_prescan_is_not_seen():
    """A declaration after the prescan window is ignored; detection decides."""
    page = "<!doctype html>" + " " * PRESCAN_BYTES + '<meta charset="koi8-r">' + GERMAN
    assert (page, []) == decode_html(page.encode("utf-8"))


def test_utf8_bytes_win_over_a_stale_single_byte_label():
    """A page labelled iso-8859-1 whose bytes are valid UTF-8 is UTF-8, with a warning."""
    page = '<meta charset="ISO-8859-1">' + GERMAN
    expected_warning = "the page declares 'ISO-8859-1' but its bytes are UTF-8; decoded as UTF-8"
    assert (page, [expected_warning]) == decode_html(page.encode("utf-8"))


def test_windows_1252_bytes_under_a_utf8_label_are_detected():
    """A page labelled UTF-8 whose bytes are windows-1252 text is decoded as windows-1252."""
    page = '<meta charset="utf-8">' + GERMAN
    expected = [
        "the page declares 'utf-8' but its bytes are not UTF-8",
        "the page declares no usable encoding; decoded as windows-1252",
    ]
    assert (page, expected) == decode_html(page.encode("cp1252"))


def test_a_few_stray_bytes_in_utf8_are_replaced():
    """Invalid bytes among valid UTF-8 become U+FFFD, and the warning counts them."""
    data = GERMAN.encode("utf-8") + b"\xff\xfe" + "Ende \u2013 gut".encode()
    expected = (
        GERMAN + "\ufffd\ufffdEnde \u2013 gut",
        ["replaced 2 invalid bytes with U+FFFD while decoding as UTF-8"],
    )
    assert expected == decode_html(data)


def test_invalid_bytes_in_a_declared_multibyte_encoding_are_counted():
    """Bytes a declared legacy encoding cannot decode are replaced and counted."""
    data = b"<meta charset=shift_jis>" + JAPANESE.encode("cp932") + b"\x81\xff"
    text, warnings = decode_html(data)
    assert (True, ["replaced 1 invalid byte with U+FFFD while decoding as Shift_JIS"]) == (
        text.startswith("<meta charset=shift_jis>" + JAPANESE),
        warnings,
    )


@pytest.mark.parametrize("label", ["utf-7", "rot13", "base64", "no-such-encoding", "utf\x008"])
def test_unusable_labels_are_ignored_with_a_warning(label):
    """Labels browsers do not support are ignored, and the bytes are read as UTF-8 if they are."""
    page = f'<meta charset="{label}">' + GERMAN
    assert (page, [f"ignored the unknown encoding {label!r} the page declares"]) == decode_html(page.encode())


@pytest.mark.parametrize(
    ("text", "codec"),
    [(GERMAN * 3, "cp1252"), (RUSSIAN * 3, "cp1251"), (JAPANESE * 3, "cp932"), (JAPANESE * 3, "euc_jp")],
)
def test_undeclared_legacy_encodings_are_detected(text, codec):
    """Pages with no BOM and no declaration are decoded by detection."""
    page = f"<html><head><title>x</title></head><body>{text}</body></html>"
    decoded, warnings = decode_html(page.encode(codec))
    assert (page, 1) == (decoded, len(warnings))


def test_undeclared_utf8_needs_no_warning():
    """Valid UTF-8 without a declaration is read as UTF-8 silently."""
    page = "<p>" + RUSSIAN + JAPANESE + GERMAN
    assert (page, []) == decode_html(page.encode())


def test_large_mostly_utf8_page_is_decoded_whole():
    """A 20 MB UTF-8 page with one stray byte is UTF-8, with that one byte replaced."""
    chunk = GERMAN.encode() * 100_000
    data = chunk + b"\x93" + chunk + b"\n" * (20_000_000 - 2 * len(chunk))
    text, warnings = decode_html(data)
    assert (len(data) - 2 * len(chunk) + 2 * len(GERMAN) * 100_000, warnings) == (
        len(text),
        ["replaced 1 invalid byte with U+FFFD while decoding as UTF-8"],
    )


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("utf8", "utf-8"),
        ("UTF-16LE", "utf-8"),
        ("latin1", "cp1252"),
        ("US-ASCII", "cp1252"),
        ("iso-8859-9", "cp1254"),
        ("gb2312", "gb18030"),
        ("big5", "big5hkscs"),
        ("euc-kr", "cp949"),
        ("x-sjis", "cp932"),
        ("windows-874", "cp874"),
        ("x-mac-cyrillic", "mac-cyrillic"),
        ("utf-7", None),
        ("", None),
    ],
)
def test_labels_map_to_what_browsers_decode(label, expected):
    """Encoding labels map to the codec browsers use for them (WHATWG Encoding Standard)."""
    assert expected == codec_for_label(label)


@given(st.binary(max_size=2000))
def test_any_bytes_decode_without_raising(data):
    """Any bytes give text and a list of warnings; nothing raises."""
    text, warnings = decode_html(data)
    assert (str, list) == (type(text), type(warnings))


@given(st.text(max_size=500).filter(lambda text: not text.startswith("\ufeff") and "<" not in text))
def test_undeclared_utf8_text_round_trips(text):
    """Any text (not starting with a BOM) encoded as UTF-8 decodes back to itself."""
    assert (text, []) == decode_html(text.encode("utf-8"))
