"""newsdoc JSON (one document per file) and JSON Lines (one article per line).

Both are lossless for articles; JSON Lines leaves out a collection's own title and
date, since every line is an article.
"""

from __future__ import annotations

from newsdoc.fidelity import EVERYTHING, Feature
from newsdoc.formats.registry import Format

_VERSION_KEY = b'"newsdoc"'


def _sniff_json(head: bytes) -> float:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"{"):
        return 0.0
    if _VERSION_KEY not in text:
        return 0.1
    return 0.5 if b"\n{" in text else 1.0


def _sniff_json_lines(head: bytes) -> float:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"{") and b"\n{" in text and _VERSION_KEY in text:
        return 0.9
    return 0.0


JSON = Format(
    name="json",
    description="newsdoc JSON: the lossless, versioned form of the model",
    media_type="application/json",
    binary=False,
    suffixes=(".json",),
    reader="newsdoc.formats.json.read:read_json",
    writer="newsdoc.formats.json.write:write_json",
    carries=EVERYTHING,
    sniff=_sniff_json,
)

JSON_LINES = Format(
    name="jsonl",
    description="JSON Lines: one newsdoc JSON article per line, streamed",
    media_type="application/jsonl",
    binary=False,
    suffixes=(".jsonl", ".ndjson"),
    aliases=("json-lines", "ndjson"),
    reader="newsdoc.formats.json.read:read_json_lines",
    writer="newsdoc.formats.json.write:write_json_lines",
    stream_reader="newsdoc.formats.json.read:iter_json_lines",
    stream_writer="newsdoc.formats.json.write:stream_json_lines",
    carries=EVERYTHING - {Feature.COLLECTION_METADATA},
    sniff=_sniff_json_lines,
)
