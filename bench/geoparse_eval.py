"""Score the geoparser against gold files, beside flashgeotext on the same texts.

    .venv/bin/python bench/geoparse_eval.py tests/data/articles [more dirs or sheets ...]

Each argument is a folder of ``<id>.txt`` + ``<id>.yaml`` gold files (the format of
tests/data/articles/README.md), or an expected sheet of ../shared/expected (its article is
read from ../articles/<id>.txt beside it). Prints, per system:

- mention precision, recall and F1: a returned mention is a hit when it overlaps a gold
  mention (one to one, in text order); anything else it returns is a false positive;
- accuracy@10km: of the hits whose gold has a location, the share resolved right: for
  populated places and facilities within 10 km of the gold point, for first-level areas and
  countries the same entry (GeoNames id, or country code);
- not-place violations: returned mentions that overlap a gold ``not_places`` span.

A sheet's places listed without offsets (the countries of the first article) count neither
way: returning them is allowed, not required.

The last column is the wall time of one cold pass (first look-ups of every name and date
included, on whatever else the machine is doing); bench/geoparse_speed.py measures speed.

flashgeotext (the dictionary-tagger baseline) returns names only; each is resolved the
way such a tagger's user would, to the gazetteer's top candidate for that name with no
context (a country for its country names, a populated place for its city names).
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KM = 10.0


def km(lat1, lon1, lat2, lon2):
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def load_gold(arg: Path) -> list[dict]:
    """[{id, text, date, mentions: [...], not_places: [...]}] from a folder or a sheet."""
    docs = []
    paths = sorted(arg.glob("*.yaml")) if arg.is_dir() else [arg]
    for y in paths:
        g = yaml.safe_load(y.read_text(encoding="utf-8"))
        if not isinstance(g, dict) or "article" not in g:
            continue
        aid = g["article"]["id"]
        txt = y.with_suffix(".txt")
        if not txt.exists():
            txt = y.parent.parent / "articles" / f"{aid}.txt"
        text = txt.read_text(encoding="utf-8")
        ignore = []
        if "mentions" in g:
            mentions, nots = g["mentions"], g.get("not_places", [])
        else:  # an expected sheet: places with offsets lists
            mentions, nots = [], []
            for p in g.get("places", []):
                if not p.get("offsets"):  # listed without offsets: may be returned or not
                    ignore.append(p)
                for a, b in p.get("offsets", []):
                    m = {"start": a, "end": b, "kind": p["kind"], "surface": text[a:b],
                         "name": p["name"]}
                    if p.get("geonameid"):
                        m["geonameid"] = p["geonameid"]
                    if p["kind"] == "populated_place" and "lat" in p:
                        m.update(lat=p["lat"], lon=p["lon"])
                    mentions.append(m)
            for p in g.get("not_places", []):
                for a, b in p["offsets"]:
                    nots.append({"start": a, "end": b, "surface": p["surface"]})
        docs.append({"id": aid, "text": text, "date": str(g["article"].get("published") or "") or None,
                     "mentions": sorted(mentions, key=lambda m: m["start"]), "not_places": nots,
                     "ignore": ignore})
    return docs


def resolved_right(gold: dict, pred: dict) -> bool | None:
    """True/False, or None when the gold mention has no location to check against."""
    kind = gold.get("kind")
    if kind == "country":
        return pred.get("country_code") == gold.get("country_code") and pred.get("kind") == "country"
    if kind == "admin1":
        return pred.get("geonameid") == gold.get("geonameid")
    if "lat" in gold and pred.get("lat") is not None:
        return km(gold["lat"], gold["lon"], pred["lat"], pred["lon"]) <= KM
    return None


def _same(listed: dict, pred: dict) -> bool:
    """Whether a returned mention is of a place a sheet lists without offsets."""
    if listed.get("kind") == "country":
        return pred.get("kind") == "country" and pred.get("country_code") == listed.get("country_code")
    return bool(listed.get("geonameid")) and pred.get("geonameid") == listed.get("geonameid")


def score(docs, predict) -> dict:
    tp = fp = fn = viol = 0
    res_ok = res_n = 0
    elapsed = 0.0
    errors = []
    for d in docs:
        t0 = time.perf_counter()
        preds = predict(d)
        elapsed += time.perf_counter() - t0
        gold = d["mentions"]
        used = set()
        for p in preds:
            hit = next((k for k, g in enumerate(gold) if k not in used
                        and g["start"] < p["end"] and p["start"] < g["end"]), None)
            if hit is None and any(_same(i, p) for i in d.get("ignore", ())):
                continue
            if hit is None:
                fp += 1
                if any(n["start"] < p["end"] and p["start"] < n["end"] for n in d["not_places"]):
                    viol += 1
                errors.append(f"{d['id']}: FP {p['surface']!r}@{p['start']} -> {p.get('name')}")
                continue
            used.add(hit)
            tp += 1
            ok = resolved_right(gold[hit], p)
            if ok is not None:
                res_n += 1
                res_ok += ok
                if not ok:
                    errors.append(f"{d['id']}: WRONG {p['surface']!r}@{p['start']} -> {p.get('name')} "
                                  f"({p.get('geonameid') or p.get('country_code')}), gold "
                                  f"{gold[hit].get('name') or gold[hit].get('place_id')}")
        for k, g in enumerate(gold):
            if k not in used:
                fn += 1
                errors.append(f"{d['id']}: MISSED {g['surface']!r}@{g['start']}")
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": prec, "recall": rec, "f1": f1,
            "acc10": res_ok / res_n if res_n else 0.0, "resolved": res_n,
            "violations": viol, "seconds": elapsed, "errors": errors}


def claimmap_predict(doc) -> list[dict]:
    from geo.places import find_places

    return [m.to_json() for m in find_places(doc["text"], date=doc["date"])]


class Flashgeotext:
    """flashgeotext's extract, each name resolved to the gazetteer's top candidate."""

    def __init__(self):
        from flashgeotext.geotext import GeoText

        from geo.gazetteer import Gazetteer

        self.geotext = GeoText()
        self.gaz = Gazetteer.open()

    def _place(self, name: str, kind: str) -> dict:
        from geo.namekey import normalize

        for c in self.gaz.candidates(normalize(name)):
            if (kind == "country") == (c.place.kind == "country"):
                p = c.place
                return {"name": p.name, "kind": p.kind, "geonameid": p.geonameid,
                        "country_code": p.country_code, "lat": p.lat, "lon": p.lon}
        return {"name": name, "kind": kind}

    def __call__(self, doc) -> list[dict]:
        out = []
        found = self.geotext.extract(input_text=doc["text"], span_info=True)
        for group, kind in (("cities", "populated_place"), ("countries", "country")):
            for name, info in found.get(group, {}).items():
                place = self._place(name, kind)
                for a, b in info["span_info"]:
                    out.append({**place, "surface": doc["text"][a:b], "start": a, "end": b})
        return sorted(out, key=lambda p: p["start"])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path, help="gold folders or expected sheets")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = ap.parse_args(argv)
    docs = [d for p in args.paths for d in load_gold(p)]
    words = sum(len(d["text"].split()) for d in docs)
    golds = sum(len(d["mentions"]) for d in docs)
    print(f"{len(docs)} articles, {words} words, {golds} gold mentions")
    systems = [("claimmap", claimmap_predict)]
    try:
        systems.append(("flashgeotext", Flashgeotext()))
    except ImportError:
        print("flashgeotext is not installed (pip install flashgeotext): baseline skipped")
    claimmap_predict(docs[0])  # warm-up: opens the gazetteer
    print(f"{'system':14} {'P':>6} {'R':>6} {'F1':>6} {'acc@10km':>9} {'n_res':>6} "
          f"{'not-place hits':>15} {'cold ms/1000w':>14}")
    for name, fn in systems:
        r = score(docs, fn)
        print(f"{name:14} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
              f"{r['acc10']:9.3f} {r['resolved']:6d} {r['violations']:15d} "
              f"{1000 * r['seconds'] / words * 1000:14.2f}")
        if args.verbose:
            for e in r["errors"]:
                print("   ", e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
