"""Stage 4b: one node for a thing named in Chinese and in English (cross-lingual linking).

The resolver already gives one entity to names the bilingual lexicon knows in both languages
(中老铁路 = China-Laos Railway). This stage links the rest, after relations are read, from
evidence, and records every link (the rule, a confidence and the evidence in words) so that a
user can audit it in the graph as a ``brikg:Link``:

- ``lexicon``: a lexicon entry named in both languages (no merge; recorded for the audit);
- ``zh-short-form``: a shorter Chinese name inside a longer one of the same class in the
  same document (迪拜光热光伏综合发电项目 is 迪拜马克图姆太阳能公园四期光热光伏综合发电项目);
- ``parallel-text``: the same document's English version. Both language parts are cut into
  blocks at headings they share in order (numbered sections, 【知识卡片】 = "Fact Box", the
  "——" subheadings), and a Chinese and an English name of one class in the same block are
  compared: the dates and figures of their sentences, the countries around them, how the
  name's parts translate (“一带一路” = Belt and Road, 联盟 = Alliance, a country name), a
  compound of countries (中老 = China-Laos) and the place in the block;
- ``name-translation``: a name in another English document whose words translate the
  Chinese name part by part, head included, with at least three parts;
- ``nested-translation``: a Chinese name built on a known name (“丝绸之路”中国政府奖学金项目 on
  中国政府奖学金) and an English name in another document whose sentence, or whose own words,
  name that known thing, while the rest of the Chinese name translates the rest of the English
  one ("the Silk Road Program under the Chinese Government Scholarship scheme");
- ``compound-translation``: the same countries in the same order and the same head
  (中吉乌铁路 = "China-Kyrgyzstan-Uzbekistan railway").

Two names are linked only if their classes can be one thing's: the same class, or two classes
that recognisers of two languages give one thing for a reason the text shows. A programme is
an initiative to one text and a project to another, a network a mechanism or a project; a
hospital or a secretariat a project or a mechanism by its English head, but a body with staff
(an organization) by the guidelines. The node then takes the class that a lexicon entry gives,
else the one that the text's cue gives (项目/"project" after the name; a head that names a body),
and a link without such a cue is not made.

Each Chinese entity is linked to at most one entity per English document, pairs are taken
best first and only when clearly ahead of the next candidate; a Chinese name with no such
counterpart stays a node with its Chinese label, not dropped and not guessed.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from brikg.ir import (
    CORRIDOR,
    COUNTRY,
    DATE,
    ENTITY,
    INITIATIVE,
    MECHANISM,
    ORGANIZATION,
    PLACE,
    PROJECT,
    QUANTITY,
    Corpus,
    Document,
    Entity,
    EntityType,
    Mention,
)
from brikg.lexicon import Lexicon
from brikg.pinyin import pinyin
from brikg.recognize.coref import SHORT_FORM_RULES
from brikg.recognize.zh import HAN, sentence_text
from brikg.recognize.zh_names import HEADS, QUOTED_HEADS
from brikg.scan import longest_first

# Chinese name parts and the English words that translate them (lower case, as substrings).
GLOSSARY: dict[str, tuple[str, ...]] = {
    "一带一路": ("belt and road", "bri"), "丝绸之路": ("silk road",), "丝路": ("silk road",),
    "国际合作": ("international cooperation",), "国际": ("international",),
    "合作": ("cooperation", "co-operation"), "绿色": ("green",), "数字": ("digital",),
    "廉洁": ("clean", "integrity"), "能源": ("energy",), "税收": ("tax",), "税务": ("tax",),
    "征管": ("administration",), "媒体": ("media",), "新闻": ("news", "media"),
    "智库": ("think tank",), "知识产权": ("intellectual property",), "旅游": ("touris",),
    "城市": ("cit",), "青年": ("youth",), "创意": ("creativ",), "遗产": ("heritage",),
    "文化": ("cultur",), "教育": ("education",), "贸易": ("trade",), "投资": ("invest",),
    "电商": ("e-commerce",), "全球": ("global",), "发展": ("development",),
    "可持续": ("sustainab",), "高峰": ("summit", "forum"), "出版": ("publishing",),
    "自然灾害": ("natural disaster",), "应急管理": ("emergency management",),
    "防治": ("prevention",), "企业": ("enterprise", "corporate", "business"),
    "合规": ("compliance",), "反腐败": ("anti-corruption",), "反腐": ("anti-corruption",),
    "职业教育": ("vocational",), "技术": ("technolog",), "科技": ("technolog", "science"),
    "创新": ("innovation",), "铁路": ("railway", "rail"), "高铁": ("high-speed",),
    "高速": ("high-speed", "expressway"), "公路": ("highway", "road"), "港": ("port",),
    "经济": ("economic",), "走廊": ("corridor",), "通道": ("corridor", "route", "channel"),
    "工业园": ("industrial park",), "产业园": ("industrial park",), "特区": ("special zone",),
    "开发区": ("development zone",), "合作区": ("cooperation zone",), "论坛": ("forum",),
    "峰会": ("summit",), "博览会": ("expo",), "联盟": ("alliance", "coalition"),
    "机制": ("mechanism",), "伙伴关系": ("partnership",), "平台": ("platform",),
    "秘书处": ("secretariat",), "委员会": ("committee", "commission", "council"),
    "协会": ("association",), "水电站": ("hydro",), "电站": ("power",), "光伏": ("photovoltaic",),
    "光热": ("solar thermal",), "太阳能": ("solar",), "码头": ("terminal",), "机场": ("airport",),
    "医院": ("hospital",), "大学": ("university",), "学院": ("academy", "college"),
    "研究院": ("institute", "academy"), "研究所": ("institute",), "公司": ("company",
    "corporation"), "中心": ("center", "centre"), "部": ("ministry",), "倡议": ("initiative",),
    "原则": ("principles",), "课程": ("course",), "培训班": ("training",), "电影节": ("film",),
    "大会": ("conference", "congress"), "研讨会": ("seminar", "symposium"),
    "座谈会": ("symposium",), "对话": ("dialogue",), "旅游年": ("tourism year",),
    "日": ("day",), "奖学金": ("scholarship",), "政府": ("government",), "四期": ("phase iv",),
    "二期": ("phase ii",), "三期": ("phase iii",), "边检站": ("border inspection",),
    "高级别": ("high-level",), "会议": ("conference", "meeting"), "万里茶道": ("tea road",),
    "骨干网": ("backbone",), "光缆": ("fiber", "fibre"), "标准轨距": ("standard gauge",),
    "中央": ("central",), "纪委": ("discipline", "inspection", "commission"),
    "监委": ("supervisory",), "国家": ("national",),
    "交流": ("exchange",), "中亚": ("central asia",), "东南亚": ("southeast asia",),
    "非洲": ("africa",), "欧洲": ("europe",), "亚洲": ("asia",), "项目": ("project", "program"),
    "人民": ("people",), "行动": ("action", "operation"), "商务": ("commerce",),
    "外交": ("foreign affairs",), "运输": ("transport",), "复兴": ("reviv",), "愿景": ("vision",),
    "战略": ("strategy",), "计划": ("plan", "program"), "构想": ("vision", "concept"),
    "治理": ("governance",), "大型": ("large",), "基建": ("infrastructure",), "公园": ("park",),
    "综合": ("comprehensive", "integrated"), "发电": ("power",),
}  # fmt: skip
_GLOSSARY_RE = re.compile(longest_first(GLOSSARY))
_HEAD_RE = re.compile("(?:" + longest_first({**HEADS, **QUOTED_HEADS}) + ")$")
_HAN_RUNS = re.compile(r"[\u4e00-\u9fff]+")
_LETTERS = re.compile(r"[a-z]+")
_SPACES = re.compile(r"\s+")
_HYPHEN_OR_SPACE = re.compile(r"[-\s]")
_HYPHENS_OR_SPACES = re.compile(r"[-\s]+")
_BRACKETED = re.compile(r"\(\w+\)\s*")
_REPEATS = re.compile(r"(.)\1+")
_CHAPTERS = {"一": "one", "二": "two", "三": "three", "四": "four", "五": "five", "六": "six"}
_SECTION = re.compile(r"^(\d+)\.(\d+)\s")
_CHAPTER_ZH = re.compile(r"^第([一二三四五六])章")
_CHAPTER_EN = re.compile(r"^Chapter\s+(\w+)", re.I)
_P, _M, _O, _I = (
    PROJECT,
    MECHANISM,
    ORGANIZATION,
    INITIATIVE,
)
# Pairs of classes that the recognisers of two languages may give one thing.
_COMPATIBLE = frozenset(
    {frozenset({_I, _P}), frozenset({_M, _P}), frozenset({_O, _M}), frozenset({_O, _P})}
)
# Heads of bodies with staff and a seat (GUIDELINES.zh.md §10), whatever an English head rule
# makes of "hospital" or "secretariat": a node with one of them is an organization.
_BODY_HEADS = ("医院", "秘书处", "边检站")
# The text calls a thing a project: 坦桑尼亚国家光缆骨干网项目, "… Backbone Network project",
# "medical outreach programs like “Operation Brightness,”".
_PROJECT_AFTER_ZH = re.compile(
    r"^[”\"]?(?:[、和与及]?[“\"][^“”\"]{1,12}[”\"])*等?[^，。；：！？、的\n]{0,8}?(?:项目|工程)"
)
_PROJECT_AFTER_EN = re.compile(r"^[”\"’,]*\s*(?:program|programme|project)s?\b", re.I)
_PROJECT_BEFORE_EN = re.compile(
    r"\b(?:program|programme|project)s?\s+(?:like|such\s+as|including)\s+[“\"]?$", re.I
)
_PROJECT_NAME = re.compile(r"(?:项目|工程)$|\b(?:program|programme|project)s?$", re.I)
_TYPE_HEADS = frozenset({"项目", "工程"})
"""Heads that only say "a project of": an English name may leave them out (“X”项目 = "X")."""
MIN_SCORE = 2.5
"""Evidence a parallel-text pair needs: more than a head and a place in the block."""
MARGIN = 1.0
"""How far the best candidate must lead the second, in evidence points."""


@dataclass(slots=True)
class Link:
    """Why one entity carries names in two languages: ``members`` are the entity ids merged
    into ``entity``; ``mentions`` are (document, start, end) in the original file of the names
    compared (a Chinese one first); ``sentences`` are (document, index) they were read from."""

    entity: str
    rule: str
    confidence: float
    evidence: tuple[str, ...]
    members: tuple[str, ...] = ()
    mentions: tuple[tuple[str, int, int], ...] = ()
    sentences: tuple[tuple[str, int], ...] = field(default=())


@dataclass(slots=True)
class _Profile:
    """What the sentences around one entity's mentions in one document say."""

    entity: str
    mentions: list[Mention]
    dates: set[str] = field(default_factory=set)
    values: set[tuple[float, str]] = field(default_factory=set)
    numbers: set[float] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)


