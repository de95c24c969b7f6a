"""Shared fixtures and helpers: the bundled corpus built once per test session, into a temporary
folder; the brikg command line run as a user runs it, and the commands of it that read RDF; and
the headless Chromium that the browser tests (viz pages, the query page) drive."""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from brikg.ir import Corpus
from brikg.pipeline import GRAPH_FILES, build_corpus, write_graph

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium (`make system-deps` installs it), not a browser Playwright downloads."""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def brikg(
    *args: str,
    cwd: Path = ROOT,
    timeout: float = 300,
    preexec_fn: Callable[[], object] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python -m brikg ARGS`` in a fresh interpreter, so exit statuses and stderr are real."""
    return subprocess.run(
        [sys.executable, "-m", "brikg", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=preexec_fn,
    )


@functools.cache
def command_help(*command: str) -> str:
    """``brikg COMMAND --help``, asked once per session (each asking starts an interpreter)."""
    return brikg(*command, "--help").stdout


@functools.cache
def rdf_commands() -> tuple[str, ...]:
    """The commands `brikg --help` lists that read an RDF file (validate's PATH, or --data):
    found from the help, so that a command added later is tested without a test changing."""
    section = command_help().split("Commands:", 1)[1]
    return tuple(
        command
        for command in re.findall(r"^  (\w[\w-]*)", section, flags=re.MULTILINE)
        if command == "validate"
        or re.search(r"^\s+--data\b", command_help(command), flags=re.MULTILINE)
    )


def rdf_command_args(command: str, path: Path, tmp_path: Path) -> list[str]:
    """The arguments that make ``command`` read ``path`` and need nothing else to get that far:
    a query, an endpoint (unreachable: bad data must fail before any network), a free port,
    --out in ``tmp_path``, and the first choice of any other required option."""
    query = tmp_path / "any.rq"
    query.write_text("SELECT * WHERE { ?s ?p ?o } LIMIT 1\n", encoding="utf-8")
    known = {
        "query": [str(query)],
        "push": ["--endpoint", "http://127.0.0.1:9/store"],
        "serve": ["--port", "0"],
        "report": ["--out", str(tmp_path / "out")],
        "viz": ["--out", str(tmp_path / "out")],
        "export": ["--out", str(tmp_path / "out.ttl")],
    }
    args = [str(path)] if command == "validate" else ["--data", str(path)]
    args += known.get(command, [])
    help_text = " ".join(command_help(command).split())
    for option, choices in re.findall(r"(--[\w-]+) \[([\w|-]+)\][^\[]*?\[required\]", help_text):
        if option not in args:
            args += [option, choices.split("|")[0]]
    return args


# An invented document that plans events, as no bundled document does: the rows of
# planned-events, one plan kept late ("due to open in 2020 but opened in 2023"), one not yet
# reported done, and a hedge that plans nothing.
PLANS = {
    "plans.txt": "The Sorrel Bay Bridge in Kenya was originally due to open in 2020 but opened in "
    "2023. The Marovia Rail Link is expected to be completed by the end of 2027. The Halvik "
    "Solar Park could be commissioned in 2029."
}


def write_corpus(folder: Path, documents: dict[str, str]) -> Path:
    """``folder`` (made if need be) with ``documents`` (file name -> text) written into it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in documents.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build_graph(folder: Path, documents: dict[str, str]) -> Path:
    """``folder/graph``, built by the code under test from ``documents`` (file name -> text)
    written as a corpus in ``folder/corpus``: a small graph made for one test's purpose."""
    write_graph(build_corpus(write_corpus(folder / "corpus", documents)), folder / "graph")
    return folder / "graph"


def assert_same_outputs(left: Path, right: Path) -> None:
    """Two graph folders hold the same bytes in every graph file and in stats.json."""
    for name in (*GRAPH_FILES, "stats.json"):
        assert (left / name).read_bytes() == (right / name).read_bytes(), name


@pytest.fixture(scope="session")
def built_corpus() -> Corpus:
    """The bundled corpus, extracted (not written)."""
    return build_corpus(CORPUS)


@pytest.fixture(scope="session")
def built_graph(tmp_path_factory: pytest.TempPathFactory, built_corpus: Corpus) -> Path:
    """A folder holding brikg.trig, brikg.ttl, brikg.nt, brikg.jsonld and stats.json, freshly
    built from corpus/ by the code under test (graph/ in the repo may lag behind a change)."""
    out = tmp_path_factory.mktemp("graph")
    write_graph(built_corpus, out)
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Headless Chromium through Playwright, launched once per module (a launch takes seconds);
    each test opens its own context, so no cookie or storage is shared between tests."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make system-deps` (Debian's chromium)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
