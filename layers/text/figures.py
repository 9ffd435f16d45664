"""Figures in a sentence: a number, what it counts (the measure) and its unit.

A figure is a number (digits "110,000", "1.2 million", "$2bn"; words "two", "a dozen",
"hundreds of") tied to a noun of the controlled vocabulary below, either after it
("110,000 troops", "400 Russian casualties daily", "70% of homes ... damaged") or
before it ("casualties - estimated at 3,000", "population has dwindled to 7,000").
A number tied to no noun of the vocabulary is not a figure (it is dropped, not guessed).

The vocabulary (`VOCABULARY`) maps nouns to a measure, a unit and a default category;
it grows with use. Rules on top of it:

- a rate ("daily", "per day", "a day", "per week") makes a rate measure and unit:
  casualties -> casualties_per_day, people/day; a length per day -> advance_rate, m/day
  (kilometres are turned into metres);
- buildings and facilities count only with a damage word in the sentence ("damaged",
  "destroyed", ...): homes -> homes_damaged / homes_destroyed;
- "people", "civilians", "children" take their measure from a verb next to them
  ("killing 12 people", "30 civilians were injured", "home to 60,000 people");
- a lead-in sets the qualifier: "more than", "at least", "about", "nearly", "up to",
  "once" (a past figure: "once home to"); plural words ("hundreds of", "dozens",
  "thousands") are lower bounds (qualifier "at least");
- "in two weeks", "over the past 24 hours" after a figure is its period.

>>> [(f.measure, f.value, f.unit, f.period) for f in find_figures("3,000 casualties in two weeks")]
[('casualties', 3000.0, 'people', 'two weeks')]
>>> [(f.measure, f.value, f.unit) for f in find_figures("advancing just 135 meters per day")]
[('advance_rate', 135.0, 'm/day')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from layers.text.measures import (GROUP_NOUNS, TOLL_RE, category_of, counted_before, is_magnitude, money_measure,
                                  open_noun, people_measure, percent_measure, state_of, STATES, topic_of, unit_after,
                                  verb_after)
from layers.text.lists import (ELECTORAL_RE, LIST_HEAD_RE, LIST_ITEM_GAP_RE, NAME_PAREN_RE, SAME_MEASURE_GAP_RE,
                               VOTE_SHARE_VERB_RE, VOTES_VERB_RE, noun_before_list)
from layers.text.numbers import CURRENCY_SIGNS, NUMBER_RE, SCALES, WORD_NUMBERS, iter_numbers, number_value, parse_number
from layers.text.vocabulary import ANIMALS, VOCABULARY, noun_after, noun_before

__all__ = ["VOCABULARY", "Figure", "find_figures", "carried", "parse_number", "WORD_NUMBERS"]



_PERCENT_RE = re.compile(r"^\s*(?:%|percent\b|per cent\b)", re.I)
_LENGTH_RE = re.compile(r"^\s*(?:-\s*)?(?P<u>square kilomet(?:er|re)s?|sq\.? ?km|km2|km²|square miles?|sq\.? ?mi|"
                        r"kilomet(?:er|re)s?|km|met(?:er|re)s?|m|miles?|hectares?|ha|acres)\b", re.I)
_MONEY_RE = re.compile(r"^\s*(?P<u>dollars|euros|hryvnias?|rubles|roubles|pounds|USD|EUR|UAH|RUB)\b",
                       re.I)
_DURATION_RE = re.compile(r"^\s*(?:hours?|days?|weeks?|months?|years?)\b", re.I)
_RATE_RE = re.compile(r"^\s*(?:(?P<day>per day|a day|each day|every day|daily|per 24 hours|/day|"
                      r"a night|per night|nightly)|(?P<week>per week|a week|each week|weekly)|"
                      r"(?P<month>per month|a month|each month|monthly))\b", re.I)
_PERIOD_RE = re.compile(r"\b(?:in|over|within|during|for)\s+(?:the\s+|a\s+)?(?:past\s+|last\s+|first\s+|single\s+|"
                        r"previous\s+)?(?P<p>(?:\d+|a|an|one|two|three|four|five|six|seven|eight|"
                        r"nine|ten|twelve|several|a few)\s+(?:hours?|days?|weeks?|months?|years?)|"
                        r"(?:hours?|day|week|month|year))\b", re.I)
_QUAL_RE = re.compile(r"(?P<q>more than|over|at least|upwards of|in excess of|about|around|"
                      r"approximately|roughly|some|an estimated|estimated at|nearly|almost|"
                      r"close to|up to|fewer than|less than|under|as many as|as few as|"
                      r"once home to|once|formerly|previously|pre-war|before the war)\s*(?:just\s+)?$",
                      re.I)
_CONTROL_RE = re.compile(r"\b(control\w*|occup\w*|held|holds?|captur\w*|seiz\w*|liberat\w*)\b",
                         re.I)
_DAMAGE_RE = re.compile(r"\b(destroy\w*|ruin\w*|razed|flattened|damag\w*|hit|struck|shelled|"
                        r"affected|set on fire|set alight|burn(?:ed|t)|torched|gutted)\b", re.I)
_ADVANCE_RE = re.compile(r"\b(advanc\w*|progress\w*|gain\w*|push\w*|mov(?:e|ed|ing)|"
                         r"captur\w*|seiz\w*|occup\w*|penetrat\w*)\b", re.I)


_PEOPLE_NOUN_MEASURE = {"persons": "people", "individuals": "people", "civilians": "people",
                        "migrants": "migrants", "worshippers": "people"}

_BARE_VICTIMS_RE = re.compile(r"\b(killing|killed|injuring|injured|wounding|wounded)\s+"
                              r"(?:at least\s+|about\s+|around\s+|nearly\s+|some\s+|more than\s+)?$",
                              re.I)
# a figure said to be from before: "300,000 before the war", "from 300,000 to 60,000"
_PAST_AFTER_RE = re.compile(r"^\s*(?:[\w’'-]+\s+){0,2}?(?:before the (?:war|invasion|conflict|fighting)|"
                            r"pre-war|prior to the (?:war|invasion))\b", re.I)


@dataclass(frozen=True)
class Figure:
    """A figure found in a text (offsets relative to the text given to `find_figures`)."""

    start: int
    end: int
    value: float
    unit: str
    measure: str
    category: str
    qualifier: str = ""
    period: str = ""
    noun: str = ""
    value_max: float | None = None
    #: said of each of several places ("A and B each reported nine", "one each in C and D")
    each: bool = False


_JOBS_LOST_RE = re.compile(r"\s+(?:(?:will|would|could|are|were|have|had|has|to)\s+)?(?:be\s+|been\s+)?(?:go|gone|"
                           r"cut|lost|axed|shed|eliminated|destroyed|scrapped|slashed)\b", re.I)


_AMONG_RE = re.compile(r"\s*(?:Among (?:them|those|the (?:dead|victims|injured|wounded))|Of (?:them|these|those|whom))\b")


_EMPLOYMENT_RE = re.compile(r"\b(?:jobs?|hir\w+|employ\w*|workforce|staff|production|workers|layoffs?|"
                            r"recruit\w*)\b", re.I)
_ADDED_RE = re.compile(r"\s+(?:(?:will|would|could|are|were|have|has|to)\s+)?(?:likely\s+)?(?:be\s+|been\s+)?"
                       r"(?:added|created|moved|transferred|brought)\b", re.I)


# words after "300m" that make it metres
_METRE_NEXT = {"from", "away", "high", "deep", "long", "wide", "tall", "above", "below", "of", "north", "south",
               "east", "west", "in", "on", "at", "to", "per", "a", "an", "and", "or", "off", "inland", "offshore",
               "upstream", "downstream", "beyond", "further", "farther", "into", "behind", "ahead"}


# a list item: "- Clay: 69 homes", "• Ondo: 11"
_LIST_ITEM_RE = re.compile(r"\s*(?:[-•*–]\s+|[A-Z][\w’' .-]{0,40}:\s)")


# what a length measures: "130km of roads", "40 kilometres of the border"
_LENGTH_OF_RE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[a-z]+\s+)?"
                           r"(roads?|railways?|rail|tracks?|pipelines?|lines?|power lines|cables?|fences?|"
                           r"walls?|coast(?:line)?|border|frontline|front line|levees?|dykes?|dikes?|canals?|"
                           r"highways?|streets?|river|riverbank|beach(?:es)?)\b", re.I)


# a distance that only says where a place is: "15 km south of the city", "20 km north-west of"
_LOCATOR_RE = re.compile(r"\s+(?:to the\s+)?(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?"
                         r"(?:wards?)?\s+of\b", re.I)


#: counts of places: a list after them names the places, and its bare numbers count what
#: the sentence's main figure counted ("40 cases in five states. The states are: Ondo (11)")
_PLACE_COUNTS = {"states", "councils", "districts", "provinces", "regions", "counties", "villages", "towns",
                 "cities", "countries", "locations", "communities", "settlements", "oblasts", "municipalities",
                 "areas", "parishes", "wards", "governorates", "prefectures", "sites"}


def carried(figures: list[Figure]) -> Figure | None:
    """The figure of a sentence that a bare number at the start of the next one counts: the
    first that is no change and no count of places (the sentence's own count: "40 cases and
    five deaths were recorded in five states"), else the last."""
    return next((f for f in figures if f.measure != "change"
                 and f.measure.split("_")[0] not in _PLACE_COUNTS), figures[-1] if figures else None)


def find_figures(text: str, exclude: list[tuple[int, int]] = (), carry: Figure | None = None) -> list[Figure]:
    """Every figure in `text` (a sentence).

    Parameters
    ----------
    text : str
        A sentence (the context of a figure is its sentence).
    exclude : list of (start, end)
        Spans that are not figures (dates: "June 29, 2025").
    carry : Figure, optional
        The last figure of the sentence before: a bare number at the start of this one
        ("The states are: Ondo (11), Edo (16)") counts what it counted.

    Returns
    -------
    list of Figure
        In the order of the text.
    """
    out: list[Figure] = []
    skip_to = 0
    listed = ""
    # "Among them were three children ...": a part of the whole the sentence before counted
    among = carry if carry is not None and carry.unit == "people" and _AMONG_RE.match(text) else None
    if carry is not None and carry.unit in ("count", "buildings", "facilities") and _LIST_ITEM_RE.match(text):
        listed = next((st for st in STATES if carry.measure.endswith("_" + st)), "")
    whole: Figure | None = None        # the total a list of parts after "including" counts
    for m in iter_numbers(text, exclude):
        s, e = m.start(), m.end()
        if s < skip_to:
            continue
        if any(a < e and s < b for a, b in exclude):
            continue
        if m.group("num"):
            # ordinals, model names and times are not figures: "117th", "Su-25", "10:30"
            if re.match(r"(?:st|nd|rd|th)\b", text[e:], re.I) or re.search(r"[A-Za-z]-?$", text[:s]) \
                    or re.match(r"[:.]\d", text[e:]) or re.search(r"\d[:.]$", text[:s]):
                continue
            if re.match(r"-?(?:year|month|week|day|hour)", text[e:], re.I):
                continue
            if re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|local time)", text[e:], re.I) or \
                    re.search(r"\b(?:aged|age|ages|Week|No\.?|number|page|Article|Section|Resolution|"
                              r"Highway|Route|Road|Gate|Block|Unit|Flight|Lot|Kilometre|km|Ward|Zone|Phase|Level|Stage|Category|"
                              r"Grade|Terminal|Platform|Floor|Room|Precinct|Sector|Camp|Pier|Runway|Lane|Chapter|"
                              r"Line|District|Division|Region|Area)\s*$", text[:s]):
                continue
        if m.group("word") and (re.match(r"-(?:third|quarter|half|fifth|tenth)", text[e:], re.I)
                                or (m.group("word")[0].isupper() and text[:s].strip()
                                    and text[:s].rstrip()[-1] not in ".!?:;\"“‘'—–-([")):
            continue                          # "one-third"; "Week Nine", "One to Nine": a name, not a count
        if m.group("word") and re.match(r"\s+of\b", text[e:]) and m.group("word").lower() in ("one", "a", "an"):
            continue                          # "one of the towns": a part, not a count
        if m.group("word") and m.group("word").lower() == "one" and re.search(
                r"\b(?:no|the|each|every|any|this|that|which|another)\s+$", text[max(0, s - 9):s], re.I) \
                and not (re.search(r"\bthat\s+$", text[max(0, s - 6):s], re.I) and open_noun(text, e, 1.0)):
            continue                          # "no one came", "the one in Aurora": a pronoun ("said
            #                                   that one person died" counts)
        if re.search(r"\btop\s+$", text[max(0, s - 5):s], re.I) or re.match(
                r"\s+(?:largest|biggest|busiest|highest|lowest|greatest|richest|poorest|deadliest|smallest|"
                r"fastest|best|worst|most\s+[a-z]+)\b", text[e:]):
            continue                          # "the top 100 ports", "the 30 largest ports": a ranking, no count
        got = number_value(m)
        if got is None:
            continue
        value, qualifier = got
        lead = _QUAL_RE.search(text[max(0, s - 30):s])
        if lead:
            q = lead.group("q").lower()
            qualifier = "once" if q in ("once home to", "once", "formerly", "previously", "pre-war",
                                         "before the war") else q
        if m.group("word") and re.search(r"\b(?:split|cut|broke(?:n)?|torn|tore|snapped|divided|sliced|ripped)\s+"
                                         r"(?:in|into)\s+$", text[max(0, s - 20):s], re.I):
            continue                          # "the boat split in two", "cut in half": no count
        if _DURATION_RE.match(text[e:]):
            continue                          # "two weeks", "three years": a period, not a figure
        # a partitive: "12 of the territory's 36 hospitals": the count is of the noun after
        # the whole, and the whole is said only to frame it
        part = _PARTITIVE_RE.match(text, e)
        if part and (m.group("num") or m.group("word")):
            m_total = NUMBER_RE.match(text, part.end())
            if m_total is not None and number_value(m_total) is not None:
                fig = _classify(text, m_total, value, qualifier)
                if fig is not None:
                    out.append(replace(fig, start=s))
                    skip_to = fig.end
                    continue
        part = _PART_OF_RE.match(text, e) if not part and (m.group("num") or m.group("word")) else None
        if part:
            # "four of the suspects had been arrested", "nine of Ukraine's oblasts": the part
            # counts the noun of the whole, read as if the number stood before it
            cut = text[:e] + text[part.end() - 1:]
            fig = _classify(cut, NUMBER_RE.match(cut, s), value, qualifier)
            if fig is not None:
                shift = part.end() - 1 - e
                fig = replace(fig, end=fig.end + shift)
                out.append(fig)
                skip_to = fig.end
                continue
        # a range: "1,500 to 3,000 people", "187,300 – 228,900 tonnes", "three or four explosions"
        value_max = None
        rng = _RANGE_RE.match(text, e)
        m2 = NUMBER_RE.match(text, rng.end()) if rng else None
        between = re.search(r"\bbetween\s+(?:some\s+|about\s+)?$", text[max(0, s - 16):s], re.I)
        if m2 and m2.group(0).strip() and (rng.group(0).strip() != "and" or between) \
                and not re.search(r"\bfrom\s+(?:some\s+|about\s+)?$", text[max(0, s - 12):s], re.I):
            got2 = number_value(m2)
            if got2 is not None and got2[0] > value and not (m2.group("num") and re.match(r"(?:st|nd|rd|th)\b", text[m2.end():])):
                sc2 = (m2.group("scale") or m2.group("wscale") or "").lower()
                if not (m.group("scale") or m.group("wscale")) and sc2 in ("million", "billion", "thousand",
                                                                           "bn", "mn", "trillion"):
                    value *= SCALES[sc2]       # "1.5 to 3 million"
                value_max = got2[0]
                m = m2
                e = m2.end()
        if re.search(r"\b(?:down|up) from\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$", text[max(0, s - 25):s]):
            qualifier = "once"              # "28,000, down from 25,000 the previous time": a past figure
        if _PAST_AFTER_RE.match(text[e:]) or (
                re.search(r"\bfrom\s+$", text[max(0, s - 8):s])
                and re.match(r"[^.;]{0,60}?\bto\s+(?:about\s+|around\s+|some\s+|just\s+|only\s+)?\d",
                             text[e:])):
            qualifier = "once"
        fig = _classify(text, m, value_max if value_max is not None else value, qualifier,
                        s if value_max is not None else None, listed)
        if fig is not None and value_max is not None:
            fig = replace(fig, start=s, value=value, value_max=value_max)
        prev = out[-1] if out else None
        if fig is None and prev is not None and re.match(
                r"[^.;\d]{0,40}\bto\s+(?:about|around|some|just|only|nearly|roughly|fewer than|"
                r"less than|more than)?\s*$", text[prev.end:s]):
            # "from 300,000 before the war to about 60,000": the second figure is the first's
            fig = Figure(s, e, value, prev.unit, prev.measure, prev.category,
                         "" if qualifier == "once" else qualifier, _period(text, e), prev.noun)
        if fig is None and prev is not None and prev.unit == "people" and re.search(
                r"\b(?:including|among them|of whom)\s+(?:at least\s+|about\s+|some\s+)?$", text[max(0, s - 30):s]):
            # "killed 30 people, including 12 children": a part counts what the whole counted
            noun = noun_after(text, e)
            end = noun[0].end() if noun is not None else e
            fig = Figure(s, end, value, prev.unit, prev.measure, prev.category, qualifier,
                         _period(text, end), prev.noun)
        if fig is not None and prev is not None and fig.unit == "people" == prev.unit and fig.measure == "people" \
                and prev.measure in _TOLL_MEASURES and _LIST_GAP_RE.fullmatch(text[prev.end:s]):
            # "killed three Malian soldiers and two civilians": the list's verb counts each item
            fig = replace(fig, measure=prev.measure, category=prev.category)
        if fig is not None and fig.unit == "percent" and fig.measure == "share" and m.group("num") \
                and VOTE_SHARE_VERB_RE.search(text[max(0, s - 25):s]) \
                and (ELECTORAL_RE.search(text) or re.match(r"\s+in\s+[A-Z]", text[fig.end:])):
            # "Moyo won 60.1 per cent in Lusaka": a candidate's share of the vote
            fig = replace(fig, measure="vote_share", category="political")
        if fig is not None and prev is not None and fig.unit == "percent" == prev.unit and fig.measure == "share" \
                and prev.measure != "share" and (
                    (prev.measure != "change" and SAME_MEASURE_GAP_RE.search(text[prev.end:s]))
                    or LIST_ITEM_GAP_RE.fullmatch(text[prev.end:s])):
            # "polled 50.8 per cent of votes as against 44.3 per cent polled by", "rose 4.2 per
            # cent, Antwerp 3.1 per cent", "60.1 per cent in Harare and 52.3 per cent in
            # Bulawayo": the same measure
            fig = replace(fig, measure=prev.measure, category=prev.category)
        if prev is not None and _CHANGE_AFTER_RE.match(text[e:]) and (fig is None or fig.measure == prev.measure):
            # "nearly 25,000 at Montpellier, 10,000 more than during the first march": a change
            fig = Figure(s, e, value, prev.unit, "change", prev.category, qualifier, "", "change")
        if prev is not None and prev.unit == "people" and _PART_RE.search(text[max(0, s - 30):s]):
            whole = prev
        elif not (whole is not None and prev is not None and _LIST_GAP_RE.fullmatch(text[prev.end:s])):
            whole = None
        part_of = whole if out else among
        if fig is None and part_of is not None:
            # "Among them were three children", "including 12 women and five children": a
            # part with no verb of its own counts what the whole counted
            opened = open_noun(text, e, value)
            if opened is not None and opened[1] == "people":
                fig = Figure(s, opened[3], value, "people", part_of.measure, part_of.category, qualifier,
                             _period(text, opened[3]), opened[2])
        if fig is None and m.group("num") and VOTES_VERB_RE.search(text[max(0, s - 30):s]) \
                and ELECTORAL_RE.search(text) and not re.match(r"\s*(?:%|per ?cent|percent|seats?)\b", text[e:], re.I):
            # "Moyo won 2,147,437 and Dube led with 2,460,463" in a result: votes
            fig = Figure(s, e, value, "count", "votes", "political", qualifier, "", "votes")
        if fig is None and prev is None and (m.group("num") or m.group("word")):
            head = LIST_HEAD_RE.search(text[:s])
            opened = open_noun(f"2 {head.group('noun')}", 1) if head else None
            if opened is not None and opened[0]:
                # "Cholera cases by province: Nampula 2,340; Sofala 1,105": the list's head counts
                prev = Figure(head.start("noun"), head.end("noun"), 0.0, opened[1], opened[0],
                              category_of(opened[0], text), noun=opened[2])
        if fig is None and prev is None and m.group("num") and NAME_PAREN_RE.search(text[max(0, s - 40):s]) \
                and re.match(r"\s*\)", text[e:]):
            # "the most dengue cases, notably Sulu (6,994), Basilan (6,623)": what is counted
            got = noun_before_list(text, s, _PLACE_COUNTS)
            if got is not None:
                prev = Figure(got[0], got[1], 0.0, got[2][1], got[2][0], category_of(got[2][0], text),
                              noun=got[2][2])
        if fig is None:
            fig = _elliptical(text, m, s, e, value, qualifier, prev or (carry if s < 80 else None))
        if fig is not None and whole is not None and fig.unit == "people" and fig.measure != whole.measure:
            # "killed 13 civilians, including seven women, four men and two children, while
            # injuring 36 others": each part counts what the whole counted
            fig = replace(fig, measure=whole.measure, category=whole.category)
        if fig is not None and prev is not None and fig.unit not in ("people", "count", "percent") \
                and (fig.unit == prev.unit or re.fullmatch(r"[A-Z]{3}", fig.unit) and re.fullmatch(r"[A-Z]{3}", prev.unit)) \
                and re.fullmatch(r"\s*\(\s*(?:about|around|approximately|roughly|some|nearly|almost|over|"
                                 r"more than|or|ca\.)?\s*", text[prev.end:s]):
            continue                          # "85 kilometres (around 50 miles)", "22.7 billion yuan
            #                                   (US$3.41 billion)": the same figure
        if fig is not None and fig.unit == "count" and fig.measure in _PLACE_COUNTS \
                and (re.search(r"\bthe\s+(?:other\s+|remaining\s+|same\s+)?$", text[max(0, s - 20):s], re.I)
                     or re.match(r"\s+[a-z]+est\b", text[e:fig.end])) \
                and not re.match(r"\s+(?:of|in)\s+(?:the\s+)?[A-Z]|[^.;]{0,30}?\b(?:are|were|include|including|"
                                 r"namely)\s+[A-Z]|\s*[:(\u2014\u2013-]\s*[A-Z]", text[fig.end:]):
            # "the two provinces", "its three largest cities": places named before; "the 17
            # districts ... are A, B", "the three regions of A, B and C" name them: a figure
            continue
        if fig is not None:
            if re.match(r"\s+each\b", text[fig.end:]) or re.search(r"\beach\s+(?:[a-z]+\s+)?$", text[max(0, s - 25):s]):
                fig = replace(fig, each=True)     # "one each in C and D", "A and B each reported nine"
            out.append(fig)
            skip_to = fig.end
    return out


