"""Stage 1 normalisation: the text is clean, and every character still points at its original."""

from __future__ import annotations

import re
import time
import unicodedata
from array import array
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brikg import normalize as normalize_module
from brikg.ir import Document, DocumentMeta
from brikg.normalize import fill_document, normalize, normalize_markdown

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

# Characters that whitespace rules treat specially or that are removed outright.
SPACES = (
    " \t\x0b\x0c\r\n\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u200a\u2028\u2029\u202f\u205f\u3000"
)
ZERO_WIDTH = "\u200b\u2060\ufeff"
DROPPED = re.compile(f"[\\s{ZERO_WIDTH}]")


def stretches(raw: str, text: str, starts: list[int], ends: list[int]) -> list[str]:
    return [raw[start:end] for start, end in zip(starts, ends, strict=True)]


def content(text: str) -> str:
    """What must survive normalisation: everything but whitespace, compared under NFC."""
    return unicodedata.normalize("NFC", DROPPED.sub("", text))


# --- examples --------------------------------------------------------------------------------


def test_crlf_and_cr_become_newlines() -> None:
    raw = "one\r\ntwo\rthree\nfour"
    text, starts, ends = normalize(raw)
    assert text == "one\ntwo\nthree\nfour"
    assert raw[starts[3] : ends[3]] == "\r\n"
    assert raw[starts[7] : ends[7]] == "\r"


def test_nbsp_tabs_and_ideographic_space_collapse_to_one_space() -> None:
    raw = "Belt\u00a0and\t\tRoad \u3000 Initiative"
    text, starts, ends = normalize(raw)
    assert text == "Belt and Road Initiative"
    assert stretches(raw, text, starts, ends)[4] == "\u00a0"
    assert stretches(raw, text, starts, ends)[8] == "\t\t"
    assert stretches(raw, text, starts, ends)[13] == " \u3000 "


def test_zero_width_characters_are_dropped() -> None:
    raw = "\ufeffChina\u200b-Laos\u2060 Railway"
    text, starts, ends = normalize(raw)
    assert text == "China-Laos Railway"
    assert raw[starts[0] : ends[4]] == "China"
    assert raw[starts[5] : ends[9]] == "-Laos"


def test_lines_are_stripped_and_blank_lines_collapse() -> None:
    raw = "  Title  \n\n\n\n\t Para one. \n  Para two.\n \n \n \nEnd  "
    text, starts, ends = normalize(raw)
    assert text == "Title\n\nPara one.\nPara two.\n\nEnd"
    for char, stretch in zip(text, stretches(raw, text, starts, ends), strict=True):
        if char == "\n":
            assert "\n" in stretch and not stretch.strip(" \t\n")


def test_single_newlines_are_kept() -> None:
    assert normalize("a\nb\nc")[0] == "a\nb\nc"


def test_three_line_breaks_make_one_blank_line() -> None:
    """Breaks and blank lines are left as they are (not looked at), three or more are not."""
    raw = "One.\n\n\nTwo.\n\nThree.\nFour.\n\n\n\n\nFive."
    text, starts, ends = normalize(raw)
    assert text == "One.\n\nTwo.\n\nThree.\nFour.\n\nFive."
    assert raw[starts[4] : ends[5]] == "\n\n\n"
    # "Two.\n\nThree.\nFour." is copied: each character from its own place in the raw text.
    two, raw_two = text.index("Two"), raw.index("Two")
    assert list(starts[two : two + 18]) == list(range(raw_two, raw_two + 18))
    assert list(ends[two : two + 18]) == list(range(raw_two + 1, raw_two + 19))


def test_nfc_composes_and_maps_to_the_whole_stretch() -> None:
    raw = "Cafe\u0301 Ba\u0300 U+212B:\u212b"
    text, starts, ends = normalize(raw)
    assert text == "Café Bà U+212B:Å"
    e_acute = text.index("é")
    assert raw[starts[e_acute] : ends[e_acute]] == "e\u0301"
    assert raw[starts[0] : ends[e_acute]] == "Cafe\u0301"
    a_grave = text.index("à")
    assert raw[starts[a_grave] : ends[a_grave]] == "a\u0300"
    assert raw[starts[-1] : ends[-1]] == "\u212b"


def test_nfc_across_a_dropped_zero_width_character() -> None:
    raw = "Cafe\u200b\u0301"
    text, starts, ends = normalize(raw)
    assert text == "Café"
    assert raw[starts[3] : ends[3]] == "e\u200b\u0301"


