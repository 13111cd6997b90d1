"""Write an article or collection as a complete HTML5 page, or as the ``<article>`` alone."""

from __future__ import annotations

import warnings

from newsdoc.errors import ContentDroppedWarning, WriteError
from newsdoc.formats.html.head import head
from newsdoc.formats.html.jsonld import document_jsonld
from newsdoc.formats.html.markup import Markup
from newsdoc.formats.html.safety import escape_attribute, script_json
from newsdoc.formats.html.stylesheet import DEFAULT_STYLESHEET
from newsdoc.model import Article, Collection

# What would end a <style> element early or hide the rest of the page in a comment.
_STYLE_ENDINGS = ("</style", "<!--")


def write_html(
    doc: Article | Collection,
    *,
    fragment: bool = False,
    stylesheet: str | None = DEFAULT_STYLESHEET,
    strict: bool = False,
) -> str:
    """Write *doc* as HTML: a complete page by default, the ``<article>`` alone with *fragment*.

    The page's ``<head>`` holds the title, description, canonical link, OpenGraph
    tags and schema.org JSON-LD, and *stylesheet* (newsdoc's own small one unless
    another is given; ``None`` leaves it out). There is never a script to run.

    URLs other than http, https, mailto, relative ones, and ``data:image/*`` for
    images are left out; a :class:`~newsdoc.ContentDroppedWarning` lists them, or
    with *strict* a :class:`~newsdoc.WriteError` is raised and nothing is written.

    >>> from newsdoc import Article
    >>> write_html(Article(headline="Hello"), fragment=True)
    '<article data-newsdoc="1">\\n<header>\\n<h1>Hello</h1>\\n</header>\\n</article>\\n'
    """
    if not isinstance(doc, Article | Collection):
        raise WriteError(f"expected an Article or a Collection, not {type(doc).__name__}")
    markup = Markup()
    if isinstance(doc, Article):
        markup.article(doc)
    else:
        markup.collection(doc)
    _report(markup.dropped, strict)
    if fragment:
        return markup.text()
    return _page(doc, markup.text(), stylesheet)


def _page(doc: Article | Collection, body: str, stylesheet: str | None) -> str:
    language = _page_language(doc)
    lang = f' lang="{escape_attribute(language)}"' if language else ""
    style = ""
    if stylesheet is not None:
        if any(ending in stylesheet.lower() for ending in _STYLE_ENDINGS):
            raise WriteError("the stylesheet must not contain '</style' or '<!--'")
        style = f"<style>\n{stylesheet}</style>\n"
    return (
        f"<!DOCTYPE html>\n<html{lang}>\n<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{head(doc)}{style}"
        f'<script type="application/ld+json">{script_json(document_jsonld(doc))}</script>\n'
        f"</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


def _page_language(doc: Article | Collection) -> str | None:
    if isinstance(doc, Article):
        return doc.language
    languages = {article.language for article in doc.articles}
    return languages.pop() if len(languages) == 1 else None


def _report(dropped: list[str], strict: bool) -> None:
    if not dropped:
        return
    unique = list(dict.fromkeys(dropped))
    what = f"html left out {len(unique)} unsafe URL{'s' if len(unique) > 1 else ''}: {'; '.join(unique)}"
    if strict:
        raise WriteError(f"{what}; nothing written (strict)")
    warnings.warn(what, ContentDroppedWarning, stacklevel=3)
