"""The text scans that stand in for regex searches must find exactly what the regex finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from brikg.scan import has_irregular_case, matches_at, may_end_with, occurrences

_TEXT = st.text(alphabet="abis .,\nİıſS", max_size=60)
_WORD_AFTER_SPACE = re.compile(r"(?<=\s)ab+", re.IGNORECASE)


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
    pattern = re.compile(r"(?:ab|is)\s+\Z", re.IGNORECASE)
    matched = pattern.search(text) is not None
    if matched:
        assert may_end_with(text, ("ab", "is"))
    if not has_irregular_case(text):
        assert may_end_with(text, ("ab", "is")) == matched
