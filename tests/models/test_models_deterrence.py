"""Tests for widgets.models.deterrence, against cases solved by hand in comments."""

import math
import warnings

import nashpy
import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from widgets.models.deterrence import (
    GameOutcome,
    ScreeningCase,
    SignalKind,
    ThresholdCase,
    brinkmanship,
    chicken,
    costly_signal,
    deterrence_calculus,
    deterrence_curve,
    deterrence_tree,
    screening,
    solve_deterrence_game,
)
from widgets.models.games import DecisionNode, IndifferenceError, solve_2x2
from widgets.models.inputs import InputError

# ============================================================ 1. deterrence calculus


def test_hand_case_deterred():
    # p=0.5, gain=10, cost=2, punishment=8, credibility=0.5:
    # EU(attack) = 0.5*10 - 2 - 0.5*8 = 5 - 2 - 4 = -1; status quo 0; margin 0 - (-1) = 1.
    # c* = (5 - 2 - 0) / 8 = 3/8 = 0.375.
    r = deterrence_calculus(0.5, 10, 2, 8, credibility=0.5)
    assert r.eu_attack == pytest.approx(-1.0)
    assert r.eu_status_quo == 0.0
    assert r.margin == pytest.approx(1.0)
    assert r.deterred is True and r.tie is False
    assert r.threshold == pytest.approx(0.375) and r.threshold_case == "interior"
    assert "c* = 0.375" in r.explanation


def test_hand_case_not_deterred():
    # Same, credibility 0.25: EU(attack) = 5 - 2 - 0.25*8 = 1 > 0; margin -1.
    r = deterrence_calculus(0.5, 10, 2, 8, credibility=0.25)
    assert r.eu_attack == pytest.approx(1.0) and r.margin == pytest.approx(-1.0)
    assert r.deterred is False
    assert "Deterrence fails" in r.explanation


def test_exactly_at_threshold_is_a_flagged_tie():
    # credibility 0.375: EU(attack) = 5 - 2 - 3 = 0 = status quo.
    r = deterrence_calculus(0.5, 10, 2, 8, credibility=0.375)
    assert r.tie is True and r.deterred is None
    assert "exactly indifferent" in r.explanation


def test_status_quo_parameter_moves_threshold():
    # status quo 1: c* = (5 - 2 - 1) / 8 = 0.25. At credibility 0.3:
    # EU(attack) = 3 - 2.4 = 0.6 < 1, margin 0.4.
    r = deterrence_calculus(0.5, 10, 2, 8, credibility=0.3, status_quo=1)
    assert r.threshold == pytest.approx(0.25)
    assert r.margin == pytest.approx(0.4) and r.deterred is True


def test_credibility_limits():
    # credibility 0: EU = 5 - 2 = 3 (unpunished). credibility 1: EU = 3 - 8 = -5.
    assert deterrence_calculus(0.5, 10, 2, 8, 0).eu_attack == pytest.approx(3.0)
    assert deterrence_calculus(0.5, 10, 2, 8, 1).eu_attack == pytest.approx(-5.0)


def test_deterred_even_with_no_credibility():
    # p=0.2, gain=10, cost=3: unpunished EU = 2 - 3 = -1 < 0. c* = -1/5 -> clipped to 0.
    r = deterrence_calculus(0.2, 10, 3, 5, credibility=0)
    assert r.deterred is True and r.eu_attack == pytest.approx(-1.0)
    assert r.threshold == 0.0 and r.threshold_raw == pytest.approx(-0.2)
    assert r.threshold_case == "always deterred"
    assert "even with no credibility" in r.explanation


def test_no_credibility_suffices():
    # p=0.9, gain=20, cost=1, punishment=5: unpunished 18 - 1 = 17; c* = 17/5 = 3.4 -> 1.
    # At credibility 1: EU = 17 - 5 = 12 > 0: still attacks.
    r = deterrence_calculus(0.9, 20, 1, 5, credibility=1)
    assert r.deterred is False and r.eu_attack == pytest.approx(12.0)
    assert r.threshold == 1.0 and r.threshold_raw == pytest.approx(3.4)
    assert r.threshold_case == "never deterred"
    assert "No credibility suffices" in r.explanation


