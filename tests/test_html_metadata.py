"""Page metadata: golden heads per CMS pattern, source priority, cleaning, and no exceptions."""

import datetime as dt
import json

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdoc import Author, Figure, Image, Text
from newsdoc.formats.html.metadata import PageMetadata, extract_metadata

from .paths import FIXTURES

GOLDEN = sorted((FIXTURES / "html_metadata").glob("*.html"))


def as_json(meta: PageMetadata) -> dict[str, object]:
    """The golden files' JSON form of *meta*: dates in ISO 8601, figures flattened."""

    def when(value: dt.date | None) -> str | None:
        return None if value is None else value.isoformat()

    def figure(value: Figure | None) -> dict[str, object] | None:
        if value is None:
            return None
        image = value.image or Image("")
        return {
            "src": image.src,
            "alt": image.alt,
            "width": image.width,
            "height": image.height,
            "media_type": image.media_type,
            "caption": "".join(node.text for node in value.caption if isinstance(node, Text)) or None,
            "credit": value.credit,
        }

    return {
        "headline": meta.headline,
        "dek": meta.dek,
        "authors": [
            {"name": a.name, "title": a.title, "organization": a.organization, "bio": a.bio, "url": a.url}
            for a in meta.authors
        ],
        "published": when(meta.published),
        "updated": when(meta.updated),
        "section": meta.section,
        "tags": list(meta.tags),
        "url": meta.url,
        "language": meta.language,
        "publisher": meta.publisher,
        "lead": figure(meta.lead),
        "images": [figure(image) for image in meta.images],
    }


def page(markup: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(markup)


def head(*elements: str, lang: str = "") -> lxml.html.HtmlElement:
    attribute = f' lang="{lang}"' if lang else ""
    return page(f"<html{attribute}><head>{''.join(elements)}</head><body><p>x</p></body></html>")


@pytest.mark.parametrize("path", GOLDEN, ids=[path.stem for path in GOLDEN])
def test_golden_page_metadata(path):
    """Each hand-written head gives exactly the metadata its golden JSON lists."""
    golden = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    tree = page(path.read_text(encoding="utf-8"))
    assert golden["expected"] == as_json(extract_metadata(tree, golden["page_url"]))


def test_json_ld_wins_over_opengraph_for_the_headline():
    """The JSON-LD headline is taken over og:title and <title>."""
    tree = head(
        "<title>Title words | Site</title>",
        '<meta property="og:title" content="Social words">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Schema words"}</script>',
    )
    assert "Schema words" == extract_metadata(tree, None).headline


def test_opengraph_description_wins_over_json_ld_for_the_dek():
    """og:description is the dek even when JSON-LD has a description (often an image caption)."""
    tree = head(
        '<meta property="og:description" content="The standfirst.">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "description": "A caption."}</script>',
    )
    assert "The standfirst." == extract_metadata(tree, None).dek


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Rain at last | The Gazette", "Rain at last"),
        ("Rain at last - The Gazette", "Rain at last"),
        ("Rain at last \u2013 THE GAZETTE", "Rain at last"),
        ("The Gazette | Rain at last", "Rain at last"),
        ("Rain at last | Weather | The Gazette", "Rain at last"),
        ("Rain at last - what it means for farmers", "Rain at last - what it means for farmers"),
        ("Rain at last | gazette.example", "Rain at last"),
        ("Rain at last\u3163The Gazette", "Rain at last"),
        ("Rain at last\uff5cThe Gazette", "Rain at last"),
    ],
)
def test_title_loses_the_site_name_and_section(title, expected):
    """A <title> part naming the site (or the section) is dropped; other parts stay."""
    tree = head(
        f"<title>{title}</title>",
        '<meta property="og:site_name" content="The Gazette">',
        '<meta property="article:section" content="Weather">',
    )
    assert expected == extract_metadata(tree, "https://www.gazette.example/rain").headline


def test_title_naming_only_the_site_is_no_headline():
    """A home page's title, the site name alone, is not taken as a headline."""
    tree = head("<title>The Gazette</title>", '<meta property="og:site_name" content="The Gazette">')
    assert None is extract_metadata(tree, None).headline


def test_titles_with_thousands_of_parts_are_stripped_without_recursion():
    """Stripping repeated site-name parts is a loop, however many there are."""
    title = "Rain at last" + " | The Gazette" * 5000
    tree = head(f"<title>{title}</title>", '<meta property="og:site_name" content="The Gazette">')
    assert "Rain at last" == extract_metadata(tree, None).headline


