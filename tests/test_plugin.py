# Tests assert `expected == actual` (STYLE.md), which SIM300 calls a Yoda condition;
# the licence notice is in LICENSE, not in each file.
"""A third-party format plugin, installed for real with pip, used through the CLI.

The plugin is the toy package in ``tests/fixtures/plugin`` (``newsdoc_shout``). It
registers in the ``newsdoc.formats`` entry point group, exactly as built-in formats do.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import newsdoc
from newsdoc.cli import main
from newsdoc.formats.registry import REGISTRY

if TYPE_CHECKING:
    from collections.abc import Iterator

PLUGIN_SOURCE = Path(__file__).parent / "fixtures" / "plugin"

ARTICLE = newsdoc.Article(
    headline="Council approves budget",
    body=(
        newsdoc.Paragraph((newsdoc.Text("The vote was seven to two."),)),
        newsdoc.Paragraph((newsdoc.Text("Spending rises by 4%."),)),
    ),
)
SHOUTED = "COUNCIL APPROVES BUDGET\n\nTHE VOTE WAS SEVEN TO TWO.\n\nSPENDING RISES BY 4%.\n"


@pytest.fixture(scope="module")
def installed_plugin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Install the plugin with pip, once, into a directory of its own; return that directory."""
    target = tmp_path_factory.mktemp("site")
    command = [
        sys.executable, "-m", "pip", "install",
        "--no-deps", "--no-build-isolation", "--no-index",  # never the network
        "--no-cache-dir", "--disable-pip-version-check", "--quiet",
        "--target", str(target), str(PLUGIN_SOURCE),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert 0 == result.returncode, result.stderr
    return target


@pytest.fixture
def shout(installed_plugin: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Put the installed plugin on sys.path and rescan entry points; forget it afterwards."""
    monkeypatch.syspath_prepend(str(installed_plugin))
    REGISTRY.reload()
    yield
    REGISTRY.reload()
    sys.modules.pop("newsdoc_shout", None)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty directory, so file names in messages are short and exact."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_plugin_is_found_through_its_entry_point(shout: None, installed_plugin: Path) -> None:
    """The installed plugin's format is registered under its name and suffix, loaded from the install."""
    fmt = newsdoc.get_format("shout")
    assert installed_plugin == Path(sys.modules["newsdoc_shout"].__file__ or "").parent.parent
    assert ("shout", "text/x-shout", (".shout",), True, True) == (
        fmt.name, fmt.media_type, fmt.suffixes, fmt.can_read, fmt.can_write,
    )  # fmt: skip
    assert fmt == newsdoc.format_for_path("edition.SHOUT")


def test_formats_lists_the_plugin(shout: None, capsys: pytest.CaptureFixture[str]) -> None:
    """``newsdoc formats`` lists the plugin beside the built-in formats, with what it drops."""
    assert 0 == main(["formats"])
    rows = {
        line.split()[0]: line.split() for line in capsys.readouterr().out.splitlines() if line[:1].strip()
    }
    assert {"json", "jsonl", "shout"} <= rows.keys()
    assert ["shout", "read", "write", ".shout", "drops"] == rows["shout"][:5]


def test_convert_json_to_the_plugin_and_back(
    shout: None, workdir: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """``convert a.json -o a.shout`` writes through the plugin; ``convert a.shout -t json`` reads it back."""
    newsdoc.write(ARTICLE, workdir / "a.json")
    assert 0 == main(["convert", "a.json", "-o", "a.shout"])
    assert (b"", b"") == capsysbinary.readouterr()
    assert SHOUTED == (workdir / "a.shout").read_text(encoding="utf-8")

    assert 0 == main(["convert", "a.shout", "-t", "json"])
    out, err = capsysbinary.readouterr()
    expected = newsdoc.Article(
        headline="COUNCIL APPROVES BUDGET",
        body=(
            newsdoc.Paragraph((newsdoc.Text("THE VOTE WAS SEVEN TO TWO."),)),
            newsdoc.Paragraph((newsdoc.Text("SPENDING RISES BY 4%."),)),
        ),
    )
    json_text = newsdoc.write(expected, format="json")
    assert isinstance(json_text, str)
    assert (json_text.encode(), b"") == (out, err)


def test_plugin_warning_is_one_line(shout: None, workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Content the plugin drops is reported as one ``newsdoc: warning:`` line."""
    marked = newsdoc.Article(
        headline="Hi",
        body=(newsdoc.Paragraph((newsdoc.Strong((newsdoc.Text("loud"),)), newsdoc.Text(" news"))),),
    )
    newsdoc.write(marked, workdir / "a.json")
    code = main(["convert", "a.json", "-t", "shout"])
    out, err = capsys.readouterr()
    warning = "newsdoc: warning: shout cannot carry marks; left out of the output\n"
    assert (0, "HI\n\nLOUD NEWS\n", warning) == (
        code, out, err,
    )  # fmt: skip


def test_plugin_read_error_is_one_line(
    shout: None, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Input the plugin cannot read exits 1 with one line naming the file, the place and the reader."""
    (workdir / "bad.shout").write_bytes(b"HEADLINE\n\n\xff\xfe")
    code = main(["convert", "bad.shout", "-t", "json", "-o", "out.json"])
    out, err = capsys.readouterr()
    assert (1, "", "newsdoc: error: bad.shout: byte 10: not UTF-8 text (shout reader)\n") == (code, out, err)
    assert ["bad.shout"] == sorted(p.name for p in workdir.iterdir())


def test_plugin_refuses_pretty(shout: None, workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--pretty`` is a usage error for a plugin writer that takes no such option."""
    newsdoc.write(ARTICLE, workdir / "a.json")
    code = main(["convert", "a.json", "-o", "a.shout", "--pretty"])
    err = capsys.readouterr().err
    assert (2, "newsdoc: error: --pretty does not apply to shout output (see: newsdoc convert --help)\n") == (
        code,
        err,
    )
    assert not (workdir / "a.shout").exists()


def test_plugin_is_gone_once_uninstalled(installed_plugin: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without the plugin on sys.path, ``formats`` does not list it (the fixture cleans up)."""
    REGISTRY.reload()
    assert 0 == main(["formats"])
    names = {line.split()[0] for line in capsys.readouterr().out.splitlines() if line[:1].strip()}
    assert "shout" not in names
    assert {"json", "jsonl"} <= names
