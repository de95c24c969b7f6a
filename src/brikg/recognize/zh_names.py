"""Names in Chinese text that the lexicon does not know, found by their head word.

A Chinese name ends in a head that gives its class (…铁路, …水电站, …论坛, …联盟) and starts
where the words before the head stop being part of it. jieba's words (:mod:`zh_words`) give
those boundaries. Walking back from the head, a name takes nouns, place and person names,
transliterations (卡/鲁/玛), quotations (“一带一路”), countries and numbers, and stops:

- for good at punctuation, a function word (的, 在, 于), a demonstrative (该, 这一), an
  adverb, an edition (第三届) or a verb of the sentence's own (承建, 援助, 推动);
- tentatively at another verb, an adjective or a conjunction (和, 与): the name goes on past
  it only when, before the next full stop, it reaches something proper: “一带一路”自然灾害防治
  和应急管理国际合作机制 and 赫拉克莱乌斯滚装码头 (滚装 is a verb to jieba).

What remains must name rather than describe: 最大水电站, 对口合作机制 and 标志性项目 are
descriptions. The words before the head, less generic modifiers (重点, 合作, 旗舰), must hold
something proper: a place, person or organisation word, a transliteration, a quotation, a
country or a compound of country prefixes (中老 in 中老铁路), or a Latin word. Event heads
(论坛, 峰会, 博览会) need only one word that is not generic (丝路星河论坛). A number makes
the rest a description: in 红石100兆瓦光热电站 the name is 红石, and 津巴布韦300口水井项目 is
not a name.

Also: initiatives, principles and strategies in 《》 (《廉洁丝绸之路北京倡议》), strategies in
quotation marks after their country (南非“经济重建和复苏计划”), quoted names ending in a head
(“良渚论坛”), organisation words jieba knows (清华大学, 教育部) and people after their title
(哈萨克斯坦总统托卡耶夫, 秘书长盖达尔·阿布季克里莫夫).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from itertools import islice

from brikg.ir import (
    CORRIDOR,
    COUNTRY,
    ENTITY,
    INITIATIVE,
    MECHANISM,
    ORGANIZATION,
    PERSON,
    PLACE,
    PROJECT,
    STRATEGY,
    EntityType,
    Mention,
)
from brikg.places import chinese_city_country
from brikg.recognize.zh_words import WORD_END, WORD_START, Cut, Word
from brikg.scan import longest_first, match_starts

_P, _M, _C, _I, _O, _S = (
    PROJECT,
    MECHANISM,
    CORRIDOR,
    INITIATIVE,
    ORGANIZATION,
    STRATEGY,
)
HEADS: dict[str, EntityType] = {
    # projects: built infrastructure, zones, branded services and programmes (a hospital and
    # a secretariat are bodies with staff and a seat: organizations, GUIDELINES.zh.md §10)
    "铁路": _P, "高铁": _P, "高速铁路": _P, "轻轨": _P, "地铁": _P, "公路": _P, "高速公路": _P,
    "快速路": _P, "大桥": _P, "跨海大桥": _P, "港": _P, "港口": _P, "深水港": _P, "码头": _P,
    "机场": _P, "国际机场": _P, "电站": _P, "水电站": _P, "光伏电站": _P, "光热电站": _P,
    "核电站": _P, "火电站": _P, "电厂": _P, "发电厂": _P, "产业园": _P, "工业园": _P,
    "产业园区": _P, "工业园区": _P, "科技园": _P, "太阳能公园": _P, "经济特区": _P, "合作区": _P,
    "经贸合作区": _P, "开发区": _P, "综合开发区": _P, "鲁班工坊": _P, "项目": _P,
    "工程": _P, "管道": _P, "输油管道": _P, "天然气管道": _P, "水渠": _P, "隧道": _P,
    "港口城": _P, "先行区": _P, "骨干网": _P, "快运": _P, "航空通道": _P, "电影节": _P,
    "培训班": _P, "物流园": _P, "物流园区": _P, "物流中心": _P, "编组站": _P, "连接线": _P,
    "延长线": _P, "延伸线": _P,
    "水泥厂": _P, "钢铁厂": _P, "钢厂": _P, "炼油厂": _P, "炼化厂": _P, "冶炼厂": _P, "化肥厂": _P,
    # mechanisms
    "论坛": _M, "分论坛": _M, "峰会": _M, "博览会": _M, "大会": _M, "研讨会": _M,
    "座谈会": _M, "会议": _M, "机制": _M, "联盟": _M, "伙伴关系": _M, "平台": _M,
    "合作体": _M, "原则": _M,
    # corridors, initiatives, strategies
    "经济走廊": _C, "走廊": _C, "通道": _C, "大陆桥": _C,
    "倡议": _I,
    "战略": _S, "展望": _S, "愿景": _S, "构想": _S,
    # organizations
    "大学": _O, "学院": _O, "研究院": _O, "研究所": _O, "研究中心": _O, "中心": _O,
    "公司": _O, "有限公司": _O, "股份有限公司": _O, "有限责任公司": _O, "集团": _O,
    "银行": _O, "基金": _O, "协会": _O, "管理局": _O, "委员会": _O,
    "组织": _O, "学会": _O, "部": _O, "局": _O, "通讯社": _O, "边检站": _O, "人民政府": _O,
    "医院": _O, "秘书处": _O,
}  # fmt: skip
# Heads that make a name only inside quotation marks: “光明行”, “丝路对话”, “丝路海运”.
QUOTED_HEADS: dict[str, EntityType] = {
    "课程": _P, "旅游年": _P, "海运": _P, "行": _P, "对话": _M, "日": _M,
}  # fmt: skip
# Heads of named events and bodies of learning: one word that is not generic names them.
LENIENT = frozenset({"论坛", "分论坛", "峰会", "博览会", "大会", "电影节", "研讨会", "座谈会"})
# Heads that only say "this is a project/plan of the name before": 中吉乌铁路项目.
TYPE_WORDS = frozenset({"项目", "工程", "倡议", "战略", "构想", "愿景", "规划", "计划", "政策"})
# Heads that only say what class a thing is: after a known name of that class, the name
# itself (澜湄合作机制 is 澜湄合作), not a new thing part of it.
CLASS_WORDS = frozenset({"机制"})
_HEAD_RE = re.compile(longest_first(HEADS))
_HEAD_ENDINGS = tuple(HEADS)
# Linear infrastructure runs through every country its compound name lists (中老铁路: CN, LA).
LINEAR_HEADS = frozenset(
    {"铁路", "高铁", "高速铁路", "公路", "高速公路", "连接线", "管道", "输油管道", "天然气管道",
     "经济走廊", "走廊", "通道", "大陆桥", "快运", "航空通道"}
)  # fmt: skip

# Words that end a name for good when walking back from its head.
HARD_STOPS = frozenset(
    """的 之 在 是 为 了 将 于 由 对 向 从 至 到 经 同 跟 并 且 也 都 已 又 还 该 这 那 此 其 各 每
    以 让 使 给 等 而 但 如 像 即 被 把 就 才 仅 只 最 更 很 不 没 无 有 着 系 这一 这些 那些 该国
    本届 首届 首个 首家 首条 首座 一个 一批 一条 一座 一处 一家 一所 一项 多个 多家 各类 各项
    一系列 相关 有关 包括 通过 作为 成为 推动 推进 承建 援建 援助 资助 共建 打造 实施 启动
    开通 建成 支持 参与 举办 举行 出席 发起 宣布 提出 签署 设立 成立 主办 采用 连接 经由 依托
    位于 属于 来自 其中 如今 目前 未来 近年来 一年来 此外 同时 以来 期间 前夕 之后 之前 以后
    以前 方面 领域 框架 中方 我国 各国 两国 三国 多国 各方 双方 外方 标志 标志着 显示
    表示 指出 强调 介绍 称 据 新增 正式 全面 已经 持续 不断 进一步 积极 加快 大批 所有 全部
    诸多 众多 若干 旗下 下属 先后 相继 陆续 分别 共同 联合 携手 加强 深化 拓展 扩大 建立 形成
    开展 完善 健全 构建 落实 入境 出境 抵达 前往 通往 访问 会见 会谈 复信 贺信 致信 出任
    担任 任 均 曾 时任 前任 致力于 中企 当地 本国 该项目 利用 充分利用 面向 针对 围绕 关于
    当前 今年 去年 明年 此前 近期 同期 当时 承包 创建 批复 同意 情况 中标 负责 获得 取得""".split()
)
HARD_TAGS = frozenset(
    {"p", "u", "uj", "ul", "uz", "ug", "ud", "uv", "r", "rr", "rz", "y", "e", "o", "zg",
     "i", "q", "d", "mq"}
)  # fmt: skip
# Words that end a name only if nothing proper follows further left.
SOFT_TAGS = frozenset({"v", "vd", "vg", "vi", "a", "ad", "c", "t"})
SOFT_CHARS = frozenset("和与及或")
HARD_CHARS = frozenset(
    "的之在是为了将于由对向从至到经同跟并且也都已又还该这那此其各每以让使给等而但如像即被把就"
    "才仅只最更很不没无有着个条座家项批次年月日自系共第"
)
# Modifiers that describe rather than name, when they are all there is before the head.
GENERIC = frozenset(
    """国际 合作 高峰 专题 多边 双边 区域 全球 年度 相关 有关 各类 对口 工作 协调 长效 新型 现有
    重点 旗舰 标志性 示范 重大 大型 小型 民生 基础设施 公共服务 综合 发展 交流 升级 改造
    升级改造 务实 互利 共赢 高质量 高水平 新 老 大 小 首 该 本 这 此 同类 类似 各 国家 地方
    政府 企业 中外 海外 境外 国内 跨国 跨境 电气化 标准 现代 现代化 绿色 数字 创新 人文
    经贸 经济 贸易 投资 金融 能源 交通 运输 物流 文化 旅游 教育 科技 技术 卫生 健康 农业
    一体化 网络 信息 设施 建设 联合 友好 战略 伙伴 长期 稳定 多元 立体 开放 共享 服务
    专业 主要 重要 核心 骨干 关键 大批 一批 部分 多个 多家 多国 两 三 四 五 六 七 八 九 十
    个 家 所 座 条 期 届 次 项 职教 园区 中心 小而美 宏伟 伟大 美好 公共 开放型 排他性 上市
    全体 高端 学术 直达 城市 共建国家 国家和地区 职业 团队""".split()
)
REGIONS = frozenset(
    """中欧 中亚 中东 中非 中南 欧亚 亚欧 东南亚 南亚 西亚 东亚 北非 非洲 欧洲 亚洲 美洲 拉美
    大洋洲 太平洋 南太平洋 地中海 东地中海 里海 黑海 中东欧 中南半岛 欧亚大陆 亚太 西方
    东方 全国 全球 世界""".split()
)
PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nz", "nt", "nrfg", "j", "eng"})
# The Silk Road names a family of cooperation brands (丝绸之路旅游城市联盟, 丝路星河论坛).
SILK_ROAD = frozenset({"丝绸之路", "丝路"})
# Characters of transliterated names: a run of them that jieba leaves as single characters is
# a foreign name (卡鲁玛, 格西波); a run of other single characters is only a rare word.
TRANSLITERATION = frozenset(
    "阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕宾波伯勃博布采查察达代戴丹道德登迪蒂丁东杜敦多厄恩尔"
    "法凡范菲费芬丰冯佛弗伏福富盖甘冈高戈格根古瓜圭贵哈海汉豪赫黑亨洪胡华怀霍基吉加迦贾杰捷"
    "金喀卡凯坎康考柯科可克肯库夸奎昆拉腊莱赖兰朗劳勒雷蕾黎里理丽利莉连列林琳卢鲁陆路伦罗洛"
    "马玛迈麦曼芒毛梅门蒙孟米密敏明摩莫默姆穆纳娜奈南瑙内尼妮涅宁纽努诺欧帕潘庞佩彭皮珀普齐"
    "奇契恰乔切钦琴丘让热瑞若萨塞赛桑瑟森沙莎善尚绍舍圣施什史舒斯松苏索塔泰坦汤唐陶特滕提图"
    "托瓦万旺威韦维魏温沃乌伍武西希锡席夏辛休雅亚扬耶伊因英尤于约赞泽扎詹兹佐色磨琅暹粒吴哥憨"
)
JOINERS = frozenset("·-－‐‑–—•・")
_EDITION = re.compile(r"^(?:第?[一二三四五六七八九十百\d]+[届次]|首届|首次)$")
_ORDINAL = re.compile(r"^第[一二三四五六七八九十百\d]+")
_PHASE = re.compile(r"^[一二三四五六七八九十\d]+期$")
# Where on a river a plant of a cascade lies: part of its name (努列克上游水电站), not a
# position word (f) that ends it.
_REACHES = frozenset({"上游", "中游", "下游"})
# One-character geographic features after a direction word: 北部湾, 南部湖, 西部岛.
_FEATURES = frozenset("湾湖岛海江河")
_NUMBER = re.compile(r"[\d.]+|[一二三四五六七八九十两]+")
_LATIN = re.compile(r"[A-Za-z]")
_WORD_CHAR = re.compile(r"\w")
MAX_UNITS = 14
MAX_CHARS = 32


# A piece of the sentence that the walk-back takes or leaves whole: a word ("word", "punct"),
# or a known name ("known") or quotation ("quote") taken as one.
Unit = Word
CompoundCountries = Callable[[str], tuple[str, ...]]


def units_of(text: str, cut: Cut, known: list[Mention]) -> tuple[list[Unit], list[int], list[int]]:
    """The sentence as units: known mentions and quotations whole, other text by jieba word;
    and where the units start and end, in order (units do not overlap).

    Only the words where a known name starts, inside one, and at a “ are looked at; the
    words between are units as they are, taken in slices, with their offsets."""
    outer: list[Mention] = []
    for candidate in sorted(known, key=lambda m: (m.start, -(m.end - m.start))):
        if candidate.kind is ENTITY and not (outer and candidate.start < outer[-1].end):
            outer.append(candidate)
    quotes = match_starts(_OPENING_QUOTE, text)
    words, starts, ends = cut
    if not outer and not quotes:
        return words, starts, ends
    by_start = {m.start: m for m in outer}
    inside: set[int] = set()  # the words that start inside a known name
    for m in outer:
        inside.update(range(bisect_left(starts, m.start + 1), bisect_left(starts, m.end)))
    special = inside | {bisect_left(starts, m.start) for m in outer}
    special.update(bisect_left(starts, quote) for quote in quotes)  # “ is a word of its own
    special.discard(len(words))  # past the last word: a name starting inside it
    units: list[Unit] = []
    unit_starts: list[int] = []
    unit_ends: list[int] = []
    position = 0  # the end of the last known name or quotation: words before it are inside
    done = 0  # the words before this one are placed
    for index in sorted(special):
        first = bisect_left(starts, position, done, index)
        units.extend(words[first:index])
        unit_starts.extend(starts[first:index])
        unit_ends.extend(ends[first:index])
        done = index + 1
        word = words[index]
        start, end = word.start, word.end
        if start < position:
            continue
        mention = by_start.get(start)
        unit = word
        if mention is not None:
            unit = Unit(mention.text, mention.start, mention.end, "", "known", mention)
            position = mention.end
        elif index in inside:
            continue
        elif word.text == "“":
            close = text.find("”", end)
            if (
                close != -1
                and close - end <= 20
                and not any(start < m.start <= close < m.end for m in outer)
            ):
                unit = Unit(text[start : close + 1], start, close + 1, "", "quote")
                position = close + 1
        units.append(unit)
        unit_starts.append(unit.start)
        unit_ends.append(unit.end)
    first = bisect_left(starts, position, done)
    units.extend(words[first:])
    unit_starts.extend(starts[first:])
    unit_ends.extend(ends[first:])
    return units, unit_starts, unit_ends


def find_names(
    text: str,
    words: list[Word] | Cut,
    known: list[Mention],
    compound: CompoundCountries,
) -> list[Mention]:
    """Name mentions of ``text`` (offsets into it) by head, 《》, quotation and title;
    ``words``, its words, with their offsets if already found."""
    if not isinstance(words, Cut):
        words = Cut(words, list(map(WORD_START, words)), list(map(WORD_END, words)))
    # Where the units start and end, in order: looked up by bisection at the few offsets
    # asked about.
    units, starts, ends = units_of(text, words, known)
    topics = {m.end(1) for m in _AGREEMENT_TOPIC.finditer(text)} if "关于" in text else set()
    found: list[Mention] = []
    for match in _HEAD_RE.finditer(text):
        last = _at(ends, match.end())
        if last is None or units[last].kind != "word":
            continue
        first = _at(starts, match.start())
        word_only = False
        if first is None:
            # A head ending a dictionary word: 清华大学 (a name: it starts the name), 铁路公司
            # (a compound head: 肯尼亚铁路公司), 交通部 (an organisation word: 水利交通部).
            unit = units[last]
            word_only = len(match.group()) < 2  # 交通部: only as the end of a longer name
            if (word_only and unit.tag != "nt") or unit.text[0] in HARD_CHARS:
                continue
            if unit.tag not in {"nt", "n", "nz", ""}:
                continue
            first = last
        if _modifier(units, last, match.group()):
            continue
        topic = match.end() in topics
        mention = _walk_back(text, units, first, last, match.group(), compound, topic)
        if mention is not None and not (word_only and mention.start == units[last].start):
            found.append(mention)
    found.extend(_bracketed(text, known, units, compound))
    found.extend(_quoted(text, units, starts, words, known, compound))
    ministries = list(_ministries(text, units))
    if ministries:  # its fields are not names of their own: 老挝公共工程|与运输部
        found = [m for m in found if not any(_within(m, o) for o in ministries)]
    found.extend(ministries)
    found.extend(_organisation_words(text, units, ends))
    found.extend(_people(text, known))
    return found


def _within(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _at(offsets: list[int], offset: int) -> int | None:
    """The index of ``offset`` in the sorted ``offsets``, None if it is not there."""
    index = bisect_left(offsets, offset)
    return index if index < len(offsets) and offsets[index] == offset else None


_FOLLOWING = frozenset(
    "通道 网 线 干线 运营 工作 管理 合作 人才 沿线 专业 公司 集团 局 站 段 运输 货物 旅客 "
    "列车 功能区 车次 运行线 开行量 门户网站 品牌 部长 局长 部门 系统 情况".split()
)


_BODY_ENDINGS = ("部", "局", "公司", "集团")
_NOUN_TAGS = frozenset({"n", "nz", "vn", "ng", ""})
# Words of companies' names that jieba tags as verbs: 远达港口控股有限公司, 丝路发展集团.
_COMPANY_WORDS = frozenset({"控股", "发展", "开发", "投资", "建设"})
_OPERATING = frozenset({"运营", "经营"})
_LEGAL_FORMS = frozenset({"有限公司", "股份有限公司", "有限责任公司"})


def _modifier(units: list[Unit], last: int, head: str) -> bool:
    """The head only modifies what follows: 铁路通道, 铁路运输部, 港航贸, 班列车次."""
    if last + 1 >= len(units):
        return False
    following = units[last + 1]
    if following.kind != "word":
        return False
    if HEADS[head] is _O:  # 肯尼亚铁路公司工作: only a body of its own follows a body
        return following.text in {"功能区", "部长", "局长", "部门"} or following.text.endswith(
            _BODY_ENDINGS
        )
    if following.text in _FOLLOWING or (len(following.text) > 1 and following.text[-1] in HEADS):
        return True
    if HEADS[head] is _P and HEADS.get(following.text, _P) is not _P:
        return True  # 阿拉伯港口联盟, 丝路铁路论坛: a project head naming a body or forum
    # 斐济铁路工程集团, 塔兰港口工程公司: nouns after the head up to a body's head make the
    # head part of the body's name (a company), not a project of its own.
    for unit in islice(units, last + 1, last + 4):
        if unit.kind != "word" or (unit.tag not in _NOUN_TAGS and unit.text not in _COMPANY_WORDS):
            break
        if unit.text.endswith(_BODY_ENDINGS):
            return True
    if len(head) == 1:  # 港 of 港航贸: a single-character head must end its word
        return (
            len(following.text) == 1
            and following.text not in HARD_CHARS | SOFT_CHARS
            and not _verb_after_name(units, last + 1)
        )
    return False


def _verb_after_name(units: list[Unit], index: int) -> bool:
    """``units[index]`` is a verb of one character after a word ending in a head: the
    sentence's verb after a name, no part of it (瓦尔马港|开|港仪式, the port's opening). Not
    a character of a transliteration, nor one after any other word (东盟|印|太展望: 印 is
    India)."""
    unit = units[index]
    if len(unit.text) != 1 or unit.tag != "v" or unit.text in TRANSLITERATION or index == 0:
        return False
    before = units[index - 1]
    return before.kind == "word" and before.text.endswith(_HEAD_ENDINGS)


# Reporting verbs before a name: 有报道称基苏木港…, 据悉…
_REPORTING = frozenset({"称", "据悉", "获悉", "报道", "表示"})


def _walk_back(
    text: str,
    units: list[Unit],
    first: int,
    last: int,
    head: str,
    compound: CompoundCountries,
    topic: bool = False,
) -> Mention | None:
    """The name ending in ``head`` (units ``first`` to ``last``), if the words before it name
    something; a ``topic`` of a signed agreement needs only one word that is not generic."""
    entity_type = HEADS[head]
    if first == last and units[last].text != head and units[last].tag == "nt":
        head_units: list[Unit] = []  # 清华大学…: the dictionary word is part of the name
        index = first
    else:
        head_units = units[first : last + 1]
        index = first - 1
    before = units[index] if index >= 0 else None
    if (
        before is not None
        and before.mention is not None
        and before.mention.label is not COUNTRY
        and (head in TYPE_WORDS or (head in CLASS_WORDS and before.mention.label is entity_type))
        and not _quoted_before(units, index)
    ):
        return None  # 中吉乌铁路项目, “草原之路”倡议, 澜湄合作机制: the known name is the thing
    taken: list[Unit] = [] if head_units else [units[first]]
    index = first - 1
    edition = False
    while index >= 0 and len(taken) < MAX_UNITS:
        step = _step(units, index, taken, entity_type, head)
        if step == "stop" and units[index].kind == "word" and _EDITION.match(units[index].text):
            edition = True  # 第三届全球数字贸易博览会: an edition marks a named series
            break
        if step == "take":
            taken.append(units[index])
            index -= 1
            continue
        if step == "soft":
            if _coordinated_heads(units, index, taken) or _opened_by_country(
                units[index], taken, entity_type
            ):
                break
            reach = _anchor_beyond(units, index, units[first].start, entity_type)
            if reach is None:
                break
            taken.extend(units[reach : index + 1][::-1])
            index = reach - 1
            continue
        break
    taken.reverse()
    # A source cited starts after its 据 or reporting verb, whatever the walk took before them
    # (新华社…日电|据乌干达交通部消息: not 日电据乌干达交通部).
    cited = [i for i, unit in enumerate(taken) if unit.text == "据" or unit.text in _REPORTING]
    if cited:
        taken = taken[cited[-1] + 1 :]
    while taken and (
        taken[0].kind == "punct"
        or (
            taken[0].kind == "word"
            and (
                (taken[0].text in GENERIC and not edition)
                or _is_number(taken[0].text)
                or taken[0].tag == "p"  # 在越南交通运输部: a preposition starts no name
            )
        )
    ):
        taken.pop(0)
    body = taken
    # A number makes the rest a description: 红石|100兆瓦光热电站, 津巴布韦|300口水井项目.
    number = next((i for i, u in enumerate(body) if u.kind == "word" and _has_digit(u)), None)
    if number is not None:
        head_units = []
        body = body[:number]
        if not body or all(u.kind == "known" for u in body):
            return None
    if head == "项目" and head_units and body:
        outcome = _project_phrase(body)
        if outcome == "inner":
            return None  # 琅勃拉邦医院升级改造项目: the hospital is named, the project described
        if outcome == "drop-head":
            head_units = []  # 智慧塞内加尔(项目): complete without the head
        elif outcome == "description":
            return None  # 吉尔吉斯斯坦灌溉系统改造项目: a country and common nouns
    if not body and not head_units:
        return None
    if len(body) == 1 and body[0].kind in {"quote", "known"} and head in {"平台", "品牌"}:
        return None  # “良渚论坛”平台: the forum itself
    spans = body + head_units
    start, end = spans[0].start, spans[-1].end
    named = edition and bool(body) and entity_type in {_M, _P} and number is None
    cut = number is not None
    if not named and not _specific(body, head, text[start:end], compound, cut, topic):
        return None
    # A country in front of a specific name places it; it is not part of the name (柬埔寨|暹粒
    # 吴哥国际机场), unless the rest would not name it (坦桑尼亚国家光缆骨干网) or the name is a
    # body's: 越南交通运输部 is Vietnam's ministry, not one 交通运输部 in Vietnam.
    if (
        entity_type is not _O
        and body
        and body[0].kind == "known"
        and body[0].mention is not None
        and body[0].mention.label is COUNTRY
        and len(body) > 1
        and body[1].kind != "punct"
        and _specific(body[1:], head, text[body[1].start : end], compound)
    ):
        start = body[1].start
    name = text[start:end]
    entity_type = _refine(entity_type, head, name)
    countries = compound(name)
    if head == "委员会":
        # A committee of two or more countries (中塔合作委员会, 中国—塔吉克斯坦合作委员会) is a
        # mechanism between them, as a forum of theirs is, not a body of one.
        members = countries or tuple(
            dict.fromkeys(
                code
                for unit in body
                if unit.mention is not None and unit.mention.label is COUNTRY
                for code in unit.mention.countries
            )
        )
        if len(members) > 1:
            entity_type, countries = _M, members
    return Mention(
        start,
        end,
        name,
        ENTITY,
        "zh-name-head",
        label=entity_type,
        key=f"name:{_edition_free(name)}",
        countries=countries,
        language="zh",
    )


def _step(
    units: list[Unit], index: int, taken: list[Unit], entity_type: EntityType, head: str
) -> str:
    """What the walk does with ``units[index]``: "take", "soft" (stop unless something proper
    lies beyond) or "stop"."""
    unit = units[index]
    if unit.kind == "punct":
        if unit.text in JOINERS and taken and index > 0:
            neighbours = [units[i].text for i in (index - 1, index + 1) if i < len(units)]
            if not set(neighbours) & JOINERS:
                return "take" if _namish(units[index - 1]) else "stop"
        return "stop"
    if unit.kind == "quote":
        return "take"
    if unit.kind == "known":
        assert unit.mention is not None
        label = unit.mention.label
        if label in {COUNTRY, INITIATIVE, PLACE}:
            return "take"
        if all(u.kind == "word" and u.text in GENERIC for u in taken):
            return "take"  # a compound: 坦赞铁路管理局, 跨里海国际运输走廊国际协会
        if entity_type is _S and label is ORGANIZATION:
            return "take"  # the owner of a strategy: 欧盟欧亚互联互通战略
        if _partner_side(units, index):
            return "take"  # the partner after a country and a dash: 中国—东盟博览会
        if (
            head in LENIENT
            and label is MECHANISM
            and all(u.kind == "word" and u.tag == "ns" for u in taken)
        ):
            return "take"  # a session in a place: 中非合作论坛北京峰会
        return "stop"
    word = unit.text
    if word in _COMPANY_WORDS and HEADS[head] is _O:
        return "take"  # 控股 of …港口控股有限公司, 建设 of 蓝海建设集团: a verb to jieba
    if word in _BUILD_VERBS and index > 0 and _place_unit(units[index - 1]):
        return "stop"  # 在肯尼亚|建设|莫拉港: building in a place, the verb of the sentence
    if word in _OPERATING and HEADS[head] is not _O:
        return "stop"  # 将|运营|北湾铁路: the verb, where 北湾铁路运营有限公司 is a company's name
    if word in HEADS and taken and _proper_unit(taken[-1]):
        return "stop"  # the head of the name before: 最大水电站|格西波-波波里水电站
    if word in _LEGAL_FORMS and taken:
        return "stop"  # no name holds a company's legal form: 柏嘉建设有限公司|力压丰成工程有限公司
    if _is_number(word) or _PHASE.match(word) or _has_digit(unit):
        return "take"
    if len(word) == 1:
        if word in HARD_CHARS or _verb_after_name(units, index):
            return "stop"
        return "soft" if word in SOFT_CHARS else "take"
    if word in HARD_STOPS or _EDITION.match(word) or _ORDINAL.match(word):
        return "stop"  # 第六大|机场, 第六所|“一带一路”税务学院
    if word in _REACHES and index > 0 and units[index - 1].kind == "word":
        return "take" if _proper_unit(units[index - 1]) else "stop"
    if unit.tag == "f" and taken and taken[-1].text in _FEATURES and taken[-1].start == unit.end:
        return "take"  # 北部|湾 (jieba's cut): a direction and a gulf are one place, 北部湾
    if unit.tag in HARD_TAGS or (unit.tag == "f" and not _PHASE.match(word)):
        return "stop"
    if unit.tag in SOFT_TAGS:
        return "soft"
    return "take"


def _opened_by_country(unit: Unit, taken: list[Unit], entity_type: EntityType) -> bool:
    """A conjunction before a body's name that opens with its country: the name is whole
    (巴基斯坦海事部与|中国远达港口控股有限公司 are two bodies)."""
    first = taken[-1] if taken else None  # the walk goes leftwards: the last taken opens it
    return (
        entity_type is _O
        and unit.text in SOFT_CHARS
        and first is not None
        and first.mention is not None
        and first.mention.label is COUNTRY
    )


def _coordinated_heads(units: list[Unit], index: int, taken: list[Unit]) -> bool:
    """A conjunction between two heads with nothing proper after it: “一带一路”合作平台与机制
    is platforms and mechanisms, two classes of things, not one name."""
    return (
        units[index].text in SOFT_CHARS
        and index > 0
        and units[index - 1].text in HEADS
        and not any(map(_proper_unit, taken))
    )


_BUILD_VERBS = frozenset("建设 修建 兴建 新建 建造".split())


def _place_unit(unit: Unit) -> bool:
    """A known country or place, or a word that names a place (蒙巴萨)."""
    if unit.mention is not None:
        return unit.mention.label in {COUNTRY, PLACE}
    return unit.kind == "word" and (unit.tag == "ns" or _city(unit))


def _partner_side(units: list[Unit], index: int) -> bool:
    """A known body dashed to a country before it is the other side of a cooperation name
    (中国—东盟信息港论坛, 中国—阿盟…): part of the name, not where it stops."""
    if index < 2 or units[index - 1].kind != "punct" or units[index - 1].text not in JOINERS:
        return False
    country = units[index - 2]
    return (
        country.kind == "known" and country.mention is not None and country.mention.label is COUNTRY
    )


def _quoted_before(units: list[Unit], index: int) -> bool:
    """A quotation right before the known name at ``index`` makes a programme of its own:
    “丝绸之路”中国政府奖学金项目 is one named programme of the 中国政府奖学金, not the
    scholarship itself (as 中吉乌铁路项目 is the railway)."""
    if index < 1 or units[index - 1].kind != "quote":
        return False
    return units[index - 1].end == units[index].start


def _anchor_beyond(
    units: list[Unit], index: int, head_start: int, entity_type: EntityType
) -> int | None:
    """Past a soft stop at ``index``: the index of the leftmost unit up to which the name
    goes on, if something proper (a quotation, a known name, a proper word; for a body, the
    country its name opens with: 中国|远达|港口控股有限公司) comes before the next hard stop;
    else None."""
    reach = None
    # Not past a conjunction: 巴基斯坦海事部与|中国远达港口控股有限公司 are two bodies.
    country_opens = entity_type is _O and units[index].text not in SOFT_CHARS
    position = index - 1
    while position >= 0 and head_start - units[position].start <= MAX_CHARS:
        unit = units[position]
        if unit.kind == "punct" and unit.text not in JOINERS:
            break
        if unit.kind == "quote":
            reach = position
        elif unit.kind == "known":
            label = unit.mention.label if unit.mention is not None else None
            if label is INITIATIVE:
                if position == index - 1:
                    break  # “一带一路”倡议与|…战略: two names coordinated, not one
                reach = position
            elif label is COUNTRY and country_opens:
                reach = position
            elif label is not COUNTRY:
                break
        if unit.kind == "word":
            if (
                unit.text in HARD_STOPS
                or (len(unit.text) == 1 and unit.text in HARD_CHARS)
                or unit.tag in HARD_TAGS
                or _EDITION.match(unit.text)
            ):
                break
            if _foreign(unit) or _abbreviated_place(units, position):
                reach = position
        position -= 1
    return reach


def _foreign(unit: Unit) -> bool:
    """A word of a foreign name: a transliterated person or place (赫拉克, 乌斯), which lets a
    name go on past a verb-like word (赫拉克莱乌斯|滚装|码头)."""
    if unit.kind != "word" or len(unit.text) < 2:
        return False
    return unit.tag in {"nrt", "nr", "nrfg"} or (
        unit.tag == "ns" and all(char in TRANSLITERATION for char in unit.text)
    )


def _abbreviated_place(units: list[Unit], index: int) -> bool:
    """A character of a pair of single characters that jieba leaves apart, each a place or
    abbreviation (j, ns) or a character it does not know, at least one of them a place
    (澜|湄, 湘|黔): places abbreviated to one character each, which make a name of the
    descriptive words after them (澜湄青年创新论坛). A verb is no such character (赴|华 in
    学生赴华参加…论坛: "to China"), nor is a pair after a verb."""
    unit = units[index]
    if not _abbreviation(unit):
        return False
    for first in (index - 1, index):
        pair = units[first : first + 2]
        if (
            first >= 0
            and len(pair) == 2
            and all(map(_abbreviation, pair))
            and any(u.tag in _PLACE_TAGS for u in pair)
            and not (first > 0 and units[first - 1].tag == "v")
        ):
            return True
    return False


_PLACE_TAGS = frozenset({"j", "ns"})


def _abbreviation(unit: Unit) -> bool:
    """A single character that may abbreviate a place: tagged one, or unknown to the tagger."""
    return _single(unit) and unit.tag in _PLACE_TAGS | {""}


def _single(unit: Unit) -> bool:
    """A single character word that is not a function character (的, 和)."""
    return (
        unit.kind == "word"
        and len(unit.text) == 1
        and _WORD_CHAR.match(unit.text) is not None
        and not unit.text.isdigit()
        and unit.text not in HARD_CHARS
        and unit.text not in SOFT_CHARS
    )


def _proper_unit(unit: Unit) -> bool:
    """A unit that starts a name of its own: a transliteration character, a proper word, a
    quotation or a known name."""
    if unit.kind in {"quote", "known"}:
        return True
    if unit.kind != "word":
        return False
    if len(unit.text) == 1:
        return unit.text in TRANSLITERATION
    return unit.tag in PROPER_TAGS and unit.text not in REGIONS


def _namish(unit: Unit) -> bool:
    """A unit that may end the first half of a dashed name (阿克套—库雷克铁路): a single
    character counts whatever jieba tags it (套 is a classifier to it), as the walk takes it."""
    if unit.kind in {"known", "quote"}:
        return True
    if unit.kind != "word" or unit.text in HARD_STOPS:
        return False
    if len(unit.text) == 1 and _WORD_CHAR.match(unit.text):
        return unit.text not in HARD_CHARS and unit.text not in SOFT_CHARS
    return unit.tag not in HARD_TAGS


def _is_number(word: str) -> bool:
    return bool(_NUMBER.fullmatch(word))


def _has_digit(unit: Unit) -> bool:
    return any(map(str.isdigit, unit.text))  # in C: no generator to resume per character


_EDITION_PREFIX = re.compile(r"^(?:第[一二三四五六七八九十百\d]+[届次]|首届|\d{4}年?)")


def _edition_free(name: str) -> str:
    return _EDITION_PREFIX.sub("", name)


_ACTIONS = frozenset(
    "改造 升级 升级改造 建设 扩建 援助 修复 维修 改扩建 新建 重建 援建 合作".split()
)


def _project_phrase(body: list[Unit]) -> str:
    """How a "…项目" phrase reads: "inner" when it wraps a name (琅勃拉邦医院升级改造项目),
    "drop-head" when the name is complete without 项目 (智慧塞内加尔), "description" when
    nothing but a country or place qualifies common nouns, else "keep" (菌草项目)."""
    rest = list(body)
    while (
        rest and rest[-1].kind == "word" and (rest[-1].text in _ACTIONS or rest[-1].text in GENERIC)
    ):
        rest.pop()
    if rest and rest[-1].kind == "word" and rest[-1].text in HEADS:
        return "inner"
    last = rest[-1] if rest else None
    if last is not None and last.mention is not None and last.mention.label is COUNTRY:
        return "drop-head"
    proper = [
        u
        for u in body
        if u.kind in {"quote", "known"}
        or (u.kind == "word" and u.tag in PROPER_TAGS and u.text not in REGIONS)
    ]
    countries_only = all(
        u.kind == "known" and u.mention is not None and u.mention.label in {COUNTRY, PLACE}
        for u in proper
    )
    if proper and countries_only and not _transliteration(body):
        return "description"
    return "keep"


def _refine(entity_type: EntityType, head: str, name: str) -> EntityType:
    """An association or committee of a cooperation network is a mechanism (English rule)."""
    if head in {"协会", "委员会"} and ("一带一路" in name or "国际" in name):
        return MECHANISM
    return entity_type


def _specific(
    body: list[Unit],
    head: str,
    name: str,
    compound: CompoundCountries,
    cut: bool = False,
    topic: bool = False,
) -> bool:
    """True when the words before the head name something rather than describe it: for an
    event's head (论坛) or the topic of an agreement, any word that is not generic does."""
    core = [
        unit
        for unit in body
        if unit.kind != "punct"
        and not (unit.kind == "word" and (unit.text in GENERIC or unit.tag == "a"))
        and not (unit.kind == "quote" and unit.text[1:-1] in GENERIC)
    ]
    if not core:
        return False
    if (head in LENIENT or topic) and not cut:
        return any(
            unit.kind != "word" or (not _is_number(unit.text) and unit.text not in REGIONS)
            for unit in core
        )
    countries = compound(name)
    if len(countries) > 1:
        # 中老泰铁路 names its countries; 中乌“一带一路”合作旗舰项目 only describes.
        rest = [u for u in core if u.start >= body[0].start + len(countries)]
        rest = [u for u in rest if not (u.kind == "known" and _initiative(u))]
        return head not in {"项目", "工程"} or bool(rest)
    if (
        len(core) == 1
        and head in _FACILITY_KINDS
        and core[0].mention is not None
        and core[0].mention.label is COUNTRY
        and core[0].text not in _CITY_COUNTRIES
    ):
        # 肯尼亚港口, 中国铁路企业: a country's ports or railways, not one named; but a
        # country that is its own city names its port (吉布提港, 新加坡港)
        return False
    proper = False
    for unit in core:
        if unit.kind == "known":
            proper = proper or not _initiative(unit)
        elif (
            unit.kind == "quote"
            or (unit.tag in PROPER_TAGS and unit.text not in REGIONS)
            or unit.text in SILK_ROAD
            or _LATIN.search(unit.text)
            or _city(unit)
        ):
            proper = True
    if not proper and any(unit.kind == "known" for unit in core):
        # “一带一路”能源合作伙伴关系: an initiative and a word of its own name it.
        proper = any(unit.kind == "word" and not _is_number(unit.text) for unit in core)
    if not proper and body and body[0].kind == "known" and _initiative(body[0]):
        # A name built on “一带一路” (“一带一路”绿色投资原则), not a description of one of its
        # projects or countries (“一带一路”旗舰项目, “一带一路”国家多边合作平台).
        proper = any(
            unit.kind == "word"
            and unit.text not in _DESCRIPTIVE
            and unit.tag != "a"
            and not _is_number(unit.text)
            for unit in body[1:]
        )
    return proper or _transliteration(core)


