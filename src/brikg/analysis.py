"""Network analyses of the built graph: the RDF read once into plain records, then NetworkX.

Reading and analysing are kept apart. :func:`load_graph` turns ``brikg.trig`` into a
:class:`GraphData` of entities, reified facts, events and mentions, each with the sentence it
came from. The graph builders (:func:`entity_graph`, :func:`country_project_graph`, ...) turn
that into NetworkX graphs, and the algorithms (:func:`centrality`, :func:`communities`, ...)
are plain functions over any graph, as in NetworkX itself, so they also work on graphs that a
test or a notebook makes by hand. Only relations that the documents state (``brikg:Fact`` nodes
with provenance) are used; the curated lexicon's own relations are not evidence from the
corpus. Every random choice is seeded, so the same graph always gives the same numbers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from pyoxigraph import Store

from brikg.errors import BrikgError
from brikg.store import load_store
from brikg.vocab import BRIKG, EVENT_KINDS, ID

SEED = 42
"""The seed of every randomised algorithm (Louvain, sampled betweenness, layouts)."""

ENTITY_TYPES: tuple[str, ...] = (
    "Initiative",
    "Corridor",
    "Mechanism",
    "Project",
    "Country",
    "Organization",
    "Person",
    "Strategy",
    "Place",
)
"""Entity classes, in the order that decides an entity's class when it has two (Place last)."""

RELATIONS: tuple[str, ...] = (
    "locatedIn",
    "partOf",
    "involves",
    "alignedWith",
    "ownedBy",
    "proposedBy",
)

RELATION_LABELS: dict[str, str] = {
    "locatedIn": "located in",
    "partOf": "part of",
    "involves": "involves",
    "alignedWith": "aligned with",
    "ownedBy": "owned by",
    "proposedBy": "proposed by",
}

