"""convert_many and ordered_map: lazy, ordered, the same whatever the number of workers."""

import itertools

import pytest

import newsdoc
from newsdoc.batch import ConversionResult, convert_many, ordered_map

GOOD = b'{"newsdoc":1,"type":"article","headline":"%d"}'


def _sources(n: int, bad_every: int = 0) -> list[bytes]:
    return [b'{"newsdoc":1,' if bad_every and i % bad_every == 0 else GOOD % i for i in range(n)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_in_input_order_with_errors_in_place(jobs):
    """One result per input, in order; a bad input carries its error and names itself."""
    results = list(convert_many(_sources(30, bad_every=7), jobs=jobs))
    assert list(range(30)) == [r.index for r in results]
    assert [i for i in range(30) if i % 7 == 0] == [r.index for r in results if not r.ok]
    bad = results[7]
    assert isinstance(bad.error, newsdoc.ReadError)
    assert "<bytes #7>" == bad.source
    assert "<bytes #7>: line 1, column 14: not valid JSON" in str(bad.error)
    assert "8" == results[8].document.headline  # type: ignore[union-attr]


def test_two_workers_give_exactly_what_one_gives():
    """Deterministic: documents and errors are equal for jobs=1 and jobs=2."""
    one = [(r.index, r.document, str(r.error)) for r in convert_many(_sources(50, 11), jobs=1)]
    two = [(r.index, r.document, str(r.error)) for r in convert_many(_sources(50, 11), jobs=2)]
    assert one == two


def test_paths_are_read_and_missing_files_are_errors(tmp_path):
    """Paths work like read(); a missing file is that input's OSError."""
    path = tmp_path / "a.json"
    path.write_bytes(GOOD % 1)
    good, missing = convert_many([path, tmp_path / "none.json"])
    assert newsdoc.Article(headline="1") == good.document
    assert isinstance(missing.error, FileNotFoundError)


@pytest.mark.parametrize("jobs", [1, 2])
def test_str_sources_are_paths_whatever_they_look_like(tmp_path, jobs):
    """A str is a path: "{x}.json" that exists is read, one that does not is that input's OSError."""
    (tmp_path / "{a}.json").write_bytes(GOOD % 1)
    found, missing = convert_many([str(tmp_path / "{a}.json"), str(tmp_path / "{none}.json")], jobs=jobs)
    assert (newsdoc.Article(headline="1"), FileNotFoundError) == (found.document, type(missing.error))


def test_sources_are_consumed_lazily():
    """An endless generator works: only what is asked for is read."""
    endless = (GOOD % i for i in itertools.count())
    first = list(itertools.islice(convert_many(endless, jobs=2), 5))
    assert ["0", "1", "2", "3", "4"] == [r.document.headline for r in first]  # type: ignore[union-attr]


def test_ordered_map_matches_map_for_any_jobs():
    """The parallel map is map, in order."""
    assert list(map(abs, range(-40, 40))) == list(ordered_map(abs, range(-40, 40), jobs=2))


def test_results_pickle_for_other_engines():
    """Results cross process boundaries (Dask, Spark, Ray) intact."""
    import pickle

    result = next(convert_many([b"{"]))
    copy = pickle.loads(pickle.dumps(result))
    assert (result.index, result.source, str(result.error)) == (copy.index, copy.source, str(copy.error))
    assert isinstance(copy, ConversionResult)


@pytest.mark.parametrize(
    ("count", "jobs", "size"),
    [(None, 2, 8), (10, 2, 1), (131, 2, 4), (1_500, 2, 46), (1_000_000, 2, 64), (1_500, 8, 11)],
)
def test_chunks_grow_with_a_list_and_stay_small_for_a_stream(count, jobs, size):
    """Long lists go to workers in chunks up to 64; short ones in chunks that keep every worker busy."""
    from newsdoc.batch import chunk_size

    assert size == chunk_size(count, jobs)
