"""Finding the story in a page by text density, and pruning its furniture."""

import lxml.html

from newsdoc.formats.html import pruning

LONG = "This sentence is long enough to count as prose in a story, with commas, clauses and words. "


def _tree(body: str):
    return lxml.html.document_fromstring(f"<html><body>{body}</body></html>")


def _ids(elements) -> list[str | None]:
    return [element.get("id") for element in elements]


def test_the_story_is_the_element_with_the_most_prose_for_the_least_other_text():
    """Teaser lists full of links lose to the container of the paragraphs."""
    tree = _tree(
        '<div id="teasers">'
        + '<p><a href="/x">A teaser headline that is a link to elsewhere</a></p>' * 8
        + "</div>"
        f'<div id="story"><p>{LONG}</p><p>{LONG}</p><p>{LONG}</p></div>'
    )
    root, _density = pruning.choose_root(tree)
    assert "story" == root.get("id")


def test_a_story_split_around_an_ad_is_read_whole():
    """Two blocks of paragraphs around an ad slot: their common parent is the story."""
    tree = _tree(
        f'<div id="story"><div id="one"><p>{LONG}</p><p>{LONG}</p></div>'
        '<div class="ad-slot">Advertisement Advertisement Advertisement Advertisement</div>'
        f'<div id="two"><p>{LONG}</p><p>{LONG}</p></div></div>'
    )
    root, _density = pruning.choose_root(tree)
    assert "story" == root.get("id")


def test_prose_in_menus_sidebars_and_footers_is_never_the_story():
    """A tight footer text does not win over a story whose container also holds links."""
    links = "<ul>" + '<li><a href="/x">Section name</a></li>' * 12 + "</ul>"
    tree = _tree(
        f'<footer><div id="legal"><p>{LONG}{LONG[:40]}</p></div></footer>'
        f'<div id="story"><p>{LONG}</p>{links}<p>{LONG}</p></div>'
    )
    root, _density = pruning.choose_root(tree)
    assert "story" == root.get("id")


def test_chinese_japanese_and_korean_text_weighs_as_much_as_its_words():
    """Short CJK paragraphs count as prose: each character weighs three Latin letters."""
    tree = _tree('<div id="story"><p>気象庁は十三日、日向灘で地震があったと発表した。</p></div>')
    root, _density = pruning.choose_root(tree)
    assert "story" == root.get("id")


def test_a_page_without_prose_has_no_story():
    """Nothing but short labels and links: no root is chosen."""
    tree = _tree('<div><a href="/">Home</a> <span>Menu</span></div>')
    assert (None, None) == (pruning.choose_root(tree)[0], pruning.headline_element(tree))


def test_pruning_removes_furniture_and_link_lists_but_keeps_the_story_blocks():
    """Share bars, related lists and sign-ups go; figures, tables, quotes and lists stay."""
    tree = _tree(
        f'<div id="story"><p id="p1">{LONG}</p>'
        '<div id="share" class="share-bar"><a href="/s">Share</a></div>'
        '<div id="related"><a href="/a">One story elsewhere</a> <a href="/b">Another story elsewhere</a></div>'
        '<figure id="figure"><img src="/a.jpg"><figcaption>A caption</figcaption></figure>'
        '<table id="table"><tr><td><a href="/t">Linked cell</a></td></tr></table>'
        '<blockquote id="quote"><p>Quoted words.</p><footer id="cite">Someone</footer></blockquote>'
        '<ul id="list"><li>First point of the story</li><li>Second point</li></ul>'
        '<div id="signup" class="newsletter-box"><p>Sign up for our newsletter today.</p></div>'
        f"<p>{LONG}</p></div>"
    )
    root, density = pruning.choose_root(tree)
    pruning.prune(root, density)
    kept = _ids(element for element in root.iter() if element.get("id"))
    assert ["story", "p1", "figure", "table", "quote", "cite", "list"] == kept


def test_a_story_wrapper_whose_class_names_a_share_bar_is_kept():
    """An element holding most of the story's prose stays whatever its class says."""
    tree = _tree(
        f'<div id="story"><div id="inner" class="article has-share-bar"><p>{LONG}</p><p>{LONG}</p></div></div>'
    )
    root, density = pruning.choose_root(tree)
    pruning.prune(root.getparent(), density)
    assert ["story", "inner"] == _ids(element for element in tree.iter("div"))


def test_pruning_spares_what_the_caller_keeps():
    """A byline is link-dense, but the caller reads it first: kept."""
    tree = _tree(
        f'<div id="story"><div id="byline" class="byline">By <a href="/ana">Ana Costa</a></div><p>{LONG}</p></div>'
    )
    root, density = pruning.choose_root(tree)
    pruning.prune(root, density, keep=lambda element: element.get("class") == "byline")
    assert ["story", "byline"] == _ids(tree.iter("div"))


def test_the_headline_element_is_the_first_h1_outside_the_menus():
    """A logo <h1> in the navigation is not the headline."""
    tree = _tree('<nav><h1 id="logo">Site</h1></nav><article><h1 id="headline">Story</h1></article>')
    assert "headline" == pruning.headline_element(tree).get("id")


