"""The builder: an article (or a reviewed claims file) into the four layers of the SPEC.

`build` reads its input into a :class:`~layers.model.ClaimsDoc` (extracting the claims
of an article, or loading a claims file as reviewed) and turns it into a :class:`Layers`:
four GeoDataFrames in EPSG:4326 with the SPEC's flat properties.

- places: one Point per place the article names;
- claims: one feature per claim, a Point at its (first) place, or a LineString through
  its places, in order, when the claim relates them (``relation`` set, two places or more);
  several claims at one place stay separate features at the same point;
- links: one LineString per consecutive pair of places of a relating claim, drawn along
  the geodesic (densified with :meth:`pyproj.Geod.npts`) with its length on the WGS 84
  ellipsoid;
- regions: the first-level admin areas (kind ``admin1``) the article names, as Points at
  their centres, or as their Polygons from a boundaries file. Countries stay in the places
  layer only: a whole country is the frame of a news map, not an area it is about.

Ids come from the input (place_id, claim_id; link ids from the claim id and the pair) and
features are sorted by them, so the same input gives the same layers, and
:meth:`Layers.write` the same bytes.
"""

from __future__ import annotations

import logging
import math
import os
import re
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path
from typing import TYPE_CHECKING

from geo.exc import BadInput
from layers.model import Article, Claim, ClaimsDoc, PlaceRecord

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

__all__ = [
    "PLACE_COLUMNS", "CLAIM_COLUMNS", "LINK_COLUMNS", "REGION_COLUMNS",
    "Layers", "build", "layers_from_doc", "load_doc", "geodesic_path",
]

log = logging.getLogger(__name__)

PLACE_COLUMNS = ["place_id", "name", "kind", "geonameid", "country_code", "admin1",
                 "population", "mentions", "surfaces", "geo_precision", "alternatives",
                 "source", "note"]
CLAIM_COLUMNS = ["claim_id", "article_id", "text", "span_start", "span_end", "category",
                 "measure", "value", "unit", "date_start", "date_end", "time_precision",
                 "source", "place_ids", "geo_precision", "contested", "conflicts_with",
                 "relation", "period", "qualifier", "note"]
LINK_COLUMNS = ["link_id", "claim_id", "relation", "from_place", "to_place", "length_km"]
REGION_COLUMNS = ["place_id", "name", "geonameid", "admin1", "country_code", "mentions",
                  "geometry_source"]

_ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}
_CLAIMS_SUFFIXES = {".yaml", ".yml"}
_SEP = "; "
#: densify geodesic lines with a vertex every this many km (at most _MAX_NPTS between two places)
_DENSIFY_KM = 20.0
_MAX_NPTS = 128


# --------------------------------------------------------------------------- input

def _looks_like_path(value: str) -> bool:
    """A file name rather than an article's text: one line, and a known suffix, an
    existing file, or no whitespace at all (no article is a single word)."""
    if "\n" in value or len(value) >= 4096:
        return False
    return (Path(value).suffix.lower() in _ARTICLE_SUFFIXES | _CLAIMS_SUFFIXES
            or os.path.isfile(value) or not re.search(r"\s", value.strip()))


def load_doc(path_or_text, date=None) -> ClaimsDoc:
    """Read build's input into a ClaimsDoc.

    Parameters
    ----------
    path_or_text : str, path-like or ClaimsDoc
        An article file (.txt, .md, .html: read and its claims extracted), a claims file
        (.yaml/.yml: loaded as reviewed), a ClaimsDoc (used as is), or the text of an
        article (a str that is not a file name; its id is a slug of its first line).
    date : datetime.date or str, optional
        The article's date, for relative dates and renamed places (default: the date found
        in the article). Ignored for a claims file, which carries its own.

    Raises
    ------
    geo.exc.BadInput
        A missing file, an unknown suffix, empty text, or whatever the readers reject.
    """
    if isinstance(date, str):
        try:
            date = _date.fromisoformat(date)
        except ValueError:
            raise BadInput(f"{date!r} is not a date in the form YYYY-MM-DD",
                           field="date") from None
    if isinstance(path_or_text, ClaimsDoc):
        return path_or_text
    if isinstance(path_or_text, os.PathLike) or (
            isinstance(path_or_text, str) and _looks_like_path(path_or_text)):
        path = Path(path_or_text)
        if not path.is_file():
            raise BadInput("no such file", path=str(path_or_text))
        suffix = path.suffix.lower()
        if suffix in _CLAIMS_SUFFIXES:
            from layers.claimsfile import load_claims_file
            return load_claims_file(path)
        from layers.text.article import read_article
        from layers.text.claims import extract
        return extract(read_article(path), date=date)
    if not isinstance(path_or_text, str):
        raise TypeError(f"build() takes a path, an article's text or a ClaimsDoc, "
                        f"not {type(path_or_text).__name__}")
    if not path_or_text.strip():
        raise BadInput("the article text is empty")
    from layers.text.article import article_from_text, slugify
    from layers.text.claims import extract

    first = next(line for line in path_or_text.splitlines() if line.strip())
    article = article_from_text(path_or_text, id=slugify(first.strip()[:80]))
    return extract(article, date=date)