# Heads that after a country alone name its facilities of that kind, not one of them.
_FACILITY_KINDS = frozenset({"港口", "港", "铁路", "公路", "码头", "项目", "工程"})
# Countries named as their capital is: 吉布提港 is the port of Djibouti city.
_CITY_COUNTRIES = frozenset("新加坡 吉布提 科威特 巴拿马 卢森堡 摩纳哥 危地马拉".split())
_DESCRIPTIVE = frozenset(
    "国家 旗舰 标志性 重点 示范 龙头 合作 框架 建设 项目 国际合作 共建国家 多边 双边 区域 "
    "沿线 相关 有关 国际 全球 各类".split()
)


def _city(unit: Unit) -> bool:
    """A word that names a city abroad in the gazetteer, whatever jieba tags it (金边 and 海防
    are common nouns to it): 金边深水港 is named after Phnom Penh. Chinese cities are left out:
    their Chinese names are also words (合作, 中心, 东方)."""
    if unit.kind != "word" or len(unit.text) < 2 or unit.text in GENERIC:
        return False
    return chinese_city_country(unit.text) not in {None, "CN"}


def _initiative(unit: Unit) -> bool:
    return unit.mention is not None and unit.mention.label is INITIATIVE


def _transliteration(core: list[Unit]) -> bool:
    """Two or more single characters in a row that jieba left apart, all of them characters
    of transliterated names: a foreign or abbreviated name (卡鲁玛, 格西波)."""
    run = 0
    for unit in core:
        if unit.kind == "word" and len(unit.text) == 1 and unit.text in TRANSLITERATION:
            run += 1
            if run >= 2:
                return True
        else:
            run = 0
    return False


