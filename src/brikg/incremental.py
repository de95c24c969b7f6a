"""A content-addressed cache of per-document extraction, so a rebuild redoes only what changed.

Segmenting and recognising a document is most of a build's time, and depends on nothing but the
document itself and the extractor. So after those stages the document's extraction products
(its sentences and mentions: every field that loading does not set) are pickled under a key made
of the file's SHA-256, its suffix (which picks the loader), its metadata, and a fingerprint of
the extractor. A later build loads each file (cheap), finds its key, and skips the two stages.

The fingerprint covers everything the extraction result can depend on: brikg's version, the
bytes of every brikg source file (a code change invalidates the whole cache, deliberately: a
stale cache that survives a fix would be a silent bug), the ontology and lexicon files, and the
versions of Python and of brikg's dependencies (pycountry feeds the lexicon, jieba segments
Chinese). Corpus-wide stages (resolution, relations, RDF) are never cached: they run on every
build, so the graph is always the one a clean build would give.

Entries live in ``<cache>/<fingerprint>/``; other fingerprints' folders are removed when a build
opens the cache. Entries are pickles: the cache is a local build artefact, trusted as the source
tree is, never something to download or share.
"""

from __future__ import annotations

import hashlib
import pickle
import platform
import shutil
from dataclasses import dataclass, fields
from importlib import metadata
from pathlib import Path

from brikg import __version__
from brikg.ir import Document
from brikg.output import atomic_write
from brikg.resources import ONTOLOGY_DIR, PACKAGE_DIR

DEFAULT_CACHE = Path(".brikg-cache")

# Fields that loading sets (from the file and the manifest); all others are extraction's.
LOAD_FIELDS = frozenset({"meta", "raw", "text", "raw_starts", "raw_ends", "path", "sha256"})
EXTRACTION_FIELDS = tuple(f.name for f in fields(Document) if f.name not in LOAD_FIELDS)
_FORMAT = 1  # bump when the layout of an entry changes


def _hash_files(digest: hashlib._Hash, root: Path, pattern: str) -> None:
    for path in sorted(root.rglob(pattern)):
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")


def _dependency_versions() -> list[str]:
    try:
        requirements = metadata.requires("brikg") or []
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        requirements = []
    names = sorted({_requirement_name(line) for line in requirements if "extra ==" not in line})
    versions = []
    for name in names:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}==missing")
    return versions


def _requirement_name(requirement: str) -> str:
    for stop in "<>=!~;[ ":
        requirement = requirement.split(stop, 1)[0]
    return requirement.strip().lower()


def fingerprint(ontology_dir: Path | None = None) -> str:
    """A hash of everything that extraction output depends on, other than the document."""
    digest = hashlib.sha256()
    digest.update(f"brikg {__version__} cache {_FORMAT}\0".encode())
    digest.update(f"python {platform.python_version()}\0".encode())
    for line in _dependency_versions():
        digest.update(line.encode() + b"\0")
    _hash_files(digest, PACKAGE_DIR, "*.py")
    _hash_files(digest, Path(ontology_dir or ONTOLOGY_DIR), "*.ttl")
    return digest.hexdigest()[:32]


@dataclass(frozen=True)
class ExtractionCache:
    """The cache folder of one extractor fingerprint. Small and picklable: workers get a copy."""

    root: Path
    fingerprint: str

    @classmethod
    def open(cls, root: Path, ontology_dir: Path | None = None) -> ExtractionCache:
        """The cache under ``root`` for the current extractor; stale fingerprints are removed."""
        cache = cls(root, fingerprint(ontology_dir))
        cache.folder.mkdir(parents=True, exist_ok=True)
        for other in root.iterdir():
            if other.is_dir() and other.name != cache.fingerprint:
                shutil.rmtree(other, ignore_errors=True)
        return cache

    @property
    def folder(self) -> Path:
        return self.root / self.fingerprint

    def key(self, doc: Document) -> str:
        """Content, loader and metadata of the document: what extraction may read of it."""
        suffix = doc.path.suffix.lower() if doc.path else ""
        parts = (doc.sha256, suffix, repr(doc.meta))
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def load(self, doc: Document) -> bool:
        """Fill ``doc``'s extraction fields from the cache; False on a miss."""
        if not doc.sha256:
            return False
        path = self._path(self.key(doc))
        try:
            with path.open("rb") as stream:
                values = pickle.load(stream)
        except FileNotFoundError:
            return False
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError, ValueError):
            path.unlink(missing_ok=True)  # a damaged or foreign entry: extract again
            return False
        if not isinstance(values, dict) or set(values) != set(EXTRACTION_FIELDS):
            return False
        for name, value in values.items():
            setattr(doc, name, value)
        return True

    def store(self, doc: Document) -> None:
        """Save ``doc``'s extraction fields (call after recognition, before resolution)."""
        if not doc.sha256:
            return
        path = self._path(self.key(doc))
        values = {name: getattr(doc, name) for name in EXTRACTION_FIELDS}
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, pickle.dumps(values, protocol=pickle.HIGHEST_PROTOCOL))
