"""The controlled vocabulary of counted nouns, and where its noun stands beside a number.

`VOCABULARY` maps noun phrases to a measure, a unit, a default category and a kind (people,
a thing that counts only in a state, a count, a share of an area, or generic people whose
verb says the measure). `noun_after` finds such a noun within three words after a number
("400 Russian casualties"), `noun_before` a people noun shortly before it ("casualties -
estimated at 3,000"). Nouns outside the vocabulary are `layers.text.measures.open_noun`'s.

>>> noun_after("3,000 casualties in two weeks", 5)[1][0]
'casualties'
"""

from __future__ import annotations

import re

__all__ = ["VOCABULARY", "ANIMALS", "noun_after", "noun_before"]

# (noun phrase regex, measure, unit, category, kind); kind: people | thing | generic
VOCABULARY: list[tuple[str, str, str, str, str]] = [
    (r"troops|soldiers|servicem[ae]n|service ?members|military personnel|personnel|fighters|"
     r"mercenaries|reservists|conscripts|paratroopers|marines|combatants", "troops", "people",
     "military", "people"),
    (r"casualties|(?<!job )(?<!jobs )(?<!revenue )(?<!financial )(?<!crop )losses", "casualties", "people",
     "casualties", "people"),
    (r"deaths|dead|fatalities|killed|martyred|lives", "killed", "people", "casualties", "people"),
    (r"injured|wounded|injuries", "injured", "people", "casualties", "people"),
    (r"internally displaced (?:people|persons)|displaced (?:people|persons|residents)|displaced|"
     r"refugees|evacuees", "displaced", "people", "humanitarian", "people"),
    (r"residents|inhabitants|population|locals|people living|people still living", "population",
     "people", "humanitarian", "people"),
    (r"prisoners of war|prisoners|POWs|captives", "prisoners", "people", "military", "people"),
    (r"homes|houses|residential buildings|apartment (?:buildings|blocks)|apartments|dwellings|"
     r"housing|buildings", "homes", "buildings", "humanitarian", "thing"),
    (r"industrial (?:facilities|enterprises|sites|plants)|factories|enterprises|plants",
     "industrial_facilities", "facilities", "economic", "thing"),
    (r"schools|hospitals|medical facilities|kindergartens", "social_facilities", "facilities",
     "infrastructure", "thing"),
    (r"markets|shops|businesses|stores", "businesses", "facilities", "economic", "thing"),
    (r"drones|UAVs|unmanned aerial vehicles|Shaheds", "drones", "count", "military", "count"),
    (r"missiles|rockets", "missiles", "count", "military", "count"),
    (r"shells|artillery rounds|rounds", "shells", "count", "military", "count"),
    (r"tanks|armou?red vehicles|vehicles|artillery systems|aircraft|helicopters", "equipment",
     "count", "military", "count"),
    (r"(?:the\s+)?(?:[\w’'-]+(?:’s|'s)\s+)?(?:territory|city|town|village|region|oblast|province|"
     r"district|area|land)(?![’']s)", "area", "percent", "territorial", "share"),
    (r"people|persons|civilians|children|men|women|individuals|villagers|worshippers|"
     r"passengers|workers|miners|students|patients|journalists|migrants|hostages",
     "", "people", "", "generic"),
]
#: counted animals: "11 animals have died" is a toll of them (animals_killed), not of people
ANIMALS = {"animals", "cattle", "livestock", "cows", "goats", "sheep", "camels", "birds", "fish", "elephants",
            "rhinos", "deer", "dogs", "horses", "pigs", "chickens", "poultry", "buffaloes", "donkeys", "wildlife"}
_NOUN_RE = [(re.compile(rf"(?:{rx})\b", re.I), m, u, c, k) for rx, m, u, c, k in VOCABULARY]

_BREAK_WORDS = {"in", "on", "at", "to", "from", "by", "with", "and", "or", "was", "were", "is",
                "are", "has", "have", "had", "been", "be", "said", "says", "per", "since", "that",
                "which", "who", "while", "but", "as", "for", "into", "after", "before", "than",
                "according", "reported", "over", "during", "when"}


def noun_after(text: str, pos: int) -> tuple[re.Match, tuple] | None:
    """The vocabulary noun within three words after pos (no verb or preposition between)."""
    words = list(re.finditer(r"[\w’'-]+", text[pos:pos + 80]))
    for i, w in enumerate(words[:4]):
        for rx, *info in _NOUN_RE:
            nm = rx.match(text, pos + w.start())
            if nm:
                return nm, tuple(info)
        if w.group(0).lower() in _BREAK_WORDS and not (w.group(0).lower() == "of" and i < 3):
            return None
        if re.search(r"[.;:!?]", text[pos:pos + w.end()]):
            return None
    return None


def noun_before(text: str, pos: int) -> tuple[re.Match, tuple] | None:
    """A people noun shortly before pos ("casualties - estimated at 3,000"), no number between."""
    window_start = max(0, pos - 70)
    seg = text[window_start:pos]
    if re.search(r"\d|[.;!?]", seg):
        seg = re.split(r"\d|[.;!?]", seg)[-1]
        window_start = pos - len(seg)
    best = None
    for rx, *info in _NOUN_RE:
        if info[3] not in ("people",) or info[0] in ("",):
            continue
        for nm in rx.finditer(text, window_start, pos):
            if re.search(r"\b(?:of|for)\s*$", text[window_start:nm.start()]) and info[0] != "population":
                continue
            if nm.group(0).lower() == "lives" and not re.search(r"\b(?:their|the|lost|claimed|cost)\s+$",
                                                                 text[max(0, nm.start() - 10):nm.start()], re.I):
                continue                        # "who lives about 300m from": a verb
            if best is None or nm.start() > best[0].start():
                best = (nm, tuple(info))
    if best is None:
        return None
    between = re.sub(r"(?:\s+(?:at least|more than|nearly|almost|about|around|some|up to|over))+\s*$", " ",
                     text[best[0].end():pos].lower())      # "the deaths of at least 20"
    # the number must be what the noun amounts to: "casualties - estimated at", "population ... to"
    if not re.search(r"(estimated|put|stood|stands|at|to|of|numbered|reached|totall?ed|was|were|"
                     r"is|are|about|around|some|from|than|by|now|—|–|-|:)\s*$", between.strip() + " ") \
            and between.strip():
        return None
    return best
