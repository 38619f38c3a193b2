"""Score seismo on gold data that other projects wrote (../shared/peer-suites).

Prints, per suite, precision, recall and F1 at root level (source country, target country,
root, matched one-to-one per sentence, symmetric pairs either way, `root_any` where given),
plus false positives on sentences that must yield nothing. Read each suite's README for what
its labels mean; petrarch2-unittests has WEIS codes, so only its structure is scored there.

    .venv/bin/python benchmarks/bench_peer_suites.py [--suite NAME] [--show N] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUITES = ROOT.parent / "shared" / "peer-suites"
sys.path.insert(0, str(ROOT))


def _country(code: str | None) -> str | None:
    return code[:3].upper() if code else None


def _load(name: str) -> list[dict]:
    path = SUITES / name / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _match(gold: list[dict], pred: list[dict], use_root: bool) -> int:
    """One-to-one matches between a sentence's gold and predicted events (marks `hit`)."""
    free = list(pred)
    hits = 0
    for g in gold:
        roots = set(g.get("root_any") or ([g["root"]] if g.get("root") else []))
        gs, gt = _country(g.get("source")), _country(g.get("target"))
        for p in free:
            if use_root and p["root"] not in roots:
                continue
            ps, pt = p["source"], p["target"]
            forward = (gs in (None, "---") or ps == gs) and (gt in (None, "---") or pt == gt)
            backward = g.get("symmetric") and ps == gt and pt == gs
            if forward or backward:
                free.remove(p)
                p["hit"] = True
                hits += 1
                break
    return hits


def _missed_by_root(misses: list[tuple[str, list[dict], list[dict]]]) -> str:
    """Gold events left unmatched, counted by CAMEO root: where coverage is thinnest."""
    counts: dict[str, int] = {}
    for _text, gold, pred in misses:
        free = [dict(p) for p in pred]
        for g in gold:
            if _match([g], free, True):
                free = [p for p in free if not p.get("hit")]
                continue
            root = (g.get("root_any") or [g.get("root") or "??"])[0]
            counts[root] = counts.get(root, 0) + 1
    return " ".join(f"{root}:{n}" for root, n in sorted(counts.items()))


def score_suite(name: str, records: list[dict], coded: dict[str, list[dict]]) -> dict:
    use_root = name != "petrarch2-unittests"
    n_gold = n_pred = n_hit = no_event_fp = no_event_n = 0
    misses = []
    for rec in records:
        if not rec.get("evaluate", True):
            continue
        events = [e for e in rec.get("events", [])]
        if name == "petrarch2-unittests":
            # structure only, on real-actor records: fictional actors need PETRARCH's test dictionary
            if rec.get("actors") not in ("real", "none") and rec.get("expect") != "no_events":
                continue
            events = [e for e in events if e.get("actors") == "real"]
        pred = coded.get(rec["id"], [])
        if rec.get("expect") == "no_events":
            no_event_n += 1
            no_event_fp += len(pred)
            n_pred += len(pred)
            continue
        hits = _match(events, pred, use_root)
        n_gold += len(events)
        n_pred += len(pred)
        n_hit += hits
        if hits < len(events):
            misses.append((rec["text"], events, pred))
    p = n_hit / n_pred if n_pred else 0.0
    r = n_hit / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "suite": name, "gold": n_gold, "predicted": n_pred, "matched": n_hit,
        "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3),
        "no_event_sentences": no_event_n, "no_event_false_positives": no_event_fp,
        "misses": misses,
    }  # fmt: skip


def code_suite(records: list[dict]) -> tuple[dict[str, list[dict]], float, int]:
    from seismo.model import Document
    from seismo.pipeline import code_documents

    docs = []
    for rec in records:
        published = dt.date.fromisoformat(rec["date"]) if rec.get("date") else None
        docs.append(Document(doc_id=rec["id"], text=rec["text"], published=published))
    start = time.perf_counter()
    coded: dict[str, list[dict]] = {}
    for item in code_documents(docs):
        if not hasattr(item, "events"):
            continue
        coded[item.document.doc_id] = [
            {
                "source": e.source.country,
                "target": e.target.country if e.target else None,
                "root": e.root,
                "confidence": e.confidence,
            }
            for e in item.events
            if e.modality in ("asserted", "intended")
        ]
    words = sum(len(r["text"].split()) for r in records)
    return coded, time.perf_counter() - start, words


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", action="append", help="suite folder name (repeatable)")
    parser.add_argument("--show", type=int, default=0, help="print N missed sentences per suite")
    parser.add_argument("--by-root", action="store_true", help="count missed gold events by root")
    parser.add_argument("--json", action="store_true", help="one JSON object per suite")
    args = parser.parse_args()
    if not SUITES.is_dir():
        print(f"no peer suites at {SUITES}", file=sys.stderr)
        return 1
    names = args.suite or sorted(p.name for p in SUITES.iterdir() if p.is_dir())
    for name in names:
        records = _load(name)
        coded, seconds, words = code_suite(records)
        result = score_suite(name, records, coded)
        misses = result.pop("misses")
        result["seconds"] = round(seconds, 1)
        result["words"] = words
        if args.json:
            print(json.dumps(result))
            continue
        print(
            f"{name:28} P {result['precision']:.3f}  R {result['recall']:.3f}  "
            f"F1 {result['f1']:.3f}  (gold {result['gold']}, predicted {result['predicted']}, "
            f"matched {result['matched']}; false positives on {result['no_event_sentences']} "
            f"no-event sentences: {result['no_event_false_positives']}; {seconds:.1f} s)"
        )
        if args.by_root:
            print("     missed by root:", _missed_by_root(misses))
        for text, gold, pred in misses[: args.show]:
            print("   -", text[:150])
            print(
                "     gold:",
                [
                    (g.get("source"), g.get("target"), g.get("root_any") or g.get("root"))
                    for g in gold
                ],
            )
            print("     pred:", [(p["source"], p["target"], p["root"]) for p in pred])
    return 0


if __name__ == "__main__":
    sys.exit(main())
