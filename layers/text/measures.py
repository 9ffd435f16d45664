"""Open measures: what a number counts when its noun is outside the figures' vocabulary.

Any counted noun makes a measure ("577 strikes" -> strikes, "676 cases" -> cases, "163
seats" -> seats): the head of the noun phrase after the number (up to two modifiers
before it: "253 artillery strikes", "89 local governments"), as a plain snake_case name,
mapped onto the controlled vocabulary where one fits (demonstrators -> protesters). Its
unit is people for nouns that name people (a closed list, and plural demonyms:
"Palestinians"), count otherwise. Units beyond people and counts: tonnes (per year, per
day), barrels per day, magnitude, rainfall in litres per square metre, speeds in miles an
hour, and money in its ISO currency ("22.7 billion yuan" -> CNY).

>>> open_noun("577 strikes on the region", 3)[:3]
('strikes', 'count', 'strikes')
>>> open_noun("40 cases and five deaths", 2)[:2]
('cases', 'people')
"""

from __future__ import annotations

import functools
import re

__all__ = ["open_noun", "money_measure", "unit_after", "person_noun", "GROUP_NOUNS", "state_of", "STATES", "category_of", "topic_of",
           "percent_measure", "PEOPLE_NOUNS", "CURRENCY_WORDS",
           "TOLL_RE", "MAGNITUDE_RE", "counted_before", "people_measure",
           "verb_after"]

#: nouns that count people (their unit is people)
PEOPLE_NOUNS = {
    "cases", "patients", "customers", "demonstrators", "protesters", "protestors", "marchers",
    "participants", "migrants", "asylum-seekers", "passengers", "workers", "linemen",
    "victims", "suspects", "minors", "students", "voters", "residents", "people", "persons",
    "civilians", "children", "men", "women", "individuals", "villagers", "pilgrims",
    "worshippers", "miners", "journalists", "hostages", "detainees", "prisoners", "militants",
    "fighters", "rebels", "insurgents", "gunmen", "police", "policemen", "officers", "officials",
    "firefighters", "rescuers", "volunteers", "doctors", "nurses", "teachers", "pupils",
    "tourists", "visitors", "employees", "staff", "members",
    "farmers", "survivors", "arrivals", "applicants", "recruits", "athletes", "spectators",
    "fans", "inmates", "settlers", "bodies", "babies", "infants", "adults", "girls", "boys",
    "mourners", "medics", "paramedics", "contacts", "infections", "hospitalisations",
    "hospitalizations", "admissions", "beneficiaries", "subscribers", "users", "candidates",
    "nationals", "citizens", "foreigners", "fatalities", "deaths", "injuries", "casualties", "dead",
    "evacuees", "refugees", "displaced", "wounded", "injured", "killed", "troops", "soldiers",
    "deputies", "investigators", "traders", "vendors", "occupants", "sailors", "seafarers", "crew",
    "agents", "guards", "engineers", "labourers", "laborers", "drivers", "pilots", "pensioners",
    "retirees", "immigrants", "hikers", "commuters", "travellers", "travelers", "motorists",
    "pedestrians", "shoppers", "tenants", "homeowners", "youths", "teenagers", "relatives",
    "trainees", "attendees", "returnees", "deportees", "layoffs", "peacekeepers", "activists",
    "protesters", "lawmakers", "legislators", "delegates", "prisoners", "captives", "orphans",
    "attackers", "assailants", "raiders", "bandits", "terrorists", "kidnappers", "abductors",
}
#: nouns that count groups of people: their unit is count, but a verb next to them still
#: says what happened to them ("124 families were displaced": displaced, count)
GROUP_NOUNS = {"families", "households", "clans", "tribes", "communities"}


def person_noun(word: str) -> bool:
    """Whether a plural noun names people: the closed list above, a compound in -men
    ("fishermen", "gunmen"), or a plural in -ists or -ians ("cyclists", "pedestrians")."""
    w = word.lower()
    return w in PEOPLE_NOUNS or (w.endswith("men") and len(w) > 4) \
        or (w.endswith(("ists", "ians")) and w not in ("lists", "wrists", "twists", "fists", "mists"))
#: nouns onto the project's vocabulary (or one name for synonyms)
_MEASURE_OF = {
    "demonstrators": "protesters", "protestors": "protesters", "marchers": "protesters",
    "fatalities": "killed", "deaths": "killed", "dead": "killed", "bodies": "killed",
    "injuries": "injured", "infections": "cases", "soldiers": "troops",
    "houses": "homes", "linemen": "workers", "employees": "workers",
    "hospitalisations": "hospitalized", "hospitalizations": "hospitalized",
    "admissions": "hospitalized", "blasts": "explosions", "layoffs": "layoffs",
}
#: words that are not the head of a counted noun phrase
_NOT_HEAD = {
    "years", "months", "weeks", "days", "hours", "minutes", "seconds", "times", "percent",
    "others", "ones", "points", "its", "this", "his", "hers", "ours", "yours", "theirs", "as",
    "is", "was", "has", "does", "less", "plus", "minus", "thus", "us", "yes", "bus", "gas",
    "news", "series", "species", "means", "sides", "ways", "terms", "odds", "nearly", "has",
    "was", "versus", "stairs", "things", "reasons", "words", "goals", "degrees",
    "decades", "centuries", "nights", "mornings", "evenings", "weekends", "seasons",
    "thousands", "hundreds", "millions", "dozens", "tens", "scores", "billions",
    "millimetres", "millimeters", "centimetres", "centimeters", "inches", "metres", "meters", "kilometres",
    "kilometers", "miles", "feet", "yards", "litres", "liters",
}
#: modifiers that end the phrase (a verb, a function word): "40 cases were", "12 in Homs"
_STOP = {
    "in", "on", "at", "to", "from", "by", "with", "and", "or", "was", "were", "is", "are",
    "has", "have", "had", "been", "be", "said", "says", "per", "since", "that", "which", "who",
    "while", "but", "as", "for", "into", "after", "before", "than", "according", "over",
    "during", "when", "of", "the", "a", "an", "more", "less", "fewer", "other", "will", "would",
    "could", "can", "may", "might", "also", "not", "no", "its", "their", "his", "her", "this",
    "these", "those", "it", "they", "we", "he", "she", "out", "up", "down", "off", "about",
    "among", "including", "against", "across", "between", "each", "every", "all", "some",
    "per", "cent", "percent", "times", "year", "month", "week", "day", "hour", "old",
}
#: people nouns with no plural -s
_PLURAL_PEOPLE = {"police", "staff", "personnel", "people", "militia", "clergy", "crew"}
#: nouns that make a compound with the counted noun after them (the measure keeps them)
_NOUN_MODIFIERS = {"job", "power", "health", "electricity", "water", "oil", "gas", "school", "fire", "aid",
                   "food", "rescue", "border", "rail", "bus", "cargo", "fishing", "polling", "voting", "supply",
                   "transmission", "utility", "phone", "mobile", "grass", "bush", "forest", "artillery", "drone",
                   "missile", "air", "rocket", "mortar", "tank"}