_PREFIXES = f"""
PREFIX brikg: <{BRIKG}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
_DOCUMENT_GRAPHS = f"STRSTARTS(STR(?g), '{ID}graph/') && ?g != <{ID}graph/lexicon>"


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """An entity as the views and tables show it: class, both labels, ISO code, counts."""

    iri: str
    type: str
    en: str = ""
    zh: str = ""
    iso: str = ""
    mentions: int = 0
    documents: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The English label, else the Chinese one, else the IRI's last segment."""
        return self.en or self.zh or self.iri.rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence that evidence points to: its text and its document."""

    iri: str
    text: str
    document: str


@dataclass(frozen=True, slots=True)
class Relation:
    """One reified ``brikg:Fact``: a stated relation and the sentence it was read from."""

    subject: str
    predicate: str
    object: str
    sentence: str


@dataclass(frozen=True, slots=True)
class Event:
    """A dated ``brikg:Event`` of an entity, with its sentence(s)."""

    iri: str
    entity: str
    kind: str
    date: str
    sort_date: str
    sentences: tuple[str, ...]
    participants: tuple[str, ...] = ()

    @property
    def year(self) -> int:
        return int(self.sort_date[:4])


@dataclass
class GraphData:
    """What the analyses and views need from the RDF, read once."""

    entities: dict[str, EntityInfo] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    mentions: list[tuple[str, str]] = field(default_factory=list)  # (entity, sentence)
    sentences: dict[str, Sentence] = field(default_factory=dict)
    documents: dict[str, str] = field(default_factory=dict)  # document IRI -> title
    source: str = ""
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """Derived structures that several views share (see :func:`memo`); never mutate them."""

    def memo(self, key: str, build: Callable[[], Any]) -> Any:
        """``build()`` once per key: views reuse the same entity and co-mention graphs."""
        if key not in self.cache:
            self.cache[key] = build()
        return self.cache[key]

    def quote(self, sentence: str) -> str:
        found = self.sentences.get(sentence)
        return found.text if found else ""

    def document_title(self, sentence: str) -> str:
        found = self.sentences.get(sentence)
        return self.documents.get(found.document, "") if found else ""


def graph_file(path: Path) -> Path:
    """The TriG file of a graph folder (or the file itself); a clear error if there is none."""
    file = path / "brikg.trig" if path.is_dir() else path
    if not file.is_file():
        raise BrikgError(f"no graph at {file}: run `brikg build` first or pass --data")
    return file


def load_graph(path: Path) -> GraphData:
    """Read a built graph (a folder holding brikg.trig, or an RDF file) with the commands'
    one reader, so analyses see the same formats, errors and refusals as queries."""
    file = graph_file(path)
    data = read_store(load_store(file))
    data.source = str(file)
    return data


def _rows(store: Store, query: str) -> Iterable[Any]:
    return store.query(_PREFIXES + query, use_default_graph_as_union=True)  # type: ignore[return-value]


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


def read_store(store: Store) -> GraphData:
    """Everything :class:`GraphData` holds, from a pyoxigraph store of a built graph."""
    data = GraphData()
    types: dict[str, set[str]] = defaultdict(set)
    docs_of: dict[str, set[str]] = defaultdict(set)
    for row in _rows(
        store,
        f"SELECT DISTINCT ?e ?t ?d WHERE {{ GRAPH ?g {{ ?d brikg:mentions ?e . ?e a ?t }}"
        f" FILTER({_DOCUMENT_GRAPHS}) }}",
    ):
        kind = _local(row["t"].value)
        if kind in ENTITY_TYPES:
            types[row["e"].value].add(kind)
            docs_of[row["e"].value].add(row["d"].value)
    labels: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in _rows(store, "SELECT ?e ?l WHERE { ?d brikg:mentions ?e . ?e rdfs:label ?l }"):
        labels[(row["e"].value, row["l"].language or "")].add(row["l"].value)
    isos = {
        row["e"].value: row["c"].value
        for row in _rows(store, "SELECT ?e ?c WHERE { ?d brikg:mentions ?e . ?e brikg:isoCode ?c }")
    }
    for row in _rows(store, "SELECT ?d ?t WHERE { ?d a brikg:Document ; rdfs:label ?t }"):
        data.documents[row["d"].value] = row["t"].value
    for row in _rows(
        store,
        "SELECT ?s ?x ?d WHERE { ?s a brikg:Sentence ; oa:hasSource ?d ; oa:hasSelector ?q ."
        " ?q oa:exact ?x }",
    ):
        iri = row["s"].value
        data.sentences[iri] = Sentence(iri, row["x"].value, row["d"].value)
    mention_count: Counter[str] = Counter()
    for row in _rows(store, "SELECT ?m ?e ?s WHERE { ?m brikg:denotes ?e ; brikg:inSentence ?s }"):
        data.mentions.append((row["e"].value, row["s"].value))
        mention_count[row["e"].value] += 1
    data.mentions.sort()
    for iri in sorted(types):
        kind = next(t for t in ENTITY_TYPES if t in types[iri])
        data.entities[iri] = EntityInfo(
            iri=iri,
            type=kind,
            en=min(labels.get((iri, "en"), {""})),
            zh=min(labels.get((iri, "zh"), {""})),
            iso=isos.get(iri, ""),
            mentions=mention_count[iri],
            documents=tuple(sorted(docs_of[iri])),
        )
    for row in _rows(
        store,
        "SELECT ?s ?p ?o ?sent WHERE { ?f a brikg:Fact ; rdf:subject ?s ; rdf:predicate ?p ;"
        " rdf:object ?o ; prov:wasDerivedFrom ?sent }",
    ):
        predicate = _local(row["p"].value)
        subject, obj = row["s"].value, row["o"].value
        if predicate in RELATIONS and subject in data.entities and obj in data.entities:
            data.relations.append(Relation(subject, predicate, obj, row["sent"].value))
    data.relations.sort(key=lambda r: (r.subject, r.predicate, r.object, r.sentence))
    data.events = _read_events(store, data)
    return data


def _read_events(store: Store, data: GraphData) -> list[Event]:
    """The events that happened: a planned one (brikg:planned) is a target, not a point of the
    timeline, nor of the counts per year."""
    found: dict[str, dict[str, Any]] = {}
    for row in _rows(
        store,
        "SELECT ?ev ?e ?k ?d ?sd ?sent WHERE { ?ev a brikg:Event ; brikg:eventOf ?e ;"
        " brikg:eventKind ?k ; brikg:date ?d ; brikg:sortDate ?sd ;"
        " prov:wasDerivedFrom ?sent FILTER NOT EXISTS { ?ev brikg:planned true } }",
    ):
        iri = row["ev"].value
        if row["e"].value not in data.entities:
            continue
        record = found.setdefault(
            iri,
            {
                "entity": row["e"].value,
                "kind": _local(row["k"].value),
                "date": row["d"].value,
                "sort_date": row["sd"].value,
                "sentences": set(),
                "participants": set(),
            },
        )
        record["sentences"].add(row["sent"].value)
    for row in _rows(store, "SELECT ?ev ?p WHERE { ?ev a brikg:Event ; brikg:involves ?p }"):
        if row["ev"].value in found and row["p"].value in data.entities:
            found[row["ev"].value]["participants"].add(row["p"].value)
    events = [
        Event(
            iri=iri,
            entity=record["entity"],
            kind=record["kind"],
            date=record["date"],
            sort_date=record["sort_date"],
            sentences=tuple(sorted(record["sentences"])),
            participants=tuple(sorted(record["participants"])),
        )
        for iri, record in found.items()
    ]
    return sorted(events, key=lambda e: (e.sort_date, e.kind, e.entity, e.iri))


# ---------------------------------------------------------------------------------------
# Graph builders
# ---------------------------------------------------------------------------------------


def _add_entity(graph: nx.Graph, entity: EntityInfo, **extra: object) -> None:
    if entity.iri not in graph:
        graph.add_node(
            entity.iri,
            type=entity.type,
            label=entity.label,
            en=entity.en,
            zh=entity.zh,
            iso=entity.iso,
            mentions=entity.mentions,
            **extra,
        )


def _add_relation(graph: nx.MultiDiGraph, data: GraphData, relation: Relation) -> None:
    for iri in (relation.subject, relation.object):
        _add_entity(graph, data.entities[iri])
    key = relation.predicate
    if graph.has_edge(relation.subject, relation.object, key):
        edge = graph.edges[relation.subject, relation.object, key]
        if relation.sentence not in edge["sentences"]:
            edge["sentences"].append(relation.sentence)
            edge["weight"] = len(edge["sentences"])
    else:
        graph.add_edge(
            relation.subject,
            relation.object,
            key=key,
            relation=key,
            sentences=[relation.sentence],
            weight=1,
        )


def entity_graph(data: GraphData, include_isolates: bool = False) -> nx.MultiDiGraph:
    """Entities linked by the relations the documents state; one edge per (pair, relation).

    Edges keep the sentences that state them (``sentences``) and how many (``weight``).
    Entities with no stated relation are left out unless ``include_isolates``.
    """
    graph = nx.MultiDiGraph(name="entity graph")
    if include_isolates:
        for entity in data.entities.values():
            _add_entity(graph, entity)
    for relation in data.relations:
        _add_relation(graph, data, relation)
    return graph


def _relation_subgraph(data: GraphData, keep: Any) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for relation in data.relations:
        if keep(relation):
            _add_relation(graph, data, relation)
    return graph


def country_project_graph(data: GraphData) -> nx.Graph:
    """Bipartite graph: countries (``bipartite=0``) and the projects and mechanisms
    (``bipartite=1``) that a stated relation ties them to, in either direction."""
    graph = nx.Graph(name="country-project graph")
    for relation in data.relations:
        ends = {data.entities[relation.subject].type: relation.subject}
        ends[data.entities[relation.object].type] = relation.object
        if "Country" not in ends:
            continue
        other = ends.get("Project") or ends.get("Mechanism")
        if other is None:
            continue
        country = ends["Country"]
        _add_entity(graph, data.entities[country], bipartite=0)
        _add_entity(graph, data.entities[other], bipartite=1)
        if graph.has_edge(country, other):
            edge = graph.edges[country, other]
            edge["relations"] = sorted({*edge["relations"], relation.predicate})
            if relation.sentence not in edge["sentences"]:
                edge["sentences"].append(relation.sentence)
        else:
            graph.add_edge(
                country, other, relations=[relation.predicate], sentences=[relation.sentence]
            )
    return graph


def country_projection(bipartite: nx.Graph) -> nx.Graph:
    """Countries linked by the projects and mechanisms they share: ``weight`` is how many,
    ``shared`` lists them (the weighted one-mode projection of the bipartite graph)."""
    countries = sorted(n for n, side in bipartite.nodes(data="bipartite") if side == 0)
    graph = nx.Graph(name="country projection")
    for country in countries:
        graph.add_node(country, **bipartite.nodes[country])
    for shared in sorted(n for n, side in bipartite.nodes(data="bipartite") if side == 1):
        members = sorted(bipartite.neighbors(shared))
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                if graph.has_edge(first, second):
                    graph.edges[first, second]["shared"].append(shared)
                else:
                    graph.add_edge(first, second, shared=[shared])
    for _u, _v, edge in graph.edges(data=True):
        edge["weight"] = len(edge["shared"])
    return graph


def mechanism_graph(data: GraphData) -> nx.MultiDiGraph:
    """Cooperation mechanisms and everything a stated relation ties them to: members
    (``involves``, ``partOf``), proposers, owners, hosts, aligned initiatives."""
    return _relation_subgraph(
        data,
        lambda r: "Mechanism" in (data.entities[r.subject].type, data.entities[r.object].type),
    )


def mechanism_members(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Members of each mechanism: what it ``involves``, and what is ``partOf`` it."""
    members: dict[str, set[str]] = defaultdict(set)
    for source, target, relation in graph.edges(keys=True):
        if relation == "involves" and graph.nodes[source]["type"] == "Mechanism":
            members[source].add(target)
        elif relation == "partOf" and graph.nodes[target]["type"] == "Mechanism":
            members[target].add(source)
    return {mechanism: sorted(found) for mechanism, found in sorted(members.items())}


