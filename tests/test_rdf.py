"""The RDF stage: named graphs per document, Web Annotation selectors, typed dates."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store

from brikg.vocab import ONTOLOGY_IRI

PREFIXES = """
PREFIX brikg: <https://w3id.org/brikg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX id: <https://w3id.org/brikg/id/>
"""


@pytest.fixture(scope="module")
def store(built_graph: Path) -> Store:
    store = Store()
    store.load(path=str(built_graph / "brikg.trig"), format=RdfFormat.TRIG)
    return store


def _rows(store: Store, query: str) -> list[tuple[str, ...]]:
    return [
        tuple(term.value for term in row)
        for row in store.query(PREFIXES + query, use_default_graph_as_union=True)
    ]


def test_one_named_graph_per_document_plus_ontology_and_lexicon(store: Store) -> None:
    graphs = {g.value for g in store.named_graphs()}
    documents = {
        row[0] for row in _rows(store, "SELECT ?d WHERE { GRAPH ?g { ?d a brikg:Document } }")
    }
    assert len(documents) == 5
    assert {f"https://w3id.org/brikg/id/graph/{d.rsplit('/', 1)[1]}" for d in documents} <= graphs
    assert str(ONTOLOGY_IRI) in graphs
    assert "https://w3id.org/brikg/id/graph/lexicon" in graphs


def test_china_laos_railway_is_one_node_with_both_countries(store: Store) -> None:
    rows = _rows(
        store,
        "SELECT DISTINCT ?c WHERE { <https://w3id.org/brikg/id/project/china-laos-railway> brikg:locatedIn ?c }",
    )
    assert {r[0].rsplit("/", 1)[1] for r in rows} >= {"cn", "la"}


def test_every_fact_has_a_sentence_with_quote_and_offsets(store: Store) -> None:
    rows = _rows(
        store,
        """SELECT ?f ?exact ?start ?end ?doc WHERE {
             ?f a brikg:Fact ; prov:wasDerivedFrom ?s .
             ?s oa:hasSource ?doc ; oa:hasSelector ?q, ?p .
             ?q a oa:TextQuoteSelector ; oa:exact ?exact .
             ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end . }""",
    )
    facts = _rows(store, "SELECT DISTINCT ?f WHERE { ?f a brikg:Fact }")
    assert len({r[0] for r in rows}) == len(facts) > 100
    assert all(int(r[2]) < int(r[3]) and len(r[1]) == int(r[3]) - int(r[2]) for r in rows)


def test_dates_are_typed_at_the_precision_given(store: Store) -> None:
    datatypes = {
        r[0]
        for r in _rows(store, "SELECT DISTINCT (DATATYPE(?d) AS ?t) WHERE { ?e brikg:date ?d }")
    }
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert datatypes <= {xsd + "date", xsd + "gYearMonth", xsd + "gYear"}
    assert len(datatypes) >= 2


def test_no_blank_nodes_in_instance_data(store: Store) -> None:
    rows = _rows(
        store,
        f"""SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
             FILTER(?g != <{ONTOLOGY_IRI}> && (isBlank(?s) || isBlank(?o))) }}""",
    )
    assert rows == [("0",)]


def test_labels_are_language_tagged(store: Store) -> None:
    rows = _rows(
        store,
        """SELECT ?l WHERE { <https://w3id.org/brikg/id/country/la> rdfs:label ?l }""",
    )
    assert {r[0] for r in rows} >= {"Laos", "老挝"}


def test_each_mention_carries_its_sentence_language(store: Store) -> None:
    """bilingual-entities counts Chinese mentions by the mention's own dc:language."""
    rows = _rows(
        store,
        """PREFIX dcterms: <http://purl.org/dc/terms/>
           PREFIX dc: <http://purl.org/dc/elements/1.1/>
           SELECT ?language (COUNT(*) AS ?n) (SUM(IF(?language = ?sentence_language, 1, 0)) AS ?same)
           WHERE { ?m a brikg:Mention ; dc:language ?language ; brikg:inSentence ?s .
                   ?s dcterms:language ?sentence_language }
           GROUP BY ?language ORDER BY ?language""",
    )
    mentions = _rows(store, "SELECT (COUNT(*) AS ?n) WHERE { ?m a brikg:Mention }")
    assert [r[0] for r in rows] == ["en", "zh"]
    assert all(r[1] == r[2] for r in rows)
    assert sum(int(r[1]) for r in rows) == int(mentions[0][0])