def test_zero_punishment_has_no_threshold():
    # punishment 0: EU = 0.5*10 - 2 = 3 at any credibility; c* = 3/0 is undefined.
    r = deterrence_calculus(0.5, 10, 2, 0, credibility=0.9)
    assert r.threshold is None and r.threshold_raw is None and r.threshold_case == "undefined"
    assert r.deterred is False and r.eu_attack == pytest.approx(3.0)
    assert "no credibility threshold" in r.explanation


numbers = st.floats(0, 100, allow_nan=False)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.floats(0, 1), numbers, numbers, st.floats(0.01, 100), st.floats(0, 1), st.floats(0, 1))
def test_margin_changes_sign_exactly_at_threshold(p, gain, cost, punishment, t, c):
    # Choose the status quo so that the threshold is t by construction:
    # c* = (p*gain - cost - sq) / punishment = t  <=>  sq = p*gain - cost - t*punishment.
    assume(abs(c - t) > 1e-3)
    sq = p * gain - cost - t * punishment
    r = deterrence_calculus(p, gain, cost, punishment, c, status_quo=sq)
    assert r.threshold == pytest.approx(t, abs=1e-9)
    assert r.deterred is (c > t)
    assert (r.margin > 0) is (c > t)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.floats(0, 1), numbers, numbers, numbers, st.floats(-50, 50))
def test_threshold_cases_agree_with_decisions_at_the_ends(p, gain, cost, punishment, sq):
    r0 = deterrence_calculus(p, gain, cost, punishment, 0, status_quo=sq)
    r1 = deterrence_calculus(p, gain, cost, punishment, 1, status_quo=sq)
    if r0.threshold_case == "always deterred" and not r0.tie:
        assert r0.deterred and r1.deterred  # deterred even at zero credibility
    if r0.threshold_case == "never deterred" and not r1.tie:
        assert r0.deterred is False and r1.deterred is False
    # Raising credibility from 0 to 1 lowers EU(attack) by exactly the punishment.
    assert r0.eu_attack - r1.eu_attack == pytest.approx(punishment, abs=1e-9 * (1 + punishment))


def test_curve_default_grid_and_values():
    # EU(attack) = 3 - 8c: 3 at c=0, -1 at c=0.5, -5 at c=1; margin = -EU with sq 0.
    curve = deterrence_curve(0.5, 10, 2, 8)
    assert len(curve.credibility) == len(curve.eu_attack) == len(curve.margin) == 101
    assert curve.credibility[0] == 0.0 and curve.credibility[-1] == 1.0
    assert [curve.eu_attack[i] for i in (0, 50, 100)] == pytest.approx([3.0, -1.0, -5.0])
    assert [curve.margin[i] for i in (0, 50, 100)] == pytest.approx([-3.0, 1.0, 5.0])
    with pytest.raises(TypeError):
        curve.eu_attack[0] = 99.0  # read-only, so a widget cannot corrupt it


def test_curve_matches_scalar_function():
    cs = [0.0, 0.1, 0.375, 0.8, 1.0]
    curve = deterrence_curve(0.7, 12, 1.5, 6, status_quo=-2, credibility=cs)
    for c, eu, m in zip(cs, curve.eu_attack, curve.margin):
        r = deterrence_calculus(0.7, 12, 1.5, 6, c, status_quo=-2)
        assert eu == pytest.approx(r.eu_attack) and m == pytest.approx(r.margin)


@pytest.mark.parametrize(
    "bad, message",
    [
        ([0.2, 1.2], "credibility must be probabilities between 0 and 1; got 1.2"),
        ([0.2, float("nan")], "credibility must be finite"),
        (["low"], "credibility must be numbers between 0 and 1"),
        ([[0.1, 0.2]], "flat list"),
        ([True, False], "not True/False"),
    ],
)
def test_curve_rejects_bad_credibility(bad, message):
    with pytest.raises(InputError, match=message):
        deterrence_curve(0.5, 10, 2, 8, credibility=bad)


# ------------------------------------------------------------ numpy as the oracle of the curve
# The model is written with the standard library (it runs in the browser); the
# numpy code it replaced is kept here and must give the same numbers.


