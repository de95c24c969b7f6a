"""Quantity mentions in English: money, lengths, capacities, counts of things.

A quantity is a number (digits or a number word), an optional scale word (million, billion,
trillion) and a unit: a currency sign or code before it, or a unit or counted noun after it
("117 ports", "350 km per hour", "1.21 million tonnes", "US$2.9 trillion", "6.4 percent").
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import replace
from decimal import Decimal
from functools import cache

import pycountry

from brikg.ir import QUANTITY, Mention, QuantityValue
from brikg.recognize.tokens import words_are_tokens
from brikg.scan import (
    has_irregular_case,
    longest_first,
    match_starts,
    matches_at,
    occurrences,
    search_before,
)

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6, "bn": 1e9}


def scaled(number: float, scale: float) -> float:
    """``number`` times ``scale`` as the text writes it: 9.8 x 10^8 is 980000000, where float
    arithmetic gives 980000000.0000001 (decimal arithmetic on the number's shortest form; the
    scales are powers of ten, exact as floats). Shared with the Chinese values (亿, 万)."""
    return float(Decimal(repr(number)) * Decimal(scale))


NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "dozens": 24,
}  # fmt: skip

# Units after the number: canonical unit for each surface form (plural forms handled below).
UNITS = {
    "km": "km", "kilometer": "km", "kilometre": "km", "kilometers": "km", "kilometres": "km",
    "km/h": "km/h", "km per hour": "km/h", "kilometers per hour": "km/h",
    "kilometres per hour": "km/h", "mw": "MW", "megawatt": "MW", "megawatts": "MW", "gw": "GW",
    "gigawatt": "GW", "gigawatts": "GW", "kw": "kW", "kwh": "kWh", "twh": "TWh", "tonne": "tonne",
    "tonnes": "tonne",
    "ton": "tonne", "tons": "tonne", "teu": "TEU", "teus": "TEU", "percent": "percent",
    "per cent": "percent", "%": "percent", "percentage points": "percentage point",
    "yuan": "CNY", "rmb": "CNY", "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD",
    # the singular of an amount used as an adjective: "a 450-million-(U.S.-)dollar loan"
    "dollar": "USD", "us-dollar": "USD", "u.s.-dollar": "USD", "us dollar": "USD",
    "u.s. dollar": "USD",
    "euros": "EUR", "pounds sterling": "GBP", "sterling": "GBP",
    "hectares": "hectare", "square kilometers": "km2", "square kilometres": "km2",
    "meters": "m", "metres": "m", "cubic meters": "m3", "cubic metres": "m3",
}  # fmt: skip
CURRENCY_PREFIXES = {
    "us$": "USD",
    "usd": "USD",
    "$": "USD",
    "rmb": "CNY",
    "¥": "CNY",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "hk$": "HKD",
    "s$": "SGD",
    "a$": "AUD",
}
# The currencies a unit word after a number names ("yuan", "dollars", "pounds sterling"): the
# units that are also a sign's currency.
_UNIT_CURRENCIES = frozenset(UNITS.values()) & frozenset(CURRENCY_PREFIXES.values())


def is_sum(mention: Mention) -> bool:
    """Whether a quantity is a sum of money, by a currency's sign or code ("$2 billion", "KES 18
    billion") or by its name after the number ("300 million euros", "5 billion yuan")."""
    return mention.rule == "quantity-currency" or (
        mention.quantity is not None and mention.quantity.unit in _UNIT_CURRENCIES
    )


