# Copyright (c) 2026 The newsdoc developers. MIT License.
"""EPUB: ``newsdoc convert`` against pandoc, one file per process and in batches, and in-process speed."""

from __future__ import annotations

import gzip
import os
import statistics
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from measure import (
    Row,
    Settings,
    ms,
    newsdoc_command,
    pandoc_path,
    rate,
    rate_files,
    rotations,
    run_quietly,
    scaled_total,
    skipped,
    time_interleaved,
    wall_time_interleaved,
)
from sample import build_article_with_image

import newsdoc

#: EPUBs per second that writing and reading the sample article must each reach in-process.
EPUB_TARGET = 100.0
#: ``newsdoc convert`` of one file may take at most this multiple of pandoc's time.
SINGLE_RATIO_TARGET = 1.0
#: A batch must be at least this many times faster than pandoc run once per file.
BATCH_SPEEDUP_TARGET = 20.0

# pandoc downloads every remote image it meets; newsdoc links them unless asked to fetch.
# For a saved page (full of remote images) this filter makes pandoc link them too, so
# neither side touches the network and both do the same work.
_LINK_REMOTE_IMAGES = """\
function Image(image)
  if image.src:match("^https?:") or image.src:match("^//") then
    return pandoc.Link(image.caption, image.src)
  end
end
"""


