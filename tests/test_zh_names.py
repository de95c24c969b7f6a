"""Chinese names by their head word: where a name starts, what is only a description, which
countries a compound names, and which country names are not countries."""

from __future__ import annotations

import pytest

from brikg.ir import EntityType, Mention, MentionKind
from brikg.lexicon import load_lexicon
from brikg.recognize.gazetteer import Gazetteer
from brikg.recognize.zh import ChineseRecognizer


@pytest.fixture(scope="module")
def recognizer() -> ChineseRecognizer:
    lexicon = load_lexicon()
    return ChineseRecognizer(lexicon, Gazetteer(lexicon))


def _names(
    recognizer: ChineseRecognizer, text: str, context: tuple[str, ...] = ()
) -> dict[str, Mention]:
    return {
        m.text: m
        for m in recognizer.mentions(text, 2024, context)
        if m.kind is MentionKind.ENTITY and m.label is not EntityType.COUNTRY
    }


def _countries(recognizer: ChineseRecognizer, text: str) -> list[str]:
    return [
        m.countries[0]
        for m in recognizer.mentions(text, 2024)
        if m.label is EntityType.COUNTRY and m.countries
    ]


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        (
            "在科特迪瓦，中国企业承建的泽凡尼光伏电站已投入运营。",
            "泽凡尼光伏电站",
            EntityType.PROJECT,
        ),
        (
            "该国在建最大水电站格瓦里-萨贝拉水电站交付两台机组。",
            "格瓦里-萨贝拉水电站",
            EntityType.PROJECT,
        ),
        ("丝路星河论坛于2021年8月成立。", "丝路星河论坛", EntityType.MECHANISM),
        (
            "第三届“一带一路”海洋合作论坛在厦门举行。",
            "“一带一路”海洋合作论坛",
            EntityType.MECHANISM,
        ),
        (
            "中方倡议发起“一带一路”极地科考国际联盟。",
            "“一带一路”极地科考国际联盟",
            EntityType.MECHANISM,
        ),
        ("他们进入乌兹别克斯坦铁路公司工作。", "乌兹别克斯坦铁路公司", EntityType.ORGANIZATION),
        ("《丝路星河合作倡议》于2022年发布。", "丝路星河合作倡议", EntityType.INITIATIVE),
        ("举办“丝路青年创客训练营培训班”。", "丝路青年创客训练营培训班", EntityType.PROJECT),
        # a hospital and a secretariat are bodies with staff (GUIDELINES.zh.md §10)
        ("在老挝，中国援建的帕克萨纳医院已正式启用。", "帕克萨纳医院", EntityType.ORGANIZATION),
        (
            "“一带一路”极地科考国际联盟秘书处在杜尚别揭牌。",
            "“一带一路”极地科考国际联盟秘书处",
            EntityType.ORGANIZATION,
        ),
        # an abbreviated pair of places (two single characters, one a place) makes a name
        # of descriptive words: youth, innovation, a start-up fund
        (
            "沧湄青年创新论坛由中国和老挝于2016年共同发起。",
            "沧湄青年创新论坛",
            EntityType.MECHANISM,
        ),
        ("2021年，论坛框架下设立了滇湄青年创业基金。", "滇湄青年创业基金", EntityType.ORGANIZATION),
        # a logistics centre is a facility, as a logistics park is, not a body with staff
        ("卡洛斯物流中心于2022年5月建成。", "卡洛斯物流中心", EntityType.PROJECT),
        # a marshalling yard is railway infrastructure, as a railway station is
        ("中国援建的塔鲁编组站于2021年投入使用。", "塔鲁编组站", EntityType.PROJECT),
        # construction after a name is what is done to it, not part of it
        ("中国与肯尼亚共同推动塔鲁经济走廊建设。", "塔鲁经济走廊", EntityType.CORRIDOR),
        ("双方加快卡隆铁路建设。", "卡隆铁路", EntityType.PROJECT),
        ("塔吉克斯坦总统拉赫蒙表示欢迎。", "拉赫蒙", EntityType.PERSON),
        ("秘书长阿卜杜拉·卡里莫夫介绍了进展。", "阿卜杜拉·卡里莫夫", EntityType.PERSON),
    ],
)
def test_names(recognizer: ChineseRecognizer, text: str, name: str, label: EntityType) -> None:
    found = _names(recognizer, text)
    assert name in found, sorted(found)
    assert found[name].label is label


