"""Dates in every common English form, and quantities with their units."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brikg.ir import DateValue
from brikg.lexicon import load_lexicon
from brikg.rdf import sort_date as rdf_sort_date
from brikg.recognize.dates import document_year, find_dates, find_document_dates
from brikg.recognize.quantities import find_quantities, national_currency
from brikg.recognize.zh_values import find_quantities as find_zh_quantities


@pytest.mark.parametrize(
    ("text", "iso", "qualifier"),
    [
        ("The deal was signed on 14 March 2024.", "2024-03-14", None),
        ("It opened March 14, 2024 in the rain.", "2024-03-14", None),
        ("It was proposed in March 2017.", "2017-03", None),
        ("By the end of June 2023, it had 117 ports.", "2023-06", "by+end"),
        ("Output doubled in the first half of 2025.", "2025", "first-half"),
        ("Since 2013, trade has grown.", "2013", "since"),
        ("Updated: 2024-01-05", "2024-01-05", None),
        ("Work resumes in mid-2026.", "2026", "mid"),
        ("The line was cancelled in Q3 2025.", "2025", "q3"),
        ("Output doubled in H1 2024.", "2024", "first-half"),
        ("Output fell in the 2nd half of 2024.", "2024", "second-half"),
    ],
)
def test_date_forms(text: str, iso: str, qualifier: str | None) -> None:
    (mention,) = list(find_dates(text))
    assert mention.date is not None
    assert mention.date.iso() == iso
    assert mention.date.qualifier == qualifier
    assert text[mention.start : mention.end] == mention.text


def test_year_ranges() -> None:
    for text in ("From 2013 to 2022, trade grew.", "In 2013-2022, trade grew."):
        (mention,) = list(find_dates(text))
        assert mention.date is not None and mention.date.end is not None
        assert (mention.date.year, mention.date.end.year) == (2013, 2022)


def test_year_inferred_from_context_is_marked() -> None:
    (mention,) = list(find_dates("From October 17 to 18, the forum met.", context_year=2023))
    assert mention.date is not None
    assert (mention.date.iso(), mention.date.inferred) == ("2023-10-17", True)
    assert list(find_dates("From October 17 to 18, the forum met.")) == []


@pytest.mark.parametrize(
    ("text", "iso", "qualifier"),
    [
        ("This year marks a decade of the port.", "2023", None),
        ("It carried 9 million tons by the end of September this year.", "2023-09", "by+end"),
        ("From October 17 to 18, the forum met.", "2023-10-17", None),
    ],
)
def test_dates_the_document_year_resolves(text: str, iso: str, qualifier: str | None) -> None:
    (mention,) = list(find_document_dates(text, 0, 2023))
    assert mention.date is not None
    assert (mention.date.iso(), mention.date.qualifier, mention.date.inferred) == (
        iso,
        qualifier,
        True,
    )
    assert text[mention.start : mention.end] == mention.text
    # Without the document's year "this year" is no date; the recogniser's pass finds none.
    assert [m for m in find_dates(text) if "this" in m.text.lower()] == []


def test_document_year_is_the_year_the_text_first_appeared() -> None:
    text = "Body text.\n(Originally appeared in Harbour Weekly, No. 4, 2022)"
    assert document_year(text, "2023-02-01") == 2022
    assert document_year("Body text.", "2023-02-01") == 2023
    assert document_year("Body text.", None) is None


def test_a_range_of_days_is_dated_by_its_first() -> None:
    for text in ("held on 10-11 June 2025", "held on June 10-11, 2025"):
        (mention,) = list(find_dates(text))
        assert mention.date is not None and mention.date.iso() == "2025-06-10"
        assert mention.text.startswith(("10-11", "June 10-11"))


def test_a_number_word_after_a_determiner_counts_nothing_new() -> None:
    assert list(find_quantities("the railway between the two cities")) == []
    assert list(find_quantities("both three nations agreed")) == []
    (mention,) = list(find_quantities("it links two cities"))
    assert mention.quantity is not None and mention.quantity.unit == "city"


def test_a_range_needs_one_unit_on_both_ends() -> None:
    quantities = list(find_quantities("between 300 km and 400 tonnes"))
    assert [(q.quantity.value, q.quantity.approximate) for q in quantities if q.quantity] == [
        (300, False),
        (400, False),
    ]


def test_numbers_that_are_not_years() -> None:
    assert list(find_dates("about 2,000 launches and 2030 Agenda goals")) == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "approximate"),
    [
        ("trade of nearly US$2.9 trillion", 2.9e12, "USD", True),
        ("a speed of 350 km per hour", 350, "km/h", False),
        ("cargo rose to 1.21 million tonnes", 1.21e6, "tonne", False),
        ("it has 110 members", 110, "member", False),
        ("it reached more than 200 cities", 200, "city", True),
        ("a 50 MW plant", 50, "MW", False),
        ("1,035 kilometers of track", 1035, "km", False),
        ("300-plus ports", 300, "port", True),
        ("a 300-megawatt solar project", 300, "MW", False),
        ("the 1,150-km railway", 1150, "km", False),
        # a range is its lower end, approximate, with the scale after it ("US$3-4 billion")
        ("is expected to cost US$3-4 billion", 3e9, "USD", True),
        ("a cost of US$3 to 4 billion", 3e9, "USD", True),
        ("the 300-400 km line", 300, "km", True),
        # and so is "between A and B", the scale and unit of B applying to A
        ("will cost between $2 billion and $3 billion", 2e9, "USD", True),
        ("a line between 300 and 400 km long", 300, "km", True),
        ("between 2 and 3 billion dollars", 2e9, "USD", True),
        # a lower end that is a complete figure keeps its own value: no scale is borrowed
        ("will cost between $500,000 and $2 million per kilometre", 5e5, "USD/km", True),
        ("it will handle between 800,000 and 1.2 million tonnes", 8e5, "tonne", True),
        ("between 1500 and 2 million tonnes", 1500, "tonne", True),
        ("between $2 and $3 billion", 2e9, "USD", True),
        # the lower end may carry the upper end's unit
        ("the Zorvath Line will be between 300 km and 400 km long", 300, "km", True),
        ("it cut the time by between 5% and 10%", 5, "percent", True),
        ("between 40 percent and 60 percent of the power", 40, "percent", True),
        # a modal verb or a forecast hedges a figure as "about" does
        ("the port could cost $4 billion", 4e9, "USD", True),
        ("it is expected to create 3,000 jobs", 3000, "job", True),
        ("it cost an estimated $700 million", 7e8, "USD", True),
        # "than expected" and "as expected" compare; they do not hedge
        ("the Zorvath Line cost less than expected at $4 billion", 4e9, "USD", False),
        ("traffic rose as expected to 5 million passengers", 5e6, "passenger", False),
        # a hedge does not reach across "but", "and" and a verb, or a new clause
        ("the Zorvath Line may close but carried 5 million passengers", 5e6, "passenger", False),
        ("it could close and carried 5 million passengers", 5e6, "passenger", False),
        ("it is expected to carry 5 million passengers", 5e6, "passenger", True),
        # a cost per length is no cost of the whole
        ("or roughly USD 9.4 million per kilometre", 9.4e6, "USD/km", True),
        ("EUR 10.3 million per km", 10.3e6, "EUR/km", False),
        # Xinhua's hyphenated amounts
        ("financed by a 1.8-billion-U.S.-dollar loan", 1.8e9, "USD", False),
        ("a 320-million-dollar syndicated loan", 3.2e8, "USD", False),
        ("a 75-million-US-dollar grant", 7.5e7, "USD", False),
    ],
)
def test_quantities(text: str, value: float, unit: str, approximate: bool) -> None:
    (mention,) = list(find_quantities(text))
    assert mention.quantity is not None
    assert mention.quantity.value == pytest.approx(value)
    assert (mention.quantity.unit, mention.quantity.approximate) == (unit, approximate)


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("a loan of US$2.9 billion for the port", "US$2.9 billion", "USD"),
        ("a loan of USD 40 million for the port", "USD 40 million", "USD"),
        ("a loan of $7 billion for the port", "$7 billion", "USD"),
        ("grants of RMB 3 billion", "RMB 3 billion", "CNY"),
        ("grants of ¥300 million", "¥300 million", "CNY"),
        ("grants of €12 million", "€12 million", "EUR"),
        ("grants of eur 12 million", "eur 12 million", "EUR"),
        ("a bridge costing £1.2 billion", "£1.2 billion", "GBP"),
        ("a grant of 300 million pounds sterling", "300 million pounds sterling", "GBP"),
        ("bonds of HK$3 billion", "HK$3 billion", "HKD"),
        ("bonds of S$2.5 billion", "S$2.5 billion", "SGD"),
        # A sign may stand apart from its number.
        ("a bridge costing £ 40 million", "£ 40 million", "GBP"),
        ("a loan of $ 7 billion", "$ 7 billion", "USD"),
        ("€ 12 million in grants", "€ 12 million", "EUR"),
        ("a loan of $ 7,500 in cash", "$ 7,500", "USD"),
        # A sign a space apart is loose: its number's own figure wins, and a year is no sum.
        ("the top $ 10 donors", "10 donors", "donor"),
        ("Currencies: €, £, $ 12 percent", "12 percent", "percent"),
        # Any ISO 4217 code before a sum.
        ("approved KES 18 billion for the Lenai Expressway", "KES 18 billion", "KES"),
        ("a PKR 500 million grant", "PKR 500 million", "PKR"),
        ("a fund of XOF 85 billion", "XOF 85 billion", "XOF"),
        ("a fee of TRY 12,500 was paid", "TRY 12,500", "TRY"),
        ("Lima set aside PEN 4.5 billion", "PEN 4.5 billion", "PEN"),
        ("A$5 billion in bonds", "A$5 billion", "AUD"),
        (
            "between KES 2 billion and KES 3 billion",
            "between KES 2 billion and KES 3 billion",
            "KES",
        ),
        ("it has twelve ports and 2,400 km", "twelve ports", "port"),
    ],
)
def test_a_quantity_starts_at_its_currency_or_number_word(text: str, quote: str, unit: str) -> None:
    first = next(iter(find_quantities(text)))
    assert first.quantity is not None
    assert (first.text, first.quantity.unit) == (quote, unit)


@pytest.mark.parametrize(
    "text",
    [
        "leaders met at COP 28 in Dubai",  # the Colombian peso's code, but no sum
        "ALL 27 MEMBERS SIGNED",  # the Albanian lek's code spells a word
        "the BRI 10 anniversary",  # no currency's code
        "TOP 10 PROJECTS OF 2024",
        "the Harlow depot stores 5 million pounds of rice",  # a weight
        "the Macao SAR 2025 budget",  # a year after a code
        "THE SDG 2030 AGENDA",
        "ALL 2 MILLION PEOPLE",  # a code that spells a word
        "the XXX 1,000 placeholder",  # ISO's code for no currency
        "bonds of CA$500 million",  # other dollars are not the US dollar
        "bonds of NZ$5 billion",
        "prices in $ 2020 terms",
        "Amount in US$\n2019 was a record year",
        "a £ 40 subscription",
    ],
)
def test_capitals_before_a_small_number_are_no_currency(text: str) -> None:
    assert not [m for m in find_quantities(text) if m.rule == "quantity-currency"]


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("the COP 28 delegates", "28 delegates", "delegate"),
        ("Indonesia's PLN 35,000 MW programme", "35,000 MW", "MW"),  # PLN, a company
        ("Hong Kong SAR 1,106 square kilometres", "1,106 square kilometres", "km2"),
        ("the AMD 5,000 servers", "5,000 servers", "server"),
    ],
)
def test_a_number_after_a_code_keeps_its_own_unit(text: str, quote: str, unit: str) -> None:
    """Without a scale word, a figure the number makes alone wins over the code's sum."""
    (mention,) = find_quantities(text)
    assert mention.quantity is not None
    assert (mention.text, mention.quantity.unit) == (quote, unit)


