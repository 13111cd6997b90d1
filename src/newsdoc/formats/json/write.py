"""Write newsdoc JSON (one document) and JSON Lines (one article per line)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

import orjson

from newsdoc.errors import WriteError
from newsdoc.fidelity import report_dropped
from newsdoc.formats.json import JSON_LINES
from newsdoc.formats.json.converter import SCHEMA_VERSION, TAG_OF, VERSION_KEY, converter
from newsdoc.model import Article, Collection


def to_json_value(doc: Article | Collection) -> dict[str, Any]:
    """Return *doc* as JSON-ready Python values, in the layout :func:`write_json` writes."""
    if not isinstance(doc, Article | Collection):
        raise WriteError(f"expected an Article or a Collection, not {type(doc).__name__}")
    out: dict[str, Any] = {VERSION_KEY: SCHEMA_VERSION, "type": TAG_OF[type(doc)]}
    out.update(converter().unstructure(doc))
    return out


def write_json(doc: Article | Collection, *, pretty: bool = False) -> str:
    """Write *doc* as one JSON document: compact by default, indented with *pretty*.

    Keys come in a fixed order (the version, the type, then the model's field order)
    and fields holding their default value are left out.
    """
    options = orjson.OPT_INDENT_2 if pretty else 0
    return _dumps(to_json_value(doc), options | orjson.OPT_APPEND_NEWLINE).decode("utf-8")


def _dumps(value: Any, options: int) -> bytes:
    try:
        return orjson.dumps(value, option=options)
    except orjson.JSONEncodeError as error:  # only depth: every value here is JSON-ready
        raise WriteError(f"cannot write JSON: {error} (nested too deeply)") from None


def write_json_lines(doc: Article | Collection, *, strict: bool = False) -> str:
    """Write an article, or a collection's articles, as JSON Lines.

    A collection's own title and date have no line to go on: they are reported as
    dropped (a warning, or :class:`~newsdoc.WriteError` with *strict*).
    """
    report_dropped(doc, JSON_LINES.carries, format="jsonl", strict=strict)
    articles = doc.articles if isinstance(doc, Collection) else (doc,)
    return "".join(_line(article).decode("utf-8") for article in articles)


def stream_json_lines(articles: Iterable[Article], stream: IO[bytes]) -> int:
    """Write *articles* to *stream* one line at a time; return how many were written."""
    count = 0
    for article in articles:
        stream.write(_line(article))
        count += 1
    return count


def _line(article: Article) -> bytes:
    if not isinstance(article, Article):
        raise WriteError(f"JSON Lines holds articles, not {type(article).__name__}")
    return _dumps(to_json_value(article), orjson.OPT_APPEND_NEWLINE)
