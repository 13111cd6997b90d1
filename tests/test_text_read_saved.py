"""Reading articles saved from web pages as text: golden pages from several outlets, and the rules."""

import datetime as dt
import json
from pathlib import Path

import pytest

import newsdoc
from newsdoc import (
    Article,
    Author,
    BulletList,
    Divider,
    Figure,
    Heading,
    OrderedList,
    Paragraph,
    Quote,
    Text,
)
from newsdoc.formats.text.read import read_text as read_document

from .paths import FIXTURES


def read_text(data: bytes) -> Article:
    """Read saved text, which is always one article."""
    doc = read_document(data)
    assert isinstance(doc, Article)
    return doc


# Each NAME.txt is a page saved as text; NAME.json is its expected reading, in the
# layout of the project's text scorer (../shared/tools/score_text.py), plus the
# fields the scorer does not check: author titles and organizations, dates as
# dates, the dateline and the section.
SAVED = sorted((FIXTURES / "text").glob("*.txt"))


def _when(value: str | None) -> dt.date | None:
    if value is None:
        return None
    return dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value)


def _figure(want: dict[str, str]) -> Figure:
    return Figure(None, (Text(want["caption"]),) if want["caption"] else (), want.get("credit"))


def _block(want: dict[str, str]) -> Paragraph | Heading | Figure:
    if want["type"] == "figure":
        return _figure(want)
    if want["type"] == "heading":
        return Heading(2, (Text(want["text"]),))
    return Paragraph((Text(want["text"]),))


def _expected(path: Path) -> Article:
    want = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    return Article(
        headline=want["headline"],
        dek=want["dek"],
        authors=tuple(
            Author(a["name"], a.get("title"), a.get("organization"), a.get("bio")) for a in want["authors"]
        ),
        dateline=want.get("dateline"),
        published=_when(want["published"]),
        updated=_when(want.get("updated")),
        section=want.get("section"),
        lead=_figure(want["lead"]) if want["lead"] else None,
        body=tuple(_block(block) for block in want["body"]),
    )


@pytest.mark.parametrize("path", SAVED, ids=lambda path: path.stem)
def test_saved_pages_read_as_a_person_reads_them(path):
    """Headline, dek, authors, dates, lead and body figures, subheadings, paragraphs: nothing else."""
    assert _expected(path) == read_text(path.read_bytes())


@pytest.mark.parametrize("path", SAVED, ids=lambda path: path.stem)
def test_page_furniture_is_left_out(path):
    """Share bars, "Most Popular", related topics, copyright lines and comment counts are gone."""
    dropped = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["dropped"]
    everything = str(newsdoc.write(read_text(path.read_bytes()), format="json"))
    assert [] == [line for line in dropped if line in everything]


def _read(*units: str) -> Article:
    return read_text("\n\n".join(units).encode())


def _paragraphs(*texts: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph((Text(text),)) for text in texts)


STORY = "The council met on Tuesday evening and voted to approve the new cycle lanes across the city."
MORE = "Work on the first phase will begin in the spring, the council said in a statement afterwards."


def test_hard_wrapped_paragraphs_are_joined():
    """Text wrapped at 72 columns, as e-mail and terminals save it, is one paragraph per block."""
    wrapped = (
        "Councillors voted on Tuesday evening to approve a network of protected\n"
        "cycle lanes across the city centre, despite objections from some\n"
        "traders who fear the loss of parking spaces."
    )
    doc = _read("Cycle lanes approved", wrapped)
    assert _paragraphs(" ".join(wrapped.split("\n"))) == doc.body


def test_short_lines_together_stay_apart():
    """A byline over a date is two lines, not a wrapped paragraph."""
    doc = read_text(
        b"Senate passes bill\n\nBy ZEKE MILLER and DARLENE SUPERVILLE\nUpdated 6:42 PM PST, November 19, 2025\n"
    )
    expected_when = dt.datetime(2025, 11, 19, 18, 42, tzinfo=dt.timezone(dt.timedelta(hours=-8)))
    assert ((Author("Zeke Miller"), Author("Darlene Superville")), expected_when, expected_when) == (
        doc.authors,
        doc.published,
        doc.updated,
    )


def test_lists_and_quoted_lines():
    """Bulleted, numbered and "> " lines become lists and quotes."""
    doc = _read("Headline here", STORY, "- first\n- second", "1. one\n2. two", "> quoted words", MORE)
    expected = (
        Paragraph((Text(STORY),)),
        BulletList(((Paragraph((Text("first"),)),), (Paragraph((Text("second"),)),))),
        OrderedList(((Paragraph((Text("one"),)),), (Paragraph((Text("two"),)),))),
        Quote((Paragraph((Text("quoted words"),)),)),
        Paragraph((Text(MORE),)),
    )
    assert expected == doc.body


