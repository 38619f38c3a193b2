"""Calendar arithmetic for dates written without a year, resolved against an anchor.

The anchor is the publication date. Which occurrence of "March 7" or "Tuesday" the text
means depends on the clause's tense: past → the latest one on or before the anchor,
future → the next one, unknown → the nearest (ties go to the past, since news mostly
reports what has happened).
"""

from __future__ import annotations

import datetime as dt

PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def format_value(year: int, month: int | None = None, day: int | None = None) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD: the value string of an EventDate."""
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (31 February, year 0)."""
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """The (year, month) `delta` months away."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _choose(before: int | None, after: int | None, tense: str | None) -> str | None:
    """'before' or 'after': which candidate the tense picks, given their distances in days."""
    if tense == "past":
        return "before" if before is not None else None
    if tense == "future":
        return "after" if after is not None else None
    if before is None:
        return "after" if after is not None else None
    if after is None or before <= after:
        return "before"
    return "after"


def month_day_near(anchor: dt.date, month: int, day: int, tense: str | None) -> dt.date | None:
    """The occurrence of month/day the clause means (see the module docstring).

    Past takes the anchor day itself ("on April 30" in an article of April 30); so does
    future. 29 February only exists in leap years, so the search skips years without it.
    """
    candidates = [
        d
        for year in range(anchor.year - 4, anchor.year + 5)
        if (d := safe_date(year, month, day)) is not None
    ]
    past = [d for d in candidates if d <= anchor]
    future = [d for d in candidates if d >= anchor]
    latest = past[-1] if past else None
    soonest = future[0] if future else None
    pick = _choose(
        (anchor - latest).days if latest else None,
        (soonest - anchor).days if soonest else None,
        tense,
    )
    return latest if pick == "before" else soonest if pick == "after" else None


def month_near(anchor: dt.date, month: int, tense: str | None) -> tuple[int, int]:
    """The (year, month) of "in February": the anchor's own month counts as both past and future."""
    back = (anchor.month - month) % 12
    ahead = (month - anchor.month) % 12
    pick = _choose(back, ahead, tense)
    if pick == "after":
        return add_months(anchor.year, anchor.month, ahead)
    return add_months(anchor.year, anchor.month, -back)


def weekday_near(anchor: dt.date, weekday: int, tense: str | None, modifier: str | None) -> dt.date:
    """The day "on Tuesday" means.

    Past (and unknown tense, because reports are mostly of the past) → the latest such day
    on or before the anchor: wires publish "said on Tuesday" on that Tuesday. Future or
    "next" → the next one strictly after the anchor. "this" → the one in the anchor's
    Monday-to-Sunday week.
    """
    if modifier == "this":
        monday = anchor - dt.timedelta(days=anchor.weekday())
        return monday + dt.timedelta(days=weekday)
    if modifier in ("next", "coming") or (modifier is None and tense == "future"):
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return anchor + dt.timedelta(days=ahead)
    back = (anchor.weekday() - weekday) % 7
    if modifier in ("last", "past") and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def week_months(monday: dt.date) -> tuple[str, str | None]:
    """A week at month precision: its month, or (first month, last month) when it straddles two.

    "Last week" never names a day, so inventing one would be false precision; the month (or
    the two months) it falls in is what the text tells us.
    """
    sunday = monday + dt.timedelta(days=6)
    first = format_value(monday.year, monday.month)
    last = format_value(sunday.year, sunday.month)
    return first, (last if last != first else None)


def coarsen(value: str, precision: str) -> str:
    """Cut a value string down to `precision` ("2022-03-07", "month" → "2022-03")."""
    return value[: {"year": 4, "month": 7, "day": 10}[precision]]


def precision_of(value: str) -> str:
    """The precision a value string carries by its length."""
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "year")


def is_real(value: str | None) -> bool:
    """Whether a value string names a period of the calendar Python can hold (years 1-9999)."""
    if value is None:
        return True
    parts = value.split("-")
    if len(parts[0]) != 4 or not all(p.isdigit() for p in parts):
        return False
    numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
    return safe_date(numbers[0], numbers[1], numbers[2]) is not None
