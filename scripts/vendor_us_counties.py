"""Vendor the outlines of US counties (second-level areas) into geo/data/.

Re-runnable: it fetches the npm package ``us-atlas`` (the US Census Bureau's cartographic
county boundaries, 2017 edition, 1:10,000,000, as TopoJSON; a US government work in the
public domain, ISC-licensed packaging) with ``npm pack``, checks its sha256, decodes
``counties-10m.json`` with the TopoJSON reader of scripts/vendor_outlines.py and writes
``geo/data/us_counties.npz`` in the format of scripts/vendor_admin1.py (delta-encoded
int32 coordinates in 1/1000 degree, ragged offsets, attributes as JSON).

Columns: ``name`` (the county's name as the Census writes it, "San Benito"), ``fips``
(five digits), ``state`` (the state's postal code, from Natural Earth's admin-1 ISO 3166-2
code of the state of that name: ``TN``) and ``state_name``. Counties of the territories
(Puerto Rico, Guam, ...) are left out: GeoNames has them as first-level areas or
countries, not as counties.

Run from the repository root, after scripts/vendor_admin1.py::

    .venv/bin/python scripts/vendor_us_counties.py [--tgz us-atlas-3.0.1.tgz]

and commit geo/data/us_counties.npz and geo/data/US_COUNTIES.md.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from vendor_admin1 import encode  # noqa: E402
from vendor_outlines import _arcs, _polygons, _ring  # noqa: E402

PACKAGE = "us-atlas"
VERSION = "3.0.1"
SHA256 = "e6daba1800885868303ad3549da62f85a557b8142bb72629ec15651de62f9c5d"
MEMBER = "package/counties-10m.json"
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "geo" / "data" / "us_counties.npz"
NOTES = ROOT / "geo" / "data" / "US_COUNTIES.md"
COLUMNS = ("name", "fips", "state", "state_name")


def _npm_pack(workdir: Path) -> Path:
    out = subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=workdir,
                         check=True, capture_output=True, text=True).stdout.split()
    return workdir / out[-1]


def state_codes() -> dict[str, str]:
    """State name -> postal code, from the shipped Natural Earth admin-1 (``US-TN``)."""
    sys.path.insert(0, str(ROOT))
    from geo.outlines import admin1_areas

    areas = admin1_areas()
    out = {}
    for name, a2, code in zip(areas.column("name"), areas.column("iso_a2"),
                              areas.column("iso_3166_2")):
        if a2 == "US" and code.startswith("US-"):
            out[name] = code[3:]
    return out


def _decode(obj: dict, arcs) -> list:
    """The polygons of one TopoJSON geometry; rings the package simplified to fewer than
    four points (slivers of a hole) are left out."""
    polys = [obj["arcs"]] if obj.get("type") == "Polygon" else obj.get("arcs", [])
    out = []
    for p in polys:
        rings = [r for r in (_ring(i, arcs) for i in p) if len(r) >= 4]
        if rings and len(_ring(p[0], arcs)) >= 4:
            out.extend(_polygons(rings))
    return out


def convert(topo: dict):
    """The counties' attribute rows and MultiPolygons (a numpy array)."""
    import numpy as np
    import shapely

    arcs = _arcs(topo)
    states = {g["id"]: g["properties"]["name"] for g in topo["objects"]["states"]["geometries"]}
    postal = state_codes()
    rows, geoms = [], []
    for g in sorted(topo["objects"]["counties"]["geometries"], key=lambda g: g["id"]):
        state_name = states.get(g["id"][:2], "")
        if state_name not in postal:
            continue
        parts = _decode(g, arcs)
        if not parts:
            continue
        geom = shapely.make_valid(shapely.union_all(parts))
        polys = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and not p.is_empty]
        if not polys:
            continue
        rows.append([g["properties"]["name"], g["id"], postal[state_name], state_name])
        geoms.append(shapely.multipolygons(
            [p for p in shapely.get_parts(shapely.set_precision(shapely.multipolygons(polys), 0.001))
             if p.geom_type == "Polygon" and not p.is_empty]))
    return rows, np.array(geoms, dtype=object)


def notes(tgz_sha: str, out_sha: str, n: int, n_vertices: int) -> str:
    return f"""# US county outlines (geo/data/us_counties.npz)

Written by `scripts/vendor_us_counties.py` (re-run it to rebuild; it checks the tarball's
sha256). Read by `geo/outlines.py` (`us_counties()`, `find_admin2()`).

| what | value |
| --- | --- |
| data | US Census Bureau cartographic county boundaries, 2017 edition, 1:10,000,000 |
| data licence | public domain (a work of the US government) |
| package | npm `{PACKAGE}@{VERSION}` (Mike Bostock; packaging ISC-licensed), file `{MEMBER}` |
| package tarball sha256 | `{tgz_sha}` |
| simplification | as the package ships it (TopoJSON, quantized and simplified); rounded to 1/1000 degree |
| output | {n} counties of the 50 states and DC, {n_vertices:,} vertices, in the format of `ne_10m_admin1.npz` |
| output sha256 | `{out_sha}` |
| columns | {", ".join(f"`{c}`" for c in COLUMNS)} |

`state` is the state's postal code, read from Natural Earth's admin-1 ISO 3166-2 code of
the state of that name. The counties of the territories are left out (GeoNames has Puerto
Rico's municipalities as first-level areas).
"""


def main() -> None:
    import numpy as np
    import shapely

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
            topo = json.load(tar.extractfile(MEMBER))
    rows, geoms = convert(topo)
    blob = encode(rows, geoms, COLUMNS)
    OUT.write_bytes(blob)
    out_sha = hashlib.sha256(blob).hexdigest()
    n_vertices = int(np.sum(shapely.get_num_coordinates(geoms)))
    NOTES.write_text(notes(sha, out_sha, len(rows), n_vertices), encoding="utf-8")
    print(f"wrote {OUT} ({len(blob):,} bytes, {len(rows)} counties, {n_vertices:,} vertices) "
          f"and {NOTES}")


if __name__ == "__main__":
    main()