def corridor_graph(data: GraphData) -> nx.MultiDiGraph:
    """The corridor map: corridors, what is stated about them (projects part of them, their
    countries, the initiative they belong to), and the countries of their projects."""
    corridors = {iri for iri, e in data.entities.items() if e.type == "Corridor"}
    graph = _relation_subgraph(data, lambda r: r.subject in corridors or r.object in corridors)
    in_corridor = {
        r.subject for r in data.relations if r.predicate == "partOf" and r.object in corridors
    }
    for relation in data.relations:
        if relation.subject in in_corridor and relation.predicate == "locatedIn":
            _add_relation(graph, data, relation)
    return graph


def comention_graph(data: GraphData, min_weight: int = 1) -> nx.Graph:
    """Entities named in the same sentence; ``weight`` is the number of such sentences and
    ``sentences`` lists them. Pairs seen in fewer than ``min_weight`` sentences are dropped."""
    by_sentence: dict[str, set[str]] = defaultdict(set)
    for entity, sentence in data.mentions:
        if entity in data.entities:
            by_sentence[sentence].add(entity)
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sentence in sorted(by_sentence):
        named = sorted(by_sentence[sentence])
        for i, first in enumerate(named):
            for second in named[i + 1 :]:
                pairs[(first, second)].append(sentence)
    graph = nx.Graph(name="co-mention network")
    for (first, second), sentences in sorted(pairs.items()):
        if len(sentences) >= min_weight:
            _add_entity(graph, data.entities[first])
            _add_entity(graph, data.entities[second])
            graph.add_edge(first, second, weight=len(sentences), sentences=sentences)
    return graph