class Linker:
    """Links Chinese and English names of one thing into one entity, recording each link."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.country_en = {
            code: {info.labels.get("en", "").lower(), info.name.lower()} - {""}
            for code, info in lexicon.countries.items()
        }
        self.country_zh = {
            name: code
            for code, info in lexicon.countries.items()
            for name in [
                info.labels.get("zh", ""),
                *(t for t, lang in info.aliases if lang == "zh"),
            ]
            if len(name) >= 2
        }
        english = {name: code for code, names in self.country_en.items() for name in names}
        self._english_countries = english
        self._english_country_re = re.compile(
            r"\b(?:" + longest_first(name for name in english if len(name) > 3) + r")\b"
        )
        self._zh_country_re = re.compile(longest_first(self.country_zh))
        self._parts_re = re.compile(longest_first([*GLOSSARY, *self.country_zh]))
        self._prefixes = lexicon.compound_prefixes()
        self._country_codes: dict[str, str | None] = {}
        self._evidence: dict[tuple[str, str], tuple[float, list[str]]] = {}
        self._classes: dict[tuple[str, str], EntityType] = {}

    def _country_code(self, word: str) -> str | None:
        """The ISO code of the country an English word names ("laos" -> LA), else None;
        remembered, as compound names ask about the same few words thousands of times."""
        if word not in self._country_codes:
            found = self.lexicon.lookup(word)
            self._country_codes[word] = (
                found.split("/", 1)[1].upper() if found and found.startswith("country/") else None
            )
        return self._country_codes[word]

    # -- which classes may be one thing's ----------------------------------------------------------
    def node_class(
        self,
        entity: Entity,
        other: Entity,
        zh_names: list[tuple[Document, Mention]],
        en_names: list[tuple[Document, Mention]],
    ) -> tuple[EntityType, str] | None:
        """The class of the one node that a Chinese ``entity`` and an English ``other`` would
        become, and why; None when the text gives no reason to take their two classes for one
        thing's (a link then stays unmade: two classes are two things until shown otherwise)."""
        if entity.type is other.type:
            return entity.type, f"same class {entity.type.value}"
        pair = frozenset({entity.type, other.type})
        if pair not in _COMPATIBLE:
            return None
        classes = f"classes {entity.type.value} and {other.type.value}"
        for curated in (entity, other):
            if curated.from_lexicon:
                return curated.type, f"{classes}: the lexicon's {curated.type.value}"
        if _O in pair:
            for _doc, zh in zh_names:
                head = next((h for h in _BODY_HEADS if _clean(zh.text).endswith(h)), None)
                if head is None:
                    continue
                words = GLOSSARY[head]
                if any(w in en.text.lower() for _doc, en in en_names for w in words):
                    return _O, f"{classes}: {head} = {words[0]}, a body (an organization)"
            return None
        for doc, mention in [*zh_names, *en_names]:
            cue = _project_cue(doc, mention)
            if cue:
                return _P, f"{classes}: the text calls {mention.text} a project ({cue})"
        return None

    def _reclass(
        self, entities: dict[str, Entity], entity_id: str, cls: EntityType, merges: dict[str, str]
    ) -> str:
        """The id of ``entity_id``'s node in class ``cls``: itself, or a new id with the class
        as its first part (ids read "<class>/<name>"), which it is merged into."""
        entity = entities[entity_id]
        if entity.type is cls:
            return entity_id
        new_id = f"{cls.value.lower()}/{entity_id.split('/', 1)[1]}"
        if new_id not in entities:
            entities[new_id] = Entity(
                new_id, cls, dict(entity.labels), set(entity.alt_labels), entity.country_code
            )
        merges[entity_id] = new_id
        return new_id

    def __call__(self, corpus: Corpus) -> Corpus:
        links: list[Link] = []
        merges: dict[str, str] = {}
        links += self._short_forms(corpus, merges)
        self._apply(corpus, merges)
        merges = {}
        links += self._parallel(corpus, merges)
        links += self._nested(corpus, merges)
        links += self._translations(corpus, merges)
        links += self._compounds(corpus, merges)
        self._apply(corpus, merges)
        links = [_redirect(link, merges) for link in links]
        links += self._lexicon_links(corpus, links)
        for doc in corpus.documents:
            doc.links = []
        by_doc = {doc.id: doc for doc in corpus.documents}
        for link in links:
            home = by_doc.get(link.mentions[0][0]) if link.mentions else None
            if home is not None:
                home.links.append(link)
        return corpus

    # -- links the lexicon made -------------------------------------------------------------
    def _lexicon_links(self, corpus: Corpus, made: list[Link]) -> list[Link]:
        """Entities the resolver gave names in both languages through the lexicon."""
        linked = {link.entity for link in made}
        first: dict[str, dict[str, tuple[Document, Mention]]] = defaultdict(dict)
        for doc in corpus.documents:
            for mention in _entity_mentions(doc):
                first[mention.entity or ""].setdefault(mention.language, (doc, mention))
        links = []
        for entity_id, by_language in sorted(first.items()):
            entity = corpus.entities.get(entity_id)
            if entity is None or entity.type is COUNTRY or entity_id in linked:
                continue
            if {"zh", "en"} <= by_language.keys() and entity.from_lexicon:
                zh_doc, zh = by_language["zh"]
                en_doc, en = by_language["en"]
                links.append(
                    Link(
                        entity_id,
                        "lexicon",
                        1.0,
                        (f"lexicon entry {entity_id}: {zh.text} / {en.text}",),
                        mentions=(_ref(zh_doc, zh), _ref(en_doc, en)),
                        sentences=((zh_doc.id, zh.sentence), (en_doc.id, en.sentence)),
                    )
                )
        return links

    # -- Chinese short forms ---------------------------------------------------------------
    def _short_forms(self, corpus: Corpus, merges: dict[str, str]) -> list[Link]:
        links = []
        for doc in corpus.documents:
            names: dict[str, Mention] = {}
            for mention in _entity_mentions(doc):
                if mention.language == "zh" and mention.rule.startswith("zh-name"):
                    names.setdefault(mention.entity or "", mention)
            for short_id, short in names.items():
                for long_id, long in names.items():
                    if long_id == short_id or short.label is not long.label:
                        continue
                    if _short_form(_clean(short.text), _clean(long.text)):
                        merges[short_id] = long_id
                        links.append(
                            Link(
                                long_id,
                                "zh-short-form",
                                0.8,
                                (f"{short.text} keeps the start and the end of {long.text}",),
                                members=(short_id,),
                                mentions=(_ref(doc, short),
                                          _ref(doc, long)),
                                sentences=((doc.id, short.sentence), (doc.id, long.sentence)),
                            )
                        )  # fmt: skip
                        break
        return links

    # -- the same document's other language ---------------------------------------------------
    def _parallel(self, corpus: Corpus, merges: dict[str, str]) -> list[Link]:
        links: list[Link] = []
        languages = _languages(corpus)  # merges are applied after this stage, not during it
        for doc in corpus.documents:
            if not {"zh", "en"} <= {s.language for s in doc.sentences if not s.is_heading}:
                continue
            blocks = _blocks(doc)
            zh_profiles = self._profiles(doc, "zh", corpus.entities)
            en_profiles = self._profiles(doc, "en", corpus.entities)
            candidates: list[tuple[float, str, str, list[str], Mention, Mention]] = []
            for zh in zh_profiles.values():
                if "en" in languages[zh.entity] or zh.entity in merges:
                    continue
                entity = corpus.entities[zh.entity]
                for en in en_profiles.values():
                    other = corpus.entities[en.entity]
                    if "zh" in languages[en.entity]:
                        continue
                    if entity.from_lexicon and other.from_lexicon:
                        continue  # two curated entries are two things
                    decided = self.node_class(
                        entity,
                        other,
                        [(doc, m) for m in zh.mentions],
                        [(doc, m) for m in en.mentions],
                    )
                    if decided is None:
                        continue
                    scored = self._score(doc, blocks, zh, en, decided[1])
                    if scored is not None:
                        score, reasons, zh_m, en_m = scored
                        self._classes[zh.entity, en.entity] = decided[0]
                        candidates.append((score, zh.entity, en.entity, reasons, zh_m, en_m))
            links += self._assign(doc, corpus.entities, candidates, merges, "parallel-text")
        return links

    def _assign(
        self,
        doc: Document,
        entities: dict[str, Entity],
        candidates: list[tuple[float, str, str, list[str], Mention, Mention]],
        merges: dict[str, str],
        rule: str,
    ) -> list[Link]:
        """Best pairs first, one to one, each clearly ahead of its rivals."""
        by_zh: dict[str, list[tuple[float, str, str]]] = defaultdict(list)
        by_en: dict[str, list[tuple[float, str, str]]] = defaultdict(list)
        for score, zh, en, _reasons, zh_m, en_m in candidates:
            by_zh[zh].append((score, en, en_m.text))
            by_en[en].append((score, zh, zh_m.text))
        links = []
        taken: set[str] = set()
        for score, zh, en, reasons, zh_m, en_m in sorted(candidates, key=lambda c: -c[0]):
            if zh in taken or en in taken or score < MIN_SCORE:
                continue
            rivals = [
                other
                for other, entity, text in by_zh[zh]
                if entity != en and not _variant(text, en_m.text)
            ] + [
                other
                for other, entity, text in by_en[en]
                if entity != zh and not _variant(text, zh_m.text)
            ]  # a short form of the same name ("Beijing Initiative") is no rival
            if rivals and score - max(rivals) < MARGIN:
                continue
            taken |= {zh, en}
            keep, drop = _canonical(entities, zh, en)
            node = self._reclass(entities, keep, self._classes[zh, en], merges)
            merges[drop] = node
            confidence = round(min(0.95, 0.5 + 0.05 * score), 2)
            links.append(
                Link(
                    node,
                    rule,
                    confidence,
                    tuple(reasons),
                    members=(drop,) if node == keep else (drop, keep),
                    mentions=(_ref(doc, zh_m), _ref(doc, en_m)),
                    sentences=((doc.id, zh_m.sentence), (doc.id, en_m.sentence)),
                )
            )
        return links

    def _score(
        self,
        doc: Document,
        blocks: _Blocks,
        zh: _Profile,
        en: _Profile,
        classes: str,
    ) -> tuple[float, list[str], Mention, Mention] | None:
        # A short form ("the project", recognize.coref) denotes the entity but is no name of it
        # to compare: its sentence's dates and figures count (in the profile), its words do not.
        # The closest pair of mentions in one block (the first found of equals). Each mention's
        # place is worked out once: an entity named often in a long document makes many pairs.
        en_places = [
            (e, blocks.en_place(e.start)) for e in en.mentions if e.rule not in SHORT_FORM_RULES
        ]
        closest: tuple[float, Mention, Mention] | None = None
        for z in zh.mentions:
            z_block, z_share = blocks.zh_place(z.start)
            for e, (e_block, e_share) in en_places:
                if e_block == z_block and (closest is None or abs(z_share - e_share) < closest[0]):
                    closest = (abs(z_share - e_share), z, e)
        if closest is None:
            return None
        place, zh_m, en_m = closest
        reasons = [classes, f"same passage ({blocks.label(zh_m.start)})"]
        score = 0.0
        context = False
        score += max(0.0, 1.0 - 2 * place)
        name_score, name_reasons = self.name_evidence(zh_m.text, en_m.text)
        if name_score < 0:
            return None  # the names disagree more than they agree, whatever surrounds them
        score += name_score
        reasons += name_reasons
        shared_dates = zh.dates & en.dates
        if shared_dates:
            context = True
            score += sum(2.0 if len(d) >= 7 else 0.5 for d in shared_dates)
            reasons.append("same dates " + ", ".join(sorted(shared_dates)))
        shared_values = zh.values & en.values
        if shared_values:
            context = True
            score += 2.0 * len(shared_values)
            reasons.append(
                "same figures " + ", ".join(f"{v:g} {u}" for v, u in sorted(shared_values))
            )
        elif zh.numbers & en.numbers:
            context = True
            score += 1.0 * len(zh.numbers & en.numbers)
            reasons.append(
                "same numbers " + ", ".join(f"{v:g}" for v in sorted(zh.numbers & en.numbers))
            )
        shared_countries = (zh.countries & en.countries) - {"CN"}
        if shared_countries:
            context = True
            score += min(2.0, 0.75 * len(shared_countries))
            reasons.append("same countries " + ", ".join(sorted(shared_countries)))
        if not context and self.sound_alike(zh_m.text, en_m.text) < 0.5:
            # Nothing around the names agrees: what the name's translation leaves unexplained
            # counts against the pair (工作协调机制 is not "Improving Cooperation Mechanisms").
            score -= min(3.0, 0.25 * self.unexplained(zh_m.text))
        return score, reasons, zh_m, en_m

    def unexplained(self, zh_name: str) -> int:
        """Characters of a Chinese name that no glossary part, country or quotation covers."""
        return len(HAN.findall(self.rest_of(zh_name)))

    def name_evidence(self, zh_name: str, en_name: str) -> tuple[float, list[str]]:
        """How well the parts of a Chinese name translate into an English one."""
        key = (zh_name, en_name)
        if key not in self._evidence:
            self._evidence[key] = self._name_evidence(zh_name, en_name)
        score, reasons = self._evidence[key]
        return score, list(reasons)

    def _name_evidence(self, zh_name: str, en_name: str) -> tuple[float, list[str]]:
        zh_name = _clean(zh_name)
        en = en_name.lower().replace("–", "-").replace("‐", "-")
        score = 0.0
        reasons: list[str] = []
        matched: list[str] = []
        missed: list[str] = []
        for part in _GLOSSARY_RE.findall(zh_name):
            (matched if any(w in en for w in GLOSSARY[part]) else missed).append(part)
        if matched:
            score += 1.0 * len(matched)
            reasons.append("name parts translate: " + ", ".join(matched))
        score -= 0.25 * len(missed)  # a Chinese name often describes more than the English
        head = _HEAD_RE.search(zh_name)
        if head is not None and head.group() in GLOSSARY:
            words = GLOSSARY[head.group()]
            if any(w in en for w in words):
                score += 1.0
                reasons.append(f"head {head.group()} = {words[0]}")
            elif _ENGLISH_HEAD.search(en):
                # 中国人民大学重阳金融研究院, an institute of Renmin University of China; but 项目
                # and 工程 only say "a project of" (中老铁路项目 is the China-Laos Railway).
                owners = [part for part in matched if part in HEADS]
                if owners and head.group() not in _TYPE_HEADS:
                    return -1.0, [f"{owners[0]} names the owner of the {head.group()}"]
                score -= 1.5  # a different head ("… Railway" for a 大学); none: a cut name
        zh_countries = {self.country_zh[m] for m in self._zh_country_re.findall(zh_name)}
        for code in sorted(zh_countries):
            if any(_stem(c) in en for c in self.country_en.get(code, ())):
                score += 1.5
                reasons.append(f"country {code} named in both")
            else:
                score -= 1.5
        compound = _compound_codes(zh_name, self._prefixes)
        named_en = {self._english_countries[m] for m in self._english_country_re.findall(en)}
        abbreviated = {self._prefixes[char] for char in zh_name[:3] if char in self._prefixes}
        score -= 2.0 * len(named_en - zh_countries - set(compound) - abbreviated)
        if len(compound) > 1:
            english = [self._country_code(word) for word in _HYPHEN_OR_SPACE.split(en)]
            if english[: len(compound)] == list(compound):
                score += 3.0
                reasons.append("compound " + "-".join(compound))
        similarity = self.sound_alike(zh_name, en)
        if similarity >= 0.5:
            score += 3.0 * similarity
            reasons.append(f"the name sounds alike ({similarity:.2f})")
        extra = self.uncovered(zh_name, en, similarity >= 0.5)
        distinct = [w for w in extra if w in _DISTINCT or _ENGLISH_HEAD.fullmatch(w)]
        # "Phase IV" is not in 迪拜马克图姆太阳能公园; other words the glossary lacks count less
        score -= 0.75 * min(4, len(distinct)) + 0.25 * min(4, len(extra) - len(distinct))
        return score, reasons

    def uncovered(self, zh_name: str, en: str, sounded: bool) -> list[str]:
        """English content words of a name that nothing in the Chinese name accounts for: no
        glossary part's translation, no country named, nor (when they sound alike) its
        untranslated part."""
        parts = _GLOSSARY_RE.findall(_clean(zh_name))
        translations = [t for part in parts for w in GLOSSARY[part] for t in w.split()]
        countries = {
            word
            for name in self._zh_country_re.findall(zh_name)
            for label in self.country_en.get(self.country_zh[name], ())
            for word in label.split()
        }
        countries |= {
            word
            for code in _compound_codes(zh_name, self._prefixes)
            for label in self.country_en.get(code, ())
            for word in label.split()
        }
        words = [w for w in _LETTERS.findall(en.lower()) if w not in _STOP_EN]
        left = [
            w
            for w in words
            if not any(w.startswith(t[:5]) or t.startswith(w) for t in translations)
            and not any(w.startswith(_stem(c)) for c in countries)
        ]
        if sounded:
            return [w for w in left if _ENGLISH_HEAD.fullmatch(w)]
        return left

    def rest_of(self, zh_name: str) -> str:
        """The part of a Chinese name that no glossary part or country name translates."""
        return self._parts_re.sub(" ", _clean(zh_name))

    def sound_alike(self, zh_name: str, en_name: str) -> float:
        """How alike the untranslated part of a Chinese name (in pinyin: 阿布扎比 abuzhabi,
        卡鲁玛 kaluma, 江苏 jiangsu) and the English words no glossary part explains sound."""
        rest = _HAN_RUNS.findall(self.rest_of(zh_name))
        if not rest:
            return 0.0
        covered = {w for part in _GLOSSARY_RE.findall(_clean(zh_name)) for w in GLOSSARY[part]}
        words = [
            w
            for w in _LETTERS.findall(en_name.lower())
            if w not in _STOP_EN
            and not _ENGLISH_HEAD.fullmatch(w)
            and not any(w.startswith(c[:5]) for c in covered)
        ]
        if not words:
            return 0.0
        romanised, english = pinyin("".join(rest)), "".join(words)
        if max(len(romanised), len(english)) > 2 * min(len(romanised), len(english)):
            return 0.0  # 重建和复苏 (15 letters) does not sound like "Vision"
        return _dice(_sound(romanised), _sound(english))

    def _profiles(
        self, doc: Document, language: str, entities: dict[str, Entity]
    ) -> dict[str, _Profile]:
        by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for mention in doc.mentions:
            by_sentence[mention.sentence].append(mention)
        profiles: dict[str, _Profile] = {}
        for mention in _entity_mentions(doc):
            entity = entities.get(mention.entity or "")
            if mention.language != language or entity is None:
                continue
            if entity.type in {COUNTRY, PLACE}:
                continue
            profile = profiles.setdefault(entity.id, _Profile(entity.id, []))
            profile.mentions.append(mention)
            for other in by_sentence.get(mention.sentence, []):
                if other.kind is DATE and other.date:
                    profile.dates.add(other.date.iso())
                    if other.date.precision != "year":
                        profile.dates.add(str(other.date.year))
                elif other.kind is QUANTITY and other.quantity:
                    value = round(other.quantity.value, 6)
                    if other.quantity.unit not in {"percent", "percentage point"}:
                        profile.values.add((value, other.quantity.unit))
                    if value >= 10:
                        profile.numbers.add(value)
                elif other.label is COUNTRY and other.countries:
                    profile.countries.add(other.countries[0])
        return profiles

    # -- other English documents -------------------------------------------------------------
    def _translations(self, corpus: Corpus, merges: dict[str, str]) -> list[Link]:
        """A Chinese name whose every part translates into an English name of one class in
        another document (“一带一路”新闻合作联盟 = "Belt and Road" News Cooperation Alliance)."""
        zh_names: dict[str, tuple[Document, Mention]] = {}
        en_names: dict[str, list[tuple[Document, Mention, str]]] = defaultdict(list)
        for doc in corpus.documents:
            for mention in _entity_mentions(doc):
                entity = corpus.entities.get(mention.entity or "")
                if entity is None or entity.type in {COUNTRY, PLACE}:
                    continue
                if mention.language == "zh" and mention.rule.startswith("zh-name"):
                    zh_names.setdefault(entity.id, (doc, mention))
                elif mention.language == "en":
                    en_names[entity.id].append((doc, mention, mention.text.lower()))
        links = []
        languages = _languages(corpus)
        texts = {lowered for occurrences in en_names.values() for _doc, _m, lowered in occurrences}
        translating: dict[str, set[str]] = {}  # glossary part -> English names it translates into
        for zh_id, (zh_doc, zh) in sorted(zh_names.items()):
            zh_target = _final(merges, zh_id)
            entity = corpus.entities[zh_id]
            parts = _GLOSSARY_RE.findall(_clean(zh.text))
            if len(parts) < 3:
                continue
            for part in parts:
                if part not in translating:
                    words = GLOSSARY[part]
                    translating[part] = {t for t in texts if any(w in t for w in words)}
            # every part must translate: the English names that qualify, found cheaply
            candidates = set.intersection(*(translating[part] for part in parts))
            if not candidates:
                continue
            best: list[tuple[float, str, Document, Mention, list[str]]] = []
            for en_id, occurrences in en_names.items():
                other = corpus.entities[en_id]
                if en_id == zh_target or _final(merges, en_id) == zh_target:
                    continue
                if "zh" in languages[en_id]:
                    continue
                for en_doc, en, lowered in occurrences:
                    if en_doc.id == zh_doc.id:
                        continue
                    if lowered not in candidates:
                        continue
                    decided = self.node_class(entity, other, [(zh_doc, zh)], [(en_doc, en)])
                    if decided is None:
                        continue
                    score, reasons = self.name_evidence(zh.text, en.text)
                    sounded = self.sound_alike(zh.text, en.text.lower()) >= 0.5
                    if score >= len(parts) + 1.0 and not self.uncovered(zh.text, en.text, sounded):
                        self._classes[zh_id, en_id] = decided[0]
                        best.append((score, en_id, en_doc, en, [decided[1], *reasons]))
                        break
            best.sort(key=lambda item: -item[0])
            if not best or (len(best) > 1 and best[0][0] - best[1][0] < MARGIN):
                continue
            score, en_id, en_doc, en, reasons = best[0]
            if en_id in merges:
                continue
            confidence = round(min(0.9, 0.4 + 0.08 * score), 2)
            links.append(
                self._join(corpus.entities, merges, (zh_doc, zh), (en_doc, en),
                           ("name-translation", confidence, reasons))
            )  # fmt: skip
        return links

    def _join(
        self,
        entities: dict[str, Entity],
        merges: dict[str, str],
        chinese: tuple[Document, Mention],
        english: tuple[Document, Mention],
        why: tuple[str, float, list[str]],
    ) -> Link:
        """Merge the entities of a Chinese and an English name of another document into one
        node of the class settled for them, and record it (``why``: the rule, a confidence
        and the evidence). A curated id names the node, else the id the Chinese name's node
        already has, else the English one."""
        (zh_doc, zh), (en_doc, en) = chinese, english
        zh_id, en_id = zh.entity or "", en.entity or ""
        zh_target = _final(merges, zh_id)
        if entities[en_id].from_lexicon and not entities[zh_target].from_lexicon:
            keep, drop = en_id, zh_target
        elif zh_target == zh_id and not entities[zh_id].from_lexicon:
            keep, drop = en_id, zh_id
        else:
            keep, drop = zh_target, en_id
        node = self._reclass(entities, keep, self._classes[zh_id, en_id], merges)
        merges[drop] = node
        rule, confidence, reasons = why
        return Link(
            node,
            rule,
            confidence,
            tuple(reasons),
            members=(drop,) if node == keep else (drop, keep),
            mentions=(_ref(zh_doc, zh), _ref(en_doc, en)),
            sentences=((zh_doc.id, zh.sentence), (en_doc.id, en.sentence)),
        )

    # -- names built on a known name ---------------------------------------------------------------
    def _nested(self, corpus: Corpus, merges: dict[str, str]) -> list[Link]:
        """A Chinese name built on the name of another known thing (“丝绸之路”中国政府奖学金项目
        on 中国政府奖学金) and an English name in another document that the same known thing
        qualifies, in its sentence ("the Silk Road Program under the Chinese Government
        Scholarship scheme") or in its own words ("Silk Road" Chinese Government Scholarship),
        when what the Chinese name adds translates the English name part by part."""
        languages = _languages(corpus)
        named: dict[tuple[str, int], set[str]] = defaultdict(set)  # entities of each sentence
        for doc in corpus.documents:
            for mention in _entity_mentions(doc):
                named[doc.id, mention.sentence].add(_final(merges, mention.entity or ""))
        links = []
        for zh_doc in corpus.documents:
            mentions = _entity_mentions(zh_doc)
            starts = [mention.start for mention in mentions]
            in_order = all(a <= b for a, b in zip(starts, starts[1:], strict=False))
            for zh in mentions:
                if zh.language != "zh" or not zh.rule.startswith("zh-name"):
                    continue
                # Only mentions starting inside this one can be inside it (mentions come
                # sorted by start; if not, all are looked at).
                first = bisect.bisect_left(starts, zh.start) if in_order else 0
                last = bisect.bisect_right(starts, zh.end) if in_order else len(mentions)
                inner = self._inner_name(corpus.entities, merges, zh, mentions[first:last])
                if inner is None:
                    continue
                inner_id, rest = inner
                found = self._nested_match(
                    corpus, merges, (languages, named), (zh_doc, zh), inner_id, rest
                )
                for en_doc, en, reasons, score in found:
                    zh_id = zh.entity or ""
                    if en.entity in merges or _final(merges, zh_id) == en.entity:
                        continue
                    confidence = round(min(0.85, 0.45 + 0.1 * score), 2)
                    links.append(
                        self._join(corpus.entities, merges, (zh_doc, zh), (en_doc, en),
                                   ("nested-translation", confidence, reasons))
                    )  # fmt: skip
        return links

    def _inner_name(
        self,
        entities: dict[str, Entity],
        merges: dict[str, str],
        zh: Mention,
        mentions: list[Mention],
    ) -> tuple[str, str] | None:
        """The known thing whose name a Chinese name is built on (a project, mechanism,
        organization or corridor with an English label), and the rest of the Chinese name."""
        for inner in mentions:
            if not (zh.start <= inner.start and inner.end <= zh.end) or inner.entity == zh.entity:
                continue
            if (inner.start, inner.end) == (zh.start, zh.end) or inner.language != "zh":
                continue
            inner_id = _final(merges, inner.entity or "")
            entity = entities.get(inner_id)
            if entity is None or entity.type not in {_P, _M, _O, CORRIDOR}:
                continue
            if "en" in entity.labels:
                rest = zh.text[: inner.start - zh.start] + " " + zh.text[inner.end - zh.start :]
                return inner_id, rest
        return None

    def _nested_match(
        self,
        corpus: Corpus,
        merges: dict[str, str],
        seen: tuple[dict[str, set[str]], dict[tuple[str, int], set[str]]],
        chinese: tuple[Document, Mention],
        inner_id: str,
        rest: str,
    ) -> list[tuple[Document, Mention, list[str], float]]:
        """The best English name per other document for a Chinese name built on ``inner_id``:
        the known thing qualifies it, and the rest of the Chinese name (``rest``) translates it
        part by part, head included; a head that only says "a project" (项目) may be left out
        when the English name holds the known name itself ("Silk Road" Chinese Government
        Scholarship), not when only its sentence does (the quoted "Silk Road" after "the Chinese
        government scholarship on" is too little a name to stand for the programme). ``seen``
        holds the languages each entity is named in and the entities of each sentence."""
        languages, named = seen
        zh_doc, zh = chinese
        entity = corpus.entities[zh.entity or ""]
        inner = corpus.entities[inner_id]
        parts = _GLOSSARY_RE.findall(_clean(rest))
        head = _HEAD_RE.search(_clean(zh.text))
        optional = {head.group()} & _TYPE_HEADS if head else set()
        if not [p for p in parts if p not in optional] or self.unexplained(rest):
            return []  # nothing of its own, or a part that no glossary entry explains
        names = {name.lower() for name, lang in inner.alt_labels if lang == "en"}
        names.add(inner.labels["en"].lower())
        inner_names = sorted(names, key=len, reverse=True)  # "Luban Workshops" before "…Workshop"
        found = []
        for doc in corpus.documents:
            if doc.id == zh_doc.id:
                continue  # the same document's English is parallel text
            best: list[tuple[float, Mention, list[str]]] = []
            for en in _entity_mentions(doc):
                en_id = en.entity or ""
                if en.language != "en" or "zh" in languages[en_id] or en_id in merges:
                    continue
                if en_id in {inner_id, _final(merges, zh.entity or "")}:
                    continue
                lowered = en.text.lower()
                inside = next((n for n in inner_names if _has_words(lowered, n)), None)
                if inside is None and inner_id not in named[doc.id, en.sentence]:
                    continue
                own = lowered.replace(inside, " ") if inside else lowered
                missed = [
                    p
                    for p in parts
                    if not any(w in own for w in GLOSSARY[p]) and not (inside and p in optional)
                ]
                if missed or self.uncovered(rest, own, False):
                    continue
                decided = self.node_class(entity, corpus.entities[en_id], [chinese], [(doc, en)])
                if decided is None:
                    continue
                translated = [p for p in parts if any(w in own for w in GLOSSARY[p])]
                where = "in its name" if inside else "in its sentence"
                reasons = [
                    decided[1],
                    f"built on {inner.labels.get('zh', inner_id)} = {inner.labels['en']}, "
                    f"named {where}",
                    "name parts translate: " + ", ".join(translated),
                ]
                self._classes[zh.entity or "", en_id] = decided[0]
                best.append((float(len(translated)), en, reasons))
            best.sort(key=lambda item: -item[0])
            if best and (len(best) == 1 or best[0][0] - best[1][0] >= MARGIN):
                found.append((doc, best[0][1], best[0][2], best[0][0]))
        return found

    # -- compounds of countries ------------------------------------------------------------------
    def _compounds(self, corpus: Corpus, merges: dict[str, str]) -> list[Link]:
        """中吉乌铁路 and "China-Kyrgyzstan-Uzbekistan railway" (in any English document): the
        same countries in the same order and the same head, and between them, if anything, a
        transliteration that sounds alike (中塔卡尔巴克铁路 = "China-Tajikistan Karbak Railway")."""
        zh_names: dict[str, tuple[Document, Mention, tuple[str, ...]]] = {}
        for doc in corpus.documents:
            for mention in _entity_mentions(doc):
                codes = _compound_codes(_clean(mention.text), self._prefixes)
                if mention.language == "zh" and len(codes) > 1:
                    zh_names.setdefault(mention.entity or "", (doc, mention, codes))
        if not zh_names:
            return []
        english_names = [
            (doc, en, _HYPHENS_OR_SPACES.split(en.text.lower().replace("–", "-")))
            for doc in corpus.documents
            for en in _entity_mentions(doc)
            if en.language == "en"
        ]  # each English name's words, split once for all the Chinese names
        links = []
        for zh_id, (zh_doc, zh, codes) in sorted(zh_names.items()):
            entity = corpus.entities.get(zh_id)
            head = _HEAD_RE.search(_clean(zh.text))
            if entity is None or head is None or head.group() not in GLOSSARY:
                continue
            middle = _clean(zh.text)[len(codes) : head.start()]
            for doc, en, words in english_names:
                other = corpus.entities.get(en.entity or "")
                if other is None or en.entity in merges:
                    continue
                if en.entity in {zh_id, _final(merges, zh_id)}:
                    continue
                if other.from_lexicon and entity.from_lexicon:
                    continue
                english = [self._country_code(word) for word in words[: len(codes)]]
                if english != list(codes):
                    continue
                rest = _BRACKETED.sub("", " ".join(words[len(codes) :]))
                between = self._between(middle, rest, GLOSSARY[head.group()])
                if between is None:
                    continue
                decided = self.node_class(entity, other, [(zh_doc, zh)], [(doc, en)])
                if decided is None:
                    continue
                self._classes[zh_id, other.id] = decided[0]
                reasons = [
                    decided[1],
                    f"{zh.text} = {en.text}: countries " + "-".join(codes),
                    *between,
                    f"head {head.group()} = {GLOSSARY[head.group()][0]}",
                ]
                links.append(
                    self._join(corpus.entities, merges, (zh_doc, zh), (doc, en),
                               ("compound-translation", 0.9, reasons))
                )  # fmt: skip
        return links

    def _between(self, middle: str, rest: str, heads: tuple[str, ...]) -> tuple[str, ...] | None:
        """Whether the English ``rest`` after a compound's countries is the Chinese ``middle``
        (between its prefix and its head) and then the head: nothing before the head when
        the middle is empty, else words that sound like it (卡尔巴克 ≈ Karbak). The reasons,
        or None."""
        for head in heads:
            at = rest.find(head)
            if at < 0 or (at > 0 and rest[at - 1] != " "):
                continue
            before = rest[:at].strip()
            if not middle:
                return () if not before else None
            if before and _translates(middle, before):
                return (f"{middle} translates as {before}",)  # 中哈数字走廊 = …Digital Corridor
            similarity = self.sound_alike(middle, before) if before else 0.0
            if similarity >= 0.5:
                return (f"{middle} sounds like {before} ({similarity:.2f})",)
            return None
        return None

    # -- merging ------------------------------------------------------------------------------
    def _apply(self, corpus: Corpus, merges: dict[str, str]) -> None:
        """Rewrite entity ids in mentions and facts, and merge the labels."""
        if not merges:
            return

        def final(entity_id: str) -> str:
            return _final(merges, entity_id)

        for doc in corpus.documents:
            for mention in doc.mentions:
                if mention.entity in merges:
                    mention.entity = final(mention.entity)
                    node = corpus.entities.get(mention.entity)
                    if node is not None:
                        mention.label = node.type  # a link may have settled another class
            facts = []
            for fact in doc.facts:
                fact.subject = final(fact.subject)
                if fact.object:
                    fact.object = final(fact.object)
                if fact.object != fact.subject:
                    facts.append(fact)
            doc.facts = facts
        for source in sorted(merges):
            target = corpus.entities.get(final(source))
            merged = corpus.entities.pop(source, None)
            if target is None or merged is None:
                continue
            for language, label in merged.labels.items():
                if language not in target.labels:
                    target.labels[language] = label
                elif label != target.labels[language]:
                    target.alt_labels.add((label, language))
            target.alt_labels |= merged.alt_labels
            target.alt_labels = {
                (text, lang) for text, lang in target.alt_labels if text != target.labels.get(lang)
            }


