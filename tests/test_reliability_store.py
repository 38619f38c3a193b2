"""Issue 15, rows F, K and M: what a full disk, hostile file names and corrected articles did
to an ingest.

F: a full disk raised a traceback (the ROLLBACK after the failed COMMIT hid the real
error). K: a file name with a byte that is not UTF-8 lost its article ("coding failed:
UnicodeEncodeError"), and a name with a newline could forge a summary line. M: the same
document id with a new text was stored twice and its events counted twice.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from seismo.ingest import read_inputs
from seismo.model import Document
from seismo.store import Store
from seismo.store.ingest import ingest_documents
from tests.reliability_helpers import cli_env, run_cli

SANCTIONS = "On 8 March 2022, Japan imposed sanctions on Russian banks."
CORRECTED = "On 9 March 2022, Japan expelled eight Russian diplomats."
CORRECTED_AGAIN = "On 10 March 2022, Japan condemned Russia."


def rows(db: str, sql: str) -> list[tuple]:
    with Store(db, read_only=True) as store:
        return store.con.execute(sql).fetchall()


def write_jsonl(path: Path, records: list[dict[str, str]]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


# -- M: a corrected document replaces its earlier version ------------------------------------


def test_same_id_with_new_text_replaces_the_earlier_version(tmp_path, nlp, coder) -> None:
    db = str(tmp_path / "m.duckdb")
    first = write_jsonl(tmp_path / "monday.jsonl", [{"id": "wire-1", "text": SANCTIONS}])
    ingest_documents(read_inputs([first]), db, nlp=nlp, coder=coder)
    before = rows(db, "SELECT content_hash FROM documents")
    assert rows(db, "SELECT count(*) FROM events WHERE sentence LIKE '%sanctions%'") == [(1,)]

    # The correction arrives in another dump, under the same id.
    second = write_jsonl(tmp_path / "tuesday.jsonl", [{"id": "wire-1", "text": CORRECTED}])
    tally = ingest_documents(read_inputs([second]), db, nlp=nlp, coder=coder)
    assert tally.replaced == 1
    assert rows(db, "SELECT doc_id, count(*) FROM documents GROUP BY doc_id") == [("wire-1", 1)]
    assert rows(db, "SELECT count(*) FROM events WHERE sentence LIKE '%sanctions%'") == [(0,)]
    assert rows(db, "SELECT DISTINCT doc_id FROM events") == [("wire-1",)]
    history = rows(db, "SELECT doc_id, content_hash FROM document_history")
    assert history == [("wire-1", before[0][0])]
    summary_events = rows(db, "SELECT count(*) FROM events")[0][0]
    with Store(db, read_only=True) as store:
        assert store.summary()["documents"] == 1 and store.summary()["events"] == summary_events

    third = write_jsonl(tmp_path / "wednesday.jsonl", [{"id": "wire-1", "text": CORRECTED_AGAIN}])
    ingest_documents(read_inputs([third]), db, nlp=nlp, coder=coder)
    assert len(rows(db, "SELECT * FROM document_history")) == 2
    assert rows(db, "SELECT count(*) FROM documents") == [(1,)]


def test_names_that_are_not_ids_never_replace(tmp_path, nlp, coder) -> None:
    """Two folders may each hold an `article.txt`; line 1 of two dumps are two articles."""
    db = str(tmp_path / "names.duckdb")
    for folder, text in (("tokyo", SANCTIONS), ("moscow", CORRECTED)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.txt").write_text(text, encoding="utf-8")
    one = write_jsonl(tmp_path / "one.jsonl", [{"text": SANCTIONS + " Again."}])
    two = write_jsonl(tmp_path / "two.jsonl", [{"text": CORRECTED + " Again."}])
    inputs = [str(tmp_path / "tokyo"), str(tmp_path / "moscow"), one, two]
    tally = ingest_documents(read_inputs(inputs), db, nlp=nlp, coder=coder)
    assert tally.replaced == 0 and rows(db, "SELECT count(*) FROM documents") == [(4,)]

    # An edited file at the same path is a new version of that file's document.
    (tmp_path / "tokyo" / "article.txt").write_text(CORRECTED_AGAIN, encoding="utf-8")
    tally = ingest_documents(read_inputs([str(tmp_path / "tokyo")]), db, nlp=nlp, coder=coder)
    assert tally.replaced == 1 and rows(db, "SELECT count(*) FROM documents") == [(4,)]


def test_a_batch_holding_two_versions_keeps_the_last(tmp_path, nlp, coder) -> None:
    db = str(tmp_path / "batch.duckdb")
    docs = [
        Document("wire-2", SANCTIONS, named_by="record"),
        Document("wire-2", CORRECTED, named_by="record"),
    ]
    ingest_documents(docs, db, nlp=nlp, coder=coder)
    assert rows(db, "SELECT count(*) FROM documents") == [(1,)]
    assert rows(db, "SELECT count(*) FROM events WHERE sentence LIKE '%sanctions%'") == [(0,)]


# -- F: a full disk ------------------------------------------------------------------------

FULL_DISK = """
import resource, signal, sys
from seismo.store import Store
Store(sys.argv[1]).close()
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails instead of killing us
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from seismo.cli import main
sys.argv = ["seismo", "ingest", sys.argv[3], "--db", sys.argv[1], "--batch-size", "5"]
main()
"""


@pytest.mark.slow
def test_full_disk_is_advice_not_a_traceback(tmp_path) -> None:
    """The file-size limit makes every write past 40 kB fail as a full disk would."""
    records = [
        {"id": f"d{i}", "text": f"On 8 March 2022, Japan imposed sanctions on bank {i}. " * 60}
        for i in range(20)
    ]
    inputs = write_jsonl(tmp_path / "many.jsonl", records)
    db = str(tmp_path / "full.duckdb")
    script = tmp_path / "full_disk.py"
    script.write_text(FULL_DISK, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), db, "40000", inputs],
        capture_output=True, text=True, env=cli_env(), timeout=300, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "no transaction is active" not in done.stderr
    assert "[E019]" in done.stderr and "disk is full" in done.stderr
    assert "run the same command again" in done.stderr
    # The database is still readable, and a run with room finishes the job.
    again = run_cli("ingest", inputs, "--db", db)
    assert again.returncode == 0, again.stderr
    assert rows(db, "SELECT count(*) FROM documents") == [(20,)]


# -- K: file names that are not UTF-8, or hold newlines ---------------------------------------


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses names that are not UTF-8")
def test_hostile_file_names_are_kept_and_printed_escaped(tmp_path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    raw = os.fsencode(folder)
    with open(raw + b"/caf\xff.txt", "wb") as handle:
        handle.write(SANCTIONS.encode())
    with open(raw + b"/x\nseismo: coded 999 documents, 0 events.txt", "wb"):
        pass  # empty: reported as skipped, under its escaped name
    db = str(tmp_path / "k.duckdb")
    done = run_cli("ingest", str(folder), "--db", db)
    assert done.returncode == 0, done.stderr
    assert "UnicodeEncodeError" not in done.stderr
    lines = done.stderr.splitlines()
    assert not any(line.startswith("seismo: coded 999") for line in lines), lines
    assert any("x\\nseismo: coded 999" in line and "empty" in line for line in lines), lines
    assert rows(db, "SELECT doc_id FROM documents") == [("caf\\xff",)]
    assert rows(db, "SELECT count(*) FROM events WHERE sentence LIKE '%sanctions%'") == [(1,)]
