"""Throughput of `claimmap batch`: articles per second, peak memory, speed-up, rerun time.

    .venv/bin/python bench/batch.py N [--speedup-n M] [--maps] [--profile K] [--keep DIR]

Generates N articles into a temporary folder, templated from real places drawn from the
gazetteer (the most populous towns around the capitals of conflict-affected countries
that the gazetteer resolves to themselves by name) with varied figures, dates and
attributions; some (place, measure) pairs recur across articles with the same or other
figures, so the merge has corroborations and contests to find. Then:

1. batch on 2 workers (a fresh output folder): wall time, articles/s, peak memory of the
   whole process tree (this process, the nanny and worker processes: the sum of their
   RSS and of their PSS, sampled every 0.2 s with psutil), and the CPU seconds of this
   process and of its children (worker CPU over parse time: the cores the workers really
   got, fewer than asked on a machine others are using);
2. the same batch again with nothing changed (rerun time);
3. batch of the first M articles (default min(N, 2000)) on 1 worker and on 2 workers,
   fresh outputs each: the speed-up of the parse phase and of the whole run;
4. with ``--profile K``: K articles parsed in this process under pyinstrument; the
   profile's text goes to stdout (where the per-article time goes).

Targets on a 2-core machine: 10,000 articles in <= 60 s; peak memory <= 1.5 GB; speed-up
>= 1.6x; rerun <= 5 s. The merged layers are written without maps unless ``--maps``
(the maps of the ~500 places of 10,000 generated articles add about 10 s of writing;
bench/static_map.py times the static map alone).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

# capitals of places that news of conflict and disaster is about, on every continent
COUNTRIES = ["UA", "SD", "ML", "MM", "SY", "CD", "ET", "YE", "SO", "NG", "AF", "IQ", "LB",
             "HT", "CO", "MX", "PH", "BF", "NE", "TD", "CF", "SS", "LY", "MZ", "CM", "PK",
             "BD", "VE", "PE", "GE", "AM", "AZ", "IL", "PS", "JO", "TR", "KE", "UG", "RW",
             "BI", "IR", "EG", "DZ", "TN", "NI", "HN", "GT", "EC", "BO", "ID"]
SOURCES = ["the United Nations", "local officials", "the regional governor", "the military",
           "the health ministry", "Reuters", "a spokesman for the army", "aid agencies",
           "the Red Cross", "witnesses", "the mayor", "the interior ministry",
           "Human Rights Watch", "the World Food Programme", "police"]
# (sentence template, the figures it draws from)
FIGURES = [
    ("{src} said {n:,} people were displaced in {a}.", [1200, 5000, 18000, 40000, 250000]),
    ("In {a}, {src} said {n:,} homes were damaged by shelling.", [35, 120, 450, 900, 2300]),
    ("{src} said {n:,} civilians were killed in {a} on {when}.", [3, 7, 12, 25, 60]),
    ("About {n:,} troops were deployed to {a}, according to {src}.", [300, 800, 1500, 5000]),
    ("{src} said {n:,} people remain in {a} without power.", [2000, 9000, 30000, 120000]),
    ("{src} said at least {n:,} people were injured in {a}.", [4, 15, 40, 110]),
]
EVENTS = [
    "Fighting continued near {a} and {b}, {src} said.",
    "Residents of {a} described long queues for water and bread.",
    "Roads between {a} and {b} were closed on {when}, {src} said.",
    "Markets in {a} reopened after a week, {src} said.",
    "{src} said convoys had reached {b} from {a}.",
]
TITLES = ["Fighting Spreads Near {a}", "Aid Stalls in {a} as Clashes Continue",
          "Thousands Flee {a}", "Officials Count the Damage in {a}", "Night of Shelling in {a}"]


def pick_places(per_country: int = 12) -> list[list]:
    """Per country, towns that the gazetteer resolves to themselves by name."""
    from geo.gazetteer import Gazetteer

    gaz = Gazetteer.open()
    clusters = []
    for cc in COUNTRIES:
        country = gaz.country(cc)
        if country is None:
            continue
        towns = []
        for p in gaz.nearby(country.lat, country.lon, 400, min_population=15000, limit=60):
            best = gaz.geocode(p.name, limit=1)
            if best and best[0].place.place_id == p.place_id and p.name.isascii():
                towns.append(p)
            if len(towns) >= per_country:
                break
        if len(towns) >= 3:
            clusters.append(towns)
    return clusters


def make_articles(folder: Path, n: int, seed: int = 8) -> None:
    """Write n articles into folder (100 per subfolder)."""
    rng = random.Random(seed)
    clusters = pick_places()
    start = date(2024, 1, 1)
    for i in range(n):
        towns = clusters[rng.randrange(len(clusters))]
        a, b, c = rng.sample(towns, 3)
        day = start + timedelta(days=rng.randrange(0, 540))
        when = (day - timedelta(days=rng.randrange(0, 5))).strftime("%B %-d")
        paras = []
        for _ in range(rng.randint(2, 4)):
            sents = []
            for _ in range(rng.randint(2, 3)):
                if rng.random() < 0.6:
                    tpl, values = FIGURES[rng.randrange(len(FIGURES))]
                    # the same figure recurs in a third of the articles; else a fresh one
                    v = rng.choice(values) if rng.random() < 0.33 else \
                        int(rng.choice(values) * rng.uniform(0.5, 1.8))
                    sents.append(tpl.format(src=rng.choice(SOURCES), n=max(2, v),
                                            a=rng.choice((a, b, c)).name, when=when))
                else:
                    tpl = EVENTS[rng.randrange(len(EVENTS))]
                    sents.append(tpl.format(src=rng.choice(SOURCES), a=a.name, b=b.name,
                                            when=when))
            paras.append(" ".join(s[0].upper() + s[1:] for s in sents))
        title = rng.choice(TITLES).format(a=a.name)
        dateline = f"{a.name.upper()}, {day.strftime('%B %-d, %Y')} — "
        text = f"{title}\n\n{dateline}{paras[0]}\n\n" + "\n\n".join(paras[1:]) + "\n"
        sub = folder / f"{i // 100:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        suffix = ".md" if i % 10 == 0 else ".txt"
        (sub / f"{slug(a.name)}-{day.isoformat()}-{i:05d}{suffix}").write_text(text, "utf-8")


def slug(name: str) -> str:
    return "".join(ch.lower() if ch.isalnum() else "-" for ch in name).strip("-")


class TreeMonitor:
    """Peak RSS and PSS summed over this process and all its descendants, and their CPU.

    CPU seconds are user + system of this process over the block, plus the last reading
    of each child process seen (workers exit at the end of a batch, so they are sampled).
    """

    def __init__(self, interval: float = 0.2):
        import psutil

        self.proc = psutil.Process()
        self.interval = interval
        self.peak_rss = self.peak_pss = 0
        self.peak_procs = 0
        self.child_cpu: dict[int, float] = {}
        self.own_cpu = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self):
        import psutil

        rss = pss = 0
        procs = [self.proc, *self.proc.children(recursive=True)]
        for p in procs:
            try:
                info = p.memory_full_info()
                if p.pid != self.proc.pid:
                    ct = p.cpu_times()
                    self.child_cpu[p.pid] = ct.user + ct.system
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_pss = max(self.peak_pss, pss)
        self.peak_procs = max(self.peak_procs, len(procs))

    def _run(self):
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def __enter__(self):
        ct = self.proc.cpu_times()
        self._cpu0 = ct.user + ct.system
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        ct = self.proc.cpu_times()
        self.own_cpu = ct.user + ct.system - self._cpu0

    def cpu(self, parse_seconds: float = 0.0) -> str:
        kids = sum(self.child_cpu.values())
        got = (f" (the workers got {kids / parse_seconds:.2f} cores while parsing)"
               if parse_seconds else "")
        return (f"CPU: this process {self.own_cpu:.1f} s, its {len(self.child_cpu)} child "
                f"processes {kids:.1f} s{got}")


def pin_fingerprint() -> str:
    """Compute the results cache's code fingerprint once and keep it for the whole bench.

    In a working tree that others edit while the bench runs, the fingerprint (a hash of
    the source) would change between runs and the rerun would parse everything again.
    """
    from layers import _batch_store

    fp = _batch_store.code_fingerprint()
    _batch_store.code_fingerprint = lambda: fp
    return fp


def run(folder: Path, out: Path, workers: int, maps: bool):
    from layers.batch import run_batch

    load = os.getloadavg()[0]
    t = time.perf_counter()
    summary = run_batch(folder, out=out, workers=workers, maps=maps, progress=False)
    return time.perf_counter() - t, summary, load


def profile(folder: Path, k: int) -> None:
    from pyinstrument import Profiler

    from layers.text.article import read_article
    from layers.text.claims import extract

    files = sorted(folder.rglob("*.*"))[:k]
    extract(read_article(files[0]))    # warm: imports, gazetteer
    prof = Profiler(interval=0.0005)
    t = time.perf_counter()
    with prof:
        for f in files:
            extract(read_article(f))
    took = time.perf_counter() - t
    print(f"\nprofile: {len(files)} articles parsed in-process in {took:.2f} s "
          f"({1000 * took / len(files):.1f} ms each, under the profiler)")
    print(prof.output_text(unicode=False, color=False, show_all=False))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="articles to generate")
    ap.add_argument("--speedup-n", type=int, help="articles for the 1 vs 2 workers runs")
    ap.add_argument("--maps", action="store_true", help="also draw the maps")
    ap.add_argument("--profile", type=int, default=0, metavar="K",
                    help="profile the parse of K articles in-process")
    ap.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    ap.add_argument("--skip-speedup", action="store_true")
    ap.add_argument("--repeat", type=int, default=2, help="speed-up runs of each kind")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="claimmap-bench-batch-"))
    folder = args.keep or tmp / "articles"
    try:
        t = time.perf_counter()
        if not folder.exists() or not any(folder.iterdir()):
            make_articles(folder, args.n)
        print(f"articles: {args.n} in {folder} (generated in {time.perf_counter() - t:.1f} s); "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} before the runs")

        pin_fingerprint()
        out = tmp / "out-2"
        with TreeMonitor() as mem:
            took, s, load = run(folder, out, 2, args.maps)
        print(f"batch, 2 workers (load average {load:.1f} at start): {took:.1f} s wall, {s.articles / took:.0f} articles/s "
              f"(parse {s.seconds.get('parse', 0):.1f} s = "
              f"{s.parsed / max(s.seconds.get('parse', 1e-9), 1e-9):.0f} articles/s; "
              f"merge {s.seconds.get('merge', 0):.1f} s; write {s.seconds.get('write', 0):.1f} s)")
        print(f"  {s.merged} merged, {s.failed} failed; {s.counts} ; "
              f"{s.corroborated} corroborated, {s.contested} contested claims")
        print(f"  peak memory of the process tree ({mem.peak_procs} processes): "
              f"RSS sum {mem.peak_rss / 2**20:.0f} MiB, PSS sum {mem.peak_pss / 2**20:.0f} MiB")
        print(f"  {mem.cpu(s.seconds.get('parse', 0.0))}")

        t = time.perf_counter()
        with TreeMonitor() as mem2:
            took_rerun, s2, _load = run(folder, out, 2, args.maps)
        print(f"rerun, nothing changed: {took_rerun:.2f} s (parsed {s2.parsed}, "
              f"unchanged={s2.unchanged}); peak PSS {mem2.peak_pss / 2**20:.0f} MiB")

        if not args.skip_speedup:
            m = min(args.n, args.speedup_n or 2000)
            sub = folder if m >= args.n else tmp / "subset"
            if m < args.n:
                files = sorted(p for p in folder.rglob("*") if p.is_file())[:m]
                for f in files:
                    dest = sub / f.relative_to(folder)
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(f, dest)
            times: dict[int, list] = {1: [], 2: []}
            for rep in range(args.repeat):
                for w in (1, 2):
                    with TreeMonitor() as mon:
                        took_w, sw, load = run(sub, tmp / f"out-speedup-{w}-{rep}", w,
                                               args.maps)
                    times[w].append((took_w, sw.seconds.get("parse", 0.0)))
                    print(f"speed-up run {rep + 1}, {m} articles on {w} worker(s) (load average "
                          f"{load:.1f} at start): {took_w:.1f} s wall, "
                          f"parse {times[w][-1][1]:.1f} s; {mon.cpu(times[w][-1][1])}")
            best = {w: (min(t[0] for t in v), min(t[1] for t in v)) for w, v in times.items()}
            print(f"speed-up 1 -> 2 workers ({m} articles, best of {args.repeat}): parse "
                  f"{best[1][1] / best[2][1]:.2f}x, whole run {best[1][0] / best[2][0]:.2f}x")
        if args.profile:
            profile(folder, args.profile)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
