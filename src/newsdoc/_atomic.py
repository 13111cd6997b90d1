"""Atomic file output: write beside the target, then rename over it.

A reader of the target sees the old file or the complete new one, never a part;
a failure or a kill leaves at most a hidden ``.name.*.tmp`` file, never a torn target.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """Yield a binary file that replaces *path* only if the block completes."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
    # os.open with mode 0o666 lets the umask decide the permissions, as for any new file.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace *path* with *data* in one step."""
    with atomic_writer(path) as stream:
        stream.write(data)
