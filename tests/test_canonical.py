"""normalize: white space folded as HTML folds it, text merged, empty nodes gone."""

import itertools
import time

import pytest
from hypothesis import given

from newsdoc import (
    Article,
    Author,
    BulletList,
    Code,
    CodeBlock,
    Emphasis,
    Figure,
    Image,
    LineBreak,
    Link,
    Paragraph,
    PullQuote,
    Quote,
    Strong,
    Table,
    TableCell,
    Text,
    canonical,
    normalize,
)
from newsdoc.testing import _raw_inlines, articles, blocks, collections, inlines

T = Text
BR = LineBreak()

# (input inlines, expected inlines): each case worked out from how a browser renders it.
INLINE_CASES = [
    pytest.param((T("  a \n\t b  "),), (T("a b"),), id="runs fold, ends trimmed"),
    pytest.param((T("a"), T(" "), T(" b")), (T("a b"),), id="adjacent text merges"),
    pytest.param(
        (T("a "), Emphasis((T(" b "),)), T(" c")),
        (T("a "), Emphasis((T("b"),)), T(" c")),
        id="space at mark edges moves out and collapses",
    ),
    pytest.param(
        (Emphasis((T("a"),)), Emphasis((T("b"),))), (Emphasis((T("ab"),)),), id="adjacent marks merge"
    ),
    pytest.param(
        (Link("u", (T("a"),)), Link("v", (T("b"),))),
        (Link("u", (T("a"),)), Link("v", (T("b"),))),
        id="links to different places stay apart",
    ),
    pytest.param(
        (Link("u", (T("a"),)), Link("u", (T("b"),))), (Link("u", (T("ab"),)),), id="links to one place merge"
    ),
    pytest.param((Emphasis(()), Strong((T("  "),)), T("x")), (T("x"),), id="empty marks vanish"),
    pytest.param((T("a "), BR, T(" b")), (T("a"), BR, T("b")), id="space around a line break goes"),
    pytest.param((BR, T("a"), BR), (T("a"),), id="breaks at block edges go"),
    pytest.param(
        (Emphasis((T("a"), BR)), T("b")),
        (Emphasis((T("a"),)), BR, T("b")),
        id="break at a mark edge moves out",
    ),
    pytest.param((Code("  x   y "),), (Code("x y"),), id="code folds and trims"),
    pytest.param(
        (T("a"), Code(" x "), T("b")), (T("a "), Code("x"), T(" b")), id="code edge spaces move out"
    ),
    pytest.param((Code("a"), Code("b")), (Code("ab"),), id="adjacent code merges"),
    pytest.param((T("a\u00a0\u00a0b"),), (T("a\u00a0\u00a0b"),), id="no-break spaces are content"),
    pytest.param(
        (Strong((Emphasis((T(" x "),)),)),), (Strong((Emphasis((T("x"),)),)),), id="space leaves nested marks"
    ),
]


@pytest.mark.parametrize(("given_", "expected"), INLINE_CASES)
def test_inline_runs_normalize_as_browsers_render(given_, expected):
    """Each inline case normalizes to the form worked out by hand."""
    assert expected == normalize(Paragraph(given_)).content


def test_empty_blocks_vanish_from_their_container():
    """Empty paragraphs, quotes, lists and figures are removed from a body."""
    body = (
        Paragraph((T("  "),)),
        Quote(()),
        BulletList(((Paragraph(()),),)),
        Figure(),
        Table(),
        CodeBlock("\n\n"),
        PullQuote(()),
        Paragraph((T("kept"),)),
    )
    assert (Paragraph((T("kept"),)),) == normalize(body)


def test_normalizing_an_empty_block_alone_says_to_normalize_its_container():
    """There is no empty block to return, so a clear ValueError."""
    with pytest.raises(ValueError, match="normalize its container"):
        normalize(Paragraph(()))


def test_code_block_keeps_inner_white_space_but_not_edge_newlines():
    """Preformatted text keeps indentation; leading newlines and trailing space go."""
    assert CodeBlock("  x = 1\n\ty") == normalize(CodeBlock("\r\n  x = 1\r\n\ty\n\n"))


