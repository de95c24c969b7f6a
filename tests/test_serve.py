"""``brikg serve`` as a user runs it: a subprocess on a free port of 127.0.0.1, spoken to over HTTP.

Covers the SPARQL 1.1 Protocol (GET, POST form, POST sparql-query), result formats by Accept,
errors (400 with the parser's message), the read-only rule (Update refused), SERVICE refused
(and no connection made), the row and time limits, and a clean stop with no worker left behind.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest
from conftest import brikg
from pyoxigraph import QueryResultsFormat, RdfFormat, parse, parse_query_results

BRIKG = [str(Path(sys.executable).with_name("brikg"))]
PREFIX = "PREFIX brikg: <https://w3id.org/brikg/ontology#>\n"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    url: str
    process: subprocess.Popen[str]
    log: IO[str] | None = None


@dataclass
class Reply:
    status: int
    content_type: str
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def request(
    url: str,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30,
) -> Reply:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return Reply(response.status, response.headers["Content-Type"], response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, error.headers["Content-Type"] or "", error.read())


def sparql_get(server: Server, query: str, accept: str | None = None, **extra: str) -> Reply:
    params = urllib.parse.urlencode({"query": query, **extra})
    headers = {"Accept": accept} if accept else {}
    return request(f"{server.url}/sparql?{params}", headers=headers)


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def start(data: Path, *args: str) -> Server:
    port = free_port()
    # the request log goes to a file (a pipe could fill and block the server); stop() closes it
    log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115
    process = subprocess.Popen(
        [*BRIKG, "serve", "--port", str(port), "--data", str(data), *args],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    server = Server(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise AssertionError(f"brikg serve exited: {log.read()}")
        try:
            if sparql_get(server, "ASK {}").status == 200:
                return server
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.3)
    stop(server)
    raise AssertionError("brikg serve did not become ready in 120 s")


def stop(server: Server) -> None:
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGTERM)
        try:
            server.process.wait(15)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait(5)
    if server.log is not None:
        server.log.close()


@pytest.fixture(scope="module")
def server(built_graph: Path) -> Iterator[Server]:
    running = start(built_graph / "brikg.trig", "--timeout", "3", "--max-rows", "500")
    try:
        yield running
    finally:
        stop(running)


def test_listens_on_localhost_and_says_where(server: Server) -> None:
    line = server.process.stdout.readline()  # type: ignore[union-attr]
    assert f"SPARQL endpoint {server.url}/sparql" in line
    assert server.url.startswith("http://127.0.0.1:")


def test_get_returns_json_by_default(server: Server) -> None:
    reply = sparql_get(
        server,
        PREFIX + 'SELECT ?p WHERE { ?p brikg:locatedIn ?c . ?c brikg:isoCode "LA" }',
    )
    assert reply.status == 200
    assert reply.content_type.startswith("application/sparql-results+json")
    projects = {b["p"]["value"] for b in json.loads(reply.body)["results"]["bindings"]}
    assert "https://w3id.org/brikg/id/project/china-laos-railway" in projects


def test_post_form_and_post_sparql_query(server: Server) -> None:
    query = PREFIX + 'SELECT ?c WHERE { ?c brikg:isoCode "HR" }'
    form = urllib.parse.urlencode({"query": query}).encode()
    by_form = request(
        f"{server.url}/sparql",
        form,
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    direct = request(
        f"{server.url}/sparql", query.encode(), {"Content-Type": "application/sparql-query"}
    )
    for reply in (by_form, direct):
        assert reply.status == 200
        bindings = json.loads(reply.body)["results"]["bindings"]
        assert bindings == [{"c": {"type": "uri", "value": "https://w3id.org/brikg/id/country/hr"}}]


@pytest.mark.parametrize(
    ("accept", "mime", "results_format"),
    [
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            QueryResultsFormat.XML,
        ),
        ("text/tab-separated-values", "text/tab-separated-values", QueryResultsFormat.TSV),
        (
            "application/sparql-results+json",
            "application/sparql-results+json",
            QueryResultsFormat.JSON,
        ),
    ],
)
def test_result_formats_by_accept(
    server: Server, accept: str, mime: str, results_format: QueryResultsFormat
) -> None:
    query = (
        PREFIX
        + 'SELECT ?label WHERE { <https://w3id.org/brikg/id/country/la> ?p ?label FILTER(isLiteral(?label) && LANG(?label) = "zh") }'
    )
    reply = sparql_get(server, query, accept=f"{accept}, */*;q=0.1")
    assert reply.status == 200 and reply.content_type.startswith(mime)
    labels = {s["label"].value for s in parse_query_results(reply.body, format=results_format)}
    assert "老挝" in labels


def test_csv_and_construct(server: Server) -> None:
    query = PREFIX + 'SELECT ?iso WHERE { ?c brikg:isoCode ?iso FILTER(?iso IN ("LA", "HR")) }'
    reply = sparql_get(server, query, accept="text/csv")
    assert reply.content_type.startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(reply.text)))
    assert sorted(r["iso"] for r in rows) == ["HR", "LA"]
    construct = (
        PREFIX + "CONSTRUCT { ?p brikg:locatedIn ?c } WHERE { ?p brikg:locatedIn ?c . "
        '?c brikg:isoCode "HR" }'
    )
    turtle = sparql_get(server, construct, accept="text/turtle")
    assert turtle.status == 200 and turtle.content_type.startswith("text/turtle")
    triples = list(parse(turtle.body, format=RdfFormat.TURTLE))
    assert any(t.subject.value.endswith("/project/peljesac-bridge") for t in triples)


def test_bindings_as_ntriples_terms(server: Server) -> None:
    query = PREFIX + "SELECT ?iso ?c WHERE { ?c brikg:isoCode ?iso }"
    reply = sparql_get(server, query, **{"$iso": '"LA"'})
    bindings = json.loads(reply.body)["results"]["bindings"]
    assert [b["c"]["value"] for b in bindings] == ["https://w3id.org/brikg/id/country/la"]
    bad = sparql_get(server, query, **{"$iso": "LA"})
    assert bad.status == 400 and "not an N-Triples term" in bad.text


def test_bundled_query_by_name_reads_parameters_as_the_cli_does(server: Server) -> None:
    """The page posts a bundled query's name and its parameters as typed; the server resolves a
    country by code in any case or by name, an entity by label, and says what is wrong."""

    def named(name: str, **params: str) -> Reply:
        form = {"named": name, **{f"param.{k}": v for k, v in params.items()}}
        return request(
            f"{server.url}/sparql",
            urllib.parse.urlencode(form).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )

    def labels(reply: Reply) -> set[str]:
        assert reply.status == 200, reply.text
        return {b["label"]["value"] for b in json.loads(reply.body)["results"]["bindings"]}

    by_code = labels(named("projects-by-country", country="hr"))
    assert "Peljesac Bridge" in by_code
    assert labels(named("projects-by-country", country="Croatia")) == by_code
    assert "China-Laos Railway" in labels(named("projects-by-country"))  # the default, LA
    evidence = named("evidence", entity="Peljesac Bridge")
    assert evidence.status == 200 and json.loads(evidence.body)["results"]["bindings"]
    wrong = named("projects-by-country", country="Atlantis")
    assert wrong.status == 400 and "?country" in wrong.text and "Atlantis" in wrong.text
    unknown = named("timelin")
    assert unknown.status == 400 and "unknown query 'timelin'" in unknown.text
    typo = named("timeline", nothing="1")
    assert typo.status == 400 and "has no parameter ?nothing" in typo.text


def test_malformed_query_is_400_with_position(server: Server) -> None:
    reply = sparql_get(server, "SELECT ?x WHERE {\n  ?x ?y }")
    assert reply.status == 400
    assert reply.text.startswith("malformed SPARQL query: line 2, column ")


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"DROP ALL", "application/sparql-update"),
        (b"update=DROP%20ALL", "application/x-www-form-urlencoded"),
        (
            urllib.parse.urlencode(
                {"query": "PREFIX ex: <http://example.org/>\nINSERT DATA { ex:a ex:b ex:c }"}
            ).encode(),
            "application/x-www-form-urlencoded",
        ),
    ],
)
def test_update_is_refused(server: Server, body: bytes, content_type: str) -> None:
    reply = request(f"{server.url}/sparql", body, {"Content-Type": content_type})
    assert reply.status == 403
    assert "read-only" in reply.text
    still = sparql_get(server, "ASK { ?s ?p ?o }")
    assert json.loads(still.body)["boolean"] is True


class Listener:
    """A TCP socket that records whether anyone connected (the endpoint must not)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()
                self.connections += 1
                conn.close()
            except OSError:
                continue

    def close(self) -> None:
        self.running = False
        self.thread.join(2)
        self.sock.close()


