"""Read an article's metadata from a saved page: JSON-LD, OpenGraph, meta tags and microdata.

Each source yields what it states; ``FIELD_SOURCES`` says which source wins for each
field. Nothing here raises: a page with nothing usable gives empty metadata.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from attrs import frozen

from newsdoc._characters import scrub
from newsdoc.canonical import fold, language_tag
from newsdoc.formats.html.authors import authors_from_byline
from newsdoc.formats.html.dates import When, parse_when
from newsdoc.formats.html.figures import clean_credit, split_credit
from newsdoc.formats.html.linked_data import (
    ARTICLE_TYPES,
    as_list,
    breadcrumb_name,
    find_article,
    parse_blocks,
    resolve,
)
from newsdoc.formats.html.topmatter import header_standfirst
from newsdoc.model import Article, Author, Figure, Image, Inline, Text


@frozen(kw_only=True)
class PageMetadata:
    """What a page's metadata says about its article; every field may be missing.

    *published* and *updated* are aware datetimes in the page's own time zone, or
    dates when the page gives only the day, or a time without a zone (a naive time
    cannot be placed on the timeline, so only its day is kept). *images* holds every
    image the metadata describes, lead first, with the captions and credits it gives.
    """

    headline: str | None = None
    dek: str | None = None
    authors: tuple[Author, ...] = ()
    published: dt.datetime | dt.date | None = None
    updated: dt.datetime | dt.date | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    url: str | None = None
    language: str | None = None
    publisher: str | None = None
    lead: Figure | None = None
    images: tuple[Figure, ...] = ()
    #: The story's text as JSON-LD's ``articleBody`` states it, paragraphs split at line breaks.
    body_text: tuple[str, ...] = ()


# Which sources each field is taken from, best first. JSON-LD is written for search
# engines from the CMS's own fields, so it is the most exact; OpenGraph descriptions
# are the standfirst more often than JSON-LD's, which some German regional CMSs fill with the
# lead image's caption; <title> carries the site name. Microdata is read for the core
# fields only: on news pages its other properties mostly describe teasers and images.
# <time datetime> comes last: the first one on a page may date a teaser. The dek is
# first the standfirst the article's header marks under its <h1> ("header"): it is
# what readers see, while descriptions are often rewritten for link previews (on
# the shared web corpus, dek 0.806 -> 0.854; tune half unchanged, hold 0.765 -> 0.863).
FIELD_SOURCES: dict[str, tuple[str, ...]] = {
    "headline": ("json-ld", "opengraph", "twitter", "meta", "microdata", "title"),
    "dek": ("header", "opengraph", "twitter", "json-ld", "meta", "microdata"),
    "authors": ("json-ld", "opengraph", "meta", "microdata"),
    "published": ("json-ld", "opengraph", "meta", "microdata", "time"),
    "updated": ("json-ld", "opengraph", "meta"),
    "section": ("json-ld", "opengraph", "meta"),
    "tags": ("json-ld", "opengraph", "meta"),
    "url": ("link", "opengraph", "json-ld", "meta"),
    "language": ("html", "json-ld", "meta", "opengraph"),
    "publisher": ("json-ld", "opengraph", "meta"),
    "lead": ("json-ld", "opengraph", "twitter"),
}

# <meta> keys (property, name, itemprop or http-equiv, lowercased) -> (source, field).
# Within a source the first key, in this order, that gives a value wins.
META_FIELDS: dict[str, tuple[str, str]] = {
    # OpenGraph (ogp.me) and its article namespace: on nearly every news page.
    "og:title": ("opengraph", "headline"),
    "og:description": ("opengraph", "dek"),
    "article:author": ("opengraph", "authors"),  # often a profile URL, then skipped
    "article:author_name": ("opengraph", "authors"),  # a British newspaper group's CMS
    "article:published_time": ("opengraph", "published"),
    "article:modified_time": ("opengraph", "updated"),
    "og:updated_time": ("opengraph", "updated"),
    "article:section": ("opengraph", "section"),
    "article:tag": ("opengraph", "tags"),
    "og:url": ("opengraph", "url"),
    "og:locale": ("opengraph", "language"),
    "og:site_name": ("opengraph", "publisher"),
    "og:image": ("opengraph", "image"),
    "og:image:url": ("opengraph", "image"),
    "og:image:secure_url": ("opengraph", "image"),
    "og:image:alt": ("opengraph", "image_alt"),
    "og:image:width": ("opengraph", "image_width"),
    "og:image:height": ("opengraph", "image_height"),
    "og:image:type": ("opengraph", "image_type"),
    # Twitter cards (developer.x.com "Cards markup").
    "twitter:title": ("twitter", "headline"),
    "twitter:description": ("twitter", "dek"),
    "twitter:image": ("twitter", "image"),
    "twitter:image:src": ("twitter", "image"),
    "twitter:image:alt": ("twitter", "image_alt"),
    # Plain meta names: HTML's standard names, Dublin Core (government and public
    # broadcasters' CMSs), Parse.ly and Sailthru analytics tags (WordPress VIP and
    # US newspaper sites), cXense tags (European publishers), schema.org itemprops
    # written as head meta tags, and the bare "date"/"pubdate" names of older CMSs.
    "author": ("meta", "authors"),
    "dc.creator": ("meta", "authors"),
    "dcterms.creator": ("meta", "authors"),
    "parsely-author": ("meta", "authors"),
    "sailthru.author": ("meta", "authors"),
    "cxenseparse:author": ("meta", "authors"),
    "description": ("meta", "dek"),
    "dc.description": ("meta", "dek"),
    "dcterms.description": ("meta", "dek"),
    "sailthru.description": ("meta", "dek"),
    "dc.title": ("meta", "headline"),
    "dcterms.title": ("meta", "headline"),
    "parsely-title": ("meta", "headline"),
    "sailthru.title": ("meta", "headline"),
    "headline": ("meta", "headline"),
    "datepublished": ("meta", "published"),
    "dc.date.issued": ("meta", "published"),
    "dcterms.issued": ("meta", "published"),
    "dc.date": ("meta", "published"),
    "dcterms.created": ("meta", "published"),
    "parsely-pub-date": ("meta", "published"),
    "sailthru.date": ("meta", "published"),
    "cxenseparse:recs:publishtime": ("meta", "published"),
    "pubdate": ("meta", "published"),
    "publishdate": ("meta", "published"),
    "publish-date": ("meta", "published"),
    "publication_date": ("meta", "published"),
    "date": ("meta", "published"),
    "datemodified": ("meta", "updated"),
    "dcterms.modified": ("meta", "updated"),
    "last-modified": ("meta", "updated"),
    "parsely-section": ("meta", "section"),
    "news_keywords": ("meta", "tags"),
    "parsely-tags": ("meta", "tags"),
    "sailthru.tags": ("meta", "tags"),
    "keywords": ("meta", "tags"),
    "dc.subject": ("meta", "tags"),
    "parsely-link": ("meta", "url"),
    "content-language": ("meta", "language"),
    "dc.language": ("meta", "language"),
    "dcterms.language": ("meta", "language"),
    "language": ("meta", "language"),
    "dc.publisher": ("meta", "publisher"),
    "dcterms.publisher": ("meta", "publisher"),
    "publisher": ("meta", "publisher"),
}

# Prefixes some pages spell OpenGraph keys with; they mean the plain key.
_META_KEY_ALIASES: tuple[tuple[str, str], ...] = (
    ("og:article:", "article:"),  # French newspaper CMSs
    ("http://ogp.me/ns/article#", "article:"),  # RDFa-style full IRIs (WordPress plugins)
    ("http://ogp.me/ns#", "og:"),
)

_ALIASED_PREFIXES = tuple(prefix for prefix, _ in _META_KEY_ALIASES)
# Meta keys that name the site, for recognising it in titles and bylines.
_SITE_NAME_KEYS = ("application-name", "apple-mobile-web-app-title")
_META_KEYS_READ = frozenset((*META_FIELDS, *_SITE_NAME_KEYS))

# Where <title> puts the site name: "Headline | Site", "Site - Headline", with a bar,
# a hyphen, an en or em dash, a double colon, a middle dot, a bullet, a guillemet, a
# slash, or the bars of Korean, Japanese and Chinese titles. A part is dropped when it
# names the site (og:site_name, the JSON-LD publisher, the host name).
TITLE_SEPARATORS: tuple[str, ...] = (
    " | ",
    " - ",
    " \u2013 ",
    " \u2014 ",
    " :: ",
    " \u00b7 ",
    " \u2022 ",
    " \u00bb ",
    " / ",
    "\u3163",  # the Hangul letter "ㅣ", which Korean titles use as a bar
    "\uff5c",  # the fullwidth bar of Japanese and Chinese titles
)
# What starts a section or site name joined to a headline without spaces: hyphens,
# dashes, bars (also the Hangul "ㅣ" and the fullwidth bar), colons, middle dots.
_SUFFIX_MARKS = frozenset("-\u2013\u2014|:\u00b7\u3163\uff5c")
#: Sources whose title replaces a JSON-LD headline when JSON-LD's own breadcrumb names
#: the page by that title (``_named_by_breadcrumb``): link-preview cards and meta tags,
#: which CMSs fill from the editors' headline; <title> is left out, as it adds the site.
BREADCRUMB_PEERS = ("opengraph", "twitter", "meta", "microdata")
# A title shorter than this is not trusted to be the whole headline.
_SHORTEST_HEADLINE = 10
#: A title part longer than this is part of the headline, not a site name.
MAX_SITE_NAME_WORDS = 5
# Shorter names must match exactly: "AP" would otherwise be found inside any word.
_SHORTEST_SITE_NAME = 4
_TITLE_PASSES = 3

# Second-level labels that are not the site's name ("example.co.uk", "example.net.au").
_REGISTRY_LABELS = frozenset(("co", "com", "org", "net", "ac", "gov", "or", "ne", "go", "gv", "www"))

# Microdata properties read from the article's item (schema.org/Article).
_MICRODATA_ITEMPROPS = frozenset(("headline", "name", "description", "datepublished", "author"))
#: Limits on the microdata walk: properties read, ancestors climbed to find a scope.
MAX_MICRODATA_PROPERTIES = 500
MAX_SCOPE_DEPTH = 60
#: <meta>, <script>, <link>, <title> and <time> elements read from one page at most.
MAX_HEAD_ELEMENTS = 5000
#: Longer metadata values are not headlines or names; cut before any work on them.
MAX_VALUE_LENGTH = 20_000
#: Authors, images and tags read from one page at most.
MAX_LIST_ITEMS = 100

_TAG = re.compile(r"<[^<>]{0,1000}>")
#: The share of a description's words a longer one must hold to be the same, whole.
WHOLE_SHARE = 0.9
_WORD_RUN = re.compile(r"\w+")
_MIN_CUT_WORDS = 5
# Words this long or longer tell what a text is about; shorter ones are grammar ("the", "und").
_TOPIC_WORD = 4
# Image sizes beyond six digits are typos or attacks, not pixels.
_DIMENSION_DIGITS = 6
_SPACE = re.compile(r"\s")
_URL_SCHEMES = ("http://", "https://")
_LIST_SEPARATORS = re.compile(r"\s*[,;]\s*")
# Text that was UTF-8 decoded as windows-1252 or Latin-1 ("Ã©" for "é", as Russian
# CMSs double-encode Cyrillic in their JSON-LD): a UTF-8 lead byte read as a Latin-1
# letter, followed by a continuation byte read as a C1 control or a windows-1252 symbol.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)


def extract_metadata(tree: lxml.html.HtmlElement, url: str | None) -> PageMetadata:
    """Read the metadata of the page *tree*; *url* is the page's address, for relative links.

    >>> page = lxml.html.fromstring(
    ...     '<html lang="en"><head><title>Rain at last | The Gazette</title>'
    ...     '<meta property="og:site_name" content="The Gazette"></head><body></body></html>'
    ... )
    >>> meta = extract_metadata(page, "https://example.com/rain")
    >>> meta.headline, meta.publisher, meta.language, meta.url
    ('Rain at last', 'The Gazette', 'en', 'https://example.com/rain')
    """
    page = _Page(tree, url)
    found: dict[str, Any] = {}
    for field, sources in FIELD_SOURCES.items():
        if field in ("published", "updated"):
            found[field] = _most_precise(page.candidates(field, sources))
        elif field == "authors":
            found[field] = _real_authors(page, sources)
        else:
            found[field] = next(iter(page.candidates(field, sources)), None)
    if found.get("dek"):
        found["dek"] = _whole_description(found["dek"], page.candidates("dek", FIELD_SOURCES["dek"]))
    found = {field: value for field, value in found.items() if value}
    if "headline" in found:
        found["headline"] = _named_by_breadcrumb(found["headline"], page)
        found["headline"] = _strip_site_name(found["headline"], page.site_names(), found.get("section"))
    if found.get("headline"):
        stated = page.candidates("headline", FIELD_SOURCES["headline"])
        found["headline"] = _without_suffix(found["headline"], stated)
    if "url" not in found and url is not None and url.startswith(_URL_SCHEMES):
        found["url"] = url
    lead = found.get("lead")
    if lead is not None:
        found["lead"] = _complete_image(lead, page)
    found["images"] = _images(found.get("lead"), page.source("json-ld").get("images", ()))
    found["body_text"] = page.source("json-ld").get("body_text", ())
    return PageMetadata(**found)


class _Page:
    """The page's metadata elements, read once, and each source's findings, made on demand."""

    def __init__(self, tree: lxml.html.HtmlElement, url: str | None) -> None:
        self.tree = tree
        self.base = url if url and url.startswith(_URL_SCHEMES) else None
        self.metas: dict[str, list[str]] = {}
        self.json_ld_texts: list[str] = []
        self.json_ld_values: list[Any] = []
        self.canonical: str | None = None
        self.title: str | None = None
        self._sources: dict[str, dict[str, Any]] = {}
        self._site_names: list[str] | None = None
        self._read_elements()

    def _read_elements(self) -> None:
        root = self.tree.getroottree().getroot()
        # One pass in C over the tags that matter; Python sees only those elements.
        # <meta> and JSON-LD are read from the body too: parsers close <head> early
        # at stray markup, and many CMSs put JSON-LD at the end of the body.
        for count, element in enumerate(root.iter("meta", "script", "link", "title")):
            if count >= MAX_HEAD_ELEMENTS:
                break
            tag = element.tag
            if tag == "meta":
                self._read_meta(element)
            elif tag == "script":
                if "ld+json" in (element.get("type") or "") and element.text:
                    self.json_ld_texts.append(element.text)
            elif tag == "link":
                if self.canonical is None and "canonical" in (element.get("rel") or "").lower().split():
                    self.canonical = element.get("href")
            elif self.title is None:
                self.title = _text_content(element)[:MAX_VALUE_LENGTH]

    def _read_meta(self, element: lxml.html.HtmlElement) -> None:
        content = element.get("content")
        if content is None:
            return
        # itemprop metas are microdata: they belong to their item (an image's author
        # is its photographer), so the microdata source reads them with their scope.
        for attribute in ("property", "name", "http-equiv"):
            key = element.get(attribute)
            if not key:
                continue
            key = key.strip().lower()
            if key.startswith(_ALIASED_PREFIXES):
                for prefix, replacement in _META_KEY_ALIASES:
                    if key.startswith(prefix):
                        key = replacement + key.removeprefix(prefix)
            if key in _META_KEYS_READ:
                self.metas.setdefault(key, []).append(content[:MAX_VALUE_LENGTH])

    def source(self, name: str) -> dict[str, Any]:
        if name not in self._sources:
            self._sources[name] = _SOURCE_READERS[name](self)
        return self._sources[name]

    def candidates(self, field: str, sources: tuple[str, ...]) -> Iterable[Any]:
        for name in sources:
            value = self.source(name).get(field)
            if value:
                yield value

    def site_names(self) -> list[str]:
        if self._site_names is None:
            self._site_names = self._find_site_names()
        return self._site_names

    def _find_site_names(self) -> list[str]:
        names = [
            value
            for value in (
                self.source("json-ld").get("publisher"),
                self.source("opengraph").get("publisher"),
                self.source("meta").get("publisher"),
                *(name for key in _SITE_NAME_KEYS for name in self.metas.get(key, ())),
            )
            if value
        ]
        try:
            host = urlsplit(self.base or "").hostname or ""
        except ValueError:  # a malformed host such as "http://[x"
            host = ""
        labels = [label for label in host.split(".")[:-1] if label not in _REGISTRY_LABELS]
        if labels:
            names.append(labels[-1])
        return names

    def absolute(self, link: str | None) -> str | None:
        """*link* resolved against the page's address, if it is a usable http(s) URL."""
        if not link or len(link) > MAX_VALUE_LENGTH:
            return None
        link = _scrubbed(link).strip()
        if self.base is not None and not link.startswith(_URL_SCHEMES):
            try:
                link = urljoin(self.base, link)
            except ValueError:  # a malformed host such as "http://[x"
                return None
        if not link.startswith(_URL_SCHEMES) or _SPACE.search(link):
            return None
        return link


