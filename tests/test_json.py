"""newsdoc JSON and JSON Lines: layout, errors that say where, versions, streaming, schema."""

import datetime as dt
import io
from typing import Any

import jsonschema
import orjson
import pytest
from hypothesis import given

import newsdoc
from newsdoc import (
    Article,
    Author,
    BulletList,
    Code,
    CodeBlock,
    Collection,
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
    ReadError,
    Strikethrough,
    Strong,
    Subscript,
    Superscript,
    Table,
    TableCell,
    Text,
    WriteError,
)
from newsdoc.formats.json.read import iter_json_lines
from newsdoc.testing import articles, documents

from .paths import FIXTURES

T = Text


def P(*content):  # noqa: N802 - reads like the node it builds
    return Paragraph(tuple(content))


EXPECTED_FULL = Article(
    headline="Flood barrier holds as river peaks",
    dek="Engineers say the new gates spared the old town",
    authors=(
        Author("Ana Ruiz", title="Environment correspondent", url="https://example.com/ana"),
        Author("Tom Lee", organization="Reuters"),
    ),
    dateline="SEVILLE, Spain",
    published=dt.datetime(2025, 11, 19, 18, 42, tzinfo=dt.timezone(dt.timedelta(hours=-8))),
    updated=dt.date(2025, 11, 20),
    section="World",
    tags=("floods", "Spain"),
    url="https://example.com/floods",
    language="en-GB",
    publisher="Example News",
    lead=Figure(
        Image("https://example.com/gate.jpg", "A flood gate", 1200, 800, "image/jpeg"),
        (T("The gate at dawn."),),
        "AP Photo/Jane Roe",
    ),
    body=(
        P(
            T("The river "),
            Emphasis((T("peaked"),)),
            T(" at "),
            Link("https://example.com/gauge", (T("6.2 m"),), "gauge"),
            T("."),
        ),
        Heading(2, (T("What next"),)),
        Quote((P(T("It held.")),), (T("the mayor"),)),
        PullQuote((T("It held."),)),
        BulletList(((P(T("one")),), (P(T("two")),))),
        OrderedList(((P(T("three")),),), start=3),
        Figure(caption=(T("Sandbags."),), credit="Reuters"),
        Embed("https://www.youtube.com/watch?v=x", "YouTube"),
        Table(
            head=((TableCell((T("Day"),)), TableCell((T("Level"),))),),
            body=((TableCell((T("Mon"),)), TableCell((T("5.1"),))),),
        ),
        CodeBlock("level = 6.2", "python"),
        Divider(),
        P(
            T("H"),
            Subscript((T("2"),)),
            T("O "),
            Superscript((T("1"),)),
            T(" "),
            Strikethrough((T("no"),)),
            T(" "),
            Strong((T("yes"),)),
            LineBreak(),
            Code("x"),
            T(" spelled out"),
        ),
    ),
)


def test_golden_article_reads_to_the_expected_tree():
    """Every node type and field, from a hand-written file."""
    assert EXPECTED_FULL == newsdoc.read(FIXTURES / "json" / "full-article.json")


def test_layout_version_then_type_then_fields_in_model_order():
    """Keys come in a fixed order, defaults are left out, text is a bare string."""
    doc = Article(headline="H", published=dt.date(2024, 3, 25), body=(P(T("x")),))
    expected = '{"newsdoc":1,"type":"article","headline":"H","published":"2024-03-25","body":[{"type":"paragraph","content":["x"]}]}\n'
    assert expected == newsdoc.write(doc, format="json")


def test_pretty_output_is_indented_and_reads_back_the_same():
    """pretty=True indents by two spaces; the content is unchanged."""
    pretty = newsdoc.write(EXPECTED_FULL, format="json", pretty=True)
    assert isinstance(pretty, str)
    assert pretty.startswith('{\n  "newsdoc": 1,\n  "type": "article",\n')
    assert EXPECTED_FULL == newsdoc.read(pretty.encode(), format="json")


def test_non_ascii_is_written_as_utf8_not_escaped():
    """Readable output: “quotes” and 中文 stay as they are."""
    assert "“中文”" in str(newsdoc.write(Article(headline="“中文”"), format="json"))


def test_collection_layout():
    """A collection holds plain article objects under "articles"."""
    doc = Collection("Digest", (Article(headline="A"),), dt.date(2025, 1, 2))
    expected = '{"newsdoc":1,"type":"collection","title":"Digest","articles":[{"headline":"A"}],"published":"2025-01-02"}\n'
    assert expected == newsdoc.write(doc, format="json")
    assert doc == newsdoc.read(expected.encode())


