"""Inline tokens to model inlines: marks, links, inline HTML, images inside text."""

import pytest

from newsdoc import (
    Code,
    Emphasis,
    Inline,
    LineBreak,
    Link,
    Strikethrough,
    Strong,
    Subscript,
    Superscript,
    Text,
    normalize,
)
from newsdoc import plain_text as model_plain_text
from newsdoc.formats.markdown.parser import parser
from newsdoc.formats.markdown.read_inlines import MAX_DEPTH, inlines, plain_text

T = Text


def _read(markdown):
    return normalize(inlines(parser().parseInline(markdown)[0].children or ()))


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (
            "a *b* **c** ~~d~~ `e`",
            (
                T("a "),
                Emphasis((T("b"),)),
                T(" "),
                Strong((T("c"),)),
                T(" "),
                Strikethrough((T("d"),)),
                T(" "),
                Code("e"),
            ),
        ),
        ("[a *b*](u 't')", (Link("u", (T("a "), Emphasis((T("b"),))), "t"),)),
        ("a\\\nb", (T("a"), LineBreak(), T("b"))),
        ("a\nb", (T("a b"),)),
        ("&copy; &#8212; \\*", (T("© — *"),)),
    ],
)
def test_markdown_marks_become_model_marks(markdown, expected):
    """Each CommonMark inline has its node; soft breaks are spaces."""
    assert expected == _read(markdown)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("H<sub>2</sub>O", (T("H"), Subscript((T("2"),)), T("O"))),
        ("x<SUP>2</SUP>", (T("x"), Superscript((T("2"),)))),
        (
            "<em>a</em> <i>b</i> <b>c</b> <s>d</s> <strike>e</strike>",
            (
                Emphasis((T("a"),)),
                T(" "),
                Emphasis((T("b"),)),
                T(" "),
                Strong((T("c"),)),
                T(" "),
                Strikethrough((T("d"),)),
                T(" "),
                Strikethrough((T("e"),)),
            ),
        ),
        ("a<br>b<br/>c<br />d", (T("a"), LineBreak(), T("b"), LineBreak(), T("c"), LineBreak(), T("d"))),
        ('<a href="u">link</a> <span class="x">span</span>', (T("link span"),)),
    ],
)
def test_inline_html_tags_are_read_as_marks_or_dropped(markdown, expected):
    """Known tags become marks or breaks; other tags go, their text stays."""
    assert expected == _read(markdown)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("<sub>open", (Subscript((T("open"),)),)),
        ("close</sub> only", (T("close only"),)),
        ("<sub>*a</sub>b*", (Subscript((Emphasis((T("ab"),)),)),)),
        ("*<sub>a* b", (Emphasis((Subscript((T("a"),)),)), T(" b"))),
        ("<em/>x", (T("x"),)),
    ],
)
def test_unbalanced_html_tags_close_at_the_end_or_are_ignored(markdown, expected):
    """A tag left open closes with its run; a stray closing tag is ignored."""
    assert expected == _read(markdown)


def test_an_image_inside_text_stands_for_its_alt_text():
    """The model has no inline images; the alt text keeps what the image said."""
    assert (T("See a *chart* here"),) == _read("See ![a \\*chart\\*](c.png) here")


def test_plain_text_joins_text_code_and_alt_text():
    """Plain text drops the markup and keeps every word."""
    tokens = parser().parseInline("a *b* `c` ![d](e)\nf")[0].children or []
    assert "a b c d f" == plain_text(tokens)


def test_characters_the_model_refuses_are_dropped():
    """A character reference can spell a control character; it is removed."""
    assert (T("ab"),) == _read("a&#12;b")


def test_marks_nested_past_the_limit_are_read_as_their_text():
    """Emphasis and HTML tags nested thousands deep end as text, not as a RecursionError."""
    depth = MAX_DEPTH + 1
    expected: Inline = T("a")
    for _ in range(MAX_DEPTH):
        expected = Subscript((expected,))
    assert (expected,) == _read("<sub>" * depth * 10 + "a")
    assert "a" == model_plain_text(_read("*" * 5000 + "a" + "*" * 5000))