# -- 《》, quotations, organisation words, people -----------------------------------------------

_BRACKETED = re.compile(r"《([^《》]{2,40})》")
# An agreement with parties is a mechanism, as "… Agreement" is in English (GUIDELINES.md §3:
# named instruments that parties sign); a memorandum or a statement is a document.
_BRACKET_HEADS: list[tuple[str, EntityType]] = [
    ("倡议", _I), ("原则", _M), ("协定", _M), ("协议", _M), ("议程", _S), ("战略", _S),
    ("愿景", _S), ("构想", _S), ("展望", _S),
]  # fmt: skip
# What a signed agreement is about: 关于琥珀公路融资的谅解备忘录 (ends where the name may end).
_AGREEMENT_TOPIC = re.compile(
    r"关于([^，。；“”《》的]{2,24}?)(?:融资|贷款|建设|合作|开发|实施|运营)?的"
    r"[^，。；的]{0,6}?(?:备忘录|协议|协定|合同)"
)


def _bracketed(
    text: str, known: list[Mention], units: list[Unit], compound: CompoundCountries
) -> Iterator[Mention]:
    """《廉洁丝绸之路北京倡议》: an initiative, principle, agreement or strategy. Other titles
    (白皮书, 报告, 方案, 规划, 备忘录, 声明) are documents, which are not entities."""
    for match in _BRACKETED.finditer(text):
        content = match.group(1)
        start, end = match.span(1)
        if any(m.start <= start and end <= m.end for m in known):
            continue
        for head, entity_type in _BRACKET_HEADS:
            if content.endswith(head) and len(content) > len(head) + 1:
                if head in _AGREEMENTS:
                    # 《贷款协议》, 《框架协议》: any loan or framework agreement, which would
                    # all be one node; 《湄公河沿岸…合作协定》 names its place, as a name must.
                    body = [u for u in units if start <= u.start and u.end <= end - len(head)]
                    if not _specific(body, head, content, compound):
                        break
                yield _name(start, end, content, entity_type, "zh-name-bracketed")
                break