# the verb of a toll that has changed, right before its new number
_TOLL_RISEN_RE = re.compile(r"\b(?:risen|rose|climbed|jumped|increased|reached|grown|grew)\s+(?:to\s+)?"
                            r"(?:(?:at least|more than|nearly|about|around)\s+)?$")


_FAR_TOLL_RE = re.compile(r"\b(?:death\s+)?toll\b[^.;\d]{0,150}?\b(?:had|has|have)\s+(?:risen|rose|climbed|"
                          r"jumped|increased|reached|grown|grew)\s+(?:to\s+)?"
                          r"(?:(?:at least|more than|nearly|about|around)\s+)?$", re.I)


# a toll's verb right after its noun: "14 gunmen were killed", "three attackers died"
_TOLL_VERB_RE = re.compile(r"\s+(?:(?:were|was|have been|had been|has been|are|got)\s+|(?:have|has|had)\s+(?=died\b))?"
                           r"(?:also\s+)?"
                           r"(killed|died|dead|wounded|injured|hurt|arrested|detained|captured|missing)\b",
                           re.I)
_TOLL_VERBS = {"kill": "killed", "died": "killed", "dead": "killed", "woun": "injured", "inju": "injured",
               "hurt": "injured", "arre": "arrested", "deta": "detained", "capt": "detained",
               "miss": "missing"}
