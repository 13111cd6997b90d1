# Copyright (c) 2026 The newsdoc developers. MIT License.
"""Measure newsdoc against its peers and write ``docs/performance.md``.

Usage::

    python benchmarks/run.py                 # the full run, a few minutes
    python benchmarks/run.py --quick         # fewer rounds and files, about a minute
    python benchmarks/run.py --only html_to_epub  # one benchmark; no page unless --output

Every figure is the median over several rounds, and each round times newsdoc and
its peers one after the other (in a rotating order), so that noise from a shared
machine hits both sides alike. The ratios are the figures to trust; the absolute
numbers depend on the machine.

Each benchmark is a function taking :class:`Settings` and returning :class:`Row`
values, listed in :data:`BENCHMARKS`; the larger ones live beside this file
(``pages.py``: saved pages against trafilatura; ``epub.py``: EPUB against pandoc).

The peers are benchmark-only dependencies: trafilatura 2.3.1 from the ``bench``
dependency group (``pip install --group bench``, part of ``dev``), pandoc from the
system (``apt-get install pandoc``), and the saved pages of ``../shared/corpus/web``
with their scorer ``../shared/tools/score_web.py`` (``--corpus`` points elsewhere).
A benchmark whose peer or corpus is missing prints one line and is skipped.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gzip
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import orjson
from epub import epub_throughput, html_to_epub
from measure import (
    FULL,
    QUICK,
    ROOT,
    Benchmark,
    Row,
    Settings,
    ms,
    newsdoc_command,
    pandoc_version,
    rate,
    rate_files,
    time_interleaved,
    wall_time_interleaved,
)
from pages import page_extraction
from sample import build_article

import newsdoc
from newsdoc import Article

OUTPUT = ROOT / "docs" / "performance.md"
COMMAND = "python benchmarks/run.py"

#: Round trips per second one core must reach for a ~2,000-word article.
ROUND_TRIP_TARGET = 2_000.0
#: How much slower than bare ``python -c pass`` ``newsdoc --version`` may start, in ms.
START_OVERHEAD_TARGET_MS = 100.0
#: Modules that ``import newsdoc`` must not import (they load with their format).
HEAVY_MODULES = ("lxml", "ebooklib", "cattrs")


# --- benchmarks ----------------------------------------------------------------------


def json_throughput(settings: Settings) -> list[Row]:
    """JSON write, read and round trip against bare orjson and the standard library."""
    doc = build_article()
    data = _json_bytes(doc)
    value: Any = orjson.loads(data)  # the very value newsdoc writes, for the peers
    if newsdoc.read(data, format="json") != doc:
        raise AssertionError("the JSON round trip changed the sample article")

    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    stdlib_text = compact(value)

    t = time_interleaved(
        {
            "nd_write": lambda: newsdoc.write(doc, format="json"),
            "nd_read": lambda: newsdoc.read(data, format="json"),
            "nd_rt": lambda: newsdoc.read(_json_bytes(doc), format="json"),
            "or_dumps": lambda: orjson.dumps(value),
            "or_loads": lambda: orjson.loads(data),
            "or_rt": lambda: orjson.loads(orjson.dumps(value)),
            "std_dumps": lambda: compact(value),
            "std_loads": lambda: json.loads(stdlib_text),
            "std_rt": lambda: json.loads(compact(value)),
        },
        settings,
    )
    words = len(newsdoc.plain_text(doc).split())
    size = f"{words:,} words, {len(doc.figures)} figures, {len(data) / 1024:.0f} KiB of JSON"
    rt_target = f">= {ROUND_TRIP_TARGET:,.0f} /s"
    rt_passed = 1 / t["nd_rt"] >= ROUND_TRIP_TARGET
    return [
        Row("JSON sample article", size),
        Row(
            "JSON write",
            rate(t["nd_write"]),
            "orjson.dumps",
            rate(t["or_dumps"]),
            t["nd_write"] / t["or_dumps"],
        ),
        Row(
            "JSON write",
            rate(t["nd_write"]),
            "json.dumps",
            rate(t["std_dumps"]),
            t["nd_write"] / t["std_dumps"],
        ),
        Row(
            "JSON read",
            rate(t["nd_read"]),
            "orjson.loads",
            rate(t["or_loads"]),
            t["nd_read"] / t["or_loads"],
        ),
        Row(
            "JSON read",
            rate(t["nd_read"]),
            "json.loads",
            rate(t["std_loads"]),
            t["nd_read"] / t["std_loads"],
        ),
        Row(
            "JSON round trip",
            rate(t["nd_rt"]),
            "orjson dumps + loads",
            rate(t["or_rt"]),
            t["nd_rt"] / t["or_rt"],
            rt_target,
            rt_passed,
        ),
        Row(
            "JSON round trip",
            rate(t["nd_rt"]),
            "json dumps + loads",
            rate(t["std_rt"]),
            t["nd_rt"] / t["std_rt"],
            rt_target,
            rt_passed,
        ),
    ]


def _json_bytes(doc: Article) -> bytes:
    text = newsdoc.write(doc, format="json")
    assert isinstance(text, str)
    return text.encode("utf-8")


_LOADED = "import sys\n{setup}\nprint(','.join(m for m in {heavy!r} if m in sys.modules) or 'none')"


def _heavy_modules_after(setup: str) -> str:
    """Which of :data:`HEAVY_MODULES` a fresh interpreter holds after running *setup*."""
    code = _LOADED.format(setup=setup, heavy=HEAVY_MODULES)
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return result.stdout.strip().splitlines()[-1]


def cli_start(settings: Settings) -> list[Row]:
    """Cold start of ``newsdoc --version`` and ``import newsdoc`` against bare Python."""
    python = sys.executable
    t = wall_time_interleaved(
        {
            "bare": [python, "-c", "pass"],
            "version": [*newsdoc_command(), "--version"],
            "import": [python, "-c", "import newsdoc"],
        },
        settings.start_runs,
    )
    overhead = t["version"] - t["bare"]
    import_overhead = t["import"] - t["bare"]
    after_import = _heavy_modules_after("import newsdoc")
    after_version = _heavy_modules_after(
        "import contextlib, io\nfrom newsdoc.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n    main(['--version'])"
    )
    n = settings.start_runs
    return [
        Row(
            f"CLI start: newsdoc --version (median of {n})",
            ms(t["version"]),
            "python -c pass",
            ms(t["bare"]),
            t["version"] / t["bare"],
            f"<= +{START_OVERHEAD_TARGET_MS:.0f} ms (measured +{overhead * 1000:.1f} ms)",
            overhead * 1000 <= START_OVERHEAD_TARGET_MS,
        ),
        Row(
            f"Start: python -c 'import newsdoc' (median of {n})",
            ms(t["import"]),
            "python -c pass",
            ms(t["bare"]),
            t["import"] / t["bare"],
            f"(measured +{import_overhead * 1000:.1f} ms)",
        ),
        Row(
            f"import newsdoc loads {'/'.join(HEAVY_MODULES)}",
            after_import,
            target="none",
            passed=after_import == "none",
        ),
        Row(
            f"newsdoc --version loads {'/'.join(HEAVY_MODULES)}",
            after_version,
            target="none",
            passed=after_version == "none",
        ),
    ]


def profile_json(count: int = 300, limit: int = 20) -> None:
    """Print where a JSON round trip of the sample article spends its time (cProfile)."""
    import cProfile
    import pstats

    doc = build_article()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(count):
        newsdoc.read(_json_bytes(doc), format="json")
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.strip_dirs().sort_stats("tottime").print_stats(limit)
    stats.sort_stats("cumulative").print_stats(limit)


#: Articles per second that reading and writing text must each reach for a ~2,000-word article.
TEXT_TARGET = 1_000.0


def text_throughput(settings: Settings) -> list[Row]:
    """Text write and read of the sample article, each against its target."""
    import warnings

    doc = build_article()
    with warnings.catch_warnings():
        # The sample has links and emphasis, which text drops, saying so on every write.
        warnings.simplefilter("ignore", newsdoc.ContentDroppedWarning)
        text = newsdoc.write(doc, format="text")
        assert isinstance(text, str)
        data = text.encode("utf-8")
        if newsdoc.read(data, format="text") != newsdoc.project(doc, newsdoc.get_format("text").carries):
            raise AssertionError("the text round trip changed the sample article")
        t = time_interleaved(
            {
                "write": lambda: newsdoc.write(doc, format="text"),
                "read": lambda: newsdoc.read(data, format="text"),
            },
            settings,
        )
    target = f">= {TEXT_TARGET:,.0f} /s"
    size = f"{len(text.split()):,} words, {len(data) / 1024:.0f} KiB of text"
    return [
        Row("Text sample article", size),
        Row("Text write", rate(t["write"]), target=target, passed=1 / t["write"] >= TEXT_TARGET),
        Row("Text read", rate(t["read"]), target=target, passed=1 / t["read"] >= TEXT_TARGET),
    ]


def markdown_throughput(settings: Settings) -> list[Row]:
    """Markdown write and read of the sample article, reading against bare markdown-it-py."""
    import warnings

    from markdown_it import MarkdownIt

    doc = build_article()
    markdown = newsdoc.get_format("markdown")
    with warnings.catch_warnings():
        # The sample's images have sizes, which Markdown drops, saying so on every write.
        warnings.simplefilter("ignore", newsdoc.ContentDroppedWarning)
        text = newsdoc.write(doc, format="markdown")
        assert isinstance(text, str)
        data = text.encode("utf-8")
        if newsdoc.read(data, format="markdown") != newsdoc.project(doc, markdown.carries):
            raise AssertionError("the Markdown round trip changed the sample article")
        bare = MarkdownIt("commonmark").enable("table")
        t = time_interleaved(
            {
                "write": lambda: newsdoc.write(doc, format="markdown"),
                "read": lambda: newsdoc.read(data, format="markdown"),
                "parse": lambda: bare.parse(text),
            },
            settings,
        )
    return [
        Row(
            "Markdown sample article", f"{len(text.split()):,} words, {len(data) / 1024:.0f} KiB of Markdown"
        ),
        Row("Markdown write", rate(t["write"])),
        Row(
            "Markdown read",
            rate(t["read"]),
            "markdown-it-py parse",
            rate(t["parse"]),
            t["read"] / t["parse"],
        ),
    ]


HTML_WRITE_TARGET = 1_000.0
HTML_READ_TARGET = 500.0
HTML_READ_RATIO_TARGET = 3.0


def html_throughput(settings: Settings) -> list[Row]:
    """HTML write and read of the sample article, reading against bare lxml.html.fromstring."""
    import lxml.html

    doc = build_article()
    page = newsdoc.write(doc, format="html")
    assert isinstance(page, str)
    data = page.encode("utf-8")
    if newsdoc.read(data, format="html") != doc:
        raise AssertionError("the HTML round trip changed the sample article")
    t = time_interleaved(
        {
            "nd_write": lambda: newsdoc.write(doc, format="html"),
            "nd_read": lambda: newsdoc.read(data, format="html"),
            "lxml_parse": lambda: lxml.html.fromstring(data),
        },
        settings,
    )
    ratio = t["nd_read"] / t["lxml_parse"]
    return [
        Row("HTML sample page", f"{len(data) / 1024:.0f} KiB of HTML"),
        Row(
            "HTML write",
            rate(t["nd_write"]),
            target=f">= {HTML_WRITE_TARGET:,.0f} /s",
            passed=1 / t["nd_write"] >= HTML_WRITE_TARGET,
        ),
        Row(
            "HTML read (newsdoc's own page)",
            rate(t["nd_read"]),
            "lxml.html.fromstring",
            rate(t["lxml_parse"]),
            ratio,
            f">= {HTML_READ_TARGET:,.0f} /s and <= {HTML_READ_RATIO_TARGET:.0f}x lxml",
            1 / t["nd_read"] >= HTML_READ_TARGET and ratio <= HTML_READ_RATIO_TARGET,
        ),
    ]


#: Throughput with two workers must be at least this multiple of one worker's.
SCALING_TARGET = 1.7
#: Peak memory streaming 10,000 articles may exceed that for 100 by at most this share.
MEMORY_TARGET = 0.20


def batch_scaling(settings: Settings) -> list[Row]:
    """``newsdoc convert DIR -o OUT/ --jobs 1`` against ``--jobs 2`` on the same files.

    Two batches: small JSON articles (where start-up and hand-over weigh most), and
    saved news pages converted to JSON (the archive job issue 7 describes).
    """
    count = 400 if settings.quick else 1_500
    data = _json_bytes(build_article(600))
    rows = [
        _scaling_row(f"Batch: {count} JSON articles", {f"{i:05d}.json": data for i in range(count)}, settings)
    ]
    pages = sorted(settings.corpus.glob("*.html.gz"))
    if pages:
        copies = 1 if settings.quick else 3
        files = {
            f"{copy}-{page.name[: -len('.gz')]}": gzip.decompress(page.read_bytes())
            for copy in range(copies)
            for page in pages
        }
        rows.append(_scaling_row(f"Batch: {len(files)} saved news pages", files, settings))
    return rows


def _scaling_row(label: str, files: dict[str, bytes], settings: Settings) -> Row:
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "in"
        source.mkdir()
        for name, content in files.items():
            (source / name).write_bytes(content)
        commands = {
            f"jobs{jobs}": [
                *newsdoc_command(),
                "convert",
                str(source),
                "-o",
                f"{scratch}/out{jobs}/",
                "-t",
                "json",
                "-q",
                "-j",
                str(jobs),
            ]
            for jobs in (1, 2)
        }
        t = wall_time_interleaved(commands, 3 if settings.quick else 5)
    speedup = t["jobs1"] / t["jobs2"]
    return Row(
        f"{label} → JSON, --jobs 2",
        rate_files(len(files), t["jobs2"]),
        "--jobs 1",
        rate_files(len(files), t["jobs1"]),
        t["jobs2"] / t["jobs1"],
        f">= {SCALING_TARGET}x throughput (measured {speedup:.2f}x)",
        speedup >= SCALING_TARGET,
    )


# The probe's own peak, in KiB. Linux's ru_maxrss carries the peak of the process that
# forked the probe across exec (this benchmark's, grown by the corpus and trafilatura),
# which would hide the probe's; VmHWM belongs to the probe's own address space.
_PEAK_KIB = """
def peak_kib():
    try:
        with open('/proc/self/status', encoding='ascii') as status:
            for line in status:
                if line.startswith('VmHWM:'):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""


