"""Interactive views of the graph: pyvis networks in self-contained, offline HTML pages.

Each view is a NetworkX graph from :mod:`brikg.analysis` with display attributes, turned into
vis-network nodes and edges by pyvis and rendered with brikg's own template
(``templates/view.html``), not pyvis's: pyvis's template fetches Bootstrap (and, with menus,
Tom Select) from a CDN even with ``cdn_resources="in_line"``. Ours inlines vis-network's
JavaScript and CSS from the pyvis package, so a page works with no network at all, and its
Content-Security-Policy forbids every fetch.

Every string read from a document reaches the page only as JSON data (with ``<``, ``>`` and
``&`` escaped, inside a ``type="application/json"`` script) or through Jinja's autoescaping;
the page's script puts it into the DOM with ``textContent`` only. A document that names a
project ``<script>…`` therefore shows that text and runs nothing.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from brikg.analysis import (
    RELATION_LABELS,
    SEED,
    Centrality,
    EntityInfo,
    Event,
    GraphData,
    centrality,
    comention_graph,
    corridor_graph,
    country_project_graph,
    country_projection,
    entity_graph,
    keep_most_central,
    mechanism_graph,
    simple_graph,
    top_k,
)
from brikg.errors import BrikgError, UsageError
from brikg.output import StagedOutputs, atomic_write
from brikg.vocab import ID

MAX_NODES = 1500
"""Views with more nodes keep only the most central ones, so they stay readable and fast."""

CLASS_COLORS: dict[str, str] = {
    "Initiative": "#d62728",
    "Corridor": "#ff7f0e",
    "Mechanism": "#9467bd",
    "Project": "#1f77b4",
    "Country": "#2ca02c",
    "Organization": "#8c564b",
    "Person": "#e377c2",
    "Strategy": "#17becf",
    "Place": "#7f7f7f",
    "Event": "#bcbd22",
}
CLASS_ZH: dict[str, str] = {
    "Initiative": "倡议",
    "Corridor": "走廊",
    "Mechanism": "合作机制",
    "Project": "项目",
    "Country": "国家",
    "Organization": "组织",
    "Person": "人物",
    "Strategy": "发展战略",
    "Place": "地点",
    "Event": "事件",
}
KIND_ZH: dict[str, str] = {
    "proposal": "提出",
    "announcement": "宣布",
    "signing": "签署",
    "establishment": "成立",
    "launch": "启动",
    "holding": "举办",
    "opening": "开通",
    "completion": "竣工",
    "startOfOperation": "投入运营",
    "suspension": "暂停",
    "resumption": "复工",
    "cancellation": "取消",
}
KIND_COLORS: dict[str, str] = {
    "proposal": "#e6550d",
    "announcement": "#fd8d3c",
    "signing": "#31a354",
    "establishment": "#756bb1",
    "launch": "#3182bd",
    "holding": "#c49c00",
    "opening": "#e7298a",
    "completion": "#636363",
    "startOfOperation": "#8c6d31",
    "suspension": "#a50f15",
    "resumption": "#74c476",
    "cancellation": "#252525",
}
EXTRA_LABELS = {
    "comention": "named together",
    "shares": "share projects",
    "eventOf": "event of",
    "participant": "participant",
}
SYMMETRIC = {"alignedWith", "comention", "shares"}
SMALL_LABEL = 12
"""Label size of the less central nodes: drawn only once the view is zoomed in enough."""
LABEL_THRESHOLD = 9
"""On-screen font size (px) below which vis-network does not draw a label."""
MAIN_VIEWS = ("overview", "corridors", "countries", "mechanisms", "timeline", "comention")
VIEW_KINDS = (*MAIN_VIEWS, "country", "entity")
TOP_COUNTRIES = 5
TEMPLATES = Path(__file__).parent / "templates"
PYVIS_LIB = Path(__import__("pyvis").__file__).parent / "lib" / "vis-9.1.2"


@dataclass
class View:
    """A graph ready to draw: display graph, words around it, and what was left out."""

    name: str
    title: str
    description: str
    graph: nx.MultiDiGraph
    notice: str = ""
    omitted: int = 0
    html: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    drawn_nodes: int = 0
    """Nodes the page's vis DataSet holds (graph nodes plus any axis labels), once rendered."""
    drawn_edges: int = 0
    legend_note: str = (
        "Size: degree in this view. Solid: a stated relation (arrow: its direction); "
        "dashed: named in the same sentence."
    )

    @property
    def nodes(self) -> int:
        return self.graph.number_of_nodes()

    @property
    def edges(self) -> int:
        return self.graph.number_of_edges()


