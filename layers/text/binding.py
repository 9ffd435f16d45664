"""Place binding: which places of the text a claim is about.

Mentions (the geoparser's) and anaphors ("the city", "its capture") become `Ref`s; a
clause's places are its refs, most specific first (a region written as a locator of a
place is dropped; countries only when said as a location: "in Niger"); the article's
focal place is its most-mentioned populated place (the headline counting double).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from layers.text.dates import DateMention
from layers.text.sentences import Sentence

__all__ = ["Ref", "ref_of", "unresolved_ref", "UNRESOLVED", "contains", "focal_place", "subject_place",
           "resolve_anaphors", "clause_places", "figure_places", "region_of", "area_anaphors",
           "capital_refs", "common_area", "area_ref", "reports_there", "whole_area",
           "dateline_spans", "street_name", "holder_kind", "said_of_each", "part_of_country", "refs_between",
           "reference_points", "unnamed_settlements"]

ANAPHOR_RE = re.compile(
    r"\b(?:the|this|that)\s+(?:(?:embattled|besieged|strategic|frontline|front-line|key|vital|"
    r"eastern|southern|northern|western|small|industrial|mining|port|coastal|border|"
    r"logistics|logistical|transport|military|devastated|ruined)\s+){0,2}"
    r"(?P<n>city|town|village|settlement|hub|stronghold)(?:’s|'s)?\b(?!\s+(?:of|in)\b)"
    r"|\b[Ii]ts\s+(?=(?:capture|fall|seizure|loss|population|residents|outskirts|defenders|"
    r"cent(?:er|re)|streets|mayor|power grid|grid|infrastructure|encirclement|defen[cs]es?|"
    r"garrison|surroundings)\b)", re.I)
_AREA_PLURALS = r"(?:provinces|oblasts|regions|states|governorates|districts|counties|departments|prefectures)"
# (not "in central Haiti": a vague frame the text names the place of later, "the attack in X")
_LOCATIVE_COUNTRY_RE = re.compile(r"\b(?:in|inside|across|throughout|within|into)\s+(?:the\s+)?$|"
                                  # the areas of a country: "in all 10 provinces of Zimbabwe"
                                  rf"\b{_AREA_PLURALS}\s+of\s+(?:the\s+)?$|"
                                  # a part of a country: "shook part of western Afghanistan"
                                  r"\b(?:parts?\s+of|across|throughout)\s+(?:the\s+)?(?:(?:far|rural|central|"
                                  r"(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?)\s+)+$|"
                                  # the target of an attack is where it happens: "a barrage on Israel"
                                  r"\b(?:attacks?|barrages?|strikes?|bombardments?|bombing|assaults?|"
                                  r"raids?|shelling|salvos?|offensive|invasion)\s+(?:on|against|into)"
                                  r"\s+(?:the\s+)?$", re.I)
# a part of a country said as where, vaguely: "killed in northern Mali", "into southeastern
# China", "in the central Philippines" (the text may name the place later)
_PART_OF_COUNTRY_RE = re.compile(r"\b(?:in|inside|into)\s+(?:the\s+)?(?:far\s+)?(?:central|(?:north|south)"
                                 r"(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?)\s+$", re.I)


def part_of_country(text: str, refs: list[Ref], start: int, end: int) -> Ref | None:
    """The first country text[start:end] names as the part of it where things happen
    ("in northern Mali"), or None."""
    return next((r for r in refs_between(refs, start, end) if r.kind == "country"
                 and _PART_OF_COUNTRY_RE.search(text[max(0, r.start - 30):r.start])), None)


# "nine of Ukraine's oblasts": the country the areas are of
_COUNTRY_AREAS_RE = re.compile(rf"(?:’s|'s)\s+(?:[a-z]+\s+)?{_AREA_PLURALS}\b")
# the land or sea of a country: "on Spanish shores", "in Greek waters" (not "into Russian
# territory", "on French soil": whose the ground is, not where)
_COUNTRY_LAND_RE = re.compile(r"\s+(?:shores?|waters|coasts?|mainland)\b")
# the country whose people or economy a figure counts: "2,300 U.S. workers", "its New
# Zealand workforce", "the Chilean jobs" (a number, a possessive or "the" before it)
_COUNTRY_COUNTED_BEFORE_RE = re.compile(r"(?:\b\d[\d,.]*(?:\s+(?:million|billion|thousand))?|\bits|\btheir|\bthe)\s+$", re.I)
_COUNTRY_COUNTED_RE = re.compile(r"\s+(?:[a-z-]+\s+)?(?:workers|workforce|jobs|employees|staff|households|"
                                 r"consumers|taxpayers|farmers|companies|firms|businesses|factories|plants|"
                                 r"exports|imports|output|production|economy|GDP|budget|deficit)\b")
# a country's own national event: "Zimbabwe's July 30 presidential election", "Peru's census"
_COUNTRY_EVENT_RE = re.compile(r"(?:’s|'s)\s+(?:[\w-]+\s+){0,3}?(?:elections?|polls?|referendum|census|"
                               r"budget|vote)\b", re.I)
# a country's own economy as what a figure measures: "Angola's crude production fell to ..."
_COUNTRY_ECONOMY_RE = re.compile(r"(?:’s|'s)\s+(?:[a-z-]+\s+){0,2}?(?:output|production|exports|imports|economy|"
                                 r"GDP|budget|deficit|debt|inflation|unemployment|trade surplus|trade deficit)\b")
_LANDMARK_RE = re.compile(r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
                          r"outside|near)(?:ern)?\s+of\s+(?:the\s+)?$|\b(?:near|outside)\s+(?:the\s+)?$", re.I)
_LOCATOR_BETWEEN_RE = re.compile(r"^(?:’s|'s)?\s*(?:,|\(|\bin\b|\bof\b|\bnear\b)\s*"
                                 r"(?:[\w’'-]+\s*){0,3}$", re.I)


# a place told as where something else lies from: "a village east of Tyre", "some 12
# kilometres (seven miles) from the town of Zahle", "in the Minieh district south of the capital"
_REFERENCE_POINT_RE = re.compile(_LANDMARK_RE.pattern + r"|\b(?:kilometres|kilometers|km|miles)\b(?:\s*\([^()]{1,30}\))?"
                                 r"\s+(?:[a-z]+\s+)?(?:from|of)\s+(?:the\s+(?:[a-z]+\s+)?(?:city|town|village)\s+of\s+)?"
                                 r"(?:the\s+)?$", re.I)


def reference_points(text: str, refs: list[Ref], start: int, end: int) -> list[Ref]:
    """The known places of text[start:end] (a sentence) told only as where a place the
    gazetteer lacks lies from ("a strike on Qarnayel, a village east of Tyre", "Mashha,
    some 12 kilometres from Tyre"): reference points, not the places of its claims (the
    unknown place is; the clause a comma splits off does not inherit the landmark)."""
    out: list[Ref] = []
    inside = sorted((r for r in refs if start <= r.start < end), key=lambda r: r.start)
    for r in inside:
        if r.kind == UNRESOLVED:
            continue
        if not _REFERENCE_POINT_RE.search(text[max(start, r.start - 60):r.start]):
            continue
        # the unknown place it locates: named before it in the sentence, close by, with no
        # known place between them (that one would be what the landmark locates)
        before = [o for o in inside if o.end <= r.start]
        if before and before[-1].kind == UNRESOLVED and r.start - before[-1].end <= 90 \
                and not re.search(r"[;:]", text[before[-1].end:r.start]):
            out.append(r)
        elif len(before) >= 2 and before[-2].kind == UNRESOLVED and r.start - before[-2].end <= 90 \
                and before[-1].kind in ("admin1", "admin2") and not re.search(r"[;:]", text[before[-2].end:r.start]):
            # "Bqarzla in the Akkar district north of the capital": the district locates the
            # place, the capital is a reference point
            out.append(r)
    return out


@dataclass(frozen=True)
class Ref:
    """A place in the text: a mention, or an anaphor resolved to a place."""

    start: int
    end: int
    place_id: str
    kind: str
    admin1: str
    country_code: str
    geo_precision: int
    anaphor: bool = False



def ref_of(m) -> Ref:
    p = m.place
    return Ref(m.start, m.end, p.place_id, p.kind, p.admin1, p.country_code, m.geo_precision)


#: the kind of a Ref to a name the gazetteer cannot place (`geo.model.Unresolved`)
UNRESOLVED = "unresolved"


def unresolved_ref(u) -> Ref:
    """A name the text writes as a place that the gazetteer cannot place: a claim tied to
    it stays unplaced, with the name, for a reviewer to pin (never a namesake abroad)."""
    return Ref(u.start, u.end, f"{UNRESOLVED}:{u.surface}", UNRESOLVED, "", "", 3)


# a dateline opening a paragraph: "BEIJING - ", "SAINT-MARC, Haiti — ", "JACKSON, MS (WLBT) - ",
# "Jakarta, (AFP - ...) ", "PUNO Peru - "
_DATELINE_SPAN_RE = re.compile(r"\s*[A-Z][\w’'.-]*(?:[ -][A-Z][\w’'.-]*){0,3}"
                               r"(?:,?\s+[A-Z][\w’'.]*(?:\s+[A-Z][\w’'.]*){0,2})?"
                               r"(?:,\s*\([^()\n]{1,80}\)|\s*\([^()\n]{1,80}\)\s*[-—–]{1,2}|,?\s+[-—–]{1,2})\s")


def dateline_spans(text: str, sentences: list[Sentence]) -> list[tuple[int, int]]:
    """The datelines of the article's first paragraphs (where the report was filed, not
    where its claims happen): (start, end) of each."""
    out: list[tuple[int, int]] = []
    seen = 0
    for s in sentences:
        if s.heading:
            continue
        seen += 1
        if seen > 3:
            break
        if s.start and text[s.start - 1] not in "\n":
            continue                    # not the start of a paragraph
        m = _DATELINE_SPAN_RE.match(text, s.start, s.end)
        if m:
            out.append((s.start, m.end()))
    return out


# a street named after a place: "south of Murfreesboro Road", "at 15 Parkridge Road"
_STREET_AFTER_RE = re.compile(r"\s+(?:Road|Rd\.?|Street|St\.|Avenue|Ave\.?|Boulevard|Blvd\.?|Parkway|Pkwy\.?|"
                              r"Pike|Highway|Hwy\.?|Lane|Drive|Turnpike|Expressway|Freeway)(?![\w-])")


def street_name(text: str, ref: Ref) -> bool:
    """Whether a mention is the name of a street ("Murfreesboro Road" in Franklin): no
    place of the text's claims (the town the street is named after is elsewhere)."""
    return ref.kind != "country" and bool(_STREET_AFTER_RE.match(text, ref.end))


