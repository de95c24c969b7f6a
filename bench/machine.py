"""What a benchmark ran on: the processor and the Python interpreter, for every bench script.

The interpreter is named by its file, not only its version: the same CPython release runs
brikg's pure-Python recognisers at different speeds depending on how it was compiled (a
profile-guided, link-time optimised build such as Debian's or python.org's, or pyenv's
default build without either), so two results compare only on the same interpreter.
"""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path


def cpu_model() -> str:
    """The processor's model name (Linux), "unknown" elsewhere."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def interpreter() -> str:
    """Python's version, the interpreter's file (a virtual environment's python resolved to
    the one it links to) and when and with what it was compiled."""
    built = platform.python_build()[1]
    return (
        f"Python {platform.python_version()} ({os.path.realpath(sys.executable)}, "
        f"built {built} with {platform.python_compiler()})"
    )


def describe() -> str:
    """One line: processor, cores and interpreter."""
    return f"{cpu_model()}, {os.cpu_count()} cores visible; {interpreter()}"
