"""The query library: headers, both engines agreeing, and rows a reader can check in the documents.

Assertions name things the corpus says in so many words (the Peljesac Bridge is in Croatia, the
China-Europe Railway Express reached 229 cities by June 2025), not totals that move as
extraction improves.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from conftest import PLANS, build_graph
from pyoxigraph import Literal, NamedNode

from brikg.errors import UsageError
from brikg.queries import QUERIES_DIR, continent_values, library, resolve
from brikg.store import (
    OxigraphEngine,
    RdflibEngine,
    Result,
    comparable_rows,
    load_quads,
    shorten,
)
from brikg.vocab import EVENT_KINDS

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
QUERIES = library()


@pytest.fixture(scope="module")
def quads(built_graph: Path) -> list:
    return load_quads(built_graph / "brikg.trig")


@pytest.fixture(scope="module")
def oxigraph(quads: list) -> OxigraphEngine:
    return OxigraphEngine(quads)


@pytest.fixture(scope="module")
def rdflib_engine(quads: list) -> RdflibEngine:
    return RdflibEngine(quads)


def run(engine: OxigraphEngine, name: str, /, **params: str) -> list[dict[str, str]]:
    """A bundled query's rows as dicts of readable values (prefixed IRIs, literal text)."""
    query = QUERIES[name]
    result: Result = engine.query(query.text, query.bindings(params, engine))
    assert result.variables == list(query.returns), f"{name}: columns differ from its header"
    return [
        {var: shorten(term) for var, term in zip(result.variables, row, strict=True)}
        for row in result.rows
    ]


def corpus_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))


# --------------------------------------------------------------------------------------------
# The library itself


def test_at_least_twenty_queries_each_with_a_header() -> None:
    assert len(QUERIES) >= 20
    for name, query in QUERIES.items():
        assert query.question.endswith("?"), f"{name}: no '# question:' line"
        assert query.returns, f"{name}: no '# returns:' line"
        select = query.text[query.text.index("SELECT") :]
        for param in query.params:
            assert param.default is not None, f"{name}: ?{param.name} has no default"
            assert param.doc, f"{name}: ?{param.name} is not described"
            assert re.search(rf"\?{param.name}\b", select), f"{name}: ?{param.name} unused"


def test_region_table_is_geonames_continents() -> None:
    """projects-by-region.rq carries GeoNames' continent of every country, unedited."""
    text = (QUERIES_DIR / "projects-by-region.rq").read_text(encoding="utf-8")
    assert continent_values() in text
    assert '("LA" "AS")' in text and '("HR" "EU")' in text and '("KE" "AF")' in text


# The bundled documents plan no event of a named thing: their plans are read from invented ones.
_NOTHING_BUNDLED = {"planned-events"}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_engines_agree(
    name: str, oxigraph: OxigraphEngine, rdflib_engine: RdflibEngine, invented_quads: list
) -> None:
    """Oxigraph and rdflib, two independent SPARQL engines, give the same rows."""
    if name in _NOTHING_BUNDLED:
        oxigraph, rdflib_engine = OxigraphEngine(invented_quads), RdflibEngine(invented_quads)
    query = QUERIES[name]
    bindings = query.bindings(None, oxigraph)
    fast = oxigraph.query(query.text, bindings)
    reference = rdflib_engine.query(query.text, bindings)
    assert fast.variables == reference.variables
    assert fast.rows, f"{name} returns nothing on the graph"
    assert comparable_rows(fast) == comparable_rows(reference)


# --------------------------------------------------------------------------------------------
# One test per question, on facts a reader can find in the documents


def test_projects_by_country(oxigraph: OxigraphEngine) -> None:
    laos = run(oxigraph, "projects-by-country")
    assert {"country": "LA", "label": "China-Laos Railway"}.items() <= next(
        r for r in laos if r["project"] == "id:project/china-laos-railway"
    ).items()
    croatia = run(oxigraph, "projects-by-country", country="HR")
    bridge = next(r for r in croatia if r["project"] == "id:project/peljesac-bridge")
    assert int(bridge["evidence"]) >= 1  # "The Peljesac Bridge in Croatia has celebrated ..."


def test_projects_by_region(oxigraph: OxigraphEngine) -> None:
    europe = run(oxigraph, "projects-by-region", continent="EU")
    assert {"id:country/hr"} <= {r["country"] for r in europe}
    assert any(r["label"] == "Peljesac Bridge" for r in europe)
    assert not any(r["country"] == "id:country/la" for r in europe)
    asia = run(oxigraph, "projects-by-region", continent="AS")
    assert any(r["project"] == "id:project/china-laos-railway" for r in asia)
    assert {r["continent"] for r in asia} == {"AS"}


