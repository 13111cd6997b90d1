"""Hypothesis strategies for every model type, for property tests here and downstream.

Strategies are built once per set of arguments and shared: they are immutable.
Every strategy yields normalized trees (so round trips compare with ``==``), covers
every field and node type, includes non-ASCII text, and caps nesting depth. Install
with ``pip install 'newsdoc[testing]'``.

>>> from hypothesis import given
>>> from newsdoc.testing import articles
>>> @given(articles())
... def test_headline_is_text(article):
...     assert isinstance(article.headline, str)
"""

from __future__ import annotations

import datetime as dt
import string
from functools import cache

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised only without the extra
    from newsdoc.errors import MissingDependencyError

    raise MissingDependencyError("hypothesis", "testing") from error

from newsdoc._characters import FORBIDDEN
from newsdoc.canonical import normalize
from newsdoc.model import (
    Article,
    Author,
    Block,
    BulletList,
    Code,
    CodeBlock,
    Collection,
    Divider,
    Embed,
    Emphasis,
    Figure,
    Heading,
    Image,
    Inline,
    LineBreak,
    Link,
    OrderedList,
    Paragraph,
    PullQuote,
    Quote,
    Strikethrough,
    Strong,
    Subscript,
    Superscript,
    Table,
    TableCell,
    Text,
)

__all__ = [
    "articles",
    "authors",
    "blocks",
    "collections",
    "dates",
    "documents",
    "figures",
    "images",
    "inlines",
    "texts",
    "urls",
]

# Letters from several scripts, punctuation news copy uses, and the white space HTML
# folds, so that normalization and escaping are both exercised.
_SAMPLES = "aZé ßñ Ωж 中文 עבר عرب हि 😀 “”‘’—–… & < > \" ' \u00a0"  # noqa: RUF001 - news copy is typographic
_ALPHABET = st.one_of(
    st.sampled_from(_SAMPLES),
    st.sampled_from(" \t\n\r"),
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn", "Co")),
)


@cache
def texts(min_size: int = 0, max_size: int = 24) -> st.SearchStrategy[str]:
    """Strings the model accepts: any script, emoji, markup characters, white space."""
    return st.text(_ALPHABET, min_size=min_size, max_size=max_size).map(lambda s: FORBIDDEN.sub("", s))


@cache
def _words(max_size: int = 24) -> st.SearchStrategy[str]:
    """Text with at least one visible character, so the node survives normalization."""
    return st.builds(lambda head, tail: head + tail, st.sampled_from('AbcЖ中é1"&<'), texts(max_size=max_size))


_URL_SAFE = string.ascii_letters + string.digits + "-._~/%"


@cache
def urls() -> st.SearchStrategy[str]:
    """URLs a real article carries: absolute http(s), relative paths, fragments, mailto."""
    path = st.text(_URL_SAFE, max_size=20)
    return st.one_of(
        st.builds(lambda p: f"https://example.com/{p}", path),
        st.builds(lambda p: f"http://news.example.org/{p}?a=1&b=2", path),
        st.builds(lambda p: f"images/{p}.jpg", path),
        st.builds(lambda p: f"#{p}", path),
        st.just("mailto:desk@example.com"),
    )


@cache
def _image_urls() -> st.SearchStrategy[str]:
    return st.one_of(urls(), st.just("data:image/png;base64,iVBORw0KGgo="))


_OFFSETS = st.integers(-14 * 60, 14 * 60).map(lambda minutes: dt.timezone(dt.timedelta(minutes=minutes)))


@cache
def dates() -> st.SearchStrategy[dt.datetime | dt.date | None]:
    """Publication instants: aware datetimes with real-world offsets, plain dates, or None."""
    return st.one_of(
        st.none(),
        st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 12, 31)),
        st.datetimes(
            # Hypothesis takes naive bounds and attaches the zones itself.
            min_value=dt.datetime(1800, 1, 2),  # noqa: DTZ001
            max_value=dt.datetime(2200, 12, 30),  # noqa: DTZ001
            timezones=_OFFSETS,
        ),
    )


def _optional(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str | None]:
    return st.none() | strategy


@cache
def inlines(max_depth: int = 2, max_size: int = 5) -> st.SearchStrategy[tuple[Inline, ...]]:
    """The inline content of one block, marks nested at most *max_depth* deep."""
    return _raw_inlines(max_depth, max_size).map(normalize)


@cache
def _raw_inlines(depth: int, max_size: int) -> st.SearchStrategy[tuple[Inline, ...]]:
    leaves: list[st.SearchStrategy[Inline]] = [
        st.builds(Text, texts(max_size=30)),
        st.builds(Code, _words(12)),
        st.just(LineBreak()),
    ]
    if depth > 0:
        inner = _raw_inlines(depth - 1, 3)
        leaves += [
            st.builds(kind, inner) for kind in (Emphasis, Strong, Subscript, Superscript, Strikethrough)
        ]
        leaves.append(st.builds(Link, urls(), inner, _optional(_words(10))))
    return st.lists(st.one_of(leaves), max_size=max_size).map(tuple)


