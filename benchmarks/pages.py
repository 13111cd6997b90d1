# Copyright (c) 2026 The newsdoc developers. MIT License.
"""Issue 4's table: newsdoc against trafilatura on saved news pages, scored by the corpus's own scorer."""

from __future__ import annotations

import contextlib
import gzip
import importlib.util
import json
import statistics
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

from measure import SCORER, Row, Settings, ms, skipped

#: The peer, pinned in the ``bench`` dependency group: issue 4's figures are for this release.
TRAFILATURA = "trafilatura"
Extractor = Callable[[bytes, str], Mapping[str, Any]]


@dataclass(frozen=True)
class Field:
    """One line of issue 4's table: where the scorer keeps the figure, and the target."""

    label: str
    section: str
    key: str
    target: float


#: Issue 4's targets, in its table's order.
FIELDS = (
    Field("body F1 (4-gram shingles)", "body", "f1", 0.965),
    Field("headline exact", "headline", "exact", 0.90),
    Field("authors exact set", "authors", "exact", 0.88),
    Field("published, same instant ±60 s", "published", "instant", 0.85),
    Field("published, same day", "published", "day", 0.97),
    Field("dek", "dek", "ok", 0.85),
    Field("figure captions found", "captions", "found", 0.80),
    Field("figure credits found", "credits", "found", 0.70),
)
#: Time per page may be at most this multiple of trafilatura's.
TIME_RATIO_TARGET = 1.0


def load_scorer(path: Path = SCORER) -> ModuleType:
    """The corpus's ``score_web.py``, imported from its path (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("score_web", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def field_rows(newsdoc_score: Mapping[str, Any], peer_score: Mapping[str, Any], peer: str) -> list[Row]:
    """One row per field of issue 4's table, newsdoc's share beside the peer's."""
    rows = []
    for field in FIELDS:
        ours, theirs = newsdoc_score[field.section], peer_score[field.section]
        count = ours.get("n", newsdoc_score["pages"])
        value = ours[field.key]
        rows.append(
            Row(
                f"Page extraction: {field.label} (n={count})",
                _share(value),
                peer,
                _share(theirs[field.key]),
                target=f">= {field.target:.3g}",
                passed=None if value is None else value >= field.target,
            )
        )
    return rows


def _share(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def time_per_page(
    pages: list[tuple[bytes, str]], extractors: dict[str, Extractor], rounds: int
) -> dict[str, float]:
    """Median over *rounds* of each extractor's mean seconds per page.

    Within a round the extractors take turns page by page, in an order that rotates,
    so that a busy moment on a shared machine slows both alike.
    """
    samples: dict[str, list[float]] = {name: [] for name in extractors}
    for round_number in range(rounds):
        spent = dict.fromkeys(extractors, 0.0)
        names = list(extractors)
        for index, (html, url) in enumerate(pages):
            shift = (index + round_number) % len(names)
            for name in names[shift:] + names[:shift]:
                start = time.perf_counter()
                # As in the scorer, a page an extractor raises on scores zero; its time still counts.
                with contextlib.suppress(Exception):
                    extractors[name](html, url)
                spent[name] += time.perf_counter() - start
        for name, seconds in spent.items():
            samples[name].append(seconds / len(pages))
    return {name: statistics.median(values) for name, values in samples.items()}


def page_extraction(settings: Settings) -> list[Row]:
    """newsdoc against trafilatura on the web corpus: issue 4's fields, then time per page."""
    name = "Page extraction (issue 4)"
    corpus = settings.corpus
    if not corpus.is_dir() or not any(corpus.glob("*.html.gz")):
        return skipped(name, f"no corpus of *.html.gz pages at {corpus} (see --corpus)")
    if not SCORER.is_file():
        return skipped(name, f"no scorer at {SCORER}")
    if importlib.util.find_spec(TRAFILATURA) is None:
        return skipped(name, "trafilatura is not installed (pip install --group bench)")
    scorer = load_scorer()
    extractors: dict[str, Extractor] = {
        "newsdoc": scorer.newsdoc_extractor(),
        TRAFILATURA: scorer.trafilatura_extractor(),
    }
    # The official figures: every page, one extractor after the other (this also warms both up).
    scores = {key: scorer.score(corpus, extract, None, None) for key, extract in extractors.items()}
    pages = [
        (gzip.decompress(case.with_suffix(".html.gz").read_bytes()), json.loads(case.read_bytes())["url"])
        for case in sorted(corpus.glob("*.json"))
    ]
    seconds = time_per_page(pages, extractors, rounds=1 if settings.quick else 3)
    ratio = seconds["newsdoc"] / seconds[TRAFILATURA]
    peer = f"trafilatura {metadata.version(TRAFILATURA)}"
    errors = scores["newsdoc"]["errors"]
    return [
        Row(
            f"Page extraction: {len(pages)} saved pages",
            f"{errors} errors" if errors else "no errors",
            peer,
            f"{scores[TRAFILATURA]['errors']} errors" if scores[TRAFILATURA]["errors"] else "no errors",
        ),
        *field_rows(scores["newsdoc"], scores[TRAFILATURA], peer),
        Row(
            "Page extraction: time per page",
            ms(seconds["newsdoc"]),
            peer,
            ms(seconds[TRAFILATURA]),
            ratio,
            f"<= {TIME_RATIO_TARGET:.0f}x trafilatura",
            ratio <= TIME_RATIO_TARGET,
        ),
    ]
