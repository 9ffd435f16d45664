"""QGIS styles (QML) and OGC SLD for claimmap's layers, from the shared symbology.

The GeoPackage carries these as each layer's default style (``layer_styles``), and the
builder writes the QML beside each GeoJSON (``SLUG.claims.qml`` next to
``SLUG.claims.geojson``) so QGIS opens the GeoJSON styled as well. The ``.qml``/``.sld``
files in this folder are the same styles for people who load layers by hand; regenerate
them with ``python -m layers.io.styles`` (a test checks they are current).

Styles:

- places: a marker per place kind, labelled by ``name``;
- claims (points): categorised on ``category``, each category its colour and its marker
  shape (:data:`layers.symbology.CATEGORY_SHAPE`, the static map's), inside a point
  displacement renderer, so claims stacked on one place open into rings around it;
- claim_lines: lines categorised on ``category``;
- links: lines categorised on ``relation`` (colour and dash per relation);
- regions: a country (``kind`` country) as its dark outline, unfilled, a continent or
  world region (``region``) as its purple outline, unfilled; an admin area
  outlined and lightly filled; labelled by ``name`` (a marker when a region is a point at
  its centre).

Labels use :data:`layers.symbology.LABEL_FONT` (an empty family is drawn by QGIS 3.22
with a mathematical font). The claims styles set the layer's temporal properties, so
QGIS's Temporal Controller plays the claims: each claim is shown from the first day of
``date_start`` to the end of the period of ``date_end`` (or of ``date_start`` when it has
no end) at its ``time_precision`` (a "2024-12" claim through December); the expressions
read the GeoPackage's DATE columns and the GeoJSON's ISO strings alike. A claim with no
date is not shown while the Temporal Controller filters by time (it has no place on
a timeline), and shown as usual when it does not.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

from layers.symbology import (CATEGORY_STYLE, LABEL_FONT, PLACE_STYLE, RELATION_STYLE,
                              SHAPES, Shape, category_shape)

__all__ = ["STYLE_LAYERS", "TEMPORAL_START", "TEMPORAL_END", "place_label_distance", "qml",
           "qml_for_geometry", "ring_reach_mm", "sld", "write_style_files"]

#: layer name -> geometry the style draws
STYLE_LAYERS = {
    "places": "point",
    "claims": "point",
    "claim_lines": "line",
    "links": "line",
    "regions": "polygon",
}

_QGIS_VERSION = "3.22.0-Białowieża"


def _rgba(hex_colour: str, alpha: int = 255) -> str:
    h = hex_colour.lstrip("#")
    return f"{int(h[0:2], 16)},{int(h[2:4], 16)},{int(h[4:6], 16)},{alpha}"


def _options(props: dict[str, str], indent: str) -> str:
    lines = [f'{indent}<Option type="Map">']
    for key in sorted(props):
        lines.append(f'{indent}  <Option type="QString" name={quoteattr(key)} '
                     f'value={quoteattr(str(props[key]))}/>')
    lines.append(f"{indent}</Option>")
    # older QGIS read <prop k v>; 3.x reads the Option map. Write both.
    lines += [f"{indent}<prop k={quoteattr(k)} v={quoteattr(str(props[k]))}/>" for k in sorted(props)]
    return "\n".join(lines)


def _symbol(name: str, kind: str, colour: str, *, dash: str = "", marker: Shape | None = None,
            size: float = 3.2, width: float = 0.9, fill: bool = True) -> str:
    """One QGIS symbol: kind is point, line or polygon (lightly filled, or its outline
    alone, `width` mm wide, with ``fill=False``)."""
    if kind == "point":
        cls, stype = "SimpleMarker", "marker"
        marker = marker or SHAPES["circle"]
        props = {"name": marker.qgis, "angle": f"{marker.qgis_angle:g}", "color": _rgba(colour),
                 "size": f"{size}", "size_unit": "MM",
                 "outline_color": "255,255,255,255", "outline_style": "solid",
                 "outline_width": "0.4", "outline_width_unit": "MM"}
    elif kind == "line":
        cls, stype = "SimpleLine", "line"
        props = {"line_color": _rgba(colour), "line_width": f"{width}", "line_width_unit": "MM",
                 "line_style": "solid", "capstyle": "round", "joinstyle": "round",
                 "use_custom_dash": "1" if dash else "0",
                 "customdash": dash.replace(" ", ";") if dash else "5;2",
                 "customdash_unit": "MM"}
    else:
        cls, stype = "SimpleFill", "fill"
        props = {"color": _rgba(colour, 40) if fill else "0,0,0,0",
                 "style": "solid" if fill else "no", "outline_color": _rgba(colour),
                 "outline_style": "solid", "outline_width": "0.6" if fill else f"{width}",
                 "outline_width_unit": "MM"}
    return "\n".join([
        f'      <symbol type="{stype}" name={quoteattr(name)} alpha="1" clip_to_extent="1" force_rhr="0">',
        f'        <layer class="{cls}" enabled="1" locked="0" pass="0">',
        _options(props, "          "),
        "        </layer>",
        "      </symbol>",
    ])


def _categorized(attr: str, kind: str, entries: list[tuple[str, str, str, str]], *,
                 shapes: dict[str, Shape] | None = None, size: float = 3.2) -> str:
    """A categorised renderer: entries are (value, label, colour, dash); shapes gives a
    point's marker shape by value; `size` a point marker's size (mm)."""
    cats, syms = [], []
    for i, (value, label, colour, dash) in enumerate(entries):
        cats.append(f'      <category render="true" symbol="{i}" value={quoteattr(value)} '
                    f'label={quoteattr(label)} type="string"/>')
        syms.append(_symbol(str(i), kind, colour, dash=dash,
                            marker=(shapes or {}).get(value), size=size))
    return "\n".join([
        f'  <renderer-v2 type="categorizedSymbol" attr={quoteattr(attr)} forceraster="0" '
        f'symbollevels="0" enableorderby="0" referencescale="-1">',
        "    <categories>", *cats, "    </categories>",
        "    <symbols>", *syms, "    </symbols>",
        "    <source-symbol>", _symbol("0", kind, "#777777"), "    </source-symbol>",
        "  </renderer-v2>",
    ])


#: how far (mm) a place's label stands from its marker where the layer does not say how
#: many claims are drawn there (a file of an older claimmap)
PLACE_LABEL_DIST_MM = 4.0
#: the sizes (mm) the claims style draws with: each claim's symbol (`_symbol`'s default),
#: the displacement renderer's centre dot and what it adds to each ring's radius
CLAIM_SYMBOL_MM, CENTRE_SYMBOL_MM, RING_ADDITION_MM = 3.2, 1.6, 0.3
#: a place's marker (mm): smaller than a claim's, which a lone claim shows around
PLACE_SYMBOL_MM = 1.6
#: the room (mm) between a place's label and the outermost claim symbol around it
LABEL_GAP_MM = 0.6


def ring_reach_mm(n: int) -> float:
    """How far (mm) from a place the claims drawn there reach, when `n` claims stand at
    it: the outer edge of the outermost ring QGIS's point displacement renderer (concentric
    rings, `_displacement`) lays them on, as QGIS 3.22 computes it
    (``QgsPointDisplacementRenderer::calculateSymbolAndLabelPositions``: rings one symbol
    diagonal apart, each holding as many symbols as its circumference has diagonals); a
    single claim covers the place's own point.

    >>> ring_reach_mm(1), ring_reach_mm(5), ring_reach_mm(6), ring_reach_mm(17)
    (1.6, 5.96, 10.78, 15.61)
    """
    import math

    if n <= 0:
        return 0.0
    if n == 1:
        return CLAIM_SYMBOL_MM / 2
    diagonal = CLAIM_SYMBOL_MM * math.sqrt(2)
    first = CENTRE_SYMBOL_MM * math.sqrt(2) / 2 + diagonal / 2
    left, ring, radius = n, 1, 0.0
    while left > 0:
        radius = first + (ring - 1) * diagonal + ring * RING_ADDITION_MM
        left -= min(max(int(math.floor(2 * math.pi * radius / diagonal)), 1), left)
        ring += 1
    return round(radius + diagonal / 2, 2)


def place_label_distance(most: int = 1000) -> str:
    """A QGIS expression: how far (mm) a place's label stands from its point, clear of the
    claims drawn around it (``claim_count``, the places layer's count of the claims drawn
    at its point; `ring_reach_mm`), for up to `most` claims (the farthest ring beyond)."""
    cases, last = [], None
    for n in range(0, most + 1):
        reach = max(ring_reach_mm(n), 1.0) + LABEL_GAP_MM
        if cases and reach == cases[-1][1]:
            cases[-1] = (n, reach)
        else:
            cases.append((n, reach))
        last = reach
    count = 'coalesce("claim_count", -1)'
    whens = " ".join(f"WHEN {count} <= {n} THEN {reach:g}" for n, reach in cases[:-1])
    return (f"CASE WHEN {count} < 0 THEN {PLACE_LABEL_DIST_MM:g} {whens} "
            f"ELSE {last:g} END")


def _labeling(field: str, colour: str = "#222222", size: float = 9.0,
              placement: int = 6, *, show: str = "", dist: float = 1.5,
              priority: int = 5, dist_expression: str = "") -> str:
    """Simple labelling on a field (placement 6 = around point, cartographic; 1 = over
    polygon centroid); `dist` in mm from the marker; `show`, an expression, labels only
    the features it is true for (the data-defined "Show label" property);
    `dist_expression`, the distance in mm by feature (data-defined "LabelDistance"; `dist`
    where it gives none)."""
    props = [(name, expr) for name, expr in (("LabelDistance", dist_expression),
                                             ("Show", show)) if expr]
    shown = [] if not props else [
        "      <dd_properties>",
        '        <Option type="Map">',
        '          <Option name="name" type="QString" value=""/>',
        '          <Option name="properties" type="Map">',
        *[line for name, expr in props for line in (
            f'            <Option name="{name}" type="Map">',
            '              <Option name="active" type="bool" value="true"/>',
            f'              <Option name="expression" type="QString" value={quoteattr(expr)}/>',
            '              <Option name="type" type="int" value="3"/>',
            "            </Option>")],
        "          </Option>",
        '          <Option name="type" type="QString" value="collection"/>',
        "        </Option>",
        "      </dd_properties>",
    ]
    return "\n".join([
        '  <labeling type="simple">',
        '    <settings calloutType="simple">',
        f'      <text-style fieldName={quoteattr(field)} isExpression="0" fontSize="{size}" '
        f'fontSizeUnit="Point" textColor="{_rgba(colour)}" fontWeight="50" '
        f'fontFamily={quoteattr(LABEL_FONT)} namedStyle="" textOpacity="1" multilineHeight="1" '
        'allowHtml="0">',
        '        <text-buffer bufferDraw="1" bufferSize="1" bufferSizeUnits="MM" '
        'bufferColor="255,255,255,255" bufferOpacity="0.9" bufferJoinStyle="128" '
        'bufferNoFill="1" bufferBlendMode="0"/>',
        "      </text-style>",
        '      <text-format wrapChar="" multilineAlign="3" plussign="0" reverseDirectionSymbol="0" '
        'leftDirectionSymbol="&lt;" rightDirectionSymbol="&gt;" addDirectionSymbol="0" '
        'formatNumbers="0" decimals="3" placeDirectionSymbol="0"/>',
        f'      <placement placement="{placement}" dist="{dist}" distUnits="MM" '
        f'priority="{priority}" '
        'offsetType="0" quadOffset="4" xOffset="0" yOffset="0" offsetUnits="MM"/>',
        '      <rendering drawLabels="1" obstacle="1" scaleVisibility="0" '
        'upsidedownLabels="0" limitNumLabels="0" maxNumLabels="2000" fontLimitPixelSize="0" '
        'displayAll="0" labelPerPart="0" mergeLines="0" zIndex="0"/>',
        *shown,
        "    </settings>",
        "  </labeling>",
    ])


#: place kinds the regions layer draws and labels (layers.schema.REGION_KINDS)
AREA_LABELLED_BY_REGIONS = ("admin1", "admin2", "country", "region")
#: the outline of a country the article names (the HTML map's and the static map's)
COUNTRY_OUTLINE = "#3b3b3b"
#: the regions style's rule for a country (QGIS expression)
COUNTRY_FILTER = "\"kind\" = 'country'"
#: ... and for a continent or world region (its outline only, as a country's)
WORLD_REGION_FILTER = "\"kind\" = 'region'"


def _blocking() -> str:
    """QGIS's "Blocking" labelling: the layer draws no label, its features are obstacles
    other layers' labels avoid."""
    return "\n".join([
        '  <labeling type="simple">',
        '    <settings calloutType="simple">',
        '      <text-style fieldName="claim_id" isExpression="0" fontSize="9" '
        f'fontSizeUnit="Point" fontFamily={quoteattr(LABEL_FONT)} textColor="0,0,0,255"/>',
        '      <rendering drawLabels="0" obstacle="1" obstacleFactor="2" obstacleType="0" '
        'scaleVisibility="0" displayAll="0" labelPerPart="0" mergeLines="0" zIndex="0"/>',
        "    </settings>",
        "  </labeling>",
    ])


