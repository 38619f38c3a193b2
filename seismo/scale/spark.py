"""Apache Spark beyond one machine: the same `code_documents`, once per partition.

The driver lists the inputs, stages every document as one row (a JSONL line with its file
and line number, a whole text file, or a Parquet record turned into a JSON line), and runs
`spark_worker.code_partition` over the rows with `mapInArrow`; each Python worker loads the
model once and keeps it. The coded rows are written as two Parquet datasets under OUTPUT:

    OUTPUT/events/year=2022/month=3/part-*.parquet    the columns of `events_table`
    OUTPUT/stances/year=2022/month=3/part-*.parquet   the columns of `stances_table`
    OUTPUT/skipped/part-*.parquet                     where, reason (inputs not coded)

partitioned by the year and month of the event (stance) date; undated records are in
`year=__HIVE_DEFAULT_PARTITION__`, which DuckDB and Spark read back as a null year.
`seismo events --parquet OUTPUT/events` and `seismo serve --parquet OUTPUT/events` query it.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import seismo
from seismo.errors import Errors, SeismoError, Skips
from seismo.model import Skipped
from seismo.scale.spark_rows import (
    CODED_SCHEMA,
    EVENT_COLUMNS,
    JSONL,
    STAGED_SCHEMA,
    STANCE_COLUMNS,
    TEXT,
)
from seismo.scale.spark_worker import JobConfig, code_partition

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

JSONL_SUFFIXES = (".jsonl.gz", ".jsonl", ".ndjson")
TEXT_SUFFIXES = (".txt",)
PARQUET_SUFFIXES = (".parquet",)
# Parquet inputs: the columns a JSONL record may have; `id` and `text` (or `html`) required.
PARQUET_COLUMNS = ("id", "text", "html", "title", "url", "source", "published")


@dataclass
class SparkResult:
    """What one Spark run read and wrote."""

    output: Path
    documents: int = 0
    events: int = 0
    stances: int = 0
    skipped: int = 0
    seconds: float = 0.0
    # The first skips, for the report; all of them are in OUTPUT/skipped.
    skips: list[Skipped] = field(default_factory=list)


@dataclass
class Inputs:
    """The input files by kind, and the paths that cannot be read by Spark."""

    jsonl: list[Path] = field(default_factory=list)
    text: list[Path] = field(default_factory=list)
    parquet: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def list_inputs(paths: Sequence[str]) -> Inputs:
    """Files under `paths` by kind, walked in sorted order (hidden entries left out)."""
    found = Inputs()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.exists():
            files = [path]
        else:
            found.skipped.append(Skipped(raw, Skips.S013))
            continue
        for file in files:
            name = file.name.lower()
            if name.endswith(JSONL_SUFFIXES):
                found.jsonl.append(file.resolve())
            elif name.endswith(TEXT_SUFFIXES):
                found.text.append(file.resolve())
            elif name.endswith(PARQUET_SUFFIXES):
                found.parquet.append(file.resolve())
            else:
                suffix = "".join(file.suffixes[-1:]) or file.name
                found.skipped.append(Skipped(str(file), Skips.S009.format(suffix=suffix)))
    return found


def _prepare_environment() -> None:
    """What the JVM and its Python workers inherit: a loopback address (offline machines
    and laptops on VPNs have no routable one), this interpreter, and seismo on the path."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    root = str(Path(seismo.__file__).resolve().parent.parent)
    parts = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if root not in parts:
        os.environ["PYTHONPATH"] = os.pathsep.join([root, *parts])


def spark_session(master: str = "local[*]", partitions: int = 0) -> SparkSession:
    """A Spark session for coding: no UI, no network beyond loopback, quiet logs."""
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        raise SeismoError(Errors.E013.format(reason="no Java runtime found"))
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SeismoError(Errors.E013.format(reason=exc)) from exc
    _prepare_environment()
    # We use Arrow, not pandas: PySpark's warning about pandas 3 does not concern us.
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
    builder = (
        SparkSession.builder.master(master)
        .appName("seismo")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.python.worker.reuse", "true")
        # Documents arrive at the Python workers in small Arrow batches: memory stays flat
        # on long articles, and code_documents still sees full nlp.pipe batches.
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "128")
    )
    if partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(partitions))
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # the JVM did not start: say so in one line
        reason = " ".join(str(exc).split())[:200]
        raise SeismoError(Errors.E013.format(reason=reason)) from exc
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _spark_schema(schema: Any) -> Any:
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(schema)


def _jsonl_rows(path: str, numbered: tuple[bytes, int]) -> tuple[str, int, str, bytes]:
    line, index = numbered
    return (path, index + 1, JSONL, line)


