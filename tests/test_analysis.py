"""Analyses: graphs read from the RDF say what the documents say, the algorithms give known
answers on graphs made by hand, and the commands print and write what they compute."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import build_graph
from pyoxigraph import RdfFormat, Store

from brikg.analysis import (
    EntityInfo,
    Event,
    GraphData,
    Relation,
    Table,
    analyze,
    centrality,
    comention_graph,
    communities,
    components,
    corridor_graph,
    country_project_graph,
    country_projection,
    eigenvector_centrality,
    entity_graph,
    events_by_year,
    keep_most_central,
    load_graph,
    mechanism_graph,
    mechanism_members,
    modularity,
    simple_graph,
    top_k,
)
from brikg.cli import cli
from brikg.errors import BrikgError
from brikg.report import markdown_table, report_markdown, write_report
from brikg.vocab import ID

# Invented names, so the facts below come from this text and not from the lexicon.
INVENTED = """\
Progress Along the Eastern Routes

Along the Qarvani-Tesh Economic Corridor, the Morvane-Kelisto Railway in Kazakhstan began operation in March 2022.
The Zelvani Deep-sea Port in Nigeria was completed on 14 March 2024.
The Silverleaf Digital Cooperation Forum was established in August 2020, and its members include Laos, Cambodia and Thailand.
The Kellan River Industrial Park, jointly built by China and Egypt, has attracted 120 enterprises.
The Belt and Road Initiative has been aligned with Mongolia's "Golden Steppe" development strategy.
The Orvell Friendship Hospital project in Cambodia was launched in 2019.
The Zelvani Deep-sea Port is expected to begin operations in 2027.
"""


def iri(local: str) -> str:
    return f"{ID}{local}"


@pytest.fixture(scope="module")
def invented(tmp_path_factory: pytest.TempPathFactory) -> GraphData:
    folder = tmp_path_factory.mktemp("invented")
    return load_graph(build_graph(folder, {"invented-progress-report.txt": INVENTED}))


@pytest.fixture(scope="module")
def bundled(built_graph: Path) -> GraphData:
    return load_graph(built_graph)


# --- reading the RDF ------------------------------------------------------------------


def test_invented_document_gives_its_stated_relations(invented: GraphData) -> None:
    stated = {(r.subject, r.predicate, r.object) for r in invented.relations}
    assert (iri("project/morvane-kelisto-railway"), "locatedIn", iri("country/kz")) in stated
    assert (
        iri("project/morvane-kelisto-railway"),
        "partOf",
        iri("corridor/qarvani-tesh-economic-corridor"),
    ) in stated
    forum = iri("mechanism/silverleaf-digital-cooperation-forum")
    for code in ("la", "kh", "th"):
        assert (forum, "involves", iri(f"country/{code}")) in stated
    # every relation keeps the sentence it was read from, and the sentence says it
    railway = next(r for r in invented.relations if r.predicate == "locatedIn"
                   and r.subject == iri("project/morvane-kelisto-railway"))  # fmt: skip
    quote = invented.quote(railway.sentence)
    assert "Morvane-Kelisto Railway in Kazakhstan" in quote
    assert invented.document_title(railway.sentence)


def test_invented_entities_events_and_labels(invented: GraphData) -> None:
    kz = invented.entities[iri("country/kz")]
    assert (kz.type, kz.en, kz.zh, kz.iso) == ("Country", "Kazakhstan", "哈萨克斯坦", "KZ")
    assert invented.entities[iri("project/morvane-kelisto-railway")].type == "Project"
    events = {(invented.entities[e.entity].en, e.kind, e.date) for e in invented.events}
    assert ("Morvane-Kelisto Railway", "startOfOperation", "2022-03") in events
    assert ("Silverleaf Digital Cooperation Forum", "establishment", "2020-08") in events
    assert ("Zelvani Deep-sea Port", "completion", "2024-03-14") in events
    # The port's operation planned for 2027 is a target, not an event of the timeline.
    assert not [e for e in invented.events if e.year == 2027], invented.events
    per_year = events_by_year(invented.events)
    assert per_year[2022]["startOfOperation"] >= 1
    assert sum(sum(kinds.values()) for kinds in per_year.values()) == len(invented.events)
    assert list(per_year) == sorted(per_year)


def test_bundled_relations_match_the_reified_facts(bundled: GraphData, built_graph: Path) -> None:
    """Every relation read is a brikg:Fact in the TriG with that sentence, whose quote is the
    sentence's oa:exact; and the lexicon-only relations are not read as evidence."""
    store = Store()
    store.load(path=str(built_graph / "brikg.trig"), format=RdfFormat.TRIG)
    assert bundled.relations and bundled.events and bundled.mentions
    for relation in bundled.relations[:: max(1, len(bundled.relations) // 25)]:
        ask = f"""
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            ASK {{ GRAPH ?g {{ ?f rdf:subject <{relation.subject}> ;
                 rdf:predicate <https://w3id.org/brikg/ontology#{relation.predicate}> ;
                 rdf:object <{relation.object}> ; prov:wasDerivedFrom <{relation.sentence}> .
                 <{relation.sentence}> oa:hasSelector ?q . ?q oa:exact ?x }} }}"""
        assert store.query(ask), relation
        assert bundled.quote(relation.sentence)
    china = bundled.entities[iri("country/cn")]
    assert (china.en, china.zh, china.iso, china.type) == ("China", "中国", "CN", "Country")
    assert china.mentions > 0 and china.documents


def test_missing_graph_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BrikgError, match="brikg build"):
        load_graph(tmp_path / "nowhere")


# --- graph builders -------------------------------------------------------------------


def test_country_project_graph_and_projection(invented: GraphData) -> None:
    bipartite = country_project_graph(invented)
    forum = iri("mechanism/silverleaf-digital-cooperation-forum")
    assert bipartite.nodes[iri("country/la")]["bipartite"] == 0
    assert bipartite.nodes[forum]["bipartite"] == 1
    assert bipartite.has_edge(iri("country/kz"), iri("project/morvane-kelisto-railway"))
    assert nx.is_bipartite(bipartite)
    projection = country_projection(bipartite)
    assert set(projection) == {n for n, s in bipartite.nodes(data="bipartite") if s == 0}
    edge = projection.edges[iri("country/la"), iri("country/th")]
    assert edge["shared"] == [forum] and edge["weight"] == 1
    park = iri("project/kellan-river-industrial-park")
    assert projection.edges[iri("country/cn"), iri("country/eg")]["shared"] == [park]
    # Kazakhstan shares nothing with anyone: in the projection, but with no edge
    assert projection.degree(iri("country/kz")) == 0


def test_mechanism_corridor_and_entity_graphs(invented: GraphData) -> None:
    forum = iri("mechanism/silverleaf-digital-cooperation-forum")
    members = mechanism_members(mechanism_graph(invented))
    assert members[forum] == sorted(iri(f"country/{c}") for c in ("kh", "la", "th"))
    corridors = corridor_graph(invented)
    corridor = iri("corridor/qarvani-tesh-economic-corridor")
    railway = iri("project/morvane-kelisto-railway")
    assert corridors.has_edge(railway, corridor, "partOf")
    assert corridors.has_edge(railway, iri("country/kz"), "locatedIn")  # the project's country
    graph = entity_graph(invented)
    assert graph.edges[railway, corridor, "partOf"]["weight"] == 1
    assert all(graph.degree(n) > 0 for n in graph)
    with_isolates = entity_graph(invented, include_isolates=True)
    assert set(with_isolates) == set(invented.entities)


def test_comention_graph_counts_shared_sentences() -> None:
    a, b, c = iri("country/aa"), iri("country/bb"), iri("project/cc")
    data = GraphData(
        entities={x: EntityInfo(x, "Country", en=x[-2:]) for x in (a, b, c)},
        mentions=[(a, "s1"), (b, "s1"), (c, "s1"), (a, "s2"), (b, "s2"), (a, "s3")],
    )
    graph = comention_graph(data)
    assert graph.edges[a, b]["weight"] == 2 and graph.edges[a, b]["sentences"] == ["s1", "s2"]
    assert graph.edges[a, c]["weight"] == 1
    strong = comention_graph(data, min_weight=2)
    assert set(strong.edges) == {(a, b)}


# --- algorithms on graphs made by hand --------------------------------------------------


def test_centrality_known_values() -> None:
    path = nx.path_graph(["a", "b", "c"])
    scores = centrality(path)
    assert scores.degree == {"a": 1, "b": 2, "c": 1}
    assert scores.betweenness["b"] == pytest.approx(1.0)
    assert scores.betweenness["a"] == 0.0
    assert scores.eigenvector["b"] > scores.eigenvector["a"]
    assert scores.eigenvector["a"] == pytest.approx(scores.eigenvector["c"])
    assert scores.eigenvector_converged


def test_eigenvector_only_on_the_largest_component() -> None:
    graph = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
    values, converged = eigenvector_centrality(graph)
    assert converged
    assert values["x"] == values["y"] == 0.0
    assert values["a"] == pytest.approx(values["b"])
    assert values["a"] > 0


def test_eigenvector_non_convergence_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*_args: object, **_kwargs: object) -> dict:
        raise nx.PowerIterationFailedConvergence(1)

    monkeypatch.setattr(nx, "eigenvector_centrality", never)
    values, converged = eigenvector_centrality(nx.path_graph(4))
    assert not converged and set(values.values()) == {0.0}
    summary = analyze(_tiny_data(), "entity")[0].summary
    assert summary["eigenvector centrality"] == "did not converge"


