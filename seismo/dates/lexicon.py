"""The words and regex fragments that dates are written with, compiled once at import.

Month and weekday names must be capitalised ("in May", not "may"; "March 7", not "a march"),
which is what keeps modal verbs and common nouns out of the dates.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(
    (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    start=1,
):
    MONTHS[_name.lower()] = _number
    if len(_name) > 3:
        MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {
    name: index
    for index, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}

# Months in a calendar unit of a length ("for five years", "for two decades")
MONTHS_PER_UNIT: dict[str, int] = {"month": 1, "year": 12, "decade": 120}

NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}

ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty first": 21,
}

# Nouns that make a four-digit number a count, not a year: "2000 troops", "of 1900 people".
QUANTITY_NOUNS = frozenset(
    """
    troops soldiers servicemen people persons men women children civilians residents times
    km kilometres kilometers miles metres meters feet tons tonnes dollars euros yen rubles
    roubles yuan pounds won barrels cases deaths dead casualties wounded members units tanks
    missiles rockets shells drones aircraft planes jets helicopters ships vessels warships
    boats jobs votes seats refugees migrants prisoners detainees hostages pages words years
    months days weeks hours minutes seconds copies items points percent students workers
    employees households homes houses buildings villages companies firms banks officers
    police protesters demonstrators fighters militants sailors marines personnel
    participants delegates visitors tourists users accounts documents articles sq square
    mw gw kw bpd hectares acres calories doses vaccines """.split()
)

# Words before "of" that make the number after it an amount: "a total of 2000".
AMOUNT_WORDS = frozenset(
    """
    total number sum group force fleet crowd population budget fine loss losses average
    maximum minimum figure count toll height depth distance range capacity amount price cost
    value rate score tally majority contingent batch shipment convoy army""".split()
)

# Holidays and named days that are not the weekday of an event: "Black Friday".
WEEKDAY_BLOCKERS = frozenset("black super good bloody holy ash palm easter maundy cyber".split())


def _cased(pattern: str) -> str:
    """The pattern in Title case and in UPPER case ("March", "MARCH"), never "march"."""
    return f"{pattern}|{pattern.upper()}"


# Written as a trie ("Jan(?:uary|\\.)?") rather than a list of 46 spellings: the engine then
# rejects most positions on their first letter, which is what makes the scan cheap.
_MONTH_TRIE = "|".join(
    (
        r"Jan(?:uary|\.)?",
        r"Feb(?:ruary|\.)?",
        r"Mar(?:ch|\.)?",
        r"Apr(?:il|\.)?",
        r"May",
        r"June?\.?",
        r"July?\.?",
        r"Aug(?:ust|\.)?",
        r"Sep(?:t(?:ember|\.)?|\.)?",
        r"Oct(?:ober|\.)?",
        r"Nov(?:ember|\.)?",
        r"Dec(?:ember|\.)?",
    )
)
_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)

MONTH_FULL = rf"\b(?:{_cased(_MONTH_NAMES)})"
MONTH_ANY = rf"\b(?:{_cased(_MONTH_TRIE)})"
WEEKDAY = rf"\b(?:{_cased('(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day')})"
# Cheap test that a sentence may hold a month: a capitalised month stem at a word start.
MONTH_STEM = re.compile(rf"\b(?:{_cased('Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec')})")

# A year we believe: 1800-2100, not glued to other digits, money signs or decimals.
YEAR_BARE = r"(?:1[6-9]\d\d|20\d\d|2100)"
YEAR_GUARD_BEFORE = r"(?<![\d$€£¥#.,/:])(?<!\d-)(?<!\d–)"
YEAR_GUARD_AFTER = r"(?!\d|[.,]\d|\s*%|\s*per\s*cent|-?\s*percent)"


def year_group(name: str) -> str:
    """A guarded year captured under `name`."""
    return rf"{YEAR_GUARD_BEFORE}(?P<{name}>{YEAR_BARE}){YEAR_GUARD_AFTER}"


def day_group(name: str) -> str:
    """A day of the month (1-31, with an optional ordinal suffix) captured under `name`."""
    return rf"(?<![\d.,])(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?(?![\d%])"


# The cheap gate, run on the lower-cased sentence (a case-insensitive regex with word
# boundaries costs twice as much): a sentence with none of these has no date.
PRECHECK = re.compile(
    r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
    r"|day|tonight|overnight|tomorrow|week|year|decade|centur|ago|war|spring|summer"
    r"|autumn|fall|winter|quarter|ties|depression|occupation"
)
