"""When events happened: temporal expressions resolved against the publication date.

find_temporal_expressions(text, anchor, tense=None) -> list[TemporalExpression]
resolve_expression(text, anchor, tense=None) -> EventDate | None
find_dateline(text) -> (date, matched text) | None
parse_published(value) -> date | None
"""

from seismo.dates.expressions import (
    KINDS,
    TemporalExpression,
    find_temporal_expressions,
    resolve_expression,
)
from seismo.dates.published import find_dateline, parse_published

__all__ = [
    "KINDS",
    "TemporalExpression",
    "find_dateline",
    "find_temporal_expressions",
    "parse_published",
    "resolve_expression",
]
