"""Checks on the people data: seismo/actors/data/people/*.yaml.

Each file is a YAML list of people:

    - name: Shinzo Abe
      aliases: [Abe, Abe Shinzo]
      terms:
        - {country: JPN, office: head_of_government, sector: GOV, start: 2012-12-26, end: 2020-09-16}

A term may also carry `approx: true` (date known only to the month or year),
`state_name` (e.g. "Soviet Union" on a RUS term), `org` (IGO terms) and `title`
(naming an `other` office). `end: null` means still in office.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
import yaml

DATA_DIR = Path(__file__).resolve().parents[1] / "seismo" / "actors" / "data" / "people"
FILES = [
    "east_asia.yaml",
    "europe.yaml",
    "americas.yaml",
    "russia_eurasia.yaml",
    "middle_east_africa.yaml",
    "south_asia_oceania.yaml",
    "organisations.yaml",
]
OFFICES = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "other"}
SECTORS = {"GOV", "MIL"}
ORGS = {"IGONAT", "IGOUNO", "IGOEUREEC", "IGOWAFECW"}
TERM_KEYS = {"country", "office", "sector", "start", "end", "approx", "state_name", "org", "title"}
PERSON_KEYS = {"name", "aliases", "terms"}
EXTRA_COUNTRIES = {"IGO", "TWN", "XKX"}
MIN_PEOPLE = 1200  # 1203 entries when this test was written
MIN_PER_FILE = 40
OPEN_END = dt.date(9999, 12, 31)


def _load(name: str) -> list[dict]:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def data() -> dict[str, list[dict]]:
    return {name: _load(name) for name in FILES}


@pytest.fixture(scope="module")
def people(data) -> list[dict]:
    return [p for entries in data.values() for p in entries]


def _end(term: dict) -> dt.date:
    return term["end"] if term["end"] is not None else OPEN_END


def _find(people: list[dict], name: str) -> dict:
    matches = [p for p in people if p["name"] == name]
    assert len(matches) == 1, name
    return matches[0]


def _holds(person: dict, country: str, office: str, day: dt.date) -> bool:
    return any(
        t["country"] == country and t["office"] == office and t["start"] <= day < _end(t)
        for t in person["terms"]
    )


def _holder(people: list[dict], country: str, office: str, day: dt.date) -> list[str]:
    return [p["name"] for p in people if _holds(p, country, office, day)]


def test_files_exist_and_are_lists(data):
    for name, entries in data.items():
        assert isinstance(entries, list), name
        assert len(entries) >= MIN_PER_FILE, (name, len(entries))


def test_minimum_count(people):
    assert len(people) >= MIN_PEOPLE, len(people)


def test_person_shape(people):
    for p in people:
        assert set(p) <= PERSON_KEYS, p.get("name")
        assert isinstance(p["name"], str) and p["name"].strip() == p["name"] and p["name"]
        assert isinstance(p.get("aliases", []), list), p["name"]
        for a in p.get("aliases", []):
            assert isinstance(a, str) and a.strip() == a and a, (p["name"], a)
        assert isinstance(p["terms"], list) and p["terms"], p["name"]


def test_term_fields(people):
    for p in people:
        for t in p["terms"]:
            where = (p["name"], t)
            assert set(t) <= TERM_KEYS, where
            assert {"country", "office", "sector", "start", "end"} <= set(t), where
            assert t["office"] in OFFICES, where
            assert t["sector"] in SECTORS, where
            assert isinstance(t["start"], dt.date), where
            assert t["end"] is None or isinstance(t["end"], dt.date), where
            assert t["start"] <= _end(t), where
            assert t["start"] >= dt.date(1900, 1, 1), where
            if t["end"] is not None:
                assert t["end"] <= dt.date(2026, 12, 31), where
            if "approx" in t:
                assert t["approx"] is True, where
            if t["country"] == "IGO":
                assert t.get("org") in ORGS, where
            else:
                assert "org" not in t, where
            if "title" in t:
                assert t["office"] == "other", where
            if "state_name" in t:
                assert t["country"] == "RUS" and t["state_name"] == "Soviet Union", where


def test_iso3(people):
    for p in people:
        for t in p["terms"]:
            c = t["country"]
            if c in EXTRA_COUNTRIES:
                continue
            assert pycountry.countries.get(alpha_3=c) is not None, (p["name"], c)


def test_no_overlapping_holders(people):
    """Two people in the same office of the same state may share only the handover day."""
    slots: dict[tuple, list[tuple]] = defaultdict(list)
    for p in people:
        for t in p["terms"]:
            key = (t["country"], t.get("state_name"), t.get("org"), t["office"], t.get("title"))
            if t["office"] == "other" and "title" not in t:
                continue  # untitled "other" offices are not one office
            slots[key].append((t["start"], _end(t), p["name"]))
    problems = []
    for key, terms in slots.items():
        terms.sort()
        for (s1, e1, n1), (s2, e2, n2) in zip(terms, terms[1:], strict=False):
            if s2 < e1 - dt.timedelta(days=1):
                problems.append((key, n1, str(s1), str(e1), n2, str(s2), str(e2)))
    assert not problems, "\n".join(map(str, problems))


def test_own_terms_do_not_overlap(people):
    for p in people:
        terms = sorted(
            p["terms"], key=lambda t: (t["country"], t["office"], str(t.get("title")), t["start"])
        )
        for a, b in zip(terms, terms[1:], strict=False):
            same = (
                a["country"],
                a["office"],
                a.get("title"),
                a.get("org"),
                a.get("state_name"),
            ) == (b["country"], b["office"], b.get("title"), b.get("org"), b.get("state_name"))
            if same:
                assert b["start"] >= _end(a) - dt.timedelta(days=1), (p["name"], a, b)


def test_names_unique(people):
    seen: dict[str, int] = defaultdict(int)
    for p in people:
        seen[p["name"].casefold()] += 1
    dupes = [n for n, c in seen.items() if c > 1]
    assert not dupes, dupes


def test_aliases_not_shared(people):
    owners: dict[str, set[str]] = defaultdict(set)
    for p in people:
        owners[p["name"].casefold()].add(p["name"])
        for a in p.get("aliases", []):
            owners[a.casefold()].add(p["name"])
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert not shared, shared


BANNED_BARE_ALIASES = {
    "kim",
    "lee",
    "park",
    "moon",
    "johnson",
    "lopez",
    "wang",
    "li",
    "zhang",
    "singh",
    "khan",
    "brown",
    "scott",
    "sanchez",
    "sánchez",
    "may",
    "rice",
    "bush",
    "clinton",
    "major",
    "ford",
    "gandhi",
    "sharif",
    "assad",
    "aliyev",
    "rasmussen",
    "kirchner",
    "fernández",
    "fernandez",
    "carter",
    "clark",
    "smith",
    "ivanov",
    "castro",
    "straw",
    "cook",
    "hunt",
    "fox",
    "heath",
    "eden",
    "wilson",
    "schmidt",
    "chen",
    "wu",
    "lin",
    "yang",
    "liu",
    "chung",
    "han",
    "cho",
    "kang",
    "yoon",
    "bishop",
    "hill",
    "martin",
    "miller",
    "young",
    "king",
    "lord",
    # common words, or names shared with other prominent people
    "begin",
    "sharon",
    "tenet",
    "downer",
    "gallant",
    "nasser",
    "cheney",
    "powell",
    "petro",
    "cardoso",
    "calderón",
    "lieberman",
    "shastri",
    "swaraj",
    "trudeau",
    "kono",
    "koizumi",
}


def test_no_ambiguous_bare_aliases(people):
    for p in people:
        for a in p.get("aliases", []):
            assert a.casefold() not in BANNED_BARE_ALIASES, (p["name"], a)


# ---------------------------------------------------------------- known facts


def test_abe(people):
    abe = _find(people, "Shinzo Abe")
    assert _holds(abe, "JPN", "head_of_government", dt.date(2018, 6, 1))
    assert not _holds(abe, "JPN", "head_of_government", dt.date(2022, 3, 1))


def test_putin(people):
    putin = _find(people, "Vladimir Putin")
    assert _holds(putin, "RUS", "head_of_state", dt.date(2022, 2, 24))
    assert _holds(putin, "RUS", "head_of_government", dt.date(2010, 1, 1))
    assert not _holds(putin, "RUS", "head_of_state", dt.date(2010, 1, 1))


def test_kishida(people):
    kishida = _find(people, "Fumio Kishida")
    assert _holds(kishida, "JPN", "head_of_government", dt.date(2022, 3, 7))
    assert _holds(kishida, "JPN", "foreign_minister", dt.date(2015, 1, 1))


def test_zelensky(people):
    z = _find(people, "Volodymyr Zelensky")
    starts = [
        t["start"] for t in z["terms"] if t["country"] == "UKR" and t["office"] == "head_of_state"
    ]
    assert starts == [dt.date(2019, 5, 20)]
    assert _holds(z, "UKR", "head_of_state", dt.date(2022, 2, 24))
    assert not _holds(z, "UKR", "head_of_state", dt.date(2019, 5, 19))


@pytest.mark.parametrize(
    "country,office,day,name",
    [
        ("USA", "head_of_state", dt.date(2022, 6, 1), "Joe Biden"),
        ("USA", "head_of_state", dt.date(2018, 6, 1), "Donald Trump"),
        ("USA", "head_of_state", dt.date(2025, 6, 1), "Donald Trump"),
        ("RUS", "foreign_minister", dt.date(2022, 2, 24), "Sergey Lavrov"),
        ("CHN", "foreign_minister", dt.date(2024, 1, 1), "Wang Yi"),
        ("CHN", "foreign_minister", dt.date(2023, 3, 1), "Qin Gang"),
        ("CHN", "head_of_state", dt.date(2020, 1, 1), "Xi Jinping"),
        ("JPN", "head_of_government", dt.date(2025, 1, 1), "Shigeru Ishiba"),
        ("GBR", "head_of_government", dt.date(2005, 1, 1), "Tony Blair"),
        ("DEU", "head_of_government", dt.date(2015, 1, 1), "Angela Merkel"),
        ("FRA", "head_of_state", dt.date(2020, 1, 1), "Emmanuel Macron"),
        ("RUS", "head_of_state", dt.date(2010, 1, 1), "Dmitry Medvedev"),
        ("RUS", "head_of_state", dt.date(1980, 1, 1), "Leonid Brezhnev"),
        ("RUS", "foreign_minister", dt.date(1970, 1, 1), "Andrei Gromyko"),
        ("IGO", "other", dt.date(2020, 1, 1), "António Guterres"),
        ("UKR", "head_of_state", dt.date(2016, 1, 1), "Petro Poroshenko"),
        ("TUR", "head_of_state", dt.date(2020, 1, 1), "Recep Tayyip Erdoğan"),
        ("IND", "head_of_government", dt.date(2020, 1, 1), "Narendra Modi"),
        ("IRN", "head_of_state", dt.date(2020, 1, 1), "Ali Khamenei"),
        ("JPN", "head_of_government", dt.date(1960, 1, 1), "Nobusuke Kishi"),
    ],
)
def test_known_holders(people, country, office, day, name):
    assert name in _holder(people, country, office, day)


def test_soviet_terms_are_marked(people):
    gromyko = _find(people, "Andrei Gromyko")
    assert all(t.get("state_name") == "Soviet Union" for t in gromyko["terms"])


def test_igo_heads(people):
    day = dt.date(2020, 1, 1)
    heads = {
        "IGONAT": "Jens Stoltenberg",
        "IGOUNO": "António Guterres",
        "IGOEUREEC": "Ursula von der Leyen",
    }
    for org, name in heads.items():
        p = _find(people, name)
        assert any(
            t["country"] == "IGO" and t.get("org") == org and t["start"] <= day < _end(t)
            for t in p["terms"]
        ), name


def test_one_sitting_head_per_state(people):
    """On a few sample days each listed state has at most one head of state/government."""
    for day in (dt.date(1995, 6, 1), dt.date(2005, 6, 1), dt.date(2015, 6, 1), dt.date(2023, 6, 1)):
        for office in (
            "head_of_state",
            "head_of_government",
            "foreign_minister",
            "defence_minister",
        ):
            by_country: dict[tuple, list[str]] = defaultdict(list)
            for p in people:
                for t in p["terms"]:
                    if t["office"] == office and t["start"] <= day < _end(t):
                        by_country[(t["country"], t.get("state_name"), t.get("org"))].append(
                            p["name"]
                        )
            crowded = {k: v for k, v in by_country.items() if len(v) > 1}
            assert not crowded, (day, office, crowded)
