"""Read other sites' article pages: find the article, take its header fields, read its body.

Which element holds the article and which class names mark a dek, a byline or a
dateline are heuristics, kept as data tables below; full web pages are first pruned.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from newsdoc.canonical import fold, normalize
from newsdoc.formats.html import boilerplate, loose_figures, pruning, time_element, topmatter
from newsdoc.formats.html.blocks import BlockReader
from newsdoc.formats.html.figures import detach, read_figure
from newsdoc.formats.html.furniture import words_of
from newsdoc.formats.html.metadata import PageMetadata
from newsdoc.formats.html.topmatter import MIN_STANDFIRST, STANDFIRST_WORDS, following
from newsdoc.model import Article, Author, Block, Figure, Heading
from newsdoc.plain import plain_text

#: Header fields by the last word of a class name ("dek", "c-article__dek",
#: "article-standfirst"): WordPress themes, Arc XP, Brightspot, British papers
#: ("standfirst"), pandoc's title block ("subtitle", "author", "date").
FIELD_CLASS_WORDS: dict[str, str] = {
    "dek": "dek",
    "deck": "dek",
    "standfirst": "dek",
    "subtitle": "dek",
    "subheadline": "dek",
    "strapline": "dek",
    "byline": "byline",
    "author": "byline",
    "authors": "byline",
    "dateline": "dateline",
    "kicker": "section",
    "eyebrow": "section",
    "date": "date",
}
#: The last word of a class name that marks a figure as the lead art ("hero",
#: "article-lead", "featured-image").
LEAD_CLASS_WORDS = frozenset({"lead", "hero", "featured", "leadart"})
#: What starts a byline before the names, by language ("By Ana Costa", "Por ...").
BYLINE_PREFIXES = re.compile(r"^(?:by|por|par|von|door|di|av|af)\s+", re.IGNORECASE)
#: What separates authors in a byline ("A, B and C", "A & B", "A und B").
BYLINE_SEPARATORS = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&|und|et|y|e|en|og|och)\s+", re.IGNORECASE)
# Elements inside which a class name says nothing about the article's header.
_NOT_HEADER = frozenset({"figure", "figcaption", "blockquote", "aside", "footer", "nav", "li"})
_CLASS_SPLIT = re.compile(r"[-_]+")
_WITH_CLASS = etree.XPath(".//*[@class]")
_FIELD_TEXT_LIMIT = 600  # longer than any dek or byline: a body element whose class happens to match
# Header fields come first on a page; looking at the first few thousand classed
# elements keeps a 20 MB page fast.
_MARKED_ELEMENTS_LIMIT = 3000

# Elements looked at between a headline and its story for the lead image: the
# header's kicker, byline, dates and share bar come first.
_LEAD_SEARCH_LIMIT = 400

#: The warning a page without a story gives.
NO_STORY = "found no article text in the page: only its metadata is read"
_ARTICLE_ELEMENTS = etree.XPath("//article")
_MAIN = etree.XPath("(//main | //*[@role='main'])[1]")
_BODY = etree.XPath("//body")


def read_page(
    tree: Any, reader: BlockReader, *, hints: PageMetadata | None = None, notes: list[str] | None = None
) -> Article:
    """The article a page of another site's HTML holds, from its markup alone.

    With *hints* (the page's metadata), the page is a full web page: the story is
    found by text density, its furniture removed (:mod:`~newsdoc.formats.html.pruning`)
    and the lines repeating the headline, dek and byline taken out of its opening
    (:mod:`~newsdoc.formats.html.topmatter`); what went wrong is added to *notes*.
    Without *hints*, the page is read as it stands.
    """
    fields: dict[str, Any] = {}
    root = heading = None
    if hints is not None:
        root, heading = _story(tree, reader, fields)
    found = root is not None
    if root is None:
        root = content_root(tree)
    for header in list(root.iter("header")):
        first = next(header.iter("h1"), None)
        if first is not None and "headline" not in fields:
            fields["headline"] = reader.text_of(first)
            detach(first)
        for figure in header.iter("figure"):
            fields.setdefault("lead", _first_figure(figure, reader))
        _times(header, fields, reader)
    _marked_fields(root, fields, reader)
    for header in list(root.iter("header")):
        detach(header)  # what was not read from it is page chrome
    if "lead" not in fields:
        fields["lead"] = _lead_figure(root, reader)
    if hints is not None and found:
        _strip_top_matter(root, heading, hints, fields)
    body = reader.blocks(root)
    if hints is not None and found:
        body = [block for block in body if not boilerplate.boilerplate_paragraph(block)]
    if "headline" not in fields:
        _headline_from_first_heading(body, fields)
    fields["body"] = tuple(body)
    if notes is not None and not normalize(fields["body"]):
        notes.append(NO_STORY)
    return Article(**{name: value for name, value in fields.items() if value is not None})


def _story(tree: Any, reader: BlockReader, fields: dict[str, Any]) -> tuple[Any, Any]:
    """The story's element in a full page with its furniture removed, and its headline element.

    The element is None if the page has no prose; the headline element, if the story lacks it.
    """
    loose_figures.open_lightboxes(tree)
    loose_figures.free_captions(tree)
    root, density = pruning.choose_root(tree)
    if root is None:
        return None, None
    # What names the byline, dek or dateline is read before it goes (a byline is link-dense).
    pruning.prune(root, density, keep=lambda element: _field_of(element.get("class") or "") is not None)
    loose_figures.mark_figures(root)
    _standfirst(tree, fields, reader)
    heading = pruning.headline_element(tree)
    if heading is not None:
        fields["headline"] = reader.text_of(heading) or None
        if any(ancestor is root for ancestor in heading.iterancestors()):
            topmatter.strip_before(root, heading)
            return root, heading
        fields["lead"] = _lead_between(heading, root, reader)
    return root, None


def _standfirst(tree: Any, fields: dict[str, Any], reader: BlockReader) -> None:
    """The page's standfirst: the first element whose class words name one, outside menus and figures."""
    for count, element in enumerate(_WITH_CLASS(tree)):
        if count >= _MARKED_ELEMENTS_LIMIT:
            return
        if STANDFIRST_WORDS.isdisjoint(words_of(element.get("class") or "")):
            continue
        if any(
            ancestor.tag in _NOT_HEADER or pruning.is_furniture(ancestor)
            for ancestor in element.iterancestors()
        ):
            continue
        if next(element.iter("img", "figure", "picture"), None) is not None:
            continue  # a teaser box with its image: the words around it are a caption too
        text = reader.text_of(element)
        if MIN_STANDFIRST <= len(text) <= _FIELD_TEXT_LIMIT:
            fields["dek"] = text
            detach(element)
            return


def _lead_between(heading: Any, root: Any, reader: BlockReader) -> Figure | None:
    """The lead image standing between the headline and the story's element, outside both."""
    ancestors = set(root.iterancestors())
    for count, element in enumerate(following(heading)):
        if count >= _LEAD_SEARCH_LIMIT or element is root or element in ancestors:
            return None  # the story begins: no lead art above it
        if element.tag == "figure" or (element.tag == "img" and element.getparent() is not None):
            box = element if element.tag == "figure" else loose_figures.box_with_caption(element)
            if box is None:
                continue
            figure = _first_figure(box, reader)
            if figure is not None:
                return figure
    return None


def _strip_top_matter(root: Any, heading: Any, hints: PageMetadata, fields: dict[str, Any]) -> None:
    """Take the lines that repeat the headline, dek, byline and dates out of the story's opening."""
    boilerplate.strip_boilerplate(root)  # after the header fields: a byline may hold a date
    known = (hints.dek or "", hints.headline or "", fields.get("headline") or "")
    start = heading if heading is not None and heading.getparent() is not None else None
    dek = topmatter.strip_after(start, root, known, (author.name for author in hints.authors))
    topmatter.strip_tail(root)
    if start is not None:
        detach(start)
    if dek is not None and dek == hints.dek:
        fields.setdefault("dek", dek)


def _headline_from_first_heading(body: list[Block], fields: dict[str, Any]) -> None:
    """A page without a header whose text opens with an <h1>: that heading is the headline."""
    for index, block in enumerate(body):
        first = normalize((block,))  # blocks of white space only are not the first block
        if first:
            if isinstance(first[0], Heading) and first[0].level == 1:
                fields["headline"] = plain_text(first[0].content)
                del body[: index + 1]
            return


def content_root(tree: Any) -> Any:
    """The element holding the article: the fullest ``<article>``, else ``<main>``, else ``<body>``."""
    articles = _ARTICLE_ELEMENTS(tree)
    if articles:
        # Pages list related stories as small <article> cards; the story has the most paragraphs.
        return max(articles, key=lambda article: sum(1 for _ in article.iter("p")))
    for found in (_MAIN(tree), _BODY(tree)):
        if found:
            return found[0]
    return tree


def _marked_fields(root: Any, fields: dict[str, Any], reader: BlockReader) -> None:
    """Header fields from elements whose class names say what they hold."""
    byline_parent = None
    for element in _WITH_CLASS(root)[:_MARKED_ELEMENTS_LIMIT]:
        field = _field_of(element.get("class") or "")
        if field is None or element.tag in {"article", "main", "body"}:
            continue
        # One author per element, as pandoc's title block writes them: the siblings
        # of the first byline add their authors to it.
        repeated = field == "byline" and byline_parent is not None and element.getparent() is byline_parent
        if (field in fields or (field == "byline" and "authors" in fields)) and not repeated:
            continue
        if element.getparent() is None or any(a.tag in _NOT_HEADER for a in element.iterancestors()):
            continue
        text = reader.text_of(element)
        if not text or len(text) > _FIELD_TEXT_LIMIT:
            continue
        if field == "byline":
            fields["authors"] = fields.get("authors", ()) + _authors(element, text, reader)
            byline_parent = element.getparent()
        elif field == "date":
            when = time_element.parse(text)
            if when is None:
                continue  # not a date after all: it stays in the body
            fields.setdefault("published", when)
        else:
            fields[field] = text
        _times(element, fields, reader)
        detach(element)


def _field_of(classes: str) -> str | None:
    for token in classes.lower().split():
        field = FIELD_CLASS_WORDS.get(_CLASS_SPLIT.split(token)[-1])
        if field is not None:
            return field
    return None


def _authors(byline: Any, text: str, reader: BlockReader) -> tuple[Author, ...]:
    # Named parts first: author links (rel=author) or microdata names.
    named = [
        reader.text_of(element)
        for element in byline.iter()
        if isinstance(element.tag, str)
        and (element.get("rel") == "author" or element.get("itemprop") in {"author", "name"})
    ]
    names = [name for name in named if name] or [
        fold(part) for part in BYLINE_SEPARATORS.split(BYLINE_PREFIXES.sub("", text)) if fold(part)
    ]
    return tuple(Author(name) for name in dict.fromkeys(names))


def _times(element: Any, fields: dict[str, Any], reader: BlockReader) -> None:
    for time in element.iter("time"):
        value = time_element.parse(reader.string(time.get("datetime") or ""))
        if value is None:
            continue
        marks = f"{time.get('class') or ''} {time.get('itemprop') or ''}".lower()
        field = "updated" if "updated" in marks or "modified" in marks else "published"
        fields.setdefault(field, value)


def _first_figure(figure: Any, reader: BlockReader) -> Figure | None:
    blocks = read_figure(figure, reader, 1)
    detach(figure)
    return next((block for block in blocks if isinstance(block, Figure)), None)


def _lead_figure(root: Any, reader: BlockReader) -> Figure | None:
    for figure in root.iter("figure"):
        tokens = (figure.get("class") or "").lower().split()
        if any(_CLASS_SPLIT.split(token)[-1] in LEAD_CLASS_WORDS for token in tokens):
            return _first_figure(figure, reader)
    return None
