"""The text writer: a wire-story layout, wrapping, and honest reports of what text leaves out."""

import datetime as dt
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import (
    Article,
    Author,
    BulletList,
    CodeBlock,
    Collection,
    ContentDroppedWarning,
    Divider,
    Embed,
    Emphasis,
    Figure,
    Heading,
    Image,
    Link,
    OrderedList,
    Paragraph,
    PullQuote,
    Quote,
    Table,
    TableCell,
    Text,
    WriteError,
    project,
)
from newsdoc.fidelity import report_dropped
from newsdoc.formats.text import TEXT
from newsdoc.formats.text.write import write_text
from newsdoc.testing import documents

from .paths import FIXTURES

WRITTEN = FIXTURES / "text" / "written"
T = Text


def P(*content):  # noqa: N802 - reads like the node it builds
    return Paragraph(tuple(content))


FULL = Article(
    headline="Flood barrier holds as river peaks",
    dek="Engineers say the new gates spared the old town",
    authors=(
        Author(
            "Ana Ruiz",
            title="Environment correspondent",
            bio="Ana Ruiz covers water and climate.",
            url="https://example.com/ana",
        ),
        Author("Tom Lee", organization="Reuters"),
    ),
    dateline="SEVILLE, Spain",
    published=dt.datetime(2025, 11, 19, 18, 42, tzinfo=dt.timezone(dt.timedelta(hours=-8))),
    updated=dt.date(2025, 11, 20),
    section="World",
    tags=("floods", "Spain"),
    url="https://example.com/floods",
    language="en-GB",
    publisher="Example News",
    lead=Figure(
        Image("https://example.com/gate.jpg", "A flood gate"), (T("The gate at dawn."),), "AP Photo/Jane Roe"
    ),
    body=(
        P(
            T("By the time the river "),
            Emphasis((T("peaked"),)),
            T(" at "),
            Link("https://example.com/gauge", (T("6.2 m"),)),
            T(", the gates had held."),
        ),
        Heading(2, (T("What next"),)),
        BulletList(
            (
                (P(T("Inspect the gates")),),
                (P(T("Clear the drains")), BulletList(((P(T("starting downstream")),),))),
            )
        ),
        OrderedList(((P(T("Monday")),), (P(T("Tuesday")),)), start=9),
        Quote(
            (P(T("We have never seen it this high.")), P(T("— nor this fast."))),
            (T("Maria Silva, engineer"),),
        ),
        Figure(None, (T("The old bridge at noon."),), "Photograph: Jon Doe/Reuters"),
        Divider(),
        CodeBlock("level = 6.2\n\nprint(level)", "python"),
        P(T("Tags: said nobody")),
    ),
)
EDITION = Collection(
    title="Morning edition",
    published=dt.date(2025, 11, 20),
    articles=(
        Article(headline="First story", body=(P(T("One.")),)),
        Article(headline="Second story", dek="A dek"),
    ),
)


def _quiet_write(doc, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ContentDroppedWarning)
        return write_text(doc, **options)


@pytest.mark.parametrize(
    ("doc", "options", "name"),
    [
        (FULL, {}, "full-article.txt"),
        (FULL, {"width": 40}, "full-article-40.txt"),
        (EDITION, {}, "edition.txt"),
    ],
)
def test_written_layout(doc, options, name):
    """Headline underlined, dek, byline block, lead caption, story, footer: as the golden files show."""
    assert (WRITTEN / name).read_text(encoding="utf-8") == _quiet_write(doc, **options)


def test_text_written_reads_back_as_the_projection():
    """What the writer writes, the reader reads back exactly, less what text cannot carry."""
    text = _quiet_write(FULL, width=40)
    assert project(FULL, TEXT.carries) == newsdoc.read(text.encode(), format="text")


def test_the_writer_reports_what_it_leaves_out():
    """Marks, links and image sources are named in one warning."""
    with pytest.warns(ContentDroppedWarning, match=r"^text cannot carry images, links, marks; left out"):
        write_text(FULL)


