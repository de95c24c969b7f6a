"""Stage 1, "load and normalise": clean text that still points back at the original.

Every later stage works on :attr:`Document.text`; provenance must quote :attr:`Document.raw`.
So normalisation returns, with the text, for each character of it the stretch of the raw text it
came from: ``raw[raw_starts[i]:raw_ends[i]]``. A normalised span ``[s, e)`` is then
``raw[raw_starts[s]:raw_ends[e - 1]]``. Stretches are never empty, never overlap, and follow the
order of the text; characters that came from one indivisible piece (a whitespace run collapsed
to one space, a character composed by NFC) share that piece's stretch.

The steps run in this order, each as a mapping composed onto the previous one:

1. (Markdown only) remove markup that is not text: heading markers, emphasis, bullets, links;
2. whitespace: line breaks become ``\\n``, runs of horizontal whitespace one space, zero-width
   characters go, lines are stripped, three or more line breaks become a blank line;
3. Unicode NFC, last, so that the text is NFC even where step 1 or 2 removed something between
   a letter and its combining mark.

Speed matters (the whole build has a few seconds): the work is done by regular expressions and
C-level array operations; only lines that are not already NFC get a per-character pass.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from array import array
from collections.abc import Iterator
from functools import lru_cache

from brikg.ir import Document
from brikg.scan import occurrences

# The offset maps are arrays of C ints: sliced and joined by memcpy, and no container the
# garbage collector walks element by element (a list of a document's offsets was, at each
# collection while young, and its every int was decremented when it went).
Offsets = array  # of "i"
Mapping = tuple[str, Offsets, Offsets]

# Horizontal whitespace: every str.isspace() character that does not break a line.
_HSPACE = " \t\x1f\xa0\u1680\u2000-\u200a\u202f\u205f\u3000"
# Zero-width characters that carry no text: dropped (ZWJ/ZWNJ are kept: they shape scripts).
_ZERO_WIDTH = "\u200b\u2060\ufeff"
# Line breaks: the characters str.splitlines() splits on, so that text.split("\n") agrees with it.
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_WS_CLASS = f"[{_HSPACE}{_ZERO_WIDTH}{_BREAKS}]"

# Whitespace that needs rewriting: a run that is not already normal. A single ordinary space
# between two other characters is normal, and so is a line break or a blank line ("\n",
# "\n\n"), which every paragraph ends with: none is looked at, so ordinary text yields few
# runs. Each other run holds a character other than " " and "\n", two spaces in a row, a
# space beside a line break, or three line breaks, and is found from those (see _runs).
# The same characters spelled out, for str.strip() of the text's two ends.
_WS_CHARS = "".join(
    sorted({chr(code) for code in range(0x3001) if re.match(_WS_CLASS, chr(code))} | {"\ufeff"})
)
_WS_SET = frozenset(_WS_CHARS)
_SEEDS = (*_WS_CHARS.replace(" ", "").replace("\n", ""), "  ", " \n", "\n ", "\n\n\n")
_BREAK = re.compile(rf"\r\n|[{_BREAKS}]")
_HAS_VISIBLE_SPACE = re.compile(f"[{_HSPACE}]")


def normalize(raw: str) -> Mapping:
    """Normalise plain text: ``(text, raw_starts, raw_ends)`` (see the module docstring)."""
    text, starts, ends = _whitespace(raw)
    return _nfc(text, starts, ends)


def normalize_markdown(raw: str) -> Mapping:
    """Normalise Markdown: as :func:`normalize`, after removing markup that is not text."""
    markup = _markdown_markup(raw)
    if not markup:
        return normalize(raw)
    stripped, starts, ends = _delete(raw, markup)
    text, w_starts, w_ends = _whitespace(stripped, starts, ends)
    return _nfc(text, w_starts, w_ends)


def fill_document(doc: Document) -> Document:
    """Set ``text``, ``raw_starts`` and ``raw_ends`` of ``doc`` from ``doc.raw`` (plain text)."""
    doc.text, doc.raw_starts, doc.raw_ends = normalize(doc.raw)
    return doc


def _whitespace(
    s: str, base_starts: Offsets | None = None, base_ends: Offsets | None = None
) -> Mapping:
    """Step 2: line breaks, horizontal runs, zero-width characters, line and text edges.

    Offsets are into ``s``, or, given the mapping of ``s`` to its original (``base_starts``,
    ``base_ends``), into that original.
    """
    if base_starts is None or base_ends is None:
        base_starts = _positions(len(s))
        base_ends = _positions(len(s) + 1)[1 : len(s) + 1]
    out: list[str] = []
    starts = array("i")
    ends = array("i")
    first = len(s) - len(s.lstrip(_WS_CHARS))  # whitespace at either end of the text goes
    last = len(s.rstrip(_WS_CHARS))
    copied = first  # s[copied:] has not been emitted yet
    for run_start, run_end in _runs(s, first, last):
        if run_start > copied:
            out.append(s[copied:run_start])
            starts += base_starts[copied:run_start]
            ends += base_ends[copied:run_start]
        copied = run_end
        run = s[run_start:run_end]
        breaks = list(_BREAK.finditer(run))
        if not breaks:
            if _HAS_VISIBLE_SPACE.search(run):
                out.append(" ")
                starts.append(base_starts[run_start])
                ends.append(base_ends[run_end - 1])
            # else only zero-width characters: nothing to show
        elif len(breaks) == 1:
            out.append("\n")
            starts.append(base_starts[run_start])
            ends.append(base_ends[run_end - 1])
        else:
            middle = run_start + breaks[0].end()
            out.append("\n\n")
            starts.extend((base_starts[run_start], base_starts[middle]))
            ends.extend((base_ends[middle - 1], base_ends[run_end - 1]))
    if copied < last:
        out.append(s[copied:last])
        starts += base_starts[copied:last]
        ends += base_ends[copied:last]
    return "".join(out), starts, ends


def _runs(s: str, first: int, last: int) -> Iterator[tuple[int, int]]:
    """The spans of the whitespace runs in ``s[first:last]`` that need rewriting: the whole run
    around each seed (a character other than " " and "\n", or a pair or triple that is not
    normal, see _SEEDS). str.find looks for those in C several times faster than a regex scan
    for them, or one for the runs that tries a match at every space."""
    end = first
    for seed in occurrences(s, _SEEDS):
        if seed >= last:
            break
        if seed < end:
            continue  # before the text or inside the run before
        start, end = seed, seed + 1
        while start > first and s[start - 1] in _WS_SET:
            start -= 1
        while end < last and s[end] in _WS_SET:
            end += 1
        yield start, end


# Offsets 0, 1, 2, ... shared by every mapping, sliced (a copy in C) rather than built anew.
# Grown to the longest text seen, up to _SHARED_MAX.
_shared = array("i")
_SHARED_MAX = 1 << 21


def _positions(n: int) -> Offsets:
    """An array that starts ``0, 1, ..., n - 1`` (maybe longer): slice it, never change it."""
    global _shared
    if n <= len(_shared):
        return _shared
    if n > _SHARED_MAX:
        return array("i", range(n))
    _shared = _count_up(min(max(n, 2 * len(_shared)), _SHARED_MAX))
    return _shared


def _count_up(n: int) -> Offsets:
    """``array("i", range(n))`` for ``n`` up to 2**24, made several times faster: that converts
    each number in turn, where this lays out the numbers' bytes, a column at a time, in C."""
    raw = bytearray(4 * n)  # four bytes a number ("i" is 32 bits wide)
    low, middle, high = (0, 1, 2) if sys.byteorder == "little" else (3, 2, 1)
    raw[low::4] = (bytes(range(256)) * (n // 256 + 1))[:n]
    raw[middle::4] = (b"".join(bytes([i]) * 256 for i in range(256)) * (n // 65536 + 1))[:n]
    raw[high::4] = b"".join(bytes([i]) * 65536 for i in range(n // 65536 + 1))[:n]
    return array("i", raw)


def _nfc(s: str, starts: Offsets, ends: Offsets) -> Mapping:
    """Step 3: NFC, mapping each composed character to the whole stretch it was made from.

    Only lines that are not NFC are looked at, character by character: they are cut where
    composition cannot reach across (see :func:`_boundary`), and each piece that NFC changes maps
    all its output characters to the piece's whole stretch.
    """
    if unicodedata.is_normalized("NFC", s):
        return s, starts, ends
    out: list[str] = []
    new_starts = array("i")
    new_ends = array("i")
    line_start = 0
    for line in s.split("\n"):
        line_end = line_start + len(line)
        if unicodedata.is_normalized("NFC", line):
            out.append(line)
            new_starts.extend(starts[line_start:line_end])
            new_ends.extend(ends[line_start:line_end])
        else:
            piece_start = line_start
            for position in range(line_start + 1, line_end + 1):
                if position < line_end and not _boundary(s[position]):
                    continue
                piece = s[piece_start:position]
                composed = unicodedata.normalize("NFC", piece)
                out.append(composed)
                if composed == piece:
                    new_starts.extend(starts[piece_start:position])
                    new_ends.extend(ends[piece_start:position])
                else:
                    new_starts.extend([starts[piece_start]] * len(composed))
                    new_ends.extend([ends[position - 1]] * len(composed))
                piece_start = position
        if line_end < len(s):  # the "\n" that str.split() took out
            out.append("\n")
            new_starts.append(starts[line_end])
            new_ends.append(ends[line_end])
        line_start = line_end + 1
    return "".join(out), new_starts, new_ends


@lru_cache(maxsize=4096)
def _boundary(char: str) -> bool:
    """True if NFC cannot combine or reorder anything across the start of ``char``.

    That holds when the canonical decomposition of ``char`` begins with a starter (combining
    class 0) that never combines with a preceding character (Unicode's NFC_Quick_Check "Maybe"
    characters do, e.g. Hangul vowel jamo or Tamil vowel sign AA).
    """
    first = unicodedata.normalize("NFD", char)[0]
    return unicodedata.combining(first) == 0 and first not in _second_of_pairs()


@lru_cache(maxsize=1)
def _second_of_pairs() -> frozenset[str]:
    """Characters that can be the second half of a canonical composition (computed once)."""
    seconds = {chr(c) for c in range(0x1161, 0x1176)} | {chr(c) for c in range(0x11A8, 0x11C3)}
    for code in range(0x00C0, 0x30000):
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition and not decomposition.startswith("<"):
            parts = decomposition.split()
            if len(parts) == 2:
                seconds.add(chr(int(parts[1], 16)))
    return frozenset(seconds)


# --- Markdown --------------------------------------------------------------------------------

_MD_LINE = re.compile(
    r"^[ \t]{0,3}(?:"
    r"(?P<rule>(?:[-*_][ \t]*){3,})$"  # a horizontal rule: the whole line goes
    r"|(?P<heading>\#{1,6}(?:[ \t]+|$))"  # "## Heading"
    r"|(?P<quote>(?:>[ \t]?)+)"  # "> quoted"
    r"|(?P<bullet>[-*+][ \t]+)"  # "- item"
    r")",
    re.MULTILINE,
)
# "## Heading ##": the closing hashes (the spaces before them go as line-end whitespace).
_MD_CLOSING_HASHES = re.compile(r"#+(?=[ \t]*$)", re.MULTILINE)
_MD_HEADING_START = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
_MD_INLINE = re.compile(
    r"!?\[(?P<label>[^\[\]\n]*)\]\((?P<url>[^()\s]*(?:\s+\"[^\"\n]*\")?)\)"  # [text](url)
    r"|<(?P<autolink>(?:https?|ftp|mailto):[^\s<>]+)>"  # <http://...>: keep the address
    r"|(?P<strong>\*\*|__)(?=\S)(?P<strong_body>.+?)(?<=\S)(?P=strong)"  # **bold**, __bold__
    r"|(?<![\w*])\*(?=[^\s*])(?P<em_body>[^*\n]+?)(?<=[^\s*])\*(?![\w*])"  # *italic*
    r"|(?<![\w`])(?P<tick>`+)(?P<code_body>[^`\n]+?)(?P=tick)(?![\w`])"  # `code`
)
# Where inline markup can begin; searched first, since a class is fast to skip to.
_MD_INLINE_START = re.compile(r"[!\[<*_`]")


def _markdown_markup(raw: str) -> list[tuple[int, int]]:
    """Step 1: the spans of ``raw`` that are Markdown markup rather than text."""
    drop: list[tuple[int, int]] = []
    for match in _MD_LINE.finditer(raw):
        if match.group("rule") is not None:
            drop.append(match.span())
        else:
            kind = match.lastgroup
            assert kind is not None
            drop.append((match.start(), match.end(kind)))
    for match in _MD_CLOSING_HASHES.finditer(raw):
        line_start = raw.rfind("\n", 0, match.start()) + 1
        if raw[match.start() - 1 : match.start()] in (" ", "\t") and _MD_HEADING_START.match(
            raw, line_start
        ):
            drop.append(match.span())
    drop.extend(_inline_markup(raw, 0, len(raw)))
    return drop


def _inline_markup(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of inline markup in ``raw[start:end]``, recursing into what the markup wraps."""
    drop: list[tuple[int, int]] = []
    position = start
    while candidate := _MD_INLINE_START.search(raw, position, end):
        match = _MD_INLINE.match(raw, candidate.start(), end)
        if match is None:
            position = candidate.start() + 1
            continue
        position = match.end()
        for body in ("label", "autolink", "strong_body", "em_body", "code_body"):
            if match.group(body) is not None:
                body_start, body_end = match.span(body)
                drop.append((match.start(), body_start))
                drop.append((body_end, match.end()))
                if body not in ("autolink", "code_body"):
                    drop.extend(_inline_markup(raw, body_start, body_end))
                break
    return drop


def _delete(raw: str, spans: list[tuple[int, int]]) -> Mapping:
    """``raw`` without the characters in ``spans`` (which may overlap), with its mapping."""
    positions = _positions(len(raw) + 1)
    out: list[str] = []
    starts = array("i")
    ends = array("i")
    copied = 0
    for start, end in sorted(spans):
        if start > copied:
            out.append(raw[copied:start])
            starts += positions[copied:start]
            ends += positions[copied + 1 : start + 1]
        copied = max(copied, end)
    if copied < len(raw):
        out.append(raw[copied:])
        starts += positions[copied : len(raw)]
        ends += positions[copied + 1 : len(raw) + 1]
    return "".join(out), starts, ends
