"""Find a page's story and cut the furniture out of it, by markup words and text density.

One pass counts text per element (children before parents, so it is linear); the
story is the element with the most prose for the least other text; pruning then
removes what :mod:`~newsdoc.formats.html.furniture` marks, hidden and link-dense blocks.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import Any

from lxml import etree

from newsdoc.formats.html.figures import detach
from newsdoc.formats.html.furniture import (
    BOX_WORDS,
    FURNITURE_ROLES,
    FURNITURE_TAGS,
    FURNITURE_WORDS,
    LINK_DENSE_BLOCKS,
    SCREEN_READER_WORDS,
    id_words,
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
#: A teaser card for another story is a block holding one title line (a line that is
#: wholly a link, of at least ``MIN_TITLE`` bytes: a headline) and at most this much
#: prose (its excerpt): "related stories" rows, "read more" boxes between paragraphs.
MAX_CARD_PROSE = 400
#: A link this long, in UTF-8 bytes, standing alone on its line is a headline.
MIN_TITLE = 30
#: A box holding less text than this, in UTF-8 bytes, once pruning has taken furniture
#: out of it holds that furniture's label ("Related articles", "Most read"): it goes too.
MAX_LEFT_LABEL = 60
#: Boxes climbed from a pruned element at most, removing the emptied ones.
MAX_EMPTIED_CLIMB = 3
#: Elements looked at on one page at most: a 20 MB page stays fast, and no story
#: starts this deep.
MAX_ELEMENTS = 500_000
# Elements skipped as candidates: never the story's container.
_NOT_CANDIDATES = frozenset({"html", "head", "a", "span", "em", "strong", "b", "i", "li", "ul", "ol", "p"})
# Landmarks that never hold the story, though forms sometimes wrap a whole page.
_LANDMARKS = frozenset({"nav", "aside", "footer"})
# Headings that are links inside a story are teaser titles.
_SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_HEADINGS = _SUBHEADINGS | {"h1"}
# Elements whose <footer> or <cite> (a figure's <figcaption> too) is part of them, not page furniture.
_CITING = frozenset({"blockquote", "figure", "q"})
_CITATIONS = frozenset({"footer", "cite", "header", "figcaption"})
# Table cells end a run of text as blocks do.
_CELLS = frozenset({"td", "th", "caption"})
# Boxes that pruning can leave holding only a label.
_EMPTIED = frozenset({"div", "section", "aside", "ul", "ol", "li"})
# What a box left by pruning keeps the story's: media, a headline, a date.
_SUBSTANCE = ("img", "picture", "video", "iframe", "figure", "table", "h1", "time")
# Blocks that can be a teaser card: the boxes CMS templates build cards from.
_CARDS = frozenset({"div", "section", "article", "li", "header", "aside"})


class Density:
    """Text, link text and prose under each element of *top*, counted once, children first.

    Prose is what jusText calls good text: each block's own words (its text and
    inline elements, not nested blocks) when they run to a sentence and are not
    mostly links.
    """

    def __init__(self, top: Any) -> None:  # noqa: PLR0915 - one pass over every element, inlined for speed
        self.elements = list(islice(top.iter(etree.Element), MAX_ELEMENTS))
        self.text: dict[Any, int] = {}
        self.links: dict[Any, int] = {}
        self.prose: dict[Any, int] = {}
        #: Text and prose inside furniture below each element, which pruning removes:
        #: not held against a container.
        self.junk: dict[Any, tuple[int, int]] = {}
        #: The elements marked as furniture, teaser cards among them.
        self.marked: set[Any] = set()
        #: Teaser cards for other stories: a title line and a short excerpt.
        self.cards: set[Any] = set()
        text, links, prose, junks, marked = self.text, self.links, self.prose, self.junk, self.marked
        cards = self.cards
        # Each counted element's numbers in one record, so a parent looks its child up once:
        # text, links, prose, own words and linked words (an inline element's, counted into
        # its block), junk text and junk prose, title lines below it, and whether it is marked.
        counts: dict[Any, tuple[int, int, int, int, int, int, int, int, bool]] = {}
        for element in reversed(self.elements):  # children before their parents
            tag = element.tag
            if tag in DROPPED:
                continue  # never shown: counts as nothing
            furniture = _showing(element, tag)
            if furniture is None:
                continue
            # Text is weighed in UTF-8 bytes: a Chinese, Japanese or Korean character, a
            # word in itself, so weighs three Latin letters.
            own = element.text
            own = len(own.strip().encode("utf-8", "replace")) if own else 0
            total, linked, prosed, words, linked_words = own, 0, 0, own, 0
            junk, junk_prose, titled = 0, 0, 0
            for child in element:
                tail = child.tail
                tail = len(tail.strip().encode("utf-8", "replace")) if tail else 0
                total += tail
                words += tail
                record = counts.get(child)
                if record is None:
                    continue
                c_text, c_links, c_prose, c_words, c_linked, c_junk, c_junk_prose, c_titled, c_marked = record
                total += c_text
                linked += c_links
                prosed += c_prose
                if c_marked:
                    junk += c_text
                    junk_prose += c_prose
                else:
                    junk += c_junk
                    junk_prose += c_junk_prose
                words += c_words
                linked_words += c_linked
                titled += c_titled
            if tag == "a":
                if not titled and total - words >= MIN_TITLE:
                    titled = 1  # a link around a heading or a card's blocks
                linked = total
                linked_words = words
                prosed = 0  # a teaser card: blocks inside one link
            block = tag in BLOCK_LEVEL
            inline = not block and tag not in _CELLS  # its words count into its block's
            if (
                not inline
                and words - linked_words >= MIN_PARAGRAPH
                and linked_words <= MAX_LINK_DENSITY * words
            ):
                prosed += words - linked_words
            if tag in _CITING:
                titled = 0  # a quoted post's or a figure's own links
            elif (
                not titled
                and block
                and linked_words >= MIN_TITLE
                and (linked_words > MAX_LINK_DENSITY * words or tag in _HEADINGS)
            ):
                titled = 1  # a line that is wholly a link, or a heading holding one: a headline
            text[element] = total
            links[element] = linked
            prose[element] = prosed
            if junk:
                junks[element] = (junk, junk_prose)
            if titled == 1 and tag in _CARDS and 0 < prosed - junk_prose <= MAX_CARD_PROSE:
                cards.add(element)
                furniture = True
            if furniture:
                marked.add(element)
            counts[element] = (
                total,
                linked,
                prosed,
                words if inline else 0,
                linked_words if inline else 0,
                junk,
                junk_prose,
                titled,
                furniture,
            )

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


def is_furniture(element: Any) -> bool:
    """Whether *element*'s name, role or class and id words mark it as page furniture."""
    return _furniture(element.tag, element.get("class"), element.get("role"), element.get("id"))


