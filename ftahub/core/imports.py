"""The hub's import graph between its packages (``common``, ``core`` and the capabilities), read from the source
with ``ast`` (nothing is imported), for the house-rules tests and the drawing in docs/imports.md.

``python -m ftahub.core.imports`` prints the drawing. Tests and migrations are left out: a test may use any
capability, and a migration names the apps it depends on by label only.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
REPO = PACKAGE.parent
SKIPPED = {"tests", "migrations", "templates", "static", "locale", "data", "__pycache__"}


def _sources() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if len(parts) < 2 or SKIPPED & set(parts[:-1]):
            continue
        found.append((parts[0], path))
    return found


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported(path: Path) -> list[str]:
    """Absolute names of the ftahub modules a file imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                names.append(".".join(base + ([node.module] if node.module else [])))
            elif node.module:
                names.append(node.module)
    return [n for n in names if n.startswith("ftahub.")]


def _edges() -> dict[tuple[str, str], list[str]]:
    """(from package, to package) → the files making that import."""
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for app, path in _sources():
        for name in _imported(path):
            target = name.split(".")[1]
            if target != app and target in packages:
                edges[(app, target)].append(str(path.relative_to(REPO)))
    return edges


def app_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for app, _ in _sources():
        graph.setdefault(app, set())
    for a, b in _edges():
        graph[a].add(b)
    return dict(graph)


def edges_from(app: str) -> dict[str, list[str]]:
    return {b: files for (a, b), files in _edges().items() if a == app}


def cycles() -> list[list[str]]:
    """Every cycle between packages, each as the path that closes it (empty when the graph is a DAG)."""
    graph = app_graph()
    found, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def layers() -> list[list[str]]:
    """Packages by height: layer 0 imports nothing of the hub, each other imports only lower layers."""
    graph = app_graph()
    height: dict[str, int] = {}

    def of(node: str, seen: frozenset[str] = frozenset()) -> int:
        if node not in height:
            below = [of(n, seen | {node}) for n in graph.get(node, ()) if n not in seen]
            height[node] = 1 + max(below, default=-1)
        return height[node]

    for node in graph:
        of(node)
    result: list[list[str]] = [[] for _ in range(max(height.values(), default=-1) + 1)]
    for node, h in height.items():
        result[h].append(node)
    return [sorted(layer) for layer in result]


def modules_claiming_plain_python() -> list[str]:
    claimed = []
    for _, path in _sources():
        doc = ast.get_docstring(ast.parse(path.read_text())) or ""
        if "plain python: no django" in doc.lower() and path.name != "__init__.py":
            claimed.append(_module_name(path))
    return sorted(claimed)


def drawing() -> str:
    graph = app_graph()
    lines = ["# How the hub's packages import each other", "",
             "Made by `python -m ftahub.core.imports > docs/imports.md`; a test fails when it is out of date, when "
             "`core` imports a capability, or when the graph has a cycle. Arrows point to what a package imports; "
             "lower layers never import higher ones.", "", "```mermaid", "graph BT"]
    for a in sorted(graph):
        for b in sorted(graph[a]):
            lines.append(f"  {a} --> {b}")
    lines += ["```", "", "| layer | packages |", "| --- | --- |"]
    for number, layer in enumerate(layers()):
        lines.append(f"| {number} | {', '.join(layer)} |")
    lines += ["", "| package | imports |", "| --- | --- |"]
    for a in sorted(graph):
        lines.append(f"| {a} | {', '.join(sorted(graph[a])) or '—'} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(drawing())
