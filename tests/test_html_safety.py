"""The HTML writer is safe with a model built by an attacker: escaped text, allowed URLs only, no script."""

import datetime as dt
import json
import re
import warnings

import lxml.html
import pytest

import newsdoc
from newsdoc import (
    Article,
    Author,
    Code,
    CodeBlock,
    ContentDroppedWarning,
    Embed,
    Emphasis,
    Figure,
    Heading,
    Image,
    Link,
    Paragraph,
    PullQuote,
    Quote,
    Table,
    TableCell,
    Text,
    WriteError,
)
from newsdoc.formats.html.jsonld import document_jsonld
from newsdoc.formats.html.safety import escape_attribute, escape_text, script_json, url_allowed, valid_url
from newsdoc.formats.html.write import write_html

T = Text
SCRIPT = "</script><script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
PNG = "data:image/png;base64,iVBORw0KGgo="

HOSTILE = newsdoc.normalize(
    Article(
        headline="</title><script>alert(1)</script><!--",
        dek=BREAKOUT,
        authors=(
            Author("<b onclick=alert(1)>Mallory</b>", title=SCRIPT, url="javascript:alert(1)"),
            Author(
                "Eve", organization="</style><script>x</script>", bio="<!-- -->", url="https://ok.example/eve"
            ),
        ),
        dateline="<iframe src=javascript:alert(1)>",
        published=dt.datetime(2024, 3, 25, 6, 30, tzinfo=dt.UTC),
        section="</style>",
        tags=(SCRIPT, "<!--", "]]>"),
        url="javascript:alert(document.cookie)",
        language="en",
        publisher="<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
        lead=Figure(Image("data:text/html;base64,PHNjcmlwdD4=", alt=BREAKOUT), (T(SCRIPT),), credit=BREAKOUT),
        body=(
            Heading(2, (T("<h1 onload=alert(1)>"),)),
            Paragraph(
                (
                    T("<script>alert(1)</script> & friends "),
                    Link("javascript:alert(1)", (T("a"),)),
                    Link(" JaVaScRiPt:alert(1)", (T("b"),)),
                    Link("java\tscript:alert(1)", (T("c"),)),
                    Link("vbscript:msgbox(1)", (T("d"),)),
                    Link("data:text/html,<script>alert(1)</script>", (T("e"),)),
                    Link("https://ok.example/?a=1&b=<2>", (T("f"),), title='" onmouseover="alert(1)'),
                    Link(
                        "https://ok.example/", (T("g "), Link("javascript:alert(2)", (T("h"),))), title=SCRIPT
                    ),
                    Emphasis((T(BREAKOUT),)),
                    Code(SCRIPT),
                )
            ),
            Figure(Image("javascript:alert(1)", alt="x")),
            Figure(Image("data:image/svg+xml;base64,PHN2Zz4=", alt=BREAKOUT, media_type="image/svg+xml")),
            Figure(Image(PNG, alt="ok")),
            Embed("javascript:alert(1)", provider=BREAKOUT, caption=(T(SCRIPT),)),
            Embed("vbscript:x"),
            Quote((Paragraph((T("<blockquote>"),)),), attribution=(T("</cite><script>x</script>"),)),
            PullQuote((T("</aside>"),), (T(SCRIPT),)),
            CodeBlock(SCRIPT + "\n</pre><script>alert(1)</script>", language=BREAKOUT),
            Table(
                head=((TableCell((T("<th onclick=x>"),)),),),
                body=((TableCell((T("</table><script>x</script>"),), colspan=2),),),
                caption=(T("<caption>"),),
            ),
        ),
    )
)

#: Every URL in HOSTILE that the policy refuses, as the warning names them.
REFUSED = [
    "author link 'javascript:alert(1)'",
    "image 'data:text/html;base64,PHNjcmlwdD4='",
    "link 'javascript:alert(1)'",
    "link ' JaVaScRiPt:alert(1)'",
    "link 'java\\tscript:alert(1)'",
    "link 'vbscript:msgbox(1)'",
    "link 'data:text/html,<script>alert(1)</script>'",
    "link 'javascript:alert(2)'",
    "image 'javascript:alert(1)'",
    "embed 'javascript:alert(1)'",
    "embed 'vbscript:x'",
    "article URL 'javascript:alert(document.cookie)'",
]

