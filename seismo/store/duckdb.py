"""The seismo database: one DuckDB file holding documents, events and stances.

Writes are transactions, one per batch: a document's earlier events and stances (same
content hash) are deleted and its new ones inserted together, so re-ingesting is idempotent
and an interrupted run never leaves half a document. Rows arrive as Arrow tables registered
on the connection; row-by-row inserts are hundreds of times slower.

DuckDB lets one process write a file at a time; see docs/storage.md for how the server
reads while an ingest writes.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from seismo.errors import Errors, SeismoError
from seismo.model import CodedDocument
from seismo.store import queries
from seismo.store.rows import documents_table, events_table, stances_table
from seismo.store.versions import (
    REPLACED_VERSIONS_SQL,
    is_disk_full,
    version_key,
    versions_table,
    write_failure,
)

TABLES = ("documents", "events", "stances")


@dataclass(frozen=True)
class WriteResult:
    """How many rows one `Store.write` put in the database."""

    documents: int
    events: int
    stances: int
    replaced: int = 0  # earlier versions (same document id, other text) this write removed


def _schema_sql() -> str:
    return resources.files("seismo.store").joinpath("schema.sql").read_text(encoding="utf-8")


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text or "conflicting" in text


def _reason(exc: Exception, path: str) -> str:
    text = str(exc)
    lowered = text.lower()
    if _is_lock_error(exc):
        return (
            "another process holds it (DuckDB lets one process write, and readers cannot "
            "open it meanwhile); retry when that process has finished"
        )
    if "not a valid duckdb" in lowered or ("invalid" in lowered and "file" in lowered):
        return "it is not a DuckDB database file; pass another --db path"
    if is_disk_full(text):
        return write_failure(exc)
    if "no such file" in lowered or "does not exist" in lowered or "cannot open file" in lowered:
        return "the file does not exist; run `seismo ingest` first"
    return text.splitlines()[0] if text else type(exc).__name__


class Store:
    """A seismo DuckDB database, opened for writing (the default) or read-only.

    `wait` (seconds) retries opening while another process holds the file's lock, which is
    how a read-only server shares the file with an ingest that writes between batches.
    """

    def __init__(self, path: str | Path, read_only: bool = False, *, wait: float = 0.0) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.con: duckdb.DuckDBPyConnection = self._connect(wait)
        try:
            if read_only:
                self._check_schema()
            else:
                self.con.execute(_schema_sql())
        except duckdb.Error as exc:
            self.con.close()
            raise SeismoError(
                Errors.E007.format(path=self.path, reason=_reason(exc, self.path))
            ) from exc

    def _connect(self, wait: float) -> duckdb.DuckDBPyConnection:
        if self.read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise SeismoError(
                Errors.E007.format(
                    path=self.path, reason="the file does not exist; run `seismo ingest` first"
                ),
            )
        deadline = time.monotonic() + max(0.0, wait)
        delay = 0.05
        while True:
            try:
                return duckdb.connect(self.path, read_only=self.read_only)
            except duckdb.Error as exc:
                if _is_lock_error(exc) and time.monotonic() < deadline:
                    time.sleep(delay)
                    delay = min(delay * 2, 1.0)
                    continue
                raise SeismoError(
                    Errors.E007.format(path=self.path, reason=_reason(exc, self.path))
                ) from exc

    def _check_schema(self) -> None:
        present = {
            row[0]
            for row in self.con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
            ).fetchall()
        }
        missing = [t for t in TABLES if t not in present]
        if missing:
            self.con.close()
            raise SeismoError(
                Errors.E007.format(
                    path=self.path,
                    reason=f"it is not a seismo database (no {', '.join(missing)} table)",
                ),
            )

    def close(self) -> None:
        try:
            self.con.close()  # a checkpoint can run here, and fail on a full disk
        except duckdb.Error as exc:
            raise SeismoError(
                Errors.E019.format(path=self.path, reason=write_failure(exc))
            ) from exc

    def shared(self) -> Store:
        """Another handle on this open database (a DuckDB cursor), for one thread's use.

        A server that holds one read-only connection gives each request its own cursor:
        no reopening of the file, which costs more than most queries.
        """
        other = Store.__new__(Store)
        other.path, other.read_only = self.path, self.read_only
        other.con = self.con.cursor()
        return other

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def is_coded(self, content_hash: str, coder: str) -> bool:
        """Whether this exact text was already coded by this coder version: then skip it."""
        row = self.con.execute(
            "SELECT 1 FROM documents WHERE content_hash = ? AND coder = ?", [content_hash, coder]
        ).fetchone()
        return row is not None

    def coded_published(self, content_hash: str, coder: str) -> tuple[bool, dt.date | None]:
        """Whether this text was coded by this coder version, and the publication date it
        was coded against (a new date changes the events' dates, so it is coded again)."""
        row = self.con.execute(
            "SELECT published FROM documents WHERE content_hash = ? AND coder = ?",
            [content_hash, coder],
        ).fetchone()
        return (row is not None, row[0] if row is not None else None)

    def write(self, batch: Sequence[CodedDocument]) -> WriteResult:
        """Store coded documents in one transaction, replacing what each had before.

        A document seen twice in the batch keeps its last coding. A document whose id comes
        back with another text (a corrected article) replaces its earlier version: events,
        stances and the document row go, and `document_history` keeps the old content hash
        (see `versions_table` for when an id counts as the same document). Raises E019 with
        the cause and what to do when the write fails (a full disk), after rolling back.
        """
        latest = {item.document.content_hash: item for item in batch}
        by_version = {
            version_key(i.document) or i.document.content_hash: i for i in latest.values()
        }
        coded = list(by_version.values())
        if not coded:
            return WriteResult(0, 0, 0)
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        batch_tables = {
            "documents": documents_table(coded, now),
            "events": events_table(coded),
            "stances": stances_table(coded),
            "versions": versions_table(coded),
        }
        con = self.con
        for name, table in batch_tables.items():
            con.register(f"_batch_{name}", table)
        try:
            replaced = self._replace_in_transaction(now)
        except duckdb.Error as exc:
            raise SeismoError(
                Errors.E019.format(path=self.path, reason=write_failure(exc))
            ) from exc
        finally:
            for name in batch_tables:
                con.unregister(f"_batch_{name}")
        docs, events, stances = (batch_tables[t].num_rows for t in TABLES)
        return WriteResult(docs, events, stances, replaced)

    def _replace_in_transaction(self, now: dt.datetime) -> int:
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            replaced = con.execute(REPLACED_VERSIONS_SQL).fetchall()
            if replaced:
                con.executemany(
                    "INSERT INTO document_history VALUES (?, ?, ?, ?, ?)",
                    [[*row, now] for row in replaced],
                )
            old = [[row[2]] for row in replaced]
            for table in TABLES:
                con.execute(
                    f"DELETE FROM {table} WHERE content_hash IN "
                    "(SELECT content_hash FROM _batch_documents)"
                )
                if old:
                    con.executemany(f"DELETE FROM {table} WHERE content_hash = ?", old)
            for table in TABLES:
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _batch_{table}")
            con.execute("COMMIT")
        except BaseException:
            # A failed COMMIT has already ended the transaction: a second error from the
            # ROLLBACK ("no transaction is active") must not hide the first, real one.
            try:
                con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            raise
        return len(replaced)

    # -- reading ---------------------------------------------------------------------------

    def query_events(
        self, *, limit: int = 100, cursor: str | None = None, **filters: Any
    ) -> tuple[list[dict[str, Any]], str | None]:
        """A page of events shaped like `Event.to_dict()`, and the cursor of the next page.

        `filters` are those of `queries.event_filters` (actor, dyad, directed, since, until,
        root, quad_class, modalities, doc_id). Ordered by event date then event_id (undated
        last); `modalities=None` means all.
        """
        return queries.query_events(self.con, limit=limit, cursor=cursor, **filters)

    def map_points(self, **filters: Any) -> list[dict[str, Any]]:
        """Placed events grouped by place and QuadClass, for the map (`queries.map_points`)."""
        return queries.map_points(self.con, **filters)

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        """A document's text and metadata with its events and stances (None if unknown)."""
        return queries.get_document(self.con, doc_id)

    def query_stances(
        self,
        holder: str | None = None,
        subject: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> list[dict[str, Any]]:
        """Stances (Japan calls Russia a threat), in time order, shaped like `Stance.to_dict()`."""
        return queries.query_stances(self.con, holder, subject, since, until)

    def search_actors(self, q: str, limit: int = 20) -> list[dict[str, Any]]:
        """Actors seen in events matching `q`: key, code, country, name, n_events."""
        return queries.search_actors(self.con, q, limit)

    def summary(self) -> dict[str, Any]:
        """Counts of documents, events and stances, the date range and the busiest dyads."""
        return queries.summary(self.con)

    def export_parquet(self, directory: str | Path) -> Path:
        """Write the events as Parquet partitioned by year and month of the event date.

        Hive style (`year=2022/month=3/...parquet`; undated events go to DuckDB's
        `year=__HIVE_DEFAULT_PARTITION__`), readable back with `open_events_view`.
        """
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        target = str(out).replace("'", "''")
        self.con.execute(
            "COPY (SELECT *, year(event_date) AS year, month(event_date) AS month FROM events) "
            f"TO '{target}' (FORMAT parquet, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE)"
        )
        return out


def open_events_view(con: duckdb.DuckDBPyConnection, parquet_dir: str | Path) -> None:
    """Make the Parquet events under `parquet_dir` the `events` view of a connection.

    This is how analytics run over the output of `seismo spark` or `Store.export_parquet`
    without loading it into a database file.
    """
    root = Path(parquet_dir)
    if (root / "events").is_dir():  # the folder `seismo spark` wrote: events beside stances
        root = root / "events"
    if not root.is_dir() or not any(root.rglob("*.parquet")):
        raise SeismoError(Errors.E007.format(path=str(root), reason="no Parquet files under it"))
    pattern = str(root / "**" / "*.parquet").replace("'", "''")
    con.execute(
        "CREATE OR REPLACE VIEW events AS "
        f"SELECT * FROM read_parquet('{pattern}', hive_partitioning = true)"
    )
