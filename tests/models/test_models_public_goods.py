"""Tests for the public-goods (burden sharing) model."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import brentq as scipy_brentq
from scipy.optimize import minimize, minimize_scalar

from widgets.models.inputs import InputError
from widgets.models.public_goods import (
    BurdenSharingResult,
    best_response,
    brentq,
    best_response_iteration,
    burden_sharing,
    efficient_contributions,
    free_riders,
    free_riding_threshold,
    nash_contributions,
    stopping_publicness,
    utilities,
)

incomes_st = st.lists(st.floats(0.1, 100.0), min_size=1, max_size=8)
alpha_st = st.floats(0.05, 0.95)
theta_st = st.one_of(st.just(0.0), st.just(1.0), st.floats(0.0, 1.0))


def own_utility(incomes, q, i, qi, alpha, theta):
    """U_i when ally i alone changes its defence to qi (written out independently)."""
    others = sum(q) - q[i]
    return (incomes[i] - qi) ** (1 - alpha) * (qi + theta * others) ** alpha


# ---------------------------------------------------------------- best response


@pytest.mark.parametrize(
    "income, others, alpha, theta",
    [(10, 0, 0.3, 1), (10, 2, 0.3, 1), (10, 2, 0.3, 0.5), (5, 20, 0.4, 1), (8, 3, 0.7, 0.2)],
)
def test_best_response_maximises_own_utility(income, others, alpha, theta):
    # Numerical check of the derived formula max(0, a I - (1-a) theta S).
    def minus_u(q):
        return -((income - q) ** (1 - alpha) * (q + theta * others) ** alpha)

    found = minimize_scalar(minus_u, bounds=(0, income * (1 - 1e-12)), method="bounded", options={"xatol": 1e-10}).x
    assert best_response(income, others, alpha, theta) == pytest.approx(found, abs=1e-6)


def test_best_response_hand_values():
    # 0.3*10 - 0.7*1*2 = 3 - 1.4 = 1.6 ; with theta 0.5: 3 - 0.7 = 2.3 ; 0.4*5 - 0.6*20 < 0 -> 0
    assert best_response(10, 2, 0.3, 1) == pytest.approx(1.6)
    assert best_response(10, 2, 0.3, 0.5) == pytest.approx(2.3)
    assert best_response(5, 20, 0.4, 1) == 0.0


# ---------------------------------------------------------------- Nash equilibrium


def test_two_allies_hand_worked():
    # I = (10, 6), a = 0.5, theta = 1: beta = 0.5. Both contribute:
    # S = 0.5*16/(1+0.5) = 16/3; q1 = (5 - 0.5*16/3)/0.5 = 14/3; q2 = (3 - 8/3)/0.5 = 2/3.
    # check: q1 = 5 - 0.5*(2/3) = 14/3 and q2 = 3 - 0.5*(14/3) = 2/3.
    q = nash_contributions([10, 6], 0.5, 1.0)
    assert q == pytest.approx([14 / 3, 2 / 3])


def test_free_riders_hand_worked():
    # I = (10, 5, 2), a = 0.3, theta = 1: beta = 0.7. Richest alone buys 0.3*10 = 3;
    # ally 2 would buy 0.3*5 - 0.7*3 = 1.5 - 2.1 < 0, ally 3 even less: both free ride.
    result = burden_sharing([10, 5, 2], 0.3, 1.0, names=["Big", "Mid", "Small"])
    assert result.contributions == pytest.approx((3.0, 0.0, 0.0))
    assert result.free_riders == ("Mid", "Small")
    assert result.burden == pytest.approx((0.3, 0.0, 0.0))
    assert result.total == pytest.approx(3.0)


def test_private_good_means_each_ally_acts_alone():
    incomes = [3.0, 10.0, 0.5, 7.0]
    for alpha in (0.1, 0.5, 0.9):
        assert nash_contributions(incomes, alpha, 0.0) == pytest.approx([alpha * i for i in incomes])


@pytest.mark.parametrize("n, alpha, income", [(2, 0.5, 10), (3, 0.4, 10), (5, 0.1, 2), (10, 0.8, 1)])
def test_symmetric_pure_public_good(n, alpha, income):
    # q = a I / (1 + (1-a)(n-1)); e.g. n=3, a=0.4, I=10: 4 / 2.2 = 1.8181...
    expected = alpha * income / (1 + (1 - alpha) * (n - 1))
    assert nash_contributions([income] * n, alpha, 1.0) == pytest.approx([expected] * n)
    assert nash_contributions([10, 10, 10], 0.4, 1.0) == pytest.approx([4 / 2.2] * 3)


def test_single_ally_spends_alpha_of_income():
    assert nash_contributions([8.0], 0.25, 1.0) == pytest.approx([2.0])


@settings(max_examples=150, deadline=None, database=None)
@given(incomes_st, alpha_st, theta_st)
def test_closed_form_matches_best_response_iteration(incomes, alpha, theta):
    closed = nash_contributions(incomes, alpha, theta)
    iterated = best_response_iteration(incomes, alpha, theta)
    assert iterated.converged
    assert closed == pytest.approx(iterated.contributions, abs=1e-8 * max(incomes))


@settings(max_examples=100, deadline=None, database=None)
@given(incomes_st, alpha_st, theta_st)
def test_no_ally_gains_by_deviating(incomes, alpha, theta):
    q = list(nash_contributions(incomes, alpha, theta))
    for i, income in enumerate(incomes):
        best = own_utility(incomes, q, i, q[i], alpha, theta)
        for share in np.linspace(0, 0.999, 41):
            assert own_utility(incomes, q, i, share * income, alpha, theta) <= best * (1 + 1e-9)


def test_iteration_from_any_start_reaches_the_same_equilibrium():
    incomes, alpha, theta = [9, 7, 4, 1], 0.35, 0.8
    target = nash_contributions(incomes, alpha, theta)
    for start in ([0, 0, 0, 0], [9, 0, 0, 1], [1, 2, 3, 0.5]):
        assert best_response_iteration(incomes, alpha, theta, start=start).contributions == pytest.approx(target)


def test_iteration_reports_when_it_did_not_settle():
    result = best_response_iteration([9, 7, 4, 1], 0.1, 1.0, max_sweeps=1)
    assert not result.converged and result.sweeps == 1


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.lists(st.floats(0.1, 100.0), min_size=2, max_size=8, unique=True),
    alpha_st,
    st.one_of(st.just(1.0), st.floats(0.01, 1.0)),
)
def test_exploitation_hypothesis(incomes, alpha, theta):
    # Any theta > 0 (the chapter says "at any θ > 0"): a contributor's burden
    # q_i/I_i = (a - beta S / I_i)/(1 - beta) rises strictly with income (beta > 0, S > 0);
    # free riders have burden 0. So richer allies carry weakly larger burdens.
    result = burden_sharing(incomes, alpha, theta)
    by_income = sorted(zip(result.incomes, result.burden))
    burdens = [b for _, b in by_income]
    assert all(b2 >= b1 - 1e-12 for b1, b2 in zip(burdens, burdens[1:]))
    paying = [b for b in burdens if b > 0]
    assert all(b2 > b1 for b1, b2 in zip(paying, paying[1:]))  # strictly, among those who contribute
    assert burdens[-1] > burdens[0]  # the largest ally strictly more than the smallest


def test_the_burden_gap_does_not_always_widen_with_theta():
    # Why the chapter does not say burden rises "most steeply when θ is high": in the
    # widget's own alliance (100, 50, 20; a = 0.2) the gap between Ally A's and Ally C's
    # burden narrows between theta = 0.2 and 0.35 (A's burden dips while B still pays).
    gap = {
        t: burden_sharing([100, 50, 20], 0.2, t).burden[0] - burden_sharing([100, 50, 20], 0.2, t).burden[2]
        for t in (0.2, 0.35)
    }
    assert gap[0.35] < gap[0.2]
    assert burden_sharing([100, 50, 20], 0.2, 0.0).burden == pytest.approx((0.2, 0.2, 0.2))  # no gap at theta = 0


# ---------------------------------------------------------------- efficiency


def utilitarian_direct(incomes, alpha, theta):
    """Brute-force planner: maximise sum of utilities with a general-purpose optimiser."""
    inc = np.asarray(incomes, float)

    def minus_w(q):
        x = np.maximum(inc - q, 1e-12)
        protection = np.maximum((1 - theta) * q + theta * q.sum(), 1e-12)
        return -np.sum(x ** (1 - alpha) * protection**alpha)

    best = None
    for start in (0.5 * inc, 0.1 * inc, np.full(inc.size, 0.2 * inc.min())):
        res = minimize(
            minus_w,
            start,
            method="SLSQP",
            bounds=[(0, i * (1 - 1e-9)) for i in inc],
            options={"ftol": 1e-14, "maxiter": 1000},
        )
        if best is None or res.fun < best.fun:
            best = res
    return best.x, -best.fun


@pytest.mark.parametrize("n, alpha, income, theta", [(2, 0.5, 10, 1), (4, 0.2, 3, 1), (3, 0.4, 5, 0.3), (6, 0.7, 1, 0)])
def test_efficient_total_symmetric_closed_form(n, alpha, income, theta):
    # Symmetric allies: W = n (I-q)^(1-a) (q (1 + theta (n-1)))^a is maximised at q = a I,
    # so the efficient total is a n I (for theta = 1 this is also the Samuelson level a * sum I).
    q = efficient_contributions([income] * n, alpha, theta)
    assert q == pytest.approx([alpha * income] * n, rel=1e-9)


def test_samuelson_level_for_pure_public_good_with_equal_incomes():
    # sum MRS = sum a x_i / ((1-a) Q) = 1 -> a (sum I - Q) = (1-a) Q -> Q = a sum I = 0.3*40 = 12
    assert sum(efficient_contributions([10, 10, 10, 10], 0.3, 1.0)) == pytest.approx(12.0)


@settings(max_examples=25, deadline=None, database=None)
@given(st.lists(st.floats(0.2, 50.0), min_size=1, max_size=6), st.floats(0.1, 0.9), theta_st)
def test_efficient_contributions_match_direct_maximisation(incomes, alpha, theta):
    q = efficient_contributions(incomes, alpha, theta)
    _, w_direct = utilitarian_direct(incomes, alpha, theta)
    w = sum(utilities(incomes, q, alpha, theta))
    assert w >= w_direct * (1 - 1e-9)  # at least as good as the general optimiser
    assert w == pytest.approx(w_direct, rel=1e-6)


@settings(max_examples=150, deadline=None, database=None)
@given(incomes_st, alpha_st, theta_st)
def test_efficient_total_at_least_equilibrium_total(incomes, alpha, theta):
    result = burden_sharing(incomes, alpha, theta)
    assert result.efficient_total >= result.total * (1 - 1e-10)
    assert result.gap == pytest.approx(result.efficient_total - result.total)


def sum_mrs(incomes, q, alpha):
    """Samuelson's sum for a pure public good: sum of MRS_i = a x_i / ((1 - a) Q)."""
    total = sum(q)
    return sum(alpha * (i - v) / ((1 - alpha) * total) for i, v in zip(incomes, q))