def test_projects_in_corridor(oxigraph: OxigraphEngine) -> None:
    # "Along the New Eurasian Land Bridge, the Belgrade-Novi Sad section of the Hungary-Serbia
    # Railway in Serbia became operational in March 2022"
    rows = run(oxigraph, "projects-in-corridor")
    assert any("Belgrade-Novi Sad" in r["label"] for r in rows)
    assert any(r["label"] == "Peljesac Bridge" for r in rows)


def test_corridors(oxigraph: OxigraphEngine) -> None:
    rows = {r["corridor"]: r for r in run(oxigraph, "corridors")}
    land_bridge = rows["id:corridor/new-eurasian-land-bridge-economic-corridor"]
    assert land_bridge["label_zh"] == "新亚欧大陆桥经济走廊"
    assert int(land_bridge["projects"]) >= 1


def test_project_status(oxigraph: OxigraphEngine) -> None:
    rows = run(oxigraph, "project-status")
    belgrade = [r for r in rows if "Belgrade-Novi Sad" in r["label"]]
    # One white paper says the section "became operational", the other that it "opened", both
    # in March 2022: the latest status is both events of that month.
    assert {r["status"] for r in belgrade} == {"brikg:startOfOperation", "brikg:opening"}
    assert {r["date"] for r in belgrade} == {"2022-03"}


def test_projects_by_status(oxigraph: OxigraphEngine) -> None:
    rows = run(oxigraph, "projects-by-status", status="brikg:startOfOperation")
    belgrade = next(r for r in rows if "Belgrade-Novi Sad" in r["label"])
    assert "became operational in March 2022" in belgrade["quote"]
    assert {r["status"] for r in rows} == {"brikg:startOfOperation"}


def test_timeline(oxigraph: OxigraphEngine) -> None:
    rows = run(oxigraph, "timeline", **{"from": "2022-01-01", "to": "2022-12-31"})
    assert rows and all(r["date"].startswith("2022") for r in rows)
    assert any(
        r["kind"] == "brikg:startOfOperation" and "Belgrade-Novi Sad" in r["quote"] for r in rows
    )
    # "In September 2023, ... the Silk Road Tourism City Alliance was established."
    later = run(oxigraph, "timeline", **{"from": "2023-09-01", "to": "2023-09-30"})
    assert any(
        r["kind"] == "brikg:establishment" and "Silk Road Tourism City Alliance" in r["quote"]
        for r in later
    )


def test_mechanisms(oxigraph: OxigraphEngine) -> None:
    rows = run(oxigraph, "mechanisms")
    # "In September 2023, ... the Silk Road Tourism City Alliance was established"
    assert any(r["established"] == "2023-09" and "Tourism" in r["label"] for r in rows)
    # "... China-Russia Expo ..." is a China-Russia mechanism
    expo = {r["member"] for r in rows if r["mechanism"] == "id:mechanism/china-russia-expo"}
    assert {"id:country/cn", "id:country/ru"} <= expo


MEMBER_LABELS_PER_MEMBER = """      {
        SELECT ?member ?member_label
        WHERE {
          { SELECT DISTINCT ?member WHERE { ?someone brikg:involves ?member } }
          OPTIONAL { ?member skos:prefLabel ?member_en FILTER(LANG(?member_en) = "en") }
          OPTIONAL { ?member skos:prefLabel ?member_zh FILTER(LANG(?member_zh) = "zh") }
          BIND(COALESCE(?member_en, ?member_zh) AS ?member_label)
        }
      }
"""
MEMBER_LABELS_IN_ONE_PASS = """      OPTIONAL {
        SELECT ?member ?member_en
        WHERE { ?member skos:prefLabel ?member_en FILTER(LANG(?member_en) = "en") }
      }
      OPTIONAL {
        SELECT ?member ?member_zh
        WHERE { ?member skos:prefLabel ?member_zh FILTER(LANG(?member_zh) = "zh") }
      }
      BIND(COALESCE(?member_en, ?member_zh) AS ?member_label)
"""


def test_mechanisms_label_each_member_as_the_pass_over_labels_did(
    oxigraph: OxigraphEngine,
) -> None:
    """Members' labels looked up once per distinct member: the rows, in order, of the earlier
    formulation that joined every label of the graph to the memberships."""
    text = QUERIES["mechanisms"].text
    assert MEMBER_LABELS_PER_MEMBER in text
    rows = oxigraph.query(text).rows
    assert len(rows) > 100
    earlier = text.replace(MEMBER_LABELS_PER_MEMBER, MEMBER_LABELS_IN_ONE_PASS)
    assert rows == oxigraph.query(earlier).rows


