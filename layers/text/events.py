"""Incidents: events without a figure that news reports in any domain.

The extractor's own event rules (`layers.text.claims`) read the war's vocabulary clause by
clause (captures, control, sieges, fighting, talks) and skip a clause that has a figure.
An incident is what a sentence reports happened, with or without figures beside it: an
attack, a strike or a raid; a disaster (an earthquake, a storm, a flood, a drought, a
wildfire, an outbreak); a rupture, a derailment, a river over its banks, closures; deaths
told without a number; evacuations and relocations; a declared state of emergency or
disaster; protests and election results. One incident per sentence, the first the
sentence tells, each with the category the SPEC gives it.

Each family is matched by its mechanism, not a phrase: a verb in any of its forms, active or
passive ("declared a state of emergency", "a major incident was declared"), a noun with
whatever it governs ("<anything> closure", "closure of <anything>"), munitions fired, damage
caused or done, fire that razes or guts, a river over its banks and what it floods. A crowd
only counted ("9,000 demonstrators") is the sentence's figure, not a protest event.

>>> find_incident("Several roads near the coast were impassable.")[:2]
('rupture', 'infrastructure')
>>> find_incident("Riot police fired tear gas at the crowd.")[:2]
('protest', 'political')

>>> find_incident("A strong earthquake shook the west of the country.")[:2]
('disaster', 'humanitarian')
>>> find_incident("The pipeline ruptured near the river on Monday.")[:2]
('rupture', 'infrastructure')
"""

from __future__ import annotations

import re

__all__ = ["INCIDENTS", "find_incident"]

