"""The text scans that stand in for regex searches must find exactly what the regex finds."""

from __future__ import annotations

import random
import re

from hypothesis import given
from hypothesis import strategies as st

from brikg.scan import (
    has_irregular_case,
    longest_first,
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


def test_longest_first_matches_as_the_alternation_longest_first() -> None:
    """The tree-shaped pattern finds what the flat alternation of the words, longest first,
    finds: the longest word at the leftmost position, nested and shared prefixes included."""
    words = "中国 中国香港 中非 中 巴布亚新几内亚 几内亚 几内亚比绍 a.b 印尼 Niger Nigeria".split()
    flat = re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))
    tree = re.compile(longest_first(words))
    rng = random.Random(3)
    pieces = [*words, "国", "香", "几内", "比", "x", "ab", ".", " ", "ia"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        spans = [m.span() for m in tree.finditer(text)]
        assert spans == [m.span() for m in flat.finditer(text)], text
        # Inside a longer pattern, backtracking tries the shorter words in the same order.
        for before, after in ((r"\b(?:", r")\b"), ("(?:", ")$")):
            framed_tree = re.compile(before + tree.pattern + after)
            framed_flat = re.compile(before + flat.pattern + after)
            found = [m.span() for m in framed_tree.finditer(text)]
            assert found == [m.span() for m in framed_flat.finditer(text)], text