# --------------------------------------------------------------------------- geometry

def _split_antimeridian(coords: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Cut a lon/lat path where it crosses the antimeridian (RFC 7946, 3.1.9)."""
    parts = [[coords[0]]]
    for (x0, y0), (x1, y1) in zip(coords, coords[1:]):
        if abs(x1 - x0) > 180.0:
            edge = 180.0 if x0 > 0 else -180.0
            x1u = x1 + 360.0 if x0 > 0 else x1 - 360.0
            # both ends on the antimeridian (180 and -180): cut at the first
            t = (edge - x0) / (x1u - x0) if x1u != x0 else 0.0
            y_mid = y0 + t * (y1 - y0)
            parts[-1].append((edge, y_mid))
            parts.append([(-edge, y_mid)])
        parts[-1].append((x1, y1))
    parts = [p for p in parts if len(p) >= 2]
    # a cut exactly at a vertex on the antimeridian leaves a part of one repeated point
    whole = [p for p in parts if len(set(p)) >= 2]
    return whole or parts[:1]


def geodesic_path(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """The geodesic through lon/lat points, densified, cut at the antimeridian.

    Parameters
    ----------
    points : list of (lon, lat)
        Two or more points, in order.

    Returns
    -------
    list of list of (lon, lat)
        One part, or more where the path crosses the antimeridian.

    Examples
    --------
    >>> parts = geodesic_path([(37.17706, 48.28014), (37.56779, 48.73106)])
    >>> len(parts), parts[0][0], parts[0][-1]
    (1, (37.17706, 48.28014), (37.56779, 48.73106))
    """
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    coords: list[tuple[float, float]] = [points[0]]
    for (lon1, lat1), (lon2, lat2) in zip(points, points[1:]):
        dist_km = geod.inv(lon1, lat1, lon2, lat2)[2] / 1000.0
        n = min(_MAX_NPTS, int(dist_km // _DENSIFY_KM))
        if n > 0:
            coords.extend((float(x), float(y)) for x, y in geod.npts(lon1, lat1, lon2, lat2, n))
        coords.append((lon2, lat2))
    return _split_antimeridian(coords)


def _line(points):
    from shapely.geometry import LineString, MultiLineString

    parts = geodesic_path(points)
    return LineString(parts[0]) if len(parts) == 1 else MultiLineString(parts)


def _length_km(a: PlaceRecord, b: PlaceRecord) -> float:
    from pyproj import Geod

    return round(Geod(ellps="WGS84").inv(a.lon, a.lat, b.lon, b.lat)[2] / 1000.0, 3)


# --------------------------------------------------------------------------- layers

def _check_doc(doc: ClaimsDoc, source: str | None) -> dict[str, PlaceRecord]:
    """Validate what the layers rely on; the place index by place_id."""
    index: dict[str, PlaceRecord] = {}
    for p in doc.places:
        if p.place_id in index:
            raise BadInput(f"place {p.place_id!r} is listed twice", path=source, field="places")
        if not (isinstance(p.lat, (int, float)) and isinstance(p.lon, (int, float))
                and -90.0 <= p.lat <= 90.0 and -180.0 <= p.lon <= 180.0):
            raise BadInput(f"place {p.place_id!r} has coordinates out of range "
                           f"(lat={p.lat!r}, lon={p.lon!r})", path=source, field="places")
        index[p.place_id] = p
    seen: set[str] = set()
    for c in doc.claims:
        if c.claim_id in seen:
            raise BadInput(f"claim {c.claim_id!r} is listed twice", path=source, field="claims")
        seen.add(c.claim_id)
        for pid in c.place_ids:
            if pid not in index:
                raise BadInput(f"claim {c.claim_id!r} names place {pid!r}, which is not among "
                               "the places", path=source, field="place_ids")
    return index


def _int_or_none(value):
    return None if value is None else int(value)


def _place_row(p: PlaceRecord) -> dict:
    return {
        "place_id": p.place_id, "name": p.name, "kind": p.kind,
        "geonameid": _int_or_none(p.geonameid), "country_code": p.country_code or "",
        "admin1": p.admin1 or "", "population": int(p.population or 0),
        "mentions": int(p.mentions or 0), "surfaces": _SEP.join(p.surfaces),
        "geo_precision": int(p.geo_precision), "alternatives": _SEP.join(p.alternatives),
        "source": p.source or "", "note": p.note or "",
    }


def _claim_row(c: Claim) -> dict:
    value = None if c.value is None else float(c.value)
    return {
        "claim_id": c.claim_id, "article_id": c.article_id, "text": c.text,
        "span_start": int(c.span_start), "span_end": int(c.span_end), "category": c.category,
        "measure": c.measure or "", "value": value, "unit": c.unit or "",
        "date_start": c.date_start or "", "date_end": c.date_end or "",
        "time_precision": c.time_precision or "", "source": c.source or "",
        "place_ids": _SEP.join(c.place_ids), "geo_precision": int(c.geo_precision),
        "contested": bool(c.contested), "conflicts_with": _SEP.join(c.conflicts_with),
        "relation": c.relation or "", "period": c.period or "", "qualifier": c.qualifier or "",
        "note": c.note or "",
    }


def _path_places(c: Claim, index: dict[str, PlaceRecord]) -> list[PlaceRecord]:
    """The claim's places in order, with consecutive repeats dropped."""
    out: list[PlaceRecord] = []
    for pid in c.place_ids:
        if not out or out[-1].place_id != pid:
            out.append(index[pid])
    return out


def _relates(c: Claim, path: list[PlaceRecord]) -> bool:
    return bool(c.relation) and len(path) >= 2


_DTYPES = {
    "geonameid": "Int32", "population": "Int64", "mentions": "int32", "geo_precision": "int32",
    "span_start": "int32", "span_end": "int32", "value": "float64", "contested": "bool",
    "length_km": "float64",
}


@dataclass
class LayerRows:
    """One layer before it becomes a GeoDataFrame: rows of plain values and their shapely
    geometries, with the layer's columns and sort order (see :func:`layer_rows`)."""

    rows: list[dict]
    geoms: list
    columns: list[str]
    sort_key: str
    points_first: bool = False

    def frame(self):
        """The layer as a GeoDataFrame in EPSG:4326 (typed columns, sorted)."""
        return _frame(self.rows, self.columns, self.geoms, self.sort_key, self.points_first)

    def plain(self, columns) -> list[dict]:
        """The rows as the GeoDataFrame of :meth:`frame` gives them back as plain Python
        (its order, `columns` of those it has, geometry included), without pandas."""
        keep = [c for c in self.columns if c in columns]
        order = sorted(range(len(self.rows)), key=lambda i: (
            (self.geoms[i].geom_type != "Point") if self.points_first else False,
            self.rows[i].get(self.sort_key) or ""))
        out = []
        for i in order:
            row = {c: _plain_cell(c, self.rows[i].get(c)) for c in keep}
            if "geometry" in columns:
                row["geometry"] = self.geoms[i]
            out.append(row)
        return out


def _plain_cell(column: str, value):
    """A cell as `_frame` types it, read back as plain Python."""
    kind = _DTYPES.get(column)
    if kind is None:
        return "" if value is None else str(value)
    if value is None:
        return float("nan") if kind == "float64" else None
    if kind == "bool":
        return bool(value)
    return float(value) if kind == "float64" else int(value)


@dataclass
class DocRows:
    """The four layers of a ClaimsDoc as :class:`LayerRows` (no pandas, no geopandas)."""

    doc: ClaimsDoc
    places: LayerRows
    claims: LayerRows
    links: LayerRows
    regions: LayerRows
    unplaced: list[str]


def _frame(rows: list[dict], columns: list[str], geoms: list, sort_key: str,
           points_first: bool = False):
    import geopandas as gpd
    import pandas as pd

    df = pd.DataFrame(rows, columns=columns)
    for col in columns:
        if col in _DTYPES:
            df[col] = df[col].astype(_DTYPES[col])
        else:
            df[col] = df[col].astype(object).where(df[col].notna(), "").astype(str)
    gdf = gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(list(geoms), crs="EPSG:4326"),
                           crs="EPSG:4326")
    keys = [sort_key]
    if points_first:
        # points before lines: QGIS gives a mixed GeoJSON the first feature's geometry type
        gdf["_order"] = (gdf.geometry.geom_type != "Point").astype(int)
        keys = ["_order", sort_key]
    gdf = gdf.sort_values(keys, kind="stable").reset_index(drop=True)
    return gdf.drop(columns=["_order"]) if points_first else gdf


