"""Stage 5: relations between resolved mentions, each with the sentence it was read from.

Every rule is a small function over one sentence (or one paragraph, for scope like "Along the
China-Pakistan Economic Corridor, ..."), so each fact records the rule that produced it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import product
from operator import attrgetter

from brikg.ir import (
    CORRIDOR,
    COUNTRY,
    DATE,
    ENTITY,
    INITIATIVE,
    MECHANISM,
    ORGANIZATION,
    PERSON,
    PLACE,
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
from brikg.lexicon import Lexicon, fold
from brikg.places import NOT_PLACE_WORDS, city_country, region_country
from brikg.recognize.dates import DATELINE
from brikg.recognize.names import HEADS, NAME_PARTICLES, ORDINALS
from brikg.recognize.quantities import is_sum
from brikg.recognize.tokens import norm_token
from brikg.segment import Tables
from brikg.vocab import STOP_KINDS

AGENTS = frozenset({EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.PERSON})
THINGS = frozenset(
    {
        PROJECT,
        CORRIDOR,
        MECHANISM,
        INITIATIVE,
        STRATEGY,
    }
)

EVENT_SUBJECTS = THINGS | {EntityType.ORGANIZATION}
# Things built, which a sum can be the cost of or be lent for (not an initiative or a mechanism,
# under which a sum is lent).
WORKS = frozenset({PROJECT, CORRIDOR})
# What is proposed: PROPOSABLE, and in English a project too ("The X Railway had been proposed
# by Senator Y in 2021").
PROPOSED = PROPOSABLE | {EntityType.PROJECT}
# What can be opened, signed, held ...: an organisation is established, not signed or opened;
# its part in an event is that of a party.
EVENT_SUBJECT_TYPES: dict[str, frozenset[EntityType]] = {
    "establishment": EVENT_SUBJECTS,
    "launch": THINGS,
    "holding": frozenset({MECHANISM}),
    "signing": frozenset({MECHANISM, PROJECT, STRATEGY}),
    "proposal": PROPOSED,
    "announcement": THINGS,
    "opening": frozenset({PROJECT, CORRIDOR, MECHANISM}),
    "completion": frozenset({PROJECT, CORRIDOR}),
    "startOfOperation": frozenset({PROJECT, CORRIDOR, MECHANISM}),
    "suspension": frozenset({PROJECT, CORRIDOR, MECHANISM}),
    "resumption": frozenset({PROJECT, CORRIDOR, MECHANISM}),
    "cancellation": frozenset({PROJECT, CORRIDOR, MECHANISM}),
}

# "initiated the X" proposed it, but "initiated construction of the X" launched work on it.
_INITIATED = r"initiated\b(?!\s+(?:the\s+)?(?:construction|work|works|building)\b)"
EVENT_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern, re.I))
    for kind, pattern in (
        (
            "startOfOperation",
            r"\b(?:became|become|becomes|is|was|are|were|been|be)\s+(?:fully\s+)?operational\b|"
            r"\b(?:began|begun|begin|started|start|commenced|commence|entered|enter|went|go|put)\s+"
            r"(?:into\s+|full\s+)?"
            r"(?:operations?|service)\b|\bput\s+into\s+(?:commercial\s+)?(?:operation|use|service)\b|"
            # a plant's or a mine's first output: "began production", "started generating power"
            r"\b(?:began|begun|begin|started|start|commenced|commence)\s+(?:commercial\s+|full\s+)?"
            r"(?:production|producing|generating|generation|power\s+generation|operating)\b|"
            r"\bentered\s+into\s+operation\b|\bcommercial\s+operation\b|"
            r"\b(?:entered|came)\s+into\s+(?:force|effect)\b|\btook\s+effect\b|"
            r"\b(?:was|were|been|is|are|be)\s+(?:officially\s+|fully\s+)?commissioned\b|"
            r"\bconnected\s+to\s+the\s+(?:\w+\s+){0,2}?grid\b",  # a plant's 并网
        ),
        (
            "opening",
            r"\bopen(?:ed|s)?\s+to\s+traffic\b|\b(?:was|were|been|be|officially)\s+opened\b|"
            r"\bopening\s+of\b|\binaugurated\b|\bopened(?=\s+(?:in|on)\s)"
            r"|(?<!\bbe\s)\bopen(?=\s+(?:in|on|by)\s)",  # not "will be open in 2027"
        ),
        (
            "completion",
            r"\b(?:was|were|been|is|are|being|be)\s+(?:fully\s+|successfully\s+)?completed\b|"
            r"\bcompletion\s+of\b|"
            # after a comma ("the X, completed in 2019,") or opening a table's cell ("| completed")
            r"(?:(?<=,\s)|(?<=\|\s))completed(?=\s+(?:in|on|by)\s)",
        ),
        (
            "suspension",
            r"\bsuspend(?:ed|s)?\b|\bsuspension\s+of\b|\bhalt(?:ed|s)?\b|\bstall(?:ed|s)\b|"
            r"\bput\s+on\s+hold\b|\b(?:was|were|been|is|are)\s+on\s+hold\b|\bshelved\b|"
            r"\bmothballed\b|\bshut\s+down\b|\bfro(?:ze|zen)\b",
        ),
        (
            "resumption",
            r"\bresum(?:ed|es|ption\s+of)\b|\brestarted\b|\breopened\b|"
            r"\b(?:was|were|been|being)\s+revived\b",
        ),
        (
            "cancellation",
            r"\bcancel(?:l?ed|s|lation\s+of)\b|\bscrapped\b|\bscrapping\s+of\b|"
            r"\bterminated\b|\btermination\s+of\b|\bcalled\s+off\b|\babandoned\b",
        ),
        ("signing", r"\bsign(?:ed|ing)\b|\bsign\b(?!\s+of\b)|\binked\b"),
        ("establishment", r"\bestablish(?:ed|ment\s+of)\b|\bset\s+up\b|\bfounded\b|\bcreated\b"),
        (
            "launch",
            r"\blaunch(?:ed|ing)?\b|\bkicked\s+off\b|\b(?:broke|break)\s+ground\b|\bgroundbreaking\b|"
            r"\b(?:began|begun|begin|started|start|commenced|commence|got\s+under\s?way)\b"
            r"(?!\s+(?:commercial\s+|full\s+|trial\s+)?(?:operations?|service|to\b|running\b))",
        ),
        (
            "holding",
            r"\b(?:was|were|been|be|is|are)\s+(?:successfully\s+)?held\b|\bhosted\b|\bconvened\b|"
            r"\b(?:took|take)\s+place\b",
        ),
        (
            "proposal",
            r"\bpropos(?:ed|al\s+of|ing)\b|\bput\s+forward\b|\bput\s+forth\b|\b" + _INITIATED,
        ),
        (
            "announcement",
            r"\bannounc(?:ed|ing)\b|\bunveiled\b|\breleased\b|\bissued\b|\bpublished\b",
        ),
    )
]
_ALIGN = re.compile(
    r"\balign|\bsynerg|\bdock|\bconnect(?:ing|ed)?\s+with\b|\bintegrat|\bcomplement|\bcoordinat|\blink(?:ing|ed)?\s+(?:up\s+)?with",
    re.I,
)
# What can be aligned with what (the ontology's alignedWith domain and range).
ALIGNABLE = frozenset(
    {
        INITIATIVE,
        CORRIDOR,
        MECHANISM,
        STRATEGY,
        ORGANIZATION,
    }
)
# "is (closely) aligned with": a passive whose subject is aligned with the names after "with".
_ALIGNED_WITH = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:[a-z]+ly\s+)?(aligned\s+with\s+)"
)
# Before an aligned name: its owner's possessive and a quote ("Thailand's \"Z\""); between two,
# the rest of the first ("\" strategy") and a comma or "and (with) the".
_ALIGNED_LEAD = r"(?:the\s+)?(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}['’]s\s+)?[\"“]?"
_ALIGNED_FIRST = re.compile(_ALIGNED_LEAD)
_ALIGNED_NEXT = re.compile(
    r"[\"”]?(?:\s+[a-z-]+){0,3}?\s*(?:,\s*(?:and\s+)?|and\s+|as\s+well\s+as\s+)(?:also\s+)?"
    r"(?:with\s+)?" + _ALIGNED_LEAD
)
_SCOPE = re.compile(r"(?:^(?:Along|Under|Within|Across|On|In)|\b[Aa]long)\s+(?:the\s+)?$")
# "in southern Laos": a part of the country is in it.
_COMPASS = (
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern"
    r"|north-?western|south-?eastern|south-?western)\s+)?"
)
_VERB_OF_PLACE = (
    r"(?:(?:is|are|was|were|lies|sits|stands)\s+)?(?:(?:located|based|situated|sited|built)\s+)?"
)


def _apposition(word: str) -> str:
    """ "a major port", "the largest such project site": an article and up to four ``word``s."""
    return r"(?:(?:a|an|the)\s+(?:" + word + r"\s+){0,4}?)?(?:(?:project|site|facility)\s+)?"


_LOWERCASE_WORD = r"[a-z][\w-]*"
# "X in Y", "X, located in Y", "X, a major port in Y" (an apposition of lowercase words).
_IN_LEAD = (
    r"\s*,?\s*" + _apposition(_LOWERCASE_WORD) + _VERB_OF_PLACE + r"in\s+(?:the\s+)?" + _COMPASS
)
# The English words for a country's subdivisions: "Osh Region", "the Sindh province".
_REGION_KIND = (
    r"(?:[Aa]utonomous\s+)?(?:[Rr]egion|[Pp]rovince|[Ss]tate|[Oo]blast|[Cc]ounty|[Dd]istrict"
    r"|[Gg]overnorate|[Pp]refecture|[Dd]ivision|[Dd]epartment|[Mm]unicipality|[Tt]erritory)"
)
# "X in the Sindh province of Pakistan": the country that holds the region.
_IN_COUNTRY = re.compile(
    "^" + _IN_LEAD + r"(?:(?:[A-Z][\w'-]*\s+){1,3}" + _REGION_KIND + r"\s+of\s+(?:the\s+)?)?$"
)
# "X, located in Mombasa", "X in Osh Region", "X in Xinjiang Uygur Autonomous Region": a city or
# a region, whose country the gazetteers know (its words capitalised, "Dar es Salaam" too).
_PARTICLE = r"(?:(?:es|el|al|de|da|di|du|la|le|los|las|del|des|van|von|der|den)\s+){0,2}"
# The same lead before a place that is no country: "in the port city of Gwadar", its apposition
# with no word that starts another phrase ("a rival to a plant in X", "a partner of firms in X":
# the place is another's); and "near", "outside", "close to" or "on the outskirts of" a city
# right after the name or a verb of place (read for cities only: a region or country next door
# is another's; "a project close to Beijing", "the first plant outside Qingdao" say no place).
_PLACE_LEAD = (
    r"\s*,?\s*(?:"
    + _apposition(r"(?!(?:of|to|for|with|from|by|and|or|a|an|the)\s)" + _LOWERCASE_WORD)
    + _VERB_OF_PLACE
    + r"in|"
    + _VERB_OF_PLACE
    + r"(?P<near>near|outside|close\s+to|on\s+the\s+outskirts\s+of))\s+(?:the\s+)?"
    + _COMPASS
    + r"(?:(?:port|capital|coastal|border|provincial|industrial)\s+)?"
    + r"(?:(?:city|town|village)\s+of\s+)?"
)
_IN_PLACE = re.compile(
    _PLACE_LEAD + r"(?P<place>[A-Z][\w'’-]*(?:\s+" + _PARTICLE + r"[A-Z][\w'’-]*)*?)"
    r"(?:\s+(?P<kind>" + _REGION_KIND + r"))?(?![\w'’-]|\s+" + _PARTICLE + r"[A-Z])"
)
# After the place, a country that says where it is ("in Osh Region, Kyrgyzstan", "in the Sindh
# province of Pakistan"): the rules on countries read that.
# "in Hyderabad, Sindh", "in the Gulf of Aden": a place that another qualifies is left alone.
# "an investor in Tashkent Region said": the place of a speaker.
_QUALIFIED_PLACE = re.compile(r"\s*,\s+(?:the\s+)?[A-Z]|\s+of\b|\s+(?:said|says|told)\b")
# "Located in Zambia, the X ...": a fronted location.
_FRONTED_IN = re.compile(r"(?:Located|Situated|Based|Sited)\s+in\s+(?:the\s+)?" + _COMPASS + "$")
_OPENING_BRACKET = re.compile(r"\s*\(\s*")
_CLOSING_BRACKET = re.compile(r"\s*\)")
_IN_CITY_COUNTRY = re.compile(
    r"^\s*,?\s*in\s+[A-Z][\w'-]*(?:\s" + _PARTICLE + r"[A-Z][\w'-]*){0,2},\s+(?:the\s+)?$"
)
# "the X Bridge, connecting A and B", "the X Railway links A with B", "the X Highway between
# A and B" (right after the name: "cooperation between A and B" names parties instead).
_CONNECTING = re.compile(
    r",?\s*(?:(?:which|that)\s+)?(?:(?:will|would)\s+)?(?:connect(?:s|ing)?|link(?:s|ing)?"
    r"|join(?:s|ing)?|(?:runs?|running|stretch(?:es|ing)?)\s+between|between"
    r"|(?:(?:runs?|running|stretch(?:es|ing)?)\s+|carr(?:y|ies|ying)\s+(?:[a-z\d.,]+\s+){0,8}?)from)"
    r"\s+(?:the\s+)?"
)
# "connects the Zambian mining town of Solwezi with the Angolan port city of Lobito": two places,
# each after a description ending in "of", whose countries the gazetteer knows.
_PLACE = r"(?:(?:[\w-]+\s+){0,4}?of\s+(?:the\s+)?)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})"
_CITY_LINK = re.compile(_PLACE + r"\s+(with|and|to)\s+(?:the\s+)?" + _PLACE + r"\b")
# Every form _CONNECTING matches has one of these.
_CONNECTING_CUES = ("connect", "link", "join", "between", "run", "stretch", "carr")
# An appositive noun phrase after a name, before what it says of the name: ", a 420-km toll road".
_NOUN_APPOSITIVE = re.compile(r",\s+(?:a|an)\s+[\w\s-]{1,50}?")
_LINK_VERB = re.compile(r"connect|link|join")
_WORD = re.compile(r"[a-z]+")
_LINKED_TO = re.compile(r"\s+(?:with|to|and)\s+(?:the\s+)?")
_DIRECTION = re.compile(
    r"(?:Central|Western|Eastern|Northern|Southern|West|East|North|South|Southeast|Northeast"
    r"|Southwest|Northwest)\s+"
)
# World regions a place compound may join to a country: "China-Central Asia", "Western Europe".
_REGION = re.compile(
    r"(?:" + _DIRECTION.pattern + r")?(?:Asia|Europe|Africa|Americas?|Oceania|Eurasia"
    r"|Latin\s+America|Middle\s+East|Caribbean|Balkans|Caucasus|Mediterranean)\b"
)
_POSSESSIVE = re.compile(r"^['’]s\s+(?:(?:new|first|largest|biggest|key|major|flagship)\s+)?$")
_INCLUDING_CUES = frozenset({"including", "such"})
_INCLUDING = re.compile(r"\bin\s+(?:the\s+)?$")
_PARTY_CUES = frozenset({"between", "by", "venture", "investment", "financing", "funding"})
# "jointly built by A and B", "between A and B", "financed by a US$2 billion loan from the X Bank"
# (the lender financed it), "with an investment of US$640 million from the X Fund": the parties
# named after it.
_PARTY_TRIGGER = re.compile(
    r"\b(?:between|jointly\s+(?:built|constructed|developed|funded|financed|operated)\s+by|"
    r"(?:built|constructed|developed|operated|financed|funded|undertaken|contracted|(?:co-)?chaired"
    r"|co-hosted|(?:co-)?organi[sz]ed|upgraded|expanded|moderni[sz]ed|renovated|rehabilitated"
    r"|designed|managed)\s+by"
    r"(?:\s+(?:an?\s+)?(?:[\w$.,-]+\s+){0,4}?(?:loans?|grants?|credits?)\s+from)?|"
    r"with\s+(?:an?\s+)?(?:investment|financing|funding)\s+(?:of\s+(?:[\w$.,-]+\s+){1,4}?)?from|"
    r"joint\s+venture\s+(?:between|of))\s+",
    re.I,
)
# A project's parties as news reports them (Relater._roles): borrowers and their lender
# ("Kenya and Uganda secured a $2.4 billion loan from China's Export-Import Bank to build the
# X"), a contractor ("C won the engineering, procurement and construction contract for the Y",
# "C was awarded a contract to build the Y") and an operator ("L will operate the Z").
_BORROWED = re.compile(
    r"\b(?:secured|secures|obtained|obtains|received|receives|signed|signs|took\s+out|takes"
    r"\s+out|negotiated|negotiates|raised|raises)\s+(?:an?\s+|the\s+)?(?:(?!(?:about|over"
    r"|regarding|against|into|on|with|to|of|for|and|but)\b)[\w$.,-]+\s+){0,5}?"
    r"(?:loans?|financing|funding|credits?|credit\s+line)\s+from\s+",
    re.I,
)
_CONTRACTED = re.compile(
    r"\b(?:won|wins|secured|secures|landed|lands|(?:was|were|has\s+been|have\s+been)\s+awarded)"
    r"\s+(?:an?\s+|the\s+)?(?:(?![a-z]+ed\b)[\w$.,-]+\s+){0,6}?contracts?(?=[\s,])",
    re.I,
)
# "C is the main contractor for the X", "C, the EPC contractor of the Y,": the work after it.
_CONTRACTOR_FOR = re.compile(
    r"(?:\b(?:is|was|are|were|be|been|as)\s+|,\s+)(?:the\s+|a\s+)?(?:main\s+|lead\s+|general\s+"
    r"|principal\s+|EPC\s+|sole\s+)?contractors?\s+(?:for|of|on)\s+"
)
_OPERATES = re.compile(
    r"\b(?:(?:will|would|to)\s+(?:operate|run|manage|maintain)|operates|manages)(?=\s)", re.I
)
# What a loan or contract is for, after the lender or the contract: "to build the X", "for the
# construction of the Y".
_FOR_WORK = re.compile(
    r"\s*(?:worth\s+[^,;]{1,30}?\s+)?(?:in\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+)?(?:to\s+(?:help\s+)?(?:build|finance|fund|construct"
    r"|complete|extend|upgrade|expand|develop|moderni[sz]e|design|operate)|for|on)\s+"
    r"(?:(?:the\s+)?(?:construction|financing|development|expansion|extension|upgrad(?:e|ing)"
    r"|operation|(?:first|second|third)\s+(?:phase|section))\s+of\s+)?"
)
_ROLE_CUES = frozenset(
    "loan loans financing funding credit credits contract contracts contractor contractors"
    " operate operates run manage manages maintain".split()
)
# A subject's appositive before its verb: "L, a joint venture between A and B, will operate";
# else only auxiliaries and adverbs between them ("X outbid Y and won": not Y).
_APPOSITIVE_BEFORE_VERB = re.compile(r",\s+(?:an?|the|which|who|whose)\s+[^;]+?,\s*")
_POSSESSIVE_GAP = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}")
# Who awarded a contract, before what it is for: "won a contract from the Y Authority to build".
_FROM_CLIENT = re.compile(r"\s+from\s+")
_AUXILIARIES = re.compile(
    r"\s+(?:(?:has|have|had|will|would|is|are|was|were|been|also|jointly|recently|finally"
    r"|successfully|reportedly)\s+)*"
)
_JOINT_VENTURE = re.compile(r"joint\s+venture", re.I)
# An unnamed work a preposition governs, right before its "built by": no named thing's builder.
_UNNAMED_WORK_BEFORE = re.compile(
    r"\b(?:through|via|to|with|from|into|along|across|and|by)\s+(?:an?|the|its|their|new)\s+"
    r"(?:[\w-]+\s+){0,3}(?:line|road|railway|bridge|port|terminal|highway|plant|station|park|spur"
    r"|link|tunnel|pipeline|dam|airport|section|extension|branch)\s+\Z"
)
_VENTURE_APPOSITIVE = re.compile(r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}")
_PART_OF = re.compile(
    r"^\s*,?\s*(?:(?:is|was|as|being)\s+)?(?:a|an|the)?\s*(?:\w+\s+){0,3}?"
    r"(?:part|projects?|component)\s+(?:of|under)\s+(?:the\s+)?(?:\w+\s+){0,2}?$",
    re.I,
)
# The relation phrases between two names ("in", "'s new", ", a flagship project of the") are
# short; looking no further keeps a sentence of hundreds of names linear.
_PHRASE_GAP = 120
_CONTAINERS = frozenset({EntityType.CORRIDOR, EntityType.INITIATIVE, EntityType.PROJECT})
_PARTY_SUBJECTS = frozenset({EntityType.PROJECT, EntityType.MECHANISM, EntityType.CORRIDOR})
# "The X Corridor (also) includes the Y Port and the Z Railway": the projects it lists are its.
_INCLUDES = re.compile(
    r"\s+(?:(?:also|now)\s+)?(?:includes|included|comprises|comprised|encompasses)\s+(?:the\s+)?"
)
_PROJECT_TYPE = frozenset({EntityType.PROJECT})
# An initiative or corridor named before "projects", then the projects it lists: "Belt and Road
# projects coming to fruition, including", "CPEC projects such as"; in one clause.
_ITS_PROJECTS_INCLUDING = re.compile(
    r"\s+(?:cooperation\s+|flagship\s+|infrastructure\s+)?projects\b[^;:.]{0,60}?,?\s+"
    r"(?:including|such\s+as)\s+"
)
_PROJECT_CONTAINERS = frozenset({EntityType.INITIATIVE, EntityType.CORRIDOR})
_NOT_NOUNS = frozenset(
    """is was are were be been being has have had and or of in on to for with by at as which
    that who whose from into under since during through between among along across after
    before its their his her will would can could may might must shall should does did do
    now also not further fully officially successfully project projects programme program site
    line section phase
    began begun begins became becomes went goes came comes took takes made makes built won saw
    got gave grew rose fell links connects runs serves carries handles covers opens
    starts stretches crosses spans lies reaches employs provides supplies generates produces
    includes features remains stands cost costs totals totalled totaled needs requires lent
    lends sits near over via off beside alongside outside inside upstream downstream around
    beyond within without toward towards against amid despite while when where but than""".split()
)
_GAP = re.compile(r"[\s\"“”]*(?:,|and|&|as well as|,\s*and)?[\s\"“”]*(?:(?:the|a|an)\s+)?[\"“]?")
# Projects a partner hosts, though the name starts with China: parks, zones, centres, plants.
_HOSTED = re.compile(
    r"\b(?:Park|Zone|Area|Center|Centre|Plant|Station|Hospital|Workshop|City|Friendship|Railway)\b"
)
_FRONTED = re.compile(
    r"^(?:At|In|Under|Along|By|From|With|Through|For|Since|During|As|On|Across|Within|Among"
    r"|After|Before|Beyond|Besides|Apart from|According\s+to|Unlike|Like|Despite)\b",
    re.I,
)
_MEETINGS = frozenset(
    "forum summit conference expo fair dialogue symposium exhibition week roundtable meeting"
    " congress".split()
)
# "attended the (Second) X Summit"; "met in A on 14 March 2026 for / at / on the sidelines of the
# X Forum": the meeting is the name right after.
_ATTENDED = re.compile(
    r"\b(?:attended|attending|participated\s+in|took\s+part\s+in|"
    r"met\s+(?:[^.;:]{0,60}?\s)?(?:for|at|on\s+the\s+sidelines\s+of))\s+(?:the\s+)?"
    rf"(?:(?:{'|'.join(sorted(ORDINALS))})\s+)?",
    re.I,
)
_OBJECT_GAP = re.compile(r"\s+(?:the\s+)?\Z")
_HELD_IN = re.compile(r"\s*,?\s*(?:which\s+was\s+|that\s+was\s+)?(?:held\s+)?(?:in|on)\s+")
_AGENT_CUES = frozenset(
    "established establishes set sets launched launches initiated initiates proposed proposes put"
    " puts founded hosted hosts created creates jointly joined joins sponsored sponsors signed"
    " signs inked built builds building constructed constructs constructing developed develops"
    " developing financed financing funded funding provided provides extended extends granted"
    " grants studying planning considering exploring discussing negotiating preparing".split()
)
# Whoever builds, develops or finances a thing takes part in it as much as whoever launches it:
# "Korvex Limited built the X", "China is financing the Y". The building verbs' "-ing" forms
# only after "is"/"are"/"was"/"were" (a progressive verb; "committed to building" has no
# subject of its own), not "built on" ("China built on its experience in the X"), and not
# "funds" or "finances", more often nouns ("pooling foreign funds for the X").
_BUILT = r"(?:built|constructed|developed|financed|funded)(?!\s+(?:on|upon|up|into)\b)"
_BUILDING = r"(?:building|constructing|developing|financing|funding)"
# Whoever is studying, planning or negotiating a thing takes part in it too: "Uganda and Rwanda
# are studying a proposed X" (progressive only: "planning" alone is often a noun).
_WEIGHING = r"(?:studying|planning|considering|exploring|discussing|negotiating|preparing)"
# What a lender provides, extends or grants: "a US$300 million loan", "financing".
_LOAN = r"\s+(?:an?\s+)?(?:[\w$.,-]+\s+){0,4}?(?:loans?|financing|funding|credits?)"
# A lender is the subject of "provided a US$300 million loan for the X" (or "extended financing
# to the X"), and the X its object.
_LENT = r"(?:provided|provides|extended|extends|granted|grants)" + _LOAN + r"\s+(?:for|to)"
_AGENT_TRIGGER = re.compile(
    r"\b(?:established|establishes|sets?\s+up|launched|launches|initiated|initiates|proposed"
    r"|proposes|puts?\s+forward|founded|hosted|hosts|created|creates|jointly\s+(?:built|"
    r"established|launched)|joined|joins|sponsored|sponsors|signed|signs|inked|"
    + _BUILT
    + r"|builds|constructs|develops|"
    + _LENT
    + r"|(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\bwas\s)|(?<=\bwere\s))(?:"
    + _BUILDING
    + "|"
    + _WEIGHING
    + r"))\b",
    re.I,
)
_PROGRESSIVE = re.compile(f"{_BUILDING}|{_WEIGHING}", re.I)
_LENDING = re.compile(_LENT, re.I)
# A building verb names what it built right after it, and its subject right before it: "China,
# drawing on the frameworks of the World Bank, has developed a tool ... for the X" says nothing
# of the World Bank and the X.
_BUILD_VERB = re.compile(
    f"{_BUILT}|builds|constructs|develops|{_BUILDING}|{_WEIGHING}|{_LENT}", re.I
)
_DIRECT_OBJECT_GAP = re.compile(
    r"\s+(?:(?:the|a|an|its|their|new|first|second|proposed|planned)\s+){0,2}"
)
_BUILT_BY = re.compile(_BUILT, re.I)  # "built by A": a party phrase (_PARTY_TRIGGER) reads it
# Between the subject and its verb, in one clause: no comma.
_SUBJECT_RIGHT_BEFORE = re.compile(r"[^,;]*")
_PROPOSED = re.compile(r"propos(?:ed|es)|puts?\s+forward|" + _INITIATED, re.I)
# A document the name before the verb only modifies, the verb's real subject: "the X Commission
# white paper proposed", "the X Ministry's action plan proposes".
_DOCUMENT_SUBJECT = re.compile(
    r"(?:'s|’s)?\s+(?:[a-z-]+\s+){0,2}(?:paper|document|report|plan|outline|blueprint|declaration"
    r"|communiqu[eé]|statement|guidelines?|framework|resolution|proposal)s?\b"
)
# "proposed by X", "proposed in 2021 by X": the agent of a passive, past a date.
_BY_AFTER = re.compile(r"(?:\s+(?:in|on)\s+(?:\w+\s+){0,2}\d{4})?\s+by\s+")
# A person's title and nationality before the name: "Argentine Senator ", "the Kenyan
# Minister of Transport ".
_TITLE_BEFORE = re.compile(
    r"(?:the\s+)?[A-Z][\w'’.-]*\s+(?:(?:[A-Z][\w'’.-]*|of|for|to|and|the)\s+){0,7}"
)
# Between two names of a list: "A, B and C".
_AND_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their)\s+\Z", re.I)
_PARTNER_CUES = frozenset({"countries"})
# An undertaking right after its subject (Relater._undertakings): "A and B agreed to", "A will
# jointly", "the two sides expressed readiness to"; and the verbs whose object it takes part in
# after it ("to build the X", "and to advance the construction of the Y", "to provide a loan of
# $1 billion for the Z"); not "support" or "welcome", which are no part.
_UNDERTAKING_CUES = frozenset(
    "agreed decided pledged promised undertook resolved vowed committed readiness willingness"
    " ready willing will shall".split()
)
_UNDERTAKES = re.compile(
    r"\s+(?:(?:have|has|had|also|further|both|all)\s+)*(?:(?:agreed|decided|pledged|promised"
    r"|undertook|resolved|vowed|committed\s+(?:themselves|itself)|expressed\s+(?:their\s+|its\s+)?"
    r"(?:readiness|willingness)|(?:are|is)\s+(?:ready|willing))\s+to|will|shall)\s"
)
_FIRST_VERB_GAP = re.compile(r"(?:(?:also|further|jointly|together|continue\s+to)\s+)*")
_AND_VERB_GAP = re.compile(r"\band\s+(?:to\s+)?(?:(?:also|further|jointly|together)\s+)*\Z")
_NONE_OF = re.compile(r"\b(?:[Nn]either|[Nn]one|[Nn]o)\s+(?:of\s+)?(?:the\s+)?\Z")
_UNDERTAKEN = re.compile(
    r"\b(?:build|construct|develop|finance|fund|launch|establish|set\s+up|sign|co-build"
    r"|(?:advance|promote|push\s+forward|accelerate|speed\s+up|expedite|complete|start)\s+"
    r"(?:the\s+)?(?:construction|development|implementation|building)\s+of"
    r"|(?:provide|extend|grant)" + _LOAN + r"(?:\s+of(?:\s+[\w$.,-]+){1,5}?)?\s+(?:for|to))(?!\w)"
)
# A phrase opening the sentence that names the means of its subject's act (Relater._instruments).
_INSTRUMENT_PHRASE = re.compile(
    r"(?:Under|Through|Via|Within|Relying\s+on|Leveraging|Drawing\s+on|Building\s+on|"
    r"By\s+means\s+of)\s"
)
_INSTRUMENTS = frozenset({PROJECT, MECHANISM, INITIATIVE, CORRIDOR})
# What may stand between the preposition and the first means: an article, "the framework
# of", or a class noun before "such as" ("platforms such as the X").
_MEANS_LEAD = re.compile(
    r"(?:the\s+)?(?:framework\s+of\s+(?:the\s+)?)?"
    r"|(?:[a-z]+\s+){1,4}(?:such\s+as|including|like)\s+(?:the\s+)?"
)
# The phrase's end and the main clause's subject: a bracketed aside, its comma, then "the".
_AFTER_PHRASE = re.compile(r"(?:\s*\([^()]*\))?,\s+(?:the\s+)?")
# The subject's verb: an auxiliary or adverb, or a past tense (not "seed", "need", "hundred").
_MAIN_VERB = re.compile(
    r"\s+(?:(?:has|have|had|is|are|was|were|will|also|actively|jointly)\b"
    r"|(?!(?:se|ne|fe|spe|bre|gre|we|ste|sh|hundr)ed\b)[a-z]{2,}ed\b)"
)
_PARTNER_LIST = re.compile(
    r"\b(?:BRI\s+|Belt\s+and\s+Road\s+)?(?:partner|participating|co-building)\s+countries"
    r"\s+(?:such\s+as|including|like|,\s+including|,\s+such\s+as)\s+",
    re.I,
)
_UNLOCATED = re.compile(
    r"\b(?:Satellite|Scholarships?|Grants?|Awards?|Programs?|Programmes?|Camp|Classrooms?)\b", re.I
)
_UNDER = re.compile(r"\bunder\s+(?:the\s+)?(?:framework\s+of\s+(?:the\s+)?)?$", re.I)
_UN_BODY = re.compile(r"^(?:the\s+)?(?:United\s+Nations|UN)\s+[A-Z]")
UNITED_NATIONS = "organization/united-nations"
BELT_AND_ROAD = "initiative/belt-and-road-initiative"
_SIGNING_CUES = frozenset({"signed", "signing"})
_SIGNED_UNDER = re.compile(
    r"\bsign(?:ed|ing)\b[^.;]*\b(?:cooperation|framework)\s+(?:documents?|agreements?|"
    r"memorand(?:a|ums?)|MoUs?|plans?)\b",
    re.I,
)
_OF_THE = re.compile(r"^\s+of\s+(?:the\s+)?$")
_PARTICIPLE_TAIL = re.compile(
    r"\s*(?:(?:since|on|in|at|from|during|officially|formally|fully|successfully)\s+)*"
    r",\s*(?:the\s+)?",
    re.I,
)
# A plan or a forecast before an event verb in its clause: what has not happened is no event,
# nor is what a participle expects ("the X, expected to be launched in 2025"; "due to" alone
# gives a cause). Where the plan's cue governs the verb, with only adverbs or auxiliaries
# between ("will open in 2027", "is expected to be completed by 2028", "will be put into
# operation", "and to be completed"), the event is planned for the date (_PLANNED); a hedge, a
# duty or a hope ("could", "must", "looks forward to") plans nothing, and a cue further off
# ("the X that is expected to carry 5 million passengers opened in 2019", "It would be three
# years before the X opened") leaves the verb undecided, so no event at all (_FUTURE).
_PLAN_CUES = (
    r"will|would|shall|(?:is|are|was|were)\s+(?:(?:now|still|[a-z]+ly)\s+)?"
    r"(?:expected|set(?!\s+up)|scheduled|due|planned|to\s+be)"
    r"|(?:expected|scheduled|slated|planned|poised|set)\s+to|due\s+to\s+be"
    r"|agree[ds]?\s+to|plan(?:s|ned)?\s+to|intend(?:s|ed)?\s+to"
)
_HEDGES = r"could|should|might|must|look(?:s|ed)?\s+forward\s+to"
_FUTURE = re.compile(
    r"\b(?:" + _PLAN_CUES + "|" + _HEDGES + r")\b(?:(?!\b(?:but|and|yet)\s)[^,;])*\Z", re.I
)
# "is to be completed", "and to be completed by 2028" (after "scheduled to start in 2026").
_PLANNED = re.compile(
    r"\b(?:" + _PLAN_CUES + r"|(?:is|are|was|were|and)\s+to)"
    r"(?:\s+(?:[a-z]+ly|also|then|now|soon|first|finally|still|be|have|been|to))*\s+\Z",
    re.I,
)
# Trigger verbs in the base form ("be completed", "open in", "begin operations", "sign"), which
# tell of an event only after a plan's cue: "will open in 2027".
_BASE_FORM = re.compile(r"(?:be|begin|start|commence|enter|go|open|sign|break|take)\b", re.I)
# The lowercase word after a name, and whether "to" and a verb follow it ("plans to open").
_WORD_AFTER_NAME = re.compile(r"\s+([a-z][a-z-]*)(\s+to\s+[a-z])?")
# "began", "started": the launch of work only where construction or work is its subject
# ("Construction of the X began in 2019") or object ("began construction of the X").
_STARTED = re.compile(r"began|begun|begin|started|start|commenced|commence|got\s+under\s?way", re.I)
_WORK_BEFORE = re.compile(r"\b(?:construction|work|works|building)\b[^,;]*\Z", re.I)
_WORK_AFTER = re.compile(r"\s+(?:the\s+)?(?:construction|work|works|building)\b", re.I)
# Hearsay and denial before an event verb: "denied reports that the X had been suspended".
_HEARSAY = re.compile(
    r"\b(?:den(?:y|ies|ied)|dismiss(?:ed|es)?|reject(?:ed|s)?|refut(?:ed|es)?)\s+"
    r"(?:(?:the|any|media|press)\s+)*(?:reports?|claims?|rumou?rs?|allegations?|that)\b[^,;]*\Z"
    r"|\b(?:reportedly|allegedly|rumou?red\s+to\s+have\s+been)\s+\Z",
    re.I,
)
# What a stop verb stops when it is not the project: "cancelled its loan to the X".
_NOT_THE_PROJECT = re.compile(
    r"\b(?:loans?|financing|funding|credit|contracts?|deals?|support|stakes?|talks|"
    r"negotiations|participation|visits?|flights?|services?|imports?|exports?|shipments?|"
    r"payments?|deliveries)\b",
    re.I,
)
# A name after a preposition is a circumstance of the event, not what underwent it ("proposed
# at the X Summit in 2020", "its loan to the X").
_PREPOSITION_BEFORE = re.compile(r"\b(?:at|during|from|with|into|via|to|through)\s+(?:the\s+)?\Z")
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|near|across)\s+(?:the\s+)?\Z")
# Prepositions whose object is the verb's own: "(construction) began / work resumed at the X"
# (the place of the work is the project), "signed up to / signed on to / acceded to the X"
# (what was joined).
_GOVERNING_PREPOSITION = re.compile(
    r"\b(?:(?:began|begun|beg[iu]ns?|start(?:ed|s)?|commenc(?:ed|es)|resum(?:ed|es)|"
    r"restart(?:ed|s)?|halt(?:ed|s)|stopp?(?:ed|s)|suspend(?:ed|s)|continu(?:ed|es))\s+at|"
    r"(?:sign(?:ed|s)?\s+(?:up|on)|acced(?:ed|es?))\s+to)\s+(?:the\s+)?\Z",
    re.I,
)
# "when its first phase is completed in 2027", "once it is opened": a present tense in a
# temporal clause tells of the future.
_WHEN_CLAUSE = re.compile(
    r"\b(?:when|once|until|till|before|after|as\s+soon\s+as|by\s+the\s+time)\s+"
    r"(?:(?!\b(?:was|were|had|has|have|did)\b)[^,;])*\Z",
    re.I,
)
_PRESENT_BEFORE = re.compile(r"\b(?:is|are)\s+(?:[a-z]+ly\s+)?\Z", re.I)
_PRESENT_TRIGGER = re.compile(r"(?:is|are|becomes?|begins?|starts?|enters?|opens?|comes?)\b", re.I)
# "The X opened in 2019 and its second phase was completed in 2022": the phase was.
_PART_SUBJECT = re.compile(
    r"(?:['’]s|\b(?:its|their|whose|the))\s+(?:[a-z]+\s+){0,2}?"
    r"(?:phase|stage|section|extension|expansion)(?:\s+[IVX\d]+)?\s+(?:[a-z]+\s+){0,2}\Z"
)
# "The loan for the X was cancelled": the loan was.
_OBJECT_OF_STOP = re.compile(
    _NOT_THE_PROJECT.pattern + r"\s+(?:for|on|of|to)\s+(?:the\s+)?\Z", re.I
)
# "the 1,320-megawatt X": a measure modifying the name is no count of unnamed things.
_MEASURE_MODIFIER = re.compile(r"\d[\d,.]*-[a-z]+")
# A sentence's opening "It", after a fronted phrase and its comma if any.
_IT = r"(?:[A-Z][^,;]*,\s+)?[Ii]t\s+"
# "It was suspended in 2024", "It has since been reopened", "Proposed by X in 2019, it was
# formally launched in 2021": the sentence's subject is the last sentence's.
# A list item or line that opens with a name and a colon ("- **X Hub** (Georgia): opened in June
# 2024; ..."): the markup before the name, and what follows it up to the colon.
_LABEL_OPENING = re.compile(r"[-*+•\s]*")
_LABEL_COLON = re.compile(r"[*_]*\s*(?:\([^()]{1,40}\)\s*)?[*_]*\s*:\s")
# "It has proposed and worked to launch", "It also hosted": "It" as the subject of an act.
_IT_ACTS = re.compile(
    r"It\s+(?:(?:has|have|had|also|then|later|since|[a-z]+ly|[a-z]+ed\s+and"
    r"(?:\s+worked)?\s+to)\s+){0,3}"
)
_IT_KEEPS = re.compile(r"It\s+(?:has|had|also|then|later|since|[a-z]+ed)\b")
_IT_BEFORE = re.compile(
    _IT + r"(?:(?:was|were|has|had|is|been|since|then|later|also|[a-z]+ly)\s+){1,3}"
)
# "Construction resumed in March 2024", "Officials said work on it was suspended": work with no
# name of its own, in a sentence opening with it, is on the paragraph's last subject.
_WORK_BEFORE_VERB = re.compile(
    r"(?:[A-Z][^,;]*\s+said\s+(?:that\s+)?)?(?:[Cc]onstruction|[Ww]orks?)"
    r"(?:\s+on\s+(?:it|the\s+project))?\s+(?:(?:was|were|has|had|is|been|since|then|later|also"
    r"|[a-z]+ly)\s+){0,3}"
)
# Before the name that opens a sentence as its subject: "The X", "In 2019, the X".
_LEADS = re.compile(r"(?:[^,;]*,\s+)?(?:the\s+)?[\"“]?", re.I)
# "It handled 1.2 million TEUs": the sentence's subject is the last sentence's.
_IT_SUBJECT = re.compile(_IT + r"[a-z]")
_IT_NOT_THE_SUBJECTS = re.compile(
    _IT + r"(?:(?:is|was|lies|lay)\s+(?:about\s+|some\s+|only\s+)?"
    r"[\d.,]+\s*[a-z]+\s+(?:from|away)\b|"
    r"(?:(?:would|will|could|may|might)\s+)?(?:take|takes|took)\b|"
    r"(?:is|was)\s+(?:expected|estimated|planned|projected|hoped|believed)\s+that\b)"
)
# "It was announced (in May 2021) that ...": an expletive "it" refers to nothing.
_EXPLETIVE_AFTER = re.compile(r"\s+(?:(?:in|on)\s+[^,;]{1,25}?\s+)?that\b")
# A participle opening the sentence: "Proposed by X in 2019, the Y ...". Its subject is the
# main clause's, after the comma that closes the phrase: a name, or "it".
_FRONTED_PARTICIPLE = re.compile(
    r"(?:[A-Z][a-z]+ly\s+)?(?:[A-Za-z]+ed|[Pp]ut\s+for(?:ward|th)|[Ss]et\s+up)\Z"
)
_MAIN_SUBJECT = re.compile(r"[^,;]*,\s+(?:(?:the|it)\b\s*)?")
# "the Y Committee, set up by A and B in 2020": a participle right after a name and its comma,
# once the clause has its verb ("The X is governed by the Y Committee, ..."; in "The X, part of
# the Y, opened" the verb is the X's).
_REDUCED_RELATIVE = re.compile(r",\s+(?:[a-z]+ly\s+)?")
_CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|[a-z]{2,}ed)\b")
# "signed a Memorandum of Understanding on the X Corridor": the X had an agreement signed on it.
_SIGNED_ON = re.compile(
    r"\s+(?:an?|the|two|three|several)\s+(?:[\w-]+\s+){0,3}?(?:memorand(?:um|a)(?:\s+of"
    r"\s+understanding)?|MoUs?|agreements?|accords?|protocols?|deals?|contracts?)\s+"
    r"(?:on|for|regarding|concerning|to\s+(?:build|develop|construct|finance|operate))\s+"
    r"(?:the\s+)?",
    re.I,
)
_SIDELINES = re.compile(r"(?:['’]s?)?\s+sidelines\b", re.I)
# "on the sidelines of the X Summit": where something happened, not what it happened to.
_SIDELINES_OF = re.compile(r"\b(?:sidelines|margins)\s+of\s+(?:the\s+)?\Z", re.I)
# "was formally launched": a passive verb, whose subject is what underwent it.
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:[a-z]+ly\s+)?\Z")
# "was not completed in 2019", "has never been suspended", "didn't open": no event.
_NEGATED = re.compile(
    r"(?:\bnot(?!\s+only\b)|\bnever|\bneither|\bnor|n['’]t)\s+(?:[a-z]+\s+){0,3}\Z", re.I
)
# The date of an anniversary is not the date of the event it marks.
_ANNIVERSARY = re.compile(r"\banniversar(?:y|ies)\s+of\b[^,;]*$", re.I)
_COUNTED = re.compile(
    r"\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"dozens?|hundreds|thousands|several|many|numerous|multiple)\b",
    re.I,
)
# ", which" right after the name, or after where it is ("the X Plant in Tanzania, which began
# operations in 2019") or its appositive (", a 412-km toll road linking A and B, which opened in
# 2025": the road is the name).
_WHICH = re.compile(
    r"(?:\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?"
    rf"(?:{_NOUN_APPOSITIVE.pattern})?,\s+which\s"
)
_RELATIVE = re.compile(r",\s+(?:which|where|who)\s")
_WHICH_SUBJECT = re.compile(r",?\s+(?:which|that)\s+(?:the\s+)?")
_PLURAL_VERB = re.compile(r"\b(?:are|were)\b")
# A verb right after a name (an adverb or a phrase between commas apart): a list of names
# before it is its subject.
_VERB_RIGHT_AFTER = re.compile(r"(?:,[^,;]+,)?\s+(?:[a-z]+ly\s+)?")
_SEMICOLON = re.compile(";")
_BY = frozenset({"by", "as-of"})  # the qualifiers of a deadline
# An organisation after a participle and "by" built or financed the thing ("built by the X"),
# where "lending by the X" is the X's own figure.
_PASSIVE_AGENT = re.compile(
    r"\b(?:[a-z]+ed|built|made|run|led|held|won|undertaken|done)\s+by\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+)?\Z"  # "built by Uganda's X"
    # the lender of a loan that financed it: "financed by a US$640 million loan from the X"
    r"|\b(?:financed|funded)\s+by\s+(?:an?\s+)?(?:[\w$.,-]+\s+){0,4}?"
    r"(?:loans?|grants?|credits?)\s+from\s+(?:the\s+)?\Z"
)
# "since its founding in 2014": the date starts the period a figure counts.
_SINCE_EVENT = re.compile(
    r"\bsince\s+(?:its|their|the)\s+[\w-]+(?:\s+of\s+[^,;]{1,40}?)?\s+(?:(?:in|on)\s+)?\Z"
)
# "the first phase of the X": what a verb after it tells is the phase's, not the X's.
_PHASE_OF = re.compile(r"\b(?:phase|stage)\s+(?:[IVX]+\s+|\d+\s+)?of\s+(?:the\s+)?\Z", re.I)
# Where a figure's clause ends: a semicolon, or ", and the" before a new subject ("The X opened
# in 2024, and the Y has attracted 37 enterprises"), not the "and" of a list of names.
_FIGURE_CLAUSE_END = re.compile(r";|,(?=\s+(?:and|but|while|whereas)\s+the\s)")
# A figure compared with an earlier one: "up from 8,000 tonnes in 2023", "compared with".
_COMPARED = re.compile(
    r"\b(?:up|down|rising|falling|increas(?:ed|ing)|decreas(?:ed|ing)|grew|growing)\s+from\b"
    r"|\bcompared\s+(?:with|to)\b|\bversus\b"
)
# "expand the B Alliance to 100 member ports", "raise the X Terminal to 5 million tonnes": the
# figure a name is brought to is the name's.
_RAISE_VERB = re.compile(
    r"\b(?:expand|grow|grew|raise|rais|increas|boost|extend|lift|bring|brought|doubl|tripl|"
    r"upgrad|scal)[a-z]*\s+(?:up\s+)?(?:the|its|their)\s+\Z",
    re.I,
)
_RAISED_TO = re.compile(r"\s+to\s+(?:(?:about|around|some|nearly|over|more\s+than)\s+)?")
# Before a date that is a figure's or a verb's own: "11 percent in 2022", "opened in May 2017".
_DATED_AFTER = re.compile(r"\s+(?:(?:in|on)\s+)?")
_PERIOD_AFTER = re.compile(r"\s+(?:in|during|over|between|from)\s+")
# Between a share and the name it is of: "18 percent of the X Bank's new lending".
_SHARE_OF = re.compile(r"\s+of\s+(?:the\s+)?")
# Between a figure and the name it modifies: "1,035-kilometer-long China-Laos Railway".
_MODIFIER_GAP = re.compile(r"(?:-(?:long|wide|high|deep|tall))?\s+(?:the\s+)?")
# Between a name and the figure its appositive opens with: "the X Railway, a 310-km line".
_APPOSITIVE_FIGURE = re.compile(r",\s+(?:a|an)\s+")
# What says a sum is the cost of a thing named before it (Relater.cost_of): "at a cost of",
# "at an estimated cost of", "with a total investment of", "costing", "which cost".
_COST_BEFORE = re.compile(
    r"\b(?:(?:at|with|for)\s+(?:a|an)\s+(?:(?:total|estimated|overall|combined|initial|planned"
    r"|projected|approximate)\s+)?(?:cost|price|investment|budget|outlay|price\s+tag)\s+of"
    r"|costing|cost|costs)\s+(?:(?:an\s+)?estimated\s+)?\Z",
    re.I,
)
# A participle on the name right before a cost, whose cost it is: "the W Railway, to be built at a
# cost of", "the Y Tunnel, costing"; not a finite verb, the subject's ("The X, which supplies the
# Y, was built at a cost of"), nor a bare ", at a cost of" after the object of "link the X to the
# Y", which is the subject's too.
_BUILT_AT = re.compile(
    r",\s+(?:(?:a|an)\s+(?:[\w-]+\s+){1,4}?)?(?:(?:to\s+be|being)\s+)?"
    r"(?:(?:newly|recently|fully)\s+)?(?:built|constructed|completed|developed|upgraded|expanded"
    r"|rebuilt|renovated|modernised|modernized|installed|commissioned|financed|funded)\s+"
)
_BEFORE_COSTING = re.compile(r",\s+")
_FRONTED_COST_GAP = re.compile(r",\s+(?:the\s+)?")
# The end of a list that shares a cost: "the X, the Y and the Z at a combined cost of".
_LIST_TAIL = re.compile(r"(?:,\s*(?:and\s+)?|\s+(?:and|as\s+well\s+as)\s+)(?:the\s+)?")
# A name in apposition to a noun phrase, whose cost follows it: "will get a new berth, the X
# Terminal, at a cost of".
_APPOSED_TO_NOUN = re.compile(
    r"\b(?:a|an|the|its|their)\s+(?:[a-z][a-z-]*\s+){0,3}?[a-z]+,\s+(?:the\s+)?\Z"
)
_OWNERS = re.compile(r"['\u2019]s?\b")  # "The X Dam's builder, C, ...": not the subject
# Between a sum and what it finances: "a US$300 million loan for the X" (a thing; a borrowing body
# is not: "a loan to Kenya Railways Corporation for the Y").
_FINANCE_NOUN = r"(?:loans?|financing|funding|credits?|grants?)"
_LOAN_FOR = re.compile(rf"\s+{_FINANCE_NOUN}\s+(?:for|to)\s+(?:the\s+)?")
# The sum after "loan of" finances the thing after "for" or "to" (Relater.lent_for).
_LOAN_OF = re.compile(rf"\b{_FINANCE_NOUN}\s+of\s+\Z")
# A sum lent, and what for, past the borrower: "lent $2 billion to Kenya for the X", "provided
# $500 million for the X", "extended $1 billion to the Y Authority to build the X".
_LENT_SUM = re.compile(r"\b(?:lent|loaned|lends|lend|provided|extended|granted)\s+\Z")
# "for the X", "for the construction of the X", "for expanding the X": what a sum is spent on.
_FOR_WORKS = (
    r"for\s+(?:the\s+)?(?:(?:construction|building|expansion|extension|upgrade|upgrading"
    r"|rehabilitation|completion|development|modernization|modernisation)\s+of\s+(?:the\s+)?"
    r"|(?:building|expanding|extending|upgrading|completing|developing)\s+(?:the\s+)?)?"
)
_TO_BORROWER_FOR = re.compile(
    rf"\s+(?:to\s+[^,;.]{{1,60}}?\s+)?(?:{_FOR_WORKS}|to\s+(?:build|finance|fund|construct"
    r"|upgrade|expand|complete)\s+(?:the\s+)?)"
)
# A sum spent on works named after it: "allocated NPR 12 billion for the construction of the X",
# "a contract worth $1.1 billion for the X", "will invest $500 million in the X".
_SPENT_SUM = re.compile(
    r"\b(?:worth|valued\s+at|budget\s+of|allocated|allocates|earmarked|set\s+aside|approved"
    r"|spent|spend|spending|invest|invests|invested|investing)\s+(?:(?:about|around|some|nearly"
    r"|over|more\s+than)\s+)?\Z"
)
_WORTH_AFTER = re.compile(r",\s+(?:worth|valued\s+at)\s+(?:(?:about|around|some|nearly|over)\s+)?")
_SPENT_ON = re.compile(rf"\s+(?:{_FOR_WORKS}|(?:in|on)\s+(?:the\s+)?)")
_FOR_WORKS_AFTER = re.compile(rf"\s+{_FOR_WORKS}")
# An aside on a clause's subject, whose names are not what the clause is about: "Tovan Holdings,
# which operates the X Terminal, signed ...", "Delmora Group, the contractor of the Y Line, ...".
# An aside ends at the comma before a lower-case word other than an article or "and": "C, which
# built the X, the Y and the Z, signed ...".
_ASIDE_BODY = r"(?:[^,;()]|,(?=\s+(?:the|a|an|and|or)\b|\s+[A-Z]))*"
_SUBJECT_ASIDE = re.compile(rf",{_ASIDE_BODY},|\s*\([^()]*\)")
# A relative clause on an object, whose names are not the object: "build the X, which links the
# Y to the city, at a cost of".
_RELATIVE_ASIDE = re.compile(rf",\s+(?:which|who|that|where|whose)\b{_ASIDE_BODY}(?:,|\Z)")
# The word before a name in a phrase that places or links it, not the object of a verb: "built
# the X on the Y", "near the Y", "to the Y".
_PLACING_WORD = re.compile(
    r"\b(?:on|near|at|in|along|across|to|from|of|with|between|into|over|under|beside|alongside"
    r"|by|via|through|for)\s+(?:the\s+)?\Z",
    re.I,
)
_FOR_THING = re.compile(r"\s+(?:for|to)\s+(?:the\s+)?")
# A sum lent, not a lender's own figure: "a US$250 million loan", "$1 billion concessional credit"
# (not "US$20 billion in financing", a total of the body's); and a holder's stake in something.
_SUM_LENT = re.compile(rf"(?:\s+(?!in\b|of\b|for\b)[\w-]+){{0,2}}?\s+{_FINANCE_NOUN}\b")
_STAKE = re.compile(r"\s+(?:stake|share|shareholding|interest|equity)\b")
_REMAINING = re.compile(r"\b(?:remaining|other)\s+\Z")
# A contract's value: "under an EPC contract worth $420 million" is no figure of the contractor.
_CONTRACT_WORTH = re.compile(
    r"\bcontracts?\s+(?:worth|valued\s+at|of)\s+(?:about\s+|some\s+|nearly\s+|around\s+)?\Z",
    re.I,
)
# "financed the X with a $2.4 billion loan": the sum finances the X.
_FINANCED = re.compile(r"\b(?:financed|funded|finances|funds|financing|funding)\s+(?:the\s+)?\Z")
_WITH_SUM = re.compile(r"\s+(?:with|through|via)\s+(?:a|an)\s+")
# "Loan Agreement ... for the X, in the amount of USD 780 million": the sum is the X's.
_LOAN_FOR_BEFORE = re.compile(
    rf"\b(?:{_FINANCE_NOUN}|agreement|facility)\b[^;:]*\sfor\s+(?:the\s+)?\Z", re.IGNORECASE
)
_AMOUNT_OF = re.compile(
    r",?\s+(?:in\s+the\s+amount\s+of|worth|totall?ing|valued\s+at|amounting\s+to)\s+"
)
# A fronted date and then the subject, with no comma: "In 2023 the X carried ...".
_DATE_THEN = re.compile(r"\w+\s+(?:[A-Za-z]+\s+){0,4}?(?:19|20)\d\d\s+(?:the\s+)?\Z")
# Between a name and the appositive that follows it: "The X, part of the Y, opened" and
# "The X, a key project of the Y, opened", "The X, the corridor's key crossing on the Y, was
# suspended" (lowercase words only, not a conjunction).
_APPOSITIVE = re.compile(
    r",\s+(?!(?:and|or|but|while)\s)(?:(?:which|that)\s+(?:is|was)\s+)?(?:[a-z][\w'’-]*\s+){0,5}"
    r"(?:of|in|under|for|along|on|to)\s+(?:the\s+)?"
)
_MEMBERS = re.compile(
    r"\bmembers?\s+(?:include|including|are|such\s+as|from)\b|\bjoined\s+by\b", re.I
)
_CITY_STOP = frozenset(
    [
        "new",
        "old",
        "standard",
        "gauge",
        "friendship",
        "economic",
        "international",
        "national",
        "central",
        "western",
        "eastern",
        "northern",
        "southern",
        "silk",
        "road",
        "belt",
        "power",
        "deep",
        "sea",
        "high",
        "speed",
        "gas",
        "oil",
        "crude",
        "great",
        "grand",
        "golden",
        "royal",
        "green",
        "digital",
        "air",
        "maritime",
        "trade",
        "free",
        "special",
        "industrial",
        "science",
        "technology",
        "china",
        "gateway",
        "city",
    ]
)


class Relater:
    """Reads facts out of each document's resolved mentions."""

    def __init__(self, lexicon: Lexicon, entities: dict[str, Entity]) -> None:
        self.lexicon = lexicon
        self.entities = entities
        self._located_here: list[Fact] = []

    def __call__(self, doc: Document) -> Document:
        by_sentence: dict[int, list[Mention]] = {}
        for mention in doc.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        facts: list[Fact] = []
        scope: tuple[int, Mention] | None = None
        # (paragraph, its last subject, whether that subject opened its sentence)
        previous: tuple[int, Mention | None, bool] | None = None
        # (paragraph, the body or country that led the last sentence): what "It has launched"
        # in the next one refers to when no thing led it.
        acting: tuple[int, Mention] | None = None
        tables = Tables(doc.text)
        for sentence in doc.sentences:
            if sentence.is_heading:
                continue
            mentions = by_sentence.get(sentence.index, [])
            scope_here = self._scope(doc, sentence, mentions)
            if scope_here is not None:
                scope = (sentence.paragraph, scope_here)
            elif scope is not None and scope[0] != sentence.paragraph:
                scope = None
            context = _SentenceContext(doc, sentence, mentions, self.entities, tables)
            if previous is not None and previous[0] == sentence.paragraph:
                context.previous_subject, context.previous_leads = previous[1], previous[2]
            if acting is not None and acting[0] == sentence.paragraph:
                context.previous_agent = acting[1]
            leader = context.leader()
            if leader is not None and context.sole_agent(leader):
                acting = (sentence.paragraph, leader)
            elif not (context.previous_agent and _IT_KEEPS.match(doc.text, context.body_start)):
                acting = None  # a sentence of "It" keeps it for the next ("It also ...")
            subject = context.subject()
            if subject is not None:
                previous = (sentence.paragraph, subject, context.leads(subject))
            else:  # another name (China) leading this sentence is what a later "It" is
                leads = context.previous_leads and context.leader() is None
                previous = (sentence.paragraph, context.previous_subject, leads)
            self._located_here = list(self._located_in(context))
            facts.extend(self._located_here)
            facts.extend(self._name_compounds(context))
            part_of = list(self._part_of(context, scope[1] if scope else None))
            facts.extend(part_of)
            located = self._located_here + [f for f in part_of if f.predicate == "locatedIn"]
            facts.extend(self._part_locations(context, located))
            facts.extend(self._parties(context))
            facts.extend(self._strategies(context))
            facts.extend(self._events(context))
            facts.extend(self._held_in(context))
            facts.extend(self._attended(context))
            facts.extend(self._quantities(context))
        doc.facts = _dedupe(without_guesses(facts))
        return doc

    # -- scope ---------------------------------------------------------------------------
    def _scope(self, doc: Document, sentence: Sentence, mentions: list[Mention]) -> Mention | None:
        """ "Along the China-Pakistan Economic Corridor, ..." scopes the paragraph's projects."""
        for mention in mentions:
            if mention.kind is not ENTITY or mention.label not in {
                CORRIDOR,
                INITIATIVE,
            }:
                continue
            before = doc.text[sentence.start : mention.start]
            scoped = _SCOPE.search(before)
            if scoped and (scoped.start() > 0 or doc.text[mention.end : mention.end + 1] == ","):
                return mention
        return None

    # -- located in ------------------------------------------------------------------------
    def _located_in(self, ctx: _SentenceContext) -> Iterator[Fact]:
        for project in ctx.of_type(PROJECT):
            if _UNLOCATED.search(project.text):
                continue  # a satellite or a scholarship has partners, not a location
            entry = self.lexicon.entries.get(project.entity or "")
            if entry is not None:
                for code in entry.country_codes:
                    yield ctx.fact(project, "locatedIn", _country_id(code), "lexicon-country")
            for rule, codes, partnered in (
                ("name-compound", _compound_countries(ctx, project), False),
                ("name-region-compound", _region_compound_countries(ctx, project), True),
                ("premodifier-compound", _premodifier_countries(ctx, project), False),
            ):
                if "CN" in codes and (partnered or len(codes) > 1) and _HOSTED.search(project.text):
                    # "China-Belarus ... Industrial Park", "Bangladesh-China Friendship Bridge",
                    # "China-Thailand Railway": named for the partnership, built in the partner,
                    # unless a city says which side ("China-Malaysia Qinzhou Industrial Park").
                    in_city = [code for code in codes if code in _city_after_compound(project.text)]
                    codes = in_city or [code for code in codes if code != "CN"]
                for code in codes:
                    yield ctx.fact(project, "locatedIn", _country_id(code), rule)
            anchor = ctx.parent_of(project) or project
            nearby = ctx.starting_in(project.start - _PHRASE_GAP, anchor.end + _PHRASE_GAP + 1)
            countries = [m for m in nearby if ctx.type_of(m) is COUNTRY]
            for country in countries:
                if 0 <= country.start - anchor.end <= _PHRASE_GAP:
                    between = ctx.between(anchor, country)
                    # "in Mombasa, Kenya"; not "in Ethiopia, Tanzania has ...", a country first
                    city_country = _IN_CITY_COUNTRY.match(between) and not any(
                        anchor.end <= other.start and other.end <= country.start
                        for other in countries
                    )
                    if _IN_COUNTRY.match(between) or city_country:
                        yield ctx.fact(project, "locatedIn", country.entity, "in-country")
                elif 0 <= project.start - country.end <= _PHRASE_GAP and _POSSESSIVE.match(
                    ctx.between(country, project)
                ):
                    yield ctx.fact(project, "locatedIn", country.entity, "possessive-country")
                elif (
                    0 <= project.start - country.end <= _PHRASE_GAP
                    and _FRONTED_IN.match(ctx.doc.text, ctx.sentence.start, country.start)
                    and re.fullmatch(r"\s*,\s*(?:the\s+)?", ctx.between(country, project))
                ):
                    yield ctx.fact(project, "locatedIn", country.entity, "fronted-in-country")
            yield from self._in_place(ctx, project, anchor)
            # A curated entry knows where it is; "Luban Workshop" is not in Lubań, Poland.
            for code in [] if entry is not None else _city_countries(project.text):
                yield ctx.fact(project, "locatedIn", _country_id(code), "city-gazetteer", 0.8)
        yield from self._bracketed_countries(ctx)
        yield from self._table_country_column(ctx)
        yield from self._including_list(ctx)
        yield from self._sole_project_in(ctx)
        yield from self._connecting(ctx)
        yield from self._partner_hosts(ctx)

    def _in_place(self, ctx: _SentenceContext, project: Mention, anchor: Mention) -> Iterator[Fact]:
        """ "X, located in Mombasa" is in Kenya, "X in Punjab Province" in Pakistan: a place
        right after the name that is no name itself, whose country a gazetteer knows (a region
        of one country only, of the kind the text gives; else the most populous city so
        called). "in Osh Region, Kyrgyzstan" is left to the country it names. "X near Lahore"
        is in Pakistan too, but a region or country near it says nothing."""
        text = ctx.doc.text
        match = _IN_PLACE.match(text, anchor.end, ctx.sentence.end)
        if match is None:
            return
        if _QUALIFIED_PLACE.match(text, match.end(), ctx.sentence.end):
            return  # a country ("in Osh Region, Kyrgyzstan") is read by the rules on countries
        named = ctx.starting_in(match.start("place"), match.start("place") + 1)
        if named:  # "in Kenya", "in Gwadar Port": a name, which the other rules read, unless
            # the lexicon knows it as a place of one country ("in Inner Mongolia")
            entry = self.lexicon.entries.get(named[0].entity or "")
            codes = entry.country_codes if entry is not None and entry.type is PLACE else ()
            city = codes and city_country(named[0].text) == codes[0]  # "near Lao Cai"
            found = (codes[0], "in-city" if city else "in-region") if len(codes) == 1 else None
        else:
            found = _place_country(match["place"], match["kind"], self.lexicon.regions)
        if found is None:
            return
        code, rule = found
        if match["near"]:  # a city's country, a little less sure: borders run near cities
            if rule == "in-city":
                yield ctx.fact(project, "locatedIn", _country_id(code), "near-city", 0.7)
        else:
            confidence = 0.9 if match["kind"] else 0.8
            yield ctx.fact(project, "locatedIn", _country_id(code), rule, confidence)

    def _table_country_column(self, ctx: _SentenceContext) -> Iterator[Fact]:
        """A country in the country column of a table's row locates the row's project, the
        first named in the row: "| Velmar Port | Kenya | completed in 2020 |" under
        "| Project | Country | Status |"."""
        if not ctx.text.startswith("|"):
            return
        cells = ctx.tables.cells(ctx.sentence.start, ctx.sentence.end)
        country_cells = [span for name, span in cells if name in _COUNTRY_COLUMNS]
        if not country_cells:
            return
        projects = [
            m
            for m in ctx.of_type(PROJECT)
            if not any(start <= m.start < end for start, end in country_cells)
        ]
        if not projects or _UNLOCATED.search(projects[0].text):
            return
        for country in ctx.countries:
            if any(start <= country.start and country.end <= end for start, end in country_cells):
                yield ctx.fact(projects[0], "locatedIn", country.entity, "table-country-column")

    def _connecting(self, ctx: _SentenceContext) -> Iterator[Fact]:
        """ "the X Bridge and the Y Bridge, connecting China and Russia": a link between
        countries stands in each of them."""
        if not any(cue in ctx.text for cue in _CONNECTING_CUES):
            return  # the pattern's optional lead-in makes a failing scan slow
        projects = [p for p in ctx.of_type(PROJECT) if not ctx.nested(p)]
        country_type = frozenset({COUNTRY})
        for match in _CONNECTING.finditer(ctx.text):
            countries = ctx.list_after(ctx.sentence.start + match.end(), country_type)
            further = _LINKED_TO.match(ctx.doc.text, countries[-1].end) if countries else None
            if (
                countries
                and "from" in match.group().split()
                and not (
                    len(countries) == 1 and further is not None and further.group().strip() == "to"
                )
            ):
                continue  # "from A to B" is a route; "carries cargo from China and India" is not
            if further is not None:  # "links Kenya with Uganda"
                countries += ctx.list_after(further.end(), country_type)
            codes: Sequence[str | None] = [c.entity for c in countries]
            if len(set(codes)) < 2:
                codes = _linked_cities(ctx.doc.text, ctx.sentence.start + match.end(), match)
            at = ctx.sentence.start + match.start()
            linked = [p for p in projects if p.end == at]
            if not linked and _LINK_VERB.search(match.group()):
                # "the X Expressway, a 420-km toll road linking A and B"; not "a joint venture
                # between A and B", which says who runs it, not where it runs
                linked = [
                    p
                    for p in projects
                    if p.end < at and _NOUN_APPOSITIVE.fullmatch(ctx.doc.text, p.end, at)
                ]
            if len(set(codes)) < 2 or not linked:
                continue
            for project in reversed(projects):  # back along "the X and the Y"
                if project.end <= linked[-1].start and _GAP.fullmatch(
                    ctx.between(project, linked[-1])
                ):
                    linked.append(project)
            for project in linked:
                for code in dict.fromkeys(codes):
                    yield ctx.fact(project, "locatedIn", code, "connecting-countries")

    def _bracketed_countries(self, ctx: _SentenceContext) -> Iterator[Fact]:
        """ "The X Railway (Zambia, Angola)": countries alone in brackets after a project name
        are where it is."""
        if "(" not in ctx.text:
            return
        country_type = frozenset({COUNTRY})
        for project in ctx.of_type(PROJECT):
            bracket = _OPENING_BRACKET.match(ctx.doc.text, project.end)
            countries = ctx.list_after(bracket.end(), country_type) if bracket else []
            if countries and _CLOSING_BRACKET.match(ctx.doc.text, countries[-1].end):
                for country in countries:
                    yield ctx.fact(project, "locatedIn", country.entity, "in-country")

    def _partner_hosts(self, ctx: _SentenceContext) -> Iterator[Fact]:
        """ "The X Plant, a joint venture between China and Kazakhstan": a park, plant or zone
        China builds with one partner stands in the partner, as a "China-Belarus ... Park"
        does."""
        for subject, parties in ctx.party_phrases():
            if ctx.type_of(subject) is not PROJECT:
                continue
            if not _HOSTED.search(subject.text) or _UNLOCATED.search(subject.text):
                continue
            codes = {m.countries[0] for m in parties if m.countries}
            partners = codes - {"CN"}
            if "CN" in codes and len(partners) == 1:
                (partner,) = partners
                yield ctx.fact(subject, "locatedIn", _country_id(partner), "partner-hosts", 0.7)

    def _part_locations(self, ctx: _SentenceContext, located: list[Fact]) -> Iterator[Fact]:
        """A named part and its whole share a country: the whole stands where its part does,
        and a part ("the Chuanshan Port Area of the X Port") where its whole does when the whole
        is in one country."""
        where: dict[str, set[str]] = {}
        for fact in located:
            where.setdefault(fact.subject, set()).add(fact.object or "")
        for part in ctx.of_type(PROJECT):
            whole = ctx.parent_of(part)
            if whole is None or ctx.type_of(whole) is not PROJECT:
                continue
            for country in sorted(where.get(part.entity or "", ())):
                yield ctx.fact(whole, "locatedIn", country, "part-location", 0.8)
            countries = where.get(whole.entity or "", set())
            if len(countries) == 1 and not where.get(part.entity or ""):
                yield ctx.fact(part, "locatedIn", next(iter(countries)), "whole-location", 0.8)

    def _sole_project_in(self, ctx: _SentenceContext) -> Iterator[Fact]:
        """ "The Vado Gateway terminal has become the first semi-automatic terminal operating in
        Italy": one project and one country named after "in" in the same sentence."""
        projects = list(ctx.of_type(PROJECT))
        countries = list(ctx.of_type(COUNTRY))
        if len(projects) != 1 or len({c.entity for c in countries}) != 1:
            return
        project, country = projects[0], countries[0]
        if country.start < project.end or project.start <= country.start < project.end:
            return
        if re.search(r"\bin\s+(?:the\s+)?$", ctx.doc.text[country.start - 8 : country.start]):
            yield ctx.fact(project, "locatedIn", country.entity, "sole-project-in-country", 0.8)

    def _including_list(self, ctx: _SentenceContext) -> Iterator[Fact]:
        """ "projects in Bangladesh, including the X and the Y" places X and Y in Bangladesh."""
        if not ctx.says_any(_INCLUDING_CUES):
            return
        for match in re.finditer(r",?\s*(?:including|such as)\s", ctx.text):
            position = ctx.sentence.start + match.start()
            countries = [
                m for m in ctx.of_type(COUNTRY) if m.end <= position and position - m.end < 3
            ]
            if not countries or not _INCLUDING.search(
                ctx.doc.text[ctx.sentence.start : countries[-1].start]
            ):
                continue
            for project in ctx.of_type(PROJECT):
                if project.start > position:
                    yield ctx.fact(
                        project, "locatedIn", countries[-1].entity, "in-country-including"
                    )

    # -- names that name their parties ------------------------------------------------------
    def _name_compounds(self, ctx: _SentenceContext) -> Iterator[Fact]:
        """ "China-Pakistan Economic Corridor" involves China and Pakistan."""
        for mention in ctx.entity_mentions:
            if ctx.type_of(mention) in THINGS - {STRATEGY}:
                for code in dict.fromkeys(_compound_countries(ctx, mention, anywhere=True)):
                    yield ctx.fact(mention, "involves", _country_id(code), "name-country")
                # "China-ASEAN Expo", "BRICS Digital Economy Partnership": a known organisation
                # named inside the name is a party to it.
                for inner in ctx.starting_in(mention.start, mention.end):
                    nested = inner.end <= mention.end
                    if nested and inner is not mention and ctx.type_of(inner) is ORGANIZATION:
                        yield ctx.fact(mention, "involves", inner.entity, "name-organization")
        yield from self._signatories(ctx)
        yield from self._agents(ctx)
        yield from self._undertakings(ctx)
        yield from self._partner_lists(ctx)

    def _agents(self, ctx: _SentenceContext) -> Iterator[Fact]:
        """ "China has established the X and the Y", "the X, launched by the AIIB": whoever
        establishes, launches, proposes, hosts, joins or signs a thing is a party to it, and whoever
        proposes an initiative, mechanism, corridor or strategy is its proposer, dated or not
        ("the X was proposed by Kazakhstan")."""
        if not ctx.says_any(_AGENT_CUES):
            return
        for match in _AGENT_TRIGGER.finditer(ctx.text):
            start, end = ctx.sentence.start + match.start(), ctx.sentence.start + match.end()
            proposal = _PROPOSED.match(ctx.doc.text, start)
            if _DETERMINER_BEFORE.search(ctx.doc.text, max(0, start - 8), start):
                continue  # "the proposed Lamu Corridor": an adjective, no one's act
            by = _BY_AFTER.match(ctx.doc.text, end)
            if by and _BUILT_BY.fullmatch(match.group()):
                continue
            if by:
                agents = ctx.list_after(by.end(), AGENTS) or ctx.titled_persons_at(by.end())
                # Not a modifier: "a BRI cooperation platform proposed by the X" is the
                # platform's proposal, not the BRI's.
                things = [
                    m
                    for m in ctx.entity_mentions
                    if m.end <= start and ctx.type_of(m) in THINGS and not ctx.attributive(m)
                ]
                # "the Y Committee, set up by A": the name before the comma, whatever its
                # class; "Proposed by X in 2019, the Y ...": the main clause's subject.
                head = ctx.reduced_relative_head(start)
                if head is not None and _PLACE_PREPOSITION_BEFORE.search(
                    ctx.doc.text, max(0, head.start - 12), head.start
                ):
                    head = None  # "opened in Laos, hosted by A": Laos is a circumstance
                if head is not None:
                    things = [head] if ctx.type_of(head) in THINGS else []
                else:
                    things = things[-1:] or ctx.fronted_subject(start, end, THINGS)
            elif _PASSIVE_BEFORE.search(
                ctx.doc.text, max(0, start - 30), start
            ) and not _PROGRESSIVE.fullmatch(match.group()):
                continue  # "it was launched at the X Summit": no agent before the verb
            else:
                before = [
                    m
                    for m in ctx.entity_mentions
                    if m.end <= start
                    and ctx.type_of(m) in AGENTS
                    and not ctx.fronted(m)
                    and not ctx.agent(m)
                    and not ctx.nested(m)  # "China Development Bank provided", not China
                ]
                # "Laos, Thailand and Cambodia jointly launched": each is a party.
                agents = ctx.list_ending(before[-1], AGENTS) if before else []
                # "By 2022, China had signed 17 MoUs. It has proposed and worked to launch the
                # X": "It" is the body or country that led the sentence before, and the subject.
                it_acts = (
                    not agents
                    and proposal is not None  # a thing may launch or host; only a body proposes
                    and ctx.previous_agent is not None
                    and not ctx.previous_leads
                    and _IT_ACTS.fullmatch(ctx.doc.text, ctx.body_start, start) is not None
                )
                if it_acts:
                    assert ctx.previous_agent is not None
                    agents = [ctx.previous_agent]
                # Who proposes is the verb's subject, in its clause ("China has initiated"), not a
                # name in an earlier clause ("signed ... with the WHO, and initiated").
                elif agents and not _SUBJECT_RIGHT_BEFORE.fullmatch(
                    ctx.doc.text, agents[-1].end, start
                ):
                    proposal = None
                if agents and _DOCUMENT_SUBJECT.match(ctx.doc.text, agents[-1].end, start):
                    proposal = None  # "the X Commission white paper proposed": the paper did
                # What the verb governs is in its clause: not the X of "Rwanda signed 12
                # agreements, and the X opened in 2020".
                clause_end = ctx.clause_of(end, _FIGURE_CLAUSE_END)[1]
                lent = _LENDING.fullmatch(match.group())  # its "to" governs what is financed
                after = [
                    m
                    for m in ctx.entity_mentions
                    if end <= m.start < clause_end
                    and ctx.type_of(m) in THINGS
                    and (lent or not ctx.governed(m))
                ]
                things = ctx.list_after(after[0].start, THINGS) if after else []
                antecedent = ctx.relative_object(agents, start)
                if antecedent is not None:  # "the BRI, which Kenya joined in 2017"
                    things = [antecedent]
                elif _BUILD_VERB.fullmatch(match.group()) and not (
                    agents
                    and things
                    and _SUBJECT_RIGHT_BEFORE.fullmatch(ctx.doc.text, agents[-1].end, start)
                    and _DIRECT_OBJECT_GAP.fullmatch(ctx.doc.text, end, things[0].start)
                ):
                    continue
            for thing in things:
                for agent in agents:
                    if agent.entity != thing.entity:
                        yield ctx.fact(thing, "involves", agent.entity, "agent-of", 0.8)
                        if proposal and ctx.type_of(thing) in PROPOSED:
                            yield ctx.fact(thing, "proposedBy", agent.entity, "proposer", 0.8)

    def _undertakings(self, ctx: _SentenceContext) -> Iterator[Fact]:
        """ "China and Kazakhstan agreed to jointly build the X", "the two sides will advance the
        construction of the X", "the Y Bank will provide a loan of $1 billion for the X": who
        undertakes to build, finance, launch or sign a thing takes part in it, as one who did.
        The subject is the list right before the undertaking; the things, each verb's object
        in the clause."""
        if not ctx.says_any(_UNDERTAKING_CUES):
            return
        undertakings = list(_UNDERTAKES.finditer(ctx.text))
        for match, following in zip(undertakings, [*undertakings[1:], None], strict=False):
            start = ctx.sentence.start + match.start()
            subjects = [
                m
                for m in ctx.entity_mentions
                if m.end == start
                and ctx.type_of(m) in AGENTS
                and not ctx.nested(m)
                and not ctx.governed(m)  # "Exports to Kyrgyzstan will fund"
            ]
            if not subjects:
                continue
            agents = ctx.list_ending(subjects[0], AGENTS)
            if _NONE_OF.search(ctx.doc.text, max(0, agents[0].start - 20), agents[0].start):
                continue
            # The clause, up to another subject's undertaking ("A will build the X and B will
            # finance the Y").
            clause_end = ctx.clause_of(start, _FIGURE_CLAUSE_END)[1] - ctx.sentence.start
            if following is not None:
                clause_end = min(clause_end, following.start())
            for verb in _UNDERTAKEN.finditer(ctx.text, match.end(), clause_end):
                # The verb the undertaking governs ("will jointly build"), or one joined to it
                # ("... and to advance"); not "will oppose any attempt to build", "will not
                # agree to finance", "will invite companies to build".
                if not _FIRST_VERB_GAP.fullmatch(
                    ctx.text, match.end(), verb.start()
                ) and not _AND_VERB_GAP.search(ctx.text, match.end(), verb.start()):
                    continue
                things = ctx.list_after(ctx.sentence.start + verb.end(), THINGS)
                for thing, agent in product(things, agents):
                    if agent.entity != thing.entity:
                        yield ctx.fact(thing, "involves", agent.entity, "undertaking", 0.8)

    def _partner_lists(self, ctx: _SentenceContext) -> Iterator[Fact]:
        """ "partner countries such as Pakistan, Nepal and Togo": in a BRI document, the
        countries named as partner or participating countries take part in the BRI."""
        if not ctx.says_any(_PARTNER_CUES):
            return
        for match in _PARTNER_LIST.finditer(ctx.text):
            for country in ctx.list_after(ctx.sentence.start + match.end(), frozenset({COUNTRY})):
                evidence = ctx.evidence("bri-partner-list", 0.8)
                yield Fact(BELT_AND_ROAD, "involves", evidence, object=country.entity)

    def _signatories(self, ctx: _SentenceContext) -> Iterator[Fact]:
        """ "UNDP and WHO have signed BRI cooperation agreements with China": the parties to
        cooperation documents under a named initiative are involved in it."""
        if not ctx.says_any(_SIGNING_CUES) or not _SIGNED_UNDER.search(ctx.text):
            return
        for initiative in ctx.of_type(INITIATIVE):
            if not ctx.attributive(initiative):
                continue
            for party in ctx.entity_mentions:
                if ctx.type_of(party) in AGENTS - {PERSON}:
                    yield ctx.fact(initiative, "involves", party.entity, "signatory", 0.8)

    # -- part of ---------------------------------------------------------------------------
    def _part_of(self, ctx: _SentenceContext, scope: Mention | None) -> Iterator[Fact]:
        for part in ctx.entity_mentions:
            parent = ctx.parent_of(part)
            if parent is not None and ctx.type_of(parent) is ctx.type_of(part):
                yield ctx.fact(part, "partOf", parent.entity, "part-of-name")
        projects = list(ctx.of_type(PROJECT))
        # Only what the text names directly in a corridor: a section belongs to its railway,
        # and the whole named inside "X Phase II" is not itself listed there (the phase is).
        top_level = [
            p
            for p in projects
            if p.rule not in {"name-parent", "name-section"}
            and (p.rule == "name-phase" or ctx.parent_of(p) is None)
        ]
        if scope is not None:
            partner = _sole_partner(ctx.doc, scope)
            located = {f.subject for f in self._located_here}
            # Every project named there is in the partner, parts and wholes too; only those
            # the text lists directly are part of the corridor.
            for project in projects:
                if project.entity == scope.entity:
                    continue
                if any(project is p for p in top_level):
                    yield ctx.fact(project, "partOf", scope.entity, "scope-along", 0.9)
                if (
                    partner
                    and project.entity not in located
                    and not _UNLOCATED.search(project.text)
                ):
                    yield ctx.fact(
                        project, "locatedIn", _country_id(partner), "corridor-partner", 0.7
                    )
        for initiative in ctx.of_type(INITIATIVE):
            if _UNDER.search(ctx.doc.text[ctx.sentence.start : initiative.start]):
                for project in top_level:
                    if project.end <= initiative.start:
                        yield ctx.fact(
                            project, "partOf", initiative.entity, "under-initiative", 0.8
                        )
        for section in projects:
            if section.rule == "name-section" and ctx.parent_of(section) is None:
                earlier = [
                    p for p in top_level if p.end <= section.start and p.rule != "name-section"
                ]
                if earlier:
                    yield ctx.fact(
                        section, "partOf", earlier[-1].entity, "section-of-last-named", 0.8
                    )
        if "includ" in ctx.text or "compris" in ctx.text or "encompass" in ctx.text:
            for container in ctx.entity_mentions:
                included = _INCLUDES.match(ctx.doc.text, container.end)
                if included is None or ctx.type_of(container) not in _CONTAINERS:
                    continue
                for project in ctx.list_after(included.end(), _PROJECT_TYPE):
                    if project.entity != container.entity:
                        yield ctx.fact(project, "partOf", container.entity, "includes-phrase", 0.9)
        if "includ" in ctx.text or "such as" in ctx.text:
            # "landmark Belt and Road projects coming to fruition, including the X and the Y",
            # "CPEC projects such as the Z": the projects listed are the initiative's.
            for container in ctx.entity_mentions:
                listed = _ITS_PROJECTS_INCLUDING.match(ctx.doc.text, container.end)
                if listed is None or ctx.type_of(container) not in _PROJECT_CONTAINERS:
                    continue
                for project in ctx.list_after(listed.end(), _PROJECT_TYPE, aliases=True):
                    if project.entity != container.entity:
                        yield ctx.fact(
                            project, "partOf", container.entity, "projects-including", 0.85
                        )
        for organization in ctx.of_type(ORGANIZATION):
            if _UN_BODY.match(organization.text) and organization.entity != UNITED_NATIONS:
                yield ctx.fact(organization, "partOf", UNITED_NATIONS, "name-un-body")
        for index, project in enumerate(projects):
            for container in ctx.starting_in(project.end, project.end + _PHRASE_GAP + 1):
                if container is project or container.label not in _CONTAINERS:
                    continue
                phrase = ctx.between(project, container)
                if _PART_OF.match(phrase):
                    yield ctx.fact(project, "partOf", container.entity, "part-of-phrase")
                    # "The X and the Y are part of the Z": the names listed before it too.
                    if not _PLURAL_VERB.search(phrase):
                        continue
                    later = project
                    for prior in reversed(projects[:index]):
                        if not _GAP.fullmatch(ctx.between(prior, later)):
                            break
                        yield ctx.fact(prior, "partOf", container.entity, "part-of-phrase")
                        later = prior

    # -- parties: builders, members, signatories ------------------------------------------
    def _parties(self, ctx: _SentenceContext) -> Iterator[Fact]:
        for named, parties in ctx.party_phrases():
            for party in parties:
                yield ctx.fact(named, "involves", party.entity, "party-phrase", 0.9)
        yield from self._instruments(ctx)
        yield from self._roles(ctx)
        for match in _MEMBERS.finditer(ctx.text):
            start = ctx.sentence.start + match.end()
            subject = ctx.nearest(
                ctx.sentence.start + match.start(),
                {MECHANISM, ORGANIZATION},
                before_only=True,
            )
            if subject is None:
                continue
            for party in ctx.list_after(start, AGENTS):
                yield ctx.fact(subject, "involves", party.entity, "members-phrase", 0.9)

    def _roles(self, ctx: _SentenceContext) -> Iterator[Fact]:
        """Borrowers, lenders, contractors and operators, as news names them, are parties to
        the work: the list before the verb (past an appositive, "L, a joint venture between A
        and B, will operate the Z": L), the lender after "from" (the body, not its country, in
        "from China's Export-Import Bank"), the work after "to build", "for" or right after an
        operating verb."""
        if not ctx.says_any(_ROLE_CUES):
            return
        text = ctx.doc.text
        for deal in ctx.deals():
            if _NEGATED.search(text, max(0, deal.start - 30), deal.start):
                continue  # "Uganda has not secured a loan from L": no party
            agents = ctx.subject_of(deal.start) if deal.works else []
            for work in deal.works:
                for agent in agents:
                    yield ctx.fact(work, "involves", agent.entity, deal.rule, 0.8)
                for lender in deal.lenders:
                    yield ctx.fact(work, "involves", lender.entity, "lender", 0.8)
        for match in _CONTRACTOR_FOR.finditer(ctx.text):
            start, end = ctx.sentence.start + match.start(), ctx.sentence.start + match.end()
            agents = ctx.subject_of(start) if match.group().lstrip()[:1] != "," else []
            if not agents:  # "C, the main contractor for the X,": the name before the comma
                before = ctx.name_before(start)
                if before is not None and before.end == start and ctx.type_of(before) in AGENTS:
                    agents = [before]
            for work in ctx.list_after(end, THINGS):
                for agent in agents:
                    yield ctx.fact(work, "involves", agent.entity, "contractor", 0.8)
        for match in _OPERATES.finditer(ctx.text):
            start, end = ctx.sentence.start + match.start(), ctx.sentence.start + match.end()
            works = ctx.list_after(end, THINGS)
            negated = _NEGATED.search(text, max(0, start - 30), start)
            if works and not negated and _DIRECT_OBJECT_GAP.fullmatch(text, end, works[0].start):
                agents = ctx.subject_of(start)
                for work in works:
                    for agent in agents:
                        yield ctx.fact(work, "involves", agent.entity, "operator", 0.8)

    def _instruments(self, ctx: _SentenceContext) -> Iterator[Fact]:
        """ "Under the X Program and the Y Initiative, China has provided training", "Relying on
        platforms such as the X Alliance, China has helped": what the opening phrase names is
        the means of the main clause's subject, which takes part in it. The phrase is the list
        of names right after its preposition (not "Under pressure from the X", "Building on the
        success of the X"), and the subject follows its comma at once, before its verb (not
        "the WHO" inside the list, nor a name in a later clause)."""
        opening = _INSTRUMENT_PHRASE.match(ctx.doc.text, ctx.body_start)
        if opening is None:
            return
        first = next((m for m in ctx.entity_mentions if m.start >= opening.end()), None)
        if first is None or ctx.type_of(first) not in _INSTRUMENTS:
            return
        if not _MEANS_LEAD.fullmatch(ctx.doc.text, opening.end(), first.start):
            return
        means = ctx.list_after(first.start, _INSTRUMENTS)
        subject = next((m for m in ctx.entity_mentions if m.start >= means[-1].end), None)
        if subject is None or ctx.type_of(subject) not in AGENTS:
            return
        if not _AFTER_PHRASE.fullmatch(ctx.doc.text, means[-1].end, subject.start):
            return
        agents = ctx.list_after(subject.start, AGENTS)
        if not _MAIN_VERB.match(ctx.doc.text, agents[-1].end):
            return
        for thing in means:
            for agent in agents:
                yield ctx.fact(thing, "involves", agent.entity, "instrument-of", 0.75)

    # -- strategies and alignment -------------------------------------------------------------
    def _strategies(self, ctx: _SentenceContext) -> Iterator[Fact]:
        """A strategy's owner, and what is aligned with what: a sentence on alignment aligns
        its initiatives with its strategies, unless a subject other than a strategy is aligned
        with the initiative ("It is aligned with Y's "Z" strategy and with the BRI")."""
        alignments = ctx.aligned_with()
        objects = {
            id(m)
            for subject, aligned in alignments
            if ctx.type_of(subject) is not STRATEGY
            for m in aligned
        }
        strategies = list(ctx.of_type(STRATEGY))
        initiatives = [m for m in ctx.of_type(INITIATIVE) if id(m) not in objects]
        aligned = bool(strategies) and bool(_ALIGN.search(ctx.text))
        for strategy in strategies:
            owners = {_country_id(code) for code in strategy.countries}
            owners.update(
                _country_id(code) for code in _compound_countries(ctx, strategy, anywhere=True)
            )
            entry = self.lexicon.entries.get(strategy.entity or "")
            if entry is not None and entry.owner:
                owners.add(entry.owner)
            for owner in sorted(owners):
                yield ctx.fact(strategy, "ownedBy", owner, "strategy-owner")
            if aligned:
                for initiative in initiatives:
                    yield ctx.fact(
                        initiative, "alignedWith", strategy.entity, "alignment-phrase", 0.9
                    )
        for subject, aligned_with in alignments:
            for other in aligned_with:
                # "X's strategy has been aligned with the BRI": written, as the rest, from the
                # initiative to the strategy.
                if ctx.type_of(subject) is STRATEGY and (ctx.type_of(other) is INITIATIVE):
                    subject, other = other, subject
                yield ctx.fact(subject, "alignedWith", other.entity, "aligned-with-subject", 0.9)

    # -- events ------------------------------------------------------------------------------
    def _events(self, ctx: _SentenceContext) -> Iterator[Fact]:
        point_dates = ctx.point_dates()
        deadlines = ctx.deadline_dates()
        periods = ctx.periods()
        if not point_dates and not deadlines and not periods:
            return
        matches = ctx.trigger_matches()
        # The verbs of what happened, which claim the dates right after them ("was cancelled,
        # not suspended, in 2022": the negated verb claims none).
        starts = {ctx.sentence.start + match.start() for _, found in matches for match in found}
        moods = {start: _mood(ctx, start) for start in starts}
        triggers = sorted(start for start, mood in moods.items() if mood is not None)
        for kind, found in matches:
            # What has an event of the kind in this sentence, done and planned: a later verb
            # of the kind dates only others ("the X will open in 2026 and the Y in 2027").
            dated: dict[bool, set[str]] = {True: set(), False: set()}
            for match in found:
                trigger = ctx.sentence.start + match.start()
                trigger_end = ctx.sentence.start + match.end()
                planned = moods[trigger] == _PLANNED_MOOD
                if moods[trigger] is None or (_BASE_FORM.match(match.group()) and not planned):
                    continue  # "must be completed", "to open in 2027" with no plan: no event
                started = bool(_STARTED.fullmatch(match.group()))
                # "began construction of the X": the X is the verb's object, whoever began; so
                # is the X of "Kenya initiated the X" (not of "the X, initiated by Kenya").
                work_object = started and bool(_WORK_AFTER.match(ctx.doc.text, trigger_end))
                work_object = work_object or (
                    match.group().lower() == "initiated"
                    and not _PASSIVE_BEFORE.search(ctx.doc.text, max(0, trigger - 30), trigger)
                    and not _BY_AFTER.match(ctx.doc.text, trigger_end)
                )
                if (
                    started
                    and not work_object
                    and not _WORK_BEFORE.search(ctx.doc.text, ctx.clause_of(trigger)[0], trigger)
                ):
                    continue  # "began operations", "the talks started": not the start of work
                # "was completed by the end of June 2023": a deadline right after the verb is
                # the event's, before a date of another verb ("to start in 2026 and to be
                # completed by 2028").
                dates = [
                    d
                    for d in deadlines
                    if d.start >= trigger_end and not ctx.doc.text[trigger_end : d.start].strip()
                ] or [d for d in point_dates if ctx.dates_event(d, trigger, trigger_end)]
                # "was completed in 2021-2023": a period right after the verb is the event's.
                dates = dates or [
                    d
                    for d in periods
                    if _PERIOD_AFTER.fullmatch(ctx.doc.text, trigger_end, d.start)
                ]
                if not dates:
                    continue
                types = EVENT_SUBJECT_TYPES[kind]
                subjects = ctx.fronted_subject(trigger, trigger_end, types) or ctx.event_subjects(
                    trigger, trigger_end, types, object_only=work_object
                )
                if kind == "signing" and not subjects:
                    subjects = ctx.signed_topic(trigger_end)
                subjects = subjects or _it_refers_to(
                    ctx, EVENT_SUBJECT_TYPES[kind], trigger, trigger_end
                )
                subjects = [m for m in subjects if m.entity not in dated[planned]]
                if not subjects:
                    continue
                if kind in STOP_KINDS and not _stops_the(ctx, subjects[0], trigger_end):
                    continue
                date = _event_date(dates, trigger, trigger_end, triggers)
                if date is None or date.date is None:
                    continue
                participants = tuple(
                    sorted(
                        {m.entity for m in ctx.entity_mentions if m.label is PERSON and m.entity}
                    )
                )
                for subject in subjects:
                    yield Fact(
                        subject.entity or "",
                        "event",
                        ctx.evidence(event_rule("event", kind, planned)),
                        event_kind=kind,
                        date=date.date,
                        participants=participants,
                        planned=planned,
                    )
                    if kind == "proposal" and not planned:
                        for person in participants:
                            yield ctx.fact(subject, "proposedBy", person, "proposal-by-person", 0.9)
                    dated[planned].add(subject.entity or "")

    def _attended(self, ctx: _SentenceContext) -> Iterator[Fact]:
        """ "In 2019, 40 leaders attended the X Roundtable": a meeting people attended on a
        date was held then."""
        point_dates = ctx.point_dates()
        for match in _ATTENDED.finditer(ctx.text):
            trigger = ctx.sentence.start + match.start()
            start = ctx.sentence.start + match.end()
            meeting = next(iter(ctx.starting_in(start, start + 1)), None)
            if meeting is None or not _is_meeting(ctx, meeting):
                continue
            dates = [d for d in point_dates if ctx.dates_event(d, trigger, start)]
            if not dates:
                continue
            date = min(dates, key=lambda d: abs(d.start - trigger))
            yield Fact(
                meeting.entity or "",
                "event",
                ctx.evidence("event-attended", 0.8),
                event_kind="holding",
                date=date.date,
            )

    def _held_in(self, ctx: _SentenceContext) -> Iterator[Fact]:
        """ "The first forum in 2017", "the second forum held in 2019": a meeting named with
        its date was held then."""
        dates = {m.start: m for m in ctx.mentions if m.kind is DATE and m.date}
        # "launched the X Forum in 2023": the date is the launch's, the forum's object verb's.
        governed = {
            ctx.sentence.start + match.end()
            for kind, found in ctx.trigger_matches()
            if kind != "holding"
            for match in found
        }
        for meeting in ctx.entity_mentions:
            if not _is_meeting(ctx, meeting):
                continue
            verb = _OBJECT_GAP.search(ctx.doc.text, max(0, meeting.start - 6), meeting.start)
            if verb is not None and verb.start() in governed:
                continue
            after = _HELD_IN.match(ctx.doc.text, meeting.end)
            date = dates.get(after.end()) if after else None
            if date is None or date.date is None or date.date.end is not None:
                continue
            yield Fact(
                meeting.entity or "",
                "event",
                ctx.evidence("event-held-in"),
                event_kind="holding",
                date=date.date,
            )

    # -- quantities --------------------------------------------------------------------------
    def _quantities(self, ctx: _SentenceContext) -> Iterator[Fact]:
        quantities = [m for m in ctx.mentions if m.kind is QUANTITY]
        dates = ctx.as_of_dates() if quantities else []
        for quantity in quantities:
            share = quantity.quantity is not None and quantity.quantity.unit == "percent"
            subject = (
                ctx.name_after(quantity, _MODIFIER_GAP)
                or ctx.name_after(quantity, _LOAN_FOR, reach=30, types=THINGS)
                or ctx.lent_for(quantity)
                or ctx.financed_before(quantity)
                or ctx.borrowed_for(quantity)
                or ctx.appositive_of(quantity)
                or ctx.raised_to(quantity)
                or ctx.cost_of(quantity)
                or ctx.subject_before(quantity.start, EVENT_SUBJECTS)
                or ctx.it_before(quantity.start)
                or (ctx.name_after(quantity, _SHARE_OF) if share else None)
            )
            if (
                subject is None
                or (ctx.type_of(subject) is ORGANIZATION and ctx.lent_or_held(quantity))
                or (ctx.type_of(subject) in WORKS and ctx.shared_cost(quantity, subject))
            ):
                continue
            as_of: DateValue | None = None
            # "up from 11 percent in 2022": a date right after the figure is its own.
            own = [d for d in dates if _DATED_AFTER.fullmatch(ctx.doc.text[quantity.end : d.start])]
            earlier = [d for d in dates if d.start < quantity.start]
            if own:
                as_of = own[0].date
            elif earlier:
                as_of = earlier[-1].date
            elif dates:  # the first after it, unless it dates a figure compared with this
                # one ("12,000 tonnes per day, up from 8,000 tonnes in 2023")
                first = min(dates, key=lambda d: d.start)
                if not _COMPARED.search(ctx.doc.text, quantity.end, first.start):
                    as_of = first.date
            assert quantity.quantity is not None
            yield Fact(
                subject.entity or "",
                "quantity",
                ctx.evidence(quantity.rule),
                quantity=quantity.quantity,
                measure=quantity.quantity.text_unit or quantity.quantity.unit,
                date=as_of,
            )


