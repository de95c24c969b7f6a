"""Cross-lingual links across two classes and across documents, on reports we wrote with
invented names: a thing that the Chinese and the English recognisers type differently (a
hospital, a secretariat, a network called a project, a programme called an initiative) is
still one node, of the class the text or the guidelines give, with a label in each language
and the reason for the link; a Chinese name built on a known name links to the English name
of another document that the known name qualifies; two classes without a reason stay apart."""

from __future__ import annotations

import pytest

from brikg.ir import Corpus, Document, DocumentMeta, Entity, EntityType, Mention, MentionKind
from brikg.lexicon import load_lexicon
from brikg.link import Link, Linker
from brikg.normalize import fill_document
from brikg.pipeline import extract_documents

CHINESE = """\
星河卫生与互联互通合作报告

1.1 互联互通

在科特迪瓦，泽凡尼—科罗戈铁路于2024年2月6日建成通车，全长312公里。

在科特迪瓦，中国企业承建的泽凡尼国家光缆骨干网项目使通信成本下降了40%，覆盖18个城市。

1.2 卫生合作

在老挝，中国援建的帕克萨纳医院于2024年3月1日正式启用，设有200张病床。

2024年5月，“丝路青年”交流项目在蒙古国启动，首批1200名青年参加。

2024年6月11日，“一带一路”极地科考国际联盟秘书处在杜尚别揭牌，首批成员机构达63家。
"""

ENGLISH = """\
Star River Health and Connectivity Report

1.1 Connectivity

In Côte d'Ivoire, the Zefani-Korogo Railway was completed on February 6, 2024, spanning 312 kilometers.

In Côte d'Ivoire, the Zefani National Fiber Optic Backbone Network project, built by a Chinese company, cut communication costs by 40% and covers 18 cities.

1.2 Health Cooperation

In Laos, the Paksana Hospital, built with Chinese aid, officially opened on March 1, 2024, with 200 beds.

In May 2024, the “Silk Road Youth Exchange” initiative was launched in Mongolia, with 1,200 young people in its first group.

On June 11, 2024, the Secretariat of the Belt and Road Polar Research International Alliance was inaugurated in Dushanbe, with 63 founding member institutions.
"""  # noqa: E501

# (Chinese name, English name, class of the one node, what the evidence must say)
PAIRS = [
    ("泽凡尼—科罗戈铁路", "Zefani-Korogo Railway", EntityType.PROJECT, "same class Project"),
    (
        "泽凡尼国家光缆骨干网",
        "Zefani National Fiber Optic Backbone Network",
        EntityType.PROJECT,  # the English head "Network" makes a mechanism; both texts say 项目
        "the text calls 泽凡尼国家光缆骨干网 a project (项目)",
    ),
    (
        "帕克萨纳医院",
        "Paksana Hospital",
        EntityType.ORGANIZATION,  # a body with staff, like a university (GUIDELINES.zh.md §10)
        "医院 = hospital, a body (an organization)",
    ),
    (
        "“丝路青年”交流项目",
        "Silk Road Youth Exchange",
        EntityType.PROJECT,  # "initiative" in English, a 项目 in Chinese
        "the text calls “丝路青年”交流项目 a project (项目)",
    ),
    (
        "“一带一路”极地科考国际联盟秘书处",
        "Secretariat of the Belt and Road Polar Research International Alliance",
        EntityType.ORGANIZATION,  # both recognisers read a secretariat as a body
        "same class Organization",
    ),
]


def _doc(doc_id: str, raw: str, language: str) -> Document:
    return fill_document(Document(DocumentMeta(doc_id, doc_id, language, f"{doc_id}.txt",
                                               date="2024"), raw=raw))  # fmt: skip


def _entity_of(corpus: Corpus, doc_id: str, text: str, language: str) -> str:
    doc = next(d for d in corpus.documents if d.id == doc_id)
    for mention in doc.mentions:
        entity = mention.kind is MentionKind.ENTITY and mention.language == language
        if entity and mention.text == text and mention.entity:
            return mention.entity
    raise AssertionError(f"no {language} mention {text!r} in {doc_id}")


def _links_of(corpus: Corpus, entity_id: str) -> list[Link]:
    return [link for doc in corpus.documents for link in doc.links if link.entity == entity_id]


@pytest.fixture(scope="module")
def bilingual() -> Corpus:
    return extract_documents([_doc("invented-health", CHINESE + "\n" + ENGLISH, "zh en")])


