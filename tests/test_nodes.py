"""The fast node constructors make exactly what the model's classes make, and refuse the same."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdoc import _nodes
from newsdoc.model import Emphasis, Image, Link, Paragraph, Strong, Text


def _outcome(build, *args):
    try:
        node = build(*args)
    except (TypeError, ValueError) as error:
        return type(error), str(error)
    return type(node), node


@given(st.text())
def test_text_is_the_class_or_its_error(value):
    """Any string gives the Text the class would give, or the class's own error."""
    assert _outcome(Text, value) == _outcome(_nodes.text, value)


@given(st.text(), st.none() | st.text())
def test_link_is_the_class_or_its_error(href, title):
    """Any href and title give the Link the class would give, or the class's own error."""
    content = (Text("words"),)
    assert _outcome(Link, href, content, title) == _outcome(_nodes.link, href, content, title)


@pytest.mark.parametrize("value", ["a\x00b", "\ufffe", "\ud800", "tab\x0bbed"])
def test_refused_characters_raise_the_model_error(value):
    """Refused characters raise ValueError naming the character, exactly as the class does."""
    with pytest.raises(ValueError, match="contains a character documents cannot carry"):
        _nodes.text(value)


def test_marks_and_paragraphs_equal_and_hash_as_the_classes():
    """Nodes built fast are equal to, and hash as, the same nodes built by the classes."""
    fast = _nodes.paragraph(
        (_nodes.mark(Strong, (_nodes.text("big"),)), _nodes.mark(Emphasis, (Text(" x"),)))
    )
    slow = Paragraph((Strong((Text("big"),)), Emphasis((Text(" x"),))))
    assert (slow, hash(slow), repr(slow)) == (fast, hash(fast), repr(fast))


def test_fast_nodes_are_frozen():
    """A node built fast can no more be changed than one built by its class."""
    node = _nodes.text("fixed")
    with pytest.raises(AttributeError):
        node.text = "changed"  # type: ignore[misc]


def test_moved_is_evolve_with_the_new_source_and_type():
    """moved() gives what attrs.evolve would: the image's alt and size at the other image's src and type."""
    image = Image("img/a.png", alt="A harbour", width=640, height=480)
    to = Image("data:image/png;base64,AAAA", media_type="image/png")
    expected = attrs.evolve(image, src=to.src, media_type=to.media_type)
    assert (expected, hash(expected)) == (_nodes.moved(image, to), hash(_nodes.moved(image, to)))
