"""What the words around a name say: the cues the geoparser reads before any look-up.

Region phrasings ("Donetsk region", "the Donetsk and Luhansk regions", "northern Donetsk
cities", "controlling Donetsk and Luhansk"), facilities ("Pokrovs’ke coal mine"),
locatives ("in", "the town of"), aliases ("formerly Dnipropetrovsk"), constituencies ("a
senator from Victoria"), common words, and qualifiers ("Ukraine’s Donetsk", "Nyala in
South Darfur", "Avdiivka, Donetsk Oblast"). Each is noted on the name's `Item`.
"""

from __future__ import annotations

import re

from functools import lru_cache

from geo import _recognize as rz
from geo._item import Item
from geo._words import (
    ALIAS_CUES, AREA_TYPES, AREA_WORDS, ARTICLES, AT_PLACE, CLAUSE_WORDS, CONSTITUENCY_NOUNS,
    CONTROL_VERBS, DIRECTIONS, FACILITY_HEADS, FACILITY_MODIFIERS, FEATURE_WORDS, LOCATIVES,
    PLACE_ATTRIBUTES, PLURAL_AREA_WORDS, SETTLEMENT_NOUNS, SINGULAR_AREA_WORDS, common_words,
)
from geo.namekey import normalize

__all__ = ["word_before", "word_after", "read_cues", "read_coordination", "read_qualifiers",
           "local_bodies"]


def word_before(toks, i, text, joined=True):
    """The token before `i` (None at the start or, with joined, across punctuation)."""
    if i <= 0:
        return None
    p = toks[i - 1]
    if joined and text[p.end:toks[i].start].strip(" "):
        return None
    return p


def word_after(toks, j, text, joined=True):
    """The token at `j` following ``toks[j-1]`` (None across punctuation when joined)."""
    if j >= len(toks):
        return None
    n = toks[j]
    if joined and (toks[j - 1].possessive or text[toks[j - 1].end:n.start].strip(" ")):
        return None
    return n


#: a town's own public bodies after its name: the article is local news of that town
_LOCAL_BODY = re.compile(
    r"(?:’s|'s)? (?:police(?! state)|[Cc]ity [Cc]ouncil|[Cc]ity [Hh]all|[Tt]own [Cc]ouncil|"
    r"[Cc]ity [Cc]ommission|[Pp]olice [Dd]epartment|[Ff]ire [Dd]epartment|[Mm]ayor|"
    r"[Ss]chool [Bb]oard|[Bb]oard of [Ee]ducation|[Ss]electmen|[Bb]oard of [Ss]electmen|"
    r"[Pp]ublic [Ll]ibrary|[Cc]ity [Mm]anager|[Cc]ity [Ss]chools|[Cc]ouncil)\b")


def local_bodies(items: list[Item]) -> None:
    """One sense per article: every mention of a name the article gives its own police
    or council ("Alexandria police" ... "in Alexandria") is `Item.local_body`."""
    keys = {it.key for it in items if it.local_body}
    for it in items:
        if it.key in keys:
            it.local_body = True


def read_cues(text, toks, it: Item) -> None:
    """Note on `it` what the words joined to its name say (all but coordination and
    qualifiers, which need the names around it: `read_coordination`, `read_qualifiers`)."""
    s = it.span
    last = toks[s.j - 1]
    nxt = it.next_word = word_after(toks, s.j, text)
    prv = it.prev_word = word_before(toks, s.i, text)
    if prv is not None and prv.low in LOCATIVES:
        it.locative = True
        it.located = prv.low in AT_PLACE
        if prv.low == "of":  # "the town of Sake", not "the Cape of Good Hope"
            before = word_before(toks, s.i - 1, text)
            it.locative = before is not None and (
                before.low in LOCATIVES or before.low in PLACE_ATTRIBUTES)
            if before is not None and before.cap and before.low in FEATURE_WORDS:
                it.feature = True
            if before is not None and before.low in AREA_WORDS:  # "the state of Paraná"
                it.region = True
                it.region_keys = (it.key,)
    # "Donetsk region", "Donetsk Oblast", "Kharkiv regional governor", "Донецької області"
    if nxt is not None and not last.possessive:
        word = nxt.low
        if word in AREA_WORDS or word in PLURAL_AREA_WORDS:
            it.region = True
            it.region_keys = _region_keys(it, toks, word)
        elif prv is not None and prv.low in DIRECTIONS and word in SETTLEMENT_NOUNS:
            it.region = True           # "northern Donetsk cities"
        else:
            _facility(text, toks, it)
    if _LOCAL_BODY.match(text, it.end) and not last.possessive:
        it.local_body = True
    if s.how == "abbreviation":  # "Tampa, Fla.": the state
        it.region = True
        it.region_keys = (it.key,)
    # a word of the name itself may be a type word ("Shan State" matched whole)
    if s.j - s.i > 1 and toks[s.j - 1].low in AREA_WORDS:
        it.region = True
        it.end = toks[s.j - 2].end     # the surface is the name: "Shan" of "Shan State"
    for k in range(max(0, s.i - 3), s.i):  # "formerly X", "known as X", "which Russia calls X"
        if toks[k].low in ALIAS_CUES and "." not in text[toks[k].end:toks[s.i].start]:
            it.alias = True
    if s.i >= 2 and toks[s.i - 1].low == "from" and toks[s.i - 2].low in CONSTITUENCY_NOUNS \
            and text[toks[s.i - 2].end:toks[s.i].start] == " from ":
        it.constituency = True   # "a Democrat from Georgia", "a senator from Victoria"
    if s.j - s.i > 1 and toks[s.i].low in ARTICLES and \
            all(toks[k].low in common_words() for k in range(s.i + 1, s.j)):
        it.common = True   # "The Bank", "The Hill": an article and common words
    if s.j - s.i == 1 and toks[s.i].low in common_words() and not toks[s.i].cyrillic:
        it.common = True
        # "an appeal in Geneva on Tuesday" (a place), not "in Reading the report" or "in
        # Mobile phones" (the word goes on as a phrase)
        after = text[last.end:nxt.start] if nxt is not None else ""
        it.placed = it.located and not it.sent_start and (
            nxt is None or nxt.low in CLAUSE_WORDS or after.strip(" "))


