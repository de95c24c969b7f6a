"""The curated lexicon: well-formed data, one entity per surface form, all ISO countries.

The data checks read the .ttl files with rdflib, a second Turtle parser, so that they also
check brikg.lexicon's own reading of them (pyoxigraph).
"""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from brikg.ir import EntityType
from brikg.lexicon import (
    COUNTRIES_FILE,
    LEXICON_FILE,
    REGIONS_FILE,
    SCHEME,
    Lexicon,
    LexiconError,
    entity_id_of,
    fold,
    load_lexicon,
)
from brikg.places import city_country, region_country
from brikg.resources import ONTOLOGY_DIR
from brikg.vocab import BRIKG, ID, slugify

# Surface forms that may knowingly name two entities. Empty: every ambiguity found so far was
# removed from the data instead (see the comments in the two .ttl files).
ALLOWED_COLLISIONS: dict[str, set[str]] = {}

SCHEME_IRI = URIRef(SCHEME)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="module")
def lexicon_graph() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / LEXICON_FILE, format="turtle")


@pytest.fixture(scope="module")
def countries_graph() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / COUNTRIES_FILE, format="turtle")


def test_scheme_is_declared(lexicon_graph: Graph) -> None:
    assert (SCHEME_IRI, RDF.type, SKOS.ConceptScheme) in lexicon_graph
    assert lexicon_graph.value(SCHEME_IRI, SKOS.prefLabel) is not None


def test_every_entry_iri_is_type_and_slug_of_english_label(lexicon_graph: Graph) -> None:
    """The IRI is a pure function of the canonical name, as brikg.vocab mints them."""
    classes = {BRIKG[entity_type.value]: entity_type for entity_type in EntityType}
    subjects = set(lexicon_graph.subjects(SKOS.inScheme, SCHEME_IRI))
    assert len(subjects) >= 60
    wrong = []
    for subject in subjects:
        types = [classes[t] for t in lexicon_graph.objects(subject, RDF.type) if t in classes]
        assert len(types) == 1, f"{subject}: brikg classes {types}"
        assert (subject, RDF.type, SKOS.Concept) in lexicon_graph, subject
        english = [
            label
            for label in lexicon_graph.objects(subject, SKOS.prefLabel)
            if isinstance(label, Literal) and label.language == "en"
        ]
        assert len(english) == 1, f"{subject}: needs one English prefLabel, has {english}"
        expected = ID[f"{types[0].value.lower()}/{slugify(str(english[0]))}"]
        if subject != expected:
            wrong.append(f"{subject} != {expected}")
    assert not wrong, "\n".join(wrong)


def test_every_label_has_a_language(lexicon_graph: Graph, countries_graph: Graph) -> None:
    for graph in (lexicon_graph, countries_graph):
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            for subject, label in graph.subject_objects(predicate):
                assert isinstance(label, Literal) and label.language in {"en", "zh"}, (
                    f"{subject} {label!r}"
                )


def test_entries_load_with_valid_types(lexicon: Lexicon) -> None:
    assert len(lexicon.entries) >= 60
    for entity_id, entry in lexicon.entries.items():
        assert entry.id == entity_id
        assert isinstance(entry.type, EntityType)
        assert entity_id.split("/", 1)[0] == entry.type.value.lower()
        assert entry.labels.get("en"), entity_id
        for code in entry.country_codes:
            assert pycountry.countries.get(alpha_2=code), f"{entity_id}: {code}"
        if entry.owner is not None:
            assert entry.owner.startswith("country/") or entry.owner in lexicon.entries


