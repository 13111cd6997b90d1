"""Exceptions and warnings newsdoc raises, all under one root.

::

    NewsdocError
    ├── UnknownFormatError     (also LookupError)   no format by that name, suffix or content
    ├── ReadError              (also ValueError)    input that does not make a document
    ├── WriteError             (also ValueError)    a document the writer cannot write
    └── MissingDependencyError (also ImportError)   a format's optional extra is not installed

    NewsdocWarning (UserWarning)
    ├── ContentDroppedWarning                       a writer left out what its format cannot carry
    └── ReadWarning                                 a reader recovered from a problem in its input
"""

from __future__ import annotations


class NewsdocError(Exception):
    """The root of every error newsdoc raises on purpose."""


class UnknownFormatError(NewsdocError, LookupError):
    """No registered format matches the name, file suffix or content given."""


class ReadError(NewsdocError, ValueError):
    """The input cannot be read as a document.

    *format* names the reader, *location* says where in the input the problem is
    (``line 3, column 7``, a JSON path such as ``body[3].content[0].href``, a file
    inside an EPUB), and *source* names the input (a file name) when it is known.
    """

    def __init__(
        self,
        reason: str,
        *,
        format: str | None = None,
        location: str | None = None,
        source: str | None = None,
    ) -> None:
        self.reason = reason
        self.format = format
        self.location = location
        self.source = source
        super().__init__(reason)

    def __str__(self) -> str:
        # One line, most specific last: "a.json: body[3].href: expected a string (json reader)"
        parts = [part for part in (self.source, self.location, self.reason) if part]
        reader = f" ({self.format} reader)" if self.format else ""
        return ": ".join(parts) + reader

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments need help to survive pickling (worker processes).
        return (_rebuild_read_error, (self.reason, self.format, self.location, self.source))


def _rebuild_read_error(
    reason: str, format: str | None, location: str | None, source: str | None
) -> ReadError:
    return ReadError(reason, format=format, location=location, source=source)


class WriteError(NewsdocError, ValueError):
    """The document cannot be written in the requested format or to the target."""


class MissingDependencyError(NewsdocError, ImportError):
    """A format needs an optional dependency; the message gives the pip command."""

    def __init__(self, package: str, extra: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(f"this needs {package}, which is not installed; run: pip install 'newsdoc[{extra}]'")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.package, self.extra))


class NewsdocWarning(UserWarning):
    """The root of every warning newsdoc issues."""


class ContentDroppedWarning(NewsdocWarning):
    """A writer left out content its format cannot carry; the message lists what."""


class ReadWarning(NewsdocWarning):
    """A reader met a problem it could recover from, such as undecodable bytes."""
