"""The `seismo` command: a thin layer that parses options, calls the library and prints.

Heavy libraries (spaCy, DuckDB, FastAPI) are imported inside the commands that need them.
`seismo` and `seismo --help` alone print `overview.txt` without importing typer at all, so
the first thing a user types answers at once; a test keeps that page in step with the
commands the app registers.
"""

from __future__ import annotations

import sys
from pathlib import Path

COMMAND_MODULES = (
    "seismo.cli.coding",
    "seismo.cli.dictionary",
    "seismo.cli.analytics",
    "seismo.cli.serve",
    "seismo.cli.extras",
    "seismo.cli.scale",
)
OVERVIEW = Path(__file__).with_name("overview.txt")


def load_app():
    """The typer app with every command module registered."""
    from seismo.cli.app import app

    for name in COMMAND_MODULES:
        __import__(name)
    return app


def main() -> None:
    """Entry point of the `seismo` console script."""
    if sys.argv[1:] in ([], ["--help"], ["-h"]):
        sys.stdout.write(OVERVIEW.read_text(encoding="utf-8"))
        return
    load_app()()