def test_aligned_strategies(oxigraph: OxigraphEngine) -> None:
    # "the Belt and Road initiative has achieved precise docking with Kazakhstan's "Bright Road"
    # new economic policy"
    rows = run(oxigraph, "aligned-strategies")
    nurly = next(r for r in rows if r["strategy"] == "id:strategy/nurly-zhol")
    assert nurly["owner_label"] == "Kazakhstan"
    assert int(nurly["documents"]) >= 2
    assert any(r["owner"] == "id:country/id" and "Maritime Fulcrum" in r["label"] for r in rows)


def test_countries_by_projects(oxigraph: OxigraphEngine) -> None:
    rows = run(oxigraph, "countries-by-projects")
    counts = [int(r["projects"]) for r in rows]
    assert counts == sorted(counts, reverse=True)
    pakistan = next(r for r in rows if r["iso"] == "PK")  # Gwadar Port, Karot, Orange Line ...
    assert int(pakistan["projects"]) >= 3


def test_cross_border_projects(oxigraph: OxigraphEngine) -> None:
    rows = {r["project"]: r for r in run(oxigraph, "cross-border-projects")}
    assert int(rows["id:project/china-laos-railway"]["countries"]) >= 2
    assert all(int(r["countries"]) > 1 for r in rows.values())


def test_evidence_by_label_and_by_iri(oxigraph: OxigraphEngine) -> None:
    by_label = run(oxigraph, "evidence", entity="peljesac bridge")
    assert by_label
    assert all("Peljesac Bridge" in r["quote"] or "Pelješac Bridge" in r["quote"] for r in by_label)
    located = [r for r in by_label if r["predicate"] == "brikg:locatedIn"]
    assert any(r["other"] == "id:country/hr" for r in located)
    titles = {r["title"] for r in by_label}
    assert "III. Promoting All-Round Connectivity in Multiple Fields" in titles
    by_iri = run(oxigraph, "evidence", entity="https://w3id.org/brikg/id/project/peljesac-bridge")
    assert by_iri == by_label
    assert run(oxigraph, "evidence", entity="id:project/peljesac-bridge") == by_label
    text = corpus_text()
    for row in by_label:
        assert row["quote"] in text


def test_evidence_label_errors(oxigraph: OxigraphEngine) -> None:
    with pytest.raises(UsageError, match="no entity is labelled 'Atlantis Railway'"):
        QUERIES["evidence"].bindings({"entity": "Atlantis Railway"}, oxigraph)


def test_single_source_facts_are_the_relations_read_once(oxigraph: OxigraphEngine) -> None:
    """Grouped by brikg:statement, the query must find what grouping by subject, predicate
    and object finds: each relation's readings, and only its, share one statement IRI."""
    by_relation = oxigraph.query("""
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    SELECT ?subject ?predicate ?object (SAMPLE(?source) AS ?sentence) WHERE {
      ?fact rdf:subject ?subject ; rdf:predicate ?predicate ; rdf:object ?object ;
            prov:wasDerivedFrom ?source }
    GROUP BY ?subject ?predicate ?object HAVING (COUNT(*) = 1)
    """).rows
    by_statement = oxigraph.query(QUERIES["single-source-facts"].text).rows
    assert len(by_relation) > 100
    assert sorted(map(str, by_statement)) == sorted(map(str, by_relation))
    statements = oxigraph.query("""
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    PREFIX brikg: <https://w3id.org/brikg/ontology#>
    SELECT (COUNT(DISTINCT ?statement) AS ?statements) (COUNT(*) AS ?facts)
           (COUNT(DISTINCT CONCAT(STR(?s), " ", STR(?p), " ", STR(?o))) AS ?relations)
    WHERE { ?fact brikg:statement ?statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }
    """).rows[0]
    facts = oxigraph.query(
        "SELECT (COUNT(*) AS ?n) WHERE { ?f a <https://w3id.org/brikg/ontology#Fact> }"
    ).rows[0][0]
    assert statements[1] == facts  # every fact names one statement
    assert statements[0] == statements[2]  # one statement per relation


def test_single_source_facts(oxigraph: OxigraphEngine) -> None:
    rows = run(oxigraph, "single-source-facts")
    assert rows
    text = corpus_text()
    check = """
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    PREFIX oa: <http://www.w3.org/ns/oa#>
    SELECT DISTINCT ?s ?p ?o ?sentence ?quote WHERE {
      ?fact rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?sentence .
      ?sentence oa:hasSelector/oa:exact ?quote }
    """
    for row in rows[:25]:
        terms = {
            "s": NamedNode(_expand(row["subject"])),
            "p": NamedNode(_expand(row["predicate"])),
            "o": NamedNode(_expand(row["object"])),
        }
        support = oxigraph.query(check, terms).rows
        assert len(support) == 1  # one sentence, and it is the one reported
        assert support[0][3] == NamedNode(_expand(row["sentence"]))
        assert support[0][4].value in text  # words of a document of the corpus


