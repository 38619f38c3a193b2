"""Temporal expressions resolved against a fixed publication date: Saturday 30 April 2022."""

from __future__ import annotations

import datetime as dt

import pytest

from seismo.dates import find_temporal_expressions, resolve_expression
from seismo.model import EventDate

ANCHOR = dt.date(2022, 4, 30)  # a Saturday

# (phrase, tense, value, precision, end)
RESOLVED = [
    # full dates
    ("The treaty was signed on October 19, 1956.", None, "1956-10-19", "day", None),
    ("It was signed 19 October 1956 in Moscow.", None, "1956-10-19", "day", None),
    ("Signed Oct. 19, 1956, it ended the state of war.", None, "1956-10-19", "day", None),
    ("The order took effect 2022-03-07.", None, "2022-03-07", "day", None),
    ("Tokyo acted on 7 March 2022.", None, "2022-03-07", "day", None),
    ("30 April 2022 Articles", None, "2022-04-30", "day", None),
    ("On the 9th of May, 2021 a parade was held.", None, "2021-05-09", "day", None),
    ("SEPTEMBER 8, 1951: the peace treaty is signed.", None, "1951-09-08", "day", None),
    ("Sept. 8 1951 saw the treaty signed.", None, "1951-09-08", "day", None),
    ("The note is dated 07.03.2022.", None, "2022-03-07", "day", None),
    ("The note is dated 25/12/2021.", None, "2021-12-25", "day", None),
    ("Talks ran March 7-9, 2022 in Geneva.", None, "2022-03-07", "day", "2022-03-09"),
    ("Talks ran 7–9 March 2022 in Geneva.", None, "2022-03-07", "day", "2022-03-09"),
    ("On Tuesday, March 8, 2022, the ministry spoke.", None, "2022-03-08", "day", None),
    # month and day without a year
    ("On March 7, Japan froze the assets.", "past", "2022-03-07", "day", None),
    ("On March 7, Japan froze the assets.", None, "2022-03-07", "day", None),
    ("On December 3 the two ministers met.", None, "2021-12-03", "day", None),
    ("On December 3 the two ministers met.", "past", "2021-12-03", "day", None),
    ("The envoys will meet on May 10.", "future", "2022-05-10", "day", None),
    ("The envoys met on May 10.", "past", "2021-05-10", "day", None),
    ("The cabinet decided on 30 April.", "past", "2022-04-30", "day", None),
    ("A summit is planned for 2 January.", "future", "2023-01-02", "day", None),
    # month and year, month alone
    ("The exports stopped in July 2020.", None, "2020-07", "month", None),
    ("It changed at the end of February 2022.", None, "2022-02", "month", None),
    ("Sanctions came in March of 2014.", None, "2014-03", "month", None),
    ("The ban began in February.", None, "2022-02", "month", None),
    ("The ban began in February.", "past", "2022-02", "month", None),
    ("Talks resume in June.", "future", "2022-06", "month", None),
    ("Exports fell in December.", "past", "2021-12", "month", None),
    ("He visited Beijing last March.", None, "2022-03", "month", None),
    ("He visited Beijing last April.", None, "2021-04", "month", None),
    ("He visits Beijing next March.", None, "2023-03", "month", None),
    ("Troops massed in early February.", "past", "2022-02", "month", None),
    ("The plan dates from 2022-03.", None, "2022-03", "month", None),
    # years
    ("Crimea was annexed in 2014.", None, "2014", "year", None),
    ("The alliance was renewed in 1960.", None, "1960", "year", None),
    ("It rests on the constitution of 1947.", None, "1947", "year", None),
    ("The 1956 declaration promised two islands.", None, "1956", "year", None),
    ("Japan's 2018 summit with Russia was cordial.", None, "2018", "year", None),
    ("2014's annexation changed everything.", None, "2014", "year", None),
    ("Nothing happened in the year 2000.", None, "2000", "year", None),
    ("The fleet grew by 2030.", None, "2030", "year", None),
    ("Growth slowed in mid-2014.", None, "2014", "year", None),
    ("Growth slowed in early 2019.", None, "2019", "year", None),
    ("It changed at the end of 2022.", None, "2022", "year", None),
    ("Relations have been tense since 2014.", None, "2014", "year", None),
    ("Bases were closed before 1990.", None, "1990", "year", None),
    # relative to the anchor
    ("The minister spoke yesterday.", None, "2022-04-29", "day", None),
    ("The minister speaks today.", None, "2022-04-30", "day", None),
    ("The minister will speak tomorrow.", None, "2022-05-01", "day", None),
    ("Envoys met on Tuesday.", "past", "2022-04-26", "day", None),
    ("Envoys met on Saturday.", "past", "2022-04-30", "day", None),
    ("Envoys will meet on Tuesday.", "future", "2022-05-03", "day", None),
    ("Envoys met last Friday.", None, "2022-04-29", "day", None),
    ("Envoys meet next Monday.", None, "2022-05-02", "day", None),
    ("Talks were held last week.", None, "2022-04", "month", None),
    ("Talks were held last month.", None, "2022-03", "month", None),
    ("Talks were held earlier this month.", None, "2022-04", "month", None),
    ("Talks were held last year.", None, "2021", "year", None),
    ("Talks were held earlier this year.", None, "2022", "year", None),
    ("Talks will be held next year.", None, "2023", "year", None),
    ("Talks will be held next month.", None, "2022-05", "month", None),
    ("The accord was signed two years ago.", None, "2020", "year", None),
    ("The accord was signed three months ago.", None, "2022-01", "month", None),
    ("The accord was signed a decade ago.", None, "2012", "year", None),
    ("The accord was signed 10 days ago.", None, "2022-04-20", "day", None),
    ("The base opened half a century ago.", None, "1972", "year", None),
    # eras, decades, centuries, ranges, seasons
    ("In the last days of World War II, the Soviets attacked.", None, "1945", "year", None),
    ("At the end of the Second World War the islands were seized.", None, "1945", "year", None),
    ("During World War II the two states were neutral.", None, "1939", "year", "1945"),
    ("During the Cold War, the bases mattered.", None, "1947", "year", "1991"),
    ("At the outbreak of the Korean War, troops moved.", None, "1950", "year", None),
    ("Ties have warmed since the end of the Cold War.", None, "1991", "year", None),
    ("Trade grew in the 1990s.", None, "1990", "year", "1999"),
    ("Trade grew in the late 1970s.", None, "1970", "year", "1979"),
    ("Trade grew in the '80s.", None, "1980", "year", "1989"),
    ("Trade grew in the nineties.", None, "1990", "year", "1999"),
    ("Borders moved in the 20th century.", None, "1900", "year", "1999"),
    ("Borders moved in the nineteenth century.", None, "1800", "year", "1899"),
    ("Talks stalled between 2012 and 2020.", None, "2012", "year", "2020"),
    ("Talks stalled from 2012 to 2020.", None, "2012", "year", "2020"),
    ("Talks stalled in 2012-2020.", None, "2012", "year", "2020"),
    ("Talks stalled in 1939–45.", None, "1939", "year", "1945"),
    ("Exports fell between March and May 2022.", None, "2022-03", "month", "2022-05"),
    ("Exports fell from March 2014 to May 2015.", None, "2014-03", "month", "2015-05"),
    ("Exports fell from 7 March to 9 May 2021.", None, "2021-03-07", "day", "2021-05-09"),
    ("Exports fell December-February 2022.", None, "2021-12", "month", "2022-02"),
    ("Drills were held in the spring of 2021.", None, "2021", "year", None),
    ("Drills were held in spring 2021.", None, "2021", "year", None),
    ("Growth slowed in the first quarter of 2023.", None, "2023", "year", None),
    ("Growth slowed in Q3 2023.", None, "2023", "year", None),
    ("Drills are planned this summer.", None, "2022", "year", None),
    ("Drills were held in the spring.", "past", "2022", "year", None),
    ("Drills will be held in the autumn.", "future", "2022", "year", None),
    ("Gas ran short last winter.", None, "2021", "year", "2022"),
    ("Talks were held three weeks ago.", None, "2022-04", "month", None),
    ("Talks were held last weekend.", None, "2022-04", "month", None),
    # stretches just before the anchor that name no day: their month
    ("Talks were held over the weekend.", None, "2022-04", "month", None),
    ("Talks will be held over the weekend.", "future", "2022-04", "month", "2022-05"),
    ("In recent days the tone hardened.", None, "2022-04", "month", None),
    ("Ties frayed in recent weeks.", None, "2022-04", "month", None),
    ("Jets struck targets overnight, the army said.", None, "2022-04", "month", None),
    ("Jets struck the port a few days ago.", None, "2022-04", "month", None),
    ("Envoys will meet on Saturday.", "future", "2022-05-07", "day", None),
    ("Envoys met Tuesday, the ministry said.", None, "2022-04-26", "day", None),
]


