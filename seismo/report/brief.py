"""What a brief on one dyad says, assembled from the store and the analytics.

A brief is read by someone who was not at the terminal: it has to say what changed, when,
by how much, and show the sentences behind every claim. So this module gathers, for two
actors, the trajectory (`dyad_series`), the shifts with their explaining events
(`detect_shifts`), the strongest events of each year or quarter with their documents, and the
stances each side stated about the other, into one plain dict that the HTML template, the
PDF and the JSON API all render.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

from seismo.analytics.dyads import check_period, dyad_series, has_table
from seismo.analytics.shifts import detect_shifts
from seismo.model import CODER_VERSION
from seismo.store.queries import query_events, query_stances
from seismo.store.rows import fetch_dicts
from seismo.vocabulary import BRIEF_PERIODS, QUAD_CLASS_NAMES

# A dyad's events are few (hundreds, not millions): read them all, up to this many.
MAX_EVENTS = 20_000
EVENTS_PER_GROUP = 4


def choose_period(first: dt.date | None, last: dt.date | None, period: str) -> str:
    """The series resolution: the one asked for, or for "auto" one that suits the span.

    Quarters over anything longer than four years: years are too coarse for the change-point
    search (with segments of at least two periods, a 2022 break lands in 2021), and months
    over decades are mostly empty and noisy. Shorter spans go by month.
    """
    if period != "auto":
        return check_period(period)
    if first is None or last is None:
        return "quarter"
    years = (last - first).days / 365.25
    return "quarter" if years > 4 else "month"


def group_label(day: dt.date, by: str) -> str:
    """The heading key events are listed under: "2022" or "2022 Q1"."""
    if by == "year":
        return str(day.year)
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def actor_name(events: Sequence[dict[str, Any]], key: str) -> str:
    """The name the events use most for the actor `key` ("Russia" over "Soviet Union")."""
    names: Counter[str] = Counter()
    for event in events:
        for role in ("source", "target"):
            actor = event.get(role) or {}
            if key in (actor.get("country"), actor.get("code")) and actor.get("name"):
                names[actor["name"]] += 1
    return names.most_common(1)[0][0] if names else key


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def trajectory_summary(
    events: Sequence[dict[str, Any]], shifts: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """Counts by QuadClass and mean Goldstein per event before and after the main shift.

    The main shift is the one whose before and after differ most in mean Goldstein per
    event, weighed by how many events stand on each side: the change a reader asks about. With no shift there is no "before" to speak of,
    and only the overall mean is given.
    """
    quads = Counter(int(e["quad_class"]) for e in events if e.get("quad_class"))
    dated = [e for e in events if e.get("event_date")]
    summary: dict[str, Any] = {
        "events": len(events),
        # as the text gives them ("1956", "2022-03"), not padded to a first day
        "first": min(dated, key=lambda e: e["event_date"])["date"] if dated else None,
        "last": max(dated, key=lambda e: e["event_date"])["date"] if dated else None,
        "by_quad": [
            {"quad_class": q, "name": QUAD_CLASS_NAMES[q], "events": quads.get(q, 0)}
            for q in QUAD_CLASS_NAMES
        ],
        "cooperation": quads.get(1, 0) + quads.get(2, 0),
        "conflict": quads.get(3, 0) + quads.get(4, 0),
        "goldstein_mean": _mean([e["goldstein"] for e in events if e.get("goldstein") is not None]),
        "main_shift": None,
    }
    splits = []
    for shift in shifts:
        before = [e["goldstein"] for e in dated if e["event_date"] < shift["date"]]
        after = [e["goldstein"] for e in dated if e["event_date"] >= shift["date"]]
        if before and after:
            gap = abs(sum(after) / len(after) - sum(before) / len(before))
            weight = math.sqrt(len(before) * len(after) / (len(before) + len(after)))
            splits.append((gap * weight, shift, before, after))
    if splits:
        # the shift that best separates the whole history into a before and an after (a
        # two-sample t-like score), not merely the largest jump: the end of a burst is a
        # large jump too, and a split after three early events is no "before"
        _, main, before, after = max(splits, key=lambda s: s[0])
        summary["main_shift"] = {
            "date": main["date"],
            "direction": main["direction"],
            "goldstein_before": _mean(before),
            "goldstein_after": _mean(after),
            "events_before": len(before),
            "events_after": len(after),
        }
    return summary


def key_events(
    events: Sequence[dict[str, Any]], by: str, per_group: int = EVENTS_PER_GROUP
) -> list[dict[str, Any]]:
    """The strongest events of each year (or quarter), one per sentence, oldest group first.

    Strongest is |Goldstein|: a sanction says more about a relationship than a phone call.
    A sentence that yields an event each way ("A and B signed") is shown once.
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        if not event.get("event_date"):
            continue
        day = dt.date.fromisoformat(event["event_date"])
        groups.setdefault(group_label(day, by), []).append(event)
    result = []
    for label in sorted(groups):
        ranked = sorted(
            groups[label],
            key=lambda e: (-abs(e.get("goldstein") or 0.0), e["event_date"], e["event_id"]),
        )
        seen: set[tuple[str, Any]] = set()
        chosen = []
        for event in ranked:
            sentence_key = (event["doc_id"], event.get("sentence_index"))
            if sentence_key in seen:
                continue
            seen.add(sentence_key)
            chosen.append(event)
            if len(chosen) == per_group:
                break
        chosen.sort(key=lambda e: (e["event_date"], e["event_id"]))
        result.append({"label": label, "events": chosen, "total": len(groups[label])})
    return result


