"""Exercise self-checks: right or wrong, with a hint, never the answer.

Each chapter's module ``widgets/exercises/<chapter>.py`` exports its exercises in
an ``EXERCISES`` tuple: each with a function that *computes* its expected answer
from the course's data or models (so no answer is typed into a notebook where a
student would read it) and a hint that points at the method. A notebook calls
``check("<chapter>-<name>", answer)``; the id names the chapter, whose module is
imported then, and the result prints one line of feedback. Nothing is registered
by importing anything.
"""

from __future__ import annotations

import math
import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from typing import Any, Callable

KINDS = ("number", "choice", "set")
NOT_ANSWERED = "Not answered yet: replace the `...` with your answer and run the cell again."


@dataclass(frozen=True)
class Exercise:
    """An exercise's expected answer (computed lazily) and how to compare it."""

    id: str
    expected: Callable[[], Any]
    kind: str  # "number", "choice" or "set"
    hint: str
    tolerance: float = 0.0  # absolute, for "number"
    choices: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Feedback:
    """What a student sees after checking an answer."""

    exercise: str
    correct: bool | None  # None: not answered, or an answer of the wrong form
    message: str

    def __repr__(self) -> str:  # plain text: what nbval compares and a terminal shows
        return self.message

    def _repr_html_(self) -> str:
        colour = {True: "#0b6e4f", False: "#a23b00", None: "#4a4a4a"}[self.correct]
        return (
            f'<p class="course-check" role="status" style="color:{colour};font-weight:600">{escape(self.message)}</p>'
        )


#: The chapters whose modules ``widgets/exercises/<chapter>.py`` hold exercises.
CHAPTERS = ("orientation", "alliances", "burden_sharing", "deterrence", "arms_races", "arms_control", "r2p")


def chapter_of(id: str) -> str:
    """The chapter an exercise id belongs to: ids are ``<chapter>-<name>``."""
    chapter = id.split("-", 1)[0]
    if chapter not in CHAPTERS or "-" not in id:
        raise KeyError(
            f"No exercise called {id!r}: an id starts with its chapter "
            f"({', '.join(CHAPTERS)}) and a hyphen; check the name in the cell above."
        )
    return chapter


@lru_cache(maxsize=None)
def chapter_exercises(chapter: str) -> dict[str, Exercise]:
    """The exercises that ``widgets.exercises.<chapter>`` exports in its ``EXERCISES`` tuple.

    Imported only when a notebook checks an answer (so `import widgets` stays fast), and
    checked here: a known kind, an id of this chapter, and no id twice.
    """
    module = importlib.import_module(f"widgets.exercises.{chapter}")
    found: dict[str, Exercise] = {}
    for ex in module.EXERCISES:
        if ex.kind not in KINDS:
            raise ValueError(f"{ex.id}: unknown exercise kind {ex.kind!r} (use one of {', '.join(KINDS)})")
        if not ex.id.startswith(f"{chapter}-"):
            raise ValueError(f"{ex.id}: an exercise of widgets/exercises/{chapter}.py must start with '{chapter}-'")
        if ex.id in found:
            raise ValueError(f"{ex.id}: defined twice in widgets/exercises/{chapter}.py")
        found[ex.id] = ex
    return found


def exercise(id: str) -> Exercise:
    chapter = chapter_of(id)
    try:
        return chapter_exercises(chapter)[id]
    except KeyError:
        raise KeyError(f"No exercise called {id!r}; check the name in the cell above.") from None


def _as_number(answer: Any) -> float | None:
    if isinstance(answer, bool):
        return None
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _normalise(text: Any) -> str:
    return " ".join(str(text).strip().lower().split())


def _allowed(ex: Exercise) -> set[str]:
    """The exercise's choices as answers are compared (empty: any name goes)."""
    return {_normalise(c) for c in ex.choices}


def _options(ex: Exercise) -> str:
    """The choices as a student is shown them when an answer is not among them."""
    return ", ".join(repr(c) for c in ex.choices)


def check(id: str, answer: Any) -> Feedback:
    """Compare ``answer`` with exercise ``id``'s expected answer; never reveal it."""
    ex = exercise(id)
    if answer is Ellipsis or answer is None:
        return Feedback(id, None, NOT_ANSWERED)
    if ex.kind == "number":
        value = _as_number(answer)
        if value is None:
            return Feedback(id, None, f"This exercise wants a number; got {answer!r}. Try again.")
        right = math.isclose(value, float(ex.expected()), rel_tol=0.0, abs_tol=ex.tolerance or 1e-9)
    elif ex.kind == "choice":
        if _normalise(answer) not in _allowed(ex):
            return Feedback(id, None, f"Pick one of {_options(ex)}; got {answer!r}.")
        right = _normalise(answer) == _normalise(ex.expected())
    else:  # set: order does not matter, case does not matter
        if isinstance(answer, (str, bytes)) or not hasattr(answer, "__iter__"):
            return Feedback(id, None, "This exercise wants a list of names, e.g. ['A', 'B'].")
        allowed = _allowed(ex)
        unknown = [a for a in answer if allowed and _normalise(a) not in allowed]
        if unknown:  # a misspelt name is a question of form, not a wrong answer
            return Feedback(id, None, f"{unknown[0]!r} is not one of the names this exercise takes: {_options(ex)}.")
        right = {_normalise(a) for a in answer} == {_normalise(e) for e in ex.expected()}
    if right:
        return Feedback(id, True, "Correct. Well done.")
    return Feedback(id, False, f"Not quite. Hint: {ex.hint}")
