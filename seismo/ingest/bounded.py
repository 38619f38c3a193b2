"""Gzip read with caps, so a small archive cannot expand into hours of work or gigabytes.

A 4 MB `.warc.gz` of zeros expands to 4 GB; read as a WARC it is one header line that never
ends, and the archive reader's line buffer grows by concatenation: time grows with the
square of the size and memory with the size. Real text compresses 3 to 20 times, so the
ratio of bytes out to bytes in is checked as the stream is read (after a first megabyte,
where headers can compress unusually well), together with a cap on the total. Both stop
the read at once, in time linear in what was read.
"""

from __future__ import annotations

import gzip
from typing import IO, Any

# Decompressed bytes per compressed byte above which a stream is a bomb, not text.
MAX_RATIO = 200
# Bytes that may come out before the ratio is checked (a header compresses well).
RATIO_GRACE = 1 << 20
# Bytes one archive may expand to in all.
MAX_EXPANDED = 8 << 30


class ExpansionLimit(Exception):
    """The stream expanded past a cap; the message says which."""


class BoundedGzip:
    """A GzipFile over `raw` whose reads stop with `ExpansionLimit` past the caps.

    It offers what the readers use (read, read1, readline); the compressed position is taken
    from `raw.tell()`, so the ratio is that of the bytes read so far, not of the whole file.
    """

    def __init__(
        self,
        raw: IO[bytes],
        *,
        max_ratio: float = MAX_RATIO,
        max_expanded: int = MAX_EXPANDED,
        grace: int = RATIO_GRACE,
    ) -> None:
        self.raw = raw
        self.start = raw.tell()
        self.gzip = gzip.GzipFile(fileobj=raw)
        self.max_ratio, self.max_expanded, self.grace = max_ratio, max_expanded, grace
        self.out = 0

    def _count(self, data: Any) -> Any:
        self.out += len(data)
        if self.out > self.max_expanded:
            raise ExpansionLimit(f"more than {self.max_expanded:,} bytes once decompressed")
        if self.out > self.grace:
            read_in = max(1, self.raw.tell() - self.start)
            if self.out > self.max_ratio * read_in:
                raise ExpansionLimit(
                    f"{self.out:,} bytes from {read_in:,} compressed, a ratio over "
                    f"{self.max_ratio}:1 (a decompression bomb, not text)"
                )
        return data

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            size = 1 << 20  # never "everything at once": the caps must see each step
        return self._count(self.gzip.read(size))

    def read1(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            size = 1 << 20
        return self._count(self.gzip.read1(size))

    def readline(self, size: int = -1, /) -> bytes:
        if size is not None and size >= 0:
            return self._count(self.gzip.readline(size))
        parts = []  # a whole line, a megabyte at a time, so the caps see each step
        while True:
            part = self._count(self.gzip.readline(1 << 20))
            parts.append(part)
            if not part or part.endswith(b"\n"):
                return b"".join(parts)

    def close(self) -> None:
        self.gzip.close()

    def __enter__(self) -> BoundedGzip:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
