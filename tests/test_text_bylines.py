"""Authors as pages print them: "By" lines, bio lines, names with titles."""

import pytest

from newsdoc import Author
from newsdoc.formats.text.bylines import (
    is_title,
    looks_like_name,
    parse_bio,
    parse_byline,
    parse_name_and_title,
    split_title,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Ana Ruiz and Tom Lee", [Author("Ana Ruiz"), Author("Tom Lee")]),
        (
            "By Ana Ruiz, Tom Lee and Jan Harvey",
            [Author("Ana Ruiz"), Author("Tom Lee"), Author("Jan Harvey")],
        ),
        ("By Ana Ruiz, Reuters", [Author("Ana Ruiz", organization="Reuters")]),
        (
            "By Ana Ruiz and Tom Lee, Reuters",
            [Author("Ana Ruiz", organization="Reuters"), Author("Tom Lee", organization="Reuters")],
        ),
        ("By Sam Patel, Local Democracy Reporter", [Author("Sam Patel", title="Local Democracy Reporter")]),
        ("By ZEKE MILLER and DARLENE SUPERVILLE", [Author("Zeke Miller"), Author("Darlene Superville")]),
        ("By Jane Doe in Kyiv", [Author("Jane Doe")]),
        ("By The Associated Press", [Author("The Associated Press")]),
        ("By Ursula von der Leyen", [Author("Ursula von der Leyen")]),
    ],
)
def test_bylines(line, expected):
    """Names split at "and" and commas; an agency or a title after a comma is not a name."""
    assert expected == parse_byline(line)


@pytest.mark.parametrize(
    "line",
    ["By the time the polls closed, turnout had doubled.", "By 2030 the plant will close", "Byline", "By"],
)
def test_sentences_starting_with_by_are_not_bylines(line):
    """ "By" followed by anything but names is prose."""
    assert None is parse_byline(line)


def test_bio_lines():
    """ "A is the outlet's bureau chief" gives the name and the bio; other "is" sentences do not."""
    assert (Author("Jacob Magid", bio="The Times of Israel's US bureau chief"), None, None) == (
        parse_bio("Jacob Magid is The Times of Israel's US bureau chief"),
        parse_bio("John Smith is the company's chief executive"),
        parse_bio("Benjamin Netanyahu is the prime minister."),
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Damian Carrington Environment editor", Author("Damian Carrington", "Environment editor")),
        ("Jacob Magid US bureau chief", Author("Jacob Magid", "US bureau chief")),
        ("Mary Jane Doe Political editor", Author("Mary Jane Doe", "Political editor")),
        ("John Smith Senior political correspondent", Author("John Smith", "Senior political correspondent")),
        ("Meet the new editor", None),
        ("Tributes paid to veteran correspondent", None),
    ],
)
def test_name_and_title_lines(line, expected):
    """The Guardian's "Name Title": the title is the role and the words that qualify it."""
    assert expected == parse_name_and_title(line)


def test_names_and_titles():
    """Names are a few capitalised words; titles hold a role."""
    assert (True, False, True, False) == (
        looks_like_name("Chris Page"),
        looks_like_name("the council"),
        is_title("Ireland correspondent"),
        is_title("Chief executive"),
    )
    assert (("Ireland correspondent", "BBC News"), ("Editor, Europe", None)) == (
        split_title("Ireland correspondent, BBC News"),
        split_title("Editor, Europe"),
    )