# ---------------------------------------------------------------------------------------
# Building views
# ---------------------------------------------------------------------------------------


def make_view(
    data: GraphData, kind: str, target: str | None = None, max_nodes: int = MAX_NODES
) -> View:
    """The view of one kind (``country`` and ``entity`` take a target), filtered to
    ``max_nodes`` by centrality when larger."""
    builders: dict[str, Callable[[], View]] = {
        "overview": lambda: _overview(data),
        "corridors": lambda: _relations_view(
            data, corridor_graph(data), "corridors", "Corridor map",
            "Economic and transport corridors, the projects stated to be part of them, and "
            "their countries.",
        ),
        "mechanisms": lambda: _relations_view(
            data, mechanism_graph(data), "mechanisms", "Cooperation mechanisms",
            "Forums, alliances and platforms, with who the documents say takes part in them.",
        ),
        "countries": lambda: _countries(data),
        "timeline": lambda: _timeline(data),
        "comention": lambda: _comention(data),
        "country": lambda: _entity(data, _country_iri(data, target)),
        "entity": lambda: _entity(data, _entity_iri(data, target)),
    }  # fmt: skip
    if kind not in builders:
        raise UsageError(f"unknown view {kind!r}; choose from {', '.join(VIEW_KINDS)}")
    if kind in ("country", "entity") and not target:
        example = "CN" if kind == "country" else "project/china-laos-railway"
        raise UsageError(f"--kind {kind} needs a target, e.g. brikg viz --kind {kind} {example}")
    view = builders[kind]()
    _limit(view, max_nodes)
    return view


def _limit(view: View, max_nodes: int) -> None:
    total = view.graph.number_of_nodes()
    if total <= max_nodes:
        return
    kept, dropped = keep_most_central(view.graph, max_nodes)
    names = "; ".join(str(view.graph.nodes[n].get("label", n)) for n in dropped[:3])
    view.graph = kept
    view.omitted = len(dropped)
    message = (
        f"This view has {total:,} nodes; only the {max_nodes:,} most central (by degree) are "
        f"drawn and {len(dropped):,} are left out (the most connected of them: {names})."
    )
    view.notice = f"{view.notice} {message}".strip()


def _entity_node(graph: nx.MultiDiGraph, entity: EntityInfo) -> None:
    if entity.iri not in graph:
        graph.add_node(
            entity.iri, type=entity.type, label=entity.label, en=entity.en, zh=entity.zh,
            iso=entity.iso, mentions=entity.mentions,
        )  # fmt: skip


def _as_display(source: nx.Graph) -> nx.MultiDiGraph:
    """Copy any analysis graph into the display form (a MultiDiGraph keyed by relation)."""
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(source.nodes(data=True))
    if source.is_multigraph():
        for u, v, key, edge in source.edges(keys=True, data=True):
            graph.add_edge(u, v, key=key, **edge)
    else:
        for u, v, edge in source.edges(data=True):
            key = edge.get("relation", "comention")
            graph.add_edge(u, v, key=key, relation=key, **{k: x for k, x in edge.items()
                                                          if k != "relation"})  # fmt: skip
    return graph


def _entity_graph(data: GraphData) -> nx.MultiDiGraph:
    return data.memo("entity graph", lambda: entity_graph(data))


def _comention_graph(data: GraphData) -> nx.Graph:
    return data.memo("comention graph", lambda: comention_graph(data))


def _entity_scores(data: GraphData) -> Centrality:
    """Centrality in the whole entity graph: what a tooltip reports, whatever the view."""
    return data.memo(
        "entity centrality", lambda: centrality(_entity_graph(data), eigenvector=False)
    )


def _overview(data: GraphData) -> View:
    graph = _entity_graph(data)
    unlinked = len(data.entities) - graph.number_of_nodes()
    notice = ""
    if unlinked:
        notice = (
            f"{unlinked:,} of the graph's {len(data.entities):,} entities have no stated "
            "relation and are not drawn here; the co-mention view shows them with the "
            "entities they are named alongside."
        )
    return View(
        "overview", "Overview: entities and stated relations",
        "Every entity that a document relates to another (located in, part of, involves, "
        "aligned with, owned by, proposed by). Size shows degree centrality.",
        graph, notice,
    )  # fmt: skip


