"""How fast the store and analytics answer over a million events, from a DuckDB file and Parquet.

Run: .venv/bin/python benchmarks/bench_analytics.py [--events N] [--keep DIR]
Targets: a dyad series under 1 s, a page of events under 100 ms.

The events are synthetic and generated inside DuckDB (generate_series), so the script
measures queries, not data loading; one timing of `Store.write` through Arrow is included
for the ingest side.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import duckdb  # noqa: E402

from seismo.analytics import detect_shifts, dyad_series, network  # noqa: E402
from seismo.model import Actor, CodedDocument, Document, Event, EventDate  # noqa: E402
from seismo.store import Store, open_events_view  # noqa: E402
from seismo.store.queries import query_events  # noqa: E402

COUNTRIES = ["JPN", "RUS", "CHN", "USA", "KOR", "PRK", "UKR", "AUS", "IND", "GBR",
             "FRA", "DEU", "TUR", "IRN", "ISR", "SAU", "BRA", "ZAF", "EGY", "PAK"]  # fmt: skip
# cameo, goldstein, quad_class, PLOVER type
CODES = [("042", 1.9, 1, None), ("036", 4.0, 1, "CONSULT"), ("057", 8.0, 1, "AGREE"),
         ("062", 7.4, 2, "COOPERATE"), ("112", -2.0, 3, "ACCUSE"), ("130", -4.4, 3, "THREATEN"),
         ("163", -8.0, 4, "COERCE"), ("190", -10.0, 4, "ASSAULT")]  # fmt: skip


def generate(con: duckdb.DuckDBPyConnection, n: int) -> None:
    """n events between 20 countries over 1990–2024, about 10% undated, 1 in 8 not asserted."""
    con.execute("CREATE TEMP TABLE countries AS SELECT unnest(?) AS c, generate_subscripts(?, 1) AS ci",
                [COUNTRIES, COUNTRIES])  # fmt: skip
    con.execute("CREATE TEMP TABLE codes (ki INT, cameo VARCHAR, g DOUBLE, q TINYINT, p VARCHAR)")
    con.executemany(
        "INSERT INTO codes VALUES (?, ?, ?, ?, ?)", [(i + 1, *c) for i, c in enumerate(CODES)]
    )
    nc, nk = len(COUNTRIES), len(CODES)
    con.execute(
        f"""
        INSERT INTO events BY NAME
        WITH raw AS (
            SELECT range AS i, hash(range) AS h FROM range({n})
        ), picked AS (
            SELECT i, h,
                   1 + (h % {nc}) AS si,
                   1 + ((h % {nc}) + 1 + (h // {nc} % ({nc} - 1))) % {nc} AS ti,
                   1 + (h // 977 % {nk}) AS ki,
                   DATE '1990-01-01' + CAST(h // 31 % 12784 AS INTEGER) AS day,
                   h % 10 = 0 AS undated
            FROM raw
        )
        SELECT 'ev' || i AS event_id, 'doc' || (i // 20) AS content_hash, 'doc' || (i // 20) AS doc_id,
               CAST(i % 20 AS INTEGER) AS sentence_index,
               s.c || ' did something to ' || t.c || '.' AS sentence,
               s.c AS source_key, s.c || 'GOV' AS source_code, s.c AS source_country,
               'GOV' AS source_sector, s.c AS source_name, s.c AS source_text,
               t.c AS target_key, t.c AS target_code, t.c AS target_country,
               NULL AS target_sector, t.c AS target_name, t.c AS target_text,
               k.cameo, substr(k.cameo, 1, 2) AS root, k.g AS goldstein, k.q AS quad_class,
               k.p AS plover_type, NULL AS plover_mode,
               CASE WHEN undated THEN NULL ELSE strftime(day, '%Y-%m-%d') END AS date,
               CASE WHEN undated THEN NULL ELSE 'day' END AS date_precision,
               CASE WHEN undated THEN NULL ELSE day END AS event_date,
               CASE WHEN undated THEN NULL ELSE day END AS date_end,
               CASE WHEN h % 8 = 0 THEN 'intended' ELSE 'asserted' END AS modality,
               0.8 AS confidence, 'did' AS trigger, 'seismo bench' AS coder
        FROM picked
        JOIN countries s ON s.ci = picked.si
        JOIN countries t ON t.ci = picked.ti
        JOIN codes k ON k.ki = picked.ki
        """
    )


def timed(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, Any]:
    """Median wall time in ms over `repeat` runs after one warm-up, and the last result."""
    result = fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def run_queries(label: str, con: Any) -> None:
    ms, rows = timed(lambda: dyad_series(con, "JPN", "RUS"))
    print(f"{label:8} dyad_series JPN-RUS by month ({len(rows)} periods)   {ms:8.1f} ms")
    ms, rows = timed(lambda: dyad_series(con, "JPN", "RUS", period="week"))
    print(f"{label:8} dyad_series JPN-RUS by week ({len(rows)} periods)   {ms:8.1f} ms")
    ms, (page, cursor) = timed(lambda: query_events(con, limit=100))
    print(f"{label:8} query_events first page (100, no filter)     {ms:8.1f} ms")
    ms, _ = timed(lambda: query_events(con, limit=100, cursor=cursor))
    print(f"{label:8} query_events second page (keyset cursor)     {ms:8.1f} ms")
    ms, _ = timed(
        lambda: query_events(con, dyad=("JPN", "RUS"), since=dt.date(2022, 1, 1), limit=100)
    )
    print(f"{label:8} query_events page, dyad + since filter       {ms:8.1f} ms")
    ms, graph = timed(lambda: network(con, at=dt.date(2022, 12, 31)), repeat=3)
    print(f"{label:8} network at 2022-12-31 ({len(graph['edges'])} edges)          {ms:8.1f} ms")
    ms, _ = timed(lambda: detect_shifts(con, "JPN", "RUS"), repeat=3)
    print(f"{label:8} detect_shifts JPN-RUS by month               {ms:8.1f} ms")


def bench_write(directory: Path, documents: int = 500, per_document: int = 20) -> None:
    japan = Actor("JPNGOV", "JPN", "GOV", "Japan")
    russia = Actor("RUS", "RUS", None, "Russia")
    batch = []
    for d in range(documents):
        doc = Document(doc_id=f"w{d}", text=f"brief {d}")
        events = [
            Event(doc.doc_id, i, "Japan imposed sanctions on Russia.", japan, russia, "163", -8.0, 4,
                  {"event_type": "COERCE", "mode": "restrict"}, EventDate("2022-03", "month"))
            for i in range(per_document)
        ]  # fmt: skip
        batch.append(CodedDocument(doc, events, []))
    with Store(directory / "write.duckdb") as store:
        start = time.perf_counter()
        store.write(batch)
        first = time.perf_counter() - start
        start = time.perf_counter()
        store.write(batch)  # the same documents again: delete and replace
        again = time.perf_counter() - start
    n = documents * per_document
    print(f"write    {documents} documents, {n} events, one batch        {first * 1000:8.1f} ms "
          f"({n / first:,.0f} events/s); rewrite {again * 1000:.1f} ms")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, default=None, help="Keep the files in this folder.")
    args = parser.parse_args()
    directory = args.keep or Path(tempfile.mkdtemp(prefix="seismo-bench-"))
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "bench.duckdb"
    path.unlink(missing_ok=True)
    print(f"duckdb {duckdb.__version__}, {args.events:,} events, files in {directory}")
    with Store(path) as store:
        start = time.perf_counter()
        generate(store.con, args.events)
        print(
            f"generate {args.events:,} events in SQL                     {time.perf_counter() - start:8.2f} s"
        )
        start = time.perf_counter()
        store.export_parquet(directory / "parquet")
        print(
            f"export_parquet (year/month partitions)             {time.perf_counter() - start:8.2f} s"
        )
    with Store(path, read_only=True) as store:
        run_queries("duckdb", store.con)
    con = duckdb.connect()
    open_events_view(con, directory / "parquet")
    run_queries("parquet", con)
    con.close()
    bench_write(directory)


if __name__ == "__main__":
    main()
