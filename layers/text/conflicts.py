"""When two figures of the same measure, place and period agree, repeat or contradict.

Used by extraction (`mark_conflicts`: the figures of one article) and by the merge of a
batch (`compatible`: the qualifier rules, across articles). Two different values
contradict unless a qualifier makes them compatible ("at least 40" and 52), one is a
past figure ("once 50,000"), their times do not overlap, or, within one article, they do
not dispute each other (`disputes`: parts of one whole, or two holders' figures).
"""

from __future__ import annotations

import re

from layers.model import Claim
from layers.text.attribution import UNATTRIBUTED

__all__ = ["overlap", "compatible", "disputes", "mark_conflicts", "FOCAL_NOTE", "AFTER_NOTE"]


def overlap(a: Claim, b: Claim) -> bool:
    """Whether two claims' times overlap (an undated claim overlaps any)."""
    def rng(c: Claim):
        s = c.date_start or ""
        e = c.date_end or ""
        if not s and not e:
            return None
        lo = s or "0000"
        hi = e or ("9999" if c.period.startswith(("since", "from")) else s)
        return lo, hi + "\uffff"
    ra, rb = rng(a), rng(b)
    if ra is None or rb is None:
        return True
    return ra[0] <= rb[1] and rb[0] <= ra[1]


_PAST = {"once"}
_LOWER = {"at least", "more than", "over", "upwards of", "in excess of"}
_UPPER = {"up to", "fewer than", "less than", "under", "as many as"}


#: a count still running when it was said ("at midday, already, the police counted ..."):
#: a larger figure later that day does not contradict it
_RUNNING_RE = re.compile(r"\b(?:already|so far|at midday|by midday|at noon|by noon|by mid-?morning|"
                         r"by mid-?afternoon|by early afternoon)\b", re.I)


def compatible(a: Claim, b: Claim) -> bool:
    """True when two different values need not contradict each other."""
    if (a.qualifier in _PAST) != (b.qualifier in _PAST):
        return True
    for x, y in ((a, b), (b, a)):
        if x.qualifier in _LOWER and y.value >= x.value:
            return True
        if y.value > x.value and x.text and _RUNNING_RE.search(x.text) and not _RUNNING_RE.search(y.text or ""):
            return True
        if x.qualifier in _UPPER and y.value <= x.value:
            return True
    return False


#: a second figure said as a revision of the first ("now", "initially", "downgraded from")
_REVISION_RE = re.compile(r"\b(?:earlier|initial(?:ly)?|original(?:ly)?|previous(?:ly)?|revis\w*|"
                          r"updated?|downgraded|upgraded|now|(?:rose|risen|climbed|jumped) to|"
                          r"increase over|up from|down from|disput\w*|contradict\w*|denied)\b", re.I)
#: between two figures of one sentence: a rival count ("735,000, against 650,000")
_CONTRAST_RE = re.compile(r"\b(?:against|whereas|but|however|disput\w*|contradict\w*|earlier|"
                          r"initial(?:ly)?|original(?:ly)?|previous(?:ly)?|revised)\b", re.I)
# whose figure it is: "BJP got 46.27%", "the Congress won 42.23%", "Congress, with 64 seats"
_HOLDER_RE = re.compile(r"((?:[A-Z][\w.&’'-]*\s+){0,3}[A-Z][\w.&’'-]*),?\s+(?:(?:has|have|had)\s+)?"
                        r"(?:won|got|secured|received|obtained|took|gained|managed to get|with)\s+"
                        r"(?:(?:more than|about|around|nearly|some|only|just|at least)\s+)?$")


# the group a toll counts, named right after its number: "four policemen killed", "60
# suspects dead" (two groups' tolls of the dead, hurt, missing or held are two figures); a word
# any toll may use is no group
_NUMBER = (r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
           r"\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen)")
_GROUP_NOUN_RE = re.compile(rf"(?:[a-z]+\s+){{0,3}}?{_NUMBER}\s+([a-z]+(?:s|men|women))\b", re.I)
#: words for one group ("30 soldiers" and "32 troops" may contest)
_SAME_GROUP = {w: "troops" for w in ("soldiers", "servicemen", "servicemembers", "fighters")} | {
    w: "police" for w in ("policemen", "officers", "policewomen")}
_TOLLS = ("killed", "injured", "wounded", "missing", "dead", "arrested", "detained")
_ANY_TOLL = {"people", "persons", "deaths", "dead", "bodies", "victims", "casualties", "others",
             "more", "residents", "civilians", "lives", "individuals", "fatalities", "injuries",
             "cases", "patients", "inhabitants", "adults", "citizens", "humans", "souls"}


def _holder(c: Claim, text: str) -> str:
    if not text or c.span_start < 0:
        return ""
    m = _HOLDER_RE.search(text[max(0, c.span_start - 80):c.span_start])
    if m:
        return m.group(1).lower()
    if c.unit != "people" or c.measure not in _TOLLS:
        return ""
    g = _GROUP_NOUN_RE.match(text, c.span_start, c.span_end + 30)
    if g and g.group(1).lower() not in _ANY_TOLL:
        return _SAME_GROUP.get(g.group(1).lower(), g.group(1).lower())
    return ""


