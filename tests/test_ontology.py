"""The OWL ontology (ontology/brikg.ttl): documented, in step with the pipeline, and sound.

Checks, in order: every brikg term is labelled in English and Chinese and commented; the
terms the pipeline emits (``brikg.ir.EntityType``, ``brikg.vocab.EVENT_KINDS``) exist; the
file is OWL 2 DL in form (every entity declared, no punning, no owl:imports, no reserved
vocabulary as a class); owlready2 loads it and HermiT finds it consistent; and HermiT really
reasons with it: a small realistic graph is consistent and yields the expected inferences,
while graphs that break a disjointness, range, key, facet or functionality are inconsistent.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import owlready2
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from brikg.ir import EntityType
from brikg.vocab import BRIKG, EVENT_KINDS, ONTOLOGY_IRI

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "brikg.ttl"
VERSION = "1.0.0"

DCTERMS = "http://purl.org/dc/terms/"
VANN = "http://purl.org/vocab/vann/"
PROV = "http://www.w3.org/ns/prov#"

ENTITY_KINDS = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
)
CLASSES_AND_PROPERTIES = ENTITY_KINDS[:4]
RESERVED = (str(RDF), str(RDFS), str(OWL), "http://www.w3.org/2001/XMLSchema#")

# A small graph in the shape the pipeline writes: a project in two countries, part of a
# corridor that is part of the BRI, an opening event, a quantity, a fact, a sentence with its
# selectors, a mention. Dates use xsd:date/gYearMonth/gYear, which are outside the OWL 2
# datatype map, so HermiT has to be told to ignore them.
ABOX = """
@base <https://w3id.org/brikg/id/> .
@prefix brikg:   <https://w3id.org/brikg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix oa:      <http://www.w3.org/ns/oa#> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix time:    <http://www.w3.org/2006/time#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .

<project/china-laos-railway> a brikg:Project ;
    brikg:locatedIn <country/cn> , <country/la> ;
    brikg:partOf <corridor/china-indochina-peninsula-economic-corridor> ;
    brikg:involves <organization/china-railway-group> .
<corridor/china-indochina-peninsula-economic-corridor> a brikg:Corridor ;
    brikg:partOf <initiative/belt-and-road-initiative> .
<initiative/belt-and-road-initiative> a brikg:Initiative ;
    brikg:proposedBy <person/xi-jinping> ;
    brikg:alignedWith <strategy/bright-road> .
<strategy/bright-road> a brikg:Strategy ; brikg:ownedBy <country/kz> .
<country/cn> a brikg:Country ; brikg:isoCode "CN" .
<country/la> brikg:isoCode "LA" .
<country/kz> a brikg:Country ; brikg:isoCode "KZ" .
<person/xi-jinping> a brikg:Person .

<document/d1> a brikg:Document ;
    dcterms:title "The Belt and Road Initiative: A Key Pillar of the Global Community"@en ;
    dcterms:issued "2023-10-10"^^xsd:date ;
    dcterms:language "en" ;
    brikg:fileName "d1.txt" ;
    brikg:sha256 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" ;
    brikg:mentions <project/china-laos-railway> .
<document/d1/sentence/7> a brikg:Sentence ;
    oa:hasSource <document/d1> ;
    oa:hasSelector <document/d1/sentence/7/quote> , <document/d1/sentence/7/position> ;
    brikg:sentenceIndex 7 ;
    brikg:section "II. Connectivity" .
<document/d1/sentence/7/quote> a oa:TextQuoteSelector ;
    oa:exact "The 1,035-km China-Laos Railway opened in December 2021." .
<document/d1/sentence/7/position> a oa:TextPositionSelector ; oa:start 1200 ; oa:end 1256 .
<document/d1/mention/1213-1231> a brikg:Mention ;
    oa:hasSource <document/d1> ;
    brikg:inSentence <document/d1/sentence/7> ;
    brikg:denotes <project/china-laos-railway> ;
    brikg:rule "lexicon" .

<event/e1> a brikg:Event ;
    brikg:eventOf <project/china-laos-railway> ;
    brikg:eventKind brikg:opening ;
    brikg:date "2021-12"^^xsd:gYearMonth ;
    brikg:sortDate "2021-12-01"^^xsd:date ;
    brikg:datePrecision time:unitMonth ;
    brikg:dateInferred false ;
    prov:wasDerivedFrom <document/d1/sentence/7> .
