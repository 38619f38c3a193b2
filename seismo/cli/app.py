"""The typer application that every command module registers on."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

import typer
import typer.core

from seismo.errors import Errors


def _no_type_tag(self: object, ctx: object) -> str | None:
    """A plain word for what an option takes instead of typer's `<str>`, `<list[Path]>` or
    `<bool>`: nothing for a flag, PATH, N, NUMBER or TEXT otherwise (an explicit metavar
    stays), so an option that needs a value never looks like a flag."""
    explicit = getattr(self, "metavar", None)
    if explicit:
        return str(explicit)
    if getattr(self, "is_flag", False) or getattr(self, "is_bool_flag", False):
        return None
    desc = getattr(self, "type_descriptor", None)
    bare = self.bare_type() if hasattr(self, "bare_type") else ""  # type: ignore[attr-defined]
    if desc is not None and (desc.is_path or desc.is_file):
        word = "PATH"
    else:
        word = {"int": "N", "float": "NUMBER", "bool": ""}.get(str(bare), "TEXT")
    arity = (desc.tuple_arity or 1) if desc is not None and desc.is_tuple else 1
    return " ".join([word] * arity) if word else None


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


MODALITY_HELP = (
    "asserted, intended, hypothetical, negated, or all; repeat the option "
    "(--modality asserted --modality intended) or give a comma list (asserted,intended)"
)


def modality_list(values: str | Sequence[str]) -> tuple[str, ...] | None:
    """The modalities a user asked for, as a tuple; None (no filter) when `all` is among them.

    Every command takes `--modality` as a repeatable option, and each value may also be a
    comma list, so `--modality asserted,intended` and `--modality asserted --modality intended`
    mean the same everywhere. An unknown name exits with E009 listing the choices."""
    from seismo.vocabulary import MODALITIES

    if isinstance(values, str):
        values = [values]
    names = tuple(dict.fromkeys(m.strip() for v in values for m in v.split(",") if m.strip()))
    if "all" in names:
        return None
    for name in names:
        if name not in MODALITIES:
            fail(Errors.E009.format(value=name, choices=", ".join((*MODALITIES, "all"))))
    return names
