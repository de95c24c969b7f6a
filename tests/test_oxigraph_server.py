"""brikg in a real triple store: an Oxigraph server (the ``oxigraph`` binary of the test extras).

``brikg push`` uploads the graph over the Graph Store HTTP Protocol, and the graph of an
invented document that plans events (which no bundled document does); every bundled query then
runs over HTTP and must return the rows the embedded store returns. The server is always
stopped, whatever happens.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PLANS, brikg, build_graph
from pyoxigraph import Literal, Quad, QueryResultsFormat, RdfFormat, parse_query_results, serialize

from brikg.queries import library
from brikg.store import OxigraphEngine, Result, Term, comparable_rows, load_quads
from brikg.vocab import ID

BIN = Path(sys.executable).parent
OXIGRAPH = BIN / "oxigraph"

pytestmark = pytest.mark.skipif(
    not OXIGRAPH.exists(), reason="the oxigraph server binary comes with the test extras"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    location = tmp_path_factory.mktemp("oxigraph-store")
    port = free_port()
    process = subprocess.Popen(
        [str(OXIGRAPH), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise AssertionError(f"oxigraph exited: {process.stderr.read().decode()}")  # type: ignore[union-attr]
            try:
                with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=5):
                    break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Quad]]:
    """The invented document's own graph (its lexicon and ontology graphs are the bundled
    build's), as an N-Quads file and as quads."""
    folder = tmp_path_factory.mktemp("plans")
    graph = build_graph(folder, PLANS)
    quads = [
        q for q in load_quads(graph / "brikg.trig") if q.graph_name.value == ID + "graph/plans"
    ]
    assert quads
    path = folder / "plans.nq"
    serialize(quads, path, RdfFormat.N_QUADS)
    return path, quads


@pytest.fixture(scope="module")
def pushed(store_url: str, built_graph: Path, plans: tuple[Path, list[Quad]]) -> str:
    for data, graph in ((built_graph / "brikg.trig", "scio-2023-white-paper"), (plans[0], "plans")):
        result = brikg("push", "--endpoint", f"{store_url}/store", "--data", str(data))
        assert result.returncode == 0, result.stderr
        assert f"PUT <https://w3id.org/brikg/id/graph/{graph}>" in result.stdout
    return store_url


@pytest.fixture(scope="module")
def embedded(built_graph: Path, plans: tuple[Path, list[Quad]]) -> OxigraphEngine:
    return OxigraphEngine(load_quads(built_graph / "brikg.trig") + plans[1])


def with_values(text: str, bindings: dict[str, Term]) -> str:
    """Bind parameters for a store that has no binding protocol: a VALUES row of serialised
    RDF terms at the top of the outer WHERE group (terms, not user text, go in)."""
    if not bindings:
        return text
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(str(term) for term in bindings.values())
    match = re.search(r"^WHERE \{", text, flags=re.MULTILINE)
    assert match, "bundled queries start their outer group with 'WHERE {' on its own line"
    return f"{text[: match.end()]}\n  VALUES ({names}) {{ ({terms}) }}{text[match.end() :]}"


def remote_select(url: str, text: str) -> Result:
    """A SELECT over HTTP; the default graph is the union of the pushed named graphs."""
    request = urllib.request.Request(
        f"{url}/query?union-default-graph",
        data=text.encode("utf-8"),
        headers={
            "Content-Type": "application/sparql-query",
            "Accept": "application/sparql-results+json",
        },
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        solutions = parse_query_results(response.read(), format=QueryResultsFormat.JSON)
        variables = [v.value for v in solutions.variables]
        rows = [tuple(solution[v] for v in variables) for solution in solutions]
    return Result("select", variables=variables, rows=rows)


def test_pushed_graphs_are_in_the_store(pushed: str) -> None:
    result = remote_select(
        pushed,
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g",
    )
    graphs = {row[0].value for row in result.rows}
    assert "https://w3id.org/brikg/id/graph/lexicon" in graphs
    assert "https://w3id.org/brikg/ontology" in graphs
    assert "https://w3id.org/brikg/id/graph/xinhua-2023-white-paper-connectivity" in graphs


@pytest.mark.parametrize("name", sorted(library()))
def test_bundled_query_same_rows_over_http(
    name: str, pushed: str, embedded: OxigraphEngine
) -> None:
    query = library()[name]
    bindings = query.bindings(None, embedded)
    local = embedded.query(query.text, bindings)
    remote = remote_select(pushed, with_values(query.text, bindings))
    assert remote.variables == local.variables
    assert local.rows
    assert comparable_rows(remote) == comparable_rows(local)


def test_push_into_one_graph(store_url: str, built_graph: Path) -> None:
    graph = "https://example.org/brikg-all"
    data = str(built_graph / "brikg.ttl")
    result = brikg("push", "--endpoint", f"{store_url}/store", "--graph", graph, "--data", data)
    assert result.returncode == 0, result.stderr
    count = remote_select(
        store_url, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    )
    triples = sum(1 for line in (built_graph / "brikg.nt").read_text("utf-8").splitlines() if line)
    assert int(count.rows[0][0].value) == triples


def test_push_errors_are_one_line(store_url: str, built_graph: Path) -> None:
    data = str(built_graph / "brikg.trig")
    closed = f"http://127.0.0.1:{free_port()}/store"
    unreachable = brikg("push", "--endpoint", closed, "--data", data, timeout=120)
    assert unreachable.returncode == 1
    assert unreachable.stderr.startswith("brikg: error: cannot reach http://127.0.0.1:")
    assert len(unreachable.stderr.strip().splitlines()) == 1
    rejected = brikg(
        "push", "--endpoint", f"{store_url}/no-such-service", "--data", data, timeout=120
    )
    assert rejected.returncode == 1
    assert f"{store_url}/no-such-service?graph=" in rejected.stderr
    assert "rejected the upload: HTTP 404" in rejected.stderr
    assert len(rejected.stderr.strip().splitlines()) == 1
    wrong = brikg("push", "--endpoint", "ftp://example.org/", "--data", data, timeout=120)
    assert wrong.returncode == 2 and "must be an http(s) URL" in wrong.stderr


def test_with_values_keeps_the_query_apart_from_the_terms() -> None:
    text = "SELECT ?x\nWHERE {\n  ?x ?p ?o\n}"
    bound = with_values(text, {"o": Literal('a" } ?x ?y ?z {')})
    assert bound == 'SELECT ?x\nWHERE {\n  VALUES (?o) { ("a\\" } ?x ?y ?z {") }\n  ?x ?p ?o\n}'
    assert OxigraphEngine([]).query(bound).rows == []