# --- sources -----------------------------------------------------------------------


def _from_json_ld(page: _Page) -> dict[str, Any]:
    page.json_ld_values = parse_blocks(page.json_ld_texts)
    article, by_id = find_article(page.json_ld_values)
    if article is None:
        return {}

    def text(key: str) -> str | None:
        for value in as_list(article.get(key)):
            if isinstance(value, str) and (cleaned := clean_text(value)):
                return cleaned
        return None

    authors: list[Author] = []
    for value in (as_list(article.get("author")) or as_list(article.get("creator")))[:MAX_LIST_ITEMS]:
        authors.extend(_json_ld_authors(resolve(value, by_id), page))
    images = [
        figure
        for value in as_list(article.get("image"))[:MAX_LIST_ITEMS]
        if (figure := _json_ld_figure(resolve(value, by_id), page)) is not None
    ]
    publisher = resolve(article.get("publisher"), by_id)
    if isinstance(publisher, list) and publisher:
        publisher = resolve(publisher[0], by_id)
    main_entity = resolve(article.get("mainEntityOfPage"), by_id)
    if isinstance(main_entity, dict):
        main_entity = main_entity.get("url") or main_entity.get("@id")
    language = article.get("inLanguage")
    if isinstance(language, dict):
        language = language.get("alternateName") or language.get("name")
    return {
        "headline": text("headline") or text("name"),
        "dek": text("description") or text("abstract"),
        "authors": tuple(authors),
        "published": _when(article.get("datePublished")) or _when(article.get("dateCreated")),
        "updated": _when(article.get("dateModified")),
        "section": text("articleSection"),
        "tags": _tags(v for v in as_list(article.get("keywords")) if isinstance(v, str)),
        "url": page.absolute(_string(article.get("url"))) or page.absolute(_string(main_entity)),
        "language": _language(_string(language)),
        "publisher": _name_of(publisher),
        "lead": images[0] if images else None,
        "images": tuple(images),
        "body_text": _paragraphs(article.get("articleBody")),
    }


