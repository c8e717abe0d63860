"""Build a virtual environment from one requirements file, and measure it.

Shared by `make bench` (how long the full and Binder environments take to
install, and how big they are) and `tests/test_binder.py` (the lean Binder
environment, built with the Python that repo2docker plans).
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(python: str | Path, requirements: Path, target: Path) -> float:
    """Create ``target`` with ``python`` and install ``requirements`` into it; return the seconds taken."""
    start = time.perf_counter()
    subprocess.run([str(python), "-m", "venv", str(target)], check=True)
    subprocess.run(
        [str(target / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        + ["-r", str(requirements)],
        check=True,
        cwd=ROOT,
    )
    return time.perf_counter() - start


def size_mb(path: Path) -> float:
    """Size on disk of the files under ``path`` (symbolic links not followed), in MB."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6
