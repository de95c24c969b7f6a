"""The words of a SPARQL query, read as its parser reads them: what a query asks for can be
told before it runs (the endpoint refuses SERVICE and updates, the store loads the named graphs
only for a query that names a graph)."""

from __future__ import annotations

import re

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# What is not a bare word, in the order the parser meets it: a string, an <IRI> or a # comment,
# whichever starts first (so a "#" inside an IRI, or a "<" used as less-than, is read as the
# parser reads it).
_NOT_BARE = re.compile(
    r"(?=[\"'<#])"  # (tried only where one can start)
    r'(?:"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*)",
    re.DOTALL,
)
_WORD = re.compile(r"(?<![\w?$:])([A-Za-z]+)(?![\w:])")
# Variables and prefixed names: the rest of the bare text is keywords, numbers and punctuation.
# (A name is matched from its first character only, so a long word is read once.)
_NAME_CHAR = r"\w.\u00b7-\U000effff-"
_NAMES = re.compile(rf"[?$][{_NAME_CHAR}]+|(?<![{_NAME_CHAR}])[{_NAME_CHAR}]*:[{_NAME_CHAR}:%\\]*")


def _decode_codepoints(text: str) -> str:
    """SPARQL applies \\uXXXX escapes before parsing (SPARQL 1.1 §19.2); so must a checker."""

    def char(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group(0)

    return _CODEPOINT.sub(char, text)


def _bare(text: str) -> str:
    """The query without its strings, IRIs and comments (each left as one space)."""
    return _NOT_BARE.sub(" ", _decode_codepoints(text))


def keywords(text: str) -> list[str]:
    """The bare words of a query, upper-cased, outside comments, strings and IRIs; variables
    and prefixed names are not bare words."""
    return [word.upper() for word in _WORD.findall(_bare(text))]


def may_use(text: str, *words: str) -> bool:
    """Whether a query may hold one of the keywords ``words``, erring towards yes: they are
    looked for anywhere in the bare text but variables and prefixed names, since the parser
    reads "1GRAPH" as two tokens and no other SPARQL keyword contains GRAPH, FROM or SERVICE."""
    bare = _NAMES.sub(" ", _bare(text)).upper()
    return any(word.upper() in bare for word in words)