def test_title_part_naming_the_host_is_dropped():
    """Without a site name, a title part matching the host name is dropped."""
    tree = head("<title>Rain at last | Gazette Online</title>")
    assert "Rain at last" == extract_metadata(tree, "https://gazette.co.uk/rain").headline


def test_naive_time_is_kept_as_its_date():
    """A time with no zone cannot be placed on the timeline, so only its day is kept."""
    tree = head('<meta property="article:published_time" content="2024-04-24T22:58:49">')
    assert dt.date(2024, 4, 24) == extract_metadata(tree, None).published


def test_a_later_source_with_a_zone_makes_the_date_exact():
    """A zoned time from a lower source replaces a naive one from a higher source on the same day."""
    tree = head(
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-04-28T13:53:25"}</script>',
        '<meta name="parsely-pub-date" content="2023-04-28T13:53:25Z">',
    )
    assert dt.datetime(2023, 4, 28, 13, 53, 25, tzinfo=dt.UTC) == extract_metadata(tree, None).published


def test_a_zoned_time_on_another_day_does_not_replace_the_date():
    """A lower source's time on a different day is not taken as the same event."""
    tree = head(
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-04-30"}</script>',
        '<meta name="date" content="2024-05-02T08:00:00+02:00">',
    )
    assert dt.date(2024, 4, 30) == extract_metadata(tree, None).published


def test_dates_keep_the_page_time_zone():
    """Offsets are kept as written, not converted to UTC."""
    tree = head('<meta property="article:published_time" content="2024-09-02T17:07:00+05:30">')
    expected = dt.datetime(2024, 9, 2, 17, 7, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))
    published = extract_metadata(tree, None).published
    assert isinstance(published, dt.datetime)
    assert (expected, expected.utcoffset()) == (published, published.utcoffset())


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<html lang="pt-br"><head></head><body></body></html>', "pt-BR"),
        (
            '<html lang="*"><head><meta property="og:locale" content="de_DE"></head><body></body></html>',
            "de-DE",
        ),
        ('<html><head><meta http-equiv="content-language" content="sv"></head><body></body></html>', "sv"),
        ('<html lang="en_US"><head></head><body></body></html>', "en-US"),
        ('<html lang="x"><head></head><body></body></html>', None),
    ],
)
def test_language_is_a_valid_bcp47_tag_or_nothing(markup, expected):
    """Language tags are normalized to BCP 47; invalid ones are dropped."""
    assert expected == extract_metadata(page(markup), None).language


def test_relative_links_resolve_against_the_page_address():
    """Canonical and image links are made absolute with the url given."""
    tree = head(
        '<link rel="canonical" href="/news/a.html">', '<meta property="og:image" content="../img/b.jpg">'
    )
    meta = extract_metadata(tree, "https://example.com/section/page.html")
    assert ("https://example.com/news/a.html", "https://example.com/img/b.jpg") == (
        meta.url,
        meta.lead.image.src if meta.lead and meta.lead.image else None,
    )


def test_url_falls_back_to_the_address_given():
    """With no canonical link, the page's own address is its url."""
    assert "https://example.com/a" == extract_metadata(head(), "https://example.com/a").url


@pytest.mark.parametrize(
    "link",
    ["javascript:alert(1)", "data:text/html,hi", "vbscript:x", "mailto:a@example.com", "ftp://x/y.jpg"],
)
def test_only_http_links_are_kept(link):
    """Canonical and image links that are not http(s) are dropped."""
    tree = head(f'<link rel="canonical" href="{link}">', f'<meta property="og:image" content="{link}">')
    meta = extract_metadata(tree, None)
    assert (None, None) == (meta.url, meta.lead)


def test_author_urls_are_not_names():
    """article:author profile URLs are not taken as names; the next source's names are."""
    tree = head(
        '<meta property="article:author" content="https://www.facebook.com/gazette">',
        '<meta name="author" content="Ana Ruiz">',
    )
    assert (Author("Ana Ruiz"),) == extract_metadata(tree, None).authors


