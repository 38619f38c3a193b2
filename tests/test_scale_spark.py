"""The Spark job in local mode codes like `code_documents` and writes Parquet that DuckDB and
`seismo events --parquet` read back."""

from __future__ import annotations

import json
import shutil
from itertools import islice
from pathlib import Path

import pytest

from seismo.data import sample_corpus_paths
from seismo.ingest import read_inputs
from seismo.model import CodedDocument
from seismo.pipeline import code_documents
from seismo.store.rows import EVENT_SCHEMA, STANCE_SCHEMA

pytestmark = pytest.mark.spark

if shutil.which("java") is None:
    pytest.skip(
        "Spark needs a Java runtime: apt-get install openjdk-17-jre-headless",
        allow_module_level=True,
    )
pytest.importorskip("pyspark", reason="Spark tests need pyspark: pip install 'seismo[spark]'")


def _records(n: int) -> list[dict]:
    records = []
    for path in sample_corpus_paths():
        with path.open(encoding="utf-8") as handle:
            records += [json.loads(line) for line in islice(handle, 2)]
    return records[:n]


@pytest.fixture(scope="module")
def spark():
    from seismo.scale.spark import spark_session

    session = spark_session("local[1]", partitions=2)
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Ten sample briefs, a blank line, a line of bad JSON and a record without an id."""
    folder = tmp_path_factory.mktemp("inputs")
    lines = [json.dumps(r) for r in _records(10)]
    lines[3:3] = ["", "{not json"]
    no_id = {k: v for k, v in _records(11)[10].items() if k != "id"}
    lines.append(json.dumps(no_id))
    (folder / "briefs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def job(spark, corpus, tmp_path_factory):
    from seismo.scale.spark import run_spark_job

    out = tmp_path_factory.mktemp("out")
    return run_spark_job([str(corpus)], out, spark=spark, partitions=2)


def _local_events(paths: list[str]) -> set[tuple]:
    coded = [c for c in code_documents(read_inputs(paths)) if isinstance(c, CodedDocument)]
    return {(e.event_id, e.doc_id, e.cameo, e.date.value) for c in coded for e in c.events}


def test_spark_codes_exactly_like_code_documents(job, corpus) -> None:
    import duckdb

    con = duckdb.connect()
    pattern = str(job.output / "events" / "**" / "*.parquet")
    rows = con.execute(
        f"SELECT event_id, doc_id, cameo, date FROM read_parquet('{pattern}', "
        "hive_partitioning = true)"
    ).fetchall()
    assert len(rows) == len(set(rows))
    assert set(rows) == _local_events([str(corpus)])
    assert job.documents == 11
    assert job.events == len(rows) > 0
    assert job.skipped == 1  # the bad JSON line; the blank line is no document
    assert "briefs.jsonl:5" in job.skips[0].where


def test_a_record_without_id_gets_the_ingest_id(job) -> None:
    import pyarrow.dataset as ds

    events = ds.dataset(job.output / "events", format="parquet", partitioning="hive").to_table()
    assert "briefs:13" in set(events.column("doc_id").to_pylist())


def test_parquet_columns_are_those_of_the_store(job) -> None:
    import pyarrow.dataset as ds

    events = ds.dataset(job.output / "events", format="parquet", partitioning="hive")
    table = events.to_table()
    assert table.select(EVENT_SCHEMA.names).schema.equals(EVENT_SCHEMA)
    assert set(table.schema.names) == {*EVENT_SCHEMA.names, "year", "month"}
    assert any(p.name.startswith("year=") for p in (job.output / "events").iterdir())
    if job.stances:
        stances = ds.dataset(job.output / "stances", format="parquet", partitioning="hive")
        assert stances.to_table().select(STANCE_SCHEMA.names).schema.equals(STANCE_SCHEMA)


def test_duckdb_view_reads_the_output(job) -> None:
    import duckdb

    from seismo.store import open_events_view

    con = duckdb.connect()
    open_events_view(con, job.output / "events")
    n, wrong = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE year IS DISTINCT FROM year(event_date) "
        "OR month IS DISTINCT FROM month(event_date)) FROM events"
    ).fetchone()
    assert n == job.events
    assert wrong == 0  # undated events have a null year and month


def test_events_command_reads_the_output(job) -> None:
    from typer.testing import CliRunner

    import seismo.cli.analytics  # noqa: F401  (registers `events`)
    from seismo.cli.app import app

    result = CliRunner().invoke(
        app,
        [
            "events",
            "--parquet",
            str(job.output / "events"),
            "--format",
            "json",
            "--modality",
            "all",
        ],
    )
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)) > 0


def test_parquet_input_codes_like_jsonl(spark, tmp_path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from seismo.scale.spark import run_spark_job

    records = _records(3)
    table = pa.table(
        {
            "id": [r["id"] for r in records],
            "text": [r["text"] for r in records],
            "title": [r["title"] for r in records],
            "published": [r["published"] for r in records],
        }
    )
    pq.write_table(table, tmp_path / "docs.parquet")
    (tmp_path / "docs.jsonl").write_text(
        "".join(json.dumps({k: r[k] for k in table.column_names}) + "\n" for r in records),
        encoding="utf-8",
    )
    result = run_spark_job([str(tmp_path / "docs.parquet")], tmp_path / "out", spark=spark)
    events = pq.read_table(tmp_path / "out" / "events", partitioning="hive")
    got = {
        (r["event_id"], r["doc_id"], r["cameo"], r["date"])
        for r in events.select(["event_id", "doc_id", "cameo", "date"]).to_pylist()
    }
    assert result.documents == 3
    assert got == _local_events([str(tmp_path / "docs.jsonl")])
