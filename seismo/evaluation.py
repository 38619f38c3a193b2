"""Scoring coded events and stances against hand-read gold: what `seismo eval` reports.

The rules are those documented in ../shared/eval/README.md and followed by its
`score_events.py`, reimplemented here so the CLI and the benchmarks need no file outside the
package and agree with the shared scorer to the last digit:

- events are compared per document, at country level (the first three letters of an actor
  code; international organisations by organisation, IGONAT and NATO alike), and by CAMEO root; a gold target of null accepts any target, and a symmetric gold
  event (a meeting, a joint declaration) accepts either direction;
- each gold event and each prediction is matched at most once, gold events in file order,
  each taking a prediction from its evidence sentence when one fits, else any that fits
  (greedy on purpose: a cleverer assignment would score differently from the shared scorer);
- precision counts only predictions for documents that have gold, since a document nobody
  read by hand says nothing about false positives;
- `strict` also asks that the predicted sentence contains the gold evidence;
- date accuracy is over matched gold events that have a date, agreeing to the gold's own
  precision (a gold "2022-03" accepts a predicted "2022-03-07").
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from seismo.errors import Errors, SeismoError

Row = Mapping[str, Any]

GOLD_EVENT_FIELDS = ("doc", "evidence", "source", "root")
GOLD_STANCE_FIELDS = ("doc", "evidence", "holder", "about", "stance")


# International organisations compare as one key whichever spelling a file uses: CAMEO-style
# codes (IGONAT, IGOEUREEC) and the short names gold files use (NATO, EU). The table is the
# shared scorer's, entry for entry; every other actor compares by its first three letters.
ORGANISATIONS = {
    "IGONAT": "NATO", "NATO": "NATO", "NAT": "NATO",
    "IGOEUREEC": "EU", "IGOEU": "EU", "EU": "EU",
    "IGOUNO": "UN", "UN": "UN", "UNO": "UN",
    "IGOASN": "ASEAN", "ASEAN": "ASEAN",
    "IGOAFRAU": "AU", "IGOAU": "AU", "AU": "AU",
    "IGOG7": "G7", "G7": "G7", "IGOG20": "G20", "G20": "G20",
    "IGOQUAD": "QUAD", "QUAD": "QUAD", "IGOAUKUS": "AUKUS", "AUKUS": "AUKUS",
    "IGOARL": "ARL", "IGOGCC": "GCC", "GCC": "GCC", "IGOWAFECW": "ECOWAS", "ECOWAS": "ECOWAS",
}  # fmt: skip
ORGANISATION_KEYS = frozenset(ORGANISATIONS.values())
# Role codes after "IGO" that name no organisation in particular ("IGOGOV": some IGO).
SECTORS = frozenset({"GOV", "MIL", "MED", "REF", "CVL", "BUS", "LEG", "JUD", "OPP", "REB",
                     "ELI", "HLH", "EDU"})  # fmt: skip


def country(actor: Any) -> str | None:
    """The key an actor is compared by: its country (the first three letters of a code such
    as "JPNGOV") or, for an international organisation, the organisation ("NATO" for
    IGONAT and NATO alike); "IGO" alone stands for any organisation.

    An actor object is read by its `code` when that names an organisation (its `country`
    is then only "IGO"), else by its `country`.
    """
    if actor is None:
        return None
    if isinstance(actor, Mapping):
        code = actor.get("code") or actor.get("country") or ""
        if not str(code).upper().startswith("IGO"):
            code = actor.get("country") or code
    else:
        code = str(actor)
    code = str(code).strip().upper()
    if not code:
        return None
    if code in ORGANISATIONS:
        return ORGANISATIONS[code]
    if code.startswith("IGO"):
        for n in range(len(code) - 1, 5, -1):  # IGOUNOMIL -> IGOUNO
            if code[:n] in ORGANISATIONS:
                return ORGANISATIONS[code[:n]]
        return "IGO" if code == "IGO" or code[3:] in SECTORS else code
    return code[:3]


def same_actor(gold_code: Any, pred_key: str | None) -> bool:
    """Whether a gold actor code names the actor a prediction's key stands for."""
    gold_key = country(gold_code)
    if gold_key == "IGO":  # any organisation
        return pred_key is not None and (
            pred_key == "IGO" or pred_key in ORGANISATION_KEYS or pred_key.startswith("IGO")
        )
    return gold_key == pred_key


def predicted_root(pred: Row) -> str | None:
    """The CAMEO root of a prediction: its `root`, else the first two digits of `cameo`."""
    root = pred.get("root")
    if root is None and pred.get("cameo"):
        root = str(pred["cameo"])[:2]
    if root is None:
        return None
    return str(root).zfill(2)[:2]


def gold_roots(gold: Row) -> list[str]:
    """The acceptable roots of a gold event; a lone string is read as a list of one."""
    roots = gold.get("root") or []
    return [roots] if isinstance(roots, str) else list(roots)