@settings(max_examples=100, deadline=None, database=None)
@given(st.lists(st.floats(5.0, 10.0), min_size=2, max_size=6), st.floats(0.1, 0.9))
def test_planner_meets_samuelson_when_every_ally_pays(incomes, alpha):
    # theta = 1 and similar incomes: the planner has every ally contribute, and then the
    # first-order conditions give sum MRS = 1 (the chapter's "Beyond the basic model" box).
    q = efficient_contributions(incomes, alpha, 1.0)
    if min(q) > 0:
        assert sum_mrs(incomes, q, alpha) == pytest.approx(1.0, rel=1e-9)


def test_planner_misses_samuelson_when_only_the_richest_pays():
    # The widget's saved alliance (100, 50, 20; a = 0.2; theta = 1): only Ally A pays in the
    # plan, because the planner cannot move income between allies, and sum MRS is below 1.
    q = efficient_contributions([100, 50, 20], 0.2, 1.0)
    assert q[1] == q[2] == 0.0
    assert sum_mrs([100, 50, 20], q, 0.2) < 0.95


def test_no_gap_without_spillovers():
    # theta = 0: nobody benefits from others, so equilibrium is efficient: total = 0.4*(2+6) = 3.2
    result = burden_sharing([2, 6], 0.4, 0.0)
    assert result.total == pytest.approx(3.2)
    assert result.efficient_total == pytest.approx(3.2)
    assert result.gap == pytest.approx(0.0, abs=1e-9)


