"""``make bench``: build throughput per stage, --jobs 1 vs 2, incremental rebuilds, peak memory,
and the bundled SPARQL queries on rdflib and Oxigraph; writes bench/results.md.

    .venv/bin/python bench/run.py                        # bundled, 10x, 100x; SPARQL at 10k-1M
    .venv/bin/python bench/run.py --scales 1,10 --sparql 10000,100000   # a quicker run
    .venv/bin/python bench/run.py --scales 1000          # what a bigger machine can afford

Every build runs in a fresh process (``--child``), timed from the moment brikg is imported
("after start-up"), with its stages timed by wrapping the functions the build calls; this
process samples the PSS of the build's whole process tree for peak memory. Synthetic corpora
come from bench/generate.py (seed 1) and are written under --work (default /tmp/brikg-bench).
Nothing here extrapolates: what was not run is listed as not run, with the reason.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from machine import cpu_model, interpreter  # bench/machine.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results.md"
SNAPSHOT_PARTS = ("src", "ontology", "queries", "corpus")
_ENV: dict[str, str] = dict(os.environ)  # for children: PYTHONPATH points at the snapshot
_SNAPSHOT_NOTE = ""
_SPARQL_NOTE = [""]  # set when the SPARQL part ran on a later snapshot (--sparql-only)
SEED = 1
MB = 1_000_000


# --- the child: one instrumented build --------------------------------------------------------


def child_build(corpus: Path, out: Path, jobs: int, cache: Path | None) -> dict[str, Any]:
    """Build ``corpus`` into ``out`` with stage timers around the functions the build calls.

    With ``jobs`` > 1 the per-document stages run in workers, whose timers this process does
    not see; only the parent's stages (resolve, relate) and the totals are then reported.
    """
    import resource

    import brikg.parallel as par
    import brikg.pipeline as pipe

    timers: dict[str, float] = {}
    cpu: dict[str, float] = {}

    def add(stage: str, wall: float, processor: float) -> None:
        timers[stage] = timers.get(stage, 0.0) + time.perf_counter() - wall
        cpu[stage] = cpu.get(stage, 0.0) + time.process_time() - processor

    def timed(module: Any, name: str, stage: str) -> None:
        function = getattr(module, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            wall, processor = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                add(stage, wall, processor)

        setattr(module, name, wrapper)

    timed(par, "_load", "load")
    timed(pipe, "segment", "segment")
    timed(par, "recognise_document", "segment+recognise")
    timed(par, "link_documents", "resolve+relate")
    timed(par, "document_quads", "rdf")
    timed(par, "static_quads", "rdf")
    # Tables derived once per process on first use (the city index, the Chinese dictionary):
    # a fixed cost like start-up, shown apart so that the per-megabyte rates are rates.
    import brikg.places as places
    from brikg.recognize.zh_words import Words

    timed(places, "cached_table", "tables")
    # The Chinese dictionary is derived (Words._build) and then loaded into the segmenter, one
    # word at a time (86,000 calls): both on the first call of Words._load, the one timed.
    load_words = Words._load

    def first_load(words: Any) -> Any:
        if words._jieba is not None:
            return load_words(words)
        wall, processor = time.perf_counter(), time.process_time()
        try:
            return load_words(words)
        finally:
            add("tables", wall, processor)

    Words._load = first_load  # type: ignore[method-assign]
    resolver = pipe.Resolver

    class TimedResolver(resolver):  # type: ignore[misc, valid-type]
        def __call__(self, corpus: Any) -> Any:
            wall, processor = time.perf_counter(), time.process_time()
            try:
                return super().__call__(corpus)
            finally:
                add("resolve", wall, processor)

    pipe.Resolver = TimedResolver  # type: ignore[misc]

    started, started_cpu = time.perf_counter(), time.process_time()
    corpus_ir, report = par.extract_corpus(corpus, jobs=jobs, cache=cache)
    extracted, extracted_cpu = time.perf_counter(), time.process_time()
    stats = pipe.write_graph(corpus_ir, out, jobs=jobs)
    finished, finished_cpu = time.perf_counter(), time.process_time()
    size = sum(doc.path.stat().st_size for doc in corpus_ir.documents if doc.path)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pools' workers, joined by now
    return {
        "brikg": str(Path(par.__file__).parent),
        "jobs": report.jobs,
        "documents": report.documents,
        "extracted": report.extracted,
        "cached": report.cached,
        "bytes": size,
        "triples": stats["triples"],
        "quads": stats["quads"],
        "entities": stats["entities"],
        "extract_s": extracted - started,
        "write_s": finished - extracted,
        "total_s": finished - started,
        "extract_cpu_s": extracted_cpu - started_cpu,
        "write_cpu_s": finished_cpu - extracted_cpu,
        "parent_cpu_s": finished_cpu - started_cpu,
        "workers_cpu_s": workers.ru_utime + workers.ru_stime,
        "timers": timers,
        "cpu": cpu,
        "maxrss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000,
        "maxrss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1000,
    }


# --- this process: run children, sample their memory -------------------------------------------


def _tree(pid: int) -> list[int]:
    pids, stack = [], [pid]
    while stack:
        current = stack.pop()
        pids.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(p) for p in (task / "children").read_text().split())
        except OSError:
            continue
    return pids


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class MemorySampler:
    """Peak PSS of a process tree (shared pages counted once, in proportion), every 0.2 s."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            total = sum(_pss_kb(pid) for pid in _tree(self.pid))
            self.peak_kb = max(self.peak_kb, total)
            self._stop.wait(0.2)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_kb / 1000


