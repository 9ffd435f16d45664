"""What is not a place, though the gazetteer knows the name.

By form, before any resolution (`reject_by_form`): personal names (a title before the
name, or a capitalised word beside it that is no place: "President Vladimir", "Vladimir
Putin"; a nickname inside: "Joaquín “El Chapo” Guzmán"), organisations and units
("Institute for the Study of War", "U.S. Central Command"), demonyms, peoples and groups
spelt like a region ("ethnic Amhara", "Afar militias"), storms ("Hurricane Milton"),
capitals standing for their governments ("Kyiv said", "accused Kigali", "between Riyadh
and the Houthis"), names that speak ("Austin said"), features named after a place ("Gulf
of Aden", "the Dnipro river"), continents, months and weekdays, and the first or second
word of a longer name the gazetteer does not know ("Metro Manila").

What is no place in the article's context, after resolution, is `geo._in_context`'s.

Each returns the reason as a phrase ("" when the name stands), which the debug log and
`geo.places` read.
"""

from __future__ import annotations

import logging
import re

from geo import _recognize as rz
from geo._cues import word_before
from geo._item import Item
from geo._tuning import STRAY_POP, TINY_POP
from geo._words import (
    ACTOR_NOUNS, ADDRESSING_VERBS, AREA_WORDS, ARTICLES, AT_PLACE, AUXILIARIES, CLAUSE_WORDS,
    COAST_WORDS, CONNECTIVES, CONTRACTIONS, CRIME_GROUPS, DIRECTIONS, FACILITY_HEADS,
    FEATURE_PREFIXES, FEATURE_WORDS, GENERIC_NAME_WORDS, GROUP_NOUNS, HOLIDAYS, WEATHER,
    IRREGULAR_PAST, JURISDICTION_HEADS, LOCAL_HEADS, MODALS, MONTHS, NAME_PARTICLES,
    NATURAL_HEADS, NOT_VERBS_ED, ORG_WORDS, PEOPLE_ADJECTIVES, PLACE_ATTRIBUTES,
    PLACE_IN_AREA_NOUNS, PLACE_SUBJECT_VERBS, PLURAL_AREA_WORDS, REPORTING_VERBS,
    RESIDENT_NOUNS, SETTLEMENT_NOUNS, SPACED_NOT_CONNECTIVES, SPEECH_VERBS, STORM_WORDS, TITLES,
    WEEKDAYS, common_words, person_names,
)
from geo.countries import continent_names, is_capital, is_demonym
from geo.model import Candidate

__all__ = ["COMMON_AT_START", "COMMON_MODIFIER", "STORM_NAME", "PERSON_REASONS", "PERSON_SPEAKS",
           "SECOND_WORD",
           "FIRST_WORD",
           "reject_by_form", "a_surname"]

log = logging.getLogger(__name__)

#: the reasons `geo.places` looks for: a common word that may yet be the place the article
#: names elsewhere (one sense per article), and a storm's name, bare elsewhere too
COMMON_AT_START = "a common word opening a sentence or in a headline"
STORM_NAME = "a storm's name ('Hurricane Milton')"
#: the population below which a country's acronym in the gazetteer ("IOM") is read as an
#: organisation's (`geo._recognize` keeps undotted initials of three letters or more for
#: countries of a million or more likewise)
ACRONYM_COUNTRY_POP = 1_000_000
COMMON_MODIFIER = "a common word modifying a noun ('English language'), not a town"
SECOND_WORD = "the second word of a longer name the gazetteer does not know"
TAIL_OF_A_NAME = "the end of a longer name the gazetteer does not know"
_COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest",
                      "southeast", "southwest", "central"})
FIRST_WORD = "the first word of a longer name the gazetteer does not know"
PERSON_AFTER_TITLE = "a personal name after a title"
PERSON_PART = "part of a personal name"
PERSON_AGED = "a personal name followed by an age"
PERSON_NICKNAME = "a personal name with a nickname ('Joaquín “El Chapo” Guzmán')"
PERSON_SPEAKS = "a name that speaks: a person or an institution"
#: the reasons that say the name is a person's here (not PERSON_SPEAKS: "Gainesville says
#: no" is the town's people) (`geo.places` reads them: one sense
#: per name and article)
PERSON_REASONS = frozenset({PERSON_AFTER_TITLE, PERSON_PART, PERSON_AGED, PERSON_NICKNAME})