_CHANGE_AFTER_RE = re.compile(r"\s+(?:more|fewer|less)\s+than\s+(?:during|in|on|at|last|the|a|before|"
                              r"previously|earlier|a\s+year|a\s+week)\b", re.I)
_TOLL_MEASURES = ("killed", "injured", "detained", "arrested", "displaced", "missing", "rescued", "evacuated")
_PART_RE = re.compile(r"\b(?:including|among them|of whom)\s+(?:at least\s+|about\s+|some\s+)?$", re.I)
_LIST_GAP_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


_PARTITIVE_RE = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?"
                           r"(?:[\w-]+(?:’s|'s)\s+)?(?=\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|"
                           r"twelve|twenty|thirty|forty|fifty|hundred)\b)", re.I)
# a part of a whole with no number: "four of the suspects", "nine of Ukraine's oblasts"
_PART_OF_RE = re.compile(r"\s+(?:out\s+)?of\s+(?:the|these|those|its|their|[A-Z][\w-]*(?:’s|'s))\s+(?=[a-z])")
_RANGE_RE = re.compile(r"\s*(?:-|–|—|to|or|and)\s*(?=[\d$€£a-z])", re.I)
# what may follow a number that counts what the figure before it counted: "72 in Tartus",
# "Ondo (11)", "against 26,000 on January 19", "1.27 million according to ..."
_ELLIPSIS_AFTER_RE = re.compile(r"\s*(?:\)|,|;|\.|$|(?:in|at|to|on|from|according|and|or|more|during|"
                                r"apiece|each|the previous|last|this|of them|were|was|had|have)\b)", re.I)


