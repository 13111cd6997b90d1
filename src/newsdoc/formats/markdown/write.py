"""Write an article as CommonMark with GFM tables, its metadata in YAML front matter."""

from __future__ import annotations

from newsdoc.canonical import normalize
from newsdoc.errors import WriteError
from newsdoc.fidelity import Feature, features_used, project, report_dropped
from newsdoc.formats.markdown import MARKDOWN, escape
from newsdoc.formats.markdown.front_matter import dump_front_matter
from newsdoc.formats.markdown.markers import (
    ATTRIBUTION_MARKERS,
    CREDIT_MARKERS,
    EMBED_COMMENT,
    FIGURE_COMMENT,
    PULL_QUOTE_COMMENT,
    TABLE_CAPTION_MARKERS,
)
from newsdoc.formats.markdown.parser import MAX_NESTING
from newsdoc.formats.markdown.write_inlines import InlineWriter
from newsdoc.model import (
    Article,
    Block,
    BulletList,
    CodeBlock,
    Collection,
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

# The largest number CommonMark reads as a list marker (nine digits).
_MAX_ORDINAL = 999_999_999
# A thematic break that is neither a list item under "-" or "+" bullets nor a front
# matter fence.
_DIVIDER = "***"
# Adjacent lists of one kind merge unless their markers differ (CommonMark 5.3).
_BULLETS = ("-", "+")
_ORDINAL_ENDS = (".", ")")

# What Markdown drops by reshaping the tree rather than by leaving fields unwritten.
_RESHAPED = frozenset({Feature.IRREGULAR_TABLES, Feature.NESTED_LINKS})

_PLAIN = InlineWriter()
_CAPTION = InlineWriter(markers=CREDIT_MARKERS)
# A paragraph last in a quote must not read as its attribution; one right after a
# table must not read as its caption.
_PARAGRAPH = {
    (False, False): _PLAIN,
    (True, False): InlineWriter(markers=ATTRIBUTION_MARKERS),
    (False, True): InlineWriter(markers=TABLE_CAPTION_MARKERS),
    (True, True): InlineWriter(markers=ATTRIBUTION_MARKERS + TABLE_CAPTION_MARKERS),
}
_ONE_LINE = InlineWriter(single_line=True)


def write_markdown(doc: Article | Collection, *, strict: bool = False) -> str:
    """Write *doc* as Markdown; a collection gives its first article.

    What Markdown cannot carry (image sizes, table spans, irregular tables, links
    inside links, further articles) is reported: a warning, or with *strict* a
    :class:`~newsdoc.WriteError` before anything is written.
    """
    if not isinstance(doc, Article | Collection):
        raise WriteError(f"expected an Article or a Collection, not {type(doc).__name__}")
    dropped = features_used(doc) - MARKDOWN.carries
    if dropped:
        report_dropped(doc, MARKDOWN.carries, format="markdown", strict=strict)
    if isinstance(doc, Collection):
        doc = doc.articles[0] if doc.articles else Article()
    # Image sizes and cell spans are simply not written; only these change the tree.
    article = project(doc, MARKDOWN.carries) if dropped & _RESHAPED else normalize(doc)
    parts = []
    front = dump_front_matter(article, _one_line)
    if front:
        parts.append(front)
    if article.body:
        parts.append(markdown_blocks(article.body) + "\n")
    return "\n".join(parts)


def markdown_blocks(blocks: tuple[Block, ...], level: int = 0) -> str:
    """*blocks* (normalized, within what Markdown carries) as Markdown, separated by blank lines.

    *level* counts the containers around them as markdown-it does: one for a quote,
    two for a list.
    """
    return "\n\n".join(_blocks(blocks, level=level))


def _blocks(blocks: tuple[Block, ...], *, level: int, in_quote: bool = False) -> list[str]:
    if blocks and level >= MAX_NESTING:
        raise WriteError(f"blocks nested this deep are not read back from Markdown (level {level})")
    out: list[str] = []
    previous: Block | None = None
    second_marker = False
    last = len(blocks) - 1
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            writer = _PARAGRAPH[in_quote and index == last, isinstance(previous, Table)]
            out.append(escape.line_end(writer.write(block.content)))
        elif isinstance(block, BulletList | OrderedList):
            # A list right after one of its kind takes the other marker, to stay apart.
            second_marker = type(previous) is type(block) and not second_marker
            out.append(_list(block, level=level + 2, second_marker=second_marker))
        else:
            out.append(_block(block, level))
        previous = block
    return out


def _block(block: Block, level: int) -> str:
    if isinstance(block, Heading):
        return "#" * block.level + " " + _one_line(block.content)
    if isinstance(block, Quote):
        return _quote(block.body, block.attribution, level + 1)
    if isinstance(block, PullQuote):
        return PULL_QUOTE_COMMENT + "\n" + _quote((Paragraph(block.content),), block.attribution, level + 1)
    if isinstance(block, Figure):
        return _figure(block)
    if isinstance(block, Embed):
        return _embed(block)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, CodeBlock):
        fence, info = escape.code_fence(block.text, block.language)
        return f"{fence}{info}\n{block.text}\n{fence}"
    if isinstance(block, Divider):
        return _DIVIDER
    raise WriteError(f"cannot write {type(block).__name__} as Markdown")  # pragma: no cover


