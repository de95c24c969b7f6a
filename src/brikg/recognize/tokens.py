"""Word tokens with character offsets, and the normal form used to compare names."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate, chain
from operator import add
from typing import TypeVar

# A possessive "'s" is a token of its own, so "Pakistan's" matches the country "Pakistan".
# Combining marks that NFC could not compose belong to the letter before them (\w omits them).
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD = rf"\w[\w{_MARKS}]*"
# A token is a word (with inner apostrophes), a possessive "'s", or any other character with
# the marks after it. Every non-space character starts a token, so splitting on tokens leaves
# only the spaces between them: [space, token, space, token, ..., space]. Written to start
# with that one character (\S), then to tell the kinds apart by looking back at it: the regex
# engine then skips spaces in C instead of trying every alternative at each one.
_SPLIT = re.compile(
    rf"(\S(?:(?<=\w)[\w{_MARKS}]*(?:['’](?!s\b){_WORD})*|(?<=['’])s\b|[{_MARKS}]*))"
)
_DOTTED_SA = re.compile(r"\bS\.A\b\.?")
_BRACKETED_ACRONYM = re.compile(r"\s*\([A-Z][A-Z0-9&]{1,9}\)\s*")
_DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "’": "'", "‘": "'"})


@dataclass(slots=True)
class Tokens:
    """The words and punctuation marks of a text, as columns: ``texts[i]`` is token i, from
    ``starts[i]`` to ``ends[i]``, with normal form ``norms[i]`` and shape ``shapes[i]`` (both
    computed once per distinct token, as spaCy's lexemes hold a word's attributes). Lists of
    strings and ints, built in C: no object to make per token, and none for the garbage
    collector to track."""

    texts: list[str]
    starts: list[int]
    ends: list[int]
    norms: list[str]
    shapes: list[int]

    def __len__(self) -> int:
        return len(self.texts)

    def slice(self, start: int, end: int) -> Tokens:
        """Tokens ``start`` to ``end`` (exclusive), as a text of their own."""
        return Tokens(
            self.texts[start:end],
            self.starts[start:end],
            self.ends[start:end],
            self.norms[start:end],
            self.shapes[start:end],
        )


# A token's shape: whether it opens with a capital letter (UPPER) or a digit (DIGIT), and
# whether it is an ordinal number ("21st", also DIGIT). Names are read from the capitalised
# tokens, and a sentence's are found from this column in C, with no Python code per token.
PLAIN, UPPER, DIGIT, ORDINAL = 0, 1, 2, 6
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _shape(text: str) -> int:
    initial = text[:1]
    if initial.isupper():
        return UPPER
    if initial.isdigit():
        return ORDINAL if _ORDINAL.fullmatch(text) else DIGIT
    return PLAIN


def shape_of(text: str) -> int:
    """The shape of one token (PLAIN, UPPER, DIGIT or ORDINAL), as ``Tokens.shapes`` has it."""
    return _shapes[text]


def norm_token(text: str) -> str:
    """Case-, dash- and accent-insensitive form of one token ("Pelješac" = "peljesac")."""
    return _norms[text]


def _normal_form(text: str) -> str:
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFKD", text.translate(_DASHES).casefold())
    return "".join(char for char in folded if not unicodedata.combining(char))


T = TypeVar("T")


class Memo(dict[str, T]):
    """A function of strings, computed once per string: ``memo[text]`` is a dictionary lookup
    in C, and ``map(memo.__getitem__, texts)`` runs no Python code for the strings seen (the
    lru_cache wrapper cost twice as much). Emptied when it reaches ``_MEMO_MAX`` entries, as
    a cache's size limit."""

    def __init__(self, function: Callable[[str], T]) -> None:
        super().__init__()
        self._function = function

    def __missing__(self, text: str) -> T:
        if len(self) >= _MEMO_MAX:
            self.clear()
        value = self[text] = self._function(text)
        return value


def _part_entries(part: str) -> tuple[str | int, ...]:
    """The tokens of a whitespace-free part of a text, five entries each: its text, its normal
    form, its shape, its length, and how far it moves on to the next token (its length, and
    after the part's last token the one whitespace character that ends the part). A word, and
    a word before a comma or full stop, are most parts: they are read without the regex."""
    if part.isalnum():  # letters and digits only: one token, as the regex would find
        return (part, _norms[part], _shapes[part], len(part), len(part) + 1)
    word = part[:-1]
    if part[-1] in _CLOSING_MARKS and word.isalnum():
        mark = part[-1]
        return (word, _norms[word], _shapes[word], len(word), len(word), mark, mark, 0, 1, 2)
    entries: list[str | int] = []
    for text in _SPLIT.split(part)[1::2]:
        entries += (text, _norms[text], _shapes[text], len(text), len(text))
    entries[-1] += 1  # type: ignore[operator]  # the last advance, an int
    return tuple(entries)


