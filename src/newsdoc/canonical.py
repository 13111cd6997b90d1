"""The canonical form of a tree, so that equal articles compare equal with ``==``.

Readers return normalized trees. The rules follow how a browser renders HTML:
runs of ASCII white space fold to one space, space at the edges of a block or next
to a line break disappears, and empty nodes vanish.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from itertools import chain, pairwise
from operator import is_
from typing import Any, TypeVar, cast, overload

import attrs

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
    Node,
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

N = TypeVar("N", bound=Node)

# HTML's "ASCII whitespace" (WHATWG Infra): what browsers fold. No-break and other
# Unicode spaces are content and stay. (Form feed is refused by the model.)
_WHITESPACE = re.compile(r"[ \t\n\r]+")
_SPACE = Text(" ")
_JOINS_TEXT = frozenset({Text, LineBreak})  # text after these merges or loses a space
_BREAK = LineBreak()


@overload
def normalize(node: N) -> N: ...
@overload
def normalize(node: tuple[Inline, ...]) -> tuple[Inline, ...]: ...
@overload
def normalize(node: tuple[Block, ...]) -> tuple[Block, ...]: ...
def normalize(node: Any) -> Any:
    """Return the canonical form of an article, collection, node or tuple of nodes.

    Adjacent text is merged, empty nodes are removed, white space is folded as
    HTML folds it, and space or line breaks at the edge of a mark move outside it.
    It is idempotent: ``normalize(normalize(x)) == normalize(x)``.

    >>> from newsdoc import Paragraph, Emphasis, Text, normalize
    >>> normalize(Paragraph((Text("  Hello "), Emphasis((Text(" big  world "),)))))
    Paragraph(content=(Text(text='Hello '), Emphasis(content=(Text(text='big world'),))))

    A block that normalizes to nothing (an empty paragraph) cannot be returned on
    its own; normalize the tuple that holds it instead, and it disappears there.
    """
    if isinstance(node, tuple):
        if node and isinstance(node[0], Inline):
            return tuple(_run(node))
        return _blocks(node)
    if isinstance(node, Article):
        return _article(node)
    if isinstance(node, Collection):
        return attrs.evolve(
            node, title=_optional(node.title), articles=tuple(_article(a) for a in node.articles)
        )
    if isinstance(node, Author):
        return _author(node) or node
    if isinstance(node, Image):
        return _image(node)
    if isinstance(node, TableCell):
        return _cell(node)
    if isinstance(node, Inline):
        run = _run((node,))
        if len(run) != 1 or type(run[0]) is not type(node):
            raise ValueError(f"{node!r} does not normalize to a single {type(node).__name__}")
        return run[0]
    result = _block(node)
    if result is None:
        raise ValueError(f"{type(node).__name__} is empty once normalized; normalize its container")
    return result


def fold(text: str) -> str:
    """Fold runs of white space to one space and strip the ends, as HTML renders text."""
    return _fold(text).strip(" ")


def _fold(text: str) -> str:
    # The substitution is skipped for text that has nothing to fold: most of it.
    if "  " in text or "\n" in text or "\t" in text or "\r" in text:
        return _WHITESPACE.sub(" ", text)
    return text


def _optional(text: str | None) -> str | None:
    if text is None:
        return None
    return fold(text) or None


def _same(old: tuple[object, ...], new: list[Any] | tuple[Any, ...]) -> bool:
    """Whether *new* holds exactly the objects of *old*: then *old* is kept, not rebuilt."""
    return len(old) == len(new) and all(map(is_, old, new))


def normalize_read(document: Article | Collection, settled: AbstractSet[int]) -> Article | Collection:
    """``normalize(document)``, trusting the blocks whose ``id()`` is in *settled* to be canonical.

    For readers that check the canonical rules while they build a block
    (``formats/html/settled.py``): a block they vouch for is kept, not looked at again.
    """
    if isinstance(document, Collection):
        return normalize(document)
    return _article(document, settled)


def _article(article: Article, settled: AbstractSet[int] = frozenset()) -> Article:
    authors: list[Author] = []
    for author in article.authors:
        clean = _author(author)
        if clean is not None and clean not in authors:
            authors.append(clean)
    tags: list[str] = []
    for tag in article.tags:
        clean_tag = fold(tag)
        if clean_tag and clean_tag not in tags:
            tags.append(clean_tag)
    fields: dict[str, Any] = {
        "headline": fold(article.headline),
        "dek": _optional(article.dek),
        "authors": article.authors if _same(article.authors, authors) else tuple(authors),
        "dateline": _optional(article.dateline),
        "section": _optional(article.section),
        "tags": tuple(tags),
        "url": _optional(article.url),
        "language": language_tag(article.language) if article.language else None,
        "publisher": _optional(article.publisher),
        "lead": _figure(article.lead) if article.lead is not None else None,
        "body": _blocks(article.body, settled),
    }
    if all(getattr(article, name) == value for name, value in fields.items()):
        return article
    return attrs.evolve(article, **fields)


def language_tag(tag: str) -> str:
    """Case a BCP 47 tag the conventional way: ``en-gb`` → ``en-GB``, ``zh-hant`` → ``zh-Hant``.

    RFC 5646 section 2.1.1: language subtags lower case, four-letter script subtags
    title case, two-letter region subtags upper case. Tags are case-insensitive, so
    this changes no meaning.
    """
    parts = tag.strip().split("-")
    out = [parts[0].lower()]
    private = parts[0].lower() == "x"
    for part in parts[1:]:
        if private or part.lower() == "x":
            private = True
            out.append(part.lower())
        elif len(part) == 4 and part.isalpha():  # noqa: PLR2004 - script subtags have four letters
            out.append(part.title())
        elif len(part) == 2 and part.isalpha():  # noqa: PLR2004 - region subtags have two letters
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def _author(author: Author) -> Author | None:
    name = fold(author.name)
    if not name:
        return None
    clean = Author(
        name=name,
        title=_optional(author.title),
        organization=_optional(author.organization),
        bio=_optional(author.bio),
        url=_optional(author.url),
    )
    return author if clean == author else clean


def _blocks(blocks: tuple[Block, ...], settled: AbstractSet[int] = frozenset()) -> tuple[Block, ...]:
    out = [
        clean for block in blocks if (clean := block if id(block) in settled else _block(block)) is not None
    ]
    return blocks if _same(blocks, out) else tuple(out)


def _block(block: Block) -> Block | None:
    kind = type(block)
    if isinstance(block, Paragraph | Heading):
        content = _run(block.content)
        if not content:
            return None
        return block if content is block.content else attrs.evolve(block, content=content)
    if kind is Quote:
        assert isinstance(block, Quote)
        body = _blocks(block.body)
        attribution = _run(block.attribution)
        if not body and not attribution:
            return None
        return block if (body, attribution) == (block.body, block.attribution) else Quote(body, attribution)
    if kind is PullQuote:
        assert isinstance(block, PullQuote)
        content = _run(block.content)
        attribution = _run(block.attribution)
        if not content:
            return None
        if content is block.content and attribution is block.attribution:
            return block
        return PullQuote(content, attribution)
    if kind is BulletList or kind is OrderedList:
        assert isinstance(block, BulletList | OrderedList)
        items = [item for item in map(_blocks, block.items) if item]
        if not items:
            return None
        return block if _same(block.items, items) else attrs.evolve(block, items=tuple(items))
    if kind is Figure:
        assert isinstance(block, Figure)
        return _figure(block)
    if kind is Embed:
        assert isinstance(block, Embed)
        url = block.url.strip(" \t\n\r")
        caption = _run(block.caption)
        if not url and not caption:
            return None
        clean = Embed(url, _optional(block.provider), caption)
        return block if clean == block else clean
    if kind is Table:
        assert isinstance(block, Table)
        head_rows = _rows(block.head)
        body_rows = _rows(block.body)
        if not head_rows and not body_rows:
            return None
        caption = _run(block.caption)
        if head_rows is block.head and body_rows is block.body and caption is block.caption:
            return block
        return Table(head_rows, body_rows, caption)
    if kind is CodeBlock:
        assert isinstance(block, CodeBlock)
        # A newline right after <pre> is dropped by HTML parsers, and Markdown fences
        # always end with one, so neither edge can survive a round trip.
        text = block.text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\n").rstrip()
        if not text:
            return None
        code = CodeBlock(text, _optional(block.language))
        return block if code == block else code
    if kind is Divider:
        return block
    raise TypeError(f"not a block: {type(block).__name__}")


def _figure(figure: Figure) -> Figure | None:
    image = _image(figure.image) if figure.image is not None else None
    caption = _run(figure.caption)
    credit = _optional(figure.credit)
    if image is None and not caption and credit is None:
        return None
    if image is figure.image and caption is figure.caption and credit == figure.credit:
        return figure
    return Figure(image, caption, credit)


def _image(image: Image) -> Image:
    # Browsers strip leading and trailing ASCII white space from URLs (WHATWG URL).
    src = image.src.strip(" \t\n\r")
    alt = _optional(image.alt)
    if src == image.src and alt == image.alt:
        return image
    return attrs.evolve(image, src=src, alt=alt)


def _rows(rows: tuple[tuple[TableCell, ...], ...]) -> tuple[tuple[TableCell, ...], ...]:
    out = []
    for row in rows:
        if row:
            cells = [_cell(cell) for cell in row]
            out.append(row if _same(row, cells) else tuple(cells))
    return rows if _same(rows, out) else tuple(out)


def _cell(cell: TableCell) -> TableCell:
    content = _run(cell.content)
    return cell if content is cell.content else TableCell(content, cell.colspan, cell.rowspan)


# --- inline runs ---------------------------------------------------------------------


def _run(content: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Normalize the inline content of one block: fold, merge, trim the edges."""
    # Most runs a reader returns are canonical already: one quick look settles them.
    return content if _settled(content) else _rebuilt(content)


