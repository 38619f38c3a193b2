"""Does `confidence` mean something? Precision of predictions by confidence band.

Uses the seed dev set (../shared/eval) and the plover-gsr-cameo peer suite: each prediction
is right when it matches a gold event (same rules as the scorers), and the bands should show
precision rising with confidence.

    .venv/bin/python benchmarks/bench_calibration.py
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

BANDS = ((0.0, 0.6), (0.6, 0.75), (0.75, 0.85), (0.85, 1.01))


def seed_predictions() -> list[tuple[float, bool]]:
    from seismo.evaluation import score
    from seismo.model import Document
    from seismo.pipeline import code_documents

    text = (SHARED / "seed" / "japan-awakening.txt").read_text(encoding="utf-8")
    doc = Document("japan-awakening", text, published=dt.date(2022, 4, 30))
    coded = next(iter(code_documents([doc])))
    preds = [e.to_dict() for e in coded.events if e.modality in ("asserted", "intended")]
    gold = [json.loads(line) for line in (SHARED / "eval" / "seed-gold.jsonl").open()]
    hits = {id(p) for p in score(gold, preds)["hits"]}
    return [(p["confidence"], id(p) in hits) for p in preds]


def suite_predictions(name: str) -> list[tuple[float, bool]]:
    from bench_peer_suites import _load, code_suite, score_suite

    records = _load(name)
    coded, _, _ = code_suite(records)
    score_suite(name, records, coded)  # marks each matched prediction with "hit"
    return [(p["confidence"], bool(p.get("hit"))) for preds in coded.values() for p in preds]


def report(label: str, rows: list[tuple[float, bool]]) -> None:
    print(f"{label}: {len(rows)} predictions")
    for lo, hi in BANDS:
        band = [ok for conf, ok in rows if lo <= conf < hi]
        if band:
            print(f"  confidence {lo:.2f}-{min(hi, 1):.2f}: {len(band):4} predictions, "
                  f"precision {sum(band) / len(band):.2f}")  # fmt: skip


def main() -> int:
    if not SHARED.is_dir():
        print(f"no ../shared at {SHARED}", file=sys.stderr)
        return 1
    report("seed dev set", seed_predictions())
    report("plover-gsr-cameo", suite_predictions("plover-gsr-cameo"))
    report("petrarch2-gsr-validation", suite_predictions("petrarch2-gsr-validation"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
