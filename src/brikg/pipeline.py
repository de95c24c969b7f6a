"""The library API: from a folder of documents to a written graph.

    corpus = build_corpus(Path("corpus"))      # load, segment, recognise, resolve, relate
    stats = write_graph(corpus, Path("graph"))  # to RDF, written atomically

The CLI's ``build`` and ``extract`` commands are thin shells over these functions.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, Triple, serialize

from brikg.corpus import LOADERS, MANIFEST_NAME, load_corpus, read_manifest, skipped_on_purpose
from brikg.errors import BrikgError, DocumentError
from brikg.ir import Corpus, Document, Entity, MentionKind
from brikg.lexicon import Lexicon, load_lexicon
from brikg.link import Linker
from brikg.output import StagedOutputs
from brikg.rdf import corpus_quads, union_triples
from brikg.recognize.recognizer import Recognizer
from brikg.recognize.zh_relate import ChineseRelater
from brikg.relate import Relater
from brikg.resolve import Resolver
from brikg.segment import segment
from brikg.vocab import PREFIXES

Progress = Callable[[str], None]

GRAPH_FILES = {
    "brikg.trig": RdfFormat.TRIG,
    "brikg.ttl": RdfFormat.TURTLE,
    "brikg.nt": RdfFormat.N_TRIPLES,
    "brikg.jsonld": RdfFormat.JSON_LD,
}
_DATASET_FORMATS = {RdfFormat.TRIG, RdfFormat.N_QUADS}


def extract_documents(
    documents: list[Document],
    lexicon: Lexicon | None = None,
    progress: Progress | None = None,
) -> Corpus:
    """Segment, recognise, resolve and relate documents already loaded."""
    lexicon = lexicon or load_lexicon()
    recognizer = Recognizer(lexicon)
    corpus = Corpus()
    for doc in documents:
        if progress:
            progress(doc.id)
        error = recognise_document(doc, recognizer)
        if error is not None:
            corpus.errors.append(error)
            continue
        corpus.documents.append(doc)
    return link_documents(corpus, lexicon)


def recognise_document(doc: Document, recognizer: Recognizer) -> str | None:
    """The per-document stages (segment, recognise); the error message if the document fails.

    They read nothing but the document, so :mod:`brikg.parallel` runs them in worker processes
    and :mod:`brikg.incremental` caches their result.
    """
    try:
        recognizer(segment(doc))
    except RecursionError as error:  # pathological input: report it, keep the others
        return str(DocumentError(doc.path or doc.id, f"extraction failed: {error}"))
    return None


def document_relater(lexicon: Lexicon, entities: dict[str, Entity]) -> Callable[[Document], None]:
    """The relation stage of one document (English, then Chinese sentences): sets its facts.

    It reads the resolved entities and the document and writes nothing but ``doc.facts``, so
    :mod:`brikg.parallel` can run it in worker processes once resolution is done.
    """
    english = Relater(lexicon, entities)
    chinese = ChineseRelater(lexicon, entities)

    def relate(doc: Document) -> None:
        english(doc)
        if any(sentence.language == "zh" for sentence in doc.sentences):
            chinese(doc)

    return relate


def relate_documents(corpus: Corpus, lexicon: Lexicon) -> None:
    """Every document's relations, one after the other, in this process."""
    relate = document_relater(lexicon, corpus.entities)
    for doc in corpus.documents:
        relate(doc)


RelateAll = Callable[[Corpus, Lexicon], None]


def link_documents(
    corpus: Corpus, lexicon: Lexicon, relate_all: RelateAll = relate_documents
) -> Corpus:
    """The stages after every document is recognised: resolve, relate, link across languages.

    Serial and parallel builds (:mod:`brikg.parallel`) both end with this function, so a
    corpus-wide stage added here runs in both. Resolution, ``add_referenced`` and linking need
    the whole corpus; relating is per document, and ``relate_all`` may spread it over workers.
    """
    resolver = Resolver(lexicon)
    resolver(corpus)
    relate_all(corpus, lexicon)
    resolver.add_referenced(corpus)
    Linker(lexicon)(corpus)
    return corpus


def build_corpus(
    corpus_dir: Path,
    progress: Progress | None = None,
    jobs: int = 1,
    cache: Path | None = None,
) -> Corpus:
    """Load every document in ``corpus_dir`` and extract the graph's content from them.

    ``jobs`` > 1 (0: one per core) extracts documents in that many worker processes; ``cache``
    is a folder that keeps each document's extraction for the next build (see
    :mod:`brikg.incremental`). Either way the corpus is the one a serial build gives.
    """
    if jobs != 1 or cache is not None:
        from brikg.parallel import extract_corpus

        return extract_corpus(corpus_dir, jobs=jobs, cache=cache, progress=progress)[0]
    documents, errors = load_corpus(corpus_dir)
    corpus = extract_documents(documents, progress=progress)
    corpus.errors = [str(error) for error in errors] + corpus.errors
    return corpus


