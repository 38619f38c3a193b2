"""Hardening of the API: what it exposes, to whom, and what a hostile request can get out of it.

The server holds data that is meant for this machine unless the user decides otherwise, a
write endpoint that must stay shut without the token, and SQL behind every query parameter.
These tests attack it the way a careless or hostile client would and check that the answer
is always a bounded, well-formed problem document that gives nothing away.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from seismo.api import server
from seismo.api.app import create_app
from seismo.store import Store
from tests.browser.sample_data import write_sample_db

PROBLEM = "application/problem+json"
TOKEN = "s3cret-token-for-tests"
LEAKS = ("Traceback", 'File "', "site-packages", "duckdb.", "RuntimeError")


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    return write_sample_db(tmp_path_factory.mktemp("security-db"))


@pytest.fixture(scope="module")
def client(db_path: str) -> TestClient:
    return TestClient(
        base_url="http://127.0.0.1", app=create_app(db_path), raise_server_exceptions=False
    )


@pytest.fixture(scope="module")
def writable(db_path: str) -> TestClient:
    return TestClient(
        base_url="http://127.0.0.1",
        app=create_app(db_path, write_token=TOKEN),
        raise_server_exceptions=False,
    )


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    for leak in LEAKS:
        assert leak not in response.text
    return body


def counts(db_path: str) -> tuple[int, int, int]:
    with Store(db_path, read_only=True) as store:
        return tuple(  # type: ignore[return-value]
            store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "events", "stances")
        )


# -- where it listens --------------------------------------------------------------------


def test_server_binds_to_loopback_by_default() -> None:
    assert inspect.signature(server.serve).parameters["host"].default == "127.0.0.1"


def test_seismo_serve_binds_to_loopback_by_default(
    db_path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the real command: `seismo serve` with no --host hands uvicorn 127.0.0.1."""
    from seismo.cli import analytics as _analytics  # noqa: F401  (more than one command,
    from seismo.cli import serve as _serve  # noqa: F401  so typer keeps the subcommands)
    from seismo.cli.app import app

    seen: dict[str, Any] = {}

    def fake_run(app_: Any, **options: Any) -> None:
        seen.update(options)

    monkeypatch.setattr(server.uvicorn, "run", fake_run)
    monkeypatch.delenv("SEISMO_WRITE_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--db", db_path, "--port", "8765"])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8765
    assert seen.get("proxy_headers") is False


# -- the write endpoint ------------------------------------------------------------------

BODY = b'{"id": "w1", "text": "Japan imposed sanctions on Russia on 7 March 2022."}\n'


def test_ingest_route_does_not_exist_without_a_token(client: TestClient) -> None:
    assert_problem(client.post("/api/v1/ingest", content=BODY), 404)
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/v1/ingest" not in paths


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": f"Bearer {TOKEN[:-1]}"},
        {"Authorization": "Bearer "},
        {"X-Token": TOKEN},
    ],
    ids=["none", "wrong", "basic-scheme", "longer", "prefix", "empty", "other-header"],
)
def test_ingest_needs_the_exact_bearer_token(
    writable: TestClient, db_path: str, headers: dict[str, str]
) -> None:
    before = counts(db_path)
    response = writable.post("/api/v1/ingest", content=BODY, headers=headers)
    assert_problem(response, 401)
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert counts(db_path) == before


