"""Find the article in a page's schema.org JSON-LD blocks, tolerating the JSON pages really ship.

Handles ``@graph``, top-level arrays, nested and ``@id``-referenced nodes, and repairs
the common breakage (HTML comments, CDATA wrappers, trailing commas) before giving up.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

import orjson

# schema.org types that describe the page's own story: schema.org/Article and the
# subtypes news sites use (Google's article structured-data guide lists most).
ARTICLE_TYPES: frozenset[str] = frozenset(
    (
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "satiricalarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "techarticle",
        "report",
    )
)

#: Limits that keep a hostile block cheap: nodes visited, nesting followed.
MAX_NODES = 5000
MAX_DEPTH = 24

# Repairs tried, in order, on a block that does not parse; each is seen in the wild:
_REPAIRS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "<!-- {...} -->" and "//<![CDATA[ ... //]]>" wrappers from XHTML-era templates.
    (re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$"), ""),
    # Trailing commas before a closing bracket, left by templates that loop over fields.
    (re.compile(r",(\s*[\]}])"), r"\1"),
    # "\'" escapes written by PHP's addslashes(); not valid JSON.
    (re.compile(r"\\'"), "'"),
)


def parse_blocks(texts: Iterable[str]) -> list[Any]:
    """Parse each JSON-LD block's text; skip what cannot be repaired.

    >>> parse_blocks(['{"@type": "NewsArticle", "headline": "Hi",}', "not json"])
    [{'@type': 'NewsArticle', 'headline': 'Hi'}]
    """
    values: list[Any] = []
    for text in texts:
        value = _parse(text)
        if value is not None:
            values.append(value)
    return values


def _parse(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        pass
    for pattern, replacement in _REPAIRS:
        text = pattern.sub(replacement, text)
    try:
        # strict=False accepts raw tabs and newlines inside strings, which templates
        # paste in from article text and which search engines' parsers accept.
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        return None


def nodes(values: Iterable[Any]) -> Iterator[tuple[dict[str, Any], bool]]:
    """Every JSON object in *values*, outermost first, and whether an article holds it."""
    stack: list[tuple[Any, int, bool]] = [(value, 0, False) for value in reversed(list(values))]
    visited = 0
    while stack and visited < MAX_NODES:
        value, depth, in_article = stack.pop()
        visited += 1
        if depth > MAX_DEPTH:
            continue
        if isinstance(value, list):
            stack.extend((item, depth + 1, in_article) for item in reversed(value))
        elif isinstance(value, dict):
            yield value, in_article
            inside = in_article or bool(types_of(value) & ARTICLE_TYPES)
            children = [item for item in value.values() if isinstance(item, dict | list)]
            stack.extend((item, depth + 1, inside) for item in reversed(children))


def types_of(node: dict[str, Any]) -> set[str]:
    """A node's ``@type`` names, lowercased, without a schema.org prefix."""
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {
        name.rsplit("/", 1)[-1].removeprefix("schema:").lower() for name in names if isinstance(name, str)
    }


def find_article(values: list[Any]) -> tuple[dict[str, Any] | None, dict[str, dict[str, Any]]]:
    """The node that best describes the page's article, and an index of nodes by ``@id``."""
    by_id: dict[str, dict[str, Any]] = {}
    best: dict[str, Any] | None = None
    best_score = 0
    for node, in_article in nodes(values):
        identifier = node.get("@id")
        # References repeat a node's @id with a field or two; the fullest copy is kept.
        if isinstance(identifier, str) and len(node) > len(by_id.get(identifier, ())):
            by_id[identifier] = node
        # Articles inside an article are its parts: a live blog's updates, a
        # review's items. Related-story teasers elsewhere are Article nodes too, but
        # thinner: the first node with the most of these keys is the page's story.
        if not in_article and types_of(node) & ARTICLE_TYPES:
            score = 1 + sum(key in node for key in ("headline", "datePublished", "author", "articleBody"))
            if score > best_score:
                best, best_score = node, score
    return best, by_id


def resolve(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """Follow an ``{"@id": ...}`` reference to the node it names (Yoast's ``@graph`` style).

    The reference's own fields (Yoast repeats the author's name) are kept over the node's.
    """
    if isinstance(value, dict):
        identifier = value.get("@id")
        target = by_id.get(identifier) if isinstance(identifier, str) else None
        if target is not None and target is not value:
            return {**target, **value}
    return value


def as_list(value: Any) -> list[Any]:
    """A JSON-LD value that may be one item or an array, as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def breadcrumb_name(values: list[Any]) -> str | None:
    """The name of the last item of the first ``BreadcrumbList``: what the site calls the page itself.

    >>> breadcrumb_name([{"@type": "BreadcrumbList", "itemListElement": [
    ...     {"@type": "ListItem", "position": 2, "item": {"@id": "/a", "name": "Rain at last"}},
    ...     {"@type": "ListItem", "position": 1, "name": "Weather"}]}])
    'Rain at last'
    """
    for node, _ in nodes(values):
        if "breadcrumblist" not in types_of(node):
            continue
        items = [item for item in as_list(node.get("itemListElement")) if isinstance(item, dict)]
        if not items:
            return None
        # Items carry their place in "position"; templates do not always list them in order.
        last = max(reversed(items), key=lambda item: _position(item.get("position")))
        name = last.get("name")
        target = last.get("item")
        if not isinstance(name, str) and isinstance(target, dict):
            name = target.get("name")
        return name if isinstance(name, str) else None
    return None


def _position(value: Any) -> int:
    """A ListItem's position as a number; a missing or malformed one sorts first."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip()[:9])
    return -1
