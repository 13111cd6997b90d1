"""Page furniture: the lines around a story that saved text keeps and an article does not."""

from __future__ import annotations

import re

# Whole lines that are furniture wherever they stand, each with where it is seen.
LINES = (
    r"most popular",  # The Times of Israel, many US sites: the list under the story
    r"most (?:read|viewed|shared)",  # Guardian "Most viewed", BBC "Most read"
    r"read more:?",  # The Times of Israel: "read more:" before links to other stories
    r"(?:read|see) (?:more|also):\s.{1,160}",  # inline links to other stories
    r"related:\s.{1,160}",  # "Related: Israel says …" between paragraphs
    r"advertisement|skip advertisement|ad feedback",  # NYT, CNN
    r"skip to (?:main )?content|back to top",  # navigation
    r"listen to (?:this )?article.{0,40}",  # NYT ("Listen to this article · 5:12 min Learn more"), Reuters
    r"share full article|learn more",  # NYT
    r"reporting from [\w ,.'\u2019-]{1,60}",  # NYT, under the byline: where the reporter is
    r"share(?: this)?(?: article| story| page)?|save(?: article)?|copy link|link copied|print",  # share bars
    r"share (?:on|via) \w+",  # "Share on Facebook"
    r"follow(?: us)?(?: on \w+)?",  # follow bars
    r"filed under:?\s.{0,160}",  # blogs: "Filed under: Newsletters, Writing"
    r"(?:tags|topics):\s.{0,160}",  # blogs and CMS footers
    r"(?:©|\(c\)|copyright\s*(?:©\s*)?\d{4}).{0,200}",  # "© 2025 Guardian News & Media Limited …"
    r"all rights reserved\.?",  # under the copyright line
    r"\d[\d,]*\s+comments?|comments?\s*\(\d[\d,]*\)",  # comment counts: "12 comments", "Comments (12)"
    r"(?:view|show|hide|read) (?:all )?\d*\s*comments?|comments?",  # comment buttons
    r"reuse this content",  # Guardian
    r"this article is more than \d+ \w+ old",  # Guardian, over old stories
    r"purchase licensing rights",  # Reuters, under photos
    r"our standards: the thomson reuters trust principles\.?",  # Reuters, under every story
    r"(?:sign up|subscribe)(?: now| here| today)?[.!]?",  # newsletter buttons
    r"(?:sign up|subscribe) (?:to|for) .{0,80}(?:newsletter|updates|alerts).{0,40}",  # newsletter promotions
    r"skip past newsletter promotion|after newsletter promotion",  # Guardian
    r"image \d+ of \d+|\[\d+/\d+\]",  # galleries: "Image 1 of 5", Reuters "[1/3]"
    r"\d+\s*(?:mins?|minutes?|hrs?|hours?|days?)\s+ago|just now",  # BBC, CNN relative times
    # Share bar buttons, one per line: Reuters ends its bar with "Link" (copy the address).
    r"facebook|twitter|x|whatsapp|linkedin|email|e-mail|reddit|flipboard|pinterest|telegram|messenger|threads|bluesky|link",
)
_LINE = re.compile("|".join(f"(?:{pattern})" for pattern in LINES), re.IGNORECASE)

# Headings of lists that run to the end of the page: everything after one is other
# stories' headlines, topics or links, until a line of prose.
SECTIONS = (
    r"most popular",  # The Times of Israel, many US sites
    r"most (?:read|viewed|shared)",  # Guardian, BBC
    r"related topics",  # BBC
    r"related(?: articles| stories| coverage| content)?",  # many CMSs
    r"more on this story|more from [\w .'\u2019-]{1,40}",  # BBC, Reuters
    r"explore more on these topics",  # Guardian
    r"(?:you )?(?:may|might) also (?:like|be interested in)|recommended(?: for you)?",  # recommendation boxes
    r"read more|read next|top stories|trending(?: now)?|latest (?:news|stories)",  # link lists
)
_SECTION = re.compile("|".join(f"(?:{pattern})" for pattern in SECTIONS), re.IGNORECASE)
#: Furniture is short; a longer line is content whatever it starts with.
MAX_LINE = 240
# What ends a list of furniture: a sentence of prose.
PROSE_WORDS = 12
_ENDS_SENTENCE = (".", "!", "?", '"', "”", "\u2019", ".)")


def is_furniture(line: str) -> bool:
    """Whether *line* is furniture on its own: a share button, a copyright line, a comment count.

    >>> is_furniture("Filed under: Newsletters, Writing")
    True
    >>> is_furniture("Share prices fell sharply on Monday.")
    False
    """
    return len(line) <= MAX_LINE and _LINE.fullmatch(line.strip().rstrip(":").strip()) is not None


def starts_section(line: str) -> bool:
    """Whether *line* heads a list of other stories or topics that runs on to the end."""
    return len(line) <= 60 and _SECTION.fullmatch(line.strip().rstrip(":").strip()) is not None  # noqa: PLR2004


def is_prose(line: str) -> bool:
    """Whether *line* reads as a sentence of a story, which ends a furniture list."""
    return line.count(" ") + 1 >= PROSE_WORDS and line.rstrip().endswith(_ENDS_SENTENCE)
