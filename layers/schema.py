"""The SPEC's four layers: their columns and types, and one row (with its geometry) per
record of a ClaimsDoc; plain rows first (no pandas), GeoDataFrames on demand."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass

from geo.exc import BadInput
from layers.model import Article, Claim, ClaimsDoc, PlaceRecord

__all__ = [
    "PLACE_COLUMNS", "CLAIM_COLUMNS", "LINK_COLUMNS", "REGION_COLUMNS", "DATE_COLUMNS", "SEP",
    "LayerRows", "DocRows", "layer_rows", "claim_row", "place_row", "article_index",
    "article_url", "geodesic_path",
]

log = logging.getLogger("layers.builder")

PLACE_COLUMNS = ["place_id", "name", "kind", "geonameid", "country_code", "admin1",
                 "population", "mentions", "surfaces", "geo_precision", "alternatives",
                 "source", "note",
                 # how many claims are drawn at the place's point (its own, and those of a
                 # place drawn at the same point): QGIS's style sets the label clear of them
                 "claim_count"]
CLAIM_COLUMNS = ["claim_id", "article_id", "text", "span_start", "span_end", "category",
                 "measure", "value", "value_max", "unit", "date_start", "date_end", "time_precision",
                 "source", "place_ids", "geo_precision", "contested", "conflicts_with",
                 "relation", "period", "qualifier", "note",
                 # what a reader of one row needs without joining the places layer or
                 # opening the article: the places' names as the maps label them (the
                 # article's form, `symbology.label_for`; in the order of place_ids),
                 # the article's title and its URL (empty when the article has none)
                 "place_names", "article_title", "article_url"]
#: claims columns that are ISO dates: strings in GeoJSON and CSV, DATE in the GeoPackage
DATE_COLUMNS = ("date_start", "date_end")
LINK_COLUMNS = ["link_id", "claim_id", "relation", "from_place", "to_place", "length_km"]
REGION_COLUMNS = ["place_id", "name", "kind", "geonameid", "admin1", "country_code", "mentions",
                  "geometry_source"]

SEP = "; "
#: densify geodesic lines with a vertex every this many km (at most MAX_NPTS between two places)
DENSIFY_KM = 20.0
MAX_NPTS = 128



# --------------------------------------------------------------------------- geometry

def split_antimeridian(coords: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
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
        n = min(MAX_NPTS, int(dist_km // DENSIFY_KM))
        if n > 0:
            coords.extend((float(x), float(y)) for x, y in geod.npts(lon1, lat1, lon2, lat2, n))
        coords.append((lon2, lat2))
    return split_antimeridian(coords)


def geodesic_line(points):
    from shapely.geometry import LineString, MultiLineString

    parts = geodesic_path(points)
    return LineString(parts[0]) if len(parts) == 1 else MultiLineString(parts)


def length_km(a: PlaceRecord, b: PlaceRecord) -> float:
    from pyproj import Geod

    return round(Geod(ellps="WGS84").inv(a.lon, a.lat, b.lon, b.lat)[2] / 1000.0, 3)


# --------------------------------------------------------------------------- layers

def check_doc(doc: ClaimsDoc, source: str | None) -> dict[str, PlaceRecord]:
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


def int_or_none(value):
    return None if value is None else int(value)


def place_row(p: PlaceRecord) -> dict:
    return {
        "place_id": p.place_id, "name": p.name, "kind": p.kind,
        "geonameid": int_or_none(p.geonameid), "country_code": p.country_code or "",
        "admin1": p.admin1 or "", "population": int(p.population or 0),
        "mentions": int(p.mentions or 0), "surfaces": SEP.join(p.surfaces),
        "geo_precision": int(p.geo_precision), "alternatives": SEP.join(p.alternatives),
        "source": p.source or "", "note": p.note or "",
    }


def _place_label(p: PlaceRecord | None) -> str:
    """A place's name as the maps label it: the article's form of it (see `label_for`)."""
    if p is None:
        return ""
    from layers.symbology import label_for

    return label_for(p.name, p.surfaces, p.kind)


def article_url(article: Article | None) -> str:
    """The article's URL: its ``url``, else its source when that is a web address, else empty."""
    if article is None:
        return ""
    from layers.text.article import web_address

    return web_address(getattr(article, "url", "")) or web_address(article.source)


def article_index(doc: ClaimsDoc) -> dict[str, Article]:
    """article id -> Article for the claims of a document: its own article, and those a
    merged document was made of (``ClaimsDoc.articles``)."""
    index = {a.id: a for a in getattr(doc, "articles", None) or []}
    index.setdefault(doc.article.id, doc.article)
    return index


