"""Shared fixtures: the spaCy pipeline and the coder are loaded once per test session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from seismo.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def coder():
    from seismo.pipeline import build_coder

    return build_coder()


@pytest.fixture(scope="session")
def code_text(nlp, coder):
    """Code a text as one document; returns (events, stances)."""
    from seismo.model import Document

    def run(text: str, published: dt.date | None = dt.date(2022, 4, 30)):
        doc = Document(doc_id="t", text=text, published=published)
        return coder.code(doc, nlp(text))

    return run


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "score_events.py").exists():
        pytest.skip(f"../shared is not beside the checkout ({SHARED})")
    return SHARED
