"""Builds on several cores and beyond memory: worker-process extraction, one shard per document.

A build has three kinds of work, and each runs where it can:

1. **Per document, before resolution** (load, segment, recognise: most of the time). Worker
   processes of a ``ProcessPoolExecutor`` get each document as a path (plus its manifest entry),
   build their :class:`~brikg.recognize.recognizer.Recognizer` once in the pool's initializer,
   and send back the document's IR. With a cache (:mod:`brikg.incremental`), a document whose
   bytes and extractor are unchanged is loaded but not extracted again.
2. **Corpus-wide** (:func:`brikg.pipeline.link_documents`): resolution, then ``add_referenced``
   and cross-lingual linking run in the parent, on all documents at once, exactly as a serial
   build does: entity ids, variant merges and labels depend on every mention of the corpus, so
   this is where correctness is decided. Between them, relating (the English and Chinese
   relaters) is per document and only reads the resolved entities, so a pool forked after
   resolution does it: workers get a document's index, and send back its facts, the one thing
   relating changes. (Without it the parent held a fifth of a two-job build's processor time.)
3. **Per document, after linking** (to RDF, sort, serialise). Workers turn each document into
   its named graph and write ``shards/<doc-id>.nq`` plus TriG and N-Triples pieces; the parent
   concatenates them into the graph files in graph order, each as soon as it and those before
   it are written, so merging overlaps the workers' writing (union triples deduplicated by a
   128-bit digest of their N-Triples line). Turtle and JSON-LD are then re-serialised from the
   merged N-Triples, one worker each.

Relating cannot overlap writing: linking, between them, rewrites facts and entity labels
across documents, and a document's graph shows both.

The output is byte for byte what :func:`brikg.pipeline.write_graph_in_memory` writes for the
same corpus, whatever ``jobs`` is; tests/test_parallel.py checks it. Document IR keeps its
offset maps as ``array('i')`` (:mod:`brikg.normalize` makes them so: 4 bytes a character, not
a list's ~36, and they pickle as bytes), which is what keeps a 100x corpus within memory.
"""

from __future__ import annotations

import gc
import hashlib
import heapq
import json
import multiprocessing
import os
import shutil
import signal
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from typing import BinaryIO, TypeVar

from pyoxigraph import Quad, RdfFormat, parse, serialize

from brikg.corpus import MANIFEST_NAME, MAX_BYTES, _load, iter_sources, read_manifest
from brikg.errors import BrikgError, DocumentError
from brikg.incremental import ExtractionCache
from brikg.ir import (
    Corpus,
    DateValue,
    Document,
    DocumentMeta,
    Entity,
    Evidence,
    Fact,
    Mention,
    QuantityValue,
    Sentence,
)
from brikg.lexicon import Lexicon, load_lexicon
from brikg.output import InterruptedAfterCommit, deferred_interrupt
from brikg.pipeline import (
    GRAPH_FILES,
    Progress,
    RelateAll,
    document_relater,
    graph_stats,
    link_documents,
    recognise_document,
)
from brikg.rdf import document_quads, static_quads
from brikg.recognize.recognizer import Recognizer
from brikg.vocab import ID, PREFIXES, document_graph, document_iri

T = TypeVar("T")
R = TypeVar("R")

SHARDS = "shards"
_UNION_FORMATS = (RdfFormat.TURTLE, RdfFormat.JSON_LD)  # re-serialised from merged N-Triples


def _by_fields(cls: type) -> Callable[[object], tuple[type, tuple[object, ...]]]:
    """Pickle a dataclass as its constructor and field values: twice as fast, both ways, as the
    default for slotted classes, which matters for the IR's many small objects."""
    names = tuple(f.name for f in fields(cls) if f.init)
    if any(not f.init for f in fields(cls)):
        raise TypeError(f"{cls.__name__} has fields outside __init__")

    def reduce(obj: object) -> tuple[type, tuple[object, ...]]:
        return cls, tuple([getattr(obj, name) for name in names])

    return reduce


# Only for what travels between processes (multiprocessing's pickler), not pickle at large.
for _cls in (Sentence, Mention, Fact, Evidence, DateValue, QuantityValue, DocumentMeta):
    ForkingPickler.register(_cls, _by_fields(_cls))