_GEOMETRY_CODES = {"point": 0, "line": 1, "polygon": 2}


def _iso_day(expr: str) -> str:
    """A QGIS expression: the first day of the period an ISO date (a DATE or a string
    "2025", "2025-06", "2025-06-29") names, as a date; NULL when empty."""
    text = f"to_string({expr})"
    return (f"if(length({text}) >= 4, to_date(left({text} || '-01-01', 10)), NULL)")


def _midnight(day: str) -> str:
    """A QGIS expression: midnight at the start of a date (NULL stays NULL).

    The Temporal Controller compares feature times with datetimes; QGIS 3.22 compares a
    date with a datetime as text ("2024-02-01" < "2024-02-01T00:00:00"), so the times
    here are datetimes."""
    return (f"CASE WHEN {day} IS NULL THEN NULL "
            f"ELSE make_datetime(year({day}), month({day}), day({day}), 0, 0, 0) END")


#: QGIS expression of a claim's first moment (the Temporal Controller's feature start)
TEMPORAL_START = ("with_variable('d', " + _iso_day('"date_start"') + ", "
                  + _midnight("@d") + ")")
#: QGIS expression of the moment after a claim's last day (its feature end, excluded): the
#: period of date_end (or of date_start when it has none) at the claim's time_precision
TEMPORAL_END = (
    "with_variable('d', "
    + _iso_day('if(length(to_string("date_end")) >= 4, "date_end", "date_start")')
    + ", with_variable('e', CASE WHEN @d IS NULL THEN NULL"
    " WHEN \"time_precision\" = 'year' THEN make_date(year(@d) + 1, 1, 1)"
    " WHEN \"time_precision\" = 'month' THEN make_date(year(@d) + if(month(@d) = 12, 1, 0),"
    " if(month(@d) = 12, 1, month(@d) + 1), 1)"
    " ELSE to_date(@d + make_interval(days:=1)) END, " + _midnight("@e") + "))")


