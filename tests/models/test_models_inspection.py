"""Tests for the inspection game: closed forms, indifference and best responses."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.models.inputs import InputError
from widgets.models.inspection import Regime, curves, equilibrium, expected_payoffs, leadership


# Payoffs computed straight from the documented table, independently of the module.
def inspectee_if(cheat, p, g, f, d):
    """Inspectee's expected payoff from a pure choice when inspections come with prob p."""
    if not cheat:
        return 0.0
    inspected = d * (-f) + (1 - d) * g  # caught with prob d, else keeps the gain
    return p * inspected + (1 - p) * g


def inspector_if(inspect, q, c, d, L):
    """Inspector's expected payoff from a pure choice when the inspectee cheats with prob q."""
    if inspect:
        against_cheat = d * (-c) + (1 - d) * (-c - L)
        return q * against_cheat + (1 - q) * (-c)
    return q * (-L) + (1 - q) * 0.0


def test_mixed_equilibrium_by_hand():
    # g=1, f=3, c=1, d=0.8, L=5:
    # p* = g/(d(g+f)) = 1/(0.8·4) = 0.3125;  q* = c/(dL) = 1/(0.8·5) = 0.25
    # inspectee payoff 0 (indifferent, complying gives 0); inspector −q*·L = −1.25 = −c/d
    e = equilibrium(g=1, f=3, c=1, d=0.8, L=5)
    assert e.regime == Regime.MIXED
    assert e.inspect_probability == pytest.approx(0.3125)
    assert e.cheat_probability == pytest.approx(0.25)
    assert e.inspectee_payoff == pytest.approx(0.0, abs=1e-12)
    assert e.inspector_payoff == pytest.approx(-1.25)
    assert e.detection_threshold == pytest.approx(0.25)  # g/(g+f) = 1/4
    assert "Better detection lowers cheating" in e.explanation


def test_perfect_detection():
    # d = 1: p* = g/(g+f) = 2/4 = 0.5, q* = c/L = 1/4
    e = equilibrium(g=2, f=2, c=1, d=1, L=4)
    assert (e.inspect_probability, e.cheat_probability) == pytest.approx((0.5, 0.25))


def test_indifference_at_mixed_equilibrium():
    g, f, c, d, L = 1.0, 3.0, 1.0, 0.8, 5.0
    e = equilibrium(g, f, c, d, L)
    p, q = e.inspect_probability, e.cheat_probability
    assert inspectee_if(True, p, g, f, d) == pytest.approx(inspectee_if(False, p, g, f, d), abs=1e-12)
    assert inspector_if(True, q, c, d, L) == pytest.approx(inspector_if(False, q, c, d, L), abs=1e-12)


def test_detection_exactly_at_threshold_still_deters():
    # g = f = 1, d = 0.5 = g/(g+f): p* = 1/(0.5·2) = 1 exactly — inspecting always just
    # deters (cheating pays 0.5·1 − 0.5·1 = 0); q* = c/(dL) = 1/(0.5·5) = 0.4
    e = equilibrium(g=1, f=1, c=1, d=0.5, L=5)
    assert e.regime == Regime.MIXED
    assert (e.inspect_probability, e.cheat_probability) == pytest.approx((1.0, 0.4))


def test_weak_detection_cannot_deter():
    # g=3, f=1, d=0.5: threshold g/(g+f) = 0.75 > d, p* = 3/(0.5·4) = 1.5 > 1.
    # Inspectee cheats; c = 1 < d·L = 2.5 so inspector inspects always.
    # inspectee: (1−d)g − d·f = 1.5 − 0.5 = 1.0
    # inspector: −c − (1−d)L = −1 − 2.5 = −3.5
    e = equilibrium(g=3, f=1, c=1, d=0.5, L=5)
    assert e.regime == Regime.CANNOT_DETER and e.p_star == pytest.approx(1.5)
    assert (e.inspect_probability, e.cheat_probability) == (1.0, 1.0)
    assert (e.inspectee_payoff, e.inspector_payoff) == pytest.approx((1.0, -3.5))
    assert "cannot deter" in e.explanation


