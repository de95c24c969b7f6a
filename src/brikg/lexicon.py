"""The curated lexicon: well-known BRI names and all countries, in English and Chinese.

Extraction finds unseen names by grammar, but no pattern can tell that "AIIB", "亚投行" and
"Asian Infrastructure Investment Bank" are one bank. The lexicon supplies such canonical names
and aliases so that each resolves to one entity. Two data files feed it:

- ``ontology/lexicon.ttl``: a SKOS concept scheme of initiatives, corridors, mechanisms,
  projects, organizations, strategies and people;
- ``ontology/countries.ttl``: aliases and Chinese names that pycountry lacks;
- ``ontology/regions.ttl`` (optional): English names of regions that ISO 3166-2 spells in
  the local language ("West Java" for "Jawa Barat"), which place a project in a country.

Countries themselves come from pycountry (every ISO 3166-1 entry), so that a country named in
a document is always a known country even if this repository never listed it.

The files are parsed once per ontology folder and cached: the recogniser and the resolver
share one :class:`Lexicon`.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, parse

from brikg.errors import BrikgError
from brikg.ir import EntityType
from brikg.resources import ONTOLOGY_DIR
from brikg.vocab import BRIKG_BASE, ID_BASE

LEXICON_FILE = "lexicon.ttl"
COUNTRIES_FILE = "countries.ttl"
REGIONS_FILE = "regions.ttl"
SCHEME = ID_BASE + "lexicon"

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_IN_SCHEME = _SKOS + "inScheme"
_PREF_LABEL = _SKOS + "prefLabel"
_ALT_LABEL = _SKOS + "altLabel"
_NOTATION = _SKOS + "notation"
_DEFINITION = _SKOS + "definition"
_COUNTRY = BRIKG_BASE + "Country"
_LOCATED_IN = BRIKG_BASE + "locatedIn"
_OWNED_BY = BRIKG_BASE + "ownedBy"
_COMPOUND_PREFIX = BRIKG_BASE + "compoundPrefix"
_DEMONYM = BRIKG_BASE + "demonym"
# The endings that turn a country's name into its adjective: Kenya-n, Tanzani-an, Chin-ese,
# Turk-ish, Oman-i, Turkmen(istan), Kazakh(stan).
DEMONYM_ENDINGS = ("ian", "ean", "an", "ese", "ish", "i", "n", "")
_SHORTEST_ENDING_FIRST = sorted(DEMONYM_ENDINGS, key=len)
# What a country's name may have past the stem of its adjective: Chin-a, Kazakh-stan, Uzbek-istan
# (not Port-ugal, Green-land or And-orra).
_NAME_REST = re.compile(r"[a-z]|i?stan")

_Subject = NamedNode | BlankNode | Triple
_Term = _Subject | Literal

# pycountry's zh_CN catalogue has a few plain errors; they must not become surface forms.
# (Taiwan-usage variants such as 瓜地马拉 are real spellings and stay as aliases.)
_BAD_ZH_TRANSLATIONS = frozenset({"柬埔塞", "法属玻利尼西亚"})

_DASHES = "-‐‑‒–—―－"
_DASH_RE = re.compile(f"[{_DASHES}]")
_QUOTES = "\"“”「」'‘’"
_FOLD_TABLE = str.maketrans({**dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_QUOTES, "")})
_SPACES = re.compile(r"\s+")
_OF_TAIL = re.compile(r"\bof(?: the)?$", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


class LexiconError(BrikgError):
    """The lexicon data is inconsistent; the build cannot trust its entity ids."""


@dataclass(frozen=True)
class LexiconEntry:
    """A curated entity: its id ``"<type>/<slug>"``, labels per language, aliases, countries.

    ``country_codes`` are the ISO alpha-2 codes of the countries it is located in, or of the
    country whose strategy it is; ``owner`` is the entity id of that owner (``"country/kz"``,
    ``"organization/african-union"``).
    """

    id: str
    type: EntityType
    labels: dict[str, str]
    aliases: tuple[tuple[str, str], ...] = ()
    country_codes: tuple[str, ...] = ()
    owner: str | None = None
    definition: str | None = None


@dataclass(frozen=True)
class CountryInfo:
    """One ISO 3166-1 country with the names the lexicon knows for it."""

    alpha2: str
    alpha3: str
    name: str
    official_name: str | None
    common_name: str | None
    labels: dict[str, str]
    aliases: tuple[tuple[str, str], ...] = ()
    compound_prefixes: tuple[str, ...] = field(default=())
    demonyms: tuple[str, ...] = field(default=())

    @property
    def id(self) -> str:
        return f"country/{self.alpha2.lower()}"


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The key under which two spellings count as one name (case, accents, dashes, quotes).

    Used to find collisions and for :meth:`Lexicon.lookup`; it is deliberately conservative
    (it keeps word order and articles other than a leading "the") so that distinct names stay
    distinct.
    """
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    folded = _SPACES.sub(" ", folded.translate(_FOLD_TABLE)).strip()
    return folded[4:] if folded.startswith("the ") else folded