# ---------------------------------------------------------------------------- by form


_ACCORDING_TO = re.compile(r"\baccording to\s+$", re.I)


def reject_by_form(text, toks, it: Item, span_at, span_ends, gaz) -> str:
    """Person names, organisations, demonyms and metonyms: no resolution needed."""
    s = it.span
    is_country = it.cands[0].place.kind == "country"
    if it.feature:
        return "the name of a sea, cape or gulf named after the place"
    nxt = it.next_word
    if nxt is not None and nxt.low in NATURAL_HEADS and not toks[s.j - 1].possessive:
        return "a river, lake or mountain of that name"
    k = s.j
    while k < len(toks) and toks[k].cap and text[toks[k - 1].end:toks[k].start] == "-":
        k += 1
    if s.j < k < len(toks) and text[toks[k - 1].end:toks[k].start] == " " and toks[k].low in NATURAL_HEADS:
        return "a plateau, river or range named after two places ('the Yunnan-Guizhou Plateau')"
    prv = it.prev_word
    if prv is not None and prv.cap and prv.low in FEATURE_PREFIXES:
        return "a lake, mountain or valley named after the place"
    if not is_country and _ACCORDING_TO.search(text, max(0, it.start - 14), it.start) and \
            not toks[s.j - 1].possessive and (nxt is None or not nxt.cap):
        # "according to Xinhua.", "according to Reuters, ...": who says so, not where
        return "the source after 'according to', not a place"
    if prv is not None and prv.low == "the" and nxt is not None and \
            nxt.low in COAST_WORDS and not is_country and \
            it.cands[0].place.kind == "populated_place" and \
            it.cands[0].place.population < STRAY_POP:
        return "an ocean or sea's coast ('the Atlantic coast'), not a town's"
    if s.how == "acronym" and (not is_country or
                               it.cands[0].place.population < ACRONYM_COUNTRY_POP):
        # "DPRK", "PRC" name their countries; "IOM" is an agency more often than the Isle
        # of Man, as the initials of any small territory are something else first
        return "an acronym that names no country"
    if s.how == "country abbreviation" and _names_an_organisation(text, toks, s.j) and \
            _org_head(text, toks, s.j) not in JURISDICTION_HEADS:
        return "part of an organisation's name ('U.S. Central Command')"
    if it.key in continent_names() and not it.world_region:
        return "a continent (see geo._regions.CONTINENTS)"
    if it.key in HOLIDAYS and it.qualifier is None and not it.located:
        return "a holiday's name ('before Christmas')"
    if it.key in WEATHER and it.qualifier is None:
        return "a climate phenomenon ('El Niño'), not a town"
    if toks[s.j - 1].possessive and s.j < len(toks) and toks[s.j].low == "day" and \
            toks[s.j].cap:
        return "a holiday's name ('St. Patrick's Day')"
    if s.j - s.i == 1 and toks[s.i].key.replace("'", "").replace("’", "") in CONTRACTIONS \
            and re.search(r"['’]", toks[s.i].text):
        return "a contraction ('I've'), not a name"
    if it.key in MONTHS and it.qualifier is None and not it.region:
        return "a month's name ('in March')"
    if it.key in WEEKDAYS and it.qualifier is None and not it.region:
        return "a day's name ('by Thursday')"
    common = common_words()
    if nxt is not None and nxt.cap and s.j in span_at and not it.headline and \
            text[toks[s.j - 1].end:nxt.start] == " " and \
            not (it.common and it.sent_start) and \
            it.facility_end is None and nxt.low not in GENERIC_NAME_WORDS and \
            s.how != "dateline" and nxt.key not in WEEKDAYS and nxt.key not in MONTHS and \
            not (is_country and _person_follows(toks, s.j)) and \
            not _serves(toks, s, _cap_sequence(text, toks, s.i, s.j), it) and \
            not _opens_a_local_name(toks, s, _cap_sequence(text, toks, s.i, s.j), it):
        # two names side by side that are no name together: "Metro Manila", "Lloyd Austin"
        # (not "LONDON Pope Francis said", a dateline; nor "Moscow, Russia Thursday")
        return FIRST_WORD
    k = s.j
    if k + 1 < len(toks) and not is_country and not toks[k - 1].possessive and \
            toks[k].low in CONNECTIVES and not toks[k].cap and \
            text[toks[k - 1].end:toks[k].start] == "-" == text[toks[k].end:toks[k + 1].start] \
            and toks[k + 1].cap and k + 1 not in span_at:
        # "Bab-el-Mandeb", "Shatt-al-Arab": the name goes on (not "the Goma-Sake road")
        return "the first part of a longer hyphenated name the gazetteer does not know"
    if s.i in span_ends and not it.headline and not toks[s.i - 1].possessive and \
            text[toks[s.i - 1].end:toks[s.i].start] == " " and \
            _given_and_surname(toks[s.i - 1], it):
        return PERSON_PART  # "Dana Lincoln": a given name that is also a place
    if s.i in span_ends and not it.headline and not toks[s.i - 1].possessive and \
            text[toks[s.i - 1].end:toks[s.i].start] == " " and \
            span_ends[s.i].how != "dateline" and \
            not (toks[span_ends[s.i].i].low in common and toks[span_ends[s.i].i].sent_start) \
            and not (span_ends[s.i].j - span_ends[s.i].i == 1 and
                     toks[span_ends[s.i].i].low in DIRECTIONS):  # "Northeast Georgia"
        return SECOND_WORD
    if s.j - s.i > 1 and s.i > 0 and toks[s.i].low in _COMPASS and toks[s.i - 1].cap and \
            s.i not in span_ends and toks[s.i - 1].low not in common and \
            not toks[s.i - 1].possessive and text[toks[s.i - 1].end:toks[s.i].start] == " ":
        # "Matabeland South Province": the end of an area's name whose first word the
        # gazetteer does not know (here misspelt), not another country's "South Province"
        return TAIL_OF_A_NAME
    if s.j - s.i == 1 and toks[s.i].low in DIRECTIONS and it.qualifier is None and \
            it.cands[0].place.kind == "populated_place":
        return "a direction ('the Northwest', 'Northwest Eighth Avenue'), not a town"
    if it.common and nxt is not None and s.j - s.i == 1 and nxt.text[:1].isdigit() and \
            text[toks[s.j - 1].end:nxt.start] == " ":
        return "a numbered designation ('Section 2AA', 'Loop 286'), not a town"
    if not is_country and it.cands[0].place.kind == "populated_place" and \
            _hyphened_to_a_word(text, toks, s, span_at, span_ends):
        return "part of a hyphenated name or a firm's ('Wal-Mart', 'Stevens & Wilkinson')"
    if it.common and not is_country and s.j - s.i == 1 and not it.located and \
            it.qualifier is None and not it.region and nxt is not None and not nxt.cap and \
            nxt.alpha and nxt.low not in CLAUSE_WORDS and nxt.low not in RESIDENT_NOUNS and \
            nxt.low not in PLACE_ATTRIBUTES and nxt.low not in AUXILIARIES and \
            nxt.low not in SPEECH_VERBS and nxt.low not in _PEOPLE_OF_A_PLACE and \
            not toks[s.j - 1].possessive and \
            text[toks[s.j - 1].end:nxt.start] == " " and nxt.low in common and \
            not nxt.low.endswith(("ed", "s")):
        # "English language learners", "the Liberal government", "Christian community":
        # a common word before a noun is an adjective there, not a town
        return COMMON_MODIFIER
    if it.common and not is_country and s.j - s.i == 1 and not it.headline:
        why = _head_of_longer_name(text, toks, s)
        if why:  # unless a person's ("Juantissa Hill, 24,")
            return _person(text, toks, s, it, gaz.has_name) or why
    if (it.common or _plural_of_common(toks, s, it, common)) and not is_country and \
            not it.region and (it.sent_start or it.headline):
        # unless the article names it as a place elsewhere (see `geo.places._one_sense`): the checks
        # below still apply
        why = _reject_by_form_rest(text, toks, it, span_at, gaz, is_country, prv, nxt)
        return why or COMMON_AT_START
    return _reject_by_form_rest(text, toks, it, span_at, gaz, is_country, prv, nxt)


