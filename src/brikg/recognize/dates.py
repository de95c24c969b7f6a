"""Date mentions in English text, at the precision the text gives.

Covers "on 14 March 2024", "March 14, 2024", "in March 2017", "by the end of June 2023",
"in the first half of 2025", "since 2013", "2013-2022", "from 2013 to 2022", ISO dates, and
month-day dates without a year ("October 17 to 18"), whose year is taken from the nearest
earlier explicit year in the paragraph and marked as inferred. With the year the document was
written, also "this year" and "September this year" (inferred), and a month-day before any
explicit year.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet

from brikg.ir import DATE, DateValue, Mention
from brikg.recognize.tokens import words_are_tokens
from brikg.scan import has_irregular_case, match_starts, matches_at, may_end_with, occurrences

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_TO_DAY = r"\s*[-–]\s*[0-3]?\d(?:st|nd|rd|th)?"  # the last day of a range of days

# Qualifiers that frame a date ("by the end of June 2023"), read from the text just before it.
_QUALIFIER = re.compile(
    r"(?i:(?:(?P<q_since>since|starting\s+from)\s+|(?P<q_by>by|as\s+of|up\s+to|until|till|through)\s+)?"
    r"(?:(?:in|during)\s+)?(?:the\s+)?(?:(?P<q_part>end|beginning|start|middle|"
    r"(?:first|1st|second|2nd)\s+half|(?:first|1st|second|2nd|third|3rd|fourth|4th)\s+quarter)"
    r"\s+of\s+(?:the\s+year\s+)?|(?P<q_short>Q[1-4]|H[12])\s+|(?P<q_early>early|mid|late)[-\s])?)\Z"
)
_WINDOW = 48

# What a pattern cannot match without (see date_cues): a year, a month name, "this" and "year".
_YEAR_CUE, _MONTH_CUE, _THIS_YEAR_CUE = 1, 2, 4
# Every month name in _MONTH starts with one of these (a literal alternation: a fast scan).
_MONTH_STEM = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
# Where a match of a pattern can start (_years and the others below). The patterns open with a
# word boundary, which keeps the regex engine from skipping ahead to a likely first character:
# a scan tries them at every character, five times the cost of trying them only here.
_DAY_AT = re.compile(r"\d(?<!\w\d)")  # the first digit of a number
_THIS_AT = re.compile(r"[Tt]his|[Ll]ast|[Nn]ext|" + _MONTH_STEM.pattern)
# "this year", "last year", "next year": the document's year, the one before, the one after.
_RELATIVE_YEAR = r"(?P<which>[Tt]his|[Ll]ast|[Nn]ext)\s+year"
_YEAR_SHIFT = {"this": 0, "last": -1, "next": 1}


# The scans' matches cannot overlap a real start: a match starts after a non-word character,
# and a year, a month name's first three letters or "this" hold no such place.
def _years(text: str) -> list[int]:
    r"""Where the matches of ``(?:19|20)\d\d`` start, one after another as a scan finds them:
    str.find finds "19" and "20" in C, several times faster than the scan (whose \d is a
    decimal digit, as str.isdecimal tells)."""
    found: list[int] = []
    end = 0
    for at in occurrences(text, ("19", "20")):
        digits = text[at + 2 : at + 4]
        if at >= end and len(digits) == 2 and digits.isdecimal():
            found.append(at)
            end = at + 4
    return found


def _days(text: str) -> list[int]:
    return match_starts(_DAY_AT, text)


def _months(text: str) -> list[int]:
    return match_starts(_MONTH_STEM, text)


def _this_or_months(text: str) -> list[int]:
    return match_starts(_THIS_AT, text)


def _ranges(text: str) -> list[int]:
    """Where a year range can start: at a year, or at the "from" or "between" before it (with
    only spaces between), found from the years rather than by another scan."""
    found = []
    for year in _years(text):
        # The words before the year, from a window: stripping all the text before every year
        # would copy a long text once per year in it. Only a window of nearly all spaces is
        # too short to show the word, and then the whole text before the year is read.
        begin = max(0, year - _RANGE_WINDOW)
        head = text[begin:year].rstrip()
        if begin and len(head) < len("between"):
            begin, head = 0, text[:year].rstrip()
        if begin + len(head) < year:
            for word in ("from", "between"):
                if head.endswith(word):
                    found.append(begin + len(head) - len(word))
        found.append(year)
    return found


_RANGE_WINDOW = 64


_PATTERNS: list[tuple[str, re.Pattern[str], int, Callable[[str], list[int]]]] = [
    (
        "date-iso",
        re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
        _YEAR_CUE,
        _years,
    ),
    # "10-11 June 2025", "June 10-11, 2025": a meeting over days is dated by its first.
    (
        "date-day-range",
        re.compile(r"\b" + _DAY + _TO_DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r"\b"),
        _YEAR_CUE | _MONTH_CUE,
        _days,
    ),
    (
        "date-month-day-range",
        re.compile(r"\b" + _MONTH + r"\s+" + _DAY + _TO_DAY + r",\s*" + _YEAR + r"\b"),
        _YEAR_CUE | _MONTH_CUE,
        _months,
    ),
    (
        "date-day-month-year",
        re.compile(r"\b" + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r"\b"),
        _YEAR_CUE | _MONTH_CUE,
        _days,
    ),
    (
        "date-month-day-year",
        re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",\s*" + _YEAR + r"\b"),
        _YEAR_CUE | _MONTH_CUE,
        _months,
    ),
    (
        "date-month-year",
        re.compile(r"\b" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR + r"\b"),
        _YEAR_CUE | _MONTH_CUE,
        _months,
    ),
    (
        "date-year-range",
        re.compile(
            r"\b(?:from\s+|between\s+)?(?P<year>(?:19|20)\d\d)\s*(?:-|–|—|to|and|through)\s*(?P<year2>(?:19|20)\d\d)\b"
        ),
        _YEAR_CUE,
        _ranges,
    ),
    (
        "date-this-year",
        # "the last year of the plan" is no date: only "last year" without "the".
        re.compile(r"\b(?:" + _MONTH + r"\s+(?:of\s+)?)?(?<![Tt]he\s)" + _RELATIVE_YEAR + r"\b"),
        _THIS_YEAR_CUE,
        _this_or_months,
    ),
    (
        "date-month-day",
        re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b(?!\s*,?\s*(?:19|20)\d\d)"),
        _MONTH_CUE,
        _months,
    ),
    (
        "date-year",
        re.compile(
            r"(?<![\d,.$])\b"
            + _YEAR
            + r"\b(?![,.]\d|\s*(?:Agenda|Olympic|Asian|World|FIFA|Winter|Summer)\b)(?!-\d)"
        ),
        _YEAR_CUE,
        _years,
    ),
]


def date_cues(text: str, words: AbstractSet[str] | None = None) -> int:
    """Which of the patterns' necessary parts ``text`` has, by substring tests: a scan per
    pattern costs far more, and most sentences have no date. A month name the patterns match
    lies between non-word characters, so the tokens' forms (``words``) tell when the words are
    tokens (see words_are_tokens). Worked out once per sentence, for :func:`find_dates` and
    :func:`may_need_year`."""
    cues = _YEAR_CUE if "19" in text or "20" in text else 0
    if words is not None and words_are_tokens(text):
        if not words.isdisjoint(MONTHS):
            cues |= _MONTH_CUE
    elif _MONTH_STEM.search(text):
        cues |= _MONTH_CUE
    if "year" in text and any(word in text for word in _RELATIVE_WORDS):
        cues |= _THIS_YEAR_CUE
    return cues


_RELATIVE_WORDS = ("this", "This", "last", "Last", "next", "Next")

# Whether to look at all: a digit, "this year" or a month name. Month names are tried only
# after their first letters, which keeps the regex engine from trying them at every character.
_HAS_DATE = re.compile(
    r"\d|(?=[TtLlNnJFMASOND])(?:(?:[Tt]his|[Ll]ast|[Nn]ext)\syear|January|February|March|April|May|June|July|August"
    r"|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\."
    r"|Oct\.|Nov\.|Dec\.)"
)

_PART_QUALIFIERS = {
    "end": "end",
    "beginning": "beginning",
    "start": "beginning",
    "middle": "middle",
    "first half": "first-half",
    "second half": "second-half",
    "first quarter": "q1",
    "second quarter": "q2",
    "third quarter": "q3",
    "fourth quarter": "q4",
    "q1": "q1",
    "q2": "q2",
    "q3": "q3",
    "q4": "q4",
    "h1": "first-half",
    "h2": "second-half",
}
_ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|by|from|during|until|through|before|after|of|year|as of|end of|half of)\s*$",
    re.I,
)


# The last words of every qualifier _QUALIFIER finds, before the space it ends with ("early",
# "mid" and "late" also before a hyphen; see may_end_with).
_EARLY = ("early", "mid", "late")
_QUALIFIER_ENDS = (
    *"since from by of to until till through in during the year q1 q2 q3 q4 h1 h2".split(),
    *_EARLY,
)


# Every word _QUALIFIER is made of, lowercased: a qualifier is a run of them, each followed by
# whitespace (or, the last of all, "early", "mid" or "late" by a hyphen).
_QUALIFIER_WORDS = frozenset(
    "since starting from by as of up to until till through in during the end beginning start"
    " middle first 1st second 2nd third 3rd fourth 4th half quarter year q1 q2 q3 q4 h1 h2"
    " early mid late".split()
)


def _qualifier_before(text: str, start: int) -> re.Match[str] | None:
    """The qualifier that ends where a date starts at ``start``, if any."""
    window_start = max(0, start - _WINDOW)
    window = text[window_start:start]
    if start and text[start - 1] == "-":  # "mid-2023"
        if not (has_irregular_case(window) or window[:-1].lower().endswith(_EARLY)):
            return None
        window = window[:-1]
    elif not may_end_with(window, _QUALIFIER_ENDS):
        return None
    # A search tries the pattern at every place in the window, so it starts where the last
    # run of qualifier words can begin, at the earliest.
    before = _QUALIFIER.search(text, window_start + _words_start(window), start)
    return None if before is None or before.start() == before.end() else before


def _words_start(window: str) -> int:
    """Where, at the earliest, a run of whitespace-separated qualifier words that ends
    ``window`` can begin: in the last word of ``window`` that is not one of them (whose end a
    match may start in, as "in" in "within"), or at its start. With letters a case-insensitive
    pattern matches without lower() making them the same, at the start of ``window``."""
    if has_irregular_case(window):
        return 0
    head = window.rstrip()
    while True:
        rest = head.rsplit(None, 1)
        word = rest[-1] if rest else ""
        if len(rest) < 2 or word.lower() not in _QUALIFIER_WORDS:
            return len(head) - len(word)
        head = rest[0]


def _qualifier(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    groups = match.groupdict()
    parts = []
    if groups.get("q_since"):
        parts.append("since")
    if groups.get("q_by"):
        parts.append("as-of" if "as" in groups["q_by"].lower() else "by")
    part = groups.get("q_part") or groups.get("q_short")
    if part:
        words = (_ORDINALS.get(word, word) for word in part.lower().split())
        parts.append(_PART_QUALIFIERS[" ".join(words)])
    if groups.get("q_early"):
        parts.append(groups["q_early"].lower())
    return "+".join(parts) or None


def _value(
    rule: str,
    match: re.Match[str],
    qualifier: str | None,
    context_year: int | None,
    document_year: int | None = None,
) -> DateValue | None:
    groups = match.groupdict()
    month = MONTHS.get(groups["month"].lower().rstrip(".")) if groups.get("month") else None
    if rule == "date-iso":
        month = int(groups["month"])
    day = int(groups["day"]) if groups.get("day") else None
    if rule == "date-this-year":
        if document_year is None:
            return None  # "last year" with no year to count from: no date rather than a wrong one
        year = document_year + _YEAR_SHIFT[groups["which"].lower()]
        return DateValue(year, month, None, qualifier, True)
    if rule == "date-month-day":
        known_year = context_year or document_year
        if known_year is None or month is None or not day or day > 31:
            return None
        return DateValue(known_year, month, day, qualifier, inferred=True)
    year = int(groups["year"])
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    if rule == "date-year-range":
        year2 = int(groups["year2"])
        if year2 <= year:
            return None
        return DateValue(year, qualifier="range", end=DateValue(year2))
    return DateValue(year, month, day, qualifier)


def find_dates(
    text: str,
    offset: int = 0,
    context_year: int | None = None,
    document_year: int | None = None,
    cues: int | None = None,
    story_date: DateValue | None = None,
) -> Iterator[Mention]:
    """Yield date mentions in ``text`` (offsets shifted by ``offset``), longest forms first.

    ``context_year`` is the year a month-day date without a year is assumed to fall in;
    ``document_year``, the year the document was written, is what "this year" means and the
    year of a month-day when there is no context year. ``cues`` are the text's
    :func:`date_cues`, if already known; ``story_date``, a news story's dateline date, is
    what a weekday counts back from when the sentence has no full date before it.
    """
    if cues is None:
        cues = date_cues(text)
    # With a year there is a digit, which _HAS_DATE accepts; without, it still decides.
    if not cues or (not cues & _YEAR_CUE and not _HAS_DATE.search(text)):
        if story_date is not None:  # "on Monday" later in a story with a dateline
            yield from _weekdays(text, offset, [], story_date)
        return
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    places: dict[Callable[[str], list[int]], list[int]] = {}
    for rule, pattern, needs, where in _PATTERNS:
        if needs & cues != needs:
            continue  # it cannot match
        if where not in places:
            places[where] = where(text)
        for match in matches_at(pattern, text, places[where]):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            before = _qualifier_before(text, start)
            qualifier = _qualifier(before)
            if rule == "date-year" and not _plausible_bare_year(text, match, qualifier):
                continue
            value = _value(rule, match, qualifier, context_year, document_year)
            if value is None:
                continue
            if before is not None and qualifier:
                start = before.start()
                while text[start].isspace():
                    start += 1
            taken.append((start, end))
            found.append(
                Mention(
                    offset + start,
                    offset + end,
                    text[start:end],
                    DATE,
                    rule,
                    date=value,
                )
            )
    found.sort(key=lambda mention: mention.start)
    found.extend(_weekdays(text, offset, found, story_date))  # after the dates they count from
    found.sort(key=lambda mention: mention.start)
    yield from found


# A news dateline ("NAIROBI, July 3, 2025 (Xinhua) -- ", "Beijing, 14 March 2024 -- "): the
# agency credited is not part of what the sentence says, nor is its date of what happened. The
# place in capitals or in title case; without an agency, a date after the comma.
DATELINE = re.compile(
    r"(?:[A-Z][A-Z.' -]{2,}+|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})"
    r"(?:(?:,[^()\n]{1,40})?\s*\([A-Z][\w .]{1,30}\)|,[^()\n]{0,20}\d[^()\n]{0,20}?)"
    r"\s*(?:--|—|–)\s*"
)


def dateline_date(text: str, offset: int, dates: list[Mention]) -> DateValue | None:
    """The day a news story's dateline gives ("NAIROBI, March 5, 2025 (Xinhua) --"), which a
    weekday anywhere in the story counts back from; ``dates`` are the sentence's."""
    dateline = DATELINE.match(text)
    if dateline is None:
        return None
    for mention in dates:
        date = mention.date
        if mention.end <= offset + dateline.end() and date and date.precision == "day":
            return date if mention.rule != "date-weekday" else None
    return None


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(r"\b[Oo]n\s+(" + "|".join(_WEEKDAYS) + r")\b")


