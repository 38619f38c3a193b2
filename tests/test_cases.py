"""The construction-case table (tests/cases/*.yaml): sentences we wrote, and what they code to.

Each rule the coder has is pinned by at least one case here, so a change that breaks a
construction names the construction. The format is in tests/cases/README.md.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from seismo.evaluation import country

CASES_DIR = Path(__file__).resolve().parent / "cases"
EVENT_KEYS = {"source", "target", "root", "code", "modality", "date", "date_basis",
              "date_precision", "location"}  # fmt: skip
CASE_KEYS = {"text", "published", "expect", "absent", "exact", "why", "pending"}


def _key(code: Any) -> str | None:
    """Organisation codes compare as the shared scorer compares them (IGONAT with NATO ...)."""
    return country(None if code is None else str(code))


def _actor_key(actor: dict | None) -> str | None:
    return country(actor) if actor else None


def _text(value: Any) -> str | None:
    if isinstance(value, dt.date):
        return value.isoformat()
    return None if value is None else str(value)


def _fits(want: dict, event: dict) -> bool:
    for key, value in want.items():
        if key in ("source", "target"):
            if _key(value) != _actor_key(event.get(key)):
                return False
        elif key == "root":
            if str(event.get("cameo", ""))[:2] != str(value).zfill(2):
                return False
        elif key == "code":
            if not str(event.get("cameo", "")).startswith(str(value)):
                return False
        elif key == "location":
            if _text(value) != ((event.get("location") or {}).get("country")):
                return False
        elif _text(value) != _text(event.get(key)):
            return False
    return True


def _load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for index, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            unknown = set(case) - CASE_KEYS
            assert not unknown, f"{path.name} case {index}: unknown keys {sorted(unknown)}"
            for want in case.get("expect", []) + case.get("absent", []):
                bad = set(want) - EVENT_KEYS
                assert not bad, f"{path.name} case {index}: unknown event keys {sorted(bad)}"
            marks = []
            if case.get("pending"):
                marks.append(pytest.mark.xfail(reason=case["pending"], strict=True))
            params.append(
                pytest.param(case, id=f"{path.stem}-{index}-{case['text'][:40]}", marks=marks)
            )
    return params


CASES = _load_cases()


def test_the_table_is_not_empty():
    assert len(CASES) >= 1


@pytest.mark.parametrize("case", CASES)
def test_case(case: dict, code_text) -> None:
    published = case.get("published")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    events, _ = code_text(case["text"].strip(), published)
    printed = [event.to_dict() for event in events]
    shown = [
        f"{(e['source'] or {}).get('code')}->{(e.get('target') or {}).get('code')} "
        f"{e['cameo']} {e['modality']} {e.get('date')} {e.get('date_basis')}"
        for e in printed
    ]
    for want in case.get("expect", []):
        assert any(_fits(want, e) for e in printed), f"missing {want}; printed {shown}"
    for unwanted in case.get("absent", []):
        assert not any(_fits(unwanted, e) for e in printed), f"unwanted {unwanted}; printed {shown}"
    if case.get("exact"):
        assert len(printed) == len(case.get("expect", [])), (
            f"exactly {case['expect']}; printed {shown}"
        )