def _plural_of_common(toks, s: rz.Span, it: Item, common) -> bool:
    """Whether the name is one word, the plural of a common word ("Rains destroyed ...",
    "Sales were strong"), read as no country or first-level area ("Wales" stays)."""
    if s.j - s.i != 1 or it.cands[0].place.kind in ("country", "admin1"):
        return False
    w = toks[s.i].low
    return len(w) > 3 and w.endswith("s") and not w.endswith("ss") and (
        w[:-1] in common or (w.endswith("es") and w[:-2] in common) or
        (w.endswith("ies") and w[:-3] + "y" in common))


def _person_follows(toks, j: int) -> bool:
    """A given name and a capitalised word from ``toks[j]``: "ambassador to Egypt Dan
    Kurtzer" (the country, then the person)."""
    return j + 1 < len(toks) and toks[j].low in person_names()[0] and toks[j + 1].cap and \
        not toks[j].upper


def _hyphened_to_a_word(text, toks, s: rz.Span, span_at, span_ends) -> bool:
    """Whether the name is joined by a hyphen to a capitalised word that is no place:
    "Wal-Mart", "Tri-County", "Mercedes-Benz" (not "Kharkiv-Kyiv", both places, nor
    "R-Moorpark", a party's letter)."""
    surnames = person_names()[1]
    if (s.j < len(toks) and text[toks[s.j - 1].end:toks[s.j].start] == " & " and
            toks[s.j].cap and not toks[s.j].upper and
            (s.j not in span_at or toks[s.j].low in surnames)) or (
            s.i > 0 and text[toks[s.i - 1].end:toks[s.i].start] == " & " and
            toks[s.i - 1].cap and not toks[s.i - 1].upper and
            (s.i not in span_ends or toks[s.i - 1].low in surnames)):
        return True  # a firm: "Stevens & Wilkinson", "Marks & Spencer" (not "TIJUANA & SAN
        # DIEGO", two places)
    # (a word of two or three letters is a fragment, no place: "Wal-Mart", "Tri-State")
    if s.i > 0 and text[toks[s.i - 1].end:toks[s.i].start] == "-":
        w = toks[s.i - 1]
        if w.cap and w.alpha and not w.upper and len(w.text) > 1 and \
                (s.i not in span_ends or len(w.text) <= 3):
            return True
    if s.j < len(toks) and text[toks[s.j - 1].end:toks[s.j].start] == "-":
        w = toks[s.j]
        if w.cap and w.alpha and not w.upper and len(w.text) > 1 and \
                (s.j not in span_at or len(toks[s.j - 1].text) <= 3):
            return True
    return False