class Lexicon:
    """Curated entries and all countries, with the surface forms a matcher compiles."""

    def __init__(
        self,
        entries: dict[str, LexiconEntry],
        countries: dict[str, CountryInfo],
        regions: dict[str, str] | None = None,
    ):
        self.entries = entries
        self.countries = countries
        self.regions = regions or {}
        """An English name of a region (:func:`fold`-ed) → its ISO 3166-2 code."""
        self._surface_forms: list[tuple[str, str, str]] | None = None
        self._by_key: dict[str, str] | None = None
        self._nationalities: tuple[dict[str, str], list[tuple[str, str]]] | None = None
        self._compound_prefixes: dict[str, str] | None = None

    def surface_forms(self) -> list[tuple[str, str, str]]:
        """Every ``(text, language, entity id)`` to match: labels and aliases of entries and
        countries, with the typographic variants of Chinese forms (dashes, quotes, full-width
        brackets) that Chinese matching cannot normalise away."""
        if self._surface_forms is None:
            seen: set[tuple[str, str, str]] = set()
            forms: list[tuple[str, str, str]] = []
            for entity_id, names in self._names():
                for text, language in names:
                    variants = _zh_variants(text) if language == "zh" else [text]
                    for variant in variants:
                        item = (variant, language, entity_id)
                        if variant.strip() and item not in seen:
                            seen.add(item)
                            forms.append(item)
            self._surface_forms = forms
        return list(self._surface_forms)

    def collisions(self) -> dict[str, set[str]]:
        """Folded surface forms that name more than one entity (should be empty)."""
        ids: dict[str, set[str]] = defaultdict(set)
        for text, _language, entity_id in self.surface_forms():
            ids[fold(text)].add(entity_id)
        return {key: found for key, found in sorted(ids.items()) if len(found) > 1}

    def lookup(self, text: str) -> str | None:
        """The entity id whose label or alias is ``text`` (up to :func:`fold`), if any."""
        if self._by_key is None:
            by_key: dict[str, str] = {}
            for surface, _language, entity_id in self.surface_forms():
                by_key.setdefault(fold(surface), entity_id)
            self._by_key = by_key
        return self._by_key.get(fold(text))

    def nationality(self, adjective: str) -> str | None:
        """The id of the one country an English adjective of nationality names ("Kazakh",
        "Lao", "Dutch"), if any: a demonym of countries.ttl, or a name less a regular ending,
        whole (Kenya-n, Oman-i) before a one-word name that goes on by a letter or "stan" (Chin-ese:
        China, Kazakh: Kazakhstan). "Korean" names two countries, so none."""
        if self._nationalities is None:
            self._nationalities = self._nationality_index()
        exact, names = self._nationalities
        folded = fold(adjective)
        if folded in exact:
            return exact[folded]
        stems = [
            folded[: len(folded) - len(ending)]
            for ending in _SHORTEST_ENDING_FIRST  # the longest stem first
            if folded.endswith(ending) and len(folded) - len(ending) >= 3
        ]
        for stem in stems:
            if stem in exact:
                return exact[stem]
        for stem in stems:
            at = bisect_left(names, (stem, ""))
            ids = set()
            while at < len(names) and names[at][0].startswith(stem):
                if _NAME_REST.fullmatch(names[at][0], len(stem)):
                    ids.add(names[at][1])
                at += 1
            if ids:
                return ids.pop() if len(ids) == 1 else None
        return None

    def _nationality_index(self) -> tuple[dict[str, str], list[tuple[str, str]]]:
        """Demonyms and English names, folded, to a country id (a name two countries share
        maps to neither); and the one-word names with their ids, sorted, for prefixes."""
        owners: dict[str, set[str]] = defaultdict(set)
        for info in self.countries.values():
            for text, language in [*((t, lang) for lang, t in info.labels.items()), *info.aliases]:
                if language == "en":
                    owners[fold(text)].add(info.id)
        exact = {name: ids.pop() for name, ids in owners.items() if len(ids) == 1}
        one_word = sorted((name, entity_id) for name, entity_id in exact.items() if " " not in name)
        for info in self.countries.values():
            exact.update((fold(demonym), info.id) for demonym in info.demonyms)
        return exact, one_word

    def compound_prefixes(self) -> dict[str, str]:
        """One-character country forms used inside compound names: ``{"老": "LA", ...}``."""
        if self._compound_prefixes is None:
            self._compound_prefixes = {
                char: info.alpha2
                for info in self.countries.values()
                for char in info.compound_prefixes
            }
        return self._compound_prefixes

    def country_name(self, alpha2: str, lang: str = "en") -> str:
        """The display name of a country in ``lang`` ("" if the code or language is unknown)."""
        info = self.countries.get(alpha2.upper())
        if info is None:
            return ""
        return info.labels.get(lang, "")

    def _names(self) -> Iterable[tuple[str, Iterable[tuple[str, str]]]]:
        """Names of entries, then of countries; a curated entry overrides an ISO country name
        it shares (Hong Kong and Macao are SARs of China in these documents: places)."""
        claimed: set[str] = set()
        for entity_id, entry in sorted(self.entries.items()):
            names = [*((text, lang) for lang, text in entry.labels.items()), *entry.aliases]
            claimed.update(fold(text) for text, _lang in names)
            yield entity_id, names
        for _code, info in sorted(self.countries.items()):
            names = [*((text, lang) for lang, text in info.labels.items()), *info.aliases]
            yield info.id, [(text, lang) for text, lang in names if fold(text) not in claimed]