def _one_per_sentence(events: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first event of each sentence: "A and B agreed" is one piece of evidence, not two."""
    seen: set[tuple[str, Any]] = set()
    kept = []
    for event in events:
        key = (event["doc_id"], event.get("sentence_index"))
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept


def documents_for(con: Any, doc_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Title, outlet, URL and publication date of the cited documents, and for stories
    that several outlets carried (seismo.sources), every outlet that did."""
    if not doc_ids or not has_table(con, "documents"):
        return {}
    rows = fetch_dicts(
        con.execute(
            "SELECT doc_id, content_hash, title, url, source, published FROM documents "
            "WHERE doc_id = ANY(?) ORDER BY published NULLS LAST, doc_id",
            [sorted(set(doc_ids))],
        )
    )
    found: dict[str, dict[str, Any]] = {}
    for row in rows:
        row["published"] = row["published"].isoformat() if row["published"] else None
        row["also"] = []
        found.setdefault(row["doc_id"], row)
    if found and has_table(con, "document_sources"):
        copies = fetch_dicts(
            con.execute(
                "SELECT content_hash, doc_id, url, source, published FROM document_sources "
                "WHERE content_hash = ANY(?) ORDER BY published NULLS LAST, doc_id",
                [[row["content_hash"] for row in found.values()]],
            )
        )
        by_hash = {row["content_hash"]: row for row in found.values()}
        for copy in copies:
            doc = by_hash[copy["content_hash"]]
            if copy["doc_id"] != doc["doc_id"]:
                copy["published"] = copy["published"].isoformat() if copy["published"] else None
                doc["also"].append(copy)
    return found


def dyad_stances(
    con: Any, a: str, b: str, since: dt.date | None, until: dt.date | None
) -> list[dict[str, Any]]:
    """What each side said the other is (ally, partner, threat...), in time order."""
    if not has_table(con, "stances"):
        return []
    both = query_stances(con, a, b, since, until) + query_stances(con, b, a, since, until)
    return sorted(both, key=lambda s: (s.get("stance_date") or "9999", s["stance_id"]))


def build_brief(
    con: Any,
    a: str,
    b: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    period: str = "auto",
    modalities: Sequence[str] | None = ("asserted",),
) -> dict[str, Any]:
    """Everything a brief on the a–b dyad shows, as plain JSON-ready data.

    Counts asserted events by default: an announced visit or a threatened sanction is not a
    change in relations until it happens.
    """
    if period not in BRIEF_PERIODS:
        choices = ", ".join(BRIEF_PERIODS)
        raise ValueError(f"Unknown period '{period}'. Choose one of: {choices}.")
    events, _ = query_events(
        con, dyad=(a, b), since=since, until=until, modalities=modalities, limit=MAX_EVENTS
    )
    dated = [e for e in events if e.get("event_date")]
    first = dt.date.fromisoformat(min(e["event_date"] for e in dated)) if dated else None
    last = dt.date.fromisoformat(max(e["event_date"] for e in dated)) if dated else None
    resolution = choose_period(since or first, until or last, period)
    scope: dict[str, Any] = {"since": since, "until": until, "modalities": modalities}
    series = dyad_series(con, a, b, period=resolution, **scope) if dated else []
    shifts = detect_shifts(con, a, b, period=resolution, **scope) if dated else []
    for shift in shifts:
        shift["events"] = _one_per_sentence(shift["events"])
    long_span = first is not None and last is not None and last.year - first.year > 6
    grouping = "year" if resolution == "year" or long_span else "quarter"
    groups = key_events(events, grouping)
    cited = [e["doc_id"] for g in groups for e in g["events"]]
    cited += [e["doc_id"] for s in shifts for e in s["events"]]
    stances = dyad_stances(con, a, b, since, until)
    cited += [s["doc_id"] for s in stances]
    documents = documents_for(con, cited)
    return {
        "a": a,
        "b": b,
        "a_name": actor_name(events, a),
        "b_name": actor_name(events, b),
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
        "period": resolution,
        "grouping": grouping,
        "modalities": list(modalities) if modalities else ["all"],
        "summary": trajectory_summary(events, shifts),
        "series": series,
        "shifts": shifts,
        "key_events": groups,
        "undated_events": len(events) - len(dated),
        "stances": stances,
        "documents": sorted(
            documents.values(), key=lambda d: (d["published"] or "9999", d["doc_id"])
        ),
        "documents_by_id": documents,
        "coder": sorted({e["coder"] for e in events if e.get("coder")}) or [CODER_VERSION],
        "generated": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }
