"""The HTML writer: semantic markup, the page head, JSON-LD, stylesheet options, valid spans and dates."""

import datetime as dt
import json
import re
import warnings

import lxml.html
import pytest
from hypothesis import given

import newsdoc
from newsdoc import (
    Article,
    Author,
    Collection,
    Figure,
    Heading,
    Image,
    Paragraph,
    Table,
    TableCell,
    Text,
    WriteError,
)
from newsdoc.formats.html.read import read_html
from newsdoc.formats.html.stylesheet import DEFAULT_STYLESHEET
from newsdoc.formats.html.tablegrid import Layout, layout
from newsdoc.formats.html.write import write_html
from newsdoc.testing import articles, documents

from .paths import FIXTURES

HTML = FIXTURES / "html"
T = Text
FULL = newsdoc.read(HTML / "full-article.json")


def _head(page: str) -> dict[str, list[str]]:
    """The page's <meta> values by name or property, and the canonical link."""
    tree = lxml.html.document_fromstring(page.encode("utf-8"))
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = meta.get("name") or meta.get("property") or ("charset" if meta.get("charset") else "")
        found.setdefault(key, []).append(meta.get("content") or meta.get("charset") or "")
    found["canonical"] = [link.get("href") for link in tree.iter("link") if link.get("rel") == "canonical"]
    found["title"] = [tree.findtext(".//title")]
    return found


def _json_ld(page: str):
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, flags=re.DOTALL)
    assert block is not None
    return json.loads(block.group(1))


def test_the_article_markup_matches_the_golden_file():
    """Every block, inline and metadata field has its element: the fragment is the documented markup."""
    expected = (HTML / "full-article.html").read_text(encoding="utf-8")
    assert expected == write_html(FULL, fragment=True)


def test_a_page_is_a_complete_html5_document_around_the_article():
    """Doctype, <html lang>, <head>, then <body><main> holding exactly the fragment."""
    page = write_html(FULL)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n')
    assert f"<body>\n<main>\n{write_html(FULL, fragment=True)}</main>\n</body>\n</html>\n" in page


def test_the_head_names_title_description_canonical_and_opengraph():
    """Title, description, author, canonical link, OpenGraph and article:* tags come from the article."""
    head = _head(write_html(FULL))
    assert ["Flood barrier holds as river peaks"] == head["title"]
    assert ["Engineers say the new gates spared the old town"] == head["description"]
    assert ["Ana Ruiz, Tom Lee"] == head["author"]
    assert ["https://example.com/news/flood-barrier"] == head["canonical"]
    assert [f"newsdoc {newsdoc.__version__}"] == head["generator"]
    assert ["article"] == head["og:type"]
    assert ["Flood barrier holds as river peaks"] == head["og:title"]
    assert ["https://example.com/news/flood-barrier"] == head["og:url"]
    assert ["The Example Times"] == head["og:site_name"]
    assert ["en_GB"] == head["og:locale"]
    assert ["https://example.com/barrier.jpg"] == head["og:image"]
    assert ["The barrier at dawn"] == head["og:image:alt"]
    assert ["2025-11-19T18:42:00-08:00"] == head["article:published_time"]
    assert ["2025-11-20"] == head["article:modified_time"]
    assert ["Environment"] == head["article:section"]
    assert ["floods", "Spain"] == head["article:tag"]
    assert ["summary_large_image"] == head["twitter:card"]


def test_json_ld_describes_the_article_as_a_schema_org_news_article():
    """Headline, description, people, dates, images with caption and credit, publisher, keywords."""
    expected = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Flood barrier holds as river peaks",
        "description": "Engineers say the new gates spared the old town",
        "author": [
            {
                "@type": "Person",
                "name": "Ana Ruiz",
                "jobTitle": "Environment correspondent",
                "description": "Ana covers climate and water.",
                "url": "https://example.com/ana",
            },
            {
                "@type": "Person",
                "name": "Tom Lee",
                "affiliation": {"@type": "Organization", "name": "Reuters"},
            },
        ],
        "datePublished": "2025-11-19T18:42:00-08:00",
        "dateModified": "2025-11-20",
        "image": [
            {
                "@type": "ImageObject",
                "url": "https://example.com/barrier.jpg",
                "caption": "The barrier at dawn, before the peak.",
                "creditText": "Photo: Jane Doe/Example",
                "width": 1600,
                "height": 900,
                "encodingFormat": "image/jpeg",
            }
        ],
        "publisher": {"@type": "Organization", "name": "The Example Times"},
        "keywords": ["floods", "Spain"],
        "articleSection": "Environment",
        "dateline": "SEVILLE, Spain",
        "inLanguage": "en-GB",
        "url": "https://example.com/news/flood-barrier",
        "mainEntityOfPage": "https://example.com/news/flood-barrier",
    }
    assert expected == _json_ld(write_html(FULL))