def events_by_year(events: Iterable[Event]) -> dict[int, dict[str, int]]:
    """Events per year and kind, years ascending, kinds in the ontology's order."""
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for event in events:
        counts[event.year][event.kind] += 1
    order = {kind: i for i, kind in enumerate(EVENT_KINDS)}
    return {
        year: dict(sorted(counts[year].items(), key=lambda kv: order.get(kv[0], len(order))))
        for year in sorted(counts)
    }


# ---------------------------------------------------------------------------------------
# Algorithms: plain functions over any NetworkX graph
# ---------------------------------------------------------------------------------------


def simple_graph(graph: nx.Graph) -> nx.Graph:
    """The undirected simple graph under any graph: what the measures below are defined on.

    Parallel edges merge; their ``weight`` values add up (1 each where there is none)."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for u, v, edge in graph.edges(data=True):
        if u == v:
            continue
        weight = edge.get("weight", 1)
        if simple.has_edge(u, v):
            simple.edges[u, v]["weight"] += weight
        else:
            simple.add_edge(u, v, weight=weight)
    return simple


@dataclass
class Centrality:
    """Degree, betweenness and eigenvector centrality of every node.

    Eigenvector centrality is computed on the largest connected component only (it is not
    defined across components); other nodes get 0. ``eigenvector_converged`` is False when the
    power iteration did not converge even with a relaxed tolerance, and then all values are 0.
    """

    degree: dict[Any, int]
    degree_centrality: dict[Any, float]
    betweenness: dict[Any, float]
    eigenvector: dict[Any, float]
    eigenvector_converged: bool = True
    betweenness_sampled: int | None = None


def centrality(
    graph: nx.Graph, exact_betweenness_limit: int = 2000, eigenvector: bool = True
) -> Centrality:
    """Degree, betweenness and eigenvector centrality, deterministic for a given graph.

    Betweenness is exact up to ``exact_betweenness_limit`` nodes and sampled (``k`` pivots,
    seeded) above it, so a very large graph stays fast. ``eigenvector=False`` skips the
    power iteration (all zeros) where only degree and betweenness are shown.
    """
    simple = simple_graph(graph)
    n = simple.number_of_nodes()
    degree = dict(simple.degree())
    degree_c = nx.degree_centrality(simple) if n > 1 else dict.fromkeys(simple, 0.0)
    sampled = None
    if n > exact_betweenness_limit:
        sampled = min(n, 500)
        betweenness = nx.betweenness_centrality(simple, k=sampled, seed=SEED)
    else:
        betweenness = nx.betweenness_centrality(simple)
    eigen, converged = (
        eigenvector_centrality(simple) if eigenvector else (dict.fromkeys(simple, 0.0), True)
    )
    return Centrality(
        degree=degree,
        degree_centrality=degree_c,
        betweenness=betweenness,
        eigenvector=eigen,
        eigenvector_converged=converged,
        betweenness_sampled=sampled,
    )


def largest_component(graph: nx.Graph) -> set[Any]:
    """Nodes of the largest connected component (weakly, for a directed graph)."""
    parts = components(graph)
    return parts[0] if parts else set()


def eigenvector_centrality(graph: nx.Graph) -> tuple[dict[Any, float], bool]:
    """Eigenvector centrality on the largest component (0 elsewhere), and whether the power
    iteration converged; a second try relaxes the tolerance before giving up."""
    values = dict.fromkeys(graph, 0.0)
    core = graph.subgraph(largest_component(graph))
    if core.number_of_nodes() < 2:
        return values, True
    for max_iter, tol in ((1000, 1e-6), (5000, 1e-4)):
        try:
            values.update(nx.eigenvector_centrality(core, max_iter=max_iter, tol=tol))
            return values, True
        except nx.PowerIterationFailedConvergence:
            continue
    return values, False


def components(graph: nx.Graph) -> list[set[Any]]:
    """Connected components (weak ones for directed graphs), largest first, then by node."""
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    parts = [set(part) for part in nx.connected_components(undirected)]
    return sorted(parts, key=lambda part: (-len(part), min(map(str, part))))


def communities(graph: nx.Graph, seed: int = SEED) -> list[set[Any]]:
    """Louvain communities (seeded: deterministic), largest first, then by smallest node."""
    simple = simple_graph(graph)
    if simple.number_of_edges() == 0:
        return [{node} for node in sorted(simple, key=str)]
    found = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    return sorted((set(c) for c in found), key=lambda c: (-len(c), min(map(str, c))))


def modularity(graph: nx.Graph, parts: list[set[Any]]) -> float:
    """Modularity of a partition of the graph's simple undirected form."""
    simple = simple_graph(graph)
    if simple.number_of_edges() == 0:
        return 0.0
    return float(nx.community.modularity(simple, parts, weight="weight"))


