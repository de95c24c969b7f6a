"""Stage 6: the intermediate representation as RDF quads under the brikg ontology.

One named graph per source document holds everything read from it: the document's metadata,
the sentences that give evidence, the mentions, the entities it names, and its facts, so one
document's contribution can be dropped or replaced. The ontology and the lexicon have graphs
of their own. Quads are pyoxigraph terms, sorted, so every serialisation is byte-stable.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Triple, parse

from brikg.ir import ENTITY, Corpus, DateValue, Document, Entity, Fact
from brikg.resources import ONTOLOGY_DIR
from brikg.vocab import (
    BRIKG,
    ID,
    LEXICON_GRAPH,
    OA,
    ONTOLOGY_IRI,
    TIME,
    digest,
    document_graph,
    document_iri,
    entity_iri,
    mention_iri,
    sentence_iri,
)

if TYPE_CHECKING:
    from brikg.link import Link

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
DCT_NS = "http://purl.org/dc/terms/"
DC_NS = "http://purl.org/dc/elements/1.1/"
PROV_NS = "http://www.w3.org/ns/prov#"


Term = NamedNode | BlankNode | Literal


def _n(iri: str) -> NamedNode:
    return NamedNode(str(iri))


TYPE = _n(RDF_NS + "type")
LABEL = _n(RDFS_NS + "label")
PREF = _n(SKOS_NS + "prefLabel")
ALT = _n(SKOS_NS + "altLabel")
DERIVED = _n(PROV_NS + "wasDerivedFrom")
PRIMARY_SOURCE = _n(PROV_NS + "hadPrimarySource")
TEXT_LANGUAGE = _n(DC_NS + "language")  # Web Annotation's term for a resource's language
B = {name: _n(BRIKG[name]) for name in (
    "Document", "Sentence", "Mention", "Fact", "Event", "Quantity", "mentions", "denotes",
    "inSentence", "rule", "confidence", "sentenceIndex", "section", "fileName", "sha256",
    "isoCode", "eventOf", "eventKind", "date", "sortDate", "endDate", "datePrecision",
    "dateQualifier", "dateInferred", "quantityOf", "value", "unit", "measure", "asOf",
    "approximate", "planned", "involves", "Link", "linkedEntity", "linkedMention", "mergedEntityId",
    "linkEvidence", "statement",
)}  # fmt: skip
OA_ = {name: _n(OA[name]) for name in (
    "hasSource", "hasSelector", "TextQuoteSelector", "TextPositionSelector", "exact", "prefix",
    "suffix", "start", "end",
)}  # fmt: skip
DCT = {name: _n(DCT_NS + name) for name in (
    "title", "publisher", "creator", "issued", "language", "source", "identifier",
)}  # fmt: skip
PRECISION = {
    "day": _n(TIME["unitDay"]),
    "month": _n(TIME["unitMonth"]),
    "year": _n(TIME["unitYear"]),
}
XSD_DATE = {"day": "date", "month": "gYearMonth", "year": "gYear"}


def typed(value: object, datatype: str) -> Literal:
    return Literal(str(value), datatype=_xsd(datatype))


@cache
def _xsd(datatype: str) -> NamedNode:
    """An XSD datatype's node, made once: tens of thousands of literals share a dozen."""
    return _n(XSD_NS + datatype)


def date_literal(date: DateValue) -> Literal:
    return typed(date.iso(), XSD_DATE[date.precision])


# Where in its year a date without a month starts, so that it sorts there: "resumed in the
# second quarter of 2024" after "halted on 2 February 2024", "by the end of 2023" in December.
_PART_MONTHS = {
    "q2": 4, "q3": 7, "q4": 10, "second-half": 7, "middle": 7, "mid": 7, "late": 10, "end": 12,
}  # fmt: skip


def sort_date(date: DateValue) -> Literal:
    """The first day of the period the text gives, as ``xsd:date``: what timelines order by.
    A year's end ("by the end of 2023") sorts from its last month, an approximation."""
    month = date.month or max((_PART_MONTHS.get(p, 1) for p in date.qualifiers), default=1)
    return typed(f"{date.year:04d}-{month:02d}-{date.day or 1:02d}", "date")


def decimal(value: float) -> Literal:
    text = format(Decimal(repr(value)), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".") or "0"
    return typed(text, "decimal")


