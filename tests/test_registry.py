"""The format registry: entry points, lookup by name, alias, suffix and content."""

import warnings
from importlib.metadata import EntryPoint

import pytest

import newsdoc
from newsdoc import Format, UnknownFormatError
from newsdoc.formats.registry import Registry


def test_built_in_formats_come_from_entry_points():
    """json and jsonl register through the newsdoc.formats group, like any plugin."""
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="newsdoc.formats")}
    assert {"json", "jsonl"} <= names
    assert {"json", "jsonl"} <= {f.name for f in newsdoc.available_formats()}


@pytest.mark.parametrize(
    ("name", "expected"), [("json", "json"), ("JSON", "json"), ("ndjson", "jsonl"), (" json-lines ", "jsonl")]
)
def test_lookup_by_name_or_alias_ignores_case(name, expected):
    """Names and aliases match case-insensitively."""
    assert expected == newsdoc.get_format(name).name


def test_unknown_name_lists_the_known_ones():
    """The error says what would have worked."""
    with pytest.raises(UnknownFormatError, match=r"unknown format 'yaml'; known formats: .*json, jsonl"):
        newsdoc.get_format("yaml")


@pytest.mark.parametrize(
    ("path", "expected"), [("a.json", "json"), ("dir/A.JSONL", "jsonl"), ("x.ndjson", "jsonl")]
)
def test_lookup_by_suffix(path, expected):
    """File suffixes pick the format, case-insensitively."""
    assert expected == newsdoc.format_for_path(path).name


def test_unknown_suffix_asks_for_a_name():
    """No guessing from an unknown suffix."""
    with pytest.raises(UnknownFormatError, match=r"no format has the suffix of 'a\.docx'"):
        newsdoc.format_for_path("a.docx")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'{"newsdoc":1,"type":"article"}', "json"),
        (b'\xef\xbb\xbf  {\n  "newsdoc": 1,\n  "type": "article"\n}', "json"),
        (b'{"newsdoc":1,"type":"article"}\n{"newsdoc":1,"type":"article"}\n', "jsonl"),
    ],
)
def test_sniffing_recognises_content(head, expected):
    """Compact, pretty (with a BOM) and line-delimited JSON are told apart."""
    assert expected == newsdoc.detect_format(head).name


def test_sniffing_gives_up_clearly():
    """Bytes no format recognises raise UnknownFormatError."""
    with pytest.raises(UnknownFormatError, match="cannot tell the input's format"):
        newsdoc.detect_format(b"\x00\x01 binary")


def test_read_falls_back_to_sniffing_for_unknown_suffixes(tmp_path):
    """A newsdoc JSON file saved as .txt still reads, by content."""
    path = tmp_path / "story.dat"
    path.write_bytes(b'{"newsdoc":1,"type":"article","headline":"H"}')
    assert newsdoc.Article(headline="H") == newsdoc.read(path)


def _toy(name: str = "toy") -> Format:
    return Format(
        name=name,
        media_type="text/x-toy",
        binary=False,
        suffixes=(".toy",),
        reader=lambda data: newsdoc.Article(headline=data.decode()),
    )


def test_register_adds_a_format_for_this_process():
    """register_format works without packaging, and survives a rescan of entry points."""
    registry = Registry()
    registry.register(_toy())
    registry.reload()
    assert "toy" == registry.for_path("a.toy").name
    assert newsdoc.Article(headline="hi") == registry.get("toy").read(b"hi")


def test_a_broken_plugin_warns_and_the_rest_still_load(monkeypatch):
    """One failing entry point is reported; the others are unaffected."""
    broken = EntryPoint("broken", "no_such_module_here:FORMAT", "newsdoc.formats")
    not_a_format = EntryPoint("odd", "os:sep", "newsdoc.formats")
    real = EntryPoint("json", "newsdoc.formats.json:JSON", "newsdoc.formats")
    monkeypatch.setattr("importlib.metadata.entry_points", lambda group: [broken, not_a_format, real])
    registry = Registry()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        names = [f.name for f in registry.all()]
    assert ["json"] == names
    messages = sorted(str(w.message) for w in caught)
    assert "format plugin 'broken'" in messages[0]
    assert "format plugin 'odd' (os:sep) is not a newsdoc.Format" in messages[1]


def test_format_without_a_writer_says_so():
    """Read-only formats refuse to write with a clear error."""
    with pytest.raises(UnknownFormatError, match="toy has no writer"):
        _toy().write(newsdoc.Article())


def test_write_needs_a_format_when_there_is_no_file_name():
    """Returning output needs format=; there is nothing to infer from."""
    with pytest.raises(UnknownFormatError, match="name a format"):
        newsdoc.write(newsdoc.Article())


def test_unknown_reader_option_is_a_type_error_listing_the_known_ones():
    """Options are checked against the reader's signature before reading."""
    with pytest.raises(TypeError, match="json does not take the option"):
        newsdoc.read(b'{"newsdoc":1,"type":"article"}', format="json", url="https://x")


@pytest.mark.parametrize(
    "content",
    [
        '{"newsdoc":1,"type":"article"}',
        '{"newsdoc":1,"type":"article","headline":"' + "long " * 2_000 + '"}',  # too long for a file name
        '{"newsdoc":1,\x00"type":"article"}',  # a NUL, which no file name holds
    ],
)
def test_reading_a_str_of_content_explains_itself(content):
    """A str is a path; content must be bytes, whatever the str holds."""
    with pytest.raises(TypeError, match="encode a str of content first"):
        newsdoc.read(content)


@pytest.mark.parametrize(
    "call",
    [
        lambda: newsdoc.read(b"{}", format=5),  # type: ignore[arg-type]
        lambda: newsdoc.write(newsdoc.Article(), format=5),  # type: ignore[arg-type]
    ],
)
def test_a_format_named_by_something_else_than_a_str_is_a_type_error(call):
    """format=5 is a TypeError saying formats are named by str, not an AttributeError from inside."""
    with pytest.raises(TypeError, match="a format is named by a str"):
        call()
