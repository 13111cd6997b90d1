"""HTML: semantic HTML5 pages with JSON-LD, written safely and read back without loss.

This module holds only the format record; the reader and writer load lxml on first use.
"""

from __future__ import annotations

from newsdoc.fidelity import EVERYTHING
from newsdoc.formats.registry import Format

# How the start of a file says "HTML", most telling first, with the confidence each
# gives. Doctype and root element come from the HTML standard; the element names
# cover fragments such as CMS body HTML and RSS content:encoded.
_OPENINGS: tuple[tuple[bytes, float], ...] = (
    (b"<!doctype html", 1.0),
    (b"<html", 0.95),
    (b"<?xml", 0.0),  # XML: HTML only if an <html> element follows (XHTML)
    (b"<head", 0.9),
    (b"<body", 0.9),
    (b"<article", 0.9),
    (b"<main", 0.8),
    (b"<section", 0.7),
    (b"<header", 0.7),
    (b"<meta", 0.7),
    (b"<title", 0.7),
    (b"<div", 0.6),
    (b"<figure", 0.6),
    (b"<p>", 0.6),
    (b"<p ", 0.6),
    (b"<h1", 0.6),
    (b"<h2", 0.6),
    (b"<h3", 0.5),
    (b"<ul", 0.4),
    (b"<ol", 0.4),
    (b"<blockquote", 0.5),
    (b"<table", 0.5),
    (b"<!--", 0.0),  # a comment: HTML if an <html> element follows (browsers' "saved from")
)
_BOM = b"\xef\xbb\xbf"


def _sniff_html(head: bytes) -> float:
    text = head.removeprefix(_BOM).lstrip(b" \t\r\n").lower()
    if not text.startswith(b"<"):
        return 0.0
    for opening, confidence in _OPENINGS:
        if text.startswith(opening):
            if not confidence:
                return 0.8 if b"<html" in text else 0.0
            return confidence
    return 0.0


HTML = Format(
    name="html",
    description="HTML5: semantic article pages with JSON-LD; newsdoc's own pages read back losslessly",
    media_type="text/html",
    binary=False,
    suffixes=(".html", ".htm"),
    aliases=("htm",),
    reader="newsdoc.formats.html.read:read_html",
    writer="newsdoc.formats.html.write:write_html",
    carries=EVERYTHING,
    sniff=_sniff_html,
)
