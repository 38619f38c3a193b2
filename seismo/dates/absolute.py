"""Recognizers for dates written with numbers: full dates, month and day, month and year,
bare years, year ranges, decades and centuries.

Each recognizer is a compiled regex and a handler that turns a match into a `Candidate`
(or None when the match is not a date after all). Bare years and bare month names are
proposed with `needs_context`: the finder keeps them only in a date-like context.
"""

from __future__ import annotations

import re

from seismo.dates.calendar import add_months, format_value, month_day_near, month_near, safe_date
from seismo.dates.candidates import (
    NO_ANCHOR,
    Candidate,
    Context,
    Handler,
    Recognizer,
    invalid,
    point,
    span,
    unresolved,
)
from seismo.dates.lexicon import (
    MONTH_ANY,
    MONTH_FULL,
    MONTH_STEM,
    MONTHS,
    ORDINAL_WORDS,
    QUANTITY_NOUNS,
    day_group,
    year_group,
)

_DASH = r"(?:-|–|—)"
_RANGE_DAY = rf"(?:\s*{_DASH}\s*{day_group('day2')})?"


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _year(m: re.Match[str], name: str = "year") -> int:
    return int(m.group(name))


def _full_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    """October 19, 1956 / 19 October 1956 / March 7-9, 2022."""
    year, month = _year(m), _month(m.group("month"))
    day = int(m.group("day"))
    if safe_date(year, month, day) is None:
        return invalid(m)
    if m.group("day2"):
        day2 = int(m.group("day2"))
        if safe_date(year, month, day2) is None or day2 <= day:
            return invalid(m)
        found = span(
            m, format_value(year, month, day), format_value(year, month, day2), "day", "range"
        )
        found.month, found.day = month, day
        return found
    return point(m, year, month, day)


def _month_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    """March 7 / 7 March / the 7th of March, without a year: placed by anchor and tense."""
    following = m.string[m.end() : m.end() + 20].split()
    if following and following[0].lower().strip(".,;") in QUANTITY_NOUNS:
        return None
    month, day = _month(m.group("month")), int(m.group("day"))
    if safe_date(2000, month, day) is None:  # 2000 is a leap year: only impossible days fail
        return invalid(m)
    if ctx.anchor is None:
        found = unresolved(m, "point", NO_ANCHOR)
        found.month, found.day = month, day
        return found
    when = month_day_near(ctx.anchor, month, day, ctx.tense)
    if when is None:
        return invalid(m)
    if m.group("day2"):
        day2 = int(m.group("day2"))
        if safe_date(when.year, month, day2) is None or day2 <= day:
            return invalid(m)
        found = span(
            m,
            format_value(when.year, month, day),
            format_value(when.year, month, day2),
            "day",
            "range",
            explicit_year=False,
        )
    else:
        found = point(m, when.year, month, day, explicit_year=False)
    found.month, found.day = month, day
    return found


def _iso_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    year, month, day = _year(m), int(m.group("month")), int(m.group("day"))
    if safe_date(year, month, day) is None:
        return invalid(m)
    return point(m, year, month, day)


def _numeric_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    """07.03.2022 is day-first (the dotted form is European); 03/07/2022 is read only when
    one part exceeds 12, otherwise the order is unknown and only the year is kept."""
    first, second, year = int(m.group("a")), int(m.group("b")), _year(m)
    if m.group("sep") == "." or first > 12:
        day, month = first, second
    elif second > 12 or first == second:
        month, day = first, second
    else:
        found = point(m, year)
        found.warning = "day and month order unknown: only the year is kept"
        return found
    if safe_date(year, month, day) is None:
        return invalid(m)
    return point(m, year, month, day)


def _iso_month(m: re.Match[str], ctx: Context) -> Candidate | None:
    """2022-03 is March 2022, unless it reads as a span of years ("2011-12")."""
    year, month = _year(m), int(m.group("month"))
    if not 1 <= month <= 12 or month == (year + 1) % 100:
        return None
    return point(m, year, month)


def _month_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    return point(m, _year(m), _month(m.group("month")))


