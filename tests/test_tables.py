"""Derived tables kept between runs: read back equal, rebuilt when stale or damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from brikg.tables import cached_table, tables_dir


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIKG_TABLES", str(tmp_path / "tables"))
    return tmp_path / "tables"


def _counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_second_run_reads_the_saved_table(folder: Path) -> None:
    table = {"gwadar": "PK", "piraeus": "GR", "words": ("a", 1)}
    calls, build = _counting(table)
    assert cached_table("demo", ("v1",), build) == table
    assert cached_table("demo", ("v1",), build) == table
    assert len(calls) == 1
    assert len(list(folder.glob("demo-*.marshal"))) == 1
    assert not list(folder.glob(".*"))  # no temporary file left behind


def test_other_inputs_build_another_table(folder: Path) -> None:
    calls, build = _counting({"x": 1})
    cached_table("demo", ("v1",), build)
    cached_table("demo", ("v2",), build)
    assert len(calls) == 2


def test_damaged_file_is_rebuilt(folder: Path) -> None:
    calls, build = _counting({"x": 1})
    cached_table("demo", ("v1",), build)
    (saved,) = folder.glob("demo-*.marshal")
    saved.write_bytes(b"\x00garbage")
    assert cached_table("demo", ("v1",), build) == {"x": 1}
    assert len(calls) == 2


def test_unwritable_folder_costs_only_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BRIKG_TABLES", str(blocker / "tables"))
    calls, build = _counting({"x": 1})
    assert cached_table("demo", ("v1",), build) == {"x": 1}
    assert cached_table("demo", ("v1",), build) == {"x": 1}
    assert len(calls) == 2


def test_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("BRIKG_TABLES", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert tables_dir() == tmp_path / "brikg"


def test_city_table_from_cache_equals_a_fresh_derivation(folder: Path) -> None:
    from brikg import places

    places.cities.cache_clear()
    try:
        derived = places.cities()
        places.cities.cache_clear()
        assert places.cities() == derived  # second read: from the file
        assert places.city_country("Gwadar") == "PK"
        assert places.city_country("Piraeus") == "GR"
    finally:
        places.cities.cache_clear()


def test_jieba_table_from_cache_segments_alike(folder: Path) -> None:
    from brikg.recognize.zh_words import Words

    text = "墨拉瓦水电站是该国最大水电站"
    first = Words(["墨拉瓦水电站"]).cut(text)
    second = Words(["墨拉瓦水电站"]).cut(text)
    assert first == second
    assert first[0].text == "墨拉瓦水电站"
    assert len(list(folder.glob("jieba-words-*.marshal"))) == 1
