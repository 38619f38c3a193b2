"""Events as PLOVER JSON records, one per line, with the field names of the PLOVER spec.

The PLOVER data format (manual, "JSON Data Fields") requires `id`, `date` (YYYY-MM-DD),
`source` (a list of actor objects) and `event` (a list of categories); we also fill the
optional `recipient`, `mode`, `context`, `quad_code`, `event_scale` (our Goldstein value),
`event_loc`, `event_text`, `text`, `text_info`, `cite_info` and `coder`. The spec invites
providers to add named fields, so seismo's own meaning travels along: `date_precision`
(the spec insists on a full day; a month-precise event carries the first day of the month
and says so here), `modality`, `confidence` and `cameo`.

Two kinds of event cannot be PLOVER records and are left out: CAMEO roots 01 and 02
(statements and appeals, which PLOVER dropped) and undated events (the date is required).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from seismo.coding.cameo import lookup
from seismo.errors import SeismoError
from seismo.export._records import event_day, event_records, open_for_writing

REQUIRED_PLOVER_FIELDS = ("id", "date", "source", "event")


def _actor(actor: Mapping[str, Any]) -> dict[str, Any]:
    """A PLOVER actor object: the 3-letter top-level code, the sector, the words in the text."""
    code = actor.get("code") or ""
    record = {
        "code": actor.get("country") or code[:3] or None,
        "sector": actor.get("sector"),
        "actor_text": actor.get("text") or None,
        "identifier_text": actor.get("name"),
        "cameo_code": code or None,
    }
    return {key: value for key, value in record.items() if value not in (None, "")}


def _location(location: Mapping[str, Any]) -> dict[str, Any]:
    """The spec's geonames-style location object, with `cc3` for the alpha-3 country."""
    record = {
        "name": location.get("name"),
        "latitude": location.get("lat"),
        "longitude": location.get("lon"),
        "cc3": location.get("country"),
        "feature": location.get("feature"),  # city, region, sea, country
    }
    return {key: value for key, value in record.items() if value is not None}


def _context(cameo: str) -> str | None:
    try:
        return lookup(cameo).plover_context
    except SeismoError:
        return None


def plover_record(record: Mapping[str, Any]) -> dict[str, Any] | None:
    """One event as a PLOVER record, or None when PLOVER cannot represent it."""
    plover = record.get("plover") or {}
    event_type = plover.get("event_type") if isinstance(plover, Mapping) else None
    day = event_day(record)
    if not event_type or day is None:
        return None
    result: dict[str, Any] = {
        "id": record["event_id"],
        "date": day.start.isoformat(),
        "date_precision": record.get("date_precision"),
        "date_basis": record.get("date_basis"),
        "source": [_actor(record["source"])],
        "event": [event_type],
    }
    if record.get("target"):
        result["recipient"] = [_actor(record["target"])]
    if plover.get("mode"):
        result["mode"] = plover["mode"]
    context = _context(str(record["cameo"]))
    if context:
        result["context"] = context
    if record.get("quad_class") is not None:
        result["quad_code"] = record["quad_class"]
    if record.get("goldstein") is not None:
        result["event_scale"] = record["goldstein"]
    if record.get("location"):
        result["event_loc"] = _location(record["location"])
    if record.get("trigger"):
        result["event_text"] = [record["trigger"]]
    if record.get("sentence"):
        result["text"] = record["sentence"]
    if record.get("sentence_index") is not None:
        result["text_info"] = {"sequence": record["sentence_index"]}
    cite = {"citation": record["doc_id"], "url": record.get("url")}
    result["cite_info"] = {key: value for key, value in cite.items() if value}
    if record.get("coder"):
        result["coder"] = record["coder"]
    result["cameo"] = record["cameo"]
    result["modality"] = record.get("modality")
    result["confidence"] = record.get("confidence")
    return {key: value for key, value in result.items() if value is not None}


def to_plover(events: Iterable[Any]) -> list[dict[str, Any]]:
    """The events PLOVER can represent, as PLOVER records (see the module note for the rest)."""
    records = (plover_record(record) for record in event_records(events))
    return [record for record in records if record is not None]


def left_out(events: Iterable[Any]) -> dict[str, int]:
    """Why events stay out of a PLOVER export, with how many: the command says so."""
    reasons: dict[str, int] = {}
    for record in event_records(events):
        plover = record.get("plover") or {}
        if not (isinstance(plover, Mapping) and plover.get("event_type")):
            root = str(record.get("cameo") or "")[:2]
            why = (
                "CAMEO roots 01-02 (statements, appeals): PLOVER has no type for them"
                if root in ("01", "02")
                else "CAMEO codes with no PLOVER type"
            )
        elif event_day(record) is None:
            why = "undated: PLOVER requires a date"
        else:
            continue
        reasons[why] = reasons.get(why, 0) + 1
    return reasons


def write_plover(events: Iterable[Any], path: str | Path) -> int:
    """Write PLOVER records as JSON Lines, as the spec suggests; returns how many."""
    records = to_plover(events)
    with open_for_writing(path, newline="\n") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(records)