def top_k(scores: Mapping[Any, float], k: int) -> list[tuple[Any, float]]:
    """The ``k`` highest scores, ties broken by node so the order is stable."""
    return sorted(scores.items(), key=lambda kv: (-kv[1], str(kv[0])))[: max(k, 0)]


def keep_most_central(graph: nx.Graph, max_nodes: int) -> tuple[nx.Graph, list[Any]]:
    """The subgraph of the ``max_nodes`` nodes of highest degree centrality, and the nodes
    left out (most central first). Used to keep interactive views readable and fast."""
    if graph.number_of_nodes() <= max_nodes:
        return graph, []
    ranked = [
        node for node, _ in top_k(dict(simple_graph(graph).degree()), graph.number_of_nodes())
    ]
    keep, dropped = ranked[:max_nodes], ranked[max_nodes:]
    return graph.subgraph(keep).copy(), dropped


# ---------------------------------------------------------------------------------------
# Analyses: the numbers that ``brikg analyze`` prints and the report shows
# ---------------------------------------------------------------------------------------

ANALYSES: tuple[str, ...] = (
    "entity",
    "countries",
    "mechanisms",
    "corridors",
    "comention",
    "events",
)


@dataclass
class Table:
    """A titled table of rows; cells are str, int or float."""

    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


