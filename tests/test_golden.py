"""The sample corpus codes to exactly the events in tests/golden/ (scripts/update_golden.py).

A refactor must leave this green; a deliberate coding change rewrites the golden file with
`python scripts/update_golden.py` and its diff is reviewed with the change.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "update_golden.py"


def test_sample_corpus_matches_golden_file() -> None:
    spec = importlib.util.spec_from_file_location("update_golden", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.GOLDEN.read_text(encoding="utf-8").splitlines()
    now = module.golden_lines()
    moved = sorted(set(expected) ^ set(now))
    assert now == expected, (
        f"{len(moved)} golden lines moved (run scripts/update_golden.py and review the diff):\n"
        + "\n".join(moved[:20])
    )
