"""The data the HTML map embeds: the four layers as compact, column-oriented JSON.

One JSON object per page, written once into a ``<script type="application/json">`` block
and read by ``assets/claimmap.js``. Claims are stored column by column (one array per
property) with repeated strings (sentences, sources, place lists, article ids) interned in
a string table, so 10,000 claims cost a few MB rather than one JavaScript object each.
Nothing here is HTML: the page escapes nothing because the script builds every card and
label from text nodes.
"""

from __future__ import annotations

import json
import logging
import math
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from layers.model import CATEGORIES
from layers.symbology import PLACE_STYLE, category_style, label_for, relation_style
from layers.schema import article_url

__all__ = ["date_interval", "map_data", "script_json"]

log = logging.getLogger(__name__)

_HEX = re.compile(r"#[0-9a-fA-F]{3,8}")
_EPOCH = date(1970, 1, 1).toordinal()
#: coordinates in the page: 5 decimals is about 1 m, finer than any gazetteer point
_DECIMALS = 5


def script_json(obj) -> str:
    """JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c`` etc., so no text of the article (``</script>``,
    ``<!--``) can end the element or start markup; the parsed value is unchanged.

    >>> script_json({"t": "</script><b>"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _s(value) -> str:
    """A cell as text: '' for None/NaN."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value)


def _num(value):
    """A cell as a JSON number, or None."""
    if value is None or isinstance(value, bool):
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(f) or math.isinf(f):
        return None
    return int(f) if f.is_integer() and abs(f) < 2**53 else f


def _int(value, default=0) -> int:
    n = _num(value)
    return default if n is None else int(n)


def _bool(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes")
    n = _num(value)
    return bool(n) if n is not None else bool(value) if value is not None else False


def date_interval(start: str, end: str = "") -> tuple[int, int] | None:
    """The days (since 1970-01-01) a claim's dates cover, or None when it has none.

    A date at month or year precision covers the whole month or year; an end date, when
    given, extends the interval to the end of its own period.

    >>> date_interval("2024-12")
    (20058, 20088)
    >>> date_interval("") is None
    True
    """
    first = _period(start)
    if first is None:
        return None
    last = _period(end) if end else None
    lo = first[0]
    hi = max(first[1], last[1]) if last else first[1]
    return lo - _EPOCH, hi - _EPOCH


def _period(text: str) -> tuple[int, int] | None:
    """(first, last) proleptic ordinals of an ISO date, month or year."""
    text = _s(text).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text[:10])
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            d = date(y, int(m.group(2)), int(m.group(3))).toordinal()
            return d, d
        if m.group(2):
            mo = int(m.group(2))
            nxt = date(y + (mo == 12), mo % 12 + 1, 1).toordinal()
            return date(y, mo, 1).toordinal(), nxt - 1
        return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()
    except ValueError:
        log.warning("ignoring an impossible date %r", text)
        return None


def _colour(value: str, fallback: str = "#777777") -> str:
    return value if _HEX.fullmatch(value or "") else fallback


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", value.lower()).strip("-") or "other"


@lru_cache(maxsize=1)
def _glyphs() -> dict:
    from importlib.resources import files

    return json.loads((files("layers") / "assets" / "fa4-glyphs.json").read_text())


def _glyph(name: str) -> list:
    g = _glyphs()
    return g.get(name) or g["info"]


class _Strings:
    """A string table: each distinct string once, referenced by index."""

    def __init__(self):
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, value) -> int:
        s = _s(value)
        i = self._index.get(s)
        if i is None:
            i = self._index[s] = len(self.items)
            self.items.append(s)
        return i


def _rows(gdf, columns):
    """Column lists of a (Geo)DataFrame, '' for a missing column."""
    n = 0 if gdf is None else len(gdf)
    out = {}
    for c in columns:
        if gdf is not None and c in gdf.columns:
            out[c] = gdf[c].tolist()
        else:
            out[c] = [None] * n
    return n, out


def _anchor_points(geoms):
    """(lat, lon) of each geometry's anchor: the point itself, a line's first vertex,
    a polygon's representative point."""
    import numpy as np
    import shapely

    arr = np.asarray(geoms, dtype=object)
    if len(arr) == 0:
        return [], []
    kinds = shapely.get_type_id(arr)
    pts = arr.copy()
    lines = np.isin(kinds, (1, 2))                   # LineString, LinearRing
    pts[lines] = shapely.get_point(arr[lines], 0)
    other = ~np.isin(kinds, (0, 1, 2))
    if other.any():
        pts[other] = shapely.point_on_surface(arr[other])
    lat = np.round(shapely.get_y(pts), _DECIMALS).tolist()
    lon = np.round(shapely.get_x(pts), _DECIMALS).tolist()
    return lat, lon