def iso_literal(iso: str) -> Literal:
    precision = {4: "year", 7: "month", 10: "day"}.get(len(iso), "day")
    return typed(iso, XSD_DATE[precision])


class _Graph:
    """Collects the quads of one named graph."""

    def __init__(self, graph: NamedNode) -> None:
        self.graph = graph
        self.quads: list[Quad] = []

    def add(self, subject: NamedNode, predicate: NamedNode, obj: NamedNode | Literal) -> None:
        self.quads.append(Quad(subject, predicate, obj, self.graph))

    def add_optional(self, subject: NamedNode, predicate: NamedNode, value: object | None) -> None:
        if value:
            self.add(subject, predicate, Literal(str(value)))


def document_quads(doc: Document, entities: dict[str, Entity]) -> list[Quad]:
    """Every quad read from one document, in its own named graph."""
    out = _Graph(_n(document_graph(doc.id)))
    doc_node = _n(document_iri(doc.id))
    _describe_document(out, doc, doc_node)
    used_sentences: set[int] = set()
    named: set[str] = set()
    for mention in doc.mentions:
        if mention.kind is not ENTITY or not mention.entity:
            continue
        named.add(mention.entity)
        used_sentences.add(mention.sentence)
        node = _n(mention_iri(doc.id, *doc.raw_span(mention.start, mention.end)))
        out.add(node, TYPE, B["Mention"])
        out.add(node, OA_["hasSource"], doc_node)
        out.add(node, B["inSentence"], _n(sentence_iri(doc.id, mention.sentence)))
        # The sentence's language again, on the mention, as dc:language (Web Annotation's term;
        # sentences and documents have dcterms:language): one language's mentions are then one
        # index range holding mentions only, not a join through the sentences (bilingual-entities
        # at a million triples: 108 -> 75 ms).
        out.add(node, TEXT_LANGUAGE, Literal(doc.sentences[mention.sentence].language))
        out.add(node, B["denotes"], _n(entity_iri(mention.entity)))
        out.add(node, B["rule"], Literal(mention.rule))
        _selectors(out, node, doc, mention.start, mention.end, context=32)
    for fact in doc.facts:
        used_sentences.add(fact.evidence.sentence)
        named.add(fact.subject)
        if fact.object:
            named.add(fact.object)
        _fact(out, doc, fact)
    for link in doc.links:
        named.add(link.entity)
        used_sentences.update(index for doc_id, index in link.sentences if doc_id == doc.id)
        _link(out, link)
    for entity_id in sorted(named):
        entity = entities.get(entity_id)
        node = _n(entity_iri(entity_id))
        out.add(doc_node, B["mentions"], node)
        if entity is not None:
            _describe_entity(out, entity, node)
    for index in sorted(used_sentences):
        _sentence(out, doc, doc_node, index)
    return out.quads


def _describe_document(out: _Graph, doc: Document, node: NamedNode) -> None:
    meta = doc.meta
    out.add(node, TYPE, B["Document"])
    language = "zh" if meta.language.startswith("zh") else "en"
    out.add(node, DCT["title"], Literal(meta.title, language=language))
    if meta.title_en:
        out.add(node, DCT["title"], Literal(meta.title_en, language="en"))
    out.add(
        node,
        LABEL,
        Literal(meta.title_en or meta.title, language="en" if meta.title_en else language),
    )
    out.add(node, DCT["identifier"], Literal(meta.id))
    for code in meta.language.split():
        out.add(node, DCT["language"], Literal(code))
    out.add_optional(node, DCT["publisher"], meta.publisher)
    out.add_optional(node, DCT["creator"], meta.creator)
    out.add_optional(node, DCT["source"], meta.source)
    if meta.date:
        out.add(node, DCT["issued"], iso_literal(meta.date))
    out.add(node, B["fileName"], Literal(meta.file_name))
    if doc.sha256:
        out.add(node, B["sha256"], Literal(doc.sha256))


