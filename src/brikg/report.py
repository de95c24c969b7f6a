"""Analyses as text (terminal tables, Markdown, JSON) and the Markdown report with its charts.

The report is ``report.md`` with PNG charts in ``report/`` beside it, drawn by matplotlib's
Agg backend (no display needed). Nothing in it depends on the clock or the machine, so the
same graph gives the same report, and a diff of two reports shows what a change did.
"""

from __future__ import annotations

import io
import json
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from brikg.analysis import (
    SEED,
    Analysis,
    GraphData,
    Table,
    analyze,
    country_project_graph,
    country_projection,
    entity_graph,
    events_by_year,
    simple_graph,
    top_k,
)
from brikg.output import StagedOutputs
from brikg.viz import CLASS_COLORS, KIND_COLORS
from brikg.vocab import EVENT_KINDS

HIDDEN_IN_TEXT = {"iri"}
"""Columns that JSON keeps but tables for reading leave out (long, and the label says it)."""


def _cell(value: Any, column: str = "") -> str:
    if "year" in column:  # 2024, not 2,024
        return str(value)
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value else "0"
    if isinstance(value, int):
        return f"{value:,}"
    return "" if value is None else str(value)


def _visible(table: Table) -> tuple[list[str], list[list[str]]]:
    keep = [i for i, column in enumerate(table.columns) if column not in HIDDEN_IN_TEXT]
    columns = [table.columns[i].strip() for i in keep]
    rows = [[_cell(row[i], table.columns[i]) for i in keep] for row in table.rows]
    return columns, rows


def _md_escape(text: str) -> str:
    """Table-cell text that no Markdown renderer turns into markup or HTML."""
    return (
        " ".join(text.split())
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
    )


