"""The embedded SPARQL store: brikg data loaded into pyoxigraph (fast) or rdflib (reference).

Both engines see the same dataset. Every named graph of the data file is kept, and the default
graph is the RDF merge of all of them (exactly what ``brikg.ttl`` holds). Oxigraph's own
"default graph as union" option is not used: it has bag semantics, so a label asserted in five
document graphs would come back five times, while rdflib's union is a set.

Results come back as :class:`Result` holding pyoxigraph terms whichever engine ran, so output
formats, tests and the HTTP endpoint have one representation to deal with.
"""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
import xml.parsers.expat
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Literal as TypingLiteral
from typing import Protocol
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    RdfFormat,
    Store,
    Triple,
    Variable,
    parse,
    serialize,
)

from brikg.errors import BrikgError, UsageError
from brikg.sparql_words import may_use
from brikg.vocab import PREFIXES

Term = NamedNode | BlankNode | Literal
Engines = TypingLiteral["oxigraph", "rdflib"]
ENGINES: tuple[str, ...] = ("oxigraph", "rdflib")

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = NamedNode(XSD + "string")
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
NUMERIC_TYPES = {
    XSD + name
    for name in (
        "integer", "decimal", "double", "float", "int", "long", "short", "byte",
        "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
        "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte",
    )
}  # fmt: skip

RDF_FORMATS: dict[str, RdfFormat] = {
    ".trig": RdfFormat.TRIG,
    ".nq": RdfFormat.N_QUADS,
    ".ttl": RdfFormat.TURTLE,
    ".nt": RdfFormat.N_TRIPLES,
    ".jsonld": RdfFormat.JSON_LD,
    ".json": RdfFormat.JSON_LD,
    ".rdf": RdfFormat.RDF_XML,
    ".xml": RdfFormat.RDF_XML,
    ".owl": RdfFormat.RDF_XML,
    ".n3": RdfFormat.N3,
}
"""File suffix -> the format brikg reads it as (every command reads RDF by this one table)."""
DEFAULT_DATA = Path("graph") / "brikg.trig"


class QuerySyntaxError(BrikgError):
    """A query the engine cannot parse; the message names the line and column."""


# --------------------------------------------------------------------------------------------
# Loading


class RdfInputError(BrikgError):
    """An RDF file that is not valid or cannot be read: a data error, like a failed query."""


def rdf_format(path: Path) -> RdfFormat:
    """The RDF syntax of a data file, from its extension."""
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(RDF_FORMATS))
        raise UsageError(
            f"{path}: unknown RDF file extension {path.suffix!r} (brikg reads {known})"
        )
    return fmt


def load_quads(path: Path) -> list[Quad]:
    """Every quad of an RDF file, strictly parsed by pyoxigraph; triples land in the default graph.

    The one reader of RDF input, so every command reads the same formats, refuses the same
    unsafe files and fails with the same one line naming the file: UsageError (exit status 2)
    for a missing file, an unknown extension or an RDF/XML document with DTD entities,
    RdfInputError for a syntax error (with its line and column) or a file that cannot be read.
    """
    return list(iter_quads(path))


def iter_quads(path: Path) -> Iterator[Quad]:
    """The quads of :func:`load_quads` one at a time, with the same checks and errors (raised
    as they are met), for a consumer that keeps no Python object per quad."""
    path = data_file(Path(path))
    fmt = _readable_format(path)
    with _read_errors(path, fmt):
        yield from parse(path=str(path), format=fmt)


def load_store(path: Path) -> Store:
    """The quads of :func:`load_quads` (same checks, same errors) loaded straight into a store:
    no Python object per quad, so a whole graph loads faster."""
    path = data_file(Path(path))
    fmt = _readable_format(path)
    store = Store()
    with _read_errors(path, fmt):
        store.bulk_load(path=str(path), format=fmt)
    return store


def data_file(path: Path) -> Path:
    """The graph file of ``path``: a folder that `brikg build` wrote stands for its brikg.trig,
    as in `brikg analyze`; any other path is itself."""
    graph = path / DEFAULT_DATA.name
    return graph if path.is_dir() and graph.is_file() else path


