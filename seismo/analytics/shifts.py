"""When a relationship changed course, by how much, and the events that explain it.

Event data are sparse and bursty: a dyad has three events in one month, none for two years,
then a dozen in a week because one article recalled a treaty. A detector run on a gap-filled
series per period sees every quiet month as a move back to zero, so each isolated event
makes a pair of opposite "shifts". This one never fills gaps. It segments the sequence of
*events* (grouped by the period they count in, the finest date we trust) into runs with a
constant cooperation-conflict balance, by exact penalised optimal partitioning:

- metric "balance" (default): each event is cooperative (Goldstein > 0) or conflictual
  (< 0; neutral statements carry no direction and are left out); a run's cost is −2 × the
  Bernoulli log-likelihood of its events with the run's own share of cooperation. The
  model has no noise level to estimate, and coded news is bimodal (talks at +4 next to
  strikes at −10 in the same week), which a Gaussian on Goldstein scores fits badly;
- metric "goldstein": a Gaussian on the scores, cost Σ (g − run mean)², with σ² estimated
  from the spread inside periods (`noise_variance`);
- penalty per change: BIC, 2·ln(N) log-likelihood units for N events (a change adds a
  position and a level), so the bar rises with the data instead of being a constant;
- a change may only fall between two periods with events, and every run holds at least
  `min_events` events (2): one event is an anecdote.

A shift is dated at the first period of the new run (the period of its first event) and
carries the events that make it: events of the new run in its first WINDOW periods with
events whose Goldstein sign agrees with its direction (conflict events for a turn toward
conflict). A change with no such event is not reported: a turn "toward cooperation" made
only of milder sanctions has nothing to show a reader. benchmarks/bench_shifts.py measures
precision and recall on planted change points; docs/shifts.md has the figures.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from seismo.analytics.dyads import check_period, dyad_events_sql
from seismo.store.queries import event_filters, where
from seismo.store.rows import event_record, fetch_dicts

# metric -> SQL for the value of one event; a rise always means more cooperation
METRICS = {
    "balance": "CASE WHEN goldstein > 0 THEN 1.0 WHEN goldstein < 0 THEN -1.0 END",
    "goldstein": "goldstein",
}
METRIC_HELP = "goldstein (the event's Goldstein score) or balance (+1 cooperation, -1 conflict)"

# periods with events, from a shift's own, in which its evidence may fall
WINDOW = {"day": 10, "week": 4, "month": 3, "quarter": 2, "year": 1}
MIN_SIGMA = 0.5  # Goldstein points: a floor so identical values cannot make σ² zero


def shift_kind(before: float, after: float) -> str:
    """What kind of change an analyst would call it, from the levels on both sides.

    A move from heavy sanctions to lighter ones is "toward cooperation" only
    arithmetically: that is a de-escalation, not a rapprochement.
    """
    if before < 0 <= after or after < 0 <= before:
        return (
            "reversal"
            if abs(after) > 0.25 * abs(before)
            else ("de-escalation" if before < 0 else "cooling")
        )
    if before <= 0 and after <= 0:
        return "escalation" if after < before else "de-escalation"
    return "warming" if after > before else "cooling"


def noise_variance(counts: np.ndarray, sums: np.ndarray, squares: np.ndarray) -> float:
    """σ², the spread of single events around the level of their time, from the data.

    Pooled over periods with two or more events, the within-period variance measures noise
    without the shifts (a period is too short to hold one). A robust estimate from the
    differences of consecutive period means stands in when few periods have two events.
    The floor MIN_SIGMA keeps a run of identical scores from making any wobble a shift.
    """
    several = counts >= 2
    dof = float((counts[several] - 1).sum())
    if dof >= 5:
        within = squares[several] - sums[several] ** 2 / counts[several]
        variance = float(within.sum()) / dof
    else:
        means = sums / np.maximum(counts, 1)
        diffs = np.diff(means)
        if diffs.size == 0:
            return MIN_SIGMA**2
        mad = float(np.median(np.abs(diffs - np.median(diffs))))
        variance = (1.4826 * mad) ** 2 / 2 or float(np.var(diffs)) / 2
    return max(variance, MIN_SIGMA**2)


def default_penalty(counts: np.ndarray, sums: np.ndarray, squares: np.ndarray) -> float:
    """BIC for a change in mean: 2·σ²·ln(N), N events, σ² from `noise_variance`."""
    total = float(counts.sum())
    if total < 2:
        return math.inf

    return 2.0 * noise_variance(counts, sums, squares) * math.log(total)


def _bernoulli_cost(n: np.ndarray, s: np.ndarray) -> np.ndarray:
    """−2 log-likelihood of runs of ±1 values (n values summing to s) with their own share."""
    k = (n + s) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        up = np.where(k > 0, k * np.log(k / n), 0.0)
        down = np.where(n - k > 0, (n - k) * np.log((n - k) / n), 0.0)
    return -2.0 * (up + down)


# A turn of course moves the share of cooperative events by at least this much. Below it the
# likelihood test can still pass on a long record (hundreds of events make a 0.1 drift
# "significant"), but a reader sees one event in ten change side, not a change of course. On
# the ±1 scale of the balance metric a share change of d is a change of 2d in the mean.
MIN_SHARE_CHANGE = 0.2

# BIC: a change adds a position and a level, so it must buy 2·ln N of −2·log-likelihood.
PENALTY_PER_LOG_N = 2.0


def merge_small_changes(
    cuts: list[int], counts: np.ndarray, sums: np.ndarray, min_effect: float
) -> list[int]:
    """Drop, smallest first, changes whose runs differ by less than `min_effect` in mean.

    Merging two runs changes the means next to them, so the gaps are recomputed after each
    merge rather than filtered in one pass."""
    cuts = list(cuts)
    while cuts and min_effect > 0:
        edges = [0, *cuts, len(counts)]
        means = [sums[a:b].sum() / counts[a:b].sum() for a, b in itertools.pairwise(edges)]
        gaps = [abs(means[k + 1] - means[k]) for k in range(len(cuts))]
        k = int(np.argmin(gaps))
        if gaps[k] >= min_effect:
            break
        del cuts[k]
    return cuts


def change_points(
    counts: np.ndarray,
    sums: np.ndarray,
    squares: np.ndarray,
    penalty: float,
    min_events: int = 3,
    model: str = "gaussian",
) -> list[int]:
    """Indices of the periods that start a new run, by exact optimal partitioning.

    counts, sums and squares hold, per period with events (in time order), the number of
    events and the sum and sum of squares of their values. F[j] is the cheapest
    segmentation of periods 0..j-1; every run must hold `min_events` events. O(P²) in the
    number of periods with events, vectorised over the last change: 40 ms for 2,000.
    """
    n = len(counts)
    cn = np.concatenate([[0.0], np.cumsum(counts, dtype=float)])
    cs = np.concatenate([[0.0], np.cumsum(sums, dtype=float)])
    cq = np.concatenate([[0.0], np.cumsum(squares, dtype=float)])
    if n == 0 or cn[-1] < 2 * min_events or not math.isfinite(penalty):
        return []
    best = np.full(n + 1, math.inf)
    best[0] = -penalty
    last = np.zeros(n + 1, dtype=int)
    for j in range(1, n + 1):
        starts = np.arange(j)
        size = cn[j] - cn[starts]
        ok = (size >= min_events) & np.isfinite(best[:j])
        if not ok.any():
            continue
        i = starts[ok]
        s = cs[j] - cs[i]
        if model == "bernoulli":
            cost = _bernoulli_cost(size[ok], s)
        else:
            cost = (cq[j] - cq[i]) - s * s / size[ok]
        total = best[i] + cost + penalty
        k = int(np.argmin(total))
        best[j], last[j] = total[k], i[k]
    cuts: list[int] = []
    j = n
    while j > 0:
        j = int(last[j])
        if j > 0:
            cuts.append(j)
    return sorted(cuts)


def _period_table(
    con: Any, a: str, b: str, period: str, metric: str, scope: dict[str, Any]
) -> list[tuple[dt.date, int, float, float]]:
    """(period, events, Σ value, Σ value²) for each period with events, oldest first."""
    events_sql, params = dyad_events_sql(con, a, b, **scope)
    value = METRICS[metric]
    sql = f"""
        SELECT CAST(date_trunc('{period}', counted_on) AS DATE) AS period, count({value}),
               sum({value}), sum(({value}) * ({value}))
        FROM ({events_sql}) GROUP BY period HAVING count({value}) > 0 ORDER BY period
    """
    return [(p, int(n), float(s), float(q)) for p, n, s, q in con.execute(sql, params).fetchall()]


def _evidence(
    con: Any,
    a: str,
    b: str,
    window: tuple[dt.date, dt.date],
    *,
    toward_conflict: bool,
    limit: int,
    scope: dict[str, Any],
) -> tuple[int, list[dict[str, Any]]]:
    """How many events in [start, end) agree with the shift, and the strongest of them."""
    events_sql, params = dyad_events_sql(con, a, b, **scope)
    agrees = "goldstein < 0" if toward_conflict else "goldstein > 0"
    base = f"FROM ({events_sql}) WHERE {agrees} AND counted_on >= ? AND counted_on < ?"
    bounds = [*params, *window]
    row = con.execute(f"SELECT count(*) {base}", bounds).fetchone()
    sql = f"SELECT * {base} ORDER BY abs(goldstein) DESC, counted_on, event_id LIMIT ?"
    rows = fetch_dicts(con.execute(sql, [*bounds, int(limit)]))
    return (int(row[0]) if row else 0), [event_record(r) for r in rows]


def _window_end(
    table: list[tuple[dt.date, int, float, float]], cut: int, end: int, period: str
) -> dt.date:
    """The day after a shift's window: its first WINDOW periods with events, within its run.

    Counted in periods with events rather than calendar periods: in a sparse relation the
    next event after a turn may come a year later, and it is still the first sign of it.
    """
    return _next_period(table[min(cut + WINDOW[period], end) - 1][0], period)


def _next_period(day: dt.date, period: str) -> dt.date:
    """The first day of the period after the one starting on `day`."""
    if period == "day":
        return day + dt.timedelta(days=1)
    if period == "week":
        return day + dt.timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[period]
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def describe(metric: str, before: float, after: float, n_before: int, n_after: int) -> str:
    """The levels on both sides of a shift in words, the same on every page and in the CLI."""
    if metric == "balance":
        share = lambda m: round(50 * (m + 1))  # noqa: E731 (mean of ±1 values -> % cooperative)
        return (
            f"{share(before)}% of {n_before} events cooperative before, "
            f"{share(after)}% of {n_after} after"
        )
    return f"mean Goldstein {before:+.1f} over {n_before} events before, {after:+.1f} over {n_after} after"


def detect_shifts(
    con: Any,
    a: str,
    b: str,
    period: str = "month",
    metric: str = "balance",
    penalty: float | None = None,
    *,
    directed: bool = False,
    modalities: Sequence[str] | None = ("asserted",),
    since: dt.date | None = None,
    until: dt.date | None = None,
    undated: str = "exclude",
    min_events: int = 2,
    max_events: int = 5,
) -> list[dict[str, Any]]:
    """Changes of course in the a–b relation, oldest first (see the module docstring).

    Each: date (first day of the period the new run starts in), direction ("toward
    conflict" or "toward cooperation"), kind, size (after_mean − before_mean, per event, in
    units of `metric`), before_mean, after_mean, events_before and events_after (the events
    of the runs on each side), window {since, until} (where the evidence is taken from),
    evidence_count (events in the window that agree with the direction), and events (the
    strongest `max_events` of those, with sentence and doc_id). `penalty` overrides the
    data-driven default; higher finds fewer, larger shifts.
    """
    check_period(period)
    if metric not in METRICS:
        raise ValueError(f"Unknown metric '{metric}'. Choose one of: {', '.join(METRICS)}.")
    scope: dict[str, Any] = {
        "directed": directed,
        "modalities": modalities,
        "since": since,
        "until": until,
        "undated": undated,
    }
    table = _period_table(con, a, b, period, metric, scope)
    if not table:
        return []
    counts = np.asarray([t[1] for t in table], dtype=float)
    sums = np.asarray([t[2] for t in table], dtype=float)
    squares = np.asarray([t[3] for t in table], dtype=float)
    model = "bernoulli" if metric == "balance" else "gaussian"
    if penalty is not None:
        pen = float(penalty)
    elif model == "bernoulli":
        pen = PENALTY_PER_LOG_N * math.log(max(float(counts.sum()), 2.0))
    else:
        pen = default_penalty(counts, sums, squares)
    cuts = change_points(counts, sums, squares, pen, max(1, min_events), model)

    if model == "bernoulli":
        cuts = merge_small_changes(cuts, counts, sums, 2.0 * MIN_SHARE_CHANGE)
    edges = [0, *cuts, len(table)]
    shifts = []
    for k in range(1, len(edges) - 1):
        start, cut, end = edges[k - 1], edges[k], edges[k + 1]
        before = float(sums[start:cut].sum() / counts[start:cut].sum())
        after = float(sums[cut:end].sum() / counts[cut:end].sum())
        if after == before:
            continue
        toward_conflict = after < before
        first = table[cut][0]
        window = (first, _window_end(table, cut, end, period))
        agreeing, events = _evidence(
            con, a, b, window, toward_conflict=toward_conflict, limit=max_events, scope=scope
        )
        if not events:
            continue  # nothing a reader could check: not a shift we report
        shifts.append(
            {
                "date": first.isoformat(),
                "direction": "toward conflict" if toward_conflict else "toward cooperation",
                "kind": shift_kind(before, after),
                "size": round(after - before, 3),
                "before_mean": round(before, 3),
                "after_mean": round(after, 3),
                "events_before": int(counts[start:cut].sum()),
                "events_after": int(counts[cut:end].sum()),
                "summary": describe(
                    metric,
                    before,
                    after,
                    int(counts[start:cut].sum()),
                    int(counts[cut:end].sum()),
                ),
                "metric": metric,
                "period": period,
                "window": {
                    "since": window[0].isoformat(),
                    "until": (window[1] - dt.timedelta(days=1)).isoformat(),
                },
                "evidence_count": agreeing,
                "events": events,
            }
        )
    return shifts


def top_movers(
    con: Any,
    since: dt.date,
    until: dt.date,
    limit: int = 10,
    *,
    min_events: int = 3,
    modalities: Sequence[str] | None = ("asserted",),
) -> list[dict[str, Any]]:
    """Dyads whose mean Goldstein moved most between since..until and the window before it.

    The earlier window has the same length and ends the day before `since`. A dyad needs
    `min_events` in each window: a mean of one event is an anecdote, not a trend.
    """
    length = (until - since).days + 1
    previous = since - dt.timedelta(days=length)
    clauses, params = event_filters(since=previous, until=until, modalities=modalities)
    clauses += ["target_key IS NOT NULL", "source_key <> target_key"]
    sql = f"""
        WITH e AS (
            SELECT least(source_key, target_key) AS a, greatest(source_key, target_key) AS b,
                   goldstein, event_date >= ? AS recent
            FROM events {where(clauses)}
        )
        SELECT a, b,
               count(*) FILTER (WHERE NOT recent) AS events_before,
               count(*) FILTER (WHERE recent) AS events_after,
               round(avg(goldstein) FILTER (WHERE NOT recent), 3) AS before_mean,
               round(avg(goldstein) FILTER (WHERE recent), 3) AS after_mean
        FROM e GROUP BY a, b
        HAVING count(*) FILTER (WHERE NOT recent) >= ? AND count(*) FILTER (WHERE recent) >= ?
        ORDER BY abs(after_mean - before_mean) DESC, a, b
        LIMIT ?
    """
    rows = fetch_dicts(con.execute(sql, [since, *params, min_events, min_events, int(limit)]))
    for row in rows:
        row["change"] = round(row["after_mean"] - row["before_mean"], 3)
        change = row["change"]
        row["direction"] = (
            "unchanged"
            if change == 0
            else "toward conflict"
            if change < 0
            else "toward cooperation"
        )
        row["window"] = {"since": since.isoformat(), "until": until.isoformat()}
        row["previous_window"] = {
            "since": previous.isoformat(),
            "until": (since - dt.timedelta(days=1)).isoformat(),
        }
    return rows
