"""Learners' journey: the Binder environment alone runs every learner copy.

repo2docker builds from binder/ and ignores the root requirements. This test
asks repo2docker itself (pinned in requirements.txt) for its plan, with
`repo2docker --no-build --debug` on a clean clone, and reads the Python version
and the install order from the Dockerfile it prints. It then builds a fresh
virtual environment with exactly that Python (failing, never substituting, if
this machine lacks it) from binder/requirements.txt only, runs binder/postBuild
in it as repo2docker would, and executes every learner copy postBuild wrote.
The environment is kept in _build/binder-venv, keyed on binder/'s hash, so a
second run is quick.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import venvs  # noqa: E402

REQUIREMENTS = ROOT / "binder" / "requirements.txt"
POST_BUILD = ROOT / "binder" / "postBuild"
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
    data = b"".join(p.read_bytes() for p in sorted((ROOT / "binder").iterdir()) if p.is_file())
    return hashlib.sha256(data + (ROOT / "pyproject.toml").read_bytes()).hexdigest()[:12]


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> dict:
    """repo2docker's own plan for a clean clone: its log and its Dockerfile."""
    clone = tmp_path_factory.mktemp("r2d") / "course"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    repo2docker = Path(sys.executable).parent / "repo2docker"
    out = subprocess.run(
        [str(repo2docker), "--no-build", "--debug", str(clone)], capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-3000:]
    text = out.stdout + out.stderr
    version = re.search(r"Building conda environment for python=(\d+\.\d+)", text)
    assert version, "repo2docker's plan names no Python version:\n" + text[-2000:]
    return {
        "text": text,
        "python": version.group(1),
        "lines": [l.strip() for l in text.splitlines() if l.strip().startswith(("COPY", "RUN", "FROM"))],
    }


def find_python(version: str) -> str:
    """The python executable of exactly ``version`` (major.minor) on this machine."""
    candidates = [
        shutil.which(f"python{version}"),
        *sorted(str(p) for p in Path.home().glob(f".pyenv/versions/{version}.*/bin/python{version}")),
    ]
    for candidate in filter(None, candidates):
        found = subprocess.run(
            [candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"], capture_output=True, text=True
        )
        if found.stdout.strip() == version:
            return candidate
    pytest.fail(
        f"repo2docker plans Python {version} for Binder, but this machine has no python{version}; "
        f"install it (e.g. pyenv install {version}) rather than testing with another version"
    )


def lean_env(python: Path) -> dict:
    return {
        "PATH": f"{python.parent}:/usr/bin:/bin",
        "HOME": str(VENV / "home"),
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    }


@pytest.fixture(scope="module")
def binder_python(plan):
    stamp = VENV / f".installed-{plan['python']}-{_digest()}"
    if not stamp.exists():
        shutil.rmtree(VENV, ignore_errors=True)
        seconds = venvs.build(find_python(plan["python"]), REQUIREMENTS, VENV)
        stamp.write_text(json.dumps({"install_seconds": round(seconds, 1), "size_mb": round(venvs.size_mb(VENV), 1)}))
    python = VENV / "bin" / "python"
    # Binder's build step, as repo2docker runs it: from the repository root, lean env first on PATH.
    shutil.rmtree(ROOT / "student", ignore_errors=True)
    subprocess.run([str(POST_BUILD)], check=True, cwd=ROOT, env=lean_env(python), timeout=300)
    return python


def test_repo2docker_plans_a_python_that_installs_the_requirements(plan, binder_python):
    version = subprocess.run(
        [str(binder_python), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"], capture_output=True, text=True
    ).stdout.strip()
    assert version == plan["python"], f"lean env is Python {version}, repo2docker plans {plan['python']}"
    lines = plan["lines"]
    copy_repo = next(i for i, l in enumerate(lines) if re.match(r"COPY .*\bsrc/ \$\{REPO_DIR\}/?$", l))
    install = next(i for i, l in enumerate(lines) if "pip install" in l and "binder/requirements.txt" in l)
    assert install > copy_repo, "binder/requirements.txt (with `-e .`) must be installed after the repository is copied"
    post_build = next(i for i, l in enumerate(lines) if "postBuild" in l and l.startswith("RUN"))
    assert post_build > install, "postBuild runs after the requirements are installed"


def test_post_build_writes_every_learner_copy_and_the_lab_settings(binder_python):
    for chapter in CHAPTERS:
        copy = ROOT / "student" / chapter.name
        assert copy.exists(), f"binder/postBuild wrote no learner copy of {chapter.name}"
        text = copy.read_text()
        assert "solution-start" not in text and "{solution}" not in text
    settings = VENV / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert json.loads(settings.read_text())["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


def test_binder_requirements_are_lean_and_pinned():
    lines = [l.strip() for l in REQUIREMENTS.read_text().splitlines() if l.strip() and not l.strip().startswith("#")]
    packages = [l for l in lines if l != "-e ."]
    assert all("==" in l for l in packages), "every Binder dependency is pinned"
    names = {l.split("==")[0].lower() for l in packages}
    for tool in ("jupyter-book", "sphinx", "pytest", "nbval", "playwright", "myst-nb", "scipy", "networkx"):
        assert tool not in names, f"{tool} belongs to the book toolchain, not Binder"
    for needed in ("ipywidgets", "jupyterlab", "jupyterlab-myst", "pandas", "matplotlib", "numpy"):
        assert needed in names


def test_binder_environment_runs_every_learner_copy(binder_python):
    env_python = str(binder_python)
    copies = [ROOT / "student" / p.name for p in CHAPTERS]
    out = subprocess.run(
        [env_python, "-c", RUN, *map(str, copies)],
        capture_output=True,
        text=True,
        cwd=ROOT / "student",
        timeout=900,
        env=lean_env(binder_python),
    )
    assert out.returncode == 0, out.stderr[-3000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["widgets"].startswith(str(ROOT)), "widgets must come from this repository"
    assert set(report["results"]) == {str(p) for p in copies}
    for path, errors in report["results"].items():
        assert errors == [], f"{path}: {errors}"


def test_binder_environment_is_smaller_than_the_full_one(binder_python):
    full = Path(sys.prefix)
    assert venvs.size_mb(VENV) < venvs.size_mb(full), "the Binder environment should be lighter than the book's"
