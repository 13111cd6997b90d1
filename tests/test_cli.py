# Tests assert `expected == actual` (STYLE.md), which SIM300 calls a Yoda condition;
# the licence notice is in LICENSE, not in each file.
"""The ``newsdoc`` command, run in process through :func:`newsdoc.cli.main`."""

from __future__ import annotations

import errno
import importlib.metadata
import io
import json
import os
import shlex
import subprocess
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import newsdoc
from newsdoc.cli import main
from newsdoc.formats.registry import ENTRY_POINT_GROUP, REGISTRY

if TYPE_CHECKING:
    from collections.abc import Iterator

ARTICLE = newsdoc.Article(
    headline="Flood waters recede",
    authors=(newsdoc.Author("Ana Ruiz", title="Environment correspondent"),),
    body=(
        newsdoc.Paragraph((newsdoc.Text("The river fell overnight."),)),
        newsdoc.Paragraph(
            (newsdoc.Text("Roads reopened "), newsdoc.Emphasis((newsdoc.Text("by noon"),)), newsdoc.Text("."))
        ),
    ),
)


def _written(doc: newsdoc.Article | newsdoc.Collection, format: str, *, pretty: bool = False) -> str:
    text = newsdoc.write(doc, format=format, pretty=True) if pretty else newsdoc.write(doc, format=format)
    assert isinstance(text, str)
    return text


ARTICLE_JSON = _written(ARTICLE, "json")
ARTICLE_JSONL = _written(ARTICLE, "jsonl")

EDITION = newsdoc.Collection(
    title="Morning edition",
    articles=(newsdoc.Article(headline="First"), newsdoc.Article(headline="Second")),
)

# A link without "href": valid JSON, but not a document.
INVALID = (
    b'{"newsdoc":1,"type":"article","headline":"H",'
    b'"body":[{"type":"paragraph","content":[{"type":"link","content":[]}]}]}'
)
OLD_BYTES = b"the previous output, which a failure must leave alone\n"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty directory, so file names in messages are short and exact."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def article_file(workdir: Path) -> Path:
    """``a.json`` holding :data:`ARTICLE`."""
    path = workdir / "a.json"
    path.write_text(ARTICLE_JSON, encoding="utf-8")
    return path


@pytest.fixture
def fresh_registry() -> Iterator[None]:
    """Scan entry points again before and after the test, so patched ones do not leak."""
    REGISTRY.reload()
    yield
    REGISTRY.reload()


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))


def _one_line(text: str) -> bool:
    return text.endswith("\n") and text.count("\n") == 1


# --- --version, --help, formats, schema -----------------------------------------------


def test_version_prints_name_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``--version`` prints ``newsdoc <version>`` and succeeds."""
    code = main(["--version"])
    out, err = capsys.readouterr()
    assert (0, f"newsdoc {newsdoc.__version__}\n", "") == (code, out, err)


def test_short_version_flag(capsys: pytest.CaptureFixture[str]) -> None:
    """``-V`` is ``--version``."""
    assert 0 == main(["-V"])
    assert f"newsdoc {newsdoc.__version__}\n" == capsys.readouterr().out


def test_help_succeeds(capsys: pytest.CaptureFixture[str]) -> None:
    """``--help`` lists the commands and succeeds."""
    code = main(["--help"])
    out = capsys.readouterr().out
    assert 0 == code
    assert {"convert", "formats", "schema"} <= set(out.split())


def test_formats_lists_json_and_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    """``formats`` shows each format's modes, suffixes and what it carries, one row each."""
    assert 0 == main(["formats"])
    rows = {
        line.split()[0]: line.split() for line in capsys.readouterr().out.splitlines() if line[:1].strip()
    }
    assert ["json", "read", "write", ".json", "carries", "everything"] == rows["json"]
    assert ["jsonl", "read", "write", ".jsonl", ".ndjson", "drops", "collection_metadata"] == rows["jsonl"]