@pytest.mark.parametrize(
    "text",
    [
        "该国在建最大水电站将于年底前投入使用。",  # the largest hydropower station: a description
        "各国建立了对口合作机制。",  # paired cooperation mechanisms
        "一批标志性项目落地见效。",  # a batch of landmark projects
        "中乌“一带一路”合作旗舰项目进展顺利。",  # a flagship project of China and Uganda
        "中国援助津巴布韦300口水井项目首井出水。",  # a country and a count describe
        "本届合作论坛宣布新增航线。",  # this session of the forum
        "在京举办青年创新论坛。",  # a city, a verb, then a youth innovation forum
        "加强“一带一路”合作平台与机制建设。",  # platforms and mechanisms: two classes
    ],
)
def test_descriptions_are_not_names(recognizer: ChineseRecognizer, text: str) -> None:
    found = {name for name, m in _names(recognizer, text).items() if m.rule != "lexicon"}
    assert not found


def test_a_project_head_inside_a_body_name_is_no_project(recognizer: ChineseRecognizer) -> None:
    """斐济铁路工程集团 is a company: the 铁路 inside it names no railway 斐济铁路."""
    found = _names(recognizer, "由斐济铁路工程集团承建的萨卡里铁路于2022年通车。")
    assert set(found) == {"斐济铁路工程集团", "萨卡里铁路"}, sorted(found)
    assert found["斐济铁路工程集团"].label is EntityType.ORGANIZATION


def test_a_known_name_with_a_generic_head_is_the_known_name(recognizer: ChineseRecognizer) -> None:
    found = _names(recognizer, "中吉乌铁路项目三国政府间协定签署。")
    assert set(found) == {"中吉乌铁路"} and found["中吉乌铁路"].rule == "lexicon"


def test_a_quoted_programme_of_a_known_name_is_a_name(recognizer: ChineseRecognizer) -> None:
    """“青年创新”鲁班工坊项目 is one named programme of the Luban Workshops (as “丝绸之路”中国政府
    奖学金项目 is of the scholarship), not the workshops themselves; both are mentioned."""
    found = _names(recognizer, "“青年创新”鲁班工坊项目于2023年在泰国设立。")
    assert found["“青年创新”鲁班工坊项目"].label is EntityType.PROJECT
    assert found["鲁班工坊"].rule == "lexicon"
    assert set(_names(recognizer, "鲁班工坊项目于2023年在泰国设立。")) == {"鲁班工坊"}


def test_the_edition_is_not_part_of_the_name(recognizer: ChineseRecognizer) -> None:
    found = _names(recognizer, "第五届丝路星河论坛在比什凯克举行。")
    assert found["丝路星河论坛"].key == "name:丝路星河论坛"


def test_a_country_in_front_places_a_name_but_is_not_part_of_it(
    recognizer: ChineseRecognizer,
) -> None:
    found = _names(recognizer, "由中国企业建设的柬埔寨马德望卡拉国际机场通航运营。")
    assert "马德望卡拉国际机场" in found


@pytest.mark.parametrize(
    ("name", "countries"),
    [
        ("中塔卡尔巴克铁路", ("CN", "TJ")),
        ("中吉乌铁路", ("CN", "KG", "UZ")),
        ("中老泰铁路", ("CN", "LA", "TH")),
        ("中巴经济走廊", ("CN", "PK")),
        ("中匈塞铁路", ("CN", "HU", "RS")),  # 匈塞铁路 is one word, itself a compound
        ("中泰智慧产业园", ("CN", "TH")),  # 智 starts 智慧 (smart): not Chile
        ("中缅美丽乡村产业园", ("CN", "MM")),  # 美丽 (beautiful): not the United States
        ("中欧班列", ("CN",)),
        ("中非合作论坛", ("CN",)),
        ("中国—东盟博览会", ()),
    ],
)
def test_compound_prefixes(recognizer: ChineseRecognizer, name: str, countries: tuple) -> None:
    recognizer._context = ()
    assert recognizer.compound(name) == countries