def _numpy_probability_array(name, values):
    """The model's former numpy check of a credibility list (the oracle)."""
    if np.asarray(values).dtype == bool:
        raise InputError(f"{name} must be numbers between 0 and 1, not True/False.")
    try:
        arr = np.atleast_1d(np.array(values, dtype=float))
    except (TypeError, ValueError):
        raise InputError(f"{name} must be numbers between 0 and 1; got {values!r}.") from None
    if arr.ndim != 1 or arr.size == 0:
        raise InputError(f"{name} must be a non-empty flat list of numbers; got {values!r}.")
    if not np.all(np.isfinite(arr)):
        raise InputError(f"{name} must be finite numbers; got {values!r}.")
    outside = arr[(arr < 0) | (arr > 1)]
    if outside.size:
        raise InputError(f"{name} must be probabilities between 0 and 1; got {outside[0]:g}.")
    return arr


def _numpy_curve(p, gain, cost, punishment, sq=0.0, credibility=None):
    grid = np.linspace(0.0, 1.0, 101) if credibility is None else _numpy_probability_array("credibility", credibility)
    eu = p * gain - cost - grid * punishment
    return grid, eu, sq - eu


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    st.floats(0, 1),
    st.floats(0, 50),
    st.floats(0, 50),
    st.floats(0, 50),
    st.floats(-20, 20),
    st.none() | st.lists(st.floats(0, 1), min_size=1, max_size=20),
)
def test_curve_matches_the_numpy_oracle_exactly(p, gain, cost, punishment, sq, credibility):
    curve = deterrence_curve(p, gain, cost, punishment, status_quo=sq, credibility=credibility)
    grid, eu, margin = _numpy_curve(p, gain, cost, punishment, sq, credibility)
    assert curve.credibility == tuple(grid.tolist())
    assert curve.eu_attack == tuple(eu.tolist())
    assert curve.margin == tuple(margin.tolist())


@pytest.mark.parametrize(
    "values",
    [
        0.3,
        "0.3",
        [0.2, "0.5", 1],
        (0.0, 1.0),
        np.array([0.1, 0.9]),
        [True, 0.5],  # numpy reads a mixed list as numbers
        [True, False],
        [],
        [[0.1, 0.2]],
        [[0.1], [0.2]],
        ["low"],
        [0.2, None],  # both refuse; numpy read None as nan ("must be finite"), the model says "numbers"
        [0.2, float("nan")],
        [0.2, float("inf")],
        [0.2, 1.2],
        [-0.1, 0.5],
        [0.5, 1 + 1e-12],
    ],
)
def test_credibility_list_is_checked_as_the_numpy_oracle_did(values):
    try:
        expected = _numpy_probability_array("credibility", values).tolist()
    except InputError as exc:
        with pytest.raises(InputError) as got:
            deterrence_curve(0.5, 10, 2, 8, credibility=values)
        if None not in values:
            assert str(got.value) == str(exc)
    else:
        assert deterrence_curve(0.5, 10, 2, 8, credibility=values).credibility == tuple(expected)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(p_success=1.4), "p_success must be a probability between 0 and 1; got 1.4"),
        (dict(p_success=-0.1), "p_success must be a probability between 0 and 1; got -0.1"),
        (dict(credibility=2), "credibility must be a probability between 0 and 1; got 2"),
        (dict(credibility="high"), "credibility must be a number; got 'high'"),
        (dict(cost=-1), "cost cannot be negative"),
        (dict(gain=float("nan")), "gain must be a finite number"),
        (dict(punishment=None), "punishment must be a number; got None"),
        (dict(status_quo="zero"), "status_quo must be a number"),
    ],
)
def test_calculus_input_errors(kwargs, message):
    args = dict(p_success=0.5, gain=10, cost=2, punishment=8, credibility=0.5)
    args.update(kwargs)
    with pytest.raises(InputError, match=message):
        deterrence_calculus(**args)


def test_numeric_strings_are_accepted():
    assert deterrence_calculus("0.5", "10", "2", "8", "0.5").eu_attack == pytest.approx(-1.0)


