"""Determinism: the same corpus always gives the same bytes, however it is built or named.

* Two CLI builds of the bundled corpus, under different ``PYTHONHASHSEED`` values (so any
  iteration over a set or a hash-ordered dict would show), are byte-identical in every file,
  and identical to the in-process build of the session fixture and to a ``--jobs 2`` build.
* Renaming the files so that they sort in another order (the manifest kept consistent, its
  entries reversed; or no manifest at all) changes nothing in the graph but the
  ``brikg:fileName`` literals, which are mapped back before the quads are compared.
* The graph has no blank nodes outside the ontology's own axioms, and they have fixed labels.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import BlankNode, Literal, Quad, RdfFormat, parse

from brikg.vocab import ONTOLOGY_IRI

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
FILE_NAME = "https://w3id.org/brikg/ontology#fileName"


def build(corpus: Path, out: Path, *options: str, seed: str = "0") -> Path:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [sys.executable, "-m", "brikg", "build", "--corpus", str(corpus), "--out", str(out),
         *options],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def assert_same_bytes(first: Path, second: Path) -> None:
    a, b = files(first), files(second)
    assert sorted(a) == sorted(b)
    different = [name for name in a if a[name] != b[name]]
    assert not different, f"files differ between {first} and {second}: {different}"


def quads(folder: Path, file_names: dict[str, str] | None = None) -> set[Quad]:
    """The TriG's quads, with brikg:fileName literals renamed through ``file_names``."""
    file_names = file_names or {}
    found = set()
    for quad in parse(path=str(folder / "brikg.trig"), format=RdfFormat.TRIG):
        if quad.predicate.value == FILE_NAME and quad.object.value in file_names:
            quad = Quad(
                quad.subject, quad.predicate, Literal(file_names[quad.object.value]),
                quad.graph_name,
            )  # fmt: skip
        found.add(quad)
    return found


@pytest.fixture(scope="module")
def first_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(CORPUS, tmp_path_factory.mktemp("first") / "graph", seed="1")


def test_two_builds_are_byte_identical(
    first_build: Path, tmp_path: Path, built_graph: Path
) -> None:
    second = build(CORPUS, tmp_path / "graph", seed="4242")
    assert_same_bytes(first_build, second)
    # The in-process build (pipeline.write_graph) writes the same graph files.
    for name, data in files(built_graph).items():
        assert (first_build / name).read_bytes() == data, f"{name} differs from write_graph's"


def test_parallel_build_is_byte_identical(first_build: Path, tmp_path: Path) -> None:
    help_text = subprocess.run(
        [sys.executable, "-m", "brikg", "build", "--help"], cwd=ROOT, capture_output=True,
        text=True,
    ).stdout  # fmt: skip
    if "--jobs" not in help_text:
        pytest.skip("brikg build has no --jobs option")
    assert_same_bytes(first_build, build(CORPUS, tmp_path / "graph", "--jobs", "2", seed="7"))


def _sources(corpus: Path) -> list[str]:
    return sorted(p.name for p in corpus.iterdir() if p.suffix == ".txt")


def test_renamed_files_with_a_consistent_manifest(first_build: Path, tmp_path: Path) -> None:
    """Files renamed into the reverse order, manifest entries reversed and updated."""
    names = _sources(CORPUS)
    renamed = {name: f"{len(names) - number:02d}-{name}" for number, name in enumerate(names)}
    assert sorted(renamed.values()) == [renamed[n] for n in reversed(names)]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for old, new in renamed.items():
        shutil.copyfile(CORPUS / old, corpus / new)
    manifest = (CORPUS / "manifest.toml").read_text(encoding="utf-8")
    header, *entries = re.split(r"^\[\[document\]\]$", manifest, flags=re.MULTILINE)
    assert len(entries) == len(names)
    entries = [
        re.sub(r'^file = "([^"]+)"', lambda m: f'file = "{renamed[m.group(1)]}"', entry, flags=re.M)
        for entry in reversed(entries)
    ]
    (corpus / "manifest.toml").write_text(
        header + "".join("[[document]]" + entry.rstrip("\n") + "\n\n" for entry in entries),
        encoding="utf-8",
    )
    second = build(corpus, tmp_path / "graph")
    back = {new: old for old, new in renamed.items()}
    assert quads(second, back) == quads(first_build)


def test_renamed_files_without_a_manifest(tmp_path: Path) -> None:
    """No manifest: ids come from file names, so the names are reordered with characters
    the id slug drops ("!" sorts first, "~" last), alternately, which reverses neighbours."""
    names = _sources(CORPUS)
    plain, shuffled = tmp_path / "plain", tmp_path / "shuffled"
    plain.mkdir()
    shuffled.mkdir()
    renamed = {name: ("~" if number % 2 == 0 else "!") + name for number, name in enumerate(names)}
    assert [renamed[n] for n in names] != sorted(renamed.values())
    for name in names:
        shutil.copyfile(CORPUS / name, plain / name)
        shutil.copyfile(CORPUS / name, shuffled / renamed[name])
    first = build(plain, tmp_path / "graph-plain")
    second = build(shuffled, tmp_path / "graph-shuffled")
    back = {new: old for old, new in renamed.items()}
    assert quads(second, back) == quads(first)
    assert len(quads(first)) > 10_000


def test_blank_nodes_only_in_the_ontology_and_labelled_stably(first_build: Path) -> None:
    """Instance data has no blank nodes (IRIs are minted from names and ids); the ontology's
    OWL axioms keep theirs, labelled by order of appearance (brikg1, brikg2, ...)."""
    blank = [
        q for q in quads(first_build)
        if isinstance(q.subject, BlankNode) or isinstance(q.object, BlankNode)
    ]  # fmt: skip
    assert blank
    assert {q.graph_name.value for q in blank} == {str(ONTOLOGY_IRI)}
    labels = {t.value for q in blank for t in (q.subject, q.object) if isinstance(t, BlankNode)}
    assert all(re.fullmatch(r"brikg\d+", label) for label in labels), sorted(labels)[:5]
