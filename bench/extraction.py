"""Extraction throughput after warm-up, per language: load, segment and recognise in one process.

    .venv/bin/python bench/extraction.py [--corpus corpus] [--runs 5]

``bench/run.py`` times one cold build per corpus, so on the small bundled corpus its rates
include the first pass's cache fills. This script runs the per-document stages over the corpus
once to warm up, then ``--runs`` times, and prints the fastest run's processor time: the rate a
long build settles at, and the one to compare when optimising a recogniser.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from brikg.corpus import load_corpus
from brikg.ir import Document, Sentence
from brikg.lexicon import load_lexicon
from brikg.recognize.recognizer import Recognizer
from brikg.segment import segment

MB = 1_000_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

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
    for run in range(args.runs + 1):  # run 0 warms up
        chinese_seconds = 0.0
        started = time.process_time()
        documents, _errors = load_corpus(args.corpus)
        loaded = time.process_time()
        for doc in documents:
            segment(doc)
        segmented = time.process_time()
        for doc in documents:
            recognizer(doc)
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
        f"{args.corpus}: {size:.2f} MB ({zh_size:.2f} MB in Chinese sentences); fastest of "
        f"{args.runs} runs: load {load:.2f} s, segment {seg:.2f} s, recognise {recognise:.2f} s "
        f"-> extraction {size / total:.2f} MB/s per core; recognition of English "
        f"{(size - zh_size) / en_seconds:.2f} MB/s, of Chinese "
        f"{zh_size / max(zh_seconds, 1e-9):.2f} MB/s"
    )


if __name__ == "__main__":
    main()
