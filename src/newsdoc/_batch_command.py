"""``newsdoc convert`` with many inputs: expand them, convert in workers, report.

Two shapes of output: ``-o DIR`` mirrors the input tree, one file per input; an
output file of a format that holds many articles (``.jsonl``) receives them all,
streamed, in input order.
"""

from __future__ import annotations

import glob
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Self

import click
from attrs import field, frozen

from newsdoc import _paths
from newsdoc._atomic import atomic_writer, write_atomically
from newsdoc.api import iter_articles, read
from newsdoc.batch import ordered_map
from newsdoc.errors import NewsdocError, ReadError, UnknownFormatError
from newsdoc.fidelity import Feature
from newsdoc.formats.registry import REGISTRY, Format
from newsdoc.model import Article, Collection

_GLOB_CHARACTERS = frozenset("*?[")


def expand(arguments: tuple[str, ...]) -> list[tuple[Path, Path]]:
    """Each input file with the path it has under its argument, for mirroring.

    Directories are walked recursively for files with a readable format's suffix;
    glob patterns (``**`` included) are expanded; both in sorted order, so output
    order never depends on the file system.
    """
    found: list[tuple[Path, Path]] = []
    for argument in arguments:
        path = Path(argument)
        if _paths.is_dir(path):
            found.extend(
                (file, file.relative_to(path))
                for file in sorted(path.rglob("*"))
                if file.is_file() and not file.name.startswith(".") and _readable(file)
            )
        elif _GLOB_CHARACTERS & set(argument) and not _paths.exists(path):
            base = Path(glob.escape(argument).split("[*]", 1)[0].split("[?]", 1)[0]).parent
            matches = sorted(Path(m) for m in glob.glob(argument, recursive=True))  # noqa: PTH207 - Path.glob takes no absolute patterns
            if not matches:
                raise click.UsageError(f"no file matches {argument!r}")
            found.extend((m, _relative(m, base)) for m in matches if m.is_file())
        else:
            found.append((path, Path(path.name)))
    if not found:
        # As for a pattern matching nothing: an empty or unreadable directory is a slip.
        raise click.UsageError(f"no file newsdoc reads in {', '.join(map(repr, arguments))}")
    return found


def _relative(path: Path, base: Path) -> Path:
    try:
        return path.relative_to(base)
    except ValueError:
        return Path(path.name)


def _readable(path: Path) -> bool:
    try:
        return REGISTRY.for_path(path).can_read
    except UnknownFormatError:
        return False


def holds_many(fmt: Format, output: str) -> bool:
    """Whether *output* is one file that receives every article (not a directory)."""
    return (
        Feature.COLLECTIONS in fmt.carries
        and not output.endswith(("/", os.sep))
        and not Path(output).is_dir()
    )


@frozen(kw_only=True)
class Plan:
    """What a batch does with its inputs: the command line's options."""

    from_format: str | None
    fmt_out: Format
    output: str
    options: dict[str, Any] = field(hash=False)
    jobs: int
    quiet: bool
    fail_fast: bool
    skip_existing: bool


def run(inputs: list[tuple[Path, Path]], plan: Plan) -> bool:
    """Convert *inputs*; print one line per failure and a summary; return success."""
    started = time.perf_counter()
    tally = {"converted": 0, "failed": 0, "skipped": 0, "articles": 0}
    show_progress = not plan.quiet and len(inputs) > 1 and sys.stderr.isatty()
    bar_context = click.progressbar(length=len(inputs), file=sys.stderr, label="converting")
    with bar_context if show_progress else _NoBar() as bar:
        if holds_many(plan.fmt_out, plan.output):
            _collect(inputs, plan, tally, bar)
        else:
            _mirror(inputs, plan, tally, bar)
    if not plan.quiet and len(inputs) > 1:
        elapsed = time.perf_counter() - started
        rate = tally["articles"] / elapsed if elapsed else 0.0
        click.echo(
            f"newsdoc: {tally['converted']} converted, {tally['failed']} failed, {tally['skipped']} skipped "
            f"in {elapsed:.1f} s ({rate:.1f} articles/s)",
            err=True,
        )
    return tally["failed"] == 0


class _NoBar:
    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def update(self, _: int) -> None:
        return None


class _Stop(Exception):  # noqa: N818 - control flow, never seen by users
    """--fail-fast: the first failure ends the batch."""


def _fail(message: str, tally: dict[str, int], fail_fast: bool) -> None:
    from newsdoc.cli import one_line

    click.echo(f"newsdoc: error: {one_line(message)}", err=True)
    tally["failed"] += 1
    if fail_fast:
        raise _Stop


