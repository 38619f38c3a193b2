"""The actor tables, read from the YAML in `actors/data/`, checked, and layered with overlays.

Everything the resolver knows is data: which words name which state, body or organisation,
which role nouns give which sector, who held which office when. A user who disagrees edits
a YAML file (or passes one with `--dictionary`), not the code.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from seismo.actors import sections as build
from seismo.actors.entries import ISO3, SECTORS, Tables
from seismo.actors.people import parse_people
from seismo.errors import Errors, SeismoError
from seismo.vocabulary import ACTOR_SECTIONS, RULE_SECTIONS

DATA_DIR = Path(__file__).parent / "data"
PEOPLE_DIR = DATA_DIR / "people"
SECTIONS = tuple(s for s in ACTOR_SECTIONS if s != "people")

# libyaml when present: the people files are large and pure-Python parsing is slow
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> tuple[Any, str | None]:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER), None
    except OSError as exc:
        return None, f"cannot read it ({exc.strerror or exc})"
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        return None, f"not valid YAML{where}: {getattr(exc, 'problem', None) or exc}"


def split_sections(raw: Any) -> tuple[dict[str, Any], Any, str | None]:
    """A data file's table sections and its people (a bare YAML list is a people file).

    Rule sections (`verbs:`, `territories:`, ...) are the coder's (coding/lexicon.py): a
    dictionary file may hold both kinds."""
    if raw is None:
        return {}, None, None
    if isinstance(raw, list):
        return {}, raw, None
    if not isinstance(raw, dict):
        return {}, None, "expected a mapping of sections (states, bodies, ...) or a list of people"
    unknown = set(raw) - set(ACTOR_SECTIONS) - set(RULE_SECTIONS)
    if unknown:
        allowed = ", ".join((*ACTOR_SECTIONS, *RULE_SECTIONS))
        return {}, None, f"unknown sections {sorted(unknown)}; use {allowed}"
    return {k: v for k, v in raw.items() if k in SECTIONS}, raw.get("people"), None


def build_tables(
    sections: dict[str, Any],
    people_files: Sequence[tuple[str, Any]],
    base: Tables | None = None,
) -> tuple[Tables, list[str]]:
    """Tables from data sections and people lists, and every problem found in them."""
    tables = Tables()
    problems: list[str] = [
        f"{section} #{index + 1}: unknown key {key!r}; use {', '.join(build.ENTRY_KEYS[section])}"
        for section, index, key in build.unknown_keys(sections)
    ]
    build.add_states(tables, sections.get("states") or [], problems, base)
    build.add_historical(tables, sections.get("historical_states") or [], problems, base)
    build.add_bodies(tables, sections.get("bodies") or [], problems, base)
    build.add_collectives(tables, sections.get("collectives") or [], problems, base)
    build.add_roles(tables, sections, problems)
    known = set(ISO3) | {e.country for e in tables.entries.values() if e.country}
    if base is not None:
        known |= {e.country for e in base.entries.values() if e.country}
    for where, raw in people_files:
        people, person_problems = parse_people(raw, where, known, set(SECTORS))
        problems.extend(person_problems)
        for person in people:
            tables.people[person.name] = person  # a later file replaces an earlier entry
    build.add_people_phrases(tables)
    problems.extend(build.phrase_conflicts(tables))
    return tables, problems


def builtin_tables(people_dir: Path | None = None) -> Tables:
    """Our own data files, and every `*.yaml` in the people folder; raises on problems."""
    sections: dict[str, Any] = {}
    people_files: list[tuple[str, Any]] = []
    paths = sorted(DATA_DIR.glob("*.yaml"))
    folder = people_dir if people_dir is not None else PEOPLE_DIR
    paths += sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    for path in paths:
        raw, problem = read_yaml(path)
        if problem is None:
            found, people, problem = split_sections(raw)
            duplicate = set(found) & set(sections)
            if duplicate:
                problem = f"sections {sorted(duplicate)} are defined in another file too"
        if problem:
            raise SeismoError(Errors.E006.format(path=path, reason=problem))
        sections.update(found)
        if people is not None:
            people_files.append((str(path), people))
    tables, problems = build_tables(sections, people_files)
    if problems:
        raise SeismoError(Errors.E006.format(path=DATA_DIR, reason=_summary(problems)))
    return tables


def overlay_tables(path: Path, base: Tables) -> tuple[Tables | None, list[str]]:
    """One user overlay as tables of its own, checked against what `base` knows."""
    raw, problem = read_yaml(path)
    if problem is None:
        sections, people, problem = split_sections(raw)
    if problem:
        return None, [problem]
    people_files = [(str(path), people)] if people is not None else []
    return build_tables(sections, people_files, base)


def layer(base: Tables, overlay: Tables) -> None:
    """Put an overlay on top: its words, roles and people replace ours."""
    base.entries.update(overlay.entries)
    overlay_texts = {text for text, _ in overlay.phrase_index}
    base.phrase_index = {
        key: p for key, p in base.phrase_index.items() if key[0] not in overlay_texts
    }
    base.phrase_index.update(overlay.phrase_index)
    base.roles.update(overlay.roles)
    base.people.update(overlay.people)
    build.add_people_phrases(base)


def load_tables(overlays: Sequence[Path] = (), people_dir: Path | None = None) -> Tables:
    tables = builtin_tables(people_dir)
    for path in overlays:
        extra, problems = overlay_tables(Path(path), tables)
        if problems or extra is None:
            raise SeismoError(Errors.E005.format(path=path, reason=_summary(problems)))
        layer(tables, extra)
    return tables


def _summary(problems: list[str], limit: int = 5) -> str:
    shown = "; ".join(problems[:limit])
    if len(problems) > limit:
        shown += f" (and {len(problems) - limit} more)"
    return shown
