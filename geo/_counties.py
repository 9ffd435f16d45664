"""Second-level areas named bare where the text says they are: list items under a heading by county or district ("Reports by county:" then "- Calhoun: 54 homes"), and names before a plural type word ("Calhoun, Carroll and Lee counties").

A name so marked (`Item.second_level`) is read as a second-level area (a US county or
parish, a district, a raion) where the gazetteer has one of that name, before any town
named like it, and is not taken for a person or a common word: the text has said what it
is. Which county of that name is the article's is left to its context (the state it names,
the towns around), and, for the names of one list, to each other: the counties of a list
are of one state (`list_areas`: "Clay, Grant and Wilkin counties" are Minnesota's, the one
state with all three). Names the gazetteer has no such area for are left as they are.
"""

from __future__ import annotations

import re

from geo._item import Item

__all__ = ["SECOND_LEVEL_SUFFIXES", "read_second_level", "list_areas", "listed_with_areas"]

#: the type words of second-level areas, singular and plural, as written after a name or in
#: a list's heading
_SINGULAR = ("county", "parish", "district", "borough", "raion", "municipality")
_PLURAL = frozenset({"counties", "parishes", "districts", "boroughs", "raions",
                     "municipalities"})
#: the keys under which the gazetteer may hold the area of a bare name ("calhoun county")
SECOND_LEVEL_SUFFIXES = tuple(" " + w for w in _SINGULAR)
_HEADING_WORD = re.compile(
    r"\b(?:" + "|".join(_SINGULAR + tuple(_PLURAL)) + r")\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r" *([A-Za-z]*)")
_BULLET = frozenset({"", "-", "*", "•", "–", "—", "·"})
_JOINS = (", ", " and ", ", and ", " & ", " or ")
#: what may stand between two names of one list: a join, or joins around capitalised names
#: the gazetteer does not know ("Clay, Mahnomen, Swift and Wilkin counties")
_BETWEEN = re.compile(r"(?:, and |, | and | & | or )"
                      r"(?:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}(?:, and |, | and | & | or ))*")


def read_second_level(text: str, items: list[Item]) -> None:
    """Mark the items the text writes as second-level areas (see the module's docstring)."""
    _list_items(text, items)
    _before_plural(text, items)


def _list_items(text: str, items: list[Item]) -> None:
    """"Damage by county:" / "- Calhoun: 54 homes" / "- Carroll: ...": a name that opens a
    list line and is followed by a colon, in a list whose heading (the nearest line above
    that is not one of its items) names a second-level type. Lists of two items or more."""
    lines: dict[int, Item] = {}   # line start -> the item opening it
    for it in items:
        if text[it.end:it.end + 1] != ":":
            continue
        ls = text.rfind("\n", 0, it.start) + 1
        if text[ls:it.start].strip() in _BULLET:
            lines[ls] = it
    if len(lines) < 2:
        return
    for ls, it in lines.items():
        heading = _heading(text, ls, lines)
        if heading is not None and _HEADING_WORD.search(heading):
            it.second_level = True


def _heading(text: str, ls: int, lines: dict[int, Item]) -> str | None:
    """The nearest line above the line at `ls` that is neither blank nor a list item
    (None when there is none within a page of lines)."""
    for _ in range(200):
        if ls == 0:
            return None
        prev = text.rfind("\n", 0, ls - 1) + 1
        line = text[prev:ls - 1]
        ls = prev
        if not line.strip():
            continue
        if prev in lines:
            continue
        if line.lstrip()[:1] in ("-", "*", "•", "–", "—", "·"):
            continue  # an item of the list that opens with no place name
        return line
    return None


def _before_plural(text: str, items: list[Item]) -> None:
    """"Calhoun, Carroll and Lee counties": every name of the run before a plural type."""
    run: list[Item] = []
    for n, it in enumerate(items):
        if run and _BETWEEN.fullmatch(text, run[-1].end, it.start):
            run.append(it)
        else:
            run = [it]
        # the next word, at a sentence's or a line's end too ("... and Lee counties.\n")
        after = _NEXT_WORD.match(text, it.end).group(1).lower()
        if len(run) >= 2 and after in _PLURAL and (n + 1 >= len(items) or not text[
                it.end:items[n + 1].start].startswith(_JOINS)):
            peers = tuple(r.idx for r in run)
            for r in run:
                r.second_level = True
                r.peers = peers


def list_areas(items: list[Item]) -> None:
    """The first-level area that holds a list's counties (`Item.list_area`): the one where
    the gazetteer has a second-level area for more of the list's names than anywhere
    else, and for two at least ("Clay, Grant and Wilkin counties": Minnesota, the one
    state with all three; many states have a Clay and a Grant). No area where two tie."""
    done: set = set()
    for it in items:
        if not it.peers or it.peers in done:
            continue
        done.add(it.peers)
        count: dict[str, int] = {}
        for i in it.peers:
            for a in {c.place.admin1 for c in items[i].cands
                      if c.place.kind == "admin2" and c.place.admin1}:
                count[a] = count.get(a, 0) + 1
        if not count:
            continue
        ranked = sorted(count.values(), reverse=True)
        if ranked[0] < 2 or (len(ranked) > 1 and ranked[1] == ranked[0]):
            continue
        area = max(count, key=count.__getitem__)
        for i in it.peers:
            items[i].list_area = area


def listed_with_areas(text: str, items: list[Item]) -> None:
    """A name listed beside a second-level area ("Hertfordshire, Northamptonshire and
    Essex") and read as a town of another country (Essex, Maryland) is the second-level
    area of that name in the area's first-level area, where the gazetteer has one: the
    items of a list are of a kind, and of one country. Run after resolution."""
    live = [it for it in items if not it.reject and it.best is not None]
    for n, it in enumerate(live):
        p = it.best.place
        if p.kind != "populated_place" or it.qualifier is not None or it.region:
            continue
        for other in (live[n - 1] if n else None, live[n + 1] if n + 1 < len(live) else None):
            if other is None or other.best.place.kind != "admin2" or \
                    not other.best.place.admin1 or \
                    other.best.place.country_code == p.country_code:
                continue
            lo, hi = (other, it) if other.end <= it.start else (it, other)
            if not _BETWEEN.fullmatch(text, lo.end, hi.start):
                continue
            area = next((c for c in it.cands if c.place.kind == "admin2" and
                         c.place.admin1 == other.best.place.admin1), None)
            if area is not None:
                it.best = area
                break
