"""walk yields every node in reading order; transform rebuilds trees bottom up."""

import pytest
from hypothesis import given

from newsdoc import (
    Article,
    Author,
    Emphasis,
    Figure,
    Image,
    Link,
    Paragraph,
    Quote,
    Strong,
    Table,
    TableCell,
    Text,
    normalize,
    transform,
    walk,
)
from newsdoc.testing import articles

DOC = Article(
    headline="H",
    authors=(Author("A"),),
    lead=Figure(Image("lead.jpg"), (Text("lead"),)),
    body=(
        Paragraph((Text("a "), Link("https://x.example", (Emphasis((Text("b"),)),)))),
        Quote((Paragraph((Text("q"),)),), (Text("who"),)),
        Table(body=((TableCell((Text("c"),)),),)),
    ),
)


def test_walk_visits_in_reading_order():
    """Depth first: metadata nodes, lead, then the body in order."""
    names = [type(n).__name__ for n in walk(DOC)]
    assert [
        "Article",
        "Author",
        "Figure",
        "Image",
        "Text",
        "Paragraph",
        "Text",
        "Link",
        "Emphasis",
        "Text",
        "Quote",
        "Paragraph",
        "Text",
        "Text",
        "Table",
        "TableCell",
        "Text",
    ] == names


def test_transform_strips_links_keeping_their_text():
    """The documented recipe: a sequence returned is spliced in place."""
    stripped = normalize(transform(DOC, lambda n: n.content if isinstance(n, Link) else n))
    assert (Text("a "), Emphasis((Text("b"),))) == stripped.body[0].content  # type: ignore[union-attr]
    assert not any(isinstance(n, Link) for n in walk(stripped))


def test_transform_removes_nodes_that_map_to_none():
    """Returning None removes the node; here every figure, lead included."""
    result = transform(DOC, lambda n: None if isinstance(n, Figure) else n)
    assert result.lead is None
    assert DOC.body == result.body


def test_transform_replaces_nodes():
    """Returning a new node swaps it in: emphasis becomes strong."""
    result = transform(DOC, lambda n: Strong(n.content) if isinstance(n, Emphasis) else n)
    assert [Strong((Text("b"),))] == [n for n in walk(result) if isinstance(n, Strong | Emphasis)]


def test_transform_that_changes_nothing_returns_the_same_object():
    """No copying when nothing changed: cheap on large trees."""
    assert transform(DOC, lambda n: n) is DOC


def test_transform_checks_types_through_the_model():
    """Putting a block where inlines belong fails with the model's error."""
    with pytest.raises(TypeError, match="must be one of the inlines"):
        transform(DOC, lambda n: Paragraph((Text("x"),)) if isinstance(n, Emphasis) else n)


def test_transform_must_keep_the_root_type():
    """The root cannot be removed or replaced by another type."""
    with pytest.raises(TypeError, match="must return a Article"):
        transform(DOC, lambda n: None if isinstance(n, Article) else n)


@given(articles())
def test_identity_transform_and_walk_agree_on_every_article(article):
    """walk reaches every node transform sees, in the same order."""
    seen: list[object] = []

    def record(node: object) -> object:
        seen.append(node)
        return node

    assert transform(article, record) is article  # type: ignore[arg-type]
    assert sorted(map(id, seen)) == sorted(map(id, walk(article)))
