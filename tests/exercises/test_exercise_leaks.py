"""No self-checked exercise's answer can be read in the saved outputs above it.

For every `check("id", ...)` in every chapter, the expected answer (computed by
`widgets.exercises`) is written in the forms a student could read (see
`tests/helpers.answer_forms`) and searched for in everything shown above the
exercise's prompt: printed text, HTML, and the saved state of the widgets shown
there (their sentences, tables and labels). A choice answer is searched for in
printed outputs only: widgets above an exercise name every option (a menu, a
ranking of all strategies) by design.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import answer_forms, appears, output_texts, read_notebook, self_checks, widget_texts
from widgets.check import exercise

CHAPTERS = sorted((Path(__file__).resolve().parents[2] / "chapters").glob("*.ipynb"))
CASES = [(path, ex_id) for path in CHAPTERS for ex_id in self_checks(read_notebook(path))]


def leaks(nb, ex_id: str, prompt: int) -> list[tuple[str, str]]:
    above = nb.cells[:prompt]
    ex = exercise(ex_id)
    texts = output_texts(above)
    if ex.kind != "choice":  # a widget names every option of a choice by design
        texts += widget_texts(nb, above)
    return [(form, text[:120]) for form in answer_forms(ex.expected()) for text in texts if appears(form, text)]


def test_every_chapter_has_self_checks():
    assert {path.stem for path, _ in CASES} == {path.stem for path in CHAPTERS}


@pytest.mark.parametrize("path, ex_id", CASES, ids=[f"{p.stem}:{e}" for p, e in CASES])
def test_no_answer_in_saved_outputs_above_the_exercise(path, ex_id):
    nb = read_notebook(path)
    found = leaks(nb, ex_id, self_checks(nb)[ex_id])
    assert not found, f"{path.name}, {ex_id}: the answer can be read above the exercise: {found[:3]}"


def test_the_guard_can_fail():
    # A chapter that printed the orientation answer above its exercise must be caught.
    nb = read_notebook(CHAPTERS[[p.stem for p in CHAPTERS].index("orientation")])
    prompt = self_checks(nb)["orientation-members-1990"]
    answer = exercise("orientation-members-1990").expected()
    nb.cells[0] = {
        "cell_type": "code",
        "source": "",
        "metadata": {},
        "outputs": [{"output_type": "stream", "name": "stdout", "text": f"members at the end of 1990: {answer}\n"}],
    }
    assert leaks(nb, "orientation-members-1990", prompt)
    assert not appears("23", "risk 0.235 after 123 steps")
    assert appears("B, C", "<p>the separating signals are B, C</p>")
    assert not appears("B", "<b>bold</b>")


def test_a_pictures_scale_is_not_a_leak_but_its_other_text_is():
    """Numeric tick labels mark an axis (as a PNG's pixels did); any other text in a picture is read."""
    from widgets.svg import Canvas

    canvas = Canvas(300, 200)
    ax = canvas.axes(xlim=(-5, 5), ylim=(0, 1))
    plain = canvas.svg("a chart")
    assert "−4" in plain and not appears("−4", plain)  # the tick "−4" sits in the scale group
    ax.text(1, 0.5, "threshold −4")
    assert appears("−4", canvas.svg("a chart"))
    assert appears("−4", Canvas(300, 200).svg("alt text says −4"))
