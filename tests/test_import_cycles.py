"""No module of the package imports itself back through others: layers point one way.

The imports are read from the source with ``ast``, wherever they stand (a function's imports run
too, only later); imports under ``if TYPE_CHECKING:`` never run and do not count. Importing
``a.b.c`` imports the packages ``a`` and ``a.b`` first, so those count as imported too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

from support import REPO

PACKAGE = REPO / "journeymapper"


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def run_time_imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """The import statements of a module, but those under ``if TYPE_CHECKING:``."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def imported_modules(statement: ast.Import | ast.ImportFrom, importer: str) -> set[str]:
    """The package modules a statement loads in ``importer``: those it names, and the packages
    on their way, but for ``importer``'s own packages, which are loaded before it anyway. A
    ``from package import name`` does need the package itself, its own or not."""
    if isinstance(statement, ast.Import):
        named = {alias.name for alias in statement.names}
    else:
        base = statement.module or ""
        submodules = {f"{base}.{alias.name}" for alias in statement.names} & MODULES.keys()
        named = submodules or {base}
    loaded = set(named)
    for name in named:
        parts = name.split(".")
        loaded |= {
            package for end in range(1, len(parts)) if not importer.startswith(f"{(package := '.'.join(parts[:end]))}.")
        }
    return loaded & MODULES.keys() - {importer}


def import_graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    for name, path in MODULES.items():
        graph.add_node(name)
        for statement in run_time_imports(ast.parse(path.read_text(encoding="utf-8"))):
            graph.add_edges_from((name, imported) for imported in imported_modules(statement, name))
    return graph


def test_the_graph_sees_the_imports_it_should():
    graph = import_graph()
    assert graph.has_edge("journeymapper.formats.json_format", "journeymapper.model.document")
    assert graph.has_edge("journeymapper.cli", "journeymapper.commands.export_command")  # inside a function
    assert graph.has_edge("journeymapper.model.links", "journeymapper.model.document")
    assert not graph.has_edge("journeymapper.model.links", "journeymapper.model")  # its own package


def test_no_module_imports_itself_back():
    cycles = list(nx.simple_cycles(import_graph()))
    assert cycles == [], "\n".join(" -> ".join([*cycle, cycle[0]]) for cycle in cycles[:10])
