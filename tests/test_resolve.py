"""Resolution: one node per real-world thing, across documents and surface forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from brikg.corpus import load_corpus
from brikg.ir import Corpus, EntityType
from brikg.pipeline import extract_documents
from brikg.resolve import is_generic

DOCS = {
    "a.txt": "The Varnak-Tolsi Railway in Lao PDR opened in 2021. Laos hosted the Quellin Forum.\n",
    "b.txt": (
        "The Varnak-Tolsi Railway carried 3 million passengers. The railway runs through Laos.\n"
        "The Belt and Road Initiative (BRI) grew. The BRI now spans 150 countries.\n"
    ),
    "c.txt": (
        "The Port of Dravesh in Ghana expanded. Dravesh Port handled 2 million TEUs.\n"
        "The Ostran-Belik Standard Gauge Railway opened in May 2019. Later the Ostran-Belik "
        "Railway carried 9 million tonnes.\n"
    ),
}


def _extract(folder: Path, docs: dict[str, str]) -> Corpus:
    """The corpus of ``docs`` (file name: text), written to ``folder``."""
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    documents, errors = load_corpus(folder)
    assert not errors
    return extract_documents(documents)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return _extract(tmp_path_factory.mktemp("resolve"), DOCS)


def _ids_of(corpus: Corpus, surface: str) -> set[str]:
    return {
        m.entity for doc in corpus.documents for m in doc.mentions if m.text == surface and m.entity
    }


def test_same_name_in_two_documents_is_one_node(corpus: Corpus) -> None:
    assert _ids_of(corpus, "Varnak-Tolsi Railway") == {"project/varnak-tolsi-railway"}
    documents = {
        doc.id
        for doc in corpus.documents
        for m in doc.mentions
        if m.entity == "project/varnak-tolsi-railway"
    }
    assert documents == {"a", "b"}


def test_country_aliases_resolve_to_one_country(corpus: Corpus) -> None:
    assert _ids_of(corpus, "Lao PDR") == _ids_of(corpus, "Laos") == {"country/la"}
    laos = corpus.entities["country/la"]
    assert laos.type is EntityType.COUNTRY and laos.labels["zh"] == "老挝"


def test_short_form_refers_back_without_a_new_entity(corpus: Corpus) -> None:
    assert _ids_of(corpus, "The railway") == {"project/varnak-tolsi-railway"}
    assert not any(e.split("/")[-1] == "railway" for e in corpus.entities)


def test_acronym_and_lexicon_alias(corpus: Corpus) -> None:
    assert _ids_of(corpus, "BRI") == {"initiative/belt-and-road-initiative"}


def test_port_of_x_is_x_port(corpus: Corpus) -> None:
    assert _ids_of(corpus, "Port of Dravesh") == _ids_of(corpus, "Dravesh Port")


def test_shorter_variant_merges_into_fuller_name(corpus: Corpus) -> None:
    assert _ids_of(corpus, "Ostran-Belik Railway") == _ids_of(
        corpus, "Ostran-Belik Standard Gauge Railway"
    )
    entity = corpus.entities[next(iter(_ids_of(corpus, "Ostran-Belik Railway")))]
    assert ("Ostran-Belik Railway", "en") in entity.alt_labels


def test_iris_do_not_depend_on_other_documents(tmp_path: Path) -> None:
    (tmp_path / "only.txt").write_text(DOCS["b.txt"], encoding="utf-8")
    documents, _ = load_corpus(tmp_path)
    alone = extract_documents(documents)
    assert "project/varnak-tolsi-railway" in alone.entities


OWNED_DOCS = {
    "rw.txt": (
        "Rwanda's Vision 2050 calls for universal access to electricity. The Kigali Solar Park "
        "is a key part of Vision 2050. Kenya's Ministry of Energy said the Bright Road plan "
        "would help. The Ministry of Energy of Kenya signed the agreement on Monday.\n"
    ),
    "tz.txt": (
        "Tanzania's Vision 2050 calls for all major cities to be connected by rail. "
        "Ethiopia's Ministry of Energy said the Bright Road plan would help.\n"
    ),
}


@pytest.fixture(scope="module")
def owned(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return _extract(tmp_path_factory.mktemp("owned"), OWNED_DOCS)


def _owners(corpus: Corpus, entity_id: str) -> set[str]:
    return {
        fact.object or ""
        for doc in corpus.documents
        for fact in doc.facts
        if fact.subject == entity_id and fact.predicate == "ownedBy"
    }


def test_generic_strategy_resolves_per_owner(owned: Corpus) -> None:
    """Rwanda's and Tanzania's Vision 2050 are two strategies, each owned by its country."""
    assert _ids_of(owned, "Vision 2050") == {
        "strategy/rwanda-vision-2050",
        "strategy/tanzania-vision-2050",
    }
    assert _owners(owned, "strategy/rwanda-vision-2050") == {"country/rw"}
    assert _owners(owned, "strategy/tanzania-vision-2050") == {"country/tz"}
    assert owned.entities["strategy/rwanda-vision-2050"].labels["en"] == "Vision 2050 (Rwanda)"
    # The later bare "Vision 2050" of the Rwandan document is Rwanda's.
    rwanda = next(doc for doc in owned.documents if doc.id == "rw")
    assert {m.entity for m in rwanda.mentions if m.text == "Vision 2050"} == {
        "strategy/rwanda-vision-2050"
    }


def test_generic_ministry_resolves_per_owner(owned: Corpus) -> None:
    """ "Kenya's Ministry of Energy" = "the Ministry of Energy of Kenya" != Ethiopia's."""
    assert _ids_of(owned, "Ministry of Energy") == {
        "organization/kenya-ministry-of-energy",
        "organization/ethiopia-ministry-of-energy",
    }
    assert _ids_of(owned, "Ministry of Energy of Kenya") == {
        "organization/kenya-ministry-of-energy"
    }
    labels = {owned.entities[e].labels["en"] for e in _ids_of(owned, "Ministry of Energy")}
    assert labels == {"Ministry of Energy (Kenya)", "Ministry of Energy (Ethiopia)"}


