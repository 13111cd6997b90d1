"""Read HTML: newsdoc's own pages exactly, other article pages by mapping their markup.

Bytes are decoded, parsed by lxml (which recovers from malformed markup as browsers
do), then read as newsdoc's own markup if it is marked so, else as another page.
"""

from __future__ import annotations

import re
import threading
import warnings
from typing import Any

import attrs
import lxml.html
from lxml import etree

from newsdoc.canonical import normalize, normalize_read
from newsdoc.errors import ReadError, ReadWarning
from newsdoc.formats.html import script_state, topmatter
from newsdoc.formats.html.blocks import BlockReader
from newsdoc.formats.html.encoding import decode_html
from newsdoc.formats.html.metadata import PageMetadata, extract_metadata
from newsdoc.formats.html.own import find_own_root, read_own
from newsdoc.formats.html.page import NO_STORY, read_page
from newsdoc.formats.html.pruning import has_furniture
from newsdoc.model import Article, Block, Collection, Figure, Paragraph
from newsdoc.plain import plain_text

_FORMAT = "html"
# How newsdoc's own pages begin (write.py): the fast path checks these bytes first.
_OWN_OPENING = b"<!DOCTYPE html>\n<html"
_OWN_CHARSET = b'<meta charset="utf-8">'
_OWN_MARK = "data-newsdoc="
# A page whose start is more than this share of control characters and replaced
# bytes is not text at all.
_BINARY_SHARE = 0.1
_BINARY_SAMPLE = 4096
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")
#: The fields page metadata may fill when the article's own markup leaves them empty.
METADATA_FIELDS = (
    "headline", "dek", "authors", "published", "updated", "section", "tags", "url", "language", "publisher",
)  # fmt: skip

#: Ways to read HTML, for read_html's *mode*: "auto" reads newsdoc's own HTML exactly
#: when it is marked so, a full web page (<html> or <body> with menus, sidebars or other
#: furniture) as "page", anything else as "fragment"; "own" reads only newsdoc's own
#: HTML; "page" finds the story and removes furniture; "fragment" reads every block.
MODES = ("auto", "own", "page", "fragment")
# A full page opens its <html> or <body> in its first bytes (after the doctype, comments, <head>).
_PAGE_START = re.compile(rb"<(?:html|body)[\s>]", re.IGNORECASE)
_PAGE_START_SAMPLE = 1 << 20

# lxml parsers keep state while parsing; each thread gets its own.
_parsers = threading.local()


def read_html(data: bytes, *, url: str | None = None, mode: str = "auto") -> Article | Collection:
    """Read an HTML page or fragment.

    newsdoc's own HTML (marked with ``data-newsdoc``) reads back exactly as written.
    Other pages are mapped onto the model, and their metadata (JSON-LD, OpenGraph,
    meta tags) fills what the markup of the article itself leaves out. *url* is the
    page's address: relative links and images are resolved against it, and it is the
    article's URL when the page names no canonical one.

    *mode* says what the input is (see ``MODES``): ``"auto"`` decides from the markup,
    ``"own"``, ``"page"`` and ``"fragment"`` force a reading. Any other value raises
    ValueError. A page in which no story is found gives what its metadata says, an
    empty body and a ReadWarning.

    >>> read_html(b"<article><h1>Rain at last</h1><p>It rained.</p></article>").headline
    'Rain at last'
    """
    if mode not in MODES:
        raise ValueError(f"unknown HTML reading mode {mode!r}: use one of {', '.join(map(repr, MODES))}")
    utf8 = _own_utf8(data)
    if utf8 is None:
        text, decoding = decode_html(data)
        for note in decoding:
            warnings.warn(note, ReadWarning, stacklevel=2)
        _refuse_binary(text)
        data = text.encode("utf-8", "surrogatepass")
        own_hint = _OWN_MARK in text
    else:
        own_hint = _OWN_MARK in utf8
    if mode == "own":
        own_hint = True
    notes: list[str] = []
    try:
        doc = _read(data, url, own_hint, mode, notes, clean=False)
    except ReadError:
        raise
    except ValueError:
        # The model refused a character (a control character, a noncharacter): read again
        # from the bytes, cleaning every string. Rare, so the first try skips the cleaning.
        notes.clear()
        try:
            doc = _read(data, url, own_hint, mode, notes, clean=True)
        except ReadError:
            raise
        except ValueError as error:
            raise ReadError(f"cannot read the page: {error}", format=_FORMAT, location=None) from error
    for note in notes:
        warnings.warn(note, ReadWarning, stacklevel=2)
    return doc


def _own_utf8(data: bytes) -> str | None:
    """The text of a page laid out as newsdoc writes it and declaring UTF-8, if it decodes as that."""
    if not data.startswith(_OWN_OPENING) or _OWN_CHARSET not in data[:200]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _refuse_binary(text: str) -> None:
    sample = text[:_BINARY_SAMPLE]
    bad = _CONTROL.findall(sample)
    if sample and len(bad) > _BINARY_SHARE * len(sample):
        first = _CONTROL.search(sample)
        where = f"character {first.start() + 1}" if first else None
        raise ReadError("binary data, not HTML", format=_FORMAT, location=where)


