"""Incidents: events without a figure that news reports in any domain.

The extractor's own event rules (`layers.text.claims`) read the war's vocabulary clause by
clause (captures, control, sieges, fighting, talks) and skip a clause that has a figure.
An incident is what a sentence reports happened, with or without figures beside it: an
attack, a strike or a raid; a disaster (an earthquake, a storm, a flood, a drought, a
wildfire, an outbreak); a rupture, a derailment, a river over its banks, closures; deaths
told without a number; evacuations and relocations; a declared state of emergency or
disaster; protests and election results. One incident per sentence, the first the
sentence tells, each with the category the SPEC gives it.

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
        r"\bcluster munitions\b|\bexplosions?\s+(?:hit|rocked|shook)\b", re.I)),
    ("disaster", "humanitarian", re.compile(
        r"\b(?:earthquake|quake|temblor|tremor|aftershocks?|storm|hurricane|typhoon|cyclone|"
        r"tornado|flood(?:s|ing)?|flash floods?|landslides?|mudslides?|wildfires?|bushfires?|"
        r"forest fires?|drought|heatwave|heat wave|eruption|tsunami|outbreak|epidemic)\b"
        r"[^.;]{0,60}?\b(?:shook|struck|hit|killed|swept|devastat\w*|destroy\w*|flatten\w*|"
        r"level\w*|ravag\w*|moved in|spread|burn\w*|packed|was|were|has|have|had|caused|"
        r"decimat\w*|declared|affect\w*)\b|"
        r"\b(?:state of (?:disaster|calamity)|national disaster|appealed for (?:help|aid)|"
        r"crops? (?:\w+\s+){0,2}decimated|(?:severe\s+)?rainfall deficits?|driest|wettest|"
        r"epicent(?:er|re))\b", re.I)),
    ("rupture", "infrastructure", re.compile(
        r"\b(?:ruptur\w*|derail\w*|burst (?:its|their) banks|overflow\w*|collaps\w*|"
        r"(?:blew|blown|blowing) up|breach\w*|leak\w*|spill\w*|(?:roads?|ports?|airports?|"
        r"bridges?|schools?|railways?|lines?)\s+(?:\w+\s+){0,2}?(?:closed|shut|cancelled|suspended)|"
        r"(?:closed|shut)\s+(?:the\s+)?(?:roads?|ports?|airports?|schools?|borders?))\b", re.I)),
    ("evacuation", "humanitarian", re.compile(
        r"\b(?:evacuat\w*|relocat\w*|forced (?:from|out of) their homes|fle(?:e|d|eing) "
        r"(?:the|their)|being transferred|seek(?:ing)? refuge|took refuge)\b", re.I)),
    ("protest", "political", re.compile(
        r"\b(?:protests?|demonstrations?|rall(?:y|ies)|strikes? against|walkouts?|"
        r"drew (?:protests|criticism|condemnation))\b", re.I)),
    ("election", "political", re.compile(
        r"\b(?:election results?|(?:has|have|had)?\s*(?:lost|won) (?:to|the (?:election|state|vote))|"
        r"retained (?:his|her|its|their|power|the)|counting|ballots?|sworn in|"
        r"(?:declared|declares|declaring|imposed|imposes|extended) (?:a |an )?(?:[\w-]+\s+){0,3}?"
        r"(?:state of emergency|curfew|martial law))\b", re.I)),
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
