"""One measure enumerated over many places or holders: table rows and listed names.

Rows of a results table written as lines: "Candidate Party = 296, 429". A row is a line of its own that gives a label, an equals sign (or a colon) and a number, with the
counted noun after the number or not ("Jane Moyo = 171, 196 votes", "Peter Dube Front =
319, 073"). A row with no noun counts what the table's other rows count: the noun one of
them gives, else votes where the text is about an election (results by candidate are
vote counts). `row_figure` gives that figure once per article; the extractor hands it to
`layers.text.figures.find_figures` as the figure a bare number counts.

A list of places with a figure in brackets after each ("including Alpha (10.8 per cent),
Beta (10.6 per cent)"): `listed_name` gives the name an item's figure belongs to, so
that an item whose name the gazetteer lacks stays unplaced rather than taking its
neighbour's place.

>>> is_row("Jane Moyo Alliance = 171, 196 votes"), is_row("The total = growth")
(True, False)
>>> row_figure("Ann Lee = 12\\n\\nBo Kim = 171, 196 votes\\n").measure
'votes'
"""

from __future__ import annotations

import re

from layers.text.figures import Figure, find_figures

__all__ = ["is_row", "row_figure", "listed_name", "each_places"]

_ROW_RE = re.compile(r"^(?:[^\n=:]{2,80}?\s=|[A-Z][^\n=:]{1,80}?:)\s*[-+]?\d[\d, .]*(?:\s+[a-z][\w-]*)?\s*$")
_ELECTION_RE = re.compile(r"\b(?:votes?|voters|elect(?:ion|ions|oral|ed)|ballots?|polled|polling|candidates?)\b",
                          re.I)


def is_row(line: str) -> bool:
    """Whether a sentence is a row of a results table: "Label = N [noun]" alone on its line."""
    return bool(_ROW_RE.match(line.strip()))


def row_figure(text: str) -> Figure | None:
    """What the bare numbers of the text's table rows count: the figure of the first row that
    names its noun, else votes in a text about an election, else None."""
    for line in text.splitlines():
        line = line.strip()
        if not is_row(line) or not re.search(r"\d\s+[a-z]", line):
            continue
        got = find_figures(line)
        if got:
            return got[-1]
    if any(is_row(line) for line in text.splitlines()) and len(_ELECTION_RE.findall(text)) >= 2:
        return Figure(0, 0, 0.0, "count", "votes", "political", noun="votes")
    return None


# an item of a list: "..., Gamma Bay (12.6 per cent)", "including Delta (4,500)"
_ITEM_RE = re.compile(r"(?:^|[,;:]\s*|\b(?:and|or|including|such as|like|at|in)\s+)"
                      r"(?P<name>(?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*|de|del|da|do|al|el|upon|on)){0,3})"
                      r"\s*\(\s*$")


def listed_name(text: str, fstart: int) -> tuple[int, int] | None:
    """(start, end) of the name a figure in brackets after it belongs to ("Gamma Bay (12.6 per
    cent)", the figure at fstart), when the name is an item of a list; else None."""
    m = _ITEM_RE.search(text[max(0, fstart - 60):fstart])
    if m is None:
        return None
    off = max(0, fstart - 60)
    return off + m.start("name"), off + m.end("name")


# between the places of "one each in C and D counties": commas, "and", a kind word
_EACH_GAP_RE = re.compile(r"(?:\s+(?:counties|provinces|districts|states|regions|towns|villages|cities))?"
                          r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")


def each_places(text: str, refs: list, first) -> list:
    """The places coordinated with `first` after it ("in C and D counties", "in C, D and E"):
    `first` and each ref joined to it by a comma or "and" only (`refs` in text order)."""
    out = [first]
    for r in refs:
        if r.start < out[-1].end or r is first:
            continue
        if not _EACH_GAP_RE.fullmatch(text[out[-1].end:r.start]):
            break
        out.append(r)
    return out
