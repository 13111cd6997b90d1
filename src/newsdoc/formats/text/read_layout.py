"""Read newsdoc's own text layout back exactly, or say that the text is not in it.

The layout is described in :mod:`newsdoc.formats.text.layout`; anything that does
not fit it raises :class:`LayoutError`, and the text is then read as a saved page.
"""

from __future__ import annotations

from typing import Any

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
    FENCE,
    FIGURE_LABEL,
    FOOTER_LABELS,
    HEADLINE_RULE,
    LEAD_LABEL,
    META_LABELS,
    ORDERED_MARKER,
    PUBLISHED_LABEL,
    QUOTE_INDENT,
    RULE_LEVELS,
    UPDATED_LABEL,
    is_rule,
    is_separator,
    parse_when,
    rule_for,
    split_escaped,
    unescape,
)
from newsdoc.model import (
    Article,
    Author,
    Block,
    BulletList,
    CodeBlock,
    Collection,
    Divider,
    Figure,
    Heading,
    Inline,
    OrderedList,
    Paragraph,
    Quote,
    Text,
)

#: Containers nested deeper than this are not newsdoc's output (it never nests so deep).
MAX_DEPTH = 32
_RULES = "".join(RULE_LEVELS)


class LayoutError(Exception):
    """The text is not in newsdoc's own layout."""


def looks_like_layout(lines: list[str]) -> bool:
    """Whether the second line underlines the first, exactly as wide, as the writer does."""
    return (
        len(lines) >= 2  # noqa: PLR2004
        and is_rule(lines[1], HEADLINE_RULE + COLLECTION_RULE)
        and lines[1] == rule_for(lines[0], lines[1][0])
    )


def read_layout(lines: list[str]) -> Article | Collection:
    """Read *lines* (newline-free, trailing blank lines removed) written by the text writer."""
    try:
        if is_rule(lines[1], COLLECTION_RULE):
            return _collection(lines)
        article, pos = _article(lines, 0)
    except (ValueError, TypeError, IndexError) as error:
        # The model refused a value (a language tag, a list number): not newsdoc's output.
        raise LayoutError(str(error)) from None
    if pos != len(lines):
        raise LayoutError(f"line {pos + 1}: expected the end of the article")
    return article


def _collection(lines: list[str]) -> Collection:
    title = unescape(lines[0]) or None
    pos = 2
    published = None
    if pos < len(lines) and lines[pos].startswith(PUBLISHED_LABEL):
        published = _when(lines[pos], PUBLISHED_LABEL)
        pos += 1
    articles = []
    while True:
        if pos < len(lines) and not is_separator(lines[pos]):
            pos = _skip_blank(lines, pos)
        if pos == len(lines):
            break
        if not is_separator(lines[pos]) or pos + 2 >= len(lines) or lines[pos + 1]:
            raise LayoutError(f"line {pos + 1}: expected the rule before an article")
        article, pos = _article(lines, pos + 2)
        articles.append(article)
    return Collection(title, tuple(articles), published)


def _skip_blank(lines: list[str], pos: int) -> int:
    if pos < len(lines) and lines[pos]:
        raise LayoutError(f"line {pos + 1}: expected a blank line")
    while pos < len(lines) and not lines[pos]:
        pos += 1
    return pos


def _article(lines: list[str], pos: int) -> tuple[Article, int]:
    if pos + 1 >= len(lines) or not is_rule(lines[pos + 1], HEADLINE_RULE):
        raise LayoutError(f"line {pos + 2}: expected the headline's underline")
    fields: dict[str, Any] = {"headline": unescape(lines[pos])}
    pos += 2
    start = pos
    while pos < len(lines) and lines[pos]:
        pos += 1
    if pos > start:
        fields["dek"] = " ".join(lines[start:pos])
    reader = _Blocks(lines, 0)
    body: list[Block] = []
    last_raw: list[str] | None = None
    first = True
    while True:
        pos = _skip_blank(lines, pos)
        if pos == len(lines) or (is_separator(lines[pos]) and (pos + 1 == len(lines) or not lines[pos + 1])):
            break
        if first and lines[pos].startswith(META_LABELS):
            end = _block_end(lines, pos)
            meta = _meta(lines[pos:end])
            if meta is not None:
                fields.update(meta)
                pos = end
                first = False
                continue
        if not body and "lead" not in fields and _is_figure(lines[pos], LEAD_LABEL):
            fields["lead"], pos = reader.figure(pos, LEAD_LABEL)
            first = False
            continue
        first = False
        block, raw, pos = reader.block(pos, in_quote=False)
        if isinstance(block, _Attribution):
            raise LayoutError(f"line {pos}: an attribution outside a quote")
        body.append(block)
        last_raw = raw
    if body and last_raw is not None:
        footer = _footer(last_raw)
        if footer is not None:
            body.pop()
            fields.update(footer)
    return Article(**fields, body=tuple(body)), pos


def _block_end(lines: list[str], pos: int) -> int:
    while pos < len(lines) and lines[pos]:
        pos += 1
    return pos


