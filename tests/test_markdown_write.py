"""Writing articles as Markdown: layout, conventions, what is dropped, and adversarial text."""

import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import (
    Article,
    BulletList,
    Code,
    CodeBlock,
    Collection,
    ContentDroppedWarning,
    Divider,
    Embed,
    Emphasis,
    Figure,
    Heading,
    Image,
    LineBreak,
    Link,
    OrderedList,
    Paragraph,
    PullQuote,
    Quote,
    Strong,
    Table,
    TableCell,
    Text,
    WriteError,
    normalize,
    project,
)
from newsdoc.formats.markdown import MARKDOWN
from newsdoc.formats.markdown.read import read_markdown
from newsdoc.formats.markdown.write import write_markdown
from newsdoc.testing import urls

from .paths import FIXTURES

T = Text


def P(*content):  # noqa: N802 - reads like the node it builds
    return Paragraph(tuple(content))


def _body(*blocks):
    return write_markdown(Article(body=tuple(blocks)))


def test_a_full_article_is_written_as_the_golden_file():
    """Every field and block newsdoc's Markdown carries, written as shown in the fixture."""
    doc = newsdoc.read(FIXTURES / "markdown" / "newsdoc-article.json")
    expected = (FIXTURES / "markdown" / "newsdoc-article.md").read_text(encoding="utf-8")
    assert expected == write_markdown(doc)


def test_an_empty_article_is_an_empty_file():
    """Nothing to say, nothing written."""
    assert "" == write_markdown(Article())


def test_a_body_without_metadata_has_no_front_matter():
    """Front matter appears only when there is metadata."""
    assert "Hello.\n" == _body(P(T("Hello.")))


def test_an_empty_headline_is_written_when_a_level_one_heading_opens_the_body():
    """Else the heading would be read back as the headline."""
    assert "---\nheadline: ''\n---\n\n# Title\n" == _body(Heading(1, (T("Title"),)))


def test_adjacent_lists_of_one_kind_alternate_their_markers():
    """CommonMark merges lists that share a marker; alternating keeps them apart."""
    items = ((P(T("a")),),)
    expected = "- a\n\n+ a\n\n- a\n\n1. a\n\n1) a"
    assert expected + "\n" == _body(
        BulletList(items), BulletList(items), BulletList(items), OrderedList(items), OrderedList(items)
    )


def test_list_items_indent_their_blocks_under_the_marker():
    """Blocks after the first line of an item are indented by the marker's width."""
    item = (P(T("a")), CodeBlock("x\n\ny"))
    assert "10. a\n\n    ```\n    x\n\n    y\n    ```\n" == _body(OrderedList((item,), start=10))


def test_ordinals_stop_at_nine_digits():
    """CommonMark reads no longer list markers, so later items repeat the last one."""
    items = ((P(T("a")),), (P(T("b")),))
    assert "999999999. a\n999999999. b\n" == _body(OrderedList(items, start=999_999_999))


def test_a_quote_without_attribution_defuses_a_dash_in_its_last_paragraph():
    """A last paragraph opening with an em dash would read as the attribution."""
    assert "> &#8212; not an attribution\n" == _body(Quote((P(T("— not an attribution")),)))


def test_a_paragraph_after_a_table_is_not_its_caption():
    """A colon opening the paragraph is escaped (pandoc writes captions that way)."""
    table = Table(body=((TableCell((T("1"),)),),))
    assert "|  |\n| --- |\n| 1 |\n\n\\: not a caption\n" == _body(table, P(T(": not a caption")))


def test_table_cells_escape_pipes_and_break_lines_with_br():
    """GFM splits rows at pipes, even inside code; cells hold one line."""
    cell = TableCell((T("a|b "), Code("c|d"), LineBreak(), T("e")))
    expected = "| h |\n| --- |\n| a\\|b `c\\|d`<br>e |\n"
    assert expected == _body(Table(head=((TableCell((T("h"),)),),), body=((cell,),)))


def test_headings_keep_a_closing_hash_and_leading_space():
    """A final "#" would be read as a closing sequence; edge space would be stripped."""
    assert "## &#160;C\\#\n" == _body(Heading(2, (T("\u00a0C#"),)))


def test_figures_without_images_are_marked_with_a_comment():
    """The comment is invisible once rendered and tells the reader a figure follows."""
    assert "<!-- figure -->\nCredit: AP\n" == _body(Figure(credit="AP"))


def test_an_embed_without_a_provider_shows_its_url_as_code():
    """The link text is the URL in a code span, which no provider name can be."""
    expected = "<!-- embed -->\n[`https://youtu.be/x`](https://youtu.be/x)\\\nThe gates.\n"
    assert expected == _body(Embed("https://youtu.be/x", None, (T("The gates."),)))


def test_pull_quotes_are_marked_block_quotes():
    """A comment before the quote says it is a pull quote."""
    assert "<!-- pull quote -->\n> Held.\n>\n> — Mayor\n" == _body(PullQuote((T("Held."),), (T("Mayor"),)))


def test_dividers_are_asterisks():
    """ "---" could open front matter or, in a "-" list, be a thematic break."""
    assert "***\n" == _body(Divider())


def test_collections_give_their_first_article_and_warn():
    """Markdown holds one article; the rest are reported dropped."""
    doc = Collection(title="Digest", articles=(Article(headline="One"), Article(headline="Two")))
    with pytest.warns(ContentDroppedWarning, match="collection_metadata, collections"):
        assert "---\nheadline: One\n---\n" == write_markdown(doc)


def test_strict_refuses_what_markdown_cannot_carry():
    """With strict=True, image sizes are an error, not a warning."""
    doc = Article(lead=Figure(Image("a.jpg", width=10)))
    with pytest.raises(WriteError, match="markdown cannot carry image_details"):
        write_markdown(doc, strict=True)