def test_distinctive_strategy_stays_one_entity(owned: Corpus) -> None:
    assert _ids_of(owned, "Bright Road") == {"strategy/nurly-zhol"}
    documents = {
        doc.id for doc in owned.documents for m in doc.mentions if m.entity == "strategy/nurly-zhol"
    }
    assert documents == {"rw", "tz"}


def test_invented_distinctive_strategy_stays_one_entity(tmp_path: Path) -> None:
    """A strategy the lexicon does not know, named in two documents, one with an owner, is one
    entity: only generic names are split by owner."""
    corpus = _extract(
        tmp_path,
        {
            "a.txt": "Rwanda's Quorvel Horizon Plan was discussed in Kigali.\n",
            "b.txt": "The Quorvel Horizon Plan was praised in Nairobi.\n",
        },
    )
    assert _ids_of(corpus, "Quorvel Horizon Plan") == {"strategy/quorvel-horizon-plan"}


@pytest.mark.parametrize(
    ("name", "entity_type", "generic"),
    [
        ("Vision 2050", EntityType.STRATEGY, True),
        ("National Development Plan", EntityType.STRATEGY, True),
        ("Saudi Vision 2030", EntityType.STRATEGY, False),
        ("Middle Corridor", EntityType.STRATEGY, False),
        ("Ministry of Foreign Affairs", EntityType.ORGANIZATION, True),
        ("Development Bank", EntityType.ORGANIZATION, True),
        ("China Development Bank", EntityType.ORGANIZATION, False),
        ("Xinhua News Agency", EntityType.ORGANIZATION, False),
        ("Vision 2050", EntityType.PROJECT, False),
    ],
)
def test_is_generic(name: str, entity_type: EntityType, generic: bool) -> None:
    assert is_generic(name, entity_type) is generic


def test_a_defined_acronym_is_not_the_label(tmp_path: Path) -> None:
    """A text that defines an acronym uses it more often than the full name after; the label
    is still the full name, and the acronym an alternative."""
    corpus = _extract(
        tmp_path,
        {
            "invented-acronym.txt": "The Tarvelin Rail Engineering Group (TREG) built the line. "
            "TREG laid the track. TREG trained staff.\n"
        },
    )
    (entity,) = [e for e in corpus.entities.values() if "TREG" in {t for t, _ in e.alt_labels}]
    assert entity.labels["en"] == "Tarvelin Rail Engineering Group"
