"""The generated reference (docs/cli.md, docs/api.md) matches the code it documents."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _gen_docs():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_reference_is_up_to_date() -> None:
    """In a fresh interpreter, as a user runs it: the root --help lists commands in the order
    their modules were imported, which other tests in this process may have changed."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_docs.py"), "--check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_reference_covers_the_commands_and_routes() -> None:
    generated = {p.name: t for p, t in _gen_docs().generated().items()}
    for command in ("brief", "export", "watch", "events", "dyad", "spark"):
        assert f"## seismo {command}\n" in generated["cli.md"]
    assert "## GET /api/v1/brief" in generated["api.md"]
    assert "## GET /api/v1/events" in generated["api.md"]


def test_reference_has_a_section_for_every_command() -> None:
    """Every command `seismo` registers (in every command module) is in docs/cli.md."""
    import typer.main

    from seismo.cli import load_app

    root = typer.main.get_command(load_app())
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    names = [n for n, c in root.commands.items() if not getattr(c, "hidden", False)]  # type: ignore[attr-defined]
    assert "spark" in names
    for name in names:
        assert f"## seismo {name}\n" in text, name