# -- alignment of a document's two language parts ----------------------------------------------


class _Blocks:
    """The two language parts of a bilingual document cut at the headings they share."""

    def __init__(self, zh: list[tuple[int, str]], en: list[tuple[int, str]]) -> None:
        self.zh = zh  # (start offset, label) of each shared heading, in order
        self.en = en
        self._zh_starts = [start for start, _label in zh]
        self._en_starts = [start for start, _label in en]

    def zh_place(self, position: int) -> tuple[int, float]:
        """The block a Chinese position lies in, and how far into it (a share of the block)."""
        return _place(self._zh_starts, position)

    def en_place(self, position: int) -> tuple[int, float]:
        return _place(self._en_starts, position)

    def label(self, zh_position: int) -> str:
        index = _last_at_or_before(self._zh_starts, zh_position)
        return self.zh[index][1] if index >= 0 else "opening"


def _last_at_or_before(starts: list[int], position: int) -> int:
    """The index of the last heading starting at or before ``position``, -1 if none."""
    return bisect.bisect_right(starts, position) - 1


def _place(starts: list[int], position: int) -> tuple[int, float]:
    """The block ``position`` lies in (-1 before the first heading), and how far into it, as a
    share of the block: two positions at equal shares are at the same place."""
    index = _last_at_or_before(starts, position)
    start = starts[index] if index >= 0 else 0
    end = starts[index + 1] if index + 1 < len(starts) else position + 1
    return index, (position - start) / max(1, end - start)