def _readable_format(path: Path) -> RdfFormat:
    """The format of a file that exists, has a known extension and, as RDF/XML, is safe."""
    if not path.is_file():
        if path.is_dir():
            raise UsageError(
                f"{path}: a folder without {DEFAULT_DATA.name} (give a graph folder that "
                "`brikg build` wrote, or an RDF file)"
            )
        if path.exists():
            raise UsageError(f"{path}: not a file")
        raise UsageError(
            f"data file not found: {path}"
            " (build the graph with `brikg build`, or give another file)"
        )
    fmt = rdf_format(path)
    if fmt is RdfFormat.RDF_XML:
        refuse_xml_entities(path)
    return fmt


@contextmanager
def _read_errors(path: Path, fmt: RdfFormat) -> Iterator[None]:
    """pyoxigraph's parse and I/O errors as one RdfInputError line naming the file."""
    try:
        yield
    except SyntaxError as error:
        message = one_line(error.msg or str(error))
        raise RdfInputError(f"{path}: not valid {fmt.name}: {message}") from error
    except (OSError, ValueError) as error:
        raise RdfInputError(f"{path}: cannot read: {one_line(str(error))}") from error


class _Prolog(Exception):
    """Raised when the XML prolog is over: the DTD, if any, has been seen in full."""


def refuse_xml_entities(path: Path) -> None:
    """Refuse an XML document whose DTD declares entities or loads an external DTD.

    pyoxigraph (like expat) expands DTD entities, so a billion-laughs or external-entity file
    could exhaust memory or read a local file; defusedxml refuses such documents, and so does
    brikg. expat reads only the prolog (it stops at the root element), with handlers that raise
    on the first entity declaration, before any entity is referenced, so nothing is expanded.
    """
    parser = xml.parsers.expat.ParserCreate()

    def doctype(name: str, system_id: str | None, public_id: str | None, _subset: int) -> None:
        if system_id or public_id:
            raise UsageError(
                f"{path}: refused: the XML document loads an external DTD"
                f" ({system_id or public_id})"
            )

    def entity(name: str, *_args: object) -> None:
        raise UsageError(
            f"{path}: refused: the XML document declares the entity {name!r}; brikg does not"
            " expand DTD entities (entity expansion and external entities are unsafe)"
        )

    def root(*_args: object) -> None:
        raise _Prolog

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    parser.StartElementHandler = root
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(65536):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _Prolog:
        return
    except xml.parsers.expat.ExpatError as error:
        raise RdfInputError(f"{path}: not valid RDF/XML: {error}") from error
    except OSError as error:
        raise RdfInputError(f"{path}: cannot read: {error.strerror or error}") from error


def one_line(message: str) -> str:
    """A message with its white space folded, for an error that must stay on one line."""
    return " ".join(str(message).split())


def union_default(quads: Iterable[Quad]) -> list[Quad]:
    """The quads plus the RDF merge of all their graphs as the default graph."""
    quads = list(quads)
    present = {q for q in quads if isinstance(q.graph_name, DefaultGraph)}
    merged = dict.fromkeys(Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in quads)
    return quads + [q for q in merged if q not in present]


# --------------------------------------------------------------------------------------------
# Results


@dataclass
class Result:
    """A query answer: rows for SELECT, a boolean for ASK, triples for CONSTRUCT/DESCRIBE."""

    kind: TypingLiteral["select", "ask", "graph"]
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[Triple] = field(default_factory=list)
    truncated: bool = False


class ResultTooLarge(BrikgError):
    """A result with more rows than the caller allows."""


class Engine(Protocol):
    name: str

    def query(
        self,
        text: str,
        bindings: Mapping[str, Term] | None = None,
        max_rows: int | None = None,
    ) -> Result: ...


def _check_size(count: int, max_rows: int | None) -> None:
    if max_rows is not None and count > max_rows:
        raise ResultTooLarge(
            f"the result has more than {max_rows} rows; add a LIMIT or raise the row limit"
        )


# --------------------------------------------------------------------------------------------
# Oxigraph


_OX_POSITION = re.compile(r"error at (\d+):(\d+):\s*")


def sparql_syntax_message(message: str) -> str:
    """Oxigraph's 'error at 3:17: expected ...' as 'line 3, column 17: expected ...'."""
    message = " ".join(message.split())
    match = _OX_POSITION.search(message)
    if match:
        rest = message[match.end() :]
        return f"line {match.group(1)}, column {match.group(2)}: {rest}"
    return message


def names_graphs(query: str) -> bool:
    """Whether a SPARQL query may read a named graph, and so needs the whole dataset: a query
    reaches the named graphs only through a GRAPH pattern or a FROM (NAMED) clause."""
    return may_use(query, "GRAPH", "FROM")


