"""The exception tree: one root, builtin bases, one-line messages, picklable."""

import pickle

import pytest

import newsdoc
from newsdoc import MissingDependencyError, NewsdocError, ReadError, UnknownFormatError, WriteError


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (UnknownFormatError, LookupError),
        (ReadError, ValueError),
        (WriteError, ValueError),
        (MissingDependencyError, ImportError),
    ],
)
def test_errors_subclass_the_root_and_their_builtin(error, builtin):
    """Callers can catch NewsdocError or the builtin they already expect."""
    assert issubclass(error, NewsdocError)
    assert issubclass(error, builtin)


def test_read_error_says_where_and_which_reader():
    """One line: source, location, reason, reader."""
    error = ReadError("expected a string", format="json", location="body[3].href", source="a.json")
    assert "a.json: body[3].href: expected a string (json reader)" == str(error)


def test_read_error_without_source_or_location():
    """Missing parts are left out, not printed as None."""
    assert "empty input (text reader)" == str(ReadError("empty input", format="text"))


def test_read_error_survives_pickling():
    """Errors cross process boundaries intact (batch workers)."""
    error = ReadError("bad", format="json", location="line 3", source="x.jsonl")
    copy = pickle.loads(pickle.dumps(error))
    assert (error.reason, error.format, error.location, error.source) == (
        copy.reason,
        copy.format,
        copy.location,
        copy.source,
    )


def test_missing_dependency_names_the_pip_command():
    """The message tells the user what to run."""
    error = MissingDependencyError("ebooklib", "epub")
    assert "pip install 'newsdoc[epub]'" in str(error)
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


def test_warnings_share_a_root():
    """Warnings can be filtered together."""
    assert issubclass(newsdoc.ContentDroppedWarning, newsdoc.NewsdocWarning)
    assert issubclass(newsdoc.ReadWarning, newsdoc.NewsdocWarning)