def _expand(short: str) -> str:
    from brikg.queries import expand_iri

    return expand_iri(short)


def test_conflicting_quantities(oxigraph: OxigraphEngine) -> None:
    rows = [
        r
        for r in run(oxigraph, "conflicting-quantities", unit="city")
        if r["entity"] == "id:project/china-europe-railway-express"
    ]
    values = {(r["value"], r["document"]) for r in rows}
    # "more than 200 cities" (2023 white papers), "224 cities" (July 2024), "229 cities" (June 2025)
    assert any(value == "200" for value, _document in values)
    assert ("224", "id:document/xinhua-institute-2024-eight-major-steps") in values
    assert ("229", "id:document/iccw-2025-wang-dan") in values
    assert len({r["document"] for r in rows}) >= 3


def test_quantities_of_entity(oxigraph: OxigraphEngine) -> None:
    rows = run(oxigraph, "quantities-of-entity")
    reached = next(r for r in rows if r["value"] == "229" and r["unit"] == "city")
    assert reached["as_of"] == "2025-06"
    assert "229 cities in 26 European countries" in reached["quote"]


def test_chinese_labels(oxigraph: OxigraphEngine) -> None:
    rows = {r["label_zh"]: r["label_en"] for r in run(oxigraph, "chinese-labels")}
    assert rows["中老铁路"] == "China-Laos Railway"
    assert rows["中欧班列"] == "China-Europe Railway Express"
    mechanisms = run(oxigraph, "chinese-labels", **{"class": "brikg:Corridor"})
    assert any(r["label_zh"] == "新亚欧大陆桥经济走廊" for r in mechanisms)


def test_chinese_name(oxigraph: OxigraphEngine) -> None:
    rows = run(oxigraph, "chinese-name")
    assert any(
        r["entity"] == "id:project/china-laos-railway" and r["label_en"] == "China-Laos Railway"
        for r in rows
    )
    assert all(r["name"] == "中老铁路" for r in rows)
    bri = run(oxigraph, "chinese-name", name="一带一路")
    assert [r["entity"] for r in bri] == ["id:initiative/belt-and-road-initiative"]


def test_bilingual_entities(oxigraph: OxigraphEngine) -> None:
    # The Xinhua Institute article is in Chinese and English: 中欧班列 / China-Europe Railway Express
    rows = {r["entity"]: r for r in run(oxigraph, "bilingual-entities")}
    railway = rows["id:project/china-europe-railway-express"]
    assert railway["label_zh"] == "中欧班列"
    assert int(railway["english_mentions"]) > 0 and int(railway["chinese_mentions"]) > 0


def test_bilingual_entities_count_mentions_as_count_distinct_would(
    oxigraph: OxigraphEngine,
) -> None:
    """COUNT(*) counts distinct mentions: a mention is in one sentence, so no group repeats one.
    The rows must be those of the COUNT(DISTINCT ?mention) formulation, in the same order."""
    text = QUERIES["bilingual-entities"].text
    distinct = text
    for count in ("?chinese_mentions", "?all_mentions"):
        assert f"(COUNT(*) AS {count})" in text
        distinct = distinct.replace(
            f"(COUNT(*) AS {count})", f"(COUNT(DISTINCT ?mention) AS {count})"
        )
    rows = oxigraph.query(text).rows
    assert len(rows) > 10
    assert rows == oxigraph.query(distinct).rows


def test_graph_summary(oxigraph: OxigraphEngine) -> None:
    rows = {r["class"]: int(r["instances"]) for r in run(oxigraph, "graph-summary")}
    manifest = tomllib.loads((CORPUS / "manifest.toml").read_text(encoding="utf-8"))
    assert rows["brikg:Document"] == len(manifest["document"])
    assert rows["brikg:EventKind"] == len(EVENT_KINDS)
    assert rows["brikg:Sentence"] > 0 and rows["brikg:Project"] > 0


def test_documents(oxigraph: OxigraphEngine) -> None:
    rows = run(oxigraph, "documents")
    scio = [r for r in rows if r["document"] == "id:document/scio-2023-white-paper"]
    assert scio and scio[0]["title"] == (
        "Jointly Building the Belt and Road: A Major Practice in Building a Community with a "
        "Shared Future for Mankind"
    )
    assert scio[0]["issued"] == "2023-10"
    titles = {r["title"] for r in rows}
    assert "八项行动奠定共建“一带一路”新十年良好开局" in titles


