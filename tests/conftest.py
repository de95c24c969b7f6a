"""Shared fixtures: the bundled corpus built once per test session, into a temporary folder, and
the headless Chromium that the browser tests (viz pages, the query page) drive."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from brikg.ir import Corpus
from brikg.pipeline import build_corpus, write_graph

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
