"""Hostile input: XML entity bombs and external entities, remote JSON-LD contexts, and
document text that tries to become HTML.

brikg reads RDF with pyoxigraph. Its RDF/XML parser does expand internal DTD entities (a
billion-laughs file takes all memory), so ``brikg.store.load_quads`` refuses any RDF/XML
whose DTD declares entities or names an external DTD before parsing it, as defusedxml does.
rdflib's RDF/XML parser (xml.sax, which expands entities too) is never given input.
"""

from __future__ import annotations

import http.server
import resource
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import brikg as run_brikg
from conftest import rdf_command_args, rdf_commands

from brikg.errors import BrikgError
from brikg.store import load_quads

SECRET = "brikg-secret-7f3a9c"
RDF_HEAD = (
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
    ' xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">\n'
)
RDF_BODY = (
    '  <rdf:Description rdf:about="https://example.org/x">'
    "<rdfs:label>{label}</rdfs:label></rdf:Description>\n</rdf:RDF>\n"
)


def _laughs() -> str:
    lines = ['<!ENTITY lol0 "lol">']
    for level in range(1, 10):
        lines.append(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">')
    return "\n".join(lines)


def _document(dtd: str, label: str) -> str:
    return f'<?xml version="1.0"?>\n{dtd}\n{RDF_HEAD}{RDF_BODY.format(label=label)}'


def hostile_rdf(folder: Path) -> dict[str, Path]:
    """RDF/XML files that must never be expanded or followed, with a secret file to steal."""
    secret = folder / "secret.txt"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    uri = secret.as_uri()
    files = {
        "billion-laughs": _document(f"<!DOCTYPE rdf:RDF [\n{_laughs()}\n]>", "&lol9;"),
        "external-entity": _document(
            f'<!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM "{uri}"> ]>', "&xxe;"
        ),
        "parameter-entity": _document(
            f'<!DOCTYPE rdf:RDF [ <!ENTITY % p SYSTEM "{uri}"> %p; ]>', "x"
        ),
        "external-dtd": _document(f'<!DOCTYPE rdf:RDF SYSTEM "{uri}">', "x"),
    }
    paths = {}
    for name, text in files.items():
        path = folder / f"{name}.rdf"
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    utf16 = folder / "billion-laughs-utf16.rdf"
    utf16.write_bytes(
        files["billion-laughs"].replace('"1.0"?', '"1.0" encoding="UTF-16"?').encode("utf-16")
    )
    paths["billion-laughs-utf16"] = utf16
    return paths


# --- brikg's reader ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["billion-laughs", "billion-laughs-utf16", "external-entity", "parameter-entity",
     "external-dtd"],
)  # fmt: skip
def test_load_quads_refuses_entities(name: str, tmp_path: Path) -> None:
    path = hostile_rdf(tmp_path)[name]
    with pytest.raises(BrikgError) as raised:
        load_quads(path)
    message = str(raised.value)
    assert "refused" in message and SECRET not in message
    assert len(message.splitlines()) == 1


def test_plain_rdf_xml_is_read(tmp_path: Path) -> None:
    """The control: RDF/XML without entities (a bare DOCTYPE too) reads normally."""
    path = tmp_path / "plain.rdf"
    path.write_text(_document("<!DOCTYPE rdf:RDF>", "Gwadar Port"), encoding="utf-8")
    quads = load_quads(path)
    assert [q.object.value for q in quads] == ["Gwadar Port"]


