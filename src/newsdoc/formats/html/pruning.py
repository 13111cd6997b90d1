"""Find a page's story and cut the furniture out of it, by markup words and text density.

One pass counts text per element (children before parents, so it is linear); the
story is the element with the most prose for the least other text; pruning then
removes what :mod:`~newsdoc.formats.html.furniture` marks, hidden and link-dense blocks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsdoc.formats.html.figures import detach
from newsdoc.formats.html.furniture import (
    FURNITURE_ROLES,
    FURNITURE_TAGS,
    FURNITURE_WORDS,
    LINK_DENSE_BLOCKS,
    words_of,
)
from newsdoc.formats.html.inlines import BLOCK_LEVEL, DROPPED

#: Shorter paragraphs score nothing: labels, dates and button texts (readability: 25).
MIN_PARAGRAPH = 25
#: A block whose links hold more than this share of its text is a list of links.
MAX_LINK_DENSITY = 0.5
#: A paragraph whose links hold more than this share of its text is a teaser link.
MAX_PARAGRAPH_LINK_DENSITY = 0.9
#: An element holding at least this share of the story's prose is never furniture,
#: whatever its class says ("article has-share-bar").
KEEP_SHARE = 0.4
#: How much each character of text that is not prose (links, labels, teasers) counts
#: against an element as the story's container, per character of prose for it.
OTHER_TEXT_WEIGHT = 1.0
#: What a container whose class words mark furniture keeps of its score: it is the
#: story only when nothing else comes close ("article has-share-bar").
MARKED_WEIGHT = 0.5
#: A landmark (<aside>, <footer>, role=complementary) holding at least this share of
#: the page's prose is where the story is, not a sidebar.
LANDMARK_SHARE = 0.5
#: Elements looked at on one page at most: a 20 MB page stays fast, and no story
#: starts this deep.
MAX_ELEMENTS = 500_000
# Elements skipped as candidates: never the story's container.
_NOT_CANDIDATES = frozenset({"html", "head", "a", "span", "em", "strong", "b", "i", "li", "ul", "ol", "p"})
# Landmarks that never hold the story, though forms sometimes wrap a whole page.
_LANDMARKS = frozenset({"nav", "aside", "footer"})
# Headings that are links inside a story are teaser titles.
_SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# Elements whose <footer> or <cite> (a figure's <figcaption> too) is part of them, not page furniture.
_CITING = frozenset({"blockquote", "figure", "q"})
_CITATIONS = frozenset({"footer", "cite", "header", "figcaption"})
# Table cells end a run of text as blocks do.
_CELLS = frozenset({"td", "th", "caption"})


class Density:
    """Text, link text and prose under each element of *top*, counted once, children first.

    Prose is what jusText calls good text: each block's own words (its text and
    inline elements, not nested blocks) when they run to a sentence and are not
    mostly links.
    """

    def __init__(self, top: Any) -> None:
        self.elements = [element for element in top.iter() if type(element.tag) is str][:MAX_ELEMENTS]
        self.text: dict[Any, int] = {}
        self.links: dict[Any, int] = {}
        self.prose: dict[Any, int] = {}
        #: Text and prose inside furniture below each element, which pruning removes:
        #: not held against a container.
        self.junk: dict[Any, tuple[int, int]] = {}
        #: The elements marked as furniture.
        self.marked: set[Any] = set()
        text, links, prose, junks, marked = self.text, self.links, self.prose, self.junk, self.marked
        inline: dict[Any, int] = {}  # an inline element's words, counted into its block
        inline_links: dict[Any, int] = {}
        for element in reversed(self.elements):  # children before their parents
            tag = element.tag
            if tag in DROPPED or element.get("hidden") is not None or _hidden(element):
                continue  # never shown: counts as nothing
            own = _length(element.text)
            total, linked, prosed, words, linked_words = own, 0, 0, own, 0
            junk, junk_prose = 0, 0
            for child in element:
                tail = _length(child.tail)
                total += text.get(child, 0) + tail
                linked += links.get(child, 0)
                prosed += prose.get(child, 0)
                if child in marked:
                    junk += text.get(child, 0)
                    junk_prose += prose.get(child, 0)
                elif child in junks:
                    junk += junks[child][0]
                    junk_prose += junks[child][1]
                words += tail + inline.get(child, 0)
                linked_words += inline_links.get(child, 0)
            if tag == "a":
                linked = total
                linked_words = words
                prosed = 0  # a teaser card: blocks inside one link
            text[element] = total
            links[element] = linked
            if tag in BLOCK_LEVEL or tag in _CELLS:
                if words - linked_words >= MIN_PARAGRAPH and linked_words <= MAX_LINK_DENSITY * words:
                    prosed += words - linked_words
            else:
                inline[element] = words
                inline_links[element] = linked_words
            prose[element] = prosed
            if junk:
                junks[element] = (junk, junk_prose)
            if is_furniture(element):
                marked.add(element)

    def link_density(self, element: Any) -> float:
        """The share of *element*'s text that is link text."""
        total = self.text.get(element, 0)
        return self.links.get(element, 0) / total if total else 0.0

    def best(self) -> Any:
        """The element with the most prose for the least other text, or None when there is no prose."""
        best, best_score = None, float("-inf")
        text, prose = self.text, self.prose
        outside: set[Any] = set()  # inside a menu, a sidebar or a footer
        # A landmark holding most of the page's prose holds the story, as when a
        # template leaves an <aside> open around it.
        most = LANDMARK_SHARE * max(prose.values(), default=0)
        for element in self.elements:
            if element.getparent() in outside or (_landmark(element) and prose.get(element, 0) < most):
                outside.add(element)
                continue
            junk, junk_prose = self.junk.get(element, (0, 0))
            prosed = prose.get(element, 0) - junk_prose
            if prosed <= 0 or element.tag in _NOT_CANDIDATES:
                continue
            score = prosed - OTHER_TEXT_WEIGHT * (text[element] - junk - prosed)
            if element in self.marked:
                score *= MARKED_WEIGHT
            if score >= best_score:  # on a tie, the innermost
                best, best_score = element, score
        return best