# The sign of the CFA franc, which is the West or the Central African franc by the countries
# around it (see national_currency): "FCFA 850 billion". "CFA" alone is no sign: it is an
# acronym of too much else ("the CFA 1.2 million charterholders").
_CFA_SIGNS = ("FCFA",)
# A currency sign or code, written before a number, maybe a space apart ("£ 40 million"). Any
# other ISO 4217 code is read there too ("KES 18 billion", "XOF 85 billion"), in capitals.
_CURRENCY_SIGN = "|".join(
    [
        *(re.escape(sign) + r"\s?" for sign in sorted(CURRENCY_PREFIXES, key=len, reverse=True)),
        rf"(?-i:\b(?:{'|'.join(_CFA_SIGNS)}|[A-Z]{{3}}))\s?",
    ]
)
# The longest sign and the space after it: how far before a number a sign may start.
_SIGN_WIDTH = max(map(len, [*CURRENCY_PREFIXES, *_CFA_SIGNS])) + 1
# A sign that opens with a letter, or "$", right after a letter is part of another dollar's
# sign ("CA$", "NZ$"): checked on the sign found (see _sign_before), not at every character
# the search before each number tries.
_OPENS_SIGN = frozenset(string.ascii_letters + "$")
# ISO 4217 codes that are no money to lend or spend (funds, metals, tests, units of account), or
# that spell an English word a heading in capitals may put before a number ("ALL 2 MILLION
# PEOPLE", "TOP 10"): never a currency before a number.
_NOT_CURRENCY_CODES = frozenset(
    "XXX XTS XAU XAG XPD XPT XBA XBB XBC XBD XSU XUA CHE CHW BOV MXV UYI UYW USN COU CLF"
    " ALL BOB CUP SOS TOP".split()
)
_NUMBER = r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + "|".join(NUMBER_WORDS) + r")"
# The same, read whole (an atomic group): what may follow a number (a plus, a scale, a unit or
# noun) never starts with a digit, comma or point, and no number word starts another, so
# giving characters back never leads to a match; it only retried the unit alternatives.
_WHOLE_NUMBER = f"(?>{_NUMBER})"
# "2.6 billion", and Xinhua's hyphenated "2.6-billion-U.S.-dollar loan".
_SCALE = r"(?:(?:\s*|-)(?P<scale>thousand|million|billion|trillion|mn|bn)\b)?"
# Hedges before a number ("more than 200 cities"), read from the text just before it.
_APPROX = re.compile(
    r"(?i:more\s+than|over|nearly|almost|about|around|approximately|some|up\s+to|at\s+least"
    r"|less\s+than|above|close\s+to|roughly)\s+\Z"
)
# Where a quantity can start: a number's first digit, or a number word. The scan is kept apart
# from the currency check below, and number words are tried only after one of their first
# letters: otherwise the regex engine tries every alternative at every character (2x slower).
_FIRST_LETTERS = "".join(sorted({word[0] for word in NUMBER_WORDS}))
_START = re.compile(
    rf"(?<!\d)\d|\b(?=[{_FIRST_LETTERS}{_FIRST_LETTERS.upper()}])(?i:{'|'.join(NUMBER_WORDS)})\b"
)
# A number's first digit, its check written after it: a pattern that opens with a character
# (class) is scanned in C from one candidate to the next.
_DIGIT_START = re.compile(r"\d(?<!\d\d)")
# The same in ASCII text, where \d is [0-9]: a set of characters the engine tests with a bitmap,
# where \d asks the Unicode database about every character.
_ASCII_DIGIT_START = re.compile(r"[0-9](?<![0-9][0-9])")
# Number words in lowercased text: a case-sensitive alternation of literals scans just as fast,
# where the case-insensitive one tries every alternative at every character.
_NUMBER_WORD = re.compile("|".join(NUMBER_WORDS))
# A currency sign or code just before a number belongs to the quantity ("US$2.9 trillion").
_CURRENCY_BEFORE = re.compile(rf"(?:{_CURRENCY_SIGN})\Z", re.I)
# The upper end of a range ("US$3-4 billion", "300-400 km"): the quantity is its lower end,
# marked approximate, and the scale after the range applies to both.
_UPPER = r"(?:\s*(?:-|–|to)\s*(?P<upper>\d+(?:\.\d+)?)(?![\d,]))?"
_CURRENCY = re.compile(f"(?P<currency>{_CURRENCY_SIGN})" + _NUMBER + _UPPER + _SCALE, re.I)
_MEASURED = re.compile(
    r"\b"
    + _WHOLE_NUMBER
    + _UPPER
    + r"(?P<plus>-?plus|\+)?"
    + _SCALE
    + r"(?:\s*|-)(?P<unit>"
    # A tree of the units' characters, which matches as their alternation longest first
    # would: the engine tries only the units that go on with the text, not each in turn.
    + longest_first(UNITS)
    + r")(?![\w])",
    re.I,
)
# Currencies whose name has no plural, counted as nouns ("12 billion naira"), and each the
# name of one currency of ISO 4217: the only nouns that name a currency without a nationality.
_INVARIANT_CURRENCIES = (
    "naira", "tenge", "baht", "kip", "riel", "rupiah", "ringgit", "yen", "yuan", "renminbi"
)  # fmt: skip
# A counted noun: "117 ports", "25 European countries", "74,000 trips" — up to two modifiers,
# after the name of a CFA franc's zone ("85 billion West African CFA francs").
_COUNTED = re.compile(
    r"\b"
    + _WHOLE_NUMBER
    + r"(?P<plus>-?plus|\+)?"
    + _SCALE
    + r"\s+(?P<mods>(?:(?:West|Central)\s+African\s+)?(?:[A-Za-z][\w-]*\s+){0,2}?)"
    + r"(?P<noun>[a-z][a-z-]*s|people|staff|personnel|"
    + "|".join(_INVARIANT_CURRENCIES)
    + r")\b",
)
_NOT_COUNTED_NOUNS = frozenset(
    {
        "years",
        "quarters",
        "times",
        "units",
        "aspects",
        "ways",
        "steps",
        "decades",
        "days",
        "months",
        "hours",
        "minutes",
        "seconds",
        "others",
        "overseas",
        "plus",
        "its",
        "was",
        "has",
        "is",
        "as",
        "this",
    }
)


