"""How the coding commands print: events or stances as JSONL, CSV or a table, and scores.

Kept apart from the commands so `seismo/cli/coding.py` holds the commands themselves.
"""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

from seismo.errors import SeismoError

SENTENCE_WIDTH = 90


def short(text: str | None, width: int = SENTENCE_WIDTH) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _event_name(cameo: str) -> str:
    from seismo.coding.cameo import lookup

    try:
        return f"{cameo} {lookup(cameo).name}"
    except SeismoError:
        return cameo


def _who(actor: dict[str, Any] | None) -> str:
    """An actor as a reader knows it, the code beside the name: "JPN Japan"."""
    if not actor:
        return "(no target)"
    code, name = actor.get("code") or actor.get("key") or "?", actor.get("name") or ""
    return code if not name or name.upper() == str(code).upper() else f"{code} {name}"


def event_lines(records: list[dict[str, Any]], width: int, full: bool = False) -> list[str]:
    """Events as text that reads at any terminal width, 80 columns included.

    A table of eight columns wraps a sentence one word per line at 80 columns; here each
    event is a headline (date, who → whom with names beside codes, the event's name and
    Goldstein score, the modality when not asserted) and its sentence indented below: cut
    to one line with its document id, or whole and wrapped with `full`.
    """
    import textwrap

    lines: list[str] = []
    for r in records:
        modality = "" if r.get("modality") in (None, "asserted") else f" ({r['modality']})"
        score = "" if r.get("goldstein") is None else f"{r['goldstein']:+.1f} "
        head = (f"{r.get('date') or 'undated'} {_who(r.get('source'))} → {_who(r.get('target'))}"
                f"{modality}: {score}{_event_name(str(r.get('cameo')))}")  # fmt: skip
        lines.append(short(head, width))
        sentence = " ".join((r.get("sentence") or "").split()) + f" [{r.get('doc_id')}]"
        if full:
            lines += textwrap.wrap(sentence, width, initial_indent="    ", subsequent_indent="    ")
        else:
            lines.append("    " + short(sentence, width - 4))
    return lines


def terminal_width() -> int:
    import shutil

    return max(40, shutil.get_terminal_size((80, 24)).columns)


class Printer:
    """Writes records to stdout as they come (jsonl, csv) or at the end (a rich table)."""

    def __init__(self, fmt: str, stances: bool) -> None:
        self.fmt, self.stances = fmt, stances
        self.rows: list[dict[str, Any]] = []
        self.writer: csv.DictWriter | None = None

    def add(self, record: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            print(json.dumps(record, ensure_ascii=False))
        elif self.fmt == "csv":
            self._csv(record)
        else:
            self.rows.append(record)

    def _csv(self, record: dict[str, Any]) -> None:
        if self.stances:
            row = _flat_stance(record)
        else:
            from seismo.export.flat import flat_row

            row = flat_row(record)
        if self.writer is None:
            self.writer = csv.DictWriter(sys.stdout, fieldnames=list(row), lineterminator="\n")
            self.writer.writeheader()
        self.writer.writerow({k: "" if v is None else v for k, v in row.items()})

    def close(self) -> None:
        if self.fmt == "csv" and self.writer is None:  # a header even when nothing was found
            from seismo.export.flat import CSV_COLUMNS

            names = STANCE_COLUMNS if self.stances else CSV_COLUMNS
            csv.writer(sys.stdout, lineterminator="\n").writerow(names)
        if self.fmt == "table":
            self._table()

    def _table(self) -> None:
        from rich.console import Console
        from rich.table import Table

        if self.stances:
            table = Table("date", "holder", "stance", "subject", "modality", "sentence")
            for r in self.rows:
                table.add_row(r["date"] or "", r["holder"]["code"], r["stance"],
                              r["subject"]["code"], r["modality"], short(r["sentence"]))  # fmt: skip
        else:
            print("\n".join(event_lines(self.rows, terminal_width())))
            return
        Console().print(table)


STANCE_COLUMNS = (
    "stance_id", "doc_id", "sentence_index", "date", "date_precision", "date_text",
    "holder_code", "holder_country", "holder_name", "stance", "subject_code",
    "subject_country", "subject_name", "modality", "evidence", "sentence", "coder",
)  # fmt: skip


def _flat_stance(record: dict[str, Any]) -> dict[str, Any]:
    row = {name: record.get(name) for name in STANCE_COLUMNS}
    for role in ("holder", "subject"):
        for key in ("code", "country", "name"):
            row[f"{role}_{key}"] = (record.get(role) or {}).get(key)
    return row


def print_scores(result: dict, stance_result: dict | None, show_misses: bool) -> None:
    if show_misses:
        for miss in result["misses"]:
            print(f"miss {miss['doc']}: {miss['source']}->{miss.get('target')} "
                  f"{miss['root']} | {miss['evidence']}")  # fmt: skip
    print(f"gold {result['gold']}  predicted {result['predicted']}  matched {result['matched']}")
    print(f"date accuracy {result['date_accuracy']}  strict F1 {result['strict_f1']}")
    print(f"F1 {result['f1']} P {result['precision']} R {result['recall']}")
    if stance_result is None:
        return
    if show_misses:
        for miss in stance_result["misses"]:
            print(f"miss stance {miss['doc']}: {miss['holder']} {miss['stance']} "
                  f"{miss['about']} | {miss['evidence']}")  # fmt: skip
    s = stance_result
    print(f"stances: gold {s['gold']}  predicted {s['predicted']}  matched {s['matched']}  "
          f"F1 {s['f1']} P {s['precision']} R {s['recall']}")  # fmt: skip
