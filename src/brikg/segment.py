"""Stage 2: split normalised text into headings, paragraphs and sentences.

Rule-based, because the documents are edited prose: a sentence ends at ``. ! ?`` (or ``。！？``)
followed by space and an opening capital, quote or digit, unless the period belongs to an
abbreviation ("No. 1", "U.S.", "Mr.") or a number ("US$2.9 trillion").

Chinese text extracted from PDF breaks paragraphs at page ends, often mid-word ("蒙内铁" /
"路是…"), with footnotes and running page headers between the two halves. A Chinese line that
does not end a sentence is therefore joined with the next Chinese body line, skipping such
furniture; the sentence keeps its span in the text (it may cover several lines) and records the
skipped stretches as ``Sentence.gaps``, so recognisers can read the sentence without them.
English text wrapped at a fixed width (a PDF's text dump, a Markdown source) runs a paragraph
over several lines with only line breaks between them: those lines are one span.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import partial
from itertools import chain, pairwise, starmap

from brikg.ir import Document, Sentence
from brikg.lang import has_ideographs, script_language
from brikg.scan import matches_at, occurrences

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

# End marks with closing quotes or brackets, ``[.!?]+["'”’)\]]*`` or ``[。！？；]+[”’」』）]*``,
# written to start with one character class: the regex engine then skips in C to the next end
# mark instead of trying a match at every character (three times faster).
_SENTENCE_END = re.compile(
    r"""[.!?。！？；](?:(?<=[.!?])[.!?]*["'”’)\]]*|(?<=[。！？；])[。！？；]*[”’」』）]*)"""
    r"""(?=\s+["'“‘(\[]?[A-Z0-9\u4e00-\u9fff]|\s*$|(?<=[。！？；”’」』）]))""",
)
# What _SENTENCE_END opens with, for str.find, which passes over a paragraph several times
# faster than the regex engine's scan for a character of a class.
_END_MARKS = ".!?。！？；"
_ROMAN_HEADING = re.compile(
    r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.?|Chapter\s+\w+|第[一二三四五六七八九十]+章)\s+\S"
)
_PARAGRAPH_NUMBER = re.compile(r"\s*(?:\d{1,3}[.)]|\(\d{1,3}\))\s+(?=\S)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_LINE = re.compile(r"[^\n]+")
# A Markdown table: a row between pipes is one sentence, its cells read in order (a row is no
# heading, whatever its length, and sets no section); the rule under the header says nothing.
_TABLE_ROW = re.compile(r"\|.*\|")
_TABLE_RULE = re.compile(r"\|?(?:\s*:?-+:?\s*\|)+\s*(?::?-+:?\s*)?")


class Tables:
    """The Markdown tables of a text, read once, so that a row finds its header without walking
    back up the table (which made a table of n rows cost n² line reads)."""

    def __init__(self, text: str) -> None:
        self._text = text
        # The start of each line below a table's rule, with the header cells of that table: a
        # row there is read by the header's columns.
        self._headers: dict[int, list[str]] = {}
        if "|" not in text:  # most documents
            return
        block: list[tuple[str, int]] = []  # consecutive table lines: (stripped line, end)
        line_start = 0
        for line in text.split("\n"):
            stripped = line.strip(" \t")
            line_end = line_start + len(line)
            if _TABLE_ROW.fullmatch(stripped) or _TABLE_RULE.fullmatch(stripped):
                block.append((stripped, line_end))
            else:
                self._add(block)
                block = []
            line_start = line_end + 1
        self._add(block)

    def _add(self, block: list[tuple[str, int]]) -> None:
        """Index the lines after a run of table lines that opens with a header and its rule."""
        if len(block) < 2 or not _TABLE_RULE.fullmatch(block[1][0]):
            return
        header = [cell.strip().lower() for cell in block[0][0].strip().strip("|").split("|")]
        for _line, line_end in block[1:]:
            self._headers[line_end + 1] = header

    def cells(self, start: int, end: int) -> list[tuple[str, tuple[int, int]]]:
        """The cells of the row ``text[start:end]``, each with its column's header name
        (lowercased), as (name, (cell start, cell end)); none unless the row lies below a
        header and its rule, with as many cells as the header has."""
        row = self._text[start:end]
        if not _TABLE_ROW.fullmatch(row.strip(" \t")):
            return []
        header = self._headers.get(self._text.rfind("\n", 0, start) + 1)
        if header is None:
            return []
        bars = [start + index for index, char in enumerate(row) if char == "|"]
        spans = list(zip(bars, bars[1:], strict=False))
        if len(spans) != len(header):
            return []
        pairs = zip(header, spans, strict=True)
        return [(name, (left + 1, right)) for name, (left, right) in pairs]


# The marks after which a short line is a sentence's end, not a heading.
_CLAUSE_ENDS = tuple(".!?。！？;；:：,，")


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
    return len(stripped) <= limit and not stripped.endswith(_CLAUSE_ENDS)


def _sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """The spans of the sentences of ``paragraph``; a numbered paragraph's number ("2. The two
    sides ...") is in none: no sentence of its own, and no word of the first."""
    number = _PARAGRAPH_NUMBER.match(paragraph)
    cuts = [number.end() if number else 0]
    for match in matches_at(_SENTENCE_END, paragraph, occurrences(paragraph, _END_MARKS)):
        if match.start() < cuts[0]:
            continue
        if paragraph[match.start()] == "." and _protected_period(paragraph, match.start()):
            continue
        cuts.append(match.end())
    cuts.append(len(paragraph))
    return [span for span in starmap(partial(_trim, paragraph), pairwise(cuts)) if span]


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


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` without whitespace at its ends; None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Each non-empty line is a paragraph: the seeds put one paragraph on a line."""
    for match in _LINE.finditer(text):
        span = _trim(text, match.start(), match.end())
        if span:
            yield span


# -- Chinese paragraph reconstruction ---------------------------------------------------------

# A line is closed when it ends (after footnote markers such as "^①") with one of these.
_ZH_CLOSERS = frozenset("。！？；：…”’」』）》】!?;:)]")
_FOOTNOTE_TAIL = re.compile(r"(?:\^?[①-⑳]|\^\d{1,2})+$")
_ZH_PUNCT = re.compile(r"[，。、；：！？]")
# Lines that start a heading, a box or a caption never continue the line before them.
_ZH_MARKER = re.compile(
    r"^(?:【|—|第[一二三四五六七八九十百\d]+[章节]|\d+(?:\.\d+)+\s|[图表]\s?\d|[（(]数据来源|"
    r"前\s*言$|结\s*语|编写说明)"
)
# Furniture between the halves of a broken paragraph: footnotes, URLs, rules, captions.
_FURNITURE = re.compile(r"^(?:\^?[①-⑳]|\^\d|<?https?://|[-—\s]+$|[图表]\s?\d|[（(]数据来源)")
# A date inside a line, or a preposition opening it, marks prose; a line that opens with its
# date ("2023年卡隆经济走廊建设进展") is a heading's way of dating its section.
_PROSE_HINT = re.compile(r"(?<=\D)\d+[年月日]|^(?:在|于|从|自|据|随着|由于|为|对|将|以)")
# The number of a heading ("一、", "（二）", "3、"): its mark is not a sentence's punctuation.
_ZH_ENUMERATOR = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+、)"
)
_LETTERS = re.compile(r"[^\W\d_]")
# A wrapped paragraph runs to a few thousand characters; lines that would join into a longer one
# (a list of clauses each ending with a comma) stay apart, so no sentence grows without bound.
_LONGEST_WRAPPED = 5000
# What opens a block of its own in a plain or Markdown text: a heading, a list item, a table
# row, a quote, a footnote.
_BLOCK_START = re.compile(r"\s*(?:#|[-*+•]\s|\d{1,3}[.)]\s|\||>|\[\^)")
# How a line that runs on into the next one ends: a word broken at a hyphen, a comma, or a word
# that cannot end a sentence or a heading.
_RUNS_ON = re.compile(
    r"(?:(?<=[a-z])-|,|\b(?:the|a|an|of|and|or|by|with|in|into|to|for|on|at|from|that|which|its"
    r"|their|as|between|under|through)\b)$"
)


def _without_footnotes(line: str) -> str:
    """``line`` without the footnote markers it ends with. The substitution tries every place
    in the line (its pattern opens with a repeat), so it runs only when the last character
    (before a final line break, where ``$`` also matches) can end a marker."""
    last = line[-2:-1] if line.endswith("\n") else line[-1:]
    if not ("①" <= last <= "⑳" or last.isdecimal()):
        return line
    return _FOOTNOTE_TAIL.sub("", line)


def _en_open(
    line: str, following: str, leads: tuple[str, str] = ("", ""), markdown: bool = False
) -> bool:
    """True when an English line goes on in the next one: in Markdown, unless the next opens a
    block; in plain text, when the line stops mid-sentence: it breaks a word ("construc-"),
    ends with a comma or a word that cannot end a sentence or a heading ("the", "of", "by"),
    or a lowercase word runs on into one. Headings, list items, table rows and quotes start
    blocks of their own, and a heading, a table row and a quote end theirs. ``leads`` are the
    Markdown markup the two lines open with in the file."""
    if not markdown and not (line[-1:].isalpha() or line[-1:] in "-,"):
        return False  # most lines close a sentence: the seeds put a paragraph on each line
    line_lead, following_lead = leads
    if _BLOCK_START.match(following_lead) or _BLOCK_START.match(following):
        return False
    if (line_lead.lstrip() or line)[:1] in ("#", "|", ">"):
        return False
    if markdown:
        return True
    if _RUNS_ON.search(line, max(0, len(line) - 10)):  # its last word, not a scan of the line
        return True
    return line[-1:].islower() and following[:1].islower()


def _raw_lead(doc: Document, start: int) -> str:
    """What the file's line holds before the text at ``start``: the Markdown markup that the
    normalised text dropped ("## ", "- **")."""
    line_start = doc.text.rfind("\n", 0, start) + 1
    # Where the file's line starts: after the raw text of the newline before (a "\r\n" or a
    # lone "\r" in the file).
    raw_line_start = doc.raw_ends[line_start - 1] if line_start else 0
    return doc.raw[raw_line_start : doc.raw_starts[start]]


def _zh_open(line: str) -> bool:
    """True when a Chinese body line stops mid-sentence (PDF page break), so it continues."""
    if _ZH_MARKER.match(line):
        return False
    bare = _without_footnotes(line).rstrip()
    if not bare or bare[-1] in _ZH_CLOSERS:
        return False
    bare = _ZH_ENUMERATOR.sub("", bare)
    # A short line without punctuation is a heading ("前言", "八项行动推动高质量共建").
    return bool(_ZH_PUNCT.search(bare) or len(bare) >= 30 or _PROSE_HINT.search(bare))


def paragraph_pieces(
    text: str, lead: Callable[[int], str] | None = None
) -> list[tuple[list[tuple[int, int]], str]]:
    """Paragraphs as lists of line spans, in order of their first line, each with the language
    of that first line (:func:`script_language`; the segmenter need not work it out again).

    A non-Chinese line is a paragraph, as in :func:`paragraphs`, unless it goes on in the next
    line (:func:`_en_open`: a hard-wrapped line of plain text, any line of a Markdown paragraph,
    ``lead`` giving the markup of the file's lines); the two are then one span. A Chinese line
    left open (:func:`_zh_open`) is joined with the next Chinese body line, skipping blank lines,
    footnotes, URLs, captions and running page headers (short lines the document repeats);
    the skipped lines still become paragraphs of their own.
    """
    lines = list(paragraphs(text))
    bodies = [text[start:end] for start, end in lines]
    # A Markdown source (``lead`` gives the markup a line starts with in the file, which the
    # text has dropped: "## ", "- **") breaks paragraphs only at blank lines and blocks.
    leads = [lead(start) for start, _end in lines] if lead is not None else [""] * len(lines)
    counts: dict[str, int] = {}
    for line in bodies:
        counts[line] = counts.get(line, 0) + 1
    languages = [script_language(line) for line in bodies]

    def furniture(index: int) -> bool:
        line = bodies[index]
        repeated = counts[line] > 1 and len(line) <= 40 and not _ZH_PUNCT.search(line)
        return repeated or bool(_FURNITURE.match(line))

    joined: set[int] = set()
    result: list[tuple[list[tuple[int, int]], str]] = []
    for index, span in enumerate(lines):
        if index in joined:
            continue
        # A hard-wrapped English paragraph (a text dump of a PDF, a Markdown source) runs on over
        # its next lines: one span, since only the line break lies between them.
        end = span[1]
        following = index + 1
        while (
            following < len(lines)
            and lines[following][1] - span[0] <= _LONGEST_WRAPPED
            and languages[following - 1] != "zh"
            and languages[following] != "zh"
            and text.count("\n", end, lines[following][0]) == 1
            and _en_open(
                bodies[following - 1],
                bodies[following],
                (leads[following - 1], leads[following]),
                markdown=lead is not None,
            )
        ):
            end = lines[following][1]
            joined.add(following)
            following += 1
        if end != span[1]:
            result.append(([(span[0], end)], languages[index]))
            continue
        pieces = [span]
        current = index
        while languages[current] == "zh" and _zh_open(bodies[current]):
            following = current + 1
            while following < len(lines) and (following in joined or furniture(following)):
                following += 1
            if following >= len(lines):
                break
            line = bodies[following]
            if languages[following] != "zh" or _ZH_MARKER.match(line):
                break
            pieces.append(lines[following])
            joined.add(following)
            current = following
        result.append((pieces, languages[index]))
    return result


def segment(doc: Document) -> Document:
    """Fill ``doc.sentences``; headings become one-sentence paragraphs that set the section.

    Each paragraph, and each sentence, gets the language of its own script; a line with no
    letters at all (a page number, a rule) takes the language of the paragraph before it.
    """
    sentences: list[Sentence] = []
    section: str | None = None
    previous = "en"
    markdown = doc.meta.file_name.lower().endswith((".md", ".markdown"))
    lead = partial(_raw_lead, doc) if markdown else None
    for number, (pieces, first_language) in enumerate(paragraph_pieces(doc.text, lead)):
        start, end = pieces[0][0], pieces[-1][1]
        if len(pieces) == 1:
            line, positions = doc.text[start:end], None
            language = first_language if _LETTERS.search(line) else previous
        else:
            line = "".join(doc.text[s:e] for s, e in pieces)
            positions = list(chain.from_iterable(starmap(range, pieces)))  # in C, not per char
            language = script_language(line) if _LETTERS.search(line) else previous
        previous = language
        if len(pieces) == 1 and _TABLE_ROW.fullmatch(line):
            if not _TABLE_RULE.fullmatch(line):
                sentences.append(Sentence(len(sentences), start, end, number, language, section))
            continue
        if _is_heading(line, language):
            if not _FURNITURE.match(line):  # a footnote or URL is not a section heading
                section = line.strip()
            sentences.append(
                Sentence(len(sentences), start, end, number, language, section, is_heading=True,
                         gaps=_gaps(pieces, start, end))
            )  # fmt: skip
            continue
        # Without ideographs every sentence has the paragraph's language (English, or that of
        # the paragraph before when there are no letters): no need to work it out per sentence.
        uniform = not has_ideographs(line)
        for c_start, c_end in _sentence_spans(line):
            if uniform or c_end - c_start == len(line):  # the whole paragraph: its language
                sentence_language = language
            else:
                text = line[c_start:c_end]
                sentence_language = script_language(text) if _LETTERS.search(text) else language
            gaps: tuple[tuple[int, int], ...]
            if positions is None:
                s_start, s_end, gaps = start + c_start, start + c_end, ()
            else:
                s_start, s_end = positions[c_start], positions[c_end - 1] + 1
                gaps = _gaps(pieces, s_start, s_end)
            sentences.append(
                Sentence(len(sentences), s_start, s_end, number, sentence_language, section,
                         gaps=gaps)
            )  # fmt: skip
    doc.sentences = sentences
    return doc


def _gaps(pieces: list[tuple[int, int]], start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The stretches between consecutive pieces that lie inside ``[start, end)``."""
    return tuple(
        (left[1], right[0])
        for left, right in zip(pieces, pieces[1:], strict=False)
        if start <= left[1] and right[0] <= end
    )
