"""Find every place an article names and resolve each in context: the geoparser.

`find_places(text, date=None)` returns one `geo.model.Mention` per place mention, in text
order, with ``text[start:end] == surface`` and no two mentions overlapping.

How it works
------------
1. Recognition (`geo._recognize`): the longest capitalised token runs the gazetteer knows,
   read through possessives (``Pokrovsk’s`` -> ``Pokrovsk``), typographic apostrophes
   (``Pokrovs’ke``), Cyrillic case endings (``Покровська`` -> ``Покровськ``) and datelines
   (at a line's start, or after the headline or byline of a story set on one line: "...
   Program. WINDSOR —", "ST. PAUL, Minn. —"); a title-case first sentence is a headline.
   World regions ("the Middle East", "the Sahel", "Darfur", "Donbas") are names too, of
   kind `region`, from a small table (`geo._regions`), and take no part in resolving the
   others.
2. Cues from the words around each name (`geo._cues`): region phrasings ("Donetsk region",
   "the Donetsk and Luhansk regions", "northern Donetsk cities", "controlling Donetsk and
   Luhansk"), facilities ("Pokrovs’ke coal mine"), qualifiers ("Ukraine’s Donetsk", "Nyala
   in South Darfur", "Avdiivka, Donetsk Oblast"), aliases ("Dnipro, formerly
   Dnipropetrovsk").
3. Rejections that need no resolution (`geo._reject`): personal names (a title before the
   name, or a capitalised word beside it that is no place: "President Vladimir", "Vladimir
   Putin"; a quoted nickname inside: "Joaquín “El Chapo” Guzmán"), organisations and units
   ("Institute for the Study of War", "Arakan Army", "the Sinaloa Cartel"), demonyms,
   peoples and groups spelt like a region ("ethnic Amhara", "Afar militias"), storms
   ("Hurricane Milton"), firms, parties and parliaments ("Hope’s Wings", "United Russia",
   "the Duma": `geo._firms`), sports teams ("Notre Dame coach": `geo._teams`), holidays
   ("St. Patrick's Day"), adjectives of peoples and faiths
   ("English", "Christian"), the head word of a longer name ("Medical Center"), a name
   hyphened to a word or in a firm's name ("Wal-Mart", "Stevens & Wilkinson"), capitals
   used for their governments ("Kyiv said", "Moscow’s push", "accused Kigali", and a
   capital as the subject of any active verb: "Asmara has moved troops", "Washington would
   keep up pressure", or paired with a group: "between Riyadh and the Houthis"; not "Kabul
   fell", "Beirut was hit", "in Kyiv"), names that speak ("Austin said", "London Breed
   said"), features named after a place ("Gulf of Aden", "the Red Sea", "the Dnipro
   river", "Lake Chad"), continents, months ("in March"), acronyms that name no country, a
   country's abbreviation inside an organisation's name ("U.S. Central Command"), and the
   first word of an unknown longer name ("Metro Manila", "Rosario Central"). A place named
   before its public body or local institution ("the Texas Department of Health",
   "Hartford Hospital") is found as the place; given names and surnames (US Census 1990,
   `geo._words.person_names`) mark people ("Rod Stewart", "Jack L. Harmon").
4. Resolution (`geo._resolve`): each name's candidates are scored by the gazetteer's prior
   (name match, kind, population, the article date for renamed places) plus the article's
   context: the countries and places it names unambiguously (anchors), distance to them,
   explicit qualifiers, region cues and aliases; a candidate in no country the article
   names but on its continent gets a little. The article's context never bridges a large
   population gap ("met in Geneva" in a story on the United States is Switzerland's: see
   `geo._resolve._keep_the_prominent`): a small namesake needs a town of the article
   beside it or the article's setting (the area its dateline names), not a state named in
   passing, and a national capital of a million is not displaced by any unqualified
   namesake ten times smaller, unless the article names that namesake with its area
   ("PARIS, Texas"). Anchors are then recomputed from the resolved set and everything,
   what the first round left out included, is scored once more.
5. Rejections that need context (`geo._reject`): common English words ("Split", "Reading",
   "Mobile"), small places matched only by an alternate name, and places in no country the
   article speaks of (nor a neighbour of one) stay out unless the article supports them: a
   capital letter mid-sentence, a locative ("in", "near", "the town of"), a qualifier, or
   another name of the article within a few hundred kilometres. A small town far outside
   the ground the article's other towns cover is left out too: most likely a village of
   that name the gazetteer lacks, and no point is better than a wrong one. A common word
   after "in"/"at"/"from" that ends its phrase ("in Geneva on Tuesday", not "in Mobile
   phones") is supported when the place is notable. When the best reading is rejected
   here, the next one that fits the article takes its place ("reached Texas": the state,
   not a hamlet in Mexico); a first-level area of the article's country beats a country of
   the same name the article gives no support ("Georgia" beside Florida).
   A name that is a state's and its namesake city's is the state where a state noun
   follows ("the New York border", "New York’s attorney general") or another state of the
   country stands beside it ("Oregon and Washington laws": `geo._states`).
6. Demonyms that name ground (`geo._demonyms`): "the Syrian-Turkish border", "the Greek
   islands", "European countries" are mentions of the country (continent) the adjective
   is of; "Syrian forces", "the Greek government" stay out (step 3).
6b. Lists of areas (`geo._counties.listed_with_areas`): a name listed beside another
   country's second-level area ("Lancashire, Cumbria and Norfolk") is that country's area of
   its name, not a town abroad.
7. One sense per article: a surname the article gives a person ("Rick Stewart", "Mrs.
   Lincoln", "Jones, 45,") is that person wherever it stands bare ("Stewart said"), unless
   the words around place it ("in Stewart", "Stewart, B.C."), and so is a given name it
   gives a person in full or after a kinship noun ("Tyler Williams", "his son James":
   `geo._given`), and a name it gives a sports team ("Notre Dame coach", "Notre Dame won
   91-89": `geo._teams`); a common word in a headline
   or opening a sentence ("Talks in Geneva") is the place the article names with that word
   mid-sentence; a small town only the headline names is a word of the headline; a storm's
   name ("Hurricane Milton") is the storm wherever it stands bare.

geo_precision is 1 for populated places (and curated facilities with cited points), 2 for
a facility placed at the town the article ties it to, 3 for admin areas, countries and
world regions.

Each name is a `geo._item.Item` the stages fill in turn; their weights and thresholds
are `geo._tuning`'s, the word classes they read `geo._words`' and `geo._recognize`'s,
the facts about countries `geo.countries`'.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from functools import lru_cache

from geo import _recognize as rz
from geo._demonyms import demonym_mentions
from geo._firms import MEDIA_NAME, media_names, names_a_firm
from geo._given import given_names
from geo._states import prefer_states
from geo._teams import TEAM_NAME, names_a_team, team_names
from geo._counties import (
    SECOND_LEVEL_SUFFIXES, list_areas, listed_with_areas, read_second_level,
)
from geo._cues import local_bodies, read_coordination, read_cues, read_qualifiers
from geo._in_context import fall_back, reject_in_context
from geo._item import Item
from geo._buildings import names_a_building
from geo._reject import (
    COMMON_AT_START, COMMON_MODIFIER, FIRST_WORD, PERSON_REASONS, PERSON_SPEAKS, SECOND_WORD,
    STORM_NAME,
    a_surname, reject_by_form,
)
from geo._regions import BARE_WATERS, bare_water, region_names, region_place, region_prefixes
from geo._resolve import anchors, resolve
from geo._tuning import (
    ALTERNATIVE_MARGIN, MAX_CANDIDATES, NAMESAKE_GAP, RESPELT_POP, TINY_POP, WEAK_START_POP,
)
from geo._unresolved import abroad, unplaced
from geo._words import RESIDENT_NOUNS, person_names
from geo.countries import long_names
from geo.exc import BadInput
from geo.model import Candidate, Mention, Place
from geo.namekey import normalize

__all__ = ["find_places"]

log = logging.getLogger(__name__)


def find_places(text: str, date=None, *, gazetteer=None, unresolved=None) -> list[Mention]:
    """Every place mention in `text`, resolved in the article's context.

    Parameters
    ----------
    text : str
        The article text as read (UTF-8 decoded, newlines kept).
    date : datetime.date or str, optional
        The article's date (renamed places are read as of that day).
    gazetteer : geo.gazetteer.Gazetteer, optional
        Defaults to ``Gazetteer.open()``.
    unresolved : list, optional
        When given, the names that read as places but cannot be placed with confidence are
        appended to it, as `geo.model.Unresolved` (see `geo._unresolved`).

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
    items = [Item(span=s, idx=n, start=s.start, end=s.end, key=s.key,
                   headline=bool(heads) and any(a <= s.start < b for a, b in heads),
                   sent_start=toks[s.i].sent_start) for n, s in enumerate(spans)]

    regions = region_names()
    for it in items:
        it.world_region = it.key in regions and (
            it.key not in BARE_WATERS or bare_water(it.key, toks, it.span.i))
        read_cues(text, toks, it)
        if it.world_region and it.key in BARE_WATERS:
            it.common = False  # "the tropical Atlantic": the ocean, no adjective
        if it.common and it.span.how == "dateline" and it.span.j in span_at and \
                text[it.end:span_at[it.span.j].start] == ", ":
            it.common = False  # "MOBILE, Ala. —": a dateline the next name places
    local_bodies(items)
    read_coordination(text, toks, items)
    read_qualifiers(text, toks, items)
    read_second_level(text, items)
    for it in items:
        _load_candidates(gaz, it, on)
        if not it.cands:
            it.reject = it.reject or "no candidate"
    list_areas(items)
    for it in items:
        if not it.reject and not it.second_level:
            it.reject = reject_by_form(text, toks, it, span_at, span_ends, gaz) or \
                names_a_building(toks, it) or names_a_team(text, toks, it) or \
                names_a_firm(text, toks, it)
    _storm_names(items)
    _team_names(items)
    _one_person(text, toks, items)

    # resolve against the unambiguous names, then once more against everything resolved
    # (a continent or world region has one reading and no bearing on the others')
    for it in items:
        if it.world_region and not it.reject:
            it.best = it.cands[0]
            it.scores = [(it.best.score, it.best)]
    live = [it for it in items if not it.reject and not it.world_region]
    ctx = anchors(live, strong_only=True)
    ctx.items = items
    for round_ in range(2):
        done: dict[tuple, tuple] = {}
        for it in live:
            resolve(it, ctx, items, done)
        for it in live:
            it.reject = "" if it.second_level and it.best.place.kind == "admin2" else \
                reject_in_context(toks, it, ctx) or abroad(it, ctx)
            if it.reject:
                fall_back(toks, it, ctx)
        if round_ == 0:
            # the names the strong anchors alone leave out do not anchor the second round,
            # but are judged again in it, against everything resolved ("the City of London"
            # beside a dateline "LONDON" that was not unambiguous enough to anchor)
            ctx = anchors(live, strong_only=False)
            ctx.items = items
            for it in live:
                it.reject = ""
    far = [it for it in live if it.reject]
    live = [it for it in live if not it.reject]
    prefer_states(text, toks, items)
    listed_with_areas(text, items)

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
    mentions = _no_overlaps(mentions)
    more = demonym_mentions(text, toks, mentions, gaz)
    if more:
        mentions = sorted(mentions + more, key=lambda m: m.start)
    if unresolved is not None:
        unresolved.extend(unplaced(text, items, far, mentions, gaz))
    return mentions