def _line_coords(geom) -> list[list[float]]:
    """[[lat, lon], ...] of a line (Leaflet's order)."""
    import shapely

    if geom is None or geom.is_empty:
        return []
    coords = shapely.get_coordinates(geom)
    return [[round(float(y), _DECIMALS), round(float(x), _DECIMALS)] for x, y in coords]


def _geojson_geometry(geom):
    import shapely

    if geom is None or geom.is_empty:
        return None
    geom = shapely.set_precision(geom, 10 ** -_DECIMALS) if geom.geom_type != "Point" else geom
    out = json.loads(shapely.to_geojson(geom))
    if out["type"] == "Point":
        out["coordinates"] = [round(c, _DECIMALS) for c in out["coordinates"]]
    return out


def _claims(gdf, strings: _Strings) -> tuple[dict, dict]:
    cols = ["claim_id", "article_id", "text", "category", "measure", "value", "value_max", "unit",
            "date_start", "date_end", "time_precision", "source", "place_ids",
            "geo_precision", "contested", "conflicts_with", "relation", "period", "qualifier"]
    n, c = _rows(gdf, cols)
    lat, lon = _anchor_points(gdf.geometry.values if n else [])
    present = [_s(x) for x in c["category"]]
    order = [k for k in CATEGORIES if k in set(present)] + sorted(set(present) - set(CATEGORIES))
    cat_index = {k: i for i, k in enumerate(order)}
    categories = []
    for k in order:
        colour, icon, label = category_style(k)
        categories.append({"key": k, "slug": _slug(k), "label": label, "colour": _colour(colour),
                           "glyph": _glyph(icon), "count": present.count(k)})
    d0, d1 = [], []
    for s, e in zip(c["date_start"], c["date_end"]):
        iv = date_interval(_s(s), _s(e))
        d0.append(iv[0] if iv else None)
        d1.append(iv[1] if iv else None)
    kinds = [] if not n else [g.geom_type for g in gdf.geometry.values]
    claims = {
        "n": n, "lat": lat, "lon": lon,
        "line": [1 if k in ("LineString", "MultiLineString") else 0 for k in kinds],
        "id": [_s(x) for x in c["claim_id"]],
        "article": [strings(x) for x in c["article_id"]],
        "text": [strings(x) for x in c["text"]],
        "cat": [cat_index[k] for k in present],
        "measure": [_s(x) for x in c["measure"]],
        "value": [_num(x) for x in c["value"]],
        "value_max": [_num(x) for x in c["value_max"]],
        "unit": [_s(x) for x in c["unit"]],
        "date_start": [_s(x) for x in c["date_start"]],
        "date_end": [_s(x) for x in c["date_end"]],
        "precision": [_s(x) for x in c["time_precision"]],
        "d0": d0, "d1": d1,
        "source": [strings(x) for x in c["source"]],
        "places": [strings(x) for x in c["place_ids"]],
        "geo": [_int(x, 1) for x in c["geo_precision"]],
        "contested": [1 if _bool(x) else 0 for x in c["contested"]],
        "conflicts": [_s(x) for x in c["conflicts_with"]],
        "relation": [_s(x) for x in c["relation"]],
        "period": [_s(x) for x in c["period"]],
        "qualifier": [_s(x) for x in c["qualifier"]],
    }
    return claims, {"categories": categories}


def _places(gdf) -> tuple[list, list]:
    cols = ["place_id", "name", "kind", "geonameid", "country_code", "admin1", "population",
            "mentions", "surfaces", "geo_precision", "alternatives"]
    n, c = _rows(gdf, cols)
    lat, lon = _anchor_points(gdf.geometry.values if n else [])
    places = []
    for i in range(n):
        places.append({
            "lat": lat[i], "lon": lon[i], "id": _s(c["place_id"][i]),
            # the name the article uses ("Sloviansk"), as on the static map
            "name": label_for(_s(c["name"][i]), _s(c["surfaces"][i]), _s(c["kind"][i])),
            "gazetteer_name": _s(c["name"][i]),
            "kind": _s(c["kind"][i]), "geonameid": _num(c["geonameid"][i]),
            "country": _s(c["country_code"][i]), "admin1": _s(c["admin1"][i]),
            "population": _int(c["population"][i]), "mentions": _int(c["mentions"][i]),
            "surfaces": _s(c["surfaces"][i]), "geo": _int(c["geo_precision"][i], 1),
            "alternatives": _s(c["alternatives"][i]),
        })
    kinds = []
    for k in dict.fromkeys(p["kind"] for p in places):
        colour, label = PLACE_STYLE.get(k, ("#555555", k.replace("_", " ").capitalize() or "Place"))
        kinds.append({"key": k, "slug": _slug(k), "colour": _colour(colour), "label": label})
    return places, kinds


