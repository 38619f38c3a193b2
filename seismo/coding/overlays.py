"""Checking a user's dictionary file before coding with it: `seismo dictionary check FILE`.

A dictionary file may hold actor sections (read by seismo.actors) and rule sections (read
by the coder's lexicon) side by side; both halves are checked against the built-in data,
and every mistake is reported with the file and, for rule sections, the line.
"""

from __future__ import annotations

from pathlib import Path

from seismo.coding.lexicon import default_lexicon, rule_problems
from seismo.coding.rulefiles import MarkedDict, line_of, read_marked
from seismo.errors import SeismoError
from seismo.vocabulary import ACTOR_SECTIONS


def check_dictionary(path: Path) -> tuple[list[str], list[str]]:
    """(errors, notes) for one dictionary file; notes are deliberate changes of a built-in
    meaning ("'Georgia' names GEO in the built-in data; the overlay makes it ..."), not errors.
    """
    path = Path(path)
    try:
        data = read_marked(path, ours=False)
    except SeismoError as exc:
        if "expected a mapping" not in str(exc):
            return [str(exc)], []
        data = None  # a bare list: a people file, the actor loader's to read
    errors: list[str] = []
    notes: list[str] = []
    if data is not None:
        errors += [f"{path}: {p}" for p in rule_problems(data, default_lexicon())]
        errors += _actor_key_problems(path, data)
    if data is None or set(data) & set(ACTOR_SECTIONS):
        from seismo.actors import check_overlay
        from seismo.actors.tables import builtin_tables, overlay_tables

        base = builtin_tables()
        problems = [f"{path}: {p}" for p in overlay_tables(path, base)[1]]
        # unknown keys are already listed above, with their lines
        errors += [e for e in problems if "unknown key" not in e]
        notes += [line for line in check_overlay(path, base) if line not in problems]
    return errors, notes


def _actor_key_problems(path: Path, data: MarkedDict) -> list[str]:
    """Unknown keys in the actor sections, with their lines (the actor loader reports them
    too, without lines, when the file is used)."""
    from seismo.actors.sections import ENTRY_KEYS, unknown_keys

    problems = []
    for section, index, key in unknown_keys(dict(data)):
        entry = data[section][index]
        line = line_of(entry, key)
        allowed = ", ".join(ENTRY_KEYS[section])
        problems.append(
            f"{path}: line {line}: {section}[{index}]: unknown key '{key}'; use {allowed}"
        )
    return problems