def _paragraphs(value: Any) -> tuple[str, ...]:
    """The paragraphs of an ``articleBody`` string: its lines, entities decoded, tags gone."""
    if isinstance(value, list) and value:
        value = value[0]
    if not isinstance(value, str):
        return ()
    lines = (clean_text(line) for line in value[: MAX_VALUE_LENGTH * 50].splitlines())
    return tuple(line for line in lines if line)


def _json_ld_authors(value: Any, page: _Page) -> list[Author]:
    if isinstance(value, str):
        return [] if value.strip().startswith(_URL_SCHEMES) else list(authors_from_byline(value))
    if not isinstance(value, dict):
        return []
    name = _name_of(value)
    if name is None:
        return []
    found = list(authors_from_byline(name))
    if len(found) == 1:
        # One person: the node's own fields describe her.
        title = _string(value.get("jobTitle"))
        bio = _string(value.get("description"))
        link = page.absolute(_string(value.get("url"))) or page.absolute(_string(value.get("sameAs")))
        only = found[0]
        found = [
            Author(
                only.name,
                title=clean_text(title) if title else only.title,
                organization=only.organization,
                bio=clean_text(bio) if bio else None,
                url=link,
            )
        ]
    return found


def _json_ld_figure(value: Any, page: _Page) -> Figure | None:
    if isinstance(value, str):
        return _figure(page.absolute(value))
    if not isinstance(value, dict):
        return None
    src = page.absolute(_string(value.get("url")) or _string(value.get("contentUrl")))
    credit = (
        _string(value.get("creditText"))
        or _name_of(value.get("copyrightHolder"))
        or _name_of(value.get("author"))
        or _name_of(value.get("creator"))
    )
    return _figure(
        src,
        caption=_string(value.get("caption")) or _string(value.get("description")),
        credit=credit,
        width=_dimension(value.get("width")),
        height=_dimension(value.get("height")),
        media_type=_string(value.get("encodingFormat")),
    )