def _links(gdf) -> tuple[list, list]:
    cols = ["link_id", "claim_id", "relation", "from_place", "to_place", "length_km"]
    n, c = _rows(gdf, cols)
    geoms = gdf.geometry.values if n else []
    links = []
    for i in range(n):
        links.append({
            "coords": _line_coords(geoms[i]), "id": _s(c["link_id"][i]),
            "claim": _s(c["claim_id"][i]), "relation": _s(c["relation"][i]),
            "from": _s(c["from_place"][i]), "to": _s(c["to_place"][i]),
            "km": _num(c["length_km"][i]),
        })
    relations = []
    for k in dict.fromkeys(x["relation"] for x in links):
        colour, dash, label = relation_style(k)
        if k not in ("supply_route", "advance", "toward", "related"):
            label = k.replace("_", " ").capitalize() or label
        relations.append({"key": k, "slug": _slug(k), "colour": _colour(colour),
                          "dash": dash if re.fullmatch(r"[\d ]*", dash) else "", "label": label})
    return links, relations


def _regions(gdf, borders: str | None = None) -> list:
    """The regions as the page draws them. A country drawn with its shipped outline names
    it (``outline``: its names in `outline_data`, which the page holds anyway) instead of
    repeating its geometry: a country at 1:50m is some 100 KB of GeoJSON; so does a
    continent or world region made of whole countries (its members' names)."""
    from layers.boundaries import BUNDLED_SOURCE
    from layers.render._frame import country_names_for

    n, c = _rows(gdf, ["place_id", "name", "kind", "geonameid", "admin1", "country_code",
                       "geometry_source"])
    geoms = gdf.geometry.values if n else []
    out = []
    for i in range(n):
        r = {"id": _s(c["place_id"][i]), "name": _s(c["name"][i]), "kind": _s(c["kind"][i]),
             "geonameid": _num(c["geonameid"][i]), "admin1": _s(c["admin1"][i])}
        source = _s(c["geometry_source"][i])
        shipped = []
        if r["kind"] == "country" and source == BUNDLED_SOURCE["country"]:
            shipped = country_names_for([c["country_code"][i]], borders)[:1]
        elif r["kind"] == "region" and source == BUNDLED_SOURCE["region"]:
            # a continent or world region of whole countries: their outlines, by name
            from geo.outlines import world_region_members

            members = world_region_members(r["name"])
            if members and all("." not in m for m in members):
                shipped = country_names_for(members, borders)
        if shipped:
            r["outline"], r["geometry"] = shipped, None
        else:
            r["geometry"] = _geojson_geometry(geoms[i])
        out.append(r)
    return out


#: the outlines as the page embeds them: ``script_json(outline_data())``, made once by
#: scripts/encode_outlines.py
OUTLINE_ASSET = Path(__file__).resolve().parent.parent / "assets" / "outlines.json"
#: outline coordinates: integers of 1/1000 degree (about 100 m), each ring delta-encoded
OUTLINE_SCALE = 1000
#: simplification of the outlines before encoding (degrees; a pixel at zoom 8 is ~0.005)
OUTLINE_TOLERANCE = 0.005


def countries_named(places: list[dict], borders: str | None = None) -> list[str]:
    """The outline names (`outline_data`'s) of the countries the article names: places of
    kind ``country``, matched by ISO code. The page draws them as highlighted outlines
    (not counted in the view, which stays on the claims)."""
    from layers.render._frame import country_names_for

    return country_names_for([p.get("country") for p in places if p.get("kind") == "country"],
                             borders)


