"""newsdoc convert with many inputs: mirrored trees, one collected file, failures, reruns."""

from pathlib import Path

import pytest

import newsdoc
from newsdoc.cli import main


def _article(headline: str) -> str:
    return str(newsdoc.write(newsdoc.Article(headline=headline), format="json"))


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """in/a.json, in/b.json, in/sub/c.json, in/sub/bad.json, and a file no format reads."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.json").write_text(_article("A"))
    (root / "b.json").write_text(_article("B"))
    (root / "sub" / "c.json").write_text(_article("C"))
    (root / "sub" / "bad.json").write_text('{"newsdoc":1,"type":"article","tags":[1]}')
    (root / "notes.docx").write_text("ignored: no format reads it")
    return root


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_directory_to_directory_mirrors_the_tree(tree, tmp_path, capsys):
    """-o DIR keeps the layout, applies the target suffix; the bad file is one line and exit 1."""
    out = tmp_path / "out"
    assert 1 == main(["convert", str(tree), "-o", f"{out}/", "-t", "jsonl", "-j", "2"])
    assert ["a.jsonl", "b.jsonl", "sub/c.jsonl"] == _files(out)
    err = capsys.readouterr().err.splitlines()
    assert [
        f"newsdoc: error: {tree}/sub/bad.json: tags[0]: expected a string, got an integer (json reader)"
    ] == err[:1]
    assert err[1].startswith("newsdoc: 3 converted, 1 failed, 0 skipped in ")


def test_many_inputs_into_one_json_lines_file_in_order(tree, tmp_path):
    """-o all.jsonl receives every article in sorted input order, whatever --jobs is."""
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert 1 == main(["convert", str(tree), "-o", str(one), "-j", "1", "-q"])
    assert 1 == main(["convert", str(tree), "-o", str(two), "-j", "2", "-q"])
    assert one.read_bytes() == two.read_bytes()
    assert ["A", "B", "C"] == [a.headline for a in newsdoc.iter_articles(one)]


def test_glob_patterns_expand_recursively(tree, tmp_path):
    """'**' globs work even when the shell does not expand them."""
    out = tmp_path / "glob.jsonl"
    assert 0 == main(["convert", f"{tree}/**/[abc].json", "-o", str(out), "-q"])
    assert ["A", "B", "C"] == [a.headline for a in newsdoc.iter_articles(out)]


def test_fail_fast_stops_and_writes_no_collected_file(tree, tmp_path, capsys):
    """--fail-fast ends at the first error, leaving no partial output file."""
    out = tmp_path / "all.jsonl"
    (tree / "sub" / "bad.json").rename(tree / "0bad.json")
    assert 1 == main(["convert", str(tree), "-o", str(out), "--fail-fast", "-q"])
    assert not out.exists()
    assert [] == [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert 1 == len(capsys.readouterr().err.splitlines())


def test_skip_existing_makes_reruns_cheap(tree, tmp_path, capsys):
    """A rerun with --skip-existing leaves finished outputs alone and counts them."""
    out = tmp_path / "out"
    main(["convert", str(tree), "-o", f"{out}/", "-t", "json", "-q"])
    (out / "a.json").write_text("kept")
    capsys.readouterr()
    main(["convert", str(tree), "-o", f"{out}/", "-t", "json", "--skip-existing"])
    assert "kept" == (out / "a.json").read_text()
    assert "3 skipped" in capsys.readouterr().err


def test_json_lines_input_streams_into_a_directory_of_one_file_per_input(tmp_path):
    """Reading .jsonl streams its articles; into JSON they stay one collection per input."""
    source = tmp_path / "many.jsonl"
    newsdoc.write_articles((newsdoc.Article(headline=str(i)) for i in range(100)), source)
    out = tmp_path / "again.jsonl"
    assert 0 == main(["convert", str(source), str(source), "-o", str(out), "-q"])
    assert [str(i) for i in range(100)] * 2 == [a.headline for a in newsdoc.iter_articles(out)]


def test_stdin_cannot_be_one_of_many(capsys):
    """- alone reads stdin; among other inputs it is a usage error."""
    assert 2 == main(["convert", "-", "a.json", "-o", "x.jsonl"])
    assert "cannot be one of several inputs" in capsys.readouterr().err


def test_many_inputs_to_stdout_collect_into_one_document(tree, capsys):
    """To stdout, JSON gets one collection document and JSON Lines one line per article."""
    assert 0 == main(["convert", str(tree / "a.json"), str(tree / "b.json"), "-t", "json", "-q"])
    expected = '{"newsdoc":1,"type":"collection","articles":[{"headline":"A"},{"headline":"B"}]}\n'
    assert expected == capsys.readouterr().out
    assert 0 == main(["convert", str(tree / "a.json"), str(tree / "b.json"), "-t", "jsonl", "-q"])
    assert 2 == len(capsys.readouterr().out.splitlines())


def test_collection_options_go_only_to_writers_that_take_them(tree, capsys):
    """--title and --date are checked against the writer: JSON takes neither (exit 2)."""
    assert 2 == main(["convert", str(tree / "a.json"), "-t", "json", "--title", "Digest"])
    assert "--title does not apply to json output" in capsys.readouterr().err
    assert 2 == main(["convert", str(tree / "a.json"), "-t", "json", "--date", "24 Nov"])
    assert "'24 Nov' is not an ISO date" in capsys.readouterr().err


def test_a_date_with_a_time_needs_an_offset(tree, tmp_path, capsys):
    """--date 2026-01-01T10:00 names no instant: a usage error (exit 2) saying what to add."""
    code = main(
        [
            "convert",
            str(tree / "a.json"),
            str(tree / "b.json"),
            "-o",
            str(tmp_path / "d.epub"),
            "--date",
            "2026-01-01T10:00",
        ]
    )
    assert (2, True) == (code, "'2026-01-01T10:00' has a time but no offset" in capsys.readouterr().err)


def test_two_inputs_mirroring_to_one_output_do_not_overwrite_each_other(tree, tmp_path, capsys):
    """in/a.json and other/a.json named together: the first converts, the second is one failed line."""
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.json").write_text(_article("Other A"))
    out = tmp_path / "out"
    code = main(["convert", str(tree / "a.json"), str(other / "a.json"), "-o", f"{out}/", "-t", "json", "-q"])
    err = capsys.readouterr().err
    expected = f"newsdoc: error: {other / 'a.json'}: its output {out / 'a.json'} is also {tree / 'a.json'}'s; not converted\n"
    assert (1, expected, newsdoc.Article(headline="A")) == (code, err, newsdoc.read(out / "a.json"))


def test_a_directory_with_nothing_to_convert_is_a_usage_error(tmp_path, capsys):
    """An empty directory converts nothing: exit 2 and one line, as a pattern matching nothing does."""
    (tmp_path / "empty").mkdir()
    code = main(["convert", str(tmp_path / "empty"), "-o", f"{tmp_path}/out/", "-t", "json"])
    assert (2, True) == (code, "no file newsdoc reads in " in capsys.readouterr().err)