@lru_cache(maxsize=512)
def _area_types(word: str) -> tuple[str, ...]:
    """The name keys of the area types to try after a name followed by `word`: its
    singular first, then the common ones."""
    singular = SINGULAR_AREA_WORDS.get(word, word)
    return tuple(dict.fromkeys(normalize(w) for w in (singular,) + AREA_TYPES))


def _region_keys(it: Item, toks, word: str) -> tuple[str, ...]:
    if toks[it.span.i].cyrillic:
        bases = [it.key] + rz.cyrillic_variants(toks[it.span.i].key)
        return tuple(f"{b} область" for b in bases)
    return tuple(dict.fromkeys(f"{it.key} {w}" for w in _area_types(word)))


def _facility(text, toks, it: Item) -> None:
    """``<name> [modifiers] <head>``: "Pokrovs’ke coal mine", "Rafah crossing"."""
    k = it.span.j
    last = toks[k - 1]
    if last.possessive:
        return
    mods = 0
    while k < len(toks) and text[toks[k - 1].end:toks[k].start] == " " and mods <= 3:
        w = toks[k].low
        if w in FACILITY_HEADS:
            it.facility_end = toks[k].end
            it.facility_phrase = text[it.start:toks[k].end]
            return
        if w not in FACILITY_MODIFIERS:
            return
        mods += 1
        k += 1


def read_coordination(text, toks, items: list[Item]) -> None:
    """Region cues shared along "A and B regions", and "controlling A and B" (areas)."""
    groups: list[list[Item]] = []
    for it in items:
        if groups:
            prev = groups[-1][-1]
            gap = text[prev.end:it.start]
            if gap in (" and ", ", ", " or ", ", and ", " & ", " and the ", " та ", " і ", " й "):
                groups[-1].append(it)
                continue
        groups.append([it])
    for g in groups:
        if len(g) < 2:
            continue
        last = g[-1]
        nxt = last.next_word
        if last.region and nxt is not None and nxt.low in PLURAL_AREA_WORDS:
            for it in g[:-1]:
                it.region = True
                it.region_keys = _region_keys(it, toks, nxt.low)
            continue
        first = g[0].span.i
        before = [toks[k].low for k in range(max(0, first - 3), first)]
        if any(w in CONTROL_VERBS for w in before):
            for it in g:
                it.region = it.region or "control"  # resolved to areas only where areas exist


#: the type words of a town's district after a qualifier: "Borova in the Izium district"
_DISTRICT_AFTER = (" district", " raion", " county", " municipality", " area")


#: a lowercase type word between a name and its qualifier: "Lianjiang county, Fujian"
_TYPED_GAP = re.compile(r" (?:county|district|city|town|village|township|prefecture|"
                        r"municipality|subdistrict|commune),(?: in)? ")


def read_qualifiers(text, toks, items: list[Item]) -> None:
    """"Ukraine’s Donetsk", "Nyala in South Darfur", "Avdiivka, Donetsk Oblast"."""
    for n, it in enumerate(items):
        if n > 0:
            prev = items[n - 1]
            if toks[prev.span.j - 1].possessive and \
                    text[prev.end:it.start] in ("’s ", "'s ", "ʼs "):
                it.qualifier = n - 1
                continue
        if n + 1 < len(items):
            nxt = items[n + 1]
            gap = text[it.end:nxt.start]
            if gap in (", ", " in ", " in the ", " (", ", in ", " у ", " в ") or \
                    _TYPED_GAP.fullmatch(gap):
                it.qualifier = n + 1
                nxt.qualifies = True
                it.within = gap in (" in ", " in the ") and \
                    text[nxt.end:nxt.end + 16].lower().startswith(_DISTRICT_AFTER)
