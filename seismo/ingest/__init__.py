"""Documents in, from every kind of input, one at a time, never crashing on a bad file.

`read_inputs` is the one entry point: the CLI, the API and the Spark job hand it paths and
get back a stream of `Document`s, with a `Skipped` (where, one-line reason) for each input
that could not be read. It never raises, not even for a path that does not exist: in a batch
of ten thousand files one bad path is a line in the report, not the end of the run.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from seismo.errors import Skips
from seismo.ingest.boilerplate import strip_boilerplate
from seismo.ingest.bounded import BoundedGzip, ExpansionLimit
from seismo.ingest.feeds import read_feed_file
from seismo.ingest.html import read_html_file
from seismo.ingest.jsonl import read_jsonl_stream
from seismo.ingest.text import read_text_file
from seismo.ingest.warc import read_warc_file
from seismo.model import Document, Skipped

__all__ = ["read_inputs", "strip_boilerplate", "SUFFIXES", "DEFAULT_MAX_BYTES"]

DEFAULT_MAX_BYTES = 20_000_000
STDIN = "-"

Reader = Callable[[Path, "dt.date | None", int], Iterator[Document | Skipped]]


def _one(
    read: Callable[[Path, dt.date | None, int], Document | Skipped],
) -> Reader:
    """A reader of one-document files, as a reader of many."""

    def reader(
        path: Path, published: dt.date | None, max_bytes: int
    ) -> Iterator[Document | Skipped]:
        yield read(path, published, max_bytes)

    return reader


def _read_jsonl_file(
    path: Path, published: dt.date | None, max_bytes: int
) -> Iterator[Document | Skipped]:
    # No whole-file limit: JSONL is the format for big inputs; the limit is per record.
    with path.open("rb") as stream:
        yield from read_jsonl_stream(stream, str(path), path.stem, published, max_bytes)


def _read_gzipped_jsonl_file(
    path: Path, published: dt.date | None, max_bytes: int
) -> Iterator[Document | Skipped]:
    """Crawler exports are often `.jsonl.gz`; decompressed as a stream, line by line."""
    stem = path.name[: -len(".jsonl.gz")]
    with path.open("rb") as raw, BoundedGzip(raw) as stream:
        try:
            yield from read_jsonl_stream(stream, str(path), stem, published, max_bytes)
        except ExpansionLimit as error:
            yield Skipped(str(path), Skips.S023.format(reason=_one_line(error)))
        except (EOFError, OSError, zlib.error) as error:
            yield Skipped(str(path), Skips.S007.format(reason=_one_line(error)))


# Longest suffixes first, so "x.warc.gz" is a WARC and not an unknown ".gz".
SUFFIXES: dict[str, Reader] = {
    ".warc.gz": read_warc_file,
    ".warc": read_warc_file,
    ".jsonl.gz": _read_gzipped_jsonl_file,
    ".jsonl": _read_jsonl_file,
    ".ndjson": _read_jsonl_file,
    ".txt": _one(read_text_file),
    ".html": _one(read_html_file),
    ".htm": _one(read_html_file),
    ".xml": read_feed_file,
    ".rss": read_feed_file,
    ".atom": read_feed_file,
}


def read_inputs(
    paths: Sequence[str],
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    recursive: bool = True,
) -> Iterator[Document | Skipped]:
    """Every document in `paths`, streamed, with a Skipped for each one that cannot be read.

    A path is a file (its kind chosen by suffix), a directory (its files in sorted order,
    subdirectories too when `recursive`), or `-` for JSONL on standard input. `published`
    (the `--published` flag) overrides every document's own publication date. A file larger
    than `max_bytes` is skipped; in JSONL and WARC the limit applies to each record instead.
    """
    for raw in paths:
        if raw == STDIN:
            yield from _guarded(STDIN, _read_stdin(published, max_bytes))
            continue
        path = Path(raw)
        problem = _not_readable(path)
        if problem is not None:
            yield Skipped(raw, problem)
        elif path.is_dir():
            for found in _walk(path, recursive, set()):
                if isinstance(found, Skipped):
                    yield found
                else:
                    yield from _read_file(found, published, max_bytes)
        else:
            yield from _read_file(path, published, max_bytes)


def _read_stdin(published: dt.date | None, max_bytes: int) -> Iterator[Document | Skipped]:
    stream = getattr(sys.stdin, "buffer", sys.stdin)
    yield from read_jsonl_stream(stream, "<stdin>", "stdin", published, max_bytes)


_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _not_readable(path: Path) -> str | None:
    """Why `path` is no input (missing, a link loop, a dangling link, a pipe), or None.

    A named pipe or a device is never opened: reading one blocks or never ends.
    """
    try:
        info = path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Skips.S020
        if path.is_symlink():
            return Skips.S021
        if error.errno == errno.ENOENT:
            return Skips.S013
        return Skips.S014.format(reason=_one_line(error))
    if stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode):
        return None
    kind = next((name for test, name in _KINDS if test(info.st_mode)), "a special file")
    return Skips.S022.format(kind=kind)


def _walk(directory: Path, recursive: bool, seen: set[tuple[int, int]]) -> Iterator[Path | Skipped]:
    """Files under `directory` in sorted order, and a Skipped for each entry that cannot be
    read: an unreadable folder, a link loop, a dangling link, a pipe or device. Hidden
    entries (editor and OS litter) are left out. Symbolic links to folders are followed
    once: a folder already visited (by its device and inode) is a loop."""
    try:
        info = directory.stat()
        if (info.st_dev, info.st_ino) in seen:
            yield Skipped(str(directory), Skips.S020)
            return
        seen.add((info.st_dev, info.st_ino))
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as error:
        yield Skipped(str(directory), Skips.S019.format(reason=error.strerror or _one_line(error)))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        problem = _not_readable(path)
        if problem is not None:
            yield Skipped(entry.path, problem)
        elif path.is_dir():
            if recursive:
                yield from _walk(path, recursive, seen)
        else:
            yield path


def _read_file(
    path: Path, published: dt.date | None, max_bytes: int
) -> Iterator[Document | Skipped]:
    reader = _reader_for(path)
    if reader is None:
        suffix = "".join(path.suffixes[-1:]) or path.name
        yield Skipped(str(path), Skips.S009.format(suffix=suffix))
        return
    yield from _guarded(str(path), reader(path, published, max_bytes))


def _reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    for suffix, reader in SUFFIXES.items():
        if name.endswith(suffix):
            return reader
    return None


def _guarded(where: str, documents: Iterator[Document | Skipped]) -> Iterator[Document | Skipped]:
    """The reader's documents; an error it did not foresee ends that input with a Skipped.

    Readers turn the failures they know into Skipped themselves; this is the last line of
    the promise that nothing raises out of `read_inputs`.
    """
    try:
        yield from documents
    except OSError as error:
        yield Skipped(where, Skips.S014.format(reason=_one_line(error)))
    except (Exception, RecursionError) as error:
        yield Skipped(where, Skips.S012.format(reason=_one_line(error)))


def _one_line(error: BaseException) -> str:
    message = " ".join(str(error).split()) or type(error).__name__
    return message[:200]
