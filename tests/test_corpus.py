"""Corpus loading: the manifest, metadata inference, decoding, and one bad file never fatal."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

import pytest

from brikg import corpus
from brikg.corpus import (
    LOADERS,
    decode,
    infer_meta,
    iter_sources,
    load_corpus,
    load_file,
    read_manifest,
    register_loader,
)
from brikg.errors import BrikgError, DocumentError
from brikg.lang import document_languages, has_ideographs, script_language
from brikg.normalize import normalize

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

ENGLISH = (
    "The China-Laos Railway opened to traffic in December 2021 and has carried millions of "
    "passengers since then.\n"
)
CHINESE = "中老铁路于2021年12月全线开通运营，已累计发送旅客数千万人次。\n"
TRADITIONAL = "共建「一帶一路」倡議提出十年來，中國與一百五十多個國家簽署合作文件。\n" * 5


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def manifest(folder: Path, text: str) -> Path:
    return write(folder, "manifest.toml", text)


def error_for(errors: list[DocumentError], name: str) -> DocumentError:
    matching = [error for error in errors if error.path.name == name]
    assert len(matching) == 1, errors
    return matching[0]


# --- the real corpus -------------------------------------------------------------------------


def test_real_corpus_loads_with_manifest_metadata() -> None:
    documents, errors = load_corpus(CORPUS)
    assert errors == []
    with (CORPUS / "manifest.toml").open("rb") as handle:
        entries = tomllib.load(handle)["document"]
    assert [doc.id for doc in documents] == sorted(entry["id"] for entry in entries)
    by_id = {doc.id: doc for doc in documents}
    for entry in entries:
        doc = by_id[entry["id"]]
        assert doc.meta.title == entry["title"]
        assert doc.meta.language == entry["language"]
        assert doc.meta.date == entry["date"]
        assert doc.meta.file_name == entry["file"]
        assert doc.meta.inferred == ()
        data = (CORPUS / entry["file"]).read_bytes()
        assert doc.sha256 == hashlib.sha256(data).hexdigest()
        assert doc.raw == data.decode("utf-8")
        assert (doc.text, doc.raw_starts, doc.raw_ends) == normalize(doc.raw)
    eight_steps = by_id["xinhua-institute-2024-eight-major-steps"]
    assert eight_steps.meta.language == "zh en"
    assert eight_steps.meta.title_en is not None
    assert by_id["qiushi-2024-zheng-shanjie"].meta.creator == "Zheng Shanjie"


def test_real_corpus_languages_match_inference() -> None:
    """The manifest's languages are also what the text says, so inference is trustworthy."""
    for doc in load_corpus(CORPUS)[0]:
        assert document_languages(doc.text) == doc.meta.language


def test_real_corpus_inferred_dates_agree_where_the_text_states_one() -> None:
    documents = {doc.id: doc for doc in load_corpus(CORPUS)[0]}
    qiushi = documents["qiushi-2024-zheng-shanjie"]
    assert corpus.infer_date(qiushi.text) == "2024-01-05"
    xinhua = documents["xinhua-2023-white-paper-connectivity"]
    assert corpus.infer_date(xinhua.text) == "2023-10-10"


# --- discovery -------------------------------------------------------------------------------


def test_iter_sources_is_sorted_and_skips_non_sources(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "C.markdown", "d.text", "README.md", "readme.txt", ".hidden.txt"):
        write(tmp_path, name, ENGLISH)
    write(tmp_path, "notes.pdf", b"%PDF")
    manifest(tmp_path, "")
    (tmp_path / "folder.txt").mkdir()
    names = [path.name for path in iter_sources(tmp_path)]
    assert names == ["C.markdown", "a.md", "b.txt", "d.text"]


@pytest.mark.parametrize("kind", ["missing", "file"])
def test_missing_corpus_folder(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "nowhere"
    if kind == "file":
        target = write(tmp_path, "file.txt", ENGLISH)
    with pytest.raises(BrikgError, match="corpus folder not found: .*"):
        load_corpus(target)


def test_register_loader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus, "LOADERS", dict(LOADERS))
    register_loader("RST", normalize)
    assert ".rst" in corpus.LOADERS
    write(tmp_path, "doc.rst", ENGLISH)
    documents, errors = load_corpus(tmp_path)
    assert [doc.id for doc in documents] == ["doc"] and errors == []


