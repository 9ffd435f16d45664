"""Claims extraction: the first article's acceptance sheet, then each kind of figure, date,
attribution and relation on the team's own test articles (real geoparser, real gazetteer)."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest
import yaml

from layers.text.article import read_article
from layers.text.attribution import find_attribution
from layers.text.dates import find_dates
from layers.text.claims import extract, mark_conflicts
from layers.text.figures import find_figures
from layers.model import CATEGORIES, Claim
from layers.text.sentences import split_clauses, split_sentences

HERE = Path(__file__).parent
from common import SHARED  # noqa: E402
SHEET = SHARED / "expected" / "pokrovsk-2025-06-29.yaml"
ARTICLES = HERE / "data" / "articles"


def _check_expected():
    spec = importlib.util.spec_from_file_location("check_expected", SHARED / "tools" / "check_expected.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def pokrovsk(first_doc):
    return first_doc


def _props(c: Claim) -> tuple[dict, str]:
    """A claim as the builder writes it (flat properties) and its geometry type."""
    props = c.to_dict()
    props["place_ids"] = "; ".join(c.place_ids)
    props["conflicts_with"] = "; ".join(c.conflicts_with)
    geom = "LineString" if c.relation and len(c.place_ids) >= 2 else "Point"
    return props, geom


def test_every_expected_claim_of_the_first_article(pokrovsk):
    """check_expected.py's own claim_matches, applied to the extracted claims."""
    check = _check_expected()
    sheet = yaml.safe_load(SHEET.read_text(encoding="utf-8"))
    facility_ids = {p.place_id for p in pokrovsk.places if p.kind == "facility"}
    feats = [_props(c) for c in pokrovsk.claims]
    missing = [exp["id"] for exp in sheet["claims"]
               if not any(check.claim_matches(exp, p, g, facility_ids) for p, g in feats)]
    assert missing == []


def test_first_article_details(pokrovsk):
    by_measure = {}
    for c in pokrovsk.claims:
        by_measure.setdefault(c.measure, []).append(c)
    troops = sorted(by_measure["troops"], key=lambda c: c.value)
    assert [c.value for c in troops] == [100000.0, 110000.0]          # 110,000 twice -> one claim
    assert troops[0].conflicts_with == [troops[1].claim_id]
    assert troops[1].conflicts_with == [troops[0].claim_id]
    pops = {c.value: c for c in by_measure["population"]}
    assert pops[60000.0].qualifier == "once" and not pops[60000.0].contested
    assert pops[7000.0].source == "local officials" and not pops[7000.0].contested
    cas = by_measure["casualties"][0]
    assert (cas.period, cas.date_start, cas.time_precision) == ("two weeks", "2024-12", "month")
    rate = by_measure["advance_rate"][0]
    assert (rate.relation, rate.date_start, rate.date_end) == ("advance", "2024-02", "")
    assert rate.place_ids == ["geonames:713122", "geonames:704422"]
    daily = by_measure["casualties_per_day"][0]
    assert "Commander-in-Chief" in daily.note                          # the title is kept in a note
    # never in Russia, and every claim well formed
    for c in pokrovsk.claims:
        assert c.place_ids and not any(p == "country:RU" for p in c.place_ids)
        assert c.category in CATEGORIES
        assert 0 <= c.span_start < c.span_end <= len(pokrovsk.article.text)
        assert pokrovsk.article.text[c.span_start:c.span_end] in c.text
        assert (c.value is None) == (c.measure == "") == (c.unit == "")
    ids = [c.claim_id for c in pokrovsk.claims]
    assert len(set(ids)) == len(ids)


def test_claim_ids_are_stable(pokrovsk):
    again = extract(read_article(SHARED / "articles" / "pokrovsk-2025-06-29.txt"))
    assert [c.claim_id for c in again.claims] == [c.claim_id for c in pokrovsk.claims]
    assert again.claims == pokrovsk.claims


