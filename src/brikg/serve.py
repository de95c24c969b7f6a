"""``brikg serve``: a read-only SPARQL 1.1 Protocol endpoint and a small query page.

Queries run in worker processes, each holding the graph in an embedded Oxigraph store. A query
that outlives ``--timeout`` is stopped by killing its worker (a thread cannot be stopped), and a
fresh worker takes its place. The server never changes the data: SPARQL Update is refused, and so
are SERVICE clauses (which would make it fetch URLs) unless ``--allow-service`` is given.
The page at / and its script are files of this package; nothing is loaded from elsewhere.
"""

from __future__ import annotations

import json
import multiprocessing
import queue
import signal
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from multiprocessing.connection import Connection
from pathlib import Path

from pyoxigraph import RdfFormat, parse

from brikg.errors import BrikgError
from brikg.queries import library
from brikg.sparql_words import keywords, may_use
from brikg.store import (
    GRAPH_FORMATS,
    SELECT_FORMATS,
    OxigraphEngine,
    QuerySyntaxError,
    ResultTooLarge,
    Term,
    load_quads,
    results_bytes,
)
from brikg.vocab import PREFIXES

MAX_BODY = 1 << 20  # bytes of a POST body
UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD"}
STATIC_FILES = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/static/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/static/app.css": ("app.css", "text/css; charset=utf-8"),
}
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class ServeConfig:
    host: str = "127.0.0.1"
    port: int = 7878
    data: Path = Path("graph/brikg.trig")
    timeout: float = 10.0
    max_rows: int = 10000
    allow_service: bool = False
    workers: int = 2


# --------------------------------------------------------------------------------------------
# Looking at a query before running it


def uses_service(text: str) -> bool:
    """Whether a query has a SERVICE clause, which would make the store fetch a URL."""
    return may_use(text, "SERVICE")


def update_keyword(text: str) -> str | None:
    """The update operation a request holds (INSERT, DROP, ...), if it is an update."""
    for word in keywords(text):
        if word in ("PREFIX", "BASE"):
            continue
        return word if word in UPDATE_KEYWORDS or word == "WITH" else None
    return None


# --------------------------------------------------------------------------------------------
# Worker processes


def parse_ntriples_term(value: str) -> Term:
    """An N-Triples term (``<iri>``, ``"text"@en``, ``"2021-01-01"^^<...#date>``)."""
    data = f"<urn:brikg:s> <urn:brikg:p> {value.strip()} .\n".encode()
    try:
        triples = list(parse(input=data, format=RdfFormat.N_TRIPLES))
    except SyntaxError as error:
        raise ValueError(str(error)) from error
    if len(triples) != 1:
        raise ValueError("expected one RDF term")
    return triples[0].object  # type: ignore[return-value]


