"""The network of relations at a date: who deals with whom, and whether in cooperation or conflict.

An edge joins two actor keys (countries, or organisations) over a window of time, whatever
the direction of the events. Its weight is cooperation minus conflict in event counts, so a
pair with many visits and one sanction reads as cooperative; `goldstein_sum` weighs the same
events by intensity instead.

Alliance, decided here: an edge is an alliance when either side's stance in force is "ally"
(analysis texts say so directly: "Japan's ally, the United States"), or when within the
window the pair both signed a formal agreement (CAMEO 057) and cooperated militarily (062,
or declared the intent to: 0312). CAMEO has no "form an alliance" code, and a treaty alone
may be about trade; a treaty together with military cooperation is the event-data trace a
defence pact leaves. `alliance_basis` says which rule fired, so an analyst can disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from seismo.analytics.names import display_label
from seismo.analytics.stances import latest_stances
from seismo.store.queries import event_filters, where
from seismo.store.rows import fetch_dicts

AGREEMENT_CODES = ("057",)
MILITARY_COOPERATION_CODES = ("062", "0312")


def network_window(
    at: dt.date | None, window_days: int, since: dt.date | None, until: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """The dates an edge counts events over: since..until if given, else the window ending at `at`."""
    if since is not None or until is not None:
        return since, until
    if at is not None:
        return at - dt.timedelta(days=max(1, window_days) - 1), at
    return None, None


def _edges(
    con: Any,
    since: dt.date | None,
    until: dt.date | None,
    min_events: int,
    modalities: Sequence[str] | None,
) -> list[dict[str, Any]]:
    clauses, params = event_filters(since=since, until=until, modalities=modalities)
    clauses += ["target_key IS NOT NULL", "source_key <> target_key"]
    agreement = ", ".join(f"'{c}'" for c in AGREEMENT_CODES)
    military = ", ".join(f"'{c}'" for c in MILITARY_COOPERATION_CODES)
    sql = f"""
        SELECT least(source_key, target_key) AS a, greatest(source_key, target_key) AS b,
               count(*) AS n,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
               round(sum(goldstein), 3) AS goldstein_sum,
               round(avg(goldstein), 3) AS goldstein_mean,
               mode(quad_class) AS dominant_quad_class,
               bool_or(cameo IN ({agreement})) AS signed_agreement,
               bool_or(cameo IN ({military})) AS military_cooperation
        FROM events {where(clauses)}
        GROUP BY ALL
        HAVING count(*) >= ?
        ORDER BY n DESC, a, b
    """
    return fetch_dicts(con.execute(sql, [*params, int(min_events)]))


def _names(
    con: Any, since: dt.date | None, until: dt.date | None, modalities: Sequence[str] | None
) -> dict[str, str]:
    clauses, params = event_filters(since=since, until=until, modalities=modalities)
    sql = f"""
        WITH e AS (SELECT * FROM events {where(clauses)})
        SELECT key, mode(name) FROM (
            SELECT source_key AS key, source_name AS name FROM e
            UNION ALL
            SELECT target_key, target_name FROM e WHERE target_key IS NOT NULL
        ) GROUP BY key
    """
    return dict(con.execute(sql, params).fetchall())


def network(
    con: Any,
    at: dt.date | None = None,
    window_days: int = 365,
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_events: int = 1,
    modalities: Sequence[str] | None = ("asserted",),
) -> dict[str, Any]:
    """Nodes and undirected edges of the relations in the window (see module docstring).

    Edges: a, b (actor keys, a < b), n, cooperation, conflict, weight (cooperation −
    conflict), goldstein_sum, goldstein_mean, dominant_quad_class, stances (the stance in
    force each way at the window's end), alliance, alliance_basis. Nodes: id (actor key),
    name, degree, events. With no dates at all, every event counts, undated ones included.
    """
    start, end = network_window(at, window_days, since, until)
    edges = _edges(con, start, end, min_events, modalities)
    in_force = {(s["holder"], s["subject"]): s for s in latest_stances(con, at=end)}
    degree: dict[str, int] = {}
    events: dict[str, int] = {}
    for edge in edges:
        a, b = edge["a"], edge["b"]
        edge["weight"] = edge["cooperation"] - edge["conflict"]
        edge["stances"] = [in_force[p] for p in ((a, b), (b, a)) if p in in_force]
        signed, military = edge.pop("signed_agreement"), edge.pop("military_cooperation")
        if any(s["stance"] == "ally" for s in edge["stances"]):
            edge["alliance"], edge["alliance_basis"] = True, "ally stance"
        elif signed and military:
            edge["alliance"], edge["alliance_basis"] = True, "agreement and military cooperation"
        else:
            edge["alliance"], edge["alliance_basis"] = False, None
        for key in (a, b):
            degree[key] = degree.get(key, 0) + 1
            events[key] = events.get(key, 0) + edge["n"]
    names = _names(con, start, end, modalities) if edges else {}
    nodes = [
        {
            "id": key,
            "label": display_label(key),
            "name": names.get(key, key),
            "degree": degree[key],
            "events": events[key],
        }
        for key in sorted(degree, key=lambda k: (-events[k], k))
    ]
    return {
        "since": start.isoformat() if start else None,
        "until": end.isoformat() if end else None,
        "nodes": nodes,
        "edges": edges,
    }
