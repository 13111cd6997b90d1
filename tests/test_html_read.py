"""The HTML reader: newsdoc's own pages exactly, other pages mapped, bad input survived."""

import datetime as dt
import json
import sys
import time
import warnings

import pytest

import newsdoc
from newsdoc import (
    Article,
    BulletList,
    Code,
    CodeBlock,
    Collection,
    Embed,
    Emphasis,
    Figure,
    Heading,
    Image,
    LineBreak,
    Link,
    Paragraph,
    PullQuote,
    Quote,
    ReadError,
    Strong,
    Table,
    TableCell,
    Text,
)
from newsdoc.formats.html import HTML
from newsdoc.formats.html.embeds import provider_of
from newsdoc.formats.html.exact import decode_exact, encode_exact
from newsdoc.formats.html.figures import largest, split_credit, srcset_candidates
from newsdoc.formats.html.read import read_html

from .paths import FIXTURES, ROOT

HTML_FIXTURES = FIXTURES / "html"
T = Text


def P(*content):  # noqa: N802 - reads like the node it builds
    return Paragraph(tuple(content))


def _read(markup: str, **options) -> Article:
    doc = read_html(markup.encode("utf-8"), **options)
    assert isinstance(doc, Article)
    return doc


# --- golden pairs --------------------------------------------------------------------------

GOLDEN = [
    # WordPress post body (REST API content.rendered), with a base URL for its relative links
    ("cms-body", "https://example.org/2024/03/25/reservoir"),
    # RSS content:encoded: loose text, <br> lines, bare images, feed boilerplate
    ("rss-content-encoded", None),
    # pandoc 2.17 `-s -t html5` output of a Markdown story with a title block
    ("pandoc", None),
    # a news page: head metadata, header with byline, nav, related aside, teaser cards
    ("semantic-page", "https://example.org/news/2024/03/25/reservoir-record-low"),
    # a full news page: cookie banner, menu, ad slot, breadcrumbs, share bar, related
    # links, newsletter box, author bio, tags, comments, most-read sidebar, teasers
    ("furniture-page", "https://example.net/news/night-trains"),
    # unclosed and stray tags, bad entities, recovered as lxml recovers them
    ("malformed", None),
    # newsdoc's own markup: every field and block read back exactly
    ("full-article", None),
]


@pytest.mark.parametrize(("name", "url"), GOLDEN, ids=[name for name, _ in GOLDEN])
def test_golden_pages_read_as_expected(name, url):
    """Each fixture page reads as the newsdoc JSON beside it."""
    expected = newsdoc.read(HTML_FIXTURES / f"{name}.json")
    options = {"url": url} if url else {}
    assert expected == newsdoc.read(HTML_FIXTURES / f"{name}.html", **options)


def test_the_sample_article_reads_back_exactly_from_its_page():
    """The project's sample article survives a trip through HTML."""
    doc = newsdoc.read(ROOT / "examples" / "rafah-virtual-meeting.json")
    assert doc == newsdoc.read(str(newsdoc.write(doc, format="html")).encode(), format="html")


def test_a_collection_reads_back_as_a_collection():
    """The section of articles is a Collection with its title, date and articles."""
    doc = Collection("Briefing", (Article(headline="One"), Article(headline="Two")), dt.date(2025, 1, 2))
    assert doc == read_html(str(newsdoc.write(doc, format="html")).encode())


def test_own_markup_inside_someone_elses_page_is_read_exactly():
    """A newsdoc fragment pasted into another page is still read as newsdoc wrote it."""
    fragment = str(
        newsdoc.write(
            Article(headline="Hi", body=(P(T("Photo: not a credit")),)), format="html", fragment=True
        )
    )
    page = f"<html><body><nav>Menu</nav><div class='cms'>{fragment}</div><footer>x</footer></body></html>"
    assert Article(headline="Hi", body=(P(T("Photo: not a credit")),)) == _read(page)


# --- sniffing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "confidence"),
    [
        (b"<!DOCTYPE html>\n<html>", 1.0),
        (b"\xef\xbb\xbf  <!doctype HTML>", 1.0),
        (b"<html lang=en>", 0.95),
        (b"<article><h1>x", 0.9),
        (b"<p>Hello</p>", 0.6),
        (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', 0.8),
        (b'<?xml version="1.0"?><feed>', 0.0),
        (b"<!-- saved from url=(0014)about:internet -->\n<html>", 0.8),
        (b'{"newsdoc": 1}', 0.0),
        (b"Plain text", 0.0),
    ],
)
def test_sniffing_recognises_pages_and_fragments(head, confidence):
    """Doctype and <html> are sure signs; article body fragments are likely; JSON and text are not HTML."""
    assert HTML.sniff is not None
    assert confidence == HTML.sniff(head)


def test_bytes_of_a_page_are_read_as_html_without_naming_the_format():
    """newsdoc.read on bytes finds HTML by sniffing."""
    doc = newsdoc.read(b"<!DOCTYPE html><title>x</title><h1>Hello</h1>")
    assert isinstance(doc, Article)
    assert "Hello" == doc.headline


# --- mapping other pages -----------------------------------------------------------------------


def test_white_space_is_folded_as_browsers_fold_it():
    """Runs of spaces, tabs and newlines become one space; no-break spaces stay."""
    doc = _read("<p>  one\n\t two  <em> three </em>\u00a0four </p>")
    assert (P(T("one two "), Emphasis((T("three"),)), T(" \u00a0four")),) == doc.body


