"""Extraction generalises: a document in the seeds' style, every project, mechanism and
strategy name invented, must yield the right classes, countries, dates and relations."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from brikg.corpus import load_file
from brikg.ir import Corpus, EntityType
from brikg.lexicon import Lexicon, LexiconEntry, load_lexicon
from brikg.pipeline import extract_documents

INVENTED = """\
Progress Along the Eastern Routes

Along the Qarvani-Tesh Economic Corridor, the Morvane-Kelisto Railway in Kazakhstan began operation in March 2022.
The Zelvani Deep-sea Port in Nigeria was completed on 14 March 2024.
Pakistan's Durrani Hydropower Station was put into operation on June 5, 2023.
The Tarsk-Olven section of the Brevik-Ulmar Highway in Serbia opened to traffic in the first half of 2025.
The Silverleaf Digital Cooperation Forum was established in August 2020, and its members include Laos, Cambodia and Thailand.
The Kellan River Industrial Park, jointly built by China and Egypt, has attracted 120 enterprises.
The Belt and Road Initiative has been aligned with Mongolia's "Golden Steppe" development strategy.
The Astrava Solar Park, a flagship project of the Belt and Road Initiative, has a capacity of 400 MW.
The Orvell Friendship Hospital project in Cambodia was launched in 2019.
The China-Vanuatu Marine Research Center was set up in Port Vila in 2021.
"""

# Event dates in participle clauses and after attendance, and the dates that date no event.
MILESTONES = """\
Milestones of the Western Lines

Updated: 2023-02-01

This year marks the fifth anniversary of the proposal of the Korvath Trade Initiative. From September 3 to 5, the Lindel Harbour Forum was held in Almaty.

Having entered into operation since November 2020, the Korvath-Lindel Railway has carried 3 million passengers.
Officially opened on May 9, 2022, the Sarrow Bay Bridge has cut the crossing to ten minutes.
At the third forum held in 2021, 30 ministers attended the Velmora Green Transport Roundtable.
Since 2015, Kenya has trained 2,000 engineers; Kenya has established the Tarvil Economic Zone.
In 2019, the agency established three offices near the Gorran Industrial Park.
Since 2016, the Dunmere Logistics Park has launched 40 freight routes.
Since the launch of freight trains on 3 April 2021, the Pellam Dry Port has handled 50,000 containers.
The Molvan Railway was completed in December 2023 and went into operation in January 2024.
The Tessaly Expressway opened in November 2022.
Ethiopia's Gondra Wind Farm was commissioned in 2019.

(Originally appeared in Harbour Weekly, No. 4, 2022)
"""

# Where projects are, read from compounds with regions, links, partners, parts and wholes.
PLACES = """\
Where the New Lines Run

The Eastern Europe-Western Kazakhstan Highway has been completed.
The China-Central Africa Trevan Industrial Park is under construction.
The Zorvath-Ulmin Railway Bridge and the Pelgrave River Bridge, connecting Georgia and Armenia, have opened to traffic.
The China-Laos and China-Vietnam "Two Lands, Twin Ports" projects are making steady progress.
The Korrin Cement Plant, a joint venture between China and Uzbekistan, is now operational.
Along the China-Pakistan Economic Corridor, the Velkar Highway Phase II is open to traffic.
Container ships berth at the Velmoor Port Area of Mombasa Port.
The Nakuru-Eldoret section of the Orlevan Highway has opened to traffic.
The Tarvosa Deep-sea Port, a major port in Ghana, and the Quellin Dry Port handle 2 million TEUs.
Located in Zambia, the Ulvar Solar Park powers the Drennan Industrial Park.
The Ostrel Economic Zone, situated in southern Laos, and the Pavik Logistics Park are growing.
The Harvel-Quill Railway links Kenya with Uganda.
The Eldra Highway between Kyrgyzstan and Tajikistan carries trucks.
The Norvik Bridge, the flagship project of cooperation between China and Ghana, is open.
"""

# Whose figure, and as of when: datelines, builders, "which" clauses, appositives, clauses.
FIGURES = """\
Figures from the Steppe Lines

ASTANA, May 4, 2024 (Xinhua) -- The Korvell Hydropower Station in Kazakhstan began commercial operation, adding 320 megawatts to the grid.
The 500-km highway, built by the Orvane Construction Corporation, cost US$1.2 billion.
The Pellavan Railway, which opened in May 2017, has carried 11 million passengers by the end of March 2025.
The Dravik Logistics Park has created 12,000 jobs since 2013.
The Selvan Highway, part of the Qarvani-Tesh Economic Corridor, opened on 1 May 2024.
The Harlow Deep-sea Port is expanding; China has assisted 22 African countries with training.
As a landmark of the Belt and Road Initiative, the 1,240-kilometer-long Varnak-Oltis Railway runs east.
"""

# Works and their dates: deadlines after the verb, participles, particles, places after a name.
WORKS = """\
Works on the Southern Lines

The Orsk section of the Velmar Railway was completed by the end of June 2023.
The Lao-China Velmar Power Transmission Network, completed in December 2022, links the grids.
The Dar es Salaam Velmar Terminal began operation in 2024.
The Aktau Tessel Terminal on the Caspian Sea opened in May 2021.
By the end of 2022, the Quorra Tessel Forum had signed 40 agreements.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("invented")
    documents = []
    for name, text in (
        ("invented-progress-report", INVENTED),
        ("invented-milestones", MILESTONES),
        ("invented-places", PLACES),
        ("invented-figures", FIGURES),
        ("invented-works", WORKS),
    ):
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        documents.append(load_file(path))
    return extract_documents(documents)


def _entity(corpus: Corpus, label: str) -> str:
    for entity_id, entity in corpus.entities.items():
        if entity.labels.get("en") == label:
            return entity_id
    raise AssertionError(
        f"{label!r} not found; have {sorted(e.labels.get('en', '') for e in corpus.entities.values())}"
    )


def _facts(corpus: Corpus, predicate: str) -> set[tuple[str, str | None]]:
    return {
        (f.subject, f.object)
        for doc in corpus.documents
        for f in doc.facts
        if f.predicate == predicate
    }


def _events(corpus: Corpus, planned: bool = False) -> set[tuple[str, str | None, str]]:
    """The events that happened, or with ``planned`` those the text gives as planned."""
    return {
        (f.subject, f.event_kind, f.date.iso())
        for doc in corpus.documents
        for f in doc.facts
        if f.predicate == "event" and f.date and f.planned == planned
    }


@pytest.mark.parametrize(
    ("label", "entity_type"),
    [
        ("Morvane-Kelisto Railway", EntityType.PROJECT),
        ("Zelvani Deep-sea Port", EntityType.PROJECT),
        ("Durrani Hydropower Station", EntityType.PROJECT),
        ("Brevik-Ulmar Highway", EntityType.PROJECT),
        ("Tarsk-Olven section", EntityType.PROJECT),
        ("Kellan River Industrial Park", EntityType.PROJECT),
        ("Astrava Solar Park", EntityType.PROJECT),
        ("Orvell Friendship Hospital", EntityType.PROJECT),
        ("Qarvani-Tesh Economic Corridor", EntityType.CORRIDOR),
        ("Silverleaf Digital Cooperation Forum", EntityType.MECHANISM),
        ("Golden Steppe", EntityType.STRATEGY),
        ("China-Vanuatu Marine Research Center", EntityType.ORGANIZATION),
    ],
)
def test_unseen_names_found_with_class(corpus: Corpus, label: str, entity_type: EntityType) -> None:
    assert corpus.entities[_entity(corpus, label)].type is entity_type


@pytest.mark.parametrize(
    ("label", "country"),
    [
        ("Morvane-Kelisto Railway", "kz"),
        ("Zelvani Deep-sea Port", "ng"),
        ("Durrani Hydropower Station", "pk"),
        ("Tarsk-Olven section", "rs"),
        ("Orvell Friendship Hospital", "kh"),
        ("Eastern Europe-Western Kazakhstan Highway", "kz"),  # countries and regions
        ("Zorvath-Ulmin Railway Bridge", "ge"),  # "the X and the Y, connecting A and B"
        ("Zorvath-Ulmin Railway Bridge", "am"),
        ("Pelgrave River Bridge", "ge"),
        ("Pelgrave River Bridge", "am"),
        ("Two Lands, Twin Ports", "cn"),  # "the China-Laos and China-Vietnam "X" projects"
        ("Two Lands, Twin Ports", "la"),
        ("Two Lands, Twin Ports", "vn"),
        ("Korrin Cement Plant", "uz"),  # "a joint venture between China and Uzbekistan"
        ("Velkar Highway Phase II", "pk"),  # along a China-Pakistan corridor, parts and wholes
        ("Velkar Highway", "pk"),
        ("Velmoor Port Area", "ke"),  # "the X Port Area of Mombasa Port": where its whole is
        ("Orlevan Highway", "ke"),  # "the Nakuru-Eldoret section of the X": where its part is
        ("Tarvosa Deep-sea Port", "gh"),  # "X, a major port in Ghana"
        ("Ulvar Solar Park", "zm"),  # "Located in Zambia, the X"
        ("Ostrel Economic Zone", "la"),  # "X, situated in southern Laos"
        ("Harvel-Quill Railway", "ke"),  # "X links Kenya with Uganda"
        ("Harvel-Quill Railway", "ug"),
        ("Eldra Highway", "kg"),  # "the X between Kyrgyzstan and Tajikistan"
        ("Eldra Highway", "tj"),
    ],
)
def test_located_in(corpus: Corpus, label: str, country: str) -> None:
    assert (_entity(corpus, label), f"country/{country}") in _facts(corpus, "locatedIn")


def test_partners_are_not_locations(corpus: Corpus) -> None:
    located = _facts(corpus, "locatedIn")
    # A partnership named with a region is built in the partner, not in China.
    assert (
        _entity(corpus, "China-Central Africa Trevan Industrial Park"),
        "country/cn",
    ) not in located
    # "cooperation between China and Ghana" names parties, not where the bridge is.
    assert (_entity(corpus, "Norvik Bridge"), "country/cn") not in located


@pytest.mark.parametrize(
    ("label", "kind", "date"),
    [
        ("Morvane-Kelisto Railway", "startOfOperation", "2022-03"),
        ("Zelvani Deep-sea Port", "completion", "2024-03-14"),
        ("Durrani Hydropower Station", "startOfOperation", "2023-06-05"),
        ("Tarsk-Olven section", "opening", "2025"),
        ("Silverleaf Digital Cooperation Forum", "establishment", "2020-08"),
        ("Orvell Friendship Hospital", "launch", "2019"),
        ("China-Vanuatu Marine Research Center", "establishment", "2021"),
        ("Korvath-Lindel Railway", "startOfOperation", "2020-11"),
        ("Sarrow Bay Bridge", "opening", "2022-05-09"),
        ("Velmora Green Transport Roundtable", "holding", "2021"),
        # "This year" is the year the text says it first appeared, not that of the update.
        ("Lindel Harbour Forum", "holding", "2022-09-03"),
        # Each verb takes the date that follows it.
        ("Molvan Railway", "completion", "2023-12"),
        ("Molvan Railway", "startOfOperation", "2024-01"),
        ("Tessaly Expressway", "opening", "2022-11"),
        ("Gondra Wind Farm", "startOfOperation", "2019"),
    ],
)
def test_dated_events(corpus: Corpus, label: str, kind: str, date: str) -> None:
    assert (_entity(corpus, label), kind, date) in _events(corpus)


@pytest.mark.parametrize(
    "label",
    [
        "Tarvil Economic Zone",  # "Since 2015, ...;": the date is in another clause
        "Gorran Industrial Park",  # "established three offices near the X": a counted object
        "Dunmere Logistics Park",  # "Since 2016, the X has launched": a state, not an event
        "Pellam Dry Port",  # "since the launch of freight trains on ..., the X": not its launch
        "Korvath Trade Initiative",  # "This year marks the fifth anniversary of the proposal"
    ],
)
def test_dates_that_date_no_event(corpus: Corpus, label: str) -> None:
    assert not {e for e in _events(corpus) if e[0] == _entity(corpus, label)}


def test_part_of(corpus: Corpus) -> None:
    part_of = _facts(corpus, "partOf")
    corridor = _entity(corpus, "Qarvani-Tesh Economic Corridor")
    assert (_entity(corpus, "Morvane-Kelisto Railway"), corridor) in part_of
    section = _entity(corpus, "Tarsk-Olven section")
    assert (section, _entity(corpus, "Brevik-Ulmar Highway")) in part_of
    assert (_entity(corpus, "Astrava Solar Park"), "initiative/belt-and-road-initiative") in part_of
    area, port = _entity(corpus, "Velmoor Port Area"), _entity(corpus, "Mombasa Port")
    assert (area, port) in part_of
    # A phase is what the text lists along the corridor; the whole named inside it is not.
    cpec = "corridor/china-pakistan-economic-corridor"
    assert (_entity(corpus, "Velkar Highway Phase II"), cpec) in part_of
    assert (_entity(corpus, "Velkar Highway"), cpec) not in part_of


def test_parties_and_members(corpus: Corpus) -> None:
    involves = _facts(corpus, "involves")
    park = _entity(corpus, "Kellan River Industrial Park")
    assert {(park, "country/cn"), (park, "country/eg")} <= involves
    forum = _entity(corpus, "Silverleaf Digital Cooperation Forum")
    assert {(forum, "country/la"), (forum, "country/kh"), (forum, "country/th")} <= involves


def test_strategy_owner_and_alignment(corpus: Corpus) -> None:
    strategy = _entity(corpus, "Golden Steppe")
    assert (strategy, "country/mn") in _facts(corpus, "ownedBy")
    assert ("initiative/belt-and-road-initiative", strategy) in _facts(corpus, "alignedWith")


def test_quantity_with_unit(corpus: Corpus) -> None:
    park = _entity(corpus, "Astrava Solar Park")
    quantities = {
        (f.subject, f.quantity.value, f.quantity.unit)
        for doc in corpus.documents
        for f in doc.facts
        if f.predicate == "quantity" and f.quantity
    }
    assert (park, 400.0, "MW") in quantities


def test_every_quote_is_the_original_text(corpus: Corpus) -> None:
    for doc in corpus.documents:
        for fact in doc.facts:
            assert doc.raw[fact.evidence.start : fact.evidence.end] == fact.evidence.quote
        for mention in doc.mentions:
            start, end = doc.raw_span(mention.start, mention.end)
            assert doc.raw[start:end] == mention.text


def _extract_text(tmp_path: Path, text: str) -> Corpus:
    """The corpus of one invented document holding ``text``."""
    path = tmp_path / "invented.txt"
    path.write_text(text, encoding="utf-8")
    return extract_documents([load_file(path)])


def test_a_railway_project_names_the_railway_and_a_secretariat_is_a_body(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path,
        "The launch ceremony of the Morvane-Kelisto-Tarsk railway project was held in 2024. "
        "The Secretariat of the Silverleaf Harbour Forum opened an office in Almaty.\n",
    )
    railway = _entity(corpus, "Morvane-Kelisto-Tarsk railway")
    assert corpus.entities[railway].type is EntityType.PROJECT
    secretariat = _entity(corpus, "Secretariat of the Silverleaf Harbour Forum")
    assert corpus.entities[secretariat].type is EntityType.ORGANIZATION


def test_a_place_compound_adjective_before_a_lowercase_head_is_no_name(tmp_path: Path) -> None:
    """ "a Hong Kong-listed port operator", "a Nairobi-based railway contractor": adjectives,
    not projects; "the Velmar-Tarsk railway" is a name."""
    corpus = _extract_text(
        tmp_path,
        "Harbor Pacific Holdings, a Hong Kong-listed port operator, bought the Orvel Terminal. "
        "A Nairobi-based railway contractor finished the Velmar-Tarsk railway project.\n",
    )
    labels = {entity.labels.get("en") for entity in corpus.entities.values()}
    assert "Velmar-Tarsk railway" in labels
    assert not {label for label in labels if label and label.endswith(("-listed", "-based"))}


def _quantities(corpus: Corpus) -> dict[tuple[str, float, str], str | None]:
    """(subject, value, unit) -> the as-of date, of every quantity fact."""
    return {
        (f.subject, f.quantity.value, f.quantity.unit): f.date.iso() if f.date else None
        for doc in corpus.documents
        for f in doc.facts
        if f.predicate == "quantity" and f.quantity
    }


def test_a_figure_belongs_to_the_clause_subject_not_a_dateline_or_a_builder(
    corpus: Corpus,
) -> None:
    quantities = _quantities(corpus)
    station = _entity(corpus, "Korvell Hydropower Station")
    assert (station, 320.0, "MW") in quantities
    subjects = {subject for subject, _, _ in quantities}
    assert "organization/xinhua-news-agency" not in subjects
    assert _entity(corpus, "Orvane Construction Corporation") not in subjects
    # A figure that modifies a name is that name's, whatever comes before.
    assert (_entity(corpus, "Varnak-Oltis Railway"), 1240.0, "km") in quantities
    # "...; China has assisted 22 African countries": the port in the clause before is not it.
    assert (_entity(corpus, "Harlow Deep-sea Port"), 22.0, "country") not in quantities


def test_a_figure_in_a_relative_clause_or_after_a_lender_is_not_theirs(tmp_path: Path) -> None:
    """ "X built the Y, which has 4 berths": the Y's; "The expansion, financed by a loan from
    the Z Bank, adds four berths": not the lender's; "The W Port in Kenya, which opened in 2020,
    handles ...": the relative clause closed, the figure is the W Port's."""
    corpus = _extract_text(
        tmp_path,
        "Brenmoor Harbour Company built the Dravik Terminal, which has 4 berths. "
        "The expansion, financed by a US$640 million loan from the Velmar Development Bank, "
        "adds six berths. The Ostrel Port in Kenya, which opened in 2020, handles 2 million "
        "TEUs a year.\n",
    )
    quantities = _quantities(corpus)
    assert (_entity(corpus, "Dravik Terminal"), 4.0, "berth") in quantities
    assert (_entity(corpus, "Ostrel Port"), 2e6, "TEU/year") in quantities
    subjects = {subject for subject, _, _ in quantities}
    assert _entity(corpus, "Brenmoor Harbour Company") not in subjects
    assert _entity(corpus, "Velmar Development Bank") not in subjects


def test_a_cost_or_a_sum_lent_belongs_to_the_works_not_the_builder_or_lender(
    tmp_path: Path,
) -> None:
    """ "C will build the X, at a cost of", "costing", "at an estimated cost of": the X's cost,
    not the builder's; but a thing that is the clause's subject keeps it ("The X, which includes
    the Y, will cost"), and a body's aside names no works of its sum ("C, which operates the Z,
    signed an agreement with a total investment of"); "lent $2 billion to Kenya for the Y": the
    Y's sum, and "Kenya for the Y" is two names; a sum for an initiative stays the lender's."""
    corpus = _extract_text(
        tmp_path,
        "The Velmoro Port Authority will build the Tarsk-Velmar Railway in Kenya, at a cost of "
        "$2.1 billion.\n\nKorvane Group is constructing the Ostrel Dam at a cost of $800 "
        "million.\n\nKenya signed a deal with Polmar Holdings to build the Ashwell Power Plant, "
        "costing $450 million.\n\nThe Halden Port, a Belt and Road Initiative project costing "
        "$900 million, opened in May.\n\nVantor Engineering will upgrade the Pemba Terminal at "
        "an estimated cost of KES 18 billion.\n\nThe Orlan Bank lent $2 billion to Kenya for the "
        "Brenn Railway.\n\nThe Orlan Bank extended $1 billion to the Velmoro Port Authority to "
        "build the Cadwell Port.\n\nThe Orlan Bank granted $5 million to the Halden "
        "Foundation.\n\nThe Kivo Dam, located upstream of the Sarn Bridge, was built at a cost "
        "of $600 million.\n\nThe Lantor Economic Corridor, which includes the Norvik Bridge, "
        "will cost $5 billion.\n\nThe Tana Bridge will link the Kivo Dam to the Brenn Railway, "
        "at a cost of $300 million.\n\nTovan Holdings, which operates the Qasim Terminal, "
        "signed an agreement with a total investment of $500 million.\n\nDelmora Group is "
        "building the Pemba Terminal at a cost of 300 million euros.\n\nThe Orlan Bank "
        "extended $7 billion to Kenya for the Belt and Road Initiative.\n",
    )
    quantities = _quantities(corpus)
    for works, value, unit in [
        ("Tarsk-Velmar Railway", 2.1e9, "USD"),
        ("Ostrel Dam", 8e8, "USD"),
        ("Ashwell Power Plant", 4.5e8, "USD"),
        ("Halden Port", 9e8, "USD"),
        ("Pemba Terminal", 1.8e10, "KES"),
        ("Brenn Railway", 2e9, "USD"),
        ("Cadwell Port", 1e9, "USD"),
        ("Kivo Dam", 6e8, "USD"),
        ("Lantor Economic Corridor", 5e9, "USD"),
        ("Tana Bridge", 3e8, "USD"),
        ("Tovan Holdings", 5e8, "USD"),
        ("Pemba Terminal", 3e8, "EUR"),
        ("Orlan Bank", 7e9, "USD"),
    ]:
        assert (_entity(corpus, works), value, unit) in quantities, works
    subjects = {subject for subject, _, _ in quantities}
    for builder in ("Velmoro Port Authority", "Korvane Group", "Polmar Holdings", "Delmora Group"):
        assert _entity(corpus, builder) not in subjects
    for named_later in ("Sarn Bridge", "Norvik Bridge", "Qasim Terminal"):
        assert _entity(corpus, named_later) not in subjects, named_later
    brenn = _entity(corpus, "Brenn Railway")
    assert [value for subject, value, _ in quantities if subject == brenn] == [2e9]
    assert "initiative/belt-and-road-initiative" not in subjects
    assert (_entity(corpus, "Orlan Bank"), 5e6, "USD") in quantities
    assert ("Orlan Bank", 2e9, "USD") not in {
        (corpus.entities[s].labels.get("en"), v, u) for s, v, u in quantities
    }


