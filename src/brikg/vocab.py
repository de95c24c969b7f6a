"""Namespaces and IRI minting: the one place that decides what brikg's IRIs look like.

IRIs are deterministic functions of canonical names and document ids, so two builds on two
machines mint the same IRIs, and no output needs blank nodes.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import DC, DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

BRIKG_BASE = "https://w3id.org/brikg/ontology#"
BRIKG = Namespace(BRIKG_BASE)
ONTOLOGY_IRI = URIRef("https://w3id.org/brikg/ontology")
ID_BASE = "https://w3id.org/brikg/id/"
ID = Namespace(ID_BASE)
OA = Namespace("http://www.w3.org/ns/oa#")
TIME = Namespace("http://www.w3.org/2006/time#")
SCHEMA = Namespace("https://schema.org/")

LEXICON_GRAPH = ID["graph/lexicon"]

PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "brikg": BRIKG,
    "id": ID,
    "oa": OA,
    "prov": PROV,
    "dcterms": DCTERMS,
    "dc": DC,
    "skos": SKOS,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "time": TIME,
    "schema": SCHEMA,
}

# Event kinds are SKOS concepts in the ontology (brikg:opening, ...); the pipeline speaks of
# them by these local names.
EVENT_KINDS: tuple[str, ...] = (
    "proposal",
    "announcement",
    "signing",
    "establishment",
    "launch",
    "holding",
    "opening",
    "completion",
    "startOfOperation",
    "suspension",
    "resumption",
    "cancellation",
)
# The kinds that say work stopped or started again: what they stop must be the project itself,
# not its loan or imports.
STOP_KINDS = frozenset({"suspension", "resumption", "cancellation"})

_SLUG_DROP = re.compile(r"[^\w\s-]", re.UNICODE)
_SLUG_SPACE = re.compile(r"[\s_\-‐‑‒–—]+", re.UNICODE)


def slugify(name: str) -> str:
    """A lowercase, hyphenated, IRI-safe slug; Chinese characters are kept (IRIs allow them)."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = text.replace("&", " and ").replace("'", "").replace("’", "")
    text = _SLUG_DROP.sub(" ", text)
    slug = _SLUG_SPACE.sub("-", text).strip("-")
    return slug or digest(name)


def digest(*parts: object, length: int = 16) -> str:
    """A short stable hash of ``parts``, for IRIs of things that have no name of their own."""
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def entity_iri(entity_id: str) -> str:
    """IRI of an entity whose id is ``"<type>/<slug>"``, e.g. ``project/china-laos-railway``.

    IRIs are minted as plain strings: an rdflib URIRef checks every one it makes, which cost
    a build more than a second per million triples, and the RDF writer needs only the text.
    """
    return ID_BASE + entity_id


def document_iri(doc_id: str) -> str:
    return f"{ID_BASE}document/{doc_id}"


def document_graph(doc_id: str) -> str:
    """The named graph that holds everything read from one document."""
    return f"{ID_BASE}graph/{doc_id}"


def sentence_iri(doc_id: str, index: int) -> str:
    return f"{ID_BASE}document/{doc_id}/sentence/{index}"


def mention_iri(doc_id: str, start: int, end: int) -> str:
    return f"{ID_BASE}document/{doc_id}/mention/{start}-{end}"