def _staged(spark: SparkSession, inputs: Inputs, max_bytes: int) -> DataFrame:
    """One row per document to code, from every kind of input, in STAGED_SCHEMA."""
    from pyspark.sql import functions as F

    schema = _spark_schema(STAGED_SCHEMA)
    frames: list[DataFrame] = []
    sc = spark.sparkContext
    if inputs.jsonl:
        # zipWithIndex numbers the lines of each file, so a record without an id gets the
        # same `stem:line` id as `seismo ingest` gives it.
        rdds = [
            sc.textFile(p.as_uri(), use_unicode=False)
            .zipWithIndex()
            .map(partial(_jsonl_rows, str(p)))
            for p in inputs.jsonl
        ]
        frames.append(spark.createDataFrame(sc.union(rdds), schema))
    if inputs.text:
        files = spark.read.format("binaryFile").load([p.as_uri() for p in inputs.text])
        frames.append(
            files.select(
                F.col("path"),
                F.lit(0).cast("long").alias("line"),
                F.lit(TEXT).alias("kind"),
                F.when(F.col("length") <= max_bytes, F.col("content")).alias("data"),
            )
        )
    if inputs.parquet:
        frames.append(_staged_parquet(spark, inputs.parquet))
    if not frames:
        return spark.createDataFrame([], schema)
    staged = frames[0]
    for frame in frames[1:]:
        staged = staged.unionByName(frame)
    return staged


def _staged_parquet(spark: SparkSession, files: list[Path]) -> DataFrame:
    """Parquet records (id, text or html, and optional metadata) as JSON lines."""
    from pyspark.sql import functions as F

    table = spark.read.parquet(*[p.as_uri() for p in files])
    columns = [c for c in PARQUET_COLUMNS if c in table.columns]
    if "id" not in columns or not ({"text", "html"} & set(columns)):
        reason = "Parquet inputs need an 'id' and a 'text' (or 'html') column"
        raise SeismoError(Errors.E003.format(path=files[0], reason=reason))
    return table.select(
        F.input_file_name().alias("path"),
        (F.monotonically_increasing_id() + 1).alias("line"),
        F.lit(JSONL).alias("kind"),
        F.encode(F.to_json(F.struct(*columns)), "UTF-8").alias("data"),
    )


def run_spark_job(
    inputs: Sequence[str],
    output: str | Path,
    *,
    model: str | None = None,
    dictionaries: Sequence[Path] = (),
    partitions: int = 0,
    master: str = "local[*]",
    published: dt.date | None = None,
    max_bytes: int = 20_000_000,
    batch_size: int = 32,
    spark: SparkSession | None = None,
) -> SparkResult:
    """Code every document under `inputs` with Spark and write Parquet under `output`.

    `partitions` (0: twice Spark's default parallelism) sets how many tasks share the
    documents. A session passed in is left running; one made here is stopped at the end.
    """
    started = time.monotonic()
    out = Path(output).resolve()
    found = list_inputs(inputs)
    own_session = spark is None
    session = spark or spark_session(master, partitions)
    try:
        with warnings.catch_warnings():
            # We use Arrow, not pandas: PySpark's warning about pandas 3 does not concern us.
            warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
            result = _run(
                session,
                found,
                out,
                model,
                dictionaries,
                partitions,
                published,
                max_bytes,
                batch_size,
            )
    finally:
        if own_session:
            session.stop()
    result.skipped += len(found.skipped)
    result.skips = (found.skipped + result.skips)[:20]
    result.seconds = time.monotonic() - started
    return result


def _run(
    spark: SparkSession,
    found: Inputs,
    out: Path,
    model: str | None,
    dictionaries: Sequence[Path],
    partitions: int,
    published: dt.date | None,
    max_bytes: int,
    batch_size: int,
) -> SparkResult:
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    config = JobConfig(
        model=model,
        dictionaries=tuple(str(Path(p).resolve()) for p in dictionaries),
        published=published,
        max_bytes=max_bytes,
        batch_size=batch_size,
    )
    n = partitions or 2 * spark.sparkContext.defaultParallelism
    staged = _staged(spark, found, max_bytes).repartition(n)
    coded = staged.mapInArrow(partial(code_partition, config=config), _spark_schema(CODED_SCHEMA))
    # Coded once, read three times (events, stances, counts): keep it on local disk.
    coded = coded.persist(StorageLevel.DISK_ONLY)
    try:
        _write(coded, "event", EVENT_COLUMNS, "event_date", out / "events")
        _write(coded, "stance", STANCE_COLUMNS, "stance_date", out / "stances")
        skipped = coded.where(F.col("kind") == "skipped").select("where", "reason")
        skipped.coalesce(1).write.mode("overwrite").parquet((out / "skipped").as_uri())
        counts = {row["kind"]: row["count"] for row in coded.groupBy("kind").count().collect()}
        first_skips = [Skipped(r["where"], r["reason"]) for r in skipped.limit(20).collect()]
    finally:
        coded.unpersist()
    return SparkResult(
        output=out,
        documents=counts.get("document", 0),
        events=counts.get("event", 0),
        stances=counts.get("stance", 0),
        skipped=counts.get("skipped", 0),
        skips=first_skips,
    )


def _write(
    coded: DataFrame, kind: str, columns: Sequence[str], date_column: str, where: Path
) -> None:
    """One kind of record as Parquet partitioned by the year and month of its date."""
    from pyspark.sql import functions as F

    rows = coded.where(F.col("kind") == kind).select(
        *columns,
        F.year(date_column).alias("year"),
        F.month(date_column).alias("month"),
    )
    rows.write.mode("overwrite").partitionBy("year", "month").parquet(where.as_uri())
