"""Plain-text files: bytes to text in whatever encoding the file was saved in.

News dumps come in UTF-8, but also in Windows code pages (smart quotes in cp1252), Shift-JIS
from Japanese sites and UTF-16 from Windows tools. We try what the bytes announce (a BOM),
then strict UTF-8, then charset detection; a file that is none of these is binary and is
skipped with a reason rather than coded as noise.

A file that is UTF-8 but for a few stray bytes (a truncated copy, one Latin-1 character
pasted in) stays UTF-8: the bad bytes become U+FFFD and the document carries a warning
with their count. Handing such a file to the detector decoded all of it in a code page
that fits every byte ("Türkiye’s" as "T√ºrkiye‚Äôs"), silently losing its events.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import threading
from pathlib import Path

from charset_normalizer import from_bytes

from seismo.errors import Skips
from seismo.ingest.boilerplate import strip_boilerplate
from seismo.ingest.published import choose_published
from seismo.model import Document, Skipped

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Detection looks at a sample; more would cost seconds on a large dump and decide nothing new.
_DETECTION_SAMPLE = 256_000

# Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.05


_counts = threading.local()


def _count_bad_bytes(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    _counts.bad += error.end - error.start
    _counts.replaced += 1
    return "\ufffd", error.end


codecs.register_error("seismo-count-bad-bytes", _count_bad_bytes)


def lenient_utf8(data: bytes) -> tuple[str, int, int]:
    """(text, bad bytes, valid multi-byte characters) of `data` read as UTF-8, bad bytes
    replaced by U+FFFD. One pass, linear in the size."""
    _counts.bad = _counts.replaced = 0
    text = data.decode("utf-8", errors="seismo-count-bad-bytes")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return text, _counts.bad, non_ascii - _counts.replaced


def decode_report(data: bytes) -> tuple[str | None, int]:
    """(text, bad bytes replaced): the text the bytes hold, or None when they are binary.

    Mostly valid UTF-8 (at least as many valid multi-byte characters as bad bytes) is read
    as UTF-8 with the bad bytes replaced; a file with no valid multi-byte character at all
    is a legacy code page, and the detector chooses which.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), 0
            except UnicodeDecodeError:
                return None, 0
    if b"\x00" in data:
        return None, 0
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    text, bad, multibyte = lenient_utf8(data)
    if multibyte >= bad and not _looks_binary(text):
        return text, bad
    detected = _detect_and_decode(data)
    if detected is None or _looks_binary(detected):
        return None, 0
    return detected, 0


def decode_bytes(data: bytes) -> str | None:
    """The text the bytes hold, or None when they are binary (NUL bytes or undecodable)."""
    return decode_report(data)[0]


def bad_bytes_warning(count: int) -> str:
    return f"{count} byte(s) not valid UTF-8 replaced with U+FFFD (the rest is UTF-8)"


def _detect_and_decode(data: bytes) -> str | None:
    try:
        best = from_bytes(data[:_DETECTION_SAMPLE]).best()
    except Exception:  # the detector is heuristic code; a failure means "undecodable"
        return None
    if best is None:
        return None
    # The detector may name cp1250 for English cp1252 text: it names one of the code pages
    # that decode the bytes identically, so the text is right whichever it names.
    encoding = best.encoding
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        # The sample decoded but a later byte did not: keep the text, mark the bad bytes.
        return data.decode(encoding, errors="replace")


def _looks_binary(text: str) -> bool:
    sample = text[:_DETECTION_SAMPLE]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v")
    return controls / len(sample) > _MAX_CONTROL_SHARE


_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(value: str | None, *, name: bool = False) -> str | None:
    """`value` as text every later stage can encode (UTF-8 output, Arrow, DuckDB).

    Lone surrogates cannot be encoded: they come from file names that are not UTF-8 (the
    byte kept by `os.fsdecode` as U+DC80..U+DCFF) and from JSON `\\ud800` escapes. In a
    name (`name=True`: id, path) the raw byte is kept visibly as `\\xff`, so the name still
    says which file it was; in text any lone surrogate becomes U+FFFD.
    """
    if value is None or not _SURROGATE.search(value):
        return value

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        if name and 0xDC80 <= code <= 0xDCFF:
            return f"\\x{code - 0xDC00:02x}"
        return "\ufffd"

    return _SURROGATE.sub(escape, value)


def document_from_text(
    text: str,
    doc_id: str,
    published: dt.date | None = None,
    *,
    where: str,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    metadata_published: object = None,
    crawled: object = None,
    path: str | None = None,
    named_by: str | None = None,
) -> Document | Skipped:
    """A Document from already decoded text: boilerplate dropped, publication date chosen.

    `where` names the document in a Skipped (a file, or file:line inside a container);
    `path` is the file it came from, `where` when not given.
    """
    cleaned = strip_boilerplate(text)
    if not cleaned.strip():
        return Skipped(where, Skips.S001)
    date, date_source = choose_published(published, metadata_published, cleaned, crawled)
    return Document(
        doc_id=storable(doc_id, name=True) or doc_id,
        text=storable(cleaned) or cleaned,
        title=storable(title),
        url=storable(url),
        published=date,
        published_source=date_source,
        source=storable(source),
        path=storable(path or where, name=True),
        named_by=named_by,
    )


def unreadable_file(path: Path, max_bytes: int) -> Skipped | None:
    """The Skipped for a file too large or empty to read as one document; None otherwise."""
    size = path.stat().st_size
    if size > max_bytes:
        return Skipped(str(path), Skips.S003.format(limit=max_bytes))
    if size == 0:
        return Skipped(str(path), Skips.S001)
    return None


def read_text_file(path: Path, published: dt.date | None, max_bytes: int) -> Document | Skipped:
    """One .txt file as one Document; the caller has checked that it exists."""
    where = str(path)
    if skipped := unreadable_file(path, max_bytes):
        return skipped
    text, bad = decode_report(path.read_bytes())
    if text is None:
        return Skipped(where, Skips.S002)
    doc = document_from_text(text, path.stem, published, where=where, named_by="file")
    if bad and isinstance(doc, Document):
        doc.warning = bad_bytes_warning(bad)
    return doc
