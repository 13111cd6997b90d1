"""The lines above a story's first paragraph (kicker, headline, dek, byline, dates) and what is not body.

Pages repeat the headline, the standfirst and the byline inside the story's container;
the metadata names them, and the rules below recognise the rest by shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from newsdoc.canonical import fold
from newsdoc.formats.html.figures import detach
from newsdoc.formats.html.furniture import PAGE_ROOTS, words_of
from newsdoc.formats.html.inlines import BLOCK_LEVEL, DROPPED
from newsdoc.formats.html.pruning import headline_element, is_furniture
from newsdoc.model import Block, Figure, Inline, Paragraph, Strong, Text
from newsdoc.plain import plain_text

#: A line at least this long that names no author and no date is the story's first
#: paragraph: the scan for top matter stops there (jusText's "short" limit, in bytes).
MIN_PARAGRAPH = 60
#: Top-matter lines looked at after the headline at most: a story of short lines
#: (a poem, a list of results) is not eaten whole.
MAX_LINES = 25
#: Elements looked at in one scan at most: a page of deeply nested empty wrappers
#: stays linear.
MAX_SCANNED = 20_000
#: Bylines and date lines are shorter than this.
MAX_LABEL = 160
#: What starts a byline line, by language ("By", "Von", "Par", "Por", "Av", "Af",
#: "Door", "Di", "Text:"), as news templates print it above the story.
BYLINE_START = re.compile(
    r"^(?:by|von|par|por|av|af|door|di|de|text|texte|tekst|autor|автор)\b", re.IGNORECASE
)
#: Dates and times as date lines print them: "16.05.2024, 11:26 Uhr", "2024/12/04 00:05",
#: "Publié le 30/04/2024 - 16:00", "17:41 JST".
DATE_LIKE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\b\d{1,2}:\d{2}\b")
#: A line this short holding a year is a date line too ("May 15, 2024", "21. Mai 2026").
MAX_YEAR_LINE = 40
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
#: Elements kept wherever they stand: the lead image is read from them.
_MEDIA = frozenset({"figure", "picture", "img", "video", "iframe"})
#: A line at least this long (in UTF-8 bytes) ends the story: what follows it and is
#: shorter is the page's.
MIN_LAST_PARAGRAPH = 60
# Blocks that are the story's wherever they stand.
_KEPT_AT_END = frozenset({"figure", "table", "ul", "ol", "blockquote", "pre", "dl"})
# A sentence: three words or more and a full stop, question or exclamation mark.
_SENTENCE = re.compile(r"\w+\W+\w+\W+\w+.*[.!?\u3002]['\"\u201d\u2019)]?$")
_HEADINGS = frozenset({"h1"})

#: Class words that mark a standfirst anywhere in a full page, as whole words of the
#: class ("article__standfirst", "c-dek", "sub-title", "article-intro", "summary").
STANDFIRST_WORDS = frozenset(
    {
        "dek", "deck",  # US templates: Arc XP, Brightspot, WordPress VIP themes
        "standfirst", "strapline",  # British papers
        "subtitle", "subheadline",  # pandoc's title block, Scandinavian and Dutch CMSs
        "intro", "lede",  # "article-intro" (German CMSs), "lede" (US magazines)
        "summary", "abstract",  # "article-summary", schema-minded templates
        "excerpt",  # "entry-excerpt", "detail__excerpt": WordPress themes showing the excerpt
        "synopsis",  # "art_synopsis": Indian papers' summary above the story
        "teaser",  # "Teaser" is the German newsroom word for the standfirst
        "subheader",  # "doc_header__subheader": Russian and Eastern European CMSs
        "epigraph",  # "epigraph": Spanish papers' name for the standfirst (the "entradilla")
    }
)  # fmt: skip
#: Elements after the page's <h1> among which its header's standfirst stands: templates
#: put a kicker, a byline, dates or a share bar between them; further on is the story.
HEADER_SPAN = 15
#: A marked standfirst is at least this long (shorter is a label) and at most this long
#: (longer is a body element whose class happens to match).
MIN_STANDFIRST, MAX_STANDFIRST = 20, 600
#: Points of a standfirst in bullets read at most.
MAX_STANDFIRST_PARTS = 5
# Elements inside which a standfirst's class words describe something else: a caption,
# a quote, a sidebar, a teaser list's item.
_NOT_STANDFIRST = frozenset({"figure", "figcaption", "blockquote", "aside", "footer", "nav", "li"})
_WORD = re.compile(r"\w+")


def strip_before(root: Any, heading: Any) -> None:
    """Remove what *root* holds before *heading* (kickers, breadcrumbs), keeping media."""
    keep = set(heading.iterancestors())
    keep.update(_holders_of_media(root))
    doomed = []
    for element in root.iterdescendants():
        if element is heading:
            break
        if type(element.tag) is not str or element in keep:
            continue
        if element.getparent() in keep or element.getparent() is root:
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None and element.tag not in _MEDIA:
            detach(element)


def strip_after(start: Any, root: Any, known: Iterable[str], names: Iterable[str] = ()) -> str | None:
    """Remove the short lines, bylines, date lines and known texts that open *root*'s story.

    The scan begins after *start* (the headline, or None for the top of *root*) and stops
    at the first line of prose. Returns the text of a removed line that is the dek.
    """
    wanted = [(text, _tokens(text)) for text in known if text]
    people = [name.casefold() for name in names if name]
    began = start is None
    lines = scanned = 0
    dek = None
    for element in list(root.iterdescendants()):
        if not began:
            began = element is start
            continue
        scanned += 1
        if scanned > MAX_SCANNED:
            break
        if type(element.tag) is not str or element.getparent() is None or element.tag in DROPPED:
            continue
        if element.tag in _HEADINGS:
            break  # a second headline: the story (or the page) begins again
        if element.tag not in BLOCK_LEVEL or any(child.tag in BLOCK_LEVEL for child in element):
            continue  # only leaf blocks are lines
        if any(ancestor.tag in _MEDIA for ancestor in element.iterancestors()):
            continue
        text = fold("".join(element.itertext()))
        if not text:
            continue
        lines += 1
        if lines > MAX_LINES:
            break
        size = len(text.encode("utf-8", "replace"))
        matched = next((known_text for known_text, tokens in wanted if _similar(_tokens(text), tokens)), None)
        if matched is not None:
            if (element.tag == "p" and element.get("class") is None) or element.get(
                "itemprop"
            ) == "articleBody":
                break  # a plain paragraph, or one marked as the body: the story's first, quoted
            dek = dek or matched
        elif size >= MIN_PARAGRAPH and not (size <= MAX_LABEL and _label(text, people)):
            break
        detach(element)
    return dek


def strip_tail(root: Any) -> None:
    """Remove the short lines after the story's last paragraph of prose (jusText's context rule).

    A short block between good paragraphs stays; after the last one it is the page's:
    a byline repeated, "Read more on this topic", a comment prompt, a player's "00:00".
    A figure, table, list or quote ends the scan as a paragraph does.
    """
    lines = scanned = 0
    doomed = []
    for element in reversed(list(root.iterdescendants())):
        scanned += 1
        if scanned > MAX_SCANNED:
            return
        if type(element.tag) is not str or element.tag in DROPPED:
            continue
        if element.tag not in BLOCK_LEVEL or any(child.tag in BLOCK_LEVEL for child in element):
            continue
        text = fold("".join(element.itertext()))
        if element.tag in _KEPT_AT_END or any(
            ancestor.tag in _KEPT_AT_END for ancestor in element.iterancestors()
        ):
            if text or next(element.iter(*_MEDIA), None) is not None:
                break  # a figure, table, list or quote: the story's, and so is what stands above it
            continue  # an empty list of icons (a share bar) or a list a script fills
        if not text:
            continue
        if len(text.encode("utf-8", "replace")) >= MIN_LAST_PARAGRAPH or _SENTENCE.search(text):
            break  # a paragraph, or a short last sentence of the story
        lines += 1
        if lines > MAX_LINES:
            return
        doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            detach(element)


def _label(text: str, people: list[str]) -> bool:
    """Whether a short line is a byline or a date line."""
    if BYLINE_START.match(text) or DATE_LIKE.search(text):
        return True
    if len(text) <= MAX_YEAR_LINE and _YEAR.search(text):
        return True
    folded = text.casefold()
    return any(name in folded for name in people)


def _holders_of_media(root: Any) -> set[Any]:
    holders: set[Any] = set()
    for media in root.iter(*_MEDIA):
        holders.add(media)
        for ancestor in media.iterancestors():
            if ancestor in holders or ancestor is root:
                break
            holders.add(ancestor)
    return holders


def _tokens(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _similar(line: set[str], known: set[str]) -> bool:
    """Whether a line and a known text share four fifths of their words."""
    if not line or not known:
        return False
    common = len(line & known)
    return common >= 0.8 * len(line) and common >= 0.8 * len(known)


#: A story's first paragraph set wholly in bold, with this many paragraphs after it, is its
#: standfirst: BBC-style and Italian and German regional templates print the dek as a bold
#: opening paragraph inside the story, marked by nothing but ``<b>``/``<strong>``.
MIN_PARAGRAPHS_AFTER_BOLD = 2
#: A bold opening shorter than this is a kicker or a label ("UPDATE", a place name).
MIN_BOLD_STANDFIRST = 40
#: Longer than this, a bold opening is the story's own text set in bold.
MAX_BOLD_STANDFIRST = 600


def bold_standfirst(body: tuple[Block, ...]) -> tuple[str | None, tuple[Block, ...]]:
    """The standfirst a story opens with as a wholly bold paragraph, and the body without it.

    Figures may stand before it; any other block first means the story has no such dek.
    """
    for index, block in enumerate(body):
        if isinstance(block, Figure):
            continue
        if not isinstance(block, Paragraph) or not _wholly_bold(block.content):
            return None, body
        text = plain_text(block)
        after = sum(isinstance(later, Paragraph) for later in body[index + 1 :])
        if not MIN_BOLD_STANDFIRST <= len(text) <= MAX_BOLD_STANDFIRST or after < MIN_PARAGRAPHS_AFTER_BOLD:
            return None, body
        return text, body[:index] + body[index + 1 :]
    return None, body


def _wholly_bold(content: tuple[Inline, ...]) -> bool:
    words = [inline for inline in content if not (isinstance(inline, Text) and not inline.text.strip())]
    return len(words) == 1 and isinstance(words[0], Strong)


def header_standfirst(tree: Any) -> str | None:
    """The standfirst the article's header shows under its headline, if it marks one.

    The first element among the few after the page's ``<h1>`` whose class words name a
    standfirst (``STANDFIRST_WORDS``), outside captions, quotes and furniture, is the
    dek as the page states it to its readers.
    """
    heading = headline_element(tree)
    if heading is None:
        return None
    for count, element in enumerate(following(heading)):
        if count >= HEADER_SPAN or element.tag == "h1":
            return None
        if type(element.tag) is not str or STANDFIRST_WORDS.isdisjoint(words_of(element.get("class") or "")):
            continue
        if any(
            ancestor.tag in _NOT_STANDFIRST or (ancestor.tag not in PAGE_ROOTS and is_furniture(ancestor))
            for ancestor in element.iterancestors()
        ):
            continue
        if next(element.iter("img", "figure", "picture"), None) is not None:
            continue  # a teaser box with its image
        text = fold(" ".join(" ".join(part.itertext()) for part in _with_like_siblings(element)))
        if MIN_STANDFIRST <= len(text) <= MAX_STANDFIRST:
            return text
    return None


def _with_like_siblings(element: Any) -> list[Any]:
    """*element* and the siblings right after it of the same tag and class: a standfirst in bullets.

    Spanish and German templates print the standfirst as two or three points, each its
    own ``<h2 class="subtitle">`` or ``<p class="intro">``.
    """
    parts = [element]
    for sibling in element.itersiblings():
        if (
            len(parts) >= MAX_STANDFIRST_PARTS
            or sibling.tag != element.tag
            or sibling.get("class") != element.get("class")
        ):
            break
        parts.append(sibling)
    return parts


def following(element: Any) -> Iterator[Any]:
    """The elements after *element* in document order, not inside it (XPath's following axis), lazily."""
    node = element
    while node is not None:
        for sibling in node.itersiblings():
            yield sibling
            yield from sibling.iterdescendants()
        node = node.getparent()