def test_hangul_jamo_compose() -> None:
    raw = "x \u1100\u1161\u11a8 y"
    text, starts, ends = normalize(raw)
    assert text == "x \uac01 y"
    assert raw[starts[2] : ends[2]] == "\u1100\u1161\u11a8"


def test_already_normal_text_is_unchanged_with_identity_offsets() -> None:
    raw = "共建“一带一路”倡议。\nThe Belt and Road Initiative."
    text, starts, ends = normalize(raw)
    assert text == raw
    assert list(starts) == list(range(len(raw)))
    assert list(ends) == list(range(1, len(raw) + 1))


def test_offset_lists_are_the_callers_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """Maps are built from shared offsets (see ``_positions``): changing one changes no other,
    and a text longer than the shared offsets gets its own."""
    raw = "The Belt\tand Road\r\nInitiative"
    text, starts, ends = normalize(raw)
    starts[0] = ends[0] = -1
    expected = (text, array("i", [0, *starts[1:]]), array("i", [1, *ends[1:]]))
    assert normalize(raw) == expected
    monkeypatch.setattr(normalize_module, "_SHARED_MAX", 4)
    monkeypatch.setattr(normalize_module, "_shared", array("i"))
    assert normalize(raw) == expected
    assert normalize_module._shared == array("i")


@pytest.mark.parametrize("n", [0, 1, 255, 256, 257, 65535, 65536, 65537, 300_001, 1 << 21])
def test_shared_offsets_count_up(n: int) -> None:
    """The shared offsets are laid out a byte column at a time: they are 0, 1, ..., n - 1."""
    assert normalize_module._count_up(n) == array("i", range(n))


def test_empty_and_blank_text() -> None:
    assert normalize("") == ("", array("i"), array("i"))
    assert normalize(" \n\t\u3000\u200b\r\n") == ("", array("i"), array("i"))


def test_markdown_markup_is_removed() -> None:
    raw = (
        "# The Belt and Road ##\n"
        "\n"
        "- **China-Laos Railway** opened in [December 2021](https://example.org/a).\n"
        "* A __second__ item with *emphasis* and `code`.\n"
        "> Quoted ![map](map.png) text.\n"
        "---\n"
        "1. Numbered items keep their number.\n"
        "snake_case and 2*3*4 stay."
    )
    text, starts, ends = normalize_markdown(raw)
    assert text == (
        "The Belt and Road\n"
        "\n"
        "China-Laos Railway opened in December 2021.\n"
        "A second item with emphasis and code.\n"
        "Quoted map text.\n"
        "\n"
        "1. Numbered items keep their number.\n"
        "snake_case and 2*3*4 stay."
    )
    for char, stretch in zip(text, stretches(raw, text, starts, ends), strict=True):
        if not char.isspace():
            assert stretch == char
    link = text.index("December 2021")
    assert raw[starts[link] : ends[link + len("December 2021") - 1]] == "December 2021"


def test_markdown_without_markup_equals_plain() -> None:
    raw = "Plain text,\r\n  with\tspaces.\n\n\n\nAnd paragraphs."
    assert normalize_markdown(raw) == normalize(raw)


def test_fill_document() -> None:
    doc = Document(DocumentMeta("d", "T", "en", "d.txt"), raw="A\r\nB  C")
    assert fill_document(doc) is doc
    assert doc.text == "A\nB C"
    assert doc.raw_span(2, 5) == (3, 7)


def test_corpus_offsets_quote_the_original() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        text, starts, ends = normalize(raw)
        assert content(text) == content(raw)
        for char, start, end in zip(text, starts, ends, strict=True):
            if not char.isspace():
                assert raw[start:end] == char


