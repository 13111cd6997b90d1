"""The words that mark page furniture: class and id values split into whole words."""

import pytest

from newsdoc.formats.html.furniture import FURNITURE_WORDS, words_of


def test_class_values_split_on_hyphens_underscores_spaces_and_camel_case():
    """The value "c-share_bar mostRead" gives its words and each adjacent pair joined."""
    expected = {"c", "share", "bar", "most", "read", "cshare", "sharebar", "mostread"}
    assert expected == set(words_of("c-share_bar mostRead"))


@pytest.mark.parametrize("value", ["header", "shadow", "lead-image", "download-link", "headline", "road"])
def test_words_containing_ad_are_not_ads(value):
    """Only a whole word "ad" marks an ad slot: "header" and "shadow" do not."""
    assert set() == words_of(value) & FURNITURE_WORDS


@pytest.mark.parametrize(
    ("value", "word"),
    [
        ("ad-slot", "ad"),
        ("top_ad", "ad"),
        ("social-share-buttons", "share"),
        ("relatedArticles", "related"),
        ("most-read", "mostread"),
        ("read-more", "readmore"),
        ("newsletter-signup", "newsletter"),
        ("cookie-banner", "cookie"),
        ("comments-area", "comments"),
        ("author-bio", "bio"),
    ],
)
def test_furniture_class_values_are_recognised(value, word):
    """Class values of share bars, related lists, sign-ups and ads hold a furniture word."""
    assert {word} == words_of(value) & FURNITURE_WORDS & {word}
