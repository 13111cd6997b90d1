"""Turn a saved page's bytes into text: BOM, then the declared charset, then detection.

Follows the WHATWG encoding sniffing algorithm in a simplified form; bad bytes are
replaced with U+FFFD and reported as warnings, never raised.
"""

from __future__ import annotations

import codecs
import contextvars
import re

#: How far the ``<meta charset>`` prescan looks. WHATWG says 1024 bytes; saved pages
#: often carry a longer ``<head>`` preamble (inline scripts, comments from caching
#: plugins) before the declaration, and browsers keep looking past 1024 in practice.
PRESCAN_BYTES = 4096

# Byte order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels browsers accept that Python's codec registry does not know (WHATWG Encoding
# Standard, section 4.2, "Names and labels").
_EXTRA_LABELS: dict[str, str] = {
    "windows-874": "cp874",  # Thai pages
    "iso-8859-8-i": "iso8859-8",  # Hebrew pages in logical order
    "x-user-defined": "cp1252",  # old pages abusing it for binary-safe text
    "x-mac-roman": "mac-roman",
    "x-mac-cyrillic": "mac-cyrillic",
    "x-sjis": "cp932",
    "x-gbk": "gb18030",
    "x-euc-jp": "euc_jp",
    "x-cp1250": "cp1250",
    "x-cp1251": "cp1251",
    "x-cp1252": "cp1252",
    "unicode-1-1-utf-8": "utf-8",
    "unicode11utf8": "utf-8",
    "unicode20utf8": "utf-8",
    "x-unicode20utf8": "utf-8",
}

# Python codec name -> the codec that decodes what browsers decode for that label
# (WHATWG Encoding Standard, section 4.2). Browsers treat "iso-8859-1" and "ascii" as
# windows-1252, the Japanese, Korean and Chinese labels as Microsoft's supersets, and
# a UTF-16 label inside an ASCII-compatible page as UTF-8. Codecs not listed here
# (utf-7, rot13, base64, ...) are refused: browsers do not support them.
_BROWSER_CODEC: dict[str, str] = {
    "utf-8": "utf-8",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "cp1252": "cp1252",
    "iso8859-9": "cp1254",
    "cp1254": "cp1254",
    "tis-620": "cp874",
    "iso8859-11": "cp874",
    "cp874": "cp874",
    "shift_jis": "cp932",
    "cp932": "cp932",
    "euc_jp": "euc_jp",
    "iso2022_jp": "iso2022_jp",
    "euc_kr": "cp949",
    "cp949": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "cp866": "cp866",
    "koi8-r": "koi8-r",
    "koi8-u": "koi8-u",
    "mac-roman": "mac-roman",
    "mac-cyrillic": "mac-cyrillic",
    **{f"iso8859-{part}": f"iso8859-{part}" for part in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)},
    **{f"cp{page}": f"cp{page}" for page in (1250, 1251, 1253, 1255, 1256, 1257, 1258)},
}

# Codecs where one byte is one character: a page declaring one of these whose bytes
# are also valid, non-ASCII UTF-8 was converted to UTF-8 by a CMS upgrade that kept
# the old declaration (common on older WordPress and Joomla sites). Random
# windows-1252 text is almost never valid UTF-8, so the bytes win over the label.
_SINGLE_BYTE = frozenset(
    codec for codec in _BROWSER_CODEC.values() if codec.startswith(("cp", "iso8859", "koi8", "mac"))
) - {"cp932", "cp949"}

#: How much of an undeclared page detection looks at; enough text for a confident guess.
DETECTION_BYTES = 64 * 1024
_TAG = re.compile(rb"<[^<>]{0,2000}>")

# charset_normalizer names the JIS X 0213 supersets where pages use the older sets.
_DETECTED_NAMES: dict[str, str] = {
    "euc_jis_2004": "euc_jp",
    "euc_jisx0213": "euc_jp",
    "shift_jis_2004": "cp932",
    "shift_jisx0213": "cp932",
}

# Legacy encodings by how many web pages use them (W3Techs character encoding
# survey), to break ties between encodings that decode a sample equally well.
_PREVALENCE: tuple[str, ...] = (
    "cp1252",
    "cp1251",
    "cp932",
    "euc_jp",
    "cp949",
    "gb18030",
    "cp1250",
    "iso8859-2",
    "cp1254",
    "big5hkscs",
    "iso8859-15",
    "cp1256",
    "cp1253",
    "cp1255",
    "cp874",
    "koi8-r",
    "cp1257",
)