_AGREEMENTS = frozenset({"协定", "协议"})


_ALL_HEADS = {**HEADS, **QUOTED_HEADS}
_LONGEST_HEAD = max(map(len, _ALL_HEADS))


def _longest_head(content: str) -> str | None:
    """The longest head, quoted or not, that ``content`` ends with."""
    for length in range(min(len(content), _LONGEST_HEAD), 0, -1):
        if content[-length:] in _ALL_HEADS:
            return content[-length:]
    return None


def _names_something(words: list[Word], first: int, end: int) -> bool:
    """Whether the words from index ``first`` up to offset ``end`` hold one that is neither
    punctuation, generic nor an adjective (the words tile the text: they are in order). These
    are jieba's words, whose kind already says whether they hold a letter or digit."""
    for word in islice(words, first, None):
        if word.end > end:
            return False
        if word.kind == "word" and word.text not in GENERIC and word.tag != "a":
            return True
    return False


_OPENING_QUOTE = re.compile("“")
_STRATEGY_TAIL = re.compile(r"新经济政策|经济政策|战略|倡议|构想|规划|计划|愿景|议程|政策")


def _quoted(
    text: str,
    units: list[Unit],
    starts: list[int],
    words: Cut,
    known: list[Mention],
    compound: CompoundCountries,
) -> Iterator[Mention]:
    """A quoted name that ends in a head (“良渚论坛”, “太平洋岛国菌草技术培训班”), and a quoted
    strategy after its country or naming it (南非“经济重建和复苏计划”, “振兴塞内加尔”计划).

    ``starts`` are where the units start: a quotation starts at a “."""
    for opening in _OPENING_QUOTE.finditer(text):
        index = _at(starts, opening.start())
        if index is None or units[index].kind != "quote":
            continue
        unit = units[index]
        content = unit.text[1:-1]
        start, end = unit.start + 1, unit.end - 1
        head = _longest_head(content)
        if (head == "行" and len(content) != 3) or (head == "日" and len(content) < 4):
            head = None  # “光明行”, “丝路电商日”: campaigns and days; not “一路同行”
        if head is not None and _ALL_HEADS[head] is not _O:
            first = bisect_left(words.starts, start)
            if len(head) == 1 or _names_something(words.words, first, end - len(head)):
                mention = _name(start, end, content, _ALL_HEADS[head], "zh-name-quoted")
                mention.countries = compound(content)
                yield mention
                continue
        named = _STRATEGY_TAIL.match(text, unit.end) is not None or content.endswith(
            ("计划", "战略", "愿景", "议程", "构想")
        )
        if not named:
            continue  # no strategy: its owner need not be looked for
        before = units[index - 1] if index > 0 else None
        owner = (
            before.mention
            if before is not None
            and before.kind == "known"
            and before.mention is not None
            and before.mention.label in {COUNTRY, ORGANIZATION}
            and before.end == unit.start
            else None
        )
        inside = tuple(
            m.countries[0]
            for m in known
            if m.label is COUNTRY and m.countries and start <= m.start < m.end <= end
        )
        if owner is not None or inside:
            mention = _name(start, end, content, _S, "zh-strategy-quoted")
            mention.countries = owner.countries if owner is not None else inside[:1]
            yield mention