@dataclass
class Analysis:
    """One analysis: a summary of named numbers and some top-k tables."""

    name: str
    title: str
    description: str
    summary: dict[str, Any] = field(default_factory=dict)
    tables: list[Table] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "description": self.description,
            "summary": self.summary,
            "tables": {table.title: table.records() for table in self.tables},
        }


def _name(graph: nx.Graph, node: Any) -> str:
    return str(graph.nodes[node].get("label", node))


def _structure(graph: nx.Graph, scores: Centrality | None = None) -> dict[str, Any]:
    parts = components(graph)
    simple = simple_graph(graph)
    summary: dict[str, Any] = {
        "nodes": graph.number_of_nodes(),
        "edges": simple.number_of_edges(),
        "density": round(nx.density(simple), 4) if simple.number_of_nodes() > 1 else 0.0,
        "components": len(parts),
        "largest component": len(parts[0]) if parts else 0,
    }
    if scores is not None and not scores.eigenvector_converged:
        summary["eigenvector centrality"] = "did not converge"
    return summary


def _centrality_table(graph: nx.Graph, scores: Centrality, k: int, title: str) -> Table:
    table = Table(title, ["rank", "entity", "class", "degree", "betweenness", "eigenvector", "iri"])
    ranked = sorted(graph, key=lambda n: (-scores.degree[n], -scores.betweenness[n], str(n)))
    for rank, node in enumerate(ranked[: max(k, 0)], 1):
        table.rows.append(
            [
                rank,
                _name(graph, node),
                graph.nodes[node].get("type", ""),
                scores.degree[node],
                round(scores.betweenness[node], 4),
                round(scores.eigenvector[node], 4),
                str(node),
            ]
        )
    return table


def _ranked_table(
    graph: nx.Graph, values: Mapping[Any, float], k: int, title: str, measure: str
) -> Table:
    table = Table(title, ["rank", "entity", "class", measure, "iri"])
    for rank, (node, value) in enumerate(top_k(values, k), 1):
        shown = round(value, 4) if isinstance(value, float) else value
        table.rows.append(
            [rank, _name(graph, node), graph.nodes[node].get("type", ""), shown, str(node)]
        )
    return table


def _community_table(graph: nx.Graph, parts: list[set[Any]], k: int, degree: dict) -> Table:
    table = Table("Communities (Louvain, seeded)", ["community", "size", "most connected members"])
    for index, part in enumerate(parts[:k], 1):
        members = [_name(graph, n) for n, _ in top_k({n: degree[n] for n in part}, 5)]
        table.rows.append([index, len(part), "; ".join(members)])
    return table


def analyze_entities(data: GraphData, k: int = 10) -> Analysis:
    graph = entity_graph(data)
    scores = centrality(graph)
    parts = communities(graph)
    relations = Counter(rel for _, _, rel in graph.edges(keys=True))
    summary = _structure(graph, scores)
    summary.update(
        {
            "entities in the graph": len(data.entities),
            "entities with no stated relation": len(data.entities) - graph.number_of_nodes(),
            "stated facts": len(data.relations),
            "communities": len(parts),
            "modularity": round(modularity(graph, parts), 4),
        }
    )
    summary.update(
        {f"edges: {RELATION_LABELS[r]}": relations[r] for r in RELATIONS if relations[r]}
    )
    return Analysis(
        "entity",
        "Entity graph",
        "Entities linked by the relations the documents state (locatedIn, partOf, involves, "
        "alignedWith, ownedBy, proposedBy), treated as undirected for the measures.",
        summary,
        [
            _centrality_table(graph, scores, k, "Most connected entities"),
            _ranked_table(graph, scores.betweenness, k, "Brokers (betweenness)", "betweenness"),
            _ranked_table(
                graph,
                scores.eigenvector,
                k,
                "Eigenvector centrality (largest component)",
                "eigenvector",
            ),
            _community_table(graph, parts, k, scores.degree),
        ],
    )