# --- metadata inference ----------------------------------------------------------------------


def test_inference_for_files_without_manifest_entry(tmp_path: Path) -> None:
    write(
        tmp_path,
        "Qiushi Article.txt",
        "\n  Boosting Cooperation  \nUpdated: 2024-01-05\n" + ENGLISH,
    )
    write(tmp_path, "zh-news.txt", "新华社北京2023年10月10日电\n" + CHINESE * 3)
    write(tmp_path, "no_date.md", "## **A Heading** ##\n\nIn 2023, the BRI turned ten.\n")
    documents, errors = load_corpus(tmp_path)
    assert errors == []
    by_id = {doc.id: doc.meta for doc in documents}
    assert sorted(by_id) == ["no-date", "qiushi-article", "zh-news"]

    qiushi = by_id["qiushi-article"]
    assert qiushi.title == "Boosting Cooperation"
    assert qiushi.language == "en"
    assert qiushi.date == "2024-01-05"
    assert qiushi.file_name == "Qiushi Article.txt"
    assert qiushi.inferred == ("id", "title", "language", "date")

    zh = by_id["zh-news"]
    assert zh.title == "新华社北京2023年10月10日电"
    assert zh.language == "zh"
    assert zh.date == "2023-10-10"

    undated = by_id["no-date"]
    assert undated.title == "A Heading"
    assert undated.date is None
    assert "date" not in undated.inferred


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Xinhua | October 10, 2023", "2023-10-10"),
        ("Oct. 10, 2023 — BEIJING", "2023-10-10"),
        ("Published 10 October 2023", "2023-10-10"),
        ("2024-01-05", "2024-01-05"),
        ("By Zheng Shanjie Source: Qiushi Updated: 2024-01-05", "2024-01-05"),
        ("Updated: 2024-01", "2024-01"),
        ("2023年10月10日", "2023-10-10"),
        ("发布时间：２０２４年１月５日", "2024-01-05"),
        ("As of the end of June 2023, 150 countries", None),
        ("Between 2013 and 2023", None),
        ("February 30, 2023", None),
    ],
)
def test_date_forms(line: str, iso: str | None) -> None:
    assert corpus.infer_date(f"Title\n{line}\nBody.") == iso


def test_date_only_from_the_opening_lines() -> None:
    text = "Title\n" + "Body line.\n" * 20 + "October 10, 2023\n"
    assert corpus.infer_date(text) is None


def test_long_first_line_title_is_cut(tmp_path: Path) -> None:
    meta = infer_meta(tmp_path / "x.txt", "word " * 100)
    assert len(meta.title) <= corpus.TITLE_MAX + 1
    assert meta.title.endswith("…")


def test_languages() -> None:
    assert script_language(ENGLISH) == "en"
    assert script_language(CHINESE) == "zh"
    assert script_language("中老铁路（China-Laos Railway）全线开通运营") == "zh"
    assert script_language("The 中老铁路 was built by China and Laos with many partners") == "en"
    assert script_language("") == "en"
    assert has_ideographs("The 中老铁路") and has_ideographs("𠀀")
    assert not has_ideographs("Café – “Belt and Road”") and not has_ideographs("")
    assert document_languages(ENGLISH * 10) == "en"
    assert document_languages(CHINESE * 10 + "图1 Figure\n") == "zh"
    assert document_languages(CHINESE * 10 + ENGLISH * 5) == "zh en"
    assert document_languages(CHINESE * 40 + ENGLISH * 2) == "zh"


# --- decoding and bad files ------------------------------------------------------------------


def test_gb18030_chinese_decodes(tmp_path: Path) -> None:
    write(tmp_path, "gb.txt", ("一带一路\n" + CHINESE).encode("gb18030"))
    documents, errors = load_corpus(tmp_path)
    assert errors == []
    assert documents[0].raw == "一带一路\n" + CHINESE
    assert documents[0].meta.title == "一带一路"
    assert documents[0].meta.language == "zh"