def test_pure_public_good_is_underprovided():
    # two equal allies, a = 0.5, I = 10: Nash q = 5/1.5 each -> total 20/3 ~ 6.67; efficient 0.5*20 = 10
    result = burden_sharing([10, 10], 0.5, 1.0)
    assert result.total == pytest.approx(20 / 3)
    assert result.efficient_total == pytest.approx(10.0)
    assert result.gap == pytest.approx(10 - 20 / 3)


# ---------------------------------------------------------------- threshold


def test_free_riding_threshold_hand_worked():
    # I = (10, 5), a = 0.3: theta* = (5/10) / 0.7 = 0.714285...
    result = free_riding_threshold(10, 5, 0.3)
    assert result.theta_star == pytest.approx(0.5 / 0.7)
    assert result.in_range
    assert free_riding_threshold(5, 10, 0.3).theta_star == pytest.approx(0.5 / 0.7)  # order irrelevant
    at = nash_contributions([10, 5], 0.3, result.theta_star)
    below = nash_contributions([10, 5], 0.3, result.theta_star - 0.01)
    above = nash_contributions([10, 5], 0.3, min(1.0, result.theta_star + 0.01))
    assert at[1] == 0.0 and above[1] == 0.0
    assert below[1] > 0.0
    assert "0.71" in result.explanation


