"""Can this graph be trusted? SHACL shapes and OWL reasoning over a built graph.

Two checks that answer different questions:

* **SHACL** (pyshacl, ``ontology/shapes.ttl``): is everything there that should be? Every entity
  typed and labelled, every fact, event and quantity tied to a sentence with its document,
  quote and offsets, dates well-typed, ``locatedIn`` pointing to a country. SHACL closes the
  world that OWL leaves open, so it is the check that catches a fact without provenance.
* **OWL** (owlready2 + HermiT, ``ontology/brikg.ttl``): is anything contradictory? A node that
  is both a country and a project, an event with two kinds, a confidence of 1.5.

Both run on the union of the graph's named graphs, against the bundled ontology (the copy of
the ontology inside a graph file is not trusted to judge the graph).

RDF is read with :func:`brikg.store.load_quads`, the reader every command uses: pyoxigraph's
strict parsers, never rdflib's, with RDF/XML that declares DTD entities refused before it is
parsed. JSON-LD remote contexts are never fetched (pyoxigraph has no loader for them).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Triple
from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.term import Node

from brikg.errors import BrikgError, UsageError
from brikg.resources import ONTOLOGY_DIR
from brikg.store import RdfInputError, load_quads, one_line
from brikg.vocab import BRIKG, ID, ONTOLOGY_IRI, PREFIXES

SHAPES = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY = ONTOLOGY_DIR / "brikg.ttl"
SHAPES_NS = "https://w3id.org/brikg/shapes#"

OWL_MODES = ("entities", "full", "none")

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_OWL = "http://www.w3.org/2002/07/owl#"
_OA = "http://www.w3.org/ns/oa#"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = _RDF + "langString"
_SH = "http://www.w3.org/ns/shacl#"


class GraphUnreadable(BrikgError):
    """The graph file could not be read, so nothing was validated: exit status 2, since 1
    means the graph was read and found invalid."""

    exit_code = 2


def ontology_quads() -> list[Quad]:
    """The bundled ontology, in its own graph: the schema every graph is judged by."""
    graph = NamedNode(str(ONTOLOGY_IRI))
    return [Quad(t.subject, t.predicate, t.object, graph) for t in _parse_triples(ONTOLOGY)]


def _parse_triples(path: Path) -> list[Triple]:
    return [q.triple for q in load_quads(path)]


def instance_quads(quads: Iterable[Quad]) -> list[Quad]:
    """The quads that are data: everything but a copy of the ontology's own graph."""
    ontology_graph = NamedNode(str(ONTOLOGY_IRI))
    return [q for q in quads if q.graph_name != ontology_graph]


# --- pyoxigraph -> rdflib --------------------------------------------------------------------


class _Converter:
    """pyoxigraph terms to rdflib terms, with IRIs cached (a graph repeats them a lot)."""

    def __init__(self) -> None:
        self.iris: dict[str, URIRef] = {}

    def __call__(self, term: NamedNode | BlankNode | Literal) -> Node:
        if isinstance(term, NamedNode):
            iri = self.iris.get(term.value)
            if iri is None:
                iri = self.iris[term.value] = URIRef(term.value)
            return iri
        if isinstance(term, BlankNode):
            return BNode(term.value)
        if isinstance(term, Literal):
            if term.language:
                return RdfLiteral(term.value, lang=term.language)
            datatype = term.datatype.value
            if datatype == _XSD_STRING:
                return RdfLiteral(term.value)
            return RdfLiteral(term.value, datatype=self(term.datatype))
        raise BrikgError(f"unsupported RDF term (RDF-star triple term?): {term}")


def to_rdflib(triples: Iterable[Triple]) -> Graph:
    """An rdflib graph holding ``triples`` (for pyshacl, which works on rdflib graphs)."""
    convert = _Converter()
    graph = Graph()
    add = graph.add
    for triple in triples:
        add((convert(triple.subject), convert(triple.predicate), convert(triple.object)))
    return graph


# --- SHACL -----------------------------------------------------------------------------------


