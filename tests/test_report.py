"""Briefs end to end: the sample corpus coded into a database, a JPN–RUS brief as HTML (with
the 2022 shift and its sentences), as PDF, from the CLI and from the dashboard route."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import seismo.cli.extras  # noqa: F401  (registers the commands)
from seismo.cli.app import app
from seismo.report import build_brief, render_brief, write_pdf
from seismo.report.brief import choose_period, key_events, trajectory_summary
from seismo.report.chart import trajectory_svg
from seismo.store import Store

runner = CliRunner()
# A sentence of the sample corpus the coder reads as Japan sanctioning Russia in 2022.
SANCTION_WORDS = "froze the assets"


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The bundled sample corpus, coded by the real pipeline (about ten seconds)."""
    from seismo.data import sample_corpus_paths
    from seismo.ingest import read_inputs
    from seismo.model import CodedDocument
    from seismo.pipeline import code_documents

    path = tmp_path_factory.mktemp("brief") / "sample.duckdb"
    items = code_documents(read_inputs([str(p) for p in sample_corpus_paths()]))
    with Store(path) as store:
        store.write([item for item in items if isinstance(item, CodedDocument)])
    return str(path)


@pytest.fixture(scope="module")
def jpn_rus(corpus_db: str) -> dict:
    with Store(corpus_db, read_only=True) as store:
        return build_brief(store.con, "JPN", "RUS")


def test_brief_finds_the_2022_turn_with_its_sentences(jpn_rus: dict) -> None:
    html = render_brief(jpn_rus)
    # the turn of the sample corpus: the 2021 naval patrol around Japan, then 2022's sanctions
    turn = [s for s in jpn_rus["shifts"] if "2021" <= s["date"] < "2023"]
    assert turn and turn[0]["direction"] == "toward conflict"
    assert jpn_rus["summary"]["main_shift"]["date"] == turn[0]["date"]
    before = jpn_rus["summary"]["main_shift"]["goldstein_before"]
    after = jpn_rus["summary"]["main_shift"]["goldstein_after"]
    assert before > 0 > after
    assert "toward conflict" in html
    for event in turn[0]["events"]:
        assert event["sentence"].replace("'", "&#39;").replace('"', "&#34;") in html
    assert SANCTION_WORDS in html
    assert 'class="shift-marker"' in html


def test_brief_is_self_contained(jpn_rus: dict) -> None:
    """It must open offline from a mailed file: no scripts, stylesheets or images to fetch."""
    html = render_brief(jpn_rus)
    assert "<script" not in html
    # the only link is the empty inline icon that keeps a browser from asking for a favicon
    assert re.findall(r"<link[^>]*>", html) == ['<link rel="icon" href="data:,">']
    assert not re.search(r'(?:src|href)="(?!data:|#|https?://)', html.split("<body", 1)[0])
    assert not re.search(r'src="(?!data:)', html)
    assert "<svg" in html and "<style>" in html


def test_brief_cites_documents_with_publication_dates(jpn_rus: dict) -> None:
    cited = {d["doc_id"]: d for d in jpn_rus["documents"]}
    for group in jpn_rus["key_events"]:
        for event in group["events"]:
            assert event["doc_id"] in cited
    assert all(d["published"] for d in cited.values())
    assert "Method" in render_brief(jpn_rus)


def test_brief_of_a_silent_dyad_says_so(corpus_db: str) -> None:
    with Store(corpus_db, read_only=True) as store:
        data = build_brief(store.con, "JPN", "ZZZ")
    html = render_brief(data)
    assert data["summary"]["events"] == 0 and not data["shifts"]
    assert "has no asserted events" in html


def test_period_follows_the_span() -> None:
    import datetime as dt

    d = dt.date
    assert choose_period(d(1945, 1, 1), d(2024, 1, 1), "auto") == "quarter"
    assert choose_period(d(2018, 1, 1), d(2024, 1, 1), "auto") == "quarter"
    assert choose_period(d(2023, 1, 1), d(2024, 1, 1), "auto") == "month"
    assert choose_period(d(1945, 1, 1), d(2024, 1, 1), "month") == "month"
    with pytest.raises(ValueError):
        choose_period(None, None, "fortnight")


def _event(eid: str, day: str, goldstein: float, doc: str = "d", index: int = 0) -> dict:
    return {
        "event_id": eid,
        "doc_id": doc,
        "sentence_index": index,
        "event_date": day,
        "date": day[:7],
        "goldstein": goldstein,
        "quad_class": 1 if goldstein > 0 else 4,
    }


def test_key_events_keep_the_strongest_once_per_sentence() -> None:
    events = [
        _event("a", "2022-03-01", -8.0, "x", 1),
        _event("b", "2022-03-01", -8.0, "x", 1),  # the same sentence read the other way
        _event("c", "2022-05-01", 1.0, "y", 0),
        _event("d", "2021-01-01", 4.0, "z", 0),
    ]
    groups = key_events(events, "year", per_group=4)
    assert [g["label"] for g in groups] == ["2021", "2022"]
    assert [e["event_id"] for e in groups[1]["events"]] == ["a", "c"]
    assert groups[1]["total"] == 3
    assert key_events(events, "quarter")[1]["label"] == "2022 Q1"


