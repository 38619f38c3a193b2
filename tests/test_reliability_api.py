"""Issue 15, rows G, H, I, J, L and N: what a hostile or careless client sent the API.

Each test replays one finding of the hardening campaign against the app: parameters whose
arithmetic left the calendar (500s that dropped the keep-alive connection), a series asked
over ten thousand years (19 MB), any Host accepted (DNS rebinding), a stored
`javascript:` URL rendered as a link, a chunked body read whole before the 413, paths in
answers and HEAD refused.
"""

from __future__ import annotations

import asyncio
import http.client
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from seismo.api import views
from seismo.api.app import create_app
from seismo.api.ranges import MAX_SERIES_POINTS, check_series_size
from seismo.api.routes_ingest import MAX_BODY_BYTES
from seismo.model import CodedDocument, Document
from seismo.store import Store
from tests.browser.sample_data import write_sample_db

LOCAL = "http://127.0.0.1"
TOKEN = "token-for-the-reliability-tests"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = write_sample_db(tmp_path_factory.mktemp("reliability-api"))
    hostile = Document(
        "hostile", "Japan protested to Russia.", title="Hostile link", url="javascript:alert(1)"
    )
    fine = Document(
        "fine", "Japan thanked Russia.", title="A fine link", url="https://example.org/a"
    )
    with Store(path) as store:
        store.write([CodedDocument(hostile, [], []), CodedDocument(fine, [], [])])
    return path


@pytest.fixture(scope="module")
def client(db_path: str) -> TestClient:
    return TestClient(create_app(db_path), base_url=LOCAL, raise_server_exceptions=False)


# -- G: every parameter computable: 422, never 500 -------------------------------------------

CALENDAR_EDGES = [
    "/api/v1/movers?until=0001-01-01",
    "/api/v1/network?at=0001-01-01",
    "/api/v1/network?at=0001-06-01&window_days=36500",
    "/api/v1/network?window_days=%C2%B2",
    "/api/v1/events?quad_class=%C2%B2",
    "/api/v1/events?limit=%C2%B2",
    "/api/v1/events?since=2022-02-30",
    "/network?at=0001-01-01",
    "/network?window_days=%C2%B2",
    "/events?quad_class=%C2%B2",
]


@pytest.mark.parametrize("url", CALENDAR_EDGES)
def test_out_of_calendar_parameters_are_422(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422, response.text
    assert "Traceback" not in response.text


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/movers?since=9999-12-31",
        "/api/v1/movers?since=0001-01-02&until=0001-03-01",
        "/api/v1/network?at=9999-12-31",
        "/api/v1/movers?until=9999-12-31",
    ],
)
def test_far_future_days_answer_empty_or_clamped(client: TestClient, url: str) -> None:
    assert client.get(url).status_code == 200


@pytest.fixture()
def live_server(db_path: str) -> Iterator[tuple[int, Any]]:
    """The app under uvicorn on a free loopback port, in this process (so a test can break a
    view with monkeypatch and watch the connection)."""
    import uvicorn

    app = create_app(db_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield port, app
    server.should_exit = True
    thread.join(10)


def test_errors_keep_the_connection_alive(live_server, monkeypatch) -> None:
    port, _ = live_server

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug nobody foresaw")

    monkeypatch.setattr(views, "top_movers", broken)
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    statuses = []
    for url in ("/api/v1/network?at=0001-01-01", "/api/v1/movers", "/api/v1/health"):
        con.request("GET", url)
        response = con.getresponse()
        body = response.read()
        statuses.append(response.status)
        assert b"a bug nobody foresaw" not in body and b"Traceback" not in body
    assert statuses == [422, 500, 200]
    assert con.sock is not None  # one connection carried all three answers
    con.close()


# -- H: bounded answers ----------------------------------------------------------------------


def test_widest_series_is_clamped_to_the_data(client: TestClient) -> None:
    base = "/api/v1/dyads/JPN/RUS/series"
    widest = client.get(f"{base}?since=0001-01-01&until=9999-12-31")
    plain = client.get(base)
    assert widest.status_code == plain.status_code == 200
    assert len(widest.content) < 200_000  # was 18.8 MB
    periods = [p["period"] for p in widest.json()["points"]]
    assert {p["period"] for p in plain.json()["points"]} <= set(periods)
    assert "2015-12-01" < periods[0] and periods[-1] < "2030-01-01"  # the data's span
    assert client.get(f"{base}?since=0001-01-01&until=0500-01-01").json()["points"] == []
    brief = client.get("/api/v1/brief?a=JPN&b=RUS&since=0001-01-01&until=9999-12-31")
    assert brief.status_code == 200 and len(brief.content) < 500_000  # was 6.3 MB


def test_a_series_longer_than_a_client_can_use_is_refused() -> None:
    import datetime as dt

    from seismo.api.problems import Problem

    check_series_size(dt.date(1600, 1, 1), dt.date(2000, 1, 1), "year")
    with pytest.raises(Problem) as caught:
        check_series_size(dt.date(1000, 1, 1), dt.date(2000, 1, 1), "month")
    assert caught.value.status == 422 and f"{MAX_SERIES_POINTS:,}" in caught.value.detail


# -- I: Host allow-list ------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "LOCALHOST.", "[::1]:8000"])
def test_loopback_names_are_served(client: TestClient, host: str) -> None:
    assert client.get("/api/v1/health", headers={"host": host}).status_code == 200


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", ""]
)
def test_other_host_names_are_refused(client: TestClient, host: str) -> None:
    response = client.get("/api/v1/summary", headers={"host": host})
    assert response.status_code == 421
    assert "--allowed-host" in response.json()["detail"]