def test_a_cost_goes_to_the_works_its_phrase_is_on(tmp_path: Path) -> None:
    """Which works a cost is of, past the clause's subject: the name a participle or an
    apposition right before it follows; a fronted cost's works; the object, not a place ("on
    the Y") nor a name in a relative clause; "for the construction of the X" after the sum; a
    cost shared by a list is no one name's."""
    corpus = _extract_text(
        tmp_path,
        "The Lantor Economic Corridor will include the Tamsin Bridge, to be built at a cost of "
        "$420 million.\n\nThe Varno Bridge project will be followed by the Tolvek Tunnel, "
        "costing $650 million.\n\nThe Kelmar Port will get a new berth, the Bexley Terminal, at "
        "a cost of $310 million.\n\nAt a cost of $900 million, the Aran Bridge opened in May."
        "\n\nAt an estimated cost of KES 18 billion, Trevik Group will upgrade the Nalari "
        "Highway.\n\nHalvex Engineering built the Ostra Tunnel on the Dessa Expressway at a "
        "cost of $650 million.\n\nTrevik Group is building the Zelt Bridge, which links the "
        "Kirwan Port to the city, at a cost of $905 million.\n\nThe Ruvani government "
        "allocated NPR 12 billion for the construction of the Sundar Railway.\n\nTrevik Group "
        "will invest $505 million in the Pelan Expressway.\n\nTrevik Group will build the "
        "Morrow Bridge at a cost of $300 million and the Brannock Tunnel at a cost of $500 "
        "million.\n\nOur partners have built the Mekong-Ruvu Railway, the Nam Keo Power Plant "
        "and the Vientane Logistics Park, at a combined cost of more than $7 billion.\n\nThe "
        "Ruvani government signed a deal with Trevik Group for the construction of the Nandi "
        "Highway, worth KES 14 billion.\n\nTrevik Group won a contract for the Orsk Bridge, "
        "valued at $90 million.\n",
    )
    quantities = _quantities(corpus)
    for works, value, unit in [
        ("Tamsin Bridge", 4.2e8, "USD"),
        ("Tolvek Tunnel", 6.5e8, "USD"),
        ("Bexley Terminal", 3.1e8, "USD"),
        ("Aran Bridge", 9e8, "USD"),
        ("Nalari Highway", 1.8e10, "KES"),
        ("Ostra Tunnel", 6.5e8, "USD"),
        ("Zelt Bridge", 9.05e8, "USD"),
        ("Sundar Railway", 1.2e10, "NPR"),
        ("Pelan Expressway", 5.05e8, "USD"),
        ("Morrow Bridge", 3e8, "USD"),
        ("Brannock Tunnel", 5e8, "USD"),
        ("Nandi Highway", 1.4e10, "KES"),
        ("Orsk Bridge", 9e7, "USD"),
    ]:
        assert (_entity(corpus, works), value, unit) in quantities, works
    subjects = {subject for subject, _, _ in quantities}
    for not_the_works in ("Lantor Economic Corridor", "Kelmar Port", "Dessa Expressway"):
        assert _entity(corpus, not_the_works) not in subjects, not_the_works
    assert not any(value == 7e9 for _, value, _ in quantities)


def test_a_name_an_apposition_calls_a_body_is_one_throughout(tmp_path: Path) -> None:
    """ "Kelmar Rail, the operator of the X Railway": a body, though "Rail" heads railways'
    names, in its other sentences too; its cost phrase's works is the line it builds."""
    corpus = _extract_text(
        tmp_path,
        "Kelmar Rail, the operator of the Sorrel Valley Railway, will build the Dunmore Freight "
        "Line at a cost of $400 million.\n\nKelmar Rail said the line would open in 2027.\n\n"
        "The Brenn Rail Link, a 300-km line, opened in 2020.\n",
    )
    types = {entity.labels.get("en"): entity.type for entity in corpus.entities.values()}
    assert types["Kelmar Rail"] is EntityType.ORGANIZATION
    assert types["Brenn Rail Link"] is EntityType.PROJECT
    assert not any(e.id.startswith("project/kelmar") for e in corpus.entities.values())
    assert (_entity(corpus, "Dunmore Freight Line"), 4e8, "USD") in _quantities(corpus)


def test_an_investment_or_financing_from_a_body_makes_it_a_party(tmp_path: Path) -> None:
    """ "launch the X Port, with an investment of US$640 million from the Y Fund": the fund
    takes part in the port (the figure stays the port's); "with financing from the Z Bank" too;
    "from its own budget" names no party."""
    corpus = _extract_text(
        tmp_path,
        "The parties agreed to launch the Mirel Dry Port, with an investment of US$640 million "
        "from the Velmar Development Fund. The Orvek Canal was dredged with financing from the "
        "Kelvar Development Bank. The Tarsin Bridge was built with an investment of US$10 "
        "million from its own budget.\n",
    )
    parties = _facts(corpus, "involves")
    assert (
        _entity(corpus, "Mirel Dry Port"),
        _entity(corpus, "Velmar Development Fund"),
    ) in parties
    assert (_entity(corpus, "Orvek Canal"), _entity(corpus, "Kelvar Development Bank")) in parties
    assert not any(subject == _entity(corpus, "Tarsin Bridge") for subject, _ in parties)
    assert (_entity(corpus, "Mirel Dry Port"), 6.4e8, "USD") in _quantities(corpus)


def test_a_lender_that_provided_a_loan_for_a_project_takes_part(tmp_path: Path) -> None:
    """ "The Kelvar Development Bank of China provided a US$300 million loan for the X Hub": the
    bank (not the China inside its name) takes part, and the sum is the hub's; "extended
    financing to the Y Tunnel" too, where "to" governs what is financed."""
    corpus = _extract_text(
        tmp_path,
        "The Kelvar Development Bank of China provided a US$300 million loan for the Tervan "
        "Logistics Hub in 2022. The Dorvan Fund extended financing to the Orbeli Tunnel.\n",
    )
    parties = _facts(corpus, "involves")
    hub, bank = (
        _entity(corpus, "Tervan Logistics Hub"),
        _entity(corpus, "Kelvar Development Bank of China"),
    )
    assert (hub, bank) in parties
    assert (hub, "country/cn") not in parties
    assert (_entity(corpus, "Orbeli Tunnel"), _entity(corpus, "Dorvan Fund")) in parties
    assert (hub, 3e8, "USD") in _quantities(corpus)
    # A body the loan is lent to is not what it finances.
    corpus = _extract_text(
        tmp_path,
        "The Dorvan Fund provided a US$500 million loan to Kelvar Railways Corporation for the "
        "Nairo Railway.\n",
    )
    borrower = _entity(corpus, "Kelvar Railways Corporation")
    assert not any(subject == borrower for subject, _, _ in _quantities(corpus))


def test_a_figure_opening_an_appositive_and_which_after_a_place(tmp_path: Path) -> None:
    """ "X Group signed a contract to build the Y Railway, a 310-km standard gauge line": the
    310 km are the railway's, not the contractor's; "the Z Plant in Tanzania, which began
    operations in 2019": the plant began operating."""
    corpus = _extract_text(
        tmp_path,
        "Korvex Engineering Group has signed a contract with Tanzania to build the Dalmira-Sorel "
        "Railway, a 310-km standard gauge line linking Dalmira with Sorel. The group previously "
        "built the Mtwara Cement Plant in Tanzania, which began operations in 2019.\n",
    )
    assert (_entity(corpus, "Dalmira-Sorel Railway"), 310.0, "km") in _quantities(corpus)
    plant = _entity(corpus, "Mtwara Cement Plant")
    assert (plant, "startOfOperation", "2019") in _events(corpus)


def test_who_upgraded_expanded_or_designed_a_project_takes_part(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path,
        "The Port of Karvel, upgraded by Orlan Port Holdings, handles 1.8 million TEUs a year. "
        "The Dorvan Bridge, expanded by Korvex Limited, reopened in 2023. The Selka Dam was "
        "designed by Brenmoor Consulting Group. Its output expanded by 20 percent.\n",
    )
    assert {
        (_entity(corpus, "Port of Karvel"), _entity(corpus, "Orlan Port Holdings")),
        (_entity(corpus, "Dorvan Bridge"), _entity(corpus, "Korvex Limited")),
        (_entity(corpus, "Selka Dam"), _entity(corpus, "Brenmoor Consulting Group")),
    } == _facts(corpus, "involves")


def test_a_hard_wrapped_text_reads_as_its_paragraphs(tmp_path: Path) -> None:
    """A PDF's text dump: a name broken at a hyphen across lines is found, labelled on one
    line, and located, dated and measured as in one-line paragraphs."""
    corpus = _extract_text(
        tmp_path,
        "The Belt and Road Initiative has supported the construc-\n"
        "tion of the Velmar Deep-\n"
        "water Port in Kenya, which opened in 2021. The port handles 2 million TEUs a\n"
        "year.\n",
    )
    port = _entity(corpus, "Velmar Deep-water Port")
    assert (port, "country/ke") in _facts(corpus, "locatedIn")
    assert (port, "opening", "2021") in _events(corpus)
    assert (port, 2e6, "TEU/year") in _quantities(corpus)


def test_a_markdown_paragraph_runs_over_its_lines(tmp_path: Path) -> None:
    """In Markdown, consecutive lines are one paragraph whatever they end with, so "It" in the
    second line refers to the corridor of the first; a heading or list item starts its own;
    "The X, with a capacity of 1,320 MW, entered commercial operation": the plant did."""
    path = tmp_path / "report.md"
    path.write_text(
        "# Kelvar Corridor Report\n\n## 1. Overview\n"
        "The Kelvar Economic Corridor links western China with the Arabian Sea.\n"
        "It was launched in 2015.\n\n"
        "- The Sahiwal Coal Power Plant, with a capacity of 1,320 MW, entered commercial\n"
        "  operation in July 2017.\n"
        "- The Tarvos Bridge opened in 2020.\n",
        encoding="utf-8",
    )
    corpus = extract_documents([load_file(path)])
    windows = tmp_path / "windows.md"  # the same with the line ends of a Windows editor
    windows.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    crlf = extract_documents([load_file(windows)])
    assert _events(crlf) == _events(corpus)
    assert _events(corpus) == {
        (_entity(corpus, "Kelvar Economic Corridor"), "launch", "2015"),
        (_entity(corpus, "Sahiwal Coal Power Plant"), "startOfOperation", "2017-07"),
        (_entity(corpus, "Tarvos Bridge"), "opening", "2020"),
    }


def test_a_plant_connected_to_the_grid_started_operating(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path,
        "The Velkan Solar Park was connected to the national power grid in November 2025. The "
        "Orvan Wind Farm connected to the grid on 3 May 2024.\n",
    )
    assert _events(corpus) == {
        (_entity(corpus, "Velkan Solar Park"), "startOfOperation", "2025-11"),
        (_entity(corpus, "Orvan Wind Farm"), "startOfOperation", "2024-05-03"),
    }


def test_a_figure_holds_as_of_its_own_date(corpus: Corpus) -> None:
    quantities = _quantities(corpus)
    railway = _entity(corpus, "Pellavan Railway")
    # Not the date of the opening the "which" clause names, and not a "since" date.
    assert quantities[(railway, 11e6, "passenger")] == "2025-03"
    assert quantities[(_entity(corpus, "Dravik Logistics Park"), 12000.0, "job")] is None
    assert (railway, "opening", "2017-05") in _events(corpus)


def test_an_appositive_does_not_take_the_event(corpus: Corpus) -> None:
    events = _events(corpus)
    assert (_entity(corpus, "Selvan Highway"), "opening", "2024-05-01") in events
    corridor = _entity(corpus, "Qarvani-Tesh Economic Corridor")
    assert (corridor, "opening", "2024-05-01") not in events


def test_which_after_an_appositive_tells_of_the_name(tmp_path: Path) -> None:
    """ "the X Expressway, a 412-kilometre toll road linking A and B, which opened to traffic in
    November 2025": the expressway opened; "the Y Bridge, a link to the Z Railway, which
    opened in 2019": the nearer name did."""
    corpus = _extract_text(
        tmp_path,
        "The participants welcomed the completion of the Karsun-Belvar Expressway, a "
        "412-kilometre toll road linking Karsun and Belvar, which opened to traffic in November "
        "2025. They praised the Tarvos Bridge, a link to the Ondrel Railway, which opened in "
        "2019.\n",
    )
    events = _events(corpus)
    assert (_entity(corpus, "Karsun-Belvar Expressway"), "opening", "2025-11") in events
    assert (_entity(corpus, "Ondrel Railway"), "opening", "2019") in events
    assert not any(subject == _entity(corpus, "Tarvos Bridge") for subject, _, _ in events)


def test_leaders_who_met_for_or_attended_a_numbered_meeting_date_it(tmp_path: Path) -> None:
    """ "attended the Second X Summit" in 2019, "met in A on 14 March 2026 for the Y Summit",
    "met on 3 May 2024 on the sidelines of the Z Forum": each was held then; "met on Monday
    for talks on the W Railway" holds no railway."""
    corpus = _extract_text(
        tmp_path,
        "In 2019, leaders of China and Mongolia attended the Second Kelvar Summit. Leaders met "
        "in Tashkor on 14 March 2026 for the Second Orvan Summit. The two presidents met on 3 "
        "May 2024 on the sidelines of the Dravik Forum. The ministers met on 5 June 2024 for "
        "talks on the Velmar Railway.\n",
    )
    assert _events(corpus) == {
        (_entity(corpus, "Kelvar Summit"), "holding", "2019"),
        (_entity(corpus, "Orvan Summit"), "holding", "2026-03-14"),
        (_entity(corpus, "Dravik Forum"), "holding", "2024-05-03"),
    }


def test_a_list_item_opening_with_a_name_and_a_colon_tells_of_the_name(tmp_path: Path) -> None:
    """ "- **X Hub** (Georgia): opened in June 2024; operated by ...": the hub opened; so with
    "construction began" and a participle after an appositive; a name the verb governs still
    takes the event ("**Y Forum**: Kenya and China launched the Z Platform in 2019")."""
    corpus = _extract_text(
        tmp_path,
        "## Key projects\n\n"
        "- **Tervan Logistics Hub** (Georgia): opened in June 2024; operated by Caspian Gate "
        "Holdings.\n"
        "- **Orbeli Tunnel** (Armenia): construction began in 2023.\n"
        "- **Shirak Wind Farm**: a 150 MW project in Armenia, completed in 2025.\n"
        "- **Velmar Forum**: Kenya and China launched the Dorvan Trade Platform in 2019.\n",
    )
    assert _events(corpus) == {
        (_entity(corpus, "Tervan Logistics Hub"), "opening", "2024-06"),
        (_entity(corpus, "Orbeli Tunnel"), "launch", "2023"),
        (_entity(corpus, "Shirak Wind Farm"), "completion", "2025"),
        (_entity(corpus, "Dorvan Trade Platform"), "launch", "2019"),
    }


def test_and_before_a_known_name_ends_a_name(tmp_path: Path) -> None:
    """ "The Ministry of Commerce and Huawei": a known company after "and" is a party of its
    own, where "Ministry of Industry and Trade" stays one name."""
    corpus = _extract_text(
        tmp_path,
        "The Velmoran Ministry of Commerce and Huawei signed a deal with PowerChina.\n"
        "The Velmoran Ministry of Industry and Trade welcomed it.\n",
    )
    names = {m.text: m.entity for doc in corpus.documents for m in doc.mentions if m.entity}
    assert names["Velmoran Ministry of Commerce"].startswith("organization/")
    assert names["Huawei"] == "organization/huawei"
    assert names["PowerChina"] == "organization/power-construction-corporation-of-china"
    assert "Velmoran Ministry of Industry and Trade" in names


def test_works_dated_by_a_deadline_or_a_participle(corpus: Corpus) -> None:
    events = _events(corpus)
    assert (_entity(corpus, "Orsk section"), "completion", "2023-06") in events
    network = _entity(corpus, "Lao-China Velmar Power Transmission Network")
    assert corpus.entities[network].type is EntityType.PROJECT
    assert (network, "completion", "2022-12") in events
    assert (network, "country/la") in _facts(corpus, "locatedIn")
    # A deadline before the verb dates no event ("By the end of 2022, ... had signed").
    forum = _entity(corpus, "Quorra Tessel Forum")
    assert not {e for e in events if e[0] == forum}


def test_name_particles_and_a_place_after_a_name(corpus: Corpus) -> None:
    terminal = _entity(corpus, "Dar es Salaam Velmar Terminal")
    assert (terminal, "country/tz") in _facts(corpus, "locatedIn")
    assert (terminal, "startOfOperation", "2024") in _events(corpus)
    aktau = _entity(corpus, "Aktau Tessel Terminal")
    assert (aktau, "opening", "2021-05") in _events(corpus)


def _persons(corpus: Corpus) -> set[str]:
    """The text of every person mention."""
    return {
        m.text for doc in corpus.documents for m in doc.mentions if m.label is EntityType.PERSON
    }


def test_persons_after_a_title_with_its_portfolio(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path,
        "Velmoran Minister of Transport Arlen Dusk and TREG Secretary-General Mira Quell "
        "attended. Minister of National Housing and Social Amenities, Oren Vale, spoke. "
        "The Minister of Foreign Affairs spoke too.\n",
    )
    persons = _persons(corpus)
    assert persons == {"Arlen Dusk", "Mira Quell", "Oren Vale"}


def test_a_short_form_refers_to_a_name_with_that_head(tmp_path: Path) -> None:
    """ "The port" is the Velmor Deep-Water Port, not the "Tessaly Ports Authority" that has
    the word but not as its head; ", and" before a new subject ends a figure's clause."""
    corpus = _extract_text(
        tmp_path,
        "The Velmor Deep-Water Port began commercial operation on 3 March 2025, the Tessaly "
        "Ports Authority said. The port has four berths.\n"
        "The Kalundo Bay Port opened in 2024, and the Mvita Velmor Industrial Park has attracted "
        "37 enterprises.\n",
    )
    port = _entity(corpus, "Velmor Deep-Water Port")
    (short,) = [m for doc in corpus.documents for m in doc.mentions if m.text == "The port"]
    assert short.entity == port
    quantities = _quantities(corpus)
    assert (port, 4.0, "berth") in quantities
    assert (_entity(corpus, "Mvita Velmor Industrial Park"), 37.0, "enterprise") in quantities


def test_the_project_refers_to_the_thing_a_short_form_last_named(tmp_path: Path) -> None:
    """ "The bridge will be built by ..." names the bridge again, so a later "the project" is
    the bridge, not the railway named after it in the first sentence; and a heading starts
    another topic: "the project" after one refers to nothing before it."""
    corpus = _extract_text(
        tmp_path,
        "Laos and Thailand signed an agreement to build the Nongvel Freight Bridge, which will "
        "link the Varnak-Oltis Railway with Thailand's network.\n\n"
        "The bridge will be built by Lanxang Velmar Construction Company.\n\n"
        "Construction is expected to start in June.\n\n"
        "A minister said the project would cost about $380 million.\n\n"
        "Wells for Tessel Villages\n\n"
        "On July 22, the first well of the 300-well project produced water.\n",
    )
    bridge = _entity(corpus, "Nongvel Freight Bridge")
    shorts = {m.text: m.entity for doc in corpus.documents for m in doc.mentions}
    assert shorts["the project"] == bridge
    assert (bridge, 3.8e8, "USD") in _quantities(corpus)
    assert "the 300-well project" not in shorts and "project" not in shorts


def test_lending_periods_phases_and_twin_parks(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path,
        "By the end of 2024, lending by the Tarvel Development Bank exceeded 400 billion U.S. "
        "dollars.\n"
        "The Quorra Silk Fund has signed 85 projects since its founding in 2014.\n"
        "The first phase of the Kalundo Bay Terminal was completed in December 2024.\n"
        "The China-Malaysia Qinzhou Velmor Industrial Park opened in 2012.\n",
    )
    quantities = _quantities(corpus)
    # "lending by the X" is the X's figure; only a participle's agent ("built by") is not.
    assert quantities[(_entity(corpus, "Tarvel Development Bank"), 4e11, "USD")] == "2024"
    assert quantities[(_entity(corpus, "Quorra Silk Fund"), 85.0, "project")] is None
    terminal = _entity(corpus, "Kalundo Bay Terminal")
    assert not {e for e in _events(corpus) if e[0] == terminal}
    park = _entity(corpus, "China-Malaysia Qinzhou Velmor Industrial Park")
    located = {country for subject, country in _facts(corpus, "locatedIn") if subject == park}
    assert located == {"country/cn"}


def test_phase_of_lists_in_a_part_of_phrase_and_time_counts(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path,
        "Phase II of the Velmor Solar Park in Tajikistan, with a capacity of 200 MW, was "
        "connected to the grid on 15 August 2025.\n"
        "The Orsk-Tessel Expressway and the Quorra Logistics Hub in Laos are part of the "
        "Qarvani-Tesh Economic Corridor.\n"
        "In the first three quarters of 2025, the Quorra Logistics Hub handled 310,000 tonnes.\n",
    )
    park = _entity(corpus, "Velmor Solar Park")
    phase = _entity(corpus, "Phase II of the Velmor Solar Park")
    assert (phase, park) in _facts(corpus, "partOf")
    assert (park, "country/tj") in _facts(corpus, "locatedIn")
    corridor = _entity(corpus, "Qarvani-Tesh Economic Corridor")
    part_of = _facts(corpus, "partOf")
    assert (_entity(corpus, "Orsk-Tessel Expressway"), corridor) in part_of
    assert (_entity(corpus, "Quorra Logistics Hub"), corridor) in part_of
    units = {unit for _, _, unit in _quantities(corpus)}
    assert "quarter" not in units


def test_a_share_and_a_comparison_keep_their_own_dates(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path,
        "Green loans accounted for 18 percent of the Tarvel Development Bank's new lending in "
        "2024, up from 11 percent in 2022.\n",
    )
    bank = _entity(corpus, "Tarvel Development Bank")
    quantities = _quantities(corpus)
    assert quantities[(bank, 18.0, "percent")] == "2024"
    assert quantities[(bank, 11.0, "percent")] == "2022"


