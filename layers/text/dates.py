"""Dates written in news prose, normalised against the article's date.

A small grammar on the standard library (no dateparser: it takes about half a second
to import, and `claimmap build` pays for every import). It reads:

- full dates: "June 29, 2025", "29 June 2025", "Jun. 29 2025", "2025-06-29" (day);
- months: "January 2025", "in December 2024" (month); "last December", "this March",
  "next May" and a bare "in December" (month, the year taken from the reference date:
  "last December" in a June 2025 article is 2024-12, a bare month is its latest
  occurrence not after the reference month);
- a month and day without a year, "on June 12" (day, year from the reference date);
- years: "in 2023", "since 2014" (year);
- relative days and spans: "today", "yesterday", "on Monday", "since Friday", a bare
  weekday ("said Sunday", "Tuesday's attacks", "Monday night") (day), "last week" (day of
  that week's start is not claimed: month precision), "last month", "last year",
  "N years ago" (year);
- a leading "since"/"from" makes the date the start of an open period; "until"/"through"
  makes it the end; "between X and Y" / "from X to Y" make a range.

Context phrases such as "more than three years into the war" or "the war's fourth year"
are not dates of a claim: they are left alone.

>>> from datetime import date
>>> [(d.text, d.start_iso, d.precision) for d in find_dates("last December", date(2025, 6, 29))]
[('last December', '2024-12', 'month')]
>>> d = find_dates("since capturing Avdiivka in February 2024", date(2025, 6, 29))[0]
>>> (d.start_iso, d.end_iso, d.kind)
('2024-02', '', 'since')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["MONTHS", "DateMention", "find_dates", "parse_iso_date", "iso_precision", "REPORT_DATE_NOTE",
           "SAME_EVENT_RE", "EventNoun", "event_keys", "event_dates", "date_of_event",
           "same_matter", "event_date", "other_event", "that_year", "sole_event_date", "said_on",
           "standing", "across_contrast"]

#: a sentence that goes back to an event told before ("45 dead in that strike", "the same
#: attack"): its date is that event's, said earlier, in another paragraph too
SAME_EVENT_RE = re.compile(r"\b(?:that|the same|this|the earlier)\s+(?:[a-z]+\s+)?(?:strike|attack|raid|"
                           r"bombing|bombardment|blast|explosion|shelling|assault|ambush|incident|"
                           r"storm|flood|earthquake|quake|fire|crash|collision|shooting|landslide)s?\b", re.I)

# the nouns a news text names an event by, each with the key of what it names ("the quake",
# "the earthquake" and "the temblor" are one event; "the typhoon" and "the storm" one)
_EVENT_NOUN_RE = re.compile(
    r"\b(?:(?P<quake>earthquakes?|quakes?|temblors?|tremors?)|(?P<storm>storms?|typhoons?|hurricanes?|"
    r"cyclones?|tornado(?:e?s)?|rain|rains|rainfall|downpours?)|(?P<flood>floods?|flooding)|"
    r"(?P<fire>wildfires?|bushfires?|blazes?|forest fires?|fires?)|(?P<landslide>landslides?|mudslides?)|"
    r"(?P<attack>attacks?|raids?|assaults?|ambush(?:es)?|bombings?|strikes?)|"
    r"(?P<blast>blasts?|explosions?)|(?P<shooting>shootings?)|(?P<clash>clashes)|"
    r"(?P<crash>crash(?:es)?|collisions?|derailments?))\b", re.I)
# what comes before an event noun says which event it is: one told before ("the attack",
# "Thursday's attacks"), a new one ("an attack"), or another one ("an earlier strike", "the
# latest quake", "the largest storm", a comparison)
_DET_RE = re.compile(r"(?:^|[\s(“\"])(the|this|that|these|those|its|their|a|an|[\w’']+(?:'s|’s))\s+"
                     r"((?:[\w’'.-]+\s+){0,3})$", re.I)
_OTHER_RE = re.compile(r"\b(?:another|earlier|previous|prior|latest|new|first|only|second|third|last|next|largest|"
                       r"biggest|worst|strongest|deadliest|most|similar|other|past|recent|\d{4})\b", re.I)
# a date a statement was made on, not its event's: "..., she told the radio on Friday" (not
# a date inside what is said: "he said the fire started at 4am on Thursday")
_STATEMENT_BEFORE_RE = re.compile(r"\b(?:said|says|told|reported|announced|stated|confirmed|added|wrote|"
                                  r"posted|statement|condemned)\b(?:(?!\b(?:that|was|were|had|started|began|"
                                  r"broke|struck|hit|happened|occurred|erupted)\b)[^.;]){0,40}$", re.I)


# "fire" names a blaze only after a determiner ("the fire started at 4am"), not before the
# words of those who fight it ("the fire service") nor after a weapon ("the artillery fire")
_NOT_A_FIRE_RE = re.compile(r"[\s-]+(?:service|services|brigade|brigades|fighters?|department|station|"
                            r"truck|trucks|engine|engines|crews?|chief|officials?|safety|alarm|exit|escape|"
                            r"hazard|risk|danger|season|ban|break)\b", re.I)
_GUNFIRE_RE = re.compile(r"\b(?:artillery|gun|rocket|mortar|sniper|machine-gun|tank|cross|enemy|small-arms|"
                         r"heavy|friendly|naval|automatic|live|shell|return|ceasefire)\b", re.I)


@dataclass(frozen=True)
class EventNoun:
    """An event named by a noun: its key ("quake", "storm", "attack", ...), position, how
    it is referred to ("told": one told before or named; "new": "an attack"; "other":
    "an earlier strike", "the largest storm") and its proper name ("Gombe" in "Cyclone
    Gombe"), if any."""

    key: str
    at: int
    ref: str
    name: str = ""


def event_keys(text: str) -> list[EventNoun]:
    """Each event noun in `text`, in order.

    >>> [(e.key, e.ref, e.name) for e in event_keys("The typhoon brought rain after an earlier quake.")]
    [('storm', 'told', ''), ('storm', 'told', ''), ('quake', 'other', '')]
    >>> [(e.key, e.ref, e.name) for e in event_keys("Cyclone Gombe passed over Madagascar.")]
    [('storm', 'told', 'Gombe')]
    """
    out, prev = [], None
    for m in _EVENT_NOUN_RE.finditer(text):
        before = text[max(0, m.start() - 50):m.start()]
        det = _DET_RE.search(before)
        if m.group(0).lower() in ("fire", "fires") and (
                det is None or _NOT_A_FIRE_RE.match(text, m.end()) or _GUNFIRE_RE.search(det.group(2) or "")):
            continue                # "came under fire", "the fire service", "artillery fire": no blaze
        # a storm's name: "Cyclone Gombe", "typhoon Maria" (not "the attack Thursday")
        name = re.match(r"\s+([A-Z][a-z]+)\b", text[m.end():])
        name = name.group(1) if name and m.lastgroup == "storm" and name.group(1).lower() not in MONTHS \
            and name.group(1).lower() not in _WEEKDAYS else ""
        if det and _OTHER_RE.search(det.group(2) or ""):
            ref = "other"
        elif det and det.group(1).lower() in ("a", "an"):
            ref = "new"
        else:
            ref = "told"         # "the storm", "Thursday's attack", "Cyclone Gombe", "heavy rain"
        if prev is not None and prev.end() >= m.start() - 5:
            ref = out[-1].ref     # "storms and tornadoes", "the typhoon brought rains": one phrase
        out.append(EventNoun(m.lastgroup, m.start(), ref, name))
        prev = m
    return out


def event_dates(texts: list[str], dates: list[list[DateMention]]) -> dict[str, list[tuple[int, DateMention, EventNoun]]]:
    """Where the text dates each event it names: for each event key (`event_keys`), the
    (sentence index, date, noun) of the sentences that name it with a point in time ("The
    attack in X happened in the early hours of Thursday", "Thursday's attacks"), the most
    precise date, nearest the noun; a date a statement was made on is not its event's, and
    another event of its kind ("an earlier strike") dates nothing."""
    out: dict[str, list[tuple[int, DateMention, EventNoun]]] = {}
    rank = {"day": 0, "month": 1}
    for i, (text, found) in enumerate(zip(texts, dates)):
        # (a day or a month: a year is a context; not an offset, "a week after another
        # attack", which dates what follows it)
        points = [d for d in found if d.kind in ("point", "range") and d.precision in ("day", "month")
                  and not _OFFSET_RE.fullmatch(d.text)
                  and not _STATEMENT_BEFORE_RE.search(text[max(0, d.start - 40):d.start])]
        if not points:
            continue
        for ev in event_keys(text):
            if ev.ref == "other":
                continue
            best = min(points, key=lambda d: (rank.get(d.precision, 3), min(abs(d.start - ev.at), abs(ev.at - d.end))))
            if not out.get(ev.key) or out[ev.key][-1][0] != i:
                out.setdefault(ev.key, []).append((i, best, ev))
    return out


# a contrast starts another matter: "The storm hit the Midwest, but the utility has hired 300 linemen"
_CONTRAST_RE = re.compile(r"[,;]\s+(?:but|while|whereas|although|though|yet)\s|;\s", re.I)


# a toll that stands as of the report: "4 people have died", "the cyclone has displaced 11,629"
_STANDING_RE = re.compile(r"\b(?:has|have)\s+(?:now\s+|so far\s+|also\s+|since\s+|already\s+)?(?:been\s+)?"
                          r"[a-z]+(?:ed|en|wn|t)\b", re.I)


def same_matter(text: str, nouns: list[EventNoun], pos: int) -> list[EventNoun]:
    """The event nouns of `text` said in the same matter as position `pos` (not across a
    contrast: ", but ...", ", while ...", ";"), none when that matter is a toll standing as
    of the report ("4 people have died as a result of heavy rain": the report's date)."""
    cuts = [0] + [m.start() for m in _CONTRAST_RE.finditer(text)] + [len(text)]
    lo = max(c for c in cuts if c <= pos)
    hi = min(c for c in cuts if c > pos) if any(c > pos for c in cuts) else len(text)
    if _STANDING_RE.search(text[max(lo, pos - 30):min(hi, pos + 40)]):
        return []
    return [e for e in nouns if lo <= e.at < hi]


def said_on(text: str, d: DateMention) -> bool:
    """Whether `d` dates a statement in `text` ("..., she told the radio on Friday"), not
    what the statement tells."""
    return bool(_STATEMENT_BEFORE_RE.search(text[max(0, d.start - 40):d.start]))


def standing(text: str, pos: int) -> bool:
    """Whether what `text` says at `pos` is told as standing at the report ("4 people have
    died", "has displaced 11,629")."""
    return bool(_STANDING_RE.search(text[max(0, pos - 50):pos + 40]))


#: event kinds one event is told by (an attack's shooting and blasts; a storm's floods
#: and landslides)
_FAMILY = {"shooting": "attack", "blast": "attack", "clash": "attack", "flood": "storm", "landslide": "storm"}


def across_contrast(text: str, pos: int, d: DateMention) -> bool:
    """Whether date `d` is said in another matter than a figure at `pos` told as standing
    at the report ("The fire was discovered on June 6, but has grown to 96 square
    kilometres": June 6 is the discovery's date, the area the report's)."""
    if not standing(text, pos):
        return False
    lo, hi = sorted((d.end, pos) if d.end <= pos else (pos, d.start))
    return bool(_CONTRAST_RE.search(text[lo:hi]))


def sole_event_date(index: dict, texts: list[str]) -> tuple[DateMention, int] | None:
    """The date of the one event an article names (`event_dates`; `texts`: its sentences),
    with the index of the sentence that dates it: the toll of an article about one attack
    or one quake, told in a sentence that names neither it nor a date ("Initial estimates
    put the number of those killed at 20"; "Two children were killed in the neighbouring
    state"), is that event's. None when the text names events of two kinds (a strike and
    a quake; `_FAMILY` are one kind), or dates one kind on two days."""
    dated = [(i, d) for got in index.values() for i, d, e in got if e.ref != "other"]
    if not dated or len({d.start_iso for _, d in dated}) != 1:
        return None
    named = {_FAMILY.get(e.key, e.key) for t in texts for e in event_keys(t) if e.ref != "other"}
    if len(named) != 1:
        return None
    i, d = dated[0]
    return d, i


def event_date(index: dict, text: str, sentence: int, pos: int) -> tuple[DateMention, str] | None:
    """The date of an event sentence `sentence` (`text`) names at `pos` that the text dates
    elsewhere (`date_of_event`), with a note; None when there is none, or when what is said
    at `pos` is a toll that stands as of the report."""
    got = date_of_event(index, sentence, same_matter(text, event_keys(text), pos))
    if got is None:
        return None
    d, before = got
    return d, f"date of the event, from '{d.text}' {'earlier' if before else 'later'} in the text"


def other_event(text: str, pos: int, dated: str) -> bool:
    """Whether what `text` says at `pos` names an event that the sentence `dated`, whose date
    would be carried on, does not ("... the massacre last December. The attack also caused
    damage ...": the attack's date is not December), or is told in the present ("the 17
    hotspot districts are ...", "have been sent"): it stands as of the report."""
    if _PRESENT_RE.search(text[max(0, pos - 30):pos + 60]):
        return True          # "The 17 hotspot districts are ...": as of the report
    keys = {e.key for e in same_matter(text, event_keys(text), pos)}
    return bool(keys) and not keys & {e.key for e in event_keys(dated)}


# a figure told in the present stands as of the report, not as of a date said before it
_PRESENT_RE = re.compile(r"\b(?:is|are|remains?|stands?)\b|" + _STANDING_RE.pattern, re.I)


def date_of_event(index: dict, sentence: int, nouns: list[EventNoun]) -> tuple[DateMention, bool] | None:
    """The date the text gives elsewhere for an event a sentence names (`event_dates`), and
    whether it was said before: an event told before ("the typhoon brought rains") takes the
    date said for it earlier, else later; a new one ("an attack ... that killed 70") the date
    a later sentence gives it ("The attack happened on Thursday"); another one ("an earlier
    strike", "the latest quake") none. Events with different names ("Cyclone Gombe",
    "Storm Anna") are different."""
    for ev in sorted(nouns, key=lambda e: not e.name):      # a named event first
        if ev.ref == "other":
            continue
        cands = [(i, d, e) for i, d, e in index.get(ev.key, ()) if i != sentence
                 and (ev.name == e.name if ev.name else True)]
        before = [c for c in cands if c[0] < sentence]
        after = [c for c in cands if c[0] > sentence and c[2].ref == "told"]
        if ev.ref == "told" and before:
            return max(before, key=lambda c: c[0])[1], True
        if after:
            return min(after, key=lambda c: c[0])[1], False
    return None


#: the note of a claim dated by its report (the article's date): no date of its own was said
REPORT_DATE_NOTE = "date: the article's date"

#: month names and their usual abbreviations
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
_WEEK_NUMBERS = {w: i for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMWORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1}

_MON = (r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|"
        r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|"
        r"Oct\.?|Nov\.?|Dec\.?)(?![a-z])")
_YEAR = r"(?P<{n}>(?:19|20)\d\d)(?!\d|,\d|s\b)"
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"


def _m(n):
    return _MON.format(n=n)


def _y(n):
    return _YEAR.format(n=n)


def _d(n):
    return _DAY.format(n=n)


# one date expression; the order of the alternatives is the order of preference
_ONE = (
    rf"(?P<iso>(?<![\d-])(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\d-]))"
    rf"|(?P<mdy>{_m('m1')}\s+{_d('d1')},?\s+{_y('y1')})"
    rf"|(?P<dmy>{_d('d2')}\s+(?:of\s+)?{_m('m2')},?\s+{_y('y2')})"
    rf"|(?P<my>{_m('m3')},?\s+(?:of\s+)?{_y('y3')})"
    rf"|(?P<rel>(?P<rw>last|this|next|past|early|late|mid-?)\s*{_m('m4')})"
    rf"|(?P<md>{_m('m5')}\s+{_d('d5')}(?![\d,]*\s*(?:19|20)\d\d)(?!\d))"
    rf"|(?P<dm>\b{_d('d6')}\s+(?:of\s+)?{_m('m6')}(?!,?\s+(?:19|20)\d\d))"
    rf"|(?P<bm>(?P<bmp>\b(?:in|since|from|until|by|through|during|of)\s+)(?:early\s+|late\s+|mid-?)?"
    rf"(?P<m7>January|February|March|April|May|June|July|August|September|October|November|"
    rf"December)\b(?!\s+[0-3]?\d\b)(?!,?\s+(?:of\s+)?(?:19|20)\d\d))"
    # a financial year: "the 2022/23 financial year", "fiscal year 2021-22", "in 2018/19", "FY2024",
    # "fiscal 2023" (a range of the two years it spans, or the year it is named by)
    rf"|(?P<fy>(?P<fyp>\b(?:in|of|for|during|the|fiscal|financial|fiscal year|financial year)\s+)?"
    rf"(?P<fy1>(?:19|20)\d\d)\s*[/–-]\s*(?P<fy2>\d\d)(?!\d)"
    rf"(?!\s*(?:%|per))"
    rf"|(?P<fyn>\b(?:FY\s?|fiscal\s+(?:year\s+)?)(?P<fy3>(?:19|20)\d\d|\d\d)\b))"
    # the start of a part of a year: "the first four months of 2023", "the first half of 2024"
    rf"|(?P<fp>\bthe\s+first\s+(?:[a-z]+\s+)?(?:months?|half|quarter|weeks?)\s+of\s+(?P<y10>(?:19|20)\d\d))"
    # an epidemiological week: "in the reporting Week Nine", "epidemiological week 12"
    rf"|(?P<ew>\b(?:(?:epidemiological|epi|reporting)\s+)?[Ww]eek\s+(?P<ewn>\d{{1,2}}|one|two|three|four|five|"
    rf"six|seven|eight|nine|ten|eleven|twelve)\b)"
    rf"|(?P<yr>(?P<yrp>\b(?:in|since|from|until|by|through|during|of|early|late|mid|between|"
    rf"and|to)\s+)(?:early\s+|late\s+|mid-?)?(?P<y8>(?:19|20)\d\d)(?!\d|,\d|\.\d|\s*%|s\b))"
    # a year that dates the noun it comes before: "a devastating 1985 earthquake", "the 2019 floods"
    rf"|(?P<ym>(?P<ymp>\b(?:a|an|the|its|their|this|that)\s+(?:[a-z]+\s+)?)(?P<y9>(?:19|20)\d\d)"
    rf"(?=\s+[a-z]{{3,}}\b)(?!\s+(?:people|residents|troops|soldiers|homes|houses|cases|deaths|dead|"
    rf"killed|injured|families|percent|per|km|miles|metres|meters|tonnes|tons|dollars|euros|pounds)\b))"
    rf"|(?P<ago>\b(?P<an>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+"
    rf"(?P<au>years?|months?|weeks?|days?)\s+ago\b)"
    rf"|(?P<lu>\b(?:last|this|next|past)\s+(?P<lun>week|month|year)\b)"
    # a span that ends at the report: "in recent weeks", "over the past few days" (the report's month)
    rf"|(?P<rc>\b(?:in|over|during)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+|several\s+|couple of\s+)?"
    rf"(?P<rcu>days|weeks)\b)"
    rf"|(?P<td>\b(?:today|yesterday)\b)"
    rf"|(?P<wd>(?P<wdp>\b(?:on|since|last|into|until|by)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)
_ONE_RE = re.compile(_ONE, re.IGNORECASE)
_LEAD_RE = re.compile(r"\b(since|from|starting|beginning|until|till|through|by|between|as of)"
                      r"\s+(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+)?$", re.I)
# "since capturing Avdiivka in February 2024": the period starts at the event's date
_SINCE_EVENT_RE = re.compile(r"\bsince\s+(?:the\s+)?[a-z]+(?:ing|ure|ion|all)\b[^.;:!?()\d]{0,60}?"
                             r"\b(?:in|on)\s+$", re.I)
_JOIN_RE = re.compile(r"^\s*(?:to|until|till|through|and|-|–|—)\s*$", re.I)
_MONTH_CASE_RE = re.compile(r"^[A-Z]")
# a weekday said of what is to come: "will run the full length Thursday", "is due to open Monday"
_FUTURE_RE = re.compile(r"\b(?:will|shall|is to|are to|is due|are due|scheduled|expected to|next)\b[^.;]{0,50}$",
                        re.I)
# a date said in a clause about what is to come (further back than a weekday's)
_FUTURE_CLAUSE_RE = re.compile(r"\b(?:will|shall|is to|are to|is due|are due|scheduled|expected to|plans? to|"
                               r"planned to)\b[^.;,]{0,80}$", re.I)
# a date said as an offset from another: "a day after ...", "two days before ..."
_OFFSET_RE = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|\d)\s+(days?|weeks?)\s+(after|before)\b", re.I)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in text.

    start_iso/end_iso are ISO dates at the precision the text gives ("2025-06-29",
    "2025-01", "2024"); end_iso is empty for a point in time or an open period.
    kind is "point", "since" (an open period starting then), "until" (ending then) or
    "range".
    """

    text: str
    start: int
    end: int
    start_iso: str
    end_iso: str
    precision: str
    kind: str = "point"


def iso_precision(iso: str) -> str:
    """The precision of an ISO date string: day, month or year ('' when empty)."""
    return {10: "day", 7: "month", 4: "year"}.get(len(iso or ""), "")


def parse_iso_date(value: str) -> str:
    """Check an ISO date at any precision (YYYY, YYYY-MM, YYYY-MM-DD); return it.

    Raises ValueError when it is not one.

    >>> parse_iso_date("2024-12")
    '2024-12'
    """
    s = str(value).strip()
    if re.fullmatch(r"\d{4}", s):
        return s
    if re.fullmatch(r"\d{4}-\d{2}", s):
        date(int(s[:4]), int(s[5:7]), 1)
        return s
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        date.fromisoformat(s)
        return s
    raise ValueError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _safe_day(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _infer_year(month: int, ref: date | None, rel: str = "") -> int | None:
    """The year of a month named without one, seen from the reference date."""
    if ref is None:
        return None
    rel = rel.lower()
    if rel == "next":
        return ref.year + (1 if month <= ref.month else 0)
    if rel == "this":
        return ref.year
    if rel in ("last", "past"):
        # "last December" is the latest December before the reference month
        return ref.year if month < ref.month else ref.year - 1
    return ref.year if month <= ref.month else ref.year - 1


def _one(m: re.Match, ref: date | None) -> tuple[str, str] | None:
    """ISO string and precision of one matched expression."""
    g = m.groupdict()
    if g["iso"]:
        iso = _safe_day(int(g["iy"]), int(g["im"]), int(g["id"]))
        return (iso, "day") if iso else None
    if g["mdy"]:
        iso = _safe_day(int(g["y1"]), _month(g["m1"]), int(g["d1"]))
        return (iso, "day") if iso else None
    if g["dmy"]:
        iso = _safe_day(int(g["y2"]), _month(g["m2"]), int(g["d2"]))
        return (iso, "day") if iso else None
    if g["my"]:
        if not _MONTH_CASE_RE.match(g["m3"]):
            return None
        return f"{int(g['y3']):04d}-{_month(g['m3']):02d}", "month"
    if g["rel"]:
        if not _MONTH_CASE_RE.match(g["m4"]):
            return None
        rw = g["rw"].lower().rstrip("-")
        y = _infer_year(_month(g["m4"]), ref, rw if rw in ("last", "this", "next", "past") else "")
        return (f"{y:04d}-{_month(g['m4']):02d}", "month") if y else None
    if g["md"] or g["dm"]:
        mon, day = (g["m5"], g["d5"]) if g["md"] else (g["m6"], g["d6"])
        if not _MONTH_CASE_RE.match(mon) or (mon.lower().startswith("may") and g["md"] is None):
            return None
        y = _infer_year(_month(mon), ref)
        if y is None:
            return None
        iso = _safe_day(y, _month(mon), int(day))
        if iso and ref and date.fromisoformat(iso) > ref + timedelta(days=1):
            iso = _safe_day(y - 1, _month(mon), int(day))
        return (iso, "day") if iso else None
    if g["bm"]:
        if not _MONTH_CASE_RE.match(g["m7"]):
            return None
        y = _infer_year(_month(g["m7"]), ref)
        return (f"{y:04d}-{_month(g['m7']):02d}", "month") if y else None
    if g["fy"]:
        if g["fy3"]:
            y = g["fy3"] if len(g["fy3"]) == 4 else f"20{g['fy3']}"
            return y, "year"
        y1 = int(g["fy1"])
        y2 = y1 // 100 * 100 + int(g["fy2"])
        return (f"{y1:04d}/{y2:04d}", "year") if y1 < y2 <= y1 + 10 else None
    if g["fp"]:
        return f"{g['y10']}-01", "month"
    if g["ew"]:
        if ref is None or not (g["ew"][0].isupper() or g["ew"].split()[0].lower() != "week" or "Week" in g["ew"]):
            return None
        n = int(g["ewn"]) if g["ewn"].isdigit() else _WEEK_NUMBERS[g["ewn"].lower()]
        try:
            d = date.fromisocalendar(ref.year, n, 1)
            if d > ref:
                d = date.fromisocalendar(ref.year - 1, n, 1)
        except ValueError:
            return None
        return d.isoformat(), "day"
    if g["yr"]:
        return g["y8"], "year"
    if g["ym"]:
        return g["y9"], "year"
    if ref is None:
        return None
    if g["ago"]:
        n = int(g["an"]) if g["an"].isdigit() else _NUMWORDS[g["an"].lower()]
        unit = g["au"].lower().rstrip("s")
        if unit == "year":
            return f"{ref.year - n:04d}", "year"
        if unit == "month":
            y, mo = divmod(ref.year * 12 + ref.month - 1 - n, 12)
            return f"{y:04d}-{mo + 1:02d}", "month"
        days = n * (7 if unit == "week" else 1)
        return (ref - timedelta(days=days)).isoformat(), "day"
    if g["lu"]:
        unit = g["lun"].lower()
        which = m.group(0).split()[0].lower()
        step = {"last": -1, "past": -1, "this": 0, "next": 1}[which]
        if unit == "year":
            return f"{ref.year + step:04d}", "year"
        if unit == "month":
            y, mo = divmod(ref.year * 12 + ref.month - 1 + step, 12)
            return f"{y:04d}-{mo + 1:02d}", "month"
        # the middle (Wednesday) of the calendar week before (after) the reference date's,
        # weeks starting on Sunday as the English-language press counts them: "last week" in
        # a Sunday 6 October article is 29 September - 5 October, October; in a Tuesday 5
        # March one, 25 February - 2 March, February
        # ("the past week" is the seven days up to the reference date: its middle)
        sunday = ref - timedelta(days=(ref.weekday() + 1) % 7)
        d = ref - timedelta(days=3) if which == "past" else sunday + timedelta(days=7 * step + 3)
        return f"{d.year:04d}-{d.month:02d}", "month"
    if g["rc"]:
        return f"{ref.year:04d}-{ref.month:02d}", "month"     # (the report's month: the span ends at it)
    if g["td"]:
        d = ref if g["td"].lower() == "today" else ref - timedelta(days=1)
        return d.isoformat(), "day"
    if g["wd"]:
        back = (ref.weekday() - _WEEKDAYS.index(g["wd"][len(g["wdp"] or ""):].lower())) % 7
        return (ref - timedelta(days=back)).isoformat(), "day"
    return None


def find_dates(text: str, ref: date | None = None) -> list[DateMention]:
    """Every date expression in `text`, in order, normalised against `ref`.

    Parameters
    ----------
    text : str
        The text (a sentence, a clause or a whole article).
    ref : datetime.date, optional
        The article's date; relative expressions ("last December", "yesterday") and
        months without a year need it and are skipped without it.

    Returns
    -------
    list of DateMention
    """
    found: list[tuple[int, int, str, str]] = []
    for m in _ONE_RE.finditer(text):
        if m.group("wd") and not m.group("wdp") and not m.group("wd")[0].isupper():
            continue                      # a bare weekday is a date only as a name: "Sunday"
        got = _one(m, ref)
        if got and m.group("wd") and ref is not None and _FUTURE_RE.search(text[max(0, m.start() - 60):m.start()]):
            # "Five trains will run the full length Thursday": the coming one
            ahead = (_WEEKDAYS.index(m.group("wd")[len(m.group("wdp") or ""):].lower()) - ref.weekday()) % 7
            got = ((ref + timedelta(days=ahead)).isoformat(), "day")
        if got and (m.group("md") or m.group("dm")) and ref is not None and got[0] < ref.isoformat() \
                and _FUTURE_CLAUSE_RE.search(text[max(0, m.start() - 100):m.start()]):
            # "will hold campaigns in 14 districts from March 8": the coming one, not last year's
            nxt = _safe_day(int(got[0][:4]) + 1, int(got[0][5:7]), int(got[0][8:10]))
            if nxt and date.fromisoformat(nxt) - ref <= timedelta(days=366) and got[0][:4] != str(ref.year):
                got = (nxt, "day")
        if got and got[0]:
            prefix = m.group("bmp") or m.group("yrp") or m.group("ymp") or m.group("wdp") or m.group("fyp") or ""
            found.append((m.start() + len(prefix), m.end(), got[0], got[1]))
    out: list[DateMention] = []
    i = 0
    while i < len(found):
        s, e, iso, prec = found[i]
        if "/" in iso:              # a financial year: the two years it spans
            out.append(DateMention(text[s:e], s, e, iso[:4], iso[5:], prec, "range"))
            i += 1
            continue
        lead = _LEAD_RE.search(text[max(0, s - 40):s])
        word = lead.group(1).lower() if lead else ""
        # a range: "from X to Y", "between X and Y", "X-Y"
        if i + 1 < len(found) and _JOIN_RE.match(text[e:found[i + 1][0]]) and (
                word in ("from", "between") or text[e:found[i + 1][0]].strip() in "-–—"):
            s2, e2, iso2, prec2 = found[i + 1]
            if len(iso) == len(iso2) and iso > iso2 and len(iso) > 4:
                # "from March to May 2024": the first takes the second's year
                iso = iso2[:4] + iso[4:]
                if iso > iso2:
                    iso = f"{int(iso2[:4]) - 1:04d}" + iso[4:]
            start = s - (len(lead.group(0)) if lead else 0)
            out.append(DateMention(text[start:e2], start, e2, iso, iso2, prec, "range"))
            i += 2
            continue
        kind = "point"
        if not lead and _SINCE_EVENT_RE.search(text[max(0, s - 90):s]):
            word = "since"
            lead = None
        if word in ("since", "from", "starting", "beginning"):
            kind = "since"
        elif word in ("until", "till", "through"):
            # ("by February 17": as of then, a point; "until", "through": a period's end)
            kind = "until"
        start = s - (len(lead.group(0)) if lead and kind != "point" else 0)
        if kind == "until":
            out.append(DateMention(text[start:e], start, e, "", iso, prec, kind))
        else:
            out.append(DateMention(text[start:e], start, e, iso, "", prec, kind))
        i += 1
    return _offsets(text, _month_of_year(text, out), ref)


def _month_of_year(text: str, out: list[DateMention]) -> list[DateMention]:
    """`out` with a month and the year said beside it as one date: "Last year, in November"
    and "in March last year" are November and March of last year (the month alone takes
    the latest one, the year alone is less precise)."""
    merged: list[DateMention] = []
    i = 0
    while i < len(out):
        d = out[i]
        nxt = out[i + 1] if i + 1 < len(out) else None
        if nxt is not None and d.kind == nxt.kind == "point" and {d.precision, nxt.precision} == {"year", "month"} \
                and re.fullmatch(r"\s*,?\s*(?:in\s+|of\s+)?", text[d.end:nxt.start]):
            year, month = (d, nxt) if d.precision == "year" else (nxt, d)
            iso = f"{year.start_iso[:4]}-{month.start_iso[5:7]}"
            merged.append(DateMention(text[d.start:nxt.end], d.start, nxt.end, iso, "", "month", "point"))
            i += 2
            continue
        merged.append(d)
        i += 1
    return merged


_THAT_YEAR_RE = re.compile(r"\b(?:that|the same) year\b", re.I)


def that_year(texts: list[str], dates: list[list[DateMention]]) -> list[list[DateMention]]:
    """`dates` (each sentence's, in text order) with "that year" / "the same year" read as
    the year of the last date the text gave before it."""
    last = ""
    out = []
    for text, found in zip(texts, dates):
        found = list(found)
        for m in _THAT_YEAR_RE.finditer(text):
            before = [d for d in found if d.end <= m.start() and (d.start_iso or d.end_iso)]
            year = (before[-1].start_iso or before[-1].end_iso)[:4] if before else last
            if year:
                found.append(DateMention(m.group(0), m.start(), m.end(), year, "", "year", "point"))
        found.sort(key=lambda d: d.start)
        for d in found:
            if d.start_iso or d.end_iso:
                last = (d.start_iso or d.end_iso)[:4]
        out.append(found)
    return out


def _offsets(text: str, out: list[DateMention], ref: date | None) -> list[DateMention]:
    """`out` with the dates said as an offset from another ("announced on Wednesday a curfew,
    a day after 18 people were killed": Tuesday): the offset from the nearest day the text
    gives, else from the reference date."""
    days = [d for d in out if d.precision == "day" and d.kind == "point" and d.start_iso]
    for m in _OFFSET_RE.finditer(text):
        if any(d.start <= m.start() < d.end for d in out):
            continue
        anchor = min(days, key=lambda d: abs(d.start - m.start())) if days else None
        base = date.fromisoformat(anchor.start_iso) if anchor is not None else ref
        if base is None:
            continue
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMWORDS[m.group(1).lower()]
        step = n * (7 if m.group(2).lower().startswith("week") else 1)
        # "a day after X": X was the day before; "two days before X": X came two days later
        got = base - timedelta(days=step) if m.group(3).lower() == "after" else base + timedelta(days=step)
        out.append(DateMention(m.group(0), m.start(), m.end(), got.isoformat(), "", "day", "point"))
    return sorted(out, key=lambda d: d.start)
