"""``brikg query``, ``serve``, ``export`` and ``push``: the graph, asked and shared."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from brikg.commands import path_option
from brikg.store import DEFAULT_DATA, ENGINES, Result, results_bytes, shorten

_data_option = path_option(
    "--data",
    default=DEFAULT_DATA,
    help_text="RDF file to query (TriG, N-Quads, Turtle, N-Triples, JSON-LD, RDF/XML), or a graph "
    "folder (its brikg.trig).",
)


@click.command()
@click.argument("query", required=False)
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="Bind a parameter declared in the query header (repeatable).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "tsv", "json", "xml"]),
    default=None,
    help="Output format [default: table on a terminal, csv otherwise].",
)
@click.option(
    "--engine",
    type=click.Choice(list(ENGINES)),
    default="oxigraph",
    show_default=True,
    help="oxigraph (fast) or rdflib (reference).",
)
@_data_option
@click.option("--list", "list_queries", is_flag=True, help="List the bundled queries and exit.")
def query(
    query: str | None,
    params: tuple[str, ...],
    output_format: str | None,
    engine: str,
    data: Path,
    list_queries: bool,
) -> None:
    """Run a SPARQL query: a bundled query's NAME or a FILE.rq, with typed parameters."""
    from brikg.errors import UsageError
    from brikg.queries import library, parse_params, resolve
    from brikg.store import open_engine

    if list_queries:
        for name, named in library().items():
            click.echo(f"{name}\t{named.question}")
        return
    if not query:
        raise UsageError("give a query NAME or FILE.rq (brikg query --list shows the names)")
    named = resolve(query)
    values = parse_params(params)
    store = open_engine(data, engine)
    result = store.query(named.text, named.bindings(values, store))
    fmt = output_format or ("table" if sys.stdout.isatty() else "csv")
    if fmt == "table":
        _print_table(result, named.question or named.name)
    else:
        data_bytes = results_bytes(result, fmt if result.kind != "graph" else "ttl")
        sys.stdout.buffer.write(data_bytes)
        sys.stdout.flush()


def _print_table(result: Result, title: str) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console()
    if result.kind == "ask":
        console.print("yes" if result.boolean else "no")
        return
    if result.kind == "graph":
        sys.stdout.buffer.write(results_bytes(result, "ttl"))
        return
    table = Table(*result.variables, title=escape(title), title_justify="left")
    for row in result.rows:
        table.add_row(*(escape(shorten(term)) for term in row))
    console.print(table)
    console.print(f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=int, help="Port to listen on.")
@_data_option
@click.option(
    "--timeout",
    default=10.0,
    show_default=True,
    type=float,
    help="Seconds a query may run before it is stopped (HTTP 503).",
)
@click.option(
    "--max-rows",
    default=10000,
    show_default=True,
    type=int,
    help="Largest result returned; larger results are refused with a message.",
)
@click.option(
    "--allow-service",
    is_flag=True,
    help="Allow SERVICE (federated) queries, which make the server fetch other URLs.",
)
@click.option("--workers", default=2, show_default=True, type=int, help="Query worker processes.")
def serve(
    host: str,
    port: int,
    data: Path,
    timeout: float,
    max_rows: int,
    allow_service: bool,
    workers: int,
) -> None:
    """A read-only SPARQL 1.1 endpoint at /sparql and a query page at /."""
    from brikg.errors import UsageError
    from brikg.serve import ServeConfig, run_server

    if timeout <= 0 or max_rows <= 0 or workers <= 0:
        raise UsageError("--timeout, --max-rows and --workers must be positive")
    run_server(
        ServeConfig(
            host=host,
            port=port,
            data=data,
            timeout=timeout,
            max_rows=max_rows,
            allow_service=allow_service,
            workers=workers,
        )
    )


@click.command()
@click.option(
    "--format",
    "export_format",
    type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "xml", "graphml", "csv"]),
    required=True,
    help="RDF syntax, graphml (the entity graph) or csv (one row per relation).",
)
@path_option("--out", help_text="File to write [default: standard output].")
@_data_option
def export(export_format: str, out: Path | None, data: Path) -> None:
    """Export the graph for other tools and triple stores."""
    from brikg.export import export_bytes
    from brikg.output import atomic_write
    from brikg.store import load_quads

    payload = export_bytes(load_quads(data), export_format)
    if out is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    else:
        atomic_write(out, payload)
        click.echo(f"wrote {out} ({len(payload)} bytes)", err=True)


@click.command()
@click.option(
    "--endpoint",
    required=True,
    help="Graph Store HTTP Protocol URL, e.g. http://localhost:7878/store (Oxigraph).",
)
@click.option(
    "--graph",
    "graph_iri",
    default=None,
    help="Push everything into this one named graph instead of one graph per document.",
)
@_data_option
@click.option(
    "--format",
    "push_format",
    type=click.Choice(["ttl", "nt"]),
    default="ttl",
    show_default=True,
    help="Request body syntax: Turtle or N-Triples.",
)
@click.option("--timeout", default=60.0, show_default=True, type=float, help="Seconds per request.")
def push(
    endpoint: str, graph_iri: str | None, data: Path, push_format: str, timeout: float
) -> None:
    """Upload the graph to a triple store with HTTP PUT, one named graph at a time."""
    from brikg.push import push_graphs
    from brikg.store import load_quads

    for line in push_graphs(load_quads(data), endpoint, graph_iri, push_format, timeout):
        click.echo(line)
