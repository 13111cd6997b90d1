"""Atomic file output: write beside the target, then rename over it.

A reader of the target sees the old file or the complete new one, never a part;
a failure or a kill leaves at most a hidden ``.name.*.tmp`` file, never a torn target.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], *, durable: bool = True) -> Iterator[IO[bytes]]:
    """Yield a binary file that replaces *path* only if the block completes.

    The rename alone means a killed process never leaves a torn file. *durable*
    also flushes the data to disk before the rename, so that an operating-system
    crash cannot leave an empty file behind either; it costs a disk round trip
    (several milliseconds) per file, which batches of thousands of small files skip.
    """
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()  # write the file the link points to, and keep the link
    temporary = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
    try:
        # Inside the try: an interrupt arriving as os.open returns still removes the file.
        # os.open with mode 0o666 lets the umask decide the permissions, as for any new file.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with contextlib.suppress(FileNotFoundError):
            # A file replaced keeps its permissions (a private 0600 file stays private).
            temporary.chmod(stat.S_IMODE(target.stat().st_mode))
        with os.fdopen(descriptor, "wb") as stream:
            yield stream
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise


def write_atomically(path: str | os.PathLike[str], data: bytes, *, durable: bool = True) -> None:
    """Replace *path* with *data* in one step."""
    with atomic_writer(path, durable=durable) as stream:
        stream.write(data)
