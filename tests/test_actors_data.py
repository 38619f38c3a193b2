"""The actor data is checked on load; user overlays merge over it and are checked too."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from seismo.actors import ActorBase, Mention, check_overlay
from seismo.errors import SeismoError

PEOPLE = Path(__file__).parent / "actors_data" / "people"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_data_loads_and_covers_every_iso_country():
    import pycountry

    kb = ActorBase.load(people_dir=PEOPLE)
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in kb.tables.entries]
    assert missing == []


def test_broken_yaml_names_the_file_and_line(tmp_path):
    path = write(tmp_path, "bad.yaml", "bodies:\n  - {id: x, country: JPN\n")
    with pytest.raises(SeismoError) as err:
        ActorBase.load(overlays=[path], people_dir=PEOPLE)
    assert err.value.code == "E005" and "bad.yaml" in str(err.value) and "line" in str(err.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "bodies:\n  - {id: x, country: XXX, sector: GOV, names: [Xland House]}\n",
            "unknown country",
        ),
        (
            "bodies:\n  - {id: x, country: JPN, sector: BOSS, names: [Boss House]}\n",
            "not a CAMEO role code",
        ),
        ("states:\n  - {country: QQQ}\n", "not an ISO 3166-1"),
        ("roles:\n  GOVT: [mandarins]\n", "not a CAMEO role code"),
        ("planets: []\n", "unknown sections"),
        (
            "- name: Nobody\n  terms:\n    - {country: JPN, office: emperor, start: 2000-01-01}\n",
            "office 'emperor' is not one of",
        ),
        (
            "- name: Nobody\n  terms:\n    - {country: JPN, office: other, start: 2010-01-01, end: 2000-01-01}\n",
            "ends",
        ),
        ("- name: Nobody\n  terms: []\n", "needs at least one term"),
        (
            "- name: Nobody\n  terms:\n    - {country: JPN, office: other, start: someday}\n",
            "not a date",
        ),
    ],
)
def test_invalid_overlay_is_refused_with_reason(tmp_path, text, expected):
    path = write(tmp_path, "overlay.yaml", text)
    with pytest.raises(SeismoError) as err:
        ActorBase.load(overlays=[path], people_dir=PEOPLE)
    assert expected in str(err.value)
    assert any(expected in problem for problem in check_overlay(path))


def test_overlay_adds_words_bodies_and_people(tmp_path):
    path = write(
        tmp_path,
        "mine.yaml",
        "states:\n  - {country: JPN, aliases: [Nihon]}\n"
        "bodies:\n  - {id: jcg, country: JPN, sector: MIL, names: [JCG]}\n"
        "roles:\n  MIL: [frigates]\n"
        "people:\n  - name: Taro Example\n    aliases: [Taro]\n    terms:\n"
        "      - {country: JPN, office: defence_minister, sector: GOV, start: 2019-09-11, end: 2020-09-16}\n",
    )
    kb = ActorBase.load(overlays=[path], people_dir=PEOPLE)
    assert kb.lookup("Nihon")[0].code == "JPN"
    assert kb.tables.entries["JPN"].name == "Japan"  # our name is kept
    assert kb.lookup("JCG")[0].code == "JPNMIL"
    assert kb.tables.roles["frigates"].sector == "MIL"
    kono = Mention(0, 1, "Taro", "person:Taro Example", "person", False, False)
    assert kb.resolve(kono, dt.date(2020, 1, 1)).code == "JPNGOV"
    assert check_overlay(path) == []


def test_overlay_wins_and_the_check_reports_the_conflict(tmp_path):
    path = write(
        tmp_path,
        "georgia.yaml",
        "bodies:\n  - {id: ga, country: USA, sector: GOV, names: [Georgia]}\n"
        "roles:\n  GOV: [forces]\n",
    )
    kb = ActorBase.load(overlays=[path], people_dir=PEOPLE)
    assert [a.code for a in kb.lookup("Georgia")] == ["USAGOV"]
    problems = check_overlay(path)
    assert any("'Georgia' names GEO" in p for p in problems)
    assert any("role 'forces' gives MIL" in p for p in problems)


def test_check_overlay_on_missing_file(tmp_path):
    assert "no such file" in check_overlay(tmp_path / "absent.yaml")[0]


def test_people_folder_reads_every_yaml(tmp_path):
    write(
        tmp_path,
        "a.yaml",
        "- name: Ada Example\n  terms:\n    - {country: NZL, office: head_of_government, start: 2001-01-01, end: null}\n",
    )
    write(
        tmp_path,
        "b.yaml",
        "- name: Ben Example\n  terms:\n    - {country: FJI, office: head_of_state, start: 2001-01-01, end: null}\n",
    )
    kb = ActorBase.load(people_dir=tmp_path)
    assert set(kb.tables.people) == {"Ada Example", "Ben Example"}


def test_broken_people_file_is_refused(tmp_path):
    write(
        tmp_path,
        "x.yaml",
        "- name: Cy Example\n  terms:\n    - {country: ZZZ, office: other, start: 2001-01-01}\n",
    )
    with pytest.raises(SeismoError) as err:
        ActorBase.load(people_dir=tmp_path)
    assert err.value.code == "E006" and "unknown country 'ZZZ'" in str(err.value)