def test_the_default_stylesheet_is_embedded_and_can_be_replaced_or_left_out():
    """stylesheet=None leaves no <style>; a string replaces newsdoc's own."""
    doc = Article(headline="Hi")
    assert f"<style>\n{DEFAULT_STYLESHEET}</style>\n" in write_html(doc)
    assert "<style>" not in write_html(doc, stylesheet=None)
    assert "<style>\nbody { color: red; }\n</style>\n" in write_html(doc, stylesheet="body { color: red; }\n")
    assert "<style>" not in write_html(doc, fragment=True)


def test_an_untitled_article_still_has_a_title_and_no_empty_heading():
    """<title> must not be empty: the publisher, else "Article"; no <h1> is written for no headline."""
    assert ["The Times"] == _head(write_html(Article(publisher="The Times")))["title"]
    assert ["Article"] == _head(write_html(Article()))["title"]
    assert '<article data-newsdoc="1">\n</article>\n' == write_html(Article(), fragment=True)


def test_a_collection_is_a_section_of_articles_with_its_own_header():
    """Title and date in the section's header; the page language is the articles' common one."""
    doc = Collection(
        "Morning briefing",
        (Article(headline="One", language="fr"), Article(headline="Two", language="fr")),
        dt.date(2025, 1, 2),
    )
    page = write_html(doc)
    assert '<html lang="fr">' in page
    expected = (
        '<section class="collection" data-newsdoc="1">\n'
        '<header><h1>Morning briefing</h1><p class="dates"><time class="published" datetime="2025-01-02">'
        "2025-01-02</time></p></header>\n"
        '<article data-newsdoc="1" lang="fr">\n<header>\n<h1>One</h1>\n</header>\n</article>\n'
        '<article data-newsdoc="1" lang="fr">\n<header>\n<h1>Two</h1>\n</header>\n</article>\n'
        "</section>\n"
    )
    assert expected == write_html(doc, fragment=True)
    ld = _json_ld(page)
    assert ("CollectionPage", "Morning briefing", ["One", "Two"]) == (
        ld["@type"],
        ld["name"],
        [part["headline"] for part in ld["hasPart"]],
    )


def test_headings_never_skip_a_level_and_keep_the_model_level_beside():
    """After the h1 headline an h4 is written h2 with data-level="4"; shallower ones are kept."""
    doc = Article(headline="H", body=(Heading(4, (T("a"),)), Heading(6, (T("b"),)), Heading(2, (T("c"),))))
    expected = '<h2 data-level="4">a</h2>\n<h3 data-level="6">b</h3>\n<h2>c</h2>\n'  # each one below the last
    assert expected in write_html(doc, fragment=True)


def test_images_in_the_body_load_lazily_and_the_lead_does_not():
    """loading="lazy" on body images only: the lead is what a reader sees first."""
    image = Image("a.jpg", alt="A")
    doc = Article(lead=Figure(image), body=(Figure(image),))
    fragment = write_html(doc, fragment=True)
    assert '<figure class="lead"><img src="a.jpg" alt="A"></figure>' in fragment
    assert '<figure><img src="a.jpg" alt="A" loading="lazy"></figure>' in fragment


def test_urls_a_validator_refuses_are_escaped_and_kept_exactly_beside():
    """A stray "%" or a space is escaped in href/src; data-href/data-src keep the model's value."""
    doc = Article(body=(Figure(Image("a b%.png")),))
    assert '<img src="a%20b%25.png" data-src="a b%25.png" alt="" loading="lazy">' in write_html(
        doc, fragment=True
    )


