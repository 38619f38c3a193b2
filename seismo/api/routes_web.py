"""The dashboard: HTML pages rendered with Jinja2 from the same `views` as the JSON API.

Form fields arrive as strings (an empty select is ""), so each page reads its parameters as
text and passes them through the strict parsers in params.py: a bad date gives the same
422 problem as the API, rendered as a page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from seismo.api import views
from seismo.api.params import (
    DEFAULT_PAGE_SIZE,
    MAX_QUERY_CHARS,
    MAX_WINDOW_DAYS,
    actor_key,
    parse_day,
    parse_range,
)
from seismo.api.problems import bad_request
from seismo.api.routes_api import StoreDep
from seismo.errors import Errors
from seismo.urls import web_url
from seismo.vocabulary import CHART_PERIODS, MODALITIES, QUAD_CLASS_NAMES

router = APIRouter(include_in_schema=False)
# The dashboard's templates and static files (seismo/web/).
WEB_DIR = FilePath(__file__).resolve().parent.parent / "web"
templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))

Text = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)]
WINDOWS = (90, 180, 365, 730)


def _signed(value: Any, digits: int = 1) -> str:
    if value is None:
        return "–"
    return f"{float(value):+.{digits}f}".replace("-", "−")


templates.env.filters["signed"] = _signed
templates.env.globals["QUAD_NAMES"] = QUAD_CLASS_NAMES
templates.env.filters["web_url"] = web_url


def _page(request: Request, template: str, current: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, template, {"current": current, **context})


def _int_or_none(value: str | None, name: str, low: int, high: int) -> int | None:
    if not value:
        return None
    # isdigit() alone accepts '²' and other digits int() refuses: ASCII digits only.
    if not (value.isascii() and value.isdigit()) or not low <= int(value) <= high:
        raise bad_request(Errors.E025.format(name=name, low=low, high=high))
    return int(value)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: StoreDep) -> HTMLResponse:
    summary = store.summary()
    movers = views.top_movers(store, None, None, limit=8)["items"] if summary["events"] else []
    stances = views.stances(store, None, None, None, None, limit=12)["items"]
    return _page(request, "index.html", "overview", summary=summary, movers=movers, stances=stances)


def _actor_choices(store: Any) -> list[dict[str, Any]]:
    """Actors present in the data for the dyad picker, one per key, the busiest first."""
    seen: dict[str, dict[str, Any]] = {}
    for actor in store.search_actors("", limit=200):
        seen.setdefault(actor["key"], actor)
    return sorted(seen.values(), key=lambda a: a["key"])


@router.get("/dyad", response_class=HTMLResponse)
def dyad(
    request: Request,
    store: StoreDep,
    a: Text = None,
    b: Text = None,
    period: Text = "auto",
) -> Response:
    first, second = actor_key(a, store.con), actor_key(b, store.con)
    if period not in ("auto", *CHART_PERIODS):
        raise bad_request(
            Errors.E026.format(
                name="period", value=period, choices=", ".join(("auto", *CHART_PERIODS))
            )
        )
    if first and second and period == "auto":
        period = _period_for_span(store, first, second)
    if first is None or second is None:
        top = store.summary()["top_dyads"]
        if top:
            return RedirectResponse(f"/dyad?a={top[0]['a']}&b={top[0]['b']}&period={period}")
    series = shifts = None
    if first and second:
        series = views.dyad_series(store, first, second, period)
        shifts = views.dyad_shifts(store, first, second, period)
    return _page(
        request,
        "dyad.html",
        "dyad",
        a=first,
        b=second,
        period=period,
        periods=CHART_PERIODS,
        actors=_actor_choices(store),
        series=series,
        shifts=shifts,
    )


def _period_for_span(store: Any, a: str, b: str) -> str:
    """The chart's default period from the dyad's dated events: months over a few years,
    quarters over decades, years beyond thirty (months over eighty years are mostly empty)."""
    from seismo.analytics.dyads import dyad_events_sql

    sql, params = dyad_events_sql(
        store.con, a, b, directed=False, modalities=("asserted",),
        since=None, until=None, undated="exclude",
    )  # fmt: skip
    row = store.con.execute(f"SELECT min(counted_on), max(counted_on) FROM ({sql})", params)
    first, last = row.fetchone() or (None, None)
    if first is None or last is None:
        return "month"
    years = (last - first).days / 365.25
    return "year" if years > 30 else "quarter" if years > 4 else "month"


@router.get("/network", response_class=HTMLResponse)
def relations(
    request: Request, store: StoreDep, at: Text = None, window_days: Text = "365"
) -> HTMLResponse:
    window = _int_or_none(window_days, "window_days", 1, MAX_WINDOW_DAYS) or 365
    summary = store.summary()
    months = views.month_starts(summary["first_event_date"], summary["last_event_date"])
    stops = [
        {"label": m[:7], "at": views.month_end(dt.date.fromisoformat(m)).isoformat()}
        for m in months
    ]
    chosen = parse_day(at, "at")
    if chosen is None and stops:
        chosen = dt.date.fromisoformat(stops[-1]["at"])
    index = len(stops) - 1
    if chosen is not None:
        before = [i for i, s in enumerate(stops) if s["at"] <= chosen.isoformat()]
        index = before[-1] if before else 0
    graph = views.relations_network(store, chosen, window) if chosen else None
    return _page(
        request,
        "network.html",
        "network",
        stops=stops,
        index=max(index, 0),
        window=window,
        windows=sorted({*WINDOWS, window}),
        graph=graph,
    )


@router.get("/map", response_class=HTMLResponse)
def world_map(
    request: Request,
    store: StoreDep,
    a: Text = None,
    b: Text = None,
    since: Text = None,
    until: Text = None,
) -> HTMLResponse:
    """Where events happened: a point per place and QuadClass, for a dyad and/or a period."""
    start, end = parse_range(since, until)
    first, second = actor_key(a, store.con), actor_key(b, store.con)
    found = views.map_points(store, a=first, b=second, since=start, until=end)
    return _page(
        request,
        "map.html",
        "map",
        a=first or "",
        b=second or "",
        since=since or "",
        until=until or "",
        actors=_actor_choices(store),
        points=found["points"],
        n_events=found["events"],
    )


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request,
    store: StoreDep,
    actor: Text = None,
    a: Text = None,
    b: Text = None,
    since: Text = None,
    until: Text = None,
    root: Text = None,
    quad_class: Text = None,
    modality: Text = None,
    cursor: Annotated[str | None, Query(max_length=256)] = None,
) -> HTMLResponse:
    start, end = parse_range(since, until)
    if root and not (len(root) == 2 and root.isascii() and root.isdigit()):
        raise bad_request(Errors.E027)
    filters = {
        "actor": actor or "",
        "a": a or "",
        "b": b or "",
        "since": since or "",
        "until": until or "",
        "root": root or "",
        "quad_class": quad_class or "",
        "modality": modality or "",
    }
    page = views.events_page(
        store,
        actor=actor_key(actor, store.con),
        a=actor_key(a, store.con),
        b=actor_key(b, store.con),
        since=start,
        until=end,
        root=root or None,
        quad_class=_int_or_none(quad_class, "quad_class", 1, 4),
        modality=modality or None,
        limit=DEFAULT_PAGE_SIZE,
        cursor=cursor or None,
    )
    return _page(
        request,
        "events.html",
        "events",
        page=page,
        filters=filters,
        modalities=(*MODALITIES, "all"),
        paged=bool(cursor),
    )


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(
    request: Request, store: StoreDep, doc_id: Annotated[str, Path(max_length=256)]
) -> HTMLResponse:
    found = views.document(store, doc_id)
    from seismo.api.evidence import segments

    pieces = segments(found.get("text") or "", found["ranges"])
    return _page(request, "document.html", "events", doc=found, pieces=pieces)


@router.get("/actors/{key}", response_class=HTMLResponse)
def actor(
    request: Request, store: StoreDep, key: Annotated[str, Path(max_length=40)]
) -> HTMLResponse:
    code = actor_key(key, store.con)
    assert code is not None
    matches = [m for m in store.search_actors(code, limit=50) if m["key"] == code]
    if not matches:
        from seismo.api.problems import not_found

        raise not_found(f"No events involve the actor '{code}'.")
    graph = views.relations_network(store, None, MAX_WINDOW_DAYS)
    dyads = [e for e in graph["edges"] if code in (e["a"], e["b"])]
    for edge in dyads:
        edge["other"] = edge["b"] if edge["a"] == code else edge["a"]
    recent = _recent_events(store, code)
    return _page(
        request,
        "actor.html",
        "actors",
        key=code,
        name=matches[0]["name"],
        codes=matches,
        dyads=dyads,
        recent=recent,
    )


def _recent_events(store: Any, code: str, count: int = 20) -> list[dict[str, Any]]:
    """The actor's latest events: pages run oldest first, so read the last two years' worth
    from the end of its data and keep the newest."""
    summary = store.summary()
    last = summary.get("last_event_date")
    since = dt.date.fromisoformat(last) - dt.timedelta(days=730) if last else None
    page = views.events_page(store, actor=code, since=since, limit=500)
    return list(reversed(page["items"]))[:count]