# ============================================================ 2. deterrence game tree


def test_game_tree_shape():
    root = deterrence_tree()
    assert isinstance(root, DecisionNode) and root.name == "Challenger's move"
    assert [a for a, _ in root.moves] == ["Status quo", "Challenge"]


def test_default_game_deterrence_holds():
    # Payoffs (challenger, defender): SQ (0,0), concede (1,-1), back down (-1,1), war (-2,-2).
    # Escalation: back down -1 > fight -2. Defender: resist -> back down gives 1 > concede -1.
    # Challenger: challenge -> back down gives -1 < status quo 0: keeps the status quo.
    r = solve_deterrence_game()
    assert r.path == ("Status quo",) and r.outcome == "Status quo"
    assert r.payoffs == (0.0, 0.0)
    assert r.choices == {
        "Challenger's move": "Status quo",
        "Defender's response": "Resist",
        "Challenger's escalation": "Back down",
    }
    assert r.deterred and r.defender_resists and not r.challenger_fights
    assert "Deterrence holds" in r.explanation


def test_incredible_threat_defender_concedes():
    # war (0.5, -3): challenger would fight (0.5 > -1), so resisting gives the defender -3,
    # worse than conceding (-1): concede. Challenger: concession 1 > status quo 0.
    r = solve_deterrence_game(war=(0.5, -3))
    assert r.path == ("Challenge", "Concede") and r.outcome == "Defender concedes"
    assert r.payoffs == (1.0, -1.0)
    assert not r.deterred and not r.defender_resists and r.challenger_fights
    assert "not credible" in r.explanation


def test_escalation_to_war():
    # war (0.5, -0.5): challenger fights (0.5 > -1); defender resists (-0.5 > -1);
    # challenger challenges (0.5 > 0).
    r = solve_deterrence_game(war=(0.5, -0.5))
    assert r.path == ("Challenge", "Resist", "Fight") and r.outcome == "War"
    assert r.payoffs == (0.5, -0.5)


def test_challenge_then_back_down():
    # back down (0.5, 1): better than war (-2) and than the status quo (0) for the challenger;
    # the defender resists (1 > -1).
    r = solve_deterrence_game(backdown=(0.5, 1))
    assert r.path == ("Challenge", "Resist", "Back down")
    assert r.outcome == "Challenger backs down"


def test_deterred_without_any_threat():
    # concession (-1, 2): the challenger would get -1 even unopposed, below the status quo 0.
    # The defender would concede (2 > 1 from resisting, then the challenger backs down),
    # yet the challenger stays put: challenging is not worth it at all.
    r = solve_deterrence_game(concession=(-1, 2))
    assert r.deterred and not r.defender_resists
    assert "no threat is needed" in r.explanation


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (
            dict(war=(-1, -2)),  # back down -1 = fight -1 for the challenger
            "Challenger is indifferent at 'Challenger's escalation' between Back down and Fight",
        ),
        (
            dict(concession=(1, 1)),  # concede 1 = resist (-> back down) 1 for the defender
            "Defender is indifferent at 'Defender's response' between Concede and Resist",
        ),
        (
            dict(backdown=(0, 1)),  # challenge (-> back down) 0 = status quo 0 for the challenger
            "Challenger is indifferent at 'Challenger's move' between Status quo and Challenge",
        ),
    ],
)
def test_game_ties_raise_naming_player_and_node(kwargs, message):
    with pytest.raises(IndifferenceError, match=message):
        solve_deterrence_game(**kwargs)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(war=(1,)), "war must be a payoff pair"),
        (dict(war=5), "war must be a payoff pair"),
        (dict(status_quo=("a", 0)), "Challenger's payoff at status_quo must be a number"),
        (dict(concession=(0, float("inf"))), "Defender's payoff at concession must be a finite"),
    ],
)
def test_game_payoff_errors(kwargs, message):
    with pytest.raises(InputError, match=message) as caught:
        solve_deterrence_game(**kwargs)
    assert not isinstance(caught.value, IndifferenceError)  # a bad entry is not a tie