def test_scripts_styles_forms_hidden_elements_and_comments_are_dropped():
    """What a reader never sees is not content; the text around it stays."""
    doc = _read(
        "<p>a<script>x()</script>b<style>p{}</style>c<!-- note -->d<span hidden>e</span>f</p>"
        "<form><p>Subscribe</p></form><template><p>t</p></template><noscript><p>n</p></noscript>"
    )
    assert (P(T("abcdf")),) == doc.body


def test_unknown_wrappers_are_unwrapped_and_loose_text_becomes_paragraphs():
    """Divs and sections vanish; text between blocks is a paragraph, as browsers box it."""
    doc = _read("<div><section><div>Loose <b>text</b></div><p>Para</p>tail text</section></div>")
    assert (P(T("Loose "), Strong((T("text"),))), P(T("Para")), P(T("tail text"))) == doc.body


def test_javascript_links_in_a_page_are_kept_as_words_only():
    """A link the writer would refuse is not read as a link either."""
    doc = _read('<p><a href="javascript:alert(1)">click</a> <a href=" https://ok.example/ ">ok</a></p>')
    assert (P(T("click "), Link("https://ok.example/", (T("ok"),))),) == doc.body


def test_relative_links_and_images_resolve_against_the_page_url():
    """url= resolves links and image sources, and becomes the article URL."""
    doc = _read('<p><a href="../b">b</a></p><img src="/i.jpg" alt="i">', url="https://example.com/news/a")
    assert (
        P(Link("https://example.com/b", (T("b"),))),
        Figure(Image("https://example.com/i.jpg", "i")),
    ) == doc.body
    assert "https://example.com/news/a" == doc.url


def test_images_inside_paragraphs_become_figures_after_the_paragraph():
    """The model has no inline images: an image is lifted out of the paragraph holding it."""
    doc = _read('<p>Before <a href="https://e.com/"><img src="https://e.com/i.png" alt="i"></a> after</p>')
    assert (P(T("Before after")), Figure(Image("https://e.com/i.png", "i"))) == doc.body


def test_a_figure_with_several_images_keeps_each():
    """A gallery figure: the caption goes with the first image, every image is kept."""
    doc = _read(
        '<figure><img src="a.jpg" alt="a"><img src="b.jpg" alt="b"><figcaption>Two</figcaption></figure>'
    )
    assert (Figure(Image("a.jpg", "a"), (T("Two"),)), Figure(Image("b.jpg", "b"))) == doc.body


@pytest.mark.parametrize(
    ("srcset", "largest_url"),
    [
        ("a.jpg 480w, b.jpg 1080w, c.jpg 800w", "b.jpg"),
        ("a.jpg, b.jpg 2x, c.jpg 1.5x", "b.jpg"),
        (
            "https://cdn.example.com/w_300,h_200/a.jpg 300w, https://cdn.example.com/w_900,h_600/a.jpg 900w",
            "https://cdn.example.com/w_900,h_600/a.jpg",
        ),
        ("only.jpg", "only.jpg"),
    ],
)
def test_srcset_gives_its_largest_candidate(srcset, largest_url):
    """The widest candidate wins, else the densest; commas inside URLs are kept."""
    best = largest(srcset_candidates(srcset))
    assert best is not None
    assert largest_url == best.url


def test_picture_sources_count_among_the_candidates():
    """<picture> with <source srcset type>: the largest candidate and its media type."""
    doc = _read(
        '<picture><source type="image/avif" srcset="a.avif 2000w"><source srcset="a.jpg 1000w">'
        '<img src="small.jpg" alt="A"></picture>'
    )
    assert (Figure(Image("a.avif", "A", media_type="image/avif")),) == doc.body


def test_lazy_loaded_images_read_their_real_source():
    """data-src and data-srcset hold the image when src is a placeholder."""
    doc = _read(
        '<img src="data:image/gif;base64,R0lG" data-src="real.jpg" alt="r"><img data-srcset="x.jpg 10w, y.jpg 20w">'
    )
    assert (Figure(Image("real.jpg", "r")), Figure(Image("y.jpg"))) == doc.body


