"""read_inputs as the CLI uses it: many paths, directories, bad files among good ones."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from seismo.dates import parse_published
from seismo.errors import Skips
from seismo.ingest import read_inputs
from seismo.ingest.published import choose_published
from seismo.model import Document, Skipped

GOOD_PAGE = (
    "<html><body><article><p>Nairobi and Addis Ababa opened a new rail link between "
    "the two capitals on Saturday, the transport ministries said.</p></article></body></html>"
)


def make_mixed_directory(root: Path) -> dict[str, Path]:
    (root / "nested" / "deeper").mkdir(parents=True)
    files = {
        "good_txt": root / "b-brief.txt",
        "good_html": root / "nested" / "a-page.html",
        "good_jsonl": root / "nested" / "deeper" / "c-wire.jsonl",
        "empty": root / "d-empty.txt",
        "binary": root / "e-blob.txt",
        "unknown": root / "f-slides.pdf",
        "no_body": root / "nested" / "g-head.htm",
        "hidden": root / ".cache.txt",
    }
    files["good_txt"].write_text("Accra and Lome agreed on a customs deal.", encoding="utf-8")
    files["good_html"].write_text(GOOD_PAGE, encoding="utf-8")
    files["good_jsonl"].write_text(
        json.dumps({"id": "w1", "text": "Dakar hosted the summit."})
        + "\n{oops\n"
        + json.dumps({"id": "w3", "text": "Bamako sent a delegation."})
        + "\n",
        encoding="utf-8",
    )
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(b"\x00\x01\x02" * 100)
    files["unknown"].write_bytes(b"%PDF-1.4")
    files["no_body"].write_text("<html><head></head></html>", encoding="utf-8")
    files["hidden"].write_text("editor litter", encoding="utf-8")
    return files


def test_directory_mixing_good_and_bad_files(tmp_path: Path) -> None:
    files = make_mixed_directory(tmp_path)
    results = list(read_inputs([str(tmp_path)]))
    documents = [r for r in results if isinstance(r, Document)]
    skipped = {r.where: r.reason for r in results if isinstance(r, Skipped)}
    assert sorted(d.doc_id for d in documents) == ["a-page", "b-brief", "w1", "w3"]
    assert skipped == {
        str(files["empty"]): Skips.S001,
        str(files["binary"]): Skips.S002,
        str(files["unknown"]): Skips.S009.format(suffix=".pdf"),
        str(files["no_body"]): Skips.S004,
        f"{files['good_jsonl']}:2": Skips.S005.format(
            line=2, reason="Expecting property name enclosed in double quotes"
        ),
    }


def test_directory_is_walked_in_sorted_order(tmp_path: Path) -> None:
    make_mixed_directory(tmp_path)
    wheres = [
        r.path if isinstance(r, Document) else r.where.split(":")[0]
        for r in read_inputs([str(tmp_path)])
    ]
    files_in_order = list(dict.fromkeys(wheres))
    # Entries of a folder sorted by name, a subfolder read where its name falls.
    assert [Path(p).name for p in files_in_order] == [
        "b-brief.txt",
        "d-empty.txt",
        "e-blob.txt",
        "f-slides.pdf",
        "a-page.html",
        "c-wire.jsonl",
        "g-head.htm",
    ]


def test_recursive_false_reads_only_the_top_folder(tmp_path: Path) -> None:
    make_mixed_directory(tmp_path)
    results = list(read_inputs([str(tmp_path)], recursive=False))
    assert [r.doc_id for r in results if isinstance(r, Document)] == ["b-brief"]
    assert all("nested" not in getattr(r, "where", "") for r in results)


def test_missing_path_is_skipped_not_raised(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.txt")
    good = tmp_path / "here.txt"
    good.write_text("Lusaka and Harare signed.", encoding="utf-8")
    results = list(read_inputs([missing, str(good)]))
    assert results[0] == Skipped(missing, Skips.S013)
    assert isinstance(results[1], Document)


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("a,b\n", encoding="utf-8")
    assert list(read_inputs([str(path)])) == [Skipped(str(path), Skips.S009.format(suffix=".csv"))]


def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Rabat and Algiers exchanged notes.", encoding="utf-8")
    path.chmod(0)
    try:
        if _can_read(path):
            pytest.skip("running with permissions that ignore chmod (root)")
        [result] = list(read_inputs([str(path)]))
        assert isinstance(result, Skipped) and result.reason.startswith("cannot read")
    finally:
        path.chmod(0o644)


def _can_read(path: Path) -> bool:
    try:
        path.read_bytes()
    except OSError:
        return False
    return True


def test_inputs_are_streamed_lazily(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for number in range(1000):
            stream.write(json.dumps({"id": number, "text": f"Report {number}."}) + "\n")
    stream_of_documents = read_inputs([str(path)])
    first = next(stream_of_documents)
    assert isinstance(first, Document) and first.doc_id == "0"
    assert sum(1 for _ in stream_of_documents) == 999


def test_published_values_parse() -> None:
    assert parse_published("2022-04-30T10:00:00Z") == dt.date(2022, 4, 30)
    assert parse_published(dt.datetime(2022, 4, 30, 9)) == dt.date(2022, 4, 30)
    assert parse_published("not a date") is None
    assert parse_published(True) is None
    assert parse_published(["2022-04-30"]) is None
    assert choose_published(None, "2001-09-12", "") == (dt.date(2001, 9, 12), "metadata")
    assert choose_published(None, None, "", crawled="2003-01-02") == (
        dt.date(2003, 1, 2),
        "warc-date",
    )


def test_dateline_under_the_title_dates_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "dated.txt"
    path.write_text(
        "Baltic states tighten border checks\n\n30 April 2022\n\n"
        "Estonia, Latvia and Lithuania said on Friday they would tighten checks.\n",
        encoding="utf-8",
    )
    [document] = list(read_inputs([str(path)]))
    assert isinstance(document, Document)
    assert (document.published, document.published_source) == (dt.date(2022, 4, 30), "dateline")


def test_unix_timestamp_in_a_record() -> None:
    # 1651312440 is 2022-04-30 09:54 UTC
    assert parse_published(1651312440) == dt.date(2022, 4, 30)


def test_metadata_wins_over_dateline(tmp_path: Path) -> None:
    record = {"id": "m", "text": "30 April 2022\n\nRiga said...", "published": "2022-05-01"}
    path = tmp_path / "m.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [document] = list(read_inputs([str(path)]))
    assert (document.published, document.published_source) == (dt.date(2022, 5, 1), "metadata")
