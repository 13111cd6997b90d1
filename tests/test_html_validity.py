"""The Nu HTML Checker (vnu.jar) finds no error in what the HTML writer writes.

The checker comes from npm: ``npm install --no-save --prefix .tools vnu-jar``. A
missing checker fails the test (it is never skipped), so CI cannot pass without it.
"""

import json
import shutil
import subprocess
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings

import newsdoc
from newsdoc import Article, Collection

from .paths import ROOT
from .test_html_safety import HOSTILE

VNU_JAR = ROOT / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL = "cd <repository> && npm install --no-save --prefix .tools vnu-jar"
#: How many Hypothesis articles (and collections) the checker sees, drawn with a fixed seed.
ARTICLES = 40
COLLECTIONS = 5


def _sample(strategy, count):
    """*count* documents from *strategy*, the same ones on every run."""
    found = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(doc):
        found.append(doc)

    collect()
    return found[:count]


def _check(paths: list[Path]) -> list[dict[str, Any]]:
    """Every message the checker gives about *paths*, in one Java run."""
    if not VNU_JAR.exists():
        pytest.fail(f"the Nu HTML Checker is missing at {VNU_JAR}; install it with: {INSTALL}")
    java = shutil.which("java")
    if java is None:
        pytest.fail("the Nu HTML Checker needs Java (a JRE 11 or newer) on PATH")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--also-check-css", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    messages: list[dict[str, Any]] = json.loads(result.stdout)["messages"]
    return messages


def _errors(messages: list[dict[str, Any]]) -> list[str]:
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '')}]"
        for m in messages
        if m["type"] in {"error", "non-document-error"}
    ]


def _page(doc: Article | Collection) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsdoc.ContentDroppedWarning)
        return str(newsdoc.write(doc, format="html"))


def test_pages_written_from_generated_articles_and_the_sample_article_have_no_errors(tmp_path):
    """Zero checker errors over a fixed sample of generated documents, the sample and hostile articles."""
    from newsdoc.testing import articles, collections

    docs = _sample(articles(), ARTICLES) + _sample(collections(max_size=3), COLLECTIONS)
    assert ARTICLES + COLLECTIONS == len(docs)
    docs.append(newsdoc.read(ROOT / "examples" / "rafah-virtual-meeting.json"))
    docs.append(HOSTILE)
    paths = []
    for number, doc in enumerate(docs):
        path = tmp_path / f"doc-{number:02d}.html"
        path.write_text(_page(doc), encoding="utf-8")
        paths.append(path)
    assert [] == _errors(_check(paths))


def test_the_checker_is_real_and_finds_errors(tmp_path):
    """The check can fail: a page with a known error is reported."""
    path = tmp_path / "broken.html"
    path.write_text(
        "<!DOCTYPE html><html lang=en><head><title>x</title></head><body><p><div></p></body></html>"
    )
    errors = _errors(_check([path]))
    assert errors != []
