"""newsdoc's own text layout: its labels, rules and escapes, shared by the writer and its exact reader.

Every block starts with a line that says what it is; a paragraph whose first words
would say otherwise gets a backslash in front, which the reader takes off again.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# The headline (and a collection's title) is underlined, as in a typed wire story;
# the line under the first line is also how the reader recognises the layout.
HEADLINE_RULE = "="
COLLECTION_RULE = "#"
#: The line between the articles of a collection (as long as the wrap width, at most).
SEPARATOR_LENGTH = 72
#: Subheadings are underlined too, one character per level, as reStructuredText does.
HEADING_RULES = {1: "=", 2: "-", 3: "~", 4: "^", 5: "_", 6: "."}
RULE_LEVELS = {char: level for level, char in HEADING_RULES.items()}
#: The shortest underline, so that a one-letter heading still looks underlined.
MIN_RULE = 3

DIVIDER = "* * *"
BULLET = "• "
QUOTE_INDENT = "    "
ATTRIBUTION = "— "
ATTRIBUTION_INDENT = "  "
FENCE = "```"
FIGURE_LABEL = "Image:"
LEAD_LABEL = "Main image:"
CREDIT_LABEL = "Credit: "
ESCAPE = "\\"

# The block under the headline: bylines, then the dateline and the dates.
BY = "By "
AND = "and "
DATELINE_LABEL = "Dateline: "
PUBLISHED_LABEL = "Published "
UPDATED_LABEL = "Updated "
META_LABELS = (BY, DATELINE_LABEL, PUBLISHED_LABEL, UPDATED_LABEL)

# The block after the story: where a saved article keeps its topics and its address.
FOOTER_LABELS = {
    "section": "Section: ",
    "tags": "Tags: ",
    "publisher": "Publisher: ",
    "language": "Language: ",
    "url": "URL: ",
}

ORDERED_MARKER = re.compile(r"(\d{1,12})\. ")
_ORDERED_WORD = re.compile(r"\d+\.")
# First words that would make a paragraph read as another block.
_RESERVED_STARTS = (ESCAPE, BULLET, FIGURE_LABEL, LEAD_LABEL, FENCE)


def is_rule(line: str, chars: str) -> bool:
    """Whether *line* is a run of one character from *chars*, as underlines are."""
    return bool(line) and line[0] in chars and line.count(line[0]) == len(line)


def is_separator(line: str) -> bool:
    """Whether *line* is the rule between the articles of a collection."""
    return len(line) >= MIN_RULE and is_rule(line, COLLECTION_RULE)


def needs_escape(text: str, extra: tuple[str, ...] = ()) -> bool:
    """Whether a paragraph of *text* must start with a backslash to read as a paragraph.

    *extra* adds starts reserved where the paragraph stands: the labels of the
    block under the headline, or of the block after the story.
    """
    if text.startswith(_RESERVED_STARTS) or (extra and text.startswith(extra)):
        return True
    first = text.partition(" ")[0]
    return (
        first == BULLET.strip()
        or _ORDERED_WORD.fullmatch(first) is not None
        or is_separator(first)
        or text == DIVIDER
        or text.startswith(DIVIDER + " ")
    )


def escape_title(text: str) -> str:
    """A headline or heading as its line: a backslash before one that starts like markup."""
    # A byte-order mark would be taken for the file's encoding signature and lost.
    if text.startswith((ESCAPE, FENCE, "\ufeff")):
        return ESCAPE + text
    return text


def unescape(line: str) -> str:
    """The text of a line written by :func:`escape_title` or an escaped paragraph."""
    return line[1:] if line.startswith(ESCAPE) else line


def display_width(text: str) -> int:
    """How many columns *text* takes in a monospaced font, for underlines."""
    if text.isascii():
        return len(text)
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return width


def rule_for(text: str, char: str) -> str:
    """An underline for *text*: as wide as the text, and never shorter than three."""
    return char * max(MIN_RULE, display_width(text))


_RULE_WORD_CHARS = "".join(HEADING_RULES.values())


def wrap(text: str, width: int | None) -> list[str]:
    """Break folded *text* into lines of at most *width* characters, at spaces only.

    A word longer than the width stays whole. A line never starts with a word made
    only of underline characters, so that a wrapped paragraph cannot read as a heading.
    """
    if width is None or len(text) <= width:
        return [text]
    lines: list[str] = []
    current: list[str] = []
    length = 0
    for word in text.split(" "):
        if current and length + 1 + len(word) > width and not is_rule(word, _RULE_WORD_CHARS):
            lines.append(" ".join(current))
            current = [word]
            length = len(word)
        else:
            length += len(word) + (1 if current else 0)
            current.append(word)
    lines.append(" ".join(current))
    return lines


# --- lists of names and values inside one line --------------------------------------------


def escape_chars(text: str, chars: str) -> str:
    """*text* with a backslash before the backslash and before each of *chars*."""
    if ESCAPE not in text and not any(char in text for char in chars):
        return text
    out = []
    for char in text:
        if char == ESCAPE or char in chars:
            out.append(ESCAPE)
        out.append(char)
    return "".join(out)


def split_escaped(text: str, separator: str) -> list[str] | None:
    """Split *text* at each unescaped *separator* and unescape the parts; None if malformed."""
    parts: list[str] = []
    current: list[str] = []
    index = 0
    size = len(text)
    while index < size:
        char = text[index]
        if char == ESCAPE:
            if index + 1 == size:
                return None
            current.append(text[index + 1])
            index += 2
        elif text.startswith(separator, index):
            parts.append("".join(current))
            current = []
            index += len(separator)
        else:
            current.append(char)
            index += 1
    parts.append("".join(current))
    return parts


# --- dates -------------------------------------------------------------------------------

#: English month names, written out rather than taken from the process's locale; the
#: text and EPUB writers spell dates with them.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS, start=1)}
_WHEN = re.compile(
    r"(?P<month>[A-Z][a-z]{2,8}) (?P<day>\d{1,2}), (?P<year>\d{1,4})"
    r"(?:, (?P<hour>\d{1,2}):(?P<minute>\d\d)(?::(?P<second>\d\d)(?:\.(?P<micro>\d{6}))?)?"
    r" (?P<half>AM|PM) UTC"
    r"(?:(?P<sign>[+-])(?P<oh>\d\d):(?P<om>\d\d)(?::(?P<os>\d\d)(?:\.(?P<ou>\d{6}))?)?)?)?"
)


def format_when(value: dt.date) -> str:
    """A date, or an instant with its offset from UTC, as a person reads it, to the microsecond.

    >>> import datetime as dt
    >>> format_when(dt.datetime(2025, 11, 19, 18, 42, tzinfo=dt.timezone(dt.timedelta(hours=-8))))
    'November 19, 2025, 6:42 PM UTC-08:00'
    """
    day = f"{MONTHS[value.month - 1]} {value.day}, {value.year}"
    if not isinstance(value, dt.datetime):
        return day
    clock = f"{value.hour % 12 or 12}:{value.minute:02d}"
    if value.second or value.microsecond:
        clock += f":{value.second:02d}"
        if value.microsecond:
            clock += f".{value.microsecond:06d}"
    half = "PM" if value.hour >= 12 else "AM"  # noqa: PLR2004 - noon starts the afternoon
    offset = value.utcoffset() or dt.timedelta(0)
    return f"{day}, {clock} {half} UTC{_format_offset(offset)}"


def _format_offset(offset: dt.timedelta) -> str:
    if not offset:
        return ""
    sign = "-" if offset < dt.timedelta(0) else "+"
    offset = abs(offset)
    seconds, micro = divmod(offset // dt.timedelta(microseconds=1), 1_000_000)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{sign}{hours:02d}:{minutes:02d}"
    if seconds or micro:
        text += f":{seconds:02d}"
        if micro:
            text += f".{micro:06d}"
    return text


def parse_when(text: str) -> dt.date | None:
    """Read what :func:`format_when` wrote; None for anything else."""
    found = _WHEN.fullmatch(text)
    if found is None:
        return None
    month = _MONTH_NUMBER.get(found["month"])
    if month is None:
        return None
    try:
        day = dt.date(int(found["year"]), month, int(found["day"]))
        if found["hour"] is None:
            return day
        hour = int(found["hour"])
        if not 1 <= hour <= 12:  # noqa: PLR2004 - a twelve-hour clock
            return None
        hour = hour % 12 + (12 if found["half"] == "PM" else 0)
        offset = dt.timedelta(0)
        if found["sign"]:
            offset = dt.timedelta(
                hours=int(found["oh"]),
                minutes=int(found["om"]),
                seconds=int(found["os"] or 0),
                microseconds=int(found["ou"] or 0),
            )
            if found["sign"] == "-":
                offset = -offset
        return dt.datetime(
            day.year,
            day.month,
            day.day,
            hour,
            int(found["minute"]),
            int(found["second"] or 0),
            int(found["micro"] or 0),
            tzinfo=dt.timezone(offset),
        )
    except ValueError:
        return None
