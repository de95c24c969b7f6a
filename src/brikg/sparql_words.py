"""The words of a SPARQL query, read as its parser reads them: what a query asks for can be
told before it runs (the endpoint refuses SERVICE and updates, the store loads the named graphs
only for a query that names a graph)."""

from __future__ import annotations

import re

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_STRING = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'",
    re.DOTALL,
)
_WORD = re.compile(r"(?<![\w?$:])([A-Za-z]+)(?![\w:])")


def _decode_codepoints(text: str) -> str:
    """SPARQL applies \\uXXXX escapes before parsing (SPARQL 1.1 §19.2); so must a checker."""

    def char(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group(0)

    return _CODEPOINT.sub(char, text)


def keywords(text: str) -> list[str]:
    """The bare words of a query, upper-cased, outside comments, strings and IRIs.

    This follows SPARQL's tokens: strings, ``<IRIs>`` and ``#`` comments are skipped in the order
    they start, so a ``#`` inside an IRI or a ``<`` used as less-than are read as the parser
    reads them; variables and prefixed names are not bare words.
    """
    text = _decode_codepoints(text)
    out: list[str] = []
    position = 0
    pending: list[str] = []
    while position < len(text):
        char = text[position]
        if char == "#":
            end = text.find("\n", position)
            position = len(text) if end < 0 else end
            pending.append(" ")
            continue
        match = None
        if char in "\"'":
            match = _STRING.match(text, position)
        elif char == "<":
            match = _IRIREF.match(text, position)
        if match:
            position = match.end()
            pending.append(" ")
            continue
        pending.append(char)
        position += 1
        if char in "\n{}" or position == len(text):
            out.extend(w.upper() for w in _WORD.findall("".join(pending)))
            pending.clear()
    if pending:
        out.extend(w.upper() for w in _WORD.findall("".join(pending)))
    return out
