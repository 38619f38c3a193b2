"""Date ranges a request may ask for, made computable and bounded before any query runs.

`since=0001-01-01&until=9999-12-31` is a fair way to say "everything", but taken literally it
asks for 120,000 months of zeros (a dyad series of 19 MB) and for date arithmetic that leaves
the calendar (`until - 364 days` before year 1). So a range is clamped to the span of the
stored events first, and every subtraction the answer needs is checked: a request that still
cannot be computed is a 422 that says why, never a 500.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from seismo.api.problems import bad_request
from seismo.errors import Errors

# A series longer than this is not something a chart or a client can use; ask for a
# coarser period instead (400 years by month, all of recorded history by year).
MAX_SERIES_POINTS = 4_800
PERIOD_DAYS = {"month": 30.44, "quarter": 91.31, "year": 365.25}


def data_span(con: Any) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day any stored event covers (None, None for an empty store)."""
    row = con.execute(
        "SELECT min(event_date), max(COALESCE(date_end, event_date)) FROM events"
    ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def clamp_to_data(
    con: Any, since: dt.date | None, until: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """since..until narrowed to the stored events' span; days not given stay None.

    A range that misses the data entirely comes back empty (since after until), which every
    analytics query answers with nothing, cheaply.
    """
    if since is None and until is None:
        return None, None
    first, last = data_span(con)
    if first is None or last is None:  # nothing stored: an empty, one-day range
        day = since or until
        return day, day
    if since is not None and since < first:
        since = first
    if until is not None and until > last:
        until = last
    return since, until


def check_series_size(since: dt.date | None, until: dt.date | None, period: str) -> None:
    """422 when since..until at `period` resolution has more points than a client can use."""
    if since is None or until is None or until < since:
        return
    points = (until - since).days / PERIOD_DAYS.get(period, 30.44)
    if points > MAX_SERIES_POINTS:
        raise bad_request(Errors.E028.format(points=points, period=period, limit=MAX_SERIES_POINTS))


def days_before(day: dt.date, days: int, name: str) -> dt.date:
    """`day` minus `days`, or a 422 naming the parameter when that leaves the calendar."""
    ordinal = day.toordinal() - days
    if ordinal < 1:
        raise bad_request(Errors.E029.format(name=name, day=day, days=days))
    return dt.date.fromordinal(ordinal)


def month_end(first_day: dt.date) -> dt.date:
    """The last day of a month: the network at 'March 2022' counts events through March 31."""
    if first_day.month == 12:
        return first_day.replace(day=31)
    return first_day.replace(month=first_day.month + 1, day=1) - dt.timedelta(days=1)
