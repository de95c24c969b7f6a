"""Chinese dates and quantities: precision as written, years from context marked inferred,
scales (万, 亿) expanded, units the English recogniser uses."""

from __future__ import annotations

import random

import pytest

from brikg.ir import DateValue, QuantityValue
from brikg.recognize.zh_values import _DATE, _date_matches, find_dates, find_quantities


def _dates(text: str, year: int | None = 2024) -> list[tuple[str, DateValue]]:
    return [(m.text, m.date) for m in find_dates(text, year) if m.date]


@pytest.mark.parametrize(
    ("text", "surface", "date"),
    [
        ("雅万高铁于2023年10月17日正式开通运营", "2023年10月17日", DateValue(2023, 10, 17)),
        ("2023年10月，论坛举行", "2023年10月", DateValue(2023, 10)),
        ("哈萨克斯坦首家鲁班工坊2023年底投入试运行", "2023年底", DateValue(2023, qualifier="end")),
        (
            "截至2024年6月，联盟已有150家成员",
            "截至2024年6月",
            DateValue(2024, 6, qualifier="as-of"),
        ),
        ("2024年上半年，贸易额创新高", "2024年上半年", DateValue(2024, qualifier="first-half")),
        ("2024年以来，班列持续增长", "2024年以来", DateValue(2024, qualifier="since")),
        ("^①2024 年 6 月，协定签署", "2024 年 6 月", DateValue(2024, 6)),
        ("2011—2023年开行量", "2011—2023年", DateValue(2011, end=DateValue(2023))),
    ],
)
def test_stated_dates(text: str, surface: str, date: DateValue) -> None:
    assert (surface, date) in _dates(text)


def test_a_month_and_day_without_a_year_take_it_from_context_and_say_so() -> None:
    [(surface, date)] = _dates("电站于9月14日首次并网成功", 2024)
    assert surface == "9月14日"
    assert (date.year, date.month, date.day, date.inferred) == (2024, 9, 14, True)
    # A year stated earlier in the same text wins over the context.
    found = _dates("2022年3月开工，9月14日建成", 2024)
    assert found[1][1] == DateValue(2022, 9, 14, inferred=True)


def test_an_impossible_day_is_no_date() -> None:
    assert [d for _s, d in _dates("2024年2月30日和2024年2月29日")] == [DateValue(2024, 2, 29)]


def test_a_range_of_months_ends_where_the_text_says() -> None:
    [(_surface, date)] = _dates("2024年1月至8月份，班列累计开行13056列")
    assert date == DateValue(2024, 1, end=DateValue(2024, 8))


@pytest.mark.parametrize("text", ["连续6个月单月开行", "每月开行两次", "3至5年内成本降低"])
def test_durations_are_not_dates(text: str) -> None:
    assert _dates(text) == []


def _quantities(text: str) -> list[tuple[str, QuantityValue]]:
    return [(m.text, m.quantity) for m in find_quantities(text) if m.quantity]


@pytest.mark.parametrize(
    ("text", "value", "unit", "approximate"),
    [
        ("全长 1.1 万公里", 11000, "km", False),
        ("发送货物139.9万标箱", 1399000, "TEU", False),
        ("累计开行13056列", 13056, "train", False),
        ("总装机容量950兆瓦", 950, "MW", False),
        ("货值407.7亿元", 40770000000, "CNY", False),
        ("投资总额超过2000万欧元", 20000000, "EUR", True),
        ("年平均发电量约40亿千瓦时", 4000000000, "kWh/year", True),
        ("通达欧洲25个国家", 25, "country", False),
        ("连接100多个城市", 100, "city", True),
        ("创造7.4万个就业岗位", 74000, "job", False),
        ("设计最高时速350公里", 350, "km/h", False),
        ("培养2800余名高素质人才", 2800, "person", True),
        ("同比增长22.8%", 22.8, "percent", False),
        # Currencies with a word of their own.
        ("维斯托桥耗资1.2亿英镑", 120000000, "GBP", False),
        ("贷款约合20亿港元", 2000000000, "HKD", True),
        ("投资3亿新加坡元", 300000000, "SGD", False),
        ("融资850亿西非法郎", 85000000000, "XOF", False),
        ("融资120亿中非法郎", 12000000000, "XAF", False),
        ("合同金额50亿卢布", 5000000000, "RUB", False),
        ("耗资300亿日元", 30000000000, "JPY", False),
        ("投资20亿坚戈", 2000000000, "KZT", False),
    ],
)
def test_quantities(text: str, value: float, unit: str, approximate: bool) -> None:
    found = _quantities(text)
    assert found, text
    quantity = found[0][1]
    assert (quantity.value, quantity.unit, quantity.approximate) == (value, unit, approximate)


def test_a_counted_noun_must_be_whole() -> None:
    """3万名专业采购商 counts people (名), not "专业" programmes."""
    [(surface, quantity)] = _quantities("超过3万名专业采购商登记")
    assert surface == "超过3万名" and quantity.unit == "person"


@pytest.mark.parametrize("text", ["2024年中非合作论坛", "5G网络", "第三届论坛"])
def test_years_and_ordinals_are_not_quantities(text: str) -> None:
    assert _quantities(text) == []


@pytest.mark.parametrize(
    "text, surface, last",
    [
        ("2025年前5个月完成", "2025年前5个月", 5),
        ("2024年前三季度，", "2024年前三季度", 9),
        ("2024年前两个月", "2024年前两个月", 2),
    ],
)
def test_the_first_months_of_a_year_are_a_period_from_january(
    text: str, surface: str, last: int
) -> None:
    (mention,) = find_dates(text)
    assert mention.text == surface
    assert mention.date == DateValue(int(surface[:4]), 1, end=DateValue(int(surface[:4]), last))


def test_a_yearly_measure_is_a_rate() -> None:
    (mention,) = [m for m in find_quantities("蒙巴萨—坎帕拉输油管道年输油量达500万吨。")]
    assert mention.quantity is not None
    assert (mention.quantity.value, mention.quantity.unit) == (5e6, "tonne/year")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("泽凡尼水电站总投资约9.8亿美元。", 980000000),
        ("卡拉套铁路全长1.1万公里。", 11000),
        ("投资额为0.7亿元。", 70000000),
        ("累计发送2.3万标箱。", 23000),
    ],
)
def test_a_scaled_figure_is_exact(text: str, value: int) -> None:
    """9.8亿 is 980,000,000 exactly, not the 980000000.0000001 of 9.8 × 1e8 in floating point."""
    (mention,) = find_quantities(text)
    assert mention.quantity is not None
    assert mention.quantity.value == value, mention.quantity.value


def test_dates_are_tried_wherever_one_can_start() -> None:
    """The places the date pattern is tried at (two characters where one is too common to try
    alone: 中旬, 年底, 以来) give the matches a scan of every character gives."""
    pieces = [
        *"截至止到自从于在上下半年底初末中旬份以来起前之月日号—-～ 个每的",
        "2024年",
        "12月",
        "5",
    ]
    chooser = random.Random(7)
    for _ in range(20000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 12)))
        expected = [m.span() for m in _DATE.finditer(text) if m.end() > m.start()]
        assert [m.span() for m in _date_matches(text)] == expected, text