def resolve_jobs(jobs: int) -> int:
    """``jobs`` as a worker count: 0 means one per core this process may use."""
    if jobs < 0:
        raise BrikgError(f"--jobs must be 0 (one per core) or more, not {jobs}")
    if jobs == 0:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not on Linux
            return max(1, os.cpu_count() or 1)
    return jobs


@contextmanager
def _workers(
    jobs: int, tasks: int, initializer: Callable[..., None], initargs: tuple
) -> Iterator[Executor | None]:
    """A process pool of ``jobs`` workers, or None to run in this process (one job or task).

    In this process the initializer's globals are reset afterwards, so that a library caller
    is not left holding a build's entities or cache.
    """
    workers = min(jobs, tasks)
    if workers <= 1:
        initializer(*initargs)
        # The lexicon, the loaded modules and what the initializer built live as long as the
        # work: frozen, the collector's full passes do not walk them again and again.
        gc.freeze()
        try:
            yield None
        finally:
            gc.unfreeze()
            _reset()
        return
    # Forked workers share the parent's objects until they write to them, and the collector
    # would walk (so copy) all of them in every worker; frozen objects it leaves alone.
    gc.freeze()
    try:
        with ProcessPoolExecutor(
            workers, initializer=_worker_start, initargs=(initializer, *initargs)
        ) as pool:
            yield pool
    except BrokenProcessPool as error:
        raise BrikgError(
            "a worker process ended abruptly (killed, or out of memory?); nothing was written."
            " Build again, or with fewer --jobs"
        ) from error
    except RuntimeError as error:
        # A Ctrl-C while the pool starts its manager thread makes the pool's shutdown fail
        # ("cannot join thread before it is started"): it is still the interrupt.
        if isinstance(error.__context__, KeyboardInterrupt):
            raise error.__context__ from None
        raise
    finally:
        gc.unfreeze()


def _worker_start(initializer: Callable[..., None], *initargs: object) -> None:
    """A terminal's Ctrl-C reaches every process of the group: workers ignore it and the
    parent, which handles it, shuts the pool down (no worker tracebacks). What the initializer
    builds lasts as long as the worker: frozen, as in :func:`_workers`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    initializer(*initargs)
    gc.freeze()


def _reset() -> None:
    global _RECOGNIZER, _CACHE, _ENTITIES, _SCRATCH, _RELATE
    _RECOGNIZER, _CACHE, _ENTITIES, _SCRATCH, _RELATE = None, None, {}, None, None


def _run(pool: Executor | None, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
    """``map`` in the pool or in this process; results in the order of ``items``."""
    if pool is None:
        return map(function, items)
    return pool.map(function, items)


def _run_started_in(
    pool: Executor | None, function: Callable[[T], R], items: list[T], start: list[int]
) -> Iterator[R]:
    """:func:`_run`, but the pool starts the tasks in the order of ``start`` (indices into
    ``items``, largest first, so that no worker is left with a big one at the end while the
    other idles); results still come in the order of ``items``."""
    if pool is None:
        yield from map(function, items)
        return
    futures: list[Future[R] | None] = [None] * len(items)
    for index in start:
        futures[index] = pool.submit(function, items[index])
    try:
        for future in futures:
            assert future is not None, "start must list every item"
            yield future.result()
    finally:  # an error or an abandoned merge: drop what has not started, as map does
        for future in futures:
            if future is not None:
                future.cancel()


def _largest_first(sizes: list[int]) -> list[int]:
    """Task indices by size, largest first (ties in task order): handed out in this order, the
    big tasks start early, and no worker is left with one at the end while the others idle."""
    return sorted(range(len(sizes)), key=lambda index: (-sizes[index], index))


# --- 1. extraction, per document -------------------------------------------------------------


@dataclass
class ExtractReport:
    """What an extraction did: how many documents were extracted and how many came cached."""

    documents: int = 0
    extracted: int = 0
    cached: int = 0
    failed: int = 0
    jobs: int = 1

    def line(self) -> str:
        """One log line, as ``brikg build`` prints it."""
        cached = f", {self.cached} from cache" if self.cached else ""
        return (
            f"extracted {self.extracted} of {self.documents} documents{cached} "
            f"({self.jobs} job{'s' if self.jobs != 1 else ''})"
        )


@dataclass
class _Source:
    index: int
    path: Path
    meta: DocumentMeta | None
    max_bytes: int


@dataclass
class _Extracted:
    """A worker's answer: the document's IR, or why it could not be loaded or extracted.

    DocumentError does not pickle (its constructor takes two arguments), so it travels as
    ``(path, reason)`` and is rebuilt in the parent.
    """

    index: int
    document: Document | None = None
    load_error: tuple[Path, str] | None = None
    extract_error: str | None = None
    from_cache: bool = False


_RECOGNIZER: Recognizer | None = None
_CACHE: ExtractionCache | None = None


def _init_extractor(cache: ExtractionCache | None) -> None:
    """Pool initializer: one Recognizer per worker process, built once (lexicon parsing)."""
    global _RECOGNIZER, _CACHE
    _RECOGNIZER = Recognizer(load_lexicon())
    _CACHE = cache


def _extract(source: _Source) -> _Extracted:
    """Load one document and segment and recognise it, or take that from the cache."""
    assert _RECOGNIZER is not None, "worker not initialised"
    try:
        doc = _load(source.path, source.meta, source.max_bytes)
    except DocumentError as error:
        return _Extracted(source.index, load_error=(error.path, error.reason))
    if _CACHE is not None and _CACHE.load(doc):
        return _Extracted(source.index, doc, from_cache=True)
    error = recognise_document(doc, _RECOGNIZER)
    if error is None and _CACHE is not None:
        _CACHE.store(doc)
    return _Extracted(source.index, doc, extract_error=error)


def plan_sources(
    corpus_dir: Path, max_bytes: int = MAX_BYTES
) -> tuple[list[_Source], list[DocumentError]]:
    """The files to load with their manifest entries, as :func:`brikg.corpus.load_corpus` finds
    them, and the manifest's entries whose file is missing."""
    sources = iter_sources(corpus_dir)
    manifest_path = corpus_dir / MANIFEST_NAME
    manifest = read_manifest(manifest_path) if manifest_path.is_file() else {}
    errors: list[DocumentError] = []
    names = {path.name for path in sources}
    for file_name in manifest:
        if file_name in names:
            continue
        path = corpus_dir / file_name
        if path.is_file():
            sources.append(path)  # listed, so loaded even if hidden or a README
        else:
            errors.append(DocumentError(path, f"listed in {MANIFEST_NAME} but not found"))
    ordered = sorted(sources, key=lambda path: path.name)
    planned = [
        _Source(index, path, manifest.get(path.name), max_bytes)
        for index, path in enumerate(ordered)
    ]
    return planned, errors