def analyze_countries(data: GraphData, k: int = 10) -> Analysis:
    bipartite = country_project_graph(data)
    projection = country_projection(bipartite)
    scores = centrality(projection)
    parts = communities(projection)
    countries = [n for n, side in bipartite.nodes(data="bipartite") if side == 0]
    summary = {
        "countries": len(countries),
        "projects and mechanisms": bipartite.number_of_nodes() - len(countries),
        "country-project links": bipartite.number_of_edges(),
        "country pairs sharing one": projection.number_of_edges(),
        **{f"projection {key}": value for key, value in _structure(projection, scores).items()},
        "communities": len(parts),
    }
    ties = Table("Country pairs with the most shared projects and mechanisms",
                 ["rank", "country", "country ", "shared", "what"])  # fmt: skip
    pairs = {(u, v): d["weight"] for u, v, d in projection.edges(data=True)}
    for rank, ((u, v), weight) in enumerate(top_k(pairs, k), 1):
        shared = projection.edges[u, v]["shared"]
        ties.rows.append([rank, _name(projection, u), _name(projection, v), weight,
                          "; ".join(_name(bipartite, s) for s in shared[:4])])  # fmt: skip
    return Analysis(
        "countries",
        "Countries and their projects",
        "A bipartite graph of countries and the projects and mechanisms a stated relation "
        "ties them to, and its projection: countries linked by what they share.",
        summary,
        [
            _ranked_table(
                bipartite,
                {c: bipartite.degree(c) for c in countries},
                k,
                "Countries with the most projects and mechanisms",
                "projects and mechanisms",
            ),
            ties,
            _centrality_table(projection, scores, k, "Central countries in the projection"),
            _community_table(projection, parts, k, scores.degree),
        ],
    )


def analyze_mechanisms(data: GraphData, k: int = 10) -> Analysis:
    graph = mechanism_graph(data)
    members = mechanism_members(graph)
    belongs: Counter[str] = Counter(m for found in members.values() for m in found)
    mechanisms = [n for n, t in graph.nodes(data="type") if t == "Mechanism"]
    summary = {
        "mechanisms in the graph": sum(1 for e in data.entities.values() if e.type == "Mechanism"),
        "mechanisms with a stated relation": len(mechanisms),
        "mechanisms with stated members": len(members),
        "membership links": sum(len(found) for found in members.values()),
        **_structure(graph),
    }
    biggest = Table("Mechanisms with the most members", ["rank", "mechanism", "members", "who"])
    ranked = top_k({m: len(found) for m, found in members.items()}, k)
    for rank, (mechanism, count) in enumerate(ranked, 1):
        names = "; ".join(_name(graph, m) for m in members[mechanism][:6])
        biggest.rows.append([rank, _name(graph, mechanism), count, names])
    return Analysis(
        "mechanisms",
        "Mechanism membership",
        "Cooperation mechanisms (forums, alliances, platforms) and who the documents say takes "
        "part in them (involves, partOf).",
        summary,
        [
            biggest,
            _ranked_table(graph, dict(belongs), k, "Members of the most mechanisms", "mechanisms"),
            _ranked_table(
                graph,
                {m: graph.degree(m) for m in mechanisms},
                k,
                "Mechanisms with the most stated relations",
                "relations",
            ),
        ],
    )


def analyze_corridors(data: GraphData, k: int = 10) -> Analysis:
    graph = corridor_graph(data)
    corridors = sorted(iri for iri, e in data.entities.items() if e.type == "Corridor")
    table = Table("Corridors", ["corridor", "projects", "countries", "relations", "projects named"])
    rows = []
    for corridor in corridors:
        if corridor not in graph:
            continue
        projects = sorted(
            s
            for s, _, rel in graph.in_edges(corridor, keys=True)
            if rel == "partOf" and graph.nodes[s]["type"] == "Project"
        )
        countries = {
            n for n in nx.all_neighbors(graph, corridor) if graph.nodes[n]["type"] == "Country"
        }
        for project in projects:
            countries |= {
                t for _, t, rel in graph.out_edges(project, keys=True) if rel == "locatedIn"
            }
        rows.append([
            _name(graph, corridor), len(projects), len(countries), graph.degree(corridor),
            "; ".join(_name(graph, p) for p in projects[:5]),
        ])  # fmt: skip
    rows.sort(key=lambda row: (-row[1], -row[2], -row[3], row[0]))
    table.rows = rows[:k]
    summary = {
        "corridors in the graph": len(corridors),
        "corridors with a stated relation": sum(1 for c in corridors if c in graph),
        "projects in corridors": sum(row[1] for row in rows),
        **_structure(graph),
    }
    return Analysis(
        "corridors",
        "Corridor map",
        "Economic and transport corridors, the projects stated to be part of them, and the "
        "countries of both.",
        summary,
        [table],
    )