# A determiner after a number starts a new noun phrase: what follows is not what is counted.
_DETERMINERS = frozenset("the a an this that these those its their his her our my your".split())


def _number(text: str) -> float | None:
    lowered = text.lower()
    if lowered in NUMBER_WORDS:
        return float(NUMBER_WORDS[lowered])
    try:
        return float(lowered.replace(",", ""))
    except ValueError:
        return None


def national_currency(
    mention: Mention,
    country_of: Callable[[str], str | None],
    countries: Iterable[str] = (),
) -> Mention:
    """A count of a nation's currency as a sum in it: "1.1 trillion Ugandan shillings" is
    UGX 1.1 trillion, "18 billion Kenyan shillings" KES 18 billion, "300 million baht" THB.
    ``country_of`` names the country an adjective of nationality stands for
    (Lexicon.nationality); the currency is the one of ISO 4217 whose numeric code is that
    country's and whose name ends in the noun, or for a noun with no plural the one currency
    so named ("baht"). CFA francs ("CFA francs", "FCFA 850 billion") are the West or the
    Central African franc, as their name says or by the ``countries`` (ISO 3166 codes) the
    sentence names of one zone. A rate stays one: "2 billion Kenyan shillings a year" is
    KES/year."""
    quantity = mention.quantity
    if quantity is None:
        return mention
    noun, slash, period = quantity.unit.partition("/")
    words = quantity.text_unit.split()
    if noun == "franc" and (words[-2:-1] == ["CFA"] or quantity.text_unit in _CFA_SIGNS):
        zone = _ZONE_NAMES.get(tuple(words[-4:-2]))  # "West African CFA francs"
        code = zone or _cfa_zone(countries)
        if code is None:
            return mention
        text_unit = " ".join(words[-4:] if zone else words[-2:])
        return _as_currency(mention, code + slash + period, text_unit)
    currencies = _currencies()[1].get(noun)
    if mention.rule != "quantity-count" or currencies is None:
        return mention
    for size in (1, 2):  # "Kenyan shillings", "Sri Lankan rupees", "Hong Kong dollars"
        country = country_of(" ".join(words[-1 - size : -1])) if len(words) > size else None
        if country is not None:
            code = currency_of(country, noun)
            words = words[-1 - size :]
            break
    else:
        if noun not in _INVARIANT_CURRENCIES:
            return mention  # "shillings" alone may be Kenya's, Uganda's, Tanzania's: none
        code = next(iter(currencies.values()))  # "baht" is Thailand's
        words = words[-1:]
    if code is None:
        return mention
    return _as_currency(mention, code + slash + period, " ".join(words))


