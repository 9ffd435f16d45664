"""The claims file's format: its version, its fields, the keys places go by, and the
ruamel.yaml set-up both the writer and the reader use."""

from __future__ import annotations

import re

from layers.model import PlaceRecord

#: the value of the file's `format` field
FORMAT = "claimmap-claims/1"

HEADER = """\
claimmap claims file: review it, then run `claimmap build` on it.
- A place: switch it to another gazetteer entry by putting its id in place_id (one of
  its alternatives, or any `claimmap geocode` result; `geonameid: N` works too), or pin
  it to coordinates with lat, lon and the source they come from.
- A claim: delete it to drop it, edit a figure/date/category/source to fix it, or add
  one (claim_id may be left out). Claims name their places by key; a claim with no
  places and an unresolved_place names a place the gazetteer could not find: add it to
  places (pinned) and name its key in the claim's places to put the claim on the map.
- Comments you add are kept when claimmap rewrites this file."""

ARTICLE_KEYS = ("id", "title", "published", "source", "url", "path", "notes")
PLACE_KEYS = ("key", "place_id", "geonameid", "name", "kind", "lat", "lon", "country_code",
               "admin1", "population", "mentions", "surfaces", "geo_precision", "alternatives",
               "source", "note")
CLAIM_KEYS = ("claim_id", "category", "places", "unresolved_place", "relation", "measure", "value", "value_max", "unit",
               "date_start", "date_end", "time_precision", "source", "contested",
               "conflicts_with", "period", "qualifier", "geo_precision", "span_start", "span_end",
               "quote", "sentence", "note")
TOP_KEYS = ("format", "article", "places", "claims", "made_by", "article_text", "review")


# ---------------------------------------------------------------------------- keys

def slug(s: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"[^\w]+", "-", s).strip("-")
    return s or "place"


def place_keys(places: list[PlaceRecord]) -> dict[str, str]:
    """The key each place has in a claims file (place_id -> key): its name as a slug,
    made unique with the gazetteer id.

    >>> place_keys([PlaceRecord("geonames:1", "Pokrovsk", "populated_place", 0, 0)])
    {'geonames:1': 'pokrovsk'}
    """
    out: dict[str, str] = {}
    used: set[str] = set()
    for p in places:
        k = slug(p.name)
        if k in used:
            k = f"{k}-{slug(p.place_id.split(':', 1)[-1])}"
        n = 2
        base = k
        while k in used:
            k = f"{base}-{n}"
            n += 1
        used.add(k)
        out[p.place_id] = k
    return out


def round_trip_yaml():
    from ruamel.yaml import YAML

    y = YAML()                              # round trip: comments and order are kept
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 100
    y.allow_unicode = True
    y.preserve_quotes = True
    return y