def test_rdflib_is_never_given_rdf_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """rdflib's parsers (xml.sax for RDF/XML) are not on brikg's reading path at all."""
    import rdflib

    def forbidden(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("rdflib parsed input")

    monkeypatch.setattr(rdflib.Graph, "parse", forbidden)
    monkeypatch.setattr(rdflib.Dataset, "parse", forbidden)
    path = tmp_path / "plain.rdf"
    path.write_text(_document("", "Gwadar Port"), encoding="utf-8")
    assert len(load_quads(path)) == 1
    turtle = tmp_path / "plain.ttl"
    turtle.write_text('<https://example.org/x> <https://example.org/p> "x" .\n', encoding="utf-8")
    assert len(load_quads(turtle)) == 1


# --- every command that reads RDF --------------------------------------------------------------


def _limit_memory() -> None:
    """A billion-laughs expansion that gets through fails fast instead of taking the machine."""
    limit = 2 * 1024**3
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def brikg(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run brikg with its memory limited; a command still running at ``timeout`` (a server that
    started) is stopped and reported with returncode None."""
    try:
        return run_brikg(*args, timeout=timeout, preexec_fn=_limit_memory)
    except subprocess.TimeoutExpired as expired:
        text = [
            part.decode("utf-8", "replace") if isinstance(part, bytes) else part or ""
            for part in (expired.stdout, expired.stderr)
        ]
        return subprocess.CompletedProcess(expired.cmd, None, *text)  # type: ignore[arg-type]


RDF_COMMANDS = rdf_commands()


@pytest.mark.parametrize("command", RDF_COMMANDS)
def test_billion_laughs_through_every_rdf_command(command: str, tmp_path: Path) -> None:
    path = hostile_rdf(tmp_path)["billion-laughs"]
    result = brikg(command, *rdf_command_args(command, path, tmp_path), timeout=30)
    assert result.returncode is not None, f"brikg {command} still running after 30 s"
    assert result.returncode != 0, result.stdout[:500]
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr[-2000:]
    assert "lollollol" not in result.stdout


@pytest.mark.parametrize("command", RDF_COMMANDS)
@pytest.mark.parametrize("name", ["external-entity", "parameter-entity", "external-dtd"])
def test_external_entities_are_never_read(command: str, name: str, tmp_path: Path) -> None:
    """No command leaks a local file through an XML external entity, in output or errors."""
    path = hostile_rdf(tmp_path)[name]
    # A server whose data parsed keeps running: what it printed in 15 s is checked.
    result = brikg(command, *rdf_command_args(command, path, tmp_path), timeout=15)
    assert SECRET not in result.stdout + result.stderr
    for written in tmp_path.rglob("*"):
        if written.is_file() and written.name != "secret.txt":
            assert SECRET not in written.read_text(encoding="utf-8", errors="replace"), written


# --- JSON-LD remote contexts ------------------------------------------------------------------


@pytest.fixture
def context_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request: a remote @context must not be fetched."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            hits.append(self.path)
            body = b'{"@context": {"name": "http://schema.org/name"}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/context.jsonld", hits
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("command", RDF_COMMANDS)
def test_remote_jsonld_context_is_not_fetched(
    command: str, tmp_path: Path, context_server: tuple[str, list[str]]
) -> None:
    url, hits = context_server
    path = tmp_path / "remote.jsonld"
    path.write_text(
        f'{{"@context": "{url}", "@id": "https://example.org/x", "name": "x"}}', encoding="utf-8"
    )
    result = brikg(command, *rdf_command_args(command, path, tmp_path), timeout=30)
    assert hits == [], f"brikg {command} fetched {hits}"
    assert result.returncode != 0
    assert "Traceback" not in result.stderr


# --- HTML -----------------------------------------------------------------------------------

HTML_BOMB = (
    '<!DOCTYPE html [\n{laughs}\n<!ENTITY xxe SYSTEM "{uri}">\n]>\n'
    "<html><head><title>Corridor report</title></head><body>\n"
    "<p>The Ilvara Deep-sea Port in Ghana was completed on 14 March 2024. &lol9; &xxe;</p>\n"
    "</body></html>\n"
)


def test_html_documents_cannot_expand_entities(tmp_path: Path) -> None:
    """An HTML document with an entity bomb and an external entity is either not a corpus
    format (refused by name, never parsed) or, once a loader exists, read without expanding
    or following entities."""
    from brikg.corpus import LOADERS, load_corpus, load_file
    from brikg.errors import DocumentError

    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    path = corpus / "report.html"
    path.write_text(HTML_BOMB.format(laughs=_laughs(), uri=secret.as_uri()), encoding="utf-8")
    if ".html" not in LOADERS:
        with pytest.raises(DocumentError, match="unsupported format '.html'"):
            load_file(path)
        documents, errors = load_corpus(corpus)
        assert documents == [] and errors == []  # not a corpus file: not even opened
        result = brikg("extract", str(path))
        assert result.returncode != 0 and "unsupported format" in result.stderr
        return
    doc = load_file(path)
    assert SECRET not in doc.text and "lollol" not in doc.text
    assert len(doc.text) < 10_000


# --- document text never becomes markup ---------------------------------------------------------

HOSTILE = """\
<script>alert("brikg-xss-title")</script> Progress Report

The Ilvara Deep-sea Port in Ghana was completed on 14 March 2024. </script><img src=x onerror=alert("brikg-xss-img")>
The Zelvani Railway in Nigeria opened in May 2023 "><svg onload=alert("brikg-xss-svg")> & more.
"""
RAW_PAYLOADS = ("<script>alert(", "<img src=x onerror", "<svg onload", "</script><img")


def test_document_text_is_escaped_in_every_html_and_markdown_output(tmp_path: Path) -> None:
    """Cross-cutting: a hostile document built, then every viz page and the report. The
    payload must reach the outputs (else this proves nothing) but only escaped."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    built = brikg("build", "--corpus", str(corpus), "--out", str(tmp_path / "graph"))
    assert built.returncode == 0, built.stderr
    outputs: list[Path] = []
    commands = {
        "viz": ["--data", str(tmp_path / "graph"), "--out", str(tmp_path / "viz")],
        "report": ["--data", str(tmp_path / "graph"), "--out", str(tmp_path / "report")],
    }
    for command, args in commands.items():
        if command not in RDF_COMMANDS:
            continue
        result = brikg(command, *args, timeout=120)
        assert result.returncode == 0, result.stderr
        outputs += [p for p in (tmp_path / command).rglob("*") if p.suffix in (".html", ".md")]
    if not outputs:
        pytest.skip("no command writes HTML or Markdown yet")
    reached = False
    for path in outputs:
        text = path.read_text(encoding="utf-8")
        reached = reached or "brikg-xss" in text
        for payload in RAW_PAYLOADS:
            assert payload not in text, f"{path.name} contains the raw markup {payload!r}"
    assert reached, "the hostile text reached no output, so escaping was not tested"