@pytest.mark.parametrize(
    ("data", "raw"),
    [
        (b"\xef\xbb\xbf" + ENGLISH.encode(), ENGLISH),
        ("\ufeff".encode("utf-16-le") + ENGLISH.encode("utf-16-le"), ENGLISH),
        ("Café résumé — “naïve”\n".encode("cp1252"), "Café résumé — “naïve”\n"),
        ((CHINESE * 3).encode("gb18030"), CHINESE * 3),
        (
            ("共建「一帶一路」倡議提出十年來，中國與一百五十多個國家簽署合作文件。\n" * 5).encode(
                "big5"
            ),
            "共建「一帶一路」倡議提出十年來，中國與一百五十多個國家簽署合作文件。\n" * 5,
        ),
    ],
)
def test_decode_encodings(data: bytes, raw: str) -> None:
    assert decode(Path("x.txt"), data) == raw


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty document"),
        (b" \n\t\r\n ", "empty document"),
        (b"\xef\xbb\xbf\n", "empty document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        (bytes(range(1, 32)) * 40, "binary file, not text"),
        (bytes(range(0x80, 0x100)) * 10, "undecodable bytes"),
    ],
)
def test_decode_refuses(data: bytes, reason: str) -> None:
    with pytest.raises(DocumentError) as caught:
        decode(Path("bad.txt"), data)
    assert caught.value.reason.startswith(reason)
    assert str(caught.value).startswith("bad.txt: ")


def test_decode_size_limit() -> None:
    with pytest.raises(DocumentError, match="too large: .*3,000,000 bytes.*over the 1.0 MB limit"):
        decode(Path("big.txt"), b"a" * 3_000_000, max_bytes=1024 * 1024)
    assert corpus.MAX_BYTES == 20 * 1024 * 1024