def test_country_iris_are_iso_codes(countries_graph: Graph) -> None:
    subjects = set(countries_graph.subjects(RDF.type, BRIKG.Country))
    assert len(subjects) >= 120
    for subject in subjects:
        kind, _, code = entity_id_of(subject).partition("/")
        assert kind == "country" and code == code.lower(), subject
        assert pycountry.countries.get(alpha_2=code.upper()), f"{subject}: not ISO 3166-1"
        assert str(countries_graph.value(subject, BRIKG.isoCode)) == code.upper()
        zh = [
            label
            for label in countries_graph.objects(subject, SKOS.prefLabel)
            if isinstance(label, Literal) and label.language == "zh"
        ]
        assert len(zh) == 1, f"{subject}: needs one Chinese prefLabel"


def test_region_names_are_iso_subdivisions_of_one_country(lexicon: Lexicon) -> None:
    """Each English region name is an ISO 3166-2 subdivision's, and no city or ISO region of
    another country bears it (a town "Ajara" in India would place a project there)."""
    graph = Graph().parse(ONTOLOGY_DIR / REGIONS_FILE, format="turtle")
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) >= 100
    labels = 0
    for concept in concepts:
        code = str(graph.value(concept, SKOS.notation))
        assert pycountry.subdivisions.get(code=code), f"{concept}: {code} is no ISO 3166-2 code"
        assert str(concept).endswith("/region/" + code.lower())
        for label in [
            *graph.objects(concept, SKOS.prefLabel),
            *graph.objects(concept, SKOS.altLabel),
        ]:
            assert isinstance(label, Literal) and label.language == "en", label
            assert lexicon.regions[fold(label)] == code, label
            assert city_country(label) in {None, code[:2]}, f"{label}: a city elsewhere"
            assert region_country(label) in {None, code[:2]}, f"{label}: a region elsewhere"
            labels += 1
    assert len(lexicon.regions) == labels  # no label names two regions


def test_region_names_are_optional(tmp_path: Path) -> None:
    """An ontology folder of a contributor's without regions.ttl still loads."""
    for name in (LEXICON_FILE, COUNTRIES_FILE):
        (tmp_path / name).write_bytes((ONTOLOGY_DIR / name).read_bytes())
    assert load_lexicon(tmp_path).regions == {}


def test_no_surface_form_names_two_entities(lexicon: Lexicon) -> None:
    collisions = {
        form: ids
        for form, ids in lexicon.collisions().items()
        if ALLOWED_COLLISIONS.get(form) != ids
    }
    listing = "\n".join(f"{form!r}: {sorted(ids)}" for form, ids in collisions.items())
    assert not collisions, f"surface forms naming several entities:\n{listing}"


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("Lao PDR", "country/la"),
        ("Laos", "country/la"),
        ("老挝", "country/la"),
        ("Türkiye", "country/tr"),
        ("Turkey", "country/tr"),
        ("AIIB", "organization/asian-infrastructure-investment-bank"),
        ("亚投行", "organization/asian-infrastructure-investment-bank"),
        ("One Belt, One Road", "initiative/belt-and-road-initiative"),
        ("一带一路", "initiative/belt-and-road-initiative"),
        ("“一带一路”倡议", "initiative/belt-and-road-initiative"),
        (
            '"一带一路"国际合作高峰论坛',
            "mechanism/belt-and-road-forum-for-international-cooperation",
        ),
        ("中国-中亚峰会", "mechanism/china-central-asia-summit"),
        ("Pelješac Bridge", "project/peljesac-bridge"),
        ("中欧班列", "project/china-europe-railway-express"),
        ("“丝路海运”", "project/silk-road-maritime"),
        ("郑州-卢森堡“空中丝绸之路”", "project/zhengzhou-luxembourg-air-silk-road"),
        ('Zhengzhou-Luxembourg "Air Silk Road"', "project/zhengzhou-luxembourg-air-silk-road"),
        ("中国政府奖学金", "project/chinese-government-scholarship"),
        ("一带一路·光明行", "project/brightness-journey"),
        ("Operation Brightness", "project/brightness-journey"),
        ("Middle Corridor", "corridor/trans-caspian-international-transport-route"),
        ("Republic of Korea", "country/kr"),
        ("Democratic Republic of the Congo", "country/cd"),
        ("刚果(金)", "country/cd"),
        ("印尼", "country/id"),
        ("巴新", "country/pg"),
        ("the Philippines", "country/ph"),
    ],
)
def test_known_names_resolve(lexicon: Lexicon, text: str, entity_id: str) -> None:
    assert lexicon.lookup(text) == entity_id
    forms = {fold(form) for form, _lang, found in lexicon.surface_forms() if found == entity_id}
    assert fold(text) in forms