def test_second_reading_cases(tmp_path: Path) -> None:
    """What a second reading of the rules above found them doing wrong."""
    corpus = _extract_text(
        tmp_path,
        "In addition to the Velmor Port, the Tarsk Railway, a key project of the corridor, "
        "opened in May 2019.\n"
        "The Kandor Bank financed the Orlen Port, and the Tessel Railway is part of the Northern "
        "Economic Corridor.\n"
        "The Tarsk Railway carries 40 percent of the Velmor Economic Corridor's freight.\n"
        "The Tessel Railway was financed by a US$3.8 billion Kandor Bank loan.\n"
        "The Orlen Port handled 2 million tonnes in 2022; in 2023 the Quell Railway carried 3 "
        "million passengers.\n"
        "The Kandor Port is to be completed by June 2027.\n"
        "Vietnam and China agreed to build the Lao Cai-Tessel Railway.\n"
        "Velmoran Minister of Finance Sri Arlen Duskari attended.\n"
        "China launched the Kandor Training Programme on Green Development in 2023.\n"
        "Both sides looked forward to the opening of the Lotus Bay Railway in 2027.\n"
        "Both sides agreed to launch the Quorra Digital Customs Platform in 2026.\n",
    )
    events = _events(corpus)
    assert (_entity(corpus, "Tarsk Railway"), "opening", "2019-05") in events
    assert not {e for e in events if e[0] == _entity(corpus, "Velmor Port")}
    for planned in ("Kandor Port", "Lotus Bay Railway", "Quorra Digital Customs Platform"):
        assert not {e for e in events if e[0] == _entity(corpus, planned)}  # a plan
    # "is to be completed by", "agreed to launch ... in": planned for the date; a hope ("looked
    # forward to the opening of") plans nothing.
    assert _events(corpus, planned=True) == {
        (_entity(corpus, "Kandor Port"), "completion", "2027-06"),
        (_entity(corpus, "Quorra Digital Customs Platform"), "launch", "2026"),
    }
    corridor = _entity(corpus, "Northern Economic Corridor")
    assert (_entity(corpus, "Orlen Port"), corridor) not in _facts(corpus, "partOf")
    quantities = _quantities(corpus)
    assert (_entity(corpus, "Tarsk Railway"), 40.0, "percent") in quantities
    assert (_entity(corpus, "Tessel Railway"), 3.8e9, "USD") in quantities
    assert (_entity(corpus, "Quell Railway"), 3e6, "passenger") in quantities
    lao_cai = _entity(corpus, "Lao Cai-Tessel Railway")
    located = {country for subject, country in _facts(corpus, "locatedIn") if subject == lao_cai}
    assert "country/la" not in located
    persons = _persons(corpus)
    assert "Sri Arlen Duskari" in persons
    assert _entity(corpus, "Kandor Training Programme on Green Development")


def test_work_on_a_named_thing_and_an_extension(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path,
        "Construction of the Lotus Velmor Port in Kenya was completed in 2019.\n"
        "The Orsk-Quell Expressway Extension entered commercial operation on 15 July 2025.\n",
    )
    port = _entity(corpus, "Lotus Velmor Port")
    assert (port, "country/ke") in _facts(corpus, "locatedIn")
    assert (port, "completion", "2019") in _events(corpus)
    extension = _entity(corpus, "Orsk-Quell Expressway Extension")
    expressway = _entity(corpus, "Orsk-Quell Expressway")
    assert (extension, expressway) in _facts(corpus, "partOf")
    events = _events(corpus)
    assert (extension, "startOfOperation", "2025-07-15") in events
    assert not {e for e in events if e[0] == expressway}


def test_an_extension_or_expansion_in_lowercase_is_a_part(tmp_path: Path) -> None:
    """ "Construction of the X Railway extension began in 2024": the extension's start, a part
    of the railway, not the railway's."""
    corpus = _extract_text(
        tmp_path,
        "Construction of the Dunmore Railway extension began in 2024.\n"
        "The Orvel Port expansion project was completed in 2021.\n",
    )
    extension, railway = (
        _entity(corpus, "Dunmore Railway extension"),
        _entity(corpus, "Dunmore Railway"),
    )
    expansion, port = _entity(corpus, "Orvel Port expansion"), _entity(corpus, "Orvel Port")
    assert {(extension, railway), (expansion, port)} <= _facts(corpus, "partOf")
    assert _events(corpus) == {(extension, "launch", "2024"), (expansion, "completion", "2021")}


def test_suspended_cancelled_and_resumed_projects_are_events(tmp_path: Path) -> None:
    """What stops a project is as much its status as what opens it: a project suspended in
    2020 and resumed in 2023 is in progress, one cancelled is not."""
    corpus = _extract_text(
        tmp_path,
        "Construction of the Varnok Hydropower Station was suspended in March 2020 after a "
        "dispute over financing. Work on the Tavrin Deep-Water Port resumed in June 2023. "
        "In January 2022, the government cancelled the Oskarsberg Coal Power Plant. "
        "The Lumeko Railway was halted in 2019; the Sarvel Industrial Park was scrapped on "
        "4 May 2021.\n",
    )
    events = _events(corpus)
    expected = {
        ("Varnok Hydropower Station", "suspension", "2020-03"),
        ("Tavrin Deep-Water Port", "resumption", "2023-06"),
        ("Oskarsberg Coal Power Plant", "cancellation", "2022-01"),
        ("Lumeko Railway", "suspension", "2019"),
        ("Sarvel Industrial Park", "cancellation", "2021-05-04"),
    }
    for label, kind, date in expected:
        assert (_entity(corpus, label), kind, date) in events, (label, events)
    assert len(events) == len(expected), events


def test_a_negated_event_is_no_event(tmp_path: Path) -> None:
    """ "was not completed in 2019" says the thing did not happen then."""
    corpus = _extract_text(
        tmp_path,
        "The Kessara Bridge was not completed in 2019. The Dolvin Expressway has never been "
        "suspended since it opened in 2016. The Marrow Air Corridor did not suspend its "
        "freight flights in 2020.\n",
    )
    events = _events(corpus)
    expressway = _entity(corpus, "Dolvin Expressway")
    assert events == {(expressway, "opening", "2016")}, events


def test_who_proposed_a_thing_is_its_proposer_dated_or_not(tmp_path: Path) -> None:
    """ "proposed by Kazakhstan", "Kazakhstan put forward the X": the proposer is named with
    or without a date, and is also a party to what it proposed."""
    corpus = _extract_text(
        tmp_path,
        "The Caspian Bridge Dialogue was proposed by Kazakhstan. Uzbekistan put forward the "
        "Steppe Link Initiative in 2021. The Amber Route Corridor, launched by the Baltic "
        "Transit Bank, links three ports. The Aral Trade Corridor, proposed in 2021 by "
        "Turkmenistan, links two seas.\n",
    )
    trade = _entity(corpus, "Aral Trade Corridor")
    dialogue = _entity(corpus, "Caspian Bridge Dialogue")
    initiative = _entity(corpus, "Steppe Link Initiative")
    corridor = _entity(corpus, "Amber Route Corridor")
    bank = _entity(corpus, "Baltic Transit Bank")
    assert _facts(corpus, "proposedBy") == {
        (dialogue, "country/kz"),
        (initiative, "country/uz"),
        (trade, "country/tm"),
    }
    assert {(dialogue, "country/kz"), (initiative, "country/uz"), (corridor, bank)} <= _facts(
        corpus, "involves"
    )


def test_a_name_modifying_what_was_proposed_is_not_what_was_proposed(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path,
        "A Steppe Link Initiative data platform proposed by the Caspian Transit Authority "
        "was established in 2020.\n",
    )
    facts = _facts(corpus, "proposedBy") | _facts(corpus, "involves")
    assert not facts, facts


def test_construction_began_is_the_launch_of_the_work(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path,
        "Construction of the Varnok Hydropower Station began in March 2019. Work on the Tavrin "
        "Deep-Water Port started on 2 May 2021. The Helvar Consortium began construction of the "
        "Sarvel Expressway in 2022. The Kessara Power Plant, whose construction ended in 2018, "
        "began operations in 2019.\n",
    )
    events = _events(corpus)
    assert {
        (_entity(corpus, "Varnok Hydropower Station"), "launch", "2019-03"),
        (_entity(corpus, "Tavrin Deep-Water Port"), "launch", "2021-05-02"),
        (_entity(corpus, "Sarvel Expressway"), "launch", "2022"),
        (_entity(corpus, "Kessara Power Plant"), "startOfOperation", "2019"),
    } == events, events


def test_signatories_and_joint_founders_are_all_parties(tmp_path: Path) -> None:
    """ "Kenya and Ethiopia signed an MoU on the X": both signatories take part in the X, as
    do both of "A and B jointly launched the Y" (not only the name next to the verb)."""
    corpus = _extract_text(
        tmp_path,
        "Kenya and Ethiopia signed a memorandum of understanding on the Moyale Grid "
        "Interconnection Project in March 2024. The Steppe Link Agreement was signed by "
        "Uzbekistan and Kazakhstan on 4 May 2021. In 2019, Laos, Thailand and Cambodia "
        "jointly launched the Mekong Cold Chain Alliance. Rwanda signed 12 agreements, "
        "and the Kivu Lakeside Port opened in 2020.\n",
    )
    involves = _facts(corpus, "involves")
    project = _entity(corpus, "Moyale Grid Interconnection Project")
    agreement = _entity(corpus, "Steppe Link Agreement")
    alliance = _entity(corpus, "Mekong Cold Chain Alliance")
    port = _entity(corpus, "Kivu Lakeside Port")
    assert {
        (project, "country/ke"),
        (project, "country/et"),
        (agreement, "country/uz"),
        (agreement, "country/kz"),
        (alliance, "country/la"),
        (alliance, "country/th"),
        (alliance, "country/kh"),
    } <= involves, involves
    assert (port, "country/rw") not in involves


def test_table_rows_read_by_their_columns(tmp_path: Path) -> None:
    """A Markdown table's country column locates each row's project, and a status cell
    ("completed in 2020") dates its event; a country in another column ("Partner") locates
    nothing, nor does a row whose cells do not line up with the header."""
    corpus = _extract_text(
        tmp_path,
        "| Project | Country | Status |\n"
        "|---|---|---|\n"
        "| Velmar Deep-Water Port | Kenya | completed in 2020 |\n"
        "| Quelo Solar Park | Zambia | opened in March 2023 |\n"
        "| Ostrel Railway | Tanzania |\n"
        "\n"
        "| Project | Partner |\n"
        "|---|---|\n"
        "| Dranmore Industrial Park | Egypt |\n",
    )
    located = _facts(corpus, "locatedIn")
    assert {
        (_entity(corpus, "Velmar Deep-Water Port"), "country/ke"),
        (_entity(corpus, "Quelo Solar Park"), "country/zm"),
    } <= located, located
    assert (_entity(corpus, "Ostrel Railway"), "country/tz") not in located
    assert (_entity(corpus, "Dranmore Industrial Park"), "country/eg") not in located
    assert (_entity(corpus, "Velmar Deep-Water Port"), "completion", "2020") in _events(corpus)


def test_a_relative_clause_with_its_own_subject_acts_on_the_name_before(
    tmp_path: Path,
) -> None:
    """ "the X Initiative, which Kenya joined in 2017": Kenya takes part in the X; "which
    China proposed" makes China its proposer, "which Korvex Limited built" Korvex a party; a
    subject not right before the verb is none ("which the Y Bank says Laos joined")."""
    corpus = _extract_text(
        tmp_path,
        "The Dravik Port is part of the Ostrava Trade Initiative, which Kenya joined in 2017. "
        "It is also part of the Selmar Green Initiative, which China proposed in 2013. "
        "Trade grew at the Pellan Dry Port, which Korvex Limited built in 2019. "
        "Trade grew at the Morlan Valley Corridor, which the Velmar Development Bank says Laos "
        "joined.\n",
    )
    involves = _facts(corpus, "involves")
    assert {
        (_entity(corpus, "Ostrava Trade Initiative"), "country/ke"),
        (_entity(corpus, "Selmar Green Initiative"), "country/cn"),
        (_entity(corpus, "Pellan Dry Port"), _entity(corpus, "Korvex Limited")),
    } <= involves, involves
    assert (_entity(corpus, "Selmar Green Initiative"), "country/cn") in _facts(
        corpus, "proposedBy"
    )
    corridor = _entity(corpus, "Morlan Valley Corridor")
    assert (corridor, _entity(corpus, "Velmar Development Bank")) not in involves


def test_the_first_words_of_a_project_and_project_refer_back_to_it(tmp_path: Path) -> None:
    """ "the Dravik project", sentences after "the Dravik Deep-Water Port": the port; not a
    company that shares the word, nor a name never seen."""
    corpus = _extract_text(
        tmp_path,
        "The Dravik Deep-Water Port in Kenya opened in 2020. Trade grew. Exports grew. "
        "Imports grew. Jobs grew. The Dravik project is part of the Selmar Trade Initiative. "
        "Tolvan Holdings signed a contract. The Tolvan project is part of the Selmar Trade "
        "Initiative. The Brenmoor project is part of the Selmar Trade Initiative.\n",
    )
    part_of = _facts(corpus, "partOf")
    initiative = _entity(corpus, "Selmar Trade Initiative")
    assert part_of == {(_entity(corpus, "Dravik Deep-Water Port"), initiative)}, part_of


def test_a_link_described_by_an_appositive_stands_in_the_countries_it_links(
    tmp_path: Path,
) -> None:
    """ "The X Expressway, a 420-km toll road linking Zambia and Malawi, ...": in both; "the Y
    Plant, a joint venture between China and Kazakhstan": in neither, by that phrase."""
    corpus = _extract_text(
        tmp_path,
        "The Tessaly-Orvane Expressway, a 420-km toll road linking Zambia and Malawi, opened in "
        "September 2023. The Brenmoor Fuel Plant, a joint venture between China and "
        "Kazakhstan, is now operational.\n",
    )
    located = _facts(corpus, "locatedIn")
    expressway = _entity(corpus, "Tessaly-Orvane Expressway")
    assert {(expressway, "country/zm"), (expressway, "country/mw")} <= located, located
    assert (_entity(corpus, "Brenmoor Fuel Plant"), "country/cn") not in located


def test_a_corridor_includes_its_projects_and_is_the_report_s_corridor(tmp_path: Path) -> None:
    """ "The X Corridor also includes the Y Hub": the hub is part of it; "the corridor" many
    sentences on is the one corridor the document has named. With two corridors named, a far
    "the corridor" is neither."""
    corpus = _extract_text(
        tmp_path,
        "The Southern Arc Economic Corridor was launched in 2015. It also includes the Lusaka "
        "Logistics Hub. Trade grew. Jobs grew. Exports grew. Imports grew. The corridor also "
        "includes the Kafue Dry Port.\n\n",
    )
    corridor = _entity(corpus, "Southern Arc Economic Corridor")
    assert (_entity(corpus, "Kafue Dry Port"), corridor) in _facts(corpus, "partOf")
    two = _extract_text(
        tmp_path,
        "The Velmar Economic Corridor and the Ostrel Economic Corridor were launched in 2015. "
        "Trade grew. Jobs grew. Exports grew. Imports grew. The corridor also includes the "
        "Kafue Dry Port.\n",
    )
    assert not {f for f in _facts(two, "partOf") if f[0] == _entity(two, "Kafue Dry Port")}


def test_work_with_no_name_is_on_the_paragraph_s_last_subject(tmp_path: Path) -> None:
    """ "The X was suspended in 2022. Officials said construction resumed in March 2024.": the
    X resumed; in a paragraph of its own, "Construction resumed" is no one's event."""
    corpus = _extract_text(
        tmp_path,
        "Work on the Quelvane Gas Terminal was suspended in 2022 after local protests. "
        "Officials said construction resumed in March 2024.\n\n"
        "Construction resumed in May 2024.\n",
    )
    terminal = _entity(corpus, "Quelvane Gas Terminal")
    events = _events(corpus)
    assert {(terminal, "suspension", "2022"), (terminal, "resumption", "2024-03")} == events


def test_a_meeting_or_a_document_of_a_named_whole_names_the_whole(tmp_path: Path) -> None:
    """ "The Third Ministerial Meeting of the Velmora Cooperation Forum was held ...": the
    forum, held; "the Action Plan for the X Initiative": the initiative; not "a Shining
    Example of the Y Cooperation", which is no meeting or document of it."""
    corpus = _extract_text(
        tmp_path,
        "The Third Ministerial Meeting of the Velmora Cooperation Forum was held in Tashkent on "
        "15 October 2025. The Action Plan for the Ostrava Trade Initiative was adopted. The "
        "Kelvane Workshop became a Shining Example of the Dravik Vocational Cooperation.\n",
    )
    forum = _entity(corpus, "Velmora Cooperation Forum")
    assert corpus.entities[forum].type is EntityType.MECHANISM
    assert corpus.entities[_entity(corpus, "Ostrava Trade Initiative")].type is (
        EntityType.INITIATIVE
    )
    labels = {e.labels.get("en") for e in corpus.entities.values()}
    assert "Dravik Vocational Cooperation" not in labels


def test_a_title_of_a_meeting_with_a_complement_names_the_meeting(tmp_path: Path) -> None:
    """ "Joint Communiqué of the Second Leaders' Roundtable on the Zorvath Partnership": the
    roundtable is the name; the communiqué is no mechanism. A head inside a complement, with
    another complement after it, names no more than one without."""
    corpus = _extract_text(
        tmp_path,
        "Joint Communiqué of the Second Leaders' Roundtable on the Zorvath Partnership\n\n"
        "Leaders met in Tashkor for the Second Leaders' Roundtable on the Zorvath Partnership.\n",
    )
    labels = {e.labels.get("en") for e in corpus.entities.values()}
    assert "Leaders' Roundtable on the Zorvath Partnership" in labels
    assert not any(label and label.startswith("Joint Communiqué") for label in labels)


def test_a_name_ends_before_the_occasion_it_spoke_on(tmp_path: Path) -> None:
    """ "Statement by the Ministry of X of Velmora on the Tenth Anniversary of ...": the
    ministry; "on the Occasion of", "on the Sidelines of" end a name as well; "the Roundtable
    on the Y Partnership" keeps its complement."""
    corpus = _extract_text(
        tmp_path,
        "Statement by the Ministry of Transport of Velmora on the Tenth Anniversary of the Dorvan "
        "Railway\n\nRemarks by the Kelvar Council on the Occasion of the Opening\n\n"
        "The Roundtable on the Zorvath Partnership met in 2024.\n",
    )
    labels = {e.labels.get("en") for e in corpus.entities.values()}
    assert {"Ministry of Transport of Velmora", "Kelvar Council"} <= labels
    assert "Roundtable on the Zorvath Partnership" in labels
    assert not any(label and "Anniversary" in label for label in labels)


def test_chairs_and_organisers_take_part_as_it_opens_the_sentence(tmp_path: Path) -> None:
    """ "The X Forum was held in Tashkent. It was co-chaired by Uzbekistan and China.": both
    take part in the forum; "organised by" the same."""
    corpus = _extract_text(
        tmp_path,
        "The Velmora Cooperation Forum was held in Tashkent in 2025. It was co-chaired by "
        "Uzbekistan and China. The Ostrel Trade Expo, organised by Kenya, opened in 2024.\n",
    )
    involves = _facts(corpus, "involves")
    forum = _entity(corpus, "Velmora Cooperation Forum")
    expo = _entity(corpus, "Ostrel Trade Expo")
    assert {(forum, "country/uz"), (forum, "country/cn"), (expo, "country/ke")} <= involves


def test_a_city_s_english_exonym_places_a_name_and_its_own_name_wins(tmp_path: Path) -> None:
    """ "Andijan" is geonames' Andijon (Uzbekistan), "Samarkand" its Samarqand: a highway
    named for Andijan and Osh lies in both countries; an exonym never overrides a city's own
    name (Antioch, California, not Antakya, whose exonym it is)."""
    corpus = _extract_text(
        tmp_path,
        "The Andijan-Osh Highway opened in 2024. The Samarkand Logistics Hub opened in 2023.\n",
    )
    located = _facts(corpus, "locatedIn")
    highway = _entity(corpus, "Andijan-Osh Highway")
    assert {(highway, "country/uz"), (highway, "country/kg")} <= located, located
    assert (_entity(corpus, "Samarkand Logistics Hub"), "country/uz") in located
    from brikg.places import city_country

    assert city_country("Antioch") == "US"
    # Alternate names unlike the city's own are no exonyms: historic, foreign-script or slang
    # names ("Turan" for Da Nang, "Heijo" for Pyongyang), which collide with words in names.
    assert city_country("Turan") is None
    assert city_country("Heijo") is None
    assert (city_country("Bukhara"), city_country("Rangoon")) == ("UZ", "MM")


def test_builders_and_financiers_take_part(tmp_path: Path) -> None:
    """ "Korvex Limited built the X", "is building", "financed": the builder or lender right
    before the verb takes part in what it names right after it; a noun "funds", "built on",
    and a name in another clause before the verb do not."""
    corpus = _extract_text(
        tmp_path,
        "Korvex Limited built the Tarsina Deep-Water Port in Kenya. "
        "Ostrel Construction Company is building the Marlo Railway in Tanzania. "
        "The Velmar Development Bank financed the Quelo Solar Park in Zambia. "
        "China proposes the Ostrava Digital Trade Initiative. "
        "Brannock Holdings built on its experience in the Lumara Economic Zone. "
        "The Dunmere Investment Fund is pooling foreign funds for the Sorrel Valley Dam. "
        "Drawing on the work of the Halvern Reconstruction Bank, Ghana has developed "
        "tools for the Pelham Coastal Highway.\n",
    )
    involves = _facts(corpus, "involves")
    assert {
        (_entity(corpus, "Tarsina Deep-Water Port"), _entity(corpus, "Korvex Limited")),
        (_entity(corpus, "Marlo Railway"), _entity(corpus, "Ostrel Construction Company")),
        (_entity(corpus, "Quelo Solar Park"), _entity(corpus, "Velmar Development Bank")),
        (_entity(corpus, "Ostrava Digital Trade Initiative"), "country/cn"),
    } <= involves, involves
    assert (_entity(corpus, "Ostrava Digital Trade Initiative"), "country/cn") in _facts(
        corpus, "proposedBy"
    )
    highway, bank = "Pelham Coastal Highway", "Halvern Reconstruction Bank"
    unrelated = {
        (_entity(corpus, "Lumara Economic Zone"), _entity(corpus, "Brannock Holdings")),
        (_entity(corpus, "Sorrel Valley Dam"), _entity(corpus, "Dunmere Investment Fund")),
        (_entity(corpus, highway), _entity(corpus, bank)),
    }
    assert not unrelated & involves, involves


