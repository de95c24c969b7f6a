"""End-to-end tests of the command line, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import brikg

from brikg import __version__

REPORT = "The Ilvara Deep-sea Port in Ghana was completed on 14 March 2024.\n"


def test_version_and_help() -> None:
    assert brikg("--version").stdout.strip() == f"brikg, version {__version__}"
    help_text = brikg("--help").stdout
    for command in ("build", "extract", "evaluate"):
        assert command in help_text


def test_build_writes_every_graph_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.txt").write_text(REPORT, encoding="utf-8")
    result = brikg("build", "--corpus", str(corpus), "--out", str(tmp_path / "graph"))
    assert result.returncode == 0, result.stderr
    assert "built" in result.stdout and "1 documents" in result.stdout
    for name in ("brikg.trig", "brikg.ttl", "brikg.nt", "brikg.jsonld", "stats.json"):
        assert (tmp_path / "graph" / name).stat().st_size > 0
    stats = json.loads((tmp_path / "graph" / "stats.json").read_text())
    assert stats["entities_by_class"]["Project"] == 1


def test_bad_document_is_named_and_the_others_are_built(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(REPORT, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    result = brikg("build", "--corpus", str(corpus), "--out", str(tmp_path / "graph"))
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "graph" / "brikg.trig").exists()


def test_missing_corpus_is_one_line_and_nonzero(tmp_path: Path) -> None:
    result = brikg("build", "--corpus", str(tmp_path / "nope"), "--out", str(tmp_path / "g"))
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "nope" in result.stderr
    assert not (tmp_path / "g").exists()


def extract_records(path: Path, text: str) -> list[dict]:
    """`brikg extract --format jsonl` of ``text`` written to ``path``, one record per line."""
    path.write_text(text, encoding="utf-8")
    result = brikg("extract", str(path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_extract_jsonl_quotes_are_the_original_text(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    records = extract_records(path, "Intro line\n\n" + REPORT)
    raw = path.read_text(encoding="utf-8")
    mentions = [r for r in records if r["type"] == "mention"]
    assert {r["text"] for r in mentions} >= {"Ilvara Deep-sea Port", "Ghana", "14 March 2024"}
    assert all(raw[r["start"] : r["end"]] == r["text"] for r in mentions)
    events = [r for r in records if r["type"] == "fact" and r.get("event")]
    assert events and events[0]["event"] == "completion" and events[0]["date"] == "2024-03-14"


def test_extract_gives_a_range_end_and_the_framing_of_a_date(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    records = extract_records(
        path,
        "The Varosh Ring Road in Ghana was completed in 2021-2023.\n\n"
        "The Ilvara Deep-sea Port in Ghana was completed by the end of 2019.\n",
    )
    dates = {r["date"]: r for r in records if r["type"] == "fact" and r.get("event")}
    assert dates["2021"]["end_date"] == "2023" and dates["2021"]["qualifier"] == "range"
    assert "end_date" not in dates["2019"] and dates["2019"]["qualifier"] == "by+end"
    assert "2021/2023" in brikg("extract", str(path)).stdout


def test_extract_tells_a_plan_from_what_happened(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    records = extract_records(
        path, "The Ilvara Deep-sea Port was originally due to open in 2020 but opened in 2023.\n"
    )
    events = {(r["date"], r.get("planned")) for r in records if r.get("event") == "opening"}
    assert events == {("2020", True), ("2023", None)}
    assert "opening 2020 (planned)" in brikg("extract", str(path)).stdout


def test_extract_table_is_readable() -> None:
    result = brikg("extract", "corpus/xinhua-2023-white-paper-section-iii-connectivity.txt")
    assert result.returncode == 0, result.stderr
    assert "China-Laos Railway" in result.stdout and "facts" in result.stdout


def test_extract_shows_which_figures_are_approximate(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    records = extract_records(
        path,
        "The Ilvara Deep-sea Port will cost about $3 billion.\n\n"
        "The Ilvara Deep-sea Port carried 5 million passengers.\n",
    )
    figures = {r["value"]: r.get("approximate") for r in records if "value" in r}
    assert figures == {3e9: True, 5e6: None}
    table = brikg("extract", str(path)).stdout
    assert "~3e+09 USD" in table and "~5e+06" not in table and "5e+06 passenger" in table


@pytest.mark.parametrize("output_format", ["table", "json"])
def test_evaluate_reports_precision_and_recall(output_format: str) -> None:
    result = brikg("evaluate", "--format", output_format)
    assert result.returncode == 0, result.stderr
    assert "Project" in result.stdout and "locatedIn" in result.stdout


def test_build_names_the_files_it_cannot_read_and_counts_the_failures(tmp_path: Path) -> None:
    """A PDF, an HTML page and a file without extension are named, not dropped silently; the
    extraction line says how many documents failed, so it does not read as complete success."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(REPORT, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "brief.pdf").write_bytes(b"%PDF-1.4\n")
    (corpus / "page.html").write_text("<p>The Ilvara Port</p>", encoding="utf-8")
    (corpus / "notes").write_text(REPORT, encoding="utf-8")
    (corpus / "README").write_text("What this folder holds.", encoding="utf-8")  # on purpose
    result = brikg("build", "--corpus", str(corpus), "--out", str(tmp_path / "graph"))
    assert result.returncode == 1
    warnings = [line for line in result.stderr.splitlines() if "warning: skipped" in line]
    assert [line.split("skipped ")[1].split(":")[0] for line in warnings] == [
        str(corpus / name) for name in ("brief.pdf", "notes", "page.html")
    ]
    assert "unsupported format '.pdf' (brikg reads" in warnings[0]
    assert "no file extension" in warnings[1]
    assert "1 could not be read" in result.stdout


def test_build_corpus_that_is_a_file_says_so(tmp_path: Path) -> None:
    document = tmp_path / "report.txt"
    document.write_text(REPORT, encoding="utf-8")
    result = brikg("build", "--corpus", str(document), "--out", str(tmp_path / "g"))
    assert result.returncode == 1
    assert "is a file, not a folder" in result.stderr and "brikg extract" in result.stderr
    assert not (tmp_path / "g").exists()


def test_query_data_takes_a_graph_folder(tmp_path: Path) -> None:
    """`--data` takes the folder that `brikg build` wrote, as `brikg analyze --data` does."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.txt").write_text(REPORT, encoding="utf-8")
    assert brikg("build", "--corpus", str(corpus), "--out", str(tmp_path / "graph")).returncode == 0
    result = brikg("query", "documents", "--data", str(tmp_path / "graph"), "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "id/document/report" in result.stdout
    empty = brikg("query", "documents", "--data", str(corpus))
    assert empty.returncode == 2 and "a folder without brikg.trig" in empty.stderr
