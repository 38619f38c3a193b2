"""seismo.evaluation scores exactly as the shared scorer does, and stances the same way."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from seismo.errors import SeismoError
from seismo.evaluation import evaluate, load_gold, score, score_stances

SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
SCORER = SHARED_EVAL / "score_events.py"
SEED = SHARED_EVAL.parent / "seed" / "japan-awakening.txt"

GOLD = [
    {"doc": "d1", "evidence": "imposed sanctions on Russia", "source": "JPN", "target": "RUS",
     "root": ["16"], "date": "2022-03", "modality": "asserted", "symmetric": False},
    {"doc": "d1", "evidence": "Abe met Putin", "source": "JPN", "target": "RUS",
     "root": ["04"], "date": "2018-05-26", "modality": "asserted", "symmetric": True},
    {"doc": "d1", "evidence": "Russia warned", "source": "RUS", "target": None,
     "root": ["11", "12"], "date": None, "modality": "asserted", "symmetric": False},
    {"doc": "d1", "evidence": "imposed sanctions on Russia", "source": "WST", "target": "RUS",
     "root": ["16"], "date": "2022", "modality": "asserted", "symmetric": False},
    {"doc": "d2", "evidence": "China and Russia signed", "source": "CHN", "target": "RUS",
     "root": ["05", "06"], "date": "2022-02-04", "modality": "asserted", "symmetric": True},
]  # fmt: skip


def actor(code: str, country: str | None = None) -> dict:
    return {"code": code, "country": country or code[:3], "sector": None, "name": code, "text": ""}


PREDICTIONS = [
    # sanctions, right sentence, day-precise date within the gold month
    {"doc_id": "d1", "sentence": "Japan imposed sanctions on Russia in March.",
     "source": actor("JPNGOV", "JPN"), "target": actor("RUS"), "root": "16", "date": "2022-03-07"},
    # the same sanctions again from another sentence: one of them is a false positive
    {"doc_id": "d1", "sentence": "Tokyo's sanctions bit.", "source": actor("JPN"),
     "target": actor("RUSBUS", "RUS"), "cameo": "163", "date": "2022"},
    # the meeting coded in the other direction, root from `cameo` only, wrong day
    {"doc_id": "d1", "sentence": "In Moscow, Abe met Putin.", "source": "RUSGOV",
     "target": "JPNGOV", "cameo": "040", "date": "2018-05-25"},
    # any target for a null gold target; the evidence is elsewhere: loose yes, strict no
    {"doc_id": "d1", "sentence": "Moscow protested.", "source": actor("RUS"), "target": None,
     "root": "12", "date": None},
    # a collective; its sentence has the evidence; no date
    {"doc_id": "d1", "sentence": "The West imposed sanctions on Russia.", "source": actor("WST"),
     "target": actor("RUS"), "root": "16", "date": None},
    # right pair, wrong root
    {"doc_id": "d2", "sentence": "China and Russia signed a deal.", "source": actor("CHN"),
     "target": actor("RUS"), "root": "03", "date": "2022-02-04"},
    # a document without gold: not counted in precision
    {"doc_id": "elsewhere", "sentence": "x", "source": actor("USA"), "target": actor("CHN"),
     "root": "19", "date": "2020"},
]  # fmt: skip


def test_hand_computed_scores():
    loose = score(GOLD, PREDICTIONS)
    assert (loose["gold"], loose["predicted"], loose["matched"]) == (5, 6, 4)
    assert loose["precision"] == round(4 / 6, 3) and loose["recall"] == 0.8
    # dated matches: sanctions (2022-03 ok), meeting (wrong day), West (no predicted date)
    assert loose["date_accuracy"] == round(1 / 3, 3)
    assert [m["doc"] for m in loose["misses"]] == ["d2"]
    strict = score(GOLD, PREDICTIONS, strict=True)
    assert strict["matched"] == 3 and "Russia warned" in [m["evidence"] for m in strict["misses"]]
    assert evaluate(GOLD, PREDICTIONS)["strict_f1"] == strict["f1"]


def test_the_evidence_sentence_is_preferred():
    gold = [GOLD[0]]
    elsewhere, exact = PREDICTIONS[1], PREDICTIONS[0]
    result = score(gold, [elsewhere, exact])  # the first fits too, but is from elsewhere
    assert result["matched"] == 1 and result["date_accuracy"] == 1.0


def test_a_reversed_pair_needs_a_symmetric_gold():
    reversed_sanctions = dict(PREDICTIONS[0], source=actor("RUS"), target=actor("JPN"))
    assert score([GOLD[0]], [reversed_sanctions])["matched"] == 0
    assert score([dict(GOLD[0], symmetric=True)], [reversed_sanctions])["matched"] == 1


def test_nothing_predicted_scores_zero():
    result = score(GOLD, [])
    assert result["f1"] == 0.0 and result["date_accuracy"] is None and len(result["misses"]) == 5


def test_stances_match_on_holder_subject_and_kind():
    gold = [
        {"doc": "d", "evidence": "China was considered a real challenge", "holder": "JPN",
         "about": "CHN", "stance": "challenge", "date": "2013"},
        {"doc": "d", "evidence": "listed North Korea as a threat", "holder": "JPN",
         "about": "PRK", "stance": "threat", "date": "2013"},
    ]  # fmt: skip
    pred = [
        {"doc_id": "d", "sentence": "China was considered a real challenge.",
         "holder": actor("JPNGOV", "JPN"), "subject": actor("CHN"), "stance": "challenge",
         "date": "2013"},
        {"doc_id": "d", "sentence": "It listed North Korea as a threat.", "holder": actor("JPN"),
         "subject": actor("PRK"), "stance": "adversary", "date": "2013"},
    ]  # fmt: skip
    result = score_stances(gold, pred)
    assert result["matched"] == 1 and result["precision"] == 0.5 and result["recall"] == 0.5
    assert result["misses"][0]["about"] == "PRK" and result["date_accuracy"] == 1.0


def test_load_gold_names_the_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD[0]) + "\n\n" + '{"doc": "d1", "source": "JPN"}\n')
    with pytest.raises(SeismoError) as err:
        load_gold(path)
    assert err.value.code == "E008" and "line 3" in str(err.value) and "evidence" in str(err.value)
    path.write_text(json.dumps(GOLD[0]) + "\n")
    assert load_gold(path) == [GOLD[0]]


def _shared_scores(tmp_path: Path, gold: list[dict], pred: list[dict]) -> dict:
    gold_file, pred_file = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_file.write_text("".join(json.dumps(g) + "\n" for g in gold))
    pred_file.write_text("".join(json.dumps(p) + "\n" for p in pred))
    out = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(gold_file), "--pred", str(pred_file), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def _ours(gold: list[dict], pred: list[dict]) -> dict:
    return {k: v for k, v in evaluate(gold, pred).items() if k not in ("misses", "hits")}


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval is not checked out beside us")
def test_same_numbers_as_the_shared_scorer_on_hand_written_predictions(tmp_path):
    assert _ours(GOLD, PREDICTIONS) == _shared_scores(tmp_path, GOLD, PREDICTIONS)
    shuffled = PREDICTIONS[::-1]
    assert _ours(GOLD, shuffled) == _shared_scores(tmp_path, GOLD, shuffled)


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not checked out beside us")
def test_same_numbers_as_the_shared_scorer_on_the_coded_seed(tmp_path):
    import datetime as dt

    from seismo.ingest import read_inputs
    from seismo.pipeline import code_documents

    gold = load_gold(SHARED_EVAL / "seed-gold.jsonl")
    docs = read_inputs([str(SEED)], published=dt.date(2022, 4, 30))
    pred = [
        e.to_dict()
        for coded in code_documents(docs)
        for e in getattr(coded, "events", [])
        if e.modality in ("asserted", "intended")
    ]
    assert pred, "the coder found nothing in the seed article"
    ours = _ours(gold, pred)
    assert ours == _shared_scores(tmp_path, gold, pred)
    assert ours["matched"] > 0


ORGANISATION_GOLD = [
    {"doc": "o1", "evidence": "the alliance warned", "source": "NATO", "target": "RUS",
     "root": ["13"], "date": None, "modality": "asserted", "symmetric": False},
    {"doc": "o1", "evidence": "Brussels and Kyiv signed", "source": "UKR", "target": "EU",
     "root": ["05"], "date": None, "modality": "asserted", "symmetric": True},
    {"doc": "o1", "evidence": "the bloc threatened", "source": "ECOWAS", "target": "NER",
     "root": ["13"], "date": None, "modality": "asserted", "symmetric": False},
    {"doc": "o1", "evidence": "some body said", "source": "IGO", "target": None,
     "root": ["01"], "date": None, "modality": "asserted", "symmetric": False},
]  # fmt: skip
ORGANISATION_PREDICTIONS = [
    {"doc_id": "o1", "sentence": "the alliance warned", "root": "13",
     "source": actor("IGONAT", "IGO"), "target": actor("RUSGOV", "RUS")},
    # reversed on a symmetric gold, the organisation given by its code
    {"doc_id": "o1", "sentence": "Brussels and Kyiv signed", "cameo": "057",
     "source": actor("IGOEUREEC", "IGO"), "target": "UKR"},
    {"doc_id": "o1", "sentence": "the bloc threatened", "cameo": "138",
     "source": actor("IGOWAFECW", "IGO"), "target": actor("NER")},
    # an organisation with a role after its code, for a gold "any organisation"
    {"doc_id": "o1", "sentence": "some body said", "cameo": "010",
     "source": actor("IGOUNOMIL", "IGO"), "target": None},
    # the African Union is not ECOWAS: a false positive
    {"doc_id": "o1", "sentence": "the bloc threatened", "cameo": "138",
     "source": actor("IGOAFRAU", "IGO"), "target": actor("NER")},
]  # fmt: skip


def test_organisation_codes_match_their_short_names():
    result = score(ORGANISATION_GOLD, ORGANISATION_PREDICTIONS)
    assert (result["matched"], result["predicted"]) == (4, 5)


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval is not checked out beside us")
def test_same_numbers_as_the_shared_scorer_on_organisations(tmp_path):
    ours = _ours(ORGANISATION_GOLD, ORGANISATION_PREDICTIONS)
    assert ours == _shared_scores(tmp_path, ORGANISATION_GOLD, ORGANISATION_PREDICTIONS)


NEWS_DEV = SHARED_EVAL / "news-dev"


@pytest.mark.skipif(not NEWS_DEV.exists(), reason="../shared/eval/news-dev is not beside us")
def test_same_numbers_as_the_shared_scorer_on_coded_news_dev(tmp_path):
    """Real news with organisations on both sides: `seismo eval` and the shared scorer agree
    on every figure, for all modalities printed (as `seismo code --modality all` prints)."""
    from seismo.ingest import read_inputs
    from seismo.pipeline import code_documents

    gold = load_gold(NEWS_DEV / "gold.jsonl")
    docs = read_inputs([str(NEWS_DEV / "docs.jsonl")])
    pred = [e.to_dict() for coded in code_documents(docs) for e in getattr(coded, "events", [])]
    assert any(str(p["source"]["code"]).startswith("IGO") for p in pred)
    ours = _ours(gold, pred)
    assert ours == _shared_scores(tmp_path, gold, pred)
    assert ours["matched"] > 0
