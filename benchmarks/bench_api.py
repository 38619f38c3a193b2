"""Time the REST API over a large database: a page of events and a dyad series per request.

Each request opens the DuckDB file read-only and closes it (so an ingest can write between
requests): the figure includes that cost. Build the database first with
`benchmarks/bench_analytics.py --keep DIR` (1,000,000 events by default).

    .venv/bin/python benchmarks/bench_api.py DIR/bench.duckdb [--repeats 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    from fastapi.testclient import TestClient

    from seismo.api.app import create_app

    for hold_open in (False, True):
        print(
            f"-- connection per request: {not hold_open} (seismo serve{' --hold-open' if hold_open else ''})"
        )
        run(
            TestClient(
                base_url="http://127.0.0.1", app=create_app(str(args.db), hold_open=hold_open)
            ),
            args,
        )


def run(client, args) -> None:
    urls = {
        "events page (100)": "/api/v1/events?limit=100",
        "events page, dyad JPN-RUS since 2020": "/api/v1/events?a=JPN&b=RUS&since=2020-01-01",
        "dyad series JPN-RUS by month": "/api/v1/dyads/JPN/RUS/series?period=month",
        "summary": "/api/v1/summary",
    }
    count = client.get("/api/v1/summary").json()
    print(f"database: {args.db} ({count.get('events', '?')} events)")
    for label, url in urls.items():
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            response.raise_for_status()
        print(f"{label:40} median {statistics.median(times):7.1f} ms   "
              f"p90 {sorted(times)[int(0.9 * len(times)) - 1]:7.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