def _settle_ids(
    loaded: list[Document], errors: list[DocumentError]
) -> tuple[list[Document], list[DocumentError]]:
    """As :func:`brikg.corpus.load_corpus`: ids the manifest gives win over inferred ones, then
    the first file by name; the others are errors."""
    taken: dict[str, Document] = {}
    for doc in sorted(loaded, key=lambda doc: ("id" in doc.meta.inferred, doc.meta.file_name)):
        if doc.id in taken:
            errors.append(
                DocumentError(
                    doc.path or doc.meta.file_name,
                    f"document id {doc.id!r} is already used by {taken[doc.id].meta.file_name};"
                    f" give this file a {MANIFEST_NAME} entry with another id",
                )
            )
        else:
            taken[doc.id] = doc
    errors.sort(key=lambda error: str(error.path))
    return sorted(taken.values(), key=lambda doc: doc.id), errors


def extract_corpus(
    corpus_dir: Path,
    jobs: int = 1,
    cache: Path | None = None,
    progress: Progress | None = None,
    max_bytes: int = MAX_BYTES,
) -> tuple[Corpus, ExtractReport]:
    """What :func:`brikg.pipeline.build_corpus` returns, extracted by ``jobs`` processes.

    Documents go to workers largest first (so no worker is left with a big one at the end) and
    come back in any order; everything after is in the serial build's order. ``cache`` is the
    folder of an :class:`~brikg.incremental.ExtractionCache`.
    """
    workers = resolve_jobs(jobs)
    sources, errors = plan_sources(corpus_dir, max_bytes)
    store = ExtractionCache.open(cache) if cache is not None else None
    lexicon = load_lexicon()  # cached: forked workers inherit it, and linking needs it below
    by_size = [sources[i] for i in _largest_first([_size(source.path) for source in sources])]
    results: dict[int, _Extracted] = {}
    with _workers(workers, len(sources), _init_extractor, (store,)) as pool:
        for result in _run(pool, _extract, by_size):
            results[result.index] = result
            if progress:
                progress(result.document.id if result.document else sources[result.index].path.name)
    loaded = []
    for index in range(len(sources)):
        result = results[index]
        if result.load_error is not None:
            errors.append(DocumentError(*result.load_error))
        else:
            assert result.document is not None
            loaded.append(result.document)
    documents, errors = _settle_ids(loaded, errors)
    corpus = Corpus(errors=[str(error) for error in errors])
    report = ExtractReport(jobs=min(workers, max(1, len(sources))))
    outcome = {id(r.document): r for r in results.values() if r.document is not None}
    for doc in documents:
        result = outcome[id(doc)]
        if result.extract_error is not None:
            corpus.errors.append(result.extract_error)
            report.failed += 1
            continue
        corpus.documents.append(doc)
        report.cached += result.from_cache
        report.extracted += not result.from_cache
    report.documents = len(corpus.documents)
    report.failed += len(errors)
    link_documents(corpus, lexicon, _relate_in_workers(workers))
    return corpus, report


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


