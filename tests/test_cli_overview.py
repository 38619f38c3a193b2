"""`seismo --help` answers from a static page; it must name every registered command."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import typer.main

from seismo.cli import OVERVIEW, load_app


def test_overview_lists_every_command():
    commands = set(typer.main.get_command(load_app()).commands)
    text = OVERVIEW.read_text(encoding="utf-8")
    listed = {m.group(1) for m in re.finditer(r"^  ([a-z]+) {2,}\S", text, re.MULTILINE)}
    assert commands <= listed, f"missing from overview.txt: {sorted(commands - listed)}"
    assert listed <= commands, f"listed but not a command: {sorted(listed - commands)}"


def test_help_answers_without_importing_the_cli_framework():
    code = "import sys; from seismo.cli import main; sys.argv=['seismo','--help']; main(); print('typer' in sys.modules)"
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    assert run.stdout.strip().endswith("False")
    assert "Usage: seismo" in run.stdout
    print(f"\nseismo --help in {elapsed:.3f} s (interpreter start included)")
