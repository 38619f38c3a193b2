"""The publication date: from metadata strings, or from a dateline under the title.

It anchors every relative expression of the article, so a guess is worse than nothing:
ambiguous numeric forms ("03/04/2022": March 4 or 3 April?) give None rather than a coin
toss, and a date inside a body sentence ("On 24 February 2022 Russia invaded") is not taken
for the dateline.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from email.utils import parsedate_tz

from seismo.dates.calendar import safe_date
from seismo.dates.expressions import find_temporal_expressions

DATELINE_LINES = 15
# A line this short is a byline, a dateline or a heading, not a sentence of the story.
_SHORT_LINE_WORDS = 15
_LABEL = re.compile(
    r"^\W*(?:(?:first|last|originally)\s+)?(?:published|updated|posted|date[ds]?|created"
    r"|modified|released|issued|filed)\b",
    re.IGNORECASE,
)
_ISO = re.compile(r"^(?P<year>\d{4})-?(?P<month>\d{2})-?(?P<day>\d{2})(?:$|[T\s_])")
_ISO_SLASHED = re.compile(r"^(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})\b")
_NUMERIC = re.compile(r"^(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})\b")
# A date after a preposition belongs to a sentence ("On 24 February 2022 Russia invaded").
_GOVERNED = re.compile(r"(?:on|in|since|by|until|till|from|before|after|of|at|during)\s", re.I)
_EPOCH = re.compile(r"^(?P<seconds>\d{10})(?P<millis>\d{3})?(?:\.\d+)?$")
_EARLIEST, _LATEST = 1900, 2100


def find_dateline(text: str) -> tuple[dt.date, str] | None:
    """The publication date written in the first lines, with the words that gave it.

    A line counts when it starts with a label ("Published", "Updated: Apr. 30, 2022 10:14
    GMT") or is short and the date is not governed by a preposition (so "In a speech on
    7 March 2022 ..." is not a dateline). Only full dates count: a line whose date has no
    year ("April 30") names no publication day, and is passed over.
    """
    if not isinstance(text, str):
        return None
    for line in text.splitlines()[:DATELINE_LINES]:
        line = line.strip()
        if not line or len(line) > 400:
            continue
        labelled = _LABEL.match(line) is not None
        if not labelled and len(line.split()) > _SHORT_LINE_WORDS:
            continue
        for expression in find_temporal_expressions(line, None):
            date = expression.date
            if date.precision != "day" or expression.kind != "point" or date.value is None:
                continue
            if not expression.explicit_year:
                continue
            if _GOVERNED.match(expression.text) and not labelled:
                continue
            day = date.start
            if day is not None and _EARLIEST <= day.year <= _LATEST:
                return day, expression.text
    return None


def parse_published(value: object) -> dt.date | None:
    """A publication date from a metadata value; None when it is not one or is ambiguous.

    The one parser of publication dates: `--published`, page metadata, feed entries and
    JSONL fields all come through here. A date, a datetime or a `time.struct_time` (as
    feedparser gives) is taken as is; strings and numbers are read as below.

    Read: ISO 8601 ("2022-04-30", "20220430", "2022-04-30T10:00:00Z", with any offset),
    RFC 2822 as in feeds ("Sat, 30 Apr 2022 10:14:00 GMT"), Unix seconds or milliseconds,
    "2022/04/30", "30.04.2022" (dotted is day first), written dates ("April 30, 2022",
    "30 April 2022"). The calendar date is taken as written, not converted to UTC: the
    publisher's local day is the "today" its text speaks from. Slashed or dashed numbers
    with the year last ("04/30/2022") are read only when one part exceeds 12 or both are
    equal; "03/04/2022" could be either order and gives None.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        return safe_date(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 0 <= value < 1e13:  # also rules out NaN and infinities
            return None
        value = str(int(value))  # a Unix timestamp handed over as a number
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 200:
        return None
    for reader in (_iso, _rfc2822, _epoch, _numeric, _written):
        try:
            day = reader(text)
        except (ValueError, OverflowError, TypeError, IndexError):
            day = None
        if day is not None and _EARLIEST <= day.year <= _LATEST:
            return day
    return None


def _iso(text: str) -> dt.date | None:
    match = _ISO.match(text) or _ISO_SLASHED.match(text)
    if match is None:
        return None
    return safe_date(int(match["year"]), int(match["month"]), int(match["day"]))


def _rfc2822(text: str) -> dt.date | None:
    if not re.search(r"[A-Za-z]{3}", text):
        return None
    parts = parsedate_tz(text)
    if parts is None or not parts[0]:
        return None
    return safe_date(parts[0], parts[1], parts[2])


def _epoch(text: str) -> dt.date | None:
    match = _EPOCH.match(text)
    if match is None:
        return None
    moment = dt.datetime.fromtimestamp(int(match["seconds"]), tz=dt.UTC)
    return moment.date()


def _numeric(text: str) -> dt.date | None:
    match = _NUMERIC.match(text)
    if match is None:
        return None
    first, second, year = int(match["a"]), int(match["b"]), int(match["year"])
    if match["sep"] == "." or first > 12:
        return safe_date(year, second, first)
    if second > 12 or first == second:
        return safe_date(year, first, second)
    return None


def _written(text: str) -> dt.date | None:
    for expression in find_temporal_expressions(text, None):
        date = expression.date
        if date.precision == "day" and expression.explicit_year and date.end is None:
            return date.start
    return None
