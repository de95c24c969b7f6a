"""Stage 4: one entity per real-world thing, across all documents.

A mention resolves, in order, to: the lexicon entry it matched; a lexicon entry whose label or
alias has the same name key ("the Port of Piraeus" = "Piraeus Port"); an entity already minted
for the same key; or a new entity whose IRI is the slug of its key, so IRIs do not depend on
which other documents are in the corpus. Then variants are merged: a name whose words are a
subset of a longer name with the same first word and head ("Mombasa-Nairobi Railway" and
"Mombasa-Nairobi Standard Gauge Railway"), and a person's surname alone ("President Xi").

A name that is generic without its owner ("Vision 2050", "National Development Plan", "Ministry
of Energy", "Development Bank") resolves per owner country: "Rwanda's Vision 2050" and
"Tanzania's Vision 2050" are ``strategy/rwanda-vision-2050`` and ``strategy/tanzania-vision-2050``,
whichever document names them. See :func:`owned_names`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from brikg.ir import (
    CORRIDOR,
    COUNTRY,
    ENTITY,
    MECHANISM,
    ORGANIZATION,
    PERSON,
    PROJECT,
    STRATEGY,
    Corpus,
    Document,
    Entity,
    EntityType,
    Mention,
)
from brikg.lexicon import Lexicon
from brikg.recognize.coref import SHORT_FORM_RULES
from brikg.recognize.tokens import name_key
from brikg.vocab import slugify

_MERGEABLE = frozenset({PROJECT, CORRIDOR, MECHANISM, PERSON})
# A one-character country prefix of a compound name (老 in 中老铁路) mentions the country but
# is no name of it: the lexicon's brikg:compoundPrefix says which character stands for which
# country, and a prefix read from context (乌 = Uganda) or misread is not to become a label.
_COMPOUND_PREFIX_RULE = "zh-country-prefix"
# Legal forms after a company's name, as name keys write them ("Ltd" is "limited").
_LEGAL_SUFFIX_KEYS = frozenset({"limited", "plc", "inc", "llc", "jsc", "pjsc"})


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
            if mention.kind is ENTITY and mention.label is not None
        ]
        owned: dict[int, OwnedName] = {}
        for doc in corpus.documents:
            owned.update(owned_names(doc))
        self._owned: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        for mention in mentions:
            name = owned.get(id(mention))
            if name is None:
                mention.entity = self._proposal(mention)
            else:
                mention.entity = self._owned_proposal(mention, name)
                if name.read and mention.label is STRATEGY and not mention.countries:
                    # The relation stage reads a strategy's owner (brikg:ownedBy) here.
                    mention.countries = (name.owner,)
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
        if known is None and mention.label is ORGANIZATION:
            # "China Harbour Engineering Company Ltd": the known company, its legal form added.
            stem, _, suffix = key.rpartition(" ")
            if suffix in _LEGAL_SUFFIX_KEYS:
                known = self._lexicon_keys.get(stem)
        if known is not None:
            return known
        assert mention.label is not None
        return f"{mention.label.value.lower()}/{slugify(key)}"

    def _owned_proposal(self, mention: Mention, name: OwnedName) -> str:
        """The owner's own entity: the lexicon's, if it knows the name with the owner in it
        ("Saudi Arabia's Vision 2030", or "China's Export-Import Bank" as the "Export-Import
        Bank of China"), else one whose IRI is the slug of owner and name."""
        owner = self.lexicon.country_name(name.owner, "en") or name.owner
        key = name_key(f"{owner} {name.generic}")
        known = self._lexicon_keys.get(key) or self._lexicon_keys.get(
            name_key(f"{name.generic} of {owner}")
        )
        if known is not None:
            return known
        assert mention.label is not None
        entity_id = f"{mention.label.value.lower()}/{slugify(key)}"
        self._owned[entity_id][name.generic, owner] += 1
        return entity_id

    def _owned_label(self, entity_id: str) -> str | None:
        """ "Vision 2050 (Rwanda)": the generic name as the documents write it, then its owner
        in brackets. Not "Rwanda's Vision 2050", which reads as a quotation that no document
        need contain and is awkward for some owners ("United States's"); brackets are the usual
        mark of a disambiguating qualifier, and the name itself still comes first."""
        names = self._owned.get(entity_id)
        if not names:
            return None
        generic, owner = min(names, key=lambda item: (-names[item], -len(item[0]), item))
        return f"{generic} ({owner})"

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
        entity = Entity(entity_id, COUNTRY, country_code=code.upper(), from_lexicon=True)
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
        # Short forms ("the initiative") are surface forms, never a label while a name is.
        short_forms: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        types: dict[str, EntityType] = {}
        countries: dict[str, str] = {}
        for mention in mentions:
            assert mention.entity is not None and mention.label is not None
            names = surfaces[mention.entity]  # a compound prefix adds the entity, not a name
            surface = _one_line(mention.text)
            if mention.rule in SHORT_FORM_RULES:
                short_forms[mention.entity][(surface, mention.language)] += 1
            elif mention.rule != _COMPOUND_PREFIX_RULE:
                names[(surface, mention.language)] += 1
            types.setdefault(mention.entity, mention.label)
            if mention.label is COUNTRY and mention.countries:
                countries[mention.entity] = mention.countries[0]
        entities: dict[str, Entity] = {}
        for entity_id in sorted(surfaces):
            entity = self.known(entity_id) or Entity(
                entity_id, _type_of(entity_id, types[entity_id])
            )
            owned_label = None if entity.from_lexicon else self._owned_label(entity_id)
            if owned_label is not None:
                entity.labels["en"] = owned_label
            if entity.type is COUNTRY and entity_id in countries:
                entity.country_code = countries[entity_id]
            shorts = short_forms.get(entity_id, Counter())
            for language in ("en", "zh"):
                if language not in entity.labels:
                    label = _preferred(surfaces[entity_id], language) or _preferred(
                        shorts, language
                    )
                    if label:
                        entity.labels[language] = label
            entity.alt_labels |= {
                (text, language)
                for (text, language) in surfaces[entity_id] | shorts
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


def _one_line(text: str) -> str:
    """A name as a label: on one line where a hard-wrapped text broke it ("Velmar Deep-\nwater
    Port" is "Velmar Deep-water Port"); the mention keeps the text as written."""
    if "\n" not in text:
        return text
    return _LINE_BREAK.sub(" ", _BROKEN_WORD.sub("-", text))


_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-[ \t]*\n\s*(?=[a-z])")
_LINE_BREAK = re.compile(r"\s*\n\s*")


def _preferred(counts: Counter[tuple[str, str]], language: str) -> str | None:
    """The label a reader expects: the most frequent surface form, then the longest; an
    acronym ("CRTEG") only when the documents give no full name, however often a text that
    defined it uses it after."""
    candidates = [(n, text) for (text, lang), n in counts.items() if lang == language]
    if not candidates:
        return None
    candidates.sort(key=lambda item: (_is_acronym(item[1]), -item[0], -len(item[1]), item[1]))
    label = candidates[0][1]
    return label[4:] if label.lower().startswith("the ") else label


def _is_acronym(text: str) -> bool:
    """ "CRTEG", "U.S.": one word in capitals."""
    return text.isupper() and " " not in text


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
        if not places[short] and short_type is not PERSON:
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
    if entity_type is PERSON:
        return len(short) == 1 and full[0] == short[0]
    if len(short) < 2 or short[0] != full[0] or short[-1] != full[-1]:
        return False
    remaining = iter(full)
    return all(word in remaining for word in short)


@dataclass(frozen=True, slots=True)
class OwnedName:
    """A mention's name without its owner ("Vision 2050"), the owner's country code, and
    whether the owner is written at the mention rather than taken from an earlier one."""

    generic: str
    owner: str
    read: bool = True


# Words that name nothing by themselves: a name made only of them (and numbers, as the year of
# "Vision 2050") is some country's strategy or body, and which one only its owner says.
_GENERIC_WORDS = {
    STRATEGY: frozenset(
        "vision plan strategy agenda outline policy programme program framework blueprint "
        "roadmap national development long medium short term five year economic social "
        "sustainable strategic master action reform recovery reconstruction growth "
        "transformation industrial industrialization industrialisation and of for on to the".split()
    ),
    ORGANIZATION: frozenset(
        "bank development central national reserve export import investment assembly "
        "parliament senate government cabinet foreign ministry and of for the".split()
    ),
}
# "Ministry of X" and "Department of X" are a government's, whatever X is.
_GENERIC_HEADS = frozenset({"ministry", "department"})
# "Kenya's Ministry of Energy", "China's state-owned Export-Import Bank": an adjective or two
# in lowercase may stand between the owner and the name.
_POSSESSIVE_BEFORE = re.compile(
    r"['’]s\s+(?:(?!(?:the|a|an|and|or|with|to|of|for|in|on)\s)[a-z][\w-]*\s+){0,2}[\"“]?\Z"
)
_OF_BEFORE = re.compile(r"\s+of(?:\s+the)?\s+\Z")


def is_generic(name: str, entity_type: EntityType) -> bool:
    """Whether a name needs its owner to say which thing it is ("Vision 2050", "Ministry of
    Energy", "Development Bank"), unlike "Bright Road" or "Saudi Vision 2030"."""
    vocabulary = _GENERIC_WORDS.get(entity_type)
    words = name_key(name).split()
    if vocabulary is None or not words:
        return False
    if entity_type is ORGANIZATION and words[0] in _GENERIC_HEADS:
        return len(words) > 2 and words[1] in {"of", "for"}
    return all(word in vocabulary or word.isdigit() for word in words)


def owned_names(doc: Document) -> dict[int, OwnedName]:
    """The generic strategy and organisation names of a document that have an owner country,
    keyed by ``id()`` of the mention.

    The owner is the strategy's owner the recogniser read ("Rwanda's Vision 2050"), a country
    in possessive before the name ("Kenya's Ministry of Energy", "Kyrgyzstan's \"National
    Development Outline\""), or one the name starts or ends with ("Kenyan Ministry of Energy",
    "Ministry of Energy of Kenya"). A generic name without one takes the owner of the same name
    earlier in the document ("Rwanda's Vision 2050 ... Vision 2050"), or its only owner there.
    """
    countries = [m for m in doc.mentions if m.label is COUNTRY and m.countries]
    by_start = {m.start: m for m in countries}
    by_end = {m.end: m for m in countries}
    found: list[tuple[Mention, str, str, str | None]] = []  # mention, name, its key, owner
    for mention in doc.mentions:
        if mention.kind is not ENTITY or mention.label not in _GENERIC_WORDS:
            continue
        if mention.key and "/" in mention.key and not mention.key.startswith("name:"):
            continue  # the lexicon's entry
        generic, owner = _owner_in_name(doc, mention, by_start, by_end)
        key = name_key(generic)
        if not is_generic(generic, mention.label):
            continue
        if owner is None and mention.label is STRATEGY and mention.countries:
            owner = mention.countries[0]
        if owner is None:
            possessive = _POSSESSIVE_BEFORE.search(
                doc.text, max(0, mention.start - 32), mention.start
            )
            country = by_end.get(possessive.start()) if possessive is not None else None
            if country is not None:
                owner = country.countries[0]
        found.append((mention, generic, key, owner))
    owned: dict[int, OwnedName] = {}
    owners: dict[str, set[str]] = defaultdict(set)
    for _mention, _generic, key, owner in found:
        if owner is not None:
            owners[key].add(owner)
    last: dict[str, str] = {}
    for mention, generic, key, owner in sorted(found, key=lambda item: item[0].start):
        read = owner is not None
        if owner is None:
            only = owners[key]
            owner = last.get(key) or (next(iter(only)) if len(only) == 1 else None)
        if owner is not None:
            last[key] = owner
            owned[id(mention)] = OwnedName(generic, owner, read)
    return owned


def _owner_in_name(
    doc: Document, mention: Mention, by_start: dict[int, Mention], by_end: dict[int, Mention]
) -> tuple[str, str | None]:
    """The name without a country it starts or ends with, and that country's code (the
    document's country mentions by where they start and end)."""
    country = by_start.get(mention.start)
    if country is not None and country.end < mention.end:
        return doc.text[country.end : mention.end].strip(), country.countries[0]
    country = by_end.get(mention.end)
    if country is not None and country.start > mention.start:
        of = _OF_BEFORE.search(doc.text, mention.start, country.start)
        if of is not None:
            return doc.text[mention.start : of.start()], country.countries[0]
    return mention.text, None
