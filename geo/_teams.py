"""Sports teams named after a place: "Notre Dame coach Muffet McGraw", "a Notre Dame
player", "Notre Dame won 91-89" name the team (or the university), not the town; and, one
sense per article, so does the name where it stands bare ("Notre Dame’s Arike Ogunbowale")
unless the words around place it ("in Notre Dame", "Notre Dame, Indiana")."""

from __future__ import annotations

import re

__all__ = ["TEAM_NAME", "TEAM_NOUNS", "names_a_team", "team_names"]

#: why a name is no place here
TEAM_NAME = "a sports team's name ('Notre Dame coach', 'Notre Dame won 91-89')"

#: nouns after a name that make it a team's: "the Notre Dame coach", "a Leeds striker"
#: (not "manager": "the Charlton County manager" runs the county)
TEAM_NOUNS = frozenset({
    "coach", "coaches", "player", "players", "star", "stars", "quarterback", "pitcher",
    "striker", "strikers", "midfielder", "defender", "goalkeeper", "goalie", "teammate",
    "teammates", "squad", "roster", "lineup", "captain", "skipper", "winger",
    "linebacker", "receiver", "shortstop", "outfielder", "infielder",
})
_RESULT_VERBS = frozenset({"won", "beat", "defeated", "lost", "edged", "routed", "drew",
                           "trailed", "led", "outscored", "upset", "rallied"})
_SCORE = re.compile(r"\s*(?:[A-Z][\w.’']*\s+){0,3}\(?\d{1,3}\s*[-–]\s*\d{1,3}\b")


def names_a_team(text, toks, it) -> str:
    """`TEAM_NAME` when the words after the name `it` make it a team's, else ""."""
    s = it.span
    if s.j >= len(toks) or it.located or it.qualifier is not None:
        return ""
    last, nxt = toks[s.j - 1], toks[s.j]
    if text[last.end:nxt.start] != " " and not last.possessive:
        return ""
    if not last.possessive and not nxt.cap and nxt.low in TEAM_NOUNS:
        return TEAM_NAME
    if not last.possessive and nxt.low in _RESULT_VERBS and _SCORE.match(text, nxt.end):
        return TEAM_NAME
    return ""


def team_names(items) -> set[str]:
    """The name keys the article gives a team (rejected as `TEAM_NAME`)."""
    return {it.key for it in items if it.reject == TEAM_NAME}
