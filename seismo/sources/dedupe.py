"""Decide, for each incoming document, whether to code it or keep it as another source.

One story, coded once: the first copy seen is coded; a later copy whose estimated Jaccard
similarity to a stored (or earlier in the same batch) story reaches the threshold is not
coded again, but its doc_id, outlet and URL are kept in `document_sources`, so the brief and
the analyst still see every outlet that carried it.

An edited article is not a copy: when the text under a stored document's own id (same id,
same file for ids taken from file names; `seismo.store.versions`) changes, it is coded as a
new version, and the store replaces the earlier version's events with the new ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from seismo.model import Document
from seismo.sources import minhash, tables
from seismo.store.versions import version_key

DEFAULT_THRESHOLD = 0.8


@dataclass
class Plan:
    """What to do with a batch: code these, record those as copies, ignore the known."""

    to_code: list[Document] = field(default_factory=list)
    # (document, content hash of the story it duplicates, estimated similarity)
    duplicates: list[tuple[Document, str, float]] = field(default_factory=list)
    known: list[Document] = field(default_factory=list)
    signatures: dict[str, list[int]] = field(default_factory=dict)


def source_row(doc: Document, coded_as: str, similarity: float) -> dict[str, Any]:
    return {
        "content_hash": coded_as,
        "copy_hash": doc.content_hash,
        "doc_id": doc.doc_id,
        "title": doc.title,
        "url": doc.url,
        "source": doc.source,
        "path": doc.path,
        "published": doc.published,
        "similarity": round(similarity, 3),
    }


def plan_batch(
    con: Any,
    docs: Sequence[Document],
    threshold: float = DEFAULT_THRESHOLD,
) -> Plan:
    """Sort a batch into new stories, copies of known stories and documents already seen.

    `con` is a seismo database with the sources tables (`tables.ensure_tables`); it is only
    read here.
    """
    plan = Plan()
    batch_sigs: dict[str, list[int]] = {}
    batch_bands: dict[tuple[int, int], list[str]] = {}
    for doc in docs:
        if tables.known_copy(con, doc.content_hash, doc.doc_id):
            plan.known.append(doc)
            continue
        if _stored(con, doc.content_hash) or doc.content_hash in batch_sigs:
            plan.duplicates.append((doc, doc.content_hash, 1.0))  # same text, another name
            continue
        sig = [int(v) for v in minhash.signature(doc.text)]
        if _new_version(con, doc):
            plan.to_code.append(doc)  # an edited article: recode it, its old events go
            plan.signatures[doc.content_hash] = sig
            continue
        keys = minhash.band_keys(sig)
        pool = tables.candidates(con, keys)
        for key in keys:
            for chash in batch_bands.get(key, ()):
                pool[chash] = batch_sigs[chash]
        best, score = None, 0.0
        for chash, other in pool.items():
            estimate = minhash.similarity(sig, other)
            if estimate > score:
                best, score = chash, estimate
        if best is not None and score >= threshold:
            plan.duplicates.append((doc, best, score))
            continue
        plan.to_code.append(doc)
        plan.signatures[doc.content_hash] = sig
        batch_sigs[doc.content_hash] = sig
        for key in keys:
            batch_bands.setdefault(key, []).append(doc.content_hash)
    return plan


def _stored(con: Any, content_hash: str) -> bool:
    """Whether this exact text is in the database, whatever coder version coded it.

    Watching adds new stories; re-coding old ones with a new coder is `seismo ingest`'s job.
    """
    row = con.execute("SELECT 1 FROM documents WHERE content_hash = ?", [content_hash]).fetchone()
    return row is not None


def _new_version(con: Any, doc: Document) -> bool:
    """Whether the store holds another text under this document's own id: an edit of it."""
    if version_key(doc) is None:
        return False
    path = doc.path if doc.named_by == "file" else None
    row = con.execute(
        "SELECT 1 FROM documents WHERE doc_id = ? AND (CAST(? AS VARCHAR) IS NULL OR path = ?) "
        "AND content_hash <> ? LIMIT 1",
        [doc.doc_id, path, path, doc.content_hash],
    ).fetchone()
    return row is not None
