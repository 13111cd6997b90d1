"""Block reading of other sites' markup: custom elements wrapping blocks."""

from newsdoc import Article, Paragraph, Text
from newsdoc.formats.html.read import read_html

T = Text


def test_a_custom_element_holding_paragraphs_is_a_wrapper():
    """<story-body><p>..</p><p>..</p></story-body> gives two paragraphs, not one run of text."""
    doc = read_html(b"<story-body><p>One.</p><p>Two.</p></story-body>", mode="fragment")
    assert isinstance(doc, Article)
    assert (Paragraph((T("One."),)), Paragraph((T("Two."),))) == doc.body


def test_a_custom_element_holding_text_stays_inline():
    """<x-name>Ana</x-name> inside a paragraph is read as its words."""
    doc = read_html(b"<p>By <x-name>Ana</x-name> today.</p>", mode="fragment")
    assert isinstance(doc, Article)
    assert (Paragraph((T("By Ana today."),)),) == doc.body
