"""The model as EPUB XHTML: links a book can follow, never a nested link, every block mapped."""

import pytest
from lxml import etree

from newsdoc import (
    Code,
    CodeBlock,
    Emphasis,
    LineBreak,
    Link,
    OrderedList,
    Paragraph,
    Quote,
    Strikethrough,
    Strong,
    Subscript,
    Superscript,
    Table,
    TableCell,
    Text,
)
from newsdoc.formats.epub.xhtml import XHTML, blocks, linkable


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/a?b=1&c=2#d", True),
        ("http://news.example.org:8080/x", True),
        ("mailto:desk@example.com", True),
        ("https://example.com/%41", True),
        ("https://example.com/%zz", False),  # a broken percent escape (RSC-020)
        ("https://example.com/a b", False),  # a space is not a URL character
        ("images/map.png", False),  # relative: a file of the site, not of the book
        ("#notes", False),  # a fragment of the original page
        ("javascript:alert(1)", False),
        ("ftp://example.com/file", False),
    ],
)
def test_only_absolute_web_and_mail_links_are_linkable(url, expected):
    """Relative, fragment, malformed and non-web URLs are not written as links."""
    assert expected == linkable(url)


def _xhtml(*body) -> str:
    root = etree.Element(f"{{{XHTML}}}div", nsmap={None: XHTML})
    blocks(root, tuple(body), lambda _src: None)
    text: str = etree.tostring(root, encoding="unicode")
    return text.removeprefix(f'<div xmlns="{XHTML}">').removesuffix("</div>")


def test_marks_line_breaks_and_links_map_to_their_elements():
    """em, strong, sub, sup, s, code, br and a, each from its node."""
    paragraph = Paragraph(
        (
            Emphasis((Text("e"),)),
            Strong((Text("s"),)),
            Subscript((Text("2"),)),
            Superscript((Text("3"),)),
            Strikethrough((Text("x"),)),
            Code("c"),
            LineBreak(),
            Link("https://example.com/", (Text("l"),), "T"),
        )
    )
    assert (
        '<p><em>e</em><strong>s</strong><sub>2</sub><sup>3</sup><s>x</s><code>c</code><br/><a href="https://example.com/" title="T">l</a></p>'
        == _xhtml(paragraph)
    )


def test_a_link_inside_a_link_keeps_only_its_words():
    """HTML forbids nested links: the inner one becomes a span."""
    nested = Paragraph((Link("https://a.example/", (Text("a "), Link("https://b.example/", (Text("b"),)))),))
    assert '<p><a href="https://a.example/">a <span>b</span></a></p>' == _xhtml(nested)


def test_an_unlinkable_href_keeps_its_words_in_a_span():
    """A relative link's text stays, without a link the book cannot follow."""
    assert "<p>see <span>notes</span></p>" == _xhtml(
        Paragraph((Text("see "), Link("#notes", (Text("notes"),))))
    )


def test_tables_lists_quotes_and_code_blocks():
    """Table head/body/spans/caption, ordered list start, quote attribution, code language."""
    table = Table(
        ((TableCell((Text("H"),), colspan=2),),),
        ((TableCell((Text("a"),), rowspan=2), TableCell((Text("b"),))),),
        (Text("Cap"),),
    )
    listing = OrderedList(((Paragraph((Text("one"),)),),), start=3)
    quote = Quote((Paragraph((Text("q"),)),), (Text("who"),))
    code = CodeBlock("x = 1", "python")
    assert (
        '<table><caption>Cap</caption><thead><tr><th colspan="2">H</th></tr></thead><tbody><tr><td rowspan="2">a</td><td>b</td></tr></tbody></table>'
        '<ol start="3"><li><p>one</p></li></ol>'
        '<blockquote><p>q</p><footer class="attribution">who</footer></blockquote>'
        '<pre><code class="language-python">x = 1</code></pre>'
    ) == _xhtml(table, listing, quote, code)