def test_communities_are_deterministic_and_find_two_cliques() -> None:
    graph = nx.disjoint_union(nx.complete_graph(5), nx.complete_graph(5))
    graph.add_edge(0, 5)
    first = communities(graph)
    assert first == communities(graph)  # seeded: the same every time
    assert first == [{0, 1, 2, 3, 4}, {5, 6, 7, 8, 9}]
    assert modularity(graph, first) > 0.3


def test_components_multigraph_top_k_and_filtering() -> None:
    graph = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("c", "d"), ("d", "e")])
    assert components(graph) == [{"c", "d", "e"}, {"a", "b"}]
    simple = simple_graph(graph)
    assert simple.edges["a", "b"]["weight"] == 2 and not simple.is_directed()
    assert top_k({"x": 1, "b": 3, "a": 3}, 2) == [("a", 3), ("b", 3)]
    star = nx.star_graph(2000)  # 2,001 nodes: hub 0
    star.add_edge(1, 2)
    kept, dropped = keep_most_central(star, 1500)
    assert kept.number_of_nodes() == 1500 and len(dropped) == 501
    assert {0, 1, 2} <= set(kept)
    assert keep_most_central(star, 5000) == (star, [])


def _tiny_data() -> GraphData:
    a, b, c = iri("project/p"), iri("country/aa"), iri("country/bb")
    entities = {
        a: EntityInfo(a, "Project", en="P"),
        b: EntityInfo(b, "Country", en="A", iso="AA"),
        c: EntityInfo(c, "Country", en="B", iso="BB"),
    }
    return GraphData(
        entities=entities,
        relations=[Relation(a, "locatedIn", b, "s1"), Relation(a, "locatedIn", c, "s1")],
        events=[Event("e1", a, "opening", "2021-12", "2021-12-01", ("s1",))],
        mentions=[(a, "s1"), (b, "s1"), (c, "s1")],
    )


