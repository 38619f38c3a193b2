"""What the actor tables hold: entries, the phrases that name them, role nouns.

The records only; reading and checking them is `tables.py` and `sections.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pycountry

from seismo.actors.people import Person

# CAMEO role codes (the sector part of an actor code).
SECTORS = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL ELI LAB LEG HLH REF AGR MOD RAD "
    "UAF IMG NGO SEP ENV SET REL INS".split()
)
ISO3 = {c.alpha_3: c for c in pycountry.countries}


@dataclass(frozen=True)
class Entry:
    """Something a mention can stand for: a state, a body of a state, a collective."""

    entry_id: str
    code: str  # the code without a sector: "JPN", "IGONAT", "WST"
    country: str | None
    name: str
    sector: str | None = None  # bodies carry their own ("the Diet" is LEG)
    is_place: bool = False
    igo: bool = False


@dataclass(frozen=True)
class Phrase:
    """Case-sensitive words naming an entry, stored without a leading "the"."""

    text: str
    entry_id: str
    kind: str  # state, capital, demonym, prefix, body, collective
    needs_article: bool = False  # "the Diet": "Diet" alone is not the body
    takes_article: bool = False  # "the United States": the article belongs to the mention


@dataclass(frozen=True)
class RoleNoun:
    """A role noun ("navy", "foreign minister") and the sector it gives its state."""

    sector: str
    office: str | None = None  # set when the words are also a title before a name
    after_name: bool = False  # follows a leader's name: "the Biden administration"


@dataclass
class Tables:
    entries: dict[str, Entry] = field(default_factory=dict)
    phrase_index: dict[tuple[str, str], Phrase] = field(default_factory=dict)
    roles: dict[str, RoleNoun] = field(default_factory=dict)  # lower-case words
    people: dict[str, Person] = field(default_factory=dict)  # by full name
    person_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # words -> people
    # a name's single words no alias lists ("Bush"), read only after a title: "President Bush"
    titled_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
