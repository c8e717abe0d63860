"""Tests for the extended-deterrence contest model."""

import pytest

from widgets.models.alliance_deterrence import (
    AllianceDeterrenceResult,
    ThresholdStatus,
    defence_from_probability,
    deterrence,
)
from widgets.models import alliance_deterrence
from widgets.models.inputs import InputError


def test_hand_worked_example_deterrence_fails():
    # a = D = A = 1: p0 = 1/2, p1 = 1/3. r = 0.6: win = 0.6/3 + 0.4/2 = 0.2 + 0.2 = 0.4.
    # EU = 0.4 * 100 - 35 = 5 > 0, so not deterred; margin = -5.
    # r* = (100/2 - 35) / (100 * (1/2 - 1/3)) = 15 / (50/3) = 0.9.
    result = deterrence(prize=100, defender=1, ally=1, reliability=0.6, cost=35)
    assert isinstance(result, AllianceDeterrenceResult)
    assert result.win_alone == pytest.approx(0.5)
    assert result.win_with_ally == pytest.approx(1 / 3)
    assert result.win_expected == pytest.approx(0.4)
    assert result.attack_value == pytest.approx(5.0)
    assert result.margin == pytest.approx(-5.0)
    assert result.deterred is False
    assert result.threshold == pytest.approx(0.9)
    assert result.threshold_status == "within"
    assert result.threshold_status is ThresholdStatus.WITHIN  # a StrEnum: equal to its string too


def test_hand_worked_example_with_unequal_strengths():
    # a = 2, D = 2, A = 4: p0 = 2/4 = 0.5, p1 = 2/8 = 0.25. r = 0.5: win = 0.375.
    # EU = 0.375 * 60 - 10 = 12.5. r* = (30 - 10) / (60 * 0.25) = 20/15 = 4/3 > 1.
    result = deterrence(prize=60, defender=2, ally=4, reliability=0.5, cost=10, aggressor=2)
    assert result.attack_value == pytest.approx(12.5)
    assert result.threshold == pytest.approx(4 / 3)
    assert result.threshold_status == "never"
    assert not result.deterred


def test_deterred_when_ally_reliable_enough():
    # Same as the first example but r = 0.95 > r* = 0.9:
    # win = 0.95/3 + 0.05/2 = 0.341667; EU = 34.1667 - 35 = -0.8333.
    result = deterrence(100, 1, 1, 0.95, 35)
    assert result.attack_value == pytest.approx(0.95 / 3 * 100 + 0.05 / 2 * 100 - 35)
    assert result.attack_value < 0
    assert result.deterred
    assert result.margin == pytest.approx(-result.attack_value)


def test_exact_indifference_counts_as_deterred():
    # C = 40, r = 0.6: EU = 0.4 * 100 - 40 = 0 and r* = 10 / (50/3) = 0.6.
    result = deterrence(100, 1, 1, 0.6, 40)
    assert result.attack_value == pytest.approx(0.0, abs=1e-12)
    assert result.threshold == pytest.approx(0.6)
    assert result.deterred


def test_threshold_at_the_ends_of_the_range_is_within():
    # V p0 = C: 100 * 1/2 = 50 -> r* = 0: deterred even at r = 0 (indifferent).
    low = deterrence(100, 1, 1, 0.0, 50)
    assert low.threshold == pytest.approx(0.0, abs=1e-12)
    assert low.threshold_status == "within" and low.deterred
    # D = 0, a = 2, A = 3: p0 = 1, p1 = 2/5; V = 10, C = 4: r* = (10 - 4)/(10 * 0.6) = 1,
    # so only a certain ally deters.
    high = deterrence(10, 0, 3, 1.0, 4, aggressor=2)
    assert high.threshold == pytest.approx(1.0)
    assert high.threshold_status == "within" and high.deterred
    assert not deterrence(10, 0, 3, 0.99, 4, aggressor=2).deterred


def test_reliability_zero_removes_the_alliance_effect():
    # With r = 0, EU = V a/(a+D) - C = 100 * 1/3 - 10 whatever the ally's strength (a=1, D=2).
    values = {deterrence(100, 2, ally, 0.0, 10).attack_value for ally in (0, 1, 5, 1000)}
    for value in values:
        assert value == pytest.approx(100 / 3 - 10)


def test_ally_without_strength_makes_reliability_irrelevant():
    # A = 0: p1 = p0 = 1/(1+3) = 0.25, EU = 25 - 5 = 20 for every r; r* undefined.
    for r in (0.0, 0.3, 1.0):
        result = deterrence(100, 3, 0, r, 5)
        assert result.attack_value == pytest.approx(20.0)
        assert result.threshold is None
        assert result.threshold_status == "no_ally"
    assert "changes nothing" in deterrence(100, 3, 0, 0.5, 5).explanation


def test_large_cost_always_deters():
    # Winning is worth at most V, so C > V deters for every strength and reliability;
    # here C > V*p0 already, so r* < 0 ("always").
    for d in (0, 0.5, 3):
        for ally in (0, 1, 10):
            for r in (0, 0.5, 1):
                result = deterrence(100, d, ally, r, 150)
                assert result.deterred
                if ally > 0:
                    assert result.threshold < 0
                    assert result.threshold_status == "always"


