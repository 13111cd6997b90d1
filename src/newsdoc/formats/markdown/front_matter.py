"""The article's metadata as YAML front matter: written with newsdoc's keys, read with others' too."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable
from typing import Any

import yaml

from newsdoc._characters import scrub
from newsdoc.canonical import fold
from newsdoc.errors import ReadWarning
from newsdoc.model import Article, Author, Figure, Heading, Image, Inline

# libyaml when it is installed: several times faster, and the same YAML.
_SafeDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[misc, valid-type]
    """Safe YAML in which an impossible timestamp ("2024-13-45") stays a string.

    PyYAML raises ValueError from deep inside the load for one; kept as a string, it
    is refused with a warning by the field that reads it, and the article is read.
    """


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)

FENCE = "---"
# Characters after which YAML would start a new line inside a plain or quoted scalar.
_LINE_BREAKS = frozenset("\n\r\x85\u2028\u2029")
_MINUTE = dt.timedelta(minutes=1)


class _Dumper(_SafeDumper):  # type: ignore[misc, valid-type]
    """YAML for front matter: ISO 8601 timestamps, line breaks always escaped."""


def _represent_datetime(dumper: yaml.SafeDumper, value: dt.datetime) -> yaml.ScalarNode:
    offset = value.utcoffset()
    # YAML's timestamps take offsets in whole minutes; any other stays a string.
    tag = "timestamp" if offset is not None and offset % _MINUTE == dt.timedelta(0) else "str"
    return dumper.represent_scalar(f"tag:yaml.org,2002:{tag}", value.isoformat())


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # A line break inside a quoted scalar would leave a line that could end the front
    # matter ("---", "..."); double quotes spell it as an escape instead.
    style = '"' if _LINE_BREAKS.intersection(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(dt.datetime, _represent_datetime)
_Dumper.add_representer(str, _represent_str)


def dump_front_matter(article: Article, caption: Callable[[tuple[Inline, ...]], str]) -> str:
    """The article's metadata between ``---`` lines, or "" when it has none.

    *caption* writes the lead figure's caption as one line of Markdown.
    """
    data: dict[str, Any] = {}
    first = article.body[0] if article.body else None
    if article.headline or (isinstance(first, Heading) and first.level == 1):
        # An empty headline is written when the body opens with a level-1 heading, which
        # would otherwise be read back as the headline.
        data["headline"] = article.headline
    _put(data, "dek", article.dek)
    if article.authors:
        data["authors"] = [_author(author) for author in article.authors]
    _put(data, "dateline", article.dateline)
    _put(data, "published", article.published)
    _put(data, "updated", article.updated)
    _put(data, "section", article.section)
    if article.tags:
        data["tags"] = list(article.tags)
    _put(data, "url", article.url)
    _put(data, "language", article.language)
    _put(data, "publisher", article.publisher)
    if article.lead is not None:
        data["lead"] = _lead_mapping(article.lead, caption)
    if not data:
        return ""
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=2**30)
    return f"{FENCE}\n{body}{FENCE}\n"


def _put(data: dict[str, Any], key: str, value: object) -> None:
    if value is not None:
        data[key] = value


def _author(author: Author) -> str | dict[str, str]:
    if author.title is None and author.organization is None and author.bio is None and author.url is None:
        return author.name
    out = {"name": author.name}
    for key in ("title", "organization", "bio", "url"):
        _put(out, key, getattr(author, key))
    return out


def _lead_mapping(figure: Figure, caption: Callable[[tuple[Inline, ...]], str]) -> dict[str, str]:
    out: dict[str, str] = {}
    if figure.image is not None:
        out["image"] = figure.image.src
        _put(out, "alt", figure.image.alt)
    if figure.caption:
        out["caption"] = caption(figure.caption)
    _put(out, "credit", figure.credit)
    return out


# --- reading ---------------------------------------------------------------------------

#: For each article field, the front matter keys read for it: newsdoc's own first, then
#: the names other tools write.
KEYS: dict[str, tuple[str, ...]] = {
    "headline": ("headline", "title"),  # title: Jekyll, Hugo, pandoc
    "dek": ("dek", "subtitle", "description"),  # subtitle: pandoc; description: Hugo, jekyll-seo-tag
    "authors": ("authors", "author"),  # author: Jekyll, pandoc (a name, or a list of them)
    "dateline": ("dateline",),
    "published": ("published", "date"),  # date: Jekyll, Hugo, pandoc
    "updated": ("updated", "lastmod", "last_modified_at", "modified"),  # Hugo; jekyll-seo-tag
    "section": ("section", "category", "categories"),  # Jekyll: one category, or a list
    "tags": ("tags", "keywords"),  # keywords: pandoc
    "url": ("url", "canonical_url"),  # canonical_url: jekyll-seo-tag, dev.to
    "language": ("language", "lang"),  # lang: pandoc, Hugo
    "publisher": ("publisher",),
    "lead": ("lead", "image"),  # image: jekyll-seo-tag, Hugo themes (a path or a mapping)
}
#: Keys of an author mapping, with the other names seen for them.
AUTHOR_KEYS: dict[str, tuple[str, ...]] = {
    "name": ("name",),
    "title": ("title", "role"),
    "organization": ("organization", "affiliation"),  # affiliation: pandoc's author mappings
    "bio": ("bio",),
    "url": ("url", "website"),
}
#: Keys of a lead figure mapping.
LEAD_KEYS: dict[str, tuple[str, ...]] = {
    "image": ("image", "src", "path"),  # path: jekyll-seo-tag's image mapping
    "alt": ("alt",),
    "caption": ("caption",),
    "credit": ("credit",),
}


class FrontMatterError(ValueError):
    """The front matter is not YAML, or not a mapping."""


def load_front_matter(text: str, caption: Callable[[str], tuple[Inline, ...]]) -> tuple[dict[str, Any], bool]:
    """Article fields from front matter, and whether it named a headline.

    *caption* reads the lead figure's caption, a line of Markdown. Values of the wrong
    kind are left out with a :class:`~newsdoc.ReadWarning`.
    """
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader, C or Python
    except yaml.YAMLError as error:
        raise FrontMatterError(f"front matter is not valid YAML: {_first_line(error)}") from None
    if data is None:
        return {}, False
    if not isinstance(data, dict):
        raise FrontMatterError("front matter must be a mapping of keys to values")
    fields: dict[str, Any] = {}
    for field, keys in KEYS.items():
        found = next(((key, data[key]) for key in keys if key in data), None)
        if found is None:
            continue
        key, value = found
        if field == "headline" and value is None:
            fields[field] = ""
            continue
        read = _READERS.get(field, _text)
        result = read(value, key, caption) if field == "lead" else read(value, key)
        if result is not None:
            fields[field] = result
    return fields, "headline" in fields


def _first_line(error: yaml.YAMLError) -> str:
    return str(error).split("\n", 1)[0]


def _warn(key: str, value: object, wanted: str) -> None:
    warnings.warn(
        f"front matter {key!r}: expected {wanted}, not {type(value).__name__}; left out",
        ReadWarning,
        stacklevel=5,
    )


def _text(value: object, key: str) -> str | None:
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, bool | int | float):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is not None:
        _warn(key, value, "text")
    return None


def _when(value: object, key: str) -> dt.datetime | dt.date | None:
    if isinstance(value, str):
        parsed = _parse_when(value.strip())
        if parsed is None:
            _warn(key, value, "a date, or a date and time with a zone")
            return None
        value = parsed
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            warnings.warn(
                f"front matter {key!r}: a time without a zone; kept the date only", ReadWarning, stacklevel=4
            )
            return value.date()
        return value
    if isinstance(value, dt.date):
        return value
    if value is not None:
        _warn(key, value, "a date")
    return None


def _parse_when(text: str) -> dt.datetime | dt.date | None:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        # Jekyll's documented date format, "2025-11-19 18:42:00 -0800", which YAML
        # leaves a string: its offset has no colon.
        return dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S %z")
    except ValueError:
        return None


def _authors(value: object, key: str) -> tuple[Author, ...] | None:
    entries = value if isinstance(value, list) else [value]
    authors = []
    for entry in entries:
        if isinstance(entry, dict):
            fields = {name: _text(_pick(entry, keys), f"{key}.{name}") for name, keys in AUTHOR_KEYS.items()}
            name = fields.pop("name")
            if name and fold(name):
                authors.append(Author(name, **fields))
            else:
                _warn(key, entry, "a mapping with a name")
        else:
            name = _text(entry, key)
            if name and fold(name):
                authors.append(Author(name))
    return tuple(authors)


def _pick(mapping: dict[Any, Any], keys: tuple[str, ...]) -> object:
    return next((mapping[key] for key in keys if key in mapping), None)


#: Keys whose value, given as one string, lists several items, and what separates them.
SEPARATORS = {"keywords": ","}  # pandoc, like HTML's <meta name="keywords">


def _tags(value: object, key: str) -> tuple[str, ...] | None:
    if isinstance(value, str) and key in SEPARATORS:
        value = value.split(SEPARATORS[key])
    entries = value if isinstance(value, list) else [value]
    tags = (_text(entry, key) for entry in entries)
    return tuple(tag for tag in tags if tag)


def _section(value: object, key: str) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None  # the first of several categories
    return _text(value, key)


def _language(value: object, key: str) -> str | None:
    tag = _text(value, key)
    if tag is None:
        return None
    try:
        Article(language=fold(tag))  # the model says what a language tag is
    except ValueError:
        _warn(key, value, "a BCP 47 language tag")
        return None
    return fold(tag)


def _read_lead(value: object, key: str, caption: Callable[[str], tuple[Inline, ...]]) -> Figure | None:
    if isinstance(value, str):
        return Figure(Image(scrub(value)))
    if not isinstance(value, dict):
        _warn(key, value, "an image path or a mapping")
        return None
    src = _text(_pick(value, LEAD_KEYS["image"]), f"{key}.image")
    alt = _text(_pick(value, LEAD_KEYS["alt"]), f"{key}.alt")
    text = _text(_pick(value, LEAD_KEYS["caption"]), f"{key}.caption")
    credit = _text(_pick(value, LEAD_KEYS["credit"]), f"{key}.credit")
    image = Image(src, alt) if src is not None else None
    return Figure(image, caption(text) if text else (), credit)


_READERS: dict[str, Callable[..., Any]] = {
    "authors": _authors,
    "published": _when,
    "updated": _when,
    "section": _section,
    "tags": _tags,
    "language": _language,
    "lead": _read_lead,
}
