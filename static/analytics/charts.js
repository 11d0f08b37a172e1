/* ParkPortal analytics charts: draws every <figure class="chart"> with the vendored ECharts.
 *
 * The figure carries its data table, which is the chart's text alternative and the fallback: when
 * ECharts did not load, nothing here runs and the table is all there is.
 *
 *   <figure class="chart" data-chart="bar|line" data-source="<json_script id>" data-unit="%">
 *   JSON: {"labels": [...], "series": [{"name": ..., "values": [number|null, ...]}],
 *          "links": [url|null, ...]}   (links optional, one per label: click to drill down)
 */
(function () {
  "use strict";

  // The same palette as analytics/svg.py: every colour has at least 4.5:1 contrast on white.
  var PALETTE = ["#0b5fa5", "#c2410c", "#0f766e", "#7e22ce", "#be185d", "#4d7c0f", "#92400e",
    "#52606d"];
  // Lines differ by dash as well as colour, for colour-blind readers.
  var DASHES = ["solid", [6, 4], [2, 3], [10, 3, 2, 3]];
  var TEXT = "#1f2933";
  var MUTED = "#52606d";
  var GRID = "#cbd2d9";
  var MIN_HEIGHT = 240;
  var MISSING = "—";
  var charts = [];

  var numberFormat = new Intl.NumberFormat(document.documentElement.lang || undefined, {
    maximumFractionDigits: 1,
  });

  function formatValue(value, unit) {
    if (value === null || value === undefined || value === "-" || isNaN(value)) {
      return MISSING;
    }
    return numberFormat.format(value) + unit;
  }

  // Phone: 12 px; wall screen (over 1200 px wide): 14 px; in between: 13 px.
  function fontSizeFor(width) {
    if (width < 600) {
      return 12;
    }
    return width > 1200 ? 14 : 13;
  }

  function readData(figure) {
    var source = document.getElementById(figure.getAttribute("data-source") || "");
    if (!source) {
      return null;
    }
    try {
      var data = JSON.parse(source.textContent);
      return Array.isArray(data.labels) && Array.isArray(data.series) ? data : null;
    } catch (error) {
      return null;
    }
  }

  // Only same-site or http(s) addresses are followed, whatever the JSON holds.
  function safeLink(data, index) {
    var link = data.links && data.links[index];
    if (!link) {
      return null;
    }
    try {
      var url = new URL(link, window.location.href);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  // "-" is ECharts' documented empty value: the line breaks there and no bar is drawn.
  function seriesData(values) {
    return values.map(function (value) {
      return value === null || value === undefined ? "-" : value;
    });
  }

  function percentMax(unit) {
    return unit === "%" ? function (extent) { return Math.max(100, extent.max); } : null;
  }

  function baseOption(chart, fontSize) {
    var many = chart.data.series.length > 1;
    var unit = chart.unit;
    return {
      animation: false,
      color: PALETTE,
      textStyle: { fontSize: fontSize, fontFamily: chart.fontFamily, color: TEXT },
      tooltip: {
        trigger: "axis",
        confine: true,
        textStyle: { fontSize: fontSize, color: TEXT },
        valueFormatter: function (value) { return formatValue(value, unit); },
      },
      // A scrolling legend keeps to one row, so the plot below it has a known top.
      legend: {
        show: many, type: "scroll", top: 0, left: 0,
        textStyle: { fontSize: fontSize, color: TEXT },
      },
      grid: {
        left: 8, right: 8, top: many ? fontSize * 2.5 + 8 : 8, bottom: 8,
        outerBoundsMode: "same", outerBoundsContain: "axisLabel",
      },
    };
  }

  function valueAxis(chart, fontSize) {
    var unit = chart.unit;
    return {
      type: "value",
      min: function (extent) { return Math.min(0, extent.min); },
      max: percentMax(unit),
      axisLabel: {
        fontSize: fontSize, color: MUTED, hideOverlap: true,
        formatter: function (value) { return formatValue(value, unit); },
      },
      splitLine: { lineStyle: { color: GRID } },
    };
  }

  // Horizontal bars: long Chinese names have the full width of a phone for their label column.
  function barOption(chart, width, fontSize) {
    var option = baseOption(chart, fontSize);
    var data = chart.data;
    var unit = chart.unit;
    var labelled = data.series.length <= 2;
    option.tooltip.axisPointer = { type: "shadow" };
    option.grid.right = labelled ? fontSize * 5 : 16;
    option.xAxis = valueAxis(chart, fontSize);
    option.yAxis = {
      type: "category",
      data: data.labels,
      inverse: true,  // the first label on top, as in the table
      triggerEvent: true,  // a tap on a label drills down too: bars can be thin on a phone
      axisTick: { show: false },
      axisLabel: {
        fontSize: fontSize, color: TEXT, overflow: "truncate", ellipsis: "…",
        width: Math.min(320, Math.round(width * 0.35)),
      },
    };
    option.series = data.series.map(function (serie) {
      return {
        type: "bar",
        name: serie.name,
        data: seriesData(serie.values),
        barMaxWidth: fontSize * 2,
        cursor: data.links ? "pointer" : "default",
        label: {
          show: labelled, position: "right", fontSize: fontSize, color: TEXT,
          formatter: function (params) { return formatValue(params.value, unit); },
        },
      };
    });
    return option;
  }

  function lineOption(chart, width, fontSize) {
    var option = baseOption(chart, fontSize);
    var data = chart.data;
    option.grid.right = 16;
    option.xAxis = {
      type: "category",
      data: data.labels,
      boundaryGap: false,
      axisLabel: { fontSize: fontSize, color: MUTED, hideOverlap: true },
      axisLine: { lineStyle: { color: MUTED } },
    };
    option.yAxis = valueAxis(chart, fontSize);
    option.series = data.series.map(function (serie, index) {
      return {
        type: "line",
        name: serie.name,
        data: seriesData(serie.values),
        connectNulls: false,
        symbol: "circle",
        symbolSize: 6,
        cursor: data.links ? "pointer" : "default",
        lineStyle: { width: 2, type: DASHES[index % DASHES.length] },
      };
    });
    return option;
  }

  // Bars: a row per label (more with several series); lines: wider screens get taller plots.
  function heightFor(chart, width, fontSize) {
    var data = chart.data;
    if (chart.kind === "bar") {
      var row = fontSize * (1.5 + data.series.length) + 8;
      var legend = data.series.length > 1 ? fontSize * 2.5 + 8 : 0;
      return Math.max(MIN_HEIGHT, Math.round(data.labels.length * row + legend + fontSize * 3));
    }
    return Math.round(Math.min(480, Math.max(MIN_HEIGHT, width * 0.4)));
  }

  function render(chart) {
    var width = chart.canvas.clientWidth;
    if (!width) {
      return;  // hidden (e.g. in a closed <details>): tried again on the next resize
    }
    var fontSize = fontSizeFor(width);
    chart.canvas.style.height = heightFor(chart, width, fontSize) + "px";
    if (!chart.instance) {
      chart.instance = window.echarts.init(chart.canvas, null, { renderer: "svg" });
      chart.instance.on("click", function (params) { drillDown(chart, params); });
    } else {
      chart.instance.resize();
    }
    var build = chart.kind === "bar" ? barOption : lineOption;
    chart.instance.setOption(build(chart, width, fontSize), { notMerge: true });
  }

  function drillDown(chart, params) {
    var index = params.dataIndex;
    if (params.componentType === "yAxis" || params.componentType === "xAxis") {
      index = chart.data.labels.indexOf(params.value);
    }
    var url = typeof index === "number" && index >= 0 ? safeLink(chart.data, index) : null;
    if (url) {
      window.location.assign(url);
    }
  }

  function setUp(figure) {
    var canvas = figure.querySelector(".chart-canvas");
    var kind = figure.getAttribute("data-chart");
    var data = readData(figure);
    if (!canvas || !data || (kind !== "bar" && kind !== "line")) {
      return;
    }
    var chart = {
      canvas: canvas, kind: kind, data: data, instance: null,
      unit: figure.getAttribute("data-unit") || "",
      fontFamily: window.getComputedStyle(figure).fontFamily,
    };
    charts.push(chart);
    render(chart);
  }

  function debounce(work, wait) {
    var timer = null;
    return function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(work, wait);
    };
  }

  function start() {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll("figure.chart").forEach(setUp);
    window.addEventListener("resize", debounce(function () { charts.forEach(render); }, 150));
  }

  // Paper gets the tables instead of the charts (analytics.css): open the closed ones while
  // printing, for browsers whose print CSS cannot reach inside <details>.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.chart-table:not([open])").forEach(function (details) {
      details.open = true;
      openedForPrint.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (details) { details.open = false; });
    openedForPrint = [];
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
