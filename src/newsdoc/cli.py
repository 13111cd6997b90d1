"""The ``newsdoc`` command: ``convert``, ``formats`` and ``schema``.

:func:`main` returns the exit code instead of exiting, so tests call ``main([...])``:
0 on success, 1 when an input cannot be read or an output written, 2 on a usage error.
Problems are printed as one line each on stderr, never as a traceback.
"""

from __future__ import annotations

import errno
import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from newsdoc._version import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_GLOBS = frozenset("*?[")


class _CommandFailedError(Exception):
    """Ends a command with exit code 1 after its message has been printed."""


def _error(message: str) -> None:
    click.echo(f"newsdoc: error: {one_line(message)}", err=True)


def one_line(message: str) -> str:
    """*message* on one line: a file name may hold a line break, a problem is one line."""
    return message.replace("\r", "\\r").replace("\n", "\\n")


@contextmanager
def _warnings_as_lines() -> Iterator[None]:
    """Print each warning as one ``newsdoc: warning:`` line, after the command."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            for warning in caught:
                click.echo(f"newsdoc: warning: {warning.message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="newsdoc", message="%(prog)s %(version)s")
def cli() -> None:
    """Convert news articles between formats, keeping bylines, captions and credits."""


@cli.command()
@click.argument("inputs", metavar="INPUT...", nargs=-1, required=True)
@click.option(
    "-f",
    "--from",
    "from_format",
    metavar="FORMAT",
    help="Input format (default: from the suffix, then the content).",
)
@click.option(
    "-t",
    "--to",
    "to_format",
    metavar="FORMAT",
    help="Output format (default: from the -o suffix, else json).",
)
@click.option(
    "-o",
    "--output",
    metavar="OUTPUT",
    default="-",
    show_default=True,
    help="Output file or directory; - is stdout.",
)
@click.option("--pretty", is_flag=True, help="Indent the output, for formats that can (json).")
@click.option("--strict", is_flag=True, help="Fail instead of warning when the output format drops content.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for many inputs (default: one per core).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first input that fails.")
@click.option("--skip-existing", is_flag=True, help="Leave outputs that already exist alone (with -o DIR).")
@click.option("--title", metavar="TEXT", help="Title of a collection being written (an EPUB digest).")
@click.option("--date", "date_", metavar="YYYY-MM-DD", help="Date of a collection being written.")
@click.option("--fetch-images", is_flag=True, help="Download remote images into the output (EPUB).")
@click.option(
    "--fetch-private-hosts",
    is_flag=True,
    help="With --fetch-images, also from private, loopback and link-local addresses (an intranet).",
)
def convert(  # noqa: PLR0917 - click passes every option
    inputs: tuple[str, ...],
    from_format: str | None,
    to_format: str | None,
    output: str,
    pretty: bool,
    strict: bool,
    jobs: int | None,
    quiet: bool,
    fail_fast: bool,
    skip_existing: bool,
    title: str | None,
    date_: str | None,
    fetch_images: bool,
    fetch_private_hosts: bool,
) -> None:
    """Convert INPUT files (or - for stdin) to another format.

    Many inputs, directories (walked recursively) and glob patterns convert in
    worker processes: into a directory with -o DIR, mirroring the input tree, or
    all into one file of a format that holds many articles (-o all.jsonl).

    \b
    Examples:
      newsdoc convert article.json -o article.jsonl
      cat article.json | newsdoc convert - -t json --pretty
      newsdoc convert archive/ -o converted/ -t json --jobs 2
      newsdoc convert 'pages/**/*.json' -o corpus.jsonl
    """
    import newsdoc

    if "" in inputs or "" in (output, from_format, to_format):
        raise click.UsageError("an empty argument names no file and no format")
    try:
        if to_format:
            fmt_out = newsdoc.get_format(to_format)
        elif output == "-":
            fmt_out = newsdoc.get_format("json")
        else:
            fmt_out = newsdoc.format_for_path(output)
    except newsdoc.UnknownFormatError as error:
        raise click.UsageError(str(error)) from None
    if not fmt_out.can_write:
        raise click.UsageError(f"{fmt_out.name} can be read but not written")
    options = _writer_options(
        pretty=pretty, strict=strict, title=title, date=date_, fetch_images=fetch_images
    )
    if fetch_private_hosts:
        options["fetch_private_hosts"] = True
    _supported(fmt_out, options)
    if output == "-" and fmt_out.binary and sys.stdout.isatty():
        raise click.UsageError(f"{fmt_out.name} is binary; refusing to write it to a terminal (use -o FILE)")

    if _many(inputs) or _streamed(inputs[0], from_format, fmt_out, output):
        _convert_batch(
            inputs,
            from_format=from_format,
            fmt_out=fmt_out,
            output=output,
            options=options,
            jobs=jobs if _many(inputs) else 1,
            quiet=quiet,
            fail_fast=fail_fast,
            skip_existing=skip_existing,
        )
        return
    input_path = inputs[0]
    try:
        # A Path, so that a file named like content ("{draft}.json") is still a file.
        source: Any = _stdin().read() if input_path == "-" else Path(input_path)
        doc = newsdoc.read(source, from_format)
    except newsdoc.UnknownFormatError as error:
        raise click.UsageError(str(error)) from None
    except (newsdoc.ReadError, newsdoc.MissingDependencyError) as error:
        if isinstance(error, newsdoc.ReadError) and error.source is None:
            error.source = "<stdin>" if input_path == "-" else input_path
        _error(str(error))
        raise _CommandFailedError from None
    except OSError as error:
        _error(f"{input_path}: {error.strerror or error}")
        raise _CommandFailedError from None
    if isinstance(doc, newsdoc.Article) and ("title" in options or "date" in options):
        raise click.UsageError(
            "--title and --date name a collection; one article keeps its own headline and date"
        )
    try:
        newsdoc.write(doc, _stdout() if output == "-" else output, fmt_out.name, **options)
    except (newsdoc.WriteError, newsdoc.MissingDependencyError) as error:
        _error(f"{output}: {error}")
        raise _CommandFailedError from None
    except OSError as error:
        _error(f"{output}: {error.strerror or error}")
        raise _CommandFailedError from None


def _writer_options(
    *, pretty: bool, strict: bool, title: str | None, date: str | None, fetch_images: bool
) -> dict[str, Any]:
    """The writer options the flags ask for; _supported() checks the writer takes them."""
    options: dict[str, Any] = {}
    if pretty:
        options["pretty"] = True
    if strict:
        options["strict"] = True
    if title is not None:
        options["title"] = title
    if date is not None:
        options["date"] = _date(date)
    if fetch_images:
        options["fetch_images"] = True
    return options


def _date(text: str) -> Any:
    import datetime as dt

    try:
        value = dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(
            f"{text!r} is not an ISO date such as 2026-11-24", param_hint="--date"
        ) from None
    if isinstance(value, dt.datetime) and value.utcoffset() is None:
        raise click.BadParameter(
            f"{text!r} has a time but no offset; add one, as in {text}+00:00", param_hint="--date"
        )
    return value


def _many(inputs: tuple[str, ...]) -> bool:
    from newsdoc import _paths

    return len(inputs) > 1 or any(
        _paths.is_dir(i) or (_GLOBS & set(i) and not _paths.exists(i)) for i in inputs
    )


def _streamed(input_path: str, from_format: str | None, fmt_out: Any, output: str) -> bool:
    """JSON Lines into JSON Lines (or another streaming format): never held whole."""
    if input_path == "-":
        return False
    from newsdoc._batch_command import holds_many, streams_articles

    streams_out = fmt_out.stream_writer is not None and holds_many(fmt_out, output)
    return streams_out and streams_articles(input_path, from_format)


def _convert_batch(inputs: tuple[str, ...], *, jobs: int | None, **plan: Any) -> None:
    """Many inputs, directories or globs: convert them in workers (see _batch_command)."""
    from newsdoc import _batch_command, batch

    if "-" in inputs:
        raise click.UsageError("- (stdin) cannot be one of several inputs")
    settings = _batch_command.Plan(jobs=jobs or batch.default_jobs(), **plan)
    if not _batch_command.run(_batch_command.expand(inputs), settings):
        raise _CommandFailedError


def _supported(fmt: Any, options: dict[str, Any]) -> None:
    """Drop --strict for lossless writers (nothing to be strict about); refuse other misfits."""
    import inspect

    from newsdoc.formats.registry import _resolve

    parameters = inspect.signature(_resolve(fmt.writer)).parameters
    if any(p.kind is p.VAR_KEYWORD for p in parameters.values()):
        return
    if "strict" not in parameters:
        options.pop("strict", None)
    for name in options:
        if name not in parameters:
            option = name.replace("_", "-")
            raise click.UsageError(f"--{option} does not apply to {fmt.name} output")


def _stdin() -> IO[bytes]:
    if sys.stdin is None:  # started with standard input closed (`<&-`)
        raise OSError(errno.EBADF, "standard input is closed", "-")
    return sys.stdin.buffer


def _stdout() -> IO[bytes]:
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        raise OSError(errno.EBADF, "standard output is closed", "-")
    return sys.stdout.buffer


@cli.command("formats")
@click.option("--json", "as_json", is_flag=True, help="List as JSON, for scripts.")
def list_formats(as_json: bool) -> None:
    """List the formats: what each reads, writes and can carry."""
    import newsdoc

    rows = newsdoc.available_formats()
    if as_json:
        import orjson

        listing = [
            {
                "name": f.name,
                "aliases": list(f.aliases),
                "suffixes": list(f.suffixes),
                "media_type": f.media_type,
                "binary": f.binary,
                "read": f.can_read,
                "write": f.can_write,
                "carries": sorted(f.carries),
                "description": f.description,
            }
            for f in rows
        ]
        _stdout().write(orjson.dumps(listing, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))
        return
    width = max((len(f.name) for f in rows), default=4)
    lines = []
    for f in rows:
        modes = " ".join(m for m, ok in (("read", f.can_read), ("write", f.can_write)) if ok)
        missing = sorted(newsdoc.EVERYTHING - f.carries)
        carries = "carries everything" if not missing else f"drops {', '.join(missing)}"
        lines.append(f"{f.name:<{width}}  {modes:<10}  {' '.join(f.suffixes):<16}  {carries}\n")
        if f.description:
            lines.append(f"{'':<{width}}  {f.description}\n")
    # Through the byte stream, as every command writes: a closed or full output is an error.
    _stdout().write("".join(lines).encode("utf-8"))


@cli.command()
@click.option(
    "-o", "--output", metavar="OUTPUT", default="-", help="Write the schema to a file; - is stdout."
)
def schema(output: str) -> None:
    """Print the JSON Schema (Draft 2020-12) of newsdoc JSON."""
    import orjson

    import newsdoc
    from newsdoc._atomic import write_atomically

    data = orjson.dumps(newsdoc.json_schema(), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    if not output:
        raise click.BadParameter("an empty name is no file; use - for standard output", param_hint="-o")
    if output == "-":
        _stdout().write(data)
    else:
        try:
            write_atomically(output, data)
        except OSError as error:
            _error(f"{output}: {error.strerror or error}")
            raise _CommandFailedError from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit code."""
    try:
        with _warnings_as_lines():
            cli.main(
                args=list(argv) if argv is not None else None, prog_name="newsdoc", standalone_mode=False
            )
    except click.UsageError as error:
        command = error.ctx.command_path if error.ctx else "newsdoc"
        message = error.format_message()
        if isinstance(error, click.exceptions.NoArgsIsHelpError):
            message = "name a command: convert, formats or schema"
        _error(f"{message.strip()} (see: {command} --help)")
        return EXIT_USAGE
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.Abort:
        _error("interrupted")
        return 130
    except _CommandFailedError:
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader of stdout went away (`| head`); that is not our failure.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        # Standard output full (ENOSPC, `> /dev/full`) or closed: the only output left
        # unguarded by the commands, which report their own files.
        _error(f"{error.filename or 'standard output'}: {error.strerror or error}")
        return EXIT_FAILED
    return EXIT_OK


def run() -> None:
    """The console script: :func:`main` with the process's arguments."""
    sys.exit(main())