def test_costly_inspection_is_not_worth_it():
    # c = 5 > d·L = 0.5·5 = 2.5 → q* = 2 > 1: never inspect, inspectee cheats: payoffs (g, −L)
    e = equilibrium(g=1, f=3, c=5, d=0.5, L=5)
    assert e.regime == Regime.NOT_WORTH_INSPECTING and e.q_star == pytest.approx(2.0)
    assert (e.inspect_probability, e.cheat_probability) == (0.0, 1.0)
    assert (e.inspectee_payoff, e.inspector_payoff) == pytest.approx((1.0, -5.0))


def test_boundary_cost_equals_prevented_loss():
    # c = d·L = 2.5: inspector indifferent even against certain cheating
    e = equilibrium(g=1, f=3, c=2.5, d=0.5, L=5)
    assert e.regime == Regime.NOT_WORTH_INSPECTING and "indifferent" in e.explanation


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    g=st.floats(0.01, 10),
    f=st.floats(0.01, 10),
    c=st.floats(0.01, 10),
    d=st.floats(0.01, 1),
    L=st.floats(0.01, 10),
)
def test_equilibrium_is_a_nash_equilibrium(g, f, c, d, L):
    # Neither player gains by switching to a pure strategy, in every regime.
    e = equilibrium(g, f, c, d, L)
    p, q = e.inspect_probability, e.cheat_probability
    tol = 1e-9 * (1 + g + f + c + L)
    u1 = q * inspectee_if(True, p, g, f, d) + (1 - q) * inspectee_if(False, p, g, f, d)
    u2 = p * inspector_if(True, q, c, d, L) + (1 - p) * inspector_if(False, q, c, d, L)
    assert u1 == pytest.approx(e.inspectee_payoff, abs=tol)
    assert u2 == pytest.approx(e.inspector_payoff, abs=tol)
    assert max(inspectee_if(True, p, g, f, d), inspectee_if(False, p, g, f, d)) <= u1 + tol
    assert max(inspector_if(True, q, c, d, L), inspector_if(False, q, c, d, L)) <= u2 + tol


@settings(max_examples=50, deadline=None, derandomize=True)
@given(
    g=st.floats(0.01, 10),
    f=st.floats(0.01, 10),
    L=st.floats(0.01, 10),
    u=st.floats(0.01, 1.0),
    v=st.floats(0.01, 0.99),
)
def test_indifference_whenever_mixed(g, f, L, u, v):
    # Draw straight inside the mixed regime (no filtering): detection strictly above
    # the threshold g/(g+f) (exactly at it, rounding can tip p* above 1), and an
    # inspection cost below what inspecting saves (c < d·L).
    d = g / (g + f) + u * (1 - g / (g + f))
    c = v * d * L
    e = equilibrium(g, f, c, d, L)
    assert e.regime == Regime.MIXED
    p, q = e.inspect_probability, e.cheat_probability
    tol = 1e-9 * (1 + g + f + c + L)
    assert inspectee_if(True, p, g, f, d) == pytest.approx(0.0, abs=tol)
    assert inspector_if(True, q, c, d, L) == pytest.approx(inspector_if(False, q, c, d, L), abs=tol)


def test_expected_payoffs_formula():
    # p = 0.5, q = 0.4, g=1, f=3, c=1, d=0.8, L=5:
    # inspectee q(g − p·d(g+f)) = 0.4·(1 − 0.5·0.8·4) = 0.4·(−0.6) = −0.24
    # inspector −p·c − q·L(1 − p·d) = −0.5 − 0.4·5·0.6 = −0.5 − 1.2 = −1.7
    assert expected_payoffs(0.5, 0.4, 1, 3, 1, 0.8, 5) == pytest.approx((-0.24, -1.7))


# ---------------------------------------------------------------- curves


