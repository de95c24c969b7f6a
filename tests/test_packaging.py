"""The wheel is a working install: it carries the ontology and the query library (which live
beside src/ in the repository), and brikg run from it, with no checkout in reach, builds and
queries a graph of an invented document."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

DOCUMENT = (
    "The Velmoro Port Authority will build the Tarsk-Velmar Railway in Kenya by March 2027.\n"
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built as pip builds it for an install from the repository."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", out, ROOT],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (built,) = out.glob("brikg-*.whl")
    return built


def _expected_files() -> set[str]:
    """What an install needs: every module and web file of the package, and the repository's
    ontology and queries at the places brikg.resources looks for them in an install."""
    package = ROOT / "src" / "brikg"
    files = {
        f"brikg/{path.relative_to(package).as_posix()}"
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    files |= {f"brikg/ontology/{path.name}" for path in (ROOT / "ontology").glob("*.ttl")}
    files |= {f"brikg/sparql/{path.name}" for path in (ROOT / "queries").glob("*.rq")}
    return files


def test_wheel_holds_the_package_ontology_and_queries(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    packaged = {name for name in names if not name.startswith("brikg-")}  # not the dist-info
    assert packaged == _expected_files()


def test_installed_wheel_builds_and_queries_a_graph(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)  # an install is the wheel's files laid out
    work = tmp_path / "work"  # no repository in reach: not the cwd, not beside the package
    (work / "corpus").mkdir(parents=True)
    (work / "corpus" / "velmoro.txt").write_text(DOCUMENT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site)}

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "brikg", *args],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    where = subprocess.run(
        [sys.executable, "-c", "import brikg.resources as r; print(r.ONTOLOGY_DIR, r.QUERIES_DIR)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert where == [str(site / "brikg" / "ontology"), str(site / "brikg" / "sparql")]

    mentions = [
        json.loads(line)
        for line in run("extract", "--format", "jsonl", "corpus/velmoro.txt").splitlines()
    ]
    entities = {m["text"]: m.get("entity") for m in mentions if m.get("kind") == "entity"}
    assert entities["Kenya"] == "country/ke"  # the lexicon, read from the wheel's ontology
    assert "Tarsk-Velmar Railway" in entities

    run("build", "--corpus", "corpus", "--out", "graph")
    listed = run("query", "--list")
    assert all(path.stem in listed for path in (ROOT / "queries").glob("*.rq"))
    projects = run(
        "query", "projects-by-country", "-p", "country=Kenya", "--format", "csv", "--data", "graph"
    )
    assert (
        "KE,https://w3id.org/brikg/id/project/tarsk-velmar-railway,Tarsk-Velmar Railway" in projects
    )
