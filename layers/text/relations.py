"""Relations a clause draws between places: an advance from X (to Y), a move toward Y, a
supply route between the places it names."""

from __future__ import annotations

import re
from typing import Callable

from layers.text.binding import Ref, contains
from layers.text.sentences import Clause, Sentence

__all__ = ["clause_relation"]

_SUPPLY_RE = re.compile(r"\b(?:connect\w*|link\w*|supply (?:routes?|lines?|roads?)|"
                        r"logistics? (?:routes?|lines?)|road and rail|rail and road|"
                        r"(?:road|highway|railway|rail line) (?:from \S+(?: \S+)? )?to)\b", re.I)
_ADVANCE_RE = re.compile(r"\b(?:advanc\w*|push\w*|progress\w*|gain\w*|mov(?:e|ed|ing))\b", re.I)
_ADVANCE_FROM_RE = re.compile(r"\b(?:since|after)\s+(?:capturing|taking|seizing|occupying|"
                              r"the (?:capture|fall|seizure|occupation) of)\s+$|\bfrom\s+$", re.I)
_TOWARD_RE = re.compile(r"\b(?:advanc\w*|push\w*|mov\w*|march\w*|driv\w*|offensive|assault\w*|"
                        r"head\w*|thrust\w*|attack\w*|progress\w*|breakthrough)\s+"
                        r"(?:(?:further|deeper|westward|eastward|north|south|east|west)\s+)?"
                        r"(?:on\s+|toward|towards|in the direction of)\s*", re.I)
_BARE_TOWARD_RE = re.compile(r"\b(?:toward|towards|in the direction of)\s+", re.I)
_MOVE_RE = re.compile(r"\b(?:pull\w* back|fell back|fall\w* back|withdr\w*|retreat\w*|"
                      r"redeploy\w*|advanc\w*|push\w*|mov(?:e|ed|ing)|march\w*|head\w*)\b", re.I)
_TOWARD_WORD_RE = re.compile(r"\b(?:toward|towards|in the direction of|on the outskirts of|into|on)\s+"
                             r"(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$", re.I)


def clause_relation(text: str, sent: Sentence, clause: Clause, cplaces: list[Ref], focal: Ref | None,
                    subject: Callable[[], Ref | None]) -> tuple[str, list[Ref]] | None:
    """A relation the clause draws between places, with the places in line order: `focal`
    is the article's focal place, `subject()` the place the sentence is about."""
    ctext = clause.text
    # advance from X (to the place advanced on)
    if _ADVANCE_RE.search(ctext):
        for r in cplaces:
            if r.kind == "country":
                continue
            if _ADVANCE_FROM_RE.search(text[max(clause.start, r.start - 40):r.start]):
                target = next((o for o in cplaces if o.place_id != r.place_id and
                               _TOWARD_WORD_RE.search(text[max(clause.start, o.start - 25):o.start])),
                              None)
                if target is None and focal is not None and focal.place_id != r.place_id:
                    target = focal
                if target is not None:
                    return "advance", [r, target]
    # toward Y
    tw = _TOWARD_RE.search(ctext)
    if tw is None and _MOVE_RE.search(text[sent.start:clause.start + 1]):
        # the movement verb in an earlier clause: "pulled back west of the town, on the road
        # toward Pokrovsk"
        tw = _BARE_TOWARD_RE.search(ctext)
    if tw:
        origin = next((o for o in cplaces if o.start < clause.start + tw.start()), None) \
            or subject()
        targets = [o for o in cplaces if o.start >= clause.start + tw.end()
                   and origin is not None and o.place_id != origin.place_id
                   and not contains(o, origin)]
        if origin is not None and targets:
            return "toward", [origin, targets[0]]
    # supply routes between the subject and the places named
    if _SUPPLY_RE.search(ctext):
        subj = subject()
        others = [o for o in cplaces if subj is None or o.place_id != subj.place_id]
        others = [o for o in others if o.kind in ("populated_place", "facility")]
        if subj is not None and others:
            return "supply_route", [subj] + others
    return None
