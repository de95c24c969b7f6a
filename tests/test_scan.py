"""The text scans that stand in for regex searches must find exactly what the regex finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from brikg.scan import (
    has_irregular_case,
    match_starts,
    matches_at,
    may_end_with,
    occurrences,
    search_before,
)

_TEXT = st.text(alphabet="abis .,\nİıſS", max_size=60)
_WORD_AFTER_SPACE = re.compile(r"(?<=\s)ab+", re.IGNORECASE)
_ENDS_IN_WORD = re.compile(r"(?:ab|is)\s+\Z", re.IGNORECASE)


@given(_TEXT, st.lists(st.sampled_from(["a", "ab", "b ", ".", "ı"]), max_size=4))
def test_occurrences_are_every_start_of_every_word(text: str, words: list[str]) -> None:
    expected = sorted(at for word in words for at in range(len(text)) if text.startswith(word, at))
    assert occurrences(text, words) == expected


@given(_TEXT, st.integers(min_value=0, max_value=70))
def test_matches_at_the_starts_found_equal_a_regex_scan(text: str, endpos: int) -> None:
    starts = [at for at in range(1, len(text)) if text[at - 1].isspace()]
    found = [m.span() for m in matches_at(_WORD_AFTER_SPACE, text, starts, endpos)]
    assert found == [m.span() for m in _WORD_AFTER_SPACE.finditer(text, 0, endpos)]


def test_matches_at_skips_starts_inside_an_earlier_match() -> None:
    text = "x aaab"
    assert [m.span() for m in matches_at(re.compile("a+b"), text, [2, 3, 4])] == [(2, 6)]


@given(_TEXT)
def test_may_end_with_never_misses_a_match_and_is_exact_for_regular_case(text: str) -> None:
    matched = _ENDS_IN_WORD.search(text) is not None
    if matched:
        assert may_end_with(text, ("ab", "is"))
    if not has_irregular_case(text):
        assert may_end_with(text, ("ab", "is")) == matched


@given(_TEXT)
def test_match_starts_are_the_starts_of_finditer(text: str) -> None:
    assert match_starts(_WORD_AFTER_SPACE, text) == [
        m.start() for m in _WORD_AFTER_SPACE.finditer(text)
    ]


@given(_TEXT, st.integers(min_value=0, max_value=70), st.integers(min_value=0, max_value=10))
def test_search_before_equals_a_search_of_the_window(text: str, end: int, width: int) -> None:
    end = min(end, len(text))
    found = search_before(_ENDS_IN_WORD, text, end, width, ("ab", "is"))
    expected = _ENDS_IN_WORD.search(text, max(0, end - width), end)
    assert (found and found.span()) == (expected and expected.span())