def test_facts_per_document(oxigraph: OxigraphEngine) -> None:
    rows = {r["document"]: r for r in run(oxigraph, "facts-per-document")}
    assert set(rows) == {
        f"id:document/{d['id']}"
        for d in tomllib.loads((CORPUS / "manifest.toml").read_text(encoding="utf-8"))["document"]
    }
    assert int(rows["id:document/scio-2023-white-paper"]["relations"]) > 0
    assert int(rows["id:document/iccw-2025-wang-dan"]["quantities"]) > 0


def test_facts_per_document_counts_as_through_the_sentence(oxigraph: OxigraphEngine) -> None:
    """Counted from each node's prov:hadPrimarySource, the rows must be those counted through
    the sentence it was read from (prov:wasDerivedFrom/oa:hasSource), in the same order."""
    text = QUERIES["facts-per-document"].text
    through_sentence = text
    for node in ("fact", "event", "quantity"):
        direct = "prov:hadPrimarySource ?document . }"
        assert f"?{node} a brikg:" in text
        through_sentence = re.sub(
            rf"(\?{node} a brikg:\w+ ; )" + re.escape(direct),
            r"\1prov:wasDerivedFrom ?sentence . ?sentence oa:hasSource ?document . }",
            through_sentence,
        )
    query_lines = [line for line in through_sentence.splitlines() if not line.startswith("#")]
    assert "hadPrimarySource" not in "\n".join(query_lines)
    rows = oxigraph.query(text).rows
    assert len(rows) == 5
    assert rows == oxigraph.query(through_sentence).rows


def test_relations_of_entity(oxigraph: OxigraphEngine) -> None:
    rows = run(oxigraph, "relations-of-entity")
    located = {r["other_label"] for r in rows if r["relation"] == "brikg:locatedIn"}
    assert {"Laos", "China"} <= located


def test_most_mentioned(oxigraph: OxigraphEngine) -> None:
    rows = run(oxigraph, "most-mentioned")
    railway = next(r for r in rows if r["entity"] == "id:project/china-europe-railway-express")
    assert int(railway["documents"]) >= 4  # named in every document of the corpus
    ranked = [int(r["documents"]) for r in rows]
    assert ranked == sorted(ranked, reverse=True)


def test_proposals(oxigraph: OxigraphEngine) -> None:
    rows = run(oxigraph, "proposals")
    assert rows
    assert all(r["proposer"] or r["date"] for r in rows)


# --------------------------------------------------------------------------------------------
# Only what the corpus names, under a label it can show

UNMENTIONED = """
PREFIX brikg: <https://w3id.org/brikg/ontology#>
SELECT DISTINCT ?entity WHERE {
  VALUES ?class { brikg:Initiative brikg:Corridor brikg:Mechanism brikg:Project brikg:Country
                  brikg:Organization brikg:Person brikg:Strategy brikg:Place }
  ?entity a ?class .
  FILTER NOT EXISTS { ?document brikg:mentions ?entity }
}
"""


def test_lexicon_only_entities_are_left_out(oxigraph: OxigraphEngine) -> None:
    """A lexicon entry that no document names is neither listed nor counted.

    The Padma Bridge is a project of ontology/lexicon.ttl, located in Bangladesh there, that the
    corpus never mentions; the queries used to list it among Bangladesh's projects.
    """
    unmentioned = {shorten(row[0]) for row in oxigraph.query(UNMENTIONED, {}).rows}
    assert "id:project/padma-bridge" in unmentioned
    bangladesh = run(oxigraph, "projects-by-country", country="BD")
    assert "id:project/padma-bridge" not in {r["project"] for r in bangladesh}
    counted = next(r for r in run(oxigraph, "countries-by-projects") if r["iso"] == "BD")
    assert int(counted["projects"]) == len(bangladesh)
    summary = {r["class"]: int(r["instances"]) for r in run(oxigraph, "graph-summary")}
    assert summary["brikg:Project"] == len(run(oxigraph, "most-mentioned"))
    # With its default parameters, no bundled query shows an entity that no document mentions,
    # but chinese-name, a look-up of any name, and projects-in-corridor's ?via, a step of a partOf
    # chain. (A mentioned entity's curated relations to unmentioned ones are kept: on the bundled
    # graph, only the New Eurasian Land Bridge's Poland, counted by corridors.)
    for name in sorted(set(QUERIES) - {"chinese-name"}):
        for row in run(oxigraph, name):
            shown = {
                v for k, v in row.items() if not (name == "projects-in-corridor" and k == "via")
            }
            assert not shown & unmentioned, f"{name}: {shown & unmentioned}"