@pytest.mark.parametrize(
    ("value", "attributes"),
    [
        (dt.date(2024, 3, 25), 'datetime="2024-03-25"'),
        (dt.datetime(2024, 3, 25, 6, 30, tzinfo=dt.UTC), 'datetime="2024-03-25T06:30:00+00:00"'),
        (
            dt.datetime(2024, 3, 25, 6, 30, 0, 123456, tzinfo=dt.UTC),
            'datetime="2024-03-25T06:30:00.123+00:00" data-datetime="2024-03-25T06:30:00.123456+00:00"',
        ),
        (
            dt.datetime(1890, 1, 1, tzinfo=dt.timezone(dt.timedelta(minutes=-9, seconds=-21))),
            'datetime="1890-01-01T00:00:00-00:09" data-datetime="1890-01-01T00:00:00-00:09:21"',
        ),
    ],
)
def test_time_elements_hold_a_valid_value_and_the_exact_one_when_they_differ(value, attributes):
    """HTML allows milliseconds and whole-minute offsets; the rest rides in data-datetime."""
    fragment = write_html(Article(published=value), fragment=True)
    assert f'<time class="published" {attributes}>' in fragment
    assert value == newsdoc.read(fragment.encode(), format="html").published


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        # a cell spanning two columns alone in its table: a padding row gives column 2 a cell
        ((), (((2, 1),),), Layout(((), (((2, 1),),)), 2)),
        # a row span past the last row is clipped to the row group's end
        ((), (((1, 3), (1, 1)),), Layout(((), (((1, 1), (1, 1)),)), 0)),
        # a colspan running into a cell spanning down from the row above stops short of it
        ((), (((1, 1), (1, 2)), ((3, 1),)), Layout(((), (((1, 1), (1, 2)), ((1, 1),))), 0)),
        # head and body are separate row groups: the head's span is clipped at its end
        ((((1, 2),),), (((1, 1),),), Layout(((((1, 1),),), (((1, 1),),)), 0)),
    ],
)
def test_table_layout_bends_spans_the_way_valid_html_needs(head, body, expected):
    """Overlaps and spans past the group end are clipped; missing columns get a padding row."""

    def rows(spec):
        return tuple(
            tuple(TableCell((T("x"),), colspan, rowspan) for colspan, rowspan in row) for row in spec
        )

    assert expected == layout(rows(head), rows(body))


def test_clipped_spans_keep_the_model_values_in_data_attributes():
    """data-colspan and data-rowspan hold what the model says; the table reads back the same."""
    table = Table(
        body=((TableCell((T("a"),)), TableCell((T("b"),), rowspan=2)), (TableCell((T("c"),), colspan=3),))
    )
    fragment = write_html(Article(body=(table,)), fragment=True)
    assert '<td rowspan="2">b</td>' in fragment
    assert '<td data-colspan="3">c</td>' in fragment
    back = newsdoc.read(fragment.encode(), format="html")
    assert isinstance(back, Article)
    assert table == back.body[0]


def test_code_language_with_spaces_goes_in_a_data_attribute():
    """ "language-*" class for one word; a name with spaces is kept whole in data-language."""
    doc = Article(body=(newsdoc.CodeBlock("x", "python"), newsdoc.CodeBlock("y", "emacs lisp")))
    fragment = write_html(doc, fragment=True)
    assert '<pre><code class="language-python">x</code></pre>' in fragment
    assert '<pre><code data-language="emacs lisp">y</code></pre>' in fragment


def test_writing_something_that_is_not_a_document_is_a_write_error():
    """A paragraph is not a document."""
    with pytest.raises(WriteError, match="expected an Article or a Collection, not Paragraph"):
        write_html(Paragraph((T("x"),)))  # type: ignore[arg-type]


def test_the_format_is_registered_with_its_suffixes(tmp_path):
    """newsdoc.write picks HTML from a .html or .htm name; the text returned is the page."""
    target = tmp_path / "story.htm"
    newsdoc.write(FULL, target)
    assert write_html(FULL) == target.read_text(encoding="utf-8")
    assert write_html(FULL, fragment=True) == newsdoc.write(FULL, format="html", fragment=True)


@given(articles())
def test_the_fragment_alone_reads_back_as_the_same_article(doc):
    """read(write(d, fragment=True)) == d: the <article> carries everything without the head."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsdoc.ContentDroppedWarning)
        fragment = write_html(doc, fragment=True)
    assert doc == newsdoc.read(fragment.encode("utf-8"), format="html")


@given(documents())
def test_the_page_and_the_fragment_hold_the_same_markup(doc):
    """The page's <main> holds exactly the fragment: one markup, two wrappings."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsdoc.ContentDroppedWarning)
        assert f"<main>\n{write_html(doc, fragment=True)}</main>" in write_html(doc)


def test_authors_without_details_are_just_names():
    """An author with only a name is a name in the byline, with no parentheses."""
    fragment = write_html(Article(authors=(Author("Ana"), Author("Tom"))), fragment=True)
    assert (
        '<p class="byline"><span class="author"><span class="name">Ana</span></span>, '
        '<span class="author"><span class="name">Tom</span></span></p>' in fragment
    )


def test_spans_that_add_up_to_millions_of_columns_write_a_small_valid_table():
    """30 rows of 30 cells spanning 1,000 columns and every row below: the output stays small and exact."""
    row = tuple(TableCell((Text("c"),), colspan=1000, rowspan=65534) for _ in range(30))
    doc = Article(headline="Wide", body=(Table(body=(row,) * 30),))
    html = write_html(doc)
    assert (True, doc) == (len(html) < 1_000_000, read_html(html.encode()))
