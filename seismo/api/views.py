"""What the JSON API and the dashboard pages both answer, computed once.

Every page has a JSON twin (as in datasette): the HTML route and the API route call the same
function here, which calls the store and analytics, so a chart never disagrees with the API.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from seismo.analytics.dyads import dyad_series as series_of_dyad
from seismo.analytics.network import network as network_at
from seismo.analytics.shifts import detect_shifts
from seismo.analytics.shifts import top_movers as movers_between
from seismo.api.evidence import evidence_ranges
from seismo.api.params import MAX_QUERY_CHARS
from seismo.api.problems import bad_request, not_found
from seismo.api.ranges import check_series_size, clamp_to_data, data_span, days_before, month_end
from seismo.errors import Errors
from seismo.store import Store
from seismo.store.queries import query_stances
from seismo.vocabulary import MODALITIES


def modalities_for(modality: str | None) -> tuple[str, ...] | None:
    """No modality given: what happened (asserted). 'all': every modality."""
    if modality is None:
        return ("asserted",)
    if modality == "all":
        return None
    if modality not in MODALITIES:
        raise bad_request(
            Errors.E026.format(
                name="modality", value=modality, choices=", ".join((*MODALITIES, "all"))
            )
        )
    return (modality,)


def events_page(
    store: Store,
    *,
    actor: str | None = None,
    a: str | None = None,
    b: str | None = None,
    directed: bool = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
    root: str | None = None,
    quad_class: int | None = None,
    modality: str | None = None,
    doc_id: str | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    location_country: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> dict[str, Any]:
    if (a is None) != (b is None):
        raise bad_request(Errors.E024.format(what="dyad"))
    try:
        items, next_cursor = store.query_events(
            actor=actor,
            dyad=(a, b) if a and b else None,
            directed=directed,
            since=since,
            until=until,
            root=root,
            quad_class=quad_class,
            modalities=modalities_for(modality),
            doc_id=doc_id,
            bbox=bbox,
            location_country=location_country,
            limit=limit,
            cursor=cursor,
        )
    except ValueError as exc:  # a cursor that is not one we issued
        raise bad_request(Errors.E030.format(value=(cursor or "")[:MAX_QUERY_CHARS])) from exc
    return {"items": items, "next_cursor": next_cursor}


def dyad_series(
    store: Store,
    a: str,
    b: str,
    period: str = "month",
    directed: bool = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> dict[str, Any]:
    since, until = clamp_to_data(store.con, since, until)
    check_series_size(since, until, period)
    points = series_of_dyad(
        store.con, a, b, period=period, directed=directed, since=since, until=until
    )
    return {"a": a, "b": b, "period": period, "directed": directed, "points": points}


def dyad_shifts(store: Store, a: str, b: str, period: str = "month") -> dict[str, Any]:
    found = detect_shifts(store.con, a, b, period=period)
    return {"a": a, "b": b, "period": period, "shifts": found}


def top_movers(
    store: Store, since: dt.date | None, until: dt.date | None, limit: int = 10
) -> dict[str, Any]:
    """Dyads that moved most in the last year of the data (or since..until) against the
    year before: what changed lately, the first question on the overview."""
    since, until = clamp_to_data(store.con, since, until)
    if until is None:
        last = data_span(store.con)[1]
        until = month_end(last or dt.date.today())
    if since is None:
        since = days_before(until, 364, "until")
    if since > until:
        return {"items": []}
    days_before(since, (until - since).days + 1, "since")  # the window compared with
    return {"items": movers_between(store.con, since, until, limit=limit)}


def relations_network(
    store: Store,
    at: dt.date | None,
    window_days: int,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> dict[str, Any]:
    if at is not None and since is None and until is None:
        since, until = days_before(at, max(1, window_days) - 1, "at"), at
    graph = network_at(store.con, at=at, window_days=window_days, since=since, until=until)
    return {"at": at.isoformat() if at else None, "window_days": window_days, **graph}


def map_points(
    store: Store,
    *,
    a: str | None = None,
    b: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    modality: str | None = None,
) -> dict[str, Any]:
    """Points for the map: placed events of a dyad or a period, by place and QuadClass."""
    if (a is None) != (b is None):
        raise bad_request(Errors.E024.format(what="dyad"))
    points = store.map_points(
        dyad=(a, b) if a and b else None,
        since=since,
        until=until,
        modalities=modalities_for(modality),
    )
    return {"points": points, "events": sum(p["n"] for p in points)}


def stances(
    store: Store,
    holder: str | None,
    subject: str | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
) -> dict[str, Any]:
    items = query_stances(store.con, holder, subject, since, until, limit=limit)
    return {"items": items}


def document(store: Store, doc_id: str) -> dict[str, Any]:
    """The document, its events, and where each evidence sentence sits in its text."""
    found = store.get_document(doc_id)
    if found is None:
        raise not_found(f"No document with id '{doc_id[:200]}'.")
    text = found.get("text") or ""
    stated = [
        {
            "event_id": s["stance_id"],
            "sentence": s["sentence"],
            "sentence_index": s["sentence_index"],
        }
        for s in found.get("stances", [])
    ]
    ranges = evidence_ranges(text, [*found["events"], *stated])
    found["evidence"] = [
        {
            "sentence_index": r.sentence_index,
            "start": r.start,
            "end": r.end,
            "event_ids": r.event_ids,
        }
        for r in ranges
    ]
    found["ranges"] = ranges
    return found


def month_starts(first: str | None, last: str | None) -> list[str]:
    """Every month from the first to the last event date: the stops of the network slider."""
    if not first or not last:
        return []
    start = dt.date.fromisoformat(first).replace(day=1)
    end = dt.date.fromisoformat(last)
    months = []
    while start <= end:
        months.append(start.isoformat())
        start = (start + dt.timedelta(days=32)).replace(day=1)
    return months
