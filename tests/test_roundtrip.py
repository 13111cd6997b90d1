"""The round-trip harness: every registered format, tested against its declared fidelity.

For each format that reads and writes, ``read(write(d)) == project(d, carries)`` and
``write(read(write(d))) == write(d)``. A lossless format carries everything, so the
first property is ``read(write(d)) == d``. Formats added later are tested here
without a line of new test code.
"""

import warnings

import pytest
from hypothesis import given

import newsdoc
from newsdoc import Article, Collection, ContentDroppedWarning, Feature, Format, normalize, project
from newsdoc.testing import documents

ROUND_TRIP_FORMATS = [f for f in newsdoc.available_formats() if f.can_read and f.can_write]


def _write(fmt: Format, doc: Article | Collection) -> bytes:
    with warnings.catch_warnings():
        # Lossy formats warn about what they drop; projection accounts for it.
        warnings.simplefilter("ignore", ContentDroppedWarning)
        output = fmt.write(doc)
    return output.encode("utf-8") if isinstance(output, str) else output


def _fit(fmt: Format, doc: Article | Collection) -> Article | Collection:
    """The document reduced to what *fmt* declares it carries."""
    if isinstance(doc, Collection) and Feature.COLLECTIONS not in fmt.carries:
        doc = doc.articles[0] if doc.articles else Article()
    return project(doc, fmt.carries)


def _as_read(fmt: Format, expected: Article | Collection, back: Article | Collection) -> Article | Collection:
    # Streams of articles (JSON Lines) read any input as a collection, one article included.
    if (
        isinstance(expected, Article)
        and isinstance(back, Collection)
        and Feature.COLLECTION_METADATA not in fmt.carries
    ):
        return Collection(articles=(expected,))
    return expected


def test_the_harness_covers_the_built_in_formats():
    """If a built-in format stopped registering, this would notice."""
    assert {"json", "jsonl"} <= {f.name for f in ROUND_TRIP_FORMATS}


@pytest.mark.parametrize("fmt", ROUND_TRIP_FORMATS, ids=lambda f: f.name)
@given(doc=documents())
def test_read_of_write_is_the_projection(fmt: Format, doc: Article | Collection) -> None:
    """read(write(d)) == project(d): exact identity for lossless formats."""
    expected = _fit(fmt, doc)
    back = fmt.read(_write(fmt, doc))
    assert _as_read(fmt, expected, back) == back
    if fmt.carries == newsdoc.EVERYTHING:
        assert doc == back


@pytest.mark.parametrize("fmt", ROUND_TRIP_FORMATS, ids=lambda f: f.name)
@given(doc=documents())
def test_writing_what_was_read_is_a_fixed_point(fmt: Format, doc: Article | Collection) -> None:
    """write(read(write(d))) == write(d)."""
    first = _write(fmt, _fit(fmt, doc))
    assert first == _write(fmt, fmt.read(first))


@given(doc=documents())
def test_readers_return_normalized_documents_and_normalize_is_idempotent(doc: Article | Collection) -> None:
    """What every reader returns is already in normal form."""
    for fmt in ROUND_TRIP_FORMATS:
        back = fmt.read(_write(fmt, _fit(fmt, doc)))
        assert back == normalize(back)
        assert normalize(back) == normalize(normalize(back))