def test_capitals_ending_a_figure_do_not_swallow_the_next() -> None:
    found = [m.text for m in find_quantities("Throughput reached 2.1 million TEU 2 new berths")]
    assert found == ["2.1 million TEU", "2 new berths"]


@pytest.mark.parametrize(
    ("text", "countries", "unit"),
    [
        ("Senegal will borrow 85 billion CFA francs", {"SN"}, "XOF"),
        ("Gabon and Cameroon pledged 120 billion CFA francs", {"GA", "CM"}, "XAF"),
        ("a loan of 85 billion CFA francs", set(), "franc"),  # which franc: no country says
        ("Senegal and Gabon raised 9 billion CFA francs", {"SN", "GA"}, "franc"),  # two zones
        ("Kenya lent 2 billion CFA francs", {"KE"}, "franc"),
    ],
)
def test_cfa_francs_are_the_zone_of_the_countries_named(
    text: str, countries: set[str], unit: str
) -> None:
    nationality = load_lexicon().nationality
    (mention,) = [national_currency(m, nationality, countries) for m in find_quantities(text)]
    assert mention.quantity is not None
    assert mention.quantity.unit == unit
    assert mention.quantity.text_unit == "CFA francs"


@pytest.mark.parametrize(
    ("text", "countries", "unit", "text_unit"),
    [
        ("Senegal will borrow FCFA 850 billion", {"SN"}, "XOF", "FCFA"),
        ("Gabon raised FCFA 120 billion", {"GA"}, "XAF", "FCFA"),
        ("Senegal will borrow between FCFA 2 billion and FCFA 3 billion", {"SN"}, "XOF", "FCFA"),
        ("between FCFA 2 billion and 3 billion CFA francs", {"SN"}, "XOF", "CFA francs"),
        ("a loan of FCFA 85 billion", set(), "franc", "FCFA"),  # which franc: no country says
        ("a loan of 85 billion West African CFA francs", set(), "XOF", "West African CFA francs"),
        ("120 billion Central African CFA francs", {"SN"}, "XAF", "Central African CFA francs"),
        ("Senegal will pay 85 billion CFA francs a year", {"SN"}, "XOF/year", "CFA francs"),
        ("Senegal will pay FCFA 8 billion a year", {"SN"}, "XOF/year", "FCFA"),
        ("the CFA 20 summit", {"SN"}, None, None),  # no sum: no scale, a small number
        ("The CFA 1.2 million charterholders", {"SN"}, None, None),  # "CFA" alone: no sign
    ],
)
def test_cfa_francs_written_otherwise(
    text: str, countries: set[str], unit: str | None, text_unit: str | None
) -> None:
    """FCFA and CFA before a sum, the zone's own name, and a sum a year are CFA francs too."""
    nationality = load_lexicon().nationality
    found = [national_currency(m, nationality, countries) for m in find_quantities(text)]
    sums = [m for m in found if m.quantity and m.quantity.unit[:3] in {"fra", "XOF", "XAF"}]
    if unit is None:
        assert not sums
        return
    (mention,) = sums
    assert mention.quantity is not None
    assert (mention.quantity.unit, mention.quantity.text_unit) == (unit, text_unit)


