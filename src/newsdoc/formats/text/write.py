"""Write an article or a collection as plain text that reads like a wire story.

One pass renders what ``project`` keeps and notes what it drops; tests hold it to both.
"""

from __future__ import annotations

import warnings

from newsdoc.canonical import fold
from newsdoc.errors import ContentDroppedWarning, WriteError
from newsdoc.fidelity import Feature, features_used
from newsdoc.formats.text import TEXT
from newsdoc.formats.text.layout import (
    AND,
    ATTRIBUTION,
    ATTRIBUTION_INDENT,
    BULLET,
    BY,
    COLLECTION_RULE,
    CREDIT_LABEL,
    DATELINE_LABEL,
    DIVIDER,
    ESCAPE,
    FIGURE_LABEL,
    FOOTER_LABELS,
    HEADING_RULES,
    HEADLINE_RULE,
    LEAD_LABEL,
    META_LABELS,
    MIN_RULE,
    PUBLISHED_LABEL,
    QUOTE_INDENT,
    SEPARATOR_LENGTH,
    UPDATED_LABEL,
    escape_chars,
    escape_title,
    format_when,
    is_rule,
    needs_escape,
    rule_for,
    wrap,
)
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
    Figure,
    Heading,
    Inline,
    LineBreak,
    Link,
    OrderedList,
    Paragraph,
    PullQuote,
    Quote,
    Table,
    Text,
)

_FOOTER_STARTS = tuple(FOOTER_LABELS.values())
_MARKS = (Feature.MARKS,)


def write_text(doc: Article | Collection, *, width: int | None = None, strict: bool = False) -> str:
    """Write *doc* as UTF-8 plain text: headline, byline, dates, captions and story.

    Lines are as long as their paragraphs unless *width* asks for wrapping at that
    many characters. Link targets, marks, image sources, embeds, tables and pull
    quotes have no place in plain text: they are reported as dropped (a warning, or
    :class:`~newsdoc.WriteError` with *strict*), and their words are kept.
    """
    if not isinstance(doc, Article | Collection):
        raise WriteError(f"expected an Article or a Collection, not {type(doc).__name__}")
    if width is not None and (type(width) is not int or width < 1):
        raise WriteError(f"width must be a positive number of characters, not {width!r}")
    writer = _Writer(width)
    if isinstance(doc, Collection):
        writer.collection(doc)
    else:
        writer.article(doc)
    dropped = sorted(writer.dropped - TEXT.carries)
    if dropped:
        # The words of fidelity.report_dropped, which tests hold this to.
        what = f"text cannot carry {', '.join(dropped)}"
        if strict:
            raise WriteError(f"{what}; nothing written (strict)")
        warnings.warn(f"{what}; left out of the output", ContentDroppedWarning, stacklevel=2)
    return "\n".join(writer.lines) + "\n"


class _Piece:
    """A rendered block: its lines, and its text when it is a paragraph (which may need escaping)."""

    __slots__ = ("lines", "text")

    def __init__(self, lines: list[str], text: str | None = None) -> None:
        self.lines = lines
        self.text = text