def _from_meta_tags(source: str) -> Callable[[_Page], dict[str, Any]]:
    def read(page: _Page) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key, (where, field) in META_FIELDS.items():
            if where != source or field in found or key not in page.metas:
                continue
            value = _META_CONVERTERS[field](page.metas[key], page)
            if value:
                found[field] = value
        if "image" in found:
            found["lead"] = _figure(
                found["image"],
                alt=found.get("image_alt"),
                width=_dimension(found.get("image_width")),
                height=_dimension(found.get("image_height")),
                media_type=found.get("image_type"),
            )
        return found

    return read


def _from_microdata(page: _Page) -> dict[str, Any]:
    properties = page.tree.xpath("//*[@itemprop]")
    if not isinstance(properties, list):
        return {}
    article_scope = None
    for element in page.tree.xpath("//*[@itemscope][@itemtype]")[:MAX_MICRODATA_PROPERTIES]:
        itemtype = str(element.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1].lower()
        if itemtype in ARTICLE_TYPES:
            article_scope = element
            break
    values: dict[str, list[str]] = {}
    authors: list[Author] = []
    for element in properties[:MAX_MICRODATA_PROPERTIES]:
        names = set(str(element.get("itemprop") or "").lower().split()) & _MICRODATA_ITEMPROPS
        if not names or _scope_of(element) is not article_scope:
            continue
        for name in names:
            if name == "author":
                authors.extend(_microdata_author(element))
            else:
                values.setdefault(name, []).append(_microdata_value(element))
    headline = values.get("headline") or values.get("name")
    return {
        "headline": _first_text(headline or [], page),
        "dek": _first_text(values.get("description", []), page),
        "authors": tuple(authors),
        "published": _first_when(values.get("datepublished", []), page),
    }


