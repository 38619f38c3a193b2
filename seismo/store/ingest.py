"""The one ingest loop: documents in, coded and stored in DuckDB, a transaction per batch.

`seismo ingest`, `seismo demo`, `seismo watch` and the API's POST /api/v1/ingest all call
`ingest_documents`; `seismo code` and `seismo eval` call `code_stream` (coding without
storing). Errors are raised (`SeismoError`), never turned into an exit: the caller decides
whether that is a message and exit code (CLI) or a problem response (API). Skipped documents
are not errors: each goes to the caller's `on_skip` and into the `Tally`, and the run goes on.

The database is opened per batch and closed again, so a server can read between batches,
and an interrupted run keeps every batch it committed plus the documents it had finished.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seismo.model import CODER_VERSION, CodedDocument, Document, Skipped
from seismo.pipeline import chunks

if TYPE_CHECKING:
    from seismo.coding.coder import Coder
    from seismo.store.duckdb import Store

# How long a write waits for readers (a running `seismo serve`) to let go of the file.
STORE_WAIT = 30.0
BATCH_SIZE = 50


def printable(text: str) -> str:
    """`text` safe for one line of a terminal or log: control characters (a newline in a
    file name could forge a summary line) and undecodable file-name bytes (kept as lone
    surrogates by `os.fsdecode`) are shown as escapes, never written raw."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the file name's raw byte
            out.append(f"\\x{code - 0xDC00:02x}")
        elif code < 0x20 or code == 0x7F or 0xD800 <= code <= 0xDFFF or 0x80 <= code < 0xA0:
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


def warning_line(doc: Document) -> str:
    """The one line that reports a document read with a repair: `note: WHERE: WARNING`."""
    return f"note: {printable(doc.path or doc.doc_id)}: {printable(doc.warning or '')}"


def skip_line(skip: Skipped) -> str:
    """The one line that reports a skipped document: `skipped WHERE: REASON`, escaped."""
    return f"skipped {printable(skip.where)}: {printable(skip.reason)}"


@dataclass
class Tally:
    """What a run did, for progress reports, the closing summary and API answers."""

    documents: int = 0
    events: int = 0
    stances: int = 0
    already: int = 0
    replaced: int = 0
    redated: int = 0  # stored documents coded again because a new publication date was given
    no_published: int = 0  # coded documents with no publication date at all
    warnings: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def read_anything(self) -> bool:
        return self.documents + self.already > 0

    def summary(self) -> str:
        skipped = sum(self.skipped.values())
        reasons = "; ".join(
            f"{n}× {printable(reason)}" for reason, n in self.skipped.most_common(3)
        )
        if len(self.skipped) > 3:
            reasons += "; …"
        skip_text = f"skipped {skipped} ({reasons})" if skipped else "skipped 0"
        replaced = f", replaced {self.replaced} earlier version(s)" if self.replaced else ""
        if self.redated:
            replaced += f", re-coded {self.redated} for a new publication date"
        if self.warnings:
            replaced += f", {self.warnings} read with a warning"
        return (
            f"coded {self.documents} documents, {self.events} events, {self.stances} stances; "
            f"{skip_text}, already stored {self.already}{replaced}"
        )

    def undated_warning(self) -> str | None:
        """The one warning for documents without a publication date, or None."""
        if not self.no_published:
            return None
        return (
            f"warning: {self.no_published} document(s) had no publication date (no "
            "--published, metadata or dateline): their events that state no date of their "
            "own are undated and relative dates ('on Monday') stay unresolved; pass "
            "--published YYYY-MM-DD"
        )


def _ignore(_: Any) -> None:
    return None


def coder_stream(
    items: Iterable[Document | Skipped],
    *,
    model: str | None = None,
    dictionaries: Sequence[Path] = (),
    workers: int = 1,
    nlp: Any = None,
    coder: Coder | None = None,
) -> Iterator[CodedDocument | Skipped]:
    """Coded documents (or skips) in input order, over `workers` processes (0: all cores).

    The model and overlays are loaded when the first document arrives, before it is coded:
    a bad model or overlay still fails on the first document, and a run whose inputs are
    all skipped (a folder of bad files, a decompression bomb) never pays for the model.
    """
    count = workers if workers > 0 else (os.cpu_count() or 1)
    if count > 1 and nlp is None and coder is None:
        from seismo.scale.workers import code_in_parallel

        return code_in_parallel(items, count, model, list(dictionaries))
    return _code_from_first_document(iter(items), model, dictionaries, nlp, coder)


