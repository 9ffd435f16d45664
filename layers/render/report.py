"""The report fragment, ``SLUG.report.html``: the figure inlined, a claims table, credits.

Helpers of `layers.render.static` (whose `write_report` calls `write_report_fragment`).
"""

from __future__ import annotations

import base64
import html
import math
from pathlib import Path

from geo.exc import BadInput
from layers.io.writers import atomic_write
from layers.render._cells import number, rows_of, split_ids, truthy
from layers.symbology import (GEONAMES_ATTRIBUTION, NATURAL_EARTH_ATTRIBUTION, category_style,
                              label_for)

__all__ = ["MAX_TABLE_ROWS", "write_report_fragment"]

#: claims listed in the report's table at most (a merged batch has tens of thousands: a
#: table that long is no longer something to paste); the rest are counted and the full
#: list is in SLUG.claims.csv beside the fragment
MAX_TABLE_ROWS = 500


def _fmt_value(value, unit) -> str:
    v = number(value, default=float("nan"))
    if math.isnan(v):
        return ""
    text = f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")
    unit = str(unit or "")
    if unit == "percent":
        return f"{text}%"
    return f"{text} {unit}".strip()


def _claim_rows(layers, limit=None):
    """The table's rows, in the article's order (at most `limit`); and how many in all."""
    names = {}
    for p in rows_of(layers.places):
        names[p["place_id"]] = label_for(p["name"], p.get("surfaces"), p.get("kind", ""))
    for r in rows_of(layers.regions):
        names.setdefault(r["place_id"], str(r["name"]))
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
        rows.append({
            "category": str(c.get("category") or ""),
            "place": place,
            "figure": figure,
            "text": str(c.get("text") or ""),
            "date": date,
            "source": str(c.get("source") or ""),
            "contested": truthy(c.get("contested")),
        })
    return rows, total


def write_report_fragment(layers, path, png_path) -> Path:
    """Write ``SLUG.report.html``: a self-contained fragment to paste into a report or CMS.

    The figure is inlined (base64 PNG), followed by a table of the claims (category,
    place, figure, claim, date, source, contested; the first `MAX_TABLE_ROWS` in the
    article's order, then a line saying how many more there are and that all are in
    ``SLUG.claims.csv``) and the attribution. Everything taken
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
        data = base64.b64encode(png_path.read_bytes()).decode("ascii")
    except OSError as err:
        raise BadInput(f"cannot read the static map to inline: {err.strerror}",
                       path=str(png_path)) from err
    art = layers.doc.article
    title = art.title or art.id
    rows, total = _claim_rows(layers, MAX_TABLE_ROWS)
    out = [
        f'<figure class="claimmap-report" id="claimmap-{esc(art.id)}">',
        "<style>"
        ".claimmap-report{margin:1em 0;font-family:system-ui,sans-serif;font-size:14px}"
        ".claimmap-report img{max-width:100%;height:auto;display:block}"
        ".claimmap-report table{border-collapse:collapse;width:100%;margin-top:.6em}"
        ".claimmap-report th,.claimmap-report td{border-bottom:1px solid #ddd;padding:.3em .4em;"
        "text-align:left;vertical-align:top}"
        ".claimmap-report .cm-cat{display:inline-block;width:.8em;height:.8em;"
        "border-radius:50%;margin-right:.3em;vertical-align:-.05em}"
        ".claimmap-report figcaption{color:#555;font-size:12px;margin-top:.5em}"
        ".claimmap-report .cm-nw{white-space:nowrap}"
        "</style>",
        f'<img src="data:image/png;base64,{data}" alt="{esc("Map: " + title)}">',
        '<table class="claimmap-claims">',
        "<thead><tr><th>Category</th><th>Place</th><th>Figure</th><th>Claim</th>"
        "<th>Date</th><th>Source</th><th>Contested</th></tr></thead>",
        "<tbody>",
    ]
    for r in rows:
        colour, _, cat_label = category_style(r["category"])
        out.append(
            "<tr>"
            f'<td class="cm-nw"><span class="cm-cat" style="background:{esc(colour)}"></span>'
            f"{esc(cat_label)}</td>"
            f"<td>{esc(r['place'])}</td><td>{esc(r['figure'])}</td><td>{esc(r['text'])}</td>"
            f"<td class=\"cm-nw\">{esc(r['date'])}</td><td>{esc(r['source'])}</td>"
            f"<td>{'yes' if r['contested'] else ''}</td></tr>")
    src = art.source or ""
    when = art.published.isoformat() if art.published else ""
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
        f"{esc(GEONAMES_ATTRIBUTION)}; {esc(NATURAL_EARTH_ATTRIBUTION)}. "
        "Made with claimmap.</figcaption>",
        "</figure>",
        "",
    ]
    text = "\n".join(out)
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8",
                                                         newline="\n"))