_ORG_WORD_HEADS = ("大学", "学院", "研究院", "科学院", "部", "委", "银行", "通讯社", "人民政府")
_ORG_WORD_END = re.compile("[" + "".join(sorted({head[-1] for head in _ORG_WORD_HEADS})) + "]")
_NOT_ORGANIZATIONS = frozenset(
    "全部 内部 外部 东部 西部 南部 北部 中部 局部 干部 总部 本部 俱乐部 司令部 指挥部 细部 腹部 "
    "头部 底部 顶部 上部 下部 后部 前部 基层 党委 常委 编委 政委 纪委".split()
)


# Ministries named by two fields joined by 和: 文化和旅游部, 工业和信息化部.
_MINISTRY = re.compile(r"[\u4e00-\u9fff]{2}和[\u4e00-\u9fff]{2,4}部(?!长|门|分)")
# A country's ministry of two fields, however long the first: 老挝公共工程与运输部. Matched
# only right after a country, so the first field needs no fixed length to find its start;
# not when a unit of the ministry follows (中国文化和旅游部中外文化交流中心 is the centre).
_FIELD = r"[^的之在是为将于由对向从了和与及或\W\d]"
_COUNTRY_MINISTRY = re.compile(
    rf"{_FIELD}{{2,6}}[和与]{_FIELD}{{2,4}}部"
    rf"(?!长|门|分|{_FIELD}{{0,10}}(?:中心|局|司|院|所|办公室|委员会))"
)


