"""The views as a person sees them: each page opened in headless Chromium (Debian's
/usr/bin/chromium, driven by Playwright), with every request that is not file:// or
127.0.0.1 aborted and recorded. A page must lay out its network, draw as many nodes as
Python put in, log no error, fetch nothing, and never run a document's script."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import build_graph
from test_viz import INJECTION_DOC, hostile_data  # tests/ is on sys.path (rootdir mode)

from brikg.analysis import load_graph
from brikg.viz import CLASS_COLORS, View, make_view, render, write_views
from brikg.vocab import ID

pytest.importorskip("playwright.sync_api")

READY = "body[data-ready=true]"


@dataclass
class Visit:
    """What happened while a page was open."""

    page: object
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def _local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("file", "data", "blob") or parsed.hostname == "127.0.0.1"


def visit(browser: object, path: Path) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    record = Visit(page)

    def route(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if _local(url):
            route.continue_()  # type: ignore[attr-defined]
        else:
            record.blocked.append(url)
            route.abort()  # type: ignore[attr-defined]

    def dialog(box: object) -> None:
        record.dialogs.append(box.message)  # type: ignore[attr-defined]
        box.dismiss()  # type: ignore[attr-defined]

    context.route("**/*", route)
    page.on("request", lambda request: record.requests.append(request.url))
    page.on("console", lambda m: record.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: record.errors.append(str(error)))
    page.on("dialog", dialog)
    page.goto(path.as_uri())
    page.wait_for_selector(READY, state="attached", timeout=30_000)
    try:
        yield record
    finally:
        context.close()


def assert_clean(record: Visit) -> None:
    assert record.errors == [], record.errors
    assert record.blocked == [], f"requests left the machine: {record.blocked}"
    assert all(_local(url) for url in record.requests), record.requests
    assert record.dialogs == [], f"a dialog fired: {record.dialogs}"


def drawn(record: Visit) -> dict:
    """The page's own account of what it drew, and how many pixels of the canvas are ink."""
    return record.page.evaluate(  # type: ignore[attr-defined]
        """() => {
            const canvas = document.querySelector('#network canvas');
            const pixels = canvas.getContext('2d')
                .getImageData(0, 0, canvas.width, canvas.height).data;
            let ink = 0;
            for (let i = 0; i < pixels.length; i += 4) {
                if (pixels[i + 3] > 200 && (pixels[i] < 200 || pixels[i + 1] < 200
                    || pixels[i + 2] < 200)) ink++;
            }
            return {
                nodes: brikg.nodes.length, edges: brikg.edges.length,
                expectedNodes: brikg.expectedNodes, expectedEdges: brikg.expectedEdges,
                positions: Object.keys(brikg.network.getPositions()).length,
                scripts: document.querySelectorAll('script').length, ink: ink,
            };
        }"""
    )


@pytest.fixture(scope="module")
def views(built_graph: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[View]]:
    out = tmp_path_factory.mktemp("views")
    return out, write_views(load_graph(built_graph), out)


def test_every_view_draws_all_its_nodes_offline(browser: object, views: tuple) -> None:
    folder, written = views
    assert len(written) >= 6
    for view in written:
        for record in visit(browser, folder / f"{view.name}.html"):
            assert_clean(record)
            seen = drawn(record)
            assert seen["nodes"] == seen["expectedNodes"] == view.drawn_nodes, view.name
            assert seen["edges"] == seen["expectedEdges"] == view.drawn_edges, view.name
            assert seen["positions"] == view.drawn_nodes, view.name
            assert seen["scripts"] == 3, view.name
            assert seen["ink"] > 500, f"{view.name}: the canvas is blank"


def test_index_links_every_view(browser: object, views: tuple) -> None:
    folder, written = views
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto((folder / "index.html").as_uri())
    links = page.eval_on_selector_all("a", "links => links.map(a => a.getAttribute('href'))")
    assert links == [f"{view.name}.html" for view in written]
    context.close()


def _dom_point(record: Visit, node_id: str) -> dict:
    return record.page.evaluate(  # type: ignore[attr-defined]
        """(id) => {
            const position = brikg.network.getPositions([id])[id];
            const point = brikg.network.canvasToDOM(position);
            const box = document.querySelector('#network').getBoundingClientRect();
            return {x: point.x + box.left, y: point.y + box.top};
        }""",
        node_id,
    )


