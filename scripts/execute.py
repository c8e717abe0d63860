"""Re-execute chapter notebooks in place, saving outputs and widget state.

Why: the site is built from the committed outputs (no execution at build
time), and nbval checks that those outputs are what a fresh kernel produces.
Run after changing a notebook, a model or a dataset: ``make execute``.
Prints each notebook's wall time (what `make bench` reports too).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_REF = re.compile(r"IPY_MODEL_([0-9a-f]{32})")


def stable_widget_ids(nb: nbformat.NotebookNode, name: str) -> None:
    """Replace the kernel's random widget model ids with ids derived from where each widget is shown.

    A model's new id hashes the notebook's name, the id of the cell that displays it and the
    model's place in a depth-first walk of that display's model tree (children, layouts,
    styles). So re-executing an unchanged notebook rewrites no line, and a review sees only
    real changes. Models that no displayed widget reaches are dropped: nothing can show them.
    """
    widgets = nb.metadata.get("widgets", {}).get(WIDGET_STATE)
    if not widgets:
        return
    state = widgets["state"]
    new: dict[str, str] = {}
    for cell in nb.cells:
        views = [out["data"][WIDGET_VIEW] for out in cell.get("outputs", []) if WIDGET_VIEW in out.get("data", {})]
        for view in views:
            todo = [view["model_id"]]
            while todo:
                model = todo.pop(0)
                if model in new or model not in state:
                    continue
                new[model] = hashlib.sha256(f"{name}:{cell.get('id')}:{len(new)}".encode()).hexdigest()[:32]
                todo.extend(_REF.findall(json.dumps(state[model]["state"], sort_keys=True)))

    def rename(text: str) -> str:
        return _REF.sub(lambda m: "IPY_MODEL_" + new.get(m.group(1), m.group(1)), text)

    widgets["state"] = {new[old]: json.loads(rename(json.dumps(model))) for old, model in state.items() if old in new}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            view = out.get("data", {}).get(WIDGET_VIEW)
            if view and view["model_id"] in new:
                view["model_id"] = new[view["model_id"]]


def _run(path: Path) -> tuple[nbformat.NotebookNode, float]:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        record_timing=False,
        store_widget_state=True,
        # Consecutive prints in one cell arrive in chunks that vary from run to run;
        # merged, a re-execution with no change leaves the notebook byte-identical.
        coalesce_streams=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start
    stable_widget_ids(nb, path.stem)
    return nb, elapsed


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