_MEMO_MAX = 1 << 16
# Marks that end a word's part and are a token of their own (none a word character or mark).
_CLOSING_MARKS = frozenset(",.;:)")
_norms = Memo(_normal_form)
_shapes = Memo(_shape)
# A text's tokens are its whitespace-free parts' tokens ("Pakistan's," is "Pakistan", "'s", ","),
# since no token spans whitespace and none looks past it: each part is split once.
_entries_of_part = Memo(_part_entries)


def words_are_tokens(text: str) -> bool:
    """Whether every run of word characters in ``text`` is a whole token: in ASCII text without
    an apostrophe (only an apostrophe or a combining mark joins runs into one token). A word a
    regex finds between non-word characters is then some token's text, so a set of the
    tokens' normal forms can answer whether it occurs."""
    return text.isascii() and "'" not in text


def tokenize(text: str, offset: int = 0) -> Tokens:
    """The tokens of ``text``, their offsets shifted by ``offset``."""
    # Split at whitespace in C and read each part's tokens from a memo: a regex match costs
    # thousands of instructions, a part seen before one dictionary lookup. Every step below
    # runs in C, with no Python code per token; the columns are strided slices of the entries.
    parts = text.split()
    entries = list(chain.from_iterable(map(_entries_of_part.__getitem__, parts)))
    starts = list(accumulate(entries[4::5], initial=offset))  # type: ignore[arg-type]
    # The advances count one whitespace character after each part: right when they add up to
    # the text's length (and one after it), else a gap is longer and the regex gives offsets.
    if starts.pop() != offset + len(text) + 1:
        return _tokenize_spaced(text, offset)
    ends = list(map(add, starts, entries[3::5]))
    return Tokens(entries[0::5], starts, ends, entries[1::5], entries[2::5])  # type: ignore[arg-type]


def _tokenize_spaced(text: str, offset: int) -> Tokens:
    """:func:`tokenize` for a text with leading, trailing or runs of whitespace."""
    # Splitting on tokens leaves the spaces between them: [space, token, ..., token, space],
    # and the offsets are running sums of the part lengths.
    parts = _SPLIT.split(text)
    words = parts[1::2]
    bounds = list(accumulate(map(len, parts), initial=offset))
    norms, shapes = list(map(_norms.__getitem__, words)), list(map(_shapes.__getitem__, words))
    return Tokens(words, bounds[1:-1:2], bounds[2::2], norms, shapes)


def name_key(name: str) -> str:
    """The key under which names resolve: "the Port of Piraeus" and "Piraeus Port" collide.

    Lowercased, accents and dashes folded, hyphens read as spaces, leading articles, ordinals
    and possessives dropped, "Port of X" read as "X Port", "Ltd" as "Limited".
    """
    # A bracketed acronym inside a name is an alias, not part of it: "X (CKU) Railway".
    name = _BRACKETED_ACRONYM.sub(" ", name)
    name = _DOTTED_SA.sub("SA", name)  # "Korvex S.A." is "Korvex SA", not "Korvex's A"
    tokens = tokenize(name)
    pairs = zip(tokens.texts, tokens.norms, strict=True)
    words = [norm for text, norm in pairs if text not in "-'\"“”()"]
    while words and words[0] in {"the", "a", "an"}:
        words.pop(0)
    words = [word for word in words if word not in {"'s", "s"}]
    if len(words) >= 3 and words[1] == "of" and words[0] in _INVERTIBLE_HEADS:
        words = words[2:] + [words[0]]
    if len(words) >= 2 and words[-1] in _COMPANY_SUFFIXES:  # "X Ltd" = "X Limited"
        words[-1] = _COMPANY_SUFFIXES[words[-1]]
    return " ".join(words)


_INVERTIBLE_HEADS = frozenset({"port", "bridge", "airport", "harbour", "harbor"})
_COMPANY_SUFFIXES = {"ltd": "limited", "corp": "corporation", "co": "company"}
