"""When an event happened: the date words nearest the trigger, carried where the text does.

The article's date is never an event's date by default. A sentence's own date expression
wins; the one in the trigger's clause beats one elsewhere in the sentence; a date bound to
another noun ("the declaration of October 19, 1956") is that noun's. A sentence without a
date continues the story of the paragraph (the last date given), and a sentence that names a
well-known event ("after the invasion of Ukraine") is placed in that event's year.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Span, Token

from seismo.dates import TemporalExpression, find_temporal_expressions
from seismo.model import EventDate

KNOWN_EVENTS_FILE = Path(__file__).resolve().parent / "tables" / "known_events.yaml"


@dataclass(frozen=True)
class KnownEvent:
    name: str
    source: str | None
    target: str | None
    roots: tuple[str, ...]
    nouns: frozenset[str]
    pattern: re.Pattern[str]
    date: str
    valid_from: dt.date


@functools.cache
def known_events() -> tuple[KnownEvent, ...]:
    raw: list[dict[str, Any]] = yaml.safe_load(KNOWN_EVENTS_FILE.read_text(encoding="utf-8"))
    out = []
    for entry in raw:
        out.append(
            KnownEvent(
                name=entry["name"],
                source=entry.get("source"),
                target=entry.get("target"),
                roots=tuple(entry.get("roots", ())),
                nouns=frozenset(entry.get("nouns", ())),
                pattern=re.compile(entry["pattern"], re.IGNORECASE),
                date=str(entry["date"]),
                valid_from=dt.date.fromisoformat(str(entry["from"])),
            )
        )
    return tuple(out)


def _precision(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}[len(value)]


def known_event_date(
    source: str | None, target: str | None, root: str, noun: str, anchor: dt.date | None
) -> EventDate | None:
    """The date of a well-known event that a nominal trigger refers to."""
    for known in known_events():
        if anchor is not None and anchor < known.valid_from:
            continue
        if known.source and known.source != source:
            continue
        if known.target and known.target != target:
            continue
        if root in known.roots and noun in known.nouns:
            return EventDate(known.date, _precision(known.date), known.name)
    return None


# "at the same time as X", "on the eve of X": the sentence shares X's month, not only its year
CLOSE_IN_TIME = re.compile(
    r"simultaneous(?:ly)? with|at the same time as|on the eve of|just before|just after|"
    r"shortly (?:before|after)|in the (?:first )?days? (?:of|after)|amid",
    re.IGNORECASE,
)


def sentence_reference_date(text: str, anchor: dt.date | None) -> EventDate | None:
    """A well-known event named in the sentence: what the sentence tells is no earlier.

    Only the year is claimed, or the month where the text ties the two closely together.
    """
    if anchor is None:
        return None
    for known in known_events():
        if anchor >= known.valid_from and known.pattern.search(text):
            if CLOSE_IN_TIME.search(text) and len(known.date) >= 7:
                return EventDate(known.date[:7], "month", known.name)
            return EventDate(known.date[:4], "year", known.name)
    return None


RESPONSE_WORDS = re.compile(
    r"\b(?:sanction|restriction|measure|retaliat|in response to|in view of|reaction)",
    re.IGNORECASE,
)


def contradicted_year(
    date: EventDate, sentence: str, responds_to: list[EventDate]
) -> EventDate | None:
    """A printed date that comes before the acts its sentence answers (flag, don't change).

    `responds_to` are the dates of the earlier events, in the same document, by the target
    against the source. Returns the date with a `warning`, and the likely intended date in
    the warning text; the caller keeps the printed value.
    """
    if not date.value or not responds_to or not RESPONSE_WORDS.search(sentence):
        return None
    answered = [d for d in responds_to if d.value and d.value[:4] > date.value[:4]]
    if not answered:
        return None
    year = min(d.value[:4] for d in answered if d.value)
    likely = year + date.value[4:]
    warning = f"printed as {date.value}, before the {year} acts it responds to; probably {likely}"
    return EventDate(date.value, date.precision, date.text, warning, date.end)


def likely_date(date: EventDate) -> EventDate:
    """The date a flagged one probably meant, for carrying the story on (never printed)."""
    if date.warning and "probably " in date.warning:
        value = date.warning.rsplit("probably ", 1)[1]
        return EventDate(value, date.precision, date.text)
    return date


@dataclass
class SentenceDates:
    """The date expressions of one sentence, found once and shared by its triggers."""

    sent: Span
    expressions: list[TemporalExpression]

    @classmethod
    def find(cls, sent: Span, anchor: dt.date | None, tense: str | None) -> SentenceDates:
        return cls(sent, find_temporal_expressions(sent.text, anchor, tense))

    def _token_at(self, char: int) -> Token | None:
        span = self.sent.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _bound_noun(self, expr: TemporalExpression) -> Token | None:
        """The noun a date is attached to ("the declaration of October 19, 1956")."""
        tok = self._token_at(expr.start)
        if tok is None:
            return None
        head = tok
        for _ in range(4):
            if head.head.i == head.i:
                return None
            head = head.head
            if self.sent.start_char + expr.start <= head.idx < self.sent.start_char + expr.end:
                continue
            if head.pos_ in ("VERB", "AUX"):
                return None
            if head.pos_ == "NOUN":
                return head
        return None

    def for_trigger(self, trigger: Token) -> EventDate | None:
        """The date expression that belongs to this trigger, if the sentence has one."""
        if not self.expressions:
            return None
        clause = trigger
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        lo = clause.left_edge.idx - self.sent.start_char
        hi = clause.right_edge.idx + len(clause.right_edge) - self.sent.start_char
        pos = trigger.idx - self.sent.start_char
        best: tuple[float, TemporalExpression] | None = None
        for expr in self.expressions:
            score = float(min(abs(expr.start - pos), abs(expr.end - pos)))
            bound = self._bound_noun(expr)
            if bound is not None and bound.i != trigger.i:
                score += 1000
            if not (lo <= expr.start < hi):
                score += 300
            if best is None or score < best[0]:
                best = (score, expr)
        assert best is not None
        return best[1].date

    def last(self) -> EventDate | None:
        return self.expressions[-1].date if self.expressions else None


def coarsen(date: EventDate, precision: str) -> EventDate:
    """The same date at a coarser precision (carried dates for plans keep only the year)."""
    if not date.value:
        return date
    size = {"year": 4, "month": 7, "day": 10}[precision]
    if len(date.value) <= size:
        return date
    return EventDate(date.value[:size], precision, date.text, date.warning)


__all__ = ["SentenceDates", "coarsen", "known_event_date", "sentence_reference_date"]