_URL_ATTRIBUTES = ("href", "src", "data-href", "data-src", "action", "formaction", "poster", "srcset")


def _written(doc=HOSTILE, **options) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ContentDroppedWarning)
        return write_html(doc, **options)


def _tree(page: str):
    return lxml.html.document_fromstring(page.encode("utf-8"))


def test_the_only_script_is_the_json_ld_data_block():
    """A browser finds one <script>, and it is JSON-LD data, never code."""
    tree = _tree(_written())
    scripts = tree.findall(".//script")
    assert ["application/ld+json"] == [script.get("type") for script in scripts]
    assert 1 == len(re.findall("<script", _written(), flags=re.IGNORECASE))


def test_no_element_carries_an_event_handler_attribute():
    """No attribute anywhere is named on...: text never turns into attributes."""
    tree = _tree(_written())
    handlers = [name for element in tree.iter() for name in element.attrib if name.lower().startswith("on")]
    assert [] == handlers


def test_no_element_carries_a_style_attribute_or_unexpected_element():
    """Only elements the writer means to write appear: no iframe, object, embed, meta refresh or base."""
    tree = _tree(_written())
    tags = {element.tag for element in tree.iter() if isinstance(element.tag, str)}
    assert set() == tags & {"iframe", "object", "embed", "base", "form", "img onerror", "svg", "math"}
    assert [] == [element.tag for element in tree.iter() if element.get("style") is not None]
    assert [] == [meta.get("content") for meta in tree.iter("meta") if meta.get("http-equiv")]


def _urls(tree) -> list[tuple[str, str, str]]:
    urls = [
        (element.tag, name, value)
        for element in tree.iter()
        for name, value in element.attrib.items()
        if name in _URL_ATTRIBUTES
    ]
    return urls + [
        ("meta", meta.get("property") or "", meta.get("content") or "") for meta in tree.iter("meta")
    ]