def test_an_entity_named_only_in_chinese_has_its_chinese_label(oxigraph: OxigraphEngine) -> None:
    # "赫拉克莱乌斯滚装码头扩建工程 ... 2024年2月6日 ... 竣工" (Xinhua Institute): no English name
    harbour = "id:project/赫拉克莱乌斯滚装码头扩建工程"
    status = next(r for r in run(oxigraph, "project-status") if r["project"] == harbour)
    assert status["label"] == "赫拉克莱乌斯滚装码头扩建工程"
    for name, column in [
        ("project-status", "label"),
        ("most-mentioned", "label"),
        ("countries-by-projects", "label"),
        ("cross-border-projects", "label"),
        ("projects-by-region", "country_label"),
        ("corridors", "label"),
    ]:
        assert all(r[column] for r in run(oxigraph, name)), f"{name}: a blank {column}"
    members = [r for r in run(oxigraph, "mechanisms") if r["member"]]
    assert all(r["member_label"] for r in members)


TINY = """
@prefix brikg: <https://w3id.org/brikg/ontology#> .
@prefix project: <https://w3id.org/brikg/id/project/> .
@prefix country: <https://w3id.org/brikg/id/country/> .
@prefix document: <https://w3id.org/brikg/id/document/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<https://w3id.org/brikg/id/graph/lexicon> {
  project:known-railway a brikg:Project ;
      skos:prefLabel "Known Railway"@en, "已知铁路"@zh ;
      brikg:locatedIn country:la, country:th .
  project:unnamed-port a brikg:Project ;
      skos:prefLabel "Unnamed Port"@en ;
      brikg:locatedIn country:la, country:kh .
  country:la a brikg:Country ; brikg:isoCode "LA" ; skos:prefLabel "Laos"@en .
  country:th a brikg:Country ; brikg:isoCode "TH" ; skos:prefLabel "泰国"@zh .
  country:kh a brikg:Country ; brikg:isoCode "KH" ; skos:prefLabel "Cambodia"@en .
}

document:doc {
  document:doc a brikg:Document ;
      brikg:mentions project:known-railway, project:新港, country:la, country:th .
  project:新港 a brikg:Project ;
      skos:prefLabel "新港"@zh ;
      brikg:locatedIn country:la, country:th .
  <https://w3id.org/brikg/id/event/opening> a brikg:Event ;
      brikg:eventOf project:新港 ;
      brikg:eventKind brikg:opening ;
      brikg:date "2024-01"^^xsd:gYearMonth ;
      brikg:sortDate "2024-01-01"^^xsd:date ;
      prov:wasDerivedFrom <https://w3id.org/brikg/id/document/doc/sentence/1> .
  <https://w3id.org/brikg/id/document/doc/sentence/1> oa:hasSource document:doc .
}
"""


def test_lexicon_entries_and_chinese_labels_on_a_tiny_graph(tmp_path: Path) -> None:
    """A project and a country of the lexicon alone are left out; a mentioned lexicon project keeps
    its curated locations; a name found only in Chinese is the label. Both engines agree."""
    data = tmp_path / "tiny.trig"
    data.write_text(TINY, encoding="utf-8")
    fast, reference = OxigraphEngine.from_file(data), RdflibEngine(load_quads(data))
    for name in [
        "countries-by-projects",
        "cross-border-projects",
        "project-status",
        "projects-by-country",
        "projects-by-region",
        "graph-summary",
    ]:
        query = QUERIES[name]
        bindings = query.bindings({"continent": "AS"} if name == "projects-by-region" else None)
        assert comparable_rows(fast.query(query.text, bindings)) == comparable_rows(
            reference.query(query.text, bindings)
        ), name

    countries = {r["iso"]: r for r in run(fast, "countries-by-projects")}
    assert set(countries) == {"LA", "TH"}  # not KH: only the unnamed port is there
    assert countries["LA"]["projects"] == "2" and countries["TH"]["label"] == "泰国"
    laos = {r["project"]: r for r in run(fast, "projects-by-country", country="LA")}
    assert set(laos) == {"id:project/known-railway", "id:project/新港"}
    assert laos["id:project/known-railway"]["evidence"] == "0"  # the lexicon's locatedIn, kept
    crossing = {r["project"]: r["label"] for r in run(fast, "cross-border-projects")}
    assert crossing == {"id:project/known-railway": "Known Railway", "id:project/新港": "新港"}
    assert [(r["project"], r["label"]) for r in run(fast, "project-status")] == [
        ("id:project/新港", "新港")
    ]
    asia = run(fast, "projects-by-region", continent="AS")
    assert {r["project"] for r in asia} == {"id:project/known-railway", "id:project/新港"}
    summary = {r["class"]: r["instances"] for r in run(fast, "graph-summary")}
    assert summary["brikg:Project"] == "2" and summary["brikg:Country"] == "2"


