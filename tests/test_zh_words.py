"""Chinese words: jieba-rs cuts exactly as jieba does (HMM off) with the same reduced
dictionary, so that names keep their boundaries and the graph its bytes."""

from __future__ import annotations

import logging
import random
import re
from pathlib import Path
from typing import Any

import pytest

from brikg.recognize.zh_words import Words


@pytest.fixture(scope="module")
def pair() -> tuple[Words, Any, dict[str, str], list[str]]:
    """Our tokenizer, jieba's over the same prefix dictionary, the tags, and some words."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    words = Words(["墨拉瓦水电站", "卡鲁玛水电站", "中老铁路", "共建国家"])
    frequencies, tags = words.frequencies(Path(jieba.__file__).with_name("dict.txt"))
    prefixes = dict(frequencies)  # jieba's prefix dictionary: every prefix, 0 if no word
    for word in frequencies:
        for end in range(1, len(word)):
            prefixes.setdefault(word[:end], 0)
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.initialized = prefixes, True
    tokenizer.total = sum(frequencies.values())
    return words, tokenizer, tags, sorted(prefixes)


def _jieba(tokenizer: Any, tags: dict[str, str], text: str) -> list[tuple]:
    """jieba's words as ours are: text, offsets, tag, and whether it has a letter or digit."""
    return [
        (w, s, e, tags.get(w, ""), "word" if re.search(r"\w", w) else "punct", None)
        for w, s, e in tokenizer.tokenize(text, HMM=False)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "墨拉瓦水电站是该国最大水电站",
        "2023年10月17日，中老铁路开通运营，全长1035公里。",
        "5G网络和AI技术 covered by CCTV-4\r\n以及 x.y 与 a_b#c%。",
        "“一带一路”共建国家\t\n卡鲁玛水电站由中国电建承建",
        "",
        "   ",
        "ABC123abc",
    ],
)
def test_cut_is_jiebas(pair: tuple, text: str) -> None:
    words, tokenizer, tags, _ = pair
    assert [tuple(w) for w in words.cut(text)] == _jieba(tokenizer, tags, text)


def test_cut_is_jiebas_on_random_text(pair: tuple) -> None:
    """Strings of dictionary words, prefixes, single characters, Latin, digits and spaces:
    every tie and fallback of the route search is met."""
    words, tokenizer, tags, vocabulary = pair
    rng = random.Random(7)
    extras = [
        "a",
        "B",
        "5",
        "5G",
        " ",
        "\r\n",
        "\r",
        "-",
        "。",
        "，",
        "x.y",
        "“",
        "”",
        "%",
        "鿿",
        "é",
        "ア",
        "_",
    ]
    for _ in range(3000):
        text = "".join(
            rng.choice(vocabulary) if rng.random() < 0.7 else rng.choice(extras)
            for _ in range(rng.randint(1, 10))
        )
        assert [tuple(w) for w in words.cut(text)] == _jieba(tokenizer, tags, text), text