def streaming_memory(_settings: Settings) -> list[Row]:
    """Peak memory of ``newsdoc convert a.jsonl -o b.jsonl`` for 10,000 articles against 100."""
    import tempfile

    article = build_article(300)
    probe = (
        "import sys\n"
        "from newsdoc.cli import main\n"
        "main(['convert', sys.argv[1], '-o', sys.argv[2], '-q'])\n"
        f"{_PEAK_KIB}\n"
        "print(peak_kib())"
    )
    peaks: dict[int, int] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for count in (100, 10_000):
            source = Path(scratch) / f"{count}.jsonl"
            newsdoc.write_articles((article for _ in range(count)), source)
            result = subprocess.run(
                [sys.executable, "-c", probe, str(source), f"{scratch}/out{count}.jsonl"],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            peaks[count] = int(result.stdout.split()[-1])
    growth = peaks[10_000] / peaks[100] - 1
    return [
        Row(
            "Peak memory, 10,000 articles streamed through JSON Lines",
            f"{peaks[10_000] / 1024:.1f} MiB",
            "100 articles",
            f"{peaks[100] / 1024:.1f} MiB",
            peaks[10_000] / peaks[100],
            f"<= +{MEMORY_TARGET:.0%} (measured {growth:+.1%})",
            growth <= MEMORY_TARGET,
        )
    ]


#: The benchmarks, in the order they run and appear in the table.
BENCHMARKS: list[Benchmark] = [
    json_throughput,
    html_throughput,
    text_throughput,
    markdown_throughput,
    epub_throughput,
    page_extraction,
    html_to_epub,
    cli_start,
    batch_scaling,
    streaming_memory,
]


# --- output --------------------------------------------------------------------------

_HEADER = ("Benchmark", "newsdoc", "Peer", "Peer figure", "Ratio (newsdoc / peer time)", "Target", "Result")


def _decimals(ratio: float) -> int:
    """A third decimal for small ratios, such as a batch's time against pandoc's once per file."""
    return 2 if ratio >= 0.1 else 3


def _cells(row: Row) -> tuple[str, ...]:
    ratio = "" if row.ratio is None else f"{row.ratio:.{_decimals(row.ratio)}f}x"
    return (row.name, row.newsdoc, row.peer, row.peer_figure, ratio, row.target, row.result)


def markdown_table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown (GFM) table."""
    lines = ["| " + " | ".join(_HEADER) + " |", "|" + "|".join(" --- " for _ in _HEADER) + "|"]
    lines.extend("| " + " | ".join(cell.replace("|", "\\|") for cell in _cells(row)) + " |" for row in rows)
    return "\n".join(lines)


def text_table(rows: Sequence[Row]) -> str:
    """The rows aligned for a terminal."""
    table = [_HEADER, *(_cells(row) for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(_HEADER))]
    out = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in table
    ]
    out.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(out)


def machine_note() -> str:
    """Cores, Python and the versions of the libraries measured."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    names = ("newsdoc", "orjson", "cattrs", "attrs", "lxml", "ebooklib", "trafilatura")
    versions = ", ".join(f"{name} {_version(name)}" for name in names)
    return (
        f"{usable} usable cores ({os.cpu_count()} reported), {platform.machine()} {platform.system()}; "
        f"{platform.python_implementation()} {platform.python_version()}; {versions}; "
        f"{pandoc_version() or 'pandoc not installed'}"
    )


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def performance_page(rows: Sequence[Row], command: str, today: dt.date, elapsed: float) -> str:
    """The Markdown page ``docs/performance.md``."""
    return f"""# Performance

Measured with `{command}` on {today.isoformat()} (the run took {elapsed:.0f} s).

Machine: {machine_note()}.

{markdown_table(rows)}

How to read this table:

- Throughput is articles per second on one core (a single thread), for a
  ~2,000-word article with a lead figure and one body figure, built in
  `benchmarks/sample.py`. `newsdoc.write(doc, format="json")` builds the JSON value
  from the model and serializes it with orjson; `newsdoc.read(data, format="json")`
  parses, checks every field against the schema, builds the model and normalizes it.
  The peers only serialize or parse the same JSON value, so they are the floor:
  the ratio says how many times longer newsdoc takes than the peer (lower is better).
- Each figure is the median over several rounds; within each round newsdoc and its
  peers are timed one after the other, in a rotating order, so that noise on a shared
  machine hits both alike. Trust the ratios more than the absolute figures.
- Start-up is the median wall time of a fresh process, newsdoc's commands interleaved
  with bare `python -c pass` on the same interpreter. Timed processes keep Python's
  bytecode (in a temporary `PYTHONPYCACHEPREFIX`, even where `PYTHONDONTWRITEBYTECODE`
  is set), as an installed package does; the first, uncounted run fills the cache.
  The ratio is newsdoc's time over bare Python's; the target is on the difference.
- Rows about modules show which of {", ".join(f"`{m}`" for m in HEAVY_MODULES)} a
  fresh interpreter holds afterwards; each belongs to a format or to reading and
  writing, so none should load for `import newsdoc` or `newsdoc --version`.
- EPUB write and read are in-process, for the same article with its lead image
  given as a `data:` URI (a ~50 KiB PNG, packaged into the book) and its body
  figure without an image; the read is checked to give back the article exactly.
- Page extraction runs newsdoc and trafilatura over the saved news pages of
  `../shared/corpus/web`, scored by the corpus's own `score_web.py` (loaded from
  `../shared/tools`, not re-implemented): the shares are those of issue 4's table,
  newsdoc's beside trafilatura's. trafilatura keeps no captions or credits and
  dates only, hence its zeros. Time per page is the median over rounds of the mean
  time per page (parse and extract, including the scorer's conversion to a dict);
  within each round the two take turns page by page, so the ratio compares them
  under the same load.
- HTML → EPUB, one process: `newsdoc convert FILE.html -o FILE.epub` against
  `pandoc FILE.html -o FILE.epub`, each a fresh process, interleaved; the ratio is
  newsdoc's wall time over pandoc's. The sample article is newsdoc's own HTML of
  the article above, its image inline as a `data:` URI, so neither side has a
  remote image. The saved page is the corpus page of median size; pandoc downloads
  every remote image by default while newsdoc links them unless asked to fetch, so
  pandoc gets a three-line Lua filter that links them too, and neither side uses
  the network.
- HTML → EPUB batch: `newsdoc convert DIR -o OUT/ -t epub --jobs N` (N = usable
  cores) over copies of the sample article, against running pandoc once per file,
  one file after another, as a shell loop or `find -exec` does.
  Running pandoc a thousand times takes minutes, so pandoc is timed on a fixed
  sample of the files, spread over the rounds between the newsdoc runs, and its
  median time per file is multiplied by the batch size. The ratio is newsdoc's
  batch time over pandoc's scaled time; the target is on its inverse.
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run every benchmark, print the table and write ``docs/performance.md``."""
    parser = argparse.ArgumentParser(description="Measure newsdoc against its peers.")
    parser.add_argument("--quick", action="store_true", help="fewer rounds: under half a minute")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="only profile JSON round trips with cProfile and print the hot spots",
    )
    parser.add_argument(
        "--output",
        type=Path,
        help=f"the page to write (default: {OUTPUT}, except with --only, which writes no page by default)",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=FULL.corpus,
        help=f"saved news pages for page_extraction and html_to_epub (default: {FULL.corpus})",
    )
    parser.add_argument(
        "--only", action="append", choices=[b.__name__ for b in BENCHMARKS], help="run only these benchmarks"
    )
    args = parser.parse_args(argv)
    if args.profile:
        profile_json()
        return 0
    settings = dataclasses.replace(QUICK if args.quick else FULL, corpus=args.corpus)
    only = "".join(f" --only {name}" for name in args.only or ())
    command = COMMAND + (" --quick" if args.quick else "") + only
    started = time.perf_counter()
    rows: list[Row] = []
    for benchmark in BENCHMARKS:
        if args.only and benchmark.__name__ not in args.only:
            continue
        print(f"running {benchmark.__name__} ...", file=sys.stderr, flush=True)
        rows.extend(benchmark(settings))
    elapsed = time.perf_counter() - started
    print(text_table(rows))
    print(f"\n{machine_note()}\n{elapsed:.0f} s")
    # A partial run must not replace the full table: --only writes a page only when told where.
    output = args.output or (None if args.only else OUTPUT)
    if output is None:
        print(f"not writing {OUTPUT.relative_to(ROOT)} for a partial run (--only); --output FILE writes one")
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        page = performance_page(rows, command, dt.datetime.now(dt.UTC).date(), elapsed)
        output.write_text(page, encoding="utf-8")
        print(f"wrote {output}")
    return 1 if any(row.passed is False for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
