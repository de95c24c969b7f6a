"""Incremental builds (brikg.incremental): a rebuild re-extracts only changed documents and
gives exactly what a clean build of the same corpus gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import assert_same_outputs, write_corpus

from brikg import incremental
from brikg.cli import cli
from brikg.incremental import ExtractionCache, fingerprint
from brikg.parallel import extract_corpus
from brikg.pipeline import build_corpus, write_graph, write_graph_in_memory

ROOT = Path(__file__).resolve().parents[1]

DOCS = {
    "one.txt": (
        "First Report\n\n"
        "The Ostran-Belik Standard Gauge Railway in Kenya opened in May 2019. "
        "The Quellin Digital Cooperation Forum was established in August 2020.\n"
    ),
    "two.txt": (
        "Second Report\n\n"
        "The Ostran-Belik Railway carried 9 million tonnes in 2023. "
        "The Zelvani Deep-sea Port in Nigeria was completed on 14 March 2024.\n"
    ),
    "three.txt": (
        "Third Report\n\n"
        "Pakistan's Durrani Hydropower Station was put into operation on June 5, 2023.\n"
    ),
    "four.txt": (
        "Fourth Report\n\n"
        "The Astrava Solar Park, a flagship project of the Belt and Road Initiative, has a "
        "capacity of 400 MW.\n"
    ),
}
# The edit renames a project that another document also names: resolution must redo its work
# across documents even though only one document is extracted again.
EDIT = (
    "Second Report\n\n"
    "The Ostran-Belik Railway carried 11 million tonnes in 2024, and the Ostran-Belik "
    "Standard Gauge Railway added a line to Uganda. The Kellan River Industrial Park, jointly "
    "built by China and Egypt, has attracted 120 enterprises.\n"
)


@pytest.fixture(autouse=True)
def steady_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds in one test share a fingerprint even if someone edits src/brikg meanwhile (a
    shared checkout); how the fingerprint follows the sources is tested on its own below."""
    monkeypatch.setattr(incremental, "fingerprint", lambda ontology_dir=None: "test-fingerprint")


@pytest.mark.parametrize("jobs", [1, 2])
def test_rebuild_extracts_only_the_changed_document(tmp_path: Path, jobs: int) -> None:
    folder = write_corpus(tmp_path / "corpus", DOCS)
    cache = tmp_path / "cache"
    corpus, report = extract_corpus(folder, jobs=jobs, cache=cache)
    assert (report.extracted, report.cached) == (4, 0)
    write_graph(corpus, tmp_path / "graph", jobs=jobs)

    (folder / "two.txt").write_text(EDIT, encoding="utf-8")
    corpus, report = extract_corpus(folder, jobs=jobs, cache=cache)
    assert (report.extracted, report.cached, report.documents) == (1, 3, 4)
    write_graph(corpus, tmp_path / "graph", jobs=jobs)

    clean = build_corpus(folder)  # no cache, serial: the reference
    write_graph_in_memory(clean, tmp_path / "clean")
    assert_same_outputs(tmp_path / "clean", tmp_path / "graph")
    assert corpus.entities == clean.entities

    corpus, report = extract_corpus(folder, jobs=jobs, cache=cache)
    assert (report.extracted, report.cached) == (0, 4)


def test_touching_a_file_without_changing_it_reuses_the_cache(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus", DOCS)
    cache = tmp_path / "cache"
    extract_corpus(folder, cache=cache)
    path = folder / "three.txt"
    path.write_bytes(path.read_bytes())  # new mtime, same bytes
    assert extract_corpus(folder, cache=cache)[1].extracted == 0


def test_metadata_is_part_of_the_key(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus", DOCS)
    cache = tmp_path / "cache"
    extract_corpus(folder, cache=cache)
    (folder / "manifest.toml").write_text(
        '[[document]]\nid = "four-renamed"\nfile = "four.txt"\n', encoding="utf-8"
    )
    corpus, report = extract_corpus(folder, cache=cache)
    assert report.extracted == 1 and "four-renamed" in {doc.id for doc in corpus.documents}


def test_damaged_entry_is_extracted_again(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus", DOCS)
    cache = tmp_path / "cache"
    extract_corpus(folder, cache=cache)
    entries = sorted(cache.rglob("*.pickle"))
    assert len(entries) == 4
    entries[0].write_bytes(b"not a pickle")
    corpus, report = extract_corpus(folder, cache=cache)
    assert (report.extracted, report.cached) == (1, 3)
    write_graph(corpus, tmp_path / "graph")
    write_graph_in_memory(build_corpus(folder), tmp_path / "clean")
    assert_same_outputs(tmp_path / "clean", tmp_path / "graph")


def test_fingerprint_follows_source_lexicon_and_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "brikg"
    shutil.copytree(incremental.PACKAGE_DIR, source, ignore=shutil.ignore_patterns("__pycache__"))
    ontology = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", ontology)
    monkeypatch.setattr(incremental, "PACKAGE_DIR", source)
    base = fingerprint(ontology)
    assert fingerprint(ontology) == base  # stable

    relate = source / "relate.py"
    relate.write_text(relate.read_text(encoding="utf-8") + "\n# a change\n", encoding="utf-8")
    changed_code = fingerprint(ontology)
    assert changed_code != base

    lexicon = ontology / "lexicon.ttl"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n# a change\n", encoding="utf-8")
    changed_lexicon = fingerprint(ontology)
    assert changed_lexicon not in {base, changed_code}

    monkeypatch.setattr(incremental, "__version__", "999.0")
    assert fingerprint(ontology) not in {base, changed_code, changed_lexicon}


def test_a_new_fingerprint_clears_the_old_entries(tmp_path: Path) -> None:
    stale = tmp_path / "cache" / "0123456789abcdef"
    stale.mkdir(parents=True)
    (stale / "entry.pickle").write_bytes(b"old")
    cache = ExtractionCache.open(tmp_path / "cache")
    assert not stale.exists() and cache.folder.is_dir()


def test_cli_incremental_says_what_it_extracted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_corpus(tmp_path / "corpus", DOCS)
    monkeypatch.chdir(tmp_path)  # --incremental uses .brikg-cache/ in the working folder
    runner = CliRunner()
    arguments = ["build", "--corpus", str(folder), "--out", "graph", "--incremental"]
    first = runner.invoke(cli, arguments)
    assert first.exit_code == 0, first.output
    assert "extracted 4 of 4 documents (1 job)" in first.output
    (folder / "two.txt").write_text(EDIT, encoding="utf-8")
    second = runner.invoke(cli, [*arguments, "--jobs", "2"])
    assert second.exit_code == 0, second.output
    assert "extracted 1 of 4 documents, 3 from cache (2 jobs)" in second.output
    assert (tmp_path / ".brikg-cache").is_dir()
