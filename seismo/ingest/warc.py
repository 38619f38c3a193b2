"""WARC archives (plain or gzipped): each HTML response record is a document.

Crawls are large and often cut short (a download stopped mid-way, a disk that filled), so
we stream record by record and, when the archive breaks, keep every record read so far and
end with one Skipped that says what broke. The record's target URI is both its id and its
URL: it is what names a page across crawls. WARC-Date (when the page was fetched) dates a
document only when neither its metadata nor a dateline does.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from seismo.errors import Skips
from seismo.ingest.bounded import BoundedGzip, ExpansionLimit
from seismo.ingest.html import document_from_html
from seismo.model import Document, Skipped

_HTML_TYPES = ("text/html", "application/xhtml")
_GZIP_MAGIC = b"\x1f\x8b"
_DRAIN_CHUNK = 1 << 16


def read_warc_file(
    path: Path, published: dt.date | None, max_bytes: int
) -> Iterator[Document | Skipped]:
    """The HTML pages in one archive; `max_bytes` limits each record, not the archive."""
    where = str(path)
    with path.open("rb") as raw:
        compressed = raw.read(2) == _GZIP_MAGIC
        raw.seek(0)
        if not compressed:
            yield from read_warc_stream(raw, where, published, max_bytes)
            return
        with BoundedGzip(raw) as unzipped:
            yield from read_warc_stream(unzipped, where, published, max_bytes)


class _WatchedStream:
    """A stream that remembers the error that ended it.

    warcio reads an EOFError as "no more records", so a gzip member cut short would end the
    archive silently, as if it were complete; we want the user told.
    """

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.offset = 0
        self.error: Exception | None = None

    def read(self, size: int = -1) -> bytes:
        # read1 returns what one underlying read gives; read() would loop and lose the
        # bytes decompressed before the break when the next read fails.
        read = getattr(self.stream, "read1", self.stream.read)
        try:
            data = read(size)
        except (EOFError, OSError, zlib.error) as error:
            self.error = error
            raise _Truncated(str(error)) from error
        self.offset += len(data)
        return data

    def tell(self) -> int:
        return self.offset


class _Truncated(Exception):
    """The underlying stream broke; not an EOFError, so warcio cannot mistake it for an end."""


def read_warc_stream(
    stream: Any, where: str, published: dt.date | None, max_bytes: int
) -> Iterator[Document | Skipped]:
    """Documents from an uncompressed WARC byte stream (or a GzipFile over one)."""
    from warcio.archiveiterator import ArchiveIterator

    watched = _WatchedStream(stream)
    pages = 0
    number = 0
    try:
        for record in ArchiveIterator(watched):
            number += 1
            document = None
            if _is_html_response(record):
                document = _record_document(record, number, where, published, max_bytes)
            _drain(record)
            if getattr(record.raw_stream, "limit", 0) > 0:
                raise _Truncated(f"record {number} is shorter than its Content-Length")
            if document is not None:
                pages += 1
                yield document
    except ExpansionLimit as error:
        yield Skipped(where, Skips.S023.format(reason=_describe(error, pages)))
        return
    except Exception as error:  # warcio, gzip and zlib each raise their own kind
        yield Skipped(where, Skips.S007.format(reason=_describe(watched.error or error, pages)))
        return
    if watched.error is not None:
        yield Skipped(where, Skips.S007.format(reason=_describe(watched.error, pages)))
    elif pages == 0:
        yield Skipped(where, Skips.S018)


def _drain(record: Any) -> None:
    """Read what is left of a record, so a short one shows as a limit not reached."""
    while record.raw_stream.read(_DRAIN_CHUNK):
        pass


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return content_type.startswith(_HTML_TYPES)


def _record_document(
    record: Any, number: int, where: str, published: dt.date | None, max_bytes: int
) -> Document | Skipped:
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    record_where = f"{where}#{number}" + (f" ({uri})" if uri else "")
    # Reading one byte past the limit tells "at the limit" from "over it" without reading
    # a huge record whole.
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return Skipped(record_where, Skips.S015.format(limit=max_bytes))
    if not body.strip():
        return Skipped(record_where, Skips.S001)
    return document_from_html(
        body,
        uri or f"{Path(where).name}:{number}",
        published,
        where=record_where,
        url=uri,
        path=where,
        named_by="record" if uri else None,
        crawled=record.rec_headers.get_header("WARC-Date"),
    )


def _describe(error: BaseException, pages_read: int) -> str:
    message = " ".join(str(error).split()) or type(error).__name__
    return f"{message[:160]} ({pages_read} pages read before it)"
