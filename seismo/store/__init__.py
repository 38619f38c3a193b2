"""Storage: the DuckDB database (`Store`) and the flat rows shared with the Parquet path."""

from seismo.store.duckdb import Store, WriteResult, open_events_view
from seismo.store.rows import events_table

__all__ = ["Store", "WriteResult", "events_table", "open_events_view"]
