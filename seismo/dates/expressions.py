"""Temporal expressions in a sentence, resolved against the publication date.

GDELT dates an event by its article; seismo dates it by when it happened, at the precision
the text gives. This module runs on every sentence of every article, so it is regexes
compiled once, a one-search gate for sentences with no date words, and no dateparser.

How a sentence is read: every recognizer proposes candidates; the preposition or part
before each ("since", "at the end of", "in the spring of") is attached; bare years and
month names survive only in a date-like context; the longest readings win overlaps;
"in 1945, 1956 and 1960" extends to the listed years; "from March to May 2022" and
"between 7 March and 9 May" merge into ranges; the preposition sets the kind.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from seismo.dates import absolute, eras, relative
from seismo.dates.calendar import PRECISION_RANK, coarsen, format_value, is_real, precision_of
from seismo.dates.candidates import Candidate, Context, Recognizer
from seismo.dates.lexicon import AMOUNT_WORDS, PRECHECK, QUANTITY_NOUNS, WEEKDAYS, year_group
from seismo.model import EventDate

KINDS = (
    "point",  # one year, month or day
    "range",  # from a value to an end
    "since",  # from this date on ("since 2014")
    "until",  # up to this date ("until 2030", "by 2030")
    "before",  # only a bound: the event is earlier
    "after",  # only a bound: the event is later
    "relative",  # placed by the anchor: "yesterday", "last month", "two years ago"
    "era",  # a named period: "during World War II"
    "decade",
    "century",
    "season",  # a season, quarter or half of a year, at year precision
)


@dataclass(frozen=True)
class TemporalExpression:
    """A stretch of text that says when, and the date it says.

    `start`/`end` are character offsets into the text given, so `text[start:end] == text`.
    `date.value` is None when the expression needs an anchor and none was given.
    """

    start: int
    end: int
    text: str
    date: EventDate
    kind: str
    explicit_year: bool


_RECOGNIZERS = absolute.RECOGNIZERS + relative.RECOGNIZERS + eras.RECOGNIZERS


def _by_gate(recognizers: list[Recognizer]) -> list[tuple[Recognizer, list[Recognizer]]]:
    """Recognizers grouped by their gate, so each gate is tested once per sentence."""
    groups: dict[int, tuple[Recognizer, list[Recognizer]]] = {}
    for recognizer in recognizers:
        groups.setdefault(id(recognizer.gate), (recognizer, []))[1].append(recognizer)
    return list(groups.values())


_GATED = _by_gate(_RECOGNIZERS)

_PREFIX = re.compile(
    r"(?:\b(?P<prep>as\s+of|since|until|till|through|throughout|by|before|after|from|between"
    r"|in|on|during|of|at|around|circa|starting|beginning|ending)\s+)?"
    r"(?P<part>\b(?:the\s+)?(?:very\s+)?(?:end|start|beginning|middle|close|turn|course"
    r"|(?:first|second|latter)\s+half|(?:first|second|third|fourth|final|last)\s+quarter"
    r"|(?:first|last|final|closing|early|opening)\s+(?:days|weeks|months)"
    r"|spring|summer|autumn|fall|winter)\s+of\s+(?:the\s+year\s+)?"
    r"|\b(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+"
    r"|\b(?:Q[1-4]|H[12])\s+"
    r"|\b(?:the\s+)?(?:early|late|mid)(?:\s+|-\s*)"
    r"|\bthe\s+year\s+)?"
    r"(?P<article>\bthe\s+)?"
    r"(?:\b(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s+)?",
    re.IGNORECASE,
)
_WORD_START = re.compile(r"\b\w")
_SEASON_PARTS = re.compile(r"spring|summer|autumn|fall|winter|quarter|half|\bq\d|\bh\d", re.I)
_ATTRIBUTIVE_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|this|that|whose)|\w['’]s|s['’])\s+$", re.I
)
_ATTRIBUTIVE_AFTER = re.compile(r"['’]s\b|\s+[A-Za-z]")
_CONTEXT_PREPOSITIONS = frozenset(
    "in since by until till from before after during of throughout through between around "
    "circa as_of starting beginning ending".split()
)
_ERA_PREPOSITIONS = frozenset(
    "in during at since until till by through throughout as_of starting beginning".split()
)
_SINCE = frozenset(("since", "from", "starting", "beginning"))
_UNTIL = frozenset(("until", "till", "by", "ending", "through"))
_LIST_YEAR = re.compile(
    rf"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){year_group('year')}", re.IGNORECASE
)
_RANGE_JOINER = re.compile(r"\s*(?:-|–|—|to|until|till|through|and)\s*", re.IGNORECASE)
_BOUND_WARNING = "only a bound: the event is {kind} this date"


def find_temporal_expressions(
    text: str, anchor: dt.date | None, tense: str | None = None
) -> list[TemporalExpression]:
    """Every expression of time in `text`, in order, each with its resolved date.

    `anchor` is the publication date (None when unknown: then only written-out years can
    be resolved); `tense` is "past", "future" or None and picks which "March 7" or
    "Tuesday" is meant. Never raises; returns [] for text with no date words.
    """
    if not isinstance(text, str) or not text:
        return []
    lowered = text.lower()
    if not PRECHECK.search(lowered):
        return []
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    elif not isinstance(anchor, dt.date):
        anchor = None
    context = Context(anchor, tense if tense in ("past", "future") else None)
    candidates = []
    for gatekeeper, recognizers in _GATED:
        if gatekeeper.admits(text, lowered):
            for recognizer in recognizers:
                candidates.extend(_candidates(recognizer, text, context))
    chosen = _extend_lists(text, _select(candidates))
    chosen = _merge_ranges(text, [c for c in chosen if not c.invalid])
    return [_expression(text, c) for c in chosen]


def resolve_expression(
    text: str, anchor: dt.date | None, tense: str | None = None
) -> EventDate | None:
    """The date of the first resolvable expression in `text`, or None: never the anchor
    by default, since an undated sentence is not about the day it was published."""
    for expression in find_temporal_expressions(text, anchor, tense):
        if expression.date.value is not None:
            return expression.date
    return None


def _candidates(recognizer: Recognizer, text: str, context: Context) -> list[Candidate]:
    found_here = []
    for match in recognizer.pattern.finditer(text):
        try:
            found = recognizer.handler(match, context)
        except (ValueError, KeyError, IndexError, OverflowError):
            found = None  # a malformed match is not a date; the sentence goes on
        if found is None or not (is_real(found.value) and is_real(found.end_value)):
            continue  # "last year" against an anchor in year 1 has no year to give
        if _in_context(text, found):
            found_here.append(found)
    return found_here


def _in_context(text: str, found: Candidate) -> bool:
    """Attach the preposition or part before `found`; say whether it is a date here."""
    core_start = found.start
    prefix = _prefix(text, core_start)
    if prefix is not None and prefix["weekday"] and found.precision not in ("day", None):
        prefix = None  # a weekday only qualifies a day: "on Tuesday, 2014 saw ..." is two things
    preposition = part = None
    if prefix is not None:
        preposition = "_".join(prefix.group("prep").lower().split()) if prefix["prep"] else None
        part = prefix.group("part")
        found.start, found.preposition = prefix.start(), preposition
        if prefix["weekday"]:
            _check_weekday(found, prefix["weekday"])
    if found.precision == "year" and text[found.end - 1].isdigit():
        if _counts_something(text, found):  # "in 2000 troops"; "30 April 2022 Articles" is fine
            return False
    if found.kind == "era":
        if preposition in ("after", "before"):
            return False
        return not found.needs_context or preposition in _ERA_PREPOSITIONS
    if part and found.kind == "point" and _SEASON_PARTS.search(part):
        found.kind = "season"
    if not found.needs_context or part:
        return True
    if preposition == "of" and _word_before(text, found.start) in AMOUNT_WORDS:
        return False  # "a total of 2000"
    if preposition in _CONTEXT_PREPOSITIONS:
        return True
    return found.month is None and _attributive(text, core_start, found.end)


def _prefix(text: str, core_start: int) -> re.Match[str] | None:
    """The longest preposition-and-part that ends where the expression starts.

    Trying the few word starts before it, earliest first, is much cheaper than a regex
    search anchored at the end, which would try every character of the window.
    """
    for word in _WORD_START.finditer(text, max(0, core_start - 48), core_start):
        prefix = _PREFIX.fullmatch(text, word.start(), core_start)
        if prefix is not None:
            return prefix
    return None


def _check_weekday(found: Candidate, weekday: str) -> None:
    """Flag "Monday, March 8, 2022" when March 8 was not a Monday: the text contradicts itself."""
    day = EventDate(found.value, found.precision).start if found.value else None
    if day is not None and day.weekday() != WEEKDAYS[weekday.lower()]:
        found.warning = f"{weekday} does not fall on {found.value}"


def _counts_something(text: str, found: Candidate) -> bool:
    """A number followed by "troops" or "people" counts them: "2000 troops" is no year."""
    following = text[found.end : found.end + 24].split(maxsplit=1)
    return bool(following) and following[0].lower().strip(".,;:") in QUANTITY_NOUNS


def _word_before(text: str, position: int) -> str:
    words = text[max(0, position - 24) : position].split()
    return words[-1].lower() if words else ""


def _attributive(text: str, start: int, end: int) -> bool:
    """A year used as an adjective: "the 1956 declaration", "Japan's 2018 summit", "2014's"."""
    after = _ATTRIBUTIVE_AFTER.match(text, end)
    if after is None:
        return False
    if after.group(0)[0] in "'’":  # a possessive year
        return True
    return _ATTRIBUTIVE_BEFORE.search(text, max(0, start - 24), start) is not None


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """The longest readings that do not overlap, in text order (first recognizer wins ties)."""
    chosen: list[Candidate] = []  # kept in text order, so a new one checks two neighbours
    starts: list[int] = []
    for found in sorted(candidates, key=lambda c: -c.length):
        at = bisect.bisect_right(starts, found.start)
        if at > 0 and chosen[at - 1].end > found.start:
            continue
        if at < len(chosen) and chosen[at].start < found.end:
            continue
        chosen.insert(at, found)
        starts.insert(at, found.start)
    return chosen


def _extend_lists(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """ "in 1945, 1956 and 1960": years listed after a dated year are dates too."""
    result: list[Candidate] = []
    for index, found in enumerate(chosen):
        result.append(found)
        limit = chosen[index + 1].start if index + 1 < len(chosen) else len(text)
        tail = found
        while tail.explicit_year and tail.value and not tail.invalid:
            match = _LIST_YEAR.match(text, tail.end)
            if match is None or match.end() > limit:
                break
            year = Candidate(match.start("year"), match.end(), match.group("year"), "year")
            if _counts_something(text, year):
                break
            result.append(year)
            tail = year
    return result


def _merge_ranges(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Join "from March 2014 to May 2015" and "between 7 March and 9 May 2022" into one
    range; a first end without a written year takes the year of the second."""
    result: list[Candidate] = []
    for found in chosen:
        previous = result[-1] if result else None
        if previous is not None and _joined(text, previous, found):
            merged = _merged(previous, found)
            if merged is not None:
                result[-1] = merged
                continue
        result.append(found)
    return result


