"""Name keys: the one normal form under which the gazetteer stores and looks up names.

A key is the name casefolded, with diacritics stripped (NFKD, combining marks dropped),
every apostrophe-like character and full stop removed, hyphens, dashes and underscores
turned into spaces and whitespace collapsed. Cyrillic stays Cyrillic: ``Слов'янськ``
becomes ``словянськ``; ``ё`` becomes ``е``, ``ї`` becomes ``і`` and ``й`` becomes ``и``
(all three are a base letter plus a combining mark under NFKD), the same way for the
gazetteer's own names and for the text, so ``Покровськ`` and ``ПОКРОВСЬК`` meet.

`normalize` is called for every token n-gram of an article, so it has an ASCII fast
path and caches nothing it does not need to.
"""

from __future__ import annotations

import unicodedata

__all__ = ["normalize", "APOSTROPHES"]

#: characters used as apostrophes (or as the Ukrainian/Russian soft/hard sign written
#: as a quote mark, e.g. GeoNames' ``Slov”yans’k``): removed from keys
APOSTROPHES = "'\u2019\u02bc`\u201d\u2018\u2032\u02b9\u00b4\u02bb\u201c\"\uff07\u2033\u02bd\ua78c"

_DASHES = "-_\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"

# letters NFKD does not decompose but that are plain Latin letters with a stroke
_LATIN_EXTRA = {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "æ": "ae",
                "œ": "oe", "þ": "th", "ŧ": "t", "ƚ": "l", "ɨ": "i"}

_TABLE = str.maketrans(
    {**{c: None for c in APOSTROPHES}, **{c: " " for c in _DASHES}, ".": None,
     **_LATIN_EXTRA}
)
_ASCII_TABLE = str.maketrans({"'": None, "`": None, '"': None, ".": None, "-": " ", "_": " "})


def normalize(name: str) -> str:
    """Return the lookup key of a place name.

    Parameters
    ----------
    name : str
        A name as written anywhere (an article, GeoNames, a user's query).

    Returns
    -------
    str
        The key: casefolded, no diacritics, no apostrophes or full stops, hyphens as
        spaces, single spaces, no leading or trailing space. ``normalize`` is idempotent.

    Examples
    --------
    >>> normalize("Slov’yans’k")
    'slovyansk'
    >>> normalize("Слов'янськ")
    'словянськ'
    >>> normalize("  Avdiïvka ")
    'avdiivka'
    >>> normalize("Rostov-na-Donu")
    'rostov na donu'
    >>> normalize("St. Petersburg") == normalize(normalize("St. Petersburg"))
    True
    """
    if name.isascii():
        return " ".join(name.lower().translate(_ASCII_TABLE).split())
    # NFKD before and after casefolding: compatibility forms may decompose to capitals
    # (U+210C) and casefolding may add combining marks (U+0130)
    # apostrophes go first: NFKD turns the acute accent U+00B4 into a space and a mark
    s = unicodedata.normalize("NFKD", name.translate(_TABLE))
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c)).translate(_TABLE)
    if not s.isascii():
        s = s.casefold()
    return " ".join(s.split())
