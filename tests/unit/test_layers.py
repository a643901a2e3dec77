"""The layer contract: the packages of `dashboard/` import one way, with no cycles and no late imports.

Each package's docstring (its `__init__.py`) says what it owns and what it may import; this test
keeps that true. A new module belongs to one package; a package missing from `MAY_IMPORT` fails.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import dashboard

PACKAGE_DIR = Path(dashboard.__file__).resolve().parent

# package -> the packages its modules may import (besides its own modules)
MAY_IMPORT: dict[str, set[str]] = {
    "store": set(),
    "analysis": {"store"},
    "presentation": {"analysis", "store"},
    "serving": {"presentation", "analysis", "store"},
    "web": {"serving", "presentation", "analysis", "store"},
    "intake": {"store"},
}
MAX_LINES = 400  # a module longer than this holds more than one thing


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE_DIR.rglob("*.py"))


def _package(path: Path) -> str | None:
    parts = path.relative_to(PACKAGE_DIR).parts
    return parts[0] if len(parts) > 1 else None  # top-level modules (__init__, __main__) sit above the layers


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(tree: ast.Module) -> list[tuple[ast.AST, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node, node.module))
        elif isinstance(node, ast.Import):
            found += [(node, alias.name) for alias in node.names]
    return [(node, name) for node, name in found if name == "dashboard" or name.startswith("dashboard.")]


def test_every_package_is_in_the_contract():
    packages = {p.parent.name for p in PACKAGE_DIR.glob("*/__init__.py")}
    assert packages == set(MAY_IMPORT), "add the new package to MAY_IMPORT (and say why in its docstring)"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE_DIR)))
def test_imports_run_down_the_layers(path: Path):
    package = _package(path)
    if package is None:
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrong = []
    for node, name in _imports(tree):
        parts = name.split(".")
        target = parts[1] if len(parts) > 1 else None
        if target is not None and target != package and target not in MAY_IMPORT[package]:
            wrong.append(
                f"line {node.lineno}: {name} ({package} may import {sorted(MAY_IMPORT[package]) or 'nothing'})"
            )
    assert not wrong, f"{path.relative_to(PACKAGE_DIR)} imports up or across the layers:\n" + "\n".join(wrong)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE_DIR)))
def test_no_import_inside_a_function(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    late = [
        f"line {node.lineno}: {name}"
        for func in ast.walk(tree)
        if isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef)
        for node, name in _imports(func)
    ]
    assert not late, f"{path.relative_to(PACKAGE_DIR)} imports inside a function (a cycle dodged?):\n" + "\n".join(late)


def test_no_import_cycle_between_modules():
    graph: dict[str, set[str]] = {}
    for path in _modules():
        targets = set()
        for node, name in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            targets.add(name)
            if isinstance(node, ast.ImportFrom):  # `from dashboard.web import ids` imports a module too
                targets |= {f"{name}.{alias.name}" for alias in node.names}
        graph[_module_name(path)] = targets
    modules = set(graph)
    graph = {m: {t for t in targets if t in modules and t != m} for m, targets in graph.items()}
    state: dict[str, int] = {}  # 1 on the stack, 2 done

    def visit(module: str, stack: list[str]) -> list[str] | None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                return [*stack, module, target]
            if target not in state and (cycle := visit(target, [*stack, module])):
                return cycle
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state:
            cycle = visit(module, [])
            assert cycle is None, "import cycle: " + " -> ".join(cycle[cycle.index(cycle[-1]) :])


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE_DIR)))
def test_modules_stay_small(path: Path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, (
        f"{path.relative_to(PACKAGE_DIR)} has {lines} lines (at most {MAX_LINES}): split it by what it holds"
    )


@pytest.mark.parametrize("package", sorted(MAY_IMPORT))
def test_every_package_says_what_it_owns(package: str):
    doc = ast.get_docstring(ast.parse((PACKAGE_DIR / package / "__init__.py").read_text(encoding="utf-8")))
    assert doc and "import" in doc, (
        f"dashboard/{package}/__init__.py needs a docstring: what it owns, what it may import"
    )