BAD_DOCUMENTS = [
    (
        b'{"newsdoc":1,"type":"article","body":[{"type":"paragraph","content":["a",{"type":"link","href":5,"content":[]}]}]}',
        "body[0].content[1].href: expected a string, got an integer",
    ),
    (
        b'{"newsdoc":1,"type":"article","body":[{"type":"heading","level":9,"content":["x"]}]}',
        "body[0]: Heading.level must be 1 to 6, not 9",
    ),
    (
        b'{"newsdoc":1,"type":"article","body":[{"type":"heading","content":["x"]}]}',
        "body[0].level: this required key is missing",
    ),
    (b'{"newsdoc":1,"type":"article","headline":"x","colour":"red"}', 'unexpected key: "colour"'),
    (b'{"newsdoc":1,"type":"article","body":[{"type":"marquee"}]}', "body[0]: unknown block type 'marquee'"),
    (b'{"newsdoc":1,"type":"article","body":"text"}', "body: expected an array, got a string"),
    (
        b'{"newsdoc":1,"type":"article","published":"2024-03-25T10:00:00"}',
        "published: expected an ISO 8601 date (2024-03-25) or date-time with offset, got '2024-03-25T10:00:00'",
    ),
    (
        b'{"newsdoc":1,"type":"article","lead":{"image":{"src":"a.jpg","width":"10"}}}',
        "lead.image.width: expected an integer, got a string",
    ),
    (
        b'{"newsdoc":1,"type":"article","headline":"a\\u0000b"}',
        "Article.headline contains a character documents cannot carry",
    ),
    (b'{"newsdoc":1,"type":"poem"}', "type: \"type\" must be one of article, collection, not 'poem'"),
    (b'{"type":"article"}', 'not a newsdoc document: no "newsdoc" version key'),
    (b'{"newsdoc":"1","type":"article"}', 'newsdoc: "newsdoc" must be a positive integer schema version'),
    (b"[1, 2]", "expected a JSON object holding a newsdoc document"),
    (b'{"newsdoc":1,', "line 1, column 14: not valid JSON"),
    (b"\xff\xfe", "not valid JSON"),
    (b"", "not valid JSON"),
]


@pytest.mark.parametrize(("data", "message"), BAD_DOCUMENTS)
def test_bad_documents_raise_read_error_saying_where(data, message):
    """The message names the JSON path and the problem, in one line."""
    with pytest.raises(ReadError) as caught:
        newsdoc.read(data, format="json")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert "json" == caught.value.format


def test_newer_schema_version_is_named():
    """A document from a newer newsdoc says which version it is and what to do."""
    with pytest.raises(
        ReadError, match="schema version 7; this newsdoc reads up to version 1: upgrade newsdoc"
    ):
        newsdoc.read(b'{"newsdoc":7,"type":"article","future":true}', format="json")


def test_reading_normalizes():
    """Hand-written JSON with untidy text comes back normalized."""
    doc = newsdoc.read(
        b'{"newsdoc":1,"type":"article","headline":"  a  b ","body":[{"type":"paragraph","content":[" x ", " y"]}]}'
    )
    assert Article(headline="a b", body=(P(T("x y")),)) == doc


def test_json_lines_reads_a_collection_and_names_the_failing_line():
    """Each line is an article; errors name the line and the path in it."""
    lines = newsdoc.write(Collection(articles=(Article(headline="A"), Article(headline="B"))), format="jsonl")
    assert (
        '{"newsdoc":1,"type":"article","headline":"A"}\n{"newsdoc":1,"type":"article","headline":"B"}\n'
        == lines
    )
    assert Collection(articles=(Article(headline="A"), Article(headline="B"))) == newsdoc.read(
        str(lines).encode(), format="jsonl"
    )
    bad = str(lines).encode() + b'\n{"newsdoc":1,"type":"article","tags":[1]}\n'
    with pytest.raises(ReadError, match=r"line 4, tags\[0\]: expected a string"):
        newsdoc.read(bad, format="jsonl")


def test_json_lines_refuses_a_collection_on_a_line():
    """Lines hold articles, not nested collections."""
    with pytest.raises(ReadError, match="line 1: each line must hold one article"):
        newsdoc.read(b'{"newsdoc":1,"type":"collection"}\n', format="jsonl")


def test_json_lines_stream_yields_articles_lazily():
    """iter_json_lines reads one line at a time: the first article comes before a later bad line is seen."""
    stream = io.BytesIO(b'{"newsdoc":1,"type":"article","headline":"A"}\nnot json\n')
    articles_seen = iter_json_lines(stream)
    assert Article(headline="A") == next(articles_seen)
    with pytest.raises(ReadError, match="line 2"):
        next(articles_seen)


