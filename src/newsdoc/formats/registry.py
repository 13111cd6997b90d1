"""The format registry: records loaded lazily from entry points, found by name, suffix or content.

Built-in formats register through the ``newsdoc.formats`` entry point group exactly
as a third-party package does. A record is light to import; its reader and writer
are ``"module:function"`` strings imported on first use, so heavy dependencies (lxml,
ebooklib) load only for the format that needs them.
"""

from __future__ import annotations

import importlib
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePath
from typing import IO, Any

from attrs import field, frozen

from newsdoc.errors import NewsdocWarning, UnknownFormatError
from newsdoc.fidelity import EVERYTHING, Feature
from newsdoc.model import Article, Collection

#: The entry point group formats register in.
ENTRY_POINT_GROUP = "newsdoc.formats"
#: How many leading bytes :func:`detect_format` gives each sniffer.
SNIFF_BYTES = 8192

Reader = Callable[..., Article | Collection]
Writer = Callable[..., "str | bytes"]
Sniffer = Callable[[bytes], float]


def _resolve(target: Callable[..., Any] | str) -> Callable[..., Any]:
    if callable(target):
        return target
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


@frozen(kw_only=True)
class Format:
    """A format's record: what it is called, how to recognise it, and what it carries.

    *reader*, *writer* and the stream functions are callables or ``"module:function"``
    strings imported on first use. A reader takes ``bytes`` and keyword options and
    returns an :class:`~newsdoc.Article` or :class:`~newsdoc.Collection`; a writer takes
    a document and keyword options and returns ``str`` (text formats) or ``bytes``.
    *sniff* takes the first bytes of an input and returns a confidence from 0 to 1.

    >>> import newsdoc
    >>> newsdoc.get_format("json").suffixes
    ('.json',)
    """

    name: str
    description: str = ""
    media_type: str
    binary: bool
    suffixes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    reader: Callable[..., Any] | str | None = field(default=None, eq=False)
    writer: Callable[..., Any] | str | None = field(default=None, eq=False)
    stream_reader: Callable[..., Any] | str | None = field(default=None, eq=False)
    """Yields articles one at a time from a binary file: ``(stream, **options) -> Iterator[Article]``."""
    stream_writer: Callable[..., Any] | str | None = field(default=None, eq=False)
    """Writes articles one at a time to a binary file: ``(articles, stream, **options) -> int``."""
    carries: frozenset[Feature] = EVERYTHING
    sniff: Sniffer | None = field(default=None, eq=False)

    @property
    def can_read(self) -> bool:
        """Whether the format has a reader."""
        return self.reader is not None

    @property
    def can_write(self) -> bool:
        """Whether the format has a writer."""
        return self.writer is not None

    def read(self, data: bytes, **options: Any) -> Article | Collection:
        """Read *data* with this format's reader."""
        if self.reader is None:
            raise UnknownFormatError(f"{self.name} has no reader")
        return _resolve(self.reader)(data, **options)  # type: ignore[no-any-return]

    def write(self, doc: Article | Collection, **options: Any) -> str | bytes:
        """Write *doc* with this format's writer."""
        if self.writer is None:
            raise UnknownFormatError(f"{self.name} has no writer")
        return _resolve(self.writer)(doc, **options)  # type: ignore[no-any-return]

    def iter_articles(self, stream: IO[bytes], **options: Any) -> Iterator[Article]:
        """Yield the articles in *stream* one at a time, streaming where the format can."""
        if self.stream_reader is not None:
            yield from _resolve(self.stream_reader)(stream, **options)
            return
        doc = self.read(stream.read(), **options)
        yield from doc.articles if isinstance(doc, Collection) else (doc,)

    def write_articles(self, articles: Iterable[Article], stream: IO[bytes], **options: Any) -> int:
        """Write *articles* to *stream*, one at a time where the format can; return the count."""
        if self.stream_writer is not None:
            return _resolve(self.stream_writer)(articles, stream, **options)  # type: ignore[no-any-return]
        batch = tuple(articles)
        doc: Article | Collection = batch[0] if len(batch) == 1 else Collection(articles=batch)
        output = self.write(doc, **options)
        stream.write(output.encode("utf-8") if isinstance(output, str) else output)
        return len(batch)


