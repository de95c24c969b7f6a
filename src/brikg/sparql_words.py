"""The words of a SPARQL query, read as its parser reads them: what a query asks for can be
told before it runs (the endpoint refuses SERVICE and updates, the store loads the named graphs
only for a query that names a graph)."""

from __future__ import annotations

import re

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# What is not a bare word, in the order the parser meets it: a string, an <IRI>, a # comment or
# a backslash escape (only prefixed names have them outside strings: "ex:a\#b"), whichever
# starts first, so a "#" inside an IRI is read as the parser reads it.
_NOT_BARE = re.compile(
    r"(?=[\"'<#\\])"  # (tried only where one can start)
    r'(?:"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*"
    r"|\\[^\n\r])",
    re.DOTALL,
)
_WORD = re.compile(r"(?<![\w?$:])([A-Za-z]+)(?![\w:])")
# Variables and prefixed names, matched more narrowly than the grammar allows (a character it
# leaves is kept as bare text, where it can only make a keyword look present): a variable has
# no "." or "-"; a prefix and a local name neither start nor end with "." (or the local name
# with "-"), so "?o.SERVICE" and "ex:.GRAPH" keep their keyword.
_NAMES = re.compile(r"[?$]\w+|(?<![\w.-])(?:\w(?:[\w.-]*\w)?)?:(?:[\w:](?:[\w.:-]*[\w:-])?)?")


def _decode_codepoints(text: str) -> str:
    """SPARQL applies \\uXXXX escapes before parsing (SPARQL 1.1 §19.2); so must a checker."""

    def char(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group(0)

    return _CODEPOINT.sub(char, text)


def _bare(text: str, iri_or_less_than: bool = False) -> str:
    """The query without its strings, IRIs, comments and escapes (each left as a space).

    With ``iri_or_less_than``, what lies between the "<" and a "#" of an IRI is kept as well:
    the "<" may be a less-than sign and the "#" a comment's start to the parser
    ("FILTER(1<2)SERVICE?x#>"), which no regex can tell without parsing."""

    def blank(match: re.Match[str]) -> str:
        found = match.group()
        if iri_or_less_than and found.startswith("<") and "#" in found:
            return " " + found[1 : found.index("#")] + " "
        return " "

    return _NOT_BARE.sub(blank, _decode_codepoints(text))


def keywords(text: str) -> list[str]:
    """The bare words of a query, upper-cased, outside comments, strings and IRIs; variables
    and prefixed names are not bare words."""
    return [word.upper() for word in _WORD.findall(_bare(text))]


def may_use(text: str, *words: str) -> bool:
    """Whether a query may hold one of the keywords ``words``, erring towards yes: they are
    looked for anywhere in the bare text but variables and prefixed names, since the parser
    reads "1GRAPH" as two tokens and no other SPARQL keyword contains GRAPH, FROM or SERVICE."""
    bare = _NAMES.sub(" ", _bare(text, iri_or_less_than=True)).upper()
    return any(word.upper() in bare for word in words)
