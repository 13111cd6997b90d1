# Copyright (c) 2026 The newsdoc developers. MIT License.
"""How the benchmarks time things and what they report: settings, rows, interleaved timers."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The saved news pages of issue 4, beside the repository (``--corpus`` overrides it).
CORPUS = ROOT.parent / "shared" / "corpus" / "web"
#: The official scorer for that corpus, loaded by path rather than re-implemented.
SCORER = ROOT.parent / "shared" / "tools" / "score_web.py"


@dataclass(frozen=True)
class Settings:
    """How hard to try: more rounds and longer samples give steadier medians."""

    rounds: int
    sample_seconds: float
    start_runs: int
    quick: bool
    corpus: Path = CORPUS


FULL = Settings(rounds=21, sample_seconds=0.15, start_runs=40, quick=False)
QUICK = Settings(rounds=5, sample_seconds=0.04, start_runs=20, quick=True)


@dataclass(frozen=True)
class Row:
    """One line of the table: newsdoc's figure, a peer's, and how they compare."""

    name: str
    newsdoc: str
    peer: str = ""
    peer_figure: str = ""
    ratio: float | None = None
    target: str = ""
    passed: bool | None = None

    @property
    def result(self) -> str:
        """``pass``, ``FAIL``, or empty when the row has no target."""
        if self.passed is None:
            return ""
        return "pass" if self.passed else "FAIL"


Benchmark = Callable[[Settings], list[Row]]


def skipped(name: str, reason: str) -> list[Row]:
    """Say on stderr why a benchmark cannot run here, and leave a row saying so in the table."""
    print(f"skipping {name}: {reason}", file=sys.stderr, flush=True)
    return [Row(name, f"skipped: {reason}")]


# --- timing ------------------------------------------------------------------------------


def _calibrate(function: Callable[[], object], seconds: float) -> int:
    """How many calls of *function* take about *seconds* (at least one)."""
    number = 1
    while True:
        start = time.perf_counter()
        for _ in range(number):
            function()
        elapsed = time.perf_counter() - start
        if elapsed >= seconds / 4:
            return max(1, round(number * seconds / elapsed))
        number *= 4


def rotations(names: Sequence[str], rounds: int) -> list[list[str]]:
    """The order to time *names* in each round: rotated by one each round, so none always goes first."""
    names = list(names)
    return [names[r % len(names) :] + names[: r % len(names)] for r in range(rounds)]


def time_interleaved(cases: dict[str, Callable[[], object]], settings: Settings) -> dict[str, float]:
    """Median seconds per call of each case, timed in rotating order within each round."""
    numbers = {name: _calibrate(function, settings.sample_seconds) for name, function in cases.items()}
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for order in rotations(list(cases), settings.rounds):
        for name in order:
            function, number = cases[name], numbers[name]
            start = time.perf_counter()
            for _ in range(number):
                function()
            samples[name].append((time.perf_counter() - start) / number)
    return {name: statistics.median(values) for name, values in samples.items()}


@functools.cache
def process_environment() -> dict[str, str]:
    """The environment of timed processes: Python's bytecode cached, as after ``pip install``.

    Where ``PYTHONDONTWRITEBYTECODE`` is set (containers, CI) every fresh process
    would compile newsdoc from source, which users who installed it never pay for.
    The bytecode goes to a temporary directory, not beside the sources; the first,
    uncounted run of each command fills it.
    """
    cache = tempfile.mkdtemp(prefix="newsdoc-bench-pycache-")
    atexit.register(shutil.rmtree, cache, ignore_errors=True)
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**environment, "PYTHONPYCACHEPREFIX": cache}


def run_quietly(command: Sequence[str]) -> float:
    """Wall seconds of one run of *command*; its output is captured, a failure raises."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=process_environment())
    return time.perf_counter() - start


def wall_time_interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall seconds of each command, run *runs* times each in rotating order."""
    for command in commands.values():  # warm the file system and bytecode caches; not counted
        run_quietly(command)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for order in rotations(list(commands), runs):
        for name in order:
            samples[name].append(run_quietly(commands[name]))
    return {name: statistics.median(values) for name, values in samples.items()}


def scaled_total(per_file: Sequence[float], count: int) -> float:
    """Seconds for *count* files, from the median of a sample of per-file times."""
    if not per_file:
        raise ValueError("no sample to scale")
    return statistics.median(per_file) * count


def rate(seconds: float) -> str:
    """Calls per second, for a table cell."""
    return f"{1 / seconds:,.0f} /s"


def ms(seconds: float) -> str:
    """Milliseconds, for a table cell."""
    return f"{seconds * 1000:.1f} ms"


def rate_files(count: int, seconds: float) -> str:
    """Files per second, for a table cell."""
    return f"{count / seconds:,.0f} files/s"


def newsdoc_command() -> list[str]:
    """How to start the ``newsdoc`` command of this interpreter's environment."""
    script = Path(sys.executable).with_name("newsdoc")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from newsdoc.cli import run; run()"]


def pandoc_path() -> str | None:
    """The ``pandoc`` on PATH, or ``/usr/bin/pandoc``, or None when there is none."""
    found = shutil.which("pandoc")
    if found:
        return found
    return "/usr/bin/pandoc" if Path("/usr/bin/pandoc").exists() else None


def pandoc_version() -> str | None:
    """``pandoc 2.17.1.1``: the first line of ``pandoc --version``, or None without pandoc."""
    pandoc = pandoc_path()
    if pandoc is None:
        return None
    result = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=False)
    lines = result.stdout.splitlines()
    return lines[0].strip() if result.returncode == 0 and lines else None