def _temporal() -> str:
    """The claims' temporal properties: start and end from expressions (mode 4), the
    end excluded (limitMode 0), so a claim dated 2024-12 plays through December."""
    return "\n".join([
        f'  <temporal enabled="1" mode="4" limitMode="0" accumulate="0" startField="" '
        f'endField="" durationField="" durationUnit="d" fixedDuration="0" '
        f'startExpression={quoteattr(TEMPORAL_START)} endExpression={quoteattr(TEMPORAL_END)}>',
        "    <fixedRange><start></start><end></end></fixedRange>",
        "  </temporal>",
    ])


def _displacement(embedded: str) -> str:
    """A point displacement renderer around another: features within 1 mm of each other
    are drawn on concentric rings around their place (a grey dot), each with its own
    symbol; nothing is labelled on the rings."""
    inner = "\n".join("  " + line for line in embedded.splitlines())
    centre = _symbol("centerSymbol", "point", "#555555", size=1.6)
    return "\n".join([
        '  <renderer-v2 type="pointDisplacement" forceraster="0" symbollevels="0" '
        'enableorderby="0" referencescale="-1" placement="1" tolerance="1" toleranceUnit="MM" '
        'toleranceUnitScale="3x:0,0,0,0,0,0" circleWidth="0.3" circleColor="110,110,110,255" '
        'circleRadiusAddition="0.3" labelAttributeName="" labelColor="0,0,0,255" '
        'labelDistanceFactor="0.5" maxLabelScaleDenominator="-1">',
        f'    <labelFontProperties description={quoteattr(LABEL_FONT + ",9,-1,5,50,0,0,0,0,0")} '
        'style=""/>',
        inner,
        centre,
        "  </renderer-v2>",
    ])


