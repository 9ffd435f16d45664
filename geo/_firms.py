"""Firms, products, parties and parliaments named like places: "Hope’s Wings" (a shelter),
"Pandora’s Box", "Moody’s Analytics", "United Russia" (a party), "the Duma", "the Xinhua news
agency" (and, one sense per article, "according to Xinhua", "told Xinhua": `media_names`)."""

from __future__ import annotations

from geo._tuning import STRAY_POP
from geo._words import (
    DIRECTIONS, FACILITY_HEADS, GENERIC_NAME_WORDS, MONTHS, NATURAL_HEADS, TITLES, WEEKDAYS,
    common_words,
)

__all__ = ["PARLIAMENTS", "MEDIA_NAME", "names_a_firm", "media_names"]

#: why a small town's name is no place: a news outlet's
MEDIA_NAME = "a news outlet's name ('the Xinhua news agency')"
#: the nouns after a news outlet's name: "the Xinhua news agency", "Kommersant newspaper"
_MEDIA_NOUNS = frozenset({"news", "newspaper", "daily", "television", "tv", "radio",
                          "broadcaster", "wire"})

#: parliaments whose one-word names are also towns' (Duma, Syria; Rada, Ukraine)
PARLIAMENTS = frozenset({"duma", "rada", "knesset", "bundestag", "bundesrat", "sejm",
                         "majlis", "storting", "riksdag", "folketing", "althing", "seimas",
                         "saeima", "riigikogu", "sobranie", "khural", "jirga"})
#: "United Russia": a country's name after this word, where the two make no place's name,
#: is a party's or a movement's
_PARTY_OPENERS = frozenset({"united"})
#: titles of a firm's officers: "Cadillac President Johan de Nysschen", "Samsung chief Lee
#: Jae-yong" (not a town's officers: "Mayor", "Governor")
_FIRM_TITLES = frozenset({"president", "chief", "ceo", "chairman", "chairwoman", "founder",
                          "cofounder", "co-founder", "owner", "spokesman", "spokeswoman",
                          "spokesperson"})
#: words that end a place's street, building or feature: "Rock Hill's Main Street",
#: "St. Peter's Basilica", "Wilson's Farm" name something in the place
_IN_PLACE = FACILITY_HEADS | NATURAL_HEADS | GENERIC_NAME_WORDS | frozenset({
    "street", "streets", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "lane",
    "drive", "way", "place", "court", "parkway", "park", "basilica", "chapel", "cathedral",
    "church", "abbey", "farm", "farms", "mill", "market", "hall", "green", "common", "quay",
})


def names_a_firm(text, toks, it) -> str:
    """Why the name `it` is a firm's, product's, party's or parliament's here, or ""."""
    s = it.span
    top = it.cands[0].place if it.cands else None
    if top is None:
        return ""
    if it.key in PARLIAMENTS and it.qualifier is None and not it.located:
        return "a parliament's name ('the Duma')"
    if s.i > 0 and toks[s.i - 1].low in _PARTY_OPENERS and toks[s.i - 1].cap and \
            text[toks[s.i - 1].end:toks[s.i].start] == " " and \
            top.kind in ("country", "admin1"):
        return "a party's name ('United Russia')"
    last = toks[s.j - 1]
    if not last.possessive and s.j < len(toks) and toks[s.j].low in _MEDIA_NOUNS and \
            not toks[s.j].cap and top.kind == "populated_place" and \
            top.population < STRAY_POP and it.qualifier is None and \
            text[last.end:toks[s.j].start] == " ":
        return MEDIA_NAME
    if not last.possessive and s.j + 1 < len(toks) and top.kind == "populated_place" and \
            top.population < STRAY_POP and toks[s.j].low in _FIRM_TITLES and \
            toks[s.j + 1].cap and text[last.end:toks[s.j].start] == " " and \
            it.qualifier is None and not it.located:
        return "a firm's name before its officer's title ('Cadillac President Johan ...')"
    if last.possessive and s.j < len(toks) and top.kind == "populated_place" and \
            top.population < STRAY_POP and it.qualifier is None and not it.headline:
        nxt = toks[s.j]
        eol = text.find("\n", nxt.start)
        eol = len(text) if eol < 0 else eol
        rest = [t for t in toks[s.j:s.j + 8] if t.start < eol]
        if len(rest) < 8 and all(t.cap or t.low in ("of", "and", "the") for t in rest) and \
                text[rest[-1].end:eol].strip(" .:") == "":
            return ""  # a title-case heading: "Pokrovsk’s Strategic Significance"
        run = [t for t in toks[s.j:s.j + 4]]
        k = next((n for n, t in enumerate(run) if not t.cap), len(run))
        common = common_words()
        if nxt.cap and nxt.alpha and not nxt.upper and \
                (nxt.low in common or (nxt.low[-1:] == "s" and nxt.low[:-1] in common)) and \
                nxt.low not in TITLES and nxt.low not in DIRECTIONS and \
                nxt.key not in MONTHS and nxt.key not in WEEKDAYS and \
                not any(t.low in _IN_PLACE for t in run[:k]) and \
                text[last.end:nxt.start].strip(" ") in ("’s", "'s", "’", "'"):
            return "a firm's or product's name ('Hope’s Wings', 'Pandora’s Box')"
    return ""


def media_names(items) -> set[str]:
    """The keys of the names the article gives a news outlet ("the Xinhua news agency"):
    the outlet wherever they stand bare ("according to Xinhua", "told Xinhua"), one sense
    per article (`geo.places` keeps a mention with a locative or a qualifier)."""
    return {it.key for it in items if it.reject == MEDIA_NAME}
