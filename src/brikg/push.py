"""Upload brikg to a triple store over the SPARQL 1.1 Graph Store HTTP Protocol.

Each named graph (one per document, the ontology, the lexicon) is sent with ``HTTP PUT
<endpoint>?graph=<iri>``, which replaces that graph and nothing else, so pushing again after a
rebuild updates the store in place. Oxigraph (``/store``), Apache Jena Fuseki (``/<dataset>/data``),
GraphDB (``/repositories/<repo>/rdf-graphs/service``) and Virtuoso (``/sparql-graph-crud``) all
speak this protocol.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, serialize

from brikg.errors import BrikgError, UsageError
from brikg.vocab import PREFIXES

CONTENT_TYPES = {
    "ttl": ("text/turtle; charset=utf-8", RdfFormat.TURTLE),
    "nt": ("application/n-triples", RdfFormat.N_TRIPLES),
}


def graph_url(endpoint: str, graph: str | None) -> str:
    """``endpoint?graph=<iri>``, or ``endpoint?default`` for the default graph."""
    separator = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    if graph is None:
        return f"{endpoint}{separator}default"
    return f"{endpoint}{separator}graph={urllib.parse.quote(graph, safe='')}"


def split_graphs(quads: list[Quad], into: str | None = None) -> dict[str | None, list[Quad]]:
    """Quads by graph name (None for the default graph); ``into`` merges them all into one."""
    if into is not None:
        try:
            NamedNode(into)
        except ValueError as error:
            raise UsageError(f"--graph is not a valid IRI: {into!r}") from error
        triples = dict.fromkeys(q.triple for q in quads)
        return {into: [Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in triples]}
    out: dict[str | None, list[Quad]] = {}
    for quad in quads:
        name = None if isinstance(quad.graph_name, DefaultGraph) else quad.graph_name.value
        out.setdefault(name, []).append(quad)
    return dict(sorted(out.items(), key=lambda item: (item[0] is not None, item[0] or "")))


def _body(quads: list[Quad], fmt: str) -> bytes:
    _mime, rdf_format = CONTENT_TYPES[fmt]
    prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
    data = serialize(
        [q.triple for q in quads],
        format=rdf_format,
        prefixes=prefixes if rdf_format is RdfFormat.TURTLE else None,
    )
    return data or b""


def put_graph(url: str, body: bytes, content_type: str, timeout: float) -> int:
    """One HTTP PUT; any failure becomes a BrikgError that names the URL and the status."""
    request = urllib.request.Request(
        url, data=body, method="PUT", headers={"Content-Type": content_type}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        detail = error.read(300).decode("utf-8", "replace").strip().splitlines()
        reason = f": {detail[0]}" if detail else ""
        raise BrikgError(
            f"{url} rejected the upload: HTTP {error.code} {error.reason}{reason}"
        ) from error
    except urllib.error.URLError as error:
        raise BrikgError(f"cannot reach {url}: {error.reason}") from error
    except (TimeoutError, OSError) as error:
        raise BrikgError(f"cannot reach {url}: {error}") from error


def push_graphs(
    quads: list[Quad],
    endpoint: str,
    graph: str | None = None,
    fmt: str = "ttl",
    timeout: float = 60.0,
) -> Iterator[str]:
    """PUT every graph to ``endpoint``; yields one report line per graph."""
    scheme = urllib.parse.urlsplit(endpoint).scheme
    if scheme not in ("http", "https"):
        raise UsageError(f"--endpoint must be an http(s) URL, got {endpoint!r}")
    content_type = CONTENT_TYPES[fmt][0]
    for name, graph_quads in split_graphs(quads, graph).items():
        url = graph_url(endpoint, name)
        status = put_graph(url, _body(graph_quads, fmt), content_type, timeout)
        label = f"<{name}>" if name else "default graph"
        yield f"PUT {label}: {len(graph_quads)} triples, HTTP {status}"
