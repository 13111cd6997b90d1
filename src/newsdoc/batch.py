"""Many inputs at once: :func:`convert_many` reads lazily, in order, in worker processes.

Results come back in input order whatever the number of workers, and only a bounded
window of inputs is in flight, so a stream of millions runs in constant memory.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from attrs import frozen

from newsdoc.errors import NewsdocError, ReadError
from newsdoc.model import Article, Collection

T = TypeVar("T")
R = TypeVar("R")

#: Inputs handed to a worker at a time, for a stream of unknown length: large enough
#: to amortise inter-process overhead on small articles, small enough to keep every
#: worker busy.
CHUNK = 8
#: For a list, chunks grow with it up to this size (a sixteenth of each worker's share
#: at most), so that thousands of small files cost fewer round trips between processes
#: while a short list still ends with every worker busy.
MAX_CHUNK = 64
#: Chunks per worker a list is cut into, at least.
CHUNKS_PER_JOB = 16
#: Chunks in flight per worker; bounds memory whatever the number of inputs.
WINDOW_PER_JOB = 4


@frozen
class ConversionResult:
    """What happened to one input: its *document*, or the *error* that stopped it.

    *source* names the input (its path, or ``<bytes #n>``); *index* is its position.
    """

    index: int
    source: str
    document: Article | Collection | None = None
    error: NewsdocError | OSError | None = None

    @property
    def ok(self) -> bool:
        """Whether the input was read."""
        return self.error is None


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS and Windows have no affinity call
        return os.cpu_count() or 1


def convert_many(
    sources: Iterable[str | os.PathLike[str] | bytes],
    format: str | None = None,
    *,
    jobs: int | None = 1,
    **options: Any,
) -> Iterator[ConversionResult]:
    """Read every source, yielding one :class:`ConversionResult` per input, in input order.

    *sources* may be any iterable of paths or bytes, consumed lazily. *jobs* worker
    processes read in parallel (``None``: one per core); the results, and their
    order, are the same whatever *jobs* is. An input that fails gives a result with
    its error; the others go on.

    >>> import newsdoc
    >>> docs = [b'{"newsdoc":1,"type":"article","headline":"A"}', b'{"newsdoc":1,']
    >>> [(r.ok, r.document.headline if r.ok else r.source) for r in newsdoc.convert_many(docs)]
    [(True, 'A'), (False, '<bytes #1>')]
    """
    tasks = ((index, source, format, options) for index, source in enumerate(sources))
    return ordered_map(_read_one, tasks, jobs=default_jobs() if jobs is None else jobs)


def _read_one(task: tuple[int, Any, str | None, dict[str, Any]]) -> ConversionResult:
    from newsdoc.api import read

    index, source, format, options = task
    name = f"<bytes #{index}>" if isinstance(source, bytes | bytearray) else os.fspath(source)
    if isinstance(source, str):
        source = Path(source)  # a path, whatever it looks like ("{draft}.json")
    try:
        return ConversionResult(index, name, document=read(source, format, **options))
    except (NewsdocError, OSError) as error:
        if isinstance(error, ReadError) and error.source is None:
            error.source = name
        return ConversionResult(index, name, error=error)


def ordered_map(function: Callable[[T], R], items: Iterable[T], *, jobs: int) -> Iterator[R]:
    """``map(function, items)`` over *jobs* processes, in order, with a bounded window.

    *function* and the items must be picklable when *jobs* > 1. Closing the
    iterator early (``break``, an exception) cancels what has not started.
    """
    if jobs <= 1:
        yield from map(function, items)
        return
    chunks = _chunked(items, chunk_size(len(items) if isinstance(items, Sized) else None, jobs))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[list[R]]] = deque(
            pool.submit(_apply, function, chunk) for chunk in islice(chunks, jobs * WINDOW_PER_JOB)
        )
        try:
            while pending:
                done = pending.popleft().result()
                following = next(chunks, None)
                if following is not None:
                    pending.append(pool.submit(_apply, function, following))
                yield from done
        finally:
            for future in pending:
                future.cancel()


def chunk_size(count: int | None, jobs: int) -> int:
    """How many of *count* inputs (None: a stream) go to a worker at a time."""
    if count is None:
        return CHUNK
    return max(1, min(MAX_CHUNK, count // (jobs * CHUNKS_PER_JOB)))


def _apply(function: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [function(item) for item in chunk]


def _chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
