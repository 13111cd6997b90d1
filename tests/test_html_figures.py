"""Figures of other sites' pages: lazy images, the largest source, captions and credits."""

from newsdoc import Article, Figure, Image, Text
from newsdoc.formats.html.read import read_html

T = Text


def _figure(markup: str) -> Figure:
    doc = read_html(f"<html><body>{markup}</body></html>".encode(), mode="fragment")
    assert isinstance(doc, Article)
    figures = doc.figures
    assert 1 == len(figures)
    return figures[0]


def test_a_carousel_lazy_image_is_read_from_its_flickity_attributes():
    """Flickity's data-flickity-lazyload-srcset gives the image behind a data: placeholder."""
    figure = _figure(
        '<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" '
        'data-flickity-lazyload-srcset="https://e.com/s.jpg 1x, https://e.com/l.jpg 2x" '
        'data-flickity-lazyload="https://e.com/s.jpg" alt="A"><figcaption>Dawn</figcaption></figure>'
    )
    assert Figure(Image("https://e.com/l.jpg", "A"), (T("Dawn"),)) == figure


def test_a_lazy_picture_source_gives_the_largest_image():
    """A <source data-srcset> (lazysizes) in a <picture> is a candidate like a plain srcset."""
    figure = _figure(
        '<figure><picture><source data-srcset="https://e.com/a-400.jpg 400w, https://e.com/a-1600.jpg 1600w">'
        '<img src="https://e.com/a-200.jpg" alt="A"></picture><figcaption>Dawn</figcaption></figure>'
    )
    assert Figure(Image("https://e.com/a-1600.jpg", "A"), (T("Dawn"),)) == figure
