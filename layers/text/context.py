"""The place a claim takes from its context: a name that stands for its region, an area
said for a count of its parts, and, when a clause names no place, the place the text gives
around it (`context_places`). The functions take the extractor's state (`ctx`: the article,
its refs, sentences, claims so far, the gazetteer, and the areas listed among its places).
"""

from __future__ import annotations

import re

from layers.text.binding import (
    Ref,
    area_ref,
    clause_places,
    common_area,
    contains,
    in_spans,
    part_of_country,
    refs_between,
    region_of,
    whole_area,
)
from layers.text.conflicts import AFTER_NOTE, FOCAL_NOTE
from layers.text.enumeration import is_row
from layers.text.sentences import Clause, Sentence

__all__ = ["area_for", "as_region", "context_places", "held"]


def as_region(ctx, sent: Sentence, r: Ref) -> Ref:
    """The first-level area a place's name stands for here ("in the Kharkiv region", a
    toll "by province"), else the place itself."""
    area = region_of(ctx.article.text, r, sent.start, sent.end, ctx.gazetteer) or ctx.regional.get(r.place_id)
    if area is None:
        return r
    if area.place_id not in ctx.areas:
        from geo.model import Mention

        ctx.areas[area.place_id] = Mention(ctx.article.text[r.start:r.end], r.start, r.end, area, r.geo_precision)
    return Ref(r.start, r.end, area.place_id, area.kind, area.admin1, area.country_code, r.geo_precision)


def area_for(ctx, at: Ref, area) -> Ref:
    """A Ref to `area` said at `at`, the area listed among the article's places."""
    if area.place_id not in ctx.areas:
        from geo.model import Mention

        ctx.areas[area.place_id] = Mention(ctx.article.text[at.start:at.end], at.start, at.end, area, 3)
    return area_ref(at, area)


def held(ctx, kind: str, places: list[Ref]) -> list[Ref]:
    """The places, each a town (a state) lifted to the area of `kind` that holds it (a
    figure of "two states", "30 counties" is the country's, the state's)."""
    if not kind or ctx.gazetteer is None:
        return places
    out: list[Ref] = []
    for r in places:
        area = None
        if kind == "country" and r.kind in ("populated_place", "facility", "admin2", "admin1") and r.country_code:
            area = ctx.gazetteer.country(r.country_code)
        elif kind == "admin1" and r.kind in ("populated_place", "facility", "admin2") and r.admin1:
            area = ctx.gazetteer.admin1(r.admin1)
        ref = area_for(ctx, r, area) if area is not None else r
        if all(o.place_id != ref.place_id for o in out):
            out.append(ref)
    return out


def _period_end(iso: str):
    """The last day of the period an ISO date names at its precision ("2016-01" -> 31
    January 2016), or None."""
    import calendar
    from datetime import date

    try:
        parts = [int(x) for x in iso.split("-")]
        if len(parts) == 1:
            return date(parts[0], 12, 31)
        if len(parts) == 2:
            return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        return date(parts[0], parts[1], parts[2])
    except (ValueError, IndexError):
        return None


_COMPARED_RE = re.compile(r"\b(?:period|than|compared\s+(?:with|to)|versus|vs\.?|against)\s+(?:in\s+|to\s+)?(?:the\s+)?"
                          r"(?:same\s+(?:period|time|week|month)\s+(?:in|of|last)\s+)?$", re.I)


def background(ctx, sent: Sentence) -> bool:
    """Whether a sentence tells of another, earlier time: every date it names ends more
    than a month before the article's date ("a hotel attack that killed 29 in January" in
    a December report). Its places are not where the sentences around it happen."""
    if ctx.ref is None:
        return False
    # (not a period compared with: "lower than in the same period in 2022")
    ends = [_period_end(d.start_iso) for d in ctx.dates.get(sent.index, ()) if d.start_iso and d.kind != "since"
            and not _COMPARED_RE.search(sent.text[max(0, d.start - 30):d.start])]
    return bool(ends) and all(e is not None and (ctx.ref - e).days > 31 for e in ends)


# a dateline opening a sentence: "BEIJING - ", "SAINT-MARC, Haiti — "
_DATELINE_PLACE_RE = re.compile(r"^\s*[A-Z][A-Z’'.-]+(?:\s+[A-Z][A-Z’'.-]+)*(?:,\s*[A-Z][\w’'. -]{1,30})?"
                                r"\s*(?:\([^)]{1,20}\))?\s*[-—–]+\s")


# a clause that goes on a list of figures: "four wounded and ...", "and 18 injured"
_LIST_ITEM_RE = re.compile(r"\s*(?:and\s+)?(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                           r"twelve|\w+teen|twenty|thirty|forty|fifty|dozens|hundreds)\s+(?:[a-z]+\s+)?"
                           r"(?:dead|killed|wounded|injured|hurt|missing|others|people|civilians)\b", re.I)