# --- 2. relations, per document, after resolution ---------------------------------------------

_FORKED_DOCUMENTS: list[Document] = []
_RELATE: Callable[[Document], None] | None = None


def _init_relater(entities: dict[str, Entity]) -> None:
    """Pool initializer: relaters over the resolved entities (forked workers already hold them
    and the lexicon; others get the entities pickled once and parse the lexicon)."""
    global _RELATE
    _RELATE = document_relater(load_lexicon(), entities)


def _relate(task: Document | int) -> list[Fact]:
    """A document's facts: all that relating changes, so all that travels back."""
    assert _RELATE is not None, "worker not initialised"
    doc = _document(task)
    _RELATE(doc)
    return doc.facts


def _relate_in_workers(jobs: int) -> RelateAll:
    """The relation stage for :func:`brikg.pipeline.link_documents`, in ``jobs`` processes.

    The pool forks after resolution, so workers inherit the resolved documents and entities
    and get each document as its index; only the facts come back (pickling them costs a
    twentieth of reading them). Larger documents go first, as in extraction.
    """

    def relate_all(corpus: Corpus, lexicon: Lexicon) -> None:
        documents = corpus.documents
        order = _largest_first([len(doc.text) for doc in documents])
        initargs = (corpus.entities,)
        with _document_pool(jobs, documents, order, _init_relater, initargs) as (pool, tasks):
            for index, facts in zip(order, _run(pool, _relate, tasks), strict=True):
                documents[index].facts = facts

    return relate_all


@contextmanager
def _document_pool(
    jobs: int,
    documents: list[Document],
    order: list[int],
    initializer: Callable[..., None],
    initargs: tuple,
) -> Iterator[tuple[Executor | None, list[int] | list[Document]]]:
    """A pool (see :func:`_workers`) for per-document tasks, and the tasks in ``order``: each
    document's index where workers fork from this process and so hold the documents already,
    the document itself (pickled) where they do not."""
    global _FORKED_DOCUMENTS
    _FORKED_DOCUMENTS = documents  # before the pool forks; reset below
    try:
        with _workers(jobs, len(documents), initializer, initargs) as pool:
            tasks: list[int] | list[Document] = order
            if pool is not None and not _forks():
                tasks = [documents[index] for index in order]
            yield pool, tasks
    finally:
        _FORKED_DOCUMENTS = []


def _document(task: Document | int) -> Document:
    """The document of a task of :func:`_document_pool`: sent whole, or its index in the
    list the worker was forked with."""
    return _FORKED_DOCUMENTS[task] if isinstance(task, int) else task


# --- 3. the graph, per document, merged ------------------------------------------------------

_PREFIXES = {name: str(namespace) for name, namespace in PREFIXES.items()}
_ENTITIES: dict[str, Entity] = {}
_SCRATCH: Path | None = None


def _init_writer(entities: dict[str, Entity], scratch: Path) -> None:
    """Pool initializer: the resolved entities every document graph describes, sent once."""
    global _ENTITIES, _SCRATCH
    _ENTITIES = entities
    _SCRATCH = scratch


def _forks() -> bool:
    """Whether pool workers start as forks of this process, and so already hold its data."""
    return multiprocessing.get_start_method() == "fork"


_DOCUMENTS = f"<{ID}document/".encode()


