"""Figures of other sites' pages: lazy images, the largest source, captions and credits."""

import pytest

from newsdoc import Article, Figure, Image, Text
from newsdoc.formats.html.figures import clean_credit, split_credit
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


def test_a_data_placeholder_in_a_lazy_source_is_no_candidate():
    """A placeholder's "data:... 1w" beside data-srcset URLs without widths: the real URL is the image."""
    figure = _figure(
        '<figure><picture><source srcset="data:image/gif;base64,R0lGOD 1w" '
        'data-srcset="https://e.com/a.jpg, https://e.com/a2.jpg 2x">'
        '<img data-src="https://e.com/a.jpg" alt="A"></picture><figcaption>Dawn</figcaption></figure>'
    )
    assert Figure(Image("https://e.com/a2.jpg", "A"), (T("Dawn"),)) == figure


@pytest.mark.parametrize(
    ("caption", "expected_caption", "credit"),
    [
        # a credit after the last sentence: "Supplied", a photo library, a name and agency
        ("The lodge lobby at dawn. Supplied", "The lodge lobby at dawn.", "Supplied"),
        (
            "The lodge lobby at dawn. Anadolu via Getty Images",
            "The lodge lobby at dawn.",
            "Anadolu via Getty Images",
        ),
        # a two-word label
        ("A search page. Image credit: Example Corp", "A search page.", "Example Corp"),
        # "source" labels in other languages
        ("Павел Вовк Источник: Фундация Право", "Павел Вовк", "Фундация Право"),
        # a slash and a capitalised name, without a full stop before it
        (
            "Redada en el barrio de La Soledat / Lorenzo Marina",
            "Redada en el barrio de La Soledat",
            "Lorenzo Marina",
        ),
        ("Redada en el barrio / EFE", "Redada en el barrio", "EFE"),
    ],
)
def test_more_trailing_credit_lines_are_split_off(caption, expected_caption, credit):
    """Credit lines after the caption's words: words standing for a source, labels, a slash and a name."""
    assert ((T(expected_caption),), credit) == split_credit((T(caption),))


@pytest.mark.parametrize(
    "caption",
    [
        "Wind / solar power in Spain",  # a slash between common words
        "Foto de familia de la cumbre",  # Spanish "group photo", no name after "de"
        "Food supplied to the camp",  # "supplied" inside a sentence
    ],
)
def test_captions_that_only_look_like_credits_keep_their_words(caption):
    """A slash, "Foto de" or a credit word inside the caption's own words splits nothing off."""
    assert ((T(caption),), None) == split_credit((T(caption),))


@pytest.mark.parametrize(
    ("markup", "caption", "credit"),
    [
        # the photographer marked "author" one level down in the caption
        (
            '<figcaption><span class="title">A bridge <span class="author">Ana Ruiz/EFE</span></span></figcaption>',
            "A bridge",
            "Ana Ruiz/EFE",
        ),
        # the image box's author, outside the caption (a box renamed to a figure)
        (
            '<figcaption>A bridge</figcaption><div class="image-box__author">Source: Jane Doe</div>',
            "A bridge",
            "Jane Doe",
        ),
        # the figure's own footer
        (
            "<figcaption>A bridge</figcaption><footer>Jane Doe/Example</footer>",
            "A bridge",
            "Jane Doe/Example",
        ),
        # the caption's last line of its own naming a photo library, no separator
        (
            "<figcaption><span>A bridge.</span><span>Unsplash/Jane Doe</span></figcaption>",
            "A bridge.",
            "Unsplash/Jane Doe",
        ),
        # a camelCase class word
        (
            '<figcaption><span>A bridge.</span> <span class="widget__captionCredit">Jane Doe</span></figcaption>',
            "A bridge.",
            "Jane Doe",
        ),
    ],
)
def test_credits_found_by_their_place_in_a_figure(markup, caption, credit):
    """Credits marked by an "author" class, a footer, a photo library's name or a camelCase class."""
    figure = _figure(f'<figure><img src="https://e.com/a.jpg" alt="">{markup}</figure>')
    assert ((T(caption),), credit) == (figure.caption, figure.credit)


def test_a_byline_in_an_image_figure_is_no_credit():
    """An author box's avatar figure: its "author" byline names no photographer."""
    figure = _figure(
        '<figure><img src="https://e.com/a.jpg" alt=""><span class="c-author__name">Jane Doe</span></figure>'
    )
    assert None is figure.credit


