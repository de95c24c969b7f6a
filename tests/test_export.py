"""``brikg export``: every RDF format re-parses in rdflib and pyoxigraph and holds the same data;
GraphML and CSV describe the entity graph with labels and evidence."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner
from pyoxigraph import CanonicalizationAlgorithm, Dataset, DefaultGraph, Quad, RdfFormat, parse

from brikg.cli import cli
from brikg.store import load_quads

RDF_FORMATS = {
    "ttl": (RdfFormat.TURTLE, "turtle", False),
    "nt": (RdfFormat.N_TRIPLES, "nt", False),
    "xml": (RdfFormat.RDF_XML, "xml", False),
    "nq": (RdfFormat.N_QUADS, "nquads", True),
    "trig": (RdfFormat.TRIG, "trig", True),
    "jsonld": (RdfFormat.JSON_LD, "json-ld", True),
}


@pytest.fixture(scope="module")
def source(built_graph: Path) -> list[Quad]:
    return load_quads(built_graph / "brikg.trig")


@pytest.fixture(scope="module")
def exported(built_graph: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("export")
    files = {}
    for fmt in [*RDF_FORMATS, "graphml", "csv"]:
        path = out / f"brikg.{fmt}"
        result = CliRunner().invoke(
            cli,
            [
                "export",
                "--format",
                fmt,
                "--out",
                str(path),
                "--data",
                str(built_graph / "brikg.trig"),
            ],
        )
        assert result.exit_code == 0, result.stderr
        files[fmt] = path
    return files


def canonical(quads: list[Quad]) -> set[Quad]:
    dataset = Dataset(quads)
    dataset.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
    return set(dataset)


def as_default(quads: list[Quad]) -> list[Quad]:
    return list({Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in quads})


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_rdf_exports_hold_the_source_data(
    fmt: str, exported: dict[str, Path], source: list[Quad]
) -> None:
    """Datasets keep every named graph; triple formats hold the merge of the graphs."""
    ox_format, _rdflib_format, is_dataset = RDF_FORMATS[fmt]
    quads = list(parse(path=str(exported[fmt]), format=ox_format))
    expected = source if is_dataset else as_default(source)
    assert canonical(quads) == canonical(expected)


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_rdf_exports_parse_in_rdflib(fmt: str, exported: dict[str, Path], source: list) -> None:
    _ox_format, rdflib_format, is_dataset = RDF_FORMATS[fmt]
    merged = {(q.subject, q.predicate, q.object) for q in source}
    if is_dataset:
        dataset = rdflib.Dataset()
        dataset.parse(exported[fmt], format=rdflib_format)
        names = {str(g.identifier) for g in dataset.graphs() if len(g)}
        assert "https://w3id.org/brikg/id/graph/scio-2023-white-paper" in names
        total = sum(len(g) for g in dataset.graphs())
        assert total == len(source)
    else:
        graph = rdflib.Graph()
        graph.parse(exported[fmt], format=rdflib_format)
        assert len(graph) == len(merged)
    # a sentence quote survives the round trip, Unicode and all
    text = exported[fmt].read_bytes()
    assert b"Peljesac Bridge" in text


def test_graphml_is_the_entity_graph(exported: dict[str, Path]) -> None:
    graph = nx.read_graphml(exported["graphml"])
    railway = graph.nodes["https://w3id.org/brikg/id/project/china-laos-railway"]
    assert railway["label"] == "China-Laos Railway" and railway["label_zh"] == "中老铁路"
    assert railway["type"] == "Project"
    edges = graph.get_edge_data(
        "https://w3id.org/brikg/id/project/peljesac-bridge", "https://w3id.org/brikg/id/country/hr"
    )
    located = next(e for e in edges.values() if e["relation"] == "locatedIn")
    assert (
        located["evidence"] >= 1 and "xinhua-2023-white-paper-connectivity" in located["documents"]
    )
    lexicon = graph.get_edge_data(
        "https://w3id.org/brikg/id/project/china-laos-railway",
        "https://w3id.org/brikg/id/country/la",
    )
    assert any(e["curated"] for e in lexicon.values())


def test_csv_has_one_row_per_relation(exported: dict[str, Path]) -> None:
    rows = list(csv.DictReader(io.StringIO(exported["csv"].read_text(encoding="utf-8"))))
    keys = [(r["subject"], r["relation"], r["object"]) for r in rows]
    assert len(keys) == len(set(keys))
    bridge = next(
        r
        for r in rows
        if r["subject"].endswith("/project/peljesac-bridge") and r["relation"] == "locatedIn"
    )
    assert bridge["subject_label"] == "Peljesac Bridge" and bridge["object_label"] == "Croatia"
    assert "Peljesac Bridge" in bridge["quote"] or "Pelješac Bridge" in bridge["quote"]
    assert int(bridge["evidence"]) >= 1


def test_export_to_stdout_and_bad_data(built_graph: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["export", "--format", "nt", "--data", str(built_graph / "brikg.trig")]
    )
    assert result.exit_code == 0
    assert b"<https://w3id.org/brikg/id/project/china-laos-railway>" in result.stdout_bytes
    broken = tmp_path / "broken.nt"
    broken.write_text("<http://a> <http://b> .\n", "utf-8")
    result = CliRunner().invoke(cli, ["export", "--format", "ttl", "--data", str(broken)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"brikg: error: {broken}: ") and "line" in result.stderr