def test_labels_are_string_enums_equal_to_their_text():
    assert solve_deterrence_game(war=(0.5, -3)).outcome is GameOutcome.CONCESSION == "Defender concedes"
    assert deterrence_calculus(0.5, 10, 2, 8, 0.5).threshold_case is ThresholdCase.INTERIOR == "interior"
    assert screening(0.5, 0, 1, 1).threshold_case is ScreeningCase.UNDEFINED == "undefined"
    assert costly_signal(" Sunk ", 2, 1, 4).kind is SignalKind.SUNK == "sunk"
    assert f"{GameOutcome.WAR}" == "War"  # formats as its text in sentences


# ------------------------------------------------------------ incomplete information


def test_screening_hand_case():
    # u_sq=0, u_concede=1, u_resist=-1: q* = (1 - 0) / (1 - (-1)) = 0.5.
    # q=0.25: EU = 0.25*(-1) + 0.75*1 = 0.5 > 0: challenge.
    # q=0.75: EU = -0.75 + 0.25 = -0.5 < 0: deterred.
    low = screening(0.25, 0, 1, -1)
    high = screening(0.75, 0, 1, -1)
    assert low.eu_challenge == pytest.approx(0.5) and low.challenges is True
    assert high.eu_challenge == pytest.approx(-0.5) and high.challenges is False
    assert low.threshold == pytest.approx(0.5) and low.threshold_case == "interior"
    assert "q < q* = 0.5" in low.explanation


def test_screening_asymmetric_hand_case():
    # u_sq=1, u_concede=3, u_resist=-3: q* = (3 - 1) / (3 + 3) = 1/3.
    # q=0.2: EU = 0.2*(-3) + 0.8*3 = 1.8 > 1: challenge.
    r = screening(0.2, 1, 3, -3)
    assert r.threshold == pytest.approx(1 / 3)
    assert r.eu_challenge == pytest.approx(1.8) and r.challenges is True


def test_screening_tie_at_threshold():
    r = screening(0.5, 0, 1, -1)  # EU = -0.5 + 0.5 = 0 = status quo
    assert r.tie and r.challenges is None
    assert "exactly indifferent" in r.explanation


def test_screening_belief_limits():
    # q=0: sure concession, EU = u_concede = 3; q=1: sure resistance, EU = u_resist = -3.
    assert screening(0, 1, 3, -3).eu_challenge == pytest.approx(3.0)
    assert screening(1, 1, 3, -3).eu_challenge == pytest.approx(-3.0)


def test_screening_never_challenges():
    # concede -1 < status quo 0: q* = (-1 - 0) / (-1 + 2) = -1 -> clipped 0.
    r = screening(0.0, 0, -1, -2)
    assert r.threshold_case == "never challenges" and r.threshold == 0.0
    assert r.threshold_raw == pytest.approx(-1.0) and r.challenges is False


def test_screening_always_challenges():
    # sq -5, concede 1, resist -1: q* = 6/2 = 3 -> clipped 1; at q=1 EU = -1 > -5.
    r = screening(1.0, -5, 1, -1)
    assert r.threshold_case == "always challenges" and r.threshold == 1.0
    assert r.challenges is True
    assert "Even a surely resolute defender does not deter" in r.explanation


def test_screening_undefined_threshold():
    # concede = resist = 1: EU(challenge) = 1 at every q; q* = (1-0)/0 undefined.
    r = screening(0.9, 0, 1, 1)
    assert r.threshold is None and r.threshold_case == "undefined" and r.challenges is True
    assert "beliefs about resolve do not matter" in r.explanation


def test_screening_rejects_challenger_preferring_resistance():
    with pytest.raises(InputError, match=r"u_resist \(2\) is greater than u_concede \(1\)"):
        screening(0.5, 0, 1, 2)


@pytest.mark.parametrize("q", [-0.1, 1.2, "maybe"])
def test_screening_bad_belief(q):
    with pytest.raises(InputError, match="q \\(the chance that the defender is resolute\\)"):
        screening(q, 0, 1, -1)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.floats(0, 1), st.floats(0, 1), st.floats(-20, 20), st.floats(0.1, 20))