@pytest.mark.parametrize(
    ("caption", "expected_caption", "credit"),
    [
        (
            "Rafah, March 24, 2024. (AP Photo/Fatima Shbair)",
            "Rafah, March 24, 2024.",
            "AP Photo/Fatima Shbair",
        ),
        ("Biden and Netanyahu. (AP Photo)", "Biden and Netanyahu.", "AP Photo"),
        ("Protesters in Paris (AFP via Getty Images)", "Protesters in Paris", "AFP via Getty Images"),
        (
            "The dry reservoir. Photograph: Jane Doe/Example Press",
            "The dry reservoir.",
            "Jane Doe/Example Press",
        ),
        ("Flooded streets | Photo: Reuters", "Flooded streets", "Reuters"),
        ("Water levels since 1921. Source: water board", "Water levels since 1921.", "water board"),
        ("The old bridge © Jane Doe", "The old bridge", "Jane Doe"),
        ("Photo: Jane Doe", "", "Jane Doe"),
        (
            "Erneut wurden zwei Männer festgenommen. (Symbolfoto: dpa)",
            "Erneut wurden zwei Männer festgenommen.",
            "dpa",
        ),
        (
            "Ein Mitglied bei einer Kundgebung. (Archivbild)",
            "Ein Mitglied bei einer Kundgebung. (Archivbild)",
            None,
        ),
        ("A crowd in the square | Jane Doe/Example Press", "A crowd in the square", "Jane Doe/Example Press"),
        (
            "The refinery on Sunday. (AP Photo/Matias Delacroix) - ",
            "The refinery on Sunday.",
            "AP Photo/Matias Delacroix",
        ),
        ("Rejoice Ndlovu. Isithombe: Sithunyelwe", "Rejoice Ndlovu.", "Sithunyelwe"),
        ("대표가 29일 국회에서 경례하고 있다. 연합뉴스", "대표가 29일 국회에서 경례하고 있다.", "연합뉴스"),
        ("Black Rod walks through the gallery (Picture: PA)", "Black Rod walks through the gallery", "PA"),
        ("The minister speaks. (Jane Doe/Example Press)", "The minister speaks.", "Jane Doe/Example Press"),
        ("Scores for the 2024/25 season", "Scores for the 2024/25 season", None),
        ("A photo of the bridge (right) at dawn", "A photo of the bridge (right) at dawn", None),
        ("The ratio was 3:1 last year", "The ratio was 3:1 last year", None),
        ("国会前で警備に当たる警察官ら＝ＡＰ", "国会前で警備に当たる警察官ら", "ＡＰ"),  # noqa: RUF001
        ("Ein Vergleich: 1=1", "Ein Vergleich: 1=1", None),
        ("의원들이 입장을 밝히고 있다. 민경석 기자", "의원들이 입장을 밝히고 있다.", "민경석"),
        ("The tariff applies from March. (Unsplash)", "The tariff applies from March.", "Unsplash"),
        ("The harbour at dawn — Jane Doe/Reuters", "The harbour at dawn", "Jane Doe/Reuters"),
        ("El puerto al amanecer. / EFE", "El puerto al amanecer.", "EFE"),
        (
            "The harbour at dawn. Photo by Jane Doe/Getty Images",
            "The harbour at dawn.",
            "Jane Doe/Getty Images",
        ),
        ("A portrait of the artist by her daughter", "A portrait of the artist by her daughter", None),
        ("Der Hafen am Morgen. Bildquelle: Jane Doe", "Der Hafen am Morgen.", "Jane Doe"),
        ("North — South/East routes", "North — South/East routes", None),
    ],
)
def test_trailing_credit_lines_are_split_off_captions(caption, expected_caption, credit):
    """AP-style parentheses, labels, bars, agencies and copyright notices end a caption; labels go."""
    expected = (T(expected_caption),) if expected_caption else ()
    assert (expected, credit) == split_credit((T(caption),))


