"""The `seismo` command: a thin layer that parses options, calls the library and prints.

Heavy libraries (spaCy, DuckDB, FastAPI) are imported inside the commands that need them,
so `seismo --help` answers at once.
"""

from __future__ import annotations

from seismo.cli.app import app


def main() -> None:
    """Entry point of the `seismo` console script."""
    from seismo.cli import analytics, coding  # noqa: F401  (commands register themselves)

    for optional in ("seismo.cli.serve", "seismo.cli.extras", "seismo.cli.scale"):
        try:
            __import__(optional)
        except ModuleNotFoundError as exc:  # a module not written yet must not break the rest
            if exc.name != optional:
                raise
    app()