#: a town's name before these is the town ("a Concord resident", "the Delta officer")
_PEOPLE_OF_A_PLACE = frozenset({
    "resident", "native", "officer", "officers", "man", "woman", "boy", "girl", "family",
    "couple", "student", "students", "teacher", "developer", "settler", "mayor", "official",
    "officials", "councilman", "councilwoman", "toll", "office", "area", "hurricane",
})


def _head_of_longer_name(text, toks, s: rz.Span) -> str:
    """A common word that ends a capitalised name ("Cook Medical Center", "the Green
    Valley Community Center") or opens one with "of"/"for" ("the Center for Digital
    Democracy") is that name's head noun, not a town called Center."""
    if s.i > 0:
        p = toks[s.i - 1]
        if p.cap and p.alpha and not p.possessive and p.low not in DIRECTIONS and \
                text[p.end:toks[s.i].start] == " " and p.low not in TITLES and \
                p.low not in ARTICLES and not (p.sent_start and p.low in CONNECTIVES) and \
                p.low not in person_names()[0]:  # not "John Kelly", "Ms Hill" (people)
            return "the head word of a longer name ('Medical Center')"
    k = s.j
    if k + 1 < len(toks) and toks[k].low in ("of", "for") and toks[k + 1].cap and \
            text[toks[k - 1].end:toks[k].start] == " " == text[toks[k].end:toks[k + 1].start] \
            and not toks[k - 1].possessive:
        return "the head word of a longer name ('the Center for ...')"
    return ""


