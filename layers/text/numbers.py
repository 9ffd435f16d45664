"""Written numbers: digits, words and plural words that are lower bounds.

Digits "110,000", "1.2 million", "$2bn", "5k"; words "two", "a dozen", "forty-five", "one
hundred and nine"; plural words "hundreds of", "tens of thousands" (at least 100, at least
10,000).

>>> parse_number("1.2 million"), parse_number("tens of thousands")
(1200000.0, 10000.0)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["NUMBER_RE", "CURRENCY_SIGNS", "NUMBER_UNSPACED_RE", "spaced_thousands_ok", "iter_numbers", "SCALES", "PLURALS", "WORD_NUMBERS", "number_value", "parse_number"]

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12, "half a dozen": 6,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1_000, "trillion": 10**12,
          # South Asian numbering: "43 lakh people" (4.3 million), "2 crore" (20 million)
          "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000}
#: plural words that are lower bounds ("hundreds of civilians" -> at least 100)
PLURALS = {"dozens": 24, "scores": 40, "hundreds": 100, "thousands": 1_000,
           "tens of thousands": 10_000, "hundreds of thousands": 100_000, "millions": 1_000_000}


# a sign only on a percentage ("Dubai (-5.2 per cent)", "+3%"): a dash before other numbers is
# a bullet or a range; a thousands comma may be followed by a space ("296, 429"), which
# `find_figures` takes back where the two are a list ("296, 429 and 500") or a date ("May 5, 300")
_NUM = (r"(?:(?P<sign>(?<=[(\s])[-−+](?=\d[\d.,]*\s*(?:%|per\s?cent|percent)))|(?<![\w.,/-]))"
        r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|SPACED\d+(?:\.\d+)?)"
        r"(?:\s*(?P<scale>hundred|thousand|million|billion|trillion|lakhs?|crores?|mn|bn|m|k)\b)?")
_WORDNUM = (r"\b(?P<word>(?:a\s+)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b)?|one|"
            r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
            r"fifteen|sixteen|seventeen|eighteen|nineteen|half a dozen|a dozen|a|an))\b"
            r"(?:\s+(?P<wscale>hundred|thousand|million|billion|lakhs?|crores?)\b"
            r"(?:\s+and\s+(?P<wadd>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|one|two|three|four|"
            r"five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
            r"eighteen|nineteen)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)\b)?)?")
_PLURAL = r"\b(?P<plural>tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions)\b(?:\s+of\b)?"
_SPACED = r"\d{1,3}(?:, \d{3})+(?![\d,.])|"
#: a currency before a number: "$", "US$", "A$", "€", "£", "₹", "Rs 500 crore", "₦", "KSh"
_CUR = r"(?P<cur>(?:(?<![A-Za-z])(?:US|A|C|NZ|HK|S))?\$\s?|[€£₹₦₱]\s?|(?<![A-Za-z])(?:Rs\.?|INR|KSh)\s?)"
#: the ISO code of each currency sign
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "A$": "AUD", "C$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD",
                  "€": "EUR", "£": "GBP", "₹": "INR", "RS": "INR", "RS.": "INR", "INR": "INR", "₦": "NGN",
                  "₱": "PHP", "KSH": "KES"}
NUMBER_RE = re.compile(rf"{_CUR}?(?:{_NUM.replace('SPACED', _SPACED)}|{_WORDNUM}|{_PLURAL})", re.I)
#: the same without the spaced thousands separator: the fallback where "5, 300" is two numbers
NUMBER_UNSPACED_RE = re.compile(rf"{_CUR}?(?:{_NUM.replace('SPACED', '')}|{_WORDNUM}|{_PLURAL})", re.I)
_MONTH_BEFORE_RE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.I)
_LIST_AFTER_RE = re.compile(r"\s*(?:,|\band\b|\bor\b|\bto\b|&|-|–)\s*(?:\d|(?:one|two|three|four|five|six|seven|"
                            r"eight|nine|ten)\b)", re.I)


def spaced_thousands_ok(text: str, m: re.Match) -> bool:
    """Whether a match of `NUMBER_RE` written "296, 429" is one number (a thousands comma with a
    space after it, as in results typed by hand) rather than two: not when a list goes on
    ("296, 429 and 500"), a number stands before it ("10, 296, 429"), or the first part is
    a day of a date ("May 5, 300 people")."""
    num = m.group("num") or ""
    if ", " not in num:
        return True
    s, e = m.start("num"), m.end()
    return not (_LIST_AFTER_RE.match(text, e) or re.search(r"\d\s*,\s*$", text[max(0, s - 12):s])
                or _MONTH_BEFORE_RE.search(text[max(0, s - 12):s]))


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
        v = float(m.group("num").replace(",", "").replace(" ", ""))
        if (m.group("sign") or "") in ("-", "\u2212"):
            v = -v
        sc = (m.group("scale") or "").lower()
        if sc:
            if sc in ("m", "k") and not m.group("cur"):
                # "135 m" is metres, not millions; "5k" is thousands only with digits glued
                if sc == "m" or not re.search(r"\dk", m.group(0), re.I):
                    return v, ""
            v = round(v * SCALES[sc], 6)
        return v, ""
    if m.group("word"):
        w = m.group("word").lower()
        if w in ("a", "an"):
            if not m.group("wscale"):
                return None              # "a" alone is no number; "a million" is
            w = "one"
        w = re.sub(r"^a\s+(?!dozen)", "", w)
        w = re.sub(r"\s+", " ", w)
        if "-" in w or " " in w and w not in WORD_NUMBERS:
            a, b = re.split(r"[- ]", w, 1)
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


def iter_numbers(text: str, exclude=()) -> Iterator[re.Match]:
    """The number matches of `text` in order; "5, 300" is one number only where
    `spaced_thousands_ok` says so and no excluded span (a date) holds its first part."""
    pos = 0
    while True:
        m = NUMBER_RE.search(text, pos)
        if m is None:
            return
        if ", " in (m.group("num") or "") and (not spaced_thousands_ok(text, m) or any(
                a < m.start("num") + m.group("num").index(",") and m.start() < b for a, b in exclude)):
            m = NUMBER_UNSPACED_RE.match(text, m.start())
        yield m
        pos = max(m.end(), pos + 1)
