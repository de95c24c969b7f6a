"""Stage 3 for Chinese sentences: entities, dates and quantities.

The same stages and ontology as English, with recognisers for Chinese: the lexicon's Chinese
names (the gazetteer), countries by their full and short names (老挝, 印尼, 巴新, 阿联酋) and by
the one-character prefixes of compound names (中老铁路 = China and Laos), unseen names by their
head word (:mod:`zh_names`), and dates and quantities (:mod:`zh_values`).

A sentence is read without its ``gaps`` (the line breaks, footnotes and page headers between
the halves of a paragraph that a PDF page broke), so "蒙内铁\\n\\n路" reads as 蒙内铁路; every
offset is then mapped back to the document, so a mention's span still quotes the original.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from brikg.ir import (
    COUNTRY,
    DATE,
    ENTITY,
    DateValue,
    Document,
    Mention,
    Sentence,
)
from brikg.lexicon import Lexicon
from brikg.recognize.gazetteer import Gazetteer
from brikg.recognize.zh_names import HEADS, find_names
from brikg.recognize.zh_values import find_dates, find_quantities, national_sums
from brikg.recognize.zh_words import WORD_START, Cut, Word, Words
from brikg.scan import longest_first

HAN = re.compile(r"[\u4e00-\u9fff]")
"""One CJK unified ideograph (the basic block): Chinese that word segmentation can read."""
_RELATIVE_DATE = re.compile(r"同月|当月|同年|当年|同期")
# A day without its month (于8日签署), not a count of days (30日内) nor part of a date.
_DAY_ONLY = re.compile(r"(?<![\d月第])(?P<day>3[01]|[12]\d|0?[1-9])\s?日(?!内|以内|之内|电|讯)")
# A news dateline: 新华社河内2024年9月5日电（记者…）.
DATELINE = re.compile(
    r"(?:新华社|中新社|人民日报|中国日报|央视新闻)[^\s，。；]{0,12}?\d{1,2}月\d{1,2}日(?:电|讯)"
    r"(?:（记者[^）]*）)?\s*"
)
_PUBLISHED = re.compile(r"(\d{4})-(\d{2})")


def _day_dates(text: str, found: list[Mention], month: DateValue | None) -> list[Mention]:
    """A day alone (于8日签署, the news style): of the ``month`` of the dateline (3月8日电),
    else of the document's date, marked inferred; without either, no date."""
    if month is None or month.month is None or "日" not in text:
        return []
    dates = []
    for match in _DAY_ONLY.finditer(text):
        if any(m.start < match.end() and match.start() < m.end for m in found):
            continue
        start = match.start("day")
        date = DateValue(month.year, month.month, int(match.group("day")), inferred=True)
        dates.append(
            Mention(start, match.end(), text[start : match.end()], DATE,
                    "zh-date-day", date=date, language="zh")
        )  # fmt: skip
    return dates


def _published_month(published: str | None) -> DateValue | None:
    """The year and month of a document's date ("2024-03-10"), if it gives a month."""
    match = _PUBLISHED.match(published or "")
    return DateValue(int(match.group(1)), int(match.group(2))) if match else None


# Places whose names contain a country name but are not that country.
_NOT_COUNTRY_AFTER = re.compile(r"洋|湾|半岛|海峡|海|河|湖|族|语|裔|籍")
# Compounds of 中 with a region are not country compounds: 中亚, 中东, 中欧, 中非, 中南半岛.
_REGION_AFTER_CHINA = frozenset("亚东欧非南西部外美拉")


def prefix_country(
    lexicon: Lexicon, prefixes: dict[str, str], char: str, context: tuple[str, ...]
) -> str | None:
    """The country a one-character prefix stands for: the one country of ``context`` (the
    paragraph's) whose name starts with it (乌 = Uganda in a paragraph about Uganda), else
    the lexicon's reading in ``prefixes`` (老 → LA)."""
    named = {code for code in context if lexicon.country_name(code, "zh")[:1] == char}
    if len(named) == 1:
        return named.pop()
    return prefixes.get(char)


