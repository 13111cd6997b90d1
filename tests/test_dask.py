"""The Dask adapter, on Dask's local process scheduler, against the single-process result."""

from pathlib import Path

import dask
import dask.bag as db
import pytest

import newsdoc
from newsdoc.dask import read_bag, results_bag, to_json_lines

from .paths import ROOT

_SAMPLE = newsdoc.read(ROOT / "examples" / "rafah-virtual-meeting.json")
assert isinstance(_SAMPLE, newsdoc.Article)
SAMPLE: newsdoc.Article = _SAMPLE


def _corpus(count: int) -> list[bytes]:
    """Variants of the sample article, every 37th one broken."""
    out = []
    for index in range(count):
        if index % 37 == 0:
            out.append(b'{"newsdoc":1,"type":"article","body":[1]}')
            continue
        article = newsdoc.Article(
            headline=f"{index}: {SAMPLE.headline}", authors=SAMPLE.authors, body=SAMPLE.body[: index % 19 + 1]
        )
        out.append(str(newsdoc.write(article, format="json")).encode())
    return out


@pytest.fixture(scope="module")
def processes():
    """Dask's local multiprocessing scheduler, so pickling is exercised for real."""
    with dask.config.set(scheduler="processes", num_workers=2):
        yield


def test_bag_of_bytes_becomes_the_same_articles_as_one_process(processes):
    """300 inputs over 6 partitions give exactly convert_many's articles, in order."""
    sources = _corpus(300)
    expected = [r.document for r in newsdoc.convert_many(sources) if r.ok]
    got = read_bag(db.from_sequence(sources, npartitions=6)).compute()
    assert 300 - 9 == len(expected)
    assert expected == got


def test_failures_stay_visible_as_results(processes):
    """results_bag keeps one result per input, errors included, with their messages."""
    results = results_bag(db.from_sequence(_corpus(40), npartitions=3)).compute()
    assert [0, 37] == [i for i, r in enumerate(results) if not r.ok]
    assert all("expected an object" in str(r.error) for r in results if not r.ok)


def test_to_json_lines_writes_one_file_per_partition(processes, tmp_path: Path):
    """Partitions become part files; reading them back gives the articles in order."""
    sources = _corpus(120)
    articles = read_bag(db.from_sequence(sources, npartitions=4))
    paths = to_json_lines(articles, tmp_path / "out")
    assert [str(tmp_path / "out" / f"part-{i:05d}.jsonl") for i in range(4)] == paths
    back = [a for path in paths for a in newsdoc.iter_articles(path)]
    assert [r.document for r in newsdoc.convert_many(sources) if r.ok] == back
