"""Sentences and clauses of an article, with offsets into its text.

Rules (plain, documented, language: English news prose):

- a blank line ends a paragraph; a line break inside a paragraph ends a sentence when
  the line has no closing punctuation (headlines, sub-heads, captions);
- inside a paragraph a sentence ends at '.', '!' or '?' (with closing quotes or
  brackets) followed by white space and an upper-case letter, a digit or an opening
  quote, unless the word before the full stop is a known abbreviation ("Gen.", "U.S.",
  "Jan.") or a single initial ("J. Smith");
- clauses are the pieces of a sentence between ',', ';', ':', dashes and parentheses,
  and before "and that", "but", "while", "whereas", "and has/is/was...", and "as <Named>
  forces/troops/..." (a second event: "... at the crossing as Israeli forces pressed ..."):
  figure and place attach to the smallest piece that holds them.

>>> [s.text for s in split_sentences("Title line\\n\\nGen. Smith said so. Then 3 more.")]
['Title line', 'Gen. Smith said so.', 'Then 3 more.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "Clause", "split_sentences", "split_clauses"]

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm",
    "gov", "sen", "rep", "pres", "st", "mt", "ft", "no", "nos", "vs", "etc", "approx", "est",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "i.e", "e.g", "inc", "ltd", "co", "corp", "jr",
    "sr", "km", "sq", "approx", "dept", "govt", "reg", "obl",
}
#: invisible format characters (zero-width space and joiners, bidi marks and embeddings,
#: word joiner, byte-order mark) that text pasted from the web or a word processor carries
#: between sentences: they separate like a space and never hide a sentence's end
_INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
#: what a sentence is trimmed of at both ends: blanks and those invisible characters
_BLANK = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + "".join(
    chr(c) for a, b in ((0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x2069),
                        (0xFEFF, 0xFEFF)) for c in range(a, b + 1))
_END_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=(?:\s|[" + _INVISIBLE + r"])+[\"“‘'(\[]?[" + _INVISIBLE
                     + r"]*[A-Z0-9А-ЯЁ])")
_CLAUSE_SEP_RE = re.compile(r"\s*(?:[,;:()\[\]]|\s[—–-]\s|[—–]|--)\s*|"
                            r"\s+(?=(?:and|but) that\s|while\s|whereas\s|but\s|"
                            r"and (?:has|have|had|is|are|was|were|will|would)\s|"
                            # "... at the crossing as Israeli forces pressed ...": a second event
                            r"as (?:[A-Z][\w’'-]+\s+)+(?:forces|troops|army|units|fighters|soldiers|"
                            r"rebels|militants|aircraft|drones|jets|warplanes|police)\b)")


@dataclass(frozen=True)
class Sentence:
    """A sentence: its text and offsets in the article (text == article[start:end])."""

    text: str
    start: int
    end: int
    index: int
    #: True for a line that stands alone (a headline or sub-head)
    heading: bool = False
    paragraph: int = 0


@dataclass(frozen=True)
class Clause:
    """A piece of a sentence between clause separators, with article offsets."""

    text: str
    start: int
    end: int


def _is_abbrev(chunk: str) -> bool:
    m = re.search(r"([A-Za-z](?:\.[A-Za-z])*|[A-Za-z]+)\.$", chunk)
    if not m:
        return False
    word = m.group(1).lower()
    if word in _ABBREV:
        return True
    # a single initial ("J. Smith"), but not the pronoun "I" ending a sentence
    return len(word) == 1 and word != "i" and m.group(1).isupper()


_BULLET_RE = re.compile(r"[ \t]*[-•*–—][ \t]+\S")


def _split_paragraph(text: str, base: int) -> list[tuple[int, int, bool]]:
    """(start, end, heading) of the sentences of one paragraph (offsets absolute)."""
    out: list[tuple[int, int, bool]] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    # lines without closing punctuation stand alone; the rest run on
    blocks: list[tuple[int, int, bool]] = []
    cur: list[int] | None = None
    for s, e in lines:
        line = text[s:e].rstrip()
        if not line.strip():
            continue
        closed = bool(re.search(r"[.!?:;,\"”’)]$", line))
        if cur is not None and _BULLET_RE.match(line):
            blocks.append((cur[0], cur[1], False))      # a list item is a sentence of its own
            cur = None
        if not closed and len(lines) > 1:
            if cur:
                blocks.append((cur[0], cur[1], False))
                cur = None
            blocks.append((s, s + len(line), True))
        elif cur is None:
            cur = [s, s + len(line)]
        else:
            cur[1] = s + len(line)
    if cur:
        blocks.append((cur[0], cur[1], False))
    for bs, be, heading in blocks:
        if heading:
            out.append((bs, be, True))
            continue
        chunk = text[bs:be]
        pos = 0
        for m in _END_RE.finditer(chunk):
            if _is_abbrev(chunk[pos:m.start() + 1]):
                continue
            out.append((bs + pos, bs + m.end(), False))
            pos = m.end()
            while pos < len(chunk) and chunk[pos] in _BLANK:
                pos += 1
        if pos < len(chunk):
            out.append((bs + pos, be, len(blocks) == 1 and not re.search(r"[.!?]$", chunk)))
    return [(base + s, base + e, h) for s, e, h in out]


def split_sentences(text: str) -> list[Sentence]:
    """Split an article into sentences (see the module's rules).

    Parameters
    ----------
    text : str
        The article's text.

    Returns
    -------
    list of Sentence
        In order; ``text[s.start:s.end] == s.text`` with no leading or trailing blanks.
    """
    out: list[Sentence] = []
    para = 0
    for m in re.finditer(r"(?:[^\n]|\n(?![ \t\r]*\n))+", text):
        chunk = m.group(0)
        if not chunk.strip():
            continue
        for s, e, heading in _split_paragraph(chunk, m.start()):
            raw = text[s:e]
            ls = len(raw) - len(raw.lstrip(_BLANK))
            rs = len(raw.rstrip(_BLANK))
            if rs <= ls:
                continue
            out.append(Sentence(text[s + ls:s + rs], s + ls, s + rs, len(out), heading, para))
        para += 1
    return out


def split_clauses(sentence: Sentence) -> list[Clause]:
    """Split a sentence into clauses at commas, semicolons, colons, dashes and brackets.

    Hyphens inside words ("Russia-Ukraine") do not split; an em dash does, spaced or not.
    """
    out: list[Clause] = []
    pos = 0
    text = sentence.text
    for m in _CLAUSE_SEP_RE.finditer(text):
        # a comma inside a number ("110,000") is no separator
        if m.group(0).strip() == "," and m.start() > 0 and text[m.start() - 1].isdigit() \
                and m.end() < len(text) and text[m.end()].isdigit() and m.end() - m.start() == 1:
            continue
        # nor the commas of a list of names ("in Niger, Mali and Burkina Faso")
        if m.group(0).strip() == "," and re.search(r"\b[A-Z][\w’'-]*$", text[:m.start()]) and \
                re.match(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}\s*(?:,|\band\b|\bor\b)",
                         text[m.end():]):
            continue
        # nor is the comma of a date ("June 29, 2025")
        if m.group(0).strip() == "," and m.start() > 0 and text[m.start() - 1].isdigit() \
                and re.match(r"(?:19|20)\d\d\b", text[m.end():]):
            continue
        if m.start() > pos:
            out.append(Clause(text[pos:m.start()], sentence.start + pos, sentence.start + m.start()))
        pos = m.end()
    if pos < len(text):
        out.append(Clause(text[pos:], sentence.start + pos, sentence.end))
    return [c for c in out if re.search(r"\w", c.text)]
