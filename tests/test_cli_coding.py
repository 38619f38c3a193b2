"""The coding commands end to end: code, ingest, eval, demo and dictionary check.

Texts are written here about real events with one clear reading each; the coder is still
improving, so the tests assert those clear cases and the structure, not counts on a corpus.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import seismo.cli.coding  # noqa: F401  (registers the commands)
import seismo.cli.dictionary  # noqa: F401
from seismo.cli.app import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]

SANCTIONS = "On 8 March 2022, Japan imposed sanctions on Russian banks."
MEETING = "On 22 January 2019, Japanese Prime Minister Shinzo Abe met Vladimir Putin in Moscow."
INVASION = "On 24 February 2022, Russia invaded Ukraine."


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def events_of(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


@pytest.fixture()
def texts(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "sanctions.txt").write_text(f"{SANCTIONS}\n", encoding="utf-8")
    (folder / "meeting.txt").write_text(f"{MEETING}\n", encoding="utf-8")
    return folder


def sanctions_event(rows: list[dict]) -> dict:
    found = [r for r in rows if r["source"]["country"] == "JPN" and r["root"] == "16"]
    assert found, rows
    return found[0]


def test_code_prints_the_event_as_jsonl(texts):
    result = run("code", str(texts / "sanctions.txt"), "--published", "2022-04-30")
    assert result.exit_code == 0, result.output
    event = sanctions_event(events_of(result.stdout))
    assert event["doc_id"] == "sanctions" and event["target"]["country"] == "RUS"
    assert event["date"] == "2022-03-08" and event["date_precision"] == "day"
    assert event["quad_class"] == 4 and event["sentence"] == SANCTIONS


def test_code_reads_a_directory_and_stdin(texts):
    result = run("code", str(texts))
    assert {e["doc_id"] for e in events_of(result.stdout)} == {"sanctions", "meeting"}
    docs = [{"id": "wire-1", "text": INVASION, "published": "2022-02-25"}]
    piped = run("code", "-", stdin="".join(json.dumps(d) + "\n" for d in docs))
    assert piped.exit_code == 0, piped.output
    rows = events_of(piped.stdout)
    assert rows and all(r["doc_id"] == "wire-1" for r in rows)
    assert any(r["source"]["country"] == "RUS" and r["root"] == "19" for r in rows)


def test_code_csv_and_table(texts):
    result = run("code", str(texts / "sanctions.txt"), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 0
    row = next(r for r in rows if r["root"] == "16")
    assert row["source_country"] == "JPN" and row["target_country"] == "RUS"
    assert row["event_date"] == "2022-03-08" and row["plover_type"] == "COERCE"
    table = run("code", str(texts / "sanctions.txt"), "--format", "table")
    assert table.exit_code == 0 and "163" in table.stdout and "2022-03-08" in table.stdout


def test_code_leaves_negated_events_out_unless_asked(tmp_path):
    path = tmp_path / "denial.txt"
    path.write_text("In 2023, Japan did not impose sanctions on China.\n", encoding="utf-8")
    default = events_of(run("code", str(path)).stdout)
    assert all(e["modality"] in ("asserted", "intended") for e in default)
    everything = events_of(run("code", str(path), "--modality", "all").stdout)
    assert any(e["modality"] == "negated" and e["root"] == "16" for e in everything)
    negated = events_of(run("code", str(path), "--modality", "negated").stdout)
    assert negated and all(e["modality"] == "negated" for e in negated)


def test_modality_takes_a_repeated_option_or_a_comma_list(tmp_path):
    path = tmp_path / "both.txt"
    path.write_text(
        "In 2023, Japan did not impose sanctions on China. In 2024, Japan imposed sanctions on "
        "China.\n",
        encoding="utf-8",
    )
    repeated = run("code", str(path), "--modality", "negated", "--modality", "asserted")
    comma = run("code", str(path), "--modality", "negated,asserted")
    assert repeated.exit_code == 0 and comma.exit_code == 0, repeated.stderr + comma.stderr
    assert repeated.stdout == comma.stdout
    assert {e["modality"] for e in events_of(comma.stdout)} == {"negated", "asserted"}
    assert run("code", str(path), "--modality", "asserted,maybe").exit_code != 0


def test_code_rejects_bad_options_in_one_line(texts):
    for args in (["--format", "xml"], ["--published", "March"], ["--modality", "maybe"]):
        result = run("code", str(texts), *args)
        assert result.exit_code != 0
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("seismo: error:")


def test_code_reports_bad_documents_and_goes_on(texts):
    (texts / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    result = run("code", str(texts), str(texts / "absent.txt"))
    assert result.exit_code == 0
    assert "broken.txt" in result.stderr and "binary" in result.stderr
    assert "absent.txt" in result.stderr
    assert {e["doc_id"] for e in events_of(result.stdout)} == {"sanctions", "meeting"}


def test_code_fails_when_nothing_can_be_read(tmp_path):
    result = run("code", str(tmp_path / "absent.txt"))
    assert result.exit_code == 1 and "E016" in result.stderr


def test_code_stances(tmp_path):
    path = tmp_path / "strategy.txt"
    path.write_text(
        "In December 2022, Japan's new National Security Strategy called China the greatest "
        "strategic challenge.\n",
        encoding="utf-8",
    )
    result = run("code", str(path), "--stances")
    assert result.exit_code == 0
    rows = events_of(result.stdout)
    assert all("stance_id" in row and "event_id" not in row for row in rows)
    assert any(
        (r["holder"]["country"], r["stance"], r["subject"]["country"])
        == ("JPN", "challenge", "CHN")
        for r in rows
    )


def counts(db: Path) -> tuple[int, int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return tuple(
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "events", "stances")
        )
    finally:
        con.close()


def test_ingest_twice_adds_nothing_twice(texts, tmp_path):
    db = tmp_path / "t.duckdb"
    first = run("ingest", str(texts), "--db", str(db), "--batch-size", "1")
    assert first.exit_code == 0, first.output
    assert "coded 2 documents" in first.stderr and "already stored 0" in first.stderr
    stored = counts(db)
    assert stored[0] == 2 and stored[1] >= 2
    second = run("ingest", str(texts), "--db", str(db))
    assert second.exit_code == 0
    assert "coded 0 documents" in second.stderr and "already stored 2" in second.stderr
    assert counts(db) == stored


def test_ingest_skips_a_corrupt_file_and_stores_the_rest(texts, tmp_path):
    (texts / "feed.jsonl").write_text(
        json.dumps({"id": "wire-1", "text": INVASION}) + "\n{not json\n", encoding="utf-8"
    )
    (texts / "broken.txt").write_bytes(b"\x00\x00\x00")
    db = tmp_path / "t.duckdb"
    result = run("ingest", str(texts), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "broken.txt" in result.stderr and "malformed JSON" in result.stderr
    assert "coded 3 documents" in result.stderr and "skipped 2" in result.stderr
    con = duckdb.connect(str(db), read_only=True)
    docs = {r[0] for r in con.execute("SELECT doc_id FROM events").fetchall()}
    con.close()
    assert {"sanctions", "meeting", "wire-1"} <= docs


def test_ingest_with_workers_still_stores(texts, tmp_path):
    """With --workers 2 it uses seismo.scale.workers, or falls back to one with a warning."""
    db = tmp_path / "t.duckdb"
    result = run("ingest", str(texts), "--db", str(db), "--workers", "2")
    assert result.exit_code == 0, result.output
    assert counts(db)[0] == 2


def test_ingest_fails_when_nothing_can_be_read(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00")
    result = run("ingest", str(bad), "--db", str(tmp_path / "t.duckdb"))
    assert result.exit_code == 1 and "skipped 1" in result.stderr


def test_eval_prints_precision_recall_f1(texts, tmp_path):
    gold = tmp_path / "gold.jsonl"
    rows = [
        {"doc": "sanctions", "evidence": "imposed sanctions on Russian banks", "source": "JPN",
         "target": "RUS", "root": ["16"], "date": "2022-03-08", "symmetric": False},
        {"doc": "meeting", "evidence": "Abe met Vladimir Putin", "source": "RUS",
         "target": "JPN", "root": ["04"], "date": "2019-01-22", "symmetric": True},
        {"doc": "meeting", "evidence": "in Moscow", "source": "JPN", "target": "CHN",
         "root": ["19"], "date": None, "symmetric": False},
    ]  # fmt: skip
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = run("eval", "--gold", str(gold), str(texts), "--show-misses")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("F1 ") and " P " in lines[-1] and " R " in lines[-1]
    assert "strict F1" in result.stdout and "miss meeting: JPN->CHN" in result.stdout
    as_json = json.loads(run("eval", "--gold", str(gold), str(texts), "--json").stdout)
    assert as_json["gold"] == 3 and 1 <= as_json["matched"] <= 2
    assert {"precision", "recall", "f1", "strict_f1", "date_accuracy"} <= set(as_json)
    assert "misses" not in as_json


def test_eval_refuses_a_bad_gold_file(texts, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc": "x"}\n', encoding="utf-8")
    result = run("eval", "--gold", str(gold), str(texts))
    assert result.exit_code == 1 and "E008" in result.stderr and "line 1" in result.stderr


def test_demo_without_serving_stores_the_sample_corpus(tmp_path):
    db = tmp_path / "demo.duckdb"
    result = run("demo", "--db", str(db), "--no-serve")
    assert result.exit_code == 0, result.output
    documents, events, _ = counts(db)
    assert documents > 100 and events > documents
    assert "busiest dyads" in result.stdout and "JPN–RUS" in result.stdout
    # a second demo into a file that is not the default demo database needs --overwrite
    again = run("demo", "--db", str(db), "--no-serve")
    assert again.exit_code == 1 and "--overwrite" in again.stderr


ACTOR_OVERLAY = "bodies:\n  - {id: jcg, country: JPN, sector: MIL, names: [JCG]}\n"
PATTERN_OVERLAY = 'verbs:\n  shun: [{code: "172"}]\nnouns:\n  snub: {code: "172"}\n'


@pytest.mark.parametrize("text", [ACTOR_OVERLAY, PATTERN_OVERLAY, ACTOR_OVERLAY + PATTERN_OVERLAY])
def test_dictionary_check_accepts_a_good_overlay(tmp_path, text):
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("dictionary", "check", str(path))
    assert result.exit_code == 0, result.output
    assert "valid dictionary overlay" in result.stdout


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bodies:\n  - {id: x, country: XXX, sector: GOV, names: [Xland House]}\n", "country"),
        ('verbs:\n  shun: [{code: "999"}]\n', "999"),
        ('verbs:\n  shun: [{code: "172", target: [elsewhere]}]\n', "slot"),
        ("verbs: [unclosed\n", "E005"),
    ],
)
def test_dictionary_check_reports_errors(tmp_path, text, expected):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("dictionary", "check", str(path))
    assert result.exit_code == 1
    assert expected in result.stdout + result.stderr


def test_dictionary_check_notes_an_override_without_failing(tmp_path):
    path = tmp_path / "georgia.yaml"
    path.write_text("bodies:\n  - {id: ga, country: USA, sector: GOV, names: [Georgia]}\n")
    result = run("dictionary", "check", str(path))
    assert result.exit_code == 0 and "note:" in result.stdout and "Georgia" in result.stdout


def test_code_uses_a_pattern_dictionary(tmp_path):
    text = tmp_path / "snub.txt"
    text.write_text("In 2021, Japan shunned Russia.\n", encoding="utf-8")
    overlay = tmp_path / "mine.yaml"
    overlay.write_text('verbs:\n  shun: [{code: "172"}]\n', encoding="utf-8")
    rows = events_of(run("code", str(text), "--dictionary", str(overlay)).stdout)
    assert any(r["cameo"] == "172" and r["source"]["country"] == "JPN" for r in rows)
    missing = run("code", str(text), "--dictionary", str(tmp_path / "absent.yaml"))
    assert missing.exit_code == 1 and "E002" in missing.stderr


@pytest.mark.parametrize(
    "command",
    [[], ["code"], ["ingest"], ["eval"], ["demo"], ["dictionary"], ["dictionary", "check"]],
)
def test_every_command_has_help(command):
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Usage" in result.stdout


def test_a_real_process_codes_and_ingests(texts, tmp_path):
    """The console entry point, as a user runs it: a pipe on stdout, no progress bar."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-c", "from seismo.cli import main; main()"]
    coded = subprocess.run(
        [*cmd, "code", str(texts / "sanctions.txt")], capture_output=True, text=True, env=env
    )
    assert coded.returncode == 0, coded.stderr
    assert sanctions_event(events_of(coded.stdout))["date"] == "2022-03-08"
    db = tmp_path / "t.duckdb"
    stored = subprocess.run(
        [*cmd, "ingest", str(texts), "--db", str(db)], capture_output=True, text=True, env=env
    )
    assert stored.returncode == 0 and stored.stderr.startswith("seismo: coded 2 documents")
    assert counts(db)[0] == 2


