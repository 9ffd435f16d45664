"""The claims file: a ClaimsDoc as YAML a person reviews, edits and gives back to `build`.

Layout (``format: claimmap-claims/1``)::

    format: claimmap-claims/1
    article: {id, title, published, source, path, notes}
    places:                  # one entry per place; claims name places by `key`
      - key: pokrovsk
        place_id: geonames:704422     # or `geonameid: 704422`
        name: Pokrovsk
        ...
        alternatives:                 # other candidates: put one in place_id to switch
          - geonames:709930           # Dnipro (UA.04, pop. 968502)
    claims:
      - claim_id: ...
        category: military
        places: [pokrovsk]
        measure: troops
        value: 110000
        ...
        quote: 110,000 troops         # the span's words (information only)
        sentence: As of June 29, ...  # Claim.text
    made_by: {claimmap, gazetteer}
    article_text: |-                  # the text the spans index into
      ...

What a reviewer may do, and what `load_claims_file` does with it:

- pin a place to a gazetteer entry: set ``place_id`` (or ``geonameid``) to the entry's
  id; name, kind, coordinates, country, admin1 and population then come from the
  gazetteer (a place id the gazetteer does not know is an error);
- pin a place to coordinates: give ``lat``, ``lon`` and the ``source`` they come from (a
  source is required); a new place needs ``key``, ``name`` and these, its place_id
  defaults to ``claimmap:<key>``;
- drop a claim (delete its entry), add one (``claim_id`` optional: it is derived from the
  claim's content), fix a figure, a date, a category, a source;
- add comments anywhere: `write_claims_file`/`dump_claims_file` keep them when they
  rewrite a file that was loaded (ruamel.yaml round trip).

A claims file that does not hold is refused with `geo.exc.BadInput` naming the file,
the line and the field: not YAML, a wrong shape, an unknown field, a place id the
gazetteer does not know, a date that is not a date, an unknown category or relation, a
value that is not a number, a duplicated claim id or place key, a claim naming a place
that is not in ``places``.
"""


from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from geo.exc import BadInput
from layers.claimsfile._dump import doc_to_yaml, dump_ruamel, fresh_text, merge_tree
from layers.claimsfile._format import FORMAT, place_keys
from layers.claimsfile._load import loaded_tree, loads_claims
from layers.io.writers import atomic_write
from layers.model import ClaimsDoc

__all__ = ["FORMAT", "load_claims_file", "loads_claims", "dump_claims_file", "write_claims_file",
           "place_keys"]

log = logging.getLogger(__name__)


def dump_claims_file(doc: ClaimsDoc) -> str:
    """The claims file of a ClaimsDoc, as text.

    A doc loaded from a claims file is written over that file's YAML tree, so the
    comments a reviewer added (and the order of the entries) are kept (ruamel.yaml's
    round trip). A fresh doc is written by `layers.claimsfile._fastdump`: the same bytes
    ruamel.yaml writes, ~30x faster (10,000 claims in about half a second), so a
    batch's merged file is cheap; what that writer cannot vouch for goes through ruamel.
    A loaded file of more than ``ROUND_TRIP_MAX_CLAIMS`` claims that was edited is written
    anew (every claim kept; its comments, order and layout not, said in a warning when it
    held comments): ruamel's round trip reads some 50 claims a second.
    """
    state = doc.loaded
    base = state.tree if state is not None else None
    if base is None and state is not None and state.text is not None:
        # read by the fast reader, which keeps no tree: a file that is the doc's fresh
        # text (unchanged), or one with no comment of the reviewer's to keep, is written
        # by the direct writer; else ruamel's tree of the file is made now (its round
        # trip reads a few hundred claims a second: a big file a reviewer commented on
        # takes minutes)
        fresh = fresh_text(doc)
        if fresh == state.text:
            return fresh
        if len(doc.claims) > ROUND_TRIP_MAX_CLAIMS:
            if has_comments(state.text, fresh):
                log.warning("%s holds %d claims, more than the %d whose comments and layout "
                            "are kept when it is written again (ruamel.yaml's round trip "
                            "reads about 50 claims a second): written anew, without them",
                            state.path, len(doc.claims), ROUND_TRIP_MAX_CLAIMS)
            return fresh
        base = loaded_tree(doc)
    if base is not None:
        return dump_ruamel(merge_tree(base, doc_to_yaml(doc), top=True))
    return fresh_text(doc)


#: the most claims of a loaded file that is written again through ruamel.yaml's round trip
#: (its comments, order and layout kept): 2,000 claims take it some 40 s; a larger edited
#: file is written anew, its claims whole (with a warning when it held comments)
ROUND_TRIP_MAX_CLAIMS = 2_000


def has_comments(text: str, fresh: str) -> bool:
    """Whether a claims file's text holds a comment of a reviewer's: a comment (``#`` at
    a line's start or after a blank, to the line's end) that the file claimmap would write
    anew (`fresh`) does not hold (claimmap writes its own: the header, the labels of
    alternatives). A ``#`` inside a quoted text counts the same on both sides."""
    from collections import Counter

    def comments(t: str) -> Counter:
        return Counter(m.strip() for m in _COMMENT.findall(t))

    return bool(comments(text) - comments(fresh))


_COMMENT = re.compile(r"(?m)(?:^|[ \t])(#.*)$")


def write_claims_file(doc: ClaimsDoc, path: str | os.PathLike) -> Path:
    """Write the claims file of `doc` to `path` atomically; return the path.

    When `path` already holds a claims file for the same article, the file is updated in
    place: the reviewer's comments on places and claims that remain are kept.
    """
    p = Path(path)
    if doc.loaded is None and p.is_file():
        try:
            old = load_claims_file(p, validate_places=False)
        except BadInput as err:
            log.info("%s is not a claims file to update (%s); writing it anew", p, err)
        else:
            if old.article.id == doc.article.id:
                doc.loaded = old.loaded
    text = dump_claims_file(doc)

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)

    atomic_write(p, write)
    return p


def load_claims_file(path: str | os.PathLike, *, validate_places: bool = True) -> ClaimsDoc:
    """Read a (reviewed) claims file back into a ClaimsDoc.

    Parameters
    ----------
    path : str or path-like
        The YAML file `claimmap extract` wrote, possibly edited by a person.
    validate_places : bool
        Check place ids against the gazetteer and take gazetteer places' fields from it
        (default). False reads the file as written (used to update a file in place).

    Returns
    -------
    ClaimsDoc
        Unchanged file -> the same ClaimsDoc as the extraction that wrote it. The doc
        remembers the file (its text; ruamel.yaml's round-trip tree of it is made when it
        is first needed), so writing it again keeps the file's comments.

    Raises
    ------
    geo.exc.BadInput
        With the file, the line and the field of the first problem found.
    """
    p = Path(path)
    if not p.is_file():
        raise BadInput("no such claims file", path=str(path))
    try:
        text = p.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raise BadInput(f"claims file is not UTF-8 (byte {err.start})", path=str(path)) from None
    doc = loads_claims(text, str(path), validate_places=validate_places)
    if doc.article.path is None:
        doc.article.path = None
    return doc
