"""Countries a bilateral text names by their sides: "the Kazakh side" (哈方) is Kazakhstan, and
"the two sides", "both countries" (双方, 两国) are the two countries it named together last
("Joint Statement between China and Kazakhstan ... The two sides agreed to ...").

Joint statements, communiqués and news of state visits name the two parties once, in the title
or the first sentence, and then speak of "the two sides" for pages. A plural phrase gets one
mention per country, on the same span: the mention denotes both, and a relation that reads the
phrase as a subject ("The two sides signed the X") reads both countries.

Which pair: one named in a heading or the first line ("Joint Statement between A and B")
holds until a heading names another; "A-B" in the same sentence comes first ("between the two
countries, a new phase in China-Indonesia relations"; in Chinese the one-character forms right
before, 中哈两国), and one named in the body ("A and B agreed ...") holds for a few sentences
(coref.WINDOW) over the heading's, but names nothing where a third country is named. Two
companies or people named together ("PowerChina and the X Company signed ... Both parties
agreed") are no countries.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from brikg.ir import COUNTRY, ENTITY, ORGANIZATION, PERSON, Document, Mention, Sentence
from brikg.lexicon import Lexicon
from brikg.recognize.coref import WINDOW
from brikg.scan import occurrences


@dataclass(frozen=True)
class _Grammar:
    """How a language says it: one side, both sides, the "and" of a pair, a list's joints, and
    the compound of two countries ("China-Indonesia", 中哈)."""

    one_side: re.Pattern[str]
    both: re.Pattern[str]
    joined: re.Pattern[str]
    list_gap: re.Pattern[str]
    compound: re.Pattern[str]


_ENGLISH = _Grammar(
    # "the Kazakh side", "the South Korean side", not "the Chinese side of the border".
    one_side=re.compile(
        r"\b[Tt]he\s+(?P<nation>(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)\s+side\b(?!\s+of\b)(?!['’])"
    ),
    # Not "both countries and regions" (countries as well as regions), "the two sides of the
    # Strait", nor "three lanes on both sides".
    both=re.compile(
        r"\b(?<!\bon\s)(?:[Tt]he\s+two\s+(?:sides|countries|parties|governments|nations)\b"
        r"(?!\s+of\b)|[Bb]oth\s+(?:sides|countries|parties|governments|nations)\b"
        r"(?!\s+(?:of|and|or)\b))"
    ),
    joined=re.compile(r"\s+and\s+(?:the\s+)?"),
    # A third name before or after the pair makes a list: "Laos, Thailand and Cambodia".
    list_gap=re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?"),
    compound=re.compile(r"[-‐‑–—]"),
)
_HAN = "\u4e00-\u9fff"
_CHINESE = _Grammar(
    # 哈方, 中方和老方, 感谢中方: a country's one-character form and 方, after no other
    # character of a word (not 地方, 各方, 东方, 对方; 方面 and 方法 are other words; 土方 is
    # earthwork).
    one_side=re.compile(
        rf"(?:(?<![{_HAN}])|(?<=[和与同及、向对由为谢给]))(?P<nation>(?!土)[{_HAN}])方"
        r"(?![面法式向案针])"
    ),
    both=re.compile(r"双方|两国"),
    joined=re.compile(r"[和与同及]"),
    list_gap=re.compile(r"[、，,和与同及]"),
    compound=re.compile(r"(?!)"),  # 中哈两国: read by the one-character forms (_prefixed)
)
_GRAMMARS = {"en": _ENGLISH, "zh": _CHINESE}
_OF_A_DEAL = re.compile(rf"[{_HAN}]双方")

_Pair = tuple[Mention, Mention]


def side_mentions(doc: Document, lexicon: Lexicon) -> Iterator[Mention]:
    """Yield a country mention for each "the <nationality> side" (哈方), and two, one per
    country, for each "the two sides" (双方, 两国) whose pair is known. ``doc.mentions``
    must be in text order."""
    text = doc.text
    # Only a sentence with a phrase's words is read, and, before the last "two sides", one
    # that may name a pair (two countries): the words are found by str.find, in C, and most
    # documents have none.
    starts = [sentence.start for sentence in doc.sentences]
    both = [at for at in occurrences(text, ("two", "oth")) if _BOTH_NOUN.match(text, at + 3)]
    both += occurrences(text, ("双方", "两国"))
    both.sort()
    busy = {bisect_right(starts, at) - 1 for at in [*both, *occurrences(text, _SIDE_CUES)]}
    countries: dict[int, list[Mention]] = {}
    for mention in [m for m in doc.mentions if m.label is COUNTRY]:
        countries.setdefault(mention.sentence, []).append(mention)
    if both:  # where a pair of countries, companies or people may be named before it
        last = bisect_right(starts, both[-1]) - 1
        per_sentence = Counter(m.sentence for m in doc.mentions if m.label in _AGENTS)
        busy.update(i for i, count in per_sentence.items() if count >= 2 and i <= last)
    mention_starts = [m.start for m in doc.mentions]
    heading_pair: _Pair | None = None
    body_pair: tuple[int, _Pair] | None = None  # with the sentence that named it
    for sentence in map(doc.sentences.__getitem__, sorted(busy)):
        grammar = _GRAMMARS.get(sentence.language)
        if grammar is None:
            continue
        start, end = sentence.start, sentence.end
        sides = list(_sides(doc, lexicon, grammar, sentence))
        yield from sides
        # Other names hide the countries inside them ("the China-Laos Railway").
        covered = [
            m
            for m in doc.mentions[
                bisect_left(mention_starts, start) : bisect_left(mention_starts, end)
            ]
            if m.kind is ENTITY and m.label is not COUNTRY
        ]
        # "the Kazakh side" stands for the "Kazakh" or "China" in it.
        hidden = [*covered, *sides]
        named = sorted(
            [
                m
                for m in [*countries.get(sentence.index, []), *sides]
                if not any(o.start <= m.start and m.end <= o.end and o is not m for o in hidden)
            ],
            key=lambda m: m.start,
        )
        # Two companies (or people) named together are "both parties" too: no countries.
        agents = [m for m in covered if m.label in _OTHER_AGENTS]
        pairs = sorted(
            [*_pairs(text, named, grammar), *_pairs(text, agents, grammar)],
            key=lambda pair: pair[1].end,
        )
        for match in grammar.both.finditer(text, start, end):
            prefixed = _prefixed(named, match.start())
            if prefixed is None and _OF_A_DEAL.match(text, match.start() - 1):
                continue  # 买卖双方, 合作双方: the parties to a deal (not 中哈双方)
            before = [p for p in pairs if p[1].end <= match.start()]
            if before:
                pair: _Pair | None = before[-1]
            else:
                pair = prefixed or _compound(text, named, grammar)
            if pair is None and body_pair and sentence.index - body_pair[0] <= WINDOW:
                # The last pair named holds, but not where a third country is named.
                pair = body_pair[1] if _only(body_pair[1], named) else None
            elif pair is None:
                pair = heading_pair
            if pair is not None and all(m.label is COUNTRY and m.key for m in pair):
                for country in pair:
                    yield _mention(match, "both-sides", sentence, country.key or "")
        if pairs and (sentence.is_heading or sentence.index == 0):  # or the title line
            heading_pair = pairs[-1]
        elif pairs:
            body_pair = (sentence.index, pairs[-1])


# What follows "two " or "both " in a phrase for a pair.
_BOTH_NOUN = re.compile(r"\s+(?:sides|countries|parties|governments|nations)\b")
_OTHER_AGENTS = frozenset({ORGANIZATION, PERSON})
_AGENTS = _OTHER_AGENTS | {COUNTRY}
_SIDE_CUES = (" side", "方")


def _mention(match: re.Match[str], rule: str, sentence: Sentence, country: str) -> Mention:
    return Mention(
        match.start(),
        match.end(),
        match.group(),
        ENTITY,
        rule,
        sentence=sentence.index,
        label=COUNTRY,
        key=country,
        countries=(country.partition("/")[2].upper(),),
        language=sentence.language,
    )


def _only(pair: _Pair, named: list[Mention]) -> bool:
    """Whether a sentence names no country but the pair's ("A and B signed ... The X in C
    opened, a new stage in cooperation between the two sides" is no statement about A and B's
    X)."""
    keys = {country.key for country in pair}
    return all(m.key in keys for m in named)


def _sides(
    doc: Document, lexicon: Lexicon, grammar: _Grammar, sentence: Sentence
) -> Iterator[Mention]:
    """ "the Kazakh side", 哈方: the country of the adjective or the one-character form."""
    for match in grammar.one_side.finditer(doc.text, sentence.start, sentence.end):
        nation = " ".join(match.group("nation").split())
        country = (
            _prefix_country(lexicon, nation)
            if sentence.language == "zh"
            else lexicon.nationality(nation)
        )
        if country is not None:
            yield _mention(match, "nation-side", sentence, country)


def _prefix_country(lexicon: Lexicon, char: str) -> str | None:
    """The id of the country whose one-character form ``char`` is (中: China)."""
    code = lexicon.compound_prefixes().get(char)
    return f"country/{code.lower()}" if code else None


def _prefixed(named: list[Mention], position: int) -> _Pair | None:
    """中哈两国, 越中双方: the two countries whose one-character forms end right at the phrase
    (as the Chinese recogniser read them: not the 中 of 其中哈两国)."""
    for first, second in zip(named, named[1:], strict=False):
        if first.end == second.start and second.end == position and first.key != second.key:
            return first, second
    return None


def _pairs(text: str, named: list[Mention], grammar: _Grammar) -> list[_Pair]:
    """Two different countries joined by "and", alone: "China and Kazakhstan", "between the
    People's Republic of China and the Republic of Kazakhstan", "the Chinese side and the
    Kazakh side", 中国和哈萨克斯坦; not two of a longer list."""
    found = []
    for index, (first, second) in enumerate(zip(named, named[1:], strict=False)):
        same = (first.key or first.text) == (second.key or second.text)  # grammar names: no key
        if same or not grammar.joined.fullmatch(text, first.end, second.start):
            continue
        gap = grammar.list_gap
        if index and gap.fullmatch(text, named[index - 1].end, first.start):
            continue
        if index + 2 < len(named) and gap.fullmatch(text, second.end, named[index + 2].start):
            continue
        found.append((first, second))
    return found


def _compound(text: str, named: list[Mention], grammar: _Grammar) -> _Pair | None:
    """The first "A-B" of two different countries ("China-Indonesia relations")."""
    for first, second in zip(named, named[1:], strict=False):
        if first.key != second.key and grammar.compound.fullmatch(text, first.end, second.start):
            return first, second
    return None
