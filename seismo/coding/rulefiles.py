"""Where the coder's knowledge lives, and reading it with line numbers.

Every word list and code table the coder uses is a YAML file listed in `rule_files()`:
the event patterns, the words of modality, and the tables under `rules/`. They are read
with a loader that remembers the line of every key and list item, so that a mistake in a
built-in file or in a user's `--dictionary` overlay is reported as `file:line`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from seismo.errors import Errors, SeismoError

HERE = Path(__file__).resolve().parent
RULES_DIR = HERE / "rules"
PATTERNS_FILE = HERE / "patterns.yaml"
GRAMMAR_FILE = HERE / "grammar.yaml"


def rule_files() -> list[tuple[Path, str | None]]:
    """The built-in rule files in load order, each with the section its whole content is
    (None: the file is a mapping of sections, like an overlay)."""
    patterns = [PATTERNS_FILE, *sorted(HERE.glob("patterns_*.yaml"))]
    return [
        *((p, None) for p in patterns),
        (GRAMMAR_FILE, "grammar"),
        *((p, None) for p in sorted(RULES_DIR.glob("*.yaml"))),
    ]


class MarkedDict(dict[Any, Any]):
    """A YAML mapping that knows the line of each of its keys (1-based)."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[Any, int] = {}

    def line_of(self, key: Any) -> int:
        return self.lines.get(key, self.line)


class MarkedList(list[Any]):
    """A YAML sequence that knows the line of each of its items (1-based)."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.line


_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _MarkedLoader(_BASE):  # type: ignore[misc,valid-type]
    """A safe loader whose mappings and lists carry line numbers."""


def _mapping(loader: Any, node: yaml.MappingNode) -> Any:
    data = MarkedDict()
    data.line = node.start_mark.line + 1
    yield data
    data.update(loader.construct_mapping(node, deep=True))
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in data.lines:
            # YAML keeps the last of two equal keys without a word: a verb added twice would
            # silently drop the first entry's patterns. Say where both are instead.
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"'{key}' is a key twice (first on line {data.lines[key]}): merge the entries",
                key_node.start_mark,
            )
        data.lines[key] = key_node.start_mark.line + 1


def _sequence(loader: Any, node: yaml.SequenceNode) -> Any:
    data = MarkedList()
    data.line = node.start_mark.line + 1
    yield data
    data.extend(loader.construct_sequence(node, deep=True))
    data.lines = [item.start_mark.line + 1 for item in node.value]


_MarkedLoader.add_constructor("tag:yaml.org,2002:map", _mapping)
_MarkedLoader.add_constructor("tag:yaml.org,2002:seq", _sequence)


def line_of(container: Any, key: Any) -> int | None:
    """The line of `key` (or list index) in a container read by `read_marked`, if known."""
    if isinstance(container, (MarkedDict, MarkedList)):
        return container.line_of(key)
    return None


def read_marked(path: Path, ours: bool = True) -> MarkedDict:
    """A YAML mapping with line marks; a file that cannot be read or is not a mapping raises
    E006 for our data files, E005 for a user's overlay."""
    message = Errors.E006 if ours else Errors.E005
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_MarkedLoader)
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise SeismoError(message.format(path=path, reason=f"cannot read it ({reason})")) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or exc
        reason = f"{where}not valid YAML ({problem})"
        raise SeismoError(message.format(path=path, reason=reason)) from exc
    if data is None:
        return MarkedDict()
    if not isinstance(data, MarkedDict):
        raise SeismoError(message.format(path=path, reason="line 1: expected a mapping"))
    return data