# a part of a figure said before it: "including 72 in Tartus", "six of them children",
# "three minors were among those killed"
_PART_BEFORE_RE = re.compile(r"\b(?:including|includ\w+|among them|of them|of whom|of which|such as)\s+"
                             r"(?:(?:at least|about|around|nearly|some|more than)\s+)?$", re.I)
_PART_AFTER_RE = re.compile(r"^[^.;]{0,40}?\b(?:were|was|are|is)\s+among\b", re.I)


# an increment, not a total: "two more bodies", "40 new cases", "another 300"
_MORE_RE = re.compile(r"[\w,.]+\s+(?:more|new|additional|further)\b(?!\s+than)", re.I)


#: the note of a claim put on the article's focal place because its text names none
FOCAL_NOTE = "place from context: the place the article is about"
#: the note of a claim of a lead that names no place put on the place the next sentence names
AFTER_NOTE = "place from the sentence after"


def _guessed_place(a: Claim, b: Claim) -> bool:
    """Whether one claim's place was guessed for want of one (the article's, or the next
    sentence's) and the other's not so: a figure that names no place is often a wider
    total ("24 hurt across nine regions", "7 hurt in one of them")."""
    return any((note in a.note) != (note in b.note) for note in (FOCAL_NOTE, AFTER_NOTE))


def _part(c: Claim, text: str) -> bool:
    if not text or c.span_start < 0:
        return False
    return bool(_PART_BEFORE_RE.search(text[max(0, c.span_start - 40):c.span_start])
                or _PART_AFTER_RE.match(text[c.span_end:c.span_end + 60])
                or _MORE_RE.match(text[c.span_start:c.span_end + 12])
                or re.search(r"\balso\b[^.;,]{0,30}$", text[max(0, c.span_start - 40):c.span_start])
                or re.search(r"\b(?:another|a further|an additional)\s+$", text[max(0, c.span_start - 20):c.span_start],
                             re.I))


#: measures that do not say what they count ("tonnage", a "share" of nothing named): two
#: such figures may be of two different things, so neither contests the other
_UNNAMED = {"tonnage", "share", "count", "amount", "money", "change"}
#: measures of a result told holder by holder (a candidate's votes, a party's seats): two
#: values at one place are two holders' figures, not rival counts, unless one is a revision
_BY_HOLDER = {"votes", "vote_share", "seats"}

#: measures that count one flow of people: those who "crossed into" a country and those
#: who "arrived" there ("10,000 have crossed the border, the government said"; "30,000
#: have arrived, the UN estimates": rival counts)
_ONE_FLOW = {"refugees": "arrivals", "refugee_arrivals": "arrivals"}

#: units counted in whole numbers: a figure of one with a fraction is no count of it (a
#: magnitude or a rate misread as a toll) and contests nothing
_WHOLE_UNITS = {"people"}

#: two counts of one thing that differ by more than this factor are not rival counts of it:
#: the smaller is a part or another episode ("1,835 wounded" in a country, "16 emergency
#: workers wounded"; "558 killed" in a day, "45 dead in that strike"); rival and revised
#: counts of one toll seen in the development articles differ by at most 3.3x ("now 13",
#: "an earlier count was four"; "2.8 million" marchers against "1.27 million")
MAX_RIVAL_RATIO = 10

#: a figure is compared with at most this many figures of its group (measure, place, unit,
#: period) said nearest to it: a news article's groups are far smaller, and a text of
#: thousands of like figures stays linear (2,000 lines of "Shelling killed N people in
#: Kharkiv" took 2 minutes compared pairwise)
MAX_COMPARED = 50
#: a contested figure names at most this many of the figures that contest it in
#: ``conflicts_with`` (its output stays linear in the text)
MAX_LISTED = 25


#: a figure said right after a lower bound, in one phrase with it: the bound is said for
#: both ("more than 70 people dead and 200 wounded": more than 200 wounded)
_SHARED_LOWER_RE = re.compile(r"\b(?:more than|at least|over|upwards of|in excess of)\s+[\d,.]+"
                              r"(?:\s+[a-z]+){0,3}\s+and\s+$", re.I)


class _Traits:
    """What `disputes` reads of one claim, read once (its regular expressions cost more
    than the comparisons)."""

    __slots__ = ("part", "holder", "head", "revision", "lower")

    def __init__(self, c: Claim, text: str, heads: tuple) -> None:
        self.part = _part(c, text)
        self.holder = _holder(c, text)
        self.head = any(lo <= c.span_start < hi for lo, hi in heads)
        self.revision = bool(_REVISION_RE.search(c.text)) if c.text else False
        self.lower = bool(text) and c.span_start >= 0 and c.qualifier == "" and bool(
            _SHARED_LOWER_RE.search(text[max(0, c.span_start - 60):c.span_start]))


