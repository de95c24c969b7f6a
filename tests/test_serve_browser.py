"""The query page in a real browser: headless Chromium (Debian's) driven by Playwright.

Picks bundled queries, runs them, reads the result table, and checks that the page logged no
error and made no request beyond 127.0.0.1. A hostile string in the graph must show as text.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM
from test_serve import Server, start, stop

pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium (make system-deps installs it)"
)


@pytest.fixture(scope="module")
def hostile_graph(built_graph: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built graph plus one label made to look like markup."""
    folder = tmp_path_factory.mktemp("hostile")
    data = folder / "brikg.trig"
    extra = (
        "\n<https://w3id.org/brikg/id/graph/test> {\n"
        "  <https://w3id.org/brikg/id/project/test-markup> a <https://w3id.org/brikg/ontology#Project> ;\n"
        '    <http://www.w3.org/2004/02/skos/core#prefLabel> "<img src=x onerror=alert(1)><b>bold</b>"@en .\n'
        "}\n"
    )
    data.write_text((built_graph / "brikg.trig").read_text(encoding="utf-8") + extra, "utf-8")
    return data


@pytest.fixture(scope="module")
def server(hostile_graph: Path) -> Iterator[Server]:
    running = start(hostile_graph)
    try:
        yield running
    finally:
        stop(running)


@pytest.fixture()
def page(browser: object, server: Server) -> Iterator[tuple[object, list[str], list[str]]]:
    context = browser.new_context()  # type: ignore[attr-defined]
    try:
        tab = context.new_page()
        errors: list[str] = []
        requests: list[str] = []
        tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.on("request", lambda r: requests.append(r.url))
        tab.goto(server.url + "/")
        tab.wait_for_selector("#picker option[value='timeline']", state="attached")
        yield tab, errors, requests
    finally:
        context.close()


def table_rows(tab: object) -> list[list[str]]:
    return tab.eval_on_selector_all(  # type: ignore[attr-defined]
        "#result-table tbody tr",
        "rows => rows.map(r => [...r.cells].map(c => c.textContent))",
    )


def header(tab: object) -> list[str]:
    return tab.eval_on_selector_all(  # type: ignore[attr-defined]
        "#result-table thead th", "cells => cells.map(c => c.textContent)"
    )


def run_picked(tab: object, name: str, **params: str) -> list[dict[str, str]]:
    tab.select_option("#picker", name)  # type: ignore[attr-defined]
    for key, value in params.items():
        tab.fill(f"#param-{key}", value)  # type: ignore[attr-defined]
    tab.click("#run")  # type: ignore[attr-defined]
    # selectors, not wait_for_function: the page's CSP forbids the eval that would need
    tab.wait_for_selector(  # type: ignore[attr-defined]
        "#status:has-text('row'), #error:not([hidden])"
    )
    names = header(tab)
    return [dict(zip(names, row, strict=True)) for row in table_rows(tab)]


def only_local(server: Server, requests: list[str]) -> None:
    hosts = {urllib.parse.urlsplit(url).netloc for url in requests}
    assert hosts == {urllib.parse.urlsplit(server.url).netloc}, hosts


def test_pick_and_run_a_bundled_query(server: Server, page: tuple) -> None:
    tab, errors, requests = page
    rows = run_picked(tab, "projects-by-country")
    assert any(r["label"] == "China-Laos Railway" and r["country"] == "LA" for r in rows)
    assert "Which projects are located in a given country" in tab.text_content("#question")
    croatia = run_picked(tab, "projects-by-country", country="HR")
    assert any(r["label"] == "Peljesac Bridge" for r in croatia)
    assert run_picked(tab, "projects-by-country", country="Croatia") == croatia
    assert run_picked(tab, "projects-by-country", country="Atlantis") == []
    assert "?country" in tab.text_content("#error")  # type: ignore[attr-defined]
    assert len(errors) == 1 and "400" in errors[0]  # the browser logs the refused request
    only_local(server, requests)


def test_entity_parameter_by_label(server: Server, page: tuple) -> None:
    tab, errors, requests = page
    rows = run_picked(tab, "evidence", entity="Peljesac Bridge")
    assert rows and all("Peljesac Bridge" in r["quote"] or "Pelješac" in r["quote"] for r in rows)
    assert any(r["other"] == "id:country/hr" for r in rows)
    assert errors == []
    only_local(server, requests)


def test_own_query_errors_and_markup_as_text(server: Server, page: tuple) -> None:
    tab, errors, requests = page
    tab.fill("#query", "SELECT ?x WHERE {\n ?x ?y }")
    tab.click("#run")
    tab.wait_for_selector("#error:not([hidden])")
    assert "HTTP 400: malformed SPARQL query: line 2" in tab.text_content("#error")
    tab.fill(
        "#query",
        "SELECT ?label WHERE { <https://w3id.org/brikg/id/project/test-markup> "
        "<http://www.w3.org/2004/02/skos/core#prefLabel> ?label }",
    )
    tab.click("#run")
    tab.wait_for_selector("#result-table")
    assert table_rows(tab) == [["<img src=x onerror=alert(1)><b>bold</b>"]]
    assert tab.query_selector("#results img") is None and tab.query_selector("#results b") is None
    # the failed fetch of the 400 is logged by the browser as a console error; nothing else is
    assert all("400" in message for message in errors), errors
    only_local(server, requests)
