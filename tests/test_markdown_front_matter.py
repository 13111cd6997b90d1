"""YAML front matter: newsdoc's keys written and read back, other tools' keys read too."""

import datetime as dt

import attrs
import pytest
from hypothesis import given

from newsdoc import Article, Author, Emphasis, Figure, Image, ReadWarning, Text, normalize, project
from newsdoc.formats.markdown import MARKDOWN
from newsdoc.formats.markdown.front_matter import FrontMatterError, dump_front_matter, load_front_matter
from newsdoc.testing import articles

UTC_MINUS_8 = dt.timezone(dt.timedelta(hours=-8))


def _caption(content):
    return "".join(node.text if isinstance(node, Text) else f"*{node.content[0].text}*" for node in content)


def _inline(markdown):
    return (Text(markdown),)


def test_fields_are_written_in_model_order_with_newsdoc_keys():
    """Authors with only a name are a plain string; dates are ISO 8601."""
    doc = Article(
        headline="Flood",
        authors=(Author("Ana Ruiz", title="Reporter"), Author("Staff")),
        published=dt.datetime(2025, 11, 19, 18, 42, 0, 500, tzinfo=UTC_MINUS_8),
        updated=dt.date(2025, 11, 20),
        tags=("a", "b"),
        language="en-GB",
        lead=Figure(Image("g.jpg", "A gate"), (Text("At "), Emphasis((Text("dawn"),))), "AP"),
    )
    expected = (
        "---\n"
        "headline: Flood\n"
        "authors:\n- name: Ana Ruiz\n  title: Reporter\n- Staff\n"
        "published: 2025-11-19T18:42:00.000500-08:00\n"
        "updated: 2025-11-20\n"
        "tags:\n- a\n- b\n"
        "language: en-GB\n"
        "lead:\n  image: g.jpg\n  alt: A gate\n  caption: At *dawn*\n  credit: AP\n"
        "---\n"
    )
    assert expected == dump_front_matter(doc, _caption)


def test_strings_yaml_would_misread_are_quoted():
    """Values that look like dates, booleans or fences stay strings."""
    doc = Article(headline="2025-01-01", dek="yes", dateline="---", section="a: b")
    expected = "---\nheadline: '2025-01-01'\ndek: 'yes'\ndateline: '---'\nsection: 'a: b'\n---\n"
    assert expected == dump_front_matter(doc, _caption)


def test_line_breaks_in_strings_are_escaped_in_double_quotes():
    """A quoted scalar spread over lines could end the front matter early."""
    doc = Article(lead=Figure(Image("a\n---\nb")))
    assert '---\nlead:\n  image: "a\\n---\\nb"\n---\n' == dump_front_matter(doc, _caption)


def test_offsets_in_seconds_are_written_as_strings():
    """YAML timestamps have minute offsets; the reader parses the string instead."""
    when = dt.datetime(2025, 1, 1, tzinfo=dt.timezone(dt.timedelta(seconds=3601)))
    assert "---\npublished: 2025-01-01T00:00:00+01:00:01\n---\n" == dump_front_matter(
        Article(published=when), _caption
    )
    assert ({"published": when}, False) == load_front_matter(
        "published: 2025-01-01T00:00:00+01:00:01", _inline
    )


def test_no_metadata_no_front_matter():
    """An article with nothing but a body needs no front matter."""
    assert "" == dump_front_matter(Article(), _caption)


@given(articles())
def test_any_metadata_reads_back(doc):
    """Every metadata field dumped loads back the same (captions go through the callables)."""
    doc = project(attrs.evolve(doc, body=(), lead=_without_caption(doc.lead)), MARKDOWN.carries)
    text = dump_front_matter(doc, _caption)
    fields, named = load_front_matter(text.removeprefix("---\n").removesuffix("---\n"), _inline)
    assert doc == normalize(Article(**fields))
    assert bool(doc.headline) <= named


