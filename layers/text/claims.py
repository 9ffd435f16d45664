"""Pull an article's claims out of its text: `extract(article) -> ClaimsDoc`.

The article is read sentence by sentence and clause by clause (`layers.text.sentences`).
For each sentence: its places (the geoparser's mentions, plus "the city", "this town",
"its capture" resolved to the place the text is talking about), its dates
(`layers.text.dates`, normalised against the article's date), its source
(`layers.text.attribution`) and its figures (`layers.text.figures`). Then:

Figures
    every figure is a claim. Its places are those of its clause; a clause without a
    place takes the sentence's subject (the first place of the first clause before it
    that names one), else the article's focal place (the most-mentioned populated place,
    the headline counting double). Its date is the clause's date nearest it, else a date
    that frames the sentence (opening it: "As of June 29, 2025, ..."; an event opening it:
    "Before the invasion in February 2022, ..."; or the day a statement was made: "..., the
    governor said on Sunday"). Its source is the sentence's, read with the sentences around
    it (`layers.text.attribution.SourceTrail`: "he said", "it said", "the agency said"; a
    report that goes on in the next sentence; the lead's report), or its clause's own.

Relations (general patterns, in the clause: `layers.text.relations`)
    - supply_route: "connecting/linking ... A and B", "supply routes/lines", "road and
      rail" with other places: the line runs from the sentence's subject place through them;
    - advance: "advancing ... since capturing X" / "advancing from X": from X to the place
      advanced on (a "toward Y" in the clause, else the focal place);
    - toward: "advance/push/move toward Y", or a bare "toward Y" after a movement verb
      earlier in the sentence ("pulled back west of the town, on the road toward Y"):
      from the subject place to Y (a region containing the subject place is not a
      destination).

Events (a clause with no figure)
    keyword rules by category (the clause rules of `layers.text.events.EVENT_RULES`):
    territorial (captured, seized, liberated, lost, the fall
    of X, withdrew its troops from X, pulled out of X: the place is the object, even
    beside a figure; "X fell to ...", "held by ... forces", "X and Y remained under ...
    control", "controls ...": the place(s) of the clause, or of a following "including
    ..." clause), economic (halted/stopped/resumed production, work, operations,
    deliveries, trade), infrastructure (grid, power, water, bridge, rail, mobile network,
    internet ... collapsed, cut, damaged), military (holding positions, a brigade, siege,
    shelling, assaults; fighting, clashes, an offensive, pushing into X: at a named
    place), humanitarian (evacuations, aid convoys, food and medicine, famine, displaced),
    political (annex, controlling X, ceasefire, talks, truce, elections, sanctions, the
    seat of government). Territorial, political and fighting events need a place named in
    their clause; the others may fall back to the focal place. A clause "and around X"
    after an event clause is the same event at X. An event with no date of its own takes
    the sentence's framing date, else the sentence's only date ("... on Tuesday as
    Israeli forces pressed their offensive in Khan Younis").
    A headline's event is dropped when the body's claims cover its places (its figures
    stay: a headline figure may contest the body's).

Countries are never a claim's place when they are only an actor ("Russia launched ...",
"Russian troops"): a country is used only after "in/inside/across/throughout" when the
clause names nothing more specific. A region written as a locator of a place ("Pokrovsk
in Ukraine's Donetsk region") is not a place of the claim either: claims go to the most
specific place.

Merging and conflicts
    claims with the same measure, place, value and unit are one claim (the first span
    kept; a missing date, source or period filled from the repeats; two different
    periods stay two claims). A figure dated "since X" holds from X on (period "since X"). Claims with the same measure,
    place, unit and period but different values at overlapping times are all kept, marked
    contested, each naming the others in conflicts_with ("once" figures are another time;
    a lower bound does not contradict a larger figure).

claim_id is ``<article id>-<10 hex digits>``: a hash of the article id, the span, the
measure, value, relation and places, so the same text always gives the same ids.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
import hashlib
import logging
import re
from dataclasses import dataclass, field, replace
from datetime import date as _date

from layers.text.attribution import GOES_ON_NOTE, UNATTRIBUTED, SourceTrail, clause_source
from layers.text.conflicts import AFTER_NOTE, FOCAL_NOTE, mark_conflicts
from layers.text.dates import (DateMention, event_date, event_dates, find_dates, across_contrast, sole_event_date,
                               that_year)
from layers.text.events import CLAUSE_EVENTS, EventRule
from layers.text.context import area_for, as_region, context_places, held
from layers.text.relations import clause_relation
from layers.text.binding import (UNRESOLVED, Ref, area_anaphors, capital_refs, clause_places, common_area,
                                 reference_points, unnamed_settlements,
                                  dateline_spans, figure_places, focal_place, holder_kind, in_spans, ref_of,
                                  region_of, reports_there, resolve_anaphors, said_of_each, street_name,
                                  subject_place)
from layers.text.unresolved import unresolved_refs
from layers.text.events import HYPOTHETICAL_RE, NATIONAL_RE, PROVINCIAL_RE, clause_event, find_incident
from layers.text.figures import carried, find_figures
from layers.text.enumeration import each_places, is_row, listed_name, row_figure
from layers.text.measures import topic_of
from layers.model import Article, Claim, ClaimsDoc, PlaceRecord
from layers.text.sentences import Sentence, split_clauses, split_sentences
from layers.text.claim_dates import (COMPARED_RE, DATELINE_RE, carried_date, clause_dates, date_fields, frame_date,
                                     long_before, speech_date)

__all__ = ["extract", "claim_id_for", "mark_conflicts", "places_from_mentions"]

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------- rules


# between a capture verb and its object place: "seized most of Aleppo", "took the town of X"
_OBJECT_GAP_RE = re.compile(r"^(?:(?:most|much|part|parts|all|control|the rest|the centre|the center|"
                            r"the outskirts|the city|the town|the village|the cities|the towns|the villages|"
                            r"the airport|the whole|"
                            r"large parts|the remainder|what remained)\s+of\s+)*(?:the\s+)?$|"
                            r"^(?:the\s+)?(?:[A-Za-z’'-]+\s+){1,5}(?:in|at|near|outside)\s+(?:the\s+)?$",
                            re.I)
_STRATEGIC_RE = re.compile(r"\b(?:would|could|might|may|allow\w*|enabl\w*|threat\w*|aim\w*|goal|"
                           r"plan\w*|key|strategic|open\w* the way|pave)\b", re.I)
_MODAL_RE = re.compile(r"\b(?:would|could|might|may|to|aims? to|plans? to|seeks? to|"
                       r"trying to|attempt\w* to|intend\w* to|determined to)\s*$", re.I)


# ---------------------------------------------------------------------------- helpers


@dataclass
class _Ctx:
    article: Article
    ref: _date | None
    sentences: list[Sentence]
    refs: list[Ref]                         # mentions and anaphors, in text order
    focal: Ref | None
    dates: dict[int, list[DateMention]] = field(default_factory=dict)   # by sentence index
    #: the sources of the sentences read so far (`layers.text.attribution.SourceTrail`)
    trail: SourceTrail | None = None
    #: spans of the current sentence that hold no place (its dates, its source's name)
    exclude: list[tuple[int, int]] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    #: (sentence index, its last figure): what a bare number in the next sentence counts
    last_figure: tuple | None = None
    #: (paragraph, date, sentence index): the last point in time the text gave before this sentence
    last_date: tuple | None = None
    event_dates: dict = field(default_factory=dict)     # `layers.text.dates.event_dates`
    #: (date, sentence index) of the one event the article names, if it dates it (`sole_event_date`)
    sole_event: tuple | None = None
    gazetteer: object = None
    #: what the article speaks of most (the category of a figure whose words say none)
    topic: str = "economic"
    #: places whose name the text uses for their region somewhere ("the toll by province
    #: includes 658 in Latakia"): their figures elsewhere go on the region too
    regional: dict = field(default_factory=dict)
    #: the starts of `refs`, for bisecting a sentence's refs out of them
    ref_starts: list = field(default_factory=list)
    #: the place unplaced claims go on, for want of another (`subject_place`)
    subject: Ref | None = None
    #: first-level areas claims were put on that no mention names (place_id -> Mention)
    areas: dict = field(default_factory=dict)
    #: the areas named in the current sentence's source's title ("Rogers County Sheriff")
    office: list = field(default_factory=list)
    #: the places each sentence's figures were put on (sentence index -> [refs])
    fig_places: dict = field(default_factory=dict)
    #: what the bare numbers of the text's table rows count (`layers.text.rows.row_figure`)
    row_figure: object = None


def claim_id_for(article_id: str, span_text: str, span_start: int, measure: str,
                 value: float | None, relation: str, place_ids: list[str], category: str = "") -> str:
    """The stable id of a claim: the article id and a hash of what the claim is.

    >>> claim_id_for("a", "x", 0, "", None, "", ["geonames:1"], "military")[:2]
    'a-'
    """
    v = "" if value is None else repr(float(value))
    key = "|".join([article_id, span_text, str(span_start), measure, v, relation,
                    ";".join(place_ids), category])
    return f"{article_id}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"



def _subject(sent: Sentence, ctx: _Ctx) -> Ref | None:
    """The place a sentence is about: its first non-country place, else the focal place."""
    for r in ctx.refs:
        if sent.start <= r.start < sent.end and r.kind != "country" and \
                not any(a < r.end and r.start < b for a, b in ctx.exclude):
            return r
    return ctx.focal


_CONTINUE_RE = re.compile(r"(?:and|or)\s+(?:also\s+)?(?:near|around|in|at|outside|inside|on|"
                          r"along|across)\s", re.I)
_INCLUDING_RE = re.compile(r"(?:including|among them|notably|such as)\s", re.I)
#: a clause that describes the noun before it ("another city in southern Gaza", "a town of 20,000")
_APPOSITIVE_RE = re.compile(r"\s*(?:a|an|another|the|one of the)\s+(?:[\w’'-]+\s+){0,3}?"
                            r"(?:city|town|village|district|region|province|county|state|suburb|port|area|"
                            r"settlement|camp|neighbou?rhood|municipality|hub|capital)\b", re.I)
# a count said region by region: its places stand for their regions in the whole text
# a sentence that names places as regions ("the toll by province", "The states are: Ondo
# (11), Edo (16)"): their names stand for their regions in the rest of the text too
_TOLL_BY_REGION_RE = re.compile(r"\bby (?:province|region|state|governorate|oblast)\b|"
                                r"\b(?:the|these|those) (?:provinces|regions|states|governorates|oblasts) "
                                r"(?:are|were|include|included)\b", re.I)




# ---------------------------------------------------------------------------- claims

def _add(ctx: _Ctx, sent: Sentence, span: tuple[int, int], places: list[Ref], category: str,
         *, measure: str = "", value: float | None = None, unit: str = "",
         date: DateMention | None = None, source: str = UNATTRIBUTED, relation: str = "",
         period: str = "", qualifier: str = "", note: str = "",
         value_max: float | None = None) -> None:
    if not places:
        log.debug("claim without a place dropped: %r", ctx.article.text[span[0]:span[1]])
        return
    text = ctx.article.text
    open_names = [p.place_id.split(":", 1)[1] for p in places if p.kind == UNRESOLVED]
    placed = [p for p in places if p.kind != UNRESOLVED]
    unresolved_place = ""
    notes = [note] if note else []
    if open_names and not placed:
        # the text ties the claim to a place the gazetteer lacks: no namesake, no guess
        unresolved_place = open_names[0]
        notes.append(f"place '{unresolved_place}' is not in the gazetteer: pin it in the claims file")
    elif open_names:
        notes.append(f"the text also names '{open_names[0]}', which the gazetteer lacks")
    place_ids = [p.place_id for p in placed]
    if measure:
        # with the note of a place guessed for want of one, which a place carried on keeps
        guess = next((n for n in (FOCAL_NOTE, AFTER_NOTE) if n in note), "")
        ctx.fig_places.setdefault(sent.index, []).append((list(places), guess))
    ds, de, prec = date_fields(date)
    if date is not None and date.kind == "since" and measure and not period:
        # an open period: the figure holds from then on ("135 meters per day since ...")
        period = date.text if date.text.lower().startswith(("since", "from")) else f"since {date.text}"
    cid = claim_id_for(ctx.article.id, text[span[0]:span[1]], span[0], measure, value, relation,
                       place_ids or [f"{UNRESOLVED}:{unresolved_place}"], category)
    if any(p.anaphor for p in places):
        notes.append("place from a reference to it ('the city', 'its')")
    ctx.claims.append(Claim(
        claim_id=cid, article_id=ctx.article.id, text=sent.text, span_start=span[0],
        span_end=span[1], category=category, place_ids=place_ids, measure=measure, value=value,
        value_max=value_max,
        unit=unit, date_start=ds, date_end=de, time_precision=prec, source=source,
        geo_precision=max(p.geo_precision for p in places), relation=relation, period=period,
        qualifier=qualifier, note="; ".join(notes), unresolved_place=unresolved_place))


def _sentence_claims(ctx: _Ctx, sent: Sentence) -> None:
    text = ctx.article.text
    clauses = split_clauses(sent)
    dates = ctx.dates[sent.index]
    frame = frame_date(sent, clauses, dates) or speech_date(sent, dates)
    sourced = ctx.trail.source(sent, ctx.last_figure is not None and ctx.last_figure[0] == sent.index - 1,
                               [(r.start, r.end, r.kind) for r in ctx.refs[bisect_left(ctx.ref_starts, sent.start):
                                                                           bisect_left(ctx.ref_starts, sent.end)]
                                if not r.anaphor])
    source, title_note, attr = sourced.source, sourced.note, sourced.attribution
    carry = ctx.last_figure if ctx.last_figure is not None and ctx.last_figure[0] == sent.index - 1 else None
    carry_fig = carry[1] if carry is not None else None
    if carry_fig is None and sent.heading and is_row(sent.text):
        carry_fig = ctx.row_figure          # "Jane Moyo = 171, 196" under a heading: what the table counts
    figures = find_figures(sent.text, [(d.start, d.end) for d in dates], carry=carry_fig)
    if figures:
        # what a bare number in the next sentence counts (a change counts what it changes)
        ctx.last_figure = (sent.index, carried(figures))
    # a place inside a date ("June") or inside the source's name ("Institute for the Study
    # of War") is no place of a claim
    exclude = [(sent.start + d.start, sent.start + d.end) for d in dates]
    if attr.start >= 0 and not any(r.start == sent.start + attr.start and reports_there(text, r)
                                   for r in ctx.refs[bisect_left(ctx.ref_starts, sent.start):
                                                     bisect_left(ctx.ref_starts, sent.end)]):
        # the source's name and title ("Governor Oleh Syniehubov")
        t0 = sent.text.rfind(attr.title, 0, attr.start) if attr.title else -1
        exclude.append((sent.start + (t0 if t0 >= 0 else attr.start), sent.start + attr.end))
    # a known place told only as where an unknown one lies from ("Qarnayel, a village east of
    # Tyre") is no place of the sentence's claims
    exclude[:0] = [(r.start, r.end) for r in reference_points(
        text, ctx.refs[bisect_left(ctx.ref_starts, sent.start):bisect_left(ctx.ref_starts, sent.end)],
        sent.start, sent.end)]
    ctx.exclude = exclude
    # the area of the source's office ("Rogers County Sheriff Ann Cole says", "The county
    # reported"): where the sentence's figures are when it names no other place
    ctx.office = [r for r in ctx.refs[bisect_left(ctx.ref_starts, sent.start):bisect_left(ctx.ref_starts, sent.end)]
                  if r.kind in ("admin1", "admin2") and attr.start >= 0
                  and exclude and r.start < exclude[-1][1] and exclude[-1][0] < r.end]
    # places of each clause, with the fallback to the clause before
    cl_places: list[list[Ref]] = []
    for c in clauses:
        cl_places.append(clause_places(text, ctx.refs, c.start, c.end, exclude))

    def places_for(ci: int) -> tuple[list[Ref], str]:
        return context_places(ctx, sent, clauses, cl_places, ci, attr.start)

    def clause_of(pos: int) -> int:
        for i, c in enumerate(clauses):
            if c.start <= pos < c.end:
                return i
        return max(0, len(clauses) - 1)

    fig_clauses: set[int] = set()
    fig_spans = tuple((f.start, f.end) for f in figures)
    n_before = len(ctx.claims)
    fig_dates: list[tuple[DateMention | None, str]] = []
    lo, hi = bisect_left(ctx.ref_starts, sent.start), bisect_left(ctx.ref_starts, sent.end)
    srefs = [r for r in ctx.refs[lo:hi] if not any(a < r.end and r.start < b for a, b in exclude)]
    own_places = [figure_places(text, srefs, sent.start, sent.end, sent.start + f.start, sent.start + f.end,
                                sent.start + figures[fi + 1].start if fi + 1 < len(figures) else sent.end)
                  for fi, f in enumerate(figures)]
    for fi, f in enumerate(figures):
        ci = clause_of(sent.start + f.start)
        fig_clauses.add(ci)
        c = clauses[ci]
        places = own_places[fi]
        pnote = ""
        if not places:
            # a total told place by place after it ("more than 200, including 147 in X and
            # 60 in Y"): the area those places make up
            parts = [(g, p[0]) for g, p in zip(figures[fi + 1:], own_places[fi + 1:]) if p
                     and g.measure == f.measure and g.value is not None and f.value is not None
                     and g.value <= f.value]
            # (parts that add up to more are no parts of it: "A and B each had nine, with
            # seven in C, four in D and two in E")
            whole = common_area([r for _, r in parts], ctx.gazetteer) \
                if len(parts) >= 2 and not f.each and sum(g.value for g, _ in parts) <= f.value else None
            if whole is not None:
                places, pnote = [area_for(ctx, parts[0][1], whole)], "the area of the places its parts are told for"
            elif not cl_places[ci] and ci + 1 < len(clauses) and _INCLUDING_RE.match(clauses[ci + 1].text):
                # "24 strikes on villages and towns, including A, B and C": the area of the list
                listed = [r for k in range(ci + 1, len(clauses)) for r in cl_places[k]]
                whole = common_area(listed, ctx.gazetteer)
                if whole is not None:
                    places, pnote = [area_for(ctx, listed[0], whole)], "the area of the places listed"
        named = listed_name(sent.text, f.start) if not places and any(own_places) else None
        if named is not None and not any(r.start < sent.start + named[1] and sent.start + named[0] < r.end
                                         for r in srefs):
            # "..., Gamma Bay (12.6 per cent), ...": an item of a list of places whose name the
            # gazetteer lacks: its own figure, unplaced, not its neighbour's place
            nm = sent.text[named[0]:named[1]]
            places = [Ref(sent.start + named[0], sent.start + named[1], f"{UNRESOLVED}:{nm}", UNRESOLVED, "", "", 3)]
        if not places:
            places, pnote = places_for(ci)
        places = [as_region(ctx, sent, r) for r in places]
        if not own_places[fi]:
            # what the figure counts in, up to the next figure (past one in brackets or one
            # that counts areas itself: "28 per cent were from two states")
            stop = next((g.start for g in figures[fi + 1:] if not holder_kind(sent.text[g.start:g.end])
                         and sent.text[max(0, g.start - 1):g.start] != "("), len(sent.text))
            places = held(ctx, holder_kind(sent.text[f.start:stop]), places)
            if not cl_places[ci] and unnamed_settlements(sent.text[max(0, c.start - sent.start):f.end + 30]):
                # "strikes on three villages ... killed 15": not the city the text named
                # before, the country that holds it
                places = held(ctx, "country", places)
                if any(p.kind == UNRESOLVED for p in places):
                    # (nor a village the gazetteer lacks that a sentence around names: the
                    # country the sentence names, else the article subject's)
                    named = next((r for r in ctx.refs[lo:hi] if r.kind == "country" and not r.anaphor), None)
                    cc = named.country_code if named is not None else \
                        ctx.subject.country_code if ctx.subject is not None else ""
                    nation = ctx.gazetteer.country(cc) if cc and ctx.gazetteer is not None else None
                    if named is not None:
                        places = [named]
                    elif nation is not None and ctx.subject is not None:
                        places = [area_for(ctx, ctx.subject, nation)]
                pnote = "; ".join(x for x in (pnote, "the country: strikes on villages the text does not name") if x)
        cdates = [d for d in clause_dates(sent, c, dates) if not across_contrast(sent.text, f.start, d)
                  and not (d.start > f.end and COMPARED_RE.search(sent.text[f.end:d.start]))]
        # the clause's date nearest the figure
        date = min(cdates, key=lambda d: min(abs(d.start - f.end), abs(f.start - d.end))) \
            if cdates else frame
        dnote = ""
        if date is None and fi > 0 and figures[fi - 1].measure == f.measure and fig_dates[-1][0] is not None:
            # "killed on Tuesday, including 72 in Tartus and 60 in Latakia": the parts' date
            date, dnote = fig_dates[-1]
        if date is None and f.qualifier != "once":
            date, dnote = carried_date(ctx, sent, dates, f.start, f.measure)
        fig_dates.append((date, dnote))
        rel = clause_relation(text, sent, c, cl_places[ci], ctx.focal, lambda: _subject(sent, ctx)) \
            if cl_places[ci] else None
        relation = ""
        if rel is not None and rel[0] == "advance" and f.measure.startswith("advance"):
            relation, places = rel
        note = "; ".join(x for x in (pnote, dnote, title_note) if x)
        fsource = clause_source(c.text, source, text) if len(clauses) > 1 else source
        if title_note == GOES_ON_NOTE and date is not None and long_before(date, ctx.ref):
            # "That is the same as a devastating 1985 earthquake that killed more than 10,000":
            # a figure of long ago is the writer's background, not the report told on
            fsource, note = UNATTRIBUTED, "; ".join(x for x in (pnote, dnote) if x)
        if f.each and len(own_places[fi]) == 1:
            # "one each in C and D counties": the places coordinated with the one after it
            places = each_places(text, srefs, own_places[fi][0])
        # a figure said of each of several places is a figure on each of them
        split = (f.each and len(places) > 1) or said_of_each(text, own_places[fi], sent.start + f.start,
                                                              sent.start + f.end)
        for group in ([[p] for p in places] if split else [places]):
            _add(ctx, sent, (sent.start + f.start, sent.start + f.end), group, f.category or ctx.topic,
                 measure=f.measure, value=f.value, unit=f.unit, date=date, source=fsource,
                 relation=relation, period=f.period, qualifier=f.qualifier, note=note,
                 value_max=f.value_max)
    made: set[str] = set()
    # a sentence that names one point in time dates all its events ("Trucks sat idle at
    # the crossing on Tuesday as Israeli forces pressed their offensive in Khan Younis")
    event_date = frame or (dates[0] if len(dates) == 1 and dates[0].kind == "point" else None)
    last_event: EventRule | None = None
    for ci, c in enumerate(clauses):
        cplaces = cl_places[ci]
        cdates = clause_dates(sent, c, dates)
        span = (c.start, c.end - (1 if c.text.endswith(".") else 0))
        # territorial events: the object place, even beside a figure
        for m in CLAUSE_EVENTS[0].rx.finditer(c.text):
            obj = next((r for r in cplaces if r.start >= c.start + m.end() and
                        _OBJECT_GAP_RE.match(text[c.start + m.end():r.start])), None)
            if obj is None or _MODAL_RE.search(c.text[:m.start()]):
                continue
            after = [d for d in cdates if sent.start + d.start >= obj.end]
            d = after[0] if after else (cdates[0] if cdates else frame)
            if d is not None and d.kind == "since":
                d = DateMention(d.text, d.start, d.end, d.start_iso, "", d.precision, "point")
            _add(ctx, sent, (c.start + m.start(), obj.end), [obj], "territorial", date=d,
                 source=source)
            made.add("captured")
        # relations without a figure
        rel = clause_relation(text, sent, c, cplaces, ctx.focal, lambda: _subject(sent, ctx)) \
            if cplaces else None
        if rel is not None and ci not in fig_clauses:
            relation, rplaces = rel
            category = {"supply_route": "infrastructure", "advance": "military"}.get(relation)
            if category is None:
                category = "strategic" if _STRATEGIC_RE.search(sent.text) else "military"
            _add(ctx, sent, span, rplaces, category, relation=relation,
                 date=cdates[0] if cdates else frame, source=source)
            made.add(relation)
            continue
        if ci in fig_clauses:
            continue
        if (last_event is not None and cplaces and _CONTINUE_RE.match(c.text)
                and not any(ev.rx.search(c.text) for ev in CLAUSE_EVENTS[1:])):
            # "Fighting was reported near Lyptsi, ..., and around Kupiansk": the same event
            _add(ctx, sent, span, cplaces, last_event.category,
                 date=cdates[0] if cdates else event_date, source=source)
            continue
        for ev in CLAUSE_EVENTS[1:]:
            if ev.name in made or not clause_event(ev, sent.text, c.start - sent.start, c.end - sent.start, fig_spans):
                continue
            places, pnote, espan = cplaces, "", span
            if ev.explicit_place and not cplaces and ci >= 2 and cl_places[ci - 2] and \
                    _APPOSITIVE_RE.match(clauses[ci - 1].text):
                # the subject's place across an appositive: "Residents in X, another city in
                # the south, witnessed intense clashes"
                places = cl_places[ci - 2]
            elif ev.explicit_place and not cplaces:
                # "controls four state capitals, including Nyala and El Geneina"
                nxt = ci + 1
                if not (nxt < len(clauses) and cl_places[nxt]
                        and _INCLUDING_RE.match(clauses[nxt].text)):
                    break
                places = cl_places[nxt]
                espan = (c.start, clauses[nxt].end - (1 if clauses[nxt].text.endswith(".") else 0))
            elif not ev.explicit_place:
                places, pnote = places_for(ci)
            edate, dnote = (cdates[0], "") if cdates else (event_date, "")
            if edate is None:
                edate, dnote = carried_date(ctx, sent, dates, c.start - sent.start)
            _add(ctx, sent, espan, places, ev.category, date=edate,
                 source=source, note="; ".join(x for x in (pnote, dnote) if x))
            made.add(ev.name)
            last_event = ev
            break
    told = tuple(c.category for c in ctx.claims[n_before:] if c.value is None)
    for _ in range(2):              # two incidents at most, of two categories the sentence did not tell
        got = _incident(ctx, sent, clauses, cl_places, srefs, dates, event_date, source, clause_of,
                        places_for, fig_spans, told)
        if got is None:
            break
        told += (got,)
    # and one more of a kind told already, in a later clause that names places of its own
    # ("Soroka hospital sustained a direct hit, and impacts were also reported in A and B")
    ev = [c for c in ctx.claims[n_before:] if c.value is None]
    if ev and any(r.start >= ev[-1].span_end and r.place_id not in ev[-1].place_ids for cp in cl_places for r in cp):
        _incident(ctx, sent, clauses, cl_places, srefs, dates, event_date, source, clause_of,
                  places_for, fig_spans, (), after=ev[-1].span_end - sent.start,
                  other_than={p for c in ev for p in c.place_ids})


def _incident(ctx: _Ctx, sent: Sentence, clauses, cl_places, srefs, dates, event_date, source,
              clause_of, places_for, fig_spans: tuple = (), told: tuple = (), after: int = 0,
              other_than: set | None = None) -> str | None:
    """The incident a sentence tells (an attack, a disaster, a rupture, ...: see
    `layers.text.events`), when its clauses made no event: on the places of its clause,
    else the sentence's (a country when it names nothing smaller), else the clause's
    fallback; dated by its clause, the sentence, or the text before. With `other_than` (the
    places of the sentence's events), only an incident from offset `after` on that its clause
    places after it, none of them those."""
    got = find_incident(sent.text, told, fig_spans, ctx.topic, after)
    if got is None:
        return None
    name, category, a, b = got
    if HYPOTHETICAL_RE.search(sent.text[:a]):
        return None                 # "warned that an assault on Rafah would ...": not an event
    ci = clause_of(sent.start + a)
    places, pnote = cl_places[ci], ""
    if other_than is not None:
        places = [r for r in places if r.start >= sent.start + a]
        if not places or any(r.place_id in other_than for r in places):
            return None
    if not places:
        # a country the incident's own clause names after it ("Before making landfall in X,
        # the cyclone passed over northern Madagascar"), else the place another clause of the
        # sentence is about ("Zimbabwe, has also seen its crops decimated"), else its first
        # place that is no country or world region
        said = [r for r in srefs if r.kind == "country" and sent.start + a <= r.start < clauses[ci].end]
        said = said[:1] or [r for cp in cl_places for r in cp]
        inner = [r for r in srefs if r.kind not in ("country", "region")]
        places = said[:1] or inner[:1] or [r for r in srefs if r.kind == "country"][:1]
    if not places:
        places, pnote = places_for(ci)
    if not cl_places[ci] and PROVINCIAL_RE.search(sent.text, 0, a) and ctx.gazetteer is not None and \
            ctx.subject is not None and ctx.subject.admin1 and ctx.subject.kind != "country":
        # "Provincial officials declared a top-level emergency": the province of the story
        area = ctx.gazetteer.admin1(ctx.subject.admin1)
        if area is not None:
            places, pnote = [area_for(ctx, ctx.subject, area)], "place: the province whose officials acted"
    nation = ctx.gazetteer.country(ctx.subject.country_code) if NATIONAL_RE.search(sent.text, a, b) and \
        ctx.gazetteer is not None and ctx.subject is not None and ctx.subject.country_code else None
    if nation is not None and all(p.kind != "country" for p in places):
        places, pnote = [area_for(ctx, ctx.subject, nation)], "place: a national event, the country"
    cdates = clause_dates(sent, clauses[ci], dates)
    edate, dnote = (cdates[0], "") if cdates else (event_date, "")
    if edate is None:
        edate, dnote = carried_date(ctx, sent, dates, a)
    span = (sent.start + a, sent.start + b)
    _add(ctx, sent, span, places, category, date=edate, source=source,
         note="; ".join(x for x in (pnote, dnote) if x))
    return category


def _drop_headline_events(claims: list[Claim], sentences: list[Sentence]) -> list[Claim]:
    """A headline's event (no figure) whose places the body's claims all cover summarises
    the body: it is dropped. Its figures stay (the headline's figure may contest the body's)."""
    heads = [(s.start, s.end) for s in sentences if s.heading]

    def in_head(c: Claim) -> bool:
        return in_spans(c.span_start, heads)

    covered = {p for c in claims if not in_head(c) for p in c.place_ids}
    return [c for c in claims if c.measure or not in_head(c) or not set(c.place_ids) <= covered]


def places_from_mentions(mentions) -> list[PlaceRecord]:
    """One PlaceRecord per place the mentions resolve to, in order of first mention."""
    recs: dict[str, PlaceRecord] = {}
    for m in mentions:
        p = m.place
        rec = recs.get(p.place_id)
        if rec is None:
            rec = recs[p.place_id] = PlaceRecord(
                place_id=p.place_id, name=p.name, kind=p.kind, lat=p.lat, lon=p.lon,
                geonameid=p.geonameid, country_code=p.country_code, admin1=p.admin1,
                population=p.population, mentions=0, geo_precision=m.geo_precision,
                source=p.source if p.source != "GeoNames" else "", note=p.note)
        rec.mentions += 1
        if m.surface not in rec.surfaces:
            rec.surfaces.append(m.surface)
        rec.geo_precision = min(rec.geo_precision, m.geo_precision)
        for alt in m.alternatives:
            if alt not in rec.alternatives and alt != p.place_id:
                rec.alternatives.append(alt)
    return list(recs.values())


@functools.lru_cache(maxsize=1)
def _versions() -> tuple[tuple[str, str], ...]:
    out = {}
    try:
        from importlib.metadata import version
        out["claimmap"] = version("claimmap")
    except Exception:  # noqa: BLE001 - not installed as a distribution
        out["claimmap"] = "unknown"
    try:
        from geo.gazetteer import Gazetteer
        out["gazetteer"] = Gazetteer.open().version
    except Exception as err:  # noqa: BLE001 - the version is informative only
        log.debug("no gazetteer version: %s", err)
    return tuple(out.items())


def _gazetteer():
    try:
        from geo.gazetteer import Gazetteer

        return Gazetteer.open()
    except Exception as err:  # noqa: BLE001 - without it, no place becomes its region
        log.debug("no gazetteer for regions: %s", err)
        return None


def _made_by() -> dict:
    return dict(_versions())


def extract(article: Article, date: _date | None = None, *, mentions=None,
            unresolved=None) -> ClaimsDoc:
    """The claims an article makes, with the places it names.

    Parameters
    ----------
    article : Article
        As read by `layers.text.article.read_article`.
    date : datetime.date, optional
        The article's date (relative dates are read against it); default the date found
        in the article.
    mentions : list of geo.model.Mention, optional
        The place mentions, if already found; default ``geo.places.find_places``.
    unresolved : list of geo.model.Unresolved, optional
        The names the geoparser could not place, found with `mentions` (by default found
        with them); a claim the text ties to one of them has no place_ids and names it in
        `unresolved_place`.

    Returns
    -------
    ClaimsDoc
    """
    if date is not None and date != article.published:
        # the date given is the article's date (the one found in it, if any, is noted)
        found = f"; the text says {article.published.isoformat()}" if article.published else ""
        article = replace(article, published=date,
                          notes=article.notes + (f"date {date.isoformat()} given{found}",))
    ref = article.published
    if mentions is None:
        from geo.places import find_places

        unresolved = []
        mentions = find_places(article.text, date=ref, unresolved=unresolved)
    mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    sentences = split_sentences(article.text)
    # (a street named after a town is not the town: "south of Murfreesboro Road")
    refs = [r for r in map(ref_of, mentions) if not street_name(article.text, r)]
    focal = focal_place(refs, sentences)
    dates = dict(zip((s.index for s in sentences),
                     that_year([s.text for s in sentences], [find_dates(s.text, ref) for s in sentences])))
    refs = sorted(refs + resolve_anaphors(article.text, sentences, refs, focal, dates),
                  key=lambda r: r.start)
    gaz = _gazetteer()
    areas = area_anaphors(article.text, refs, gaz) + capital_refs(article.text, refs, gaz)
    refs = sorted(refs + [r for r, _ in areas], key=lambda r: r.start)
    towns: list = []
    refs = sorted(refs + unresolved_refs(article.text, refs, unresolved or [], gaz, towns), key=lambda r: r.start)
    areas += towns
    # a dateline's place is where the report was filed, not a place of its claims
    lines = dateline_spans(article.text, sentences)
    refs = [r for r in refs if not in_spans(r.start, lines)]
    subject = subject_place([r for r in refs if r.kind != UNRESOLVED], sentences)
    ctx = _Ctx(article, ref, sentences, refs, focal, dates, gazetteer=gaz,
               topic=topic_of(article.text) or "economic", subject=subject)
    ctx.ref_starts = [r.start for r in ctx.refs]
    ctx.row_figure = row_figure(article.text)
    texts = [s.text for s in sentences]
    ctx.event_dates = event_dates(texts, [dates[s.index] for s in sentences])
    ctx.sole_event = sole_event_date(ctx.event_dates, texts)
    ctx.trail = SourceTrail(article.text)
    from geo.model import Mention

    for s in sentences:
        if not _TOLL_BY_REGION_RE.search(s.text):
            continue
        for r in refs[bisect_left(ctx.ref_starts, s.start):bisect_left(ctx.ref_starts, s.end)]:
            if r.place_id not in ctx.regional and not r.anaphor:
                area = region_of(article.text, r, s.start, s.end, gaz)
                if area is not None:
                    ctx.regional[r.place_id] = area
    for r, area in areas:
        ctx.areas.setdefault(area.place_id, Mention(article.text[r.start:r.end], r.start, r.end, area,
                                                    r.geo_precision))
    for s in sentences:
        if s.heading and s.index > 0:
            ctx.last_date = None        # a section's dates do not run on into the next
        made = len(ctx.claims)
        _sentence_claims(ctx, s)
        made = len(ctx.claims) > made
        points = [d for d in ctx.dates[s.index] if d.kind in ("point", "range") and d.start_iso
                  and not COMPARED_RE.search(s.text[max(0, d.start - 60):d.start])]
        if points and not s.heading and not DATELINE_RE.match(s.text[:points[-1].start]) \
                and (made or not long_before(points[-1], ref)):
            # (a sentence that gives no claim and dates a time long past is background: "He
            # was chief minister from December 2018 to March 2020." dates nothing after it)
            ctx.last_date = (s.paragraph, points[-1], s.index)
        elif not points and not s.heading and ctx.last_date is not None and not any(
                ctx.dates[x.index] for x in sentences[:s.index + 1] if x.paragraph == s.paragraph):
            # a sentence that names an event the text dates ("The attack also caused damage
            # to ...") in a paragraph that has said no date is at that event's date: what
            # follows goes on from it, not from a date said before of another matter
            # ("... the massacre last December")
            got = event_date(ctx.event_dates, s.text, s.index, 0)
            if got is not None:
                ctx.last_date = (s.paragraph, got[0], s.index)
    claims = mark_conflicts(_drop_headline_events(ctx.claims, sentences), article.text,
                            tuple((s.start, s.end) for s in sentences if s.heading))
    return ClaimsDoc(article=article, places=places_from_mentions(mentions + list(ctx.areas.values())),
                     claims=claims,
                     made_by=_made_by())
