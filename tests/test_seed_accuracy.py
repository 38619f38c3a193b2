"""The seed article (../shared/seed), scored with the shared scorer: the floor we keep.

The figures are printed so they stay visible in every test run; the floors sit a little
under what the coder reaches today, so a change that costs accuracy fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

F1_FLOOR = 0.85
STRICT_FLOOR = 0.78
DATE_FLOOR = 0.90
STANCES_FOUND_FLOOR = 6


@pytest.fixture(scope="module")
def seed_prediction(shared_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("seed") / "pred.jsonl"
    seed = shared_dir / "seed" / "japan-awakening.txt"
    run = subprocess.run(
        [sys.executable, "-c", "from seismo.cli import main; main()", "code", str(seed),
         "--published", "2022-04-30", "--format", "jsonl"],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    out.write_text(run.stdout, encoding="utf-8")
    return out


def test_seed_f1_with_the_shared_scorer(shared_dir, seed_prediction):
    scorer = shared_dir / "eval" / "score_events.py"
    gold = shared_dir / "eval" / "seed-gold.jsonl"
    run = subprocess.run(
        [sys.executable, str(scorer), "--gold", str(gold), "--pred", str(seed_prediction), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    result = json.loads(run.stdout)
    print(f"\nseed: F1 {result['f1']} P {result['precision']} R {result['recall']} "
          f"strict F1 {result['strict_f1']} date accuracy {result['date_accuracy']}")  # fmt: skip
    assert result["f1"] >= F1_FLOOR
    assert result["strict_f1"] >= STRICT_FLOOR
    assert result["date_accuracy"] >= DATE_FLOOR


def test_seed_boilerplate_yields_no_events(shared_dir, seed_prediction):
    rows = [json.loads(line) for line in seed_prediction.read_text().splitlines() if line]
    assert rows
    for row in rows:
        assert "cookies" not in row["sentence"].lower()
        assert "[" not in row["sentence"] or "banner" not in row["sentence"]


def test_seed_historical_events_keep_their_years(shared_dir, seed_prediction):
    rows = [json.loads(line) for line in seed_prediction.read_text().splitlines() if line]
    years = {str(r["date"])[:4] for r in rows if r["date"]}
    for year in ("1945", "1956", "1960", "2013", "2014", "2018"):
        assert year in years, f"no event dated {year}"
    for row in rows:
        if "1956" in row["sentence"] and "declaration" in row["sentence"]:
            assert not str(row["date"]).startswith("2022") or "2018" in row["sentence"]


def test_seed_stances(shared_dir, nlp, coder):
    import datetime as dt

    from seismo.model import Document

    text = (shared_dir / "seed" / "japan-awakening.txt").read_text(encoding="utf-8")
    doc = Document("japan-awakening", text, published=dt.date(2022, 4, 30))
    _, stances = coder.code(doc, nlp(text))
    gold = [json.loads(line) for line in (shared_dir / "eval" / "seed-stances.jsonl").open()]
    found = {
        (s.holder.country, s.subject.country, s.stance) for s in stances if s.modality != "negated"
    }
    hits = sum((g["holder"], g["about"], g["stance"]) in found for g in gold)
    print(f"\nseed stances: {hits} of {len(gold)} found")
    assert hits >= STANCES_FOUND_FLOOR