def _code_from_first_document(
    items: Iterator[Document | Skipped],
    model: str | None,
    dictionaries: Sequence[Path],
    nlp: Any,
    coder: Coder | None,
) -> Iterator[CodedDocument | Skipped]:
    from seismo.nlp import load_pipeline
    from seismo.pipeline import build_coder, code_documents

    for item in items:
        if isinstance(item, Skipped):
            yield item
            continue
        nlp = nlp if nlp is not None else load_pipeline(model)
        coder = coder if coder is not None else build_coder(dictionaries)
        yield from code_documents(chain([item], items), nlp=nlp, coder=coder)
        return


def code_stream(
    items: Iterable[Document | Skipped],
    tally: Tally,
    *,
    on_skip: Callable[[Skipped], None] = _ignore,
    on_progress: Callable[[Tally], None] = _ignore,
    on_warning: Callable[[Document], None] = _ignore,
    **coder_args: Any,
) -> Iterator[CodedDocument]:
    """Code a stream of documents, counting into `tally`; each skip goes to `on_skip`, each
    document read with a repair (`Document.warning`) to `on_warning`."""
    for item in coder_stream(items, **coder_args):
        if isinstance(item, Skipped):
            tally.skipped[item.reason] += 1
            on_skip(item)
            continue
        if item.document.warning:
            tally.warnings += 1
            on_warning(item.document)
        tally.documents += 1
        tally.no_published += item.document.published is None
        tally.events += len(item.events)
        tally.stances += len(item.stances)
        on_progress(tally)
        yield item


def open_store(db: str, wait: float = STORE_WAIT) -> Store:
    from seismo.store.duckdb import Store

    return Store(db, wait=wait)


def not_yet_stored(
    items: Iterable[Document | Skipped],
    db: str,
    tally: Tally,
    *,
    batch_size: int = BATCH_SIZE,
    recode: bool = False,
    wait: float = STORE_WAIT,
) -> Iterator[Document | Skipped]:
    """Drop documents this coder version already stored, before any parsing.

    A stored text given a new publication date (`--published`) is coded again: its events'
    dates depend on it. The store is opened once per batch of read documents and closed
    again, so a server can read between batches. A text seen twice in one run is coded once.
    """
    seen: set[str] = set()
    for chunk in chunks(items, batch_size):
        docs = [d for d in chunk if isinstance(d, Document)]
        stored: set[str] = set()
        if docs and not recode:
            with open_store(db, wait) as store:
                for d in docs:
                    found, published = store.coded_published(d.content_hash, CODER_VERSION)
                    if not found:
                        continue
                    if d.published is not None and d.published != published:
                        tally.redated += 1
                    else:
                        stored.add(d.content_hash)
        for item in chunk:
            if isinstance(item, Document):
                if item.content_hash in stored or item.content_hash in seen:
                    tally.already += 1
                    continue
                seen.add(item.content_hash)
            yield item


def ingest_documents(
    items: Iterable[Document | Skipped],
    db: str,
    *,
    tally: Tally | None = None,
    batch_size: int = BATCH_SIZE,
    recode: bool = False,
    wait: float = STORE_WAIT,
    on_skip: Callable[[Skipped], None] = _ignore,
    on_progress: Callable[[Tally], None] = _ignore,
    on_written: Callable[[list[CodedDocument]], None] = _ignore,
    on_warning: Callable[[Document], None] = _ignore,
    **coder_args: Any,
) -> Tally:
    """Code `items` into the database `db`, one transaction per `batch_size` documents.

    `coder_args` are those of `coder_stream` (model, dictionaries, workers, nlp, coder).
    `on_written` receives each batch once it is committed. Raises `SeismoError` when the
    database cannot be opened or written (E007, E019); on KeyboardInterrupt the documents
    already coded are written before the interrupt goes on, and `tally` (pass your own to
    read it then) holds the counts.
    """
    tally = tally if tally is not None else Tally()
    pending: list[CodedDocument] = []

    def write() -> None:
        if not pending:
            return
        with open_store(db, wait) as store:
            result = store.write(pending)
        tally.replaced += result.replaced
        on_written(list(pending))
        pending.clear()

    fresh = not_yet_stored(items, db, tally, batch_size=batch_size, recode=recode, wait=wait)
    try:
        for coded in code_stream(
            fresh,
            tally,
            on_skip=on_skip,
            on_progress=on_progress,
            on_warning=on_warning,
            **coder_args,
        ):
            pending.append(coded)
            if len(pending) >= batch_size:
                write()
    except KeyboardInterrupt:
        write()
        raise
    write()
    return tally