def _elliptical(text: str, m: re.Match, s: int, e: int, value: float, qualifier: str,
                prev: Figure | None) -> Figure | None:
    """A bare number that counts what the figure before it counted ("killed 132, including 72
    in Tartus and 60 in Latakia"; "Ondo (11), Edo (16)"), or None."""
    if prev is None or m.group("plural") or (m.group("scale") or "").lower() == "m" and not m.group("cur"):
        return None                           # "200m from the river": metres, no count
    if m.group("num") and re.fullmatch(r"(?:1[89]|20)\d\d", m.group(0).strip()):
        return None                           # a year
    if re.search(r"\b(?:age|ages|aged)\b[^.;]{0,25}$", text[max(0, s - 40):s]):
        return None                           # "the retirement age, from 62 to 64": ages
    if re.search(r"[A-Z][\w.’']*,\s*$", text[max(0, s - 30):s]) and re.match(r"\s*,", text[e:]):
        return None                           # "Maria L., 54, a nurse": an age
    if m.group("word") and m.group("word").lower() in ("one", "a", "an") and not re.search(r"\($", text[:s]):
        if not re.match(r"\s+(?:each\s+)?in\b", text[e:]):
            return None
    own = verb_after(text, e) if prev.unit in ("people", "count") else None
    if own is not None:
        # "11 people injured and nearly 100 arrested", "19 found dead and two more are
        # missing": the number's own verb says what it counts
        return Figure(s, e, value, prev.unit, own[0], own[1], qualifier, _period(text, e), prev.noun)
    paren = re.search(r"[A-Z][\w’'-]*\s*\(\s*$", text[max(0, s - 40):s]) and re.match(r"\s*\)", text[e:])
    if not (paren or _ELLIPSIS_AFTER_RE.match(text[e:])):
        return None
    if not paren and prev.unit == "percent" and not re.search(r"\b(?:had|of)\s*$|,\s*[A-Z][\w-]*\s+$",
                                                              text[max(0, s - 20):s]):
        return None
    return Figure(s, e, value, prev.unit, prev.measure, prev.category, qualifier,
                  _period(text, e), prev.noun)


