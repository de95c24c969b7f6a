"""Dictionary matching of known names: the lexicon's labels and aliases, and all countries.

Like spaCy's PhraseMatcher: phrases are token sequences indexed by their first token, so a
sentence is matched in one pass whatever the size of the lexicon. Chinese forms are matched by
one regex, grouped by their first character.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress, count

from brikg.ir import EntityType, Mention, MentionKind
from brikg.lexicon import Lexicon
from brikg.recognize.tokens import Tokens, tokenize


@dataclass(frozen=True, slots=True)
class Phrase:
    tokens: tuple[str, ...]
    entity_id: str
    acronym: bool


_Index = dict[str, list[tuple[int, dict[tuple[str, ...], list[Phrase]]]]]
"""First token → (length, phrases of that length by their tokens), longest first."""


def _by_length(phrases_by_first: dict[str, list[Phrase]]) -> _Index:
    """One dictionary lookup per phrase length instead of a comparison per phrase: "China"
    starts 47 lexicon phrases, but of only a few lengths."""
    index: _Index = {}
    for first, phrases in phrases_by_first.items():
        lengths: dict[int, dict[tuple[str, ...], list[Phrase]]] = {}
        for phrase in phrases:
            lengths.setdefault(len(phrase.tokens), {}).setdefault(phrase.tokens, []).append(phrase)
        index[first] = sorted(lengths.items(), key=lambda item: -item[0])
    return index


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
        self._lexicon_index = _by_length(by_first)
        # Each entity's class and country codes, computed once rather than per mention.
        self._labels: dict[str, tuple[EntityType, tuple[str, ...]]] = {}
        self._country_index = _by_length(countries_by_first)
        self._zh_entity: dict[str, str] = {}  # a form listed twice keeps its first entity
        for forms in zh_by_first.values():
            forms.sort(key=lambda form: -len(form[0]))
            for surface, entity_id in forms:
                self._zh_entity.setdefault(surface, entity_id)
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
            countries = (rest.upper(),) if entity_type is EntityType.COUNTRY else ()
            label = self._labels[entity_id] = (entity_type, countries)
        return label

    def match_tokens(self, tokens: Tokens, text_of: str, offset: int) -> Iterator[Mention]:
        """Yield longest non-overlapping matches over ``tokens`` (offsets relative to text).

        Countries are matched in a pass of their own, so that the countries a known name
        contains ("China-Laos Railway") are found too.
        """
        yield from self._match(self._lexicon_index, tokens, text_of, offset)
        yield from self._match(self._country_index, tokens, text_of, offset)

    def _match(self, index: _Index, tokens: Tokens, text_of: str, offset: int) -> Iterator[Mention]:
        norms = tokens.norms
        free = 0  # the first token not inside an earlier match
        # The positions of tokens that start some phrase, found without a Python loop.
        for position in compress(count(), map(index.__contains__, norms)):
            if position < free:
                continue
            text = tokens.texts[position]
            initial = text[:1]
            capitalised = initial.isupper() or initial.isdigit()
            upper = text == text.upper()
            if not (capitalised or upper):
                continue  # lowercase ("the", "new"): no phrase may start here
            found = None
            for size, phrases in index[norms[position]]:
                for phrase in phrases.get(tuple(norms[position : position + size]), ()):
                    if not (upper if phrase.acronym else capitalised):
                        continue
                    found = phrase
                    break
                if found is not None:
                    break
            if found is None:
                continue
            free = position + len(found.tokens)
            start, end = tokens.starts[position], tokens.ends[free - 1]
            yield self._mention(
                found.entity_id, start, end, text_of[start - offset : end - offset], "en"
            )

    def match_chinese(self, text: str, offset: int) -> Iterator[Mention]:
        """Yield longest non-overlapping matches of Chinese forms in ``text``."""
        for match in self._zh_pattern.finditer(text):
            surface = match.group()
            yield self._mention(
                self._zh_entity[surface],
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
            MentionKind.ENTITY,
            "lexicon",
            label=entity_type,
            key=entity_id,
            countries=countries,
            language=language,
        )