def _point(p: PlaceRecord):
    from shapely.geometry import Point

    return Point(p.lon, p.lat)  # lon, lat: x is longitude


def layers_from_doc(doc: ClaimsDoc, boundaries: str | os.PathLike | None = None,
                    *, source: str | None = None) -> Layers:
    """Turn a ClaimsDoc into the four layers.

    Parameters
    ----------
    doc : ClaimsDoc
        The article, its places and its claims.
    boundaries : str or path-like, optional
        A vector file of admin areas (any format GDAL reads); regions it matches become
        its polygons (see :func:`layers.builder._match_boundaries`).
    source : str, optional
        The input's file name, for error messages.

    Returns
    -------
    Layers
    """
    return _layers(layer_rows(doc, source=source), boundaries)


def _layers(rows: DocRows, boundaries) -> Layers:
    doc = rows.doc
    if boundaries is not None:
        _match_boundaries(rows.regions.rows, rows.regions.geoms, boundaries)
    return Layers(doc=doc, places=rows.places.frame(), claims=rows.claims.frame(),
                  links=rows.links.frame(), regions=rows.regions.frame(),
                  unplaced_claims=rows.unplaced,
                  boundaries=None if boundaries is None else str(boundaries))


def layer_rows(doc: ClaimsDoc, *, source: str | None = None) -> DocRows:
    """The four layers of `doc` as plain rows and shapely geometries (regions at the
    gazetteer's centres), checked like :func:`layers_from_doc` checks them; what
    `layers_from_doc` turns into GeoDataFrames. Needs no pandas or geopandas, so a build
    can hand them to the static map's process before it has imported them.

    Raises
    ------
    geo.exc.BadInput
        A claim names a place the document does not have (and the like).
    """
    source = source or doc.article.path
    index = _check_doc(doc, source)

    places = sorted(doc.places, key=lambda p: p.place_id)
    place_rows = LayerRows([_place_row(p) for p in places], [_point(p) for p in places],
                           PLACE_COLUMNS, "place_id")

    claim_rows, claim_geoms, link_rows, link_geoms = [], [], [], []
    unplaced = []
    for c in sorted(doc.claims, key=lambda c: c.claim_id):
        path = _path_places(c, index)
        if not path:
            unplaced.append(c.claim_id)
            continue
        claim_rows.append(_claim_row(c))
        if _relates(c, path):
            claim_geoms.append(_line([(p.lon, p.lat) for p in path]))
            for i, (a, b) in enumerate(zip(path, path[1:]), start=1):
                link_rows.append({"link_id": f"{c.claim_id}:{i}", "claim_id": c.claim_id,
                                  "relation": c.relation, "from_place": a.place_id,
                                  "to_place": b.place_id, "length_km": _length_km(a, b)})
                link_geoms.append(_line([(a.lon, a.lat), (b.lon, b.lat)]))
        else:
            claim_geoms.append(_point(path[0]))
    if unplaced:
        log.info("%d claims name no place and are left out of the map layers "
                 "(they stay in the claims file and CSV): %s", len(unplaced), ", ".join(unplaced))

    admin = [p for p in places if p.kind == "admin1"]
    region_rows = [{"place_id": p.place_id, "name": p.name, "geonameid": _int_or_none(p.geonameid),
                    "admin1": p.admin1 or "", "country_code": p.country_code or "",
                    "mentions": int(p.mentions or 0), "geometry_source": "gazetteer centre"}
                   for p in admin]
    region_geoms = [_point(p) for p in admin]
    return DocRows(
        doc, place_rows,
        LayerRows(claim_rows, claim_geoms, CLAIM_COLUMNS, "claim_id", points_first=True),
        LayerRows(link_rows, link_geoms, LINK_COLUMNS, "link_id"),
        LayerRows(region_rows, region_geoms, REGION_COLUMNS, "place_id"), unplaced)