@pytest.mark.parametrize(("sentence", "tense", "value", "precision", "end"), RESOLVED)
def test_resolves(sentence: str, tense: str | None, value: str, precision: str, end: str | None):
    date = resolve_expression(sentence, ANCHOR, tense)
    assert date is not None, sentence
    assert (date.value, date.precision, date.end) == (value, precision, end)


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia changed its position 27 times.",
        "The list names 100 oligarchs.",
        "Article 67 sets the rule.",
        "Support stood at 77%.",
        "Aid rose to 1% of GDP.",
        "Inspectors found 26 types of munitions.",
        "The army sent 2,000 troops.",
        "The army sent in 2000 troops.",
        "A total of 2000 soldiers crossed.",
        "Security Council Resolution 2231 was cited.",
        "The fine was $1999.",
        "Turnout was 1990 votes short.",
        "Relations changed recently.",
        "The overnight curfew stays in force.",
        "After the Cold War the bases stayed.",
        "Before World War II, trade was small.",
        "Cold War rhetoric returned.",
        "World War II veterans marched.",
        "Theresa May spoke.",
        "The minister may visit.",
        "Protesters march in the capital.",
        "Black Friday sales fell.",
        "USA Today reported the talks.",
        "Today's Russia is not the Soviet Union.",
        "Over the last year, ties frayed.",
        "Such 31 February 2022 dates do not exist.",
        "Flight 1956 landed at 1800 hours.",
        "In his nineties he still wrote.",
        "Ukraine 2014 was a turning point.",
        "At 2100 GMT the talks ended.",
        "Super Tuesday results came in.",
        "",
    ],
)
def test_not_a_date(sentence: str):
    assert resolve_expression(sentence, ANCHOR) is None
    assert all(e.date.value is None for e in find_temporal_expressions(sentence, ANCHOR))


