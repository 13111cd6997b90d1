"""Pages rendered by scripts: the story's markup found in the state their inline scripts hold."""

import json

import lxml.html

from newsdoc import Article, Paragraph, Text
from newsdoc.formats.html import script_state
from newsdoc.formats.html.read import read_html

STORY = "".join(
    f"<p>Paragraph {n} of the story about the harbour, long enough to be prose.</p>" for n in range(3)
)


def _shell(state: str, shown: str = "") -> bytes:
    return (
        "<html><head><title>Harbour</title></head><body><main>"
        f"{shown}</main><script>window.state = {state};</script></body></html>"
    ).encode()


def test_the_longest_markup_with_paragraphs_in_a_script_is_found():
    """A JSON member named like contentHtml holding paragraphs is the story's markup, escapes decoded."""
    state = json.dumps({"teaser": {"body": "<p>Short</p>"}, "detail": {"contentHtml": STORY}})
    tree = lxml.html.fromstring(_shell(state.replace("<", "\\u003c")))
    assert STORY == script_state.embedded_html(tree)


def test_markup_with_too_few_paragraphs_is_not_a_story():
    """A member holding one or two paragraphs (a teaser, a caption) is not taken for the story."""
    tree = lxml.html.fromstring(_shell(json.dumps({"content": "<p>One</p><p>Two</p>" + "x" * 300})))
    assert None is script_state.embedded_html(tree)


def test_a_page_showing_text_is_no_shell():
    """A body with its story on show is not an empty shell, whatever its scripts hold."""
    shown = lxml.html.fromstring(_shell(json.dumps({"content": STORY}), shown=STORY))
    empty = lxml.html.fromstring(_shell(json.dumps({"content": STORY})))
    assert (False, True) == (script_state.is_shell(shown), script_state.is_shell(empty))


def test_an_empty_shell_page_reads_the_story_from_its_script_state():
    """The body of a script-rendered page comes from the markup in its state, without a warning."""
    doc = read_html(_shell(json.dumps({"contentHtml": STORY})))
    assert isinstance(doc, Article)
    expected = tuple(
        Paragraph((Text(f"Paragraph {n} of the story about the harbour, long enough to be prose."),))
        for n in range(3)
    )
    assert expected == doc.body
