"""Click commands, one module per command family; each is a thin shell over the library."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def format_option(*choices: str, help_text: str | None = None) -> Callable[[F], F]:
    """``--format`` as the commands spell it (into ``output_format``), the first choice the
    default, so every command's help shows its formats the same way."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help=help_text,
    )


def path_option(*names: str, default: Path | None = None, help_text: str) -> Callable[[F], F]:
    """An option naming a file or folder, handed to the command as a Path, its default shown."""
    return click.option(
        *names,
        type=click.Path(path_type=Path),
        default=default,
        show_default=default is not None,
        help=help_text,
    )
