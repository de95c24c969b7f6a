"""Click commands, one module per command family; each is a thin shell over the library."""

from __future__ import annotations

from collections.abc import Callable
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