def test_screening_decision_switches_at_threshold(q, t, concede, gap):
    # Status quo chosen so that q* = (concede - sq) / gap = t by construction.
    assume(abs(q - t) > 1e-3)
    sq = concede - t * gap
    r = screening(q, sq, concede, concede - gap)
    assert r.threshold == pytest.approx(t, abs=1e-9)
    assert r.challenges is (q < t)


# ============================================================ 3. chicken and brinkmanship


def test_chicken_matrix_layout():
    g = chicken(both_swerve=0, temptation=1, sucker=-1, disaster=-10)
    # Row: (Swerve, Swerve)=0, (Swerve, Straight)=-1, (Straight, Swerve)=1, (Straight, Straight)=-10
    assert g.row_payoffs == ((0, -1), (1, -10))
    assert g.col_payoffs == ((0, 1), (-1, -10))
    assert g.row_actions == g.col_actions == ("Swerve", "Straight")


def test_chicken_equilibria_by_hand_and_nashpy():
    # Opponent swerves w.p. y: Swerve 0y - (1 - y) = Straight y - 10(1 - y)  =>  y = 0.9.
    s = solve_2x2(chicken(0, 1, -1, -10, players=("USA", "USSR")))
    assert len(s.pure) == 2 and s.mixed.row_mix == pytest.approx((0.9, 0.1))
    assert "USA plays Straight; USSR plays Swerve" in s.explanation
    A, B = np.array(s.game.row_payoffs), np.array(s.game.col_payoffs)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        eqs = list(nashpy.Game(A, B).support_enumeration())
    assert len(eqs) == 3
    assert any(np.allclose(r, [0.9, 0.1]) and np.allclose(c, [0.9, 0.1]) for r, c in eqs)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.lists(st.integers(-50, 50), min_size=4, max_size=4, unique=True))
def test_chicken_mixed_swerve_probability_closed_form(values):
    t, r, s, d = sorted(values, reverse=True)
    # Opponent swerves w.p. y: y*r + (1-y)*s = y*t + (1-y)*d  =>  y = (s - d) / ((s - d) + (t - r))
    sol = solve_2x2(chicken(both_swerve=r, temptation=t, sucker=s, disaster=d))
    expected = (s - d) / ((s - d) + (t - r))
    assert sol.mixed.row_mix[0] == pytest.approx(expected)
    assert sol.mixed.col_mix[0] == pytest.approx(expected)
    assert len(sol.pure) == 2  # always the two "one swerves" outcomes


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(temptation=0), r"temptation \(0\) is not greater than both_swerve \(0\)"),
        (dict(both_swerve=-2), r"both_swerve \(-2\) is not greater than sucker \(-1\)"),
        (dict(sucker=-10), r"sucker \(-10\) is not greater than disaster \(-10\)"),
        # Prisoner's-Dilemma-like ordering: mutual defection beats being the sucker.
        (dict(disaster=-0.5), r"sucker \(-1\) is not greater than disaster \(-0.5\)"),
        (dict(disaster="crash"), "disaster must be a number"),
    ],
)
def test_chicken_ordering_errors(kwargs, message):
    args = dict(both_swerve=0, temptation=1, sucker=-1, disaster=-10)
    args.update(kwargs)
    with pytest.raises(InputError, match=message):
        chicken(**args)


def test_brinkmanship_hand_case():
    # r=0.5, win=10, concede=-5, disaster=-10.
    # k=1: risk 0.5,   EU = 0.5*10 + 0.5*(-10)     = 0     > -5: firm better
    # k=2: risk 0.75,  EU = 0.25*10 + 0.75*(-10)   = -5    = -5: tie
    # k=3: risk 0.875, EU = 0.125*10 + 0.875*(-10) = -7.5  < -5: concede better
    # break-even: 0.5^k = (-5 + 10) / (10 + 10) = 1/4  =>  k = 2.
    b = brinkmanship(0.5, 3, win=10, concede=-5, disaster=-10)
    assert list(b.steps) == [1, 2, 3]
    assert b.cumulative_risk == pytest.approx([0.5, 0.75, 0.875])
    assert b.eu_firm == pytest.approx([0.0, -5.0, -7.5])
    assert b.eu_concede == -5.0
    assert list(b.firm_better) == [True, False, False]
    assert list(b.tie) == [False, True, False]
    assert b.break_even_steps == pytest.approx(2.0)


