"""Parallel builds (brikg.parallel): worker-process extraction and sharded output give exactly
the serial build's graph, and the shards bulk-load into an Oxigraph store."""

from __future__ import annotations

import dataclasses
import gc
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import assert_same_outputs, write_corpus
from pyoxigraph import RdfFormat, parse

from brikg import parallel
from brikg.cli import cli
from brikg.errors import BrikgError
from brikg.ir import Corpus
from brikg.parallel import extract_corpus, resolve_jobs, write_sharded_graph
from brikg.pipeline import build_corpus, write_graph, write_graph_in_memory

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"

# Each document names the same things differently, so entity ids, variant merges and labels
# can only come out right if resolution sees every document at once.
DOCS = {
    "alpha.txt": (
        "Progress Report\n\n"
        "The Ostran-Belik Standard Gauge Railway in Kenya opened in May 2019. "
        "The Quellin Digital Cooperation Forum was established in August 2020, and its members "
        "include Laos, Cambodia and Thailand.\n"
    ),
    "beta.txt": (
        "Annual Review\n\n"
        "The Ostran-Belik Railway carried 9 million tonnes in 2023. "
        'Mongolia\'s "Golden Steppe" development strategy has been aligned with the Belt and '
        "Road Initiative.\n"
    ),
    "gamma.txt": (
        "Notes\n\n"
        "The Ostran-Belik Railway, jointly built by China and Kenya, has attracted 120 "
        "enterprises. The Quellin Digital Cooperation Forum was held in Vientiane on 14 March "
        "2024.\n"
    ),
}


@pytest.fixture(scope="module")
def bundled_parallel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Path]:
    """The bundled corpus extracted by two worker processes, written by two."""
    corpus, report = extract_corpus(CORPUS, jobs=2)
    assert report.jobs == 2 and report.extracted == len(corpus.documents) == 5
    out = tmp_path_factory.mktemp("parallel")
    write_graph(corpus, out, jobs=2)
    return corpus, out


def test_parallel_build_is_byte_identical_to_serial(
    built_corpus: Corpus,
    bundled_parallel: tuple[Corpus, Path],
    tmp_path: Path,
) -> None:
    """Serial extraction, written from one in-memory list of quads, is the reference."""
    write_graph_in_memory(built_corpus, tmp_path)
    assert_same_outputs(tmp_path, bundled_parallel[1])


def test_parallel_corpus_is_the_serial_corpus(
    built_corpus: Corpus, bundled_parallel: tuple[Corpus, Path]
) -> None:
    corpus = bundled_parallel[0]
    assert corpus.entities == built_corpus.entities
    assert corpus.errors == built_corpus.errors
    for mine, theirs in zip(corpus.documents, built_corpus.documents, strict=True):
        assert (mine.id, mine.sentences, mine.mentions, mine.facts) == (
            theirs.id,
            theirs.sentences,
            theirs.mentions,
            theirs.facts,
        )
        assert mine.raw_starts == theirs.raw_starts  # both compact arrays


