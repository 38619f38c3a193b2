"""One truth for counts: the overview, the dyad, actor and events views, the brief and every
export agree on how many events there are for the same filters, or say what they leave out."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import seismo.cli.analytics  # noqa: F401  (registers the commands)
import seismo.cli.extras  # noqa: F401
from seismo.analytics import dyad_series, network
from seismo.api.app import create_app
from seismo.cli.app import app as cli_app
from seismo.report import build_brief
from seismo.store import Store
from tests.browser.sample_data import write_sample_db
from tests.store_factories import JAPAN, RUSSIA, coded, event

runner = CliRunner()


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The sample history plus what views tend to disagree on: an undated event, an intended
    one and a non-asserted one, between Japan and Russia."""
    path = write_sample_db(tmp_path_factory.mktemp("counts"))
    extra = [
        event(JAPAN, RUSSIA, "036", None, "extra", 0),
        event(RUSSIA, JAPAN, "163", None, "extra", 1),
        event(JAPAN, RUSSIA, "057", "2023-05-02", "extra", 2, modality="intended"),
        event(RUSSIA, JAPAN, "190", "2023-06-02", "extra", 3, modality="hypothetical"),
    ]
    with Store(path) as store:
        store.write([coded("extra", extra)])
    return path


@pytest.fixture(scope="module")
def stored(db_path: str) -> dict:
    """Counts straight from the table: asserted events, all events, JPN–RUS asserted."""
    with Store(db_path, read_only=True) as store:
        one = lambda sql: store.con.execute(sql).fetchone()[0]  # noqa: E731
        jr = "modality = 'asserted' AND list_sort([source_key, target_key]) = ['JPN', 'RUS']"
        return {
            "asserted": one("SELECT count(*) FROM events WHERE modality = 'asserted'"),
            "all": one("SELECT count(*) FROM events"),
            "jr": one(f"SELECT count(*) FROM events WHERE {jr}"),
            "jr_dated": one(f"SELECT count(event_date) FROM events WHERE {jr}"),
        }


def _api_events(client: TestClient, **params: str) -> int:
    total, cursor = 0, None
    while True:
        query = {**params, "limit": "500", **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/v1/events", params=query).json()
        total += len(page["items"])
        cursor = page.get("next_cursor")
        if not cursor:
            return total


def test_views_of_one_dyad_agree(db_path: str, stored: dict) -> None:
    client = TestClient(base_url="http://127.0.0.1", app=create_app(db_path))
    assert stored["jr"] > stored["jr_dated"] > 0  # the history holds undated events too
    overview = client.get("/api/v1/summary").json()
    top = {(d["a"], d["b"]): d["events"] for d in overview["top_dyads"]}
    assert top[("JPN", "RUS")] == stored["jr"]
    assert _api_events(client, a="JPN", b="RUS") == stored["jr"]
    with Store(db_path, read_only=True) as store:
        graph = network(store.con, at=None, window_days=36_500)
        edge = next(e for e in graph["edges"] if {e["a"], e["b"]} == {"JPN", "RUS"})
        assert edge["n"] == stored["jr"]  # what the actor page lists for the pair
        series = dyad_series(store.con, "JPN", "RUS")
        assert sum(r["events"] for r in series) == stored["jr_dated"]  # the chart: dated only
        brief = build_brief(store.con, "JPN", "RUS")
    assert brief["summary"]["events"] == stored["jr"]
    assert brief["undated_events"] == stored["jr"] - stored["jr_dated"]


def _export(db_path: str, fmt: str, out, *extra: str):  # type: ignore[no-untyped-def]
    result = runner.invoke(cli_app, ["export", "-f", fmt, "--db", db_path, "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return result


def test_exports_agree_or_say_what_they_leave_out(db_path: str, stored: dict, tmp_path) -> None:
    _export(db_path, "gdelt", tmp_path / "e.tsv")
    gdelt_rows = (tmp_path / "e.tsv").read_text(encoding="utf-8").splitlines()
    assert len(gdelt_rows) == stored["asserted"]
    _export(db_path, "csv", tmp_path / "e.csv")
    csv_rows = (tmp_path / "e.csv").read_text(encoding="utf-8").splitlines()
    assert len(csv_rows) - 1 == stored["asserted"]  # a header line
    result = _export(db_path, "plover", tmp_path / "e.jsonl")
    plover = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    said = result.output
    assert f"exported {len(plover)} events" in said
    if len(plover) < stored["asserted"]:
        assert f"left out {stored['asserted'] - len(plover)} of {stored['asserted']}" in said
        assert "PLOVER has no type" in said or "undated" in said
    _export(db_path, "csv", tmp_path / "all.csv", "--modality", "all")
    assert len((tmp_path / "all.csv").read_text().splitlines()) - 1 == stored["all"]
    result = _export(db_path, "parquet", tmp_path / "pq")
    assert "every modality" in result.output
    import duckdb

    parquet = duckdb.connect().execute(
        f"SELECT count(*) FROM read_parquet('{tmp_path / 'pq'}/**/*.parquet')"
    )
    assert parquet.fetchone()[0] == stored["all"]