def _blocks(doc: Document) -> _Blocks:
    """Shared headings: numbered sections by number (the last, after any table of contents),
    chapters, and the k-th box (【知识卡片】 = Fact Box) and k-th subheading (—— = —) of each
    part when both parts have as many; kept only while they run in the same order."""
    kinds: dict[str, dict[str, list[tuple[int, str]]]] = {"zh": defaultdict(list),
                                                          "en": defaultdict(list)}  # fmt: skip
    paragraph = -1
    for sentence in doc.sentences:
        first = sentence.paragraph != paragraph
        paragraph = sentence.paragraph
        if not first or sentence.language not in kinds:
            continue
        text = sentence_text(doc, sentence)[0].strip()
        key = _heading_kind(text, sentence.language)
        if key is not None:
            kinds[sentence.language][key].append((sentence.start, text))
    pairs: list[tuple[tuple[int, str], tuple[int, str]]] = []
    for key, zh_list in kinds["zh"].items():
        en_list = kinds["en"].get(key, [])
        if key in {"box", "sub"}:
            if len(zh_list) == len(en_list):
                pairs += list(zip(zh_list, en_list, strict=True))
        elif zh_list and en_list:
            pairs.append((zh_list[-1], en_list[-1]))
    pairs.sort()
    kept: list[tuple[tuple[int, str], tuple[int, str]]] = []
    for pair in pairs:  # keep a monotone chain (greedy: the shared headings are in order)
        if not kept or pair[1][0] > kept[-1][1][0]:
            kept.append(pair)
    return _Blocks([zh for zh, _en in kept], [en for _zh, en in kept])


