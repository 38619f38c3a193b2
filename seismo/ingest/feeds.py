"""RSS and Atom feeds: one Document per entry.

Entries carry either the full article (`content:encoded`, Atom `content`) or a summary; we
take the fullest one there is. HTML goes through the page path (trafilatura) and, when that
finds no "article" in a two-line summary, through the fragment path that keeps all its text.
An entry's id is its guid or link, which stays the same when the feed is fetched again and
its items move down the list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from seismo.errors import Skips
from seismo.ingest.html import document_from_markup
from seismo.ingest.text import document_from_text
from seismo.model import Document, Skipped


def read_feed_file(
    path: Path, published: dt.date | None, max_bytes: int
) -> Iterator[Document | Skipped]:
    """The entries of one feed file; a feed without entries is one Skipped."""
    where = str(path)
    size = path.stat().st_size
    if size > max_bytes:
        yield Skipped(where, Skips.S003.format(limit=max_bytes))
        return
    yield from read_feed_bytes(path.read_bytes(), where, path.stem, published)


def read_feed_bytes(
    data: bytes, where: str, stem: str, published: dt.date | None
) -> Iterator[Document | Skipped]:
    """The entries of a feed held in memory (feedparser parses a feed whole)."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        yield Skipped(where, Skips.S008)
        return
    outlet = _text(parsed.get("feed", {}).get("title"))
    for number, entry in enumerate(entries, start=1):
        yield _entry_document(entry, number, where, stem, published, outlet)


def _entry_document(
    entry: Any,
    number: int,
    where: str,
    stem: str,
    published: dt.date | None,
    outlet: str | None,
) -> Document | Skipped:
    entry_where = f"{where}#{number}"
    body, content_type = _entry_body(entry)
    if not body or not body.strip():
        return Skipped(entry_where, Skips.S001)
    named = _text(entry.get("id")) or _text(entry.get("link"))
    fields: dict[str, Any] = {
        "doc_id": named or f"{stem}:{number}",
        "named_by": "record" if named else None,
        "published": published,
        "where": entry_where,
        "path": where,
        "title": _text(entry.get("title")),
        "url": _text(entry.get("link")),
        "source": outlet,
        "metadata_published": entry.get("published_parsed") or entry.get("updated_parsed"),
    }
    if "html" not in content_type:
        return document_from_text(body, **fields)
    return document_from_markup(body, **fields)


def _entry_body(entry: Any) -> tuple[str | None, str]:
    """The longest text the entry offers, and its content type."""
    candidates: list[tuple[str, str]] = []
    for content in entry.get("content") or []:
        value = content.get("value")
        if isinstance(value, str):
            candidates.append((value, content.get("type") or "text/html"))
    summary = entry.get("summary")
    if isinstance(summary, str):
        detail = entry.get("summary_detail") or {}
        candidates.append((summary, detail.get("type") or "text/html"))
    if not candidates:
        return None, ""
    return max(candidates, key=lambda candidate: len(candidate[0]))


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