def _rebuilt(content: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """What :func:`_run` returns, worked out rule by rule."""
    out = _inlines(content)
    # Space and line breaks at the edges of a block are not rendered.
    while out and (type(out[0]) is LineBreak or _starts_with_space(out[0])):
        if type(out[0]) is LineBreak:
            out.pop(0)
        else:
            _replace_text(out, 0, out[0].text[1:])  # type: ignore[union-attr]
    while out and (type(out[-1]) is LineBreak or _ends_with_space(out[-1])):
        if type(out[-1]) is LineBreak:
            out.pop()
        else:
            _replace_text(out, len(out) - 1, out[-1].text[:-1])  # type: ignore[union-attr]
    return content if _same(content, out) else tuple(out)


_MARKS = frozenset({Emphasis, Strong, Link, Subscript, Superscript, Strikethrough})


def _settled(content: tuple[Inline, ...]) -> bool:
    """Whether :func:`_run` would return *content* unchanged; False when it is not sure.

    Each test below is one rule of :func:`_inlines` and :func:`_add_container` read
    backwards: nothing to fold, nothing empty, nothing to merge, no space at an edge.
    """
    if not content:
        return True
    first = content[0]
    last = content[-1]
    if type(first) is LineBreak or type(last) is LineBreak:
        return False
    if _starts_with_space(first) or _ends_with_space(last):
        return False
    previous: type | None = None
    ends_with_space = False
    for node in content:
        kind = type(node)
        if kind is Text:
            text: str = node.text  # type: ignore[union-attr]
            if (
                previous is Text
                or not text
                or (previous is LineBreak and text.startswith(" "))
                or "  " in text
                or (not text.isprintable() and _fold(text) is not text)
            ):
                return False
            ends_with_space = text.endswith(" ")
        elif kind is LineBreak:
            if ends_with_space:
                return False
            ends_with_space = False
        elif kind is Code:
            code: str = node.text  # type: ignore[union-attr]
            if previous is Code or not code or code != code.strip(" ") or code is not _fold(code):
                return False
            ends_with_space = False
        elif kind in _MARKS:
            if kind is previous or not _settled(node.content) or not node.content:  # type: ignore[union-attr]
                return False
            ends_with_space = False
        else:
            return False
        previous = kind
    return True


def _starts_with_space(node: Inline) -> bool:
    return type(node) is Text and node.text.startswith(" ")


def _ends_with_space(node: Inline) -> bool:
    return type(node) is Text and node.text.endswith(" ")


def _replace_text(out: list[Inline], index: int, text: str) -> None:
    if text:
        out[index] = Text(text)
    else:
        del out[index]


class _Merging:
    """Marks of one kind side by side, merged once when their run is complete.

    Merging each newcomer into the mark before it re-reads everything merged so far,
    which is quadratic: 40,000 adjacent links to one address took seconds.
    """

    __slots__ = ("first", "parts")

    def __init__(self, first: Any, second: Any) -> None:
        self.first = first
        self.parts: list[tuple[Inline, ...]] = [first.content, second.content]

    def merged(self) -> Inline:
        content = tuple(_inlines(tuple(chain.from_iterable(self.parts))))
        return cast("Inline", attrs.evolve(self.first, content=content))


def _joined(content: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """*content* with side-by-side Text nodes joined: folding reads them as one string anyway."""
    out: list[Inline] = []
    pieces: list[str] = []
    for node in (*content, _BREAK):  # the break ends the last run; it is not kept
        if type(node) is Text:
            pieces.append(node.text)
            continue
        if len(pieces) == 1:
            out.append(Text(pieces[0]))
        elif pieces:
            out.append(Text("".join(pieces)))
        pieces = []
        out.append(node)
    out.pop()
    return tuple(out)


def _inlines(content: tuple[Inline, ...]) -> list[Inline]:
    if any(type(a) is Text and type(b) is Text for a, b in pairwise(content)):
        content = _joined(content)
    out: list[Inline] = []
    for node in content:
        kind = type(node)
        if kind is Text:
            text = _fold(node.text)  # type: ignore[union-attr]
            if out and type(out[-1]) in _JOINS_TEXT:
                _add_text(out, text)
            elif text:
                # The common case, kept inline: text after a mark, or first in its run.
                out.append(node if text is node.text else Text(text))  # type: ignore[union-attr]
        elif kind is LineBreak:
            if out and _ends_with_space(out[-1]):
                _replace_text(out, len(out) - 1, out[-1].text[:-1])  # type: ignore[union-attr]
            out.append(node)
        elif kind is Code:
            text = _fold(node.text)  # type: ignore[union-attr]
            core = text.strip(" ")
            if text.startswith(" "):
                _add_text(out, " ")
            if core:
                _add_mark(out, node if core is node.text else Code(core))  # type: ignore[union-attr]
            if core and text.endswith(" "):
                _add_text(out, " ")
        else:
            _add_container(out, node)
    if any(map(_is_merging, out)):
        out = [node.merged() if isinstance(node, _Merging) else node for node in cast("list[Any]", out)]
    return out


def _add_container(out: list[Inline], node: Inline) -> None:
    content: tuple[Inline, ...] = node.content  # type: ignore[union-attr]
    inner = _inlines(content)
    # Space and line breaks at the edges of a mark belong outside it: that is how
    # Markdown needs them, and it gives one spelling to what renders the same.
    before: list[Inline] = []
    while inner and (type(inner[0]) is LineBreak or _starts_with_space(inner[0])):
        if type(inner[0]) is LineBreak:
            before.append(inner.pop(0))
        else:
            before.append(_SPACE)
            _replace_text(inner, 0, inner[0].text[1:])  # type: ignore[union-attr]
    after: list[Inline] = []
    while inner and (type(inner[-1]) is LineBreak or _ends_with_space(inner[-1])):
        if type(inner[-1]) is LineBreak:
            after.insert(0, inner.pop())
        else:
            after.insert(0, _SPACE)
            _replace_text(inner, len(inner) - 1, inner[-1].text[:-1])  # type: ignore[union-attr]
    if before:
        _extend(out, before)
    if inner:
        mark = node if _same(content, inner) else attrs.evolve(cast("Any", node), content=tuple(inner))
        if out and (type(out[-1]) is type(mark) or _is_merging(out[-1])):
            _add_mark(out, mark)
        else:
            out.append(mark)
    if after:
        _extend(out, after)


def _extend(out: list[Inline], nodes: list[Inline]) -> None:
    for node in nodes:
        if type(node) is LineBreak:
            if out and _ends_with_space(out[-1]):
                _replace_text(out, len(out) - 1, out[-1].text[:-1])  # type: ignore[union-attr]
            out.append(_BREAK)
        else:
            _add_text(out, node.text)  # type: ignore[union-attr]


def _add_text(out: list[Inline], text: str) -> None:
    """Append *text*, merging with text before it and folding space after a break."""
    if not text:
        return
    if out:
        last = out[-1]
        if type(last) is Text:
            if last.text.endswith(" ") and text.startswith(" "):
                text = text[1:]
            if text:
                out[-1] = Text(last.text + text)
            return
        if type(last) is LineBreak and text.startswith(" "):
            text = text[1:]
            if not text:
                return
    out.append(Text(text))


def _add_mark(out: list[Inline], node: Inline) -> None:
    if out:
        last: Any = out[-1]
        kind = type(node)
        if _is_merging(last):
            if kind is type(last.first) and _same_target(last.first, node):
                last.parts.append(node.content)  # type: ignore[union-attr]
                return
        elif kind is type(last):
            if kind is Code:
                out[-1] = Code(last.text + node.text)  # type: ignore[union-attr]
                return
            if _same_target(last, node):
                out[-1] = cast("Inline", _Merging(last, node))
                return
    out.append(node)


def _is_merging(node: object) -> bool:
    return type(node) is _Merging


def _same_target(first: Any, second: Any) -> bool:
    """Whether two marks of one kind merge: links only when they go to the same place."""
    return type(first) is not Link or (first.href, first.title) == (second.href, second.title)