def analyze_comention(data: GraphData, k: int = 10) -> Analysis:
    graph = comention_graph(data)
    scores = centrality(graph)
    parts = communities(graph)
    strength = dict(graph.degree(weight="weight"))
    summary = {
        "sentences naming two or more entities": len(
            {s for _, _, d in graph.edges(data=True) for s in d["sentences"]}
        ),
        **_structure(graph, scores),
        "communities": len(parts),
        "modularity": round(modularity(graph, parts), 4),
    }
    pairs = Table("Most often named together", ["rank", "entity", "entity ", "sentences", "e.g."])
    weights = {(u, v): d["weight"] for u, v, d in graph.edges(data=True)}
    for rank, ((u, v), weight) in enumerate(top_k(weights, k), 1):
        example = data.quote(graph.edges[u, v]["sentences"][0])
        pairs.rows.append([rank, _name(graph, u), _name(graph, v), weight, _clip(example, 120)])
    return Analysis(
        "comention",
        "Co-mention network",
        "Entities named in the same sentence; an edge's weight is the number of such sentences.",
        summary,
        [
            pairs,
            _ranked_table(
                graph, strength, k, "Named alongside the most others (weighted)", "co-mentions"
            ),  # fmt: skip
            _ranked_table(graph, scores.betweenness, k, "Brokers (betweenness)", "betweenness"),
            _community_table(graph, parts, k, scores.degree),
        ],
    )


def analyze_events(data: GraphData, k: int = 10) -> Analysis:
    per_year = events_by_year(data.events)
    kinds = Counter(event.kind for event in data.events)
    kind_order = [kind for kind in EVENT_KINDS if kinds[kind]]
    years = Table("Events per year and kind", ["year", *kind_order, "total"])
    for year, counts in per_year.items():
        years.rows.append([year, *(counts.get(kind, 0) for kind in kind_order),
                           sum(counts.values())])  # fmt: skip
    by_entity: Counter[str] = Counter(event.entity for event in data.events)
    busiest = Table("Entities with the most events", ["rank", "entity", "class", "events", "iri"])
    for rank, (iri, count) in enumerate(top_k(dict(by_entity), k), 1):
        entity = data.entities[iri]
        busiest.rows.append([rank, entity.label, entity.type, count, iri])
    recent = Table("Latest events", ["date", "kind", "entity", "quote"])
    for event in sorted(data.events, key=lambda e: (e.sort_date, e.iri), reverse=True)[:k]:
        recent.rows.append([event.date, event.kind, data.entities[event.entity].label,
                            _clip(data.quote(event.sentences[0]), 120)])  # fmt: skip
    summary: dict[str, Any] = {
        "events": len(data.events),
        "first year": min(per_year) if per_year else None,
        "last year": max(per_year) if per_year else None,
        **{f"kind: {kind}": kinds[kind] for kind in kind_order},
    }
    return Analysis(
        "events",
        "Events over time",
        "Dated events (proposals, signings, openings, ...) by the year of their date.",
        summary,
        [years, busiest, recent],
    )


def _clip(text: str, length: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


_ANALYZERS = {
    "entity": analyze_entities,
    "countries": analyze_countries,
    "mechanisms": analyze_mechanisms,
    "corridors": analyze_corridors,
    "comention": analyze_comention,
    "events": analyze_events,
}


def analyze(data: GraphData, kind: str = "all", k: int = 10) -> list[Analysis]:
    """Run one analysis by name, or all of them (``kind="all"``)."""
    if kind != "all" and kind not in _ANALYZERS:
        raise BrikgError(f"unknown analysis {kind!r}; choose from {', '.join(ANALYSES)} or all")
    names = ANALYSES if kind == "all" else (kind,)
    return [_ANALYZERS[name](data, k) for name in names]