class OxigraphEngine:
    """pyoxigraph's in-memory store: the fast default.

    A query that names no graph (every bundled one) runs on a store of the default graph
    alone: Oxigraph's in-memory indexes hold every quad of a term together, in every graph, so
    each lookup in a store that also keeps the document graphs reads about twice as many
    quads. The whole dataset, named graphs included, is loaded the first time a query names a
    graph (see :func:`names_graphs`), or by :meth:`load_named_graphs`. Its default graph is the
    same merge, made by the store (an update) rather than by :func:`union_default`: the tests
    run every query on both engines. One thread at a time, as each server worker uses it.
    """

    name = "oxigraph"

    def __init__(self, quads: Iterable[Quad]) -> None:
        quads = list(quads)
        self._start(quads, lambda: quads)

    @classmethod
    def from_file(cls, path: Path) -> OxigraphEngine:
        """The quads of an RDF file, read by :func:`iter_quads` (the checks and one-line errors
        of :func:`load_quads`) without a Python object kept per quad: the named graphs, if a
        query needs them, are read from the file again (so a file changed in between would
        give them a different content: `brikg serve` reads them at start)."""
        engine = cls.__new__(cls)
        engine._start(iter_quads(path), lambda: iter_quads(path))
        return engine

    def _start(self, quads: Iterable[Quad], dataset_quads: Callable[[], Iterable[Quad]]) -> None:
        self._default_only = Store()
        self._default_only.bulk_extend(Quad(q.subject, q.predicate, q.object) for q in quads)
        self._dataset: Store | None = None
        self._dataset_quads = dataset_quads

    @property
    def named_graphs_loaded(self) -> bool:
        """Whether the whole dataset is in memory (a query has named a graph)."""
        return self._dataset is not None

    def load_named_graphs(self) -> Store:
        """The whole dataset: the named graphs and, as the default graph, their merge."""
        if self._dataset is None:
            dataset = Store()
            dataset.bulk_extend(self._dataset_quads())
            dataset.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            self._dataset = dataset
        return self._dataset

    def query(
        self,
        text: str,
        bindings: Mapping[str, Term] | None = None,
        max_rows: int | None = None,
    ) -> Result:
        substitutions = {Variable(k): v for k, v in (bindings or {}).items()}
        try:
            store = self.load_named_graphs() if names_graphs(text) else self._default_only
            answer = store.query(text, substitutions=substitutions or None)
            return self._collect(answer, max_rows)
        except SyntaxError as error:
            raise QuerySyntaxError(
                f"malformed SPARQL query: {sparql_syntax_message(str(error))}"
            ) from error
        except RuntimeError as error:  # e.g. a substituted variable missing from SELECT
            raise BrikgError(f"query failed: {error}") from error
        except OSError as error:
            raise BrikgError(f"query failed: {error}") from error

    @staticmethod
    def _collect(answer: object, max_rows: int | None) -> Result:
        if isinstance(answer, QueryBoolean):
            return Result("ask", boolean=bool(answer))
        if isinstance(answer, QuerySolutions):
            variables = [v.value for v in answer.variables]
            rows: list[tuple[Term | None, ...]] = []
            for solution in answer:
                # A solution unpacks in the order of the variables; indexing it by name costs
                # about five times as much, which shows on results of thousands of rows.
                rows.append(tuple(solution))
                _check_size(len(rows), max_rows)
            return Result("select", variables=variables, rows=rows)
        triples: list[Triple] = []
        for triple in answer:  # type: ignore[attr-defined]
            triples.append(triple)
            _check_size(len(triples), max_rows)
        return Result("graph", triples=triples)


# --------------------------------------------------------------------------------------------
# rdflib