def test_site_name_as_author_yields_to_a_person():
    """An author that only names the site gives way to a later source naming a person."""
    tree = head(
        '<meta property="og:site_name" content="Gazette">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Gazette"}}</script>',
        '<meta name="author" content="Ana Ruiz">',
    )
    assert (Author("Ana Ruiz"),) == extract_metadata(tree, None).authors


def test_site_name_as_only_author_stays():
    """When no source names a person, the outlet credited as author is kept."""
    tree = head(
        '<meta property="og:site_name" content="Gazette">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Gazette"}}</script>',
    )
    assert (Author("Gazette"),) == extract_metadata(tree, None).authors


def test_meta_author_naming_the_outlet_beside_a_reporter_is_dropped():
    """Of two <meta name=author> tags, the one naming the site is the outlet, not a byline."""
    tree = head(
        '<meta property="og:site_name" content="Hanguk Daily">',
        '<meta name="author" content="Hanguk Daily">',
        '<meta name="author" content="\uc2e0\ud604\uc8fc \uae30\uc790">',
    )
    assert (Author("\uc2e0\ud604\uc8fc", title="\uae30\uc790"),) == extract_metadata(tree, None).authors


def test_json_ld_person_fields_fill_the_author():
    """A JSON-LD Person's jobTitle and url become the author's title and url."""
    tree = head(
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"@type": "Person",'
        ' "givenName": "Anna Giulia", "familyName": "Fink", "jobTitle": "Korrespondentin",'
        ' "url": "/autoren/fink"}]}</script>'
    )
    expected = (Author("Anna Giulia Fink", title="Korrespondentin", url="https://example.at/autoren/fink"),)
    assert expected == extract_metadata(tree, "https://example.at/story").authors


def test_json_ld_image_object_gives_caption_and_credit():
    """An ImageObject's caption and creditText become the lead figure's caption and credit."""
    tree = head(
        '<script type="application/ld+json">{"@type": "NewsArticle", "image": {"@type": "ImageObject",'
        ' "url": "https://example.com/a.jpg", "caption": "Crowds at dawn.", "creditText": "Jo Bloggs/AP",'
        ' "width": {"@type": "QuantitativeValue", "value": 1200}, "height": "800px"}}</script>'
    )
    expected = Figure(
        image=Image("https://example.com/a.jpg", width=1200, height=800),
        caption=(Text("Crowds at dawn."),),
        credit="Jo Bloggs/AP",
    )
    assert expected == extract_metadata(tree, None).lead


def test_html_entities_and_tags_in_json_ld_text_are_decoded():
    """JSON-LD text with escaped entities and stray tags reads as plain text."""
    tree = head(
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "Tom &amp; Jerry <em>return</em>", "publisher": {"name": "Verlag GmbH &amp; Co. KG"}}</script>'
    )
    meta = extract_metadata(tree, None)
    assert ("Tom & Jerry return", "Verlag GmbH & Co. KG") == (meta.headline, meta.publisher)


def test_double_encoded_utf8_is_repaired():
    """Cyrillic that a CMS encoded twice (UTF-8 read as Latin-1) is read back as Cyrillic."""
    mangled = "Андрей Колесников".encode().decode("latin-1")
    tree = head(
        '<script type="application/ld+json">'
        + json.dumps({"@type": "NewsArticle", "author": {"@type": "Person", "name": mangled}})
        + "</script>"
    )
    assert (Author("Андрей Колесников"),) == extract_metadata(tree, None).authors


def test_characters_the_model_refuses_are_dropped():
    """Control characters in metadata are removed, so every value fits the model."""
    tree = head(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A\\u0007B\\ufffeC"}</script>'
    )
    assert "ABC" == extract_metadata(tree, None).headline


def test_microdata_of_an_image_is_not_the_article_byline():
    """An image's itemprop=author (its photographer) is not an author of the article."""
    tree = page(
        '<html><body><article itemscope itemtype="http://schema.org/NewsArticle">'
        '<span itemprop="author">Ana Ruiz</span>'
        '<figure itemscope itemtype="http://schema.org/ImageObject">'
        '<meta itemprop="author" content="(Image: Getty Images)"></figure></article></body></html>'
    )
    assert (Author("Ana Ruiz"),) == extract_metadata(tree, None).authors


def test_metas_outside_the_head_are_read():
    """OpenGraph tags that a parser moved into the body (after stray markup) still count."""
    tree = page(
        '<html><head><title>T</title></head><body><div></div><meta property="og:title" content="Moved"></body></html>'
    )
    assert "Moved" == extract_metadata(tree, None).headline


