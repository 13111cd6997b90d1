"""Photo captions and their credits, as pages print them: the lines saved text keeps of a figure."""

from __future__ import annotations

import re
from typing import NamedTuple

# How a credit in parentheses at the end of a caption starts. Seen at The Times of
# Israel and AP ("(AP Photo/Fatima Shbair)"), wires ("(Reuters)", "(AFP)"), and
# papers crediting agencies, pools and handouts.
PARENTHESIS_STARTS = (
    "AP Photo",
    "AP",
    "AFP",
    "Reuters",
    "REUTERS",
    "EPA",
    "Getty Images",
    "Bloomberg",
    "Flash90",
    "Anadolu",
    "Xinhua",
    "Shutterstock",
    "Alamy",
    "Pool",
    "Handout",
    "Courtesy",
    "File",
    "Screenshot",
    "Screen capture",
    "Photo",
    "Photograph",
    "Image",
    "Illustration",
    "Credit",
)
# ... or how it ends: "(Miriam Alster/Flash90)", "(Jane Doe via Getty Images)".
PARENTHESIS_ENDS = re.compile(
    r"(?:/|\bvia )"
    r"(?:AP|AFP|Reuters|REUTERS|EPA|Getty Images|Flash90|Bloomberg|Anadolu|Xinhua|Shutterstock|Pool)$"
)
_PARENTHESIS = re.compile(r"\s*\((?P<credit>[^()]{1,100})\)$")
_STARTS = re.compile("(?:" + "|".join(map(re.escape, PARENTHESIS_STARTS)) + ")(?:$|[/ :,-])")
# Credit labels after the caption: the Guardian's "Photograph: Jane Doe/AP",
# "Photo: …" and "Illustration: …" elsewhere; the label itself is not the credit.
CREDIT_LABELS = re.compile(
    r"(?:^|\s)(?:Photograph|Photo|Picture|Image|Illustration|Composite|Credit|Photo credit"
    r"|Photo illustration)(?::| by)\s+(?=\S)"
)
# The NYT runs the credit on after the caption: "… on Thursday.Credit...Olivier Hoslet/EPA".
_CREDIT_ELLIPSIS = re.compile(r"Credit(?:\.\.\.|…)\s*(?P<credit>[^\s.…].{0,100})$")
_LABEL_WORDS = ("Photo", "Picture", "Image", "Illustration", "Composite", "Credit")
# Wire captions that end with the agency and photographer, no parentheses: "REUTERS/Jon Nazca".
_AGENCY_SLASH = re.compile(r"\s(?P<credit>(?:REUTERS|Reuters|AFP|EPA|AP|XINHUA)/[^/()]{2,60})$")
# Text pages append to a caption that is no part of it: Reuters' licensing link.
CAPTION_SUFFIXES = (" Purchase Licensing Rights", " Purchase licensing rights")
# BBC pages: "Image source, Getty Images" then "Image caption, Police at the scene".
IMAGE_SOURCE = re.compile(r"Image source,\s*(?P<credit>.+)")
IMAGE_CAPTION = re.compile(r"(?:Image|Media) caption,\s*(?P<caption>.*)")
#: Captions are a sentence or two; a longer line with a credit-like end is prose.
MAX_CAPTION_WORDS = 90
MAX_CREDIT_WORDS = 12


class Caption(NamedTuple):
    """A caption's words and its credit, either of which may be empty."""

    caption: str
    credit: str | None


def split_caption(line: str) -> Caption | None:
    """Split a caption line into caption and credit; None when the line carries no credit.

    >>> split_caption("Palestinians inspect the damage. (AP Photo/Fatima Shbair)")
    Caption(caption='Palestinians inspect the damage.', credit='AP Photo/Fatima Shbair')
    >>> split_caption("Engineers at the plant. Photograph: Jean-François Badias/AP")
    Caption(caption='Engineers at the plant.', credit='Jean-François Badias/AP')
    """
    if len(line) > 1000:  # noqa: PLR2004 - far longer than any caption
        return None
    for suffix in CAPTION_SUFFIXES:
        line = line.removesuffix(suffix)
    words = line.count(" ") + 1
    if words > MAX_CAPTION_WORDS:
        return None
    # Each search runs only where a cheap look says it might match: most lines are prose.
    found = _PARENTHESIS.search(line) if line.endswith(")") else None
    if found is not None:
        credit = found["credit"].strip()
        if _STARTS.match(credit) or PARENTHESIS_ENDS.search(credit):
            return Caption(line[: found.start()].strip(), _unlabelled(credit))
    found = _AGENCY_SLASH.search(line) if "/" in line[-64:] else None
    if found is not None:
        return Caption(line[: found.start()].strip(), found["credit"].strip())
    found = _CREDIT_ELLIPSIS.search(line) if "Credit" in line else None
    if found is not None:
        return Caption(line[: found.start()].strip(), found["credit"].strip())
    if not any(word in line for word in _LABEL_WORDS):
        return None
    labels = list(CREDIT_LABELS.finditer(line))
    if labels:
        label = labels[-1]
        credit = line[label.end() :].strip()
        if credit and credit.count(" ") < MAX_CREDIT_WORDS:
            return Caption(line[: label.start()].strip(), credit)
    return None


def _unlabelled(credit: str) -> str:
    """The credit without its label: "Photo: Jane Doe" credits Jane Doe; "AP Photo/Jane" stands."""
    found = CREDIT_LABELS.match(credit)
    return credit[found.end() :] if found is not None and found.end() < len(credit) else credit