@pytest.mark.parametrize(
    "markup",
    [
        '<figcaption>A bridge <span class="credit">Jane Doe</span></figcaption>',
        '<figcaption>A bridge <small class="c-caption__credit">Jane Doe</small></figcaption>',
        '<figcaption>A bridge <span class="image-byline">Jane Doe</span></figcaption>',
        '<figcaption>A bridge</figcaption><p class="photo-source">Jane Doe</p>',
        '<figcaption>A bridge <span itemprop="copyrightHolder">Jane Doe</span></figcaption>',
        '<figcaption><span>A bridge</span> <span data-flag="main-image-source">Jane Doe</span></figcaption>',
        "<figcaption>A bridge <small>Jane Doe</small></figcaption>",
        "<figcaption>A bridge <cite>Jane Doe</cite></figcaption>",
        '<figcaption><span class="text">A bridge</span><span class="author">Jane Doe</span></figcaption>',
        "<figcaption>A bridge <em>Photo: Jane Doe</em></figcaption>",
        "<figcaption>A bridge <b>Foto:</b> Jane Doe</figcaption>",
        (
            '<figcaption>A bridge <span class="c-copyright">©</span><span class="c-credit">Jane Doe</span>'
            '</figcaption><div class="image-copyright">© Jane Doe</div>'
        ),
    ],
)
def test_credits_marked_by_class_or_microdata_are_split_off(markup):
    """class names with credit, byline or source, or an itemprop, mark the credit."""
    doc = _read(f'<figure><img src="b.jpg" alt="">{markup}</figure>')
    assert (Figure(Image("b.jpg"), (T("A bridge"),), "Jane Doe"),) == doc.body


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        (
            "https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0",
            ("YouTube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ),
        (
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            ("YouTube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ),
        ("https://player.vimeo.com/video/76979871?h=8272103f6e", ("Vimeo", "https://vimeo.com/76979871")),
        (
            "https://platform.twitter.com/embed/Tweet.html?id=1771234567890",
            ("X", "https://twitter.com/i/status/1771234567890"),
        ),
        (
            "https://www.instagram.com/p/C4xyz/embed/captioned",
            ("Instagram", "https://www.instagram.com/p/C4xyz/"),
        ),
        (
            "https://www.tiktok.com/embed/v2/7291234567890",
            ("TikTok", "https://www.tiktok.com/embed/v2/7291234567890"),
        ),
        (
            "https://www.google.com/maps/embed?pb=!1m18",
            ("Google Maps", "https://www.google.com/maps/embed?pb=!1m18"),
        ),
        ("https://ads.example.net/slot/1", None),
        ("https://www.google.com/recaptcha/api2/anchor", None),
        ("javascript:alert(1)", None),
    ],
)
def test_iframes_from_known_providers_are_embeds(src, expected):
    """YouTube, Vimeo, X, Instagram, TikTok and Google Maps players; nothing else."""
    assert expected == provider_of(src)


def test_an_iframe_from_elsewhere_is_dropped_and_a_known_one_kept():
    """Ads and widgets go; the video stays as an Embed."""
    doc = _read(
        '<iframe src="https://ads.example.net/x"></iframe>'
        '<iframe src="//www.youtube.com/embed/abc"></iframe>',
        url="https://news.example.com/a",
    )
    assert (Embed("https://www.youtube.com/watch?v=abc", "YouTube"),) == doc.body


def test_embed_blockquotes_are_embeds_with_their_words():
    """Instagram's and TikTok's paste-in blockquotes name the post in an attribute."""
    doc = _read(
        '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/C4/"><p>Post</p></blockquote>'
        '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@a/video/1"><p>Clip</p></blockquote>'
    )
    assert (
        Embed("https://www.instagram.com/p/C4/", "Instagram", (T("Post"),)),
        Embed("https://www.tiktok.com/@a/video/1", "TikTok", (T("Clip"),)),
    ) == doc.body


def test_quotes_pull_quotes_and_their_attributions():
    """<footer> or <cite> last in a blockquote attributes it; pull quote classes make PullQuotes."""
    doc = _read(
        "<blockquote><p>Held.</p><footer>— Chief engineer</footer></blockquote>"
        '<aside class="pullquote"><p>Not a drop.</p><cite>Mayor</cite></aside>'
        '<aside class="related"><a href="/x">Related story</a></aside>'
    )
    assert (
        Quote((P(T("Held.")),), (T("Chief engineer"),)),
        PullQuote((T("Not a drop."),), (T("Mayor"),)),
    ) == doc.body


def test_lists_tables_code_and_marks():
    """Nested lists with start, tables with header rows, code blocks with a language, every mark."""
    doc = _read(
        '<ol start="4"><li>four<ul><li>inner</li></ul></li></ol>'
        "<table><tr><th>A</th><th>B</th></tr><tr><td rowspan=2>1</td><td>2</td></tr><tfoot><tr><td colspan=2>Total</td></tr></tfoot></table>"
        '<pre class="language-json"><code>{"a": 1}\n</code></pre>'
        "<p><i>i</i><b>b</b><sub>s</sub><sup>S</sup><strike>x</strike><kbd>Ctrl</kbd><br>end</p>"
    )
    assert (
        newsdoc.OrderedList(((P(T("four")), BulletList(((P(T("inner")),),))),), start=4),
        Table(
            head=((TableCell((T("A"),)), TableCell((T("B"),))),),
            body=(
                (TableCell((T("1"),), rowspan=2), TableCell((T("2"),))),
                (TableCell((T("Total"),), colspan=2),),
            ),
        ),
        CodeBlock('{"a": 1}', "json"),
        P(
            Emphasis((T("i"),)),
            Strong((T("b"),)),
            newsdoc.Subscript((T("s"),)),
            newsdoc.Superscript((T("S"),)),
            newsdoc.Strikethrough((T("x"),)),
            Code("Ctrl"),
            LineBreak(),
            T("end"),
        ),
    ) == doc.body


def test_layout_tables_are_unwrapped():
    """A table holding tables lays out a page: its cells are read as blocks."""
    doc = _read(
        "<table><tr><td><table><tr><td>menu</td></tr></table></td><td><p>Story text.</p></td></tr></table>"
    )
    assert (P(T("menu")), P(T("Story text."))) == doc.body


def test_html5_void_elements_libxml2_does_not_know_keep_what_follows():
    """<wbr>, <embed> and <source> are empty: the text after them is not swallowed."""
    doc = _read('<p>long<wbr>word <embed src="x.swf"> after</p>')
    assert (P(T("longword after")),) == doc.body


def test_the_header_gives_headline_dek_byline_dateline_and_dates():
    """Class-marked header fields, the <h1> and <time datetime> fill the article's metadata."""
    doc = _read(
        "<article><header><h1>Title</h1><p class='c-article__dek'>Dek</p>"
        "<p class='byline'>By Ana Costa, Ben Okafor and Chen Li</p><span class='dateline'>PARIS</span>"
        "<time datetime='2024-03-25T06:30:00+01:00'>x</time><time class='updated' datetime='2024-03-26'>y</time>"
        "</header><p>Body.</p></article>"
    )
    assert (
        "Title",
        "Dek",
        ("Ana Costa", "Ben Okafor", "Chen Li"),
        "PARIS",
        dt.datetime(2024, 3, 25, 6, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        dt.date(2024, 3, 26),
        (P(T("Body.")),),
    ) == (
        doc.headline,
        doc.dek,
        tuple(a.name for a in doc.authors),
        doc.dateline,
        doc.published,
        doc.updated,
        doc.body,
    )


def test_a_page_opening_with_an_h1_takes_it_as_the_headline():
    """Without a header, a leading <h1> is the headline, not a body heading."""
    doc = _read("<body>\n  <h1>Title</h1><p>Text</p><h1>Later</h1></body>")
    assert ("Title", (P(T("Text")), Heading(1, (T("Later"),)))) == (doc.headline, doc.body)


def test_the_fullest_article_element_is_the_story():
    """Teaser cards are <article>s too; the one with the most paragraphs is read."""
    doc = _read("<article><p>teaser</p></article><article><h1>Story</h1><p>a</p><p>b</p></article>")
    assert ("Story", (P(T("a")), P(T("b")))) == (doc.headline, doc.body)


def test_page_metadata_fills_only_what_the_markup_leaves_out():
    """The <h1> beats og:title; og:description, html lang and canonical fill the gaps."""
    doc = _read(
        '<html lang="de"><head><meta property="og:title" content="Meta title">'
        '<meta property="og:description" content="Meta dek">'
        '<link rel="canonical" href="https://example.com/a"></head>'
        "<body><article><h1>Body title</h1><p>x</p></article></body></html>"
    )
    assert ("Body title", "Meta dek", "de", "https://example.com/a") == (
        doc.headline,
        doc.dek,
        doc.language,
        doc.url,
    )


def test_the_metadata_lead_image_takes_the_body_figure_showing_it():
    """og:image naming the story's first figure makes that figure, caption and all, the lead."""
    doc = _read(
        '<html><head><meta property="og:image" content="https://e.com/lead.jpg"></head><body><article>'
        '<figure><img src="https://e.com/lead.jpg" alt="L"><figcaption>Lead caption</figcaption></figure>'
        "<p>Text</p></article></body></html>"
    )
    assert (Figure(Image("https://e.com/lead.jpg", "L"), (T("Lead caption"),)), (P(T("Text")),)) == (
        doc.lead,
        doc.body,
    )


# --- bad input -------------------------------------------------------------------------------


def test_empty_input_is_a_read_error():
    """No bytes, or only white space, is no document."""
    for data in (b"", b"  \n "):
        with pytest.raises(ReadError, match=r"no HTML content") as caught:
            read_html(data)
        assert ("html", "byte 0") == (caught.value.format, caught.value.location)


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 20,
        b"\x00" * 5000,
        b"\x89PNG\r\n\x1a\n" + bytes(4000),
        b"PK\x03\x04" + bytes(range(200)) * 10,
    ],
)
def test_binary_garbage_is_a_read_error(data):
    """Images, archives and random bytes are refused, saying where the trouble starts."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsdoc.ReadWarning)
        with pytest.raises(ReadError, match="binary data, not HTML") as caught:
            read_html(data)
    assert "html" == caught.value.format
    assert caught.value.location is not None


@pytest.mark.parametrize("tag", ["div", "blockquote", "ul", "em", "a", "figure", "table", "span"])
def test_a_hundred_thousand_nested_elements_give_an_article_not_a_recursion_error(tag):
    """Nesting costs no stack: each depth reads to an article (lxml stops past its own limit)."""
    data = (f"<{tag}>" * 100_000 + "deep" + f"</{tag}>" * 100_000).encode()
    limit = sys.getrecursionlimit()
    doc = read_html(data)
    assert isinstance(doc, Article)
    assert limit == sys.getrecursionlimit()


def test_quotes_nested_past_the_depth_limit_are_flattened():
    """Past MAX_BLOCK_DEPTH, nesting quotes unwrap: the words stay, the depth does not grow."""
    doc = _read("<blockquote>" * 200 + "<p>deep</p>" + "</blockquote>" * 200)
    depth, node = 0, doc.body[0]
    while isinstance(node, Quote):
        depth, node = depth + 1, node.body[0]
    assert (32, P(T("deep"))) == (depth, node)


def test_characters_the_model_refuses_are_dropped():
    """Control characters and noncharacters, raw or as references, are scrubbed from the text."""
    doc = _read("<p>a\x01b&#1;c&#xFFFE;d</p>")
    assert (P(T("abcd")),) == doc.body


def test_damaged_own_markup_still_reads():
    """Bad values in newsdoc's own attributes (dates, spans, numbers, language) are ignored."""
    fragment = (
        '<article data-newsdoc="1" lang="not a tag!"><header><h1>H</h1>'
        '<p class="dates"><time class="published" datetime="soon">x</time></p></header>'
        '<table><tbody><tr><td colspan="x" data-rowspan="-4">c</td></tr></tbody></table>'
        '<footer><p class="author-bio" data-author="99"><span class="bio">b</span></p></footer></article>'
    )
    assert Article(headline="H", body=(Table(body=((TableCell((T("c"),)),),)),)) == _read(fragment)


def test_a_twenty_megabyte_page_reads_in_linear_time():
    """Megabytes of inline scripts, SVG and menus around a story: the story, quickly."""
    story = "<article><h1>Story</h1>" + "<p>Some <b>news</b> text.</p>" * 2_000 + "</article>"
    state = "<script>window.__STATE__ = " + json.dumps(list(range(1_800_000))) + ";</script>"
    icons = '<svg viewBox="0 0 24 24"><path d="M12 2L2 7l10 5 10-5-10-5z"/></svg>' * 50_000
    menu = "<nav><ul>" + '<li><a href="/s">Section</a></li>' * 60_000 + "</ul></nav>"
    page = f"<html><head>{state}</head><body>{menu}{story}<footer>{icons}</footer></body></html>".encode()
    assert len(page) > 20_000_000
    started = time.perf_counter()
    doc = read_html(page)
    elapsed = time.perf_counter() - started
    assert isinstance(doc, Article)
    assert ("Story", 2_000) == (doc.headline, len(doc.body))
    assert elapsed < 20  # about 0.3 s on one core: this guards against quadratic work, not speed


def test_exact_values_encode_only_percent_and_carriage_return():
    """encode_exact and decode_exact are inverses and leave other escapes alone."""
    value = "a%41\r\n%0D%25"
    assert ("a%2541%0D\n%250D%2525", value) == (encode_exact(value), decode_exact(encode_exact(value)))


def test_page_metadata_wins_over_a_messy_body_byline_for_authors_and_dates() -> None:
    """Authors and dates come from JSON-LD when a foreign page states them there."""
    page = b"""<!doctype html><html lang="en"><head><title>Floods</title>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Floods",
 "author": [{"@type": "Person", "name": "Ana Ruiz"}],
 "datePublished": "2025-11-19T18:42:00-08:00"}</script></head>
<body><article><h1>Floods</h1><p class="byline">By Ana Ruiz | Updated Nov. 19</p>
<p>The river fell overnight, and the roads reopened by noon.</p></article></body></html>"""
    doc = newsdoc.read(page, format="html")
    assert isinstance(doc, newsdoc.Article)
    assert (("Ana Ruiz",), "2025-11-19T18:42:00-08:00") == (
        tuple(a.name for a in doc.authors),
        doc.published.isoformat() if doc.published else None,
    )


# --- reading modes --------------------------------------------------------------------------


def _article(doc: Article | Collection) -> Article:
    assert isinstance(doc, Article)
    return doc


@pytest.mark.parametrize("name", ["cms-body", "rss-content-encoded", "pandoc", "malformed"])
def test_clean_fragments_and_pandoc_output_are_not_pruned(name):
    """Auto mode reads a page without furniture as a fragment: every block is kept."""
    data = (HTML_FIXTURES / f"{name}.html").read_bytes()
    assert read_html(data, mode="fragment") == read_html(data)


def test_page_mode_prunes_and_fragment_mode_keeps_every_block():
    """The same page read as a page loses its furniture, read as a fragment keeps it."""
    story = "The valley line reopened on Monday evening, with more than three hundred passengers aboard."
    more = "Operators said bookings for the spring were strong, with most weekend trains sold out."
    signup = "Sign up for our newsletter: the news every morning before seven."
    data = (
        f'<html><body><nav><a href="/">Home</a></nav><div><p>{story}</p>'
        f'<div class="newsletter-box"><p>{signup}</p></div><p>{more}</p></div></body></html>'
    ).encode()
    assert ([P(T(story)), P(T(more))], [P(T(story)), P(T(signup)), P(T(more))]) == (
        list(_article(read_html(data, mode="page")).body),
        list(_article(read_html(data, mode="fragment")).body),
    )


def test_the_mode_passes_through_newsdoc_read():
    """newsdoc.read(..., mode=...) reaches the HTML reader."""
    data = (HTML_FIXTURES / "furniture-page.html").read_bytes()
    assert read_html(data, mode="fragment") == newsdoc.read(data, format="html", mode="fragment")


def test_an_unknown_mode_is_a_value_error_naming_the_modes():
    """A mode that is not one of MODES is refused before reading."""
    with pytest.raises(ValueError, match="unknown HTML reading mode 'clean'"):
        read_html(b"<p>x</p>", mode="clean")


def test_own_mode_refuses_other_markup():
    """mode="own" reads only newsdoc's own HTML: other markup is a ReadError."""
    with pytest.raises(ReadError, match="not newsdoc's own HTML"):
        read_html(b"<html><body><p>Text</p></body></html>", mode="own")


def test_own_markup_reads_the_same_in_own_and_auto_mode():
    """newsdoc's own page reads exactly in either mode."""
    data = (HTML_FIXTURES / "full-article.html").read_bytes()
    assert read_html(data) == read_html(data, mode="own")


def test_a_page_without_an_article_warns_and_invents_no_headline():
    """A home page whose title names only the site: no headline, no body, a ReadWarning."""
    page = (
        b"<html><head><title>The Example Herald</title>"
        b'<meta property="og:site_name" content="The Example Herald"></head>'
        b'<body><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></body></html>'
    )
    with pytest.warns(newsdoc.ReadWarning, match="found no article text"):
        doc = _article(read_html(page, url="https://example.net/"))
    assert ("", ()) == (doc.headline, doc.body)


def test_an_empty_body_in_page_mode_warns():
    """A page forced to page mode with an empty body gives an empty article and a warning."""
    with pytest.warns(newsdoc.ReadWarning, match="found no article text"):
        doc = read_html(b"<html><body></body></html>", mode="page")
    assert Article() == doc


def test_a_lead_image_between_the_headline_and_the_story_is_the_lead():
    """A captioned image in the page header, outside the story's element, is the lead figure."""
    story = "".join(
        f"<p>Paragraph {n} of the story, long enough to read as prose in a page.</p>" for n in range(4)
    )
    page = (
        "<html><body><nav><a href='/'>Home</a></nav><h1>Night trains return</h1>"
        '<div class="hero"><img src="https://example.net/lead.jpg" alt="Train">'
        '<p class="caption">The sleeper at dawn. Photo: Mia Jansen</p></div>'
        f'<div class="story">{story}</div></body></html>'
    ).encode()
    doc = _article(read_html(page))
    assert (
        Figure(Image("https://example.net/lead.jpg", "Train"), (T("The sleeper at dawn."),), "Mia Jansen")
        == doc.lead
    )


def test_a_standfirst_fuller_than_the_metadata_description_is_the_dek():
    """A link preview cuts the description short; the standfirst on the page is the whole dek."""
    dek = "The first sleeper service in twenty years left on Monday, and bookings for spring are strong."
    story = "".join(
        f"<p>Paragraph {n} of the story, long enough to read as prose in a page.</p>" for n in range(4)
    )
    page = (
        f'<html><head><meta property="og:description" content="The first sleeper service in twenty years left on">'
        f'</head><body><nav><a href="/">Home</a></nav><h1>Night trains</h1><p class="standfirst">{dek}</p>'
        f"<div>{story}</div></body></html>"
    ).encode()
    assert dek == _article(read_html(page)).dek


def test_a_metadata_description_wins_over_a_different_standfirst():
    """Where the page's standfirst says something else, the metadata's dek is taken."""
    story = "".join(
        f"<p>Paragraph {n} of the story, long enough to read as prose in a page.</p>" for n in range(4)
    )
    page = (
        '<html><head><meta property="og:description" content="Sleeper trains are back on the valley line.">'
        '</head><body><nav><a href="/">Home</a></nav><h1>Night trains</h1>'
        '<p class="standfirst">Read our full coverage of the rail network this week.</p>'
        f"<div>{story}</div></body></html>"
    ).encode()
    assert "Sleeper trains are back on the valley line." == _article(read_html(page)).dek


def _page_with_article_body(article_body: str, paragraphs: list[str]) -> bytes:
    ld = json.dumps({"@type": "NewsArticle", "headline": "Night trains", "articleBody": article_body})
    story = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        f'<html><head><script type="application/ld+json">{ld}</script></head>'
        f'<body><nav><a href="/">Home</a></nav><div class="story">{story}</div></body></html>'
    ).encode()