def _organisation_words(text: str, units: list[Unit], ends: list[int]) -> Iterator[Mention]:
    """Organisation words that jieba knows (清华大学, 外交部, 教育部), on their own: at the start
    of a clause or after a country, not inside a longer name (文化和旅游部, 泰国铁路运输部).

    Only the units ending where a head's last character is (``ends``: where the units end)
    are looked at."""
    for last in _ORG_WORD_END.finditer(text):
        index = _at(ends, last.end())
        if index is None:
            continue
        unit = units[index]
        word = unit.text
        if not (
            unit.kind == "word"
            and len(word) >= 3
            and unit.tag in {"nt", "n"}
            and word.endswith(_ORG_WORD_HEADS)
            and word not in _NOT_ORGANIZATIONS
            and word[0] not in HARD_CHARS
            and (unit.tag == "nt" or word.endswith("部"))
        ):
            continue
        before = units[index - 1] if index else None
        if (
            before is not None
            and before.kind == "known"
            and before.mention is not None
            and before.mention.label is COUNTRY
        ):  # 尼泊尔水利部 is Nepal's ministry, as 越南交通运输部 is Vietnam's
            name = text[before.start : unit.end]
            yield _name(before.start, unit.end, name, _O, "zh-name-organization")
        elif before is None or (
            before.kind == "punct"
            or (before.kind == "word" and (before.text in HARD_STOPS or before.text in HARD_CHARS))
        ):
            yield _name(unit.start, unit.end, word, _O, "zh-name-organization")


