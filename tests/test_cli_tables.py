"""CLI tables read at 80 columns: names beside codes, one line per sentence unless --full,
no column squeezed to a word per line."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import seismo.cli.analytics  # noqa: F401  (registers the commands)
from seismo.cli.app import app
from seismo.store import Store
from tests.store_factories import JAPAN, RUSSIA, coded, event

LONG = (
    "After a long night of talks in a lakeside hotel, the foreign ministers of Japan and "
    "Russia said their governments would resume consultations on fishing quotas next spring."
)


@pytest.fixture
def db(tmp_path) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / "t.duckdb"
    talks = event(JAPAN, RUSSIA, "036", "2021-03-04", "talks")
    talks = type(talks)(**{**talks.__dict__, "sentence": LONG})
    with Store(path) as store:
        store.write(
            [coded("talks", [talks, event(RUSSIA, JAPAN, "163", "2022-03-02", "talks", 1)])]
        )
    return str(path)


def render(db: str, *extra: str) -> list[str]:
    result = CliRunner().invoke(
        app, ["events", "--dyad", "Japan", "Russia", "--db", db, *extra], env={"COLUMNS": "80"}
    )
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_events_fit_80_columns_with_names_beside_codes(db: str) -> None:
    lines = render(db)
    assert lines and all(len(line) <= 80 for line in lines)
    assert not [line for line in lines if len(line.split()) == 1]  # no word-per-line wrapping
    heads = [line for line in lines if not line.startswith("    ")]
    assert len(heads) == 2 and all("JPNGOV Japan" in h and "RUSGOV Russia" in h for h in heads)
    assert "+4.0 036" in heads[0] and "-8.0 163" in heads[1]
    assert any(line.startswith("    After a long night") and line.endswith("…") for line in lines)


def test_full_prints_whole_sentences_wrapped_at_the_width(db: str) -> None:
    lines = render(db, "--full")
    assert all(len(line) <= 80 for line in lines)
    body = " ".join(line.strip() for line in lines if line.startswith("    "))
    assert LONG in body
