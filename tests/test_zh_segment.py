"""Chinese text from PDF: paragraphs broken at page ends are joined again, around footnotes
and running page headers, and every passage gets the language of its own script."""

from __future__ import annotations

from brikg.ir import Document, DocumentMeta
from brikg.normalize import fill_document
from brikg.recognize.zh import sentence_text
from brikg.segment import segment

HEADER = "丝路星河合作进展报告"
BROKEN = f"""\
{HEADER}

第一章

1.1 互联互通

在塔吉克斯坦，中塔卡尔巴克铁路于2023年10月17日正式开通运营。此次是中方车辆首次

^①<http://www.example.cn/20240703/a.html>

以公路直达的运输方式抵达杜尚别。蒙内铁

{HEADER}

路是中肯共建项目。

The English version follows. It is a separate passage.

【知识卡片】中塔卡尔巴克铁路

中塔卡尔巴克铁路全长386公里。
"""


def _segment(text: str) -> Document:
    return segment(fill_document(Document(DocumentMeta("t", "t", "zh en", "t.txt"), raw=text)))


def _texts(doc: Document) -> list[str]:
    return [sentence_text(doc, s)[0] for s in doc.sentences if not s.is_heading]


def test_broken_paragraph_is_joined_across_footnote_and_page_header() -> None:
    doc = _segment(BROKEN)
    texts = _texts(doc)
    assert "此次是中方车辆首次以公路直达的运输方式抵达杜尚别。" in texts
    assert "蒙内铁路是中肯共建项目。" in texts  # broken inside a word, header between


def test_a_joined_sentence_keeps_its_span_and_records_its_gaps() -> None:
    doc = _segment(BROKEN)
    sentence = next(s for s in doc.sentences if sentence_text(doc, s)[0].startswith("蒙内铁路"))
    assert sentence.gaps, "the header and line breaks between 蒙内铁 and 路 are gaps"
    start, end = doc.raw_span(sentence.start, sentence.end)
    quote = doc.raw[start:end]
    assert quote.startswith("蒙内铁") and quote.endswith("路是中肯共建项目。")
    assert HEADER in quote  # the span covers the furniture; its text leaves it out
    text, positions = sentence_text(doc, sentence)
    assert [doc.text[p] for p in positions] == list(text)


def test_headings_boxes_and_footnotes_stay_apart() -> None:
    doc = _segment(BROKEN)
    headings = [sentence_text(doc, s)[0] for s in doc.sentences if s.is_heading]
    assert "第一章" in headings and "1.1 互联互通" in headings
    assert "【知识卡片】中塔卡尔巴克铁路" in headings
    texts = _texts(doc)
    assert "中塔卡尔巴克铁路全长386公里。" in texts  # a box heading never joins its body
    # A footnote is its own paragraph, and does not become the section of what follows.
    footnote = next(s for s in doc.sentences if sentence_text(doc, s)[0].startswith("^①"))
    assert not footnote.gaps and footnote.start > doc.text.index("首次")
    assert all(not (s.section or "").startswith("^") for s in doc.sentences)


def test_language_per_passage() -> None:
    doc = _segment(BROKEN)
    by_text = {sentence_text(doc, s)[0]: s.language for s in doc.sentences}
    assert by_text["The English version follows."] == "en"
    assert by_text["蒙内铁路是中肯共建项目。"] == "zh"
    assert by_text["1.1 互联互通"] == "zh"
    mixed = _segment(
        "可持续投资能力建设联盟（The Capacity-building Alliance，简称 CASI）于2023年底启动。\n"
    )
    assert mixed.sentences[0].language == "zh"


def test_language_per_sentence() -> None:
    doc = _segment(
        "蒙内铁路全长480公里。\n\nThe Mombasa-Nairobi line opened in 2017. 蒙内铁路。 2017.\n"
    )
    assert [(sentence_text(doc, s)[0], s.language) for s in doc.sentences] == [
        ("蒙内铁路全长480公里。", "zh"),
        ("The Mombasa-Nairobi line opened in 2017.", "en"),
        ("蒙内铁路。", "zh"),
        ("2017.", "en"),  # no letters: the language of its (English) paragraph
    ]
    doc = _segment("蒙内铁路全长480公里。\n\n2017. 2018.\n")
    assert [s.language for s in doc.sentences] == ["zh", "zh", "zh"]


def test_a_line_without_letters_takes_the_language_before_it() -> None:
    doc = _segment("中塔卡尔巴克铁路全长386公里。\n\n--------- ----\n")
    assert [s.language for s in doc.sentences] == ["zh", "zh"]


def test_english_lines_are_not_joined() -> None:
    doc = _segment("The railway opened in\n\n2023 to traffic.\n")
    assert [sentence_text(doc, s)[0] for s in doc.sentences] == [
        "The railway opened in",
        "2023 to traffic.",
    ]


def test_a_dated_or_numbered_heading_is_not_joined_to_its_body() -> None:
    doc = _segment(
        "2023年卡隆经济走廊建设进展\n卡隆经济走廊于2020年启动。\n"
        "二、互联互通取得新进展\n塔鲁港全长3公里。\n"
        "在9月下旬于塔鲁举行的第三届丝路星河\n论坛上，双方签署协议。\n"
    )
    headings = [sentence_text(doc, s)[0] for s in doc.sentences if s.is_heading]
    assert headings == ["2023年卡隆经济走廊建设进展", "二、互联互通取得新进展"]
    texts = _texts(doc)
    assert "卡隆经济走廊于2020年启动。" in texts
    assert "塔鲁港全长3公里。" in texts
    # a line that starts with a preposition is prose broken at a page end, not a heading
    assert "在9月下旬于塔鲁举行的第三届丝路星河论坛上，双方签署协议。" in texts