@pytest.mark.parametrize(("zh", "en", "cls", "why"), PAIRS)
def test_one_node_of_the_settled_class(
    bilingual: Corpus, zh: str, en: str, cls: EntityType, why: str
) -> None:
    entity_id = _entity_of(bilingual, "invented-health", zh, "zh")
    assert _entity_of(bilingual, "invented-health", en, "en") == entity_id
    entity = bilingual.entities[entity_id]
    assert entity.type is cls and entity_id.startswith(cls.value.lower() + "/")
    assert entity.labels["zh"] == zh and entity.labels["en"] == en
    links = _links_of(bilingual, entity_id)
    assert len(links) == 1 and links[0].rule == "parallel-text"
    assert any(why in reason for reason in links[0].evidence)
    assert 0 < links[0].confidence <= 1
    assert {doc_id for doc_id, _start, _end in links[0].mentions} == {"invented-health"}


def test_the_retired_ids_are_recorded(bilingual: Corpus) -> None:
    entity_id = _entity_of(bilingual, "invented-health", "帕克萨纳医院", "zh")
    (link,) = _links_of(bilingual, entity_id)
    assert "project/paksana-hospital" in link.members  # the English recogniser's class
    assert "project/paksana-hospital" not in bilingual.entities
    doc = bilingual.documents[0]
    assert all(
        m.label is EntityType.ORGANIZATION for m in doc.mentions if m.entity == entity_id
    )  # every mention names the node in its class


ZH_REPORT = """\
星河职业教育合作报告

2024年4月，“绿色能源”鲁班工坊项目在肯尼亚内罗毕启动，首批招收120名学员。

“青年创新”鲁班工坊项目于2023年在泰国设立。

中塔卡尔巴克铁路于2023年10月17日开通运营。
"""
EN_REVIEW = """\
Star River Vocational Education Review

In 2024, China launched the Green Energy Program of the Luban Workshops in Kenya, training 120 students.

In 2023, the Youth Innovation Program was set up in Thailand under the Luban Workshop scheme.
"""  # noqa: E501
EN_NOTES = """\
Star River Training Notes

The Green Energy Talent Program of the Luban Workshops trained 80 technicians in Nairobi.

The China-Tajikistan Karbak Railway opened on October 17, 2023.
"""


@pytest.fixture(scope="module")
def documents() -> Corpus:
    return extract_documents(
        [_doc("zh-report", ZH_REPORT, "zh"), _doc("en-review", EN_REVIEW, "en"),
         _doc("en-notes", EN_NOTES, "en")]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("zh", "en", "where"),
    [
        ("“绿色能源”鲁班工坊项目", "Green Energy Program of the Luban Workshops", "in its name"),
        ("“青年创新”鲁班工坊项目", "Youth Innovation Program", "in its sentence"),
    ],
)
def test_a_name_built_on_a_known_name(documents: Corpus, zh: str, en: str, where: str) -> None:
    entity_id = _entity_of(documents, "zh-report", zh, "zh")
    assert _entity_of(documents, "en-review", en, "en") == entity_id
    entity = documents.entities[entity_id]
    assert entity.labels == {"zh": zh, "en": en} and entity.type is EntityType.PROJECT
    (link,) = _links_of(documents, entity_id)
    assert link.rule == "nested-translation" and 0 < link.confidence < 1
    assert f"built on 鲁班工坊 = Luban Workshop, named {where}" in link.evidence
    assert [doc_id for doc_id, _s, _e in link.mentions] == ["zh-report", "en-review"]
    assert _entity_of(documents, "zh-report", "鲁班工坊", "zh") == "project/luban-workshop"


def test_an_english_word_the_chinese_lacks_keeps_two_things(documents: Corpus) -> None:
    """The word "Talent" translates nothing in “绿色能源”鲁班工坊项目: another programme."""
    talent = _entity_of(documents, "en-notes", "Green Energy Talent Program of the Luban Workshops",
                        "en")  # fmt: skip
    assert talent != _entity_of(documents, "zh-report", "“绿色能源”鲁班工坊项目", "zh")
    assert "zh" not in documents.entities[talent].labels


def test_an_invented_railway_in_another_document(documents: Corpus) -> None:
    entity_id = _entity_of(documents, "zh-report", "中塔卡尔巴克铁路", "zh")
    assert _entity_of(documents, "en-notes", "China-Tajikistan Karbak Railway", "en") == entity_id
    entity = documents.entities[entity_id]
    assert entity.labels == {"zh": "中塔卡尔巴克铁路", "en": "China-Tajikistan Karbak Railway"}
    (link,) = _links_of(documents, entity_id)
    assert link.evidence and link.confidence > 0
    assert {doc_id for doc_id, _s, _e in link.mentions} == {"zh-report", "en-notes"}


