"""Stage 5 for Chinese sentences: relations, events and quantities, with their evidence.

The same Fact conventions as :mod:`brikg.relate` (``locatedIn``, ``involves``, ``partOf``,
``event`` with ``event_kind`` and ``date``, ``quantity`` with ``measure`` and an as-of date),
read from Chinese patterns:

- countries named by a compound (中老铁路 lies in China and Laos; 中巴经济走廊 involves both;
  a cooperation project such as 中白工业园 lies in the partner country only), a clause that
  opens "在X，" (在科特迪瓦，…格西波-波波里水电站…), and a country written before a name;
- flagship projects of the BRI (“一带一路”旗舰项目, 龙头项目), parts named inside a larger name
  (迪拜马克图姆太阳能公园 in its 四期 project, 中非合作论坛 in 中非合作论坛北京峰会), parties
  (中肯共建, 中方倡议发起 …, 由…承建);
- dated events from trigger verbs (开通, 建成, 通车, 投入运营, 签署, 成立, 启动, 举办/举行,
  提出, 宣布, 发布) and the quantities of the sentence's subject;
- the 【知识卡片】 boxes: dense structured facts about the entity in the box's heading (its
  termini, length, opening date), which is the subject of the box's subjectless sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from brikg.ir import (
    CORRIDOR,
    COUNTRY,
    DATE,
    ENTITY,
    INITIATIVE,
    MECHANISM,
    ORGANIZATION,
    PROJECT,
    PROPOSABLE,
    QUANTITY,
    STRATEGY,
    DateValue,
    Document,
    Entity,
    EntityType,
    Evidence,
    Fact,
    Mention,
    Sentence,
)
from brikg.lexicon import Lexicon
from brikg.places import chinese_city_country, chinese_place_at
from brikg.recognize.zh import DATELINE, prefix_country, sentence_text
from brikg.recognize.zh_names import LINEAR_HEADS
from brikg.relate import event_rule, without_guesses
from brikg.vocab import STOP_KINDS

SUBJECTS = frozenset(
    {
        PROJECT,
        CORRIDOR,
        MECHANISM,
        INITIATIVE,
        STRATEGY,
        ORGANIZATION,
    }
)
BRI = "initiative/belt-and-road-initiative"

# Trigger verbs, longest first within a kind; 开通运营 opens (开通 leads), 投入运营 operates.
TRIGGERS: list[tuple[str, str]] = [
    ("开通运营", "opening"), ("通车运营", "opening"), ("开通仪式", "opening"),
    ("投入商业运行", "startOfOperation"), ("投入商业运营", "startOfOperation"),
    ("转入商业运营", "startOfOperation"), ("投入试运行", "startOfOperation"),
    ("投入运营", "startOfOperation"), ("投入运行", "startOfOperation"),
    ("投入使用", "startOfOperation"), ("投产", "startOfOperation"),
    ("并网发电", "startOfOperation"), ("全容量并网", "startOfOperation"),
    ("实现并网", "startOfOperation"),
    ("开通", "opening"), ("通车", "opening"), ("通航", "opening"), ("揭牌", "opening"),
    ("启幕", "opening"), ("落成", "completion"), ("完工", "completion"), ("竣工", "completion"),
    ("建成", "completion"), ("暂停", "suspension"), ("停工", "suspension"),
    ("搁置", "suspension"), ("叫停", "suspension"), ("复工", "resumption"),
    ("恢复建设", "resumption"), ("恢复施工", "resumption"), ("重启", "resumption"),
    ("取消", "cancellation"), ("终止", "cancellation"), ("签署", "signing"),
    ("签订", "signing"), ("签字", "signing"),
    ("成立", "establishment"), ("设立", "establishment"), ("增设", "establishment"),
    ("启动", "launch"), ("发起", "launch"), ("开工", "launch"), ("举行", "holding"),
    ("举办", "holding"), ("召开", "holding"), ("主办", "holding"), ("开幕", "holding"),
    ("提出", "proposal"), ("宣布", "announcement"), ("发布", "announcement"),
]  # fmt: skip
_TRIGGER_RE = re.compile("|".join(re.escape(t) for t, _kind in TRIGGERS))
_KIND = dict(TRIGGERS)
# Verbs whose entity follows them (宣布成立X, 倡议发起X, 启动X); the others take the entity
# before them (X于…正式开通).
_OBJECT_FIRST = frozenset({"宣布", "发起", "启动", "提出", "主办", "设立", "签署", "发布"})
# Of those, the ones that also read passively with the thing before them (协定签署, 原则发布).
_PASSIVE_TOO = frozenset({"签署", "发布", "设立", "主办"})
_CLAUSE = re.compile(r"[，；：。！？]")
_ANNIVERSARY = re.compile(
    r"(?:投产|通车|运营|运行|竣工|并网|发电)*满?[一二两三四五六七八九十百零〇\d]*周年"
)
_IN_COUNTRY = re.compile(r"^(?:[^，。]{0,16}，)?在$")
_FLAGSHIP = re.compile(
    r"“一带一路”[^，。；]{0,8}?(?:旗舰|龙头|标志性|示范|重点)(?:项目|工程)"
    r"|“一带一路”[^，。]{0,12}“金字招牌”"
)
# X是Y的组成部分, X属于Y早期收获项目, 作为Y的重点项目: the verb before the whole Y (a few
# words may stand between: 是中肯共建“一带一路”), and what X is of it after Y.
_PART_CUE = re.compile(r"组成部分|一部分|一环|框架|项目|工程")
# The verb standing as a word (not the 为 of 认为, 因为): 是, 属于, 成为, 作为, 列为, 列入, 纳入.
_PART_VERB = re.compile(r"(?:是|属于|成为|作为|列为|列入|纳入)[^，。；、的是]{0,6}\Z")
# What X is of Y, ending its clause: (的)(重点/早期收获…)项目, 组成部分, 一环, (之一).
_PART_NOUN = re.compile(
    r"(?:的)?[^，。；、的]{0,8}?(?:重要)?(?:组成部分|一部分|一环|子项目|项目|工程)(?:之一)?"
    r"(?=[，。；！？]|$)"
)
# Denied or asked: 不是, 不属于, 并非, 是否 (not the 非 of 非洲 or 中非, nor the 未 of 未来).
_NEGATED = re.compile(r"不|并非|(?<![中南北东西])非(?!洲)|未(?!来)|是否")
_JOINERS = frozenset({"和", "与", "及", "以及", "、"})
# Beside the whole, not of it: 中老铁路沿线的项目, 园区周边的工程.
_NOT_A_PART = re.compile(r"沿线|周边|附近|以外|之外|后续|之后|姊妹|签约|竞争|对手|替代")
_FRAMEWORK = re.compile(r"(?:合作)?框架(?:下|内)的?")
_THIS_IS = re.compile(r"这(?:也|还|更|就|正)?是")
_PARTNERS = re.compile(r"中([\u4e00-\u9fff]{1,2}?)(?:高质量)?(?:共建|合作|“一带一路”)")
_TOGETHER = re.compile(r"共建“一带一路”|共同建设|合作建设|共建(?=的)")
_AGENT_VERB = re.compile(
    r"倡议发起|倡导建立|推动成立|(?:共同|联合)?(?:主办|举办|承办)|合作打造|(?:下属企业)?承建|"
    r"主导运营|(?<=公司|集团)(?:负责)?运营|共同发起|提出|加入|提供[^，。；]{0,12}?(?:贷款|融资)"
)
# The agent verbs that name a proposer (proposedBy) as well as a party.
_PROPOSING = frozenset({"倡议发起", "倡导建立", "共同发起", "提出"})
# Where something happened, closing the clause before a verb: 在第二届…论坛上，
_VENUE = re.compile(r"在[^，。；在]*上[，,]\Z")
# X位于卢旺达境内, 地处, 坐落于: the country a project lies in.
_LIES_IN = re.compile(r"(?:项目)?(?:位于|地处|坐落于|坐落在)")
# A report the sentence denies, or a rumour: no event (有报道称…，但…予以否认).
_DENIED = re.compile(r"否认|辟谣|(?:消息|报道)不实|传闻|据传")
# What a stop verb stops when it is not the project: 取消了…售票服务, 暂停了对X的贷款.
# 终止对X的支持: after 对…的 the stopped thing is what follows 的 (support, money: the English
# _NOT_THE_PROJECT), not X, unless it is X's own building or running: 暂停了对X的建设 stops X.
_STOPPED_OBJECT = re.compile(
    r"了?(?:[^，。；]{0,12}?(?:服务|贷款|融资|合同|航班|业务|售票|进口|出口|签证|关税|支付|付款)"
    r"|对[^，。；的]{1,30}的(?!建设|施工|修建|建造|兴建|运营|运行|营运))"
)
_CLAUSE_START = re.compile(r".*[，。；：]")
# A clause about a part of the thing named before: 剩余1台将于年底前投入使用, 其中2台机组…投产,
# 首段…开通 (the remaining unit, two of the units, the first section), not the whole.
# 二期工程计划于2025年开工 after 一期工程于2021年建成: the second phase's plan. Not 首条, 第一座
# (首条跨境高铁X, "the first cross-border high-speed railway X"): the whole, named after them.
_PART_SUBJECT = re.compile(
    r"(?:剩余|其余|其中)[^，。；]{0,4}?(?:台|座|段|期|个|条|批|号)"
    r"|(?:首|第[一二三四五六七八九十\d]+)(?:台|段|期|批)|[一二三四五六七八九十\d]+期"
)
_TERMINUS = re.compile(r"(?:[东南西北]起|起自|始于|[东南西北]至|连接|经)")
_CARD = "【知识卡片】"
_CARD_PARAGRAPHS = 1
"""Paragraphs after a box's heading whose subjectless sentences are about the box's topic:
only the first, since the PDF text does not mark where a box ends."""
_NOT_RECORDED_UNITS = frozenset({"percent", "percentage point"})


def nested_spans(mentions: Iterable[Mention]) -> set[tuple[int, int]]:
    """Spans of ``mentions`` inside a longer one, found in one sweep (a flattened table names a
    thing a thousand times in one "sentence"; comparing all pairs was quadratic). Sorted by
    start and then longest first, a span is inside another exactly when an earlier span reaches
    as far."""
    spans = sorted({(m.start, m.end) for m in mentions}, key=lambda span: (span[0], -span[1]))
    nested: set[tuple[int, int]] = set()
    reach = -1
    for start, end in spans:
        if reach >= end:
            nested.add((start, end))
        reach = max(reach, end)
    return nested


@dataclass(slots=True)
class _Context:
    """One Chinese sentence with its resolved mentions."""

    doc: Document
    sentence: Sentence
    text: str
    positions: list[int]
    mentions: list[Mention]
    entities: dict[str, Entity]
    _nested: set[tuple[int, int]] | None = None
    _things: dict[tuple[frozenset[EntityType], bool], list[Mention]] = field(default_factory=dict)
    _future_end: int | None = -1  # -1: not looked for yet
    _clause_ends: list[int] | None = None

    def future_before(self, position: int) -> bool:
        """Whether a projection ("will", "is expected to", "once built": 将, 预计, 建成后) comes
        before ``position``: found once per sentence, not once per figure or verb."""
        if self._future_end == -1:
            first = _FUTURE_MARKERS.search(self.text)
            self._future_end = first.end() if first else None
        return self._future_end is not None and self._future_end <= position

    def planned_before(self, position: int) -> bool:
        """Whether a plan's marker (:data:`_PLAN_MARKERS`) governs the verb at ``position``: the
        last one before it in its clause, with no other verb nor a 的 between them
        (该项目预计于2027年建成 plans the completion; in 原定于2020年开通的X于2023年开通 the
        second 开通 happened, and 总投资预计50亿元的X于2023年建成 plans nothing)."""
        markers = list(_PLAN_MARKERS.finditer(self.text, self.clause_start(position), position))
        if not markers:
            return False
        between = self.text[markers[-1].end() : position]
        return "的" not in between and not _TRIGGER_RE.search(between)

    def clause_start(self, position: int) -> int:
        """Where the clause holding ``position`` starts: after the last ，；：。！？ before it."""
        if self._clause_ends is None:
            self._clause_ends = [match.end() for match in _CLAUSE.finditer(self.text)]
        index = bisect_right(self._clause_ends, position) - 1
        return self._clause_ends[index] if index >= 0 else 0

    def clause_starts(self, before: int) -> list[int]:
        """Where the clauses that start before ``before`` start (the sentence's start first)."""
        self.clause_start(0)
        assert self._clause_ends is not None
        return [0] + self._clause_ends[: bisect_left(self._clause_ends, before)]

    def local(self, offset: int) -> int:
        """The position in the sentence's text (without gaps) of a document offset."""
        return bisect_left(self.positions, offset)

    def local_end(self, mention: Mention) -> int:
        """Where ``mention`` ends in the sentence's text: after its last character, since its
        end offset may fall in a gap the text leaves out."""
        return self.local(mention.end - 1) + 1

    def type_of(self, mention: Mention) -> EntityType | None:
        entity = self.entities.get(mention.entity or "")
        return entity.type if entity else mention.label

    def things(self, types: frozenset[EntityType] = SUBJECTS, outer: bool = False) -> list[Mention]:
        """Entity mentions of the given classes; with ``outer``, only those that are not part
        of a longer name or of a document title in 《》 (the “一带一路” of 《…“一带一路”…报告》)."""
        key = (types, outer)
        if key not in self._things:  # asked once per rule and per project: made once
            found = [
                m
                for m in self.mentions
                if m.kind is ENTITY and m.entity and self.type_of(m) in types
            ]
            if outer:
                nested = self._nested_spans()
                found = [
                    m for m in found if (m.start, m.end) not in nested and not self.bracketed(m)
                ]
            self._things[key] = found
        return list(self._things[key])

    def _nested_spans(self) -> set[tuple[int, int]]:
        """Spans of entity mentions inside a longer one (:func:`nested_spans`), found once."""
        if self._nested is None:
            self._nested = nested_spans(m for m in self.mentions if m.kind is ENTITY)
        return self._nested

    def bracketed(self, mention: Mention) -> bool:
        """Inside 《…》 or a quoted phrase with punctuation (a title, a theme, a slogan)."""
        start, end = self.local(mention.start), self.local_end(mention)
        before, after = self.text[:start], self.text[end:]
        if before.endswith("《") and after.startswith("》"):
            return False  # the title is the name: 《廉洁丝绸之路北京倡议》
        if before.rfind("《") > before.rfind("》") and after.find("》") != -1:
            return True
        opened = before.rfind("“") > before.rfind("”")
        closing = after.find("”")
        return opened and closing != -1 and bool(re.search(r"[，、；]", after[:closing]))

    def evidence(self, rule: str, confidence: float = 1.0) -> Evidence:
        return self.doc.evidence(self.sentence, rule, confidence)

    def fact(
        self, subject: str, predicate: str, obj: str | None, rule: str, confidence: float = 1.0
    ) -> Fact:
        return Fact(subject, predicate, self.evidence(rule, confidence), object=obj)


def _agents(ctx: _Context, things: list[Mention]) -> list[Mention]:
    """The countries and organisations of the sentence that may act: not those inside a name
    (由中国港湾工程有限责任公司承建: the company, not the 中国 inside its name)."""
    agents = [
        m
        for m in ctx.mentions
        if m.kind is ENTITY
        and m.entity
        and (m.label is COUNTRY or ctx.type_of(m) is ORGANIZATION)
        and not any(o.start <= m.start and m.end <= o.end and o is not m for o in things)
    ]
    inner = nested_spans(agents)
    return [m for m in agents if (m.start, m.end) not in inner]


def _agent_list(ctx: _Context, agents: list[Mention], end: int) -> list[Mention]:
    """The agents listed right before ``end`` (中国和哈萨克斯坦, 双方: both of its mentions)."""
    before = [a for a in agents if ctx.local_end(a) <= end]
    if not before or ctx.local_end(before[-1]) != end:
        return []
    return _joined_list(ctx, before)


def _without_dates(ctx: _Context, start: int, end: int) -> str:
    """The text of the sentence from ``start`` to ``end`` with its dates left out."""
    kept = list(ctx.text[start:end])
    for m in ctx.mentions:
        if m.kind is DATE:
            for at in range(max(start, ctx.local(m.start)), min(end, ctx.local_end(m))):
                kept[at - start] = ""
    return "".join(kept)


def _paragraph_codes(
    doc: Document, by_sentence: dict[int, list[Mention]]
) -> dict[int, tuple[str, ...]]:
    """The countries other than China that each paragraph names, in order of first mention:
    the parties a paragraph's agreements are between (one pass over the document)."""
    codes: dict[int, dict[str, None]] = {}
    for sentence in doc.sentences:
        for m in by_sentence.get(sentence.index, ()):
            if m.label is COUNTRY and m.countries and m.countries[0] != "CN":
                codes.setdefault(sentence.paragraph, {})[m.countries[0]] = None
    return {paragraph: tuple(found) for paragraph, found in codes.items()}


class ChineseRelater:
    """Reads facts out of the Chinese sentences of a document, after resolution."""

    def __init__(self, lexicon: Lexicon, entities: dict[str, Entity]) -> None:
        self.lexicon = lexicon
        self.entities = entities

    def __call__(self, doc: Document) -> Document:
        by_sentence: dict[int, list[Mention]] = {}
        for mention in doc.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        facts: list[Fact] = []
        # The names of the sentences read so far, each with its paragraph and sentence index.
        self._recent: list[tuple[Mention, int, int]] = []
        paragraph_codes = _paragraph_codes(doc, by_sentence)
        scope: tuple[int, str] | None = None  # (paragraph, country id) of a "在X，" clause
        card: tuple[int, str | None] | None = None  # (paragraph, entity) of a 【知识卡片】
        for sentence in doc.sentences:
            if sentence.language != "zh":
                continue
            text, positions = sentence_text(doc, sentence)
            mentions = by_sentence.get(sentence.index, [])
            dateline = DATELINE.match(text)
            if dateline and dateline.end() < len(positions):
                # The agency and the filing date take part in nothing the story tells.
                body = positions[dateline.end()]
                mentions = [m for m in mentions if m.start >= body]
            ctx = _Context(doc, sentence, text, positions, mentions, self.entities)
            if sentence.is_heading:
                card = self._card(ctx) if text.startswith(_CARD) else None
                continue
            if card is not None and sentence.paragraph - card[0] > _CARD_PARAGRAPHS:
                card = None
            in_card = card[1] if card else None
            country = self._in_country(ctx)
            if country is not None:
                scope = (sentence.paragraph, country)
            elif scope is not None and scope[0] != sentence.paragraph:
                scope = None
            facts.extend(self._located(ctx, scope, country is not None))
            facts.extend(self._compound(ctx))
            facts.extend(self._built_in(ctx))
            facts.extend(self._part_of(ctx))
            facts.extend(self._parties(ctx, paragraph_codes.get(sentence.paragraph, ())))
            facts.extend(self._undertakings(ctx))
            facts.extend(self._roles(ctx))
            facts.extend(self._alignments(ctx))
            facts.extend(self._events(ctx, in_card))
            facts.extend(self._quantities(ctx, in_card))
            self._remember(ctx)
            if in_card:
                facts.extend(self._termini(ctx, in_card))
        english = [
            fact
            for fact in doc.facts
            if not (fact.predicate == "quantity" and fact.evidence.rule == "zh-quantity")
        ]  # the Chinese relater owns the figures of Chinese sentences
        stated = without_guesses(facts, _CITY_RULE, _states_location)
        doc.facts = _dedupe(english + without_guesses(stated, _PARTNER_RULE, _states_location))
        return doc

    def _remember(self, ctx: _Context) -> None:
        """The names of this sentence, for "这一项目", "该机制" in the next ones."""
        where = (ctx.sentence.paragraph, ctx.sentence.index)
        self._recent += [(m, *where) for m in ctx.things(outer=True) if m.entity != BRI]
        self._recent = self._recent[-12:]

    def _anaphor(
        self, ctx: _Context, position: int, types: frozenset[EntityType], held: bool = False
    ) -> str | None:
        """The entity a demonstrative before ``position`` in its clause refers to: 这一项目,
        该机制, 这条铁路, a bare 项目 opening the clause … the latest name of that kind in the
        sentences before; in a clause with no subject, the one an earlier clause opens with.
        An edition (首届论坛) refers back only for the verb of a holding (``held``)."""
        clause_start = ctx.clause_start(position)
        found = _ANAPHOR.search(ctx.text, clause_start, position) or _BARE_PROJECT.match(
            ctx.text, clause_start
        )  # the bare 项目's predicate follows: it may be the very verb at ``position``
        if found is not None and found.end() > position:
            found = None
        if found is None and _NO_SUBJECT.fullmatch(_without_dates(ctx, clause_start, position)):
            # The subject of a sentence carries over its clauses that have none of their own
            # (该项目于…签署…，…开工; 该铁路全长…，连接…，总投资…): the demonstrative or bare
            # 项目 that opens an earlier clause. A clause with a noun before its verb or figure
            # (配套道路于…建成, 周边园区总面积…) has a subject of its own.
            for start in reversed(ctx.clause_starts(clause_start)):
                found = _TOPIC.match(ctx.text, start)
                if found is not None:
                    break
        if found is None or (found.groupdict().get("edition") and not held):
            return None
        head = found.group("head") or "项目"  # _TOPIC names the bare 项目's group "bare"
        bare = found.group("head") is None or _BARE_PROJECT.match(ctx.text, found.start())
        return self._referent(ctx, head, types, just_named=bool(bare))

    def _referent(
        self, ctx: _Context, head: str, types: frozenset[EntityType], just_named: bool
    ) -> str | None:
        """The latest name, of ``types``, that a word of the kind ``head`` refers back to in the
        sentences before; with ``just_named``, only one of this paragraph named in this
        sentence or the one before (a bare 项目, and 这是 "this is")."""
        wanted = _ANAPHOR_TYPES[head]
        for mention, paragraph, index in reversed(self._recent):
            entity_type = ctx.type_of(mention)
            if entity_type not in types or entity_type is not wanted:
                continue
            if head in _ANAPHOR_ENDINGS and not mention.text.endswith(_ANAPHOR_ENDINGS[head]):
                continue
            if head in _IN_PARAGRAPH and paragraph != ctx.sentence.paragraph:
                return None  # 该园区 after a new paragraph may be another park (新建一个经济特区)
            near = paragraph == ctx.sentence.paragraph and index >= ctx.sentence.index - 1
            if just_named and not near:
                return None  # a bare 项目 is the project just named, in its paragraph
            return mention.entity
        return None

    # -- knowledge cards --------------------------------------------------------------------
    def _card(self, ctx: _Context) -> tuple[int, str | None]:
        """The paragraph of a 【知识卡片】 heading and the entity it names (the box's topic)."""
        named = ctx.things(outer=True)
        topic = max(named, key=lambda m: m.end - m.start).entity if named else None
        return ctx.sentence.paragraph, topic

    def _termini(self, ctx: _Context, subject: str) -> Iterator[Fact]:
        """中老铁路北起中国云南昆明，南至老挝首都万象: the countries of its ends."""
        if self.entities.get(subject) is None or self.entities[subject].type is not (PROJECT):
            return
        for match in _TERMINUS.finditer(ctx.text):
            clause_end = _CLAUSE.search(ctx.text, match.end())
            stop = clause_end.start() if clause_end else len(ctx.text)
            for country in self._countries(ctx):
                local = ctx.local(country.start)
                if match.end() <= local < stop and local - match.end() <= 2:
                    yield ctx.fact(subject, "locatedIn", country.entity, "zh-card-termini")

    # -- located in ---------------------------------------------------------------------------
    def _countries(self, ctx: _Context) -> list[Mention]:
        return [m for m in ctx.mentions if m.kind is ENTITY and m.label is COUNTRY and m.entity]

    def _in_country(self, ctx: _Context) -> str | None:
        """The country of a sentence that opens 在X， (在科特迪瓦，…)."""
        for country in self._countries(ctx):
            local = ctx.local(country.start)
            end = ctx.local_end(country)
            if _IN_COUNTRY.match(ctx.text[:local]) and (
                ctx.text[end : end + 1] == "，" or (local == 1 and _IN_PLACE.match(ctx.text[end:]))
            ):
                return country.entity  # 在科特迪瓦，…; 在阿联酋迪拜市区以南…
        return None

    def _located(
        self, ctx: _Context, scope: tuple[int, str] | None, opened_here: bool
    ) -> Iterator[Fact]:
        countries = self._countries(ctx)
        for project in ctx.things(frozenset({PROJECT})):
            if scope is not None:
                yield ctx.fact(
                    project.entity or "",
                    "locatedIn",
                    scope[1],
                    "zh-in-country",
                    0.9 if opened_here else 0.8,
                )
            for country in countries:
                if country.rule == "zh-country-prefix":
                    continue
                # 希腊比雷埃夫斯港, 柬埔寨暹粒吴哥国际机场, 哈萨克斯坦首家鲁班工坊
                between = ctx.text[ctx.local_end(country) : ctx.local(project.start)]
                before = (
                    country.end <= project.start
                    and (
                        _BEFORE_NAME.fullmatch(between)
                        # 位于乌兹别克斯坦撒马尔罕州的X: a place of the country, then 的
                        or (
                            ctx.text[: ctx.local(country.start)].endswith("位于")
                            and _PLACE_OF.fullmatch(between)
                        )
                    )
                )
                # 坦桑尼亚国家光缆骨干网, 智慧塞内加尔: a country inside the name, not a
                # partner written first in a cooperation name (中国—马来西亚…)
                inside = (
                    project.start <= country.start
                    and country.end <= project.end
                    and country.countries[:1] != ("CN",)  # 中国政府奖学金: Chinese, not in China
                    and ctx.text[ctx.local_end(country) :][:1] not in {"—", "-", "－"}
                )
                if before or inside:
                    yield ctx.fact(
                        project.entity or "", "locatedIn", country.entity, "zh-country-before"
                    )
                # 首个海外鲁班工坊在泰国设立: set up in a country; X位于卢旺达境内: lies in it
                after = ctx.text[ctx.local_end(project) : ctx.local(country.start)]
                if country.start >= project.end and _LIES_IN.fullmatch(after):
                    yield ctx.fact(project.entity or "", "locatedIn", country.entity, "zh-lies-in")
                if country.start >= project.end and _SET_UP_IN.fullmatch(
                    _without_dates(ctx, ctx.local_end(project), ctx.local(country.start))
                ):
                    follows = ctx.text[ctx.local_end(country) :]
                    if _SET_UP_VERB.match(follows):
                        yield ctx.fact(
                            project.entity or "", "locatedIn", country.entity, "zh-set-up-in"
                        )
            yield from self._lies_in_place(ctx, project)
            code = _city_in_name(project)
            named = {c.entity for c in countries} - {"country/cn"}
            if code is not None and (not named or _country(code) in named):
                # 金边深水港: a guess, which a stated country overrules, and so do countries the
                # sentence names without the guessed one (在肯尼亚承建的金边…); China, the
                # builder, names no place
                yield ctx.fact(project.entity or "", "locatedIn", _country(code), _CITY_RULE, 0.8)
            # 比雷埃夫斯港赫拉克莱乌斯滚装码头: a part of a known project lies where it does; of
            # a line through two countries, in the one of the city its name holds (中老铁路万象
            # 物流园: Laos).
            for known in ctx.things(frozenset({PROJECT})):
                if known.end == project.start and known.rule == "lexicon":
                    entry = self.lexicon.entries.get(known.entity or "")
                    codes = entry.country_codes if entry else ()
                    if code is not None and code in codes:
                        codes = (code,)
                    for code_of_part in codes:
                        yield ctx.fact(
                            project.entity or "",
                            "locatedIn",
                            _country(code_of_part),
                            "zh-part-of-known",
                        )
                    yield ctx.fact(
                        project.entity or "", "partOf", known.entity, "zh-part-of-known", 0.8
                    )

    def _lies_in_place(self, ctx: _Context, project: Mention) -> Iterator[Fact]:
        """X位于蒙巴萨, X坐落于奥什州: a city or region abroad, or a province of China, that is
        no name itself (X位于肯尼亚 is read from the country), says which country X is in."""
        lead = _LIES_IN.match(ctx.text, ctx.local_end(project))
        if lead is None or any(ctx.local(m.start) == lead.end() for m in ctx.mentions):
            return
        code = chinese_place_at(ctx.text, lead.end())
        if code is not None:
            yield ctx.fact(
                project.entity or "", "locatedIn", _country(code), "zh-lies-in-place", 0.8
            )

    def _compound(self, ctx: _Context) -> Iterator[Fact]:
        """中老铁路 lies in CN and LA; 中巴经济走廊 and 中非合作论坛 involve their countries;
        a cooperation project (中白工业园) lies in the partner country only: a guess, which
        gives way to the country the text states (中老泰物流园…在老挝万象…投入运营)."""
        for mention in ctx.things(SUBJECTS - {ORGANIZATION}):
            if len(mention.countries) < 1 or mention.rule.startswith("zh-strategy"):
                continue
            subject = mention.entity or ""
            entity_type = ctx.type_of(mention)
            codes = mention.countries
            for code in codes:
                yield ctx.fact(subject, "involves", _country(code), "zh-name-compound")
            if entity_type is not PROJECT or mention.rule == "lexicon":
                continue
            if any(mention.text.endswith(head) for head in LINEAR_HEADS):
                for code in codes:
                    yield ctx.fact(subject, "locatedIn", _country(code), "zh-name-compound")
            else:
                for code in (c for c in codes if c != "CN"):
                    yield ctx.fact(subject, "locatedIn", _country(code), _PARTNER_RULE)

    def _built_in(self, ctx: _Context) -> Iterator[Fact]:
        """(支持)X公司在肯尼亚建设莫拉港: the project lies in the country where it is built, and
        the body building it, right before 在, takes part in it."""
        if "在" not in ctx.text:
            return
        things = ctx.things()
        countries = self._countries(ctx)
        for match in _BUILT_IN.finditer(ctx.text):
            project = next((m for m in things if ctx.local(m.start) == match.end()), None)
            if project is None or ctx.type_of(project) is not PROJECT:
                continue
            subject = project.entity or ""
            stated = [
                c for c in countries if match.start() < ctx.local(c.start) < match.start("verb")
            ]
            for country in stated:
                yield ctx.fact(subject, "locatedIn", country.entity, "zh-built-in", 0.9)
            city = chinese_city_country(match.group("place"))
            if not stated and city not in {None, "CN"}:  # 在蒙巴萨建设: a city abroad
                yield ctx.fact(subject, "locatedIn", _country(city), "zh-built-in", 0.8)
            for agent in ctx.mentions:
                if (
                    agent.entity
                    and ctx.local_end(agent) == match.start()
                    and ctx.type_of(agent) is ORGANIZATION
                ):
                    yield ctx.fact(subject, "involves", agent.entity, "zh-built-in", 0.85)

    # -- part of ---------------------------------------------------------------------------------
    def _part_of(self, ctx: _Context) -> Iterator[Fact]:
        things = ctx.things()
        for match in _FLAGSHIP.finditer(ctx.text):
            if _NEGATED.search(ctx.text, ctx.clause_start(match.start()), match.start()):
                continue  # 该项目并非“一带一路”旗舰项目
            project = _nearest(ctx, [m for m in things if ctx.type_of(m) is PROJECT], match.start())
            # 该项目是共建“一带一路”的旗舰项目, 这是…的标志性工程: the project named before.
            entity = (
                project.entity
                if project is not None
                else self._anaphor(ctx, match.start(), frozenset({PROJECT}))
            )
            if entity is None and _THIS_IS.match(ctx.text, ctx.clause_start(match.start())):
                entity = self._referent(ctx, "项目", frozenset({_P}), just_named=True)
            if entity and entity != BRI:
                yield ctx.fact(entity, "partOf", BRI, "zh-flagship", 0.9)
        yield from self._stated_parts(ctx)
        for outer in things:
            for inner in things:
                if (
                    inner is outer
                    or not (outer.start == inner.start and inner.end < outer.end)
                    or inner.entity == outer.entity
                ):
                    continue
                outer_type, inner_type = ctx.type_of(outer), ctx.type_of(inner)
                if inner_type is INITIATIVE:
                    continue
                # A secretariat is part of what it serves; other bodies nest other bodies'
                # names without being parts of them (中国政府奖学金 of no 中国政府).
                secretariat = outer.text.endswith("秘书处")
                if secretariat or (outer_type is inner_type and outer_type is not _O):
                    yield ctx.fact(
                        outer.entity or "", "partOf", inner.entity, "zh-nested-name", 0.8
                    )

    def _stated_parts(self, ctx: _Context) -> Iterator[Fact]:
        """X是Y的(重要)组成部分, X属于Y早期收获项目, 作为Y的重点项目，X…, Y框架下的X: X is part
        of the whole Y (a project of any whole; a corridor, mechanism or initiative of one of
        those); X is the name (or the list of names) before the verb in its clause, else the
        one 该项目 refers to. Not when denied or asked (不是, 不属于, 是否), nor when what X is
        of Y is no part (拉穆港的姊妹项目, 博览会的签约项目, 项目的推动力量)."""
        if not _PART_CUE.search(ctx.text):
            return
        things = ctx.things(outer=True)
        for whole in things:
            whole_type = ctx.type_of(whole)
            if whole_type not in _WHOLES:
                continue
            start, end = ctx.local(whole.start), ctx.local_end(whole)
            framework = _FRAMEWORK.match(ctx.text, end)
            if framework is not None:  # Y框架下的X: X follows
                parts = [m for m in things if ctx.local(m.start) == framework.end()]
            else:
                verb = _PART_VERB.search(ctx.text, ctx.clause_start(start), start)
                noun = _PART_NOUN.match(ctx.text, end)
                if verb is None or noun is None or _NOT_A_PART.search(noun.group()):
                    continue
                if _NEGATED.search(ctx.text, max(0, verb.start() - 2), verb.end()):
                    continue
                clause = ctx.clause_start(verb.start())
                before = [
                    m
                    for m in things
                    if clause <= ctx.local(m.start) and ctx.local_end(m) <= verb.start()
                ]
                parts = _joined_list(ctx, before)
                if not parts and verb.group() == "作为":  # 作为Y的重点项目，X…: the next clause's
                    after = _CLAUSE.search(ctx.text, end)
                    first = after.end() if after else len(ctx.text)
                    parts = [
                        m
                        for m in things
                        if ctx.clause_start(ctx.local(m.start)) == first
                        and ctx.type_of(m) in _PARTS
                    ][:1]
                elif not parts:
                    allowed = frozenset({_P}) if whole_type is _P else _PARTS
                    entity = self._anaphor(ctx, verb.start(), allowed)
                    if entity and entity != whole.entity:
                        yield ctx.fact(entity, "partOf", whole.entity, "zh-part-of", 0.85)
            for part in parts:
                part_type = ctx.type_of(part)
                if part_type not in _PARTS or part.entity == whole.entity:
                    continue
                if whole_type is _P and part_type is not _P:
                    continue  # a mechanism is no part of a project
                yield ctx.fact(part.entity or "", "partOf", whole.entity, "zh-part-of", 0.85)

    # -- parties ---------------------------------------------------------------------------------
    def _parties(self, ctx: _Context, paragraph_codes: tuple[str, ...]) -> Iterator[Fact]:
        things = ctx.things(SUBJECTS - {ORGANIZATION}, outer=True)
        projects = [m for m in things if ctx.type_of(m) is PROJECT]
        countries = self._countries(ctx)
        # 中肯共建“一带一路”旗舰项目, 中乌“一带一路”合作旗舰项目, 中阿共建绿色丝绸之路:
        # the countries of the compound are parties to the thing it describes.
        prefixes = self.lexicon.compound_prefixes()
        for match in _PARTNERS.finditer(ctx.text):
            codes = ["CN"]
            for char in match.group(1):
                code = prefix_country(self.lexicon, prefixes, char, paragraph_codes)
                if code is None:
                    break
                codes.append(code)
            if len(codes) < 2:
                continue
            subjects = [m for m in things if ctx.local(m.start) >= match.end()][:1]
            project = _nearest(
                ctx, projects, ctx.positions[min(match.start(), len(ctx.positions) - 1)]
            )
            subjects += [project] if project is not None else []
            for partnered in subjects:
                for code in codes:
                    yield ctx.fact(partnered.entity or "", "involves", _country(code),
                                   "zh-partners", 0.8)  # fmt: skip
        # 中国和印尼共建“一带一路”: the countries that build it together.
        for match in _TOGETHER.finditer(ctx.text):
            listed = [c for c in countries if ctx.local(c.start) < match.start()
                      and match.start() - ctx.local(c.end - 1) <= 12]  # fmt: skip
            subject = _nearest(
                ctx, projects, ctx.positions[min(match.start(), len(ctx.positions) - 1)]
            )
            if subject is not None and len(listed) >= 2:
                for country in listed:
                    yield ctx.fact(subject.entity or "", "involves", country.entity,
                                   "zh-partners", 0.8)  # fmt: skip
                partners = {c.entity for c in listed} - {"country/cn"}
                if (
                    match.group() == "共建"
                    and len(partners) == 1
                    and "country/cn" in {c.entity for c in listed}
                    and not subject.text.endswith(tuple(LINEAR_HEADS))
                    and ctx.local(subject.start) >= match.end()
                ):
                    # 中国与埃塞俄比亚共建的X: what China builds with one partner stands in
                    # the partner (English "partner-hosts"); a line runs through both.
                    yield ctx.fact(subject.entity or "", "locatedIn", partners.pop(),
                                   "zh-partner-hosts", 0.7)  # fmt: skip
        agents = _agents(ctx, things)
        # 中方倡议发起X, 由文化和旅游部、浙江省人民政府共同主办的X, 中方与斐济政府联合主办X,
        # X由Y下属企业承建: founders, hosts and builders are parties.
        for match in _AGENT_VERB.finditer(ctx.text):
            start = _CLAUSE_START.search(ctx.text[: match.start()])
            clause_start = start.end() if start else 0
            before: list[Mention | None] = [
                a for a in agents if clause_start <= ctx.local(a.start) < match.start()
            ]
            if "中方" in ctx.text[clause_start : match.start()]:
                before.append(None)  # 中方: the Chinese side
            if not before:
                continue
            after = [m for m in things if ctx.local(m.start) >= match.end()]
            near = after and ctx.local(after[0].start) - match.end() <= 12
            # 总统提出，愿与中方共同推进X: after a comma, X is not what was put forward.
            if near and "，" in ctx.text[match.end() : ctx.local(after[0].start)]:
                near = False
            subject = after[0] if near else None
            by = ctx.text.rfind("由", clause_start, match.start())
            recipient = None
            if subject is None and by == -1:
                if not match.group().startswith("提供"):
                    continue
                # 中国进出口银行向X项目提供贷款: what the loan is for, after 向, 为 or 给; its
                # lenders, the agents before that.
                to = max(ctx.text.rfind(word, clause_start, match.start()) for word in "向为给")
                recipient = (
                    self._recipient(ctx, things, to + 1, match.start()) if to != -1 else None
                )
                before = [a for a in before if a is None or ctx.local(a.start) < to]
            if subject is None and by != -1:
                # X由A与B共同承建: X, before 由 in the clause, else the clause before's.
                own = [m for m in things if clause_start <= ctx.local(m.start) < by]
                # Not where it happened: 在…分论坛上，由…共同发起.
                venue = _VENUE.search(ctx.text, 0, clause_start)
                limit = venue.start() if venue else clause_start
                # The BRI named before is the framework (“一带一路”倡议框架下的重点项目，…，由丝路
                # 基金提供融资), not what is built or financed: 该项目 is, by the anaphor below;
                # but it is what was put forward (“一带一路”倡议，由…于2013年提出).
                earlier = own or [
                    m
                    for m in things
                    if ctx.local(m.start) < limit
                    and (m.entity != BRI or match.group() in _PROPOSING)
                ]
                subject = earlier[-1] if earlier else None
            entity, proposable = "", False
            if subject is not None:
                entity = subject.entity or ""
                proposable = ctx.type_of(subject) in PROPOSABLE
            elif by != -1:  # 该项目由中国进出口银行提供…贷款: the project named before
                entity = self._anaphor(ctx, by, SUBJECTS) or ""
            else:
                entity = recipient or ""
            if not entity:
                continue
            proposer = match.group() in _PROPOSING and proposable
            for agent in before:
                target = agent.entity if agent is not None else "country/cn"
                yield ctx.fact(entity, "involves", target, "zh-agent", 0.85)
                if proposer:
                    yield ctx.fact(entity, "proposedBy", target, "zh-proposer", 0.85)
        # 中国与吉尔吉斯斯坦、哈萨克斯坦等多个国家签署了关于共建“空中丝绸之路”的谅解备忘录.
        for match in re.finditer("签署", ctx.text):
            after = [m for m in things if match.end() <= ctx.local(m.start) < match.end() + 16]
            listed = [c for c in countries if ctx.local(c.start) < match.start()]
            if after and len(listed) >= 2:
                for country in listed:
                    yield ctx.fact(after[0].entity or "", "involves", country.entity,
                                   "zh-signatories", 0.8)  # fmt: skip

    def _recipient(self, ctx: _Context, things: list[Mention], start: int, end: int) -> str | None:
        """The thing from ``start`` right up to ``end`` (a verb), with only 项目 or 工程 between
        (向X项目提供贷款), or the one a demonstrative there refers back to (为该项目提供)."""
        for thing in things:
            if ctx.local(thing.start) == start and _RECIPIENT_GAP.fullmatch(
                ctx.text, ctx.local_end(thing), end
            ):
                return thing.entity
        anaphor = _ANAPHOR.match(ctx.text, start)
        if anaphor is not None and _RECIPIENT_GAP.fullmatch(ctx.text, anaphor.end(), end):
            return self._anaphor(ctx, end, SUBJECTS)
        return None

    # -- news roles ----------------------------------------------------------------------------
    def _roles(self, ctx: _Context) -> Iterator[Fact]:
        """Borrowers and lenders (肯尼亚和乌干达从中国进出口银行获得24亿美元贷款，用于建设X: the
        sum is X's), contractors (Y公司中标该铁路的…合同) and operators (Z公司将负责运营该铁路)
        are parties to the work, named after the verb or referred back to (该铁路)."""
        self._sums: dict[int, str] = {}  # a loan's sum (its offset) -> the work it is for
        if not _ROLE_CUE.search(ctx.text):
            return
        things = ctx.things(SUBJECTS - {ORGANIZATION}, outer=True)
        works = [m for m in things if ctx.type_of(m) in _WORKS]
        agents = _agents(ctx, things)
        for match in _BORROWED.finditer(ctx.text):
            if _NOT_JUST_BEFORE.search(ctx.text, max(0, match.start() - 3), match.start()):
                continue  # 未能从X获得贷款, 没有从X获得
            purpose = _FOR_WORK.match(ctx.text, match.end())
            built = self._works_at(ctx, works, purpose.end()) if purpose else []
            # The lenders are all that stands between 从 and the verb: not 中国 of 从中国游客的…中.
            lenders = _agent_list(ctx, agents, match.end("lenders"))
            if not built or not lenders or ctx.local(lenders[0].start) != match.start("lenders"):
                continue
            lead = _BEFORE_FROM.search(ctx.text, ctx.clause_start(match.start()), match.start())
            borrowers = _subjects(ctx, agents, lead.start() if lead else match.start())
            for work in built:
                for agent in borrowers:
                    yield ctx.fact(work, "involves", agent.entity or "", "zh-borrower", 0.8)
                for lender in lenders:
                    yield ctx.fact(work, "involves", lender.entity or "", "zh-lender", 0.8)
            for quantity in ctx.mentions if len(built) == 1 else []:  # one work's sum
                if quantity.kind is QUANTITY and match.start("sum") <= ctx.local(
                    quantity.start
                ) < match.end("sum"):
                    self._sums[quantity.start] = built[0]
        for match in _ROLE_VERB.finditer(ctx.text):
            if _NOT_JUST_BEFORE.search(ctx.text, max(0, match.start() - 3), match.start()):
                continue  # 未中标, 不再运营
            operated = not match.group("contract")
            rule = "zh-contractor" if match.group("contract") else "zh-operator"
            built = self._works_at(ctx, works, match.end(), operated)
            subjects = _subjects(ctx, agents, match.start()) if built else []
            for work in built:
                for agent in subjects:
                    yield ctx.fact(work, "involves", agent.entity or "", rule, 0.8)

    def _works_at(
        self, ctx: _Context, works: list[Mention], position: int, operated: bool = False
    ) -> list[str]:
        """The works named at ``position`` (用于建设X, 用于建设X和Y), or the one 该铁路 there
        refers back to, named earlier in the sentence or before it; none where they only place
        the object (运营该铁路沿线的物流园; 运营该铁路的货运中心, where ``operated``)."""
        for index, work in enumerate(works):
            if ctx.local(work.start) == position:
                listed = [work]
                for following in works[index + 1 :]:
                    joiner = ctx.text[ctx.local_end(listed[-1]) : ctx.local(following.start)]
                    if joiner not in _JOINERS:
                        break
                    listed.append(following)
                if _places_object(ctx.text, ctx.local_end(listed[-1]), operated):
                    return []
                return [m.entity or "" for m in listed]
        anaphor = _ANAPHOR.match(ctx.text, position)
        if anaphor is None or anaphor.group("edition"):
            return []
        if _places_object(ctx.text, anaphor.end(), operated):
            return []
        head = anaphor.group("head")
        endings = _ANAPHOR_ENDINGS.get(head, ())
        earlier = [
            m
            for m in works
            if ctx.local_end(m) <= position
            and ctx.type_of(m) is _ANAPHOR_TYPES[head]
            and (not endings or m.text.endswith(endings))
        ]
        if earlier:  # 南岭铁路全长320公里，…负责运营该铁路: this sentence's railway
            return [earlier[-1].entity or ""]
        referent = self._referent(ctx, head, SUBJECTS, just_named=False)
        return [referent] if referent else []

    # -- undertakings -------------------------------------------------------------------------
    def _undertakings(self, ctx: _Context) -> Iterator[Fact]:
        """双方同意推进X建设，加快实施Y; 中方愿同哈方共同建设Z; 中方愿为该项目提供贷款: who
        undertakes (同意, 决定, 承诺, 愿, 将) to build, advance, finance or sign a thing takes
        part in it, as in English. The subject is the list of agents right before the
        undertaking; a partner after 同 or 与 takes part too; the clauses after it that open
        with such a verb, having no subject of their own, share it."""
        things = ctx.things(SUBJECTS - {ORGANIZATION}, outer=True)
        agents = _agents(ctx, things)
        for match in _UNDERTAKES.finditer(ctx.text):
            subjects = _agent_list(ctx, agents, match.start())
            if not subjects:
                continue
            position = match.end()
            partner = _PARTNER_PHRASE.match(ctx.text, position)
            if partner is not None:
                subjects += [
                    a
                    for a in agents
                    if partner.start("partner") <= ctx.local(a.start) < partner.end("partner")
                ]
                position = partner.end()
            for thing in self._undertaken(ctx, things, position):
                for agent in subjects:
                    if agent.entity != thing:
                        yield ctx.fact(thing, "involves", agent.entity, "zh-undertaking", 0.8)

    def _undertaken(self, ctx: _Context, things: list[Mention], position: int) -> Iterator[str]:
        """The things that the verbs from ``position`` on build, advance, finance or sign: the
        object of each, in its clause and the clauses after it up to one with a subject of its
        own (双方同意加强合作，推进X建设，加快实施Y)."""
        opens = {ctx.local(m.start) for m in ctx.mentions if m.kind is ENTITY}
        while True:
            clause_end = _CLAUSE.search(ctx.text, position)
            end = clause_end.start() if clause_end else len(ctx.text)
            verb = _UNDERTAKEN.match(ctx.text, position, end)
            if verb is not None and verb.group("lend"):  # 为X提供…贷款: the thing between
                entity = self._recipient(ctx, things, verb.end(), verb.start("lend"))
                yield from [entity] if entity else []
            elif verb is not None:
                start = verb.end()
                for thing in things:  # the object, and the names joined to it (X和Y建设)
                    if ctx.local(thing.start) == start and ctx.local_end(thing) <= end:
                        yield thing.entity or ""
                        start = ctx.local_end(thing)
                        joiner = _JOINER_AT.match(ctx.text, start)
                        start = joiner.end() if joiner else start
            if clause_end is None or clause_end.group() not in "，；":
                return
            position = clause_end.end()
            if position in opens:
                return  # 哈方将负责…: the next clause has its own subject

    # -- alignment ----------------------------------------------------------------------------
    def _alignments(self, ctx: _Context) -> Iterator[Fact]:
        """“一带一路”倡议与老挝“陆联国”战略对接, 共建“一带一路”同X战略、Y战略等有效对接: an
        initiative is aligned with each strategy named before 对接 or 衔接 in its clause, as
        with "aligned with" in English. Of nested names only the innermost counts: the
        known 复兴丝绸之路 in “复兴丝绸之路”战略, never a span that swallowed the initiative."""
        for match in _ALIGNMENT.finditer(ctx.text):
            clause_start = ctx.clause_start(match.start())
            named = [
                m
                for m in ctx.things(_ALIGNABLE)
                if clause_start <= ctx.local(m.start) and ctx.local_end(m) <= match.start()
            ]
            innermost = [
                m
                for m in named
                if not any(o is not m and m.start <= o.start and o.end <= m.end for o in named)
            ]
            strategies = [m for m in innermost if ctx.type_of(m) is STRATEGY]
            for initiative in (m for m in innermost if ctx.type_of(m) is INITIATIVE):
                for strategy in strategies:
                    yield ctx.fact(initiative.entity or "", "alignedWith", strategy.entity,
                                   "zh-alignment", 0.9)  # fmt: skip

    # -- events ------------------------------------------------------------------------------------
    def _events(self, ctx: _Context, card: str | None) -> Iterator[Fact]:
        # A deadline (2026年底前) dates only a plan: 预计2026年底前建成.
        deadlines = [
            m for m in ctx.mentions if m.kind is DATE and m.date and m.date.qualifier != "as-of"
        ]
        if not deadlines or _DENIED.search(ctx.text):
            return
        dates = [m for m in deadlines if m.date and m.date.qualifier != "by"]
        outer = [m for m in ctx.things(outer=True) if m.rule != "zh-name-organization"]
        for match in _TRIGGER_RE.finditer(ctx.text):
            trigger = match.group()
            if ctx.text.startswith(("后", "以后"), match.end()):
                continue  # 建成后: what follows the event, not the event
            planned = ctx.planned_before(match.start())
            if not planned and ctx.future_before(match.start()):
                continue
            if _PART_SUBJECT.match(ctx.text, ctx.clause_start(match.start())):
                continue
            if _ANNIVERSARY.match(ctx.text, match.end()):
                continue  # 迎来开通运营三周年: the date is the anniversary's, not the opening's
            if _NEGATION.search(ctx.text, max(0, match.start() - 6), match.start()):
                continue  # 尚未竣工, 没有暂停: it did not happen
            kind = _KIND[trigger]
            if kind in STOP_KINDS and _STOPPED_OBJECT.match(ctx.text, match.end()):
                continue
            # “一带一路” names the BRI in every other phrase, only its proposal is an event; the
            # agent of a passive (这条铁路由X承建) is not what opened.
            allowed = [
                m
                for m in outer
                if ctx.type_of(m) in _EVENT_TYPES[kind]
                and (m.entity != BRI or kind == "proposal")
                and not ctx.text[: ctx.local(m.start)].endswith("由")
            ]
            subject = self._subject(ctx, allowed, match.start(), match.end(), trigger, card)
            if subject is None:
                subject = self._anaphor(
                    ctx, match.start(), _EVENT_TYPES[kind], held=kind == "holding"
                )
            if subject is None or (
                card is not None
                and subject == card
                and self.entities.get(card) is not None
                and self.entities[card].type not in _EVENT_TYPES[kind]
            ):
                continue
            own_dates = deadlines if planned else dates
            if _ATTRIBUTIVE.match(ctx.text, match.end()):
                # 此前曾暂停的X于2024年9月恢复施工: the verb before 的 describes X, and a date
                # after it that another event verb follows is that verb's.
                own_dates = [
                    d
                    for d in own_dates
                    if ctx.local(d.start) < match.start() or not _claimed(ctx, d)
                ]
            date = _clause_date(ctx, own_dates, match.start())
            if date is None or date.date is None:
                continue
            rule = event_rule("zh-event", kind, planned)
            yield Fact(subject, "event", ctx.evidence(rule), event_kind=kind,
                       date=_event_date(date.date), planned=planned)  # fmt: skip

    def _subject(
        self,
        ctx: _Context,
        things: list[Mention],
        start: int,
        end: int,
        trigger: str,
        card: str | None,
    ) -> str | None:
        """What the event happened to: for a verb that takes an object (宣布成立X, 倡议发起X),
        the name right after it; otherwise the thing before the verb in its clause (X于…开通),
        else the sentence's first thing, else the box's topic."""
        clause_start = 0
        for match in _CLAUSE.finditer(ctx.text[:start]):
            clause_start = match.end()
        if trigger in _OBJECT_FIRST:
            for mention in things:
                gap = ctx.text[end : ctx.local(mention.start)]
                if ctx.local(mention.start) >= end and _OBJECT_GAP.fullmatch(gap):
                    return mention.entity
            if "由" not in ctx.text[clause_start:start] and trigger not in _PASSIVE_TOO:
                return None  # 宣布, 提出 … with no name as their object
        before = [m for m in things if clause_start <= ctx.local(m.start) < start]
        if before:
            return before[-1].entity
        if trigger not in _OBJECT_FIRST:
            after = [m for m in things if ctx.local(m.start) >= end]
            clause_end = _CLAUSE.search(ctx.text, end)
            limit = clause_end.start() if clause_end else len(ctx.text)
            after = [m for m in after if ctx.local(m.start) < limit]
            if after:
                return after[0].entity  # 在…举行的第六届“丝路海运”国际合作论坛
        sentence_before = [m for m in things if ctx.local(m.start) < clause_start]
        if sentence_before:
            return sentence_before[0].entity
        return card

    # -- quantities ------------------------------------------------------------------------------
    def _quantities(self, ctx: _Context, card: str | None) -> Iterator[Fact]:
        dates = [m for m in ctx.mentions if m.kind is DATE and m.date]
        things = [m for m in ctx.things(outer=True) if m.entity != BRI]
        agents = {id(m) for m in things if _passive_agent(ctx, m)}  # once per sentence
        for quantity in (m for m in ctx.mentions if m.kind is QUANTITY):
            value = quantity.quantity
            if value is None or value.unit in _NOT_RECORDED_UNITS:
                continue
            local = ctx.local(quantity.start)
            if ctx.future_before(local):
                continue  # 建成后…可达1500万吨, 有望…创造230万个就业岗位: a projection
            clause_start = ctx.clause_start(local)
            if _FROM_VALUE.search(ctx.text[clause_start:local]) and _TO_VERB.search(
                ctx.text[local : local + 40]
            ):
                continue  # 由开通初期的14列增至…52列: only the value reached counts
            if _COUNTRY_SUBJECT.match(ctx.text[clause_start:local]) and not any(
                ctx.local(m.start) == clause_start for m in things
            ):
                continue  # 中方先后资助支持100名肯尼亚学生: a figure about China, not one about
                # a body whose name starts with it (中国进出口银行提供了…贷款)
            before = [
                m
                for m in things
                if m.end <= quantity.start and id(m) not in agents and not _cited(ctx, m)
            ]
            in_clause = [m for m in before if ctx.local(m.start) >= clause_start]
            chosen = (in_clause or before)[-1] if before else None
            if chosen is not None and ctx.text.startswith("等", ctx.local_end(chosen)):
                chosen = None  # 国家发改委等政府代表…400余人: the list is not the subject
            subject = chosen.entity if chosen is not None else None
            subject = self._sums.get(quantity.start, subject)  # a loan's: the work's
            if subject is None:
                subject = self._anaphor(ctx, local, SUBJECTS) or card
            if subject is None:
                continue
            own = [d for d in dates if clause_start <= ctx.local(d.start) < local]
            earlier = [d for d in dates if d.start < quantity.start]
            if ctx.text[clause_start:local].startswith("其中"):
                earlier = own  # 其中8月份…: only the clause's own date
            as_of = _as_of(earlier[-1].date) if earlier and earlier[-1].date else None
            yield Fact(subject, "quantity", ctx.evidence("zh-quantity-subject"), quantity=value,
                       measure=value.text_unit or value.unit, date=as_of)  # fmt: skip


_FROM_VALUE = re.compile(r"(?:由|从)[^，。；]*$")
# News wording of a project's parties (Relater._roles): a loan from lenders (从…获得…贷款),
# then what it is for (，用于建设X); 中标 (won the contract) and 运营 (operates) before the work.
_BORROWED = re.compile(
    r"从(?P<lenders>[^，。；从]{2,30}?)(?:获得|取得|争取到|借入)(?!的)(?P<sum>[^，。；和与及、]{0,16}?)"
    r"(?:贷款|融资|信贷|资金)"
)
_FOR_WORK = re.compile(
    r"[，,]?(?:主要|专门|将)?(?:用于|以(?=建设|修建|兴建))(?:建设|修建|兴建|新建|资助|扩建|升级|改造)*"
)
_ROLE_VERB = re.compile(r"(?P<contract>中标了?)|(?:也|还|将|会|负责)*(?:运营|经营)")
# Between a borrower and 从: a date or an adverb (肯尼亚于2019年从…, 也从…, 不久前从…).
_BEFORE_FROM = re.compile(
    r"(?:于?\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|也|还|已|已经|近日|日前|此前|不久前|今年|去年)+\Z"
)
# A negation right before the verb or 从: 未能从, 没有从, 未中标, 不再运营 (not 不久前从).
_NOT_JUST_BEFORE = re.compile(r"(?:未能|未曾|未|没有|没能|没|不能|不再|不会|不)\Z")
_WORKS = frozenset({EntityType.PROJECT, EntityType.CORRIDOR})  # what a loan builds
# What may open a clause before its subject: a date, or a word that links it to the last.
_CLAUSE_LEAD = re.compile(r"(?:[\d年月日底初中旬]+|此外|同时|随后|目前|近日|日前|其中|另外)?")


def _subjects(ctx: _Context, agents: list[Mention], end: int) -> list[Mention]:
    """The agents listed right before ``end`` as the subject of their clause, which they open
    (after a date: 2021年，X…): not 琅塔 of 丰成公司取代琅塔公司运营, the object of another verb."""
    listed = _agent_list(ctx, agents, end)
    if not listed:
        return []
    opening = ctx.text[ctx.clause_start(ctx.local(listed[0].start)) : ctx.local(listed[0].start)]
    return listed if _CLAUSE_LEAD.fullmatch(opening) else []


def _places_object(text: str, end: int, operated: bool) -> bool:
    """Whether the work ending at ``end`` only places the verb's object: 该铁路沿线的物流园,
    and for an operating verb 该铁路的货运中心 (where 中标该铁路的…合同 is the railway's)."""
    return text.startswith("沿线", end) or (operated and text.startswith("的", end))


_ROLE_CUE = re.compile(r"获得|取得|争取到|借入|中标|运营|经营")
_TO_VERB = re.compile(
    r"^[^，。；]*?(?:增至|增加到|增加至|拓展到|扩展到|扩大到|提升到|提升至|提高到|缩短至|压缩至)"
)
_COUNTRY_SUBJECT = re.compile(r"^(?:中方|中国|我国|我方)")
_P, _M, _O = EntityType.PROJECT, EntityType.MECHANISM, EntityType.ORGANIZATION
# What may be part of a whole, and the wholes (brikg:partOf's range).
_PARTS = frozenset({_P, _M, EntityType.CORRIDOR, EntityType.INITIATIVE})
_WHOLES = _PARTS
# 在阿联酋迪拜市区以南…: a place in the country, then where.
_IN_PLACE = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:市区|市|省|州)?(?:以南|以北|以东|以西|境内|附近)")
_BEFORE_NAME = re.compile(r"(?:的|境内的|首都|首家|首个|首座|第[一二三四五六七八九十]+家)?")
_PLACE_OF = re.compile(r"[^，。；、的]{0,10}的")
# X(于2024年11月8日)在老挝(万象)(正式)投入运营: where it was set up, built or opened; not
# 在泰国的投入 or 在泰国投入5亿美元, money put into the country.
_SET_UP_IN = re.compile(r"(?:已经?)?于?在")
_SET_UP_VERB = re.compile(
    r"(?:(?!的)[\u4e00-\u9fff]){0,4}?(?:正式|全面|顺利)?"
    r"(?:设立|落地|开设|建成|揭牌|启用|投入(?:运营|使用|运行|商业|试运行))"
)
# 在肯尼亚(蒙巴萨)建设X: where a project is built, the project right after the verb.
_BUILT_IN = re.compile(r"在(?P<place>[^，。；在的]{1,12}?)(?P<verb>建设|修建|兴建|新建|建造)")
# Demonstratives that refer back to the last name of their kind (这一项目, 该机制, 这条铁路),
# and an edition of the forum just named (首届论坛, 第三届论坛), which is held when it is but
# whose cancellation or figures are not the forum's.
_ANAPHOR = re.compile(
    r"(?:这一|这个|该|这条|这座|本届|这次|(?P<edition>首届|第[一二三四五六七八九十\d]+届))"
    r"(?P<head>项目|铁路|高铁|走廊|通道|机制|论坛|联盟|原则|平台|医院|枢纽|电站|"
    r"高速公路|公路|大桥|桥梁|桥(?!梁)|港口|港区|港(?![口区])|机场|码头|园区|管道|隧道)"
    # not a noun the head only modifies: 该港口城市, 该港城, 该港务局, 该机场高速公路, 该项目公司
    # (nor a longer head cut short: 港 of 该港口城市, 桥 of 该桥梁公司)
    r"(?!城|高速|企业|运营商|公司|集团|当局|管理局|务)"
)
# 项目 with no demonstrative, as the subject its clause opens with (2023年6月，项目复工): the
# project the text is about, as 该项目 is. Its predicate follows at once: a preposition or
# adverb, a trigger verb, or a measure of it (总投资, 全长); not a longer noun (项目组, 项目数量).
_BARE_PROJECT = re.compile(
    r"(?P<head>项目)(?!于各国|等)(?=于|在|已|将|自|正式|全面|顺利|再次|重新|总|全长|"
    + _TRIGGER_RE.pattern
    + ")"
)
# What may stand before the verb or figure of a clause that has no subject of its own, its
# dates left out: prepositions and adverbs (于, 已, 正式), or a measure word that opens the
# clause (全长, 总投资, 占地面积) with its verb (达, 约).
_NO_SUBJECT = re.compile(
    r"(?:于|在|已|已经|将|自|正式|全面|顺利|再次|重新|并|又|也|还|均|随后|同时|先后|共|约)*"
    r"(?:(?:全长|总[\u4e00-\u9fff]{1,4}?|占地(?:面积)?|投资(?:额)?|装机(?:容量)?|设计时速)"
    r"(?:约|达|为|逾|超过|近|共|达到)*)?"
)
# The subject an earlier clause opens with: a demonstrative or bare 项目.
_TOPIC = re.compile(_ANAPHOR.pattern + "|" + _BARE_PROJECT.pattern.replace("?P<head>", "?P<bare>"))
_ANAPHOR_TYPES = {
    "项目": _P, "铁路": _P, "高铁": _P, "医院": _O, "枢纽": _P, "电站": _P,
    "走廊": CORRIDOR, "通道": CORRIDOR,
    "机制": _M, "论坛": _M, "联盟": _M, "原则": _M, "平台": _M,
    **dict.fromkeys(("高速公路", "公路", "大桥", "桥梁", "桥", "港口", "港区", "港", "机场", "码头",
                     "园区", "管道", "隧道"), _P),
}  # fmt: skip
# The endings of the names a head of a kind of thing refers back to (这条铁路 to a railway,
# 该港口 and 该港 to 瓜达尔港, 该园区 to 中白工业园); 项目, 机制 and the like, to any name of
# their class.
_ANAPHOR_ENDINGS = {
    "铁路": ("铁路", "高铁"), "高铁": ("铁路", "高铁"), "高速公路": ("高速公路", "高速"),
    "公路": ("公路", "高速"), "大桥": ("桥",), "桥梁": ("桥",), "桥": ("桥",),
    **dict.fromkeys(("港口", "港区", "港"), ("港", "港口", "港区")),
    "机场": ("机场",), "码头": ("码头",), "管道": ("管道",), "隧道": ("隧道",),
    "园区": ("园", "园区", "合作区", "开发区", "特区"),
}  # fmt: skip
# Of those, the heads that refer back only within their paragraph (a railway is long talked of).
_IN_PARAGRAPH = frozenset(_ANAPHOR_ENDINGS) - {"铁路", "高铁"}
_EVENT_TYPES: dict[str, frozenset[EntityType]] = {
    "holding": frozenset({_M, _P}),
    "opening": frozenset({_P, CORRIDOR, _M, _O}),
    "completion": frozenset({_P, CORRIDOR}),
    "startOfOperation": frozenset({_P, CORRIDOR, _O}),
    "suspension": frozenset({_P, CORRIDOR, _M}),
    "resumption": frozenset({_P, CORRIDOR, _M}),
    "cancellation": frozenset({_P, CORRIDOR, _M}),
    "establishment": frozenset({_M, _O, _P}),
    "signing": frozenset({_P, _M, INITIATIVE}),
    "launch": SUBJECTS,
    "proposal": SUBJECTS,
    "announcement": SUBJECTS,
}
# An undertaking right after its subject (ChineseRelater._undertakings): 同意, 一致同意, 决定,
# 承诺, 愿, 将; a partner (同哈方, 与各国一道; not a setting: 在…框架内, 就…沟通); and the verbs
# whose object takes part, with the adverbs before them (共同建设, 加快实施, 推进X建设), or a loan
# for it (为X提供…贷款).
_UNDERTAKES = re.compile(r"(?:还|也|均|都)?(?:一致)?(?:同意|决定|承诺|商定|愿意?|将)(?![不未])")
_VERB_ADVERBS = r"(?:继续|进一步|共同|联合|合作|携手|积极|加快|尽快|早日|稳步|深入|全面|大力)*"
_BUILD_VERBS = r"推进|推动|实施|建设|修建|兴建|共建|启动|签署|投资|资助|扩建|开发|打造|落实"
_UNDERTAKEN = re.compile(
    rf"{_VERB_ADVERBS}(?:{_BUILD_VERBS}|"
    r"(?:为|向)(?=[^，。；]{1,30}?(?P<lend>提供)[^，。；]{0,12}?(?:贷款|融资|资金)))"
)
_PARTNER_PHRASE = re.compile(
    rf"(?:同|与|和)(?P<partner>[^，。；同与和在就于对]{{1,12}}?)(?:一道|一起)?"
    r"(?:在[^，。；]{1,20}?(?:框架内|框架下|支持下))?"  # the setting: 在上合组织框架内
    rf"(?={_VERB_ADVERBS}(?:{_BUILD_VERBS}))"
)
_JOINER_AT = re.compile("|".join(sorted(_JOINERS, key=len, reverse=True)))  # 以及 before 及
# Between a loan's beneficiary and its verb: 向X项目提供贷款, 为X建设提供融资.
_RECIPIENT_GAP = re.compile(r"(?:项目|工程)?(?:建设)?")
# Strategic alignment, 战略对接: the English _ALIGN.
_ALIGNMENT = re.compile(r"对接|衔接")
_ALIGNABLE = frozenset({EntityType.INITIATIVE, EntityType.STRATEGY})
# Between a verb and its object: 宣布成立X, 倡议发起X, 启动X, 签署了X, 签署了关于X(融资的备忘录).
_OBJECT_GAP = re.compile(r"(?:了|成立|设立|建设|举办|新的|共建)?(?:关于)?[“《]?")
# A trigger verb that describes the name after it: 暂停的X, 停工两年的X, 已建成的X.
_ATTRIBUTIVE = re.compile(r"[^，。；的]{0,4}的")
_NEGATION = re.compile(r"(?:未|没有|没|不曾)(?:能|如期|按期)?(?:完全|全面|正式)?\Z")
# What plans an event for its date (将于2027年建成, 预计年底前投入运营, 计划于2026年开工,
# 原定2020年通车, 力争/争取/确保: "strive to", "aim to", "ensure that"): 将 as "will" (not the
# 将 that moves an object, 将X建成Y), 计划 as a verb (not the 计划 a name ends with,
# 行动计划于2017年启动); not 争取到 (obtained) or 确保了 (ensured), which tell of what was done,
# nor a purpose, as in 为确保安全，X于…暂停运营, where the stop happened. With any 将 or 计划,
# a vague future (未来) and a condition (建成后), _FUTURE_MARKERS: what is no fact yet, from
# there to the sentence's end.
_PLAN = (
    r"将(?=于|在|\d|今年|明年|年内|年底|全面|正式|"
    + "|".join(re.escape(t) for t, _kind in TRIGGERS)
    + r")|有望|预计|(?<![”》」])(?<!行动|合作|发展|建设|工作|投资|援助)"
    r"计划(?=于|在|到|今年|明年|年内|\d)|可望|(?<!模)拟|力争|力求|(?<!为)争取(?!到|了)|(?<!为)确保(?!了)"
)
# 原定 too, a plan the sentence goes on to say was not kept; not 比原定工期 (than the planned time).
_PLAN_MARKERS = re.compile(_PLAN + "|(?<!比)原定(?!工期|计划|时间|日期|目标|的)")
_FUTURE_MARKERS = re.compile(_PLAN + r"|将|计划|未来|建成后|启用后|落实后|通车后|到20\d\d年")


