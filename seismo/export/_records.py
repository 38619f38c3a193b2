"""What every exporter needs from an event record: checked fields, dates, clean text.

Exporters take the plain dicts of `Event.to_dict()` (EVENT-SCHEMA.md), as the store, the API
and JSONL files give them back, so an export never needs the coder. An `Event` object is
accepted too and turned into its dict.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seismo.errors import Errors, SeismoError

REQUIRED_FIELDS = ("event_id", "doc_id", "source", "cameo")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CONTROL = re.compile(r"[\t\r\n\x0b\x0c]+")


class ExportError(SeismoError):
    """An export that cannot be made: the message names the event or the file and why."""

    def __init__(self, message: str) -> None:
        super().__init__(Errors.E012.format(reason=message))


def event_records(events: Iterable[Any]) -> list[dict[str, Any]]:
    """The events as checked dicts; an `Event` (anything with `to_dict`) is converted."""
    records = []
    for position, event in enumerate(events):
        record = event.to_dict() if hasattr(event, "to_dict") else event
        if not isinstance(record, Mapping):
            raise ExportError(f"event #{position} is a {type(record).__name__}, not a record")
        missing = [name for name in REQUIRED_FIELDS if record.get(name) in (None, "")]
        if missing:
            label = record.get("event_id") or f"#{position}"
            raise ExportError(f"event {label} has no {', '.join(missing)}")
        if not isinstance(record["source"], Mapping):
            raise ExportError(f"event {record['event_id']}: 'source' is not an actor object")
        target = record.get("target")
        if target is not None and not isinstance(target, Mapping):
            raise ExportError(f"event {record['event_id']}: 'target' is not an actor object")
        records.append(dict(record))
    return records


@dataclass(frozen=True)
class EventDay:
    """An event date at the precision the text gave: `month` and `day` None when unknown."""

    year: int
    month: int | None
    day: int | None

    @property
    def start(self) -> dt.date:
        """The first day of the period, for exports that insist on a full date."""
        return dt.date(self.year, self.month or 1, self.day or 1)


def event_day(record: Mapping[str, Any]) -> EventDay | None:
    """Parse the record's `date` (YYYY, YYYY-MM or YYYY-MM-DD); None when it has none."""
    value = record.get("date")
    if value in (None, ""):
        return None
    match = _DATE.match(str(value))
    if not match:
        raise ExportError(
            f"event {record.get('event_id')}: date '{value}' is not YYYY, YYYY-MM or YYYY-MM-DD"
        )
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as exc:
        raise ExportError(f"event {record.get('event_id')}: date '{value}' {exc}") from None
    return EventDay(year, month, day)


def one_line(value: Any) -> str:
    """Text safe for a tab-separated line: tabs and line breaks become single spaces."""
    if value is None:
        return ""
    return _CONTROL.sub(" ", str(value)).strip()


def open_for_writing(path: str | Path, newline: str | None = "") -> Any:
    """Open an export file, with an error that says which file could not be written."""
    target = Path(path)
    try:
        return target.open("w", encoding="utf-8", newline=newline)
    except OSError as exc:
        raise ExportError(f"Cannot write {target}: {exc.strerror or exc}.") from exc
