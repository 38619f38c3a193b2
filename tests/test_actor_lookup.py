"""One lookup of what users type for an actor, in the CLI, the API and the dashboard."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import seismo.cli.analytics  # noqa: F401  (registers the commands)
from seismo.analytics.names import actor_key
from seismo.api.app import create_app
from seismo.cli.app import app as cli_app
from seismo.store import Store
from tests.browser.sample_data import write_sample_db


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    return write_sample_db(tmp_path_factory.mktemp("lookup"))


@pytest.fixture(scope="module")
def client(db_path: str) -> TestClient:
    return TestClient(
        base_url="http://127.0.0.1", app=create_app(db_path), raise_server_exceptions=False
    )


def test_names_codes_and_lower_case_reach_the_same_key(db_path: str) -> None:
    with Store(db_path, read_only=True) as store:
        typed = ["JPN", "jpn", "Japan", "japan", "the Russian Federation", "Russia"]
        assert [actor_key(t, store.con) for t in typed] == ["JPN"] * 4 + ["RUS"] * 2
    assert actor_key("Atlantis") is None


def test_api_answers_names_as_it_answers_codes(client: TestClient) -> None:
    by_code = client.get("/api/v1/events", params={"a": "JPN", "b": "RUS", "limit": 500})
    by_name = client.get("/api/v1/events", params={"a": "Japan", "b": "Russia", "limit": 500})
    assert by_code.status_code == by_name.status_code == 200
    assert by_code.json()["items"] and by_name.json() == by_code.json()
    shifts = client.get("/api/v1/shifts", params={"a": "japan", "b": "russia"})
    assert shifts.status_code == 200 and shifts.json()["a"] == "JPN"


@pytest.mark.parametrize("typed", ["XXX", "Atlantis"])
def test_an_unknown_actor_is_a_problem_that_says_so(client: TestClient, typed: str) -> None:
    response = client.get("/api/v1/shifts", params={"a": typed, "b": "RUS"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert typed in response.json()["detail"]
    page = client.get("/dyad", params={"a": typed, "b": "RUS"}, headers={"accept": "text/html"})
    assert (
        page.status_code == 404
        and typed in page.text
        and "text/html" in page.headers["content-type"]
    )
    # the error page keeps the site navigation, so a reader can go on from it
    assert 'aria-label="Main"' in page.text and 'href="/network"' in page.text


def test_cli_takes_the_same_names(db_path: str) -> None:
    result = CliRunner().invoke(
        cli_app, ["events", "--dyad", "Japan", "Russia", "--db", db_path, "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    unknown = CliRunner().invoke(cli_app, ["events", "--dyad", "Atlantis", "RUS", "--db", db_path])
    assert unknown.exit_code != 0 and "Atlantis" in unknown.output


def test_organisations_are_drawn_by_the_names_readers_use() -> None:
    from seismo.analytics.names import display_label

    codes = ["IGONAT", "IGOEUREEC", "IGOG7", "IGOUNO", "JPN"]
    assert [display_label(c) for c in codes] == ["NATO", "EU", "G7", "UN", "JPN"]
