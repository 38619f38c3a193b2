"""The shape of the package: no import cycles, small modules, declared dependencies, one
catalogue of errors. Read from the source with `ast`, imports inside functions included."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "seismo"
MAX_LINES = 450


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _runtime_imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement that runs: at the top, in functions, in try blocks; not those
    under `if TYPE_CHECKING:`, which only the type checker reads."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> set[str]:
    """The seismo modules one import statement loads (by name, not their parent packages)."""
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = module.split(".")
            if not MODULES[module].name == "__init__.py":
                package = package[:-1]
            package = package[: len(package) - (node.level - 1)]
            base = ".".join([*package, base] if base else package)
        names = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
    return {n for n in names if n in MODULES and n != module}


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[module] = set()
        for node in _runtime_imports(tree):
            graph[module] |= _targets(module, node)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def test_the_graph_sees_lazy_imports() -> None:
    graph = import_graph()
    # seismo.pipeline imports the coder inside build_coder only
    assert "seismo.coding.coder" in graph["seismo.pipeline"]


def test_no_import_cycles() -> None:
    cycles = _cycles(import_graph())
    assert cycles == [], "import cycles (imports inside functions count): " + "; ".join(
        " <-> ".join(c) for c in cycles
    )


def test_no_module_is_over_the_size_limit() -> None:
    too_long = {}
    for path in MODULES.values():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        relative = path.relative_to(ROOT).as_posix()
        if lines > MAX_LINES:
            too_long[relative] = lines
    assert too_long == {}, f"modules over {MAX_LINES} lines: {too_long}"


def test_every_imported_library_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        declared += extra
    names = {re.split(r"[<>=!\[ ;]", d, maxsplit=1)[0].lower().replace("_", "-") for d in declared}
    distributions = importlib.metadata.packages_distributions()
    missing = set()
    for path in MODULES.values():
        for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            tops = (
                [a.name.split(".")[0] for a in node.names]
                if isinstance(node, ast.Import)
                else [(node.module or "").split(".")[0]]
                if not node.level
                else []
            )
            for top in tops:
                if top in sys.stdlib_module_names or top in ("seismo", "__future__", ""):
                    continue
                dists = {d.lower().replace("_", "-") for d in distributions.get(top, [top])}
                if not dists & names:
                    missing.add(f"{top} ({path.relative_to(ROOT)})")
    assert not missing, f"imported but not declared in pyproject.toml: {sorted(missing)}"


def _calls(name: str) -> list[tuple[Path, ast.Call]]:
    found = []
    for path in MODULES.values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == name:
                found.append((path, node))
    return found


def test_errors_come_from_the_catalogue() -> None:
    """`SeismoError(Errors.E00x.format(...))`: the code is written once, in errors.py, and
    so is every message; no hand-written "[E009] ..." anywhere."""
    bad = []
    for path, call in _calls("SeismoError"):
        message = call.args[0] if len(call.args) == 1 else None
        if message is None or isinstance(message, (ast.Constant, ast.JoinedStr, ast.BinOp)):
            bad.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    for path, call in _calls("fail"):
        if call.args and isinstance(call.args[0], (ast.Constant, ast.JoinedStr)):
            bad.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    coded = re.compile(r"\[?E0\d\d\]?")
    for path in MODULES.values():
        if path.name == "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if coded.fullmatch(node.value) or node.value.startswith("[E0"):
                    bad.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value!r}")
    assert bad == [], "errors written outside the catalogue: " + ", ".join(bad)


def test_the_docs_name_every_package_and_module() -> None:
    """docs/internals.md and the README's Layout paragraph name every package of seismo/
    and every module at its top."""
    internals = (ROOT / "docs" / "internals.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("## Layout") :].split("\n## ", 1)[0]
    names = [f"{p.name}/" for p in PACKAGE.iterdir() if p.is_dir() and not p.name.startswith("__")]
    names += [p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"]
    missing = {
        "docs/internals.md": [n for n in names if n not in internals],
        "README Layout": [n for n in names if f"seismo/{n.rstrip('/')}" not in layout],
    }
    assert missing == {"docs/internals.md": [], "README Layout": []}


# Closed classes of English and of the parser (dependency labels, prepositions, pronouns,
# auxiliaries) and the rule-file schema may be Python; open word lists and code tables are
# knowledge users extend, so they live in the rule files (seismo/coding/rules/).
CLOSED_CLASS_SUFFIXES = ("_DEPS", "_PREPS", "_KEYS", "_KINDS", "_TARGETS", "_SOURCES")
CLOSED_CLASS_NAMES = {"PRONOUNS", "RELATIVES", "CLAUSE_BOUNDARIES", "MODAL_FUTURE"}


def _literal_strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("frozenset", "set", "tuple"):
        return _literal_strings(node.args[0]) if node.args else []
    if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
        return [
            e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
        ]
    if isinstance(node, ast.Dict):
        return [
            k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)
        ]
    return []


def test_the_coder_keeps_its_word_lists_and_code_tables_in_rule_files() -> None:
    found = []
    for path in sorted((PACKAGE / "coding").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.Assign) or len(node.targets) != 1:
                continue
            name = getattr(node.targets[0], "id", "")
            if name in CLOSED_CLASS_NAMES or name.endswith(CLOSED_CLASS_SUFFIXES):
                continue
            words = _literal_strings(node.value)
            if len(words) >= 3 and all(re.fullmatch(r"[a-z][a-z' -]*|\d{2,4}", w) for w in words):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    assert found == [], (
        "word lists or code tables in Python (move them to coding/rules/): " + ", ".join(found)
    )
