"""Test data for the builder and writer tests: the first article's ClaimsDoc, made by hand.

Built from the acceptance sheet (../shared/expected/pokrovsk-2025-06-29.yaml): its places
with their GeoNames coordinates and its claims, so the builder can be tested without the
extractor. Admin areas take the gazetteer's point when geo.gazetteer can give one; else
(the sheet has no coordinates for them) the mean of the sheet's towns inside them, a test
stand-in, never product data. The mine is put at Pokrovsk with geo_precision 2, as the
sheet allows.
"""

from __future__ import annotations

from datetime import date

import yaml

from layers.model import Article, Claim, ClaimsDoc, PlaceRecord

from common import FIRST_ARTICLE as ARTICLE
from common import FIRST_SHEET as SHEET
from common import SHARED  # noqa: F401 - the tests that import it from here

_RELATIONS = {"supply-routes": "supply_route", "advance-rate": "advance",
              "toward-dnipropetrovsk": "toward"}


def _gazetteer_point(geonameid: int):
    try:
        from geo.gazetteer import Gazetteer
        place = Gazetteer.open().get(f"geonames:{geonameid}")
        return place.lat, place.lon
    except Exception:  # the gazetteer may not be written yet, or lack admin areas
        return None


def pokrovsk_doc() -> ClaimsDoc:
    """The first article's places and claims, as the acceptance sheet lists them."""
    sheet = yaml.safe_load(SHEET.read_text(encoding="utf-8"))
    text = ARTICLE.read_text(encoding="utf-8")
    article = Article(id=sheet["article"]["id"], text=text, title=text.splitlines()[0],
                      published=date(2025, 6, 29), path=str(ARTICLE))
    towns = [p for p in sheet["places"] if p["kind"] == "populated_place"]
    pokrovsk = next(p for p in towns if p["geonameid"] == 704422)
    places = []
    for p in sheet["places"]:
        if p["kind"] == "country":
            continue  # the sheet gives no point for countries
        offsets = p.get("offsets", [])
        surfaces = sorted({text[a:b] for a, b in offsets})
        if p["kind"] == "facility":
            places.append(PlaceRecord(
                place_id="claimmap:pokrovske-coal-mine", name=p["name"], kind="facility",
                lat=pokrovsk["lat"], lon=pokrovsk["lon"], mentions=len(offsets),
                surfaces=surfaces, geo_precision=2, source="nearest place: Pokrovsk",
                note="placed at Pokrovsk, the town the article ties it to"))
            continue
        if "lat" in p:
            lat, lon = p["lat"], p["lon"]
        else:
            lat, lon = _gazetteer_point(p["geonameid"]) or (
                sum(t["lat"] for t in towns) / len(towns), sum(t["lon"] for t in towns) / len(towns))
        places.append(PlaceRecord(
            place_id=f"geonames:{p['geonameid']}", name=p["name"], kind=p["kind"], lat=lat, lon=lon,
            geonameid=p["geonameid"], country_code="UA", admin1=p.get("admin1", ""),
            mentions=len(offsets), surfaces=surfaces, geo_precision=1 if p["kind"] != "admin1" else 3,
            alternatives=[f"geonames:{a}" for a in p.get("alternatives", [])], source="GeoNames"))
    claims = []
    for i, c in enumerate(sheet["claims"]):
        where = c.get("places") or [c["place"]]
        ids = ["claimmap:pokrovske-coal-mine" if isinstance(w, str) else f"geonames:{w}"
               for w in where]
        start = 100 * i  # spans are not what these tests are about
        claims.append(Claim(
            claim_id=c["id"], article_id=article.id, text=c.get("note", c["id"]),
            span_start=start, span_end=start + 10, category=c["category"], place_ids=ids,
            measure=c.get("measure", ""), value=c.get("value"), unit=c.get("unit", ""),
            date_start=str(c.get("date", "")), time_precision={10: "day", 7: "month", 4: "year"}.get(
                len(str(c.get("date", ""))), ""),
            source=c.get("source", "unattributed"), contested=bool(c.get("contested", False)),
            conflicts_with=(["troops-headline"] if c["id"] == "troops" else
                            ["troops"] if c["id"] == "troops-headline" else []),
            relation=_RELATIONS.get(c["id"], ""), period=c.get("period", "")))
    return ClaimsDoc(article=article, places=places, claims=claims,
                     made_by={"claimmap": "test", "gazetteer": "test"})


def first_article_layers(boundaries=None):
    """The first article's layers, through the real pipeline (reader, geoparser, extractor)."""
    from layers.builder import build

    return build(ARTICLE, date=date(2025, 6, 29), boundaries=boundaries)
