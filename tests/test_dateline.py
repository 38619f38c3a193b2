"""The one dateline pattern the sentence splitter and the geocoder share."""

from __future__ import annotations

import pytest

from seismo.dateline import match_dateline
from seismo.nlp import load_pipeline


@pytest.mark.parametrize(
    ("paragraph", "place", "region", "rest"),
    [
        ("HARARE — Zimbabwe's cabinet met on Monday.", "HARARE", None, "Zimbabwe's"),
        ("QUITO, Ecuador (AP) — Officials said", "QUITO", "Ecuador", "Officials"),
        ("OSLO/GENEVA, Jan 9 (Reuters) - Norway hosted", "OSLO", None, "Norway"),
        ("ACCRA, GHANA—Ghana's parliament voted", "ACCRA", "GHANA", "Ghana's"),
        ("KINSHASA, Nov 21 The cabinet resigned", "KINSHASA", None, "The"),
        ("ADDIS ABABA, March 3, 2021 -- Talks resumed", "ADDIS ABABA", None, "Talks"),
        ("Smallvillage, Chile – Farmers marched", "Smallvillage", "Chile", "Farmers"),
        ("Port Vila, Vanuatu — The ministry said", "Port Vila", "Vanuatu", "The"),
    ],
)
def test_datelines_are_read(paragraph: str, place: str, region: str | None, rest: str) -> None:
    dateline = match_dateline(paragraph)
    assert dateline is not None
    assert (dateline.place, dateline.region) == (place, region)
    assert paragraph[dateline.end :].startswith(rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "THE government said on Monday it would act.",  # a shouted first word, no dash
        "UN - a two-letter name is no dateline",
        "The minister, Ms Lee – who spoke first – said",
        "Mexico and Peru signed a treaty.",
        "",
    ],
)
def test_sentences_are_not_datelines(paragraph: str) -> None:
    assert match_dateline(paragraph) is None


def test_the_splitter_cuts_the_dateline_off() -> None:
    doc = load_pipeline()("MANILA (AP) — The Philippines recalled its ambassador on Friday.")
    first_words = [sent.text.split()[0] for sent in doc.sents]
    assert "The" in first_words