@dataclass(slots=True)
class Finding:
    """One SHACL result: which node broke which shape, and why."""

    shape: str
    component: str
    focus: str
    path: str
    value: str
    message: str
    severity: str


@dataclass(slots=True)
class ShaclReport:
    conforms: bool
    findings: list[Finding]
    shapes: int
    seconds: float


def check_shapes(data: Graph, shapes_path: Path = SHAPES) -> ShaclReport:
    """pyshacl over ``data`` (no inference: the ontology in ``data`` gives sh:class its
    subclasses; RDFS inference would only add the same entailments, slower)."""
    from pyshacl import validate as shacl_validate

    shapes = to_rdflib(_parse_triples(shapes_path))
    started = time.perf_counter()
    conforms, results, _text = shacl_validate(
        data, shacl_graph=shapes, inference="none", advanced=True, inplace=True
    )
    seconds = time.perf_counter() - started
    sh = _SH
    findings = []
    for result in results.subjects(URIRef(_RDF + "type"), URIRef(sh + "ValidationResult")):

        def value(name: str, node: Node = result) -> Node | None:
            return results.value(node, URIRef(sh + name))

        shape = value("sourceShape")
        path = value("resultPath")
        findings.append(
            Finding(
                shape=_shape_name(results, shape),
                component=_short(value("sourceConstraintComponent")).removeprefix("sh:"),
                focus=_short(value("focusNode")),
                path=_short(path) if isinstance(path, URIRef) else "",
                value=_short(value("value")),
                message=str(value("resultMessage") or ""),
                severity=_short(value("resultSeverity")).removeprefix("sh:"),
            )
        )
    findings.sort(key=lambda f: (f.shape, f.component, f.focus, f.path, f.value))
    count = len(
        {
            shape
            for kind in ("NodeShape", "PropertyShape")
            for shape in shapes.subjects(URIRef(_RDF + "type"), URIRef(sh + kind))
            if isinstance(shape, URIRef)
        }
    )
    return ShaclReport(bool(conforms), findings, count, seconds)


def _shape_name(results: Graph, shape: Node | None) -> str:
    if isinstance(shape, URIRef):
        return _short(shape)
    return "(anonymous shape)"


_SHORT = sorted(
    [(str(ns), f"{name}:") for name, ns in PREFIXES.items()]
    + [(SHAPES_NS, "bsh:"), (_SH, "sh:"), (_OA, "oa:")],
    key=lambda pair: -len(pair[0]),
)


def _short(node: Node | NamedNode | None) -> str:
    """A node as a reader wants it: a prefixed name, a quoted literal, or nothing."""
    if node is None:
        return ""
    if isinstance(node, BlankNode | Literal):
        node = _Converter()(node)
    if isinstance(node, RdfLiteral):
        shown = str(node)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        suffix = f"@{node.language}" if node.language else ""
        if node.datatype is not None:
            suffix = f"^^{_short(node.datatype)}"
        return json.dumps(shown, ensure_ascii=False) + suffix
    text = str(node.value if isinstance(node, NamedNode) else node)
    for namespace, prefix in _SHORT:
        if text.startswith(namespace):
            return prefix + text[len(namespace) :]
    return f"_:{text}" if isinstance(node, BNode) else f"<{text}>"


# --- OWL -------------------------------------------------------------------------------------

# Left out of the "entities" ABox: mentions and their selectors (60% of the instance data, and
# fully checked by SHACL), and brikg:isoCode, whose owl:hasKey makes HermiT compare every pair
# of countries (20 s instead of 2 s); SHACL checks the code's form and uniqueness instead.
_BULK_CLASSES = {str(BRIKG.Mention), _OA + "TextQuoteSelector", _OA + "TextPositionSelector"}
_BULK_PROPERTIES = {_OA + "hasSelector", str(BRIKG.inSentence), str(BRIKG.denotes)}
_ENTITY_DATA_PROPERTIES = {
    str(BRIKG[name])
    for name in (
        "confidence",
        "value",
        "sentenceIndex",
        "sha256",
        "approximate",
        "dateInferred",
        "planned",
    )
}


