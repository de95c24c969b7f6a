"""The bad-input catalogue: every way a user can hand brikg something wrong, through the CLI.

Each case runs ``brikg`` as a subprocess, so exit statuses and stderr are real, and checks the
same four promises: a non-zero exit status; a clear message on stderr, one line per problem,
each starting ``brikg:``; no traceback (``--debug`` shows one); and the output folder exactly
as it was before (file hashes compared), unless some documents were good, in which case those
are built and the bad ones are named.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, brikg, rdf_command_args, rdf_commands
from pyoxigraph import RdfFormat, parse

GOOD = "The Ilvara Deep-sea Port in Ghana was completed on 14 March 2024.\n"
HUGE = 50 * 1024 * 1024
ID = "https://w3id.org/brikg/id/"


def tree(folder: Path) -> dict[str, str]:
    """Every file and folder under ``folder``, with the SHA-256 of each file's bytes."""
    if not folder.exists():
        return {}
    if folder.is_file():
        return {".": hashlib.sha256(folder.read_bytes()).hexdigest()}
    return {
        str(path.relative_to(folder)): (
            hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        )
        for path in sorted(folder.rglob("*"))
    }


def assert_clean_failure(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    """Non-zero, no traceback, and every stderr line a ``brikg:`` message; ``needles`` in it."""
    assert result.returncode != 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines, "no message on stderr"
    assert all(line.startswith("brikg: ") for line in lines), result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


@pytest.fixture(scope="module")
def previous_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder as a user has it: the result of an earlier, good build."""
    root = tmp_path_factory.mktemp("previous")
    (root / "corpus").mkdir()
    (root / "corpus" / "good.txt").write_text(GOOD, encoding="utf-8")
    result = brikg("build", "--corpus", str(root / "corpus"), "--out", str(root / "graph"))
    assert result.returncode == 0, result.stderr
    return root / "graph"


@pytest.fixture
def out(previous_build: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "graph"
    shutil.copytree(previous_build, folder)
    return folder


# --- bad documents ---------------------------------------------------------------------------


def _binary() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64


def _undecodable() -> bytes:
    return b"Report on the corridor " + bytes(range(0x80, 0x100)) * 20


DOCUMENTS = {
    "empty": (b"", "empty document"),
    "whitespace": (b" \n\t\r\n \xe3\x80\x80\n", "empty document"),
    "binary": (_binary(), "binary file, not text"),
    "undecodable": (_undecodable(), "undecodable bytes"),
    "truncated-utf16": (b"\xff\xfe" + "Belt and Road".encode("utf-16-le")[:-1], "undecodable"),
}


@pytest.mark.parametrize("kind", list(DOCUMENTS))
def test_bad_document_alone(kind: str, tmp_path: Path, out: Path) -> None:
    data, message = DOCUMENTS[kind]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / f"{kind}.txt").write_bytes(data)
    before = tree(out)
    result = brikg("build", "--corpus", str(corpus), "--out", str(out))
    assert_clean_failure(result, f"{kind}.txt: {message}", "could be read")
    assert tree(out) == before


@pytest.mark.parametrize("kind", list(DOCUMENTS))
def test_bad_document_extract(kind: str, tmp_path: Path) -> None:
    data, message = DOCUMENTS[kind]
    path = tmp_path / f"{kind}.txt"
    path.write_bytes(data)
    result = brikg("extract", str(path))
    assert_clean_failure(result, message)
    assert len(result.stderr.strip().splitlines()) == 1


def test_huge_document_is_refused_by_size(tmp_path: Path, out: Path) -> None:
    """A 50 MB file (sparse: made in a millisecond) is refused from its size alone."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with (corpus / "huge.txt").open("wb") as stream:
        stream.truncate(HUGE)
    before = tree(out)
    started = time.monotonic()
    result = brikg("build", "--corpus", str(corpus), "--out", str(out))
    assert_clean_failure(result, "huge.txt: too large: 50.0 MB", "over the 20.0 MB limit")
    assert time.monotonic() - started < 60
    assert tree(out) == before


def test_huge_document_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The refusal comes before any read: the loader never opens the file's contents."""
    from brikg import corpus as corpus_module

    folder = tmp_path / "corpus"
    folder.mkdir()
    with (folder / "huge.txt").open("wb") as stream:
        stream.truncate(HUGE)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    read = Path.read_bytes

    def guarded(path: Path) -> bytes:
        assert path.name != "huge.txt", "the huge file was read"
        return read(path)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    documents, errors = corpus_module.load_corpus(folder)
    assert [doc.meta.file_name for doc in documents] == ["good.txt"]
    assert [error.path.name for error in errors] == ["huge.txt"]
    assert "too large" in errors[0].reason


def test_some_bad_documents_the_good_ones_are_built(tmp_path: Path, out: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good-report.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(_binary())
    with (corpus / "huge.txt").open("wb") as stream:
        stream.truncate(HUGE)
    result = brikg("build", "--corpus", str(corpus), "--out", str(out))
    assert_clean_failure(
        result, "empty.txt: empty document", "binary.txt: binary file", "huge.txt: too large",
        "3 document(s) could not be read; the others were built",
    )  # fmt: skip
    assert "built" in result.stdout
    graphs = {
        q.graph_name.value for q in parse(path=str(out / "brikg.trig"), format=RdfFormat.TRIG)
    }
    documents = {g.rsplit("/", 1)[1] for g in graphs if g.startswith(f"{ID}graph/")}
    assert documents == {"good-report", "lexicon"}


# --- bad corpus folders and manifests ----------------------------------------------------------


MANIFESTS = {
    "invalid TOML": ("[[document]\nfile = 'good.txt'\n", "invalid TOML"),
    "unknown field": ('[[document]]\nfile = "good.txt"\nauthor = "x"\n', "unknown field 'author'"),
    "path outside the corpus": (
        '[[document]]\nfile = "../secret.txt"\n',
        "'file' must be a file name in the corpus folder",
    ),
    "not UTF-8": (b"[[document]]\nfile = 'g\xff.txt'\n", "manifest is not UTF-8"),
    "duplicate id": (
        '[[document]]\nfile = "good.txt"\nid = "a"\n[[document]]\nfile = "b.txt"\nid = "a"\n',
        "duplicate id 'a'",
    ),
}


@pytest.mark.parametrize("case", list(MANIFESTS))
def test_malformed_manifest(case: str, tmp_path: Path, out: Path) -> None:
    text, message = MANIFESTS[case]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    manifest = corpus / "manifest.toml"
    manifest.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    before = tree(out)
    result = brikg("build", "--corpus", str(corpus), "--out", str(out))
    assert_clean_failure(result, "manifest.toml", message)
    assert len(result.stderr.strip().splitlines()) == 1
    assert tree(out) == before


@pytest.mark.parametrize(
    ("what", "message"),
    [("missing", "corpus folder not found: {}"), ("a file", "--corpus {} is a file, not a folder")],
)
def test_corpus_folder_that_does_not_exist(
    what: str, message: str, tmp_path: Path, out: Path
) -> None:
    corpus = tmp_path / "nope"
    if what == "a file":
        corpus.write_text(GOOD, encoding="utf-8")
    before = tree(out)
    result = brikg("build", "--corpus", str(corpus), "--out", str(out))
    assert_clean_failure(result, message.format(corpus))
    assert len(result.stderr.strip().splitlines()) == 1
    assert tree(out) == before


# --- unwritable output ----------------------------------------------------------------------


def test_output_under_a_regular_file(tmp_path: Path) -> None:
    """--out below a file: refused before any work, the file untouched, nothing created."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder\n", encoding="utf-8")
    before = tree(tmp_path)
    result = brikg("build", "--corpus", str(corpus), "--out", str(blocker / "sub"))
    assert_clean_failure(result, "cannot create output folder", "file.txt is not a folder")
    assert len(result.stderr.strip().splitlines()) == 1
    assert tree(tmp_path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through chmod 0o500; see the file case")
def test_output_folder_without_write_permission(tmp_path: Path, out: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    before = tree(out)
    out.chmod(0o500)
    try:
        result = brikg("build", "--corpus", str(corpus), "--out", str(out))
    finally:
        out.chmod(0o755)
    assert_clean_failure(result, "not writable")
    assert tree(out) == before


# --- Ctrl-C ----------------------------------------------------------------------------------


def _jobs_supported() -> bool:
    return "--jobs" in brikg("build", "--help").stdout


@pytest.fixture(scope="module")
def long_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic corpus twelve times the bundled one: its build lasts long enough (about 7 s
    with two jobs on a quiet AMD EPYC, where six times the bundled corpus took 3.0 s) that a
    signal 2.5 s after the start lands in the middle of it, workers running."""
    corpus = tmp_path_factory.mktemp("long") / "corpus"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), "--scale", "12", "--seed", "1",
         "--out", str(corpus)],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    (corpus / "truth.json").unlink()  # the generator's answer key, not a document: no warning
    return corpus