def load_lexicon(ontology_dir: Path | None = None) -> Lexicon:
    """The lexicon from ``ontology_dir`` (default: the repository's ``ontology/``), cached."""
    return _load(Path(ontology_dir or ONTOLOGY_DIR).resolve())


@lru_cache(maxsize=8)
def _load(ontology_dir: Path) -> Lexicon:
    lexicon_graph = _parse(ontology_dir / LEXICON_FILE)
    countries_graph = _parse(ontology_dir / COUNTRIES_FILE)
    countries = _countries(countries_graph)
    entries = _entries(lexicon_graph, countries)
    regions_file = ontology_dir / REGIONS_FILE
    regions = _regions(_parse(regions_file)) if regions_file.exists() else {}
    return Lexicon(entries, countries, regions)


def _regions(graph: _Graph) -> dict[str, str]:
    """Each label of a region concept, folded, → the concept's ISO 3166-2 code (its
    skos:notation); a label two regions share names neither."""
    codes: dict[str, set[str]] = defaultdict(set)
    for subject in graph.subjects(_RDF_TYPE, _SKOS + "Concept"):
        for notation in graph.objects(subject, _NOTATION):
            code = _text(notation)  # tests check it against pycountry, slow to load here
            for predicate in (_PREF_LABEL, _ALT_LABEL):
                for label in graph.objects(subject, predicate):
                    codes[fold(_text(label))].add(code)
    return {label: found.pop() for label, found in sorted(codes.items()) if len(found) == 1}


class _Graph:
    """The triples of one Turtle file: subject -> predicate IRI -> objects.

    pyoxigraph, not rdflib: the lexicon is loaded in every build, and rdflib took about six
    times as long. Objects keep file order without repeats, as rdflib's in-memory graph gave
    them (labels stay in order; a triple stated twice is one triple, not two labels).
    """

    def __init__(self, path: Path) -> None:
        self._index: dict[_Subject, dict[str, dict[_Term, None]]] = {}
        for quad in parse(path=path, format=RdfFormat.TURTLE, base_iri=path.as_uri()):
            by_predicate = self._index.setdefault(quad.subject, {})
            by_predicate.setdefault(quad.predicate.value, {})[quad.object] = None

    def objects(self, subject: _Subject, predicate: str) -> list[_Term]:
        return list(self._index.get(subject, {}).get(predicate, ()))

    def subjects(self, predicate: str, iri: str) -> list[_Subject]:
        """The subjects with ``predicate`` pointing to the IRI ``iri``, in file order."""
        node = NamedNode(iri)
        return [
            subject
            for subject, by_predicate in self._index.items()
            if node in by_predicate.get(predicate, ())
        ]


def _parse(path: Path) -> _Graph:
    if not path.is_file():
        raise LexiconError(f"{path}: lexicon file not found")
    try:
        return _Graph(path)
    except SyntaxError as error:  # pyoxigraph's message gives the line and column
        raise LexiconError(f"{path}: cannot parse Turtle: {' '.join(error.msg.split())}") from error
    except OSError as error:
        raise LexiconError(f"{path}: cannot read: {error}") from error


def _text(term: _Term) -> str:
    """An IRI, a literal's lexical form or a blank node's id (what ``str`` of rdflib's gave)."""
    return str(term) if isinstance(term, Triple) else term.value