def _as_currency(mention: Mention, code: str, text_unit: str) -> Mention:
    assert mention.quantity is not None
    return replace(
        mention,
        rule="quantity-currency",
        quantity=replace(mention.quantity, unit=code, text_unit=text_unit),
    )


# The two CFA francs, by the countries that use them: the West African (XOF, the BCEAO's) and
# the Central African (XAF, the BEAC's).
_CFA_ZONES = {
    **dict.fromkeys("BJ BF CI GW ML NE SN TG".split(), "XOF"),
    **dict.fromkeys("CM CF TD CG GQ GA".split(), "XAF"),
}
# The two by their zone's name, before "CFA francs".
_ZONE_NAMES = {("West", "African"): "XOF", ("Central", "African"): "XAF"}


def _cfa_zone(countries: Iterable[str]) -> str | None:
    """The CFA franc of the one zone that ``countries`` lie in, if they lie in one."""
    zones = {_CFA_ZONES[code] for code in countries if code in _CFA_ZONES}
    return zones.pop() if len(zones) == 1 else None


def currency_of(country: str, noun: str) -> str | None:
    """The ISO 4217 code of the currency of ``country`` (an id, "country/ke") that ``noun``
    names ("shilling": KES), if it has one so named."""
    numbers, nouns, _ = _currencies()
    return nouns.get(noun, {}).get(numbers.get(country.partition("/")[2].upper(), ""))


def sign_currency(sign: str) -> str | None:
    """The ISO 4217 code a currency sign or code written before a number stands for ("US$":
    USD, "KES": KES), if any; "franc" for a CFA franc's, whose zone the sign does not say
    (see national_currency)."""
    if sign in _CFA_SIGNS:
        return "franc"
    known = CURRENCY_PREFIXES.get(sign.lower())
    if known is not None:
        return known
    return sign if sign not in _NOT_CURRENCY_CODES and sign in _currencies()[2] else None


@cache
def _currencies() -> tuple[dict[str, str], dict[str, dict[str, str]], frozenset[str]]:
    """ISO 3166 numeric codes by country code, and ISO 4217 codes by the last word of the
    currency's name and its numeric code, which is its country's ("Kenyan Shilling" 404 KES);
    and every ISO 4217 code."""
    numbers = {country.alpha_2: country.numeric for country in pycountry.countries}
    nouns: dict[str, dict[str, str]] = {}
    for currency in pycountry.currencies:
        noun = currency.name.split()[-1].lower()
        if noun.isalpha():
            nouns.setdefault(noun, {})[currency.numeric] = currency.alpha_3
    for spelling, noun in _OTHER_SPELLINGS.items():
        nouns[spelling] = nouns[noun]
    return numbers, nouns, frozenset(currency.alpha_3 for currency in pycountry.currencies)


# What texts call a currency where ISO 4217's name differs ("Yuan Renminbi", "Russian Ruble").
_OTHER_SPELLINGS = {"yuan": "renminbi", "rouble": "ruble"}


def _singular(noun: str) -> str:
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "sses", "xes")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return noun


