"""The functions most users need: :func:`read`, :func:`write`, :func:`convert` and streaming."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from newsdoc import _paths
from newsdoc._atomic import atomic_writer, write_atomically
from newsdoc.errors import NewsdocError, ReadError, UnknownFormatError
from newsdoc.formats.registry import REGISTRY, SNIFF_BYTES, Format, _resolve
from newsdoc.model import Article, Collection

#: What :func:`read` accepts: a path, a binary file, or the bytes themselves.
Source = str | os.PathLike[str] | IO[bytes] | bytes | bytearray | memoryview
#: Where :func:`write` may write: a path or a binary file.
Target = str | os.PathLike[str] | IO[bytes]


def read(source: Source, format: str | None = None, **options: Any) -> Article | Collection:
    """Read a document from a path, a binary file or bytes.

    The format is *format* if given, else the one whose suffix the file name has,
    else the one that recognises the first bytes. *options* go to the reader; HTML,
    for example, takes ``url=``. Every reader returns a normalized document.

    >>> import newsdoc
    >>> doc = newsdoc.read(b'{"newsdoc":1,"type":"article","headline":"Hello"}')
    >>> doc.headline
    'Hello'

    Raises :class:`ReadError` (saying where) for input that is not a document, and
    :class:`UnknownFormatError` when no format fits.
    """
    data, name = _load(source)
    fmt = _reading_format(format, name, data)
    doc: Article | Collection = _call_reader(fmt, fmt.reader, name, data, options)
    return doc


def iter_articles(source: Source, format: str | None = None, **options: Any) -> Iterator[Article]:
    """Yield the articles in *source* one at a time: every article of a collection, or the one.

    Formats that can stream (JSON Lines) are read a line at a time, so memory stays
    flat however many articles a file holds.
    """
    if isinstance(source, str | os.PathLike):
        fmt = _reading_format(format, os.fspath(source), _head(source))
        with Path(source).open("rb") as stream:
            yield from _stream(fmt, stream, os.fspath(source), options)
    elif hasattr(source, "read"):
        name = _name_of(source)
        if format is None and name is None:
            data, name = _load(source)
            fmt = _reading_format(None, name, data)
            doc = _call_reader(fmt, fmt.reader, name, data, options)
            yield from doc.articles if isinstance(doc, Collection) else (doc,)
            return
        fmt = _reading_format(format, name, b"")
        yield from _stream(fmt, source, name, options)  # type: ignore[arg-type]
    else:
        doc = read(source, format, **options)
        yield from doc.articles if isinstance(doc, Collection) else (doc,)


def write(
    doc: Article | Collection, target: Target | None = None, format: str | None = None, **options: Any
) -> str | bytes | None:
    """Write *doc* to a path or binary file, or return it when *target* is None.

    Returned output is ``str`` for text formats and ``bytes`` for binary ones. The
    format is *format*, else the one whose suffix *target* has. A file is replaced
    atomically: it is the old file or the whole new one, never a part.

    >>> import newsdoc
    >>> newsdoc.write(newsdoc.Article(headline="Hello"), format="json")
    '{"newsdoc":1,"type":"article","headline":"Hello"}\\n'
    """
    if not isinstance(doc, Article | Collection):
        raise TypeError(f"write() takes an Article or a Collection, not {type(doc).__name__}")
    fmt = _writing_format(format, target)
    if fmt.writer is None:
        raise UnknownFormatError(f"{fmt.name} can be read but not written")
    writer = _resolve(fmt.writer)
    _check_options(writer, fmt.name, options)
    output = writer(doc, **options)
    if target is None:
        return output  # type: ignore[no-any-return]
    data = output.encode("utf-8") if isinstance(output, str) else output
    if isinstance(target, str | os.PathLike):
        write_atomically(target, data)
    else:
        target.write(data)
    return None


def write_articles(
    articles: Iterable[Article],
    target: str | os.PathLike[str] | IO[bytes],
    format: str | None = None,
    **options: Any,
) -> int:
    """Write *articles* to *target* one at a time, streaming where the format can.

    Returns how many were written. A path is replaced atomically once every article
    is written, so an interrupted run leaves the old file (or none), never a part.
    """
    fmt = _writing_format(format, target)
    if isinstance(target, str | os.PathLike):
        with atomic_writer(target) as stream:
            return fmt.write_articles(articles, stream, **options)
    return fmt.write_articles(articles, target, **options)


def convert(
    source: Source,
    target: Target | None = None,
    *,
    from_format: str | None = None,
    to_format: str | None = None,
    read_options: Mapping[str, Any] | None = None,
    write_options: Mapping[str, Any] | None = None,
) -> str | bytes | None:
    """Read *source* and write it to *target* (or return it), like ``newsdoc convert``.

    >>> import newsdoc
    >>> newsdoc.convert(b'{"newsdoc":1,"type":"article","headline":"Hi"}', to_format="jsonl")
    '{"newsdoc":1,"type":"article","headline":"Hi"}\\n'
    """
    doc = read(source, from_format, **(read_options or {}))
    return write(doc, target, to_format, **(write_options or {}))


# --- helpers -------------------------------------------------------------------------


def _name_of(source: object) -> str | None:
    name = getattr(source, "name", None)
    return name if isinstance(name, str) and not name.startswith("<") else None


def _load(source: Source) -> tuple[bytes, str | None]:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source), None
    if isinstance(source, str) and _looks_like_content(source) and not _paths.exists(source):
        raise TypeError("read() takes a path, a binary file or bytes; encode a str of content first")
    if isinstance(source, str | os.PathLike):
        return Path(source).read_bytes(), os.fspath(source)
    if hasattr(source, "read"):
        data = source.read()
        if not isinstance(data, bytes):
            raise TypeError("read() needs a file opened in binary mode ('rb')")
        return data, _name_of(source)
    raise TypeError(f"read() takes a path, a binary file or bytes, not {type(source).__name__}")


def _looks_like_content(text: str) -> bool:
    """Whether a str is more likely a document than a file name (a common slip)."""
    return "\n" in text or text.lstrip()[:1] in {"{", "<", "["} or len(text) > 4096  # noqa: PLR2004


def _head(path: str | os.PathLike[str]) -> bytes:
    with Path(path).open("rb") as stream:
        return stream.read(SNIFF_BYTES)


def _reading_format(format: str | None, name: str | None, data: bytes) -> Format:
    fmt: Format | None = REGISTRY.get(format) if format is not None else None
    if fmt is None and name is not None:
        try:
            fmt = REGISTRY.for_path(name)
        except UnknownFormatError:
            fmt = None  # an unknown suffix: let the content decide
    if fmt is None:
        fmt = REGISTRY.detect(data[:SNIFF_BYTES])
    if not fmt.can_read:
        raise UnknownFormatError(f"{fmt.name} can be written but not read")
    return fmt


def _writing_format(format: str | None, target: object) -> Format:
    if format is not None:
        return REGISTRY.get(format)
    name = os.fspath(target) if isinstance(target, str | os.PathLike) else _name_of(target)
    if name is None:
        raise UnknownFormatError("name a format: there is no file name to take it from")
    return REGISTRY.for_path(name)


def _check_options(function: Callable[..., Any], format: str, options: Mapping[str, Any]) -> None:
    if not options:
        return
    import inspect

    parameters = inspect.signature(function).parameters
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        return
    unknown = sorted(set(options) - {n for n, p in parameters.items() if p.kind is p.KEYWORD_ONLY})
    if unknown:
        known = ", ".join(n for n, p in parameters.items() if p.kind is p.KEYWORD_ONLY) or "none"
        raise TypeError(f"{format} does not take the option(s) {', '.join(unknown)}; it takes: {known}")


def _call_reader(
    fmt: Format,
    reader: Callable[..., Any] | str | None,
    name: str | None,
    data: Any,
    options: Mapping[str, Any],
) -> Any:
    function = _resolve(reader)  # type: ignore[arg-type]
    _check_options(function, fmt.name, options)
    try:
        return function(data, **options)
    except ReadError as error:
        if error.source is None:
            error.source = name
        raise
    except NewsdocError:
        raise
    except RecursionError:
        raise ReadError("nested too deeply", format=fmt.name, source=name) from None
    except Exception as error:
        raise ReadError(
            f"unexpected {type(error).__name__}: {error}", format=fmt.name, source=name
        ) from error


def _stream(
    fmt: Format, stream: IO[bytes], name: str | None, options: Mapping[str, Any]
) -> Iterator[Article]:
    iterator = fmt.iter_articles(stream, **options)
    while True:
        try:
            article = next(iterator)
        except StopIteration:
            return
        except ReadError as error:
            if error.source is None:
                error.source = name
            raise
        except NewsdocError:
            raise
        except Exception as error:
            raise ReadError(
                f"unexpected {type(error).__name__}: {error}", format=fmt.name, source=name
            ) from error
        yield article


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (Draft 2020-12) of newsdoc JSON; also ``newsdoc schema``.

    >>> import newsdoc
    >>> newsdoc.json_schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    from newsdoc.formats.json.schema import json_schema as build

    return build()