def test_stopping_publicness_hand_worked():
    # I = (100, 55, 25), a = 0.3. Ally B stops when only A still pays: theta* = (55/100)/0.7
    # = 0.7857; Ally C stops while A and B pay: beta* = 25 / (155 - 25) = 0.1923, theta* = 0.2747.
    # The richest never stops.
    theta = stopping_publicness([100, 55, 25], 0.3)
    assert theta == pytest.approx((float("inf"), 0.55 / 0.7, (25 / 130) / 0.7))
    # Ally C at 80 is now richer than B and still pays when B stops: beta* = 55 / (180 - 55) = 0.44.
    theta = stopping_publicness([100, 55, 80], 0.3)
    assert theta == pytest.approx((float("inf"), 0.44 / 0.7, 0.8 / 0.7))
    assert stopping_publicness([100, 55], 0.3)[1] == pytest.approx(free_riding_threshold(100, 55, 0.3).theta_star)


@settings(max_examples=150, deadline=None, database=None)
@given(st.lists(st.floats(1.0, 100.0), min_size=2, max_size=6, unique=True), st.floats(0.05, 0.6))
def test_stopping_publicness_matches_the_equilibrium(incomes, alpha):
    # Just below theta* the ally pays, at theta* it pays nothing: checked against the closed-form Nash.
    for i, t in enumerate(stopping_publicness(incomes, alpha)):
        if t < 1 - 1e-6 and t > 1e-6:
            assert nash_contributions(incomes, alpha, t * (1 - 1e-6))[i] > 0
            assert nash_contributions(incomes, alpha, t)[i] == pytest.approx(0.0, abs=1e-9 * max(incomes))
            assert nash_contributions(incomes, alpha, min(1.0, t * (1 + 1e-3)))[i] == 0.0


def test_similar_allies_never_free_ride():
    # I_small / I_large = 0.8 > 1 - a = 0.7: theta* = 0.8/0.7 > 1
    result = free_riding_threshold(10, 8, 0.3)
    assert result.theta_star == pytest.approx(0.8 / 0.7)
    assert not result.in_range
    assert nash_contributions([10, 8], 0.3, 1.0)[1] > 0
    assert "pure public good" in result.explanation


# ---------------------------------------------------------------- helpers and inputs


def test_utilities_hand_values():
    # I = (10, 6), q = (4, 1), a = 0.5. theta = 1: U1 = sqrt(6*5), U2 = sqrt(5*5) = 5.
    # theta = 0.5: Q1 = 4 + 0.5 = 4.5, Q2 = 1 + 2 = 3: U1 = sqrt(6*4.5), U2 = sqrt(5*3).
    assert utilities([10, 6], [4, 1], 0.5, 1.0) == pytest.approx([30**0.5, 5.0])
    assert utilities([10, 6], [4, 1], 0.5, 0.5) == pytest.approx([27**0.5, 15**0.5])


def test_result_table():
    result = burden_sharing([10, 5, 2], 0.3, 1.0, names=["Big", "Mid", "Small"])
    assert isinstance(result, BurdenSharingResult)
    frame = result.as_frame()
    assert list(frame.index) == ["Big", "Mid", "Small"]
    assert list(frame["free_rider"]) == [False, True, True]
    assert frame.loc["Big", "defence"] == pytest.approx(3.0)
    assert free_riders([1.0, 0.0]) == ("Ally 2",)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: nash_contributions([10, 5], 0.0, 1), "strictly between 0 and 1"),
        (lambda: nash_contributions([10, 5], 1.0, 1), "strictly between 0 and 1"),
        (lambda: nash_contributions([10, 5], 0.3, 1.2), "probability between 0 and 1"),
        (lambda: nash_contributions([10, 0], 0.3, 1), "income of ally 2"),
        (lambda: nash_contributions([], 0.3, 1), "at least one ally"),
        (lambda: nash_contributions(10, 0.3, 1), "list of positive numbers"),
        (lambda: burden_sharing([10, 5], 0.3, 1, names=["A"]), "one per income"),
        (lambda: burden_sharing([10, 5], 0.3, 1, names=["A", "A"]), "different names"),
        (
            lambda: utilities([10, 5], [11, 1], 0.3, 1),
            r"ally 1 cannot spend more on defence \(11\) than its income \(10\)",
        ),
        (lambda: utilities([10, 5], [1], 0.3, 1), "one contribution per ally"),
        (lambda: best_response(10, -1, 0.3, 1), "cannot be negative"),
        (lambda: free_riding_threshold(10, 5, 1.5), "strictly between 0 and 1"),
    ],
)
def test_bad_inputs_are_explained(call, message):
    with pytest.raises(InputError, match=message):
        call()


