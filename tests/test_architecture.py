"""The layout CONTRIBUTING.md promises: thin commands, renderers that never query, one way into the
store and no import circle in it, and a developer map that names real files."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.no_store

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "udsat_cli"
MAX_BODY_LINES = 10  # "a command body is a few lines": options, one call to core, one to show


def _modules(folder: str) -> dict[str, ast.Module]:
    return {
        path.stem: ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted((PACKAGE / folder).glob("*.py"))
    }


def _imports(tree: ast.AST) -> set[str]:
    """Every udsat_cli module a module imports, at the top or inside a function (not what it
    names only for the type checker)."""
    found = set()
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for statement in node.body
        for inner in ast.walk(statement)
    }
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("udsat_cli.")}


def _is_command(function: ast.FunctionDef) -> bool:
    return any(
        isinstance(d, ast.Call) and getattr(d.func, "id", None) == "command"
        for d in function.decorator_list
    )


def test_command_bodies_are_a_few_lines() -> None:
    """At most 10 lines of code: what is counted is the statements (nested ones too), since
    ruff format puts each argument of a long call on a line of its own."""
    long = []
    for name, tree in _modules("cli").items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and _is_command(node):
                body = node.body[1:] if ast.get_docstring(node) else node.body
                lines = {
                    inner.lineno
                    for statement in body
                    for inner in ast.walk(statement)
                    if isinstance(inner, ast.stmt)
                }
                if len(lines) > MAX_BODY_LINES:
                    long.append(f"cli/{name}.py {node.name}: {len(lines)} lines")
    assert not long, long


def test_renderers_never_query() -> None:
    for name, tree in _modules("render").items():
        queries = (
            "udsat_cli.store.db",
            "udsat_cli.store.access",
            "udsat_cli.store.engine",
            "udsat_cli.store.models",
            "udsat_cli.core.context",
        )
        assert not {m for m in _imports(tree) if m.startswith(queries)}, name
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                for arg in node.args.args + node.args.kwonlyargs:
                    assert arg.arg not in ("db", "session", "council"), (name, node.name)
                    annotation = ast.unparse(arg.annotation) if arg.annotation else ""
                    assert not re.search(r"\b(Db|Session|CouncilContext)\b", annotation), (
                        name,
                        node.name,
                    )


def test_core_knows_nothing_of_the_command_line() -> None:
    for name, tree in _modules("core").items():
        outward = {m for m in _imports(tree) if m.startswith(("udsat_cli.cli", "udsat_cli.render"))}
        assert not outward, name


def _no_circle(folder: str) -> None:
    """No module of ``folder`` imports itself back, however deep and however deferred."""
    graph = {
        name: {m.split(".")[2] for m in _imports(tree) if m.startswith(f"udsat_cli.{folder}.")}
        - {name}
        for name, tree in _modules(folder).items()
    }
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        for other in graph.get(name, ()):
            assert other not in path, " → ".join((*path, other))
            if other not in done:
                visit(other, (*path, other))
        done.add(name)

    for name in graph:
        visit(name, (name,))


def test_core_has_no_import_circle() -> None:
    _no_circle("core")


def test_the_store_has_one_way_in_and_no_import_circle() -> None:
    modules = _modules("store")
    _no_circle("store")
    opening = [n for n, t in modules.items() if "def open_store" in ast.unparse(t)]
    assert opening == ["access"]
    outside = [
        path.relative_to(PACKAGE)
        for path in PACKAGE.rglob("*.py")
        if "store" not in path.parts
        and re.search(r"\bcreate_engine\(|sqlite3\.connect\(|Session\(", path.read_text())
    ]
    assert not outside  # nothing outside store/ opens a connection of its own


def test_the_developer_map_names_real_files() -> None:
    notes = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = notes.split("<!-- developer-map -->", 1)[1].split("<!-- /developer-map -->", 1)[0]
    paths = re.findall(r"`((?:src|tests|bench|data|scripts)/[^`]+|\.ci/[^`]+)`", section)
    assert len(paths) >= 15
    for path in paths:
        if "<kommando>" in path:  # one module per command: the rule, shown with every module
            assert len(list((ROOT / path).parent.glob("*.py"))) > 20
            continue
        assert (ROOT / path).exists(), path
    for report in (
        "followups",
        "agenda",
        "minutes",
        "reminders",
        "actions",
        "meetings",
        "search",
        "changes",
        "notices",
        "annual_report",
        "publish",
        "hearings",
        "calendar",
        "imports",
    ):  # one name for a feature in core and render, and both on the map
        assert f"src/udsat_cli/core/{report}.py" in section, report
        assert f"src/udsat_cli/render/{report}.py" in section, report


def test_command_functions_are_named_for_their_command() -> None:
    """»udsat meeting add« is ``meeting_add_command``: one convention, so a command never takes
    the name of the core function it calls (which then needs no alias)."""
    wrong = []
    for name, tree in _modules("cli").items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and _is_command(node):
                decorator = next(d for d in node.decorator_list if isinstance(d, ast.Call))
                target, words = ast.unparse(decorator.args[0]), decorator.args[1]
                assert isinstance(words, ast.Constant)
                group = "" if target == "app" else f"{name}_"
                expected = f"{group}{str(words.value).replace('-', '_')}_command"
                if node.name != expected:
                    wrong.append(f"cli/{name}.py {node.name}: {expected}")
    assert not wrong, wrong


def test_every_view_is_found_when_its_render_module_is_imported() -> None:
    """A command shows a report with a view object (render/view.py); a view whose forms are
    missing fails when its module is imported, which this does for every render module."""
    import importlib

    from udsat_cli.render.view import View

    views = []
    for path in sorted((PACKAGE / "render").glob("*.py")):
        module = importlib.import_module(f"udsat_cli.render.{path.stem}")
        views += [v for v in vars(module).values() if isinstance(v, View)]
    assert len({v.name for v in views}) >= 30
    assert all(v.text or v.json for v in views)
    by_name = [
        f"cli/{path.name}"
        for path in (PACKAGE / "cli").glob("*.py")
        if re.search(r"\.show\(\s*[^,()]+,\s*[\"']", path.read_text(encoding="utf-8"))
    ]
    assert not by_name  # a view named by a string would be looked up only when run


def test_the_core_layers_type_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """mypy over core, render, dates and store ([tool.mypy] in pyproject.toml) finds nothing.
    It runs here rather than before pytest so that it shares the two cores with the other tests:
    ~9 s from a cold cache, which alone would be a sixth of the minute the suite may take."""
    from mypy import api

    monkeypatch.chdir(ROOT)  # [tool.mypy] files are relative to the project
    out, err, status = api.run([])
    assert status == 0, out + err
    assert out.startswith("Success: no issues found")
