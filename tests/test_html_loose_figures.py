"""Image boxes captioned without <figure>: renamed so the figure reader takes their captions."""

import lxml.html

import newsdoc
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


def test_a_figcaption_after_the_wrappers_of_a_lone_figure_moves_inside():
    """<div><figure>...</figure></div><figcaption> joins the figure: the caption follows its wrapper."""
    root = _root(
        '<div class="embed"><div class="box"><figure><img src="a.jpg"></figure></div><figcaption>Cap</figcaption></div>'
    )
    loose_figures.mark_figures(root)
    assert ["img", "figcaption"] == [child.tag for child in root[0][0][0]]


def test_a_button_around_an_image_is_a_box_and_other_buttons_stay():
    """A lightbox's "Open image viewer" button holding the image becomes a box; a text button stays."""
    root = _root(
        '<button aria-label="Open image viewer"><figure><img src="a.jpg"></figure></button><button>Menu</button>'
    )
    loose_figures.open_lightboxes(root)
    assert ["div", "button"] == [child.tag for child in root]


def test_a_marked_caption_inside_a_figure_becomes_its_figcaption():
    """<figure><img><div class="caption-text">...</div></figure>: the div is the caption."""
    root = _root('<figure><img src="a.jpg"><div class="caption-text">Cap</div></figure>')
    loose_figures.mark_figures(root)
    assert "figcaption" == root[0][1].tag


def test_the_one_line_of_text_in_an_image_figure_is_its_caption_and_a_credit_stays_marked():
    """A bare <p> beside the image is the caption; a <p class="credit"> beside it is left to the figure reader."""
    root = _root('<figure><img src="a.jpg"><p>Cap</p><p class="credit">Jane Doe</p></figure>')
    loose_figures.mark_figures(root)
    assert ["img", "figcaption", "p"] == [child.tag for child in root[0]]


def test_a_figure_with_two_lines_of_text_gets_no_caption():
    """Two unmarked lines in a figure: neither is taken for the caption."""
    root = _root("<figure><img src='a.jpg'><p>One</p><p>Two</p></figure>")
    loose_figures.mark_figures(root)
    assert ["img", "p", "p"] == [child.tag for child in root[0]]


def test_an_element_marked_as_a_caption_right_after_a_figure_moves_inside():
    """<figure>...</figure><p class="media-caption"> joins the figure; a "description" after it does not."""
    root = _root(
        '<figure><img src="a.jpg"></figure><p class="media-caption">Cap</p>'
        '<figure><img src="b.jpg"></figure><p class="description">A dek after the lead image</p>'
    )
    loose_figures.mark_figures(root)
    assert (["img", "figcaption"], ["img"]) == (
        [child.tag for child in root[0]],
        [child.tag for child in root[1]],
    )


def test_a_credit_right_after_a_figure_moves_inside():
    """<figure>...</figure><p class="photo-credit"> joins the figure, for the figure reader to take as its credit."""
    root = _root(
        '<figure><img src="a.jpg"><figcaption>Cap</figcaption></figure><p class="photo-credit">Jane Doe</p>'
    )
    loose_figures.mark_figures(root)
    assert ["img", "figcaption", "p"] == [child.tag for child in root[0]]


def test_a_caption_inside_a_read_more_expander_moves_out_of_it():
    """A slide's caption wrapped in a "ReadMore" toggle is lifted out, to stay when the toggle is pruned."""
    root = _root(
        '<div class="slide"><div class="media"><img src="a.jpg"></div><div class="info">'
        '<div class="ReadMore"><span class="count">2 of 9</span><span class="slide-description">Dawn</span>'
        "<button>Read more</button></div></div></div>"
    )
    loose_figures.free_captions(root)
    assert (["div", "span"], "Dawn") == ([child.tag for child in root[0][1]], root[0][1][1].text)


def test_a_caption_inside_other_furniture_stays_there():
    """A teaser's description in a "related" box is not lifted: the box goes with its words."""
    root = _root(
        '<div class="card"><img src="a.jpg"><div class="related-text">'
        '<p class="description">Another story</p></div></div>'
    )
    loose_figures.free_captions(root)
    assert ["p"] == [child.tag for child in root[0][1]]


def test_a_picture_whose_sources_the_parser_nested_is_boxed_with_its_caption():
    """<source>s misparsed as wrappers of the <img> do not use up the climb to the caption's box."""
    sources = '<source srcset="a.webp">' * 6
    root = _root(
        f'<div class="slide"><div class="media"><picture>{sources}<img src="a.jpg"></picture></div>'
        '<div class="caption">Dawn</div></div>'
    )
    loose_figures.mark_figures(root)
    assert ("figure", "figcaption") == (root[0].tag, root[0][1].tag)


