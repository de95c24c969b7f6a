"""Names never seen before, found by their grammar: a run of capitalised words with a head noun.

"Peljesac Bridge", "Karot Hydropower Station", "Port of Piraeus", "Belt and Road Forum for
International Cooperation", "Vado Gateway terminal": the head noun (Bridge, Station, Port,
Forum, terminal) gives the class, the capitalised words before it (and an of/for/on complement
after it) give the name. Possessives and quotes find strategies ("Kazakhstan's 'Bright Road'
new economic policy"), titles find persons ("President Xi Jinping"), and "Name (ACRONYM)"
defines an acronym for the rest of the document.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress

from brikg.ir import (
    CORRIDOR,
    COUNTRY,
    ENTITY,
    INITIATIVE,
    MECHANISM,
    ORGANIZATION,
    PERSON,
    PROJECT,
    STRATEGY,
    EntityType,
    Mention,
)
from brikg.lexicon import DEMONYM_ENDINGS
from brikg.places import city_country
from brikg.recognize.tokens import DIGIT, ORDINAL, UPPER, Tokens, shape_of

P, C, M, ORG, INIT, S = (
    PROJECT,
    CORRIDOR,
    MECHANISM,
    ORGANIZATION,
    INITIATIVE,
    STRATEGY,
)

HEADS: dict[str, EntityType] = {
    **dict.fromkeys(
        [
            "railway",
            "rail",
            "railroad",
            "line",
            "highway",
            "expressway",
            "motorway",
            "bridge",
            "tunnel",
            "port",
            "seaport",
            "harbour",
            "harbor",
            "terminal",
            "wharf",
            "pier",
            "jetty",
            "airport",
            "pipeline",
            "pipelines",
            "plant",
            "station",
            "dam",
            "park",
            "zone",
            "hospital",
            "canal",
            "mine",
            "refinery",
            "smelter",
            "mill",
            "factory",
            "interconnector",
            "stadium",
            "express",
            "workshop",
            "hub",
            "scholarship",
            "scholarships",
            "grant",
            "award",
            "awards",
            "camp",
            "satellite",
            "classroom",
            "farm",
            "project",
            "complex",
            "metro",
            "transit",
            "area",
            "lrt",
            "tower",
        ],
        P,
    ),
    **dict.fromkeys(["corridor", "corridors", "passage", "route"], C),
    **dict.fromkeys(
        [
            "forum",
            "week",
            "forums",
            "summit",
            "mechanism",
            "alliance",
            "association",
            "platform",
            "partnership",
            "expo",
            "exposition",
            "fair",
            "exhibition",
            "conference",
            "dialogue",
            "network",
            "coalition",
            "consortium",
            "symposium",
            "roundtable",
        ],
        M,
    ),
    **dict.fromkeys(
        [
            "bank",
            # A body with staff, a head and a seat (tests/gold/GUIDELINES.zh.md, section 10).
            "secretariat",
            "journal",
            "college",
            "fund",
            "organization",
            "organisation",
            "office",
            "ministry",
            "commission",
            "administration",
            "agency",
            "council",
            "company",
            "group",
            "corporation",
            "corp",
            "co",
            # "Varno Engineering", "X Harbour Engineering": a contractor.
            "engineering",
            "university",
            "institute",
            "academy",
            "bureau",
            "authority",
            "department",
            "union",
            "nations",
            "assembly",
            "federation",
            "committee",
            "center",
            "centre",
            "court",
            "enterprise",
            "enterprises",
            # Company suffixes: "Kenya Railways Holdings", "Savanna Logistics Limited".
            "holdings",
            # A national railway company: "Kenya Railways", "Turkmen Railways" (one railway
            # line is a Railway).
            "railways",
            "limited",
            "ltd",
            "plc",
            "services",
        ],
        ORG,
    ),
    "initiative": INIT,
    **dict.fromkeys(["programme", "program"], P),
    **dict.fromkeys(["agreement", "accord", "principles"], M),
    **dict.fromkeys(["strategy", "vision", "agenda", "outline", "outlook", "fulcrum"], S),
}
# Two-word heads override the one-word reading of their last word.
TWO_WORD_HEADS: dict[tuple[str, str], EntityType] = {
    ("silk", "road"): INIT,
    ("economic", "belt"): INIT,
    ("land", "bridge"): C,
    ("economic", "corridor"): C,
    ("railway", "express"): P,
    ("rail", "link"): P,
    ("road", "link"): P,
    ("ferry", "link"): P,
    ("ring", "road"): P,
    ("master", "plan"): S,
    ("united", "nations"): ORG,
    ("stock", "exchange"): ORG,
    ("international", "exchange"): ORG,
    # Infrastructure whose last word alone heads a body ("News Network", "Research Centre").
    ("transmission", "network"): P,
    ("fibre", "network"): P,
    ("fiber", "network"): P,
    ("data", "centre"): P,
    ("data", "center"): P,
}
LOWERCASE_HEADS = frozenset(
    [
        "project",
        "railway",
        "railroad",
        "highway",
        "expressway",
        "bridge",
        "port",
        "terminal",
        "pipeline",
        "airport",
        "tunnel",
        "dam",
    ]
)
LOWERCASE_MODIFIERS = frozenset(
    [
        "transmission",
        "eastern",
        "western",
        "northern",
        "southern",
        "central",
        "natural",
        "gas",
        "oil",
        "crude",
        "rail",
        "railway",
        "high-speed",
        "power",
        "hydropower",
        "solar",
        "wind",
        "deep-sea",
        "deepwater",
        "cross-border",
        "cross-sea",
        "container",
    ]
)
# Words that say what kind of thing a head is without naming one: "Logistics Park", "Cooperation
# Mechanisms", "Special Economic Zones". A name of only these (and numbers) before a plural
# head names a kind, not a thing, and one after "X Port and" goes on with the X's name.
KIND_WORDS = LOWERCASE_MODIFIERS | frozenset(
    """logistics industrial economic trade free special business technology science innovation
    high-tech hi-tech container cargo freight bulk passenger dry inland international national
    regional green digital energy coal cooperation development investment financial finance
    maritime transport transportation infrastructure agricultural agriculture tourism cultural
    education training research exchange connectivity multimodal intermodal integrated
    comprehensive main major key strategic bilateral multilateral joint new overseas
    manufacturing processing export import storage distribution service services""".split()
)
# An agreement named only by its kind ("Loan Agreement", "Framework Agreement", "EPC
# Contract") names no one agreement: as 《贷款协议》 in Chinese, it would be a node that every
# document's loan shares.
_AGREEMENTS = frozenset({"agreement", "accord", "contract"})
_AGREEMENT_KINDS = KIND_WORDS | frozenset(
    """loan loans framework credit concession financing facility supply purchase sale sales
    commercial supplementary preferential concessional intergovernmental government governments
    shareholders shareholder epc master general implementation partnership venture construction
    operation operations lease host transit guarantee buyer buyer's sovereign grant mutual
    cooperative bilateral final interim preliminary definitive""".split()
)
APPOSED_BODY_RULE = "name-apposed-body"
# An apposition that says a name with a work's head is a body (and so is the name wherever else
# the document writes it: recognizer.Recognizer): "Kelmar Rail, the operator of
# the X Railway", "Nordane Rail, a subsidiary of C", "Tarsk Port, a state-owned company".
_BODY_APPOSITION = re.compile(
    r",\s+(?:a|an|the|its)\s+(?:[\w-]+\s+){0,2}?(?:subsidiary|unit|arm|operator|contractor"
    r"|builder|developer|owner|company|firm|consortium|corporation|lender|investor"
    r"|shareholder)\b"  # not "a joint venture": "the X Cement Plant, a joint venture between"
)
_COUNT_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve".split())
# The lowercase particles of place and family names: "Dar es Salaam", "Rio de Janeiro".
NAME_PARTICLES = frozenset("de del da es el al do dos das di du van von der".split())
# Words of a street's name: a head before one names the street ("Pier Road", "Port Street").
_STREET_WORDS = frozenset({"road", "street", "avenue", "lane", "drive", "boulevard"})
# Heads of what a project has beside it under its name ("the Sost Dry Port and Logistics Park"),
# where another asset ("and International Airport", "and Container Terminal") is one of its own.
_ANCILLARY_HEADS = frozenset({"park", "parks", "zone", "zones", "area", "centre", "center", "hub"})
# Legal forms written before a company's name: "PT Wijaya Karya", "PJSC Rosseti".
LEGAL_FORMS = frozenset({"pt", "jsc", "pjsc", "ojsc", "cjsc", "llc", "ooo"})
# Legal forms written after it, which end a company's name: "Kestrel Logistics LLC and X" are
# two, "X Ltd of Singapore" is X Ltd, of Singapore, and after a project's head the form makes the
# name a company's ("X Terminal LLC").
LEGAL_SUFFIXES = LEGAL_FORMS | {"inc", "gmbh", "sa", "ltd", "limited", "plc"}
_DOTTED_SA = ["S", ".", "A"]  # "Korvex S.A.", tokenised letter by letter


def _legal_suffix_end(tokens: Tokens, position: int) -> int | None:
    """Where a legal form written after a name and starting at ``position`` ends, if one does:
    "LLC", "Inc", "Ltd", or "S.A." in its three tokens."""
    if position >= len(tokens):
        return None
    if tokens.norms[position] in LEGAL_SUFFIXES:
        return position + 1
    if tokens.texts[position : position + 3] == _DOTTED_SA:
        return position + 3
    return None


def _ends_in_legal_suffix(tokens: Tokens, end: int) -> bool:
    """Whether ``tokens[:end]`` ends in a legal form written after a name."""
    return tokens.norms[end - 1] in LEGAL_SUFFIXES or tokens.texts[end - 3 : end] == _DOTTED_SA


# What joins the words of a name: "of", "for", "on", "and", and the particles.
CONNECTORS = frozenset({"of", "for", "on", "and", "&"}) | NAME_PARTICLES
COMPLEMENT_CONNECTORS = frozenset({"of", "for", "on"})
# Capitalised only because they start a sentence or a clause; never the start of a name.
LEADING_STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "along",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "under",
        "during",
        "as",
        "since",
        "this",
        "these",
        "those",
        "its",
        "their",
        "our",
        "we",
        "it",
        "after",
        "before",
        "through",
        "between",
        "among",
        "following",
        "including",
        "while",
        "when",
        "where",
        "both",
        "all",
        "each",
        "other",
        "such",
        "meanwhile",
        "moreover",
        "furthermore",
        "also",
        "and",
        "but",
        "or",
        "so",
        "then",
        "there",
        "here",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "1st",
        "2nd",
        "3rd",
        "4th",
        "5th",
        "6th",
        "7th",
        "8th",
        "9th",
        "10th",
        "11th",
        "12th",
        "13th",
        "14th",
        "15th",
        "last",
        "next",
        "new",
    ]
) | frozenset(
    """later today now currently recently previously however thus therefore additionally
    moreover meanwhile furthermore notably similarly overall together""".split()
)
ORDINALS = frozenset(
    [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "1st",
        "2nd",
        "3rd",
        "4th",
        "5th",
        "6th",
        "7th",
        "8th",
        "9th",
        "10th",
        "11th",
        "12th",
        "13th",
        "14th",
        "15th",
        "16th",
        "17th",
        "18th",
        "19th",
        "20th",
    ]
)
PERSON_TITLES = frozenset(
    [
        "president",
        "premier",
        "chairman",
        "chairwoman",
        "minister",
        "ambassador",
        "director",
        "professor",
        "prof",
        "dr",
        "mr",
        "mrs",
        "ms",
        "king",
        "queen",
        "sultan",
        "emir",
        "chancellor",
        "secretary",
        "secretary-general",
        "director-general",
        "governor",
        "mayor",
        "envoy",
        "vice-president",
        "vice-premier",
        "senator",
        "congressman",
        "congresswoman",
    ]
)
# Heads of things that are part of a named whole: "Secretariat of the X", "Office of the X".
PART_HEADS = frozenset(
    """office council secretariat committee bureau department center centre unit section
    branch area terminal""".split()
)
ROLE_PREFIXES = frozenset(
    """minister head director chairman chairwoman president secretary secretary-general member
    members membership vice deputy chief economist executive dean professor fellow founder
    general researcher""".split()
)
PERSON_ROLES = frozenset(
    [
        "scholar",
        "expert",
        "economist",
        "analyst",
        "researcher",
        "official",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "journalist",
        "diplomat",
        "engineer",
        "founder",
        "ceo",
        "lawmaker",
        "legislator",
    ]
)
# A hyphenated title is three tokens ("Secretary", "-", "General"): its first word triggers it.
_PERSON_WORDS = (
    PERSON_TITLES | PERSON_ROLES | {title.split("-")[0] for title in PERSON_TITLES if "-" in title}
)
STRATEGY_WORDS = frozenset(
    ["strategy", "plan", "policy", "vision", "programme", "program", "agenda", "outline"]
)
_STRATEGY_CUES = STRATEGY_WORDS | {"initiative"}  # the head words of the strategy patterns
# Words that start place names the gazetteer keeps as countries or regions, not cities.
_PLACE_WORDS = frozenset("asia africa europe america oceania china".split())
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")
_BRACKETED_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z0-9&]{1,9})\)")


@dataclass(slots=True)
class NameContext:
    """What the name recogniser needs to know about the sentence: the tokens already recognised
    as countries, where known names end and where known names other than countries start, and
    the normal forms of all its tokens."""

    country_tokens: set[int]
    country_codes: dict[int, str]
    known_ends: set[int]
    words: set[str]  # the normal forms of the sentence's tokens
    known_starts: set[int] = field(default_factory=set)


def _is_word(text: str) -> bool:
    return text[:1].isalnum()


# The shapes of capitalised words and ordinal numbers: what a name's words may be.
_CAPITALIZED_SHAPES = frozenset({UPPER, ORDINAL})


def _capitalized(text: str) -> bool:
    """A capitalised word or an ordinal number ("21st"), as :func:`_capitals` reads them."""
    return shape_of(text) in _CAPITALIZED_SHAPES


def _capitals(tokens: Tokens) -> tuple[list[int], list[int]]:
    """Where capitalised words and numbers are, and which of them :func:`_capitalized` accepts
    (digits only as ordinals), so that the chunker tests set membership instead of the token's
    text: read from the tokens' shapes in C (most tokens are neither)."""
    shapes = tokens.shapes
    places = range(len(shapes))
    capitals = list(compress(places, shapes))  # every shape but PLAIN
    if DIGIT not in shapes:  # no number but ordinals: the same places
        return capitals, capitals
    return capitals, list(compress(places, map(_CAPITALIZED_SHAPES.__contains__, shapes)))


