"""The text format's record: names, suffixes, what it carries, and how its content is sniffed."""

from importlib.metadata import entry_points

import pytest

import newsdoc
from newsdoc import EVERYTHING, Feature
from newsdoc.formats.text import LAYOUT_CONFIDENCE, PLAIN_CONFIDENCE, TEXT


def test_text_registers_through_the_entry_point():
    """The format is found by name, by its aliases and by its suffixes, like any plugin."""
    assert "newsdoc.formats.text:TEXT" in {ep.value for ep in entry_points(group="newsdoc.formats")}
    assert ["text", "text", "text", "text"] == [
        newsdoc.get_format(name).name for name in ("text", "TXT", "plain", "plaintext")
    ]
    assert "text" == newsdoc.format_for_path("story.TXT").name
    assert ("text/plain", False) == (TEXT.media_type, TEXT.binary)


def test_text_carries_everything_but_marks_links_images_embeds_tables_and_pull_quotes():
    """What text declares is what the round-trip harness holds it to."""
    missing = {
        Feature.MARKS,
        Feature.LINKS,
        Feature.NESTED_LINKS,
        Feature.LINE_BREAKS,
        Feature.IMAGES,
        Feature.IMAGE_DETAILS,
        Feature.EMBEDS,
        Feature.TABLES,
        Feature.TABLE_SPANS,
        Feature.IRREGULAR_TABLES,
        Feature.PULL_QUOTES,
    }
    assert EVERYTHING - missing == TEXT.carries


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"Flood barrier holds\n\nThe river peaked on Tuesday.\n", PLAIN_CONFIDENCE),
        ("Tr\u00e8s bien\n".encode(), PLAIN_CONFIDENCE),
        (b"Flood barrier holds\n===================\n", LAYOUT_CONFIDENCE),
        (b"Morning edition\r\n###############\r\n", LAYOUT_CONFIDENCE),
        (b"Flood barrier holds\n=====\n", PLAIN_CONFIDENCE),  # underlined by hand, not by newsdoc
        ("Caf\u00e9".encode()[:-1], PLAIN_CONFIDENCE),  # cut inside the last character
        (b"", 0.0),
        (b"\x00\x01 binary", 0.0),
        (b"\xff\xfe\xfa not utf-8 at all", 0.0),
        (bytes(range(1, 32)) * 4, 0.0),
    ],
)
def test_sniffing(head, expected):
    """Printable UTF-8 is text, with low confidence; newsdoc's own layout a little higher."""
    assert TEXT.sniff is not None
    assert expected == TEXT.sniff(head)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"It was a dark and stormy night.", "text"),
        (b'{"newsdoc":1,"type":"article"}', "json"),
        (b'{"some": "json"}', "json"),
    ],
)
def test_other_formats_win_over_plain_text(head, expected):
    """Text is the fallback: formats that recognise their own content are more confident."""
    assert expected == newsdoc.detect_format(head).name
