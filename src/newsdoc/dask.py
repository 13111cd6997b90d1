"""A thin Dask adapter: bags of paths or bytes become bags of articles, and back to files.

Install with ``pip install 'newsdoc[dask]'``. Everything here maps newsdoc's own
picklable, side-effect-free functions over partitions; Dask does the scheduling.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

try:
    import dask.bag as db
except ImportError as error:  # pragma: no cover - exercised only without the extra
    from newsdoc.errors import MissingDependencyError

    raise MissingDependencyError("dask", "dask") from error

from newsdoc._atomic import atomic_writer
from newsdoc.batch import ConversionResult, convert_many
from newsdoc.model import Article, Collection

__all__ = ["read_bag", "results_bag", "to_json_lines"]


def results_bag(sources: db.Bag, format: str | None = None, **options: Any) -> db.Bag:
    """Map a bag of paths or bytes to a bag of :class:`~newsdoc.ConversionResult`, one per input.

    Failures stay in the bag as results holding their error, so one bad page never
    sinks a partition. A result's ``index`` counts from 0 within its partition.
    """
    return sources.map_partitions(_read_partition, format, options)


def read_bag(sources: db.Bag, format: str | None = None, **options: Any) -> db.Bag:
    """Map a bag of paths or bytes to a bag of articles; inputs that fail are left out.

    A collection (a JSON Lines file, an EPUB digest) contributes each of its articles.
    Use :func:`results_bag` to see the failures.
    """
    return results_bag(sources, format, **options).map_partitions(_articles_of)


def to_json_lines(articles: db.Bag, directory: str | os.PathLike[str]) -> list[str]:
    """Write a bag of articles as JSON Lines, one ``part-NNNNN.jsonl`` per partition.

    Each file is written atomically. Returns the paths written, in partition order.
    """
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    names = [str(target / f"part-{index:05d}.jsonl") for index in range(articles.npartitions)]
    written: list[str] = db.map_partitions(
        _write_partition, articles, db.from_sequence(names, npartitions=len(names))
    ).compute()
    return written


def _read_partition(
    sources: Iterable[Any], format: str | None, options: dict[str, Any]
) -> list[ConversionResult]:
    return list(convert_many(sources, format, jobs=1, **options))


def _articles_of(results: Iterable[ConversionResult]) -> list[Article]:
    # A list, not a generator: partitions cross process boundaries pickled.
    articles: list[Article] = []
    for result in results:
        doc = result.document
        if isinstance(doc, Collection):
            articles.extend(doc.articles)
        elif doc is not None:
            articles.append(doc)
    return articles


def _write_partition(articles: Iterable[Article], names: Iterable[str]) -> list[str]:
    from newsdoc.formats.json.write import stream_json_lines

    (name,) = names
    with atomic_writer(name) as stream:
        stream_json_lines(articles, stream)
    return [name]
