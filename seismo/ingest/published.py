"""Which publication date a document gets, and where it came from.

The publication date anchors relative expressions ("last month", "on Tuesday"), so a wrong
one moves every event of the article. Precedence: the user's `--published` flag (they know
better than any page), then the page's own metadata, then a dateline in the opening lines of
the text. Anything else leaves it unknown: dates are then resolved without an anchor, which
is better than anchoring on the day the file was crawled.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

# A dateline sits under the title; scanning the head keeps a 50 MB dump cheap and avoids
# taking a date quoted deep in the article for the day it was published.
DATELINE_WINDOW = 1500

FLAG = "flag"
METADATA = "metadata"
DATELINE = "dateline"
# WARC-Date is when the page was crawled: the last resort, labelled so analysts can tell.
CRAWL = "warc-date"


def parse_published(value: object) -> dt.date | None:
    """A date from a metadata value: a date, a datetime, a time.struct_time, a string or a
    Unix timestamp.

    Strings go to `seismo.dates.parse_published` when it is available (it knows more
    formats); otherwise the first ten characters must be an ISO date. Never raises.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        try:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
        except ValueError:
            return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(int(value))  # Unix seconds or milliseconds, as some exports write them
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    parser = _dates_function("parse_published")
    if parser is not None:
        try:
            parsed = parser(text)
        except Exception:  # a bug in one parser must not cost the document
            parsed = None
        if isinstance(parsed, dt.datetime):
            return parsed.date()
        if isinstance(parsed, dt.date):
            return parsed
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def find_dateline(text: str) -> dt.date | None:
    """The dateline date in the opening of `text`, if `seismo.dates` can find one."""
    finder = _dates_function("find_dateline")
    if finder is None or not text:
        return None
    try:
        found = finder(text[:DATELINE_WINDOW])
    except Exception:
        return None
    if isinstance(found, tuple) and found:
        found = found[0]
    if isinstance(found, dt.datetime):
        return found.date()
    return found if isinstance(found, dt.date) else None


def choose_published(
    flag: dt.date | None,
    metadata: object,
    text: str,
    crawled: object = None,
) -> tuple[dt.date | None, str | None]:
    """The publication date and its source: flag, else metadata, else dateline, else crawl."""
    if flag is not None:
        return flag, FLAG
    from_metadata = parse_published(metadata)
    if from_metadata is not None:
        return from_metadata, METADATA
    from_dateline = find_dateline(text)
    if from_dateline is not None:
        return from_dateline, DATELINE
    from_crawl = parse_published(crawled)
    if from_crawl is not None:
        return from_crawl, CRAWL
    return None, None


def _dates_function(name: str) -> Callable[[str], object] | None:
    """A function of `seismo.dates`, imported late so ingest works before dates is built."""
    try:
        from seismo import dates
    except Exception:
        return None
    function = getattr(dates, name, None)
    return function if callable(function) else None
