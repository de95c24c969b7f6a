"""Exports for other tools: RDF syntaxes, a GraphML entity graph, a CSV of relations.

RDF formats that hold datasets (TriG, N-Quads, JSON-LD) keep every named graph; the triple
formats (Turtle, N-Triples, RDF/XML) hold the RDF merge of all graphs, as ``brikg.ttl`` does.
GraphML and CSV are views for graph tools and spreadsheets: entities and the relations asserted
between them, with labels and the evidence behind each relation.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from pyoxigraph import NamedNode, Quad, RdfFormat, serialize

from brikg.errors import UsageError
from brikg.store import OxigraphEngine, shorten
from brikg.vocab import LEXICON_GRAPH, PREFIXES

RDF_EXPORTS: dict[str, tuple[RdfFormat, bool]] = {
    "ttl": (RdfFormat.TURTLE, False),
    "nt": (RdfFormat.N_TRIPLES, False),
    "xml": (RdfFormat.RDF_XML, False),
    "nq": (RdfFormat.N_QUADS, True),
    "trig": (RdfFormat.TRIG, True),
    "jsonld": (RdfFormat.JSON_LD, True),
}
RELATIONS = ("locatedIn", "partOf", "involves", "alignedWith", "ownedBy", "proposedBy")
ENTITY_CLASSES = (
    "Initiative", "Corridor", "Mechanism", "Project", "Country", "Organization", "Person",
    "Strategy", "Place",
)  # fmt: skip

_PREFIXES = "\n".join(f"PREFIX {name}: <{ns}>" for name, ns in PREFIXES.items())

# One row per asserted relation between two entities, with the sentences behind it (if any).
_RELATIONS_QUERY = (
    _PREFIXES
    + """
SELECT DISTINCT ?subject ?relation ?object ?fact ?sentence ?index ?document ?quote
WHERE {
  VALUES ?relation { @RELATIONS@ }
  ?subject ?relation ?object .
  OPTIONAL {
    ?fact rdf:subject ?subject ; rdf:predicate ?relation ; rdf:object ?object ;
          prov:wasDerivedFrom ?sentence .
    ?sentence oa:hasSource ?document ; brikg:sentenceIndex ?index ; oa:hasSelector ?selector .
    ?selector oa:exact ?quote .
  }
}
""".replace("@RELATIONS@", " ".join(f"brikg:{name}" for name in RELATIONS))
)
_ENTITIES_QUERY = (
    _PREFIXES
    + """
SELECT DISTINCT ?entity ?class ?label ?language
WHERE {
  VALUES ?class { @CLASSES@ }
  ?entity a ?class .
  OPTIONAL { ?entity skos:prefLabel ?label . BIND(LANG(?label) AS ?language) }
}
""".replace("@CLASSES@", " ".join(f"brikg:{name}" for name in ENTITY_CLASSES))
)
_CURATED_QUERY = (
    _PREFIXES
    + """