def test_overview_as_a_reader_uses_it(browser: object, views: tuple) -> None:
    folder, _ = views
    china = f"{ID}country/cn"
    for record in visit(browser, folder / "overview.html"):
        page = record.page
        # the canvas shows China in the Country colour where the network says it is
        point = _dom_point(record, china)
        pixel = page.evaluate(  # type: ignore[attr-defined]
            """([x, y]) => {
                const canvas = document.querySelector('#network canvas');
                const box = canvas.getBoundingClientRect();
                const ratio = canvas.width / box.width;
                const d = canvas.getContext('2d').getImageData(
                    Math.round((x - box.left) * ratio), Math.round((y - box.top) * ratio), 1, 1
                ).data;
                return [d[0], d[1], d[2]];
            }""",
            [point["x"], point["y"]],
        )
        expected = CLASS_COLORS["Country"]
        rgb = [int(expected[i : i + 2], 16) for i in (1, 3, 5)]
        assert all(abs(a - b) < 40 for a, b in zip(pixel, rgb, strict=True)), pixel
        # the hubs are named at this zoom, and no two of their labels overlap
        boxes = page.evaluate(  # type: ignore[attr-defined]
            """() => brikg.nodes.get({filter: n => n.screenFont && n.font
                      && n.font.size > 12}).map(n => brikg.network.getBoundingBox(n.id))"""
        )
        assert len(boxes) >= 5 and page.evaluate("brikg.labelsShown") == len(boxes)  # type: ignore[attr-defined]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                apart = (a["right"] <= b["left"] or b["right"] <= a["left"]
                         or a["bottom"] <= b["top"] or b["bottom"] <= a["top"])  # fmt: skip
                assert apart, (a, b)
        # hovering shows a tooltip with both names and a quote
        page.mouse.move(point["x"], point["y"])  # type: ignore[attr-defined]
        tooltip = page.locator("div.vis-tooltip")  # type: ignore[attr-defined]
        tooltip.wait_for(state="visible", timeout=5_000)
        text = tooltip.inner_text()
        assert "China" in text and "中国" in text and "Country" in text and "—" in text
        # searching by the Chinese name opens the details panel
        page.fill("#search", "中国")  # type: ignore[attr-defined]
        page.press("#search", "Enter")  # type: ignore[attr-defined]
        details = page.locator("#details")  # type: ignore[attr-defined]
        details.wait_for(state="visible")
        assert "China" in details.inner_text() and "stated relations" in details.inner_text()
        assert page.evaluate("brikg.network.getSelectedNodes()") == [china]  # type: ignore[attr-defined]
        # the legend hides a class; "Show all" brings it back
        countries = page.evaluate(  # type: ignore[attr-defined]
            "brikg.nodes.get({filter: n => n.cls === 'Country'}).length"
        )
        page.click(".legend-item[data-cls=Country]")  # type: ignore[attr-defined]
        hidden = "brikg.nodes.get({filter: n => n.hidden}).length"
        assert page.evaluate(hidden) == countries > 0  # type: ignore[attr-defined]
        page.uncheck("#relations input[data-rel=locatedIn]")  # type: ignore[attr-defined]
        assert page.evaluate(  # type: ignore[attr-defined]
            "brikg.edges.get({filter: e => e.hidden}).length"
        ) == page.evaluate("brikg.edges.get({filter: e => e.rel === 'locatedIn'}).length")  # type: ignore[attr-defined]
        page.click("#reset")  # type: ignore[attr-defined]
        assert page.evaluate(hidden) == 0  # type: ignore[attr-defined]
        assert_clean(record)


def _details_of(record: Visit, query: str) -> str:
    page = record.page
    page.fill("#search", query)  # type: ignore[attr-defined]
    page.press("#search", "Enter")  # type: ignore[attr-defined]
    page.locator("#details").wait_for(state="visible")  # type: ignore[attr-defined]
    return page.locator("#details").inner_text()  # type: ignore[attr-defined]


def test_hostile_corpus_runs_nothing(browser: object, tmp_path: Path) -> None:
    data = load_graph(build_graph(tmp_path, {"injection-report.txt": INJECTION_DOC}))
    written = write_views(data, tmp_path / "viz")
    for view in written:
        for record in visit(browser, tmp_path / "viz" / f"{view.name}.html"):
            assert_clean(record)  # no alert dialog, no error, nothing fetched
            seen = drawn(record)
            assert seen["scripts"] == 3 and seen["nodes"] == view.drawn_nodes
            if view.name == "overview":
                text = _details_of(record, "Bridge")
                assert "<script>alert(1)</script>" in text  # shown as text, not run
                assert record.page.locator("#details script").count() == 0  # type: ignore[attr-defined]


def test_hostile_labels_run_nothing(browser: object, tmp_path: Path) -> None:
    data = hostile_data()
    view = make_view(data, "overview")
    (tmp_path / "hostile.html").write_text(render(data, view), encoding="utf-8")
    for record in visit(browser, tmp_path / "hostile.html"):
        assert_clean(record)
        assert drawn(record)["nodes"] == 2
        text = _details_of(record, "Quote")
        assert '<script>alert(1)</script> "Quote"' in text
        assert "</script><script>alert(3)</script>" in text
        assert record.page.title().startswith("Overview")  # type: ignore[attr-defined]
        # hovering the hostile node still only shows text
        point = _dom_point(record, next(n for n in view.graph if "project" in str(n)))
        record.page.mouse.move(point["x"], point["y"])  # type: ignore[attr-defined]
        record.page.locator("div.vis-tooltip").wait_for(state="visible", timeout=5_000)  # type: ignore[attr-defined]
        assert record.page.locator("div.vis-tooltip script, div.vis-tooltip img").count() == 0  # type: ignore[attr-defined]
        assert record.dialogs == []