def test_oversized_ingest_body_is_refused_before_coding(writable: TestClient) -> None:
    from seismo.api.routes_ingest import MAX_BODY_BYTES

    body = b"x" * (MAX_BODY_BYTES + 1)
    response = writable.post(
        "/api/v1/ingest", content=body, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert_problem(response, 413)


# -- hostile parameters ------------------------------------------------------------------

INJECTIONS = [
    "' OR 1=1 --",
    "JPN'; DROP TABLE events; --",
    '" OR ""="',
    "%' UNION SELECT * FROM documents --",
    "\\'; DELETE FROM documents; --",
    "1; ATTACH '/etc/passwd' AS x",
]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_sql_injection_looking_parameters_are_harmless(
    client: TestClient, db_path: str, payload: str
) -> None:
    before = counts(db_path)
    summary = client.get("/api/v1/summary").json()
    answers = [
        client.get("/api/v1/events", params={"actor": payload}),
        client.get("/api/v1/events", params={"since": payload[:10]}),
        client.get("/api/v1/events", params={"cursor": payload}),
        client.get("/api/v1/events", params={"root": payload}),
        client.get("/api/v1/actors", params={"q": payload}),
        client.get("/api/v1/stances", params={"holder": payload}),
        client.get("/api/v1/shifts", params={"a": payload, "b": "RUS"}),
        client.get(f"/api/v1/documents/{payload}"),
        client.get("/events", params={"actor": payload, "cursor": payload}),
        client.get("/network", params={"at": payload, "window_days": payload}),
    ]
    for response in answers:
        assert response.status_code < 500, (response.request.url, response.text)
        for leak in LEAKS:
            assert leak not in response.text
    # The LIKE search treats the payload as text to find, not as SQL.
    actors = answers[4]
    assert actors.status_code == 200 and actors.json()["items"] == []
    assert counts(db_path) == before
    assert client.get("/api/v1/summary").json() == summary


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/v1/events", {"limit": 0}),
        ("/api/v1/events", {"limit": 501}),
        ("/api/v1/events", {"limit": -1}),
        ("/api/v1/events", {"limit": 10**20}),
        ("/api/v1/events", {"limit": "ten"}),
        ("/api/v1/stances", {"limit": 100_000}),
        ("/api/v1/actors", {"limit": 101}),
        ("/api/v1/movers", {"limit": 0}),
        ("/api/v1/network", {"window_days": 0}),
        ("/api/v1/network", {"window_days": 36_501}),
        ("/api/v1/network", {"window_days": -5}),
        ("/api/v1/events", {"since": "2022-02-31"}),
        ("/api/v1/events", {"since": "2022-03-01", "until": "2022-01-01"}),
        ("/api/v1/events", {"since": "99999-01-01"}),
        ("/api/v1/actors", {"q": "x" * 65}),
        ("/api/v1/events", {"cursor": "c" * 257}),
        ("/api/v1/events", {"quad_class": 5}),
        ("/api/v1/dyads/JPN/RUS/series", {"period": "decade"}),
    ],
)
def test_out_of_bounds_parameters_are_422_problems(
    client: TestClient, path: str, params: dict[str, Any]
) -> None:
    body = assert_problem(client.get(path, params=params), 422)
    assert body["type"] == "/problems/invalid-parameter"


def test_bad_cursor_is_a_client_error_not_a_crash(client: TestClient) -> None:
    for cursor in ("not-a-cursor", "AAAA", "eyJ4IjoxfQ", "%00%ff"):
        response = client.get("/api/v1/events", params={"cursor": cursor})
        assert 400 <= response.status_code < 500, response.text


def test_input_is_not_reflected_into_html_error_pages(client: TestClient) -> None:
    script = "<script>alert(1)</script>"
    for path, params in [
        ("/events", {"actor": script}),
        ("/network", {"at": script}),
        (f"/documents/{script}", {}),
        (f"/actors/{script}", {}),
    ]:
        response = client.get(path, params=params, headers={"Accept": "text/html"})
        assert response.status_code < 500, response.text
        assert script not in response.text


def test_static_files_do_not_escape_their_folder(client: TestClient) -> None:
    for path in (
        "/static/../../pyproject.toml",
        "/static/..%2f..%2f..%2fpyproject.toml",
        "/static/%2e%2e/%2e%2e/api/app.py",
        "/static/../store/schema.sql",
    ):
        response = client.get(path)
        assert response.status_code == 404, (path, response.status_code)
        assert "[project]" not in response.text and "def create_app" not in response.text


# -- failures inside ---------------------------------------------------------------------


def test_a_server_error_is_a_problem_without_traceback(
    db_path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Force a bug in the store: the client learns that it failed, not how or where."""

    def broken(self: Store) -> dict[str, Any]:
        raise RuntimeError(f"secret detail: {db_path} Traceback (most recent call last)")

    monkeypatch.setattr(Store, "summary", broken)
    client = TestClient(
        base_url="http://127.0.0.1", app=create_app(db_path), raise_server_exceptions=False
    )
    body = assert_problem(client.get("/api/v1/summary"), 500)
    assert db_path not in str(body) and "secret" not in str(body)
    page = client.get("/", headers={"Accept": "text/html"})
    assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
    for leak in (*LEAKS, "secret", db_path):
        assert leak not in page.text


def test_a_missing_database_is_a_503_that_does_not_name_internals(
    tmp_path: Any, db_path: str
) -> None:
    app = create_app(db_path)
    app.state.database.db_path = str(tmp_path / "gone.duckdb")
    response = TestClient(base_url="http://127.0.0.1", app=app, raise_server_exceptions=False).get(
        "/api/v1/summary"
    )
    body = assert_problem(response, 503)
    assert response.headers["retry-after"].isdigit()
    assert body["type"] == "/problems/database-unavailable"


# -- cross-origin ------------------------------------------------------------------------


def test_cors_is_not_open_by_default(client: TestClient) -> None:
    evil = "https://evil.example"
    simple = client.get("/api/v1/summary", headers={"Origin": evil})
    assert simple.status_code == 200
    assert "access-control-allow-origin" not in simple.headers
    preflight = client.options(
        "/api/v1/events",
        headers={
            "Origin": evil,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "Authorization",
        },
    )
    assert "access-control-allow-origin" not in preflight.headers
    assert "access-control-allow-credentials" not in preflight.headers
    assert preflight.status_code >= 400


def test_openapi_lists_only_read_operations_without_a_token(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    methods = {method for operations in paths.values() for method in operations}
    assert methods == {"get"}
