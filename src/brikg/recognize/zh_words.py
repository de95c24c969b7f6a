"""Chinese word boundaries: jieba's dictionary, cut down, and jieba's cut, run by jieba-rs.

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

The cut itself is jieba's dictionary-only cut (``HMM=False``: the most probable route through
the dictionary's words), run by jieba-rs, jieba's Rust port, through its binding rjieba: the
same algorithm, the same words (tests/test_zh_words.py compares it with jieba on the same
dictionary), several times faster than the same search written in Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import metadata
from importlib.util import find_spec
from itertools import accumulate, compress, count, repeat
from operator import itemgetter, not_
from pathlib import Path
from typing import NamedTuple

import rjieba

from brikg.ir import Mention
from brikg.tables import cached_table

_ENTRY = re.compile(r"^(\S+) (\d{2,}) (\S+)$", re.M)
# Tags of rare words that only slow the tokenizer down: personal names, idioms, set phrases.
_RARE_SKIPPED = frozenset({"nr", "i", "l", "zg"})
EXTRA_FREQUENCY = 3000
"""Frequency given to added words (names, heads): enough to keep each one word."""
_WORD_CHAR = re.compile(r"\w")


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


class Cut(NamedTuple):
    """A text's words, and the offsets where they start and end, in order (the words tile the
    text): bisected, not made again from the words by each recogniser that needs them."""

    words: list[Word]
    starts: list[int]
    ends: list[int]


# A Word's start and end, for map(): by index, which is faster than by name.
WORD_START, WORD_END = (
    itemgetter(Word._fields.index("start")),
    itemgetter(Word._fields.index("end")),
)

# tuple.__new__(Word, values) makes a Word without NamedTuple's Python-level __new__ (and,
# called directly, without a functools.partial in between): a sentence has dozens.
_new_tuple = tuple.__new__


def _is_punct(word: str) -> bool:
    """Whether a word that is not all alphanumeric has no letter or digit (no \\w) either. A
    single character is a letter or digit if it is alphanumeric or "_", as \\w is: most such
    words are one punctuation mark, spared the regular expression."""
    if len(word) == 1:
        return word != "_"
    return _WORD_CHAR.search(word) is None


class Words:
    """jieba's dictionary segmentation over a reduced dictionary; nothing is loaded until
    the first cut."""

    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        self._extra = sorted({word for word in extra_words if word.strip()})
        self._jieba: rjieba.Jieba | None = None
        self._tags: dict[str, str] = {}

    def tag(self, word: str) -> str:
        """jieba's part-of-speech tag of a dictionary word, "" for words it does not list."""
        self._load()
        return self._tags.get(word, "")

    def cut(self, text: str) -> list[Word]:
        """The words of ``text`` with their offsets (dictionary only: no HMM guessing)."""
        return self.cut_spans(text).words

    def cut_spans(self, text: str) -> Cut:
        """The words of ``text``, and where they start and end: made here anyway, and asked
        for by several recognisers of the sentence, each of which would map the words again."""
        texts = self._load().cut(text, False)
        if not texts:
            return Cut([], [], [])
        # Assembled by map and zip, in C: a sentence has dozens of words. The words tile the
        # text, so each ends where the lengths so far add up to, and starts where the last ended.
        ends = list(accumulate(map(len, texts)))
        starts = [0, *ends]
        starts.pop()
        kinds = ["word"] * len(ends)
        # Only words not all alphanumeric (a few punctuation marks a sentence) are looked at.
        for index in compress(count(), map(not_, map(str.isalnum, texts))):
            if _is_punct(texts[index]):
                kinds[index] = "punct"
        tags = map(self._tags.get, texts, repeat(""))
        columns = zip(texts, starts, ends, tags, kinds, repeat(None))
        return Cut(list(map(_new_tuple, repeat(Word), columns)), starts, ends)

    def _load(self) -> rjieba.Jieba:
        if self._jieba is None:
            words, frequencies, self._tags = self._build()
            jieba = rjieba.Jieba.empty()
            for word, frequency in zip(words, frequencies, strict=True):
                jieba.add_word(word, frequency, None)
            self._jieba = jieba
        return self._jieba

    def _build(self) -> tuple[list[str], list[int], dict[str, str]]:
        """The reduced dictionary's words, frequencies and tags, derived once and kept as a
        table."""
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
        return cached_table("jieba-words", inputs, lambda: self._derive(source))

    def _derive(self, source: Path) -> tuple[list[str], list[int], dict[str, str]]:
        frequencies, tags = self.frequencies(source)
        return list(frequencies), list(frequencies.values()), tags

    def frequencies(self, source: Path) -> tuple[dict[str, int], dict[str, str]]:
        """The reduced word list of jieba's dictionary file ``source``, with the extra words:
        each word's frequency, and the tags."""
        frequencies: dict[str, int] = {}
        tags: dict[str, str] = {}
        for word, frequency, tag in _ENTRY.findall(source.read_text("utf-8")):
            if len(frequency) == 2 and tag in _RARE_SKIPPED:
                continue
            frequencies[word] = int(frequency)
            tags[word] = tag
        for word in self._extra:
            frequencies[word] = max(frequencies.get(word, 0), EXTRA_FREQUENCY)
        return frequencies, tags
