"""The weighted ICISS-criteria score, checked against hand-computed values."""

import pytest
from hypothesis import given, strategies as st

from widgets.models.criteria import CRITERIA, SCALE, assess
from widgets.models.inputs import InputError


def full(value):
    return {c: value for c in CRITERIA}


def test_equal_weights_is_the_plain_mean_over_the_scale():
    scores = dict(zip(CRITERIA, [4, 4, 2, 0, 3, 1]))  # sum 14 of 24
    a = assess(scores)
    assert a.score == pytest.approx(14 / 24)
    assert a.below_midpoint == ("last resort", "reasonable prospects")
    assert a.all_met is False


def test_weights_shift_the_score():
    scores = dict(zip(CRITERIA, [4, 0, 0, 0, 0, 0]))
    weights = dict(zip(CRITERIA, [3, 1, 0, 0, 0, 0]))  # (3*4) / (4*4) = 0.75
    a = assess(scores, weights)
    assert a.score == pytest.approx(0.75)
    assert a.contributions["right authority"] == pytest.approx(0.75)
    assert a.contributions["just cause"] == 0


def test_a_high_average_can_hide_a_failed_criterion():
    scores = full(4) | {"last resort": 0}
    a = assess(scores)
    assert a.score > 0.8 and not a.all_met and a.below_midpoint == ("last resort",)


def test_all_at_midpoint_counts_as_met():
    assert assess(full(2)).all_met and assess(full(2)).score == pytest.approx(0.5)


@pytest.mark.parametrize(
    "scores,weights,message",
    [
        (full(5), None, "between 0 and 4"),
        (full(-1), None, "between 0 and 4"),
        (full("high"), None, "must be a number"),
        (full(2), full(0), "at least one weight"),
        (full(2), full(-1), "cannot be negative"),
        ({"just cause": 2}, None, "missing"),
        (full(2) | {"legality": 1}, None, "not one of the six criteria"),
    ],
)
def test_bad_inputs_are_explained(scores, weights, message):
    with pytest.raises(InputError, match=message):
        assess(scores, weights)


@given(
    st.lists(st.floats(0, SCALE), min_size=6, max_size=6),
    st.lists(st.floats(0, 10), min_size=6, max_size=6).filter(lambda w: sum(w) > 1e-6),
)
def test_score_is_between_min_and_max_share_and_contributions_add_up(scores, weights):
    a = assess(dict(zip(CRITERIA, scores)), dict(zip(CRITERIA, weights)))
    assert 0 <= a.score <= 1 + 1e-12
    assert sum(a.contributions.values()) == pytest.approx(a.score)
    assert min(scores) / SCALE - 1e-9 <= a.score <= max(scores) / SCALE + 1e-9


def test_minimum_rule_is_the_weakest_weighted_criterion():
    scores = dict(zip(CRITERIA, [4, 4, 3, 1, 3, 2]))
    a = assess(scores)
    assert a.minimum == pytest.approx(1 / 4) and a.weakest == "last resort"
    assert a.value("minimum") == pytest.approx(0.25) and a.value("weighted mean") == pytest.approx(17 / 24)
    # A criterion with weight 0 is ignored by the minimum, as by the mean.
    weights = full(1) | {"last resort": 0}
    b = assess(scores, weights)
    assert b.minimum == pytest.approx(2 / 4) and b.weakest == "reasonable prospects"


def test_lexicographic_reading_takes_the_heaviest_failing_criterion():
    scores = dict(zip(CRITERIA, [4, 4, 3, 1, 3, 0]))  # last resort and reasonable prospects fail
    weights = full(1) | {"reasonable prospects": 3, "last resort": 2}
    assert assess(scores, weights).first_failing == "reasonable prospects"
    assert assess(full(3)).first_failing == ""
    with pytest.raises(InputError, match="rule must be one of"):
        assess(full(3)).value("median")


@given(st.lists(st.floats(0, SCALE), min_size=6, max_size=6), st.lists(st.floats(0.01, 10), min_size=6, max_size=6))
def test_minimum_never_exceeds_the_weighted_mean(scores, weights):
    a = assess(dict(zip(CRITERIA, scores)), dict(zip(CRITERIA, weights)))
    assert a.minimum <= a.score + 1e-9
    assert a.minimum == pytest.approx(min(scores) / SCALE)


def test_rules_are_a_str_enum_that_compares_with_the_plain_strings():
    from widgets.models.criteria import RULES, Rule

    assert RULES == ("weighted mean", "minimum") and Rule.MINIMUM == "minimum"
    a = assess(full(4) | {"last resort": 1})  # mean 21/24, minimum 1/4
    assert a.value(Rule.MINIMUM) == a.value("minimum") == pytest.approx(0.25)
    assert a.value(Rule.WEIGHTED_MEAN) == pytest.approx(21 / 24)