def _refused(urls: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    unsafe = re.compile(r"\s*(javascript|vbscript|data:(?!image/))", flags=re.IGNORECASE)
    return [url for url in urls if unsafe.match(url[2])]


def test_every_url_in_the_page_is_http_https_mailto_relative_or_an_image_data_url():
    """javascript:, vbscript: and non-image data: URLs are nowhere in the output, head included."""
    urls = _urls(_tree(_written()))
    assert [] == _refused(urls)
    images = [value for tag, name, value in urls if tag == "img" and name == "src"]
    assert ["data:image/svg+xml;base64,PHN2Zz4=", PNG] == images


def test_the_writer_says_which_urls_it_left_out():
    """One ContentDroppedWarning names every refused URL, in document order."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        write_html(HOSTILE)
    messages = [str(w.message) for w in caught if w.category is ContentDroppedWarning]
    assert 1 == len(messages)
    assert f"html left out {len(REFUSED)} unsafe URLs: " + "; ".join(REFUSED) == messages[0]


def test_strict_refuses_to_write_a_page_with_unsafe_urls():
    """With strict=True, an unsafe URL is a WriteError and nothing is written."""
    with pytest.raises(
        WriteError, match=r"html left out 1 unsafe URL: link 'javascript:x'; nothing written \(strict\)"
    ):
        write_html(Article(body=(Paragraph((Link("javascript:x", (T("x"),)),)),)), strict=True)


def test_hostile_text_is_written_as_text_and_read_back_unchanged():
    """Every hostile string comes back as the same text: escaped, never interpreted."""
    back = newsdoc.read(_written().encode("utf-8"), format="html")
    assert isinstance(back, Article)
    assert HOSTILE.headline == back.headline
    assert HOSTILE.dek == back.dek
    assert HOSTILE.tags == back.tags
    assert HOSTILE.publisher == back.publisher
    assert HOSTILE.dateline == back.dateline
    assert HOSTILE.body[0] == back.body[0]
    assert HOSTILE.body[-2:] == back.body[-2:]
    assert [a.name for a in HOSTILE.authors] == [a.name for a in back.authors]


def test_the_fragment_is_as_safe_as_the_page():
    """The <article> alone: one element tree without script, handlers or refused URLs."""
    fragment = _written(fragment=True)
    assert "<script" not in fragment.lower()
    tree = lxml.html.fragment_fromstring(fragment)
    assert [] == [name for element in tree.iter() for name in element.attrib if name.startswith("on")]
    assert [] == _refused(_urls(tree))


def test_json_ld_cannot_close_its_script_and_still_says_the_same():
    """The JSON-LD block holds no "<", so no text can end it, and it parses to the same data."""
    page = _written()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, flags=re.DOTALL)
    assert block is not None
    assert "<" not in block.group(1)
    assert document_jsonld(HOSTILE) == json.loads(block.group(1))


def test_a_stylesheet_that_would_end_its_element_is_refused():
    """A replacement stylesheet holding </style> cannot smuggle markup into the page."""
    with pytest.raises(WriteError, match="stylesheet must not contain"):
        write_html(Article(headline="x"), stylesheet="p{}</STYLE><script>alert(1)</script>")


@pytest.mark.parametrize(
    ("url", "image", "allowed"),
    [
        ("https://example.com/a", False, True),
        ("HTTP://EXAMPLE.COM", False, True),
        ("mailto:desk@example.com", False, True),
        ("images/a.jpg", False, True),
        ("//cdn.example.com/a.jpg", False, True),
        ("#section", False, True),
        ("javascript:alert(1)", False, False),
        ("  javascript:alert(1)", False, False),
        ("\x01javascript:alert(1)", False, False),
        ("java\nscript:alert(1)", False, False),
        ("JAVASCRIPT:alert(1)", False, False),
        ("vbscript:x", False, False),
        ("file:///etc/passwd", False, False),
        ("data:image/png;base64,AAAA", False, False),
        ("data:image/png;base64,AAAA", True, True),
        ("DATA:IMAGE/GIF;base64,R0lG", True, True),
        ("data:text/html,<script>", True, False),
        ("data:,image/png", True, False),
        ("javascript&colon;alert(1)", False, True),  # escaped "&" makes it a harmless relative path
    ],
)
def test_url_policy(url, image, allowed):
    """The allow-list: http, https, mailto and relative URLs; data:image/* for images only."""
    assert allowed == url_allowed(url, image=image)


@pytest.mark.parametrize(
    ("url", "valid"),
    [
        ("https://example.com/a?b=1&c=2#d", "https://example.com/a?b=1&c=2#d"),
        ("https://example.com/100%", "https://example.com/100%25"),
        ("https://example.com/%41", "https://example.com/%41"),
        ("https://[::1]:8080/a b", "https://[::1]:8080/a%20b"),
        ("images/a|b.jpg", "images/a%7Cb.jpg"),
        ("https://example.com/é", "https://example.com/é"),
    ],
)
def test_valid_url_escapes_only_what_validators_refuse(url, valid):
    """Stray "%", spaces and characters URLs never hold are percent-escaped; the rest is kept."""
    assert valid == valid_url(url)


def test_escaping_covers_markup_characters_and_carriage_returns():
    """&, <, > and (in attributes) " are escaped; CR becomes a reference so parsers keep it."""
    assert "a &amp; &lt;b&gt;&#13;" == escape_text("a & <b>\r")
    assert "&quot;&gt; x=&quot;1" == escape_attribute('"> x="1')


def test_script_json_escapes_everything_that_could_end_or_comment_out_a_script():
    """<, >, & and the JavaScript line separators are \\u escapes."""
    assert '"\\u003c!--\\u003c/script\\u003e\\u0026\\u2028"' == script_json("<!--</script>&\u2028")
