"""The typed intermediate representation that every pipeline stage reads and extends.

Modelled on spaCy's Doc/Span: a :class:`Document` owns its text; sentences and mentions are
character spans into it. Offsets are into ``Document.text`` (the normalised text);
``raw_starts``/``raw_ends`` turn them into offsets of ``Document.raw`` (the decoded file), which
is what provenance records, so that a quote always equals the original text at its offsets.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brikg.link import Link


class EntityType(StrEnum):
    """Entity classes of the ontology that the recognisers produce (local names in brikg:)."""

    INITIATIVE = "Initiative"
    CORRIDOR = "Corridor"
    MECHANISM = "Mechanism"
    PROJECT = "Project"
    COUNTRY = "Country"
    ORGANIZATION = "Organization"
    PERSON = "Person"
    STRATEGY = "Strategy"
    PLACE = "Place"


# Members as plain names for every stage's per-mention loops: EnumType defines __getattr__,
# so in Python 3.11 each read of EntityType.X or MentionKind.X goes through a slow attribute
# hook (~8x a global's); imported from here, they are globals of the importing module.
INITIATIVE, CORRIDOR, MECHANISM = EntityType.INITIATIVE, EntityType.CORRIDOR, EntityType.MECHANISM
PROJECT, COUNTRY, ORGANIZATION = EntityType.PROJECT, EntityType.COUNTRY, EntityType.ORGANIZATION
PERSON, STRATEGY, PLACE = EntityType.PERSON, EntityType.STRATEGY, EntityType.PLACE


# What is proposed, so has a proposer (brikg:proposedBy), in either language.
PROPOSABLE = frozenset(
    {EntityType.INITIATIVE, EntityType.MECHANISM, EntityType.CORRIDOR, EntityType.STRATEGY}
)


class MentionKind(StrEnum):
    """What a mention is: a named entity, or a value that becomes a literal."""

    ENTITY = "entity"
    DATE = "date"
    QUANTITY = "quantity"


# As plain names too (see COUNTRY above).
ENTITY, DATE, QUANTITY = MentionKind.ENTITY, MentionKind.DATE, MentionKind.QUANTITY


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date at the precision the text gives: year, month or day.

    ``inferred`` marks a part (usually the year) taken from context rather than stated.
    ``qualifier`` keeps how the text framed it ("end", "first-half", "since", "by", "as-of").
    ``end`` is set for ranges such as "2013-2022".
    """

    year: int
    month: int | None = None
    day: int | None = None
    qualifier: str | None = None
    inferred: bool = False
    end: DateValue | None = None

    @property
    def qualifiers(self) -> frozenset[str]:
        """The parts of ``qualifier`` ("by+end" -> by, end): what the rules test for."""
        return frozenset(self.qualifier.split("+")) if self.qualifier else frozenset()

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def iso(self) -> str:
        """ISO 8601 at the stated precision: ``2024``, ``2024-03`` or ``2024-03-14``."""
        if self.day is not None and self.month is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


@dataclass(frozen=True, slots=True)
class QuantityValue:
    """A number with its unit, e.g. 110 ``member`` or 2.9e12 ``USD``."""

    value: float
    unit: str
    text_unit: str = ""
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """Bibliographic metadata, from the manifest or inferred from the text."""

    id: str
    title: str
    language: str
    file_name: str
    publisher: str | None = None
    creator: str | None = None
    date: str | None = None
    source: str | None = None
    original: str | None = None
    title_en: str | None = None
    inferred: tuple[str, ...] = ()


@dataclass(slots=True)
class Sentence:
    """A sentence: ``[start, end)`` in the normalised text, with its section heading.

    ``gaps`` are stretches inside the span that are not part of the sentence: the line breaks,
    footnotes and page headers between the halves of a Chinese paragraph broken by a PDF page.
    """

    index: int
    start: int
    end: int
    paragraph: int
    language: str = "en"
    section: str | None = None
    is_heading: bool = False
    gaps: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class Mention:
    """A span of text that names something: an entity, a date or a quantity.

    ``label`` is the entity type for entity mentions; ``key`` is the recogniser's proposal for
    the entity it denotes (a lexicon IRI slug or a normalised name), which the resolver turns
    into ``entity``. ``rule`` names the recogniser or pattern, for provenance.
    """

    start: int
    end: int
    text: str
    kind: MentionKind
    rule: str
    sentence: int = -1
    label: EntityType | None = None
    key: str | None = None
    date: DateValue | None = None
    quantity: QuantityValue | None = None
    countries: tuple[str, ...] = ()
    entity: str | None = None
    language: str = "en"


@dataclass(slots=True)
class Entity:
    """One real-world thing across all documents; ``id`` is its IRI path under the id base."""

    id: str
    type: EntityType
    labels: dict[str, str] = field(default_factory=dict)
    alt_labels: set[tuple[str, str]] = field(default_factory=set)
    country_code: str | None = None
    same_as: tuple[str, ...] = ()
    from_lexicon: bool = False


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: document, sentence and the span of the original text."""

    document: str
    sentence: int
    start: int
    end: int
    quote: str
    rule: str
    confidence: float = 1.0


@dataclass(slots=True)
class Fact:
    """A statement with its evidence.

    ``predicate`` is a local name in the brikg ontology (``locatedIn``, ``partOf``,
    ``involves``, ``alignedWith``, ``ownedBy``, ``proposedBy``), or ``event`` / ``quantity``
    for n-ary facts, which carry ``event_kind`` + ``date`` (and ``planned``) or ``quantity`` +
    ``measure``.
    """

    subject: str
    predicate: str
    evidence: Evidence
    object: str | None = None
    event_kind: str | None = None
    date: DateValue | None = None
    quantity: QuantityValue | None = None
    measure: str | None = None
    participants: tuple[str, ...] = ()
    planned: bool = False
    """For an event: the text gives it as planned or expected on its date, not as done."""


@dataclass(slots=True)
class Document:
    """A source document and everything the pipeline has found in it so far."""

    meta: DocumentMeta
    raw: str
    text: str = ""
    raw_starts: array[int] = field(default_factory=lambda: array("i"))
    raw_ends: array[int] = field(default_factory=lambda: array("i"))
    path: Path | None = None
    sha256: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    """Cross-lingual links whose Chinese name this document holds (see :mod:`brikg.link`)."""

    @property
    def id(self) -> str:
        return self.meta.id

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in ``raw`` of the normalised span ``[start, end)``."""
        if not self.raw_starts:
            return start, end
        if end <= start:
            position = self.raw_starts[start] if start < len(self.raw_starts) else len(self.raw)
            return position, position
        return self.raw_starts[start], self.raw_ends[end - 1]

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def evidence(self, sentence: Sentence, rule: str, confidence: float = 1.0) -> Evidence:
        """Evidence for a fact read from ``sentence``: its quote in the original text."""
        start, end = self.raw_span(sentence.start, sentence.end)
        return Evidence(self.id, sentence.index, start, end, self.raw[start:end], rule, confidence)


@dataclass(slots=True)
class Corpus:
    """The documents of one build, and the entities resolved across them."""

    documents: list[Document] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