def _joined(text: str, first: Candidate, second: Candidate) -> bool:
    joiner = _RANGE_JOINER.fullmatch(text, first.end, second.start)
    if joiner is None or second.preposition is not None:
        return False
    word = joiner.group(0).strip().lower()
    if word == "and":
        return first.preposition == "between"
    if word in ("-", "–", "—"):
        return first.preposition in (None, "from", "between", "in", "during")
    return first.preposition in ("from", "between")


def _merged(first: Candidate, second: Candidate) -> Candidate | None:
    if second.value is None or second.kind not in ("point", "range"):
        return None
    first_value = first.value
    if not first.explicit_year and first.month is not None and second.explicit_year:
        second_year = int(second.value[:4])
        same_year = (first.month, first.day or 1) <= (second.month or 12, second.day or 31)
        first_value = format_value(second_year - (0 if same_year else 1), first.month, first.day)
    if first_value is None or first.kind not in ("point", "range"):
        return None
    last = second.end_value or second.value
    precision = min(precision_of(first_value), precision_of(last), key=PRECISION_RANK.__getitem__)
    first_value, last = coarsen(first_value, precision), coarsen(last, precision)
    if not first_value < last:
        return None
    return Candidate(
        first.start,
        second.end,
        first_value,
        precision,
        kind="range",
        explicit_year=first.explicit_year or second.explicit_year,
        end_value=last,
        preposition=first.preposition,
    )


def _expression(text: str, found: Candidate) -> TemporalExpression:
    """The public record of a candidate, its kind set by the preposition before it."""
    kind, value, end, warning = found.kind, found.value, found.end_value, found.warning
    preposition = found.preposition
    if kind != "range" and value is not None:
        if preposition in _SINCE:
            kind, value, end = "since", found.since_value or value, None
        elif preposition in _UNTIL:
            kind = "until"
        elif preposition in ("before", "after"):
            kind, warning = preposition, _BOUND_WARNING.format(kind=preposition)
    precision = precision_of(value) if value else None
    date = EventDate(value, precision, text[found.start : found.end], warning, end)
    return TemporalExpression(
        found.start, found.end, text[found.start : found.end], date, kind, found.explicit_year
    )
