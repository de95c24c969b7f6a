"""Word tokens with character offsets, and the normal form used to compare names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# A possessive "'s" is a token of its own, so "Pakistan's" matches the country "Pakistan".
# Combining marks that NFC could not compose belong to the letter before them (\w omits them).
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD = rf"\w[\w{_MARKS}]*"
_TOKEN = re.compile(
    rf"{_WORD}(?:['’](?!s\b){_WORD})*|['’]s\b|[^\w\s{_MARKS}][{_MARKS}]*|[{_MARKS}]+"
)
_BRACKETED_ACRONYM = re.compile(r"\s*\([A-Z][A-Z0-9&]{1,9}\)\s*")
_DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "’": "'", "‘": "'"})


class Token(NamedTuple):
    """A word or punctuation mark: its text, offsets and normal form (computed once)."""

    text: str
    start: int
    end: int
    norm: str


@lru_cache(maxsize=1 << 16)
def norm_token(text: str) -> str:
    """Case-, dash- and accent-insensitive form of one token ("Pelješac" = "peljesac")."""
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFKD", text.translate(_DASHES).casefold())
    return "".join(char for char in folded if not unicodedata.combining(char))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The tokens of ``text``, their offsets shifted by ``offset``."""
    # tuple.__new__ skips the NamedTuple's Python-level constructor: a third of the time.
    new = tuple.__new__
    return [
        new(Token, (word, offset + match.start(), offset + match.end(), norm_token(word)))
        for match in _TOKEN.finditer(text)
        for word in (match.group(),)
    ]


def name_key(name: str) -> str:
    """The key under which names resolve: "the Port of Piraeus" and "Piraeus Port" collide.

    Lowercased, accents and dashes folded, hyphens read as spaces, leading articles, ordinals
    and possessives dropped, "Port of X" read as "X Port".
    """
    # A bracketed acronym inside a name is an alias, not part of it: "X (CKU) Railway".
    name = _BRACKETED_ACRONYM.sub(" ", name)
    words = [norm_token(token.text) for token in tokenize(name) if token.text not in "-'\"“”()"]
    while words and words[0] in {"the", "a", "an"}:
        words.pop(0)
    words = [word for word in words if word not in {"'s", "s"}]
    if len(words) >= 3 and words[1] == "of" and words[0] in _INVERTIBLE_HEADS:
        words = words[2:] + [words[0]]
    return " ".join(words)


_INVERTIBLE_HEADS = frozenset({"port", "bridge", "airport", "harbour", "harbor"})