# The agent of a passive: X由A与B共同承建, 由中国交建承建的X. The English side skips "built by
# X" as a figure's subject in the same way.
_BY_AGENT = re.compile(r"由[^，。；由]{0,30}\Z")
_AGENT_ACTION = re.compile(
    r"[^，。；]{0,30}?(?:承建|建设|修建|兴建|援建|投资|出资|运营|实施|主办|承办|负责|提供)"
)


# The source a sentence cites (据乌干达交通部消息, 据X介绍): not what its figures are about.
_CITED_BEFORE = re.compile(r"据[^，。；据]{0,12}\Z")
_CITED_AFTER = re.compile(r"(?:消息|报道|介绍|统计|数据|透露|称|表示|显示)")


def _cited(ctx: _Context, mention: Mention) -> bool:
    start, end = ctx.local(mention.start), ctx.local_end(mention)
    return bool(
        _CITED_BEFORE.search(ctx.text, max(0, start - 13), start)
        and _CITED_AFTER.match(ctx.text, end)
    )


def _passive_agent(ctx: _Context, mention: Mention) -> bool:
    """An organisation after 由 and before the verb it does: not what a figure is about."""
    if ctx.type_of(mention) is not _O:
        return False
    start, end = ctx.local(mention.start), ctx.local_end(mention)
    by = _BY_AGENT.search(ctx.text, max(0, start - 31), start)
    return by is not None and _AGENT_ACTION.match(ctx.text, end, end + 60) is not None


