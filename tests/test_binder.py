"""Learners' journey: the Binder environment alone runs every chapter.

repo2docker builds from binder/ and ignores the root requirements, so this test
builds a fresh virtual environment from binder/requirements.txt only (as
repo2docker would, from the repository root), then executes every chapter
notebook with it and imports `widgets`. The environment is kept in
_build/binder-venv, keyed on the requirements' hash, so a second run is quick.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

REQUIREMENTS = ROOT / "binder" / "requirements.txt"
VENV = ROOT / "_build" / "binder-venv"
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))

RUN = """
import json, sys, nbformat
from nbclient import NotebookClient
import widgets, widgets.data, widgets.check
results = {}
for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(__import__('pathlib').Path(path).parent)}}).execute()
    errors = [o.get("ename") for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    results[path] = errors
print(json.dumps({"widgets": widgets.__file__, "results": results}))
"""


def _digest() -> str:
    return hashlib.sha256(REQUIREMENTS.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()[:12]


def size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6


@pytest.fixture(scope="module")
def binder_python():
    stamp = VENV / f".installed-{_digest()}"
    if not stamp.exists():
        shutil.rmtree(VENV, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet",
                        "--disable-pip-version-check", "-r", str(REQUIREMENTS)], check=True, cwd=ROOT)
        seconds = time.perf_counter() - start
        stamp.write_text(json.dumps({"install_seconds": round(seconds, 1), "size_mb": round(size_mb(VENV), 1)}))
    return VENV / "bin" / "python"


def test_binder_requirements_are_lean_and_pinned():
    lines = [l.strip() for l in REQUIREMENTS.read_text().splitlines() if l.strip() and not l.startswith("#")]
    packages = [l for l in lines if l != "-e ."]
    assert all("==" in l for l in packages), "every Binder dependency is pinned"
    names = {l.split("==")[0].lower() for l in packages}
    for tool in ("jupyter-book", "sphinx", "pytest", "nbval", "playwright", "myst-nb"):
        assert tool not in names, f"{tool} belongs to the book toolchain, not Binder"
    for needed in ("ipywidgets", "jupyterlab", "pandas", "matplotlib", "numpy", "scipy", "networkx"):
        assert needed in names


def test_binder_environment_runs_every_chapter(binder_python):
    env_python = str(binder_python)
    out = subprocess.run([env_python, "-c", RUN, *map(str, CHAPTERS)], capture_output=True, text=True,
                         cwd=ROOT / "chapters", timeout=900,
                         env={"PATH": f"{binder_python.parent}:/usr/bin:/bin", "HOME": str(VENV / "home"),
                              "MPLBACKEND": "module://matplotlib_inline.backend_inline"})
    assert out.returncode == 0, out.stderr[-3000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["widgets"].startswith(str(ROOT)), "widgets must come from this repository"
    assert set(report["results"]) == {str(p) for p in CHAPTERS}
    for path, errors in report["results"].items():
        assert errors == [], f"{path}: {errors}"


def test_binder_environment_is_smaller_than_the_full_one(binder_python):
    full = Path(sys.prefix)
    assert size_mb(VENV) < size_mb(full), "the Binder environment should be lighter than the book's"