def _relations_view(
    data: GraphData, graph: nx.MultiDiGraph, name: str, title: str, description: str
) -> View:
    return View(name, title, description, graph)


def _countries(data: GraphData) -> View:
    bipartite = country_project_graph(data)
    projection = country_projection(bipartite)
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(projection.nodes(data=True))
    for u, v, edge in projection.edges(data=True):
        shared = [bipartite.nodes[s]["label"] for s in edge["shared"]]
        graph.add_edge(
            u, v, key="shares", relation="shares", weight=edge["weight"], shared=shared,
            sentences=[],
        )  # fmt: skip
    return View(
        "countries", "Countries linked by shared projects and mechanisms",
        "The country projection of the country-project graph: two countries are linked when "
        "a project or mechanism is stated to involve, or be located in, both.",
        graph,
    )  # fmt: skip


def _comention(data: GraphData, min_weight: int = 2) -> View:
    full = _comention_graph(data)
    strong = comention_graph(data, min_weight=min_weight)
    graph = _as_display(strong)
    notice = (
        f"Pairs named together in fewer than {min_weight} sentences are not drawn: "
        f"{full.number_of_edges() - strong.number_of_edges():,} of "
        f"{full.number_of_edges():,} pairs, which leaves out "
        f"{full.number_of_nodes() - strong.number_of_nodes():,} entities."
    )
    return View(
        "comention", "Co-mention network",
        f"Entities named in the same sentence at least {min_weight} times; edge width shows "
        "how often.",
        graph, notice,
    )  # fmt: skip


def _timeline(data: GraphData) -> View:
    graph = nx.MultiDiGraph()
    for event in data.events:
        subject = data.entities[event.entity]
        graph.add_node(
            event.iri, type="Event", label=event.date, event=event,
            en=f"{event.kind}: {subject.label}", zh=f"{KIND_ZH.get(event.kind, '')} {subject.zh}",
        )  # fmt: skip
        _entity_node(graph, data.entities[event.entity])
        graph.add_edge(
            event.iri, event.entity, key="eventOf", relation="eventOf",
            sentences=list(event.sentences), weight=1,
        )  # fmt: skip
        for participant in event.participants:
            _entity_node(graph, data.entities[participant])
            graph.add_edge(
                event.iri, participant, key="participant", relation="participant",
                sentences=list(event.sentences), weight=1,
            )  # fmt: skip
    return View(
        "timeline", "Timeline of events",
        "One row per entity, its dated events placed left to right by date and coloured by "
        "kind; dashed lines lead to the parties an event involves.",
        graph,
        legend_note="Diamonds: events, coloured by kind. Boxes: the entities they happened to, "
        "coloured by class. Hover for the date and the sentence.",
    )  # fmt: skip


def _country_iri(data: GraphData, code: str | None) -> str:
    wanted = (code or "").strip().upper()
    for iri, entity in data.entities.items():
        if entity.type == "Country" and (entity.iso.upper() == wanted or iri == code):
            return iri
    known = sorted(e.iso for e in data.entities.values() if e.type == "Country" and e.iso)
    raise BrikgError(
        f"no country with ISO code {code!r} in the graph; it has {', '.join(known[:40])}"
        + (" …" if len(known) > 40 else "")
    )


def _entity_iri(data: GraphData, target: str | None) -> str:
    text = (target or "").strip()
    for candidate in (text, f"{ID}{text}", f"{ID}{text.strip('/')}"):
        if candidate in data.entities:
            return candidate
    folded = text.casefold()
    for iri, entity in data.entities.items():
        if folded and folded in (entity.en.casefold(), entity.zh.casefold()):
            return iri
    names = {entity.label: iri for iri, entity in data.entities.items()}
    close = difflib.get_close_matches(text, list(names), n=3, cutoff=0.6)
    hint = "; did you mean " + ", ".join(f"{n} ({names[n]})" for n in close) if close else ""
    raise BrikgError(f"no entity {target!r} in the graph{hint}")