def _heading_kind(text: str, language: str) -> str | None:
    if language == "zh":
        if text.startswith("【知识卡片】"):
            return "box"
        if text.startswith("——"):
            return "sub"
        chapter = _CHAPTER_ZH.match(text)
        if chapter:
            return f"chapter {_CHAPTERS[chapter.group(1)]}"
    else:
        if text.lower().startswith("fact box"):
            return "box"
        if text.startswith("—") and not text.startswith("——"):
            return "sub"
        chapter = _CHAPTER_EN.match(text)
        if chapter:
            return f"chapter {chapter.group(1).lower()}"
    section = _SECTION.match(text)
    return f"section {section.group(1)}.{section.group(2)}" if section else None


# -- helpers -----------------------------------------------------------------------------------


def _entity_mentions(doc: Document) -> list[Mention]:
    return [m for m in doc.mentions if m.kind is ENTITY and m.entity]


def _languages(corpus: Corpus) -> dict[str, set[str]]:
    """The languages each entity is mentioned in, across the corpus."""
    languages: dict[str, set[str]] = defaultdict(set)
    for doc in corpus.documents:
        for mention in _entity_mentions(doc):
            languages[mention.entity or ""].add(mention.language)
    return languages


def _canonical(entities: dict[str, Entity], zh: str, en: str) -> tuple[str, str]:
    """Which id the linked node keeps (and which it drops): a curated (lexicon) id, else the
    English one, whose IRI reads the same in every tool."""
    if entities[zh].from_lexicon and not entities[en].from_lexicon:
        return zh, en
    return en, zh