def test_time_element_dates_a_page_with_nothing_else():
    """The first <time datetime> is the published date when no metadata gives one."""
    tree = page('<html><body><time datetime="2021-02-21">21. Februar</time></body></html>')
    assert dt.date(2021, 2, 21) == extract_metadata(tree, None).published


def test_live_blog_updates_do_not_stand_for_the_article():
    """Updates nested in a LiveBlogPosting are its parts; the live blog itself is the article."""
    tree = head(
        '<script type="application/ld+json">{"@type": "LiveBlogPosting", "headline": "Riots: live",'
        ' "liveBlogUpdate": [{"@type": "BlogPosting", "headline": "Loud bang heard",'
        ' "datePublished": "2024-08-04T13:23:00Z", "author": "Tim Hanlon", "articleBody": "..."}]}</script>'
    )
    assert "Riots: live" == extract_metadata(tree, None).headline


def test_empty_page_gives_empty_metadata():
    """A page with no metadata gives PageMetadata() with every field empty."""
    assert PageMetadata() == extract_metadata(page("<p>hello</p>"), None)


# Text lxml accepts in a tree: no control characters or lone surrogates.
xml_text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=300)


@given(xml_text)
def test_any_json_ld_text_never_raises(text):
    """Whatever a JSON-LD block holds, extraction returns metadata."""
    tree = head('<script type="application/ld+json"></script>')
    tree.find(".//script").text = text
    assert isinstance(extract_metadata(tree, "https://example.com/"), PageMetadata)


def json_containers(children):
    return st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    json_containers,
    max_leaves=30,
)
article_keys = st.sampled_from(
    [
        "headline",
        "name",
        "author",
        "datePublished",
        "dateModified",
        "image",
        "publisher",
        "keywords",
        "articleSection",
        "inLanguage",
        "url",
        "mainEntityOfPage",
        "description",
        "@id",
        "@graph",
        "creator",
    ]
)


@given(st.dictionaries(article_keys, json_values, max_size=8))
def test_any_json_ld_article_never_raises(fields):
    """A NewsArticle whose fields hold any JSON values still gives metadata."""
    block = json.dumps({"@type": "NewsArticle", **fields}).replace("<", "\\u003c")
    tree = head(f'<script type="application/ld+json">{block}</script>')
    assert isinstance(extract_metadata(tree, "https://example.com/"), PageMetadata)


meta_keys = st.sampled_from(
    [
        "og:title",
        "og:image",
        "og:image:width",
        "og:locale",
        "article:published_time",
        "author",
        "keywords",
        "article:tag",
        "description",
        "og:url",
        "twitter:image:alt",
        "date",
        "og:site_name",
    ]
)


@given(st.lists(st.tuples(meta_keys, xml_text), max_size=8), xml_text)
def test_any_meta_values_never_raise(pairs, lang):
    """Meta tags holding any text still give metadata with model-valid values."""
    tree = head(lang=lang.replace('"', ""))
    for key, value in pairs:
        tree.find("head").append(lxml.html.Element("meta", property=key, content=value))
    assert isinstance(extract_metadata(tree, "https://example.com/a"), PageMetadata)


def test_json_ld_article_body_is_read_as_lines():
    """articleBody is kept as its non-empty lines, entities decoded."""
    tree = head(
        '<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "One &amp; two.\\n\\nThree."}</script>'
    )
    assert ("One & two.", "Three.") == extract_metadata(tree, None).body_text


def test_a_json_ld_image_caption_gives_up_its_credit():
    """An ImageObject caption ending in "(Name/Agency)" has its credit split off."""
    tree = head(
        '<script type="application/ld+json">{"@type": "NewsArticle", "image": {"@type": "ImageObject",'
        ' "url": "https://example.com/a.jpg", "caption": "The minister speaks. (Jane Doe/Example Press)"}}</script>'
    )
    lead = extract_metadata(tree, None).lead
    assert lead is not None
    assert ((Text("The minister speaks."),), "Jane Doe/Example Press") == (lead.caption, lead.credit)


def test_a_cut_short_description_gives_way_to_the_whole_one():
    """og:description cut mid-word yields to the JSON-LD description holding all of it and more."""
    whole = "The council voted for the scheme after a year of consultation with residents and shops."
    tree = head(
        '<meta property="og:description" content="The council voted for the scheme after a year of consul">',
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "description": "{whole}"}}</script>',
    )
    assert whole == extract_metadata(tree, None).dek