# China and one or two partners by their prefixes, then "the two (three) countries/sides".
_PAIR = re.compile(r"中([\u4e00-\u9fff]{1,2}?)(?:两国|双方|三国|三方)")


class ChineseRecognizer:
    """Finds mentions in Chinese sentences; build once per lexicon, reuse for all documents."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer) -> None:
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.prefixes = lexicon.compound_prefixes()
        self.country_names: dict[str, str] = {}
        for code, info in lexicon.countries.items():
            names = [text for lang, text in info.labels.items() if lang == "zh"]
            names += [text for text, lang in info.aliases if lang == "zh"]
            for name in names:
                known = lexicon.lookup(name)
                if len(name) >= 2 and (known is None or known.startswith("country/")):
                    self.country_names.setdefault(name, code)  # not 香港, 澳门: places of CN
        self._country_re = re.compile(longest_first(self.country_names))
        extra = [text for text, language, _id in lexicon.surface_forms() if language == "zh"]
        # "共建国家" (BRI partner countries) is one term, not the verb 共建 and a noun.
        self.words = Words([*extra, *HEADS, *self.country_names, "共建国家"])
        self._context: tuple[str, ...] = ()
        # Per compound name, where its words of two or more characters start (_word_starts).
        self._compound_words: dict[str, list[int]] = {}
        self._paragraph_key: tuple[str, int] | None = None
        self._year_key: tuple[str, int] | None = None
        self._last_date: tuple[str, DateValue] | None = None
        # The date of the last news dateline (新华社北京3月8日电), with its document's id.
        self._dateline: tuple[str, DateValue] | None = None
        self._year: int | None = None
        self._paragraph_codes: tuple[str, ...] = ()
        self._paragraph_doc: Document | None = None
        self._document_codes: tuple[Document | None, tuple[str, ...]] = (None, ())
        # Prefix characters the lexicon gives no country for, though countries start with them.
        self._open_prefixes = frozenset(
            name[0] for name in self.country_names if name[0] not in self.prefixes
        )
        self._paragraph_sentences: dict[int, list[Sentence]] = {}
        # Each sentence of the paragraph: its text and the country names in it, found once for
        # the paragraph's countries and used again for the sentence's own.
        self._sentence_countries: dict[int, tuple[str, list[re.Match[str]]]] = {}

    def __call__(
        self, doc: Document, sentence: Sentence, context_year: int | None = None
    ) -> list[Mention]:
        """Mentions of one Chinese sentence of ``doc``, with offsets into ``doc.text``.

        A month or day without a year (9月14日) takes the year stated last in the same
        paragraph, else the document's year of publication: a report's "6月" is June of the
        year it reports on, not of whatever a box of background two paragraphs up said.
        """
        context = self._paragraph_countries(doc, sentence)
        text, country_matches = self._sentence_countries[sentence.index]
        key = (doc.id, sentence.paragraph)
        if self._year_key != key:
            published = (doc.meta.date or "")[:4]
            self._year_key = key
            self._year = int(published) if published.isdigit() else context_year
        if self._last_date is not None and self._last_date[0] != doc.id:
            self._last_date = None
        mentions = self.mentions(text, self._year, context, country_matches)
        mentions += self._relative_dates(text, mentions)
        dateline = DATELINE.match(text)
        if dateline is not None:
            self._dateline = next(
                (
                    (doc.id, m.date)
                    for m in mentions
                    if m.kind is DATE and m.date and m.end <= dateline.end()
                ),
                self._dateline,
            )
        month = self._dateline[1] if self._dateline and self._dateline[0] == doc.id else None
        mentions += _day_dates(text, mentions, month or _published_month(doc.meta.date))
        for mention in mentions:
            if mention.kind is DATE and mention.date and not mention.date.inferred:
                self._year = (mention.date.end or mention.date).year
            if mention.kind is DATE and mention.date and mention.rule == "zh-date":
                self._last_date = (doc.id, mention.date.end or mention.date)
        if sentence.gaps:
            positions = sentence_text(doc, sentence)[1]
            for mention in mentions:
                start, end = positions[mention.start], positions[mention.end - 1] + 1
                mention.start, mention.end = start, end
        else:  # the offsets are the sentence's start plus the offsets into its text
            for mention in mentions:
                mention.start += sentence.start
                mention.end += sentence.start
        for mention in mentions:
            mention.language = "zh"
        return mentions

    def mentions(
        self,
        text: str,
        context_year: int | None = None,
        context: tuple[str, ...] = (),
        country_matches: list[re.Match[str]] | None = None,
    ) -> list[Mention]:
        """Mentions in ``text`` (offsets into it); ``context`` lists countries of the
        paragraph, which decide what a one-character prefix stands for (中乌 = Uganda there);
        ``country_matches``, the country names in ``text`` if already found."""
        self._context = context
        cut = self.words.cut_spans(text) if _needs_words(text) else Cut([], [], [])
        words = cut.words
        countries = self.countries(text, words, country_matches, cut.starts)
        known = list(self.gazetteer.match_chinese(text, 0, countries=False))
        if words and any(len(m.text) <= 3 for m in known):
            # A short known name must not start or end inside a word: 亚行 is not in 东南亚行动.
            starts, ends = set(cut.starts), set(cut.ends)
            known = [m for m in known if len(m.text) > 3 or (m.start in starts and m.end in ends)]
        for mention in known:
            if mention.label is not COUNTRY and not mention.countries:
                mention.countries = self.compound(mention.text)
        names = find_names(text, cut, known + countries, self.compound)
        entities = _settle(known + names) + countries + self._prefix_countries(known + names)
        entities += self._pair_countries(text, cut.starts, entities)
        dates = list(find_dates(text, context_year))
        quantities = [q for q in find_quantities(text) if not any(_overlap(q, d) for d in dates)]
        quantities += national_sums(text, countries)
        return entities + dates + quantities

    def _relative_dates(self, text: str, found: list[Mention]) -> list[Mention]:
        """同月, 同年, 同期: the month, year or date of the last date before, marked inferred."""
        if self._last_date is None:
            return []
        last = self._last_date[1]
        dates = []
        for match in _RELATIVE_DATE.finditer(text):
            if any(m.start < match.end() and match.start() < m.end for m in found):
                continue
            word = match.group()
            if word in {"同月", "当月"} and last.month is not None:
                date = DateValue(last.year, last.month, inferred=True)
            elif word in {"同年", "当年"}:
                date = DateValue(last.year, inferred=True)
            elif word == "同期":
                date = DateValue(last.year, last.month, last.day, inferred=True)
            else:
                continue
            dates.append(
                Mention(match.start(), match.end(), word, DATE, "zh-date-relative",
                        date=date, language="zh")
            )  # fmt: skip
        return dates

    # -- countries -----------------------------------------------------------------------------
    def countries(
        self,
        text: str,
        words: list[Word],
        matches: list[re.Match[str]] | None = None,
        starts: list[int] | None = None,
    ) -> list[Mention]:
        """Country names, also inside other names (中国—东盟博览会), but not inside a place
        name (印度洋, 几内亚湾, 内蒙古) or a longer country (巴布亚新几内亚); ``matches``, the
        names in ``text``, and ``starts``, where the words start, if already found."""
        found: list[Mention] = []
        if matches is None:
            matches = list(self._country_re.finditer(text))
        if not matches:
            return found
        if starts is None:
            starts = list(map(WORD_START, words))
        for match in matches:
            start, end = match.span()
            if _NOT_COUNTRY_AFTER.match(text, end) or text[max(0, start - 1) : start] == "内":
                continue
            # The word holding the name: the last to start at or before it (words do not
            # overlap), if it reaches the name's end.
            index = bisect_right(starts, start) - 1
            word = words[index] if index >= 0 and end <= words[index].end else None
            inside = word is not None and (word.start, word.end) != (start, end)
            if inside and word is not None and word.tag in {"ns", "nz", "nr", "nrt"}:
                continue
            code = self.country_names[match.group()]
            found.append(_country(start, end, match.group(), code, "zh-country"))
        return found

    def compound(self, name: str) -> tuple[str, ...]:
        """Countries named by the one-character prefixes a name starts with: 中老铁路 → CN,
        LA; 中吉乌铁路 → CN, KG, UZ; 中欧班列 → CN; 中非合作论坛 → CN.

        A prefix character that begins a longer word is read as that word, not as a country
        (see :meth:`_word_starts`): 中泰智慧产业园 is CN, TH, for 智 is in 智慧 there, not Chile.
        """
        if not name.startswith("中") or name.startswith("中国") or len(name) < 3:
            return ()
        codes = self._prefix_codes(name[1:])
        if len(codes) > 1:
            words = self._word_starts(name)
            codes = codes[: next((at for at in range(1, len(codes)) if at in words), len(codes))]
        if len(codes) == 1 and name[1] in _REGION_AFTER_CHINA:
            return ("CN",)
        return tuple(codes)

    def _prefix(self, char: str, document: bool = False) -> str | None:
        """The country a prefix character stands for: a country of the paragraph whose name
        starts with it, else the lexicon's reading (老 → LA); with ``document``, a prefix the
        lexicon leaves open may be read from the document's countries."""
        known = prefix_country(self.lexicon, self.prefixes, char, self._context)
        if known is None and document and char in self._open_prefixes:
            # A prefix the lexicon leaves open (尼: Nepal, Niger, Nigeria …): the one country
            # of the document's that it could stand for.
            in_document = [code for code in self._document_countries() if self._starts(code, char)]
            return in_document[0] if len(in_document) == 1 else None
        return known

    def _starts(self, code: str, char: str) -> bool:
        return self.lexicon.country_name(code, "zh")[:1] == char

    def _document_countries(self) -> tuple[str, ...]:
        """Countries other than China the document being read names, in order; found once per
        document, and only when a prefix is open."""
        doc = self._paragraph_doc
        if doc is None:
            return ()
        if self._document_codes[0] is not doc:
            codes: dict[str, None] = {}
            for match in self._country_re.finditer(doc.text):
                if not _NOT_COUNTRY_AFTER.match(doc.text, match.end()):
                    codes[self.country_names[match.group()]] = None
            self._document_codes = (doc, tuple(code for code in codes if code != "CN"))
        return self._document_codes[1]

    def _prefix_codes(self, chars: str, pair: bool = False) -> list[str]:
        """China, then the countries the characters after its 中 stand for, up to the first
        that stands for none or for one already read.

        An open prefix (尼) is read from the document's countries only before 两国/双方
        (``pair``) or among prefixes that are countries (中尼孟): never a region's character
        (中亚, 中南, 中东), nor one alone before a noun."""
        codes = ["CN"]
        for index, char in enumerate(chars):
            code = self._prefix(char)
            if code is None and char not in _REGION_AFTER_CHINA:
                following = chars[index + 1 : index + 2]
                among = len(codes) > 1 or (following != "" and self._prefix(following) is not None)
                if pair or among:
                    code = self._prefix(char, document=True)
            if code is None or code in codes:
                break
            codes.append(code)
        return codes

    def _word_starts(self, name: str) -> set[int]:
        """Where in ``name`` a word of two or more characters starts whose second character is
        no country prefix: a prefix there is the first character of a word (智慧, 美丽, 日用品,
        印尼), not an abbreviation. A word that goes on with another prefix is itself a
        compound (匈塞铁路 in 中匈塞铁路) and does not count."""
        words = self._compound_words.get(name)
        if words is None:  # the cut is the name's own; what a prefix reads as, the paragraph's
            words = [word.start for word in self.words.cut(name) if word.end - word.start > 1]
            self._compound_words[name] = words
        return {start for start in words if self._prefix(name[start + 1]) is None}

    def _prefix_countries(self, names: list[Mention]) -> list[Mention]:
        """Country mentions for the prefix characters of compound names (老 in 中老铁路)."""
        found: list[Mention] = []
        for name in names:
            codes = name.countries
            if name.label is COUNTRY or not codes or not name.text.startswith("中"):
                continue
            if name.text.startswith("中国"):
                continue
            for offset, code in enumerate(codes):
                position = name.start + offset
                found.append(
                    _country(position, position + 1, name.text[offset], code, "zh-country-prefix")
                )
        return found

    def _pair_countries(self, text: str, starts: list[int], found: list[Mention]) -> list[Mention]:
        """The prefixes before 两国, 双方 (中哈两国, 中塔双方) are the countries themselves:
        China and its partners, read as in a compound name; 中 must start a word (not 其中):
        one of ``starts``, where the words start."""
        pairs: list[Mention] = []
        for match in _PAIR.finditer(text):
            if match.start() not in starts:
                continue
            if match.group(1)[0] in _REGION_AFTER_CHINA:
                continue  # 中亚两国, 中东三国: "two Central Asian countries", not China and one
            codes = self._prefix_codes(match.group(1), pair=True)
            if len(codes) != len(match.group(1)) + 1:
                continue  # no country prefix
            if any(m.start < match.end(1) and match.start() < m.end for m in found):
                continue
            for offset, code in enumerate(codes):
                position = match.start() + offset
                pairs.append(_country(position, position + 1, text[position], code,
                                      "zh-country-prefix"))  # fmt: skip
        return pairs

    def _paragraph_countries(self, doc: Document, sentence: Sentence) -> tuple[str, ...]:
        """Countries other than China named in the sentence's paragraph, in order."""
        if self._paragraph_doc is not doc:
            # Read the document's sentences once, by paragraph: not all of them per paragraph.
            self._paragraph_doc, self._paragraph_sentences = doc, {}
            self._paragraph_key = None
            for other in doc.sentences:
                self._paragraph_sentences.setdefault(other.paragraph, []).append(other)
        key = (doc.id, sentence.paragraph)
        if self._paragraph_key != key:
            codes: list[str] = []
            self._sentence_countries = {}
            for other in self._paragraph_sentences.get(sentence.paragraph, ()):
                text = sentence_text(doc, other)[0] if other.gaps else doc.sentence_text(other)
                matches = list(self._country_re.finditer(text))
                self._sentence_countries[other.index] = text, matches
                for match in matches:
                    code = self.country_names[match.group()]
                    if code not in codes and code != "CN":
                        codes.append(code)
            self._paragraph_key, self._paragraph_codes = key, tuple(codes)
        return self._paragraph_codes


