"""Properties of the date finder on arbitrary input: it never raises, and its offsets hold."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from seismo.dates import find_dateline, find_temporal_expressions, parse_published
from seismo.dates.calendar import PRECISION_RANK

_DATE_WORDS = st.sampled_from(
    [
        "in",
        "since",
        "on",
        "the",
        "end",
        "of",
        "March",
        "May",
        "Tuesday",
        "1956",
        "2014",
        "2022-03-07",
        "31",
        "February",
        "last",
        "week",
        "ago",
        "two",
        "years",
        "1990s",
        "World War II",
        "during",
        "between",
        "and",
        "-",
        "–",
        ",",
        ".",
        "'s",
        "19",
        "7th",
        "spring",
        "Q1",
        "mid-",
        "troops",
        "%",
        "2,000",
        "from",
        "to",
        "yesterday",
        "2100",
        "1799",
        "12/13/2022",
        "07.03.2022",
    ]
)
_SENTENCES = st.one_of(
    st.text(max_size=200),
    st.lists(_DATE_WORDS, max_size=25).map(" ".join),
    st.lists(_DATE_WORDS, max_size=25).map("".join),
)
_ANCHORS = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1)))
_TENSES = st.sampled_from([None, "past", "future", "other"])


@settings(max_examples=300, deadline=None)
@given(_SENTENCES, _ANCHORS, _TENSES)
def test_never_raises_and_offsets_slice_the_text(text, anchor, tense):
    expressions = find_temporal_expressions(text, anchor, tense)
    previous_end = 0
    for expression in expressions:
        assert text[expression.start : expression.end] == expression.text
        assert expression.start >= previous_end  # in order, no overlaps
        previous_end = expression.end
        date = expression.date
        if date.value is not None:
            assert date.precision in PRECISION_RANK
            assert len(date.value) == {"year": 4, "month": 7, "day": 10}[date.precision]
            assert date.start is not None  # a real calendar day
            if date.end is not None:
                assert date.end > date.value


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_publication_readers_never_raise(text):
    found = find_dateline(text)
    assert found is None or isinstance(found[0], dt.date)
    parsed = parse_published(text)
    assert parsed is None or isinstance(parsed, dt.date)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(
        [
            "last year",
            "next month",
            "yesterday",
            "tomorrow",
            "in February",
            "this winter",
            "next summer",
            "last week",
            "two centuries ago",
        ]
    ),
    st.sampled_from([dt.date.min, dt.date.max, dt.date(1, 3, 1), dt.date(9999, 11, 30)]),
    _TENSES,
)
def test_calendar_edges_give_no_date_rather_than_an_error(text, anchor, tense):
    for expression in find_temporal_expressions(text, anchor, tense):
        assert expression.date.value is None or expression.date.start is not None
