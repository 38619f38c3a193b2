"""The coder on sentences we wrote: actors, codes, modality, dates and stances."""

from __future__ import annotations

import datetime as dt

import pytest


def _triples(events, modality=("asserted", "intended")):
    return {
        (e.source.country, e.target.country if e.target else None, e.root)
        for e in events
        if e.modality in modality
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 8 March 2022, Japan imposed sanctions on Russian banks.", ("JPN", "RUS", "16")),
        ("Chinese President Xi Jinping visited Moscow in March 2023.", ("CHN", "RUS", "04")),
        ("The Kremlin condemned the expulsion of its diplomats by Poland.", ("RUS", "POL", "11")),
        ("Australia pledged military aid to Ukraine in 2023.", ("AUS", "UKR", "03")),
        ("Canberra and Tokyo signed a defence agreement in January 2022.", ("AUS", "JPN", "05")),
        ("Russian troops invaded Ukraine on February 24, 2022.", ("RUS", "UKR", "19")),
        ("Seoul accused Pyongyang of firing missiles over the sea.", ("KOR", "PRK", "11")),
        ("The United States froze the assets of Russian oligarchs.", ("USA", "RUS", "16")),
    ],
)
def test_clear_sentences(code_text, text, expected):
    events, _ = code_text(text)
    assert expected in _triples(events)


def test_passive_with_agent_has_the_agent_as_source(code_text):
    events, _ = code_text("In 2014 Crimea was annexed by Russia.")
    assert ("RUS", "UKR", "19") in _triples(events)


def test_coordinated_subjects_give_one_event_each(code_text):
    events, _ = code_text("Both Berlin and Paris decided to suspend talks with Minsk in 2021.")
    assert {("DEU", "BLR", "16"), ("FRA", "BLR", "16")} <= _triples(events)


def test_coordinated_targets_give_one_event_each(code_text):
    events, _ = code_text("In 2022 Canada imposed sanctions on Russian and Belarusian officials.")
    assert {("CAN", "RUS", "16"), ("CAN", "BLR", "16")} <= _triples(events)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Tokyo will strengthen its defence ties with Canberra.", "intended"),
        ("Moscow plans to expel Japanese diplomats.", "intended"),
        ("Russia did not attack Finland.", "negated"),
        ("If Beijing invaded Taiwan, Washington would impose sanctions on China.", "hypothetical"),
        ("London did not hesitate to impose sanctions on Moscow.", "asserted"),
    ],
)
def test_modality(code_text, text, modality):
    events, _ = code_text(text)
    assert events, text
    assert modality in {e.modality for e in events}, [(e.cameo, e.modality) for e in events]


def test_no_negated_or_hypothetical_event_is_reported_as_asserted(code_text):
    events, _ = code_text("Russia did not attack Finland. Britain would never sanction Norway.")
    assert not [e for e in events if e.modality == "asserted"]


def test_refusal_of_talks_is_a_rejection(code_text):
    events, _ = code_text(
        "On 3 May 2022, Moscow said it has no intention of continuing talks with Tokyo."
    )
    assert ("RUS", "JPN", "12") in _triples(events)


def test_event_dates_are_when_it_happened_not_publication(code_text):
    events, _ = code_text(
        "Moscow and Tokyo signed a joint declaration on October 19, 1956.",
        published=dt.date(2022, 4, 30),
    )
    assert events and all(e.date.value == "1956-10-19" for e in events)


def test_undated_events_take_the_publication_date_of_a_report(code_text):
    events, _ = code_text("Putin met Abe in Vladivostok.", published=dt.date(2022, 4, 30))
    assert events and all(e.date.value == "2022-04-30" for e in events)
    assert all(e.to_dict()["date_basis"] == "published" for e in events)


def test_undated_events_without_a_publication_date_stay_undated(code_text):
    events, _ = code_text("Putin met Abe in Vladivostok.", published=None)
    assert events and all(e.date.value is None for e in events)
    assert all(e.to_dict()["date_basis"] is None for e in events)


def test_actor_resolved_as_of_event_date(code_text):
    events, _ = code_text("In 2018 Abe visited Moscow.", published=dt.date(2022, 4, 30))
    assert any(e.source.code == "JPNGOV" for e in events)
    later, _ = code_text("In 2022 Abe visited Moscow.", published=dt.date(2022, 4, 30))
    assert any(e.source.code == "JPNELI" for e in later)


def test_historical_state_maps_to_successor(code_text):
    events, _ = code_text("The Kuril Islands were captured by the Soviet Union in 1945.")
    assert any(e.source.country == "RUS" and e.source.name == "Soviet Union" for e in events)


def test_every_event_carries_its_evidence_sentence(code_text):
    text = "Japan condemned North Korea in 2017. Seoul praised Tokyo in 2023."
    events, _ = code_text(text)
    assert events
    for e in events:
        assert e.sentence in text
        assert 0.0 <= e.confidence <= 1.0


def test_stances(code_text):
    _, stances = code_text(
        "In 2021 Canberra described Beijing as a threat. "
        "Tokyo did not regard Seoul as a rival but as a partner."
    )
    kinds = {(s.holder.country, s.subject.country, s.stance, s.modality) for s in stances}
    assert ("AUS", "CHN", "threat", "asserted") in kinds
    assert ("JPN", "KOR", "partner", "asserted") in kinds
    assert ("JPN", "KOR", "adversary", "asserted") not in kinds


def test_one_phrase_naming_both_parties_gives_one_event(code_text):
    events, _ = code_text("Talks between Russia and Ukraine resumed in Istanbul in March 2022.")
    assert {("RUS", "UKR", "04")} == _triples(events)


def test_air_strikes_as_an_event_noun(code_text):
    events, _ = code_text("Russian air strikes on Kharkiv continued in May 2022.")
    assert ("RUS", "UKR", "19") in _triples(events)