def find_quantities(
    text: str, offset: int = 0, words: AbstractSet[str] | None = None
) -> Iterator[Mention]:
    """Yield quantity mentions, preferring currency, then measured units, then counted nouns.

    The patterns are tried only where a number starts, which keeps this stage fast.
    ``words``, the normal forms of the text's tokens when known, can spare the search for
    number words.
    """
    candidates = _starts(text, words)
    if not candidates:
        return  # most sentences: no number at all
    found: list[Mention] = []
    end_of_last = 0
    for number_start in candidates:
        if number_start < end_of_last:
            continue
        window_start = max(end_of_last, number_start - _SIGN_WIDTH)
        currency = _sign_before(text, window_start, number_start)
        if currency is None or not text[number_start].isdigit():
            read = _read_at(text, number_start)
        elif _is_loose(currency.group()):
            read = _code_or_number(text, currency.start(), number_start)
        else:  # a sign: "US$2.9 trillion"; "$" alone before a year is none
            read = _read_at(text, currency.start()) or _read_at(text, number_start)
        if read is None:
            continue
        begin, end_of_last, rule, quantity, _ = read
        if not quantity.approximate and _modal(text, begin):
            quantity = replace(quantity, approximate=True)
        found.append(
            Mention(
                offset + begin,
                offset + end_of_last,
                text[begin:end_of_last],
                QUANTITY,
                rule,
                quantity=quantity,
            )
        )
    yield from found


def _sign_before(text: str, window_start: int, number_start: int) -> re.Match[str] | None:
    """The currency sign or code right before a number, if one is there."""
    sign = _CURRENCY_BEFORE.search(text, window_start, number_start)
    if sign is None:
        return None
    at = sign.start()
    after_letter = at > 0 and text[at - 1] in string.ascii_letters
    return None if after_letter and text[at] in _OPENS_SIGN else sign


def _read_at(text: str, start: int) -> _Read | None:
    return _range(text, start) or _read(text, start)


def _is_loose(sign: str) -> bool:
    """Whether a currency sign before a number may belong to something else: an ISO code of
    its own ("KES "), not one of the signs and codes always read (CURRENCY_PREFIXES), or any
    sign a space apart from the number ("$ 10")."""
    return sign[-1:].isspace() or sign.lower() not in CURRENCY_PREFIXES


def _code_or_number(text: str, code_start: int, number_start: int) -> _Read | None:
    """The sum after a loose sign (:func:`_is_loose`: "KES 18 billion"), unless the number
    reads as a figure of its own without a scale word: "PLN 35,000 MW" (PLN, Indonesia's power
    company), "Hong Kong SAR 1,106 square kilometres", "the AMD 5,000 servers", "the top $ 10
    donors"."""
    sum_read = _read_at(text, code_start)
    if sum_read is not None and sum_read[4].group("scale"):
        return sum_read
    return _read_at(text, number_start) or sum_read


# A quantity read at a place: where it begins (with its hedge) and ends, its rule, its value and
# the pattern's match.
_Read = tuple[int, int, str, QuantityValue, re.Match[str]]
_PATTERNS = (
    ("quantity-currency", _CURRENCY),
    ("quantity-unit", _MEASURED),
    ("quantity-count", _COUNTED),
)


def _read(text: str, start: int) -> _Read | None:
    """The quantity that starts at ``start``, preferring currency, then measured units, then
    counted nouns."""
    if _REFERENCE_BEFORE.search(text, max(0, start - 12), start):
        return None  # "Section 4 describes ...": a section's number, not a count
    for rule, pattern in _PATTERNS:
        match = pattern.match(text, start)
        if match is None:
            continue
        hedge = _hedge(text, start)
        quantity = _quantity(rule, match, text, hedge is not None)
        if quantity is not None:
            return hedge.start() if hedge else start, match.end(), rule, quantity, match
    return None


# The words a number after which labels a part of a text: "Section 4", "Chapter 3", "Table 2".
_REFERENCE_BEFORE = re.compile(
    r"\b(?:[Ss]ections?|[Cc]hapters?|[Aa]rticles?|Part|Annex|Appendix|Table|Figure|Fig\."
    r"|[Pp]aragraphs?|[Cc]lauses?|Item|No\.|§)\s*\Z"
)


# "between $2 billion and $3 billion", "between 300 and 400 km", "between 5% and 10%": a range,
# read as "US$2-3 billion" is, its lower end, approximate, in the upper end's unit (the lower
# end may repeat it). A small bare lower end takes the upper end's scale ("between $2 and $3
# billion"); a complete one keeps its value ("between 800,000 and 1.2 million tonnes").
_LOWER = re.compile(
    f"(?P<currency>{_CURRENCY_SIGN})?"
    + _NUMBER
    + _SCALE
    + rf"(?:\s*(?P<unit>{longest_first(UNITS)})(?!\w))?\s+and\s+",
    re.I,
)
_BETWEEN = "between "


