"""Write the live site's Python bundle: what the browser needs to recompute every live widget.

``make book`` runs this before Sphinx; the files land in ``vendor/_dist/live/``,
served as ``_static/live/``:

- ``course.zip``: the course's modules that import only the standard library
  (models, readouts, pictures, ``svg``, ``markup``, ``live``, the descriptor
  ``datasets/datapackage.json``) and, for each tables module with shipped
  functions, a stand-in that returns the values computed here through the
  validated loader; in ``sin-live/``, the specs, the shipped tables and the
  permutation tests' sorted shuffles that the readouts declare (``SHUFFLES``,
  one ``shuffles-<row>-<size>-<seed>.bin`` each, so that the page need not sort them);
- ``components.json``: for each live component, its readout, its picture and its
  controls (kind, and the Python values behind a choice's options).

A component is live when it draws a ``picture`` and keeps the base's standard
path (readout of the control values, picture of the readout). ``python
scripts/live.py --check`` also imports the bundle in a separate CPython with
numpy, pandas, scipy, networkx, matplotlib and ipywidgets blocked, and compares
each live component's HTML with the kernel's (``tests/test_live.py`` runs it).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from widgets import live, shipped  # noqa: E402
from widgets.models import rank_test  # noqa: E402

OUT = ROOT / "vendor" / "_dist" / "live"
PACKAGE = ROOT / "widgets"
BLOCKED = ("numpy", "pandas", "scipy", "networkx", "matplotlib", "ipywidgets", "PIL", "IPython")
STANDARD = ("compute", "render", "refresh", "outputs")
#: zip entries carry this fixed time, so that an unchanged course writes a byte-identical bundle
STAMP = (2026, 1, 1, 0, 0, 0)


#: the package's modules that hold no chapter's components
INFRASTRUCTURE = {"__init__", "ui", "component", "data", "check", "svg", "markup", "shipped", "live"}


def chapter_modules() -> list[str]:
    return [f"widgets.{p.stem}" for p in sorted(PACKAGE.glob("*.py")) if p.stem not in INFRASTRUCTURE]


def components() -> dict[str, type]:
    """Every component class of every chapter, by its ``name``."""
    from widgets.component import Component

    found = {}
    for module in chapter_modules():
        for _, cls in inspect.getmembers(importlib.import_module(module), inspect.isclass):
            if issubclass(cls, Component) and cls.__module__ == module and getattr(cls, "name", None):
                found[cls.name] = cls
    return found


def why_not_live(cls: type) -> str | None:
    """None if ``cls`` can run on the live site, else the reason it cannot (yet)."""
    from widgets.component import Component

    if getattr(cls, "picture", None) is None:
        return "has no picture"
    changed = [m for m in STANDARD if getattr(cls, m) is not getattr(Component, m)]
    if changed:
        return f"overrides {', '.join(changed)}"
    return None


def _path(fn) -> str:
    return f"{fn.__module__}:{fn.__qualname__}"


def spec(cls: type) -> dict:
    controls = []
    for control in cls.controls:
        entry = {"name": control.name, "kind": control.kind}
        if control.kind in ("choice", "buttons", "multi"):
            entry["choices"] = [live.encode(v) for v in control.option_values()]
        if control.sets is not None:
            entry["sets"] = _path(control.sets)
        controls.append(entry)
    return {"readout": _path(cls.readout), "picture": _path(cls.picture), "controls": controls}


def tables() -> dict[str, dict]:
    """Each shipped function's value, and each plain constant, of every tables module."""
    for path in sorted((PACKAGE / "tables").glob("*.py")):
        importlib.import_module(f"widgets.tables.{path.stem}")
    out = {}
    for module_name, names in sorted(shipped.REGISTRY.items()):
        module = importlib.import_module(module_name)
        constants = {}
        for key, value in vars(module).items():
            if key.startswith("_") or callable(value) or inspect.ismodule(value):
                continue
            try:
                constants[key] = live.encode(value)
            except TypeError:
                continue
        functions = {}
        for name in names:
            try:
                functions[name] = live.encode(getattr(module, name)())
            except TypeError as exc:
                raise SystemExit(f"live: {module_name}.{name}() is shipped but not plain: {exc}") from None
        out[module_name] = {"functions": functions, "constants": constants}
    return out


def stand_in(module_name: str, table: dict) -> str:
    lines = [
        f'"""Stand-in for {module_name} on the live site, written by scripts/live.py: the values',
        'its shipped functions returned at build time, through the validated loader."""',
        "",
        "from widgets.live import constant, stored",
        "",
    ]
    lines += [f"{key} = constant({module_name!r}, {key!r})" for key in table["constants"]]
    lines += [f"{name} = stored({module_name!r}, {name!r})" for name in table["functions"]]
    return "\n".join(lines) + "\n"


