"""Builders for each section of the actor data: each checks its entries and adds them.

A problem is reported with the section and the entry it is in, so a user editing an
overlay sees which line to fix; a broken entry is skipped, the rest still load.
"""

from __future__ import annotations

from typing import Any

from seismo.actors.entries import (
    ISO3,
    SECTORS,
    Entry,
    Phrase,
    RoleNoun,
    Tables,
)
from seismo.actors.people import OFFICES

# The keys an entry of each list section may have (docs/dictionaries.md); any other key is
# a mistake (a typo such as "countyr" would otherwise be ignored in silence).
ENTRY_KEYS = {
    "states": ("country", "name", "aliases", "capitals", "demonyms", "prefixes", "not_names"),
    "historical_states": ("key", "name", "country", "aliases", "capitals", "demonyms", "prefixes"),
    "bodies": ("id", "country", "sector", "names", "is_place"),
    "collectives": ("code", "name", "igo", "is_place", "names", "demonyms", "sector", "country"),
    "titles": ("office", "sector", "words"),
    "people": ("name", "aliases", "terms"),
}


def unknown_keys(sections: dict[str, Any]) -> list[tuple[str, int, str]]:
    """(section, index, key) for every key an entry of a list section should not have."""
    found = []
    for section, allowed in ENTRY_KEYS.items():
        items = sections.get(section)
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                found += [(section, index, str(k)) for k in item if k not in allowed]
    return found


# Plural nouns for people are made from demonyms that take an -s ("Russians", "Iraqis");
# "Japanese", "French", "Swiss", "Dutch" do not.
_NO_PLURAL_ENDINGS = ("ese", "sh", "ch", "ss", "s", "x", "z")


def _word_list(value: Any, label: str, problems: list[str]) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{label}: expected a list of words")
        return []
    return [v.strip() for v in value]


def _add_phrase(tables: Tables, text: str, entry_id: str, kind: str) -> None:
    """Register words for an entry; a leading "the" makes the article required."""
    needs_article = text.startswith("the ") and len(text) > 4
    bare = text[4:] if needs_article else text
    key = (bare, entry_id)
    old = tables.phrase_index.get(key)
    if old is not None:  # written both ways: the article is optional but kept in the span
        needs = old.needs_article and needs_article
        takes = old.takes_article or needs_article
        tables.phrase_index[key] = Phrase(bare, entry_id, old.kind, needs, takes)
        return
    tables.phrase_index[key] = Phrase(bare, entry_id, kind, needs_article, needs_article)


def _add_demonyms(tables: Tables, entry_id: str, demonyms: list[str]) -> None:
    """Demonyms, each with its plural noun for people where it takes an -s ("Russians")."""
    for text in demonyms:
        _add_phrase(tables, text, entry_id, "demonym")
        if " " not in text and not text.endswith(_NO_PLURAL_ENDINGS):
            _add_phrase(tables, text + "s", entry_id, "demonym")


def _iso_name(iso3: str) -> str:
    """The name people use for an ISO country: its common name where it has one."""
    country = ISO3[iso3]
    return getattr(country, "common_name", None) or country.name


def _pycountry_names(iso3: str) -> list[str]:
    country = ISO3[iso3]
    names = [
        country.name,
        getattr(country, "common_name", ""),
        getattr(country, "official_name", ""),
    ]
    return [n for n in names if n and "," not in n and "(" not in n]


def add_states(tables: Tables, items: list[Any], problems: list[str], base: Tables | None) -> None:
    for index, item in enumerate(items):
        label = f"states #{index + 1}"
        if not isinstance(item, dict) or not isinstance(item.get("country"), str):
            problems.append(f"{label}: each state needs 'country' (ISO 3166-1 alpha-3)")
            continue
        code = item["country"].strip()
        label = f"states {code}"
        if code not in ISO3 and not item.get("name") and not (base and code in base.entries):
            problems.append(
                f"{label}: {code!r} is not an ISO 3166-1 alpha-3 code; give 'name' for a code of your own"
            )
            continue
        name = item.get("name")
        if name is None and base is not None and code in base.entries:
            name = base.entries[code].name
        if name is None:
            name = _iso_name(code)
        tables.entries[code] = Entry(code, code, code, str(name), is_place=True)
        # `not_names`: an ISO name news uses for another state ("Congo" is mostly the DRC)
        dropped = set(_word_list(item.get("not_names"), f"{label} not_names", problems))
        names = [n for n in (_pycountry_names(code) if code in ISO3 else []) if n not in dropped]
        names += [str(name)] + _word_list(item.get("aliases"), f"{label} aliases", problems)
        _add_state_words(tables, code, names, item, label, problems)
    if base is None:  # every ISO 3166-1 country, even those our table says nothing more about
        for code in ISO3.keys() - tables.entries.keys():
            tables.entries[code] = Entry(code, code, code, _iso_name(code), is_place=True)
            for text in _pycountry_names(code):
                _add_phrase(tables, text, code, "state")


