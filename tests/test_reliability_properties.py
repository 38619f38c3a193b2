"""Property tests of the JSONL reader on arbitrary bytes: it never raises, and it accounts
for every line as a Document or a Skipped that names the line.

JSONL is the format for large crawler exports, where one corrupt line among a million is
normal; whatever the bytes, the reader must hand back results, never an exception.
"""

from __future__ import annotations

import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from seismo.ingest.jsonl import read_jsonl_stream
from seismo.model import Document, Skipped

MAX_BYTES = 2_000

_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
_RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "id": _JSON_VALUES,
        "text": st.one_of(st.text(max_size=200), _JSON_VALUES),
        "html": st.one_of(st.text(max_size=200), st.just("<p>Talks in Geneva.</p>")),
        "title": _JSON_VALUES,
        "published": st.one_of(st.text(max_size=12), _JSON_VALUES),
        "url": _JSON_VALUES,
        "source": _JSON_VALUES,
    },
)
_LINES = st.one_of(
    st.binary(max_size=300),
    _RECORDS.map(lambda r: json.dumps(r).encode()),
    _RECORDS.map(lambda r: json.dumps(r).encode()[: len(json.dumps(r)) // 2]),
)


def read_all(data: bytes) -> list[Document | Skipped]:
    return list(read_jsonl_stream(io.BytesIO(data), "in.jsonl", "in", None, MAX_BYTES))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=4_000))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    for item in read_all(data):
        assert isinstance(item, Document | Skipped)
        if isinstance(item, Skipped):
            assert item.where.startswith("in.jsonl:") and item.reason
            assert "\n" not in item.reason


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, max_size=8))
def test_every_nonblank_line_is_accounted_for(lines: list[bytes]) -> None:
    data = b"\n".join(line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines)
    items = read_all(data)
    physical = data.split(b"\n")
    nonblank = {
        n
        for n, line in enumerate(physical, 1)
        if line.decode("utf-8", "replace").lstrip("\ufeff").strip()
    }
    named = set()
    for item in items:
        assert isinstance(item, Document | Skipped)
        if isinstance(item, Skipped):
            named.add(int(item.where.rsplit(":", 1)[1]))
        else:
            assert item.text.strip() and item.doc_id
    # A line is a document or a reported skip; documents do not name their line, so the
    # count must match and the skipped ones must be real, non-blank lines.
    assert named <= nonblank
    assert len(items) == len(nonblank)
