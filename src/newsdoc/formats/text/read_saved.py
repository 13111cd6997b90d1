"""Read an article saved from a web page as text: headline, dek, byline, dates, figures, story.

The text is cut into units (a line, or a hard-wrapped paragraph), page furniture
is dropped, captions become figures, and the units are read top to bottom.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsdoc.formats.text import bylines, captions, furniture
from newsdoc.formats.text.datelines import find_dateline
from newsdoc.formats.text.dates import Dates, parse_date_line
from newsdoc.model import (
    Article,
    Author,
    Block,
    BulletList,
    Divider,
    Figure,
    Heading,
    OrderedList,
    Paragraph,
    Quote,
    Text,
)

# List markers at the start of a line: bullets as pages and e-mails print them.
_BULLET = re.compile(r"[•·▪◦‣*-]\s+(?=\S)")
_NUMBER = re.compile(r"(?P<number>\d{1,3})[.)]\s+(?=\S)")
_MARKER_STARTS = frozenset("•·▪◦‣*->0123456789")
_QUOTE = re.compile(r">+\s?")
# A line of rule characters between parts of a story: "* * *", AP's "___" before its notes.
_DIVIDER = re.compile(r"(?:[-_*=~#•·]\s?){3,}")
# Parts of one header line: "By Jane Doe | Reuters | March 8, 2025".
_PARTS = re.compile(r"\s+[|·•]\s+")
#: A headline is a line; a longer first unit is a paragraph of a story without one.
MAX_HEADLINE = 250
MAX_DEK = 400
# Section names printed over a headline ("World", "Israel at war") are a few words.
MAX_KICKER, MAX_KICKER_WORDS = 25, 3
#: Header lines (bylines, dates, titles) are short.
MAX_HEADER_LINE = 200
# Subheadings: "short lines with no closing punctuation between paragraphs".
MAX_SUBHEADING_WORDS = 12
MAX_SUBHEADING = 80
_CLOSING = tuple('.!?:;,…"”\u2019)]»')
# Hard-wrapped text: every line but the last about as long as the others, none very long.
_WRAP_MIN, _WRAP_MAX, _WRAP_SPREAD = 45, 100, 0.6


class _Unit(NamedTuple):
    """A line of the text, or a hard-wrapped paragraph joined into one."""

    text: str
    marker: str | None = None  # "bullet", "number" or "quote"
    number: int = 1


class _Figure(NamedTuple):
    figure: Figure


_Item = _Unit | _Figure


def read_saved(lines: list[str]) -> Article:
    """Read *lines* of text saved from a page into an article (not yet normalized)."""
    units = _without_furniture(_units(lines))
    return _Assembler(_with_figures(units)).article()


# --- units ----------------------------------------------------------------------------


def _units(lines: list[str]) -> list[_Unit]:
    units: list[_Unit] = []
    block: list[tuple[str, bool]] = []
    for raw in lines:
        text = raw.strip()
        if text:
            block.append((text, raw[:1] in " \t"))
        elif block:
            units.extend(_split_block(block))
            block = []
    if block:
        units.extend(_split_block(block))
    return units


def _split_block(block: list[tuple[str, bool]]) -> list[_Unit]:
    """Lines without a blank between them: one unit each, unless they are a wrapped paragraph."""
    if len(block) == 1:  # a paragraph on a line of its own: most saved text
        return [_Unit(*_marker(block[0][0]))]
    wrapped = _hard_wrapped([text for text, _ in block])
    parts: list[list[str]] = []
    kinds: list[tuple[str | None, int]] = []
    for text, indented in block:
        rest, marker, number = _marker(text)
        follows_item = indented and kinds and kinds[-1][0] in {"bullet", "number"}
        if parts and marker is None and (wrapped or follows_item) and not _stands_alone(text):
            parts[-1].append(text)
        else:
            parts.append([rest])
            kinds.append((marker, number))
    return [_Unit(" ".join(words), kind, number) for words, (kind, number) in zip(parts, kinds, strict=True)]


def _stands_alone(text: str) -> bool:
    """Whether a line is a header line of its own (a byline, a date) however long its neighbours."""
    return len(text) <= MAX_HEADER_LINE and (
        parse_date_line(text) is not None or bylines.parse_byline(text) is not None
    )


def _hard_wrapped(texts: list[str]) -> bool:
    if len(texts) < 2:  # noqa: PLR2004
        return False
    lengths = [len(text) for text in texts[:-1]]
    longest = max(lengths)
    return (
        _WRAP_MIN <= longest <= _WRAP_MAX
        and min(lengths) >= longest * _WRAP_SPREAD
        and len(texts[-1]) <= longest + 5
    )


def _marker(text: str) -> tuple[str, str | None, int]:
    """The text of a line without its list or quote marker, the marker's kind, and its number."""
    if text[0] not in _MARKER_STARTS or _DIVIDER.fullmatch(text):
        return text, None, 1
    found = _BULLET.match(text)
    if found is not None:
        return text[found.end() :], "bullet", 1
    found = _NUMBER.match(text)
    if found is not None:
        return text[found.end() :], "number", int(found["number"])
    found = _QUOTE.match(text)
    if found is not None and found.end() < len(text):
        return text[found.end() :], "quote", 1
    return text, None, 1


