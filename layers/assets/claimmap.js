/* claimmap.js: draws claimmap's layers on a Leaflet map (part of claimmap, MIT).
 *
 * claimmap.init(map, options) reads the JSON block written by layers/render_html.py and
 * adds: the Natural Earth outline base layer and the web base maps, places, claims (one
 * MarkerCluster with a toggle per category), links (directed lines with arrowheads),
 * regions, a title card, a legend, a date filter, search by place name, fullscreen and
 * measure controls.
 *
 * Article text is only ever put into the page with textContent / setAttribute, never as
 * HTML. Strings given to Leaflet APIs that take HTML (layer-control labels) go through
 * esc() first.
 */
(function () {
  'use strict';

  var CM = window.claimmap = window.claimmap || {};
  var GEO_PRECISION = {1: 'exact', 2: 'near', 3: 'region'};
  var DAY = 86400000;

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }

  function el(tag, cls, text, parent) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null && text !== '') { e.textContent = String(text); }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  function row(table, label, value) {
    if (value === undefined || value === null || value === '') { return null; }
    var tr = el('tr', null, null, table);
    el('th', null, label, tr);
    var td = el('td', null, null, tr);
    if (value instanceof Node) { td.appendChild(value); } else { td.textContent = String(value); }
    return tr;
  }

  function isoDay(d) { return new Date(d * DAY).toISOString().slice(0, 10); }

  function fmtNumber(v) {
    return Number(v).toLocaleString('en-US', {maximumFractionDigits: 2});
  }

  function fmtFigure(value, unit) {
    if (value === null || value === undefined) { return ''; }
    var n = fmtNumber(value);
    if (unit === 'percent') { return n + '%'; }
    return unit ? n + ' ' + unit : n;
  }

  /* places and claims at one point share this key */
  function pointKey(lat, lon) {
    if (lon === undefined) { lon = lat.lng; lat = lat.lat; }
    return lat.toFixed(4) + ',' + lon.toFixed(4);
  }

  function humanize(s) { return String(s || '').replace(/_/g, ' '); }

  /* ---- icons: a map pin in the category colour with its Font Awesome 4 glyph ---- */

  function glyphSvg(glyph, cx, cy, size, fill) {
    var adv = glyph[0], s = size / 1792;
    var tx = cx - adv * s / 2, ty = cy + 640 * s;
    return '<path fill="' + fill + '" transform="translate(' + tx.toFixed(2) + ' ' +
      ty.toFixed(2) + ') scale(' + s.toFixed(5) + ' ' + (-s).toFixed(5) + ')" d="' + glyph[1] + '"/>';
  }

  function pinSvg(cat, contested) {
    var svg = '<svg xmlns="http://www.w3.org/2000/svg" width="26" height="34" viewBox="0 0 26 34">' +
      '<path d="M13 1C6.4 1 1 6.3 1 12.9 1 21.6 13 33 13 33S25 21.6 25 12.9C25 6.3 19.6 1 13 1z" ' +
      'fill="' + cat.colour + '" stroke="#fff" stroke-width="1.6"/>' +
      glyphSvg(cat.glyph, 13, 12.6, 13, '#fff');
    if (contested) {
      svg += '<circle cx="21" cy="5" r="4.6" fill="#ffd400" stroke="#222" stroke-width="1"/>' +
        '<path d="M21 2.4v3.4M21 7.2v.6" stroke="#222" stroke-width="1.5" stroke-linecap="round"/>';
    }
    return svg + '</svg>';
  }

  /* a claim symbol at a place's dot stands just above it, so the dot stays visible */
  var LIFT = 8;

  var ClaimIcon = L.Icon.extend({
    options: {iconSize: [26, 34], iconAnchor: [13, 33], popupAnchor: [0, -30],
              tooltipAnchor: [12, -20]},
    createIcon: function () {
      var o = this.options;
      var div = document.createElement('div');
      div.innerHTML = o.svg;                      // built above from the page's own styles
      this._setIconStyles(div, 'icon');
      div.setAttribute('data-claim-id', o.claimId);
      div.setAttribute('data-category', o.category);
      div.setAttribute('title', o.label);
      return div;
    },
    createShadow: function () { return null; }
  });

  /* the outlines' compact encoding (layers/_html_data.py: outline_data) to GeoJSON */
  function decodeOutlines(O) {
    var k = O.scale;
    return {type: 'FeatureCollection', features: O.countries.map(function (c) {
      return {type: 'Feature', properties: {name: c[0]}, geometry: {type: 'MultiPolygon',
        coordinates: c[1].map(function (poly) {
          return poly.map(function (flat) {
            var ring = [], x = 0, y = 0;
            for (var i = 0; i < flat.length; i += 2) {
              x += flat[i]; y += flat[i + 1];
              ring.push([x / k, y / k]);
            }
            return ring;
          });
        })}};
    })};
  }

  /* ---- the map ---- */

  CM.init = function (map, options) {
    var t0 = performance.now();
    CM.initAt = t0;                                   // since navigation start
    var timings = CM.timings = {};                  // ms since init, by step (bench)
    function mark(name) { timings[name] = Math.round(performance.now() - t0); }
    var D = JSON.parse(document.getElementById(options.data).textContent);
    mark('parse');
    var S = D.strings, C = D.claims;
    var state = CM.state = {map: map, data: D, options: options};
    if (options.default_icon) {          // see render_html.py: no relative image paths
      L.Icon.Default.imagePath = '';
      L.Icon.Default.mergeOptions(options.default_icon);
    }
    // no tile layer on load, so the map gets its zoom range here (MarkerCluster needs it)
    if (map.options.maxZoom === undefined) { map.setMaxZoom(18); }
    if (map.options.minZoom === undefined) { map.setMinZoom(1); }
    map.getContainer().classList.add('cm-map');
    /* a phone: the map first, every panel folded behind its button */
    var narrow = map.getSize().x < 640;
    if (narrow) { map.getContainer().classList.add('cm-narrow'); }
    if (options.embed) { map.getContainer().classList.add('cm-embed'); }

    var placeById = {};
    D.places.forEach(function (p) { placeById[p.id] = p; });
    var claimById = {};
    for (var k = 0; k < C.n; k++) { claimById[C.id[k]] = k; }

    function placeName(id) { return placeById[id] ? placeById[id].name : id; }
    /* a country or a world region: its point frames the view only when the article names
       nothing finer (a claim about Russia sits deep inside Russia, far from the front) */
    function isWide(id) {
      var p = placeById[id];
      return !!p && (p.kind === 'country' || p.kind === 'region');
    }
    function placeList(i) {
      var s = S[C.places[i]];
      return s ? s.split('; ') : [];
    }

    /* base layers: the offline outline (default) and the web maps */
    map.createPane('cmLabels');                      // place labels: under the pins
    map.getPane('cmLabels').style.zIndex = 550;
    map.getPane('cmLabels').style.pointerEvents = 'none';
    map.createPane('cmOutline');
    map.getPane('cmOutline').style.zIndex = 150;
    var outlineData = decodeOutlines(JSON.parse(document.getElementById(options.outline).textContent));
    var outline = L.geoJSON(outlineData, {
      pane: 'cmOutline', interactive: false,
      renderer: L.canvas({pane: 'cmOutline'}),   // thousands of vertices: canvas, not SVG
      style: {color: '#9a9a9a', weight: 0.8, fillColor: '#f3f1ea', fillOpacity: 1},
      attribution: '<a href="https://www.naturalearthdata.com/">' +
                   esc(options.outline_attribution || 'Outlines: Natural Earth (public domain)') + '</a>'
    });
    /* the outline stays on the map under every base map: a web map that cannot load
       (no network) leaves it showing, and claimmap-panels.js says why */
    var offlineBase = L.layerGroup();
    var bases = {'Outline only (offline)': offlineBase};
    D.tiles.forEach(function (t) {
      bases[esc(t.name)] = L.tileLayer(t.url, {attribution: t.attribution, maxZoom: t.max_zoom,
                                               maxNativeZoom: t.max_zoom});
    });
    var pending = [outline, offlineBase];   // added once the view is set: drawing them twice is slow
    map.getContainer().classList.add('cm-offline');
    map.attributionControl.addAttribution(
      'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)');

    var overlays = {};
    mark('outline');
    /* the view fits the claims, links and places; a country's point (its centre, far
       from anything the article says happened) counts only when there is nothing else */
    var bounds = L.latLngBounds([]), context = L.latLngBounds([]);

    /* regions: the admin areas (dashed, lightly filled) and the countries the article
       names (their outline, dark; drawn from the page's own outlines, `r.outline`) */
    var regions = L.featureGroup(), countryRegions = L.featureGroup(), regionLayers = {};
    var countryBounds = L.latLngBounds([]);
    /* the box of a country's largest part (its mainland: not its far islands, nor a
       piece cut off at the antimeridian) */
    function mainPart(layer) {
      var best = null, size = -1;
      (layer.eachLayer ? layer : {eachLayer: function (f) { f(layer); }}).eachLayer(function (poly) {
        var ll = poly.getLatLngs();
        (L.LineUtil.isFlat(ll[0]) ? [ll] : ll).forEach(function (rings) {
          var b = L.latLngBounds(rings[0]);
          var s = (b.getEast() - b.getWest()) * (b.getNorth() - b.getSouth());
          if (s > size) { size = s; best = b; }
        });
      });
      return best || L.latLngBounds([]);
    }
    var outlineByName = {};
    outlineData.features.forEach(function (f) { outlineByName[f.properties.name] = f; });
    var REGION_STYLE = {color: '#6a51a3', weight: 2, dashArray: '5 5', fillColor: '#6a51a3',
                        fillOpacity: 0.08, className: 'cm-region'};
    /* a country is not filled (its stroke alone takes the pointer: the map inside it stays
       free), and is lit while it, or a claim about it, is pointed at or open */
    var COUNTRY_STYLE = {color: '#3b3b3b', weight: 2.2, dashArray: null, fill: false,
                         fillColor: '#3b3b3b', fillOpacity: 0, className: 'cm-region cm-country-named'};
    /* a continent or world region: dashed like an area, unfilled like a country */
    var WORLD_STYLE = {color: '#6a51a3', weight: 2, dashArray: '5 5', fill: false,
                       fillColor: '#6a51a3', fillOpacity: 0, className: 'cm-region cm-world-region'};
    D.regions.forEach(function (r) {
      var layer, isCountry = r.kind === 'country', isWorld = r.kind === 'region';
      if (r.outline) {
        var parts = [].concat(r.outline).map(function (n) { return outlineByName[n]; })
                               .filter(Boolean);
        if (!parts.length) { return; }
        layer = L.geoJSON({type: 'FeatureCollection', features: parts},
                          {style: isWorld ? WORLD_STYLE : COUNTRY_STYLE});
      } else if (!r.geometry) {
        return;
      } else if (r.geometry.type === 'Point') {
        var ll = [r.geometry.coordinates[1], r.geometry.coordinates[0]];
        layer = L.circleMarker(ll, {radius: 22, color: '#6a51a3', weight: 2, dashArray: '5 5',
                                    fillColor: '#6a51a3', fillOpacity: 0.07, className: 'cm-region'});
      } else {
        layer = L.geoJSON(r.geometry, {style: isCountry ? COUNTRY_STYLE : isWorld ? WORLD_STYLE : REGION_STYLE});
      }
      layer.cmRegion = r;
      layer.cmCountry = isCountry && !(r.geometry && r.geometry.type === 'Point');
      layer.cmWorld = isWorld && !(r.geometry && r.geometry.type === 'Point');
      layer.bindTooltip(function () { return el('span', null, r.name + (isCountry ? ' (country)' : ' (region)')); },
                        {sticky: true});
      layer.bindPopup(function () { return regionCard(r); }, {maxWidth: 320});
      layer.on('mouseover', function () { highlightRegions([r.id], true); });
      layer.on('mouseout', function () { highlightRegions([r.id], false); });
      regionLayers[r.id] = layer;
      (isCountry ? countryRegions : regions).addLayer(layer);
      if (layer.cmCountry) { countryBounds.extend(mainPart(layer)); }
      if (layer.cmWorld) {          /* each member country's mainland */
        layer.eachLayer(function (f) { countryBounds.extend(mainPart(f)); });
      }
    });
    /* a region stands out while it, or a claim about it, is pointed at or open */
    function highlightRegions(ids, on) {
      ids.forEach(function (id) {
        var layer = regionLayers[id];
        if (!layer) { return; }
        layer.cmLit = on;
        if (layer.cmCountry || layer.cmWorld) {
          layer.setStyle({weight: on ? 3.5 : layer.cmCountry ? 2.2 : 2, fill: on,
                          fillOpacity: on ? 0.12 : 0});
        } else {
          layer.setStyle({weight: on ? 3.5 : 2, fillOpacity: on ? 0.25 : 0.08, dashArray: on ? null : '5 5'});
        }
      });
    }
    /* areas held by one country and recognised as another's (geo.outlines.disputed_areas) */
    if (D.disputed && D.disputed.length) {
      var disputed = L.featureGroup();
      D.disputed.forEach(function (a) {
        var dl = L.geoJSON(a.geometry, {style: {color: '#b2182b', weight: 1.2, dashArray: '2 4',
                                                fillColor: '#b2182b', fillOpacity: 0.1,
                                                className: 'cm-disputed'}});
        dl.bindTooltip(function () { return el('span', null, a.label); }, {sticky: true});
        disputed.addLayer(dl);
      });
      pending.push(disputed);
      overlays['<span class="cm-swatch cm-swatch-disputed"></span>' + esc(D.disputed_title)] = disputed;
    }
    /* the countries the article names: their outlines (the view stays on the claims:
       a country is zoomed out to only when the article names nothing finer) */
    var nCountries = countryRegions.getLayers().length;
    if (nCountries) {
      pending.push(countryRegions);
      overlays['<span class="cm-swatch cm-swatch-country"></span>Countries named (' +
               fmtNumber(nCountries) + ')'] = countryRegions;
    }
    var nRegions = regions.getLayers().length;
    if (nRegions) {
      pending.push(regions);
      overlays['<span class="cm-swatch cm-swatch-region"></span>Regions (' + fmtNumber(nRegions) + ')'] = regions;
    }

    /* links: directed lines with an arrowhead */
    var relStyle = {};
    D.relations.forEach(function (r) { relStyle[r.key] = r; });
    var links = L.featureGroup();
    D.links.forEach(function (lk) {
      if (lk.coords.length < 2) { return; }
      var st = relStyle[lk.relation];
      var line = L.polyline(lk.coords, {color: st.colour, weight: 3.5, opacity: 0.9,
                                        dashArray: st.dash || null, className: 'cm-link cm-rel-' + st.slug});
      line.cmLink = lk;
      line.bindTooltip(function () {
        return el('span', null, placeName(lk.from) + ' \u2192 ' + placeName(lk.to) + ': ' + st.label);
      }, {sticky: true});
      line.bindPopup(function () { return linkCard(lk); }, {maxWidth: 340});
      links.addLayer(line);
      links.addLayer(arrowHead(lk.coords, st.colour));
    });
    if (D.links.length) {
      pending.push(links);
      overlays['<span class="cm-swatch cm-swatch-link"></span>Links (' + fmtNumber(D.links.length) + ')'] = links;
      D.links.forEach(function (lk) {
        if (lk.coords.length < 2) { return; }
        (isWide(lk.from) ? context : bounds).extend(lk.coords[0]);
        (isWide(lk.to) ? context : bounds).extend(lk.coords[lk.coords.length - 1]);
      });
    }

    function arrowHead(coords, colour) {
      /* half way along the line, measured in Web Mercator (angles are true there) */
      var pts = coords.map(function (c) { return map.project(c, 0); });
      var total = 0, seg = [];
      for (var i = 1; i < pts.length; i++) { seg.push(pts[i].distanceTo(pts[i - 1])); total += seg[i - 1]; }
      var want = total * 0.5, j = 0;
      while (j < seg.length - 1 && want > seg[j]) { want -= seg[j]; j++; }
      var a = pts[j], b = pts[j + 1], f = seg[j] ? want / seg[j] : 0;
      var at = map.unproject(L.point(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f), 0);
      var angle = Math.atan2(b.y - a.y, b.x - a.x) * 180 / Math.PI;
      var html = '<svg xmlns="http://www.w3.org/2000/svg" width="18" height="18" viewBox="-9 -9 18 18" ' +
        'style="transform: rotate(' + angle.toFixed(1) + 'deg)"><path d="M-6 -6 L7 0 L-6 6 L-3 0 Z" ' +
        'fill="' + colour + '" stroke="#fff" stroke-width="1"/></svg>';
      return L.marker(at, {icon: L.divIcon({html: html, className: 'cm-arrow', iconSize: [18, 18],
                                            iconAnchor: [9, 9]}),
                           interactive: false, keyboard: false});
    }

    /* a place's label: a permanent tooltip to the right of its dot that places itself
       without reading its own size (Leaflet's reads it, which lays the page out once per
       label as a zoom adds hundreds of them); declutter() gives it its measured height */
    var LabelTooltip = L.Tooltip.extend({
      _setPosition: function (pos) {
        var h = this._cmHeight || 19;
        if (!this._cmRight) { L.DomUtil.addClass(this._container, 'leaflet-tooltip-right'); this._cmRight = true; }
        L.DomUtil.setPosition(this._container, pos.subtract(L.point(0, h / 2, true))
          .add(L.point(this.options.offset)).add(this._getAnchor()));
      }
    });

    /* places */
    var kindStyle = {};
    D.kinds.forEach(function (k) { kindStyle[k.key] = k; });
    var manyPlaces = D.places.length > 300;
    var places = manyPlaces ? L.markerClusterGroup({
      chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 30,
      iconCreateFunction: function (cluster) {
        var n = cluster.getChildCount();
        return L.divIcon({html: '<span>' + n + '</span>', className: 'cm-place-cluster',
                          iconSize: [22, 22]});
      }}) : L.featureGroup();
    var placeMarkers = {};
    var regionAt = {};
    D.regions.forEach(function (r) {
      var g = r.geometry;
      if (g && g.type === 'Point') { regionAt[pointKey(g.coordinates[1], g.coordinates[0])] = 1; }
    });
    var placeAt = {};
    D.places.forEach(function (p) { placeAt[pointKey(p.lat, p.lon)] = 1; });
    D.places.forEach(function (p) {
      var key = pointKey(p.lat, p.lon);
      /* a label starts clear of the dot, or of the region's ring drawn round it */
      var gap = regionAt[key] ? 24 : 9;
      var st = kindStyle[p.kind];
      var isRegion = p.kind === 'admin1' || p.kind === 'country';
      var mk = L.circleMarker([p.lat, p.lon], {
        radius: isRegion ? 5 : 6, color: '#fff', weight: 2, fillColor: st.colour,
        fillOpacity: 1, className: 'cm-place cm-kind-' + st.slug});
      mk.cmPlace = p;
      mk.cmGap = gap;
      mk.bindPopup(function () { return placeCard(p); }, {maxWidth: 340});
      placeMarkers[p.id] = mk;
      places.addLayer(mk);
      (isWide(p.id) ? context : bounds).extend([p.lat, p.lon]);
    });
    /* every place may keep a label on the map, at any number of places: labels are
       placed greedily in order of importance (claims at the place, then mentions, then
       population) and one that finds no free room is skipped (declutter below), so zooming
       in shows more of them. Places at one point (a town and a mine named after it) share
       one label, the most important name first. */
    var claimsAt = {};
    (function () {
      var perString = {};
      for (var i = 0; i < C.n; i++) { perString[C.places[i]] = (perString[C.places[i]] || 0) + 1; }
      Object.keys(perString).forEach(function (si) {
        (S[si] ? S[si].split('; ') : []).forEach(function (id) {
          claimsAt[id] = (claimsAt[id] || 0) + perString[si];
        });
      });
    }());
    var labelled = [], holder = {};
    Object.keys(placeMarkers).map(function (id) { return placeMarkers[id]; }).sort(function (a, b) {
      return ((claimsAt[b.cmPlace.id] || 0) - (claimsAt[a.cmPlace.id] || 0)) ||
             (b.cmPlace.mentions - a.cmPlace.mentions) ||
             (b.cmPlace.population - a.cmPlace.population) ||
             (a.cmPlace.name < b.cmPlace.name ? -1 : a.cmPlace.name > b.cmPlace.name ? 1 : 0);
    }).forEach(function (mk) {
      var p = mk.cmPlace, key = pointKey(p.lat, p.lon), first = !holder[key];
      if (first) { holder[key] = mk; mk.cmShared = []; } else { holder[key].cmShared.push(p); }
      var label = first;
      if (label) { labelled.push(mk); }
      var content = function () {
        var span = el('span', null, p.name);
        if (label) { mk.cmShared.forEach(function (q) { el('span', 'cm-place-label-more', q.name, span); }); }
        return span;
      };
      var tipOptions = {permanent: label, direction: 'right', offset: [mk.cmGap, 0],
                        pane: label ? 'cmLabels' : 'tooltipPane', className: 'cm-place-label'};
      if (label) { mk.bindTooltip(new LabelTooltip(tipOptions).setContent(content)); }
      else { mk.bindTooltip(content, tipOptions); }
    });
    /* each label goes where it hides nothing: right of its dot, else left, below, above or
       a corner; other labels, the controls and the map's edges are hard limits, dots and
       claim symbols soft ones (a label may touch them when there is no other room). A label
       is hidden only when its dot is off the map or under a control, or when every side
       is taken by a more important label. */
    /* where a label may go round its dot, in order of preference: right, left, below,
       above, the diagonals, then between them; first touching the dot, then one line out */
    var ANGLES = [0, 180, 90, 270, 45, 135, 315, 225, 22.5, 157.5, 67.5, 112.5, 337.5, 202.5, 292.5, 247.5];
    function sides(w, h, g) {
      var out = [];
      [g, g + h].forEach(function (d) {
        ANGLES.forEach(function (deg) {
          var c = Math.cos(deg * Math.PI / 180), s = Math.sin(deg * Math.PI / 180);
          /* the label's box leans away from the dot: at 0 degrees its left edge is d px
             right of the dot, at 90 its top edge d px below it */
          var left = d * c - w / 2 + c * w / 2, top = d * s - h / 2 + s * h / 2;
          out.push([left, top + h / 2]);
        });
      });
      return out;
    }
    var HIDE_MOST = 1000;     // weighted px²: 100 px² of claim symbol, 500 of dots
    function overlap(a, b) {
      var x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      var y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      return x > 0 && y > 0 ? x * y : 0;
    }
    function box(left, top, w, h) { return {left: left, top: top, right: left + w, bottom: top + h}; }
    function declutter() {
      if (!labelled.length) { return; }
      var frame = map.getContainer().getBoundingClientRect();
      var hard = [], soft = [];
      map.getContainer().querySelectorAll('.leaflet-control').forEach(function (c) {
        var r = c.getBoundingClientRect();
        if (r.width && r.height) { hard.push(r); }
      });
      /* symbols count without their last 3 px: a label may graze a pin's edge */
      /* weights: covering a claim symbol costs most, then a dot, then an arrowhead */
      map.getContainer().querySelectorAll('.leaflet-marker-pane .cm-claim, .leaflet-marker-pane .cm-cluster, ' +
                                          '.leaflet-marker-pane .cm-arrow')
        .forEach(function (c) {
          var r = c.getBoundingClientRect(), b = box(r.left + 3, r.top + 3, r.width - 6, r.height - 6);
          b.weight = c.classList.contains('cm-arrow') ? 1 : 10;
          soft.push(b);
        });
      labelled.forEach(function (mk) {
        if (!map.hasLayer(mk)) { return; }
        var pt = map.latLngToContainerPoint(mk.getLatLng());
        var b = box(frame.left + pt.x - 7, frame.top + pt.y - 7, 14, 14);
        b.weight = 2;
        soft.push(b);
      });
      /* every read first (the labels' sizes), then the placing, then every write, so the
         page is laid out once, not once per label */
      var jobs = [];
      labelled.forEach(function (mk) {
        var tip = mk.getTooltip(), node = tip && tip.getElement();
        if (!node) { return; }
        var job = {mk: mk, tip: tip, node: node, place: null};
        jobs.push(job);
        if (!map.hasLayer(mk)) { return; }
        var pt = map.latLngToContainerPoint(mk.getLatLng());
        var x = frame.left + pt.x, y = frame.top + pt.y;
        var dot = box(x - 4, y - 4, 8, 8);
        if (x < frame.left || x > frame.right || y < frame.top || y > frame.bottom ||
            hard.some(function (r) { return overlap(dot, r); })) { return; }
        var size = node.getBoundingClientRect();
        job.x = x; job.y = y; job.w = size.width; job.h = size.height;
        job.offsetHeight = node.offsetHeight;
      });
      jobs.forEach(function (job) {
        if (job.w === undefined) { return; }
        var x = job.x, y = job.y, w = job.w, h = job.h;
        var best = null, bestCost = Infinity;
        sides(w, h, job.mk.cmGap).some(function (o, k) {
          var r = box(x + o[0], y + o[1] - h / 2, w, h);
          if (r.left < frame.left + 2 || r.right > frame.right - 2 || r.top < frame.top + 2 ||
              r.bottom > frame.bottom - 2 || hard.some(function (t) { return overlap(r, t); })) {
            return false;
          }
          /* a label a line away from its dot reads less clearly: it must hide less */
          var hides = soft.reduce(function (sum, t) { return sum + overlap(r, t) * t.weight; }, 0);
          var cost = hides + (k >= ANGLES.length ? w * h * 0.3 : 0);
          if (cost < bestCost) { best = [o, r, hides]; bestCost = cost; }
          return cost === 0;
        });
        /* a label that could only stand on a claim symbol (more than a 10 px corner of
           one) or on other places' dots is left out: zooming in makes room for it */
        if (!best || best[2] > HIDE_MOST) { return; }
        job.place = best;
        hard.push(box(best[1].left - 1, best[1].top - 1, w + 2, h + 2));   // 1 px apart
      });
      jobs.forEach(function (job) {
        if (!job.place) { job.node.style.visibility = 'hidden'; return; }
        var tip = job.tip;
        tip.options.offset = L.point(job.place[0][0], job.place[0][1]);
        tip._cmHeight = job.offsetHeight;
        tip._updatePosition();                     // LabelTooltip: no read, no layout
        job.node.style.visibility = '';
      });
    }
    /* after an event, once every handler (MarkerCluster's too) has run */
    var declutterSoon = null;
    function redeclutter() {
      if (declutterSoon === null) {
        declutterSoon = setTimeout(function () { declutterSoon = null; declutter(); }, 0);
      }
    }
    map.on('zoomend moveend overlayadd overlayremove resize', redeclutter);
    CM.declutter = declutter;
    if (D.places.length) {
      pending.push(places);
      overlays['<span class="cm-swatch cm-swatch-place"></span>Places (' + fmtNumber(D.places.length) + ')'] = places;
    }

    mark('places');
    /* claims: one cluster group; each category is a toggle in the layer control */
    var loading = false;   // true from the first addLayers of all claims until it is done
    var claims = L.markerClusterGroup({
      chunkedLoading: true, chunkInterval: 200, chunkDelay: 10, showCoverageOnHover: false,
      maxClusterRadius: 45, spiderfyDistanceMultiplier: 1.7, iconCreateFunction: clusterIcon,
      chunkProgress: function (processed, total) {
        /* MarkerCluster also reports (0, 0) when it is added to the map: wait for ours */
        /* called before the clusters are put on the map: ready once they are */
        if (loading && processed === total) { loading = false; setTimeout(ready, 0); }
      }
    });
    var markers = new Array(C.n), shown = new Uint8Array(C.n), wideOf = {};
    var catOn = D.categories.map(function () { return true; });
    var catSvg = D.categories.map(function (c) { return [pinSvg(c, false), pinSvg(c, true)]; });
    for (var i = 0; i < C.n; i++) {
      var cat = D.categories[C.cat[i]];
      var lift = placeAt[pointKey(C.lat[i], C.lon[i])] ? LIFT : 0;
      var mk = L.marker([C.lat[i], C.lon[i]], {
        icon: new ClaimIcon({svg: catSvg[C.cat[i]][C.contested[i]], claimId: C.id[i],
                             iconAnchor: [13, 33 + lift], popupAnchor: [0, -30 - lift],
                             category: cat.key, label: cat.label,
                             className: 'cm-claim cm-cat-' + cat.slug + (C.contested[i] ? ' cm-contested' : '')}),
        riseOnHover: true});
      mk.cmIndex = i;
      mk.cmLift = lift;
      markers[i] = mk;
      var firstWide = wideOf[C.places[i]];
      if (firstWide === undefined) {
        firstWide = wideOf[C.places[i]] = isWide((S[C.places[i]] || '').split('; ')[0]);
      }
      (firstWide ? context : bounds).extend([C.lat[i], C.lon[i]]);
    }
    var popup = L.popup({maxWidth: 360, minWidth: 260, autoPanPadding: [30, 30]});
    var tooltip = L.tooltip({direction: 'top', offset: [0, -28], opacity: 0.95});
    claims.on('click', function (e) {
      if (e.layer.cmIndex === undefined) { return; }
      openClaimPopup(e.layer);
    });
    claims.on('mouseover', function (e) {
      var i = e.layer.cmIndex;
      if (i === undefined) { return; }
      tooltip.setLatLng(e.layer.getLatLng()).setContent(el('span', null, claimTooltip(i)));
      map.openTooltip(tooltip);
      highlightRegions(placeList(i), true);
    });
    claims.on('mouseout', function (e) {
      map.closeTooltip(tooltip);
      if (e.layer.cmIndex !== undefined && e.layer.cmIndex !== openClaim) {
        highlightRegions(placeList(e.layer.cmIndex), false);
      }
    });
    var openClaim = -1;
    map.on('popupclose', function () {
      if (openClaim >= 0) { highlightRegions(placeList(openClaim), false); openClaim = -1; }
    });
    claims.on('clusterclick', function () { map.closeTooltip(tooltip); });
    claims.on('animationend spiderfied unspiderfied', function () { if (CM.ready) { redeclutter(); } });
    /* fanned out, a pin stands at the end of its leg, not above the place's dot */
    function liftPins(markers, on) {
      markers.forEach(function (m) {
        if (m.cmLift && m._icon) { m._icon.style.marginTop = -(33 + (on ? m.cmLift : 0)) + 'px'; }
      });
    }
    claims.on('spiderfied', function (e) { liftPins(e.markers, false); });
    claims.on('unspiderfied', function (e) { liftPins(e.markers, true); });

    function openClaimPopup(mk) {
      map.closeTooltip(tooltip);
      var lifted = mk.cmLift && !mk._preSpiderfyLatlng;       // fanned out: not lifted
      popup.options.offset = L.point(0, -30 - (lifted ? mk.cmLift : 0));
      popup.setLatLng(mk.getLatLng()).setContent(claimCard(mk.cmIndex));
      map.openPopup(popup);
      openClaim = mk.cmIndex;
      highlightRegions(placeList(mk.cmIndex), true);
    }

    var categoryToggles = [];
    D.categories.forEach(function (c, ci) {
      var toggle = L.layerGroup();
      toggle.cmCategory = ci;
      categoryToggles.push(toggle);
      toggle.addTo(map);
      overlays['<span class="cm-swatch" style="background:' + c.colour + '"></span>' +
               esc(c.label) + ' (' + fmtNumber(c.count) + ')'] = toggle;
    });
    map.on('overlayadd overlayremove', function (e) {
      if (e.layer.cmCategory === undefined) { return; }
      catOn[e.layer.cmCategory] = e.type === 'overlayadd';
      refresh();
    });
    claims.addTo(map);

    mark('claims');
    /* which claims pass the category toggles and the date filter */
    /* articles, sources: null (all) or {string index: true} of those shown */
    var filter = {from: null, to: null, undated: true, articles: null, sources: null};
    function visible(i) {
      if (!catOn[C.cat[i]]) { return false; }
      if (filter.articles && !filter.articles[C.article[i]]) { return false; }
      if (filter.sources && !filter.sources[C.source[i]]) { return false; }
      if (C.d0[i] === null) { return filter.undated; }
      if (filter.from !== null && C.d1[i] < filter.from) { return false; }
      if (filter.to !== null && C.d0[i] > filter.to) { return false; }
      return true;
    }
    var started = false;   // the first claims are added at the end of init, once
    var onRefresh = [];
    function refresh() {
      if (!started) { return; }
      var add = [], remove = [];
      for (var i = 0; i < C.n; i++) {
        var v = visible(i);
        if (v && !shown[i]) { add.push(markers[i]); shown[i] = 1; }
        else if (!v && shown[i]) { remove.push(markers[i]); shown[i] = 0; }
      }
      if (remove.length) { claims.removeLayers(remove); }
      if (add.length) { claims.addLayers(add); }
      if (legendCounts) { legendCounts(); }
      onRefresh.forEach(function (f) { f(); });
      if (CM.ready) { redeclutter(); }
    }
    var legendCounts = null;

    function clusterIcon(cluster) {
      var children = cluster.getAllChildMarkers();
      var counts = {}, n = children.length;
      children.forEach(function (m) { var c = C.cat[m.cmIndex]; counts[c] = (counts[c] || 0) + 1; });
      var stops = [], acc = 0, segments = [];
      Object.keys(counts).sort(function (a, b) { return a - b; }).forEach(function (c) {
        var from = acc; acc += counts[c] / n * 100;
        stops.push(D.categories[c].colour + ' ' + from.toFixed(2) + '% ' + acc.toFixed(2) + '%');
        segments.push({cat: D.categories[c], n: counts[c], mid: (from + acc) / 2});
      });
      var size = n < 10 ? 34 : n < 100 ? 40 : n < 1000 ? 46 : 52;
      /* colour is not enough (colour vision): each category's glyph on its arc of the
         ring, in a badge of its colour (the four largest arcs) */
      var r = size / 2 - size * 0.09, badge = 6.5, glyphs = '';
      segments.sort(function (a, b) { return b.n - a.n; }).slice(0, 4).forEach(function (sg) {
        var a = sg.mid * 3.6 * Math.PI / 180;
        var x = size / 2 + r * Math.sin(a), y = size / 2 - r * Math.cos(a);
        glyphs += '<g class="cm-cluster-glyph" data-category="' + esc(sg.cat.key) + '">' +
          '<circle cx="' + x.toFixed(1) + '" cy="' + y.toFixed(1) + '" r="' + badge +
          '" fill="' + sg.cat.colour + '" stroke="#fff" stroke-width="1"/>' +
          glyphSvg(sg.cat.glyph, x, y - 0.2, 8, '#fff') + '</g>';
      });
      /* a cluster on a place's dot stands above it, pointing at it, like a pin */
      var lifted = placeAt[pointKey(cluster.getLatLng())];
      return L.divIcon({
        html: '<div class="cm-cluster-ring" style="background:conic-gradient(' + stops.join(',') +
              ')"><span>' + n + '</span><svg class="cm-cluster-glyphs" width="' + size +
              '" height="' + size + '" viewBox="0 0 ' + size + ' ' + size + '">' + glyphs +
              '</svg></div>',
        className: 'cm-cluster' + (lifted ? ' cm-cluster-lifted' : ''), iconSize: [size, size],
        iconAnchor: lifted ? [size / 2, size + LIFT] : [size / 2, size / 2]});
    }

    /* ---- cards ---- */

    function card(kind, colour) {
      var div = el('div', 'cm-card cm-card-' + kind);
      if (colour) { div.style.borderTopColor = colour; }
      return div;
    }

    function claimTooltip(i) {
      var names = placeList(i).map(placeName);
      var cat = D.categories[C.cat[i]];
      var fig = fmtFigure(C.value[i], C.unit[i]);
      return (names.join(C.line[i] ? ' \u2192 ' : ', ') || 'unplaced') + ' \u2014 ' + cat.label +
        (fig ? ': ' + fig + (C.measure[i] ? ' (' + humanize(C.measure[i]) + ')' : '') : '');
    }

    function claimCard(i) {
      var cat = D.categories[C.cat[i]];
      var div = card('claim', cat.colour);
      div.setAttribute('data-claim-id', C.id[i]);
      var head = el('div', 'cm-card-head', null, div);
      var chip = el('span', 'cm-chip', cat.label, head);
      chip.style.background = cat.colour;
      if (C.contested[i]) { el('span', 'cm-chip cm-chip-contested', 'contested', head); }
      el('blockquote', 'cm-sentence', S[C.text[i]], div);
      var t = el('table', 'cm-facts', null, div);
      var fig = fmtFigure(C.value[i], C.unit[i]);
      if (fig) {
        var figText = (C.qualifier[i] ? C.qualifier[i] + ' ' : '') + fig +
          (C.measure[i] ? ' \u2014 ' + humanize(C.measure[i]) : '') +
          (C.period[i] ? ' (' + (/^(since|for|over|in|during|from|between|until|per|a|an|each|every)\b/i
                                  .test(C.period[i]) ? '' : 'over ') + C.period[i] + ')' : '');
        row(t, 'Figure', figText);
      }
      var when = C.date_start[i] || '';
      if (when && C.date_end[i] && C.date_end[i] !== when) { when += ' to ' + C.date_end[i]; }
      if (when && C.precision[i]) { when += ' (' + C.precision[i] + ')'; }
      row(t, 'When', when || 'not dated');
      row(t, 'Source', S[C.source[i]] || 'unattributed');
      var names = placeList(i).map(placeName);
      row(t, C.line[i] ? 'Route' : 'Where', names.join(C.line[i] ? ' \u2192 ' : '; ') || '\u2014');
      row(t, 'Geo precision', C.geo[i] + ' \u2014 ' + (GEO_PRECISION[C.geo[i]] || '?'));
      if (C.relation[i]) { row(t, 'Relation', humanize(C.relation[i])); }
      if (C.contested[i] || C.conflicts[i]) {
        var ul = el('ul', 'cm-conflicts');
        C.conflicts[i].split('; ').filter(Boolean).forEach(function (id) {
          var li = el('li', null, null, ul);
          var j = claimById[id];
          if (j === undefined) { li.textContent = id; return; }
          var a = el('a', null, (fmtFigure(C.value[j], C.unit[j]) || 'claim') + ' \u2014 ' +
                     (S[C.source[j]] || 'unattributed') + ' (' + id + ')', li);
          a.href = '#';
          a.addEventListener('click', function (ev) { ev.preventDefault(); CM.openClaim(id); });
        });
        row(t, 'Contested', ul.childNodes.length ? ul : 'yes');
      }
      var art = D.articles[S[C.article[i]]] || {title: S[C.article[i]], published: '', source: ''};
      var foot = el('div', 'cm-card-foot', null, div);
      if (/^https?:\/\//i.test(art.url || '')) {
        var link = el('a', 'cm-article-title', art.title, foot);
        link.href = art.url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
      } else {
        el('span', 'cm-article-title', art.title, foot);
      }
      if (art.published) { el('span', null, ' \u00b7 ' + art.published, foot); }
      if (art.source) { el('span', null, ' \u00b7 ' + art.source, foot); }
      el('div', 'cm-id', 'claim ' + C.id[i], div);
      return div;
    }

    function placeCard(p) {
      var st = kindStyle[p.kind];
      var div = card('place', st.colour);
      div.setAttribute('data-place-id', p.id);
      el('div', 'cm-card-title', p.name, div);
      var t = el('table', 'cm-facts', null, div);
      row(t, 'Kind', st.label);
      if (p.geonameid) {
        var a = el('a', null, String(p.geonameid));
        a.href = 'https://www.geonames.org/' + encodeURIComponent(p.geonameid);
        a.target = '_blank'; a.rel = 'noopener noreferrer';
        row(t, 'GeoNames', a);
      } else { row(t, 'Id', p.id); }
      if (p.gazetteer_name && p.gazetteer_name !== p.name) { row(t, 'Gazetteer name', p.gazetteer_name); }
      row(t, 'Country', p.country);
      row(t, 'Admin1', p.admin1);
      if (p.population) { row(t, 'Population', fmtNumber(p.population)); }
      row(t, 'Mentions', p.mentions);
      row(t, 'As written', p.surfaces);
      row(t, 'Geo precision', p.geo + ' \u2014 ' + (GEO_PRECISION[p.geo] || '?'));
      row(t, 'Other candidates', p.alternatives);
      var here = [];
      for (var i = 0; i < C.n; i++) { if (placeList(i).indexOf(p.id) >= 0) { here.push(i); } }
      if (here.length) {
        el('div', 'cm-card-sub', here.length + (here.length === 1 ? ' claim here' : ' claims here'), div);
        var ul = el('ul', 'cm-claim-list', null, div);
        here.slice(0, 50).forEach(function (i) {
          var li = el('li', null, null, ul);
          var sw = el('span', 'cm-swatch', null, li);
          sw.style.background = D.categories[C.cat[i]].colour;
          var a = el('a', null, claimTooltip(i).split(' \u2014 ').slice(1).join(' \u2014 '), li);
          a.href = '#';
          a.addEventListener('click', function (ev) { ev.preventDefault(); CM.openClaim(C.id[i]); });
        });
        if (here.length > 50) { el('li', null, '\u2026 and ' + (here.length - 50) + ' more', ul); }
      }
      return div;
    }

    function linkCard(lk) {
      var st = relStyle[lk.relation];
      var div = card('link', st.colour);
      div.setAttribute('data-link-id', lk.id);
      el('div', 'cm-card-title', placeName(lk.from) + ' \u2192 ' + placeName(lk.to), div);
      var t = el('table', 'cm-facts', null, div);
      row(t, 'Relation', st.label);
      if (lk.km !== null) { row(t, 'Length', fmtNumber(Math.round(lk.km * 10) / 10) + ' km (geodesic)'); }
      var i = claimById[lk.claim];
      if (i !== undefined) {
        el('blockquote', 'cm-sentence', S[C.text[i]], div);
        row(t, 'Source', S[C.source[i]] || 'unattributed');
        var a = el('a', null, 'open claim ' + lk.claim);
        a.href = '#';
        a.addEventListener('click', function (ev) { ev.preventDefault(); CM.openClaim(lk.claim); });
        div.appendChild(a);
      } else { row(t, 'Claim', lk.claim); }
      return div;
    }

    function regionCard(r) {
      var div = card('region', '#6a51a3');
      el('div', 'cm-card-title', r.name, div);
      var t = el('table', 'cm-facts', null, div);
      row(t, 'Kind', r.kind === 'country' ? 'Country named in the article' : 'Region named in the article');
      row(t, 'GeoNames', r.geonameid);
      row(t, 'Admin1', r.admin1);
      row(t, 'Shown as', r.geometry && r.geometry.type === 'Point' ? 'its centre (no boundary given)' : 'its boundary');
      return div;
    }

    /* ---- controls ---- */

    var layerControl = L.control.layers(bases, overlays,
                                        {collapsed: !!options.embed || narrow, position: 'topright'});

    // the title card
    var TitleControl = L.Control.extend({
      options: {position: 'topright'},
      onAdd: function () {
        var div = el('details', 'leaflet-control cm-title');
        div.open = true;
        var a = D.article;
        el('summary', 'cm-title-main', a.title, div);
        el('div', 'cm-title-meta', [a.published, a.source].filter(Boolean).join(' \u00b7 '), div);
        el('div', 'cm-title-meta', fmtNumber(C.n) + (C.n === 1 ? ' claim' : ' claims') + ' at ' +
           fmtNumber(D.places.length) + (D.places.length === 1 ? ' place' : ' places'), div);
        var fit = el('a', 'cm-fit', 'Show everything', div);
        fit.href = '#';
        fit.addEventListener('click', function (ev) { ev.preventDefault(); CM.fitAll(); });
        if (options.full_page) {
          var link = el('a', 'cm-full-link', 'Full map \u2197', div);
          link.href = options.full_page; link.target = '_blank'; link.rel = 'noopener';
        }
        L.DomEvent.disableClickPropagation(div);
        return div;
      }
    });
    new TitleControl().addTo(map);
    layerControl.addTo(map);

    // search by place name
    var SearchControl = L.Control.extend({
      options: {position: 'topleft'},
      onAdd: function () {
        var div = el('div', 'leaflet-control leaflet-bar cm-search');
        var input = el('input', null, null, div);
        input.type = 'search';
        input.placeholder = 'Find a place\u2026';
        input.setAttribute('aria-label', 'Find a place by name');
        var listId = 'cm-place-names';
        input.setAttribute('list', listId);
        var dl = el('datalist', null, null, div);
        dl.id = listId;
        var names = {};
        D.places.forEach(function (p) {
          [p.name].concat(p.surfaces ? p.surfaces.split('; ') : []).forEach(function (n) {
            if (n && !names[n.toLowerCase()]) { names[n.toLowerCase()] = p; el('option', null, null, dl).value = n; }
          });
        });
        var msg = el('div', 'cm-search-msg', null, div);
        function go() {
          var q = input.value.trim().toLowerCase();
          if (!q) { msg.textContent = ''; return; }
          var p = names[q];
          if (!p) {
            var keys = Object.keys(names);
            var hit = keys.filter(function (k) { return k.indexOf(q) === 0; })[0] ||
                      keys.filter(function (k) { return k.indexOf(q) >= 0; })[0];
            p = hit && names[hit];
          }
          if (!p) { msg.textContent = 'No place called \u201c' + input.value + '\u201d on this map'; return; }
          msg.textContent = '';
          CM.openPlace(p.id);
        }
        input.addEventListener('change', go);
        input.addEventListener('keydown', function (e) { if (e.key === 'Enter') { go(); } });
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        return div;
      }
    });
    new SearchControl().addTo(map);

    if (L.Control.FullScreen) {
      new L.Control.FullScreen({position: 'topleft', title: 'Full screen',
                                titleCancel: 'Exit full screen'}).addTo(map);
    }
    if (L.Control.Measure) {
      // leaflet-measure with Leaflet >= 1.8 moves the map on click unless the capture
      // marker does not autopan (ljagis/leaflet-measure#171; the same fix as folium's)
      L.Control.Measure.include({
        _setCaptureMarkerIcon: function () {
          this._captureMarker.options.autoPanOnFocus = false;
          this._captureMarker.setIcon(L.divIcon({iconSize: this._map.getSize().multiplyBy(2)}));
        }
      });
      new L.Control.Measure({position: 'topleft', primaryLengthUnit: 'kilometers',
                             secondaryLengthUnit: 'miles', primaryAreaUnit: 'sqkilometers',
                             secondaryAreaUnit: 'hectares',
                             units: {sqkilometers: {factor: 1e-6, display: 'km\u00b2', decimals: 1}}
                            }).addTo(map);
    }

    // legend
    var LegendControl = L.Control.extend({
      options: {position: 'bottomleft'},
      onAdd: function () {
        var box = el('details', 'leaflet-control cm-legend');
        if (!options.embed && !narrow) { box.open = true; }
        el('summary', null, 'Legend', box);
        var counts = [];
        if (D.categories.length) {
          el('div', 'cm-legend-head', 'Claims', box);
          var grid = el('div', 'cm-legend-grid', null, box);
          D.categories.forEach(function (c, ci) {
            var r = el('div', 'cm-legend-row', null, grid);
            var icon = el('span', 'cm-legend-pin', null, r);
            icon.innerHTML = catSvg[ci][0];
            el('span', null, c.label, r);
            counts.push(el('span', 'cm-legend-count', null, r));
          });
          var r2 = el('div', 'cm-legend-row', null, grid);
          el('span', 'cm-legend-pin', null, r2).innerHTML =
            '<svg width="14" height="14" viewBox="16 0 10 10"><circle cx="21" cy="5" r="4.4" fill="#ffd400" stroke="#222"/></svg>';
          el('span', null, 'contested figure', r2);
        }
        if (D.relations.length) {
          el('div', 'cm-legend-head', 'Links', box);
          var lgrid = el('div', 'cm-legend-grid', null, box);
          D.relations.forEach(function (rl) {
            var r = el('div', 'cm-legend-row', null, lgrid);
            el('span', 'cm-legend-line', null, r).innerHTML =
              '<svg width="30" height="10"><line x1="1" y1="5" x2="24" y2="5" stroke="' + rl.colour +
              '" stroke-width="3" stroke-dasharray="' + rl.dash + '"/><path d="M22 1 L29 5 L22 9 Z" fill="' +
              rl.colour + '"/></svg>';
            el('span', null, rl.label, r);
          });
        }
        if (D.kinds.length || nRegions || nCountries) {
          el('div', 'cm-legend-head', 'Places', box);
          var pgrid = el('div', 'cm-legend-grid', null, box);
          D.kinds.forEach(function (k) {
            var r = el('div', 'cm-legend-row', null, pgrid);
            var dot = el('span', 'cm-legend-dot', null, r);
            dot.style.background = k.colour;
            el('span', null, k.label, r);
          });
          if (nRegions) {
            var rr = el('div', 'cm-legend-row', null, pgrid);
            el('span', 'cm-legend-dot cm-legend-region', null, rr);
            el('span', null, 'Region named', rr);
            rr.title = 'A region the article names: its centre, or its boundary when one was given';
          }
          if (nCountries) {
            var rc = el('div', 'cm-legend-row', null, pgrid);
            el('span', 'cm-legend-dot cm-legend-country', null, rc);
            el('span', null, 'Country named', rc);
            rc.title = 'A country the article names: its outline';
          }
        }
        legendCounts = function () {
          var n = D.categories.map(function () { return 0; });
          for (var i = 0; i < C.n; i++) { if (shown[i]) { n[C.cat[i]]++; } }
          counts.forEach(function (span, ci) {
            span.textContent = n[ci] === D.categories[ci].count ? String(n[ci])
                                                                : n[ci] + '/' + D.categories[ci].count;
          });
        };
        box.addEventListener('toggle', function () { declutter(); });
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      }
    });

    /* the panels of claimmap-panels.js (time control, filters, export, the link in the
       URL, the phone layout) plug in here, under the legend; see CM.core below */
    var late = [], whenReady = [];
    var core = CM.core = {
      map: map, options: options, D: D, C: C, S: S, filter: filter, visible: visible,
      refresh: refresh, shown: shown, markers: markers, catOn: catOn, claims: claims,
      links: links, outline: outline, bases: bases, offlineBase: offlineBase,
      layerControl: layerControl, placeName: placeName, placeList: placeList,
      claimById: claimById, declutter: redeclutter, narrow: narrow, onRefresh: onRefresh,
      late: late, whenReady: whenReady, initialView: null, el: el, isoDay: isoDay,
      fmtNumber: fmtNumber, openClaimPopup: openClaimPopup, popup: popup,
      categoryToggles: categoryToggles, claimCardOf: claimCard
    };
    (CM.extensions || []).forEach(function (ext) { ext(core); });
    new LegendControl().addTo(map);   // above the time control
    /* on a short window the panels, then the legend, start collapsed too: the map comes first */
    var legendBox = map.getContainer().querySelector('.cm-legend');
    var bottomLeft = map._controlCorners.bottomleft;
    Array.prototype.slice.call(bottomLeft.querySelectorAll('details.cm-panel[open]')).concat([legendBox])
      .forEach(function (box) {
        if (box.open && bottomLeft.offsetHeight > map.getSize().y * 0.7) { box.open = false; }
      });

    /* ---- API for tests, the embed page and links inside cards ---- */

    CM.layers = {places: places, claims: claims, links: links, regions: regions, countries: countryRegions, outline: outline,
                 bases: bases, control: layerControl};
    CM.markers = markers;
    /* bring a claim's pin onto the map: fan out its cluster where every pin in it is at
       one point (zooming in would not split it), else zoom until it stands alone */
    CM.reveal = function (id, then) {
      var i = claimById[id];
      if (i === undefined || !shown[i]) { return false; }
      var mk = markers[i], done = then || function () {};
      if (claims._inZoomAnimation) {      // MarkerCluster ignores spiderfy() meanwhile
        claims.once('animationend', function () { CM.reveal(id, then); });
        return true;
      }
      var parent = claims.getVisibleParent(mk);
      if (parent && parent !== mk && parent.getBounds().getNorthEast().equals(parent.getBounds().getSouthWest())) {
        if (claims._spiderfied === parent) { done(mk); return true; }
        if (!map.getBounds().contains(parent.getLatLng())) { map.panTo(parent.getLatLng(), {animate: false}); }
        claims.once('spiderfied', function () { done(mk); });
        parent.spiderfy();
      } else if (parent === mk && map.getBounds().contains(mk.getLatLng())) {
        done(mk);
      } else {
        claims.zoomToShowLayer(mk, function () { done(mk); });
      }
      return true;
    };
    CM.openClaim = function (id) { return CM.reveal(id, openClaimPopup); };
    CM.openPlace = function (id) {
      var mk = placeMarkers[id];
      if (!mk) { return false; }
      var open = function () { mk.openPopup(); };
      if (manyPlaces) { places.zoomToShowLayer(mk, open); }
      else { map.setView(mk.getLatLng(), Math.max(map.getZoom(), 9)); open(); }
      return true;
    };
    /* features drawn, per layer (claims: markers in the cluster group, by category) */
    CM.counts = function () {
      var byCat = {};
      D.categories.forEach(function (c) { byCat[c.key] = 0; });
      claims.getLayers().forEach(function (m) { byCat[D.categories[C.cat[m.cmIndex]].key]++; });
      var nLinks = 0;
      links.eachLayer(function (l) { if (l.cmLink) { nLinks++; } });
      return {claims: claims.getLayers().length, claimsByCategory: byCat,
              places: places.getLayers().length, links: nLinks,
              regions: regions.getLayers().length + countryRegions.getLayers().length};
    };

    function ready() {
      if (CM.ready) { return; }
      if (legendCounts) { legendCounts(); }
      mark('clustered');
      declutter();
      CM.ready = true;
      CM.renderMs = performance.now() - t0;     // in init: parse, build, cluster
      CM.readyAt = performance.now();            // since navigation start
      map.getContainer().setAttribute('data-claimmap-ready', '1');
      whenReady.forEach(function (f) { f(); });
    }

    /* fit the view to every feature, clear of the controls on either side when there is room */
    /* popups pan clear of the controls on the left and right */
    function popupPadding() {
      var corners = map._controlCorners, width = map.getSize().x;
      if (width < 640) {
        /* a phone: the panels are folded, a card may use the whole width below the
           buttons at the top */
        L.Popup.mergeOptions({autoPanPaddingTopLeft: L.point(10, Math.max(
                                corners.topleft.offsetHeight, corners.topright.offsetHeight) + 10),
                              autoPanPaddingBottomRight: L.point(10, 10)});
        popup.options.maxWidth = Math.min(360, width - 60);
        popup.options.minWidth = Math.min(260, popup.options.maxWidth);
        return;
      }
      popup.options.maxWidth = 360;
      popup.options.minWidth = 260;
      L.Popup.mergeOptions({
        autoPanPaddingTopLeft: L.point(Math.max(corners.topleft.offsetWidth,
                                                corners.bottomleft.offsetWidth) + 10, 10),
        autoPanPaddingBottomRight: L.point(corners.topright.offsetWidth + 10, 10)});
    }
    map.on('resize', popupPadding);
    popupPadding();
    /* the view: the features as large as they can be drawn clear of the controls, and
       then as near the middle of the map as that allows. Each corner's controls are kept
       clear either beside them or above/below them, whichever gives the bigger zoom. */
    function cornerBoxes() {
      var corners = map._controlCorners, out = [];
      ['topleft', 'topright', 'bottomleft', 'bottomright'].forEach(function (k) {
        var c = corners[k];
        if (c && c.offsetWidth && c.offsetHeight) {
          out.push({left: k.indexOf('left') > 0, top: k.indexOf('top') === 0,
                    w: c.offsetWidth, h: c.offsetHeight});
        }
      });
      return out;
    }
    function paddings(boxes) {
      var out = [];
      for (var mask = 0; mask < (1 << boxes.length); mask++) {
        var pad = {left: 0, right: 0, top: 0, bottom: 0};
        boxes.forEach(function (b, bit) {
          if (mask & (1 << bit)) { var sx = b.left ? 'left' : 'right'; pad[sx] = Math.max(pad[sx], b.w); }
          else { var sy = b.top ? 'top' : 'bottom'; pad[sy] = Math.max(pad[sy], b.h); }
        });
        out.push(pad);
      }
      return out;
    }
    map.options.zoomSnap = 0.25;      // fit the features to the window, not to a power of two
    CM.fitAll = function () {
      claims.unspiderfy();
      if (!bounds.isValid()) { bounds = countryBounds.isValid() ? countryBounds : context; }
      if (!bounds.isValid()) { map.setView([20, 0], 2, {animate: false}); return; }
      var fitBox = bounds.pad(0.05), size = map.getSize();
      /* room for the labels beside the points and the claim symbols standing above them */
      var label = labelled.length ? (narrow ? 40 : 90) : 0;
      var margin = {left: 10 + label / 2, right: 10 + label, top: 50, bottom: 20};
      var choices = paddings(cornerBoxes()).map(function (pad) {
        var w = size.x - pad.left - pad.right, h = size.y - pad.top - pad.bottom;
        var zoom = w < size.x * 0.3 || h < size.y * 0.3 ? -Infinity : Math.min(11, map.getBoundsZoom(
          fitBox, false, L.point(pad.left + pad.right + margin.left + margin.right,
                                 pad.top + pad.bottom + margin.top + margin.bottom)));
        return {pad: pad, zoom: zoom};
      });
      var zoom = Math.max.apply(null, choices.map(function (o) { return o.zoom; }));
      if (zoom === -Infinity) {            // no room beside the controls: fit the whole map
        zoom = Math.min(11, map.getBoundsZoom(fitBox));
        choices = [{pad: {left: 0, right: 0, top: 0, bottom: 0}, zoom: zoom}];
      }
      var ne = map.project(fitBox.getNorthEast(), zoom), sw = map.project(fitBox.getSouthWest(), zoom);
      var bw = ne.x - sw.x, bh = sw.y - ne.y, best = null;
      choices.forEach(function (o) {
        if (o.zoom !== zoom) { return; }
        /* where the features' box may sit, and where it would be centred */
        function place(lo, hi, length, total) {
          var want = (total - length) / 2;
          return hi < lo ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, want));
        }
        var x = place(o.pad.left + margin.left, size.x - o.pad.right - margin.right - bw, bw, size.x);
        var y = place(o.pad.top + margin.top, size.y - o.pad.bottom - margin.bottom - bh, bh, size.y);
        var off = Math.abs(x - (size.x - bw) / 2) + Math.abs(y - (size.y - bh) / 2);
        if (!best || off < best.off) { best = {x: x, y: y, off: off}; }
      });
      /* the map's centre puts the box's centre at (x + bw / 2, y + bh / 2) */
      var mid = L.point((ne.x + sw.x) / 2, (ne.y + sw.y) / 2);
      var centre = map.unproject(mid.subtract(L.point(best.x + bw / 2 - size.x / 2,
                                                      best.y + bh / 2 - size.y / 2)), zoom);
      map.setView(centre, zoom, {animate: false});
    };
    late.forEach(function (f) { f(); });
    popupPadding();                        // once the panels are folded or not
    mark('controls');
    /* then draw the claims (chunked, so a big map stays responsive) */
    if (core.initialView) {
      map.setView(core.initialView.center, core.initialView.zoom, {animate: false});
    } else { CM.fitAll(); }
    pending.forEach(function (layer) { layer.addTo(map); });
    mark('fit');
    var all = [];
    started = true;
    for (var q = 0; q < C.n; q++) { if (visible(q)) { all.push(markers[q]); shown[q] = 1; } }
    if (all.length) { loading = true; claims.addLayers(all); } else { ready(); }
  };
}());
