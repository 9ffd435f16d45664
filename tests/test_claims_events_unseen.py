"""Events without a figure in the shapes unseen news tells them (issue 17), with articles of
our own through `claimmap extract`:

- a death told without a number beside a count of others ("A woman was killed and three
  people were wounded when ..."), a boat that sank;
- storms in the plural and what they tore or flattened; homes damaged, a loss of shelter
  (humanitarian), in a sentence or a list ("- X: Homes damaged, four businesses ...");
- a disease told where it is without a count ("reports of measles cases in the town of X",
  "a recent mpox case from X"), a vaccination campaign over districts;
- an emergency in force ("An emergency declaration remains in place for X", "declared a
  top-level emergency"), a winner announced, a council's act ("approved the budget");
- links lost ("have lost road connectivity with the rest of the country");
- attacks in the plural ("launched a number of attacks on army posts"); rain "causing"
  damage or "resulting in blocked roads"; a plant's closure, an economic event;
- a second incident of one kind in a later clause that names places of its own ("sustained a
  direct hit, and impacts were also reported in A, B and C"; protests in a country, tear gas
  in one of its cities);
- schools closed and a hospital out of service, humanitarian ("forcing schools to close across
  A, B and C", "the hospital ..., raided last week, is no longer operational"); a river over its
  banks, a flood (humanitarian);
- an act of "provincial officials" with no place named, on the story's province;
- a clash whose place is its subject's, across an appositive ("Residents in X, another city in
  central Gaza, witnessed intense clashes");

and what is no event: a question ("investigating whether a gas leak caused the blast"),
a body named after a hazard ("the Flood Recovery Agency said"), an incident said not to
have happened ("reported no measles cases", "no injuries were reported"), the noun a
figure counts ("60 per cent of dengue cases", "two fishermen who drowned", "the number of
districts with outbreaks", "attacks against four villages"), a boat referred back to ("The ferry that sank ... was
overloaded"), what a place is prone to ("is prone to landslides ..., with heavy rain causing
floods"), an incident whose figure is the object of its own verb ("the cyclone caused a loss
of 200 million rupees", "the collapse that trapped 12 miners"), closures referred back ("The
closures left a bitter taste"), people carried somewhere ("were taken to the hospital",
"took to the streets": no capture), a sentence that opens on a condition ("If not approved,
..., stop work orders would have to be issued"), an epicentre (where the quake was, told with it), an incident avoided ("to avoid
encirclement"), and, outside a war story, a bare "whose house was hit".
"""

from __future__ import annotations

import pytest
from common import events_on_line, extract_all

DAY = "2024-05-10"

ARTICLES = {
    "war": """Strikes in Donetsk region

A woman was killed and three people were wounded when a rocket struck a shop in Kramatorsk on Friday.
""",
    "storm": """Storms across Kentucky

Thursday night's wave of storms that tore through the valley flattened a church on Main Street in Bowling Green.

A fisherman drowned in March after his boat sank on a lake near Paducah, according to the police.

The bodies of two fishermen who drowned in the river near Owensboro were found on Sunday.

The ferry that sank near Louisville on Tuesday was overloaded.

Only one man, whose house was hit, was hurt in Owensboro.

The state's Flood Recovery Agency said crews in Frankfort were working through the night.

In Elizabethtown, many homes were badly damaged.

- Glasgow: Homes damaged, four businesses and two roads closed.
""",
    "health": """Measles and mpox in Uganda

Health officials say there are now reports of measles cases in the town of Kasese.

A recent mpox case from Mbarara worried doctors.

Health workers have carried out vaccination campaigns covering the districts of Gulu and Lira.

Officials said 60 per cent of dengue cases were recorded in Kampala.

The number of districts with outbreaks of measles rose from 12 to 15 in a week.

The district of Jinja reported no measles cases in 2019.
""",
    "vote": """A vote in Malawi

Joseph Banda has been announced as winner of Malawi's presidential election.

The Lilongwe city council unanimously approved the budget on Monday.
""",
    "emergency": """Floods in New South Wales

An emergency declaration remains in place for Dubbo after hundreds of residents were evacuated on Sunday.

Officials in New South Wales declared a top-level emergency on Monday.

Police in Orange are still investigating whether a gas leak caused the blast.

No injuries were reported in Bathurst.
""",
    "sahel": """Attacks in Mali

The insurgents said they had launched a number of attacks on army posts near Gao on Thursday.

Gunmen carried out attacks against four villages near Mopti on Friday.
""",
    "rain": """Rain and a factory in California

It was the same story in the north, with "torrential" rain in Santa Rosa causing damage to homes.

Heavy rain also fell on Fresno, resulting in blocked roads and delays to train services.

The plant closure in Stockton is expected to be completed by the end of 2025, the company said.
""",
    "monsoon": """Monsoon in India

The coast of Kerala is prone to landslides during the monsoon, with heavy rain causing floods in low-lying areas.

The cyclone caused a loss of at least 200 million rupees in Odisha, officials said.

The closures left a bitter taste in Pune, the union said.

Rescuers in Kolar were searching for the exact location of the collapse that trapped 12 miners.
""",
    "missiles": """Missiles on Israel

Haifa's Rambam hospital sustained a direct hit, and impacts were also reported in Netanya, Hadera and Afula.
""",
    "peru": """Protests in Peru

As anti-government protests in Peru turned violent, riot police fired tear gas at demonstrators in Cusco on Tuesday.
""",
    "gaza": """Fighting in Gaza

Residents in Deir al-Balah, another city in central Gaza, witnessed intense clashes between militants and soldiers early on Tuesday.

The Al-Awda hospital in Gaza City, raided by soldiers last week, is no longer operational, the WHO said.
""",
    "quake": """Quake in Azad Kashmir

In Mirpur, a water tower collapsed, and power outages swept the city, forcing schools to close across Kotli, Bagh and Rawalakot.

The Indus burst its banks near Sukkur on Tuesday.
""",
    "kaduna": """A fire in Kaduna

Four traders were injured and were taken to the Kaduna General Hospital for treatment.

Hundreds of residents took to the streets of Zaria on Monday.

If not approved, the project would end, and stop work orders would have to be issued in Kano.

Rebels had taken the town of Birnin Gwari by Friday.

The decision was taken to avoid encirclement, the commander in Kachia said.
""",
    "kerman": """A quake in Iran

Dozens of people were injured in the town of Ravar, close to the epicentre of the quake.

The epicentre was located 60 kilometres from Kerman.
""",
    "sichuan": """Quake in Sichuan

A strong earthquake struck Kangding in Sichuan on Monday, killing 46 people.

Provincial officials declared a top-level emergency on Monday night.
""",
    "links": """Floods in the northeast

Because of the floods, Manipur and Nagaland have lost road connectivity with the rest of the country.
""",
}