# The only tokens other than capitalised words that can go on with a chunk.
_GOES_ON_NORMS = CONNECTORS | {"the", "with", "in", "'s"}
_GOES_ON_TEXTS = frozenset({"-", "‐", "–", "(", "'", "’"})


def _chunks(
    tokens: Tokens,
    starts: list[int],
    upper: set[int],
    countries: set[int] | frozenset[int] = frozenset(),
    known_starts: set[int] | frozenset[int] = frozenset(),
) -> Iterator[tuple[int, int]]:
    """Yield ``[i, j)`` token ranges of capitalised runs, with hyphens and connectors inside;
    ``starts`` are the positions of capitalised tokens in order, ``upper`` the same as a set.
    "and" before a known name ends the run: "the Ministry of Commerce and Huawei" are two."""
    texts, norms, begins, ends = tokens.texts, tokens.norms, tokens.starts, tokens.ends
    count = len(texts)
    done = 0
    for index in starts:
        if index < done:
            continue
        end = index + 1
        in_complement = False
        while end < count:
            text, norm = texts[end], norms[end]
            if end in upper and text[:1].isalnum():
                end += 1
                continue
            if (
                text == "."
                and norms[end - 1] == "co"
                and texts[end + 1 : end + 2] == [","]
                and norms[end + 2 : end + 3] in (["ltd"], ["limited"])
            ):
                end += 3  # "Tianshan Power Investment Co., Ltd."
                continue
            if text == "." and texts[end - 1 : end + 2] == _DOTTED_SA:
                end += 2  # "Korvex S.A."
                continue
            if norm not in _GOES_ON_NORMS and text not in _GOES_ON_TEXTS:
                break  # most often a lowercase word: nothing below applies
            if text in {"-", "‐", "–"} and end + 1 < count and _is_word(texts[end + 1]):
                if begins[end] == ends[end - 1]:  # joined, as in "Deep-sea"
                    end += 2
                    continue
                break
            if (
                text == "("
                and end + 3 < count
                and _ACRONYM.match(texts[end + 1])
                and texts[end + 2] == ")"
                and end + 3 in upper
            ):
                end += 3  # "Lagos Rail Mass Transit (LRMT) Blue Line"
                continue
            if (
                text in {"'", "’"}
                and texts[end - 1].endswith("s")
                and begins[end] == ends[end - 1]
                and end + 1 < count
                and end + 1 in upper
            ):
                end += 1  # "Leaders' Roundtable"
                continue
            if norm == "'s" and end + 1 < count and end + 1 in upper:
                end += 1  # "Cox's Bazar"; a possessive owner is cut off later
                continue
            if (
                norm == "the"
                and in_complement
                and end + 1 < count
                and end + 1 in upper
                and _is_word(texts[end + 1])
            ):
                end += 2  # "Guiding Principles on Financing the Development of the ..."
                continue
            if in_complement and norm in {"with", "in"} and _continues(tokens, end + 1, countries):
                end = _after_the(tokens, end + 1) + 1  # "... for Trade in Services"
                continue
            if (
                norm == "on"
                and norms[end + 1 : end + 2] == ["the"]
                and _head_type(tokens, end - 1) is P
            ):
                break  # "the Aktau Container Terminal on the Caspian Sea": where it is
            if norm == "on" and _on_an_occasion(norms, end + 1):
                break  # "the Ministry of X on the Tenth Anniversary of ...": when it spoke
            if norm in {"for", "on"} and norms[end + 1 : end + 2] == ["the"] and end + 2 < count:
                if countries.issuperset(range(index, end)):
                    break  # "lent to Kenya for the Y Railway", "with Sri Lanka on the Z": two names
                if (
                    (norm == "for" and _head_type(tokens, end - 1) is ORG)
                    or _body_of_a_country(tokens, index, end, countries)
                ) and _head_type(tokens, _run_end(tokens, end + 2, upper) - 1) is P:
                    # "the X Development Bank for the Y Port Project", "the Ministry of Trade of
                    # Kazakhstan on the Z Programme": two names
                    break
            if norm in CONNECTORS and end + 1 < count:
                in_complement = in_complement or norm in COMPLEMENT_CONNECTORS
                look = end + 1
                if norms[look] == "the" and look + 1 < count:
                    if norm not in COMPLEMENT_CONNECTORS:
                        break  # "the X Bridge and the Y Bridge" are two names
                    look += 1
                if look in upper and _is_word(texts[look]):
                    if norm == "and" and look in known_starts:
                        break
                    if norm == "and" and _two_names(
                        tokens, index, end, look, upper, in_complement, countries
                    ):
                        break  # "the World Bank and Asian Development Bank"
                    end = look + 1
                    continue
            break
        yield index, end
        done = end


