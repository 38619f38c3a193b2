"""Write tests/golden/sample_corpus_events.jsonl: every event the coder gives the sample corpus.

The golden file pins the coder's output. A change that should not move any event (a
refactor) must leave it byte-identical; a change that improves coding on purpose rewrites it
with this script, and the diff is reviewed with the change.

    python scripts/update_golden.py          # rewrite the golden file
    python scripts/update_golden.py --check  # exit 1 and print a diff summary if it moved
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden" / "sample_corpus_events.jsonl"
FIELDS = ("doc_id", "sentence_index", "cameo", "modality", "date", "date_precision",
          "date_basis", "confidence")  # fmt: skip


def golden_lines() -> list[str]:
    """One sorted line per event and stance of the sample corpus, with the fields that matter."""
    from seismo.data import sample_corpus_paths
    from seismo.ingest import read_inputs
    from seismo.model import CodedDocument, Skipped
    from seismo.pipeline import build_coder, code_documents

    docs = [
        doc
        for doc in read_inputs([str(p) for p in sample_corpus_paths()])
        if not isinstance(doc, Skipped)
    ]
    lines = []
    for coded in code_documents(docs, coder=build_coder()):
        if not isinstance(coded, CodedDocument):
            continue
        for event in coded.events:
            record = event.to_dict()
            row = {key: record.get(key) for key in FIELDS}
            row["source"] = (record.get("source") or {}).get("code")
            row["target"] = (record.get("target") or {}).get("code")
            lines.append(json.dumps(row, sort_keys=True, ensure_ascii=False))
        for stance in coded.stances:
            record = stance.to_dict()
            lines.append(
                json.dumps({"stance": record}, sort_keys=True, ensure_ascii=False, default=str)
            )
    return sorted(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    lines = golden_lines()
    if args.check:
        old = GOLDEN.read_text(encoding="utf-8").splitlines() if GOLDEN.exists() else []
        diff = list(difflib.unified_diff(old, lines, "golden", "now", lineterm="", n=0))
        if diff:
            print("\n".join(diff[:60]))
            print(
                f"{sum(1 for d in diff if d.startswith('-') and not d.startswith('---'))} removed, "
                f"{sum(1 for d in diff if d.startswith('+') and not d.startswith('+++'))} added"
            )
            return 1
        print(f"golden file unchanged ({len(lines)} lines)")
        return 0
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN.relative_to(REPO)} ({len(lines)} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
