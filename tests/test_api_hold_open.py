"""`seismo serve --hold-open`: one read-only connection, cursors per request, same answers."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from seismo.api.app import create_app
from tests.browser.sample_data import write_sample_db


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    return write_sample_db(tmp_path_factory.mktemp("held"), "held.duckdb")


def test_held_connection_answers_like_per_request_connections(db_path: str) -> None:
    fresh = TestClient(base_url="http://127.0.0.1", app=create_app(db_path))
    held = TestClient(base_url="http://127.0.0.1", app=create_app(db_path, hold_open=True))
    for url in (
        "/api/v1/events?limit=50",
        "/api/v1/dyads/JPN/RUS/series?period=month",
        "/api/v1/summary",
        "/api/v1/network?at=2022-06-01",
    ):
        assert held.get(url).json() == fresh.get(url).json(), url


def test_held_connection_serves_concurrent_requests(db_path: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    held = TestClient(base_url="http://127.0.0.1", app=create_app(db_path, hold_open=True))
    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(lambda _: held.get("/api/v1/events?limit=20").status_code, range(40)))
    assert codes == [200] * 40