def _weekdays(
    text: str, offset: int, dates: list[Mention], story_date: DateValue | None
) -> list[Mention]:
    """ "NAIROBI, March 4, 2025 (Xinhua) -- The port was suspended on Monday": a weekday is the
    last such day on or before a full date earlier in the sentence, else the story's dateline
    date (``story_date``), marked inferred; with neither it is no date."""
    if "day" not in text:
        return []
    found: list[Mention] = []
    for match in _WEEKDAY.finditer(text):
        earlier = [
            d
            for d in dates
            if d.end <= offset + match.start() and d.date and d.date.precision == "day"
        ]
        reference = earlier[-1].date if earlier else story_date
        if reference is None or reference.end is not None:
            continue
        try:
            day = datetime.date(reference.year, reference.month or 1, reference.day or 1)
        except ValueError:
            continue
        back = (day.weekday() - _WEEKDAYS.index(match.group(1))) % 7
        day -= datetime.timedelta(days=back)
        found.append(
            Mention(
                offset + match.start(1),
                offset + match.end(1),
                match.group(1),
                DATE,
                "date-weekday",
                date=DateValue(day.year, day.month, day.day, inferred=True),
            )
        )
    return found


def _plausible_bare_year(text: str, match: re.Match[str], qualifier: str | None) -> bool:
    """A bare four-digit number is a year only after a preposition or qualifier."""
    if qualifier:
        return True
    year_start = match.start("year")
    before = text[max(0, year_start - 14) : year_start]
    return bool(_YEAR_CONTEXT.search(before)) or year_start == 0