def test_who_is_studying_or_planning_a_thing_takes_part(tmp_path: Path) -> None:
    """ "Uganda and Rwanda are studying a proposed X": each subject of a progressive verb of
    weighing a thing takes part in what it names right after it; not in a thing whose
    experience or some other noun it studies."""
    corpus = _extract_text(
        tmp_path,
        "Uganda and Rwanda are studying a proposed Kagera Standard Gauge Railway.\n"
        "Kenya is negotiating the Velmar Bridge with Tanzania.\n"
        "Zambia is studying the experience of the Tarsk Industrial Park.\n",
    )
    involves = _facts(corpus, "involves")
    railway, bridge = (
        _entity(corpus, "Kagera Standard Gauge Railway"),
        _entity(corpus, "Velmar Bridge"),
    )
    assert {(railway, "country/ug"), (railway, "country/rw"), (bridge, "country/ke")} <= involves
    assert not {o for s, o in involves if s == _entity(corpus, "Tarsk Industrial Park")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hearsay and forecasts are no events.
        ("Peru denied reports that the Puerto Condor Port had been suspended in 2024.", set()),
        ("The ministry dismissed reports that the Lamu Coal Port had been halted in 2022.", set()),
        ("Kenya rejected claims that the Lamu Coal Port had been abandoned in 2022.", set()),
        ("The Lamu Coal Port was neither suspended nor cancelled in 2022.", set()),
        ("A court ruling in 2022 that the Lamu Coal Port should be halted was overturned.", set()),
        # Asides, "not only" and a later clause's plan leave a real event alone.
        (
            "Despite rumours of delays, the Lamu Railway opened in 2020.",
            {("Lamu Railway", "opening", "2020")},
        ),
        (
            "The Lamu Railway, reportedly worth US$2 billion, opened in 2020.",
            {("Lamu Railway", "opening", "2020")},
        ),
        (
            "The Lamu Railway not only opened in 2020 but also carried 2 million passengers.",
            {("Lamu Railway", "opening", "2020")},
        ),
        (
            "The Lamu Industrial Park was set up in 2015 and opened in 2016.",
            {
                ("Lamu Industrial Park", "establishment", "2015"),
                ("Lamu Industrial Park", "opening", "2016"),
            },
        ),
        (
            "The Lamu Railway was expected to open in 2020 but was suspended in March 2020.",
            {("Lamu Railway", "suspension", "2020-03")},
        ),
        ("The Lamu Railway has not yet been suspended in 2020.", set()),
        # "It" opening the next sentence is the paragraph's last subject; an "It" that only
        # fronts a clause ("It is expected that ...") is none.
        (
            "The Lodwar Railway was completed in 2019. It was suspended in early 2024.",
            {("Lodwar Railway", "completion", "2019"), ("Lodwar Railway", "suspension", "2024")},
        ),
        (
            "The Lodwar Railway was completed in 2019. It is expected that trade was suspended "
            "in 2024.",
            {("Lodwar Railway", "completion", "2019")},
        ),
        (
            "The Lamu Coal Port was cancelled, not suspended, in 2022.",
            {("Lamu Coal Port", "cancellation", "2022")},
        ),
        ("The loan for the Lamu Railway was cancelled in 2020.", set()),
        ("The China-Europe Railway Express revived the ancient trade routes in 2011.", set()),
        (
            "Unlike the Lamu Port, the Garissa Bridge and the Isiolo Highway were suspended in 2020.",
            {("Garissa Bridge", "suspension", "2020"), ("Isiolo Highway", "suspension", "2020")},
        ),
        # What passes through a project stopping is not the project stopping.
        ("Kenya halted coal imports through the Lamu Coal Port in 2022.", set()),
        # A dateline's date is when the story was filed, not when the event happened.
        ("LIMA, May 4, 2024 (Xinhua) -- The Andes Lithium Corridor was suspended.", set()),
        (
            "NAIROBI, March 4, 2025 (Xinhua) -- The Kisumu Port was suspended on Monday.",
            {("Kisumu Port", "suspension", "2025-03-03")},
        ),
        (
            "The Rosario Grain Terminal, shut down in January 2022, reopened in March 2024.",
            {
                ("Rosario Grain Terminal", "suspension", "2022-01"),
                ("Rosario Grain Terminal", "resumption", "2024-03"),
            },
        ),
        (
            "Argentina and Chile jointly launched the Lithium Cooperation Forum in September 2023.",
            {("Lithium Cooperation Forum", "launch", "2023-09")},
        ),
        ("The Kisumu Port was expected to be suspended in 2026.", set()),
        # A loan cancelled is not the project cancelled.
        ("The Tembo Infrastructure Bank cancelled its loan to the Kisumu Port in 2021.", set()),
        # A date in another clause is not this clause's.
        (
            "The Kisumu Port opened on 1 May 2024, while the Eldoret Bypass Highway was scrapped.",
            {("Kisumu Port", "opening", "2024-05-01")},
        ),
        (
            "The Lodwar Railway was cancelled in Q3 2025.",
            {("Lodwar Railway", "cancellation", "2025")},
        ),
        # A date right after one verb is that verb's, not a later one's.
        (
            "The Eldoret Highway was completed in 2021, three years after the Kisumu Port was "
            "cancelled.",
            {("Eldoret Highway", "completion", "2021")},
        ),
        # A name after "at" is where the event happened, not what happened (the summit, named
        # with its date, was held then).
        (
            "The Silk Harbour Cooperation Mechanism was proposed by Indonesia at the Jakarta "
            "Maritime Summit in November 2020 and launched in July 2021.",
            {
                ("Silk Harbour Cooperation Mechanism", "proposal", "2020-11"),
                ("Silk Harbour Cooperation Mechanism", "launch", "2021-07"),
                ("Jakarta Maritime Summit", "holding", "2020-11"),
            },
        ),
        # A measure modifying the name does not stop the verb governing it.
        (
            "The government scrapped the 1,320-megawatt Thar Crescent Power Plant on 28 August "
            "2024.",
            {("Thar Crescent Power Plant", "cancellation", "2024-08-28")},
        ),
        # Every name of a plural subject.
        (
            "The Kisumu Port and the Eldoret Highway were both suspended in 2024.",
            {("Kisumu Port", "suspension", "2024"), ("Eldoret Highway", "suspension", "2024")},
        ),
        (
            "The Kisumu Port was suspended in 2019 and cancelled in 2021 before being revived "
            "in 2024.",
            {
                ("Kisumu Port", "suspension", "2019"),
                ("Kisumu Port", "cancellation", "2021"),
                ("Kisumu Port", "resumption", "2024"),
            },
        ),
        (
            "The Aral Gas Pipeline was shut down on 14 February 2024 for safety inspections.",
            {("Aral Gas Pipeline", "suspension", "2024-02-14")},
        ),
    ],
)
def test_what_an_event_verb_says_happened(
    tmp_path: Path, text: str, expected: set[tuple[str, str, str]]
) -> None:
    corpus = _extract_text(tmp_path, text + "\n")
    events = _events(corpus)
    assert events == {(_entity(corpus, label), kind, date) for label, kind, date in expected}


@pytest.mark.parametrize(
    ("text", "label", "countries"),
    [
        # The text's own word beats a guess from a city in the name (Mandera is in Kenya).
        ("The Mandera Bridge is in Somalia.", "Mandera Bridge", {"country/so"}),
        ("The Dawa Dry Port lies in southern Ethiopia.", "Dawa Dry Port", {"country/et"}),
        (
            "The Osh Logistics Hub is located in Kazakhstan, near the border.",
            "Osh Logistics Hub",
            {"country/kz"},
        ),
        # A line from one country to another is in both (Aral is a town in Kazakhstan).
        (
            "The Aral Gas Pipeline carries natural gas from Uzbekistan to China.",
            "Aral Gas Pipeline",
            {"country/uz", "country/cn"},
        ),
        (
            "The Kandahar Rail Link, which runs from Uzbekistan to Pakistan, was suspended.",
            "Kandahar Rail Link",
            {"country/uz", "country/pk"},
        ),
    ],
)
def test_a_stated_location_beats_a_guess_from_a_city_in_the_name(
    tmp_path: Path, text: str, label: str, countries: set[str]
) -> None:
    corpus = _extract_text(tmp_path, text + "\n")
    located = {country for subject, country in _facts(corpus, "locatedIn")}
    assert located == countries
    assert {subject for subject, _country in _facts(corpus, "locatedIn")} == {
        _entity(corpus, label)
    }


def test_a_verb_that_is_also_a_noun_does_not_make_the_name_a_modifier(tmp_path: Path) -> None:
    """ "The X Railway cost US$2 billion": cost is the verb, not "railway cost"."""
    corpus = _extract_text(tmp_path, "The Lodwar Railway cost US$2 billion.\n")
    railway = _entity(corpus, "Lodwar Railway")
    assert _quantities(corpus) == {(railway, 2e9, "USD"): None}


def test_the_source_a_sentence_cites_is_not_its_subject(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path,
        "According to the Tembo Transport Authority, the Lodwar Railway carried 2 million "
        "passengers in 2024. According to the Tembo Transport Authority, 3 million tonnes of "
        "cargo were handled.\n",
    )
    railway = _entity(corpus, "Lodwar Railway")
    assert _quantities(corpus) == {(railway, 2e6, "passenger"): "2024"}


def test_a_rate_keeps_its_period_and_a_later_figure_keeps_its_date(tmp_path: Path) -> None:
    """ "12,000 tonnes per day" is a rate, not a total; "up from 8,000 tonnes in 2023" dates
    the 8,000 only."""
    corpus = _extract_text(
        tmp_path,
        "The Lodwar Railway carries 12,000 tonnes of cargo per day, up from 8,000 tonnes in "
        "2023. The Kivu Lakeside Port handles 2 million TEUs a year.\n",
    )
    railway = _entity(corpus, "Lodwar Railway")
    port = _entity(corpus, "Kivu Lakeside Port")
    assert _quantities(corpus) == {
        (railway, 12000, "tonne/day"): None,
        (railway, 8000, "tonne"): "2023",
        (port, 2e6, "TEU/year"): None,
    }


def test_company_suffixes_name_organisations_and_split_a_joint_venture(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path,
        "The line is operated by Savanna Logistics Limited, a joint venture of Kenya Railways "
        "Holdings and Huaxing Rail Engineering Corporation. The Tanjung Emas Container Terminal "
        "is operated by Nusantara Port Services.\n",
    )
    for label in (
        "Savanna Logistics Limited",
        "Kenya Railways Holdings",
        "Huaxing Rail Engineering Corporation",
        "Nusantara Port Services",
    ):
        assert corpus.entities[_entity(corpus, label)].type is EntityType.ORGANIZATION, label


def test_reviewed_relation_rules_do_not_overreach(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path,
        "The Lamu Port carries cargo from China and India. Ethiopia and Kenya discussed the "
        "proposed Lamu Corridor in 2019. Under an agreement with the Asian Development Bank, "
        "Laos launched the Vientiane Logistics Park in 2019. The Garissa Dry Port handled "
        "5 million tonnes, up from 4 million tonnes a year earlier.\n",
    )
    port = _entity(corpus, "Lamu Port")
    located = {country for subject, country in _facts(corpus, "locatedIn") if subject == port}
    assert located == {"country/ke"}, located
    assert not _facts(corpus, "proposedBy")
    park = _entity(corpus, "Vientiane Logistics Park")
    bank = _entity(corpus, "Asian Development Bank")
    assert (park, bank) not in _facts(corpus, "involves")
    units = {unit for (_subject, _value, unit) in _quantities(corpus)}
    assert units == {"tonne"}, units


@pytest.mark.parametrize(
    "label",
    [
        "Kandahar Rail Link",
        "Nairobi Ring Road",
        "Kivu Interconnector",
        "Morowali Smelter",
        "Lake Velmora Ferry Link",
        "Dravik Road Link",
    ],
)
def test_more_infrastructure_heads_name_projects(tmp_path: Path, label: str) -> None:
    corpus = _extract_text(tmp_path, f"The {label} opened in 2021.\n")
    entity = _entity(corpus, label)
    assert corpus.entities[entity].type is EntityType.PROJECT
    assert (entity, "opening", "2021") in _events(corpus)


def test_a_company_suffix_and_its_abbreviation_are_one_company(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path,
        "The port is run by Savanna Logistics Ltd. In 2024, Savanna Logistics Limited "
        "opened a new terminal.\n",
    )
    companies = {
        entity_id
        for entity_id, entity in corpus.entities.items()
        if entity.labels.get("en", "").startswith("Savanna Logistics")
    }
    assert len(companies) == 1, companies


def test_and_between_two_complete_company_names_splits_them(tmp_path: Path) -> None:
    """ "a joint venture of PT X and Y Holdings": a legal-form prefix makes the left side a
    complete company name, and the parties of a joint venture are two when the right side is a
    company name of its own; "Bank of Industry and Commerce" stays one name."""
    corpus = _extract_text(
        tmp_path,
        "The Kembara Bulk Terminal is operated by Selatan Cargo Services, a joint venture of "
        "PT Lintas Bahari and Qinghai Harbour Holdings. The Rusavo Dry Port is run by a joint "
        "venture between Tavora Minerals and Lindqvist Shipping Group. The Orvik Bridge is "
        "operated by a joint venture of the Velmoran Bank of Industry and Commerce and Karsk "
        "Port Holdings. The Velmoran Ministry of Commerce and Industry approved it. The Aktau "
        "Dry Port is run by a joint venture of Kazakhstan and Turan Freight Holdings.\n",
    )
    for label in (
        "PT Lintas Bahari",
        "Qinghai Harbour Holdings",
        "Tavora Minerals",
        "Lindqvist Shipping Group",
        "Velmoran Bank of Industry and Commerce",
        "Karsk Port Holdings",
        "Velmoran Ministry of Commerce and Industry",
        "Turan Freight Holdings",
    ):
        assert corpus.entities[_entity(corpus, label)].type is EntityType.ORGANIZATION, label
    labels = {entity.labels.get("en", "") for entity in corpus.entities.values()}
    assert not {label for label in labels if "and Qinghai" in label or "and Lindqvist" in label}
    assert not {label for label in labels if "and Karsk" in label or "and Turan" in label}
    assert (_entity(corpus, "Aktau Dry Port"), "country/kz") in _facts(corpus, "involves")
    terminal = _entity(corpus, "Kembara Bulk Terminal")
    assert {
        (terminal, _entity(corpus, "PT Lintas Bahari")),
        (terminal, _entity(corpus, "Qinghai Harbour Holdings")),
    } <= _facts(corpus, "involves")


def test_an_acronym_and_its_country_after_a_name_are_one_organisation(tmp_path: Path) -> None:
    """ "the National Development and Reform Commission (NDRC) of China" and "the NDRC of
    China" are one organisation, whatever the acronym and the country after it; "Agency for
    Ports and Shipping" is one name, though "Ports" alone could head one."""
    corpus = _extract_text(
        tmp_path,
        "The Mekong Dry Port was approved by the National Development and Reform Commission "
        "(NDRC) of China in 2020. The NDRC of China also approved the Yunling Railway. The "
        "Velmoran Agency for Ports and Shipping (VAPS) of Kenya licensed the Lamu Feeder Port. "
        "The VAPS of Kenya also licensed the Kilifi Feeder Port.\n",
    )
    organizations = {
        m.text: m.entity
        for doc in corpus.documents
        for m in doc.mentions
        if m.label is EntityType.ORGANIZATION
    }
    assert len(set(organizations.values())) == 2, organizations
    assert organizations["NDRC"] == "organization/national-development-and-reform-commission"
    assert organizations["VAPS"] == organizations["Velmoran Agency for Ports and Shipping"]


def test_a_titled_person_after_a_nationality_proposed_the_project(tmp_path: Path) -> None:
    """ "proposed by Argentine Senator X": the title and the nationality before it are not a
    name; the person is the proposer, dated or not."""
    corpus = _extract_text(
        tmp_path,
        "The Andelra Copper Railway had been proposed by Chilean Senator Tomas Errazaval in "
        "2021. The Serrano Gas Pipeline was proposed by Peruvian Congresswoman Lucia Marvenda. "
        "The Ollanta Trade Forum was put forward by Bolivian Premier Rafael Umanza in 2019.\n",
    )
    persons = _persons(corpus)
    assert persons == {"Tomas Errazaval", "Lucia Marvenda", "Rafael Umanza"}, persons
    labels = {entity.labels.get("en", "") for entity in corpus.entities.values()}
    assert not {label for label in labels if "Senator" in label or "Congresswoman" in label}
    railway = _entity(corpus, "Andelra Copper Railway")
    pipeline = _entity(corpus, "Serrano Gas Pipeline")
    forum = _entity(corpus, "Ollanta Trade Forum")
    assert _facts(corpus, "proposedBy") == {
        (railway, _entity(corpus, "Tomas Errazaval")),
        (pipeline, _entity(corpus, "Lucia Marvenda")),
        (forum, _entity(corpus, "Rafael Umanza")),
    }
    assert (railway, "proposal", "2021") in _events(corpus)


def test_a_titled_memorandum_is_a_signed_instrument_and_a_bare_mou_is_none(
    tmp_path: Path,
) -> None:
    """ "the X Memorandum on Y", "the Memorandum on Y": a named instrument its signatories are
    parties to; "a Memorandum of Understanding" and "an MoU" name nothing, and one "on the X"
    makes its signatories parties to the X."""
    corpus = _extract_text(
        tmp_path,
        "The Valdera Memorandum on Clean Hydrogen was signed by Uruguay, Paraguay and Ecuador "
        "in November 2022. The Memorandum on Digital Ports Cooperation was signed by Kenya and "
        "Ghana on 3 May 2021. The Agreement on Grain Corridors between Moldova and Georgia was "
        "signed in 2020. Kenya and Ethiopia signed a Memorandum of Understanding on energy in "
        "March 2024. Rwanda signed an MoU with Burundi in 2023. Zambia and Malawi signed a "
        "Memorandum of Understanding on the Chipata Grid Interconnection Project.\n",
    )
    valdera = _entity(corpus, "Valdera Memorandum on Clean Hydrogen")
    ports = _entity(corpus, "Memorandum on Digital Ports Cooperation")
    grain = _entity(corpus, "Agreement on Grain Corridors")
    grid = _entity(corpus, "Chipata Grid Interconnection Project")  # what the MoU is on
    for entity in (valdera, ports, grain):
        assert corpus.entities[entity].type is EntityType.MECHANISM, entity
    assert {
        (valdera, "signing", "2022-11"),
        (ports, "signing", "2021-05-03"),
        (grain, "signing", "2020"),
    } == _events(corpus)
    assert {
        (valdera, "country/uy"),
        (valdera, "country/py"),
        (valdera, "country/ec"),
        (ports, "country/ke"),
        (ports, "country/gh"),
        (grain, "country/md"),
        (grain, "country/ge"),
        (grid, "country/zm"),
        (grid, "country/mw"),
    } == _facts(corpus, "involves")
    labels = {entity.labels.get("en", "") for entity in corpus.entities.values()}
    assert not {label for label in labels if "Understanding" in label or "MoU" in label}


def test_a_range_between_two_figures_and_a_modal_figure_are_approximate(tmp_path: Path) -> None:
    """ "between $2 billion and $3 billion" is one range (its lower end, approximate, as
    "US$2-3 billion" is); "could cost", "is expected to cost" and "an estimated" hedge a figure
    as "about" does."""
    corpus = _extract_text(
        tmp_path,
        "The Karoo Freight Railway will cost between $2 billion and $3 billion. The Limpopo "
        "Bulk Port could cost $4 billion. The Tessel Dam may need between 2 and 3 billion "
        "dollars. The Orvik Bridge is expected to cost US$900 million. The Harrow Tunnel cost "
        "an estimated $700 million. The Selva Highway is between 300 and 400 km long. The "
        "Doran Canal cost $5 billion.\n",
    )
    found = {
        (f.subject, f.quantity.value, f.quantity.unit, f.quantity.approximate)
        for doc in corpus.documents
        for f in doc.facts
        if f.predicate == "quantity" and f.quantity
    }
    assert found == {
        (_entity(corpus, "Karoo Freight Railway"), 2e9, "USD", True),
        (_entity(corpus, "Limpopo Bulk Port"), 4e9, "USD", True),
        (_entity(corpus, "Tessel Dam"), 2e9, "USD", True),
        (_entity(corpus, "Orvik Bridge"), 9e8, "USD", True),
        (_entity(corpus, "Harrow Tunnel"), 7e8, "USD", True),
        (_entity(corpus, "Selva Highway"), 300, "km", True),
        (_entity(corpus, "Doran Canal"), 5e9, "USD", False),
    }, found


def test_sums_in_the_partners_currencies_are_the_projects(tmp_path: Path) -> None:
    """A sum is in pounds, a partner's ISO code or the CFA franc of the zone the sentence's
    country is in (or that its name says), however written, a rate in it is one, and each is
    the project's figure as a dollar sum would be."""
    corpus = _extract_text(
        tmp_path,
        "The Vantoro Port in Senegal will cost 85 billion CFA francs. The Orvel Dam in "
        "Cameroon cost 120 billion CFA francs. The Lenai Expressway in Kenya cost KES 18 "
        "billion. The Kestrel Bridge cost £1.2 billion. The Harlow Tunnel cost 300 million "
        "pounds sterling. The Dakoro Railway in Niger will cost FCFA 650 billion. The Ombela "
        "Bridge cost 40 billion Central African CFA francs. The Tamsin Canal cost £ 40 million."
        " The Wekesa Expressway in Kenya earns 2 billion Kenyan shillings a year.\n",
    )
    found = {
        (f.subject, f.quantity.value, f.quantity.unit)
        for doc in corpus.documents
        for f in doc.facts
        if f.predicate == "quantity" and f.quantity
    }
    assert found == {
        (_entity(corpus, "Vantoro Port"), 85e9, "XOF"),
        (_entity(corpus, "Orvel Dam"), 120e9, "XAF"),
        (_entity(corpus, "Lenai Expressway"), 18e9, "KES"),
        (_entity(corpus, "Kestrel Bridge"), 1.2e9, "GBP"),
        (_entity(corpus, "Harlow Tunnel"), 3e8, "GBP"),
        (_entity(corpus, "Dakoro Railway"), 650e9, "XOF"),
        (_entity(corpus, "Ombela Bridge"), 40e9, "XAF"),
        (_entity(corpus, "Tamsin Canal"), 4e7, "GBP"),
        (_entity(corpus, "Wekesa Expressway"), 2e9, "KES/year"),
    }, found