def _reject_by_form_rest(text, toks, it: Item, span_at, gaz, is_country, prv, nxt) -> str:
    s = it.span
    if s.j - s.i == 1 and not is_country and is_demonym(gaz, it.key):
        return "demonym"
    if s.j - s.i == 1 and it.key in PEOPLE_ADJECTIVES and not it.located and \
            it.qualifier is None:
        return "an adjective of a people, language or faith ('English', 'Christian')"
    group = _group_name(toks, it, prv, nxt)
    if group:
        return group
    if s.j - s.i == 1 and toks[s.i].low in ORG_WORDS and not is_country:
        return "an institution's name"  # "thanked Congress"
    if it.facility_end is None and not it.headline and s.how != "dateline":
        seq = _cap_sequence(text, toks, s.i, s.j)
        if len(seq) > s.j - s.i:  # capitalised words beside the name
            # a title cuts the run: "Senate Majority Leader Chuck Schumer of New York"
            cut = [k for k in seq if k < s.i and toks[k].low in TITLES]
            if cut:
                seq = [k for k in seq if k > cut[-1]]
            if any(toks[k].low in ORG_WORDS for k in seq
                   if toks[k].cap and not s.i <= k < s.j) \
                    and not (it.region and len(seq) == s.j - s.i + 1) \
                    and not _serves(toks, s, seq, it):
                return "part of an organisation's name"
        why = _person(text, toks, s, it, gaz.has_name)
        if why:
            return why
    elif it.facility_end is None and prv is not None and prv.low in TITLES:
        return PERSON_AFTER_TITLE
    top = it.cands[0]
    if not it.region and prv is not None and prv.low == "the" and top.place.kind == "admin1" \
            and not top.primary and not top.why[0].startswith("region") and \
            (nxt is None or nxt.low not in PLACE_IN_AREA_NOUNS) and \
            text[it.end:it.end + 1] != "-" and \
            not toks[s.j - 1].low.endswith("s"):
        # (not "the Nabatieh-Tyre road"; nor a plural name, which English writes with
        # "the": "the Canary Islands", "the Canaries", "the Azores" are the areas)
        return "'the' before an area's bare name: a sea, river or desert of that name"
    # "officials in Kyiv said", "the governor of Kharkiv urged", "traders in the City of
    # London said": the place is no subject
    grounded = it.located or (prv is not None and prv.low == "of" and
                              not toks[s.j - 1].possessive)
    if not grounded and prv is not None and prv.low == "the":
        before = word_before(toks, s.i - 1, text)
        grounded = before is not None and before.low in AT_PLACE
    if not it.region and not grounded and _names_a_capital(it.cands) and \
            _metonym(text, toks, it, span_at, gaz.has_name):
        return "a capital standing for its government"
    if not it.region and not grounded and not is_country and _speaks(text, toks, it) and \
            not (s.j - s.i > 1 and top.place.kind == "admin1" and top.primary):
        # (a state or province of several words speaks as its country does: "Alberta and
        # British Columbia asked", unlike "Austin said" or "Victoria told reporters")
        return PERSON_SPEAKS
    return ""


#: institutions a person may give the name of: the place must be of some size
SCHOOL_HEADS = frozenset({"university", "college"})


def _serves(toks, s: rz.Span, seq, it: Item | None = None) -> bool:
    """Whether the capitalised run `seq` around the name is a public body or institution
    of the place it names first: "the Texas Department of Health", "U.S. Department of
    Education", "Dublin City Council" (`JURISDICTION_HEADS`), not "Arakan Army", "U.S.
    Central Command" or "the University of Chicago"."""
    # the run from the name's own stretch of capitals ("the Grovetown Department" in
    # "Investigator Scott Wheatley of the Grovetown Department")
    opens = not any(k < s.i and toks[k].low not in ARTICLES for k in seq)
    seq = [k for k in seq if k >= s.i or not any(
        not toks[m].cap and toks[m].low not in ARTICLES for m in range(k, s.i))]
    if any(k < s.i and toks[k].low not in ARTICLES for k in seq):
        return False
    if opens and s.j < len(toks) and s.j in seq and not toks[s.j].cap:
        return True  # "Nevada for Air Force Reserve training": the body is not the place's
    k = next((k for k in seq if k >= s.j and toks[k].cap and toks[k].low in ORG_WORDS), None)
    if k is None or toks[k].low not in JURISDICTION_HEADS:
        return False
    if k == s.j and toks[k].low == "court":
        return False  # "Martin Court": a street
    if toks[k].low in SCHOOL_HEADS and it is not None:
        # "Ohio State University", "Boston University"; not "Chapman University" or
        # "Cornell University", named after people though small towns bear the name
        top = it.cands[0].place
        return top.kind in ("admin1", "country") or top.population >= STRAY_POP
    return True