def sentence_text(doc: Document, sentence: Sentence) -> tuple[str, list[int]]:
    """The sentence without its gaps, and for each of its characters the offset in the text."""
    if not sentence.gaps:
        return doc.text[sentence.start : sentence.end], list(range(sentence.start, sentence.end))
    pieces: list[str] = []
    positions: list[int] = []
    cursor = sentence.start
    for gap_start, gap_end in [*sentence.gaps, (sentence.end, sentence.end)]:
        pieces.append(doc.text[cursor:gap_start])
        positions.extend(range(cursor, gap_start))
        cursor = gap_end
    return "".join(pieces), positions


def _needs_words(text: str) -> bool:
    """jieba is loaded only for sentences where a name pattern or a country check needs it."""
    return HAN.search(text) is not None


def _country(start: int, end: int, text: str, code: str, rule: str) -> Mention:
    return Mention(
        start,
        end,
        text,
        ENTITY,
        rule,
        label=COUNTRY,
        key=f"country/{code.lower()}",
        countries=(code,),
        language="zh",
    )


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _settle(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping names; a known name nested in a longer one is kept too
    (the “一带一路” in “一带一路”能源合作伙伴关系 is a mention of the initiative)."""
    ordered = sorted(
        mentions, key=lambda m: (-(m.end - m.start), m.rule != "lexicon", m.start, m.rule)
    )
    kept: list[Mention] = []
    for mention in ordered:
        clash = False
        for other in kept:
            if not _overlap(mention, other):
                continue
            nested = other.start <= mention.start and mention.end <= other.end
            if nested and (mention.rule == "lexicon" or mention.end < other.end):
                continue  # 清华大学 in 清华大学纪检监察研究院, a park in the project of its phase
            clash = True
            break
        if not clash:
            kept.append(mention)
    kept.sort(key=lambda m: m.start)
    return kept