# --------------------------------------------------------------------------- boundaries

_GID_COLUMNS = ("geonameid", "geoname_id", "geonames_id", "geonames", "gn_id")
_CODE_COLUMNS = ("admin1", "admin1_code", "admin1code", "adm1_code", "gn_a1_code", "code",
                 "iso_3166_2", "hasc_1")
_NAME_COLUMNS = ("name", "name_en", "name_1", "shapename", "admin1_name", "adm1_en",
                 "nl_name_1", "gn_name", "woe_name", "name_local", "nom", "region")
_ALT_NAME_COLUMNS = ("name_alt", "varname_1", "alt_names", "alternatenames")

#: generic words of admin-area names, dropped when matching names ("Donetsk Oblast" ~ "Donetsk")
_ADMIN_WORDS = {
    "oblast", "oblasts", "region", "province", "state", "governorate", "prefecture", "county",
    "district", "department", "departement", "municipality", "territory", "krai", "kray",
    "republic", "autonomous", "okrug", "voivodeship", "canton", "emirate", "division",
    "of", "the", "obl", "raion", "rayon", "provincia", "estado", "wilayah", "ili",
    "muhafazah", "velayat", "vilayet", "oblysy", "oblasti", "kraj",
}


def _name_keys(name: str) -> set[str]:
    """Normalised forms of an admin-area name, with and without the generic words."""
    from geo.namekey import normalize

    key = normalize(str(name))
    if not key:
        return set()
    words = [w for w in re.split(r"\s+", key) if w]
    core = " ".join(w for w in words if w not in _ADMIN_WORDS)
    return {k for k in (key, core) if k}