def test_brinkmanship_cumulative_risk_small_r():
    # r=0.1: 1 - 0.9 = 0.1; 1 - 0.81 = 0.19; 1 - 0.729 = 0.271.
    b = brinkmanship(0.1, 3, win=1, concede=0, disaster=-1)
    assert b.cumulative_risk == pytest.approx([0.1, 0.19, 0.271])


def test_brinkmanship_no_risk():
    # r=0: disaster never happens; EU(firm) = win = 5 > concede 0 for every k.
    b = brinkmanship(0, 4, win=5, concede=0, disaster=-100)
    assert list(b.cumulative_risk) == [0, 0, 0, 0]
    assert list(b.eu_firm) == [5, 5, 5, 5] and all(b.firm_better)
    assert b.break_even_steps == math.inf
    assert "always beats conceding" in b.explanation


def test_brinkmanship_certain_disaster():
    # r=1: disaster at step 1; EU(firm) = disaster = -100 < 0 for every k.
    b = brinkmanship(1, 3, win=5, concede=0, disaster=-100)
    assert list(b.cumulative_risk) == [1, 1, 1]
    assert list(b.eu_firm) == [-100, -100, -100] and not any(b.firm_better)
    assert b.break_even_steps == 0.0


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.floats(0, 1), st.integers(1, 60), st.floats(-50, 50), st.floats(0.1, 50), st.floats(0.1, 50))
def test_brinkmanship_invariants(r, n, concede, up, down):
    b = brinkmanship(r, n, win=concede + up, concede=concede, disaster=concede - down)
    assert np.all(np.diff(b.cumulative_risk) >= 0)
    assert all(0 <= x <= 1 for x in b.cumulative_risk)
    for k, better, tie in zip(b.steps, b.firm_better, b.tie):
        if abs(k - b.break_even_steps) > 1e-3:  # ties are flagged only near break-even
            assert better == (k < b.break_even_steps) and not tie


def _numpy_brinkmanship(r, n, win, concede, disaster):
    """The model's former numpy arithmetic (the oracle); ties as the model defines them."""
    k = np.arange(1, n + 1)
    survive = (1.0 - r) ** k
    risk = 1.0 - survive
    eu_firm = survive * win + risk * disaster
    scale = np.maximum.reduce(
        [
            np.ones_like(eu_firm),
            np.abs(eu_firm),
            np.full_like(eu_firm, abs(concede)),
            np.full_like(eu_firm, abs(win)),
            np.full_like(eu_firm, abs(disaster)),
        ]
    )
    tie = np.abs(eu_firm - concede) <= 1e-9 * scale
    return k, risk, eu_firm, (eu_firm > concede) & ~tie, tie


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.floats(0, 1), st.integers(1, 200), st.floats(-50, 50), st.floats(0.1, 50), st.floats(0.1, 50))
def test_brinkmanship_matches_the_numpy_oracle(r, n, concede, up, down):
    win, disaster = concede + up, concede - down
    b = brinkmanship(r, n, win=win, concede=concede, disaster=disaster)
    k, risk, eu_firm, better, tie = _numpy_brinkmanship(r, n, win, concede, disaster)
    assert b.steps == tuple(k.tolist())
    # numpy's power of a float by an integer array can differ from the correctly
    # rounded power in the last bit (0.995 ** 2 gives 0.9900249999999999), so: to 1e-12.
    assert b.cumulative_risk == pytest.approx(risk.tolist(), rel=1e-12, abs=1e-15)
    assert b.eu_firm == pytest.approx(eu_firm.tolist(), rel=1e-12, abs=1e-12)
    assert b.firm_better == tuple(better.tolist()) and b.tie == tuple(tie.tolist())
    assert all(isinstance(v, float) for v in b.cumulative_risk + b.eu_firm)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(risk_per_step=1.5), "risk_per_step must be a probability between 0 and 1; got 1.5"),
        (dict(steps=0), "steps must be between 1 and 10000; got 0"),
        (dict(steps=2.5), "steps must be a whole number"),
        (dict(steps=-3), "steps cannot be negative"),
        (dict(win=-5), r"win \(-5\) must be greater than concede \(-5\)"),
        (dict(disaster=-5), r"concede \(-5\) must be greater than disaster \(-5\)"),
        (dict(win="lots"), "win must be a number"),
    ],
)
def test_brinkmanship_input_errors(kwargs, message):
    args = dict(risk_per_step=0.5, steps=3, win=10, concede=-5, disaster=-10)
    args.update(kwargs)
    with pytest.raises(InputError, match=message):
        brinkmanship(**args)


