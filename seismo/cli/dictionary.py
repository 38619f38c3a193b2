"""`seismo dictionary check`: validate a user's actor or pattern overlay before coding with it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from seismo.cli.app import app, fail
from seismo.errors import Errors, SeismoError

dictionary_app = typer.Typer(
    help="Check user dictionary overlays (actors or event patterns) before coding with them.",
    no_args_is_help=True,
)
app.add_typer(dictionary_app, name="dictionary")

PATTERN_SECTIONS = {"verbs", "nouns", "grammar"}


def _pattern_problems(path: Path, data: dict[str, Any]) -> list[str]:
    from seismo.coding.lexicon import load_lexicon

    problems = [f"{path}: unknown section '{key}'" for key in data if key not in PATTERN_SECTIONS]
    try:
        load_lexicon([path])
    except SeismoError as exc:
        problems.append(str(exc))
    return problems


def _actor_problems(path: Path) -> tuple[list[str], list[str]]:
    """(errors, notes): notes are deliberate overrides of built-in meanings, not errors."""
    from seismo.actors import check_overlay
    from seismo.actors.tables import builtin_tables, overlay_tables

    base = builtin_tables()
    errors = [f"{path}: {p}" for p in overlay_tables(path, base)[1]]
    notes = [line for line in check_overlay(path, base) if line not in errors]
    return errors, notes


@dictionary_app.command("check")
def dictionary_check(
    file: Path = typer.Argument(..., help="The overlay YAML file to check."),
) -> None:
    """Validate an overlay: a pattern overlay (`verbs:`/`nouns:` sections) against the CAMEO
    codes and argument slots, any other file as an actor overlay against the built-in actors.
    Prints each problem; exits 1 if there is an error."""
    import yaml

    if not file.is_file():
        fail(f"[E002] {Errors.E002.format(path=file)}")
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        fail(f"[E005] {Errors.E005.format(path=file, reason=' '.join(str(exc).split()))}")
    notes: list[str] = []
    if isinstance(data, dict) and {"verbs", "nouns"} & set(data):
        kind, errors = "pattern", _pattern_problems(file, data)
    else:
        kind = "actor"
        errors, notes = _actor_problems(file)
    for line in errors:
        print(f"error: {line}")
    for line in notes:
        print(f"note: {line}")
    if errors:
        fail(f"{file}: {len(errors)} error(s) in the {kind} overlay")
    print(f"ok: {file} is a valid {kind} overlay ({len(notes)} note(s))")
