"""Closed word classes of news English that the geoparser's stages read around a name.

Months, weekdays, the nouns for the sides of a conflict, legislators "from" a state,
words that end a phrase after "in", storm and crime-group nouns: the grammar of news
writing, never names of places. The word classes the recogniser itself needs (titles,
area and facility nouns, reporting verbs...) are `geo._recognize`'s, and the list of
common English words is generated into `geo._recognize_words`.
"""

from __future__ import annotations

from functools import lru_cache

from geo.namekey import normalize

__all__ = [
    "CLAUSE_WORDS", "SINGULAR_AREA_WORDS", "AREA_TYPES", "CONSTITUENCY_NOUNS", "ARTICLES",
    "MONTHS", "WEEKDAYS", "ACTOR_NOUNS", "COAST_WORDS", "STORM_WORDS", "CRIME_GROUPS",
    "SPACED_NOT_CONNECTIVES", "common_words",
]

#: words that may follow a place name after "in": the phrase ends there ("in Geneva on
#: Tuesday", "in Geneva, where"), unlike "in Reading the report", "in Mobile phones"
CLAUSE_WORDS = frozenset({
    "on", "in", "at", "and", "or", "but", "where", "which", "who", "that", "to", "for",
    "with", "last", "this", "next", "after", "before", "since", "during", "until", "as",
    "by", "from", "near", "when", "while", "is", "was", "were", "has", "had", "have", "will",
    "would", "earlier", "later", "today", "yesterday", "tomorrow", "over", "under",
    "about", "into", "amid", "despite", "than", "if", "because", "so", "then", "again",
    "between", "among", "against", "across", "along", "around", "toward", "towards",
    "within", "through", "throughout", "beyond", "behind", "below", "above", "up", "down",
    "off", "out", "past", "via", "per", "like", "outside", "inside", "whose", "alone",
    "itself", "overnight", "early", "late",
})

#: an area word after a name, in the singular: "the Donetsk and Luhansk regions" tries
#: "donetsk region"
SINGULAR_AREA_WORDS = {"regions": "region", "oblasts": "oblast", "provinces": "province",
                       "states": "state", "governorates": "governorate",
                       "prefectures": "prefecture", "regional": "region", "oblast’": "oblast"}
#: the area types tried after any area word ("Belgorod region" may be a "Belgorod Oblast")
AREA_TYPES = ("region", "oblast", "province", "state", "governorate")

#: members of a legislature or a party, "from" the state or province they represent
CONSTITUENCY_NOUNS = frozenset({
    "senator", "senators", "congressman", "congresswoman", "congressmen", "congresswomen",
    "representative", "representatives", "republican", "republicans", "democrat",
    "democrats", "lawmaker", "lawmakers", "legislator", "legislators"})
ARTICLES = frozenset({"the", "a", "an"})

#: the months of the year, in English: "in March", "since May" are dates, whatever towns
#: bear the name ("March, Cambridgeshire" is read through its qualifier)
MONTHS = frozenset(normalize(m) for m in (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"))
#: the days of the week, in English: "by Thursday" (GeoNames: "Thursday" for Thursday
#: Island, Queensland)
WEEKDAYS = frozenset(normalize(d) for d in (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))

#: nouns for the sides of a conflict or a negotiation: "Tripoli and the eastern authorities"
ACTOR_NOUNS = frozenset({
    "authorities", "government", "governments", "rebels", "militia", "militias", "army",
    "insurgents", "militants", "opposition", "junta", "administration", "regime", "faction",
    "factions", "movement", "coalition", "alliance", "leadership", "parliament", "ministry",
    "president", "kremlin", "cartel", "cartels", "gangs", "separatists", "islamists",
})
COAST_WORDS = frozenset({"coast", "coastline", "seaboard", "shore", "shores", "seabed"})
STORM_WORDS = frozenset({"hurricane", "typhoon", "cyclone", "storm", "depression"})
CRIME_GROUPS = frozenset({"cartel", "cartels", "gang", "gangs", "mafia", "syndicate",
                          "syndicates"})

#: connectives that are English words between spaces ("as", "at", "on"): inside a name only
#: when hyphenated ("Rostov-on-Don", "Deir al-Balah")
SPACED_NOT_CONNECTIVES = frozenset({"as", "at", "an", "on", "am", "im", "en", "do", "y",
                                    "upon", "sur", "au", "aux", "na", "pod", "nad", "i", "e",
                                    "ul"})


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Common English words (`geo._recognize_words.COMMON_WORDS`), loaded on first use."""
    from geo._recognize_words import COMMON_WORDS

    return COMMON_WORDS
