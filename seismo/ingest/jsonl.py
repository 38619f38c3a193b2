"""JSON Lines: one document per line, read one line at a time.

This is the format for large inputs (a million articles exported from a crawler), so nothing
here holds more than one record in memory, and a bad line costs that line only: it becomes a
Skipped naming the file and line number, and reading goes on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any, Protocol

from seismo.errors import Skips
from seismo.ingest.html import document_from_markup
from seismo.ingest.text import document_from_text
from seismo.model import Document, Skipped


class LineSource(Protocol):
    """What JSONL is read from: a binary file, a GzipFile, or standard input (text)."""

    def readline(self, size: int = -1, /) -> bytes | str: ...


# How much of an over-long line is read at a time while skipping past it.
_DRAIN_CHUNK = 1 << 20


def read_jsonl_stream(
    stream: LineSource,
    where: str,
    stem: str,
    published: dt.date | None,
    max_bytes: int,
) -> Iterator[Document | Skipped]:
    """Documents from a JSONL stream (a file opened in binary, or standard input).

    `where` names the stream in reasons ("news.jsonl:12"); `stem` makes ids for records
    without one ("news:12").
    """
    for number, line in _numbered_lines(stream, max_bytes):
        line_where = f"{where}:{number}"
        if line is None:
            yield Skipped(line_where, Skips.S015.format(limit=max_bytes))
            continue
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as error:
                reason = f"not UTF-8 ({error.reason} at byte {error.start})"
                yield Skipped(line_where, Skips.S005.format(line=number, reason=reason))
                continue
        line = line.lstrip("\ufeff").strip()
        if not line:
            continue  # blank lines separate nothing in JSONL; not worth a report
        yield document_from_line(line, number, line_where, where, stem, published)


def _numbered_lines(stream: LineSource, max_bytes: int) -> Iterator[tuple[int, bytes | str | None]]:
    """(line number, line) pairs; None for a line over `max_bytes`, which is skipped unread."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not _ends_line(line):
            _drain_line(stream)
            yield number, None
        else:
            yield number, line


def _ends_line(line: bytes | str) -> bool:
    return line.endswith(b"\n") if isinstance(line, bytes) else line.endswith("\n")


def _drain_line(stream: LineSource) -> None:
    while True:
        rest = stream.readline(_DRAIN_CHUNK)
        if not rest or _ends_line(rest):
            return


def document_from_line(
    line: str,
    number: int,
    line_where: str,
    where: str,
    stem: str,
    published: dt.date | None,
) -> Document | Skipped:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return Skipped(line_where, Skips.S005.format(line=number, reason=error.msg))
    except RecursionError:
        return Skipped(line_where, Skips.S005.format(line=number, reason="nested too deeply"))
    if not isinstance(record, dict):
        return Skipped(line_where, Skips.S016)
    named = _record_id(record.get("id"))
    fields: dict[str, Any] = {
        "doc_id": named or f"{stem}:{number}",
        "named_by": "record" if named else None,
        "published": published,
        "where": line_where,
        "path": where,
        "title": _optional_string(record.get("title")),
        "url": _optional_string(record.get("url")),
        "source": _optional_string(record.get("source")),
        "metadata_published": record.get("published"),
    }
    text, html = record.get("text"), record.get("html")
    if text is not None and not isinstance(text, str):
        return Skipped(line_where, Skips.S017.format(field="text"))
    if html is not None and not isinstance(html, str):
        return Skipped(line_where, Skips.S017.format(field="html"))
    if text and text.strip():
        return document_from_text(text, **fields)
    if html and html.strip():
        return document_from_markup(html, **fields)
    if text is not None or html is not None:
        return Skipped(line_where, Skips.S001)
    return Skipped(line_where, Skips.S006)


def _record_id(value: Any) -> str | None:
    """The record's `id` as text; numbers are accepted, other types are not ids."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int):
        return str(value).strip() or None
    return None


def _optional_string(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