def _entity(data: GraphData, iri: str, co_limit: int = 25) -> View:
    """One entity's neighbourhood: its stated relations (and those among its neighbours),
    its events, and the entities it is most often named alongside."""
    full = _entity_graph(data)
    graph = nx.MultiDiGraph()
    _entity_node(graph, data.entities[iri])
    if iri in full:
        neighbours = set(nx.all_neighbors(full, iri)) | {iri}
        for u, v, key, edge in full.subgraph(neighbours).edges(keys=True, data=True):
            for node in (u, v):
                _entity_node(graph, data.entities[node])
            graph.add_edge(u, v, key=key, **edge)
    comention = _comention_graph(data)
    if iri in comention:
        weights = {n: comention.edges[iri, n]["weight"] for n in comention.neighbors(iri)}
        for other, weight in top_k(weights, co_limit):
            _entity_node(graph, data.entities[other])
            graph.add_edge(
                iri, other, key="comention", relation="comention", weight=weight,
                sentences=comention.edges[iri, other]["sentences"],
            )  # fmt: skip
    entity = data.entities[iri]
    slug = iri.removeprefix(str(ID)).replace("/", "-")
    name = f"country-{entity.iso.lower()}" if entity.type == "Country" and entity.iso else slug
    return View(
        name, f"{entity.label}{' · ' + entity.zh if entity.zh and entity.en else ''}",
        f"The {entity.type.lower()} {entity.label}: its stated relations (solid), and the "
        f"{co_limit} entities it is most often named alongside (dashed).",
        graph,
    )  # fmt: skip


def main_views(data: GraphData, max_nodes: int = MAX_NODES) -> list[View]:
    """The views ``make graph`` writes: the six graph-wide ones and the most connected
    countries' neighbourhoods."""
    views = [make_view(data, kind, max_nodes=max_nodes) for kind in MAIN_VIEWS]
    degree = _entity_scores(data).degree
    countries = {n: d for n, d in degree.items() if data.entities[n].type == "Country"}
    for iri, _ in top_k(countries, TOP_COUNTRIES):
        views.append(make_view(data, "entity", iri, max_nodes=max_nodes))
    return views


# ---------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------


