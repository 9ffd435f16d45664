"""The record of one recognised name, which every stage of the geoparser reads and fills.

`geo.places.find_places` makes one `Item` per candidate span; `geo._cues` notes what the
words around it say, `geo._reject` why it is no place (``reject``), `geo._resolve` which
place it means (``best``, ``scores``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from geo import _recognize as rz
from geo.model import Candidate

__all__ = ["Item"]


@dataclass(slots=True)
class Item:
    """A recognised name and everything learnt about it."""

    span: rz.Span
    idx: int
    start: int
    end: int
    key: str
    headline: bool
    sent_start: bool
    region: bool = False
    region_keys: tuple[str, ...] = ()
    second_level: bool = False          # written as a county or district (`geo._counties`)
    peers: tuple[int, ...] = ()         # ... the other names of its list (their `idx`)
    list_area: str = ""                 # ... the first-level area that holds that list
    facility_end: int | None = None     # end offset of "... coal mine"
    facility_phrase: str = ""
    qualifier: int | None = None        # index of the item that qualifies this one
    within: bool = False                # ... a town's district: "Borova in the Izium district"
    alias: bool = False
    qualifies: bool = False             # the name after "Hugo, ": an area or country, likely
    constituency: bool = False          # "a senator from X": a state or province, likely
    prev_word: rz.Token | None = None   # the word joined to the name before it (`word_before`)
    next_word: rz.Token | None = None   # ... and after it (`word_after`)
    locative: bool = False
    located: bool = False               # "in", "at", "from" right before: on the ground
    local_body: bool = False            # the town's own police or council ("Alexandria
                                        # police", "the Athens City Council"), here or in
                                        # another mention of the name (`geo._cues`)
    placed: bool = False                # a common word after "in" that ends its phrase
    feature: bool = False               # "Gulf of Aden": a feature named after the place
    common: bool = False
    world_region: bool = False          # a continent or world region (`geo._regions`)
    reject: str = ""
    cands: list = field(default_factory=list)   # [Candidate], the gazetteer's order
    best: Candidate | None = None
    scores: list = field(default_factory=list)  # [(score, Candidate)] best first
    own: list = field(default_factory=list)     # the same from the name's own cues only
    own_sig: tuple | None = None                # the cues `own` was scored with
    context_area: str = ""              # the first-level area of the town the article's
                                        # context scored first (`geo._resolve.resolve`)
