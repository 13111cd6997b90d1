"""The lines above a story's first paragraph: kicker, headline, dek, byline and dates."""

import lxml.html

from newsdoc.formats.html import topmatter
from newsdoc.model import Paragraph, Strong, Text

FIRST = "The first overnight train in two decades left the central station on Monday evening."


def _root(markup: str):
    return lxml.html.fragment_fromstring(f'<div id="root">{markup}</div>')


def _texts(root) -> list[str]:
    return [element.text_content() for element in root if isinstance(element.tag, str)]


def test_what_stands_before_the_headline_goes_but_its_images_stay():
    """Breadcrumbs and kickers above the <h1> are removed; a lead figure above it is kept."""
    root = _root(
        '<div class="crumbs">Home / News</div><figure><img src="/a.jpg"></figure><p>Transport</p><h1>Title</h1><p>After</p>'
    )
    topmatter.strip_before(root, root.find("h1"))
    assert ["figure", "h1", "p"] == [element.tag for element in root]


def test_bylines_date_lines_and_short_labels_after_the_headline_go():
    """The scan removes short lines, bylines and dates, and stops at the first prose line."""
    root = _root(
        "<h1>Title</h1><div>By Lena Fischer and Omar Haddad</div><div>3 February 2025, 21:15</div>"
        f"<div>Share</div><p>{FIRST}</p><p>Short.</p>"
    )
    topmatter.strip_after(root.find("h1"), root, ())
    assert ["Title", FIRST, "Short."] == _texts(root)


def test_a_line_repeating_the_metadata_dek_is_removed_and_returned():
    """The standfirst shown above the story is the dek the metadata states."""
    dek = "A sleeper service runs again after twenty years, connecting the valley with the coast."
    root = _root(f'<p class="intro">{dek}</p><p>{FIRST}</p>')
    found = topmatter.strip_after(None, root, (dek,))
    assert (dek, [FIRST]) == (found, _texts(root))


def test_a_plain_first_paragraph_the_metadata_quotes_is_kept():
    """A description copied from the story's first plain paragraph leaves that paragraph alone."""
    root = _root(f"<p>{FIRST}</p><p>Second.</p>")
    found = topmatter.strip_after(None, root, (FIRST,))
    assert (None, [FIRST, "Second."]) == (found, _texts(root))


def test_a_line_naming_an_author_is_a_byline():
    """A line holding a known author's name, however it is introduced, goes."""
    root = _root(f"<p>Reporting from the coast: Lena Fischer, transport desk</p><p>{FIRST}</p>")
    topmatter.strip_after(None, root, (), ("Lena Fischer",))
    assert [FIRST] == _texts(root)


def test_a_long_first_paragraph_holding_a_year_is_kept():
    """A year inside a real first paragraph does not make it a date line."""
    first = "Water levels at the reservoir fell to 12% on Monday, the lowest since records began in 1921."
    root = _root(f"<p>{first}</p>")
    topmatter.strip_after(None, root, ())
    assert [first] == _texts(root)


def test_a_story_of_short_lines_is_not_eaten_whole():
    """At most MAX_LINES lines are looked at: a poem keeps its later lines."""
    lines = [f"Line {number}" for number in range(40)]
    root = _root("".join(f"<p>{line}</p>" for line in lines))
    topmatter.strip_after(None, root, ())
    assert lines[topmatter.MAX_LINES :] == _texts(root)


def test_short_lines_after_the_last_paragraph_go():
    """After the story's last prose line, labels go; a short line between paragraphs stays."""
    root = _root(
        f"<p>{FIRST}</p><p>Short line.</p><p>{FIRST}</p><p>Read more on this topic</p><div>00:00</div>"
    )
    topmatter.strip_tail(root)
    assert [FIRST, "Short line.", FIRST] == _texts(root)


def test_a_figure_table_list_or_quote_ends_the_story_like_a_paragraph():
    """The scan stops at a list: the short lines above it are the story's."""
    root = _root(f"<p>{FIRST}</p><h2>Key points</h2><p>In short:</p><ul><li>Point</li></ul><div>00:00</div>")
    topmatter.strip_tail(root)
    assert [FIRST, "Key points", "In short:", "Point"] == _texts(root)


def test_a_short_last_sentence_ends_the_story_and_stays():
    """A short closing sentence is the story's: the scan stops there."""
    root = _root(f"<p>{FIRST}</p><p>He declined to comment.</p><p>Share this story</p>")
    topmatter.strip_tail(root)
    assert [FIRST, "He declined to comment."] == _texts(root)


def _paragraphs(*texts: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph((Text(text),)) for text in texts)


