"""Time every bundled query on both embedded engines and print a Markdown table.

    .venv/bin/python bench/queries.py [--data graph/brikg.trig] [--runs 15] [--rdflib-runs 3]

Each cell is the median of the runs, results fully read. Oxigraph is timed before rdflib is
loaded, so that rdflib's millions of Python objects do not lengthen Oxigraph's timings through
garbage collection. The budget is 20 ms a query on Oxigraph; the exit status is 1 if a query is
over it, so a slow query is noticed and rewritten.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from machine import describe  # bench/machine.py, beside this script
from run import time_runs  # bench/run.py, beside this script

from brikg.queries import library
from brikg.store import (
    Engine,
    OxigraphEngine,
    RdflibEngine,
    Term,
    comparable_rows,
    load_quads,
)


def median_ms(
    engine: Engine, text: str, bindings: dict[str, Term], runs: int
) -> tuple[float, float]:
    """Median wall-clock and processor milliseconds of ``runs`` runs.

    Processor time is shown beside wall time because a shared machine's load stretches the
    wall clock; the budget is judged on wall time all the same.
    """
    wall, cpu = time_runs(engine, text, bindings, runs)  # after a warm-up run
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("graph/brikg.trig"))
    parser.add_argument("--runs", type=int, default=15, help="runs per query on Oxigraph")
    parser.add_argument("--rdflib-runs", type=int, default=3, help="runs per query on rdflib")
    parser.add_argument("--no-rdflib", action="store_true", help="time Oxigraph only")
    parser.add_argument("--budget-ms", type=float, default=20.0)
    args = parser.parse_args()

    # Not kept: a million parsed quads kept alive lengthen every timing below through the
    # garbage collector (25-40% at 1M triples); rdflib reads them again if it runs.
    quad_count = len(load_quads(args.data))
    queries = library()
    started = time.perf_counter()
    oxigraph = OxigraphEngine.from_file(args.data)  # as `brikg query` loads it
    load_ox = time.perf_counter() - started
    bindings = {name: query.bindings(None, oxigraph) for name, query in queries.items()}
    fast = {
        name: median_ms(oxigraph, query.text, bindings[name], args.runs)
        for name, query in queries.items()
    }
    rows = {name: len(oxigraph.query(q.text, bindings[name]).rows) for name, q in queries.items()}

    slow: dict[str, tuple[float, float]] = {}
    same: dict[str, bool] = {}
    load_rdflib = 0.0
    if not args.no_rdflib:
        started = time.perf_counter()
        reference = RdflibEngine(load_quads(args.data))
        load_rdflib = time.perf_counter() - started
        for name, query in queries.items():
            slow[name] = median_ms(reference, query.text, bindings[name], args.rdflib_runs)
            same[name] = comparable_rows(oxigraph.query(query.text, bindings[name])) == (
                comparable_rows(reference.query(query.text, bindings[name]))
            )

    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"{args.data}: {quad_count} quads; {describe()}; load average {load}; "
        f"store load {load_ox:.1f} s (Oxigraph)"
        + (f", {load_rdflib:.1f} s (rdflib)" if slow else "")
    )
    print()
    head = "| query | rows | Oxigraph wall (ms) | Oxigraph CPU (ms) |"
    rule = "|---|---:|---:|---:|"
    if slow:
        head += " rdflib wall (ms) | same rows |"
        rule += "---:|:---:|"
    print(head)
    print(rule)
    for name in queries:
        wall, cpu = fast[name]
        line = f"| {name} | {rows[name]} | {wall:.1f} | {cpu:.1f} |"
        if slow:
            line += f" {slow[name][0]:.0f} | {'yes' if same[name] else 'NO'} |"
        print(line)
    over = {name: ms for name, (ms, _cpu) in fast.items() if ms >= args.budget_ms}
    print()
    if over:
        listed = ", ".join(f"{name} ({ms:.1f} ms)" for name, ms in over.items())
        print(f"over the {args.budget_ms:g} ms budget on Oxigraph: {listed}")
    else:
        print(
            f"every query under {args.budget_ms:g} ms on Oxigraph "
            f"(median wall time of {args.runs} runs)"
        )
    if slow and not all(same.values()):
        print("engines disagree on: " + ", ".join(n for n, ok in same.items() if not ok))
    return 1 if over or (slow and not all(same.values())) else 0


if __name__ == "__main__":
    sys.exit(main())