@dataclass(slots=True)
class OwlReport:
    mode: str
    consistent: bool | None
    unsatisfiable: list[str] = field(default_factory=list)
    culprits: list[str] = field(default_factory=list)
    abox_triples: int = 0
    seconds: float = 0.0


def _declarations(tbox: list[Quad]) -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = defaultdict(set)
    for quad in tbox:
        if quad.predicate.value == _RDF + "type" and isinstance(quad.subject, NamedNode):
            kinds[quad.subject.value].add(quad.object.value)
    return kinds


def owl_abox(quads: Iterable[Quad], tbox: list[Quad], mode: str) -> list[Triple]:
    """The assertions HermiT reasons over, deduplicated and in order.

    Only what the ontology declares: rdf:type with a declared class, object-property and
    datatype-property assertions of declared properties. Annotations (labels, Dublin Core) and
    RDF reification (rdf:subject ...) carry no OWL meaning and are left out. ``entities``
    further leaves out mentions, selectors, strings and dates (see _BULK_CLASSES);
    ``full`` keeps every declared assertion.
    """
    kinds = _declarations(tbox)
    classes = {iri for iri, k in kinds.items() if _OWL + "Class" in k}
    objects = {iri for iri, k in kinds.items() if _OWL + "ObjectProperty" in k}
    datas = {iri for iri, k in kinds.items() if _OWL + "DatatypeProperty" in k}
    if mode == "entities":
        classes -= _BULK_CLASSES
        objects -= _BULK_PROPERTIES
        datas &= _ENTITY_DATA_PROPERTIES
    kept: dict[Triple, None] = {}
    for quad in quads:
        predicate = quad.predicate.value
        if predicate == _RDF + "type":
            keep = quad.object.value in classes
        else:
            keep = predicate in objects or predicate in datas
        if keep:
            kept[quad.triple] = None
    return list(kept)


def _java() -> str:
    import owlready2

    java = shutil.which(owlready2.JAVA_EXE) or shutil.which("java")
    if java is None:
        raise BrikgError(
            "OWL reasoning needs Java (HermiT runs on it) and no `java` is on PATH: run "
            "`make system-deps`, or pass --owl none to check the SHACL shapes only"
        )
    owlready2.JAVA_EXE = java
    return java


def reason(tbox: list[Quad], abox: list[Triple]) -> tuple[bool, list[str]]:
    """HermiT's verdict on ontology + ABox: (consistent, unsatisfiable classes).

    owlready2 reads N-Triples, not Turtle, so the triples go through a temporary file.
    xsd:date/gYear/gYearMonth literals are outside the OWL 2 datatype map, so HermiT is told to
    ignore unsupported datatypes rather than reject the graph.
    """
    import owlready2
    from pyoxigraph import serialize

    _java()
    with tempfile.TemporaryDirectory(prefix="brikg-owl-") as folder:
        path = Path(folder) / "abox.nt"
        triples = [q.triple for q in tbox] + abox
        path.write_bytes(serialize(triples, format=RdfFormat.N_TRIPLES) or b"")
        world = owlready2.World()
        try:
            world.get_ontology(path.as_uri()).load()
            owlready2.sync_reasoner_hermit(world, debug=0, ignore_unsupported_datatypes=True)
            return True, sorted(
                _short(NamedNode(cls.iri))
                for cls in world.inconsistent_classes()
                if cls.iri != _OWL + "Nothing"
            )
        except owlready2.OwlReadyInconsistentOntologyError:
            return False, []
        except owlready2.OwlReadyJavaError as error:
            lines = [line for line in str(error).splitlines() if line.strip()]
            raise BrikgError(
                f"the OWL reasoner failed: {one_line(lines[-1] if lines else str(error))}"
            ) from error
        finally:
            world.close()


