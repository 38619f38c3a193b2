// The network at a month: actors placed by a force-directed layout, an edge per pair that dealt with each other in
// the window. Moving the slider fetches /api/v1/network for that month and redraws.
(function () {
  const chart = document.getElementById("network-chart");
  const slider = document.getElementById("month-slider");
  if (!chart || !slider || typeof Plotly === "undefined") return;
  const stops = JSON.parse(document.getElementById("network-stops").textContent);
  const label = document.getElementById("month-label");
  const windowSelect = document.getElementById("window-select");
  const atField = document.getElementById("at-field");
  const windowNote = document.getElementById("network-window");
  const tableBody = document.querySelector("#edge-table tbody");
  const COOP = "#2a7f62", CONFLICT = "#b8322a", EVEN = "#9aa4b2";

  function edgeColour(edge) {
    if (edge.weight > 0) return COOP;
    if (edge.weight < 0) return CONFLICT;
    return EVEN;
  }

  function signed(value, digits) {
    if (value === null || value === undefined) return "–";
    const text = Number(value).toFixed(digits);
    return (value > 0 ? "+" : "") + text.replace("-", "−");
  }

  // Force-directed layout (Fruchterman-Reingold): partners pull together, every pair
  // pushes apart, so clusters (allies, a war's two sides) show and the panel is used
  // instead of a small ring. Deterministic: it starts from the circle, sorted by id, so
  // the same network always looks the same and the slider does not reshuffle it.
  function positions(nodes, edges) {
    const ids = nodes.map((n) => n.id).sort();
    const n = ids.length;
    const xy = {};
    ids.forEach((id, i) => {
      const angle = Math.PI / 2 - (2 * Math.PI * i) / Math.max(n, 1);
      xy[id] = [Math.cos(angle), Math.sin(angle)];
    });
    if (n < 3) return xy;
    const k = Math.sqrt(4 / n);
    const heaviest = Math.max(1, ...edges.map((e) => e.n));
    for (let step = 0, heat = 0.2; step < 300; step += 1, heat *= 0.985) {
      const move = {};
      ids.forEach((id) => { move[id] = [0, 0]; });
      for (let i = 0; i < n; i += 1) {
        for (let j = i + 1; j < n; j += 1) {
          const a = xy[ids[i]], b = xy[ids[j]];
          const dx = a[0] - b[0], dy = a[1] - b[1];
          const d = Math.max(Math.hypot(dx, dy), 0.01);
          const push = (k * k) / d;
          move[ids[i]][0] += (dx / d) * push; move[ids[i]][1] += (dy / d) * push;
          move[ids[j]][0] -= (dx / d) * push; move[ids[j]][1] -= (dy / d) * push;
        }
      }
      edges.forEach((e) => {
        const a = xy[e.a], b = xy[e.b];
        if (!a || !b) return;
        const dx = a[0] - b[0], dy = a[1] - b[1];
        const d = Math.max(Math.hypot(dx, dy), 0.01);
        const pull = ((d * d) / k) * (0.5 + e.n / heaviest);
        move[e.a][0] -= (dx / d) * pull; move[e.a][1] -= (dy / d) * pull;
        move[e.b][0] += (dx / d) * pull; move[e.b][1] += (dy / d) * pull;
      });
      ids.forEach((id) => {
        const [mx, my] = move[id];
        const size = Math.max(Math.hypot(mx, my), 1e-9);
        const limited = Math.min(size, heat);
        xy[id][0] += (mx / size) * limited - xy[id][0] * 0.01; // a little gravity to the centre
        xy[id][1] += (my / size) * limited - xy[id][1] * 0.01;
      });
    }
    // fill the panel: scale each axis to [-1, 1], room left for the labels
    const xs = ids.map((id) => xy[id][0]), ys = ids.map((id) => xy[id][1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    ids.forEach((id) => {
      xy[id] = [
        x1 > x0 ? -1 + (2 * (xy[id][0] - x0)) / (x1 - x0) : 0,
        y1 > y0 ? -1 + (2 * (xy[id][1] - y0)) / (y1 - y0) : 0,
      ];
    });
    return xy;
  }

  function draw(graph) {
    const nodes = graph ? graph.nodes : [];
    const edges = graph ? graph.edges : [];
    const place = positions(nodes, edges);
    const heaviest = Math.max(1, ...edges.map((e) => e.n));
    const traces = edges.map((e) => ({
      x: [place[e.a][0], place[e.b][0]],
      y: [place[e.a][1], place[e.b][1]],
      mode: "lines",
      type: "scatter",
      hoverinfo: "skip",
      line: { color: edgeColour(e), width: 1.5 + (8 * e.n) / heaviest },
      opacity: 0.8,
    }));
    traces.push({
      x: edges.map((e) => (place[e.a][0] + place[e.b][0]) / 2),
      y: edges.map((e) => (place[e.a][1] + place[e.b][1]) / 2),
      mode: "markers",
      type: "scatter",
      marker: { size: 14, opacity: 0 },
      text: edges.map(
        (e) => `${e.a}–${e.b}: ${e.n} events<br>${e.cooperation} cooperation, ${e.conflict} conflict` +
          `<br>mean Goldstein ${signed(e.goldstein_mean, 2)}`,
      ),
      hoverinfo: "text",
    });
    const biggest = Math.max(1, ...nodes.map((n) => n.events));
    traces.push({
      x: nodes.map((n) => place[n.id][0]),
      y: nodes.map((n) => place[n.id][1]),
      mode: "markers+text",
      type: "scatter",
      cliponaxis: false, // a label above the top node may lie outside the data range: draw it in the margin
      text: nodes.map((n) => n.label || n.id),
      textposition: nodes.map((n) => (place[n.id][1] >= 0 ? "top center" : "bottom center")),
      customdata: nodes.map((n) => n.id),
      hovertext: nodes.map((n) => `${n.name || n.id}: ${n.events} events with ${n.degree} partners`),
      hoverinfo: "text",
      marker: {
        size: nodes.map((n) => 16 + 26 * Math.sqrt(n.events / biggest)),
        color: "#1f5fa8",
        opacity: 1,
        line: { color: "#fff", width: 2 },
      },
      textfont: { size: 13, color: "#1d2430" },
    });
    const axis = { visible: false, range: [-1.25, 1.25], fixedrange: true };
    Plotly.react(
      chart,
      traces,
      {
        showlegend: false,
        // Labels sit above (or below) the outermost nodes: a pixel margin keeps them inside the
        // panel however narrow it is, where a wider data range would not on a phone.
        margin: { t: 34, r: 10, b: 34, l: 10 },
        xaxis: axis,
        yaxis: axis, // no square aspect: the layout is scaled to fill the panel on each axis
        paper_bgcolor: "rgba(0,0,0,0)",
        plot_bgcolor: "rgba(0,0,0,0)",
        hovermode: "closest",
      },
      { responsive: true, displaylogo: false, displayModeBar: false },
    );
    chart.dataset.edges = String(edges.length);
    chart.dataset.until = graph ? graph.until || "" : "";
    if (windowNote && graph) windowNote.textContent = `Events from ${graph.since} to ${graph.until}.`;
    fillTable(edges);
  }

  function fillTable(edges) {
    if (!tableBody) return;
    tableBody.replaceChildren();
    if (!edges.length) {
      const row = tableBody.insertRow();
      const cell = row.insertCell();
      cell.colSpan = 5;
      cell.className = "empty";
      cell.textContent = "No events in this window.";
      return;
    }
    edges.forEach((e) => {
      const row = tableBody.insertRow();
      const link = document.createElement("a");
      link.href = `/dyad?a=${encodeURIComponent(e.a)}&b=${encodeURIComponent(e.b)}`;
      link.textContent = `${e.a} – ${e.b}`;
      row.insertCell().append(link);
      [e.n, e.cooperation, e.conflict, signed(e.goldstein_mean, 2)].forEach((value) => {
        const cell = row.insertCell();
        cell.className = "num";
        cell.textContent = String(value);
      });
    });
  }

  let latest = 0;
  async function load() {
    const stop = stops[Number(slider.value)];
    const windowDays = windowSelect.value;
    label.textContent = stop.label;
    slider.setAttribute("aria-valuetext", stop.label);
    atField.value = stop.at;
    const ticket = ++latest;
    const query = `at=${stop.at}&window_days=${encodeURIComponent(windowDays)}`;
    const response = await fetch(`/api/v1/network?${query}`);
    if (ticket !== latest) return; // a later move of the slider has overtaken this answer
    if (!response.ok) {
      const problem = await response.json().catch(() => ({ detail: response.statusText }));
      windowNote.textContent = `Could not load the network: ${problem.detail}`;
      return;
    }
    draw(await response.json());
    history.replaceState(null, "", `/network?${query}`);
  }

  let timer = null;
  slider.addEventListener("input", () => {
    label.textContent = stops[Number(slider.value)].label;
    clearTimeout(timer);
    timer = setTimeout(load, 120);
  });
  windowSelect.addEventListener("change", load);
  draw(JSON.parse(document.getElementById("network-data").textContent));
})();
