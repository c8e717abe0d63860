"""`make execute` writes stable widget ids: re-running an unchanged notebook changes no byte."""

from __future__ import annotations

import copy
import importlib.util
import shutil
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("execute", ROOT / "scripts" / "execute.py")
execute = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(execute)


def _notebook(ids: tuple[str, str, str]) -> nbformat.NotebookNode:
    box, label, orphan = ids
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("w")
    cell.id = "cell-1"
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data", data={execute.WIDGET_VIEW: {"model_id": box, "version_major": 2, "version_minor": 0}}
        )
    ]
    nb.cells = [cell]
    nb.metadata["widgets"] = {
        execute.WIDGET_STATE: {
            "version_major": 2,
            "version_minor": 0,
            "state": {
                box: {"model_name": "VBoxModel", "state": {"children": [f"IPY_MODEL_{label}"]}},
                label: {"model_name": "HTMLModel", "state": {"value": "hello"}},
                orphan: {"model_name": "LayoutModel", "state": {}},
            },
        }
    }
    return nb


def test_ids_depend_on_the_cell_and_order_not_on_the_kernel():
    first = _notebook(("a" * 32, "b" * 32, "c" * 32))
    second = _notebook(("1" * 32, "2" * 32, "3" * 32))
    for nb in (first, second):
        execute.stable_widget_ids(nb, "chapter")
    assert first == second
    state = first.metadata["widgets"][execute.WIDGET_STATE]["state"]
    assert len(state) == 2  # the orphan no displayed widget reaches is dropped
    box = first.cells[0].outputs[0]["data"][execute.WIDGET_VIEW]["model_id"]
    child = state[box]["state"]["children"][0].removeprefix("IPY_MODEL_")
    assert state[child]["state"]["value"] == "hello"  # references follow the rename


def test_a_different_cell_gets_different_ids():
    one, other = _notebook(("a" * 32, "b" * 32, "c" * 32)), _notebook(("a" * 32, "b" * 32, "c" * 32))
    other.cells[0].id = "cell-2"
    for nb in (one, other):
        execute.stable_widget_ids(nb, "chapter")
    assert copy.deepcopy(one) != other


@pytest.mark.slow
def test_re_executing_a_chapter_leaves_it_byte_identical(tmp_path):
    path = tmp_path / "chapters" / "orientation.ipynb"
    shutil.copytree(ROOT / "chapters", path.parent)
    execute.execute(path)
    once = path.read_bytes()
    execute.execute(path)
    assert path.read_bytes() == once