def _redirect(link: Link, merges: dict[str, str]) -> Link:
    link.entity = _final(merges, link.entity)
    return link


def _final(merges: dict[str, str], entity_id: str) -> str:
    """The id that ``entity_id`` ends up merged into, following a chain of merges."""
    seen = set()
    while entity_id in merges and entity_id not in seen:
        seen.add(entity_id)
        entity_id = merges[entity_id]
    return entity_id


def _ref(doc: Document, mention: Mention) -> tuple[str, int, int]:
    """A mention as (document, start, end) in the original file: what its IRI is made of."""
    start, end = doc.raw_span(mention.start, mention.end)
    return doc.id, start, end


def _variant(first: str, second: str) -> bool:
    """One name inside the other: two spellings of one thing, not two candidates."""
    a, b = _clean(first).lower(), _clean(second).lower()
    return a in b or b in a


def _project_cue(doc: Document, mention: Mention) -> str:
    """The words by which the text calls ``mention`` a project or programme ("" if none)."""
    named = _PROJECT_NAME.search(mention.text)
    if named:
        return named.group()
    after = doc.text[mention.end : mention.end + 60]
    found = (_PROJECT_AFTER_ZH if mention.language == "zh" else _PROJECT_AFTER_EN).match(after)
    if found:
        return found.group().strip()
    if mention.language != "zh":
        before = _PROJECT_BEFORE_EN.search(doc.text[max(0, mention.start - 40) : mention.start])
        if before:
            return before.group().strip()
    return ""