def _parser(own: bool) -> etree.HTMLParser:
    # Plain lxml elements are twice as fast to walk; metadata needs lxml.html's.
    name = "own" if own else "page"
    parser = getattr(_parsers, name, None)
    if parser is None:
        parser = (
            etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)
            if own
            else lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)
        )
        setattr(_parsers, name, parser)
    return parser


def _parse(data: bytes, own: bool) -> Any:
    try:
        root = etree.fromstring(data, _parser(own))
    except (etree.ParserError, etree.XMLSyntaxError) as error:
        raise ReadError(f"cannot parse: {error}", format=_FORMAT, location=None) from None
    if root is None:
        raise ReadError("no HTML content: the input is empty", format=_FORMAT, location="byte 0")
    return root


def _read(
    data: bytes, url: str | None, own_hint: bool, mode: str, notes: list[str], *, clean: bool
) -> Article | Collection:
    if own_hint and mode in {"auto", "own"}:
        tree = _parse(data, own=True)
        found = find_own_root(tree)
        if found is not None:
            reader = BlockReader(base=url, own=True, clean=clean)
            return normalize_read(read_own(found, reader), reader.settled)
    if mode == "own":
        raise ReadError(
            "not newsdoc's own HTML: no element carries data-newsdoc", format=_FORMAT, location=None
        )
    tree = _parse(data, own=False)
    reader = BlockReader(base=url, own=False, clean=clean)
    metadata = extract_metadata(tree, url)  # before reading: reading takes the header out
    if mode == "page" or (
        mode == "auto"
        and _PAGE_START.search(data[:_PAGE_START_SAMPLE])
        and (has_furniture(tree) or script_state.is_shell(tree))
    ):
        article = read_page(tree, reader, hints=metadata, notes=notes)
        if NO_STORY in notes:
            article = _from_script_state(tree, article, reader, metadata, notes)
        article = _checked_against(article, metadata.body_text)
        article = _described(article, metadata.images)
        if article.dek is None and len((metadata.dek or "").split()) < MIN_DESCRIPTION_WORDS:
            # A bold opening paragraph is the dek only where no description says otherwise
            # (a label such as "Annual meeting" says nothing): beside a different
            # description it is as often the story's first paragraph.
            dek, body = topmatter.bold_standfirst(article.body)
            if dek is not None:
                article = attrs.evolve(article, dek=dek, body=body)
                metadata = attrs.evolve(metadata, dek=dek)
        if article.dek and metadata.dek and _fuller(article.dek, metadata.dek):
            metadata = attrs.evolve(metadata, dek=article.dek)
        return normalize(_fill(article, metadata, PAGE_METADATA_FIRST))
    article = read_page(tree, reader)
    return normalize(_fill(article, metadata, METADATA_FIRST))


# Fields where a page's own metadata (JSON-LD, OpenGraph, meta tags) beats what the
# body markup suggests, measured on the 131 pages of the shared web corpus: authors
# 0.656 -> 0.906 exact, published instant 0.87 -> 0.939. Bylines in page bodies mix
# in dates, roles and agency names, and visible dates drop zones; metadata states
# both as data.
METADATA_FIRST = frozenset({"authors", "published", "updated"})
# In full web pages the headline and dek too: sites state them for search engines and
# link previews as their editors wrote them, while the visible <h1> is often a variant
# and the visible dek a teaser. Measured on the corpus halves (tune / hold): headline
# 0.734 / 0.716 -> 0.891 / 0.866 exact, dek 0.769 / 0.686 -> 0.788 / 0.706.
PAGE_METADATA_FIRST = METADATA_FIRST | {"headline", "dek"}
#: JSON-LD's articleBody checks the story read only when it holds at least this share
#: of the words read (a paywalled page's articleBody may hold the first paragraphs
#: only), and only while what it leaves out is less than BODY_TEXT_SHARE of them.
STATED_SHARE = 0.6
BODY_TEXT_SHARE = 0.5
# File names shorter than this ("image.jpg") are not told apart by name alone.
_DISTINCT_FILE_NAME = 12
# Word runs compared between a paragraph and articleBody.
_RUN = 4
#: A description of fewer words is a label, not a dek ("Annual meeting", "Live").
MIN_DESCRIPTION_WORDS = 4
#: The share of a metadata dek's words a longer standfirst on the page must hold to be
#: the same dek in full.
FULLER_SHARE = 0.7
_WORDS = re.compile(r"\w+")
_OPENING_WORDS = 3


def _from_script_state(
    tree: Any, article: Article, reader: BlockReader, metadata: PageMetadata, notes: list[str]
) -> Article:
    """*article* with the story a script-rendered page keeps in its inline state, if the page shows none."""
    markup = script_state.embedded_html(tree)
    if markup is None:
        return article
    shell = f"<html><body><article>{markup}</article></body></html>".encode()
    found: list[str] = []
    story = read_page(_parse(shell, own=False), reader, hints=metadata, notes=found)
    if found:
        return article
    notes[:] = [note for note in notes if note != NO_STORY]
    return attrs.evolve(article, body=story.body, lead=article.lead or story.lead)