def test_a_legal_form_after_a_company_name_completes_it(tmp_path: Path) -> None:
    """ "X Logistics LLC and Y Shipping Group": a legal form that ends the left side (LLC, Inc,
    GmbH, S.A., ...) makes it a complete company name, so the "and" joins two companies."""
    corpus = _extract_text(
        tmp_path,
        "Kestrune Logistics LLC and Marovane Shipping Group built the Tessaly Port. Brevik "
        "Cargo GmbH and Olvera Marine Holdings run the Tessaly Dry Port. Quorra Trading Inc "
        "and Danvel Port Holdings own the Tessaly Terminal.\n",
    )
    assert _organizations(corpus) == {
        "Kestrune Logistics LLC",
        "Marovane Shipping Group",
        "Brevik Cargo GmbH",
        "Olvera Marine Holdings",
        "Quorra Trading Inc",
        "Danvel Port Holdings",
    }


def _organizations(corpus: Corpus) -> set[str]:
    """The English labels of every Organization."""
    return {
        entity.labels.get("en", "")
        for entity in corpus.entities.values()
        if entity.type is EntityType.ORGANIZATION
    }


def test_a_person_or_a_province_in_a_joint_venture_is_no_organisation(tmp_path: Path) -> None:
    """The first party of "a joint venture of X and Y Group" is split off as a company only
    when it looks like one; a person's name or a province is not made an Organization."""
    corpus = _extract_text(
        tmp_path,
        "The Tessaly Port was built by a joint venture of Dario Quintelle and Kestrune Group. "
        "The Tessaly Dry Port is run by a joint venture between Velmora Province and Kestrune "
        "Group.\n",
    )
    organizations = _organizations(corpus)
    assert not {"Dario Quintelle", "Velmora Province"} & organizations, organizations


def test_a_memorandum_after_an_article_a_known_name_or_a_nationality_is_no_name(
    tmp_path: Path,
) -> None:
    """ "a Belt and Road Memorandum of Understanding", "the Belt and Road Memorandum of
    Understanding", "a/the Chinese Memorandum of Understanding": an indefinite article, a known
    name or a nationality before the memorandum makes it a kind of document, not a name (the
    BRI stays linked, and one "on the X" names the X); a place name before it names it."""
    corpus = _extract_text(
        tmp_path,
        "Peru signed a Belt and Road Memorandum of Understanding with China in 2019. Chile "
        "signed the Belt and Road Memorandum of Understanding in 2018. Bolivia and China signed "
        "a Chinese Memorandum of Understanding on the Tarvel Railway. Ecuador and China signed "
        "the Ecuadorian Memorandum of Understanding on the Quenva Dam. The Kathmandu "
        "Memorandum of Understanding was signed by Nepal and Bhutan in 2017.\n",
    )
    mechanisms = {
        entity.labels.get("en", "")
        for entity in corpus.entities.values()
        if entity.type is EntityType.MECHANISM
    }
    assert mechanisms == {"Kathmandu Memorandum of Understanding"}, mechanisms
    bri = "initiative/belt-and-road-initiative"
    assert {(bri, "country/pe"), (bri, "country/cl")} <= _facts(corpus, "involves")
    railway = _entity(corpus, "Tarvel Railway")
    dam = _entity(corpus, "Quenva Dam")
    assert {
        (railway, "country/bo"),
        (railway, "country/cn"),
        (dam, "country/ec"),
        (dam, "country/cn"),
    } <= _facts(corpus, "involves")


def test_an_mou_on_the_x_names_the_x(tmp_path: Path) -> None:
    """ "an MoU on the X Project" names the X, as "a Memorandum of Understanding on the X" does;
    its signatories are parties to the X."""
    corpus = _extract_text(
        tmp_path,
        "Zambia and Malawi signed an MoU on the Korvala Grid Interconnection Project in 2023.\n",
    )
    grid = _entity(corpus, "Korvala Grid Interconnection Project")
    assert corpus.entities[grid].type is EntityType.PROJECT
    assert {(grid, "country/zm"), (grid, "country/mw")} <= _facts(corpus, "involves")


def test_a_figure_before_a_short_form_belongs_to_its_name(tmp_path: Path) -> None:
    """ "The 412-kilometer line is being built by ...", "the line will cost ...": a short form
    after a figure modifier, and "the line" for a name whose head is "Railway", refer back to
    the name, which gets the figures; an unresolved "the 90-kilometer road" gives nothing."""
    corpus = _extract_text(
        tmp_path,
        "Construction of the Tarvello-Quendry Railway resumed in March 2024. The 412-kilometer "
        "line is being built by Huarong Quendry Rail Group. The line will cost 3.2 billion U.S. "
        "dollars.\n\nThe Sorbel Strait Bridge opened in 2020. The 24-kilometer bridge is run by "
        "Sorbel Harbour Group.\n\nLocal firms want the 90-kilometer road rebuilt.\n",
    )
    railway = _entity(corpus, "Tarvello-Quendry Railway")
    bridge = _entity(corpus, "Sorbel Strait Bridge")
    quantities = _quantities(corpus)
    assert (railway, 412.0, "km") in quantities, quantities
    assert any(s == railway and u == "USD" for s, _, u in quantities), quantities
    assert (bridge, 24.0, "km") in quantities, quantities
    assert not any(v == 90.0 for _, v, _ in quantities), quantities


def test_a_short_form_never_becomes_the_label(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path,
        "Since the Coral Straits Maritime Partnership Initiative was proposed by Fiji in 2016, "
        "the initiative has grown. The initiative now has 12 members, and the initiative will "
        "add more.\n",
    )
    entity = _entity(corpus, "Coral Straits Maritime Partnership Initiative")
    assert corpus.entities[entity].labels["en"] == "Coral Straits Maritime Partnership Initiative"


def test_a_legal_form_makes_a_company_and_a_short_form_skips_it(tmp_path: Path) -> None:
    """ "PT X Terminal" is a company, whatever its last word, and "X Ltd of Malaysia" is "X
    Ltd" (of Malaysia); "the terminal" then refers back to the terminal, not the company."""
    corpus = _extract_text(
        tmp_path,
        "A consortium will build the Kelapa Bay Bulk Terminal. The joint venture, PT Kelapa "
        "Samudra Terminal, is 60 percent owned by PT Arunika Logistik.\n\n"
        "The terminal will cost about 610 million U.S. dollars. Marlin Harbour Ltd of Malaysia "
        "operates the Selor Port. Varnek Quay Terminal LLC operates the Burgas Bulk Port.\n",
    )
    for label in ("PT Kelapa Samudra Terminal", "Marlin Harbour Ltd", "Varnek Quay Terminal LLC"):
        assert corpus.entities[_entity(corpus, label)].type is EntityType.ORGANIZATION, label
    labels = {entity.labels.get("en", "") for entity in corpus.entities.values()}
    assert not {label for label in labels if "of Malaysia" in label}, labels
    terminal = _entity(corpus, "Kelapa Bay Bulk Terminal")
    assert (terminal, 6.1e8, "USD") in _quantities(corpus), _quantities(corpus)


def test_a_national_railway_company_and_a_number_before_a_clause(tmp_path: Path) -> None:
    """ "<Country or nationality> Railways" is a railway company (plural "Railways" heads one),
    and "the 1,300 the line needs" counts no "need"."""
    corpus = _extract_text(
        tmp_path,
        "Kazakhstan Railways and Mongolian Railways have together ordered 900 new locomotives, "
        "fewer than the 1,300 the line needs.\n",
    )
    for label in ("Kazakhstan Railways", "Mongolian Railways"):
        assert corpus.entities[_entity(corpus, label)].type is EntityType.ORGANIZATION, label
    units = {unit for (_subject, _value, unit) in _quantities(corpus)}
    assert units == {"locomotive"}, units


def test_a_legal_suffix_after_a_known_company_is_the_known_company(tmp_path: Path) -> None:
    base = load_lexicon()
    known = "organization/velmora-dredging-company"
    entry = LexiconEntry(known, EntityType.ORGANIZATION, {"en": "Velmora Dredging Company"})
    lexicon = Lexicon({**base.entries, known: entry}, base.countries)
    path = tmp_path / "invented.txt"
    path.write_text(
        "Velmora Dredging Company Ltd built the Lautem Bay South Wharf, which opened on "
        "12 May 2021. Velmora Dredging Company also built the Com Pier.\n",
        encoding="utf-8",
    )
    corpus = extract_documents([load_file(path)], lexicon)
    companies = [e.id for e in corpus.entities.values() if e.type is EntityType.ORGANIZATION]
    assert companies == [known], companies
    wharf = _entity(corpus, "Lautem Bay South Wharf")
    assert corpus.entities[wharf].type is EntityType.PROJECT
    assert (wharf, "opening", "2021-05-12") in _events(corpus)


def test_an_accord_is_a_signed_instrument(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path, "Kenya and Ghana signed the Volta Accord on Port Finance on 14 June 2023.\n"
    )
    accord = _entity(corpus, "Volta Accord on Port Finance")
    assert corpus.entities[accord].type is EntityType.MECHANISM
    assert (accord, "signing", "2023-06-14") in _events(corpus)
    assert {(accord, "country/ke"), (accord, "country/gh")} <= _facts(corpus, "involves")


def test_a_person_after_a_director_general_of_a_portfolio(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path,
        "The accord was signed by Director General of Civil Aviation Rizal Pratama. It was "
        "welcomed by Director-General of Customs Anwar Setiadi.\n",
    )
    assert _persons(corpus) == {"Rizal Pratama", "Anwar Setiadi"}, _persons(corpus)


def test_a_generic_name_after_and_goes_on_with_the_name(tmp_path: Path) -> None:
    """ "The X Dry Port and Logistics Park": one project, not a generic "Logistics Park"."""
    corpus = _extract_text(
        tmp_path, "The Karimabad Dry Port and Logistics Park began operations in 2021.\n"
    )
    project = _entity(corpus, "Karimabad Dry Port and Logistics Park")
    assert (project, "startOfOperation", "2021") in _events(corpus)
    labels = {entity.labels.get("en", "") for entity in corpus.entities.values()}
    assert "Logistics Park" not in labels, labels


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("China financed the Verdal Port and International Airport in 2019.\n", {"Verdal Port"}),
        ("The Osmir Railway and Container Terminal were completed in 2019.\n", {"Osmir Railway"}),
    ],
)
def test_another_asset_after_and_is_not_part_of_the_name(
    tmp_path: Path, text: str, names: set[str]
) -> None:
    """Only what a project has beside it (a park, a zone, a hub) goes on with its name: an
    airport or a terminal after "and" is an asset of its own."""
    corpus = _extract_text(tmp_path, text)
    labels = {entity.labels.get("en", "") for entity in corpus.entities.values()}
    assert names <= labels, labels
    assert not any(" and " in label for label in labels), labels


def test_generic_plural_assets_are_no_project(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path, "Special Economic Zones and Dry Ports were built along the Tarvo Corridor.\n"
    )
    types = {entity.type for entity in corpus.entities.values()}
    assert EntityType.PROJECT not in types, corpus.entities


def test_a_nationality_section_is_no_named_part(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path,
        "Malawi plans to build the Kasungu-Mzuzu Rail Link once the Zambian section is complete.\n",
    )
    labels = {entity.labels.get("en", "") for entity in corpus.entities.values()}
    assert not {label for label in labels if "section" in label}, labels
    assert not _facts(corpus, "partOf")


def test_a_plural_head_with_only_a_number_or_a_generic_word_is_no_name(tmp_path: Path) -> None:
    corpus = _extract_text(
        tmp_path,
        "Four Corridors, Four Futures\n\nThe Kivu Transit Corridor links Rwanda to Uganda.\n\n"
        "III. Cooperation Platforms\n\nRwanda has signed 31 memoranda. The Tamsin Workshops "
        "trained 400 students.\n",
    )
    labels = {entity.labels.get("en", "") for entity in corpus.entities.values()}
    assert not {"Four Corridors", "Cooperation Platforms"} & labels, labels
    assert "Tamsin Workshops" in labels, labels


def test_a_pending_completion_in_a_when_clause_is_no_event(tmp_path: Path) -> None:
    """ "will cost ... when its first phase is completed in 2027": a present tense after
    "when", "once" or "until" tells of the future, and what "its first phase" does is not the
    whole's; "after the X was completed in 2019" happened (the dam's completion too)."""
    corpus = _extract_text(
        tmp_path,
        "The Korvath Bay Bulk Terminal will cost about 600 million U.S. dollars and handle 2 "
        "million tonnes when its first phase is completed in 2028. The Delmora Ring Road will "
        "carry 40,000 vehicles a day once it is opened in 2029. The Tarvik Dry Port opened in "
        "2019 and its second phase was completed in 2022. The Nesko Hydropower Station was "
        "completed in 2018, after the Nesko Dam was completed in 2017.\n",
    )
    assert _events(corpus) == {
        (_entity(corpus, "Tarvik Dry Port"), "opening", "2019"),
        (_entity(corpus, "Nesko Hydropower Station"), "completion", "2018"),
        (_entity(corpus, "Nesko Dam"), "completion", "2017"),
    }, _events(corpus)


def test_a_participial_plan_is_no_event(tmp_path: Path) -> None:
    """ "the X Platform, expected to be launched in 2025": a participle of expectation or
    schedule without "is" is a plan, as "is expected to" is, and plans the event for the date;
    "due to" gives a cause."""
    corpus = _extract_text(
        tmp_path,
        "Peru will build the Andara Green Data Platform, expected to be launched in 2026. "
        "The Quillo Cargo Terminal, scheduled to open in 2027, will cost $300 million. The "
        "Tiwan Solar Park, slated to be commissioned in 2028, is in Chile. Due to floods, the "
        "Marsa Coastal Highway was suspended in 2021.\n",
    )
    assert _events(corpus) == {
        (_entity(corpus, "Marsa Coastal Highway"), "suspension", "2021"),
    }, _events(corpus)
    assert _events(corpus, planned=True) == {
        (_entity(corpus, "Andara Green Data Platform"), "launch", "2026"),
        (_entity(corpus, "Quillo Cargo Terminal"), "opening", "2027"),
        (_entity(corpus, "Tiwan Solar Park"), "startOfOperation", "2028"),
    }, _events(corpus, planned=True)


def test_an_appositive_with_a_possessive_does_not_take_the_event(tmp_path: Path) -> None:
    """ "The X Bridge, the corridor's key crossing on the Y Corridor, was suspended": the
    appositive (possessive and all) is skipped; the bridge was suspended."""
    corpus = _extract_text(
        tmp_path,
        "The Orlen River Bridge, the corridor's key crossing on the Tabriz Cotton Corridor, "
        "was suspended in August 2022. The Vessa Tunnel, the line’s longest section of the "
        "Kivu Lakes Railway, opened in May 2020.\n",
    )
    assert _events(corpus) == {
        (_entity(corpus, "Orlen River Bridge"), "suspension", "2022-08"),
        (_entity(corpus, "Vessa Tunnel"), "opening", "2020-05"),
    }, _events(corpus)


def test_a_fronted_proposed_by_gives_the_subject_its_proposer(tmp_path: Path) -> None:
    """ "Proposed by X in 2019, it was formally launched at the Y Summit in October 2021": the
    fronted participle's agent proposed the sentence's subject (named, or what "it" refers
    to), dated by its year; the summit after "at" is a circumstance, neither launched nor a
    party. The "it" of "It was announced that" refers to nothing."""
    corpus = _extract_text(
        tmp_path,
        "The Karsu Transit Corridor links China to Iran. Proposed by Kyrgyzstan in 2018, it was "
        "formally launched at the Naryn Trade Summit in October 2020.\n\n"
        "Proposed by Mongolia in 2017, the Gobi Steppe Economic Corridor was officially "
        "launched at the Darkhan Connectivity Forum in June 2019.\n\n"
        "The Talas Logistics Hub opened in 2016. It was announced in May 2021 that Kyrgyzstan "
        "would build a second Talas Logistics Hub.\n",
    )
    karsu = _entity(corpus, "Karsu Transit Corridor")
    gobi = _entity(corpus, "Gobi Steppe Economic Corridor")
    summit = _entity(corpus, "Naryn Trade Summit")
    forum = _entity(corpus, "Darkhan Connectivity Forum")
    assert _events(corpus) == {
        (karsu, "proposal", "2018"),
        (karsu, "launch", "2020-10"),
        (summit, "holding", "2020-10"),
        (gobi, "proposal", "2017"),
        (gobi, "launch", "2019-06"),
        (forum, "holding", "2019-06"),
        (_entity(corpus, "Talas Logistics Hub"), "opening", "2016"),
    }, _events(corpus)
    assert _facts(corpus, "proposedBy") == {(karsu, "country/kg"), (gobi, "country/mn")}
    assert {s for s, _ in _facts(corpus, "involves")} <= {karsu, gobi}


def test_a_fronted_participle_reads_its_whole_list_of_agents(tmp_path: Path) -> None:
    """ "Proposed by A, B and C in 2019, the X was launched in 2021": the commas of the
    agent list do not close the fronted phrase; each agent proposed the X, and the main
    subject follows the comma after the list."""
    corpus = _extract_text(
        tmp_path,
        "Proposed by Mongolia, Nepal and Bhutan in 2019, the Varrow Ridge Corridor was "
        "launched in 2021.\n",
    )
    varrow = _entity(corpus, "Varrow Ridge Corridor")
    assert _events(corpus) == {(varrow, "proposal", "2019"), (varrow, "launch", "2021")}
    assert _facts(corpus, "proposedBy") == {
        (varrow, "country/mn"),
        (varrow, "country/np"),
        (varrow, "country/bt"),
    }


def test_a_reduced_relative_after_a_name_is_that_names(tmp_path: Path) -> None:
    """ "The X Corridor is governed by the Y Committee, set up by A and B in 2020": the
    participle right after ", " tells of the name before the comma, not of the clause's
    subject."""
    corpus = _extract_text(
        tmp_path,
        "The Kestrel Valley Economic Corridor is governed by the Kestrel Valley Joint "
        "Coordination Committee, set up by Afghanistan and Pakistan in 2021. The Lhotse Power "
        "Corridor is run by the Lhotse Power Platform, established by Nepal and Bhutan in "
        "2019.\n",
    )
    committee = _entity(corpus, "Kestrel Valley Joint Coordination Committee")
    platform = _entity(corpus, "Lhotse Power Platform")
    assert _events(corpus) == {
        (committee, "establishment", "2021"),
        (platform, "establishment", "2019"),
    }, _events(corpus)
    assert _facts(corpus, "involves") == {
        (platform, "country/np"),
        (platform, "country/bt"),
    }, _facts(corpus, "involves")


def test_a_figure_a_name_is_raised_to_is_that_names(tmp_path: Path) -> None:
    """ "build the A Platform and expand the B Alliance to 100 member ports by 2030": the
    figure after "expand/raise/grow the B to" is the B's, not the clause's first name."""
    corpus = _extract_text(
        tmp_path,
        "Chile will build the Austral Kelp Data Platform and expand the Austral Port Alliance "
        "to 80 member ports by 2031. Peru will upgrade the Huacho Cold Chain Hub and raise the "
        "Huacho Grain Terminal to 5 million tonnes.\n",
    )
    assert {(s, v) for s, v, _ in _quantities(corpus)} == {
        (_entity(corpus, "Austral Port Alliance"), 80),
        (_entity(corpus, "Huacho Grain Terminal"), 5e6),
    }, _quantities(corpus)


def test_signing_an_agreement_on_a_name_dates_that_names_signing(tmp_path: Path) -> None:
    """ "Iran and Afghanistan signed a Memorandum of Understanding on the X Corridor ... on 3
    March 2022": the X had an agreement signed on it then (as 签署了关于X的备忘录 gives), and
    the signatories are its parties."""
    corpus = _extract_text(
        tmp_path,
        "Georgia and Armenia signed a Memorandum of Understanding on the Lori Gorge Transit "
        "Corridor in Yerevan on 5 April 2023. Ghana and Togo signed an agreement on the Volta "
        "Narrows Bridge on 2 June 2021. Benin and Niger signed a contract to build the Parakou "
        "Dry Port in 2019. Kenya and Ethiopia signed a Memorandum of Understanding on energy in "
        "March 2024.\n",
    )
    corridor = _entity(corpus, "Lori Gorge Transit Corridor")
    bridge = _entity(corpus, "Volta Narrows Bridge")
    port = _entity(corpus, "Parakou Dry Port")
    assert _events(corpus) == {
        (corridor, "signing", "2023-04-05"),
        (bridge, "signing", "2021-06-02"),
        (port, "signing", "2019"),
    }, _events(corpus)
    assert {(corridor, "country/ge"), (corridor, "country/am")} <= _facts(corpus, "involves")


def test_a_coordinated_subject_right_before_its_verb_all_take_the_event(tmp_path: Path) -> None:
    """ "The X Dry Port and the Y Rail Yard began operations in 2022": a past verb right after
    a list of names is the whole list's, as "were suspended" is; "The X opened in 2019 and the
    Y ..." is not a list before a verb."""
    corpus = _extract_text(
        tmp_path,
        "The Kamba Dry Port and the Kamba Container Terminal began operations in 2022. The Osei Bridge "
        "and Osei Ring Road opened in June 2019. The Tamsa Dry Port and the Tamsa Rail Freight "
        "Terminal, built by Halvor Logistics Holdings, began operations in 2021.\n",
    )
    assert _events(corpus) == {
        (_entity(corpus, "Kamba Dry Port"), "startOfOperation", "2022"),
        (_entity(corpus, "Kamba Container Terminal"), "startOfOperation", "2022"),
        (_entity(corpus, "Osei Bridge"), "opening", "2019-06"),
        (_entity(corpus, "Osei Ring Road"), "opening", "2019-06"),
        (_entity(corpus, "Tamsa Dry Port"), "startOfOperation", "2021"),
        (_entity(corpus, "Tamsa Rail Freight Terminal"), "startOfOperation", "2021"),
    }, _events(corpus)