def _storm_names(items: list[Item]) -> None:
    """A name the article gives a storm ("Hurricane Milton") is the storm wherever it
    stands bare ("Milton was expected to weaken"): one sense per article. A mention with a
    locative or a qualifier ("in Milton", "Milton, Florida") is still judged as a place."""
    storms = {it.key for it in items if it.reject == STORM_NAME}
    if not storms:
        return
    for it in items:
        if not it.reject and it.key in storms and not it.located and it.qualifier is None:
            it.reject = STORM_NAME


def _team_names(items: list[Item]) -> None:
    """A name the article gives a sports team ("Notre Dame coach") is the team wherever it
    stands bare ("Notre Dame’s Arike Ogunbowale"): one sense per article. A mention with a
    locative or a qualifier ("in Notre Dame", "Notre Dame, Indiana") is still judged as a
    place, and so are countries and first-level areas."""
    teams = team_names(items)
    media = media_names(items)   # ... and so is a news outlet's ("the Xinhua news agency")
    if not teams and not media:
        return
    for it in items:
        if not it.reject and (it.key in teams or it.key in media) and not it.located and \
                it.qualifier is None and it.cands and \
                it.cands[0].place.kind not in ("country", "admin1"):
            it.reject = TEAM_NAME if it.key in teams else MEDIA_NAME