def test_rules_between_parts_are_dividers():
    """ "* * *" or AP's "___" between paragraphs is a divider."""
    assert (Paragraph((Text(STORY),)), Divider(), Paragraph((Text(MORE),))) == _read(
        "H", STORY, "___", MORE
    ).body


def test_furniture_lists_are_dropped_until_prose_returns():
    """After "Related topics", the topics go; the next full sentence is the story again."""
    doc = _read("Headline here", STORY, "Related topics", "Weather", "Northern Ireland", MORE)
    assert _paragraphs(STORY, MORE) == doc.body


def test_a_word_over_the_headline_is_its_section():
    """A kicker such as "World" names the section."""
    doc = _read("World", "Seville shuts schools as river rises", STORY)
    assert ("World", "Seville shuts schools as river rises") == (doc.section, doc.headline)


def test_a_headline_saved_twice_is_one_headline():
    """Pages print the title and the headline: one headline, not a figure."""
    doc = read_text(f"Seville shuts schools\nSeville shuts schools\n\n{STORY}\n".encode())
    assert ("Seville shuts schools", _paragraphs(STORY)) == (doc.headline, doc.body)


def test_a_line_said_twice_in_the_story_is_a_caption():
    """Alt text, then the same words as the caption: one figure without a credit."""
    doc = read_text(f"H\n\n{STORY}\n\nA gate at dawn\nA gate at dawn\n\n{MORE}\n".encode())
    assert (
        Paragraph((Text(STORY),)),
        Figure(None, (Text("A gate at dawn"),)),
        Paragraph((Text(MORE),)),
    ) == doc.body


def test_alt_text_then_a_credited_caption_is_one_figure():
    """The alt text repeats the caption without its credit; the two make one figure."""
    doc = _read("H", STORY, "A gate at dawn\nA gate at dawn (AP Photo/Jane Roe)", MORE)
    assert Figure(None, (Text("A gate at dawn"),), "AP Photo/Jane Roe") == doc.body[1]


def test_the_first_paragraph_is_not_a_dek():
    """Without a byline or date after it, the line under the headline is the story."""
    doc = _read("Cycle lanes approved", STORY, MORE)
    assert (None, _paragraphs(STORY, MORE)) == (doc.dek, doc.body)


@pytest.mark.parametrize(
    ("units", "heading"),
    [
        (("H", STORY, "What happens next", MORE), True),
        (("H", STORY, "What happens next?", MORE), False),  # closing punctuation
        (("H", STORY, "What happens next"), False),  # last line
        (("H", STORY, "Tuesday", "Wednesday", MORE), False),  # short lines in a row
    ],
)
def test_subheadings_are_short_lines_between_paragraphs(units, heading):
    """A short line with no closing punctuation, with paragraphs around it, is a subheading."""
    assert heading == any(isinstance(block, Heading) for block in _read(*units).body)


def test_a_bio_line_at_the_end_names_the_author():
    """ "A is the outlet's bureau chief" under the story is the author, not a paragraph."""
    doc = _read("H", STORY, "Jacob Magid is The Times of Israel's US bureau chief")
    assert ((Author("Jacob Magid", bio="The Times of Israel's US bureau chief"),), _paragraphs(STORY)) == (
        doc.authors,
        doc.body,
    )


def test_the_dateline_stays_at_the_start_of_the_first_paragraph():
    """The dateline is read, and the paragraph keeps it."""
    first = "WASHINGTON (AP) — The Senate passed a stopgap spending bill late Wednesday night."
    doc = _read("Senate passes bill", first, MORE)
    assert ("WASHINGTON", _paragraphs(first, MORE)) == (doc.dateline, doc.body)


def test_a_byline_line_of_parts():
    """ "By Jane Doe | Reuters | March 8, 2025" gives the author, her agency and the date."""
    doc = _read("H", "By Jane Doe | Reuters | March 8, 2025", STORY)
    assert ((Author("Jane Doe", organization="Reuters"),), dt.date(2025, 3, 8)) == (
        doc.authors,
        doc.published,
    )


def test_a_name_over_a_title():
    """The BBC prints the name, then the title and outlet on the next line."""
    doc = _read("H", "Chris Page", "Ireland correspondent, BBC News", STORY)
    assert (Author("Chris Page", "Ireland correspondent", "BBC News"),) == doc.authors


def test_a_story_without_a_headline():
    """A first line too long to be a headline is a paragraph; the headline stays empty."""
    long_first = " ".join([STORY] * 4)
    assert ("", _paragraphs(long_first)) == (_read(long_first).headline, _read(long_first).body)