def _code_keys(code) -> set[str]:
    s = str(code).strip().upper()
    if not s or s in ("NAN", "NONE"):
        return set()
    return {s, s.replace(".", "").replace("-", "")}


def _read_boundaries(path):
    import geopandas as gpd

    try:
        gdf = gpd.read_file(path)
    except Exception as err:  # pyogrio raises DataSourceError and friends; all mean bad input
        raise BadInput(f"cannot read the boundaries file: {err}", path=str(path)) from err
    if gdf.crs is None:
        log.warning("%s has no coordinate reference system; assuming WGS 84 lon/lat", path)
        gdf = gdf.set_crs(4326)
    elif not gdf.crs.equals("EPSG:4326"):
        gdf = gdf.to_crs(4326)
    keep = gdf.geometry.notna() & gdf.geometry.geom_type.isin(["Polygon", "MultiPolygon"])
    if not keep.any():
        raise BadInput("the boundaries file holds no polygons", path=str(path))
    return gdf[keep]


def _match_boundaries(rows: list[dict], geoms: list, path) -> None:
    """Replace each region's centre with its polygon from a boundaries file, in place.

    A region matches the rows of the file with its geonameid (a column such as
    ``geonameid`` or ``gn_id``), else its admin1 code (``admin1``, ``gn_a1_code``,
    ``code``: ``UA.05`` or ``UA05``), else its name (``name``, ``name_en``, ``NAME_1``,
    ``shapeName``... and alternate-name columns), compared normalised and without generic
    words such as "Oblast" or "Province". Several matching rows are merged. A region the
    file lacks keeps its centre point (with a warning).
    """
    import shapely
    from shapely.geometry import MultiPolygon, Polygon
    from shapely.geometry.polygon import orient

    gdf = _read_boundaries(path)
    cols = {str(c).lower(): c for c in gdf.columns if c != gdf.geometry.name}

    def column_keys(names, keyfunc, split=False):
        out: dict[str, set[int]] = {}
        for lname in names:
            if lname not in cols:
                continue
            for i, value in enumerate(gdf[cols[lname]].tolist()):
                if value is None or (isinstance(value, float) and math.isnan(value)):
                    continue
                values = re.split(r"[|;,]", str(value)) if split else [value]
                for v in values:
                    for k in keyfunc(v):
                        out.setdefault(k, set()).add(i)
        return out

    def gid_keys(v):
        try:
            return {str(int(float(v)))}
        except (TypeError, ValueError):
            return set()

    by_gid = column_keys(_GID_COLUMNS, gid_keys)
    by_code = column_keys(_CODE_COLUMNS, _code_keys)
    by_name = column_keys(_NAME_COLUMNS, _name_keys)
    by_alt = column_keys(_ALT_NAME_COLUMNS, _name_keys, split=True)
    label = Path(path).name
    for row_i, row in enumerate(rows):
        hits: set[int] = set()
        if row["geonameid"] is not None:
            hits = by_gid.get(str(row["geonameid"]), set())
        for k in _code_keys(row["admin1"]) if not hits else ():
            hits = hits | by_code.get(k, set())
        if not hits:
            for k in _name_keys(row["name"]):
                hits = hits | by_name.get(k, set()) | by_alt.get(k, set())
                if hits:
                    break
        if not hits:
            log.warning("region %s (%s) is not in %s; it stays a point at its centre",
                        row["name"], row["place_id"], label)
            continue
        geom = shapely.union_all([gdf.geometry.iloc[i] for i in sorted(hits)])
        polys = [geom] if isinstance(geom, Polygon) else list(getattr(geom, "geoms", []))
        polys = [orient(p, sign=1.0) for p in polys if isinstance(p, Polygon) and not p.is_empty]
        if not polys:
            continue
        geoms[row_i] = MultiPolygon(polys)
        row["geometry_source"] = f"boundaries: {label}"


