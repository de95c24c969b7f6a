"""Reading a query's words before it runs: a keyword the parser would see must never be missed
(the endpoint's SERVICE refusal depends on it), and ordinary names must not look like one."""

from __future__ import annotations

import pytest

from brikg.queries import library
from brikg.sparql_words import keywords, may_use

EVIL = "<http://127.0.0.1:9/sparql>"


@pytest.mark.parametrize(
    "query",
    [
        f"SELECT * {{ SERVICE {EVIL} {{ ?s ?p ?o }} }}",
        f"select * {{ service silent {EVIL} {{ ?s ?p ?o }} }}",
        f"SELECT * {{ \\u0053ERVICE {EVIL} {{ ?s ?p ?o }} }}",  # escapes decoded first
        f"SELECT * {{ ?a ?b 1SERVICE {EVIL} {{ ?s ?p ?o }} }}",  # two tokens to the parser
        f"SELECT * {{ ?a ?b trueSERVICE {EVIL} {{ ?s ?p ?o }} }}",
        f"SELECT * {{ ?s ?p ?o.SERVICE {EVIL} {{ ?s ?p ?o }} }}",  # a variable has no "."
        f"SELECT * {{ ?s ?p ex:.SERVICE {EVIL} {{ ?s ?p ?o }} }}",  # nor starts a local name
        f"SELECT * {{ ?s ex:p?-5.SERVICE {EVIL} {{ ?s ?p ?o }} }}",
        f"SELECT * {{ ?s ?p ex:a\\# . SERVICE {EVIL} {{ ?s ?p ?o }} }}",  # an escape, no comment
        f"SELECT * {{ ?s ?p ex:a\\' . SERVICE {EVIL} {{ ?s ?p ?o }} }} # '",
        f"SELECT * {{ VALUES ?x {{{EVIL}}} FILTER(1<2)SERVICE?x#>\n{{ ?s ?p ?o }} }}",
        f'SELECT * {{ ?s ?p "#" . SERVICE {EVIL} {{ ?s ?p ?o }} }}',
    ],
)
def test_a_keyword_the_parser_would_read_is_found(query: str) -> None:
    assert may_use(query, "SERVICE")


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?service ?from { ?service ?graph $from }",
        "SELECT * { ?s <http://example.org/service> ?o } # SERVICE in a comment",
        'SELECT * { ?s ?p \'service\', """SERVICE\n""" }',
        "PREFIX service: <x:> SELECT * { ?s service:service ?o ; :service ?p ; ex:a.service ?q }",
        "SELECT * { ?s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ?o }",
    ],
)
def test_names_strings_iris_and_comments_are_not_keywords(query: str) -> None:
    assert not may_use(query, "SERVICE", "GRAPH", "FROM")


def test_no_bundled_query_looks_like_it_uses_service_or_named_graphs() -> None:
    found = [n for n, q in library().items() if may_use(q.text, "SERVICE", "GRAPH", "FROM")]
    assert found == []


def test_keywords_are_the_bare_words_in_order() -> None:
    query = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> INSERT DATA { <a> <b> 'c' }"
    assert keywords(query) == ["PREFIX", "INSERT", "DATA"]
    assert keywords("# INSERT\nselect ?insert { ?s ex:delete 'drop' }") == ["SELECT"]
