/* Netra statistics charts: reads the page's JSON block (#stats-data) and draws every [data-chart] element with the
   vendored Apache ECharts. No inline script or style is needed, so it runs under the strict CSP. The numbers also
   stay in the page's tables, so nothing depends on this file. Every number is written the reader's way
   (Intl.NumberFormat: 1.234,5 in Indonesian), on bars, axes and tooltips alike. */
(function () {
  "use strict";
  var block = document.getElementById("stats-data");
  if (!block || !window.echarts) { return; }
  var data = JSON.parse(block.textContent);
  var tables = data.tables;
  var en = document.documentElement.lang === "en";
  var locale = en ? "en-US" : "id-ID";
  var integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  var decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  var monthYear = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
  var dayMonth = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  var SMALL = "<5", HIDDEN = en ? "hidden" : "disembunyikan";
  var BLUE = "#1f6feb", RED = "#d1242f";
  var charts = [];

  function fmt(n) {
    if (n === null || n === undefined || n === "") { return "—"; }
    return Number.isInteger(n) ? integer.format(n) : decimal.format(n);
  }
  function label(row) {
    if (row.label_id) { return en ? row.label_en : row.label_id; }
    if (row.title_id) { return row.key; }
    if (row.name) { return row.name; }
    return row.key === "unknown" ? (en ? "Unknown" : "Tidak diketahui") : row.key;
  }
  function value(row, column) {
    var v = row[column || "count"];
    return v === null || v === undefined ? null : v;
  }
  // A withheld count reads "<5" only when it really is under 5; cells hidden to protect another read "hidden".
  function hiddenLabel(row, column) {
    return row[(column || "count") + "_suppression"] === "primary" ? SMALL : HIDDEN;
  }
  function shown(row, column) {
    return row[(column || "count") + "_suppressed"] ? hiddenLabel(row, column) : fmt(value(row, column));
  }
  function make(el, option) {
    var chart = window.echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(option);
    charts.push(chart);
    return chart;
  }
  function numericAxis() {
    return { type: "value", minInterval: 1, axisLabel: { formatter: fmt, hideOverlap: true } };
  }
  // Category labels get the room the chart has: a third of a phone's width, up to 170 px on a desk.
  function labelWidth(el) { return Math.max(90, Math.min(170, Math.round(el.clientWidth * 0.36))); }

  function bars(el, rows, opts) {
    opts = opts || {};
    var column = opts.column || "count";
    rows = rows.slice(0, opts.limit || rows.length);
    var horizontal = opts.horizontal !== false;
    if (horizontal) { rows = rows.slice().reverse(); }
    var width = labelWidth(el);
    var names = rows.map(label);
    var category = horizontal
      ? { type: "category", data: names, axisLabel: { width: width, overflow: "truncate", interval: 0 } }
      : { type: "category", data: names, axisLabel: { interval: 0, overflow: "break",
          width: Math.max(40, Math.floor((el.clientWidth - 60) / Math.max(rows.length, 1)) - 6) } };
    function series(col, name, color) {
      return { type: "bar", name: name, itemStyle: { color: color },
        // A hidden count draws no bar but keeps its label ("<5" or "hidden"), so the reader sees why.
        data: rows.map(function (r) { return { value: value(r, col) === null ? 0 : value(r, col), shown: shown(r, col), row: r }; }),
        label: { show: true, position: horizontal ? "right" : "top", formatter: function (p) { return p.data.shown; } } };
    }
    var all = [series(column, opts.first, opts.color || BLUE)];
    if (opts.second) { all.push(series(opts.second.column, opts.second.name, RED)); }
    return make(el, {
      grid: { left: horizontal ? width + 12 : 40, right: 48, top: opts.second ? 30 : 16, bottom: horizontal ? 24 : 56,
              containLabel: false },
      legend: opts.second ? { top: 0 } : undefined,
      tooltip: { trigger: "item", formatter: function (p) { return p.name + ": " + p.data.shown; } },
      xAxis: horizontal ? numericAxis() : category,
      yAxis: horizontal ? category : numericAxis(),
      series: all
    });
  }

  // Cases by week. The axis spans the weeks that hold cases, first to last; a run of empty weeks longer than
  // GAP is drawn as one narrow "…" slot (its tooltip says how long), so a quiet stretch between two elections, or
  // one stray report months away, no longer leaves most of the axis empty. Months label the axis (one label per
  // month, dropped where they would overlap); the election stages are shaded, named in the tooltip and in the
  // list under the chart (labels inside narrow bands would overlap on a phone).
  var GAP = 6;
  function trend(el) {
    var rows = tables.week.rows.filter(function (r) { return r.key !== "unknown"; });
    if (!rows.length) { return; }
    var stages = (tables.week.meta && tables.week.meta.stages) || [];
    var slots = [], run = [];
    function flush() {
      if (run.length >= GAP) {
        slots.push({ gap: true, from: run[0].key, to: run[run.length - 1].key, weeks: run.length });
      } else {
        run.forEach(function (r) { slots.push({ row: r, from: r.key, to: r.key }); });
      }
      run = [];
    }
    rows.forEach(function (r) {
      if (r.count === 0 && !r.count_suppressed) { run.push(r); } else { flush(); slots.push({ row: r, from: r.key, to: r.key }); }
    });
    flush();
    function day(iso) { return new Date(iso + "T00:00:00Z"); }
    function plusDays(iso, n) { var d = day(iso); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); }
    var keys = slots.map(function (s, i) { return s.gap ? "…" + i : s.from; });
    var lastMonth = null;
    var monthLabels = slots.map(function (s) {
      if (s.gap) { lastMonth = null; return ""; }
      var month = s.from.slice(0, 7);
      if (month === lastMonth) { return ""; }
      lastMonth = month;
      return monthYear.format(day(s.from));
    });
    function stagesOf(s) {
      var end = plusDays(s.to, 6);
      return stages.filter(function (st) { return st.start <= end && st.end >= s.from; })
        .map(function (st) { return en ? st.name_en : st.name_id; });
    }
    var palette = ["rgba(31,111,235,0.10)", "rgba(210,153,34,0.16)", "rgba(209,36,47,0.12)", "rgba(26,127,55,0.14)"];
    var areas = [];
    stages.forEach(function (st, i) {
      var first = -1, last = -1;
      slots.forEach(function (s, j) {
        if (!s.gap && st.start <= plusDays(s.to, 6) && st.end >= s.from) { if (first < 0) { first = j; } last = j; }
      });
      if (first >= 0) {
        areas.push([{ xAxis: keys[first], itemStyle: { color: palette[i % palette.length] } }, { xAxis: keys[last] }]);
      }
    });
    make(el, {
      grid: { left: 48, right: 12, top: 16, bottom: 36 },
      tooltip: { trigger: "axis", formatter: function (ps) {
        var s = slots[ps[0].dataIndex];
        if (s.gap) {
          return (en ? s.weeks + " weeks without cases" : s.weeks + " minggu tanpa perkara") + "<br>" +
            dayMonth.format(day(s.from)) + " – " + dayMonth.format(day(plusDays(s.to, 6)));
        }
        var names = stagesOf(s);
        return (en ? "Week of " : "Minggu ") + dayMonth.format(day(s.from)) + ": <b>" + shown(s.row) + "</b>" +
          (names.length ? "<br>" + names.join(", ") : "");
      } },
      xAxis: { type: "category", data: keys, axisTick: { alignWithLabel: true },
               axisLabel: { interval: 0, hideOverlap: true, formatter: function (v, i) { return monthLabels[i]; } } },
      yAxis: numericAxis(),
      series: [{ type: "bar", barCategoryGap: "20%", itemStyle: { color: BLUE },
                 data: slots.map(function (s) {
                   return s.gap ? { value: 0, itemStyle: { color: "transparent" } } : { value: value(s.row) };
                 }),
                 markArea: { silent: true, label: { show: false }, data: areas } }]
    });
  }

  // Provinces coloured by cases or by cases per 10,000 civil servants (the buttons [data-map-mode]); regencies and
  // cities as dots at their seats, sized by cases (no open regency boundaries exist to draw them as areas). The
  // four Papuan provinces of 2022 have no shape of their own in any openly licensed map we could vendor: they are
  // drawn inside their former province, whose tooltip names each of them with its own figure.
  var PARTS = { "93": "91", "94": "91", "95": "91", "96": "92" };
  var VIEW = { x: 0, y: 29, width: 793, height: 288 };  // the vendored SVG's viewBox

  function boxes(svg) {
    var out = {};
    var re = /<path id="p(\d+)"[^>]* d="([^"]+)"/g, m;
    while ((m = re.exec(svg)) !== null) {
      var nums = m[2].match(/-?\d+(\.\d+)?/g).map(Number), b = [Infinity, Infinity, -Infinity, -Infinity];
      for (var i = 0; i + 1 < nums.length; i += 2) {
        b = [Math.min(b[0], nums[i]), Math.min(b[1], nums[i + 1]), Math.max(b[2], nums[i]), Math.max(b[3], nums[i + 1])];
      }
      out[m[1]] = b;
    }
    return out;
  }

  function map(el) {
    var totals = {}, hidden = {}, names = {}, workforce = {}, parts = {};
    tables.province.rows.forEach(function (r) {
      var code = PARTS[r.key] || r.key;
      names[r.key] = r.name;
      (parts[code] = parts[code] || []).push(r);
      if (r.count_suppressed) { hidden[code] = r; } else { totals[code] = (totals[code] || 0) + (r.count || 0); }
      if (r.workforce) { workforce[code] = (workforce[code] || 0) + r.workforce; }
    });
    var points = (tables.regency.meta && tables.regency.meta.points) || {};
    // In rate mode a dot shows its regency's rate when the installed civil-servant table has that regency.
    var regencyRates = tables.regency.rows.some(function (r) { return r.per_10k !== null && r.per_10k !== undefined; });
    function dotData(mode) {
      return tables.regency.rows.filter(function (r) { return points[r.key]; }).map(function (r) {
        var rated = mode === "rate" && regencyRates;
        var v = r.count_suppressed ? 0 : (rated ? (r.per_10k || 0) : (r.count || 0));
        return { name: r.name, value: points[r.key].concat([v]),
                 shown: r.count_suppressed ? hiddenLabel(r) : (rated ? fmt(r.per_10k) : shown(r)) };
      });
    }
    function provinceData(mode) {
      return Object.keys(parts).map(function (code) {
        var rate = !hidden[code] && workforce[code] ? Math.round(totals[code] * 1000000 / workforce[code]) / 100 : null;
        var v = mode === "rate" ? rate : (hidden[code] ? null : totals[code]);
        var text = hidden[code] ? hiddenLabel(hidden[code]) : (mode === "rate" ? fmt(rate) : fmt(totals[code]));
        var detail = parts[code].length > 1 ? parts[code].map(function (r) { return r.name + " " + shown(r); }).join("<br>") : "";
        return { name: code, value: v, label: names[code] || code, shown: text, detail: detail };
      });
    }
    var unit = (tables.province.meta && tables.province.meta.workforce) || null;
    var chosen = data.zoom || "";  // the province filtered on, or an officer's only province
    chosen = PARTS[chosen] || chosen;

    function option(mode, box) {
      var rows = provinceData(mode), dots = dotData(mode);
      var dotMax = Math.max.apply(null, dots.map(function (d) { return d.value[2]; }).concat([0.01]));
      var max = Math.max.apply(null, rows.map(function (p) { return p.value || 0; }).concat([mode === "rate" ? 0.01 : 1]));
      var per = unit ? (en ? " per 10,000 " + unit.label_en : " per 10.000 " + unit.label_id) : "";
      // The whole map fits the box (it is 2.75 times as wide as tall); a chosen province fills most of it.
      var w = el.clientWidth - 16, h = el.clientHeight - 16;
      var geo = { map: "indonesia-provinces", roam: true, layoutCenter: ["50%", "50%"],
                  layoutSize: Math.max(50, Math.min(w, h * VIEW.width / VIEW.height)),
                  itemStyle: { areaColor: "#f2f4f7", borderColor: "#8c959f", borderWidth: 0.5 },
                  emphasis: { label: { show: false } }, select: { disabled: true } };
      if (box) {
        geo.center = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
        geo.zoom = Math.max(1, 0.8 * Math.min(VIEW.width / Math.max(box[2] - box[0], 1),
                                              VIEW.height / Math.max(box[3] - box[1], 1)));
      }
      return {
        animation: false, // drawn at once, so the page (and a screenshot) shows the dots as soon as it is ready
        tooltip: { trigger: "item", formatter: function (p) {
          if (p.seriesType === "scatter") { return p.data.name + ": " + p.data.shown; }
          if (!p.data) { return p.name + ": 0"; }
          return p.data.label + ": " + p.data.shown + (mode === "rate" && p.data.value !== null ? per : "") +
            (p.data.detail ? "<br><small>" + p.data.detail + "</small>" : "");
        } },
        geo: geo,
        visualMap: [{ seriesIndex: 0, min: 0, max: max, left: 0, bottom: 0, calculable: true, itemHeight: 80,
                      precision: mode === "rate" ? 2 : 0, formatter: function (v) { return fmt(mode === "rate" ? v : Math.round(v)); },
                      inRange: { color: ["#dbe9ff", "#1f6feb", "#0a3069"] } },
                    { seriesIndex: 1, dimension: 2, min: 0, max: dotMax, show: false,
                      inRange: { color: ["#f5d48a", "#d29922", "#9a3412"] } }],
        series: [
          { type: "map", geoIndex: 0, data: rows },
          { type: "scatter", coordinateSystem: "geo", data: dots, z: 5,
            symbolSize: function (v) { return v[2] ? 3 + 12 * Math.sqrt(v[2] / dotMax) : 3; },
            itemStyle: { borderColor: "#fff", borderWidth: 0.5, opacity: 0.9 } }
        ]
      };
    }
    fetch(el.getAttribute("data-map")).then(function (r) { return r.text(); }).then(function (svg) {
      window.echarts.registerMap("indonesia-provinces", { svg: svg });
      var box = chosen ? boxes(svg)[chosen] : null;
      var chart = make(el, option("count", box));
      Array.prototype.forEach.call(document.querySelectorAll("[data-map-mode]"), function (button) {
        button.addEventListener("click", function () {
          var mode = button.getAttribute("data-map-mode");
          chart.setOption(option(mode, box), true);
          el.setAttribute("data-mode", mode);
          Array.prototype.forEach.call(document.querySelectorAll("[data-map-mode]"), function (b) {
            b.setAttribute("aria-pressed", b === button ? "true" : "false"); });
        });
      });
      if (box) { el.setAttribute("data-zoomed", chosen); }
      el.setAttribute("data-mode", "count");
      el.setAttribute("data-ready", "1");
    });
  }

  function funnel(el) {
    var rows = tables.funnel.rows;
    var width = labelWidth(el);
    function median(r, long) {
      var m = r.median_days;
      if (m === null || m === undefined) { return ""; }
      return decimal.format(m) + (long ? (en ? " days" : " hari") : (en ? " d" : " hr"));
    }
    make(el, {
      grid: { left: width + 12, right: 96, top: 10, bottom: 24 },
      tooltip: { trigger: "item", formatter: function (p) {
        var r = p.data.row, m = median(r, true);
        return label(r) + ": " + p.data.shown + (m ? " (median " + m + ")" : "");
      } },
      xAxis: numericAxis(),
      yAxis: { type: "category", inverse: true, data: rows.map(label),
               axisLabel: { width: width, overflow: "truncate", interval: 0 } },
      series: [{ type: "bar", data: rows.map(function (r) {
                   // A hidden step shows the range the published figures already imply (e.g. 2.866–2.869).
                   var range = r.count_range;
                   return range ? { value: range[0], shown: fmt(range[0]) + (range[1] === null ? "+" : "–" + fmt(range[1])), row: r }
                                : { value: value(r) === null ? 0 : value(r), shown: shown(r), row: r }; }),
                 itemStyle: { color: BLUE },
                 label: { show: true, position: "right", formatter: function (p) {
                   var m = median(p.data.row);
                   return p.data.shown + (m ? " · " + m : ""); } } }]
    });
  }

  var draw = {
    week: trend, map: map, funnel: funnel,
    regency: function (el) { bars(el, tables.regency.rows.slice().sort(function (a, b) { return (b.count || 0) - (a.count || 0); }), { limit: 15 }); },
    status_group: function (el) { bars(el, tables.status_group.rows); },
    family: function (el) { bars(el, tables.family.rows); },
    channel: function (el) { bars(el, tables.channel.rows.concat(tables.origin.rows), { horizontal: false }); },
    position: function (el) { bars(el, tables.position.rows); },
    overdue_clock: function (el) { bars(el, tables.overdue_clock.rows, { color: RED }); },
    overdue_agency: function (el) { bars(el, tables.overdue_agency.rows, { limit: 10, color: RED }); },
    overdue_ppk: function (el) { bars(el, tables.overdue_ppk.rows, { limit: 10, color: RED }); },
    overdue_province: function (el) { bars(el, tables.overdue_province.rows, { limit: 15, color: RED }); },
    rules: function (el) {
      bars(el, tables.rules.rows, { limit: 10, column: "recommended",
        first: en ? "Recommended" : "Direkomendasikan", second: { column: "sanctioned", name: en ? "Sanctioned" : "Disanksi" } });
    }
  };
  Array.prototype.forEach.call(document.querySelectorAll("[data-chart]"), function (el) {
    var name = el.getAttribute("data-chart");
    if (draw[name] && (name === "map" || tables[name] || name === "week")) {
      try { draw[name](el); el.setAttribute("data-drawn", "1"); } catch (err) { el.setAttribute("data-error", String(err)); }
    }
  });
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