def test_paragraphs_the_json_ld_article_body_lacks_are_left_out():
    """A prompt inside the story that articleBody does not hold is the page's, not the story's."""
    story = [
        f"Paragraph number {n} of the story tells how the sleeper train left the station." for n in range(4)
    ]
    prompt = "Do you want to read more stories like this one every single morning of the week?"
    page = _page_with_article_body("\n".join(story), [*story[:2], prompt, *story[2:]])
    assert [P(T(text)) for text in story] == list(_article(read_html(page)).body)


def test_a_short_article_body_is_no_guide():
    """An articleBody holding only the first paragraph (a paywall's) removes nothing."""
    story = [
        f"Paragraph number {n} of the story tells how the sleeper train left the station." for n in range(4)
    ]
    page = _page_with_article_body(story[0], story)
    assert [P(T(text)) for text in story] == list(_article(read_html(page)).body)


def test_an_image_title_is_the_caption_where_the_page_gives_none():
    """Without a figcaption, the image's title (the page's own words about it) is its caption."""
    doc = _read('<p>Text.</p><img src="a.jpg" title="The harbour at dawn. Photo: Jane Doe">')
    assert Figure(Image("a.jpg"), (T("The harbour at dawn."),), "Jane Doe") == doc.body[1]


def test_metadata_captions_complete_body_figures_showing_the_same_image():
    """A JSON-LD ImageObject's caption and credit fill a body figure of the same file that has none."""
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "image": [
                {"@type": "ImageObject", "url": "https://example.net/lead-photo.jpg"},
                {
                    "@type": "ImageObject",
                    "url": "https://cdn.example.net/w_640/harbour-dawn.jpg",
                    "caption": "The harbour at dawn.",
                    "creditText": "Jane Doe",
                },
            ],
        }
    )
    story = "".join(
        f"<p>Paragraph {n} of the story, long enough to read as prose in a page.</p>" for n in range(4)
    )
    page = (
        f'<html><head><script type="application/ld+json">{ld}</script></head><body><nav><a href="/">Home</a></nav>'
        f'<div>{story}<figure><img src="https://cdn.example.net/w_1200/harbour-dawn.jpg"></figure></div></body></html>'
    ).encode()
    figure = _article(read_html(page)).body[-1]
    assert (
        Figure(
            Image("https://cdn.example.net/w_1200/harbour-dawn.jpg"), (T("The harbour at dawn."),), "Jane Doe"
        )
        == figure
    )


