"""Captions and credits as pages print them."""

import pytest

from newsdoc.formats.text.captions import IMAGE_CAPTION, IMAGE_SOURCE, Caption, split_caption


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Palestinians inspect the damage. (AP Photo/Fatima Shbair)",  # AP, The Times of Israel
            Caption("Palestinians inspect the damage.", "AP Photo/Fatima Shbair"),
        ),
        ("Biden and Netanyahu. (AP Photo)", Caption("Biden and Netanyahu.", "AP Photo")),
        ("Sandbags along the river. (Reuters)", Caption("Sandbags along the river.", "Reuters")),  # wires
        (
            "A protest in Jerusalem. (Miriam Alster/Flash90)",
            Caption("A protest in Jerusalem.", "Miriam Alster/Flash90"),
        ),
        ("A rally. (Photo: Jane Doe)", Caption("A rally.", "Jane Doe")),
        (
            "Engineers at the plant. Photograph: Jean-François Badias/AP",  # Guardian
            Caption("Engineers at the plant.", "Jean-François Badias/AP"),
        ),
        (
            "A flood gate stands closed. REUTERS/Jon Nazca Purchase Licensing Rights",  # Reuters
            Caption("A flood gate stands closed.", "REUTERS/Jon Nazca"),
        ),
        (
            "Leaders at the summit.Credit...Olivier Hoslet/EPA, via Shutterstock",  # NYT
            Caption("Leaders at the summit.", "Olivier Hoslet/EPA, via Shutterstock"),
        ),
        ("Photograph: Jane Doe/AP", Caption("", "Jane Doe/AP")),
    ],
)
def test_captions_with_credits(line, expected):
    """The credit is split off the caption, without its label."""
    assert expected == split_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "The talks went on (for hours).",
        "The IDF says it has killed over 13,000 terrorists in Gaza.",
        "He cared about his public image: it was all he had.",
    ],
)
def test_prose_is_no_caption(line):
    """Parentheses and words like "image" in a sentence are not a credit."""
    assert None is split_caption(line)


def test_bbc_image_source_and_caption_labels():
    """The BBC prints "Image source, X" and "Image caption, Y"."""
    source = IMAGE_SOURCE.fullmatch("Image source, Getty Images")
    caption = IMAGE_CAPTION.fullmatch("Image caption, Police at the scene")
    assert ("Getty Images", "Police at the scene") == (
        source and source["credit"],
        caption and caption["caption"],
    )
