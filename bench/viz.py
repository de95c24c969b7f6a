"""Benchmark of the interactive views: how long generating all of them takes, and how long
the overview takes to lay out in headless Chromium. Optionally saves the overview's
screenshot (the README's docs/overview.png).

    .venv/bin/python bench/viz.py                      # builds the bundled corpus to a temp dir
    .venv/bin/python bench/viz.py --data graph --screenshot docs/overview.png

Targets: all views together in under 3 s; the overview stable in the browser in under 5 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from brikg.analysis import load_graph
from brikg.pipeline import build_corpus, write_graph
from brikg.viz import main_views, write_views

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def time_generation(data_path: Path, out: Path, runs: int) -> dict[str, float]:
    """Best of ``runs``: reading the graph, and building and writing every main view, in
    wall-clock time and in CPU time (which a busy machine inflates less)."""
    loads, views, cpu = [], [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        data = load_graph(data_path)
        loaded = time.perf_counter()
        written = write_views(data, out, main_views(data))
        views.append(time.perf_counter() - loaded)
        loads.append(loaded - started)
        cpu.append(time.process_time() - started_cpu)
    return {"load": min(loads), "views": min(views), "cpu": min(cpu), "count": len(written)}


def time_browser(page_path: Path, runs: int, screenshot: Path | None) -> dict[str, float]:
    """Median over ``runs`` of the time from navigation to a laid-out, still overview."""
    from playwright.sync_api import sync_playwright

    ready, stabilizing = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for run in range(runs):
            page = browser.new_page(viewport={"width": 1500, "height": 950})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                       else r.abort())  # fmt: skip
            page.goto(page_path.as_uri())
            page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60_000)
            ready_at, stabilization = page.evaluate("[brikg.readyAt, brikg.stabilizationMs]")
            ready.append(ready_at / 1000)
            stabilizing.append(stabilization / 1000)
            if screenshot and run == runs - 1:
                page.wait_for_timeout(300)
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot))
            page.close()
        browser.close()
    return {"ready": statistics.median(ready), "stabilization": statistics.median(stabilizing)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="built graph folder (default: build corpus/)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--screenshot", type=Path, help="save the overview's screenshot here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        data_path = args.data
        if data_path is None:
            data_path = Path(temp) / "graph"
            write_graph(build_corpus(ROOT / "corpus"), data_path)
        out = Path(temp) / "viz"
        generation = time_generation(data_path, out, args.runs)
        browser = time_browser(out / "overview.html", args.runs, args.screenshot)
    total = generation["load"] + generation["views"]
    print("| measure | seconds | target |")
    print("|---|---:|---|")
    print(f"| read the graph (brikg.trig) | {generation['load']:.2f} | |")
    print(f"| build and write {generation['count']} views + index | {generation['views']:.2f} | |")
    print(f"| all views, together | {total:.2f} | < 3 |")
    print(f"| all views, together, CPU time | {generation['cpu']:.2f} | |")
    print(f"| overview: vis-network stabilisation | {browser['stabilization']:.2f} | |")
    print(f"| overview: navigation to laid-out page | {browser['ready']:.2f} | < 5 |")
    return 0 if total < 3 and browser["ready"] < 5 else 1


if __name__ == "__main__":
    sys.exit(main())
