// The map: one scattergeo trace per QuadClass, points sized by event count. plotly.js takes
// its world outlines from our own server (/static/vendor/topojson/world_110m.json, built from
// an installed package), never from its CDN. A click lists the point's evidence sentences.
(function () {
  const chart = document.getElementById("map-chart");
  if (!chart || typeof Plotly === "undefined") return;
  const points = JSON.parse(document.getElementById("map-data").textContent);
  const COLOURS = { 1: "#5b9bd5", 2: "#2a7f62", 3: "#e3a33b", 4: "#b8322a" };
  const NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  const most = Math.max(1, ...points.map((p) => p.n));

  const traces = [1, 2, 3, 4].map((quad) => {
    const mine = points.filter((p) => p.quad_class === quad);
    return {
      type: "scattergeo",
      name: NAMES[quad],
      lon: mine.map((p) => p.lon),
      lat: mine.map((p) => p.lat),
      customdata: mine.map((p) => points.indexOf(p)),
      text: mine.map((p) => `${p.name}${p.country ? " (" + p.country + ")" : ""}: ${p.n} ${NAMES[quad]}`),
      hoverinfo: "text",
      marker: {
        color: COLOURS[quad],
        size: mine.map((p) => 8 + 28 * Math.sqrt(p.n / most)),
        opacity: 0.75,
        line: { color: "#ffffff", width: 1 },
      },
    };
  });
  const layout = {
    margin: { l: 0, r: 0, t: 0, b: 0 },
    showlegend: false,
    geo: {
      projection: { type: "natural earth", scale: 1 },
      fitbounds: false,
      lonaxis: { range: [-180, 180] },
      lataxis: { range: [-58, 84] },
      showland: true,
      landcolor: "#eef0f3",
      showcountries: true,
      countrycolor: "#b9c0ca",
      showcoastlines: true,
      coastlinecolor: "#9aa4b2",
      showocean: false,
      showlakes: false,
      showrivers: false,
      showframe: false,
      resolution: 110,
    },
  };
  const config = { responsive: true, displaylogo: false, topojsonURL: "/static/vendor/topojson/" };

  function show(point) {
    const list = document.getElementById("map-evidence-list");
    document.getElementById("map-evidence-hint").hidden = true;
    document.getElementById("map-evidence-title").textContent =
      `Evidence: ${point.name}, ${point.n} ${NAMES[point.quad_class]}`;
    list.replaceChildren(
      ...point.evidence.map((ev) => {
        const item = document.createElement("li");
        const quote = document.createElement("q");
        quote.textContent = ev.sentence;
        const link = document.createElement("a");
        link.href = `/documents/${encodeURIComponent(ev.doc_id)}`;
        link.textContent = ` ${ev.date || "undated"} · CAMEO ${ev.cameo} · source`;
        item.append(quote, link);
        return item;
      }),
    );
  }

  Plotly.newPlot(chart, traces, layout, config)
    .then(() => {
      chart.dataset.ready = "1";
      chart.on("plotly_click", (event) => {
        const hit = event.points && event.points[0];
        if (hit) show(points[hit.customdata]);
      });
    })
    .catch(() => {
      document.getElementById("map-outlines-missing").hidden = false;
      chart.dataset.ready = "error";
    });
  chart.showEvidence = (index) => show(points[index]);
})();