def test_pandoc_output_with_a_table_of_contents_keeps_every_block():
    """pandoc's --toc <nav> makes a page of it; page mode still keeps all the story's blocks."""
    data = (HTML_FIXTURES / "pandoc.html").read_bytes()
    toc = (
        b'<body>\n<nav id="TOC" role="doc-toc"><ul><li><a href="#how">How the gates work</a></li></ul></nav>'
    )
    assert _article(read_html(data)).body == _article(read_html(data.replace(b"<body>", toc, 1))).body


def test_a_figure_takes_caption_and_credit_from_the_image_data_attributes():
    """data-caption and data-source on the image, kept for a lightbox, give a bare figure its words."""
    doc = _read(
        '<figure><img src="a.jpg" data-caption="The harbour" data-source="Jane Doe/Example"></figure>'
    )
    assert Figure(Image("a.jpg"), (T("The harbour"),), "Jane Doe/Example") == doc.body[0]


def test_a_figure_takes_its_credit_from_the_image_title_when_the_caption_has_none():
    """A figcaption without a credit, an image title ending with one: the figure gets it."""
    doc = _read(
        '<figure><img src="a.jpg" title="The harbour. Photo: Jane Doe"><figcaption>The harbour</figcaption></figure>'
    )
    assert Figure(Image("a.jpg"), (T("The harbour"),), "Jane Doe") == doc.body[0]


