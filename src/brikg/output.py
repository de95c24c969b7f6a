"""Atomic file output: a failed or interrupted run never leaves a half-written file.

Every file is written to a temporary name in its destination folder and renamed into place
(``os.replace`` is atomic on POSIX). A :class:`StagedOutputs` batch renames nothing until every
file of the batch is fully written, so a build either replaces all of graph/ or none of it.
"""

from __future__ import annotations

import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from brikg.errors import BrikgError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class InterruptedAfterCommit(KeyboardInterrupt):
    """Ctrl-C arrived while a batch was being renamed into place: the batch was finished first,
    so the outputs are all new rather than all old."""


def check_writable(folder: Path) -> None:
    """Fail early, changing nothing, if ``folder`` cannot be created or written.

    Commands call this before their long work, so that a bad ``--out`` is reported in a
    second rather than after the build, and no empty folder is left behind.
    """
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise BrikgError(f"cannot create output folder {folder}: {existing} is not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise BrikgError(f"output folder is not writable: {existing}")


def _writable_dir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BrikgError(f"cannot create output folder {folder}: {error.strerror}") from error
    if not os.access(folder, os.W_OK):
        raise BrikgError(f"output folder is not writable: {folder}")


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file and an atomic rename."""
    with StagedOutputs(path.parent) as stage:
        stage.write(path.name, data)


class StagedOutputs:
    """Collects files in temporaries; on a clean exit renames them all into place."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._staged: list[tuple[Path, Path]] = []

    def __enter__(self) -> StagedOutputs:
        _writable_dir(self.folder)
        return self

    def write(self, name: str, data: bytes | str) -> Path:
        target = self.folder / name
        payload = data.encode("utf-8") if isinstance(data, str) else data
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temp_name = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
            )
        except OSError as error:
            raise BrikgError(f"cannot write {target}: {error.strerror or error}") from error
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(payload)
        except OSError as error:
            Path(temp_name).unlink(missing_ok=True)
            raise BrikgError(f"cannot write {target}: {error.strerror}") from error
        os.chmod(temp_name, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are for sharing
        self._staged.append((Path(temp_name), target))
        return target

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        staged, self._staged = self._staged, []
        if kind is not None:
            for temp, _target in staged:
                temp.unlink(missing_ok=True)
            return
        with deferred_interrupt() as interrupted:
            for number, (temp, target) in enumerate(staged):
                try:
                    os.replace(temp, target)
                except OSError as error:
                    for later, _target in staged[number:]:
                        later.unlink(missing_ok=True)
                    raise BrikgError(
                        f"cannot replace {target}: {error.strerror or error}"
                    ) from error
        if interrupted:
            raise InterruptedAfterCommit


@contextmanager
def deferred_interrupt() -> Iterator[list[int]]:
    """Hold back Ctrl-C while a batch is renamed into place, so that it is never half done.

    Yields a list that holds the signal if one arrived; the caller raises
    :class:`InterruptedAfterCommit` afterwards. Any code that renames several outputs into
    place should do it inside this block. Signal handlers can only be set from the main
    thread; elsewhere nothing is deferred.
    """
    received: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield received
        return
    previous = signal.signal(signal.SIGINT, lambda number, _frame: received.append(number))
    try:
        yield received
    finally:
        signal.signal(signal.SIGINT, previous)