def test_places_records(pokrovsk):
    pok = pokrovsk.place("geonames:704422")
    assert pok.mentions >= 10 and pok.surfaces == ["Pokrovsk"]
    dn = pokrovsk.place("geonames:709929")
    assert "geonames:709930" in dn.alternatives


# ---------------------------------------------------------------------------- team articles

def _doc(name):
    return extract(read_article(ARTICLES / name))


def _find(doc, **want):
    return [c for c in doc.claims if all(getattr(c, k) == v for k, v in want.items())]


def test_kharkiv_article():
    doc = _doc("kharkiv-2024-05-20.txt")
    ev = _find(doc, measure="displaced")
    assert ev and ev[0].value == 9000 and ev[0].qualifier == "about"
    assert ev[0].source == "Oleh Syniehubov"
    assert (ev[0].date_start, ev[0].date_end, ev[0].time_precision) == ("2024-05-10", "", "day")
    homes = _find(doc, measure="homes_damaged")
    assert homes and homes[0].value == 40 and homes[0].place_ids == ["geonames:706483"]
    assert homes[0].unit == "buildings"


def test_zaporizhzhia_article():
    doc = _doc("zaporizhzhia-2023-08-30.txt")
    hurt = _find(doc, measure="injured")
    assert hurt and hurt[0].value == 2 and hurt[0].source == "Serhiy Lysak"
    houses = _find(doc, measure="homes_damaged")
    assert houses and houses[0].value == 30
    held = [c for c in doc.claims if c.date_start == "2022-03"]
    assert held, "the plant 'held by Russian forces since March 2022'"


def test_el_fasher_article():
    doc = _doc("el-fasher-2024-06-14.txt")
    assert _find(doc, measure="injured", value=226.0)
    assert _find(doc, measure="killed", value=38.0)
    assert _find(doc, measure="displaced", value=400000.0, qualifier="more than")
    assert all(c.source == "Doctors Without Borders" for c in _find(doc, measure="injured"))


def test_syria_article_relations_and_sources():
    doc = _doc("syria-2024-12-02.txt")
    killed = _find(doc, measure="killed")
    assert killed and killed[0].value == 25 and killed[0].qualifier == "at least"
    assert killed[0].source == "rescuers"
    assert _find(doc, measure="displaced", value=48500.0, source="United Nations")
    seized = _find(doc, category="territorial")
    assert any("geonames:170063" in c.place_ids for c in seized)          # Aleppo
    toward = _find(doc, relation="toward")
    assert toward and toward[0].place_ids[-1] == "geonames:170017"       # toward Hama


# ---------------------------------------------------------------------------- parts

@pytest.mark.parametrize("text,measure,value,unit,extra", [
    ("deploying 110,000 troops", "troops", 110000, "people", {}),
    ("3,000 casualties in two weeks", "casualties", 3000, "people", {"period": "two weeks"}),
    ("reported 400 Russian casualties daily", "casualties_per_day", 400, "people/day", {}),
    ("once home to 60,000 residents", "population", 60000, "people", {"qualifier": "once"}),
    ("the population has dwindled to 7,000", "population", 7000, "people", {}),
    ("with 70% of homes damaged", "homes_damaged", 70, "percent", {}),
    ("95% of industrial facilities damaged", "industrial_facilities_damaged", 95, "percent", {}),
    ("advancing just 135 meters per day", "advance_rate", 135, "m/day", {}),
    ("advancing 1.5 km a day", "advance_rate", 1500, "m/day", {}),
    ("a dozen drones were launched", "drones", 12, "count", {}),
    ("hundreds of civilians were killed", "killed", 100, "people", {"qualifier": "at least"}),
    ("1.2 million people have fled", "displaced", 1200000, "people", {}),
    ("the town lies 15 km from the front", "distance", 15, "km", {}),
    ("Russia captured 200 square kilometres", "area_captured", 200, "km2", {}),
    ("two people were wounded", "injured", 2, "people", {}),
    ("30 houses were destroyed", "homes_destroyed", 30, "buildings", {}),
])
def test_figures(text, measure, value, unit, extra):
    figs = find_figures(text)
    assert len(figs) == 1, figs
    f = figs[0]
    assert (f.measure, f.value, f.unit) == (measure, value, unit)
    for k, v in extra.items():
        assert getattr(f, k) == v


