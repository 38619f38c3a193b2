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
    write_jsonl,
)

DOCUMENTS = 40
BATCH = "3"  # small batches: many commits per run, so kills land between and inside them
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


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_and_duplicates_nothing(
    corpus: Path, tmp_path: Path
) -> None:
    reference_db = tmp_path / "reference.duckdb"
    started = time.monotonic()
    clean = run_cli("ingest", str(corpus), "--db", str(reference_db), "--batch-size", BATCH)
    clean_seconds = time.monotonic() - started
    assert clean.returncode == 0, clean.stderr[-2000:]
    reference = stored_events(reference_db)
    assert len(reference) >= DOCUMENTS - 2 and sum(map(len, reference.values())) > 0

    db = tmp_path / "killed.duckdb"
    rng = random.Random(SEED)
    counts = []
    for _ in range(KILLS):
        process = start_cli("ingest", str(corpus), "--db", str(db), "--batch-size", BATCH)
        time.sleep(rng.uniform(0.3, clean_seconds))
        process.send_signal(signal.SIGKILL)
        _, stderr = process.communicate(timeout=60)
        assert "Traceback" not in stderr
        if db.exists():
            counts.append(len(assert_consistent(db, reference)))
    # The kills must have interrupted real work, not only the start-up of empty runs.
    assert counts and max(counts) < len(reference), counts

    final = run_cli("ingest", str(corpus), "--db", str(db), "--batch-size", BATCH)
    assert final.returncode == 0, final.stderr[-2000:]
    assert "Traceback" not in final.stderr
    assert assert_consistent(db, reference) == reference

    again = run_cli("ingest", str(corpus), "--db", str(db), "--batch-size", BATCH)
    assert again.returncode == 0 and "coded 0 documents" in again.stderr
    assert stored_events(db) == reference
