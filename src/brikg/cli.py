"""The ``brikg`` command line: a thin click shell over the library API.

Each command family is a module in ``brikg.commands`` over the library API, registered here,
so that the CLI stays a list of commands and every feature also works from Python.
"""

from __future__ import annotations

import sys

import click

from brikg import __version__
from brikg.errors import BrikgError
from brikg.output import InterruptedAfterCommit


class BrikgGroup(click.Group):
    """Turns expected failures into one clear line and exit status 1; ``--debug`` shows more."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except BrikgError as error:
            if ctx.meta.get("brikg.debug"):
                raise
            click.echo(f"brikg: error: {error}", err=True)
            sys.exit(error.exit_code)
        except InterruptedAfterCommit:
            click.echo("brikg: interrupted; the outputs had just been written in full", err=True)
            sys.exit(130)
        except KeyboardInterrupt:
            click.echo("brikg: interrupted; outputs left as they were", err=True)
            sys.exit(130)


@click.group(cls=BrikgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="brikg")
@click.option("--debug", is_flag=True, help="Show full tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """brikg: a knowledge graph of the Belt and Road Initiative, from primary documents."""
    ctx.meta["brikg.debug"] = debug


def _register() -> None:
    from brikg.commands.analysis import analyze, report, viz
    from brikg.commands.build import build, evaluate, extract
    from brikg.commands.sparql import export, push, query, serve
    from brikg.commands.validate import validate

    for command in (build, extract, evaluate, analyze, report, viz, validate):
        cli.add_command(command)
    for command in (query, serve, export, push):
        cli.add_command(command)


try:
    _register()
except KeyboardInterrupt:  # Ctrl-C while the commands' libraries are still loading
    click.echo("brikg: interrupted", err=True)
    sys.exit(130)


def main() -> None:
    cli()