def test_formats_json_is_valid_json(capsys: pytest.CaptureFixture[str]) -> None:
    """``formats --json`` is a JSON list with one object per format."""
    assert 0 == main(["formats", "--json"])
    listing = {entry["name"]: entry for entry in json.loads(capsys.readouterr().out)}
    expected = {
        "name": "jsonl",
        "aliases": ["json-lines", "ndjson"],
        "suffixes": [".jsonl", ".ndjson"],
        "media_type": "application/jsonl",
        "binary": False,
        "read": True,
        "write": True,
        "carries": sorted(newsdoc.EVERYTHING - {newsdoc.Feature.COLLECTION_METADATA}),
        "description": newsdoc.get_format("jsonl").description,
    }
    assert expected == listing["jsonl"]
    assert sorted(newsdoc.EVERYTHING) == listing["json"]["carries"]


def test_schema_prints_draft_2020_12(capsys: pytest.CaptureFixture[str]) -> None:
    """``schema`` prints the JSON Schema, Draft 2020-12, to stdout."""
    assert 0 == main(["schema"])
    schema = json.loads(capsys.readouterr().out)
    assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
    assert newsdoc.json_schema() == schema


def test_schema_writes_a_file(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``schema -o FILE`` writes the schema to FILE and nothing to stdout."""
    assert 0 == main(["schema", "-o", "schema.json"])
    assert ("", "") == capsys.readouterr()
    assert newsdoc.json_schema() == json.loads((workdir / "schema.json").read_bytes())


# --- convert ------------------------------------------------------------------------


def test_convert_takes_formats_from_suffixes(
    article_file: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """``convert a.json -o a.jsonl`` reads JSON and writes JSON Lines, saying nothing."""
    code = main(["convert", "a.json", "-o", "a.jsonl"])
    assert (0, b"", b"") == (code, *capsysbinary.readouterr())
    assert ARTICLE_JSONL.encode() == (article_file.parent / "a.jsonl").read_bytes()


def test_convert_takes_formats_from_flags(workdir: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    """``-f`` and ``-t`` override file names that have no known suffix."""
    (workdir / "in.data").write_text(ARTICLE_JSONL, encoding="utf-8")
    assert 0 == main(["convert", "in.data", "-f", "jsonl", "-t", "json", "-o", "out.data"])
    expected = _written(newsdoc.Collection(articles=(ARTICLE,)), "json")
    assert expected == (workdir / "out.data").read_text(encoding="utf-8")


def test_convert_format_names_are_case_insensitive_aliases(article_file: Path, workdir: Path) -> None:
    """``-t NDJSON`` names JSON Lines by its alias, in any case."""
    assert 0 == main(["convert", "a.json", "-t", "NDJSON", "-o", "out.txt"])
    assert ARTICLE_JSONL == (workdir / "out.txt").read_text(encoding="utf-8")


def test_convert_sniffs_an_input_without_suffix(
    workdir: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """An input whose name has no suffix is recognised by its content."""
    (workdir / "article").write_text(ARTICLE_JSON, encoding="utf-8")
    assert 0 == main(["convert", "article", "-t", "jsonl"])
    assert ARTICLE_JSONL.encode() == capsysbinary.readouterr().out


def test_convert_reads_stdin_and_writes_json_to_stdout(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """``convert -`` reads stdin and, with no ``-o`` or ``-t``, writes JSON to stdout."""
    _stdin(monkeypatch, ARTICLE_JSONL.encode())
    code = main(["convert", "-"])
    out, err = capsysbinary.readouterr()
    assert (0, b"") == (code, err)
    assert ARTICLE_JSON.encode() == out


def test_convert_stdin_to_a_named_format(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """``convert - -t jsonl`` writes the named format to stdout."""
    _stdin(monkeypatch, ARTICLE_JSON.encode())
    assert 0 == main(["convert", "-", "-t", "jsonl", "-o", "-"])
    assert ARTICLE_JSONL.encode() == capsysbinary.readouterr().out


def test_pretty_indents_json(article_file: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    """``--pretty`` indents JSON by two spaces; the document is unchanged."""
    assert 0 == main(["convert", "a.json", "--pretty"])
    out = capsysbinary.readouterr().out
    assert _written(ARTICLE, "json", pretty=True) == out.decode()
    assert out.startswith(b'{\n  "newsdoc": 1,\n  "type": "article",\n')
    assert ARTICLE == newsdoc.read(out)


def test_strict_is_accepted_by_a_lossless_format(article_file: Path, workdir: Path) -> None:
    """``--strict`` with JSON output is no error: JSON drops nothing."""
    assert 0 == main(["convert", "a.json", "--strict", "-o", "b.json"])
    assert ARTICLE_JSON == (workdir / "b.json").read_text(encoding="utf-8")


# --- failures: exit 1, one line, no traceback ---------------------------------------------


def test_schema_invalid_document_is_one_error_line(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A document that breaks the schema exits 1 with one line naming the file and the JSON path."""
    (workdir / "bad.json").write_bytes(INVALID)
    code = main(["convert", "bad.json", "-o", "out.jsonl"])
    out, err = capsys.readouterr()
    assert (1, "") == (code, out)
    assert _one_line(err)
    assert err.startswith("newsdoc: error: bad.json: body[0].content[0].href: ")
    assert err.endswith(" (json reader)\n")
    assert "Traceback" not in err


def test_invalid_json_names_line_and_column(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Input that is not JSON exits 1 with one line saying where it stops being JSON."""
    (workdir / "broken.json").write_bytes(b'{"newsdoc": 1,\n "type": }')
    code = main(["convert", "broken.json"])
    err = capsys.readouterr().err
    assert 1 == code
    assert _one_line(err)
    assert err.startswith("newsdoc: error: broken.json: line 2, column ")
    assert err.endswith("(json reader)\n")


def test_invalid_stdin_is_one_error_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad document on stdin exits 1 with one line giving the JSON path."""
    _stdin(monkeypatch, INVALID)
    code = main(["convert", "-"])
    out, err = capsys.readouterr()
    assert (1, "") == (code, out)
    assert _one_line(err)
    assert err.startswith("newsdoc: error: <stdin>: body[0].content[0].href: ")


def test_missing_input_file_exits_1(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An input file that does not exist exits 1 with one line naming it."""
    code = main(["convert", "missing.json", "-o", "out.json"])
    out, err = capsys.readouterr()
    assert (1, "", f"newsdoc: error: missing.json: {os.strerror(errno.ENOENT)}\n") == (code, out, err)
    assert [] == sorted(p.name for p in workdir.iterdir())


@pytest.mark.parametrize("name", ["{draft}.json", "<notes>.json", "x" * 300 + ".json"])
def test_missing_inputs_with_any_name_exit_1_in_one_line(
    name: str, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Names that look like content, or are too long for a file, are still paths: one line, exit 1."""
    code = main(["convert", name, "-o", "out.json"])
    out, err = capsys.readouterr()
    assert (1, "", True, True) == (code, out, err.startswith(f"newsdoc: error: {name}: "), _one_line(err))


def test_an_input_named_like_content_converts(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file called "{draft}.json" is read as the file it is."""
    (workdir / "{draft}.json").write_text(ARTICLE_JSON, encoding="utf-8")
    code = main(["convert", "{draft}.json", "-o", "out.json"])
    assert (0, "", newsdoc.read(workdir / "{draft}.json")) == (
        code,
        capsys.readouterr().err,
        newsdoc.read(workdir / "out.json"),
    )


def test_a_batch_with_such_names_reports_each_and_goes_on(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a batch, a missing "{x}.json" is one failed input; the good one converts."""
    code = main(["convert", "a.json", "{x}.json", "-o", "out/", "-t", "json", "-q"])
    err = capsys.readouterr().err
    assert (1, True, True) == (
        code,
        err.startswith("newsdoc: error: {x}.json: "),
        (article_file.parent / "out" / "a.json").is_file(),
    )


# --- usage errors: exit 2 -------------------------------------------------------------------


def test_unknown_input_format_name_exits_2(article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``-f`` with a name no format has exits 2 with one line listing the known formats."""
    code = main(["convert", "a.json", "-f", "nope"])
    err = capsys.readouterr().err
    assert 2 == code
    assert _one_line(err)
    assert err.startswith("newsdoc: error: unknown format 'nope'; known formats: ")


def test_unknown_output_format_name_exits_2(article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``-t`` with a name no format has exits 2 with one line, not a traceback."""
    code = main(["convert", "a.json", "-t", "nope"])
    err = capsys.readouterr().err
    assert 2 == code
    assert _one_line(err)
    assert err.startswith("newsdoc: error: unknown format 'nope'; known formats: ")


def test_unknown_output_suffix_exits_2(article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``-o`` with a suffix no format has, and no ``-t``, exits 2 with one line, not a traceback."""
    code = main(["convert", "a.json", "-o", "a.weird"])
    err = capsys.readouterr().err
    assert 2 == code
    assert _one_line(err)
    assert err.startswith("newsdoc: error: no format has the suffix of 'a.weird'")
    assert not (article_file.parent / "a.weird").exists()


def test_pretty_for_a_format_that_cannot_indent_exits_2(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--pretty`` with JSON Lines output is a usage error: JSON Lines is one line per article."""
    code = main(["convert", "a.json", "-o", "a.jsonl", "--pretty"])
    out, err = capsys.readouterr()
    expected = "newsdoc: error: --pretty does not apply to jsonl output (see: newsdoc convert --help)\n"
    assert (2, "", expected) == (code, out, err)
    assert ["a.json"] == sorted(p.name for p in article_file.parent.iterdir())


def test_no_arguments_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """No command at all is a one-line usage error pointing at --help."""
    code = main([])
    err = capsys.readouterr().err
    assert (2, "newsdoc: error: name a command: convert, formats or schema (see: newsdoc --help)\n") == (
        code,
        err,
    )


def test_unknown_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An option the command does not have exits 2 with one error line."""
    code = main(["--bogus"])
    out, err = capsys.readouterr()
    assert (2, "") == (code, out)
    assert _one_line(err)
    assert err.startswith("newsdoc: error: No such option")
    assert "--bogus" in err


def test_unknown_convert_option_points_to_help(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad option to ``convert`` exits 2 with one line that points to ``convert --help``."""
    code = main(["convert", "a.json", "--bogus"])
    err = capsys.readouterr().err
    assert 2 == code
    assert _one_line(err)
    assert err.endswith("(see: newsdoc convert --help)\n")


def test_missing_input_argument_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """``convert`` without an input exits 2 with one line naming what is missing."""
    code = main(["convert"])
    err = capsys.readouterr().err
    assert (2, "newsdoc: error: Missing argument 'INPUT...'. (see: newsdoc convert --help)\n") == (code, err)


# --- output files: atomic, never clobbered, permissions from the umask ------------------------


def test_failed_read_leaves_no_output_file(workdir: Path) -> None:
    """When the input cannot be read, no output file (and no temporary file) is left behind."""
    (workdir / "bad.json").write_bytes(INVALID)
    assert 1 == main(["convert", "bad.json", "-o", "out.json"])
    assert ["bad.json"] == sorted(p.name for p in workdir.iterdir())


def test_failed_read_keeps_the_existing_output(workdir: Path) -> None:
    """When the input cannot be read, an existing output file keeps its old bytes."""
    (workdir / "bad.json").write_bytes(INVALID)
    (workdir / "out.json").write_bytes(OLD_BYTES)
    assert 1 == main(["convert", "bad.json", "-o", "out.json"])
    assert OLD_BYTES == (workdir / "out.json").read_bytes()
    assert ["bad.json", "out.json"] == sorted(p.name for p in workdir.iterdir())


def test_failed_write_keeps_the_existing_output(
    article_file: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A write failing part way (disk full) keeps the old output, leaves no temporary, names the output."""

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    (workdir / "out.json").write_bytes(OLD_BYTES)
    monkeypatch.setattr("newsdoc._atomic.os.fsync", disk_full)
    code = main(["convert", "a.json", "-o", "out.json"])
    err = capsys.readouterr().err
    monkeypatch.undo()
    assert OLD_BYTES == (workdir / "out.json").read_bytes()
    assert ["a.json", "out.json"] == sorted(p.name for p in workdir.iterdir())
    assert (1, f"newsdoc: error: out.json: {os.strerror(errno.ENOSPC)}\n") == (code, err)


def test_output_in_a_missing_directory_names_the_output(
    article_file: Path, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An output path in a directory that does not exist exits 1 with one line naming that path."""
    code = main(["convert", "a.json", "-o", "nowhere/out.json"])
    err = capsys.readouterr().err
    assert (1, f"newsdoc: error: nowhere/out.json: {os.strerror(errno.ENOENT)}\n") == (code, err)
    assert ["a.json"] == sorted(p.name for p in workdir.iterdir())


def test_output_that_is_a_directory_is_left_alone(article_file: Path, workdir: Path) -> None:
    """An output path naming a directory exits 1 and leaves the directory, and no temporary file."""
    (workdir / "out.json").mkdir()
    assert 1 == main(["convert", "a.json", "-o", "out.json"])
    assert (workdir / "out.json").is_dir()
    assert ["a.json", "out.json"] == sorted(p.name for p in workdir.iterdir())


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_output_permissions_follow_the_umask(
    article_file: Path, workdir: Path, umask: int, mode: int
) -> None:
    """A new output file gets the permissions the umask gives any new file."""
    old = os.umask(umask)
    try:
        assert 0 == main(["convert", "a.json", "-o", "out.jsonl"])
        assert 0 == main(["schema", "-o", "schema.json"])
    finally:
        os.umask(old)
    assert (mode, mode) == (
        (workdir / "out.jsonl").stat().st_mode & 0o777,
        (workdir / "schema.json").stat().st_mode & 0o777,
    )


# --- warnings: one line each ------------------------------------------------------------------


def test_warning_is_one_line(
    article_file: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A warning from a writer is printed as one ``newsdoc: warning:`` line, and the output is written."""
    from newsdoc.formats.json import write as json_write

    real = json_write.write_json

    def dropping_writer(doc: newsdoc.Article | newsdoc.Collection, *, pretty: bool = False) -> str:
        warnings.warn(
            "json cannot carry marks; left out of the output", newsdoc.ContentDroppedWarning, stacklevel=2
        )
        return real(doc, pretty=pretty)

    monkeypatch.setattr(json_write, "write_json", dropping_writer)
    code = main(["convert", "a.json", "-o", "b.json"])
    out, err = capsys.readouterr()
    assert (0, "", "newsdoc: warning: json cannot carry marks; left out of the output\n") == (code, out, err)
    assert ARTICLE_JSON == (workdir / "b.json").read_text(encoding="utf-8")


def test_jsonl_warns_that_it_drops_a_collection_title(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Writing a titled collection as JSON Lines warns, in one line, that the title is left out."""
    newsdoc.write(EDITION, workdir / "edition.json")
    code = main(["convert", "edition.json", "-o", "edition.jsonl"])
    err = capsys.readouterr().err
    assert (0, "newsdoc: warning: jsonl cannot carry collection_metadata; left out of the output\n") == (
        code,
        err,
    )
    assert newsdoc.Collection(articles=EDITION.articles) == newsdoc.read(workdir / "edition.jsonl")


def test_strict_refuses_to_drop_a_collection_title(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With ``--strict``, JSON Lines output of a titled collection exits 1 and writes nothing."""
    newsdoc.write(EDITION, workdir / "edition.json")
    code = main(["convert", "edition.json", "-o", "edition.jsonl", "--strict"])
    err = capsys.readouterr().err
    assert (
        1,
        "newsdoc: error: edition.jsonl: jsonl cannot carry collection_metadata; nothing written (strict)\n",
    ) == (
        code,
        err,
    )
    assert ["edition.json"] == sorted(p.name for p in workdir.iterdir())


def test_broken_plugin_is_one_warning_line(
    fresh_registry: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A format plugin that fails to load is reported as one warning line; the others still work."""
    real = importlib.metadata.entry_points
    broken = importlib.metadata.EntryPoint(
        name="broken", value="newsdoc_no_such_module:FORMAT", group=ENTRY_POINT_GROUP
    )

    def with_broken(**params: Any) -> Any:
        found = real(**params)
        return (
            importlib.metadata.EntryPoints((*found, broken))
            if params.get("group") == ENTRY_POINT_GROUP
            else found
        )

    monkeypatch.setattr(importlib.metadata, "entry_points", with_broken)
    REGISTRY.reload()
    code = main(["formats"])
    out, err = capsys.readouterr()
    expected = (
        "newsdoc: warning: format plugin 'broken' (newsdoc_no_such_module:FORMAT) failed to load: "
        "No module named 'newsdoc_no_such_module'\n"
    )
    assert (0, expected) == (code, err)
    assert {"json", "jsonl"} <= {line.split()[0] for line in out.splitlines() if line[:1].strip()}


@pytest.mark.parametrize("command", ["schema", "formats --json", "convert - -f json -t json"])
@pytest.mark.parametrize("redirect", ["< a.json > /dev/full", "<&- >&-"])
def test_a_full_or_closed_standard_stream_is_one_line_and_exit_1(
    command: str, redirect: str, article_file: Path
) -> None:
    """Standard output full (/dev/full), or the standard streams closed: one error line, exit 1."""
    script = shlex.quote(str(Path(sys.executable).with_name("newsdoc")))
    result = subprocess.run(
        f"{script} {command} {redirect}",
        shell=True,
        cwd=article_file.parent,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert (1, True, True) == (
        result.returncode,
        result.stderr.startswith("newsdoc: error: "),
        _one_line(result.stderr),
    )


def test_schema_to_an_empty_name_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """``newsdoc schema -o ''`` names no file: exit 2 and one line."""
    assert 2 == main(["schema", "-o", ""])
    assert "an empty name is no file" in capsys.readouterr().err


def test_a_line_break_in_a_file_name_stays_on_the_error_line(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing "a<LF>b.json" is named as a\\nb.json, on one line."""
    code = main(["convert", "a\nb.json", "-o", "out.json"])
    err = capsys.readouterr().err
    assert (1, True, True) == (code, err.startswith("newsdoc: error: a\\nb.json: "), _one_line(err))


def test_options_are_named_as_they_are_typed(article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The error for an option that does not apply names --fetch-images, with its hyphen."""
    assert 2 == main(["convert", "a.json", "-o", "out.html", "--fetch-images"])
    assert "--fetch-images does not apply to html output" in capsys.readouterr().err


def test_an_output_replaced_keeps_its_permissions_and_its_link(
    article_file: Path, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Writing over a private (0600) file keeps it private; writing to a symlink writes the file it names."""
    private = workdir / "private.json"
    private.write_bytes(OLD_BYTES)
    private.chmod(0o600)
    (workdir / "link.json").symlink_to(private)
    assert 0 == main(["convert", "a.json", "-o", "link.json"])
    assert (0o600, True, ARTICLE) == (
        private.stat().st_mode & 0o777,
        (workdir / "link.json").is_symlink(),
        newsdoc.read(private),
    )


@pytest.mark.parametrize(
    "argv", [["convert", ""], ["convert", "a.json", "-t", ""], ["convert", "a.json", "-o", ""]]
)
def test_an_empty_argument_is_a_usage_error(
    argv: list[str], article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'' is no file and no format: exit 2, rather than the current directory or the default format."""
    assert (2, True) == (
        main(argv),
        "an empty argument names no file and no format" in capsys.readouterr().err,
    )


def test_a_title_for_a_single_article_book_is_a_usage_error(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--title names a digest; given one article it is a usage error (exit 2), and nothing is written."""
    code = main(["convert", "a.json", "-o", "one.epub", "--title", "Digest"])
    err = capsys.readouterr().err
    assert (2, True, False) == (
        code,
        "--title and --date name a collection" in err,
        (article_file.parent / "one.epub").exists(),
    )
