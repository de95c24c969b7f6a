"""Sentence segmentation: abbreviations and numbers never split a sentence."""

from __future__ import annotations

from brikg.ir import Document, DocumentMeta
from brikg.normalize import fill_document
from brikg.segment import Tables, segment


def _segmented(text: str) -> Document:
    """An English plain-text document of ``text``, segmented."""
    return segment(fill_document(Document(DocumentMeta("t", "t", "en", "t.txt"), raw=text)))


def _sentences(text: str) -> list[str]:
    doc = _segmented(text)
    return [doc.sentence_text(s) for s in doc.sentences if not s.is_heading]


def test_numbers_and_abbreviations_do_not_split() -> None:
    text = (
        "Trade reached US$2.9 trillion in 2022, up 6.4 percent. The No. 1 line opened. "
        "Dr. Smith and Mr. J. Lee met in the U.S. capital on Monday. It rained."
    )
    assert _sentences(text) == [
        "Trade reached US$2.9 trillion in 2022, up 6.4 percent.",
        "The No. 1 line opened.",
        "Dr. Smith and Mr. J. Lee met in the U.S. capital on Monday.",
        "It rained.",
    ]


def test_quotes_close_sentences() -> None:
    assert _sentences('He said "it works." Then he left.') == [
        'He said "it works."',
        "Then he left.",
    ]


def test_headings_set_sections() -> None:
    doc = fill_document(
        Document(
            DocumentMeta("t", "t", "en", "t.txt"),
            raw="III. Promoting Connectivity\nThe Zorvath Bridge opened. It is long.\n",
        )
    )
    segment(doc)
    heading, first, second = doc.sentences
    assert heading.is_heading and heading.section == "III. Promoting Connectivity"
    assert first.section == second.section == "III. Promoting Connectivity"
    assert doc.sentence_text(second) == "It is long."


def test_chinese_sentences() -> None:
    sentences = _sentences("中老铁路开通运营。雅万高铁正式开通！这是第一句话吗？")
    assert sentences == ["中老铁路开通运营。", "雅万高铁正式开通！", "这是第一句话吗？"]


def test_table_rows_are_sentences_and_the_rule_is_nothing() -> None:
    """Each Markdown table row is one sentence (long or short, no heading, no new section);
    the rule under the header row makes none."""
    text = (
        "Project Table\n\n| Project | Country | Status |\n|:---|---|---:|\n"
        "| Velmor Port | Kenya | opened in 2020. Expanded in 2023. |\n"
        "| Tarvik Railway | Kazakhstan | opened in 2021 |\n"
    )
    doc = _segmented(text)
    rows = [s for s in doc.sentences if not s.is_heading]
    assert [doc.sentence_text(s) for s in rows] == [
        "| Project | Country | Status |",
        "| Velmor Port | Kenya | opened in 2020. Expanded in 2023. |",
        "| Tarvik Railway | Kazakhstan | opened in 2021 |",
    ]
    assert {s.section for s in doc.sentences} == {"Project Table"}


def test_each_table_row_is_read_by_its_own_tables_header() -> None:
    """A row's cells take the names of the header above its table's rule; the header itself,
    and the rows of a table with no rule, have no named cells."""
    text = (
        "| Project | Country |\n|---|---|\n| Velmor Port | Kenya |\n| Tarvik Line | Laos |\n"
        "\nSome prose.\n\n| Partner | Year | Note |\n| :-- | --: | --- |\n| Dranor | 2021 | new |\n"
        "\n| no | rule |\n| under | it |\n"
    )
    tables = Tables(text)

    def named(row: str) -> list[tuple[str, str]]:
        start = text.index(row)
        cells = tables.cells(start, start + len(row))
        return [(name, text[left:right].strip()) for name, (left, right) in cells]

    assert named("| Tarvik Line | Laos |") == [("project", "Tarvik Line"), ("country", "Laos")]
    assert named("| Dranor | 2021 | new |") == [
        ("partner", "Dranor"),
        ("year", "2021"),
        ("note", "new"),
    ]
    assert named("| Project | Country |") == []
    assert named("| under | it |") == []
    assert Tables("no tables here").cells(0, 5) == []


def test_a_hard_wrapped_english_paragraph_is_one_paragraph() -> None:
    """A text dump of a PDF or a Markdown source wraps its lines: a line that breaks a word,
    ends with a comma or a word like "the", or runs on in lowercase goes on with the next;
    headings, list items, table rows and lines that close a sentence do not."""
    text = (
        "# Velmar Port Review\n"
        "The Velmar Port, built by the Korvex Group with\n"
        "financing from the Dorvan Bank, opened in 2021. It handles 2 million TEUs a\n"
        "year after the construc-\n"
        "tion of a second berth.\n"
        "Next steps\n"
        "- A rail link to the\n"
        "- Tarvos Dry Port\n"
        "| Project | Country |\n"
    )
    doc = _segmented(text)
    body = [s for s in doc.sentences if not s.is_heading]
    assert [doc.sentence_text(s) for s in body][:2] == [
        "The Velmar Port, built by the Korvex Group with\nfinancing from the Dorvan Bank, "
        "opened in 2021.",
        "It handles 2 million TEUs a\nyear after the construc-\ntion of a second berth.",
    ]
    assert len({s.paragraph for s in body[:2]}) == 1
    headings = [doc.sentence_text(s) for s in doc.sentences if s.is_heading]
    assert "Next steps" in headings
    assert "- Tarvos Dry Port" in [doc.sentence_text(s) for s in doc.sentences]


def test_lines_that_all_run_on_make_paragraphs_of_bounded_length() -> None:
    """A thousand lines that each end with a comma do not become one sentence: a wrapped
    paragraph stops at a few thousand characters."""
    text = (
        "the Tarsa Railway in Kenya opened in June 2019 with funding from the Velmar Bank,\n" * 1000
    )
    doc = _segmented(text)
    assert max(s.end - s.start for s in doc.sentences) <= 5000
    assert sum(s.end - s.start for s in doc.sentences) >= len(text) - 2000
