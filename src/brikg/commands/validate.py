"""``brikg validate``: SHACL shapes, quote checks and OWL reasoning on a built graph."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from brikg.commands import format_option, path_option
from brikg.store import DEFAULT_DATA
from brikg.validate import OWL_MODES, validate_file


@click.command()
@click.argument("path", type=click.Path(path_type=Path), default=DEFAULT_DATA, required=False)
@click.option(
    "--owl",
    type=click.Choice(OWL_MODES),
    default="entities",
    show_default=True,
    help="What HermiT reasons over: entities (types and relations; mentions and selectors are "
    "left to SHACL), full (every OWL assertion; slow), or none.",
)
@path_option(
    "--corpus",
    "corpus_dir",
    help_text="Also check every quote against the source files in this folder (and their SHA-256).",
)
@format_option("text", "json", help_text="text for reading, json for tools.")
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=5,
    show_default=True,
    help="Example nodes shown per broken rule.",
)
def validate(path: Path, owl: str, corpus_dir: Path | None, output_format: str, limit: int) -> None:
    """Check a graph file (default graph/brikg.trig): exit 0 if valid, 1 if not.

    SHACL (ontology/shapes.ttl) checks that every entity is typed and labelled and every
    fact, event and quantity has its provenance; the quote check that every quote matches its
    offsets; HermiT (through owlready2) that the data is consistent with ontology/brikg.ttl.
    Exit status 2 means the file could not be read.
    """
    report = validate_file(path, owl=owl, corpus_dir=corpus_dir)
    if output_format == "json":
        click.echo(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(report.render(limit=limit))
    if not report.valid:
        sys.exit(1)
