"""The package's layer rule, made executable.

data (the loader) -> tables -> models -> readouts -> figures -> components
(`widgets/<chapter>.py`) -> notebooks. Models, tables and readouts import
neither ipywidgets nor matplotlib (they are plain, tested computation, and the
readouts run in the browser too); figures draw with matplotlib but know
nothing of ipywidgets; only the widget layer (`widgets/ui.py`,
`widgets/component.py` and the chapter modules) imports ipywidgets. The rule
reads each module's import statements.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "widgets"
MODELS = sorted((PACKAGE / "models").glob("*.py"))
TABLES = sorted((PACKAGE / "tables").glob("*.py"))
READOUTS = sorted((PACKAGE / "readouts").glob("*.py"))
FIGURES = sorted((PACKAGE / "figures").glob("*.py"))
PLAIN = [*MODELS, *TABLES, *READOUTS]
NOT_WIDGET_LAYER = [
    *PLAIN,
    *FIGURES,
    *sorted((PACKAGE / "exercises").glob("*.py")),
    PACKAGE / "data.py",
    PACKAGE / "check.py",
    PACKAGE / "__init__.py",
]


def imported(source: str) -> set[str]:
    """Top-level package names a module imports."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("module", PLAIN, ids=[str(m.relative_to(PACKAGE)) for m in PLAIN])
def test_models_tables_and_readouts_import_neither_ipywidgets_nor_matplotlib(module):
    assert not imported(module.read_text(encoding="utf-8")) & {"ipywidgets", "matplotlib"}, module.name


@pytest.mark.parametrize("module", NOT_WIDGET_LAYER, ids=[str(m.relative_to(PACKAGE)) for m in NOT_WIDGET_LAYER])
def test_only_the_widget_layer_imports_ipywidgets(module):
    assert "ipywidgets" not in imported(module.read_text(encoding="utf-8")), module.name


def test_the_rule_can_fail():
    assert imported("import matplotlib.pyplot as plt\nfrom ipywidgets import HTML\n") == {"matplotlib", "ipywidgets"}
    assert imported("from . import games\n") == set()


def test_every_layer_has_modules():
    """The globs above must find files, or the rules would pass vacuously."""
    for layer in (MODELS, TABLES, READOUTS, FIGURES, PICTURES):
        assert [m for m in layer if m.name != "__init__.py"], layer


sys.path.insert(0, str(PACKAGE.parent / "scripts"))
from live import INFRASTRUCTURE, module_imports  # noqa: E402  (scripts/live.py, which builds the bundle)

CHAPTER_MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in INFRASTRUCTURE)

#: modules that run in the browser as they are: the standard library and the course's own code only
PICTURES = sorted((PACKAGE / "pictures").glob("*.py"))
BROWSER = [
    *MODELS,
    *READOUTS,
    *PICTURES,
    *(PACKAGE / f"{name}.py" for name in ("svg", "markup", "shipped", "live")),
]
STDLIB = set(sys.stdlib_module_names) | {"widgets"}


@pytest.mark.parametrize("module", BROWSER, ids=[str(m.relative_to(PACKAGE)) for m in BROWSER])
def test_what_runs_in_the_browser_imports_only_the_standard_library(module):
    """Module-level imports (a function may import pandas for a notebook's table, when called)."""
    assert module_imports(module.read_text(encoding="utf-8")) - STDLIB == set(), module.name


def test_the_browser_rule_can_fail():
    assert module_imports("import numpy as np\nfrom widgets import svg\n") - STDLIB == {"numpy"}
    assert module_imports("def f():\n    import pandas\n") == set()


@pytest.mark.parametrize("chapter", CHAPTER_MODULES)
def test_every_widget_is_a_component_and_there_are_no_factories(chapter):
    import importlib
    import inspect

    import ipywidgets as W

    from widgets.component import Component

    module = importlib.import_module(f"widgets.{chapter}")
    mine = [obj for _, obj in inspect.getmembers(module) if getattr(obj, "__module__", None) == module.__name__]
    widgets = [c for c in mine if inspect.isclass(c) and issubclass(c, W.Widget)]
    assert widgets, f"widgets.{chapter} defines no widget"
    assert all(issubclass(c, Component) for c in widgets), [c.__name__ for c in widgets]
    public_functions = [f.__name__ for f in mine if inspect.isfunction(f) and not f.__name__.startswith("_")]
    assert public_functions == [], f"widgets.{chapter}: a component displays itself; no factories {public_functions}"


def test_no_two_classes_in_the_package_share_a_name():
    seen: dict[str, str] = {}
    clashes = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                where = str(path.relative_to(PACKAGE))
                if node.name in seen:
                    clashes.append(f"{node.name}: {seen[node.name]} and {where}")
                seen[node.name] = where
    assert clashes == []