#: (name, category, pattern), in the order they are tried
INCIDENTS: list[tuple[str, str, re.Pattern]] = [
    ("casualties", "casualties", re.compile(
        r"\b(?:(?:was|were|had been|have been|has been)\s+killed|(?:was|were)\s+(?:found\s+)?dead)\b"
        r"[^.;]{0,40}?\b(?:by|in|during|after)\b", re.I)),
    ("attack", "military", re.compile(
        r"\b(?:came|come|comes|coming)\s+under\s+(?:\w+\s+){0,2}(?:fire|shelling|attack|bombardment)\b|"
        r"\b(?:launched|carried out|conducted|staged)\s+(?:(?:a|an|its|their|the)\s+)?(?:\w+\s+){0,3}?"
        r"(?:operation|offensive|raid|attack|assault|strikes?|barrage)\b|"
        r"\b(?:an?|the|this|Tuesday's|Monday's|Wednesday's|Thursday's|Friday's|Saturday's|Sunday's)\s+"
        r"(?:\w+\s+){0,3}?(?:attack|raid|barrage|bombing|ambush|assault)\s+(?:on|in|at|targeting|against)\b|"
        r"\b(?:missile|drone|rocket|strike|shell)s?\s+(?:\w+\s+){0,2}?(?:struck|hit|slammed into|landed)\b|"
        r"\b(?:was|were|had been)\s+(?:struck|hit|shelled|bombed|attacked|targeted)\b|"
        r"\bsustained\s+(?:a\s+)?(?:direct\s+)?hit\b|\bimpacts?\s+(?:were|was)\s+(?:also\s+)?reported\b|"
        r"\bcluster munitions\b|\bexplosions?\s+(?:hit|rocked|shook)\b|"
        r"\b(?:fired|fires|firing|lobbed)\s+(?:(?:a|an|the|their|its|dozens of|more)\s+)?(?:\w+\s+){0,2}?"
        r"(?:rockets?|missiles?|shells?|mortars?|barrages?|salvos?|volleys?|artillery)\b", re.I)),
    ("disaster", "humanitarian", re.compile(
        r"\b(?:earthquake|quake|temblor|tremor|aftershocks?|storm|hurricane|typhoon|cyclone|"
        r"tornado|flood(?:s|ing)?|flash floods?|landslides?|mudslides?|wildfires?|bushfires?|"
        r"forest fires?|flames|drought|heatwave|heat wave|eruption|tsunami|outbreak|epidemic)\b"
        r"[^.;]{0,60}?\b(?:shook|struck|hit|killed|swept|devastat\w*|destroy\w*|flatten\w*|"
        r"level\w*|ravag\w*|moved in|spread|burn\w*|packed|was|were|has|have|had|caused|"
        r"decimat\w*|declared|affect\w*)\b|"
        r"\b(?:state of (?:disaster|calamity)|national disaster|appealed for (?:help|aid)|"
        r"crops? (?:\w+\s+){0,2}decimated|(?:severe\s+)?rainfall deficits?|driest|wettest|"
        r"epicent(?:er|re))\b|"
        r"\bflood(?:ed|ing)\s+(?:\w+\s+){0,2}?(?:villages?|homes|houses|streets?|towns?|"
        r"neighbou?rhoods?|areas?|roads?|fields|farmland|basements?|districts?)\b|"
        r"\b(?:was|were|been|are|is)\s+(?:\w+\s+)?(?:flooded|submerged|under water)\b|"
        r"\b(?:razed|gutted|burn(?:ed|t) down|reduced to (?:ashes|rubble)|went up in flames|"
        r"caught fire|(?:was|were) (?:set )?ablaze|engulfed (?:in|by) (?:fire|flames))\b|"
        r"\b(?:major|critical) incident\b", re.I)),
    ("rupture", "infrastructure", re.compile(
        r"\b(?:ruptur\w*|derail\w*|(?:burst|broke|overtopped|breached) (?:its|their) banks|overflow\w*|collaps\w*|"
        r"(?:blew|blown|blowing) up|breach\w*|leak\w*|spill\w*|(?:roads?|ports?|airports?|"
        r"bridges?|schools?|railways?|lines?|highways?|motorways?|flights?|services?)\s+(?:\w+\s+){0,4}?"
        r"(?:closed|shut|cancelled|suspended|impassable|blocked|cut off)|"
        r"(?:closed|shut)\s+(?:the\s+)?(?:roads?|ports?|airports?|schools?|borders?)|"
        r"(?:roads?|ports?|airports?|schools?|borders?|plants?|factories|mines?)\s+(?:\w+\s+){0,2}?"
        r"to (?:close|shut)|"
        r"(?:caused|causing|inflicted|inflicting)\s+(?:\w+\s+){0,2}?damage|"
        r"(?:damaged|destroyed|wrecked)\s+(?:the|a|an|two|three|several|dozens of|hundreds of|"
        r"many|its|their|\w+'s)|(?:was|were|been)\s+(?:\w+\s+)?(?:damaged|destroyed|wrecked)|"
        r"(?<!\bbring )(?<!\bbrought )(?<!\bsome )(?<!\bno )\w+(?:'s|s')?\s+(?:closures?|shutdowns?)|"
        r"(?:closure|shutdown) of (?:the\s+|a\s+|an\s+|its\s+|their\s+)?\w+)\b", re.I)),
    ("evacuation", "humanitarian", re.compile(
        r"\b(?:evacuat\w*|relocat\w*|forced (?:from|out of) their homes|fle(?:e|d|eing) "
        r"(?:the|their)|being transferred|seek(?:ing)? refuge|took refuge)\b", re.I)),
    ("protest", "political", re.compile(
        r"\b(?:protest(?:s|ed|ing)?|demonstrat(?:ions?|ed against)|rall(?:y|ies|ied)|"
        r"strikes? against|march(?:ed|es|ing)? against|walkouts?|riot(?:s|ed|ing)?|tear gas|clash(?:ed|es)? with (?:police|"
        r"security forces|protesters|demonstrators|rioters)|"
        r"drew (?:protests|criticism|condemnation))\b", re.I)),
    ("election", "political", re.compile(
        r"\b(?:election results?|(?:has|have|had)?\s*(?:lost|won) (?:to|the (?:election|state|vote))|"
        r"retained (?:his|her|its|their|power|the)|counting|ballots?|sworn in|"
        r"(?:declared|declares|declaring|imposed|imposes|extended) (?:a |an )?(?:[\w-]+\s+){0,3}?"
        r"(?:state of emergency|curfew|martial law)|"
        r"(?:state of emergency|curfew|martial law)\s+(?:has|had|was|were|is)\s+(?:been\s+)?"
        r"(?:\w+\s+)?(?:declared|imposed|extended))\b", re.I)),
]


def find_incident(text: str, skip: tuple[str, ...] = ()) -> tuple[str, str, int, int] | None:
    """(name, category, start, end) of the first incident `text` tells, or None; incidents
    of the categories in `skip` (told already) are passed over."""
    best = None
    for name, category, rx in INCIDENTS:
        if category in skip:
            continue
        m = rx.search(text)
        if m and (best is None or m.start() < best[2]):
            best = (name, category, m.start(), m.end())
    return best