# ---------------------------------------------------------------- the stdlib port against numpy and scipy (the oracle)


def numpy_nash(incomes, alpha, theta):
    """The closed form as it was written with numpy (before the live-site port)."""
    inc, a, t = np.asarray(incomes, float), alpha, theta
    beta = (1.0 - a) * t
    order = np.argsort(-inc, kind="stable")
    rich = inc[order]
    k = np.arange(1, rich.size + 1)
    totals = a * np.cumsum(rich) / (1.0 + (k - 1) * beta)
    stop = np.append(a * rich[1:] <= beta * totals[:-1] * (1 + 1e-12), True)
    k = int(np.argmax(stop)) + 1
    q = np.zeros_like(inc)
    q[order[:k]] = np.maximum(0.0, (a * rich[:k] - beta * totals[k - 1]) / (1.0 - beta))
    return q


def numpy_efficient(incomes, alpha, theta):
    """The planner as it was written with numpy and scipy's brentq."""
    inc, a, t = np.asarray(incomes, float), alpha, theta

    def given_ratio(z):
        c = 1.0 - t + z
        order = np.argsort(-inc, kind="stable")
        rich = inc[order]
        k = np.arange(1, rich.size + 1)
        totals = z * np.cumsum(rich) / (c + k * t)
        stop = np.append(z * rich[1:] <= t * totals[:-1] * (1 + 1e-12), True)
        k = int(np.argmax(stop)) + 1
        q = np.zeros_like(inc)
        q[order[:k]] = np.maximum(0.0, (z * rich[:k] - t * totals[k - 1]) / c)
        return q

    def condition(z):
        q = given_ratio(z)
        ratio = ((1.0 - t) * q + t * q.sum()) / (inc - q)
        return (1.0 - a) * z - a * (1.0 - t) - a * t * np.sum((z / ratio) ** (1.0 - a))

    z_high = 2.0 * a * (1.0 + t * (inc.size - 1)) / (1.0 - a)
    return given_ratio(scipy_brentq(condition, 1e-12 * z_high, z_high, xtol=1e-15, rtol=1e-14))


@settings(max_examples=300, deadline=None, database=None)
@given(incomes_st, alpha_st, theta_st)
def test_stdlib_models_match_the_numpy_oracle(incomes, alpha, theta):
    assert list(nash_contributions(incomes, alpha, theta)) == numpy_nash(incomes, alpha, theta).tolist()  # same steps
    expected = numpy_efficient(incomes, alpha, theta)
    assert efficient_contributions(incomes, alpha, theta) == pytest.approx(expected.tolist(), rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("incomes", [(100, 50, 20), (100, 50), (5, 95, 40), (100, 100, 100), (35, 80, 60)])
@pytest.mark.parametrize("alpha", [0.05, 0.2, 0.35, 0.5])
@pytest.mark.parametrize("theta", [0.0, 0.25, 0.5, 0.75, 1.0])
def test_the_widgets_settings_match_the_numpy_oracle(incomes, alpha, theta):
    result = burden_sharing(incomes, alpha, theta)
    assert result.total == pytest.approx(numpy_nash(incomes, alpha, theta).sum(), rel=1e-15)
    assert result.efficient_total == pytest.approx(numpy_efficient(incomes, alpha, theta).sum(), rel=1e-13)


@pytest.mark.parametrize(
    "f, a, b",
    [
        (lambda x: x**3 - 2 * x - 5, 2, 3),
        (lambda x: np.cos(x) - x, 0, 1),
        (lambda x: x - 1e-9, 0, 1),
        (lambda x: np.exp(x) - 10, -5, 5),
        (lambda x: (x - 0.3) ** 3, 0, 1),
        (lambda x: np.tanh(20 * (x - 0.7)), 0, 1),
    ],
)
def test_brent_matches_scipy(f, a, b):
    for xtol, rtol in ((2e-12, 8.881784197001252e-16), (1e-15, 1e-14), (1e-6, 1e-6)):
        expected = scipy_brentq(f, a, b, xtol=xtol, rtol=rtol, maxiter=500)
        found = brentq(lambda x: float(f(x)), a, b, xtol=xtol, rtol=rtol, maxiter=500)
        assert found == expected  # the same steps as scipy's C routine: the same float
    with pytest.raises(ValueError, match="different signs"):
        brentq(lambda x: x * x + 1, -1, 1)
