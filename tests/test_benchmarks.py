"""The benchmarks' own logic: rotation, scaling a pandoc sample, the tables, the sample image, skipping."""

import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
if str(BENCHMARKS) not in sys.path:  # the benchmarks are scripts beside each other, not a package
    sys.path.insert(0, str(BENCHMARKS))

import epub  # noqa: E402
import measure  # noqa: E402
import pages  # noqa: E402
import run  # noqa: E402
import sample  # noqa: E402

import newsdoc  # noqa: E402

SCORE = {
    "pages": 4,
    "errors": 0,
    "body": {"f1": 0.97},
    "headline": {"exact": 0.75, "n": 4},
    "authors": {"exact": 1.0, "n": 3},
    "published": {"instant": 0.5, "day": 1.0, "n": 2},
    "dek": {"ok": None, "n": 0},
    "captions": {"found": 0.8, "n": 5},
    "credits": {"found": 0.0, "n": 1},
}


def test_rotations_move_the_first_name_each_round():
    """Each round starts one name later, wrapping round, so no name always goes first."""
    expected = [["a", "b", "c"], ["b", "c", "a"], ["c", "a", "b"], ["a", "b", "c"]]
    assert expected == measure.rotations(["a", "b", "c"], 4)


def test_scaled_total_is_the_median_file_times_the_count():
    """A pandoc sample scales by its median, so one slow run does not move the total."""
    assert 250.0 == measure.scaled_total([0.25, 0.2, 3.0], 1_000)


def test_scaled_total_refuses_an_empty_sample():
    """No sample, no estimate."""
    with pytest.raises(ValueError, match="no sample"):
        measure.scaled_total([], 1_000)


def test_skipped_prints_one_line_and_leaves_a_row(capsys):
    """A missing peer is one line on stderr and one row saying why, with no result."""
    rows = measure.skipped("HTML → EPUB", "pandoc is not installed")
    assert [measure.Row("HTML → EPUB", "skipped: pandoc is not installed")] == rows
    assert "" == rows[0].result
    assert "skipping HTML → EPUB: pandoc is not installed\n" == capsys.readouterr().err


def test_markdown_table_shows_ratio_and_result_and_escapes_pipes():
    """Ratios get two decimals and an x; a pipe in a cell cannot break the table."""
    row = measure.Row("a | b", "1 /s", "peer", "2 /s", 0.5, ">= 1 /s", False)
    expected = (
        "| Benchmark | newsdoc | Peer | Peer figure | Ratio (newsdoc / peer time) | Target | Result |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n"
        "| a \\| b | 1 /s | peer | 2 /s | 0.50x | >= 1 /s | FAIL |"
    )
    assert expected == run.markdown_table([row])


def test_small_ratios_get_a_third_decimal():
    """A batch 44x faster than pandoc shows as 0.023x, not a rounded 0.02x."""
    rows = [measure.Row("batch", "1 s", ratio=0.02276), measure.Row("single", "1 s", ratio=0.857)]
    assert ["0.023x", "0.86x"] == [line.split(" | ")[4] for line in run.markdown_table(rows).splitlines()[2:]]


def test_text_table_aligns_columns_under_the_header():
    """Every line of the terminal table has its columns at the same offsets."""
    rows = [
        measure.Row("long name here", "1 /s", ratio=2.0),
        measure.Row("x", "10 /s", target="t", passed=True),
    ]
    lines = run.text_table(rows).splitlines()
    assert lines[0].index("newsdoc") == lines[2].index("1 /s") == lines[3].index("10 /s")
    assert "2.00x" in lines[2]
    assert lines[0].index("Target") == lines[3].index("t ")
    assert lines[0].index("Result") == lines[3].index("pass")


def test_field_rows_put_newsdoc_beside_the_peer_with_issue_4_targets():
    """One row per field of issue 4's table, counts from the scorer, n/a (and no result) where a share is missing."""
    peer = {**SCORE, "body": {"f1": 0.9}, "captions": {"found": 0.0, "n": 5}}
    rows = pages.field_rows(SCORE, peer, "trafilatura 2.3.1")
    expected = [
        ("Page extraction: body F1 (4-gram shingles) (n=4)", "0.970", "0.900", ">= 0.965", True),
        ("Page extraction: headline exact (n=4)", "0.750", "0.750", ">= 0.9", False),
        ("Page extraction: authors exact set (n=3)", "1.000", "1.000", ">= 0.88", True),
        ("Page extraction: published, same instant ±60 s (n=2)", "0.500", "0.500", ">= 0.85", False),
        ("Page extraction: published, same day (n=2)", "1.000", "1.000", ">= 0.97", True),
        ("Page extraction: dek (n=0)", "n/a", "n/a", ">= 0.85", None),
        ("Page extraction: figure captions found (n=5)", "0.800", "0.000", ">= 0.8", True),
        ("Page extraction: figure credits found (n=1)", "0.000", "0.000", ">= 0.7", False),
    ]
    assert expected == [(r.name, r.newsdoc, r.peer_figure, r.target, r.passed) for r in rows]
    assert {"trafilatura 2.3.1"} == {r.peer for r in rows}


