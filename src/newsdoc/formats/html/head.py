"""The page ``<head>``: title, description, canonical link, OpenGraph and Twitter card tags.

Derived from the document for browsers, search engines and link previews; newsdoc's
reader ignores it and reads the ``<article>`` markup instead.
"""

from __future__ import annotations

import re

from newsdoc._version import __version__
from newsdoc.formats.html import time_element
from newsdoc.formats.html.safety import escape_attribute, escape_text, url_allowed, valid_url
from newsdoc.model import Article, Collection, Image

#: The ``<meta name="generator">`` content, naming the writer (WHATWG 4.2.5.2).
GENERATOR = f"newsdoc {__version__}"

# og:locale takes language_TERRITORY (ogp.me): only simple tags such as "en-GB" map.
_SIMPLE_LOCALE = re.compile(r"[a-z]{2,3}(?:-[A-Z]{2})?")


def head(doc: Article | Collection) -> str:
    """The elements of ``<head>`` after the charset and viewport, one per line."""
    lines = [f"<title>{escape_text(_title(doc))}</title>"]
    lines.append(_meta("name", "generator", GENERATOR))
    if isinstance(doc, Article):
        lines.extend(_article_head(doc))
    else:
        lines.append(_meta("property", "og:type", "website"))
        if doc.title is not None:
            lines.append(_meta("property", "og:title", doc.title))
    return "\n".join(lines) + "\n"


def _title(doc: Article | Collection) -> str:
    # <title> must not be empty (WHATWG 4.2.2); a name in the page's own words would
    # need a language, so an untitled document falls back to what it is.
    title = doc.headline if isinstance(doc, Article) else doc.title
    if title and title.strip():
        return title
    if isinstance(doc, Article):
        return doc.publisher or "Article"
    return "Collection"


def _article_head(article: Article) -> list[str]:
    lines = []
    if article.dek is not None:
        lines.append(_meta("name", "description", article.dek))
    if article.authors:
        lines.append(_meta("name", "author", ", ".join(author.name for author in article.authors)))
    if article.url is not None and url_allowed(article.url):
        lines.append(f'<link rel="canonical" href="{escape_attribute(valid_url(article.url))}">')
    lines.append(_meta("property", "og:type", "article"))
    if article.headline:
        lines.append(_meta("property", "og:title", article.headline))
    if article.dek is not None:
        lines.append(_meta("property", "og:description", article.dek))
    if article.url is not None and url_allowed(article.url):
        lines.append(_meta("property", "og:url", valid_url(article.url)))
    if article.publisher is not None:
        lines.append(_meta("property", "og:site_name", article.publisher))
    if article.language is not None and _SIMPLE_LOCALE.fullmatch(article.language):
        lines.append(_meta("property", "og:locale", article.language.replace("-", "_")))
    image = _preview_image(article)
    if image is not None:
        lines.append(_meta("property", "og:image", valid_url(image.src)))
        if image.alt:
            lines.append(_meta("property", "og:image:alt", image.alt))
        if image.width is not None:
            lines.append(_meta("property", "og:image:width", str(image.width)))
        if image.height is not None:
            lines.append(_meta("property", "og:image:height", str(image.height)))
    if article.published is not None:
        lines.append(_meta("property", "article:published_time", time_element.exact(article.published)))
    if article.updated is not None:
        lines.append(_meta("property", "article:modified_time", time_element.exact(article.updated)))
    if article.section is not None:
        lines.append(_meta("property", "article:section", article.section))
    lines.extend(_meta("property", "article:tag", tag) for tag in article.tags)
    lines.append(_meta("name", "twitter:card", "summary_large_image" if image else "summary"))
    return lines


def _preview_image(article: Article) -> Image | None:
    # Link previews fetch og:image from elsewhere, so it must be an absolute http(s) URL.
    for figure in article.figures:
        image = figure.image
        if image is not None and image.src.lower().startswith(("https://", "http://")):
            return image
    return None


def _meta(key: str, name: str, content: str) -> str:
    return f'<meta {key}="{name}" content="{escape_attribute(content)}">'