def snapshot(work: Path) -> Path:
    """A copy of the code, ontology, queries and corpus this run measures.

    Other engineers edit this checkout while a bench runs; without a copy, builds of one run
    would measure different code, and every edit would change the extractor's fingerprint and
    empty the incremental cache halfway through.
    """
    global _SNAPSHOT_NOTE
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    changed = subprocess.run(
        ["git", "status", "--porcelain", "--", *SNAPSHOT_PARTS],
        cwd=ROOT, capture_output=True, text=True,
    ).stdout.split("\n")  # fmt: skip
    changed_files = sorted(line[3:] for line in changed if line.strip())
    _SNAPSHOT_NOTE = (
        f"a snapshot of the working tree taken when the run started (commit {commit}; "
        f"files then uncommitted or new: {', '.join(changed_files) or 'none'})"
    )
    target = work / "snapshot"
    shutil.rmtree(target, ignore_errors=True)
    for part in SNAPSHOT_PARTS:
        shutil.copytree(
            ROOT / part, target / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
        )
    source = str(target / "src")
    sys.path.insert(0, source)
    _ENV["PYTHONPATH"] = os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))
    return target


def run_build(corpus: Path, out: Path, jobs: int, cache: Path | None = None) -> dict[str, Any]:
    """One build in a fresh process; its report plus the sampled peak memory."""
    command = [sys.executable, str(Path(__file__)), "--child", str(corpus), str(out), str(jobs)]
    if cache is not None:
        command.append(str(cache))
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_ENV
    )
    sampler = MemorySampler(process.pid)
    stdout, stderr = process.communicate()
    peak = sampler.stop()
    if process.returncode != 0:
        raise RuntimeError(f"build of {corpus} failed:\n{stderr}")
    result = json.loads(stdout.strip().splitlines()[-1])
    if "PYTHONPATH" in _ENV and not result["brikg"].startswith(
        _ENV["PYTHONPATH"].split(os.pathsep)[0]
    ):
        raise RuntimeError(f"the build imported {result['brikg']}, not the snapshot")
    result["wall_with_startup_s"] = time.perf_counter() - started
    result["peak_pss_mb"] = peak
    result["load_avg"] = os.getloadavg()[0]
    return result


# --- corpora ----------------------------------------------------------------------------------


def synthetic(work: Path, scale: float | None = None, docs: int | None = None) -> Path:
    """A synthetic corpus under ``work``, generated once per size (seed fixed)."""
    name = f"x{scale:g}" if scale is not None else f"docs{docs}"
    folder = work / "corpora" / name
    if not (folder / "manifest.toml").exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "generate.py"), "--seed", str(SEED),
             "--out", str(folder)]
            + (["--scale", f"{scale:g}"] if scale is not None else ["--docs", str(docs)]),
            check=True, stdout=subprocess.DEVNULL, env=_ENV,
        )  # fmt: skip
    return folder


def corpus_bytes(folder: Path) -> int:
    from brikg.corpus import iter_sources

    return sum(path.stat().st_size for path in iter_sources(folder))


# --- build benchmarks ---------------------------------------------------------------------------


STAGES = ("tables", "load", "segment", "recognise", "resolve", "relate", "to RDF", "serialise")


def stage_seconds(result: dict[str, Any], clock: str = "cpu") -> dict[str, float]:
    """Per-stage seconds of a one-job build (see :func:`child_build`): ``cpu`` for processor
    time, ``timers`` for wall time."""
    timers = result[clock]
    write = result["write_cpu_s" if clock == "cpu" else "write_s"]
    tables = timers.get("tables", 0.0)  # loaded lazily, inside recognition
    return {
        "tables": tables,
        "load": timers.get("load", 0.0),
        "segment": timers.get("segment", 0.0),
        "recognise": timers.get("segment+recognise", 0.0) - timers.get("segment", 0.0) - tables,
        "resolve": timers.get("resolve", 0.0),
        "relate": timers.get("resolve+relate", 0.0) - timers.get("resolve", 0.0),
        "to RDF": timers.get("rdf", 0.0),
        "serialise": write - timers.get("rdf", 0.0),
    }