class Registry:
    """Formats by name, loaded from entry points on first use; thread-safe."""

    def __init__(self, group: str = ENTRY_POINT_GROUP) -> None:
        self._group = group
        self._lock = threading.Lock()
        self._formats: dict[str, Format] | None = None
        self._extra: dict[str, Format] = {}

    def register(self, fmt: Format) -> None:
        """Add *fmt*, replacing any format of the same name, as entry points do."""
        with self._lock:
            self._extra[fmt.name] = fmt
            if self._formats is not None:
                self._formats[fmt.name] = fmt

    def reload(self) -> None:
        """Forget loaded entry points so the next lookup scans them again."""
        with self._lock:
            self._formats = None

    def all(self) -> tuple[Format, ...]:
        """Every format, sorted by name."""
        return tuple(sorted(self._load().values(), key=lambda f: f.name))

    def get(self, name: str) -> Format:
        """The format called *name* (or with *name* as an alias), case-insensitively."""
        if not isinstance(name, str):
            raise TypeError(f"a format is named by a str, such as 'json', not {type(name).__name__}")
        wanted = name.strip().lower()
        formats = self._load()
        if wanted in formats:
            return formats[wanted]
        for fmt in formats.values():
            if wanted in fmt.aliases:
                return fmt
        known = ", ".join(sorted(formats))
        raise UnknownFormatError(f"unknown format {name!r}; known formats: {known}")

    def for_path(self, path: str | PurePath) -> Format:
        """The format whose suffix *path* ends with; the longest suffix wins."""
        lower = PurePath(path).name.lower()
        best: tuple[int, Format] | None = None
        for fmt in self._load().values():
            for suffix in fmt.suffixes:
                if lower.endswith(suffix) and (best is None or len(suffix) > best[0]):
                    best = (len(suffix), fmt)
        if best is None:
            raise UnknownFormatError(f"no format has the suffix of {PurePath(path).name!r}; name one")
        return best[1]

    def detect(self, head: bytes) -> Format:
        """The readable format most confident that *head* (an input's first bytes) is its own."""
        best: tuple[float, Format] | None = None
        for fmt in self.all():
            if fmt.sniff is None or not fmt.can_read:
                continue
            score = fmt.sniff(head[:SNIFF_BYTES])
            if score > 0 and (best is None or score > best[0]):
                best = (score, fmt)
        if best is None:
            raise UnknownFormatError("cannot tell the input's format from its content; name one")
        return best[1]

    def _load(self) -> dict[str, Format]:
        formats = self._formats
        if formats is not None:
            return formats
        with self._lock:
            if self._formats is None:
                loaded = dict(_from_entry_points(self._group))
                loaded.update(self._extra)
                self._formats = loaded
            return self._formats


def _from_entry_points(group: str) -> Iterator[tuple[str, Format]]:
    from importlib.metadata import entry_points

    for entry_point in entry_points(group=group):
        try:
            record = entry_point.load()
        except Exception as error:  # noqa: BLE001 - one broken plugin must not hide the others
            warnings.warn(
                f"format plugin {entry_point.name!r} ({entry_point.value}) failed to load: {error}",
                NewsdocWarning,
                stacklevel=4,
            )
            continue
        if not isinstance(record, Format):
            warnings.warn(
                f"format plugin {entry_point.name!r} ({entry_point.value}) is not a newsdoc.Format",
                NewsdocWarning,
                stacklevel=4,
            )
            continue
        yield record.name, record


#: The registry :func:`newsdoc.read` and :func:`newsdoc.write` use.
REGISTRY = Registry()


def available_formats() -> tuple[Format, ...]:
    """Every registered format, sorted by name."""
    return REGISTRY.all()


def get_format(name: str) -> Format:
    """The format called *name*, or raise :class:`~newsdoc.UnknownFormatError`."""
    return REGISTRY.get(name)


def format_for_path(path: str | PurePath) -> Format:
    """The format whose file suffix *path* has (``.json``, ``.jsonl``), longest first."""
    return REGISTRY.for_path(path)


def detect_format(head: bytes) -> Format:
    """The readable format that recognises *head*, the first bytes of an input."""
    return REGISTRY.detect(head)


def register_format(fmt: Format) -> None:
    """Register *fmt* in this process, for formats not installed through entry points."""
    REGISTRY.register(fmt)
