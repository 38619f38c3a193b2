"""When a stored document is an earlier version of one being written, and why a write failed.

A corrected article comes back under the same id with another text. Its content hash is
new, so without this the store would keep both and count the correction's events twice.
Which ids name "the same document" depends on who gave the id (`Document.named_by`):

- "record": the source named it (a JSONL `id`, a feed entry's id or link, a WARC target
  URI): the same id anywhere is the same document.
- "file": the id is the file's name (`article.txt` -> `article`): two folders may hold an
  `article.txt` each, so only a new text at the same path is a new version.
- None: the id is a position (`dump:12`, line 12 of dump.jsonl); line 12 of a new dump is
  another article, so it never replaces anything.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa

from seismo.model import CodedDocument, Document

VERSION_SCHEMA = pa.schema(
    [("doc_id", pa.string()), ("path", pa.string()), ("content_hash", pa.string())]
)

# Stored documents that a document of the batch replaces: (doc_id, path, old hash, new hash).
REPLACED_VERSIONS_SQL = """
    SELECT d.doc_id, d.path, d.content_hash, v.content_hash
    FROM documents d JOIN _batch_versions v
      ON d.doc_id = v.doc_id AND (v.path IS NULL OR d.path = v.path)
    WHERE d.content_hash <> v.content_hash
      AND d.content_hash NOT IN (SELECT content_hash FROM _batch_documents)
"""

DISK_FULL_SIGNS = ("no space left", "disk full", "file too large", "disk quota", "errno 28")


def version_key(doc: Document) -> str | None:
    """What makes two texts versions of one document, or None if nothing does."""
    if doc.named_by == "record":
        return f"record\x1f{doc.doc_id}"
    if doc.named_by == "file" and doc.path:
        return f"file\x1f{doc.path}\x1f{doc.doc_id}"
    return None


def versions_table(coded: Sequence[CodedDocument]) -> pa.Table:
    """One row per document of the batch that can replace an earlier version."""
    rows = [
        {
            "doc_id": c.document.doc_id,
            "path": c.document.path if c.document.named_by == "file" else None,
            "content_hash": c.document.content_hash,
        }
        for c in coded
        if version_key(c.document) is not None
    ]
    return pa.Table.from_pylist(rows, schema=VERSION_SCHEMA)


def is_disk_full(text: str) -> bool:
    lowered = text.lower()
    return any(sign in lowered for sign in DISK_FULL_SIGNS)


def write_failure(exc: BaseException) -> str:
    """Why a write failed, as a reason a user can act on (the start of E019)."""
    text = " ".join(str(exc).split())
    if is_disk_full(text):
        return (
            "the disk is full, or the file may not grow larger (a quota or file-size limit); "
            "free some space or pass --db a file on another disk"
        )
    return text[:300] or type(exc).__name__