def test_dropped_features_are_projected_away():
    """Nested links keep their text, spans and irregular tables become plain grids."""
    doc = Article(
        body=(
            P(Link("a", (T("x "), Link("b", (T("y"),))))),
            Table(head=((TableCell((T("h"),), colspan=2),),), body=((TableCell((T("1"),)), TableCell(())),)),
        )
    )
    with pytest.warns(ContentDroppedWarning, match="irregular_tables, nested_links, table_spans"):
        written = write_markdown(doc)
    assert "[x y](a)\n\n| h |  |\n| --- | --- |\n| 1 |  |\n" == written


def test_a_document_not_yet_normalized_is_normalized_first():
    """Folded white space and empty nodes: what the reader would return anyway."""
    doc = Article(body=(P(T("  a \n b  "), Strong(())), P()))
    assert "a b\n" == write_markdown(doc)


def test_other_objects_are_refused():
    """Only articles and collections are documents."""
    with pytest.raises(WriteError, match="expected an Article or a Collection, not Paragraph"):
        write_markdown(P(T("x")))


def test_the_api_writes_markdown_by_suffix(tmp_path):
    """newsdoc.write picks Markdown for a .md path."""
    target = tmp_path / "story.md"
    newsdoc.write(Article(headline="Hi"), target)
    assert "---\nheadline: Hi\n---\n" == target.read_text(encoding="utf-8")


# --- adversarial text ----------------------------------------------------------------

_MARKDOWNISH = st.lists(
    st.sampled_from(
        [
            *"*_[]()<>!#|-+=:.1`~^\\&; aé\u00a0\u2003\u3000\u2028\t\n\r\ufeff—\u0301",
            *["&amp;", "&#10;", "1. ", "```", "~~~", "---", "***", "<br>", "<sub>", "    ", "> ", "- "],
            *["Credit: ", "Photo: ", "— ", "-- ", ": ", "Table: ", "<!-- figure -->", "\\|", " #", "..."],
        ]
    ),
    max_size=8,
).map("".join)
_OPTIONAL = st.none() | _MARKDOWNISH
_INLINES: st.SearchStrategy[tuple[newsdoc.Inline, ...]] = st.deferred(
    lambda: st.lists(
        st.one_of(
            st.builds(Text, _MARKDOWNISH),
            st.builds(Code, _MARKDOWNISH),
            st.just(LineBreak()),
            st.builds(Emphasis, _INLINES),
            st.builds(Strong, _INLINES),
            st.builds(newsdoc.Strikethrough, _INLINES),
            st.builds(newsdoc.Subscript, _INLINES),
            st.builds(Link, urls() | _MARKDOWNISH, _INLINES, st.none() | _MARKDOWNISH.filter(bool)),
        ),
        max_size=4,
    ).map(tuple)
)
_ROWS = st.lists(st.lists(st.builds(TableCell, _INLINES), min_size=1, max_size=3).map(tuple), max_size=2)
_BLOCKS: st.SearchStrategy[tuple[newsdoc.Block, ...]] = st.deferred(
    lambda: st.lists(
        st.one_of(
            st.builds(Paragraph, _INLINES),
            st.builds(Heading, st.integers(1, 6), _INLINES),
            st.builds(Quote, _BLOCKS, _INLINES),
            st.builds(PullQuote, _INLINES, _INLINES),
            st.builds(BulletList, st.lists(_BLOCKS, min_size=1, max_size=2).map(tuple)),
            st.builds(
                OrderedList, st.lists(_BLOCKS, min_size=1, max_size=2).map(tuple), st.integers(0, 10**9 - 1)
            ),
            st.builds(Figure, st.none() | st.builds(Image, _MARKDOWNISH, _OPTIONAL), _INLINES, _OPTIONAL),
            st.builds(Embed, urls() | _MARKDOWNISH, _OPTIONAL, _INLINES),
            st.builds(Table, _ROWS.map(tuple), _ROWS.map(tuple), _INLINES),
            st.builds(CodeBlock, _MARKDOWNISH, _OPTIONAL),
            st.just(Divider()),
        ),
        max_size=4,
    ).map(tuple)
)
_ARTICLES = st.builds(
    Article,
    headline=_MARKDOWNISH,
    dek=_OPTIONAL,
    dateline=_OPTIONAL,
    section=_OPTIONAL,
    tags=st.lists(_MARKDOWNISH, max_size=3).map(tuple),
    lead=st.none()
    | st.builds(Figure, st.none() | st.builds(Image, _MARKDOWNISH, _OPTIONAL), _INLINES, _OPTIONAL),
    body=_BLOCKS,
).map(normalize)


@given(_ARTICLES)
def test_text_made_of_markdown_syntax_round_trips(doc):
    """Articles whose every text is Markdown syntax read back as written (links titled, not "")."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ContentDroppedWarning)
        written = write_markdown(doc)
    expected = project(doc, MARKDOWN.carries)
    assert expected == read_markdown(written.encode())
    assert written == write_markdown(read_markdown(written.encode()))


def test_blocks_nested_past_what_markdown_it_reads_are_refused():
    """Lists ten deep or quotes twenty deep would be cut short when read, so they are an error."""
    lists: tuple[newsdoc.Block, ...] = (P(T("x")),)
    for _ in range(9):
        lists = (BulletList((lists,)),)
    assert Article(body=lists) == read_markdown(write_markdown(Article(body=lists)).encode())
    with pytest.raises(
        WriteError, match=r"blocks nested this deep are not read back from Markdown \(level 20\)"
    ):
        write_markdown(Article(body=(BulletList((lists,)),)))
