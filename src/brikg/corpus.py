"""Reading the corpus: finding source files, decoding them, and giving each its metadata.

A corpus is a folder of text files with an optional ``manifest.toml`` that describes them
(``[[document]]`` tables). Files that the manifest does not list still load, with metadata
inferred from their text and marked as inferred. One bad file never stops the others: it becomes
a :class:`DocumentError` in the list that :func:`load_corpus` returns, for the build to report.

Formats plug in through :data:`LOADERS`, like rdflib's plugin registry: a loader turns decoded
text into ``(text, raw_starts, raw_ends)`` (see :mod:`brikg.normalize`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from brikg.errors import BrikgError, DocumentError
from brikg.ir import Document, DocumentMeta
from brikg.lang import document_languages, script_language
from brikg.normalize import Mapping, normalize, normalize_markdown
from brikg.vocab import slugify

Loader = Callable[[str], Mapping]

LOADERS: dict[str, Loader] = {
    ".txt": normalize,
    ".text": normalize,
    ".md": normalize_markdown,
    ".markdown": normalize_markdown,
}
"""File suffix (lower case, with the dot) -> loader. The one place a new format plugs in."""

MANIFEST_NAME = "manifest.toml"
MAX_BYTES = 20 * 1024 * 1024
"""Files larger than this are refused (a corpus document is a report, not a data dump)."""

MANIFEST_FIELDS = (
    "id",
    "file",
    "title",
    "publisher",
    "creator",
    "date",
    "language",
    "source",
    "original",
    "title_en",
)
LANGUAGES = ("zh", "en")  # in the order a two-language value is written: "zh en"

TITLE_MAX = 200
DATE_LINES = 15
_SNIFF_BYTES = 8192


def register_loader(suffix: str, loader: Loader) -> None:
    """Make files ending in ``suffix`` (e.g. ``".html"``) load through ``loader``."""
    suffix = suffix.lower()
    LOADERS[suffix if suffix.startswith(".") else f".{suffix}"] = loader


# --- manifest --------------------------------------------------------------------------------

_ID = re.compile(r"[^\W_][\w.-]*")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def read_manifest(path: Path) -> dict[str, DocumentMeta]:
    """The manifest's entries keyed by file name; a malformed manifest raises BrikgError.

    An entry without ``title`` or ``language`` gets ``""`` for it (the loader infers it from the
    text); one without ``id`` gets the slug of its file name, marked as inferred.
    """
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as error:
        raise BrikgError(f"{path}: cannot read manifest: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise BrikgError(f"{path}: manifest is not UTF-8 (byte {error.start})") from error
    except tomllib.TOMLDecodeError as error:
        raise BrikgError(f"{path}: invalid TOML: {_one_line(str(error))}") from error
    unknown = sorted(set(data) - {"document"})
    if unknown:
        raise BrikgError(f"{path}: unknown top-level key {unknown[0]!r} (expected [[document]])")
    entries = data.get("document", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise BrikgError(f"{path}: 'document' must be an array of tables ([[document]])")
    metas: dict[str, DocumentMeta] = {}
    ids: dict[str, str] = {}
    for number, entry in enumerate(entries, 1):
        meta = _manifest_entry(path, number, entry)
        if meta.file_name in metas:
            raise BrikgError(
                f"{path}: document {number} ({meta.file_name}): file {meta.file_name!r} is listed"
                f" twice (also document {list(metas).index(meta.file_name) + 1})"
            )
        if meta.id in ids:
            raise BrikgError(
                f"{path}: document {number} ({meta.file_name}): duplicate id {meta.id!r}"
                f" (also {ids[meta.id]})"
            )
        metas[meta.file_name] = meta
        ids[meta.id] = meta.file_name
    return metas


def _manifest_entry(path: Path, number: int, entry: dict[str, Any]) -> DocumentMeta:
    """One ``[[document]]`` table, checked; errors name the manifest, entry and field."""
    where = f"{path}: document {number}"
    file_name = entry.get("file")
    if isinstance(file_name, str) and file_name:
        where += f" ({file_name})"
    unknown = sorted(set(entry) - set(MANIFEST_FIELDS))
    if unknown:
        raise BrikgError(
            f"{where}: unknown field {unknown[0]!r} (fields: {', '.join(MANIFEST_FIELDS)})"
        )
    values: dict[str, str] = {}
    for key, value in entry.items():
        if key == "date" and isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            value = value.isoformat()  # an unquoted TOML date
        if not isinstance(value, str):
            raise BrikgError(f"{where}: field {key!r} must be a string, not {value!r}")
        values[key] = value.strip()
    file_name = values.get("file")
    if not file_name:
        raise BrikgError(f"{where}: missing 'file' (the document's file name)")
    if "/" in file_name or "\\" in file_name or file_name in (".", ".."):
        raise BrikgError(f"{where}: 'file' must be a file name in the corpus folder")
    inferred: tuple[str, ...] = ()
    doc_id = values.get("id")
    if not doc_id:
        doc_id = slugify(Path(file_name).stem)
        inferred = ("id",)
    elif not _ID.fullmatch(doc_id):
        raise BrikgError(f"{where}: id {doc_id!r} is not a slug (letters, digits, '-', '_', '.')")
    date = values.get("date") or None
    if date is not None and _iso_date(date) is None:
        raise BrikgError(
            f"{where}: date {date!r} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"
        )
    language = values.get("language", "")
    if language:
        codes = set(re.split(r"[\s,]+", language))
        if not codes <= set(LANGUAGES):
            raise BrikgError(
                f'{where}: unknown language {language!r} (expected en, zh, or "zh en")'
            )
        language = " ".join(code for code in LANGUAGES if code in codes)
    return DocumentMeta(
        id=doc_id,
        title=values.get("title", ""),
        language=language,
        file_name=file_name,
        publisher=values.get("publisher") or None,
        creator=values.get("creator") or None,
        date=date,
        source=values.get("source") or None,
        original=values.get("original") or None,
        title_en=values.get("title_en") or None,
        inferred=inferred,
    )


def _iso_date(text: str) -> str | None:
    """``text`` if it is a real date in ISO 8601 at year, month or day precision."""
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    return text if _valid_date(year or 0, month, day) else None


def _valid_date(year: int, month: int | None, day: int | None) -> bool:
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return False
    return year >= 1000


def _one_line(message: str) -> str:
    return " ".join(message.split())


# --- decoding --------------------------------------------------------------------------------

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x1B)) + b"\x1c\x1d\x7f"
MIN_CONFIDENCE = 0.8
"""charset_normalizer's guess is used only when at most ``1 - MIN_CONFIDENCE`` of it is mess."""


