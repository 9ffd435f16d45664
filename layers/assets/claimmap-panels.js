/* claimmap-panels.js: the HTML map's panels (part of claimmap, MIT).
 *
 * Plugs into claimmap.js (CM.extensions, called by claimmap.init with CM.core) and adds:
 * - a time control: a histogram of the claims by date, a window of two sliders, a play
 *   button that moves the window along; its default range is the claims' dates without
 *   outliers (see defaultWindow), the full range one click away;
 * - filters by article and by source (whenever the map has more than one of them);
 * - export of the claims shown (after every filter) as GeoJSON and CSV, made in the page
 *   and saved as a Blob download, with no network;
 * - the view, the filters and the selected claim in the URL's hash, so a link reopens
 *   the same map;
 * - a message when a web base map cannot load (the offline outline stays underneath);
 * - the layout: on a phone every panel starts folded behind its button, and at any size
 *   panels of different corners are folded until none overlaps another.
 *
 * As in claimmap.js, article text only ever reaches the page through textContent.
 */
(function () {
  'use strict';

  var CM = window.claimmap = window.claimmap || {};
  CM.extensions = CM.extensions || [];

  /* ---- the default time window: the claims' dates without outliers ----
     The dates (each claim's first day) are sorted; a gap between neighbours is a break
     when it is longer than BREAK_FACTOR times the median gap and longer than
     BREAK_MIN_DAYS. Runs of dates at either end cut off by a break are left out of the
     default window while together they hold at most a tenth of the dated claims (at least
     one) and the rest keeps at least three: one "In 2005" in a story of 2025 does not
     stretch the window over twenty years, and a batch of articles from two years keeps both. */
  var BREAK_FACTOR = 10, BREAK_MIN_DAYS = 365;

  function defaultWindow(d0, d1) {
    var idx = [];
    for (var i = 0; i < d0.length; i++) { if (d0[i] !== null) { idx.push(i); } }
    if (!idx.length) { return null; }
    idx.sort(function (a, b) { return d0[a] - d0[b]; });
    var gaps = [];
    for (var k = 1; k < idx.length; k++) {
      var g = d0[idx[k]] - d0[idx[k - 1]];
      if (g > 0) { gaps.push(g); }
    }
    gaps.sort(function (a, b) { return a - b; });
    var median = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
    var limit = Math.max(BREAK_FACTOR * median, BREAK_MIN_DAYS);
    var lo = 0, hi = idx.length - 1, n = idx.length;
    var budget = Math.max(1, Math.floor(n / 10)), cut = 0;
    var moved = true;
    while (moved) {
      moved = false;
      /* the first break from the start, and from the end, inside [lo, hi] */
      for (var a = lo + 1; a <= hi; a++) {
        if (d0[idx[a]] - d0[idx[a - 1]] > limit) {
          var take = a - lo;
          if (cut + take <= budget && n - cut - take >= 3) { cut += take; lo = a; moved = true; }
          break;
        }
      }
      for (var b = hi; b > lo; b--) {
        if (d0[idx[b]] - d0[idx[b - 1]] > limit) {
          var take2 = hi - b + 1;
          if (cut + take2 <= budget && n - cut - take2 >= 3) { cut += take2; hi = b - 1; moved = true; }
          break;
        }
      }
    }
    var from = d0[idx[lo]], to = -Infinity, min = d0[idx[0]], max = -Infinity;
    for (var j = 0; j < idx.length; j++) {
      var e = d1[idx[j]] === null ? d0[idx[j]] : d1[idx[j]];
      if (e > max) { max = e; }
      if (j >= lo && j <= hi && e > to) { to = e; }
    }
    return {min: min, max: max, from: from, to: to, left: cut};
  }
  CM.defaultWindow = defaultWindow;

  function download(text, name, type) {
    var blob = new Blob([text], {type: type});
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url; a.download = name; a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }

  /* what a spreadsheet would run as a formula is written as text (as layers/io/writers.py) */
  function csvCell(v) {
    if (v === null || v === undefined) { return ''; }
    var s = typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) { s = "'" + s; }
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  CM.extensions.push(function (core) {
    var map = core.map, D = core.D, C = core.C, S = core.S, filter = core.filter;
    var el = core.el, isoDay = core.isoDay, fmtNumber = core.fmtNumber;
    var options = core.options, narrow = core.narrow;
    var panels = [];          // the folding panels (<details>), in the order they fold

    function panelBox(cls, title, parent) {
      var box = el('details', 'leaflet-control cm-panel ' + cls);
      el('summary', null, title, box);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      box.addEventListener('toggle', function () {
        /* on a phone one panel is open at a time */
        if (narrow && box.open) {
          panels.concat([map.getContainer().querySelector('.cm-legend'),
                         map.getContainer().querySelector('.cm-title')]).forEach(function (p) {
            if (p && p !== box && p.open) { p.open = false; }
          });
        }
        core.declutter();
      });
      panels.push(box);
      return box;
    }

    function iso(d) { return d === null || d === undefined ? '' : isoDay(d); }
    function dayOf(text) {
      var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || '');
      return m ? Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000) : null;
    }

    /* ---------------------------------------------------------------- time control */
    var time = null;
    if (D.dates) {
      var W = defaultWindow(C.d0, C.d1);
      time = {full: [W.min, W.max], def: [W.from, W.to], domain: [W.from, W.to],
              left: W.left, playing: null};
      var TimeControl = L.Control.extend({
        options: {position: 'bottomleft'},
        onAdd: function () {
          var box = panelBox('cm-dates', 'Claims dated');
          if (!options.embed && !narrow && map.getSize().y >= 900) { box.open = true; }
          var svgNS = 'http://www.w3.org/2000/svg';
          var HW = 230, HH = 46;
          var svg = document.createElementNS(svgNS, 'svg');
          svg.setAttribute('class', 'cm-histogram');
          svg.setAttribute('width', HW); svg.setAttribute('height', HH);
          svg.setAttribute('viewBox', '0 0 ' + HW + ' ' + HH);
          svg.setAttribute('role', 'img');
          svg.setAttribute('aria-label', 'Claims by date');
          box.appendChild(svg);
          var axis = el('div', 'cm-hist-axis', null, box);
          var axisLo = el('span', null, null, axis), axisHi = el('span', null, null, axis);
          function slider(label, cls) {
            var r = el('label', 'cm-date-row', null, box);
            el('span', 'cm-date-label', label, r);
            var s = el('input', cls, null, r);
            s.type = 'range'; s.step = 1;
            var out = el('output', null, null, r);
            s.addEventListener('input', function () { out.textContent = isoDay(+s.value); });
            s.cmOut = out;
            return s;
          }
          var from = slider('from', 'cm-date-from'), to = slider('to', 'cm-date-to');
          var bar = el('div', 'cm-time-bar', null, box);
          var play = el('button', 'cm-play', '\u25b6 Play', bar);
          play.type = 'button';
          play.title = 'Move the window along the dates';
          var all = el('button', 'cm-all-dates', null, bar);
          all.type = 'button';
          var u = el('label', 'cm-date-row', null, box);
          var cb = el('input', 'cm-date-undated', null, u);
          cb.type = 'checkbox'; cb.checked = true;
          var undated = 0;
          for (var i = 0; i < C.n; i++) { if (C.d0[i] === null) { undated++; } }
          el('span', null, ' undated claims (' + undated + ')', u);
          var status = el('div', 'cm-time-status', null, box);
          var bins = null;

          function setDomain(lo, hi) {
            time.domain = [lo, hi];
            from.min = to.min = lo; from.max = to.max = hi;
            axisLo.textContent = isoDay(lo); axisHi.textContent = isoDay(hi);
            var span = hi - lo + 1;
            var width = Math.max(1, Math.ceil(span / 40));
            bins = {lo: lo, width: width, n: Math.max(1, Math.ceil(span / width))};
            var full = time.domain[0] <= time.full[0] && time.domain[1] >= time.full[1];
            all.textContent = full ? 'Default window' : 'All dates';
            all.title = full ? isoDay(time.def[0]) + ' \u2013 ' + isoDay(time.def[1])
                             : isoDay(time.full[0]) + ' \u2013 ' + isoDay(time.full[1]);
            all.style.display = time.def[0] === time.full[0] && time.def[1] === time.full[1] ? 'none' : '';
          }
          function setWindow(a, b, withUndated, quiet) {
            if (a > b) { var x = a; a = b; b = x; }
            if (a < time.domain[0] || b > time.domain[1]) {
              setDomain(Math.min(a, time.full[0]), Math.max(b, time.full[1]));
            }
            from.value = a; to.value = b;
            from.cmOut.textContent = isoDay(a); to.cmOut.textContent = isoDay(b);
            if (withUndated !== undefined) { cb.checked = withUndated !== false; }
            filter.from = a <= time.full[0] ? null : a;
            filter.to = b >= time.full[1] ? null : b;
            filter.undated = cb.checked;
            if (!quiet) { core.refresh(); }
          }
          function apply() { setWindow(+from.value, +to.value); }
          from.addEventListener('change', apply);
          to.addEventListener('change', apply);
          cb.addEventListener('change', apply);
          all.addEventListener('click', function () {
            stop();
            var full = time.domain[0] <= time.full[0] && time.domain[1] >= time.full[1];
            var r = full ? time.def : time.full;
            setDomain(r[0], r[1]);
            setWindow(r[0], r[1]);
          });

          /* the histogram: every dated claim (light), those shown (dark), the window */
          function draw() {
            if (!bins) { return; }
            var total = new Array(bins.n).fill(0), shown = new Array(bins.n).fill(0);
            var outside = 0, dated = 0;
            for (var i = 0; i < C.n; i++) {
              if (C.d0[i] === null) { continue; }
              dated++;
              var k = Math.floor((C.d0[i] - bins.lo) / bins.width);
              if (k < 0 || k >= bins.n) { outside++; continue; }
              total[k]++;
              if (core.shown[i]) { shown[k]++; }
            }
            var top = Math.max.apply(null, total) || 1, bw = HW / bins.n;
            while (svg.firstChild) { svg.removeChild(svg.firstChild); }
            var a = +from.value, b = +to.value;
            var win = document.createElementNS(svgNS, 'rect');
            win.setAttribute('class', 'cm-hist-window');
            win.setAttribute('x', ((a - bins.lo) / (bins.n * bins.width) * HW).toFixed(1));
            win.setAttribute('width', Math.max(2, (b - a + 1) / (bins.n * bins.width) * HW).toFixed(1));
            win.setAttribute('y', 0); win.setAttribute('height', HH);
            svg.appendChild(win);
            total.forEach(function (t, k) {
              if (!t) { return; }
              [[t, 'cm-hist-all'], [shown[k], 'cm-hist-shown']].forEach(function (pair) {
                if (!pair[0]) { return; }
                var h = Math.max(1.5, pair[0] / top * (HH - 4));
                var r = document.createElementNS(svgNS, 'rect');
                r.setAttribute('class', pair[1]);
                r.setAttribute('x', (k * bw + 0.5).toFixed(1));
                r.setAttribute('width', Math.max(1, bw - 1).toFixed(1));
                r.setAttribute('y', (HH - h).toFixed(1));
                r.setAttribute('height', h.toFixed(1));
                r.setAttribute('data-bin', k);
                svg.appendChild(r);
              });
            });
            var n = 0;
            for (var j = 0; j < C.n; j++) { if (core.shown[j]) { n++; } }
            status.textContent = fmtNumber(n) + ' of ' + fmtNumber(C.n) + ' claims shown' +
              (outside ? '; ' + fmtNumber(outside) + ' dated outside this range' : '');
            status.setAttribute('data-outside', outside);
            status.setAttribute('data-dated', dated);
          }
          svg.addEventListener('click', function (ev) {
            var k = ev.target.getAttribute && ev.target.getAttribute('data-bin');
            if (k === null || k === undefined) { return; }
            stop();
            var a = bins.lo + (+k) * bins.width;
            setWindow(a, Math.min(time.domain[1], a + bins.width - 1));
          });
          core.onRefresh.push(draw);

          /* playback: a window of an eighth of the range (at least one bar) moves one bar
             at a time from the start of the range to its end */
          function stop() {
            if (time.playing) { clearInterval(time.playing); time.playing = null; }
            play.textContent = '\u25b6 Play';
            box.classList.remove('cm-playing');
          }
          function step() {
            var a = +from.value, b = +to.value, len = b - a;
            if (b >= time.domain[1]) { stop(); return false; }
            var shift = Math.min(bins.width, time.domain[1] - b);
            setWindow(a + shift, a + shift + len);
            return true;
          }
          function start() {
            var a = +from.value, b = +to.value, dom = time.domain;
            var len = Math.max(bins.width, Math.round((dom[1] - dom[0]) / 8)) - 1;
            if (b - a >= (dom[1] - dom[0]) * 0.9 || b >= dom[1]) {
              setWindow(dom[0], Math.min(dom[1], dom[0] + len));
            }
            play.textContent = '\u275a\u275a Pause';
            box.classList.add('cm-playing');
            time.playing = setInterval(step, CM.playInterval || 900);
          }
          play.addEventListener('click', function () { if (time.playing) { stop(); } else { start(); } });
          CM.play = start; CM.pause = stop; CM.stepTime = step;
          CM.timeWindow = function () {
            return {from: +from.value, to: +to.value, domain: time.domain.slice(),
                    full: time.full.slice(), def: time.def.slice(), playing: !!time.playing,
                    undated: cb.checked};
          };
          /* the test suite's (and a user script's) way to set the window: null is the end
             of the full range */
          CM.setDates = function (a, b, withUndated) {
            stop();
            var lo = a === null ? time.full[0] : a, hi = b === null ? time.full[1] : b;
            if (a === null && b === null) { setDomain(time.full[0], time.full[1]); }
            setWindow(lo, hi, withUndated);
          };
          time.set = setWindow;
          time.setDomain = setDomain;
          setDomain(time.def[0], time.def[1]);
          setWindow(time.def[0], time.def[1], true, true);
          return box;
        }
      });
      new TimeControl().addTo(map);
    }

    /* ---------------------------------------------------------- articles and sources */
    function distinct(col) {
      var n = {};
      for (var i = 0; i < C.n; i++) { n[col[i]] = (n[col[i]] || 0) + 1; }
      return Object.keys(n).map(function (k) { return {key: +k, count: n[k]}; });
    }
    var articleList = distinct(C.article), sourceList = distinct(C.source);
    var lists = {};
    function articleTitle(si) {
      var a = D.articles[S[si]];
      return (a && a.title) || S[si] || '(no article)';
    }
    if (articleList.length > 1 || sourceList.length > 1) {
      var FilterControl = L.Control.extend({
        options: {position: 'bottomleft'},
        onAdd: function () {
          var box = panelBox('cm-filters', articleList.length > 1 && sourceList.length > 1
            ? 'Articles and sources' : articleList.length > 1 ? 'Articles' : 'Sources');
          function section(name, items, label, key) {
            if (items.length < 2) { return; }
            items.sort(function (a, b) {
              return (b.count - a.count) || (label(a.key) < label(b.key) ? -1 : 1);
            });
            var head = el('div', 'cm-filter-head', null, box);
            el('span', null, name + ' (' + items.length + ')', head);
            var allBtn = el('button', 'cm-filter-all', 'all', head);
            var noneBtn = el('button', 'cm-filter-none', 'none', head);
            allBtn.type = noneBtn.type = 'button';
            var find = null;
            if (items.length > 8) {
              find = el('input', 'cm-filter-find', null, box);
              find.type = 'search'; find.placeholder = 'Filter the list\u2026';
              find.setAttribute('aria-label', 'Filter the ' + name.toLowerCase());
            }
            var ul = el('div', 'cm-filter-list cm-filter-' + key, null, box);
            var boxes = [];
            items.forEach(function (it) {
              var row = el('label', 'cm-filter-row', null, ul);
              var c = el('input', null, null, row);
              c.type = 'checkbox'; c.checked = true; c.value = it.key;
              el('span', 'cm-filter-label', label(it.key), row);
              el('span', 'cm-filter-count', fmtNumber(it.count), row);
              row.title = label(it.key);
              boxes.push(c);
            });
            function apply() {
              var on = {}, all = true;
              boxes.forEach(function (c) { if (c.checked) { on[c.value] = true; } else { all = false; } });
              filter[key] = all ? null : on;
              core.refresh();
            }
            boxes.forEach(function (c) { c.addEventListener('change', apply); });
            allBtn.addEventListener('click', function () { boxes.forEach(function (c) { c.checked = true; }); apply(); });
            noneBtn.addEventListener('click', function () { boxes.forEach(function (c) { c.checked = false; }); apply(); });
            if (find) {
              find.addEventListener('input', function () {
                var q = find.value.trim().toLowerCase();
                boxes.forEach(function (c) {
                  c.parentNode.style.display = !q || label(+c.value).toLowerCase().indexOf(q) >= 0 ? '' : 'none';
                });
              });
            }
            lists[key] = {set: function (keys) {
              var on = {};
              (keys || []).forEach(function (k) { on[k] = true; });
              boxes.forEach(function (c) { c.checked = !keys || !!on[c.value]; });
              filter[key] = keys ? on : null;
            }, label: label};
          }
          section('Articles', articleList, articleTitle, 'articles');
          section('Sources', sourceList, function (si) { return S[si] || 'unattributed'; }, 'sources');
          return box;
        }
      });
      new FilterControl().addTo(map);
    }
    /* for tests and scripts: show only these articles / sources (ids / names), null for all */
    function setList(key, col, values) {
      if (!values) { filter[key] = null; if (lists[key]) { lists[key].set(null); } core.refresh(); return; }
      var want = {}, keys = [];
      values.forEach(function (v) { want[v] = true; });
      distinct(col).forEach(function (it) { if (want[S[it.key]]) { keys.push(it.key); } });
      if (lists[key]) { lists[key].set(keys); } else {
        filter[key] = {}; keys.forEach(function (k) { filter[key][k] = true; });
      }
      core.refresh();
    }
    CM.setArticles = function (ids) { setList('articles', C.article, ids); };
    CM.setSources = function (names) { setList('sources', C.source, names); };

    /* ---------------------------------------------------------------- export */
    var lineOf = {};
    D.links.forEach(function (lk) { if (!lineOf[lk.claim] && lk.coords.length > 1) { lineOf[lk.claim] = lk.coords; } });
    var COLUMNS = ['claim_id', 'article_id', 'article_title', 'article_url', 'category', 'measure', 'value',
                   'value_max', 'unit', 'qualifier', 'period', 'date_start', 'date_end',
                   'time_precision', 'source', 'place_ids', 'place_names', 'geo_precision',
                   'contested', 'conflicts_with', 'relation', 'text'];
    function claimProps(i) {
      var art = S[C.article[i]];
      return {
        claim_id: C.id[i], article_id: art, article_title: articleTitle(C.article[i]),
        article_url: (D.articles[art] && D.articles[art].url) || '',
        category: D.categories[C.cat[i]].key, measure: C.measure[i], value: C.value[i],
        value_max: C.value_max ? C.value_max[i] : null, unit: C.unit[i],
        qualifier: C.qualifier[i], period: C.period[i], date_start: C.date_start[i],
        date_end: C.date_end[i], time_precision: C.precision[i], source: S[C.source[i]],
        place_ids: S[C.places[i]], place_names: core.placeList(i).map(core.placeName).join('; '),
        geo_precision: C.geo[i], contested: !!C.contested[i], conflicts_with: C.conflicts[i],
        relation: C.relation[i], text: S[C.text[i]]
      };
    }
    function shownIndexes() {
      var out = [];
      for (var i = 0; i < C.n; i++) { if (core.shown[i]) { out.push(i); } }
      return out;
    }
    CM.exportGeoJSON = function () {
      return {type: 'FeatureCollection', features: shownIndexes().map(function (i) {
        var line = C.line[i] && lineOf[C.id[i]];
        return {type: 'Feature', id: C.id[i], properties: claimProps(i),
                geometry: line ? {type: 'LineString', coordinates: line.map(function (c) { return [c[1], c[0]]; })}
                               : {type: 'Point', coordinates: [C.lon[i], C.lat[i]]}};
      })};
    };
    CM.exportCSV = function () {
      var cols = COLUMNS.concat(['lat', 'lon']);
      var lines = [cols.join(',')];
      shownIndexes().forEach(function (i) {
        var p = claimProps(i);
        p.lat = C.lat[i]; p.lon = C.lon[i];
        lines.push(cols.map(function (c) { return csvCell(p[c]); }).join(','));
      });
      return lines.join('\n') + '\n';
    };
    var ExportControl = L.Control.extend({
      options: {position: 'bottomleft'},
      onAdd: function () {
        var box = panelBox('cm-tools', 'Export and link');
        var count = el('div', 'cm-tools-count', null, box);
        var row = el('div', 'cm-tools-row', null, box);
        var gj = el('button', 'cm-export-geojson', 'GeoJSON', row);
        var csv = el('button', 'cm-export-csv', 'CSV', row);
        var link = el('button', 'cm-copy-link', 'Copy link', row);
        gj.type = csv.type = link.type = 'button';
        gj.title = 'Download the claims shown as GeoJSON';
        csv.title = 'Download the claims shown as CSV (a spreadsheet)';
        link.title = 'Copy a link to this view, its filters and the open claim';
        var msg = el('div', 'cm-tools-msg', null, box);
        var base = D.article.id || 'claims';
        gj.addEventListener('click', function () {
          download(JSON.stringify(CM.exportGeoJSON()), base + '.shown.geojson', 'application/geo+json');
        });
        csv.addEventListener('click', function () {
          download(CM.exportCSV(), base + '.shown.csv', 'text/csv;charset=utf-8');
        });
        link.addEventListener('click', function () {
          writeHash();
          var url = location.href;
          function shown() { msg.textContent = 'Link copied'; }
          if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(url).then(shown, function () { msg.textContent = url; });
          } else { msg.textContent = url; }
        });
        core.onRefresh.push(function () {
          var n = 0;
          for (var i = 0; i < C.n; i++) { if (core.shown[i]) { n++; } }
          count.textContent = fmtNumber(n) + ' claims shown (after the filters)';
        });
        return box;
      }
    });
    new ExportControl().addTo(map);

    /* ---------------------------------------------------------------- the URL's hash */
    var slugCat = {};
    D.categories.forEach(function (c, ci) { slugCat[c.slug] = ci; });
    var selected = null;       // the claim whose card is open
    function encodeList(values) { return values.map(encodeURIComponent).join(','); }
    function decodeList(text) {
      return text ? text.split(',').map(function (v) { try { return decodeURIComponent(v); } catch (e) { return v; } }) : [];
    }
    function listed(key, col) {
      if (!filter[key]) { return null; }
      return Object.keys(filter[key]).map(function (k) { return S[k]; });
    }
    function hashText() {
      var c = map.getCenter(), z = map.getZoom();
      var parts = ['map=' + (Math.round(z * 100) / 100) + '/' + c.lat.toFixed(5) + '/' + c.lng.toFixed(5)];
      if (core.catOn.some(function (on) { return !on; })) {
        parts.push('cat=' + encodeList(D.categories.filter(function (x, ci) { return core.catOn[ci]; })
                                       .map(function (x) { return x.slug; })));
      }
      var arts = listed('articles'), srcs = listed('sources');
      if (arts) { parts.push('art=' + encodeList(arts)); }
      if (srcs) { parts.push('src=' + encodeList(srcs)); }
      if (time && CM.timeWindow) {
        var w = CM.timeWindow();
        if (w.from !== time.def[0] || w.to !== time.def[1]) {
          parts.push('from=' + isoDay(w.from)); parts.push('to=' + isoDay(w.to));
        }
        if (!w.undated) { parts.push('undated=0'); }
      }
      if (selected !== null) { parts.push('claim=' + encodeURIComponent(selected)); }
      return '#' + parts.join('&');
    }
    function writeHash() {
      if (!CM.ready) { return; }
      var h = hashText();
      if (h === location.hash) { return; }
      try { history.replaceState(history.state, '', h); } catch (e) { location.replace(h); }
    }
    var hashSoon = null;
    function writeHashSoon() {
      if (hashSoon) { clearTimeout(hashSoon); }
      hashSoon = setTimeout(function () { hashSoon = null; writeHash(); }, 120);
    }
    CM.hash = hashText;
    function readHash(text) {
      var out = {};
      (text || '').replace(/^#/, '').split('&').forEach(function (kv) {
        var i = kv.indexOf('=');
        if (i > 0) { out[kv.slice(0, i)] = kv.slice(i + 1); }
      });
      return out;
    }
    /* the state a hash names: filters now (before the claims are drawn), view and claim */
    function applyHash(h, initial) {
      if (h.cat !== undefined) {
        var on = {};
        decodeList(h.cat).forEach(function (s) { if (slugCat[s] !== undefined) { on[slugCat[s]] = true; } });
        core.categoryToggles.forEach(function (t, ci) {
          if (on[ci] && !map.hasLayer(t)) { map.addLayer(t); }
          if (!on[ci] && map.hasLayer(t)) { map.removeLayer(t); }
          core.catOn[ci] = !!on[ci];
        });
      }
      if (h.art !== undefined) { setList('articles', C.article, decodeList(h.art)); }
      if (h.src !== undefined) { setList('sources', C.source, decodeList(h.src)); }
      if (time && (h.from || h.to || h.undated)) {
        var a = dayOf(h.from) !== null ? dayOf(h.from) : time.def[0];
        var b = dayOf(h.to) !== null ? dayOf(h.to) : time.def[1];
        time.set(a, b, h.undated !== '0', initial);
      }
      var v = /^(-?[\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)$/.exec(h.map || '');
      if (v && isFinite(+v[1]) && isFinite(+v[2]) && isFinite(+v[3])) {
        var view = {center: [Math.max(-85, Math.min(85, +v[2])), +v[3]], zoom: Math.max(1, Math.min(18, +v[1]))};
        if (initial) { core.initialView = view; } else { map.setView(view.center, view.zoom, {animate: false}); }
      }
      if (!initial) { core.refresh(); }
      if (h.claim) {
        var id = decodeList(h.claim)[0], linkedView = !!v;
        var open = function () {
          var i = core.claimById[id];
          if (i === undefined || !core.shown[i]) { return; }
          if (!linkedView) { CM.openClaim(id); selected = id; return; }
          /* the view is the link's: open the card where the claim is, without zooming to
             it or panning the map */
          var mk = core.markers[i], popup = core.popup;
          popup.options.autoPan = false;
          if (core.claims.getVisibleParent(mk) === mk) { core.openClaimPopup(mk); } else {
            popup.options.offset = L.point(0, -30);
            popup.setLatLng(mk.getLatLng()).setContent(core.claimCardOf(i));
            map.openPopup(popup);
          }
          popup.options.autoPan = true;
          selected = id;
        };
        if (initial) { core.whenReady.push(open); } else { open(); }
      }
    }
    applyHash(readHash(location.hash), true);
    window.addEventListener('hashchange', function () {
      if (location.hash !== hashText()) { applyHash(readHash(location.hash), false); }
    });
    map.on('moveend zoomend overlayadd overlayremove', writeHashSoon);
    core.onRefresh.push(writeHashSoon);
    map.on('popupopen', function (e) {
      var node = e.popup.getElement && e.popup.getElement();
      var card = node && node.querySelector('.cm-card-claim');
      selected = card ? card.getAttribute('data-claim-id') : null;
      writeHashSoon();
    });
    map.on('popupclose', function () { selected = null; writeHashSoon(); });
    core.whenReady.push(function () {
      core.onRefresh.forEach(function (f) { if (f !== writeHashSoon) { f(); } });
      writeHashSoon();
    });

    /* -------------------------------------------------- a web base map that cannot load */
    var alertBox = el('div', 'cm-alert');
    alertBox.setAttribute('role', 'alert');
    alertBox.style.display = 'none';
    var alertText = el('span', null, null, alertBox);
    var back = el('button', 'cm-alert-back', 'Use the offline outline', alertBox);
    back.type = 'button';
    map.getContainer().appendChild(alertBox);
    L.DomEvent.disableClickPropagation(alertBox);
    var baseName = {}, failing = null;
    Object.keys(core.bases).forEach(function (name) {
      var layer = core.bases[name];
      baseName[L.stamp(layer)] = name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"').replace(/&#39;/g, "'");
      if (!layer.on || layer === core.offlineBase) { return; }
      layer.on('tileerror', function () {
        if (!map.hasLayer(layer)) { return; }
        failing = layer;
        alertText.textContent = baseName[L.stamp(layer)] + ' cannot load (no network, or the ' +
          'server refused): the offline outline is shown underneath.';
        alertBox.style.display = '';
      });
      layer.on('tileload', function () { if (failing === layer) { alertBox.style.display = 'none'; failing = null; } });
    });
    map.on('baselayerchange', function () {
      alertBox.style.display = 'none'; failing = null;
      if (!map.hasLayer(core.outline)) { map.addLayer(core.outline); }
    });
    back.addEventListener('click', function () {
      Object.keys(core.bases).forEach(function (name) {
        var layer = core.bases[name];
        if (layer !== core.offlineBase && map.hasLayer(layer)) { map.removeLayer(layer); }
      });
      map.addLayer(core.offlineBase);
      alertBox.style.display = 'none';
      core.layerControl._update();
    });
    CM.baseMapAlert = function () { return alertBox.style.display === 'none' ? '' : alertText.textContent; };

    /* ------------------------------------------------------------------- layout */
    function controlsOf(corner) {
      var c = map._controlCorners[corner];
      return c ? Array.prototype.filter.call(c.children, function (e) { return e.offsetWidth && e.offsetHeight; }) : [];
    }
    function meet(a, b) {
      return Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0 &&
             Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0;
    }
    /* which corners' controls overlap another corner's */
    function clashes() {
      var corners = ['topleft', 'topright', 'bottomleft', 'bottomright'], rects = {}, out = {};
      corners.forEach(function (k) {
        rects[k] = controlsOf(k).map(function (e) { return e.getBoundingClientRect(); });
      });
      corners.forEach(function (a, i) {
        corners.slice(i + 1).forEach(function (b) {
          rects[a].forEach(function (ra) {
            rects[b].forEach(function (rb) { if (meet(ra, rb)) { out[a] = out[b] = true; } });
          });
        });
      });
      return out;
    }
    /* the attribution wraps beside the bottom-left controls instead of running under them */
    function fitAttribution() {
      var attr = map.getContainer().querySelector('.leaflet-control-attribution');
      if (!attr) { return; }
      var left = 0;
      controlsOf('bottomleft').forEach(function (e) { left = Math.max(left, e.offsetWidth + 10); });
      attr.style.maxWidth = Math.max(120, map.getSize().x - left - 20) + 'px';
    }
    function fold() {
      fitAttribution();
      var container = map.getContainer();
      var order = panels.slice().reverse().concat([container.querySelector('.cm-legend'),
                                                   container.querySelector('.cm-title')]);
      for (var guard = 0; guard < 12; guard++) {
        var c = clashes();
        if (!Object.keys(c).length) { return; }
        var done = order.some(function (p) {
          if (!p || !p.open) { return false; }
          var corner = p.parentNode && Object.keys(map._controlCorners).filter(function (k) {
            return map._controlCorners[k] === p.parentNode;
          })[0];
          if (!c[corner]) { return false; }
          p.open = false;
          return true;
        });
        if (!done) {
          var lc = container.querySelector('.leaflet-control-layers-expanded');
          if (lc && c.topright) { core.layerControl.options.collapsed = true; core.layerControl.collapse(); continue; }
          return;
        }
        fitAttribution();
      }
    }
    CM.fold = fold;
    core.late.push(function () {
      [map.getContainer().querySelector('.cm-legend'),
       map.getContainer().querySelector('.cm-title')].forEach(function (p) {
        if (!p) { return; }
        p.addEventListener('toggle', function () {
          if (!narrow || !p.open) { return; }
          panels.forEach(function (q) { if (q.open) { q.open = false; } });
          [map.getContainer().querySelector('.cm-legend'),
           map.getContainer().querySelector('.cm-title')].forEach(function (q) {
            if (q && q !== p && q.open) { q.open = false; }
          });
        });
      });
      if (narrow) {
        panels.concat([map.getContainer().querySelector('.cm-legend'),
                       map.getContainer().querySelector('.cm-title')]).forEach(function (p) {
          if (p) { p.open = false; }
        });
      }
      fold();
    });
    map.on('resize', fold);
  });
}());