def test_an_aside_holding_an_image_and_its_caption_becomes_a_figure():
    """<aside class="image"> with a lightbox link, an image and a marked caption is a figure, moved out of a <p>."""
    root = _root(
        '<p>Before. <aside class="image"><a href="a-big.jpg"><img src="a.jpg"></a>'
        '<p class="caption">Dawn.</p></aside> after.</p>'
    )
    loose_figures.free_captions(root)
    assert (["p", "figure"], "Before.  after.") == ([child.tag for child in root], root[0].text_content())


def test_an_aside_with_links_of_its_own_stays_an_aside():
    """A sidebar teaser (an image, a caption-like line and a linked headline) is not a figure."""
    root = _root(
        '<aside><img src="a.jpg"><p class="caption">Most read</p><a href="/other">Another story</a></aside>'
    )
    loose_figures.free_captions(root)
    assert "aside" == root[0].tag


def test_a_script_describing_the_image_is_not_its_caption():
    """JSON-LD in the image's box repeats the alt text; the script is not taken as the caption."""
    root = _root(
        '<div class="media"><script type="application/ld+json">{"name": "Firefighters in masks"}</script>'
        '<img src="a.jpg" alt="Firefighters in masks"><p>Heavy gear</p></div>'
    )
    loose_figures.mark_figures(root)
    assert ["script", "img", "p"] == [child.tag for child in root[0]]


def test_a_captioned_figure_alone_in_a_lightbox_modal_moves_out_of_it():
    """<div class="ui-modal"><figure>...</figure></div>: the figure goes before the wrapper pruning removes."""
    root = _root(
        '<div class="ui-modal"><div class="media"><figure><img src="a.jpg"><figcaption>Dawn</figcaption>'
        '</figure></div><div class="modal-aside">Close</div></div>'
    )
    loose_figures.free_captions(root)
    assert ["figure", "div"] == [child.tag for child in root]


def test_a_figure_in_other_furniture_stays_there():
    """A figure in a "related" box is not moved out: the box goes with it."""
    root = _root(
        '<div class="related"><figure><img src="a.jpg"><figcaption>Other story</figcaption></figure></div>'
    )
    loose_figures.free_captions(root)
    assert ["div"] == [child.tag for child in root]


def test_two_unmarked_lines_under_an_image_ending_with_a_photo_source_are_caption_and_credit():
    """<div><picture><img></picture><div>Caption</div><div>REUTERS</div></div>: a figure, the credit in its caption."""
    root = _root(
        '<div class="sc-a"><picture><img src="a.jpg"></picture><div>Fans with a banner</div><div>REUTERS</div></div>'
    )
    loose_figures.mark_figures(root)
    caption = root[0][1]
    assert ("figure", "figcaption", "Fans with a banner", ["span"], "REUTERS") == (
        root[0].tag,
        caption.tag,
        caption.text,
        [child.tag for child in caption],
        caption[0].text,
    )


def test_two_unmarked_lines_without_a_photo_source_are_left_alone():
    """An image over two lines of text whose last names no photo source is not taken for a figure."""
    root = _root('<div><img src="a.jpg"><div>Our reporter</div><div>Read her story</div></div>')
    loose_figures.mark_figures(root)
    assert "div" == root[0].tag


def test_a_modal_state_class_on_the_body_or_page_root_moves_no_figure():
    """<body class="modal-open"> is page state: the figure stays in the story, and <html class="modal"> reads."""
    page = (
        '<html class="modal"><body class="modal-open"><article><h1>Headline here</h1>'
        '<figure><img src="http://example.com/a.jpg"><figcaption>The mayor speaks</figcaption></figure>'
        + "<p>The council met on Monday to discuss the budget for the coming year.</p>" * 4
        + "</article></body></html>"
    )
    doc = newsdoc.read(page.encode(), format="html", mode="page")
    assert isinstance(doc, newsdoc.Article)
    assert ["Figure", "Paragraph", "Paragraph", "Paragraph", "Paragraph"] == [
        type(block).__name__ for block in doc.body
    ]


def test_an_image_under_more_sources_than_a_picture_lists_gets_no_box():
    """An <img> the parser nested under 40 <source>s is read as it stands: no climb through them all."""
    sources = '<source srcset="a.webp">' * 40
    root = _root(
        f'<div class="slide"><picture>{sources}<img src="a.jpg"></picture><div class="caption">Dawn</div></div>'
    )
    loose_figures.mark_figures(root)
    assert "div" == root[0].tag
