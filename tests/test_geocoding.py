"""Geocoding (seismo.geo): the gazetteer, datelines, the story's pull, and the case table."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from seismo.geo import default_gazetteer, gdelt_geo
from seismo.geo.locate import resolve
from seismo.geo.outlines import country_centres, plotly_topojson
from seismo.geo.story import Story, find_dateline

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_geocoding import load_cases, place_case, score  # noqa: E402


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


def test_names_reach_places_offline(gazetteer) -> None:
    kyiv = gazetteer.candidates("Kiev")[0]
    assert (kyiv.name, kyiv.country, kyiv.feature) == ("Kyiv", "UKR", "city")
    assert 50 < kyiv.lat < 51 and 30 < kyiv.lon < 31
    sea = gazetteer.candidates("the South China Sea")[0]
    assert (sea.feature, sea.country) == ("sea", None)
    assert gazetteer.candidates("Britain")[0].country == "GBR"
    assert gazetteer.candidates("Donbass")[0].name == "Donbas"
    assert gazetteer.candidates("Nowhereville Prime") == []


def test_country_points_are_inside_the_country(gazetteer) -> None:
    france = gazetteer.country("FRA")
    assert france is not None and 43 < france.lat < 49 and -2 < france.lon < 7
    assert len(country_centres()) > 150


def test_most_populous_candidate_without_a_story(gazetteer) -> None:
    assert resolve(gazetteer.candidates("Tripoli"), Story()).country == "LBY"
    assert resolve(gazetteer.candidates("Paris"), Story()).country == "FRA"
    assert resolve(gazetteer.candidates("Georgia"), Story()).country == "GEO"


def test_the_story_settles_an_ambiguous_name(gazetteer) -> None:
    lebanese = Story()
    lebanese.weights.update({"LBN": 3})
    assert resolve(gazetteer.candidates("Tripoli"), lebanese).country == "LBN"
    american = Story()
    american.weights.update({"USA": 2})
    assert resolve(gazetteer.candidates("Georgia"), american).feature == "region"
    # but the pull is bounded: Paris, Texas does not beat Paris for an American story
    assert resolve(gazetteer.candidates("Paris"), american).country == "FRA"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("HARARE — The cabinet met for six hours.", "Harare", "ZWE"),
        ("QUITO, Ecuador (AP) — The court ruled on Monday ...", "Quito", "ECU"),
        ("OSLO, (Reuters) – Ministers met yesterday ...", "Oslo", "NOR"),
        ("LIMA/GENEVA, Sep 12 The envoys said ...", "Lima", "PER"),
        ("A short lede.\n\nACCRA - Two ministers met today.", "Accra", "GHA"),
        ("Smallvillage, Chile – A quiet valley ...", "Chile", "CHL"),
    ],
)
def test_datelines(gazetteer, text: str, name: str, country: str) -> None:
    found = find_dateline(text, gazetteer)
    assert found is not None
    assert (found[1].name, found[1].country) == (name, country)


@pytest.mark.parametrize(
    "text",
    [
        "The alliance urged both sides to talk.",
        "PERUVIAN President spoke to reporters.",
        "The two ministers signed accords — a first.",
    ],
)
def test_no_dateline_in_an_ordinary_opening(gazetteer, text: str) -> None:
    assert find_dateline(text, gazetteer) is None


def test_gdelt_geography_of_a_location() -> None:
    city = {"name": "Lyon", "country": "FRA", "lat": 45.7, "lon": 4.8, "feature": "city"}
    assert gdelt_geo(city) == {"type": 4, "country": "FR", "adm1": ""}
    assert gdelt_geo({"name": "Texas", "country": "USA", "feature": "region"})["type"] == 2
    assert gdelt_geo(None)["type"] == 0


def test_outlines_in_plotlys_layers() -> None:
    topo = plotly_topojson()
    assert topo is not None
    assert {"countries", "land", "coastlines"} <= set(topo["objects"])
    assert len(topo["objects"]["countries"]["geometries"]) > 150


@pytest.fixture(scope="module")
def placed_cases(nlp: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any] | None]]:
    from seismo.pipeline import build_coder

    coder = build_coder()
    cases = load_cases()
    return cases, [place_case(case, nlp, coder) for case in cases]


def test_case_table_is_large_enough(placed_cases) -> None:
    cases, _ = placed_cases
    assert len(cases) >= 80
    kinds = {c.get("feature") for c in cases}
    assert {"city", "region", "sea", "country", None} <= kinds


def test_case_table_precision(placed_cases) -> None:
    cases, placed = placed_cases
    result = score(cases, placed)
    assert result["country_precision"] >= 0.95, result["misses"]
    assert result["city_precision"] >= 0.85, result["misses"]


def test_places_standing_for_governments_are_not_locations(placed_cases) -> None:
    cases, placed = placed_cases
    for case, got in zip(cases, placed, strict=True):
        first = case["text"].split()[0]
        if case.get("feature") == "country" and first[0].isupper() and got is not None:
            assert got["name"] != first, case["text"]  # "Moscow condemned ..." is not in Moscow


def test_each_of_two_like_events_gets_its_own_place(nlp: Any) -> None:
    """ "Abe visited Moscow and Putin visited Tokyo": the trigger word comes twice; each
    visit is placed from its own clause."""
    from seismo.geo import place_events
    from seismo.model import Actor, Event

    text = "Abe visited Moscow in 2016, and Putin visited Tokyo a month later."
    parsed = nlp(text)
    abe = Actor("JPNGOV", "JPN", "GOV", "Japan", "Abe")
    putin = Actor("RUSGOV", "RUS", "GOV", "Russia", "Putin")
    events = [
        Event("d", 0, text, source, target, "042", 1.9, 1, {}, trigger="visited")
        for source, target in ((abe, putin), (putin, abe))
    ]
    place_events(events, parsed, text)
    assert [e.location.name if e.location else None for e in events] == ["Moscow", "Tokyo"]
    assert all(e.location and e.location.basis == "clause" for e in events)
