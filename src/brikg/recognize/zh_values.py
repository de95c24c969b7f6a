"""Dates and quantities in Chinese text.

Dates: 2023年10月17日, 2023年10月, 2023年底, 2024年上半年, 2024年1月至8月, 2011—2023年,
截至2024年6月(底), 2024年以来, and month or day without a year (9月14日, 5月, 8月中旬), whose
year comes from context and is marked ``inferred``. Quantities: a number, an optional scale
(万, 亿, 万亿), an optional "more than" (余, 多) and a unit: 公里, 万吨, 标箱, 兆瓦, 列, 亿元,
%, or a measure word with its counted noun (25个国家, 7.4万个就业岗位). Units are the canonical
ones of the English recogniser (km, tonne, TEU, MW, CNY, percent, country …), so that a Chinese
figure and its English translation compare equal.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from brikg.ir import DATE, QUANTITY, DateValue, Mention, QuantityValue
from brikg.recognize.quantities import currency_of, scaled
from brikg.scan import match_starts, matches_at

_S = r"\s?"  # PDF text puts stray spaces between digits and characters: "2024 年 6 月"
_YEAR = r"(?P<year>(?:19|20)\d\d)" + _S + "年"
_MONTH = r"(?P<month>1[0-2]|0?[1-9])" + _S + "月"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])" + _S + "[日号]"
_PART = r"(?P<part>上半年|下半年|年底|年初|年中|年末|底|初|末|中旬|上旬|下旬|份)?"
_BEFORE = r"(?P<before>截至|截止到|截止|截到|到|至|自|从|于|在)?"
_AFTER = r"(?P<after>以来|起|前|以前|之前)?"

# Every part of a date is optional, so the pattern matches (mostly nothing) at every
# character; a match that is not empty starts with one of these, and only there is it tried.
# Common characters count only with what must follow them (中旬, 上半年, 年底, 以来, 之前):
# 中, 年, 以 and 之 start nothing else, and are most of the places a date cannot start.
_DATE_START = re.compile(
    r"[截到至自从于在0-9底初末份起前\s—–\-~～]|中旬|[上下](?:半年|旬)|年[底初中末]|以[来前]|之前"
)
_DATE = re.compile(
    _BEFORE
    + r"(?:"
    + r"(?P<range_from>(?:19|20)\d\d)\s?[—–\-~～至到]\s?(?P<range_to>(?:19|20)\d\d)\s?年"
    + r"|"
    + r"(?:" + _YEAR + _S + r")?"
    + r"(?:" + _MONTH + _S + r"(?:" + _DAY + r")?)?"
    + r")"
    + _PART
    + r"(?:" + r"\s?[至到—–\-~～]\s?(?P<to_month>1[0-2]|0?[1-9])\s?月(?P<to_part>份|底)?" + r")?"
    + _AFTER
)  # fmt: skip
_DIGIT = re.compile(r"\d")
_PARTS = {
    "上半年": "first-half",
    "下半年": "second-half",
    "年底": "end",
    "年末": "end",
    "底": "end",
    "末": "end",
    "年初": "beginning",
    "初": "beginning",
    "年中": "middle",
    "中旬": "middle",
    "上旬": "beginning",
    "下旬": "end",
}
_BEFORE_QUALIFIER = {
    "截至": "as-of",
    "截止到": "as-of",
    "截止": "as-of",
    "截到": "as-of",
    "到": "by",
    "至": "by",
    "自": "since",
    "从": "since",
}


def find_dates(text: str, context_year: int | None = None) -> Iterator[Mention]:
    """Date mentions of ``text`` (offsets into it); a month or day without a year takes the
    year stated earlier in the text, else ``context_year``, and is marked inferred."""
    if _DIGIT.search(text) is None:
        return  # no year, month or day without a digit
    year = context_year
    periods = [
        Mention(m.start(), m.end(), m.group(), DATE, "zh-date", date=date)
        for m in _FIRST_MONTHS.finditer(text)
        if (date := _first_months(m)) is not None
    ]
    pending = list(periods)
    for match in _date_matches(text):
        while pending and pending[0].start < match.start():
            period = pending.pop(0)
            year = period.date.year if period.date else year
            yield period
        if not any(match.group("year", "month", "range_from")):
            continue
        if any(p.start <= match.start() < p.end for p in periods):
            continue  # the year of 2025年前5个月, read as a period
        groups = match.groupdict()
        if groups["month"] and not groups["year"] and not _standalone_month(text, match):
            continue
        date = _date(groups, year)
        if date is None:
            continue
        if not date.inferred:
            year = (date.end or date).year
        start, end = match.start(), match.start() + len(match.group().rstrip())
        if groups["before"] in {"于", "在"}:  # "于2023年…" is a preposition, not part of the date
            start += len(groups["before"])
        yield Mention(start, end, text[start:end], DATE, "zh-date", date=date)
    yield from pending


# The first months or quarters of a year: 2025年前5个月, 2024年前三季度. A period from
# January, as 2024年1月至8月 is: what was counted in it holds at its last month.
_FIRST_MONTHS = re.compile(
    _YEAR + _S + r"前" + _S + r"(?P<count>1[0-2]|[1-9]|十[一二]?|[一二两三四五六七八九])" + _S
    + r"(?P<unit>个" + _S + r"月|个?季度)"
)  # fmt: skip
_CHINESE_NUMBERS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}


def _first_months(match: re.Match[str]) -> DateValue | None:
    """January to the last month of "the first N months (quarters)" of the match's year."""
    count = match.group("count")
    # 十二 = 10 + 2: up to twelve, the characters add up
    number = int(count) if count.isdigit() else sum(_CHINESE_NUMBERS[c] for c in count)
    months = number * 3 if "季度" in match.group("unit") else number
    if not 1 <= months <= 12:
        return None
    year = int(match.group("year"))
    end = DateValue(year, months) if months > 1 else None
    return DateValue(year, 1, end=end)


