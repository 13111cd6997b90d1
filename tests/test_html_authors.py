"""Byline strings into authors: prefixes, lists, agencies, roles and junk removed."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdoc import Author
from newsdoc.formats.html.authors import authors_from_byline, is_agency


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Ana Ruiz", (Author("Ana Ruiz"),)),
        ("By Ana Ruiz", (Author("Ana Ruiz"),)),
        ("BY ANA RUIZ", (Author("ANA RUIZ"),)),
        ("Von Anna Schmidt", (Author("Anna Schmidt"),)),
        ("Par Claire Dubois", (Author("Claire Dubois"),)),
        ("Text: Lars Nilsson", (Author("Lars Nilsson"),)),
        ("di Marco Rossi", (Author("Marco Rossi"),)),
        ("Di Maio Luigi", (Author("Di Maio Luigi"),)),
        ("Byron Smith", (Author("Byron Smith"),)),
        ("Text Smith", (Author("Text Smith"),)),
    ],
)
def test_byline_words_are_removed(byline, expected):
    """Words that introduce a byline ("By", "Von", "Par", ...) are not part of the name."""
    assert expected == authors_from_byline(byline)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Ana Ruiz and Tom Lee", ("Ana Ruiz", "Tom Lee")),
        ("Ana Ruiz, Tom Lee & Jo Park", ("Ana Ruiz", "Tom Lee", "Jo Park")),
        ("Scott Gilbertson,Gear Team", ("Scott Gilbertson", "Gear Team")),
        ("Felix Schröder und Jörg Soldwisch", ("Felix Schröder", "Jörg Soldwisch")),
        (
            "Trine Juncher Jørgensen og Tôrtia Reimer-Johansen ",
            ("Trine Juncher Jørgensen", "Tôrtia Reimer-Johansen"),
        ),
        ("Chus del Pino y Martí Abad", ("Chus del Pino", "Martí Abad")),
        ("Anna Nowak i Jan Kowalski", ("Anna Nowak", "Jan Kowalski")),
        ("Ярослав Кузишин и Карина Гасимова", ("Ярослав Кузишин", "Карина Гасимова")),
        ("Ana Ruiz with Tom Lee", ("Ana Ruiz", "Tom Lee")),
    ],
)
def test_lists_of_names_are_split(byline, expected):
    """Commas, ampersands and the word "and" in many languages separate authors."""
    assert expected == tuple(author.name for author in authors_from_byline(byline))


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Ana Ruiz, Reuters", (Author("Ana Ruiz", organization="Reuters"),)),
        ("Tom Lee (AP)", (Author("Tom Lee", organization="AP"),)),
        ("Jan Novák/ČTK", (Author("Jan Novák", organization="ČTK"),)),
        (
            "Felix Schröder und Jörg Soldwisch, dpa",
            (Author("Felix Schröder", organization="dpa"), Author("Jörg Soldwisch", organization="dpa")),
        ),
        ("Ana Ruiz | Reuters", (Author("Ana Ruiz", organization="Reuters"),)),
        ("dpa", (Author("dpa"),)),
        ("Associated Press", (Author("Associated Press"),)),
        ("AFP and Reuters", (Author("AFP"), Author("Reuters"))),
    ],
)
def test_agencies_become_the_organization(byline, expected):
    """An agency after a name is the author's organization; an agency alone is the author."""
    assert expected == authors_from_byline(byline)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Ana Ruiz, Environment correspondent", (Author("Ana Ruiz", title="Environment correspondent"),)),
        ("Anna Schmidt (Korrespondentin)", (Author("Anna Schmidt", title="Korrespondentin"),)),
        ("Ana Ruiz | Senior editor", (Author("Ana Ruiz", title="Senior editor"),)),
        ("신현주 기자", (Author("신현주", title="기자"),)),
        ("山田太郎記者", (Author("山田太郎", title="記者"),)),
        ("박준석 기자 외 1명", (Author("박준석", title="기자"),)),
    ],
)
def test_roles_become_the_title(byline, expected):
    """A role after the name (English, German, Korean, Japanese) is the author's title."""
    assert expected == authors_from_byline(byline)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("BY JOHN SMITH | May 3, 2024", ("JOHN SMITH",)),
        ("John Smith - Updated 3 May 2024, 10:42", ("John Smith",)),
        ("Elena Oberholzer (obe), Oliver Maksan (oma)", ("Elena Oberholzer", "Oliver Maksan")),
        ("Dr. Max Kolter", ("Dr. Max Kolter",)),
        ("Michelle de Oliveira", ("Michelle de Oliveira",)),
        ("ndr.de", ("ndr.de",)),
    ],
)
def test_dates_and_initials_are_dropped(byline, expected):
    """Dates after a separator and reporters' initials in parentheses are not part of names."""
    assert expected == tuple(author.name for author in authors_from_byline(byline))


@pytest.mark.parametrize(
    "byline",
    [
        "",
        "   ",
        "https://www.facebook.com/gazette",
        "www.gazette.example/authors/ana",
        "@gazette",
        "(Image: Getty Images)",
        "Foto: dpa",
        "ana@example.com",
        "The Riverside Times https://www.riverside-times.example",
        "A very long sentence that is certainly not anybody's name at all, is it",
        "x" * 2000,
    ],
)
def test_non_names_give_no_authors(byline):
    """URLs, handles, picture credits, e-mail addresses and sentences are not authors."""
    assert () == authors_from_byline(byline)


def test_agency_names_are_recognised_in_any_case():
    """is_agency matches the agency table case-insensitively, ignoring surrounding space."""
    assert (True, True, False) == (is_agency(" REUTERS "), is_agency("Dpa"), is_agency("Ana Ruiz"))


@given(st.text(max_size=200))
def test_any_byline_gives_valid_authors(byline):
    """Any text gives a tuple of Authors with non-empty names; nothing raises."""
    authors = authors_from_byline(byline)
    assert all(isinstance(author, Author) and author.name.strip() for author in authors)
