"""schema.org ``NewsArticle`` JSON-LD for the page head, as search engines read it.

Derived from the article for other consumers; newsdoc's reader reads the article
markup itself, so nothing here needs to round-trip.
"""

from __future__ import annotations

from typing import Any

from newsdoc.formats.html import time_element
from newsdoc.formats.html.safety import url_allowed
from newsdoc.model import Article, Author, Collection, Figure
from newsdoc.plain import plain_text

_CONTEXT = "https://schema.org"


def document_jsonld(doc: Article | Collection) -> dict[str, Any]:
    """The JSON-LD object for a page holding *doc*: a NewsArticle, or a CollectionPage of them."""
    if isinstance(doc, Article):
        return {"@context": _CONTEXT, **news_article(doc)}
    page: dict[str, Any] = {"@context": _CONTEXT, "@type": "CollectionPage"}
    if doc.title is not None:
        page["name"] = doc.title
    if doc.published is not None:
        page["datePublished"] = time_element.exact(doc.published)
    page["hasPart"] = [news_article(article) for article in doc.articles]
    return page


def news_article(article: Article) -> dict[str, Any]:
    """A schema.org NewsArticle (without ``@context``) describing *article*."""
    value: dict[str, Any] = {"@type": "NewsArticle"}
    if article.headline:
        value["headline"] = article.headline
    if article.dek is not None:
        value["description"] = article.dek
    if article.authors:
        value["author"] = [_person(author) for author in article.authors]
    if article.published is not None:
        value["datePublished"] = time_element.exact(article.published)
    if article.updated is not None:
        value["dateModified"] = time_element.exact(article.updated)
    images = [image for image in map(_image, article.figures) if image is not None]
    if images:
        value["image"] = images
    if article.publisher is not None:
        value["publisher"] = {"@type": "Organization", "name": article.publisher}
    if article.tags:
        value["keywords"] = list(article.tags)
    if article.section is not None:
        value["articleSection"] = article.section
    if article.dateline is not None:
        value["dateline"] = article.dateline
    if article.language is not None:
        value["inLanguage"] = article.language
    if article.url is not None and url_allowed(article.url):
        value["url"] = article.url
        value["mainEntityOfPage"] = article.url
    return value


def _person(author: Author) -> dict[str, Any]:
    person: dict[str, Any] = {"@type": "Person", "name": author.name}
    if author.title is not None:
        person["jobTitle"] = author.title
    if author.organization is not None:
        person["affiliation"] = {"@type": "Organization", "name": author.organization}
    if author.bio is not None:
        person["description"] = author.bio
    if author.url is not None and url_allowed(author.url):
        person["url"] = author.url
    return person


def _image(figure: Figure) -> dict[str, Any] | None:
    image = figure.image
    # data: images stay in the page: copied into JSON-LD they would double its size.
    if image is None or image.src.lower().startswith("data:") or not url_allowed(image.src):
        return None
    value: dict[str, Any] = {"@type": "ImageObject", "url": image.src}
    if figure.caption:
        value["caption"] = plain_text(figure.caption)
    if figure.credit is not None:
        value["creditText"] = figure.credit
    if image.width is not None:
        value["width"] = image.width
    if image.height is not None:
        value["height"] = image.height
    if image.media_type is not None:
        value["encodingFormat"] = image.media_type
    return value
