"""Events as a flat CSV for spreadsheets: one row per event, actors spread into columns.

The column names are those of the `events` table in the store (source.code → source_code),
so a CSV export and a DuckDB query line up; `event_date` is the first day of the period, for
sorting in tools that cannot sort "2022-03" next to "2022-03-07".
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from seismo.export._records import event_day, event_records, open_for_writing

_ACTOR_FIELDS = ("code", "country", "sector", "name", "text")

CSV_COLUMNS: tuple[str, ...] = (
    "event_id",
    "doc_id",
    "sentence_index",
    "date",
    "date_precision",
    "event_date",
    "date_text",
    "date_basis",
    *(f"source_{f}" for f in _ACTOR_FIELDS),
    *(f"target_{f}" for f in _ACTOR_FIELDS),
    "cameo",
    "root",
    "goldstein",
    "quad_class",
    "plover_type",
    "plover_mode",
    "modality",
    "confidence",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "location_feature",
    "location_basis",
    "trigger",
    "sentence",
    "coder",
)


def flat_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """One event record as a flat dict with `CSV_COLUMNS` as keys (None where unknown)."""
    row: dict[str, Any] = {column: record.get(column) for column in CSV_COLUMNS}
    for role in ("source", "target"):
        actor = record.get(role) or {}
        for field in _ACTOR_FIELDS:
            row[f"{role}_{field}"] = actor.get(field)
    plover = record.get("plover") or {}
    row["plover_type"] = plover.get("event_type")
    row["plover_mode"] = plover.get("mode")
    location = record.get("location") or {}
    for field in ("name", "country", "lat", "lon", "feature", "basis"):
        row[f"location_{field}"] = location.get(field)
    day = event_day(record)
    row["event_date"] = day.start.isoformat() if day else None
    return row


def write_csv(events: Iterable[Any], path: str | Path) -> int:
    """Write the events as CSV with a header row; returns the number of events written."""
    rows = [flat_row(record) for record in event_records(events)]
    with open_for_writing(path) as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return len(rows)