def _range(text: str, start: int) -> _Read | None:
    """The range "between A and B" whose A starts at ``start``, if there is one."""
    begin = start - len(_BETWEEN)
    if begin < 0 or text[begin:start].lower() != _BETWEEN:
        return None
    lower = _LOWER.match(text, start)
    upper = _read(text, lower.end()) if lower else None
    if lower is None or upper is None:
        return None
    _, end, rule, quantity, match = upper
    value = _number(lower.group("number"))
    currency = lower.group("currency")
    # The upper end's unit may be a rate of it ("$2 million per kilometre" is USD/km).
    base_unit = quantity.unit.split("/")[0]
    if value is None or (currency and sign_currency(currency.strip()) != base_unit):
        return None
    unit = lower.group("unit")
    upper_unit = match.groupdict().get("unit")
    if unit and (upper_unit is None or UNITS[unit.lower()] != UNITS.get(upper_unit.lower())):
        return None
    scale = lower.group("scale")
    if not scale and not unit and "," not in lower.group("number") and value < 1000:
        scale = match.groupdict().get("scale")
    if scale:
        value = scaled(value, SCALES[scale.lower()])
    return begin, end, rule, replace(quantity, value=value, approximate=True), match


# A figure hedged by a modal verb or a forecast: "could cost $4 billion", "is expected to cost",
# "an estimated $700 million" are approximate, as "about $4 billion" is. "as expected" and
# "than expected" compare, and a hedge does not reach past a comma or a conjunction that starts
# another verb phrase or clause ("may close but carried 5 million passengers").
_MODAL_WORDS = ("could", "may", "might", "expected", "estimated", "projected", "forecast")
_MODAL = re.compile(
    rf"(?<!\bas\s)(?<!\bthan\s)\b(?:{'|'.join(_MODAL_WORDS)})\s+"
    r"(?:(?!(?:and|but|yet|while|whereas|although|though)\s)[a-z]+\s+){0,3}\Z"
)


def _modal(text: str, begin: int) -> bool:
    """Whether a modal verb or a forecast hedges the figure that begins at ``begin``."""
    window = text[max(0, begin - 40) : begin]
    return any(map(window.__contains__, _MODAL_WORDS)) and _MODAL.search(window) is not None


def _starts(text: str, words: AbstractSet[str] | None) -> list[int]:
    """Where ``_START`` matches in ``text``: its number words are looked for in lowercased
    text, and only where one occurs is the case-insensitive pattern tried."""
    if has_irregular_case(text):  # lower() may not find what the regex does, or move it
        return match_starts(_START, text)
    # In ASCII text the digits are 0-9, which str's find looks for several times faster than
    # the scan for \d; most sentences hold none.
    if not text.isascii():
        digits = match_starts(_DIGIT_START, text)
    elif any(map(text.__contains__, "0123456789")):
        digits = match_starts(_ASCII_DIGIT_START, text)
    else:
        digits = []
    if words is not None and words_are_tokens(text):
        if words.isdisjoint(NUMBER_WORDS):
            return digits
        # A number word _START accepts is then a whole token: only those the sentence has are
        # looked for, by str.find.
        words_at = occurrences(text.lower(), [word for word in NUMBER_WORDS if word in words])
    elif any(map(text.lower().__contains__, NUMBER_WORDS)):
        words_at = match_starts(_NUMBER_WORD, text.lower())
    else:
        return digits
    # A number word that _START accepts starts after a non-word character, so no match of
    # _NUMBER_WORD (letters only) hides one; str.find finds every occurrence.
    return list(map(re.Match.start, matches_at(_START, text, sorted(digits + words_at))))


# The last word of every hedge _APPROX finds, before the space it ends with (see may_end_with).
_HEDGE_ENDS = tuple(
    "than over nearly almost about around approximately some to least above roughly".split()
)