def _add_state_words(
    tables: Tables, entry_id: str, names: list[str], item: dict, label: str, problems: list[str]
) -> None:
    for text in names:
        _add_phrase(tables, text, entry_id, "state")
    for text in _word_list(item.get("capitals"), f"{label} capitals", problems):
        _add_phrase(tables, text, entry_id, "capital")
    _add_demonyms(tables, entry_id, _word_list(item.get("demonyms"), f"{label} demonyms", problems))
    for text in _word_list(item.get("prefixes"), f"{label} prefixes", problems):
        _add_phrase(tables, text, entry_id, "prefix")


def add_historical(
    tables: Tables, items: list[Any], problems: list[str], base: Tables | None
) -> None:
    for index, item in enumerate(items):
        label = f"historical_states #{index + 1}"
        if not isinstance(item, dict):
            problems.append(f"{label}: expected a mapping with key, name, country")
            continue
        key, name, successor = item.get("key"), item.get("name"), item.get("country")
        if not (isinstance(key, str) and isinstance(name, str) and isinstance(successor, str)):
            problems.append(f"{label}: needs 'key', 'name' and 'country' (the successor state)")
            continue
        if key in ISO3:
            problems.append(f"historical_states {key}: key is a current ISO code; choose another")
            continue
        if successor not in tables.entries and not (base and successor in base.entries):
            problems.append(f"historical_states {key}: unknown successor country {successor!r}")
            continue
        tables.entries[key] = Entry(key, successor, successor, name, is_place=True)
        label = f"historical_states {key}"
        names = [name, *_word_list(item.get("aliases"), f"{label} aliases", problems)]
        _add_state_words(tables, key, names, item, label, problems)


def _known_country(tables: Tables, base: Tables | None, code: Any) -> bool:
    return isinstance(code, str) and (
        code in tables.entries or code in ISO3 or bool(base and code in base.entries)
    )


def add_bodies(tables: Tables, items: list[Any], problems: list[str], base: Tables | None) -> None:
    for index, item in enumerate(items):
        label = f"bodies #{index + 1}"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            problems.append(f"{label}: each body needs an 'id'")
            continue
        label = f"bodies {item['id']}"
        home = item.get("country")
        if not _known_country(tables, base, home):
            problems.append(f"{label}: unknown country {home!r}")
            continue
        sector = item.get("sector")
        if sector not in SECTORS:
            problems.append(f"{label}: sector {sector!r} is not a CAMEO role code")
            continue
        names = _word_list(item.get("names"), f"{label} names", problems)
        if not names:
            problems.append(f"{label}: needs at least one name")
            continue
        home = str(home)
        state = tables.entries.get(home) or (base.entries.get(home) if base else None)
        country = state.country if state else home
        state_name = state.name if state else str(home)
        entry_id = f"body:{item['id']}"
        tables.entries[entry_id] = Entry(
            entry_id, str(country), country, state_name, sector, bool(item.get("is_place", False))
        )
        for text in names:
            _add_phrase(tables, text, entry_id, "body")


