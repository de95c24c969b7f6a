"""The embedded store and ``brikg query``: loading, dataset semantics, result formats, bad input.

Bad input must end in one line on stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import (
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryResultsFormat,
    RdfFormat,
    parse_query_results,
    serialize,
)

from brikg.cli import cli
from brikg.errors import BrikgError, UsageError
from brikg.queries import library
from brikg.store import (
    OxigraphEngine,
    RdfInputError,
    RdflibEngine,
    ResultTooLarge,
    comparable_rows,
    load_quads,
    names_graphs,
    results_bytes,
    union_default,
)

EX = "http://example.org/"


def quad(s: str, p: str, o: str | Literal, g: str | None) -> Quad:
    obj = o if isinstance(o, Literal) else NamedNode(EX + o)
    graph = DefaultGraph() if g is None else NamedNode(EX + g)
    return Quad(NamedNode(EX + s), NamedNode(EX + p), obj, graph)


SMALL = [
    quad("laos", "label", Literal("Laos", language="en"), "doc1"),
    quad("laos", "label", Literal("Laos", language="en"), "doc2"),
    quad("laos", "label", Literal("老挝", language="zh"), "doc2"),
    quad("railway", "locatedIn", "laos", "doc1"),
    quad("railway", "length", Literal("1035", datatype=NamedNode(XSD := "http://www.w3.org/2001/XMLSchema#integer")), "doc1"),
]  # fmt: skip


@pytest.fixture(params=["oxigraph", "oxigraph-file", "rdflib"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> OxigraphEngine | RdflibEngine:
    if request.param == "oxigraph-file":  # as `brikg query` and `brikg serve` load it
        data = tmp_path / "small.trig"
        data.write_bytes(serialize(SMALL, format=RdfFormat.TRIG))
        return OxigraphEngine.from_file(data)
    return OxigraphEngine(SMALL) if request.param == "oxigraph" else RdflibEngine(SMALL)


def test_default_graph_is_the_merge_of_all_graphs(engine: OxigraphEngine) -> None:
    """A label asserted by two documents is one triple of the default graph, on both engines."""
    result = engine.query(f"SELECT ?l WHERE {{ <{EX}laos> <{EX}label> ?l }}")
    assert sorted(row[0].value for row in result.rows) == ["Laos", "老挝"]
    graphs = engine.query(
        f'SELECT ?g WHERE {{ GRAPH ?g {{ <{EX}laos> <{EX}label> "Laos"@en }} }} ORDER BY ?g'
    )
    assert [row[0].value for row in graphs.rows] == [EX + "doc1", EX + "doc2"]


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { GRAPH ?g { ?s ?p ?o } }",
        "select * from <http://example.org/doc1> { ?s ?p ?o }",
        "SELECT ?s FROM NAMED <http://example.org/doc1> { ?s ?p ?o }",
        "SELECT * {graph?g{?s ?p ?o}}",
        "SELECT * { FILTER(?a < 3 && ?b > 2) GRAPH <g> { ?s ?p ?o } }",
        'SELECT * { ?s ?p "x" . GRAPH ?g { ?s ?p "#" } }',
        "SELECT * { ?s ?p ?o } # a comment\nGRAPH",
        "SELECT * { \\u0047RAPH ?g { ?s ?p ?o } }",  # escapes are decoded before parsing
        "SELECT * { ?s ?p 1GRAPH ?g { ?s ?p ?o } }",  # the parser reads two tokens
        "SELECT * { ?s ?p trueGRAPH ?g { ?s ?p ?o } }",
    ],
)
def test_queries_that_may_read_named_graphs_get_the_whole_dataset(query: str) -> None:
    assert names_graphs(query)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?graph ?from { ?graph ?p $from }",
        "SELECT * { ?s <http://example.org/graph> ?o } # from the graph",
        """SELECT * { ?s ?p "from graph", '''GRAPH\n''', 'graph' }""",
        "PREFIX graph: <x:> SELECT * { ?s graph:from ?o ; :graph ?p }",
    ],
)
def test_queries_of_the_default_graph_get_the_smaller_store(query: str) -> None:
    assert not names_graphs(query)


def test_named_graphs_load_only_for_a_query_that_names_one(tmp_path: Path) -> None:
    data = tmp_path / "small.trig"
    data.write_bytes(serialize(SMALL, format=RdfFormat.TRIG))
    engine = OxigraphEngine.from_file(data)
    engine.query(f"SELECT * WHERE {{ ?s <{EX}label> ?o }}")
    assert not engine.named_graphs_loaded
    engine.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert engine.named_graphs_loaded


def test_named_graphs_read_later_fail_as_a_file_does(tmp_path: Path) -> None:
    data = tmp_path / "small.trig"
    data.write_bytes(serialize(SMALL, format=RdfFormat.TRIG))
    engine = OxigraphEngine.from_file(data)
    data.write_text("<broken")
    with pytest.raises(RdfInputError, match=r"small.trig: not valid TriG"):
        engine.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")


def test_both_stores_hold_the_same_default_graph(tmp_path: Path) -> None:
    """A file with triples in its default graph too, one of them also in a document graph:
    the merge holds each triple once, whichever store answers."""
    extra = [quad("laos", "label", Literal("Laos", language="en"), None), quad("x", "y", "z", None)]
    data = tmp_path / "mixed.trig"
    data.write_bytes(serialize(SMALL + extra, format=RdfFormat.TRIG))
    engine = OxigraphEngine.from_file(data)
    plain = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    # The same rows, from the whole dataset: an OPTIONAL that names a graph matches nothing.
    named = plain[:-1] + "OPTIONAL { GRAPH <urn:none> { ?s ?p ?o } } }"
    assert names_graphs(named) and not names_graphs(plain)
    default_rows = comparable_rows(engine.query(plain))
    assert len(default_rows) == 5
    assert sorted(comparable_rows(engine.query(named))) == sorted(default_rows)


def test_file_errors_are_those_of_load_quads(tmp_path: Path) -> None:
    """Missing file, unknown extension, a syntax error after many good lines, unsafe XML."""
    broken = tmp_path / "broken.nt"
    good = "".join(f"<{EX}s{i}> <{EX}p> <{EX}o> .\n" for i in range(20000))
    broken.write_text(good + "<not closed .\n")
    entities = tmp_path / "laughs.rdf"
    entities.write_text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aa">]><r/>')
    for path in (tmp_path / "missing.trig", tmp_path / "graph.xyz", broken, entities):
        if path.suffix == ".xyz":
            path.write_text("x")
        with pytest.raises(BrikgError) as expected:
            load_quads(path)
        with pytest.raises(type(expected.value)) as got:
            OxigraphEngine.from_file(path)
        assert str(got.value) == str(expected.value)


def test_no_bundled_query_needs_the_named_graphs() -> None:
    """They all read the default graph, so none waits for the whole dataset to load."""
    assert [name for name, query in library().items() if names_graphs(query.text)] == []


def test_union_default_adds_each_triple_once() -> None:
    merged = [q for q in union_default(SMALL) if isinstance(q.graph_name, DefaultGraph)]
    assert len(merged) == 4


def test_bindings_are_terms(engine: OxigraphEngine) -> None:
    query = f"SELECT ?place ?thing WHERE {{ ?thing <{EX}locatedIn> ?place }}"
    bound = engine.query(query, {"place": NamedNode(EX + "laos")})
    assert [row[1].value for row in bound.rows] == [EX + "railway"]
    assert engine.query(query, {"place": NamedNode(EX + "peru")}).rows == []


def test_row_limit(engine: OxigraphEngine) -> None:
    with pytest.raises(ResultTooLarge, match="more than 2 rows"):
        engine.query("SELECT * WHERE { ?s ?p ?o }", max_rows=2)


def test_malformed_query_names_line_and_column(engine: OxigraphEngine) -> None:
    with pytest.raises(BrikgError, match=r"malformed SPARQL query: line 2, column \d+"):
        engine.query("SELECT * WHERE {\n  ?s ?p }")


def test_engines_compare_numbers_by_value() -> None:
    ox = OxigraphEngine(SMALL)
    rl = RdflibEngine(SMALL)
    text = f"SELECT (?n * 1.0 AS ?x) WHERE {{ ?r <{EX}length> ?n }}"
    assert comparable_rows(ox.query(text)) == comparable_rows(rl.query(text))


def test_offsets_keep_their_value_but_oxigraph_reports_them_as_integers() -> None:
    """The README's note on Oxigraph: a derived integer type comes back as xsd:integer, and a
    comparison by value still finds it. If Oxigraph starts keeping the type, update the note."""
    offset = Literal("1200", datatype=NamedNode(XSD.replace("integer", "nonNegativeInteger")))
    data = [quad("selector", "start", offset, "doc1")]
    text = f"SELECT ?o (DATATYPE(?o) AS ?t) WHERE {{ ?s <{EX}start> ?o FILTER(?o = 1200) }}"
    assert [row[1].value for row in OxigraphEngine(data).query(text).rows] == [XSD]
    assert [row[1].value for row in RdflibEngine(data).query(text).rows] == [offset.datatype.value]


@pytest.mark.parametrize(
    ("fmt", "results_format"),
    [
        ("json", QueryResultsFormat.JSON),
        ("xml", QueryResultsFormat.XML),
        ("tsv", QueryResultsFormat.TSV),
    ],
)
def test_result_formats_parse_back(fmt: str, results_format: QueryResultsFormat) -> None:
    """Our serialisations are standard: Oxigraph's own results parser reads them back."""
    engine = OxigraphEngine(SMALL)
    result = engine.query(
        f"SELECT ?s ?l ?n WHERE {{ {{ ?s <{EX}label> ?l }} UNION {{ ?s <{EX}length> ?n }} }}"
    )
    parsed = list(parse_query_results(results_bytes(result, fmt), format=results_format))
    parsed = [solution for solution in parsed if solution["l"] is not None] + [
        solution for solution in parsed if solution["l"] is None
    ]
    assert len(parsed) == 3
    values = sorted(str(solution["l"].value) for solution in parsed[:2])
    assert values == ["Laos", "老挝"]
    assert {solution["l"].language for solution in parsed[:2]} == {"en", "zh"}
    assert {str(solution["n"]) for solution in parsed if solution["n"] is not None} == {
        '"1035"^^<http://www.w3.org/2001/XMLSchema#integer>'
    }