def test_cross_document_resolution_survives_workers(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus", DOCS)
    serial = build_corpus(folder)
    corpus, report = extract_corpus(folder, jobs=2)
    assert report.jobs == 2
    # The test means something only if resolution did merge across documents.
    railway = {
        m.entity
        for doc in serial.documents
        for m in doc.mentions
        if m.text.startswith("Ostran-Belik") and m.entity
    }
    assert len(railway) == 1
    assert {d.id for d in serial.documents if any(m.entity in railway for m in d.mentions)} == {
        "alpha",
        "beta",
        "gamma",
    }
    assert corpus.entities == serial.entities
    write_graph_in_memory(serial, tmp_path / "serial")
    write_graph(corpus, tmp_path / "parallel", jobs=2)
    assert_same_outputs(tmp_path / "serial", tmp_path / "parallel")


def test_jobs_one_writes_the_same_files_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In process, the work runs with the lexicon frozen (out of the collector's full passes)
    and leaves nothing behind: no globals, nothing frozen."""
    frozen_while_recognising = []
    recognise = parallel.recognise_document

    def recognise_and_look(*args: object) -> object:
        frozen_while_recognising.append(gc.get_freeze_count())
        return recognise(*args)

    monkeypatch.setattr(parallel, "recognise_document", recognise_and_look)
    folder = write_corpus(tmp_path / "corpus", DOCS)
    corpus, report = extract_corpus(folder, jobs=1)
    assert report.jobs == 1
    write_graph(corpus, tmp_path / "one", jobs=1)
    write_graph_in_memory(build_corpus(folder), tmp_path / "ref")
    assert_same_outputs(tmp_path / "ref", tmp_path / "one")
    assert parallel._ENTITIES == {} and parallel._RECOGNIZER is None  # nothing left behind
    assert len(frozen_while_recognising) == 3 and min(frozen_while_recognising) > 0
    assert gc.get_freeze_count() == 0


def test_documents_with_non_ascii_ids_write_the_same_files(tmp_path: Path) -> None:
    """Ids keep CJK and accented letters (一带一路.txt is document 一带一路), so a graph name
    is longer in UTF-8 bytes than in characters: the merge's offsets are in bytes."""
    names = {"一带一路.txt": DOCS["alpha.txt"], "Bélik.txt": DOCS["beta.txt"]}
    folder = write_corpus(tmp_path / "corpus", {**names, "gamma.txt": DOCS["gamma.txt"]})
    corpus, _report = extract_corpus(folder, jobs=2)
    assert {"一带一路", "bélik"} <= {doc.id for doc in corpus.documents}
    write_graph(corpus, tmp_path / "parallel", jobs=2)
    write_graph_in_memory(build_corpus(folder), tmp_path / "ref")
    assert_same_outputs(tmp_path / "ref", tmp_path / "parallel")


def test_load_and_id_errors_are_those_of_a_serial_build(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus", DOCS)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "alpha.md").write_text("Another\n\nThe Belt and Road Initiative grew.\n")
    (folder / "manifest.toml").write_text('[[document]]\nfile = "gone.txt"\n')
    serial = build_corpus(folder)
    corpus, report = extract_corpus(folder, jobs=2)
    assert len(serial.errors) == 3  # empty, duplicate id "alpha", listed but missing
    assert corpus.errors == serial.errors
    assert [d.id for d in corpus.documents] == [d.id for d in serial.documents]
    assert report.failed == 3 and report.documents == len(serial.documents)


def test_shards_are_the_named_graphs_of_the_dataset(bundled_parallel: tuple[Corpus, Path]) -> None:
    corpus, out = bundled_parallel
    names = sorted(path.stem for path in (out / "shards").glob("*.nq"))
    assert names == sorted(["_lexicon", "_ontology", *(doc.id for doc in corpus.documents)])
    shards = set()
    for path in (out / "shards").glob("*.nq"):
        quads = list(parse(path=path, format=RdfFormat.N_QUADS))
        assert len({q.graph_name for q in quads}) == 1  # one named graph per shard
        shards.update(quads)
    dataset = set(parse(path=out / "brikg.trig", format=RdfFormat.TRIG))
    assert shards == dataset
    stats = json.loads((out / "stats.json").read_text())
    assert stats["quads"] == len(dataset)


def test_stale_shards_go_and_a_failed_write_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_corpus(tmp_path / "corpus", DOCS)
    out = tmp_path / "graph"
    write_graph(build_corpus(folder), out)
    assert (out / "shards" / "gamma.nq").exists()
    (folder / "gamma.txt").unlink()
    write_graph(build_corpus(folder), out)
    assert not (out / "shards" / "gamma.nq").exists()
    before = {path: path.read_bytes() for path in out.rglob("*") if path.is_file()}

    def broken(job: tuple[Path, Path]) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(parallel, "_convert", broken)
    write_corpus(folder, {"gamma.txt": DOCS["gamma.txt"]})
    with pytest.raises(OSError, match="disk full"):
        write_sharded_graph(build_corpus(folder), out, jobs=1)
    after = {path: path.read_bytes() for path in out.rglob("*") if path.is_file()}
    assert after == before  # no new shard, no half-written file, no scratch folder
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_jobs_zero_is_one_per_core_and_negative_is_refused() -> None:
    assert resolve_jobs(0) >= 1 and resolve_jobs(3) == 3
    with pytest.raises(BrikgError):
        resolve_jobs(-1)


def test_cli_jobs_option(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus", DOCS)
    result = CliRunner().invoke(
        cli, ["build", "--corpus", str(folder), "--out", str(tmp_path / "g"), "--jobs", "2"]
    )
    assert result.exit_code == 0, result.output
    assert "extracted 3 of 3 documents (2 jobs)" in result.output
    write_graph_in_memory(build_corpus(folder), tmp_path / "ref")
    assert_same_outputs(tmp_path / "ref", tmp_path / "g")


def _oxigraph() -> Path:
    binary = Path(sys.executable).with_name("oxigraph")
    found = binary if binary.exists() else shutil.which("oxigraph")
    assert found, "the oxigraph CLI (PyPI package 'oxigraph', in the test extras) is missing"
    return Path(found)


def test_shards_bulk_load_into_an_oxigraph_store(
    bundled_parallel: tuple[Corpus, Path], tmp_path: Path
) -> None:
    """The path beyond one machine: shards straight into a server's store with its loader."""
    _corpus, out = bundled_parallel
    store = tmp_path / "store"
    shards = sorted(str(path) for path in (out / "shards").glob("*.nq"))
    subprocess.run(
        [str(_oxigraph()), "load", "--location", str(store), "--file", *shards],
        check=True,
        capture_output=True,
    )
    answer = subprocess.run(
        [
            str(_oxigraph()),
            "query",
            "--location",
            str(store),
            "--query",
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
            "--results-format",
            "tsv",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    count = int(answer.splitlines()[1].split("^^")[0].strip('"'))
    assert count == json.loads((out / "stats.json").read_text())["quads"]


@pytest.mark.parametrize("foreign", ["a", "b"])
def test_merge_deduplicates_exactly_when_a_graph_states_another_documents_node(
    tmp_path: Path, foreign: str
) -> None:
    """The fast path skips the seen-set for a document's own nodes; a graph that states
    another document's node must switch it off, or that triple would be written twice."""
    from pyoxigraph import Literal, NamedNode, Quad

    from brikg.rdf import sort_quads, union_triples
    from brikg.vocab import document_graph, document_iri

    label = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")

    def quad(doc: str, subject: str, text: str) -> Quad:
        return Quad(NamedNode(subject), label, Literal(text), NamedNode(document_graph(doc)))

    # The foreign graph comes first, or after the block it repeats was copied unchecked.
    other = "b" if foreign == "a" else "a"
    node = f"{document_iri(other)}/sentence/1"
    quads = {
        foreign: [quad(foreign, node, "said"), quad(foreign, f"{document_iri(foreign)}/x", "x")],
        other: [quad(other, node, "said"), quad(other, "https://e.org/shared", "s")],
    }
    quads = dict(sorted(quads.items()))
    scratch = tmp_path / "scratch"
    for folder in ("shards", "trig", "nt", "out"):
        (scratch / folder).mkdir(parents=True)
    pieces = [
        parallel._write_piece(scratch, str(document_graph(doc)), doc, q, str(document_iri(doc)))
        for doc, q in quads.items()
    ]
    assert [piece.foreign for piece in pieces] == [foreign == "a", foreign == "b"]
    merged = parallel._merge(iter(pieces), scratch, scratch / "out")
    expected = union_triples(sort_quads(quads["a"] + quads["b"]))
    nt = scratch / "out" / "brikg.nt"
    written = [q.triple for q in parse(path=nt, format=RdfFormat.N_TRIPLES)]
    assert written == expected and merged.triples == 3


def test_workers_that_do_not_fork_get_the_documents_themselves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under spawn or forkserver (macOS, Windows, Python 3.14) documents travel pickled, with
    the IR's own reducers; the graph is the same."""
    folder = write_corpus(tmp_path / "corpus", DOCS)
    monkeypatch.setattr(parallel, "_forks", lambda: False)
    corpus, _report = extract_corpus(folder, jobs=2)  # relating too
    write_graph(corpus, tmp_path / "sent", jobs=2)
    write_graph_in_memory(build_corpus(folder), tmp_path / "ref")
    assert_same_outputs(tmp_path / "ref", tmp_path / "sent")


def test_pieces_out_of_graph_order_or_sharing_a_graph_are_refused(tmp_path: Path) -> None:
    scratch = tmp_path / "scratch"
    for folder in ("shards", "trig", "nt", "out"):
        (scratch / folder).mkdir(parents=True)
    pieces = parallel._static_pieces(scratch)
    with pytest.raises(BrikgError, match="came after"):
        parallel._merge(sorted(pieces, key=lambda p: p.graph, reverse=True), scratch, scratch)
    twin = dataclasses.replace(pieces[0], name=pieces[1].name)
    with pytest.raises(BrikgError, match="share the named graph"):
        parallel._merge([pieces[0], twin], scratch, scratch)


def _die(task: object) -> object:
    """A worker killed mid-task (the OOM killer, a segfault in an extension)."""
    os._exit(9)


@pytest.mark.parametrize("stage", ["_extract", "_relate", "_write_document"])
def test_a_worker_that_dies_is_one_clear_error_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    folder = write_corpus(tmp_path / "corpus", DOCS)
    out = tmp_path / "graph"
    write_graph(build_corpus(folder), out)
    before = {path: path.read_bytes() for path in out.rglob("*") if path.is_file()}
    monkeypatch.setattr(parallel, stage, _die)
    result = CliRunner().invoke(
        cli, ["build", "--corpus", str(folder), "--out", str(out), "--jobs", "2"]
    )
    assert result.exit_code == 1
    assert "a worker process ended abruptly" in result.output
    assert "Traceback" not in result.output
    after = {path: path.read_bytes() for path in out.rglob("*") if path.is_file()}
    assert after == before
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


class _PoolInterruptedWhileStarting:
    """Stands in for ProcessPoolExecutor when Ctrl-C lands while it starts its manager
    thread: its shutdown then fails as the standard library's does, inside the interrupt."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def __enter__(self) -> _PoolInterruptedWhileStarting:
        return self

    def __exit__(self, *exc_info: object) -> None:
        raise RuntimeError("cannot join thread before it is started")


def test_an_interrupt_while_the_pool_starts_is_still_an_interrupt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The CLI turns KeyboardInterrupt into one line and exit 130; the pool's failed shutdown
    must not turn it into a RuntimeError and a traceback (seen once in a fresh-clone run)."""
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", _PoolInterruptedWhileStarting)
    with pytest.raises(KeyboardInterrupt), parallel._workers(2, 2, lambda: None, ()):
        raise KeyboardInterrupt