def _date_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of the date pattern that are not empty, as ``finditer`` finds them, but
    tried only where one can start (see :func:`brikg.scan.matches_at`): the regular
    expression engine scans for a set of first characters fast."""
    places = match_starts(_DATE_START, text)
    return (match for match in matches_at(_DATE, text, places) if match.end() > match.start())


def _standalone_month(text: str, match: re.Match[str]) -> bool:
    """A bare "5月" is a date; "每月" or "6个月" (a duration) is not."""
    before = text[max(0, match.start() - 1) : match.start()]
    return before not in {"个", "每", "几", "数"} and not before.isdigit()


def _date(groups: dict[str, str | None], context_year: int | None) -> DateValue | None:
    qualifier = _BEFORE_QUALIFIER.get(groups["before"] or "")
    if groups["after"] == "以来" or groups["after"] == "起":
        qualifier = "since"
    elif groups["after"] in {"前", "以前", "之前"}:
        qualifier = "by"
    part = _PARTS.get(groups["part"] or "")
    if groups["range_from"]:
        first, last = int(groups["range_from"]), int(groups["range_to"] or 0)
        if last < first:
            return None
        return DateValue(first, qualifier=qualifier, end=DateValue(last))
    inferred = groups["year"] is None
    year = int(groups["year"]) if groups["year"] else context_year
    if year is None:
        return None
    month = int(groups["month"]) if groups["month"] else None
    day = int(groups["day"]) if groups["day"] else None
    if day is not None and month is not None and day > calendar.monthrange(year, month)[1]:
        return None  # 2月30日 is no date
    if part in {"first-half", "second-half"} or (month is None and part):
        qualifier = qualifier or part
    elif part and month is not None and qualifier is None:
        qualifier = part
    elif part == "end" and qualifier == "as-of":
        qualifier = "as-of"
    end = None
    if groups["to_month"] and month is not None:
        to_month = int(groups["to_month"])
        if to_month > month:
            end = DateValue(year, to_month, inferred=inferred)
    return DateValue(year, month, day, qualifier=qualifier, inferred=inferred, end=end)


# -- quantities -------------------------------------------------------------------------------

# Powers of ten, applied to the number as written (decimal, not binary): 9.8亿 is 980,000,000
# exactly, where 9.8 * 1e8 in floating point is 980000000.0000001.
_SCALES = {"万亿": 12, "亿": 8, "万": 4, "千": 3}
# Currencies named by a word of their own after the number (1.2亿英镑, 50亿卢布, 850亿西非法郎);
# a nation's shilling or rupee is named with its country's name (national_sums).
_CURRENCIES = {
    "人民币": "CNY", "元": "CNY", "美元": "USD", "欧元": "EUR", "英镑": "GBP", "日元": "JPY",
    "港元": "HKD", "港币": "HKD", "澳元": "AUD", "新加坡元": "SGD", "韩元": "KRW",
    "瑞士法郎": "CHF", "西非法郎": "XOF", "中非法郎": "XAF", "卢布": "RUB", "泰铢": "THB",
    "印尼盾": "IDR", "越南盾": "VND", "林吉特": "MYR", "坚戈": "KZT", "兰特": "ZAR",
}  # fmt: skip
_CURRENCY_CODES = frozenset(_CURRENCIES.values())
# Unit words after the number, longest first: canonical unit for each.
UNITS: dict[str, str] = {
    "平方公里": "km2", "公里/小时": "km/h", "公里": "km", "千米": "km", "公顷": "hectare",
    "万千瓦时": "kWh", "千瓦时": "kWh", "度": "kWh", "兆瓦": "MW", "千瓦": "kW", "吉瓦": "GW",
    "公吨": "tonne", "吨": "tonne", "标箱": "TEU", "列次": "train", "列": "train",
    "%": "percent", "个百分点": "percentage point", "米": "m", "立方米": "m3", **_CURRENCIES,
}  # fmt: skip
# Counted nouns after a measure word (个, 家, 名 …): canonical singular as in English.
NOUNS: dict[str, str] = {
    "国家和地区": "country", "国家": "country", "城市": "city", "港口": "port", "航线": "route",
    "就业岗位": "job", "岗位": "job", "成员国": "member", "伙伴国": "country",
    "合作伙伴": "partner", "会员": "member", "医院": "hospital", "项目": "project",
    "学员": "participant", "学生": "student", "专业": "program", "游客": "tourist",
    "旅客": "passenger", "乘客": "passenger", "代表": "representative", "嘉宾": "guest",
    "患者": "patient", "企业": "company", "机构": "institution", "实验室": "laboratory",
    "水井": "well", "城市群": "city", "班次": "train", "车次": "train", "航班": "flight",
    "大类": "category", "种": "kind", "户": "household", "人次": "person-time", "人": "person",
}  # fmt: skip
_MEASURE_WORDS = "个家名条所座口项位架艘台套批期场次户"
_NUMBER = r"(?P<number>\d+(?:,\d{3})*(?:\.\d+)?)"
_SCALE = r"\s?(?P<scale>万亿|亿|万|千)?"
_APPROX_WORDS = "约为 约合 约 大约 超过 超 逾 近 将近 接近 达到 达 多达 最高达 最高可达".split()
_APPROX_BEFORE = "(?P<approx>" + "|".join(_APPROX_WORDS) + ")?"
_APPROX_AFTER = r"(?P<plus>余|多)?"
_HEDGES = frozenset({"约", "约为", "约合", "大约", "超过", "超", "逾", "近", "将近", "接近"})
_UNIT_WORDS = sorted(UNITS, key=len, reverse=True)
_NOUN_WORDS = sorted(NOUNS, key=len, reverse=True)
_QUANTITY = re.compile(
    # Tried only where a match can start; the number is atomic: nothing after it matches the
    # digit, "," or "." that giving back part of it would leave, so backtracking only costs.
    "(?=[" + "".join(sorted({word[0] for word in _APPROX_WORDS})) + r"时\d])"
    + _APPROX_BEFORE
    + r"(?P<speed>时速\s?)?"
    + r"(?>" + _NUMBER + ")"
    + _SCALE
    + _APPROX_AFTER
    + r"\s?(?:"
    + r"(?P<unit>" + "|".join(re.escape(u) for u in _UNIT_WORDS) + r")"
    + r"|(?P<measure>[" + _MEASURE_WORDS + r"])?(?P<plus2>余|多)?"
    + r"(?P<mods>[\u4e00-\u9fff]{0,4}?)"
    + r"(?P<noun>" + "|".join(re.escape(n) for n in _NOUN_WORDS) + r")"
    + r"|(?P<people>[名位])(?P<plus3>余|多)?"
    + r")"
    + r"(?P<tail>左右|以上)?"
)  # fmt: skip


_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d")
_NOUN_END = frozenset("的和与及等在为均已将于是占、，。；：）)”")


def _continues(text: str, position: int) -> bool:
    """True when a Chinese word goes on after ``position`` (专业|采购商)."""
    following = text[position : position + 1]
    return bool(following) and "\u4e00" <= following <= "\u9fff" and following not in _NOUN_END


# A yearly measure just before the figure: 年输油量达, 年吞吐能力为, 年发电量约, 每年.
_ANNUAL = re.compile(r"(?:年[\u4e00-\u9fff]{1,4}(?:量|能力)|每年)(?:达到?|为|约为?|超过|逾|近)?\Z")


# A nation's currency after its country's name (1.1万亿乌干达先令, 400亿巴基斯坦卢比): the noun as
# ISO 4217's English names end, and the number and scale right before the country.
_CURRENCY_NOUNS = {
    "先令": "shilling", "卢比": "rupee", "卢布": "ruble", "坚戈": "tenge", "奈拉": "naira",
    "第纳尔": "dinar", "比索": "peso", "兰特": "rand", "比尔": "birr", "塔卡": "taka",
    "索姆": "som", "里亚尔": "rial", "迪拉姆": "dirham", "镑": "pound", "林吉特": "ringgit",
    "基普": "kip", "瑞尔": "riel", "图格里克": "tugrik", "马纳特": "manat",
}  # fmt: skip
_CURRENCY_NOUN = re.compile("|".join(sorted(_CURRENCY_NOUNS, key=len, reverse=True)))
_SUM_BEFORE = re.compile(_APPROX_BEFORE + _NUMBER + _SCALE + r"\Z")


def national_sums(text: str, countries: list[Mention]) -> Iterator[Mention]:
    """Sums in a nation's currency, named by its country (1.1万亿乌干达先令 is UGX 1.1 trillion):
    ``countries`` are the country mentions of ``text``."""
    if _CURRENCY_NOUN.search(text) is None:
        return
    for country in countries:
        noun = _CURRENCY_NOUN.match(text, country.end)
        if noun is None or not country.countries:
            continue
        code = currency_of(f"country/{country.countries[0]}", _CURRENCY_NOUNS[noun.group()])
        number = _SUM_BEFORE.search(text, max(0, country.start - 24), country.start)
        if code is None or number is None:
            continue
        value = _value(number.group("number"), number.group("scale"))
        approximate = number.group("approx") in _HEDGES
        start = number.start("approx") if approximate else number.start("number")
        yield Mention(
            start,
            noun.end(),
            text[start : noun.end()],
            QUANTITY,
            "zh-quantity",
            quantity=QuantityValue(value, code, country.text + noun.group(), approximate),
        )


def _value(number: str, scale: str | None) -> float:
    """The value of a number as written (1,200; 1.1) times its scale word (万亿, 亿, 万, 千)."""
    value = float(number.replace(",", ""))
    return scaled(value, 10 ** _SCALES[scale]) if scale else value


def find_quantities(text: str) -> Iterator[Mention]:
    """Quantity mentions of ``text`` (offsets into it)."""
    if _DIGIT.search(text) is None:
        return  # every quantity has a number
    for match in _QUANTITY.finditer(text):
        groups = match.groupdict()
        if groups["unit"] is None and groups["noun"] is None and groups["people"] is None:
            continue
        following = text[match.end() : match.end() + 1]
        if groups["unit"] == "度" and following.isdigit():
            continue
        if groups["noun"] is not None and not groups["measure"] and groups["noun"] not in {
            "人次", "人", "种", "户", "大类", "名", "国家", "城市",
        }:  # fmt: skip
            # "2024中国…" or "5G" is no count: a counted noun needs its measure word.
            continue
        if groups["noun"] is not None and groups["mods"] and not groups["measure"]:
            continue
        if groups["noun"] is not None and _continues(text, match.end("noun")):
            # 3万名专业采购商: the counted noun is longer than the one matched
            if groups["measure"] not in {"名", "位"}:
                continue
            groups = {**groups, "noun": None, "mods": "", "people": groups["measure"]}
            end = max(match.end("measure"), match.end("plus2"))
        else:
            end = match.end()
        if _YEAR_NUMBER.fullmatch(groups["number"]) and groups["unit"] is None:
            continue
        value = _value(groups["number"], groups["scale"])
        if groups["unit"]:
            surface = groups["unit"]
            unit = UNITS[surface]
            if groups["speed"] and unit == "km":
                unit = "km/h"
            if unit in _CURRENCY_CODES and groups["scale"] is None and value < 100:
                continue
            text_unit = (groups["scale"] or "") + surface
        elif groups["noun"]:
            unit = NOUNS[groups["noun"]]
            text_unit = (groups["measure"] or "") + groups["mods"] + groups["noun"]
        else:
            unit, text_unit = "person", groups["people"]
        approximate = bool(
            groups["approx"] in _HEDGES
            or groups["plus"]
            or groups["plus2"]
            or groups["plus3"]
            or groups["tail"]
        )
        start = match.start("speed") if groups["speed"] else match.start("number")
        if groups["approx"] and approximate:
            start = match.start("approx")
        if unit != "percent" and _ANNUAL.search(text, max(0, start - 12), start):
            unit += "/year"  # 年输油量达500万吨: a yearly rate, as "annually" in English
        yield Mention(
            start,
            end,
            text[start:end],
            QUANTITY,
            "zh-quantity",
            quantity=QuantityValue(value, unit, text_unit, approximate),
        )
