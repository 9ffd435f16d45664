"""Given names: a person the article names in full ("Tyler Williams") or after a kinship
noun ("his son James") is that person where the given name later stands bare ("Tyler was
sentenced", "James was hit"), though Tyler, Texas and James, Georgia exist."""

from __future__ import annotations

from geo._words import common_words, person_names

__all__ = ["KINSHIP_NOUNS", "given_names"]

#: nouns after which a capitalised name is the relative's (or pet's) name: "his son James",
#: "her brother Tyler", "their dog Max"
KINSHIP_NOUNS = frozenset({
    "son", "daughter", "brother", "sister", "father", "mother", "husband", "wife",
    "boyfriend", "girlfriend", "fiancé", "fiance", "fiancée", "fiancee", "grandson",
    "granddaughter", "grandfather", "grandmother", "nephew", "niece", "cousin", "uncle",
    "aunt", "stepson", "stepdaughter", "stepfather", "stepmother", "sons", "daughters",
    "brothers", "sisters", "twin", "dad", "mom", "mum", "grandma", "grandpa", "dog", "cat",
    "puppy", "stepbrother", "stepsister", "half-brother", "half-sister",
})


def given_names(text, toks, items, first_word: str, person_reasons) -> set[str]:
    """The name keys the article gives a person: a given name (US Census list) right
    before a surname that is no common word ("Tyler Williams", not "the Augusta Herald"),
    the name rejected as `first_word` of a longer name or as part of a personal name
    (`person_reasons`); any capitalised name right after a kinship noun ("his son James",
    "her son, Francisco,"); a name whose possessive has one ("Miranda's son"); and given
    names listed before a full name ("Helen, Clarence and Randy Kunz")."""
    given, surnames = person_names()
    common = common_words()
    out: set[str] = set()
    for it in items:
        s = it.span
        if it.headline or s.j - s.i != 1:
            continue
        t = toks[s.i]
        if t.upper or t.possessive:
            continue
        if s.i > 0 and toks[s.i - 1].low in KINSHIP_NOUNS and \
                text[toks[s.i - 1].end:t.start] in (" ", ", "):
            out.add(it.key)  # "his son James", "her son, Francisco,"
            continue
        if toks[s.j - 1].possessive and s.j < len(toks) and toks[s.j].low in KINSHIP_NOUNS \
                and it.cands and it.cands[0].place.kind != "country":
            out.add(it.key)  # "Miranda's son": a person's
            continue
        if (it.reject == first_word or it.reject in person_reasons) and t.low in given and \
                s.j < len(toks) and toks[s.j].cap and not toks[s.j].upper and \
                toks[s.j].low in surnames and toks[s.j].low not in common and \
                text[t.end:toks[s.j].start] == " ":
            out.add(it.key)
    keys = {it.key for it in items}
    for k, t in enumerate(toks[:-2]):  # "Helen, Clarence and Randy Kunz"
        if t.low == "and" and k > 1 and toks[k + 1].low in given and toks[k + 2].cap and \
                toks[k + 2].low in surnames and toks[k + 2].low not in common and \
                text[toks[k + 1].end:toks[k + 2].start] == " ":
            out.update(n for n in _listed_before(text, toks, k + 1, given) if n in keys)
    return out


def _listed_before(text, toks, i: int, given) -> list[str]:
    """The given names listed before a full name that opens at ``toks[i]``: "the deaths of
    Helen, Clarence, Irene and Randy Kunz" (each a person, as the last is)."""
    out = []
    k = i - 1
    while k >= 1:
        sep = text[toks[k].end:toks[k + 1].start]
        if toks[k].low == "and" and text[toks[k - 1].end:toks[k].start].strip() in ("", ","):
            k -= 1
            continue
        if sep not in (", ", " ") or (sep == " " and toks[k + 1].low != "and"):
            break
        t = toks[k]
        if not t.cap or t.upper or t.possessive or t.low not in given:
            break
        out.append(t.key)
        k -= 1
    return out
