"""JSON-LD blocks: broken JSON repaired or skipped, the page's article found among the nodes."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdoc.formats.html.linked_data import (
    MAX_NODES,
    breadcrumb_name,
    find_article,
    parse_blocks,
    resolve,
    types_of,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"headline": "A"}', {"headline": "A"}),
        ('{"headline": "A",}', {"headline": "A"}),
        ('{"keywords": ["a", "b",], "headline": "A",\n}', {"keywords": ["a", "b"], "headline": "A"}),
        ('<!--\n{"headline": "A"}\n-->', {"headline": "A"}),
        ('\n//<![CDATA[\n{"headline": "A"}\n//]]>\n', {"headline": "A"}),
        ('<![CDATA[{"headline": "A"}]]>', {"headline": "A"}),
        ('{"headline": "Line one\nline\ttwo"}', {"headline": "Line one\nline\ttwo"}),
        ('{"headline": "A\x07B"}', {"headline": "A\x07B"}),
        ('{"headline": "It\\\'s"}', {"headline": "It's"}),
        ('[{"@type": "NewsArticle"}]', [{"@type": "NewsArticle"}]),
    ],
)
def test_common_breakage_is_repaired(text, expected):
    """Comments, CDATA, trailing commas, raw control characters and \\' escapes are tolerated."""
    assert [expected] == parse_blocks([text])


@pytest.mark.parametrize("text", ["", "not json", '{"headline": "cut off', "[" * 100_000, "{} {}"])
def test_unrepairable_blocks_are_skipped(text):
    """A block that cannot be repaired is skipped; the others still count."""
    assert [{"ok": 1}] == parse_blocks([text, '{"ok": 1}'])


def test_article_is_found_in_a_graph_with_references():
    """In a Yoast-style @graph, the Article is found and its @id references resolve."""
    graph = {
        "@graph": [
            {"@type": "WebPage", "@id": "#page", "name": "Page"},
            {
                "@type": "Article",
                "@id": "#article",
                "headline": "H",
                "author": {"@id": "#ana", "name": "Ana"},
            },
            {"@type": "Person", "@id": "#ana", "name": "Ana Ruiz", "url": "https://example.com/ana"},
        ]
    }
    article, by_id = find_article([graph])
    assert ({"@id": "#ana", "@type": "Person", "name": "Ana", "url": "https://example.com/ana"}, "H") == (
        resolve(article["author"], by_id) if article else None,
        article["headline"] if article else None,
    )


def test_fullest_article_node_wins():
    """Of several article nodes, the one with headline, date and author is the page's story."""
    teaser = {"@type": "NewsArticle", "headline": "Teaser"}
    story = {"@type": ["NewsArticle", "Article"], "headline": "Story", "datePublished": "2024", "author": "A"}
    assert story == find_article([{"@type": "ItemList", "itemListElement": [teaser]}, story])[0]


def test_articles_inside_an_article_are_its_parts():
    """A live blog's updates, though fuller, do not stand for the live blog."""
    update = {
        "@type": "BlogPosting",
        "headline": "Update",
        "datePublished": "x",
        "author": "A",
        "articleBody": "b",
    }
    live = {"@type": "LiveBlogPosting", "headline": "Live", "liveBlogUpdate": [update]}
    assert live == find_article([live])[0]


def test_article_nested_in_a_web_page_is_found():
    """An article given as a WebPage's mainEntity is found."""
    story = {"@type": "ReportageNewsArticle", "headline": "Story"}
    assert story == find_article([{"@type": "WebPage", "mainEntity": story}])[0]


def test_no_article_gives_none():
    """Blocks without an article type give no article."""
    assert (None, {}) == find_article([{"@type": "BreadcrumbList", "itemListElement": []}, "text", 3])


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        ({"@type": "NewsArticle"}, {"newsarticle"}),
        ({"@type": ["Article", "http://schema.org/BlogPosting"]}, {"article", "blogposting"}),
        ({"@type": "schema:ReportageNewsArticle"}, {"reportagenewsarticle"}),
        ({"@type": 3}, set()),
        ({}, set()),
    ],
)
def test_types_are_read_in_every_spelling(node, expected):
    """@type may be a name, a list, a schema.org URL or a prefixed name."""
    assert expected == types_of(node)


def test_huge_graphs_are_cut_off():
    """Only the first MAX_NODES nodes are visited, so a hostile graph stays cheap."""
    nodes = [{"@type": "Thing"} for _ in range(MAX_NODES)] + [{"@type": "NewsArticle", "headline": "Late"}]
    assert (None, {}) == find_article([{"@graph": nodes}])


def test_deep_nesting_is_cut_off():
    """Nesting deeper than the limit is not followed, and nothing recurses."""
    value: dict[str, object] = {"@type": "NewsArticle", "headline": "Deep"}
    for _ in range(10_000):
        value = {"child": value}
    assert None is find_article([value])[0]


@given(st.lists(st.text(max_size=200), max_size=5))
def test_any_block_text_is_parsed_or_skipped(texts):
    """parse_blocks never raises on any text."""
    assert len(parse_blocks(texts)) <= len(texts)


def test_breadcrumb_name_is_the_last_item_by_position():
    """The breadcrumb's item with the highest position names the page, in item or list order."""
    crumbs = {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": "3", "item": {"@id": "/p", "name": "Harbour closes"}},
            {"@type": "ListItem", "position": 1, "name": "Home"},
            {"@type": "ListItem", "position": 2, "name": "Local"},
        ],
    }
    assert "Harbour closes" == breadcrumb_name([{"@graph": [{"@type": "WebSite"}, crumbs]}])


def test_breadcrumb_without_positions_names_the_page_by_its_last_item():
    """Items without positions are taken in list order; a list without items names nothing."""
    listed = {"@type": "BreadcrumbList", "itemListElement": [{"name": "Home"}, {"name": "Harbour closes"}]}
    empty = {"@type": "BreadcrumbList", "itemListElement": "none"}
    assert ("Harbour closes", None) == (breadcrumb_name([listed]), breadcrumb_name([empty]))
