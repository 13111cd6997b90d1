"""Image boxes captioned without <figure>: renamed so the figure reader takes their captions."""

import lxml.html

from newsdoc.formats.html import loose_figures


def _root(markup: str):
    return lxml.html.fragment_fromstring(f'<div id="root">{markup}</div>')


def test_a_box_with_an_image_and_a_marked_caption_becomes_a_figure():
    """<div><div><img></div><div class="caption">...</div></div> is a figure with a figcaption."""
    root = _root(
        '<p>Story.</p><div class="img-box"><div><img src="a.jpg"></div><div class="caption">A caption</div></div>'
    )
    loose_figures.mark_figures(root)
    assert (["p", "figure"], "figcaption") == ([child.tag for child in root], root[1][1].tag)


def test_a_box_with_a_marked_credit_becomes_a_figure():
    """A credit marked by class is enough to make the box a figure."""
    root = _root('<div class="media"><img src="a.jpg"><span class="photo-credit">Jane Doe</span></div>')
    loose_figures.mark_figures(root)
    assert "figure" == root[0].tag


def test_an_image_inside_a_paragraph_stays_where_it_is():
    """Text around an image in a paragraph is story text, not a caption."""
    root = _root('<p><img src="a.jpg"> The river rose. <span class="caption">Not one</span></p>')
    loose_figures.mark_figures(root)
    assert ["p"] == [child.tag for child in root]


def test_a_box_with_two_images_is_not_one_figure():
    """The box stops below an element holding a second image."""
    root = _root(
        '<div id="gallery"><div><img src="a.jpg"></div><img src="b.jpg"><p class="caption">Two</p></div>'
    )
    loose_figures.mark_figures(root)
    assert ("div", "div") == (root[0].tag, root[0][0].tag)


def test_an_unmarked_box_is_left_alone():
    """Without a caption or credit class, a box with an image and words stays a box."""
    root = _root('<div><img src="a.jpg"><div>Some words</div></div>')
    loose_figures.mark_figures(root)
    assert "div" == root[0].tag


def test_a_figcaption_right_after_its_figure_moves_inside():
    """<figure>...</figure><figcaption> (a template's slip) becomes the figure's caption."""
    root = _root('<figure><img src="a.jpg"></figure><figcaption>The caption</figcaption> after')
    loose_figures.mark_figures(root)
    assert (["figure"], ["img", "figcaption"], " after") == (
        [child.tag for child in root],
        [child.tag for child in root[0]],
        root[0].tail,
    )


def test_custom_image_elements_are_images():
    """AMP's <amp-img> and image web components with a source read as <img>."""
    root = _root('<div class="media"><amp-img src="a.jpg"></amp-img><p class="caption">A caption</p></div>')
    loose_figures.mark_figures(root)
    assert (["figure"], ["img", "figcaption"]) == (
        [child.tag for child in root],
        [child.tag for child in root[0]],
    )


def test_an_unmarked_element_repeating_the_image_alt_is_its_caption():
    """Words next to an image that repeat its alt text are its caption, though no class says so."""
    root = _root(
        '<div class="box"><img src="a.jpg" alt="The head teacher greets the pupils">'
        '<div class="flex"><span>The head teacher greets the pupils</span></div></div>'
    )
    loose_figures.mark_figures(root)
    assert ("figure", "figcaption") == (root[0].tag, root[0][1].tag)
