"""The API keeps answering while `seismo ingest` writes the same DuckDB file.

DuckDB lets one process hold a file for writing, and then no other process may open it, not
even to read (docs/storage.md). The server opens the file read-only per request and waits
briefly for a writer; the ingest opens it per batch. So while an ingest runs, every answer
must be a 200, or a 503 problem with Retry-After when a write outlasts the wait — never a
500, never a request that hangs — and once the ingest is done, everything is a 200.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from seismo.api.app import create_app
from tests.reliability_helpers import sample_documents, start_cli, write_jsonl

DOCUMENTS = 40
MAX_SECONDS = 5.0
PATHS = ("/api/v1/summary", "/api/v1/events?limit=20", "/api/v1/health")


@pytest.mark.slow
def test_api_answers_while_an_ingest_writes(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "briefs.jsonl", sample_documents(DOCUMENTS))
    db = tmp_path / "shared.duckdb"
    client = TestClient(
        base_url="http://127.0.0.1", app=create_app(str(db)), raise_server_exceptions=False
    )  # creates the file
    assert client.get("/api/v1/summary").json()["documents"] == 0

    process = start_cli("ingest", str(corpus), "--db", str(db), "--batch-size", "2")
    statuses: list[int] = []
    slowest = 0.0
    try:
        while process.poll() is None:
            for path in PATHS:
                started = time.monotonic()
                response = client.get(path)
                slowest = max(slowest, time.monotonic() - started)
                statuses.append(response.status_code)
                assert response.status_code in (200, 503), (path, response.text)
                assert "Traceback" not in response.text
                if response.status_code == 503:
                    assert response.headers["retry-after"].isdigit()
                    assert response.headers["content-type"].startswith("application/problem+json")
    finally:
        _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr[-2000:]
    assert "Traceback" not in stderr

    print(f"answers during the ingest: {len(statuses)}, 503: {statuses.count(503)}, "
          f"slowest {slowest:.2f} s")  # fmt: skip
    assert len(statuses) >= 10, "the ingest ended before the API was exercised"
    assert slowest < MAX_SECONDS
    for path in PATHS:
        assert client.get(path).status_code == 200
    assert client.get("/api/v1/summary").json()["documents"] >= DOCUMENTS - 2