def test_write_articles_streams_to_a_file_and_iter_articles_reads_it_back(tmp_path):
    """The streaming API round-trips a generator of articles through a .jsonl file."""
    target = tmp_path / "many.jsonl"
    count = newsdoc.write_articles((Article(headline=str(i)) for i in range(50)), target)
    assert 50 == count
    assert [str(i) for i in range(50)] == [a.headline for a in newsdoc.iter_articles(target)]


# Built once: compiling the schema costs more than validating a document.
VALIDATOR = jsonschema.Draft202012Validator(newsdoc.json_schema(), format_checker=jsonschema.FormatChecker())


@given(documents())
def test_written_documents_validate_against_the_schema(doc):
    """Every generated document fits the shipped JSON Schema (Draft 2020-12)."""
    value = orjson.loads(str(newsdoc.write(doc, format="json")))
    jsonschema.Draft202012Validator(
        newsdoc.json_schema(), format_checker=jsonschema.FormatChecker()
    ).validate(value)


@given(articles())
def test_json_lines_lines_validate_against_the_schema(article):
    """Each JSON Lines line is itself a schema-valid document."""
    line = str(newsdoc.write(article, format="jsonl"))
    VALIDATOR.validate(orjson.loads(line))


def test_schema_is_a_valid_draft_2020_12_schema():
    """The schema itself passes the metaschema check."""
    jsonschema.Draft202012Validator.check_schema(newsdoc.json_schema())


@pytest.mark.parametrize(("data", "_message"), BAD_DOCUMENTS[:10])
def test_schema_rejects_what_the_reader_rejects(data, _message):
    """The schema and the reader agree on the invalid documents above that parse as JSON."""
    assert not VALIDATOR.is_valid(orjson.loads(data))


def test_schema_covers_every_model_field():
    """Every attrs field of every node class appears in the schema, so they cannot drift."""
    import attrs

    from newsdoc.formats.json.converter import TAG_OF

    defs = newsdoc.json_schema()["$defs"]
    names = {
        **dict(TAG_OF),
        Image: "image",
        TableCell: "table_cell",
        Author: "author",
    }
    names[Figure] = "figure_block"
    names[Article] = "article"
    names[Collection] = "collection_document"
    for cls, name in names.items():
        assert {f.name for f in attrs.fields(cls)} <= set(defs[name]["properties"]), cls


def _quotes(depth: int) -> bytes:
    """An article whose body nests *depth* quotes around one paragraph."""
    block = '{"type":"paragraph","content":["deep"]}'
    for _ in range(depth):
        block = '{"type":"quote","body":[' + block + "]}"
    return ('{"newsdoc":1,"type":"article","headline":"H","body":[' + block + "]}").encode()


@pytest.mark.parametrize("depth", range(118, 132))
def test_what_reads_writes_back_at_the_nesting_limit(depth: int) -> None:
    """Around orjson's limit, a document either is refused when read or writes back the same."""
    outcome: object
    try:
        doc = newsdoc.read(_quotes(depth), format="json")
    except ReadError as error:
        outcome = (error.format, error.reason)
    else:
        written = newsdoc.write(doc, format="json")
        assert isinstance(written, str)
        outcome = doc == newsdoc.read(written.encode(), format="json")
    assert outcome in {True, ("json", "nested too deeply: more than 254 levels of arrays and objects")}


def test_a_document_built_too_deep_to_write_is_a_write_error() -> None:
    """A tree nested past what JSON can hold raises WriteError, not orjson's TypeError."""
    block: Any = Paragraph((Text("deep"),))
    for _ in range(200):
        block = Quote((block,))
    with pytest.raises(WriteError, match="nested too deeply"):
        newsdoc.write(Article(body=(block,)), format="json")


@pytest.mark.parametrize(
    ("data", "articles"),
    [
        (
            b'{"newsdoc":1,"type":"article","headline":"A"}\r\n{"newsdoc":1,"type":"article","headline":"B"}\r\n',
            2,
        ),
        (
            b'{"newsdoc":1,"type":"article","headline":"A"}\r{"newsdoc":1,"type":"article","headline":"B"}\r',
            None,
        ),
    ],
)
def test_json_lines_read_whole_and_streamed_agree_on_line_ends(data: bytes, articles: int | None) -> None:
    """CRLF ends lines in both readers; a bare CR does not, so both refuse it alike."""
    outcomes: list[object] = []
    for read in (
        lambda: newsdoc.read(data, format="jsonl"),
        lambda: Collection(articles=tuple(iter_json_lines(io.BytesIO(data)))),
    ):
        try:
            doc = read()
        except ReadError as error:
            outcomes.append(error.location)
        else:
            outcomes.append(len(doc.articles) if isinstance(doc, Collection) else doc)
    assert [articles or "line 1", articles or "line 1"] == outcomes
