"""Running the real `seismo` command in a child process, for the reliability tests.

`python -m seismo.cli` has no `__main__`, so the child runs `main()` through `-c`; it gets
this checkout on PYTHONPATH and no $SEISMO_DB, so only the --db the test names is touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-c", "from seismo.cli import main; main()"]


def cli_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SEISMO_DB", "SEISMO_WRITE_TOKEN")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONUNBUFFERED"] = "1"
    return env


def run_cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args],
        cwd=ROOT,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def start_cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*CLI, *args],
        cwd=ROOT,
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored_events(db: Path) -> dict[str, set[str]]:
    """content_hash -> the event ids stored for it (an empty set for a document without any),
    failing the test on a duplicated (content_hash, event_id) or an orphan event."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        duplicated = con.execute(
            "SELECT content_hash, event_id, count(*) FROM events GROUP BY ALL HAVING count(*) > 1"
        ).fetchall()
        assert not duplicated, f"duplicated events: {duplicated[:5]}"
        docs = con.execute(
            "SELECT content_hash, count(*) FROM documents GROUP BY ALL HAVING count(*) > 1"
        ).fetchall()
        assert not docs, f"duplicated documents: {docs[:5]}"
        orphans = con.execute(
            "SELECT count(*) FROM events WHERE content_hash NOT IN "
            "(SELECT content_hash FROM documents)"
        ).fetchone()[0]
        assert orphans == 0, f"{orphans} events without their document"
        result: dict[str, set[str]] = {
            row[0]: set() for row in con.execute("SELECT content_hash FROM documents").fetchall()
        }
        for chash, event_id in con.execute("SELECT content_hash, event_id FROM events").fetchall():
            result[chash].add(event_id)
        return result
    finally:
        con.close()


def sample_documents(count: int) -> list[dict[str, object]]:
    """The first `count` briefs of the bundled sample corpus (real events, short texts)."""
    import json

    from seismo.data import sample_corpus_paths

    records: list[dict[str, object]] = []
    for path in sample_corpus_paths():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    assert len(records) >= count, "the sample corpus is smaller than the test needs"
    return records[:count]


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    import json

    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def wait_for_writes(
    process: subprocess.Popen[str], path: Path, count: int, timeout: float = 120
) -> bool:
    """Wait until `process` has changed the database file `count` times (created it, or
    committed a batch and closed it), polling every 10 ms; False if it ended first."""
    import time

    def state() -> tuple[int, int] | None:
        try:
            info = path.stat()
        except OSError:
            return None
        return info.st_mtime_ns, info.st_size

    before = state()
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        now = state()
        if now != before:
            before, count = now, count - 1
            if count <= 0:
                return True
        time.sleep(0.01)
    return False
