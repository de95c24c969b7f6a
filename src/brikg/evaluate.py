"""Precision and recall of the extractor against hand-annotated gold documents (tests/gold/).

Entities match when they have the same class and one of the predicted entity's surface forms
in the document has the same name key as one of the gold surface forms; each gold entity and
each predicted entity is matched at most once. Relations match when both ends match.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from brikg.ir import Corpus, Document, EntityType, MentionKind
from brikg.recognize.tokens import name_key

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


def evaluate(corpus: Corpus, gold_docs: list[dict]) -> dict[str, Score]:
    """Scores per entity class, for countries, and per relation, summed over gold documents."""
    totals: dict[str, Score] = defaultdict(Score)
    documents = {doc.id: doc for doc in corpus.documents}
    for gold in gold_docs:
        doc = documents.get(gold["document"])
        if doc is None:
            raise ValueError(f"gold document {gold['document']!r} is not in the corpus")
        for name, score in evaluate_document(corpus, doc, gold).items():
            totals[name].add(score)
    return dict(totals)


def evaluate_document(corpus: Corpus, doc: Document, gold: dict) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    surfaces: dict[str, set[str]] = defaultdict(set)
    for mention in doc.mentions:
        if mention.kind is MentionKind.ENTITY and mention.entity:
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
    predicted_countries = {
        m.countries[0] for m in doc.mentions if m.label is EntityType.COUNTRY and m.countries
    }
    gold_countries = set(gold.get("countries", []))
    scores["Country"] = _set_score(gold_countries, predicted_countries)
    predicted_to_gold = {v: k for k, v in gold_to_predicted.items()}
    for gold_key, predicates in RELATIONS.items():
        expected = {_pair(item) for item in gold.get(gold_key, [])}
        found = {
            (predicted_to_gold.get(f.subject, f.subject), _object_name(f.object, predicted_to_gold))
            for f in doc.facts
            if f.predicate in predicates and f.object
        }
        scores[predicates[0]] = _set_score(expected, found)
    expected_events = {(e["subject"], e["kind"], e["date"]) for e in gold.get("events", [])}
    found_events = {
        (predicted_to_gold.get(f.subject, f.subject), f.event_kind, f.date.iso())
        for f in doc.facts
        if f.predicate == "event" and f.date
    }
    scores["event"] = _set_score(expected_events, found_events)
    return scores


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
    for name in ("Country", "locatedIn", "partOf", "involves", "alignedWith", "event"):
        if name in scores:
            ordered[name] = scores[name]
    return ordered