def context_places(ctx, sent: Sentence, clauses: list[Clause], cl_places: list[list[Ref]], ci: int,
                   attr_start: int = -1) -> tuple[list[Ref], str]:
    """The places of clause `ci` of `sent` (`cl_places`: each clause's own), with a note
    saying where they come from when the clause names none: the area the clause says
    ("countrywide"), an earlier clause of the sentence, the region of the source's office
    (its name at `attr_start` in the sentence), the place the sentences before put their
    figures on or name, the section's heading, the next sentence of a lead, and last the
    article's subject (`ctx`: the extractor's state)."""
    text = ctx.article.text
    if cl_places[ci]:
        return cl_places[ci], ""
    wide = whole_area(clauses[ci].text if any(cl_places) else sent.text, ctx.subject, ctx.refs, ctx.gazetteer)
    if wide is not None:            # "554 cases countrywide": the country the article names
        return [wide if isinstance(wide, Ref) else area_for(ctx, ctx.subject, wide)], "place: the whole area said"
    # a clause without a place is about the place the sentence was just at: the first
    # place of the nearest clause before it that names one, past a clause that only
    # locates an earlier place ("in Juchitan, in the state of Oaxaca, where 17 died")
    earlier = [r for j in range(ci) for r in cl_places[j]]
    for j in reversed(range(ci)):
        if cl_places[j] and not all(any(contains(r, o) for o in earlier) for r in cl_places[j]):
            return cl_places[j][:1], ""
    # a list of figures a comma splits, told of the place its last item names ("reported
    # two dead, four wounded and ... in a strike on Deir Billa"): that place
    for j in range(ci + 1, len(clauses)):
        if not _LIST_ITEM_RE.match(clauses[j].text):
            break
        if cl_places[j]:
            return cl_places[j][:1], ""
    # a figure its source tells from an area's office, the sentence naming no other place
    # ("Rogers County Sheriff Ann Cole says four deputies were put on leave"): that area
    if ctx.office and not any(cl_places):
        return ctx.office[:1], "place: the area of the source's office"
    # a statement's figure, its speaker's office after it ("... have been evacuated,"
    # the Kharkiv regional governor wrote): the region the office is of
    for j in range(ci + 1, len(clauses)):
        if attr_start >= 0 and clauses[j].start <= sent.start + attr_start < clauses[j].end:
            office = [r for r in cl_places[j] if as_region(ctx, sent, r).kind == "admin1"]
            if office:
                return office[:1], "the region of the source's office"
    # else the place the text was just talking about: the first place of the nearest of
    # the two sentences before that names one
    # (a sentence further back, up to four, only for the place it put its figures on:
    # the toll told on after a quote that names no place)
    now = not background(ctx, sent)
    for back in (1, 2, 3, 4):
        if sent.index - back < 0:
            break
        prev = ctx.sentences[sent.index - back]
        if prev.heading and not is_row(prev.text):
            break                   # a section begins: its heading is read below (a line
            #                         "Candidate = 296, 429" is a row of a table, not a heading)
        if now and background(ctx, prev):
            continue                # another time's place: "... killed 29 in January."
        got = clause_places(text, ctx.refs, prev.start, prev.end) if back <= 2 else []
        # the place the sentence before put its figures on, when it put them all on one
        # (its "countrywide" total, its region): the same event, told on
        told = {tuple(r.place_id for r in rs): (rs, guess) for rs, guess in ctx.fig_places.get(prev.index, ())}
        if got:
            # a sentence that gives figures place by place ("Ondo had 33, Edo 29"):
            # the next is about the whole they make up
            parts = {tuple(c.place_ids) for c in ctx.claims if c.measure and c.place_ids
                     and prev.start <= c.span_start < prev.end}
            whole = common_area(got, ctx.gazetteer) if len(parts) >= 3 else None
            if whole is not None:
                return [area_for(ctx, got[0], whole)], "place from the sentence before (the area of its places)"
            if len(parts) >= 3:
                continue            # places of several countries: not the first of them
        if len(told) == 1:
            rs, guess = next(iter(told.values()))
            return rs, guess or "place from the sentence before"
        if got:
            return got[:1], "place from the sentence before"
    # else the place of the section: its heading's ("Rajasthan: a change of government")
    for prev in reversed(ctx.sentences[1:sent.index]):
        if prev.heading and not is_row(prev.text):
            got = clause_places(text, ctx.refs, prev.start, prev.end)
            if got:
                return got[:1], "place from the section's heading"
            break
    # else, in a text that has named no place yet (its headline aside), the place the
    # next sentence names: the lead goes on to say where
    heads = [(x.start, x.end) for x in ctx.sentences[:sent.index] if x.heading]
    if sent.index + 1 < len(ctx.sentences) and not ctx.sentences[sent.index + 1].heading \
            and not any(r.start < sent.start and not in_spans(r.start, heads) for r in ctx.refs):
        nxt_s = ctx.sentences[sent.index + 1]
        # not its dateline ("BEIJING -"): where the report was filed; nor a sentence of
        # another time
        dl = _DATELINE_PLACE_RE.match(nxt_s.text)
        got = clause_places(text, ctx.refs, nxt_s.start + (dl.end() if dl else 0), nxt_s.end) \
            if not background(ctx, nxt_s) or background(ctx, sent) else []
        # (nor the first of a list of places: "led by Klang (10.8 per cent), Colombo (...)")
        if got and len(got) < 3:
            return got[:1], AFTER_NOTE
    # else a part of a country the sentence says ("killed in northern Mali"), unless the
    # article's subject lies in that country and the text goes on to name places in it in
    # two sentences or more (where the event was, named later)
    part = part_of_country(text, ctx.refs, sent.start, sent.end)
    if part is not None and (ctx.subject is None or ctx.subject.country_code != part.country_code
                             or len({s.index for s in ctx.sentences if s.index != sent.index for r in
                                     refs_between(ctx.refs, s.start, s.end) if r.kind != "country"
                                     and r.country_code == part.country_code}) < 2):
        return [part], "place: the part of the country the sentence says"
    if ctx.subject is not None:
        return [ctx.subject], FOCAL_NOTE
    return [], ""
