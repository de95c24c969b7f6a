"""Interactive views as HTML: self-contained (nothing fetched), faithful to the graph, safe
against hostile document text, and filtered with a clear message when too large."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import build_graph

from brikg.analysis import EntityInfo, GraphData, Relation, Sentence, load_graph
from brikg.cli import cli
from brikg.errors import BrikgError, UsageError
from brikg.viz import (
    CLASS_COLORS,
    MAIN_VIEWS,
    PYVIS_LIB,
    TEMPLATES,
    _asset,
    main_views,
    make_view,
    render,
    write_views,
)
from brikg.vocab import ID

HOSTILE = '<script>alert(1)</script> "Quote"'
INJECTION_DOC = """\
Connectivity Progress Report

The project, named "The <script>alert(1)</script> Quote Bridge", is located in Laos.
The <script>alert(1)</script> "Quote" Bridge in Laos was completed in March 2022.
The <script>alert(1)</script> "Quote" Bridge is part of the China-Indochina Peninsula Economic Corridor.
China and Laos signed an agreement on the <script>alert(1)</script> "Quote" Bridge in 2021.
"""


class PageParser(HTMLParser):
    """Collects what the browser would load or run: script and link elements, their
    attributes, and each inline script's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[dict[str, str | None]] = []
        self.links: list[dict[str, str | None]] = []
        self.tags: list[str] = []
        self.inline: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "script":
            self.scripts.append(dict(attrs))
            self._in_script = True
            self.inline.append("")
        elif tag == "link":
            self.links.append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.inline[-1] += data


def parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    return parser


def payload(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="brikg-data">(.*?)</script>', html,
                      re.S)  # fmt: skip
    assert match, "no data block"
    return json.loads(match.group(1))


URL = re.compile(r"https?://", re.I)


def assert_offline(html: str) -> None:
    page = parse(html)
    for element in page.scripts + page.links:
        for attribute in ("src", "href"):
            value = element.get(attribute)
            assert value is None or not URL.match(value), f"fetches {value}"
    assert not any(s.get("src") for s in page.scripts), "every script is inline"
    assert not page.links, "every stylesheet is inline"
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert "cdnjs" not in html and "jsdelivr" not in html and "bootstrap" not in html.lower()
    assert "sourceMappingURL" not in html


@pytest.fixture(scope="module")
def data(built_graph: Path) -> GraphData:
    return load_graph(built_graph)