def _without_caption(lead):
    if lead is None or (lead.image is None and lead.credit is None):
        return None
    return Figure(lead.image, (), lead.credit)


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        ("title: A\nsubtitle: B", {"headline": "A", "dek": "B"}),
        ("headline: A\ntitle: B", {"headline": "A"}),
        ("author: Jo Park", {"authors": (Author("Jo Park"),)}),
        ("author: [A, B]", {"authors": (Author("A"), Author("B"))}),
        (
            "author:\n  name: Jo\n  affiliation: Reuters\n  role: Editor",
            {"authors": (Author("Jo", title="Editor", organization="Reuters"),)},
        ),
        ("date: 2025-11-21", {"published": dt.date(2025, 11, 21)}),
        (
            "date: 2025-11-21 09:30:00 +0100",
            {"published": dt.datetime(2025, 11, 21, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))},
        ),
        ("lastmod: 2025-11-22T10:00:00Z", {"updated": dt.datetime(2025, 11, 22, 10, tzinfo=dt.UTC)}),
        ("keywords: storms, shipping", {"tags": ("storms", "shipping")}),
        ("tags: one tag", {"tags": ("one tag",)}),
        ("categories: [data, rivers]", {"section": "data"}),
        ("lang: PT-br", {"language": "pt-BR"}),
        ("image: /a.jpg", {"lead": Figure(Image("/a.jpg"))}),
        ("image:\n  path: /a.jpg\n  alt: A", {"lead": Figure(Image("/a.jpg", "A"))}),
        ("title: 2024", {"headline": "2024"}),
        ("layout: post\ndraft: true", {}),
    ],
)
def test_keys_of_jekyll_hugo_and_pandoc_are_read(yaml, expected):
    """Each tool's name for a field fills the same field; newsdoc's own wins."""
    fields, _named = load_front_matter(yaml, _inline)
    assert normalize(Article(**expected)) == normalize(Article(**fields))


def test_an_empty_headline_key_names_the_headline():
    """The writer's "headline: ''" stops a level-1 heading being taken as the headline."""
    assert ({"headline": ""}, True) == load_front_matter("headline: ''", _inline)
    assert ({"headline": ""}, True) == load_front_matter("title:", _inline)


def test_a_time_without_a_zone_keeps_the_date_and_warns():
    """The model refuses naive times; the day is still known."""
    with pytest.warns(ReadWarning, match="'date': a time without a zone; kept the date only"):
        fields, _ = load_front_matter("date: 2025-11-21 09:30:00", _inline)
    assert {"published": dt.date(2025, 11, 21)} == fields


@pytest.mark.parametrize(
    ("yaml", "message"),
    [
        ("title: [a, b]", "'title': expected text, not list"),
        ("date: soon", "'date': expected a date, or a date and time with a zone, not str"),
        ("lang: not a tag!", "'lang': expected a BCP 47 language tag, not str"),
        ("author: [{bio: no name}]", "'author': expected a mapping with a name, not dict"),
        ("image: 3", "'image': expected an image path or a mapping, not int"),
    ],
)
def test_values_of_the_wrong_kind_are_left_out_with_a_warning(yaml, message):
    """A bad value costs that field, not the article."""
    with pytest.warns(ReadWarning, match=message):
        load_front_matter(yaml, _inline)


@pytest.mark.parametrize(
    ("yaml", "message"),
    [
        ("title: [unclosed", "front matter is not valid YAML"),
        ("- a\n- b", "front matter must be a mapping"),
        ("x: !!python/object:os.system ls", "front matter is not valid YAML"),
    ],
)
def test_front_matter_that_is_not_a_yaml_mapping_is_an_error(yaml, message):
    """Broken YAML is refused, as pandoc refuses it; Python tags are never constructed."""
    with pytest.raises(FrontMatterError, match=message):
        load_front_matter(yaml, _inline)


def test_empty_front_matter_has_no_fields():
    """ "---" then "---" is no metadata."""
    assert ({}, False) == load_front_matter("", _inline)


def test_yaml_aliases_do_not_multiply_work():
    """A "billion laughs" of aliases is read without expanding it."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}]" for n in range(1, 30)]
    lines.append("tags: *a29")
    with pytest.warns(ReadWarning):
        fields, _ = load_front_matter("\n".join(lines), _inline)
    assert {"tags": ()} == fields


def test_an_impossible_date_is_left_out_with_a_warning_and_the_rest_is_read():
    """published: 2024-13-45 is a YAML timestamp no calendar holds: a warning, not a failed read."""
    with pytest.warns(ReadWarning, match="front matter 'published': expected a date"):
        fields, named = load_front_matter("title: Rain\npublished: 2024-13-45\n", lambda line: (Text(line),))
    assert ({"headline": "Rain"}, True) == (fields, named)