# --------------------------------------------------------------------------- Layers

@dataclass
class Layers:
    """The four layers of one article, and the claims document they come from.

    Attributes
    ----------
    doc : ClaimsDoc
        The article, places and claims the layers were built from.
    places, claims, links, regions : geopandas.GeoDataFrame
        EPSG:4326, with the SPEC's columns (see ``PLACE_COLUMNS`` etc.), sorted by id
        (claims: the points, then the lines, each by claim_id).
    unplaced_claims : list of str
        Ids of claims that name no place (in the claims file and CSV, not on the map).
    boundaries : str or None
        The boundaries file regions were matched against, if any.
    """

    doc: ClaimsDoc
    places: gpd.GeoDataFrame
    claims: gpd.GeoDataFrame
    links: gpd.GeoDataFrame
    regions: gpd.GeoDataFrame
    unplaced_claims: list[str] = field(default_factory=list)
    boundaries: str | None = None

    LAYER_NAMES = ("places", "claims", "links", "regions")

    @property
    def slug(self) -> str:
        """The article id: every file name starts with it."""
        return self.doc.article.id

    @property
    def article(self) -> Article:
        """The article the layers are about."""
        return self.doc.article

    def counts(self) -> dict[str, int]:
        """Feature count of each layer."""
        return {name: int(len(getattr(self, name))) for name in self.LAYER_NAMES}

    def write(self, out_dir: str | os.PathLike = "output", figure: dict | None = None,
              *, maps: bool = True, claims_file: bool = True) -> list[Path]:
        """Write every file of the SPEC for this article into out_dir, atomically.

        Parameters
        ----------
        out_dir : str or path-like
            The folder (made if missing). Files of the same article are replaced.
        figure : dict, optional
            Options of the static map (basemap, figure_size, dpi, title), passed to
            :func:`layers.render.static.write_static`.
        maps : bool
            Also draw the maps (HTML, PNG/SVG, report). False writes only the data files:
            GeoJSON, GeoPackage, CSV, claims YAML and the manifest.
        claims_file : bool
            Also write the claims YAML (False for a merge of many articles, which is
            no one article's claims file: see :mod:`layers.batch`).

        Returns
        -------
        list of Path
            The files written, in out_dir.

        Notes
        -----
        The static map is drawn in a second (forked) process while the other files are
        written, where the machine has two cores and the process runs no other thread
        (see :mod:`layers.render._worker`); the files are the same bytes either way.
        """
        from layers.files import write_all
        from layers.io.writers import atomic_output

        with atomic_output(out_dir) as tmp:
            # under the folder's lock: no other build can take the id meanwhile
            _check_own_files(self, Path(out_dir))
            names = [p.name for p in write_all(self, Path(tmp), figure or {}, maps=maps,
                                                  claims_file=claims_file)]
        return [Path(out_dir) / n for n in names]

    def __repr__(self) -> str:
        c = self.counts()
        art = self.doc.article
        when = art.published.isoformat() if art.published else "undated"
        return (f"<Layers {self.slug!r} ({when}): {c['places']} places, {c['claims']} claims, "
                f"{c['links']} links, {c['regions']} regions>")

    def _repr_html_(self) -> str:
        from html import escape

        def table(gdf, columns, limit=12):
            if not len(gdf):
                return "<p><i>none</i></p>"
            cols = [c for c in columns if c in gdf.columns]
            head = "".join(f"<th>{escape(c)}</th>" for c in cols)
            body = []
            for _, row in gdf.head(limit).iterrows():
                cells = "".join(f"<td>{escape(_cell(row[c]))}</td>" for c in cols)
                body.append(f"<tr>{cells}</tr>")
            more = (f"<p><i>... and {len(gdf) - limit} more</i></p>" if len(gdf) > limit else "")
            return f"<table><tr>{head}</tr>{''.join(body)}</table>{more}"

        c = self.counts()
        art = self.doc.article
        parts = [
            f"<div><b>Layers</b> of <code>{escape(self.slug)}</code>"
            f"{' — ' + escape(art.title) if art.title else ''}"
            f" ({escape(art.published.isoformat()) if art.published else 'undated'})<br>",
            ", ".join(f"{n} {k}" for k, n in c.items()),
            "<h4>places</h4>",
            table(self.places, ["place_id", "name", "kind", "mentions", "geo_precision"]),
            "<h4>claims</h4>",
            table(self.claims, ["claim_id", "category", "measure", "value", "unit",
                                "date_start", "source", "place_ids"]),
            "<h4>links</h4>",
            table(self.links, ["link_id", "relation", "from_place", "to_place", "length_km"]),
            "<h4>regions</h4>",
            table(self.regions, ["place_id", "name", "admin1", "geometry_source"]),
            "</div>",
        ]
        return "".join(parts)