#: why a name the article gives a person is no place where it stands bare
PERSON_ELSEWHERE = "a surname the article gives a person ('Rick Stewart' ... 'Stewart said')"


def _one_person(text, toks, items: list[Item]) -> None:
    """A surname the article gives a person ("Rick Stewart", "Gov. Kelly", "Jones, 45,")
    is that person wherever it stands bare ("Stewart said", "Kelly's aides"): one sense
    per name and article. A mention the words around place ("in Stewart", "Stewart,
    B.C.", "Stewart County") is still judged as a place, and so are countries and
    first-level areas, which a surname rarely is in the same article."""
    ends = {it.span.j: it for it in items}
    people = {it.key for it in items if not it.headline and a_surname(text, toks, it) and (
        it.reject in PERSON_REASONS or (it.reject == SECOND_WORD and it.span.i in ends and
                                        ends[it.span.i].reject in PERSON_REASONS))}
    # a name that only speaks ("Kelly said") is a person unless the article also puts
    # something in it or qualifies it ("Gainesville says no" beside "in Gainesville")
    placed = {it.key for it in items if it.located or it.qualifier is not None or it.region
              or (it.next_word is not None and it.next_word.low in RESIDENT_NOUNS
                  and not toks[it.span.j - 1].possessive)
              or (it.prev_word is not None and it.prev_word.low == "of" and it.span.i > 1
                  and toks[it.span.i - 2].low in RESIDENT_NOUNS)}
    people |= {it.key for it in items if it.reject == PERSON_SPEAKS and not it.headline
               and it.key not in placed and a_surname(text, toks, it)}
    # ... and a given name it gives a person in full or after a kinship noun ("Tyler
    # Williams", "his son James") is that person where it stands bare
    given = given_names(text, toks, items, FIRST_WORD, PERSON_REASONS)
    people |= given
    for it in items:  # ... and a name the article places that speaks is the town's people
        if it.reject == PERSON_SPEAKS and it.key in placed and it.key not in people:
            it.reject = ""
    if not people:
        return
    log.debug("surnames: %s", sorted(people))
    for it in items:
        if not it.reject and it.key in people and \
                (it.qualifier is None or items[it.qualifier].key in people) and \
                not (it.located and not toks[it.span.j - 1].possessive) \
                and not it.region and it.cands[0].place.kind not in ("country", "admin1") \
                and not (it.next_word is not None and it.next_word.cap and
                         not (it.key in given and it.next_word.low in person_names()[1])):
            it.reject = PERSON_ELSEWHERE