def _claimed(ctx: _Context, date: Mention) -> bool:
    """Whether a trigger verb follows ``date`` in its clause (于2024年9月恢复施工): the verb
    the date is said of."""
    end = ctx.local_end(date)
    verb = _TRIGGER_RE.search(ctx.text, end)
    clause_end = _CLAUSE.search(ctx.text, end)
    return verb is not None and (clause_end is None or verb.start() < clause_end.start())


def _clause_date(ctx: _Context, dates: list[Mention], position: int) -> Mention | None:
    """The date of the trigger's clause, else of a clause that opens the sentence with a date
    ("2024年3月，中方与…联合主办…"), nearest the trigger."""
    clauses = [0] + [m.end() for m in _CLAUSE.finditer(ctx.text)]
    clause = max(c for c in clauses if c <= position)
    following = [c for c in clauses if c > position]
    clause_end = following[0] if following else len(ctx.text) + 1
    same = [d for d in dates if clause <= ctx.local(d.start) < clause_end]
    if same:
        return min(same, key=lambda d: abs(ctx.local(d.start) - position))
    first_end = clauses[1] if len(clauses) > 1 else len(ctx.text) + 1
    opening = [
        d
        for d in dates
        if ctx.local(d.start) < first_end <= position + 1
        and first_end - (ctx.local_end(d) - ctx.local(d.start)) <= 5
    ]  # "2024年3月，…" opens the sentence with nothing but its date
    if opening:
        return opening[-1]
    # "X于2019年4月在…上，由…共同发起": the last date before the verb, if no other verb or
    # "since" (以来) comes between them.
    earlier = [d for d in dates if ctx.local(d.start) < position]
    if earlier:
        last = max(earlier, key=lambda d: d.start)
        between = ctx.text[ctx.local_end(last) : position]
        if not _TRIGGER_RE.search(between) and not re.search("以来|之后|后，", between):
            return last
    return None