def _showing(element: Any, tag: str) -> bool | None:
    """None if *element* is not shown, else whether it is furniture (:func:`is_furniture`).

    The density pass asks this of every element: its attributes are read in one call.
    """
    attributes = element.items()
    if not attributes:
        return tag in FURNITURE_TAGS
    found = dict(attributes)
    style = found.get("style")
    if "hidden" in found or (style and _hiding(style)):
        return None
    value = found.get("class")
    if _screen_reader_only(value):
        return None
    return _furniture(tag, value, found.get("role"), found.get("id"))


def _furniture(tag: str, value: str | None, role: str | None, ident: str | None) -> bool:
    if tag in FURNITURE_TAGS or (role is not None and role.strip().lower() in FURNITURE_ROLES):
        return True
    if value is not None and not FURNITURE_WORDS.isdisjoint(words_of(value)):
        return True
    return ident is not None and not FURNITURE_WORDS.isdisjoint(id_words(ident))


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
        if (density.prose.get(element, 0) > share and story and not _box(element)) or keep(element):
            continue
        if parent.tag in _CITING and element.tag in _CITATIONS:
            continue  # a quote's or figure's own <footer>: its attribution or credit
        if (
            element in density.cards
            or is_furniture(element)
            or _hidden(element)
            or _link_list(element, density)
            or _teaser(element, density)
        ):
            gone.add(element)
            dead.append(element)
    # Each box is looked at once, after all its furniture is gone: looking again after
    # every removal made a box of 20,000 share buttons quadratic.
    emptied: dict[Any, None] = {}
    for element in dead:
        emptied[element.getparent()] = None
        detach(element)
    for box in emptied:
        _drop_emptied(box, root, keep)


def _drop_emptied(box: Any, root: Any, keep: Callable[[Any], bool]) -> None:
    """Remove *box* and the boxes around it that pruning left holding a label and nothing else.

    "Related articles" over a list of teasers, "Advertisement" over an ad slot: once
    the furniture goes, its heading is what is left of the box.
    """
    for _ in range(MAX_EMPTIED_CLIMB):
        if box is None or box is root or box.tag not in _EMPTIED or keep(box):
            return
        size = 0
        for piece in box.itertext():
            size += len(piece.strip().encode("utf-8", "replace"))
            if size >= MAX_LEFT_LABEL:
                return
        if next(box.iter(*_SUBSTANCE), None) is not None:
            return  # an image, a headline or a time the story shows
        parent = box.getparent()
        detach(box)
        box = parent


def _hidden(element: Any) -> bool:
    """Whether *element* is not shown on the page.

    An inline style hides it (``display: none``, ``visibility: hidden``), or its class
    words keep it for screen readers only.
    """
    style = element.get("style")
    if style and _hiding(style):
        return True
    return _screen_reader_only(element.get("class"))


def _screen_reader_only(value: str | None) -> bool:
    """Whether class *value*'s words keep its element for screen readers only."""
    return value is not None and not SCREEN_READER_WORDS.isdisjoint(words_of(value))


def _box(element: Any) -> bool:
    """Whether *element*'s class words mark a fact or info box beside the story."""
    value = element.get("class")
    return value is not None and not BOX_WORDS.isdisjoint(words_of(value))


def _hiding(style: str) -> bool:
    """Whether an inline style hides its element (``display: none``, ``visibility: hidden``)."""
    if "none" not in style and "hidden" not in style:
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