def test_strict_writing_refuses_to_drop():
    """With strict=True, nothing is written and the error says what would be lost."""
    with pytest.raises(
        WriteError, match=r"text cannot carry images, links, marks; nothing written \(strict\)"
    ):
        write_text(FULL, strict=True)


def test_an_article_text_can_hold_is_written_without_a_warning():
    """Bylines, dates, captions, lists, quotes and code are all text."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        write_text(project(FULL, TEXT.carries), strict=True)


@given(documents())
def test_the_report_is_the_one_report_dropped_gives(doc):
    """The writer's one-pass account of what it drops agrees with fidelity.report_dropped."""
    with warnings.catch_warnings(record=True) as ours:
        warnings.simplefilter("always")
        write_text(doc)
    with warnings.catch_warnings(record=True) as theirs:
        warnings.simplefilter("always")
        report_dropped(doc, TEXT.carries, format="text")
    assert [str(w.message) for w in theirs] == [str(w.message) for w in ours]


@given(documents(), st.none() | st.integers(1, 50))
def test_writing_a_document_is_writing_its_projection(doc, width):
    """The writer renders exactly what project() keeps, at any width."""
    assert _quiet_write(project(doc, TEXT.carries), width=width) == _quiet_write(doc, width=width)


def test_what_text_cannot_hold_keeps_its_words():
    """Embeds keep their caption, tables their rows, pull quotes become quotes."""
    doc = Article(
        headline="H",
        body=(
            Embed("https://youtu.be/x", "YouTube", (T("The flood, filmed from a drone"),)),
            Table(
                head=((TableCell((T("River"),)), TableCell((T("Level"),))),),
                body=((TableCell((T("Ebro"),)),),),
            ),
            PullQuote((T("Never this high"),), (T("Maria Silva"),)),
        ),
    )
    expected = "H\n===\n\nThe flood, filmed from a drone\n\nRiver Level\n\nEbro\n\n    Never this high\n    \n    — Maria Silva\n"
    assert expected == _quiet_write(doc)


def test_a_paragraph_where_the_byline_would_stand_is_escaped():
    """Without a byline block, a first paragraph starting "By " gets a backslash, and reads back."""
    doc = Article(headline="H", body=(P(T("By the time it ended, the gates held.")),))
    text = write_text(doc)
    assert ("H\n===\n\n\\By the time it ended, the gates held.\n", doc) == (
        text,
        newsdoc.read(text.encode(), format="text"),
    )


def test_a_last_paragraph_like_the_footer_is_escaped():
    """Without a footer, a last paragraph starting "URL: " gets a backslash."""
    doc = Article(headline="H", body=(P(T("URL: see below")),))
    assert "H\n===\n\n\\URL: see below\n" == write_text(doc)


def test_an_empty_article_is_an_underlined_empty_headline():
    """Even an empty article is recognisably newsdoc's text, and reads back empty."""
    assert ("\n===\n", Article()) == (write_text(Article()), newsdoc.read(b"\n===\n", format="text"))


@pytest.mark.parametrize("width", [0, -3, 2.5, "72"])
def test_a_width_must_be_a_positive_number(width):
    """Wrapping at zero columns, or at a string, is a mistake to report."""
    with pytest.raises(WriteError, match="width must be a positive number"):
        write_text(Article(headline="H"), width=width)


def test_only_documents_are_written():
    """A block alone is not an article."""
    with pytest.raises(WriteError, match="expected an Article or a Collection"):
        write_text(P(T("x")))


def test_newsdoc_write_takes_the_text_options():
    """``newsdoc.write(doc, format="text", width=...)`` reaches the writer."""
    assert "Short\n=====\n\nOne two\nthree\n" == newsdoc.write(
        Article(headline="Short", body=(P(T("One two three")),)), format="txt", width=8
    )