def contains(container: Ref, inner: Ref) -> bool:
    if container.kind == "country":
        return inner.kind != "country" and inner.country_code == container.country_code
    if container.kind == "admin1":
        return inner.kind in ("populated_place", "facility") and bool(inner.admin1) \
            and inner.admin1 == container.admin1
    return False


def _title_spans(sentences: list[Sentence]) -> list[tuple[int, int]]:
    """The spans of the headings that open the text (its title and subtitle): a section's
    heading further down ("Manicaland Province" over its results) names a part, not the
    article's subject."""
    out = []
    for s in sentences:
        if not s.heading:
            break
        out.append((s.start, s.end))
    return out


def focal_place(refs: list[Ref], sentences: list[Sentence]) -> Ref | None:
    """The place the article is about: the most-mentioned populated place (headline x2)."""
    heads = _title_spans(sentences)
    score: dict[str, float] = {}
    first: dict[str, Ref] = {}
    for kinds in (("populated_place",), ("facility",), ("admin1",)):
        for r in refs:
            if r.kind not in kinds or r.anaphor:
                continue
            w = 2.0 if in_spans(r.start, heads) else 1.0
            score[r.place_id] = score.get(r.place_id, 0) + w
            first.setdefault(r.place_id, r)
        if score:
            best = max(score, key=lambda k: (score[k], -first[k].start))
            return first[best]
    return None