def test_article_metadata_is_folded_and_deduplicated():
    """Strings fold, empty optional strings become None, tags and authors dedupe."""
    article = Article(
        headline="  Big \n news ",
        dek="   ",
        authors=(Author(" Jane  Doe "), Author("Jane Doe"), Author("  ")),
        tags=("Gaza", " gaza", "Gaza ", ""),
        language="en-gb",
        lead=Figure(Image(" a.jpg ", alt="  ")),
    )
    assert Article(
        headline="Big news",
        authors=(Author("Jane Doe"),),
        tags=("Gaza", "gaza"),
        language="en-GB",
        lead=Figure(Image("a.jpg")),
    ) == normalize(article)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("EN", "en"),
        ("en-us", "en-US"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("sr-LATN", "sr-Latn"),
        ("de-x-PHONEBK", "de-x-phonebk"),
    ],
)
def test_language_tags_get_conventional_case(tag, expected):
    """BCP 47 case conventions from RFC 5646, section 2.1.1."""
    assert expected == normalize(Article(language=tag)).language


def test_table_cells_normalize_and_empty_rows_go():
    """Cell text folds; rows without cells are dropped."""
    table = Table(head=((),), body=((TableCell((T(" a "),)),),))
    assert Table(body=((TableCell((T("a"),)),),)) == normalize(table)


@given(articles())
def test_normalize_is_idempotent_on_articles(article):
    """normalize(normalize(x)) == normalize(x)."""
    once = normalize(article)
    assert once == normalize(once)


@given(collections())
def test_normalize_is_idempotent_on_collections(collection):
    """The same holds for collections."""
    assert collection == normalize(collection)


@given(blocks())
def test_strategies_yield_normalized_bodies(body):
    """The public strategies produce trees already in normal form."""
    assert body == normalize(body)


@given(inlines())
def test_normalized_inline_runs_have_no_edge_space_or_adjacent_text(run):
    """The invariants readers rely on: no edge space, no two Texts side by side."""
    if run:
        assert not (isinstance(run[0], Text) and run[0].text.startswith(" "))
        assert not (isinstance(run[-1], Text) and run[-1].text.endswith(" "))
    assert all(not (isinstance(a, Text) and isinstance(b, Text)) for a, b in itertools.pairwise(run))


@given(_raw_inlines(2, 6) | inlines())
def test_a_settled_run_is_one_the_rules_would_keep(run):
    """Whenever the quick look calls a run canonical, the rules themselves keep it as it is."""
    kept = run if canonical._settled(run) else None
    assert (kept, kept) == (kept, canonical._rebuilt(run) if kept is not None else None)


def _adjacent_links(run) -> bool:
    pairs = itertools.pairwise(run)
    return any(type(a) is type(b) is Link for a, b in pairs) or any(
        _adjacent_links(node.content) for node in run if hasattr(node, "content")
    )


@given(inlines())
def test_canonical_runs_take_the_quick_path(run):
    """A normalized run is settled by the quick look, unless two links sit side by side in it."""
    assert canonical._settled(run) or _adjacent_links(run)


def test_long_runs_of_mergeable_nodes_merge_in_linear_time():
    """40,000 side-by-side texts, and 40,000 links to one place, merge at once rather than pair by pair."""
    texts = Paragraph(tuple(Text("ab ") for _ in range(40_000)))
    links = Paragraph(tuple(Link("https://a.example", (Text("y"),)) for _ in range(40_000)))
    started = time.perf_counter()
    merged_texts, merged_links = normalize(texts), normalize(links)
    elapsed = time.perf_counter() - started
    assert (
        Paragraph((Text("ab " * 39_999 + "ab"),)),
        Paragraph((Link("https://a.example", (Text("y" * 40_000),)),)),
    ) == (
        merged_texts,
        merged_links,
    )
    assert elapsed < 20  # about 0.1 s; merging pair by pair took over 10 s
