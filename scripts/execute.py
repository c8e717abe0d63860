"""Re-execute chapter notebooks in place, saving outputs and widget state.

Why: the site is built from the committed outputs (no execution at build
time), and nbval checks that those outputs are what a fresh kernel produces.
Run after changing a notebook, a model or a dataset: ``make execute``.
Prints each notebook's wall time (what `make bench` reports too).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def _run(path: Path) -> tuple[nbformat.NotebookNode, float]:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=120, kernel_name="python3", record_timing=False,
                            store_widget_state=True, resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    return nb, time.perf_counter() - start


def execute(path: Path) -> float:
    """Run ``path`` in a fresh kernel and save it in place; return the seconds taken."""
    nb, elapsed = _run(path)
    nbformat.write(nb, path)
    return elapsed


def execute_copy(path: Path) -> float:
    """Run ``path`` in a fresh kernel without saving (for benchmarks)."""
    return _run(path)[1]


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv] or sorted((ROOT / "chapters").glob("*.ipynb"))
    for path in paths:
        print(f"{path.relative_to(ROOT) if path.is_absolute() else path}: {execute(path.resolve()):.1f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