def disputes(a: Claim, b: Claim, text: str = "", heads: tuple = (), traits=None) -> bool:
    """Whether two different values of one measure, place and time dispute each other.

    Without their sentences (claims made by hand) any two do. Otherwise figures of two
    holders ("BJP got 46%", "Congress won 42%") never do; figures of two sources do; one
    source's two figures do when one is in a headline, when the sentence sets them against
    each other ("735,000, against 650,000"), or when either is said as a revision ("now
    13", "initially 20"): parts of a whole ("killed 132, including 72 in Tartus") do not.
    """
    if not a.text or not b.text:
        return True
    lo, hi = sorted((abs(a.value), abs(b.value)))
    if lo > 0 and hi / lo > MAX_RIVAL_RATIO:
        return False
    ta, tb = traits if traits is not None else (_Traits(a, text, heads), _Traits(b, text, heads))
    if (ta.lower and b.value >= a.value) or (tb.lower and a.value >= b.value):
        return False                # "more than 70 dead and 200 wounded" and "255 wounded"
    if ta.part or tb.part:
        return False
    if _guessed_place(a, b) and not (ta.revision or tb.revision):
        # one was put on a place only for want of another; unless one is said as a revision
        # ("The army had earlier said that 10 soldiers had been killed"): the same toll, told on
        return False
    if ta.holder and tb.holder and ta.holder != tb.holder:
        return False
    if a.measure in _BY_HOLDER and not (ta.revision or tb.revision):
        return False
    if a.source != b.source:
        return True
    if ta.head or tb.head:
        return True
    if a.text == b.text:
        first, second = sorted((a, b), key=lambda c: c.span_start)
        between = text[first.span_end:second.span_start] if text else a.text
        return bool(_CONTRAST_RE.search(between)) or _revised_pair(a, b)
    return ta.revision or tb.revision


#: a sentence that says its figures revise one another ("The latest revision of the plan
#: reduced the number of homes needed from 45,000 to 36,000"): the earlier figure is not a
#: past one of another time but the one revised
_REVISED_RE = re.compile(r"\b(?:revis(?:ed|ion|ions|ing)|downgraded|upgraded|corrected|correction)\b", re.I)


def _revised_pair(a: Claim, b: Claim) -> bool:
    return bool(a.text) and a.text == b.text and (a.qualifier == "once") != (b.qualifier == "once") \
        and bool(_REVISED_RE.search(a.text))


def mark_conflicts(claims: list[Claim], text: str = "", heads: tuple = ()) -> list[Claim]:
    """Merge repeats and mark contested figures (see the module's notes). In place; returns it.

    `text` is the article's text and `heads` the (start, end) spans of its headline: with
    them, only figures that dispute each other (`disputes`) are contested."""
    kept: list[Claim] = []
    by_key: dict[tuple, Claim] = {}
    for c in claims:
        if c.measure:
            key = ("fig", c.measure, tuple(c.place_ids) or c.unresolved_place, c.value, c.unit)
        else:
            key = ("event", c.category, tuple(c.place_ids) or c.unresolved_place, c.relation, c.date_start,
                   c.span_start if c.relation == "" and c.category not in ("territorial",) else 0)
            if c.category == "territorial":
                key = key[:5]
        first = by_key.get(key)
        if first is not None and c.measure and c.period and first.period and c.period != first.period:
            key = key + (c.period,)              # the same figure over another span of time
            first = by_key.get(key)
        if first is None:
            by_key[key] = c
            kept.append(c)
            continue
        if not first.date_start and c.date_start:
            first.date_start, first.date_end, first.time_precision = (c.date_start, c.date_end,
                                                                      c.time_precision)
        if first.source == UNATTRIBUTED and c.source != UNATTRIBUTED:
            first.source = c.source
        if c.measure and c.period and not first.period:
            first.period = c.period
    claims[:] = kept
    for c in claims:
        c.conflicts_with = []
        c.contested = False
    groups: dict[tuple, list[Claim]] = {}
    for c in claims:
        if c.unit in _WHOLE_UNITS and c.value is not None and c.value != int(c.value):
            continue                # "8.2 killed": a count of people is whole; this one is misread
        if c.measure and c.measure not in _UNNAMED and (c.place_ids or c.unresolved_place):
            where = c.place_ids[0] if c.place_ids else "?" + c.unresolved_place
            groups.setdefault((_ONE_FLOW.get(c.measure, c.measure), where, c.unit, c.period), []).append(c)
    for group in groups.values():
        traits = {id(c): _Traits(c, text, heads) for c in group} if text else {}
        for i, a in enumerate(group):
            for b in group[i + 1:i + 1 + MAX_COMPARED]:
                if a.value == b.value or not overlap(a, b) or (compatible(a, b) and not _revised_pair(a, b)) \
                        or not disputes(a, b, text, heads,
                                        (traits[id(a)], traits[id(b)]) if traits else None):
                    continue
                a.contested = b.contested = True
                if len(a.conflicts_with) < MAX_LISTED:
                    a.conflicts_with.append(b.claim_id)
                if len(b.conflicts_with) < MAX_LISTED:
                    b.conflicts_with.append(a.claim_id)
    return claims
