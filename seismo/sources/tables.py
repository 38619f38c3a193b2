"""The tables seismo.sources adds to a seismo database, and the queries over them.

They live beside the store's own schema (seismo/store/schema.sql) rather than in it, as a
small migration run by whoever writes sources (`seismo watch`): `CREATE TABLE IF NOT
EXISTS` is a no-op on a database that has them, and a database without them still works
everywhere else (the brief shows extra outlets only when `document_sources` exists).

- `document_sources`: every copy of a story seismo has seen: the document that was coded
  (`content_hash`), this copy's own text hash (`copy_hash`), its doc_id, outlet, URL, path,
  publication date, and its estimated similarity to the coded one (1.0 for itself).
- `document_minhash` and `document_bands`: the MinHash signature and LSH buckets of each
  coded document, so a story arriving next week is matched against every stored one.
- `watched_files`: the size and modification time of each file `seismo watch` has read,
  so an unchanged file is not read again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS document_sources (
    content_hash VARCHAR NOT NULL,
    copy_hash VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    title VARCHAR,
    url VARCHAR,
    source VARCHAR,
    path VARCHAR,
    published DATE,
    similarity DOUBLE,
    seen_at TIMESTAMP,
    PRIMARY KEY (copy_hash, doc_id)
);
CREATE TABLE IF NOT EXISTS document_minhash (
    content_hash VARCHAR PRIMARY KEY,
    method VARCHAR NOT NULL,
    signature BIGINT[] NOT NULL
);
CREATE TABLE IF NOT EXISTS document_bands (
    band SMALLINT NOT NULL,
    bucket BIGINT NOT NULL,
    content_hash VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS watched_files (
    path VARCHAR PRIMARY KEY,
    mtime_ns BIGINT,
    size BIGINT,
    checked_at TIMESTAMP
);
"""


def ensure_tables(con: Any) -> None:
    """Add the sources tables to a seismo database opened for writing (idempotent)."""
    con.execute(SCHEMA)


def file_states(con: Any, paths: Sequence[str]) -> dict[str, tuple[int, int]]:
    """(mtime_ns, size) of the files already read, for those of `paths` that were."""
    if not paths:
        return {}
    rows = con.execute(
        "SELECT path, mtime_ns, size FROM watched_files WHERE path = ANY(?)", [list(paths)]
    ).fetchall()
    return {path: (mtime, size) for path, mtime, size in rows}


def known_copy(con: Any, copy_hash: str, doc_id: str) -> bool:
    """Whether this text under this id was already seen (coded, or kept as a duplicate)."""
    row = con.execute(
        "SELECT 1 FROM document_sources WHERE copy_hash = ? AND doc_id = ?", [copy_hash, doc_id]
    ).fetchone()
    return row is not None


def candidates(con: Any, keys: Sequence[tuple[int, int]]) -> dict[str, list[int]]:
    """Stored documents sharing an LSH bucket with `keys`, with their signatures."""
    rows = con.execute(
        """
        SELECT m.content_hash, m.signature
        FROM document_minhash m
        WHERE m.content_hash IN (
            SELECT b.content_hash FROM document_bands b
            JOIN (SELECT unnest(?) AS band, unnest(?) AS bucket) q USING (band, bucket)
        )
        """,
        [[k[0] for k in keys], [k[1] for k in keys]],
    ).fetchall()
    return {chash: list(sig) for chash, sig in rows}


def record(
    con: Any,
    *,
    sources: Iterable[dict[str, Any]],
    signatures: Iterable[tuple[str, str, list[int], list[tuple[int, int]]]],
    files: Iterable[tuple[str, int, int]],
) -> None:
    """Write what one poll learned, in one transaction: copies, signatures, file states."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    con.execute("BEGIN TRANSACTION")
    try:
        for row in sources:
            con.execute(
                "INSERT OR IGNORE INTO document_sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    row["content_hash"],
                    row["copy_hash"],
                    row["doc_id"],
                    row.get("title"),
                    row.get("url"),
                    row.get("source"),
                    row.get("path"),
                    row.get("published"),
                    row["similarity"],
                    now,
                ],
            )
        for chash, method, sig, keys in signatures:
            con.execute("DELETE FROM document_bands WHERE content_hash = ?", [chash])
            con.execute(
                "INSERT OR REPLACE INTO document_minhash VALUES (?, ?, ?)", [chash, method, sig]
            )
            con.executemany(
                "INSERT INTO document_bands VALUES (?, ?, ?)",
                [[band, bucket, chash] for band, bucket in keys],
            )
        for path, mtime_ns, size in files:
            con.execute(
                "INSERT OR REPLACE INTO watched_files VALUES (?, ?, ?, ?)",
                [path, mtime_ns, size, now],
            )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def sources_of(con: Any, content_hash: str) -> list[dict[str, Any]]:
    """Every copy seen of the story coded as `content_hash`, oldest publication first."""
    cursor = con.execute(
        "SELECT * FROM document_sources WHERE content_hash = ? "
        "ORDER BY published NULLS LAST, doc_id",
        [content_hash],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
