"""`code_in_parallel` and the pool under it: same events as one process, in order, and a dead
worker costs its own chunk only."""

from __future__ import annotations

import os
from itertools import islice

import pytest

from seismo.data import sample_corpus_paths
from seismo.errors import SeismoError
from seismo.ingest import read_inputs
from seismo.model import CodedDocument, Skipped
from seismo.scale import code_in_parallel
from seismo.scale.pool import ordered_map


def _sample(n: int) -> list:
    return list(islice(read_inputs([str(p) for p in sample_corpus_paths()]), n))


def _summary(results: list) -> list:
    """Per item: the document and every field of its events, or the skip."""
    out = []
    for item in results:
        if isinstance(item, CodedDocument):
            events = [e.to_dict() for e in item.events]
            stances = [s.to_dict() for s in item.stances]
            out.append((item.document.doc_id, events, stances))
        else:
            out.append(("skipped", item.where, item.reason))
    return out


@pytest.mark.slow
def test_two_workers_code_exactly_like_one() -> None:
    docs = _sample(24)
    docs.insert(5, Skipped("broken.jsonl:3", "malformed JSON at line 3: Expecting value"))
    # batch_size 4 and queue_size 2: six chunks, never more than two in flight.
    one = _summary(list(code_in_parallel(docs, workers=1, batch_size=4)))
    two = _summary(list(code_in_parallel(docs, workers=2, batch_size=4, queue_size=2)))
    assert one == two
    assert len(two) == 25
    assert two[5] == ("skipped", "broken.jsonl:3", "malformed JSON at line 3: Expecting value")
    assert sum(len(item[1]) for item in two if item[0] != "skipped") > 0


def test_a_bad_model_stops_the_run_with_its_message() -> None:
    with pytest.raises(SeismoError) as caught:
        list(code_in_parallel(_sample(4), workers=2, model="no_such_model_xyz"))
    assert caught.value.code == "E001"
    assert "no_such_model_xyz" in str(caught.value)


# -- the pool ----------------------------------------------------------------------------------


def _double_or_die(chunk: list[int]) -> list[int]:
    """Doubles numbers; a chunk holding -1 kills its worker, one holding -2 raises."""
    if -1 in chunk:
        os._exit(1)
    if -2 in chunk:
        raise ValueError("minus two")
    return [2 * x for x in chunk]


def _lost(chunk: list[int], reason: str) -> list[str]:
    return [f"lost {x}: {reason}" for x in chunk]


def test_pool_keeps_input_order() -> None:
    chunks = [[i, i + 100] for i in range(12)]
    out = list(ordered_map(_double_or_die, chunks, workers=2, in_flight=3, on_failure=_lost))
    assert out == [[2 * i, 2 * i + 200] for i in range(12)]


def test_a_dead_worker_loses_only_its_chunk() -> None:
    chunks = [[1, 2], [3, -1], [5, 6], [7, 8]]
    out = list(ordered_map(_double_or_die, chunks, workers=2, in_flight=4, on_failure=_lost))
    assert out[0] == [2, 4]
    assert out[1][0].startswith("lost 3: a worker process died")
    assert out[2:] == [[10, 12], [14, 16]]


def test_an_exception_in_a_worker_loses_only_its_chunk() -> None:
    chunks = [[1], [-2], [3]]
    out = list(ordered_map(_double_or_die, chunks, workers=2, in_flight=2, on_failure=_lost))
    assert out == [[2], ["lost -2: ValueError: minus two"], [6]]


def test_pool_holds_a_bounded_number_of_chunks() -> None:
    pulled = 0

    def chunks():
        nonlocal pulled
        for i in range(1000):
            pulled += 1
            yield [i]

    results = ordered_map(_double_or_die, chunks(), workers=2, in_flight=3, on_failure=_lost)
    assert next(results) == [0]
    # Three submitted, then one more after the first came back: never the whole input.
    assert pulled <= 4
    results.close()