@dataclass(frozen=True)
class _Piece:
    """One named graph, written as its shard and its TriG and N-Triples pieces.

    Most of a document's triples are about its own nodes (``<document/ID>`` and
    ``<document/ID/...>``: the document, its sentences, mentions and selectors), which no other
    graph states, so the merge need not look them up among the triples already seen. Sorted by
    subject, they are one block of the N-Triples piece: bytes ``block``, with ``block_lines``
    lines and their predicates counted here, in the worker. ``foreign`` is set when a graph
    states another document's node, which makes the merge check every line (:func:`_merge`).
    """

    graph: str
    name: str
    quads: int
    block: tuple[int, int] = (0, 0)
    block_lines: int = 0
    block_predicates: dict[bytes, int] = field(default_factory=dict)
    foreign: bool = False


def _piece_paths(scratch: Path, name: str) -> tuple[Path, Path, Path]:
    return (
        scratch / SHARDS / f"{name}.nq",
        scratch / "trig" / f"{name}.trig",
        scratch / "nt" / f"{name}.nt",
    )


def _write_piece(
    scratch: Path, graph: str, name: str, quads: list[Quad], local: str = ""
) -> _Piece:
    """Sorted and deduplicated as :func:`brikg.rdf.corpus_quads` sorts the whole dataset
    (every quad of a piece is in its one ``graph``), by its N-Quads lines: serialised once
    in pyoxigraph, they are the keys that ``str(quad)`` would give, without a Python string
    made per quad, and the sorted lines are the shard."""
    unsorted = serialize(quads, format=RdfFormat.N_QUADS)
    assert unsorted is not None
    first: dict[bytes, int] = {}  # each line, with the first quad it serialises
    for index, line in enumerate(unsorted.splitlines(keepends=True)):
        first.setdefault(line, index)
    keys = sorted(first)
    ordered = [quads[first[key]] for key in keys]
    nquads = b"".join(keys)
    shard, trig, ntriples = _piece_paths(scratch, name)
    shard.write_bytes(nquads)
    serialize(ordered, output=trig, format=RdfFormat.TRIG, prefixes=_PREFIXES)
    ntriples.write_bytes(_triples(nquads, graph, len(keys)))
    shorter = len(f" <{graph}>".encode())  # bytes, as the lines are: ids may be CJK
    return _block(_Piece(graph, name, len(ordered)), keys, local, shorter)


def _triples(nquads: bytes, graph: str, lines: int) -> bytes:
    """The graph's triples as N-Triples: its N-Quads without the graph name, cut in C.

    One graph holds no triple twice, so this is its union view already. The cut is exact:
    the graph name, its dot and the newline can only end a line (a literal's newline is
    escaped), so as many of them as lines means every line ends in one. (Tests compare with
    pyoxigraph's own N-Triples.)
    """
    suffix = f" <{graph}> .\n".encode()
    if nquads.count(suffix) != lines:
        raise BrikgError(f"unexpected N-Quads line in the shard of {graph}")
    return nquads.replace(suffix, b" .\n")


def _block(piece: _Piece, lines: list[bytes], local: str, shorter: int) -> _Piece:
    """``piece`` with the block of lines about the document's own nodes located and counted,
    as offsets into its N-Triples: ``lines`` are its N-Quads lines, each ``shorter`` bytes
    longer than the triple's line."""
    own = (f"<{local}>".encode(), f"<{local}/".encode()) if local else ()
    first = last = -1
    foreign = False
    for number, line in enumerate(lines):
        if own and line.startswith(own):
            first = number if first < 0 else first
            last = number
        elif line.startswith(_DOCUMENTS):
            foreign = True
    if first < 0:
        return replace(piece, foreign=foreign)
    block = lines[first : last + 1]
    if not all(line.startswith(own) for line in block):
        return replace(piece, foreign=True)  # not one block: let the merge check every line
    start = sum(len(line) for line in lines[:first]) - shorter * first
    predicates = Counter(line.split(b" ", 2)[1] for line in block)
    return replace(
        piece,
        block=(start, start + sum(len(line) for line in block) - shorter * len(block)),
        block_lines=len(block),
        block_predicates=dict(predicates),
        foreign=foreign,
    )


def _write_document(task: Document | int) -> _Piece:
    """A document's graph; a forked worker gets only its index in the parent's list."""
    assert _SCRATCH is not None, "worker not initialised"
    doc = _document(task)
    quads = document_quads(doc, _ENTITIES)
    return _write_piece(
        _SCRATCH, str(document_graph(doc.id)), doc.id, quads, str(document_iri(doc.id))
    )


