"""Read queries over the `events`, `documents` and `stances` tables of any DuckDB connection.

They take a connection rather than a `Store` so the same code answers over a seismo database
file and over the Parquet that `seismo spark` writes (`open_events_view`). Every value a user
gives reaches SQL as a bound parameter, never as text spliced into the query.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from seismo.store.rows import event_record, fetch_dicts, stance_record

# Undated events sort after every dated one; this stands in for "no date" in the sort key.
UNDATED_SORT = dt.date(9999, 12, 31)
SORT_DATE = "COALESCE(event_date, DATE '9999-12-31')"
EVENT_ORDER = f"{SORT_DATE}, event_id, content_hash"


def _matches(prefix: str) -> str:
    """SQL: an actor column group equals the bound value by key or by code."""
    return f"({prefix}_key = ? OR {prefix}_code = ?)"


def event_filters(
    *,
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    directed: bool = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
    root: str | None = None,
    quad_class: int | None = None,
    modalities: Sequence[str] | None = ("asserted",),
    doc_id: str | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    location_country: str | None = None,
    date_column: str = "event_date",
) -> tuple[list[str], list[Any]]:
    """WHERE clauses and their parameters for the usual event filters.

    `actor` matches either side by key, code or country. `dyad` matches by key or code, in
    both directions unless `directed`. `since`/`until` compare the first day of the event's
    period, so undated events drop out as soon as either is given.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if actor is not None:
        clauses.append(
            "? IN (source_key, source_code, source_country, target_key, target_code, target_country)"
        )
        params.append(actor)
    if dyad is not None:
        a, b = dyad
        forward = f"({_matches('source')} AND {_matches('target')})"
        if directed:
            clauses.append(forward)
            params += [a, a, b, b]
        else:
            clauses.append(f"({forward} OR {forward})")
            params += [a, a, b, b, b, b, a, a]
    if bbox is not None:
        west, south, east, north = bbox
        clauses.append("location_lat BETWEEN ? AND ?")
        params += [south, north]
        if west <= east:
            clauses.append("location_lon BETWEEN ? AND ?")
            params += [west, east]
        else:  # a box across the antimeridian (west 170, east -170)
            clauses.append("(location_lon >= ? OR location_lon <= ?)")
            params += [west, east]
    if location_country is not None:
        clauses.append("location_country = ?")
        params.append(location_country)
    if since is not None:
        clauses.append(f"{date_column} >= ?")
        params.append(since)
    if until is not None:
        clauses.append(f"{date_column} <= ?")
        params.append(until)
    if root is not None:
        clauses.append("root = ?")
        params.append(str(root).zfill(2))
    if quad_class is not None:
        clauses.append("quad_class = ?")
        params.append(int(quad_class))
    if modalities:
        clauses.append(f"modality IN ({', '.join('?' for _ in modalities)})")
        params += list(modalities)
    if doc_id is not None:
        clauses.append("doc_id = ?")
        params.append(doc_id)
    return clauses, params


def where(clauses: Sequence[str]) -> str:
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""