<quantity/q1> a brikg:Quantity ;
    brikg:quantityOf <project/china-laos-railway> ;
    brikg:value 1035.0 ;
    brikg:unit "km" ;
    brikg:measure "length" ;
    brikg:asOf "2021"^^xsd:gYear ;
    brikg:approximate false ;
    prov:wasDerivedFrom <document/d1/sentence/7> .
<fact/f1> a brikg:Fact ;
    rdf:subject <project/china-laos-railway> ;
    rdf:predicate brikg:locatedIn ;
    rdf:object <country/la> ;
    prov:wasDerivedFrom <document/d1/sentence/7> ;
    brikg:rule "pattern:located-in" ;
    brikg:confidence 0.9 .
"""

PREFIXES = """
@prefix brikg: <https://w3id.org/brikg/ontology#> .
@base <https://w3id.org/brikg/id/> .
"""

# Each graph contradicts the ontology in one way.
INCONSISTENT = {
    "country and project are disjoint": "<x> a brikg:Country , brikg:Project .",
    "locatedIn ranges over countries, not persons": (
        "<project/p> brikg:locatedIn <person/q> . <person/q> a brikg:Person ."
    ),
    "isoCode is two capital letters": '<country/kz> brikg:isoCode "kz" .',
    "confidence lies in [0, 1]": "<fact/f> brikg:confidence 1.5 .",
    "isoCode is a key of Country": (
        '<country/a> a brikg:Country ; brikg:isoCode "KZ" .'
        ' <country/b> a brikg:Country ; brikg:isoCode "KZ" .'
        " <country/a> <http://www.w3.org/2002/07/owl#differentFrom> <country/b> ."
    ),
    "an event has one kind": "<event/e> brikg:eventKind brikg:opening , brikg:signing .",
    "alignedWith links initiatives and strategies, not countries": (
        "<initiative/i> a brikg:Initiative ; brikg:alignedWith <x> . <x> a brikg:Country ."
    ),
}


@pytest.fixture(scope="module")
def graph() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY, format="turtle")
    return g


def brikg_terms(graph: Graph, kinds=CLASSES_AND_PROPERTIES) -> set[URIRef]:
    return {
        term
        for kind in kinds
        for term in graph.subjects(RDF.type, kind)
        if isinstance(term, URIRef) and term.startswith(str(BRIKG))
    }


def languages(graph: Graph, subject: URIRef, predicate: URIRef) -> set[str | None]:
    return {o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal)}


# --- documentation ---------------------------------------------------------------------------


def test_header(graph: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in graph
    assert (ONTOLOGY_IRI, OWL.versionIRI, URIRef(f"{ONTOLOGY_IRI}/{VERSION}")) in graph
    assert (ONTOLOGY_IRI, OWL.versionInfo, Literal(VERSION)) in graph
    for name in ("title", "description"):
        assert {"en", "zh"} <= languages(graph, ONTOLOGY_IRI, URIRef(DCTERMS + name)), name
    for name in ("license", "created", "creator"):
        assert graph.value(ONTOLOGY_IRI, URIRef(DCTERMS + name)) is not None, name
    prefix = graph.value(ONTOLOGY_IRI, URIRef(VANN + "preferredNamespacePrefix"))
    assert prefix == Literal("brikg")
    namespace = graph.value(ONTOLOGY_IRI, URIRef(VANN + "preferredNamespaceUri"))
    assert namespace == Literal(str(BRIKG))


def test_every_class_and_property_is_labelled_in_english_and_chinese(graph: Graph) -> None:
    terms = brikg_terms(graph)
    assert len(terms) >= 40, "the ontology declares far fewer terms than expected"
    missing = []
    for term in sorted(terms):
        labels = languages(graph, term, RDFS.label)
        comments = languages(graph, term, RDFS.comment)
        if not {"en", "zh"} <= labels:
            missing.append(f"{term}: rdfs:label in {sorted(map(str, labels))}, needs en and zh")
        if "en" not in comments:
            missing.append(f"{term}: no rdfs:comment@en")
        if (term, RDFS.isDefinedBy, ONTOLOGY_IRI) not in graph:
            missing.append(f"{term}: no rdfs:isDefinedBy the ontology")
    assert not missing, "\n".join(missing)


def test_every_class_has_a_definition(graph: Graph) -> None:
    classes = brikg_terms(graph, (OWL.Class,))
    undefined = [c for c in classes if "en" not in languages(graph, c, SKOS.definition)]
    assert not undefined


# --- in step with the pipeline -----------------------------------------------------------------


@pytest.mark.parametrize("entity_type", list(EntityType), ids=str)
def test_entity_types_are_entity_classes(graph: Graph, entity_type: EntityType) -> None:
    cls = BRIKG[entity_type.value]
    assert (cls, RDF.type, OWL.Class) in graph
    assert (cls, RDFS.subClassOf, BRIKG.Entity) in graph


def test_event_kinds_match_the_pipeline(graph: Graph) -> None:
    declared = {k for k in graph.subjects(RDF.type, BRIKG.EventKind) if isinstance(k, URIRef)}
    assert declared == {BRIKG[name] for name in EVENT_KINDS}
    for name in EVENT_KINDS:
        kind = BRIKG[name]
        assert (kind, RDF.type, SKOS.Concept) in graph, name
        assert (kind, RDF.type, OWL.NamedIndividual) in graph, name
        assert (kind, SKOS.inScheme, BRIKG.EventKinds) in graph, name
        assert (BRIKG.EventKinds, SKOS.hasTopConcept, kind) in graph, name
        assert {"en", "zh"} <= languages(graph, kind, SKOS.prefLabel), name
        assert {"en", "zh"} <= languages(graph, kind, RDFS.label), name
        assert "en" in languages(graph, kind, SKOS.definition), name


@pytest.mark.parametrize(
    "prop",
    [
        "locatedIn", "involves", "partOf", "alignedWith", "ownedBy", "proposedBy", "mentions",
        "denotes", "inSentence", "eventOf", "eventKind", "quantityOf", "datePrecision",
    ],
)  # fmt: skip
def test_object_properties(graph: Graph, prop: str) -> None:
    assert (BRIKG[prop], RDF.type, OWL.ObjectProperty) in graph


@pytest.mark.parametrize(
    "prop",
    [
        "date", "sortDate", "endDate", "dateQualifier", "dateInferred", "value", "unit",
        "measure", "asOf", "approximate", "rule", "confidence", "isoCode", "fileName",
        "sha256", "sentenceIndex", "section",
    ],
)  # fmt: skip
def test_datatype_properties(graph: Graph, prop: str) -> None:
    assert (BRIKG[prop], RDF.type, OWL.DatatypeProperty) in graph


# --- OWL 2 DL in form --------------------------------------------------------------------------


def test_every_term_has_exactly_one_entity_kind(graph: Graph) -> None:
    """No punning: an IRI is a class, or a property of one kind, or an individual."""
    kinds: dict[URIRef, set[URIRef]] = {}
    for kind in ENTITY_KINDS:
        for term in graph.subjects(RDF.type, kind):
            if isinstance(term, URIRef):
                kinds.setdefault(term, set()).add(kind)
    punned = {str(t): sorted(map(str, k)) for t, k in kinds.items() if len(k) > 1}
    assert not punned


def test_every_brikg_iri_used_is_declared(graph: Graph) -> None:
    """Catches typos: a brikg IRI that appears anywhere must be declared as some entity."""
    declared = set(graph.subjects(RDF.type, None))
    used = {
        node
        for triple in graph
        for node in triple
        if isinstance(node, URIRef) and node.startswith(str(BRIKG))
    }
    assert used - declared == set()


def test_axioms_use_only_declared_entities(graph: Graph) -> None:
    """Classes and properties in axioms are declared, and none is reserved vocabulary."""
    declared = {t for kind in ENTITY_KINDS for t in graph.subjects(RDF.type, kind)}
    declared.add(OWL.Thing)
    problems = []
    for predicate in (RDFS.subClassOf, RDFS.domain, RDFS.range, OWL.disjointWith):
        for s, o in graph.subject_objects(predicate):
            for node in (s, o):
                if isinstance(node, BNode) or node in declared:
                    continue
                if predicate == RDFS.range and str(node).startswith(RESERVED[3]):
                    continue  # xsd datatypes in ranges
                problems.append(f"{s} {predicate} {o}: {node} is not declared")
    for node in graph.objects(None, OWL.onProperty):
        if node not in declared:
            problems.append(f"owl:onProperty {node} is not declared")
    for term in declared:
        if str(term).startswith(RESERVED) and term != OWL.Thing:
            problems.append(f"reserved vocabulary declared as an entity: {term}")
    assert not problems, "\n".join(problems)


def test_offline(graph: Graph) -> None:
    assert not list(graph.objects(None, OWL.imports)), "owl:imports would need the network"


def test_owl2_dl_profile_with_owlapi(tmp_path: Path) -> None:
    """The OWL API's own OWL 2 DL profile checker (bundled in owlready2's HermiT.jar)."""
    java, javac = require_java(), shutil.which("javac")
    if javac is None:
        pytest.skip("javac (a JDK) is needed to compile the OWL API profile check")
    jar = Path(owlready2.__file__).parent / "hermit" / "HermiT.jar"
    (tmp_path / "DLCheck.java").write_text(DLCHECK_JAVA, encoding="utf-8")
    subprocess.run([javac, "-cp", str(jar), "DLCheck.java"], cwd=tmp_path, check=True)
    classpath = os.pathsep.join([str(jar), str(tmp_path)])
    result = subprocess.run(
        [java, "-cp", classpath, "DLCheck", str(ONTOLOGY)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


DLCHECK_JAVA = """
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.profiles.*;