#: words that add to a count without being its noun: "two more bodies", "40 new cases"
_EXTRA = {"more", "other", "new", "additional", "further"}
CURRENCY_WORDS = {
    "dollars": "USD", "euros": "EUR", "pounds": "GBP", "sterling": "GBP", "rubles": "RUB",
    "roubles": "RUB", "hryvnias": "UAH", "hryvnia": "UAH", "yuan": "CNY", "renminbi": "CNY",
    "rupees": "INR", "naira": "NGN", "rand": "ZAR", "yen": "JPY", "francs": "CHF",
    "shillings": "KES", "pesos": "MXN", "reais": "BRL", "lira": "TRY", "liras": "TRY",
    "dinars": "IQD", "riyals": "SAR", "dirhams": "AED", "taka": "BDT", "kwacha": "ZMW",
    "cedis": "GHS", "birr": "ETB", "USD": "USD", "EUR": "EUR", "GBP": "GBP", "UAH": "UAH",
    "RUB": "RUB", "CNY": "CNY", "INR": "INR", "NGN": "NGN", "JPY": "JPY", "ZAR": "ZAR",
    "CHF": "CHF", "KES": "KES", "BRL": "BRL", "MXN": "MXN", "TRY": "TRY",
}
_DEMONYM_RE = re.compile(r"[A-Z][a-z]+(?:ans|ians|is|ese|ers|ites|s)$")
_WORD_RE = re.compile(r"\s*(?:-\s*)?((?:[A-Z]\.){2,}|[A-Za-z][\w’'-]*)")
#: a death toll before a number: "the death toll ... has risen to", "put the toll at"
TOLL_RE = re.compile(r"\b(?:death|casualty|civilian death|fatality)?\s*toll\b(?:[^.;,\d]{0,80}?)"
                     r"\b(?:to|at|of|reached|hit|stands?|stood|is|was|rose|climbed|now|includes|including)\s+"
                     r"(?:(?:more than|over|at least|about|around|nearly|some|almost|roughly)\s+)?$", re.I)
# "the number of injured stood at more than 200", "the tally of displaced people rose to"
_NUMBER_OF_RE = re.compile(r"\b(?:number|count|tally|total)\s+of\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)"
                           r"(?:\s+(?:has|have|had|now|already|also)){0,2}\s+(?:stood|stands?|rose|risen|climbed|grown|fallen|"
                           r"reached|hit|jumped|increased|grew|is|was|went up|fell|dropped)"
                           r"(?:\s+(?:to|at))?\s+(?:(?:more than|over|at least|about|around|nearly|some|almost|"
                           r"roughly|just over|just under)\s+)?$", re.I)


_QUAL_BEFORE = r"(?:(?:more than|over|at least|about|around|nearly|some|almost|roughly|just over|just under|just)\s+)?$"
# "the number of houses needed in Wiltshire from 45,630 (to 36,740)": a count that changes
_NUMBER_FROM_RE = re.compile(r"\b(?:number|count|tally|total)\s+of\s+(?P<noun>[a-z][\w-]*)(?:\s+[\w-]+){0,7}?\s+from\s+"
                             + _QUAL_BEFORE, re.I)
#: nouns that are themselves a count of people: "its capacity of 400", "its workforce from 3,000"
_PEOPLE_QUANTITIES = {"capacity", "workforce", "headcount", "membership", "enrolment", "enrollment", "garrison",
                      "crew", "staff", "turnout", "attendance", "congregation", "electorate"}
_QUANTITY_BEFORE_RE = re.compile(r"\b(?P<noun>" + "|".join(sorted(_PEOPLE_QUANTITIES)) + r")\b(?:\s+[\w-]+){0,3}?\s+"
                                 r"(?:of|at|was|is|stood at|stands at|reached|to|from|rose to|fell to|numbered|"
                                 r"totall?ed)\s+" + _QUAL_BEFORE, re.I)


