"""Geocoding figures: precision on our case table, and how many news-dev events get a place.

Run: .venv/bin/python benchmarks/bench_geocoding.py [--news-dev ../shared/eval/news-dev/docs.jsonl]

Case table (tests/geocoding/cases.yaml, our own sentences): each case is coded by the full
coder and the event with the case's trigger is compared with the expected place. The cases
marked `blind` were written after the rules and run once, unchanged: their figure is the
fairer one.
- country precision: of the cases where we placed the event, the share in the right country
  (an open sea's country is "none");
- city precision: of the cases where we placed the event at a city, the share at the right
  city.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "geocoding" / "cases.yaml"


def load_cases() -> list[dict[str, Any]]:
    return yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]


def place_case(case: dict[str, Any], nlp: Any, coder: Any) -> dict[str, Any] | None:
    """The location given to the case's event (None: no location).

    The event is the coder's own where it codes one with the case's trigger. Where it does
    not (its recall is measured elsewhere), the event is made from the trigger word: its
    source is the clause's subject, its code the case's `cameo` (default 190), so the
    geocoder is still tested on the sentence.
    """
    from seismo.geo import place_events
    from seismo.model import Document

    doc = Document(doc_id="case", text=case["text"], published=dt.date(2024, 6, 1))
    parsed = nlp(case["text"])
    events, _ = coder.code(doc, parsed)
    wanted = case["trigger"]
    chosen = next((e for e in events if wanted in e.trigger.split()), None)
    if chosen is None:
        chosen = _made_event(case, parsed)
        place_events([chosen], parsed, case["text"])
    return chosen.location.to_dict() if chosen.location else None


def _made_event(case: dict[str, Any], parsed: Any) -> Any:
    from seismo.coding.arguments import subject_of
    from seismo.model import Actor, Event

    sentences = list(parsed.sents)
    token = next(t for t in parsed if t.text == case["trigger"])
    index = next(i for i, s in enumerate(sentences) if s.start <= token.i < s.end)
    subject = subject_of(token)
    text = " ".join(t.text for t in subject.tokens) if subject is not None else ""
    text = case.get("source_text", text)
    country = case.get("source")
    source = Actor(code=country or "UNK", country=country, sector=None, name=text, text=text)
    return Event(doc_id="case", sentence_index=index, sentence=sentences[index].text,
                 source=source, target=None, cameo=str(case.get("cameo", "190")), goldstein=0.0,
                 quad_class=int(case.get("quad", 4)), plover={}, trigger=case["trigger"])  # fmt: skip


def score(cases: list[dict[str, Any]], placed: list[dict[str, Any] | None]) -> dict[str, Any]:
    """Country and city precision, and the cases that went wrong."""
    n_placed = country_ok = n_city = city_ok = correct_null = 0
    misses = []
    for case, got in zip(cases, placed, strict=True):
        if got is None:
            if case.get("name") is None:
                correct_null += 1
            else:
                misses.append((case["text"], "no location"))
            continue
        n_placed += 1
        ok_country = case.get("name") is not None and got.get("country") == case.get("country")
        country_ok += ok_country
        if got.get("feature") == "city":
            n_city += 1
            ok_city = got.get("name") == case.get("name") and ok_country
            city_ok += ok_city
        if not ok_country or got.get("name") != case.get("name"):
            misses.append((case["text"], f"got {got.get('name')} ({got.get('country')})"))
    return {
        "cases": len(cases),
        "placed": n_placed,
        "country_precision": country_ok / n_placed if n_placed else 0.0,
        "city_precision": city_ok / n_city if n_city else 0.0,
        "exact": (len(cases) - len(misses)) / len(cases),
        "misses": misses,
    }


def news_dev(path: Path, nlp: Any, coder: Any) -> dict[str, Any]:
    """Share of news-dev events with coordinates, and by what each was placed."""
    from seismo.model import Document
    from seismo.pipeline import code_documents

    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        published = record.get("published")
        docs.append(Document(doc_id=record["id"], text=record["text"],
                             published=dt.date.fromisoformat(published[:10]) if published else None))  # fmt: skip
    events = [e for c in code_documents(docs, nlp, coder) if hasattr(c, "events") for e in c.events]
    placed = [e for e in events if e.location is not None and e.location.lat is not None]
    basis = Counter(e.location.basis for e in placed if e.location)
    return {"events": len(events), "with_coordinates": len(placed),
            "share": len(placed) / len(events) if events else 0.0, "by_basis": dict(basis)}  # fmt: skip


def main() -> None:
    sys.path.insert(0, str(ROOT))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--news-dev", type=Path, default=ROOT.parent / "shared/eval/news-dev/docs.jsonl"
    )
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    from seismo.nlp import load_pipeline
    from seismo.pipeline import build_coder

    nlp, coder = load_pipeline(), build_coder()
    cases = load_cases()
    placed = [place_case(c, nlp, coder) for c in cases]
    blind = [i for i, c in enumerate(cases) if c.get("blind")]
    for label, picked in (("all cases", range(len(cases))), ("blind batch", blind)):
        result = score([cases[i] for i in picked], [placed[i] for i in picked])
        print(f"{label}: {result['cases']} cases, {result['placed']} placed; "
              f"country precision {result['country_precision']:.3f}, "
              f"city precision {result['city_precision']:.3f}, exact {result['exact']:.3f}")  # fmt: skip
        if args.show_misses and label == "all cases":
            for text, why in result["misses"]:
                print(f"  MISS {why}: {text}")
    if args.news_dev.is_file():
        dev = news_dev(args.news_dev, nlp, coder)
        print(f"news-dev: {dev['with_coordinates']} of {dev['events']} events placed "
              f"({dev['share']:.3f}); by basis {json.dumps(dev['by_basis'])}")  # fmt: skip


if __name__ == "__main__":
    main()