def _clip(text: str, length: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def _quotes(data: GraphData, sentences: Iterable[str], limit: int = 4) -> list[dict[str, str]]:
    out = []
    for sentence in list(dict.fromkeys(sentences))[:limit]:
        text = data.quote(sentence)
        if text:
            out.append({"text": _clip(text, 400), "source": data.document_title(sentence)})
    return out


def _mention_index(data: GraphData) -> dict[str, list[str]]:
    index: dict[str, list[str]] = defaultdict(list)
    for entity, sentence in data.mentions:
        index[entity].append(sentence)
    return index


def _events_index(data: GraphData) -> dict[str, list[Event]]:
    index: dict[str, list[Event]] = defaultdict(list)
    for event in data.events:
        index[event.entity].append(event)
    return index


def _initial_positions(graph: nx.Graph) -> dict[Any, tuple[float, float]]:
    """A seeded spring layout as vis-network's starting point: the page stabilises faster
    and the same graph always looks the same. Above 500 nodes NetworkX needs SciPy for
    this, so vis-network's own seeded layout is used instead."""
    simple = simple_graph(graph)
    n = simple.number_of_nodes()
    if n == 0 or n >= 500:
        return {}
    positions = nx.spring_layout(simple, seed=SEED, iterations=30, method="force")
    scale = 55 * math.sqrt(n) + 150
    return {node: (float(x) * scale, float(y) * scale) for node, (x, y) in positions.items()}


TIMELINE_YEAR = 220.0
"""Width of a year on the timeline, in canvas units."""
TIMELINE_ROW = 48.0
TIMELINE_LABEL_X = -40.0
"""Where the entity names end: the page right-aligns each name box to this x."""


def _timeline_layout(view: View) -> tuple[dict[Any, tuple[float, float]], list[dict]]:
    """Fixed places: one row per entity (by first event), events at x by date on their
    entity's row, entity names at the left (the page right-aligns them once their size is
    known), and a year axis on top."""
    dated = {n: e for n, e in view.graph.nodes(data="event") if e is not None}
    if not dated:
        return {}, []
    first_year = min(e.year for e in dated.values())
    last_year = max(e.year for e in dated.values())
    first_seen: dict[Any, str] = {}
    for event in sorted(dated.values(), key=lambda e: (e.sort_date, e.iri)):
        first_seen.setdefault(event.entity, event.sort_date)
    others = sorted(n for n, t in view.graph.nodes(data="type") if t != "Event"
                    and n not in first_seen)  # fmt: skip
    rows = [*sorted(first_seen, key=lambda n: (first_seen[n], str(n))), *others]
    row_y = {node: i * TIMELINE_ROW for i, node in enumerate(rows)}
    positions: dict[Any, tuple[float, float]] = {n: (TIMELINE_LABEL_X, y) for n, y in row_y.items()}
    for node, event in dated.items():
        year, month, day = (int(part) for part in event.sort_date.split("-"))
        x = ((year - first_year) + (month - 1) / 12 + (day - 1) / 365) * TIMELINE_YEAR
        positions[node] = (x, row_y[event.entity])
    axis = [
        {"id": f"axis:year:{year}", "label": str(year), "x": (year - first_year) * TIMELINE_YEAR,
         "y": -TIMELINE_ROW}
        for year in range(first_year, last_year + 2)
    ]  # fmt: skip
    return positions, axis


def _options(physics: bool, n: int) -> dict[str, Any]:
    """vis-network options: forceAtlas2 physics that settles within a few hundred
    iterations (the page switches physics off when it has), labels that shrink away when
    zoomed out and return when zoomed in, and hover tooltips."""
    iterations = 250 if n <= 400 else 180
    return {
        "autoResize": True,
        "layout": {"randomSeed": SEED, "improvedLayout": False},
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "scaling": {
                "min": 9, "max": 45,
                "label": {"enabled": False, "maxVisible": 30, "drawThreshold": LABEL_THRESHOLD},
            },
            "font": {"face": "system-ui, 'Noto Sans', 'Noto Sans CJK SC', sans-serif",
                     "size": SMALL_LABEL, "strokeWidth": 4, "strokeColor": "#ffffff",
                     "color": "#1d1d1d"},
            "widthConstraint": {"maximum": 260},
        },
        "edges": {
            "color": {"color": "#b9bec7", "highlight": "#3d4451", "hover": "#3d4451"},
            "font": {"size": 11, "color": "#4a4f59", "strokeWidth": 3,
                     "strokeColor": "#ffffff", "align": "middle"},
            "scaling": {"min": 1, "max": 6, "label": {"enabled": False, "drawThreshold": 10}},
            "smooth": False,
            "selectionWidth": 2,
            "arrows": {"to": {"enabled": False, "scaleFactor": 0.5}},
        },
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -95, "centralGravity": 0.015,
                                 "springLength": 110, "springConstant": 0.07, "damping": 0.55,
                                 "avoidOverlap": 0.8},
            "maxVelocity": 60,
            "minVelocity": 1.5,
            "timestep": 0.45,
            "stabilization": {"enabled": physics, "iterations": iterations,
                              "updateInterval": 50, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n > 600,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
    }  # fmt: skip


def _node_info(data: GraphData, view: View, node: Any) -> dict[str, Any]:
    attrs = view.graph.nodes[node]
    kind = attrs.get("type", "")
    info: dict[str, Any] = {
        "en": attrs.get("en", ""), "zh": attrs.get("zh", ""), "type": kind,
        "typeZh": CLASS_ZH.get(kind, ""), "iri": str(node),
    }  # fmt: skip
    if kind == "Event":
        event: Event = attrs["event"]
        info["dates"] = [f"{event.date} {event.kind} ({KIND_ZH.get(event.kind, '')})"]
        info["quotes"] = _quotes(data, event.sentences)
        return info
    scores = _entity_scores(data)
    comention = _comention_graph(data)
    stats: list[list[Any]] = []
    if attrs.get("iso"):
        stats.append(["ISO code", attrs["iso"]])
    stats += [
        ["stated relations", scores.degree.get(node, 0)],
        ["betweenness (entity graph)", round(scores.betweenness.get(node, 0.0), 4)],
        ["named alongside", comention.degree(node) if node in comention else 0],
        ["mentions in the corpus", attrs.get("mentions", 0)],
    ]
    info["stats"] = stats
    events = data.memo("events by entity", lambda: _events_index(data))
    mentions = data.memo("mentions by entity", lambda: _mention_index(data))
    info["dates"] = [f"{e.date} {e.kind}" for e in events.get(str(node), [])][:6]
    evidence: list[str] = []
    for _u, _v, edge in view.graph.out_edges(node, data=True):
        evidence.extend(edge.get("sentences", [])[:1])
    for _u, _v, edge in view.graph.in_edges(node, data=True):
        evidence.extend(edge.get("sentences", [])[:1])
    evidence.extend(mentions.get(str(node), [])[:4])
    info["quotes"] = _quotes(data, evidence)
    return info