def _selectors(
    out: _Graph, node: NamedNode, doc: Document, start: int, end: int, context: int
) -> None:
    """W3C Web Annotation selectors: the exact quote and its offsets in the original text."""
    raw_start, raw_end = doc.raw_span(start, end)
    quote = _n(f"{node.value}/quote")
    position = _n(f"{node.value}/position")
    out.add(node, OA_["hasSelector"], quote)
    out.add(node, OA_["hasSelector"], position)
    out.add(quote, TYPE, OA_["TextQuoteSelector"])
    out.add(quote, OA_["exact"], Literal(doc.raw[raw_start:raw_end]))
    if context:
        prefix = doc.raw[max(0, raw_start - context) : raw_start]
        suffix = doc.raw[raw_end : raw_end + context]
        if prefix:
            out.add(quote, OA_["prefix"], Literal(prefix))
        if suffix:
            out.add(quote, OA_["suffix"], Literal(suffix))
    out.add(position, TYPE, OA_["TextPositionSelector"])
    out.add(position, OA_["start"], typed(raw_start, "nonNegativeInteger"))
    out.add(position, OA_["end"], typed(raw_end, "nonNegativeInteger"))


def _sentence(out: _Graph, doc: Document, doc_node: NamedNode, index: int) -> None:
    sentence = doc.sentences[index]
    node = _n(sentence_iri(doc.id, index))
    out.add(node, TYPE, B["Sentence"])
    out.add(node, OA_["hasSource"], doc_node)
    out.add(node, B["sentenceIndex"], typed(index, "integer"))
    out.add(node, DCT["language"], Literal(sentence.language))
    if sentence.section and not sentence.is_heading:
        out.add(node, B["section"], Literal(sentence.section))
    _selectors(out, node, doc, sentence.start, sentence.end, context=0)


def _describe_entity(out: _Graph, entity: Entity, node: NamedNode) -> None:
    out.add(node, TYPE, _n(BRIKG[entity.type.value]))
    for language in sorted(entity.labels):
        label = Literal(entity.labels[language], language=language)
        out.add(node, LABEL, label)
        out.add(node, PREF, label)
    for text, language in sorted(entity.alt_labels):
        if text != entity.labels.get(language):
            out.add(node, ALT, Literal(text, language=language))
    if entity.country_code:
        out.add(node, B["isoCode"], Literal(entity.country_code))


def _fact(out: _Graph, doc: Document, fact: Fact) -> None:
    evidence = fact.evidence
    sentence = _n(sentence_iri(doc.id, evidence.sentence))
    subject = _n(entity_iri(fact.subject))
    if fact.predicate == "event":
        assert fact.date is not None and fact.event_kind is not None
        date = fact.date
        # A plan is another node than what happened on the same date; a reported event's IRI
        # is the one it had before plans were read.
        planned = ("planned",) if fact.planned else ()
        key = digest(fact.subject, fact.event_kind, date.iso(), date.qualifier, *planned)
        node = _n(ID[f"event/{key}"])
        out.add(node, TYPE, B["Event"])
        out.add(node, B["eventOf"], subject)
        out.add(node, B["eventKind"], _n(BRIKG[fact.event_kind]))
        _date(out, node, B["date"], date)
        if fact.planned:
            out.add(node, B["planned"], typed("true", "boolean"))
        for participant in fact.participants:
            out.add(node, B["involves"], _n(entity_iri(participant)))
    elif fact.predicate == "quantity":
        quantity = fact.quantity
        assert quantity is not None
        as_of = fact.date.iso() if fact.date else ""
        node = _n(
            ID[
                "quantity/"
                + digest(fact.subject, fact.measure, quantity.value, quantity.unit, as_of)
            ]
        )
        out.add(node, TYPE, B["Quantity"])
        out.add(node, B["quantityOf"], subject)
        out.add(node, B["value"], decimal(quantity.value))
        out.add(node, B["unit"], Literal(quantity.unit))
        out.add_optional(node, B["measure"], fact.measure)
        if quantity.approximate:
            out.add(node, B["approximate"], typed("true", "boolean"))
        if fact.date:
            out.add(node, B["asOf"], date_literal(fact.date))
    else:
        assert fact.object is not None
        obj = _n(entity_iri(fact.object))
        predicate = _n(BRIKG[fact.predicate])
        out.add(subject, predicate, obj)
        node = _n(
            ID[
                "fact/"
                + digest(doc.id, fact.subject, fact.predicate, fact.object, evidence.sentence)
            ]
        )
        out.add(node, TYPE, B["Fact"])
        out.add(node, _n(RDF_NS + "subject"), subject)
        out.add(node, _n(RDF_NS + "predicate"), predicate)
        out.add(node, _n(RDF_NS + "object"), obj)
        # Every reading of the same relation names it alike: corroboration is a count per IRI.
        statement = digest(fact.subject, fact.predicate, fact.object)
        out.add(node, B["statement"], _n(ID["statement/" + statement]))
    out.add(node, DERIVED, sentence)
    # The document the sentence is in, stated on the node itself: a count per document reads
    # one link per node instead of two (facts-per-document; see README "Performance and scale").
    out.add(node, PRIMARY_SOURCE, _n(document_iri(doc.id)))
    out.add(node, B["rule"], Literal(evidence.rule))
    out.add(node, B["confidence"], decimal(evidence.confidence))


