"""Score seismo on real news it was not written on: ../shared/eval/news-dev (45 reports).

Prints what docs/accuracy.md reports for news-dev, with the scoring rules of the shared
scorer (seismo.evaluation follows score_events.py to the last digit):
- F1, precision, recall, strict F1 and date accuracy over the events `seismo code` prints
  (asserted and intended by default; `--modality all` adds negated and hypothetical ones);
- the share of printed events that carry a date, by `date_basis`;
- precision per predicted CAMEO root (matched predictions of that root / predictions of that
  root) and recall per gold root (a gold event counts for its first listed root);
- the negation check: events from negated or hypothetical gold that are printed as asserted.

    .venv/bin/python benchmarks/bench_news_dev.py [--json] [--misses N]

The texts are third-party: they are read at run time from ../shared and never copied.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS_DEV = ROOT.parent / "shared" / "eval" / "news-dev"
sys.path.insert(0, str(ROOT))


def _predictions(modalities: tuple[str, ...]) -> list[dict]:
    from seismo.ingest import read_inputs
    from seismo.model import CodedDocument, Skipped
    from seismo.pipeline import build_coder, code_documents

    docs = [d for d in read_inputs([str(NEWS_DEV / "docs.jsonl")]) if not isinstance(d, Skipped)]
    rows: list[dict] = []
    for coded in code_documents(docs, coder=build_coder()):
        if isinstance(coded, CodedDocument):
            rows.extend(e.to_dict() for e in coded.events if e.modality in modalities)
    return rows


def _per_root(
    gold: list[dict], preds: list[dict], hits: list[dict], misses: list[dict]
) -> dict[str, dict]:
    from seismo.evaluation import gold_roots, predicted_root

    matched_ids = {id(h) for h in hits}
    gold_n = Counter(gold_roots(g)[0] for g in gold)
    missed = Counter(gold_roots(g)[0] for g in misses)
    pred_n = Counter(predicted_root(p) for p in preds)
    right = Counter(predicted_root(p) for p in preds if id(p) in matched_ids)
    table = {}
    for root in sorted(set(gold_n) | set(pred_n), key=lambda r: str(r)):
        if root is None:
            continue
        table[root] = {
            "gold": gold_n[root],
            "predicted": pred_n[root],
            "precision": round(right[root] / pred_n[root], 3) if pred_n[root] else None,
            "recall": round((gold_n[root] - missed[root]) / gold_n[root], 3)
            if gold_n[root]
            else None,
        }
    return table


def _categories(gold: list[dict], preds: list[dict], result: dict) -> dict[str, int]:
    """Misses and false positives by kind, read off the matching (no hand labels)."""
    from seismo.evaluation import country, gold_roots, predicted_root, same_actor

    def in_sentence(g: dict, p: dict) -> bool:
        return p["doc_id"] == g["doc"] and g["evidence"] in (p.get("sentence") or "")

    kinds: Counter[str] = Counter()
    for miss in result["misses"]:
        near = [p for p in preds if in_sentence(miss, p)]
        if not near:
            kinds["miss: nothing coded in its sentence"] += 1
        elif any(predicted_root(p) in gold_roots(miss) for p in near):
            kinds["miss: right root, other actors"] += 1
        elif any(same_actor(miss["source"], country(p.get("source"))) for p in near):
            kinds["miss: right source, other root"] += 1
        else:
            kinds["miss: other events coded in its sentence"] += 1
    matched = {id(h) for h in result["hits"]}
    gold_docs = {g["doc"] for g in gold}
    for pred in preds:
        if id(pred) in matched or pred["doc_id"] not in gold_docs:
            continue
        if any(in_sentence(g, pred) for g in gold):
            kinds["false positive: in a sentence with gold events"] += 1
        else:
            kinds["false positive: in a sentence without gold events"] += 1
    return dict(sorted(kinds.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--misses", type=int, default=0, help="print the first N missed gold")
    parser.add_argument(
        "--modality", default="default", help="'default' (asserted, intended) or 'all'"
    )
    args = parser.parse_args(argv)
    from seismo.vocabulary import DEFAULT_MODALITIES, MODALITIES

    modalities = tuple(MODALITIES) if args.modality == "all" else tuple(DEFAULT_MODALITIES)
    if not (NEWS_DEV / "gold.jsonl").exists():
        print(f"news-dev is not beside the checkout ({NEWS_DEV})", file=sys.stderr)
        return 2

    from seismo.evaluation import evaluate, load_gold

    gold = load_gold(NEWS_DEV / "gold.jsonl")
    preds = _predictions(modalities)
    result = evaluate(gold, preds)
    bases = Counter(p.get("date_basis") for p in preds)
    dated = sum(1 for p in preds if p.get("date"))
    unreal = [g for g in gold if g.get("modality") in ("negated", "hypothetical")]
    asserted_unreal = [
        h
        for h in result["hits"]
        if h.get("modality") == "asserted"
        and any(
            g["doc"] == h["doc_id"] and g["evidence"] in (h.get("sentence") or "") for g in unreal
        )
        and not any(
            g["doc"] == h["doc_id"]
            and g["evidence"] in (h.get("sentence") or "")
            and g.get("modality") == "asserted"
            for g in gold
        )
    ]
    report = {
        "f1": result["f1"],
        "precision": result["precision"],
        "recall": result["recall"],
        "strict_f1": result["strict_f1"],
        "date_accuracy": result["date_accuracy"],
        "gold": result["gold"],
        "predicted": result["predicted"],
        "matched": result["matched"],
        "dated_share": round(dated / len(preds), 3) if preds else None,
        "date_basis": dict(bases.most_common()),
        "unreal_gold_printed_asserted": len(asserted_unreal),
        "per_root": _per_root(gold, preds, result["hits"], result["misses"]),
        "categories": _categories(gold, preds, result),
    }
    if args.json:
        print(json.dumps(report, indent=2, default=str))
        return 0
    print(
        f"news-dev: F1 {report['f1']} P {report['precision']} R {report['recall']} "
        f"(gold {report['gold']}, predicted {report['predicted']}, matched {report['matched']})"
    )
    print(f"strict F1 {report['strict_f1']}  date accuracy {report['date_accuracy']}")
    print(f"events with a date: {report['dated_share']}  by basis: {report['date_basis']}")
    print(
        f"negated/hypothetical gold printed as asserted: {report['unreal_gold_printed_asserted']}"
    )
    print("root  gold  pred  precision  recall")
    for root, row in report["per_root"].items():
        print(
            f"{root:>4}  {row['gold']:>4}  {row['predicted']:>4}  "
            f"{row['precision'] if row['precision'] is not None else '-':>9}  "
            f"{row['recall'] if row['recall'] is not None else '-':>6}"
        )
    for kind, count in report["categories"].items():
        print(f"{count:>4}  {kind}")
    for miss in result["misses"][: args.misses]:
        print(f"miss {miss['doc']}: {miss['source']}->{miss.get('target')} {miss['root']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
