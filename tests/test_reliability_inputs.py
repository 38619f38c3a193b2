"""`seismo ingest` over a folder of everything that goes wrong with real inputs, end to end.

The promise (EVENT-SCHEMA.md): a bad document is reported with a one-line reason and
skipped, the rest go on. So one run over a folder mixing broken files with three good
articles must exit 0, print no traceback, name every bad file on stderr, store the good
articles, and end with a summary whose counts match what is in the database. Every input
must be accounted for: stored, or reported as skipped, never silently lost.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import random
import re
from pathlib import Path

import duckdb
import pytest

from tests.reliability_helpers import run_cli

GOOD = {
    "invasion.txt": (
        "Russia invades Ukraine\n\n"
        "Russian forces launched a full-scale invasion of Ukraine on 24 February 2022, "
        "striking Kyiv and Kharkiv. President Volodymyr Zelensky declared martial law the "
        "same day. The United States condemned the attack and announced sanctions against "
        "Russian banks on 24 February 2022.\n"
    ),
    "sanctions.txt": (
        "Japan freezes Russian assets\n\n"
        "Japan imposed sanctions on Russia on 1 March 2022, freezing the assets of the "
        "Russian central bank. Prime Minister Fumio Kishida said Tokyo would act together "
        "with the Group of Seven. Russia criticised Japan for the measures.\n"
    ),
    "summit.txt": (
        "Leaders meet in Pyongyang\n\n"
        "South Korean President Moon Jae-in met North Korean leader Kim Jong Un in "
        "Pyongyang on 18 September 2018. The two leaders signed an agreement to reduce "
        "military tensions along the border on 19 September 2018.\n"
    ),
}

DRILLS_PAGE = (
    "<html><head><title>Joint drills</title></head><body><article>"
    "<h1>Joint drills in the East China Sea</h1><p>China and Russia held joint naval "
    "exercises in the East China Sea on 21 December 2022, the defence ministries of both "
    "countries said.</p><p>The drills lasted a week and involved destroyers, submarines and "
    "aircraft from both navies.</p></article></body></html>"
)

# Files that cannot give a document: each must be named on stderr with a reason.
MUST_SKIP = {
    "empty.txt",
    "binary.txt",
    "huge.txt",
    "nobody.html",
    "empty-feed.rss",
    "photo.png",
}
# JSONL lines that must be reported as "<file>:<line>".
BAD_JSONL_LINES = {2, 3, 4, 5, 6}


def _warc_gz(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()


def build_inputs(folder: Path) -> None:
    """The folder of inputs: good articles among every kind of broken file."""
    rng = random.Random(20220224)
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)) + b"\0")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "invalid-utf8.txt").write_bytes(
        b"Talks resumed \xc3\x28 in Geneva \xa0\xa1 on \xf0\x28\x8c\x28 Monday.\n"
    )
    (folder / "cp1252.txt").write_bytes(
        "\u201cWe will not accept this,\u201d the French minister said \u2013 caf\u00e9 talks "
        "ended in Paris on 3 March 2022.\n".encode("cp1252")
    )
    (folder / "shift-jis.txt").write_bytes(
        "岸田文雄首相は2022年3月1日、ロシアに対する制裁を発表した。".encode("shift_jis")
    )
    (folder / "languages.txt").write_text(
        "Die Bundesregierung verhängte am 27. Februar 2022 Sanktionen gegen Russland.\n"
        "Правительство Японии ввело санкции против России 1 марта 2022 года.\n"
        "El Gobierno de España condenó la invasión el 24 de febrero de 2022.\n"
        "日本政府は2022年3月1日にロシアへの制裁を発表した。\n",
        encoding="utf-8",
    )
    (folder / "february-31.txt").write_text(
        "Japan imposed sanctions on Russia on 31 February 2022, officials said.\n",
        encoding="utf-8",
    )
    # 50 MB of text: over the 20 MB file limit, skipped without being read.
    line = b"The delegates met again and the talks went on without result.\n"
    with (folder / "huge.txt").open("wb") as out:
        out.write(line * (50_000_000 // len(line) + 1))
    # One line of 5 MB with no sentence end: coded up to the document limit, never hangs,
    # and a note says what was left out.
    words = [
        rng.choice(["talks", "delegates", "the", "border", "trade", "said"]) for _ in range(900_000)
    ]
    (folder / "one-line.txt").write_text(" ".join(words)[:5_000_000], encoding="utf-8")
    (folder / "nobody.html").write_text(
        "<html><head><title>Nothing here</title></head></html>", encoding="utf-8"
    )
    depth = 100_000
    (folder / "nested.html").write_text(
        "<html><body>" + "<div>" * depth + "Deep text." + "</div>" * depth + "</body></html>",
        encoding="utf-8",
    )
    good_line = {
        "id": "jsonl-good",
        "text": "Japan expelled eight Russian diplomats on 8 April 2022.",
    }
    (folder / "mixed.jsonl").write_text(
        "\n".join(
            [
                json.dumps(good_line),
                '{"id": "broken", "text": "unterminated',
                "[1, 2, 3]",
                '{"id": "no-text"}',
                '{"id": "wrong-type", "text": 42}',
                '{"id": "nested", "text": ' + "[" * 50_000 + "]" * 50_000 + "}",
                json.dumps({"id": "jsonl-good-2", "html": DRILLS_PAGE}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    page = "<html><body><article><p>{}</p></article></body></html>"
    archive = _warc_gz(
        [
            (
                "https://example.org/a",
                page.format("Germany halted the Nord Stream 2 pipeline on 22 February 2022. " * 20),
            ),
            (
                "https://example.org/b",
                page.format("Finland applied to join NATO on 18 May 2022. " * 200),
            ),
        ]
    )
    (folder / "crawl.warc.gz").write_bytes(archive[: int(len(archive) * 0.7)])
    (folder / "empty-feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<link>https://example.org</link><description>none</description></channel></rss>",
        encoding="utf-8",
    )


SKIP_LINE = re.compile(r"^seismo: skipped (?P<where>.+?): (?P<reason>.+)$")
SUMMARY = re.compile(
    r"^seismo: coded (?P<docs>\d+) documents, (?P<events>\d+) events.*skipped (?P<skipped>\d+)"
)


@pytest.mark.slow
def test_ingest_survives_a_folder_of_bad_inputs(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    build_inputs(inputs)
    db = tmp_path / "bad.duckdb"

    result = run_cli("ingest", str(inputs), "--db", str(db), timeout=600)

    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    skips = [m for m in map(SKIP_LINE.match, lines) if m]
    skipped_where = [m["where"] for m in skips]
    for name in MUST_SKIP:
        assert any(where == str(inputs / name) for where in skipped_where), (name, lines)
    for number in BAD_JSONL_LINES:
        assert f"{inputs / 'mixed.jsonl'}:{number}" in skipped_where, (number, lines)
    assert any(where.startswith(str(inputs / "crawl.warc.gz")) for where in skipped_where)
    for match in skips:  # a reason is one short line, not a dump
        assert 0 < len(match["reason"]) < 300

    con = duckdb.connect(str(db), read_only=True)
    try:
        docs = con.execute("SELECT doc_id, path, content_hash FROM documents").fetchall()
        events = con.execute("SELECT doc_id, date FROM events").fetchall()
    finally:
        con.close()
    doc_ids = {doc_id for doc_id, _, _ in docs}
    assert {Path(name).stem for name in GOOD} <= doc_ids
    assert {"jsonl-good", "jsonl-good-2", "https://example.org/a"} <= doc_ids
    good_events = [e for e in events if e[0] in {Path(n).stem for n in GOOD}]
    assert good_events, "the three good articles gave no events at all"
    for _, date in events:  # "31 February 2022" never becomes an impossible date
        if date:
            dt.date.fromisoformat(date + "-01" * (2 - date.count("-")))

    # Every file is accounted for: a stored document, or a skip line that names it.
    stored_paths = {path for _, path, _ in docs}
    for file in inputs.iterdir():
        named = str(file)
        assert named in stored_paths or any(w.startswith(named) for w in skipped_where), named

    summary = [m for m in map(SUMMARY.match, lines) if m]
    assert len(summary) == 1, lines[-5:]
    assert int(summary[0]["docs"]) == len(docs)
    assert int(summary[0]["events"]) == len(events)
    assert int(summary[0]["skipped"]) == len(skips)
    # Every line on stderr is a skip report, a note or warning the user acts on (a document
    # read with a repair or coded in part, documents without a publication date) or the
    # summary: nothing else leaks out.
    notes = [ln for ln in lines if ln.startswith(("seismo: note: ", "seismo: warning: "))]
    assert any("one-line.txt: coded the first" in n and "were left out" in n for n in notes)
    assert len(lines) == len(skips) + len(notes) + 1, [
        ln for ln in lines if not SKIP_LINE.match(ln) and ln not in notes
    ]


def test_truncated_gzip_is_reported_not_raised(tmp_path: Path) -> None:
    """The unit under the CLI: a .jsonl.gz cut mid-stream keeps its good lines."""
    from seismo.ingest import read_inputs
    from seismo.model import Document, Skipped

    lines = "".join(
        json.dumps({"id": f"d{i}", "text": f"Story {i}: talks went on in Geneva."}) + "\n"
        for i in range(200)
    )
    data = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_inputs([str(path)]))
    assert all(isinstance(i, Document | Skipped) for i in items)
    assert isinstance(items[-1], Skipped) and "truncated" in items[-1].reason
    assert sum(isinstance(i, Document) for i in items) > 0
