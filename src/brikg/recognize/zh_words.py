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

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from brikg.tables import cached_table

_ENTRY = re.compile(r"^(\S+) (\d{2,}) (\S+)$", re.M)
# Tags of rare words that only slow the tokenizer down: personal names, idioms, set phrases.
_RARE_SKIPPED = frozenset({"nr", "i", "l", "zg"})
EXTRA_FREQUENCY = 3000
"""Frequency given to added words (names, heads): enough to keep each one word."""


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a segmented text: ``text[start:end]`` with jieba's tag ("" if unknown)."""

    text: str
    start: int
    end: int
    tag: str


class Words:
    """A jieba tokenizer over a reduced dictionary; nothing is loaded until the first cut."""

    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        self._extra = sorted({word for word in extra_words if word.strip()})
        self._tokenizer = None
        self._tags: dict[str, str] = {}

    def tag(self, word: str) -> str:
        """jieba's part-of-speech tag of a dictionary word, "" for words it does not list."""
        self._load()
        return self._tags.get(word, "")

    def cut(self, text: str) -> list[Word]:
        """The words of ``text`` with their offsets (dictionary only: no HMM guessing)."""
        tokenizer = self._load()
        return [
            Word(word, start, end, self._tags.get(word, ""))
            for word, start, end in tokenizer.tokenize(text, HMM=False)
        ]

    def _load(self):  # noqa: ANN202 - jieba.Tokenizer, imported lazily
        if self._tokenizer is None:
            self._tokenizer = self._build()
        return self._tokenizer

    def _build(self):  # noqa: ANN202 - jieba.Tokenizer
        import jieba

        jieba.setLogLevel(logging.WARNING)
        source = Path(jieba.__file__).with_name("dict.txt")
        inputs = (
            metadata.version("jieba"),
            str(source.stat().st_size),
            Path(__file__).read_text("utf-8"),
            "\n".join(self._extra),
        )
        prefixes, total, self._tags = cached_table(
            "jieba-words", inputs, lambda: self._derive(source)
        )
        tokenizer = jieba.Tokenizer()
        tokenizer.FREQ = prefixes
        tokenizer.total = total
        tokenizer.initialized = True  # the prefix dictionary is set: skip jieba's own load
        return tokenizer

    def _derive(self, source: Path) -> tuple[dict[str, int], int, dict[str, str]]:
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
