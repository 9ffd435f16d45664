"""Written numbers: digits, words and plural words that are lower bounds.

Digits "110,000", "1.2 million", "$2bn", "5k"; words "two", "a dozen", "forty-five", "one
hundred and nine"; plural words "hundreds of", "tens of thousands" (at least 100, at least
10,000).

>>> parse_number("1.2 million"), parse_number("tens of thousands")
(1200000.0, 10000.0)
"""

from __future__ import annotations

import re

__all__ = ["NUMBER_RE", "SCALES", "PLURALS", "WORD_NUMBERS", "number_value", "parse_number"]

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12, "half a dozen": 6,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1_000, "trillion": 10**12}
#: plural words that are lower bounds ("hundreds of civilians" -> at least 100)
PLURALS = {"dozens": 24, "scores": 40, "hundreds": 100, "thousands": 1_000,
           "tens of thousands": 10_000, "hundreds of thousands": 100_000, "millions": 1_000_000}


_NUM = (r"(?<![\w.,/-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
        r"(?:\s*(?P<scale>hundred|thousand|million|billion|trillion|mn|bn|m|k)\b)?")
_WORDNUM = (r"\b(?P<word>(?:a\s+)?(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|one|"
            r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
            r"fifteen|sixteen|seventeen|eighteen|nineteen|half a dozen|a dozen|a|an)"
            r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)\b"
            r"(?:\s+(?P<wscale>hundred|thousand|million|billion)\b"
            r"(?:\s+and\s+(?P<wadd>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|one|two|three|four|"
            r"five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
            r"eighteen|nineteen)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)\b)?)?")
_PLURAL = r"\b(?P<plural>tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions)\b(?:\s+of\b)?"
NUMBER_RE = re.compile(rf"(?P<cur>[$€£]\s?)?(?:{_NUM}|{_WORDNUM}|{_PLURAL})", re.I)


def parse_number(text: str) -> float | None:
    """The value of a written number: "110,000", "1.2 million", "a dozen", "forty-five".

    >>> parse_number("1.2 million"), parse_number("a dozen"), parse_number("forty-five")
    (1200000.0, 12.0, 45.0)
    """
    m = NUMBER_RE.fullmatch(text.strip())
    if not m:
        return None
    v = number_value(m)
    return None if v is None else v[0]


def number_value(m: re.Match) -> tuple[float, str] | None:
    """(value, qualifier) of a match of `NUMBER_RE`: the qualifier is "at least" for plural words."""
    if m.group("num"):
        v = float(m.group("num").replace(",", ""))
        sc = (m.group("scale") or "").lower()
        if sc:
            if sc in ("m", "k") and not m.group("cur"):
                # "135 m" is metres, not millions; "5k" is thousands only with digits glued
                if sc == "m" or not re.search(r"\dk", m.group(0), re.I):
                    return v, ""
            v *= SCALES[sc]
        return v, ""
    if m.group("word"):
        w = m.group("word").lower()
        if w in ("a", "an"):
            if not m.group("wscale"):
                return None              # "a" alone is no number; "a million" is
            w = "one"
        w = re.sub(r"^a\s+(?!dozen)", "", w)
        if "-" in w:
            a, b = w.split("-", 1)
            v = WORD_NUMBERS[a] + WORD_NUMBERS[b]
        else:
            v = WORD_NUMBERS.get(w)
            if v is None:
                return None
        sc = (m.group("wscale") or "").lower()
        add = 0
        if m.group("wadd"):                  # "one hundred and nine"
            parts = m.group("wadd").lower().split("-")
            add = sum(WORD_NUMBERS[x] for x in parts)
        return float(v * (SCALES[sc] if sc else 1) + add), ""
    if m.group("plural"):
        return float(PLURALS[m.group("plural").lower()]), "at least"
    return None