def _has_words(text: str, words: str) -> bool:
    """``words`` occur in ``text`` as whole words."""
    return _whole_words(words).search(text) is not None


@lru_cache(maxsize=4096)
def _whole_words(words: str) -> re.Pattern[str]:
    """Compiled once per phrase: the linker asks about the same few hundred many times."""
    return re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")


@lru_cache(maxsize=65536)
def _clean(text: str) -> str:
    """A name without its spaces; cached, as the linker cleans the same names many times."""
    return _SPACES.sub("", text)


def _short_form(short: str, long: str) -> bool:
    """``short`` keeps the first two and the last four characters of ``long`` and is its
    subsequence: 迪拜光热光伏综合发电项目 of 迪拜马克图姆太阳能公园四期光热光伏综合发电项目."""
    if len(short) < 6 or len(short) >= len(long) or short[:2] != long[:2]:
        return False
    if short[-4:] != long[-4:]:
        return False
    remaining = iter(long)
    return all(char in remaining for char in short)


def _compound_codes(name: str, prefixes: dict[str, str]) -> tuple[str, ...]:
    """The countries of a compound name (中吉乌 -> CN, KG, UZ), by the lexicon's one-character
    country ``prefixes``."""
    if not name.startswith("中") or name.startswith("中国"):
        return ()
    codes = ["CN"]
    for char in name[1:]:
        code = prefixes.get(char)
        if code is None or code in codes:
            break
        codes.append(code)
    return tuple(codes)