def _ministries(text: str, units: list[Unit]) -> Iterator[Mention]:
    """Ministries of two fields joined by 和 or 与: 文化和旅游部, and after a country, however
    long its first field, 老挝公共工程与运输部 (one body, not a project 老挝公共工程)."""
    if "和" not in text and "与" not in text:
        return  # the patterns need a conjunction between two fields
    for country in units:
        if (
            country.kind == "known"
            and country.mention is not None
            and country.mention.label is COUNTRY
        ):
            match = _COUNTRY_MINISTRY.match(text, country.end)
            if match is not None:
                name = text[country.start : match.end()]
                yield _name(country.start, match.end(), name, _O, "zh-name-organization")
    if "和" not in text:
        return  # the pattern, which tries every character, needs the 和
    for match in _MINISTRY.finditer(text):
        if (
            match.start() == 0
            or not _WORD_CHAR.match(text, match.start() - 1)
            or text[match.start() - 1] in HARD_CHARS
        ):
            yield _name(match.start(), match.end(), match.group(), _O, "zh-name-organization")


# No title starts another at the same character, so the tree of them finds what their list did.
_TITLES = longest_first(
    "国家主席 副总统 总统 副总理 总理 副首相 首相 国王 王储 外长 副部长 部长 秘书长 总干事 大使 "
    "教授 副院长 院长 副会长 会长 总务长 董事长 总裁 执行董事 市长 省长 发明人 主席".split()
)
_AFTER_NAME = (
    r"(?=表示|指出|强调|说|介绍|会谈|会见|在|同|与|和|时|的|任|所说|出席|亲自|教授|先生|女士|"
    r"[，。、：；（(\d])"
)
_PERSON = re.compile(
    rf"(?:{_TITLES})(?P<name>[\u4e00-\u9fff]{{1,6}}·[\u4e00-\u9fff]{{1,8}}?|"
    rf"[\u4e00-\u9fff]{{2,4}}?){_AFTER_NAME}"
)
_TRANSLIT_CLASS = "[" + "".join(sorted(TRANSLITERATION)) + "季夫诺洛娃卓蒂耶奥斯]"
_DOT_NAME = re.compile(rf"{_TRANSLIT_CLASS}{{2,6}}·[\u4e00-\u9fff]{{2,8}}?{_AFTER_NAME}")


