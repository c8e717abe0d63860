"""`make lock`: compile both requirement files from pyproject.toml with pip-tools, fully pinned.

- ``requirements.txt``: the package with every extra but ``dev`` (book, lab, test, lint),
  what ``make book`` and ``make test`` install;
- ``binder/requirements.txt``: the package with the ``lab`` extra only, the lean
  environment repo2docker builds for learners.

pip-compile keeps a pin already in the file unless pyproject.toml's range excludes
it, so re-locking changes only what must change (``--upgrade`` to move everything).
Each file ends with ``-e .``: the course's own package, installed from the checkout.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {
    ROOT / "requirements.txt": ["book", "lab", "lint", "test"],
    ROOT / "binder" / "requirements.txt": ["lab"],
}
OWN = "-e ."


def lock(target: Path, extras: list[str], upgrade: bool = False) -> None:
    if target.exists():  # pip-compile reads the current pins; the package itself is added back below
        target.write_text("".join(l for l in target.read_text().splitlines(True) if l.strip() != OWN))
    command = [sys.executable, "-m", "piptools", "compile", "--quiet", "--strip-extras", "--no-emit-index-url"]
    command += ["--no-emit-find-links", "--output-file", str(target.relative_to(ROOT)), "pyproject.toml"]
    command += [f"--extra={e}" for e in extras] + (["--upgrade"] if upgrade else [])
    subprocess.run(command, check=True, cwd=ROOT)
    target.write_text(target.read_text() + f"{OWN}\n")


if __name__ == "__main__":
    for path, extras in TARGETS.items():
        lock(path, extras, upgrade="--upgrade" in sys.argv)
        print(f"lock: {path.relative_to(ROOT)} ({', '.join(extras)})")
