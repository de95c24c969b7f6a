"""Atomic file output: a failed or interrupted run never leaves a half-written file.

Every file is written to a temporary name in its destination folder and renamed into place
(``os.replace`` is atomic on POSIX). A :class:`StagedOutputs` batch renames nothing until every
file of the batch is fully written, so a build either replaces all of graph/ or none of it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from types import TracebackType

from brikg.errors import BrikgError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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
        target.parent.mkdir(parents=True, exist_ok=True)
        payload = data.encode("utf-8") if isinstance(data, str) else data
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
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
        if kind is None:
            for temp, target in self._staged:
                os.replace(temp, target)
        else:
            for temp, _target in self._staged:
                temp.unlink(missing_ok=True)
        self._staged.clear()
