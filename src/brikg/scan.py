"""Ways of looking through text fast, shared by the loader, the segmenter and the recognisers:
where words occur (str.find, which runs in C), a pattern tried only at the places it can
match, and the cases where a search of the lowercased text may miss what a case-insensitive
pattern finds."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator

# Letters that a case-insensitive regex matches as "i" or "s" although lower() does not turn
# them into those letters: dotted and dotless i, long s (İ even lowers to two characters).
_IRREGULAR_CASE = ("\u0130", "\u0131", "\u017f")


def has_irregular_case(text: str) -> bool:
    """Whether a search of ``text.lower()`` may miss what a case-insensitive regex finds in
    ``text`` (or find it at other offsets): prefilters that lower() the text fall back then."""
    return not text.isascii() and any(map(text.__contains__, _IRREGULAR_CASE))


def is_word_character(char: str) -> bool:
    """Whether ``char`` is one that a regex's ``\\w`` matches: a test of one character, where a
    pattern would be compiled for the words around it."""
    return char.isalnum() or char == "_"


def match_starts(pattern: re.Pattern[str], text: str) -> list[int]:
    """Where the matches of ``pattern`` in ``text`` start (the match objects' start method
    mapped in C, with no Python code per match)."""
    return list(map(re.Match.start, pattern.finditer(text)))


def search_before(
    pattern: re.Pattern[str], text: str, end: int, width: int, words: tuple[str, ...]
) -> re.Match[str] | None:
    """The match of ``pattern`` (one of letters and at most two words, that ends in one of
    ``words`` and ``\\s+\\Z``) that ends at ``end``, searched for in the ``width`` characters
    before it only where :func:`may_end_with` says it may be there."""
    window_start = max(0, end - width)
    window = text[window_start:end]
    if not may_end_with(window, words):
        return None
    # A match of letters and at most two words starts in the window's last two words: the
    # search starts there, where it would try every place before them in vain.
    before = window.rsplit(None, 2)
    if len(before) == 3:
        window_start += len(before[0])
    return pattern.search(text, window_start, end)


def may_end_with(window: str, words: tuple[str, ...]) -> bool:
    """Whether a case-insensitive pattern that ends in one of ``words`` and ``\\s+\\Z`` may
    match at the end of ``window``: a search for such a pattern tries every place in the
    window, so it is run only where this holds."""
    if not window[-1:].isspace():
        return False
    return has_irregular_case(window) or window.rstrip().lower().endswith(words)


def occurrences(text: str, words: Iterable[str]) -> list[int]:
    """Where each of ``words`` starts in ``text``, in order. str.find runs through the text in
    C several times faster than a regex scan for the words, which tests each character."""
    found: list[int] = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + 1)
    found.sort()
    return found


def matches_at(
    pattern: re.Pattern[str], text: str, starts: list[int], endpos: int = sys.maxsize
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text, 0, endpos)``, for a pattern that matches only
    at ``starts`` (in order): a pattern that opens with a word boundary or a
    look-behind is tried by the regex engine at every character, where ``starts`` can be found
    by a scan it skips through in C, or by str.find."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start, endpos)) is not None:
            end = match.end()
            yield match


def longest_first(words: Iterable[str]) -> str:
    """A pattern that matches the longest of ``words`` at a position, as the alternation of
    them longest first would, shaped as a tree of their characters (中(?:国|非共和国)|…): the
    regular expression engine tries each alternative in turn, so this tries far fewer."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _branches(tree)


def _branches(node: dict[str, dict]) -> str:
    """The pattern of a node of :func:`longest_first`'s tree: its longer words first, then
    the empty end of a word (a greedy ``?``)."""
    branches = [re.escape(char) + _branches(child) for char, child in node.items() if char]
    if not branches:
        return ""
    ends = "" in node
    if len(branches) == 1 and not ends:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")
