"""People resolve through their offices, as of the event's date, not the article's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from seismo.actors import ActorBase, Mention

PEOPLE = Path(__file__).parent / "actors_data" / "people"


@pytest.fixture(scope="module")
def kb() -> ActorBase:
    return ActorBase.load(people_dir=PEOPLE)


def person(name: str, text: str | None = None, former: bool = False) -> Mention:
    return Mention(0, 1, text or name, f"person:{name}", "person", False, former)


@pytest.mark.parametrize(
    ("name", "on", "code"),
    [
        ("Shinzo Abe", dt.date(2018, 5, 1), "JPNGOV"),  # in office
        ("Shinzo Abe", dt.date(2010, 5, 1), "JPNELI"),  # between his two terms
        ("Shinzo Abe", dt.date(2022, 5, 1), "JPNELI"),  # after his last term
        ("Shinzo Abe", dt.date(2005, 1, 1), "JPN"),  # shortly before his first term
        ("Shinzo Abe", dt.date(1956, 10, 19), None),  # long before: nobody we know
        ("Fumio Kishida", dt.date(2015, 1, 1), "JPNGOV"),  # as foreign minister
        ("Vladimir Putin", dt.date(2010, 1, 1), "RUSGOV"),  # as prime minister
        ("Mikhail Gorbachev", dt.date(1987, 12, 8), "RUSGOV"),
        ("Jens Stoltenberg", dt.date(2010, 1, 1), "NORGOV"),
        ("Jens Stoltenberg", dt.date(2020, 1, 1), "IGONAT"),
        ("Chiang Kai-shek", dt.date(1949, 12, 1), "TWNGOV"),  # approximate start date
    ],
)
def test_person_as_of_event_date(kb, name, on, code):
    actor = kb.resolve(person(name), on)
    assert (actor.code if actor else None) == code


def test_today_when_no_date(kb):
    assert kb.resolve(person("Vladimir Putin"), None).code == "RUSGOV"
    assert kb.resolve(person("Shinzo Abe"), None).code == "JPNELI"


def test_former_in_text_means_elite_even_in_office(kb):
    actor = kb.resolve(person("Shinzo Abe", former=True), dt.date(2015, 1, 1))
    assert actor.code == "JPNELI"


def test_historical_state_name_of_the_term(kb):
    actor = kb.resolve(person("Mikhail Gorbachev", "Gorbachev"), dt.date(1990, 1, 1))
    assert (actor.country, actor.name, actor.text) == ("RUS", "Soviet Union", "Gorbachev")


def test_shared_surname_goes_to_whoever_held_office(kb):
    bush = Mention(0, 1, "Bush", "alias:Bush", "person", False, False)
    assert kb.resolve(bush, dt.date(1991, 1, 17)).code == "USAGOV"
    assert kb.resolve(bush, dt.date(2003, 3, 20)).code == "USAGOV"
    # after both presidencies, the one who left office last
    assert kb.resolve(bush, dt.date(2012, 1, 1)).code == "USAELI"


def test_administration_codes_the_leaders_state(kb):
    mention = Mention(
        0, 3, "the Biden administration", "person:Joe Biden/GOV", "person", False, False
    )
    assert kb.resolve(mention, dt.date(2022, 3, 1)).code == "USAGOV"


def test_lookup_by_code_name_and_person(kb):
    assert [a.code for a in kb.lookup("JPN")] == ["JPN"]
    assert "JPN" in [a.code for a in kb.lookup("Japan")]
    assert "JPNGOV" in [a.code for a in kb.lookup("JPNGOV")]
    assert [a.country for a in kb.lookup("Kishida")] == ["JPN"]
    assert "IGONAT" in [a.code for a in kb.lookup("nato")]
    assert kb.lookup("Atlantis") == []
