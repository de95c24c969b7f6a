"""Stage 3: find mentions of entities, dates and quantities in each sentence.

Recognisers are plain functions over a sentence's text and tokens (like spaCy's Matcher and
EntityRuler): the gazetteer for known names and countries, grammar for unseen names, and
patterns for dates and quantities. This module runs them and settles overlaps.
"""

from __future__ import annotations

import bisect
from itertools import accumulate
from operator import attrgetter

from brikg.ir import (
    COUNTRY,
    DATE,
    ENTITY,
    ORGANIZATION,
    PROJECT,
    DateValue,
    Document,
    EntityType,
    Mention,
    MentionKind,
)
from brikg.lexicon import Lexicon, load_lexicon
from brikg.recognize.coref import short_form_mentions
from brikg.recognize.dates import date_cues, dateline_date, find_dates, may_need_year
from brikg.recognize.gazetteer import Gazetteer
from brikg.recognize.names import APPOSED_BODY_RULE, NameContext, acronym_definitions, find_names
from brikg.recognize.quantities import find_quantities, national_currency
from brikg.recognize.sides import side_mentions
from brikg.recognize.tokens import tokenize
from brikg.recognize.zh import ChineseRecognizer
from brikg.scan import is_word_character, occurrences


class Recognizer:
    """Runs every recogniser over a document; build once, reuse for all documents."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.gazetteer = Gazetteer(self.lexicon)
        self.chinese = ChineseRecognizer(self.lexicon, self.gazetteer)

    def __call__(self, doc: Document) -> Document:
        mentions: list[Mention] = []
        context_year: int | None = None
        year_sentences: set[int] = set()  # where a date only the document's year resolves may be
        story_date: DateValue | None = None  # a story's dateline day: "on Monday" counts back
        in_body = False
        for sentence in doc.sentences:
            if sentence.language == "zh":  # Chinese recognisers read the sentence without gaps
                found = self.chinese(doc, sentence, context_year)
            else:
                text = doc.text[sentence.start : sentence.end]
                found, needs_year = self._sentence_mentions(
                    text, sentence.start, context_year, story_date
                )
                if needs_year:
                    year_sentences.add(sentence.index)
                if not in_body and not sentence.is_heading:  # a dateline opens the story
                    story_date = dateline_date(text, sentence.start, found)
            in_body = in_body or not sentence.is_heading
            for mention in found:
                mention.sentence = sentence.index
                mention.language = sentence.language
                date = mention.date if mention.kind is DATE else None
                # A byline or heading date ("Updated: 2024-01-05") is not the body's context.
                if date is not None and not sentence.is_heading and not date.inferred:
                    context_year = (date.end or date).year
            mentions.extend(found)
        mentions.extend(self._acronym_mentions(doc, mentions))
        _as_apposed_bodies(mentions)
        mentions.sort(key=_document_order)
        doc.mentions = mentions  # the short forms are found by reading them in order
        # The few short forms go in by bisection, after the mentions they tie with, as a stable
        # sort of all would put them: sorting again cost a key per mention.
        extras = [*short_form_mentions(doc, year_sentences), *side_mentions(doc, self.lexicon)]
        sides = [m for m in extras if m.rule == "nation-side"]
        if sides:  # "the China side" is the mention of China, not the "China" in it
            starts = [m.start for m in mentions]  # in document order: bisect to each side
            inner = {
                (m.start, m.end)
                for side in sides
                for m in mentions[
                    bisect.bisect_left(starts, side.start) : bisect.bisect_left(starts, side.end)
                ]
                if m.end <= side.end
            }
            mentions[:] = [m for m in mentions if (m.start, m.end) not in inner]
        for extra in sorted(extras, key=_document_order):
            bisect.insort_right(mentions, extra, key=_document_order)
        return doc

    def _sentence_mentions(
        self, text: str, offset: int, context_year: int | None, story_date: DateValue | None
    ) -> tuple[list[Mention], bool]:
        """The mentions in an English sentence, and whether a date only the document's year
        resolves may be in it (asked here, where the tokens' forms spare a search)."""
        tokens = tokenize(text, offset)
        known = list(self.gazetteer.match_tokens(tokens, text, offset))
        country_tokens: set[int] = set()
        country_codes: dict[int, str] = {}
        known_ends: set[int] = set()
        known_starts: set[int] = set()
        if known:  # most sentences name nothing known
            starts, ends = tokens.starts, tokens.ends
            countries = [m for m in known if m.label is COUNTRY]
            countries.sort(key=_START_OF)
            for mention in countries:
                first = bisect.bisect_left(starts, mention.start)
                for index in range(first, len(ends)):
                    if ends[index] > mention.end:
                        break
                    country_tokens.add(index)
                    country_codes[index] = mention.countries[0]
            for mention in known:  # the token a known name ends with: the last to start before
                last = bisect.bisect_left(starts, mention.end) - 1
                if last >= 0 and ends[last] == mention.end:
                    known_ends.add(last)
                if mention.label is not COUNTRY:
                    known_starts.add(bisect.bisect_left(starts, mention.start))
        words = set(tokens.norms)
        context = NameContext(country_tokens, country_codes, known_ends, words, known_starts)
        known.extend(find_names(text, tokens, offset, context))
        entities = _bracketed_aliases(_settle(known), text, offset)
        cues = date_cues(text, words)
        dates = list(find_dates(text, offset, context_year, cues=cues, story_date=story_date))
        quantities = [  # the sentence's countries say which "CFA francs"
            national_currency(q, self.lexicon.nationality, country_codes.values())
            for q in find_quantities(text, offset, words)
        ]
        if dates and quantities:  # a number inside a date is not a quantity
            quantities = [q for q in quantities if not any(_overlap(q, d) for d in dates)]
        return entities + dates + quantities, may_need_year(text, cues)

    def _acronym_mentions(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """Mentions of acronyms the document defined ("... Corridor (CPEC)") and later uses."""
        definitions: dict[str, Mention] = {}
        for acronym, definer in acronym_definitions(doc.text, mentions, 0):
            definitions.setdefault(acronym, definer)
        if not definitions:
            return []
        covered = _Coverage([m for m in mentions if m.kind is ENTITY])
        # Tried only where an acronym occurs (str.find passes over the text in C), and read
        # there without a regex: one compiled from each document's acronyms cost more than
        # the whole search.
        text = doc.text
        acronyms = sorted(definitions)
        starts = occurrences(text, definitions)
        extra: list[Mention] = []
        for sentence in doc.sentences:
            first = bisect.bisect_left(starts, sentence.start)
            if sentence.language == "zh" or first == len(starts) or starts[first] >= sentence.end:
                continue
            last = bisect.bisect_left(starts, sentence.end, first)
            end = 0
            for start in starts[first:last]:
                if start < end:
                    continue
                acronym = _whole_word_at(text, start, sentence.end, acronyms)
                if acronym is None:
                    continue
                end = start + len(acronym)
                if start in covered:
                    continue
                definer = definitions[acronym]
                extra.append(
                    Mention(
                        start,
                        end,
                        acronym,
                        ENTITY,
                        "acronym-defined",
                        sentence=sentence.index,
                        label=definer.label,
                        key=definer.key or f"name:{definer.text}",
                        countries=definer.countries,
                    )
                )
        return extra


def _whole_word_at(text: str, start: int, end: int, words: list[str]) -> str | None:
    """The first of ``words`` that is a whole word at ``start`` in ``text[:end]``, as a token
    of it would be: no word character or apostrophe before it, no word character after."""
    if start and (is_word_character(text[start - 1]) or text[start - 1] in "'’"):
        return None
    end = min(end, len(text))
    for word in words:
        after = start + len(word)
        if (
            after <= end
            and text.startswith(word, start)
            and (after == end or not is_word_character(text[after]))
        ):
            return word
    return None


def _as_apposed_bodies(mentions: list[Mention]) -> None:
    """ "Kelmar Rail, the operator of the X Railway, ...": a name an apposition shows to be a
    body is one in every sentence that writes it, not a railway where it stands alone."""
    bodies = {m.text for m in mentions if m.rule == APPOSED_BODY_RULE}
    if not bodies:
        return
    for mention in mentions:
        if mention.label is PROJECT and mention.text in bodies:
            mention.label = ORGANIZATION


def _document_order(mention: Mention) -> tuple[int, int, MentionKind, EntityType | str]:
    """Mentions in text order, a longer one first where two start together."""
    return (mention.start, -mention.end, mention.kind, mention.label or "")


class _Coverage:
    """Which character offsets lie inside some mention: the mentions' starts in order, and the
    furthest end of those up to each (an offset is inside one when that end lies beyond it).
    Built in C, with no Python code per mention."""

    def __init__(self, mentions: list[Mention]) -> None:
        ordered = sorted(mentions, key=_START_OF)
        self._starts = list(map(_START_OF, ordered))
        self._reach = list(accumulate(map(_END_OF, ordered), max))

    def __contains__(self, offset: int) -> bool:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._reach[index]


def _bracketed_aliases(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """ "China Import and Export Fair (Canton Fair)": a bracketed name of the same class right
    after a name is another name for the same thing."""
    if "(" not in text:  # most sentences
        return mentions
    for first, second in zip(mentions, mentions[1:], strict=False):
        between = text[first.end - offset : second.start - offset]
        after = text[second.end - offset : second.end - offset + 1]
        bracketed = between.strip() == "(" and after == ")" and first.label is second.label
        if bracketed and second.rule not in {"lexicon", "name-section"}:
            second.key = first.key if first.rule == "lexicon" else f"name:{first.text}"
    return mentions


def _may_nest(mention: Mention) -> bool:
    """Countries and known organisations named inside a longer name are mentioned too:
    "BRICS" in "BRICS Digital Economy Partnership", "Laos" in "China-Laos Railway"."""
    if mention.label is COUNTRY:
        return True
    return mention.rule == "lexicon" and mention.label is ORGANIZATION


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


# On equal spans, the more specific recogniser wins.
_RULE_PRIORITY = (
    "lexicon",
    "strategy-possessive",
    "strategy-quoted",
    "name-quoted",
    "name-section",
)


_PRIORITY = {rule: index for index, rule in enumerate(_RULE_PRIORITY)}
_START_OF, _END_OF = attrgetter("start"), attrgetter("end")


def _settle_key(mention: Mention) -> tuple[int, int, int]:
    """Longest first, then by rule priority, then leftmost."""
    return (
        mention.start - mention.end,
        _PRIORITY.get(mention.rule, len(_RULE_PRIORITY)),
        mention.start,
    )


def _settle(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping entity mentions; countries and known organisations may
    nest inside others, and so may the named whole that a name says it is part of.

    On equal spans the lexicon wins over grammar, since it knows the canonical entity, and a
    strategy pattern wins over a bare head noun.
    """
    if len(mentions) < 2:  # nothing can overlap: already settled
        return mentions
    ordered = sorted(mentions, key=_settle_key)
    kept: list[Mention] = []
    starts: list[int] = []
    longest = 0
    for mention in ordered:
        # Only kept mentions starting within ``longest`` before this one can overlap it.
        position = bisect.bisect_left(starts, mention.end)
        clash = False
        while position > 0:
            position -= 1
            other = kept[position]
            if other.start + longest <= mention.start:
                break
            if not _overlap(mention, other):
                continue
            nested = other.start <= mention.start and mention.end <= other.end
            if nested and (_may_nest(mention) or mention.rule == "name-parent"):
                continue
            clash = True
            break
        if not clash:
            index = bisect.bisect_right(starts, mention.start)
            starts.insert(index, mention.start)
            kept.insert(index, mention)
            longest = max(longest, mention.end - mention.start)
    return kept
