"""The tokenizer: parts split at whitespace and memoised give the tokens one regex gives."""

from __future__ import annotations

import random

import pytest

from brikg.recognize.tokens import DIGIT, ORDINAL, PLAIN, UPPER, _tokenize_spaced, tokenize


def _columns(text: str, offset: int) -> tuple[list, ...]:
    tokens = tokenize(text, offset)
    return tokens.texts, tokens.starts, tokens.ends, tokens.norms, tokens.shapes


def _regex_columns(text: str, offset: int) -> tuple[list, ...]:
    tokens = _tokenize_spaced(text, offset)
    return tokens.texts, tokens.starts, tokens.ends, tokens.norms, tokens.shapes


def test_tokens_and_offsets() -> None:
    tokens = tokenize("Pakistan's Karot (KHP) dam, Leaders' Forum don't.", 10)
    assert tokens.texts == [
        "Pakistan",
        "'s",
        "Karot",
        "(",
        "KHP",
        ")",
        "dam",
        ",",
        "Leaders",
        "'",
        "Forum",
        "don't",
        ".",
    ]
    assert tokens.starts[:3] == [10, 18, 21]
    assert tokens.ends[:3] == [18, 20, 26]
    assert tokens.norms[0] == "pakistan"


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "  two  spaces ",
        "\ttab\nnewline\u00a0nbsp\u2028line",
        "Pelješac Bridge",
        "Pelješac’s",
        "e\u0301t\u0301e\u0301 \u0301x",
        "’s 's s' ’ss 'S a_b __ x'y’z",
        "China–Laos — Railway’s 2,000-km line (US$5.9 bn).",
    ],
)
def test_same_as_one_regex(text: str) -> None:
    assert _columns(text, 7) == _regex_columns(text, 7)


def test_same_as_one_regex_on_random_text() -> None:
    alphabet = [*"aAsS1_ '’-.,;:()\"“\t\n\u00a0\u0301é٣²ß\u200b\u2028", "'s", "’s"]
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert _columns(text, 3) == _regex_columns(text, 3), text


def test_shapes() -> None:
    """Capitals (any script's), digits and ordinals, read once per distinct token."""
    tokens = tokenize("The 21st Zorvak-Élan line, 12 km of ٣rd track")
    assert tokens.texts == ["The", "21st", "Zorvak", "-", "Élan", "line", ",", "12", "km", "of",
                            "٣rd", "track"]  # fmt: skip
    assert tokens.shapes == [UPPER, ORDINAL, UPPER, PLAIN, UPPER, PLAIN, PLAIN, DIGIT, PLAIN,
                             PLAIN, ORDINAL, PLAIN]  # fmt: skip