def test_a_caption_run_into_the_standfirst_does_not_replace_the_description():
    """Page text that opens with other words (a caption, then the dek) leaves the metadata's dek."""
    dek = "Everything gets dearer except the buses, and more than a hundred thousand tickets are sold."
    story = "".join(
        f"<p>Paragraph {n} of the story, long enough to read as prose in a page.</p>" for n in range(4)
    )
    page = (
        f'<html><head><meta property="og:description" content="{dek}"></head><body><nav><a href="/">Home</a></nav>'
        f'<h1>Tickets</h1><div class="dek">Off we go: from Monday for 49 euros a month. Photo: Jane Doe {dek}</div>'
        f"<div>{story}</div></body></html>"
    ).encode()
    assert dek == _article(read_html(page)).dek


def test_a_bold_opening_paragraph_is_the_dek_when_the_description_is_a_label():
    """A description of a word or two yields to the story's bold first paragraph, which leaves the body."""
    lede = "The council voted on Monday to close the old bridge to cars for good."
    story = "".join(
        f"<p>Paragraph {n} of the story, long enough to read as prose in a page.</p>" for n in range(4)
    )
    page = (
        '<html><head><meta property="og:description" content="Council meeting"></head><body>'
        f'<nav><a href="/">Home</a></nav><h1>Bridge closes</h1><div><p><strong>{lede}</strong></p>{story}</div>'
        "</body></html>"
    ).encode()
    doc = _article(read_html(page))
    assert (lede, 4) == (doc.dek, len(doc.body))


