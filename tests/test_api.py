"""The JSON API through FastAPI's TestClient over a DuckDB file holding the sample history."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from fastapi.testclient import TestClient

from seismo.api.app import create_app
from seismo.store import Store
from tests.browser.sample_data import asserted_event_count, history, write_sample_db

PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    return write_sample_db(tmp_path_factory.mktemp("api-db"))


@pytest.fixture(scope="module")
def client(db_path: str) -> TestClient:
    return TestClient(
        base_url="http://127.0.0.1", app=create_app(db_path), raise_server_exceptions=False
    )


def assert_problem(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert {"type", "title", "status", "detail"} <= body.keys()
    assert body["status"] == status
    assert "Traceback" not in response.text
    return body


def test_health_and_summary(client: TestClient) -> None:
    assert client.get("/api/v1/health").json()["status"] == "ok"
    summary = client.get("/api/v1/summary").json()
    assert summary["events"] == 111 and summary["documents"] == 58 and summary["stances"] == 2
    # asserted events, as the dyad and events views count them (the history has one intended)
    assert summary["top_dyads"][0] == {"a": "JPN", "b": "RUS", "events": 52, "goldstein_mean": 1.62}


def test_pagination_returns_every_event_once(client: TestClient) -> None:
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": 7, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/v1/events", params=params).json()
        seen += [item["event_id"] for item in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == asserted_event_count(history())
    assert pages == -(-len(seen) // 7)


def test_event_filters(client: TestClient) -> None:
    dyad = client.get("/api/v1/events", params={"a": "jpn", "b": "RUS", "limit": 500}).json()
    assert len(dyad["items"]) == 52  # the 53rd JPN–RUS event is only intended
    assert all(
        {e["source"]["country"], e["target"]["country"]} == {"JPN", "RUS"} for e in dyad["items"]
    )
    directed = client.get(
        "/api/v1/events", params={"a": "JPN", "b": "RUS", "directed": True, "limit": 500}
    ).json()["items"]
    assert directed and all(e["source"]["country"] == "JPN" for e in directed)
    sanctions = client.get(
        "/api/v1/events", params={"actor": "JPN", "root": "16", "since": "2022-01-01"}
    ).json()["items"]
    assert sanctions and all(e["cameo"] == "163" and e["date"] >= "2022" for e in sanctions)
    conflict = client.get("/api/v1/events", params={"quad_class": 4, "until": "2021-12-31"}).json()
    assert conflict["items"] == []
    intended = client.get("/api/v1/events", params={"modality": "intended"}).json()["items"]
    assert [e["doc_id"] for e in intended] == ["jpn-rus-plans-2023"]
    everything = client.get("/api/v1/events", params={"modality": "all", "limit": 500}).json()
    assert len(everything["items"]) == 111


@pytest.mark.parametrize(
    "params",
    [
        {"since": "2022-13-01"},
        {"since": "March 2022"},
        {"until": "2022-02-30"},
        {"since": "2023-01-01", "until": "2022-01-01"},
        {"limit": 0},
        {"limit": 501},
        {"quad_class": 5},
        {"root": "1"},
        {"modality": "rumoured"},
        {"actor": "J"},
        {"actor": "X" * 100},
        {"a": "JPN"},
        {"cursor": "not-a-cursor"},
    ],
)
def test_bad_event_parameters_are_problems(client: TestClient, params: dict) -> None:
    body = assert_problem(client.get("/api/v1/events", params=params), 422)
    assert body["detail"]


def test_dyad_series(client: TestClient) -> None:
    series = client.get("/api/v1/dyads/JPN/RUS/series", params={"period": "year"}).json()
    by_year = {p["period"][:4]: p for p in series["points"]}
    assert by_year["2021"]["goldstein_sum"] > 0 and by_year["2022"]["goldstein_sum"] < 0
    assert by_year["2022"]["quad4"] > 0 and by_year["2019"]["conflict"] == 0
    assert_problem(client.get("/api/v1/dyads/JPN/RUS/series", params={"period": "decade"}), 422)


def test_network_at_a_date(client: TestClient) -> None:
    before = client.get("/api/v1/network", params={"at": "2021-06-30"}).json()
    after = client.get("/api/v1/network", params={"at": "2022-12-31"}).json()
    edge = {(e["a"], e["b"]): e for e in before["edges"]}[("JPN", "RUS")]
    assert edge["weight"] > 0
    edge = {(e["a"], e["b"]): e for e in after["edges"]}[("JPN", "RUS")]
    assert edge["weight"] < 0 and edge["stances"][0]["stance"] == "threat"
    assert after["since"] == "2022-01-01" and after["window_days"] == 365
    assert_problem(client.get("/api/v1/network", params={"window_days": 36501}), 422)
    assert_problem(client.get("/api/v1/network", params={"at": "2022-6-1"}), 422)


def test_shifts_find_the_turn_of_2022(client: TestClient) -> None:
    shifts = client.get("/api/v1/shifts", params={"a": "JPN", "b": "RUS"}).json()["shifts"]
    turn = next(s for s in shifts if s["date"].startswith("2022"))
    assert turn["direction"] == "toward conflict" and turn["size"] < 0
    assert any(e["cameo"] == "163" for e in turn["events"])
    assert_problem(client.get("/api/v1/shifts", params={"a": "JPN"}), 422)


def test_movers_stances_and_actors(client: TestClient) -> None:
    movers = client.get("/api/v1/movers", params={"since": "2022-01-01", "until": "2022-12-31"})
    jpn_rus = next(m for m in movers.json()["items"] if (m["a"], m["b"]) == ("JPN", "RUS"))
    assert jpn_rus["direction"] == "toward conflict"
    stances = client.get("/api/v1/stances", params={"holder": "JPN"}).json()["items"]
    assert [(s["subject"]["country"], s["stance"]) for s in stances] == [("RUS", "threat")]
    actors = client.get("/api/v1/actors", params={"q": "rus"}).json()["items"]
    assert actors[0]["key"] == "RUS"
    assert_problem(client.get("/api/v1/actors", params={"q": "x" * 65}), 422)


def test_document_marks_its_evidence(client: TestClient) -> None:
    doc = client.get("/api/v1/documents/jpn-rus-2022-02").json()
    assert len(doc["evidence"]) == 2
    for span, event in zip(doc["evidence"], doc["events"], strict=True):
        assert doc["text"][span["start"] : span["end"]] == event["sentence"]
        assert span["event_ids"] == [event["event_id"]]
    body = assert_problem(client.get("/api/v1/documents/no-such-doc"), 404)
    assert "no-such-doc" in body["detail"]


def test_unknown_route_is_a_problem(client: TestClient) -> None:
    assert_problem(client.get("/api/v1/nothing-here"), 404)


def test_openapi_describes_the_responses(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    events = spec["paths"]["/api/v1/events"]["get"]
    assert events["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/EventPage"
    )
    assert "/api/v1/ingest" not in spec["paths"]
    assert client.get("/docs").status_code == 200


def test_ingest_is_absent_without_a_token(client: TestClient) -> None:
    assert_problem(client.post("/api/v1/ingest", content=b'{"id": "x", "text": "y"}\n'), 404)


def test_ingest_needs_the_bearer_token(db_path: str) -> None:
    guarded = TestClient(
        base_url="http://127.0.0.1",
        app=create_app(db_path, write_token="s3cret"),
        raise_server_exceptions=False,
    )
    line = b'{"id": "x", "text": "Japan imposed sanctions on Russia."}\n'
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"}):
        response = guarded.post("/api/v1/ingest", content=line, headers=headers)
        assert_problem(response, 401)
        assert response.headers["www-authenticate"].startswith("Bearer")
    assert "/api/v1/ingest" in guarded.get("/openapi.json").json()["paths"]


def test_ingest_codes_and_stores_documents(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("seismo.pipeline")
    path = str(tmp_path / "fresh.duckdb")
    writer = TestClient(
        base_url="http://127.0.0.1",
        app=create_app(path, write_token="s3cret"),
        raise_server_exceptions=False,
    )
    body = (
        b'{"id": "sanctions", "published": "2022-03-08", "text": "On March 7, 2022, Japan '
        b'imposed sanctions on Russia."}\nnot json\n'
    )
    response = writer.post(
        "/api/v1/ingest", content=body, headers={"Authorization": "Bearer s3cret"}
    )
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["documents"] == 1 and len(result["skipped"]) == 1
    assert result["no_published"] == 0 and result["redated"] == 0
    stored = writer.get("/api/v1/documents/sanctions").json()
    assert stored["doc_id"] == "sanctions" and len(stored["events"]) == result["events"]
    assert {e["date_basis"] for e in stored["events"]} == {"text"}


def test_locked_database_answers_503(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "locked.duckdb"
    Store(path).close()
    app = create_app(str(path))
    app.state.database.lock_wait = 0.2
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import duckdb, sys, time
                con = duckdb.connect({str(path)!r})
                print("holding", flush=True)
                sys.stdin.read()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        response = TestClient(
            base_url="http://127.0.0.1", app=app, raise_server_exceptions=False
        ).get("/api/v1/summary")
        body = assert_problem(response, 503)
        assert response.headers["retry-after"]
        assert "locked.duckdb" in body["detail"]
    finally:
        holder.communicate("", timeout=20)
    assert (
        TestClient(base_url="http://127.0.0.1", app=app).get("/api/v1/summary").json()["events"]
        == 0
    )


def test_parquet_events_with_documents_from_the_file(db_path: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    parquet = tmp_path / "events"
    with Store(db_path, read_only=True) as store:
        store.export_parquet(parquet)
    over_parquet = TestClient(
        base_url="http://127.0.0.1", app=create_app(db_path, parquet_dir=str(parquet))
    )
    assert over_parquet.get("/api/v1/summary").json()["events"] == 111
    series = over_parquet.get("/api/v1/dyads/CHN/RUS/series", params={"period": "year"}).json()
    assert series["points"][-1]["events"] > series["points"][0]["events"]
    assert over_parquet.get("/api/v1/documents/jpn-rus-2022-02").json()["evidence"]


def test_events_carry_coordinates_and_filter_by_place(client: TestClient) -> None:
    everything = client.get("/api/v1/events", params={"limit": 500}).json()["items"]
    assert all(item["location"]["lat"] is not None for item in everything)
    # a box around Japan and its seas: Tokyo, the Sea of Japan, the Kurils, not Moscow
    box = client.get("/api/v1/events", params={"bbox": "125,30,150,50", "limit": 500}).json()
    names = {item["location"]["name"] for item in box["items"]}
    assert names and names <= {"Tokyo", "Sea of Japan", "Kuril Islands"}
    assert "Tokyo" in names
    for item in box["items"]:
        assert 125 <= item["location"]["lon"] <= 150 and 30 <= item["location"]["lat"] <= 50
    russia = client.get("/api/v1/events", params={"location_country": "rus", "limit": 500}).json()
    assert {i["location"]["name"] for i in russia["items"]} == {"Moscow", "Kuril Islands"}
    assert len(russia["items"]) < len(everything)
    across = client.get("/api/v1/events", params={"bbox": "170,-90,-170,90"}).json()
    assert across["items"] == []  # a box across the antimeridian holds none of our places


@pytest.mark.parametrize("bbox", ["1,2,3", "a,b,c,d", "0,50,10,40", "0,0,200,10"])
def test_bad_bbox_is_a_problem(client: TestClient, bbox: str) -> None:
    body = assert_problem(client.get("/api/v1/events", params={"bbox": bbox}), 422)
    assert "bbox" in body["detail"]