# What "on the (tenth) ..." after a name tells of when it is no part of the name.
_OCCASIONS = frozenset("anniversary occasion sidelines eve visit".split())


def _on_an_occasion(norms: list[str], at: int) -> bool:
    """Whether ``norms[at:]`` reads "the (Nth) Anniversary/Occasion/Sidelines/Eve/Visit"."""
    words = norms[at : at + 3]
    if words[:1] != ["the"]:
        return False
    rest = words[2:] if words[1:2] and words[1] in ORDINALS else words[1:2]
    return bool(rest) and rest[0] in _OCCASIONS


def _two_names(
    tokens: Tokens,
    start: int,
    end: int,
    look: int,
    upper: set[int],
    in_complement: bool,
    countries: set[int] | frozenset[int],
) -> bool:
    """Whether the "and" at ``end`` joins two names, ``tokens[start:end]`` and the capitalised
    run at ``look``, rather than going on with one: after a complete name ("the World Bank and
    Asian Development Bank"), unless a lone head follows ("Conference & Exhibition") or, in a
    complement, a lone word that ends it ("Agency for Ports and Shipping", but "Commission and
    Head of the Office" are two); and between two company names, the left one complete by its
    legal form ("PT X and Y Holdings") or as the first party of a joint venture ("a joint
    venture of X and Y Group" when X is a company or a country, but "of X and Y Corporation
    with Z" is one)."""
    norms = tokens.norms
    run = _run_end(tokens, look, upper)
    following = norms[run] if run < len(norms) else ""
    if _ends_with_head(tokens, start, end):
        if (
            _head_type(tokens, end - 1) is P
            and norms[run - 1] in _ANCILLARY_HEADS
            and _only_kind_words(tokens, look, run - 1)
        ):
            return False  # "the Sost Dry Port and Logistics Park": one project
        if in_complement and run - look == 1 and following not in COMPLEMENT_CONNECTORS:
            return False
        return not _single_head_after(tokens, look)
    if (
        _head_type(tokens, run - 1) is not ORG
        and norms[look] not in LEGAL_FORMS
        and not _ends_in_legal_suffix(tokens, run)
    ):
        return False
    if in_complement and _body_of_a_country(tokens, start, end, countries):
        return True  # "the Ministry of Energy of Kyrgyzstan and X Co., Ltd.": two
    if norms[start] in LEGAL_FORMS or _ends_in_legal_suffix(tokens, end):
        return True
    return (
        _venture_of(norms, start)
        and following not in {"and", "with"}
        and (
            _company_like(tokens, start, end)
            or all(index in countries for index in range(start, end))
        )
    )


def _body_of_a_country(
    tokens: Tokens, start: int, end: int, countries: set[int] | frozenset[int]
) -> bool:
    """Whether ``tokens[start:end]`` is a body's name that ends with its country, and so is
    complete: "the Ministry of Energy of Kyrgyzstan", "the Development Bank of Kazakhstan"."""
    return end - 1 in countries and _find_head(tokens, start, end)[1] is ORG


def _company_like(tokens: Tokens, start: int, end: int) -> bool:
    """Whether a name with no legal form looks like a company's: a plural noun ending it
    ("Tavora Minerals", "Savanna Logistics") or an organisation head ("Bank of Industry and
    Commerce"); a person's name ("Dario Quintel") or a province ("Velora Province") does not."""
    last = tokens.norms[end - 1]
    plural = len(last) > 3 and last.endswith("s") and not last.endswith("ss")
    return plural or _find_head(tokens, start, end)[1] is ORG


def _run_end(tokens: Tokens, position: int, upper: set[int]) -> int:
    """Where the run of capitalised words (and joined hyphens) at ``position`` ends."""
    texts, count = tokens.texts, len(tokens)
    while position < count and (
        (position in upper and _is_word(texts[position]))
        or (texts[position] == "-" and position + 1 in upper)
    ):
        position += 1
    return position


def _venture_of(norms: list[str], start: int) -> bool:
    """Whether the name at ``start`` follows "joint venture of/between (the)": a party."""
    position = start - 2 if norms[start - 1 : start] == ["the"] else start - 1
    return (
        position > 0
        and norms[position] in {"of", "between"}
        and (norms[position - 1] in {"venture", "ventures"})
    )


def _after_the(tokens: Tokens, position: int) -> int:
    """Skip one "the"."""
    if tokens.norms[position] == "the" and position + 1 < len(tokens):
        return position + 1
    return position


def _continues(tokens: Tokens, position: int, countries: set[int] | frozenset[int]) -> bool:
    """Inside a complement, "with"/"in" + capitalised words go on with the name, unless they
    name a place: "Fair for Trade in Services", but "Forum for Cooperation in Beijing"."""
    if position >= len(tokens):
        return False
    position = _after_the(tokens, position)
    text = tokens.texts[position]
    if not (_is_word(text) and text[:1].isupper()) or position in countries:
        return False
    run = [text]
    for following in tokens.texts[position + 1 : position + 3]:
        if not (_is_word(following) and following[:1].isupper()):
            break
        run.append(following)
    # The whole capitalised run is the place ("Beijing"), not its first word ("Green Finance").
    return city_country(" ".join(run)) is None and tokens.norms[position] not in _PLACE_WORDS


def _ends_with_head(tokens: Tokens, start: int, end: int) -> bool:
    """True when ``tokens[start:end]`` already ends in a head noun: a complete name."""
    return end - start >= 2 and _head_type(tokens, end - 1) is not None


def _single_head_after(tokens: Tokens, position: int) -> bool:
    """ "Conference & Exhibition": a lone head after "and" continues the name."""
    following = tokens.texts[position + 1] if position + 1 < len(tokens) else None
    lone = following is None or not (_is_word(following) and _capitalized(following))
    return lone and _head_type(tokens, position) is not None


