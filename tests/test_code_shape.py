"""The project's code standards that a reader checks by eye, checked by the parser instead."""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

MAX_FUNCTION_LINES = 60  # from the `def` line to the last line of the body


def long_functions(folders: list[Path]) -> list[str]:
    """``file:line name (N lines)`` for every function or method longer than the limit."""
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    length = (node.end_lineno or node.lineno) - node.lineno + 1
                    if length > MAX_FUNCTION_LINES:
                        found.append(f"{path.relative_to(folder.parent)}:{node.lineno} {node.name} ({length} lines)")
    return found


def test_the_check_finds_a_long_function(tmp_path: Path) -> None:
    def function(name: str, lines: int, indent: str = "") -> str:
        return f"{indent}def {name}(x):\n" + "".join(f"{indent}    x += {i}\n" for i in range(lines - 1))

    source = function("at_limit", MAX_FUNCTION_LINES) + "\n\nclass A:\n" + function("over", MAX_FUNCTION_LINES + 1, "    ")
    (tmp_path / "shape.py").write_text(source)
    over_at = MAX_FUNCTION_LINES + 4  # after at_limit, two blank lines and the class line
    assert long_functions([tmp_path]) == [f"{tmp_path.name}/shape.py:{over_at} over ({MAX_FUNCTION_LINES + 1} lines)"]


def test_no_function_in_the_core_or_the_hooks_is_over_60_lines() -> None:
    assert long_functions([ROOT / "explainers", ROOT / "hooks"]) == []


def package_imports(package: Path) -> dict[str, set[str]]:
    """Each module of ``package`` and the package modules it imports anywhere (in functions and
    ``if TYPE_CHECKING:`` blocks too)."""
    name = package.name
    modules = {
        ".".join(path.relative_to(package.parent).with_suffix("").parts).removesuffix(".__init__"): path
        for path in package.rglob("*.py")
    }
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        is_package = path.name == "__init__.py"
        base = module.split(".") if is_package else module.split(".")[:-1]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                prefix = base[: len(base) - node.level + 1] if node.level else []
                origin = ".".join([*prefix, *(node.module.split(".") if node.module else [])])
                # ``from .pkg import module`` imports the module; ``from .module import name``, the module.
                targets = [f"{origin}.{a.name}" if f"{origin}.{a.name}" in modules else origin for a in node.names]
            found.update(t for t in targets if t in modules and t != module and t.split(".")[0] == name)
        graph[module] = found
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle, as the path that closes it (depth-first)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                found.append([*path[path.index(target):], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return found


def test_the_cycle_check_finds_a_cycle_hidden_in_a_function(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from . import b\n")
    (package / "b.py").write_text("def f():\n    from .a import x\n")
    assert cycles(package_imports(package)) == [["pkg.a", "pkg.b", "pkg.a"]]


def test_explainers_has_no_import_cycle() -> None:
    assert cycles(package_imports(ROOT / "explainers")) == []


def test_the_hook_file_only_wires() -> None:
    """At most 120 lines of code in hooks/ (blank lines and comments aside): the logic lives in the package."""
    lines = [
        line for path in (ROOT / "hooks").glob("*.py") for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    assert len(lines) <= 120
