"""Plain-letter pinyin of Chinese characters, for comparing transliterated names (卡鲁玛 kaluma,
"Karuma"): the first reading of each character in pypinyin's table, without tones.

Executing pypinyin's table module costs more than the linking it serves, so the readings are
derived once into a table kept by :mod:`brikg.tables`, keyed by pypinyin's version and this
module's source (what derives them).
"""

from __future__ import annotations

import importlib.util
import unicodedata
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from brikg.tables import cached_table


def pinyin(text: str) -> str:
    """The pinyin of ``text`` without tones, one reading per character ("" for a character
    pypinyin does not know)."""
    table = _table()
    return "".join([table.get(ord(char), "") for char in text])


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    inputs = (metadata.version("pypinyin"), Path(__file__).read_text("utf-8"))
    return cached_table("pinyin", inputs, _derive)


def _derive() -> dict[int, str]:
    # The table module alone: importing the pypinyin package also parses its phrase
    # dictionary, which takes most of a second and is not needed here.
    spec = importlib.util.find_spec("pypinyin")
    assert spec is not None and spec.origin is not None
    source = importlib.util.spec_from_file_location(
        "brikg_pinyin_table", Path(spec.origin).with_name("pinyin_dict.py")
    )
    assert source is not None and source.loader is not None
    module = importlib.util.module_from_spec(source)
    source.loader.exec_module(module)
    table = {}
    for code, readings in module.pinyin_dict.items():
        syllable = unicodedata.normalize("NFKD", readings.split(",", 1)[0])
        table[code] = "".join(c for c in syllable if c.isascii() and c.isalpha())
    return table