def _head_type(tokens: Tokens, position: int) -> EntityType | None:
    norms = tokens.norms
    norm = norms[position]
    if norm not in _HEAD_WORDS:
        return None  # most words: none of the rules below can match
    if position > 0:
        pair = (norms[position - 1], norm)
        if pair in TWO_WORD_HEADS:
            return TWO_WORD_HEADS[pair]
    if norm == "cooperation":
        # "China-Africa Health Cooperation", "Lancang-Mekong Cooperation": a named mechanism;
        # "Belt and Road Cooperation" is the BRI's generic name for itself.
        before = norms[max(0, position - 3) : position]
        named = position >= 2 and all(
            text == "-" or _capitalized(text) for text in tokens.texts[position - 2 : position]
        )
        return M if named and before != ["belt", "and", "road"] else None
    if norm == "memorandum":
        return M if _titled_memorandum(tokens, position) else None
    if norm == "road":
        return P if _road_between_places(tokens, position) else None
    if norm == "railways" and not _national_railways(tokens, position):
        return HEADS["railway"]  # "the China-Laos Railways": a line, no company
    if norm not in HEADS and norm.endswith("s") and norm[:-1] in HEADS and not norm.endswith("ss"):
        return HEADS[norm[:-1]]  # "Confucius Institutes", "Luban Workshops"
    return HEADS.get(norm)


def _road_between_places(tokens: Tokens, position: int) -> bool:
    """A road between two hyphen-joined places ("the Lemba-Tavosi Road", "Lemba-Tavosi Link
    Road") is built; a street ("Pier Road", "New Link Road") or a strategy ("Steppe Road") has
    no such places, and "the China-Pakistan Road Map" is no road."""
    texts = tokens.texts
    following = texts[position + 1] if position + 1 < len(texts) else ""
    if _is_word(following) and (_capitalized(following) or following in {"ahead", "to"}):
        return False
    for hyphen in (position - 2, position - 3):  # a word may qualify the road: "Link Road"
        if hyphen >= 1 and texts[hyphen] == "-" and _capitalized(texts[hyphen - 1]):
            return all(_capitalized(text) for text in texts[hyphen + 1 : position])
    return False


def _national_railways(tokens: Tokens, position: int) -> bool:
    """ "Kenya Railways", "Turkmen Railways": plural "Railways" after a country or a
    nationality alone names the national railway company; after a place compound ("the
    China-Laos Railways") or other words it is a line."""
    texts = tokens.texts
    if position < 1:
        return False
    word = texts[position - 1]
    earlier = texts[position - 2] if position >= 2 else ""
    if earlier in {"-", "&"} or (_is_word(earlier) and _capitalized(earlier)):
        return False
    return _country_word(word)


@lru_cache(maxsize=4096)
def _country_word(word: str) -> bool:
    """A country's name or its nationality adjective (Kenya, Turkmen, Mongolian)."""
    import pycountry

    try:
        pycountry.countries.lookup(word)
        return True
    except LookupError:
        pass
    return nationality_adjective(word)


@lru_cache(maxsize=1)
def _country_names() -> tuple[str, ...]:
    import pycountry

    names = set()
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                names.add(value.split(",")[0].casefold())
    return tuple(sorted(names))


@lru_cache(maxsize=4096)
def nationality_adjective(word: str) -> bool:
    """Whether ``word`` is a country's adjective of nationality, derived from pycountry's
    country names: its stem (without a demonym ending) begins a country's name."""
    folded = word.casefold()
    if not word[:1].isupper() or not folded.isalpha():
        return False
    names = _country_names()
    for ending in DEMONYM_ENDINGS:
        if ending and not folded.endswith(ending):
            continue
        stem = folded[: len(folded) - len(ending)]
        if len(stem) < 3:
            continue
        at = bisect_left(names, stem)
        if at < len(names) and names[at].startswith(stem):
            return True
    return False


def _titled_memorandum(tokens: Tokens, position: int) -> bool:
    """ "the Santiago Memorandum on Green Minerals", "the Memorandum on Digital Ports": a
    memorandum with a proper name before it or a title after it ("on" and a capital) is a named
    instrument; "a Memorandum of Understanding on ..." is a kind of document, no name, and so
    is one after an indefinite article and capitalised words ("a Belt and Road Memorandum of
    Understanding") or after a nationality ("the Chinese Memorandum of Understanding")."""
    texts, norms = tokens.texts, tokens.norms
    if _indefinite(tokens, position):
        return False
    before = norms[position - 1] if position > 0 else ""
    if before not in LEADING_STOPWORDS and _is_word(before) and texts[position - 1][:1].isupper():
        # "Santiago Memorandum", "China-Kenya Memorandum", not "Chinese Memorandum"
        word = texts[position - 1]
        return _NATIONALITY.fullmatch(word) is None or city_country(word) is not None
    after = texts[position + 2] if position + 2 < len(texts) else ""
    return norms[position + 1 : position + 2] == ["on"] and after[:1].isupper()


# A nationality adjective: "Chinese", "Ecuadorian", "Korean", "Turkish", "Kenyan", "Omani"
# ("-stan" ends countries' names).
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:ese|ian|ean|ish|(?<!st)an|i)")


def _indefinite(tokens: Tokens, position: int) -> bool:
    """Whether "a" or "an" comes before the word at ``position`` and the capitalised words
    (joined by "and" or hyphens) before it: "a Belt and Road Memorandum", "an MoU"."""
    texts, norms = tokens.texts, tokens.norms
    position -= 1
    while position >= 0 and norms[position] not in {"a", "an"}:
        if not (texts[position][:1].isupper() or norms[position] in {"and", "&", "-"}):
            return False
        position -= 1
    return position >= 0


def _named_memorandum(tokens: Tokens, position: int, context: NameContext) -> bool:
    """Whether the memorandum at ``position`` is a named instrument in this sentence: titled,
    and not after a known name other than a country ("the Belt and Road Memorandum of
    Understanding" is the BRI's, no name of its own; "the China-Kenya Memorandum" is one)."""
    before = position - 1
    known = before in context.known_ends and before not in context.country_tokens
    return not known and _titled_memorandum(tokens, position)


# Every word ``_head_type`` can accept: heads, their plurals, second words of two-word heads.
_HEAD_WORDS = frozenset(
    [
        *HEADS,
        *(word + "s" for word in HEADS),
        *(last for _, last in TWO_WORD_HEADS),
        "cooperation",
        "memorandum",
    ]
)


_FUNCTION_WORDS = frozenset(
    [
        "of",
        "the",
        "and",
        "is",
        "in",
        "to",
        "for",
        "a",
        "with",
        "on",
        "about",
        "are",
        "its",
        "at",
        "by",
        "from",
    ]
)


def _is_title_case(tokens: Tokens, capitals: list[int]) -> bool:
    """A heading written in Title Case ("The High-quality Development Of The Belt And Road"):
    its function words are capitalised after the first word, which prose never does.

    ``capitals`` are the positions of tokens that start with a capital or a digit."""
    # Over 60% of at least two means two capitalised ones; prose has none (counted in C).
    later = capitals[1:] if capitals[:1] == [0] else capitals
    if sum(map(_FUNCTION_WORDS.__contains__, map(tokens.norms.__getitem__, later))) < 2:
        return False
    function_words = [
        text
        for text, norm in zip(tokens.texts[1:], tokens.norms[1:], strict=True)
        if norm in _FUNCTION_WORDS
    ]
    if len(function_words) < 2:
        return False
    capitalised = sum(1 for text in function_words if text[:1].isupper())
    return capitalised / len(function_words) > 0.6


def find_names(text: str, tokens: Tokens, offset: int, context: NameContext) -> Iterator[Mention]:
    """Yield entity mentions found by grammar in one sentence (``text`` starts at ``offset``)."""
    capitals, starts = _capitals(tokens)
    if _is_title_case(tokens, capitals):
        return
    # The sentence's words, so that a pattern whose cue word is absent is not run at all.
    norms = context.words
    if not norms.isdisjoint(_PERSON_WORDS):
        yield from _persons(text, tokens, offset)
    if "," in norms and not norms.isdisjoint(_APPOSITIVE_TITLES):
        yield from _appositive_persons(text, tokens, offset, context)
    if "by" in norms:
        yield from _credited(text, offset)
    if not norms.isdisjoint(_STRATEGY_CUES):
        yield from _strategies(text, tokens, offset, context)
    if '"' in norms or "“" in norms:
        yield from _quoted_names(text, tokens, offset)
    if not norms.isdisjoint(_LIST_HEADS):
        yield from _listed_names(text, tokens, offset, context)
    sections = "section" in norms
    chunks = _chunks(tokens, starts, set(starts), context.country_tokens, context.known_starts)
    for start, end in chunks:
        # A lone capitalised word ("China", "The") is a name only as a head ("Vision 2030"):
        # most chunks, so they skip the grammar.
        if end - start > 1 or (
            tokens.norms[start] in _HEAD_WORDS and _head_type(tokens, start) is not None
        ):
            yield from _names_from_chunk(text, tokens, start, end, offset, context)
        if sections:
            section = _section(text, tokens, start, end, offset, context)
            if section is not None:
                yield section