def test_allowed_host_option(db_path: str) -> None:
    app = create_app(db_path, allowed_hosts=["news.example"])
    served = TestClient(app, base_url="http://news.example")
    assert served.get("/api/v1/health").status_code == 200
    assert served.get("/api/v1/health", headers={"host": "other.example"}).status_code == 421


# -- J: no stored XSS, security headers everywhere ------------------------------------------


@pytest.mark.parametrize("url", ["/", "/documents/hostile", "/api/v1/health", "/nowhere", "/docs"])
def test_security_headers_on_every_answer(client: TestClient, url: str) -> None:
    headers = client.get(url, headers={"accept": "text/html"}).headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_only_web_urls_become_links(client: TestClient) -> None:
    hostile = client.get("/documents/hostile").text
    assert "javascript:alert(1)" in hostile  # shown as text
    assert 'href="javascript:' not in hostile
    assert (
        "script-src 'self'" in client.get("/documents/hostile").headers["content-security-policy"]
    )
    fine = client.get("/documents/fine").text
    assert 'href="https://example.org/a"' in fine


def test_web_url_rule() -> None:
    from seismo.urls import web_url

    assert web_url("https://example.org/x?y=1") == "https://example.org/x?y=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil", "http:/x",
                "vbscript:x", "https://exa\nmple.org", None, 3):  # fmt: skip
        assert web_url(bad) is None


# -- L: the body cap holds while reading -----------------------------------------------------


def test_chunked_body_is_refused_after_the_cap_not_after_reading_it(db_path: str) -> None:
    app = create_app(db_path, write_token=TOKEN)
    chunk = b"x" * (1024 * 1024)
    total_chunks = 600  # 600 MB if the server read it all
    consumed = 0
    answer: dict[str, Any] = {}

    async def receive() -> dict[str, Any]:
        nonlocal consumed
        consumed += 1
        return {"type": "http.request", "body": chunk, "more_body": consumed < total_chunks}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": "/api/v1/ingest", "raw_path": b"/api/v1/ingest",
        "query_string": b"", "root_path": "", "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
        "headers": [(b"host", b"127.0.0.1"), (b"authorization", f"Bearer {TOKEN}".encode()),
                    (b"transfer-encoding", b"chunked")],
    }  # fmt: skip
    # a thread of its own: a browser test earlier in the session may hold this thread's loop
    worker = threading.Thread(target=lambda: asyncio.run(app(scope, receive, send)))
    worker.start()
    worker.join(timeout=120)
    assert answer["status"] == 413
    assert consumed <= MAX_BODY_BYTES // len(chunk) + 2  # stopped at the cap, not at 600 MB


# -- N: no paths, HEAD ----------------------------------------------------------------------


def test_health_names_no_path(client: TestClient, db_path: str) -> None:
    body = client.get("/api/v1/health").text
    assert str(Path(db_path).parent) not in body and "duckdb" in body


def test_unavailable_database_names_no_path(tmp_path: Path) -> None:
    db = tmp_path / "secret-folder" / "seismo.duckdb"
    db.parent.mkdir()
    app = create_app(str(db))
    db.write_bytes(b"this is not a database file" * 100)
    answer = TestClient(app, base_url=LOCAL, raise_server_exceptions=False).get("/api/v1/summary")
    assert answer.status_code == 503
    assert "secret-folder" not in answer.text and str(tmp_path) not in answer.text


@pytest.mark.parametrize(
    "url", ["/api/v1/health", "/", "/api/v1/events?limit=1", "/static/seismo.css"]
)
def test_head_answers_like_get_without_a_body(client: TestClient, url: str) -> None:
    got, head = client.get(url), client.head(url)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