def test_code_and_ingest_warn_once_about_documents_without_a_publication_date(texts, tmp_path):
    coded = run("code", str(texts))
    assert coded.exit_code == 0, coded.output
    assert coded.stderr.count("no publication date") == 1
    assert "2 document(s) had no publication date" in coded.stderr
    dated = run("code", str(texts), "--published", "2022-04-30")
    assert "no publication date" not in dated.stderr
    ingested = run("ingest", str(texts), "--db", str(tmp_path / "w.duckdb"))
    assert ingested.stderr.count("2 document(s) had no publication date") == 1


def test_ingest_with_a_new_publication_date_codes_again(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "lead.txt").write_text("Japan imposed sanctions on Russia on Monday.\n", "utf-8")
    db = tmp_path / "r.duckdb"
    first = run("ingest", str(folder), "--db", str(db))
    assert first.exit_code == 0, first.output
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM events WHERE date IS NOT NULL").fetchone()[0] == 0
    con.close()
    again = run("ingest", str(folder), "--db", str(db), "--published", "2023-05-10")
    assert "re-coded 1 for a new publication date" in again.stderr, again.stderr
    con = duckdb.connect(str(db), read_only=True)
    dates = con.execute("SELECT DISTINCT date, date_basis FROM events").fetchall()
    con.close()
    assert dates == [("2023-05-08", "text")]
    same = run("ingest", str(folder), "--db", str(db), "--published", "2023-05-10")
    assert "already stored 1" in same.stderr
