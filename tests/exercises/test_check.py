"""Self-checks: right/wrong with a hint, and never the answer."""

from __future__ import annotations

import pytest

from widgets import check as C


FAKE = (
    C.Exercise("orientation-test-number", lambda: 16, "number", hint="count the founders first"),
    C.Exercise("orientation-test-close", lambda: 0.375, "number", hint="solve for c", tolerance=0.005),
    C.Exercise(
        "orientation-test-choice",
        lambda: "Collective defense",
        "choice",
        hint="who is the enemy?",
        choices=("Collective defense", "Collective security"),
    ),
    C.Exercise("orientation-test-set", lambda: ["China", "Russia"], "set", hint="look at the P5 votes"),
    C.Exercise(
        "orientation-test-named-set",
        lambda: ["China", "Russia"],
        "set",
        hint="look at the P5 votes",
        choices=("China", "France", "Russia", "United Kingdom", "United States"),
    ),
)


@pytest.fixture
def exercises(monkeypatch):
    """The orientation chapter's real exercises plus made-up ones of each kind."""
    from widgets.exercises import orientation

    monkeypatch.setattr(orientation, "EXERCISES", orientation.EXERCISES + FAKE)
    C.chapter_exercises.cache_clear()
    yield FAKE
    C.chapter_exercises.cache_clear()


def test_right_answer(exercises):
    assert C.check("orientation-test-number", 16).correct is True
    assert C.check("orientation-test-number", "16").correct is True  # typed as text still counts
    assert C.check("orientation-test-close", 0.379).correct is True
    assert C.check("orientation-test-choice", "collective  DEFENSE").correct is True
    assert C.check("orientation-test-set", ["russia", "China"]).correct is True


def test_wrong_answer_gives_hint_but_not_the_answer(exercises):
    feedback = C.check("orientation-test-number", 15)
    assert feedback.correct is False
    assert "count the founders first" in feedback.message
    assert "16" not in feedback.message and "16" not in feedback._repr_html_()
    assert C.check("orientation-test-close", 0.39).correct is False
    feedback = C.check("orientation-test-set", ["China"])
    assert feedback.correct is False and "Russia" not in feedback.message


def test_unanswered_and_malformed_answers_are_explained(exercises):
    assert C.check("orientation-test-number", ...).message == C.NOT_ANSWERED
    assert C.check("orientation-test-number", None).correct is None
    assert "wants a number" in C.check("orientation-test-number", "sixteen").message
    assert "wants a number" in C.check("orientation-test-number", True).message
    message = C.check("orientation-test-choice", "alliance").message
    misspelt = C.check("orientation-test-named-set", ["China", "Rusia"])
    assert misspelt.correct is None and "'Rusia' is not one of the names" in misspelt.message
    assert "France" in misspelt.message  # every option is named, so the answer is not singled out
    assert C.check("orientation-test-named-set", ["china", "RUSSIA"]).correct is True
    assert C.check("orientation-test-named-set", ["China", "France"]).correct is False
    assert "Pick one of" in message and "Collective security" in message  # options, not the answer alone
    assert "list of names" in C.check("orientation-test-set", "China").message


def test_unknown_exercise_is_named():
    with pytest.raises(KeyError, match="No exercise called 'nope'"):
        C.check("nope", 1)


def test_orientation_exercise_expects_sixteen_members_in_1990():
    # By hand: 12 founders (1949) + Greece and Turkey (1952) + West Germany (1955)
    # + Spain (1982) = 16; the next accessions were in 1999.
    assert C.check("orientation-members-1990", 16).correct is True
    assert C.check("orientation-members-1990", 19).correct is False


def test_orientation_exercise_expects_nine_joiners_from_2000_to_2009():
    # By hand: the seven states of 29 March 2004 and Albania and Croatia (1 April 2009);
    # 28 members at the end of 2009 against 19 at the end of 1999.
    assert C.check("orientation-joined-2000s", 9).correct is True
    assert C.check("orientation-joined-2000s", 28).correct is False


def test_every_named_set_expects_only_names_it_accepts():
    # a set exercise with choices refuses other names, so its own answer must be among them
    for chapter in C.CHAPTERS:
        for ex in C.chapter_exercises(chapter).values():
            if ex.kind == "set" and ex.choices:
                assert {str(v) for v in ex.expected()} <= set(ex.choices), ex.id