def test_a_different_longer_description_does_not_replace_the_first():
    """A longer JSON-LD description saying something else leaves og:description the dek."""
    tree = head(
        '<meta property="og:description" content="The standfirst.">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "description": "A caption of the lead photo."}</script>',
    )
    assert "The standfirst." == extract_metadata(tree, None).dek


def test_a_suffix_joined_without_spaces_goes_when_another_source_states_the_headline_alone():
    """og:title "Headline-Politics" and <meta name="headline"> "Headline": the headline ends where the other does."""
    tree = head(
        '<meta property="og:title" content="Harbour closes for a week-Politics">',
        '<meta name="headline" content="Harbour closes for a week">',
    )
    assert "Harbour closes for a week" == extract_metadata(tree, None).headline


def test_a_longer_headline_is_kept_when_the_rest_is_not_a_suffix():
    """A shorter source that stops mid-headline (no separator after it) does not cut the headline."""
    tree = head(
        '<meta property="og:title" content="Harbour closes for a week after the storm">',
        '<meta name="headline" content="Harbour closes for a week">',
    )
    assert "Harbour closes for a week after the storm" == extract_metadata(tree, None).headline


BREADCRUMB = (
    '<script type="application/ld+json">{"@graph": ['
    '{"@type": "NewsArticle", "headline": "Search words for the harbour story"},'
    '{"@type": "BreadcrumbList", "itemListElement": ['
    '{"@type": "ListItem", "position": 1, "name": "Home"},'
    '{"@type": "ListItem", "position": 2, "item": {"@id": "/h", "name": "%s"}}]}]}</script>'
)


def test_a_breadcrumb_naming_the_page_by_og_title_makes_it_the_headline():
    """JSON-LD's breadcrumb repeating og:title, not the JSON-LD headline, outvotes the headline."""
    tree = head(
        '<meta property="og:title" content="Harbour closes for a week">',
        BREADCRUMB % "Harbour closes for a week",
    )
    assert "Harbour closes for a week" == extract_metadata(tree, None).headline


def test_a_breadcrumb_repeating_the_json_ld_headline_keeps_it():
    """A breadcrumb naming the page by the JSON-LD headline (or by a section) leaves it the headline."""
    same = head(
        '<meta property="og:title" content="Harbour closes for a week">',
        BREADCRUMB % "Search words for the harbour story",
    )
    section = head('<meta property="og:title" content="Harbour closes for a week">', BREADCRUMB % "Local")
    expected = ("Search words for the harbour story", "Search words for the harbour story")
    assert expected == (extract_metadata(same, None).headline, extract_metadata(section, None).headline)


def body_page(head_markup: str, body: str) -> lxml.html.HtmlElement:
    return page(f"<html><head>{head_markup}</head><body>{body}</body></html>")


OG_DEK = (
    '<meta property="og:description" content="Night trains return to the valley line after twenty years.">'
)


def test_the_standfirst_the_header_shows_wins_over_og_description():
    """The marked standfirst under the <h1> is the dek, over a reworded link-preview description."""
    shown = "Two night trains a week will run on the valley line from May, with tickets on sale now."
    tree = body_page(OG_DEK, f'<h1>Night trains are back</h1><p class="standfirst">{shown}</p>')
    assert shown == extract_metadata(tree, None).dek


def test_a_header_line_about_nothing_the_page_states_is_not_the_dek():
    """A marked line sharing no word with the headline or descriptions (a promotion) leaves og:description."""
    tree = body_page(
        OG_DEK, '<h1>Night trains are back</h1><p class="standfirst">Read our full coverage this week.</p>'
    )
    assert "Night trains return to the valley line after twenty years." == extract_metadata(tree, None).dek


def test_a_header_standfirst_holding_the_description_after_a_caption_yields_to_it():
    """A caption run into the marked standfirst before the description's words leaves the description."""
    tree = body_page(
        OG_DEK,
        '<h1>Night trains</h1><div class="dek">The train at dawn. Photo: Jane Doe '
        "Night trains return to the valley line after twenty years.</div>",
    )
    assert "Night trains return to the valley line after twenty years." == extract_metadata(tree, None).dek