#: an id that is one file-name part: word characters, '.', '-'; no '..', not hidden
_SAFE_ID_RE = re.compile(r"(?!.*\.\.)[^\W_][\w.-]*|_[\w.-]*")


def input_file_name(doc: ClaimsDoc) -> str | None:
    """The name of the file the article was read from (None for text or a merge).

    It is recorded in the manifest (``input_file``): two inputs whose ids are the same
    ("a b.txt" and "a-b.txt") are two articles, and must not overwrite each other.
    """
    return Path(doc.article.path).name if doc.article.path else None


def _check_own_files(layers: Layers, out_dir: Path) -> None:
    """Refuse an id that is not a plain file name, or whose files in out_dir are those
    of another input (its manifest names another ``input_file``)."""
    import json

    slug, path = layers.slug, layers.doc.article.path
    if not isinstance(slug, str) or not _SAFE_ID_RE.fullmatch(slug) or \
            any(not ch.isprintable() for ch in slug):
        raise BadInput(f"article id {slug!r} is not a safe file name (letters, digits, "
                       "'.', '-' and '_'; no '..')", path=path, field="id")
    manifest = out_dir / f"{slug}.manifest.json"
    try:
        old = json.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return
    except (OSError, ValueError) as err:
        log.warning("%s cannot be read (%s); its files are replaced", manifest, err)
        return
    if not isinstance(old, dict) or "input_file" not in old:
        return
    mine = input_file_name(layers.doc)
    if old["input_file"] != mine:
        theirs = repr(old["input_file"]) if old["input_file"] else "another input"
        raise BadInput(f"its id {slug!r} is also the id of {theirs}, whose files are in "
                       f"{out_dir}; refusing to overwrite them (rename one of the two, or "
                       "build into another --out)", path=path, field="id")


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "..."


def build(path_or_text, date=None, boundaries=None) -> Layers:
    """Build the four layers of an article or a reviewed claims file.

    Parameters
    ----------
    path_or_text : str, path-like or ClaimsDoc
        An article (.txt, .md, .html), a claims file (.yaml), a ClaimsDoc, or an
        article's text.
    date : datetime.date or str, optional
        The article's date (YYYY-MM-DD); default: the date found in it.
    boundaries : str or path-like, optional
        A vector file of admin boundaries; matched regions become polygons.

    Returns
    -------
    Layers

    Raises
    ------
    geo.exc.BadInput
        Input a person can fix (missing file, unknown place id in a claims file, ...).
    """
    doc = load_doc(path_or_text, date=date)
    source = str(path_or_text) if isinstance(path_or_text, (str, os.PathLike)) and \
        _looks_like_path(str(path_or_text)) else None
    rows = layer_rows(doc, source=source)
    if boundaries is None:
        # inside the command line's static_worker block, the map's process starts
        # drawing now, while this one imports geopandas and makes the GeoDataFrames
        from layers.render._worker import draw_early

        draw_early(rows)
    return _layers(rows, boundaries)
