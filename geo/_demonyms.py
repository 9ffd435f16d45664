"""Demonyms that name ground: "the Syrian border", "the Greek islands", "Azerbaijani jails".

A demonym ("Syrian", "Greek", "European") is most often a people, a state or an army
("Syrian forces", "the Greek government"), and no place on a map: `geo._reject` keeps
those out. Before a noun for a piece of ground or something fixed on it ("the Syrian
capital", "the Turkish border", "the Greek islands", "Tunisian airbases") the demonym
locates the noun in its country, and is that country's (or continent's) mention, as the
public corpora annotate it (GeoWebNews: Literal_Modifier; LGL: every adjectival form).
"""

from __future__ import annotations

from geo._regions import region_place
from geo.countries import demonym_country
from geo.model import Mention, Place
from geo.namekey import normalize

__all__ = ["demonym_mentions", "GROUND_NOUNS"]

#: nouns for ground, or for what stands on it, that a demonym before them locates; not the
#: words of sovereignty ("into Russian territory", "on French soil"), which say whose the
#: ground is more than where it lies
GROUND_NOUNS = frozenset({
    "border", "borders", "frontier", "capital", "city", "cities", "town", "towns", "village",
    "villages", "province", "provinces", "region", "regions", "states", "island", "islands",
    "coast", "coastline", "coasts", "waters", "airspace",
    "mainland", "countryside", "enclave", "port", "ports", "jail", "jails", "prison",
    "prisons", "farms", "beaches", "airbase", "airbases", "highlands",
    "countries", "side", "peninsula", "desert", "mountains", "hinterland", "heartland",
    "interior", "shores", "shore", "seaside", "resort", "resorts", "land", "lands",
    "ocean", "market", "markets", "economy", "factories", "plants", "mines", "oilfields",
    "jurisdictions", "farmland", "forests", "rivers", "lakes",
})

#: words after the noun that make the phrase an institution's, not ground's
INSTITUTION_AFTER = frozenset({
    "guard", "guards", "police", "force", "forces", "agency", "patrol", "patrols",
    "authority", "authorities", "officials", "ministry", "service", "troops", "council",
})

#: demonyms no suffix rule reads back to their country's or area's name
IRREGULAR = {
    "british": "united kingdom", "english": "england", "scottish": "scotland",
    "welsh": "wales", "irish": "ireland", "french": "france", "dutch": "netherlands",
    "greek": "greece", "swiss": "switzerland", "thai": "thailand", "danish": "denmark",
    "swedish": "sweden", "finnish": "finland", "spanish": "spain", "polish": "poland",
    "portuguese": "portugal", "norwegian": "norway", "filipino": "philippines",
    "philippine": "philippines", "peruvian": "peru", "icelandic": "iceland",
}
#: demonyms of continents
CONTINENTAL = {"european": "europe", "african": "africa", "asian": "asia"}


def _place(gaz, key: str) -> Place | None:
    if key in CONTINENTAL:
        return region_place(gaz, CONTINENTAL[key])
    name = IRREGULAR.get(key)
    if name is not None:
        for c in gaz.candidates(normalize(name))[:3]:
            if c.place.kind in ("country", "admin1"):
                return c.place
        return None
    return demonym_country(gaz, key)


def demonym_mentions(text: str, toks, taken: list[Mention], gaz) -> list[Mention]:
    """Mentions of the countries (continents) whose demonym stands before a noun for
    ground in `toks` ("the Syrian-Turkish border": Syria and Turkey), where no mention in
    `taken` already is."""
    busy = [(m.start, m.end) for m in taken]
    out: list[Mention] = []
    n = len(toks)
    for i, t in enumerate(toks):
        if not t.cap or not t.alpha or t.upper or t.possessive or len(t.low) < 4:
            continue
        if i and toks[i - 1].cap and text[toks[i - 1].end:t.start] == " " and \
                not toks[i - 1].sent_start:
            continue  # inside a longer name: "Northern Irish", "Saint Lucian"
        # the noun after this demonym and any joined to it by a hyphen or "and"
        k = i + 1
        while k < n and toks[k].cap and text[toks[k - 1].end:toks[k].start] == "-":
            k += 1
        if k >= n or toks[k].cap or toks[k].low not in GROUND_NOUNS or \
                text[toks[k - 1].end:toks[k].start] != " ":
            continue
        if k + 1 < n and toks[k + 1].low in INSTITUTION_AFTER and \
                text[toks[k].end:toks[k + 1].start] == " ":
            continue  # "the Tunisian coast guard", "Iraqi border police"
        if any(a < t.end and t.start < b for a, b in busy):
            continue
        place = _place(gaz, t.low)
        if place is None:
            continue
        out.append(Mention(surface=text[t.start:t.end], start=t.start, end=t.end,
                           place=place, geo_precision=3))
    return out