_CITY_RULE = "zh-city-gazetteer"
_PARTNER_RULE = "zh-name-partner"
_LONGEST_CITY = 8


def _city_in_name(project: Mention) -> str | None:
    """The country of a city abroad that a found name starts with (金边深水港: Cambodia), the
    longest first, with something left after it; not for a name with countries of its own."""
    if project.rule != "zh-name-head" or project.countries:
        return None
    name = project.text
    for length in range(min(len(name) - 1, _LONGEST_CITY), 1, -1):
        code = chinese_city_country(name[:length])
        if code is not None:
            return None if code == "CN" else code
    return None


def _states_location(rule: str) -> bool:
    """Every Chinese locatedIn rule states a country but the guesses from a name."""
    return rule not in {_CITY_RULE, _PARTNER_RULE, "zh-part-of-known"}


def _country(code: str) -> str:
    return f"country/{code.lower()}"


def _joined_list(ctx: _Context, before: list[Mention]) -> list[Mention]:
    """The last name of ``before`` with those joined to it by 和, 与, 及, 以及 or 、 (卡洛特水电站和
    苏基克纳里水电站是…), and those on its very span (双方: both countries): the subject of a
    verb that follows them."""
    if not before:
        return []
    listed = [before[-1]]
    for mention in reversed(before[:-1]):
        first = listed[0]
        same_span = (mention.start, mention.end) == (first.start, first.end)
        gap = ctx.text[ctx.local_end(mention) : ctx.local(first.start)]
        if not same_span and gap not in _JOINERS:
            break
        listed.insert(0, mention)
    return listed