class _Writer:
    def __init__(self, width: int | None) -> None:
        self.width = width
        self.lines: list[str] = []
        self.dropped: set[Feature] = set()

    # -- documents

    def collection(self, collection: Collection) -> None:
        out = self.lines
        title = escape_title(fold(collection.title or ""))
        out.append(title)
        out.append(rule_for(title, COLLECTION_RULE))
        if collection.published is not None:
            out.append(PUBLISHED_LABEL + format_when(collection.published))
        width = self.width
        length = SEPARATOR_LENGTH if width is None else max(MIN_RULE, min(width, SEPARATOR_LENGTH))
        for article in collection.articles:
            out.extend(("", COLLECTION_RULE * length, ""))
            self.article(article)

    def article(self, article: Article) -> None:
        out = self.lines
        headline = escape_title(fold(article.headline))
        out.append(headline)
        out.append(rule_for(headline, HEADLINE_RULE))
        dek = _optional(article.dek)
        if dek:
            out.extend(wrap(dek, self.width))
        meta = _meta(article)
        if meta:
            out.append("")
            out.extend(meta)
        lead = self.figure(article.lead, LEAD_LABEL, self.width) if article.lead is not None else None
        if lead is not None:
            out.append("")
            out.extend(lead.lines)
        footer = _footer(article)
        pieces = self.blocks(article.body, self.width)
        if pieces:
            # A paragraph where the byline block or the footer could stand must not read as one.
            if not meta and lead is None:
                _reserve(pieces[0], META_LABELS, self.width)
            if not footer:
                _reserve(pieces[-1], _FOOTER_STARTS, self.width)
        for piece in pieces:
            out.append("")
            out.extend(piece.lines)
        if footer:
            out.append("")
            out.extend(footer)

    # -- blocks

    def blocks(self, blocks: tuple[Block, ...], width: int | None, in_quote: bool = False) -> list[_Piece]:
        pieces: list[_Piece] = []
        for block in blocks:
            self.block(block, width, in_quote, pieces)
        return pieces

    def block(self, block: Block, width: int | None, in_quote: bool, out: list[_Piece]) -> None:
        kind = type(block)
        if kind is Paragraph:
            assert isinstance(block, Paragraph)
            self.paragraph(self.text(block.content), width, out, in_quote=in_quote)
        elif kind is Embed:
            assert isinstance(block, Embed)
            self.dropped.add(Feature.EMBEDS)
            self.paragraph(self.text(block.caption), width, out, in_quote=in_quote)
        elif kind is Heading:
            assert isinstance(block, Heading)
            text = self.text(block.content)
            if text:
                line = escape_title(text)
                out.append(_Piece([line, rule_for(line, HEADING_RULES[block.level])]))
        elif kind is BulletList or kind is OrderedList:
            assert isinstance(block, BulletList | OrderedList)
            self.items(block, width, out)
        elif kind is Quote or kind is PullQuote:
            assert isinstance(block, Quote | PullQuote)
            self.quote(block, width, out)
        elif kind is Figure:
            assert isinstance(block, Figure)
            piece = self.figure(block, FIGURE_LABEL, width)
            if piece is not None:
                out.append(piece)
        elif kind is CodeBlock:
            assert isinstance(block, CodeBlock)
            code = _code(block)
            if code:
                out.append(_Piece(code))
        elif kind is Divider:
            out.append(_Piece([DIVIDER]))
        elif kind is Table:
            assert isinstance(block, Table)
            # Tables are rare: the model's own account of what one uses is exact.
            self.dropped |= features_used(block)
            for row in (*block.head, *block.body):
                cells = " ".join(self.text(cell.content) for cell in row)
                self.paragraph(fold(cells), width, out, in_quote=in_quote)
        else:  # pragma: no cover - every block type is handled above
            raise WriteError(f"cannot write a {kind.__name__} as text")

    def paragraph(self, text: str, width: int | None, out: list[_Piece], *, in_quote: bool) -> None:
        if not text:
            return
        # Directly inside a quote, a paragraph starting with a dash would read as the attribution.
        escaped = needs_escape(text, (ATTRIBUTION,) if in_quote else ())
        out.append(_Piece(wrap(ESCAPE + text if escaped else text, width), None if escaped else text))

    def items(self, block: BulletList | OrderedList, width: int | None, out: list[_Piece]) -> None:
        lines: list[str] = []
        number = block.start if isinstance(block, OrderedList) else 0
        for item in block.items:
            marker = BULLET if isinstance(block, BulletList) else f"{number}. "
            inner = _joined(self.blocks(item, _narrower(width, len(marker))))
            if not inner:
                continue  # an item of nothing but what text cannot hold
            number += 1
            pad = " " * len(marker)
            lines.append(marker + inner[0])
            lines.extend(pad + line for line in inner[1:])
        if lines:
            out.append(_Piece(lines))

    def quote(self, quote: Quote | PullQuote, width: int | None, out: list[_Piece]) -> None:
        inner_width = _narrower(width, len(QUOTE_INDENT))
        if isinstance(quote, PullQuote):
            self.dropped.add(Feature.PULL_QUOTES)
            pieces: list[_Piece] = []
            self.paragraph(self.text(quote.content), inner_width, pieces, in_quote=True)
        else:
            pieces = self.blocks(quote.body, inner_width, in_quote=True)
        inner = _joined(pieces)
        attribution = self.text(quote.attribution)
        if attribution:
            if inner:
                inner.append("")
            parts = wrap(attribution, _narrower(inner_width, len(ATTRIBUTION)))
            inner.append(ATTRIBUTION + parts[0])
            inner.extend(ATTRIBUTION_INDENT + part for part in parts[1:])
        if inner:
            # Blank lines inside the quote keep its indent, so that two quotes in a row stay two.
            out.append(_Piece([QUOTE_INDENT + line for line in inner]))

    def figure(self, figure: Figure, label: str, width: int | None) -> _Piece | None:
        image = figure.image
        if image is not None:
            self.dropped.add(Feature.IMAGES)
            if image.width or image.height or image.media_type:
                self.dropped.add(Feature.IMAGE_DETAILS)
        caption = self.text(figure.caption)
        credit = _optional(figure.credit)
        if not caption and not credit:
            return None
        if caption:
            pad = " " * (len(label) + 1)
            parts = wrap(caption, _narrower(width, len(pad)))
            lines = [f"{label} {parts[0]}", *(pad + part for part in parts[1:])]
        else:
            lines = [label]
        if credit:
            lines.append(CREDIT_LABEL + credit)
        return _Piece(lines)

    # -- inlines

    def text(self, content: tuple[Inline, ...]) -> str:
        """The words of inline content, as plain text shows them; noting marks and links dropped."""
        if len(content) == 1 and type(content[0]) is Text:
            text = content[0].text
            # Normalized text, the common case, needs no folding.
            if (
                "  " in text
                or "\n" in text
                or "\t" in text
                or "\r" in text
                or text[:1] == " "
                or text[-1:] == " "
            ):
                return fold(text)
            return text
        parts: list[str] = []
        self.inline(content, parts, in_link=False)
        return fold("".join(parts))

    def inline(self, content: tuple[Inline, ...], parts: list[str], in_link: bool) -> None:
        for node in content:
            kind = type(node)
            if kind is Text:
                parts.append(node.text)  # type: ignore[union-attr]
            elif kind is LineBreak:
                self.dropped.add(Feature.LINE_BREAKS)
                parts.append(" ")
            elif kind is Code:
                self.dropped.update(_MARKS)
                parts.append(node.text)  # type: ignore[union-attr]
            elif kind is Link:
                self.dropped.add(Feature.NESTED_LINKS if in_link else Feature.LINKS)
                self.inline(node.content, parts, in_link=True)  # type: ignore[union-attr]
            else:
                self.dropped.update(_MARKS)
                self.inline(node.content, parts, in_link)  # type: ignore[union-attr]