_META = re.compile(rb"<meta[\s/]", re.IGNORECASE)
_COMMENT_START = b"<!--"
# One attribute inside a tag: name, then an optional quoted or bare value.
_ATTRIBUTE = re.compile(rb"""[\s/]*([^\s/>=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")
# WHATWG "extracting a character encoding from a meta element": after "charset",
# optional spaces, "=", then a quoted or bare value.
_CHARSET_IN_CONTENT = re.compile(rb"""charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))""", re.IGNORECASE)
# XHTML pages (and EPUB chapters saved as .html) declare their encoding only here.
_XML_DECLARATION = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")

_ENCODED_REPLACEMENT = "\ufffd".encode()
_COUNT_HANDLER = "newsdoc.count-replaced"
_C1_HANDLER = "newsdoc.windows-1252-c1"
_replaced_bytes: contextvars.ContextVar[list[int]] = contextvars.ContextVar("_replaced_bytes")


def _count_replaced(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    _replaced_bytes.get().append(error.end - error.start)
    return "\ufffd", error.end


def _windows_1252_c1(error: UnicodeError) -> tuple[str, int]:
    # Python's cp1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; browsers map
    # them to the C1 controls of the same value (WHATWG index-windows-1252).
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error(_COUNT_HANDLER, _count_replaced)
codecs.register_error(_C1_HANDLER, _windows_1252_c1)


def decode_html(data: bytes) -> tuple[str, list[str]]:
    """Decode an HTML page's bytes; return the text and warnings about what was guessed or replaced.

    The encoding comes from a byte order mark, then a ``<meta charset>`` or
    ``http-equiv="Content-Type"`` declaration near the top, then detection. Bytes the
    chosen encoding cannot decode become U+FFFD; nothing here raises.

    >>> decode_html(b'<meta charset="iso-8859-1"><p>caf\\xe9')
    ('<meta charset="iso-8859-1"><p>café', [])
    """
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], bom_codec, [])
    warnings: list[str] = []
    label = _declared_label(data[:PRESCAN_BYTES])
    if label is not None:
        codec = codec_for_label(label)
        if codec is None:
            warnings.append(f"ignored the unknown encoding {label!r} the page declares")
        elif codec in _SINGLE_BYTE and _is_non_ascii_utf8(data):
            warnings.append(f"the page declares {label!r} but its bytes are UTF-8; decoded as UTF-8")
            return data.decode("utf-8"), warnings
        elif codec != "utf-8" or _mostly_utf8(*_decode_utf8(data[:DETECTION_BYTES], final=False)):
            return _decode(data, codec, warnings)
        else:
            # Old PHP sites declare UTF-8 in a template and serve windows-1252 text
            # from the database; decoding as declared would replace every accent.
            warnings.append(f"the page declares {label!r} but its bytes are not UTF-8")
    return _detect(data, warnings)


def codec_for_label(label: str) -> str | None:
    """The Python codec that decodes what browsers decode for an encoding *label*, or None.

    >>> codec_for_label(" ISO-8859-1 "), codec_for_label("Shift_JIS"), codec_for_label("utf-7")
    ('cp1252', 'cp932', None)
    """
    name = label.strip("\t\n\f\r ").lower()
    if name in _EXTRA_LABELS:
        return _EXTRA_LABELS[name]
    try:
        python_name = codecs.lookup(name).name
    except (LookupError, ValueError):  # ValueError: a label holding a NUL byte
        return None
    return _BROWSER_CODEC.get(python_name)


def _declared_label(head: bytes) -> str | None:
    """The first encoding label a ``<meta>`` in *head* declares (WHATWG prescan, simplified)."""
    position = 0
    while True:
        meta = _META.search(head, position)
        if meta is None:
            break
        comment = head.find(_COMMENT_START, position, meta.start())
        if comment != -1:
            # A <meta> inside a comment does not count; skip past the comment's end.
            end = head.find(b"-->", comment + 4)
            if end == -1:
                return None
            position = end + 3
            continue
        label, position = _meta_label(head, meta.end())
        if label is not None:
            return label
    declaration = _XML_DECLARATION.match(head)
    return declaration.group(1).decode("ascii") if declaration else None


def _meta_label(head: bytes, position: int) -> tuple[str | None, int]:
    """Read one ``<meta>``'s attributes from *position*; return its label and where it ends."""
    charset: bytes | None = None
    content: bytes | None = None
    content_type = False
    while position < len(head) and head[position : position + 1] != b">":
        attribute = _ATTRIBUTE.match(head, position)
        if attribute is None or attribute.end() == position:
            position += 1
            continue
        position = attribute.end()
        name = attribute.group(1).lower()
        value = attribute.group(2) or b""
        if value[:1] in (b'"', b"'") and value[-1:] == value[:1]:
            value = value[1:-1]
        if name == b"charset" and charset is None:
            charset = value
        elif name == b"content" and content is None:
            content = value
        elif name == b"http-equiv":
            content_type = value.strip().lower() == b"content-type"
    if charset is None and content_type and content is not None:
        found = _CHARSET_IN_CONTENT.search(content)
        if found is not None:
            charset = next(group for group in found.groups() if group is not None)
    if not charset:
        return None, position
    return charset.decode("latin-1"), position