def _opens_a_local_name(toks, s: rz.Span, seq, it: Item) -> bool:
    """Whether the name opens the name of a local institution or building that ends the
    run ("Hartford Hospital", "the Santa Ana Zoo", "Evansville Fire Department"): the
    place a map shows for it. Not a person's ("Lloyd Austin") nor a town's of one word
    that only another name holds ("Metro Manila")."""
    if any(k < s.i and toks[k].low not in ARTICLES for k in seq):
        return False
    last = max(seq)
    if last < s.j or toks[last].low not in LOCAL_HEADS:
        return False
    top = it.cands[0].place
    return top.kind in ("admin1", "country") or top.population >= TINY_POP


def _org_head(text, toks, j: int) -> str:
    """The first organisation head noun of the capitalised words from ``toks[j]`` on (as
    `_names_an_organisation` reads them), or ""."""
    k = j
    while k < len(toks) and toks[k].cap and toks[k].alpha and \
            text[toks[k - 1].end:toks[k].start].lstrip(".") == " " and k - j < 4:
        if toks[k].low in ORG_WORDS:
            return toks[k].low
        if toks[k].possessive:
            break
        k += 1
    return ""


def _names_an_organisation(text, toks, j: int) -> bool:
    """Whether the capitalised words from ``toks[j]`` on (one space apart, after an
    abbreviation's full stop too: "U.S. Central Command", "US Navy") end in an
    organisation's head noun."""
    k = j
    while k < len(toks) and toks[k].cap and toks[k].alpha and \
            text[toks[k - 1].end:toks[k].start].lstrip(".") == " " and k - j < 4:
        if toks[k].low in ORG_WORDS:
            return True
        if toks[k].possessive:
            break
        k += 1
    return False


def _group_name(toks, it: Item, prv, nxt) -> str:
    """"ethnic Amhara", "the Sinaloa cartel", "Afar militias": a people or a group that
    bears the name (an ethnonym is often spelt like its region); "Hurricane Milton".
    `prv` and `nxt` are the words joined to the name before and after it."""
    if prv is not None:
        if prv.low == "ethnic" and not it.region:
            return "an ethnic group of that name"
        if prv.cap and prv.low in STORM_WORDS:
            return STORM_NAME
    if nxt is None or it.region or nxt.low not in GROUP_NOUNS or \
            toks[it.span.j - 1].possessive:
        return ""
    if nxt.low in CRIME_GROUPS:
        return "a gang or cartel named after the place"
    if it.cands[0].place.kind == "admin1":
        return "a people's name spelt like its region ('Amhara militia')"
    if not any(c.primary for c in it.cands):
        # "Hamas militants", "Hezbollah fighters": a group whose name is no place's own,
        # only another name of some town (GeoNames lists "Hamas" for Hamm)
        return "a group's name that is only another name of a town"
    return ""


def _connects(text, toks, k: int) -> bool:
    """Whether lower-case ``toks[k]`` may sit inside a capitalised name run ("Institute
    for the Study of War"; not "In Sudan the African Union")."""
    t = toks[k]
    if t.low not in CONNECTIVES:
        return False
    if t.low == "the" and k > 0 and toks[k - 1].cap:
        return False
    if t.low in SPACED_NOT_CONNECTIVES:
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


