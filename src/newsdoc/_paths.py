"""Questions about the file system that never raise: a name no file can have is no file.

On Python 3.11 ``Path.exists()`` and ``Path.is_dir()`` raise for names too long for
the file system (ENAMETOOLONG) or holding NUL; a command line must answer "no".
"""

from __future__ import annotations

import os
from pathlib import Path


def exists(path: str | os.PathLike[str]) -> bool:
    """Whether *path* names something that exists."""
    try:
        return Path(path).exists()
    except (OSError, ValueError):
        return False


def is_dir(path: str | os.PathLike[str]) -> bool:
    """Whether *path* names a directory."""
    try:
        return Path(path).is_dir()
    except (OSError, ValueError):
        return False


def is_file(path: str | os.PathLike[str]) -> bool:
    """Whether *path* names a regular file."""
    try:
        return Path(path).is_file()
    except (OSError, ValueError):
        return False