# The dates only a document's year resolves, in two patterns that each open with a character
# (class) the regex engine skips to in C.
_THIS_YEAR = re.compile(_RELATIVE_YEAR)
_MONTH_DAY = re.compile(_MONTH + r"\s+[0-3]?\d\b")


def may_need_year(text: str, cues: int | None = None) -> bool:
    """Whether :func:`find_document_dates` may find a date in ``text`` (``cues`` as for
    :func:`find_dates`)."""
    if cues is None:
        cues = date_cues(text)
    return bool(
        (cues & _THIS_YEAR_CUE and _THIS_YEAR.search(text))
        or (cues & _MONTH_CUE and _MONTH_DAY.search(text))
    )


def find_document_dates(text: str, offset: int, year: int) -> Iterator[Mention]:
    """The dates in ``text`` that only the document's ``year`` resolves: "this year",
    "September this year", and a month-day ("From October 17 to 18") that no earlier year in
    the text dates."""
    cues = date_cues(text)
    if not may_need_year(text, cues):
        return
    for mention in find_dates(text, offset, document_year=year, cues=cues):
        if mention.rule in {"date-this-year", "date-month-day"}:
            yield mention


_ORIGINALLY = re.compile(
    r"\b(?:originally|first)\s+(?:appeared|published|printed|ran)\b[^\n]{0,160}?"
    r"\b(?P<year>(?:19|20)\d\d)\b",
    re.I,
)


def _originally(text: str) -> Iterator[re.Match[str]]:
    """``_ORIGINALLY.finditer(text)``, tried only where "originally" or "first" starts: the
    case-insensitive pattern is slow to scan a whole document with."""
    if has_irregular_case(text):
        return _ORIGINALLY.finditer(text)
    return matches_at(_ORIGINALLY, text, occurrences(text.lower(), ("originally", "first")))


def document_year(text: str, published: str | None) -> int | None:
    """The year the text was written, which "this year" in it means: the year it says it
    originally appeared ("(Originally appeared in Qiushi Journal, No. 21, 2023)"), else the
    year of its publication date (``published``, ISO 8601), since a web edition or an update
    may come a year later than the text."""
    stated = [int(match.group("year")) for match in _originally(text)]
    if stated:
        return stated[-1]
    if published and published[:4].isdigit():
        return int(published[:4])
    return None