def test_threshold_makes_expected_utility_zero():
    cases = [(100, 1, 1, 35, 1), (50, 0.5, 2, 20, 1.5), (10, 0, 3, 4, 2), (7, 2, 0.1, 2.3, 1)]
    for v, d, ally, c, a in cases:
        r_star = deterrence(v, d, ally, 0.5, c, aggressor=a).threshold
        assert 0 <= r_star <= 1
        at_threshold = deterrence(v, d, ally, r_star, c, aggressor=a)
        assert at_threshold.attack_value == pytest.approx(0.0, abs=1e-9)
        assert at_threshold.deterred
        # just below r* the aggressor attacks
        assert not deterrence(v, d, ally, r_star - 1e-6, c, aggressor=a).deterred


def test_attack_value_falls_with_reliability_and_ally_strength():
    by_r = [deterrence(100, 1, 2, r / 10, 20).attack_value for r in range(11)]
    assert all(b < a for a, b in zip(by_r, by_r[1:]))
    by_ally = [deterrence(100, 1, ally, 0.7, 20).attack_value for ally in range(6)]
    assert all(b < a for a, b in zip(by_ally, by_ally[1:]))


def test_defender_without_strength_loses_for_sure_alone():
    # D = 0: p0 = a/a = 1, so with r = 0 EU = V - C = 100 - 30.
    result = deterrence(100, 0, 1, 0, 30)
    assert result.win_alone == 1.0
    assert result.attack_value == pytest.approx(70.0)


def test_explanation_is_built_from_the_numbers():
    text = deterrence(100, 1, 1, 0.6, 35).explanation
    assert "0.50" in text and "0.33" in text and "0.40" in text
    assert "5.00" in text and "deterrence fails" in text and "0.90" in text
    assert "never" not in deterrence(100, 1, 1, 0.6, 35).threshold_status
    assert "Even an ally certain to fight" in deterrence(60, 2, 4, 0.5, 10, aggressor=2).explanation
    assert "even if the ally is sure to stay out" in deterrence(100, 1, 1, 0.5, 150).explanation


def test_defence_from_probability():
    # P(defender wins) = D/(a+D): p = 0.5 -> D = a; p = 0.8, a = 2 -> D = 2*0.8/0.2 = 8.
    assert defence_from_probability(0.5) == pytest.approx(1.0)
    assert defence_from_probability(0.8, aggressor=2) == pytest.approx(8.0)
    assert defence_from_probability(0.0) == 0.0
    # round trip: the defender then loses alone with probability 1 - p = 0.3
    d = defence_from_probability(0.7, aggressor=3)
    assert deterrence(10, d, 0, 0, 0, aggressor=3).win_alone == pytest.approx(0.3)
    with pytest.raises(InputError, match="below 1"):
        defence_from_probability(1.0)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(prize=0), "prize"),
        (dict(defender=-1), "protected state"),
        (dict(ally=-0.5), "ally's strength"),
        (dict(reliability=1.5), "probability between 0 and 1"),
        (dict(cost=-2), "cost of war"),
        (dict(aggressor=0), "aggressor"),
        (dict(prize="lots"), "must be a number"),
        (dict(cost=float("inf")), "finite"),
    ],
)
def test_bad_inputs_are_explained(kwargs, message):
    args = dict(prize=100, defender=1, ally=1, reliability=0.5, cost=10)
    args.update(kwargs)
    with pytest.raises(InputError, match=message):
        deterrence(**args)


# --- the selection extension (wartime_selection) ---------------------------------------


def test_selection_uniform_reliabilities_halve_the_threshold():
    # Reliabilities spread evenly over [0, 1] (midpoints of 1000 equal bins, mean 0.5). With
    # r* = 0.8 the attacked ones are those below 0.8: 80 % of them, mean 0.4 (= r*/2 by hand),
    # so the wartime record shows 0.4 although allies honour 0.5 on average.
    grid = [(i + 0.5) / 1000 for i in range(1000)]
    s = alliance_deterrence.wartime_selection(grid, 0.8)
    assert s.attacked == pytest.approx(0.8)
    assert s.all_mean == pytest.approx(0.5)
    assert s.observed_mean == pytest.approx(0.4)


def test_selection_hand_example_and_edges():
    # three alliances 0.2, 0.6, 0.9; r* = 0.7: the first two are attacked, observed (0.2+0.6)/2
    s = alliance_deterrence.wartime_selection([0.2, 0.6, 0.9], 0.7)
    assert s.attacked == pytest.approx(2 / 3)
    assert s.observed_mean == pytest.approx(0.4) and s.all_mean == pytest.approx(1.7 / 3)
    # indifference at r = r* counts as deterred, as in deterrence()
    assert alliance_deterrence.wartime_selection([0.7], 0.7).observed_mean is None
    # everyone attacked: no selection, the record shows the true mean
    s = alliance_deterrence.wartime_selection([0.2, 0.6], 1.5)
    assert s.observed_mean == pytest.approx(s.all_mean)


def test_selection_rejects_bad_input():
    with pytest.raises(alliance_deterrence.InputError):
        alliance_deterrence.wartime_selection([], 0.5)
    with pytest.raises(alliance_deterrence.InputError):
        alliance_deterrence.wartime_selection([1.2], 0.5)