def _static_pieces(scratch: Path) -> list[_Piece]:
    """The ontology and lexicon graphs; their shards are named ``_<graph>`` (no id starts with
    ``_``: manifest ids begin with a letter or digit, inferred ones are slugs)."""
    graphs: dict[str, list[Quad]] = {}
    for quad in static_quads():
        graphs.setdefault(quad.graph_name.value, []).append(quad)
    return [
        _write_piece(scratch, graph, "_" + graph.rstrip("/").rsplit("/", 1)[-1], quads)
        for graph, quads in graphs.items()
    ]


def _convert(job: tuple[Path, Path]) -> None:
    """Re-serialise the merged N-Triples as Turtle or JSON-LD (one file per worker).

    The format travels as the file name: pyoxigraph's RdfFormat does not pickle.
    """
    source, target = job
    triples = parse(path=source, format=RdfFormat.N_TRIPLES, lenient=True)
    serialize(triples, output=target, format=GRAPH_FILES[target.name], prefixes=_PREFIXES)


def _strip_header(data: bytes, header: bytes) -> bytes:
    if not data.startswith(header):
        raise BrikgError("TriG pieces do not share their prefix header; cannot merge them")
    return data[len(header) :]


def _trig_header(data: bytes) -> bytes:
    """The ``@prefix`` lines a TriG piece starts with."""
    end = 0
    while data.startswith(b"@prefix ", end):
        end = data.index(b"\n", end) + 1
    return data[:end]


def _local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@dataclass
class _Merged:
    """Counts for stats.json, taken while merging: predicates by IRI, as N-Triples has them."""

    quads: int = 0
    triples: int = 0
    predicates: Counter[bytes] = field(default_factory=Counter)
    names: list[str] = field(default_factory=list)  # the pieces merged, in graph order

    def by_local_name(self) -> Counter[str]:
        """As :func:`brikg.pipeline.graph_stats` counts them: by the IRI's last segment."""
        totals: Counter[str] = Counter()
        for iri, count in self.predicates.items():
            totals[_local_name(iri.decode("utf-8").strip("<>"))] += count
        return totals


def _merge(pieces: Iterable[_Piece], scratch: Path, staged: Path) -> _Merged:
    """Concatenate the pieces, which come in graph order, into brikg.trig and, deduplicated,
    brikg.nt; each piece is merged as it comes, while workers still write the later ones.

    The union view keeps each triple's first occurrence in graph order, as
    :func:`brikg.rdf.union_triples` does, checked by a 128-bit digest of its N-Triples line.
    A piece's block of lines about its document's own nodes is copied without that check until
    a graph states another document's node: from then on every line is checked, against the
    blocks copied before too (no other graph states their lines until then).
    """
    merged = _Merged()
    seen: set[bytes] = set()
    unchecked: list[_Piece] = []  # pieces whose block went into brikg.nt without the check
    checking = False
    header = b""
    previous: _Piece | None = None
    trig_path = staged / _format_file(RdfFormat.TRIG)
    nt_path = staged / _format_file(RdfFormat.N_TRIPLES)
    with trig_path.open("wb") as trig_out, nt_path.open("wb") as nt_out:
        for piece in pieces:
            if previous is not None and piece.graph <= previous.graph:
                if piece.graph == previous.graph:
                    raise BrikgError(
                        f"{previous.name} and {piece.name} would share the named graph"
                        f" {piece.graph}"
                    )
                raise BrikgError(f"graph {piece.graph} came after {previous.graph}")
            _shard, trig, ntriples = _piece_paths(scratch, piece.name)
            data = trig.read_bytes()
            if previous is None:
                header = _trig_header(data)
                trig_out.write(data)
            else:
                trig_out.write(_strip_header(data, header))
            previous = piece
            merged.names.append(piece.name)
            merged.quads += piece.quads
            if piece.foreign and not checking:
                checking = True
                for earlier in unchecked:
                    block = _piece_paths(scratch, earlier.name)[2].read_bytes()
                    seen.update(_digest(line) for line in _lines(block, *earlier.block))
            data = ntriples.read_bytes()
            start, end = (0, 0) if checking else piece.block
            _unseen(data[:start], seen, nt_out, merged)
            if end > start:
                nt_out.write(data[start:end])
                merged.triples += piece.block_lines
                merged.predicates.update(piece.block_predicates)
                unchecked.append(piece)
            _unseen(data[end:], seen, nt_out, merged)
    return merged