@pytest.mark.parametrize(
    ("text", "unit", "text_unit"),
    [
        ("contribute 1.1 trillion Ugandan shillings", "UGX", "Ugandan shillings"),
        ("pays 2 billion Kenyan shillings a year for the line", "KES/year", "Kenyan shillings"),
        ("pledged 18 billion Kenyan shillings for land", "KES", "Kenyan shillings"),
        ("a budget of 40 billion Pakistani rupees", "PKR", "Pakistani rupees"),
        ("raised 12 billion Nigerian naira", "NGN", "Nigerian naira"),
        ("borrowed 300 million Singapore dollars", "SGD", "Singapore dollars"),
        ("spent 90 billion Kazakh tenge", "KZT", "Kazakh tenge"),
        ("hired 300 Kenyan engineers", "engineer", "Kenyan engineers"),  # no currency noun
        ("raised 5 billion Kenyan rupees", "rupee", "Kenyan rupees"),  # not Kenya's currency
        ("owed 10.5 trillion shillings", "shilling", "shillings"),  # no nation named
        ("a 300 million baht grant", "THB", "baht"),  # the one currency so named
        ("owed 2 billion dinars", "dinar", "dinars"),  # Iraq's, Jordan's, Serbia's, ...
        ("spent 40 billion Sri Lankan rupees", "LKR", "Sri Lankan rupees"),
        ("borrowed 8 billion Hong Kong dollars", "HKD", "Hong Kong dollars"),
        ("opened 5 million accounts", "account", "accounts"),  # not the ADB unit of account
        ("it cost 2 billion Chinese yuan", "CNY", "Chinese yuan"),  # ISO: "Yuan Renminbi"
        ("spent 9 billion Russian roubles", "RUB", "Russian roubles"),  # ISO: "Russian Ruble"
    ],
)
def test_a_count_of_a_nations_currency_is_a_sum_in_it(text: str, unit: str, text_unit: str) -> None:
    """ISO 4217 says which: the currency with the country's numeric code and the noun."""
    nationality = load_lexicon().nationality
    (mention,) = [national_currency(m, nationality) for m in find_quantities(text)]
    assert mention.quantity is not None
    assert (mention.quantity.unit, mention.quantity.text_unit) == (unit, text_unit)
    assert (mention.rule == "quantity-currency") == unit.partition("/")[0].isupper()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["from", "between", "From ", "2019", "2020-2023", " ", " " * 70, "x", "\n"]
        ),
        max_size=40,
    )
)
def test_range_starts_look_back_only_as_far_as_needed(parts: list[str]) -> None:
    """A year range may start at "from" or "between" before the year, past any spaces;
    ``_ranges`` reads a window before each year, and must find what the whole text shows."""
    from brikg.recognize.dates import _ranges, _years

    text = "".join(parts)
    expected = []
    for year in _years(text):
        head = text[:year].rstrip()
        if len(head) < year:
            expected += [len(head) - len(w) for w in ("from", "between") if head.endswith(w)]
        expected.append(year)
    assert _ranges(text) == expected


