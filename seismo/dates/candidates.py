"""What a recognizer proposes before the finder chooses among overlapping readings."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from seismo.dates.calendar import format_value


@dataclass(frozen=True)
class Context:
    """What resolving needs besides the words: the publication date and the clause's tense."""

    anchor: dt.date | None
    tense: str | None


@dataclass
class Candidate:
    """One reading of a stretch of text.

    `needs_context` marks readings that are only dates in a date-like context (a bare
    "1956" or "February"); `invalid` marks a date-shaped stretch that names no day
    ("31 February 2022"): it wins over its shorter sub-readings, then is dropped, so
    "February 2022" is not salvaged out of it. `month`/`day` are kept for expressions
    without a written year, so a range can lend them the year of its other end.
    """

    start: int
    end: int
    value: str | None
    precision: str | None
    kind: str = "point"
    explicit_year: bool = True
    end_value: str | None = None
    needs_context: bool = False
    invalid: bool = False
    warning: str | None = None
    month: int | None = None
    day: int | None = None
    # what "since <this>" dates from, when not `value`: "since World War II" is since 1945
    since_value: str | None = None
    # set by the finder: the preposition before the expression, lower-cased
    preposition: str | None = None

    @property
    def length(self) -> int:
        return self.end - self.start


Handler = Callable[[re.Match[str], Context], Candidate | None]


@dataclass(frozen=True)
class Recognizer:
    """A regex, what to make of its matches, and the words without which it cannot match.

    The gate is a set of lower-case substrings, one of which must occur in the sentence, or
    a cheap regex that must match it: checking it costs far less than running the pattern,
    and most sentences pass few gates.
    """

    pattern: re.Pattern[str]
    handler: Handler
    gate: tuple[str, ...] | re.Pattern[str]

    def admits(self, text: str, lowered: str) -> bool:
        if isinstance(self.gate, re.Pattern):
            return self.gate.search(text) is not None
        return any(word in lowered for word in self.gate)


def point(
    m: re.Match[str],
    year: int,
    month: int | None = None,
    day: int | None = None,
    *,
    explicit_year: bool = True,
    kind: str = "point",
) -> Candidate:
    """A candidate for one year, month or day, spanning the whole match."""
    precision = "day" if day is not None else "month" if month is not None else "year"
    return Candidate(
        m.start(),
        m.end(),
        format_value(year, month, day),
        precision,
        kind=kind,
        explicit_year=explicit_year,
        month=month,
        day=day,
    )


def span(
    m: re.Match[str], first: str, last: str, precision: str, kind: str, explicit_year: bool = True
) -> Candidate:
    """A candidate for a period from `first` to `last` (value strings of one precision)."""
    if last == first:
        return Candidate(m.start(), m.end(), first, precision, kind, explicit_year)
    return Candidate(m.start(), m.end(), first, precision, kind, explicit_year, end_value=last)


def unresolved(m: re.Match[str], kind: str, warning: str) -> Candidate:
    """A date expression that cannot be placed in time (no anchor): kept, with no value."""
    return Candidate(
        m.start(), m.end(), None, None, kind=kind, explicit_year=False, warning=warning
    )


def invalid(m: re.Match[str]) -> Candidate:
    return Candidate(m.start(), m.end(), None, None, invalid=True)


NO_ANCHOR = "no publication date to resolve against"
