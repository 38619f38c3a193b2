"""The typer application that every command module registers on."""

from __future__ import annotations

import datetime as dt
import os
import sys
from typing import NoReturn

import typer
import typer.core

from seismo.errors import Errors


def _no_type_tag(self: object, ctx: object) -> str | None:
    """No `<str>`, `<list[Path]>` or `<bool>` column in --help: each option's help text says
    what it takes in words ("YYYY-MM-DD", "repeat the option"); an explicit metavar stays."""
    return getattr(self, "metavar", None)


# typer draws the type column from this method; it has no setting to turn the column off
typer.core.TyperOption.display_type_rich = _no_type_tag  # type: ignore[method-assign,assignment]
typer.core.TyperArgument.display_type_rich = _no_type_tag  # type: ignore[method-assign,assignment]

app = typer.Typer(
    name="seismo",
    help=(
        "seismo turns news and analysis articles into political event data "
        "(CAMEO, Goldstein, QuadClass, PLOVER) with real event dates and the sentence "
        "that proves each event, stores it in DuckDB and shows how relations shift."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def default_db() -> str:
    """`$SEISMO_DB`, else seismo.duckdb in the working directory (EVENT-SCHEMA.md)."""
    return os.environ.get("SEISMO_DB", "seismo.duckdb")


def fail(message: str, code: int = 1) -> NoReturn:
    """One line on standard error and a non-zero exit: the CLI contract for errors."""
    print(f"seismo: error: {message}", file=sys.stderr)
    raise typer.Exit(code)


def parse_day(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD option as a date (None when not given), or exit with E004."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(Errors.E004.format(value=value))
