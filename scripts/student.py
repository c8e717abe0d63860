"""`make student`: write student copies of the chapters into student/.

A student copy keeps the narrative, the exercises and their self-check cells,
and drops every solution: the cells between a ``{solution-start}`` and its
``{solution-end}``, the text after a ``{solution-start}`` fence in its own cell,
and any ``{solution}`` directive. Outputs and widget state are cleared, so a
learner runs the notebook from the top. student/ is not committed: it is
regenerated from the chapters, and tests/test_student.py checks what it holds.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
START = re.compile(r"^(`{3,}|:{3,})\{solution-start\}.*?^\1[ \t]*$", re.S | re.M)
END = re.compile(r"^(`{3,}|:{3,})\{solution-end\}.*?^\1[ \t]*$", re.S | re.M)
SOLUTION = re.compile(r"^(`{3,}|:{3,})\{solution\}.*?^\1[ \t]*$", re.S | re.M)


def strip_solutions(nb: nbformat.NotebookNode) -> tuple[nbformat.NotebookNode, list[str]]:
    """Return the student copy of ``nb`` and the sources it removed."""
    kept, removed, inside = [], [], False
    for cell in nb.cells:
        source = cell.source
        if inside:
            match = END.search(source) if cell.cell_type == "markdown" else None
            if not match:
                removed.append(source)
                continue
            inside = False
            removed.append(source[: match.end()])
            source = source[match.end() :].strip("\n")
        if cell.cell_type == "markdown":
            match = START.search(source)
            if match:
                inside = True
                removed.append(source[match.start() :])
                source = source[: match.start()].rstrip("\n")
                # the same cell may also hold the end marker
                end = END.search(removed[-1])
                if end:
                    inside = False
                    tail = removed[-1][end.end() :]
                    removed[-1] = removed[-1][: end.end()]
                    source = (source + "\n\n" + tail.strip("\n")).strip("\n")
            for match in list(SOLUTION.finditer(source)):
                removed.append(match.group(0))
            source = SOLUTION.sub("", source).strip("\n")
        if cell.cell_type == "markdown" and not source.strip():
            continue
        cell.source = source
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        kept.append(cell)
    if inside:
        raise ValueError("a {solution-start} has no matching {solution-end}")
    nb.cells = kept
    nb.metadata.pop("widgets", None)
    return nb, removed


def write_student_copies(out: Path = ROOT / "student", chapters: Path = ROOT / "chapters") -> list[Path]:
    out.mkdir(exist_ok=True)
    written = []
    for path in sorted(chapters.glob("*.ipynb")):
        nb, _ = strip_solutions(nbformat.read(path, as_version=4))
        target = out / path.name
        nbformat.write(nb, target)
        written.append(target)
    return written


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "student"
    for target in write_student_copies(out):
        print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