def claim_row(c: Claim, places: dict[str, PlaceRecord] | None = None,
              articles: dict[str, Article] | None = None) -> dict:
    """One claims row; `places` (place_id -> PlaceRecord) and `articles` (article id ->
    Article) fill ``place_names``, ``article_title`` and ``article_url``."""
    value = None if c.value is None else float(c.value)
    places = places or {}
    article = (articles or {}).get(c.article_id)
    return {
        "claim_id": c.claim_id, "article_id": c.article_id, "text": c.text,
        "span_start": int(c.span_start), "span_end": int(c.span_end), "category": c.category,
        "measure": c.measure or "", "value": value,
        "value_max": None if c.value_max is None else float(c.value_max), "unit": c.unit or "",
        "date_start": c.date_start or "", "date_end": c.date_end or "",
        "time_precision": c.time_precision or "", "source": c.source or "",
        "place_ids": SEP.join(c.place_ids), "geo_precision": int(c.geo_precision),
        "contested": bool(c.contested), "conflicts_with": SEP.join(c.conflicts_with),
        "relation": c.relation or "", "period": c.period or "", "qualifier": c.qualifier or "",
        "note": c.note or "",
        "place_names": SEP.join(_place_label(places.get(pid)) for pid in c.place_ids),
        "article_title": article.title if article is not None else "",
        "article_url": article_url(article),
    }


def path_places(c: Claim, index: dict[str, PlaceRecord]) -> list[PlaceRecord]:
    """The claim's places in order, with consecutive repeats dropped."""
    out: list[PlaceRecord] = []
    for pid in c.place_ids:
        if not out or out[-1].place_id != pid:
            out.append(index[pid])
    return out


def relates(c: Claim, path: list[PlaceRecord]) -> bool:
    return bool(c.relation) and len(path) >= 2