def add_collectives(
    tables: Tables, items: list[Any], problems: list[str], base: Tables | None
) -> None:
    for index, item in enumerate(items):
        label = f"collectives #{index + 1}"
        if not isinstance(item, dict):
            problems.append(f"{label}: expected a mapping with code, name, names")
            continue
        code, name = item.get("code"), item.get("name")
        if not (isinstance(code, str) and code.isupper() and isinstance(name, str)):
            problems.append(f"{label}: needs an upper-case 'code' and a 'name'")
            continue
        igo = bool(item.get("igo", False))
        if igo and not code.startswith("IGO"):
            problems.append(
                f"collectives {name}: an organisation's code starts with IGO ({code!r})"
            )
            continue
        entry_id = f"org:{name}"
        # IMG groups share CAMEO's class code as their country ("IMG"), like IGOs share "IGO"
        country = "IGO" if igo else str(item.get("country") or code)
        sector = item.get("sector")  # what the organisation is: JUD for a court
        if sector is not None and sector not in SECTORS:
            problems.append(f"collectives {name}: sector {sector!r} is not a CAMEO role code")
            sector = None
        tables.entries[entry_id] = Entry(
            entry_id, code, country, name, sector, bool(item.get("is_place", False)), igo
        )
        for text in _word_list(item.get("names"), f"collectives {name} names", problems):
            _add_phrase(tables, text, entry_id, "collective")
        demonyms = _word_list(item.get("demonyms"), f"collectives {name} demonyms", problems)
        _add_demonyms(tables, entry_id, demonyms)


def add_roles(tables: Tables, sections: dict[str, Any], problems: list[str]) -> None:
    roles = sections.get("roles") or {}
    if not isinstance(roles, dict):
        problems.append("roles: expected a mapping from CAMEO role code to words")
        roles = {}
    for sector, words in roles.items():
        if sector not in SECTORS:
            problems.append(f"roles: {sector!r} is not a CAMEO role code")
            continue
        for word in _word_list(words, f"roles {sector}", problems):
            tables.roles[word.lower()] = RoleNoun(sector)
    for index, item in enumerate(sections.get("titles") or []):
        label = f"titles #{index + 1}"
        if not isinstance(item, dict) or item.get("office") not in OFFICES:
            problems.append(f"{label}: needs 'words' and an 'office' among {OFFICES}")
            continue
        sector = item.get("sector", "GOV")
        if sector not in SECTORS:
            problems.append(f"{label}: sector {sector!r} is not a CAMEO role code")
            continue
        for word in _word_list(item.get("words"), f"{label} words", problems):
            old = tables.roles.get(word.lower())
            tables.roles[word.lower()] = RoleNoun(old.sector if old else sector, item["office"])
    for word in _word_list(sections.get("after_name"), "after_name", problems):
        old = tables.roles.get(word.lower()) or RoleNoun("GOV")
        tables.roles[word.lower()] = RoleNoun(old.sector, old.office, True)


def add_people_phrases(tables: Tables) -> None:
    """Each name or alias points to the people who bear it (usually one)."""
    bearers: dict[str, list[str]] = {}
    for person in tables.people.values():
        for text in person.names:
            if person.name not in bearers.setdefault(text, []):
                bearers[text].append(person.name)
    tables.person_names = {text: tuple(names) for text, names in bearers.items()}
    # "President Bush", "Prime Minister Li": a surname too common to be an alias alone is a
    # person after an office title; the first word too, for names written family name first
    titled: dict[str, list[str]] = {}
    for person in tables.people.values():
        words = person.name.split()
        for word in {words[0], words[-1]} if len(words) >= 2 else set():
            if word[:1].isupper() and len(word) >= 2 and word not in bearers:
                if person.name not in titled.setdefault(word, []):
                    titled[word].append(person.name)
    tables.titled_names = {word: tuple(names) for word, names in titled.items()}


def phrase_conflicts(tables: Tables) -> list[str]:
    """Words that name two different things of the same kind: the data must choose."""
    seen: dict[str, Phrase] = {}
    problems = []
    for phrase in tables.phrase_index.values():
        other = seen.get(phrase.text)
        if other is None:
            seen[phrase.text] = phrase
        elif other.entry_id != phrase.entry_id and _same_family(other.kind, phrase.kind):
            problems.append(
                f"{phrase.text!r} names both {other.entry_id} and {phrase.entry_id}; keep one"
            )
    return problems


def _same_family(a: str, b: str) -> bool:
    """Demonyms compete with demonyms; names of states, capitals, bodies with each other."""
    adjectival = {"demonym", "prefix"}
    return (a in adjectival) == (b in adjectival)