def test_a_caption_flagged_with_its_credit_is_not_all_credit():
    """data-manual="imageCaption, imageCopyright" on a figcaption: its <small> is the credit, not all of it."""
    figure = _figure(
        '<figure><img src="https://e.com/a.jpg" alt=""><figcaption data-manual="imageCaption, imageCopyright">'
        "A bridge. <small>(Foto: Jane Doe/AFP)</small></figcaption></figure>"
    )
    assert ((T("A bridge."),), "Jane Doe/AFP") == (figure.caption, figure.credit)


def test_the_alt_text_may_end_with_the_credit():
    """An alt text ending "Foto: Name" gives a figure without another credit its credit."""
    figure = _figure(
        '<figure><img src="https://e.com/a.jpg" alt="A meteorite © Example Foto: Jane Doe" title="A meteorite">'
        "</figure>"
    )
    assert ((T("A meteorite"),), "Jane Doe") == (figure.caption, figure.credit)


def test_a_figcaption_classed_as_a_footer_survives_pruning():
    """In a full page, <figcaption class="image-footer"> is the figure's caption, not page furniture."""
    story = "".join(
        f"<p>Paragraph {n} of the story, long enough to read as prose in a page.</p>" for n in range(5)
    )
    page = (
        f"<html><body><nav><a href='/'>Home</a></nav><article><h1>Night trains</h1>{story}"
        '<figure><img src="https://e.com/a.jpg" alt=""><figcaption class="image-footer">The sleeper at dawn.'
        "</figcaption></figure></article></body></html>"
    )
    doc = read_html(page.encode(), url="https://e.com/story")
    assert isinstance(doc, Article)
    assert [(T("The sleeper at dawn."),)] == [figure.caption for figure in doc.figures]


def test_an_image_outside_a_figure_takes_the_credit_its_alt_text_ends_with():
    """A bare <img> whose alt text ends "Foto: Name" has that credit; its title is the caption."""
    doc = read_html(
        b'<div><img src="https://e.com/a.jpg" alt="A meteorite Foto: Jane Doe" title="A meteorite"></div>',
        mode="fragment",
    )
    assert isinstance(doc, Article)
    assert [((T("A meteorite"),), "Jane Doe")] == [(figure.caption, figure.credit) for figure in doc.figures]


def test_courtesy_of_is_a_label():
    """A credit line "(Courtesy of Jane Doe)" credits Jane Doe."""
    assert "Jane Doe" == clean_credit("(Courtesy of Jane Doe)")


def test_any_lazy_loader_srcset_and_src_attribute_is_read():
    """data-lazyimage-srcset on a <source> and data-lazyimage-src on the <img> name the real image."""
    figure = _figure(
        '<figure><picture><source srcset="data:image/gif;base64,R0lGOD" '
        'data-lazyimage-srcset="https://e.com/a-640.jpg 640w, https://e.com/a-1380.jpg 1380w">'
        '<img src="data:image/gif;base64,R0lGOD" data-lazyimage-src="https://e.com/a-640.jpg" alt="A"></picture>'
        "<figcaption>Dawn</figcaption></figure>"
    )
    bare = _figure(
        '<figure><img src="data:image/gif;base64,R0lGOD" data-lazyimage-src="https://e.com/b.jpg"></figure>'
    )
    assert (Image("https://e.com/a-1380.jpg", "A"), Image("https://e.com/b.jpg")) == (
        figure.image,
        bare.image,
    )


def test_a_labelled_last_line_of_a_caption_is_its_credit():
    """<p>Caption</p><p>Фото: Name, Paper</p> in a figcaption: the labelled last line is the credit."""
    figure = _figure(
        '<figure><img src="https://e.com/a.jpg" alt=""><figcaption><p>Talks began late<br></p>'
        "<p>Фото: Дмитрий Иванов, Вестник</p></figcaption></figure>"
    )
    assert "Дмитрий Иванов, Вестник" == figure.credit


def test_a_labelled_line_over_the_image_is_the_credit():
    """<span>Foto: Name, Paper</span> beside the image, outside the figcaption, is the figure's credit."""
    figure = _figure(
        '<figure><div><img src="https://e.com/a.jpg" alt=""><span><span>Foto: Jana Nováková, Noviny</span></span>'
        "</div><figcaption><p>The premier.</p></figcaption></figure>"
    )
    assert ((T("The premier."),), "Jana Nováková, Noviny") == (figure.caption, figure.credit)