def test_every_exercise_has_a_hint_and_computes():
    for chapter in C.CHAPTERS:
        for ex in C.chapter_exercises(chapter).values():
            assert len(ex.hint) > 15, ex.id
            assert ex.expected() is not None, ex.id


def test_a_duplicate_id_is_refused(monkeypatch):
    from widgets.exercises import orientation

    monkeypatch.setattr(orientation, "EXERCISES", orientation.EXERCISES * 2)
    C.chapter_exercises.cache_clear()
    with pytest.raises(ValueError, match="defined twice"):
        C.exercise("orientation-members-1990")
    C.chapter_exercises.cache_clear()


def test_an_id_must_name_its_chapter(monkeypatch):
    from widgets.exercises import orientation

    stray = C.Exercise("r2p-stray", lambda: 1, "number", hint="a hint long enough to pass")
    monkeypatch.setattr(orientation, "EXERCISES", orientation.EXERCISES + (stray,))
    C.chapter_exercises.cache_clear()
    with pytest.raises(ValueError, match="must start with 'orientation-'"):
        C.exercise("orientation-members-1990")
    C.chapter_exercises.cache_clear()
    with pytest.raises(KeyError, match="starts with its chapter"):
        C.exercise("nochapter")


def test_importing_the_package_registers_nothing():
    import importlib
    import sys

    for name in [m for m in sys.modules if m.startswith("widgets.exercises.")]:
        del sys.modules[name]
    importlib.import_module("widgets.exercises")
    assert not [m for m in sys.modules if m.startswith("widgets.exercises.")]


def test_burden_sharing_doubled_expects_eight_wales_allies():
    # By hand from the June 2024 release (2024e / 2014, members of 2014 only): Czechia 2.10/0.94,
    # Denmark 2.37/1.15, Hungary 2.11/0.86, Latvia 3.15/0.94, Lithuania 2.85/0.88, Luxembourg 1.29/0.37,
    # Poland 4.12/1.88, Slovak Republic 2.00/0.98 are all at least 2. Sweden and North Macedonia
    # doubled too but joined later, so counting all 31 Allies gives 10.
    assert C.check("burden_sharing-doubled-2014", 8).correct is True
    assert C.check("burden_sharing-doubled-2014", 10).correct is False
    assert C.check("burden_sharing-doubled-2014", 16).correct is False  # the old count of crossings


def test_burden_sharing_hague_step_by_hand():
    # Wales: the 14th of the 27 members' 2014 shares is Germany's 1.19, so 2 - 1.19 = 0.81.
    # The Hague: the 16th of the 31 shares in 2024e is Hungary's 2.11, so 3.5 - 2.11 = 1.39.
    # 1.39 / 0.81 = 1.716 -> 1.72. With only the 27 Wales members in 2024e the median is 2.10: 1.40/0.81 = 1.73.
    assert C.check("burden_sharing-hague-step", 1.72).correct is True
    assert C.check("burden_sharing-hague-step", 1.73).correct is False
    assert C.check("burden_sharing-hague-step", 1.39).correct is False


def test_burden_sharing_threshold_with_three_allies_by_hand():
    # Incomes 100, 55, 25 and alpha 0.3: Ally C stops first; when Ally B stops only Ally A pays
    # (it buys 0.3 * 100 = 30), so B's best response 0.3 * 55 - 0.7 * theta * 30 = 0 at
    # theta = 16.5 / 21 = 0.7857 -> 0.79. Treating all three as paying would not give this.
    assert C.check("burden_sharing-threshold-three", 0.79).correct is True
    assert C.check("burden_sharing-threshold-three", 0.50).correct is False  # the old exercise's answer
    assert C.check("burden_sharing-threshold-three", 0.27).correct is False  # Ally C's threshold


def test_both_guidelines_in_2014_are_the_united_kingdom_and_the_united_states():
    # By hand from the two datasets (June 2024 release, 2014): at or above 2% of GDP were Greece
    # (2.22), the United Kingdom (2.14) and the United States (3.71); their equipment shares were
    # 8.17, 22.82 and 25.97, so Greece misses the 20% line.
    assert C.check("burden_sharing-both-guidelines", ["United States", "United Kingdom"]).correct is True
    assert C.check("burden_sharing-both-guidelines", ["Greece", "United Kingdom", "United States"]).correct is False