def _edge_info(data: GraphData, relation: str, edge: dict[str, Any]) -> dict[str, Any]:
    label = RELATION_LABELS.get(relation) or EXTRA_LABELS.get(relation, relation)
    info: dict[str, Any] = {"relation": label, "quotes": _quotes(data, edge.get("sentences", []))}
    if relation == "comention":
        info["note"] = f"named together in {edge.get('weight', 1)} sentence(s)"
    elif relation == "shares":
        info["note"] = f"share {edge['weight']}: " + "; ".join(edge.get("shared", [])[:8])
    elif len(edge.get("sentences", [])) > 1:
        info["note"] = f"stated in {len(edge['sentences'])} sentences"
    return info


def _edge_label(relation: str, edge: dict[str, Any]) -> str:
    if relation == "comention":
        return f"×{edge.get('weight', 1)}"
    if relation == "shares":
        return f"shares {edge['weight']}"
    return RELATION_LABELS.get(relation) or EXTRA_LABELS.get(relation, relation)


def _label_sizes(degree: dict[Any, int]) -> dict[Any, float]:
    """On-screen label sizes (px) for the most connected nodes (an eighth of them, at least
    15, with three links or more). Once the layout is fitted the page scales their fonts to
    these sizes and defers any that would overlap a bigger one, so the hubs are named at any
    graph size; other labels are small and appear on zooming in."""
    if not degree:
        return {}
    most = max(degree.values()) or 1
    ranked = top_k(degree, max(15, len(degree) // 8))
    return {
        node: round(11.5 + 6.5 * math.sqrt(value / most), 1) for node, value in ranked if value > 2
    }


def _color(background: str) -> dict[str, Any]:
    return {"background": background, "border": "#ffffff",
            "highlight": {"background": background, "border": "#222222"},
            "hover": {"background": background, "border": "#222222"}}  # fmt: skip


def to_network(data: GraphData, view: View) -> Network:
    """The pyvis network of a view: coloured by class, sized by degree centrality, with
    the structured tooltip data (``info``) that the page turns into DOM text."""
    timeline = view.name == "timeline"
    degree = dict(simple_graph(view.graph).degree())
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    if timeline:
        positions, axis = _timeline_layout(view)
        label_sizes: dict[Any, float] = {}
    else:
        positions, axis = _initial_positions(view.graph), []
        label_sizes = _label_sizes(degree)
    for node in sorted(view.graph, key=str):
        attrs = view.graph.nodes[node]
        kind = attrs.get("type", "")
        options: dict[str, Any] = {
            "cls": kind,
            "value": round(1 + math.sqrt(degree.get(node, 0)), 3),  # hubs do not dwarf all
            "color": _color(CLASS_COLORS.get(kind, "#999999")),
            "info": _node_info(data, view, node),
        }
        if node in label_sizes:  # named hubs push their neighbours back, to make room
            options.update(screenFont=label_sizes[node], mass=3)
        if node in positions:
            options["x"], options["y"] = positions[node]
        if timeline:
            options["fixed"] = True
            if kind == "Event":
                event: Event = attrs["event"]
                options.update(
                    cls=event.kind,
                    shape="diamond",
                    size=9,
                    color=_color(KIND_COLORS.get(event.kind, "#999999")),
                )
            else:
                options.update(
                    shape="box",
                    screenFont=12,
                    screenWidth=380,
                    margin=5,
                    anchorRight=TIMELINE_LABEL_X,
                    font={"color": "#ffffff", "strokeWidth": 0},
                )
        net.add_node(str(node), label=str(attrs.get("label", node)), **options)
    for item in axis:
        net.add_node(
            item["id"], label=item["label"], shape="text", x=item["x"], y=item["y"],
            fixed=True, physics=False, cls="axis", screenFont=14, font={"color": "#4a4f59"},
        )  # fmt: skip
    for u, v, relation, edge in sorted(
        view.graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), e[2])
    ):
        options = {
            "label": "" if timeline and relation == "eventOf" else _edge_label(relation, edge),
            "rel": relation,
            "value": edge.get("weight", 1),
            "info": _edge_info(data, relation, edge),
        }
        directed = relation not in SYMMETRIC and relation != "participant"
        options["arrows"] = {"to": {"enabled": directed, "scaleFactor": 0.5}}
        if relation in ("comention", "participant"):
            options["dashes"] = True
        net.add_edge(str(u), str(v), **options)
    net.options = _options(physics=not timeline, n=view.nodes)  # type: ignore[assignment]
    return net


