"""Shifts an analyst can trust: on the coded sample corpus (what `seismo demo` builds) every
shift the API returns has events, none before its period, whose mean Goldstein agrees with
its direction; and the detector itself on small hand-made sequences."""

from __future__ import annotations

import numpy as np
import pytest
from fastapi.testclient import TestClient

from seismo.analytics.shifts import change_points, detect_shifts, merge_small_changes
from seismo.api.app import create_app
from seismo.store import Store
from tests.store_factories import JAPAN, RUSSIA, coded, event

DYADS = [("JPN", "RUS"), ("CHN", "RUS"), ("JPN", "CHN"), ("USA", "JPN"), ("RUS", "UKR")]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The bundled sample corpus coded by the real pipeline, as `seismo demo` does."""
    from seismo.data import sample_corpus_paths
    from seismo.ingest import read_inputs
    from seismo.model import CodedDocument
    from seismo.pipeline import code_documents

    path = tmp_path_factory.mktemp("shifts") / "demo.duckdb"
    items = code_documents(read_inputs([str(p) for p in sample_corpus_paths()]))
    with Store(path) as store:
        store.write([item for item in items if isinstance(item, CodedDocument)])
    return str(path)


@pytest.mark.parametrize("period", ["month", "quarter", "year"])
def test_every_demo_shift_is_explained_by_its_own_events(demo_db: str, period: str) -> None:
    client = TestClient(base_url="http://127.0.0.1", app=create_app(demo_db))
    seen = 0
    for a, b in DYADS:
        response = client.get("/api/v1/shifts", params={"a": a, "b": b, "period": period})
        assert response.status_code == 200, response.text
        for shift in response.json()["shifts"]:
            seen += 1
            label = f"{a}-{b} {shift['date']} {shift['direction']}"
            events = shift["events"]
            assert events, label
            assert all(e["event_date"] >= shift["date"] for e in events), label
            mean = sum(e["goldstein"] for e in events) / len(events)
            assert (mean < 0) if shift["direction"] == "toward conflict" else (mean > 0), label
    assert seen >= 2  # Japan and Russia: 1956 and 2022, at every period


def test_the_recent_turn_is_dated_in_the_month_of_its_first_event(demo_db: str) -> None:
    """The sample corpus's Japan–Russia turn to conflict (the 2021 naval patrol around Japan,
    then the 2022 sanctions) is dated at the month of its first conflict event, not a month
    before it, and carries the sanctions as evidence."""
    with Store(demo_db, read_only=True) as store:
        shifts = detect_shifts(store.con, "JPN", "RUS", max_events=50)
    turn = [s for s in shifts if s["date"] >= "2016"]
    assert [s["direction"] for s in turn] == ["toward conflict"]
    earliest = min(e["event_date"] for e in turn[0]["events"])
    assert turn[0]["date"] == earliest[:7] + "-01"
    assert turn[0]["events_after"] >= 10 and turn[0]["evidence_count"] == len(turn[0]["events"])
    assert any(e["event_date"].startswith("2022") for e in turn[0]["events"])


def test_isolated_events_in_quiet_years_make_no_shifts(tmp_path) -> None:
    """Zero-filled series turned each lone event into two opposite shifts."""
    lone = [coded(f"d{y}", [event(JAPAN, RUSSIA, "036", f"{y}-05-10", f"d{y}")])
            for y in range(2000, 2020, 3)]  # fmt: skip
    with Store(tmp_path / "s.duckdb") as store:
        store.write(lone)
        assert detect_shifts(store.con, "JPN", "RUS") == []
        assert detect_shifts(store.con, "JPN", "RUS", metric="goldstein") == []


def test_a_turn_needs_agreeing_events_in_its_window(tmp_path) -> None:
    friendly = [event(JAPAN, RUSSIA, "057", f"2020-{m:02d}-03", "a", m) for m in range(1, 9)]
    hostile = [event(RUSSIA, JAPAN, "163", f"2021-{m:02d}-03", "b", m) for m in range(1, 9)]
    with Store(tmp_path / "s.duckdb") as store:
        store.write([coded("a", friendly), coded("b", hostile)])
        (shift,) = detect_shifts(store.con, "JPN", "RUS")
    assert (shift["date"], shift["direction"], shift["kind"]) == (
        "2021-01-01",
        "toward conflict",
        "reversal",
    )
    assert shift["window"] == {"since": "2021-01-01", "until": "2021-03-31"}
    assert shift["evidence_count"] == 3 and {e["cameo"] for e in shift["events"]} == {"163"}


def test_change_points_respect_the_minimum_run_and_the_penalty() -> None:
    values = np.array([1.0] * 6 + [-1.0] * 6)
    counts = np.ones(12)
    assert change_points(counts, values, values**2, 2 * np.log(12), 2, "bernoulli") == [6]
    assert change_points(counts, values, values**2, 1e6, 2, "bernoulli") == []
    one_off = np.array([1.0] * 6 + [-1.0] + [1.0] * 5)
    assert change_points(counts, one_off, one_off**2, 2 * np.log(12), 2, "bernoulli") == []
    assert change_points(counts, values, values**2, 1.0, 7, "gaussian") == []
    assert change_points(np.ones(2), np.ones(2), np.ones(2), 1.0, 2) == []


def test_unknown_metric_is_refused(tmp_path) -> None:
    with Store(tmp_path / "s.duckdb") as store, pytest.raises(ValueError, match="balance"):
        detect_shifts(store.con, "JPN", "RUS", metric="tone")


def test_changes_smaller_than_the_floor_are_merged_away() -> None:
    # Three runs on the ±1 scale: share 0.9, then 0.8 (a drift), then 0.1 (a real turn).
    counts = np.array([10.0, 10.0, 10.0])
    sums = np.array([8.0, 6.0, -8.0])
    assert merge_small_changes([1, 2], counts, sums, 0.4) == [2]
    assert merge_small_changes([1, 2], counts, sums, 0.0) == [1, 2]
    # Gaps are recomputed after a merge (0.7 against -0.8 after the first); both fall under 2.
    assert merge_small_changes([1, 2], counts, sums, 2.0) == []
