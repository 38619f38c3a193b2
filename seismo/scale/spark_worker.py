"""The Python side of the Spark job: one function Spark calls per partition.

Spark reuses its Python worker processes between tasks (`spark.python.worker.reuse`, on by
default), so the model and coder are cached in a module global: loaded by the first
partition a worker codes, reused by every later one. Loading per partition instead would
cost seconds per task.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from seismo.scale.spark_rows import CODED_SCHEMA, coded_table, staged_documents

if TYPE_CHECKING:
    from seismo.coding.coder import Coder

# (model, dictionaries) -> (nlp, coder), per Python worker process.
_LOADED: dict[tuple[str | None, tuple[str, ...]], tuple[Any, Coder]] = {}


@dataclass(frozen=True)
class JobConfig:
    """What every partition needs to know; small and picklable, shipped with the task."""

    model: str | None = None
    dictionaries: tuple[str, ...] = ()
    published: dt.date | None = None
    max_bytes: int = 20_000_000
    batch_size: int = 32
    # Documents coded between two output batches: bounds a worker's memory.
    flush_every: int = 256


def _loaded(config: JobConfig) -> tuple[Any, Coder]:
    key = (config.model, config.dictionaries)
    if key not in _LOADED:
        from seismo.scale.workers import single_threaded_numerics

        single_threaded_numerics()
        from seismo.nlp import load_pipeline
        from seismo.pipeline import build_coder

        _LOADED[key] = (
            load_pipeline(config.model),
            build_coder([Path(p) for p in config.dictionaries]),
        )
    return _LOADED[key]


def code_partition(
    batches: Iterator[pa.RecordBatch], config: JobConfig
) -> Iterator[pa.RecordBatch]:
    """`mapInArrow` body: staged inputs in, CODED_SCHEMA rows out, in bounded batches."""
    from seismo.pipeline import chunks, code_documents

    nlp, coder = _loaded(config)
    docs = staged_documents(batches, config.published, config.max_bytes)
    results = code_documents(docs, nlp, coder, config.batch_size)
    for chunk in chunks(results, config.flush_every):
        yield from coded_table(chunk).to_batches()
    # An empty partition still returns a well-formed (empty) stream.
    yield pa.RecordBatch.from_pylist([], schema=CODED_SCHEMA)
