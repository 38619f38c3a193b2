"""JSON Lines: a bad line costs that line only, and nothing is read whole."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from seismo.errors import Skips
from seismo.ingest import read_inputs
from seismo.model import Document, Skipped

PAGE = (
    "<html><head><title>Harbour talks</title></head><body><article>"
    "<p>Officials from Oslo and Reykjavik discussed fishing rights in the North Atlantic.</p>"
    "</article></body></html>"
)


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_malformed_lines_are_skipped_with_file_and_line_and_the_rest_go_on(
    tmp_path: Path,
) -> None:
    path = write_lines(
        tmp_path / "wire.jsonl",
        [
            json.dumps({"id": "a1", "text": "Riga expelled two diplomats."}),
            '{"id": "a2", "text": "unterminated',
            "[1, 2, 3]",
            json.dumps({"id": "a4", "title": "no body"}),
            "",
            json.dumps({"id": "a6", "text": 42}),
            json.dumps({"id": "a7", "text": "Vilnius recalled its ambassador.", "source": "Wire"}),
        ],
    )
    results = list(read_inputs([str(path)]))
    assert [type(r).__name__ for r in results] == [
        "Document",
        "Skipped",
        "Skipped",
        "Skipped",
        "Skipped",
        "Document",
    ]
    assert results[0].doc_id == "a1"
    assert results[1].where == f"{path}:2" and "line 2" in results[1].reason
    assert results[2] == Skipped(f"{path}:3", Skips.S016)
    assert results[3] == Skipped(f"{path}:4", Skips.S006)
    assert results[4] == Skipped(f"{path}:6", Skips.S017.format(field="text"))
    assert results[5].doc_id == "a7" and results[5].source == "Wire"
    assert results[5].path == str(path)


def test_all_fields_are_carried(tmp_path: Path) -> None:
    record = {
        "id": "dispatch-7",
        "text": "Canberra and Jakarta renewed their defence cooperation.",
        "title": "Defence pact renewed",
        "url": "https://news.example/dispatch-7",
        "published": "2021-08-30",
        "source": "Example Wire",
    }
    path = write_lines(tmp_path / "one.jsonl", [json.dumps(record)])
    [document] = list(read_inputs([str(path)]))
    assert document == Document(
        doc_id="dispatch-7",
        text=record["text"],
        title="Defence pact renewed",
        url="https://news.example/dispatch-7",
        published=dt.date(2021, 8, 30),
        published_source="metadata",
        source="Example Wire",
        path=str(path),
        named_by="record",  # the record's own id: a later text under it is a new version
    )


def test_missing_id_gets_file_stem_and_line(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "feed-dump.jsonl",
        ["", json.dumps({"text": "Hanoi hosted the meeting."}), json.dumps({"id": 5, "text": "x"})],
    )
    documents = list(read_inputs([str(path)]))
    assert [d.doc_id for d in documents] == ["feed-dump:2", "5"]


def test_html_records_are_extracted(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "pages.jsonl", [json.dumps({"id": "p", "html": PAGE})])
    [document] = list(read_inputs([str(path)]))
    assert isinstance(document, Document)
    assert "Oslo and Reykjavik" in document.text
    assert document.title == "Harbour talks"


def test_record_over_the_limit_is_skipped_and_the_next_is_read(tmp_path: Path) -> None:
    big = json.dumps({"id": "big", "text": "word " * 1_000_000})  # a single 5 MB line
    small = json.dumps({"id": "small", "text": "Tallinn joined the exercise."})
    path = write_lines(tmp_path / "mixed.jsonl", [small, big, small.replace("small", "after")])
    results = list(read_inputs([str(path)], max_bytes=1_000_000))
    assert [getattr(r, "doc_id", None) for r in results] == ["small", None, "after"]
    assert results[1] == Skipped(f"{path}:2", Skips.S015.format(limit=1_000_000))


def test_invalid_utf8_line_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "bytes.jsonl"
    good = json.dumps({"id": "ok", "text": "Minsk denied the report."}).encode()
    path.write_bytes(b'{"id": "bad", "text": "\xff\xfe"}\n' + good + b"\n")
    results = list(read_inputs([str(path)]))
    assert isinstance(results[0], Skipped) and "UTF-8" in results[0].reason
    assert isinstance(results[1], Document)


def test_deeply_nested_json_is_skipped(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "deep.jsonl", ["[" * 100_000 + "]" * 100_000])
    [result] = list(read_inputs([str(path)]))
    assert isinstance(result, Skipped)
    assert result.where == f"{path}:1"


def test_flag_wins_over_record_date(tmp_path: Path) -> None:
    record = {"id": "d", "text": "Sofia signed.", "published": "2010-01-01"}
    path = write_lines(tmp_path / "d.jsonl", [json.dumps(record)])
    [document] = list(read_inputs([str(path)], published=dt.date(2011, 2, 3)))
    assert (document.published, document.published_source) == (dt.date(2011, 2, 3), "flag")


@pytest.mark.parametrize("binary", [True, False])
def test_dash_reads_jsonl_from_stdin(monkeypatch: pytest.MonkeyPatch, binary: bool) -> None:
    lines = (
        json.dumps({"id": "s1", "text": "Budapest vetoed the package."})
        + "\nnot json\n"
        + json.dumps({"text": "Warsaw objected."})
        + "\n"
    )
    if binary:
        stdin = io.TextIOWrapper(io.BytesIO(lines.encode()), encoding="utf-8")
    else:
        stdin = io.StringIO(lines)
    monkeypatch.setattr(sys, "stdin", stdin)
    results = list(read_inputs(["-"]))
    assert [type(r).__name__ for r in results] == ["Document", "Skipped", "Document"]
    assert results[1].where == "<stdin>:2"
    assert results[2].doc_id == "stdin:3"


def test_gzipped_jsonl_and_its_truncation(tmp_path: Path) -> None:
    import gzip

    lines = "".join(
        json.dumps({"id": f"g{n}", "text": f"Item {n}: Lisbon and Madrid met again."}) + "\n"
        for n in range(200)
    ).encode()
    whole = tmp_path / "export.jsonl.gz"
    whole.write_bytes(gzip.compress(lines))
    documents = list(read_inputs([str(whole)]))
    assert len(documents) == 200 and documents[0].doc_id == "g0"

    cut = tmp_path / "cut.jsonl.gz"
    compressed = gzip.compress(lines)
    cut.write_bytes(compressed[: len(compressed) // 2])
    results = list(read_inputs([str(cut)]))
    assert isinstance(results[-1], Skipped)
    assert results[-1].reason.startswith("truncated or corrupt archive")
    assert all(isinstance(r, Document) for r in results[:-1])