def _described(article: Article, images: tuple[Figure, ...]) -> Article:
    """*article* with the captions and credits the metadata gives its figures where the page gives none.

    A figure is matched by its image's address, or by the file name when a CDN adds a
    size to the path ("w_640/photo.jpg" and "photo.jpg").
    """
    known: dict[str, Figure] = {}
    for figure in images:
        if figure.image is not None and (figure.caption or figure.credit):
            known.setdefault(figure.image.src, figure)
            known.setdefault(_file_name(figure.image.src), figure)
    if not known:
        return article

    def complete(figure: Figure) -> Figure:
        if figure.image is None or (figure.caption and figure.credit):
            return figure
        found = known.get(figure.image.src) or known.get(_file_name(figure.image.src))
        if found is None:
            return figure
        return attrs.evolve(
            figure, caption=figure.caption or found.caption, credit=figure.credit or found.credit
        )

    body = tuple(complete(block) if isinstance(block, Figure) else block for block in article.body)
    lead = complete(article.lead) if article.lead is not None else None
    return attrs.evolve(article, body=body, lead=lead)


def _file_name(url: str) -> str:
    name = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return name if len(name) >= _DISTINCT_FILE_NAME else url  # "1.jpg" names many images


def _checked_against(article: Article, stated: tuple[str, ...]) -> Article:
    """*article* with its text blocks that JSON-LD's articleBody does not hold left out.

    articleBody is the story's text as the CMS stores it; a paragraph the page shows
    that shares no word run with it is the page's (a teaser, a prompt). Used only when
    articleBody holds most of the text read: some sites put a summary there.
    """
    words = _WORDS.findall(" ".join(stated).casefold())
    if not words:
        return article
    runs = {tuple(words[index : index + _RUN]) for index in range(len(words) - _RUN + 1)}
    kept, dropped = [], 0
    for block in article.body:
        if isinstance(block, Paragraph):
            block_words = _WORDS.findall(plain_text(block).casefold())
            own = [tuple(block_words[i : i + _RUN]) for i in range(len(block_words) - _RUN + 1)]
            if own and not any(run in runs for run in own):
                dropped += len(block_words)
                continue
        kept.append(block)
    total = len(_WORDS.findall(plain_text(article.body).casefold()))
    if not total or len(words) < STATED_SHARE * total or dropped > BODY_TEXT_SHARE * total:
        return article  # articleBody is a summary, a teaser or another story: not a guide
    return attrs.evolve(article, body=tuple(kept))


def _fuller(shown: str, stated: str) -> bool:
    """Whether the dek a page shows is the one its metadata states, in full.

    Link previews cut descriptions short ("... the operation to address whic") or
    prefix them ("World News: ..."); the standfirst on the page is then the whole text.
    """
    shown_list, stated_words = _WORDS.findall(shown.casefold()), _WORDS.findall(stated.casefold())
    if len(shown) <= len(stated) or len(stated_words) < _OPENING_WORDS or len(shown_list) < _OPENING_WORDS:
        return False
    # Opening otherwise and holding the description word for word, the page's text is
    # a caption or a kicker run into the standfirst; opening otherwise in other words,
    # it is the standfirst the description shortens.
    if not (_opens(shown_list, stated_words) or _opens(stated_words, shown_list)) and " ".join(
        stated_words
    ) in " ".join(shown_list):
        return False
    shown_words = set(shown_list)
    return sum(word in shown_words for word in stated_words) >= FULLER_SHARE * len(stated_words)


def _opens(first: list[str], second: list[str]) -> bool:
    """Whether *first*'s opening words stand near the start of *second* (after a prefix or dateline)."""
    opening = tuple(first[:_OPENING_WORDS])
    head = second[: _OPENING_WORDS * 3]
    return any(tuple(head[i : i + _OPENING_WORDS]) == opening for i in range(len(head) - _OPENING_WORDS + 1))


def _fill(article: Article, metadata: PageMetadata, first: frozenset[str]) -> Article:
    """*article* with the page's metadata where it is better (*first*), or where the markup is silent."""
    changes: dict[str, Any] = {}
    for name in METADATA_FIELDS:
        value = getattr(metadata, name)
        if value and (name in first or not getattr(article, name)):
            changes[name] = value
    if article.lead is None and metadata.lead is not None:
        changes.update(_lead(article.body, metadata.lead))
    return attrs.evolve(article, **changes) if changes else article


def _lead(body: tuple[Block, ...], lead: Figure) -> dict[str, Any]:
    """Where the lead image the metadata names goes: a body figure showing it becomes the lead."""
    source = lead.image.src if lead.image is not None else None
    for index, block in enumerate(body):
        if isinstance(block, Figure) and block.image is not None and block.image.src == source:
            if all(isinstance(before, Figure) or not normalize((before,)) for before in body[:index]):
                return {"lead": block, "body": body[:index] + body[index + 1 :]}
            return {}  # shown further down the story: not repeated on top
    return {"lead": lead}