def _document(body: list[str], *, labels: bool, geometry: str, temporal: bool = False) -> str:
    # layerGeometryType lets QGIS refuse this style for a layer of another geometry
    categories = "Symbology|Labeling" + ("|Temporal" if temporal else "")
    return "\n".join([
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>",
        f'<qgis version="{_QGIS_VERSION}" styleCategories="{categories}" '
        f'labelsEnabled="{1 if labels else 0}">',
        *([_temporal()] if temporal else []),
        *body,
        f"  <layerGeometryType>{_GEOMETRY_CODES[geometry]}</layerGeometryType>",
        "</qgis>",
        "",
    ])


def _category_entries() -> list[tuple[str, str, str, str]]:
    return [(cat, label, colour, "") for cat, (colour, _icon, label) in CATEGORY_STYLE.items()]


def _relation_entries() -> list[tuple[str, str, str, str]]:
    return [(rel, label, colour, dash) for rel, (colour, dash, label) in RELATION_STYLE.items()]


def _kind_entries() -> list[tuple[str, str, str, str]]:
    return [(kind, label, colour, "") for kind, (colour, label) in PLACE_STYLE.items()]


def qml(layer: str) -> str:
    """The QGIS style (QML document) of one of claimmap's layers.

    Parameters
    ----------
    layer : str
        One of :data:`STYLE_LAYERS`.

    Returns
    -------
    str
        A QML document QGIS loads with ``QgsVectorLayer.loadNamedStyle`` or from
        ``layer_styles``.
    """
    if layer == "places":
        # areas are labelled once, by the regions layer (their outline, or their point)
        areas = ", ".join(f"'{k}'" for k in AREA_LABELLED_BY_REGIONS)
        # smaller than a claim's symbol (3.2 mm): a lone claim at a place, drawn at its
        # very point (no ring), shows around the place's dot instead of under it
        return _document([_categorized("kind", "point", _kind_entries(), size=PLACE_SYMBOL_MM),
                          _labeling("name", show=f'"kind" NOT IN ({areas})',
                                    dist=PLACE_LABEL_DIST_MM, priority=7,
                                    dist_expression=place_label_distance())],
                         labels=True, geometry="point")
    if layer == "claims":
        shapes = {cat: category_shape(cat) for cat in CATEGORY_STYLE}
        # not labelled, but its symbols keep other layers' labels off them ("blocking")
        return _document([_displacement(_categorized("category", "point", _category_entries(),
                                                     shapes=shapes)),
                          _blocking()],
                         labels=True, geometry="point", temporal=True)
    if layer == "claim_lines":
        return _document([_categorized("category", "line", _category_entries())], labels=False,
                         geometry="line", temporal=True)
    if layer == "links":
        return _document([_categorized("relation", "line", _relation_entries())], labels=False,
                         geometry="line")
    if layer == "regions":
        colour = PLACE_STYLE["admin1"][0]
        # a country is its outline only (a fill would cover the map it frames); the admin
        # areas (and a file of an older claimmap, with no "kind") lightly filled
        country = _symbol("0", "polygon", COUNTRY_OUTLINE, fill=False, width=0.7)
        return _document([
            '  <renderer-v2 type="RuleRenderer" forceraster="0" symbollevels="0" '
            'enableorderby="0" referencescale="-1">',
            '    <rules key="{regions}">',
            f'      <rule key="{{country}}" symbol="0" label="Country named" '
            f'filter={quoteattr(COUNTRY_FILTER)}/>',
            f'      <rule key="{{world}}" symbol="2" label="Continent or world region named" '
            f'filter={quoteattr(WORLD_REGION_FILTER)}/>',
            '      <rule key="{area}" symbol="1" label="Area named" filter="ELSE"/>',
            "    </rules>",
            "    <symbols>", country, _symbol("1", "polygon", colour),
            _symbol("2", "polygon", colour, fill=False, width=0.6), "    </symbols>",
            "  </renderer-v2>",
            _labeling("name", colour=colour, size=10.0, placement=1),
        ], labels=True, geometry="polygon")
    raise ValueError(f"no style for layer {layer!r}; expected one of {sorted(STYLE_LAYERS)}")


