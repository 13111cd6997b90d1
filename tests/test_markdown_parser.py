"""The markdown-it-py parser newsdoc configures: what it enables and what it leaves as written."""

import pytest

from newsdoc.formats.markdown.parser import parser


def _children(markdown):
    return parser().parseInline(markdown)[0].children or []


@pytest.mark.parametrize(
    ("markdown", "href"),
    [
        ("[a](https://example.com/é?q=a b)", None),
        ("[a](<https://example.com/é?q=a b>)", "https://example.com/é?q=a b"),
        ("[a](javascript:alert(1))", "javascript:alert(1)"),
        ("<https://example.com/%7Efoo>", "https://example.com/%7Efoo"),
        ("[a](data:text/html;base64,PGI+)", "data:text/html;base64,PGI+"),
    ],
)
def test_destinations_are_kept_as_written(markdown, href):
    """No percent-encoding and no scheme filter: the model keeps hrefs as written."""
    links = [token.attrGet("href") for token in _children(markdown) if token.type == "link_open"]
    assert ([href] if href is not None else []) == links


def test_escapes_and_references_stay_separate_tokens():
    """The reader can tell "Credit\\:" (escaped) from "Credit:" (a marker)."""
    assert [("text", "Credit"), ("text_special", ":"), ("text", " a "), ("text_special", "&")] == [
        (token.type, token.content) for token in _children("Credit\\: a &amp;")
    ]


@pytest.mark.parametrize(
    ("markdown", "kinds"),
    [
        ("~~old~~", ["s_open", "text", "s_close"]),
        ("H~2~O", ["text", "sub_open", "text", "sub_close", "text"]),
        ("10^th^", ["text", "sup_open", "text", "sup_close"]),
    ],
)
def test_strikethrough_and_pandoc_sub_and_superscript_are_enabled(markdown, kinds):
    """GFM's ~~ and pandoc's ~ and ^ are read."""
    assert kinds == [token.type for token in _children(markdown)]


def test_tables_and_front_matter_are_enabled():
    """GFM tables and YAML front matter are blocks of their own."""
    tokens = parser().parse("---\na: 1\n---\n\n| a |\n| - |\n| 1 |\n")
    assert ["front_matter", "table_open"] == [token.type for token in tokens[:2]]


def test_the_parser_is_shared():
    """Built once: markdown-it parsers hold no state between documents."""
    assert parser() is parser()