def encode_cursor(row: dict[str, Any]) -> str:
    """An opaque cursor naming the last row of a page: its sort date, event_id, content hash."""
    when = row["event_date"] or UNDATED_SORT
    key = [when.isoformat(), row["event_id"], row["content_hash"]]
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[dt.date, str, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        when, event_id, chash = json.loads(base64.urlsafe_b64decode(padded))
        return dt.date.fromisoformat(when), str(event_id), str(chash)
    except (ValueError, TypeError, binascii.Error) as exc:
        raise ValueError(f"Invalid cursor '{cursor}': pass back the one a page returned.") from exc


def query_events(
    con: Any,
    *,
    limit: int = 100,
    cursor: str | None = None,
    **filters: Any,
) -> tuple[list[dict[str, Any]], str | None]:
    """A page of events in time order (then event_id), and the cursor of the next page.

    Keyset pagination: the cursor holds the last row's sort key, so a page costs the same
    wherever it is in the table and rows written meanwhile never shift or repeat a page.
    """
    clauses, params = event_filters(**filters)
    if cursor:
        when, event_id, chash = decode_cursor(cursor)
        # The `>=` conjunct is a plain range test DuckDB evaluates cheaply before the rest.
        clauses.append(
            f"{SORT_DATE} >= ? AND ({SORT_DATE} > ? OR event_id > ? "
            "OR (event_id = ? AND content_hash > ?))"
        )
        params += [when, when, event_id, event_id, chash]
    limit = max(1, int(limit))
    if _is_table(con, "events"):
        rows = _page_by_rowid(con, where(clauses), params, limit + 1)
    else:  # a view over Parquet has no rowid
        rows = fetch_dicts(
            con.execute(
                f"SELECT * FROM events {where(clauses)} ORDER BY {EVENT_ORDER} LIMIT ?",
                [*params, limit + 1],
            )
        )
    next_cursor = encode_cursor(rows[limit - 1]) if len(rows) > limit else None
    return [event_record(r) for r in rows[:limit]], next_cursor


def _is_table(con: Any, name: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_name = ? AND table_type = 'BASE TABLE'",
        [name],
    ).fetchone()
    return bool(row and row[0])


def _page_by_rowid(con: Any, where_sql: str, params: list[Any], n: int) -> list[dict[str, Any]]:
    """Sort only the key columns, then fetch the page's rows by rowid.

    DuckDB's top-N over `SELECT *` drags every column of a million rows through the sort;
    sorting (date, event_id, hash) and fetching 100 rows after is 2-3x faster.
    """
    ids = [
        r[0]
        for r in con.execute(
            f"SELECT rowid FROM events {where_sql} ORDER BY {EVENT_ORDER} LIMIT ?", [*params, n]
        ).fetchall()
    ]
    if not ids:
        return []
    rows = fetch_dicts(
        con.execute("SELECT rowid AS _rowid, * FROM events WHERE rowid = ANY(?)", [ids])
    )
    position = {rowid: i for i, rowid in enumerate(ids)}
    rows.sort(key=lambda r: position[r["_rowid"]])
    for row in rows:
        del row["_rowid"]
    return rows


def get_document(con: Any, doc_id: str) -> dict[str, Any] | None:
    """A document's text and metadata with all its events (any modality) and stances.

    `doc_id` may also be the content hash, which stays unique when two sources reuse an id.
    """
    docs = fetch_dicts(
        con.execute(
            "SELECT * FROM documents WHERE doc_id = ? OR content_hash = ? "
            "ORDER BY ingested_at DESC LIMIT 1",
            [doc_id, doc_id],
        )
    )
    if not docs:
        return None
    doc = docs[0]
    for name in ("published", "ingested_at"):
        if doc.get(name) is not None:
            doc[name] = doc[name].isoformat()
    chash = doc["content_hash"]
    events = fetch_dicts(
        con.execute(
            "SELECT * FROM events WHERE content_hash = ? ORDER BY sentence_index, event_id",
            [chash],
        )
    )
    stances = fetch_dicts(
        con.execute(
            "SELECT * FROM stances WHERE content_hash = ? ORDER BY sentence_index, stance_id",
            [chash],
        )
    )
    doc["events"] = [event_record(r) for r in events]
    doc["stances"] = [stance_record(r) for r in stances]
    return doc


def query_stances(
    con: Any,
    holder: str | None = None,
    subject: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    *,
    modalities: Sequence[str] | None = ("asserted",),
    limit: int = 1000,
) -> list[dict[str, Any]]:
    """Stances in time order: who called whom an ally, a threat, a challenge, and when."""
    clauses: list[str] = []
    params: list[Any] = []
    for prefix, value in (("holder", holder), ("subject", subject)):
        if value is not None:
            clauses.append(f"? IN ({prefix}_key, {prefix}_code, {prefix}_country)")
            params.append(value)
    if since is not None:
        clauses.append("stance_date >= ?")
        params.append(since)
    if until is not None:
        clauses.append("stance_date <= ?")
        params.append(until)
    if modalities:
        clauses.append(f"modality IN ({', '.join('?' for _ in modalities)})")
        params += list(modalities)
    rows = fetch_dicts(
        con.execute(
            f"SELECT * FROM stances {where(clauses)} "
            "ORDER BY stance_date NULLS LAST, stance_id LIMIT ?",
            [*params, int(limit)],
        )
    )
    return [stance_record(r) for r in rows]


def _like_pattern(q: str) -> str:
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_actors(con: Any, q: str, limit: int = 20) -> list[dict[str, Any]]:
    """Actors seen in events whose key, code or name contains `q`, the busiest first."""
    sql = """
        WITH actors AS (
            SELECT source_key AS key, source_code AS code, source_country AS country,
                   source_name AS name FROM events
            UNION ALL
            SELECT target_key, target_code, target_country, target_name FROM events
            WHERE target_code IS NOT NULL
        )
        SELECT key, code, any_value(country) AS country, mode(name) AS name,
               count(*) AS n_events
        FROM actors
        WHERE key ILIKE ? ESCAPE '\\' OR code ILIKE ? ESCAPE '\\' OR name ILIKE ? ESCAPE '\\'
        GROUP BY key, code
        ORDER BY n_events DESC, code
        LIMIT ?
    """
    pattern = _like_pattern(q)
    return fetch_dicts(con.execute(sql, [pattern, pattern, pattern, int(limit)]))


def top_dyads(con: Any, limit: int = 10) -> list[dict[str, Any]]:
    """The pairs of actors (either direction) with the most asserted events.

    Asserted only, dated or not: the default of the dyad, actor and events views, so the
    overview's count is the one a reader finds again on the pages it links to.
    """
    sql = """
        SELECT least(source_key, target_key) AS a, greatest(source_key, target_key) AS b,
               count(*) AS events, round(avg(goldstein), 2) AS goldstein_mean
        FROM events
        WHERE target_key IS NOT NULL AND source_key <> target_key AND modality = 'asserted'
        GROUP BY ALL
        ORDER BY events DESC, a, b
        LIMIT ?
    """
    return fetch_dicts(con.execute(sql, [int(limit)]))


def summary(con: Any, has_documents: bool = True, has_stances: bool = True) -> dict[str, Any]:
    """How much the database holds and over which dates: the first thing a user asks."""
    events, first, last, undated = con.execute(
        "SELECT count(*), min(event_date), max(event_date), count(*) - count(event_date) "
        "FROM events"
    ).fetchone()
    documents = (
        con.execute("SELECT count(*) FROM documents").fetchone()[0] if has_documents else None
    )
    stances = con.execute("SELECT count(*) FROM stances").fetchone()[0] if has_stances else None
    return {
        "documents": documents,
        "events": events,
        "stances": stances,
        "undated_events": undated,
        "first_event_date": first.isoformat() if first else None,
        "last_event_date": last.isoformat() if last else None,
        "top_dyads": top_dyads(con),
    }


MAP_POINT_LIMIT = 2000
MAP_EVIDENCE = 3


def map_points(con: Any, *, limit: int = MAP_POINT_LIMIT, **filters: Any) -> list[dict[str, Any]]:
    """Placed events grouped by place and QuadClass, with a few evidence sentences each.

    One point per (place, QuadClass): the map sizes it by `n` and colours it by QuadClass;
    `evidence` holds the latest sentences ({sentence, doc_id, cameo, date}) for a click.
    `filters` are those of `event_filters`.
    """
    clauses, params = event_filters(**filters)
    clauses.append("location_lat IS NOT NULL AND location_lon IS NOT NULL")
    rows = con.execute(
        "SELECT location_name AS name, location_country AS country, location_feature AS feature,"
        " location_lat AS lat, location_lon AS lon, quad_class, count(*) AS n,"
        " list({'sentence': sentence, 'doc_id': doc_id, 'cameo': cameo, 'date': date}"
        f"   ORDER BY {SORT_DATE} DESC)[1:{MAP_EVIDENCE}] AS evidence"
        f" FROM events {where(clauses)}"
        " GROUP BY ALL ORDER BY n DESC, name LIMIT ?",
        [*params, int(limit)],
    )
    return fetch_dicts(rows)
