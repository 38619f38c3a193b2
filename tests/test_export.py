"""Exports: GDELT 2.0 rows, PLOVER JSONL, flat CSV and GraphML, read back by other tools."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from seismo.coding.cameo import lookup
from seismo.export import (
    CSV_COLUMNS,
    GDELT_COLUMNS,
    ExportError,
    to_gdelt_rows,
    to_plover,
    write_csv,
    write_gdelt,
    write_graphml,
    write_plover,
)
from seismo.export.plover import REQUIRED_PLOVER_FIELDS
from seismo.model import Actor, Event, EventDate, Location

JAPAN = Actor("JPNGOV", "JPN", "GOV", "Japan", "the Japanese government")
RUSSIA = Actor("RUS", "RUS", None, "Russia", "Moscow")
RUSSIA_GOV = Actor("RUSGOV", "RUS", "GOV", "Russia", "Vladimir Putin")
CHINA = Actor("CHNGOV", "CHN", "GOV", "China", "Xi Jinping")
NATO = Actor("IGONAT", "IGO", None, "NATO", "the alliance")
AUSTRALIA = Actor("AUSGOV", "AUS", "GOV", "Australia", "Canberra")

ADDED = dt.datetime(2024, 5, 1, 12, 30, 0, tzinfo=dt.UTC)


def _event(
    cameo: str,
    source: Actor,
    target: Actor | None,
    date: EventDate,
    index: int = 3,
    location: Location | None = None,
    doc: str = "export-sample",
) -> Event:
    info = lookup(cameo)
    return Event(
        doc_id=doc,
        sentence_index=index,
        sentence=f"{source.name} and {target.name if target else 'nobody'}, sentence {index}.",
        source=source,
        target=target,
        cameo=cameo,
        goldstein=info.goldstein,
        quad_class=info.quad_class,
        plover=info.plover,
        date=date,
        location=location,
        confidence=0.8,
        trigger="imposed\tsanctions" if cameo == "163" else "met",
    )


@pytest.fixture
def events() -> list[dict[str, Any]]:
    """Our own small set: month, day and year precision, an IGO, a statement, an undated one."""
    return [
        _event("163", JAPAN, RUSSIA, EventDate("2022-03", "month", "in March 2022")).to_dict(),
        _event(
            "042",
            RUSSIA_GOV,
            CHINA,
            EventDate("2022-02-04", "day", "on 4 February 2022"),
            index=0,
            location=Location("Beijing", "CHN", 39.9, 116.4, "city"),
        ).to_dict(),
        _event("112", NATO, RUSSIA, EventDate("2014", "year", "in 2014")).to_dict(),
        _event("010", AUSTRALIA, None, EventDate("2023-07-01", "day")).to_dict(),
        _event("036", JAPAN, CHINA, EventDate(None, None)).to_dict(),
    ]


def test_gdelt_rows_have_the_codebook_columns_in_order(events: list[dict[str, Any]]) -> None:
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    rows = to_gdelt_rows(events, added=ADDED)
    assert all(tuple(row) == GDELT_COLUMNS for row in rows)


def test_gdelt_values(events: list[dict[str, Any]]) -> None:
    sanctions, visit, accusation, statement, undated = to_gdelt_rows(
        events, added=ADDED, source_urls={"export-sample": "https://example.org/a"}
    )
    assert sanctions["SQLDATE"] == 20220300  # month precision: the day is unknown, not the 1st
    assert sanctions["MonthYear"] == 202203
    assert sanctions["Year"] == 2022
    assert sanctions["EventCode"] == "163"
    assert sanctions["EventBaseCode"] == "163"
    assert sanctions["EventRootCode"] == "16"
    assert sanctions["QuadClass"] == 4
    assert sanctions["GoldsteinScale"] == -8.0
    assert sanctions["Actor1Code"] == "JPNGOV"
    assert sanctions["Actor1CountryCode"] == "JPN"
    assert sanctions["Actor1Type1Code"] == "GOV"
    assert sanctions["Actor2CountryCode"] == "RUS"
    assert sanctions["IsRootEvent"] == 0
    assert sanctions["DATEADDED"] == 20240501123000
    assert sanctions["SOURCEURL"] == "https://example.org/a"
    assert visit["SQLDATE"] == 20220204
    assert visit["FractionDate"] == round(2022 + 34 / 365, 4)
    assert visit["IsRootEvent"] == 1
    assert visit["ActionGeo_Type"] == 4  # a city outside the US
    assert visit["ActionGeo_CountryCode"] == "CH"  # FIPS 10-4, as GDELT writes it
    assert visit["ActionGeo_FullName"] == "Beijing, China"
    assert (visit["ActionGeo_Lat"], visit["ActionGeo_Long"]) == (39.9, 116.4)
    assert sanctions["ActionGeo_Type"] == 0 and sanctions["ActionGeo_Lat"] == ""
    assert accusation["SQLDATE"] == 20140000
    assert accusation["Actor1KnownGroupCode"] == "NAT"
    assert accusation["Actor1CountryCode"] == ""
    assert statement["Actor2Code"] == ""
    assert undated["SQLDATE"] == ""
    assert isinstance(sanctions["GLOBALEVENTID"], int)
    assert sanctions["GLOBALEVENTID"] != visit["GLOBALEVENTID"]


def test_gdelt_first_day_style(events: list[dict[str, Any]]) -> None:
    rows = to_gdelt_rows(events, added=ADDED, partial_dates="first")
    assert rows[0]["SQLDATE"] == 20220301
    assert rows[2]["SQLDATE"] == 20140101
    with pytest.raises(ExportError, match="partial_dates"):
        to_gdelt_rows(events, partial_dates="middle")


def test_gdelt_file_reads_back_with_codebook_names(
    tmp_path: Path, events: list[dict[str, Any]]
) -> None:
    path = tmp_path / "events.export.CSV"
    assert write_gdelt(events, path, added=ADDED) == 5
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5  # no header, as GDELT ships
    assert all(len(line.split("\t")) == 61 for line in lines)
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(
            csv.DictReader(
                handle, fieldnames=list(GDELT_COLUMNS), delimiter="\t", quoting=csv.QUOTE_NONE
            )
        )
    assert rows[0]["EventCode"] == "163"
    assert rows[0]["GoldsteinScale"] == "-8.0"
    assert rows[1]["ActionGeo_FullName"] == "Beijing, China"


def test_gdelt_file_with_header_reads_in_pandas(
    tmp_path: Path, events: list[dict[str, Any]]
) -> None:
    pandas = pytest.importorskip("pandas")
    path = tmp_path / "events.tsv"
    write_gdelt(events, path, header=True, added=ADDED)
    frame = pandas.read_csv(path, sep="\t", dtype={"EventCode": str, "EventRootCode": str})
    assert list(frame.columns) == list(GDELT_COLUMNS)
    assert frame.loc[3, "EventCode"] == "010"
    placed = frame[frame["ActionGeo_Lat"].notna()]
    assert list(placed["ActionGeo_CountryCode"]) == ["CH"]
    assert placed["ActionGeo_Long"].dtype.kind == "f"


@pytest.mark.parametrize(
    ("location", "kind", "fips"),
    [
        (
            {"name": "Georgia", "country": "USA", "lat": 33.0, "lon": -84.0, "feature": "region"},
            2,
            "US",
        ),
        (
            {"name": "Chicago", "country": "USA", "lat": 41.9, "lon": -87.6, "feature": "city"},
            3,
            "US",
        ),
        (
            {"name": "Donbas", "country": "UKR", "lat": 48.0, "lon": 38.0, "feature": "region"},
            5,
            "UP",
        ),
        (
            {
                "name": "South China Sea",
                "country": None,
                "lat": 12.0,
                "lon": 113.0,
                "feature": "sea",
            },
            4,
            "",
        ),
        (
            {"name": "Germany", "country": "DEU", "lat": 51.1, "lon": 10.4, "feature": "country"},
            1,
            "GM",
        ),
    ],
)
def test_gdelt_geo_types_follow_the_codebook(
    events: list[dict[str, Any]], location: dict[str, Any], kind: int, fips: str
) -> None:
    row = to_gdelt_rows([dict(events[1], location=location)], added=ADDED)[0]
    assert row["ActionGeo_Type"] == kind
    assert row["ActionGeo_CountryCode"] == fips
    assert row["ActionGeo_Lat"] == location["lat"]


def test_plover_records_have_required_fields(events: list[dict[str, Any]]) -> None:
    records = to_plover(events)
    # the 010 statement (PLOVER dropped root 01) and the undated event are left out
    assert [r["cameo"] for r in records] == ["163", "042", "112"]
    for record in records:
        for field in REQUIRED_PLOVER_FIELDS:
            assert record[field], field
        assert dt.date.fromisoformat(record["date"])
        assert isinstance(record["source"], list) and record["source"][0]["code"]
        assert isinstance(record["event"], list)
    sanctions, visit, accusation = records
    assert sanctions["event"] == ["COERCE"]
    assert sanctions["mode"] == "restrict"
    assert sanctions["date"] == "2022-03-01"
    assert sanctions["date_precision"] == "month"
    assert sanctions["recipient"][0] == {
        "code": "RUS",
        "actor_text": "Moscow",
        "identifier_text": "Russia",
        "cameo_code": "RUS",
    }
    assert sanctions["quad_code"] == 4 and sanctions["event_scale"] == -8.0
    assert visit["event"] == ["CONSULT"] and visit["mode"] == "visit"
    assert visit["event_loc"]["cc3"] == "CHN"
    assert visit["event_loc"]["latitude"] == 39.9 and visit["event_loc"]["feature"] == "city"
    assert accusation["source"][0]["code"] == "IGO"
    assert accusation["event"] == ["ACCUSE"]


def test_plover_jsonl(tmp_path: Path, events: list[dict[str, Any]]) -> None:
    path = tmp_path / "events.plover.jsonl"
    assert write_plover(events, path) == 3
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [e["event_id"] for e in events[:3]]


def test_csv_has_flat_columns(tmp_path: Path, events: list[dict[str, Any]]) -> None:
    path = tmp_path / "events.csv"
    assert write_csv(events, path) == 5
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    assert rows[0]["source_country"] == "JPN"
    assert rows[0]["plover_type"] == "COERCE"
    assert rows[0]["event_date"] == "2022-03-01"
    assert rows[0]["cameo"] == "163"
    assert rows[3]["cameo"] == "010"  # leading zero kept
    assert rows[3]["target_code"] == ""
    assert rows[4]["date"] == ""


def test_graphml_reads_back(tmp_path: Path) -> None:
    network = {
        "date": "2022-06-30",
        "nodes": [
            {"id": "JPN", "name": "Japan", "events": 12},
            {"id": "RUS", "name": "Russia", "events": 9},
            {"id": "CHN", "name": "China", "events": 4, "region": None},
        ],
        "edges": [
            {"source": "JPN", "target": "RUS", "weight": -6.5, "count": 7, "roots": ["16", "11"]},
            {"source": "RUS", "target": "CHN", "weight": 3, "count": 2},
        ],
    }
    path = tmp_path / "network.graphml"
    write_graphml(network, path)
    graph = nx.read_graphml(path)
    assert graph.is_directed()
    assert set(graph.nodes) == {"JPN", "RUS", "CHN"}
    assert graph.nodes["JPN"]["name"] == "Japan"
    assert graph.edges["JPN", "RUS"]["weight"] == -6.5
    assert graph.edges["RUS", "CHN"]["weight"] == 3.0  # one type per attribute
    assert json.loads(graph.edges["JPN", "RUS"]["roots"]) == ["16", "11"]
    assert graph.graph["date"] == "2022-06-30"


def test_graphml_keeps_repeated_pairs(tmp_path: Path) -> None:
    network = {
        "nodes": [{"id": "JPN"}, {"id": "RUS"}],
        "edges": [
            {"source": "JPN", "target": "RUS", "weight": 2.0, "quad_class": 1},
            {"source": "JPN", "target": "RUS", "weight": -8.0, "quad_class": 4},
        ],
    }
    path = tmp_path / "multi.graphml"
    write_graphml(network, path)
    graph = nx.read_graphml(path)
    assert graph.number_of_edges("JPN", "RUS") == 2


@pytest.mark.parametrize(
    ("network", "message"),
    [
        ({"nodes": [{"id": "JPN"}]}, "'edges' list"),
        ({"nodes": [{"name": "Japan"}], "edges": []}, "no 'id'"),
        ({"nodes": [{"id": "JPN"}], "edges": [{"source": "JPN", "target": "XXX"}]}, "'XXX'"),
    ],
)
def test_graphml_rejects_broken_networks(tmp_path: Path, network: Any, message: str) -> None:
    with pytest.raises(ExportError, match=message):
        write_graphml(network, tmp_path / "bad.graphml")


def test_bad_event_records_are_clear_errors(tmp_path: Path, events: list[dict[str, Any]]) -> None:
    broken = dict(events[0], cameo=None)
    with pytest.raises(ExportError, match="has no cameo"):
        to_gdelt_rows([broken])
    with pytest.raises(ExportError, match="not YYYY"):
        to_plover([dict(events[0], date="March 2022")])
    with pytest.raises(ExportError, match="month must be in 1..12"):
        to_gdelt_rows([dict(events[0], date="2022-13")])
    with pytest.raises(ExportError, match="not a record"):
        write_csv(["163"], tmp_path / "unused.csv")


def test_unwritable_path_is_a_clear_error(tmp_path: Path, events: list[dict[str, Any]]) -> None:
    with pytest.raises(ExportError, match="Cannot write"):
        write_gdelt(events, tmp_path / "missing-dir" / "out.tsv")


def test_event_objects_are_accepted() -> None:
    event = _event(
        "190", RUSSIA_GOV, Actor("UKR", "UKR", None, "Ukraine"), EventDate("2022-02-24", "day")
    )
    (row,) = to_gdelt_rows([event], added=ADDED)
    assert row["SQLDATE"] == 20220224
    assert row["GoldsteinScale"] == -10.0
    assert to_plover([event])[0]["event"] == ["ASSAULT"]


def test_tabs_in_text_do_not_break_gdelt_lines(
    tmp_path: Path, events: list[dict[str, Any]]
) -> None:
    record = dict(events[0], source=dict(events[0]["source"], name="Japan\tGovernment\n"))
    path = tmp_path / "tabs.tsv"
    write_gdelt([record], path, added=ADDED)
    (line,) = path.read_text(encoding="utf-8").splitlines()
    assert line.split("\t")[6] == "Japan Government"


def test_location_with_bad_coordinates_is_a_clear_error(events: list[dict[str, Any]]) -> None:
    record = dict(
        events[1], location={"name": "Beijing", "country": "CHN", "lat": "north", "lon": 1}
    )
    with pytest.raises(ExportError, match="Beijing"):
        to_gdelt_rows([record])
