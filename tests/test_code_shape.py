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
