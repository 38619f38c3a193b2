"""The sample corpus shipped in seismo/data/corpus: shape, ranges and coverage."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from seismo.data import sample_corpus_paths

REQUIRED = {
    "id": str,
    "title": str,
    "published": str,
    "source": str,
    "event_year": int,
    "text": str,
}
ID_RE = re.compile(r"^[a-z]{3}-[a-z]{3}-\d{4}-\d{2}-[a-z0-9-]+$|^[a-z]{3}-\d{4}-\d{2}-[a-z0-9-]+$")
SENTENCE_END = re.compile(r"[.!?][\"'\u201d]?(?=\s|$)")
JAPAN = re.compile(r"\b(Japan|Japanese|Tokyo)\b")
RUSSIA = re.compile(r"\b(Russia|Russian|Moscow|Kremlin|Soviet)\b")


def _load() -> list[tuple[Path, int, dict]]:
    rows = []
    for path in sample_corpus_paths():
        with path.open(encoding="utf-8") as handle:
            for lineno, line in enumerate(handle, start=1):
                rows.append((path, lineno, json.loads(line)))
    return rows


@pytest.fixture(scope="module")
def docs() -> list[dict]:
    return [row for _, _, row in _load()]


def test_paths_are_sorted_existing_jsonl_files() -> None:
    paths = sample_corpus_paths()
    assert len(paths) >= 5
    assert paths == sorted(paths)
    assert all(p.suffix == ".jsonl" and p.is_file() for p in paths)
    assert {
        "japan_russia.jsonl",
        "china_russia.jsonl",
        "alliances.jsonl",
        "ukraine_war.jsonl",
        "korea.jsonl",
    } <= {p.name for p in paths}


def test_every_line_is_a_json_object() -> None:
    for path in sample_corpus_paths():
        raw = path.read_text(encoding="utf-8")
        assert raw.endswith("\n"), path
        for lineno, line in enumerate(raw.splitlines(), start=1):
            assert line.strip(), f"{path.name}:{lineno} is blank"
            assert isinstance(json.loads(line), dict), f"{path.name}:{lineno}"


def test_required_fields_and_types(docs: list[dict]) -> None:
    for doc in docs:
        for field, kind in REQUIRED.items():
            assert isinstance(doc.get(field), kind), (doc.get("id"), field)
            if kind is str:
                assert doc[field].strip() == doc[field] and doc[field], (doc["id"], field)
        assert doc["source"] == "seismo sample corpus"
        assert ID_RE.match(doc["id"]), doc["id"]


def test_ids_and_texts_unique(docs: list[dict]) -> None:
    ids = Counter(doc["id"] for doc in docs)
    assert [i for i, n in ids.items() if n > 1] == []
    texts = Counter(doc["text"] for doc in docs)
    assert max(texts.values()) == 1


def test_published_dates_are_iso_and_follow_the_event_year(docs: list[dict]) -> None:
    for doc in docs:
        published = date.fromisoformat(doc["published"])
        assert published.isoformat() == doc["published"], doc["id"]
        assert date(1945, 1, 1) <= published <= date(2025, 1, 31), doc["id"]
        assert 0 <= published.year - doc["event_year"] <= 1, doc["id"]
        assert f"-{doc['event_year']}-" in doc["id"], doc["id"]


def test_text_lengths_in_range(docs: list[dict]) -> None:
    for doc in docs:
        words = len(doc["text"].split())
        sentences = len(SENTENCE_END.findall(doc["text"]))
        assert 60 <= words <= 150, (doc["id"], words)
        assert 3 <= sentences <= 6, (doc["id"], sentences)
        assert "\n" not in doc["text"]
        assert 5 <= len(doc["title"]) <= 120, doc["id"]


def test_corpus_size(docs: list[dict]) -> None:
    assert len(docs) >= 60


def test_event_years_span_1945_to_2024(docs: list[dict]) -> None:
    years = [doc["event_year"] for doc in docs]
    assert min(years) == 1945
    assert max(years) == 2024


def _japan_russia(doc: dict) -> bool:
    return bool(JAPAN.search(doc["text"]) and RUSSIA.search(doc["text"]))


def test_japan_russia_2022_coverage(docs: list[dict]) -> None:
    in_2022 = [d for d in docs if d["published"].startswith("2022-") and _japan_russia(d)]
    assert len(in_2022) >= 8
    # The dashboard's monthly Japan-Russia series needs several briefs in each month of the turn.
    months = Counter(d["published"][:7] for d in in_2022 if d["id"].startswith("jpn-rus-"))
    for month in ("2022-02", "2022-03", "2022-04"):
        assert months[month] >= 3, (month, months)


def test_japan_russia_cooperation_years_covered(docs: list[dict]) -> None:
    years = {d["event_year"] for d in docs if d["id"].startswith("jpn-rus-")}
    assert {1945, 1956, 2013, 2016, 2017, 2018, 2019, 2022, 2023, 2024} <= years