# ------------------------------------------------------------ costly signals


@pytest.mark.parametrize(
    "cost, separating",
    [
        # bluffer loss 2, war cost 6: separation iff 2 <= m <= 6 (worked in the docstring).
        (0, False),
        (1.9, False),
        (2, True),
        (4, True),
        (6, True),
        (6.1, False),
        (10, False),
    ],
)
def test_sunk_cost_separates_between_the_bluffers_loss_and_the_war_cost(cost, separating):
    r = costly_signal("sunk", cost, bluffer_loss=2, war_cost=6)
    assert r.separating is separating
    assert (r.lower, r.upper) == (2, 6)
    assert r.commits is False


def test_sunk_cost_by_hand_payoffs():
    # m = 3, loss 2, war 6. Irresolute: signal -3 < silent-and-concede -2, so it stays silent.
    # Resolute: signal -3 > silent-and-fight -6, so it signals. Separation.
    r = costly_signal("sunk", 3, 2, 6)
    assert r.separating and not r.tie and "Only the resolute type" in r.explanation
    # m = 1: the irresolute type would pay 1 rather than lose 2, so it mimics.
    assert "irresolute type would send it too" in costly_signal("sunk", 1, 2, 6).explanation
    # m = 7: the resolute type would rather fight (6) than pay 7.
    assert "even the resolute type" in costly_signal("sunk", 7, 2, 6).explanation


def test_ties_at_the_bounds_are_flagged():
    assert costly_signal("sunk", 2, 2, 6).tie and costly_signal("sunk", 6, 2, 6).tie
    assert not costly_signal("sunk", 4, 2, 6).tie
    # audience: commits iff 2 + a > 6, i.e. a > 4; a = 4 is a tie and does not commit.
    at = costly_signal("audience", 4, 2, 6)
    assert at.tie and at.commits is False and "exactly indifferent" in at.explanation


@pytest.mark.parametrize("cost, commits", [(0, False), (3.9, False), (4.1, True), (20, True)])
def test_audience_cost_commits_when_backing_down_costs_more_than_war(cost, commits):
    r = costly_signal("audience", cost, bluffer_loss=2, war_cost=6)
    assert r.commits is commits and r.separating is False
    assert r.lower == pytest.approx(4) and r.upper is None


@given(loss=st.floats(0, 50), gap=st.floats(0.01, 50), m=st.floats(0, 120))
@settings(max_examples=200, deadline=None)
def test_sunk_cost_separation_matches_the_two_incentive_constraints(loss, gap, m):
    war = loss + gap
    r = costly_signal("sunk", m, loss, war)
    assume(not r.tie)
    bluffer_stays_silent = -m < -loss  # paying is worse than being challenged and conceding
    resolute_signals = -m > -war  # paying is better than being challenged and fighting
    assert r.separating == (bluffer_stays_silent and resolute_signals)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(kind="cheap", cost=1, bluffer_loss=1, war_cost=2), "kind must be"),
        (dict(kind="sunk", cost=-1, bluffer_loss=1, war_cost=2), "cost"),
        (dict(kind="sunk", cost=1, bluffer_loss=3, war_cost=2), "bluffer_loss (3) must be smaller"),
        (dict(kind="audience", cost=1, bluffer_loss=2, war_cost=2), "must be smaller"),
        (dict(kind="sunk", cost="x", bluffer_loss=1, war_cost=2), "cost"),
    ],
)
def test_costly_signal_input_errors(kwargs, message):
    with pytest.raises(InputError, match=None) as err:
        costly_signal(**kwargs)
    assert message in str(err.value)