def _start_build(corpus: Path, out: Path, *options: str) -> subprocess.Popen[str]:
    """A build that takes Ctrl-C as one started from a terminal does, whatever this suite
    inherited: a suite run in the background of a shell ignores SIGINT, and so would the
    build and its workers (seen: the build ran to its end and exited 0)."""
    return subprocess.Popen(
        [sys.executable, "-m", "brikg", "build", "--corpus", str(corpus), "--out", str(out),
         *options],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True, preexec_fn=_sigint_as_a_terminal_gives_it,
    )  # fmt: skip


def _sigint_as_a_terminal_gives_it() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_interrupted_build_leaves_the_output_as_it_was(
    jobs: str, long_corpus: Path, out: Path
) -> None:
    """SIGINT to the whole process group (as a terminal's Ctrl-C does, workers included) in
    the middle of a build: exit 130, one line, the output untouched."""
    if jobs != "1" and not _jobs_supported():
        pytest.skip("brikg build has no --jobs option")
    before = tree(out)
    process = _start_build(long_corpus, out, *(["--jobs", jobs] if jobs != "1" else []))
    time.sleep(2.5)  # well past start-up, well before the end
    assert process.poll() is None, "the build ended before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stdout + stderr
    assert "brikg: interrupted; outputs left as they were" in stderr.splitlines(), stderr
    if jobs == "1":  # with workers, see test_build_workers_leave_ctrl_c_to_the_parent
        assert "Traceback" not in stderr, stderr
        assert stderr.strip().splitlines() == ["brikg: interrupted; outputs left as they were"]
    assert tree(out) == before