DTYPES = {
    "geonameid": "Int32", "population": "Int64", "mentions": "int32", "geo_precision": "int32",
    "span_start": "int32", "span_end": "int32", "value": "float64", "value_max": "float64", "contested": "bool",
    "length_km": "float64", "claim_count": "int32",
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
        return frame(self.rows, self.columns, self.geoms, self.sort_key, self.points_first)

    def plain(self, columns) -> list[dict]:
        """The rows as the GeoDataFrame of :meth:`frame` gives them back as plain Python
        (its order, `columns` of those it has, geometry included), without pandas."""
        keep = [c for c in self.columns if c in columns]
        order = sorted(range(len(self.rows)), key=lambda i: (
            (self.geoms[i].geom_type != "Point") if self.points_first else False,
            self.rows[i].get(self.sort_key) or ""))
        out = []
        for i in order:
            row = {c: plain_cell(c, self.rows[i].get(c)) for c in keep}
            if "geometry" in columns:
                row["geometry"] = self.geoms[i]
            out.append(row)
        return out


def plain_cell(column: str, value):
    """A cell as `frame` types it, read back as plain Python."""
    kind = DTYPES.get(column)
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
    borders: str = "recognised"


def frame(rows: list[dict], columns: list[str], geoms: list, sort_key: str,
           points_first: bool = False):
    import geopandas as gpd
    import pandas as pd

    df = pd.DataFrame(rows, columns=columns)
    for col in columns:
        if col in DTYPES:
            df[col] = df[col].astype(DTYPES[col])
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


def point(p: PlaceRecord):
    from shapely.geometry import Point

    return Point(p.lon, p.lat)  # lon, lat: x is longitude


#: the kinds of admin area whose outlines the regions layer holds (first and second level)
AREA_KINDS = ("admin1", "admin2")
#: the kinds of place the regions layer holds: the admin areas, the countries and the
#: continents and world regions (``region``: the union of their members' outlines)
REGION_KINDS = (*AREA_KINDS, "country", "region")


def area_anchors(places: list[PlaceRecord], *, bundled: bool = True,
                 borders: str | None = None) -> tuple[dict, dict]:
    """Where the claims about each area are drawn, and the areas' shipped outlines.

    A country's claims sit at a point well inside its outline (with the `borders` chosen;
    :func:`layers.boundaries.inner_point`), not at the gazetteer's point, which is its
    capital. A first-level area's sit at the gazetteer's point (the centre of its towns)
    when that lies inside its outline (Natural Earth's,
    :func:`layers.boundaries.bundled_outline`), else at a point well inside it. The claims
    file keeps the gazetteer's coordinates; the map layers draw the area at this point.
    With ``bundled=False`` (a user's boundaries file) no admin area's outline is given; a
    country's always is (Natural Earth's, with the `borders` chosen).

    Returns
    -------
    anchors : dict
        place_id -> (lon, lat) for the areas that have an outline.
    outlines : dict
        place_id -> MultiPolygon: the countries' outlines, and the admin areas' (none if
        not `bundled`).
    """
    from shapely.geometry import Point

    from layers.boundaries import bundled_outline, inner_point

    anchors: dict[str, tuple[float, float]] = {}
    outlines: dict = {}
    countries = None
    for p in places:
        geom = None
        if p.kind in AREA_KINDS:
            geom = bundled_outline(p)
            if geom is not None and bundled:
                outlines[p.place_id] = geom
        elif p.kind == "country" and p.country_code:
            if countries is None:
                from geo.outlines import country_outlines

                world = country_outlines(borders)
                countries = {cc: g for cc, g in zip(world.iso_a2, world.geometry) if cc}
            geom = countries.get(p.country_code.upper())
            if geom is not None and not geom.is_empty:
                outlines[p.place_id] = geom   # shipped either way: a boundaries file may match it
        elif p.kind == "region":
            from geo.outlines import world_region_outline

            geom = world_region_outline(p.name, borders)
            if geom is not None and not geom.is_empty:
                outlines[p.place_id] = geom
            continue    # its claims stay at the gazetteer's point of it (a continent's
            # pole of inaccessibility would put "Europe" deep in Russia)
        if geom is None or geom.is_empty:
            continue
        if p.kind in AREA_KINDS and geom.contains(Point(p.lon, p.lat)):
            continue    # the gazetteer's centre of the area's towns, inside it: kept
        pt = inner_point(geom)
        anchors[p.place_id] = (round(pt.x, 6), round(pt.y, 6))
    return anchors, outlines


def layer_rows(doc: ClaimsDoc, *, source: str | None = None, bundled: bool = True,
               borders: str | None = None) -> DocRows:
    """The four layers of `doc` as plain rows and shapely geometries, checked like
    :func:`layers_from_doc` checks them; what `layers_from_doc` turns into GeoDataFrames.
    Needs no pandas or geopandas, so a build can hand them to the static map's process
    before it has imported them.

    Regions (the countries and the admin areas the article names, first and second level;
    column ``kind``) are their shipped outlines (Natural Earth countries and admin-1, US
    counties), a Point at the gazetteer's centre where none matches or where
    ``bundled=False`` (a user's boundaries file gives them). Claims about an area or a
    country are drawn at a point inside it (:func:`area_anchors`, with `borders`).

    Raises
    ------
    geo.exc.BadInput
        A claim names a place the document does not have (and the like).
    """
    from shapely.geometry import Point

    from geo.outlines import check_borders

    source = source or doc.article.path
    index = check_doc(doc, source)

    places = sorted(doc.places, key=lambda p: p.place_id)
    anchors, outlines = area_anchors(places, bundled=bundled, borders=borders)

    def at(p: PlaceRecord) -> tuple[float, float]:
        return anchors.get(p.place_id, (p.lon, p.lat))

    # an area's or a country's point on the map is where its claims are: inside it
    place_rows = LayerRows([place_row(p) for p in places], [Point(*at(p)) for p in places],
                           PLACE_COLUMNS, "place_id")

    articles = article_index(doc)
    claim_rows, claim_geoms, link_rows, link_geoms = [], [], [], []
    unplaced = []
    for c in sorted(doc.claims, key=lambda c: c.claim_id):
        path = path_places(c, index)
        if not path:
            unplaced.append(c.claim_id)
            continue
        claim_rows.append(claim_row(c, index, articles))
        if relates(c, path):
            claim_geoms.append(geodesic_line([at(p) for p in path]))
            for i, (a, b) in enumerate(zip(path, path[1:]), start=1):
                link_rows.append({"link_id": f"{c.claim_id}:{i}", "claim_id": c.claim_id,
                                  "relation": c.relation, "from_place": a.place_id,
                                  "to_place": b.place_id, "length_km": length_km(a, b)})
                link_geoms.append(geodesic_line([at(a), at(b)]))
        else:
            claim_geoms.append(Point(*at(path[0])))
    # the claims drawn at each point: a place's label stands clear of them (the QGIS style)
    drawn_at = Counter((round(g.x, 6), round(g.y, 6)) for g in claim_geoms
                       if g.geom_type == "Point")
    for row, g in zip(place_rows.rows, place_rows.geoms):
        row["claim_count"] = drawn_at[(round(g.x, 6), round(g.y, 6))]
    if unplaced:
        log.info("%d claims name no place and are left out of the map layers "
                 "(they stay in the claims file and CSV): %s", len(unplaced), ", ".join(unplaced))

    from layers.boundaries import BUNDLED_SOURCE

    admin = [p for p in places if p.kind in REGION_KINDS]
    region_rows = [{"place_id": p.place_id, "name": p.name, "kind": p.kind,
                    "geonameid": int_or_none(p.geonameid),
                    "admin1": p.admin1 or "", "country_code": p.country_code or "",
                    "mentions": int(p.mentions or 0),
                    "geometry_source": BUNDLED_SOURCE[p.kind] if p.place_id in outlines
                    else "gazetteer centre"}
                   for p in admin]
    region_geoms = [outlines[p.place_id] if p.place_id in outlines else point(p) for p in admin]
    return DocRows(
        doc, place_rows,
        LayerRows(claim_rows, claim_geoms, CLAIM_COLUMNS, "claim_id", points_first=True),
        LayerRows(link_rows, link_geoms, LINK_COLUMNS, "link_id"),
        LayerRows(region_rows, region_geoms, REGION_COLUMNS, "place_id"), unplaced,
        borders=check_borders(borders))