@pytest.mark.parametrize("text", ["the 117th Brigade", "Su-25 jets", "three years into the war",
                                  "enters its fourth year, the city of Pokrovsk",
                                  "seventh day in the town",
                                  "at 10:30 local time", "in 2022", "one of the towns"])
def test_not_figures(text):
    assert find_figures(text, [(d.start, d.end) for d in find_dates(text, date(2025, 6, 29))]) == []


@pytest.mark.parametrize("text,start,end,prec,kind", [
    ("As of June 29, 2025", "2025-06-29", "", "day", "point"),
    ("in January 2025", "2025-01", "", "month", "point"),
    ("last December", "2024-12", "", "month", "point"),
    ("in December 2024", "2024-12", "", "month", "point"),
    ("since February 2024", "2024-02", "", "month", "since"),
    ("since capturing Avdiivka in February 2024", "2024-02", "", "month", "since"),
    ("on 12 May 2024", "2024-05-12", "", "day", "point"),
    ("yesterday", "2025-06-28", "", "day", "point"),
    ("from March to May 2024", "2024-03", "2024-05", "month", "range"),
    ("until 2016", "", "2016", "year", "until"),
    ("three years ago", "2022", "", "year", "point"),
])
def test_dates(text, start, end, prec, kind):
    ds = find_dates(text, date(2025, 6, 29))
    assert len(ds) == 1, ds
    d = ds[0]
    assert (d.start_iso, d.end_iso, d.precision, d.kind) == (start, end, prec, kind)


def test_context_phrases_are_not_dates():
    assert find_dates("More than three years into the conflict, in its fourth year", date(2025, 6, 29)) == []
    assert find_dates("they may be", date(2025, 6, 29)) == []


@pytest.mark.parametrize("text,source", [
    ("It was 3,000, per the Institute for the Study of War (ISW).", "Institute for the Study of War (ISW)"),
    ("Ukrainian Commander-in-Chief Oleksandr Syrskyi reported 400 casualties.", "Oleksandr Syrskyi"),
    ("It fell to 7,000, with 70% of homes damaged, per local officials.", "local officials"),
    ("It aligns with his goal, says media reports.", "media reports"),
    ("30 homes were hit, according to the regional governor, Serhiy Lysak.", "Serhiy Lysak"),
    ("Health officials in Deir al-Balah said 70 people had been killed.", "Health officials"),
    ("President Bashar al-Assad said the state would win.", "Bashar al-Assad"),
    ("Russia reportedly massed troops.", "unattributed"),
    ("Troops advanced 135 meters per day.", "unattributed"),
])
def test_attribution(text, source):
    assert find_attribution(text).source == source


def test_sentences_and_clauses_keep_offsets():
    text = ("Headline Without Stop\n\nGen. Smith said 3,000 left, per U.S. officials. "
            "As of June 29, 2025, it held.\nNext line.")
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["Headline Without Stop",
                                       "Gen. Smith said 3,000 left, per U.S. officials.",
                                       "As of June 29, 2025, it held.", "Next line."]
    assert sents[0].heading
    for s in sents:
        assert text[s.start:s.end] == s.text
        for c in split_clauses(s):
            assert text[c.start:c.end] == c.text
    assert [c.text for c in split_clauses(sents[2])] == ["As of June 29, 2025", "it held."]


def _claim(cid, value, **kw):
    base = dict(claim_id=cid, article_id="a", text="", span_start=0, span_end=1,
                category="military", place_ids=["geonames:1"], measure="troops", value=value,
                unit="people")
    base.update(kw)
    return Claim(**base)