def _when(line: str, label: str) -> Any:
    value = parse_when(line[len(label) :])
    if value is None:
        raise LayoutError(f"not a date: {line!r}")
    return value


def _meta(block: list[str]) -> dict[str, Any] | None:
    """The bylines, dateline and dates under the headline; None if *block* is not that."""
    authors: list[dict[str, str | None]] = []
    fields: dict[str, Any] = {}
    for line in block:
        if line.startswith(BY) and not authors and not fields:
            author = parse_byline(line[len(BY) :])
        elif line.startswith(AND) and authors and not fields:
            author = parse_byline(line[len(AND) :])
        elif line.startswith(" ") and authors and not fields:
            value = line.lstrip(" ")
            current = authors[-1]
            if len(value) > 2 and value[0] == "<" and value[-1] == ">" and current["url"] is None:  # noqa: PLR2004
                current["url"] = value[1:-1]
            elif value and current["bio"] is None and current["url"] is None:
                current["bio"] = unescape(value)
            else:
                return None
            continue
        elif line.startswith(DATELINE_LABEL) and "dateline" not in fields:
            fields["dateline"] = line[len(DATELINE_LABEL) :]
            continue
        elif line.startswith(PUBLISHED_LABEL) and "published" not in fields:
            fields["published"] = parse_when(line[len(PUBLISHED_LABEL) :])
            if fields["published"] is None:
                return None
            continue
        elif line.startswith(UPDATED_LABEL) and "updated" not in fields:
            fields["updated"] = parse_when(line[len(UPDATED_LABEL) :])
            if fields["updated"] is None:
                return None
            continue
        else:
            return None
        if author is None:
            return None
        authors.append({**author, "bio": None, "url": None})
    fields["authors"] = tuple(Author(**author) for author in authors)  # type: ignore[arg-type]
    return fields


def parse_byline(text: str) -> dict[str, str | None] | None:
    """Read ``Name, Title (Organization)`` with backslash escapes; None if malformed."""
    parts: dict[str, str | None] = {"name": None, "title": None, "organization": None}
    state = "name"
    buffer: list[str] = []
    index = 0
    size = len(text)
    while index < size:
        char = text[index]
        if char == ESCAPE:
            if index + 1 == size:
                return None
            buffer.append(text[index + 1])
            index += 2
            continue
        if char == "," and state == "name":
            if text[index + 1 : index + 2] != " " or not buffer:
                return None
            parts["name"] = "".join(buffer)
            buffer, state, index = [], "title", index + 2
            continue
        if char == "(" and state in {"name", "title"}:
            if len(buffer) < 2 or buffer[-1] != " ":  # noqa: PLR2004 - a name and the space before "("
                return None
            parts[state] = "".join(buffer[:-1])
            buffer, state, index = [], "organization", index + 1
            continue
        if char == ")" and state == "organization" and index == size - 1 and buffer:
            parts["organization"] = "".join(buffer)
            state, index = "done", index + 1
            continue
        if char in "()" or state == "done":
            return None
        buffer.append(char)
        index += 1
    if state == "organization" or (state != "done" and not buffer):
        return None
    if state in {"name", "title"}:
        parts[state] = "".join(buffer)
    return parts


def _footer(block: list[str]) -> dict[str, Any] | None:
    """The section, tags, publisher, language and address after the story; None if not that."""
    fields: dict[str, Any] = {}
    for line in block:
        for name, label in FOOTER_LABELS.items():
            if line.startswith(label) and name not in fields:
                value = line[len(label) :]
                if not value:
                    return None
                if name == "tags":
                    tags = split_escaped(value, ", ")
                    if tags is None:
                        return None
                    fields[name] = tuple(tags)
                else:
                    fields[name] = value
                break
        else:
            return None
    return fields


def _is_figure(line: str, label: str) -> bool:
    return line == label or line.startswith(label + " ")


class _Attribution:
    """A quote's attribution, found as the last block inside the quote."""

    def __init__(self, content: tuple[Inline, ...]) -> None:
        self.content = content


