"""Which publication date a document gets, and where it came from.

The publication date anchors relative expressions ("last month", "on Tuesday"), so a wrong
one moves every event of the article. Precedence: the user's `--published` flag (they know
better than any page), then the page's own metadata, then a dateline in the opening lines of
the text. Anything else leaves it unknown: dates are then resolved without an anchor, which
is better than anchoring on the day the file was crawled.
"""

from __future__ import annotations

import datetime as dt

from seismo.dates import find_dateline, parse_published

# A dateline sits under the title; scanning the head keeps a 50 MB dump cheap and avoids
# taking a date quoted deep in the article for the day it was published.
DATELINE_WINDOW = 1500

FLAG = "flag"
METADATA = "metadata"
DATELINE = "dateline"
# WARC-Date is when the page was crawled: the last resort, labelled so analysts can tell.
CRAWL = "warc-date"


def dateline_date(text: str) -> dt.date | None:
    """The dateline date in the opening of `text`, if there is one."""
    found = find_dateline(text[:DATELINE_WINDOW]) if text else None
    return found[0] if found is not None else None


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
    from_dateline = dateline_date(text)
    if from_dateline is not None:
        return from_dateline, DATELINE
    from_crawl = parse_published(crawled)
    if from_crawl is not None:
        return from_crawl, CRAWL
    return None, None