def test_a_figure_told_of_it_is_the_last_subjects(tmp_path: Path) -> None:
    """ "The X Terminal opened in May 2021. It handled 1.2 million TEUs in 2023.": the figure
    is the terminal's, as an event would be; "It is estimated that ..." refers to nothing, and
    after a sentence another name (Kenya, Uganda) opens, "It" is that name."""
    corpus = _extract_text(
        tmp_path,
        "The Borvik Bay Container Terminal opened in May 2021. It handled 1.4 million TEUs in "
        "2023. It is estimated that 3,000 jobs were created.\n\n"
        "Relying on platforms such as the Nairo Nursing Alliance, Kenya has trained many "
        "nurses. It has also sent medical teams to 12 partner countries.\n\n"
        "The Tana Health Forum was founded in 2019. Uganda has continued to work with Forum "
        "members. It has signed agreements with 14 countries.\n",
    )
    assert _quantities(corpus) == {
        (_entity(corpus, "Borvik Bay Container Terminal"), 1.4e6, "TEU"): "2023",
    }, _quantities(corpus)


def test_plural_railways_after_a_place_compound_is_a_line(tmp_path: Path) -> None:
    """ "The A-B Railways" joins two places: a line (Project), not a company; "Turkmen
    Railways" (a nationality alone before it) stays a company."""
    corpus = _extract_text(
        tmp_path,
        "The Zorvan-Kelta Railways were completed in 2019. The Tarsk-Volmo Railways carried "
        "3 million passengers in 2022. Turkmen Railways ordered 40 locomotives in 2020.\n",
    )
    line = _entity(corpus, "Zorvan-Kelta Railways")
    assert corpus.entities[line].type is EntityType.PROJECT
    assert corpus.entities[_entity(corpus, "Tarsk-Volmo Railways")].type is EntityType.PROJECT
    assert corpus.entities[_entity(corpus, "Turkmen Railways")].type is EntityType.ORGANIZATION
    assert (line, "completion", "2019") in _events(corpus), _events(corpus)


def test_objects_after_at_and_to_that_name_the_work_or_what_was_joined(tmp_path: Path) -> None:
    """ "Construction began at the X" / "Work resumed at the X": the place of the work is the
    project; "signed up to / signed on to the X" joins the X."""
    corpus = _extract_text(
        tmp_path,
        "Construction began at the Varno Dam in 2018. Work resumed at the Kelta Port in 2021. "
        "Laos signed up to the Zorvan Initiative in 2019.\n\n"
        "Nepal is joining the Morvi Initiative this year and Ghana has signed on to the Morvi "
        "Initiative.\n",
    )
    events = _events(corpus)
    assert (_entity(corpus, "Varno Dam"), "launch", "2018") in events, events
    assert (_entity(corpus, "Kelta Port"), "resumption", "2021") in events, events
    involves = _facts(corpus, "involves")
    assert (_entity(corpus, "Zorvan Initiative"), "country/la") in involves, involves
    assert (_entity(corpus, "Morvi Initiative"), "country/gh") in involves, involves


def test_a_section_named_by_an_unknown_place_is_a_project(tmp_path: Path) -> None:
    """ "The Varshi section of the X": a place unknown to the gazetteer still names a section;
    only a country's adjective ("the Kenyan section") or a direction names none."""
    corpus = _extract_text(
        tmp_path,
        "The Varshi section of the Zorvan Railway was completed in 2019. The Kenyan section of "
        "the Zorvan Railway opened in 2020.\n",
    )
    section = _entity(corpus, "Varshi section")
    assert (section, "completion", "2019") in _events(corpus), _events(corpus)
    labels = {e.labels.get("en") for e in corpus.entities.values()}
    assert "Kenyan section" not in labels, labels


def test_a_participle_after_a_place_tells_of_the_subject(tmp_path: Path) -> None:
    """ "The X opened in Laos, hosted by Thailand": the place after "in" is a circumstance,
    so "hosted by" tells of the X."""
    corpus = _extract_text(tmp_path, "The Varel Forum opened in Laos, hosted by Ghana.\n")
    forum = _entity(corpus, "Varel Forum")
    assert (forum, "country/gh") in _facts(corpus, "involves"), _facts(corpus, "involves")


def test_it_sentences_whose_figure_is_not_the_subjects(tmp_path: Path) -> None:
    """ "It is 5 km from the Y" (a distance), "It would take 3 billion dollars to extend the
    Y" (an expletive "it") give the last subject no figure."""
    corpus = _extract_text(
        tmp_path,
        "The Morvi Dry Port opened in 2020. It is 5 km from the Tarsk Port.\n\n"
        "The Varel Bridge opened in 2019. It would take 3 billion dollars to extend the Orla "
        "Port.\n",
    )
    assert _quantities(corpus) == {}, _quantities(corpus)


def test_an_earlier_verbs_object_is_not_part_of_the_subject_list(tmp_path: Path) -> None:
    """ "Laos upgraded the X Port and the Y Railway opened": "and" joins two clauses; only the
    railway opened."""
    corpus = _extract_text(
        tmp_path, "Laos upgraded the Ostrava Port and the Belmir Railway opened in 2019.\n"
    )
    events = _events(corpus)
    assert (_entity(corpus, "Belmir Railway"), "opening", "2019") in events, events
    assert not any(subject == _entity(corpus, "Ostrava Port") for subject, *_ in events), events


def test_a_forum_on_whose_sidelines_agreements_were_signed_signed_nothing(
    tmp_path: Path,
) -> None:
    corpus = _extract_text(
        tmp_path,
        "Laos and China signed several agreements on the Velmar Forum sidelines in 2019.\n",
    )
    assert not _events(corpus), _events(corpus)


@pytest.mark.parametrize(
    "text",
    [
        "The office is located on Varno Quay in Kelta.\n",
        "The Kelta Pier Road was completed in 2019.\n",
    ],
)
def test_a_street_is_no_project(tmp_path: Path, text: str) -> None:
    corpus = _extract_text(tmp_path, text)
    types = {entity.type for entity in corpus.entities.values()}
    assert EntityType.PROJECT not in types, corpus.entities


def test_what_is_aligned_with_a_strategy_is_the_clauses_subject(tmp_path: Path) -> None:
    """ "It is aligned with Y's "Z" strategy and with the BRI": the subject ("It", the last
    sentence's corridor) is aligned with both; the BRI is an object, not aligned with Z. A
    verb phrase coordinated with "and" keeps its subject ("was proposed by A in 2021 and is
    aligned with the BRI")."""
    corpus = _extract_text(
        tmp_path,
        "The Orvane Blue Corridor was launched by Myanmar in 2020. It is aligned with "
        'Thailand\'s "Coastal Horizon 5.0" strategy and with the Belt and Road Initiative.\n\n'
        "The Velmar Atlantic Corridor was proposed by Angola in 2021 and is aligned with the "
        "Belt and Road Initiative.\n",
    )
    aligned = _facts(corpus, "alignedWith")
    orvane, velmar = (
        _entity(corpus, "Orvane Blue Corridor"),
        _entity(corpus, "Velmar Atlantic Corridor"),
    )
    strategy = _entity(corpus, "Coastal Horizon 5.0")
    bri = "initiative/belt-and-road-initiative"
    assert {(orvane, strategy), (orvane, bri), (velmar, bri)} <= aligned, aligned
    assert (bri, strategy) not in aligned, aligned


def test_who_initiated_a_thing_proposed_it(tmp_path: Path) -> None:
    """ "which was initiated by A, B and C in 2022", "A initiated the X in 2019": the initiators
    are proposers, with a dated proposal; initiating the construction of a thing is not."""
    corpus = _extract_text(
        tmp_path,
        "Both sides will promote the Tarvan Transport Corridor, which was initiated by "
        "Uzbekistan, Kyrgyzstan and China in 2022.\n\n"
        "Kenya initiated the Velmor Tax Cooperation Mechanism in 2019.\n\n"
        "Ghana initiated construction of the Orla Railway in 2018.\n",
    )
    corridor = _entity(corpus, "Tarvan Transport Corridor")
    mechanism = _entity(corpus, "Velmor Tax Cooperation Mechanism")
    railway = _entity(corpus, "Orla Railway")
    proposers = _facts(corpus, "proposedBy")
    expected = {(corridor, f"country/{code}") for code in ("uz", "kg", "cn")}
    assert expected | {(mechanism, "country/ke")} <= proposers, proposers
    assert not any(subject == railway for subject, _ in proposers), proposers
    events = _events(corpus)
    assert {(corridor, "proposal", "2022"), (mechanism, "proposal", "2019")} <= events, events
    assert not any(subject == railway and kind == "proposal" for subject, kind, _ in events)


@pytest.mark.parametrize(
    "text",
    [
        "On 6 June 2025, on the sidelines of the Tarvel Connectivity Summit, the following "
        "documents were signed between Kyrgyzstan and China.\n",
        "On the sidelines of the Tarvel Connectivity Summit in June 2025, Laos and China signed "
        "three agreements.\n",
        "Three agreements were signed in 2025 on the sidelines of the Tarvel Connectivity Summit.\n",
    ],
)
def test_a_summit_on_whose_sidelines_documents_were_signed_signed_nothing(
    tmp_path: Path, text: str
) -> None:
    corpus = _extract_text(tmp_path, text)
    assert not any(kind == "signing" for _, kind, _ in _events(corpus)), _events(corpus)


def test_every_titled_signatory_in_a_list_is_a_party(tmp_path: Path) -> None:
    """ "signed by Minister of Transport A and Chinese Vice Minister of Commerce B": both."""
    corpus = _extract_text(
        tmp_path,
        "The Agreement on the Construction of the Orvel-Tash Expressway was signed by Minister "
        "of Transport Almaz Tokoev and Chinese Vice Minister of Commerce Li Fenglan.\n",
    )
    agreement = _entity(corpus, "Agreement on the Construction of the Orvel-Tash Expressway")
    parties = {o for s, o in _facts(corpus, "involves") if s == agreement}
    assert {_entity(corpus, "Almaz Tokoev"), _entity(corpus, "Li Fenglan")} <= parties, parties


def test_a_period_right_after_an_event_verb_dates_the_event(tmp_path: Path) -> None:
    """ "was completed in 2021-2023": the completion spans the period (its date ends in 2023);
    a period elsewhere in the sentence still dates no event."""
    corpus = _extract_text(
        tmp_path,
        "The Tarsk Coastal Highway, a 190-kilometre road in Bangladesh, was completed in "
        "2021-2023 at a cost of US$740 million.\n\n"
        "Under its 2017-2022 plan, the Velm Port opened.\n",
    )
    highway = _entity(corpus, "Tarsk Coastal Highway")
    dated = [
        f.date
        for doc in corpus.documents
        for f in doc.facts
        if f.predicate == "event" and f.subject == highway and f.event_kind == "completion"
    ]
    assert [(d.iso(), d.end.iso() if d.end else None) for d in dated] == [("2021", "2023")], dated
    port = _entity(corpus, "Velm Port")
    assert not any(subject == port for subject, *_ in _events(corpus)), _events(corpus)


@pytest.mark.parametrize(
    ("text", "label", "codes"),
    [
        (
            "The Velm Valley Gas Pipeline carries 10 billion cubic meters of gas annually from "
            "Uzbekistan to China.\n",
            "Velm Valley Gas Pipeline",
            {"uz", "cn"},
        ),
        (
            "The 742-km Tarsk Copperbelt Railway connects the Zambian mining town of Solwezi "
            "with the Angolan port city of Lobito.\n",
            "Tarsk Copperbelt Railway",
            {"zm", "ao"},
        ),
        (
            "The Tarsk Copperbelt Railway (Zambia, Angola) opened in 2020.\n",
            "Tarsk Copperbelt Railway",
            {"zm", "ao"},
        ),
    ],
)
def test_a_line_between_two_countries_is_in_each(
    tmp_path: Path, text: str, label: str, codes: set[str]
) -> None:
    """A line carrying gas from one country to another, connecting a city in one with a city
    in another, or listed with its countries in brackets stands in each."""
    corpus = _extract_text(tmp_path, text)
    line = _entity(corpus, label)
    located = {o for s, o in _facts(corpus, "locatedIn") if s == line}
    assert located == {f"country/{code}" for code in codes}, located


def test_a_lender_of_a_loan_that_financed_a_project_is_a_party(tmp_path: Path) -> None:
    """ "was financed by a loan from the X Bank": the bank financed it."""
    corpus = _extract_text(
        tmp_path,
        "The Tarsk Copperbelt Railway was financed by a US$2 billion loan from the Velm "
        "Development Bank.\n",
    )
    railway = _entity(corpus, "Tarsk Copperbelt Railway")
    bank = _entity(corpus, "Velm Development Bank")
    assert (railway, bank) in _facts(corpus, "involves"), _facts(corpus, "involves")


def test_the_project_refers_to_a_recent_project_whatever_its_head(tmp_path: Path) -> None:
    """ "The project" after the Kovlar Hydropower Station is that station: its completion."""
    corpus = _extract_text(
        tmp_path,
        "The Kovlar Hydropower Station is located in Kyrgyzstan. "
        "The project was completed in 2021.\n",
    )
    station = _entity(corpus, "Kovlar Hydropower Station")
    assert (station, "completion", "2021") in _events(corpus)


def test_a_chain_of_short_forms_reaches_past_the_window(tmp_path: Path) -> None:
    """ "the 142-km expressway" refers back to the Kisvar-Lemt Expressway, and "the expressway"
    four sentences after the name refers back to that short form: its start of works."""
    corpus = _extract_text(
        tmp_path,
        "The Kisvar-Lemt Expressway was opened to traffic on Tuesday.\n\n"
        "The 142-km expressway was built by the Dorvane Harbour Engineering Company.\n\n"
        "Speaking at the ceremony, the minister praised the builders. "
        '"This is a great day for the region," he said.\n\n'
        "Construction of the expressway began in June 2021.\n",
    )
    expressway = _entity(corpus, "Kisvar-Lemt Expressway")
    assert (expressway, "launch", "2021-06") in _events(corpus)


def test_another_thing_of_the_kind_ends_a_chain_of_short_forms(tmp_path: Path) -> None:
    """ "Uganda plans an expressway of its own. The expressway would cost ...": that one."""
    corpus = _extract_text(
        tmp_path,
        "The Zeta Expressway opened in 2020. Drivers praised the expressway in a survey. "
        "Officials were pleased. Uganda plans an expressway of its own. The expressway would "
        "cost US$2 billion.\n",
    )
    assert not [f for doc in corpus.documents for f in doc.facts if f.predicate == "quantity"]


def test_a_heading_ends_a_chain_of_short_forms(tmp_path: Path) -> None:
    """After a heading, "the project" is a new section's, not the chain's before it (the
    hospital's name is out of the window; "The project" after it is in)."""
    corpus = _extract_text(
        tmp_path,
        "Health\n\nThe Velmar Friendship Hospital opened in Laos in 2019. "
        "The project has treated many patients. Doctors came from afar.\n\n"
        "## Water for the villages\n\n"
        "In 2023 the first well of the 300-well project was completed.\n",
    )
    hospital = _entity(corpus, "Velmar Friendship Hospital")
    assert (hospital, "completion", "2023") not in _events(corpus)


@pytest.mark.parametrize("name", ["Lemba-Tavosi Road", "Lemba-Tavosi Link Road"])
def test_a_road_between_places_is_a_project(tmp_path: Path, name: str) -> None:
    """A road between two hyphen-joined places is built; a street ("Pier Road", "New Link
    Road") is not, nor is a road map."""
    corpus = _extract_text(
        tmp_path,
        f"A second phase, the {name}, was completed in 2027 near Pier Road in Kenya. Offices on "
        "New Link Road in Mumbai adopted the China-Pakistan Road Map in 2020.\n",
    )
    labels = {e.labels["en"]: e.type for e in corpus.entities.values()}
    assert labels.get(name) is EntityType.PROJECT
    assert not {"Pier Road", "New Link Road", "Link Road", "China-Pakistan Road"} & set(labels)
    assert (_entity(corpus, name), "completion", "2027") in _events(corpus)


@pytest.mark.parametrize(
    ("text", "means", "agent"),
    [
        (
            "Under the Velmar Envoys Program and the Tarsk Initiative on Climate Change, China "
            "has provided training for 3,000 managers.",
            ["Velmar Envoys Program", "Tarsk Initiative on Climate Change"],
            "country/cn",
        ),
        (
            "Relying on platforms such as the Velmar Health Alliance, the Tarsk Hospital Network "
            "and the Dorvan Training Program (2020-2022), Kenya has trained professionals.",
            ["Velmar Health Alliance", "Tarsk Hospital Network", "Dorvan Training Program"],
            "country/ke",
        ),
    ],
)
def test_the_subject_after_an_opening_phrase_takes_part_in_its_means(
    tmp_path: Path, text: str, means: list[str], agent: str
) -> None:
    """What an opening "Under" or "Relying on" phrase names is the means of the main clause's
    subject, which takes part in it."""
    corpus = _extract_text(tmp_path, text + "\n")
    assert {(_entity(corpus, name), agent) for name in means} <= _facts(corpus, "involves")


@pytest.mark.parametrize(
    "text",
    [
        "Relying on platforms such as the Velmar Health Alliance, the World Health Organization "
        "and the Tarsk Hospital Network, Kenya has trained professionals.",
        "Under the agreement signed at the Zambari Forum, Kenya will expand its tea exports.",
        "Under pressure from the Tarvel Initiative, Nepal delayed its decision.",
        "Building on the success of the Modara Railway, Tanzania has trained engineers.",
        "Under the Zeta Programme, public debt has doubled, the Kestrel Bank estimated.",
        "Under the Zeta Programme, Kenya seed companies received grants.",
    ],
)
def test_no_party_from_a_phrase_that_names_no_means(tmp_path: Path, text: str) -> None:
    """A body inside the list, a forum where an agreement was signed, what pressures or
    succeeded, a subject in a later clause, a name that only modifies: no party."""
    corpus = _extract_text(tmp_path, text + "\n")
    assert not _facts(corpus, "involves")


def test_it_is_the_country_that_led_the_sentence_before(tmp_path: Path) -> None:
    """ "By 2022, China had signed 17 MoUs, ... It has proposed and worked to launch the X":
    China proposed X; after a sentence a thing led, or one no name led, "It" is no agent."""
    corpus = _extract_text(
        tmp_path,
        "By the end of 2022, China had signed 17 MoUs, and 30 agreements on trade. It has "
        "proposed and worked to launch the Velmar Initiative on Data Security and the Tarsk "
        "Digital Economy Initiative.\n\n"
        "China founded the Korvo Forum in 2017. The Korvo Forum has 20 members. It has "
        "launched the Dorvan Alliance.\n\n"
        "By 2023, China had trained 500 engineers. Trade grew by 5 percent in 2023. It has "
        "launched the Selvan Alliance.\n",
    )
    proposed = _facts(corpus, "proposedBy")
    for name in ("Velmar Initiative on Data Security", "Tarsk Digital Economy Initiative"):
        assert (_entity(corpus, name), "country/cn") in proposed
    for alliance in ("Dorvan Alliance", "Selvan Alliance"):
        assert not {o for s, o in _facts(corpus, "involves") if s == _entity(corpus, alliance)}


@pytest.mark.parametrize(
    "first",
    [
        "In 2020, Laos and China opened the Vientiane Tarsk Park.",  # two: no "It"
        "Kenya's Mombara Port Authority signed a deal.",  # Kenya only owns the authority
    ],
)
def test_it_is_no_list_and_no_possessor(tmp_path: Path, first: str) -> None:
    corpus = _extract_text(tmp_path, first + " It proposed the Velmar Shipping Initiative.\n")
    assert not _facts(corpus, "proposedBy")


def test_a_country_after_a_country_is_no_city_and_its_country(tmp_path: Path) -> None:
    """ "the X Railway in Ethiopia, Tanzania has ...": Tanzania is the next clause's subject;
    "in Mombasa, Kenya" is a city and its country."""
    corpus = _extract_text(
        tmp_path,
        "Building on the success of the Dravel Railway in Ethiopia, Tanzania has trained "
        "engineers. The Velmar Port in Mombasa, Kenya, opened in 2020.\n",
    )
    located = _facts(corpus, "locatedIn")
    assert {o for s, o in located if s == _entity(corpus, "Dravel Railway")} == {"country/et"}
    assert (_entity(corpus, "Velmar Port"), "country/ke") in located


def test_the_capitalised_short_form_refers_back(tmp_path: Path) -> None:
    """ "The Bank" after the Zelmora Development Bank is that bank, a party to what it signs."""
    corpus = _extract_text(
        tmp_path,
        "The Zelmora Development Bank financed the Dravel Railway. "
        "The Bank signed a loan agreement for the Dravel Railway in 2020.\n",
    )
    bank = _entity(corpus, "Zelmora Development Bank")
    (short,) = [m for doc in corpus.documents for m in doc.mentions if m.text == "The Bank"]
    assert short.entity == bank
    assert (_entity(corpus, "Dravel Railway"), bank) in _facts(corpus, "involves")


@pytest.mark.parametrize(
    ("dateline", "expected"), [("Updated: 2024-05-02\n\n", "2023"), ("", None)]
)
def test_last_year_counts_from_the_document_year(
    tmp_path: Path, dateline: str, expected: str | None
) -> None:
    """ "Cancelled last year" is the year before the document's; with no document date, no
    date at all; "the last year of the plan" is never a date."""
    corpus = _extract_text(
        tmp_path,
        f"Cancelled Works\n\n{dateline}The Larkmoor Bridge Project was cancelled last year. "
        "The Dornel Port was completed in the last year of the plan.\n",
    )
    bridge = _entity(corpus, "Larkmoor Bridge Project")
    dated = {(s, kind, d) for s, kind, d in _events(corpus) if kind == "cancellation"}
    assert dated == ({(bridge, "cancellation", expected)} if expected else set())
    assert not {d for s, _, d in _events(corpus) if s == _entity(corpus, "Dornel Port")}


