"""The cattrs converters between the model and JSON-ready values.

Two converters share one set of hooks: a fast one for the common case, and one with
detailed validation, used only after a failure to say where the document went wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache
from typing import Any, get_args, get_origin

import attrs
from cattrs import Converter
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.preconf.orjson import make_converter

from newsdoc import model
from newsdoc._nodes import text
from newsdoc.model import Article, Block, Collection, Inline, Text

#: The version of the JSON layout this newsdoc writes; readers accept it and older.
SCHEMA_VERSION = 1
#: The key holding :data:`SCHEMA_VERSION` at the top of every document.
VERSION_KEY = "newsdoc"

# The "type" tag of every node that appears in a union (blocks, inlines, documents).
INLINE_TAGS: dict[str, type] = {
    "text": model.Text,
    "emphasis": model.Emphasis,
    "strong": model.Strong,
    "link": model.Link,
    "code": model.Code,
    "subscript": model.Subscript,
    "superscript": model.Superscript,
    "strikethrough": model.Strikethrough,
    "line_break": model.LineBreak,
}
BLOCK_TAGS: dict[str, type] = {
    "paragraph": model.Paragraph,
    "heading": model.Heading,
    "quote": model.Quote,
    "pull_quote": model.PullQuote,
    "bullet_list": model.BulletList,
    "ordered_list": model.OrderedList,
    "figure": model.Figure,
    "embed": model.Embed,
    "table": model.Table,
    "code_block": model.CodeBlock,
    "divider": model.Divider,
}
DOCUMENT_TAGS: dict[str, type] = {"article": Article, "collection": Collection}
TAG_OF: dict[type, str] = {
    cls: tag for table in (INLINE_TAGS, BLOCK_TAGS, DOCUMENT_TAGS) for tag, cls in table.items()
}

# ISO 8601 as Python writes it: a calendar date, or a date-time with a UTC offset
# ("Z" accepted on input, as RFC 3339 allows).
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)"
)

When = dt.datetime | dt.date | None


def _strict_str(value: Any, _: type) -> str:
    if type(value) is not str:
        raise TypeError(f"expected a string, got {_json_type(value)}")
    return value


def _strict_int(value: Any, _: type) -> int:
    if type(value) is not int:
        raise TypeError(f"expected an integer, got {_json_type(value)}")
    return value


def _json_type(value: Any) -> str:
    names = {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "a boolean",
        list: "an array",
        dict: "an object",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


def _structure_when(value: Any, _: type) -> dt.datetime | dt.date | None:
    if value is None:
        return None
    if type(value) is not str:
        raise TypeError(f"expected a date or date-time string, got {_json_type(value)}")
    if DATE.fullmatch(value):
        return dt.date.fromisoformat(value)
    if DATE_TIME.fullmatch(value):
        return dt.datetime.fromisoformat(value)
    raise ValueError(f"expected an ISO 8601 date (2024-03-25) or date-time with offset, got {value!r}")


def _unstructure_when(value: dt.datetime | dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _is_homogeneous_tuple(kind: Any) -> bool:
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis  # noqa: PLR2004


def _strict_tuple_factory(kind: Any, converter: Converter) -> Callable[[Any, Any], Any]:
    item_kind = get_args(kind)[0]
    if converter.detailed_validation:
        # cattrs' own hook notes the index of a failing item: the path in errors.
        inner = homogenous_tuple_structure_factory(kind, converter)

        def structure(value: Any, kind: Any) -> Any:
            if type(value) is not list:
                raise TypeError(f"expected an array, got {_json_type(value)}")
            return inner(value, kind)

        return structure

    item = converter.get_structure_hook(item_kind)
    if item_kind == Inline:
        # Bare strings are most of any article: build their Text without a hook call.
        def structure_inlines(value: Any, _: Any) -> Any:
            if type(value) is not list:
                raise TypeError(f"expected an array, got {_json_type(value)}")
            return tuple([text(e) if type(e) is str else item(e, item_kind) for e in value])

        return structure_inlines

    def structure_fast(value: Any, _: Any) -> Any:
        if type(value) is not list:
            raise TypeError(f"expected an array, got {_json_type(value)}")
        return tuple([item(element, item_kind) for element in value])

    return structure_fast


def _tagged(
    tags: dict[str, type], what: str, hooks: dict[type, Any], *, bare_text: bool
) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if bare_text and type(value) is str:
            return text(value)
        if type(value) is not dict:
            expected = "a string or an object" if bare_text else "an object"
            raise TypeError(f'expected {expected} with a "type", got {_json_type(value)}')
        tag = value.pop("type", None)
        cls = tags.get(tag) if type(tag) is str else None
        if cls is None:
            raise ValueError(f"unknown {what} type {tag!r}; expected one of: {', '.join(tags)}")
        return hooks[cls](value, cls)

    return structure


def _unstructure_tagged(hooks: dict[type, Any]) -> Callable[[Any], Any]:
    def unstructure(node: Any) -> Any:
        cls = type(node)
        if cls is Text:
            return node.text
        out = {"type": TAG_OF[cls]}
        out.update(hooks[cls](node))
        return out

    return unstructure


_CLASSES: tuple[type, ...] = (*TAG_OF, model.Image, model.TableCell, model.Author)


@cache
def converter(*, detailed: bool = False) -> Converter:
    """The converter for JSON-ready values; *detailed* validation names the failing path."""
    conv = make_converter(detailed_validation=detailed, forbid_extra_keys=True, omit_if_default=True)
    for cls in _CLASSES:
        attrs.resolve_types(cls)
    conv.register_structure_hook(str, _strict_str)
    conv.register_structure_hook(int, _strict_int)
    # Predicates rather than exact types: the preconf converter's own union handling
    # would otherwise claim this union first.
    conv.register_structure_hook_func(lambda kind: kind == When, _structure_when)
    conv.register_unstructure_hook_func(lambda kind: kind == When, _unstructure_when)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _strict_tuple_factory)
    # The union hooks go in first, so that the class hooks generated below pick them
    # up for their fields; they find the class hooks through these dicts, filled last.
    structure_hooks: dict[type, Any] = {}
    unstructure_hooks: dict[type, Any] = {}
    conv.register_structure_hook(Inline, _tagged(INLINE_TAGS, "inline", structure_hooks, bare_text=True))
    conv.register_structure_hook(Block, _tagged(BLOCK_TAGS, "block", structure_hooks, bare_text=False))
    tagged = _unstructure_tagged(unstructure_hooks)
    conv.register_unstructure_hook(Inline, tagged)
    conv.register_unstructure_hook(Block, tagged)
    # Node tuples become lists in one comprehension, without cattrs' per-item dispatch.
    node_tuples = (tuple[Inline, ...], tuple[Block, ...])
    conv.register_unstructure_hook_func(
        lambda kind: kind in node_tuples,
        lambda nodes: [n.text if type(n) is Text else tagged(n) for n in nodes],
    )
    for cls in _CLASSES:
        unstructure: Callable[[Any], Any] = make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)
        structure: Callable[[Any, Any], Any] = make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=True
        )
        conv.register_unstructure_hook(cls, unstructure)
        conv.register_structure_hook(cls, structure)
        unstructure_hooks[cls] = unstructure
        structure_hooks[cls] = structure
    return conv