def check_owl(quads: list[Quad], mode: str = "entities") -> OwlReport:
    """Consistency and unsatisfiable classes; when inconsistent, which named graphs are."""
    if mode == "none":
        return OwlReport(mode, None)
    if mode not in OWL_MODES:
        raise BrikgError(f"unknown OWL mode {mode!r} (expected one of {', '.join(OWL_MODES)})")
    started = time.perf_counter()
    tbox = ontology_quads()
    abox = owl_abox(quads, tbox, mode)
    consistent, unsatisfiable = reason(tbox, abox)
    report = OwlReport(mode, consistent, unsatisfiable, abox_triples=len(abox))
    if not consistent:
        report.culprits = _inconsistent_graphs(quads, tbox, mode)
    report.seconds = time.perf_counter() - started
    return report


def _inconsistent_graphs(quads: list[Quad], tbox: list[Quad], mode: str) -> list[str]:
    """The named graphs that are inconsistent with the ontology on their own.

    Each document's graph is reasoned over together with the lexicon graph, because documents
    describe lexicon entities; the lexicon alone only when every document fails with it.
    Empty when the contradiction only appears across documents.
    """
    by_graph: dict[str, list[Quad]] = defaultdict(list)
    for quad in quads:
        name = "" if isinstance(quad.graph_name, DefaultGraph) else quad.graph_name.value
        by_graph[name].append(quad)
    lexicon = str(ID["graph/lexicon"])
    base = by_graph.pop(lexicon, [])
    if not by_graph:
        return [_graph_name(lexicon)] if base else []
    culprits = [
        name
        for name in sorted(by_graph)
        if not reason(tbox, owl_abox(base + by_graph[name], tbox, mode))[0]
    ]
    if base and len(culprits) == len(by_graph) and not reason(tbox, owl_abox(base, tbox, mode))[0]:
        return [_graph_name(lexicon)]
    return [_graph_name(name) for name in culprits]


def _graph_name(name: str) -> str:
    return _short(NamedNode(name)) if name else "the default graph"


# --- quotes: the provenance says what the source says ----------------------------------------

_SPANS = """
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX brikg: <https://w3id.org/brikg/ontology#>
SELECT ?span ?doc ?exact ?start ?end WHERE {
    ?span oa:hasSource ?doc ; oa:hasSelector ?quote , ?position .
    ?quote oa:exact ?exact .
    ?position oa:start ?start ; oa:end ?end .
}"""
_DOCUMENTS = """
PREFIX brikg: <https://w3id.org/brikg/ontology#>
SELECT ?doc ?file ?sha WHERE {
    ?doc a brikg:Document ; brikg:fileName ?file .
    OPTIONAL { ?doc brikg:sha256 ?sha }
}"""


@dataclass(slots=True)
class QuoteReport:
    """Quotes against their offsets, and, given the corpus, against the source files."""

    spans: int
    findings: list[Finding]
    corpus: Path | None = None
    documents: int = 0


def check_quotes(quads: list[Quad], corpus_dir: Path | None = None) -> QuoteReport:
    """Every quote is as long as its offsets say; with ``corpus_dir``, it is the source text.

    With the corpus, each document's file must still have the SHA-256 the graph records
    (otherwise its offsets refer to another text), and each quote must equal the decoded
    file's characters between its offsets: the promise that every fact can be checked against
    its source. pyoxigraph answers the joins in milliseconds, where SHACL-SPARQL on rdflib
    takes tens of seconds.
    """
    from pyoxigraph import Store

    store = Store()
    store.bulk_extend(quads)
    spans = list(store.query(_SPANS, use_default_graph_as_union=True))
    findings: list[Finding] = []
    texts: dict[str, str | None] = {}
    documents = 0
    if corpus_dir is not None:
        rows = store.query(_DOCUMENTS, use_default_graph_as_union=True)
        for row in sorted(rows, key=lambda row: row["doc"].value):
            documents += 1
            texts[row["doc"].value] = _source_text(
                corpus_dir, row["doc"], row["file"].value, row["sha"], findings
            )
    for row in sorted(spans, key=lambda row: (row["span"].value, row["start"].value)):
        exact, start, end = row["exact"].value, int(row["start"].value), int(row["end"].value)
        span, shown = _short(row["span"]), _short(row["exact"])
        if len(exact) != end - start:
            message = (
                f"the quote is {len(exact)} characters long but its offsets {start}-{end}"
                f" span {end - start}"
            )
            findings.append(_problem("quote-length", "offsets", span, "oa:exact", shown, message))
            continue
        text = texts.get(row["doc"].value)
        if text is not None and text[start:end] != exact:
            message = f"the source file has {_short(RdfLiteral(text[start:end]))} at {start}-{end}"
            findings.append(_problem("quote-source", "text", span, "oa:exact", shown, message))
    return QuoteReport(len(spans), findings, corpus_dir, documents)


