// Draws the indicator charts with Plotly from the JSON block the page carries
// (<script type="application/json" id="indicator-charts">). Every figure is also in the
// table beside its chart; without JavaScript the tables are the dashboard.
(function () {
  "use strict";
  var block = document.getElementById("indicator-charts");
  if (!block || typeof window.Plotly === "undefined") return;
  var specs = JSON.parse(block.textContent);
  var colours = ["#1f5f8b", "#d9822b", "#3c8d5a", "#8e5ea2", "#c23b3b", "#6b7b8c", "#b8a038"];
  var narrow = window.matchMedia("(max-width: 40rem)");

  function hover(series) {
    // A missing figure ("–") needs no label on the bar; the hover and the table say it.
    var labels = series.texts.map(function (t) { return t === "–" ? "" : t; });
    return { text: labels, hovertext: series.texts, hovertemplate: "%{fullData.name}<br>%{x}: %{hovertext}<extra></extra>" };
  }

  // A suppressed cell ("< 5") has no value: drawn as an empty bar that still says "< 5".
  function shown(values) {
    return values.map(function (v) { return v === null ? 0 : v; });
  }

  function traces(spec) {
    var valueIndex = 0;
    return spec.series.map(function (series) {
      var base = hover(series);
      base.name = series.name;
      if (series.role === "target") {
        base.type = "scatter";
        base.mode = "lines+markers";
        base.x = spec.categories;
        base.y = series.values;
        base.line = { dash: "dash", color: "#c23b3b", width: 2 };
        base.marker = { symbol: "diamond", size: 9, color: "#c23b3b" };
        return base;
      }
      var colour = colours[valueIndex++ % colours.length];
      if (spec.kind === "funnel") {
        base.type = "funnel";
        base.y = spec.categories;
        base.x = series.values;
        base.textinfo = "text";
        base.textposition = "inside";
        base.marker = { color: colour };
        base.hovertemplate = "%{y}: %{hovertext}<extra></extra>";
        return base;
      }
      if (spec.kind === "ranked") {
        base.type = "bar";
        base.orientation = "h";
        base.y = spec.categories;
        base.x = shown(series.values);
        base.textposition = "outside";
        base.cliponaxis = false;
        base.marker = { color: colour };
        base.hovertemplate = "%{y}: %{hovertext}<extra></extra>";
        return base;
      }
      base.x = spec.categories;
      base.y = series.values;
      if (spec.kind === "line") {
        base.type = "scatter";
        base.mode = "lines+markers";
        base.line = { color: colour, width: 3 };
      } else {
        base.type = "bar";
        base.marker = { color: colour };
        var alone = spec.series.filter(function (s) { return s.role === "value"; }).length === 1;
        base.textposition = alone ? "outside" : "none";
        base.cliponaxis = false;
        if (alone) base.y = shown(series.values);
      }
      return base;
    });
  }

  function layout(spec) {
    var valueAxis = {
      tickvals: spec.ticks.values,
      ticktext: spec.ticks.texts,
      rangemode: "tozero",
      automargin: true,
      gridcolor: "#e3e8ee",
      fixedrange: true
    };
    var categoryAxis = { automargin: true, type: "category", fixedrange: true };
    // The legend sits above the plot: below it, it collides with slanted period labels.
    var legendRows = Math.ceil(spec.series.length / (narrow.matches ? 2 : 4));
    var withLegend = spec.series.length > 1 && spec.kind !== "funnel";
    var base = {
      separators: spec.separators,
      margin: { t: withLegend ? 10 + 22 * legendRows : 10, r: 30, b: 10, l: 10 },
      height: spec.kind === "ranked" ? Math.max(180, 34 * spec.categories.length + 60) : 300,
      showlegend: withLegend,
      legend: { orientation: "h", x: 0, xanchor: "left", y: 1, yanchor: "top", yref: "container" },
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      font: { family: "system-ui, 'Noto Sans JP', 'Hiragino Sans', sans-serif", size: narrow.matches ? 11 : 13 },
      barmode: spec.kind === "stacked" ? "stack" : "group"
    };
    if (spec.kind === "ranked") {
      categoryAxis.autorange = "reversed";
      base.xaxis = valueAxis;
      base.yaxis = categoryAxis;
    } else if (spec.kind === "funnel") {
      base.yaxis = categoryAxis;
      base.showlegend = false;
    } else {
      base.xaxis = categoryAxis;
      base.yaxis = valueAxis;
    }
    return base;
  }

  specs.forEach(function (spec) {
    var element = document.getElementById(spec.id);
    if (!element) return;
    window.Plotly.newPlot(element, traces(spec), layout(spec), {
      responsive: true,
      displaylogo: false,
      modeBarButtonsToRemove: ["select2d", "lasso2d", "zoom2d", "pan2d", "autoScale2d"]
    });
  });
})();