# Adjectives of direction: Northern, Central (of nationality: ``nationality_adjective``).
_DIRECTION = re.compile(r"(?:ern|[Cc]entral)\Z")


def _section(
    text: str, tokens: Tokens, start: int, end: int, offset: int, context: NameContext
) -> Mention | None:
    """ "the Belgrade-Novi Sad section (of the Hungary-Serbia Railway)": a project of its own;
    the relation stage reads "of the Y" as part-of. A section is named by the places it joins
    or lies in: one adjective that is no place ("the Tanzanian section", "the Northern
    section") names none."""
    if end >= len(tokens) or tokens.norms[end] != "section":
        return None
    while start < end and tokens.norms[start] in LEADING_STOPWORDS:
        start += 1
    if start >= end:
        return None
    if (
        end - start == 1
        and (_DIRECTION.search(tokens.texts[start]) or nationality_adjective(tokens.texts[start]))
        and start not in context.country_tokens
        and city_country(tokens.texts[start]) is None
    ):
        return None
    return _mention(text, tokens, start, end + 1, offset, P, "name-section")


# What a named whole holds or issues, before "of the"/"for the" and its name.
_OF_A_WHOLE = frozenset(
    "meeting meetings session sessions conference plan report statement declaration communique"
    " charter roadmap".split()
)


def _names_from_chunk(
    text: str, tokens: Tokens, start: int, end: int, offset: int, context: NameContext
) -> Iterator[Mention]:
    """The name a chunk holds, and the named whole it is part of when it says so:
    "Karakoram Highway Phase II" (of the Karakoram Highway), "Advisory Council of the Belt and
    Road Forum" (of the Forum). The whole is a nested mention with rule ``name-parent``."""
    texts, norms = tokens.texts, tokens.norms
    while start < end and (norms[start] in LEADING_STOPWORDS or not _is_word(texts[start])):
        start += 1
    # "Minister of the National Development and Reform Commission": the role is not the name.
    start = _skip_roles(tokens, start, end)
    # A possessive owner ("Pakistan's Karot ...", "the EU's ...") is not part of the name.
    for position in range(start, end):
        if norms[position] == "'s" and position - 1 in context.known_ends:
            start = position + 1
    if start >= end:
        return
    start = _work_on(tokens, start, end, context)
    whole = _phase_of(tokens, start, end)
    if whole is not None:  # "Phase II of the Dushanbe Solar Park": the phase, part of the park
        head_at, entity_type, cut = _find_head(tokens, whole, end)
        if entity_type is P:
            yield _mention(text, tokens, start, cut, offset, P, "name-phase")
            yield _mention(text, tokens, whole, cut, offset, P, "name-parent")
        return
    head_at, entity_type, cut = _find_head(tokens, start, end)
    if (
        entity_type is M
        and norms[head_at] == "memorandum"
        and not _named_memorandum(tokens, head_at, context)
    ):
        return  # "the Belt and Road Memorandum of Understanding": the BRI's, found as known
    if entity_type is None:
        mention = _lowercase_head_name(text, tokens, start, end, offset, context)
        if mention is None:
            mention = _company_without_head(text, tokens, start, end, offset, context)
        if mention is not None:
            yield mention
            return
        # "the Third Ministerial Meeting of the Velmora Cooperation Forum", "the Action Plan
        # for the X Initiative": a meeting or a document of a named whole, which is a name.
        for position in range(start + 1, end - 2):
            if norms[position] in COMPLEMENT_CONNECTORS:
                if (
                    norms[position] in {"of", "for"}
                    and norms[position + 1] == "the"
                    and norms[position - 1] in _OF_A_WHOLE
                ):
                    yield from _names_from_chunk(text, tokens, position + 2, end, offset, context)
                break
        return
    if norms[start] in LEGAL_FORMS:
        entity_type = ORG  # "PT Sumbawa Hailong Terminal": a company, whatever its last word
    elif cut < end and _legal_suffix_end(tokens, cut):
        cut, entity_type = _legal_suffix_end(tokens, cut) or cut, ORG  # "Varna Quay Terminal LLC"
    name_tokens = [
        norm
        for text, norm in zip(texts[start:cut], norms[start:cut], strict=True)
        if _is_word(text) and norm not in CONNECTORS
    ]
    if len(name_tokens) < 2 or (cut == head_at + 1 and _names_a_kind(tokens, start, head_at)):
        return
    if norms[head_at] in _AGREEMENTS and all(word in _AGREEMENT_KINDS for word in name_tokens[:-1]):
        return  # "the Loan Agreement", "a Framework Agreement": a kind of document, no name
    only_country = head_at - start == 1 and start in context.country_tokens
    if only_country and entity_type is P:
        # "China Railway" is a company or a country's railway, not a named project; too vague.
        return
    if name_tokens == ["silk", "road"]:
        return  # the historical Silk Road, not a BRI initiative
    phase = _phase_end(tokens, cut)
    if phase and entity_type is P:
        yield _mention(text, tokens, start, phase, offset, P, "name-phase")
        yield _mention(text, tokens, start, cut, offset, P, "name-parent")
        return
    parent = _complement_name(tokens, head_at, cut)
    if parent is not None and entity_type is P and head_at > start:
        cut = head_at + 1  # "Chuanshan Port Area (of Ningbo-Zhoushan Port)": the area's name
    if name_tokens[:2] == ["united", "nations"]:
        entity_type = ORG  # "United Nations Environment Programme" is a UN body
    elif entity_type is P and _BODY_APPOSITION.match(text, tokens.ends[cut - 1] - offset):
        yield _mention(text, tokens, start, cut, offset, ORG, APPOSED_BODY_RULE)
        return
    yield _mention(text, tokens, start, cut, offset, entity_type, "name-head")
    if parent is not None:
        parent_type, parent_start, parent_cut = parent
        yield _mention(text, tokens, parent_start, parent_cut, offset, parent_type, "name-parent")


def _names_a_kind(tokens: Tokens, start: int, head_at: int) -> bool:
    """ "Three Corridors", "Cooperation Mechanisms": a plural head after only numbers and kind
    words names a kind of thing, or a heading's topic, and no one thing; but "the Eight
    Initiatives", a number alone after "the", names a set as "the Five Principles" does."""
    norms = tokens.norms
    head = norms[head_at]
    if not (head.endswith("s") and head[:-1] in HEADS):
        return False
    if not _only_kind_words(tokens, start, head_at):
        return False
    counted = head_at - start == 1 and norms[start] in _COUNT_WORDS
    return not (counted and start > 0 and norms[start - 1] == "the")


def _only_kind_words(tokens: Tokens, start: int, stop: int) -> bool:
    """Whether ``tokens[start:stop]`` are only kind words and numbers (hyphens aside)."""
    texts, norms = tokens.texts, tokens.norms
    return all(
        norm in KIND_WORDS or norm in _COUNT_WORDS or norm.isdigit() or not _is_word(text)
        for text, norm in zip(texts[start:stop], norms[start:stop], strict=True)
    )


def _company_without_head(
    text: str, tokens: Tokens, start: int, end: int, offset: int, context: NameContext
) -> Mention | None:
    """A company's name with no head noun: one after its legal form ("PT Lintas Bahari"), or
    the first party of a joint venture ("a joint venture of Tavora Minerals and Lindqvist
    Shipping Group", which :func:`_two_names` split at the "and")."""
    norms = tokens.norms
    if norms[start] in LEGAL_FORMS or _ends_in_legal_suffix(tokens, end):
        if end - start < 2:
            return None
        return _mention(text, tokens, start, end, offset, ORG, "name-legal-form")
    if norms[end : end + 1] != ["and"] or not _venture_of(norms, start):
        return None
    if not _company_like(tokens, start, end):
        return None  # "a joint venture of Dario Quintel and X Group": no company
    if all(index in context.country_tokens for index in range(start, end)):
        return None  # "a joint venture of Kazakhstan and X Holdings": a country, found as one
    return _mention(text, tokens, start, end, offset, ORG, "name-venture-party")