def _children(pid: int) -> list[int]:
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        children.extend(int(child) for child in text)
    return children


def _ignores_sigint(pid: int) -> bool:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigIgn:"):
            return bool(int(line.split()[1], 16) & (1 << (signal.SIGINT - 1)))
    raise AssertionError(f"no SigIgn in /proc/{pid}/status")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_build_workers_leave_ctrl_c_to_the_parent(tmp_path: Path, long_corpus: Path) -> None:
    """Deterministic form of the worker traceback on Ctrl-C: every worker process of a
    --jobs build must ignore SIGINT (the parent handles it and stops the pool)."""
    if not _jobs_supported():
        pytest.skip("brikg build has no --jobs option")
    process = _start_build(long_corpus, tmp_path / "out", "--jobs", "2")
    try:
        # A build runs a pool per phase, each living a second or less on a fast machine: judge
        # every worker seen, once it has had a quarter of a second to start.
        deadline = time.monotonic() + 60
        first_seen: dict[int, float] = {}
        states: dict[int, bool] = {}
        while process.poll() is None and time.monotonic() < deadline:
            try:
                workers = _children(process.pid)
            except (FileNotFoundError, ProcessLookupError):
                break
            now = time.monotonic()
            for worker in workers:
                started = first_seen.setdefault(worker, now)
                if worker not in states and now - started >= 0.25:
                    with contextlib.suppress(FileNotFoundError):
                        states[worker] = _ignores_sigint(worker)
            time.sleep(0.02)
        assert first_seen, "no worker process was seen"
        assert states and all(states.values()), f"workers not ignoring SIGINT: {states}"
    finally:
        with contextlib.suppress(ProcessLookupError):  # the build may have ended
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate(timeout=60)


# --- malformed RDF, to every command that reads it --------------------------------------------


MALFORMED = {
    "brikg.ttl": '@prefix ex: <http://example.org/> .\nex:a ex:b "unterminated .\n',
    "brikg.trig": "<http://example.org/g> { <http://example.org/a> <http://example.org/b> . }\n",
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
@pytest.mark.parametrize("command", rdf_commands())
def test_malformed_rdf(command: str, name: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    path = data / name
    path.write_text(MALFORMED[name], encoding="utf-8")
    args = rdf_command_args(command, path, tmp_path)
    before = tree(tmp_path)
    result = brikg(command, *args, timeout=120)
    assert_clean_failure(result, name)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert tree(tmp_path) == before


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    """--debug is the way to see where an expected failure came from."""
    path = tmp_path / "brikg.ttl"
    path.write_text(MALFORMED["brikg.ttl"], encoding="utf-8")
    result = brikg("--debug", "validate", str(path))
    assert result.returncode != 0
    assert "Traceback" in result.stderr and "RdfInputError" in result.stderr
