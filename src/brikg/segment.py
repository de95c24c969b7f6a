"""Stage 2: split normalised text into headings, paragraphs and sentences.

Rule-based, because the documents are edited prose: a sentence ends at ``. ! ?`` (or ``。！？``)
followed by space and an opening capital, quote or digit, unless the period belongs to an
abbreviation ("No. 1", "U.S.", "Mr.") or a number ("US$2.9 trillion").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from brikg.ir import Document, Sentence
from brikg.lang import script_language

# Tokens whose final period never ends a sentence when followed by more text.
ABBREVIATIONS = frozenset(
    [
        "no",
        "nos",
        "vol",
        "art",
        "fig",
        "p",
        "pp",
        "ch",
        "sec",
        "para",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "gen",
        "lt",
        "col",
        "capt",
        "gov",
        "sen",
        "rep",
        "pres",
        "hon",
        "rev",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "est",
        "approx",
        "vs",
        "etc",
        "al",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "p.r",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "a.m",
        "p.m",
    ]
)

_SENTENCE_END = re.compile(
    r"""(?:[.!?]+["'”’)\]]*|[。！？；]+[”’」』）]*)(?=\s+["'“‘(\[]?[A-Z0-9\u4e00-\u9fff]|\s*$|(?<=[。！？；”’」』）]))""",
)
_ROMAN_HEADING = re.compile(
    r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.?|Chapter\s+\w+|第[一二三四五六七八九十]+章)\s+\S"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _is_heading(line: str, language: str) -> bool:
    """Short lines without sentence-final punctuation are headings (as in the seed documents)."""
    stripped = line.strip()
    if not stripped:
        return False
    if (
        _ROMAN_HEADING.match(stripped)
        and len(stripped) < 160
        and not stripped.endswith((".", "。"))
    ):
        return True
    limit = 40 if language == "zh" else 120
    return len(stripped) <= limit and not re.search(r"[.!?。！？;；:：,，]$", stripped)


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield sentence spans inside the paragraph ``text[start:end]``."""
    paragraph = text[start:end]
    cursor = 0
    for match in _SENTENCE_END.finditer(paragraph):
        stop = match.end()
        if match.group().startswith(".") and _protected_period(paragraph, match.start()):
            continue
        if stop > cursor:
            yield from _trimmed(text, start + cursor, start + stop)
        cursor = stop
    if cursor < len(paragraph):
        yield from _trimmed(text, start + cursor, end)


def _protected_period(paragraph: str, position: int) -> bool:
    """True when the period at ``position`` belongs to an abbreviation or an initial."""
    before = _WORD_BEFORE.search(paragraph[max(0, position - 12) : position + 1])
    if not before:
        return False
    word = before.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # A single capital letter ("J. Smith") is an initial, not the end of a sentence.
    return len(word) == 1 and paragraph[position - 1].isupper()


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Each non-empty line is a paragraph: the seeds put one paragraph on a line."""
    for match in re.finditer(r"[^\n]+", text):
        yield from _trimmed(text, match.start(), match.end())


def segment(doc: Document) -> Document:
    """Fill ``doc.sentences``; headings become one-sentence paragraphs that set the section."""
    sentences: list[Sentence] = []
    section: str | None = None
    for number, (start, end) in enumerate(paragraphs(doc.text)):
        line = doc.text[start:end]
        language = script_language(line)
        if _is_heading(line, language):
            section = line.strip()
            sentences.append(
                Sentence(len(sentences), start, end, number, language, section, is_heading=True)
            )
            continue
        for s_start, s_end in _sentence_spans(doc.text, start, end):
            sentence_language = script_language(doc.text[s_start:s_end]) if language else language
            sentences.append(
                Sentence(len(sentences), s_start, s_end, number, sentence_language, section)
            )
    doc.sentences = sentences
    return doc