def _problem(check: str, what: str, focus: str, path: str, value: str, message: str) -> Finding:
    return Finding(check, what, focus, path, value, message, "Violation")


def _source_text(
    corpus_dir: Path, doc: NamedNode, file_name: str, sha: Literal | None, out: list[Finding]
) -> str | None:
    """The decoded text of a document's file, or None (and a finding) if it is not the one."""
    import hashlib

    from brikg.corpus import MAX_BYTES, decode
    from brikg.errors import DocumentError

    path = corpus_dir / file_name
    node, shown = _short(doc), json.dumps(file_name, ensure_ascii=False)
    if "/" in file_name or "\\" in file_name or not path.is_file():
        message = f"not found in {corpus_dir}"
        out.append(_problem("quote-source", "file", node, "brikg:fileName", shown, message))
        return None
    if path.stat().st_size > MAX_BYTES:
        message = f"larger than the {MAX_BYTES:,}-byte limit of a corpus document"
        out.append(_problem("quote-source", "file", node, "brikg:fileName", shown, message))
        return None
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if sha is not None and digest != sha.value:
        message = f"{path} has changed since the build (its SHA-256 is now {digest})"
        out.append(_problem("quote-source", "file", node, "brikg:sha256", sha.value, message))
        return None
    try:
        return decode(path, data)
    except DocumentError as error:
        out.append(_problem("quote-source", "file", node, "brikg:fileName", shown, error.reason))
        return None


# --- the whole check -------------------------------------------------------------------------


@dataclass(slots=True)
class ValidationReport:
    path: Path
    quads: int
    triples: int
    read_seconds: float
    shacl: ShaclReport
    quotes: QuoteReport
    owl: OwlReport
    seconds: float = 0.0

    @property
    def valid(self) -> bool:
        return (
            self.shacl.conforms
            and not self.quotes.findings
            and self.owl.consistent is not False
            and not self.owl.unsatisfiable
        )

    def render(self, limit: int = 5) -> str:
        """The report for a reader: a verdict per check, then each broken rule with examples."""
        lines = [
            f"{self.path}: {self.quads:,} quads, {self.triples:,} distinct triples"
            f" (read in {self.read_seconds:.1f} s)"
        ]
        shacl = self.shacl
        if shacl.conforms:
            lines.append(
                f"SHACL   conforms: {shacl.shapes} shapes of ontology/{SHAPES.name}, no violation"
                f" ({shacl.seconds:.1f} s)"
            )
        else:
            lines.append(
                f"SHACL   {len(shacl.findings):,} violation(s) on"
                f" {len({f.focus for f in shacl.findings}):,} node(s) ({shacl.seconds:.1f} s):"
            )
            lines.extend(_render_groups(shacl.findings, limit))
        quotes = self.quotes
        against = (
            f" and equals the source text in {quotes.corpus} ({quotes.documents} documents)"
            if quotes.corpus is not None
            else ""
        )
        if not quotes.findings:
            lines.append(
                f"Quotes  {quotes.spans:,} sentence and mention quotes: each is as long as its"
                f" offsets{against}"
            )
        else:
            lines.append(f"Quotes  {len(quotes.findings):,} problem(s) in {quotes.spans:,} quotes:")
            lines.extend(_render_groups(quotes.findings, limit))
        lines.append(self._render_owl())
        verdict = "valid" if self.valid else "INVALID"
        lines.append(f"{verdict} ({self.seconds:.1f} s)")
        return "\n".join(lines)

    def _render_owl(self) -> str:
        owl = self.owl
        if owl.consistent is None:
            return "OWL     not checked (--owl none)"
        what = (
            f"ontology + {owl.abox_triples:,} ABox triples ({owl.mode}), HermiT via owlready2"
            f" ({owl.seconds:.1f} s)"
        )
        if owl.consistent and not owl.unsatisfiable:
            return f"OWL     consistent, no unsatisfiable class: {what}"
        if owl.consistent:
            return f"OWL     unsatisfiable classes: {', '.join(owl.unsatisfiable)}: {what}"
        where = (
            "inconsistent on their own: " + ", ".join(owl.culprits)
            if owl.culprits
            else "no single named graph is inconsistent on its own; the contradiction spans graphs"
        )
        return f"OWL     INCONSISTENT: {what}; {where}"

    def as_json(self) -> dict[str, object]:
        """The report for tools: every finding, and the verdict of each check."""

        def rows(findings: list[Finding]) -> list[dict[str, str]]:
            return [
                {"shape": f.shape, "component": f.component, "focus": f.focus, "path": f.path,
                 "value": f.value, "message": f.message}
                for f in findings
            ]  # fmt: skip

        return {
            "path": str(self.path),
            "valid": self.valid,
            "quads": self.quads,
            "triples": self.triples,
            "shacl": {
                "conforms": self.shacl.conforms,
                "shapes": self.shacl.shapes,
                "violations": len(self.shacl.findings),
                "by_shape": dict(sorted(Counter(f.shape for f in self.shacl.findings).items())),
                "results": rows(self.shacl.findings),
            },
            "quotes": {
                "spans": self.quotes.spans,
                "corpus": str(self.quotes.corpus) if self.quotes.corpus else None,
                "problems": rows(self.quotes.findings),
            },
            "owl": {
                "mode": self.owl.mode,
                "consistent": self.owl.consistent,
                "unsatisfiable": self.owl.unsatisfiable,
                "inconsistent_graphs": self.owl.culprits,
                "abox_triples": self.owl.abox_triples,
            },
        }


