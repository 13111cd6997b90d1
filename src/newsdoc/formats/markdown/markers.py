"""The conventions newsdoc's Markdown uses where CommonMark has no syntax of its own.

The writer writes the first spelling of each; the reader accepts every one listed.
"""

from __future__ import annotations

#: HTML comments put before a block, naming what it is. Invisible once rendered.
FIGURE_COMMENT = "<!-- figure -->"  # a figure without an image: its caption and credit
PULL_QUOTE_COMMENT = "<!-- pull quote -->"  # the block quote after it is a pull quote
EMBED_COMMENT = "<!-- embed -->"  # the link after it is embedded media, then its caption

# Line starts, compared without regard to case. A marker counts only as literal text:
# the writer escapes one character of any model text that starts the same way.

#: The last line of a figure, after its image and caption, when it starts a credit.
CREDIT_MARKERS = (
    "Credit: ",  # newsdoc; the New York Times' captions end with "Credit: ..."
    "Photo: ",  # AP and many newspapers: "Photo: Jane Roe/AP"
    "Photograph: ",  # The Guardian: "Photograph: Jane Roe/Reuters"
)

#: The last paragraph of a block quote, when it says who is quoted.
ATTRIBUTION_MARKERS = (
    "\N{EM DASH} ",  # newsdoc, pandoc's GFM writer, typeset quotations
    "\N{HORIZONTAL BAR} ",  # the quotation dash of British typesetting
    "--- ",  # pandoc's Markdown writer, em dash spelled out
    "-- ",  # hand-written Markdown, em dash typed as two hyphens
)

#: The paragraph right after a table, when it is the table's caption.
TABLE_CAPTION_MARKERS = (
    ": ",  # pandoc's table captions; newsdoc
    "Table: ",  # pandoc's other spelling
)


def marker_at(text: str, markers: tuple[str, ...]) -> str | None:
    """The marker *text* starts with (ignoring case), or None."""
    for marker in markers:
        if text[: len(marker)].lower() == marker.lower():
            return marker
    return None