def subject_place(refs: list[Ref], sentences: list[Sentence]) -> Ref | None:
    """The place an article's unplaced claims are about: the most-mentioned place that is
    no country (headline x2; a region before its namesake city on a tie: "the Kharkiv
    region" articles count the region), or a country mentioned at least three times as often as
    any of those ("Burundi" seven times, "Goma" once); None when three places or more are
    each named once and none more."""
    heads = _title_spans(sentences)
    score: dict[str, float] = {}
    first: dict[str, Ref] = {}
    for r in refs:
        if r.anaphor and r.kind != "populated_place":
            continue
        # ("the town", "the city" count for the town they stand for)
        w = 2.0 if in_spans(r.start, heads) else 1.0
        score[r.place_id] = score.get(r.place_id, 0) + w
        if not r.anaphor:
            first.setdefault(r.place_id, r)
    score = {k: v for k, v in score.items() if k in first}
    rank = {"admin1": 2, "populated_place": 1, "facility": 1}
    inner = [k for k in score if first[k].kind != "country"]
    outer = [k for k in score if first[k].kind == "country"]
    best = max(inner, key=lambda k: (score[k], rank.get(first[k].kind, 0), -first[k].start), default=None)
    top = max(outer, key=lambda k: (score[k], -first[k].start), default=None)
    if top is not None and (best is None or score[top] >= 3 * score[best]):
        return first[top]
    if best is not None and score[best] <= 1 and sum(score[k] == score[best] for k in inner) >= 3:
        # a text about many places alike, each named once (ports, provinces of a list): none
        # is its subject, and a figure it ties to no place gets none
        return None
    return first[best] if best is not None else None


def resolve_anaphors(text: str, sentences: list[Sentence], refs: list[Ref],
                      focal: Ref | None, dates: dict[int, list[DateMention]]) -> list[Ref]:
    """'the city', 'this town', 'its capture' -> the populated place the text is about."""
    out: list[Ref] = []
    mention_spans = [(r.start, r.end) for r in refs]
    # a "place" inside a date ("June 29") is none
    skip = [(s.start + d.start, s.start + d.end) for s in sentences for d in dates[s.index]]
    for si, s in enumerate(sentences):
        for m in ANAPHOR_RE.finditer(text, s.start, s.end):
            if any(a < m.end() and m.start() < b for a, b in mention_spans):
                continue
            # the first populated place before it in this sentence, else the first of the
            # nearest sentence before (three at most) that names one, else the focal place
            target = None
            for sj in range(si, max(-1, si - 4), -1):
                lo = sentences[sj].start
                hi = m.start() if sj == si else sentences[sj].end
                cands = [r for r in refs if r.kind == "populated_place" and lo <= r.start < hi
                         and not any(a < r.end and r.start < b for a, b in skip)]
                if cands:
                    target = cands[0]
                    break
            if target is None:
                target = focal
            if target is None:
                continue
            out.append(Ref(m.start(), m.end(), target.place_id, target.kind, target.admin1,
                            target.country_code, target.geo_precision, anaphor=True))
    return out