def decode(path: Path, data: bytes, max_bytes: int = MAX_BYTES) -> str:
    """The text of a file's bytes, or a DocumentError saying why it is not a text document.

    UTF-8 comes first (most files are; a BOM is dropped; UTF-16/32 need their BOM), then GB18030
    when the result reads as Chinese (older Chinese government files), then Windows-1252 when
    the result reads as Western text (charset_normalizer misjudges short Latin text), then
    charset_normalizer's best guess when it is confident; anything else is refused rather than
    read as mojibake.
    """
    if len(data) > max_bytes:
        raise DocumentError(path, _too_large(len(data), max_bytes))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise DocumentError(
                    path, f"undecodable bytes (byte-order mark says {encoding}: {error.reason})"
                ) from error
            return _checked_text(path, text)
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample or (sample and _control_share(sample) > 0.1):
        raise DocumentError(path, "binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise DocumentError(path, "empty document")
    try:
        return _checked_text(path, data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_chinese(text):
            return _checked_text(path, text)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_western(text):
            return _checked_text(path, text)
    return _checked_text(path, _guess(path, data))


def _guess(path: Path, data: bytes) -> str:
    """charset_normalizer's best reading of ``data``, if it is a confident one."""
    from charset_normalizer import from_bytes  # imported here: only odd files need it

    best = from_bytes(data).best()
    if best is None or best.chaos > 1 - MIN_CONFIDENCE:
        raise DocumentError(path, "undecodable bytes (not UTF-8, GB18030 or a detectable encoding)")
    return str(best)


def _checked_text(path: Path, text: str) -> str:
    """``text`` unless it is empty or mostly characters that text does not contain."""
    if not text.strip():
        raise DocumentError(path, "empty document")
    sample = text[:_SNIFF_BYTES]
    if _odd_characters(sample) > 0.1 * len(sample):
        raise DocumentError(path, "binary file, not text")
    return text


def _odd_characters(sample: str, categories: tuple[str, ...] = ("Cc", "Co", "Cn", "Cs")) -> int:
    """How many characters of ``sample`` are in ``categories`` and not whitespace.

    Each distinct character is looked up once (a text uses a few hundred), not each occurrence.
    """
    return sum(
        sample.count(char)
        for char in set(sample)
        if unicodedata.category(char) in categories and not char.isspace()
    )


def _control_share(sample: bytes) -> float:
    """Share of bytes that no text file contains (C0 controls other than whitespace, DEL)."""
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample)


def _looks_chinese(text: str) -> bool:
    """A GB18030 reading is believed when it reads as ordinary modern Chinese.

    Other encodings often decode "cleanly" as GB18030 into nonsense (Big5, Shift-JIS, Latin-1).
    Real Chinese text is written almost entirely in the 3,755 common characters of GB 2312's
    first level (lead bytes 0xB0-0xD7), and contains no kana, bopomofo or unassigned code points.
    """
    sample = text[:_SNIFF_BYTES]
    if script_language(sample) != "zh":
        return False
    ideographs = _IDEOGRAPH.findall(sample)
    common = sum(1 for char in ideographs if 0xB0 <= char.encode("gb18030")[0] <= 0xD7)
    if common < 0.75 * len(ideographs):
        return False
    odd = len(_NOT_CHINESE.findall(sample)) + _odd_characters(sample, ("Co", "Cn", "Cc"))
    return odd <= 0.02 * len(sample)


_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
# Kana, bopomofo, Greek and Cyrillic: legitimate in GB 2312, but a sign of a wrong decoding
# when they appear among Chinese characters in any number.
_NOT_CHINESE = re.compile(r"[\u0370-\u04ff\u3040-\u30ff\u3100-\u312f]")


_LATIN_RUN = re.compile(r"[^\x00-\x7f]{3,}")


def _looks_western(text: str) -> bool:
    """A Windows-1252 reading is believed for mostly-ASCII text with isolated accented letters.

    It is the usual encoding of English text that is not UTF-8; text in a multi-byte encoding
    read as cp1252 shows runs of accented letters instead ("ÖÐ¹ú").
    """
    sample = text[: _SNIFF_BYTES * 4]
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    return non_ascii <= 0.5 * len(sample) and _LATIN_RUN.search(sample) is None


def _too_large(size: int, limit: int) -> str:
    return f"too large: {_megabytes(size)} ({size:,} bytes), over the {_megabytes(limit)} limit"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


# --- metadata inference ----------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
_MONTH = "(?P<month_name>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_DATE_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # October 10, 2023
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 10 October 2023
    re.compile(r"(?<![\d.-])(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?![\d-])"),
    re.compile(r"(?<![\d./])(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?![\d/])"),
    re.compile(
        r"(?<!\d)(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号]"
    ),
    # After a label, a date may be given to the month or year only: "Updated: 2024-01".
    re.compile(
        r"(?:\b(?:updated|published|posted|released|date)|发布时间|更新时间|发布日期|日期|时间)"
        r"\s*[:：]\s*(?P<year>\d{4})"
        r"(?:\s*[-/.年]\s*(?P<month>\d{1,2})(?:\s*[-/.月]\s*(?P<day>\d{1,2})\s*[日号]?|\s*月)?)?"
        r"(?!\d)",
        re.IGNORECASE,
    ),
]
_TITLE_MARKUP = re.compile(r"^(?:#{1,6}\s+|[-*+>]\s+)|\*\*|__|^[*_]+|[*_]+$|\s+#+$")