@cache
def _content(max_depth: int = 2) -> st.SearchStrategy[tuple[Inline, ...]]:
    """Inline content that is not empty once normalized."""
    return st.builds(lambda head, rest: (Text(head), *rest), _words(20), _raw_inlines(max_depth, 4))


@cache
def images() -> st.SearchStrategy[Image]:
    """Images with every field, some of them missing."""
    dimension = st.none() | st.integers(1, 10_000)
    media = st.none() | st.sampled_from(
        ["image/jpeg", "image/png", "image/webp", "image/gif", "image/svg+xml"]
    )
    return st.builds(Image, _image_urls(), _optional(texts(max_size=30)), dimension, dimension, media).map(
        normalize
    )


@cache
def figures() -> st.SearchStrategy[Figure]:
    """Figures: image, caption and credit, each sometimes missing, never all three."""
    return st.builds(Figure, st.none() | images(), _content(1), _optional(_words(20))).map(normalize)


@cache
def authors() -> st.SearchStrategy[Author]:
    """Authors with a name and, sometimes, a title, organization, bio and link."""
    return st.builds(
        Author,
        _words(20),
        _optional(texts(max_size=20)),
        _optional(texts(max_size=12)),
        _optional(texts(max_size=40)),
        _optional(urls()),
    ).map(normalize)


@cache
def _cells() -> st.SearchStrategy[tuple[TableCell, ...]]:
    cell = st.builds(TableCell, _raw_inlines(1, 3), st.integers(1, 3), st.integers(1, 3))
    return st.lists(cell, min_size=1, max_size=4).map(tuple)


@cache
def _raw_blocks(depth: int, max_size: int) -> st.SearchStrategy[tuple[Block, ...]]:
    choices: list[st.SearchStrategy[Block]] = [
        st.builds(Paragraph, _content()),
        st.builds(Heading, st.integers(1, 6), _content(1)),
        st.builds(PullQuote, _content(1), _raw_inlines(1, 3)),
        st.builds(Figure, st.none() | images(), _content(1), _optional(_words(20))),
        st.builds(
            Embed,
            urls(),
            _optional(st.sampled_from(["YouTube", "Vimeo", "X", "Instagram"])),
            _raw_inlines(1, 3),
        ),
        st.builds(
            Table,
            st.lists(_cells(), max_size=2).map(tuple),
            st.lists(_cells(), min_size=1, max_size=3).map(tuple),
            _raw_inlines(1, 3),
        ),
        st.builds(CodeBlock, _words(60), _optional(st.sampled_from(["python", "json", "html"]))),
        st.just(Divider()),
    ]
    if depth > 0:
        inner = _raw_blocks(depth - 1, 3).filter(bool)
        items = st.lists(inner, min_size=1, max_size=3).map(tuple)
        choices += [
            st.builds(Quote, inner, _raw_inlines(1, 3)),
            st.builds(BulletList, items),
            st.builds(OrderedList, items, st.integers(0, 1000)),
        ]
    return st.lists(st.one_of(choices), max_size=max_size).map(tuple)


@cache
def blocks(max_depth: int = 2, max_size: int = 6) -> st.SearchStrategy[tuple[Block, ...]]:
    """A body: a tuple of blocks, lists and quotes nested at most *max_depth* deep."""
    return _raw_blocks(max_depth, max_size).map(normalize)


_LANGUAGES = ["en", "en-GB", "de", "fr-CA", "pt-BR", "zh-Hant-TW", "ar", "he", "sr-Latn", "ja"]


@cache
def articles(max_depth: int = 2) -> st.SearchStrategy[Article]:
    """Articles with every metadata field (each sometimes missing) and a body."""
    return st.builds(
        Article,
        headline=texts(max_size=60),
        dek=_optional(texts(max_size=80)),
        authors=st.lists(authors(), max_size=3).map(tuple),
        dateline=_optional(texts(max_size=20)),
        published=dates(),
        updated=dates(),
        section=_optional(texts(max_size=16)),
        tags=st.lists(texts(max_size=12), max_size=4).map(tuple),
        url=_optional(urls()),
        language=st.none() | st.sampled_from(_LANGUAGES),
        publisher=_optional(texts(max_size=20)),
        lead=st.none() | figures(),
        body=_raw_blocks(max_depth, 6),
    ).map(normalize)


@cache
def collections(max_size: int = 4) -> st.SearchStrategy[Collection]:
    """Collections of up to *max_size* articles, with and without a title and date."""
    return st.builds(
        Collection,
        _optional(texts(max_size=40)),
        st.lists(articles(max_depth=1), max_size=max_size).map(tuple),
        dates(),
    ).map(normalize)


@cache
def documents() -> st.SearchStrategy[Article | Collection]:
    """Articles and collections, as :func:`newsdoc.read` returns them."""
    return st.one_of(articles(), collections())
