"""Resolution: one node per real-world thing, across documents and surface forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from brikg.corpus import load_corpus
from brikg.ir import Corpus, EntityType
from brikg.pipeline import extract_documents

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


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder: Path = tmp_path_factory.mktemp("resolve")
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    documents, errors = load_corpus(folder)
    assert not errors
    return extract_documents(documents)


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