def _rate(text: str, pos: int) -> tuple[str, int]:
    r = _RATE_RE.match(text[pos:])
    if not r:
        # "35 civilians killed daily": a participle may stand between
        w = re.match(r"\s*(?:(?:were|was|are|being)\s+)?(?:killed|injured|wounded|dead|dying|lost|"
                     r"displaced|evacuated|fleeing|arriving|leaving)\b", text[pos:], re.I)
        if w:
            pos += w.end()
            r = _RATE_RE.match(text[pos:])
    if not r:
        return "", pos
    return ("day" if r.group("day") else "week" if r.group("week") else "month"), pos + r.end()


def _period(text: str, pos: int) -> str:
    p = _PERIOD_RE.search(text[pos:pos + 60])
    if p and not re.search(r"[;.]", text[pos:pos + p.start()]) and not re.search(r"\d", text[pos:pos + p.start()]):
        return p.group("p")
    return ""


def _classify(text: str, m: re.Match, value: float, qualifier: str, lead: int | None = None,
              listed: str = "") -> Figure | None:
    """The figure a number match makes, or None. `lead` is where the figure's words start
    when they start before the match (the low end of a range: "to 187,300 – 228,900 tonnes");
    `listed` is the state the items of the list this sentence is an item of are in
    ("- Clay: 69 homes and 12 roads" after "- Chickasaw: one home and 14 roads damaged")."""
    s, e = m.start(), m.end()
    cur = (m.group("cur") or "").strip()
    if m.group("num") and (m.group("scale") or "").lower() == "m" and not cur:
        nxt = re.match(r"\s+([a-z]+)", text[e:])
        if nxt and nxt.group(1) not in _METRE_NEXT and (unit_after(text, e) or open_noun(text, e, 2.0)
                                                         or noun_after(text, e)):
            value *= 1_000_000                # "2m tonnes", "1.5m people": millions
        else:
            e = m.start("scale")              # "300m from the river", "50m a day": metres
    if cur:
        unit = CURRENCY_SIGNS.get(cur.upper(), "USD")
        return Figure(s, e, value, unit, money_measure(text, s, e), "economic", qualifier, "", cur)
    money = _MONEY_RE.match(text[e:])
    if money and m.group("num"):
        u = money.group("u").lower()
        unit = {"dollars": "USD", "euros": "EUR", "pounds": "GBP", "rubles": "RUB", "roubles": "RUB",
                "usd": "USD", "eur": "EUR", "uah": "UAH", "rub": "RUB"}.get(u, "UAH")
        return Figure(s, e + money.end(), value, unit, money_measure(text, s, e + money.end()), "economic",
                      qualifier, "", u)
    if m.group("num") and is_magnitude(text, s, e):
        end = e + len(re.match(r"(?:(?:-|\s)magnitude\b|-)?", text[e:], re.I).group(0))
        return Figure(s, end, value, "magnitude", "magnitude", "humanitarian", qualifier, "", "magnitude")
    unit = unit_after(text, e) if (m.group("num") or m.group("word")) else None
    if unit is not None:
        u, measure, end = unit
        scale = re.match(r"\s*(?P<k>[mk])(?:bpd|b/d)\b", text[e:], re.I)
        if scale:
            value *= 1e6 if scale.group("k").lower() == "m" else 1e3       # "1.228 mbpd"
        if measure == "money":
            measure = money_measure(text, s if lead is None else lead, end)     # "a loss of 490 million yuan"
        if measure == "flow_rate" and re.search(r"\b(?:output|production|produc\w*|pump\w*|exports?|export(?:ed|ing))\b",
                                                text, re.I) and not re.search(r"\bby\s+(?:about\s+|around\s+|some\s+)?$",
                                                                              text[max(0, s - 20):s]):
            # "output fell to 1.2m barrels a day", "Angola pumped 900,000 barrels a day": what is
            # produced (barrels a day are oil's)
            measure = "oil_output"
        if not measure:
            # tonnes of what: "88,500 tonnes of copper" -> copper; "output by 17,000 tonnes"
            of = re.match(r"\s+of\s+([a-z][\w-]*)", text[end:])
            what = re.search(r"\b([a-z]+)\s+(output|production|exports?|imports?|capacity|shipments|"
                             r"harvest|sales)\b[^.;\d]{0,30}?\b(by|to|of|at)\s+(?:about\s+|around\s+|"
                             r"some\s+|nearly\s+|at\s+)?$", text[max(0, (s if lead is None else lead) - 70):
                                                                  (s if lead is None else lead)])
            if what:
                noun = what.group(2).rstrip("s")
                measure = f"{what.group(1)}_{noun}" if what.group(1) not in ("the", "its", "their", "annual",
                                                                              "daily", "average") else noun
                measure += "_increase" if what.group(3) == "by" else ""
            elif of and re.search(r"\b(?:produc\w*|output|mined|extract\w*|harvest\w*)\b", text[:s], re.I):
                # "the mine produced 182,600 tonnes of copper": what is produced, its output
                measure = f"{of.group(1)}_output"
            else:
                measure = of.group(1) if of else "tonnage"
        cat = "economic" if u in ("tonnes", "tonnes/year", "tonnes/day", "bpd", "barrels", "MW", "GW") \
            or measure == "money" else (category_of(measure, text) or "humanitarian")
        return Figure(s, end, value, u, measure, cat, qualifier, _period(text, end), u)
    pct = _PERCENT_RE.match(text[e:])
    if pct:
        end = e + pct.end()
        noun = noun_after(text, end)
        if noun is None:
            pm = percent_measure(text, s, end)
            return Figure(s, end, value, "percent", pm, category_of(pm, text), qualifier,
                          _period(text, end), "percent")
        nm, (measure, unit, cat, kind) = noun
        if kind == "thing":
            dmg = _DAMAGE_RE.search(text, nm.end()) or _DAMAGE_RE.search(text[:s])
            if not dmg:
                return None
            measure += "_destroyed" if re.match(r"destroy|ruin|razed|flatten", dmg.group(1), re.I) \
                else "_damaged"
        elif kind == "share":
            # "80% of the town", "20% of the territory": destroyed, or held
            dmg = _DAMAGE_RE.search(text, nm.end()) or _DAMAGE_RE.search(text[:s])
            held = _CONTROL_RE.search(text)
            if dmg:
                measure += "_destroyed" if re.match(r"destroy|ruin|razed|flatten", dmg.group(1),
                                                    re.I) else "_damaged"
                cat = "humanitarian"
            elif held:
                measure += "_controlled"
            else:
                return None
        elif kind in ("generic", "people"):
            # "20% of residents have fled": the verb says which share
            got = people_measure(text, s, nm.end())
            if kind == "generic" and got is None:
                return None
            if got is not None and got[0] != "population":
                measure, cat = got
            measure += "_share"
        elif not measure:
            return None
        else:
            measure += "_share"
        return Figure(s, end, value, "percent", measure, cat, qualifier, _period(text, nm.end()),
                      nm.group(0))
    window = 110
    toll = TOLL_RE.search(text[max(0, s - window):s])
    if toll is None and _TOLL_RISEN_RE.search(text[max(0, s - 30):s]):
        # a toll told at length before it has risen: "the toll from a strike in X on Friday
        # that killed a commander, Y, had risen to 55"
        window = 160
        toll = _FAR_TOLL_RE.search(text[max(0, s - window):s])
    if toll and not re.search(r"\d", text[max(0, s - window) + toll.start():s]) and not _PERCENT_RE.match(text[e:]):
        # "the death toll ... has risen to 1,225 civilians", "put the toll at around 100"
        end = e
        after = open_noun(text, e, value) or noun_after(text, e)
        if after is not None and isinstance(after[-1], int):
            end = after[-1]
        return Figure(s, end, value, "people", "killed", "casualties", qualifier, _period(text, end), "toll")
    counted = counted_before(text, s) if not _PERCENT_RE.match(text[e:]) else None
    if counted is not None and not open_noun(text, e, value):
        # "the number of injured stood at more than 200"
        return Figure(s, e, value, counted[1], counted[0], category_of(counted[0], text), qualifier,
                      _period(text, e), "number of")
    length = _LENGTH_RE.match(text[e:]) if m.group("num") or m.group("word") else None
    if length:
        u = length.group("u").lower().replace(" ", "")
        end = e + length.end()
        if re.match(r"squaremile|sq\.?mi", u):
            unit, v = "km2", value * 2.589988
        elif u == "acres":
            unit, v = "km2", value * 0.00404686
        elif re.match(r"square|sq|km2|km²", u):
            unit, v = "km2", value
        elif u.startswith("hectare") or u == "ha":
            unit, v = "km2", value / 100
        elif u.startswith(("kilomet", "km")):
            unit, v = "km", value
        elif u.startswith("mile"):
            unit, v = "km", value * 1.609344
        else:
            unit, v = "m", value
        rate, end2 = _rate(text, end)
        if unit == "m" and not rate and len(u) == 1:
            return None                         # a bare "m" with no rate: too ambiguous
        if rate == "day" and unit in ("m", "km"):
            v = v * 1000 if unit == "km" else v
            return Figure(s, end2, v, "m/day", "advance_rate", "military", qualifier,
                          _period(text, end2), length.group("u"))
        if unit == "km2":
            measure = "area_captured" if _ADVANCE_RE.search(text) else "area"
            topic = topic_of(text) if measure == "area" else ""
            return Figure(s, end, v, unit, measure, topic if topic in ("humanitarian", "economic") else "territorial",
                          qualifier, _period(text, end), length.group("u"))
        if unit == "m":
            v, unit = v / 1000, "km"
        measure = "advance_distance" if _ADVANCE_RE.search(text[max(0, s - 60):s]) else "distance"
        if measure == "distance" and _LOCATOR_RE.match(text, end):
            return None                         # "about 15 km south of the city": a locator
        of = _LENGTH_OF_RE.match(text, end)
        if of and measure == "distance":
            # "130km of roads", "2 km of pipeline were damaged": the length of what
            what = of.group(1).lower()
            state = state_of(text, s, of.end())
            measure = f"{what}_{state}" if state else what
            end = of.end()
        cat = "military" if measure == "advance_distance" else (category_of(measure, text) or "strategic")
        return Figure(s, end, v, unit, measure, cat if cat != "political" else "strategic",
                      qualifier, _period(text, end), length.group("u"))
    noun = noun_after(text, e)
    if noun is not None:
        opened = open_noun(text, e, value)
        if opened is not None and opened[3] <= noun[0].start() and text[opened[3]:noun[0].start()].strip():
            noun = None                     # "100 attacks against Kherson Oblast": the attacks are counted
    if noun is not None:
        nm, (measure, unit, cat, kind) = noun
        n_end = nm.end()
    else:
        verb = _BARE_VICTIMS_RE.search(text[max(0, s - 40):s])
        if verb and not re.match(r"\s*(?:%|percent|per cent)", text[e:]):
            # "killing five", "injuring at least 12"
            measure = "killed" if verb.group(1).lower().startswith("kill") else "injured"
            return Figure(s, e, value, "people", measure, "casualties", qualifier,
                          _period(text, e), verb.group(1))
        if re.match(r"\s+others\b", text[e:]):
            # "injuries to eight others", "killing two and wounding five others"
            got = people_measure(text, s, e + len(re.match(r"\s+others", text[e:]).group(0)))
            if got is not None:
                end = e + len(re.match(r"\s+others", text[e:]).group(0))
                return Figure(s, end, value, "people", got[0], got[1], qualifier, _period(text, end), "others")
        opened = open_noun(text, e, value)
        if opened is not None:
            measure, unit, word, end = opened
            if not measure:                 # "120 Palestinians were detained": people
                got = people_measure(text, s, end)
                measure, cat = got if got is not None else ("people", "humanitarian")
                return Figure(s, end, value, "people", measure, cat, qualifier, _period(text, end), word)
            group = word.lower() in GROUP_NOUNS       # families, households: counted, not people
            if measure == "positions" and (_EMPLOYMENT_RE.search(text) or _ADDED_RE.match(text, end)):
                # "500 positions would be added": jobs, counted as the people who hold them
                measure, unit = ("jobs_added" if _ADDED_RE.match(text, end) else "jobs"), "people"
            toll = _TOLL_VERB_RE.match(text, end)
            if toll and measure not in ("killed", "injured", "displaced", "casualties") and (
                    unit == "people" or group or toll.group(1).lower() not in ("captured", "missing")):
                # "14 gunmen were killed", "three attackers died": what happened to them
                verb = _TOLL_VERBS[toll.group(1).lower()[:4]]
                if unit == "count" and measure in ANIMALS and verb == "killed" and toll.group(1).lower() in ("died", "dead"):
                    # "11 animals have died", "200 cattle died": a toll of what is counted
                    return Figure(s, end, value, "count", f"{measure}_killed", "humanitarian", qualifier,
                                  _period(text, end), word)
                measure = verb
                return Figure(s, end, value, "count" if group else "people", measure, category_of(measure, text), qualifier,
                              _period(text, end), word)
            own = verb_after(text, end) if unit == "people" or group else None
            if own is not None and own[0] not in ("population", measure):
                measure = own[0]                  # "70 cases are hospitalized": the noun's own predicate
            elif (unit == "people" or group) and measure not in ("cases", "protesters", "arrivals", "hospitalized",
                                                                 "killed", "injured", "displaced", "casualties"):
                got = people_measure(text, s, end)
                if got is not None and got[0] in ("killed", "injured", "detained", "arrested", "displaced",
                                                  "relocated", "stranded", "survivors", "missing", "layoffs",
                                                  "job_losses"):
                    measure = got[0]
                elif got is not None and got[0] == "affected":
                    measure = f"{measure}_affected"     # "affecting 14,775 students"
            elif unit == "count" and not group:
                state = state_of(text, s, end) or listed      # "five villages had been seized"
                if state:
                    measure = "jobs_lost" if measure == "jobs" and state == "destroyed" else f"{measure}_{state}"
                elif measure == "jobs" and _JOBS_LOST_RE.match(text, end):
                    measure = "jobs_lost"             # "1,000 jobs will be destroyed", "310 jobs will go"
            rate, r_end = _rate(text, end)
            if rate:
                measure, unit, end = f"{measure}_per_{rate}", f"{unit}/{rate}", r_end
            return Figure(s, end, value, unit, measure, category_of(measure, text), qualifier,
                          _period(text, end), word)
        if m.group("word") or m.group("plural"):
            return None
        noun = noun_before(text, s)
        if noun is None:
            return None
        nm, (measure, unit, cat, kind) = noun
        n_end = e
    if kind == "share":
        return None                       # "four ... the city": a share needs a percent
    if kind == "generic" and n_end > e and (
            re.search(r"\b(?:armed|masked)\b", text[e:n_end], re.I)
            or (re.search(r"\b(?:carried out|launched|perpetrated|mounted|staged)\W+by\s+(?:(?:about|around|some|nearly|"
                          r"at least|more than|up to)\s+)?$", text[max(0, s - 45):s], re.I)
                and re.search(r"\b(?:attack\w*|raid\w*|assault\w*|ambush\w*)\b", text, re.I))):
        # "carried out by about 40 heavily armed individuals": the attackers
        return Figure(s, n_end, value, "people", "attackers", "military", qualifier, _period(text, n_end), nm.group(0))
    if kind == "generic":
        got = people_measure(text, s, n_end)
        if got is None:
            # "about 50,000 workers", "900 passengers": the noun is the measure
            noun_word = nm.group(0).lower()
            if n_end == e or noun_word in ("men", "women", "children"):
                return None
            measure = _PEOPLE_NOUN_MEASURE.get(noun_word, noun_word)
            if re.search(r"\b(?:protest\w*|demonstrat\w*|procession|march(?:es|ed)?|rall(?:y|ies))\b", text, re.I):
                measure = "protesters"          # "police counted 28,000 people in the procession"
            got = (measure, category_of(measure, text) or "humanitarian")
        if got[0] == "affected" and nm.group(0).lower() not in ("people", "persons", "individuals"):
            got = (f"{nm.group(0).lower()}_affected", got[1])     # "affecting 14,775 students"
        measure, cat = got
    elif kind == "thing":
        # the verb that governs the count first ("destroyed 11,882 houses and damaged 16
        # schools"), then a damage word nearby
        state = (state_of(text, s, n_end) or listed) if n_end > e else ""
        dmg = None if state else (
            _DAMAGE_RE.search(text[n_end:n_end + 60]) or _DAMAGE_RE.search(text[max(0, s - 40):s])
            or (re.search(r"\bas well as\s+$", text[max(0, s - 12):s]) and _DAMAGE_RE.search(text[:s])))
        if dmg:
            state = "destroyed" if re.match(r"destroy|ruin|razed|flatten", dmg.group(1), re.I) else "damaged"
        if state in ("destroyed", "damaged", "affected", "hit"):
            measure += "_destroyed" if state == "destroyed" else "_damaged"
        else:
            # "37 schools were closed", "closing three factories": a count of the noun in its
            # state; buildings with no state said ("12 of its 36 hospitals") are no figure
            if n_end == e or not state:
                return None
            noun_word = open_noun(text, e, value)
            noun_word = noun_word[0] if noun_word is not None and noun_word[1] == "count" \
                else nm.group(0).lower().replace(" ", "_")
            return Figure(s, n_end, value, "count", f"{noun_word}_{state}" if state else noun_word, cat,
                          qualifier, _period(text, n_end), nm.group(0))
    elif kind == "people" and measure not in ("casualties", "killed", "injured", "displaced"):
        # "killed dozens of soldiers", "38 had died": the verb says what happened to them
        got = people_measure(text, s, n_end)
        if got is not None and got[0] in ("killed", "injured", "detained", "arrested", "casualties", "displaced", "missing",
                                          "rescued"):
            measure, cat = got
    elif kind == "people" and n_end == e:
        after = people_measure(text, e, e)
        if after is not None and after[0] in ("killed", "injured") and \
                re.match(r"\W*(?:\w+\W+){0,2}?(?:had|have|has|were|was)?\s*(?:died|been killed|"
                         r"killed|dead|injured|wounded)", text[e:e + 30], re.I):
            measure, cat = after
    rate, r_end = _rate(text, max(n_end, e))
    end = max(n_end, e) if noun is not None and n_end > e else e
    if rate:
        end = r_end
        measure = f"{measure}_per_{rate}"
        unit = f"{unit}/{rate}"
    return Figure(s, end, value, unit, measure, cat, qualifier, _period(text, end), nm.group(0))