def test_a_ministry_of_a_country_and_a_company_are_two(tmp_path: Path) -> None:
    """ "of Kyrgyzstan" completes the ministry's name; "Co., Ltd." ends the company's."""
    corpus = _extract_text(
        tmp_path,
        "The Ministry of Energy of Kyrgyzstan and Tashral Power Investment Co., Ltd. signed an "
        "agreement on the Kovlar Hydropower Station in 2019.\n",
    )
    names = {m.text for doc in corpus.documents for m in doc.mentions if m.label}
    assert "Tashral Power Investment Co., Ltd" in names
    assert not [name for name in names if "Kyrgyzstan and" in name]
    company = _entity(corpus, "Tashral Power Investment Co., Ltd")
    assert corpus.entities[company].type is EntityType.ORGANIZATION


def test_a_name_does_not_run_across_for_the_into_a_project(tmp_path: Path) -> None:
    """ "the Zelmora Development Bank for the Morrel Bay Port Project" is a bank and a port."""
    corpus = _extract_text(
        tmp_path,
        "The Zelmora Development Bank for the Morrel Bay Port Project provided a loan of "
        "300 million US dollars.\n",
    )
    names = {m.text for doc in corpus.documents for m in doc.mentions if m.label}
    assert {"Zelmora Development Bank", "Morrel Bay Port Project"} <= names
    assert not [name for name in names if " for the " in name]


@pytest.mark.parametrize("form", ["LLC", "Inc.", "S.A."])
def test_companies_by_legal_form_and_head_and_their_short_names(tmp_path: Path, form: str) -> None:
    """ "Varnel Engineering" is a company; "Korvane <form>" (with the last period of "S.A.")
    and a later "Korvane" are one, and it built the dam."""
    corpus = _extract_text(
        tmp_path,
        "Varnel Engineering signed a contract for the Peltra River Dam in 2018. "
        f"Korvane {form} built the Peltra River Dam. Korvane also operates the Lumora Power "
        "Plant.\n",
    )
    assert corpus.entities[_entity(corpus, "Varnel Engineering")].type is EntityType.ORGANIZATION
    full = _entity(corpus, "Korvane Inc" if form == "Inc." else f"Korvane {form}")
    assert corpus.entities[full].type is EntityType.ORGANIZATION
    assert (_entity(corpus, "Peltra River Dam"), full) in _facts(corpus, "involves")
    (short,) = [m for doc in corpus.documents for m in doc.mentions if m.text == "Korvane"]
    assert short.entity == full


def test_section_numbers_are_no_quantities(tmp_path: Path) -> None:
    """ "Section 4 describes", "Table 2 lists": a part of the text, numbered, is no count."""
    corpus = _extract_text(
        tmp_path,
        "Connectivity Review\n\n3.2 Connectivity\n\n"
        "Section 4 describes the Tarvik Railway, which has 12 stations. "
        "Table 2 lists the Kelmora Port, which has 6 berths.\n",
    )
    units = {unit for _, _, unit in _quantities(corpus)}
    assert units == {"station", "berth"}


def test_a_document_that_proposes_is_no_proposer(tmp_path: Path) -> None:
    """ "The Velmora Commission white paper proposed X": the paper proposed it, not the
    commission; "The Orvane Ministry of Trade proposed Y": the ministry did."""
    corpus = _extract_text(
        tmp_path,
        "The Velmora Commission white paper proposed the Tovelin Economic Corridor.\n\n"
        "The Orvane Ministry of Trade proposed the Irvanel Green Initiative.\n",
    )
    assert _facts(corpus, "proposedBy") == {
        (_entity(corpus, "Irvanel Green Initiative"), _entity(corpus, "Orvane Ministry of Trade"))
    }


@pytest.mark.parametrize("agency", [" (Xinhua)", ""])
def test_a_byline_dates_the_document_not_the_first_event(tmp_path: Path, agency: str) -> None:
    """ "Beijing, 14 March 2024 (Xinhua) --": when the story was filed, so the document's date
    ("last year" is 2023), and not when the port it tells of opened."""
    corpus = _extract_text(
        tmp_path,
        f"Velmaro Port Opens\n\nBeijing, 14 March 2024{agency} -- The Velmaro Deep-water Port "
        "in Kenya opened to traffic, officials said.\n\nThe Tarskel Railway was completed last "
        "year.\n",
    )
    (doc,) = corpus.documents
    assert doc.meta.date == "2024-03-14"
    events = _events(corpus)
    assert (_entity(corpus, "Tarskel Railway"), "completion", "2023") in events
    port = _entity(corpus, "Velmaro Deep-water Port")
    assert not [date for subject, _, date in events if subject == port]


def test_a_weekday_later_in_a_story_counts_back_from_its_dateline(tmp_path: Path) -> None:
    """ "NAIROBI, March 5, 2025 (Xinhua) -- ..." (a Wednesday): "on Monday" two paragraphs
    on is March 3; in a document with no dateline a weekday dates nothing."""
    story = (
        "Expressway opens\n\nNAIROBI, March 5, 2025 (Xinhua) -- The Kisvar-Lemt Expressway was "
        "opened to traffic on Tuesday.\n\nOfficials praised the builders.\n\n"
        "The Dorvan Bridge was inaugurated on Monday.\n"
    )
    corpus = _extract_text(tmp_path, story)
    events = _events(corpus)
    assert (_entity(corpus, "Kisvar-Lemt Expressway"), "opening", "2025-03-04") in events
    assert (_entity(corpus, "Dorvan Bridge"), "opening", "2025-03-03") in events
    plain = _extract_text(tmp_path, "Bridges\n\nThe Dorvan Bridge opened on Monday.\n")
    assert not _events(plain)


def test_a_table_row_is_read_as_a_sentence(tmp_path: Path) -> None:
    """A row of a Markdown table, once a heading that said nothing, states its facts."""
    path = tmp_path / "table.md"
    path.write_text(
        "# Projects\n\n| Project | Country | Status |\n|---|---|---|\n"
        "| Tarvik Railway | Kazakhstan | opened in 2021 |\n",
        encoding="utf-8",
    )
    corpus = extract_documents([load_file(path)])
    assert (_entity(corpus, "Tarvik Railway"), "opening", "2021") in _events(corpus)


JOINT_STATEMENT = """\
Joint Statement between the People's Republic of China and the Republic of Kazakhstan on the Korvan Partnership

Beijing, 14 March 2025

1. At the invitation of President Xi Jinping, President Amara Kostel paid a state visit to China.

2. The two sides agreed to advance the construction of the Tesmar-Olvik Railway.

3. The Kazakh side welcomed Chinese companies. Trade grew by 20 percent. Officials met in Astana.

4. Both countries will jointly build the Ulgar Logistics Hub.

5. The Orvane Development Bank will provide a loan of 1.2 billion US dollars for the Mirell Hydropower Station.
"""


def test_a_joint_statement_names_its_parties_once(tmp_path: Path) -> None:
    """ "Joint Statement between A and B ... The two sides agreed to advance the construction
    of the X": the title's pair are "the two sides" and "both countries" paragraphs later, each
    undertaking makes a party ("agreed to advance the construction of", "will jointly build",
    "will provide a loan of ... for", the sum the station's), and "the Kazakh side" is
    Kazakhstan."""
    corpus = _extract_text(tmp_path, JOINT_STATEMENT)
    involves = _facts(corpus, "involves")
    for project in ("Tesmar-Olvik Railway", "Ulgar Logistics Hub"):
        entity = _entity(corpus, project)
        assert {(entity, "country/cn"), (entity, "country/kz")} <= involves
    lender, station = (
        _entity(corpus, "Orvane Development Bank"),
        _entity(corpus, "Mirell Hydropower Station"),
    )
    assert (station, lender) in involves
    assert set(_quantities(corpus)) == {(station, 1.2e9, "USD")}  # the loan's sum is the station's
    (doc,) = corpus.documents
    sides = {(m.text, m.entity) for m in doc.mentions if m.rule in {"both-sides", "nation-side"}}
    assert sides == {
        ("The two sides", "country/cn"),
        ("The two sides", "country/kz"),
        ("Both countries", "country/cn"),
        ("Both countries", "country/kz"),
        ("The Kazakh side", "country/kz"),
    }
    # A paragraph's number is no sentence, and no word of the one it opens.
    assert all(not doc.text[s.start : s.end].startswith("2.") for s in doc.sentences)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # A pair the body names holds a few sentences on.
        (
            "Talks\n\nLaos and Vietnam signed the Pelmor Accord. The two countries will build "
            "the Ravik Bridge.\n",
            {"country/la", "country/vn"},
        ),
        # "the Chinese side and the Lao side" is a pair too.
        (
            "Talks\n\nThe Chinese side and the Lao side met. Both sides agreed to build the "
            "Ravik Bridge.\n",
            {"country/cn", "country/la"},
        ),
        # Without another, "A-B" in the same sentence.
        (
            "Talks\n\nThe Ravik Bridge is a flagship between the two countries, in a new phase "
            "of China-Indonesia relations.\n",
            {"country/cn", "country/id"},
        ),
        # No pair: a list of three, a third country named where "the two sides" stands, a pair
        # too many sentences back, "both countries and regions", "the two sides of the strait".
        (
            "Talks\n\nLaos, Vietnam and Cambodia met. The two sides will build the Ravik Bridge.\n",
            set(),
        ),
        (
            "Talks\n\nLaos and Vietnam met. The Ravik Bridge in Thailand opened, a new stage of "
            "cooperation between the two sides.\n",
            set(),
        ),
        (
            "Talks\n\nLaos and Vietnam met. Trade grew. Ports grew. Roads grew. Rails grew. "
            "The two sides will build the Ravik Bridge.\n",
            set(),
        ),
        (
            "Talks\n\nLaos and Vietnam met. Both countries and regions will build the Ravik "
            "Bridge. The two sides of the river will build the Olm Bridge. The Olm Bridge has "
            "three lanes on both sides.\n",
            set(),
        ),
        # Two companies named together are "both parties", also under a title's pair.
        (
            "Joint Statement between China and Laos\n\nThe Korvane Company and the Pelmar "
            "Railways Company signed a contract. Both parties agreed to build the Ravik Bridge.\n",
            set(),
        ),
        # A compound in the sentence comes before the title's pair; a pair from the body that
        # a third country blocks names nothing (not the title's pair).
        (
            "Joint Statement between China and Laos\n\nThe Ravik Bridge opened, a new phase in "
            "China-Pakistan relations between the two countries.\n",
            {"country/cn", "country/pk"},
        ),
        (
            "Joint Statement between China and Laos\n\nChina and Vietnam met. The two sides "
            "welcomed the support of Kazakhstan.\n",
            set(),
        ),
        # "the China side" stands for China; the pair it makes holds on.
        (
            "Talks\n\nThe China side and the Pakistan side met. The two sides will build the "
            "Ravik Bridge.\n",
            {"country/cn", "country/pk"},
        ),
    ],
)
def test_the_two_sides_are_the_pair_last_named(tmp_path: Path, text: str, pair: set[str]) -> None:
    corpus = _extract_text(tmp_path, text)
    (doc,) = corpus.documents
    found = {m.entity for m in doc.mentions if m.rule == "both-sides"}
    assert found == pair


@pytest.mark.parametrize(
    ("adjective", "country"),
    [
        ("Kazakh", "country/kz"),  # a prefix of one country's name
        ("Lao", "country/la"),  # a name
        ("Kenyan", "country/ke"),  # name + ending
        ("Nigerian", "country/ng"),  # Nigeria, not Niger
        ("Dutch", "country/nl"),  # a demonym of countries.ttl
        ("Korean", None),  # two countries
        ("Andean", None),  # not And-orra
        ("Port", None),  # not Port-ugal
        ("Polish", "country/pl"),  # a demonym of countries.ttl
        ("Valdorian", None),  # none
    ],
)
def test_an_adjective_of_nationality_names_its_country(adjective: str, country: str | None) -> None:
    assert load_lexicon().nationality(adjective) == country


@pytest.mark.parametrize(
    ("sentence", "party"),
    [
        ("Laos has pledged to jointly develop the Pelmar Port.", "country/la"),
        ("Laos and Vietnam expressed readiness to launch the Pelmar Port.", "country/vn"),
        ("Laos will support the construction of the Pelmar Port.", None),  # no part in it
        ("Laos invited companies to build the Pelmar Port.", None),  # they build it
        ("The ministry of Laos said it will build the Pelmar Port.", None),  # no subject named
        ("Laos will not agree to finance the Pelmar Port.", None),
        ("Laos built the Pelmar Port when it was ready.", "country/la"),  # no undertaking
        ("Laos will oppose any attempt to build the Pelmar Port.", None),
        ("Exports to Laos will fund the Pelmar Port.", None),
        ("Neither of Laos and Vietnam will fund the Pelmar Port.", None),
        # Each subject undertakes its own: Laos builds the port, Vietnam finances the bridge.
        ("Laos will build the Pelmar Port and Vietnam will finance the Olm Bridge.", "country/la"),
    ],
)
def test_who_undertakes_to_build_a_thing_takes_part(
    tmp_path: Path, sentence: str, party: str | None
) -> None:
    corpus = _extract_text(tmp_path, f"Plans\n\n{sentence}\n")
    involves = _facts(corpus, "involves")
    parties = {agent for _, agent in involves}
    assert (party in parties) if party else not parties
    if "Olm Bridge" in sentence:
        assert (_entity(corpus, "Olm Bridge"), "country/la") not in involves


def test_chinese_sides_are_countries(tmp_path: Path) -> None:
    """中华人民共和国和哈萨克斯坦共和国…声明: 双方 are both; 哈方 is Kazakhstan, 中老两国 China and Laos;
    not 地方 (a place), 各方 (all parties), 土方 (earthwork) nor the 双方 of a deal (买卖双方)."""
    corpus = _extract_text(
        tmp_path,
        "中华人民共和国和哈萨克斯坦共和国联合声明\n\n双方同意推进科尔万铁路建设。\n\n"
        "哈方欢迎各方参与。地方政府表示支持。土方开挖已完成。买卖双方签约。\n\n中老两国共同建设了塔尔万大桥。\n",
    )
    (doc,) = corpus.documents
    sides = {(m.text, m.entity) for m in doc.mentions if m.rule in {"both-sides", "nation-side"}}
    assert sides == {
        ("双方", "country/cn"),
        ("双方", "country/kz"),
        ("哈方", "country/kz"),
        ("两国", "country/cn"),
        ("两国", "country/la"),
    }


def test_a_second_name_after_a_complete_body_name_is_its_own(tmp_path: Path) -> None:
    """A body named with its country ("... of the Republic of Kazakhstan", "... of China") is
    complete: "on the X Programme", "for the Y Project" and "and Z JSC" after it are other
    names, not more of its own."""
    corpus = _extract_text(
        tmp_path,
        "The Ministry of Trade and Integration of the Republic of Kazakhstan on the Veltra "
        "Digital Trade Programme signed a memorandum. The Development Bank of Kazakhstan for "
        "the Orvan Wind Power Project provided a loan. The National Railway Administration of "
        "China and Tessel Rail JSC signed an agreement.\n",
    )
    assert {
        "Ministry of Trade and Integration (Kazakhstan)",  # a country's body, labelled so
        "Development Bank (Kazakhstan)",
        "National Railway Administration of China",
        "Tessel Rail JSC",
    } <= _organizations(corpus)
    projects = {e.labels["en"] for e in corpus.entities.values() if e.type is EntityType.PROJECT}
    assert {"Veltra Digital Trade Programme", "Orvan Wind Power Project"} <= projects


def test_a_generic_agreement_names_nothing(tmp_path: Path) -> None:
    """ "the Loan Agreement", "a Framework Agreement": the kind of a document, which every
    document has one of, no node shared across the corpus; "the Orvan Transit Agreement" is
    a name."""
    corpus = _extract_text(
        tmp_path,
        "The Loan Agreement between Kenya and China was signed in 2025. A Framework Agreement "
        "and a Concession Agreement followed. The Orvan Transit Agreement entered into force "
        "in 2026.\n",
    )
    mechanisms = {
        e.labels["en"] for e in corpus.entities.values() if e.type is EntityType.MECHANISM
    }
    assert mechanisms == {"Orvan Transit Agreement"}


def test_a_lenders_loan_or_a_builders_cost_is_not_the_bodys_figure(tmp_path: Path) -> None:
    """A loan's sum is what it finances ("financed the X with a $2.4 billion loan", "Loan
    Agreement ... for the Y, in the amount of USD 780 million"), or no named thing's ("weighing
    a US$250 million loan for a solar project"); a cost "to be built by Uganda's Z" is not the
    builder's; a stake is no figure of its holder's. A body's own figure stays its own."""
    corpus = _extract_text(
        tmp_path,
        "The customs post, to be built by Uganda's Corvel Construction Ltd at a cost of 45 "
        "million dollars, is due to open in 2026. The Tarsk Development Bank was reported in "
        "2025 to be weighing a US$250 million loan for a solar project in Laos. The Tarsk "
        "Development Bank financed the Orvan Railway with a $2.4 billion loan.\n\n"
        "- Loan Agreement between the Tarsk Development Bank and the Corvel Bank for the Orvan "
        "Wind Power Project, in the amount of USD 780 million;\n\n"
        "Corvel Group will hold a 60 percent stake in the project company, and Tessel Holding "
        "will hold the remaining 40 percent. The Tessel Development Bank has a registered "
        "capital of US$10 billion.\n",
    )
    figures = {(subject, value) for subject, value, _unit in _quantities(corpus)}
    assert figures == {
        (_entity(corpus, "Orvan Railway"), 2.4e9),
        (_entity(corpus, "Orvan Wind Power Project"), 7.8e8),
        (_entity(corpus, "Tessel Development Bank"), 1e10),
    }


WIRE_STORY = """\
Coastal rail line secures loan

MOMBASA, May 4 (Wire) - Kenya and Tanzania secured a $1.8 billion loan from China's Export-Import Bank to build the Velmora Coastal Railway, officials said on Monday.
The 320-km Velmora Coastal Railway will link Mombasa and Tanga.
Officials said the talks had taken two years.
Critics questioned the size of the debt.
The ministry said tenders would follow.
Tessaly Rail Construction Corporation, a state-owned contractor based in Wuhan, won the engineering, procurement and construction contract for the line in January 2026.
Kerrow Freight Ltd, a joint venture between the Dunmore Port Authority and Tessaly Rail Construction Corporation, will operate the railway for its first ten years.
The railway is part of the Amber Coast Freight Corridor.
"""


def test_a_news_story_names_borrowers_lender_contractor_and_operator(tmp_path: Path) -> None:
    """News wording of a project's parties: "A and B secured a loan from L to build the X" (the
    lender the body of "China's Export-Import Bank", the lexicon's Export-Import Bank of China;
    the sum the X's), "C won the ... contract for the line", "O, a joint venture between D and
    C, will operate the railway" (the venture is D's and C's, and so is the railway it runs);
    and "the railway" many sentences on is the one railway the story named."""
    corpus = _extract_text(tmp_path, WIRE_STORY)
    railway = _entity(corpus, "Velmora Coastal Railway")
    contractor = _entity(corpus, "Tessaly Rail Construction Corporation")
    operator = _entity(corpus, "Kerrow Freight Ltd")
    port = _entity(corpus, "Dunmore Port Authority")
    bank = "organization/export-import-bank-of-china"
    involves = _facts(corpus, "involves")
    for party in ("country/ke", "country/tz", bank, contractor, operator):
        assert (railway, party) in involves, party
    assert {(operator, port), (operator, contractor), (railway, port)} <= involves
    assert "organization/china-export-import-bank" not in corpus.entities
    assert (railway, 1.8e9, "USD") in _quantities(corpus)
    assert (railway, _entity(corpus, "Amber Coast Freight Corridor")) in _facts(corpus, "partOf")


def test_a_contract_from_a_client_and_a_loan_from_a_countrys_body(tmp_path: Path) -> None:
    """ "won a $600 million contract from the Y Authority to build the X": the contractor and
    the sum are the X's; "from China's state-owned Export-Import Bank in 2024 to build the Z":
    the bank lends, past its adjective and a year; "C, which operates in 12 countries, won"."""
    corpus = _extract_text(
        tmp_path,
        "Road news\n\nTessaly Harbour Engineering Company won a $600 million contract from the "
        "Road Development Authority to build the Galvo Harbour Expressway.\nSri Lanka secured a "
        "loan from China's state-owned Export-Import Bank in 2024 to build the Matara Coastal "
        "Railway.\nSino Tarsk Road Corp, which operates in 12 countries, won a contract for the "
        "Matara Bypass Bridge.\n",
    )
    involves = _facts(corpus, "involves")
    expressway = _entity(corpus, "Galvo Harbour Expressway")
    assert (expressway, _entity(corpus, "Tessaly Harbour Engineering Company")) in involves
    assert (expressway, 6e8, "USD") in _quantities(corpus)
    railway = _entity(corpus, "Matara Coastal Railway")
    assert (railway, "country/lk") in involves
    assert (railway, "country/cn") not in involves
    # the lexicon's bank past "state-owned", not a second "Export-Import Bank" node
    assert (railway, "organization/export-import-bank-of-china") in involves
    bridge = _entity(corpus, "Matara Bypass Bridge")
    assert (bridge, _entity(corpus, "Sino Tarsk Road Corp")) in involves


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenya received a loan from China last year.",  # for nothing named
        "The bank won praise for the Velmora Coastal Railway.",  # no contract
        "Kenya secured a loan from China, and Tanzania will build the Velmora Coastal Railway.",
        "Tessaly Rail Construction Corporation will operate in the Velmora Coastal Railway zone.",
        "Uganda has not secured a loan from the Tarsk Bank to build the Velmora Coastal Railway.",
        "The World Bank raised concerns about the loan from China to build the Velmora Coastal"
        " Railway.",
        "President Anura Dissan won the election and scrapped the contract for the Velmora"
        " Coastal Railway.",
        # the verb's subject is Zhonghai, not the company it outbid (found by no rule yet)
        "Zhonghai Rail Co outbid Tessaly Rail Corporation and won the contract for the Velmora"
        " Coastal Railway.",
    ],
)
def test_no_party_without_the_role_and_its_work(tmp_path: Path, sentence: str) -> None:
    corpus = _extract_text(tmp_path, f"Rail news\n\n{sentence}\n")
    rules = {f.evidence.rule for doc in corpus.documents for f in doc.facts}
    assert not rules & {"borrower", "lender", "contractor", "operator"}