def _mirror(inputs: list[tuple[Path, Path]], plan: Plan, tally: dict[str, int], bar: Any) -> None:
    fmt_out = plan.fmt_out
    if plan.output == "-":
        raise click.UsageError(
            "several inputs need -o DIR, or -o FILE of a format that holds many articles "
            f"({fmt_out.name} does not)"
        )
    suffix = fmt_out.suffixes[0] if fmt_out.suffixes else f".{fmt_out.name}"
    tasks = []
    claimed: dict[Path, Path] = {}  # each output, and the input that writes it
    try:
        for source, relative in inputs:
            target = Path(plan.output) / relative.with_suffix(suffix)
            if target in claimed:
                # a/x.json and b/x.json named both mirror to DIR/x: never write one over the other.
                bar.update(1)
                _fail(
                    f"{source}: its output {target} is also {claimed[target]}'s; not converted",
                    tally,
                    plan.fail_fast,
                )
                continue
            claimed[target] = source
            if plan.skip_existing and target.exists():
                tally["skipped"] += 1
                bar.update(1)
                continue
            tasks.append((str(source), str(target), plan.from_format, fmt_out.name, plan.options))
    except _Stop:
        return
    try:
        for name, problem in ordered_map(_convert_file, tasks, jobs=plan.jobs):
            bar.update(1)
            if problem is None:
                tally["converted"] += 1
                tally["articles"] += 1
            else:
                _fail(problem if problem.startswith(name) else f"{name}: {problem}", tally, plan.fail_fast)
    except _Stop:
        return


def _convert_file(task: tuple[str, str, str | None, str, dict[str, Any]]) -> tuple[str, str | None]:
    """Worker: read one file and write its conversion atomically; say what went wrong."""
    from newsdoc.api import write

    source, target, from_format, to_format, options = task
    try:
        doc = read(Path(source), from_format)
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        output = write(doc, None, to_format, **options)
        assert output is not None
        # Renamed into place, not flushed to disk one by one: see atomic_writer.
        write_atomically(target, output.encode("utf-8") if isinstance(output, str) else output, durable=False)
    except ReadError as error:
        return source, str(error)
    except NewsdocError as error:
        return source, f"{target}: {error}"
    except OSError as error:
        return source, f"{error.filename or source}: {error.strerror or error}"
    return source, None


def _collect(inputs: list[tuple[Path, Path]], plan: Plan, tally: dict[str, int], bar: Any) -> None:
    from_format, fail_fast = plan.from_format, plan.fail_fast

    def articles() -> Iterator[Article]:
        tasks = [(str(source), from_format) for source, _ in inputs]
        for source, result in ordered_map(_read_articles, tasks, jobs=plan.jobs):
            bar.update(1)
            if isinstance(result, str):
                _fail(result, tally, fail_fast)
                continue
            tally["converted"] += 1
            if result is None:  # a streaming format: read here, one article at a time
                try:
                    for article in iter_articles(Path(source), from_format):
                        tally["articles"] += 1
                        yield article
                except (NewsdocError, OSError) as error:
                    _fail(str(error), tally, fail_fast)
                continue
            tally["articles"] += len(result)
            yield from result

    try:
        if plan.output == "-":
            plan.fmt_out.write_articles(articles(), sys.stdout.buffer, **plan.options)
        else:
            with atomic_writer(plan.output) as stream:
                plan.fmt_out.write_articles(articles(), stream, **plan.options)
    except _Stop:
        return
    except (NewsdocError, OSError) as error:
        # The writer failed (a missing extra, --strict): the output is not left behind.
        _fail(f"{plan.output}: {error}", tally, fail_fast=False)


def streams_articles(source: str, from_format: str | None) -> bool:
    """Whether *source* is read one article at a time (JSON Lines), in constant memory."""
    try:
        fmt = REGISTRY.get(from_format) if from_format else REGISTRY.for_path(source)
    except UnknownFormatError:
        return False  # read() will look at the content
    return fmt.stream_reader is not None


def _read_articles(task: tuple[str, str | None]) -> tuple[str, list[Article] | str | None]:
    """Worker: the articles in one file, an error line, or None for formats read by streaming."""
    source, from_format = task
    try:
        if streams_articles(source, from_format):
            return source, None
        doc = read(Path(source), from_format)
    except (ReadError, UnknownFormatError) as error:
        return source, f"{source}: {error}" if not str(error).startswith(source) else str(error)
    except NewsdocError as error:
        return source, f"{source}: {error}"
    except OSError as error:
        return source, f"{source}: {error.strerror or error}"
    return source, list(doc.articles) if isinstance(doc, Collection) else [doc]
