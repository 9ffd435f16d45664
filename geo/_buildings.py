"""Buildings named like towns: "the White House", "White House aides" is the building (or
those who work in it), not a town of that name the gazetteer knows."""

from __future__ import annotations

from geo._item import Item
from geo._words import CLAUSE_WORDS, PLACE_ATTRIBUTES, RESIDENT_NOUNS

__all__ = ["BUILDING_HEADS", "names_a_building"]

#: the last word of a building's name. Not "castle" ("Barnard Castle" is a town)
BUILDING_HEADS = frozenset({
    "house", "hall", "tower", "towers", "palace", "mansion", "cathedral", "abbey",
    "centre", "center", "stadium", "arena",
})

#: a town named so must be small for the building to win: a city's name is the city
BUILDING_TOWN_POP = 50_000


def names_a_building(toks, it: Item) -> str:
    """Why a name of two or more words ending in a building's head word is that building
    and not the small town the gazetteer has of that name: "the" before it ("the White
    House said", "at the Capitol Centre"), or a noun after it that it modifies ("White
    House aides", "a Government House dinner"). A town keeps its name when the text places
    it ("White House, Tennessee", "in Rockville Centre") or speaks of its people
    ("Rockville Centre residents")."""
    s = it.span
    if s.j - s.i < 2 or toks[s.j - 1].low not in BUILDING_HEADS or it.qualifier is not None:
        return ""
    if it.cands[0].place.kind != "populated_place" or any(
            c.primary and c.place.population >= BUILDING_TOWN_POP for c in it.cands):
        return ""  # (a translated alternate name is no city's name: Casablanca is
        # "White House" in English, yet "the White House" is never Casablanca)
    prv, nxt = it.prev_word, it.next_word
    if prv is not None and prv.low == "the":
        return "a building's name ('the White House'), not a town's"
    if it.located or toks[s.j - 1].possessive or nxt is None or nxt.cap or not nxt.alpha:
        return ""
    if nxt.low in CLAUSE_WORDS or nxt.low in RESIDENT_NOUNS or nxt.low in PLACE_ATTRIBUTES:
        return ""
    return "a building's name before the noun it modifies ('White House aides')"