def test_better_detection_lowers_cheating_and_inspections():
    cv = curves(g=1, f=3, c=1, L=5, n=100)
    assert cv.d[0] > 0 and cv.d[-1] == 1 and len(cv.d) == 100
    mixed = np.array(cv.regime) == Regime.MIXED
    assert mixed.sum() > 50
    assert np.all(np.diff(np.array(cv.cheat_probability)[mixed]) < 0)
    assert np.all(np.diff(np.array(cv.inspect_probability)[mixed]) < 0)
    # at d = 1: q* = c/L = 0.2, p* = g/(g+f) = 0.25
    assert cv.cheat_probability[-1] == pytest.approx(0.2)
    assert cv.inspect_probability[-1] == pytest.approx(0.25)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    g=st.floats(0.01, 10),
    f=st.floats(0.01, 10),
    c=st.floats(0.01, 10),
    L=st.floats(0.01, 10),
    d_low=st.floats(0.01, 0.99),
    u=st.floats(0.01, 1.0),
)
def test_lower_detection_never_lowers_cheating_in_any_regime(g, f, c, L, d_low, u):
    # The arms-control chapter's model answer (exercise arms-control-ex-trust): a lower d
    # raises p* = g/(d(g+f)) and q* = c/(dL), raises the equilibrium cheating inside the
    # mixed regime, never lowers it across regimes, and below g/(g+f) leaves cheating
    # certain because it pays even against inspection every time.
    d_high = d_low + u * (1 - d_low)
    low, high = equilibrium(g, f, c, d_low, L), equilibrium(g, f, c, d_high, L)
    assert low.p_star > high.p_star and low.q_star > high.q_star
    assert low.cheat_probability >= high.cheat_probability
    if low.regime == high.regime == Regime.MIXED:
        assert low.cheat_probability > high.cheat_probability
    if d_low < g / (g + f) * (1 - 1e-9):  # clear of the boundary, where p* rounds to 1
        assert low.regime != Regime.MIXED and low.cheat_probability == 1.0
        assert expected_payoffs(1, 1, g, f, c, d_low, L)[0] > 0  # cheating pays at p = 1


def test_curves_match_scalar_equilibrium():
    ds = [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0]
    cv = curves(g=2, f=1, c=1, L=4, d=ds)
    for i, d in enumerate(ds):
        e = equilibrium(2, 1, 1, d, 4)
        assert cv.regime[i] == e.regime
        assert cv.inspect_probability[i] == pytest.approx(e.inspect_probability)
        assert cv.cheat_probability[i] == pytest.approx(e.cheat_probability)
        assert cv.inspector_payoff[i] == pytest.approx(e.inspector_payoff)
        assert cv.inspectee_payoff[i] == pytest.approx(e.inspectee_payoff, abs=1e-12)
    # q* = c/(dL) = 0.25/d < 1 only when d > 0.25: d = 0.05, 0.1, 0.2 → not worth inspecting;
    # p* = g/(d(g+f)) = (2/3)/d ≤ 1 only when d ≥ 2/3:
    # d = 0.3, 0.5 → cannot deter; d = 0.75, 1 → mixed
    assert list(cv.regime) == [Regime.NOT_WORTH_INSPECTING] * 3 + [Regime.CANNOT_DETER] * 2 + [Regime.MIXED] * 2


# ---------------------------------------------------------------- bad inputs


def test_zero_detection_explained():
    with pytest.raises(InputError, match="greater than 0.*cannot deter"):
        equilibrium(g=1, f=3, c=1, d=0, L=5)


@pytest.mark.parametrize(
    "kwargs, words",
    [
        (dict(g=1, f=3, c=1, d=1.2, L=5), "between 0 and 1"),
        (dict(g=1, f=3, c=1, d=-0.1, L=5), "between 0 and 1"),
        (dict(g=0, f=3, c=1, d=0.5, L=5), "g \\(gain"),
        (dict(g=1, f=-3, c=1, d=0.5, L=5), "f \\(penalty"),
        (dict(g=1, f=3, c=0, d=0.5, L=5), "c \\(cost"),
        (dict(g=1, f=3, c=1, d=0.5, L=0), "L \\(inspector"),
        (dict(g="x", f=3, c=1, d=0.5, L=5), "must be a number"),
    ],
)
def test_bad_parameters(kwargs, words):
    with pytest.raises(InputError, match=words):
        equilibrium(**kwargs)