def test_summary_splits_goldstein_at_the_shift_that_separates_most() -> None:
    events = [
        _event("a", "2020-01-01", 4.0),
        _event("b", "2022-02-01", -8.0),
        _event("c", "2022-09-01", -6.0),
    ]
    shifts = [
        {"date": "2022-01-01", "size": -9.0, "direction": "toward conflict"},
        # the end of the burst: a large jump, but not where the history divides
        {"date": "2022-06-01", "size": 12.0, "direction": "toward cooperation"},
    ]
    summary = trajectory_summary(events, shifts)
    assert summary["main_shift"]["date"] == "2022-01-01"
    assert (
        summary["main_shift"]["goldstein_before"],
        summary["main_shift"]["goldstein_after"],
    ) == (
        4.0,
        -7.0,
    )
    assert trajectory_summary(events, [])["main_shift"] is None


def test_chart_marks_shifts_and_handles_no_data() -> None:
    series = [
        {
            "period": p,
            "events": n,
            "quad1": c,
            "quad2": 0,
            "quad3": 0,
            "quad4": k,
            "cooperation": c,
            "conflict": k,
            "goldstein_sum": g,
        }
        for p, n, c, k, g in [("2021-01-01", 2, 2, 0, 4.0), ("2022-01-01", 3, 0, 3, -24.0)]
    ]
    svg = trajectory_svg(
        series, [{"date": "2022-01-01", "direction": "toward conflict"}], "year", "t"
    )
    assert svg.startswith("<svg") and svg.count('class="shift-marker"') == 1
    assert "shift 2022 ↓" in svg
    # both signs of both panels are labelled: +24/−24 for the sum, +3/−3 for the events
    assert all(label in svg for label in (">+24<", ">−24<", ">+3<", ">−3<"))
    assert "No dated events" in trajectory_svg([], [], "year", "t")


def test_cli_writes_html_and_a_pdf_that_renders(corpus_db: str, tmp_path: Path) -> None:
    html, pdf = tmp_path / "brief.html", tmp_path / "brief.pdf"
    result = runner.invoke(
        app,
        ["brief", "Japan", "RUS", "--db", corpus_db, "--out", str(html), "--pdf", str(pdf)],
    )
    assert result.exit_code == 0, result.output
    assert SANCTION_WORDS in html.read_text(encoding="utf-8")
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is absent (apt-get install poppler-utils): page images not checked")
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 2 and all(p.stat().st_size > 2000 for p in pages)
    # Printable: with sections flowing on (no page forced per shift card or section), the
    # sample corpus's JPN-RUS brief fits in 11 A4 pages (15 when every card began a page).
    assert len(pages) <= 11, f"{len(pages)} pages"
    image = pytest.importorskip("PIL.Image")
    for page in pages[:-1]:
        # no half-empty page before the last: ink reaches below 70% of the page's height
        with image.open(page) as im:
            grey = im.convert("L")
            width, height = grey.size
            body = grey.crop((0, 0, width, int(height * 0.92)))  # the footer is not content
            rows = [
                y
                for y in range(body.height)
                if body.crop((0, y, width, y + 1)).getextrema()[0] < 200
            ]
        assert rows and rows[-1] > 0.7 * height, f"{page.name} is half empty"


def test_cli_rejects_an_unknown_period(corpus_db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["brief", "JPN", "RUS", "--db", corpus_db, "--period", "week"])
    assert result.exit_code != 0


def test_pdf_error_names_the_fix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import builtins

    real_import = builtins.__import__

    def no_weasyprint(name: str, *args: object, **kwargs: object) -> object:
        if name == "weasyprint":
            raise ImportError("No module named 'weasyprint'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    from seismo.errors import SeismoError

    with pytest.raises(SeismoError, match=r"seismo\[pdf\]"):
        write_pdf("<p>x</p>", tmp_path / "x.pdf")


def _client(db: str) -> TestClient:
    from seismo.api.app import create_app

    return TestClient(base_url="http://127.0.0.1", app=create_app(db))


def test_dashboard_route_renders_the_same_brief(corpus_db: str) -> None:
    client = _client(corpus_db)
    page = client.get("/brief", params={"a": "jpn", "b": "RUS"})
    assert page.status_code == 200
    assert SANCTION_WORDS in page.text and "toward conflict" in page.text
    assert 'href="/documents/' in page.text  # links into the dashboard
    data = client.get("/api/v1/brief", params={"a": "JPN", "b": "RUS"}).json()
    assert data["summary"]["main_shift"]["direction"] == "toward conflict"
    assert (
        client.get("/brief", params={"a": "JPN", "b": "RUS", "since": "2022-13-01"}).status_code
        == 422
    )
    pdf = client.get("/brief.pdf", params={"a": "JPN", "b": "RUS"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
