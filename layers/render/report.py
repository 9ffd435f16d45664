"""The report fragment, ``SLUG.report.html``: the figure inlined, a compact claims table, credits.

Helpers of `layers.render.static` (whose `write_report` calls `write_report_fragment`).
"""

from __future__ import annotations

import base64
import html
import math
import re
import struct
from pathlib import Path

from geo.exc import BadInput
from layers.io.writers import atomic_write
from layers.render._cells import number, published_text, rows_of, split_ids, truthy
from layers.symbology import (category_style, data_credits,
                              label_for)

__all__ = ["MAX_TABLE_ROWS", "QUOTE_CHARS", "short_quote", "write_report_fragment"]

#: claims listed in the report's table at most (a merged batch has tens of thousands: a
#: table that long is no longer something to paste); the rest are counted and the full
#: list is in SLUG.claims.csv beside the fragment
MAX_TABLE_ROWS = 500
#: the quote a row shows: about this many characters of the claim's sentence, around its
#: figure (the whole sentence opens beneath it on demand)
QUOTE_CHARS = 100
_NUMBER = re.compile(r"\d[\d,.]*")


def _fmt_value(value, unit) -> str:
    v = number(value, default=float("nan"))
    if math.isnan(v):
        return ""
    text = f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")
    unit = str(unit or "")
    if unit == "percent":
        return f"{text}%"
    return f"{text} {unit}".strip()


