"""The words that mark page furniture: class and id values split into whole words."""

import pytest

from newsdoc.formats.html.furniture import FURNITURE_WORDS, SCREEN_READER_WORDS, id_words, words_of


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
        ("article-author-info", "authorinfo"),
        ("writerProfile", "writerprofile"),
        ("about-author", "aboutauthor"),
    ],
)
def test_furniture_class_values_are_recognised(value, word):
    """Class values of share bars, related lists, sign-ups and ads hold a furniture word."""
    assert {word} == words_of(value) & FURNITURE_WORDS & {word}


@pytest.mark.parametrize(
    ("value", "word"),
    [
        ("metro-factbox", "factbox"),
        ("fact-box", "factbox"),
        ("article-body-infobox", "infobox"),
        ("sharebox__item", "sharebox"),
    ],
)
def test_fact_boxes_info_boxes_and_share_boxes_are_furniture(value, word):
    """Boxes set beside the story and share boxes hold a furniture word."""
    assert {word} == words_of(value) & FURNITURE_WORDS


@pytest.mark.parametrize("value", ["sr-only", "u-visually-hidden", "screen-reader-text", "_srOnly_x1"])
def test_screen_reader_only_class_values_are_recognised(value):
    """Bootstrap's, design systems' and WordPress's screen-reader-only classes hold a screen-reader word."""
    assert 1 == len(words_of(value) & SCREEN_READER_WORDS)


@pytest.mark.parametrize("value", ["c-share-bar mostRead", "post-21244172", "a__b--c", "-", "x  y"])
def test_id_words_finds_the_words_that_words_of_finds(value):
    """The uncached splitter for ids gives the same words as the cached one for classes."""
    assert words_of(value) == id_words(value)
