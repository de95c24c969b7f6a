"""The synthetic corpus generator (bench/generate.py): deterministic, sized as asked, loadable,
and its invented names are found by the extractor (its truth.json is an evaluation set)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from brikg.corpus import load_corpus
from brikg.ir import Corpus, Entity
from brikg.lexicon import load_lexicon
from brikg.pipeline import build_corpus
from brikg.recognize.tokens import name_key

ROOT = Path(__file__).resolve().parents[1]


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "brikg_bench_generate", ROOT / "bench/generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


generator = _load_generator()


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_same_seed_same_bytes_other_seed_other_corpus(tmp_path: Path) -> None:
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generator.generate(first, docs=3, seed=7, doc_bytes=6000)
    generator.generate(second, docs=3, seed=7, doc_bytes=6000)
    generator.generate(other, docs=3, seed=8, doc_bytes=6000)
    assert _files(first) == _files(second)
    assert set(_files(first)) == set(_files(other))
    assert _files(first)["synthetic-00000.txt"] != _files(other)["synthetic-00000.txt"]


def test_scale_is_relative_to_the_bundled_corpus(tmp_path: Path) -> None:
    summary = generator.generate(tmp_path, scale=0.5, seed=1)
    target = 0.5 * generator.bundled_bytes()
    assert 0.95 * target <= summary["bytes"] <= 1.1 * target
    written = sum(p.stat().st_size for p in tmp_path.glob("synthetic-*.txt"))
    assert written == summary["bytes"]


def test_manifest_and_documents_load_cleanly(tmp_path: Path) -> None:
    generator.generate(tmp_path, docs=14, seed=3, doc_bytes=3000)
    documents, errors = load_corpus(tmp_path)
    assert errors == []
    assert [doc.id for doc in documents] == [f"synthetic-{i:05d}" for i in range(14)]
    assert all(not doc.meta.inferred for doc in documents)  # the manifest describes them all
    assert {doc.meta.language for doc in documents} == {"en", "zh"}  # a Chinese share, too


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, list[dict]]:
    folder = tmp_path_factory.mktemp("synthetic")
    generator.generate(folder, docs=6, seed=11, doc_bytes=12000)
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return build_corpus(folder), truth


def _by_label(corpus: Corpus) -> dict[str, Entity]:
    found: dict[str, Entity] = {}
    for entity in corpus.entities.values():
        for label in entity.labels.values():
            found.setdefault(label, entity)
        for text, _language in entity.alt_labels:
            found.setdefault(text, entity)
    return found


def test_names_are_invented(planted: tuple[Corpus, list[dict]]) -> None:
    """No planted name is one the lexicon already knows: recall must come from grammar."""
    _corpus, truth = planted
    known = {name_key(surface) for surface, _lang, _id in load_lexicon().surface_forms()}
    assert truth and not {name_key(record["name"]) for record in truth} & known


def test_extractor_finds_the_planted_names(planted: tuple[Corpus, list[dict]]) -> None:
    corpus, truth = planted
    labels = _by_label(corpus)
    typed = [r for r in truth if (e := labels.get(r["name"])) and e.type.value == r["type"]]
    assert len(truth) >= 20
    assert len(typed) >= 0.9 * len(truth), sorted(r["name"] for r in truth if r not in typed)


def test_extractor_finds_the_planted_facts(planted: tuple[Corpus, list[dict]]) -> None:
    corpus, truth = planted
    labels = _by_label(corpus)
    facts = {(f.subject, f.predicate, f.object) for d in corpus.documents for f in d.facts}
    events = {
        (f.subject, f.event_kind, f.date.iso())
        for d in corpus.documents
        for f in d.facts
        if f.predicate == "event" and f.date
    }

    def entity_id(name: str) -> str:
        entity = labels.get(name)
        return entity.id if entity else f"missing:{name}"

    located = [r for r in truth if r["located_in"]]
    owned = [r for r in truth if r["owned_by"]]
    dated = [(r["name"], e["kind"], e["date"]) for r in truth for e in r["events"]]
    assert located and owned and dated
    hits = sum(
        (entity_id(r["name"]), "locatedIn", f"country/{r['located_in']}") in facts for r in located
    )
    assert hits >= 0.8 * len(located)
    hits = sum(
        (entity_id(r["name"]), "ownedBy", f"country/{r['owned_by']}") in facts for r in owned
    )
    assert hits >= 0.8 * len(owned)
    hits = sum((entity_id(name), kind, date) in events for name, kind, date in dated)
    assert hits >= 0.8 * len(dated)