def module_imports(source: str) -> set[str]:
    """Top-level packages a module imports when it is imported: its module-level import
    statements, not those inside functions (run only when called) or ``if TYPE_CHECKING:``."""
    names: set[str] = set()

    def visit(statements):
        for node in statements:
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
            elif isinstance(node, ast.If):
                if not (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"):
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)
                for handler in node.handlers:
                    visit(handler.body)

    visit(ast.parse(source).body)
    return names


def pure(path: Path) -> bool:
    """Does importing this module need only the standard library and the course's own modules?"""
    return module_imports(path.read_text(encoding="utf-8")) <= set(sys.stdlib_module_names) | {"widgets"}


def shuffles() -> list[tuple[int, int, int]]:
    """The sorted shuffles the readouts declare they use (``SHUFFLES``), to ship rather than sort on the page."""
    found = set()
    for path in sorted((PACKAGE / "readouts").glob("*.py")):
        found.update(getattr(importlib.import_module(f"widgets.readouts.{path.stem}"), "SHUFFLES", ()))
    return sorted(found)


def bundle() -> tuple[bytes, dict, dict]:
    """The zip's bytes, the live components' specs, and the reasons the others are not live."""
    found = components()
    live_specs, not_live = {}, {}
    for name, cls in sorted(found.items()):
        reason = why_not_live(cls)
        if reason:
            not_live[name] = reason
        else:
            live_specs[name] = spec(cls)
    shipped_tables = tables()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:

        def add(name: str, body: str | bytes) -> None:
            zf.writestr(zipfile.ZipInfo(name, STAMP), body)

        for path in sorted(PACKAGE.rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if path.parent.name == "tables" and path.stem != "__init__":
                module_name = f"widgets.tables.{path.stem}"
                if module_name in shipped_tables:
                    add(rel, stand_in(module_name, shipped_tables[module_name]))
                continue
            if pure(path):
                add(rel, path.read_text(encoding="utf-8"))
        add("datasets/datapackage.json", (ROOT / "datasets" / "datapackage.json").read_text(encoding="utf-8"))
        add("sin-live/components.json", json.dumps(live_specs, sort_keys=True))
        add("sin-live/tables.json", json.dumps(shipped_tables, sort_keys=True))
        for row, size, seed in shuffles():
            add(f"sin-live/{live.shuffles_file(row, size, seed)}", rank_test.flat_rows(row, size, seed))
    return buffer.getvalue(), live_specs, not_live


def write() -> dict:
    data, specs, not_live = bundle()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "course.zip").write_bytes(data)
    (OUT / "components.json").write_text(json.dumps(sorted(specs)) + "\n")
    return {"live": sorted(specs), "not_live": not_live, "bytes": len(data)}


# -- the check: the bundle alone, in a CPython that cannot import the scientific stack ----------
CHILD = r"""
import importlib.abc, json, sys
BLOCKED = set(sys.argv[2].split(","))
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"{name} is not available on the live site")
sys.meta_path.insert(0, Block())
sys.path.insert(0, sys.argv[1])
from widgets import live
root = sys.argv[1]
live.load(root)
cases = json.loads(sys.stdin.read())
print(json.dumps([json.loads(live.update(name, json.dumps(values), *changed)) for name, values, *changed in cases]))
"""


def run_in_bundle(data: bytes, cases: list[tuple]) -> list[dict]:
    """``live.update`` for each (component, page values[, changed control]) in a fresh isolated
    CPython on the bundle."""
    with tempfile.TemporaryDirectory() as tmp:
        zipfile.ZipFile(io.BytesIO(data)).extractall(tmp)
        done = subprocess.run(
            # -I -S: no site-packages (so not the editable install of this very package), stdlib only
            [sys.executable, "-I", "-S", "-c", CHILD, tmp, ",".join(BLOCKED)],
            input=json.dumps(cases),
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode:
        raise RuntimeError(f"the live bundle failed in a plain CPython:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def page_values(widget) -> dict:
    """What the page's widget models hold for ``widget``'s controls (indices for choices)."""
    out = {}
    for name, control in widget.inputs.items():
        value = getattr(control, "index", control.value)  # a selection's model holds indices
        out[name] = list(value) if isinstance(value, tuple) else value  # JSON has lists, not tuples
    return out


def main(argv: list[str]) -> None:
    report = write()
    print(f"live: {len(report['live'])} live components, bundle {report['bytes'] / 1024:.0f} KB")
    for name, reason in report["not_live"].items():
        print(f"live: not live yet: {name} ({reason})")
    if "--check" in argv:
        found = components()
        cases = [(name, page_values(found[name]())) for name in report["live"]]
        results = run_in_bundle((OUT / "course.zip").read_bytes(), cases)
        for (name, _), result in zip(cases, results):
            kernel = found[name]()
            same = result.get("figure") == kernel.figure_pane.value and result.get("message") == kernel.message.value
            print(f"live: {name}: {'same as the kernel' if same else 'DIFFERS from the kernel'}")


if __name__ == "__main__":
    main(sys.argv[1:])