def _one_sense(items: list[Item]) -> None:
    """A common word in a headline or opening a sentence ("Talks in Geneva", "Rosario’s
    port", "Bath flooding: ...") is the place the article names mid-sentence with the same
    name: one sense per article. It takes that mention's reading. A small town named in the
    headline only is left out."""
    sense: dict[str, Item] = {}
    for it in items:
        if not it.reject and not it.headline and not it.sent_start and it.key not in sense:
            sense[it.key] = it
    for it in items:
        if it.key in sense and (it.reject == COMMON_AT_START or (
                it.reject == COMMON_MODIFIER and (it.headline or it.sent_start))):
            other = sense[it.key]
            it.best, it.scores, it.reject = other.best, other.scores, ""
            log.debug("%s at %d: the place named at %d", it.key, it.start, other.start)
        elif it.headline and not it.reject and it.key not in sense and \
                it.best.place.kind == "populated_place" and \
                it.best.place.population < WEAK_START_POP:
            # a headline's capitals say nothing, and the story names its places: a small
            # town only the headline names is a word ("EU Court Fines Hungary")
            it.reject = "a small place only the headline names"


# ---------------------------------------------------------------------------- candidates


def _load_candidates(gaz, it: Item, on) -> None:
    """The gazetteer's candidates for the name; with a region cue, its areas first (or no
    region cue after all, when the name has no area)."""
    if it.world_region:
        place = region_place(gaz, it.key)
        it.cands = [] if place is None else [
            Candidate(place=place, score=1.0, why=("a continent or world region",), primary=True)]
        return
    cands = _lookup(gaz, it.key, on)
    if it.second_level:
        cands = _second_level_first(gaz, it, cands, on)
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
        cands = [c for c in cands if c.place.population >= RESPELT_POP
                 or c.place.kind in ("admin1", "country")]
    if it.span.how == "inflected" and not any(c.place.population >= TINY_POP for c in cands):
        cands = []  # a guessed case ending needs a town of some size behind it
    it.cands = cands[:MAX_CANDIDATES]