def test_time_per_page_takes_turns_page_by_page_in_rotating_order():
    """Extractors alternate on each page, the first one changing from page to page and round to round."""
    calls: list[tuple[str, str]] = []

    def extractor(name: str) -> pages.Extractor:
        def extract(_html: bytes, url: str) -> dict[str, str]:
            calls.append((name, url))
            return {}

        return extract

    seconds = pages.time_per_page([(b"", "p1"), (b"", "p2")], {"a": extractor("a"), "b": extractor("b")}, 2)
    first_round = [("a", "p1"), ("b", "p1"), ("b", "p2"), ("a", "p2")]
    second_round = [("b", "p1"), ("a", "p1"), ("a", "p2"), ("b", "p2")]
    assert [*first_round, *second_round] == calls
    assert ["a", "b"] == sorted(seconds)


def test_load_scorer_imports_a_script_by_its_path(tmp_path):
    """The scorer is a script outside any package: it loads from its path."""
    script = tmp_path / "score_web.py"
    script.write_text("def score():\n    return 'scored'\n", encoding="utf-8")
    assert "scored" == pages.load_scorer(script).score()


def test_page_extraction_without_a_corpus_is_skipped(tmp_path, capsys):
    """A missing corpus gives one line and a row saying where it looked, not a crash."""
    settings = measure.Settings(
        rounds=1, sample_seconds=0.01, start_runs=1, quick=True, corpus=tmp_path / "web"
    )
    rows = pages.page_extraction(settings)
    reason = f"no corpus of *.html.gz pages at {tmp_path / 'web'} (see --corpus)"
    assert [measure.Row("Page extraction (issue 4)", f"skipped: {reason}")] == rows
    assert f"skipping Page extraction (issue 4): {reason}\n" == capsys.readouterr().err


def test_median_page_is_the_page_of_median_size(tmp_path):
    """The typical page: the middle one by compressed size, the same every run."""
    for name, size in (("a", 30), ("b", 10), ("c", 20), ("d", 40)):
        (tmp_path / f"{name}.html.gz").write_bytes(b"x" * size)
    assert tmp_path / "a.html.gz" == epub.median_page(tmp_path)
    assert epub.median_page(tmp_path / "missing") is None


def _chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    """The chunks of a PNG, each checked against its CRC."""
    chunks, offset = [], 8
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        kind, data = png[offset + 4 : offset + 8], png[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", png[offset + 8 + length : offset + 12 + length])
        assert zlib.crc32(kind + data) == crc
        chunks.append((kind, data))
        offset += 12 + length
    return chunks


def test_sample_png_is_a_whole_valid_png_of_its_size():
    """Signature, IHDR, one IDAT holding every row, IEND: a PNG any reader accepts."""
    png = sample.sample_png(20, 10)
    chunks = _chunks(png)
    assert b"\x89PNG\r\n\x1a\n" == png[:8]
    assert [b"IHDR", b"IDAT", b"IEND"] == [kind for kind, _ in chunks]
    assert (20, 10, 8, 2, 0, 0, 0) == struct.unpack(">IIBBBBB", chunks[0][1])
    assert 10 * (1 + 3 * 20) == len(zlib.decompress(chunks[1][1]))
    assert png == sample.sample_png(20, 10)


def test_article_with_image_has_exactly_one_image_inline():
    """The EPUB sample: the lead image as a data: URI, the body figure without one."""
    doc = sample.build_article_with_image()
    images = [figure.image for figure in doc.figures if figure.image is not None]
    assert 1 == len(images)
    assert images[0].src.startswith("data:image/png;base64,")
    assert "image/png" == images[0].media_type
    assert doc == newsdoc.normalize(doc)


def test_version_of_a_missing_distribution_says_so():
    """The machine note names peers that are not installed instead of failing."""
    assert "not installed" == run._version("no-such-distribution-newsdoc-benchmarks")


def test_a_failing_command_becomes_a_failed_row():
    """A converter that exits non-zero fails its row, with its last stderr line, and the run goes on."""

    def timed() -> measure.Row:
        raise subprocess.CalledProcessError(
            1, ["/venv/bin/newsdoc", "convert"], stderr=b"reading\nbad page\n"
        )

    expected = measure.Row("HTML → EPUB: batch", "failed: newsdoc exited 1: bad page", passed=False)
    assert expected == epub._or_failure("batch", timed)


def test_timed_processes_keep_bytecode_outside_the_tree():
    """Fresh processes cache bytecode (as installed packages do) in a temporary directory."""
    environment = measure.process_environment()
    assert "PYTHONDONTWRITEBYTECODE" not in environment
    cache = Path(environment["PYTHONPYCACHEPREFIX"])
    assert cache.is_dir()
    assert not cache.is_relative_to(measure.ROOT)


def test_memory_probe_reports_its_own_peak_in_kib():
    """The streaming probe's peak is this process's own, in KiB: more than a MiB, less than a GiB."""
    namespace: dict[str, object] = {}
    exec(run._PEAK_KIB, namespace)
    peak = namespace["peak_kib"]()  # type: ignore[operator]
    assert isinstance(peak, int)
    assert 1024 < peak < 1024 * 1024
