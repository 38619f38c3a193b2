"""Dyad series, shifts, top movers and the network on a synthetic Japan–Russia history."""

from __future__ import annotations

import datetime as dt

import duckdb
import numpy as np
import pytest

from seismo.analytics import detect_shifts, dyad_series, latest_stances, network, top_movers
from seismo.analytics.shifts import noise_variance
from seismo.store import Store, open_events_view
from tests.store_factories import (
    CHINA,
    JAPAN,
    RUSSIA,
    USA,
    coded,
    event,
    japan_russia_history,
    stance,
)


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    path = tmp_path_factory.mktemp("analytics") / "seismo.duckdb"
    with Store(path) as store:
        store.write(japan_russia_history())
        yield store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "seismo.duckdb") as opened:
        yield opened


def test_series_fills_quiet_months_with_zeros(store):
    store.write(
        [
            coded("jan", [event(JAPAN, RUSSIA, "036", "2020-01-10", "jan")]),
            coded("apr", [event(RUSSIA, JAPAN, "163", "2020-04-02", "apr"),
                          event(JAPAN, RUSSIA, "042", "2020-04-20", "apr", 1)]),
        ]
    )  # fmt: skip
    rows = dyad_series(store.con, "JPN", "RUS")
    assert [r["period"] for r in rows] == ["2020-01-01", "2020-02-01", "2020-03-01", "2020-04-01"]
    assert [r["events"] for r in rows] == [1, 0, 0, 2]
    april = rows[-1]
    assert (april["quad1"], april["quad4"], april["cooperation"], april["conflict"]) == (1, 1, 1, 1)
    assert april["goldstein_sum"] == pytest.approx(-6.1)
    assert april["goldstein_mean"] == pytest.approx(-3.05)
    assert april["roots"] == {"04": 1, "16": 1}
    assert rows[1]["goldstein_mean"] is None and rows[1]["roots"] == {}


def test_series_direction_periods_and_bounds(store):
    store.write([coded("d", [event(JAPAN, RUSSIA, "036", "2020-03-04", "d"),
                             event(RUSSIA, JAPAN, "163", "2020-03-05", "d", 1)])])  # fmt: skip
    directed = dyad_series(store.con, "RUS", "JPN", directed=True, period="quarter")
    assert [(r["period"], r["events"], r["goldstein_sum"]) for r in directed] == [
        ("2020-01-01", 1, -8.0)
    ]
    weeks = dyad_series(
        store.con,
        "JPN",
        "RUS",
        period="week",
        since=dt.date(2020, 2, 20),
        until=dt.date(2020, 3, 20),
    )
    assert weeks[0]["period"] == "2020-02-17" and weeks[-1]["period"] == "2020-03-16"
    assert sum(r["events"] for r in weeks) == 2
    with pytest.raises(ValueError, match="period"):
        dyad_series(store.con, "JPN", "RUS", period="fortnight")


def test_undated_events_count_at_publication_only_when_asked(store):
    store.write([coded("nodate", [event(JAPAN, RUSSIA, "036", None, "nodate")],
                       published=dt.date(2021, 6, 30))])  # fmt: skip
    assert dyad_series(store.con, "JPN", "RUS") == []
    rows = dyad_series(store.con, "JPN", "RUS", undated="by_publication")
    assert [(r["period"], r["events"]) for r in rows] == [("2021-06-01", 1)]


def test_shift_found_within_two_months_of_the_turn_with_its_events(history):
    shifts = detect_shifts(history.con, "JPN", "RUS")
    toward_conflict = [s for s in shifts if s["direction"] == "toward conflict"]
    assert len(toward_conflict) == 1
    shift = toward_conflict[0]
    turn = dt.date(2022, 2, 1)
    assert abs((dt.date.fromisoformat(shift["date"]) - turn).days) <= 62
    assert shift["size"] < 0 and shift["before_mean"] > 0 > shift["after_mean"]
    assert shift["events"] and all(e["goldstein"] < 0 for e in shift["events"])
    assert all(e["sentence"] and e["doc_id"].startswith("jr-202") for e in shift["events"])
    magnitudes = [abs(e["goldstein"]) for e in shift["events"]]
    assert magnitudes == sorted(magnitudes, reverse=True)


def test_a_steady_relationship_has_no_shift(history):
    assert detect_shifts(history.con, "CHN", "RUS") == []
    assert detect_shifts(history.con, "JPN", "RUS", metric="goldstein")[0]["direction"] == (
        "toward conflict"
    )


def test_noise_variance_measures_spread_within_periods():
    rng = np.random.default_rng(1)
    counts = np.full(50, 4.0)

    def spread(sigma: float) -> float:
        values = rng.normal(0, sigma, (50, 4)) + np.repeat(rng.normal(0, 5, (50, 1)), 4, 1)
        return noise_variance(counts, values.sum(1), (values**2).sum(1))

    assert spread(3.0) == pytest.approx(9.0, rel=0.3)
    assert spread(1.0) == pytest.approx(1.0, rel=0.3)
    assert noise_variance(counts, np.zeros(50), np.zeros(50)) == 0.25  # the floor


