// The dyad timeline: Goldstein sum per period above, events by QuadClass stacked below,
// and a dashed line at each shift with a numbered marker (its card below has the same number;
// hovering the marker tells what changed), so close shifts never pile their labels up.
// Picking another actor reloads the page.
(function () {
  const picker = document.getElementById("dyad-picker");
  if (picker) {
    picker.querySelectorAll("select").forEach((select) =>
      select.addEventListener("change", () => picker.requestSubmit()),
    );
  }
  const source = document.getElementById("dyad-data");
  const chart = document.getElementById("dyad-chart");
  if (!source || !chart || typeof Plotly === "undefined") return;
  const data = JSON.parse(source.textContent);
  const points = data.series.points;
  if (!points.length) return;

  const periods = points.map((p) => p.period);
  const quads = [
    ["quad1", "verbal cooperation", "#8cc9b0"],
    ["quad2", "material cooperation", "#2a7f62"],
    ["quad3", "verbal conflict", "#eea49c"],
    ["quad4", "material conflict", "#b8322a"],
  ];
  const traces = [
    {
      x: periods,
      y: points.map((p) => p.goldstein_sum),
      name: "Goldstein sum",
      type: "scatter",
      mode: "lines+markers",
      line: { color: "#1d2430", width: 2 },
      marker: { size: 4 },
      yaxis: "y",
      hovertemplate: "%{x|%b %Y}<br>Goldstein sum %{y:.1f}<extra></extra>",
    },
    ...quads.map(([key, name, color]) => ({
      x: periods,
      y: points.map((p) => p[key]),
      name,
      type: "bar",
      marker: { color },
      yaxis: "y2",
      hovertemplate: "%{x|%b %Y}<br>" + name + ": %{y}<extra></extra>",
    })),
  ];
  const shapes = [];
  const annotations = [];
  data.shifts.forEach((shift, i) => {
    const colour = shift.direction.includes("conflict") ? "#b8322a" : "#2a7f62";
    shapes.push({
      type: "line", xref: "x", yref: "paper", x0: shift.date, x1: shift.date, y0: 0, y1: 1,
      line: { color: colour, width: 1.5, dash: "dash" },
    });
    annotations.push({
      x: shift.date, y: 1, xref: "x", yref: "paper", yanchor: "bottom", showarrow: false,
      text: String(i + 1), font: { color: "#ffffff", size: 11 }, bgcolor: colour,
      borderpad: 2, yshift: (i % 2) * 16,
      hovertext: shift.date.slice(0, 7) + ": " + shift.direction +
        (shift.kind ? " (" + shift.kind + ")" : "") + "<br>" + (shift.summary || ""),
    });
  });
  const layout = {
    barmode: "stack",
    margin: { t: 44, r: 12, b: 40, l: 52 },
    showlegend: false,
    hovermode: "x unified",
    // the data's own span, not plotly's padded autorange
    xaxis: { type: "date", anchor: "y2", range: [periods[0], periods[periods.length - 1]] },
    yaxis: { domain: [0.42, 1], title: { text: "Goldstein sum" }, zeroline: true, zerolinecolor: "#9aa4b2" },
    yaxis2: { domain: [0, 0.34], title: { text: "events" } },
    shapes,
    annotations,
    paper_bgcolor: "rgba(0,0,0,0)",
    plot_bgcolor: "rgba(0,0,0,0)",
    font: { family: "system-ui, sans-serif", size: 12, color: "#1d2430" },
  };
  Plotly.newPlot(chart, traces, layout, { responsive: true, displaylogo: false });
})();
