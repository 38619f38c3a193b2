"""The trajectory chart of a brief, drawn as inline SVG by our own small code.

Why not plotly, as the dashboard does: a brief must open offline from a file and print to
PDF, and WeasyPrint runs no JavaScript. An SVG is a few kilobytes, needs no script and looks
the same on screen and on paper.

Two panels share the time axis: the Goldstein sum per period as a line (above zero is
cooperation), and the events per period as bars, cooperation stacked up from the axis and
conflict down. Detected shifts are dashed vertical lines across both panels.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

# The dashboard's palette (seismo/web/static/seismo.css), so a brief looks like the app.
COLOURS = {
    "ink": "#1d2430",
    "muted": "#5b6575",
    "line": "#dde2ea",
    1: "#8cc9b0",
    2: "#2a7f62",
    3: "#eea49c",
    4: "#b8322a",
}
WIDTH, HEIGHT = 880, 330
LEFT, RIGHT, TOP = 56, 16, 14
LINE_PANEL, GAP, BAR_PANEL = 130, 26, 120
AXIS_Y = TOP + LINE_PANEL + GAP + BAR_PANEL + 6


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _ticks(labels: Sequence[str], most: int = 10) -> list[int]:
    """Indexes of the periods that get an axis label: at most `most`, evenly spaced."""
    if not labels:
        return []
    step = max(1, -(-len(labels) // most))
    return list(range(0, len(labels), step))


def period_label(period: str, resolution: str) -> str:
    """A period's first day as a reader names the period: "2022", "2022 Q1", "2022-03"."""
    if resolution == "year":
        return period[:4]
    if resolution == "quarter":
        return f"{period[:4]} Q{(int(period[5:7]) - 1) // 3 + 1}"
    return period[:7]