_ORGANISATION_AFTER = re.compile(r"[\u4e00-\u9fff]*(?:中心|学院|公司|论坛|行)")


def _people(text: str, known: list[Mention]) -> Iterator[Mention]:
    """People after a title (总统托卡耶夫, 院长过勇) and foreign names joined by "·"."""
    seen: set[tuple[int, int]] = set()
    for match in _PERSON.finditer(text):
        start, end = match.span("name")
        name = match.group("name")
        if any(m.start < end and start < m.end for m in known) or name[0] in HARD_CHARS:
            continue
        if "·" not in name and (name in _NOT_NAMES or name[:2] in _NOT_NAMES):
            continue
        seen.add((start, end))
        yield _name(start, end, match.group("name"), PERSON, "zh-person-title")
    if "·" not in text:
        return  # the pattern, which tries most characters, needs the dot
    for match in _DOT_NAME.finditer(text):
        start, end = match.span()
        if (start, end) in seen or any(m.start < end and start < m.end for m in known):
            continue
        if _ORGANISATION_AFTER.match(text, end):
            continue  # part of an organisation's name: 尼扎米·甘伽维国际中心
        yield _name(start, end, match.group(), PERSON, "zh-person-name")


_NOT_NAMES = frozenset(
    "指出 表示 强调 介绍 会见 会谈 出席 认为 说 宣布 提出 致辞 发表 主持 访问 一行 本人 先生 女士 "
    "阁下 夫人 等人 团队 亲自 特别 曾经 此前 还 也 都 邀请 倡议 提议 建议 致电 会晤 签署 批准 "
    "讲话 委托 决定".split()
)


def _name(start: int, end: int, text: str, entity_type: EntityType, rule: str) -> Mention:
    return Mention(
        start,
        end,
        text,
        ENTITY,
        rule,
        label=entity_type,
        key=f"name:{_edition_free(text)}",
        language="zh",
    )