def test_top_movers_puts_japan_russia_first(history):
    movers = top_movers(history.con, dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    first = movers[0]
    assert (first["a"], first["b"], first["direction"]) == ("JPN", "RUS", "toward conflict")
    assert first["change"] == pytest.approx(first["after_mean"] - first["before_mean"])
    steady = [m for m in movers if (m["a"], m["b"]) == ("CHN", "RUS")]
    assert steady and steady[0]["change"] == 0


def test_network_weights_are_cooperation_minus_conflict(store):
    store.write(
        [
            coded("n1", [event(JAPAN, RUSSIA, "036", "2021-03-01", "n1", 0),
                         event(RUSSIA, JAPAN, "042", "2021-04-01", "n1", 1),
                         event(JAPAN, RUSSIA, "163", "2021-05-01", "n1", 2),
                         event(CHINA, RUSSIA, "062", "2021-05-02", "n1", 3),
                         event(JAPAN, JAPAN, "036", "2021-05-02", "n1", 4),
                         event(JAPAN, CHINA, "112", "2019-01-01", "n1", 5)])
        ]
    )  # fmt: skip
    graph = network(store.con, at=dt.date(2021, 12, 31), window_days=365)
    edges = {(e["a"], e["b"]): e for e in graph["edges"]}
    assert set(edges) == {("JPN", "RUS"), ("CHN", "RUS")}  # 2019 is outside; no self-loop
    jr = edges[("JPN", "RUS")]
    assert (jr["n"], jr["cooperation"], jr["conflict"], jr["weight"]) == (3, 2, 1, 1)
    assert jr["goldstein_sum"] == pytest.approx(4.0 + 1.9 - 8.0)
    assert jr["dominant_quad_class"] == 1
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes["RUS"]["degree"] == 2 and nodes["RUS"]["events"] == 4
    assert nodes["JPN"]["name"] == "Japan"
    assert [
        e["a"] for e in network(store.con, at=dt.date(2021, 12, 31), min_events=2)["edges"]
    ] == ["JPN"]
    everything = network(store.con)
    assert ("CHN", "JPN") in {(e["a"], e["b"]) for e in everything["edges"]}


def test_alliance_from_a_stance_or_a_treaty_with_military_cooperation(store):
    store.write(
        [
            coded("pact", [event(JAPAN, USA, "057", "2021-01-19", "pact"),
                           event(USA, JAPAN, "062", "2021-07-01", "pact", 1)]),
            coded("trade", [event(CHINA, RUSSIA, "057", "2021-02-01", "trade")]),
            coded("words", [event(RUSSIA, JAPAN, "036", "2021-02-01", "words")],
                  [stance(RUSSIA, JAPAN, "ally", "2020-05", "words")]),
        ]
    )  # fmt: skip
    edges = {(e["a"], e["b"]): e for e in network(store.con, at=dt.date(2021, 12, 31))["edges"]}
    assert edges[("JPN", "USA")]["alliance_basis"] == "agreement and military cooperation"
    assert edges[("CHN", "RUS")]["alliance"] is False
    assert edges[("JPN", "RUS")]["alliance_basis"] == "ally stance"
    assert edges[("JPN", "RUS")]["stances"][0]["holder"] == "RUS"


def test_the_stance_in_force_is_the_latest_before_the_date(store):
    store.write(
        [
            coded("s1", [], [stance(JAPAN, RUSSIA, "partner", "2016-05", "s1")], text="s1"),
            coded("s2", [], [stance(JAPAN, RUSSIA, "threat", "2022-12", "s2")], text="s2"),
        ]
    )
    in_2020 = latest_stances(store.con, at=dt.date(2020, 1, 1))
    in_2023 = latest_stances(store.con, at=dt.date(2023, 1, 1))
    assert [s["stance"] for s in in_2020] == ["partner"]
    assert [(s["stance"], s["doc_id"]) for s in in_2023] == [("threat", "s2")]


def test_analytics_over_parquet_match_the_database(history, tmp_path):
    history.export_parquet(tmp_path / "pq")
    con = duckdb.connect()
    open_events_view(con, tmp_path / "pq")
    assert dyad_series(con, "JPN", "RUS") == dyad_series(history.con, "JPN", "RUS")
    from_parquet = network(con, at=dt.date(2021, 12, 31))
    assert from_parquet["edges"] == network(history.con, at=dt.date(2021, 12, 31))["edges"]
    assert (
        detect_shifts(con, "JPN", "RUS")[0]["date"]
        == detect_shifts(history.con, "JPN", "RUS")[0]["date"]
    )


@pytest.mark.parametrize(
    ("typed", "key"),
    [("JPN", "JPN"), ("jpn", "JPN"), ("Japan", "JPN"), ("Russia", "RUS"),
     ("the United Kingdom", "GBR"), ("IGONAT", "IGONAT"), ("Atlantis", None)],
)  # fmt: skip
def test_actor_names_resolve_to_keys(typed, key):
    from seismo.analytics.names import actor_key

    assert actor_key(typed) == key


def test_actor_names_seen_in_events_resolve_through_the_database(store):
    from seismo.analytics.names import actor_key
    from seismo.model import Actor

    nato = Actor("IGONAT", "IGO", None, "Atlantic Alliance")
    store.write([coded("nato", [event(nato, RUSSIA, "112", "2022-03", "nato")])])
    assert actor_key("atlantic alliance", store.con) == "IGONAT"