def _link(out: _Graph, link: Link) -> None:
    """A cross-lingual link as an auditable brikg:Link node (see :mod:`brikg.link`)."""
    node = _n(ID[f"link/{digest(link.entity, link.rule, *link.mentions)}"])
    out.add(node, TYPE, B["Link"])
    out.add(node, B["linkedEntity"], _n(entity_iri(link.entity)))
    for doc_id, start, end in link.mentions:
        out.add(node, B["linkedMention"], _n(mention_iri(doc_id, start, end)))
    for member in link.members:
        out.add(node, B["mergedEntityId"], Literal(member))
    for text in link.evidence:
        out.add(node, B["linkEvidence"], Literal(text))
    for doc_id, index in link.sentences:
        out.add(node, DERIVED, _n(sentence_iri(doc_id, index)))
    out.add(node, B["rule"], Literal(link.rule))
    out.add(node, B["confidence"], decimal(link.confidence))


def _date(out: _Graph, node: NamedNode, predicate: NamedNode, date: DateValue) -> None:
    out.add(node, predicate, date_literal(date))
    out.add(node, B["sortDate"], sort_date(date))
    out.add(node, B["datePrecision"], PRECISION[date.precision])
    if date.qualifier:
        out.add(node, B["dateQualifier"], Literal(date.qualifier))
    if date.inferred:
        out.add(node, B["dateInferred"], typed("true", "boolean"))
    if date.end is not None:
        out.add(node, B["endDate"], date_literal(date.end))


def static_quads(ontology_dir: Path = ONTOLOGY_DIR) -> list[Quad]:
    """The ontology and the lexicon, each in its own named graph.

    OWL needs its blank nodes (class unions, restrictions) to stay blank; they get labels
    numbered in order of appearance, which is stable for the same file, so the output is
    byte-identical across builds. Instance data has no blank nodes.
    """
    quads: list[Quad] = []
    sources = [
        (ontology_dir / "brikg.ttl", _n(str(ONTOLOGY_IRI))),
        (ontology_dir / "lexicon.ttl", _n(str(LEXICON_GRAPH))),
        (ontology_dir / "countries.ttl", _n(str(LEXICON_GRAPH))),
    ]
    for path, graph in sources:
        if not path.exists():
            continue
        labels: dict[BlankNode, BlankNode] = {}
        for triple in parse(path=str(path), format=RdfFormat.TURTLE):
            subject = _label_blank(triple.subject, labels, path.stem)
            obj = _label_blank(triple.object, labels, path.stem)
            quads.append(Quad(subject, triple.predicate, obj, graph))
    return quads


def _label_blank(term: Term, labels: dict[BlankNode, BlankNode], stem: str) -> Term:
    if not isinstance(term, BlankNode):
        return term
    if term not in labels:
        labels[term] = BlankNode(f"{stem}{len(labels) + 1}")
    return labels[term]


def corpus_quads(corpus: Corpus, ontology_dir: Path = ONTOLOGY_DIR) -> list[Quad]:
    """All quads of a build, sorted: the same corpus always gives the same list."""
    quads = static_quads(ontology_dir)
    for doc in corpus.documents:
        quads.extend(document_quads(doc, corpus.entities))
    return sort_quads(quads)


def sort_quads(quads: Iterable[Quad]) -> list[Quad]:
    """Each quad once, by graph and then by its N-Quads text: a total order that is the same
    on every machine, keyed by one string per quad (reading terms one by one from pyoxigraph
    costs twice as much). The sharded writer orders each graph's quads the same way, by their
    N-Quads lines (:func:`brikg.parallel._write_piece`)."""
    unique = {(quad.graph_name.value, str(quad)): quad for quad in quads}
    return [unique[key] for key in sorted(unique)]


def union_triples(quads: Iterable[Quad]) -> list[Triple]:
    """The default-graph view: every triple once, whatever graph it came from, in order."""
    return list(dict.fromkeys(quad.triple for quad in quads))