def test_bad_probabilities_in_expected_payoffs():
    with pytest.raises(InputError, match="p \\(inspection"):
        expected_payoffs(1.5, 0.5, 1, 3, 1, 0.8, 5)
    with pytest.raises(InputError, match="q \\(cheating"):
        expected_payoffs(0.5, -0.5, 1, 3, 1, 0.8, 5)


def test_bad_curve_inputs():
    with pytest.raises(InputError, match="\\(0, 1\\]"):
        curves(1, 3, 1, 5, d=[0.0, 0.5])
    with pytest.raises(InputError, match="\\(0, 1\\]"):
        curves(1, 3, 1, 5, d=[0.5, 1.01])
    with pytest.raises(InputError, match="n \\(number of points\\)"):
        curves(1, 3, 1, 5, n=1)
    with pytest.raises(InputError, match="n \\(number of points\\)"):
        curves(1, 3, 1, 5, n=2.5)
    with pytest.raises(InputError, match="\\(0, 1\\]"):
        curves(1, 3, 1, 5, d=[])
    with pytest.raises(InputError, match="\\(0, 1\\]"):
        curves(1, 3, 1, 5, d=[0.5, float("nan")])
    with pytest.raises(InputError, match="must be a list"):
        curves(1, 3, 1, 5, d=["x"])


# ------------------------------------------------- the standard-library port against numpy


def numpy_curves(g, f, c, L, d):
    """The model's former vectorised numpy code, kept as the oracle of the standard-library port."""
    d = np.asarray(d, dtype=float).ravel()
    p_star, q_star = g / (d * (g + f)), c / (d * L)
    not_worth, no_deterrence = q_star >= 1, p_star > 1
    p = np.where(not_worth, 0.0, np.where(no_deterrence, 1.0, p_star))
    q = np.where(not_worth | no_deterrence, 1.0, q_star)
    regime = np.where(
        not_worth, Regime.NOT_WORTH_INSPECTING, np.where(no_deterrence, Regime.CANNOT_DETER, Regime.MIXED)
    )
    return dict(
        d=d,
        inspect_probability=p,
        cheat_probability=q,
        p_star=p_star,
        q_star=q_star,
        regime=regime,
        inspectee_payoff=q * (g - p * d * (g + f)),
        inspector_payoff=-p * c - q * L * (1 - p * d),
    )


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    g=st.floats(0.01, 20),
    f=st.floats(0.01, 20),
    c=st.floats(0.01, 20),
    L=st.floats(0.01, 50),
    n=st.integers(2, 600),
)
def test_curves_agree_with_the_numpy_oracle(g, f, c, L, n):
    cv = curves(g, f, c, L, n=n)
    grid = np.linspace(1.0 / n, 1.0, n)
    assert np.allclose(cv.d, grid, rtol=1e-14, atol=0) and cv.d[-1] == 1.0
    oracle = numpy_curves(g, f, c, L, cv.d)  # on the same points, so regimes at the boundaries agree
    for name, expected in oracle.items():
        got = getattr(cv, name)
        assert len(got) == n
        if name == "regime":
            assert [str(r) for r in got] == [str(r) for r in expected]
        else:
            assert np.allclose(got, expected, rtol=1e-12, atol=1e-12), name


def test_curves_oracle_on_given_points_covers_every_regime():
    ds = np.concatenate([np.linspace(0.001, 1, 997), [0.25, 2 / 3, 0.5, 1.0]])
    cv = curves(2, 1, 1, 4, d=ds)  # a numpy array is accepted as the list of points
    oracle = numpy_curves(2, 1, 1, 4, ds)
    assert [str(r) for r in cv.regime] == [str(r) for r in oracle["regime"]]
    assert set(cv.regime) == {Regime.MIXED, Regime.CANNOT_DETER, Regime.NOT_WORTH_INSPECTING}
    for name in ("inspect_probability", "cheat_probability", "inspectee_payoff", "inspector_payoff"):
        assert np.allclose(getattr(cv, name), oracle[name], rtol=1e-12, atol=1e-12)
    assert curves(2, 1, 1, 4, d=0.5).d == (0.5,)  # one number is one point, as numpy's ravel