def short_quote(sentence: str, start: int = -1, end: int = -1, width: int = QUOTE_CHARS
                ) -> str:
    """The sentence cut to about `width` characters around its figure (characters
    `start`..`end` of it; -1 when not known: around its first number, else its start),
    at word boundaries, an ellipsis where it was cut; the sentence itself when short.

    >>> short_quote("Officials said on Monday, after a long meeting in the capital that "
    ...             "ran late, that about 4,000 families had been displaced by the floods "
    ...             "which hit the region over the weekend.", width=60)
    '… that ran late, that about 4,000 families had been …'
    >>> short_quote("At least 12 people died.")
    'At least 12 people died.'
    """
    text = " ".join(sentence.split())
    if len(text) <= width:
        return text
    if not 0 <= start < end <= len(text):
        m = _NUMBER.search(text)
        start, end = (m.start(), m.end()) if m else (0, 0)
    mid = (start + end) // 2
    lo = max(0, min(mid - width // 2, len(text) - width))
    hi = min(len(text), lo + width)
    if lo > 0:   # whole words: start after a space
        cut = text.find(" ", lo, start if start > lo else hi)
        lo = cut + 1 if cut >= 0 else lo
    if hi < len(text):
        cut = text.rfind(" ", max(end, lo + 1), hi)
        hi = cut if cut >= 0 else hi
    return ("… " if lo > 0 else "") + text[lo:hi].strip() + (" …" if hi < len(text) else "")


def _figure_span(sentence: str, article_text: str, c) -> tuple[int, int]:
    """Where the claim's figure is in its sentence: the article's words at the claim's
    span, found in the sentence; else the value as written (``100,000``); else -1, -1."""
    s, e = int(number(c.get("span_start"), -1)), int(number(c.get("span_end"), -1))
    words = article_text[s:e] if article_text and 0 <= s < e <= len(article_text) else ""
    flat = " ".join(sentence.split())
    for probe in (" ".join(words.split()), _fmt_value(c.get("value"), "").split(" ")[0]):
        i = flat.find(probe) if probe else -1
        if i >= 0:
            return i, i + len(probe)
    return -1, -1


def _claim_rows(layers, limit=None):
    """The table's rows, in the article's order (at most `limit`); and how many in all."""
    names = {}
    for p in rows_of(layers.places):
        names[p["place_id"]] = label_for(p["name"], p.get("surfaces"), p.get("kind", ""))
    for r in rows_of(layers.regions):
        names.setdefault(r["place_id"], str(r["name"]))
    article_text = str(getattr(layers.doc.article, "text", "") or "")
    rows = []
    # in the order the article makes them
    claims = sorted(rows_of(layers.claims),
                    key=lambda c: (number(c.get("span_start")), str(c.get("claim_id"))))
    total = len(claims)
    for c in claims[:limit]:
        ids = split_ids(c.get("place_ids"))
        sep = " → " if c.get("relation") else ", "
        place = sep.join(names.get(i, i) for i in ids)
        figure = _fmt_value(c.get("value"), c.get("unit"))
        measure = str(c.get("measure") or "").replace("_", " ")
        if figure and measure:
            figure = f"{figure} ({measure})"
        date = str(c.get("date_start") or "")
        if c.get("date_end"):
            date = f"{date} – {c['date_end']}" if date else f"until {c['date_end']}"
        text = " ".join(str(c.get("text") or "").split())
        rows.append({
            "category": str(c.get("category") or ""),
            "place": place,
            "figure": figure,
            "measure": measure,
            "text": text,
            "quote": short_quote(text, *_figure_span(text, article_text, c)),
            "date": date,
            "source": str(c.get("source") or ""),
            "contested": truthy(c.get("contested")),
        })
    return rows, total


def _display_width(png: bytes) -> int | None:
    """The CSS pixels a PNG is meant to be shown at: its width at 96 pixels to the inch
    by its own resolution (pHYs); None when it says none."""
    if len(png) < 33 or png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        return None
    width = struct.unpack(">I", png[16:20])[0]
    i = 8
    while i + 8 <= len(png):
        size, kind = struct.unpack(">I4s", png[i:i + 8])
        if kind == b"pHYs" and size >= 9:
            ppx, _, unit = struct.unpack(">IIB", png[i + 8:i + 17])
            if unit == 1 and ppx > 0:   # pixels per metre
                return max(1, round(width * 96 / (ppx * 0.0254)))
            return None
        if kind in (b"IDAT", b"IEND"):
            return None
        i += 12 + size
    return None


def _region_sources(layers) -> list[str]:
    """Where the regions' outlines come from (``geometry_source``), for the credits."""
    return sorted({str(r.get("geometry_source") or "") for r in rows_of(layers.regions)})


def write_report_fragment(layers, path, png_path) -> Path:
    """Write ``SLUG.report.html``: a self-contained fragment to paste into a report or CMS.

    The figure is inlined (base64 PNG, shown at the width its resolution gives: 96
    pixels to the inch), followed by a compact table of the claims, one line or two
    each: the figure with its measure (a dot of its category's colour), place, date,
    source, a short quote around the figure (`short_quote`; the whole sentence in a
    ``<details>`` that opens on a click) and whether it is contested; the first
    `MAX_TABLE_ROWS` in the article's order, then a line saying how many more there are
    and that all are in ``SLUG.claims.csv``. Then the attribution, with the article's
    date (a merged batch's: the range of its articles' dates). Everything taken
    from the article is HTML-escaped. There is no ``<html>`` wrapper: the fragment goes
    inside a page.

    Parameters
    ----------
    layers : layers.builder.Layers
    path : path-like
        The fragment to write (atomically).
    png_path : path-like
        The PNG written by `write_static`, inlined.
    """
    esc = html.escape
    png_path = Path(png_path)
    try:
        png = png_path.read_bytes()
    except OSError as err:
        raise BadInput(f"cannot read the static map to inline: {err.strerror}",
                       path=str(png_path)) from err
    data = base64.b64encode(png).decode("ascii")
    shown = _display_width(png)
    art = layers.doc.article
    title = art.title or art.id
    rows, total = _claim_rows(layers, MAX_TABLE_ROWS)
    out = [
        f'<figure class="claimmap-report" id="claimmap-{esc(art.id)}">',
        "<style>"
        ".claimmap-report{margin:1em 0;font-family:system-ui,sans-serif;font-size:13px;"
        "line-height:1.35}"
        ".claimmap-report img{max-width:100%;height:auto;display:block}"
        ".claimmap-report table{border-collapse:collapse;width:100%;margin-top:.6em}"
        ".claimmap-report th,.claimmap-report td{border-bottom:1px solid #ddd;"
        "padding:.25em .4em;text-align:left;vertical-align:top}"
        ".claimmap-report th{font-size:12px;color:#444}"
        ".claimmap-report .cm-cat{display:inline-block;width:.75em;height:.75em;"
        "border-radius:50%;margin-right:.3em;vertical-align:-.05em}"
        ".claimmap-report .cm-q{color:#333;min-width:14em}"
        ".claimmap-report .cm-q summary{cursor:pointer}"
        ".claimmap-report .cm-q details[open] summary{color:#777}"
        ".claimmap-report .cm-q details p{margin:.2em 0 .1em}"
        ".claimmap-report .cm-none{color:#666}"
        ".claimmap-report figcaption{color:#555;font-size:12px;margin-top:.5em}"
        ".claimmap-report .cm-nw{white-space:nowrap}"
        "</style>",
        f'<img src="data:image/png;base64,{data}"'
        + (f' width="{shown}"' if shown else "") + f' alt="{esc("Map: " + title)}">',
        '<table class="claimmap-claims">',
        # the quote gets the room: a row of two or three lines, not a column of words
        '<colgroup><col style="width:17%"><col style="width:14%"><col style="width:10%">'
        '<col style="width:11%"><col style="width:42%"><col style="width:6%"></colgroup>',
        "<thead><tr><th>Figure</th><th>Place</th><th>Date</th><th>Source</th>"
        "<th>Quote (click: the sentence)</th><th>Contested</th></tr></thead>",
        "<tbody>",
    ]
    for r in rows:
        colour, _, cat_label = category_style(r["category"])
        figure = (esc(r["figure"]) if r["figure"] else
                  f'<span class="cm-none">{esc(r["measure"] or cat_label)}</span>')
        if r["quote"] == r["text"]:
            quote = esc(r["text"])
        else:   # the short quote; the whole sentence when opened
            quote = (f"<details><summary>{esc(r['quote'])}</summary>"
                     f"<p>{esc(r['text'])}</p></details>")
        out.append(
            "<tr>"
            f'<td><span class="cm-cat" style="background:{esc(colour)}" '
            f'title="{esc(cat_label)}"></span>{figure}</td>'
            f"<td>{esc(r['place'])}</td><td class=\"cm-nw\">{esc(r['date'])}</td>"
            f"<td>{esc(r['source'])}</td><td class=\"cm-q\">{quote}</td>"
            f"<td>{'yes' if r['contested'] else ''}</td></tr>")
    src = art.source or ""
    when = published_text(art)
    meta = ", ".join(x for x in (src, when) if x)
    out.append("</tbody></table>")
    if total > len(rows):
        path_name = Path(path).name
        stem = path_name[:-len(".report.html")] if path_name.endswith(".report.html") \
            else Path(path).stem
        out.append(f'<p class="cm-more">The first {len(rows):,} of {total:,} claims, in the '
                   f"order they were made; all {total:,} are in "
                   f"<code>{esc(stem)}.claims.csv</code>.</p>")
    out += [
        f"<figcaption>{esc(title)}{' (' + esc(meta) + ')' if meta else ''}. "
        f"{esc('; '.join(data_credits(_region_sources(layers))))}. "
        "Made with claimmap.</figcaption>",
        "</figure>",
        "",
    ]
    text = "\n".join(out)
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8",
                                                         newline="\n"))