def extraction_seconds(stages: dict[str, float]) -> float:
    """Extraction: the per-document stages of :func:`stage_seconds` (load, segment, recognise)."""
    return stages["load"] + stages["segment"] + stages["recognise"]


def total_cpu(build: dict[str, Any]) -> float:
    """Processor seconds of the whole build: the parent's and all its workers'."""
    return build["parent_cpu_s"] + build["workers_cpu_s"]


@dataclass
class Scale:
    label: str
    corpus: Path
    builds: dict[int, dict[str, Any]] = field(default_factory=dict)
    incremental: dict[str, dict[str, Any]] = field(default_factory=dict)


def bench_builds(
    scale: Scale, work: Path, jobs: list[int], incremental: bool, repeat: int = 1
) -> None:
    """Each job count ``repeat`` times, alternating, so that a burst of load elsewhere hits
    both; the run with the median wall time is kept, with every run's wall time beside it."""
    runs: dict[int, list[dict[str, Any]]] = {count: [] for count in jobs}
    for number in range(repeat):
        for count in jobs:
            out = work / "out" / f"{scale.label}-j{count}"
            shutil.rmtree(out, ignore_errors=True)
            print(f"  build {scale.label} --jobs {count} ({number + 1}/{repeat})", flush=True)
            runs[count].append(run_build(scale.corpus, out, count))
            shutil.rmtree(out, ignore_errors=True)
    for count, results in runs.items():
        ordered = sorted(results, key=lambda build: build["total_s"])
        chosen = dict(ordered[len(ordered) // 2])
        chosen["walls"] = [build["total_s"] for build in results]
        chosen["cpus"] = [total_cpu(build) for build in results]
        scale.builds[count] = chosen
    if incremental:
        bench_incremental(scale, work, max(jobs))


def bench_incremental(scale: Scale, work: Path, jobs: int) -> None:
    """Cold build with a cache, warm rebuild, rebuild after one document changed."""
    copy = work / "incremental" / scale.label
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(scale.corpus, copy)
    cache = work / "incremental" / f"{scale.label}-cache"
    shutil.rmtree(cache, ignore_errors=True)
    out = work / "out" / f"{scale.label}-incremental"
    print(f"  incremental {scale.label} --jobs {jobs}", flush=True)
    scale.incremental["cold"] = run_build(copy, out, jobs, cache)
    scale.incremental["unchanged"] = run_build(copy, out, jobs, cache)
    from brikg.corpus import iter_sources

    changed = iter_sources(copy)[0]
    with changed.open("a", encoding="utf-8") as stream:
        stream.write("\nThe Tarvelo Deep-sea Port in Ghana was completed on 14 March 2024.\n")
    scale.incremental["one changed"] = run_build(copy, out, jobs, cache)
    shutil.rmtree(out, ignore_errors=True)


# --- SPARQL -----------------------------------------------------------------------------------


@dataclass
class QueryTimes:
    """Seconds per run: wall clock, and processor time (robust to a busy machine)."""

    oxigraph: list[float] = field(default_factory=list)
    oxigraph_cpu: list[float] = field(default_factory=list)
    rdflib: list[float] = field(default_factory=list)
    rdflib_cpu: list[float] = field(default_factory=list)
    rdflib_note: str = ""
    rows: int = 0
    error: str = ""


@dataclass
class SparqlSize:
    target: int
    corpus: Path
    triples: int = 0
    quads: int = 0
    load_oxigraph_s: float = 0.0
    load_rdflib_s: float = 0.0
    queries: dict[str, QueryTimes] = field(default_factory=dict)
    substitutions: dict[str, str] = field(default_factory=dict)


ENTITY_PARAMS = ("iri", "entity")


def _most_mentioned(engine: Any, kind: str) -> str | None:
    rows = engine.query(
        "SELECT ?e (COUNT(?m) AS ?n) WHERE { ?m <https://w3id.org/brikg/ontology#denotes> ?e "
        f'FILTER(STRSTARTS(STR(?e), "https://w3id.org/brikg/id/{kind}/")) }} '
        "GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 1"
    ).rows
    return rows[0][0].value if rows else None


def _bindings(query: Any, engine: Any) -> tuple[dict[str, Any], str]:
    """The query's bindings from its defaults (``brikg.queries``), except that an entity the
    synthetic graph does not name is replaced by the most-mentioned entity of the same kind
    (said in the results): a lookup of an absent entity would time nothing."""
    from pyoxigraph import NamedNode

    values: dict[str, str] = {}
    notes = []
    for param in query.params:
        default = (param.default or "").strip()
        if param.type not in ENTITY_PARAMS or default.startswith("brikg:"):
            continue
        if default.startswith("id:"):
            kind = default[3:].split("/", 1)[0]
        elif "/id/" in default:
            kind = default.split("/id/", 1)[1].split("/", 1)[0]
        else:
            kind = "project"  # a label, such as "Peljesac Bridge"
        try:
            term = param.term(default, engine) if param.type == "entity" else param.term(default)
            present = isinstance(term, NamedNode) and bool(
                engine.query(
                    "ASK { ?m <https://w3id.org/brikg/ontology#denotes> ?e }", {"e": term}
                ).boolean
            )
        except Exception:  # noqa: BLE001 - an unknown label: substitute it
            present = False
        if present:
            continue
        entity = _most_mentioned(engine, kind)
        if entity is not None:
            values[param.name] = entity
            notes.append(f"?{param.name} = {entity.split('/id/', 1)[1]}")
    return query.bindings(values, engine), ", ".join(notes)


def time_runs(
    engine: Any, text: str, bindings: dict[str, Any], runs: int, warm_up: bool = True
) -> tuple[list, list]:
    """Wall and processor seconds of ``runs`` runs, results fully read, after a warm-up (the
    one timing loop of bench/run.py and bench/queries.py)."""
    import gc

    if warm_up:
        engine.query(text, bindings)
    gc.collect()
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        engine.query(text, bindings)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return wall, cpu


def _rdflib_worker(data: str, connection: Any) -> None:
    """Child process: load the graph into rdflib once, then time queries sent over a pipe."""
    import logging

    from brikg.store import engine_for, load_quads

    logging.getLogger("rdflib").setLevel(logging.ERROR)  # "... does not look like a valid URI"

    started = time.perf_counter()
    engine = engine_for(load_quads(Path(data)), "rdflib")
    connection.send(("loaded", time.perf_counter() - started))
    while True:
        message = connection.recv()
        if message is None:
            return
        text, bindings, runs, warm_up = message
        try:
            connection.send(("done", time_runs(engine, text, bindings, runs, warm_up)))
        except Exception as error:  # noqa: BLE001 - reported in the table
            connection.send(("error", str(error).splitlines()[0][:80]))


class RdflibRunner:
    """rdflib in a child process, so that a query slower than the timeout can be abandoned."""

    def __init__(self, data: Path, load_timeout: float) -> None:
        import multiprocessing

        self.data = data
        self.load_timeout = load_timeout
        self.context = multiprocessing.get_context("fork")
        self.load_s: float | None = None
        self._start()

    def _start(self) -> None:
        self.parent, child = self.context.Pipe()
        self.process = self.context.Process(target=_rdflib_worker, args=(str(self.data), child))
        self.process.start()
        if not self.parent.poll(self.load_timeout):
            self.close()
            raise TimeoutError(f"rdflib did not load {self.data} in {self.load_timeout:.0f} s")
        load = self.parent.recv()[1]
        self.load_s = load if self.load_s is None else self.load_s

    def run(
        self, text: str, bindings: dict[str, Any], runs: int, timeout: float
    ) -> tuple[list, list]:
        """Times of ``runs`` runs (after a warm-up when more than one); TimeoutError (and a
        fresh child) when a run is slower than ``timeout``."""
        warm_up = runs > 1
        self.parent.send((text, bindings, runs, warm_up))
        if not self.parent.poll(timeout * (runs + warm_up)):
            self.close()
            self._start()
            raise TimeoutError
        kind, answer = self.parent.recv()
        if kind == "error":
            raise RuntimeError(answer)
        return answer

    def close(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


def bench_sparql(size: SparqlSize, runs: int, timeout: float, rdflib_runs: int) -> None:
    from brikg.queries import library
    from brikg.store import load_quads, open_engine

    data = size.corpus / "graph" / "brikg.trig"
    size.quads = len(load_quads(data))
    started = time.perf_counter()
    oxigraph = open_engine(data, "oxigraph")  # parsed and loaded as `brikg query` does
    size.load_oxigraph_s = time.perf_counter() - started
    rdflib = RdflibRunner(data, load_timeout=1800)
    size.load_rdflib_s = rdflib.load_s or 0.0
    try:
        for name, query in library().items():
            times = QueryTimes()
            size.queries[name] = times
            try:
                bindings, note = _bindings(query, oxigraph)
                if note:
                    size.substitutions[name] = note
                times.rows = len(oxigraph.query(query.text, bindings).rows or [])
                times.oxigraph, times.oxigraph_cpu = time_runs(oxigraph, query.text, bindings, runs)
            except Exception as error:  # noqa: BLE001 - report, go on with the other queries
                times.error = str(error).splitlines()[0][:80]
                print(f"    {name}: error {times.error}", flush=True)
                continue
            try:
                times.rdflib, times.rdflib_cpu = rdflib.run(
                    query.text, bindings, rdflib_runs, timeout
                )
            except TimeoutError:
                times.rdflib_note = f"> {timeout:.0f} s"
            except Exception as error:  # noqa: BLE001
                times.rdflib_note = f"error: {str(error).splitlines()[0][:60]}"
            print(f"    {name}: oxigraph {statistics.median(times.oxigraph) * 1000:.1f} ms, "
                  f"rdflib {_ms(times)}", flush=True)  # fmt: skip
    finally:
        if rdflib.process.is_alive():
            rdflib.parent.send(None)
        rdflib.close()


def _ms(times: QueryTimes) -> str:
    if times.rdflib:
        return f"{statistics.median(times.rdflib) * 1000:.0f} ms"
    return times.rdflib_note


def prepare_sparql(work: Path, target: int, triples_per_byte: float, static: int) -> SparqlSize:
    """A synthetic corpus whose graph has about ``target`` triples, built with 2 jobs.

    The corpus is kept for the next run (the generator is deterministic), the graph is not:
    it is built again by the code being measured."""
    documents = max(1, round((target - static) / triples_per_byte / 20_000))
    folder = work / "sparql" / f"t{target}-d{documents}"
    if not (folder / "corpus" / "manifest.toml").exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "generate.py"), "--seed", str(SEED),
             "--docs", str(documents), "--doc-kb", "20", "--out", str(folder / "corpus")],
            check=True, stdout=subprocess.DEVNULL, env=_ENV,
        )  # fmt: skip
    shutil.rmtree(folder / "graph", ignore_errors=True)
    run_build(folder / "corpus", folder / "graph", 2)
    stats = json.loads((folder / "graph" / "stats.json").read_text())
    return SparqlSize(target, folder, triples=stats["triples"])