def test_a_page_with_a_menu_has_furniture_and_a_bare_story_has_none():
    """has_furniture sees menus, roles and class words; a plain story has none of them."""
    assert (True, True, False) == (
        pruning.has_furniture(_tree("<nav>Menu</nav><p>Text</p>")),
        pruning.has_furniture(_tree('<div class="cookie-notice">OK</div><p>Text</p>')),
        pruning.has_furniture(_tree("<article><h1>T</h1><p>Text</p></article>")),
    )


def test_a_story_inside_an_unclosed_aside_is_still_found():
    """A landmark holding most of the page's prose is where the story is."""
    tree = _tree(f'<aside class="secondary"><div id="story"><p>{LONG}</p><p>{LONG}</p></div></aside>')
    root, _density = pruning.choose_root(tree)
    assert "story" == root.get("id")


def test_hidden_elements_and_teaser_cards_are_pruned():
    """Inline-hidden blocks, nested <article> cards and linked subheadings go."""
    tree = _tree(
        f'<div id="story"><p id="p1">{LONG}</p><div id="hidden" style="display: none">{LONG}</div>'
        '<article id="card"><p>Another story entirely</p></article>'
        '<h3 id="teaser"><a href="/other">Read this other story</a></h3>'
        f'<h2 id="subheading">A real subheading</h2><p id="p2">{LONG}</p></div>'
    )
    root, density = pruning.choose_root(tree)
    pruning.prune(root, density)
    assert ["story", "p1", "subheading", "p2"] == _ids(
        element for element in tree.iter() if element.get("id")
    )


def _card(number: int) -> str:
    return (
        f'<div class="card"><h3><a href="/{number}">Another story that the site would like you to read</a></h3>'
        "<p>Its excerpt: a sentence or two telling what the other story is about.</p></div>"
    )


def test_a_list_of_teaser_cards_beside_the_story_is_not_part_of_it():
    """Cards of a linked headline and a short excerpt count against a container, not as its prose."""
    tree = _tree(
        f'<div id="page"><div id="story"><p>{LONG}</p><p>{LONG}</p></div>'
        f'<div id="more">{"".join(_card(number) for number in range(6))}</div></div>'
    )
    root, _density = pruning.choose_root(tree)
    assert "story" == root.get("id")


def test_a_read_more_card_between_paragraphs_is_pruned():
    """A box of a headline that is wholly a link and its excerpt goes; the story's paragraphs stay."""
    card = (
        '<div id="card"><p>Read more</p><a href="/other">Another story that the site would like you to read</a>'
        "<p>Its excerpt: a sentence or two telling what the other story is about.</p></div>"
    )
    tree = _tree(f'<div id="story"><p id="p1">{LONG}</p>{card}<p id="p2">{LONG}</p></div>')
    root, density = pruning.choose_root(tree)
    pruning.prune(root, density)
    assert ["story", "p1", "p2"] == _ids(element for element in tree.iter() if element.get("id"))


def test_a_section_with_a_plain_heading_and_a_short_paragraph_is_not_a_card():
    """Without a linked headline, a short section of the story stays."""
    tree = _tree(
        f'<div id="story"><p>{LONG}</p><section id="part"><h2>Background</h2>'
        '<p>A short paragraph of the story, with <a href="/x">one link</a> in it.</p></section></div>'
    )
    root, density = pruning.choose_root(tree)
    pruning.prune(root, density)
    assert ["story", "part"] == _ids(element for element in tree.iter() if element.get("id"))


def test_text_for_screen_readers_only_is_not_counted_and_is_pruned():
    """An "sr-only" span repeating a label is not shown: it goes with the furniture."""
    tree = _tree(
        f'<div id="story"><p id="p1">{LONG}<span id="label" class="sr-only">Opens in a new window</span></p></div>'
    )
    root, density = pruning.choose_root(tree)
    pruning.prune(root, density)
    assert (len(LONG.strip()), ["story", "p1"]) == (
        density.text[root],
        _ids(element for element in tree.iter() if element.get("id")),
    )


def test_a_fact_box_longer_than_the_story_is_still_pruned():
    """A box beside the story (a transcript in a "factbox") goes even when it outweighs the story."""
    tree = _tree(
        f'<div id="story"><p id="p1">{LONG}</p><div id="box" class="article-factbox">'
        f'<p>{LONG}</p><p>{LONG}</p><p>{LONG}</p></div><p id="p2">{LONG}</p></div>'
    )
    root, density = pruning.choose_root(tree)
    pruning.prune(root, density)
    assert ["story", "p1", "p2"] == _ids(element for element in tree.iter() if element.get("id"))


def test_a_box_left_with_only_its_label_goes_with_its_furniture():
    """A "Related articles" heading over a pruned teaser list goes; a short box with an image stays."""
    tree = _tree(
        f'<div id="story"><p id="p1">{LONG}</p>'
        '<div id="more"><div>Related articles</div><ul class="related-list"><li><a href="/a">A</a></li></ul></div>'
        '<div id="photo"><img src="/a.jpg"><span>Photo: Ana Costa</span><div class="share-bar"><a href="/s">Share</a></div></div>'
        f'<p id="p2">{LONG}</p></div>'
    )
    root, density = pruning.choose_root(tree)
    pruning.prune(root, density)
    assert ["story", "p1", "photo", "p2"] == _ids(element for element in tree.iter() if element.get("id"))