_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{0,3}|\d{1,2})$")


def _phase_end(tokens: Tokens, cut: int) -> int | None:
    """ "Railway Phase I", "Expressway Extension", "the X Railway extension", "the Y Port
    expansion": where a phase, extension or expansion after the head ends (a part of the named
    whole, with events of its own: "Construction of the X Railway extension began in 2024"
    starts the extension, not the railway)."""
    texts, norms = tokens.texts, tokens.norms
    if cut + 1 < len(texts) and norms[cut] == "phase" and _ROMAN.match(texts[cut + 1]):
        return cut + 2
    if cut < len(texts) and norms[cut] in {"extension", "expansion"}:
        return cut + 1
    return None


# Work done on a named thing, capitalised at a sentence's start: "Construction of the X ...".
_WORK_NOUNS = frozenset(
    "construction work expansion upgrading upgrade renovation rehabilitation operation".split()
)


def _work_on(tokens: Tokens, start: int, end: int, context: NameContext) -> int:
    """ "Construction of the X", "Work on the X", "a Memorandum of Understanding on the X",
    "an MoU on the X", "a Chinese Memorandum of Understanding on the X": where the X starts
    (``start`` if not so)."""
    norms = tokens.norms
    if start + 2 < end and norms[start] in _WORK_NOUNS and norms[start + 1] in {"of", "on"}:
        return _after_the(tokens, start + 2)
    for words in _MOU_ON_THE:
        if words[0] not in norms[start:end]:
            continue
        at = norms.index(words[0], start, end)
        if (
            at + len(words) < end
            and norms[at : at + len(words)] == words
            and not _named_memorandum(tokens, at, context)
        ):
            return at + len(words)  # not "on Revitalizing the X": what it is on is no name
    return start


_MOU_ON_THE = (["memorandum", "of", "understanding", "on", "the"], ["mou", "on", "the"])


def _phase_of(tokens: Tokens, start: int, end: int) -> int | None:
    """ "Phase II of the X": where the X starts."""
    texts, norms = tokens.texts, tokens.norms
    if start + 3 >= end or norms[start] != "phase" or not _ROMAN.match(texts[start + 1]):
        return None
    return _after_the(tokens, start + 3) if norms[start + 2] == "of" else None


def _complement_name(tokens: Tokens, head_at: int, cut: int) -> tuple[EntityType, int, int] | None:
    """ "Office of the Leading Group for ...": when the head is a part (office, council,
    secretariat, ...) and the complement is a name with a head of its own, that is the whole."""
    if head_at + 2 >= cut or tokens.norms[head_at + 1] != "of":
        return None
    if tokens.norms[head_at] not in PART_HEADS:
        return None
    start = head_at + 2
    if tokens.norms[start] == "the":
        start += 1
    inner_head, inner_type, inner_cut = _find_head(tokens, start, cut)
    if inner_type is None or inner_head == start:
        return None
    return inner_type, start, inner_cut


_LIST_HEADS = (
    "plants stations ports railways bridges parks zones highways airports terminals pipelines"
    " hospitals dams mines projects"
).split()
_LISTED = re.compile(
    rf"\b(?P<head>{'|'.join(_LIST_HEADS)})\s+(?:such\s+as|including|like|of)\s+"
    r"(?P<items>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3}"
    r"(?:(?:,\s+(?:and\s+)?|\s+and\s+)[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3})+)"
)
_ITEM = re.compile(r"[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3}")


def _listed_names(
    text: str, tokens: Tokens, offset: int, context: NameContext
) -> Iterator[Mention]:
    """ "Coal-fired power plants such as Sahiwal, Port Qasim, Thar, and Hub": a plural head
    before a list of bare names makes each of them a project."""
    country_spans = [(tokens.starts[i], tokens.ends[i]) for i in context.country_tokens]
    for match in _LISTED.finditer(text):
        for item in _ITEM.finditer(match.group("items")):
            start = offset + match.start("items") + item.start()
            end = start + len(item.group())
            if any(s <= start and end <= e for s, e in country_spans):
                continue
            if item.group().split()[-1].casefold() in HEADS:
                continue  # a full name with a head of its own is found by the chunker
            # "the ports of Kyaukpyu, Gwadar, and Piraeus" name Kyaukpyu Port, Gwadar Port ...
            key = f"name:{item.group()} Port" if match.group("head") == "ports" else None
            yield Mention(start, end, item.group(), ENTITY, "name-listed", label=P, key=key)


_QUOTED = re.compile(r"[\"“](?P<name>[A-Z][^\"”]{3,120}?)[,.]?[\"”]")
_QUOTED_THEN_HEAD = re.compile(r"(?P<name>[\"“][A-Z][^\"”]{2,60}[\"”](?:\s[A-Z][\w-]*){1,3})")


def _inside(tokens: Tokens, start: int, end: int) -> Tokens:
    """The tokens that lie within ``[start, end)`` (in order, so a run of them)."""
    first = bisect_left(tokens.starts, start)
    return tokens.slice(first, max(first, bisect_right(tokens.ends, end)))


def _quoted_names(text: str, tokens: Tokens, offset: int) -> Iterator[Mention]:
    """A quoted title that ends in a head noun is a name, whatever its inner capitals:
    "China-ASEAN Initiative on Establishing a Digital Economy Partnership"; so is a quoted
    title followed by a head: '"Chinese Bridge" Summer Camp'."""
    for match in _QUOTED_THEN_HEAD.finditer(text):
        start, end = offset + match.start("name"), offset + match.end("name")
        inner = _inside(tokens, start, end)
        entity_type = _head_type(inner, len(inner) - 1) if inner else None
        if entity_type is not None:
            yield Mention(
                start,
                end,
                match.group("name"),
                ENTITY,
                "name-quoted",
                label=entity_type,
            )
    for match in _QUOTED.finditer(text):
        start, end = offset + match.start("name"), offset + match.end("name")
        inner = _inside(tokens, start, end)
        words = [word for word in inner.texts if _is_word(word)]
        if len(words) < 2 or len(words) > 16:
            continue
        entity_type = _head_type(inner, len(inner) - 1)
        if entity_type is None or sum(1 for word in words if word[:1].islower()) > len(words) // 2:
            continue
        yield Mention(start, end, match.group("name"), ENTITY, "name-quoted", label=entity_type)


def _skip_roles(tokens: Tokens, start: int, end: int) -> int:
    """Skip "Chief Economist of the", "Vice President of" before an organisation's name."""
    norms = tokens.norms
    position = start
    while position < end and norms[position] in ROLE_PREFIXES:
        position += 1
    if position == start or position + 1 >= end or norms[position] != "of":
        return start
    position += 1
    if norms[position] == "the":
        position += 1
    return _skip_roles(tokens, position, end) if position < end else start


def _find_head(tokens: Tokens, start: int, end: int) -> tuple[int, EntityType | None, int]:
    """The head noun of a chunk and where the name ends.

    The head is the one right before the first of/for/on complement ("Forum for International
    Cooperation", "Office of the Leading Group ..."), else the last head noun. A head that only
    occurs inside a complement ("Action Plan for the Belt and Road Initiative") makes no name.
    """
    norms = tokens.norms
    last: tuple[int, EntityType | None, int] = (start, None, end)
    seen_complement = False
    for position in range(start, end):
        norm = norms[position]
        if norm in COMPLEMENT_CONNECTORS:
            seen_complement = True
            continue
        if norm not in _HEAD_WORDS:
            continue  # most words, which _head_type would turn down at a call's cost
        entity_type = _head_type(tokens, position)
        if entity_type is None:
            continue
        following = norms[position + 1] if position + 1 < end else ""
        if following in _STREET_WORDS:
            continue  # "Kelta Pier Road": a street named after the pier, not the pier
        if seen_complement:  # "Joint Communiqué of the X Roundtable on Y": inside a complement
            return last
        if following in COMPLEMENT_CONNECTORS:
            if norms[position] in LEGAL_SUFFIXES:
                return position, ORG, position + 1  # "X Ltd of Singapore": X Ltd, of Singapore
            return position, entity_type, end
        stop = position + 1
        if (
            entity_type is S
            and stop < len(tokens)
            and re.fullmatch(r"(?:19|20)\d\d", tokens.texts[stop])
        ):
            stop += 1  # "Vision 2030", "Agenda 2063"
        last = (position, entity_type, stop)
    return last