def infer_meta(path: Path, text: str) -> DocumentMeta:
    """Metadata for a file the manifest does not describe, read from its normalised text."""
    date = infer_date(text)
    inferred = ("id", "title", "language") + (("date",) if date else ())
    return DocumentMeta(
        id=slugify(path.stem),
        title=infer_title(text) or path.stem,
        language=document_languages(text),
        file_name=path.name,
        date=date,
        inferred=inferred,
    )


def infer_title(text: str) -> str:
    """The first non-empty line, without markup, cut at about :data:`TITLE_MAX` characters."""
    for line in text.splitlines():
        title = " ".join(_TITLE_MARKUP.sub("", line.strip()).split())
        if title:
            if len(title) > TITLE_MAX:
                cut = title.rfind(" ", TITLE_MAX // 2, TITLE_MAX)
                title = title[: cut if cut > 0 else TITLE_MAX].rstrip() + "…"
            return title
    return ""


def infer_date(text: str) -> str | None:
    """The first date stated in the first :data:`DATE_LINES` non-empty lines, in ISO 8601.

    Only unambiguous forms count (a day-precise date, or a labelled "Updated: 2024-01"): a bare
    year or "June 2023" in an opening paragraph is more often a topic than a publication date.
    """
    lines = [line for line in text.splitlines() if line.strip()][:DATE_LINES]
    for line in lines:
        line = unicodedata.normalize("NFKC", line)  # full-width digits and colons
        found: list[tuple[int, str]] = []
        for pattern in _DATE_PATTERNS:
            for match in pattern.finditer(line):
                iso = _match_iso(match)
                if iso is not None:
                    found.append((match.start(), iso))
                    break
        if found:
            return min(found)[1]
    return None


def _match_iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("month_name"):
        month: int | None = _MONTHS[groups["month_name"].lower()]
    else:
        month = int(groups["month"]) if groups.get("month") else None
    day = int(groups["day"]) if groups.get("day") else None
    if not _valid_date(year, month, day):
        return None
    if day is not None and month is not None:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}" if month is not None else f"{year:04d}"


