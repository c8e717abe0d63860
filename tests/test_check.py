"""Self-checks: right/wrong with a hint, and never the answer."""

from __future__ import annotations

import pytest

from widgets import check as C


@pytest.fixture
def exercises():
    made = [
        C.register(C.Exercise("test-number", lambda: 16, "number", hint="count the founders first")),
        C.register(C.Exercise("test-close", lambda: 0.375, "number", hint="solve for c", tolerance=0.005)),
        C.register(C.Exercise("test-choice", lambda: "Collective defense", "choice", hint="who is the enemy?",
                              choices=("Collective defense", "Collective security"))),
        C.register(C.Exercise("test-set", lambda: ["China", "Russia"], "set", hint="look at the P5 votes")),
    ]
    yield made
    for ex in made:
        C._REGISTRY.pop(ex.id)


def test_right_answer(exercises):
    assert C.check("test-number", 16).correct is True
    assert C.check("test-number", "16").correct is True  # typed as text still counts
    assert C.check("test-close", 0.379).correct is True
    assert C.check("test-choice", "collective  DEFENSE").correct is True
    assert C.check("test-set", ["russia", "China"]).correct is True


def test_wrong_answer_gives_hint_but_not_the_answer(exercises):
    feedback = C.check("test-number", 15)
    assert feedback.correct is False
    assert "count the founders first" in feedback.message
    assert "16" not in feedback.message and "16" not in feedback._repr_html_()
    assert C.check("test-close", 0.39).correct is False
    feedback = C.check("test-set", ["China"])
    assert feedback.correct is False and "Russia" not in feedback.message


def test_unanswered_and_malformed_answers_are_explained(exercises):
    assert C.check("test-number", ...).message == C.NOT_ANSWERED
    assert C.check("test-number", None).correct is None
    assert "wants a number" in C.check("test-number", "sixteen").message
    assert "wants a number" in C.check("test-number", True).message
    message = C.check("test-choice", "alliance").message
    assert "Pick one of" in message and "Collective security" in message  # options, not the answer alone
    assert "list of names" in C.check("test-set", "China").message


def test_unknown_exercise_is_named():
    with pytest.raises(KeyError, match="No exercise called 'nope'"):
        C.check("nope", 1)


def test_orientation_exercise_expects_sixteen_members_in_1990():
    # By hand: 12 founders (1949) + Greece and Turkey (1952) + West Germany (1955)
    # + Spain (1982) = 16; the next accessions were in 1999.
    assert C.check("orientation-members-1990", 16).correct is True
    assert C.check("orientation-members-1990", 19).correct is False


def test_every_registered_exercise_has_a_hint_and_computes():
    C._load_chapter_exercises()
    for ex in C._REGISTRY.values():
        assert len(ex.hint) > 15, ex.id
        assert ex.expected() is not None, ex.id
