"""The typer application that every command module registers on."""

from __future__ import annotations

import os
import sys
from typing import NoReturn

import typer

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