def test_conflicts_and_repeats():
    claims = [_claim("a", 100.0), _claim("b", 110.0, date_start="2025-06-29", time_precision="day"),
              _claim("c", 110.0, span_start=5), _claim("d", 90.0, qualifier="once"),
              _claim("e", 50.0, qualifier="at least"),
              _claim("f", 120.0, date_start="2020-01", time_precision="month", place_ids=["geonames:2"]),
              _claim("g", 130.0, date_start="2020-01", time_precision="month", place_ids=["geonames:2"]),
              _claim("h", 140.0, date_start="2021-01", time_precision="month", place_ids=["geonames:2"])]
    out = mark_conflicts(claims)
    ids = [c.claim_id for c in out]
    assert "c" not in ids                                    # the repeat of b
    byid = {c.claim_id: c for c in out}
    assert byid["a"].conflicts_with == ["b"] and byid["b"].conflicts_with == ["a"]
    assert not byid["d"].contested                           # a past figure
    assert not byid["e"].contested                           # a lower bound
    assert byid["f"].conflicts_with == ["g"]                 # same month
    assert not byid["h"].contested                           # another time


def test_html_article_offsets_index_the_extracted_text():
    doc = extract(read_article(HERE / "data" / "claims" / "kharkiv-drones.html"))
    text = doc.article.text
    hurt = _find(doc, measure="injured")
    assert hurt and hurt[0].value == 12 and hurt[0].date_start == "2025-05-04"   # "on Sunday"
    homes = _find(doc, measure="homes_damaged")
    assert homes and homes[0].value == 30 and homes[0].source == "local officials"
    for c in doc.claims:
        assert text[c.span_start:c.span_end] in c.text
    kharkiv = [p for p in doc.places if p.name == "Kharkiv"]
    assert kharkiv and all(c.place_ids[0] == kharkiv[0].place_id for c in hurt + homes)


def test_open_period_overlaps_later_dates():
    a = _claim("a", 135.0, measure="advance_rate", unit="m/day", date_start="2024-02",
               time_precision="month", period="since February 2024")
    b = _claim("b", 200.0, measure="advance_rate", unit="m/day", date_start="2025-01",
               time_precision="month", period="since February 2024")
    c = _claim("c", 300.0, measure="advance_rate", unit="m/day", date_start="2023-01",
               time_precision="month", period="since February 2024")
    out = {x.claim_id: x for x in mark_conflicts([a, b, c])}
    assert out["a"].conflicts_with == ["b", "c"]          # from 2024-02 on, open
    assert out["b"].conflicts_with == ["a", "c"]


def _text_doc(text, day=date(2025, 3, 3)):
    from layers.text.article import article_from_text

    return extract(article_from_text(text, "synthetic"), date=day)


def test_general_patterns_on_a_written_article():
    doc = _text_doc(
        "Kherson Braces for More Strikes\n\n"
        "Russian forces have advanced 2 km toward Kostiantynivka from Chasiv Yar since April, "
        "Ukraine's General Staff said on Monday. Bakhmut fell to Russian forces in May 2023.\n\n"
        "Russia launched 40 drones at Odesa overnight, injuring five, regional governor Oleh Kiper "
        "said. He said 30 homes in the city were damaged. Kherson's population fell from 300,000 "
        "before the war to about 60,000, according to the city administration.\n")
    adv = _find(doc, measure="advance_distance")[0]
    assert (adv.relation, adv.value, adv.unit, adv.date_start) == ("advance", 2.0, "km", "2024-04")
    assert adv.place_ids == ["geonames:710915", "geonames:705104"]      # Chasiv Yar -> Kostiantynivka
    assert adv.source == "Ukraine's General Staff"
    fell = [c for c in _find(doc, category="territorial") if c.place_ids == ["geonames:713174"]]
    assert fell and fell[0].date_start == "2023-05"
    assert _find(doc, measure="injured", value=5.0, source="Oleh Kiper")
    homes = _find(doc, measure="homes_damaged")[0]
    assert homes.source == "Oleh Kiper" and "'he' taken to be Oleh Kiper" in homes.note
    assert homes.place_ids == ["geonames:698740"]                       # "the city": Odesa
    pops = {c.value: c for c in _find(doc, measure="population")}
    assert pops[300000.0].qualifier == "once" and pops[60000.0].qualifier == "about"
    assert not pops[60000.0].contested                                  # before the war vs now