def _without_furniture(units: list[_Unit]) -> list[_Unit]:
    kept: list[_Unit] = []
    in_section = False
    for unit in units:
        text = unit.text
        if in_section:
            if unit.marker is None and furniture.is_prose(text):
                in_section = False
            else:
                continue
        if furniture.starts_section(text):
            in_section = True
        elif not furniture.is_furniture(text):
            kept.append(unit)
    return kept


# --- figures ----------------------------------------------------------------------------


def _with_figures(units: list[_Unit]) -> list[_Item]:
    """Turn caption lines into figures: credited captions, BBC pairs, captions said twice."""
    items: list[_Item] = []
    index = 0
    seen_text = False
    while index < len(units):
        unit = units[index]
        text = unit.text
        if unit.marker is not None or len(text) > 1000:  # noqa: PLR2004 - not a caption
            items.append(unit)
            index += 1
            continue
        figure, used = _figure_at(units, index)
        if figure is not None:
            previous = items[-1] if items else None
            # Alt text, then the caption with its credit: one figure.
            if (
                isinstance(previous, _Unit)
                and previous.marker is None
                and previous.text in {text, _caption(figure)}
            ):
                items.pop()
            items.append(_Figure(figure))
            index += used
            while index < len(units) and units[index].text == text:
                index += 1
            continue
        if index + 1 < len(units) and units[index + 1].text == text and units[index + 1].marker is None:
            # A line said twice: alt text, then caption. At the top it is the headline twice.
            items.append(unit if not seen_text else _Figure(Figure(None, (Text(text),))))
            while index < len(units) and units[index].text == text:
                index += 1
            seen_text = True
            continue
        items.append(unit)
        seen_text = True
        index += 1
    return items


def _figure_at(units: list[_Unit], index: int) -> tuple[Figure | None, int]:
    text = units[index].text
    nxt = units[index + 1].text if index + 1 < len(units) else None
    bbc = text.startswith(("Image ", "Media "))
    source = captions.IMAGE_SOURCE.fullmatch(text) if bbc and len(text) <= 300 else None  # noqa: PLR2004
    if source is not None:
        caption, used = "", 1
        found = captions.IMAGE_CAPTION.fullmatch(nxt) if nxt is not None else None
        if found is not None:
            caption, used = _caption_after(found["caption"], units, index + 1)
            used += 1
        return _make_figure(caption, source["credit"]), used
    found = captions.IMAGE_CAPTION.fullmatch(text) if bbc else None
    if found is not None:
        caption, used = _caption_after(found["caption"], units, index)
        return _make_figure(caption, None), used
    split = captions.split_caption(text)
    if split is not None:
        return _make_figure(split.caption, split.credit), 1
    return None, 0


def _caption_after(caption: str, units: list[_Unit], index: int) -> tuple[str, int]:
    """A BBC "Image caption," label with its words on the same line, or on the next one."""
    if caption or index + 1 >= len(units):
        return caption, 1
    return units[index + 1].text, 2


def _make_figure(caption: str, credit: str | None) -> Figure:
    return Figure(None, (Text(caption),) if caption else (), credit.strip() if credit else None)


def _caption(figure: Figure) -> str:
    return "".join(node.text for node in figure.caption if isinstance(node, Text))


# --- the article -----------------------------------------------------------------------


