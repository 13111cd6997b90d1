"""The story's HTML that script-rendered pages keep in their inline state, for pages with an empty body.

Pages built by JavaScript frameworks ship an empty shell and the story in the state a
script hydrates (Next.js's ``self.__next_f``, React Query's and Nuxt's dehydrated state).
"""

from __future__ import annotations

import json
import re
from typing import Any

#: A JSON string member whose name says it holds the story's markup: ``"contentHtml"``,
#: ``"bodyHtml"``, ``"body"``, ``"content"``, ``"articleBody"``, ``"html"`` (names seen in
#: the dehydrated state of Next.js, Nuxt and headless-CMS front ends). The value is a
#: run of non-quote characters and escapes, so matching is linear.
HTML_MEMBER = re.compile(
    r'"(?:content|body|article|html|text)\w{0,20}"\s*:\s*"((?:[^"\\]|\\.){200,})"', re.IGNORECASE
)
#: Paragraphs a value must hold to be the story's markup rather than a teaser's.
MIN_PARAGRAPHS = 3
#: Script text scanned at most, in characters: a page's state is rarely larger.
MAX_SCRIPT_TEXT = 5_000_000
#: A page body showing less text than this, in characters, is an empty shell.
MAX_SHELL_TEXT = 200
# Elements whose text a browser does not show.
_UNSHOWN = frozenset({"script", "style", "template", "noscript", "svg"})
_PARAGRAPH = re.compile(r"<p[\s>]", re.IGNORECASE)


def is_shell(tree: Any) -> bool:
    """Whether the page's body shows almost no text and its scripts hold the story's markup."""
    body = next(tree.iter("body"), None)
    if body is None:
        return False
    shown = 0
    for element in body.iter():
        if type(element.tag) is str and element.tag not in _UNSHOWN:
            shown += len((element.text or "").strip())
        if element is not body and type(element.getparent().tag) is str:
            shown += len((element.tail or "").strip())
        if shown > MAX_SHELL_TEXT:
            return False
    return embedded_html(tree) is not None


def embedded_html(tree: Any) -> str | None:
    """The longest markup with paragraphs that the page's inline scripts hold as a JSON string, if any."""
    best: str | None = None
    scanned = 0
    for script in tree.iter("script"):
        text = script.text
        if not text or script.get("src") or ("<" not in text and "\\u003c" not in text):
            continue
        scanned += len(text)
        if scanned > MAX_SCRIPT_TEXT:
            break
        for found in HTML_MEMBER.finditer(text):
            markup = _decoded(found.group(1))
            if (
                markup is not None
                and (best is None or len(markup) > len(best))
                and len(_PARAGRAPH.findall(markup)) >= MIN_PARAGRAPHS
            ):
                best = markup
    return best


def _decoded(value: str) -> str | None:
    try:
        markup = json.loads(f'"{value}"')
    except ValueError:
        return None
    return markup if isinstance(markup, str) else None
