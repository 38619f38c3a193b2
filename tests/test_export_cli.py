"""`seismo export` end to end: each format read back by the tool its users would use."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import networkx as nx
import pandas as pd
import pytest
from typer.testing import CliRunner

import seismo.cli.extras  # noqa: F401  (registers the commands)
from seismo.cli.app import app
from seismo.export import CSV_COLUMNS, GDELT_COLUMNS
from seismo.export.plover import REQUIRED_PLOVER_FIELDS
from seismo.store import Store
from tests.store_factories import japan_russia_history

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int]:
    path = tmp_path_factory.mktemp("export") / "seismo.duckdb"
    with Store(path) as store:
        store.write(japan_russia_history())
        asserted = store.con.execute(
            "SELECT count(*) FROM events WHERE modality = 'asserted'"
        ).fetchone()[0]
    return str(path), asserted


def export(db: str, *args: str) -> str:
    result = runner.invoke(app, ["export", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_gdelt_headerless_loads_with_the_codebook_names(
    db: tuple[str, int], tmp_path: Path
) -> None:
    path, count = db
    out = tmp_path / "events.tsv"
    export(path, "--format", "gdelt", "--out", str(out))
    frame = pd.read_csv(out, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=str)
    assert len(frame) == count
    assert {"JPN", "RUS"} <= set(frame["Actor1CountryCode"])
    assert frame["EventRootCode"].str.len().eq(2).all()
    assert frame["QuadClass"].isin(["1", "2", "3", "4"]).all()


def test_gdelt_with_header_and_a_window(db: tuple[str, int], tmp_path: Path) -> None:
    path, _ = db
    out = tmp_path / "events.tsv"
    export(path, "--format", "gdelt", "--header", "--since", "2022-02-01", "--out", str(out))
    frame = pd.read_csv(out, sep="\t", dtype=str)
    assert list(frame.columns) == list(GDELT_COLUMNS)
    assert len(frame) > 0
    assert (frame["SQLDATE"].str[:6] >= "202202").all()


def test_plover_records_have_the_required_fields(db: tuple[str, int]) -> None:
    path, _ = db
    lines = export(path, "--format", "plover").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assert records
    for record in records:
        for field in REQUIRED_PLOVER_FIELDS:
            assert record.get(field), (field, record)


def test_csv_to_stdout(db: tuple[str, int]) -> None:
    path, count = db
    from io import StringIO

    frame = pd.read_csv(StringIO(export(path, "--format", "csv")))
    assert list(frame.columns) == list(CSV_COLUMNS)
    assert len(frame) == count


def test_parquet_folder_reads_back(db: tuple[str, int], tmp_path: Path) -> None:
    path, _ = db
    out = tmp_path / "pq"
    export(path, "--format", "parquet", "--out", str(out))
    assert any(out.glob("year=2022/month=*/*.parquet"))
    con = duckdb.connect()
    total = con.execute(f"SELECT count(*) FROM read_parquet('{out}/**/*.parquet')").fetchone()[0]
    with Store(path, read_only=True) as store:
        assert total == store.con.execute("SELECT count(*) FROM events").fetchone()[0]


def test_graphml_loads_in_networkx(db: tuple[str, int], tmp_path: Path) -> None:
    path, _ = db
    out = tmp_path / "net.graphml"
    export(path, "--format", "graphml", "--at", "2023-06-30", "--out", str(out))
    graph = nx.read_graphml(out)
    assert {"JPN", "RUS"} <= set(graph.nodes)
    (_, _, edge), *_ = graph.edges(data=True)
    assert edge["conflict"] > 0 and "goldstein_sum" in edge


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "xls"],
        ["--format", "parquet", "--since", "2020-01-01"],
        ["--format", "csv", "--since", "2020-13-01"],
    ],
)
def test_bad_requests_fail_with_a_reason(db: tuple[str, int], args: list[str]) -> None:
    result = runner.invoke(app, ["export", "--db", db[0], *args])
    assert result.exit_code != 0
    assert "seismo: error:" in result.output


def test_missing_database_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "--db", str(tmp_path / "none.duckdb"), "--format", "csv"]
    )
    assert result.exit_code != 0 and "E007" in result.output
