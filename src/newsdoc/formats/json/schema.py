"""The JSON Schema (Draft 2020-12) of newsdoc JSON, as a Python value.

Kept by hand next to the converter rather than generated, so that each constraint
reads as a sentence; ``tests/test_json_schema.py`` checks it covers every model field.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from newsdoc.formats.json.converter import SCHEMA_VERSION, VERSION_KEY

#: Where the schema says it lives; a URN, since it ships inside the package.
SCHEMA_ID = f"urn:newsdoc:schema:json:{SCHEMA_VERSION}"

# Text the model accepts: no C0/C1 controls but TAB, LF and CR, no BMP noncharacters
# (see newsdoc._characters; astral noncharacters are left to the reader's check).
_TEXT = {
    "type": "string",
    "pattern": (
        "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\ufdd0-\\ufdef\\ufffe\\uffff]*$"
    ),
}
_INLINES = {"type": "array", "items": {"$ref": "#/$defs/inline"}}
_BLOCKS = {"type": "array", "items": {"$ref": "#/$defs/block"}}
_WHEN = {
    "anyOf": [
        {"type": "string", "format": "date", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"},
        {
            "type": "string",
            "format": "date-time",
            "pattern": (
                "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?"
                "(Z|[+-]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?)$"
            ),
        },
    ],
    "description": "A calendar date, or a date-time with its UTC offset (ISO 8601).",
}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def _node(
    tag: str | None, description: str, properties: dict[str, Any], required: tuple[str, ...] = ()
) -> dict[str, Any]:
    props = dict(properties)
    if tag is not None:
        props = {"type": {"const": tag}, **props}
    schema: dict[str, Any] = {
        "type": "object",
        "description": description,
        "properties": props,
        "additionalProperties": False,
    }
    needed = (("type",) if tag is not None else ()) + required
    if needed:
        schema["required"] = list(needed)
    return schema


def _marked(tag: str, description: str) -> dict[str, Any]:
    return _node(tag, description, {"content": _INLINES}, ("content",))


def _int(minimum: int, maximum: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "integer", "minimum": minimum}
    if maximum is not None:
        out["maximum"] = maximum
    return out


_ARTICLE_PROPERTIES: dict[str, Any] = {
    "headline": _TEXT,
    "dek": _TEXT,
    "authors": {"type": "array", "items": _ref("author")},
    "dateline": _TEXT,
    "published": _WHEN,
    "updated": _WHEN,
    "section": _TEXT,
    "tags": {"type": "array", "items": _TEXT},
    "url": _TEXT,
    "language": {"type": "string", "pattern": "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"},
    "publisher": _TEXT,
    "lead": _ref("figure"),
    "body": _BLOCKS,
}

_DEFS: dict[str, Any] = {
    "inline": {
        "description": "Inline content: a bare string is a run of text.",
        "oneOf": [
            _TEXT,
            *(
                _ref(name)
                for name in (
                    "text",
                    "emphasis",
                    "strong",
                    "link",
                    "code",
                    "subscript",
                    "superscript",
                    "strikethrough",
                    "line_break",
                )
            ),
        ],
    },
    "text": _node("text", "A run of text, spelled out.", {"text": _TEXT}, ("text",)),
    "emphasis": _marked("emphasis", "Emphasised text."),
    "strong": _marked("strong", "Strongly emphasised text."),
    "subscript": _marked("subscript", "Subscript text."),
    "superscript": _marked("superscript", "Superscript text."),
    "strikethrough": _marked("strikethrough", "Struck-out text."),
    "link": _node(
        "link", "A hyperlink.", {"href": _TEXT, "content": _INLINES, "title": _TEXT}, ("href", "content")
    ),
    "code": _node("code", "Inline code.", {"text": _TEXT}, ("text",)),
    "line_break": _node("line_break", "A hard line break.", {}),
    "block": {
        "description": "A block of the body.",
        "oneOf": [
            _ref(name)
            for name in (
                "paragraph",
                "heading",
                "quote",
                "pull_quote",
                "bullet_list",
                "ordered_list",
                "figure_block",
                "embed",
                "table",
                "code_block",
                "divider",
            )
        ],
    },
    "paragraph": _node("paragraph", "A paragraph.", {"content": _INLINES}, ("content",)),
    "heading": _node(
        "heading", "A subheading.", {"level": _int(1, 6), "content": _INLINES}, ("level", "content")
    ),
    "quote": _node("quote", "A block quotation.", {"body": _BLOCKS, "attribution": _INLINES}, ("body",)),
    "pull_quote": _node(
        "pull_quote", "A pull quote.", {"content": _INLINES, "attribution": _INLINES}, ("content",)
    ),
    "bullet_list": _node(
        "bullet_list",
        "An unordered list; each item is an array of blocks.",
        {"items": {"type": "array", "items": _BLOCKS}},
        ("items",),
    ),
    "ordered_list": _node(
        "ordered_list",
        "A numbered list; each item is an array of blocks.",
        {"items": {"type": "array", "items": _BLOCKS}, "start": _int(0, 999_999_999)},
        ("items",),
    ),
    "image": _node(
        None,
        "An image.",
        {
            "src": _TEXT,
            "alt": _TEXT,
            "width": _int(1),
            "height": _int(1),
            "media_type": {
                "type": "string",
                "pattern": "^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$",
            },
        },
        ("src",),
    ),
    "figure": _node(
        None,
        "An image with its caption and credit.",
        {"image": _ref("image"), "caption": _INLINES, "credit": _TEXT},
    ),
    "embed": _node(
        "embed", "Embedded media.", {"url": _TEXT, "provider": _TEXT, "caption": _INLINES}, ("url",)
    ),
    "table_cell": _node(
        None,
        "A table cell.",
        {"content": _INLINES, "colspan": _int(1, 1000), "rowspan": _int(1, 65534)},
        ("content",),
    ),
    "table": _node(
        "table",
        "A data table: header rows, body rows, caption.",
        {
            "head": {"type": "array", "items": {"type": "array", "items": _ref("table_cell")}},
            "body": {"type": "array", "items": {"type": "array", "items": _ref("table_cell")}},
            "caption": _INLINES,
        },
    ),
    "code_block": _node("code_block", "Preformatted text.", {"text": _TEXT, "language": _TEXT}, ("text",)),
    "divider": _node("divider", "A thematic break.", {}),
    "author": _node(
        None,
        "A person credited with the article.",
        {"name": _TEXT, "title": _TEXT, "organization": _TEXT, "bio": _TEXT, "url": _TEXT},
        ("name",),
    ),
    "article": _node(None, "An article inside a collection.", _ARTICLE_PROPERTIES),
}
# A figure in the body carries the block's "type" tag; the lead figure does not.
_DEFS["figure_block"] = _node(
    "figure",
    "A figure in the body.",
    dict(_DEFS["figure"]["properties"]),
)


@cache
def _schema() -> dict[str, Any]:
    version = {"const": SCHEMA_VERSION, "description": "The schema version the document was written with."}
    article = _node(
        "article", "One news article.", {VERSION_KEY: version, **_ARTICLE_PROPERTIES}, (VERSION_KEY,)
    )
    collection = _node(
        "collection",
        "Several articles.",
        {
            VERSION_KEY: version,
            "title": _TEXT,
            "articles": {"type": "array", "items": _ref("article")},
            "published": _WHEN,
        },
        (VERSION_KEY,),
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "newsdoc JSON",
        "description": (
            f"A news article or a collection of articles, newsdoc JSON schema version {SCHEMA_VERSION}."
        ),
        "oneOf": [_ref("article_document"), _ref("collection_document")],
        "$defs": {**_DEFS, "article_document": article, "collection_document": collection},
    }


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (Draft 2020-12) that newsdoc JSON documents follow.

    Each JSON Lines line follows it too. A fresh copy is returned, so callers may
    change it.

    >>> import newsdoc
    >>> newsdoc.json_schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    return copy.deepcopy(_schema())