def _is_non_ascii_utf8(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detect(data: bytes, warnings: list[str]) -> tuple[str, list[str]]:
    """No BOM and no usable declaration: UTF-8 if the bytes say so, else what detection finds."""
    # The sample settles most pages without decoding all of a large one twice.
    if _mostly_utf8(*_decode_utf8(data[:DETECTION_BYTES], final=False)):
        text, replaced = _decode_utf8(data)
        if _mostly_utf8(text, replaced):
            if replaced:
                warnings.append(_replacement_warning("utf-8", _utf8_replaced_bytes(data, text, replaced)))
            return text, warnings
    codec = _guess_legacy_codec(data)
    warnings.append(f"the page declares no usable encoding; decoded as {_display_name(codec)}")
    return _decode(data, codec, warnings)


def _decode_utf8(data: bytes, *, final: bool = True) -> tuple[str, int]:
    """Decode as UTF-8 with replacement; return the text and how many replacements were made."""
    # Not final: a sample cut inside a character holds the partial character back.
    text = codecs.getincrementaldecoder("utf-8")("replace").decode(data, final=final)
    return text, text.count("\ufffd") - data.count(_ENCODED_REPLACEMENT)


def _mostly_utf8(text: str, replaced: int) -> bool:
    """Whether text decoded as UTF-8 with *replaced* replacements really is UTF-8."""
    # Mostly UTF-8 with a few stray bytes (a pasted windows-1252 quote mark, a
    # truncated download) stays UTF-8: the valid multibyte characters outnumber the
    # damage. Legacy-encoded text has few or no valid multibyte sequences at all.
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return non_ascii - replaced >= replaced


def _guess_legacy_codec(data: bytes) -> str:
    """The legacy single- or multi-byte encoding *data* most likely uses."""
    # Imported here: detection runs only for undeclared, non-UTF-8 pages.
    from charset_normalizer import from_bytes

    # Markup is ASCII and tells detection nothing; tags are dropped from its sample.
    sample = _TAG.sub(b" ", data[:DETECTION_BYTES])
    candidates: list[tuple[float, int, str]] = []
    for match in from_bytes(sample):
        # A match lists every encoding that decodes the sample to the same text.
        for name in match.could_be_from_charset:
            codec = _DETECTED_NAMES.get(name) or codec_for_label(name)
            if codec is not None and codec != "utf-8":
                candidates.append((match.chaos, _rank(codec), codec))
    if not candidates:
        return "cp1252"
    least_chaos = min(chaos for chaos, _, _ in candidates)
    # Encodings that share most of their table (windows-1252, -1250, -1254, -1257)
    # often read a text equally well; the one more pages use wins the tie.
    return min((rank, codec) for chaos, rank, codec in candidates if chaos <= least_chaos + 0.001)[1]


def _rank(codec: str) -> int:
    try:
        return _PREVALENCE.index(codec)
    except ValueError:
        return len(_PREVALENCE)


def _decode(data: bytes, codec: str, warnings: list[str]) -> tuple[str, list[str]]:
    if codec == "cp1252":
        return data.decode("cp1252", _C1_HANDLER), warnings
    if codec == "utf-8":
        text, replaced = _decode_utf8(data)
        if replaced:
            warnings.append(_replacement_warning(codec, _utf8_replaced_bytes(data, text, replaced)))
        return text, warnings
    counts: list[int] = []
    token = _replaced_bytes.set(counts)
    try:
        text = data.decode(codec, _COUNT_HANDLER)
    finally:
        _replaced_bytes.reset(token)
    if counts:
        warnings.append(_replacement_warning(codec, sum(counts)))
    return text, warnings


def _utf8_replaced_bytes(data: bytes, text: str, replaced: int) -> int:
    # Each valid character re-encodes to exactly its input bytes; each U+FFFD that
    # replaced bad input re-encodes to 3 bytes, whatever it replaced.
    return len(data) - len(text.encode("utf-8", "surrogatepass")) + 3 * replaced


def _replacement_warning(codec: str, count: int) -> str:
    noun = "byte" if count == 1 else "bytes"
    return f"replaced {count} invalid {noun} with U+FFFD while decoding as {_display_name(codec)}"


def _display_name(codec: str) -> str:
    """The name the WHATWG Encoding Standard gives *codec*, as users see it in browsers."""
    if codec.startswith("cp") and codec[2:].isdigit() and codec not in _WHATWG_NAMES:
        return f"windows-{codec[2:]}"
    if codec.startswith("iso8859-"):
        return f"ISO-8859-{codec[8:]}"
    return _WHATWG_NAMES.get(codec, codec.upper())


_WHATWG_NAMES: dict[str, str] = {
    "utf-8": "UTF-8",
    "cp866": "IBM866",
    "cp932": "Shift_JIS",
    "cp949": "EUC-KR",
    "euc_jp": "EUC-JP",
    "iso2022_jp": "ISO-2022-JP",
    "big5hkscs": "Big5",
    "mac-roman": "macintosh",
    "mac-cyrillic": "x-mac-cyrillic",
}
