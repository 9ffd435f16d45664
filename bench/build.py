"""Whole-process time of `claimmap build` on the first article, against the imports it
cannot avoid (`python -c "import geopandas, folium"`), as a ratio. Target: <= 2.0.

    .venv/bin/python bench/build.py [--runs 7] [--article PATH] [--date YYYY-MM-DD]

Both commands first run once untimed (so the gazetteer's index is built and cached, and
the OS file cache is warm); then they run --runs times each, interleaved (build, imports,
build, imports, ...), so that a machine shared with other work loads both alike. The
figures are medians of wall-clock seconds, and of CPU seconds (user + system, the
command's process and its children) which load on the machine disturbs less; a build
draws its static map in a second process where there are two cores, so its wall time can
be less than its CPU time.

claimmap's own modules are byte-compiled first (``compileall``), as ``pip install`` leaves
them: in an editable install under ``PYTHONDONTWRITEBYTECODE=1`` (as on these machines)
Python would otherwise compile every module of geo/ and layers/ from source on every run,
which no installed claimmap does.

Then one build is timed step by step in one process, every step in turn (the static map
in-process too): where the CPU goes.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT.parent / "shared" / "articles" / "pokrovsk-2025-06-29.txt"


#: runs `claimmap` from another source tree (argv[1]) instead of the installed one
_FROM_SOURCE = (
    "import sys; sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f)]; "
    "sys.path.insert(0, sys.argv.pop(1)); sys.argv[0] = 'claimmap'; "
    "from layers.cli import main; main()"
)


def _claimmap(source: str | None = None) -> list[str]:
    if source:
        return [sys.executable, "-c", _FROM_SOURCE, str(Path(source).resolve())]
    exe = Path(sys.executable).with_name("claimmap")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "layers.cli"]


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _time(cmd: list[str]) -> tuple[float, float]:
    """(wall, cpu) seconds of one run of cmd."""
    cpu0 = _children_cpu()
    start = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if res.returncode != 0:
        raise SystemExit(f"`{' '.join(cmd)}` exited {res.returncode}:\n{res.stderr[-2000:]}")
    return elapsed, _children_cpu() - cpu0


_PHASES = r"""
import resource, sys, tempfile, time
from pathlib import Path

def now():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return time.perf_counter(), r.ru_utime + r.ru_stime

t = [now()]
import geopandas, folium
t.append(now())
from layers.builder import build
layers = build(Path(sys.argv[1]), date=sys.argv[2])
t.append(now())
out = Path(tempfile.mkdtemp())
layers.write(out / "data", maps=False)
t.append(now())
from layers.render import html as render_html
render_html.write_html(layers, out / "a.html")
render_html.write_embed(layers, out / "a.embed.html")
t.append(now())
from layers.render import static as render_static
render_static.write_static(layers, out / "a.png", out / "a.svg")
render_static.write_report(layers, out / "a.report.html", out / "a.png")
t.append(now())
names = ["import geopandas+folium", "read+extract+layers",
         "data files (GeoJSON, GPKG, CSV, YAML, manifest)", "HTML maps",
         "static maps + report (matplotlib import included)"]
for n, a, b in zip(names, t, t[1:]):
    print(f"  {n}: {b[0] - a[0]:.2f} s wall, {b[1] - a[1]:.2f} s CPU")
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--article", default=str(ARTICLE))
    ap.add_argument("--date", default="2025-06-29")
    ap.add_argument("--source", metavar="DIR",
                    help="time the claimmap of another source tree (say an older commit's "
                         "`git archive`; give it its own CLAIMMAP_CACHE)")
    ap.add_argument("--no-phases", action="store_true", help="skip the step-by-step timing")
    args = ap.parse_args()
    source = Path(args.source).resolve() if args.source else ROOT
    for pkg in ("geo", "layers"):   # as `pip install` does (see the module's notes)
        compileall.compile_dir(source / pkg, quiet=1)
    with tempfile.TemporaryDirectory() as out:
        build = _claimmap(args.source) + ["build", args.article, "--out", out, "--date", args.date]
        imports = [sys.executable, "-c", "import geopandas, folium"]
        _time(build), _time(imports)  # warm-up: gazetteer cache, OS file cache
        build_runs, import_runs = [], []
        for _ in range(args.runs):
            build_runs.append(_time(build))
            import_runs.append(_time(imports))
        files = len([p for p in Path(out).iterdir() if not p.name.startswith(".")])
    bw, bc = (statistics.median(r[i] for r in build_runs) for i in (0, 1))
    iw, ic = (statistics.median(r[i] for r in import_runs) for i in (0, 1))
    walls = [r[0] for r in build_runs]
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; "
          f"claimmap's modules byte-compiled as an install leaves them")
    print(f"claimmap build {Path(args.article).name}: median {bw:.2f} s wall over {args.runs} "
          f"runs (min {min(walls):.2f}, max {max(walls):.2f}; {bc:.2f} s CPU; {files} files)")
    walls = [r[0] for r in import_runs]
    print(f"python -c 'import geopandas, folium': median {iw:.2f} s wall "
          f"(min {min(walls):.2f}, max {max(walls):.2f}; {ic:.2f} s CPU)")
    ratios = sorted(b[0] / i[0] for b, i in zip(build_runs, import_runs))
    print(f"ratio build/imports: {bw / iw:.2f} wall (target <= 2.0; per interleaved pair: "
          f"median {statistics.median(ratios):.2f}, min {ratios[0]:.2f}), {bc / ic:.2f} CPU")
    if args.no_phases or args.source:
        return
    res = subprocess.run([sys.executable, "-c", _PHASES, args.article, args.date],
                         capture_output=True, text=True)
    print("where one build's time goes (every step in turn, in one process):")
    print(res.stdout.rstrip() if res.returncode == 0 else res.stderr[-1000:])


if __name__ == "__main__":
    main()