def _second_level_first(gaz, it: Item, cands: list[Candidate], on) -> list[Candidate]:
    """A name the text writes as a county or district (`geo._counties`): the gazetteer's
    second-level areas of that name ("calhoun county", ...) first; no such cue after all
    when it has none."""
    areas = [c for c in cands if c.place.kind == "admin2"]
    for suffix in SECOND_LEVEL_SUFFIXES:
        if gaz.has_name(it.key + suffix):
            areas += [c for c in _lookup(gaz, it.key + suffix, on) if c.place.kind == "admin2"]
    if not areas:
        it.second_level = False
        return cands
    seen: set = set()
    first = []
    for c in areas:
        if c.place.place_id not in seen:
            seen.add(c.place.place_id)
            first.append(c)
    return first + [c for c in cands if c.place.place_id not in seen]


def _namesake_countries(gaz, key: str, top: Candidate) -> list[Candidate]:
    """Other countries a bare country name may mean ("Congo": either Congo), left for the
    article's places to choose between."""
    out = []
    for name in long_names().get(key, ()):
        if not gaz.has_name(name):
            continue
        for c in gaz.candidates(name)[:2]:
            if c.place.kind == "country" and c.place.place_id != top.place.place_id:
                out.append(Candidate(place=c.place, score=top.score - NAMESAKE_GAP,
                                     why=(f"a country also called {key}",)))
                break
    return out


_LOOKUPS: dict[tuple, list[Candidate]] = {}


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


# ---------------------------------------------------------------------------- output


def _mention(text, it: Item, items, counts, gaz) -> Mention:
    best = it.best
    place = best.place
    top = it.scores[0][0]
    alternatives = tuple(c.place.place_id for s, c in it.scores[1:]
                         if top - s <= ALTERNATIVE_MARGIN
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


def _host_town(text, it: Item, items) -> Place | None:
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


def _facility_place(text, it: Item, items, counts, gaz) -> tuple[Place, int] | None:
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
    """``gaz.<method>(key)`` with its answers kept (names repeat across articles); the
    continents and world regions (`geo._regions`) are names too."""
    got = _MEMOS.get((id(gaz), method))
    if got is None:
        fn = getattr(gaz, method)
        extra = region_names() if method == "has_name" else region_prefixes()
        got = _MEMOS[(id(gaz), method)] = _Answers(lambda k: k in extra or fn(k)).__getitem__
    return got


@lru_cache(maxsize=1)
def _default_gazetteer():
    from geo.gazetteer import Gazetteer

    return Gazetteer.open()
