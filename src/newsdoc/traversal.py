"""Visit and rewrite article trees: :func:`walk` yields nodes, :func:`transform` rebuilds.

Both know which fields hold child nodes, so user code never has to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import attrs

from newsdoc import model
from newsdoc.model import Node

N = TypeVar("N", bound=Node)

#: What a :func:`transform` callback may return: a node to put in place of the one
#: it was given, ``None`` to remove it, or a sequence of nodes to splice in its place.
Replacement = Node | Sequence[Node] | None

# How each field holds children: "one" (a node or None), "many" (a tuple of nodes),
# "nested" (a tuple of tuples of nodes: list items and table rows).
_SHAPES: dict[str, str] = {
    "lead": "one",
    "image": "one",
    "authors": "many",
    "body": "many",
    "content": "many",
    "attribution": "many",
    "caption": "many",
    "articles": "many",
    "items": "nested",
    "head": "nested",
}


_FIELDS: dict[type[Any], tuple[tuple[str, str], ...]] = {}


def _child_fields(cls: type[Any]) -> tuple[tuple[str, str], ...]:
    known = _FIELDS.get(cls)
    if known is not None:
        return known
    fields = []
    for attribute in attrs.fields(cls):
        shape = _SHAPES.get(attribute.name)
        if shape is None:
            continue
        if attribute.name == "body" and cls is model.Table:
            shape = "nested"  # Table.body holds rows, Article.body and Quote.body hold blocks
        fields.append((attribute.name, shape))
    _FIELDS[cls] = tuple(fields)
    return _FIELDS[cls]


def children(node: Node) -> Iterator[Node]:
    """Yield the direct children of *node* in reading order."""
    for name, shape in _child_fields(node.__class__):
        value = getattr(node, name)
        if shape == "one":
            if value is not None:
                yield value
        elif shape == "many":
            yield from value
        else:
            for group in value:
                yield from group


def walk(node: Node) -> Iterator[Node]:
    """Yield *node* and every node under it, depth first, in reading order.

    >>> from newsdoc import Article, Paragraph, Link, Text, walk
    >>> doc = Article(headline="Hi", body=(Paragraph((Link("https://a.example", (Text("a"),)),)),))
    >>> [n.href for n in walk(doc) if isinstance(n, Link)]
    ['https://a.example']
    """
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(tuple(children(current))))


def transform(node: N, function: Callable[[Node], Replacement]) -> N:
    """Rebuild *node* bottom up, passing every node to *function*.

    *function* returns the node to keep (the same one, or a new one), ``None`` to
    remove it, or a sequence of nodes to splice in its place. Children are
    transformed before their parent sees them. The result is not normalized; call
    :func:`newsdoc.normalize` after splicing if you compare trees with ``==``.

    Strip every link but keep its text:

    >>> from newsdoc import Link, Paragraph, Text, normalize, transform
    >>> para = Paragraph((Text("See "), Link("https://a.example", (Text("this"),))))
    >>> normalize(transform(para, lambda n: n.content if isinstance(n, Link) else n))
    Paragraph(content=(Text(text='See this'),))
    """
    result = _rebuild(node, function)
    replaced = function(result)
    if not isinstance(replaced, type(node)):
        raise TypeError(
            f"transform must return a {type(node).__name__} for the root node, not {type(replaced).__name__}"
        )
    return replaced


def _rebuild(node: Node, function: Callable[[Node], Replacement]) -> Any:
    changes: dict[str, Any] = {}
    for name, shape in _child_fields(node.__class__):
        value = getattr(node, name)
        if shape == "one":
            if value is None:
                continue
            new = function(_rebuild(value, function))
            if new is not None and not isinstance(new, Node):
                raise TypeError(f"{type(node).__name__}.{name} holds one node; got {type(new).__name__}")
            if new is not value:
                changes[name] = new
        elif shape == "many":
            new_tuple = _rebuild_many(value, function)
            if new_tuple is not value:
                changes[name] = new_tuple
        else:
            groups = tuple(_rebuild_many(group, function) for group in value)
            if any(new is not old for new, old in zip(groups, value, strict=True)):
                changes[name] = groups
    return attrs.evolve(node, **changes) if changes else node


def _rebuild_many(nodes: tuple[Node, ...], function: Callable[[Node], Replacement]) -> tuple[Node, ...]:
    out: list[Node] = []
    changed = False
    for child in nodes:
        new = function(_rebuild(child, function))
        if new is child:
            out.append(child)
            continue
        changed = True
        if new is None:
            continue
        if isinstance(new, Sequence) and not isinstance(new, str):
            out.extend(new)
        else:
            out.append(new)
    return tuple(out) if changed else nodes