def _one_line(content: tuple[Inline, ...]) -> str:
    """Inlines for a heading or a front matter caption: one line, edges kept from stripping."""
    written = escape.line_end(_ONE_LINE.write(content, line_start=False))
    if written[:1].isspace():
        written = escape.reference(written[0]) + written[1:]
    if written.endswith("#"):
        written = written[:-1] + "\\#"  # a closing sequence of an ATX heading
    return written


def _quote(body: tuple[Block, ...], attribution: tuple[Inline, ...], level: int) -> str:
    blocks = _blocks(body, level=level, in_quote=not attribution)
    if attribution:
        blocks.append(ATTRIBUTION_MARKERS[0] + escape.line_end(_PLAIN.write(attribution, line_start=False)))
    return _prefix("\n\n".join(blocks), "> ", "> ", bare=">")


def _figure(figure: Figure) -> str:
    lines = []
    if figure.image is not None:
        lines.append(_image(figure.image))
    if figure.caption:
        lines.append(_CAPTION.write(figure.caption))
    if figure.credit is not None:
        lines.append(CREDIT_MARKERS[0] + escape.text(figure.credit))
    written = escape.line_end("\\\n".join(lines))
    return written if figure.image is not None else FIGURE_COMMENT + "\n" + written


def _image(image: Image) -> str:
    alt = escape.text(image.alt) if image.alt is not None else ""
    return f"![{alt}]({escape.destination(image.src)})"


def _embed(embed: Embed) -> str:
    # The link text names the provider; without one, it is the URL as code (a provider
    # is text, never code), or nothing for a URL no code span can hold.
    if embed.provider is not None:
        label = escape.text(embed.provider)
    elif not embed.url or "\n" in embed.url or "\r" in embed.url:
        label = ""
    else:
        label = escape.code_span(embed.url)
    lines = [f"[{label}]({escape.destination(embed.url)})"]
    if embed.caption:
        lines.append(_PLAIN.write(embed.caption))
    return EMBED_COMMENT + "\n" + escape.line_end("\\\n".join(lines))


def _table(table: Table) -> str:
    rows = [*table.head, *table.body]
    width = len(rows[0])
    header = table.head[0] if table.head else (TableCell(()),) * width
    lines = [_row(header), "|" + " --- |" * width]
    lines.extend(_row(row) for row in table.body)
    if table.caption:
        # pandoc's caption syntax: a paragraph after the table that starts with ": ".
        lines.append("")
        lines.append(
            TABLE_CAPTION_MARKERS[0] + escape.line_end(_PLAIN.write(table.caption, line_start=False))
        )
    return "\n".join(lines)


def _row(row: tuple[TableCell, ...]) -> str:
    cells = (_one_line_cell(cell.content) for cell in row)
    return "| " + " | ".join(cells) + " |"


def _one_line_cell(content: tuple[Inline, ...]) -> str:
    written = escape.line_end(_ONE_LINE.write(content, line_start=False))
    if written[:1].isspace():
        written = escape.reference(written[0]) + written[1:]
    # GFM splits rows at pipes before reading cells, and drops the backslash of "\|"
    # wherever it stands, in code spans and link destinations too.
    return written.replace("|", "\\|")


def _list(block: BulletList | OrderedList, *, level: int, second_marker: bool) -> str:
    items = []
    for number, item in enumerate(block.items):
        if isinstance(block, BulletList):
            marker = _BULLETS[second_marker] + " "
        else:
            ordinal = min(block.start + number, _MAX_ORDINAL)
            marker = f"{ordinal}{_ORDINAL_ENDS[second_marker]} "
        items.append(_prefix(markdown_blocks(item, level), marker, " " * len(marker)))
    return "\n".join(items)


def _prefix(text: str, first: str, rest: str, bare: str = "") -> str:
    """*text* with *first* before its first line and *rest* before the others; *bare* for empty lines."""
    lines = text.split("\n")
    out = [first + lines[0]]
    out.extend(rest + line if line else bare for line in lines[1:])
    return "\n".join(out)
