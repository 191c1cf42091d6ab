/* Netra statistics charts: reads the page's JSON block (#stats-data) and draws every [data-chart] element with the
   vendored Apache ECharts. No inline script or style is needed, so it runs under the strict CSP. The numbers also
   stay in the page's tables, so nothing depends on this file. */
(function () {
  "use strict";
  var block = document.getElementById("stats-data");
  if (!block || !window.echarts) { return; }
  var data = JSON.parse(block.textContent);
  var tables = data.tables;
  var en = document.documentElement.lang === "en";
  var SMALL = "<5", HIDDEN = en ? "hidden" : "disembunyikan";
  var BLUE = "#1f6feb";
  var charts = [];

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
    return row[(column || "count") + "_suppressed"] ? hiddenLabel(row, column) : (value(row, column) === null ? "—" : value(row, column));
  }
  function make(el, option) {
    var chart = window.echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(option);
    charts.push(chart);
    return chart;
  }
  function bars(el, rows, opts) {
    opts = opts || {};
    var column = opts.column || "count";
    rows = rows.slice(0, opts.limit || rows.length);
    if (opts.horizontal) { rows = rows.slice().reverse(); }
    var names = rows.map(label);
    var values = rows.map(function (r) { return { value: value(r, column), shown: shown(r, column), row: r }; });
    var category = { type: "category", data: names, axisLabel: { width: 160, overflow: "truncate" } };
    var numeric = { type: "value", minInterval: 1 };
    var series = [{ type: "bar", data: values, itemStyle: { color: opts.color || BLUE },
      label: { show: true, position: opts.horizontal ? "right" : "top", formatter: function (p) { return p.data.shown; } } }];
    if (opts.second) {
      series.push({ type: "bar", name: opts.second.name, data: rows.map(function (r) {
        return { value: value(r, opts.second.column), shown: shown(r, opts.second.column) }; }),
        itemStyle: { color: "#d1242f" },
        label: { show: true, position: opts.horizontal ? "right" : "top", formatter: function (p) { return p.data.shown; } } });
      series[0].name = opts.first;
    }
    return make(el, {
      grid: { left: opts.horizontal ? 170 : 40, right: 40, top: opts.second ? 30 : 20, bottom: opts.horizontal ? 20 : 60 },
      legend: opts.second ? { top: 0 } : undefined,
      tooltip: { trigger: "item", formatter: function (p) { return p.name + ": " + p.data.shown; } },
      xAxis: opts.horizontal ? numeric : Object.assign(category, { axisLabel: { rotate: 30, width: 110, overflow: "truncate" } }),
      yAxis: opts.horizontal ? category : numeric,
      series: series
    });
  }

  function trend(el) {
    var rows = tables.week.rows.filter(function (r) { return r.key !== "unknown"; });
    var stages = (tables.week.meta && tables.week.meta.stages) || [];
    var palette = ["rgba(31,111,235,0.08)", "rgba(210,153,34,0.14)", "rgba(209,36,47,0.12)", "rgba(26,127,55,0.12)"];
    var keys = rows.map(function (r) { return r.key; });
    function weekOf(day) { // the Monday of the week holding `day`, as on the axis
      var d = new Date(day + "T00:00:00Z");
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      return d.toISOString().slice(0, 10);
    }
    var areas = stages.filter(function (s) { return s.end >= (keys[0] || "") && s.start <= (keys[keys.length - 1] || ""); })
      .map(function (s, i) {
        var from = weekOf(s.start), to = weekOf(s.end);
        if (keys.indexOf(from) < 0) { from = keys[0]; }
        if (keys.indexOf(to) < 0) { to = keys[keys.length - 1]; }
        return [{ name: (en ? s.name_en : s.name_id), xAxis: from, itemStyle: { color: palette[i % palette.length] },
                  label: { position: "insideTop", fontSize: 10, rotate: 90, align: "left", distance: 4 } }, { xAxis: to }];
      });
    make(el, {
      grid: { left: 45, right: 20, top: 20, bottom: 50 },
      tooltip: { trigger: "axis", formatter: function (ps) { var p = ps[0]; return p.name + ": " + p.data.shown; } },
      xAxis: { type: "category", data: keys, axisLabel: { rotate: 30, hideOverlap: true } },
      yAxis: { type: "value", minInterval: 1 },
      dataZoom: keys.length > 40 ? [{ type: "slider", height: 16, bottom: 4 }] : undefined,
      series: [{ type: "bar", data: rows.map(function (r) { return { value: value(r), shown: shown(r) }; }),
                 itemStyle: { color: BLUE }, markArea: { silent: true, data: areas } }]
    });
  }

  // Provinces coloured by cases or by cases per 10,000 civil servants (the buttons [data-map-mode]); regencies and
  // cities as dots at their seats, sized by cases (no open regency boundaries exist to draw them as areas).
  function map(el) {
    var merge = { "93": "91", "94": "91", "95": "91", "96": "92" }; // 2022 Papuan provinces inside their former one
    var totals = {}, hidden = {}, names = {}, workforce = {};
    tables.province.rows.forEach(function (r) {
      var code = merge[r.key] || r.key;
      names[code] = names[code] || r.name;
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
                 shown: r.count_suppressed ? hiddenLabel(r) : (rated ? (r.per_10k === null ? "—" : r.per_10k) : shown(r)) };
      });
    }
    function provinceData(mode) {
      return Object.keys(Object.assign({}, totals, hidden)).map(function (code) {
        var rate = !hidden[code] && workforce[code] ? Math.round(totals[code] * 1000000 / workforce[code]) / 100 : null;
        var v = mode === "rate" ? rate : (hidden[code] ? null : totals[code]);
        return { name: code, value: v, label: names[code],
                 shown: hidden[code] ? hiddenLabel(hidden[code]) : (mode === "rate" ? (rate === null ? "—" : rate) : totals[code]) };
      });
    }
    var unit = (tables.province.meta && tables.province.meta.workforce) || null;
    function option(mode) {
      var data = provinceData(mode), dots = dotData(mode);
      var dotMax = Math.max.apply(null, dots.map(function (d) { return d.value[2]; }).concat([0.01]));
      var max = Math.max.apply(null, data.map(function (p) { return p.value || 0; }).concat([mode === "rate" ? 0.01 : 1]));
      var per = unit ? (en ? " per 10,000 " + unit.label_en : " per 10.000 " + unit.label_id) : "";
      return {
        animation: false, // drawn at once, so the page (and a screenshot) shows the dots as soon as it is ready
        tooltip: { trigger: "item", formatter: function (p) {
          if (p.seriesType === "scatter") { return p.data.name + ": " + p.data.shown; }
          return p.data ? (p.data.label + ": " + p.data.shown + (mode === "rate" ? per : "")) : p.name + ": 0"; } },
        geo: { map: "indonesia-provinces", roam: true, left: 8, right: 8, top: "middle",
               itemStyle: { areaColor: "#f2f4f7", borderColor: "#8c959f", borderWidth: 0.5 },
               emphasis: { label: { show: false } }, select: { disabled: true } },
        visualMap: [{ seriesIndex: 0, min: 0, max: max, left: 0, bottom: 0, calculable: true, itemHeight: 90,
                      precision: mode === "rate" ? 2 : 0, inRange: { color: ["#dbe9ff", "#1f6feb", "#0a3069"] } },
                    { seriesIndex: 1, dimension: 2, min: 0, max: dotMax, show: false,
                      inRange: { color: ["#f5d48a", "#d29922", "#9a3412"] } }],
        series: [
          { type: "map", geoIndex: 0, data: data },
          { type: "scatter", coordinateSystem: "geo", data: dots, z: 5,
            symbolSize: function (v) { return v[2] ? 3 + 12 * Math.sqrt(v[2] / dotMax) : 3; },
            itemStyle: { borderColor: "#fff", borderWidth: 0.5, opacity: 0.9 } }
        ]
      };
    }
    fetch(el.getAttribute("data-map")).then(function (r) { return r.text(); }).then(function (svg) {
      window.echarts.registerMap("indonesia-provinces", { svg: svg });
      var chart = make(el, option("count"));
      Array.prototype.forEach.call(document.querySelectorAll("[data-map-mode]"), function (button) {
        button.addEventListener("click", function () {
          var mode = button.getAttribute("data-map-mode");
          chart.setOption(option(mode), true);
          el.setAttribute("data-mode", mode);
          Array.prototype.forEach.call(document.querySelectorAll("[data-map-mode]"), function (b) {
            b.setAttribute("aria-pressed", b === button ? "true" : "false"); });
        });
      });
      el.setAttribute("data-mode", "count");
      el.setAttribute("data-ready", "1");
    });
  }

  function funnel(el) {
    var rows = tables.funnel.rows;
    make(el, {
      grid: { left: 170, right: 60, top: 10, bottom: 20 },
      tooltip: { trigger: "item", formatter: function (p) {
        var r = p.data.row, m = r.median_days;
        return label(r) + ": " + p.data.shown + (m !== null && m !== undefined ? " (median " + m + (en ? " days)" : " hari)") : "");
      } },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", inverse: true, data: rows.map(label) },
      series: [{ type: "bar", data: rows.map(function (r) { return { value: value(r), shown: shown(r), row: r }; }),
                 itemStyle: { color: BLUE },
                 label: { show: true, position: "right", formatter: function (p) {
                   var m = p.data.row.median_days;
                   return p.data.shown + (m !== null && m !== undefined ? " · " + m + (en ? " d" : " hr") : ""); } } }]
    });
  }

  var draw = {
    week: trend, map: map, funnel: funnel,
    regency: function (el) { bars(el, tables.regency.rows.slice().sort(function (a, b) { return (b.count || 0) - (a.count || 0); }), { horizontal: true, limit: 15 }); },
    status_group: function (el) { bars(el, tables.status_group.rows); },
    family: function (el) { bars(el, tables.family.rows, { horizontal: true }); },
    channel: function (el) { bars(el, tables.channel.rows.concat(tables.origin.rows)); },
    position: function (el) { bars(el, tables.position.rows, { horizontal: true }); },
    overdue_clock: function (el) { bars(el, tables.overdue_clock.rows, { horizontal: true, color: "#d1242f" }); },
    overdue_agency: function (el) { bars(el, tables.overdue_agency.rows, { horizontal: true, limit: 10, color: "#d1242f" }); },
    overdue_ppk: function (el) { bars(el, tables.overdue_ppk.rows, { horizontal: true, limit: 10, color: "#d1242f" }); },
    overdue_province: function (el) { bars(el, tables.overdue_province.rows, { horizontal: true, limit: 15, color: "#d1242f" }); },
    rules: function (el) {
      bars(el, tables.rules.rows, { horizontal: true, limit: 10, column: "recommended",
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
