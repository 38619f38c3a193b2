"""Flat rows for storage: seismo.model records in, Arrow tables out, and back to records.

The same `events_table` feeds DuckDB (`Store.write`) and the Spark job's Parquet, so a row
looks identical whichever path wrote it. `event_record` turns a stored row back into the
shape of `Event.to_dict()` for the CLI and the API.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from seismo.model import CODER_VERSION, Actor, CodedDocument, EventDate

ACTOR_FIELDS = ("key", "code", "country", "sector", "name", "text")

EVENT_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("content_hash", pa.string()),
        ("doc_id", pa.string()),
        ("sentence_index", pa.int32()),
        ("sentence", pa.string()),
        *[(f"source_{f}", pa.string()) for f in ACTOR_FIELDS],
        *[(f"target_{f}", pa.string()) for f in ACTOR_FIELDS],
        ("cameo", pa.string()),
        ("root", pa.string()),
        ("goldstein", pa.float64()),
        ("quad_class", pa.int8()),
        ("plover_type", pa.string()),
        ("plover_mode", pa.string()),
        ("date", pa.string()),
        ("date_precision", pa.string()),
        ("date_text", pa.string()),
        ("date_warning", pa.string()),
        ("event_date", pa.date32()),
        ("date_end", pa.date32()),
        ("modality", pa.string()),
        ("location_name", pa.string()),
        ("location_country", pa.string()),
        ("location_lat", pa.float64()),
        ("location_lon", pa.float64()),
        ("location_feature", pa.string()),
        ("location_basis", pa.string()),
        ("confidence", pa.float64()),
        ("trigger", pa.string()),
        ("coder", pa.string()),
        ("date_basis", pa.string()),  # last: schema 2 appends it to older files
    ]
)

STANCE_SCHEMA = pa.schema(
    [
        ("stance_id", pa.string()),
        ("content_hash", pa.string()),
        ("doc_id", pa.string()),
        ("sentence_index", pa.int32()),
        ("sentence", pa.string()),
        *[(f"holder_{f}", pa.string()) for f in ACTOR_FIELDS],
        *[(f"subject_{f}", pa.string()) for f in ACTOR_FIELDS],
        ("stance", pa.string()),
        ("date", pa.string()),
        ("date_precision", pa.string()),
        ("date_text", pa.string()),
        ("date_warning", pa.string()),
        ("stance_date", pa.date32()),
        ("modality", pa.string()),
        ("evidence", pa.string()),
        ("coder", pa.string()),
        ("date_basis", pa.string()),
    ]
)

DOCUMENT_SCHEMA = pa.schema(
    [
        ("content_hash", pa.string()),
        ("doc_id", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("source", pa.string()),
        ("published", pa.date32()),
        ("published_source", pa.string()),
        ("path", pa.string()),
        ("text", pa.string()),
        ("coder", pa.string()),
        ("ingested_at", pa.timestamp("us")),
    ]
)


def period_end(when: EventDate) -> dt.date | None:
    """The last day of the period a date names: a "2022-03" event may be any day in March."""
    start = when.start
    if start is None:
        return None
    if when.precision == "year" or (when.value and len(when.value) == 4):
        return dt.date(start.year, 12, 31)
    if when.precision == "month" or (when.value and len(when.value) == 7):
        return dt.date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return start


def _actor_columns(prefix: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {f"{prefix}_{f}": None for f in ACTOR_FIELDS}
    return {
        f"{prefix}_key": actor.key,
        f"{prefix}_code": actor.code,
        f"{prefix}_country": actor.country,
        f"{prefix}_sector": actor.sector,
        f"{prefix}_name": actor.name,
        f"{prefix}_text": actor.text,
    }


def _to_table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    columns = {name: [row[name] for row in rows] for name in schema.names}
    return pa.Table.from_pydict(columns, schema=schema)


def document_coder(coded: CodedDocument) -> str:
    """The coder version that produced a document's records (a document with none: this one)."""
    coders = [e.coder for e in coded.events] + [s.coder for s in coded.stances]
    return next((c for c in coders if c), CODER_VERSION)


def events_table(coded: Sequence[CodedDocument]) -> pa.Table:
    """The flat event rows of coded documents, one per event, as the `events` table holds them.

    Events repeating an event_id within a document (same sentence, actors and code) are
    kept once: they are the same event read twice, and the id must stay a stable key.
    """
    rows: list[dict[str, Any]] = []
    for item in coded:
        doc = item.document
        seen: set[str] = set()
        for ev in item.events:
            if ev.event_id in seen:
                continue
            seen.add(ev.event_id)
            loc = ev.location
            rows.append(
                {
                    "event_id": ev.event_id,
                    "content_hash": doc.content_hash,
                    "doc_id": ev.doc_id or doc.doc_id,
                    "sentence_index": ev.sentence_index,
                    "sentence": ev.sentence,
                    **_actor_columns("source", ev.source),
                    **_actor_columns("target", ev.target),
                    "cameo": ev.cameo,
                    "root": ev.root,
                    "goldstein": ev.goldstein,
                    "quad_class": ev.quad_class,
                    "plover_type": (ev.plover or {}).get("event_type"),
                    "plover_mode": (ev.plover or {}).get("mode"),
                    "date": ev.date.value,
                    "date_precision": ev.date.precision,
                    "date_text": ev.date.text,
                    "date_warning": ev.date.warning,
                    "date_basis": ev.date.basis if ev.date.value else None,
                    "event_date": ev.date.start,
                    "date_end": period_end(ev.date),
                    "modality": ev.modality,
                    "location_name": loc.name if loc else None,
                    "location_country": loc.country if loc else None,
                    "location_lat": loc.lat if loc else None,
                    "location_lon": loc.lon if loc else None,
                    "location_feature": loc.feature if loc else None,
                    "location_basis": loc.basis if loc else None,
                    "confidence": ev.confidence,
                    "trigger": ev.trigger,
                    "coder": ev.coder,
                }
            )
    return _to_table(rows, EVENT_SCHEMA)