def _landmark(element: Any) -> bool:
    return element.tag in _LANDMARKS or (element.get("role") or "").strip().lower() in FURNITURE_ROLES


def _length(text: str | None) -> int:
    """How much text *text* holds, in UTF-8 bytes.

    A Chinese, Japanese or Korean character, a word in itself, so weighs three Latin letters.
    """
    if not text:
        return 0
    return len(text.strip().encode("utf-8", "replace"))


def is_furniture(element: Any) -> bool:
    """Whether *element*'s name, role or class and id words mark it as page furniture."""
    if element.tag in FURNITURE_TAGS or (element.get("role") or "").strip().lower() in FURNITURE_ROLES:
        return True
    value = element.get("class")
    ident = element.get("id")
    if value is None and ident is None:
        return False
    return not FURNITURE_WORDS.isdisjoint(words_of(f"{value or ''} {ident or ''}"))


def choose_root(tree: Any) -> tuple[Any, Density]:
    """The element holding the story (None if the page has no prose), and the text counts of its body."""
    bodies = tree.xpath("//body")
    top = bodies[0] if bodies else tree
    density = Density(top)
    return density.best(), density


def has_furniture(tree: Any) -> bool:
    """Whether the page holds any furniture: a menu, a sidebar, a footer, a share bar."""
    return any(type(element.tag) is str and is_furniture(element) for element in tree.iter())


def headline_element(tree: Any) -> Any:
    """The page's headline element: its first ``<h1>`` outside menus, sidebars and footers."""
    for heading in tree.iter("h1"):
        if not any(_landmark(ancestor) for ancestor in heading.iterancestors()):
            return heading
    return None


def prune(root: Any, density: Density, keep: Callable[[Any], bool] = lambda _element: False) -> None:
    """Remove furniture and link-dense blocks inside *root* (never *root* itself, nor what *keep* says)."""
    story = density.prose.get(root, 0)
    share = KEEP_SHARE * story
    dead: list[Any] = []
    gone: set[Any] = set()
    for element in root.iterdescendants():
        if type(element.tag) is not str:
            continue
        parent = element.getparent()
        if parent in gone:
            gone.add(element)
            continue
        if (density.prose.get(element, 0) > share and story) or keep(element):
            continue
        if parent.tag in _CITING and element.tag in _CITATIONS:
            continue  # a quote's or figure's own <footer>: its attribution or credit
        if (
            is_furniture(element)
            or _hidden(element)
            or _link_list(element, density)
            or _teaser(element, density)
        ):
            gone.add(element)
            dead.append(element)
    for element in dead:
        detach(element)


def _hidden(element: Any) -> bool:
    """Whether an inline style hides *element* (``display: none``, ``visibility: hidden``)."""
    style = element.get("style")
    if not style or ("none" not in style and "hidden" not in style):
        return False
    compact = style.replace(" ", "").lower()
    return "display:none" in compact or "visibility:hidden" in compact


def _teaser(element: Any, density: Density) -> bool:
    """A card for another story: an ``<article>`` inside the story, or a block under a linked heading."""
    if element.tag == "article":
        return True
    return element.tag in _SUBHEADINGS and density.link_density(element) > MAX_LINK_DENSITY


def _link_list(element: Any, density: Density) -> bool:
    if element.tag == "p":
        # A paragraph that is one link and little else ("MORE: <a>Another story</a>");
        # a sentence with a long link in it stays.
        return density.link_density(element) > MAX_PARAGRAPH_LINK_DENSITY
    if element.tag not in LINK_DENSE_BLOCKS:
        return False
    total = density.text.get(element, 0)
    return total > 0 and density.links.get(element, 0) > MAX_LINK_DENSITY * total