def trajectory_svg(
    series: Sequence[dict[str, Any]],
    shifts: Sequence[dict[str, Any]],
    resolution: str,
    title: str,
) -> str:
    """The chart as an `<svg>` element; an empty series gives a short note instead."""
    if not series:
        return '<p class="empty">No dated events to chart.</p>'
    n = len(series)
    plot_w = WIDTH - LEFT - RIGHT
    slot = plot_w / n

    def x(i: float) -> float:
        return LEFT + slot * (i + 0.5)

    sums = [float(row["goldstein_sum"] or 0.0) for row in series]
    g_max = max(1.0, max(abs(v) for v in sums))
    g_zero = TOP + LINE_PANEL / 2

    def gy(v: float) -> float:
        return g_zero - v / g_max * (LINE_PANEL / 2 - 4)

    c_max = max(1, max(max(r["cooperation"], r["conflict"]) for r in series))
    b_zero = TOP + LINE_PANEL + GAP + BAR_PANEL / 2
    unit = (BAR_PANEL / 2 - 2) / c_max
    parts = [
        f'<svg class="trajectory" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
        f'role="img" aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" '
        'font-family="system-ui, sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
    ]
    # panel frames, zero lines and y labels
    for zero, label, top, value in (
        (g_zero, "Goldstein sum", TOP, g_max),
        (b_zero, "events", TOP + LINE_PANEL + GAP, c_max),
    ):
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{zero:.1f}" y2="{zero:.1f}" '
            f'stroke="{COLOURS["muted"]}" stroke-width="0.8"/>'
        )
        # both signs are labelled and gridded: above zero is cooperation, below is conflict
        bottom = 2 * zero - top
        for edge, sign in ((top + 4, "+"), (bottom - 4, "−")):
            parts.append(
                f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{edge:.1f}" y2="{edge:.1f}" '
                f'stroke="{COLOURS["line"]}" stroke-width="0.8" stroke-dasharray="2 3"/>'
            )
            parts.append(
                f'<text x="{LEFT - 6}" y="{edge + 4:.1f}" text-anchor="end" '
                f'fill="{COLOURS["muted"]}">{sign}{_fmt(value)}</text>'
            )
        parts.append(
            f'<text x="{LEFT - 6}" y="{zero + 4:.1f}" text-anchor="end" '
            f'fill="{COLOURS["muted"]}">0</text>'
        )
        parts.append(
            f'<text x="{LEFT + 4}" y="{top + 14}" fill="{COLOURS["muted"]}">{label}: '
            "cooperation above zero</text>"
        )
        parts.append(
            f'<text x="{LEFT + 4}" y="{bottom - 8:.1f}" fill="{COLOURS["muted"]}">'
            "conflict below zero</text>"
        )
    # bars: cooperation up, conflict down
    bar_w = max(1.0, slot * 0.72)
    for i, row in enumerate(series):
        up = b_zero
        for quad in (1, 2):
            h = row[f"quad{quad}"] * unit
            if h:
                up -= h
                parts.append(
                    f'<rect x="{x(i) - bar_w / 2:.1f}" y="{up:.1f}" width="{bar_w:.1f}" '
                    f'height="{h:.1f}" fill="{COLOURS[quad]}"/>'
                )
        down = b_zero
        for quad in (3, 4):
            h = row[f"quad{quad}"] * unit
            if h:
                parts.append(
                    f'<rect x="{x(i) - bar_w / 2:.1f}" y="{down:.1f}" width="{bar_w:.1f}" '
                    f'height="{h:.1f}" fill="{COLOURS[quad]}"/>'
                )
                down += h
    # the Goldstein line, with a dot where a period has events
    points = " ".join(f"{x(i):.1f},{gy(v):.1f}" for i, v in enumerate(sums))
    parts.append(
        f'<polyline points="{points}" fill="none" stroke="{COLOURS["ink"]}" stroke-width="1.6"/>'
    )
    for i, row in enumerate(series):
        if row["events"]:
            colour = COLOURS[2] if sums[i] > 0 else COLOURS[4] if sums[i] < 0 else COLOURS["muted"]
            parts.append(
                f'<circle cx="{x(i):.1f}" cy="{gy(sums[i]):.1f}" r="2.6" fill="{colour}">'
                f"<title>{escape(row['period'])}: {row['events']} events, Goldstein sum "
                f"{_fmt(sums[i])}</title></circle>"
            )
    # shift markers
    index = {row["period"]: i for i, row in enumerate(series)}
    last_label_x, row_y = -1e9, TOP + 10
    for shift in shifts:
        at = index.get(shift["date"])
        if at is None:
            continue
        sx = x(at) - slot / 2
        conflict = "conflict" in shift["direction"]
        colour = COLOURS[4] if conflict else COLOURS[2]
        parts.append(
            f'<line class="shift-marker" x1="{sx:.1f}" x2="{sx:.1f}" y1="{TOP}" '
            f'y2="{AXIS_Y - 6}" stroke="{colour}" stroke-width="1.4" stroke-dasharray="4 3"/>'
        )
        anchor = "end" if sx > WIDTH - 150 else "start"
        dx = -4 if anchor == "end" else 4
        # labels of shifts close together go on separate lines instead of overprinting
        row_y = row_y + 14 if sx - last_label_x < 130 else TOP + 10
        last_label_x = sx
        parts.append(
            f'<text x="{sx + dx:.1f}" y="{row_y}" text-anchor="{anchor}" fill="{colour}" '
            f'font-weight="600">shift {escape(period_label(shift["date"], resolution))} '
            f"{'↓' if conflict else '↑'}</text>"
        )
    # time axis
    for i in _ticks([row["period"] for row in series]):
        label = period_label(series[i]["period"], resolution)
        parts.append(
            f'<line x1="{x(i):.1f}" x2="{x(i):.1f}" y1="{AXIS_Y - 6}" y2="{AXIS_Y - 2}" '
            f'stroke="{COLOURS["muted"]}"/>'
        )
        parts.append(
            f'<text x="{x(i):.1f}" y="{AXIS_Y + 10}" text-anchor="middle" '
            f'fill="{COLOURS["muted"]}">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
