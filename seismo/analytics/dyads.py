"""How relations between two actors move over time: one row per period, in DuckDB SQL.

Quiet periods are rows of zeros rather than missing rows, so a chart shows the silence.
Change-point detection (shifts.py) does not use these rows: it reads the events themselves,
because a zero-filled quiet month looks like a move back to neutral.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from seismo.store.queries import event_filters, where
from seismo.store.rows import fetch_dicts
from seismo.vocabulary import PERIOD_INTERVALS, PERIODS

UNDATED = ("exclude", "by_publication")


def check_period(period: str) -> str:
    if period not in PERIODS:
        raise ValueError(f"Unknown period '{period}'. Choose one of: {', '.join(PERIODS)}.")
    return period


def has_table(con: Any, name: str) -> bool:
    """Whether the connection has a table or view of that name (Parquet views lack some)."""
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(row and row[0])


def dyad_events_sql(
    con: Any,
    a: str,
    b: str,
    *,
    directed: bool,
    modalities: Sequence[str] | None,
    since: dt.date | None,
    until: dt.date | None,
    undated: str,
) -> tuple[str, list[Any]]:
    """SQL for the dyad's events with the date each counts at (`counted_on`).

    With undated="by_publication" an event the text gives no date for counts at its
    document's publication date: an explicit choice, because the two dates can be years
    apart in analysis pieces.
    """
    if undated not in UNDATED:
        raise ValueError(
            f"Unknown undated policy '{undated}'. Choose one of: {', '.join(UNDATED)}."
        )
    by_publication = undated == "by_publication" and has_table(con, "documents")
    counted_on = "COALESCE(e.event_date, d.published)" if by_publication else "e.event_date"
    join = "LEFT JOIN documents d USING (content_hash)" if by_publication else ""
    clauses, params = event_filters(dyad=(a, b), directed=directed, modalities=modalities)
    sql = f"""
        SELECT * FROM (
            SELECT e.*, {counted_on} AS counted_on
            FROM (SELECT * FROM events {where(clauses)}) e {join}
        )
        WHERE counted_on IS NOT NULL
          AND (? IS NULL OR counted_on >= ?) AND (? IS NULL OR counted_on <= ?)
    """
    return sql, [*params, since, since, until, until]


def dyad_series(
    con: Any,
    a: str,
    b: str,
    period: str = "month",
    directed: bool = False,
    modalities: Sequence[str] | None = ("asserted",),
    since: dt.date | None = None,
    until: dt.date | None = None,
    undated: str = "exclude",
) -> list[dict[str, Any]]:
    """Events between `a` and `b` per period: counts by QuadClass, Goldstein sum and mean.

    Each row: period (first day, YYYY-MM-DD), events, quad1..quad4, goldstein_sum,
    goldstein_mean (None in a quiet period), cooperation (quad1+quad2), conflict
    (quad3+quad4), roots ({CAMEO root: events}). Rows run without gaps from the first to the
    last period with events, or over since..until when given. `directed` keeps a → b only.
    """
    step = PERIOD_INTERVALS[check_period(period)]
    events_sql, params = dyad_events_sql(
        con,
        a,
        b,
        directed=directed,
        modalities=modalities,
        since=since,
        until=until,
        undated=undated,
    )
    sql = f"""
        WITH matched AS (
            SELECT CAST(date_trunc('{period}', counted_on) AS DATE) AS period,
                   quad_class, goldstein, root
            FROM ({events_sql})
        ),
        per_period AS (
            SELECT period, count(*) AS events,
                   count(*) FILTER (WHERE quad_class = 1) AS quad1,
                   count(*) FILTER (WHERE quad_class = 2) AS quad2,
                   count(*) FILTER (WHERE quad_class = 3) AS quad3,
                   count(*) FILTER (WHERE quad_class = 4) AS quad4,
                   sum(goldstein) AS goldstein_sum,
                   avg(goldstein) AS goldstein_mean,
                   histogram(root) AS roots
            FROM matched GROUP BY period
        ),
        bounds AS (
            SELECT COALESCE(CAST(date_trunc('{period}', CAST(? AS DATE)) AS DATE), min(period))
                       AS first_period,
                   COALESCE(CAST(date_trunc('{period}', CAST(? AS DATE)) AS DATE), max(period))
                       AS last_period
            FROM per_period
        ),
        calendar AS (
            SELECT CAST(generate_series AS DATE) AS period
            FROM bounds, generate_series(CAST(first_period AS TIMESTAMP),
                                         CAST(last_period AS TIMESTAMP), {step})
            WHERE first_period IS NOT NULL AND last_period IS NOT NULL
        )
        SELECT strftime(c.period, '%Y-%m-%d') AS period,
               COALESCE(p.events, 0) AS events,
               COALESCE(p.quad1, 0) AS quad1, COALESCE(p.quad2, 0) AS quad2,
               COALESCE(p.quad3, 0) AS quad3, COALESCE(p.quad4, 0) AS quad4,
               round(COALESCE(p.goldstein_sum, 0), 3) AS goldstein_sum,
               round(p.goldstein_mean, 3) AS goldstein_mean,
               COALESCE(p.quad1, 0) + COALESCE(p.quad2, 0) AS cooperation,
               COALESCE(p.quad3, 0) + COALESCE(p.quad4, 0) AS conflict,
               COALESCE(p.roots, MAP {{}}) AS roots
        FROM calendar c LEFT JOIN per_period p USING (period)
        ORDER BY c.period
    """
    rows = fetch_dicts(con.execute(sql, [*params, since, until]))
    for row in rows:
        row["roots"] = dict(sorted((row["roots"] or {}).items()))
    return rows
