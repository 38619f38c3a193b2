"""`seismo dictionary check`: validate a user's actor or rule overlay before coding with it."""

from __future__ import annotations

from pathlib import Path

import typer

from seismo.cli.app import app, fail
from seismo.errors import Errors

dictionary_app = typer.Typer(
    help="Check user dictionary overlays (actors or event patterns) before coding with them.",
    no_args_is_help=True,
)
app.add_typer(dictionary_app, name="dictionary")


@dictionary_app.command("check")
def dictionary_check(
    file: Path = typer.Argument(..., help="The overlay YAML file to check."),
) -> None:
    """Validate a dictionary file: its rule sections (`verbs:`, `nouns:`, `words:`, `codes:`,
    `stances:`, `territories:`) against the schema and the CAMEO codes, its actor sections
    against the built-in actors. Prints each problem with the file and line; exits 1 if
    there is an error."""
    from seismo.coding.overlays import check_dictionary

    if not file.is_file():
        fail(Errors.E002.format(path=file))
    errors, notes = check_dictionary(file)
    for line in errors:
        print(f"error: {line}")
    for line in notes:
        print(f"note: {line}")
    if errors:
        fail(Errors.E018.format(path=file, count=len(errors)))
    print(f"ok: {file} is a valid dictionary overlay ({len(notes)} note(s))")