def _translates(middle: str, english: str) -> bool:
    """Whether the Chinese ``middle`` is glossary parts end to end (数字, 绿色发展) and the
    ``english`` words are their translations in that order (a stem such as "touris" ends
    with its word), with nothing else but "and"."""
    rest = english
    position = 0
    for part in _GLOSSARY_RE.finditer(middle):
        if part.start() != position:
            return False
        position = part.end()
        rest = rest.removeprefix("and ")
        found = next((t for t in GLOSSARY[part.group()] if rest.startswith(t)), None)
        if found is None:
            return False
        end = rest.find(" ", len(found))
        rest = "" if end < 0 else rest[end + 1 :]
    return position == len(middle) and not rest


_ENGLISH_HEAD = re.compile(
    r"\b(?:railway|rail|road|highway|bridge|port|terminal|station|plant|park|zone|airport|"
    r"hospital|forum|summit|expo|alliance|coalition|mechanism|partnership|platform|"
    r"secretariat|committee|commission|council|association|university|academy|college|"
    r"institute|company|corporation|center|centre|ministry|initiative|principles|course|"
    r"program|programme|project|conference|seminar|symposium|dialogue|day|festival)s?\b"
)


# Letters by how they sound across pinyin and English spellings of one name: voiced and
# voiceless pairs, l/r, the sibilants, and all vowels alike.
_SOUND = str.maketrans(
    {**dict.fromkeys("aeiouy", "v"), **dict.fromkeys("bp", "b"), **dict.fromkeys("dt", "d"),
     **dict.fromkeys("gkcq", "k"), **dict.fromkeys("lr", "l"), **dict.fromkeys("fvw", "f"),
     **dict.fromkeys("szxj", "s"), "h": None}
)  # fmt: skip


def _sound(letters: str) -> str:
    skeleton = letters.lower().translate(_SOUND)
    return _REPEATS.sub(r"\1", skeleton)


def _dice(first: str, second: str) -> float:
    """Dice coefficient of the letter pairs of two sound skeletons."""
    a = [first[i : i + 2] for i in range(len(first) - 1)]
    b = [second[i : i + 2] for i in range(len(second) - 1)]
    if not a or not b:
        return 0.0
    remaining = list(b)
    common = 0
    for pair in a:
        if pair in remaining:
            remaining.remove(pair)
            common += 1
    return 2 * common / (len(a) + len(b))


def _stem(name: str) -> str:
    """A country name's stem, so that "Chinese", "Kenyan" and "Ethio-" find their country."""
    if len(name) >= 7:
        return name[:5]
    return name[: max(4, len(name) - 2)] if len(name) > 4 else name


# English words that make two names different things: parts, phases, editions.
_DISTINCT = frozenset(
    "phase section line unit stage branch campus i ii iii iv v vi first second third new".split()
)


_STOP_EN = frozenset(
    "the of for and in on to a an with at by bri along countries country partner between".split()
)
