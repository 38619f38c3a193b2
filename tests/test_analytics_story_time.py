"""Analytics see the day's news: events dated by their report's publication date count.

A wire lead ("Japan imposed sanctions on Russian banks.") states no date; before story
time it was undated and dropped out of every series, shift and brief. Here a store is built
by the real coder from a few short reports of our own, with and without publication dates.
"""

from __future__ import annotations

import datetime as dt

import pytest

from seismo.analytics import detect_shifts, dyad_series
from seismo.model import CodedDocument, Document
from seismo.report.brief import build_brief
from seismo.store import Store

REPORTS = [
    ("r1", "2023-01-16", "Japan and Russia signed a fisheries agreement."),
    ("r2", "2023-02-14", "Japan and Russia held talks on fishing quotas."),
    ("r3", "2023-03-20", "Japan and Russia signed a trade agreement."),
    ("r4", "2023-04-11", "Japan imposed sanctions on Russian banks."),
    ("r5", "2023-05-09", "Russia expelled two Japanese diplomats."),
    ("r6", "2023-06-13", "Japan imposed sanctions on Russian oil companies."),
]


def _store(path, nlp, coder, with_dates: bool) -> Store:
    store = Store(path)
    batch = []
    for doc_id, day, text in REPORTS:
        published = dt.date.fromisoformat(day) if with_dates else None
        doc = Document(doc_id=doc_id, text=text, published=published)
        events, stances = coder.code(doc, nlp(text))
        batch.append(CodedDocument(doc, events, stances))
    store.write(batch)
    return store


@pytest.fixture
def dated(tmp_path, nlp, coder):
    with _store(tmp_path / "dated.duckdb", nlp, coder, True) as store:
        yield store


@pytest.fixture
def undated(tmp_path, nlp, coder):
    with _store(tmp_path / "undated.duckdb", nlp, coder, False) as store:
        yield store


def test_reports_of_the_day_fill_the_dyad_series(dated, undated):
    rows = dyad_series(dated.con, "JPN", "RUS", period="month")
    assert [r["period"][:7] for r in rows] == [f"2023-0{m}" for m in range(1, 7)]
    assert all(r["events"] >= 1 for r in rows)
    assert rows[0]["cooperation"] >= 1 and rows[-1]["conflict"] >= 1
    # the same reports without publication dates: nothing to plot
    assert dyad_series(undated.con, "JPN", "RUS", period="month") == []


def test_shifts_and_briefs_count_them(dated, undated):
    shifts = detect_shifts(dated.con, "JPN", "RUS", period="month")
    assert [(s["date"], s["direction"]) for s in shifts] == [("2023-04-01", "toward conflict")]
    assert detect_shifts(undated.con, "JPN", "RUS", period="month") == []
    brief = build_brief(dated.con, "JPN", "RUS", period="month")
    empty = build_brief(undated.con, "JPN", "RUS", period="month")
    assert sum(r["events"] for r in brief["series"]) >= len(REPORTS)
    assert brief["undated_events"] == 0 and empty["undated_events"] >= len(REPORTS)
    assert empty["series"] == []
    stored = dated.con.execute("SELECT DISTINCT date_basis FROM events").fetchall()
    assert stored == [("published",)]