def _lowercase_head_name(
    text: str, tokens: Tokens, start: int, end: int, offset: int, context: NameContext
) -> Mention | None:
    """ "Vado Gateway terminal", "China-Russia eastern natural gas pipeline"."""
    texts, norms = tokens.texts, tokens.norms
    position = end
    while position < len(norms) and norms[position] in LOWERCASE_MODIFIERS:
        position += 1
        if position - end > 3:
            return None
    if position >= len(norms) or norms[position] not in LOWERCASE_HEADS:
        return None
    if texts[position][:1].isupper():
        return None
    words = [word for word in texts[start:end] if _is_word(word)]
    compound = "-" in texts[start:end]
    if not (len(words) >= 2 or compound) or texts[end - 1][:1].islower():
        return None  # "a Hong Kong-listed port operator": an adjective, no name
    if not compound and all(index in context.country_tokens for index in range(start, end)):
        return None
    # "Vado Gateway terminal" names the Vado Gateway; "China-Russia eastern natural gas
    # pipeline" is only a name with its head.
    places_only = all(
        index in context.country_tokens for index in range(start, end) if _is_word(texts[index])
    )
    stop = end if len(words) >= 2 and position == end and not places_only else position + 1
    # "the China-Kyrgyzstan-Uzbekistan railway project": the railway is the name; "project"
    # after an asset head only says it is being built.
    if (
        stop == position + 1
        and norms[position] == "project"
        and position > end
        and norms[position - 1] in LOWERCASE_HEADS
    ):
        stop = position
    return _mention(text, tokens, start, stop, offset, P, "name-lowercase-head")


def _mention(
    text: str,
    tokens: Tokens,
    start: int,
    end: int,
    offset: int,
    entity_type: EntityType,
    rule: str,
) -> Mention:
    last_end = tokens.ends[end - 1]
    if (
        tokens.texts[end - 3 : end] == _DOTTED_SA
        and text[last_end - offset : last_end - offset + 1] == "."
    ):
        last_end += 1  # "Korvex S.A.": the abbreviation's last period too
    surface = text[tokens.starts[start] - offset : last_end - offset]
    # Drop an ordinal ("Third Belt and Road Forum", "71st United Nations General Assembly"):
    # one forum, held many times.
    words = surface.split()
    if len(words) > 2 and (words[0].casefold() in ORDINALS or shape_of(words[0]) == ORDINAL):
        surface = surface[len(words[0]) :].lstrip()
    begin = last_end - len(surface)
    return Mention(begin, last_end, surface, ENTITY, rule, label=entity_type)


_CREDITED_NAME = r"(?P<name>[A-Z][A-Za-z'’-]+(?:\s[A-Z][A-Za-z'’-]+){1,2})\b"
_CREDIT = re.compile(
    r"(?:^By|\b(?i:(?:photo(?:graph)?(?:ed)?|(?:additional\s+)?reporting|editing|writing)\s+by))"
    r"\s+" + _CREDITED_NAME
)
# A second name credited with the first: "Reporting by A in Colombo and B".
_CREDIT_AND = re.compile(r"(?:\s+in\s+[A-Z][\w'’-]+)?\s+and\s+" + _CREDITED_NAME)
_DESKS = frozenset({"Staff", "Desk", "Team", "Newsroom", "Reporters", "Correspondents", "Bureau"})
_CREDIT_WORDS = ("photo", "reporting by", "editing by", "writing by")


def _credited(text: str, offset: int) -> Iterator[Mention]:
    """Bylines and credits: "By Zheng Shanjie", "(Photo by JIANG XIAODONG)", a wire's
    "(Reporting by Amina Kiprotich; Editing by Tom Hallworth)"."""
    lower = text.lower()
    if not text.startswith("By") and not any(word in lower for word in _CREDIT_WORDS):
        return  # the pattern cannot match, and is slow to scan
    for first in _CREDIT.finditer(text):
        second = _CREDIT_AND.match(text, first.end())
        yield from _credited_person(first, offset)
        if second is not None:
            yield from _credited_person(second, offset)


def _credited_person(match: re.Match[str], offset: int) -> Iterator[Mention]:
    """The person a credit's name group names, if it is a person's name."""
    name = match.group("name")
    words = name.split()
    if any(word.casefold() in HEADS or word.casefold() in LEADING_STOPWORDS for word in words):
        return
    if words[-1] in _DESKS:
        return  # "Editing by Global Times Staff"
    if words[-1] in {"Source", "Updated", "Xinhua"}:
        words = words[:-1]
    if len(words) < 2:
        return
    name = " ".join(words)
    start = offset + match.start("name")
    yield Mention(
        start,
        start + len(name),
        name,
        ENTITY,
        "person-credit",
        label=PERSON,
    )


# Words a ministry's portfolio ends with: "of Foreign Affairs", "of Finance", "of Transport".
_PORTFOLIO_ENDS = frozenset(
    """affairs finance trade commerce transport transportation energy industry industries
    agriculture education health defence defense justice interior economy planning development
    infrastructure communications technology investment culture tourism environment resources
    mines mining petroleum labour labor works housing amenities cooperation integration relations
    security water power railways roads telecommunications science innovation fisheries forestry
    irrigation treasury sports youth statistics customs aviation shipping navigation immigration
    taxation revenue state""".split()
)


def _title_end(norms: list[str], texts: list[str], start: int) -> int:
    """Where the title that starts at ``start`` ends, ``start`` if none does there: "Vice
    Premier", "Secretary-General" (three tokens), a role ("engineer"), and "Minister of
    Transport" when a two-word name follows the portfolio."""
    count = len(norms)
    position = start
    while position < count:
        norm = norms[position].rstrip(".")
        if (
            position + 2 < count
            and texts[position + 1] == "-"
            and f"{norm}-{norms[position + 2]}" in PERSON_TITLES
        ):
            position += 3  # "Secretary-General", "Director-General": before "Director" alone
        elif (
            norms[position + 1 : position + 2] == ["general"] and f"{norm}-general" in PERSON_TITLES
        ):
            position += 2  # "Director General", "Secretary General", unhyphenated
        elif norm in PERSON_TITLES or (position == start and norm in PERSON_ROLES):
            position += 1
        else:
            break
    if position == start or position + 3 >= count or norms[position] not in {"of", "for", "to"}:
        return position
    # The portfolio, then the name: "Minister of Foreign Affairs Wang Yi", "Minister of Finance
    # Sri Mulyani Indrawati", "Ambassador to Tanzania Chen Mingjian". The name is what follows a
    # comma, else the last two or three capitalised words after a word that ends a portfolio
    # (or after the country an ambassador is sent to); "and" goes on with a portfolio
    # ("Industry and Information Technology"), not after a name.
    run = position + 1
    words: list[int] = []  # where each capitalised word starts ("Jean-Claude" is one)
    while run < count:
        word, norm = texts[run], norms[run]
        if norm == "and" and len(words) < 3:
            run += 1
        elif word[:1].isupper() and norm not in _PERSON_WORDS and not _ACRONYM.match(word):
            words.append(run)
            run += 1
            while _hyphen_joins(texts, run):
                run += 2
        else:
            break
    if run + 1 < count and texts[run] == "," and texts[run + 1][:1].isupper():
        return run + 1  # "Minister of National Housing and Social Amenities, Daniel Garwe"
    for size in (2, 3):
        if len(words) < size + 1:
            continue
        name = words[-size]
        if not set(norms[name:run]).isdisjoint(HEADS.keys() | {"and"}):
            continue
        if norms[name - 1] in _PORTFOLIO_ENDS or (norms[position] == "to" and name == position + 2):
            return name
    return position  # no name told apart from the portfolio: no person rather than half of one


def _hyphen_joins(texts: list[str], at: int) -> bool:
    """Whether a hyphen at ``at`` joins the capitalised word after it to the one before, as
    in the given name "Jean-Claude" before a surname."""
    following = texts[at + 1 : at + 3]
    return (
        texts[at : at + 1] == ["-"]
        and len(following) == 2
        and following[0][:1].isupper()
        and following[1][:1].isupper()  # "Ruto-Raila talks" is no one's name
    )