# --------------------------------------------------------------------------------------------
# Parameters


def test_parameters_are_typed_terms(oxigraph: OxigraphEngine) -> None:
    timeline = QUERIES["timeline"].bindings({"from": "2022-01-01"}, oxigraph)
    assert timeline["from"] == Literal(
        "2022-01-01", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#date")
    )
    status = QUERIES["projects-by-status"].bindings({"status": "brikg:opening"})
    assert status["status"] == NamedNode("https://w3id.org/brikg/ontology#opening")
    name = QUERIES["chinese-name"].bindings({})
    assert name["name"] == Literal("中老铁路", language="zh")


def test_a_value_cannot_change_the_query(oxigraph: OxigraphEngine) -> None:
    """A parameter is a term, so SPARQL in it is just text to compare."""
    hostile = 'city" } UNION { ?quantity ?p ?o } #'
    assert run(oxigraph, "conflicting-quantities", unit=hostile) == []
    with pytest.raises(UsageError, match="expected a country"):  # looked up, never pasted
        run(oxigraph, "projects-by-country", country='LA" } UNION { ?project ?p ?o } #')


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"from": "2022-13-40"}, "expected a date YYYY-MM-DD"),
        ({"when": "2022-01-01"}, "has no parameter ?when"),
    ],
)
def test_bad_parameters(values: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        QUERIES["timeline"].bindings(values)


def test_unknown_query_lists_the_known_ones() -> None:
    with pytest.raises(UsageError) as error:
        resolve("projects-by-planet")
    assert "projects-by-country" in str(error.value) and "timeline" in str(error.value)


def test_the_readme_python_query_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's example of a query from Python, run as written against the committed graph."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.DOTALL)
    example = next(block for block in blocks if "open_engine(" in block)
    monkeypatch.chdir(ROOT)
    exec(compile(example, "README.md", "exec"), {})  # noqa: S102 - our own documentation
    assert capsys.readouterr().out.strip() == "Peljesac Bridge 2"


# --------------------------------------------------------------------------------------------
# Small graphs of invented documents, each made for one question


@pytest.fixture(scope="module")
def invented_quads(tmp_path_factory: pytest.TempPathFactory) -> list:
    """A graph built from invented documents: corridors with stated countries, proposals,
    a cancelled project, a report titled with its bank's name, and plans (one kept late)."""
    graph = build_graph(
        tmp_path_factory.mktemp("invented"),
        {
            "corridors.txt": "The Kestrel Valley Corridor was launched by Myanmar and Thailand in "
            "2020. The Orlan Dry Port, part of the Kestrel Valley Corridor, is located in Laos.",
            "proposals.txt": "The Tarsk Trade Corridor was proposed by Angola in 2021. The Orlan "
            "Cooperation Initiative was proposed in 2019. Laos and Cambodia proposed the Orlan "
            "Cooperation Initiative at a summit.",
            # The first line is the document's inferred title, and the bank's name.
            "report.txt": "Orlan Development Bank\n\nThe Orlan Development Bank is a multilateral "
            "lender. The Tarsk Solar Park in Zambia was cancelled in March 2023.",
            **PLANS,
        },
    )
    return load_quads(graph / "brikg.trig")


@pytest.fixture(scope="module")
def invented(invented_quads: list) -> OxigraphEngine:
    return OxigraphEngine(invented_quads)


def test_corridors_count_the_countries_they_involve_and_their_projects_are_in(
    invented: OxigraphEngine,
) -> None:
    """A corridor's countries come from what the text says (involves, proposedBy) and from its
    projects' locations, not only from a locatedIn that text never gives a corridor."""
    rows = {r["label"]: r for r in run(invented, "corridors")}
    kestrel = rows["Kestrel Valley Corridor"]  # Myanmar, Thailand; its dry port in Laos
    assert (kestrel["projects"], kestrel["countries"]) == ("1", "3")
    assert rows["Tarsk Trade Corridor"]["countries"] == "1"  # proposed by Angola


def test_proposals_join_proposer_and_date_of_one_sentence(invented: OxigraphEngine) -> None:
    rows = [(r["label"], r["proposer_label"], r["date"]) for r in run(invented, "proposals")]
    assert ("Tarsk Trade Corridor", "Angola", "2021") in rows  # one sentence, one row
    assert not [r for r in rows if r[0] == "Tarsk Trade Corridor" and not (r[1] and r[2])]
    # Proposers and date in different sentences stay apart: neither is the other's.
    orlan = sorted(r[1:] for r in rows if r[0] == "Orlan Cooperation Initiative")
    assert orlan == [("", "2019"), ("Cambodia", ""), ("Laos", "")]


@pytest.mark.parametrize(
    ("name", "values", "bound"),
    [
        ("projects-by-country", {"country": "zm"}, '"ZM"'),
        ("projects-by-country", {"country": "Zambia"}, '"ZM"'),
        ("projects-by-country", {"country": "赞比亚"}, '"ZM"'),
        ("projects-by-country", {"country": "id:country/zm"}, '"ZM"'),
        ("projects-by-region", {"continent": "Africa"}, '"AF"'),
        ("projects-by-region", {"continent": "af"}, '"AF"'),
        (
            "projects-by-status",
            {"status": "cancellation"},
            "<https://w3id.org/brikg/ontology#cancellation>",
        ),
        (
            "projects-by-status",
            {"status": "Start of Operation"},
            "<https://w3id.org/brikg/ontology#startOfOperation>",
        ),
        (
            "projects-in-corridor",
            {"corridor": "tarsk trade corridor"},
            "<https://w3id.org/brikg/id/corridor/tarsk-trade-corridor>",
        ),
        (
            "most-mentioned",
            {"class": "organization"},
            "<https://w3id.org/brikg/ontology#Organization>",
        ),
        # The report's inferred title is the bank's name too; the entity is meant.
        (
            "quantities-of-entity",
            {"entity": "orlan development bank"},
            "<https://w3id.org/brikg/id/organization/orlan-development-bank>",
        ),
    ],
)
def test_parameters_take_what_a_reader_would_type(
    invented: OxigraphEngine, name: str, values: dict[str, str], bound: str
) -> None:
    """A country by its code in any case or its name, a continent by name, an event kind, a
    class or a corridor by its label: each is bound as the term the query compares with."""
    (term,) = QUERIES[name].bindings(values, invented).values()
    assert str(term) == bound


def test_parameters_that_name_nothing_are_errors(invented: OxigraphEngine) -> None:
    """A value that names nothing in the graph is an error that shows the parameter's own kind
    of value, not an empty result; the rows of a right value are found."""
    assert [r["label"] for r in run(invented, "projects-by-status", status="cancellation")] == [
        "Tarsk Solar Park"
    ]
    assert [r["label"] for r in run(invented, "projects-by-country", country="zambia")] == [
        "Tarsk Solar Park"
    ]
    for name, values, example in [
        ("projects-by-country", {"country": "Atlantis"}, "ISO 3166-1 alpha-2 code"),
        ("projects-by-country", {"country": "ZZ"}, "ISO 3166-1 alpha-2 code"),
        ("projects-by-region", {"continent": "Atlantis"}, "GeoNames code"),
        ("projects-by-status", {"status": "id:cancellation"}, "an event kind"),
        ("projects-by-status", {"status": "brikg:Project"}, "an event kind"),
        ("projects-in-corridor", {"corridor": "Zambia"}, "id:corridor/"),
        ("projects-in-corridor", {"corridor": "id:corridor/no-such-corridor"}, "id:corridor/"),
        ("most-mentioned", {"class": "Zambia"}, "an entity class"),
    ]:
        with pytest.raises(UsageError, match=re.escape(example)) as error:
            QUERIES[name].bindings(values, invented)
        assert "id:country/la" not in str(error.value), error.value
    with pytest.raises(UsageError, match="no entity id:project/no-such-port in the graph"):
        QUERIES["evidence"].bindings({"entity": "id:project/no-such-port"}, invented)


def test_planned_events_beside_what_happened(invented: OxigraphEngine) -> None:
    """A plan keeps its target date, beside the date a document reports the event done; a
    hedge ("could be commissioned") plans nothing."""
    rows = {
        (r["label"], r["kind"], r["planned"], r["reported"])
        for r in run(invented, "planned-events")
    }
    assert rows == {
        ("Sorrel Bay Bridge", "brikg:opening", "2020", "2023"),
        ("Marovia Rail Link", "brikg:completion", "2027", ""),  # not reported done
    }, rows


def test_a_plan_is_no_status_and_no_point_of_the_timeline(invented: OxigraphEngine) -> None:
    """The bridge's status is its opening in 2023, not the opening planned for 2020; the rail
    link, only planned, has none; the timeline of 2020 holds no opening."""
    status = {r["label"]: (r["status"], r["date"]) for r in run(invented, "project-status")}
    assert status["Sorrel Bay Bridge"] == ("brikg:opening", "2023")
    assert "Marovia Rail Link" not in status
    in_2020 = run(invented, "timeline", **{"from": "2020-01-01", "to": "2020-12-31"})
    assert not [r for r in in_2020 if r["label"] == "Sorrel Bay Bridge"], in_2020
    evidence = {r["statement"] for r in run(invented, "evidence", entity="Sorrel Bay Bridge")}
    assert {"event", "planned event"} <= evidence
