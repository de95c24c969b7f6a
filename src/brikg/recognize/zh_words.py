"""Chinese word boundaries: jieba with a reduced dictionary, built once, lazily.

Chinese has no spaces, so a name pattern such as "…水电站" needs to know where the word before
it starts: the difference between 卡鲁玛水电站 (a name) and 最大水电站 ("the largest hydropower
station"). jieba supplies the boundaries and, from its dictionary, a part-of-speech tag per word.

jieba's own start-up reads its 349,000-word dictionary (one to three seconds), most of the
build's budget. Boundaries around names need only the words a text is likely to use, so the
tokenizer here is given the words of jieba's bundled dictionary that occur at least 10 times
(less rare personal names, idioms and phrases), plus the lexicon's Chinese names and the name
heads: about 90,000 words. Rarer words fall apart into single characters, which the name
patterns read as part of a transliteration. Nothing is downloaded; the reduced dictionary is
derived once and kept as a table (:mod:`brikg.tables`), as jieba keeps its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import metadata
from importlib.util import find_spec
from math import inf, log, nan
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from brikg.ir import Mention
from brikg.tables import cached_table

_ENTRY = re.compile(r"^(\S+) (\d{2,}) (\S+)$", re.M)
# Tags of rare words that only slow the tokenizer down: personal names, idioms, set phrases.
_RARE_SKIPPED = frozenset({"nr", "i", "l", "zg"})
EXTRA_FREQUENCY = 3000
"""Frequency given to added words (names, heads): enough to keep each one word."""
# jieba's blocks (re_han_default): runs that are cut by the dictionary, the rest by character.
_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]+)")
# jieba's re_skip_default, as it splits the rest: "\r\n" or one space whole, else one character.
_SKIP = re.compile(r"\r\n|\s|.", re.S)
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_ANY_ASCII_ALNUM = re.compile("[a-zA-Z0-9]")  # the same, to look for in a whole block
_WORD_CHAR = re.compile(r"\w")
# Starting value of the route search's best total: below any word's.
_NO_WORD = -inf


class Word(NamedTuple):
    """One word of a segmented text: ``text[start:end]`` with jieba's tag ("" if unknown) and
    its kind, "word" (it has a letter or digit) or "punct" (punctuation, spaces).

    The names of :mod:`zh_names` are read from the same tuples, where a known name or a
    quotation is one unit (kind "known", with its ``mention``, or "quote"): a plain word is
    then its own unit, not copied. A named tuple, not a dataclass: a sentence makes dozens
    of them, and a tuple is made several times faster."""

    text: str
    start: int
    end: int
    tag: str
    kind: str
    mention: Mention | None = None


# A Word's start and end, for map(): by index, which is faster than by name.
WORD_START, WORD_END = (
    itemgetter(Word._fields.index("start")),
    itemgetter(Word._fields.index("end")),
)

# tuple.__new__(Word, values) makes a Word without NamedTuple's Python-level __new__ (and,
# called directly, without a functools.partial in between): a sentence has dozens.
_new_tuple = tuple.__new__


def _kind(word: str) -> str:
    """ "word" if ``word`` has a letter or digit (str.isalnum implies it: the regular
    expression is left for the few words not all alphanumeric), else "punct"."""
    return "word" if word.isalnum() or _WORD_CHAR.search(word) else "punct"


def _common_kind(block: str) -> str:
    """The kind of every word of ``block`` if they share it, else "" (each word's own)."""
    if block.isalnum():
        return "word"
    return "punct" if _WORD_CHAR.search(block) is None else ""


def _join_ascii(block: str, ends: list[int]) -> None:
    """Makes each run of single ASCII letters and digits on the route one word, as jieba does:
    the run's first character then ends where the run does."""
    length = len(block)
    start = 0
    run = -1  # where the current run started
    while start < length:
        end = ends[start]
        if end - start == 1 and block[start] in _ASCII_ALNUM:
            if run < 0:
                run = start
        elif run >= 0:
            ends[run] = start
            run = -1
        start = end
    if run >= 0:
        ends[run] = length


class Words:
    """jieba's dictionary segmentation over a reduced dictionary; nothing is loaded until
    the first cut.

    The cut is jieba's own algorithm for ``HMM=False`` (``Tokenizer.cut`` with
    ``__cut_DAG_NO_HMM``: the most probable route through the graph of dictionary words, ties
    to the longer word, runs of single ASCII letters and digits joined), written for this one
    case: jieba builds a dict of lists and a dict of tuples per block and takes ``log`` of
    every candidate; here the log-probability of each word is computed once, at load, and
    the route is kept in two lists. The sums are the same floating-point operations in the
    same order, so the words are identical (tests/test_zh_words.py compares with jieba)."""

    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        self._extra = sorted({word for word in extra_words if word.strip()})
        self._scores: dict[str, float] | None = None
        self._unknown = 0.0
        self._tags: dict[str, str] = {}

    def tag(self, word: str) -> str:
        """jieba's part-of-speech tag of a dictionary word, "" for words it does not list."""
        self._load()
        return self._tags.get(word, "")

    def cut(self, text: str) -> list[Word]:
        """The words of ``text`` with their offsets (dictionary only: no HMM guessing)."""
        scores = self._load()
        tag = self._tags.get
        words: list[Word] = []
        position = 0
        for index, block in enumerate(_HAN.split(text)):
            if not index % 2:  # between jieba's blocks: "\r\n" or a space whole, else by character
                kind = _common_kind(block)
                for piece in _SKIP.findall(block) if "\r\n" in block else block:
                    end = position + len(piece)
                    piece_kind = kind or _kind(piece)
                    words.append(
                        _new_tuple(Word, (piece, position, end, tag(piece, ""), piece_kind, None))
                    )
                    position = end
                continue
            ends = self._route(block, scores)
            if _ANY_ASCII_ALNUM.search(block):
                _join_ascii(block, ends)
            kind = "word" if block.isalnum() else ""  # else each word's own
            length = len(block)
            start = 0
            while start < length:
                end = ends[start]
                word = block[start:end]
                kind_of = kind or _kind(word)
                words.append(
                    _new_tuple(
                        Word, (word, position + start, position + end, tag(word, ""), kind_of, None)
                    )
                )
                start = end
            position += length
        return words

    def _route(self, block: str, scores: dict[str, float]) -> list[int]:
        """jieba's route through one block, computed from the end: for each character, where
        the most probable word starting there ends."""
        length = len(block)
        unknown = self._unknown
        get = scores.get
        best = [0.0] * (length + 1)
        ends = [0] * length
        for start in range(length - 1, -1, -1):
            top = _NO_WORD  # every word's total is finite, so the first one beats it
            top_end = end = start + 1
            score = get(block[start])
            while score is not None:  # the dictionary holds every prefix of its words
                total = score + best[end]  # NaN for a bare prefix: never compares >= top
                if total >= top:  # a tie goes to the longer word
                    top = total
                    top_end = end
                if end == length:
                    break
                end += 1
                score = get(block[start:end])
            best[start] = unknown + best[start + 1] if top == _NO_WORD else top
            ends[start] = top_end
        return ends

    def _load(self) -> dict[str, float]:
        if self._scores is None:
            self._scores = self._build()
        return self._scores

    def _build(self) -> dict[str, float]:
        """Each word's log-probability, derived once and kept as a table (see ``_derive``)."""
        # jieba is only the source of the dictionary: finding its file does not import it
        # (0.2 s of processor time per process).
        spec = find_spec("jieba")
        if spec is None or spec.origin is None:
            raise ModuleNotFoundError("jieba is needed for its dictionary", name="jieba")
        source = Path(spec.origin).with_name("dict.txt")
        inputs = (
            metadata.version("jieba"),
            str(source.stat().st_size),
            Path(__file__).read_text("utf-8"),
            "\n".join(self._extra),
        )
        scores, self._unknown, self._tags = cached_table(
            "jieba-words", inputs, lambda: self._derive(source)
        )
        return scores

    def _derive(self, source: Path) -> tuple[dict[str, float], float, dict[str, str]]:
        """Each word's log-probability as jieba's ``calc`` computes it, ``log(frequency) -
        log(total)`` (NaN for a bare prefix, so that the route search skips it without a test
        of its own), the score of a character that is no word (frequency 1), and the tags:
        kept in the table, not recomputed in every process."""
        prefixes, total, tags = self._frequencies(source)
        log_total = log(total)
        scores = {
            word: log(frequency) - log_total if frequency else nan
            for word, frequency in prefixes.items()
        }
        return scores, log(1) - log_total, tags

    def _frequencies(self, source: Path) -> tuple[dict[str, int], int, dict[str, str]]:
        """jieba's prefix dictionary (word → frequency, 0 for a bare prefix), the total
        frequency, and the tags, for the reduced word list."""
        frequencies: dict[str, int] = {}
        tags: dict[str, str] = {}
        for word, frequency, tag in _ENTRY.findall(source.read_text("utf-8")):
            if len(frequency) == 2 and tag in _RARE_SKIPPED:
                continue
            frequencies[word] = int(frequency)
            tags[word] = tag
        for word in self._extra:
            frequencies[word] = max(frequencies.get(word, 0), EXTRA_FREQUENCY)
        prefixes = dict(frequencies)
        for word in frequencies:
            for end in range(1, len(word)):
                if word[:end] not in prefixes:
                    prefixes[word[:end]] = 0
        return prefixes, sum(frequencies.values()), tags