@dataclass(frozen=True, slots=True)
class _Deal:
    """A loan or contract a sentence tells of: the rule its subject's part is read by, its
    span (the verb to "from" or to the contract), its lenders and the works it is for."""

    rule: str
    start: int
    end: int
    lenders: list[Mention]
    works: list[Mention]


@dataclass(slots=True)
class _SentenceContext:
    """One sentence's mentions, indexed once: the rules ask the same questions many times, and
    a long line (a table flattened by PDF extraction) may hold hundreds of names."""

    doc: Document
    sentence: Sentence
    mentions: list[Mention]
    entities: dict[str, Entity]
    tables: Tables  # the document's, read once
    text: str = ""
    body_start: int = 0  # after a news dateline, if the sentence opens with one
    previous_subject: Mention | None = None  # what "It" opening the sentence refers to
    previous_leads: bool = False  # whether it was the first name of its sentence
    previous_agent: Mention | None = None  # the body or country that led the sentence before
    entity_mentions: list[Mention] = field(default_factory=list)
    countries: list[Mention] = field(default_factory=list)
    _by_type: dict[EntityType | None, list[Mention]] = field(default_factory=dict)
    _parents: dict[int, Mention | None] | None = None
    _starts: dict[int, list[int]] = field(default_factory=dict)
    _name_parents: list[Mention] = field(default_factory=list)
    _quote: Evidence | None = None
    _words: frozenset[str] | None = None
    _country_ends: dict[int, Mention] | None = None
    _clause_bounds: dict[re.Pattern[str], list[int]] = field(default_factory=dict)
    _trigger_matches: list[tuple[str, list[re.Match[str]]]] | None = None
    _deals: list[_Deal] | None = None

    def __post_init__(self) -> None:
        self.text = self.doc.text[self.sentence.start : self.sentence.end]
        dateline = DATELINE.match(self.text)
        self.body_start = body = self.sentence.start + (dateline.end() if dateline else 0)
        self.entity_mentions = [
            m for m in self.mentions if m.kind is ENTITY and m.entity and m.start >= body
        ]
        for mention in self.entity_mentions:
            self._by_type.setdefault(self.type_of(mention), []).append(mention)
        self.entity_mentions.sort(key=lambda m: m.start)
        self._name_parents = [m for m in self.entity_mentions if m.rule == "name-parent"]
        self.countries = sorted(
            (m for m in self.mentions if m.kind is ENTITY and m.label is COUNTRY),
            key=lambda m: m.start,
        )

    def of_type(self, entity_type: EntityType) -> Iterator[Mention]:
        return iter(self._by_type.get(entity_type, ()))

    def countries_by_end(self) -> dict[int, Mention]:
        """The sentence's country mentions by where they end (made once per sentence)."""
        if self._country_ends is None:
            self._country_ends = {m.end: m for m in self.countries if m.countries}
        return self._country_ends

    def says_any(self, cues: frozenset[str]) -> bool:
        """Whether the sentence has one of these lowercase words: a rule whose trigger words
        are all absent need not scan the sentence with its (slower) pattern."""
        if self._words is None:
            self._words = frozenset(_WORD.findall(self.text.lower()))
        return not self._words.isdisjoint(cues)

    def starting_in(self, start: int, end: int, pool: list[Mention] | None = None) -> list[Mention]:
        """Mentions of ``pool`` (default: all names) that start in ``[start, end)``, found by
        bisection, so rules that look a short way around a name stay linear."""
        pool = self.entity_mentions if pool is None else pool
        key = id(pool)
        if key not in self._starts:
            self._starts[key] = [m.start for m in pool]
        starts = self._starts[key]
        return pool[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def type_of(self, mention: Mention) -> EntityType | None:
        entity = self.entities.get(mention.entity or "")
        return entity.type if entity else mention.label

    def between(self, left: Mention, right: Mention) -> str:
        return self.doc.text[left.end : right.start]

    def evidence(self, rule: str, confidence: float = 1.0) -> Evidence:
        """Evidence from this sentence; its quote is sliced from the original text once."""
        if self._quote is None:
            self._quote = self.doc.evidence(self.sentence, rule, confidence)
        return replace(self._quote, rule=rule, confidence=confidence)

    def fact(
        self, subject: Mention, predicate: str, obj: str | None, rule: str, confidence: float = 1.0
    ) -> Fact:
        return Fact(subject.entity or "", predicate, self.evidence(rule, confidence), object=obj)

    def nearest(
        self,
        position: int,
        types: set[EntityType] | frozenset[EntityType],
        before_only: bool = False,
    ) -> Mention | None:
        candidates = [m for m in self.entity_mentions if self.type_of(m) in types]
        before = [m for m in candidates if m.end <= position]
        if before:
            return before[-1]
        if before_only:
            return None
        after = [m for m in candidates if m.start >= position]
        return after[0] if after else None

    def parent_of(self, part: Mention) -> Mention | None:
        """The named whole a mention says it is part of: "the X section of the Y",
        "the Y (X section)", "Y Phase II", "Secretariat of the Y"."""
        if self._parents is None:
            self._parents = {id(m): self._find_parent(m) for m in self.entity_mentions}
        if id(part) not in self._parents:
            self._parents[id(part)] = self._find_parent(part)
        return self._parents[id(part)]

    def _find_parent(self, part: Mention) -> Mention | None:
        # " of the " may stand between a part and its whole: "Chuanshan Port Area of the Y".
        candidates = self.starting_in(part.start, part.end + 9, self._name_parents)
        if part.rule == "name-section":
            candidates = self.starting_in(part.start - _PHRASE_GAP, part.end + _PHRASE_GAP)
        for mention in candidates:
            if mention is part:
                continue
            if mention.rule == "name-parent" and part.start <= mention.start < part.end:
                return mention
            if (
                mention.rule == "name-parent"
                and mention.start >= part.end
                and _OF_THE.match(self.between(part, mention))
            ):
                return mention
            if part.rule != "name-section":
                continue
            if mention.start >= part.end and _OF_THE.match(self.between(part, mention)):
                return mention
            if mention.end <= part.start and re.fullmatch(r"\s*\(", self.between(mention, part)):
                return mention
        return None

    def section_of(self, parent: Mention) -> Mention | None:
        """The section mention whose "of the" points at ``parent``."""
        for mention in self.entity_mentions:
            if mention.rule == "name-section" and self.parent_of(mention) is parent:
                return mention
        return None

    def name_after(
        self,
        quantity: Mention,
        gap: re.Pattern[str],
        reach: int = 12,
        types: frozenset[EntityType] = EVENT_SUBJECTS,
    ) -> Mention | None:
        """The name right after a figure, with ``gap`` between: the name it modifies ("the
        1,035-kilometer-long China-Laos Railway", not the "X Bank" of "a US$3.8 billion X Bank
        loan") or, for a percentage, the name it is a share of ("18 percent of the X Bank's
        lending")."""
        for mention in self.starting_in(quantity.end, quantity.end + reach):
            if (
                self.type_of(mention) in types
                and gap.fullmatch(self.doc.text[quantity.end : mention.start])
                and not self.attributive(mention)
            ):
                return mention
        return None

    def lent_for(self, quantity: Mention) -> Mention | None:
        """What "a loan of US$1.2 billion for the X" or "lent $2 billion to Kenya for the X"
        finances: the sum is the X's."""
        before = self.doc.text[max(0, quantity.start - 20) : quantity.start]
        if _LOAN_OF.search(before):
            return self.name_after(quantity, _FOR_THING, types=THINGS)
        if _LENT_SUM.search(before):
            return self.name_after(quantity, _TO_BORROWER_FOR, reach=120, types=WORKS)
        if not _SPENT_SUM.search(before):
            return None
        spent_on = self.name_after(quantity, _SPENT_ON, reach=60, types=WORKS)
        if spent_on is not None:
            return spent_on
        works = self.name_before(quantity.start)  # "a deal for the X, worth KES 18 billion"
        if (
            works is not None
            and self.type_of(works) in WORKS
            and _WORTH_AFTER.fullmatch(self.doc.text, works.end, quantity.start)
        ):
            return works
        return None

    def financed_before(self, quantity: Mention) -> Mention | None:
        """What a sum after it finances: "financed the X with a $2.4 billion loan", "Loan
        Agreement ... for the X, in the amount of USD 780 million"."""
        mention = self.name_before(quantity.start)
        if mention is None or self.type_of(mention) not in THINGS:
            return None
        text = self.doc.text
        if _WITH_SUM.fullmatch(text, mention.end, quantity.start) and _FINANCED.search(
            text, max(0, mention.start - 20), mention.start
        ):
            return mention
        clause_start = self.clause_of(mention.start, _FIGURE_CLAUSE_END)[0]
        if _AMOUNT_OF.fullmatch(text, mention.end, quantity.start) and _LOAN_FOR_BEFORE.search(
            text, clause_start, mention.start
        ):
            return mention
        return None

    def lent_or_held(self, quantity: Mention) -> bool:
        """Whether a figure is a sum lent ("weighing a US$250 million loan for a solar
        project"), a contract's value ("under an EPC contract worth $420 million") or a stake
        ("a 60 percent stake in", "the remaining 40 percent"): no figure of the body that
        lends, contracts or holds it."""
        text = self.doc.text
        if _SUM_LENT.match(text, quantity.end):
            return True
        if _CONTRACT_WORTH.search(text, max(0, quantity.start - 40), quantity.start):
            return True
        if quantity.quantity is None or quantity.quantity.unit != "percent":
            return False
        return bool(
            _STAKE.match(text, quantity.end)
            or _REMAINING.search(text, max(0, quantity.start - 12), quantity.start)
        )

    def appositive_of(self, quantity: Mention) -> Mention | None:
        """The name whose appositive a figure opens: "the X Railway, a 310-km standard gauge
        line" (not the subject of the clause, who signed the contract for it)."""
        mention = self.name_before(quantity.start)
        if (
            mention is not None
            and self.type_of(mention) in EVENT_SUBJECTS
            and _APPOSITIVE_FIGURE.fullmatch(self.doc.text, mention.end, quantity.start)
        ):
            return mention
        return None

    def cost_of(self, quantity: Mention) -> Mention | None:
        """The works a sum after "at a cost of", "costing" or "with an investment of" is the
        cost of: the name a participle or "costing" right before it follows ("the W Railway, to
        be built at a cost of"); else the clause's subject if it is a project or corridor ("The X
        Dam, located upstream of the Y Bridge, was built at a cost of"); else the last works the
        clause names after its subject and any aside on it ("C, which runs the Z Port, will
        build the X in Kenya, at a cost of": the X's, not C's), or in a phrase fronted before
        it ("At the X Port, C will build a berth at a cost of"). Fronted itself ("At a cost of
        $900 million, the X ...", "..., C will upgrade the X"), the sum is the works after it."""
        text = self.doc.text
        phrase = self.cost_phrase(quantity)
        if phrase is None or not is_sum(quantity):
            return None
        clause_start, clause_end = self.clause_of(quantity.start, _FIGURE_CLAUSE_END)
        if text.startswith(",", quantity.end) and "," not in text[clause_start : phrase.start()]:
            return self.name_after(  # "At a cost of KES 18 billion, C will upgrade the X"
                quantity, _FRONTED_COST_GAP, types=WORKS
            ) or self.first_object(self.works_in(quantity.end, clause_end), quantity.end)
        spent_on = self.name_after(quantity, _FOR_WORKS_AFTER, reach=60, types=WORKS)
        if spent_on is not None:  # "with a total investment of $500 million for the X"
            return spent_on
        right_before = self.name_before(phrase.start())
        if right_before is not None and self.type_of(right_before) in WORKS:
            gap = text[right_before.end : phrase.start()]
            costing = phrase.group().lower().startswith("costing")
            if (_BEFORE_COSTING if costing else _BUILT_AT).fullmatch(gap) or (
                _BEFORE_COSTING.fullmatch(gap)
                and _APPOSED_TO_NOUN.search(text, clause_start, right_before.start)
            ):
                return right_before
            # "will build the X at a cost of $3 million and the Y at a cost of $5 million"
            if (
                gap.isspace()
                and any(
                    m.kind is QUANTITY
                    and clause_start <= m.start < right_before.start
                    and is_sum(m)
                    for m in self.mentions
                )
                and self.object_of_verb(right_before, clause_start)
            ):
                return right_before
        subject = self.subject_before(quantity.start, EVENT_SUBJECTS)
        if subject is None:
            return (self.works_in(clause_start, phrase.start()) or [None])[-1]
        if self.type_of(subject) in WORKS and not _OWNERS.match(text, subject.end):
            return subject
        aside = _SUBJECT_ASIDE.match(text, subject.end, phrase.start())
        after = self.works_in(aside.end() if aside else subject.end, phrase.start())
        return (
            self.first_object(after, subject.end)
            or (after or self.works_in(clause_start, subject.start) or [None])[-1]
        )

    def cost_phrase(self, quantity: Mention) -> re.Match[str] | None:
        """ "at a cost of", "costing", "with a total investment of" right before a sum."""
        return _COST_BEFORE.search(self.doc.text, max(0, quantity.start - 60), quantity.start)

    def first_object(self, works: list[Mention], start: int) -> Mention | None:
        """The first of ``works`` (named after ``start``) that a verb acts on."""
        return next((mention for mention in works if self.object_of_verb(mention, start)), None)

    def object_of_verb(self, mention: Mention, start: int) -> bool:
        """Whether ``mention``, named after ``start``, is what a verb acts on ("will build the
        X"), not a place or a link ("on the Y", "to the Y") nor a name in a relative clause on
        another ("the X, which links the Y to the city")."""
        text = self.doc.text
        if _PLACING_WORD.search(text, max(start, mention.start - 30), mention.start):
            return False
        return not any(
            relative.start() < mention.start < relative.end()
            for relative in _RELATIVE_ASIDE.finditer(text, start, mention.start)
        )

    def shared_cost(self, quantity: Mention, works: Mention) -> bool:
        """Whether the cost ``cost_of`` gave ``works`` is one it shares with the names listed
        with it ("built the X, the Y and the Z at a combined cost of", "The X and the Y were
        built at a cost of"): no one's alone."""
        if self.cost_phrase(quantity) is None:
            return False
        before = self.name_before(works.start)
        return len(self.list_after(works.start, WORKS)) > 1 or (
            before is not None
            and self.type_of(before) in WORKS
            and bool(_LIST_TAIL.fullmatch(self.doc.text, before.end, works.start))
        )

    def works_in(self, start: int, end: int) -> list[Mention]:
        """The projects and corridors named in ``[start, end)`` as what a clause is about: whole
        names, not modifiers."""
        return [
            mention
            for mention in self.starting_in(start, end)
            if mention.end <= end
            and self.type_of(mention) in WORKS
            and not self.nested(mention)
            and not self.attributive(mention)
        ]

    def name_before(self, position: int) -> Mention | None:
        """The last whole name (not one nested in another) that ends before ``position``,
        within a phrase's reach."""
        for mention in reversed(self.starting_in(position - _PHRASE_GAP, position)):
            if mention.end <= position and not self.nested(mention):
                return mention
        return None

    def it_before(self, position: int) -> Mention | None:
        """What "It" opening the sentence refers to, the paragraph's last subject, for a
        figure after it ("It handled 1.2 million TEUs in 2023"); not an expletive "It is
        estimated that"."""
        it = _IT_SUBJECT.match(self.doc.text, self.body_start, position)
        if it is None or "that" in self.doc.text[it.end() : position].split():
            return None
        # "It is 5 km from the Y", "It would take $3 billion to extend the Y", "It is
        # estimated that ...": no figure of the subject's; nor one before another name.
        sentence = self.doc.text[it.start() : self.sentence.end]
        if _IT_NOT_THE_SUBJECTS.match(sentence) or any(
            m.start > position and self.type_of(m) in THINGS for m in self.entity_mentions
        ):
            return None
        # Not when another name led that sentence: "China, relying on the X, has trained ...
        # It has dispatched medical teams to 58 countries" tells of China.
        return self.previous_subject if self.previous_leads else None

    def raised_to(self, quantity: Mention) -> Mention | None:
        """The name a change verb brings to the figure: "expand the B Alliance to 100 member
        ports"."""
        text = self.doc.text
        for mention in reversed(self.starting_in(quantity.start - _PHRASE_GAP, quantity.start)):
            if mention.end > quantity.start or self.nested(mention):
                continue
            if (
                self.type_of(mention) in EVENT_SUBJECTS
                and _RAISED_TO.fullmatch(text, mention.end, quantity.start)
                and _RAISE_VERB.search(text, max(0, mention.start - 40), mention.start)
            ):
                return mention
            return None
        return None

    def subject_before(self, position: int, types: frozenset[EntityType]) -> Mention | None:
        """The first name of the given types in the clause before ``position``: in these
        documents the subject of the clause that states a figure. An organisation named as an
        agent ("The highway, built by the X Corporation, cost US$1.2 billion") is not."""
        clause_start = self.clause_of(position, _FIGURE_CLAUSE_END)[0]
        for mention in self.entity_mentions:
            if mention.end > position:
                return None
            if (
                mention.start >= clause_start
                and self.type_of(mention) in types
                and not self.fronted(mention)
                and not self.attributive(mention)
                and not (self.type_of(mention) is ORGANIZATION and self.builder(mention))
                and not self.relative_on_another(mention, position)
            ):
                return mention
        return None

    def relative_object(self, agents: list[Mention], verb: int) -> Mention | None:
        """What a relative clause's verb at ``verb`` acts on when the clause opens with its
        subject, ``agents`` ("the BRI, which Kenya joined in 2017": the BRI), if it does."""
        if not agents or not _SUBJECT_RIGHT_BEFORE.fullmatch(self.doc.text, agents[-1].end, verb):
            return None
        for mention in self.entity_mentions:
            if mention.end > agents[0].start:
                return None
            gap = self.doc.text[mention.end : agents[0].start]
            if self.type_of(mention) in THINGS and _WHICH_SUBJECT.fullmatch(gap):
                return mention
        return None

    def relative_on_another(self, mention: Mention, position: int) -> bool:
        """ "Korvex built the terminal, which employs 3,000 workers": ``position`` lies in a
        relative clause on something other than ``mention`` (on the terminal, which the
        figure is of); not "the X Port, which opened in 2020, handles ...", on the mention,
        nor "the X Port in Kenya, which opened in 2020, handles ...", closed before it."""
        relative = _RELATIVE.search(self.doc.text, mention.end, position)
        return (
            relative is not None
            and relative.start() != mention.end
            and "," not in self.doc.text[relative.end() : position]
        )

    def builder(self, mention: Mention) -> bool:
        """ "built by the X", "financed by the X", "financed by a loan from the X": the agent of
        a participle."""
        return bool(_PASSIVE_AGENT.search(self.doc.text, max(0, mention.start - 80), mention.start))

    def fronted(self, mention: Mention) -> bool:
        """ "At the WTO, China's efforts ...", "...; as a flagship project under the BRI, the
        railway ...": a name in a phrase fronted in its clause is not the clause's subject; but
        after a fronted date with no comma ("In 2023 the X carried ...") the name is."""
        before = self.doc.text[self.clause_of(mention.start)[0] : mention.start].lstrip()
        return bool(_FRONTED.match(before)) and "," not in before and not _DATE_THEN.match(before)

    def list_after(
        self, start: int, types: frozenset[EntityType], aliases: bool = False
    ) -> list[Mention]:
        """A coordinated list ("China, Laos and Thailand") of mentions starting at ``start``;
        with ``aliases``, past a name's bracketed alias ("the China Railway Express (CR
        Express), the X")."""
        found: list[Mention] = []
        cursor = start
        text = self.doc.text
        for mention in self.entity_mentions:
            if mention.start < cursor or any(m.start <= mention.start < m.end for m in found):
                continue
            gap = text[cursor : mention.start]
            if (
                aliases
                and found
                and gap.strip() == "("
                and text[mention.end : mention.end + 1] == ")"
            ):
                cursor = mention.end + 1  # the alias of the name before
                continue
            if not _GAP.fullmatch(gap):
                break
            if self.type_of(mention) not in types:
                break
            found.append(mention)
            cursor = mention.end
        return self._with_both_sides(found)

    def borrowing(self, lender_start: int) -> tuple[list[Mention], list[Mention]]:
        """The lenders listed at ``lender_start`` ("from China's Export-Import Bank") and the
        works the loan is for, after them."""
        lenders = [self.possessed(m) for m in self.list_after(lender_start, AGENTS)]
        return (lenders, self.works_for(lenders[-1].end)) if lenders else ([], [])

    def works_for(self, start: int) -> list[Mention]:
        """The works a loan or contract ending at ``start`` is for: "to build the X", "for
        the construction of the Y and the Z"."""
        purpose = _FOR_WORK.match(self.doc.text, start)
        return self.list_after(purpose.end(), THINGS) if purpose else []

    def deals(self) -> list[_Deal]:
        """The loans ("secured a $2.4 billion loan from L to build the X") and contracts ("won
        a $600 million contract from the Y Authority to build the X") of the sentence, read
        once: the parties and the figures both ask for them."""
        if self._deals is None:
            self._deals = []
            if self.says_any(_ROLE_CUES):
                for pattern, rule in ((_BORROWED, "borrower"), (_CONTRACTED, "contractor")):
                    for match in pattern.finditer(self.text):
                        start = self.sentence.start + match.start()
                        end = self.sentence.start + match.end()
                        lenders: list[Mention] = []
                        if pattern is _BORROWED:
                            lenders, works = self.borrowing(end)
                        else:
                            works = self.contracted(end)
                        self._deals.append(_Deal(rule, start, end, lenders, works))
        return self._deals

    def borrowed_for(self, quantity: Mention) -> Mention | None:
        """What the sum of a loan or contract the sentence tells of (:meth:`deals`) is for."""
        for deal in self.deals():
            if deal.start < quantity.start and quantity.end <= deal.end:
                return deal.works[0] if deal.works else None
        return None

    def contracted(self, contract_end: int) -> list[Mention]:
        """The works a contract ending at ``contract_end`` is for, past whoever awarded it
        ("a contract from the Y Authority to build the X")."""
        client = _FROM_CLIENT.match(self.doc.text, contract_end)
        clients = self.list_after(client.end(), AGENTS) if client else []
        return self.works_for(clients[-1].end if clients else contract_end)

    def possessed(self, mention: Mention) -> Mention:
        """The body a country's possessive names: "China's (state-owned) Export-Import Bank"
        for China."""
        if self.type_of(mention) is not COUNTRY:
            return mention
        for other in self.starting_in(mention.end, mention.end + 30):
            gap = self.doc.text[mention.end : other.start]
            if _POSSESSIVE_GAP.fullmatch(gap) and self.type_of(other) is ORGANIZATION:
                return other
        return mention

    def subject_of(self, verb: int) -> list[Mention]:
        """The agents listed as the subject of the verb at ``verb``: right before it, past
        auxiliaries and adverbs, or before an appositive set off by commas ("L, a joint
        venture between A and B, will operate": L)."""
        before = [
            m
            for m in self.entity_mentions
            if m.end <= verb
            and self.type_of(m) in AGENTS
            and not self.fronted(m)
            and not self.governed(m)
            and not self.agent(m)
            and not self.nested(m)
        ]
        text = self.doc.text
        for mention in reversed(before):
            if _AUXILIARIES.fullmatch(text, mention.end, verb) or (
                _APPOSITIVE_BEFORE_VERB.fullmatch(text, mention.end, verb)
            ):
                return self.list_ending(mention, AGENTS)
            if ";" in text[mention.end : verb]:
                break
        return []

    def titled_persons_at(self, start: int) -> list[Mention]:
        """The agents listed at ``start``, a person after its title and nationality ("Argentine
        Senator X", "Minister of Transport X and Chinese Vice Minister of Commerce Y and the Z
        Bank"): the title is capitalised words of no name."""
        found: list[Mention] = []
        for mention in self.starting_in(start, self.sentence.end):
            titled = self.type_of(mention) is PERSON and _TITLE_BEFORE.fullmatch(
                self.doc.text, start, mention.start
            )
            if not titled and not (mention.start == start and self.type_of(mention) in AGENTS):
                break
            found.append(mention)
            joined = _AND_NEXT.match(self.doc.text, mention.end)
            if joined is None:
                break
            start = joined.end()
        return found

    def list_ending(self, last: Mention, types: frozenset[EntityType]) -> list[Mention]:
        """The coordinated list ("China, Laos and Thailand") of mentions that ends with
        ``last``, in text order: commas only before an "and" ("Under an agreement with the
        X Bank, Laos launched" is one name), and no fronted or governed name ("Unlike the X,
        the Y and the Z were suspended")."""
        found = [last]
        coordinated = False
        for mention in reversed(self.entity_mentions):
            if mention.end > found[-1].start:
                continue
            gap = self.doc.text[mention.end : found[-1].start]
            joined = "and" in gap or "&" in gap
            if (
                not _GAP.fullmatch(gap)
                or not (joined or coordinated)
                or self.type_of(mention) not in types
                or self.fronted(mention)
                or self.governed(mention)
            ):
                break
            coordinated = coordinated or joined
            found.append(mention)
        return self._with_both_sides(found[::-1])

    def _with_both_sides(self, found: list[Mention]) -> list[Mention]:
        """A list with every country "the two sides" stands for: one mention per country on
        one span (recognize.sides), of which a list walk meets only the first."""
        spans = {(m.start, m.end) for m in found if m.rule == "both-sides"}
        if not spans:
            return found
        others = [m for m in self.entity_mentions if (m.start, m.end) in spans and m not in found]
        return sorted([*found, *others], key=_START_OF)

    def event_subjects(
        self,
        trigger_start: int,
        trigger_end: int,
        types: frozenset[EntityType],
        object_only: bool = False,
    ) -> list[Mention]:
        """What the event happened to: the nearest thing of ``types`` before the trigger in
        its clause, else (or, with ``object_only``, only) the things it governs after it
        (active voice: "Xi put forward the X and the Y", "the banks released the Initiative
        ...")."""
        head = self.reduced_relative_head(trigger_start)
        if head is not None and self.type_of(head) in types and not object_only:
            return [head]  # "governed by the Y Committee, set up in 2020": the committee was
        clause_start = self.sentence.start
        relative = False  # whether the trigger's clause is a relative one (", which ...")
        for match in re.finditer(r"[;:]|,\s+(?:and|while|which|with)\s", self.text):
            if self.sentence.start + match.end() <= trigger_start:
                # "The X, with a capacity of 1,320 MW, entered operation": a "with" phrase a
                # comma closes before the verb is no clause of its own.
                if (
                    match.group().rstrip().endswith("with")
                    and "," in self.doc.text[self.sentence.start + match.end() : trigger_start]
                ):
                    continue
                clause_start = self.sentence.start + match.end()
                relative = match.group().rstrip().endswith("which")
        things = [m for m in self.entity_mentions if self.type_of(m) in types]
        before = [m for m in things if clause_start <= m.start and m.end <= trigger_start]
        before = [
            m
            for m in before
            if not self.attributive(m) and not self.agent(m) and not self.governed(m)
        ]
        if before and not object_only:
            subject = max(before, key=lambda m: (m.end, m.end - m.start))
            subject = self._before_appositive(before, subject, trigger_start)
            if _PHASE_OF.search(self.doc.text, max(0, subject.start - 30), subject.start):
                return []  # "The first phase of the X was completed": not the whole X
            if _PART_SUBJECT.search(self.doc.text, subject.end, trigger_start):
                return []  # "the X ... and its second phase was completed": the phase was
            # "The X and the Y were suspended", "The X and the Y opened in 2019": both did.
            if _PLURAL_VERB.search(self.doc.text, subject.end, trigger_start + 5):
                subjects = self.list_ending(subject, types)
            elif _VERB_RIGHT_AFTER.fullmatch(self.doc.text, subject.end, trigger_start):
                subjects = self.list_ending(subject, types)
                # "Laos upgraded the X Port and the Y Railway opened": after a verb of its own,
                # "and" joins two clauses, and the names before it are that verb's objects.
                if _CLAUSE_VERB.search(self.doc.text, clause_start, subjects[0].start):
                    subjects = [subject]
            else:
                subjects = [subject]
            # "the X section of the Y opened": the section opened, not the whole Y.
            return [self.section_of(m) or m for m in subjects]
        if relative and not object_only:  # "The X, which opened in May 2017, has ...": the X opened
            antecedents = [
                m for m in things if _WHICH.fullmatch(self.doc.text[m.end : clause_start])
            ]
            if antecedents:
                return [antecedents[-1]]
        governed = self.governed_after(trigger_end, things, types)
        label = None if governed or object_only else self.item_label(trigger_start, types)
        return [label] if label is not None else governed  # "**X Hub** (Georgia): opened in 2024"

    def governed_after(
        self, trigger_end: int, things: list[Mention], types: frozenset[EntityType]
    ) -> list[Mention]:
        """Active voice ("Xi put forward the X and the Y") or a participle clause ("Having
        entered into operation in 2021, the X ..."): the things named after the trigger."""
        after = [
            m
            for m in things
            if m.start >= trigger_end and not self.attributive(m) and not self.governed(m)
        ]
        if not after:
            return []
        # The object must be governed by the verb: only lowercase words between them ("put
        # forward the pioneering proposal to build a ..."), not the start of another title; a
        # date in between is part of the verb phrase ("Having entered into operation since
        # December 2021, the X"). A counted object ("established nine platforms targeting
        # ASEAN") is a set of unnamed things, not the name after it.
        gap = _MEASURE_MODIFIER.sub("", self.without_dates(trigger_end, after[0].start))
        if re.search(r"\b[A-Z]", gap) or len(gap.split()) > 8 or _COUNTED.search(gap):
            return []
        # Past a comma, the name is the subject of the main clause only when the clause before
        # is the participle and its date ("Officially opened on October 17, 2023, the X"), not
        # a noun with its own object ("since the launch of passenger trains on ..., the X").
        if "," in gap and not _PARTICIPLE_TAIL.fullmatch(gap):
            return []
        return self.list_after(after[0].start, types)

    def aligned_with(self) -> list[tuple[Mention, list[Mention]]]:
        """(subject, what it is aligned with) for each "X is aligned with Y's "Z" strategy and
        with the W": the passive's subject, or what "It" refers to, and the names listed after
        "with"."""
        found: list[tuple[Mention, list[Mention]]] = []
        if "aligned" not in self.text:
            return found
        for match in _ALIGNED_WITH.finditer(self.text):
            verb = self.sentence.start + match.start(1)
            cursor = self.sentence.start + match.end()
            aligned: list[Mention] = []
            lead = _ALIGNED_FIRST
            for mention in self.starting_in(cursor, self.sentence.end):
                if self.type_of(mention) not in ALIGNABLE or self.nested(mention):
                    continue  # a possessive owner ("Thailand's") is part of the lead
                if not lead.fullmatch(self.doc.text, cursor, mention.start):
                    break
                aligned.append(mention)
                cursor, lead = mention.end, _ALIGNED_NEXT
            subjects = [
                m for m in self.event_subjects(verb, verb + 7, ALIGNABLE) if m.end <= verb
            ] or _it_refers_to(self, ALIGNABLE, verb, verb + 7)
            found.extend((subject, aligned) for subject in subjects if aligned)
        return found

    def signed_topic(self, trigger_end: int) -> list[Mention]:
        """What the memorandum or agreement signed is on ("signed a Memorandum of
        Understanding on the X Corridor"): the things listed there, not a forum on whose
        sidelines it was signed ("on the X Forum sidelines")."""
        topic = _SIGNED_ON.match(self.doc.text, trigger_end, self.sentence.end)
        things = self.list_after(topic.end(), THINGS) if topic else []
        return [m for m in things if not _SIDELINES.match(self.doc.text, m.end)]

    def item_label(self, trigger_start: int, types: frozenset[EntityType]) -> Mention | None:
        """The name of ``types`` a list item or line opens with, when a colon after it (and a
        bracket, "(Georgia)") comes before the verb: what the item's clauses tell of."""
        if not self.entity_mentions:
            return None
        first = self.entity_mentions[0]
        first = max(
            (m for m in self.entity_mentions if m.start == first.start),
            key=lambda m: m.end,
        )
        if self.type_of(first) not in types:
            return None
        if not _LABEL_OPENING.fullmatch(self.doc.text, self.body_start, first.start):
            return None
        colon = _LABEL_COLON.match(self.doc.text, first.end, trigger_start)
        return first if colon is not None else None

    def reduced_relative_head(self, trigger_start: int) -> Mention | None:
        """The name a participle follows after a comma ("the Y Committee, set up by A and B"),
        which it tells of as a "which was" clause would."""
        text = self.doc.text
        mention = self.name_before(trigger_start)
        if mention is None or not _REDUCED_RELATIVE.fullmatch(text, mention.end, trigger_start):
            return None
        clause_start = self.clause_of(mention.start)[0]
        verb = _CLAUSE_VERB.search(text, clause_start, mention.start)
        return mention if verb else None

    def fronted_subject(
        self, trigger_start: int, trigger_end: int, types: frozenset[EntityType]
    ) -> list[Mention]:
        """ "Proposed by X in 2019, the Y was launched ...": what a participle opening the
        sentence tells of is the main clause's subject after the phrase's comma, the names
        listed there or what "it" refers to (:func:`_it_refers_to`)."""
        if not _FRONTED_PARTICIPLE.fullmatch(self.doc.text, self.body_start, trigger_end):
            return []
        # "Proposed by A, B and C in 2019, the Y": the agent list's commas are not the phrase's.
        after = trigger_end
        by = _BY_AFTER.match(self.doc.text, trigger_end)
        if by:
            agents = self.list_after(by.end(), AGENTS)
            if agents:
                after = agents[-1].end
        main = _MAIN_SUBJECT.match(self.doc.text, after, self.sentence.end)
        if main is None:
            return []
        if main.group().rstrip().endswith(("it", "It")):
            it = self.previous_subject
            return [it] if it is not None and self.type_of(it) in types else []
        return self.list_after(main.end(), types)

    def _before_appositive(self, things: list[Mention], subject: Mention, trigger: int) -> Mention:
        """ "The X, part of the Y, opened": the Y stands in an appositive that a comma closes
        before the verb, so the X is what opened."""
        if "," not in self.doc.text[subject.end : trigger]:
            return subject
        earlier = [m for m in things if m.end <= subject.start]
        if not earlier:
            return subject
        head = max(earlier, key=lambda m: m.end)
        appositive = _APPOSITIVE.fullmatch(self.doc.text[head.end : subject.start])
        if appositive and not self.agent(head) and not self.fronted(head):
            return head
        return subject

    def party_phrases(self) -> list[tuple[Mention, list[Mention]]]:
        """(thing, its parties) for each "jointly built by A and B", "between A and B": the
        thing is the nearest project, mechanism or corridor."""
        found: list[tuple[Mention, list[Mention]]] = []
        if not self.says_any(_PARTY_CUES):
            return found
        for match in _PARTY_TRIGGER.finditer(self.text):
            at = self.sentence.start + match.start()
            parties = self.list_after(self.sentence.start + match.end(), AGENTS)
            venture = self.venture_before(at)
            if parties and venture is not None:
                found.append((venture, parties))  # and the work it runs, as its parties'
            if _UNNAMED_WORK_BEFORE.search(self.doc.text, max(0, at - 60), at):
                continue  # "linked to the X through a 65-km spur line built by Y": the line's
            subject = self.nearest(at, _PARTY_SUBJECTS) or self.it_opening(at, _PARTY_SUBJECTS)
            if parties and subject is not None:
                found.append((subject, parties))
        return found

    def venture_before(self, at: int) -> Mention | None:
        """The company that a "joint venture between A and B" at ``at`` stands in apposition to
        ("L Ltd, a joint venture between A and B"): the venture is A's and B's, as is the work
        it runs."""
        if not _JOINT_VENTURE.match(self.doc.text, at):
            return None
        company = self.name_before(at)
        if company is None or self.type_of(company) is not ORGANIZATION:
            return None
        return company if _VENTURE_APPOSITIVE.fullmatch(self.doc.text, company.end, at) else None

    def it_opening(
        self, verb: int, types: frozenset[EntityType], work: bool = False
    ) -> Mention | None:
        """The paragraph's last subject, if of ``types``, when the sentence opens "It was"
        before the verb at ``verb`` ("It was co-chaired by Uzbekistan and China"), or, with
        ``work``, opens with work that has no name ("Construction resumed in March 2024")."""
        it = self.previous_subject
        if it is None or self.type_of(it) not in types:
            return None
        opening = self.doc.text[self.body_start : verb]
        if _IT_BEFORE.fullmatch(opening) or (work and _WORK_BEFORE_VERB.fullmatch(opening)):
            return it
        return None

    def sole_agent(self, mention: Mention) -> bool:
        """Whether ``mention`` is one body or country acting alone, which "It" may stand for:
        not a list ("Laos and China opened"), nor a possessive ("Kenya's X Authority")."""
        if self.type_of(mention) not in AGENTS - {PERSON}:
            return False
        if self.doc.text.startswith(("'s", "’s"), mention.end):
            return False
        return len(self.list_after(mention.start, AGENTS)) == 1

    def nested(self, mention: Mention) -> bool:
        """Whether ``mention`` lies inside another name ("Karakoram Highway" in "... Phase II")."""
        return any(
            other is not mention
            and other.start <= mention.start
            and mention.end <= other.end
            and other.end - other.start > mention.end - mention.start
            for other in self.starting_in(mention.start - _PHRASE_GAP, mention.start + 1)
        )

    def trigger_matches(self) -> list[tuple[str, list[re.Match[str]]]]:
        """Each event kind with its trigger verbs' matches in the sentence, found once: the
        events and the figures' dates both read them."""
        if self._trigger_matches is None:
            self._trigger_matches = [
                (kind, list(pattern.finditer(self.text))) for kind, pattern in EVENT_TRIGGERS
            ]
        return self._trigger_matches

    def point_dates(self) -> list[Mention]:
        """The sentence's dates that can date an event. A period ("2017-2022") dates a
        programme; "By the end of 2022, 40 institutions had signed" gives a deadline."""
        return [m for m in self._single_dates() if m.date and m.date.qualifiers.isdisjoint(_BY)]

    def deadline_dates(self) -> list[Mention]:
        """The sentence's "by" and "as of" dates, which :meth:`point_dates` leaves out."""
        return [m for m in self._single_dates() if m.date and not m.date.qualifiers.isdisjoint(_BY)]

    def periods(self) -> list[Mention]:
        """The sentence's periods ("2021-2023"), which date an event only right after its
        verb."""
        return [m for m in self._body_dates() if m.date and m.date.end is not None]

    def _single_dates(self) -> list[Mention]:
        """The sentence's dates that are one date, not a period."""
        return [m for m in self._body_dates() if m.date and m.date.end is None]

    def _body_dates(self) -> list[Mention]:
        """The sentence's dates, but not a dateline's (when the story was filed, not when what
        it tells happened)."""
        return [
            m for m in self.mentions if m.kind is DATE and m.date and m.start >= self.body_start
        ]

    def as_of_dates(self) -> list[Mention]:
        """The sentence's dates that a figure in it can hold at: not a "since" date, which
        starts the period a figure counts ("12,000 jobs since 2013"), nor the date of an event
        a verb names ("The X, which opened in May 2017, has carried 11 million passengers")."""
        event_ends = [
            self.sentence.start + match.end()
            for _, found in self.trigger_matches()
            for match in found
        ]
        return [
            m
            for m in self.mentions
            if m.kind is DATE
            and m.date
            and "since" not in m.date.qualifiers
            and not _SINCE_EVENT.search(self.doc.text, max(0, m.start - 60), m.start)
            and not any(
                end <= m.start and _DATED_AFTER.fullmatch(self.doc.text[end : m.start])
                for end in event_ends
            )
        ]

    def without_dates(self, start: int, end: int) -> str:
        """The text in ``[start, end)`` with its date mentions blanked out."""
        chars = list(self.doc.text[start:end])
        for date in self.mentions:
            if date.kind is DATE and start <= date.start and date.end <= end:
                chars[date.start - start : date.end - start] = " " * (date.end - date.start)
        return "".join(chars)

    def clause_of(self, position: int, ends: re.Pattern[str] = _SEMICOLON) -> tuple[int, int]:
        """The ``[start, end)`` of the clause holding ``position``: a ";" ends a clause (or
        what ``ends`` finds). The boundaries are found once per sentence and pattern."""
        bounds = self._clause_bounds.get(ends)
        if bounds is None:
            offset = self.sentence.start
            bounds = self._clause_bounds[ends] = [
                offset + m.start() for m in ends.finditer(self.text)
            ]
        index = bisect.bisect_left(bounds, position)
        start = bounds[index - 1] + 1 if index else self.sentence.start
        end = bounds[index] if index < len(bounds) else self.sentence.end
        return start, end

    def dates_event(self, date: Mention, trigger_start: int, trigger_end: int) -> bool:
        """Whether ``date`` can date the event a trigger names. It must stand in the trigger's
        clause ("Since 2013, China has hosted ...; China has established ...", "The X opened on
        1 May 2024, while the Y was scrapped"), and a "since" date must follow the verb it dates
        ("entered into operation since December 2021"): a fronted "Since 2013," frames a
        cumulative state, not an event."""
        start, end = self.clause_of(trigger_start, _FIGURE_CLAUSE_END)
        if not start <= date.start < end or date.date is None:
            return False
        if "since" not in date.date.qualifiers:
            return True
        gap = self.doc.text[trigger_end : date.start] if date.start >= trigger_end else ","
        return bool(re.fullmatch(r"\s*(?:[a-z]+\s+){0,2}", gap))

    def attributive(self, mention: Mention) -> bool:
        """ "BRI cooperation platform": a name used as a modifier is not what a clause is about;
        but "the X plans to open", "aims to", "seeks to": a verb in -s before "to" and a verb."""
        match = _WORD_AFTER_NAME.match(self.doc.text[mention.end : mention.end + 40])
        if not match:
            return False
        word = match.group(1)
        if match.group(2) and word.endswith("s"):
            return False
        return word not in _NOT_NOUNS and not word.endswith("ed")

    def subject(self) -> Mention | None:
        """The thing the sentence is about: its first name of a thing, not in a fronted
        phrase, not a modifier."""
        return next(
            (
                m
                for m in self.entity_mentions
                if self.type_of(m) in THINGS
                and not self.fronted(m)
                and not self.attributive(m)
                and not self.governed(m)
            ),
            None,
        )

    def leads(self, mention: Mention) -> bool:
        """Whether ``mention`` opens the sentence as its subject (see :meth:`leader`)."""
        return self.leader() is mention

    def leader(self) -> Mention | None:
        """The name that opens the sentence as its subject ("The X ...", "In 2019, the X
        ..."): its first name outside a fronted phrase, with at most one phrase and its comma
        before it (not the X of "Relying on platforms such as the X, China ...")."""
        first = next((m for m in self.entity_mentions if not self.fronted(m)), None)
        if first is None or not _LEADS.fullmatch(self.doc.text, self.body_start, first.start):
            return None
        return first

    def governed(self, mention: Mention) -> bool:
        """ "at the X Summit", "imports through the X Port", "on the sidelines of the X
        Summit": a name a preposition governs is a circumstance, not a subject."""
        start, text = mention.start, self.doc.text
        return bool(
            _PREPOSITION_BEFORE.search(text, max(0, start - 12), start)
            and not _GOVERNING_PREPOSITION.search(text, max(0, start - 40), start)
        ) or bool(_SIDELINES_OF.search(text, max(0, start - 20), start))

    def agent(self, mention: Mention) -> bool:
        """ "proposed by the X": the agent of a passive is not its subject."""
        before = self.doc.text[max(0, mention.start - 10) : mention.start]
        return bool(re.search(r"\bby\s+(?:the\s+)?$", before))


_HAPPENED_MOOD, _PLANNED_MOOD = "happened", "planned"


def _mood(ctx: _SentenceContext, trigger: int) -> str | None:
    """Whether the event verb at ``trigger`` tells of something that happened, or of a plan or
    forecast with its date ("will be put into operation by 2026", "is expected to open in
    2027"); None for neither: the date of an anniversary ("the 10th anniversary of the X's
    proposal"), a hedge ("could be commissioned in 2029"), a plan's cue that governs another
    verb ("the X that is expected to carry ... opened in 2019"), a condition ("when its first
    phase is completed in 2027"), hearsay or a denial, a negation."""
    text, start = ctx.doc.text, ctx.sentence.start
    clause_start = ctx.clause_of(trigger)[0]
    present = _PRESENT_TRIGGER.match(text, trigger) or _PRESENT_BEFORE.search(
        text, max(start, trigger - 20), trigger
    )
    if (
        _ANNIVERSARY.search(text, max(start, trigger - 80), trigger)
        or (present and _WHEN_CLAUSE.search(text, clause_start, trigger))
        or _HEARSAY.search(text, clause_start, trigger)
        or _NEGATED.search(text, max(start, trigger - 40), trigger)
    ):
        return None
    if _PLANNED.search(text, clause_start, trigger):
        return _PLANNED_MOOD
    return None if _FUTURE.search(text, clause_start, trigger) else _HAPPENED_MOOD


def _it_refers_to(
    ctx: _SentenceContext, types: frozenset[EntityType], trigger: int, trigger_end: int
) -> list[Mention]:
    """ "The X was completed in 2019. It was suspended in 2024.": a sentence that opens "It
    was" before its verb, or with work that has no name ("Construction resumed in March
    2024"), tells of the paragraph's last subject (if of ``types``); but "it was announced
    that ..." tells of what follows."""
    if _EXPLETIVE_AFTER.match(ctx.doc.text, trigger_end):
        return []
    it = ctx.it_opening(trigger, types, work=True)
    return [it] if it is not None else []


def _stops_the(ctx: _SentenceContext, subject: Mention, trigger_end: int) -> bool:
    """Whether a stop verb stops the project itself, not its loan, imports or flights
    ("cancelled its loan to the X", "The loan for the X was cancelled")."""
    text = ctx.doc.text
    if subject.start >= trigger_end and _NOT_THE_PROJECT.search(text, trigger_end, subject.start):
        return False
    return not _OBJECT_OF_STOP.search(text, max(0, subject.start - 40), subject.start)


def _event_date(dates: list[Mention], start: int, end: int, triggers: list[int]) -> Mention | None:
    """The date of the event a trigger at ``[start, end)`` names: the first one shortly after
    the verb ("opened in 2022") unless another event verb comes first ("was completed in
    December 2023 and went into operation in January 2024"), else the nearest one ("In 2013,
    Xi put forward ...") that no other verb takes as its own ("was completed in 2021, three
    years after the X was cancelled": 2021 is the completion's)."""
    following = [
        d for d in dates if end <= d.start <= end + 80 and not _verb_between(triggers, end, d)
    ]
    if following:
        return min(following, key=lambda d: d.start)
    unclaimed = [
        d
        for d in dates
        if not any(
            t != start and t < d.start <= t + 80 and not _verb_between(triggers, t + 1, d)
            for t in triggers
        )
    ]
    return min(unclaimed, key=lambda d: abs(d.start - start)) if unclaimed else None


def _verb_between(triggers: list[int], position: int, date: Mention) -> bool:
    """Whether an event verb starts in ``[position, date.start)``."""
    return any(position <= t < date.start for t in triggers)


def _is_meeting(ctx: _SentenceContext, mention: Mention) -> bool:
    """A mechanism named for a meeting ("... Forum", "... Roundtable"), which is held."""
    return ctx.type_of(mention) is MECHANISM and mention.text.lower().split()[-1] in _MEETINGS


def _country_id(code: str) -> str:
    return f"country/{code.lower()}"


def _compound_countries(
    ctx: _SentenceContext, mention: Mention, anywhere: bool = False
) -> list[str]:
    """Country codes of a name that starts with countries joined by hyphens ("China-Laos ...").

    Every part of the compound must be a country: "China-Europe Railway Express" yields none.
    With ``anywhere``, any country named inside the mention counts ("New Uzbekistan").
    """
    nested = [
        m
        for m in ctx.starting_in(mention.start, mention.end, ctx.countries)
        if m.end <= mention.end and m is not mention
    ]
    if anywhere:
        return [m.countries[0] for m in nested if m.countries]
    codes: list[str] = []
    position = mention.start
    text = ctx.doc.text
    for country in nested:
        if country.start != position or not country.countries:
            break
        codes.append(country.countries[0])
        position = country.end
        if text[position : position + 1] != "-":
            break
        position += 1
    if not codes or text[position : position + 1] not in {" ", ""} or position >= mention.end:
        return []
    return codes


def _region_compound_countries(ctx: _SentenceContext, mention: Mention) -> list[str]:
    """Countries of a name that starts with countries and world regions joined by hyphens:
    "China-Central Asia Gas Pipeline", "Western Europe-Western China Highway" → CN. At least
    one part must be a region (all-country compounds are :func:`_compound_countries`)."""
    text = ctx.doc.text
    inside = {
        m.start: m
        for m in ctx.starting_in(mention.start, mention.end, ctx.countries)
        if m.end <= mention.end and m.countries and m is not mention
    }
    codes: list[str] = []
    regions = 0
    position = mention.start
    while True:
        direction = _DIRECTION.match(text, position)
        country = inside.get(position) or (inside.get(direction.end()) if direction else None)
        region = _REGION.match(text, position)
        if country is not None:
            codes.append(country.countries[0])
            position = country.end
        elif region is not None:
            regions += 1
            position = region.end()
        else:
            return []
        if text[position : position + 1] != "-":
            break
        position += 1
    if not regions or position >= mention.end or text[position : position + 1] != " ":
        return []
    return codes


def _premodifier_countries(ctx: _SentenceContext, mention: Mention) -> list[str]:
    """Countries of hyphenated country compounds written just before a name, outside it: "the
    China-Malaysia and China-Indonesia "Two Countries, Twin Parks" projects" → CN, MY, ID."""
    text = ctx.doc.text
    ending = ctx.countries_by_end()  # every key looked up below is at or before the name
    codes: list[str] = []
    position = mention.start
    gap = re.compile(r"[\s\"“‘']*$")
    while True:
        before = gap.search(text, max(0, position - 8), position)
        country = ending.get(before.start()) if before else None
        parts: list[str] = []
        while country is not None:
            parts.insert(0, country.countries[0])
            position = country.start
            country = ending.get(position - 1) if text[position - 1 : position] == "-" else None
        if len(parts) < 2 or any(ctx.nested(m) for m in ctx.countries if m.start == position):
            break
        codes = parts + codes
        gap = re.compile(r"\s*(?:,|\band)\s*$")
    return list(dict.fromkeys(codes))


_START_OF = attrgetter("start")


def _sole_partner(doc: Document, corridor: Mention) -> str | None:
    """The one partner of China a corridor is named for ("China-Pakistan Economic Corridor")."""
    # The document's mentions are in text order: those inside the corridor's name are found by
    # bisection, not by reading all of them for each sentence the corridor scopes.
    first = bisect.bisect_left(doc.mentions, corridor.start, key=_START_OF)
    last = bisect.bisect_left(doc.mentions, corridor.end, first, key=_START_OF)
    codes = {
        m.countries[0]
        for m in doc.mentions[first:last]
        if m.label is COUNTRY and m.countries and m.end <= corridor.end
    }
    partners = codes - {"CN"}
    return next(iter(partners)) if "CN" in codes and len(partners) == 1 else None


def _linked_cities(text: str, start: int, verb: re.Match[str]) -> list[str]:
    """The countries of two cities a link verb joins ("connects the Zambian town of Solwezi
    with the Angolan port city of Lobito", "runs from Kashgar to Gwadar"), when the gazetteer
    places them in two countries."""
    link = _CITY_LINK.match(text, start)
    if link is None or ("from" in verb.group().split()) != (link.group(2) == "to"):
        return []
    codes = [city_country(link.group(index)) for index in (1, 3)]
    return [] if None in codes else [_country_id(code or "") for code in codes]


def _city_after_compound(name: str) -> list[str]:
    """The countries of a city named right after a name's compound of countries: Qinzhou in
    "China-Malaysia Qinzhou Industrial Park"."""
    first, _, rest = name.partition(" ")
    return _city_countries(rest) if "-" in first and rest else []


def _place_country(
    place: str, kind: str | None, english_regions: Mapping[str, str]
) -> tuple[str, str] | None:
    """The country of a place a text puts a project in, and the rule that found it: with no
    kind given, a city ("Samarkand"); else a region the lexicon names in English ("West Java",
    "Tashkent Region"), else a region of the kind given ("Punjab Province"), else a region of
    one country. A city whose name a region of another country bears ("Victoria") is no
    answer, nor is a name that holds a word of direction, landform, continent or season
    ("Central Asia", "the Gulf", "Spring") unless the lexicon names it: such names are many
    places, or none."""
    named = [f"{place} {kind}", place] if kind else [place]
    english = next(filter(None, (english_regions.get(fold(name)) for name in named)), None)
    if any(norm_token(word) in NOT_PLACE_WORDS for word in place.split()):
        return (english[:2], "in-region") if english else None
    if kind is None:  # a city first: "near Samarkand" is near the city, not in the region
        code = city_country(place)
        if code is not None:
            return None if region_country(place) not in {None, code} else (code, "in-city")
    if english:
        return english[:2], "in-region"
    code = region_country(place, kind)
    return (code, "in-region") if code is not None else None


def _city_countries(name: str) -> list[str]:
    """Countries of the cities a project is named after: "Gwadar Port", "Jakarta-Bandung
    High-speed Railway", "Addis Ababa-Djibouti Railway", "Belgrade-Novi Sad section".

    The place part is the words before the first generic or head word, split at hyphens;
    each part is looked up whole ("Novi Sad", not "Novi"), else its longest first words that
    name a city ("Dar es Salaam" in "Dar es Salaam Velmar", not "Dar")."""
    prefix: list[str] = []
    for word in name.split():
        if word.casefold().rstrip("'s") in HEADS:
            break
        if not word[:1].isupper() and word not in NAME_PARTICLES:
            break
        if any(norm_token(part) in _CITY_STOP for part in re.split(r"[-‐–]", word)):
            break
        prefix.append(word)
    if not prefix:
        return []
    codes: list[str] = []
    for place in re.split(r"\s*[-‐–]\s*", " ".join(prefix)):
        words = place.split()
        code = None
        for size in range(len(words), 0, -1):
            code = city_country(" ".join(words[:size]))
            if code is not None:
                break
        if code and code not in codes:
            codes.append(code)
    return codes


# Where a project is by what the text says of it, or its name's compound of countries: these
# overrule a guess from a city in its name (the rules inferring a location from context do not).
_STATED_LOCATION_RULES = frozenset(
    {
        "in-country",
        "table-country-column",
        "possessive-country",
        "fronted-in-country",
        "lexicon-country",
        "name-compound",
        "connecting-countries",
        "in-region",
        "in-city",
    }
)


# The header names of a table column that says where each row's project is.
_COUNTRY_COLUMNS = frozenset(
    {"country", "countries", "country/region", "country or region", "host country", "location"}
)


def event_rule(prefix: str, kind: str, planned: bool) -> str:
    """The rule name of an event, in English ("event-opening") and Chinese ("zh-event-opening"):
    a planned one's ends with "-planned", so a reader of brikg:rule tells the two apart."""
    return f"{prefix}-{kind}-planned" if planned else f"{prefix}-{kind}"


def without_guesses(
    facts: list[Fact],
    guess: str = "city-gazetteer",
    states: Callable[[str], bool] = _STATED_LOCATION_RULES.__contains__,
) -> list[Fact]:
    """A country guessed from a city in a name (rule ``guess``: "Mandera Bridge", Mandera is
    in Kenya) gives way to one the text states (a locatedIn fact of a rule that ``states``:
    "is in Somalia") or the name's compound gives. The Chinese relater calls it with its own
    rules (金边深水港位于越南境内 is in Vietnam only)."""
    stated = {f.subject for f in facts if f.predicate == "locatedIn" and states(f.evidence.rule)}
    return [f for f in facts if not (f.evidence.rule == guess and f.subject in stated)]


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
            fact.planned,
            fact.quantity,
            fact.evidence.sentence,
        )
        if not fact.subject or (fact.predicate not in {"event", "quantity"} and not fact.object):
            continue
        if fact.object == fact.subject or key in seen:
            continue
        seen.add(key)
        unique.append(fact)
    return unique
