"""Checking a user's dictionary overlay before it is used: `seismo dictionary check FILE`.

An overlay may deliberately change what a word means; this says so, so that a user who
maps "Georgia" to the US state learns the built-in meaning is gone.
"""

from __future__ import annotations

from pathlib import Path

from seismo.actors.entries import Tables
from seismo.actors.tables import builtin_tables, overlay_tables


def check_overlay(path: Path, base: Tables | None = None) -> list[str]:
    """Problems and conflicts in an overlay, one readable line each; empty when all is well."""
    path = Path(path)
    if not path.is_file():
        return [f"{path}: no such file"]
    base = base if base is not None else builtin_tables()
    extra, problems = overlay_tables(path, base)
    report = [f"{path}: {p}" for p in problems]
    if extra is None:
        return report
    report += [f"{path}: {c}" for c in _conflicts(base, extra)]
    return report


def _conflicts(base: Tables, extra: Tables) -> list[str]:
    found = []
    ours: dict[str, set[str]] = {}
    for text, entry_id in base.phrase_index:
        ours.setdefault(text, set()).add(entry_id)
    for text, entry_id in extra.phrase_index:
        before = ours.get(text, set()) - {entry_id}
        if before:
            was = ", ".join(sorted(before))
            found.append(
                f"{text!r} names {was} in the built-in data; the overlay makes it {entry_id}"
            )
        if text in base.person_names:
            people = ", ".join(base.person_names[text])
            found.append(
                f"{text!r} is also the name of {people}; the overlay's {entry_id} wins ties"
            )
    for word, role in extra.roles.items():
        old = base.roles.get(word)
        if old is not None and old.sector != role.sector:
            found.append(
                f"role {word!r} gives {old.sector} in the built-in data; the overlay makes it {role.sector}"
            )
    for name, person in extra.people.items():
        if name in base.people:
            found.append(f"person {name!r} replaces the built-in entry and its terms")
        for alias in person.names:
            others = set(base.person_names.get(alias, ())) - {name}
            if others:
                found.append(
                    f"name {alias!r} is shared with {', '.join(sorted(others))}; the date decides"
                )
    return found
