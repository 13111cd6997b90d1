"""The model: validation, immutability, hashing, pickling and Article.figures."""

import datetime as dt
import pickle

import attrs
import pytest
from hypothesis import given

import newsdoc
from newsdoc import (
    Article,
    Author,
    BulletList,
    Collection,
    Emphasis,
    Figure,
    Heading,
    Image,
    Link,
    OrderedList,
    Paragraph,
    Quote,
    TableCell,
    Text,
)
from newsdoc.testing import documents

CAPTION = (Text("A caption"),)


def test_heading_levels_one_to_six_are_accepted():
    """Every HTML heading level makes a heading."""
    assert [Heading(level, (Text("x"),)).level for level in range(1, 7)] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("level", [0, 7, -1])
def test_heading_level_outside_one_to_six_is_refused(level):
    """Levels outside HTML's h1-h6 raise ValueError naming the field."""
    with pytest.raises(ValueError, match=r"Heading\.level must be 1 to 6"):
        Heading(level, (Text("x"),))


def test_heading_level_must_be_an_int_not_a_bool():
    """True is an int in Python but not a heading level."""
    with pytest.raises(TypeError, match="must be an int"):
        Heading(True, (Text("x"),))


def test_naive_datetime_is_refused():
    """A published time without a zone is ambiguous, so it is refused."""
    with pytest.raises(ValueError, match="timezone-aware"):
        Article(published=dt.datetime(2024, 3, 25, 10, 0))  # noqa: DTZ001 - the point of the test


def test_aware_datetime_and_plain_date_are_accepted():
    """An aware datetime and a date alone are both valid publication times."""
    aware = dt.datetime(2024, 3, 25, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    article = Article(published=aware, updated=dt.date(2024, 3, 26))
    assert (aware, dt.date(2024, 3, 26)) == (article.published, article.updated)


def test_published_must_be_a_date_not_a_string():
    """Strings are parsed by readers, not accepted by the model."""
    with pytest.raises(TypeError, match="must be a datetime, a date or None"):
        Article(published="2024-03-25")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [5, None, b"https://x"])
def test_link_href_must_be_a_string(bad):
    """Link.href holds text; anything else is refused."""
    with pytest.raises(TypeError, match=r"Link\.href must be a str"):
        Link(bad, (Text("x"),))


def test_image_src_must_be_a_string():
    """Image.src holds text; anything else is refused."""
    with pytest.raises(TypeError, match=r"Image\.src must be a str"):
        Image(42)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["a\x00b", "lone \ud800 surrogate", "bell\x07", "c1\x85", "\ufffe"])
def test_text_refuses_nul_surrogates_and_controls(bad):
    """Text never holds NUL, lone surrogates, or controls no writer can encode."""
    with pytest.raises(ValueError, match="contains a character documents cannot carry"):
        Text(bad)


def test_text_keeps_tabs_newlines_and_non_ascii():
    """Ordinary white space and any script are fine."""
    assert Text("a\tb\nc\r — 中文 😀").text == "a\tb\nc\r — 中文 😀"


def test_sequences_must_be_tuples():
    """Lists are refused, so every node stays hashable."""
    with pytest.raises(TypeError, match=r"Paragraph\.content must be a tuple of inlines, not list"):
        Paragraph([Text("x")])  # type: ignore[arg-type]


def test_blocks_are_refused_where_inlines_belong():
    """A paragraph cannot hold a paragraph; the message names the position."""
    with pytest.raises(TypeError, match=r"Paragraph\.content\[1\] must be one of the inlines"):
        Paragraph((Text("x"), Paragraph((Text("y"),))))  # type: ignore[arg-type]


def test_list_items_must_hold_blocks():
    """List items are tuples of blocks."""
    with pytest.raises(TypeError, match="must be one of the blocks"):
        BulletList(((Text("x"),),))  # type: ignore[arg-type]


def test_language_must_look_like_bcp47():
    """A language is a BCP 47 tag, not a language name."""
    with pytest.raises(ValueError, match="BCP 47"):
        Article(language="English (US)")


def test_image_dimensions_must_be_positive():
    """Width and height are positive pixels."""
    with pytest.raises(ValueError, match="at least 1"):
        Image("a.jpg", width=0)


def test_table_cell_spans_follow_html_limits():
    """colspan is at most 1000, as in HTML."""
    with pytest.raises(ValueError, match="1 to 1000"):
        TableCell((Text("x"),), colspan=1001)


def test_nodes_are_frozen():
    """Nodes cannot be changed in place; evolve makes a new one."""
    para = Paragraph((Text("x"),))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        para.content = ()  # type: ignore[misc]
    assert attrs.evolve(para, content=(Text("y"),)) == Paragraph((Text("y"),))


@given(documents())
def test_every_document_is_hashable_and_picklable(doc):
    """Documents hash consistently with equality and survive pickling unchanged."""
    copy = pickle.loads(pickle.dumps(doc))
    assert copy == doc
    assert hash(copy) == hash(doc)


def test_figures_lists_lead_then_body_figures_in_reading_order():
    """Article.figures finds figures nested in quotes and lists too."""
    lead = Figure(Image("lead.jpg"), CAPTION)
    first = Figure(caption=(Text("first"),))
    nested = Figure(caption=(Text("in a quote"),))
    in_list = Figure(caption=(Text("in a list"),))
    article = Article(
        lead=lead,
        body=(
            Paragraph((Text("x"),)),
            first,
            Quote((nested,)),
            OrderedList(((Paragraph((Text("y"),)), in_list),)),
        ),
    )
    assert (lead, first, nested, in_list) == article.figures


def test_figures_is_empty_without_any():
    """No lead and no figures in the body: an empty tuple."""
    assert () == Article(body=(Paragraph((Emphasis((Text("x"),)),)),)).figures


def test_author_and_collection_defaults():
    """Optional fields default to None or empty tuples."""
    assert Author("Jane Doe") == Author("Jane Doe", None, None, None, None)
    assert Collection() == Collection(None, (), None)


def test_collections_hold_articles_only():
    """A collection of non-articles is refused."""
    with pytest.raises(TypeError, match=r"Collection\.articles\[0\] must be an Article"):
        Collection(articles=(Paragraph((Text("x"),)),))  # type: ignore[arg-type]


def test_document_and_node_aliases_cover_the_classes():
    """The public union aliases admit the classes they name."""
    assert isinstance(Article(), newsdoc.Document)
    assert isinstance(Text("x"), newsdoc.Inline)
    assert isinstance(Paragraph(()), newsdoc.Block)