def test_the_railway_far_back_is_the_one_railway_named(tmp_path: Path) -> None:
    """Past the short-form window, "the railway" is the story's railway if it named one, and
    nothing if it named two."""
    filler = "Officials said the talks had taken two years. Critics questioned the debt.\n" * 3
    one = _extract_text(
        tmp_path,
        f"Rail\n\nThe Velmora Railway opened.\n{filler}"
        f"The railway is part of the Amber Coast Corridor.\n{filler}The railway will carry freight.\n",
    )
    assert _facts(one, "partOf") == {
        (_entity(one, "Velmora Railway"), _entity(one, "Amber Coast Corridor"))
    }
    railway = _entity(one, "Velmora Railway")
    short_forms = [m for d in one.documents for m in d.mentions if m.rule == "coreference"]
    assert [(m.text, m.entity) for m in short_forms] == [("The railway", railway)] * 2
    two = _extract_text(
        tmp_path,
        f"Rail\n\nThe Velmora Railway and the Tarsk Railway opened.\n{filler}"
        "The railway is part of the Amber Coast Corridor.\n",
    )
    assert not _facts(two, "partOf")
    # Another port brought in ("plans a new port"): "the port" is that one, not the named one;
    # "the port city" is no port.
    ports = _extract_text(
        tmp_path,
        f"Ports\n\nThe Velmora Port opened.\n{filler}Tanzania plans a new port at Bagamoyo.\n"
        "The port is part of the Amber Coast Corridor. The port city of Tanga is growing.\n",
    )
    assert not _facts(ports, "partOf")
    short_forms = [m.text for d in ports.documents for m in d.mentions if m.rule == "coreference"]
    assert short_forms == []


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("It was signed by Treasury Cabinet Secretary Daniel Mwarengo.", "Daniel Mwarengo"),
        ("Minister of Infrastructure Jean-Pascal Habirama said so.", "Jean-Pascal Habirama"),
        ("Liu Zhenhao, vice president of the Tarsk Bank, signed it.", "Liu Zhenhao"),
        ("Korvan Abdylov, Secretary General of the Tarsk Association, said so.", "Korvan Abdylov"),
        ("The contractor's chairman, Zhao Mingrui, said work would begin.", "Zhao Mingrui"),
        ("(Reporting by Amina Kiprola in Colombo and Tom Hallwell)", "Tom Hallwell"),
        ("Editing by Kirsten Donal and Susan Fentry", "Susan Fentry"),
        ("Kenya Railways, the operator of the line, said so.", None),  # a body, no title
        ("Tarsk Railways, chief executive of the line, said so.", None),  # a name's head
        ("Speaking in Addis Ababa, the minister said so.", None),  # a place
        ("Goldman Sachs, chief economist Paul Obira said so.", "Paul Obira"),  # his title
        ("President Ruto-Raila talks ended.", "Ruto"),  # no hyphenated given name
        ("Editing by Global Times Staff", None),  # a desk
        ("The Chinese ambassador, Qi Zhenrong, attended.", "Qi Zhenrong"),
        ("Secretary of State Aigerim Nurlanova attended.", "Aigerim Nurlanova"),
    ],
)
def test_persons_beside_their_titles(tmp_path: Path, sentence: str, person: str | None) -> None:
    """A title before the name ("Cabinet Secretary X", "Minister of Infrastructure Jean-Pascal
    Y": a hyphenated given name whole), after it in apposition ("X, vice president of", "X,
    Secretary General of", "the contractor's chairman, X,") and a wire's credits."""
    corpus = _extract_text(tmp_path, f"News\n\n{sentence}\n")
    persons = {e.labels.get("en") for e in corpus.entities.values() if e.type is EntityType.PERSON}
    assert persons >= {person} if person else not persons
    assert len(persons) <= 2 and not {"Goldman Sachs", "Ruto-Raila"} & persons


def test_a_person_named_in_full_is_later_the_speaker_of_one_name(tmp_path: Path) -> None:
    """ "Mwarengo told reporters", "said Tawila", "Were said": the person named in full before,
    labelled by the full name; not "Mwarengo Road is closed" nor "Were the talks hard?", where
    the name is no speaker, nor a name two persons share."""
    corpus = _extract_text(
        tmp_path,
        "Loan signed\n\nTreasury Cabinet Secretary Daniel Mwarengo and Minister of Works Grace "
        'Tawila signed the deal.\n"This is a good day," Mwarengo told reporters.\n"Work starts '
        'soon," said Tawila.\nMwarengo Road is closed.\nOpposition lawmaker Peter Were called '
        'the loan a mistake. Were the talks hard? "We are borrowing in dollars," Were said.\n'
        "President Ana Kollo and Minister of Trade Ben Kollo met. Kollo said it went well.\n"
        'Her deputy, Peter Odenyo, spoke. Authorities in Tawila said so. "Yes," Odenyo '
        "said.\nChinese President Xi Jinping sent a letter. The President said it was good. Xi "
        "said the line mattered.\n",
    )
    found = [
        (m.text, m.entity) for d in corpus.documents for m in d.mentions if m.rule == "person-name"
    ]
    assert found == [
        ("Mwarengo", _entity(corpus, "Daniel Mwarengo")),
        ("Tawila", _entity(corpus, "Grace Tawila")),
        ("Were", _entity(corpus, "Peter Were")),
        ("Odenyo", _entity(corpus, "Peter Odenyo")),  # named beside a title: "Her deputy, X,"
        ("Xi", "person/xi-jinping"),  # not "President", the title of the lexicon's name
    ]  # "in Tawila" is a place


def test_an_initiatives_projects_including_a_list_are_its_parts(tmp_path: Path) -> None:
    """ "landmark Belt and Road projects coming to fruition, including the X (X Express), the Y
    and the Z", "the W Corridor projects such as the V": each listed project is part of the
    initiative or corridor named before "projects"; not a list after "has projects in"."""
    corpus = _extract_text(
        tmp_path,
        "Projects\n\nWe have seen a series of landmark Belt and Road projects coming to fruition, "
        "including the Tarvo Rail Express (TR Express), the Korvell Port and the Selwyn Bridge.\n"
        "The Amber Coast Corridor projects such as the Dunmore Dry Port are on track.\n"
        "The Velmora Corridor has projects in many countries, including the Olm Railway.\n",
    )
    bri = "initiative/belt-and-road-initiative"
    corridor = _entity(corpus, "Amber Coast Corridor")
    assert _facts(corpus, "partOf") == {
        (_entity(corpus, "Tarvo Rail Express"), bri),
        (_entity(corpus, "Korvell Port"), bri),
        (_entity(corpus, "Selwyn Bridge"), bri),
        (_entity(corpus, "Dunmore Dry Port"), corridor),
    }


def test_a_contractor_named_as_such_and_an_unnamed_works_builder(tmp_path: Path) -> None:
    """ "C is the main contractor for the X" and "D, the EPC contractor for the Y," are parties;
    "under an EPC contract worth $420 million" is no figure of C's; "linked to the Z through a
    65-km spur line built by E": E built the line, not the Z; an appositive line is the name's."""
    corpus = _extract_text(
        tmp_path,
        "Port news\n\nTarsk Coastal Engineering Corporation is the main contractor for the "
        "Kestrel Bay Terminal, under an EPC contract worth $420 million.\nOrvan Rail Group, the "
        "EPC contractor for the Selwyn Railway, said work began.\nThe port will be linked to the "
        "Amber Corridor railway through a 65-kilometre spur line built by Shenlan Rail Group.\n"
        "The Tarvo Railway, a 310-km line built by Korvan Rail Group, opened.\n",
    )
    involves = _facts(corpus, "involves")
    assert {
        (
            _entity(corpus, "Kestrel Bay Terminal"),
            _entity(corpus, "Tarsk Coastal Engineering Corporation"),
        ),
        (_entity(corpus, "Selwyn Railway"), _entity(corpus, "Orvan Rail Group")),
        (_entity(corpus, "Tarvo Railway"), _entity(corpus, "Korvan Rail Group")),
    } <= involves
    shenlan = _entity(corpus, "Shenlan Rail Group")
    assert not {subject for subject, party in involves if party == shenlan}
    contractor = _entity(corpus, "Tarsk Coastal Engineering Corporation")
    assert not {key for key in _quantities(corpus) if key[0] == contractor}


def test_a_plan_dates_a_planned_event_kept_apart_from_what_happened(tmp_path: Path) -> None:
    """ "is expected to be completed by", "will begin operations in", "is scheduled to begin",
    "will be held": each plans its event for the date; "was originally due to open in 2020 but
    opened in 2023" plans one opening and reports the other. A hedge ("could"), a duty
    ("needs to", "must") or a verb in the base form with no plan before it dates nothing."""
    corpus = _extract_text(
        tmp_path,
        "The Marovia Rail Link, a 310-kilometre line in Kenya, is expected to be completed by "
        "the end of 2027, the ministry said.\n"
        "The Dalmen Deep-Water Port in Tanzania will begin operations in March 2026.\n"
        "Construction of the Ulvar Expressway is scheduled to begin in 2025.\n"
        "The Sorrel Bay Bridge was originally due to open in 2020 but opened in 2023.\n"
        "The Fifth Ostrava Connectivity Forum will be held in Nairobi in October 2026.\n"
        "The Halvik Solar Park could be commissioned in 2029 if financing is found.\n"
        "The Pemba Ring Road needs to be completed by 2028.\n"
        "The Quenby Dry Port must open in 2026.\n",
    )
    entity = partial(_entity, corpus)
    assert _events(corpus, planned=True) == {
        (entity("Marovia Rail Link"), "completion", "2027"),
        (entity("Dalmen Deep-Water Port"), "startOfOperation", "2026-03"),
        (entity("Ulvar Expressway"), "launch", "2025"),
        (entity("Sorrel Bay Bridge"), "opening", "2020"),
        (entity("Ostrava Connectivity Forum"), "holding", "2026-10"),
    }, _events(corpus, planned=True)
    assert _events(corpus) == {(entity("Sorrel Bay Bridge"), "opening", "2023")}, _events(corpus)
    rules = {f.evidence.rule for d in corpus.documents for f in d.facts if f.planned}
    kinds = ("completion", "startOfOperation", "launch", "opening", "holding")
    assert rules == {f"event-{kind}-planned" for kind in kinds}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Velmora Rail Link that is expected to carry 5 million passengers opened in 2019.",
        "In 2015 Kenya agreed to finance the Velmora Rail Link that opened in 2019.",
        "It would be another three years before the Velmora Rail Link opened in 2023.",
        "Thanks to the political will of both governments the Velmora Rail Link was completed "
        "in 2021.",
        "The Velmora Rail Link will remain open in 2027 during the works.",
        "The Velmora Rail Link will be open in 2027.",
    ],
)
def test_a_cue_that_governs_another_verb_plans_nothing(tmp_path: Path, sentence: str) -> None:
    """A plan's cue plans the verb right after it (adverbs and auxiliaries aside): not a verb of
    a relative clause it does not govern, nor "open" as an adjective; nor is the noun "will" a
    cue. (The cue still leaves such a verb undecided, as before plans were read.)"""
    corpus = _extract_text(tmp_path, sentence + "\n")
    assert not _events(corpus, planned=True), _events(corpus, planned=True)


def test_a_second_plan_joined_by_and_to_takes_its_own_deadline(tmp_path: Path) -> None:
    """ "scheduled to start in September 2026 and to be completed by the end of 2028": two
    plans, each with its date; the deadline right after the second verb is its own, not the
    first verb's month."""
    corpus = _extract_text(
        tmp_path,
        "Construction of the Altyn Hub is scheduled to start in September 2026 and to be "
        "completed by the end of 2028.\n",
    )
    hub = _entity(corpus, "Altyn Hub")
    assert _events(corpus, planned=True) == {
        (hub, "launch", "2026-09"),
        (hub, "completion", "2028"),
    }


# Places after a name that are no name themselves: cities and the regions of one country.
PLACE_PHRASES = """\
Where the Plants Stand

The Velmora Cement Plant, located in Osh Region, was completed in 2023.
The Tarkan Solar Park in Punjab Province was completed in 2022.
The Zemlo Hydropower Station, located in Mombasa, was opened in 2021.
The Ardent Logistics Hub in Balochistan was inaugurated in 2020.
The Kessar Industrial Park, in Xinjiang Uygur Autonomous Region, opened in 2019.
The Drava Wind Farm in the Sindh province of Pakistan started operations in 2018.
The Polva Dam in Santo Domingo de los Colorados, Ecuador, will be completed in 2027.
The Ornel Textile Park in Punjab has hired 900 workers.
The Quessa Bridge in March 2024 carried 9,000 vehicles.
The Tavlin Railway in Central Province opened in 2015.
The Tallinn Cement Plant, located in Mombasa, was completed in 2020.
The Lorr Industrial Park in Guangxi Zhuang Autonomous Region opened in 2019.
The Arlen Power Plant in Central Java opened in 2020.
The Belo Solar Park, the largest solar park in Asia, opened in 2020.
The Dorn Terminal in the Gulf of Aden opened in 2020.
The Sarn Port in Hyderabad, Sindh opened in 2020.
The Mell Park in Victoria opened in 2020.
"""


@pytest.mark.parametrize(
    ("label", "country"),
    [
        ("Velmora Cement Plant", "kg"),  # a region of one country
        ("Tarkan Solar Park", "pk"),  # Pakistan's Punjab is a province, India's a state
        ("Zemlo Hydropower Station", "ke"),  # a city
        ("Ardent Logistics Hub", "pk"),  # a region without its kind
        ("Kessar Industrial Park", "cn"),  # an English name for a Chinese one
        ("Drava Wind Farm", "pk"),  # "the Sindh province of Pakistan"
        ("Polva Dam", "ec"),  # the country the text gives, not Santo Domingo's
        ("Tallinn Cement Plant", "ke"),  # the place stated, not the city in the name
        ("Lorr Industrial Park", "cn"),  # "Guangxi Zhuangzu Zizhiqu" in ISO 3166-2
        ("Arlen Power Plant", "id"),  # "Central Java" whole, not the US town Central
    ],
)
def test_a_city_or_region_after_a_name_places_it(tmp_path: Path, label: str, country: str) -> None:
    corpus = _extract_text(tmp_path, PLACE_PHRASES)
    located = {o for s, o in _facts(corpus, "locatedIn") if s == _entity(corpus, label)}
    assert located == {f"country/{country}"}


@pytest.mark.parametrize(
    "label",
    [
        "Ornel Textile Park",  # Punjab is in India and in Pakistan
        "Quessa Bridge",  # a month, not a town
        "Tavlin Railway",  # many countries have a Central Province
        "Belo Solar Park",  # a continent
        "Dorn Terminal",  # "the Gulf of Aden": a place of another
        "Sarn Port",  # a city, then the region that says which (not India's Hyderabad)
        "Mell Park",  # a city in Canada and the Seychelles, a state of Australia
    ],
)
def test_a_place_of_several_countries_places_nothing(tmp_path: Path, label: str) -> None:
    corpus = _extract_text(tmp_path, PLACE_PHRASES)
    assert not {o for s, o in _facts(corpus, "locatedIn") if s == _entity(corpus, label)}


REGION_PHRASES = """\
Plants in Regions

The Velmora Nickel Smelter in Central Sulawesi was completed in 2023.
The Tarkan Solar Park, located in West Java, was completed in 2022.
The Zemlo Hydropower Station in Tashkent Region opened in 2021.
The Ardent Logistics Hub in Inner Mongolia was inaugurated in 2020.
The Kessar Wind Farm in the Tibet Autonomous Region opened in 2019.
The Drava Copper Mine in South Gobi Province started operations in 2018.
The Polva Dam in Mangystau will be completed in 2027.
The Quessa Bridge in Siem Reap Province carried 9,000 vehicles.
The Ornel Textile Park in Central Province has hired 900 workers.
The Arlen Power Plant near Inner Mongolia opened in 2020.
"""


@pytest.mark.parametrize(
    ("label", "country"),
    [
        ("Velmora Nickel Smelter", "id"),  # ISO's "Sulawesi Tengah"
        ("Tarkan Solar Park", "id"),  # "Jawa Barat"
        ("Zemlo Hydropower Station", "uz"),  # "Toshkent"
        ("Ardent Logistics Hub", "cn"),  # a place the lexicon knows, in China
        ("Kessar Wind Farm", "cn"),  # "Xizang Zizhiqu"
        ("Drava Copper Mine", "mn"),  # "Ömnögovĭ"
        ("Polva Dam", "kz"),  # "Mangghystaū oblysy"
        ("Quessa Bridge", "kh"),  # "Siem Reab"
        ("Ornel Textile Park", None),  # many countries have a Central Province
        ("Arlen Power Plant", None),  # a region nearby may be another country's
    ],
)
def test_an_english_name_of_a_region_places_a_project(
    tmp_path: Path, label: str, country: str | None
) -> None:
    """Regions whose English names ISO 3166-2 spells otherwise (ontology/regions.ttl)."""
    corpus = _extract_text(tmp_path, REGION_PHRASES)
    located = {o for s, o in _facts(corpus, "locatedIn") if s == _entity(corpus, label)}
    assert located == ({f"country/{country}"} if country else set())


NEAR_PLACES = """\
Plants Near Cities

The Velmora Cement Plant, located near Lahore, was completed in 2023.
The Tarkan Solar Park is in the port city of Mombasa.
The Zemlo Hydropower Station in the city of Osh opened in 2021.
The Ardent Logistics Hub outside Nairobi was inaugurated in 2020.
The Kessar Industrial Park, on the outskirts of Tashkent, opened in 2019.
The Ornel Textile Park, in the northern city of Kashgar, has hired 900 workers.
The Drava Wind Farm near Balochistan started operations in 2018.
The Polva Dam near Kenya will be completed in 2027.
The Zerin Glass Plant, built near Samarkand, was financed by a bank.
The Vessa Copper Smelter, located near Lao Cai, exports copper.
The Kessa Dam, a project close to Beijing, was delayed.
The Rimo Power Plant, the largest such plant outside Tashkent, was delayed.
The Selko Dam, a partner of firms in Inner Mongolia, was delayed.
The Hollin Gas Plant, an importer in Penang said, will be delayed.
"""


@pytest.mark.parametrize(
    ("label", "country", "rule"),
    [
        ("Velmora Cement Plant", "pk", "near-city"),
        ("Tarkan Solar Park", "ke", "in-city"),
        ("Zemlo Hydropower Station", "kg", "in-city"),
        ("Ardent Logistics Hub", "ke", "near-city"),
        ("Kessar Industrial Park", "uz", "near-city"),
        ("Ornel Textile Park", "cn", "in-city"),
        ("Drava Wind Farm", None, None),  # a region next door may be another country's
        ("Polva Dam", None, None),  # so may a country: near Kenya is not in it
        ("Zerin Glass Plant", "uz", "near-city"),  # the city, though a region bears its name
        ("Vessa Copper Smelter", "vn", "near-city"),  # a city the lexicon knows as a place
        ("Kessa Dam", None, None),  # "close to" a capital in politics, not in place
        ("Rimo Power Plant", None, None),  # "outside" as "other than"
        ("Selko Dam", None, None),  # the place of another phrase's firms
        ("Hollin Gas Plant", None, None),  # the place of a speaker
    ],
)
def test_the_city_of_a_place_and_a_city_nearby_place_it(
    tmp_path: Path, label: str, country: str | None, rule: str | None
) -> None:
    """ "in the port city of Mombasa" is in Kenya; "near Lahore" in Pakistan, by its own
    rule."""
    corpus = _extract_text(tmp_path, NEAR_PLACES)
    subject = _entity(corpus, label)
    located = {
        (fact.object, fact.evidence.rule)
        for doc in corpus.documents
        for fact in doc.facts
        if fact.predicate == "locatedIn" and fact.subject == subject
    }
    assert located == ({(f"country/{country}", rule)} if country else set())


def test_each_subject_of_a_verb_of_one_kind_gets_its_own_event(tmp_path: Path) -> None:
    """Two verbs of one kind in a sentence, each with its subject and date: two events, planned
    or done; a second verb of the kind on the same subject adds none."""
    corpus = _extract_text(
        tmp_path,
        "The Ardent Port will open in 2026 and the Zemlo Bridge will open in 2027.\n"
        "The Velm Railway was completed in 2019 and the Tarsk Bridge was completed in 2021.\n"
        "The Orvel Tunnel opened in 2018, and the opening of the Orvel Tunnel drew crowds in "
        "2020.\n",
    )
    assert _events(corpus, planned=True) == {
        (_entity(corpus, "Ardent Port"), "opening", "2026"),
        (_entity(corpus, "Zemlo Bridge"), "opening", "2027"),
    }
    assert _events(corpus) == {
        (_entity(corpus, "Velm Railway"), "completion", "2019"),
        (_entity(corpus, "Tarsk Bridge"), "completion", "2021"),
        (_entity(corpus, "Orvel Tunnel"), "opening", "2018"),
    }


def test_a_verb_in_s_before_to_is_the_names_verb(tmp_path: Path) -> None:
    """ "The X plans to open in 2027": "plans" is the X's verb, not a noun the X modifies."""
    corpus = _extract_text(tmp_path, "The Pelgrave Railway plans to open in 2027.\n")
    assert _events(corpus, planned=True) == {
        (_entity(corpus, "Pelgrave Railway"), "opening", "2027")
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "The Velmora Cement Plant began production in 2023.",
        "The Tarvel Power Station began generating power in 2023.",
        "The Dunlin Refinery commenced commercial production in 2023.",
        "The Quorra Steel Mill started operating in 2023.",
    ],
)
def test_first_output_starts_operation(tmp_path: Path, sentence: str) -> None:
    corpus = _extract_text(tmp_path, sentence + "\n")
    assert {(kind, date) for _, kind, date in _events(corpus)} == {("startOfOperation", "2023")}