# --- the report ---------------------------------------------------------------------------------


def machine() -> list[str]:
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1e6:.1f} GB"
    except OSError:
        pass
    versions = []
    for package in ("brikg", "pyoxigraph", "oxigraph", "rdflib", "jieba", "pycountry"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions.append(f"{package} {metadata.version(package)}")
    return [
        f"- CPU: {cpu_model()}, {os.cpu_count()} cores visible",
        f"- Memory: {memory}",
        f"- {interpreter()} on {platform.platform()}",
        f"- Libraries: {', '.join(versions)}",
        f"- Code measured: {_SPARQL_NOTE[0] or _SNAPSHOT_NOTE or 'the working tree as it ran'}",
    ]


def _rate(amount: float, seconds: float) -> str:
    return f"{amount / seconds:.2f}" if seconds > 0 else "-"


def report(
    scales: list[Scale],
    sparql: list[SparqlSize],
    notes: list[str],
    started: float,
    load_before: tuple[float, float, float],
    finished: float | None = None,
    load_after: tuple[float, float, float] | None = None,
) -> str:
    finished = finished or time.time()
    load_after = load_after or os.getloadavg()
    minutes = max(1, round((finished - started) / 60))
    lines = [
        "# brikg benchmark results",
        "",
        f"Written by `make bench` (`bench/run.py`); the run started "
        f"{time.strftime('%Y-%m-%d %H:%M %Z', time.localtime(started))} and took "
        f"{minutes} minute{'s' if minutes > 1 else ''}.",
        "",
        "## Machine",
        "",
        *machine(),
        f"- Load average (1/5/15 min) when the run started: "
        f"{' / '.join(f'{x:.1f}' for x in load_before)}; at the end: "
        f"{' / '.join(f'{x:.1f}' for x in load_after)}. The machine is shared with other "
        "engineers' test runs, so wall times carry their load (each build row gives the "
        "1-minute load average when it finished).",
        "",
        "## Corpora",
        "",
        "| corpus | documents | MB | triples | quads | entities |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for scale in scales:
        any_build = next(iter(scale.builds.values()))
        lines.append(
            f"| {scale.label} | {any_build['documents']} | {any_build['bytes'] / MB:.2f} | "
            f"{any_build['triples']:,} | {any_build['quads']:,} | {any_build['entities']:,} |"
        )
    lines += [
        "",
        "Synthetic corpora: `bench/generate.py --scale N --seed 1` (invented names, real "
        "countries and cities, about one document in seven in Chinese).",
        "",
        "## Build throughput per stage (`--jobs 1`)",
        "",
        "Processor time of each stage of a one-job build (timers around the functions the "
        "build calls, `time.process_time`), so the rates are **per core**, whatever else the "
        "machine was doing; wall time is in the next section. *Extraction* is load + segment + "
        "recognise, the per-document stages; *relate* is everything "
        "`brikg.pipeline.link_documents` does after resolution (relations, Chinese relations, "
        "cross-lingual linking). *To RDF* is building each graph's quads. *Serialise* is the "
        "sharded writer's other work (sorting each graph by its N-Quads lines, N-Quads shards, "
        "TriG and N-Triples pieces, the merge, Turtle and JSON-LD).",
        "",
        "| corpus | | " + " | ".join(STAGES) + " | extraction | whole build |",
        "|---|---|" + "---:|" * (len(STAGES) + 2),
    ]
    for scale in scales:
        if 1 not in scale.builds:
            continue
        build = scale.builds[1]
        stages = stage_seconds(build)
        extraction = extraction_seconds(stages)
        whole = total_cpu(build)
        megabytes, documents = build["bytes"] / MB, build["documents"]
        cells = [f"{stages[s]:.2f}" for s in STAGES]
        lines.append(
            f"| {scale.label} | CPU s | " + " | ".join(cells) + f" | {extraction:.2f} | "
            f"{whole:.2f} |"
        )
        cells = [_rate(megabytes, stages[s]) for s in STAGES]
        lines.append(
            "| | MB/s per core | " + " | ".join(cells) + f" | "
            f"**{_rate(megabytes, extraction)}** | {_rate(megabytes, whole)} |"
        )
        cells = [_rate(documents, stages[s]) for s in STAGES]
        lines.append(
            "| | docs/s per core | " + " | ".join(cells) + f" | "
            f"{_rate(documents, extraction)} | {_rate(documents, whole)} |"
        )
    lines += [
        "",
        "## Whole builds: --jobs 1 vs --jobs 2, memory, linearity",
        "",
        "*Wall*: seconds after start-up (imports done) to the last file renamed into place; "
        "the median run of those made (their range in square brackets; in round brackets, "
        "the median run with interpreter start-up). The per-stage table above is that run. "
        "*CPU*: processor seconds of the parent and all "
        "workers. *Parent share*: the parent's part of that CPU time; it holds the "
        "corpus-wide stages (resolve, relate), which no worker can take over. *Amdahl limit* "
        "is not a measurement: 1 / (p + (1 - p) / jobs) for parent share p, the speed-up over "
        "one job that these CPU times allow on an otherwise idle machine if the parent never "
        "worked while the workers did. Peak memory: the sampled PSS of the build's process "
        "tree (shared pages counted once) and the parent's peak RSS. *Load*: 1-minute load "
        "average of the machine when the build ended.",
        "",
        "| corpus | jobs | wall | speed-up (wall) | CPU | parent share | Amdahl limit | "
        "CPU s per MB | peak PSS (tree) | peak RSS (parent) | load |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for scale in scales:
        base = scale.builds.get(1)
        for jobs, build in sorted(scale.builds.items()):
            speedup = f"{base['total_s'] / build['total_s']:.2f}x" if base else "-"
            cpu = total_cpu(build)
            share = build["parent_cpu_s"] / cpu if cpu else 1.0
            limit = f"{1 / (share + (1 - share) / jobs):.2f}x" if jobs > 1 else "-"
            walls = build.get("walls", [build["total_s"]])
            spread = f" [{min(walls):.1f}-{max(walls):.1f}]" if len(walls) > 1 else ""
            lines.append(
                f"| {scale.label} | {jobs} | {build['total_s']:.1f} s{spread} "
                f"({build['wall_with_startup_s']:.1f} s) | {speedup} | {cpu:.1f} s | "
                f"{share:.0%} | {limit} | {cpu / (build['bytes'] / MB):.1f} | "
                f"{build['peak_pss_mb']:.0f} MB | {build['maxrss_self_mb']:.0f} MB | "
                f"{build['load_avg']:.1f} |"
            )
    incremental = [scale for scale in scales if scale.incremental]
    if incremental:
        lines += [
            "",
            "## Incremental rebuilds (`--cache`)",
            "",
            "A cold build fills the cache; the same corpus again; then with one document "
            "changed (a sentence appended).",
            "",
            "| corpus | build | jobs | extracted | from cache | wall | CPU |",
            "|---|---|---:|---:|---:|---:|---:|",
        ]
        for scale in incremental:
            for kind, build in scale.incremental.items():
                lines.append(
                    f"| {scale.label} | {kind} | {build['jobs']} | {build['extracted']} | "
                    f"{build['cached']} | {build['total_s']:.1f} s | {total_cpu(build):.1f} s |"
                )
    if sparql:
        lines += _sparql_report(sparql)
    lines += ["", "## Not run, and why", "", *(notes or ["- Everything asked for was run."])]
    return "\n".join(lines) + "\n"


def _median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f}" if values else "-"


def _sparql_report(sizes: list[SparqlSize]) -> list[str]:
    lines = [
        "",
        "## SPARQL: the bundled queries on Oxigraph and rdflib",
        "",
        "Graphs: synthetic corpora (`bench/generate.py --docs N --doc-kb 20 --seed 1`) built "
        "by brikg, loaded from brikg.trig as `brikg query` loads it (`brikg.store`: on Oxigraph "
        "a store of the default graph, the RDF merge of the named graphs, which is all a bundled "
        "query reads; the named graphs too only once a query names a graph). Load times "
        "include parsing the file. Each cell: median milliseconds, wall clock, with "
        "processor time in brackets (the machine is shared; processor time is what the query "
        "itself cost). Oxigraph: 5 runs after a warm-up (the protocol of `bench/queries.py`); "
        "rdflib: 3 runs after a warm-up (1 run, no warm-up, at 1M), in a child process so that a "
        "query slower than the timeout can be abandoned. *Ratio*: rdflib wall / Oxigraph wall.",
        "",
        "| size | triples | quads loaded | Oxigraph load | rdflib load |",
        "|---|---:|---:|---:|---:|",
    ]
    for size in sizes:
        lines.append(
            f"| {size.target:,} | {size.triples:,} | {size.quads:,} | "
            f"{size.load_oxigraph_s:.1f} s | {size.load_rdflib_s:.1f} s |"
        )
    header = " | ".join(f"{_k(s.target)} Oxigraph | {_k(s.target)} rdflib | ratio" for s in sizes)
    lines += ["", f"| query | {header} |", "|---|" + "---:|---:|---:|" * len(sizes)]
    names = sorted({name for size in sizes for name in size.queries})
    for name in names:
        cells = []
        for size in sizes:
            times = size.queries.get(name)
            if times is None or times.error or not times.oxigraph:
                cells += [f"error: {times.error}" if times else "-", "-", "-"]
                continue
            ox = statistics.median(times.oxigraph)
            cells.append(f"{ox * 1000:.1f} ({_median_ms(times.oxigraph_cpu)})")
            if times.rdflib:
                cells.append(f"{_median_ms(times.rdflib)} ({_median_ms(times.rdflib_cpu)})")
                cells.append(f"{statistics.median(times.rdflib) / ox:.0f}x")
            elif times.rdflib_note.startswith(">"):
                limit = float(times.rdflib_note.split()[1])
                cells += [times.rdflib_note, f"> {limit / ox:.0f}x"]
            else:
                cells += [times.rdflib_note or "-", "-"]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    largest = sizes[-1]
    timed = {n: t for n, t in largest.queries.items() if t.oxigraph}
    slow = [
        f"{n} ({statistics.median(t.oxigraph) * 1000:.0f} ms wall, "
        f"{statistics.median(t.oxigraph_cpu) * 1000:.0f} ms CPU)"
        for n, t in timed.items()
        if statistics.median(t.oxigraph) >= 0.1
    ]
    heavy = {
        n: t
        for n, t in timed.items()
        if (t.rdflib and statistics.median(t.rdflib) >= 1.0) or t.rdflib_note.startswith(">")
    }
    below = [
        n
        for n, t in heavy.items()
        if t.rdflib and statistics.median(t.rdflib) / statistics.median(t.oxigraph) < 10
    ]
    lines += [
        "",
        f"At {largest.target:,} (a graph of {largest.triples:,} triples): Oxigraph medians of "
        f"100 ms or more: {', '.join(slow) or 'none'}. Heavy queries (rdflib 1 s or more, or "
        f"timed out): {', '.join(heavy) or 'none'}; of these, less than 10x faster on "
        f"Oxigraph: {', '.join(below) or 'none'}.",
    ]
    notes = [
        f"- {size.target:,}: {name}: {note}"
        for size in sizes
        for name, note in sorted(size.substitutions.items())
    ]
    if notes:
        lines += [
            "",
            "Parameters take their defaults, except entity parameters whose default entity is "
            "not in a synthetic graph: those were bound to the most-mentioned entity of the "
            "same kind:",
            "",
            *notes,
        ]
    return lines


def _k(target: int) -> str:
    return f"{target // 1_000_000}M" if target >= 1_000_000 else f"{target // 1000}k"


# --- main ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument(
        "--scales", default="1,10,100,1000", help="corpus sizes; 1 is the bundled one"
    )
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument(
        "--repeat", type=int, default=3, help="builds per job count, for corpora up to 10x"
    )
    parser.add_argument("--sparql", default="10000,100000,1000000", help="graph sizes, or none")
    parser.add_argument("--rdflib-timeout", type=float, default=120.0, help="seconds per run")
    parser.add_argument("--work", type=Path, default=Path("/tmp/brikg-bench"))
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument(
        "--not-run", action="append", default=[], help="a line for 'Not run, and why'"
    )
    parser.add_argument(
        "--report-only", action="store_true", help="rewrite the report from --work/raw.json"
    )
    parser.add_argument(
        "--sparql-from",
        type=Path,
        help="with --report-only: take the SPARQL results from this other raw.json",
    )
    parser.add_argument(
        "--sparql-only",
        action="store_true",
        help="keep the builds in --work/raw.json and run the SPARQL part again",
    )
    args = parser.parse_args(argv)
    if args.child:
        corpus, out, jobs, *cache = args.child
        result = child_build(Path(corpus), Path(out), int(jobs), Path(cache[0]) if cache else None)
        print(json.dumps(result))
        return 0

    raw_path = args.work / "raw.json"
    if args.report_only:
        if args.sparql_from:
            _scales, sparql_runs, _times = load_raw(args.sparql_from)
            marker = "SPARQL part (run again later): "
            sparql_note = _SPARQL_NOTE[0].split(marker)[-1] or _SNAPSHOT_NOTE
        scales, sparql, times = load_raw(raw_path)
        if args.sparql_from:
            sparql = sparql_runs
            _SPARQL_NOTE[0] = f"builds: {_SNAPSHOT_NOTE}; SPARQL part (another run): {sparql_note}"
        args.out.write_text(report(scales, sparql, args.not_run, **times))
        print(f"wrote {args.out}")
        return 0
    started, load_before = time.time(), os.getloadavg()
    args.work.mkdir(parents=True, exist_ok=True)
    scales: list[Scale] = []
    if args.sparql_only:
        scales, _old, times = load_raw(raw_path)
        started, load_before = times["started"], times["load_before"]
        builds_note = _SNAPSHOT_NOTE
    frozen = snapshot(args.work)
    if args.sparql_only:
        _SPARQL_NOTE[0] = f"builds: {builds_note}; SPARQL part (run again later): {_SNAPSHOT_NOTE}"
    bundled = frozen / "corpus"
    jobs = [int(j) for j in args.jobs.split(",")]
    for raw in [] if args.sparql_only else args.scales.split(","):
        value = float(raw)
        label = "bundled" if value == 1 else f"{value:g}x"
        corpus = bundled if value == 1 else synthetic(args.work, scale=value)
        print(f"{label}: {corpus_bytes(corpus) / MB:.1f} MB", flush=True)
        scale = Scale(label, corpus)
        repeat = args.repeat if value <= 10 else 1
        # Beyond 100x a one-job build would take an hour: the largest job count only (the
        # per-stage processor times of smaller corpora show the linearity).
        scale_jobs = jobs if value <= 100 else [max(jobs)]
        bench_builds(scale, args.work, scale_jobs, incremental=value <= 10, repeat=repeat)
        scales.append(scale)
        save_raw(raw_path, scales, [], started, load_before)
    sparql: list[SparqlSize] = []
    if args.sparql != "none":
        reference = next((s for s in reversed(scales) if s.label != "bundled"), None)
        build = next(iter(reference.builds.values())) if reference else None
        from brikg.rdf import static_quads

        static = len({quad.triple for quad in static_quads()})
        tpb = (build["triples"] - static) / build["bytes"] if build else 0.15
        for raw in args.sparql.split(","):
            target = int(raw)
            print(f"sparql {target:,}", flush=True)
            size = prepare_sparql(args.work, target, tpb, static)
            bench_sparql(size, runs=5, timeout=args.rdflib_timeout, rdflib_runs=_runs(target))
            sparql.append(size)
            save_raw(raw_path, scales, sparql, started, load_before)
    args.out.write_text(report(scales, sparql, args.not_run, started, load_before))
    print(f"wrote {args.out}")
    return 0


def save_raw(
    path: Path,
    scales: list[Scale],
    sparql: list[SparqlSize],
    started: float,
    load_before: tuple[float, float, float],
) -> None:
    """Every measurement so far, so a report can be rewritten (``--report-only``)."""
    payload = {
        "started": started,
        "load_before": load_before,
        "snapshot_note": _SNAPSHOT_NOTE,
        "sparql_note": _SPARQL_NOTE[0],
        "finished": time.time(),
        "load_after": os.getloadavg(),
        "scales": [asdict(scale) for scale in scales],
        "sparql": [asdict(size) for size in sparql],
    }
    path.write_text(json.dumps(payload, indent=1, default=str))


def load_raw(path: Path) -> tuple[list[Scale], list[SparqlSize], dict[str, Any]]:
    """What :func:`save_raw` saved, and the run's times and load averages."""
    global _SNAPSHOT_NOTE
    payload = json.loads(path.read_text())
    _SNAPSHOT_NOTE = payload["snapshot_note"]
    _SPARQL_NOTE[0] = payload.get("sparql_note", "")
    scales = [
        Scale(
            s["label"],
            Path(s["corpus"]),
            {int(jobs): build for jobs, build in s["builds"].items()},
            s["incremental"],
        )
        for s in payload["scales"]
    ]
    sparql = []
    for size in payload["sparql"]:
        queries = {name: QueryTimes(**times) for name, times in size.pop("queries").items()}
        sparql.append(SparqlSize(**{**size, "corpus": Path(size["corpus"]), "queries": queries}))
    times = {key: payload[key] for key in ("started", "load_before", "finished", "load_after")}
    return scales, sparql, times


def _runs(target: int) -> int:
    """rdflib runs per query: 3 on small graphs, 1 on the largest (each can take minutes)."""
    return 3 if target < 1_000_000 else 1


if __name__ == "__main__":
    sys.exit(main())
