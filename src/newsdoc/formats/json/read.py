"""Read newsdoc JSON and JSON Lines; refuse what does not fit the schema, saying where."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import orjson
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from newsdoc.canonical import normalize
from newsdoc.errors import ReadError
from newsdoc.formats.json.converter import DOCUMENT_TAGS, SCHEMA_VERSION, VERSION_KEY, converter
from newsdoc.model import Article, Collection

#: A JSON Lines line longer than this is refused rather than buffered.
MAX_LINE_BYTES = 64 * 1024 * 1024


#: How deep arrays and objects may nest: orjson's limit when writing JSON.
MAX_NESTING = 254


def read_json(data: bytes) -> Article | Collection:
    """Read one newsdoc JSON document (an article or a collection).

    Raises :class:`~newsdoc.ReadError` naming the JSON path and the problem when the
    document does not fit the schema, and the version when it comes from a newer one.
    """
    return _document(data, "json", location=None)


def read_json_lines(data: bytes) -> Collection:
    """Read JSON Lines, one article per line, into a :class:`~newsdoc.Collection`."""
    # Lines end at LF (JSON Lines), as a stream reads them; bytes.splitlines would also
    # split at a bare CR and at form feeds, and read a file the stream reader refuses.
    return Collection(articles=tuple(_lines(data.split(b"\n"))))


def iter_json_lines(stream: IO[bytes]) -> Iterator[Article]:
    """Yield the articles of a JSON Lines stream one at a time, in constant memory."""
    yield from _lines(_bounded_lines(stream))


def _bounded_lines(stream: IO[bytes]) -> Iterator[bytes]:
    number = 0
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        number += 1
        if not line:
            return
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            raise ReadError(
                f"line is longer than {MAX_LINE_BYTES} bytes", format="jsonl", location=f"line {number}"
            )
        yield line


def _lines(lines: Any) -> Iterator[Article]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        doc = _document(line, "jsonl", location=f"line {number}")
        if not isinstance(doc, Article):
            raise ReadError("each line must hold one article", format="jsonl", location=f"line {number}")
        yield doc


def _document(data: bytes, fmt: str, location: str | None) -> Article | Collection:
    def fail(reason: str, path: str | None = None) -> ReadError:
        where = ", ".join(part for part in (location, path) if part) or None
        return ReadError(reason, format=fmt, location=where)

    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError as error:
        line_hint = f"line {error.lineno}, column {error.colno}" if location is None else None
        raise fail(f"not valid JSON: {error.msg}", line_hint) from None
    if type(value) is not dict:
        raise fail("expected a JSON object holding a newsdoc document")
    try:
        # The writer's limit, checked where it is cheapest: serializing costs a
        # hundredth of reading, and what cannot be written back is not read.
        orjson.dumps(value)
    except orjson.JSONEncodeError:
        raise fail(f"nested too deeply: more than {MAX_NESTING} levels of arrays and objects") from None
    version = value.pop(VERSION_KEY, None)
    if version is None:
        raise fail(f'not a newsdoc document: no "{VERSION_KEY}" version key')
    if type(version) is not int or version < 1:
        raise fail(f'"{VERSION_KEY}" must be a positive integer schema version, not {version!r}', VERSION_KEY)
    if version > SCHEMA_VERSION:
        raise fail(
            f"written with newsdoc JSON schema version {version}; this newsdoc reads up to version "
            f"{SCHEMA_VERSION}: upgrade newsdoc to read it"
        )
    tag = value.pop("type", None)
    kind = DOCUMENT_TAGS.get(tag) if type(tag) is str else None
    if kind is None:
        raise fail(f'"type" must be one of {", ".join(DOCUMENT_TAGS)}, not {tag!r}', "type")
    try:
        doc: Article | Collection = converter().structure(value, kind)
    except RecursionError:
        raise fail("nested too deeply") from None
    except Exception:  # noqa: BLE001 - any failure is re-run below to find where it is
        path, reason = _explain(data, kind)
        raise fail(reason, path) from None
    return normalize(doc)


def _explain(data: bytes, kind: type) -> tuple[str | None, str]:
    """Structure again with detailed validation, and describe the first problem."""
    value = orjson.loads(data)
    value.pop(VERSION_KEY, None)
    value.pop("type", None)
    try:
        converter(detailed=True).structure(value, kind)
    except RecursionError:
        return None, "nested too deeply"
    except Exception as error:  # noqa: BLE001 - turned into a message, never re-raised
        return _first_problem(error, "")
    return None, "the document does not fit the schema"  # pragma: no cover - the fast path agrees


def _first_problem(error: BaseException, path: str) -> tuple[str | None, str]:
    if isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without_notes = error.group_exceptions()
        if without_notes:
            return path or None, _reason(without_notes[0])
        sub, note = with_notes[0]
        if isinstance(note, AttributeValidationNote):
            step = f"{path}.{note.name}" if path else note.name
        elif isinstance(note, IterableValidationNote):
            step = f"{path}[{note.index}]"
        else:  # pragma: no cover - cattrs only adds the two kinds above
            step = path
        return _first_problem(sub, step)
    return path or None, _reason(error)


def _reason(error: BaseException) -> str:
    if isinstance(error, ForbiddenExtraKeysError):
        # Quoted as JSON: a key may hold any character, a line break included.
        keys = ", ".join(orjson.dumps(key).decode() for key in sorted(error.extra_fields))
        return f"unexpected key{'s' if len(error.extra_fields) > 1 else ''}: {keys}"
    if isinstance(error, KeyError):
        return "this required key is missing"
    return str(error)