def entity_id_of(iri: str) -> str:
    """``https://w3id.org/brikg/id/project/x`` -> ``project/x``."""
    if not iri.startswith(ID_BASE):
        raise LexiconError(f"{iri}: not an entity IRI under {ID_BASE}")
    return iri[len(ID_BASE) :]


def _entries(graph: _Graph, countries: dict[str, CountryInfo]) -> dict[str, LexiconEntry]:
    types = {BRIKG_BASE + entity_type.value: entity_type for entity_type in EntityType}
    entries: dict[str, LexiconEntry] = {}
    for subject in sorted(graph.subjects(_IN_SCHEME, SCHEME), key=_text):
        entity_id = entity_id_of(_text(subject))
        found = [
            types[t.value]
            for t in graph.objects(subject, _RDF_TYPE)
            if isinstance(t, NamedNode) and t.value in types
        ]
        if len(found) != 1:
            raise LexiconError(f"{entity_id}: needs exactly one brikg entity class, has {found}")
        entity_type = found[0]
        if entity_id.split("/", 1)[0] != entity_type.value.lower():
            raise LexiconError(f"{entity_id}: IRI does not match its class brikg:{entity_type}")
        labels = _pref_labels(graph, subject, entity_id)
        if "en" not in labels:
            raise LexiconError(f"{entity_id}: no English skos:prefLabel")
        owner = None
        codes = {
            _country_code(o, countries, entity_id) for o in graph.objects(subject, _LOCATED_IN)
        }
        owners = graph.objects(subject, _OWNED_BY)
        if len(owners) > 1:
            raise LexiconError(f"{entity_id}: more than one brikg:ownedBy")
        if owners:
            owner = entity_id_of(_text(owners[0]))
            if owner.startswith("country/"):
                codes.add(_country_code(owners[0], countries, entity_id))
        definitions = graph.objects(subject, _DEFINITION)
        entries[entity_id] = LexiconEntry(
            id=entity_id,
            type=entity_type,
            labels=labels,
            aliases=_alt_labels(graph, subject, labels),
            country_codes=tuple(sorted(codes)),
            owner=owner,
            definition=_text(definitions[0]) if definitions else None,
        )
    for entity_id, entry in entries.items():
        if entry.owner and not entry.owner.startswith("country/") and entry.owner not in entries:
            raise LexiconError(f"{entity_id}: owner {entry.owner} is not in the lexicon")
    return entries


def _country_code(iri: _Term, countries: dict[str, CountryInfo], where: str) -> str:
    entity_id = entity_id_of(_text(iri))
    kind, _, code = entity_id.partition("/")
    if kind != "country" or code.upper() not in countries or code != code.lower():
        raise LexiconError(f"{where}: {entity_id} is not an ISO 3166-1 country IRI")
    return code.upper()


def _pref_labels(graph: _Graph, subject: _Subject, where: str) -> dict[str, str]:
    labels: dict[str, str] = {}
    for label in graph.objects(subject, _PREF_LABEL):
        language = _language(label, where)
        if language in labels:
            raise LexiconError(f"{where}: two skos:prefLabel in @{language}")
        labels[language] = _text(label)
    return labels


def _alt_labels(
    graph: _Graph, subject: _Subject, labels: dict[str, str]
) -> tuple[tuple[str, str], ...]:
    aliases = {
        (_text(label), _language(label, _text(subject)))
        for label in graph.objects(subject, _ALT_LABEL)
    }
    aliases -= {(text, language) for language, text in labels.items()}
    return tuple(sorted(aliases, key=lambda alias: (alias[1], alias[0])))


def _language(label: _Term, where: str) -> str:
    if not isinstance(label, Literal) or not label.language:
        raise LexiconError(f"{where}: label {label} has no language tag")
    return label.language.split("-", 1)[0].lower()


