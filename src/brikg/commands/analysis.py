"""``brikg analyze``, ``brikg report`` and ``brikg viz``: numbers, a report and interactive
views of a built graph. Thin shells over brikg.analysis, brikg.report and brikg.viz."""

from __future__ import annotations

import time
from pathlib import Path

import click

from brikg.commands import format_option, path_option
from brikg.errors import UsageError

DATA_OPTION = path_option(
    "--data",
    "data_path",
    default=Path("graph"),
    help_text="Graph folder (holding brikg.trig) or a .trig file.",
)


def _graph_folder(data_path: Path) -> Path:
    return data_path if data_path.is_dir() or data_path.suffix == "" else data_path.parent


@click.command()
@DATA_OPTION
@click.option(
    "--kind",
    type=click.Choice(
        ["entity", "countries", "mechanisms", "corridors", "comention", "events", "all"]
    ),  # fmt: skip
    default="all",
    show_default=True,
    help="Which analysis to run.",
)
@format_option("table", "json", "markdown")
@click.option("--top", "k", type=click.IntRange(min=1), default=10, show_default=True,
              help="Rows in each top-k table.")  # fmt: skip
@path_option("--out", "out_path", help_text="Write to this file instead of standard output.")
def analyze(data_path: Path, kind: str, output_format: str, k: int, out_path: Path | None) -> None:
    """Network analyses: centrality, communities, components, events over time."""
    from brikg.analysis import analyze as run_analyses
    from brikg.analysis import load_graph
    from brikg.output import atomic_write
    from brikg.report import render

    text = render(run_analyses(load_graph(data_path), kind, k), output_format)
    if out_path is None:
        click.echo(text, nl=False)
    else:
        atomic_write(out_path, text)
        click.echo(f"wrote {out_path}")


@click.command()
@DATA_OPTION
@path_option(
    "--out",
    "out_dir",
    help_text="Folder for report.md and report/*.png [default: the graph folder].",
)
@click.option("--top", "k", type=click.IntRange(min=1), default=10, show_default=True)
def report(data_path: Path, out_dir: Path | None, k: int) -> None:
    """Write a Markdown report (report.md) with charts (report/*.png) of the graph."""
    from brikg.analysis import load_graph
    from brikg.report import write_report

    started = time.perf_counter()
    out_dir = out_dir or _graph_folder(data_path)
    written = write_report(load_graph(data_path), out_dir, k)
    click.echo(
        f"wrote {out_dir / 'report.md'} and {len(written) - 1} charts in "
        f"{time.perf_counter() - started:.1f} s"
    )


@click.command()
@DATA_OPTION
@click.option(
    "--kind",
    type=click.Choice(
        [
            "all",
            "overview",
            "corridors",
            "countries",
            "mechanisms",
            "timeline",
            "comention",
            "country",
            "entity",
        ]
    ),  # fmt: skip
    default="all",
    show_default=True,
    help="A view, or all the main views with an index page. "
    "country takes an ISO code (CN), entity an IRI, 'type/slug' or a label.",
)
@click.argument("target", required=False)
@path_option(
    "--out",
    "out_path",
    help_text="HTML file for one view, folder for all [default: <graph folder>/viz/].",
)
@click.option("--max-nodes", type=click.IntRange(min=10), default=1500, show_default=True,
              help="Larger views keep only their most central nodes.")  # fmt: skip
def viz(
    data_path: Path, kind: str, target: str | None, out_path: Path | None, max_nodes: int
) -> None:
    """Interactive, offline HTML views of the graph (pyvis / vis-network)."""
    from brikg.analysis import load_graph
    from brikg.viz import main_views, make_view, write_view, write_views

    started = time.perf_counter()
    data = load_graph(data_path)
    if kind == "all":
        if target:
            raise UsageError(f"--kind all takes no target (got {target!r})")
        out_dir = out_path or _graph_folder(data_path) / "viz"
        views = write_views(data, out_dir, main_views(data, max_nodes))
        for view in views:
            click.echo(f"{out_dir / (view.name + '.html')}: {view.nodes:,} nodes, "
                       f"{view.edges:,} edges")  # fmt: skip
            if view.notice:
                click.echo(f"  note: {view.notice}")
        click.echo(
            f"wrote {len(views)} views and {out_dir / 'index.html'} in "
            f"{time.perf_counter() - started:.1f} s"
        )
        return
    view = make_view(data, kind, target, max_nodes)
    path = out_path or _graph_folder(data_path) / "viz" / f"{view.name}.html"
    write_view(data, view, path)
    click.echo(f"wrote {path}: {view.nodes:,} nodes, {view.edges:,} edges "
               f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
    if view.notice:
        click.echo(f"note: {view.notice}")