EVENTS = [
    ("war", "A woman was killed", "casualties", "Kramatorsk"),
    ("storm", "wave of storms that tore", "humanitarian", "Bowling Green"),
    ("storm", "his boat sank", "humanitarian", "Paducah"),
    ("storm", "many homes were badly damaged", "humanitarian", "Elizabethtown"),
    ("storm", "Glasgow: Homes damaged", "humanitarian", "Glasgow"),
    ("health", "reports of measles cases", "humanitarian", "Kasese"),
    ("health", "recent mpox case", "humanitarian", "Mbarara"),
    ("health", "vaccination campaigns covering", "humanitarian", "Gulu"),
    ("vote", "announced as winner", "political", "Malawi"),
    ("vote", "approved the budget", "political", "Lilongwe"),
    ("emergency", "emergency declaration remains", "political", "Dubbo"),
    ("emergency", "declared a top-level emergency", "political", "New South Wales"),
    ("links", "lost road connectivity", "infrastructure", "Manipur"),
    ("sahel", "launched a number of attacks", "military", "Gao"),
    ("rain", "rain in Santa Rosa causing", "humanitarian", "Santa Rosa"),
    ("rain", "resulting in blocked roads", "infrastructure", "Fresno"),
    ("rain", "The plant closure", "economic", "Stockton"),
    ("missiles", "sustained a direct hit", "military", "Haifa"),
    ("missiles", "impacts were also reported", "military", "Netanya"),
    ("peru", "anti-government protests", "political", "Peru"),
    ("peru", "fired tear gas", "political", "Cusco"),
    ("gaza", "witnessed intense clashes", "military", "Dayr al Bala"),
    ("gaza", "is no longer operational", "humanitarian", "Gaza"),
    ("quake", "forcing schools to close", "humanitarian", "Rawalakot"),
    ("quake", "burst its banks", "humanitarian", "Sukkur"),
    ("kaduna", "had taken the town", "territorial", "Birnin"),
    ("sichuan", "Provincial officials declared", "political", "Sichuan"),
]

NO_EVENT = [
    ("storm", "two fishermen who drowned"),
    ("storm", "The ferry that sank"),
    ("storm", "whose house was hit"),
    ("storm", "Flood Recovery Agency"),
    ("health", "60 per cent of dengue cases"),
    ("health", "districts with outbreaks"),
    ("health", "reported no measles cases"),
    ("emergency", "investigating whether"),
    ("emergency", "No injuries were reported"),
    ("sahel", "attacks against four villages"),
    ("monsoon", "is prone to landslides"),
    ("monsoon", "caused a loss of at least"),
    ("monsoon", "The closures left"),
    ("monsoon", "collapse that trapped 12 miners"),
    ("kaduna", "were taken to the Kaduna General Hospital"),
    ("kaduna", "took to the streets"),
    ("kaduna", "stop work orders would"),
    ("kaduna", "to avoid encirclement"),
    ("kerman", "close to the epicentre"),
    ("kerman", "The epicentre was located"),
]


def test_a_plant_closure_is_economic_only(docs):
    events, _ = _events(docs, "rain", "The plant closure")
    assert [c["category"] for c in events] == ["economic"], [(c["category"], c["quote"]) for c in events]


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    return extract_all(tmp_path_factory.mktemp("unseen"), ARTICLES, DAY)


def _events(docs, name, words):
    claims, places = docs[name]
    return events_on_line({"claims": claims}, ARTICLES[name], words), places


@pytest.mark.parametrize("name,words,category,place", EVENTS)
def test_the_event_is_found_with_its_category_and_place(docs, name, words, category, place):
    events, places = _events(docs, name, words)
    names = {k: p["name"] for k, p in places.items()}
    assert any(c["category"] == category and any(place in names.get(k, k) for k in c["places"])
               for c in events), [(c["category"], [names.get(k, k) for k in c["places"]]) for c in events]


@pytest.mark.parametrize("name,words", NO_EVENT)
def test_what_did_not_happen_or_is_counted_is_no_event(docs, name, words):
    events, _ = _events(docs, name, words)
    assert not events, [(c["category"], c["places"], c["quote"]) for c in events]
