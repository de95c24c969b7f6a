"""Short forms that refer back to a name: "the railway", "the forum", "the bank"; and dates
that refer to the year the document was written: "this year", "From October 17 to 18".

A definite description whose noun is the head of a name mentioned shortly before (same
document, a few sentences back) denotes that name's entity; it never makes a new entity.
"This year" means the year the document says it was written, which a month-day before any
explicit year falls in too; these need the whole document, so they are resolved here.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container, Iterator
from operator import attrgetter

from brikg.ir import DATE, ENTITY, ORGANIZATION, PERSON, PROJECT, Document, EntityType, Mention
from brikg.recognize.dates import document_year, find_document_dates
from brikg.recognize.names import HEADS, PERSON_ROLES, PERSON_TITLES
from brikg.recognize.tokens import Memo
from brikg.scan import is_word_character, occurrences

WINDOW = 3  # sentences back to look for the antecedent
# The rules of the mentions found here that refer back to a name ("the project" after the X
# Station, "Zhao said" after Zhao Mingde): short forms, which the resolver and the linker do
# not count as names of the entity.
SHORT_FORM_RULES = frozenset({"coreference", "person-name"})
# The match starts at the "he" of "the", its "[Tt]" and word boundary checked behind it: a
# pattern that opens with a literal is scanned in C from one occurrence to the next, several
# times faster than one that opens with a character class or \b (every position tried).
_SHORT_FORM = re.compile(
    r"he(?<=[Tt]he)(?<!\w[Tt]he)\s+(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|latest|previous|last|next)\s+)?(?P<figure>\d[\d.,]*-[a-z]+\s+)?(?P<head>[A-Za-z][a-z]+)\b(?!\s+(?:of|for|on)\s+[A-Z])(?![\w-]*\s+[A-Z])"
    r"(?!\s+(?:city|cities|town|sector|industry|network|system|authority|authorities|company"
    r"|operator|workers|market|traffic|fees?|tariffs?)\b)"  # "the port city of X": no port
)


def short_form_mentions(
    doc: Document, year_sentences: Container[int] | None = None
) -> Iterator[Mention]:
    """Yield a mention for each "the <head>" whose antecedent is a recent name with that head,
    and for each date only the document's own year resolves. ``year_sentences``, when given,
    holds every sentence such a date may be in (see dates.may_need_year): the others, and a
    document with none, need no search."""
    yield from _document_dates(doc, year_sentences)
    yield from _named_projects(doc)
    yield from _persons_by_one_name(doc)
    recent: list[Mention] = []
    # The latest short form of each head in this section: "the expressway" refers back as its
    # name would, so a chain of them reaches further than the window ("The X Expressway ...
    # the 142-km expressway ... the expressway"); a heading starts another topic.
    chain: dict[str, Mention] = {}
    topics: Topics = {}
    by_sentence: dict[int, list[Mention]] = {}
    for mention in doc.mentions:
        if mention.kind is ENTITY and mention.label is not None:
            by_sentence.setdefault(mention.sentence, []).append(mention)
    for sentence in doc.sentences:
        if sentence.is_heading:
            chain.clear()
            recent.clear()
        if sentence.language != "en" or sentence.is_heading:
            continue
        named = by_sentence.get(sentence.index, [])
        # ``recent`` is in sentence order: without a name here or in its window, skip the scan.
        latest = max((m.sentence for m in chain.values()), default=-WINDOW - 1)
        if recent:
            latest = max(latest, recent[-1].sentence)
        text = doc.text[sentence.start : sentence.end]
        # Beyond the window, only "the railway" of a document that named one railway refers.
        if not named and sentence.index - latest > WINDOW and not _names_a_topic(text, topics):
            continue
        taken = [(m.start, m.end) for m in named]
        referred: list[Mention] = []
        for match in _SHORT_FORM.finditer(text):
            # "the Bank", "the Forum": a capitalised head refers back as a lowercase one does.
            head = match.group("head").lower()
            if head not in HEADS:
                continue
            start, end = sentence.start + match.start() - 1, sentence.start + match.end()
            if match.group("figure"):
                # "the 412-kilometer line": the figure modifies the name, as before a name.
                start = sentence.start + match.start("head")
            if any(s < end and start < e for s, e in taken):
                continue
            antecedent = _antecedent(recent, named, start, head, sentence.index, topics)
            link = chain.get(head)
            if antecedent is None and link is not None and sentence.index - link.sentence <= WINDOW:
                antecedent = link
            if antecedent is None:
                continue
            short_form = _referring(doc, start, end, "coreference", sentence.index, antecedent)
            chain[head] = short_form
            referred.append(short_form)
            yield short_form
        for head in [h for h in chain if _introduces(text, h)]:
            del chain[head]  # "Uganda plans an expressway of its own": the next is that one
        for (label, head), (names, _) in topics.items():  # "plans a new port at Bagamoyo":
            if label is PROJECT and len(names) == 1 and head in text and _introduces(text, head):
                names.add(text)  # no one port any more
        # For "the project", a short form mentions its thing as a name would: "The bridge will
        # be built by ... The project would cut ..." is the bridge, not a name before it.
        recent.extend(sorted([*named, *referred], key=_END_OF))
        for mention in named:
            if mention.label in _DOCUMENT_TOPICS and mention.rule != "coreference":
                key = (mention.label, _head_of(mention.text))
                if mention.label is PROJECT and key[1] not in _PROJECT_TOPIC_HEADS:
                    continue
                names = topics[key][0] if key in topics else set()
                names.add(mention.key or mention.text)
                topics[key] = (names, mention)


def _names_a_topic(text: str, topics: Topics) -> bool:
    """Whether ``text`` says the head of a topic the document has named one thing of."""
    return any(len(names) == 1 and head in text for (_, head), (names, _) in topics.items())


def _referring(
    doc: Document, start: int, end: int, rule: str, sentence: int, antecedent: Mention
) -> Mention:
    """A mention at ``start``-``end`` of the entity ``antecedent`` names, of its class."""
    return Mention(
        start,
        end,
        doc.text[start:end],
        ENTITY,
        rule,
        sentence=sentence,
        label=antecedent.label,
        key=antecedent.key or f"name:{antecedent.text}",
        language="en",
    )


def _introduces(text: str, head: str) -> bool:
    """Whether ``text`` brings in another thing with ``head``: "an expressway of its own",
    "a rail project near Kisumu". The head is found with str.find and the article looked for
    before it, with one regex for every head (one per head cost a compilation each)."""
    at = text.find(head)
    while at >= 0:
        after = at + len(head)
        if text.startswith("s", after):
            after += 1
        if (after == len(text) or not is_word_character(text[after])) and _INTRODUCED_BY.search(
            text, 0, at
        ):
            return True
        at = text.find(head, at + 1)
    return False


# An indefinite article and up to three words, right before a head (the search ends there).
_INTRODUCED_BY = re.compile(r"\b(?:[Aa]n?|[Aa]nother)\s+(?:[\w-]+\s+){0,3}\Z")


# A verb of saying beside one name of a person: "Mwangura told reporters", "said Zhao". Found
# from the verbs (str.find), the few places a speaker can be, not from every name's occurrence.
_SPEECH_VERBS = "said says told added noted stressed explained warned".split()
_NAME_BEFORE_VERB = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*)\s+(?:also\s+)?\Z")
# A place, not a speaker: "Authorities in Kisumu said", "Residents of Kisumu told".
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|of|at|from|to|near|across|for|on)\s+\Z", re.I)
_TITLE_WORDS = PERSON_TITLES | PERSON_ROLES | {"vice", "deputy", "chief", "general"}
_NAME_AFTER_VERB = re.compile(r"\s+([A-Z][\w'’-]*)(?![\w'’-])")
_VERBS_BEFORE_NAME = frozenset({"said", "says", "added"})  # "said Zhao"


def _persons_by_one_name(doc: Document) -> Iterator[Mention]:
    """A person named in full ("Treasury Cabinet Secretary Daniel Mwangura", "Zhao Mingde")
    and later by one of the names, a surname or (in Chinese order) a family name, as the
    subject of a verb of saying ("Mwangura told reporters", "said Zhao"): that person, if
    no other person the document named has that name. Read only there, a name is not a word
    that happens to match ("Were said" of "Peter Odhiambo Were" is; "Were the talks" is not)."""
    persons: dict[str, set[str]] = {}  # one name -> the keys of the persons with it
    first: dict[str, Mention] = {}  # one name -> the first full mention with it
    for mention in doc.mentions:
        if mention.label is not PERSON or mention.language != "en":
            continue
        words = mention.text.split()
        # A title the mention holds is no name: "Chinese President Xi Jinping" is Xi, Jinping.
        titled = [i for i, word in enumerate(words) if word.lower() in _TITLE_WORDS]
        words = words[titled[-1] + 1 :] if titled else words
        if len(words) < 2:
            continue
        for word in {words[0], words[-1]}:
            persons.setdefault(word, set()).add(mention.key or f"name:{mention.text}")
            first.setdefault(word, mention)
    names = {word: first[word] for word, keys in persons.items() if len(keys) == 1}
    if not names:
        return
    text = doc.text
    spans: list[tuple[int, int]] = []
    for verb in _SPEECH_VERBS:
        at = text.find(verb)
        while at >= 0:
            end = at + len(verb)
            if not text[at - 1 : at].isalnum() and not text[end : end + 1].isalnum():
                before = _NAME_BEFORE_VERB.search(text, max(0, at - 40), at)
                if before is not None and not _PREPOSITION_BEFORE.search(
                    text, max(0, before.start() - 8), before.start()
                ):
                    spans.append(before.span(1))
                after = _NAME_AFTER_VERB.match(text, end) if verb in _VERBS_BEFORE_NAME else None
                if after is not None:
                    spans.append(after.span(1))
            at = text.find(verb, end)
    if not spans:
        return
    covered = [(m.start, m.end) for m in doc.mentions if m.kind is ENTITY]
    starts = [s.start for s in doc.sentences]
    for at, end in sorted(set(spans)):
        person = names.get(text[at:end])
        if person is None or at < person.end or any(s < end and at < e for s, e in covered):
            continue
        sentence = doc.sentences[bisect.bisect_right(starts, at) - 1]
        if sentence.language != "en" or sentence.is_heading:
            continue
        yield _referring(doc, at, end, "person-name", sentence.index, person)


# "the Dravik project": the first words of a project's name, then "project" in lowercase; found
# where " project" occurs (str.find), by a search of the few words before it.
_NAMED_PROJECT = re.compile(r"\b[Tt]he\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\Z")
_PROJECT_WORD = " project"


def _named_projects(doc: Document) -> Iterator[Mention]:
    """ "the Dravik project" after "the Dravik Deep-Water Port": the latest project named
    earlier in the document whose name starts with those words, however far back (a
    name's own words say which it is, where "the project" alone needs one close by)."""
    starts = [s.start for s in doc.sentences]
    mention_starts = [m.start for m in doc.mentions]
    for at in occurrences(doc.text, [_PROJECT_WORD]):
        end = at + len(_PROJECT_WORD)
        if doc.text[end : end + 1].isalnum():
            continue  # "projects", "projection"
        match = _NAMED_PROJECT.search(doc.text, max(0, at - 80), at)
        sentence = doc.sentences[bisect.bisect_right(starts, at) - 1] if starts else None
        if match is None or sentence is None or sentence.language != "en" or sentence.is_heading:
            continue
        if match.start() < sentence.start:
            continue
        first = bisect.bisect_left(mention_starts, sentence.start)
        before = bisect.bisect_left(mention_starts, match.start(), first)
        after = bisect.bisect_left(mention_starts, end, before)
        if any(m.end > match.start() for m in doc.mentions[first:after]):
            continue  # a name the recognisers found: "the Lamu Port project"
        first_words = match.group("name") + " "
        for mention in reversed(doc.mentions[:before]):
            text = mention.text.removeprefix("the ").removeprefix("The ")
            if mention.label is PROJECT and text.startswith(first_words):
                yield _referring(doc, match.start(), end, "coreference", sentence.index, mention)
                break


# A short form's head and the name heads it may refer back to besides its own: a railway is a
# line.
_ALSO_HEADS = {"line": frozenset({"railway", "railroad", "rail"})}


def _antecedent(
    recent: list[Mention],
    named: list[Mention],
    position: int,
    head: str,
    sentence: int,
    topics: Topics,
) -> Mention | None:
    """The latest name ending in ``head`` within the window, this sentence first. A company
    named after an asset ("PT Sumbawa Hailong Terminal", "Kenya Railways") is no antecedent
    of "the terminal" or "the railway": those short forms refer to the asset. "The project"
    names any project, whatever its own head ("the X Hydropower Station ... The project").
    Beyond the window, "the corridor", "the initiative" or "the railway" is the one the
    document has named, if it has named only one: what a report is about, however far back."""
    company_ok = HEADS[head] is ORGANIZATION
    any_project = head == "project"
    # ``recent`` is in sentence order: the window is its tail, found by bisection.
    window = recent[bisect.bisect_left(recent, sentence - WINDOW, key=_SENTENCE_OF) :]
    candidates = [m for m in named if m.end <= position] + window[::-1]
    ordered = sorted(candidates, key=lambda m: (m.sentence, m.end), reverse=True)
    for mention in ordered:
        if any_project and mention.label is PROJECT:
            return mention
        if mention.rule == "coreference":  # a short form of a head refers on by the chain
            continue
        name_head = _head_of(mention.text)
        if name_head != head.rstrip("s") and name_head not in _ALSO_HEADS.get(head, ()):
            continue
        if company_ok or mention.label is not ORGANIZATION:
            return mention
    for topic_head in (head, *sorted(_ALSO_HEADS.get(head, ()))):  # "the line": the railway
        topic = topics.get((HEADS[topic_head], topic_head))
        if topic is not None and len(topic[0]) == 1:
            return topic[1]
    return None


# The classes of a report's topic, which its short form refers to from anywhere after it; and
# the document's names of them so far, by class and head: the names, and the latest mention.
_DOCUMENT_TOPICS = frozenset({EntityType.CORRIDOR, EntityType.INITIATIVE, EntityType.PROJECT})
# A project is a topic by the heads of one work of its own kind, of which a news story names one:
# "the railway" a dozen sentences after the X Railway; not "the area", "the project", "the park".
_PROJECT_TOPIC_HEADS = frozenset(
    "railway railroad expressway highway motorway bridge dam pipeline port seaport airport"
    " tunnel canal refinery smelter".split()
)
Topics = dict[tuple[EntityType, str], tuple[set[str], Mention]]


_COMPLEMENT = re.compile(r"\s(?:of|for|on)\s")


def _head_noun(name: str) -> str:
    """The head noun of a name, singular: its last word, or the last before a complement
    ("Forum for International Cooperation", "Port of Piraeus"); "port" is not the head of
    "Tanzania Ports Authority"."""
    complement = _COMPLEMENT.search(name)
    words = (name[: complement.start()] if complement else name).lower().split()
    return words[-1].rstrip("s") if words else ""


# Kept per name (a report names the same few again and again), in a memo of bounded size.
_head_of = Memo(_head_noun).__getitem__
_END_OF = attrgetter("end")
_SENTENCE_OF = attrgetter("sentence")


def _document_dates(doc: Document, year_sentences: Container[int] | None) -> Iterator[Mention]:
    """ "This year", "September this year", and a month-day the recogniser could not date
    because no year came before it, dated in the year the document was written."""
    if year_sentences is not None and not year_sentences:
        return
    year = document_year(doc.text, doc.meta.date)
    if year is None:
        return
    dated = [(m.start, m.end) for m in doc.mentions if m.kind is DATE]
    for sentence in doc.sentences:
        if sentence.language != "en" or sentence.is_heading:
            continue
        if year_sentences is not None and sentence.index not in year_sentences:
            continue
        text = doc.text[sentence.start : sentence.end]
        for mention in find_document_dates(text, sentence.start, year):
            if not any(s < mention.end and mention.start < e for s, e in dated):
                mention.sentence = sentence.index
                yield mention
