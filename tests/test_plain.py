"""plain_text: the words as a person reads them."""

import pytest

from newsdoc import (
    Article,
    BulletList,
    Code,
    CodeBlock,
    Collection,
    Divider,
    Emphasis,
    Figure,
    Heading,
    LineBreak,
    Link,
    Paragraph,
    PullQuote,
    Quote,
    Table,
    TableCell,
    Text,
    plain_text,
)

P = Paragraph


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        (Text("x"), "x"),
        ((Text("a "), Emphasis((Text("b"),)), LineBreak(), Link("u", (Code("c"),))), "a b\nc"),
        (P((Text("p"),)), "p"),
        ((P((Text("one"),)), Divider(), Heading(2, (Text("two"),))), "one\n\ntwo"),
        (Quote((P((Text("said"),)),), (Text("Jane"),)), "said\n\n— Jane"),
        (PullQuote((Text("big"),)), "big"),
        (BulletList(((P((Text("a"),)),), (P((Text("b"),)),))), "a\nb"),
        (Figure(caption=(Text("A boat."),), credit="AP Photo"), "A boat. AP Photo"),
        (
            Table(
                head=((TableCell((Text("h1"),)), TableCell((Text("h2"),))),),
                body=((TableCell((Text("1"),)), TableCell((Text("2"),))),),
            ),
            "h1\th2\n1\t2",
        ),
        (CodeBlock("x = 1\ny = 2"), "x = 1\ny = 2"),
        ((), ""),
    ],
)
def test_plain_text_of_nodes(node, expected):
    """Inlines run together, blocks are separated by blank lines."""
    assert expected == plain_text(node)


def test_plain_text_of_an_article_reads_headline_dek_lead_and_body():
    """An article reads top to bottom, without metadata like dates."""
    article = Article(
        headline="Headline",
        dek="Dek",
        lead=Figure(caption=(Text("Lead caption."),)),
        body=(P((Text("Body."),)),),
    )
    assert "Headline\n\nDek\n\nLead caption.\n\nBody." == plain_text(article)


def test_plain_text_of_a_collection_joins_articles():
    """Articles follow each other, separated by blank lines."""
    assert "A\n\nB" == plain_text(Collection(articles=(Article(headline="A"), Article(headline="B"))))