def test_bad_files_are_reported_and_the_good_ones_still_load(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", "Good Document\n" + ENGLISH)
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "blank.md", "---\n\n# \n")
    write(tmp_path, "binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50)
    write(tmp_path, "undecodable.txt", bytes(range(0x80, 0x100)) * 10)
    write(tmp_path, "huge.txt", "Huge\n" + ENGLISH * 100)
    write(tmp_path, "zz-good.md", "# Second Good One\n\n" + CHINESE)
    documents, errors = load_corpus(tmp_path, max_bytes=4096)
    assert [doc.id for doc in documents] == ["good", "zz-good"]
    assert documents[1].meta.title == "Second Good One"
    assert documents[1].text.startswith("Second Good One\n\n")
    assert sorted(error.path.name for error in errors) == [
        "binary.txt",
        "blank.md",
        "empty.txt",
        "huge.txt",
        "undecodable.txt",
    ]
    assert error_for(errors, "empty.txt").reason == "empty document"
    assert error_for(errors, "blank.md").reason == "empty document"
    assert error_for(errors, "binary.txt").reason == "binary file, not text"
    assert error_for(errors, "undecodable.txt").reason == (
        "undecodable bytes (not UTF-8, GB18030 or a detectable encoding)"
    )
    huge = error_for(errors, "huge.txt")
    assert "too large" in huge.reason and "limit" in huge.reason
    for error in errors:
        assert error.path.name in str(error)


# --- the manifest ----------------------------------------------------------------------------

ENTRY = """
[[document]]
id = "{id}"
file = "{file}"
title = "A Title"
language = "en"
date = "2024-01"
"""


def test_manifest_entries_override_inference(tmp_path: Path) -> None:
    manifest(
        tmp_path,
        ENTRY.format(id="my-doc", file="a.txt")
        + '\n[[document]]\nfile = "b.txt"\npublisher = "Xinhua"\ndate = 2023-10-10\n',
    )
    write(tmp_path, "a.txt", "First line\nOctober 10, 2023\n" + ENGLISH)
    write(tmp_path, "b.txt", "Inferred Title\n" + CHINESE * 3)
    documents, errors = load_corpus(tmp_path)
    assert errors == []
    a, b = documents  # sorted by id: "b", "my-doc"
    assert (a.id, a.meta.title, a.meta.language, a.meta.date) == (
        "b",
        "Inferred Title",
        "zh",
        "2023-10-10",
    )
    assert a.meta.publisher == "Xinhua"
    assert a.meta.inferred == ("id", "title", "language")
    assert (b.id, b.meta.title, b.meta.date, b.meta.inferred) == (
        "my-doc",
        "A Title",
        "2024-01",
        (),
    )


def test_manifest_file_missing_is_a_document_error(tmp_path: Path) -> None:
    manifest(
        tmp_path, ENTRY.format(id="gone", file="gone.txt") + ENTRY.format(id="x", file="x.txt")
    )
    write(tmp_path, "x.txt", ENGLISH)
    documents, errors = load_corpus(tmp_path)
    assert [doc.id for doc in documents] == ["x"]
    assert "listed in manifest.toml but not found" in error_for(errors, "gone.txt").reason


def test_duplicate_id_between_manifest_and_inference(tmp_path: Path) -> None:
    manifest(tmp_path, ENTRY.format(id="b", file="a.txt"))
    write(tmp_path, "a.txt", ENGLISH)
    write(tmp_path, "b.txt", ENGLISH)  # its inferred id "b" is taken by a.txt's manifest id
    documents, errors = load_corpus(tmp_path)
    assert [(doc.id, doc.meta.file_name) for doc in documents] == [("b", "a.txt")]
    assert "already used by a.txt" in error_for(errors, "b.txt").reason


def test_load_file_uses_the_manifest_beside_it(tmp_path: Path) -> None:
    manifest(tmp_path, ENTRY.format(id="my-doc", file="a.txt"))
    path = write(tmp_path, "a.txt", ENGLISH)
    other = write(tmp_path, "other file.md", "# Heading\n\n" + ENGLISH)
    assert load_file(path).meta.title == "A Title"
    assert load_file(path).id == "my-doc"
    assert load_file(other).id == "other-file"
    assert load_file(other).meta.title == "Heading"
    with pytest.raises(DocumentError, match="file not found"):
        load_file(tmp_path / "missing.txt")
    with pytest.raises(DocumentError, match="unsupported format '.pdf'"):
        load_file(write(tmp_path, "x.pdf", b"%PDF-1.4"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[document]]\nid = "a"\nfile = "a.txt\n', r"invalid TOML: .*line 3, column"),
        ('[[document]]\nid = "a"\ntitle = "T"\n', r"document 1: missing 'file'"),
        (
            ENTRY.format(id="a", file="a.txt") + ENTRY.format(id="a", file="b.txt"),
            r"document 2 \(b.txt\): duplicate id 'a' \(also a.txt\)",
        ),
        (
            ENTRY.format(id="a", file="a.txt") + ENTRY.format(id="b", file="a.txt"),
            r"document 2 \(a.txt\): file 'a.txt' is listed twice \(also document 1\)",
        ),
        (
            ENTRY.format(id="a", file="a.txt").replace("2024-01", "10/10/2023"),
            r"document 1 \(a.txt\): date '10/10/2023' is not an ISO 8601 date",
        ),
        (
            ENTRY.format(id="a", file="a.txt").replace("2024-01", "2024-13"),
            r"date '2024-13' is not an ISO 8601 date",
        ),
        (
            ENTRY.format(id="a", file="a.txt").replace('"en"', '"fr"'),
            r"document 1 \(a.txt\): unknown language 'fr'",
        ),
        (ENTRY.format(id="a b", file="a.txt"), r"id 'a b' is not a slug"),
        (ENTRY.format(id="a", file="a.txt") + 'titel = "x"\n', r"unknown field 'titel'"),
        (ENTRY.format(id="a", file="sub/a.txt"), r"'file' must be a file name"),
        ('[[document]]\nfile = "a.txt"\ntitle = 3\n', r"field 'title' must be a string"),
        ('document = "a.txt"\n', r"must be an array of tables"),
        ('[corpus]\nname = "x"\n', r"unknown top-level key 'corpus'"),
    ],
)
def test_malformed_manifest(tmp_path: Path, text: str, message: str) -> None:
    path = manifest(tmp_path, text)
    write(tmp_path, "a.txt", ENGLISH)
    with pytest.raises(BrikgError, match=message) as caught:
        load_corpus(tmp_path)
    assert str(caught.value).startswith(f"{path}: ")
    assert "\n" not in str(caught.value)
    with pytest.raises(BrikgError, match=message):
        read_manifest(path)


def test_manifest_language_is_canonical(tmp_path: Path) -> None:
    path = manifest(tmp_path, ENTRY.format(id="a", file="a.txt").replace('"en"', '"en, zh"'))
    assert read_manifest(path)["a.txt"].language == "zh en"