def test_speed_on_a_megabyte() -> None:
    """The budget is < 0.2 s per MB of mostly-ASCII text; the assertion leaves room for CI."""
    sample = (CORPUS / "scio-2023-white-paper-jointly-building-the-belt-and-road.txt").read_text()
    big = (sample * (1_000_000 // len(sample) + 1))[:1_000_000]
    best = min(_timed(normalize, big) for _ in range(3))
    assert best < 1.0


def _timed(func, text: str) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    func(text)
    return time.perf_counter() - start


# --- properties ------------------------------------------------------------------------------

INTERESTING = (
    SPACES
    + ZERO_WIDTH
    + "ae\u0301\u0300\u0328\u0344\u0f73\u0f71\u0f72\u212b\u2126\u00e9\u1e0b\u0323\u0307"  # NFC
    + "\u1100\u1161\u11a8\uac00\u0bc6\u0bbe\u0b47\u0b3e"  # Hangul, Tamil, Oriya compositions
    + "中国铁路。，“”"
    + "#*_-+>[]()`!<:/x"  # Markdown
    + "\x00\x07\x7f\u0085\u200c\u200d"
)
unicode_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=80)
tricky_text = st.text(st.sampled_from(INTERESTING), max_size=80)
any_text = st.one_of(
    unicode_text, tricky_text, st.lists(st.one_of(unicode_text, tricky_text)).map("".join)
)


def check_mapping(raw: str, text: str, starts: list[int], ends: list[int]) -> None:
    """The structural invariants every loader's output must satisfy."""
    assert len(starts) == len(ends) == len(text)
    previous_start, previous_end = 0, 0
    for start, end in zip(starts, ends, strict=True):
        assert 0 <= start < end <= len(raw)
        # Stretches follow the text's order; neighbours either share one stretch or are disjoint.
        assert (start, end) == (previous_start, previous_end) or start >= previous_end
        previous_start, previous_end = start, end
    assert unicodedata.is_normalized("NFC", text)
    assert text == text.strip()
    assert "\r" not in text and "\n\n\n" not in text and "  " not in text
    assert not re.search(f"[{ZERO_WIDTH}]", text)
    assert not re.search(r"[^\S\n ]", text)  # the only whitespace left is " " and "\n"
    assert " \n" not in text and "\n " not in text
    assert text.splitlines() == (text.split("\n") if text else [])


def groups(starts: list[int], ends: list[int]) -> list[tuple[int, int]]:
    """Maximal runs ``[i, j)`` of text positions that share one raw stretch."""
    runs: list[tuple[int, int]] = []
    for index, stretch in enumerate(zip(starts, ends, strict=True)):
        if runs and (starts[runs[-1][0]], ends[runs[-1][0]]) == stretch:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_plain_normalisation_invariants(raw: str) -> None:
    text, starts, ends = normalize(raw)
    check_mapping(raw, text, starts, ends)
    # Nothing but whitespace is lost or added.
    assert content(text) == content(raw)
    for i, j in groups(starts, ends):
        stretch = raw[starts[i] : ends[i]]
        # Each piece of text is exactly what its stretch of the original says ...
        assert content(text[i:j]) == content(stretch)
        # ... and a character copied from one raw character is that character, in NFC.
        if len(stretch) == 1 and not text[i].isspace():
            assert text[i:j] == unicodedata.normalize("NFC", stretch)


@settings(max_examples=300, deadline=None)
@given(any_text, st.data())
def test_a_quote_renormalises_to_its_span(raw: str, data: st.DataObject) -> None:
    """A span's quote (what provenance stores) normalises back to the span's text."""
    text, starts, ends = normalize(raw)
    edges = [i for i, _ in groups(starts, ends)] + [len(text)]
    solid = [i for i in edges[:-1] if not text[i].isspace()]
    if not solid:
        return
    start = data.draw(st.sampled_from(solid))
    end = data.draw(st.sampled_from([e for e in edges if e > start and not text[e - 1].isspace()]))
    quote = raw[starts[start] : ends[end - 1]]
    assert normalize(quote)[0] == text[start:end]


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_markdown_normalisation_invariants(raw: str) -> None:
    text, starts, ends = normalize_markdown(raw)
    check_mapping(raw, text, starts, ends)
    # Markup is only ever removed: every piece of text is made of characters of its stretch
    # (compared decomposed, since removing "*" can let a letter and a mark compose).
    for i, j in groups(starts, ends):
        assert not Counter(decomposed(text[i:j])) - Counter(decomposed(raw[starts[i] : ends[i]]))
    # And without markup, Markdown is plain text.
    if not re.search(r"[-#*_+>\[\]`!<]", raw):
        assert (text, starts, ends) == normalize(raw)


def decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", DROPPED.sub("", text))


@pytest.mark.parametrize("raw", ["\u0301", "\n\u0301x", "a\u0301\u0f73", "\u0f73a", "\u1161"])
def test_leading_and_reordering_marks(raw: str) -> None:
    text, starts, ends = normalize(raw)
    check_mapping(raw, text, starts, ends)
    assert content(text) == content(raw)
