"""``brikg validate`` and the graph files: the graph can be trusted, and the checks can fail.

* The committed graph and a fresh build are valid: SHACL shapes, quotes against the corpus
  files, HermiT consistency.
* A deliberately broken graph is reported invalid, naming exactly the rules it breaks: a
  missing label, ``locatedIn`` pointing to a project, a fact without provenance, a date typed
  ``xsd:string`` and more, each on the node that breaks it.
* Every output file re-parses with strict parsers (pyoxigraph, rdflib) to the same graph.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, brikg
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, parse, serialize

from brikg.corpus import load_corpus
from brikg.ir import Corpus
from brikg.pipeline import GRAPH_FILES, extract_documents, write_graph
from brikg.rdf import corpus_quads
from brikg.store import load_quads
from brikg.validate import validate_file

COMMITTED = ROOT / "graph" / "brikg.trig"

BRIKG = "https://w3id.org/brikg/ontology#"
ID = "https://w3id.org/brikg/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
PREFIXES = f"""
PREFIX brikg: <{BRIKG}>
PREFIX rdf: <{RDF}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <{PROV}>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""

# Two small documents: English with quotes, a backslash and an emoji; Chinese, so that IRIs
# and literals outside ASCII go through every writer and parser.
SMALL = {
    "eastern-routes.txt": (
        "Progress Along the Eastern Routes\n\n"
        "Along the Qarvani-Tesh Economic Corridor, the Morvane-Kelisto Railway in Kazakhstan"
        " began operation in March 2022.\n"
        'The Zelvani Deep-sea Port in Nigeria was completed on 14 March 2024 ("a \\ milestone" 🚢).\n'
        "The Kellan River Industrial Park, jointly built by China and Egypt, has attracted 120"
        " enterprises.\n"
        "The Varn Deep-Water Port is expected to open in 2027.\n"
    ),
    "zh-report.txt": (
        "共建“一带一路”进展\n\n2021年12月3日，中老铁路全线开通运营。\n"
        "中巴经济走廊是“一带一路”的旗舰项目。\n"
    ),
}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with ``corpus/`` (the two SMALL documents) and ``graph/``, built from them."""
    root = tmp_path_factory.mktemp("small")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in SMALL.items():
        (corpus / name).write_text(text, encoding="utf-8")
    documents, errors = load_corpus(corpus)
    assert not errors
    write_graph(extract_documents(documents), root / "graph")
    return root


def _store(quads: list[Quad]) -> Store:
    store = Store()
    store.bulk_extend(quads)
    return store


def _select(store: Store, query: str) -> list[dict[str, object]]:
    solutions = store.query(PREFIXES + query, use_default_graph_as_union=True)
    return [{str(v)[1:]: row[v] for v in solutions.variables} for row in solutions]


def _first(store: Store, query: str, what: str) -> dict[str, object]:
    rows = _select(store, query)
    assert rows, f"the small graph has no {what}; the extraction changed, adapt SMALL"
    return sorted(rows, key=lambda row: str(list(row.values())))[0]


def _write(quads: list[Quad], path: Path) -> Path:
    path.write_bytes(serialize(quads, format=RdfFormat.TRIG) or b"")
    return path


def _short(node: object) -> str:
    value = getattr(node, "value", str(node))
    return "id:" + value[len(ID) :] if value.startswith(ID) else value


# --- valid graphs ----------------------------------------------------------------------------


def test_committed_graph_is_valid() -> None:
    """`make test` validates graph/brikg.trig, quotes checked against the corpus files."""
    if not COMMITTED.is_file():
        pytest.skip("graph/brikg.trig has not been built and committed yet (run `make graph`)")
    result = brikg("validate", str(COMMITTED), "--corpus", str(CORPUS))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("valid"), result.stdout
    assert any(line.startswith("SHACL   conforms") for line in lines), result.stdout
    assert any(line.startswith("OWL     consistent") for line in lines), result.stdout
    assert "equals the source text" in result.stdout


def test_fresh_build_is_valid(built_graph: Path) -> None:
    """What the code builds now, not only what was committed, passes every check."""
    report = validate_file(built_graph / "brikg.trig", owl="entities", corpus_dir=CORPUS)
    assert report.valid, report.render(limit=10)
    assert report.quotes.spans > 1000 and report.quotes.documents == len(list(CORPUS.glob("*.txt")))


# --- broken graphs -----------------------------------------------------------------------------


def _broken(small: Path) -> tuple[list[Quad], set[tuple[str, str]]]:
    """The small graph with one breakage per rule, and the (shape, node) pairs expected."""
    quads = load_quads(small / "graph" / "brikg.trig")
    store = _store(quads)
    remove: set[Quad] = set()
    add: list[Quad] = []
    expected: set[tuple[str, str]] = set()
    graph = NamedNode(ID + "graph/eastern-routes")

    # An entity that lost its labels (in every graph).
    row = _first(store, "SELECT ?e WHERE { ?e a brikg:Project ; rdfs:label ?l }", "project")
    project = row["e"]
    remove |= {
        q
        for q in quads
        if q.subject == project and q.predicate.value.endswith(("#label", "#prefLabel"))
    }
    expected.add(("bsh:Entity-label", _short(project)))

    # brikg:locatedIn pointing to a project instead of a country.
    row = _first(
        store,
        "SELECT ?a ?b WHERE { ?a a brikg:Project . ?b a brikg:Project . FILTER(?a != ?b) }",
        "two projects",
    )
    add.append(Quad(row["a"], NamedNode(BRIKG + "locatedIn"), row["b"], graph))
    expected.add(("bsh:LocatedIn-country", _short(row["a"])))

    # A fact without provenance.
    row = _first(store, "SELECT ?f ?s WHERE { ?f a brikg:Fact ; prov:wasDerivedFrom ?s }", "fact")
    remove |= {
        q for q in quads if q.subject == row["f"] and q.predicate.value.endswith("#wasDerivedFrom")
    }
    expected.add(("bsh:Provenance-sentence", _short(row["f"])))

    # A date typed xsd:string.
    row = _first(store, "SELECT ?e ?d WHERE { ?e a brikg:Event ; brikg:date ?d }", "event")
    remove |= {q for q in quads if q.subject == row["e"] and q.predicate.value == BRIKG + "date"}
    add.append(Quad(row["e"], NamedNode(BRIKG + "date"), Literal(row["d"].value), graph))
    expected.add(("bsh:Date-date", _short(row["e"])))

    # An event without a kind (the same event as above, or another: the rule is per node).
    row = _first(store, "SELECT ?e WHERE { ?e a brikg:Event ; brikg:eventKind ?k }", "event")
    remove |= {
        q for q in quads if q.subject == row["e"] and q.predicate.value == BRIKG + "eventKind"
    }
    expected.add(("bsh:Event-kind", _short(row["e"])))

    # A planned event whose brikg:planned is a word, not the boolean true.
    row = _first(store, "SELECT ?e WHERE { ?e brikg:planned ?p }", "planned event")
    remove |= {q for q in quads if q.subject == row["e"] and q.predicate.value == BRIKG + "planned"}
    add.append(Quad(row["e"], NamedNode(BRIKG + "planned"), Literal("yes"), graph))
    expected.add(("bsh:Event-planned", _short(row["e"])))

    # A quantity whose value is not a decimal.
    row = _first(store, "SELECT ?q ?v WHERE { ?q a brikg:Quantity ; brikg:value ?v }", "quantity")
    remove |= {q for q in quads if q.subject == row["q"] and q.predicate.value == BRIKG + "value"}
    add.append(Quad(row["q"], NamedNode(BRIKG + "value"), Literal("many"), graph))
    expected.add(("bsh:Quantity-value", _short(row["q"])))

    # A recorded fact whose statement is no longer asserted.
    row = _first(
        store,
        "SELECT ?f ?s ?p ?o WHERE { ?f a brikg:Fact ; rdf:subject ?s ; rdf:predicate ?p ;"
        " rdf:object ?o ; prov:wasDerivedFrom ?x } OFFSET 1",
        "second fact",
    )
    remove |= {
        q for q in quads if (q.subject, q.predicate, q.object) == (row["s"], row["p"], row["o"])
    }
    expected.add(("bsh:Fact-asserted", _short(row["f"])))

    # A sentence without its document.
    row = _first(store, "SELECT ?s WHERE { ?s a brikg:Sentence ; oa:hasSource ?d }", "sentence")
    remove |= {
        q for q in quads if q.subject == row["s"] and q.predicate.value.endswith("#hasSource")
    }
    expected.add(("bsh:Annotation-source", _short(row["s"])))

    # A mentioned entity that lost its type (a corridor of this document only: a country
    # would also break every brikg:locatedIn of the lexicon that points to it).
    row = _first(
        store,
        "SELECT ?c WHERE { ?m brikg:denotes ?c . ?c a brikg:Corridor ."
        f" FILTER(STRSTARTS(STR(?c), '{ID}corridor/qarvani')) }}",
        "invented corridor",
    )
    remove |= {q for q in quads if q.subject == row["c"] and q.predicate.value == RDF + "type"}
    expected.add(("bsh:EntityReference", _short(row["c"])))

    # Two countries with one ISO code.
    add += [
        Quad(NamedNode(ID + "country/xa"), NamedNode(RDF + "type"), NamedNode(BRIKG + "Country"), graph),
        Quad(NamedNode(ID + "country/xa"), NamedNode(BRIKG + "isoCode"), Literal("NG"), graph),
        Quad(NamedNode(ID + "country/xa"), NamedNode(RDFS + "label"), Literal("X"), graph),
    ]  # fmt: skip
    expected.add(("bsh:IsoCode-unique", '"NG"'))

    broken = [q for q in quads if q not in remove] + add
    return broken, expected


def test_broken_graph_names_exactly_the_rules_it_breaks(small: Path, tmp_path: Path) -> None:
    broken, expected = _broken(small)
    report = validate_file(_write(broken, tmp_path / "broken.trig"), owl="none")
    assert not report.valid
    found = {(f.shape, f.focus) for f in report.shacl.findings}
    missing = expected - found
    assert not missing, f"not reported: {missing}\n{report.render(limit=20)}"
    # Nothing else: the broken type of the country also leaves its label and code untargeted,
    # and the rest of the graph is valid, so every finding is one of the planted breakages.
    assert found == expected, report.render(limit=20)
    assert not report.quotes.findings


def test_fact_read_from_two_sentences_is_reported(small: Path, tmp_path: Path) -> None:
    """A second reading must be a fact node of its own: single-source-facts counts nodes."""
    quads = load_quads(small / "graph" / "brikg.trig")
    row = _first(
        _store(quads),
        "SELECT ?f ?s WHERE { ?f a brikg:Fact ; prov:wasDerivedFrom ?x . ?s a brikg:Sentence ."
        " FILTER(?s != ?x) }",
        "fact and another sentence",
    )
    graph = NamedNode(ID + "graph/eastern-routes")
    extra = Quad(row["f"], NamedNode(PROV + "wasDerivedFrom"), row["s"], graph)
    report = validate_file(_write([*quads, extra], tmp_path / "two.trig"), owl="none")
    found = {(f.shape, f.focus) for f in report.shacl.findings}
    assert found == {("bsh:Fact-sentence", _short(row["f"]))}, report.render(limit=20)


def test_valid_small_graph_passes(small: Path) -> None:
    """The control: without the breakages the same graph is valid."""
    report = validate_file(small / "graph" / "brikg.trig", owl="none", corpus_dir=small / "corpus")
    assert report.valid, report.render(limit=20)


def test_cli_reports_invalid_graph_with_shapes_and_exit_1(small: Path, tmp_path: Path) -> None:
    """Through the CLI: the four breakages of the issue are named, grouped and counted, and
    locatedIn -> Project is also an OWL contradiction (Project and Country are disjoint)."""
    quads = load_quads(small / "graph" / "brikg.trig")
    broken, expected = _broken(small)
    wanted = {
        "bsh:Entity-label", "bsh:LocatedIn-country", "bsh:Provenance-sentence", "bsh:Date-date",
    }  # fmt: skip
    path = _write(broken, tmp_path / "broken.trig")
    result = brikg("validate", str(path))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    out = result.stdout
    for shape in wanted:
        assert f"  {shape} (" in out, out
    assert "an entity must have a label" in out
    assert "brikg:locatedIn must point to a brikg:Country" in out
    assert "OWL     INCONSISTENT" in out and "id:graph/eastern-routes" in out, out
    assert out.splitlines()[-1].startswith("INVALID")
    assert len(quads) != len(broken)


def test_quotes_are_checked_against_the_source_files(small: Path, tmp_path: Path) -> None:
    """A quote that differs from the file, or a file changed since the build, is reported."""
    quads = load_quads(small / "graph" / "brikg.trig")
    store = _store(quads)
    row = _first(
        store,
        "SELECT ?q ?x WHERE { ?s a brikg:Sentence ; oa:hasSelector ?q . ?q oa:exact ?x }",
        "sentence quote",
    )
    swapped = row["x"].value.swapcase()
    assert swapped != row["x"].value
    altered = [
        Quad(q.subject, q.predicate, Literal(swapped), q.graph_name)
        if (q.subject, q.object) == (row["q"], row["x"])
        else q
        for q in quads
    ]
    report = validate_file(_write(altered, tmp_path / "altered.trig"), owl="none",
                           corpus_dir=small / "corpus")  # fmt: skip
    assert [(f.shape, f.component) for f in report.quotes.findings] == [("quote-source", "text")]
    assert report.shacl.conforms and not report.valid

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in SMALL.items():
        (corpus / name).write_text(text.replace("Progress", "Progres"), encoding="utf-8")
    report = validate_file(small / "graph" / "brikg.trig", owl="none", corpus_dir=corpus)
    changed = [f for f in report.quotes.findings if f.component == "file"]
    assert changed and all("changed since the build" in f.message for f in changed)
    assert not report.valid

    row = _first(
        store,
        "SELECT ?p ?end WHERE { ?s a brikg:Sentence ; oa:hasSelector ?p . ?p oa:end ?end }",
        "sentence position",
    )
    # (pyoxigraph's Store reports xsd:nonNegativeInteger as xsd:integer: match on the node.)
    end = Literal(str(int(row["end"].value) + 1), datatype=NamedNode(XSD + "nonNegativeInteger"))
    shifted = [
        Quad(q.subject, q.predicate, end, q.graph_name)
        if q.subject == row["p"] and q.predicate.value.endswith("#end")
        else q
        for q in quads
    ]
    report = validate_file(_write(shifted, tmp_path / "shifted.trig"), owl="none")
    assert [f.shape for f in report.quotes.findings] == ["quote-length"]


def test_json_report(small: Path) -> None:
    import json

    result = brikg("validate", str(small / "graph" / "brikg.trig"), "--owl", "none",
                   "--format", "json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["valid"] is True and report["shacl"]["violations"] == 0
    assert report["owl"]["consistent"] is None


# --- every output file re-parses strictly to the same graph --------------------------------------


def _parse_oxigraph(path: Path) -> set[Quad]:
    rdf_format = GRAPH_FILES[path.name]
    return {
        q if isinstance(q, Quad) else Quad(*q, DefaultGraph())  # type: ignore[misc]
        for q in parse(path=str(path), format=rdf_format)
    }


@pytest.fixture(scope="module")
def written_quads(built_corpus: Corpus) -> set[Quad]:
    """The quads the writer was given for the built graph: what every file must hold."""
    return set(corpus_quads(built_corpus))


@pytest.mark.parametrize("name", list(GRAPH_FILES))
def test_output_reparses_with_pyoxigraph_to_the_same_graph(
    built_graph: Path, written_quads: set[Quad], name: str
) -> None:
    """Strict pyoxigraph parsing of each built file gives back exactly the quads that were
    written (for .trig) or the union of their graphs (for the triple formats). Blank-node
    labels are kept on both sides, so this is plain set equality."""
    parsed = _parse_oxigraph(built_graph / name)
    if name.endswith(".trig"):
        assert parsed == written_quads
    else:
        assert parsed == {Quad(*q.triple, DefaultGraph()) for q in written_quads}  # type: ignore[misc]
    assert len(parsed) > 10_000


def test_shards_reparse_to_exactly_the_trig_quads(
    built_graph: Path, written_quads: set[Quad]
) -> None:
    """shards/*.nq, one per named graph, strictly parsed, together hold the TriG's quads."""
    shards = sorted((built_graph / "shards").glob("*.nq"))
    if not shards:
        pytest.skip("this build writes no shards/")
    parsed: set[Quad] = set()
    for shard in shards:
        quads = set(parse(path=str(shard), format=RdfFormat.N_QUADS))
        assert len({q.graph_name for q in quads}) == 1, f"{shard.name} holds several graphs"
        assert not parsed & quads, f"{shard.name} repeats quads of another shard"
        parsed |= quads
    assert parsed == written_quads


RDFLIB_FORMATS = {"brikg.trig": "trig", "brikg.ttl": "turtle", "brikg.nt": "nt",
                  "brikg.jsonld": "json-ld"}  # fmt: skip


@pytest.mark.parametrize("name", list(GRAPH_FILES))
def test_output_reparses_with_rdflib_to_the_same_graph(small: Path, name: str) -> None:
    """rdflib, an independent parser, reads each file of the small build (Chinese IRIs, quotes,
    a backslash, an emoji; the writers are the same for the full graph, whose rdflib parse
    takes a minute) to a graph isomorphic to the TriG's."""
    from rdflib import BNode, Dataset, Graph
    from rdflib.compare import isomorphic

    from brikg.validate import _Converter

    convert = _Converter()
    dataset = _parse_oxigraph(small / "graph" / "brikg.trig")
    path = small / "graph" / name
    if name.endswith(".trig"):
        parsed = Dataset()
        parsed.parse(path, format="trig")
        got = {
            (s, p, o, g.identifier if hasattr(g, "identifier") else g)
            for s, p, o, g in parsed.quads()
        }
        want = {(convert(q.subject), convert(q.predicate), convert(q.object),
                 convert(q.graph_name)) for q in dataset}  # fmt: skip
        ground = lambda quads: {q for q in quads if not any(isinstance(t, BNode) for t in q)}  # noqa: E731
        assert ground(got) == ground(want)
        assert len(got) == len(want)
        return
    parsed = Graph()
    parsed.parse(path, format=RDFLIB_FORMATS[name])
    expected = Graph()
    for q in dataset:
        expected.add((convert(q.subject), convert(q.predicate), convert(q.object)))
    assert len(parsed) == len(expected)
    assert isomorphic(parsed, expected)
