"""Student copies: no solution survives, and every exercise still checks itself."""

from __future__ import annotations

import re
import sys

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from student import strip_solutions, write_student_copies  # noqa: E402

CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
CHECK = re.compile(r"check\(\s*['\"]([\w-]+)['\"]")


@pytest.fixture(scope="module")
def copies(tmp_path_factory):
    out = tmp_path_factory.mktemp("student")
    return {p.name: p for p in write_student_copies(out)}


def _lines(text: str) -> set[str]:
    """Distinctive lines of a removed solution (skip fences, blanks and shared boilerplate)."""
    return {
        line.strip()
        for line in text.splitlines()
        if len(line.strip()) > 12 and not line.strip().startswith(("```", ":::", ":class:")) and not CHECK.search(line)
    }


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.name)
def test_no_solution_text_survives(chapter, copies):
    original = nbformat.read(chapter, as_version=4)
    _, removed = strip_solutions(nbformat.read(chapter, as_version=4))
    assert removed, f"{chapter.name}: no solutions found to remove"
    student = copies[chapter.name].read_text()
    assert "solution-start" not in student and "solution-end" not in student
    assert "{solution}" not in student
    kept_sources = "\n".join(c.source for c in nbformat.read(copies[chapter.name], as_version=4).cells)
    for line in set().union(*map(_lines, removed)):
        assert line not in kept_sources, f"{chapter.name}: solution line survives: {line!r}"
    # Nothing but solutions was removed: every non-solution heading is still there.
    headings = [
        l for c in original.cells if c.cell_type == "markdown" for l in c.source.splitlines() if l.startswith("## ")
    ]
    for heading in headings:
        assert heading in kept_sources, f"{chapter.name}: lost '{heading}'"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.name)
def test_every_exercise_keeps_a_working_self_check(chapter, copies):
    original_ids = set(CHECK.findall("\n".join(c.source for c in nbformat.read(chapter, as_version=4).cells)))
    nb = nbformat.read(copies[chapter.name], as_version=4)
    ids = set(CHECK.findall("\n".join(c.source for c in nb.cells)))
    assert ids == original_ids, f"{chapter.name}: self-checks lost: {original_ids - ids}"
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "chapters")}}
    ).execute()
    feedback = {}
    for cell in nb.cells:
        if cell.cell_type == "code" and CHECK.search(cell.source):
            text = "".join(o.get("data", {}).get("text/plain", "") + o.get("text", "") for o in cell.outputs)
            feedback[CHECK.search(cell.source).group(1)] = text
            assert not any(o.output_type == "error" for o in cell.outputs), cell.source
    assert set(feedback) == ids
    for exercise, text in feedback.items():
        assert "Not answered yet" in text, f"{chapter.name}: {exercise} self-check printed {text!r}"


def test_unbalanced_markers_are_refused():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("```{solution-start} x\n```")])
    with pytest.raises(ValueError, match="no matching"):
        strip_solutions(nb)