def counted_before(text: str, s: int) -> tuple[str, str] | None:
    """(measure, unit) of a number at `s` that a phrase before it counts ("the number of
    injured stood at 200": injured, people; "the number of houses needed from 45,630":
    houses, count; "its capacity of 400", "its workforce from 3,000": people), or None."""
    q = _QUANTITY_BEFORE_RE.search(text[max(0, s - 60):s])
    if q is not None:
        return q.group("noun").lower(), "people"
    m = _NUMBER_OF_RE.search(text[max(0, s - 80):s]) or _NUMBER_FROM_RE.search(text[max(0, s - 90):s])
    if m is None:
        return None
    words = m.group("noun").lower().split()
    head = words[-2] if len(words) > 1 and words[-1] in ("people", "persons") else words[-1]
    if head in ("people", "persons") or head in _STOP or head in _NOT_HEAD:
        return None
    return _MEASURE_OF.get(head, head.replace("-", "_")), "people" if person_noun(head) else "count"


MAGNITUDE_RE = re.compile(r"^(?:-|\s)?magnitude\b|^\s+on (?:the )?Richter scale", re.I)
_MAGNITUDE_BEFORE_RE = re.compile(r"\bmagnitude(?:-|\s+(?:of\s+)?)$|\b(?:the|a|its)\s+magnitude\s[^.;\d]{0,40}?\b"
                                  r"(?:at|to|of|was|is|as)\s+(?:about\s+|around\s+|nearly\s+)?$", re.I)


def is_magnitude(text: str, s: int, e: int) -> bool:
    """'6.3-magnitude', 'magnitude 6.3', 'a magnitude of 6.3', '8.2 on Richter scale', 'put the
    magnitude slightly lower, at 8.1'."""
    if re.match(r"\s*(?:-\s*)?(?:miles?|km|kilomet|met(?:er|re)s?|m\b|%|per cent|percent)", text[e:], re.I):
        return False                          # "the 6.3-magnitude quake was 17 miles outside"
    return bool(MAGNITUDE_RE.match(text[e:]) or _MAGNITUDE_BEFORE_RE.search(text[max(0, s - 60):s]))


_WIND_RE = re.compile(r"\b(?:wind|gust|gale|storm|typhoon|hurricane|cyclone|tornado)", re.I)


def unit_after(text: str, e: int) -> tuple[str, str, int] | None:
    """(unit, measure, end) of a unit word after a number: tonnes, barrels a day, litres,
    miles an hour, a currency word. None when no unit follows."""
    m = re.match(r"\s*(?:metric\s+)?(?P<u>tonnes|tons|t|barrels|bpd|[mk]bpd|[mk]b/d|b/d|litres|liters|mph|"
                 r"miles (?:an|per) hour|km/h|kilomet(?:er|re)s (?:an|per) hour|mm|millimet(?:er|re)s)\b",
                 text[e:], re.I)
    if m:
        u = m.group("u").lower()
        end = e + m.end()
        rest = text[end:end + 50]
        if u in ("tonnes", "tons", "t"):
            if u == "t" and not re.match(r"\s+of\b", rest):
                return None
            if re.match(r"\s*(?:of\s+[\w-]+\s+)?(?:a|per|each)\s+year\b|\s*(?:of\s+[\w-]+\s+)?annually\b", rest, re.I):
                return "tonnes/year", "", end
            if re.match(r"\s*(?:of\s+[\w-]+\s+)?(?:a|per|each)\s+day\b|\s*(?:of\s+[\w-]+\s+)?daily\b", rest, re.I) or \
                    re.search(r"\bdaily\b[^.;\d]{0,40}$", text[max(0, e - 60):e], re.I):
                return "tonnes/day", "", end
            return "tonnes", "", end
        if u in ("barrels", "bpd", "mbpd", "kbpd", "mb/d", "kb/d", "b/d"):
            # "1.2 mbpd" (its scale is read by the caller), "1.16 million barrels (mbpd) per day"
            if u != "barrels" or re.match(r"\s*(?:\((?:[mk]?bpd|[mk]?b/d)\)\s*)?(?:of\s+oil\s+)?(?:a|per|each)\s+day\b"
                                          r"|\s*daily\b", rest, re.I):
                return "bpd", "flow_rate", end
            return "barrels", "barrels", end
        if u in ("litres", "liters"):
            rain = re.search(r"\b(?:rain\w*|precipitation|downpour|fell|square met|flood\w*|burst its banks|"
                             r"overflow\w*|storm)", text, re.I)
            return ("l/m2", "rainfall", end) if rain else ("litres", "volume", end)
        if u in ("mm", "millimetres", "millimeters"):
            # "battered by more than 100 millimetres": a depth of rain where the weather is told
            return ("mm", "rainfall", end) if re.search(r"\b(?:rain\w*|precipitation|downpour|fell|batter\w*|"
                                                        r"drench\w*|deluge|soak\w*|flood\w*|storms?|dumped)",
                                                        text, re.I) else None
        if u == "mph" or u.startswith("miles"):
            return "mph", "wind_speed" if _WIND_RE.search(text) else "speed", end
        return "km/h", "wind_speed" if _WIND_RE.search(text) else "speed", end
    m = re.match(r"\s*(?P<u>megawatts?|MW|gigawatts?|GW)\b", text[e:])
    if m:
        giga = m.group("u").lower().startswith("g")
        return ("GW" if giga else "MW"), "power_capacity", e + m.end()
    m = re.match(r"\s*(?P<u>[A-Za-z]+)\b", text[e:])
    if m and (m.group("u") in CURRENCY_WORDS or m.group("u").lower() in CURRENCY_WORDS):
        code = CURRENCY_WORDS.get(m.group("u")) or CURRENCY_WORDS[m.group("u").lower()]
        return code, "money", e + m.end()
    return None


