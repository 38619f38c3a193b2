"""The actor base: from a mention in a sentence to the actor it stands for on the event's day.

"Abe" in a 2018 sentence is Japan's government; in a 2022 one a former prime minister
(JPNELI); in a 1956 one nobody we know. "Tokyo" is JPNGOV, "the Pentagon" USAMIL,
"the Soviet Union" RUS with its historical name kept.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from seismo.actors.coreference import later_mentions
from seismo.actors.entries import ISO3, SECTORS, Entry, Tables
from seismo.actors.mentions import Mention, MentionFinder
from seismo.actors.people import Person, in_office_on, standing_on
from seismo.actors.tables import load_tables
from seismo.model import Actor

# Kinds where "former" in the text makes the actor a former official (ELI).
_FORMER_MEANS_ELITE = ("person", "office_title", "demonym_role")


class ActorBase:
    """Our tables of states, bodies, collectives, roles and people, ready to match."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self._finder = MentionFinder(tables)
        # an organisation's name for its code: the first entry wins, so "IGOUNO" stays the
        # United Nations and not its Security Council, which shares the code
        self._org_names: dict[str, str] = {}
        for entry in tables.entries.values():
            if entry.igo:
                self._org_names.setdefault(entry.code, entry.name)

    @classmethod
    def load(cls, overlays: Sequence[Path] = (), people_dir: Path | None = None) -> ActorBase:
        """Our data checked on load, with user overlays (same formats) layered on top.

        `people_dir` replaces `actors/data/people/` (tests use a small folder of their own).
        Raises SeismoError E006 for a broken data file, E005 for a broken overlay.
        """
        return cls(load_tables(overlays, people_dir))

    def find_mentions(self, doc: Doc) -> list[Mention]:
        """Non-overlapping mentions (longest match wins), sorted by start; a person named
        in full is found again by a bare part of the name later in `doc`."""
        found = self._finder.find(doc)
        return sorted([*found, *later_mentions(doc, found)], key=lambda m: (m.start, m.end))

    def resolve(self, mention: Mention, on: dt.date | None) -> Actor | None:
        """The actor `mention` stands for on `on` (the event's date; None: today)."""
        base, _, sector = mention.entry_id.partition("/")
        if sector and sector not in SECTORS:
            return None
        day = on or dt.date.today()
        former = mention.former and mention.kind in _FORMER_MEANS_ELITE
        if base.startswith(("person:", "alias:", "titled:")):
            return self._resolve_person(base, sector or None, day, former, mention.text)
        entry = self.tables.entries.get(base)
        if entry is None:
            return None
        acting: str | None = sector or entry.sector
        if former:
            acting = "ELI"
        elif not sector and mention.kind == "capital":  # "Tokyo said": the government speaks
            acting = "GOV"
        return self._actor(entry, acting, mention.text)

    def lookup(self, query: str) -> list[Actor]:
        """Actors a search box query may mean: a code ("JPN", "JPNGOV"), a name, a person."""
        text = query.strip()
        if not text:
            return []
        found: list[Actor] = []
        upper = text.upper()
        if upper in self.tables.entries:
            found.append(self._actor(self.tables.entries[upper], None, text))
        for entry in self.tables.entries.values():
            if not found and upper == entry.code and not entry.entry_id.startswith("body:"):
                found.append(self._actor(entry, None, text))
        if (
            not found
            and len(upper) > 3
            and upper[3:] in SECTORS
            and upper[:3] in self.tables.entries
        ):
            found.append(self._actor(self.tables.entries[upper[:3]], upper[3:], text))
        if not found and len(upper) == 2:
            country = next((c for c in ISO3.values() if c.alpha_2 == upper), None)
            if country is not None and country.alpha_3 in self.tables.entries:
                found.append(self._actor(self.tables.entries[country.alpha_3], None, text))
        lowered = text.lower()
        for (words, entry_id), phrase in self.tables.phrase_index.items():
            if words.lower() == lowered and phrase.kind != "prefix":
                entry = self.tables.entries[entry_id]
                found.append(self._actor(entry, entry.sector, text))
        for words, names in self.tables.person_names.items():
            if words.lower() == lowered:
                for name in names:
                    actor = self._person_actor(
                        self.tables.people[name], None, dt.date.today(), False, text
                    )
                    if actor is not None:
                        found.append(actor)
        return list(dict.fromkeys(found))

    # ---------------------------------------------------------------- helpers
    def _actor(self, entry: Entry, sector: str | None, text: str) -> Actor:
        if entry.igo:  # one unit per organisation, whatever part of it acts
            return Actor(entry.code, "IGO", None, entry.name, text)
        return Actor(entry.code + (sector or ""), entry.country, sector, entry.name, text)

    def _resolve_person(
        self, base: str, sector: str | None, day: dt.date, former: bool, text: str
    ) -> Actor | None:
        kind, _, key = base.partition(":")
        office = None
        if kind == "titled":  # "titled:head_of_state:Bush"
            office, _, key = key.partition(":")
            names = self.tables.titled_names.get(key, ())
        else:
            names = (key,) if kind == "person" else self.tables.person_names.get(key, ())
        people = [self.tables.people[n] for n in names if n in self.tables.people]
        if office is not None:  # only those who ever held the office the title names
            people = [
                p for p in people if office == "other" or any(t.office == office for t in p.terms)
            ]
        if len(people) > 1:  # "Bush": whoever was in office then, else the latest to leave
            in_office = [p for p in people if in_office_on(p, day)]
            people = in_office or sorted(
                people, key=lambda p: _last_day_before(p, day), reverse=True
            )
        for person in people[:1]:
            return self._person_actor(person, sector, day, former, text)
        return None

    def _person_actor(
        self, person: Person, sector: str | None, day: dt.date, former: bool, text: str
    ) -> Actor | None:
        standing = standing_on(person, day, former)
        if standing is None:
            return None
        term = standing.term
        if term.country == "IGO":
            code = term.org or "IGO"
            return Actor(code, "IGO", None, self._org_names.get(code, code), text)
        entry = self.tables.entries.get(term.country)
        name = term.state_name or (entry.name if entry else term.country)
        # "the Biden administration": the role noun decides, unless the text says former
        acting = (
            standing.sector if former or standing.sector is None else (sector or standing.sector)
        )
        return Actor(term.country + (acting or ""), term.country, acting, name, text)


def _last_day_before(person: Person, day: dt.date) -> dt.date:
    ends = [t.end or day for t in person.terms if t.start <= day]
    return max(ends, default=dt.date.min)


@functools.cache
def default_actor_base() -> ActorBase:
    """Our data, loaded once per process."""
    return ActorBase.load()
