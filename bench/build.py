"""Whole-process time of `claimmap build` on the first article, against the imports it
cannot avoid (`python -c "import geopandas, folium"`), as a ratio. Target: <= 2.0.

    .venv/bin/python bench/build.py [--runs 5] [--article PATH] [--date YYYY-MM-DD]

Each command runs --runs times (after one warm-up run each, so the gazetteer index and the
OS file cache are built); the figures are medians of wall-clock seconds.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT.parent / "shared" / "articles" / "pokrovsk-2025-06-29.txt"


def _claimmap() -> list[str]:
    exe = Path(sys.executable).with_name("claimmap")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "layers.cli"]


def _time(cmd: list[str]) -> float:
    start = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if res.returncode != 0:
        raise SystemExit(f"`{' '.join(cmd)}` exited {res.returncode}:\n{res.stderr[-2000:]}")
    return elapsed


_PHASES = r"""
import sys, tempfile, time
from pathlib import Path
t = [time.perf_counter()]
import geopandas, folium
t.append(time.perf_counter())
from layers.builder import build
layers = build(sys.argv[1], date=sys.argv[2])
t.append(time.perf_counter())
out = Path(tempfile.mkdtemp())
layers.write(out / "data", maps=False)
t.append(time.perf_counter())
from layers import render_html, render_static
render_html.write_html(layers, out / "a.html")
render_html.write_embed(layers, out / "a.embed.html")
t.append(time.perf_counter())
render_static.write_static(layers, out / "a.png", out / "a.svg")
render_static.write_report(layers, out / "a.report.html", out / "a.png")
t.append(time.perf_counter())
names = ["import geopandas+folium", "read+extract+layers", "data files (GeoJSON, GPKG, CSV, YAML, manifest)",
         "HTML maps", "static maps + report"]
print(chr(10).join(f"  {n}: {b - a:.2f} s" for n, a, b in zip(names, t, t[1:])))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--article", default=str(ARTICLE))
    ap.add_argument("--date", default="2025-06-29")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as out:
        build = _claimmap() + ["build", args.article, "--out", out, "--date", args.date]
        imports = [sys.executable, "-c", "import geopandas, folium"]
        _time(build), _time(imports)  # warm-up
        build_times = [_time(build) for _ in range(args.runs)]
        import_times = [_time(imports) for _ in range(args.runs)]
        files = len(list(Path(out).iterdir()))
    b, i = statistics.median(build_times), statistics.median(import_times)
    print(f"claimmap build {Path(args.article).name}: median {b:.2f} s over {args.runs} runs "
          f"(min {min(build_times):.2f}, max {max(build_times):.2f}; {files} files)")
    print(f"python -c 'import geopandas, folium': median {i:.2f} s "
          f"(min {min(import_times):.2f}, max {max(import_times):.2f})")
    print(f"ratio build/imports: {b / i:.2f} (target <= 2.0)")
    res = subprocess.run([sys.executable, "-c", _PHASES, args.article, args.date],
                         capture_output=True, text=True)
    print("where one build's time goes (in one process):")
    print(res.stdout.rstrip() if res.returncode == 0 else res.stderr[-1000:])


if __name__ == "__main__":
    main()
