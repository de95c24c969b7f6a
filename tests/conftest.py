"""Shared fixtures: the bundled corpus built once per test session, into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from brikg.ir import Corpus
from brikg.pipeline import build_corpus, write_graph

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


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