def test_graph_queries_see_the_document_graphs(server: Server) -> None:
    """The worker holds the named graphs as well as their merge."""
    reply = sparql_get(
        server,
        PREFIX + "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?d a brikg:Document } }",
    )
    assert reply.status == 200
    assert int(json.loads(reply.body)["results"]["bindings"][0]["n"]["value"]) >= 5
    variables = sparql_get(server, "SELECT ?service ?from WHERE { ?service ?from ?o } LIMIT 1")
    assert variables.status == 200  # variables named like keywords are not refused


def test_service_is_refused_and_nothing_is_fetched(server: Server) -> None:
    listener = Listener()
    try:
        for query in (
            f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}",
            f"select * {{ ?a ?b ?c . service silent <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}",
            f"SELECT * {{ \\u0053ERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}",
            f"SELECT * {{ ?a ?b 1SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}",
        ):
            reply = sparql_get(server, query)
            assert reply.status == 403, query
            assert "SERVICE" in reply.text and "--allow-service" in reply.text
        time.sleep(0.5)
        assert listener.connections == 0
    finally:
        listener.close()


def test_row_limit(server: Server) -> None:
    reply = sparql_get(server, "SELECT * WHERE { ?s ?p ?o }")
    assert reply.status == 400
    assert "more than 500 rows" in reply.text
    small = sparql_get(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 500")
    assert small.status == 200


def test_catalogue_and_page(server: Server) -> None:
    catalogue = json.loads(request(f"{server.url}/api/queries").body)
    names = {q["name"]: q for q in catalogue["queries"]}
    assert {"projects-by-country", "timeline", "evidence"} <= set(names)
    country = names["projects-by-country"]["params"][0]
    assert country["name"] == "country" and country["default_term"] == '"LA"'
    page = request(f"{server.url}/")
    assert page.status == 200 and page.content_type.startswith("text/html")
    html = page.text
    assert 'src="/static/app.js"' in html and "https://" not in html and "http://" not in html
    script = request(f"{server.url}/static/app.js").text
    assert "innerHTML" not in script
    assert request(f"{server.url}/nothing-here").status == 404


def test_time_limit_stops_a_runaway_query(server: Server) -> None:
    started = time.monotonic()
    reply = sparql_get(server, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    elapsed = time.monotonic() - started
    assert reply.status == 503
    assert "time limit of 3 s" in reply.text
    assert elapsed < 15
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # the killed worker is replaced; queries go on
        if sparql_get(server, "ASK { ?s ?p ?o }").status == 200:
            break
        time.sleep(0.5)
    else:
        raise AssertionError("the endpoint did not recover after a timeout")


def test_stop_leaves_no_worker_behind(built_graph: Path) -> None:
    running = start(built_graph / "brikg.trig", "--workers", "2")
    workers = children(running.process.pid)
    assert len(workers) >= 2
    stop(running)
    assert running.process.returncode == 0
    time.sleep(0.5)
    alive = [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    for pid in alive:  # a zombie awaiting its reaper is gone in all but name
        assert Path(f"/proc/{pid}/status").read_text().find("State:\tZ") >= 0


def test_bad_data_and_busy_port(tmp_path: Path, server: Server) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<http://a> <http://b> \n", "utf-8")
    result = brikg("serve", "--data", str(broken), "--port", str(free_port()), timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith(f"brikg: error: {broken}: ")
    port = server.url.rsplit(":", 1)[1]
    busy = brikg("serve", "--data", str(broken), "--port", port, timeout=60)
    assert busy.returncode == 1
    assert busy.stderr.startswith(f"brikg: error: cannot listen on 127.0.0.1:{port}")