def _person(text, toks, s: rz.Span, it: Item, has_name) -> str:
    """A place-named token inside a personal name: "Vladimir Putin", "Lloyd Austin"."""
    common = common_words()
    # a title before: "President Vladimir", "chief Rafael", "Mrs. Lincoln", "Sen. Jones"
    k = s.i - 1
    while k >= 0 and (text[toks[k].end:toks[k + 1].start] in (" ", "-") or (
            text[toks[k].end:toks[k + 1].start] == ". " and toks[k].low in TITLES
            and len(toks[k].text) <= 4)) and \
            not toks[k].possessive:
        w = toks[k]
        if w.low in TITLES:
            return PERSON_AFTER_TITLE
        if not (w.cap or w.low in NAME_PARTICLES):
            break
        k -= 1
    if _nickname_follows(text, toks, s.j, common) or (
            s.i > 0 and _namelike(toks[s.i - 1], common)
            and _nickname_follows(text, toks, s.i, common)):
        return PERSON_NICKNAME
    # a given name before a surname, or with an age: "Tyler Williams", "Hailey, 6"
    if s.j - s.i == 1 and it.key in person_names()[0] and s.j < len(toks) and \
            not toks[s.j - 1].possessive and (
                (text[toks[s.j - 1].end:toks[s.j].start] == " " and toks[s.j].cap and
                 not toks[s.j].upper and toks[s.j].low in person_names()[1] and
                 toks[s.j].key not in WEEKDAYS and toks[s.j].key not in MONTHS)
                or _AGE_AFTER.match(text, it.end)):
        return PERSON_PART
    # a middle initial after: "Jack L. Harmon", "Boyd J. Jones"
    if s.j + 1 < len(toks) and len(toks[s.j].text) == 1 and toks[s.j].text.isupper() and \
            text[toks[s.j - 1].end:toks[s.j].start] == " " and \
            text[toks[s.j].end:toks[s.j + 1].start] == ". " and \
            _namelike(toks[s.j + 1], ()) and not toks[s.j - 1].possessive:
        return PERSON_PART
    # a first name before and an age after: "said Sophia Lin, 34, an office worker"
    if text[it.end:it.end + 1] == "," and s.i > 0 and toks[s.i - 1].cap and \
            text[toks[s.i - 1].end:toks[s.i].start] == " " and \
            not toks[s.i - 1].possessive and _AGE_AFTER.match(text, it.end):
        return PERSON_AGED
    # a capitalised word after, through name particles ("Ahmed al-Sharaa")
    k, particle = s.j, False
    while k < len(toks) and not toks[k - 1].possessive:
        gap = text[toks[k - 1].end:toks[k].start]
        w = toks[k]
        if not (gap == " " or (particle and gap in ("-", " "))):
            break
        if w.low in NAME_PARTICLES and not w.cap:
            particle = True
            k += 1
            continue
        if _namelike(w, common) or (
                _namelike(w, ()) and _SURNAME_AFTER.match(text, w.end) and not w.sent_start):
            # a surname that is also a word ("Dallas Reed, told"), where a comma or a
            # speech verb closes the name
            return PERSON_PART
        break
    # a capitalised word before that is no common word and does not open the sentence
    k, particle = s.i - 1, False
    while k >= 0 and not toks[k].possessive:
        gap = text[toks[k].end:toks[k + 1].start]
        w = toks[k]
        if len(w.text) == 1 and w.cap and gap in (". ", "."):
            if w.text in "NSEW" and not (k > 0 and _namelike(toks[k - 1], ()) and
                                         text[toks[k - 1].end:w.start] == " "):
                break  # a compass point: "in W. Columbia", "S.E. Paris" (not "Steven W.")
            return PERSON_PART  # initials: "J.D. Vance"
        if not (gap == " " or (gap == "-" and w.low in NAME_PARTICLES)):
            break
        if w.low in NAME_PARTICLES and not w.cap:
            particle = True
            k -= 1
            continue
        if _namelike(w, common) and w.low not in DIRECTIONS and (
                not w.sent_start or (not w.cyrillic and not w.low.endswith(_PARTICIPLE_ENDINGS)
                                     and not has_name(w.key))):
            return PERSON_PART
        if not particle and _given_and_surname(w, it):
            return PERSON_PART  # "Rod Stewart", "Mark Kelly", "Austin Jones said"
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


def _given_and_surname(w: rz.Token, it: Item) -> bool:
    """A frequent given name before a frequent surname ("Rod Stewart", "Will Jones"): a
    person, though the given name is also a word or a place ("Mark", "Austin")."""
    if it.span.j - it.span.i != 1 or not w.cap or w.upper or len(w.text) < 2:
        return False
    given, surnames = person_names()
    return w.low in given and it.key in surnames


def _namelike(w: rz.Token, common) -> bool:
    """A capitalised word that could be part of a personal name."""
    return (w.cap and w.alpha and not w.upper and w.low not in common
            and w.low not in GENERIC_NAME_WORDS and w.low not in TITLES
            and w.low not in AREA_WORDS and w.low not in FACILITY_HEADS
            and w.low not in PLURAL_AREA_WORDS)


def _names_a_capital(cands: list[Candidate]) -> bool:
    for c in cands[:3]:
        if is_capital(c.place):
            return True
    return False