# ------------------------------------------------------------ inspector leadership


def test_leadership_by_hand_and_its_advantage():
    # g=4, f=6, c=1, d=0.8, L=10: committed p = 4/(0.8·10) = 0.5, the inspectee complies;
    # the inspector pays 0.5·1 = 0.5, versus −c/d = −1.25 in the simultaneous game
    lead = leadership(g=4, f=6, c=1, d=0.8, L=10)
    assert lead.regime == Regime.DETERRED
    assert lead.inspect_probability == pytest.approx(0.5)
    assert lead.cheat_probability == 0
    assert lead.inspector_payoff == pytest.approx(-0.5)
    assert equilibrium(g=4, f=6, c=1, d=0.8, L=10).inspector_payoff == pytest.approx(-1.25)


def test_penalty_matters_under_leadership_but_not_for_mixed_cheating():
    # review AC-E7: g=4, c=1, L=10, d=0.3. f=6: threshold 0.4 > 0.3, cheating is certain either way.
    assert equilibrium(g=4, f=6, c=1, d=0.3, L=10).cheat_probability == 1
    assert leadership(g=4, f=6, c=1, d=0.3, L=10).cheat_probability == 1
    # f=16: threshold 0.2 < 0.3; simultaneous game cheats with q* = 1/(0.3·10) = 1/3,
    # a committed inspector announces p = 4/(0.3·20) = 2/3 and the inspectee complies
    assert equilibrium(g=4, f=16, c=1, d=0.3, L=10).cheat_probability == pytest.approx(1 / 3)
    lead = leadership(g=4, f=16, c=1, d=0.3, L=10)
    assert lead.cheat_probability == 0 and lead.inspect_probability == pytest.approx(2 / 3)


def test_leadership_not_worth_when_deterrence_costs_more_than_the_loss():
    # g=1, f=1, d=0.5: p* = 1/(0.5·2) = 1; c=3 > L=2, so p*·c = 3 > 2: do not inspect
    lead = leadership(g=1, f=1, c=3, d=0.5, L=2)
    assert lead.regime == Regime.NOT_WORTH_INSPECTING and lead.inspect_probability == 0
    assert lead.inspector_payoff == pytest.approx(-2)


@settings(max_examples=200, deadline=None)
@given(g=st.floats(0.1, 20), f=st.floats(0.1, 20), c=st.floats(0.1, 20), d=st.floats(0.05, 1.0), L=st.floats(0.1, 50))
def test_leadership_is_never_worse_for_the_inspector(g, f, c, d, L):
    # committing can only help the leader: its payoff is at least its Nash payoff
    lead = leadership(g, f, c, d, L)
    nash = equilibrium(g, f, c, d, L)
    assert lead.inspector_payoff >= nash.inspector_payoff - 1e-9
    # when deterred, the announced p makes cheating worth at most nothing
    if lead.regime == Regime.DETERRED:
        assert inspectee_if(True, lead.inspect_probability, g, f, d) <= 1e-9


def test_regimes_are_a_strenum_that_compares_equal_to_its_words():
    # the words are what the widget's sentence and the notebook print ("... (mixed)")
    assert {str(r) for r in Regime} == {"mixed", "cannot deter", "not worth inspecting", "deterred"}
    e = equilibrium(g=4, f=6, c=1, d=0.8, L=10)
    assert isinstance(e.regime, Regime) and e.regime == "mixed" and f"{e.regime}" == "mixed"
    assert leadership(g=4, f=6, c=1, d=0.8, L=10).regime == "deterred"
    assert list(curves(4, 6, 1, 10, d=[0.3, 0.8]).regime) == ["cannot deter", "mixed"]
    assert all(isinstance(r, Regime) for r in curves(4, 6, 1, 10, n=5).regime)