def test_awkward_iso_names_are_not_surface_forms(lexicon: Lexicon) -> None:
    forms = {form for form, _lang, _id in lexicon.surface_forms()}
    for awkward in (
        "Korea, Republic of",
        "Bolivia, Plurinational State of",
        "Iran, Islamic Republic of",
    ):
        assert awkward not in forms
    assert "柬埔塞" not in forms  # a typo in pycountry's zh_CN catalogue
    assert "中非" not in forms  # China-Africa, not the Central African Republic


def test_every_iso_country_is_present(lexicon: Lexicon) -> None:
    assert len(lexicon.countries) >= 249
    assert {c.alpha_2 for c in pycountry.countries} <= set(lexicon.countries)
    assert lexicon.country_name("LA", "en") == "Laos"
    assert lexicon.country_name("LA", "zh") == "老挝"
    assert lexicon.country_name("kh", "zh") == "柬埔寨"
    assert lexicon.country_name("TW", "en") == "Taiwan"
    assert lexicon.country_name("XX", "en") == ""


def test_compound_prefixes(lexicon: Lexicon) -> None:
    prefixes = lexicon.compound_prefixes()
    assert prefixes["老"] == "LA"
    assert prefixes["中"] == "CN"
    assert prefixes["巴"] == "PK"  # the BRI reading (中巴经济走廊), not Brazil
    assert all(len(char) == 1 for char in prefixes)
    assert "欧" not in prefixes and "非" not in prefixes  # Europe and Africa are not countries
    forms = {form for form, _lang, _id in lexicon.surface_forms()}
    assert not forms & set(prefixes), "one-character prefixes must not be matched on their own"


def test_entry_details(lexicon: Lexicon) -> None:
    railway = lexicon.entries["project/china-laos-railway"]
    assert railway.type is EntityType.PROJECT
    assert railway.labels == {"en": "China-Laos Railway", "zh": "中老铁路"}
    assert railway.country_codes == ("CN", "LA")
    bright_road = lexicon.entries["strategy/nurly-zhol"]
    assert bright_road.owner == "country/kz"
    assert ("Bright Road", "en") in bright_road.aliases
    assert lexicon.entries["strategy/agenda-2063"].owner == "organization/african-union"


def test_entries_agree_with_rdflib(lexicon: Lexicon, lexicon_graph: Graph) -> None:
    """Each entry's labels, aliases, places, owner and definition as rdflib reads them."""
    subjects = sorted(lexicon_graph.subjects(SKOS.inScheme, SCHEME_IRI), key=str)
    assert list(lexicon.entries) == [entity_id_of(subject) for subject in subjects]
    for subject in subjects:
        entry = lexicon.entries[entity_id_of(subject)]
        labels = [(str(o), o.language) for o in lexicon_graph.objects(subject, SKOS.prefLabel)]
        assert [(text, language) for language, text in entry.labels.items()] == labels
        aliases = {(str(o), o.language) for o in lexicon_graph.objects(subject, SKOS.altLabel)}
        assert set(entry.aliases) == aliases - set(labels)
        definition = lexicon_graph.value(subject, SKOS.definition)
        assert entry.definition == (None if definition is None else str(definition))
        owner = lexicon_graph.value(subject, BRIKG.ownedBy)
        assert entry.owner == (None if owner is None else entity_id_of(owner))
        places = {entity_id_of(o) for o in lexicon_graph.objects(subject, BRIKG.locatedIn)}
        places |= {entry.owner} if entry.owner and entry.owner.startswith("country/") else set()
        assert entry.country_codes == tuple(sorted(p.split("/")[1].upper() for p in places))