# --- analyses, formats and commands ---------------------------------------------------


def test_analyses_of_the_bundled_graph(bundled: GraphData) -> None:
    results = {a.name: a for a in analyze(bundled, "all", 5)}
    assert list(results) == ["entity", "countries", "mechanisms", "corridors", "comention",
                             "events"]  # fmt: skip
    entity = results["entity"]
    graph = entity_graph(bundled)
    assert entity.summary["nodes"] == graph.number_of_nodes()
    assert entity.summary["stated facts"] == len(bundled.relations)
    top = entity.tables[0]
    assert len(top.rows) == 5
    degrees = [row[top.columns.index("degree")] for row in top.rows]
    assert degrees == sorted(degrees, reverse=True)
    assert degrees[0] == max(dict(simple_graph(graph).degree()).values())
    events = results["events"]
    assert events.summary["events"] == len(bundled.events)
    assert sum(row[-1] for row in events.tables[0].rows) == len(bundled.events)
    with pytest.raises(BrikgError):
        analyze(bundled, "nonsense")


def test_markdown_tables_escape_document_text() -> None:
    table = Table("t", ["entity", "n", "iri"], [['<script>alert(1)</script> | "x"', 3, "i"]])
    text = markdown_table(table)
    assert "<script>" not in text and "&lt;script&gt;" in text and "\\|" in text
    assert "iri" not in text.splitlines()[0]  # IRIs are for JSON


def test_cli_analyze_formats(built_graph: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["analyze", "--data", str(built_graph), "--kind", "entity",
                                 "--format", "json", "--top", "3"])  # fmt: skip
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    rows = payload["entity"]["tables"]["Most connected entities"]
    assert len(rows) == 3 and rows[0]["iri"].startswith(str(ID))
    result = runner.invoke(cli, ["analyze", "--data", str(built_graph), "--kind", "events",
                                 "--format", "markdown"])  # fmt: skip
    assert result.exit_code == 0 and "## Events over time" in result.output
    assert "| year |" in result.output
    first = min(e.year for e in load_graph(built_graph).events)
    assert f"| first year | {first} |" in result.output  # a year, not a count: no comma
    out = tmp_path / "countries.txt"
    result = runner.invoke(cli, ["analyze", "--data", str(built_graph), "--kind", "countries",
                                 "--out", str(out)])  # fmt: skip
    assert result.exit_code == 0 and out.is_file()
    assert "Countries with the most projects and mechanisms" in out.read_text(encoding="utf-8")
    result = runner.invoke(cli, ["analyze", "--data", str(tmp_path / "none")])
    assert result.exit_code == 1 and "brikg: error:" in result.output


def test_report_has_real_numbers_and_charts(bundled: GraphData, tmp_path: Path) -> None:
    written = write_report(bundled, tmp_path)
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    charts = sorted(p.name for p in (tmp_path / "report").glob("*.png"))
    assert charts == ["classes.png", "countries.png", "events-per-year.png", "top-entities.png"]
    for name in charts:
        assert f"](report/{name})" in report
        assert (tmp_path / "report" / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(written) == 5
    nodes = entity_graph(bundled).number_of_nodes()
    assert f"| nodes | {nodes:,} |" in report
    assert f"{len(bundled.events):,} dated events" in report
    assert report == report_markdown(bundled, analyze(bundled, "all", 10), "report")


def test_cli_report(built_graph: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["report", "--data", str(built_graph), "--out",
                                      str(tmp_path)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "report.md" in result.output and (tmp_path / "report" / "events-per-year.png").is_file()
