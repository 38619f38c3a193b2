"""Query parameters shared by the JSON API and the dashboard, parsed strictly and bounded.

Loose parsing ("03/07/22", "last spring") would answer a different question than the one
asked; unbounded strings and page sizes would let one request tie up the server. Both the
API and the HTML pages go through these helpers, so they accept exactly the same input.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import Query

from seismo.analytics import names
from seismo.api.problems import bad_request, not_found
from seismo.errors import Errors
from seismo.vocabulary import CHART_PERIODS, MODALITIES

MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 50
MAX_WINDOW_DAYS = 36_500
MAX_QUERY_CHARS = 64

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ACTOR = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .'-]{1,39}$")  # codes and names: "South Korea"
ACTOR_PATTERN = _ACTOR.pattern

ActorParam = Annotated[
    str | None,
    Query(
        min_length=2,
        max_length=40,
        pattern=ACTOR_PATTERN,
        description="Actor key: a country code such as JPN, or an organisation code such as IGONAT.",
    ),
]
DateParam = Annotated[
    str | None,
    Query(min_length=10, max_length=10, description="A day as YYYY-MM-DD."),
]
CursorParam = Annotated[
    str | None,
    Query(max_length=256, description="The `next_cursor` of the previous page."),
]
LimitParam = Annotated[
    int,
    Query(ge=1, le=MAX_PAGE_SIZE, description=f"Page size, 1 to {MAX_PAGE_SIZE}."),
]
PeriodParam = Annotated[
    str,
    Query(
        pattern="^(" + "|".join(CHART_PERIODS) + ")$",
        description="Bucket size: " + ", ".join(CHART_PERIODS) + ".",
    ),
]
RootParam = Annotated[
    str | None,
    Query(
        pattern=r"^\d{2}$", description="CAMEO root code, two digits (e.g. 16 reduce relations)."
    ),
]
QuadParam = Annotated[
    int | None,
    Query(ge=1, le=4, description="QuadClass 1 to 4 (verbal/material cooperation/conflict)."),
]
ModalityParam = Annotated[
    str | None,
    Query(
        pattern="^(" + "|".join((*MODALITIES, "all")) + ")$",
        description="Only events with this modality ("
        + ", ".join(MODALITIES)
        + "), or all; default asserted.",
    ),
]


BboxParam = Annotated[
    str | None,
    Query(
        max_length=MAX_QUERY_CHARS,
        description="Only events placed inside west,south,east,north (degrees), e.g. 20,40,45,55.",
    ),
]
LocationCountryParam = Annotated[
    str | None,
    Query(pattern="^[A-Za-z]{3}$", description="Only events placed in this country (ISO alpha-3)."),
]


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """A west,south,east,north box in degrees, or None; anything else is a 422 saying why."""
    if value is None or value == "":
        return None
    parts = value.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise bad_request(Errors.E021.format(value=value[:MAX_QUERY_CHARS])) from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise bad_request(Errors.E022)
    return west, south, east, north


def parse_day(value: str | None, name: str) -> dt.date | None:
    """A YYYY-MM-DD day or None; anything else is a 422 that names the parameter."""
    if value is None or value == "":
        return None
    if not _DATE.match(value):
        raise bad_request(f"{name}: " + Errors.E004.format(value=value[:MAX_QUERY_CHARS]))
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise bad_request(f"{name}: " + Errors.E004.format(value=value)) from exc


def actor_key(value: str | None, con: Any = None) -> str | None:
    """The actor key for a code or name a user typed ("JPN", "jpn", "Japan", "South Korea").

    The same lookup as the CLI (`seismo.analytics.names.actor_key`). With `con`, an actor
    that no stored event involves is a 404 problem that says so, rather than an empty chart.
    """
    if value is None or value == "":
        return None
    if not _ACTOR.match(value):
        raise bad_request(Errors.E010.format(value=value[:MAX_QUERY_CHARS]))
    key = names.actor_key(value, con)
    if key is None:
        raise not_found(Errors.E010.format(value=value))
    if con is not None and not names.in_database(con, key):
        raise not_found(Errors.E020.format(value=value, key=key))
    return key


def check_range(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise bad_request(Errors.E023.format(since=since, until=until))


def parse_range(since: str | None, until: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The since..until days of a request, each parsed strictly and in order; else a 422."""
    start, end = parse_day(since, "since"), parse_day(until, "until")
    check_range(start, end)
    return start, end