def _json_for_script(value: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' can end it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):  # fmt: skip
        text = text.replace(char, escape)
    return text


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )


_SOURCE_MAP = re.compile(
    r"^\s*(//[#@]\s*sourceMappingURL=\S*|/\*[#@]\s*sourceMappingURL=\S*\s*\*/)\s*$", re.M
)


@cache
def _asset(path: Path) -> str:
    """A script or stylesheet to inline, without its source-map comment (a page that works
    offline must not point developer tools at a file it does not ship)."""
    text = _SOURCE_MAP.sub("", path.read_text(encoding="utf-8"))
    lowered = text.lower()
    if "</script" in lowered or "</style" in lowered:
        raise BrikgError(f"{path} cannot be inlined: it contains a closing tag")
    return text


def _legend_entries() -> list[tuple[str, str, str, str]]:
    """(name, Chinese name, colour, swatch shape) of every class and event kind."""
    entries = [(name, CLASS_ZH[name], color, "dot") for name, color in CLASS_COLORS.items()]
    entries += [(kind, KIND_ZH[kind], color, "diamond") for kind, color in KIND_COLORS.items()]
    return entries


def render(data: GraphData, view: View, index_link: bool = False) -> str:
    """The view as one self-contained HTML page."""
    net = to_network(data, view)
    nodes, edges, _heading, _height, _width, _options_json = net.get_network_data()
    classes = defaultdict(int)
    for node in nodes:
        classes[node.get("cls", "")] += 1
    relations = defaultdict(int)
    for edge in edges:
        relations[edge["rel"]] += 1
    payload = {
        "view": view.name,
        "smallLabel": SMALL_LABEL,
        "nodes": nodes,
        "edges": edges,
        "options": net.options,
        "classes": [
            {"name": name, "zh": zh, "color": color, "count": classes[name], "shape": shape}
            for name, zh, color, shape in _legend_entries() if classes[name]
        ],
        "relations": [
            {"key": key, "label": RELATION_LABELS.get(key) or EXTRA_LABELS.get(key, key),
             "count": relations[key], "dashed": key in ("comention", "participant")}
            for key in sorted(relations)
        ],
    }  # fmt: skip
    view.options = net.options  # type: ignore[assignment]
    view.drawn_nodes, view.drawn_edges = len(nodes), len(edges)
    template = _environment().get_template("view.html")
    view.html = template.render(
        title=view.title,
        description=view.description,
        notice=view.notice,
        node_count=len(nodes),
        edge_count=len(edges),
        index_link=index_link,
        legend_note=view.legend_note,
        vis_css=_asset(PYVIS_LIB / "vis-network.css"),
        vis_js=_asset(PYVIS_LIB / "vis-network.min.js"),
        app_css=_asset(TEMPLATES / "view.css"),
        app_js=_asset(TEMPLATES / "view.js"),
        data_json=_json_for_script(payload),
    )
    return view.html


def render_index(views: list[View]) -> str:
    """The index page that links every view, with its size and any notice."""
    template = _environment().get_template("index.html")
    return template.render(views=views, app_css=_asset(TEMPLATES / "view.css"))


def write_view(data: GraphData, view: View, path: Path) -> Path:
    """Render one view and write it atomically."""
    atomic_write(path, render(data, view))
    return path


def write_views(data: GraphData, out_dir: Path, views: list[View] | None = None) -> list[View]:
    """Render the main views and index.html into ``out_dir``: all of them, or none."""
    views = views if views is not None else main_views(data)
    with StagedOutputs(out_dir) as stage:
        for view in views:
            stage.write(f"{view.name}.html", render(data, view, index_link=True))
        stage.write("index.html", render_index(views))
    return views