public class DLCheck {
    public static void main(String[] args) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(new File(args[0]));
        OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
        for (OWLProfileViolation violation : report.getViolations()) {
            System.out.println(violation);
        }
        System.exit(report.isInProfile() ? 0 : 1);
    }
}
"""


# --- owlready2 and HermiT ----------------------------------------------------------------------


def require_java() -> str:
    java = shutil.which(owlready2.JAVA_EXE) or shutil.which("java")
    if java is None:
        pytest.fail(
            "HermiT needs Java, and no `java` is on PATH: run `make system-deps` "
            "(installs default-jre-headless) or install a JRE 11+."
        )
    owlready2.JAVA_EXE = java
    return java


def load(tmp_path: Path, abox: str | None = None) -> owlready2.World:
    """A fresh owlready2 world holding the ontology (and ``abox``), via N-Triples.

    owlready2 reads RDF/XML, OWL/XML and N-Triples but not Turtle, so rdflib converts.
    """
    g = Graph()
    g.parse(ONTOLOGY, format="turtle")
    if abox is not None:
        g.parse(data=abox, format="turtle")
    path = tmp_path / "brikg.nt"
    g.serialize(path, format="nt", encoding="utf-8")
    world = owlready2.World()
    world.get_ontology(path.as_uri()).load()
    return world


def reason(world: owlready2.World, **options) -> None:
    require_java()
    owlready2.sync_reasoner(world, debug=0, **options)


def test_owlready2_loads_it(tmp_path: Path) -> None:
    world = load(tmp_path)
    onto = world.get_ontology(str(ONTOLOGY_IRI))
    assert onto.loaded
    ns = world.get_namespace(str(BRIKG))
    for entity_type in EntityType:
        assert isinstance(ns[entity_type.value], owlready2.ThingClass), entity_type
    assert ns.Country in ns.Entity.descendants()
    assert {"Country", "Organization", "Person"} <= {
        c.name for c in world[PROV + "Agent"].descendants()
    }
    assert ns.opening in ns.EventKind.instances()


def test_hermit_finds_it_consistent(tmp_path: Path) -> None:
    world = load(tmp_path)
    reason(world)
    assert list(world.inconsistent_classes()) == []


def test_hermit_reasons_over_a_realistic_graph(tmp_path: Path) -> None:
    world = load(tmp_path, ABOX)
    reason(world, infer_property_values=True, ignore_unsupported_datatypes=True)
    assert list(world.inconsistent_classes()) == []
    ns = world.get_namespace(str(BRIKG))
    ids = world.get_namespace("https://w3id.org/brikg/id/")
    railway = ids["project/china-laos-railway"]
    # brikg:locatedIn ranges over countries, so Laos is a country without being typed one.
    assert ns.Country in ids["country/la"].is_a
    # brikg:partOf is transitive; brikg:alignedWith is symmetric.
    assert ids["initiative/belt-and-road-initiative"] in railway.partOf
    bri = ids["initiative/belt-and-road-initiative"]
    assert bri in ids["strategy/bright-road"].alignedWith


@pytest.mark.parametrize("abox", list(INCONSISTENT.values()), ids=list(INCONSISTENT))
def test_hermit_rejects_contradictions(tmp_path: Path, abox: str) -> None:
    world = load(tmp_path, PREFIXES + abox)
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        reason(world)