def test_date_given_replaces_the_article_date():
    from layers.text.article import article_from_text

    art = article_from_text("Title\n\nAs of June 29, 2025, 100 troops held Kupiansk.\n", "t")
    doc = extract(art, date=date(2025, 7, 1))
    assert doc.article.published == date(2025, 7, 1)
    assert any("the text says 2025-06-29" in n for n in doc.article.notes)
    assert art.published == date(2025, 6, 29)                          # the input is left alone


def test_event_rules_generalise_to_other_places():
    """Withdrawals, control, halted production, a bare "toward", a locator distance, an
    event carried to "and around X", statement dates and "Before <event> in <month>"."""
    doc = _text_doc(
        "Army Pulls Back in the East\n\n"
        "The army has withdrawn its units from Lyman, the defence ministry said on March 1, 2025. "
        "Before the war began in February 2022, Lyman was home to about 20,000 people.\n\n"
        "A steel plant in Kramatorsk halted production after strikes. Brigades fell back to "
        "positions west of Lyman, on the road toward Sloviansk. Izium and Kupiansk remained under "
        "Ukrainian control, according to local officials.\n\n"
        "Fighting was reported near Siversk, about 30 km north of Bakhmut, and around Toretsk. "
        "Internet service in Izium has been cut since Friday.\n")
    lyman, kram, slov = "geonames:704204", "geonames:704508", "geonames:693468"
    izium, kup = "geonames:707292", "geonames:703656"
    out = _find(doc, category="territorial", place_ids=[lyman])
    assert out and out[0].date_start == "2025-03-01" and out[0].source == "defence ministry"
    pop = _find(doc, measure="population")[0]
    assert (pop.value, pop.date_start, pop.place_ids) == (20000.0, "2022-02", [lyman])
    assert _find(doc, category="economic", place_ids=[kram])
    toward = _find(doc, relation="toward")[0]
    assert toward.place_ids == [lyman, slov] and toward.category == "military"
    held = _find(doc, category="territorial", place_ids=[izium, kup])
    assert held and held[0].source == "local officials"
    fights = {tuple(c.place_ids) for c in _find(doc, category="military") if not c.relation}
    assert {("geonames:694403",), ("geonames:709354",)} <= fights      # Siversk, Toretsk
    assert not _find(doc, measure="distance")                           # "30 km north of": a locator
    cut = _find(doc, category="infrastructure", place_ids=[izium])[0]
    assert cut.date_start == "2025-02-28"                               # "since Friday", a Monday article


def test_headline_events_the_body_covers_are_dropped():
    doc = _text_doc("Fighting Rages in Lyman\n\nFighting raged in Lyman on Sunday.\n")
    mil = _find(doc, category="military")
    assert len(mil) == 1 and mil[0].date_start == "2025-03-02"


def test_referring_nouns_take_the_last_named_organisation():
    doc = _text_doc(
        "Aid Reaches Kherson\n\n"
        "The World Food Programme said 40 trucks reached Kherson on Sunday. "
        "In Mykolaiv, residents described shortages of food and water. "
        "A convoy that reached Mykolaiv last week was the first in a month, the agency said.\n")
    queues = [c for c in doc.claims if "shortages" in c.text]
    assert queues and queues[0].source == "residents"                   # "residents described"
    convoy = [c for c in doc.claims if "convoy" in c.text]
    assert convoy and convoy[0].source == "World Food Programme"        # not "residents"
