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
    """The name keys the article gives a person as a given name: a given name (US Census
    list) right before a surname that is no common word ("Tyler Williams", not "the
    Augusta Herald"), the name rejected as `first_word` of a longer name or as part of a
    personal name (`person_reasons`); or any capitalised name right after a kinship noun
    ("his son James")."""
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
                text[toks[s.i - 1].end:t.start] == " ":
            out.add(it.key)
            continue
        if (it.reject == first_word or it.reject in person_reasons) and t.low in given and \
                s.j < len(toks) and toks[s.j].cap and not toks[s.j].upper and \
                toks[s.j].low in surnames and toks[s.j].low not in common and \
                text[t.end:toks[s.j].start] == " ":
            out.add(it.key)
    return out