def _scope_of(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    for depth, ancestor in enumerate(element.iterancestors()):
        if depth >= MAX_SCOPE_DEPTH:
            break
        if ancestor.get("itemscope") is not None:
            return ancestor
    return None


def _microdata_author(element: lxml.html.HtmlElement) -> tuple[Author, ...]:
    if element.get("itemscope") is None:
        return authors_from_byline(_microdata_value(element))
    for child in element.iterdescendants():
        if "name" in str(child.get("itemprop") or "").split() and _scope_of(child) is element:
            return authors_from_byline(_microdata_value(child))
    return ()


def _microdata_value(element: lxml.html.HtmlElement) -> str:
    """An element's microdata value (WHATWG HTML, "Values")."""
    tag = element.tag
    attribute = _MICRODATA_VALUE_ATTRIBUTES.get(tag) if isinstance(tag, str) else None
    if attribute is not None:
        return str(element.get(attribute) or "")
    if tag == "time" and element.get("datetime"):
        return str(element.get("datetime"))
    return _text_content(element)[:MAX_VALUE_LENGTH]


def _text_content(element: lxml.html.HtmlElement) -> str:
    # XPath's string() works on plain lxml elements too, not only lxml.html's.
    return str(element.xpath("string()"))


# Elements whose microdata value is an attribute (WHATWG HTML, "Values").
_MICRODATA_VALUE_ATTRIBUTES: dict[str, str] = {
    "meta": "content",
    "a": "href",
    "link": "href",
    "area": "href",
    "img": "src",
    "audio": "src",
    "video": "src",
    "source": "src",
    "embed": "src",
    "iframe": "src",
    "object": "data",
    "data": "value",
    "meter": "value",
}


def _from_time_element(page: _Page) -> dict[str, Any]:
    for count, element in enumerate(page.tree.getroottree().getroot().iter("time")):
        if count >= MAX_HEAD_ELEMENTS:
            break
        value = element.get("datetime")
        if value:
            return {"published": parse_when(value)}
    return {}


def _from_header(page: _Page) -> dict[str, Any]:
    shown = header_standfirst(page.tree)
    text = clean_text(shown) if shown else None
    if text is None:
        return {}
    words = _WORD_RUN.findall(text.casefold())
    described = [
        _WORD_RUN.findall(value.casefold())
        for name in FIELD_SOURCES["dek"]
        if name != "header" and (value := page.source(name).get("dek"))
    ]
    titled = [
        _WORD_RUN.findall(value.casefold())
        for value in page.candidates("headline", FIELD_SOURCES["headline"])
    ]
    # A line sharing no word with the headline or any description is a promotion or a
    # label ("Read our full coverage"); one holding a description after other words is
    # a caption or a kicker run into the standfirst, which the description states alone.
    topical = {word for stated in described + titled for word in stated if len(word) >= _TOPIC_WORD}
    if topical and topical.isdisjoint(words):
        return {}
    if any(_holds_after_start(words, stated) for stated in described if len(stated) >= _MIN_CUT_WORDS):
        return {}
    return {"dek": text}


def _holds_after_start(words: list[str], stated: list[str]) -> bool:
    """Whether *stated* stands word for word in *words*, after other words."""
    joined, run = " ".join(words), " ".join(stated)
    return run in joined and not joined.startswith(run)


def _from_title(page: _Page) -> dict[str, Any]:
    return {"headline": clean_text(page.title) if page.title else None}


def _from_html_element(page: _Page) -> dict[str, Any]:
    root = page.tree.getroottree().getroot()
    return {"language": _language(root.get("lang") or root.get("xml:lang"))}


def _from_links(page: _Page) -> dict[str, Any]:
    return {"url": page.absolute(page.canonical)}


_SOURCE_READERS: dict[str, Callable[[_Page], dict[str, Any]]] = {
    "json-ld": _from_json_ld,
    "opengraph": _from_meta_tags("opengraph"),
    "twitter": _from_meta_tags("twitter"),
    "meta": _from_meta_tags("meta"),
    "microdata": _from_microdata,
    "time": _from_time_element,
    "title": _from_title,
    "header": _from_header,
    "html": _from_html_element,
    "link": _from_links,
}


# --- values ------------------------------------------------------------------------


def clean_text(text: str) -> str | None:
    """Metadata text as a reader would show it: entities decoded, tags and controls gone."""
    text = text[:MAX_VALUE_LENGTH]
    if "&" in text:
        text = html.unescape(text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    if _MOJIBAKE.search(text):
        text = _repair_mojibake(text)
    return fold(_scrubbed(text)) or None


def _scrubbed(text: str) -> str:
    # Every refused character is unprintable, and isprintable() runs in C: most
    # metadata never reaches the slower regex.
    return text if text.isprintable() else scrub(text)


def _repair_mojibake(text: str) -> str:
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return text


def _string(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("@value") or value.get("url") or value.get("@id")
    return value if isinstance(value, str) else None


def _name_of(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, str):
        return None if value.strip().startswith(_URL_SCHEMES) else clean_text(value)
    if not isinstance(value, dict):
        return None
    name = value.get("name")
    if isinstance(name, list) and name:
        name = name[0]
    if not isinstance(name, str) or not name.strip():
        given, family = value.get("givenName"), value.get("familyName")
        parts = [part for part in (given, family) if isinstance(part, str)]
        name = " ".join(parts)
    return clean_text(name) if name else None


def _dimension(value: Any) -> int | None:
    if isinstance(value, dict):
        value = value.get("value")
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        value = value.strip().removesuffix("px")
        value = (
            int(value) if value.isascii() and value.isdigit() and len(value) <= _DIMENSION_DIGITS else None
        )
    return value if isinstance(value, int) and 0 < value < 10**_DIMENSION_DIGITS else None


def _when(value: Any) -> When | None:
    if isinstance(value, list) and value:
        value = value[0]
    return parse_when(value) if isinstance(value, str) else None


def _first_when(values: list[str], _page: _Page) -> When | None:
    for value in values:
        when = parse_when(value)
        if when is not None:
            return when
    return None


def _first_text(values: list[str], _page: _Page) -> str | None:
    for value in values:
        cleaned = clean_text(value)
        if cleaned:
            return cleaned
    return None


def _first_url(values: list[str], page: _Page) -> str | None:
    for value in values:
        link = page.absolute(value)
        if link:
            return link
    return None


def _first_language(values: list[str], _page: _Page) -> str | None:
    for value in values:
        language = _language(value)
        if language:
            return language
    return None


def _meta_authors(values: list[str], _page: _Page) -> tuple[Author, ...]:
    found: dict[Author, None] = {}  # ordered and without repeats
    for value in values[:MAX_LIST_ITEMS]:
        if not value.strip().startswith(_URL_SCHEMES):
            found.update(dict.fromkeys(authors_from_byline(value)))
    return tuple(found)


def _meta_tags(values: list[str], _page: _Page) -> tuple[str, ...]:
    return _tags(values)


def _tags(values: Iterable[str]) -> tuple[str, ...]:
    found: dict[str, str] = {}
    for value in values:
        for tag in _LIST_SEPARATORS.split(value):
            cleaned = clean_text(tag)
            if cleaned and cleaned.casefold() not in found:
                found[cleaned.casefold()] = cleaned
                if len(found) >= MAX_LIST_ITEMS:
                    return tuple(found.values())
    return tuple(found.values())


def _language(value: str | None) -> str | None:
    """A BCP 47 tag the model accepts, from ``en``, ``en_GB`` (og:locale) or ``en-gb``."""
    if not value:
        return None
    tag = value.strip().replace("_", "-")
    try:
        return Article(language=language_tag(tag)).language
    except (TypeError, ValueError):
        return None


_META_CONVERTERS: dict[str, Callable[[list[str], _Page], Any]] = {
    "headline": _first_text,
    "dek": _first_text,
    "section": _first_text,
    "publisher": _first_text,
    "image_alt": _first_text,
    "image_type": _first_text,
    "image_width": _first_text,
    "image_height": _first_text,
    "authors": _meta_authors,
    "published": _first_when,
    "updated": _first_when,
    "tags": _meta_tags,
    "url": _first_url,
    "image": _first_url,
    "language": _first_language,
}


# --- choices -----------------------------------------------------------------------


def _whole_description(first: str, candidates: Iterable[str]) -> str:
    """*first*, or a later source's description that holds all of it and more.

    Link-preview descriptions are cut short ("... the operation to address whic") or
    prefixed ("World News: ..."); JSON-LD or the plain meta description may hold the
    whole standfirst.
    """
    words = _WORD_RUN.findall(first.casefold())
    if len(words) < _MIN_CUT_WORDS:
        return first  # too short to tell a cut from a coincidence
    for other in candidates:
        if len(other) <= len(first):
            continue
        others = set(_WORD_RUN.findall(other.casefold()))
        if words and sum(word in others for word in words[:-1]) >= WHOLE_SHARE * (len(words) - 1):
            return other  # the last word may be cut in the middle
    return first


def _most_precise(candidates: Iterable[When]) -> When | None:
    """The first candidate, unless it lacks a zone and a later one places the same day exactly.

    A naive datetime is kept as its date: without a zone it is no instant.
    """
    first: dt.date | None = None
    for when in candidates:
        aware = isinstance(when, dt.datetime) and when.tzinfo is not None
        if first is None:
            if aware:
                return when
            first = when.date() if isinstance(when, dt.datetime) else when
        elif aware and isinstance(when, dt.datetime) and when.date() == first:
            return when
    return first


def _real_authors(page: _Page, sources: tuple[str, ...]) -> tuple[Author, ...]:
    """The first source's authors, unless they only name the site and a later source names people.

    CMSs fill an empty byline with the site's name (a JSON-LD Person "The Gazette",
    ``<meta name="author" content="Riverside Times">``) while another source keeps the
    reporter's; a site name stays only when no source offers more.
    """
    known = {_letters(name) for name in page.site_names()} - {""}
    placeholder: tuple[Author, ...] = ()
    for source in sources:
        authors: tuple[Author, ...] = page.source(source).get("authors", ())
        people = tuple(author for author in authors if _letters(author.name) not in known)
        if people:
            # <meta name="author"> is the page's author, often the outlet, listed
            # beside the reporter's own tag on Korean and German sites.
            return people if source == "meta" else authors
        placeholder = placeholder or authors
    return placeholder


def _strip_site_name(title: str, site_names: list[str], section: str | None) -> str | None:
    """*title* without leading or trailing parts that name the site (or the section).

    A title that names nothing but the site (a home page's) is no headline: None.
    """
    known = {_letters(name) for name in site_names} | {_letters(section or "")}
    known.discard("")
    if not known:
        return title
    if _letters(title) in known:
        return None
    # A few passes cover "Headline - Section | Site"; each pass is linear in the title.
    for _ in range(_TITLE_PASSES):
        before = title
        for separator in TITLE_SEPARATORS:
            if separator not in title:
                continue
            parts = title.split(separator)
            start, end = 0, len(parts)
            while end - start > 1 and _names_site(parts[end - 1], known):
                end -= 1
            while end - start > 1 and _names_site(parts[start], known):
                start += 1
            title = separator.join(parts[start:end]).strip()
        if title == before:
            break
    return title


def _named_by_breadcrumb(headline: str, page: _Page) -> str:
    """*headline*, or the other title stated for the page when JSON-LD's breadcrumb names the page by it.

    CMSs with a separate search-engine headline put it in JSON-LD's ``headline``,
    while the breadcrumb's last item, og:title and twitter:title carry the title the
    editors gave the page. When the breadcrumb repeats another source's title word
    for word and not the JSON-LD headline, two statements outvote one.
    """
    if headline != page.source("json-ld").get("headline"):
        return headline
    name = breadcrumb_name(page.json_ld_values)
    crumb = clean_text(name) if name else None
    if crumb is None or _letters(crumb) == _letters(headline):
        return headline
    for source in BREADCRUMB_PEERS:
        other = page.source(source).get("headline")
        if isinstance(other, str) and _letters(other) == _letters(crumb):
            return other
    return headline


def _without_suffix(headline: str, candidates: Iterable[str]) -> str:
    """*headline*, or another source's title that is *headline* less a tail after a separator.

    A title may end with a section or site name joined without spaces ("Headline-Politics"),
    which the separators of ``TITLE_SEPARATORS`` miss; a source stating the headline
    alone (``<meta name="headline">``, another card) shows where the headline ends.
    """
    for candidate in candidates:
        other = " ".join(candidate.split())
        if (
            len(other) >= _SHORTEST_HEADLINE
            and len(other) < len(headline)
            and " ".join(headline.split()).startswith(other)
        ):
            rest = " ".join(headline.split())[len(other) :].lstrip()
            if rest[:1] in _SUFFIX_MARKS and len(rest.split()) <= MAX_SITE_NAME_WORDS:
                return other
    return headline


def _names_site(part: str, known: set[str]) -> bool:
    if len(part.split()) > MAX_SITE_NAME_WORDS:
        return False
    letters = _letters(part)
    if len(letters) < _SHORTEST_SITE_NAME:
        return letters in known
    # "Gazette.fr" names the site "Gazette"; "gazette online" the host "gazette".
    return any(name in letters or (letters in name and len(name) >= _SHORTEST_SITE_NAME) for name in known)


def _letters(text: str) -> str:
    return "".join(character for character in text.casefold() if character.isalnum())


def _figure(
    src: str | None,
    *,
    alt: str | None = None,
    caption: str | None = None,
    credit: str | None = None,
    width: int | None = None,
    height: int | None = None,
    media_type: str | None = None,
) -> Figure | None:
    if not src:
        return None
    try:
        image = Image(src, alt=_optional(alt), width=width, height=height, media_type=media_type)
    except (TypeError, ValueError):
        # A malformed media type is only a hint; the image stands without it.
        image = Image(src, alt=_optional(alt), width=width, height=height)
    caption_text = _optional(caption)
    inlines: tuple[Inline, ...] = (Text(caption_text),) if caption_text else ()
    credit_text = _optional(credit)
    if credit_text is None and inlines:
        inlines, credit_text = split_credit(inlines)  # "A caption. (Jane Doe/Reuters)"
    elif credit_text is not None:
        credit_text = clean_credit(credit_text) or None
    return Figure(image=image, caption=inlines, credit=credit_text)


def _optional(text: str | None) -> str | None:
    return clean_text(text) if text else None


def _complete_image(lead: Figure, page: _Page) -> Figure:
    """Fill the lead image's alt text and size from OpenGraph and Twitter when they describe it."""
    image = lead.image
    if image is None:
        return lead
    for source in ("opengraph", "twitter"):
        other = page.source(source).get("lead")
        if isinstance(other, Figure) and other.image is not None and other.image.src == image.src:
            image = Image(
                image.src,
                alt=image.alt or other.image.alt,
                width=image.width or other.image.width,
                height=image.height or other.image.height,
                media_type=image.media_type or other.image.media_type,
            )
    return Figure(image=image, caption=lead.caption, credit=lead.credit)


def _images(lead: Figure | None, described: tuple[Figure, ...]) -> tuple[Figure, ...]:
    found: list[Figure] = [] if lead is None else [lead]
    seen = {figure.image.src for figure in found if figure.image is not None}
    for figure in described:
        if figure.image is not None and figure.image.src not in seen:
            seen.add(figure.image.src)
            found.append(figure)
    return tuple(found)