def test_a_prefix_reads_as_the_country_its_paragraph_names(recognizer: ChineseRecognizer) -> None:
    """乌 is Uzbekistan in 中吉乌, but Uganda in a paragraph about Uganda."""
    found = _names(recognizer, "在乌干达，中乌共建的卡塔维水电站投产。", context=("UG",))
    assert "卡塔维水电站" in found
    recognizer._context = ("UG",)
    assert recognizer.compound("中乌卡塔维水电站") == ("CN", "UG")


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("印度洋沿岸港口繁忙。", set(), {"IN"}),
        ("几内亚湾航线保持繁忙。", set(), {"GN"}),
        ("中国国家主席习近平出席。", {"CN"}, set()),
        ("巴布亚新几内亚、印尼和阿联酋代表出席。", {"PG", "ID", "AE"}, {"GN", "IN"}),
        ("内蒙古自治区与蒙古国合作。", {"MN"}, set()),
        ("代表团访问了香港和澳门。", set(), {"HK", "MO"}),
    ],
)
def test_countries(
    recognizer: ChineseRecognizer, text: str, present: set[str], absent: set[str]
) -> None:
    codes = set(_countries(recognizer, text))
    assert present <= codes and not (absent & codes)


def test_prefix_characters_of_a_compound_are_country_mentions(
    recognizer: ChineseRecognizer,
) -> None:
    mentions = recognizer.mentions("中塔卡尔巴克铁路开通。", 2024)
    prefixes = [(m.text, m.countries) for m in mentions if m.rule == "zh-country-prefix"]
    assert prefixes == [("中", ("CN",)), ("塔", ("TJ",))]


def test_a_known_name_and_its_class_word_are_the_known_thing(recognizer: ChineseRecognizer) -> None:
    """星河合作机制 is the known 星河合作 (a Mechanism) called by its class word, not a new
    mechanism part of it; a known forum's secretariat (another class) stays a name."""
    from brikg.recognize.zh_names import find_names

    def names(text: str) -> set[str]:
        start = text.index("星河合作")
        known = Mention(start, start + 4, "星河合作", MentionKind.ENTITY, "lexicon",
                        label=EntityType.MECHANISM, key="mechanism/xinghe-cooperation")  # fmt: skip
        words = recognizer.words.cut(text)
        return {m.text for m in find_names(text, words, [known], recognizer.compound)}

    assert names("论坛未来应加强与星河合作机制的对接。") == set()
    assert names("星河合作秘书处设在曼谷。") == {"星河合作秘书处"}


@pytest.mark.parametrize("conjunction", ["与", "和"])
def test_an_initiative_before_a_conjunction_is_coordinated_not_the_start_of_a_name(
    recognizer: ChineseRecognizer, conjunction: str
) -> None:
    text = f"“一带一路”倡议{conjunction}卡洛斯发展战略对接。"
    found = _names(recognizer, text)
    assert found["卡洛斯发展战略"].label is EntityType.STRATEGY
    assert not any(name.startswith("“一带一路”") and name.endswith("战略") for name in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("老挝公共工程与运输部于2023年发布通告。", "老挝公共工程与运输部"),
        ("肯尼亚水利开发和灌溉部表示欢迎。", "肯尼亚水利开发和灌溉部"),
    ],
)
def test_a_country_ministry_of_two_fields_is_one_body(
    recognizer: ChineseRecognizer, text: str, name: str
) -> None:
    found = _names(recognizer, text)
    assert found[name].label is EntityType.ORGANIZATION
    assert set(found) == {name}  # no project 老挝公共工程 inside it


def test_a_ministry_before_its_unit_is_part_of_the_unit(recognizer: ChineseRecognizer) -> None:
    found = _names(recognizer, "由肯尼亚贸易和工业部塔鲁交流中心联合发起。")
    assert "肯尼亚贸易和工业部" not in found


def test_a_verb_after_a_name_ends_it(recognizer: ChineseRecognizer) -> None:
    """瓦尔马港开港仪式, the Velmar port's opening ceremony: 开 (open) is the verb after the
    port's name, not part of a longer one; 东盟印太展望 keeps 印 (India), after no head."""
    names = _names(recognizer, "瓦尔马港开港仪式")
    assert "瓦尔马港" in names and names["瓦尔马港"].label is EntityType.PROJECT, names
    assert "瓦尔马港开港" not in names
    assert "东盟印太展望" in _names(
        recognizer, "同联合国2030年可持续发展议程、东盟印太展望等有效对接。"
    )