def _worker_main(connection: Connection, data: str, max_rows: int) -> None:
    """Hold the graph and answer queries until the parent goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        engine = OxigraphEngine.from_file(Path(data))
        # Loaded now, not by the first query that names a graph, which would spend its time
        # limit on it (and so would the fresh worker that replaced this one).
        engine.load_named_graphs()
    except BrikgError as error:
        connection.send(("failed", str(error)))
        return
    connection.send(("ready", ""))
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(_answer(engine, request, max_rows))


@dataclass(frozen=True)
class QueryRequest:
    """One query for a worker: SPARQL text with N-Triples bindings, or a bundled query by name
    with its parameters as a user types them (resolved as `brikg query --param` resolves them)."""

    text: str
    bindings: dict[str, str]
    select_format: str
    graph_format: str
    named: str | None = None


def _answer(engine: OxigraphEngine, request: QueryRequest, max_rows: int) -> tuple[int, str, bytes]:
    bindings: dict[str, Term] = {}
    try:
        if request.named is not None:
            bindings = library()[request.named].bindings(request.bindings, engine)
        else:
            for name, value in request.bindings.items():
                try:
                    bindings[name] = parse_ntriples_term(value)
                except ValueError as error:
                    message = f"binding ${name} is not an N-Triples term: {value!r}"
                    raise BrikgError(message) from error
        result = engine.query(request.text, bindings, max_rows=max_rows)
    except QuerySyntaxError as error:
        return 400, "text/plain; charset=utf-8", str(error).encode()
    except ResultTooLarge as error:
        return 400, "text/plain; charset=utf-8", f"{error} (--max-rows)".encode()
    except BrikgError as error:
        return 400, "text/plain; charset=utf-8", str(error).encode()
    if result.kind == "graph":
        mime = GRAPH_FORMATS[request.graph_format][0]
        return 200, f"{mime}; charset=utf-8", results_bytes(result, request.graph_format)
    mime = SELECT_FORMATS[request.select_format]
    return 200, f"{mime}; charset=utf-8", results_bytes(result, request.select_format)


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: Connection


class WorkerPool:
    """Worker processes with the graph loaded; a query that runs too long costs its worker."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        starting = [self._spawn() for _ in range(config.workers)]
        for worker in starting:
            self._wait_ready(worker)
            self._idle.put(worker)

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main,
            args=(child, str(self.config.data), self.config.max_rows),
            daemon=True,
            name="brikg-query-worker",
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._all.add(worker)
        return worker

    def _wait_ready(self, worker: _Worker) -> None:
        if not worker.connection.poll(300):
            self._kill(worker)
            raise BrikgError("a query worker did not load the graph within 300 s")
        try:
            status, message = worker.connection.recv()
        except EOFError as error:
            self._kill(worker)
            raise BrikgError("a query worker stopped while loading the graph") from error
        if status != "ready":
            self._kill(worker)
            raise BrikgError(message)

    def _kill(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.connection.close()
        with self._lock:
            self._all.discard(worker)

    def _replace(self) -> None:
        """Start a worker in the background for one that was killed."""

        def start() -> None:
            if self._closed:
                return
            try:
                worker = self._spawn()
                self._wait_ready(worker)
            except BrikgError as error:
                print(f"brikg serve: cannot restart a query worker: {error}", file=sys.stderr)
                return
            if self._closed:
                self._kill(worker)
            else:
                self._idle.put(worker)

        threading.Thread(target=start, daemon=True).start()

    def run(self, request: QueryRequest) -> tuple[int, str, bytes]:
        timeout = self.config.timeout
        started = time.monotonic()
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            return 503, "text/plain; charset=utf-8", b"all query workers are busy; try again"
        remaining = max(0.05, timeout - (time.monotonic() - started))
        try:
            worker.connection.send(request)
            if worker.connection.poll(remaining):
                reply = worker.connection.recv()
                self._idle.put(worker)
                return reply  # type: ignore[no-any-return]
        except (EOFError, OSError, BrokenPipeError):
            self._kill(worker)
            self._replace()
            return 500, "text/plain; charset=utf-8", b"the query worker failed; try again"
        self._kill(worker)
        self._replace()
        message = f"query stopped: it ran longer than the time limit of {timeout:g} s (--timeout)"
        return 503, "text/plain; charset=utf-8", message.encode()

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            self._kill(worker)


# --------------------------------------------------------------------------------------------
# HTTP


def negotiate(accept: str, override: str | None) -> tuple[str, str]:
    """Result formats for SELECT/ASK and for CONSTRUCT/DESCRIBE from Accept (or ?format=)."""
    select_by_mime = {
        "application/sparql-results+json": "json",
        "application/json": "json",
        "text/csv": "csv",
        "text/tab-separated-values": "tsv",
        "application/sparql-results+xml": "xml",
        "application/xml": "xml",
        "text/xml": "xml",
    }
    graph_by_mime = {
        "text/turtle": "ttl",
        "application/n-triples": "nt",
        "text/plain": "nt",
        "application/rdf+xml": "xml",
        "application/ld+json": "jsonld",
    }
    if override:
        select = override if override in SELECT_FORMATS else "json"
        graph = {"json": "jsonld", "csv": "ttl", "tsv": "ttl"}.get(override, override)
        return select, graph if graph in GRAPH_FORMATS else "ttl"
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        mime = fields[0].lower()
        quality = 1.0
        for item in fields[1:]:
            if item.startswith("q="):
                try:
                    quality = float(item[2:])
                except ValueError:
                    quality = 0.0
        if mime:
            ranked.append((-quality, position, mime))
    ranked.sort()
    select = next(
        (select_by_mime[m] for q, _, m in ranked if m in select_by_mime and q < 0), "json"
    )
    graph = next((graph_by_mime[m] for q, _, m in ranked if m in graph_by_mime and q < 0), "ttl")
    return select, graph


def query_catalogue() -> bytes:
    """The bundled queries as JSON, for the page's picker."""
    items = []
    for name, named in library().items():
        params = [
            {
                "name": p.name,
                "type": p.type,
                "default": p.default,
                "default_term": p.ntriples_default(),
                "doc": p.doc,
            }
            for p in named.params
        ]
        items.append(
            {
                "name": name,
                "question": named.question,
                "params": params,
                "returns": list(named.returns),
                "query": named.text,
            }
        )
    prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
    payload = {"prefixes": prefixes, "queries": items}
    return json.dumps(payload, ensure_ascii=False).encode()


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, config: ServeConfig, pool: WorkerPool | None) -> None:
        super().__init__((config.host, config.port), SparqlHandler)
        self.config = config
        self.pool = pool
        self.catalogue = query_catalogue()


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "brikg"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        sys.stderr.write(f"brikg serve: {self.address_string()} {format % args}\n")

    # -- responses

    def _send(self, status: int, content_type: str, body: bytes, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode())

    # -- routes

    def do_GET(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        if url.path in STATIC_FILES:
            name, mime = STATIC_FILES[url.path]
            body = resources.files("brikg").joinpath("static", name).read_bytes()
            self._send(200, mime, body, {"Content-Security-Policy": CSP})
        elif url.path == "/favicon.ico":  # browsers ask; an empty answer keeps the log clean
            self._send(204, "image/x-icon", b"")
        elif url.path == "/api/queries":
            self._send(200, "application/json; charset=utf-8", self.server.catalogue)
        elif url.path == "/sparql":
            self._sparql(urllib.parse.parse_qs(url.query, keep_blank_values=True))
        else:
            self._error(404, f"not found: {url.path} (the SPARQL endpoint is /sparql)")

    do_HEAD = do_GET  # noqa: N815

    def do_POST(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/sparql":
            self._error(404, f"not found: {url.path} (the SPARQL endpoint is /sparql)")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self.close_connection = True
            self._error(413, f"request body must be between 0 and {MAX_BODY} bytes")
            return
        body = self.rfile.read(length)
        mime = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if mime == "application/sparql-update":
            self._error(403, "SPARQL Update is not allowed: this endpoint is read-only")
            return
        if mime == "application/sparql-query":
            params["query"] = [body.decode("utf-8", "replace")]
        elif mime == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
        else:
            self._error(
                415,
                "POST needs Content-Type application/sparql-query or "
                "application/x-www-form-urlencoded",
            )
            return
        self._sparql(params)

    def _sparql(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._error(403, "SPARQL Update is not allowed: this endpoint is read-only")
            return
        named = params.get("named", [None])[-1]
        queries = params.get("query", [])
        if named is not None:
            bundled = library()
            if named not in bundled:
                self._error(400, f"unknown query {named!r}; known: {', '.join(bundled)}")
                return
            queries = [bundled[named].text]
        if len(queries) != 1 or not queries[0].strip():
            self._error(400, "give exactly one SPARQL query in the 'query' parameter")
            return
        text = queries[0]
        if "default-graph-uri" in params or "named-graph-uri" in params:
            self._error(
                400,
                "default-graph-uri and named-graph-uri are not supported; "
                "the default graph is the union of all graphs, and GRAPH reaches each one",
            )
            return
        operation = update_keyword(text)
        if operation:
            self._error(
                403, f"SPARQL Update ({operation}) is not allowed: this endpoint is read-only"
            )
            return
        if not self.server.config.allow_service and uses_service(text):
            self._error(
                403,
                "SERVICE (federated) queries are refused: this endpoint does not fetch other "
                "URLs unless started with --allow-service",
            )
            return
        if named is None:
            bindings = {k[1:]: v[-1] for k, v in params.items() if k.startswith("$")}
        else:  # a bundled query's parameters as typed: a code, a label, a date
            bindings = {k[6:]: v[-1] for k, v in params.items() if k.startswith("param.")}
        formats = params.get("format", [None])
        select_format, graph_format = negotiate(self.headers.get("Accept") or "", formats[-1])
        if self.server.pool is None:
            self._error(503, "the server is still loading the graph; try again")
            return
        request = QueryRequest(text, bindings, select_format, graph_format, named)
        status, mime, body = self.server.pool.run(request)
        self._send(status, mime, body if status == 200 else body + b"\n")


def run_server(config: ServeConfig) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM); the workers stop with the server."""
    if not Path(config.data).is_file():
        load_quads(Path(config.data))  # raises the usual one-line error
    try:
        server = SparqlServer(config, None)
    except OSError as error:
        raise BrikgError(
            f"cannot listen on {config.host}:{config.port}: {error.strerror or error}"
        ) from error
    pool: WorkerPool | None = None

    def stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        pool = WorkerPool(config)
        server.pool = pool
        host = f"[{config.host}]" if ":" in config.host else config.host
        print(
            f"brikg serve: SPARQL endpoint http://{host}:{server.server_address[1]}/sparql, "
            f"query page http://{host}:{server.server_address[1]}/ ({config.data}; "
            f"timeout {config.timeout:g} s, at most {config.max_rows} rows)",
            flush=True,
        )
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        print("brikg serve: stopped", file=sys.stderr, flush=True)
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
        if pool is not None:
            pool.close()
