"""The text scans that stand in for regex searches must find exactly what the regex finds."""

from __future__ import annotations

import random
import re
import sys

from hypothesis import example, given
from hypothesis import strategies as st

from brikg.recognize.coref import _introduces
from brikg.recognize.recognizer import _whole_word_at
from brikg.scan import (
    has_irregular_case,
    is_word_character,
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


def test_is_word_character_is_what_a_regex_w_matches() -> None:
    """Over every code point: the test stands in for \\w next to a found word."""
    word = re.compile(r"\w")
    characters = map(chr, range(sys.maxunicode + 1))
    assert [c for c in characters if is_word_character(c) != bool(word.fullmatch(c))] == []


_PHRASE = st.lists(
    st.sampled_from(["a", "An", "another", "Anan", "the", "new", "rail-", "port", "ports", "portx",
                     "sport", "_", " ", "  ", "\n", ".", ","]),
    max_size=12,
).map("".join)  # fmt: skip


@given(_PHRASE)
def test_introduces_finds_what_a_regex_for_the_head_finds(text: str) -> None:
    """ "a new port", "another rail port": as the one regex per head that it replaced."""
    regex = r"\b(?:[Aa]n?|[Aa]nother)\s+(?:[\w-]+\s+){0,3}?ports?\b"
    assert _introduces(text, "port") == (re.search(regex, text) is not None)


@given(
    st.text(alphabet="ABC&'’_ .x", max_size=30),
    st.sets(st.sampled_from(["A", "AB", "ABC", "A&B", "B", "C"]), min_size=1),
    st.integers(min_value=0, max_value=30),
)
@example("A&B x", {"A", "A&B"}, 5)  # two match: the first in order, as the alternation's
def test_whole_word_at_matches_as_an_alternation_of_the_words(
    text: str, words: set[str], end: int
) -> None:
    """The acronyms a document defined, read where they occur, as this regex would."""
    ordered = sorted(words)
    regex = re.compile(r"(?<![\w'’])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w])")
    for start in range(min(end, len(text)) + 1):
        match = regex.match(text, start, end)
        assert _whole_word_at(text, start, end, ordered) == (match and match.group()), start
