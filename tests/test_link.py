"""Cross-lingual linking: an invented report in Chinese and English (one document, two language
parts, as PDF reports come) must give one node per thing both parts name, with a label in each
language and an auditable brikg:Link; what only one part names stays as it is."""

from __future__ import annotations

import pytest
from pyoxigraph import NamedNode

from brikg.ir import Corpus, Document, DocumentMeta, EntityType, MentionKind
from brikg.lexicon import load_lexicon
from brikg.link import Linker
from brikg.normalize import fill_document
from brikg.pipeline import extract_documents
from brikg.rdf import document_quads
from brikg.vocab import BRIKG

CHINESE = """\
丝路星河合作进展报告

1.1 互联互通

在塔吉克斯坦，中塔卡尔巴克铁路于2023年10月17日正式开通运营，全长386公里。

在科特迪瓦，中国企业承建的泽凡尼光伏电站于2024年9月14日正式投入运营，总装机容量120兆瓦。

丝路星河论坛于2021年8月成立。2024年6月，“一带一路”极地科考国际联盟在杜尚别举行年会，来自28个国家的63家机构出席。

截至2024年5月，中老铁路累计运输货物3000万吨。

【知识卡片】瓦赫什河谷铁路

瓦赫什河谷铁路西起杜尚别，东至奥什，全长210公里。

1.2 数字合作

格兰托瓦数据中心于2024年3月建成，服务12个国家。
"""

ENGLISH = """\
Silk Road Star River Cooperation Progress Report

1.1 Connectivity

In Tajikistan, the China-Tajikistan Karbak Railway officially opened on October 17, 2023, spanning 386 kilometers.

In Côte d'Ivoire, the Zefani Photovoltaic Power Station, built by a Chinese company, entered commercial operation on September 14, 2024, with an installed capacity of 120 megawatts.

The Silk Road Star River Forum was established in August 2021. In June 2024, the Belt and Road Polar Research International Alliance held its annual meeting in Dushanbe, attended by 63 institutions from 28 countries.

As of May 2024, the China-Laos Railway had carried 30 million tons of cargo.

Fact Box: Vakhsh Valley Railway

The Vakhsh Valley Railway runs from Dushanbe in the west to Osh in the east, spanning 210 kilometers.

1.2 Digital Cooperation

Digital cooperation has deepened across the region.
"""

PAIRS = [
    ("中塔卡尔巴克铁路", "China-Tajikistan Karbak Railway"),
    ("泽凡尼光伏电站", "Zefani Photovoltaic Power Station"),
    ("丝路星河论坛", "Silk Road Star River Forum"),
    ("“一带一路”极地科考国际联盟", "Belt and Road Polar Research International Alliance"),
    ("中老铁路", "China-Laos Railway"),
    ("瓦赫什河谷铁路", "Vakhsh Valley Railway"),
]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    meta = DocumentMeta("invented-bilingual", "丝路星河合作进展报告", "zh en", "b.txt", date="2024")
    doc = fill_document(Document(meta, raw=CHINESE + "\n" + ENGLISH))
    return extract_documents([doc])


def _entity_of(corpus: Corpus, text: str, language: str) -> str:
    doc = corpus.documents[0]
    for mention in doc.mentions:
        entity = mention.kind is MentionKind.ENTITY and mention.language == language
        if entity and mention.text == text and mention.entity:
            return mention.entity
    raise AssertionError(f"no {language} mention {text!r}")


@pytest.mark.parametrize(("zh", "en"), PAIRS)
def test_one_node_per_shared_thing_with_both_labels(corpus: Corpus, zh: str, en: str) -> None:
    entity_id = _entity_of(corpus, zh, "zh")
    assert _entity_of(corpus, en, "en") == entity_id
    labels = corpus.entities[entity_id].labels
    assert labels.get("zh") == zh.strip("“”") or labels.get("zh") == zh
    assert "en" in labels


def test_linked_nodes_keep_an_english_id(corpus: Corpus) -> None:
    for zh, _en in PAIRS:
        entity_id = _entity_of(corpus, zh, "zh")
        assert entity_id.isascii(), entity_id


@pytest.mark.parametrize(("zh", "en"), PAIRS)
def test_every_link_is_recorded_with_its_evidence(corpus: Corpus, zh: str, en: str) -> None:
    entity_id = _entity_of(corpus, zh, "zh")
    links = [link for link in corpus.documents[0].links if link.entity == entity_id]
    assert links, f"no link recorded for {zh}"
    link = links[0]
    assert 0 < link.confidence <= 1 and link.evidence
    assert link.rule in {"lexicon", "parallel-text", "compound-translation", "name-translation"}
    assert {doc_id for doc_id, _start, _end in link.mentions} == {"invented-bilingual"}


def test_how_each_pair_was_linked(corpus: Corpus) -> None:
    rules = {
        corpus.entities[link.entity].labels.get("zh"): link.rule
        for link in corpus.documents[0].links
    }
    assert rules["中老铁路"] == "lexicon"
    assert rules["中塔卡尔巴克铁路"] in {"parallel-text", "compound-translation"}
    assert rules["泽凡尼光伏电站"] == "parallel-text"