# a country that reports, records or suffers, not one that acts: "Nigeria recorded 676
# cases", "Malawi has declared a state of disaster", "Zambia also appealed for help"
_COUNTRY_SUBJECT_RE = re.compile(r"(?:’s|'s)?,?\s+(?:(?:has|have|had|also|now|already)\s+){0,2}"
                                 r"(?:recorded|reported|registered|declared|appealed|confirmed|"
                                 r"counted|saw|seen|logged|received|suffered|experienced|faces|faced|"
                                 r"is facing|hosts|hosted|took in|"
                                 # a country struck: "Mexico was severely jolted by ..."
                                 r"(?:was|were|has been|had been)\s+(?:\w+ly\s+)?(?:hit|struck|jolted|shaken|rocked|"
                                 r"battered|pummell?ed|lashed|ravaged|devastated|flooded)|"
                                 # a country telling its own toll: "Lebanon said Tuesday the death toll ..."
                                 r"(?:said|says|announced)\s+(?:on\s+)?(?:\w+day\s+)?(?:that\s+)?(?:the|its)\s+"
                                 r"(?:death\s+|casualty\s+)?toll)\b", re.I)


def reports_there(text: str, ref: Ref) -> bool:
    """Whether a country is named as the one that records or suffers what the clause
    tells ("Malawi has declared a state of disaster"): a source and the claim's place."""
    return ref.kind == "country" and bool(_COUNTRY_SUBJECT_RE.match(text, ref.end))


#: places a clause's claims go on only when the clause says they happen there ("in Niger",
#: "Malawi has declared"): a country, a continent or world region
_WIDE_KINDS = ("country", "region")
#: a superlative's frame: "one of the largest in Europe", "the busiest port in Africa"
# ("the most ...", not "Most patients are in X"; no noun in -est: "the protest in X")
_COMPARISON_RE = re.compile(r"(?:\bthe|\bits|\btheir|’s|'s)\s+(?:(?!(?:inter|pro|fo|ar|re|har|con|sugg|mani|hon|mod|"
                            r"conqu|sou|nor|mid|sw|gu|ne|che|que|te|wr|ve|lat|earn)est\b)\w+est|most\s+\w+|"
                            r"biggest|largest|best|worst)\b"
                            # (no verb between: "the worst damage was in X" is about X)
                            r"(?:\s+(?!(?:is|was|were|are|been|appeared|occurred|happened|came|seemed)\b)[\w-]+){0,3}?"
                            r"\s+(?:in|of|on)\s+(?:the\s+)?$", re.I)


_BY_START: dict[int, tuple[list[Ref], list[Ref], list[int]]] = {}


def refs_between(refs: list[Ref], start: int, end: int) -> list[Ref]:
    """The refs starting in [start, end), in text order: a binary search in the refs sorted
    once per list (a clause at a time over all refs was quadratic in a long text)."""
    key = id(refs)
    hit = _BY_START.get(key)
    if hit is None or hit[0] is not refs or len(hit[1]) != len(refs):
        order = sorted(refs, key=lambda r: r.start)
        hit = (refs, order, [r.start for r in order])
        _BY_START.clear()          # one article at a time
        _BY_START[key] = hit
    _, order, starts = hit
    return order[bisect_left(starts, start):bisect_left(starts, end)]


