"""Dictionary matching of known names: the lexicon's labels and aliases, and all countries.

Like spaCy's PhraseMatcher: phrases are token sequences indexed by their first token, so a
sentence is matched in one pass whatever the size of the lexicon. Chinese forms are matched by
one regex, grouped by their first character.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import compress, count

from brikg.ir import COUNTRY, ENTITY, PLACE, EntityType, Mention
from brikg.lexicon import Lexicon
from brikg.recognize.tokens import Tokens, tokenize


@dataclass(frozen=True, slots=True)
class Phrase:
    tokens: tuple[str, ...]
    entity_id: str
    acronym: bool


@dataclass(slots=True)
class _Node:
    """The phrases whose tokens so far lead here: those that end here (in lexicon order), and
    the nodes of the tokens that may come next."""

    phrases: list[Phrase] = field(default_factory=list)
    next: dict[str, _Node] = field(default_factory=dict)


_Index = dict[str, _Node]
"""First token → its node of a trie of phrases: matching follows the sentence's tokens down it,
one dictionary lookup per token, where a lookup per phrase length cost a slice and a tuple
each ("China" starts 47 lexicon phrases of several lengths; most uses are followed by none)."""


def _trie(phrases_by_first: dict[str, list[Phrase]]) -> _Index:
    index: _Index = {}
    for first, phrases in phrases_by_first.items():
        root = index[first] = _Node()
        for phrase in phrases:
            node = root
            for token in phrase.tokens[1:]:
                node = node.next.setdefault(token, _Node())
            node.phrases.append(phrase)
    return index


def _first_fit(phrases: list[Phrase], capitalised: bool, upper: bool) -> Phrase | None:
    """The first of ``phrases`` that the case of the text allows: an acronym only in capitals."""
    for phrase in phrases:
        if upper if phrase.acronym else capitalised:
            return phrase
    return None


class Gazetteer:
    """Finds every lexicon surface form in text; longest match wins."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        by_first: dict[str, list[Phrase]] = defaultdict(list)
        countries_by_first: dict[str, list[Phrase]] = defaultdict(list)
        zh_by_first: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for surface, language, entity_id in lexicon.surface_forms():
            if not surface.strip():
                continue
            if language == "zh":
                zh_by_first[surface[0]].append((surface, entity_id))
                continue
            tokens = tuple(tokenize(surface).norms)
            if not tokens:
                continue
            acronym = len(tokens) == 1 and surface.isupper() and len(surface) <= 8
            index = countries_by_first if entity_id.startswith("country/") else by_first
            index[tokens[0]].append(Phrase(tokens, entity_id, acronym))
        self._lexicon_index = _trie(by_first)
        # Each entity's class and country codes, computed once rather than per mention.
        self._labels: dict[str, tuple[EntityType, tuple[str, ...]]] = {}
        self._country_index = _trie(countries_by_first)
        self._first_tokens = self._lexicon_index.keys() | self._country_index.keys()
        self._zh_entity: dict[str, str] = {}  # a form listed twice keeps its first entity
        for forms in zh_by_first.values():
            forms.sort(key=lambda form: -len(form[0]))
            for surface, entity_id in forms:
                self._zh_entity.setdefault(surface, entity_id)
        # The forms that name no country: what a caller that finds countries on its own reads.
        self._zh_named = {
            surface: entity_id
            for surface, entity_id in self._zh_entity.items()
            if self._label(entity_id)[0] is not COUNTRY
        }
        # One alternative per first character, its forms longest first: the regex engine tries
        # them in that order where a form starts, so the longest wins, and it scans in C (a
        # Python loop over every character was 17% of Chinese recognition).
        self._zh_pattern = re.compile(
            "|".join(
                re.escape(first)
                + "(?:"
                + "|".join(re.escape(surface[1:]) for surface, _ in forms)
                + ")"
                for first, forms in zh_by_first.items()
            )
            or "(?!)"  # no Chinese forms: match nothing, not the empty string
        )

    def entity_type(self, entity_id: str) -> EntityType:
        return self._label(entity_id)[0]

    def _label(self, entity_id: str) -> tuple[EntityType, tuple[str, ...]]:
        """The class of ``entity_id`` and, for a country, its code: cached, since the same few
        entities are mentioned over and over."""
        label = self._labels.get(entity_id)
        if label is None:
            prefix, _, rest = entity_id.partition("/")
            entity_type = EntityType(prefix.capitalize())
            countries = (rest.upper(),) if entity_type is COUNTRY else ()
            label = self._labels[entity_id] = (entity_type, countries)
        return label

    def match_tokens(self, tokens: Tokens, text_of: str, offset: int) -> Iterator[Mention]:
        """Yield longest non-overlapping matches over ``tokens`` (offsets relative to text).

        Countries are matched in a pass of their own, so that the countries a known name
        contains ("China-Laos Railway") are found too; but not inside a known place whose name
        holds a country's ("Lao Cai" is in Vietnam).
        """
        texts = tokens.texts
        starts: list[tuple[int, bool, bool]] = []  # where a phrase may start, and its case
        # The positions of tokens that start some phrase, found without a Python loop.
        for position in compress(count(), map(self._first_tokens.__contains__, tokens.norms)):
            text = texts[position]
            initial = text[:1]
            capitalised = initial.isupper() or initial.isdigit()
            upper = text == text.upper()
            if capitalised or upper:  # not lowercase ("the", "new"), where no phrase starts
                starts.append((position, capitalised, upper))
        if starts:
            places: list[tuple[int, int]] = []
            for mention in self._match(self._lexicon_index, tokens, starts, text_of, offset):
                if mention.label is PLACE:
                    places.append((mention.start, mention.end))
                yield mention
            for mention in self._match(self._country_index, tokens, starts, text_of, offset):
                if not any(start <= mention.start and mention.end <= end for start, end in places):
                    yield mention

    def _match(
        self,
        index: _Index,
        tokens: Tokens,
        starts: list[tuple[int, bool, bool]],
        text_of: str,
        offset: int,
    ) -> Iterator[Mention]:
        norms = tokens.norms
        free = 0  # the first token not inside an earlier match
        for position, capitalised, upper in starts:
            if position < free or (node := index.get(norms[position])) is None:
                continue
            nodes = [node]  # down the trie along the tokens: the nodes of longer and longer runs
            at = position + 1
            while at < len(norms) and (node := node.next.get(norms[at])) is not None:
                nodes.append(node)
                at += 1
            for node in reversed(nodes):  # longest first
                found = _first_fit(node.phrases, capitalised, upper)
                if found is not None:
                    break
            else:
                continue
            free = position + len(found.tokens)
            start, end = tokens.starts[position], tokens.ends[free - 1]
            yield self._mention(
                found.entity_id, start, end, text_of[start - offset : end - offset], "en"
            )

    def match_chinese(self, text: str, offset: int, countries: bool = True) -> Iterator[Mention]:
        """Yield longest non-overlapping matches of Chinese forms in ``text``; without
        ``countries``, not those of country names (still matched, so that no name is found
        inside one), whose mentions the caller would only discard."""
        entities = self._zh_entity if countries else self._zh_named
        for match in self._zh_pattern.finditer(text):
            surface = match.group()
            entity_id = entities.get(surface)
            if entity_id is None:
                continue
            yield self._mention(
                entity_id,
                offset + match.start(),
                offset + match.end(),
                surface,
                "zh",
            )

    def _mention(self, entity_id: str, start: int, end: int, text: str, language: str) -> Mention:
        entity_type, countries = self._label(entity_id)
        return Mention(
            start,
            end,
            text,
            ENTITY,
            "lexicon",
            label=entity_type,
            key=entity_id,
            countries=countries,
            language=language,
        )