def test_what_only_chinese_names_stays_a_chinese_node(corpus: Corpus) -> None:
    entity_id = _entity_of(corpus, "格兰托瓦数据中心", "zh")
    entity = corpus.entities[entity_id]
    assert entity.type is EntityType.ORGANIZATION
    assert set(entity.labels) == {"zh"}
    assert not [link for link in corpus.documents[0].links if link.entity == entity_id]


def test_links_are_in_the_graph(corpus: Corpus) -> None:
    doc = corpus.documents[0]
    quads = document_quads(doc, corpus.entities)
    by_subject: dict[str, dict[str, list[str]]] = {}
    for quad in quads:
        by_subject.setdefault(quad.subject.value, {}).setdefault(quad.predicate.value, []).append(
            quad.object.value
        )
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    links = [
        node for node, props in by_subject.items() if str(BRIKG.Link) in props.get(rdf_type, [])
    ]
    assert len(links) >= len(PAIRS)
    mentions = {
        node for node, props in by_subject.items() if str(BRIKG.Mention) in props.get(rdf_type, [])
    }
    for node in links:
        props = by_subject[node]
        assert len(props[str(BRIKG.linkedEntity)]) == 1
        assert set(props[str(BRIKG.linkedMention)]) <= mentions  # both names, as mention nodes
        assert len(props[str(BRIKG.linkedMention)]) == 2
        assert props[str(BRIKG.rule)] and props[str(BRIKG.confidence)]
        assert props["http://www.w3.org/ns/prov#wasDerivedFrom"]
    karbak = _entity_of(corpus, "中塔卡尔巴克铁路", "zh")
    labels = {
        (quad.object.value, quad.object.language)
        for quad in quads
        if quad.subject == NamedNode(f"https://w3id.org/brikg/id/{karbak}")
        and quad.predicate.value.endswith("#label")
    }
    assert ("中塔卡尔巴克铁路", "zh") in labels and any(lang == "en" for _t, lang in labels)


def test_two_curated_entries_are_never_merged() -> None:
    """Parallel text cannot merge what the lexicon keeps apart, however alike the context."""
    text = (
        "1.1 互联互通\n\n2024年5月，中老铁路和雅万高铁累计运输旅客100万人次。\n\n"
        "1.1 Connectivity\n\nIn May 2024, the China-Laos Railway and the Jakarta-Bandung "
        "High-Speed Railway carried 1 million passengers.\n"
    )
    meta = DocumentMeta("two-entries", "t", "zh en", "t.txt", date="2024")
    corpus = extract_documents([fill_document(Document(meta, raw=text))])
    assert _entity_of(corpus, "中老铁路", "zh") == "project/china-laos-railway"
    assert _entity_of(corpus, "雅万高铁", "zh") == "project/jakarta-bandung-high-speed-railway"


def test_name_evidence() -> None:
    linker = Linker(load_lexicon())
    good, reasons = linker.name_evidence(
        "“一带一路”极地科考国际联盟", "Belt and Road Polar Research International Alliance"
    )
    bad, _ = linker.name_evidence("“一带一路”极地科考国际联盟", "Silk Road Star River Forum")
    assert good > bad and any("translate" in r for r in reasons)
    sound = linker.sound_alike("泽凡尼光伏电站", "zefani photovoltaic power station")
    assert sound >= 0.5
    assert linker.sound_alike("经济重建和复苏计划", "vision 2030") == 0.0
    compound, reasons = linker.name_evidence("中塔卡尔巴克铁路", "China-Tajikistan Karbak Railway")
    assert "compound CN-TJ" in reasons
    wrong, _ = linker.name_evidence("中塔卡尔巴克铁路", "China-Kyrgyzstan-Uzbekistan Railway")
    assert wrong < compound
    # The institute of a university is not the university its name opens with.
    owner, reasons = linker.name_evidence("塔什科尔大学丝路研究院", "Tashkor University")
    assert owner < 0 and reasons == ["大学 names the owner of the 研究院"]
    itself, _ = linker.name_evidence("塔什科尔大学丝路研究院", "Silk Road Institute")
    assert itself > 0
    # 项目 and 工程 only say "a project of": the railway's name is no owner of the project.
    project, _ = linker.name_evidence("塔尔沃铁路项目", "Tarvo Railway")
    assert project > 0


def _two_documents(chinese: str, english: str) -> dict[str, str | None]:
    zh = DocumentMeta("zh-only", "t", "zh", "zh.txt", date="2024")
    en = DocumentMeta("en-only", "t", "en", "en.txt", date="2024")
    corpus = extract_documents(
        [fill_document(Document(zh, raw=chinese)), fill_document(Document(en, raw=english))]
    )
    return {
        m.text: m.entity
        for d in corpus.documents
        for m in d.mentions
        if m.kind is MentionKind.ENTITY
    }


@pytest.mark.parametrize(("english", "linked"), [("Green", True), ("Digital", False)])
def test_a_compound_name_whose_middle_translates_links_across_documents(
    english: str, linked: bool
) -> None:
    """中塔绿色走廊 in one Chinese document and the "China-Tajikistan Green Corridor" in another
    English one: the countries, then the middle's words and the head translated part by part;
    a middle that translates to other words is another corridor."""
    name = f"China-Tajikistan {english} Corridor"
    ids = _two_documents(
        "中塔绿色走廊于2022年启动，中塔绿色走廊连接两国。\n", f"The {name} was launched in 2021.\n"
    )
    assert (ids["中塔绿色走廊"] == ids[name]) is linked