def _metonym(text, toks, it: Item, span_at=None, has_name=None) -> bool:
    """"Kyiv said", "Moscow’s push", "Cairo and Doha have been mediating", "accused Kigali",
    "Asmara has moved troops", "Washington would keep up pressure", "mediated between
    Riyadh and the Houthis": the capital as an actor is its government."""
    last = toks[it.span.j - 1]
    j = it.span.j
    i = it.span.i
    if i > 0 and toks[i - 1].low in ADDRESSING_VERBS and \
            text[toks[i - 1].end:toks[i].start] == " ":
        return True
    if last.possessive:
        nxt = toks[j] if j < len(toks) else None
        if nxt is None or nxt.cap or nxt.low in PLACE_ATTRIBUTES or not nxt.alpha:
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
            return w.endswith("ing") and w in REPORTING_VERBS
        if w in REPORTING_VERBS:
            return True
        if w in PLACE_SUBJECT_VERBS and w not in AUXILIARIES:
            return False
        if aux in MODALS or aux in ("has", "have", "had", "did", "does", "do"):
            if w in AUXILIARIES or w.endswith("ly"):
                aux = w if w in AUXILIARIES and w not in ("not", "also", "still", "never",
                                                               "already", "again", "then",
                                                               "n’t") else aux
                k += 1
                seen += 1
                continue
            if w in PLACE_SUBJECT_VERBS:
                return False  # "Mexico City would host the summit", "Kyiv has seen"
            return aux in MODALS or _past_form(w) or aux in ("did", "does", "do")
        if w in AUXILIARIES or (w.endswith("ly") and len(w) > 4):
            if w in AUXILIARIES and w not in ("not", "also", "still", "never", "already",
                                                 "again", "then", "n’t"):
                aux = w
            k += 1
            seen += 1
            continue
        return _past_form(w)
    return False


def _past_form(w: str) -> bool:
    """A past tense or participle: "moved", "deported", "bore", "cut"."""
    if w in IRREGULAR_PAST:
        return True
    return len(w) > 4 and w.endswith("ed") and w not in NOT_VERBS_ED


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
        if t.low in ACTOR_NOUNS and not t.cap:
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
        if head in SETTLEMENT_NOUNS or head in PLURAL_AREA_WORDS:
            return False
        if not head.endswith("s"):
            head = run[-1].low
    if not (head in ORG_WORDS or head in ACTOR_NOUNS
            or (head.endswith("s") and not head.endswith(("ss", "as", "us", "os")))):
        return False  # a group ("the Houthis", "the United Nations"), not "the Donbas"
    if words & (NATURAL_HEADS | FEATURE_WORDS | GENERIC_NAME_WORDS | AREA_WORDS
                | DIRECTIONS):
        return False  # "the Red Sea", "the West Bank", "the Artibonite department"
    return not has_name(" ".join(t.key for t in run))


def _speaks(text, toks, it: Item) -> bool:
    """"Austin said", "Sullivan told reporters": a surname or an institution, not a town."""
    j = it.span.j
    if toks[j - 1].possessive or j >= len(toks) or text[toks[j - 1].end:toks[j].start] != " ":
        return False
    w = toks[j]
    if w.cap and w.alpha and not w.upper and not w.possessive and j + 1 < len(toks) and \
            text[w.end:toks[j + 1].start] == " " and toks[j + 1].low in SPEECH_VERBS and \
            not any(w.low in words for words in (
                GENERIC_NAME_WORDS, AREA_WORDS, ORG_WORDS, TITLES,
                FACILITY_HEADS, NATURAL_HEADS)):
        return True  # a first name and a surname that speak: "London Breed said"
    return w.low in SPEECH_VERBS


# ---------------------------------------------------------------------------- one sense


def a_surname(text, toks, it: Item) -> bool:
    """Whether the person's name `it` was rejected as ends there: the surname, by which
    the article goes on to call the person ("Rick Stewart" ... "Stewart said"), not a
    first name ("Dallas" of "Dallas Reed")."""
    s = it.span
    if s.j - s.i != 1 or toks[s.i].upper:
        return False
    if toks[s.j - 1].possessive or s.j >= len(toks):
        return True
    nxt = toks[s.j]
    gap = text[toks[s.j - 1].end:nxt.start]
    if gap == " " and ((len(nxt.text) == 1 and nxt.text.isupper()) or
                       (nxt.cap and nxt.low in person_names()[1])):
        return False  # "Jackson P. Orr", "Tyler Wood": a first name
    return not (gap == " " and _namelike(nxt, common_words()))