# verbs next to a generic people noun that give its measure
_PEOPLE_VERBS = [
    (re.compile(r"\b(kill\w*|died|dead|deaths?|perish\w*|drown(?:ed|ing)|lost their lives|martyr\w*)\b", re.I), "killed",
     "casualties"),
    (re.compile(r"\b(missing|unaccounted for)\b", re.I), "missing", "humanitarian"),
    (re.compile(r"\b(treat(?:ed|ing)|(?:in|listed in) (?:mild|moderate|serious|critical) condition)\b", re.I),
     "injured", "casualties"),
    (re.compile(r"\b(crossed (?:in)?to|crossing (?:in)?to|crossed the border)\b", re.I), "refugees",
     "humanitarian"),
    (re.compile(r"\b(arriv(?:ed|ing|e)|landed|disembark(?:ed|ing))\b", re.I), "arrivals", "humanitarian"),
    (re.compile(r"\b(hospitali[sz]ed|admitted to hospital|in hospital)\b", re.I), "hospitalized", "humanitarian"),
    (re.compile(r"\b(rescu(?:ed|ing)|saved)\b", re.I), "rescued", "humanitarian"),
    (re.compile(r"\b(protest(?:ed|ing)|demonstrat(?:ed|ing)|march(?:ed|ing)|rallied)\b", re.I), "protesters",
     "political"),
    (re.compile(r"\b(lost|losing|loses|casualties)\b", re.I), "casualties", "casualties"),
    (re.compile(r"\b(injur\w*|wound\w*|hurt)\b", re.I), "injured", "casualties"),
    (re.compile(r"\b(displac\w*|evacuat\w*|fled|flee\w*|left (?:their|the|flooded|home)\w*|shelter\w*|"
                r"(?:rendered|left|made) homeless)\b", re.I), "displaced", "humanitarian"),
    (re.compile(r"\b(relocat\w*|resettled)\b", re.I), "relocated", "humanitarian"),
    (re.compile(r"\b(trapped|besieged)\b", re.I), "trapped", "humanitarian"),
    (re.compile(r"\b(stranded)\b", re.I), "stranded", "humanitarian"),
    (re.compile(r"\b(affected|affecting|fac(?:e|es|ing) (?:severe |great |extreme )?hardships?)\b", re.I),
     "affected", "humanitarian"),
    (re.compile(r"\b(survived)\b", re.I), "survivors", "humanitarian"),
    (re.compile(r"\b(food insecur\w*|food shortages?|(?:acute |severe )?hunger)\b", re.I), "food_insecure",
     "humanitarian"),
    (re.compile(r"\b(at risk|in need|need\w* (?:aid|help|assistance)|fac\w* (?:hunger|famine|"
                r"starvation))\b", re.I), "in_need", "humanitarian"),
    (re.compile(r"\b(home to|live|lives|living|remain\w*|stay\w*)\b", re.I), "population",
     "humanitarian"),
    (re.compile(r"\b(arrest\w*)\b", re.I), "arrested", "political"),
    (re.compile(r"\b(lay(?:ing|s)? off|laid off|layoffs? of)\b", re.I), "layoffs", "economic"),
    (re.compile(r"\b(los(?:e|es|ing|t) (?:their|the|his|her) jobs?|costing [\w ]{0,20}jobs?|jobless|"
                r"out of work)\b", re.I), "job_losses", "economic"),
    (re.compile(r"\b(hir(?:e|ed|ing)|recruit(?:ed|ing))\b", re.I), "hired", "economic"),
    (re.compile(r"\b(detain\w*|captured|taken prisoner|abduct\w*|deport\w*)\b", re.I),
     "detained", "political"),
]


_OWN_VERB_RE = re.compile(r"\s+(?:more\s+|others?\s+|of (?:them|whom|these|those)\s+)?(?:(?:had|have|has|were|was|are|is|remain(?:ed|s)?)\s+)?"
                          r"(?:been\s+)?(?:also\s+|reportedly\s+|still\s+|later\s+)?"
                          r"(?:(?:sustained|suffered|suffer(?:ing|s)? from)\s+)?(?:(?:severe|acute|serious)\s+)?", re.I)


def verb_after(text: str, e: int) -> tuple[str, str] | None:
    """(measure, category) a people verb right after a bare number says ("and 27 missing",
    "52,286 had sustained injuries", "two million suffer from food shortages"), or None.

    >>> t = "11 people injured and nearly 100 arrested"
    >>> verb_after(t, t.index("100") + 3)
    ('arrested', 'political')
    """
    m = _OWN_VERB_RE.match(text, e)
    if m is None or m.end() == e and not text[e:e + 1].isspace():
        return None
    for rx, measure, cat in _PEOPLE_VERBS:
        if rx.match(text, m.end()) and measure != "population":
            return measure, cat
    return None


_NUMBER_WORD_RE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|"
                             r"thousands?|scores)\b", re.I)
_CLAUSE_BREAK_RE = re.compile(r",|\band\b|\bwhile\b|\bbut\b|\bwhereas\b|\bas\b|\u2014|\u2013", re.I)
_ONLY_QUALIFIERS_RE = re.compile(r"(?:\s|\b(?:at least|about|around|some|nearly|almost|more than|over|another|"
                                 r"a further|also|then|the|a|an|including|up to|roughly|an estimated)\b)*", re.I)