class RdflibEngine:
    """rdflib's SPARQL engine: slow, but an independent implementation to check Oxigraph by."""

    name = "rdflib"

    def __init__(self, quads: Iterable[Quad]) -> None:
        from rdflib import Dataset

        self.dataset = Dataset(default_union=False)
        store = self.dataset.store
        graphs: dict[object, object] = {}
        default = self.dataset.default_graph
        with warnings.catch_warnings():  # rdflib's Dataset.add warns about its own internals
            warnings.simplefilter("ignore", DeprecationWarning)
            self._add(quads, store, graphs, default)

    def _add(self, quads: Iterable[Quad], store: object, graphs: dict, default: object) -> None:
        from rdflib import URIRef

        for quad in union_default(quads):
            if isinstance(quad.graph_name, DefaultGraph):
                context = default
            else:
                key = quad.graph_name
                context = graphs.get(key)
                if context is None:
                    context = graphs[key] = self.dataset.graph(URIRef(key.value))
            store.add(  # type: ignore[attr-defined]
                (to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)),
                context=context,
            )

    def query(
        self,
        text: str,
        bindings: Mapping[str, Term] | None = None,
        max_rows: int | None = None,
    ) -> Result:
        from pyparsing import ParseException

        init = {k: to_rdflib(v) for k, v in (bindings or {}).items()}
        try:
            with warnings.catch_warnings():  # rdflib's own Dataset internals warn about itself
                warnings.simplefilter("ignore", DeprecationWarning)
                answer = self.dataset.query(text, initBindings=init)
                return self._collect(answer, max_rows)
        except ParseException as error:
            raise QuerySyntaxError(
                f"malformed SPARQL query: line {error.lineno}, column {error.col}: {error.msg}"
            ) from error
        except BrikgError:
            raise
        except Exception as error:  # rdflib raises plain Exceptions for unsupported features
            raise BrikgError(f"query failed: {error}") from error

    @staticmethod
    def _collect(answer: object, max_rows: int | None) -> Result:
        if answer.type == "ASK":  # type: ignore[attr-defined]
            return Result("ask", boolean=bool(answer.askAnswer))  # type: ignore[attr-defined]
        if answer.type == "SELECT":  # type: ignore[attr-defined]
            variables = [str(v) for v in answer.vars or []]  # type: ignore[attr-defined]
            rows: list[tuple[Term | None, ...]] = []
            for row in answer:
                rows.append(tuple(from_rdflib(value) for value in row))  # type: ignore[union-attr]
                _check_size(len(rows), max_rows)
            return Result("select", variables=variables, rows=rows)
        triples = [Triple(*(from_rdflib(t) for t in triple)) for triple in answer]  # type: ignore[misc]
        _check_size(len(triples), max_rows)
        return Result("graph", triples=triples)


def to_rdflib(term: Term | Triple) -> object:
    """A pyoxigraph term as rdflib's; xsd:string literals become plain, as rdflib parses them."""
    from rdflib import BNode, URIRef
    from rdflib import Literal as RLiteral

    if isinstance(term, NamedNode):
        return URIRef(term.value)
    if isinstance(term, BlankNode):
        return BNode(term.value)
    if isinstance(term, Literal):
        if term.language:
            return RLiteral(term.value, lang=term.language)
        if term.datatype == XSD_STRING:
            return RLiteral(term.value)
        return RLiteral(term.value, datatype=URIRef(term.datatype.value))
    raise BrikgError(f"unsupported RDF term for rdflib: {term!r}")


def from_rdflib(term: object) -> Term | None:
    from rdflib import BNode, URIRef
    from rdflib import Literal as RLiteral

    if term is None:
        return None
    if isinstance(term, URIRef):
        return NamedNode(str(term))
    if isinstance(term, BNode):
        return BlankNode(str(term))
    if isinstance(term, RLiteral):
        if term.language:
            return Literal(str(term), language=term.language)
        if term.datatype is not None:
            return Literal(str(term), datatype=NamedNode(str(term.datatype)))
        return Literal(str(term))
    raise BrikgError(f"unsupported rdflib term: {term!r}")


# --------------------------------------------------------------------------------------------
# Opening a store


def open_engine(data: Path = DEFAULT_DATA, engine: str = "oxigraph") -> Engine:
    """Load ``data`` into the named engine."""
    if engine == "oxigraph":
        return OxigraphEngine.from_file(data)
    return engine_for(load_quads(data), engine)


def engine_for(quads: list[Quad], engine: str = "oxigraph") -> Engine:
    if engine == "oxigraph":
        return OxigraphEngine(quads)
    if engine == "rdflib":
        return RdflibEngine(quads)
    raise UsageError(f"unknown engine {engine!r} (known: {', '.join(ENGINES)})")


# --------------------------------------------------------------------------------------------
# Comparing results across engines and stores


Comparable = tuple[object, ...]