def _lines(data: bytes, start: int, end: int) -> list[bytes]:
    return data[start:end].splitlines(keepends=True)


def _digest(line: bytes) -> bytes:
    return hashlib.blake2b(line, digest_size=16).digest()


def _unseen(data: bytes, seen: set[bytes], out: BinaryIO, merged: _Merged) -> None:
    """Write the lines of ``data`` not seen before, and remember them."""
    for line in data.splitlines(keepends=True):
        key = _digest(line)
        if key in seen:
            continue
        seen.add(key)
        out.write(line)
        merged.triples += 1
        merged.predicates[line.split(b" ", 2)[1]] += 1


def _format_file(rdf_format: RdfFormat) -> str:
    for name, candidate in GRAPH_FILES.items():
        if candidate == rdf_format:
            return name
    raise BrikgError(f"no graph file is written as {rdf_format}")


def _check_formats() -> None:
    """The merge knows how to make exactly the files the in-memory writer makes."""
    known = {RdfFormat.TRIG, RdfFormat.N_TRIPLES, *_UNION_FORMATS}
    if set(GRAPH_FILES.values()) != known:
        missing = set(GRAPH_FILES.values()) - known
        raise BrikgError(f"sharded writer cannot produce {missing or 'fewer formats'}")


def write_sharded_graph(corpus: Corpus, out_dir: Path, jobs: int = 1) -> dict[str, object]:
    """Write shards/, the graph files and stats.json into ``out_dir``: all of them, or none.

    Everything is first written into a hidden scratch folder inside ``out_dir`` and renamed into
    place only when complete; shards of documents no longer in the corpus are then removed.
    """
    _check_formats()
    workers = resolve_jobs(jobs)
    out_dir.mkdir(parents=True, exist_ok=True)
    if not os.access(out_dir, os.W_OK):
        raise BrikgError(f"output folder is not writable: {out_dir}")
    scratch = Path(tempfile.mkdtemp(prefix=".brikg-build-", dir=out_dir))
    try:
        for folder in (SHARDS, "trig", "nt", "out"):
            (scratch / folder).mkdir()
        staged = scratch / "out"
        static = sorted(_static_pieces(scratch), key=lambda piece: piece.graph)
        documents = corpus.documents
        order = sorted(range(len(documents)), key=lambda i: document_graph(documents[i].id))
        largest = _largest_first([len(documents[index].text) for index in order])
        initargs = (corpus.entities, scratch)
        with _document_pool(workers, documents, order, _init_writer, initargs) as (pool, tasks):
            written = _run_started_in(pool, _write_document, tasks, largest)  # in graph order
            pieces = heapq.merge(static, written, key=lambda piece: piece.graph)
            merged = _merge(pieces, scratch, staged)
            nt_path = staged / _format_file(RdfFormat.N_TRIPLES)
            conversions = [
                (nt_path, staged / _format_file(rdf_format)) for rdf_format in _UNION_FORMATS
            ]
            list(_run(pool, _convert, conversions))
        stats = graph_stats(corpus, [], [])
        stats["quads"] = merged.quads
        stats["triples"] = merged.triples
        stats["triples_by_predicate"] = dict(sorted(merged.by_local_name().items()))
        (staged / "stats.json").write_text(
            json.dumps(stats, indent=2, ensure_ascii=False, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        _commit(scratch, staged, out_dir, merged.names)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return stats


def _commit(scratch: Path, staged: Path, out_dir: Path, names: list[str]) -> None:
    """Rename every finished file into place, then drop shards this build did not write.

    Ctrl-C is held back until the whole batch is renamed, so graph/ is never half old, half
    new; an OS error is one line naming the file.
    """
    shards = out_dir / SHARDS
    shards.mkdir(exist_ok=True)
    moves = [(scratch / SHARDS / f"{name}.nq", shards / f"{name}.nq") for name in names]
    moves += [(path, out_dir / path.name) for path in sorted(staged.iterdir())]
    with deferred_interrupt() as interrupted:
        for source, target in moves:
            try:
                os.replace(source, target)
            except OSError as error:
                raise BrikgError(f"cannot replace {target}: {error.strerror or error}") from error
        current = {f"{name}.nq" for name in names}
        for stale in shards.glob("*.nq"):
            if stale.name not in current:
                stale.unlink(missing_ok=True)
    if interrupted:
        raise InterruptedAfterCommit
