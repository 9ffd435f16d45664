"""The geoparser: recognition, rejection and resolution in context (geo.places)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from geoparse_scoring import geoparse_eval
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from geo.exc import BadInput
from geo.places import find_places

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "data" / "articles"
SHARED = HERE.parent.parent / "shared"
FIRST = SHARED / "articles" / "pokrovsk-2025-06-29.txt"
SHEET = SHARED / "expected" / "pokrovsk-2025-06-29.yaml"


def found(text, date=None):
    """{surface: mention} of the last mention of each surface (surfaces are unique here)."""
    return {m.surface: m for m in find_places(text, date=date)}


def gid(text, surface, date=None):
    m = found(text, date).get(surface)
    return None if m is None else (m.place.geonameid or m.place.place_id)


# ---------------------------------------------------------------------------- recognition

def test_possessive_span_is_the_name():
    text = "Pokrovsk’s population has dwindled, and Kramatorsk's mayor is worried."
    ms = find_places(text)
    assert [(m.surface, m.start, m.end) for m in ms] == [
        ("Pokrovsk", 0, 8), ("Kramatorsk", 40, 50)]
    assert ms[0].place.geonameid == 704422


def test_facility_with_typographic_apostrophe_is_its_own_feature():
    text = ("Shelling hit Pokrovsk again. The Pokrovs’ke coal mine halted production, "
            "officials in Pokrovsk said.")
    ms = find_places(text, date="2025-06-29")
    mine = next(m for m in ms if m.place.kind == "facility")
    assert mine.surface == "Pokrovs’ke coal mine"
    assert text[mine.start:mine.end] == mine.surface
    assert mine.geo_precision == 2
    assert mine.place.place_id == "claimmap:pokrovske-coal-mine"
    assert "Pokrovsk" in mine.place.note
    town = next(m for m in ms if m.surface == "Pokrovsk").place
    assert (mine.place.lat, mine.place.lon) == (town.lat, town.lon)


@pytest.mark.parametrize("text, surface", [
    ("The city lies in Ukraine’s Donetsk region, officials said.", "Donetsk"),
    ("Fighting raged across Donetsk Oblast on Monday.", "Donetsk"),
    ("Troops pushed toward northern Donetsk cities last week.", "Donetsk"),
    ("Troops pushed into the Donetsk and Luhansk regions.", "Donetsk"),
    ("Putin’s goal is controlling Donetsk and Luhansk, says one analyst.", "Donetsk"),
    ("The Donetsk regional governor said two people were hurt.", "Donetsk"),
])
def test_region_phrasings_mean_the_oblast(text, surface):
    assert gid(text, surface, "2025-06-29") == 709716


def test_bare_name_without_region_cue_is_the_city():
    assert gid("Shelling hit Donetsk and Horlivka overnight.", "Donetsk") == 709717
    assert gid("Drones struck Kyiv overnight, officials said.", "Kyiv") == 703448


def test_coordinated_regions_share_the_cue():
    ms = found("The Kharkiv and Sumy regions came under fire.")
    assert ms["Kharkiv"].place.kind == ms["Sumy"].place.kind == "admin1"
    assert ms["Kharkiv"].geo_precision == 3


def test_region_phrase_the_gazetteer_lacks_uses_the_area_of_the_namesake_city():
    m = found("The assault was launched from Russia’s Belgorod region.")["Belgorod"]
    assert m.place.kind == "admin1" and m.place.admin1 == "RU.09"


def test_multiword_and_state_names():
    ms = found("Rebels took Pyin Oo Lwin and pressed on in Rakhine State.")
    assert ms["Pyin Oo Lwin"].place.geonameid == 1309937
    assert ms["Rakhine"].place.kind == "admin1"  # the surface is the name, not "State"
    assert gid("Israel said its troops entered Gaza City.", "Gaza City") == 281133


def test_arabic_romanisation_variants():
    assert gid("Health officials in Deir al-Balah said 70 people died.", "Deir al-Balah") == 281141


def test_dateline_in_capitals():
    m = find_places("KHARKIV — Russian troops advanced on Monday near Vovchansk.")[0]
    assert (m.surface, m.place.geonameid) == ("KHARKIV", 706483)


def test_cyrillic_nominative_and_case_forms():
    text = ("Місто Покровськ розташоване на заході Донецької області. Автобуси їдуть до "
            "Дніпра та Павлограда, а Краматорськ і Слов'янськ під обстрілами.")
    ms = found(text, "2024-11-12")
    assert ms["Покровськ"].place.geonameid == 704422
    assert ms["Донецької"].place.geonameid == 709716
    assert ms["Дніпра"].place.geonameid == 709930
    assert ms["Павлограда"].place.geonameid == 697889
    assert ms["Слов'янськ"].place.geonameid == 693468


def test_russian_case_forms():
    text = ("Бои идут у Селидово и в Донецкой области. Жители уезжают в Днепр, а в "
            "Краматорске и Славянске слышны взрывы.")
    ms = found(text, "2024-11-12")
    assert ms["Донецкой"].place.geonameid == 709716
    assert ms["Краматорске"].place.geonameid == 704508
    assert ms["Славянске"].place.geonameid == 693468
    assert ms["Днепр"].place.geonameid == 709930


# ---------------------------------------------------------------------------- rejection

@pytest.mark.parametrize("text, word", [
    ("Russian President Vladimir Putin has intensified his campaign.", "Vladimir"),
    ("Vladimir Putin met the envoy in the Kremlin.", "Vladimir"),
    ("Defence Secretary Lloyd Austin told reporters the aid was coming.", "Austin"),
    ("President Volodymyr Zelensky cancelled the trip.", "Volodymyr"),
    ("The leader, Ahmed al-Sharaa, promised calm.", "Sharaa"),
])
def test_personal_names_are_not_places(text, word):
    assert not [m for m in find_places(text) if word in m.surface]


@pytest.mark.parametrize("text, word", [
    ("Losses were estimated by the Institute for the Study of War (ISW).", "War"),
    ("The Arakan Army has taken most of the state.", "Arakan"),
    ("Ukraine’s 117th Brigade holds the line.", "Brigade"),
])
def test_organisations_are_not_places(text, word):
    assert not [m for m in find_places(text) if word in m.surface]


def test_demonyms_are_not_places_but_countries_are():
    ms = find_places("Russian and Ukrainian troops clashed as Russia pressed Ukraine.")
    assert [(m.surface, m.place.kind) for m in ms] == [("Russia", "country"), ("Ukraine", "country")]


@pytest.mark.parametrize("text", [
    "Split between shortages of shells and of men, the brigades rely on drones near Kharkiv.",
    "Reading from a statement, the governor of Kharkiv urged people to leave.",
    "Mobile phone coverage in Vovchansk has been cut since Friday.",
    "As of June 29, all ceasefire efforts around Pokrovsk have failed.",
    "More than three years into the war, Pokrovsk is under siege.",
])
def test_common_words_are_not_places(text):
    surfaces = [m.surface for m in find_places(text)]
    assert surfaces and all(s in ("Kharkiv", "Vovchansk", "Pokrovsk") for s in surfaces)


@pytest.mark.parametrize("text, word", [
    ("Kyiv said the line had been stabilised near Kharkiv.", "Kyiv"),
    ("The cost of Moscow’s push near Pokrovsk is high.", "Moscow"),
    ("Washington warned that the offensive could widen toward Sumy.", "Washington"),
    ("Cairo and Doha have been mediating talks on Gaza City.", "Doha"),
    ("Cairo and Doha have been mediating talks on Gaza City.", "Cairo"),
    ("Bamako acknowledged losses near Kidal.", "Bamako"),
    ("Moscow’s defence ministry claimed gains near Huliaipole.", "Moscow"),
])
def test_capitals_standing_for_governments_are_not_places(text, word):
    surfaces = [m.surface for m in find_places(text)]
    assert word not in surfaces and len(surfaces) == 1


def test_possessive_places_stay_places():
    ms = found("Pokrovsk’s population fell, and Ukraine’s Donetsk region emptied. "
               "Kyiv’s mayor spoke in Kyiv.")
    assert {"Pokrovsk", "Ukraine", "Donetsk", "Kyiv"} <= set(ms)


@pytest.mark.parametrize("text, word", [
    ("Kinshasa accused Kigali of sending troops to Goma.", "Kigali"),
    ("Austin said the brigade would stay in Kramatorsk.", "Austin"),
    ("Ships sailed round the Cape of Good Hope to reach Odesa.", "Good Hope"),
    ("Leaders met at the White House before flying to Kyiv.", "White House"),
    ("Drones hunt people along the Dnipro river near Kherson.", "Dnipro"),
])
def test_speakers_features_and_stray_names_are_not_places(text, word):
    surfaces = [m.surface for m in find_places(text)]
    assert surfaces and word not in surfaces


def test_a_continent_is_a_region_place():
    """Issue 16: continents and world regions are places of their own kind (they were
    counted as no place before)."""
    got = {m.surface: m for m in find_places("In Asia, the typhoon struck Kaohsiung in Taiwan.")}
    assert got["Asia"].place.kind == "region" and got["Asia"].geo_precision == 3
    assert "Kaohsiung" in got


def test_a_village_the_gazetteer_lacks_is_not_placed_at_a_far_namesake():
    # the Vyshneve near Selydove is not in cities500; the one near Kyiv is 500 km away
    text = ("Russian forces attacked northeast of Pokrovsk near Novohrodivka and southeast "
            "of the town near Selydove and Vyshneve, and further north near Siversk and "
            "Bilohorivka.")
    ms = found(text)
    assert "Vyshneve" not in ms
    assert {"Pokrovsk", "Novohrodivka", "Selydove", "Siversk", "Bilohorivka"} <= set(ms)


def test_a_wide_article_keeps_its_far_towns():
    text = ("Rebels ambushed convoys near Kidal. Supplies for Timbuktu and Gao are flown in "
            "from Bamako, and jihadists blockade Djibo in Burkina Faso.")
    assert gid(text, "Kidal") == 2455290


def test_us_politics_names():
    text = ("Senate Majority Leader Chuck Schumer of New York and Senator J.D. Vance of Ohio "
            "spoke after Speaker Mike Johnson met Ukraine's envoy. Zelensky thanked Congress. "
            "Lincoln Riley coached in Los Angeles.")
    ms = found(text)
    assert {"New York", "Ohio", "Ukraine", "Los Angeles"} <= set(ms)
    assert not {"Vance", "Johnson", "Congress", "Riley", "Lincoln"} & set(ms)


def test_grounded_capitals_stay_places():
    ms = found("Officials in Kyiv said the governor of Kharkiv urged calm.")
    assert set(ms) == {"Kyiv", "Kharkiv"}


def test_a_neighbouring_country_supports_a_place():
    ms = found("Israel said its troops had entered Gaza City and Khan Younis.")
    assert ms["Khan Younis"].place.geonameid == 281124


def test_state_of_is_a_region_cue():
    m = found("Floods hit Brazil's southern state of Rio Grande do Sul.")["Rio Grande do Sul"]
    assert m.place.kind == "admin1"


def test_the_before_an_area_name_is_a_sea_or_river():
    ms = found("The government moved to Port Sudan on the Red Sea after losing Khartoum.")
    assert "Red Sea" not in ms and "Port Sudan" in ms


# ---------------------------------------------------------------------------- resolution

def test_coherent_set_picks_the_avdiivka_beside_pokrovsk():
    text = "Russia advanced toward Pokrovsk after capturing Avdiivka in February 2024."
    assert gid(text, "Avdiivka", "2025-06-29") == 713122
    assert gid(text, "Pokrovsk", "2025-06-29") == 704422  # not Engels, formerly Pokrovsk


def test_many_namesakes_resolved_by_the_article():
    text = ("Russian forces shelled Kostiantynivka and Toretsk, according to the "
            "governor of Donetsk Oblast.")
    assert gid(text, "Kostiantynivka") == 705104


def test_a_big_city_beats_a_tiny_village_with_the_exact_spelling():
    text = "In Zaporizhzhia, the regional capital, a missile hit a warehouse near Orikhiv."
    assert gid(text, "Zaporizhzhia") == 687700


def test_renamed_city_after_the_renaming_is_the_oblast_with_the_city_as_alternative():
    m = found("Russia could advance toward Dnipropetrovsk or Pavlohrad.", "2025-06-29")["Dnipropetrovsk"]
    assert m.place.geonameid == 709929 and m.geo_precision == 3
    assert "geonames:709930" in m.alternatives


def test_renamed_city_before_the_renaming_is_the_city():
    assert gid("Protesters gathered in Dnipropetrovsk and Kharkiv.", "Dnipropetrovsk",
               "2014-03-01") == 709930


def test_alias_cue_ties_a_former_name_to_the_place_just_named():
    text = ("Fighting went on around Bakhmut, which Russia calls Artemovsk, and in Dnipro, "
            "formerly Dnipropetrovsk.")
    ms = found(text, "2024-02-10")
    assert ms["Artemovsk"].place.geonameid == 713174
    assert ms["Dnipropetrovsk"].place.geonameid == 709930


def test_qualifiers_choose_the_area():
    ms = found("The RSF holds Nyala in South Darfur and besieges El Fasher in Sudan’s North Darfur.")
    assert ms["Nyala"].place.geonameid == 369004
    assert ms["North Darfur"].place.kind == "admin1" and ms["North Darfur"].place.country_code == "SD"


def test_small_foreign_namesakes_stay_out():
    # "Muse" is also a village in Pennsylvania: a common word, far from everything here
    ms = found("Rebels seized Lashio and Kyaukme, and reached Muse on the Chinese border.")
    assert "Muse" not in ms and ms["Lashio"].place.country_code == "MM"


def test_precision_and_json_contract():
    text = "Shelling hit Kramatorsk in Ukraine’s Donetsk region."
    ms = find_places(text)
    assert [m.geo_precision for m in ms] == [1, 3, 3]
    out = ms[0].to_json()
    for k in ("surface", "start", "end", "name", "geonameid", "kind", "lat", "lon", "geo_precision"):
        assert k in out
    json.dumps([m.to_json() for m in ms])


# ---------------------------------------------------------------------------- input

def test_bad_input():
    with pytest.raises(BadInput):
        find_places(b"Kramatorsk")
    with pytest.raises(BadInput):
        find_places("Kramatorsk", date="29 June 2025")
    assert find_places("") == []
    assert find_places("no capitals here at all.") == []


_NAMES = ["Pokrovsk", "Pokrovsk’s", "Pokrovs’ke", "Donetsk", "region", "Kyiv", "said",
          "Vladimir", "Putin", "Слов'янськ", "Дніпра", "KHARKIV", "—", "Gaza City", "al-",
          "Deir", "Institute", "of", "War", "coal", "mine", "and", "the", "’s", "'", "\n"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_NAMES), st.text(max_size=6)), max_size=40)
       .map(lambda parts: " ".join(parts)))
@example("Pokrovsk’s Pokrovs’ke coal mine in Ukraine’s Donetsk region")
@example("’s Kyiv’s’s Donetsk-Luhansk 'Sumy' Sumy’")
def test_every_offset_slices_back_to_its_surface(text):
    ms = find_places(text)
    ends = -1
    for m in ms:
        assert text[m.start:m.end] == m.surface
        assert m.start >= ends  # text order, no overlaps
        ends = m.end
        assert m.geo_precision in (1, 2, 3)


# ---------------------------------------------------------------------------- articles

def test_first_article_against_its_expected_sheet():
    sheet = yaml.safe_load(SHEET.read_text(encoding="utf-8"))
    text = FIRST.read_text(encoding="utf-8")
    got = [m.to_json() for m in find_places(text, date=str(sheet["article"]["published"]))]
    pokrovsk = next(p for p in sheet["places"] if p.get("geonameid") == 704422)
    for place in sheet["places"]:
        for span in place.get("offsets", []):
            hits = [g for g in got if g["start"] < span[1] and span[0] < g["end"]]
            assert hits, f"missing {place['name']} at {span}"
            g = hits[0]
            if place["kind"] == "facility":
                assert g["kind"] == "facility"
            else:
                assert g["geonameid"] == place["geonameid"], (place["name"], span, g)
    mine = next(g for g in got if g["kind"] == "facility")
    assert _km(mine["lat"], mine["lon"], pokrovsk["lat"], pokrovsk["lon"]) <= 20
    for bad in sheet["not_places"]:
        for span in bad["offsets"]:
            assert not [g for g in got if g["start"] < span[1] and span[0] < g["end"]], bad
    kinds = {g["surface"]: g["kind"] for g in got}
    assert "Russian" not in kinds and "Ukrainian" not in kinds


def _km(lat1, lon1, lat2, lon2):
    return geoparse_eval().km(lat1, lon1, lat2, lon2)




def test_gold_articles_meet_the_targets():
    ev = geoparse_eval()
    docs = ev.load_gold(ARTICLES)
    assert len(docs) >= 8
    r = ev.score(docs, ev.claimmap_predict)
    assert r["f1"] >= 0.90, r["errors"]
    assert r["acc10"] >= 0.95, r["errors"]
    assert r["violations"] == 0, r["errors"]


def test_cli_places_prints_the_spec_json(tmp_path):
    from click.testing import CliRunner

    from layers.cli import cli

    art = tmp_path / "a.txt"
    art.write_text("Kramatorsk and Sloviansk lie in Ukraine’s Donetsk region.\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["places", str(art), "--date", "2025-06-29"])
    assert res.exit_code == 0, res.output
    got = json.loads(res.output)["places"]
    assert [(p["surface"], p["kind"]) for p in got] == [
        ("Kramatorsk", "populated_place"), ("Sloviansk", "populated_place"),
        ("Ukraine", "country"), ("Donetsk", "admin1")]
    for p in got:
        for k in ("surface", "start", "end", "name", "geonameid", "kind", "lat", "lon",
                  "geo_precision"):
            assert k in p


# ---------------------------------------------------------------------------- second pass
# Each rule below is checked on sentences unlike the held-out articles' (heldout2/ERRORS.md
# names the classes of error; these are other members of each class).

@pytest.mark.parametrize("text, word", [
    ("Lima has recalled its ambassador after the raid near Tumbes.", "Lima"),
    ("Analysts said Ankara bore the cost of the operation near Kobani.", "Ankara"),
    ("Since Kinshasa cut ties, trade through Goma has stopped.", "Kinshasa"),
    ("Ottawa would keep up pressure on the miners in Sudbury.", "Ottawa"),
    ("Talks between Bogotá and the Farc dissidents resumed in Cali.", "Bogotá"),
    ("Damascus and the Kurdish authorities traded blame over the raid near Raqqa.",
     "Damascus"),
    ("Talks between Kyiv and the Kremlin stalled, officials in Lviv said.", "Kyiv"),
])
def test_a_capital_as_the_subject_of_any_verb_is_its_government(text, word):
    surfaces = [m.surface for m in find_places(text)]
    assert word not in surfaces and len(surfaces) == 1, surfaces


@pytest.mark.parametrize("text, word", [
    ("Kabul fell to the Taliban within days of the withdrawal from Bagram.", "Kabul"),
    ("Beirut was hit by strikes overnight, residents of Sidon said.", "Beirut"),
    ("Lima has seen protests every week since the vote in Arequipa.", "Lima"),
    ("Trains still run between Kyiv and the Donbas towns near Kramatorsk.", "Kyiv"),
    ("The road between Kyiv and the city of Zhytomyr reopened.", "Kyiv"),
    ("Nairobi, a city of five million, flooded again on Monday.", "Nairobi"),
])
def test_a_capital_that_undergoes_or_is_located_stays_a_place(text, word):
    assert word in found(text)


@pytest.mark.parametrize("text, word", [
    ("Ethnic Oromo farmers fled Shashamane for Addis Ababa.", "Oromo"),
    ("Police said the Jalisco cartel controls routes through Uruapan.", "Jalisco"),
    ("Afar militias blocked the road to Semera in Ethiopia.", "Afar"),
    ("Typhoon Haiyan flattened Tacloban in the Philippines.", "Haiyan"),
    ("The Lahore Chamber of Commerce said exports from Faisalabad fell.", "Lahore"),
])
def test_peoples_gangs_and_storms_named_like_places_are_not_places(text, word):
    surfaces = [m.surface for m in find_places(text)]
    assert surfaces and word not in surfaces, surfaces


def test_a_region_cue_still_makes_the_people_s_name_the_region():
    assert found("Residents of Amhara region fled to Bahir Dar.")["Amhara"].place.kind == "admin1"


@pytest.mark.parametrize("text, word", [
    ("Agents arrested Ismael “El Mayo” Zambada near Culiacán in Mexico.", "Ismael"),
    ("Police in Medellín said Dario \"Otoniel\" Úsuga had fled to Cali.", "Dario"),
    ("London Breed said the city of San Francisco would appeal.", "London"),
])
def test_personal_names_with_nicknames_or_speaking_are_not_places(text, word):
    surfaces = [m.surface for m in find_places(text)]
    assert surfaces and not any(word in s for s in surfaces), surfaces


def test_a_rejected_namesake_falls_back_to_the_coherent_state():
    ms = found("Officials in El Paso, in the United States, said he reached Texas by car "
               "from Chihuahua in Mexico.")
    assert ms["Texas"].place.kind == "admin1" and ms["Texas"].place.country_code == "US"


@pytest.mark.parametrize("text, surface, name", [
    ("Flooding was worst in St. Petersburg, where 400 mm of rain fell on Florida.",
     "St. Petersburg", "St. Petersburg"),
    ("Crews drove up from Ft. Lauderdale and Mt. Dora in Florida.", "Ft. Lauderdale",
     "Fort Lauderdale"),
    ("Crews drove up from Ft. Lauderdale and Mt. Dora in Florida.", "Mt. Dora", "Mount Dora"),
    ("MOBILE, Ala. — Rain fell all night.", "Ala.", "Alabama"),
    ("RALEIGH, N.C. — The river crested on Sunday.", "N.C.", "North Carolina"),
])
def test_abbreviations_are_part_of_names_and_states(text, surface, name):
    ms = found(text)
    assert surface in ms and ms[surface].place.name == name, {s: m.place.name
                                                              for s, m in ms.items()}


def test_an_abbreviation_does_not_start_a_sentence():
    from geo._recognize import tokenize

    toks = tokenize("He lives in St. Petersburg. Petersburg is elsewhere.")
    assert [t.sent_start for t in toks if t.text == "Petersburg"] == [False, True]


@pytest.mark.parametrize("text, present", [
    ("Flood aid for Pakistan was pledged in Geneva on Tuesday.", True),
    ("A storm struck Mobile on Friday before reaching Alabama.", True),
    ("Officials in Reading the report said Kharkiv was hit.", False),
    ("Rising use in Mobile phones worried analysts in Kyiv.", False),
])
def test_a_locative_lets_a_notable_place_past_the_common_words(text, present):
    surfaces = set(found(text))
    assert bool(surfaces & {"Geneva", "Mobile", "Reading"}) == present, surfaces


@pytest.mark.parametrize("text, surface, geonameid", [
    ("Strikes hit the port of Hodeidah in Yemen.", "Hodeidah", 79415),
    ("She runs a clinic in Pétion-Ville, near Port-au-Prince.", "Pétion-Ville", 3719028),
])
def test_spelling_variants_find_the_gazetteer_name(text, surface, geonameid):
    assert gid(text, surface) == geonameid


def test_a_facility_head_keeps_the_town_as_a_facility():
    ms = found("Engineers at the Kotri Barrage said the river was falling near Hyderabad.")
    assert ms["Kotri Barrage"].place.kind == "facility"
    assert ms["Kotri Barrage"].place.country_code == "PK"


def test_a_river_named_like_an_area_is_not_the_area():
    surfaces = set(found("Farmers waded across the Artibonite River to reach Saint-Marc."))
    assert "Artibonite" not in surfaces and "Saint-Marc" in surfaces


@pytest.mark.parametrize("text, cc", [
    ("Fighting near Goma and Bukavu spread across Congo.", "CD"),
    ("M23 rebels seized Goma in eastern DR Congo on Monday.", "CD"),
    ("Brazzaville is the capital of Congo, across the river.", "CG"),
])
def test_congo_by_context(text, cc):
    congo = [m for m in find_places(text) if "Congo" in m.surface]
    assert congo and congo[0].place.country_code == cc


def test_acronyms_only_name_countries():
    surfaces = [m.surface for m in find_places(
        "Envoys from the UAE met the UN and IS officials in the DRC.")]
    assert surfaces == ["UAE", "DRC"]


def test_a_us_state_beats_a_foreign_country_the_article_never_supports():
    ms = found("Storms hit Jacksonville, Tampa and Miami in Florida. The damage reached Georgia.")
    assert ms["Georgia"].place.kind == "admin1" and ms["Georgia"].place.country_code == "US"
    ms = found("Russia fought a war with Georgia in 2008 near Tskhinvali.")
    assert ms["Georgia"].place.kind == "country"


def test_a_facility_is_placed_at_the_town_the_sentence_says_hosts_it():
    for text in (("A drone was shot down over Kurchatov, home to the Kursk nuclear power "
                  "plant, officials in Kursk said."),
                 ("Officials in Kursk said drones circled the Kursk nuclear power plant near "
                  "Kurchatov.")):
        fac = found(text)["Kursk nuclear power plant"].place
        assert fac.kind == "facility" and "Kurchatov" in fac.note, fac.note


@pytest.mark.parametrize("text, word, present", [
    ("Kinshasa and the M23 rebels agreed to talks in Doha.", "Kinshasa", False),
    ("Ms. Sheinbaum said Mexico City would host the summit.", "Mexico City", True),
    ("Shares fell on the Hong Kong Stock Exchange as Shenzhen factories closed.", "Shenzhen",
     True),
    ("Fighting erupted in Tripoli between rival militias loyal to the government.", "Tripoli",
     True),
    ("Villagers near Lake Chad said fighters crossed from Borno State into Niger.", "Chad",
     False),
    ("Dhaka said more refugees had reached Cox’s Bazar.", "Cox’s Bazar", True),
])
def test_second_pass_probes(text, word, present):
    assert (word in found(text)) == present, list(found(text))


@pytest.mark.parametrize("text, word", [
    ("Storms battered the Pacific coast near Acapulco in Mexico.", "Pacific"),
    ("Officials met Hannah and Deborah in Kyiv on Monday.", "Hannah"),
])
def test_oceans_and_guessed_spellings_need_support(text, word):
    surfaces = set(found(text))
    assert surfaces and word not in surfaces, surfaces


@pytest.mark.parametrize("text, surface, present", [
    ("Flights resumed at Kabul Airport and Mazar-i-Sharif.", "Mazar-i-Sharif", True),
    ("Ships waited at Bab-el-Mandeb near Aden.", "Bab", False),
    ("Rebels cut the Goma-Rutshuru road near Kibumba in Congo.", "Goma", True),
])
def test_hyphenated_names_with_connectives(text, surface, present):
    assert (surface in found(text)) == present, list(found(text))


# ---------------------------------------------------------------------------- heldout3 rules
# (tests/data/articles/heldout3/ERRORS.md: each rule with probes written for it, not taken
# from the articles)

@pytest.mark.parametrize("text, surface, cc", [
    ("Talks between U.S. and Chinese officials resumed in Paris.", "U.S.", "US"),
    ("US sanctions on the oil trade were tightened.", "US", "US"),
    ("Oil prices fell after talks with the US. Markets in Dubai rose.", "US", "US"),
    ("The U.K. and the EU signed a fisheries deal.", "U.K.", "GB"),
    ("Lawyers in the UK’s High Court objected.", "UK", "GB"),
    ("“The U.S.A. will not blink,” the senator said.", "U.S.A.", "US"),
    ("The UAE-brokered truce held in the DRC.", "UAE", "AE"),
])
def test_country_abbreviations_are_countries(text, surface, cc):
    m = found(text).get(surface)
    assert m is not None and m.place.kind == "country" and m.place.country_code == cc, \
        list(found(text))


@pytest.mark.parametrize("text, surface", [
    ("The firm raised US$5 million for its plant in Kenya.", "US"),
    ("PLEASE TELL US WHAT YOU SAW IN KHARKIV", "US"),
    ("U.S. Central Command said the strikes hit radar sites in Yemen.", "U.S."),
    ("The US Navy said a destroyer sailed past Taiwan.", "US"),
    ("Shares of USB makers fell in Taipei.", "USB"),
    ("A CAR T-cell therapy trial began in Boston.", "CAR"),
])
def test_country_abbreviations_only_as_words_and_not_in_organisations(text, surface):
    assert surface not in found(text), list(found(text))


def test_country_abbreviation_table_comes_from_iso_data_and_skips_ambiguous_initials():
    from geo._recognize import country_abbreviations

    table = country_abbreviations()
    assert table["US"] == table["U.S."] == table["USA"] == "united states"
    assert table["UK"] == table["U.K."] == "united kingdom"   # ISO's reserved code
    assert table["DRC"] == "democratic republic of the congo"
    # Saudi Arabia and South Africa share SA; GB is not Guinea-Bissau's code; the Aland
    # Islands are too small for AI
    for absent in ("SA", "S.A.", "GB", "AI", "CV", "SVG"):
        assert absent not in table
    # initials that spell a word are the country only dotted
    assert "CAR" not in table and table["C.A.R."] == "central african republic"


@pytest.mark.parametrize("text, surface, geonameid", [
    # a world city is not displaced by a namesake that only its country supports
    (("The United States and Iran will meet in Geneva next week, officials in Washington "
      "and New York said."), "Geneva", 2660646),
    ("Leaders in Texas and Oklahoma watched the summit in Paris closely.", "Paris", 2988507),
    # nor, by a huge gap, by a village right beside the article's places
    (("Asylum seekers must apply at embassies in Belgrade and Kyiv, the court in Brussels "
      "and Luxembourg said."), "Belgrade", 792680),
    # the namesake stays where the article's places surround it
    ("Flooding hit Fort Myers and Naples, Florida officials said.", "Naples", 4165565),
    ("Evacuees from Jasper drove to Hinton and Edmonton in Alberta.", "Jasper", 6354954),
])
def test_context_does_not_override_a_large_population_gap(text, surface, geonameid):
    assert gid(text, surface) == geonameid


def test_a_namesake_on_the_articles_continent_beats_a_bigger_one_across_the_ocean():
    text = ("Citrus farmers from Valencia took their complaint about imports from Morocco "
            "to the courts in Luxembourg and Strasbourg.")
    assert gid(text, "Valencia") == 2509954


def test_a_common_word_in_the_headline_or_opening_a_sentence_is_the_place_named_later():
    text = ("Troops Sent to Rosario After Killings\n\n"
            "Federal police arrived in Rosario on Monday. Rosario’s port handles most "
            "grain exports.")
    ms = [m for m in find_places(text) if m.surface == "Rosario"]
    assert len(ms) == 3 and {m.place.geonameid for m in ms} == {3838583}


def test_a_small_town_only_the_headline_names_is_a_word():
    text = ("Court Fines Poland Over Judges\n\n"
            "The European court in Luxembourg ruled against Poland on Tuesday.")
    assert "Fines" not in found(text)


@pytest.mark.parametrize("text, absent", [
    ("Sanctions were tightened in March, officials in London said.", "March"),
    ("The court ordered Budapest to pay a daily fine.", "Budapest"),
    ("A spokesperson, Dallas Reed, told reporters in Ottawa.", "Dallas"),
    ("“We have nowhere to go,” said Sophia Lin, 34, a teacher in Boston.", "Lin"),
    ("Fans of Rosario Central marched through Buenos Aires.", "Central"),
    ("Fans of Rosario Central marched through Buenos Aires.", "Rosario"),
])
def test_dates_governments_people_and_clubs(text, absent):
    assert absent not in found(text), list(found(text))


@pytest.mark.parametrize("text, surface, ident", [
    ("Fighting spread across the Democratic Republic of Congo.",
     "Democratic Republic of Congo", "country:CD"),
    ("LONDON — Traders in the City of London said the index fell.", "City of London",
     "geonames:2643741"),
    ("Neighbouring Uruguay and Argentina offered helicopters.", "Uruguay", "country:UY"),
])
def test_long_country_names_grounded_names_and_sentence_openers(text, surface, ident):
    m = found(text).get(surface)
    assert m is not None and m.place.place_id == ident, list(found(text))


def test_a_dateline_dash_opens_a_sentence():
    from geo._recognize import tokenize

    toks = tokenize("LONDON — Stock markets fell, and the rally — Stock said — faded.")
    assert [t.sent_start for t in toks if t.text == "Stock"] == [True, False]


# ---------------------------------------------------------------------------- heldout4 rules
# (tests/data/articles/heldout4/ERRORS.md: world cities and their namesakes, both ways, and
# common words; probes written for the rules, not taken from the articles)

@pytest.mark.parametrize("text, surface, geonameid", [
    # the namesake where the article is set there (the dateline names its area or itself)
    (("PARIS, Texas — City council members in Paris voted on Monday to repair the water "
      "tower."), "Paris", 4717560),
    (("LONDON, Ontario — The mayor of London said on Monday that bus fares would rise, and "
      "councillors in St. Thomas agreed."), "London", 6058560),
    (("HALIFAX, Nova Scotia — The steel plant in Sydney closed on Friday, and workers in "
      "Halifax and Truro protested."), "Sydney", 6354908),
    (("ATHENS, Georgia — Students at the university in Athens rallied on Friday, and police "
      "from Atlanta were sent in."), "Athens", 4180386),
    (("BIRMINGHAM, Alabama — Flooding closed roads in Birmingham on Tuesday, and schools in "
      "Hoover and Bessemer shut early."), "Birmingham", 4049979),
    (("KINGSTON, Ontario — Students at the university in Kingston protested on Friday, and "
      "police from Belleville were called in."), "Kingston", 5992500),
    (("BOSTON — Researchers in Cambridge said a new drug slowed the disease, and hospitals "
      "in Boston will test it."), "Cambridge", 4931972),
    # the world city where the article speaks of it from afar
    (("WASHINGTON — A Republican from Ohio said on Monday that U.S. officials would meet "
      "Iranian diplomats in Geneva."), "Geneva", 2660646),
    (("AUSTIN, Texas — The governor of Texas said he would lead a trade mission to Paris. "
      "Officials in Dallas and Houston welcomed the trip."), "Paris", 2988507),
    ("TORONTO — The premier of Ontario flew to London to meet British ministers.", "London",
     2643743),
    ("OTTAWA — Canada's trade minister flew to Sydney to meet Australian officials.",
     "Sydney", 2147714),
    ("WASHINGTON — A senator from Idaho said talks in Moscow would resume.", "Moscow",
     524901),
    ("WASHINGTON — A Republican from Georgia said the talks in Athens went well.", "Athens",
     264371),
    ("LONDON — Car workers in Birmingham and Coventry walked out on Tuesday.", "Birmingham",
     2655603),
])
def test_namesakes_both_ways(text, surface, geonameid):
    assert gid(text, surface) == geonameid


def test_a_state_named_in_passing_does_not_pull_a_small_namesake():
    """Before: Geneva, Ohio (6,447 people), because the point of Ohio (the state) was
    within 150 km of it; a state's point is no town's."""
    text = ("WASHINGTON — A Republican from Ohio asked what the envoy would give up. U.S. "
            "and Russian officials will meet in Geneva next week.")
    assert gid(text, "Geneva") == 2660646
    # the same namesake stays where a town of the article is beside it
    assert gid("Flooding hit Lancaster and Geneva, officials in Columbus said.",
               "Geneva") != 2660646


def test_a_qualified_mention_names_the_namesake_for_the_whole_article():
    text = ("The tornado struck Paris, Texas, on Friday. By Saturday, crews in Paris had "
            "cleared the roads, the mayor said.")
    assert [m.place.geonameid for m in find_places(text) if m.surface == "Paris"] == \
        [4717560, 4717560]


@pytest.mark.parametrize("text, absent", [
    ("The Bank of America said markets fell.", "The Bank"),
    ("NEW YORK — The Bank of Canada cut its main rate on Wednesday.", "The Bank"),
    ("Rain is expected to reach the coast by Thursday, forecasters in Perth said.",
     "Thursday"),
    ("A Democrat from Georgia said farmers in her state were worried.", "Democrat"),
    ("A senator said the talks risked rewarding Moscow for its invasion.", "Moscow"),
    (("Hurricane Milton made landfall near Sarasota. Milton was expected to weaken over "
      "Florida."), "Milton"),
])
def test_common_words_days_parties_storms_and_governments(text, absent):
    assert absent not in found(text), list(found(text))


@pytest.mark.parametrize("text, surface, ident", [
    ("The storm formed near Hugo, Oklahoma, and crossed into Texas.", "Oklahoma",
     "geonames:4544379"),
    (("WASHINGTON — Russia and Ukraine were discussed; a Democrat from Georgia said farmers "
      "in her state needed fertiliser."), "Georgia", "geonames:4197000"),
    ("Alberta and British Columbia asked Ottawa to speed up new pipelines.",
     "British Columbia", "geonames:5909050"),
    ("Tourists visited The Valley, the capital of Anguilla.", "The Valley",
     "geonames:3573374"),
])
def test_qualifying_areas_constituencies_and_speaking_provinces(text, surface, ident):
    m = found(text).get(surface)
    assert m is not None and m.place.place_id == ident, list(found(text))


# ------------------------------------------------------------------- prominence (world names)
# `Place.prominence` (how many alternate names GeoNames gives a place): a world-known city
# keeps its name against a much smaller, little-known namesake in the dateline's state;
# probes written for the rule, not taken from any article.

@pytest.mark.parametrize("text, surface, geonameid", [
    # Geneva, Ohio (6,447 people, 3 names) is 50 km from Columbus and in the dateline's
    # state, but neither ties it against Geneva, Switzerland (60 names)
    (("COLUMBUS, Ohio — State lawmakers debated the budget on Tuesday. Separately, U.S. "
      "officials met in Geneva with Russian negotiators."), "Geneva", 2660646),
    (("COLUMBUS, Ohio — The governor said on Monday that diplomats would gather in Geneva "
      "next month."), "Geneva", 2660646),
    # a town of the article beside the namesake (Lancaster, 15 km) still ties it
    ("LANCASTER, Ohio — Flooding closed roads in Geneva on Tuesday.", "Geneva", 4512557),
    # a namesake less than _FAMOUS_GAP times smaller keeps its state's dateline (Florence,
    # Alabama: 40,026 people against 367,150), as does one with names enough (Athens, Georgia)
    (("HUNTSVILLE, Alabama — Flooding closed roads in Florence on Tuesday, and schools in "
      "Decatur shut early."), "Florence", 4062577),
    (("ATHENS, Georgia — Students at the university in Athens rallied on Friday, and police "
      "from Atlanta were sent in."), "Athens", 4180386),
])
def test_a_world_known_city_against_a_little_known_namesake(text, surface, geonameid):
    assert gid(text, surface) == geonameid
