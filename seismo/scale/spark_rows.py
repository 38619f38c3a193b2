"""What the Spark job moves between the JVM and Python: staged inputs in, coded rows out.

Kept apart from `spark.py` so a Python worker imports pyarrow and seismo only, never the
driver's code. Every input row is one document to be: a JSONL line (raw bytes, decoded here
so a bad line is a `Skipped`, not a failed Spark task) or a whole text file. The output is one
wide table with a `kind` column (event, stance, document, skipped) so one `mapInArrow` pass
codes each document once; the driver splits it into the events and stances datasets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pyarrow as pa

from seismo.errors import Skips
from seismo.ingest.jsonl import document_from_line
from seismo.ingest.text import decode_bytes, document_from_text
from seismo.model import CodedDocument, Document, Skipped
from seismo.store.rows import EVENT_SCHEMA, STANCE_SCHEMA, events_table, stances_table

JSONL = "jsonl"
TEXT = "text"

# One staged input: where it came from, its line (JSONL) and its bytes (None: over the limit).
STAGED_SCHEMA = pa.schema(
    [("path", pa.string()), ("line", pa.int64()), ("kind", pa.string()), ("data", pa.binary())]
)


def _wide_schema() -> pa.Schema:
    """Events' columns, then the stance-only ones (shared names have the same types)."""
    fields = [pa.field("kind", pa.string())]
    seen = {"kind"}
    for schema in (EVENT_SCHEMA, STANCE_SCHEMA):
        for f in schema:
            if f.name not in seen:
                seen.add(f.name)
                fields.append(f)
    fields += [pa.field("where", pa.string()), pa.field("reason", pa.string())]
    return pa.schema(fields)


CODED_SCHEMA = _wide_schema()
EVENT_COLUMNS = tuple(EVENT_SCHEMA.names)
STANCE_COLUMNS = tuple(STANCE_SCHEMA.names)


def local_path(uri: str) -> str:
    """`file:/data/a.jsonl` as Spark names it, back to `/data/a.jsonl` as `read_inputs` does."""
    if uri.startswith("file:"):
        return unquote(urlparse(uri).path)
    return uri


def _stem(path: str) -> str:
    name = Path(path).name
    return name[: -len(".jsonl.gz")] if name.lower().endswith(".jsonl.gz") else Path(path).stem


def staged_document(
    path: str, line: int, kind: str, data: bytes | None, published: dt.date | None, max_bytes: int
) -> Document | Skipped | None:
    """The document a staged row holds, as `read_inputs` would have read it (None: a blank
    JSONL line, which `read_inputs` passes over without a report)."""
    where = local_path(path)
    if kind == TEXT:
        if data is None:
            return Skipped(where, Skips.S003.format(limit=max_bytes))
        if not data:
            return Skipped(where, Skips.S001)
        text = decode_bytes(data)
        if text is None:
            return Skipped(where, Skips.S002)
        return document_from_text(text, Path(where).stem, published, where=where)
    line_where = f"{where}:{line}"
    if data is None or len(data) > max_bytes:
        return Skipped(line_where, Skips.S015.format(limit=max_bytes))
    try:
        record = data.decode("utf-8")
    except UnicodeDecodeError as error:
        reason = f"not UTF-8 ({error.reason} at byte {error.start})"
        return Skipped(line_where, Skips.S005.format(line=line, reason=reason))
    record = record.lstrip("\ufeff").strip()
    if not record:
        return None
    return document_from_line(record, line, line_where, where, _stem(where), published)


def _fill(table: pa.Table, kind: str) -> pa.Table:
    """A narrow table widened to CODED_SCHEMA: the columns it lacks as nulls."""
    n = table.num_rows
    columns = []
    for f in CODED_SCHEMA:
        if f.name == "kind":
            columns.append(pa.array([kind] * n, pa.string()))
        elif f.name in table.column_names:
            columns.append(table.column(f.name))
        else:
            columns.append(pa.nulls(n, f.type))
    return pa.Table.from_arrays(columns, schema=CODED_SCHEMA)


def coded_table(results: Iterable[CodedDocument | Skipped]) -> pa.Table:
    """Coded documents and skips as rows of CODED_SCHEMA."""
    coded: list[CodedDocument] = []
    skipped: list[Skipped] = []
    for item in results:
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            coded.append(item)
    documents = pa.table(
        {
            "doc_id": pa.array([c.document.doc_id for c in coded], pa.string()),
            "content_hash": pa.array([c.document.content_hash for c in coded], pa.string()),
        }
    )
    skips = pa.table(
        {
            "where": pa.array([s.where for s in skipped], pa.string()),
            "reason": pa.array([s.reason for s in skipped], pa.string()),
        }
    )
    parts = [
        _fill(events_table(coded), "event"),
        _fill(stances_table(coded), "stance"),
        _fill(documents, "document"),
        _fill(skips, "skipped"),
    ]
    return pa.concat_tables(parts)


def staged_documents(
    batches: Iterable[pa.RecordBatch], published: dt.date | None, max_bytes: int
) -> Iterator[Document | Skipped]:
    """The documents of staged Arrow batches, one row at a time."""
    for batch in batches:
        for row in batch.to_pylist():
            item = staged_document(
                row["path"], row["line"], row["kind"], row["data"], published, max_bytes
            )
            if item is not None:
                yield item