def test_countries_agree_with_rdflib(lexicon: Lexicon, countries_graph: Graph) -> None:
    for subject in countries_graph.subjects(RDF.type, BRIKG.Country):
        info = lexicon.countries[entity_id_of(subject).split("/")[1].upper()]
        for label in countries_graph.objects(subject, SKOS.prefLabel):
            assert info.labels[label.language] == str(label), subject
        for alias in countries_graph.objects(subject, SKOS.altLabel):
            name = (str(alias), alias.language)
            assert name in info.aliases or info.labels.get(name[1]) == name[0], subject
        prefixes = countries_graph.objects(subject, BRIKG.compoundPrefix)
        assert info.compound_prefixes == tuple(sorted(str(char) for char in prefixes))


_PREFIXES = """@prefix brikg: <https://w3id.org/brikg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix country: <https://w3id.org/brikg/id/country/> .
@prefix project: <https://w3id.org/brikg/id/project/> .
"""


def _write_lexicon(folder: Path, turtle: str) -> Path:
    """``turtle`` (after :data:`_PREFIXES`) as the lexicon file, beside the real countries."""
    (folder / COUNTRIES_FILE).write_text(
        (ONTOLOGY_DIR / COUNTRIES_FILE).read_text(encoding="utf-8"), encoding="utf-8"
    )
    path = folder / LEXICON_FILE
    path.write_text(_PREFIXES + turtle, encoding="utf-8")
    return path.resolve()


def test_turtle_is_read_as_written(tmp_path: Path) -> None:
    """Escapes, long strings, tag case, labels in file order, a triple stated twice."""
    _write_lexicon(
        tmp_path,
        r'''project:x a brikg:Project ;
    skos:inScheme <https://w3id.org/brikg/id/lexicon> ;
    skos:prefLabel "X桥"@zh , "X \u6865"@EN-GB , "X桥"@zh ;
    skos:altLabel "Y"@en , "\"Z\""@en , "X桥"@zh ;
    brikg:locatedIn country:la , country:cn ;
    skos:definition """Two
lines."""@en .
''',
    )
    entry = load_lexicon(tmp_path).entries["project/x"]
    assert list(entry.labels.items()) == [("zh", "X桥"), ("en", "X 桥")]
    assert entry.aliases == (('"Z"', "en"), ("Y", "en"))
    assert entry.country_codes == ("CN", "LA")
    assert entry.definition == "Two\nlines."


def test_load_is_cached_and_overridable(tmp_path: Path) -> None:
    assert load_lexicon() is load_lexicon(ONTOLOGY_DIR)
    with pytest.raises(LexiconError, match=f"{LEXICON_FILE}: lexicon file not found$"):
        load_lexicon(tmp_path)


def test_bad_turtle_names_file_and_position(tmp_path: Path) -> None:
    path = _write_lexicon(tmp_path, 'project:x a brikg:Project ;\n    skos:prefLabel "X"@en , .\n')
    with pytest.raises(LexiconError) as caught:
        load_lexicon(tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{path}: cannot parse Turtle: ")
    assert f"line {len(_PREFIXES.splitlines()) + 2} column " in message
    assert "\n" not in message


def test_bad_data_fails_loudly(tmp_path: Path) -> None:
    _write_lexicon(
        tmp_path,
        """<https://w3id.org/brikg/id/corridor/x> a brikg:Project ;
    skos:inScheme <https://w3id.org/brikg/id/lexicon> ;
    skos:prefLabel "X"@en .
""",
    )
    with pytest.raises(LexiconError, match="does not match its class"):
        load_lexicon(tmp_path)