def test_csv_results_are_plain_values() -> None:
    """SPARQL CSV is lossy by design: IRIs and lexical forms, no tags; unbound is empty."""
    engine = OxigraphEngine(SMALL)
    result = engine.query(
        f"SELECT ?s ?l ?n WHERE {{ ?s <{EX}label> ?l OPTIONAL {{ ?s <{EX}length> ?n }} }} "
        "ORDER BY ?l"
    )
    rows = list(csv.reader(io.StringIO(results_bytes(result, "csv").decode("utf-8"))))
    assert rows == [["s", "l", "n"], [EX + "laos", "Laos", ""], [EX + "laos", "老挝", ""]]


def test_ask_results() -> None:
    engine = OxigraphEngine(SMALL)
    result = engine.query(f"ASK {{ <{EX}railway> <{EX}locatedIn> <{EX}laos> }}")
    assert json.loads(results_bytes(result, "json")) == {"head": {}, "boolean": True}


def test_load_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="data file not found"):
        load_quads(tmp_path / "missing.trig")
    odd = tmp_path / "graph.xyz"
    odd.write_text("x")
    with pytest.raises(UsageError, match="unknown RDF file extension"):
        load_quads(odd)
    broken = tmp_path / "broken.ttl"
    broken.write_text("<http://a> <http://b> <http://c> .\n<http://a> <http://b> \n", "utf-8")
    with pytest.raises(BrikgError, match=r"broken\.ttl: .*line 3"):
        load_quads(broken)


