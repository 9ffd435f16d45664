"""Which date a claim takes when its own clause gives none, or more than one.

A date opening a sentence frames all of it (`frame_date`); a statement's date ("..., the
governor said on Sunday") dates what it says that has no date of its own (`speech_date`);
else the date is carried (`carried_date`): the sentence's nearest point in time, the date
of the event the sentence names, the figure's whose change it is, the one event the
article dates (for a toll), the paragraph's last date, or the report's date, with a note
saying which. Used by `layers.text.claims`; `ctx` there is its per-article state (the
sentences, the claims so far, the event dates, the last date said, the report's date).
"""

from __future__ import annotations

import re
from datetime import date as _date

from layers.text.dates import (REPORT_DATE_NOTE, SAME_EVENT_RE, DateMention, across_contrast, event_date,
                               other_event, said_on, standing)
from layers.text.sentences import Clause, Sentence

__all__ = ["frame_date", "speech_date", "carried_date", "long_before", "date_fields", "clause_dates",
           "COMPARED_RE", "DATELINE_RE"]


def frame_date(sent: Sentence, clauses: list[Clause], dates: list[DateMention]) -> DateMention | None:
    """A date opening the sentence frames all of it ("As of June 29, 2025, ...", "On Monday, ...")."""
    if len(clauses) < 2:
        return None
    first = clauses[0]
    if first.start != sent.start:
        return None
    if _EVENT_FRAME_RE.match(first.text) and len(first.text) <= 90:
        # "Before Russia's full-scale invasion in February 2022, ...": the event's date
        # dates the rest of the sentence (a figure then is a past one)
        return next((d for d in dates if sent.start + d.start < first.end), None)
    if len(first.text) > 40:
        return None
    for d in dates:
        if first.start <= sent.start + d.start < first.end and d.start <= 12:
            return d
    return None


_EVENT_FRAME_RE = re.compile(r"(?:Before|After|Until|Following|Prior to|Since|By|During|As of)\s", re.I)
_SPEECH_DATE_RE = re.compile(r"\b(?:said|says|told(?: \w+)?|reported|announced|stated|confirmed|"
                             r"added|claimed|wrote|posted)\s+(?:on\s+|late\s+|early\s+)?$", re.I)


def speech_date(sent: Sentence, dates: list[DateMention]) -> DateMention | None:
    """The date a statement was made ("..., the governor said on Sunday"): it dates the
    sentence's claims that have no date of their own."""
    for d in dates:
        if d.kind == "point" and _SPEECH_DATE_RE.search(sent.text[max(0, d.start - 30):d.start]):
            return d
    return None


DATELINE_RE = re.compile(r"^\s*(?:[A-Z][\w’'.-]*(?:[ -][A-Z][\w’'.-]*)*\s*,\s*)+$")


#: the measures of a toll: with no date of their own, the date of the event they count
_TOLL_MEASURES = {"killed", "injured", "missing", "dead", "deaths", "casualties"}


def carried_date(ctx, sent: Sentence, dates: list[DateMention],
                  pos: int, measure: str = "") -> tuple[DateMention | None, str]:
    """The date of a claim whose clause gives none: the sentence's point in time nearest it
    (not one said for comparison: "against 650,000 on January 19"; a dateline's is the
    report's), else the last one its paragraph gave before (the same event, told on), else
    the article's date (a figure reported as it stands). With a note saying which.

    A toll (`measure`) not told as standing at the report, in an article that dates one
    event, is that event's rather than the date the last statement was made on ("..., she
    told the radio on Friday. Initial estimates put those killed at 20": the attack's
    Thursday) or the report's."""
    points = [d for d in dates if d.kind in ("point", "range") and d.start_iso
              and not COMPARED_RE.search(sent.text[max(0, d.start - 60):d.start])
              and not across_contrast(sent.text, pos, d)]
    if points:
        best = min(points, key=lambda d: min(abs(d.start - pos), abs(pos - d.end)))
        if DATELINE_RE.match(sent.text[:best.start]) and re.match(r"\s*(?:[-–—]|\(|/)", sent.text[best.end:]):
            return best, REPORT_DATE_NOTE        # "GOMA, February 5, 2025 — ...": the report's date
        return best, ""
    got = event_date(ctx.event_dates, sent.text, sent.index, pos)    # the date of the event it names
    if got is not None:
        return got
    if measure == "change" and sent.index > 0:
        # "This is an increase of 10% compared to ...": the change of the figure just told, at its date
        prev = ctx.sentences[sent.index - 1]
        told = [c for c in ctx.claims if c.measure and c.date_start and prev.start <= c.span_start < prev.end]
        if told and "\n\n" not in ctx.article.text[prev.end:sent.start]:
            c = told[-1]
            return DateMention("", -1, -1, c.date_start, c.date_end, c.time_precision, "point"), \
                "date of the figure the sentence before told, whose change it is"
    sole = ctx.sole_event if measure in _TOLL_MEASURES and not standing(sent.text, pos) else None
    if sole is not None:
        sole_note = f"date of the event, from '{sole[0].text}' {'earlier' if sole[1] < sent.index else 'later'} in the text"
    if ctx.last_date is not None and (ctx.last_date[0] == sent.paragraph or SAME_EVENT_RE.search(sent.text)) \
            and not other_event(sent.text, pos, ctx.sentences[ctx.last_date[2]].text) \
            and not (measure and standing(sent.text, pos)):
        d = ctx.last_date[1]
        if sole is not None and said_on(ctx.sentences[ctx.last_date[2]].text, d):
            return sole[0], sole_note
        return d, f"date carried from '{d.text}' earlier in the text"
    if sole is not None:
        return sole[0], sole_note
    if ctx.ref is not None:
        iso = ctx.ref.isoformat()
        return DateMention("", -1, -1, iso, "", "day", "point"), REPORT_DATE_NOTE
    return None, ""


# a date said for comparison is not the date of what follows: "against 650,000 on January 19",
# "compared to January 19", "up from 20 the previous week", "an increase of 10% compared to the
# figures for the same period last year" (a figure is not dated by what it is compared with)
COMPARED_RE = re.compile(r"\b(?:against|compared (?:to|with)|than|up from|down from|versus|vs\.?)\b"
                          r"[^.;]{0,45}$", re.I)


def long_before(d: DateMention, ref: _date | None) -> bool:
    """Whether `d` ends more than a year before the report's date `ref`."""
    iso = d.end_iso or d.start_iso
    return ref is not None and bool(iso) and iso[:4].isdigit() and int(iso[:4]) < ref.year - 1 + (
        1 if len(iso) >= 7 and int(iso[5:7]) < ref.month else 0)


def date_fields(d: DateMention | None) -> tuple[str, str, str]:
    if d is None:
        return "", "", ""
    prec = d.precision
    return d.start_iso, d.end_iso, prec


def clause_dates(sent: Sentence, clause: Clause, dates: list[DateMention]) -> list[DateMention]:
    return [d for d in dates if clause.start <= sent.start + d.start < clause.end]