def qml_for_geometry(layer: str, geometry: str) -> str:
    """The QML of a layer for a given geometry family (regions may be points)."""
    if layer == "regions" and geometry == "point":
        colour = PLACE_STYLE["admin1"][0]
        return _document([
            '  <renderer-v2 type="singleSymbol" forceraster="0" symbollevels="0" '
            'enableorderby="0" referencescale="-1">',
            "    <symbols>", _symbol("0", "point", colour, marker=SHAPES["square"], size=4.0),
            "    </symbols>",
            "  </renderer-v2>",
            _labeling("name", colour=colour, size=10.0),
        ], labels=True, geometry="point")
    return qml(layer)


# --- SLD (OGC Symbology Encoding 1.1, as QGIS exports it) ---

def _sld_symbolizer(kind: str, colour: str, dash: str = "", shape: Shape | None = None) -> str:
    if kind == "point":
        shape = shape or SHAPES["circle"]
        rotation = f"<se:Rotation>{shape.sld_rotation:g}</se:Rotation>" if shape.sld_rotation else ""
        return (
            "<se:PointSymbolizer><se:Graphic><se:Mark>"
            f"<se:WellKnownName>{shape.sld}</se:WellKnownName>"
            f'<se:Fill><se:SvgParameter name="fill">{colour}</se:SvgParameter></se:Fill>'
            '<se:Stroke><se:SvgParameter name="stroke">#ffffff</se:SvgParameter>'
            '<se:SvgParameter name="stroke-width">1</se:SvgParameter></se:Stroke>'
            f"</se:Mark><se:Size>11</se:Size>{rotation}</se:Graphic></se:PointSymbolizer>")
    if kind == "line":
        dash_param = (f'<se:SvgParameter name="stroke-dasharray">{dash}</se:SvgParameter>'
                      if dash else "")
        return (
            "<se:LineSymbolizer><se:Stroke>"
            f'<se:SvgParameter name="stroke">{colour}</se:SvgParameter>'
            '<se:SvgParameter name="stroke-width">3</se:SvgParameter>'
            f"{dash_param}</se:Stroke></se:LineSymbolizer>")
    return (
        "<se:PolygonSymbolizer>"
        f'<se:Fill><se:SvgParameter name="fill">{colour}</se:SvgParameter>'
        '<se:SvgParameter name="fill-opacity">0.16</se:SvgParameter></se:Fill>'
        f'<se:Stroke><se:SvgParameter name="stroke">{colour}</se:SvgParameter>'
        '<se:SvgParameter name="stroke-width">2</se:SvgParameter></se:Stroke>'
        "</se:PolygonSymbolizer>")


