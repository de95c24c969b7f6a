"""Stage 4: one entity per real-world thing, across all documents.

A mention resolves, in order, to: the lexicon entry it matched; a lexicon entry whose label or
alias has the same name key ("the Port of Piraeus" = "Piraeus Port"); an entity already minted
for the same key; or a new entity whose IRI is the slug of its key, so IRIs do not depend on
which other documents are in the corpus. Then variants are merged: a name whose words are a
subset of a longer name with the same first word and head ("Mombasa-Nairobi Railway" and
"Mombasa-Nairobi Standard Gauge Railway"), and a person's surname alone ("President Xi").
"""

from __future__ import annotations

from collections import Counter, defaultdict

from brikg.ir import Corpus, Entity, EntityType, Mention, MentionKind
from brikg.lexicon import Lexicon
from brikg.recognize.tokens import name_key
from brikg.vocab import slugify

_MERGEABLE = frozenset(
    {EntityType.PROJECT, EntityType.CORRIDOR, EntityType.MECHANISM, EntityType.PERSON}
)


class Resolver:
    """Assigns ``Mention.entity`` for every entity mention and fills ``Corpus.entities``."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._lexicon_keys: dict[str, str] = {}
        for surface, _language, entity_id in lexicon.surface_forms():
            self._lexicon_keys.setdefault(name_key(surface), entity_id)

    def __call__(self, corpus: Corpus) -> Corpus:
        mentions = [
            mention
            for doc in corpus.documents
            for mention in doc.mentions
            if mention.kind is MentionKind.ENTITY and mention.label is not None
        ]
        for mention in mentions:
            mention.entity = self._proposal(mention)
        aliases = _variant_merges(mentions, frozenset(self.lexicon.entries))
        for mention in mentions:
            while mention.entity in aliases:
                mention.entity = aliases[mention.entity]
        corpus.entities = self._entities(mentions)
        return corpus

    def _proposal(self, mention: Mention) -> str:
        if mention.key and "/" in mention.key and not mention.key.startswith("name:"):
            return mention.key
        text = mention.key[5:] if mention.key and mention.key.startswith("name:") else mention.text
        key = name_key(text)
        known = self._lexicon_keys.get(key)
        if known is not None:
            return known
        assert mention.label is not None
        return f"{mention.label.value.lower()}/{slugify(key)}"

    def known(self, entity_id: str) -> Entity | None:
        """A lexicon entry or an ISO country as an entity, labelled in both languages."""
        entry = self.lexicon.entries.get(entity_id)
        if entry is not None:
            entity = Entity(entity_id, entry.type, dict(entry.labels), set(entry.aliases))
            entity.from_lexicon = True
            return entity
        prefix, _, code = entity_id.partition("/")
        if prefix != "country" or not self.lexicon.country_name(code.upper(), "en"):
            return None
        entity = Entity(entity_id, EntityType.COUNTRY, country_code=code.upper(), from_lexicon=True)
        for language in ("en", "zh"):
            name = self.lexicon.country_name(code.upper(), language)
            if name:
                entity.labels[language] = name
        return entity

    def add_referenced(self, corpus: Corpus) -> None:
        """Entities that facts point to without a mention ("Gwadar Port" is in Pakistan though
        the text never names Pakistan) get their description from the lexicon."""
        for doc in corpus.documents:
            for fact in doc.facts:
                for entity_id in (fact.subject, fact.object, *fact.participants):
                    if entity_id and entity_id not in corpus.entities:
                        entity = self.known(entity_id)
                        if entity is not None:
                            corpus.entities[entity_id] = entity

    def _entities(self, mentions: list[Mention]) -> dict[str, Entity]:
        surfaces: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        types: dict[str, EntityType] = {}
        countries: dict[str, str] = {}
        for mention in mentions:
            assert mention.entity is not None and mention.label is not None
            surfaces[mention.entity][(mention.text, mention.language)] += 1
            types.setdefault(mention.entity, mention.label)
            if mention.label is EntityType.COUNTRY and mention.countries:
                countries[mention.entity] = mention.countries[0]
        entities: dict[str, Entity] = {}
        for entity_id in sorted(surfaces):
            entity = self.known(entity_id) or Entity(
                entity_id, _type_of(entity_id, types[entity_id])
            )
            if entity.type is EntityType.COUNTRY and entity_id in countries:
                entity.country_code = countries[entity_id]
            for language in ("en", "zh"):
                if language not in entity.labels:
                    label = _preferred(surfaces[entity_id], language)
                    if label:
                        entity.labels[language] = label
            entity.alt_labels |= {
                (text, language)
                for (text, language) in surfaces[entity_id]
                if text != entity.labels.get(language)
            }
            entities[entity_id] = entity
        return entities


def _type_of(entity_id: str, fallback: EntityType) -> EntityType:
    prefix = entity_id.split("/", 1)[0]
    for entity_type in EntityType:
        if entity_type.value.lower() == prefix:
            return entity_type
    return fallback


def _preferred(counts: Counter[tuple[str, str]], language: str) -> str | None:
    """The label a reader expects: the most frequent surface form, then the longest."""
    candidates = [(n, text) for (text, lang), n in counts.items() if lang == language]
    if not candidates:
        return None
    candidates.sort(key=lambda item: (-item[0], -len(item[1]), item[1]))
    label = candidates[0][1]
    return label[4:] if label.lower().startswith("the ") else label


def _variant_merges(mentions: list[Mention], canonical: frozenset[str]) -> dict[str, str]:
    """Map shorter variant entity ids onto the fuller name they abbreviate; lexicon entries
    (``canonical``) are never re-mapped."""
    words: dict[str, tuple[EntityType, list[str]]] = {}
    places: dict[str, str] = {}
    for mention in mentions:
        if mention.entity and mention.label in _MERGEABLE and mention.entity not in words:
            words[mention.entity] = (mention.label, name_key(mention.text).split())
            places[mention.entity] = _place_prefix(mention.text)
    merges: dict[str, str] = {}
    ids = sorted(words, key=lambda i: (-len(words[i][1]), i))
    # A variant shares its full name's class, place compound ("China-Thailand Railway" is not
    # the "China-Laos-Thailand Railway") and first word, so only names that share all three
    # are compared: linear in the corpus, not quadratic.
    buckets: dict[tuple[EntityType, str, str], list[str]] = defaultdict(list)
    for entity_id in ids:
        entity_type, entity_words = words[entity_id]
        if entity_words:
            buckets[entity_type, places[entity_id], entity_words[0]].append(entity_id)
    for short in ids:
        short_type, short_words = words[short]
        if not short_words or short in canonical:
            continue
        if not places[short] and short_type is not EntityType.PERSON:
            continue  # without a place to anchor it, "Silk Road Program" may be any programme
        for full in buckets[short_type, places[short], short_words[0]]:
            full_words = words[full][1]
            if full == short or len(full_words) <= len(short_words):
                continue
            if _abbreviates(short_words, full_words, short_type):
                merges[short] = full
                break
    return merges


def _place_prefix(name: str) -> str:
    """The hyphenated place compound a name starts with ("Jakarta-Bandung"), if any."""
    first = name.removeprefix("the ").split(" ", 1)[0]
    return first.casefold() if "-" in first else ""


def _abbreviates(short: list[str], full: list[str], entity_type: EntityType) -> bool:
    if entity_type is EntityType.PERSON:
        return len(short) == 1 and full[0] == short[0]
    if len(short) < 2 or short[0] != full[0] or short[-1] != full[-1]:
        return False
    remaining = iter(full)
    return all(word in remaining for word in short)