def _persons(text: str, tokens: Tokens, offset: int) -> Iterator[Mention]:
    """A title or role followed by one to three capitalised words: "President Xi Jinping",
    "Secretary-General Amina Wanjiru", "Minister of Transport Marat Karabayev"."""
    texts, norms = tokens.texts, tokens.norms
    count = len(texts)
    for index in compress(range(count), map(_PERSON_WORDS.__contains__, norms)):
        if norms[index] in PERSON_ROLES and texts[index][:1].isupper():
            continue
        # "General Secretary of the CPC Central Committee Xi Jinping" and "Vice Premier" forms
        # are handled by skipping further title words.
        position = _title_end(norms, texts, index)
        if position == index:
            continue  # the first word of a hyphenated title, alone ("Vice" of "Vice Premier")
        first = position  # the names are tokens first, first + 1, ..., position - 1
        words = 0
        while position < count and words < 3:
            candidate = texts[position]
            if not (_is_word(candidate) and candidate[:1].isupper()):
                break
            if norms[position] in HEADS or norms[position] in LEADING_STOPWORDS:
                break
            position += 1
            words += 1
            while _hyphen_joins(texts, position):
                position += 2  # "Jean-Claude Habimana": one given name
        if position == first or _ACRONYM.match(texts[first]):
            continue
        start, end = tokens.starts[first], tokens.ends[position - 1]
        yield Mention(
            start,
            end,
            text[start - offset : end - offset],
            ENTITY,
            "person-title",
            label=PERSON,
        )


# A person named beside a title, set off by commas: "Liu Zhenghai, vice president of the X
# Bank", "Gaidar Abdykerimov, Secretary General of the Y", "The contractor's chairman, Zhao
# Mingde, said".
_PERSON_NAME = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?:\s[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?){1,2}"
_APPOSITIVE_TITLES = frozenset(
    """president premier chairman chairwoman chair minister ambassador director governor mayor
    envoy secretary spokesperson spokesman spokeswoman head executive manager ceo founder
    economist analyst researcher professor lawmaker dean deputy engineer official""".split()
)
_LOWER_TITLE = (
    r"(?:(?:vice|deputy|executive|assistant|chief|former|acting|senior|general)[\s-]+)?"
    r"(?:" + "|".join(sorted(_APPOSITIVE_TITLES)) + r")(?:[\s-]+general)?\b"
)
# Both forms are found from their comma (a pattern opening with a literal is scanned in C from
# one occurrence to the next), the rest read back from it: "X, vice president of" (a title after
# the comma, the name before it) and "the contractor's chairman, X," (a name between commas,
# the title before).
_COMMA_TITLE = re.compile(
    rf",\s+(?:(?:the|a|an)\s+)?(?i:{_LOWER_TITLE})"
    r"(?=\s+(?:of|at|for|to|with|in|and)\b|\s*[,;.)])"  # not "X, chief economist Paul Obi"
)
_NAME_BEFORE_COMMA = re.compile(rf"(?<![\w'’-])(?P<name>{_PERSON_NAME})\Z")
_COMMA_NAME = re.compile(rf",\s+(?P<name>{_PERSON_NAME}),")
_TITLE_BEFORE_COMMA = re.compile(
    rf"(?:['’]s|\b[Tt]he|\b[Ii]ts|\b[Tt]heir|\b[Hh]is|\b[Hh]er)\s+(?:[A-Za-z]+\s+)?{_LOWER_TITLE}\Z"
)
# A place or circumstance before the comma: "Speaking in Addis Ababa, the minister said".
_PREPOSITION_BEFORE_NAME = re.compile(
    r"\b(?:in|at|from|to|near|outside|inside|across|into)\s+\Z",
    re.I,
)


def _appositive_names(text: str) -> Iterator[re.Match[str]]:
    """The name of each "X, <title>" and "<title>, X," in ``text``."""
    for comma in _COMMA_TITLE.finditer(text):
        name = _NAME_BEFORE_COMMA.search(text, max(0, comma.start() - 60), comma.start())
        if name is not None:
            yield name
    for name in _COMMA_NAME.finditer(text):
        if _TITLE_BEFORE_COMMA.search(text, max(0, name.start() - 60), name.start()):
            yield name


def _appositive_persons(
    text: str, tokens: Tokens, offset: int, context: NameContext
) -> Iterator[Mention]:
    """Persons in apposition to a title: "Liu Zhenghai, vice president of", "the contractor's
    chairman, Zhao Mingde,". Not a name of a known thing or country, nor one
    with a name's head or a leading stopword ("Kenya Railways, chief executive"), nor a place
    after a preposition ("Speaking in Addis Ababa, the minister said")."""
    for match in _appositive_names(text):
        start, end = offset + match.start("name"), offset + match.end("name")
        first = bisect_left(tokens.starts, start)
        last = bisect_left(tokens.starts, end)
        words = tokens.norms[first:last]
        name_start = match.start("name")
        if (
            _PREPOSITION_BEFORE_NAME.search(text, max(0, name_start - 12), name_start)
            or any(word in HEADS or word in LEADING_STOPWORDS for word in words)
            or any(index in context.country_tokens for index in range(first, last))
            or any(index in context.known_starts for index in range(first, last))
        ):
            continue
        yield Mention(start, end, match.group("name"), ENTITY, "person-appositive", label=PERSON)


_QUOTED_STRATEGY = re.compile(
    r"(?:(?P<owner>[A-Z][\w'’ -]{1,40}?)['’]s\s+)?[\"“](?P<name>[A-Z][^\"”]{2,80}?)[\"”]"
    r"(?P<tail>(?:\s+[\w-]+){0,3}?\s+(?P<head>strategy|plan|policy|vision|programme|program|agenda|initiative))\b",
)
_POSSESSIVE_STRATEGY = re.compile(
    r"(?P<owner>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)['’]s\s+"
    r"(?P<name>(?:[A-Z][\w-]*\s(?:(?:and|of|for|on)\s)?){0,6}?"
    r"(?:Strategy|Plan|Vision|Agenda|Outline|Policy|Programme|Program)"
    r"(?:\s(?:\d{4}|on|for)(?:\s[A-Z][\w-]*)*)?)\b"
)


def _strategies(text: str, tokens: Tokens, offset: int, context: NameContext) -> Iterator[Mention]:
    """National strategies: quoted names before a strategy word, and "Country's X Plan"."""
    for pattern, rule, needs in (
        (_QUOTED_STRATEGY, "strategy-quoted", ('"', "“")),
        (_POSSESSIVE_STRATEGY, "strategy-possessive", ("'s", "’s")),
    ):
        if not any(mark in text for mark in needs):  # the patterns are slow to fail
            continue
        for match in pattern.finditer(text):
            start, end = match.span("name")
            if match.groupdict().get("head") == "initiative" and not match.group("owner"):
                entity_type = INIT
            else:
                entity_type = S
            owner = _owner_code(match.group("owner"), tokens, offset + match.start(), context)
            yield Mention(
                offset + start,
                offset + end,
                text[start:end],
                ENTITY,
                rule,
                label=entity_type,
                countries=(owner,) if owner else (),
            )


def _owner_code(owner: str | None, tokens: Tokens, start: int, context: NameContext) -> str | None:
    if not owner:
        return None
    for index, token_start in enumerate(tokens.starts):
        if token_start >= start and index in context.country_codes:
            return context.country_codes[index]
    return None


def acronym_definitions(
    text: str, mentions: list[Mention], offset: int
) -> Iterator[tuple[str, Mention]]:
    """``Name (ACR)``: the acronym after an entity mention names the same entity; so does a
    company's name without its legal form ("Korvex LLC", later "Korvex")."""
    countries = {m.text for m in mentions if m.label is COUNTRY}
    for mention in mentions:
        if mention.kind is not ENTITY:
            continue
        match = _BRACKETED_AFTER.match(text, mention.end - offset)
        if match and _ACRONYM.match(match.group("acronym")):
            yield match.group("acronym"), mention
        if mention.label is ORGANIZATION:
            stem = _LEGAL_FORM_AFTER.sub("", mention.text)
            if stem != mention.text and stem[:1].isupper() and stem not in countries:
                yield stem, mention


# A legal form after a company's name, with the comma or "Co." before it.
_LEGAL_FORM_AFTER = re.compile(
    r",?\s+(?:Co\.,?\s+)?(?:LLC|Inc|Ltd|Limited|PLC|plc|GmbH|S\.A|SA|JSC|PJSC)\.?\Z"
)