def stances_table(coded: Sequence[CodedDocument]) -> pa.Table:
    """The flat stance rows of coded documents (duplicates within a document kept once)."""
    rows: list[dict[str, Any]] = []
    for item in coded:
        doc = item.document
        seen: set[str] = set()
        for st in item.stances:
            if st.stance_id in seen:
                continue
            seen.add(st.stance_id)
            rows.append(
                {
                    "stance_id": st.stance_id,
                    "content_hash": doc.content_hash,
                    "doc_id": st.doc_id or doc.doc_id,
                    "sentence_index": st.sentence_index,
                    "sentence": st.sentence,
                    **_actor_columns("holder", st.holder),
                    **_actor_columns("subject", st.subject),
                    "stance": st.stance,
                    "date": st.date.value,
                    "date_precision": st.date.precision,
                    "date_text": st.date.text,
                    "date_warning": st.date.warning,
                    "date_basis": st.date.basis if st.date.value else None,
                    "stance_date": st.date.start,
                    "modality": st.modality,
                    "evidence": st.evidence,
                    "coder": st.coder,
                }
            )
    return _to_table(rows, STANCE_SCHEMA)


def documents_table(coded: Sequence[CodedDocument], ingested_at: dt.datetime) -> pa.Table:
    """One row per document: its text and metadata, and the coder version that read it."""
    rows = [
        {
            "content_hash": item.document.content_hash,
            "doc_id": item.document.doc_id,
            "title": item.document.title,
            "url": item.document.url,
            "source": item.document.source,
            "published": item.document.published,
            "published_source": item.document.published_source,
            "path": item.document.path,
            "text": item.document.text,
            "coder": document_coder(item),
            "ingested_at": ingested_at,
        }
        for item in coded
    ]
    return _to_table(rows, DOCUMENT_SCHEMA)


def _actor_record(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    if row.get(f"{prefix}_code") is None:
        return None
    return {f: row.get(f"{prefix}_{f}") for f in ("code", "country", "sector", "name", "text")}


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event row in the shape of `Event.to_dict()`, plus its `event_date`."""
    location = None
    if row.get("location_name") is not None:
        location = {
            "name": row["location_name"],
            "country": row.get("location_country"),
            "lat": row.get("location_lat"),
            "lon": row.get("location_lon"),
            "feature": row.get("location_feature"),
            "basis": row.get("location_basis"),
        }
    record: dict[str, Any] = {
        "event_id": row["event_id"],
        "doc_id": row["doc_id"],
        "sentence_index": row.get("sentence_index"),
        "sentence": row.get("sentence"),
        "source": _actor_record(row, "source"),
        "target": _actor_record(row, "target"),
        "cameo": row["cameo"],
        "root": row["root"],
        "goldstein": row.get("goldstein"),
        "quad_class": row.get("quad_class"),
        "plover": {"event_type": row.get("plover_type"), "mode": row.get("plover_mode")},
        "date": row.get("date"),
        "date_precision": row.get("date_precision"),
        "date_text": row.get("date_text"),
        "date_basis": row.get("date_basis"),
        "modality": row.get("modality"),
        "location": location,
        "confidence": None if row.get("confidence") is None else round(row["confidence"], 3),
        "coder": row.get("coder"),
        "trigger": row.get("trigger"),
        "event_date": _iso(row.get("event_date")),
    }
    if row.get("date_warning"):
        record["date_warning"] = row["date_warning"]
    return record


def stance_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored stance row in the shape of `Stance.to_dict()`, plus its `stance_date`."""
    return {
        "stance_id": row["stance_id"],
        "doc_id": row["doc_id"],
        "sentence_index": row.get("sentence_index"),
        "sentence": row.get("sentence"),
        "holder": _actor_record(row, "holder"),
        "subject": _actor_record(row, "subject"),
        "stance": row["stance"],
        "date": row.get("date"),
        "date_precision": row.get("date_precision"),
        "date_text": row.get("date_text"),
        "date_basis": row.get("date_basis"),
        "modality": row.get("modality"),
        "evidence": row.get("evidence"),
        "coder": row.get("coder"),
        "stance_date": _iso(row.get("stance_date")),
    }


def fetch_dicts(relation_or_cursor: Any) -> list[dict[str, Any]]:
    """Rows of an executed DuckDB query as dicts keyed by column name."""
    names = [d[0] for d in relation_or_cursor.description]
    return [dict(zip(names, values, strict=True)) for values in relation_or_cursor.fetchall()]
