"""Precision and recall of the extractor against hand-annotated gold documents (tests/gold/).

Entities match when they have the same class and one of the predicted entity's surface forms
in the document has the same name key as one of the gold surface forms; each gold entity and
each predicted entity is matched at most once. Relations match when both ends match.

A gold file may cover part of a document, ``"scope": {"lines": [first, last]}`` (1-based,
inclusive): only mentions and facts read from those lines are then scored. A Chinese gold file
(``"language": "zh"``) compares names without the line breaks that PDF text leaves inside
them (蒙内铁\n\n路 = 蒙内铁路), and its ``cross_lingual`` pairs score the linking of a Chinese
name and an English one (in the same or another corpus file) to one entity.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from brikg.ir import COUNTRY, ENTITY, Corpus, Document, EntityType
from brikg.recognize.tokens import name_key as _name_key

_CJK = re.compile(r"[\u3400-\u9fff]")
_WHITESPACE = re.compile(r"\s+")


def name_key(text: str) -> str:
    """The name key of the resolver, blind to line breaks inside a Chinese name."""
    return _name_key(_WHITESPACE.sub("", text) if _CJK.search(text) else text)


ENTITY_TYPES = (
    "Initiative",
    "Corridor",
    "Mechanism",
    "Project",
    "Organization",
    "Person",
    "Strategy",
)
# Gold relation keys and the brikg predicates they are compared with. The gold format has no
# key for owners and proposers; its guidelines record them under "involves" (a strategy's
# owning country, an initiative's proposer), so those predicates are compared there.
RELATIONS = {
    "located_in": ("locatedIn",),
    "part_of": ("partOf",),
    "involves": ("involves", "ownedBy", "proposedBy"),
    "aligned_with": ("alignedWith",),
}


@dataclass
class Score:
    """Counts for one row of the table."""

    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_predicted: int = 0
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched_gold += other.matched_gold
        self.matched_predicted += other.matched_predicted
        self.misses += other.misses
        self.spurious += other.spurious


def load_gold(gold_dir: Path) -> list[dict]:
    return [json.loads(path.read_text("utf-8")) for path in sorted(gold_dir.glob("*.json"))]


def evaluate(
    corpus: Corpus, gold_docs: list[dict], language: str | None = "en"
) -> dict[str, Score]:
    """Scores per entity class, for countries, and per relation, summed over the gold
    documents in ``language`` (a gold file without ``"language"`` is English); ``None`` sums
    all. English stays the default, so that adding a Chinese gold file does not change the
    English table."""
    totals: dict[str, Score] = defaultdict(Score)
    documents = {doc.id: doc for doc in corpus.documents}
    for gold in gold_docs:
        if language is not None and gold.get("language", "en") != language:
            continue
        doc = documents.get(gold["document"])
        if doc is None:
            raise ValueError(f"gold document {gold['document']!r} is not in the corpus")
        for name, score in evaluate_document(corpus, doc, gold).items():
            totals[name].add(score)
    return dict(totals)


def scope_span(doc: Document, gold: dict) -> tuple[int, int]:
    """The offsets in ``doc.raw`` that the gold file annotates: its ``scope`` lines, or all."""
    scope = gold.get("scope")
    if not isinstance(scope, dict) or "lines" not in scope:
        return 0, len(doc.raw)
    first, last = scope["lines"]
    starts = [0] + [match.end() for match in re.finditer("\n", doc.raw)]
    start = starts[min(first, len(starts)) - 1]
    end = starts[last] - 1 if last < len(starts) else len(doc.raw)
    return start, end


def evaluate_document(corpus: Corpus, doc: Document, gold: dict) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    low, high = scope_span(doc, gold)

    def in_scope(start: int, end: int) -> bool:
        raw_start, raw_end = doc.raw_span(start, end)
        return low <= raw_start and raw_end <= high

    mentions = [m for m in doc.mentions if in_scope(m.start, m.end)]
    facts = [f for f in doc.facts if low <= f.evidence.start and f.evidence.end <= high]
    surfaces: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.kind is ENTITY and mention.entity:
            surfaces[mention.entity].add(name_key(mention.text))
    for entity_id, keys in surfaces.items():
        entity = corpus.entities[entity_id]
        keys.update(name_key(label) for label in entity.labels.values())
    gold_to_predicted: dict[str, str] = {}
    for entity_type in ENTITY_TYPES:
        gold_entities = [g for g in gold["entities"] if g["type"] == entity_type]
        predicted = sorted(
            e for e in surfaces if corpus.entities[e].type is EntityType(entity_type)
        )
        score = Score(gold=len(gold_entities), predicted=len(predicted))
        used: set[str] = set()
        # Names first, then aliases: a gold alias may be the name of another predicted entity.
        pending = list(gold_entities)
        for use_aliases in (False, True):
            unmatched = []
            for item in pending:
                keys = {name_key(item["name"])}
                if use_aliases:
                    keys |= {name_key(s) for s in item.get("surface", [])}
                match = next((p for p in predicted if p not in used and surfaces[p] & keys), None)
                if match is None:
                    unmatched.append(item)
                    continue
                used.add(match)
                gold_to_predicted[item["name"]] = match
                score.matched_gold += 1
            pending = unmatched
        score.misses = [item["name"] for item in pending]
        score.matched_predicted = len(used)
        score.spurious = [p for p in predicted if p not in used]
        scores[entity_type] = score
    predicted_countries = {m.countries[0] for m in mentions if m.label is COUNTRY and m.countries}
    gold_countries = set(gold.get("countries", []))
    scores["Country"] = _set_score(gold_countries, predicted_countries)
    predicted_to_gold = {v: k for k, v in gold_to_predicted.items()}
    for gold_key, predicates in RELATIONS.items():
        expected = {_pair(item) for item in gold.get(gold_key, [])}
        found = {
            (predicted_to_gold.get(f.subject, f.subject), _object_name(f.object, predicted_to_gold))
            for f in facts
            if f.predicate in predicates and f.object
        }
        scores[predicates[0]] = _set_score(expected, found)
        if gold_key == "located_in":
            # Annotators mark pairs they knew from the world rather than read in the text
            # ("Gwadar Port" is in Pakistan) with a third element "world"; this row leaves
            # them out, so it measures what the text states.
            stated = {_pair(item) for item in gold.get(gold_key, []) if len(item) < 3}
            scores["locatedIn (stated in the text)"] = _recall_only(stated, found)
    # A planned event matches only a planned one: a target date is not what happened.
    expected_events = {
        (e["subject"], e["kind"], e["date"], e.get("planned", False))
        for e in gold.get("events", [])
    }
    found_events = {
        (predicted_to_gold.get(f.subject, f.subject), f.event_kind, f.date.iso(), f.planned)
        for f in facts
        if f.predicate == "event" and f.date
    }
    scores["event"] = _set_score(expected_events, found_events)
    if gold.get("cross_lingual"):
        scores["cross-lingual"] = cross_lingual_score(corpus, doc, gold)
    return scores


def cross_lingual_score(corpus: Corpus, doc: Document, gold: dict) -> Score:
    """How many of the gold's Chinese-English pairs came out as one entity.

    A pair is predicted when both names were found (the Chinese one in the scope, the English
    one in ``en_file``, in an English sentence), and right when both are the same entity.
    """
    low, high = scope_span(doc, gold)
    by_file = {d.meta.file_name: d for d in corpus.documents}
    score = Score(gold=len(gold["cross_lingual"]))
    for pair in gold["cross_lingual"]:
        zh = _entity_named(doc, pair["zh"], pair["type"], corpus, "zh", (low, high))
        other = by_file.get(pair["en_file"])
        en = _entity_named(other, pair["en"], pair["type"], corpus, "en") if other else None
        label = f"{pair['zh']} = {pair['en']} ({pair['en_file']})"
        if zh is None or en is None:
            score.misses.append(label)
            continue
        score.predicted += 1
        if zh == en:
            score.matched_gold += 1
            score.matched_predicted += 1
        else:
            score.misses.append(label)
            score.spurious.append(f"{label}: {zh} ≠ {en}")
    return score


def _entity_named(
    doc: Document,
    name: str,
    entity_type: str,
    corpus: Corpus,
    language: str,
    span: tuple[int, int] | None = None,
) -> str | None:
    """The entity that a mention of ``name`` in ``doc`` denotes, preferring the given class."""
    key = name_key(name)
    found: list[str] = []
    for mention in doc.mentions:
        if mention.kind is not ENTITY or not mention.entity:
            continue
        if mention.language != language or name_key(mention.text) != key:
            continue
        if span is not None:
            start, end = doc.raw_span(mention.start, mention.end)
            if not (span[0] <= start and end <= span[1]):
                continue
        found.append(mention.entity)
    typed = [e for e in found if corpus.entities[e].type.value == entity_type]
    return (typed or found or [None])[0]


def _pair(item: list[str]) -> tuple[str, str]:
    return item[0], item[1]


def _object_name(entity_id: str | None, predicted_to_gold: dict[str, str]) -> str:
    if entity_id and entity_id.startswith("country/"):
        return entity_id.split("/", 1)[1].upper()
    return predicted_to_gold.get(entity_id or "", entity_id or "")


def _set_score(expected: set, found: set) -> Score:
    hits = expected & found
    return Score(
        gold=len(expected),
        predicted=len(found),
        matched_gold=len(hits),
        matched_predicted=len(hits),
        misses=sorted(map(str, expected - found)),
        spurious=sorted(map(str, found - expected)),
    )


def _recall_only(expected: set, found: set) -> Score:
    """Recall of ``expected`` within ``found``; precision is that of the full relation row."""
    hits = expected & found
    return Score(
        gold=len(expected),
        predicted=len(hits),
        matched_gold=len(hits),
        matched_predicted=len(hits),
        misses=sorted(map(str, expected - found)),
    )


def markdown_table(scores: dict[str, Score]) -> str:
    lines = [
        "| what | gold | predicted | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, score in scores.items():
        lines.append(
            f"| {name} | {score.gold} | {score.predicted} | {score.precision:.2f} | "
            f"{score.recall:.2f} | {score.f1:.2f} |"
        )
    return "\n".join(lines)


def summary_rows(scores: dict[str, Score]) -> dict[str, Score]:
    """The rows the README reports: each class, all five named-entity classes together,
    countries, and each relation."""
    core = Score()
    for name in ("Project", "Mechanism", "Initiative", "Corridor", "Organization"):
        if name in scores:
            core.add(scores[name])
    ordered = {name: scores[name] for name in ENTITY_TYPES if name in scores}
    ordered["entities (Project, Mechanism, Initiative, Corridor, Organization)"] = core
    for name in (
        "Country",
        "locatedIn",
        "locatedIn (stated in the text)",
        "partOf",
        "involves",
        "alignedWith",
        "event",
        "cross-lingual",
    ):
        if name in scores:
            ordered[name] = scores[name]
    return ordered