def _sld_text(field: str) -> str:
    return (
        "<se:TextSymbolizer>"
        f"<se:Label><ogc:PropertyName>{field}</ogc:PropertyName></se:Label>"
        f'<se:Font><se:SvgParameter name="font-family">{LABEL_FONT}</se:SvgParameter>'
        '<se:SvgParameter name="font-size">12</se:SvgParameter></se:Font>'
        '<se:Halo><se:Radius>1</se:Radius><se:Fill>'
        '<se:SvgParameter name="fill">#ffffff</se:SvgParameter></se:Fill></se:Halo>'
        '<se:Fill><se:SvgParameter name="fill">#222222</se:SvgParameter></se:Fill>'
        "</se:TextSymbolizer>")


def _sld_rule(name: str, title: str, symbolizer: str, attr: str | None = None,
              value: str | None = None, *, else_filter: bool = False) -> str:
    filt = "<se:ElseFilter/>" if else_filter else ""
    if attr is not None:
        filt = ("<ogc:Filter><ogc:PropertyIsEqualTo>"
                f"<ogc:PropertyName>{attr}</ogc:PropertyName>"
                f"<ogc:Literal>{value}</ogc:Literal>"
                "</ogc:PropertyIsEqualTo></ogc:Filter>")
    return (f"<se:Rule><se:Name>{name}</se:Name>"
            f"<se:Description><se:Title>{title}</se:Title></se:Description>"
            f"{filt}{symbolizer}</se:Rule>")