def _countries(graph: _Graph) -> dict[str, CountryInfo]:
    """Every ISO 3166-1 country from pycountry, merged with ``countries.ttl``."""
    extra_labels: dict[str, dict[str, str]] = defaultdict(dict)
    extra_aliases: dict[str, set[tuple[str, str]]] = defaultdict(set)
    prefixes: dict[str, list[str]] = defaultdict(list)
    demonyms: dict[str, list[str]] = defaultdict(list)
    owner_of_prefix: dict[str, str] = {}
    for subject in graph.subjects(_RDF_TYPE, _COUNTRY):
        entity_id = entity_id_of(_text(subject))
        kind, _, code = entity_id.partition("/")
        alpha2 = code.upper()
        if kind != "country" or code != code.lower() or not pycountry.countries.get(alpha_2=alpha2):
            raise LexiconError(f"{COUNTRIES_FILE}: {entity_id} is not an ISO 3166-1 country IRI")
        extra_labels[alpha2] = _pref_labels(graph, subject, entity_id)
        extra_aliases[alpha2] = set(_alt_labels(graph, subject, {}))
        for char in graph.objects(subject, _COMPOUND_PREFIX):
            text = _text(char)
            if len(text) != 1 or text in owner_of_prefix:
                raise LexiconError(
                    f"{entity_id}: compound prefix {text!r} is not one unique character"
                )
            owner_of_prefix[text] = alpha2
            prefixes[alpha2].append(text)
        demonyms[alpha2] = [_text(word) for word in graph.objects(subject, _DEMONYM)]

    zh = _zh_translations()
    countries: dict[str, CountryInfo] = {}
    for country in pycountry.countries:
        alpha2 = country.alpha_2
        name = country.name
        official = getattr(country, "official_name", None)
        common = getattr(country, "common_name", None)
        english = [form for raw in (common, name, official) if raw for form in _english_forms(raw)]
        translated = [zh(raw) for raw in (name, official, common) if raw]
        chinese = [text for text in translated if text and text not in _BAD_ZH_TRANSLATIONS]
        labels = {
            "en": extra_labels[alpha2].get("en") or (english[0] if english else name),
        }
        zh_label = extra_labels[alpha2].get("zh") or (chinese[0] if chinese else None)
        if zh_label:
            labels["zh"] = zh_label
        names = {(text, "en") for text in english} | {(text, "zh") for text in chinese}
        names |= extra_aliases[alpha2]
        names -= {(text, language) for language, text in labels.items()}
        countries[alpha2] = CountryInfo(
            alpha2=alpha2,
            alpha3=country.alpha_3,
            name=name,
            official_name=official,
            common_name=common,
            labels=labels,
            aliases=tuple(sorted(names, key=lambda alias: (alias[1], alias[0]))),
            compound_prefixes=tuple(sorted(prefixes[alpha2])),
            demonyms=tuple(demonyms[alpha2]),
        )
    return countries


def _zh_translations() -> Callable[[str], str | None]:
    """pycountry's own Chinese names (gettext catalogue ``iso3166-1``, ``zh_CN``)."""
    try:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    except OSError:  # a pycountry build without locales: countries.ttl still gives zh names
        return lambda text: None

    def translate(text: str) -> str | None:
        translated = catalogue.gettext(text)
        return translated if translated != text else None

    return translate


def _english_forms(raw: str) -> list[str]:
    """Readable forms of an ISO name: "Korea, Republic of" -> "Republic of Korea".

    ISO's inverted names ("X, Y of") are turned round; a comma list ("Bonaire, Sint Eustatius
    and Saba") is kept; any other comma name ("Taiwan, Province of China", "Virgin Islands,
    British") yields nothing, since the official or common name covers it. A parenthesised
    qualifier also yields the name without it ("Holy See (Vatican City State)" -> "Holy See").
    """
    name = raw.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    if ", " in name:
        head, _, tail = name.partition(", ")
        if _OF_TAIL.search(tail):
            tail = tail[4:] if tail.lower().startswith("the ") else tail
            name = f"{tail} {head}"
        elif " and " not in tail:
            return []
    forms = [name]
    bare = _PARENTHESIS.sub("", name).strip()
    if bare and bare != name:
        forms.append(bare)
    return forms


def _zh_variants(text: str) -> list[str]:
    """Spellings of one Chinese name that documents use interchangeably.

    Dashes (中国—中亚, 中国-中亚), quotation marks (“一带一路”, "一带一路", 一带一路) and
    full-width or ASCII brackets (刚果（金）, 刚果(金)).
    """
    variants = [text]
    if _DASH_RE.search(text):
        variants = [_DASH_RE.sub(dash, text) for dash in ("—", "-", "－", "–")]
    if any(quote in text for quote in '“”"'):
        quoted = []
        for variant in variants:
            bare = variant.replace("“", "").replace("”", "").replace('"', "")
            ascii_quotes = variant.replace("“", '"').replace("”", '"')
            quoted += [variant, ascii_quotes, bare]
        variants = quoted
    if any(bracket in text for bracket in "（）()"):
        variants = [
            form
            for variant in variants
            for form in (
                variant.replace("(", "（").replace(")", "）"),
                variant.replace("（", "(").replace("）", ")"),
            )
        ]
    unique: list[str] = []
    for variant in [text, *variants]:
        if variant not in unique:
            unique.append(variant)
    return unique
