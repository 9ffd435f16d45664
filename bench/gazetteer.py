"""Benchmark of the gazetteer: prints each figure with its target, all measured here.

    .venv/bin/python bench/gazetteer.py [--runs 10] [--keep-cache DIR]

1. index build: a cold build from the installed data into an empty cache (wall time, and
   the peak RSS of the building process);
2. `claimmap geocode Pokrovsk` as a whole process with that cache warm: wall time of each
   of --runs runs (median and worst) and its peak RSS;
3. look-ups per second in one process, on real names (keys sampled from the index, half
   of them also with a letter changed so they miss): has_name, candidates on first sight
   (nothing cached: --passes passes over 20,000 other keys each, the gazetteer's caches
   emptied before each) and again (cached), and geocode;
4. peak RSS of the look-up process.

Rates are given per second of the process's own CPU time (what the code costs, whatever
else the machine runs) and per second of wall time; the verdict uses CPU time, as the
machines are shared and wall time counts the other processes' turns too. The load
average at the start of the look-ups is printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
TARGETS = {"build_s": 60.0, "geocode_s": 0.5, "lookups_per_s": 100_000, "rss_mb": 150.0}

_BUILD = """
import resource, sys, time
t = time.perf_counter()
from geo.gazetteer import Gazetteer
g = Gazetteer.open(sys.argv[1])
print(time.perf_counter() - t, g.manifest["build_seconds"],
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

_LOOKUPS = """
import json, os, random, resource, statistics, sys, time
from geo.gazetteer import Gazetteer
g = Gazetteer.open(sys.argv[1])
passes = int(sys.argv[2])
rng = random.Random(7)
n = g.manifest["counts"]["keys"]
keys = [g._trie.restore_key(rng.randrange(n)) for _ in range(50_000 + 20_000 * passes)]
misses = [k[:-1] + ("q" if k[-1] != "q" else "z") for k in keys[:50_000]]
mixed = keys[:50_000] + misses
rng.shuffle(mixed)
out = {"load": os.getloadavg()[0]}

def timed(fn, n):
    # (per CPU second, per wall second) of fn() doing n look-ups
    c, w = time.process_time(), time.perf_counter()
    fn()
    return n / (time.process_time() - c), n / (time.perf_counter() - w)

hits = sum(map(g.has_name, mixed))
out["has_name"] = timed(lambda: sum(map(g.has_name, mixed)), len(mixed))
out["has_name_hit_share"] = hits / len(mixed)
first, ncand = [], 0
for p in range(passes):
    fresh = keys[50_000 + 20_000 * p: 70_000 + 20_000 * p]
    g._cands.clear()
    g._places.clear()
    first.append(timed(lambda: [g.candidates(k) for k in fresh], len(fresh)))
    ncand += sum(len(g.candidates(k)) for k in fresh)
out["first"] = [statistics.median(r) for r in zip(*first)]
out["first_best"] = [max(r) for r in zip(*first)]
out["candidates_per_key"] = ncand / (20_000 * passes)
out["cached"] = timed(lambda: [g.candidates(k) for _ in range(5) for k in fresh],
                      5 * len(fresh))
names = ["Pokrovsk", "Kramatorsk", "Sloviansk", "Avdiivka", "Donetsk region", "Dnipropetrovsk",
         "Khartoum", "El Fasher", "Rafah", "Aleppo", "Mandalay", "Kyiv", "Kharkiv", "Bakhmut"]
out["geocode"] = timed(lambda: [g.geocode(name, date="2025-06-29") for _ in range(200)
                                for name in names], 200 * len(names))
out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def run_child(args: list[str], env: dict) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) and stdout of one child process."""
    t = time.perf_counter()
    p = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True)
    out = p.stdout.read()
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise SystemExit(f"{args} failed with exit status {p.returncode}")
    return wall, usage.ru_maxrss / 1024, out


def verdict(value: float, target: float, *, higher_is_better: bool = False) -> str:
    ok = value >= target if higher_is_better else value <= target
    return "ok" if ok else "MISSED"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10, help="geocode processes to time")
    ap.add_argument("--passes", type=int, default=5,
                    help="passes of 20,000 new keys for candidates on first sight")
    ap.add_argument("--keep-cache", help="build into this folder and keep it")
    a = ap.parse_args()
    cache = Path(a.keep_cache or tempfile.mkdtemp(prefix="claimmap-bench-"))
    env = {**os.environ, "CLAIMMAP_CACHE": str(cache)}
    try:
        if (cache / "gazetteer").exists():
            shutil.rmtree(cache / "gazetteer")
        wall, rss, out = run_child([sys.executable, "-c", _BUILD, str(cache)], env)
        _, build_s, _ = (float(x) for x in out.split())
        print(f"index build (cold, into an empty cache): {build_s:.1f} s "
              f"(process wall {wall:.1f} s, peak RSS {rss:.0f} MB)   target <= "
              f"{TARGETS['build_s']:.0f} s: {verdict(build_s, TARGETS['build_s'])}")

        walls, rsss = [], []
        for _ in range(a.runs):
            w, r, out = run_child([str(BIN / "claimmap"), "geocode", "Pokrovsk"], env)
            assert json.loads(out)["candidates"][0]["geonameid"] == 704422
            walls.append(w)
            rsss.append(r)
        med, worst = statistics.median(walls), max(walls)
        print(f"`claimmap geocode Pokrovsk`, warm cache, whole process, {a.runs} runs: median "
              f"{med:.3f} s, worst {worst:.3f} s   target <= {TARGETS['geocode_s']} s: "
              f"{verdict(worst, TARGETS['geocode_s'])}")
        print(f"peak RSS of the geocode process: {max(rsss):.1f} MB   target <= "
              f"{TARGETS['rss_mb']:.0f} MB: {verdict(max(rsss), TARGETS['rss_mb'])}")

        _, rss, out = run_child([sys.executable, "-c", _LOOKUPS, str(cache), str(a.passes)],
                                env)
        m = json.loads(out)
        t = TARGETS["lookups_per_s"]

        def rate(what: str, cpu_wall: list[float]) -> None:
            cpu, wall = cpu_wall
            print(f"{what}: {cpu:,.0f} /s of CPU time ({wall:,.0f} /s of wall time)   target "
                  f">= {t:,}: {verdict(cpu, t, higher_is_better=True)}")

        print(f"look-ups in one process (load average {m['load']:.1f} on "
              f"{os.cpu_count()} CPUs at the start):")
        rate(f"  has_name, 100,000 real keys half of them misspelt "
             f"({m['has_name_hit_share']:.0%} hits)", m["has_name"])
        rate(f"  candidates, real keys seen for the first time ({a.passes} passes of 20,000, "
             f"{m['candidates_per_key']:.2f} entries each), median pass", m["first"])
        print(f"    best pass: {m['first_best'][0]:,.0f} /s of CPU time "
              f"({m['first_best'][1]:,.0f} /s of wall time)")
        rate("  candidates, the last 20,000 keys again (cached)", m["cached"])
        print(f"  geocode (ranked, with date; 14 real names repeated, so candidates are cached): "
              f"{m['geocode'][0]:,.0f} /s of CPU time ({m['geocode'][1]:,.0f} /s of wall time)")
        print(f"peak RSS of the look-up process: {m['rss_mb']:.1f} MB   target <= "
              f"{TARGETS['rss_mb']:.0f} MB: {verdict(m['rss_mb'], TARGETS['rss_mb'])}")
    finally:
        if not a.keep_cache:
            shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