def _render_groups(findings: list[Finding], limit: int) -> list[str]:
    """Findings grouped by rule, the largest group first, with up to ``limit`` examples."""
    grouped: dict[tuple[str, str, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        grouped[(finding.shape, finding.component, finding.message)].append(finding)
    lines = []
    for (shape, component, message), group in sorted(
        grouped.items(), key=lambda item: (-len(item[1]), item[0])
    ):
        lines.append(f"  {shape} ({component}) x{len(group)}: {message}")
        for finding in group[:limit]:
            detail = f"    {finding.focus}"
            if finding.path:
                detail += f"  {finding.path}"
            if finding.value and finding.value != finding.focus:
                detail += f"  {finding.value}"
            lines.append(detail)
        if len(group) > limit:
            lines.append(f"    ... and {len(group) - limit} more")
    return lines


def validate_file(
    path: Path, owl: str = "entities", corpus_dir: Path | None = None
) -> ValidationReport:
    """Read an RDF file and check the union of its graphs: SHACL, quotes and OWL."""
    if owl not in OWL_MODES:
        raise BrikgError(f"unknown OWL mode {owl!r} (expected one of {', '.join(OWL_MODES)})")
    if corpus_dir is not None and not corpus_dir.is_dir():
        raise UsageError(f"corpus folder not found: {corpus_dir}")
    started = time.perf_counter()
    try:
        quads = load_quads(path)
    except RdfInputError as error:
        raise GraphUnreadable(str(error)) from error
    data = instance_quads(quads)
    union = list(dict.fromkeys(q.triple for q in data))
    read_seconds = time.perf_counter() - started
    if owl != "none":
        _java()  # fail before the long part, not after it
    shacl = check_shapes(to_rdflib(union + [q.triple for q in ontology_quads()]))
    quotes = check_quotes(data, corpus_dir)
    owl_report = check_owl(data, owl)
    return ValidationReport(
        path, len(quads), len(union), read_seconds, shacl, quotes, owl_report,
        seconds=time.perf_counter() - started,
    )  # fmt: skip
