"""The dashboard pages rendered by the app (HTML), and their errors as HTML problem pages."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from seismo.api.app import create_app
from seismo.store import Store
from tests.browser.sample_data import write_sample_db

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = write_sample_db(tmp_path_factory.mktemp("pages-db"))
    return TestClient(
        base_url="http://127.0.0.1", app=create_app(path), raise_server_exceptions=False
    )


def test_overview_lists_busiest_dyads(client: TestClient) -> None:
    page = client.get("/", headers=HTML).text
    assert 'href="/dyad?a=JPN&amp;b=RUS"' in page and "threat" in page


def test_dyad_page_embeds_series_and_shifts(client: TestClient) -> None:
    page = client.get("/dyad", params={"a": "JPN", "b": "RUS"}, headers=HTML).text
    assert 'id="dyad-data"' in page and "toward conflict" in page
    assert '<option value="CHN"' in page
    redirect = client.get("/dyad", headers=HTML, follow_redirects=False)
    assert redirect.status_code in (302, 307) and "a=JPN" in redirect.headers["location"]


def test_document_page_marks_evidence(client: TestClient) -> None:
    page = client.get("/documents/jpn-rus-2022-02", headers=HTML).text
    assert '<mark id="s1"' in page and '<mark id="s3"' in page
    assert "Japan imposed sanctions on Russia.</mark>" in page


def test_document_text_is_escaped(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.browser.sample_data import brief

    coded = brief(
        "script", __import__("datetime").date(2022, 1, 1), [("JPN", "163", "RUS", "2022")]
    )
    coded.document.text = "<script>alert(1)</script> " + coded.document.text
    coded.document.content_hash = "escaped"
    path = tmp_path / "x.duckdb"
    with Store(path) as store:
        store.write([coded])
    page = (
        TestClient(base_url="http://127.0.0.1", app=create_app(str(path)))
        .get("/documents/script", headers=HTML)
        .text
    )
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_network_and_actor_pages(client: TestClient) -> None:
    network = client.get("/network", params={"at": "2019-06-30"}, headers=HTML).text
    assert 'type="range"' in network and "2018-07-01" in network
    actor = client.get("/actors/RUS", headers=HTML).text
    assert "CHN" in actor and "JPN" in actor


def test_events_page_filters_and_links(client: TestClient) -> None:
    page = client.get("/events", params={"actor": "USA", "quad_class": ""}, headers=HTML).text
    assert page.count('class="event-row"') == 8
    assert 'data-href="/documents/jpn-usa-2017-05#s1"' in page


def test_page_errors_are_html_problems(client: TestClient) -> None:
    bad = client.get("/events", params={"since": "yesterday"}, headers=HTML)
    assert bad.status_code == 422 and bad.headers["content-type"].startswith("text/html")
    assert "Use YYYY-MM-DD" in bad.text
    missing = client.get("/actors/ZZZ", headers=HTML)
    assert missing.status_code == 404 and "ZZZ" in missing.text


def test_plotly_is_served_locally(client: TestClient) -> None:
    response = client.get("/static/vendor/plotly.min.js")
    assert response.status_code == 200 and len(response.content) > 1_000_000
