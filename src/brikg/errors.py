"""Errors that brikg reports to a user as one line, rather than a traceback."""

from __future__ import annotations

from pathlib import Path


class BrikgError(Exception):
    """An expected failure with a message meant for the user."""

    exit_code = 1


class DocumentError(BrikgError):
    """A document that cannot be read; the build reports it and goes on with the others."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


class UsageError(BrikgError):
    """Input that is well-formed for the shell but wrong for brikg (bad path, bad option)."""

    exit_code = 2