def in_spans(x: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `x` lies in one of `spans` ((start, end) pairs in text order, not
    overlapping): a binary search, for the headline checks made once per mention."""
    i = bisect_right(spans, (x, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= x < spans[i][1]


def clause_places(text: str, refs: list[Ref], start: int, end: int,
                   exclude: list[tuple[int, int]] = ()) -> list[Ref]:
    """The places a clause concerns: its mentions and anaphors, most specific first kept.

    Mentions inside `exclude` (a date, the name of the source) are not places of claims.
    """
    inside = [r for r in refs_between(refs, start, end)
              if not any(a < r.end and r.start < b for a, b in exclude)
              # the frame of a comparison, not where it happens: "one of the largest in Europe"
              and not _COMPARISON_RE.search(text[max(0, r.start - 60):r.start])]
    keep: list[Ref] = []
    for r in inside:
        if r.kind in _WIDE_KINDS:
            continue
        # a region written as the locator of a place before it: "Pokrovsk in ... Donetsk region"
        if r.kind == "admin1" and any(
                contains(r, o) and o.end <= r.start
                and _LOCATOR_BETWEEN_RE.match(text[o.end:r.start]) for o in inside):
            continue
        # a landmark that locates a place before it: "the island of X north of Athens"
        if keep and _LANDMARK_RE.search(text[max(keep[-1].end, r.start - 40):r.start]):
            continue
        keep.append(r)
    if not keep:
        prev_loc: Ref | None = None
        for r in inside:
            if r.kind not in _WIDE_KINDS:
                continue
            # "in Niger, Mali and Burkina Faso": the list after "in" is locative too
            # "that country's population": the text refers back to a country as its topic
            if r.anaphor or _LOCATIVE_COUNTRY_RE.search(text[max(0, r.start - 40):r.start]) \
                    or _COUNTRY_LAND_RE.match(text, r.end) or _COUNTRY_AREAS_RE.match(text, r.end) \
                    or _COUNTRY_SUBJECT_RE.match(text, r.end) or (
                    _COUNTRY_EVENT_RE.match(text, r.end)) or _COUNTRY_ECONOMY_RE.match(text, r.end) or (
                    _COUNTRY_COUNTED_RE.match(text, r.end)
                    and _COUNTRY_COUNTED_BEFORE_RE.search(text[max(0, r.start - 30):r.start])) or (
                    prev_loc is not None
                    and re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*", text[prev_loc.end:r.start])):
                keep.append(r)
                prev_loc = r
    seen, out = set(), []
    for r in keep:
        if r.place_id not in seen:
            seen.add(r.place_id)
            out.append(r)
    return out



# a place the figure is said of: "72 in Tartus", "188,000 customers without power in Wayne
# County", "nearly 25,000 at Montpellier", "10,000 to Chateauroux"
_AFTER_FIGURE_RE = re.compile(r"^(?:\s*(?:(?!(?:is|are|was|were|has|have|had|said|says|a|an)\s)[\w’'-]+\s+){0,3}?)(?:in|at|to|inside|across|throughout|"
                              r"within)\s+(?:the\s+)?(?:(?:greater|central|northern|southern|eastern|"
                              r"western|rural|city of|town of|province of|region of|state of)\s+)?$", re.I)
# "Calais (5000)", "Ondo had 33", "Edo 29"
_BEFORE_FIGURE_RE = re.compile(r"^(?:\s+(?:City|Town|Rural|Urban|District|Province))?"
                               r"\s*(?:\(|(?:had|has|recorded|reported|registered|got|with|saw|pumped|produced|exported|"
                               r"logged|posted|confirmed|rose|fell|grew|dropped|declined|increased|jumped|climbed|"
                               r"slipped|slumped|surged)\s+(?:by\s+)?"
                               r"(?:about\s+|around\s+|some\s+|nearly\s+|at least\s+)?)?\s*$", re.I)
_SETTLEMENTS_AFTER_RE = re.compile(r"\s+(?:settlements|villages|communities|towns|hromadas|municipalities)\b")
_IN_AREA_RE = re.compile(r"^\)?\s*in\s+(?:the\s+)?$")
_REGION_WORD_RE = re.compile(r"^\s+(?:region|oblast|province|governorate|state|prefecture|regional|provincial)\b", re.I)
# the type noun of a second-level area said after its name ("Leyte province", "Lianjiang county")
_AREA_WORD_RE = re.compile(r"\s+(?:province|county|district|regency|prefecture)\b(?!\s+(?:of|town|city|seat)\b)", re.I)
_REGIONS_CONTEXT_RE = re.compile(r"\b(?:by (?:province|region|state|governorate)|provinces|regions|"
                                 r"governorates|oblasts|states)\b", re.I)


# the areas a list of names shares its type noun with: "Hamilton and Bradley counties"
_AREA_PLURAL_AFTER_RE = re.compile(rf"\s+{_AREA_PLURALS}\b")
_LIST_GAP_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# the areas' own count before a figure: "Hamilton and Bradley counties each reported nine dead"
_AREAS_REPORTED_RE = re.compile(rf"^{_AREA_PLURAL_AFTER_RE.pattern}\s+(?:each\s+|both\s+|also\s+)?"
                                r"(?:reported|recorded|registered|confirmed|counted|had|have|saw|suffered|lost)\s+"
                                r"(?:about\s+|around\s+|some\s+|nearly\s+|at least\s+)?$", re.I)
_EACH_RE = re.compile(r"\beach\b", re.I)


def said_of_each(text: str, places: list[Ref], fstart: int, fend: int) -> bool:
    """Whether a figure (text[fstart:fend]) tied to several places holds for each of them
    ("A and B counties each reported nine", "one each in A and B counties"): one claim per
    place then, not one total for all."""
    if len(places) < 2:
        return False
    return bool(_EACH_RE.search(text, min(fstart, *(p.start for p in places)), max(fend, *(p.end for p in places))))


def _shared_noun_list(text: str, refs: list[Ref], i: int, step: int) -> list[Ref]:
    """The refs listed with refs[i] that share one plural type noun ("Sequatchie and
    Washington counties"), walking forward (`step` 1) or back (-1) from it; [refs[i]]
    when the list names no such noun."""
    got = [refs[i]]
    j = i + step
    while 0 <= j < len(refs):
        a, b = (got[-1], refs[j]) if step > 0 else (refs[j], got[-1])
        if not _LIST_GAP_RE.fullmatch(text[a.end:b.start]):
            break
        got.append(refs[j])
        j += step
    got = got if step > 0 else got[::-1]
    if len(got) > 1 and _AREA_PLURAL_AFTER_RE.match(text, got[-1].end):
        return got
    return [refs[i]]


def figure_places(text: str, refs: list[Ref], lo: int, hi: int, fstart: int, fend: int,
                  nxt: int) -> list[Ref]:
    """The place the text ties a figure (text[fstart:fend]) to inside its sentence
    (text[lo:hi]): a place right after it ("72 in Tartus", "8 from Sindh", up to the next figure at
    `nxt`), or named just before it ("Calais (5000)", "Ondo had 33"), each of a list that
    shares a type noun ("two in A and B counties", "A and B counties reported nine"); []
    when the text ties it to none of these (the clause's places are used then)."""
    for i, r in enumerate(refs):
        if fend <= r.start < min(nxt, hi, fend + 70) and (_AFTER_FIGURE_RE.match(text[fend:r.start])
                                                          or re.fullmatch(r"\s+from\s+", text[fend:r.start])) \
                and not re.search(r"[.;:!?]", text[fend:r.start]):
            inner = refs[i + 1] if i + 1 < len(refs) else None
            if inner is not None and r.kind == "country" and re.fullmatch(r"(?:’s|'s)\s+", text[r.end:inner.start]):
                return [inner]          # "in Ukraine's Kharkiv region": the region, the country its locator
            return _shared_noun_list(text, refs, i, 1)
    for i in reversed(range(len(refs))):
        r = refs[i]
        if lo <= r.end <= fstart and fstart - r.end <= 40 and _AREAS_REPORTED_RE.match(text[r.end:fstart]):
            return _shared_noun_list(text, refs, i, -1)
    for r in reversed(refs):
        if lo <= r.end <= fstart and fstart - r.end <= 18 and _BEFORE_FIGURE_RE.match(text[r.end:fstart]):
            if r.kind == UNRESOLVED:
                # "Makonde (1) in Mashonaland West": the name the gazetteer lacks, in the area after
                where = next((o for o in refs if fend < o.start <= fend + 20 and o.kind != UNRESOLVED
                              and _IN_AREA_RE.match(text[fend:o.start])), None)
                if where is not None:
                    return [r, where]
            return [r]
    return []


_COUNT_WORDS = (r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
                r"thirty|forty|fifty|dozens of|several|all|both)")
# a count of a country's first-level areas ("from two states", "in all 10 provinces"), of
# a state's counties ("damage reports from 30 counties")
_COUNTRY_PARTS_RE = re.compile(rf"\b{_COUNT_WORDS}\s+(?:of\s+(?:the|its|their)\s+)?(?:[a-z]+\s+)?"
                               r"(?:provinces|oblasts|regions|states|governorates|departments|prefectures)\b", re.I)
_STATE_PARTS_RE = re.compile(rf"\b{_COUNT_WORDS}\s+(?:of\s+(?:the|its|their)\s+)?(?:[a-z]+\s+)?"
                             r"(?:counties|municipalities|parishes)\b", re.I)


# strikes on settlements the text counts but does not name: "strikes on three villages
# outside traditional strongholds", "raids on several towns"
_UNNAMED_SETTLEMENTS_RE = re.compile(rf"\b(?:(?:air|drone|missile|rocket|artillery)\s*)?(?:strikes?|attacks?|raids?|"
                                     rf"shelling|bombardments?|bombings?)\s+(?:on|of|against|in|hit(?:ting)?)\s+"
                                     rf"(?:{_COUNT_WORDS}|several|multiple|many|various)\s+(?:[a-z-]+\s+)?"
                                     r"(?:villages|towns|hamlets|settlements|communities)\b", re.I)


def unnamed_settlements(clause: str) -> bool:
    """Whether a clause tells strikes on settlements it counts but does not name ("strikes
    on three villages ... killed 15"): its figures are of places the text does not say, so
    a city the text named before is not theirs (its country is, at most)."""
    return bool(_UNNAMED_SETTLEMENTS_RE.search(clause))


def holder_kind(clause: str) -> str:
    """The kind of area that holds what a clause counts: "country" for provinces, states,
    oblasts ("28 per cent were from two states"), "admin1" for counties ("reports from 30
    counties"), else "". A figure of such a clause goes on that area, not on a town in it."""
    if _COUNTRY_PARTS_RE.search(clause):
        return "country"
    if _STATE_PARTS_RE.search(clause):
        return "admin1"
    return ""


def region_of(text: str, ref: Ref, lo: int, hi: int, gazetteer) -> object | None:
    """The first-level area a populated place's name stands for here ("Kharkiv region",
    "the death toll by province ... 658 in Latakia"): the admin1 the place is in, when
    the text says region/province/state and the area bears the place's name; or the
    second-level area of its name that the text says ("in Leyte province"). None else."""
    if ref.kind != "populated_place" or not ref.admin1 or gazetteer is None:
        return None
    said = _REGION_WORD_RE.match(text[ref.end:ref.end + 20]) or _REGIONS_CONTEXT_RE.search(text[lo:hi]) or (
        # "183 Sumy settlements": a count of the places of the area the name stands for
        _SETTLEMENTS_AFTER_RE.match(text, ref.end) and re.search(rf"\b{_COUNT_WORDS}\s+$", text[max(0, ref.start - 30):ref.start]))
    area = gazetteer.admin1(ref.admin1) if said else None
    surface = re.sub(r"[^a-z]", "", text[ref.start:ref.end].lower())[:4]
    name = re.sub(r"[^a-z]", "", _fold(area.name).lower()) if area is not None else ""
    if area is not None and surface and surface in name:
        return area
    if _AREA_WORD_RE.match(text, ref.end):
        # "in Leyte province", "Hardin County": the second-level area of that name in the
        # town's first-level area, when the gazetteer has one
        from geo.namekey import normalize

        key = normalize(text[ref.start:ref.end])
        if gazetteer.has_name(key):
            areas = [c.place for c in gazetteer.candidates(key)
                     if c.place.kind == "admin2" and c.place.admin1 == ref.admin1]
            if len(areas) == 1:
                return areas[0]
    return None


def _fold(s: str) -> str:
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


# "the region", "the province", "the country's western border": the area the text is in
# "the South Asian nation", "the war-torn country": a country, described
_AREA_ANAPHOR_RE = re.compile(r"\b(?i:the|this|that)\s+(?:(?P<n>(?i:region|oblast|province|governorate))|"
                              r"(?P<k>(?i:county))|"
                              r"(?:(?:[A-Z][a-z]+|[a-z]+-[a-z]+|island|landlocked|impoverished|tiny|small|"
                              r"whole|entire)\s+){0,2}(?P<c>(?i:country|nation)))"
                              r"(?:’s|'s)?\b(?!\s+(?:of|in)\b)")


def area_anaphors(text: str, refs: list[Ref], gazetteer) -> list[tuple[Ref, object]]:
    """'the region' -> the first-level area of the place named last before it; 'the
    county' -> the county named last before it; 'the country' -> the country named last
    before it, else the last place's country. Each with the gazetteer entry the
    reference stands for (to list among the places)."""
    out: list[tuple[Ref, object]] = []
    if gazetteer is None:
        return out
    spans = [(r.start, r.end) for r in refs]
    for m in _AREA_ANAPHOR_RE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in spans):
            continue
        before = [r for r in refs if r.end <= m.start() and not r.anaphor]
        if not before:
            continue
        area = None
        if m.group("c"):
            # "the Burundian government ... the country's border": the country its sentence's
            # adjective names, else the country named last before it
            lo = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            # (not an attacker's: "an Israeli strike in the country's south" is not Israel's south)
            adj = [c for c in (_country_of_demonym(gazetteer, w.group(0))
                               for w in _DEMONYM_WORD_RE.finditer(text, lo, m.start())
                               if not _ACTOR_AFTER_RE.match(text, w.end())) if c is not None]
            named = [r for r in before if r.kind == "country"]
            area = adj[-1] if adj else gazetteer.get(named[-1].place_id) if named \
                else gazetteer.country(before[-1].country_code)
        elif m.group("k"):
            # "the county": the county named last before it (none: no guess)
            county = next((r for r in reversed(before) if r.kind == "admin2"), None)
            area = gazetteer.get(county.place_id) if county is not None else None
        else:
            last = before[-1]
            if last.kind == "admin1":
                area = gazetteer.get(last.place_id)
            elif last.admin1:
                area = gazetteer.admin1(last.admin1)
        if area is None:
            continue
        out.append((Ref(m.start(), m.end(), area.place_id, area.kind, area.admin1, area.country_code,
                        3 if area.kind in ("country", "admin1") else 2, anaphor=True), area))
    for m in _DEMONYM_LAND_RE.finditer(text):
        a, b = m.span("adj")
        country = None if any(x < b and a < y for x, y in spans) else _country_of_demonym(gazetteer, m.group("adj"))
        if country is not None:
            out.append((Ref(a, b, country.place_id, country.kind, country.admin1, country.country_code, 3,
                            anaphor=True), country))
    return out


# "onto Italian shores" where the geoparser has no mention of the adjective: the country
_DEMONYM_LAND_RE = re.compile(r"\b(?:on|onto|to|in|into|reach\w*|inside)\s+(?P<adj>[A-Z][a-z]+)"
                              r"(?=(?:\s+[a-z]+)?" + _COUNTRY_LAND_RE.pattern + r")")
_ACTOR_AFTER_RE = re.compile(r"\s+(?:air\s+|drone\s+|missile\s+|artillery\s+)?(?:strikes?|attacks?|raids?|"
                            r"shelling|bombardment|forces|troops|army|military|soldiers|warplanes|jets|drones|"
                            r"missiles|offensive|incursion|fire)\b", re.I)
_DEMONYM_WORD_RE = re.compile(r"\b[A-Z][a-z]+(?:ian|ese|an|i|ish)\b")

# "the Malian capital", "the capital": a country's capital, said without its name
_CAPITAL_RE = re.compile(r"\b(?:the|its)\s+(?:(?P<adj>[A-Z][a-z]+)\s+)?capital\b(?!\s+(?:of|city of)\b)"
                         r"(?!\s+(?:city|cities|gains?|goods|expenditure|spending|investment|markets?|"
                         r"flight|punishment|letters?)\b)")
# a demonym's endings and what the country's name ends with instead ("Malian" -> "Mali")
_DEMONYM_ENDINGS = (("ians", ("ia", "")), ("ian", ("ia", "", "e", "a")), ("ese", ("", "a", "e")),
                    ("an", ("a", "", "e")), ("i", ("",)), ("ish", ("", "ey", "and")), ("n", ("",)))


def _country_of_demonym(gazetteer, adj: str):
    key = _fold(adj).lower()
    for end, repls in _DEMONYM_ENDINGS:
        if key.endswith(end) and len(key) - len(end) >= 3:
            for r in repls:
                k = key[: -len(end)] + r
                if gazetteer.has_name(k):
                    for c in gazetteer.candidates(k)[:3]:
                        if c.place.kind == "country":
                            return c.place
    return None


def capital_refs(text: str, refs: list[Ref], gazetteer) -> list[tuple[Ref, object]]:
    """'the Malian capital' -> the capital of the country the adjective names; 'the
    capital' -> the capital of the country named last before it (else of the last
    place's country). Each with the gazetteer entry (to list among the places)."""
    out: list[tuple[Ref, object]] = []
    if gazetteer is None:
        return out
    from geo.countries import capitals

    # one walk through the refs (in text order) beside the matches: linear in the text
    ordered = sorted(refs, key=lambda r: r.start)
    i, last_cc, last_country_cc, inner_end = 0, "", "", -1
    for m in _CAPITAL_RE.finditer(text):
        while i < len(ordered) and ordered[i].start < m.end():
            r = ordered[i]
            if r.kind != "country":
                inner_end = max(inner_end, r.end) if r.start < m.end() else inner_end
            if r.end <= m.start() and not r.anaphor:
                last_cc = r.country_code
                if r.kind == "country":
                    last_country_cc = r.country_code
            i += 1
        if inner_end > m.start():
            continue                # part of a name the geoparser found ("Capital Region")
        country = None
        if m.group("adj"):
            country = _country_of_demonym(gazetteer, m.group("adj"))
            if country is None:
                continue            # "the Tory capital": no country's adjective
        else:
            cc = last_country_cc or last_cc
            country = gazetteer.country(cc) if cc else None
        if country is None:
            continue
        key = capitals().get(country.country_code)
        if not key or not gazetteer.has_name(key):
            continue
        cands = [c.place for c in gazetteer.candidates(key)
                 if c.place.kind == "populated_place" and c.place.country_code == country.country_code]
        if not cands:
            continue
        city = max(cands, key=lambda p: p.population)
        out.append((Ref(m.start(), m.end(), city.place_id, city.kind, city.admin1, city.country_code,
                        1, anaphor=True), city))
    return out


def area_ref(at: Ref, area) -> Ref:
    """A Ref to the gazetteer area `area` (an admin1 or a country), said at `at`'s span."""
    return Ref(at.start, at.end, area.place_id, area.kind, area.admin1, area.country_code,
               3 if area.kind in ("country", "admin1") else 2, anaphor=at.anaphor)


# a figure said of a whole country or state: "554 cases countrywide", "the national recovery
# rate", "homes damaged statewide"
_WHOLE_COUNTRY_RE = re.compile(r"\b(?:nationwide|countrywide|(?:across|around) the (?:country|nation)|throughout the "
                               r"(?:country|nation)|all over the country|in the country|"
                               r"national (?:[\w-]+\s+){0,2}?(?:total|toll|tally|rate|figures?|count|average))\b", re.I)
_WHOLE_STATE_RE = re.compile(r"\b(?:statewide|state-wide|province-?wide|across the (?:state|province)|"
                             r"throughout the (?:state|province))\b", re.I)


def whole_area(clause: str, at: Ref | None, refs: list[Ref], gazetteer):
    """The country or first-level area a clause says its figure is for ("countrywide",
    "statewide"): the first the article names (a ref of that kind), else that of `at` (the
    place the article is about), or None. A Ref for a named one, else a gazetteer entry."""
    if gazetteer is None:
        return None
    for rx, kind in ((_WHOLE_COUNTRY_RE, "country"), (_WHOLE_STATE_RE, "admin1")):
        if not rx.search(clause):
            continue
        named = next((r for r in refs if r.kind == kind and not r.anaphor), None)
        if named is not None:
            return named
        if at is None or at.kind == UNRESOLVED:
            return None
        if kind == "country":
            return gazetteer.country(at.country_code) if at.country_code else None
        return gazetteer.admin1(at.admin1) if at.admin1 and at.kind != "admin1" else None
    return None


def common_area(refs: list[Ref], gazetteer):
    """The smallest area that holds each of two or more different places (a total told
    place by place: "200 injured, including 147 in X and 60 in Y"; "Ondo had 33, Edo 29"):
    their first-level area when all are towns of one, else their country when they share
    one. None for fewer than two places, places in several countries, or no gazetteer."""
    places = {r.place_id: r for r in refs if r.kind not in ("region", UNRESOLVED)}
    if len(places) < 2 or gazetteer is None:
        return None
    rs = list(places.values())
    if len({r.country_code for r in rs}) != 1 or not rs[0].country_code:
        return None
    a1 = {r.admin1 for r in rs}
    if len(a1) == 1 and rs[0].admin1 and all(r.kind in ("populated_place", "facility") for r in rs):
        return gazetteer.admin1(rs[0].admin1)
    if any(r.kind == "country" for r in rs):
        return None
    return gazetteer.country(rs[0].country_code)
