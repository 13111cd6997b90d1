"""Feature declarations, project(), and the report of dropped content."""

import warnings

import pytest
from hypothesis import given

from newsdoc import (
    EVERYTHING,
    Article,
    Author,
    Code,
    Collection,
    ContentDroppedWarning,
    Embed,
    Emphasis,
    Feature,
    Figure,
    Image,
    LineBreak,
    Link,
    Paragraph,
    PullQuote,
    Quote,
    Table,
    TableCell,
    Text,
    WriteError,
    features_used,
    project,
)
from newsdoc.fidelity import report_dropped
from newsdoc.testing import articles, collections

RICH = Article(
    headline="H",
    authors=(Author("A", title="Reporter"),),
    lead=Figure(Image("a.jpg", width=10), (Text("cap"),), "AP"),
    body=(
        Paragraph((Emphasis((Text("e"),)), Text(" "), Link("u", (Text("l"),)), LineBreak(), Code("c"))),
        Embed("https://youtu.be/x", "YouTube", (Text("video"),)),
        Table(body=((TableCell((Text("a"),), colspan=2), TableCell((Text("b"),))),)),
        PullQuote((Text("pq"),), (Text("who"),)),
    ),
)


def test_features_used_finds_everything_in_a_rich_article():
    """Each feature the article uses is reported; collections are not."""
    expected = {
        Feature.MARKS, Feature.LINKS, Feature.LINE_BREAKS, Feature.IMAGES, Feature.IMAGE_DETAILS,
        Feature.EMBEDS, Feature.TABLES, Feature.TABLE_SPANS, Feature.PULL_QUOTES, Feature.AUTHOR_DETAILS,
    }  # fmt: skip
    assert expected <= features_used(RICH)
    assert not {Feature.COLLECTIONS, Feature.COLLECTION_METADATA} & features_used(RICH)


def test_collection_features():
    """A titled collection uses both collection features."""
    assert {Feature.COLLECTIONS, Feature.COLLECTION_METADATA} == features_used(Collection("Digest"))


def test_project_onto_nothing_keeps_the_words():
    """A format that carries nothing keeps text, captions and credits, as text does."""
    projected = project(RICH, set())
    assert (
        Article(
            headline="H",
            authors=(Author("A"),),
            lead=Figure(None, (Text("cap"),), "AP"),
            body=(
                Paragraph((Text("e l c"),)),
                Paragraph((Text("video"),)),
                Paragraph((Text("a b"),)),
                Quote((Paragraph((Text("pq"),)),), (Text("who"),)),
            ),
        )
        == projected
    )


def test_project_can_drop_one_feature_alone():
    """Without TABLE_SPANS, cells keep their text but span one."""
    table = project(RICH, EVERYTHING - {Feature.TABLE_SPANS}).body[2]
    assert Table(body=((TableCell((Text("a"),)), TableCell((Text("b"),))),)) == table


def test_project_refuses_several_articles_for_single_article_formats():
    """A format without COLLECTIONS cannot hold two articles."""
    with pytest.raises(WriteError, match="holds one article"):
        project(Collection(articles=(Article(), Article())), EVERYTHING - {Feature.COLLECTIONS})


@given(articles())
def test_project_onto_everything_is_the_identity(article):
    """A lossless format keeps the article exactly."""
    assert article == project(article, EVERYTHING)


@given(collections())
def test_project_is_idempotent(collection):
    """Projecting twice changes nothing more."""
    once = project(collection, {Feature.COLLECTIONS})
    assert once == project(once, {Feature.COLLECTIONS})


@given(articles())
def test_projection_leaves_no_dropped_feature_behind(article):
    """After projecting onto nothing, no feature but collections remains."""
    assert features_used(project(article, set())) == frozenset()


def test_report_dropped_warns_with_the_list():
    """Writers warn naming what they leave out."""
    with pytest.warns(ContentDroppedWarning, match="toy cannot carry embeds, images"):
        report_dropped(
            Article(lead=Figure(Image("a.jpg")), body=(Embed("u"),)),
            EVERYTHING - {Feature.IMAGES, Feature.EMBEDS},
            format="toy",
        )


def test_report_dropped_raises_when_strict():
    """strict=True turns the warning into a WriteError."""
    with pytest.raises(WriteError, match="toy cannot carry links"):
        report_dropped(Paragraph((Link("u", (Text("x"),)),)), set(), format="toy", strict=True)


def test_report_dropped_is_silent_when_nothing_is_lost():
    """No warning when the format carries what the document uses."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report_dropped(Paragraph((Text("x"),)), set(), format="toy")


def test_nested_links_are_found_and_unwrapped():
    """A link inside a link's text (inside a mark too) keeps its text when NESTED_LINKS is dropped."""
    doc = Article(body=(Paragraph((Link("a", (Text("x "), Emphasis((Link("b", (Text("y"),)),)))),)),))
    assert Feature.NESTED_LINKS in features_used(doc)
    expected = Article(body=(Paragraph((Link("a", (Text("x "), Emphasis((Text("y"),)))),)),))
    assert expected == project(doc, EVERYTHING - {Feature.NESTED_LINKS})


def test_irregular_tables_become_one_grid():
    """Short rows are padded, extra header rows join the body, an empty header row goes."""
    a, b, empty = TableCell((Text("a"),)), TableCell((Text("b"),)), TableCell(())
    doc = Article(body=(Table(head=((a,), (b,)), body=((a, b),)),))
    assert Feature.IRREGULAR_TABLES in features_used(doc)
    expected = Article(body=(Table(head=((a, empty),), body=((b, empty), (a, b))),))
    assert expected == project(doc, EVERYTHING - {Feature.IRREGULAR_TABLES})
    headless = Article(body=(Table(head=((empty, empty),), body=((a, b),)),))
    assert Article(body=(Table(body=((a, b),)),)) == project(
        headless, EVERYTHING - {Feature.IRREGULAR_TABLES}
    )


def test_a_plain_grid_is_not_irregular():
    """One header row with text and rows of one length use no IRREGULAR_TABLES."""
    a = TableCell((Text("a"),))
    assert Feature.IRREGULAR_TABLES not in features_used(Table(head=((a, a),), body=((a, a),)))