def _hedge(text: str, start: int) -> re.Match[str] | None:
    """The hedge ("more than", "about") that ends where a quantity starts at ``start``."""
    return search_before(_APPROX, text, start, 24, _HEDGE_ENDS)


_YEAR = re.compile(r"(?:19|20)\d\d")

# "between the two cities": a number word after a determiner counts things already named.
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|both)\s+\Z", re.I)


# A rate after the figure ("12,000 tonnes of cargo per day", "5 million TEU a year"): the unit
# is per that period.
_RATE = re.compile(
    r"(?:\s+of\s+[a-z]+(?:\s+[a-z]+)?)?\s+(?:(?:per|a|each|every)\s+(?P<per>day|week|month|year)"
    r"(?!\s+(?:ago|earlier|later|after|before|on|in)\b)|per\s+(?P<annum>annum)"
    r"|(?P<ly>daily|weekly|monthly|annually)|(?:per|a)\s+(?P<length>kilomet(?:re|er)|km|mile))\b"
)
_RATE_PERIODS = {
    "annum": "year", "daily": "day", "weekly": "week", "monthly": "month", "annually": "year",
    "kilometre": "km", "kilometer": "km", "km": "km", "mile": "mile",
}  # fmt: skip


def _quantity(rule: str, match: re.Match[str], text: str, hedged: bool) -> QuantityValue | None:
    quantity = _amount(rule, match, text, hedged)
    if quantity is None or quantity.unit == "percent":
        return quantity
    rate = _RATE.match(text, match.end())
    if rate is None:
        return quantity
    period = (
        rate.group("per")
        or _RATE_PERIODS[rate.group("annum") or rate.group("ly") or rate.group("length")]
    )  # "USD 9.4 million per kilometre" is a cost per km, not the project's cost
    return replace(quantity, unit=f"{quantity.unit}/{period}")


def _amount(rule: str, match: re.Match[str], text: str, hedged: bool) -> QuantityValue | None:
    groups = match.groupdict()
    if (
        rule == "quantity-count"
        and groups["number"].isalpha()
        and _DEFINITE_BEFORE.search(text, max(0, match.start() - 8), match.start())
    ):
        return None
    value = _number(groups["number"])
    if value is None:
        return None
    # A four-digit integer without a unit word of its own is usually a year, not a count.
    if rule == "quantity-count" and _YEAR.fullmatch(groups["number"]):
        return None
    if groups.get("scale"):
        value = scaled(value, SCALES[groups["scale"].lower()])
    approximate = hedged or bool(groups.get("plus")) or bool(groups.get("upper"))
    if rule == "quantity-currency":
        sign = groups["currency"].strip()
        code = sign_currency(sign)
        # A code other than a sign's, or a sign a space apart, is a currency in a sum ("KES 18
        # billion", "£ 40 million"), not in a heading's number or a name's ("COP 28", "CPC
        # 20", "the top $ 10 donors"): with a scale or in thousands. Nor is a year after it a
        # sum ("the SAR 2025 budget", "THE SDG 2030 AGENDA", "in $ 2020 terms").
        small = value < 1000 or _YEAR.fullmatch(groups["number"]) is not None
        if code is None or (_is_loose(groups["currency"]) and not groups.get("scale") and small):
            return None
        return QuantityValue(value, code, sign, approximate)
    if rule == "quantity-unit":
        surface = groups["unit"]
        unit = UNITS.get(surface.lower(), surface.lower())
        if unit in _UNIT_CURRENCIES and groups.get("scale") is None and value < 100:
            return None
        return QuantityValue(value, unit, surface, approximate)
    noun = groups["noun"].lower()
    mods = groups.get("mods") or ""
    if mods and mods.split(None, 1)[0].lower() in _DETERMINERS:
        return None  # "fewer than the 2,400 the corridor needs": a clause, no counted noun
    if noun in _NOT_COUNTED_NOUNS or (value != int(value)) and not groups.get("scale"):
        return None
    return QuantityValue(value, _singular(noun), mods + groups["noun"], approximate)