# -- which classes may be one thing's --------------------------------------------------------


def _mention(text: str, language: str, start: int = 0) -> Mention:
    return Mention(start, start + len(text), text, MentionKind.ENTITY, "test", language=language)


@pytest.mark.parametrize(
    ("zh_type", "en_type", "zh_text", "en_text", "expected"),
    [
        (EntityType.PROJECT, EntityType.PROJECT, "泽凡尼铁路", "Zefani Railway", EntityType.PROJECT),
        # a programme: an initiative to one text, a project to the other, which says 项目
        (EntityType.PROJECT, EntityType.INITIATIVE, "“丝路青年”交流项目", "Silk Road Youth",
         EntityType.PROJECT),
        (EntityType.PROJECT, EntityType.INITIATIVE, "“丝路青年”", "Silk Road Youth", None),
        (EntityType.ORGANIZATION, EntityType.PROJECT, "帕克萨纳医院", "Paksana Hospital",
         EntityType.ORGANIZATION),
        (EntityType.ORGANIZATION, EntityType.PROJECT, "帕克萨纳研究院", "Paksana Institute", None),
        (EntityType.CORRIDOR, EntityType.PROJECT, "泽凡尼走廊", "Zefani Corridor Project", None),
        (EntityType.PERSON, EntityType.ORGANIZATION, "帕克萨纳", "Paksana", None),
    ],
)  # fmt: skip
def test_node_class(
    zh_type: EntityType,
    en_type: EntityType,
    zh_text: str,
    en_text: str,
    expected: EntityType | None,
) -> None:
    linker = Linker(load_lexicon())
    doc = _doc("classes", f"{zh_text}。\n\n{en_text}.\n", "zh en")
    zh = (doc, _mention(zh_text, "zh"))
    en = (doc, _mention(en_text, "en", len(zh_text) + 3))
    decided = linker.node_class(Entity("a/x", zh_type), Entity("b/y", en_type), [zh], [en])
    assert (decided[0] if decided else None) is expected


def test_a_lexicon_entry_settles_the_class() -> None:
    linker = Linker(load_lexicon())
    doc = _doc("lexicon-class", "丝路星河。\n\nThe “Silk Road Star River” initiative.\n", "zh en")
    curated = Entity("project/x", EntityType.PROJECT, from_lexicon=True)
    decided = linker.node_class(
        curated, Entity("initiative/y", EntityType.INITIATIVE), [], [(doc, _mention("x", "en"))]
    )
    assert decided is not None and decided[0] is EntityType.PROJECT
    assert "the lexicon's Project" in decided[1]


# -- well-known names: the lexicon knows them in both languages ---------------------------------

ZH_BRIEF = """\
星河航运简报

2024年9月，第六届“丝路海运”国际合作论坛在厦门举行，泽凡尼港加入“丝路海运”命名航线。

第二届郑州-卢森堡“空中丝绸之路”国际合作论坛于6月20日举行。
"""
EN_BRIEF = """\
Star River Shipping Brief

The Silk Road Maritime network added the Port of Zefani in September 2024.

Taking the Zhengzhou-Luxembourg "Air Silk Road" as an example, cargo flights doubled.
"""


def test_well_known_names_are_one_node_through_the_lexicon() -> None:
    corpus = extract_documents([_doc("zh-brief", ZH_BRIEF, "zh"), _doc("en-brief", EN_BRIEF, "en")])
    for zh, en, entity_id in [
        ("“丝路海运”", "Silk Road Maritime", "project/silk-road-maritime"),
        (
            "郑州-卢森堡“空中丝绸之路”",  # inside the forum's name, which is a name of its own
            'Zhengzhou-Luxembourg "Air Silk Road"',
            "project/zhengzhou-luxembourg-air-silk-road",
        ),
    ]:
        assert _entity_of(corpus, "zh-brief", zh, "zh") == entity_id
        assert _entity_of(corpus, "en-brief", en, "en") == entity_id
        assert {"zh", "en"} <= set(corpus.entities[entity_id].labels)
        (link,) = _links_of(corpus, entity_id)
        assert link.rule == "lexicon" and link.confidence == 1.0
        assert link.evidence == (f"lexicon entry {entity_id}: {zh} / {en}",)
    forum = _entity_of(corpus, "zh-brief", "郑州-卢森堡“空中丝绸之路”国际合作论坛", "zh")
    assert corpus.entities[forum].type is EntityType.MECHANISM
