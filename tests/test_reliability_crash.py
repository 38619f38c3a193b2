"""Kill `seismo ingest` with SIGKILL at random moments: nothing half-written, nothing lost.

SIGKILL gives the process no chance to clean up, like a power cut or the OOM killer. The
store's promise (docs/storage.md) is that a batch is one transaction, so after any kill the
database opens, and every document in it has exactly the events a clean run gives it, no
more, no fewer, none twice. A final uninterrupted run then completes the set: the ingest
skips what was committed and codes the rest.
"""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

import pytest

from tests.reliability_helpers import (
    run_cli,
    sample_documents,
    start_cli,
    stored_events,
    wait_for_writes,
    write_jsonl,
)

DOCUMENTS = 45
BATCH = 3  # small batches: many commits per run, so kills land between and inside them
KILLS = 5
SEED = 1729


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crash-corpus")
    return write_jsonl(folder / "briefs.jsonl", sample_documents(DOCUMENTS))


def assert_consistent(db: Path, reference: dict[str, set[str]]) -> dict[str, set[str]]:
    stored = stored_events(db)  # also fails on duplicates and orphan events
    unknown = set(stored) - set(reference)
    assert not unknown, f"documents a clean run does not store: {sorted(unknown)[:3]}"
    for chash, event_ids in stored.items():
        assert event_ids == reference[chash], f"document {chash} is half-written"
    return stored


def ingest(corpus: Path, db: Path) -> str:
    result = run_cli("ingest", str(corpus), "--db", str(db), "--batch-size", str(BATCH))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    return result.stderr


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_and_duplicates_nothing(
    corpus: Path, tmp_path: Path
) -> None:
    reference_db = tmp_path / "reference.duckdb"
    ingest(corpus, reference_db)
    reference = stored_events(reference_db)
    assert len(reference) >= DOCUMENTS - 2 and sum(map(len, reference.values())) > 0
    # A run with nothing left to do stores nothing twice.
    stderr = ingest(corpus, reference_db)
    assert "coded 0 documents" in stderr and stored_events(reference_db) == reference

    db = tmp_path / "killed.duckdb"
    rng = random.Random(SEED)
    counts: list[int] = []
    for _ in range(KILLS):
        left = -(-(len(reference) - (counts[-1] if counts else 0)) // BATCH)
        if left < 2:
            break
        process = start_cli("ingest", str(corpus), "--db", str(db), "--batch-size", str(BATCH))
        # Kill after a random number of commits plus a random part of the next batch's
        # coding: timing by the clock alone lands in the start-up (interpreter, spaCy
        # model), whose length on a busy machine varies more than the whole coding window.
        wait_for_writes(process, db, rng.randint(1, left - 1))
        time.sleep(rng.uniform(0, 0.4))
        process.send_signal(signal.SIGKILL)
        _, stderr = process.communicate(timeout=60)
        assert "Traceback" not in stderr
        counts.append(len(assert_consistent(db, reference)))
    print(f"documents committed after each SIGKILL: {counts} of {len(reference)}")
    # At least one kill must have landed mid-run, with part of the documents committed.
    assert any(0 < n < len(reference) for n in counts), counts

    ingest(corpus, db)
    assert assert_consistent(db, reference) == reference