def comparable_term(term: Term | None) -> Comparable:
    """A term reduced to what two correct engines must agree on.

    Numbers compare by value ("1.0"^^xsd:decimal equals "1"^^xsd:decimal, as lexical forms
    differ by engine); blank nodes compare as blank, since their labels are arbitrary.
    """
    if term is None:
        return ("unbound",)
    if isinstance(term, NamedNode):
        return ("iri", term.value)
    if isinstance(term, BlankNode):
        return ("bnode",)
    if term.language:
        return ("literal", term.value, "@" + term.language.lower())
    datatype = term.datatype.value
    if datatype in NUMERIC_TYPES:
        try:
            return ("number", Decimal(term.value).normalize())
        except InvalidOperation:
            return ("literal", term.value, datatype)
    return ("literal", term.value, datatype)


def comparable_rows(result: Result) -> list[tuple[Comparable, ...]]:
    """The rows of a SELECT result, normalised and sorted (a multiset as a list)."""
    return sorted(
        (tuple(comparable_term(t) for t in row) for row in result.rows),
        key=repr,
    )


# --------------------------------------------------------------------------------------------
# Output formats


SELECT_FORMATS = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "xml": "application/sparql-results+xml",
}
GRAPH_FORMATS = {
    "ttl": ("text/turtle", RdfFormat.TURTLE),
    "nt": ("application/n-triples", RdfFormat.N_TRIPLES),
    "xml": ("application/rdf+xml", RdfFormat.RDF_XML),
    "jsonld": ("application/ld+json", RdfFormat.JSON_LD),
}


def ntriples_term(term: Term) -> str:
    """A term in N-Triples syntax (also TSV results syntax)."""
    return str(term)


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _plain(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BlankNode):
        return "_:" + term.value
    return term.value


def results_json(result: Result) -> bytes:
    if result.kind == "ask":
        payload: dict[str, object] = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [
            {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
            for row in result.rows
        ]
        payload = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


def results_csv(result: Result) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerow(["_askResult"])
        writer.writerow(["true" if result.boolean else "false"])
    else:
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow([_plain(t) for t in row])
    return buffer.getvalue().encode("utf-8")


def results_tsv(result: Result) -> bytes:
    if result.kind == "ask":
        return ("?_askResult\n" + ("true" if result.boolean else "false") + "\n").encode()
    lines = ["\t".join("?" + v for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join("" if t is None else ntriples_term(t) for t in row))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _xml_term(term: Term) -> str:
    if isinstance(term, NamedNode):
        return f"<uri>{xml_escape(term.value)}</uri>"
    if isinstance(term, BlankNode):
        return f"<bnode>{xml_escape(term.value)}</bnode>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{xml_escape(term.value)}</literal>"
    if term.datatype != XSD_STRING:
        return (
            f"<literal datatype={quoteattr(term.datatype.value)}>{xml_escape(term.value)}</literal>"
        )
    return f"<literal>{xml_escape(term.value)}</literal>"


def results_xml(result: Result) -> bytes:
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if result.kind == "ask":
        out.append("<head/>")
        out.append(f"<boolean>{'true' if result.boolean else 'false'}</boolean>")
    else:
        out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in result.variables))
        out.append("</head><results>")
        for row in result.rows:
            cells = "".join(
                f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(result.variables, row, strict=True)
                if t is not None
            )
            out.append(f"<result>{cells}</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out).encode("utf-8")


def graph_bytes(triples: list[Triple], fmt: str) -> bytes:
    _mime, rdf_fmt = GRAPH_FORMATS[fmt]
    prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
    data = serialize(
        triples, format=rdf_fmt, prefixes=prefixes if rdf_fmt is RdfFormat.TURTLE else None
    )
    return data or b""


def results_bytes(result: Result, fmt: str) -> bytes:
    """Serialise a result: json/csv/tsv/xml for SELECT and ASK, ttl/nt/xml/jsonld for graphs."""
    if result.kind == "graph":
        return graph_bytes(result.triples, fmt if fmt in GRAPH_FORMATS else "ttl")
    writer = {"json": results_json, "csv": results_csv, "tsv": results_tsv, "xml": results_xml}
    return writer.get(fmt, results_json)(result)


def shorten(term: Term | None) -> str:
    """A term for reading: prefixed IRIs, bare literal values."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        for prefix, namespace in PREFIXES.items():
            if term.value.startswith(str(namespace)):
                return f"{prefix}:{term.value[len(str(namespace)) :]}"
        return f"<{term.value}>"
    if isinstance(term, BlankNode):
        return "_:" + term.value
    return term.value