def _nearest(ctx: _Context, mentions: list[Mention], position: int) -> Mention | None:
    if not mentions:
        return None
    return min(mentions, key=lambda m: abs(m.start - position))


def _event_date(date: DateValue) -> DateValue:
    """An event is dated by the start of its period; "since" is only how it was framed."""
    if date.qualifier == "since":
        return DateValue(date.year, date.month, date.day, inferred=date.inferred)
    return date


def _as_of(date: DateValue) -> DateValue | None:
    """The date a figure holds at: the end of a range (1月至8月 → 8月), the year of a "since
    2024", nothing for a "since October 2023" that has no end."""
    if date.end is not None:
        return date.end
    if date.qualifier == "since":
        return DateValue(date.year, inferred=date.inferred) if date.month is None else None
    if date.qualifier == "first-half":
        return DateValue(date.year, 6, inferred=date.inferred)
    return date


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """One fact per (statement, sentence); the first rule that found it is kept."""
    seen: set[tuple[object, ...]] = set()
    unique: list[Fact] = []
    for fact in facts:
        key = (
            fact.subject,
            fact.predicate,
            fact.object,
            fact.event_kind,
            fact.date,
            fact.quantity,
            fact.evidence.document,
            fact.evidence.sentence,
        )
        if not fact.subject or (fact.predicate not in {"event", "quantity"} and not fact.object):
            continue
        if fact.object == fact.subject or key in seen:
            continue
        seen.add(key)
        unique.append(fact)
    return unique