def check_corpus_folder(corpus_dir: Path) -> None:
    """A clear error for a corpus path that is a file: a build reads a folder of documents."""
    if corpus_dir.exists() and not corpus_dir.is_dir():
        raise BrikgError(
            f"--corpus {corpus_dir} is a file, not a folder of documents "
            f"(`brikg extract {corpus_dir}` reads one document)"
        )


def unread_files(corpus_dir: Path) -> dict[Path, str]:
    """The corpus folder's files that a build skips because brikg has no reader for their
    format, each with the reason, so that a build can say so rather than drop them silently.

    Hidden files, READMEs and the manifest are skipped on purpose; a file the manifest lists is
    read whatever its format (and reported as an error if it cannot be).
    """
    if not corpus_dir.is_dir():
        return {}
    manifest_path = corpus_dir / MANIFEST_NAME
    listed = set(read_manifest(manifest_path)) if manifest_path.is_file() else set()
    known = ", ".join(sorted(LOADERS))
    unread: dict[Path, str] = {}
    for path in sorted(corpus_dir.iterdir()):
        if path.suffix.lower() in LOADERS or path.name in listed or skipped_on_purpose(path):
            continue
        found = f"unsupported format {path.suffix!r}" if path.suffix else "no file extension"
        unread[path] = f"{found} (brikg reads {known})"
    return unread


def serialize_quads(
    quads: list[Quad], rdf_format: RdfFormat, triples: list[Triple] | None = None
) -> bytes:
    """One serialisation; triple formats get the union of all graphs (pass it if computed)."""
    prefixes = {name: str(namespace) for name, namespace in PREFIXES.items()}
    if rdf_format in _DATASET_FORMATS:
        data = serialize(quads, format=rdf_format, prefixes=prefixes)
    else:
        data = serialize(
            triples if triples is not None else union_triples(quads),
            format=rdf_format,
            prefixes=prefixes,
        )
    assert data is not None
    return data


def graph_stats(corpus: Corpus, quads: list[Quad], triples: list[Triple]) -> dict[str, object]:
    """Counts by class, by predicate and by document, for stats.json and the README."""
    classes = Counter(entity.type.value for entity in corpus.entities.values())
    predicates = Counter(
        triple.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for triple in triples
    )
    documents = {}
    for doc in corpus.documents:
        facts = Counter(fact.predicate for fact in doc.facts)
        documents[doc.id] = {
            "title": doc.meta.title,
            "language": doc.meta.language,
            "characters": len(doc.raw),
            "sentences": len(doc.sentences),
            "entity_mentions": sum(1 for m in doc.mentions if m.kind is MentionKind.ENTITY),
            "date_mentions": sum(1 for m in doc.mentions if m.kind is MentionKind.DATE),
            "quantity_mentions": sum(1 for m in doc.mentions if m.kind is MentionKind.QUANTITY),
            "entities": len({m.entity for m in doc.mentions if m.entity}),
            "facts": dict(sorted(facts.items())),
        }
    return {
        "documents": len(corpus.documents),
        "entities": len(corpus.entities),
        "triples": len(triples),
        "quads": len(quads),
        "entities_by_class": dict(sorted(classes.items())),
        "triples_by_predicate": dict(sorted(predicates.items())),
        "by_document": documents,
    }


def write_graph(corpus: Corpus, out_dir: Path, jobs: int = 1) -> dict[str, object]:
    """Write graph files, stats.json and shards/ into ``out_dir``: all of them, or none.

    The graph is written one document graph at a time, as ``shards/<doc-id>.nq`` (N-Quads, for
    bulk loaders), and merged from those pieces, ``jobs`` of them at once (0: one per core):
    the same bytes as :func:`write_graph_in_memory`, without every quad in memory at once.
    """
    from brikg.parallel import write_sharded_graph

    return write_sharded_graph(corpus, out_dir, jobs=jobs)


def write_graph_in_memory(corpus: Corpus, out_dir: Path) -> dict[str, object]:
    """Write graph files and stats.json from one in-memory list of quads.

    The reference that :func:`write_graph` is tested against; fine for small corpora.
    """
    quads = corpus_quads(corpus)
    triples = union_triples(quads)
    stats = graph_stats(corpus, quads, triples)
    with StagedOutputs(out_dir) as stage:
        for name, rdf_format in GRAPH_FILES.items():
            stage.write(name, serialize_quads(quads, rdf_format, triples))
        stage.write(
            "stats.json", json.dumps(stats, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        )
    return stats
