"""Read Markdown (newsdoc's own, pandoc's, a blog's) into an article, parsing with markdown-it-py.

Raw HTML blocks are dropped, text and all: they hold scripts, embeds and layout more
often than words. HTML comments that newsdoc writes before figures, pull quotes and
embeds are read as what they name.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

from markdown_it.common.utils import unescapeAll
from markdown_it.token import Token

from newsdoc._characters import scrub
from newsdoc.canonical import fold, normalize
from newsdoc.errors import ReadError, ReadWarning
from newsdoc.formats.markdown.front_matter import FrontMatterError, load_front_matter
from newsdoc.formats.markdown.markers import (
    ATTRIBUTION_MARKERS,
    CREDIT_MARKERS,
    EMBED_COMMENT,
    FIGURE_COMMENT,
    PULL_QUOTE_COMMENT,
    TABLE_CAPTION_MARKERS,
    marker_at,
)
from newsdoc.formats.markdown.parser import parser
from newsdoc.formats.markdown.read_inlines import clean, inlines, plain_text
from newsdoc.model import (
    Article,
    Block,
    BulletList,
    CodeBlock,
    Divider,
    Embed,
    Figure,
    Heading,
    Image,
    Inline,
    OrderedList,
    Paragraph,
    PullQuote,
    Quote,
    Table,
    TableCell,
)
from newsdoc.plain import plain_text as model_plain_text

#: Input longer than this is refused. markdown-it-py spends up to ~20 µs a byte on
#: input made of punctuation ("![![![..."), so this bounds a read to a few minutes at
#: worst; the longest books run to a few megabytes of Markdown.
MAX_BYTES = 8 * 1024 * 1024
#: Front matter longer than this is refused: metadata never runs to a megabyte.
MAX_FRONT_MATTER = 1024 * 1024
_MARKERS = {FIGURE_COMMENT: Figure, PULL_QUOTE_COMMENT: PullQuote, EMBED_COMMENT: Embed}
_BREAKS = frozenset({"softbreak", "hardbreak"})
_FORMAT = "markdown"


def read_markdown(data: bytes) -> Article:
    """Read Markdown with optional YAML front matter into a normalized article.

    The headline, dek, authors, dates and lead figure come from the front matter
    (newsdoc's keys, or Jekyll's, Hugo's and pandoc's); without a headline there, a
    level-1 heading opening the body is the headline. Invalid UTF-8 is decoded with
    replacement characters and a :class:`~newsdoc.ReadWarning`.
    """
    if len(data) > MAX_BYTES:
        raise ReadError(
            f"input is {len(data)} bytes; Markdown longer than {MAX_BYTES} bytes is refused", format=_FORMAT
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        warnings.warn(
            f"markdown input is not valid UTF-8 (byte {error.start}); undecodable bytes replaced",
            ReadWarning,
            stacklevel=2,
        )
        text = data.decode("utf-8", errors="replace")
    text = _without_forbidden(text.removeprefix("\N{ZERO WIDTH NO-BREAK SPACE}"))
    try:
        return _Reader().article(parser().parse(text))
    except RecursionError:
        raise ReadError("nested too deeply", format=_FORMAT) from None


def _without_forbidden(text: str) -> str:
    # Every character the model refuses is unprintable; most input has none but line
    # ends and tabs, and str.isprintable is ten times faster than scrub's search.
    if text.replace("\n", "").replace("\r", "").replace("\t", "").isprintable():
        return text
    return scrub(text)


class _Reader:
    def article(self, tokens: list[Token]) -> Article:
        fields: dict[str, object] = {}
        named_headline = False
        start = 0
        if tokens and tokens[0].type == "front_matter":
            fields, named_headline = self.front_matter(tokens[0])
            start = 1
        body = [block for block, _ in self.blocks(tokens, start, len(tokens))]
        first = body[0] if body else None
        if not named_headline and isinstance(first, Heading) and first.level == 1:
            fields["headline"] = model_plain_text(first.content)
            body.pop(0)
        return normalize(Article(**fields, body=tuple(body)))  # type: ignore[arg-type]

    def front_matter(self, token: Token) -> tuple[dict[str, object], bool]:
        if len(token.content) > MAX_FRONT_MATTER:
            raise ReadError(
                f"front matter is longer than {MAX_FRONT_MATTER} characters",
                format=_FORMAT,
                location="line 1",
            )
        try:
            return load_front_matter(token.content, self.caption)
        except FrontMatterError as error:
            raise ReadError(str(error), format=_FORMAT, location="front matter") from None

    def caption(self, markdown: str) -> tuple[Inline, ...]:
        """A line of Markdown from the front matter, as inlines."""
        tokens = parser().parseInline(markdown)
        return inlines(tokens[0].children or ()) if tokens else ()

    def blocks(self, tokens: list[Token], start: int, end: int) -> list[tuple[Block, list[Token] | None]]:
        """The blocks in ``tokens[start:end]``, each with its inline tokens if it is a paragraph."""
        out: list[tuple[Block, list[Token] | None]] = []
        marker: type | None = None
        index = start
        while index < end:
            token = tokens[index]
            close = _closing(tokens, index)
            kind = token.type
            if kind == "html_block":
                marker = _MARKERS.get(token.content.strip())
                index = close
                continue
            if kind == "paragraph_open":
                children = tokens[index + 1].children or []
                self.paragraph(out, children, marker)
            elif kind == "heading_open":
                level = int(token.tag[1:])
                out.append((Heading(level, inlines(tokens[index + 1].children or ())), None))
            elif kind == "blockquote_open":
                out.append((self.quote(tokens, index + 1, close - 1, pull=marker is PullQuote), None))
            elif kind in {"bullet_list_open", "ordered_list_open"}:
                out.append((self.list_block(tokens, index, close), None))
            elif kind == "table_open":
                out.append((self.table(tokens, index, close), None))
            elif kind in {"fence", "code_block"}:
                language = clean(unescapeAll(token.info)).strip(" \t") or None
                out.append((CodeBlock(token.content, language), None))
            elif kind == "hr":
                out.append((Divider(), None))
            marker = None
            index = close
        return out

    def paragraph(
        self, out: list[tuple[Block, list[Token] | None]], children: list[Token], marker: type | None
    ) -> None:
        previous = out[-1][0] if out else None
        if marker is None and isinstance(previous, Table) and not previous.caption:
            caption = _after_marker(children, TABLE_CAPTION_MARKERS)
            if caption is not None:
                out[-1] = (Table(previous.head, previous.body, inlines(caption)), None)
                return
        if marker is Embed and children and children[0].type == "link_open":
            out.append((_embed(children), None))
        elif marker is Figure or (children and _leading_image(children) is not None):
            out.append((_figure(children), None))
        else:
            out.append((Paragraph(inlines(children)), children))

    def quote(self, tokens: list[Token], start: int, end: int, *, pull: bool) -> Block:
        blocks = self.blocks(tokens, start, end)
        attribution: tuple[Inline, ...] = ()
        last = blocks[-1][1] if blocks else None
        if last is not None:
            # The attribution is the quote's last paragraph, or else its last line.
            rest = _after_marker(last, ATTRIBUTION_MARKERS)
            cut = None if rest is not None else _last_top_level_break(last)
            if cut is not None:
                rest = _after_marker(last[cut + 1 :], ATTRIBUTION_MARKERS)
            if rest is not None:
                attribution = inlines(rest)
                blocks.pop()
                if cut is not None:
                    blocks.append((Paragraph(inlines(last[:cut])), last[:cut]))
        body = tuple(block for block, _ in blocks)
        if pull and len(body) == 1 and isinstance(body[0], Paragraph):
            return PullQuote(body[0].content, attribution)
        return Quote(body, attribution)

    def list_block(self, tokens: list[Token], start: int, end: int) -> Block:
        items = []
        index = start + 1
        while index < end - 1:
            close = _closing(tokens, index)
            items.append(tuple(block for block, _ in self.blocks(tokens, index + 1, close - 1)))
            index = close
        opening = tokens[start]
        if opening.type == "bullet_list_open":
            return BulletList(tuple(items))
        start_number = opening.attrGet("start")
        return OrderedList(tuple(items), int(start_number) if start_number is not None else 1)

    def table(self, tokens: list[Token], start: int, end: int) -> Table:
        head: list[tuple[TableCell, ...]] = []
        body: list[tuple[TableCell, ...]] = []
        rows = head
        cells: list[TableCell] = []
        for token in tokens[start:end]:
            if token.type == "tbody_open":
                rows = body
            elif token.type == "inline":
                cells.append(TableCell(inlines(token.children or ())))
            elif token.type == "tr_close":
                rows.append(tuple(cells))
                cells = []
        if len(head) == 1 and not any(normalize(cell.content) for cell in head[0]):
            head.clear()  # GFM tables must have a header row; an empty one stands for none
        return Table(tuple(head), tuple(body))


def _closing(tokens: list[Token], index: int) -> int:
    """The index just past the block that starts at *index*."""
    token = tokens[index]
    if token.nesting != 1:
        return index + 1
    depth = 0
    for position in range(index, len(tokens)):
        depth += tokens[position].nesting
        if depth == 0:
            return position + 1
    return len(tokens)


def _after_marker(children: Sequence[Token], markers: tuple[str, ...]) -> list[Token] | None:
    """*children* without the marker their first token starts with as literal text, or None."""
    if not children or children[0].type != "text":
        return None
    first = children[0]
    marker = marker_at(first.content, markers)
    if marker is None:
        return None
    return [first.copy(content=first.content[len(marker) :]), *children[1:]]


def _leading_image(children: Sequence[Token]) -> tuple[Token, int] | None:
    """The image a paragraph opens with (linked or not), and where the rest begins."""
    if children[0].type == "image":
        return children[0], 1
    if (
        len(children) >= 3  # noqa: PLR2004 - link_open, image, link_close
        and children[0].type == "link_open"
        and children[1].type == "image"
        and children[2].type == "link_close"
    ):
        return children[1], 3
    return None


def _figure(children: list[Token]) -> Figure:
    image = None
    rest = children
    leading = _leading_image(children) if children else None
    if leading is not None:
        token, skip = leading
        alt = plain_text(token.children or ())
        image = Image(clean(str(token.attrGet("src") or "")), alt or None)
        rest = _skip_break(children[skip:])
    credit = None
    last_break = _last_top_level_break(rest)
    line = rest[last_break + 1 :] if last_break is not None else rest
    credit_tokens = _after_marker(line, CREDIT_MARKERS)
    if credit_tokens is not None:
        credit = fold(plain_text(credit_tokens)) or None
        rest = rest[:last_break] if last_break is not None else []
    return Figure(image, inlines(rest), credit)


def _skip_break(tokens: list[Token]) -> list[Token]:
    """*tokens* after the line break that ends an image's line, with any space before it."""
    index = 0
    while index < len(tokens) and tokens[index].type == "text" and not tokens[index].content.strip(" \t"):
        index += 1
    if index < len(tokens) and tokens[index].type in _BREAKS:
        return tokens[index + 1 :]
    return tokens


def _last_top_level_break(tokens: list[Token]) -> int | None:
    depth = 0
    found = None
    for index, token in enumerate(tokens):
        depth += token.nesting
        if depth == 0 and token.type in _BREAKS:
            found = index
    return found


def _embed(children: list[Token]) -> Embed:
    close = _closing(children, 0)
    url = clean(str(children[0].attrGet("href") or ""))
    label = children[1 : close - 1]
    if not label or (len(label) == 1 and label[0].type == "code_inline" and label[0].content == url):
        provider = None
    else:
        provider = fold(plain_text(label)) or None
    return Embed(url, provider, inlines(_skip_break(children[close:])))