def _month_range(m: re.Match[str], ctx: Context) -> Candidate | None:
    """March-May 2022 / between March and May 2022: the first month may lie in the year before."""
    year, first, last = _year(m), _month(m.group("month")), _month(m.group("month2"))
    if first == last:
        return None
    start_year = year if first < last else year - 1
    return span(m, format_value(start_year, first), format_value(year, last), "month", "range")


def _bare_month(m: re.Match[str], ctx: Context) -> Candidate | None:
    """in February / last March / next June: the year comes from the anchor."""
    month = _month(m.group("month"))
    modifier = (m.group("modifier") or "").lower().rstrip("-")
    needs_context = modifier == ""
    if ctx.anchor is None:
        found = unresolved(m, "point", NO_ANCHOR)
        found.month, found.needs_context = month, needs_context
        return found
    anchor = ctx.anchor
    if modifier == "last":
        year, month = add_months(anchor.year, anchor.month, -((anchor.month - month) % 12 or 12))
    elif modifier in ("next", "coming"):
        year, month = add_months(anchor.year, anchor.month, (month - anchor.month) % 12 or 12)
    elif modifier == "this":
        year = anchor.year
    else:
        year, month = month_near(anchor, month, ctx.tense)
    found = point(m, year, month, explicit_year=False)
    found.needs_context = needs_context
    return found


def _bare_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    found = point(m, _year(m))
    found.needs_context = True
    return found


def _year_range(m: re.Match[str], ctx: Context) -> Candidate | None:
    """between 2012 and 2020 / from 2012 to 2020 / 2012-2020 / 2014-15."""
    first, written = _year(m), m.group("year2")
    if len(written) == 2:
        last = first - first % 100 + int(written)
        if int(written) <= 12 and int(written) != (first + 1) % 100:
            return None  # "2022-03" is a month, read by _iso_month
    else:
        last = int(written)
    if not first < last <= 2100:
        return None
    return span(m, format_value(first), format_value(last), "year", "range")


_DECADE_WORDS = {
    "twenties": 1920,
    "thirties": 1930,
    "forties": 1940,
    "fifties": 1950,
    "sixties": 1960,
    "seventies": 1970,
    "eighties": 1980,
    "nineties": 1990,
}


def _decade(m: re.Match[str], ctx: Context) -> Candidate | None:
    """the 1990s / the '90s / the nineties → 1990-1999; "the 1800s" and "the 1900s" are
    read as centuries, as English usually means them; "the 2000s" as the decade."""
    groups = m.groupdict()
    if groups.get("decade"):
        start = int(groups["decade"])
    elif groups.get("short"):
        short = int(groups["short"])
        start = 1900 + short if short >= 30 else 2000 + short
    else:
        start = _DECADE_WORDS[groups["word"].lower()]
    if start % 100 == 0 and start < 2000:
        return span(m, format_value(start), format_value(start + 99), "year", "century")
    return span(m, format_value(start), format_value(start + 9), "year", "decade")


def _century(m: re.Match[str], ctx: Context) -> Candidate | None:
    """the 20th century → 1900-1999 (the reading analysts mean, not 1901-2000)."""
    word = m.group("ordinal").lower()
    number = ORDINAL_WORDS.get(word) or int(re.sub(r"\D", "", word) or 0)
    if not 1 <= number <= 21:
        return None
    start = (number - 1) * 100
    return span(m, format_value(start), format_value(start + 99), "year", "century")


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_ORDINALS = "|".join(sorted((re.escape(w) for w in ORDINAL_WORDS), key=len, reverse=True))

_PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    (
        _compile(
            rf"(?P<month>{MONTH_ANY})\s+{day_group('day')}{_RANGE_DAY}"
            rf"(?:,\s*|\s+)(?:of\s+)?{year_group('year')}"
        ),
        _full_date,
    ),
    (
        _compile(
            rf"{day_group('day')}{_RANGE_DAY}\s+(?:of\s+)?"
            rf"(?P<month>{MONTH_ANY}),?\s+(?:of\s+)?{year_group('year')}"
        ),
        _full_date,
    ),
    (
        _compile(rf"(?P<month>{MONTH_ANY})\s+{day_group('day')}{_RANGE_DAY}(?![\w:])"),
        _month_day,
    ),
    (
        _compile(
            rf"{day_group('day')}{_RANGE_DAY}\s+(?:of\s+)?"
            rf"(?P<month>{MONTH_ANY})(?!\w)"
        ),
        _month_day,
    ),
    (
        _compile(
            r"(?<![\w./-])(?P<year>1[89]\d\d|20\d\d|2100)(?P<sep>[-/])(?P<month>\d{1,2})"
            r"(?P=sep)(?P<day>\d{1,2})(?!\d)"
        ),
        _iso_date,
    ),
    (
        _compile(
            r"(?<![\w./-])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)"
            r"(?P<year>1[89]\d\d|20\d\d|2100)(?!\d|\.\d)"
        ),
        _numeric_date,
    ),
    (
        _compile(r"(?<![\w./-])(?P<year>1[89]\d\d|20\d\d|2100)-(?P<month>\d\d)(?![\w-])"),
        _iso_month,
    ),
    (_compile(rf"(?P<month>{MONTH_ANY}),?\s+(?:of\s+)?{year_group('year')}"), _month_year),
    (
        _compile(
            rf"(?:(?i:between|from)\s+)?(?P<month>{MONTH_ANY})\s*(?:{_DASH}|\s(?i:to|until|"
            rf"through|and)\s)\s*(?P<month2>{MONTH_ANY}),?\s+(?:of\s+)?{year_group('year')}"
        ),
        _month_range,
    ),
    (
        _compile(
            rf"(?:\b(?P<modifier>(?i:last|next|this|coming|early|late|mid-?))\s*)?"
            rf"\b(?P<month>{MONTH_FULL})(?![\w'’-])"
        ),
        _bare_month,
    ),
    (_compile(year_group("year")), _bare_year),
    (
        _compile(rf"(?i:between)\s+{year_group('year')}\s+(?i:and)\s+{year_group('year2')}"),
        _year_range,
    ),
    (
        _compile(
            rf"(?i:from)\s+{year_group('year')}\s+(?i:to|until|till|through)\s+"
            rf"{year_group('year2')}"
        ),
        _year_range,
    ),
    (
        _compile(
            rf"{year_group('year')}\s*(?:{_DASH}|/)\s*(?P<year2>1[89]\d\d|20\d\d|2100|\d\d)(?![\d%])"
        ),
        _year_range,
    ),
    (
        _compile(r"(?:(?<![\d.,])(?P<decade>1[89]\d0|20\d0)['’]?s|['’](?P<short>\d0)['’]?s)\b"),
        _decade,
    ),
    (
        _compile(
            r"(?i:the)\s+(?:(?i:early|mid|late)[\s-]+)?(?P<word>(?i:twenties|thirties|forties"
            r"|fifties|sixties|seventies|eighties|nineties))\b"
        ),
        _decade,
    ),
    (
        _compile(
            rf"(?<![\w.,])(?P<ordinal>\d{{1,2}}(?:st|nd|rd|th)|(?i:{_ORDINALS}))[\s-]+(?i:century)\b"
        ),
        _century,
    ),
]

# every numeric form holds a four-digit year ("27 times" opens none of them) or a "'90s"
_DIGIT_GATE = re.compile(r"1[6-9]\d\d|20\d\d|2100|['’]\d0s")
_GATES: dict[Handler, tuple[str, ...] | re.Pattern[str]] = {
    _full_date: MONTH_STEM,
    _month_day: MONTH_STEM,
    _month_year: MONTH_STEM,
    _month_range: MONTH_STEM,
    _bare_month: MONTH_STEM,
    _iso_date: _DIGIT_GATE,
    _numeric_date: _DIGIT_GATE,
    _iso_month: _DIGIT_GATE,
    _bare_year: _DIGIT_GATE,
    _year_range: _DIGIT_GATE,
    _decade: re.compile(r"1[89]\d0|20\d0|['’]\d0s|ties"),
    _century: ("centur",),
}

RECOGNIZERS = [Recognizer(pattern, handler, _GATES[handler]) for pattern, handler in _PATTERNS]
