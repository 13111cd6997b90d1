"""Read newsdoc's own markup exactly: the header, footer and collection wrapper markup.py writes.

Recognised by ``data-newsdoc``; every field is read from the element markup.py
puts it in, so reading what newsdoc wrote gives the same document back.
"""

from __future__ import annotations

from typing import Any

from newsdoc.canonical import language_tag
from newsdoc.formats.html import time_element
from newsdoc.formats.html.blocks import BlockReader
from newsdoc.formats.html.figures import read_figure
from newsdoc.model import Article, Author, Collection, Figure


def find_own_root(tree: Any) -> Any:
    """The first ``<article>`` or collection ``<section>`` newsdoc marked as its own, or None."""
    for element in tree.iter("article", "section"):
        if element.get("data-newsdoc") is not None:
            return element
    return None


def read_own(root: Any, reader: BlockReader) -> Article | Collection:
    """The article or collection newsdoc wrote at *root*."""
    if root.tag == "article":
        return own_article(root, reader)
    title = None
    published = None
    articles = []
    for child in root:
        if child.tag == "header":
            heading = next(child.iterchildren("h1"), None)
            if heading is not None:
                title = reader.text_of(heading) or None
            published = _times(child, reader).get("published")
        elif child.tag == "article":
            articles.append(own_article(child, reader))
    return Collection(title, tuple(articles), published)


def own_article(element: Any, reader: BlockReader) -> Article:
    """An ``<article data-newsdoc>``: header fields, lead figure, body, footer fields."""
    fields: dict[str, Any] = {"language": _language(element.get("lang"))}
    authors: list[dict[str, Any]] = []
    body: list[Any] = []
    for child in element:
        tag = child.tag
        if tag == "header" and not body and "headline" not in fields:
            fields["headline"] = ""
            _header(child, fields, authors, reader)
        elif tag == "figure" and child.get("class") == "lead" and not body and "lead" not in fields:
            figures = read_figure(child, reader, 1)
            fields["lead"] = figures[0] if figures and isinstance(figures[0], Figure) else None
        elif tag == "footer":
            _footer(child, fields, authors, reader)
        elif type(tag) is str:
            body.append(child)
    fields["authors"] = tuple(Author(**author) for author in authors if author.get("name"))
    fields["body"] = tuple(reader.sequence(None, iter(body), 0))
    return Article(**fields)


def _header(header: Any, fields: dict[str, Any], authors: list[dict[str, Any]], reader: BlockReader) -> None:
    for child in header:
        tag = child.tag
        kind = child.get("class")
        if tag == "h1":
            fields["headline"] = reader.text_of(child)
        elif kind in {"section", "dek", "dateline"}:
            fields[kind] = reader.text_of(child) or None
        elif kind == "byline":
            authors.extend(_author(span, reader) for span in child.iterchildren("span"))
        elif kind == "dates":
            fields.update(_times(child, reader))


def _author(span: Any, reader: BlockReader) -> dict[str, Any]:
    author: dict[str, Any] = {}
    for part in span:
        kind = part.get("class")
        if kind == "name":
            author["name"] = reader.text_of(part)
            if part.tag == "a":
                author["url"] = reader.url(reader.exact(part, "href"))
        elif kind in {"title", "organization"}:
            author[kind] = reader.text_of(part) or None
    return author


def _times(element: Any, reader: BlockReader) -> dict[str, Any]:
    found = {}
    for time in element.iter("time"):
        kind = time.get("class")
        value = time.get("data-datetime") or time.get("datetime")
        if kind in {"published", "updated"} and value:
            found[kind] = time_element.parse(reader.string(value))
    return found


def _footer(footer: Any, fields: dict[str, Any], authors: list[dict[str, Any]], reader: BlockReader) -> None:
    for child in footer:
        kind = child.get("class")
        if kind == "author-bio":
            number = child.get("data-author") or ""
            bio = next((span for span in child.iterchildren("span") if span.get("class") == "bio"), None)
            if number.isascii() and number.isdigit() and 1 <= int(number) <= len(authors) and bio is not None:
                authors[int(number) - 1]["bio"] = reader.text_of(bio) or None
        elif kind == "tags":
            fields["tags"] = tuple(reader.text_of(item) for item in child.iterchildren("li"))
        elif kind == "publisher":
            fields["publisher"] = reader.text_of(child) or None
        elif kind == "permalink":
            link = next(child.iterchildren("a"), None)
            if link is not None:
                fields["url"] = reader.url(reader.exact(link, "href"))


def _language(value: str | None) -> str | None:
    if not value or not value.strip():
        return None
    tag = language_tag(value)
    try:
        Article(language=tag)  # the model's own rule for BCP 47 tags
    except ValueError:
        return None
    return tag