def test_the_1945_to_2022_article_is_read_year_by_year():
    text = (
        "The ties go back to the constitution of 1947 and the 1956 declaration; the treaty "
        "was revised in 1960, talks resumed in 2013 and 2014, the 2018 summit failed, and "
        "in March 2022 Tokyo imposed sanctions. In the last days of World War II, Moscow "
        "moved south."
    )
    values = [e.date.value for e in find_temporal_expressions(text, ANCHOR)]
    assert values == ["1947", "1956", "1960", "2013", "2014", "2018", "2022-03", "1945"]


def test_offsets_and_kinds():
    text = "Since 2014, and on March 7, ties fell; in the 1990s they grew."
    found = find_temporal_expressions(text, ANCHOR, "past")
    assert [(e.text, e.kind, e.explicit_year) for e in found] == [
        ("Since 2014", "since", True),
        ("on March 7", "point", False),
        ("in the 1990s", "decade", True),
    ]
    for expression in found:
        assert text[expression.start : expression.end] == expression.text
        assert expression.date.text == expression.text


def test_kinds_of_bounds_and_eras():
    def kind(sentence: str) -> str:
        return find_temporal_expressions(sentence, ANCHOR)[0].kind

    assert kind("Relations soured after 2014.") == "after"
    assert kind("Relations soured before 2014.") == "before"
    assert kind("Troops stay until 2030.") == "until"
    assert kind("Troops stay in 2030.") == "point"
    assert kind("During World War II they fought.") == "era"
    assert kind("Between 2012 and 2020 they talked.") == "range"
    assert kind("Two years ago they talked.") == "relative"
    assert kind("In the spring of 2021 they talked.") == "season"
    assert find_temporal_expressions("after 2014", ANCHOR)[0].date.warning


def test_no_anchor_resolves_only_written_years():
    assert resolve_expression("On March 7, Japan acted.", None) is None
    assert resolve_expression("Talks were held last month.", None) is None
    assert resolve_expression("In 2014, Russia acted.", None) == EventDate(
        "2014", "year", "In 2014"
    )
    unresolved = find_temporal_expressions("On March 7, Japan acted.", None)
    assert len(unresolved) == 1 and unresolved[0].date.value is None
    assert unresolved[0].date.warning


def test_never_the_anchor_by_default():
    assert resolve_expression("Japan imposed sanctions on Russia.", ANCHOR) is None


def test_a_range_lends_its_year_without_an_anchor():
    date = resolve_expression("between 7 March and 9 May 2021", None)
    assert date is not None and (date.value, date.end) == ("2021-03-07", "2021-05-09")


def test_last_week_straddling_two_months_keeps_both():
    date = resolve_expression("They met last week.", dt.date(2022, 6, 1))
    assert date is not None and (date.value, date.precision, date.end) == (
        "2022-05",
        "month",
        None,
    )
    date = resolve_expression("They met last week.", dt.date(2022, 6, 8))
    assert date is not None and (date.value, date.end) == ("2022-05", "2022-06")


def test_leap_day_without_a_year_finds_the_last_leap_year():
    date = resolve_expression("On February 29 the vote was held.", ANCHOR, "past")
    assert date is not None and date.value == "2020-02-29"


def test_contradictory_weekday_is_kept_with_a_warning():
    date = resolve_expression("On Monday, March 8, 2022, they met.", ANCHOR)
    assert date is not None and date.value == "2022-03-08" and date.warning


def test_ambiguous_slashed_date_keeps_only_the_year():
    date = resolve_expression("The memo of 03/04/2022 says so.", ANCHOR)
    assert date is not None and (date.value, date.precision) == ("2022", "year")
    assert date.warning


def test_datetime_anchor_and_odd_tense_are_accepted():
    moment = dt.datetime(2022, 4, 30, 10, 14)
    date = resolve_expression("They met yesterday.", moment, "pluperfect")  # type: ignore[arg-type]
    assert date is not None and date.value == "2022-04-29"


def test_event_dict_carries_the_end_of_a_period_only_when_set():
    from seismo.model import Actor, Event

    japan = Actor("JPN", "JPN", None, "Japan")
    decade = EventDate("1990", "year", "in the 1990s", end="1999")
    record = Event("d", 0, "s", japan, None, "036", 4.0, 1, {}, date=decade).to_dict()
    assert record["date_end"] == "1999"
    plain = Event("d", 0, "s", japan, None, "036", 4.0, 1, {}).to_dict()
    assert "date_end" not in plain
