"""The text of any node as a person would read it, without markup."""

from __future__ import annotations

from collections.abc import Sequence

from newsdoc.model import (
    INLINE_TYPES,
    Article,
    Author,
    BulletList,
    Code,
    CodeBlock,
    Collection,
    Divider,
    Embed,
    Figure,
    Image,
    LineBreak,
    Node,
    OrderedList,
    PullQuote,
    Quote,
    Table,
    TableCell,
    Text,
)


def plain_text(node: Node | Sequence[Node]) -> str:
    """Return the text of an inline, a block, a sequence of either, or a document.

    Inlines run together, a line break becomes a newline, and blocks are separated
    by blank lines. An article gives its headline, dek, lead caption and body.

    >>> from newsdoc import Emphasis, Paragraph, Text, plain_text
    >>> plain_text((Paragraph((Text("One "), Emphasis((Text("two"),)))), Paragraph((Text("Three"),))))
    'One two\\n\\nThree'
    """
    if isinstance(node, Sequence) and not isinstance(node, str):
        return _sequence(node)
    return _node(node)


def _sequence(nodes: Sequence[Node]) -> str:
    if not nodes:
        return ""
    if isinstance(nodes[0], INLINE_TYPES):
        return "".join(_node(n) for n in nodes)
    return "\n\n".join(text for text in map(_node, nodes) if text)


def _node(node: Node) -> str:
    if isinstance(node, Text | Code):
        return node.text
    if isinstance(node, LineBreak):
        return "\n"
    if isinstance(node, Article):
        parts = [node.headline, node.dek or "", _node(node.lead) if node.lead else "", _sequence(node.body)]
        return "\n\n".join(part for part in parts if part)
    if isinstance(node, Collection):
        return "\n\n".join(text for text in map(_node, node.articles) if text)
    if isinstance(node, Author):
        return node.name
    if isinstance(node, Image):
        return node.alt or ""
    if isinstance(node, Quote | PullQuote):
        body = _sequence(node.body) if isinstance(node, Quote) else _sequence(node.content)
        attribution = _sequence(node.attribution)
        return f"{body}\n\n— {attribution}" if attribution else body
    if isinstance(node, BulletList | OrderedList):
        return "\n".join(_sequence(item) for item in node.items)
    if isinstance(node, Figure):
        caption = _sequence(node.caption)
        return " ".join(part for part in (caption, node.credit) if part)
    if isinstance(node, Embed):
        return _sequence(node.caption)
    if isinstance(node, Table):
        rows = [*node.head, *node.body]
        lines = ["\t".join(_node(cell) for cell in row) for row in rows]
        caption = _sequence(node.caption)
        return "\n".join([caption, *lines] if caption else lines)
    if isinstance(node, TableCell):
        return _sequence(node.content)
    if isinstance(node, CodeBlock):
        return node.text
    if isinstance(node, Divider):
        return ""
    return _sequence(node.content)
