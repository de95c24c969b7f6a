"""Language by script: Chinese or English, per paragraph and per file.

The corpus holds only English and Chinese, so script is enough and needs no model: a passage
whose letters are in good part CJK ideographs is Chinese. The segmenter asks per paragraph (to
choose sentence rules), the loader per file (for the document's ``dcterms:language``).
"""

from __future__ import annotations

import re

# CJK Unified Ideographs with extension A, the compatibility block, and extensions B and later.
_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Letters of any script: word characters that are not digits or underscores.
_LETTER = re.compile(r"[^\W\d_]")

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
    ideographs = len(_IDEOGRAPH.findall(text))
    if not ideographs:
        return "en"
    letters = len(_LETTER.findall(text))
    return "zh" if ideographs >= ZH_SHARE * letters else "en"


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
        ideographs = len(_IDEOGRAPH.findall(line))
        letters = len(_LETTER.findall(line))
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