@pytest.fixture(scope="module")
def views_dir(data: GraphData, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("viz")
    write_views(data, out)
    return out


def test_main_views_are_self_contained(views_dir: Path, data: GraphData) -> None:
    names = {p.stem for p in views_dir.glob("*.html")}
    assert set(MAIN_VIEWS) | {"index"} <= names
    assert any(name.startswith("country-") for name in names)
    for path in views_dir.glob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert_offline(html)
        if path.stem != "index":
            page = parse(html)
            assert len(page.scripts) == 3  # vis-network, the data block, the page's script
            assert "vis.Network" in html and "vis-network" in html.lower()
    index = (views_dir / "index.html").read_text(encoding="utf-8")
    for name in MAIN_VIEWS:
        assert f'href="{name}.html"' in index


def test_view_data_matches_the_graph(data: GraphData) -> None:
    view = make_view(data, "overview")
    html = render(data, view)
    block = payload(html)
    ids = [node["id"] for node in block["nodes"]]
    assert len(ids) == len(set(ids)) == view.nodes == view.drawn_nodes
    assert len(block["edges"]) == view.edges == view.drawn_edges
    assert set(ids) == {str(n) for n in view.graph}
    for edge in block["edges"]:
        assert edge["from"] in set(ids) and edge["to"] in set(ids)
        assert edge["label"] and edge["info"]["relation"]
    china = next(n for n in block["nodes"] if n["id"] == f"{ID}country/cn")
    assert china["info"]["en"] == "China" and china["info"]["zh"] == "中国"
    assert china["info"]["type"] == "Country" and china["info"]["typeZh"] == "国家"
    assert china["color"]["background"] == CLASS_COLORS["Country"]
    assert china["info"]["quotes"] and all(q["text"] for q in china["info"]["quotes"])
    # sized by degree: the biggest node is the most connected one
    assert china["value"] == max(n["value"] for n in block["nodes"])
    legend = {c["name"]: c["count"] for c in block["classes"]}
    assert sum(legend.values()) == len(ids)
    assert block["options"]["physics"]["stabilization"]["iterations"] > 0


def test_timeline_places_events_by_date(data: GraphData) -> None:
    view = make_view(data, "timeline")
    block = payload(render(data, view))
    events = {n["id"]: n for n in block["nodes"] if n.get("shape") == "diamond"}
    assert len(events) == len(data.events)
    by_iri = {e.iri: e for e in data.events}
    ordered = sorted(events.values(), key=lambda n: n["x"])
    dates = [by_iri[n["id"]].sort_date for n in ordered]
    assert dates == sorted(dates)
    years = [n for n in block["nodes"] if n["id"].startswith("axis:year:")]
    assert years and view.drawn_nodes == view.nodes + len(years)
    assert block["options"]["physics"]["enabled"] is False


def test_country_and_entity_views(data: GraphData) -> None:
    view = make_view(data, "country", "cn")
    assert view.name == "country-cn" and f"{ID}country/cn" in view.graph
    assert any(key == "comention" for _, _, key in view.graph.edges(keys=True))
    assert make_view(data, "entity", "country/cn").graph.number_of_nodes() == view.nodes
    assert make_view(data, "entity", "中国").name == "country-cn"
    with pytest.raises(BrikgError, match="no country"):
        make_view(data, "country", "XX")
    with pytest.raises(BrikgError, match="no entity"):
        make_view(data, "entity", "project/not-a-thing")
    with pytest.raises(UsageError):
        make_view(data, "country")


def test_large_views_keep_the_most_central_nodes(data: GraphData) -> None:
    full = make_view(data, "overview")
    small = make_view(data, "overview", max_nodes=20)
    assert small.nodes == 20 and small.omitted == full.nodes - 20
    assert f"{ID}country/cn" in small.graph  # the hub stays
    assert "left out" in small.notice and f"{full.nodes - 20:,}" in small.notice
    html = render(data, small)
    assert "left out" in html and payload(html)["nodes"].__len__() == 20


def test_rendering_is_deterministic(data: GraphData) -> None:
    assert render(data, make_view(data, "corridors")) == render(data, make_view(data, "corridors"))


@pytest.fixture(scope="module")
def hostile_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    return build_graph(folder, {"injection-report.txt": INJECTION_DOC})


def hostile_data() -> GraphData:
    """A graph made by hand whose every string is hostile: labels, IRIs, quotes, titles."""
    bad = iri_bad = f'{ID}project/x"><script>alert(2)</script>'
    country = f"{ID}country/la"
    return GraphData(
        entities={
            bad: EntityInfo(
                bad, "Project", en=f"The {HOSTILE} Bridge", zh="</script><script>alert(3)</script>"
            ),
            country: EntityInfo(
                country,
                "Country",
                en="Laos</title><img src=x onerror=alert(4)>",
                zh="老挝",
                iso="LA",
            ),
        },  # fmt: skip
        relations=[Relation(iri_bad, "locatedIn", country, "s")],
        mentions=[(bad, "s"), (country, "s")],
        sentences={"s": Sentence("s", f"The {HOSTILE} Bridge & <b>bold</b> in Laos.", "d")},
        documents={"d": "<script>alert(5)</script> title"},
    )


def assert_no_injection(html: str) -> None:
    page = parse(html)
    assert len(page.scripts) == 3, "a document string added a script element"
    assert page.scripts[1] == {"type": "application/json", "id": "brikg-data"}
    assert "img" not in page.tags and "b" not in page.tags
    assert page.inline[0] == _asset(PYVIS_LIB / "vis-network.min.js")
    assert page.inline[2] == _asset(TEMPLATES / "view.js")
    assert "<script>alert" not in html and "</script><script>" not in html


def test_hostile_corpus_cannot_inject(hostile_graph: Path, tmp_path: Path) -> None:
    data = load_graph(hostile_graph)
    assert any("<script>alert(1)</script>" in s.text for s in data.sentences.values())
    assert any('"' in e.label or "<" in e.label for e in data.entities.values())
    views = write_views(data, tmp_path, main_views(data))
    for view in views:
        html = (tmp_path / f"{view.name}.html").read_text(encoding="utf-8")
        assert_offline(html)
        assert_no_injection(html)
        # the text is still there, as data
        block = payload(html)
        quotes = [q["text"] for n in block["nodes"] for q in n.get("info", {}).get("quotes", [])]
        if view.nodes:
            assert any("<script>alert(1)</script>" in q for q in quotes), view.name


def test_hostile_labels_iris_and_titles_cannot_inject(tmp_path: Path) -> None:
    data = hostile_data()
    for kind, target in (("overview", None), ("entity", f"{ID}country/la")):
        view = make_view(data, kind, target)
        html = render(data, view, index_link=True)
        assert_no_injection(html)
        block = payload(html)
        labels = {n["label"] for n in block["nodes"]}
        assert f"The {HOSTILE} Bridge" in labels
    view = make_view(data, "entity", f"{ID}country/la")
    html = render(data, view)
    # the page title and heading carry the label, escaped by the template
    assert "&lt;/title&gt;&lt;img src=x onerror=alert(4)&gt;" in html


def test_cli_viz(built_graph: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "cn.html"
    result = runner.invoke(cli, ["viz", "--data", str(built_graph), "--kind", "country", "CN",
                                 "--out", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert out.is_file() and "nodes" in result.output
    result = runner.invoke(cli, ["viz", "--data", str(built_graph), "--kind", "overview",
                                 "--max-nodes", "25", "--out", str(tmp_path / "o.html")])  # fmt: skip
    assert result.exit_code == 0 and "note:" in result.output and "left out" in result.output
    result = runner.invoke(cli, ["viz", "--data", str(built_graph), "--out",
                                 str(tmp_path / "all")])  # fmt: skip
    assert result.exit_code == 0 and (tmp_path / "all" / "index.html").is_file()
    result = runner.invoke(cli, ["viz", "--data", str(built_graph), "--kind", "country", "ZZ",
                                 "--out", str(tmp_path / "z.html")])  # fmt: skip
    assert result.exit_code == 1 and "no country" in result.output
    assert not (tmp_path / "z.html").exists()
