"""Extraction throughput per core and language: after a warm-up, and (--cold) in a first pass.

    .venv/bin/python bench/extraction.py [--corpus corpus] [--runs 5] [--instructions] [--cold N]

``bench/run.py`` times one cold build per corpus, so on the small bundled corpus its rates
include the first pass's cache fills. This script runs the per-document stages over the corpus
once to warm up, then ``--runs`` times, and prints the fastest run's processor time: the rate a
long build settles at, and the one to compare when optimising a recogniser.

``--cold N`` also makes N one-job builds in fresh processes, timed as ``bench/run.py`` times
them (its ``--child``), and prints the median of their extraction stages: the cold first pass,
with the first pass's cache fills and without the derived tables.

Processor time on a shared virtual machine drifts by a quarter or more within minutes, so
``--instructions`` also counts the instructions of one warm pass under valgrind's callgrind
(a run of one pass subtracted from a run of two, with a fixed hash seed): a count that the
machine's load does not change, to tell whether a change to a recogniser saves work.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import describe  # bench/machine.py, beside this script
from run import extraction_seconds, run_build, stage_seconds

from brikg.corpus import load_corpus
from brikg.errors import BrikgError
from brikg.ir import Document, Sentence
from brikg.lexicon import load_lexicon
from brikg.recognize.recognizer import Recognizer
from brikg.segment import segment

MB = 1_000_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the instructions of one warm pass (needs valgrind)",
    )
    parser.add_argument(
        "--cold",
        type=int,
        default=0,
        metavar="N",
        help="also time the extraction stages of N one-job builds in fresh processes",
    )
    parser.add_argument("--passes", type=int, help=argparse.SUPPRESS)  # a callgrind child
    args = parser.parse_args()
    if args.passes is not None:
        recognizer = Recognizer(load_lexicon())
        for _ in range(args.passes):
            extract(args.corpus, recognizer)
        return
    try:
        time_passes(args.corpus, args.runs)
    except BrikgError as error:
        sys.exit(f"bench/extraction.py: {error}")
    if args.cold:
        cold_passes(args.corpus, args.cold)
    if args.instructions:
        millions = warm_pass_instructions(args.corpus) / 1e6
        print(f"one warm pass: {millions:,.0f} million instructions (callgrind)")
    print(f"on {describe()}")


def extract(corpus: Path, recognizer: Recognizer) -> tuple[list[Document], float, float]:
    """One pass of the per-document stages over ``corpus``: its documents, and the processor
    time when loading and when segmenting ended."""
    documents, _errors = load_corpus(corpus)
    loaded = time.process_time()
    for doc in documents:
        segment(doc)
    segmented = time.process_time()
    for doc in documents:
        recognizer(doc)
    return documents, loaded, segmented


def time_passes(corpus: Path, runs: int) -> None:
    """Print the fastest of ``runs`` warm passes, per stage and per language."""
    recognizer = Recognizer(load_lexicon())
    chinese = recognizer.chinese
    chinese_seconds = 0.0

    def timed_chinese(doc: Document, sentence: Sentence, year: int | None) -> list:
        nonlocal chinese_seconds
        started = time.process_time()
        try:
            return chinese(doc, sentence, year)
        finally:
            chinese_seconds += time.process_time() - started

    recognizer.chinese = timed_chinese  # type: ignore[assignment]
    best: tuple[float, ...] | None = None
    documents: list[Document] = []
    for run in range(runs + 1):  # run 0 warms up
        chinese_seconds = 0.0
        started = time.process_time()
        documents, loaded, segmented = extract(corpus, recognizer)
        finished = time.process_time()
        times = (finished - started, loaded - started, segmented - loaded, finished - segmented)
        if run and (best is None or times[0] < best[0]):
            best = (*times, chinese_seconds)
    assert best is not None
    total, load, seg, recognise, zh_seconds = best
    size = sum(len(doc.raw.encode()) for doc in documents) / MB
    zh_size = (
        sum(
            len(doc.text[s.start : s.end].encode())
            for doc in documents
            for s in doc.sentences
            if s.language == "zh"
        )
        / MB
    )
    en_seconds = recognise - zh_seconds
    print(
        f"{corpus}: {size:.2f} MB ({zh_size:.2f} MB in Chinese sentences); fastest of "
        f"{runs} runs: load {load:.2f} s, segment {seg:.2f} s, recognise {recognise:.2f} s "
        f"-> extraction {size / total:.2f} MB/s per core; recognition of English "
        f"{(size - zh_size) / en_seconds:.2f} MB/s, of Chinese "
        f"{zh_size / max(zh_seconds, 1e-9):.2f} MB/s"
    )


def cold_passes(corpus: Path, builds: int) -> None:
    """Print the median extraction time of ``builds`` cold one-job builds of ``corpus``, each
    made and timed as ``bench/run.py`` makes and times its builds."""
    seconds = []
    size = 0
    with tempfile.TemporaryDirectory() as folder:
        for build in range(builds):
            try:
                result = run_build(corpus, Path(folder) / str(build), 1)
            except RuntimeError as error:
                sys.exit(f"bench/extraction.py: {str(error)[-300:]}")
            seconds.append(extraction_seconds(stage_seconds(result)))
            size = result["bytes"]
    middle = statistics.median(seconds)
    print(
        f"cold first pass, median of {builds} builds: extraction {middle:.3f} s "
        f"[{min(seconds):.3f}-{max(seconds):.3f}] -> {size / MB / middle:.2f} MB/s per core"
    )


def warm_pass_instructions(corpus: Path) -> int:
    """Instructions of one warm pass: callgrind's count for a process making two passes, less
    that of one making one (start-up, loading the lexicon and the first pass's cache fills
    cancel out)."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        sys.exit("bench/extraction.py: --instructions needs valgrind (apt-get install valgrind)")
    counts = []
    with tempfile.TemporaryDirectory() as folder:
        outs = [Path(folder) / f"callgrind.{passes}" for passes in (1, 2)]
        children = [  # side by side: each takes a minute or more under valgrind
            subprocess.Popen(
                [
                    valgrind,
                    "--tool=callgrind",
                    f"--callgrind-out-file={out}",
                    sys.executable,
                    __file__,
                    "--corpus",
                    str(corpus),
                    "--passes",
                    str(passes),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env={**os.environ, "PYTHONHASHSEED": "0"},
            )
            for passes, out in zip((1, 2), outs, strict=True)
        ]
        for child, out in zip(children, outs, strict=True):
            _, errors = child.communicate()
            summary = re.search(r"^summary: (\d+)", out.read_text(), re.M) if out.exists() else None
            if child.returncode or summary is None:
                sys.exit(f"bench/extraction.py: the callgrind run failed: {errors.decode()[-300:]}")
            counts.append(int(summary.group(1)))
    return counts[1] - counts[0]


if __name__ == "__main__":
    main()