def _usable_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def median_page(corpus: Path) -> Path | None:
    """The corpus page of median compressed size: a typical page, chosen the same way every run."""
    pages = sorted(corpus.glob("*.html.gz"), key=lambda page: (page.stat().st_size, page.name))
    return pages[len(pages) // 2] if pages else None


def html_to_epub(settings: Settings) -> list[Row]:
    """``newsdoc convert`` against ``pandoc`` to EPUB: one file per process, then a batch."""
    pandoc = pandoc_path()
    if pandoc is None:
        return skipped("HTML → EPUB against pandoc", "pandoc is not installed (apt-get install pandoc)")
    html = newsdoc.write(build_article_with_image(), format="html")
    assert isinstance(html, str)
    data = html.encode("utf-8")
    with tempfile.TemporaryDirectory() as name:
        scratch = Path(name)
        article = scratch / "article.html"
        article.write_bytes(data)
        label = f"sample article ({len(data) / 1024:.0f} KiB, 1 image)"
        rows = [_or_failure(label, lambda: _single(pandoc, article, [], label, settings))]
        page = median_page(settings.corpus) if settings.corpus.is_dir() else None
        if page is None:
            rows += skipped("HTML → EPUB, one process: a saved page", f"no corpus at {settings.corpus}")
        else:
            saved = scratch / page.name.removesuffix(".gz")
            saved.write_bytes(gzip.decompress(page.read_bytes()))
            links = scratch / "link-remote-images.lua"
            links.write_text(_LINK_REMOTE_IMAGES, encoding="utf-8")
            about = f"saved page {saved.name} ({saved.stat().st_size / 1024:.0f} KiB)"
            options = ["--lua-filter", str(links)]
            rows.append(_or_failure(about, lambda: _single(pandoc, saved, options, about, settings)))
        rows.append(_or_failure("batch", lambda: _batch(pandoc, data, scratch, settings)))
    return rows


def _or_failure(label: str, timed: Callable[[], Row]) -> Row:
    """The row *timed* gives, or a failed row naming the command that failed: one bad case ends no run."""
    try:
        return timed()
    except subprocess.CalledProcessError as error:
        lines = (error.stderr or b"").decode("utf-8", "replace").strip().splitlines() or ["no message"]
        failure = f"failed: {Path(str(error.cmd[0])).name} exited {error.returncode}: {lines[-1]}"
        return Row(f"HTML → EPUB: {label}", failure, passed=False)


def _single(pandoc: str, source: Path, pandoc_options: list[str], label: str, settings: Settings) -> Row:
    """One ``convert`` per fresh process, interleaved with pandoc doing the same."""
    runs = settings.start_runs // 2
    t = wall_time_interleaved(
        {
            "newsdoc": [
                *newsdoc_command(),
                "convert",
                str(source),
                "-o",
                str(source.with_suffix(".nd.epub")),
            ],
            "pandoc": [pandoc, *pandoc_options, str(source), "-o", str(source.with_suffix(".pd.epub"))],
        },
        runs,
    )
    ratio = t["newsdoc"] / t["pandoc"]
    filtered = " --lua-filter link-remote-images.lua" if pandoc_options else ""
    return Row(
        f"HTML → EPUB, one process: {label} (median of {runs})",
        ms(t["newsdoc"]),
        f"pandoc{filtered} FILE.html -o FILE.epub",
        ms(t["pandoc"]),
        ratio,
        f"<= {SINGLE_RATIO_TARGET:.0f}x pandoc",
        ratio <= SINGLE_RATIO_TARGET,
    )


def _batch(pandoc: str, data: bytes, scratch: Path, settings: Settings) -> Row:
    """``newsdoc convert DIR -o OUT/ -t epub --jobs N`` against pandoc once per file, scaled from a sample."""
    count, rounds, sample = (200, 2, 10) if settings.quick else (1_000, 3, 40)
    jobs = _usable_cores()
    source = scratch / "batch"
    source.mkdir()
    for index in range(count):
        (source / f"{index:05d}.html").write_bytes(data)
    files = sorted(source.iterdir())
    # Warm the file system cache and both programs; not counted.
    run_quietly([pandoc, str(files[0]), "-o", str(scratch / "warm.epub")])
    run_quietly([*newsdoc_command(), "convert", str(files[0]), "-o", str(scratch / "warm.epub")])
    batch_seconds: list[float] = []
    pandoc_seconds: list[float] = []
    chunks = [files[r * sample // rounds : (r + 1) * sample // rounds] for r in range(rounds)]
    for round_number, order in enumerate(rotations(["newsdoc", "pandoc"], rounds)):
        for name in order:
            if name == "newsdoc":
                output = scratch / f"out{round_number}"
                command = [*newsdoc_command(), "convert", str(source), "-o", f"{output}/", "-t", "epub"]
                batch_seconds.append(run_quietly([*command, "-q", "--jobs", str(jobs)]))
                written = len(list(output.glob("*.epub")))
                if written != count:
                    raise AssertionError(f"the batch wrote {written} EPUBs of {count}")
            else:
                pandoc_seconds.extend(
                    run_quietly([pandoc, str(file), "-o", str(scratch / "pandoc.epub")])
                    for file in chunks[round_number]
                )
    newsdoc_total = statistics.median(batch_seconds)
    pandoc_total = scaled_total(pandoc_seconds, count)
    speedup = pandoc_total / newsdoc_total
    return Row(
        f"HTML → EPUB batch: {count:,} files, --jobs {jobs} (median of {rounds} runs)",
        f"{newsdoc_total:.1f} s, {rate_files(count, newsdoc_total)}",
        f"pandoc once per file, in turn: median of a {len(pandoc_seconds)}-file sample x {count:,}",
        f"{pandoc_total:.1f} s, {rate_files(count, pandoc_total)}",
        newsdoc_total / pandoc_total,
        f">= {BATCH_SPEEDUP_TARGET:.0f}x faster (measured {speedup:.1f}x)",
        speedup >= BATCH_SPEEDUP_TARGET,
    )


def epub_throughput(settings: Settings) -> list[Row]:
    """In-process EPUB write and read of the sample article with its one packaged image."""
    doc = build_article_with_image()
    data = newsdoc.write(doc, format="epub")
    assert isinstance(data, bytes)
    if newsdoc.read(data, format="epub") != doc:
        raise AssertionError("the EPUB round trip changed the sample article")
    t = time_interleaved(
        {
            "write": lambda: newsdoc.write(doc, format="epub"),
            "read": lambda: newsdoc.read(data, format="epub"),
        },
        settings,
    )
    assert doc.lead is not None
    assert doc.lead.image is not None
    words = len(newsdoc.plain_text(doc).split())
    image = len(doc.lead.image.src) * 3 // 4  # the bytes behind the base64 data: URI
    target = f">= {EPUB_TARGET:,.0f} /s"
    return [
        Row(
            "EPUB sample article",
            f"{words:,} words, one {image / 1024:.0f} KiB PNG; {len(data) / 1024:.0f} KiB of EPUB",
        ),
        Row("EPUB write (in-process)", rate(t["write"]), target=target, passed=1 / t["write"] >= EPUB_TARGET),
        Row("EPUB read (in-process)", rate(t["read"]), target=target, passed=1 / t["read"] >= EPUB_TARGET),
    ]