def markdown_table(table: Table) -> str:
    columns, rows = _visible(table)
    if not rows:
        return "_(none)_\n"
    numeric = [all(_is_number(row[i]) for row in rows) for i in range(len(columns))]
    lines = [
        "| " + " | ".join(_md_escape(c) for c in columns) + " |",
        "|" + "|".join("---:" if n else "---" for n in numeric) + "|",
    ]
    lines += ["| " + " | ".join(_md_escape(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True


def _summary_table(analysis: Analysis) -> Table:
    rows = [[k, _cell(v, k)] for k, v in analysis.summary.items()]
    return Table("Summary", ["measure", "value"], rows)


def to_markdown(analyses: Sequence[Analysis], level: int = 2) -> str:
    """Analyses as Markdown sections: a description, the summary, then each table."""
    out = []
    hashes = "#" * level
    for analysis in analyses:
        out.append(f"{hashes} {analysis.title}\n\n{analysis.description}\n")
        out.append(markdown_table(_summary_table(analysis)))
        for table in analysis.tables:
            out.append(f"{hashes}# {table.title}\n\n{markdown_table(table)}")
    return "\n".join(out)


def to_json(analyses: Sequence[Analysis]) -> str:
    return (
        json.dumps(
            {analysis.name: analysis.to_json() for analysis in analyses},
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


def to_text(analyses: Sequence[Analysis], width: int = 140) -> str:
    """Analyses as terminal tables (rich), rendered to a string so they can also go to a file."""
    from rich.console import Console
    from rich.table import Table as RichTable

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, color_system=None)
    for analysis in analyses:
        console.rule(analysis.title)
        console.print(analysis.description, markup=False, highlight=False)
        summary = RichTable("measure", "value", title="Summary", title_justify="left")
        for key, value in analysis.summary.items():
            summary.add_row(key, _cell(value, key))
        console.print(summary)
        for table in analysis.tables:
            columns, rows = _visible(table)
            shown = RichTable(*columns, title=table.title, title_justify="left")
            for row in rows:
                shown.add_row(*row)
            console.print(shown)
    return buffer.getvalue()


def render(analyses: Sequence[Analysis], output_format: str) -> str:
    if output_format == "json":
        return to_json(analyses)
    if output_format == "markdown":
        return to_markdown(analyses)
    return to_text(analyses)


# ---------------------------------------------------------------------------------------
# Charts
# ---------------------------------------------------------------------------------------


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.size": 9, "axes.spines.top": False, "axes.spines.right": False})
    return plt


def _png(figure: Any) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight",
                   metadata={"Software": None})  # fmt: skip
    _pyplot().close(figure)
    return buffer.getvalue()


def chart_classes(data: GraphData) -> bytes:
    """Entities per class, bars coloured as in the interactive views."""
    plt = _pyplot()
    counts = Counter(entity.type for entity in data.entities.values())
    names = [name for name in CLASS_COLORS if counts[name]]
    figure, axes = plt.subplots(figsize=(6.4, 2.8))
    bars = axes.bar(names, [counts[n] for n in names], color=[CLASS_COLORS[n] for n in names])
    axes.bar_label(bars, padding=2)
    axes.set_ylabel("entities")
    axes.set_title("Entities per class")
    axes.tick_params(axis="x", rotation=30)
    return _png(figure)


def chart_top_entities(data: GraphData, k: int = 15) -> bytes:
    """The most connected entities of the entity graph (degree), coloured by class."""
    plt = _pyplot()
    graph = entity_graph(data)
    degree = dict(simple_graph(graph).degree())
    ranked = list(reversed(top_k(degree, k)))
    figure, axes = plt.subplots(figsize=(6.4, 0.28 * len(ranked) + 0.9))
    labels = [_short(data.entities[n].label) for n, _ in ranked]
    colors = [CLASS_COLORS.get(data.entities[n].type, "#999999") for n, _ in ranked]
    bars = axes.barh(labels, [v for _, v in ranked], color=colors)
    axes.bar_label(bars, padding=2)
    axes.set_xlabel("stated relations (degree)")
    axes.set_title(f"Most connected entities (top {len(ranked)})")
    return _png(figure)


def chart_events(data: GraphData) -> bytes:
    """Events per year, stacked by kind."""
    plt = _pyplot()
    per_year = events_by_year(data.events)
    figure, axes = plt.subplots(figsize=(6.4, 2.9))
    if per_year:
        years = list(range(min(per_year), max(per_year) + 1))
        bottom = [0] * len(years)
        for kind in EVENT_KINDS:
            values = [per_year.get(year, {}).get(kind, 0) for year in years]
            if any(values):
                axes.bar(years, values, bottom=bottom, label=kind, color=KIND_COLORS[kind])
                bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        axes.set_xticks(years)
        axes.tick_params(axis="x", rotation=45)
        axes.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    axes.set_ylabel("events")
    axes.set_title("Dated events per year, by kind")
    return _png(figure)


def chart_countries(data: GraphData, k: int = 30) -> bytes:
    """The countries of the projection that share something (the ``k`` with the most projects
    and mechanisms), drawn with a seeded spring layout; node area grows with that number."""
    plt = _pyplot()
    bipartite = country_project_graph(data)
    projection = country_projection(bipartite)
    figure, axes = plt.subplots(figsize=(6.4, 4.6))
    axes.set_axis_off()
    axes.set_title("Countries linked by shared projects and mechanisms")
    linked = [n for n in projection if projection.degree(n) > 0]
    keep = [n for n, _ in top_k({n: bipartite.degree(n) for n in linked}, k)]
    graph = projection.subgraph(keep)
    if graph.number_of_nodes():
        positions = nx.spring_layout(graph, seed=SEED, weight=None, k=1.6, method="force")
        widths = [0.6 + graph.edges[e]["weight"] for e in graph.edges]
        nx.draw_networkx_edges(graph, positions, ax=axes, width=widths, edge_color="#b9bec7")
        sizes = [30 + 70 * math.sqrt(bipartite.degree(n)) for n in graph]
        nx.draw_networkx_nodes(graph, positions, ax=axes, node_size=sizes,
                               node_color=CLASS_COLORS["Country"])  # fmt: skip
        nx.draw_networkx_labels(graph, positions, ax=axes, font_size=7,
                                labels={n: graph.nodes[n]["label"] for n in graph})  # fmt: skip
    return _png(figure)


def _short(text: str, length: int = 42) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


CHARTS = {
    "classes.png": ("Entities per class", chart_classes),
    "top-entities.png": ("Most connected entities", chart_top_entities),
    "countries.png": ("Countries linked by shared projects and mechanisms", chart_countries),
    "events-per-year.png": ("Dated events per year", chart_events),
}


# ---------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------


def report_markdown(data: GraphData, analyses: Sequence[Analysis], chart_dir: str) -> str:
    """The whole report as Markdown; charts are linked from ``chart_dir`` (relative)."""
    counts = Counter(entity.type for entity in data.entities.values())
    by_class = ", ".join(f"{counts[n]:,} {n}" for n in CLASS_COLORS if counts[n])
    images = {name: f"![{title}]({chart_dir}/{name})" for name, (title, _) in CHARTS.items()}
    lines = [
        "# brikg graph report",
        "",
        f"Computed by `brikg report` from `{Path(data.source).name}`: "
        f"{len(data.documents):,} documents, {len(data.entities):,} entities ({by_class}), "
        f"{len(data.relations):,} stated facts, {len(data.events):,} dated events and "
        f"{len(data.mentions):,} entity mentions. Only relations read from a document "
        "(`brikg:Fact`, each with its sentence) are counted; the lexicon's own links are not. "
        "Communities are Louvain with seed 42, so the same graph gives the same report.",
        "",
        images["classes.png"],
        "",
        "Run `brikg analyze --kind KIND --format json` for the same numbers as JSON, with IRIs.",
        "",
    ]
    placed = {"entity": "top-entities.png", "countries": "countries.png",
              "events": "events-per-year.png"}  # fmt: skip
    for analysis in analyses:
        lines.append(to_markdown([analysis]).rstrip("\n"))
        if analysis.name in placed:
            lines += ["", images[placed[analysis.name]]]
        lines.append("")
    return "\n".join(lines)


def write_report(data: GraphData, out_dir: Path, k: int = 10) -> list[Path]:
    """Write ``report.md`` and its charts (``report/*.png``) into ``out_dir``, atomically."""
    analyses = analyze(data, "all", k)
    written = []
    with StagedOutputs(out_dir) as stage:
        for name, (_title, draw) in CHARTS.items():
            written.append(stage.write(f"report/{name}", draw(data)))
        written.append(stage.write("report.md", report_markdown(data, analyses, "report")))
    return written