def sld(layer: str) -> str:
    """The OGC SLD 1.1 document of one of claimmap's layers (for GeoServer and others)."""
    kind = STYLE_LAYERS.get(layer)
    if kind is None:
        raise ValueError(f"no style for layer {layer!r}; expected one of {sorted(STYLE_LAYERS)}")
    if layer in ("claims", "claim_lines"):
        rules = [_sld_rule(cat, label, _sld_symbolizer(kind, colour, shape=category_shape(cat)),
                           "category", cat)
                 for cat, (colour, _icon, label) in CATEGORY_STYLE.items()]
    elif layer == "links":
        rules = [_sld_rule(rel, label, _sld_symbolizer(kind, colour, dash), "relation", rel)
                 for rel, (colour, dash, label) in RELATION_STYLE.items()]
    elif layer == "places":
        rules = [_sld_rule(k, label, _sld_symbolizer(kind, colour), "kind", k)
                 for k, (colour, label) in PLACE_STYLE.items()]
        rules.append(_sld_rule("labels", "Place names", _sld_text("name")))
    else:
        country = ("<se:PolygonSymbolizer><se:Stroke>"
                   f'<se:SvgParameter name="stroke">{COUNTRY_OUTLINE}</se:SvgParameter>'
                   '<se:SvgParameter name="stroke-width">2.5</se:SvgParameter></se:Stroke>'
                   "</se:PolygonSymbolizer>")
        rules = [_sld_rule("countries", "Country named", country, "kind", "country"),
                 _sld_rule("regions", "Area named",
                           _sld_symbolizer(kind, PLACE_STYLE["admin1"][0]),
                           else_filter=True),
                 _sld_rule("labels", "Region names", _sld_text("name"))]
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" '
        'xmlns:ogc="http://www.opengis.net/ogc" xmlns:se="http://www.opengis.net/se" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.1.0" '
        'xsi:schemaLocation="http://www.opengis.net/sld '
        'http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd">',
        f"  <NamedLayer><se:Name>{layer}</se:Name><UserStyle><se:Name>{layer}</se:Name>",
        "    <se:FeatureTypeStyle>",
        *[f"      {r}" for r in rules],
        "    </se:FeatureTypeStyle>",
        "  </UserStyle></NamedLayer>",
        "</StyledLayerDescriptor>",
        "",
    ])


def write_style_files(folder: str | Path | None = None) -> list[Path]:
    """Write ``<layer>.qml`` and ``<layer>.sld`` for every layer into folder (default: here)."""
    folder = Path(folder) if folder is not None else Path(__file__).parent
    written = []
    for layer in STYLE_LAYERS:
        for ext, text in (("qml", qml(layer)), ("sld", sld(layer))):
            path = folder / f"{layer}.{ext}"
            path.write_text(text, encoding="utf-8", newline="\n")
            written.append(path)
    return written

