"""The query commands end to end: a temporary database, typer's CliRunner, every format."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

import seismo.cli.analytics  # noqa: F401  (registers the commands)
from seismo.cli.app import app
from seismo.store import Store
from tests.store_factories import JAPAN, RUSSIA, USA, coded, event, japan_russia_history, stance

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "seismo.duckdb"
    with Store(path) as store:
        store.write(japan_russia_history())
        store.write(
            [
                coded(
                    "alliance",
                    [event(JAPAN, USA, "057", "2021-05-01", "alliance")],
                    [stance(JAPAN, RUSSIA, "threat", "2022-12", "alliance")],
                )
            ]
        )
    return str(path)


def run(*args: str):
    return runner.invoke(app, list(args))


def test_events_by_name_as_jsonl(db):
    result = run("events", "--db", db, "--dyad", "Japan", "Russia", "--since", "2022-02-01",
                 "--limit", "5", "--format", "jsonl")  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 5 and all(r["event_date"] >= "2022-02-01" for r in rows)
    assert {r["source"]["country"] for r in rows} <= {"JPN", "RUS"}


def test_modality_has_one_syntax_across_commands(db):
    """A repeated option and a comma list mean the same in `events` as in `code`."""
    base = ("events", "--db", db, "--dyad", "JPN", "RUS", "--format", "jsonl", "--limit", "500")
    repeated = run(*base, "--modality", "asserted", "--modality", "intended")
    comma = run(*base, "--modality", "asserted,intended")
    assert repeated.exit_code == 0 and comma.exit_code == 0, repeated.output + comma.output
    assert repeated.stdout == comma.stdout and repeated.stdout.strip()
    assert "comma list" in run("events", "--help").stdout


def test_events_csv_has_flat_columns(db):
    result = run("events", "--db", db, "--actor", "USA", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 0 and rows[0]["target_country"] == "USA"
    assert rows[0]["plover_event_type"] == "AGREE"


def test_events_table_is_the_default(db):
    result = run("events", "--db", db, "--root", "19", "--limit", "3")
    assert result.exit_code == 0 and "190" in result.stdout and "--cursor" in result.stderr


def test_dyad_series_json(db):
    result = run("dyad", "JPN", "RUS", "--db", db, "--period", "year", "--format", "json")
    rows = json.loads(result.stdout)
    assert [r["period"][:4] for r in rows] == [str(y) for y in range(2016, 2023)]
    assert rows[-1]["conflict"] > rows[-1]["cooperation"]


def test_shifts_table_shows_the_break_and_its_evidence(db):
    result = runner.invoke(
        app, ["shifts", "--dyad", "JPN", "RUS", "--db", db], env={"COLUMNS": "240"}
    )
    assert result.exit_code == 0, result.output
    assert "toward conflict" in result.stdout and "2022-0" in result.stdout


def test_network_json_marks_the_alliance(db):
    result = run("network", "--db", db, "--at", "2021-12-31", "--format", "json")
    graph = json.loads(result.stdout)
    pairs = {(e["a"], e["b"]): e for e in graph["edges"]}
    assert pairs[("JPN", "RUS")]["weight"] > 0
    assert pairs[("JPN", "USA")]["alliance"] is False  # an agreement alone is not an alliance


def test_stances_filtered_by_holder_name(db):
    result = run("stances", "--db", db, "--holder", "Japan", "--format", "json")
    assert [s["stance"] for s in json.loads(result.stdout)] == ["threat"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("events", "--since", "last week"), "E004"),
        (("events", "--format", "xml"), "E009"),
        (("events", "--actor", "Atlantis"), "E010"),
        (("dyad", "JPN", "RUS", "--period", "decade"), "E009"),
        (("events", "--modality", "asserted,maybe"), "E009"),
    ],
)
def test_bad_input_is_one_line_on_stderr(db, args, message):
    result = run(*args, "--db", db)
    assert result.exit_code != 0 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_missing_database_says_what_to_do(tmp_path):
    result = run("events", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code != 0 and "seismo ingest" in result.stderr


def test_events_over_parquet(db, tmp_path):
    with Store(db, read_only=True) as store:
        store.export_parquet(tmp_path / "pq")
    result = run("events", "--parquet", str(tmp_path / "pq"), "--actor", "USA", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)[0]["cameo"] == "057"


def test_every_option_has_help():
    for command in ("events", "dyad", "shifts", "network", "stances"):
        result = run(command, "--help")
        assert result.exit_code == 0
    group = typer_command_params()
    assert group and all(p.help for p in group)


def typer_command_params():
    import typer.main

    click_app = typer.main.get_command(app)
    params = []
    for name in ("events", "dyad", "shifts", "network", "stances"):
        params += [p for p in click_app.commands[name].params if hasattr(p, "help")]
    return params
