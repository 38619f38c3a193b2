"""Short-lived, read-only database access for each request.

DuckDB lets one process write a file at a time. The server never keeps the file open: each
request opens it read-only, answers and closes it, so `seismo ingest` in another process can
write between requests. While a writer holds the lock the request waits briefly, then
answers 503 with Retry-After instead of hanging.

With `--parquet DIR` the events come from Parquet files (the Spark job's output) through an
in-memory DuckDB view; documents and stances then come from the database file if there is
one, else they are empty.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from seismo.api.problems import database_unavailable
from seismo.errors import Errors, SeismoError
from seismo.store import Store, open_events_view

LOCK_WAIT_SECONDS = 1.5


class Database:
    """Where the data lives, and how a request gets a connection to it."""

    def __init__(
        self,
        db_path: str | None,
        parquet_dir: str | None = None,
        lock_wait: float = LOCK_WAIT_SECONDS,
        hold_open: bool = False,
    ) -> None:
        self.db_path = db_path
        self.parquet_dir = parquet_dir
        self.lock_wait = lock_wait
        # Hold one read-only connection for the server's life: several times faster per
        # request, but no other process can write the file meanwhile (DuckDB's lock), so
        # only for databases nothing ingests into while they are served.
        self.hold_open = hold_open and not parquet_dir
        self._held: Store | None = None
        self._lock = threading.Lock()

    def describe(self) -> str:
        """What the server reads, without its location: answers never name a path (a file
        system layout is reconnaissance for an attacker)."""
        return "parquet" if self.parquet_dir else "duckdb"

    def redact(self, text: str) -> str:
        """`text` with the database's and the Parquet folder's paths cut to their last name
        (`seismo.duckdb`): enough to know which file, nothing of the layout around it."""
        for path in (self.parquet_dir, self.db_path):
            if path:
                for form in sorted({str(path), str(Path(path).resolve())}, key=len, reverse=True):
                    text = text.replace(form, Path(path).name)
        return text

    def ensure_exists(self) -> None:
        """Create an empty database at start-up, so a fresh `seismo serve` shows empty pages
        rather than errors; an existing file is left untouched."""
        if self.parquet_dir or not self.db_path or Path(self.db_path).exists():
            return
        with Store(self.db_path):
            pass

    @contextmanager
    def open(self) -> Iterator[Store]:
        """A read-only store for one request; 503 if it cannot be opened in time."""
        try:
            if self.hold_open:
                store = self._held_store().shared()
            else:
                store = self._open_parquet() if self.parquet_dir else self._open_file()
        except SeismoError as exc:
            raise database_unavailable(self.redact(str(exc))) from exc
        try:
            yield store
        finally:
            store.close()

    def _held_store(self) -> Store:
        with self._lock:
            if self._held is None:
                self._held = self._open_file()
            return self._held

    def _open_file(self) -> Store:
        if not self.db_path:
            raise SeismoError(Errors.E014)
        return Store(self.db_path, read_only=True, wait=self.lock_wait)

    def _open_parquet(self) -> Store:
        # An in-memory store has the documents and stances tables of the schema; its events
        # table gives way to the view over the Parquet files.
        store = Store(":memory:")
        try:
            store.con.execute("DROP TABLE events")
            open_events_view(store.con, str(self.parquet_dir))
            if self.db_path and Path(self.db_path).exists():
                path = self.db_path.replace("'", "''")
                store.con.execute(f"ATTACH '{path}' AS stored (READ_ONLY)")
                for table in ("documents", "stances"):
                    store.con.execute(f"DROP TABLE {table}")
                    store.con.execute(f"CREATE VIEW {table} AS SELECT * FROM stored.{table}")
        except Exception:
            store.close()
            raise
        return store
