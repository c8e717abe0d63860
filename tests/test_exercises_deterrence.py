"""The Deterrence chapter's exercises: no saved output above an exercise gives its answer away.

A saved output is any cell output (text, HTML) or the saved state of a widget
shown above the exercise's prompt. An answer "appears" if any of its usual
written forms does (e.g. 0.3333, 0.333, 0.33, 33.3%, 33%; a whole number as a
whole word; a choice or a set member as a phrase).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from widgets.check import exercise

NOTEBOOK = Path(__file__).resolve().parents[1] / "chapters" / "deterrence.ipynb"

#: exercise label in the notebook -> self-check id
EXERCISES = {
    "deterrence-ex-distinctions": "deterrence-distinctions",
    "deterrence-ex-threshold": "deterrence-threshold",
    "deterrence-ex-tree": "deterrence-tree-outcome",
    "deterrence-ex-tripwire": "deterrence-tripwire",
    "deterrence-ex-signal": "deterrence-signal",
    "deterrence-ex-chicken": "deterrence-chicken-crash",
    "deterrence-ex-brink": "deterrence-brink-steps",
}


def _forms(value) -> list[str]:
    """Written forms of an expected answer a student could read off an output."""
    if isinstance(value, (list, tuple, set)):  # a set answer leaks when written out whole
        items = sorted(str(v) for v in value)
        if len(items) == 1:
            return _forms(items[0])
        return [", ".join(items), " and ".join(items), repr(items), str(items).replace("'", '"')]
    if isinstance(value, str):
        return [value]
    x = float(value)
    if x == int(x):
        return [str(int(x)), str(int(x)).replace("-", "−")]
    forms = {f"{x:.{d}f}" for d in (2, 3, 4)} | {f"{x:g}", f"{100 * x:.1f}%", f"{100 * x:.0f}%"}
    return sorted(forms | {f.replace("-", "−") for f in forms})


def _output_texts(nb: dict, upto: int) -> list[str]:
    texts = []
    for cell in nb["cells"][:upto]:
        for out in cell.get("outputs", []):
            if "text" in out:
                texts.append("".join(out["text"]))
            for mime, data in out.get("data", {}).items():
                if mime.startswith("text/"):
                    texts.append("".join(data) if isinstance(data, list) else str(data))
    return texts


_TEXT_KEYS = {"value", "description", "text", "text/plain", "text/html", "placeholder", "tooltip",
              "_options_labels"}


def _strings(node, keep=False):
    """Strings under the text-bearing keys of a widget state (not ids, layouts or images)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, keep or key in _TEXT_KEYS)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value, keep)
    elif isinstance(node, str) and keep:
        yield re.sub(r"data:image/[a-z+]+;base64,[A-Za-z0-9+/=]+", "", node)
    elif isinstance(node, (int, float)) and not isinstance(node, bool) and keep:
        yield repr(node)


def _widget_texts(nb: dict) -> list[str]:
    state = nb.get("metadata", {}).get("widgets", {}).get(
        "application/vnd.jupyter.widget-state+json", {}).get("state", {})
    return [s for model in state.values() for s in _strings(model.get("state", {}))]


def _appears(form: str, text: str) -> bool:
    text = re.sub(r"<[^>]+>", " ", text)  # HTML tags are markup, not text a student reads
    # a number must stand alone (so "23" does not match "0.235" or "123"), a word too
    if re.fullmatch(r"[−-]?[\d.]+%?", form):
        return re.search(rf"(?<![\d.]){re.escape(form)}(?![\d])", text) is not None
    return re.search(rf"(?<!\w){re.escape(form.lower())}(?!\w)", text.lower()) is not None


@pytest.fixture(scope="module")
def notebook() -> dict:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))


def _prompt_index(nb: dict, label: str) -> int:
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "markdown" and f":label: {label}" in "".join(cell["source"]):
            return i
    raise AssertionError(f"exercise {label} not found")


@pytest.mark.parametrize("label, check_id", EXERCISES.items())
def test_no_answer_in_saved_outputs_above_the_exercise(notebook, label, check_id):
    i = _prompt_index(notebook, label)
    texts = _output_texts(notebook, i) + _widget_texts(notebook)
    expected = exercise(check_id).expected()
    leaks = [(f, t[:120]) for f in _forms(expected) for t in texts if _appears(f, t)]
    assert not leaks, f"{label}: the answer appears in a saved output above it: {leaks[:3]}"


def test_every_self_checked_exercise_is_covered(notebook):
    sources = "".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    ids = set(re.findall(r'check\("([a-z0-9-]+)"', sources))
    assert ids == set(EXERCISES.values())


def test_the_guard_can_fail():
    # a saved output that prints the Chicken answer must be caught
    fake = {"cells": [{"cell_type": "code", "outputs": [{"output_type": "stream",
                                                         "text": ["P(crash) = 0.082\n"]}]}]}
    expected = exercise("deterrence-chicken-crash").expected()
    assert any(_appears(f, t) for f in _forms(expected) for t in _output_texts(fake, 1))
    assert not _appears("23", "risk 0.235 after 123 steps")
    assert _appears("B, C", "<p>the separating signals are B, C</p>")
    assert not _appears("B", "<b>bold</b>")