def _reserve(piece: _Piece, starts: tuple[str, ...], width: int | None) -> None:
    """Escape a paragraph that would read as the block whose labels are *starts*."""
    if piece.text is not None and piece.text.startswith(starts):
        piece.lines = wrap(ESCAPE + piece.text, width)
        piece.text = None


def _joined(pieces: list[_Piece]) -> list[str]:
    lines: list[str] = []
    for piece in pieces:
        if lines:
            lines.append("")
        lines.extend(piece.lines)
    return lines


def _optional(text: str | None) -> str | None:
    return fold(text) or None if text else None


def _meta(article: Article) -> list[str]:
    lines: list[str] = []
    bylines: list[tuple[str, str | None, str | None]] = []
    for author in article.authors:
        if not fold(author.name):
            continue  # a nameless author is no author, in normal form
        byline = _byline(author)
        details = (byline, _optional(author.bio), _optional(author.url))
        if details in bylines:
            continue
        bylines.append(details)
        lead = BY if len(bylines) == 1 else AND
        lines.append(lead + byline)
        indent = " " * len(lead)
        _, bio, url = details
        if bio:
            lines.append(indent + (ESCAPE + bio if bio.startswith((ESCAPE, "<")) else bio))
        if url:
            lines.append(f"{indent}<{url}>")
    dateline = _optional(article.dateline)
    if dateline:
        lines.append(DATELINE_LABEL + dateline)
    if article.published is not None:
        lines.append(PUBLISHED_LABEL + format_when(article.published))
    if article.updated is not None:
        lines.append(UPDATED_LABEL + format_when(article.updated))
    return lines


def _byline(author: Author) -> str:
    """``Name, Title (Organization)``, with the characters that separate them escaped."""
    line = escape_chars(fold(author.name), ",()")
    title = _optional(author.title)
    if title:
        line += ", " + escape_chars(title, "()")
    organization = _optional(author.organization)
    if organization:
        line += " (" + escape_chars(organization, "()") + ")"
    return line


def _footer(article: Article) -> list[str]:
    lines = []
    values = {
        "section": _optional(article.section),
        "tags": ", ".join(escape_chars(tag, ",") for tag in dict.fromkeys(map(fold, article.tags)) if tag),
        "publisher": _optional(article.publisher),
        "language": article.language,
        "url": _optional(article.url),
    }
    for name, label in FOOTER_LABELS.items():
        value = values[name]
        if value:
            lines.append(label + value)
    return lines


def _narrower(width: int | None, by: int) -> int | None:
    return None if width is None else max(1, width - by)


def _code(block: CodeBlock) -> list[str]:
    text = block.text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\n").rstrip()
    if not text:
        return []
    code = text.split("\n")
    # The fence is longer than any line of backticks inside, so none can close it.
    longest = max((len(line) for line in code if is_rule(line, "`")), default=0)
    fence = "`" * max(3, longest + 1)
    language = _optional(block.language) or ""
    if language.startswith("`"):
        language = " " + language
    return [fence + language, *code, fence]