_LEDE = "The council voted on Monday to close the old bridge to cars for good."


def test_a_wholly_bold_opening_paragraph_is_the_standfirst():
    """<p><strong>...</strong></p> before plain paragraphs leaves the body as the dek."""
    rest = _paragraphs("First paragraph of the story.", "Second paragraph of the story.")
    body = (Paragraph((Strong((Text(_LEDE),)),)), *rest)
    assert (_LEDE, rest) == topmatter.bold_standfirst(body)


def test_a_bold_opening_needs_plain_paragraphs_after_it_and_a_sentence_length():
    """A short bold label, or a bold paragraph with one paragraph after it, stays in the body."""
    short = (Paragraph((Strong((Text("UPDATE"),)),)), *_paragraphs("One.", "Two."))
    alone = (Paragraph((Strong((Text(_LEDE),)),)), *_paragraphs("One."))
    assert ((None, short), (None, alone)) == (
        topmatter.bold_standfirst(short),
        topmatter.bold_standfirst(alone),
    )


def test_a_partly_bold_opening_paragraph_is_story_text():
    """A paragraph opening with a bold dateline and going on in plain text stays in the body."""
    body = (Paragraph((Strong((Text("LONDON"),)), Text(" - " + _LEDE))), *_paragraphs("One.", "Two."))
    assert (None, body) == topmatter.bold_standfirst(body)


def _page(body: str, root_class: str = "") -> lxml.html.HtmlElement:
    attribute = f' class="{root_class}"' if root_class else ""
    return lxml.html.document_fromstring(f"<html{attribute}><body>{body}</body></html>")


DEK = "The valley line reopens with two night trains a week, the first in twenty years."


def test_the_marked_standfirst_under_the_headline_is_the_header_standfirst():
    """A standfirst-class element a few elements after the <h1> (past the byline) is read."""
    tree = _page(
        f'<header><h1>Night trains</h1><div class="byline">By Ana Costa</div><p class="article-subtitle">{DEK}</p></header>'
    )
    assert DEK == topmatter.header_standfirst(tree)


def test_a_marked_element_far_below_the_headline_is_not_the_header_standfirst():
    """A standfirst class deep in the page (a teaser's summary) is not the header's."""
    filler = "".join(f"<div>Line {n}</div>" for n in range(topmatter.HEADER_SPAN + 5))
    tree = _page(f'<h1>Night trains</h1>{filler}<p class="summary">{DEK}</p>')
    assert None is topmatter.header_standfirst(tree)


def test_a_standfirst_in_bullets_is_read_whole():
    """Sibling points of the same tag and class after the headline are one standfirst."""
    tree = _page(
        '<h1>Night trains</h1><h2 class="subtitle">Two trains a week run from May.</h2>'
        '<h2 class="subtitle">Tickets go on sale on Monday.</h2><p>The story.</p>'
    )
    assert "Two trains a week run from May. Tickets go on sale on Monday." == topmatter.header_standfirst(
        tree
    )


def test_state_classes_on_the_page_root_do_not_hide_the_standfirst():
    """A menu state class on <html> ("header-menu--closed") does not make the header furniture."""
    tree = _page(f'<h1>Night trains</h1><p class="dek">{DEK}</p>', root_class="page header-menu--closed")
    assert DEK == topmatter.header_standfirst(tree)


def test_a_standfirst_class_inside_a_figure_or_a_menu_is_passed_over():
    """A caption or menu item after the headline with a standfirst class is not the standfirst."""
    tree = _page(
        '<h1>Night trains</h1><figure><img src="a.jpg"><figcaption class="summary">The train at dawn in the valley.</figcaption></figure>'
        f'<div class="menu"><p class="intro">Our guide to the night trains of Europe.</p></div><p class="standfirst">{DEK}</p>'
    )
    assert DEK == topmatter.header_standfirst(tree)


def test_an_empty_list_of_icons_after_the_story_does_not_end_the_scan():
    """A share bar of icon links (a list without text) is skipped: the short lines above it go."""
    root = _root(
        f"<p>{FIRST}</p><p>Mit Agenturmaterial</p>"
        '<ul><li><a href="/x"><svg></svg></a></li><li><a href="/y"><svg></svg></a></li></ul>'
    )
    topmatter.strip_tail(root)
    assert [FIRST, ""] == _texts(root)


def test_a_figure_without_a_caption_after_the_story_still_ends_the_scan():
    """An image at the end is the story's: the short line above it stays."""
    root = _root(f'<p>{FIRST}</p><p>Short line</p><figure><img src="/a.jpg"></figure>')
    topmatter.strip_tail(root)
    assert [FIRST, "Short line", ""] == _texts(root)