# --- loading ---------------------------------------------------------------------------------


def iter_sources(corpus_dir: Path) -> list[Path]:
    """The corpus folder's source files, by name: registered suffixes only, none of the files
    skipped on purpose."""
    if not corpus_dir.is_dir():
        raise BrikgError(f"corpus folder not found: {corpus_dir}")
    return sorted(
        (
            path
            for path in corpus_dir.iterdir()
            if path.suffix.lower() in LOADERS and not skipped_on_purpose(path)
        ),
        key=lambda path: path.name,
    )


def skipped_on_purpose(path: Path) -> bool:
    """A corpus folder's entry that is not a document whatever its format: the manifest, a
    hidden file, a README or a folder (unless the manifest lists it)."""
    return (
        path.name.startswith(".")
        or path.name == MANIFEST_NAME
        or path.stem.casefold() == "readme"
        or not path.is_file()
    )


def load_corpus(
    corpus_dir: Path, max_bytes: int = MAX_BYTES
) -> tuple[list[Document], list[DocumentError]]:
    """Every document of the corpus, sorted by id, and the errors of those that did not load.

    A malformed manifest or a missing folder raises BrikgError: nothing sensible can be built.
    Anything wrong with one file (unreadable, undecodable, listed but missing, an id already
    taken) is a DocumentError in the list, and the other documents still load.
    """
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
    loaded: list[Document] = []
    for path in sorted(sources, key=lambda path: path.name):
        try:
            loaded.append(_load(path, manifest.get(path.name), max_bytes))
        except DocumentError as error:
            errors.append(error)
    # Ids the manifest gives win over inferred ones; among equals, the first file by name.
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


def load_file(path: Path, max_bytes: int = MAX_BYTES) -> Document:
    """One document, with its entry from the manifest in its folder if it has one."""
    if not path.is_file():
        raise DocumentError(path, "file not found" if not path.exists() else "not a file")
    manifest_path = path.parent / MANIFEST_NAME
    manifest = read_manifest(manifest_path) if manifest_path.is_file() else {}
    return _load(path, manifest.get(path.name), max_bytes)


def _load(path: Path, meta: DocumentMeta | None, max_bytes: int) -> Document:
    """Read, decode, normalise and describe one file."""
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        known = ", ".join(sorted(LOADERS))
        raise DocumentError(path, f"unsupported format {path.suffix!r} (brikg reads {known})")
    try:
        size = path.stat().st_size
        if size > max_bytes:  # refused before reading it into memory
            raise DocumentError(path, _too_large(size, max_bytes))
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(path, f"cannot read: {error.strerror or error}") from error
    raw = decode(path, data, max_bytes)
    text, raw_starts, raw_ends = loader(raw)
    if not text:
        raise DocumentError(path, "empty document")
    return Document(
        meta=infer_meta(path, text) if meta is None else _complete(meta, text),
        raw=raw,
        text=text,
        raw_starts=raw_starts,
        raw_ends=raw_ends,
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _complete(meta: DocumentMeta, text: str) -> DocumentMeta:
    """A manifest entry with what it leaves out (title, language, date) inferred from the text."""
    changes: dict[str, str] = {}
    if not meta.title:
        changes["title"] = infer_title(text) or Path(meta.file_name).stem
    if not meta.language:
        changes["language"] = document_languages(text)
    if meta.date is None:
        date = infer_date(text)
        if date is not None:
            changes["date"] = date
    if not changes:
        return meta
    return replace(meta, inferred=meta.inferred + tuple(changes), **changes)
