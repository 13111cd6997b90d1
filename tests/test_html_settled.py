"""The one-pass reader of own inline markup gives what reading and normalizing give, or steps aside."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

import newsdoc
from newsdoc.formats.html.blocks import BlockReader
from newsdoc.formats.html.settled import settled_content
from newsdoc.model import Emphasis, Link, Paragraph, Text

from .paths import ROOT

_PARSER = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)

# Pieces of inline markup, canonical and not: doubled, leading and trailing space, a
# newline, a no-break space, a control character, entities, and elements the one-pass
# reader leaves to the general one.
_WORDS = st.sampled_from(
    ["word", "two words", " lead", "trail ", "a  b", "line\nbreak", "no\xa0break", "tab\tbed",
     "é", "&amp;", "&#1;", "&#x85;", "&nbsp;", " ", "x"]
)  # fmt: skip
_OPEN_CLOSE = st.sampled_from(
    [("<em>", "</em>"), ("<i>", "</i>"), ("<strong>", "</strong>"), ("<b>", "</b>"), ("<sub>", "</sub>"),
     ("<s>", "</s>"), ("<del>", "</del>"), ('<a href="https://example.org/a">', "</a>"),
     ('<a href="https://example.org/b" title="T">', "</a>"), ('<a href="javascript:x()">', "</a>"),
     ('<a data-href="https://example.org/%20exact" href="https://example.org/ exact">', "</a>"),
     ("<code>", "</code>"), ("<span>", "</span>"), ('<span class="link">', "</span>"),
     ("<kbd>", "</kbd>"), ("<p>", "</p>")]
)  # fmt: skip
_MARKUP = st.recursive(
    _WORDS | st.sampled_from(["<br>", '<img src="https://example.org/i.jpg" alt="i">', "<!-- c -->"]),
    lambda inner: (
        st.tuples(_OPEN_CLOSE, st.lists(inner, max_size=4)).map(
            lambda parts: parts[0][0] + "".join(parts[1]) + parts[0][1]
        )
        | st.lists(inner, min_size=2, max_size=4).map("".join)
    ),
    max_leaves=12,
)


def _paragraph(markup: str) -> etree._Element:
    tree = etree.fromstring(f"<html><body><p>{markup}</p></body></html>".encode(), _PARSER)
    return next(tree.iter("p"))


def _general(element: etree._Element) -> tuple[newsdoc.Inline, ...] | str:
    reader = BlockReader(base=None, own=True, clean=False)
    try:
        return newsdoc.normalize(reader.content(element))
    except ValueError as error:
        return f"ValueError: {error}"


def _one_pass(element: etree._Element) -> tuple[newsdoc.Inline, ...] | str | None:
    reader = BlockReader(base=None, own=True, clean=False)
    try:
        return settled_content(reader, element)
    except ValueError as error:
        return f"ValueError: {error}"


@given(_MARKUP)
@example("word <em>two words</em> word")
@example("a<br>b")
@example('<a href="https://example.org/a">x</a><a href="https://example.org/a">y</a>')
def test_one_pass_is_read_then_normalize_or_nothing(markup):
    """Any inline markup reads in one pass to what reading then normalizing gives, or to None."""
    element = _paragraph(markup)
    fast = _one_pass(element)
    if fast is not None:
        assert _general(element) == fast


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("Rain <em>at last</em>.", (Text("Rain "), Emphasis((Text("at last"),)), Text("."))),
        (
            '<a href="https://example.org/" title="Home">Home</a> page',
            (Link("https://example.org/", (Text("Home"),), "Home"), Text(" page")),
        ),
        ("no\xa0break", (Text("no\xa0break"),)),
    ],
)
def test_canonical_markup_is_read_in_one_pass(markup, expected):
    """Markup newsdoc writes, already canonical, is read by the one pass itself."""
    assert expected == _one_pass(_paragraph(markup))


@pytest.mark.parametrize(
    "markup",
    [
        " lead",  # space at the start of a block
        "trail ",  # and at its end
        "a  b",  # doubled space
        "line\nbreak",  # a newline to fold
        "<em></em>",  # an empty mark
        "<em>a</em><em>b</em>",  # marks to merge
        "a <br>b",  # space before a line break
        '<img src="https://example.org/i.jpg" alt="">',  # media to lift out
        "<span>wrapped</span>",  # a wrapper to unwrap
        '<a href="javascript:x()">words</a>',  # a link the reader unwraps
        "",  # nothing at all
    ],
)
def test_doubtful_markup_is_left_to_the_general_reader(markup):
    """Anything normalize would change, or the general reader reshapes, gives None."""
    assert _one_pass(_paragraph(markup)) is None


def test_most_of_the_sample_articles_paragraphs_are_read_in_one_pass():
    """Reading the sample article's own HTML, every body paragraph is settled in one pass."""
    doc = newsdoc.read(ROOT / "examples" / "rafah-virtual-meeting.json")
    page = newsdoc.write(doc, format="html")
    assert isinstance(page, str)
    tree = etree.fromstring(page.encode(), _PARSER)
    article = next(tree.iter("article"))
    paragraphs = [child for child in article if child.tag == "p"]
    settled = [element for element in paragraphs if _one_pass(element) is not None]
    assert (len(paragraphs), len(paragraphs)) == (len(paragraphs), len(settled))
    assert paragraphs


def test_settled_paragraphs_come_back_whole():
    """The document read through the one pass equals the written one, paragraph for paragraph."""
    doc = newsdoc.Article(
        headline="Rain",
        body=(Paragraph((Text("It "), Emphasis((Text("rained"),)), Text("."))), Paragraph((Text("Again."),))),
    )
    page = newsdoc.write(doc, format="html")
    assert isinstance(page, str)
    assert doc == newsdoc.read(page.encode(), format="html")
