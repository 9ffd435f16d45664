"""Value objects of the gazetteer and the geoparser: Place, Candidate, Mention, Unresolved.

These are the contract between geo/ and layers/. They know nothing of claims or maps.
Coordinates are always named lat/lon (WGS 84 degrees).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

__all__ = ["KINDS", "Place", "Candidate", "Mention", "Unresolved"]

#: the kinds of place a layer may hold (SPEC: places.kind)
KINDS = ("populated_place", "admin1", "admin2", "country", "facility", "region")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    place_id is ``geonames:<geonameid>`` for GeoNames places and admin areas,
    ``country:<ISO alpha-2>`` for countries and ``claimmap:<slug>`` for rows of the
    curated file. admin1 is the GeoNames admin1 code with its country (``UA.05``),
    empty where there is none.
    """

    place_id: str
    name: str
    kind: str
    lat: float
    lon: float
    country_code: str = ""
    admin1: str = ""
    population: int = 0
    geonameid: int | None = None
    #: where the entry comes from ("GeoNames", or the curated row's cited source)
    source: str = "GeoNames"
    #: how the point was made, when it is not GeoNames' own (e.g. population-weighted centre)
    note: str = ""
    #: how widely the place is known: the number of distinct alternate names (languages,
    #: scripts, spellings) GeoNames gives it; 0 where the source gives none
    prominence: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A ranked answer to a gazetteer query: the place, its score and why."""

    place: Place
    score: float
    why: tuple[str, ...] = ()
    #: True when the query matched the entry's primary name (not an alternate or former one)
    primary: bool = False

    def to_dict(self) -> dict:
        p = self.place
        return {
            "place_id": p.place_id, "geonameid": p.geonameid, "name": p.name, "kind": p.kind,
            "country": p.country_code, "admin1": p.admin1, "lat": p.lat, "lon": p.lon,
            "population": p.population, "score": round(self.score, 4), "why": list(self.why),
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a place in a text: where it is written and what it resolves to.

    start/end are Python str indices into the text as read; ``text[start:end] == surface``.
    geo_precision is 1 exact, 2 near, 3 region (as in ACLED). alternatives are the
    place_ids of other candidates that came close.
    """

    surface: str
    start: int
    end: int
    place: Place
    geo_precision: int = 1
    alternatives: tuple[str, ...] = field(default=())

    def to_json(self) -> dict:
        """The SPEC's `claimmap places` entry for this mention."""
        p = self.place
        return {
            "surface": self.surface, "start": self.start, "end": self.end,
            "name": p.name, "geonameid": p.geonameid, "place_id": p.place_id,
            "kind": p.kind, "country_code": p.country_code, "admin1": p.admin1,
            "lat": p.lat, "lon": p.lon, "geo_precision": self.geo_precision,
            "alternatives": list(self.alternatives),
        }


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A name the text writes as a place but that the gazetteer cannot place with
    confidence: it lacks the name, or every entry of it lies far from the places the
    article is about. ``text[start:end] == surface``; reason says which."""

    surface: str
    start: int
    end: int
    reason: str

    def to_json(self) -> dict:
        """The SPEC's `claimmap places` "unresolved" entry."""
        return {"surface": self.surface, "start": self.start, "end": self.end,
                "reason": self.reason}
