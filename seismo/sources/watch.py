"""`seismo watch`: keep a database up to date with a folder or a feed file that grows.

Each poll looks at file sizes and modification times only, reads the files that are new or
changed, sets aside what is already stored (`dedupe.plan_batch`), and codes and stores the
rest through the one ingest loop (`seismo.store.ingest`), in short transactions: the server can read between polls, as
with `seismo ingest` (docs/storage.md). Local paths only: a feed is fetched by whatever
saves it (cron and curl, a crawler), never by seismo, so a watch never touches the network.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seismo.errors import Errors, SeismoError
from seismo.model import CodedDocument, Document, Skipped
from seismo.sources import tables
from seismo.sources.dedupe import DEFAULT_THRESHOLD, plan_batch, source_row
from seismo.sources.minhash import SIGNATURE_VERSION, band_keys

if TYPE_CHECKING:
    from seismo.coding.coder import Coder

LOCK_WAIT = 30.0


@dataclass
class WatchResult:
    """What one poll did: files read, stories coded, copies kept, documents already known."""

    files: int = 0
    documents: int = 0
    coded: int = 0
    events: int = 0
    duplicates: int = 0
    known: int = 0
    skipped: list[Skipped] = field(default_factory=list)


def _stat(path: Path) -> tuple[str, int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return str(path), info.st_mtime_ns, info.st_size


def scan(target: Path) -> list[tuple[str, int, int]]:
    """(path, mtime_ns, size) of the file, or of every file under the folder, sorted.

    Hidden files are left out: editors and `curl -o` write temporary files there first.
    """
    if target.is_file():
        found = _stat(target)
        return [found] if found else []
    files = []
    for root, dirs, names in os.walk(target):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                found = _stat(Path(root) / name)
                if found:
                    files.append(found)
    return files


def check_target(target: str) -> Path:
    """The path to watch, or an error a user can act on (a URL, a missing path)."""
    if "://" in target:
        reason = (
            "seismo watch reads local files only; save the feed to a file "
            "(e.g. `curl -o feeds/site.xml URL` from cron) and watch that file or folder"
        )
        raise SeismoError(Errors.E003.format(path=target, reason=reason))
    path = Path(target)
    if not path.exists():
        raise SeismoError(Errors.E002.format(path=target))
    return path


def watch_once(
    target: str,
    db: str,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    nlp: Any = None,
    coder: Coder | None = None,
) -> WatchResult:
    """One poll: read new or changed files under `target`, code new stories into `db`."""
    from seismo.ingest import read_inputs
    from seismo.store import Store
    from seismo.store.ingest import ingest_documents

    root = check_target(target)
    result = WatchResult()
    seen = scan(root)
    with Store(db, wait=LOCK_WAIT) as store:
        tables.ensure_tables(store.con)
        before = tables.file_states(store.con, [path for path, _, _ in seen])
    changed = [f for f in seen if before.get(f[0]) != (f[1], f[2])]
    result.files = len(changed)
    if not changed:
        return result
    docs: list[Document] = []
    for item in read_inputs([path for path, _, _ in changed]):
        if isinstance(item, Skipped):
            result.skipped.append(item)
        else:
            docs.append(item)
    result.documents = len(docs)
    with Store(db, read_only=True, wait=LOCK_WAIT) as store:
        plan = plan_batch(store.con, docs, threshold)
    coded: list[CodedDocument] = []
    if plan.to_code:
        # The plan already set aside what is stored: code all of it (recode), in one loop
        # with `seismo ingest`, which writes each batch as it is coded.
        ingest_documents(
            plan.to_code, db, recode=True, wait=LOCK_WAIT, nlp=nlp, coder=coder,
            on_skip=result.skipped.append, on_written=coded.extend,
        )  # fmt: skip
    failed = {d.content_hash for d in plan.to_code} - {c.document.content_hash for c in coded}
    sources = [source_row(c.document, c.document.content_hash, 1.0) for c in coded]
    retry: set[str] = set()  # files whose copies point at a story that failed to code
    for doc, coded_as, score in plan.duplicates:
        if coded_as in failed:
            retry.add(doc.path or "")
            continue
        sources.append(source_row(doc, coded_as, score))
    signatures = [
        (
            c.document.content_hash,
            SIGNATURE_VERSION,
            plan.signatures[c.document.content_hash],
            band_keys(plan.signatures[c.document.content_hash]),
        )
        for c in coded
    ]
    with Store(db, wait=LOCK_WAIT) as store:
        tables.record(
            store.con,
            sources=sources,
            signatures=signatures,
            files=[f for f in changed if f[0] not in retry],
        )
    result.coded = len(coded)
    result.events = sum(len(c.events) for c in coded)
    result.duplicates = len(plan.duplicates) - sum(1 for _, h, _ in plan.duplicates if h in failed)
    result.known = len(plan.known)
    return result


def watch(
    target: str,
    db: str,
    interval: float,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    report: Callable[[WatchResult], None] = lambda _: None,
    polls: int | None = None,
) -> None:
    """Poll every `interval` seconds (until interrupted, or `polls` times)."""
    from seismo.nlp import load_pipeline
    from seismo.pipeline import build_coder

    nlp, coder = load_pipeline(), build_coder()
    done = 0
    while polls is None or done < polls:
        report(watch_once(target, db, threshold=threshold, nlp=nlp, coder=coder))
        done += 1
        if polls is None or done < polls:
            time.sleep(interval)
