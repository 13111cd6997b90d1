"""Boilerplate lines in a story: copyright notices and calls to e-mail the newsroom go."""

import lxml.html
import pytest

from newsdoc.formats.html.boilerplate import strip_boilerplate

STORY = "The river rose two metres overnight, the highest level since records began."


def _texts(markup: str) -> list[str]:
    root = lxml.html.fragment_fromstring(f"<div>{markup}</div>")
    strip_boilerplate(root)
    return [element.text_content() for element in root]


@pytest.mark.parametrize(
    "line",
    [
        "© dpa-infocom, dpa:240516-99-53606/3 (dpa)",
        "<Copyright ⓒ Example Daily. All rights reserved.>",
        "Copyright 2024 Example Press. All rights reserved.",
        "Got a story? Get in touch with our news team by emailing us at news@example.com.",
    ],
)
def test_copyright_and_contact_lines_are_removed(line):
    """A short line opening with a copyright sign or giving an e-mail address goes."""
    assert [STORY] == _texts(f"<p>{STORY}</p><p>{line.replace('<', '&lt;')}</p>")


def test_a_copyright_line_in_a_figure_is_its_credit_and_stays():
    """Inside a figure, a copyright line is the image's credit: kept for the figure reader."""
    assert ["© Jane Doe"] == _texts("<figure><div>© Jane Doe</div></figure>")


def test_a_long_paragraph_naming_an_address_is_story_text():
    """A paragraph longer than MAX_LINE stays, whatever it holds."""
    long = STORY * 4 + " Write to press@example.org for the full report."
    assert [long] == _texts(f"<p>{long}</p>")


@pytest.mark.parametrize(
    "line",
    [
        "Publié le 30/04/2024 - 16:00",
        "09.09.2025, 14:55 Uhr",
        "21. Mai 2026",
        "February 11, 2025",
        "Anzeige",
        "Реклама:",
    ],
)
def test_date_lines_and_ad_labels_are_removed(line):
    """A short line stating only a date, or an ad label alone, goes."""
    assert [STORY] == _texts(f"<p>{STORY}</p><div>{line}</div>")


def test_a_short_line_with_a_date_and_many_words_is_story_text():
    """A sentence that mentions a date is not a date line."""
    line = "The vote on 3 May 2024 was won by the council after a long night."
    assert [STORY, line] == _texts(f"<p>{STORY}</p><p>{line}</p>")


@pytest.mark.parametrize(
    "line",
    [
        "Les også: Storm closes the harbour for a week",
        "À lire aussi La natalité en baisse",
        "Lesen Sie auch: Der Hafen bleibt zu",
        "$$ARTICLEAD$$",
        "For the latest news from across the globe, sign up for our newsletter",
        "Check out more of our travel stories by signing up to our free weekly newsletter",
        "If you buy something using links in our stories, we may earn a commission.",
    ],
)
def test_read_also_links_placeholders_and_newsletter_prompts_are_removed(line):
    """A "read also" line, an unfilled ad placeholder, a newsletter prompt or an affiliate note goes."""
    assert [STORY] == _texts(f"<p>{STORY}</p><p>{line}</p>")


def test_a_sentence_about_a_newsletter_or_reading_is_story_text():
    """Lines that only mention newsletters or reading, without a sign-up prompt, stay."""
    lines = ["The newsletter was read by thousands of farmers.", "Read the report and weep, he said."]
    assert [STORY, *lines] == _texts(f"<p>{STORY}</p>" + "".join(f"<p>{line}</p>" for line in lines))


@pytest.mark.parametrize(
    "line",
    [
        "Follow Example News on Twitter and Facebook for the latest news updates.",
        "Follow Example Tech on Google News and add us as a preferred source.",
        "Folgst du schon Example Zeitung auf Whatsapp?",
        "Suivez-nous sur Instagram",
        "For more stories like this, check our news page.",
        "READ NEXT: Storm closes the harbour for a week",
        "Czytaj więcej",
        "Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés.",
        "Create a FREE account to continue reading",
        "FUNDA OLUNYE UDABA LAPHA | Storm closes the harbour",
    ],
)
def test_follow_prompts_read_next_lines_and_paywall_notices_are_removed(line):
    """A prompt to follow the paper on a social network, a "read next" line or a paywall notice goes."""
    assert [STORY] == _texts(f"<p>{STORY}</p><p>{line}</p>")


def test_a_sentence_about_following_someone_online_is_story_text():
    """Only a line opening with the verb is a prompt: a story's mention of followers stays."""
    line = "Fans who follow her on Instagram saw the post within minutes."
    assert [STORY, line] == _texts(f"<p>{STORY}</p><p>{line}</p>")