@lru_cache(maxsize=2)
def outline_data(borders: str | None = None) -> dict:
    """Country outlines (geo.outlines.countries, with the `borders` chosen: recognised by
    default) in the page's compact encoding.

    ``{"scale": 1000, "countries": [[name, [polygon, ...]], ...]}``: each polygon is a list
    of rings, each ring a flat list ``[x0, y0, dx1, dy1, ...]`` of integer 1/1000 degrees
    (longitude, latitude), every pair but the first relative to the one before. The page
    decodes it into GeoJSON; it is about a third the size of GeoJSON text.
    """
    import numpy as np
    import shapely

    from geo.outlines import countries

    gdf = countries(borders)
    out = []
    for name, geom in zip(gdf["name"].tolist(), gdf.geometry.values):
        if geom is None or geom.is_empty:
            continue
        geom = shapely.simplify(geom, OUTLINE_TOLERANCE, preserve_topology=True)
        polys = []
        for poly in getattr(geom, "geoms", [geom]):
            if poly.geom_type != "Polygon" or poly.is_empty:
                continue
            rings = []
            for ring in [poly.exterior, *poly.interiors]:
                q = np.round(np.asarray(ring.coords)[:, :2] * OUTLINE_SCALE).astype(np.int64)
                q = q[np.r_[True, (np.diff(q, axis=0) != 0).any(axis=1)]]   # drop repeats
                if len(q) < 4:
                    continue
                d = np.vstack([q[:1], np.diff(q, axis=0)])
                rings.append(d.ravel().tolist())
            if rings:
                polys.append(rings)
        if polys:
            out.append([str(name), polys])
    return {"scale": OUTLINE_SCALE, "countries": out}


#: how the page names the areas geo.outlines.disputed_areas lists, by the borders chosen
DISPUTED_TITLE = {"recognised": "Occupied areas", "de-facto": "Disputed areas"}


def disputed_data(borders: str | None = None) -> list[dict]:
    """The areas held by one country and recognised as another's, for the page to mark:
    ``name``, ``label`` (what its tooltip says) and ``geometry`` (GeoJSON, simplified to
    the outlines' detail, 5 decimals)."""
    import shapely

    from geo.outlines import check_borders, country_outlines, disputed_areas

    borders = check_borders(borders)
    names = dict(zip(country_outlines().iso_a2, country_outlines().name))
    out = []
    for a in disputed_areas(borders):
        claimant = names.get(a["claimant"], a["claimant"])
        if borders == "recognised":
            label = f"{a['name']}: {claimant}, occupied by {a['holder_name']}"
        else:
            label = f"{a['name']}: held by {a['holder_name']}, recognised as {claimant}"
        geom = shapely.set_precision(
            shapely.simplify(a["geometry"], OUTLINE_TOLERANCE, preserve_topology=True), 1e-5)
        out.append({"name": a["name"], "label": label, "geometry": _geojson_geometry(geom)})
    return out


def _to_4326(gdf):
    if gdf is None:
        return None
    crs = getattr(gdf, "crs", None)
    if crs is not None and not crs.equals("EPSG:4326"):
        return gdf.to_crs(4326)
    return gdf


def _iso(value) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else _s(value)


def map_data(layers, *, tiles: list[dict]) -> dict:
    """Everything the page's script needs, JSON-ready.

    Parameters
    ----------
    layers : Layers
        Anything with ``doc`` (a ClaimsDoc) and the GeoDataFrames ``places``, ``claims``,
        ``links`` and ``regions`` (EPSG:4326, the SPEC's columns).
    tiles : list of dict
        The web base maps offered (name, url, attribution, max_zoom).
    """
    from geo.outlines import check_borders

    strings = _Strings()
    claims, cstyle = _claims(_to_4326(layers.claims), strings)
    places, kinds = _places(_to_4326(layers.places))
    links, relations = _links(_to_4326(layers.links))
    regions = _regions(_to_4326(getattr(layers, "regions", None)),
                       getattr(layers, "borders", None))
    art = layers.doc.article
    articles = {art.id: {"title": art.title or art.id, "published": _iso(art.published),
                         "source": art.source or "", "url": article_url(art)}}
    # a merged map's articles (``layers.articles`` from layers.merge, or the document's
    # own list where it keeps one): titles for the article filter and the cards
    for a in getattr(layers, "articles", None) or getattr(layers.doc, "articles", None) or ():
        articles[a.id] = {"title": a.title or a.id, "published": _iso(a.published),
                          "source": a.source or "", "url": article_url(a)}
    dated = [d for d in claims["d0"] if d is not None]
    borders = check_borders(getattr(layers, "borders", None))
    return {
        "countries_named": countries_named(places, borders),
        "version": 1,
        "article": {"id": art.id, "title": art.title or art.id,
                    "published": _iso(art.published), "source": art.source or "",
                    "url": article_url(art)},
        "articles": articles,
        "strings": strings.items,
        "claims": claims,
        "categories": cstyle["categories"],
        "places": places,
        "kinds": kinds,
        "links": links,
        "relations": relations,
        "regions": regions,
        "disputed": disputed_data(getattr(layers, "borders", None)),
        "disputed_title": DISPUTED_TITLE[check_borders(getattr(layers, "borders", None))],
        "dates": ({"min": min(dated), "max": max(d for d in claims["d1"] if d is not None)}
                  if dated else None),
        "tiles": tiles,
    }