SELECT ?subject ?relation ?object
WHERE { GRAPH <@LEXICON@> { VALUES ?relation { @RELATIONS@ } ?subject ?relation ?object } }
""".replace("@LEXICON@", str(LEXICON_GRAPH)).replace(
        "@RELATIONS@", " ".join(f"brikg:{name}" for name in RELATIONS)
    )
)


@dataclass
class Relation:
    """An asserted relation and the evidence for it."""

    subject: str
    relation: str
    object: str
    curated: bool = False
    evidence: list[tuple[str, int, str]] = field(default_factory=list)  # document, index, quote


@dataclass
class EntityInfo:
    iri: str
    classes: set[str] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.labels.get("en") or self.labels.get("zh") or shorten(NamedNode(self.iri))


def export_bytes(quads: list[Quad], fmt: str) -> bytes:
    """The data in one export format."""
    if fmt in RDF_EXPORTS:
        return rdf_bytes(quads, fmt)
    if fmt == "graphml":
        return graphml_bytes(quads)
    if fmt == "csv":
        return csv_bytes(quads)
    raise UsageError(f"unknown export format {fmt!r}")


def rdf_bytes(quads: list[Quad], fmt: str) -> bytes:
    rdf_format, dataset = RDF_EXPORTS[fmt]
    prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
    use_prefixes = rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.RDF_XML)
    if dataset:
        data = serialize(quads, format=rdf_format, prefixes=prefixes if use_prefixes else None)
    else:
        triples = list(dict.fromkeys(quad.triple for quad in quads))
        data = serialize(triples, format=rdf_format, prefixes=prefixes if use_prefixes else None)
    return data or b""


def entity_graph(quads: list[Quad]) -> tuple[dict[str, EntityInfo], list[Relation]]:
    """Entities (typed, labelled) and the relations asserted among them, with their evidence."""
    engine = OxigraphEngine(quads)
    entities: dict[str, EntityInfo] = {}
    for entity, klass, label, language in engine.query(_ENTITIES_QUERY).rows:
        info = entities.setdefault(entity.value, EntityInfo(entity.value))  # type: ignore[union-attr]
        info.classes.add(klass.value.rsplit("#", 1)[-1])  # type: ignore[union-attr]
        if label is not None and language is not None and language.value:
            info.labels.setdefault(language.value, label.value)
    curated = {
        tuple(term.value for term in row)  # type: ignore[union-attr]
        for row in engine.query(_CURATED_QUERY).rows
    }
    relations: dict[tuple[str, str, str], Relation] = {}
    for subject, relation, obj, _fact, _sentence, index, document, quote in engine.query(
        _RELATIONS_QUERY
    ).rows:
        key = (subject.value, relation.value, obj.value)  # type: ignore[union-attr]
        item = relations.setdefault(key, Relation(*key, curated=key in curated))
        if document is not None and quote is not None and index is not None:
            doc_id = document.value.rsplit("/", 1)[-1]
            item.evidence.append((doc_id, int(index.value), quote.value))
    for item in relations.values():
        item.evidence = sorted(set(item.evidence))
    ordered = sorted(relations.values(), key=lambda r: (r.subject, r.relation, r.object))
    return entities, ordered


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


def graphml_bytes(quads: list[Quad]) -> bytes:
    """Entities as nodes (label, Chinese label, class) and relations as edges, for Gephi etc."""
    import networkx as nx

    entities, relations = entity_graph(quads)
    graph = nx.MultiDiGraph(name="brikg entity graph")
    used = {r.subject for r in relations} | {r.object for r in relations}
    for iri in sorted(used | set(entities)):
        info = entities.get(iri, EntityInfo(iri))
        graph.add_node(
            iri,
            label=info.label,
            label_zh=info.labels.get("zh", ""),
            type=" ".join(sorted(info.classes)),
        )
    for item in relations:
        graph.add_edge(
            item.subject,
            item.object,
            key=_local(item.relation),
            relation=_local(item.relation),
            evidence=len(item.evidence),
            documents=" ".join(sorted({doc for doc, _index, _quote in item.evidence})),
            curated=item.curated,
        )
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8")
    return buffer.getvalue()


CSV_COLUMNS = (
    "subject", "subject_label", "relation", "object", "object_label", "evidence", "documents",
    "curated", "quote",
)  # fmt: skip


def csv_bytes(quads: list[Quad]) -> bytes:
    """One row per asserted relation: labels, how many sentences support it, the first quote."""
    entities, relations = entity_graph(quads)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in relations:
        subject = entities.get(item.subject, EntityInfo(item.subject))
        obj = entities.get(item.object, EntityInfo(item.object))
        writer.writerow(
            [
                item.subject,
                subject.label,
                _local(item.relation),
                item.object,
                obj.label,
                len(item.evidence),
                " ".join(sorted({doc for doc, _index, _quote in item.evidence})),
                "true" if item.curated else "false",
                item.evidence[0][2] if item.evidence else "",
            ]
        )
    return buffer.getvalue().encode("utf-8")
