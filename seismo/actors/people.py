"""People and their terms in office: who "Abe" or "Kishida" stands for on a given day.

A person is only an actor through an office. "Abe" in a 2018 sentence is Japan's
government, in 2022 a former prime minister (ELI), in a 1956 sentence nobody we know.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister", "other")

# Before a first term, a person is already a national figure for a while (a minister
# before becoming prime minister); further back than this they are nobody we know.
KNOWN_BEFORE_FIRST_TERM = dt.timedelta(days=3 * 365)
# An `approx: true` term is trusted this far beyond its written dates.
APPROX_SLACK = dt.timedelta(days=183)


@dataclass(frozen=True)
class Term:
    """One spell in one office."""

    country: str
    office: str
    sector: str
    start: dt.date
    end: dt.date | None  # None: still in office
    approx: bool = False
    state_name: str | None = None  # the state's name at the time ("Soviet Union")
    org: str | None = None  # for heads of international organisations: "IGONAT"

    def covers(self, day: dt.date, slack: dt.timedelta = dt.timedelta(0)) -> bool:
        if day < self.start - slack:
            return False
        return self.end is None or day <= self.end + slack


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    terms: tuple[Term, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Standing:
    """What a person is, as an actor, on one day: the term that says so and the sector."""

    term: Term
    sector: str | None  # the term's sector in office, ELI after it, None shortly before


_OFFICE_RANK = {office: rank for rank, office in enumerate(OFFICES)}


def standing_on(person: Person, day: dt.date, former: bool = False) -> Standing | None:
    """The person's standing on `day`; `former` (the text says "former") forces ELI."""
    current = [t for t in person.terms if t.covers(day)]
    if not current:
        current = [t for t in person.terms if t.approx and t.covers(day, APPROX_SLACK)]
    if current:
        term = min(current, key=lambda t: _OFFICE_RANK[t.office])
        return Standing(term, "ELI" if former else term.sector)
    ended = [t for t in person.terms if t.end is not None and t.end < day]
    if ended:
        return Standing(max(ended, key=lambda t: t.end or t.start), "ELI")
    first = min(person.terms, key=lambda t: t.start)
    if former:
        return Standing(first, "ELI")
    if first.start - day <= KNOWN_BEFORE_FIRST_TERM:
        return Standing(first, None)
    return None


def in_office_on(person: Person, day: dt.date) -> bool:
    return any(t.covers(day) for t in person.terms)


# ---------------------------------------------------------------------------------------
# Reading and checking the YAML


def parse_people(
    raw: Any, where: str, known_countries: set[str], sectors: set[str]
) -> tuple[list[Person], list[str]]:
    """People from a YAML list, and the problems found (each naming the file and entry)."""
    problems: list[str] = []
    people: list[Person] = []
    if raw is None:
        return people, problems
    if not isinstance(raw, list):
        return people, [f"{where}: expected a list of people, got {type(raw).__name__}"]
    for index, item in enumerate(raw):
        label = f"{where}: person #{index + 1}"
        if not isinstance(item, dict):
            problems.append(f"{label}: expected a mapping with name, aliases and terms")
            continue
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{label}: missing 'name'")
            continue
        label = f"{where}: {name}"
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            problems.append(f"{label}: 'aliases' must be a list of names")
            aliases = []
        terms_raw = item.get("terms")
        if not isinstance(terms_raw, list) or not terms_raw:
            problems.append(f"{label}: needs at least one term in 'terms'")
            continue
        terms = []
        for t_index, t_raw in enumerate(terms_raw):
            term, problem = _parse_term(t_raw, known_countries, sectors)
            if problem:
                problems.append(f"{label}: term #{t_index + 1}: {problem}")
            elif term is not None:
                terms.append(term)
        if terms:
            people.append(Person(name.strip(), tuple(a.strip() for a in aliases), tuple(terms)))
    return people, problems


def _parse_term(
    raw: Any, known_countries: set[str], sectors: set[str]
) -> tuple[Term | None, str | None]:
    if not isinstance(raw, dict):
        return None, "expected a mapping {country, office, sector, start, end}"
    country = raw.get("country")
    if not isinstance(country, str) or (country not in known_countries and country != "IGO"):
        return None, f"unknown country {country!r} (use an ISO 3166-1 alpha-3 code or IGO)"
    office = raw.get("office")
    if office not in OFFICES:
        return None, f"office {office!r} is not one of {', '.join(OFFICES)}"
    sector = raw.get("sector", "GOV")
    if sector not in sectors:
        return None, f"sector {sector!r} is not a CAMEO role code"
    org = raw.get("org")
    if country == "IGO" and not (isinstance(org, str) and org.startswith("IGO")):
        return None, "a term with country IGO needs 'org', e.g. org: IGONAT"
    start, problem = _as_date(raw.get("start"), "start")
    if problem:
        return None, problem
    end = None
    if raw.get("end") is not None:
        end, problem = _as_date(raw.get("end"), "end")
        if problem:
            return None, problem
    assert start is not None
    if end is not None and end < start:
        return None, f"ends ({end}) before it starts ({start})"
    state_name = raw.get("state_name")
    if state_name is not None and not isinstance(state_name, str):
        return None, "'state_name' must be text"
    return (
        Term(country, office, sector, start, end, bool(raw.get("approx", False)), state_name, org),
        None,
    )


def _as_date(value: Any, field: str) -> tuple[dt.date | None, str | None]:
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, int) and 1000 <= value <= 9999:  # a bare year
        return dt.date(value, 1, 1), None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()), None
        except ValueError:
            pass
    return None, f"'{field}' is not a date: {value!r} (write YYYY-MM-DD)"