def test_a_gallery_figure_of_figures_keeps_each_caption():
    """<figure> holding captioned <figure>s gives one figure each, every caption kept."""
    doc = _read(
        "<figure><ul><li><figure><img src='a.jpg'><figcaption>Dawn</figcaption></figure></li>"
        "<li><figure><img src='b.jpg'><figcaption>Dusk</figcaption></figure></li></ul></figure>"
    )
    assert (Figure(Image("a.jpg"), (T("Dawn"),)), Figure(Image("b.jpg"), (T("Dusk"),))) == doc.body


def test_a_lazy_image_and_its_noscript_copy_are_one_figure():
    """A placeholder with data-lazy and the <noscript> <img> of the same file give one captioned figure."""
    doc = _read(
        '<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-lazy="a.jpg">'
        '<noscript><img src="a.jpg"></noscript><figcaption>Dawn</figcaption></figure>'
    )
    assert (Figure(Image("a.jpg"), (T("Dawn"),)),) == doc.body


def test_a_fuller_standfirst_in_other_words_replaces_the_shorter_description():
    """An excerpt on the page that says more than the description, opening otherwise, is the dek."""
    dek = "Two suspects were arrested last week. They had targeted drone makers too."
    shown = (
        "A spy ring spread across the universities to siphon off military know-how. For a long time "
        "nobody intervened, and now two suspects were arrested. They had targeted drone makers too."
    )
    story = "".join(
        f"<p>Paragraph {n} of the story, long enough to read as prose in a page.</p>" for n in range(4)
    )
    page = (
        f'<html><head><meta property="og:description" content="{dek}"></head><body><nav><a href="/">Home</a></nav>'
        f'<h1>Spies</h1><p class="detail__excerpt">{shown}</p><div>{story}</div></body></html>'
    ).encode()
    assert shown == _article(read_html(page)).dek


def test_a_copyright_line_laid_over_the_image_is_the_credit():
    """A "© Name" line in the figure outside its caption gives the credit, the sign taken off."""
    doc = _read(
        '<figure><picture><img src="a.jpg"></picture><div><small>© Jane Doe</small></div>'
        "<figcaption>The school at noon</figcaption></figure>"
    )
    assert (Figure(Image("a.jpg"), (T("The school at noon"),), "Jane Doe"),) == doc.body


def test_loose_boilerplate_text_between_blocks_leaves_a_page():
    """Text outside any element ("$$AD$$" between paragraphs) is dropped when it is a boilerplate line."""
    story = [f"<p>Paragraph {n} of the story, long enough to read as prose in a page.</p>" for n in range(4)]
    page = (
        '<html><body><nav><a href="/">Home</a></nav><h1>Harbour</h1>'
        f"<div>{story[0]}$$ARTICLEAD$${''.join(story[1:])}</div></body></html>"
    ).encode()
    assert 4 == len(_article(read_html(page)).body)


def test_a_last_line_of_names_with_a_slash_after_a_line_break_is_the_credit():
    """ "Caption<br>Jane Doe/Reuters" splits at the break; a last line that is a sentence stays caption."""
    credited = _read(
        '<figure><img src="a.jpg"><figcaption>The harbour<br>Jane Doe/Reuters</figcaption></figure>'
    )
    plain = _read(
        '<figure><img src="a.jpg"><figcaption>The harbour<br>Seen from the 2024/25 pier.</figcaption></figure>'
    )
    assert (
        (Figure(Image("a.jpg"), (T("The harbour"),), "Jane Doe/Reuters"),),
        (Figure(Image("a.jpg"), (T("The harbour"), LineBreak(), T("Seen from the 2024/25 pier."))),),
    ) == (credited.body, plain.body)


def test_a_lightbox_link_around_the_image_gives_its_data_caption():
    """<a data-caption="..."><img></a> in a bare figure: the link's data-caption is the caption."""
    doc = _read('<figure><a href="big.jpg" data-caption="The harbour"><img src="a.jpg"></a></figure>')
    assert Figure(Image("a.jpg"), (T("The harbour"),)) == doc.body[0]


def test_the_standfirst_under_the_headline_is_the_dek_over_a_reworded_description():
    """A full page's marked standfirst right under its <h1> is the dek, not the og:description."""
    shown = "Two night trains a week will run on the valley line from May, the first in twenty years."
    story = "".join(
        f"<p>Paragraph {n} of the story, long enough to read as prose in a page.</p>" for n in range(4)
    )
    page = (
        '<html><head><meta property="og:description" content="Night trains return to the valley.">'
        '</head><body><nav><a href="/">Home</a></nav><article><header><h1>Night trains</h1>'
        f'<p class="byline">By Ana Costa</p><p class="article-subtitle">{shown}</p></header>'
        f"<div>{story}</div></article></body></html>"
    ).encode()
    doc = _article(read_html(page))
    assert (shown, 4) == (doc.dek, len(doc.body))
