"""Notebook hygiene: what nbval cannot see.

Each chapter must be committed executed in order from a fresh kernel, free of
errors and absolute paths, with its widget state saved (so the site can show
the widgets) and every figure captioned; and it must follow the chapter template.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "chapters").glob("*.ipynb"))
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
ABSOLUTE = re.compile(r"(/work/|/tmp/|/root/|/home/|[A-Z]:\\\\Users)")


def load(path):
    return nbformat.read(path, as_version=4)


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def test_there_are_notebooks():
    assert NOTEBOOKS, "no chapter notebooks found"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_python3_kernel(path):
    assert load(path).metadata.kernelspec.name == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_executed_in_order_from_one(path):
    counts = [c.execution_count for c in code_cells(load(path))]
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: run `make execute` (counts {counts})"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_error_outputs(path):
    for i, cell in enumerate(code_cells(load(path))):
        for out in cell.outputs:
            assert out.output_type != "error", f"{path.name} code cell {i}: {out.get('ename')}"
            if out.output_type == "stream":
                assert out.name != "stderr", f"{path.name} code cell {i} wrote to stderr: {out.text[:200]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_widget_state_saved_for_every_widget_shown(path):
    nb = load(path)
    shown = [
        o.data[WIDGET_MIME]["model_id"]
        for c in code_cells(nb)
        for o in c.outputs
        if o.output_type in ("display_data", "execute_result") and WIDGET_MIME in o.get("data", {})
    ]
    if not shown:
        return
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    missing = [m for m in shown if m not in state]
    assert not missing, f"{path.name}: widget state not saved for {missing}; run `make execute`"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_absolute_paths(path):
    text = path.read_text()
    # widget state and images are base64; look only at sources and text outputs
    nb = load(path)
    for cell in nb.cells:
        assert not ABSOLUTE.search(cell.source), f"{path.name}: absolute path in a cell's source"
        for out in cell.get("outputs", []):
            blob = json.dumps({k: v for k, v in out.get("data", {}).items() if k.startswith("text/")}) + out.get(
                "text", ""
            )
            assert not ABSOLUTE.search(blob), f"{path.name}: absolute path in an output"
    assert text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_figure_is_captioned_with_alt_text(path):
    for i, cell in enumerate(code_cells(load(path))):
        images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        if not images:
            continue
        meta = cell.metadata.get("mystnb", {})
        assert meta.get("figure", {}).get("caption"), f"{path.name} code cell {i}: figure without a caption"
        assert meta.get("image", {}).get("alt"), f"{path.name} code cell {i}: figure without alt text"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_captioned_cell_saved_its_image(path):
    """A caption with no image is a figure the page silently loses (a figure shown
    only as its text, ``<Figure size ...>``)."""
    for i, cell in enumerate(code_cells(load(path))):
        if cell.metadata.get("mystnb", {}).get("figure"):
            kinds = {k for o in cell.outputs for k in o.get("data", {})}
            assert "image/png" in kinds, f"{path.name} code cell {i}: captioned, but saved no image ({sorted(kinds)})"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_ignore_output_only_on_widget_or_figure_cells(path):
    for i, cell in enumerate(code_cells(load(path))):
        if "nbval-ignore-output" in cell.metadata.get("tags", []):
            kinds = {k for o in cell.outputs for k in o.get("data", {})}
            assert kinds & {WIDGET_MIME, "image/png"}, (
                f"{path.name} code cell {i}: nbval-ignore-output on a cell whose printed result matters"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_follows_the_chapter_template(path):
    nb = load(path)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert markdown.lstrip().startswith("# "), "a chapter starts with its title"
    for heading in ("Learning objectives", "## Key terms", "## Further reading", "## Summary"):
        assert heading in markdown, f"{path.name}: missing '{heading}'"
    assert "{exercise}" in markdown and "{solution-start}" in markdown
    assert markdown.count("{solution-start}") == markdown.count("{solution-end}")
    code = "\n".join(c.source for c in code_cells(nb))
    assert "check(" in code, f"{path.name}: no self-checked exercise"


def test_every_chapter_is_in_the_toc():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = {ch["file"] for part in toc["parts"] for ch in part["chapters"]}
    for path in NOTEBOOKS:
        assert f"chapters/{path.stem}" in files, f"{path.name} is not in _toc.yml"