def people_measure(text: str, s: int, e: int) -> tuple[str, str] | None:
    """The measure of a generic people figure from the verbs next to it."""
    lo = max(0, s - 30)
    before = re.split(r"[;\n]", text[lo:s])[-1]      # not a verb of the item before
    cut = None
    for cut in _CLAUSE_BREAK_RE.finditer(before):
        pass
    after = re.split(r"[;.\n]", text[e:e + 70])[0]
    best = None
    for rx, measure, cat in _PEOPLE_VERBS:
        # the verb nearest the figure wins ("once home to 420,000 people, now shelters ...")
        for m in rx.finditer(before):
            if cut is not None and m.end() <= cut.start() and (
                    not _ONLY_QUALIFIERS_RE.fullmatch(before[cut.end():])
                    or not (_NUMBER_WORD_RE.search(before[m.end():cut.start()])
                            or re.search(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))\s+$",
                                         text[max(0, lo + m.start() - 12):lo + m.start()]))):
                # a verb before 'and' or a comma is another clause's unless its own number
                # stands beside it and only the number after: "killed 30 soldiers and 12
                # civilians", "4 deaths in X and 15 others" keep it; "one was killed and 21
                # people were missing", "killed 1,200 and took 240 hostages" do not
                continue
            d = len(before) - m.end()
            if best is None or d < best[0]:
                best = (d, measure, cat)
        m = rx.search(after)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), measure, cat)
    return None if best is None else (best[1], best[2])


def _singular_ok(word: str) -> bool:
    return word.isalpha() and word.islower() and len(word) > 2 and word not in _STOP


def open_noun(text: str, e: int, value: float = 2.0) -> tuple[str, str, str, int] | None:
    """(measure, unit, noun, end) of the counted noun after a number ending at e, or None.

    The head is the first plural noun within three words (lowercase, or a plural demonym:
    "Palestinians"); modifiers before it are lowercase words that are no function word, or
    capitalised adjectives ("Ukrainian"). With a value of one a singular head counts ("one
    seat", "one Ukrainian fatality").
    """
    pos = e
    words: list[str] = []
    for _ in range(3):
        m = _WORD_RE.match(text, pos)
        if not m:
            return None
        w = m.group(1)
        lw = w.lower()
        if lw in _EXTRA and not re.match(r"\s+than\b", text[m.end():]):
            pos = m.end()            # "two more bodies", "another 300 new cases"
            continue
        if lw in _STOP or re.search(r"[.;:!?,()\"“”]", text[pos:pos + m.start(1) - pos]):
            return None
        words.append(w)
        pos = m.end()
        head = None
        if lw in _PLURAL_PEOPLE or (w.islower() and lw.endswith("men") and len(lw) > 4) \
                or (w.islower() and lw in ("children", "women", "men")):
            head = lw                  # "2,500 police and soldiers", "300 staff", "14 gunmen"
        elif w.islower() and len(w) > 3 and re.search(r"[^su]s$", lw) and lw not in _NOT_HEAD \
                and not lw.endswith(("ous", "less", "ness", "ics")):
            head = lw
        elif w[0].isupper() and _DEMONYM_RE.fullmatch(w) and len(words) == 1 \
                and re.match(r"\s+(?:were|was|are|have|had|has|who|killed|dead|died|injured|wounded|"
                             r"detained|arrested|fled|left|in|from)\b", text[pos:]):
            head = "people"
        elif value == 1 and _singular_ok(lw) and lw not in _NOT_HEAD and not lw.endswith(("ly", "ed")):
            # "one seat", "one Ukrainian fatality": the singular, from its plural
            if re.match(r"\s*(?:[,;.)\u2013\u2014:]|$|\b(?:in|on|at|was|were|has|had|of|from|and|is|"
                        r"remains?|[a-z]+ed)\b)", text[pos:]):
                head = _plural(lw)
        if head:
            if head == "people":
                return "", "people", w, pos
            measure = _MEASURE_OF.get(head, head.replace("-", "_"))
            unit = "people" if person_noun(head) else "count"
            if unit == "count" and head not in _MEASURE_OF and len(words) > 1 and words[-2].lower() in _NOUN_MODIFIERS:
                measure = f"{words[-2].lower()}_{measure}"     # "330 job losses", "85 power poles"
            return measure, unit, w, pos
        # a modifier: a lowercase word that is no verb form, a capitalised adjective, or a
        # name before a lowercase noun ("183 Sumy settlements", "2,300 U.S. workers",
        # "800 new TI jobs"); a word in -ing only before a plural ("six water-dropping planes")
        nxt = _WORD_RE.match(text, pos)
        nxt = nxt.group(1) if nxt and not re.search(r"[.;:!?,()\"“”]", text[pos:nxt.start(1)]) else ""
        if w[0].isupper():
            if not re.search(r"(?:an|ian|ese|ish|i|ic)$", w) and not nxt.islower():
                return None
        elif lw.endswith(("ing",)) and lw not in ("building",) and not (nxt.islower() and nxt.endswith("s")):
            return None
    return None


_IRREGULAR = {"child": "children", "person": "people", "man": "men", "woman": "women", "foot": "feet",
              "mouse": "mice", "life": "lives", "wife": "wives", "thief": "thieves", "leaf": "leaves",
              "aircraft": "aircraft", "sheep": "sheep", "fish": "fish", "series": "series"}


def _plural(w: str) -> str:
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("y") and w[-2:-1] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith(("s", "x", "ch", "sh")):
        return w + "es"
    return w + "s"


_CHANGE_RE = re.compile(r"\b(?:increas\w*|ris(?:e|en|ing)|rose|up|down|decreas\w*|drop\w*|fall(?:en|ing)?|fell|"
                        r"jump\w*|grow\w*|grew|declin\w*|surg\w*|climb\w*|cut|slump\w*|gain\w*|"
                        r"lower|higher)\b(?:\s+(?:by|of))?\s+(?:about\s+|around\s+|nearly\s+|some\s+)?$", re.I)
