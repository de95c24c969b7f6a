"""The committed graph/ is what the code and corpus build: a stale graph fails the suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from brikg.pipeline import GRAPH_FILES

COMMITTED = Path(__file__).resolve().parents[1] / "graph"


@pytest.mark.parametrize("name", [*GRAPH_FILES, "stats.json"])
def test_committed_graph_matches_a_fresh_build(built_graph: Path, name: str) -> None:
    committed = COMMITTED / name
    assert committed.exists(), f"graph/{name} is missing: run `make graph` and commit graph/"
    fresh = (built_graph / name).read_bytes()
    assert committed.read_bytes() == fresh, (
        f"graph/{name} is stale against the code and corpus: run `make graph` and commit graph/"
    )