@pytest.mark.parametrize(
    ("qualifier", "sort_date"),
    [
        (None, "2024-01-01"),
        ("q3", "2024-07-01"),
        ("second-half", "2024-07-01"),
        ("mid", "2024-07-01"),
        ("by+end", "2024-12-01"),
        ("first-half", "2024-01-01"),
    ],
)
def test_a_part_of_a_year_sorts_where_it_starts(qualifier: str | None, sort_date: str) -> None:
    """ "resumed in Q2 2024" comes after "halted on 2 February 2024" in a timeline."""
    assert rdf_sort_date(DateValue(2024, qualifier=qualifier)).value == sort_date


def test_a_weekday_counts_back_from_the_date_of_the_story() -> None:
    text = "NAIROBI, March 4, 2025 (Xinhua) -- The Kisumu Port was suspended on Monday."
    weekday = [m for m in find_dates(text) if m.rule == "date-weekday"]
    assert [(m.text, m.date.iso(), m.date.inferred) for m in weekday if m.date] == [
        ("Monday", "2025-03-03", True)
    ]
    assert not [m for m in find_dates("The port was suspended on Monday.")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a loan of US$2.07 billion", 2_070_000_000),
        ("a loan of US$0.27 trillion", 270_000_000_000),
        ("1.07 billion tonnes", 1_070_000_000),
        ("2.03 million TEUs", 2_030_000),
    ],
)
def test_a_scaled_value_is_exact(text: str, value: int) -> None:
    (mention,) = list(find_quantities(text))
    assert mention.quantity is not None
    assert mention.quantity.value == value  # not 2070000000.0000002


@pytest.mark.parametrize(
    ("text", "value"),
    [("总投资约9.8亿美元。", 980_000_000), ("贷款0.29亿美元。", 29_000_000), ("2.03万吨", 20_300)],
)
def test_a_chinese_scaled_value_is_exact(text: str, value: int) -> None:
    (mention,) = list(find_zh_quantities(text))
    assert mention.quantity is not None
    assert mention.quantity.value == value