def date_agrees(gold_date: str | None, pred_date: str | None) -> bool | None:
    """Whether the predicted date agrees with the gold to the gold's precision; None when
    the gold has no date (then the event does not count toward date accuracy)."""
    if not gold_date:
        return None
    if not pred_date:
        return False
    return str(pred_date).startswith(gold_date)


def _in_sentence(evidence: str, pred: Row) -> bool:
    return evidence in (pred.get("sentence") or "")


def event_matches(gold: Row, pred: Row, strict: bool = False) -> bool:
    """Whether a prediction codes the gold event (country pair, root, strict evidence)."""
    if predicted_root(pred) not in gold_roots(gold):
        return False
    if strict and not _in_sentence(gold["evidence"], pred):
        return False
    src, tgt = country(pred.get("source")), country(pred.get("target"))
    gold_src, gold_tgt = gold["source"], gold.get("target")
    forward = same_actor(gold_src, src) and (gold_tgt is None or same_actor(gold_tgt, tgt))
    backward = (
        bool(gold.get("symmetric"))
        and same_actor(gold_src, tgt)
        and (gold_tgt is None or same_actor(gold_tgt, src))
    )
    return forward or backward


def stance_matches(gold: Row, pred: Row) -> bool:
    """Same holder country, same subject country, same kind of stance."""
    return (
        same_actor(gold["holder"], country(pred.get("holder")))
        and same_actor(gold["about"], country(pred.get("subject")))
        and pred.get("stance") == gold["stance"]
    )


def _match(
    gold_rows: Sequence[Row],
    pred_rows: Iterable[Row],
    fits: Callable[[Row, Row], bool],
) -> dict[str, Any]:
    """Greedy one-to-one matching per document, and the numbers every scorer reports."""
    preds_by_doc: dict[str, list[Row]] = defaultdict(list)
    for pred in pred_rows:
        preds_by_doc[str(pred.get("doc_id"))].append(pred)
    gold_docs = {str(g["doc"]) for g in gold_rows}
    remaining = {doc: list(preds_by_doc[doc]) for doc in gold_docs}
    matched = dated = dated_right = 0
    misses: list[dict[str, Any]] = []
    hits: list[Row] = []
    for gold in gold_rows:
        free = remaining[str(gold["doc"])]
        from_evidence = [p for p in free if _in_sentence(gold["evidence"], p)]
        elsewhere = [p for p in free if not _in_sentence(gold["evidence"], p)]
        hit = next((p for p in from_evidence + elsewhere if fits(gold, p)), None)
        if hit is None:
            misses.append(dict(gold))
            continue
        free.remove(hit)
        hits.append(hit)
        matched += 1
        agrees = date_agrees(gold.get("date"), hit.get("date"))
        if agrees is not None:
            dated += 1
            dated_right += int(agrees)
    n_pred = sum(len(preds_by_doc[doc]) for doc in gold_docs)
    n_gold = len(gold_rows)
    precision = matched / n_pred if n_pred else 0.0
    recall = matched / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "matched": matched,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "date_accuracy": round(dated_right / dated, 3) if dated else None,
        "misses": misses,
        "hits": hits,  # the predictions that matched, for calibration and error analysis
    }


def score(gold_rows: Sequence[Row], pred_rows: Iterable[Row], strict: bool = False) -> dict:
    """Precision, recall, F1 and date accuracy of predicted events against gold events.

    Predictions are `Event.to_dict()` records (or anything with doc_id, sentence, source,
    target, root or cameo, date). Returns gold, predicted, matched, precision, recall, f1,
    date_accuracy (None when no matched gold has a date) and misses (the unmatched gold).
    """
    return _match(gold_rows, pred_rows, lambda g, p: event_matches(g, p, strict))


def evaluate(gold_rows: Sequence[Row], pred_rows: Iterable[Row]) -> dict[str, Any]:
    """The loose score with `strict_f1` added: the one summary the CLI and benchmarks print."""
    preds = list(pred_rows)
    result = score(gold_rows, preds)
    result["strict_f1"] = score(gold_rows, preds, strict=True)["f1"]
    return result


def score_stances(gold_rows: Sequence[Row], pred_rows: Iterable[Row]) -> dict[str, Any]:
    """The same measures for stances (seed-stances.jsonl: holder, about, stance, date).

    Predictions are `Stance.to_dict()` records; a match needs the holder's and the
    subject's country and the kind of stance to agree.
    """
    return _match(gold_rows, pred_rows, stance_matches)


def load_gold(path: str | Path, required: Sequence[str] = GOLD_EVENT_FIELDS) -> list[dict]:
    """Read a gold JSONL file, refusing a malformed line with E008 (file, line, reason)."""
    rows = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SeismoError(Errors.E003.format(path=path, reason=exc)) from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise _gold_error(path, number, f"not JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise _gold_error(path, number, "not a JSON object")
        missing = [name for name in required if row.get(name) in (None, "", [])]
        if missing:
            raise _gold_error(path, number, f"missing {', '.join(missing)}")
        rows.append(row)
    return rows


def _gold_error(path: str | Path, line: int, reason: str) -> SeismoError:
    return SeismoError(Errors.E008.format(path=path, line=line, reason=reason))