class _Assembler:
    """Reads the items top to bottom: the header, then the story."""

    def __init__(self, items: list[_Item]) -> None:
        self.items = items
        self.headline = ""
        self.dek: str | None = None
        self.authors: list[Author] = []
        self.published: Dates | None = None
        self.lead: Figure | None = None
        self.body: list[Block] = []
        self.after_author = False

    def article(self) -> Article:
        items = self.items
        pos = self._header(0)
        section = None
        if self._is_kicker(pos):
            section = self._text(pos)
            pos += 1
        if pos < len(items) and self._plain(pos) and len(self._text(pos)) <= MAX_HEADLINE:
            self.headline = self._text(pos)
            pos += 1
            if self._is_dek(pos):
                self.dek = self._text(pos)
                pos += 1
        pos = self._header(pos)
        self._body(pos)
        dateline = None
        for block in self.body:
            if isinstance(block, Paragraph):
                dateline = find_dateline(_caption_text(block))
                break
        published = updated = None
        if self.published is not None:
            published, updated = self.published.published, self.published.updated
            # A page that prints only when it was updated ("Updated 6:42 PM PST, …") gives no other date.
            published = published or updated
        return Article(
            headline=self.headline,
            dek=self.dek,
            authors=tuple(self.authors),
            dateline=dateline,
            published=published,
            updated=updated,
            section=section,
            lead=self.lead,
            body=tuple(self.body),
        )

    # -- helpers over the items

    def _plain(self, pos: int) -> bool:
        item = self.items[pos]
        return isinstance(item, _Unit) and item.marker is None

    def _text(self, pos: int) -> str:
        item = self.items[pos]
        return item.text if isinstance(item, _Unit) else ""

    # -- the header

    def _header(self, pos: int) -> int:
        """Read header lines and figures from *pos*; return where the header ends."""
        items = self.items
        while pos < len(items):
            item = items[pos]
            if isinstance(item, _Figure):
                if self.lead is None:
                    self.lead = item.figure
                else:
                    self.body.append(item.figure)
                pos += 1
                continue
            if item.marker is None and _DIVIDER.fullmatch(item.text):
                pos += 1  # a rule under the headline or the byline is decoration
                continue
            used = self._header_line(pos, apply=True) if item.marker is None else 0
            if not used:
                break
            pos += used
        return pos

    def _header_line(self, pos: int, apply: bool) -> int:
        """How many items from *pos* are a byline, a date, a bio or a title (0 if none)."""
        text = self._text(pos)
        if len(text) > MAX_HEADER_LINE:
            return 0
        dates = parse_date_line(text)
        if dates is not None:
            if apply:
                self._dates(dates)
                found = bylines.parse_byline("By " + dates.by) if dates.by else None
                self.after_author = bool(found)
                self._add(found or [])
            return 1
        parts = _PARTS.split(text)
        if len(parts) > 1:
            return 1 if self._header_parts(parts, apply) else 0
        authors = bylines.parse_byline(text) or self._bio_or_name(text)
        if authors:
            if apply:
                self._add(authors)
                self.after_author = True
            return 1
        if self.after_author and bylines.is_title(text) and self.authors and self.authors[-1].title is None:
            if apply:
                last = self.authors[-1]
                title, organization = bylines.split_title(text)
                self.authors[-1] = Author(
                    last.name, title, last.organization or organization, last.bio, last.url
                )
                self.after_author = False
            return 1
        if (
            bylines.looks_like_name(text)
            and pos + 1 < len(self.items)
            and self._plain(pos + 1)
            and bylines.is_title(self._text(pos + 1))
        ):
            # "Chris Page" then "Ireland correspondent": a name over its title, as the BBC prints it.
            if apply:
                title, organization = bylines.split_title(self._text(pos + 1))
                self._add([Author(text, title, organization)])
                self.after_author = False
            return 2
        return 0

    def _bio_or_name(self, text: str) -> list[Author]:
        author = bylines.parse_bio(text) or bylines.parse_name_and_title(text)
        return [author] if author is not None else []

    def _header_parts(self, parts: list[str], apply: bool) -> bool:
        """A line of parts, each a byline, a date or an agency: "By Jane Doe | Reuters"."""
        found: list[Author] = []
        dates: list[Dates] = []
        organization = None
        for part in parts:
            date = parse_date_line(part)
            authors = bylines.parse_byline(part)
            if date is not None:
                dates.append(date)
            elif authors:
                found.extend(authors)
            elif part.lower() in bylines.AGENCIES and found:
                organization = part
            else:
                return False
        if apply:
            for date in dates:
                self._dates(date)
            self._add([Author(a.name, a.title, a.organization or organization) for a in found])
            self.after_author = bool(found)
        return True

    def _dates(self, dates: Dates) -> None:
        if self.published is None:
            self.published = dates
        else:
            self.published = Dates(
                self.published.published or dates.published,
                self.published.updated or dates.updated,
                None,
            )

    def _add(self, authors: list[Author]) -> None:
        for author in authors:
            for index, known in enumerate(self.authors):
                if known.name.casefold() == author.name.casefold():
                    self.authors[index] = Author(
                        known.name,
                        known.title or author.title,
                        known.organization or author.organization,
                        known.bio or author.bio,
                        known.url,
                    )
                    break
            else:
                self.authors.append(author)

    def _is_kicker(self, pos: int) -> bool:
        """Whether a word or two over the headline names its section ("World", "Heatwave")."""
        if pos + 1 >= len(self.items) or not self._plain(pos) or not self._plain(pos + 1):
            return False
        kicker, headline = self._text(pos), self._text(pos + 1)
        return (
            len(kicker) <= MAX_KICKER
            and kicker.count(" ") < MAX_KICKER_WORDS
            and not kicker.endswith(_CLOSING)
            and headline.count(" ") >= MAX_KICKER_WORDS
            and len(headline) <= MAX_HEADLINE
            and not headline.endswith(".")
            and not self._header_line(pos + 1, apply=False)
        )

    def _is_dek(self, pos: int) -> bool:
        """Whether the line under the headline is its dek: prose followed by more of the header."""
        items = self.items
        if pos + 1 >= len(items) or not self._plain(pos):
            return False
        text = self._text(pos)
        if (
            len(text) > MAX_DEK
            or _DIVIDER.fullmatch(text)
            or find_dateline(text)
            or self._header_line(pos, apply=False)
        ):
            return False
        following = items[pos + 1]
        if isinstance(following, _Figure):
            # A caption follows the dek and the first paragraph alike; a dek has no full stop,
            # or the byline comes after the picture.
            return not text.endswith(".") or (
                pos + 2 < len(items)
                and self._plain(pos + 2)
                and bool(self._header_line(pos + 2, apply=False))
            )
        # ... and a story after it: a lone paragraph over a bio line is the story itself.
        return (
            following.marker is None
            and pos + 2 < len(items)
            and bool(self._header_line(pos + 1, apply=False))
        )

    # -- the story

    def _body(self, pos: int) -> None:
        items = self.items
        last = len(items) - 1
        run: list[_Unit] = []
        for index in range(pos, len(items)):
            item = items[index]
            if isinstance(item, _Unit) and run and item.marker == run[0].marker:
                run.append(item)
                continue
            if run:
                self.body.append(_run_block(run))
                run = []
            if isinstance(item, _Figure):
                self.body.append(item.figure)
                continue
            if item.marker is not None:
                run.append(item)
                continue
            text = item.text
            if len(text) <= MAX_HEADER_LINE and self._metadata(text, index == last):
                continue
            if _DIVIDER.fullmatch(text):
                if self.body and not isinstance(self.body[-1], Divider):
                    self.body.append(Divider())
                continue
            if self._is_subheading(index):
                self.body.append(Heading(2, (Text(text),)))
            else:
                self.body.append(Paragraph((Text(text),)))
        if run:
            self.body.append(_run_block(run))

    def _metadata(self, text: str, last: bool) -> bool:
        """Header lines that turn up in the story: a date line, a lone byline, a closing bio."""
        dates = parse_date_line(text)
        if dates is not None and (self.published is None or dates.by):
            self._dates(dates)
            return True
        if not self.authors:
            found = bylines.parse_byline(text)
            if found:
                self._add(found)
                return True
        if last:
            bio = bylines.parse_bio(text)
            if bio is not None:
                self._add([bio])
                return True
        return False

    def _is_subheading(self, index: int) -> bool:
        text = self._text(index)
        if (
            len(text) > MAX_SUBHEADING
            or text.count(" ") >= MAX_SUBHEADING_WORDS
            or text.endswith(_CLOSING)
            or not text[0].isalnum()
        ):
            return False
        # Between paragraphs (a picture may stand before it), never first and never last.
        if not self.body or index + 1 >= len(self.items):
            return False
        previous = self.body[-1]
        if not isinstance(previous, Paragraph | Figure) or (
            isinstance(previous, Paragraph) and not _prose(_caption_text(previous))
        ):
            return False
        following = self.items[index + 1]
        if not isinstance(following, _Unit) or following.marker is not None:
            return False
        return _prose(following.text)


def _prose(text: str) -> bool:
    """Whether a line reads as a paragraph, not as a heading or a list entry."""
    return len(text) > MAX_SUBHEADING or text.endswith(_CLOSING)


def _run_block(run: list[_Unit]) -> Block:
    """Consecutive list items or quoted lines as one list or one quote."""
    paragraphs = [Paragraph((Text(unit.text),)) for unit in run]
    if run[0].marker == "quote":
        return Quote(tuple(paragraphs))
    items = tuple((paragraph,) for paragraph in paragraphs)
    if run[0].marker == "number":
        return OrderedList(items, min(run[0].number, 999_999_999))
    return BulletList(items)


def _caption_text(paragraph: Paragraph) -> str:
    return "".join(node.text for node in paragraph.content if isinstance(node, Text))
