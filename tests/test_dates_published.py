"""Publication dates: datelines in the opening lines and metadata strings."""

from __future__ import annotations

import datetime as dt

import pytest

from seismo.dates import find_dateline, parse_published

APRIL_30 = dt.date(2022, 4, 30)


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("Tokyo turns on Moscow\n30 April 2022\n\nThe cabinet met.", "30 April 2022"),
        ("Tokyo turns on Moscow\nApril 30, 2022\n", "April 30, 2022"),
        ("Tokyo turns on Moscow\n2022-04-30\n", "2022-04-30"),
        ("Headline\nUpdated: Apr. 30, 2022 10:14 GMT\nBody.", "Apr. 30, 2022"),
        ("Headline\nBy A. Writer | Saturday, April 30, 2022\n", "Saturday, April 30, 2022"),
        ("Headline\nPublished on 30 April 2022 by the desk\n", "on 30 April 2022"),
    ],
)
def test_dateline_found(text: str, matched: str):
    assert find_dateline(text) == (APRIL_30, matched)


@pytest.mark.parametrize(
    "text",
    [
        "Headline\nApril 30\nThe cabinet met on Tuesday.",
        "Headline\nOn 24 February 2022 Russia invaded Ukraine.\n",
        "Headline\n" + "\n".join(["filler line"] * 20) + "\n30 April 2022",
        "Headline\nThe long analysis of how relations between Tokyo and Moscow changed after "
        "the war began, written for readers abroad, 30 April 2022, in English.",
        "",
    ],
)
def test_no_dateline(text: str):
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    "value",
    [
        "2022-04-30",
        "2022-04-30T10:00:00Z",
        "2022-04-30T23:30:00-05:00",
        "2022-04-30 10:00",
        "20220430",
        "2022/04/30",
        "Sat, 30 Apr 2022 10:14:00 GMT",
        "Sat, 30 Apr 2022 10:14:00 +0900",
        "30.04.2022",
        "04/30/2022",
        "30/04/2022",
        "April 30, 2022",
        "30 April 2022",
        "Updated: Apr. 30, 2022 10:14 GMT",
        "1651313640",
        "1651313640000",
    ],
)
def test_published_formats(value: str):
    assert parse_published(value) == APRIL_30


@pytest.mark.parametrize(
    "value",
    ["03/04/2022", "2022-02-31", "yesterday", "", "   ", "April 30", "0000-00-00", "1066-10-14"],
)
def test_published_rejects_ambiguous_or_invalid(value: str):
    assert parse_published(value) is None


def test_published_ignores_non_strings():
    assert parse_published(None) is None  # type: ignore[arg-type]
    assert parse_published(1651313640) == APRIL_30  # type: ignore[arg-type]
    assert parse_published(True) is None  # type: ignore[arg-type]
    assert parse_published(float("nan")) is None  # type: ignore[arg-type]
    assert find_dateline(None) is None  # type: ignore[arg-type]
