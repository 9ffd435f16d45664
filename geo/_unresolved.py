"""Names that read as places but that the gazetteer cannot place with confidence.

A map is better with no point than a wrong one, and a reviewer can pin a name the
geoparser leaves open. `unplaced` reports two kinds, each as a `geo.model.Unresolved`:

- a name the gazetteer knows, that the text writes as a place (after "in", "at", "near",
  "the town of", with a qualifier or a region word), whose readings were all turned down
  as out of place: every entry of that name lies far from the places the article is about
  or in no country it speaks of (most likely a village of that name the gazetteer lacks;
  "a village in the Sahel", not its namesake in the Caribbean);
- a capitalised name the gazetteer does not know at all, written after a settlement or
  area noun ("the village of Tabarre", "the town of Xyz"): the text says it is a place.

Common words, headlines' capitals and names the text gives no place cue are not reported:
they are far more often no place at all.
"""

from __future__ import annotations

import re

from geo._resolve import coheres
from geo._tuning import ABROAD_POP
from geo.countries import is_capital
from geo.model import Unresolved
from geo.namekey import normalize

__all__ = ["unplaced", "abroad", "FAR", "ABROAD", "NOT_IN_GAZETTEER"]

FAR = "its gazetteer entries are all far from the places the article is about"
NOT_IN_GAZETTEER = "not in the gazetteer"
ABROAD = "a namesake abroad, in no country the article is about and far from its places"


def abroad(it, ctx) -> str:
    """Why the reading of `it` is a namesake abroad the article gives no evidence for
    (empty when it is not): a town of fewer than `ABROAD_POP` people, no national capital,
    in none of the countries the article's other names are in nor a neighbour of one, and
    far (`geo._tuning.COHERENT_KM`) from all their places, with no qualifier ("Lorena,
    Brazil") to vouch for it. "Fighting near Lorena" in a report on Mali is a village the
    gazetteer lacks, not the Brazilian town; "flew to Lyon" is still Lyon."""
    p = it.best.place
    if p.kind != "populated_place" or it.qualifier is not None or it.alias or \
            p.population >= ABROAD_POP or not ctx.countries_without(it.key):
        return ""
    if coheres(p, ctx, it.key) or is_capital(p):
        return ""
    # the article's ground is said by at least two other names (one other name, itself
    # perhaps misread, is no ground to turn a reading down on)
    if sum(1 for k in ctx.by_key if k != it.key) < 2:
        return ""
    return ABROAD

# the words before a name that make it a place ("in", "near", "the town of"; not "from",
# "at", "to", "by": "a brace from Salah", "at Christmas", "talked to Roy")
_PLACE_WORDS = frozenset({"in", "near", "outside", "around", "of", "across", "into"})

# "the village of Xyz", "the town of Abc Def": a settlement or area noun, "of", a name
_NOUN_OF = re.compile(
    r"\b(?:village|town|hamlet|settlement|city|district|county|province|commune|locality|"
    r"municipality|township|parish|oblast|raion|governorate|prefecture)s?\s+of\s+"
    r"((?:[A-Z][\w’'\-]*)(?:\s+(?:al-|el-)?[A-Z][\w’'\-]*){0,3})")


def unplaced(text: str, items: list, far: list, found: list, gaz) -> list[Unresolved]:
    """The unresolved mentions of `text`, in text order.

    Parameters
    ----------
    text : str
        The article.
    items : list of geo._item.Item
        Every name recognised in it.
    far : list of geo._item.Item
        The names whose readings were all rejected in the article's context (the last
        round), still rejected at the end.
    found : list of geo.model.Mention
        The resolved mentions (an unresolved one never overlaps them).
    gaz : geo.gazetteer.Gazetteer
        For the names the gazetteer does not know.
    """
    taken = [(m.start, m.end) for m in found]
    out: list[Unresolved] = []

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in taken)

    for it in far:
        if not it.reject or it.common or it.headline or not it.cands:
            continue
        prev = it.prev_word.low if it.prev_word is not None else ""
        qual = items[it.qualifier].best if it.qualifier is not None else None
        if not ((it.locative and prev in _PLACE_WORDS) or it.region or (
                qual is not None and qual.place.kind in ("country", "admin1"))):
            continue
        if free(it.start, it.end):
            out.append(Unresolved(text[it.start:it.end], it.start, it.end, FAR))
            taken.append((it.start, it.end))
    for m in _NOUN_OF.finditer(text):
        name = m.group(1)
        while name and name[-1] in "’'-":
            name = name[:-1]
        a = m.start(1)
        b = a + len(name)
        if len(name) < 3 or not free(a, b):
            continue
        key = normalize(name)
        if key and not gaz.has_name(key):
            out.append(Unresolved(name, a, b, NOT_IN_GAZETTEER))
            taken.append((a, b))
    out.sort(key=lambda u: u.start)
    return out
