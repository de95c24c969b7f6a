"""Language by script: Chinese or English, per paragraph and per file.

The corpus holds only English and Chinese, so script is enough and needs no model: a passage
whose letters are in good part CJK ideographs is Chinese. The segmenter asks per paragraph (to
choose sentence rules), the loader per file (for the document's ``dcterms:language``).
"""

from __future__ import annotations

import re

# CJK Unified Ideographs with extension A, the compatibility block, and extensions B and later.
# Matched in runs and counted by what removing them removes: far fewer objects than a match each.
_IDEOGRAPHS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
# Runs of letters of any script (word characters that are not digits or underscores): counted
# by their lengths, which makes a few objects a word, not one a letter.
_LETTERS = re.compile(r"[^\W\d_]+")

ZH_SHARE = 0.3
"""A passage is Chinese when ideographs are at least this share of its letters."""

MIXED_SHARE = 0.1
"""A file holds both languages when each is at least this share of its paragraphs ..."""

MIXED_MIN_PARAGRAPHS = 3
"""... and each has at least this many paragraphs."""

# A line counts as a paragraph of a language only when it has this many letters of it: stray
# page numbers, figure labels and URLs should not make a Chinese file bilingual.
_MIN_IDEOGRAPHS = 4
_MIN_LETTERS = 12


def script_language(text: str) -> str:
    """``"zh"`` when CJK ideographs are at least :data:`ZH_SHARE` of the letters, else ``"en"``."""
    ideographs = _ideograph_count(text)
    if not ideographs:
        return "en"
    letters = _letter_count(text)
    return "zh" if ideographs >= ZH_SHARE * letters else "en"


def has_ideographs(text: str) -> bool:
    """True when ``text`` has a CJK ideograph: without one, no part of it is Chinese."""
    return not text.isascii() and _IDEOGRAPHS.search(text) is not None


def document_languages(text: str) -> str:
    """``"en"``, ``"zh"``, or ``"zh en"`` for a file with substantial passages of both.

    Each non-empty line is a paragraph. The file is bilingual when Chinese and English
    paragraphs each make up :data:`MIXED_SHARE` of the counted paragraphs and number at least
    :data:`MIXED_MIN_PARAGRAPHS`; otherwise its language is that of the whole text.
    """
    zh = en = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        ideographs = _ideograph_count(line)
        letters = _letter_count(line)
        if ideographs >= ZH_SHARE * letters and ideographs >= _MIN_IDEOGRAPHS:
            zh += 1
        elif ideographs < ZH_SHARE * letters and letters - ideographs >= _MIN_LETTERS:
            en += 1
    counted = zh + en
    if (
        min(zh, en) >= MIXED_MIN_PARAGRAPHS
        and zh >= MIXED_SHARE * counted
        and en >= MIXED_SHARE * counted
    ):
        return "zh en"
    return script_language(text)


def _ideograph_count(text: str) -> int:
    """CJK ideographs in ``text``; ASCII text (most English lines) is answered without a scan."""
    return 0 if text.isascii() else len(text) - len(_IDEOGRAPHS.sub("", text))


def _letter_count(text: str) -> int:
    """Letters in ``text``, counted by runs (see :data:`_LETTERS`)."""
    return sum(map(len, _LETTERS.findall(text)))
