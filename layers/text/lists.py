"""How one measure is told over many places or holders: the words around the items of a list.

A list's head that says what its bare numbers count ("Cholera cases by province: A 2,340;
B 1,105"); the words between two items of one measure (", Antwerp ", " in Harare and ");
a comparison that sets two holders' figures of one measure against each other ("50.8 per
cent of votes as against 44.3 per cent"); the verbs of a candidate's result ("won
2,147,437", "led with", "polled 60 per cent") and the words that make a text electoral.
Used by `layers.text.figures`; `noun_before_list` finds what numbers in brackets after
names count ("the most dengue cases, notably A (6,994), B (6,623)").

>>> bool(LIST_ITEM_GAP_RE.fullmatch(" in Harare and ")), bool(VOTES_VERB_RE.search("Dube led with "))
(True, True)
"""

from __future__ import annotations

import re

from layers.text.measures import open_noun

__all__ = ["LIST_HEAD_RE", "VOTES_VERB_RE", "ELECTORAL_RE", "VOTE_SHARE_VERB_RE", "LIST_ITEM_GAP_RE",
           "SAME_MEASURE_GAP_RE", "NAME_PAREN_RE", "noun_before_list"]

# the head of a list of places and numbers: "Cholera cases by province: Nampula 2,340; Sofala 1,105"
LIST_HEAD_RE = re.compile(r"\b(?P<noun>[a-z]+s)\s+(?:by|per|in each)\s+(?:province|region|state|county|district|"
                          r"country|city|governorate|oblast|department|area)\s*[:\u2014\u2013-]\s", re.I)
# a bare count a candidate won in a result: "Moyo won 2,147,437", "Dube led with 2,460,463"
VOTES_VERB_RE = re.compile(r"\b(?:won|wins|got|gets|polled|secured|received|garnered|obtained|bagged|"
                           r"led with|finished with|ended with)\s+(?:about\s+|nearly\s+|some\s+|just\s+)?$", re.I)
ELECTORAL_RE = re.compile(r"\b(?:votes?|elect(?:ion|ions|oral|ed)|ballots?|polled|polls|results?|candidates?)\b", re.I)
VOTE_SHARE_VERB_RE = re.compile(r"\b(?:won|wins|took|takes|polled|secured|garnered|received|got|gets)\s+"
                                r"(?:(?:about|nearly|some|just|only|almost|over|more than)\s+)?$", re.I)
# between two items of a list of one measure: ", Antwerp ", " in Harare and ", "; in Kano, "
LIST_ITEM_GAP_RE = re.compile(r"(?:\s+(?:in|at|for)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})?"
                              r"\s*(?:,|;|\band\b|,\s*and\b)\s*(?:(?:in|at|for)\s+)?(?:[A-Z][\w’'.-]*"
                              r"(?:\s+[A-Z][\w’'.-]*){0,3}\s*(?:\(|,|:)?\s*)?")
# what stands between two shares of one measure: "50.8 per cent of votes as against 44.3 per cent"
SAME_MEASURE_GAP_RE = re.compile(r"^[^.;\d]{0,60}?\b(?:as against|against|compared with|compared to|versus|vs\.?|"
                                 r"while|whereas)\b[^.;\d]{0,40}$", re.I)
# a name and an opening bracket before a number: "Sulu (", "Davao Region ("
NAME_PAREN_RE = re.compile(r"[A-Z][\w’'.-]*\s*\(\s*$")
_PLURAL_WORD_RE = re.compile(r"\b[a-z]{3,}s\b")


def noun_before_list(text: str, pos: int, places: set) -> tuple[int, int, tuple] | None:
    """(start, end, open_noun's reading) of the counted noun nearest before a list whose
    numbers stand in brackets after names ("the most dengue cases, notably Sulu (6,994),
    Basilan (6,623)"), within 160 characters of `pos`; not a noun of `places` (the kind of
    place the items are: "cases in four counties: Kitui (20)" counts cases); or None."""
    for w in reversed(list(_PLURAL_WORD_RE.finditer(text, max(0, pos - 160), pos))):
        opened = open_noun(f"2 {w.group(0)}", 1)
        if opened is not None and opened[0] and opened[1] in ("people", "count") \
                and opened[0] not in places and w.group(0) not in places:
            return w.start(), w.end(), opened
    return None
