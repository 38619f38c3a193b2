"""Where in a document's text each event's sentence is, so readers can check the coding.

The store keeps each event's sentence and its index, not character offsets; the sentence is
found again in the text. Sentences are searched in order from where the previous one ended
(the same sentence can appear twice), and whitespace may differ because extraction and
sentence splitting normalise it differently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass
class EvidenceRange:
    sentence_index: int | None
    start: int
    end: int
    event_ids: list[str] = field(default_factory=list)


@dataclass
class Segment:
    """A piece of the text, highlighted when it is an evidence sentence."""

    text: str
    evidence: EvidenceRange | None = None


def _find(text: str, sentence: str, start_at: int) -> tuple[int, int] | None:
    at = text.find(sentence, start_at)
    if at < 0:
        at = text.find(sentence)
    if at >= 0:
        return at, at + len(sentence)
    words = sentence.split()
    if not words:
        return None
    loose = re.compile(r"\s+".join(re.escape(w) for w in words))
    match = loose.search(text, start_at) or loose.search(text)
    return (match.start(), match.end()) if match else None


def evidence_ranges(text: str, events: Sequence[dict[str, Any]]) -> list[EvidenceRange]:
    """One range per distinct evidence sentence, in text order, with the events it proves."""
    by_sentence: dict[tuple[int | None, str], list[str]] = {}
    for event in sorted(events, key=lambda e: e.get("sentence_index") or 0):
        sentence = (event.get("sentence") or "").strip()
        if sentence:
            key = (event.get("sentence_index"), sentence)
            by_sentence.setdefault(key, []).append(event["event_id"])
    ranges: list[EvidenceRange] = []
    cursor = 0
    for (index, sentence), event_ids in by_sentence.items():
        found = _find(text, sentence, cursor)
        if found is None:
            continue
        start, end = found
        if any(start < r.end and r.start < end for r in ranges):
            continue  # overlapping evidence would nest <mark>s; the first one stands
        ranges.append(EvidenceRange(index, start, end, event_ids))
        cursor = end
    return sorted(ranges, key=lambda r: r.start)


def segments(text: str, ranges: Sequence[EvidenceRange]) -> list[Segment]:
    """The text cut at the evidence ranges, for a template to wrap the highlighted parts."""
    pieces: list[Segment] = []
    at = 0
    for r in ranges:
        if r.start > at:
            pieces.append(Segment(text[at : r.start]))
        pieces.append(Segment(text[r.start : r.end], r))
        at = r.end
    if at < len(text):
        pieces.append(Segment(text[at:]))
    return pieces