# what the head of a list says changed: "growth was led by ...", "offset by losses at ..."
_HEAD_CHANGE_RE = re.compile(r"\b(?:growth|grew|grow(?:s|ing)?|gains?|gained|losses|loss|rises|rose|risen|increases?|"
                             r"increased|declines?|declined|decreases?|decreased|falls|fell|fallen|drops?|dropped|"
                             r"slump\w*|surge\w*|jump\w*|contract\w*|expan\w*)\b", re.I)
_CATEGORY_WORDS = [
    (re.compile(r"strike|attack|shell|missile|drone|explosion|blast|bomb|raid|troop|soldier|militant|"
                r"fighter|rebel|massacre|clash|sortie|round", re.I), "military"),
    (re.compile(r"killed|injured|casualt|victim|bod(?:y|ies)|suspect|minor", re.I), "casualties"),
    (re.compile(r"case|patient|hospital|infect|migrant|arrival|refugee|rescued|famil|homes|"
                r"household|evacu|missing|tent|shelter|food", re.I), "humanitarian"),
    (re.compile(r"seat|vote|protest|demonstrat|candidate|detain|arrest|constituenc|ballot", re.I), "political"),
    (re.compile(r"_captured|_controlled", re.I), "territorial"),
    (re.compile(r"layoffs|^jobs|job_|workforce|salar|wages", re.I), "economic"),
    (re.compile(r"lines|bridge|tunnel|train|road|station|pipeline|school|poles|electric|power", re.I),
     "infrastructure"),
    (re.compile(r"money|output|production|capacity|stake|invest|tonnage|copper|cobalt|flow_rate|^loss$|^cut$|"
                r"_increase$|_cut$|^savings$|^spending$", re.I), "economic"),
]


#: what a sentence is about, by its words: the category of a figure whose noun says nothing
_TOPICS = [
    ("political", re.compile(r"\b(?:votes?|voters?|voting|seats?|elect\w*|ballots?|polls?|protest\w*|"
                             r"demonstrat\w*|strikers?|unions?|parliament\w*|part(?:y|ies)|referendum|"
                             r"government|minister|majority|procession|mobili[sz]ation)\b", re.I)),
    ("humanitarian", re.compile(r"\b(?:flood\w*|fires?|wildfires?|blaze|burn\w*|quakes?|earthquakes?|"
                                r"storms?|hurricanes?|cyclones?|drought|rain\w*|outbreak|epidemic|disease|"
                                r"fever|cholera|cases|infect\w*|refugees?|migrants?|displaced|evacu\w*|"
                                r"hunger|famine|food|aid|humanitarian|shelters?|disaster|wind|hail|"
                                r"relief|hectares)\b", re.I)),
    ("military", re.compile(r"\b(?:attack\w*|strikes?|missiles?|drones?|shell\w*|troops|soldiers|"
                            r"military|army|forces|artillery|bomb\w*|raids?|offensive|front)\b", re.I)),
    ("infrastructure", re.compile(r"\b(?:power|electricity|outages?|grid|railways?|rail|trains?|bridges?|"
                                  r"tunnels?|roads?|pipelines?|ports?|airports?|lines?|routes?|"
                                  r"passengers?|customers)\b", re.I)),
    ("economic", re.compile(r"\b(?:invest\w*|output|production|produc\w*|exports?|imports?|revenue|growth|"
                            r"volumes?|throughput|TEU|cargo|trade|tariffs?|tax(?:es)?|GDP|inflation|profits?|"
                            r"budget|spending|spent|costs?|prices?|markets?|compan(?:y|ies)|stake|"
                            r"econom\w*|tonnes|mine|mining|copper|cobalt|oil|gas|workers)\b", re.I)),
]


@functools.lru_cache(maxsize=256)
def topic_of(text: str) -> str:
    """The category a text's words speak of most ("" when none): votes and protests are
    political, disasters, disease and displacement humanitarian, attacks military, ..."""
    best, hits = "", 0
    for cat, rx in _TOPICS:
        n = len(rx.findall(text))
        if n > hits:
            best, hits = cat, n
    return best


def category_of(measure: str, text: str) -> str:
    """The category of a figure: its measure's when that says one (killed: casualties;
    strikes: military), else what its sentence speaks of (`topic_of`), else ""."""
    for rx, cat in _CATEGORY_WORDS:
        if rx.search(measure):
            return cat
    topic = topic_of(text)
    if measure == "change" and topic == "infrastructure" and _TOPICS[-1][1].search(text):
        return "economic"           # "volume gains ... offset by declines at the ports": a change of trade
    return topic


def percent_measure(text: str, s: int, end: int) -> str:
    """The measure of a percentage with no noun of the vocabulary: a change ("an increase of
    20%", "up by 60 per cent"), a named rate ("a case fatality rate of 16.1 per cent"), a
    share of a counted noun ("72 per cent of cases", "46.27% of all votes"), else "share"."""
    before = text[max(0, s - 40):s]
    if _CHANGE_RE.search(before) or re.match(r"\s+(?:increase|rise|drop|decrease|fall|jump|"
                                               r"growth|decline|higher|lower|more|less)\b", text[end:]):
        return "change"
    after = re.match(r"\s+(?:(?:[a-z]+\s+){1,3}?)?(increase|rise|hike|drop|decrease|fall|jump|growth|decline)\b",
                     text[end:])
    if after and not re.match(r"\s+(?:of|in|on|at)\b", text[end:]):
        return "change"                     # "a two per cent adult social care increase"
    noun = re.match(r"\s+(loss|losses|cut|cuts|reduction|discount|stake|turnout|majority)\b", text[end:])
    if noun:
        return {"losses": "loss", "cuts": "cut", "reduction": "cut"}.get(noun.group(1), noun.group(1))
    raised = re.search(r"\b(increas\w*|rais\w*|cut\w*|reduc\w*|lower\w*|hik\w*)\s+(?:the\s+|its\s+|their\s+)?"
                       r"((?:[a-z]+\s+){0,2}?[a-z]+)\s+by\s+(?:about\s+|around\s+|nearly\s+|some\s+|up to\s+)?$",
                       text[max(0, s - 60):s], re.I)
    if raised and raised.group(2).lower() not in ("it", "them", "this", "that", "prices", "output") \
            and not re.search(r"\d", raised.group(2)):
        # "increase council tax by two per cent": the increase of what is increased
        what = raised.group(2).lower().replace(" ", "_")
        return f"{what}_{'increase' if raised.group(1).lower().startswith(('increas', 'rais', 'hik')) else 'cut'}"
    if text[s:s + 1] in ("-", "+", "\u2212"):
        return "change"                     # "(-5.2 per cent)", "+3%": a signed percentage is a change
    if re.search(r"[A-Z][\w’'.-]*\s*\(\s*$", text[:s]) and _HEAD_CHANGE_RE.search(text[:s]):
        # "growth was led by ports including Alpha (10.8 per cent), Beta (10.6 per cent)":
        # a percentage after each place of a list whose head says what changed
        return "change"
    if re.search(r"\b(?:growth|increase|rise|decline|drop|fall|decrease|change)\s+(?:\w+\s+){0,3}?(?:was|is|of|at|"
                 r"stood at|reached)\s+(?:about\s+|around\s+|nearly\s+|some\s+)?$", before, re.I):
        return "change"                     # "growth at the plant was 12 per cent"
    named = re.search(r"\b((?:[a-z]+\s+){0,2}[a-z]+)\s+(?:\([A-Z]+\)\s+)?(?:of|at|to|was|is|stood at|"
                      r"reached)\s+(?:about\s+|around\s+|nearly\s+|some\s+)?$", before)
    if named and re.search(r"(?:rate|share|stake|turnout|inflation|unemployment|margin|"
                           r"proportion|ratio|level|capacity)$", named.group(1)):
        words = named.group(1).split()
        while words and words[0] in ("a", "an", "the", "its", "their"):
            words = words[1:]
        return "_".join(words)
    of = re.match(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)*(?:[\w-]+\s+){0,2}?([a-z]+s)\b", text[end:])
    if of:
        return f"{_singular(of.group(1))}_share"
    named = re.search(r"\b([a-z]+)\s+share\b", text)       # "In terms of vote share, ... won 42.23%"
    if named and named.group(1) not in ("the", "a", "its", "their", "market's"):
        return f"{named.group(1)}_share"
    return "share"


def _singular(w: str) -> str:
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes")):     # "classes", "taxes"; "cases" -> "case"
        return w[:-2]
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


# what happened to counted things, by the participle or verb that says it (the measure's suffix)
_STATES = [
    ("destroyed", r"destroy(?:ed|ing|s)?|raz(?:ed|ing)|flatten(?:ed|ing)|level(?:l)?ed|ruined|gutted|"
                  r"washed away|swept away|burn(?:ed|t) down|collapsed"),
    ("damaged", r"damag(?:ed|ing|es)?|flooded|inundated|submerged"),
    ("hit", r"hit|struck|shelled|bombed|targeted|attacked|(?:came|come|coming) under (?:fire|attack|shelling)"),
    ("affected", r"affect(?:ed|ing|s)?|(?:[\w-]+-)hit"),
    ("captured", r"captur(?:ed|ing|es)?|seiz(?:ed|ing|es)?|taken|took|tak(?:ing|es)|occupied|overr(?:an|un)"),
    ("evacuated", r"evacuat(?:ed|ing|es)?"),
    ("closed", r"clos(?:ed|ing|es)|shut(?:ting)?(?: down)?"),
    ("without_power", r"without (?:power|electricity)|lost (?:power|electricity)|left without power"),
    ("cut_off", r"cut off"),
    ("saved", r"sav(?:e|ed|ing)|spared"),
    ("built", r"built|construct(?:ed|ing)|completed"),
    ("burning", r"(?:still |currently )?burning|ablaze"),
]
#: the states, as measure suffixes
STATES = [name for name, _ in _STATES]
_STATE_ALT = "|".join(f"(?P<{name}>{rx})" for name, rx in _STATES)
_ADVERB = r"(?:(?:also|all|completely|partially|partly|badly|severely|totally|fully|heavily|reportedly|now|" \
          r"either|being|been|already|still|currently)\s+)*"
#: the participle right after a counted noun: "500 outbuildings were destroyed", "two villages seized"
_STATE_AFTER_RE = re.compile(r"\s+(?:(?:that|which)\s+)?(?:(?:were|was|are|is|have been|has been|had been|have|"
                             r"had|has|got|to be|being|will be|would be)\s+)?" + _ADVERB
                             + rf"(?:{_STATE_ALT})\b", re.I)
_COORDINATED_RE = re.compile(r"\s+(?:and|or)\s+(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|"
                             r"a|an)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?"
                             r"(?=\s+(?:were|was|are|is|have|had|has|[a-z]+ed)\b)",
                             re.I)
#: the verb right before a number: "destroyed 11,882 houses", "captured four more villages"
_STATE_BEFORE_RE = re.compile(rf"\b(?:{_STATE_ALT})\s+(?:(?:at least|about|around|some|nearly|almost|more than|"
                              rf"over|up to|another|a further|an estimated|the)\s+)?$", re.I)
#: what may stand between a verb and the later items of its list: "damaged 16 centres, 346 classrooms, and"
_LIST_ITEMS_RE = re.compile(r"(?:[\s,]|\band\b|\d[\d,.]*|[a-z][a-z-]*|’s|'s)*", re.I)
_LIST_BREAK_RE = re.compile(r"\b(?:were|was|is|are|has|have|had|in|on|at|to|from|by|with|said|says|which|who|"
                            r"that|while|but|after|before|when|as|of)\b", re.I)


def _state(m: re.Match) -> str:
    return next(name for name, _ in _STATES if m.group(name))


def state_of(text: str, s: int, end: int) -> str:
    """What happened to the things counted by the number at `s` whose noun ends at `end`:
    "destroyed", "damaged", "affected", "captured", "evacuated", "closed", "without_power",
    "saved", "built", "burning", or "" when no participle or verb next to them says.

    The verb right before the number wins ("destroyed 11,882 houses and damaged 16"), then
    a participle right after the noun ("500 outbuildings were destroyed"), then a verb
    earlier in the list the number is an item of ("damaged 16 health centres, 346
    classrooms and 141 poles").

    >>> t = "Russia captured four more villages"
    >>> state_of(t, t.index("four"), len(t))
    'captured'
    >>> t = "It damaged 16 centres, 346 classrooms (in 3 towns) and 141 poles"
    >>> state_of(t, t.index("141"), len(t))
    'damaged'
    """
    before = _STATE_BEFORE_RE.search(text[max(0, s - 60):s])
    if before:
        return _state(before)
    after = _STATE_AFTER_RE.match(text, end)
    if after is None:
        # "One home and 14 roads damaged": the participle after a coordinated count is this one's too
        co = _COORDINATED_RE.match(text, end)
        after = _STATE_AFTER_RE.match(text, co.end()) if co else None
    if after and (after.group(0).strip().lower() != after.group(after.lastgroup).lower()
                  or re.match(r"\s*(?:[,.;:)\u2013\u2014-]|$|(?:in|on|at|by|during|since|after|before|when|as|and|"
                              r"or|from|over|across|throughout|overnight|last|this|yesterday|today|so far|"
                              r"near|outside|around)\b)", text[after.end():], re.I)):
        # a participle with its auxiliary, or one with no object after it ("houses destroyed
        # in the flood"); "24 strikes hit six locations": the strikes did the hitting
        return _state(after)
    flat = re.sub(r"\([^()]*\)", lambda p: " " * len(p.group(0)), text[max(0, s - 160):s])
    last = None
    for last in re.finditer(rf"\b(?:{_STATE_ALT})\b", flat, re.I):
        pass
    if last is not None:
        gap = flat[last.end():]
        if re.search(r"\d", gap) and _LIST_ITEMS_RE.fullmatch(gap) and not _LIST_BREAK_RE.search(gap) \
                and not re.search(r"[.;:!?]", gap):
            return _state(last)
    return ""


# what is done with an amount of money, after it ("£18m needs to be saved") or before it ("to save £8m")
_MONEY_AFTER_RE = re.compile(r"\s*(?:[a-z]+\s+){0,2}?(?:(?:needs?|has|have|is|are)\s+to\s+|must\s+|will\s+|would\s+|"
                             r"should\s+|could\s+|to\s+)?(?:be\s+|been\s+|was\s+|were\s+)?(saved|cut|spent|invested|"
                             r"raised|borrowed|allocated|lost)\b", re.I)
_MONEY_BEFORE_RE = re.compile(r"\b(sav(?:e|es|ing)|cut(?:s|ting)?|spen(?:d|ds|ding)|invest(?:s|ing)?|rais(?:e|es|ing)|"
                              r"borrow(?:s|ing)?|allocat(?:e|es|ing))\s+(?:(?:about|around|nearly|some|almost|"
                              r"an extra|another|a further|up to|more than)\s+)?$", re.I)
# the noun an amount of money is said of, before it: "an economic loss of", "a budget of", "damage estimated at"
_MONEY_NOUN_RE = re.compile(r"\b((?:economic|financial|estimated|total|annual|direct|property|crop)?\s*(?:loss|losses|damage|"
                            r"damages|cost|costs|budget|investment|revenue|spending|deficit|debt|savings|aid|funding|"
                            r"compensation|fine|ransom))\s+(?:of|worth|totall?ing|estimated at|put at|at)\s+"
                            r"(?:(?:at least|about|around|nearly|some|almost|more than|over|up to|an estimated)\s+)?$",
                            re.I)
_MONEY_VERBS = {"sav": "savings", "cut": "cuts", "spe": "spending", "inv": "investment", "rai": "funds_raised",
                "bor": "borrowing", "all": "allocation", "los": "losses"}


def money_measure(text: str, s: int, e: int) -> str:
    """What an amount of money is: savings ("£18m needs to be saved", "to save £8m"), cuts,
    spending, investment, ...; "money" when no verb next to it says."""
    m = _MONEY_AFTER_RE.match(text, e) or _MONEY_BEFORE_RE.search(text[max(0, s - 30):s])
    if m:
        return _MONEY_VERBS[m.group(1).lower()[:3]]
    noun = _MONEY_NOUN_RE.search(text[max(0, s - 60):s])
    if noun:
        # "a direct economic loss of at least 490 million yuan": what the amount is
        words = noun.group(1).lower().split()
        words[-1] = {"losses": "loss", "costs": "cost", "damages": "damage"}.get(words[-1], words[-1])
        return "_".join(w for w in words if w not in ("a", "an", "the", "its", "their", "total"))
    return "money"
