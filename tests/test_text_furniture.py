"""Page furniture: what saved text keeps around a story and an article does not."""

import pytest

from newsdoc.formats.text.furniture import is_furniture, is_prose, starts_section


@pytest.mark.parametrize(
    "line",
    [
        "Share",
        "Share this article",
        "Facebook",
        "Copy link",
        "read more:",
        "Read more: Israel says talks will resume",
        "Filed under: Newsletters, Writing",
        "© 2026 Maya Chen. All rights reserved.",
        "Copyright 2025 The Associated Press. All Rights Reserved.",
        "12 comments",
        "Comments (340)",
        "Advertisement",
        "Listen to this article · 5:12 min Learn more",
        "Skip past newsletter promotion",
        "This article is more than 2 months old",
        "Purchase Licensing Rights",
        "2 hours ago",
    ],
)
def test_furniture_lines(line):
    """Share bars, copyright lines, comment counts, promotions and labels are furniture."""
    assert True is is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell sharply on Monday.",
        "Copyright law has not kept pace with the technology, the judge said.",
        "Comments made by the minister drew criticism.",
        "Sign up numbers for the scheme rose by a fifth last year.",
    ],
)
def test_prose_starting_with_furniture_words_is_kept(line):
    """A sentence that starts like a button is still a sentence."""
    assert False is is_furniture(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Most Popular", True),
        ("Related topics", True),
        ("More on this story", True),
        ("Explore more on these topics", True),
        ("Most viewed", True),
        ("Most people agreed", False),
    ],
)
def test_sections_of_other_stories(line, expected):
    """Headings of lists that run to the end of the page."""
    assert expected == starts_section(line)


def test_prose_ends_a_furniture_list():
    """A full sentence is a story again; a headline of another story is not."""
    assert (True, False) == (
        is_prose("The council met on Tuesday evening and voted to approve the new cycle lanes."),
        is_prose("Storm Éowyn: What we know so far"),
    )
