// Draws the charts of a page (the dashboard, an operation) from the JSON its
// .charts[data-source] names, with ECharts (canvas, no inline style).
"use strict";
(function () {
function drawCharts(root) {
  if (!root || !window.echarts) { return; }
  var locale = root.dataset.locale || "en";
  var numbers = new Intl.NumberFormat(locale);
  var compact = new Intl.NumberFormat(locale, { notation: "compact" });
  var palette = ["#0b5cad", "#e07b00", "#17662f", "#a4121c", "#6a3d9a", "#00838f", "#8c564b"];

  var words = {};
  function word(code) { return words[code] || String(code); }

  function bar(element, rows, horizontal) {
    var labels = rows.map(function (r) { return word(r[0]); });
    var values = rows.map(function (r) { return Number(r[1]); });
    var category = { type: "category", data: labels, axisLabel: { interval: 0, hideOverlap: true } };
    var value = { type: "value", axisLabel: { formatter: function (v) { return numbers.format(v); } } };
    var chart = echarts.init(element, null, { renderer: "canvas", locale: locale === "zh" ? "ZH" : "EN" });
    chart.setOption({
      color: palette,
      grid: { left: horizontal ? 110 : 50, right: 20, top: 10, bottom: 40 },
      tooltip: { trigger: "axis", valueFormatter: function (v) { return numbers.format(v); } },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? Object.assign(category, { inverse: true }) : value,
      series: [{ type: "bar", data: values }]
    });
    return chart;
  }

  function line(element, rows) {
    var chart = echarts.init(element);
    chart.setOption({
      color: palette,
      grid: { left: 50, right: 20, top: 10, bottom: 40 },
      tooltip: { trigger: "axis", valueFormatter: function (v) { return numbers.format(v); } },
      xAxis: { type: "category", data: rows.map(function (r) { return r[0]; }) },
      yAxis: { type: "value" },
      series: [{ type: "line", areaStyle: {}, data: rows.map(function (r) { return r[1]; }) }]
    });
    return chart;
  }

  function money(element, rows) {
    // each currency is its own unit: one bar per currency, labelled in the viewer's locale
    var chart = echarts.init(element);
    chart.setOption({
      color: palette,
      grid: { left: 60, right: 20, top: 10, bottom: 30, containLabel: true },
      tooltip: {
        trigger: "item",
        formatter: function (p) {
          var text = new Intl.NumberFormat(locale, { style: "currency", currency: p.name }).format(p.value);
          return p.name + ": " + text;
        }
      },
      xAxis: { type: "value", scale: false, axisLabel: { formatter: function (v) { return compact.format(v); } } },
      yAxis: { type: "category", inverse: true, data: rows.map(function (r) { return r[0]; }) },
      series: [{ type: "bar", data: rows.map(function (r) { return Number(r[1]); }) }]
    });
    return chart;
  }

  function units(element, rows) {
    // every unit on one chart: reports, arrests and rescues side by side, units as rows
    var series = [["reports", 1], ["arrested", 2], ["rescued", 3]];
    var chart = echarts.init(element);
    chart.setOption({
      color: palette,
      legend: { top: 0 },
      grid: { left: 10, right: 20, top: 30, bottom: 20, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" },
                 valueFormatter: function (v) { return numbers.format(v); } },
      xAxis: { type: "value", axisLabel: { formatter: function (v) { return compact.format(v); } } },
      yAxis: { type: "category", inverse: true, axisLabel: { interval: 0 },
               data: rows.map(function (r) { return word(r[0]); }) },
      series: series.map(function (s) {
        return { name: root.dataset[s[0]] || s[0], type: "bar",
                 data: rows.map(function (r) { return Number(r[s[1]]); }) };
      })
    });
    return chart;
  }

  function empty(element) {
    element.textContent = root.dataset.empty;
    element.classList.add("muted");
  }

  fetch(root.dataset.source, { credentials: "same-origin", headers: { "Accept": "application/json" } })
    .then(function (answer) { return answer.json(); })
    .then(function (data) {
      var charts = [];
      words = data.labels || {};
      root.querySelectorAll("[data-chart]").forEach(function (element) {
        var name = element.dataset.chart;
        var rows = data[name] || [];
        if (!rows.length) { empty(element); return; }
        if (name === "reports_by_month") { charts.push(line(element, rows)); }
        else if (name === "losses") { charts.push(money(element, rows)); }
        else if (name === "units") { charts.push(units(element, rows)); }
        else { charts.push(bar(element, rows, name === "scam_types" || name === "countries")); }
      });
      var waiting = document.getElementById("waiting");
      if (waiting) { waiting.textContent = numbers.format(data.waiting_packages || 0); }
      window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
      root.dataset.ready = "true";
    });
}
document.querySelectorAll(".charts[data-source]").forEach(drawCharts);
})();
