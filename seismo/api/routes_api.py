"""The read-only JSON API under /api/v1: events, dyad series, network, shifts, stances, actors,
documents, summary and health. Each route parses its parameters strictly, opens the database
for the length of the request and returns what `views` computes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request

from seismo.api import views
from seismo.api.models import (
    ActorList,
    DocumentOut,
    DyadSeries,
    EventPage,
    Health,
    Movers,
    Network,
    Shifts,
    StanceList,
    Summary,
)
from seismo.api.params import (
    ACTOR_PATTERN,
    MAX_QUERY_CHARS,
    MAX_WINDOW_DAYS,
    ActorParam,
    BboxParam,
    CursorParam,
    DateParam,
    LimitParam,
    LocationCountryParam,
    ModalityParam,
    PeriodParam,
    QuadParam,
    RootParam,
    actor_key,
    parse_bbox,
    parse_day,
    parse_range,
)
from seismo.store import Store

router = APIRouter(prefix="/api/v1", tags=["events"])

ActorPath = Annotated[str, Path(min_length=2, max_length=40, pattern=ACTOR_PATTERN)]
RequiredActor = Annotated[str, Query(min_length=2, max_length=40, pattern=ACTOR_PATTERN)]


def open_store(request: Request) -> Iterator[Store]:
    """A read-only store for this request, closed when the answer is sent."""
    with request.app.state.database.open() as store:
        yield store


StoreDep = Annotated[Store, Depends(open_store)]


@router.get("/events", response_model=EventPage, summary="Events, filtered and paginated")
def list_events(
    store: StoreDep,
    actor: ActorParam = None,
    a: ActorParam = None,
    b: ActorParam = None,
    directed: bool = False,
    since: DateParam = None,
    until: DateParam = None,
    root: RootParam = None,
    quad_class: QuadParam = None,
    modality: ModalityParam = None,
    bbox: BboxParam = None,
    location_country: LocationCountryParam = None,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> dict[str, Any]:
    """Events in date order. `a` and `b` select a dyad (both directions unless `directed`);
    `modality` defaults to asserted events; `bbox` and `location_country` select by where
    the event happened. Follow `next_cursor` until it is null."""
    start, end = parse_range(since, until)
    return views.events_page(
        store,
        actor=actor_key(actor, store.con),
        a=actor_key(a, store.con),
        b=actor_key(b, store.con),
        directed=directed,
        since=start,
        until=end,
        root=root,
        quad_class=quad_class,
        modality=modality,
        bbox=parse_bbox(bbox),
        location_country=location_country.upper() if location_country else None,
        limit=limit,
        cursor=cursor,
    )


@router.get("/dyads/{a}/{b}/series", response_model=DyadSeries, summary="A dyad over time")
def dyad_series(
    store: StoreDep,
    a: ActorPath,
    b: ActorPath,
    period: PeriodParam = "month",
    directed: bool = False,
    since: DateParam = None,
    until: DateParam = None,
) -> dict[str, Any]:
    """Per period: events by QuadClass, Goldstein sum and mean, cooperation and conflict."""
    start, end = parse_range(since, until)
    return views.dyad_series(
        store,
        actor_key(a, store.con) or a,
        actor_key(b, store.con) or b,
        period,
        directed,
        start,
        end,
    )


@router.get("/network", response_model=Network, summary="Relations at a date")
def relations_network(
    store: StoreDep,
    at: DateParam = None,
    window_days: Annotated[int, Query(ge=1, le=MAX_WINDOW_DAYS)] = 365,
    since: DateParam = None,
    until: DateParam = None,
) -> dict[str, Any]:
    """Who deals with whom in the `window_days` up to `at` (or over since..until), and how."""
    start, end = parse_range(since, until)
    return views.relations_network(store, parse_day(at, "at"), window_days, start, end)


@router.get("/shifts", response_model=Shifts, summary="Where a relation changed course")
def dyad_shifts(
    store: StoreDep,
    a: RequiredActor,
    b: RequiredActor,
    period: PeriodParam = "month",
) -> dict[str, Any]:
    """Change points of the dyad's Goldstein series with the events that explain them."""
    return views.dyad_shifts(
        store, actor_key(a, store.con) or a, actor_key(b, store.con) or b, period
    )


@router.get("/movers", response_model=Movers, summary="Dyads that changed most lately")
def top_movers(
    store: StoreDep,
    since: DateParam = None,
    until: DateParam = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> dict[str, Any]:
    """Change of mean Goldstein between since..until (default: the data's last 365 days)
    and the window of the same length before it."""
    start, end = parse_range(since, until)
    return views.top_movers(store, start, end, limit)


@router.get("/stances", response_model=StanceList, summary="Stated views of one state on another")
def list_stances(
    store: StoreDep,
    holder: ActorParam = None,
    subject: ActorParam = None,
    since: DateParam = None,
    until: DateParam = None,
    limit: LimitParam = 500,
) -> dict[str, Any]:
    """Stances in time order: who called whom an ally, a partner, a threat, and when."""
    start, end = parse_range(since, until)
    return views.stances(store, actor_key(holder), actor_key(subject), start, end, limit)


@router.get("/actors", response_model=ActorList, summary="Find actors by code or name")
def search_actors(
    store: StoreDep,
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "",
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """Actors seen in events whose key, code or name contains `q`, the busiest first."""
    return {"items": store.search_actors(q.strip(), limit=limit)}


@router.get(
    "/documents/{doc_id}", response_model=DocumentOut, summary="A document and its evidence"
)
def get_document(
    store: StoreDep,
    doc_id: Annotated[str, Path(min_length=1, max_length=256)],
) -> dict[str, Any]:
    """The text with its events; `evidence` gives the character ranges of the sentences the
    events were read from, so a client can highlight them."""
    return views.document(store, doc_id)


@router.get("/summary", response_model=Summary, summary="What the database holds")
def summary(store: StoreDep) -> dict[str, Any]:
    return store.summary()


@router.get("/health", response_model=Health, summary="Is the server up and the data readable")
def health(request: Request, store: StoreDep) -> dict[str, Any]:
    from seismo.model import CODER_VERSION

    store.con.execute("SELECT 1").fetchone()
    return {
        "status": "ok",
        "database": request.app.state.database.describe(),
        "version": CODER_VERSION,
    }
