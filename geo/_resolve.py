"""Which place a name means, given the rest of the article.

Each name's candidates are scored by the gazetteer's prior (name match, kind,
population, the article date for renamed places) plus the name's own cues (`_own_scores`:
region phrasings, qualifiers, aliases) and what the article's other names add
(`Context.bonus_for`): the countries and places it names unambiguously (`anchors`),
the distance to them; a candidate in no country the article names but on its
continent gets a little. The article's context never bridges a large population gap
(`_keep_the_prominent`), and a first-level area of the article's country beats a
country of the same name the article gives no support (`_area_over_foreign_country`).
`coheres` says whether the article's other names support a place at all. The weights
are `geo._tuning`'s.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field

from geo._item import Item
from geo._tuning import (
    ALIAS, ALTERNATIVE_MARGIN, ANCHOR_MARGIN, ANCHOR_POP, BARE_ADMIN1, BESIDE_KM,
    CAPITAL_GAP, CITY_OF_AREA, COHERENT_KM, DATELINE_AREA, FAMOUS_GAP, FAMOUS_NAMES,
    FAMOUS_NEAR_KM, FAMOUS_RATIO, HELD, HELD_AREA_KM, HELD_KM, HELD_TOP, HOLDS_THE_NAMED,
    IN_ARTICLE_CONTINENT, IN_ARTICLE_COUNTRY, IN_MAIN_COUNTRY, LIST_AREA, MAX_CONTEXT,
    MEDOID_POINTS, NAMED_STATE, NEAR, NEAR_EFOLD_KM, OUTLIER_KM, POP_EXTRA, PROMINENT_GAP,
    QUALIFIER_ADMIN1, QUALIFIER_AREA, QUALIFIER_COUNTRY, REGION_ADMIN1, REGION_NOT_ADMIN1, SMALL_ALTERNATE_POP,
    WORLD_CITY_GAP, WORLD_CITY_POP,
)
from geo._index import POP_WEIGHT
from geo.countries import continents, is_capital, neighbours
from geo.model import Candidate, Place

__all__ = ["Context", "anchors", "resolve", "coheres"]

_HELD_KINDS = ("admin2", "populated_place")

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Context:
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
    _by_area: dict | None = None                # see `held`

    def held(self, key: str, p: Place) -> bool:
        """Whether another name of the article, read some way it can be read, is a
        second-level area that holds `p`, or a place inside `p` when `p` is one ("Paris"
        and "Henry County": Paris, Tennessee and Henry County, Tennessee; "Henry County" and
        "Washington County" side by side in Iowa). A county is held to a place of its
        state within `HELD_KM` of its centre (a county seat is near the population-weighted
        centre of the county's towns), to a county of its state within `HELD_AREA_KM`;
        only a county written with its type word ("Henry County", not "Henry") holds a
        town, and a town holds a county only by one of its name's first `HELD_TOP`
        readings."""
        if not p.admin1 or p.kind not in ("admin2", "populated_place"):
            return False
        if self._by_area is None:
            self._by_area = {}
            seen = set()
            for it in self.items:
                if it.reject or not it.cands:
                    continue
                for n, c in enumerate(it.cands):
                    q = c.place
                    # written with its type word, or in a list the text says are counties
                    # ("Clarke, Madison and Oconee counties": `geo._counties`)
                    typed = q.kind == "admin2" and (
                        (it.second_level and (not it.list_area or q.admin1 == it.list_area))
                        or (c.why and not c.why[0].startswith("bare")))
                    if (it.key, q.place_id) in seen or not q.admin1 or \
                            (n >= HELD_TOP and not typed):
                        continue
                    if q.kind == "populated_place" or typed:
                        seen.add((it.key, q.place_id))
                        self._by_area.setdefault(q.admin1, []).append(
                            (it.key, q.kind, q.lat, q.lon, q.place_id))
        for k, kind, lat, lon, pid in self._by_area.get(p.admin1, ()):
            if k == key or pid == p.place_id or (kind != "admin2" and p.kind != "admin2"):
                continue
            limit = HELD_AREA_KM if kind == p.kind == "admin2" else HELD_KM
            if _fast_km(p.lat, p.lon, lat, lon) <= limit:
                return True
        return False

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
                    got += IN_ARTICLE_COUNTRY + (IN_MAIN_COUNTRY if p.country_code == main else 0)
                elif countries:
                    if not continent:
                        continent.append(_main_continent(countries))
                    if continent[0] and \
                            continents().get(p.country_code) == continent[0]:
                        got += IN_ARTICLE_CONTINENT
                if others and p.kind != "country":
                    got += NEAR * math.exp(-_nearest_km(p.lat, p.lon, others) / NEAR_EFOLD_KM)
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
        it, and at least `OUTLIER_KM`: a frontline report is tight, a regional one is not,
        and each keeps its own scale.
        """
        if not any(k != key for k, _, _ in self.towns):
            return False
        if self._medoid is None:
            pts = list(dict.fromkeys((round(lat, 3), round(lon, 3))
                                     for _, lat, lon in self.towns))[:MEDOID_POINTS]
            if len(pts) < 4:
                self._medoid = ()
            else:
                km = _distance_matrix(pts)
                sums = [sum(row) for row in km]
                at = sums.index(min(sums))
                spread = sorted(km[at])[len(pts) // 2]
                self._medoid = (pts[at], max(OUTLIER_KM, 4 * spread))
        if not self._medoid:
            return False
        (lat, lon), far = self._medoid
        return _fast_km(p.lat, p.lon, lat, lon) > far

    def beside(self, key: str, p: Place) -> bool:
        """Whether `p` lies within `BESIDE_KM` of another place the article names: the
        same town or its suburb ("the City of London" in a report from London), on the
        article's ground however far that ground is from the rest."""
        others = self.others(key)
        return bool(others) and _nearest_km(p.lat, p.lon, others) <= BESIDE_KM

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
    continent_of = continents()
    for cc, n in countries.items():
        k = continent_of.get(cc)
        if k:
            per[k] = per.get(k, 0) + n
    if not per:
        return ""
    best = max(sorted(per), key=lambda k: per[k])
    return best if 2 * per[best] > sum(per.values()) else ""


def anchors(items: list[Item], *, strong_only: bool) -> Context:
    ctx = Context({}, {}, [], {}, {})
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
            ctx.town_areas.append((it.key, p.admin1 if not it.context_area else
                                   it.context_area))
        ctx.place_countries[cc] = ctx.place_countries.get(cc, 0) + 1
        own = ctx.place_by_key.setdefault(it.key, {})
        own[cc] = own.get(cc, 0) + 1
        if (it.key, p.place_id) not in seen:
            seen.add((it.key, p.place_id))
            ctx.points.append((it.key, p.lat, p.lon))
            if p.kind == "populated_place":
                ctx.towns.append((it.key, p.lat, p.lon))
    return ctx


def _strong(it: Item) -> Candidate | None:
    cands = it.cands
    top = cands[0]
    if top.place.kind == "country":
        return top if len(cands) < 2 or cands[1].place.kind != "country" else None
    if it.region:
        areas = [c for c in cands if c.place.kind == "admin1"]
        return areas[0] if areas else None
    if it.common or top.place.population < ANCHOR_POP:
        return None
    if len(cands) == 1 or cands[0].score - cands[1].score >= ANCHOR_MARGIN:
        return top
    return None


def resolve(it: Item, ctx: Context, items: list[Item], done: dict) -> None:
    qual = items[it.qualifier].best if it.qualifier is not None else None
    if qual is not None and qual.place.kind not in ("country", "admin1") and not it.within:
        qual = None   # a town's district qualifies by its first-level area and country
    sig = None
    if not it.alias:  # mentions of one name with the same cues resolve alike
        sig = (it.key, it.region, it.second_level, qual.place.place_id if qual else None,
               len(it.cands))
        got = done.get(sig)
        if got is not None:
            it.scores, it.best, it.context_area = got
            return
    it.context_area = ""
    own_sig = (qual.place.place_id if qual else None, it.alias)
    if it.own_sig == own_sig and not it.alias:
        own = it.own
    else:
        own = it.own = _own_scores(it, qual, items)
        it.own_sig = own_sig
    bonus = ctx.bonus_for(it.key)
    # a county or district the text writes as one (`geo._counties`, or with its type word:
    # "Greene County") is of a state or province the article names, where it has one of
    # that name
    states = {a for _, a in ctx.areas}
    in_state = {c.place.place_id for _, c in own if c.place.kind == "admin2" and
                c.place.admin1 in states and (
                    it.second_level or (c.why and not c.why[0].startswith("bare")))}
    scored = []
    top = -math.inf
    for s, c in own:
        if s + MAX_CONTEXT < top - ALTERNATIVE_MARGIN:
            if not in_state:
                break
            if c.place.place_id not in in_state:
                continue   # (a county of the article's state may still come further down)
        s += bonus(c.place)
        if c.place.kind in _HELD_KINDS and ctx.held(it.key, c.place):
            s += HELD
        if c.place.place_id in in_state:
            in_state.discard(c.place.place_id)
            s += NAMED_STATE if not it.second_level else QUALIFIER_ADMIN1
        top = max(top, s)
        scored.append((s, c))
    if len(scored) > 1:
        scored.sort(key=lambda t: (-t[0], -t[1].place.population, t[1].place.place_id))
    if qual is None and not it.alias and not it.region and it.key in ctx.named and \
            len(scored) > 1 and not _qualified_as(it, ctx, scored[0][1].place, plain=True):
        # one sense per article: the reading another mention is written with ("California,
        # Maryland" ... "crews in California": the town; not "Ukraine's Kharkiv region"
        # ... "in Kharkiv", a region cue of its own)
        for n, (_, c) in enumerate(scored[1:], 1):
            if _qualified_as(it, ctx, c.place, plain=True):
                scored = [scored[n]] + scored[:n] + scored[n + 1:]
                break
    if scored[0][1].place.kind == "country" and len(scored) > 1:
        scored = _area_over_foreign_country(it, ctx, scored)
    elif scored[0][1] is not own[0][1] and qual is None and not it.alias and \
            not it.region:
        if scored[0][1].place.kind == "populated_place":
            it.context_area = scored[0][1].place.admin1
        scored = _keep_the_prominent(it, ctx, own, scored)
        scored = _keep_the_area(it, ctx, own, scored)
    it.scores = scored
    it.best = scored[0][1]
    if sig is not None:
        done[sig] = (scored, it.best, it.context_area)


def _area_over_foreign_country(it: Item, ctx: Context, scored: list) -> list:
    """"Storms hit Tampa and Miami ... the damage reached Georgia": an area the article
    names by a longer name too ("Niger State"), else a first-level area in
    the article's main country (else in another country it names) beats a country of the
    same name the article gives no support (neither it nor a neighbour is among the
    article's countries), and any country after "a senator from" (members of a legislature
    are from the state or province they represent); with no such area, a town of the main
    country of `SMALL_ALTERNATE_POP` within `NEAR_EFOLD_KM` of the article's towns does
    ("mourners from Palmyra, Hershey and Lebanon")."""
    country = scored[0][1].place
    # the area the article also names in full ("Niger State" ... "Fire razes Niger
    # market"): one sense per article
    for n, (s, c) in enumerate(scored[1:], 1):
        if c.place.kind == "admin1" and any(
                o is not it and not o.reject and o.best is not None and o.key != it.key and
                o.best.place.place_id == c.place.place_id for o in ctx.items):
            return [scored[n]] + scored[:n] + scored[n + 1:]
    countries = ctx.countries_without(it.key)
    if not it.constituency and (country.country_code in countries or any(
            cc in countries for cc in neighbours().get(country.country_code, ()))):
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
    # ... else a town of the main country beside the article's towns ("Galen Miller of
    # Palestine" beside Crockett and Houston, Texas)
    towns = [(lat, lon) for k, lat, lon in ctx.towns if k != it.key]
    if not it.constituency and towns:
        for n, (s, c) in enumerate(scored[1:], 1):
            p = c.place
            if p.kind == "populated_place" and c.primary and p.country_code == main and \
                    p.population >= SMALL_ALTERNATE_POP and \
                    _nearest_km(p.lat, p.lon, towns) <= NEAR_EFOLD_KM:
                return [scored[n]] + scored[:n] + scored[n + 1:]
    return scored


def _keep_the_prominent(it: Item, ctx: Context, own: list, scored: list) -> list:
    """The article's countries and places may pick a namesake over the town a name means on
    its own, but not against a population gap it does not bridge.

    - A namesake `PROMINENT_GAP` times smaller than the name's own reading needs a town of
      the article within `NEAR_EFOLD_KM` or a first-level area that ties it
      (`_area_ties`: the area the dateline names); its country, or its state named in
      passing ("a Republican from Ohio" beside "met in Geneva"), is not enough. So does a
      namesake of a national capital at any gap ("Colombo" beside a port of Brazil).
    - A city of `WORLD_CITY_POP` stays itself against a namesake `WORLD_CITY_GAP` times
      smaller ("embassies in Belgrade" beside Brussels), and a national capital of that size
      against one `CAPITAL_GAP` times smaller ("flew to London" in a report from Ontario),
      however near the namesake or tied its area.
    - Either gives way where the article itself names the namesake with a qualifier or in
      its dateline ("PARIS, Texas —" ... "in Paris"): one sense per article.

    Qualifiers, region cues and aliases of this mention are not checked here (they are the
    text's own word). The reading is the best-scored candidate no gap rules out."""
    mine = own[0][1].place
    if mine.kind != "populated_place" or scored[0][1].place.place_id == mine.place_id:
        return scored
    others = None
    # the name, no common word, is only another name of the big place ("Makale" for
    # Mek'ele), in a country the article does not name: a town of the article's main
    # country that bears it as its own name takes it
    mine_c = own[0][1]
    foreign_alias = not it.common and not mine_c.primary and bool(mine_c.why) and \
        mine_c.why[0].startswith("alternate name") and \
        mine.country_code not in ctx.countries_without(it.key)
    home_country = ctx.main_without(it.key) if foreign_alias else ""
    # the article is local news of a town of its own country ("Alexandria police", "the
    # Athens City Council") and says nothing of the famous namesake's country
    local = it.local_body and mine.country_code not in ctx.countries_without(it.key)
    home = ctx.main_without(it.key) if local else ""
    for n, (_, c) in enumerate(scored):
        theirs = c.place
        if theirs.place_id == mine.place_id or theirs.kind != "populated_place":
            break
        gap = (mine.population + 1) / (theirs.population + 1)
        # a national capital is the name's bearer in the news against any smaller
        # namesake ("Colombo" in a list of the world's ports that names a port of Brazil)
        capital = gap > 1 and is_capital(mine) and not is_capital(theirs)
        if (gap < PROMINENT_GAP and not capital) or _qualified_as(it, ctx, theirs) or \
                ctx.held(it.key, theirs) or (foreign_alias and c.primary and
                                             theirs.country_code == home_country):
            break
        if home and theirs.country_code == home:
            # ... where the article's own towns or area are the namesake's (not a tourist
            # from Denver robbed by "Paris police")
            if others is None:
                others = [(lat, lon) for k, lat, lon in ctx.towns if k != it.key]
            if _area_ties(it, ctx, theirs) or (others and _nearest_km(
                    theirs.lat, theirs.lon, others) <= NEAR_EFOLD_KM):
                break
        # the world city written in another tongue's spelling ("Roma", "Napoli") against a
        # town whose own name is the one written: fame does not hold the name
        own_name = own[0][1].primary or not c.primary
        world = own_name and mine.population >= WORLD_CITY_POP and (
            gap >= WORLD_CITY_GAP or (gap >= CAPITAL_GAP and is_capital(mine)))
        if not world:
            famous = own_name and gap >= FAMOUS_GAP and mine.prominence >= FAMOUS_NAMES and \
                mine.prominence >= FAMOUS_RATIO * theirs.prominence
            if (not famous or not ctx.home) and _area_ties(it, ctx, theirs):
                break
            if others is None:
                others = [(lat, lon) for k, lat, lon in ctx.towns if k != it.key]
            if others and _nearest_km(theirs.lat, theirs.lon, others) <= (
                    FAMOUS_NEAR_KM if famous else NEAR_EFOLD_KM):
                break
        log.debug("%s: %s not taken over %s (%.0f times smaller)", it.key, theirs.place_id,
                  mine.place_id, gap)
    else:
        return scored
    if n == 0:
        return scored
    return [scored[n]] + scored[:n] + scored[n + 1:]


def _keep_the_area(it: Item, ctx: Context, own: list, scored: list) -> list:
    """A first-level area the name means on its own ("Marines in California", "farms in
    Oregon") is not given up for a small town of its name that the article's other places
    are near (California, Maryland beside Baltimore): a state is named bare, a town that
    shares its name is written with its state ("California, Md."). Only the text's own
    word for the town (a qualifier on another mention, a county that holds it) takes it."""
    mine = own[0][1].place
    theirs = scored[0][1].place
    if mine.kind != "admin1" or theirs.kind != "populated_place" or \
            (theirs.population + 1) * PROMINENT_GAP > mine.population + 1 or \
            _qualified_as(it, ctx, theirs) or ctx.held(it.key, theirs):
        return scored
    n = next((n for n, (_, c) in enumerate(scored) if c is own[0][1]), None)
    if n is None:  # the area fell outside the alternatives' margin
        return scored
    log.debug("%s: the area %s kept over the town %s", it.key, mine.place_id, theirs.place_id)
    return [scored[n]] + scored[:n] + scored[n + 1:]


def _qualified_as(it: Item, ctx: Context, p: Place, plain: bool = False) -> bool:
    """Whether another mention of the name, with a country or area after it ("PARIS,
    Texas —", "Moscow, Idaho"), reads as `p` (`plain`: one with no region or county cue of
    its own)."""
    for other in ctx.named.get(it.key, ()):
        if other is it or other.best is None or other.best.place.place_id != p.place_id or \
                (plain and (other.region or other.second_level)):
            continue
        qual = ctx.items[other.qualifier].best
        if qual is not None and qual.place.kind in ("country", "admin1") and \
                qual.place.country_code == p.country_code:
            return True
    return False


def _area_ties(it: Item, ctx: Context, p: Place) -> bool:
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


def _own_scores(it: Item, qual, items) -> list:
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
    # a real town of this very name: a bigger place known by it only as an alternate or
    # former name ("Franklin" for Columbus, Ohio; "Salisbury" for Harare) gets no more extra
    # for its size than that town gets (the article's context may still choose it)
    named_pop = max((c.place.population for c in it.cands
                     if c.primary and c.place.kind == "populated_place"
                     and c.place.population >= SMALL_ALTERNATE_POP), default=None)
    own = []
    for c in it.cands:
        p = c.place
        pop = p.population
        s = c.score
        if named_pop is not None and not c.primary and p.kind == "populated_place":
            pop = min(pop, named_pop)
            if p.population > named_pop and c.why and c.why[0].startswith("alternate name"):
                # another name altogether, not a spelling of its own: a bigger place gets
                # no more for its size, in the gazetteer's prior too, than the town that
                # bears the name ("Berea" is a town of Ohio or Kentucky, not Aleppo by its
                # ancient name; "Canton" a town of Ohio, not Guangzhou) unless the article
                # says so
                s -= POP_WEIGHT * (math.log10(p.population + 1) - math.log10(pop + 1))
        s += POP_EXTRA * math.log10(pop + 1)
        if it.second_level:
            s += REGION_ADMIN1 if p.kind == "admin2" else REGION_NOT_ADMIN1
            if p.kind == "admin2" and it.list_area and p.admin1 == it.list_area:
                s += LIST_AREA   # its list's other counties are of this state
        elif it.region:
            s += REGION_ADMIN1 if p.kind == "admin1" else REGION_NOT_ADMIN1
        elif p.kind == "admin1" and p.admin1 in holds:
            s += HOLDS_THE_NAMED   # "Hugo, Oklahoma": the state that holds a Hugo
        elif p.kind == "admin1":
            if has_city is None:
                has_city = _has_city(it.cands)
            if has_city and not any("renaming" in w for w in c.why):
                s += BARE_ADMIN1
        if p.kind == "admin2" and it.span.how == "dateline":
            s += DATELINE_AREA   # "WASHINGTON (AP) -": a dateline names a town
        if qual is not None:
            if p.country_code == qual.place.country_code:
                s += QUALIFIER_COUNTRY
                if qual.place.kind != "country" and p.admin1 == qual.place.admin1:
                    s += QUALIFIER_AREA
        if p.place_id in alias_ids:
            s += ALIAS
        own.append((s, c))
    own.sort(key=lambda t: -t[0])
    return own


def _has_city(cands: list[Candidate]) -> bool:
    """Whether a town of the name comes before its area (`BARE_ADMIN1`): it does where the
    town is a city beside the area ("New York", "Donetsk", "Washington": a half to a
    tenth of the area's people), not where it is a town `CITY_OF_AREA` times smaller
    ("Virginia" is the state, not a town of South Africa or Minnesota; "Ontario" the
    province, not the city of California)."""
    town_pop = max((c.place.population for c in cands if c.place.kind == "populated_place"),
                   default=-1)
    return town_pop >= 0 and (town_pop + 1) * CITY_OF_AREA >= max(
        (c.place.population for c in cands if c.place.kind == "admin1"), default=0)


def coheres(p: Place, ctx: Context, key: str) -> bool:
    """Whether the article's other names support this place: its country, a neighbouring
    country, or a place within `COHERENT_KM`."""
    countries = ctx.countries_without(key)
    if p.country_code and p.country_code in countries:
        return True
    near = neighbours().get(p.country_code, ())
    if any(cc in countries for cc in near):
        return True
    others = ctx.others(key)
    return bool(others) and _nearest_km(p.lat, p.lon, others) <= COHERENT_KM


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