class _Blocks:
    """Reads blocks from lines whose container indent has been taken off."""

    def __init__(self, lines: list[str], depth: int) -> None:
        if depth > MAX_DEPTH:
            raise LayoutError("nested too deeply")
        self.lines = lines
        self.depth = depth

    def all(self, in_quote: bool) -> tuple[list[Block], tuple[Inline, ...]]:
        """Every block, separated by blank lines; and the attribution, inside a quote."""
        blocks: list[Block] = []
        attribution: tuple[Inline, ...] = ()
        pos = 0
        lines = self.lines
        while pos < len(lines):
            if attribution:
                raise LayoutError("a block after the attribution")
            block, _raw, pos = self.block(pos, in_quote)
            if isinstance(block, _Attribution):
                attribution = block.content
            else:
                blocks.append(block)
            if pos < len(lines):
                pos = _skip_blank(lines, pos)
        return blocks, attribution

    def block(self, pos: int, in_quote: bool) -> tuple[Block | _Attribution, list[str] | None, int]:
        """The block starting at *pos*, its lines if it is a plain paragraph, and where it ends."""
        lines = self.lines
        line = lines[pos]
        if line.startswith(FENCE):
            code, pos = self.code(pos)
            return code, None, pos
        if pos + 1 < len(lines) and is_rule(lines[pos + 1], _RULES) and _ends(lines, pos + 2):
            level = RULE_LEVELS[lines[pos + 1][0]]
            return Heading(level, _content(unescape(line))), None, pos + 2
        if line == DIVIDER and _ends(lines, pos + 1):
            return Divider(), None, pos + 1
        if line.startswith(BULLET) or ORDERED_MARKER.match(line):
            items, pos = self.items(pos, bullet=line.startswith(BULLET))
            return items, None, pos
        if line.startswith(QUOTE_INDENT):
            quote, pos = self.quote(pos)
            return quote, None, pos
        if _is_figure(line, FIGURE_LABEL):
            figure, pos = self.figure(pos, FIGURE_LABEL)
            return figure, None, pos
        if _is_figure(line, LEAD_LABEL) or line.startswith(" "):
            raise LayoutError(f"line {pos + 1}: not a block")
        end = _block_end(lines, pos)
        if in_quote and line.startswith(ATTRIBUTION):
            parts = [line[len(ATTRIBUTION) :]]
            for extra in lines[pos + 1 : end]:
                if not extra.startswith(ATTRIBUTION_INDENT):
                    raise LayoutError(f"line {pos + 1}: an attribution's lines are indented")
                parts.append(extra[len(ATTRIBUTION_INDENT) :])
            return _Attribution(_content(" ".join(parts))), None, end
        raw = lines[pos:end]
        if line.startswith(ESCAPE):
            return Paragraph(_content(" ".join(raw)[1:])), None, end
        return Paragraph(_content(" ".join(raw))), raw, end

    def code(self, pos: int) -> tuple[CodeBlock, int]:
        """A fenced code block, kept line for line."""
        opening = self.lines[pos]
        fence = opening[: len(opening) - len(opening.lstrip("`"))]
        language = opening[len(fence) :]
        language = language.removeprefix(" ")
        end = pos + 1
        lines = self.lines
        while end < len(lines) and lines[end] != fence:
            end += 1
        if end == len(lines):
            raise LayoutError(f"line {pos + 1}: the code block is not closed")
        return CodeBlock("\n".join(lines[pos + 1 : end]), language or None), end + 1

    def items(self, pos: int, bullet: bool) -> tuple[BulletList | OrderedList, int]:
        """A list: adjacent items, each a marker line and the lines indented under it."""
        lines = self.lines
        items: list[tuple[Block, ...]] = []
        start = 1
        while pos < len(lines) and lines[pos]:
            line = lines[pos]
            if bullet:
                if not line.startswith(BULLET):
                    raise LayoutError(f"line {pos + 1}: expected a bullet")
                width = len(BULLET)
            else:
                found = ORDERED_MARKER.match(line)
                if found is None:
                    raise LayoutError(f"line {pos + 1}: expected a number")
                if not items:
                    start = int(found[1])
                width = found.end()
            pad = " " * width
            content = [line[width:]]
            pos += 1
            while pos < len(lines) and lines[pos].startswith(pad):
                content.append(lines[pos][width:])
                pos += 1
            blocks, _ = _Blocks(content, self.depth + 1).all(in_quote=False)
            items.append(tuple(blocks))
        if bullet:
            return BulletList(tuple(items)), pos
        return OrderedList(tuple(items), start), pos

    def quote(self, pos: int) -> tuple[Quote, int]:
        """A block quote: lines indented by four spaces, blank ones included."""
        lines = self.lines
        end = _block_end(lines, pos)
        content = []
        for line in lines[pos:end]:
            if not line.startswith(QUOTE_INDENT):
                raise LayoutError(f"line {pos + 1}: a quote's lines are indented")
            content.append(line[len(QUOTE_INDENT) :])
        blocks, attribution = _Blocks(content, self.depth + 1).all(in_quote=True)
        return Quote(tuple(blocks), attribution), end

    def figure(self, pos: int, label: str) -> tuple[Figure, int]:
        """A caption after its label, wrapped lines indented under it, then the credit."""
        lines = self.lines
        end = _block_end(lines, pos)
        first = lines[pos]
        parts = [first[len(label) + 1 :]] if first != label else []
        pad = " " * (len(label) + 1)
        credit = None
        for index in range(pos + 1, end):
            line = lines[index]
            if line.startswith(pad) and parts and credit is None:
                parts.append(line[len(pad) :])
            elif line.startswith(CREDIT_LABEL) and credit is None:
                credit = line[len(CREDIT_LABEL) :]
            else:
                raise LayoutError(f"line {index + 1}: not part of a caption")
        return Figure(None, _content(" ".join(parts)), credit), end


def _ends(lines: list[str], pos: int) -> bool:
    return pos == len(lines) or not lines[pos]


def _content(text: str) -> tuple[Inline, ...]:
    return (Text(text),) if text else ()