# --------------------------------------------------------------------------------------------
# brikg query through the command line


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_query_csv_and_json(built_graph: Path) -> None:
    data = str(built_graph / "brikg.trig")
    code, out, err = invoke("query", "projects-by-country", "--data", data, "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert any(r["project"].endswith("/project/china-laos-railway") for r in rows)
    code, out, err = invoke(
        "query", "chinese-name", "-p", "name=中欧班列", "--data", data, "--format", "json"
    )
    assert code == 0, err
    bindings = json.loads(out)["results"]["bindings"]
    assert bindings[0]["label_en"]["value"] == "China-Europe Railway Express"


def test_query_rdflib_engine_and_file(built_graph: Path, tmp_path: Path) -> None:
    query = tmp_path / "titles.rq"
    query.write_text(
        "# question: What are the document titles?\n"
        "# returns: title\n"
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
        "SELECT DISTINCT ?title WHERE { ?d dcterms:title ?title } ORDER BY ?title\n",
        "utf-8",
    )
    data = str(built_graph / "brikg.trig")
    code, out, err = invoke("query", str(query), "--data", data, "--engine", "rdflib")
    assert code == 0, err
    assert "III. Promoting All-Round Connectivity in Multiple Fields" in out


def test_query_table_escapes_markup(built_graph: Path, tmp_path: Path) -> None:
    query = tmp_path / "markup.rq"
    query.write_text('SELECT ?x WHERE { BIND("[bold]x[/bold]" AS ?x) }\n', "utf-8")
    data = str(built_graph / "brikg.trig")
    code, out, _err = invoke("query", str(query), "--data", data, "--format", "table")
    assert code == 0 and "[bold]x[/bold]" in out


def test_query_list(built_graph: Path) -> None:
    code, out, _err = invoke("query", "--list")
    assert code == 0
    assert "timeline\tWhat happened between two dates" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "no-such-query"], "unknown query 'no-such-query'; known queries: "),
        (["query", "timeline", "-p", "from=yesterday"], "parameter ?from: expected a date"),
        (["query", "timeline", "-p", "until=2020-01-01"], "has no parameter ?until"),
        (["query", "timeline", "-p", "from"], "--param expects key=value"),
        (["query", "missing.rq"], "query file not found: missing.rq"),
    ],
)
def test_query_usage_errors(args: list[str], message: str, built_graph: Path) -> None:
    code, out, err = invoke(*args, "--data", str(built_graph / "brikg.trig"))
    assert code == 2
    assert err.startswith("brikg: error: ") and message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_malformed_sparql_through_the_cli(built_graph: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x\nWHERE { ?x ?y ?z FILTER(?x = ) }\n", "utf-8")
    for engine in ("oxigraph", "rdflib"):
        code, _out, err = invoke(
            "query", str(bad), "--engine", engine, "--data", str(built_graph / "brikg.trig")
        )
        assert code == 1
        assert re.match(r"brikg: error: malformed SPARQL query: line [23], column \d+: ", err)
        assert len(err.strip().splitlines()) == 1


def test_missing_parameter_is_named(built_graph: Path, tmp_path: Path) -> None:
    query = tmp_path / "needs.rq"
    query.write_text(
        "# question: Which projects are in a country?\n"
        "# param: ?country string — ISO code, e.g. LA\n"
        "PREFIX brikg: <https://w3id.org/brikg/ontology#>\n"
        "SELECT ?country ?p WHERE { ?c brikg:isoCode ?country . ?p brikg:locatedIn ?c }\n",
        "utf-8",
    )
    code, _out, err = invoke("query", str(query), "--data", str(built_graph / "brikg.trig"))
    assert code == 2 and "needs parameter ?country" in err
    code, out, err = invoke(
        "query", str(query), "-p", "country=LA", "--data", str(built_graph / "brikg.trig")
    )
    assert code == 0 and "/project/china-laos-railway" in out


def test_malformed_data_file(tmp_path: Path) -> None:
    data = tmp_path / "graph.trig"
    data.write_text("<http://a> <http://b> {\n <http://c> <http://d> \n}\n", "utf-8")
    code, _out, err = invoke("query", "documents", "--data", str(data))
    assert code == 1
    assert err.startswith(f"brikg: error: {data}: ") and "line" in err
    assert len(err.strip().splitlines()) == 1
