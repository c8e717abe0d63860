"""Tests for the Richardson arms-race model: closed forms worked by hand."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.integrate import solve_ivp
from scipy.linalg import expm as scipy_expm

from widgets.models.inputs import InputError
from widgets.models.richardson import (
    NullclineRelation,
    RaceKind,
    RichardsonParams,
    classify,
    equilibrium,
    nullclines,
    expm,
    simulate,
)


# ---------------------------------------------------------------- equilibrium


def test_symmetric_stable_equilibrium_by_hand():
    # k = l = 0.5, a = b = 1, g = h = 1: a·b − k·l = 1 − 0.25 = 0.75
    # x* = (b·g + k·h)/0.75 = (1 + 0.5)/0.75 = 2,  y* = (a·h + l·g)/0.75 = 2
    # eigenvalues (−(a+b) ± √((a−b)² + 4kl))/2 = (−2 ± 1)/2 = −0.5, −1.5
    eq = equilibrium(0.5, 0.5, 1, 1, 1, 1)
    assert eq.unique and eq.stable and eq.in_positive_quadrant
    assert eq.x == pytest.approx(2.0) and eq.y == pytest.approx(2.0)
    assert eq.determinant == pytest.approx(0.75)
    assert eq.eigenvalues == pytest.approx((-0.5, -1.5))
    assert eq.nullclines == "intersect"
    assert "Stable" in eq.explanation and "eigenvalues" in eq.explanation


def test_asymmetric_equilibrium_by_hand():
    # k=1, l=2, a=3, b=4, g=5, h=−1: det = 12 − 2 = 10
    # x* = (4·5 + 1·(−1))/10 = 19/10 = 1.9;  y* = (3·(−1) + 2·5)/10 = 7/10 = 0.7
    # check: dx/dt = 1·0.7 − 3·1.9 + 5 = 0;  dy/dt = 2·1.9 − 4·0.7 − 1 = 0
    eq = equilibrium(1, 2, 3, 4, 5, -1)
    assert (eq.x, eq.y) == pytest.approx((1.9, 0.7))
    assert eq.stable
    # eigenvalues (−7 ± √(1 + 8))/2 = −2, −5
    assert eq.eigenvalues == pytest.approx((-2.0, -5.0))


def test_unstable_equilibrium_is_negative_and_flagged():
    # k = l = 2, a = b = 1, g = h = 1: det = 1 − 4 = −3, x* = y* = (1 + 2)/(−3) = −1
    # eigenvalues (−2 ± √16)/2 = 1, −3 → unstable
    eq = equilibrium(2, 2, 1, 1, 1, 1)
    assert eq.unique and not eq.stable
    assert (eq.x, eq.y) == pytest.approx((-1.0, -1.0))
    assert eq.eigenvalues == pytest.approx((1.0, -3.0))
    assert eq.in_positive_quadrant is False
    assert "Unstable" in eq.explanation
    assert "disarmament below zero is impossible" in eq.explanation


def test_stable_but_negative_equilibrium_flagged():
    # goodwill g = h = −1 with k = l = 0.5, a = b = 1: x* = y* = (−1 − 0.5)/0.75 = −2
    eq = equilibrium(0.5, 0.5, 1, 1, -1, -1)
    assert eq.stable and eq.in_positive_quadrant is False
    assert eq.x == pytest.approx(-2.0)
    assert "negative" in eq.explanation


def test_coinciding_nullclines():
    # k=l=a=b=1: x-nullcline y = x − g = x − 1, y-nullcline y = x + h = x − 1 → same line
    eq = equilibrium(1, 1, 1, 1, 1, -1)
    assert not eq.unique and eq.x is None and eq.y is None
    assert eq.nullclines == "coincide" and not eq.stable
    assert eq.in_positive_quadrant is None
    assert "line of equilibria" in eq.explanation
    assert eq.eigenvalues == pytest.approx((0.0, -2.0))


def test_parallel_nullclines():
    # y = x − 1 and y = x + 1: parallel, never meet
    eq = equilibrium(1, 1, 1, 1, 1, 1)
    assert not eq.unique and eq.nullclines == "parallel"
    assert "parallel" in eq.explanation and "no equilibrium" in eq.explanation


def test_near_equal_products_are_treated_as_equal():
    # a·b = 0.05·0.45 and k·l = 0.15·0.15 are both 0.0225 on paper, but differ in the
    # last bit in floating point; that must not produce a huge bogus equilibrium.
    assert 0.05 * 0.45 != 0.15 * 0.15
    eq = equilibrium(0.15, 0.15, 0.05, 0.45, 1, 1)
    assert not eq.unique and eq.x is None


def test_all_zero_reactions():
    # dx/dt = g, dy/dt = h: with g = h = 0 nothing moves, otherwise constant drift
    assert equilibrium(0, 0, 0, 0, 0, 0).nullclines == "coincide"
    assert equilibrium(0, 0, 0, 0, 1, 0).nullclines == "parallel"


@pytest.mark.parametrize(
    "args, word",
    [
        ((-1, 1, 1, 1, 0, 0), "k"),
        ((1, -0.1, 1, 1, 0, 0), "l"),
        ((1, 1, -2, 1, 0, 0), "a"),
        ((1, 1, 1, float("nan"), 0, 0), "b"),
        ((1, 1, 1, 1, "lots", 0), "g"),
        ((1, 1, 1, 1, 0, float("inf")), "h"),
    ],
)
def test_bad_coefficients_rejected(args, word):
    with pytest.raises(InputError, match=rf"^{word} \("):
        equilibrium(*args)


# ------------------------------------------------------------------ simulate


def test_uncoupled_case_matches_hand_solution():
    # k = l = 0: x' = −a·x + g → x(t) = g/a + (x0 − g/a)e^{−at}
    # a = 2, g = 4, x0 = 5: x(t) = 2 + 3e^{−2t};  b = 1, h = −1, y0 = 3: y(t) = −1 + 4e^{−t}
    tr = simulate(RichardsonParams(0, 0, 2, 1, 4, -1), 5, 3, 5, 101)
    assert tr.t[0] == 0 and tr.t[-1] == pytest.approx(5) and len(tr.t) == 101
    t = np.array(tr.t)
    np.testing.assert_allclose(tr.x, 2 + 3 * np.exp(-2 * t), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(tr.y, -1 + 4 * np.exp(-t), rtol=1e-10, atol=1e-12)
    # y crosses zero at t = ln 4 ≈ 1.39 < 5: the linear model goes negative, and says so
    assert tr.negative and "below zero" in tr.note


def test_symmetric_case_reduces_to_scalar_ode():
    # a = b = 1, k = l = 0.5, g = h = 1, x0 = y0 = 5: x = y, so x' = 0.5x − x + 1 = −0.5x + 1
    # → x(t) = 2 + (5 − 2)e^{−t/2}
    tr = simulate({"k": 0.5, "l": 0.5, "a": 1, "b": 1, "g": 1, "h": 1}, 5, 5, 10, 51)
    np.testing.assert_allclose(tr.x, 2 + 3 * np.exp(-0.5 * np.array(tr.t)), rtol=1e-10)
    np.testing.assert_allclose(tr.y, tr.x, rtol=1e-12)
    assert not tr.negative and tr.note == ""


def test_symmetric_explosive_case():
    # a = b = 1, k = l = 2, g = h = 1, x0 = y0 = 1: x' = 2x − x + 1 = x + 1 → x(t) = −1 + 2e^{t}
    tr = simulate(RichardsonParams(2, 2, 1, 1, 1, 1), 1, 1, 5, 41)
    np.testing.assert_allclose(tr.x, -1 + 2 * np.exp(np.array(tr.t)), rtol=1e-10)


def test_defective_matrix_case():
    # a = b = 1, k = 0, l = 1, g = h = 0: repeated eigenvalue −1 with one eigenvector.
    # x' = −x → x = x0 e^{−t};  y' = x − y → y = (y0 + x0·t)e^{−t}
    tr = simulate(RichardsonParams(0, 1, 1, 1, 0, 0), 2, 1, 6, 61)
    t = np.array(tr.t)
    np.testing.assert_allclose(tr.x, 2 * np.exp(-t), rtol=1e-10)
    np.testing.assert_allclose(tr.y, (1 + 2 * t) * np.exp(-t), rtol=1e-10)


def test_parallel_nullclines_give_steady_drift():
    # k=l=a=b=1, g=h=1, x0=y0=0: s = x+y has s' = 2, d = x−y has d' = −2d with d(0)=0,
    # so x = y = t: arms grow linearly for ever, no equilibrium
    tr = simulate(RichardsonParams(1, 1, 1, 1, 1, 1), 0, 0, 4, 9)
    np.testing.assert_allclose(tr.x, tr.t, atol=1e-12)
    np.testing.assert_allclose(tr.y, tr.t, atol=1e-12)


def test_stable_run_approaches_closed_form_equilibrium():
    # eigenvalues −2 and −5 (see above), so after t = 20 the gap is ~e^{−40}
    tr = simulate(RichardsonParams(1, 2, 3, 4, 5, -1), 10, 0, 20, 201)
    assert tr.x[-1] == pytest.approx(1.9, abs=1e-9)
    assert tr.y[-1] == pytest.approx(0.7, abs=1e-9)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    k=st.floats(0, 2),
    l=st.floats(0, 2),
    a=st.floats(0, 2),
    b=st.floats(0, 2),
    g=st.floats(-2, 2),
    h=st.floats(-2, 2),
    x0=st.floats(0, 5),
    y0=st.floats(0, 5),
)
def test_agrees_with_numerical_integration(k, l, a, b, g, h, x0, y0):
    # independent check: scipy's Runge–Kutta integrator with tight tolerances
    t_max = 3.0
    tr = simulate(RichardsonParams(k, l, a, b, g, h), x0, y0, t_max, 31)
    sol = solve_ivp(
        lambda t, z: [k * z[1] - a * z[0] + g, l * z[0] - b * z[1] + h],
        (0, t_max),
        [x0, y0],
        t_eval=tr.t,
        rtol=1e-10,
        atol=1e-10,
    )
    scale = 1 + np.abs(sol.y).max()
    np.testing.assert_allclose(tr.x, sol.y[0], atol=1e-7 * scale)
    np.testing.assert_allclose(tr.y, sol.y[1], atol=1e-7 * scale)


# ------------------------------------------- the standard-library port against scipy (the oracle)


def _scipy_simulate(p: RichardsonParams, x0, y0, t_max, n):
    """The model's former numpy/scipy code: exp(M·dt) by scipy.linalg.expm, powers by repeated squaring."""
    t = np.linspace(0.0, t_max, n)
    m = np.array([[-p.a, p.k, p.g], [p.l, -p.b, p.h], [0.0, 0.0, 0.0]])
    power, z = scipy_expm(m * (t[1] - t[0])), np.array([[x0], [y0], [1.0]])
    while z.shape[1] < n:
        z = np.hstack([z, power @ z])
        power = power @ power
    return t, z[0, :n], z[1, :n]


def test_expm_agrees_with_scipy():
    rng = np.random.default_rng(20)
    for _ in range(400):
        scale = 10 ** rng.uniform(-4, 1.5)  # norms from 1e-4 to about 100: no scaling, and many squarings
        m = rng.uniform(-3, 3, (3, 3)) * scale
        if rng.random() < 0.5:
            m[2] = 0.0  # the augmented matrix of the race
        expected = scipy_expm(m)
        np.testing.assert_allclose(expm(m.tolist()), expected, rtol=1e-10, atol=1e-12 * np.abs(expected).max())
    assert expm([[0.0, 0.0], [0.0, 0.0]]) == [[1.0, 0.0], [0.0, 1.0]]
    # a nilpotent matrix: exp([[0, 1], [0, 0]]) = [[1, 1], [0, 1]] exactly
    assert expm([[0.0, 1.0], [0.0, 0.0]]) == [[1.0, 1.0], [0.0, 1.0]]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    k=st.floats(0, 1),
    l=st.floats(0, 1),
    a=st.floats(0, 1),
    b=st.floats(0, 1),
    g=st.floats(-2, 2),
    h=st.floats(-2, 2),
    x0=st.floats(0, 20),
    y0=st.floats(0, 20),
    n=st.sampled_from([2, 3, 31, 301]),
)
def test_simulate_agrees_with_the_scipy_version(k, l, a, b, g, h, x0, y0, n):
    # the widget's ranges (sliders 0-1 and −2-2, 30 years, 301 points) and a few other lengths
    p = RichardsonParams(k, l, a, b, g, h)
    tr = simulate(p, x0, y0, 30.0, n)
    t, x, y = _scipy_simulate(p, x0, y0, 30.0, n)
    assert list(tr.t) == t.tolist()  # the same times, bit for bit (numpy.linspace)
    scale = 1 + max(np.abs(x).max(), np.abs(y).max())
    np.testing.assert_allclose(tr.x, x, rtol=1e-9, atol=1e-11 * scale)
    np.testing.assert_allclose(tr.y, y, rtol=1e-9, atol=1e-11 * scale)
    assert tr.negative == bool((x < 0).any() or (y < 0).any()) or min(np.abs(x).min(), np.abs(y).min()) < 1e-9 * scale


def test_results_are_plain_tuples():
    tr = simulate(RichardsonParams(0.5, 0.5, 1, 1, 1, 1), 1, 2, 3, 4)
    assert all(type(v) is tuple for v in (tr.t, tr.x, tr.y)) and all(type(v) is float for v in tr.x)
    nc = nullclines(RichardsonParams(0.5, 0.5, 1, 1, 1, 1), (0, 4))
    assert type(nc.x_nullcline.x) is tuple and type(nc.y_nullcline.y) is tuple


def test_overflow_is_refused_not_returned():
    # a = b = 0, k = l = 10: growth like e^{10t}; e^{10·1000} is far beyond 1e308
    with pytest.raises(InputError, match="shorter time span"):
        simulate(RichardsonParams(10, 10, 0, 0, 1, 1), 1, 1, 1000, 101)


@pytest.mark.parametrize(
    "x0, y0, t_max, n, word",
    [(-1, 0, 10, 11, "x0"), (0, -1, 10, 11, "y0"), (0, 0, 0, 11, "t_max"), (0, 0, 10, 1, "n"), (0, 0, 10, 2.5, "n")],
)
def test_simulate_bad_inputs(x0, y0, t_max, n, word):
    with pytest.raises(InputError, match=rf"^{word}"):
        simulate(RichardsonParams(0.5, 0.5, 1, 1, 1, 1), x0, y0, t_max, n)


def test_params_must_be_params_or_mapping():
    with pytest.raises(InputError, match="RichardsonParams"):
        simulate([0.5, 0.5, 1, 1, 1, 1], 0, 0, 1, 11)
    with pytest.raises(InputError, match="keys k, l, a, b"):
        simulate({"k": 1, "l": 1, "alpha": 1, "b": 1}, 0, 0, 1, 11)


# ------------------------------------------------------------------ classify


def test_classify_stable_race():
    assert classify(RichardsonParams(0.5, 0.5, 1, 1, 1, 1)).label == "stable race"


def test_classify_disarmament_when_stable_with_goodwill():
    # equilibrium (−2, −2), stable → both run down to zero
    assert classify(RichardsonParams(0.5, 0.5, 1, 1, -1, -1)).label == "disarmament"


def test_classify_stable_one_side_disarms():
    # k = l = 0, a = b = 1: x* = g = 1, y* = h = −1
    c = classify(RichardsonParams(0, 0, 1, 1, 1, -1))
    assert c.label == "stable, one side disarms"


def test_classify_runaway_with_grievances():
    # unstable with equilibrium (−1, −1) below zero: any non-negative start explodes
    c = classify(RichardsonParams(2, 2, 1, 1, 1, 1))
    assert c.label == "runaway race (explosive)"
    assert "k·l > a·b" in c.reason


def test_classify_unstable_with_positive_equilibrium_depends_on_start():
    # k = l = 2, a = b = 1, g = h = −1: x* = y* = (−1 − 2)/(−3) = 1.
    # On the diagonal x' = x − 1 → x = 1 + (x0 − 1)e^{t}: above 1 explodes, below collapses.
    p = RichardsonParams(2, 2, 1, 1, -1, -1)
    assert classify(p).label == "unstable: runaway or disarmament"
    assert classify(p, 2, 2).label == "runaway race (explosive)"
    assert classify(p, 0.5, 0.5).label == "disarmament"
    assert classify(p, 1, 1).label.startswith("knife-edge")


def test_every_kind_of_race_is_a_str_enum_member_that_compares_as_its_text():
    # one hand-worked case per kind (the tests above give the reasons)
    unstable = RichardsonParams(2, 2, 1, 1, -1, -1)  # tipping point at x* = y* = 1
    cases = {
        RaceKind.STABLE: classify(RichardsonParams(0.5, 0.5, 1, 1, 1, 1)),
        RaceKind.DISARMAMENT: classify(unstable, 0.5, 0.5),
        RaceKind.ONE_SIDE_DISARMS: classify(RichardsonParams(0, 0, 1, 1, 1, -1)),
        RaceKind.RUNAWAY: classify(RichardsonParams(2, 2, 1, 1, 1, 1)),
        RaceKind.TIPPING_POINT: classify(unstable),
        RaceKind.ON_THE_TIPPING_POINT: classify(unstable, 1, 1),
        RaceKind.NO_UNIQUE_EQUILIBRIUM: classify(RichardsonParams(1, 1, 1, 1, 1, 1)),
    }
    assert set(cases) == set(RaceKind)  # no kind left unreached
    for kind, result in cases.items():
        assert result.label is kind and isinstance(result.label, str)
    assert RaceKind.ON_THE_TIPPING_POINT == "knife-edge (balanced on the tipping point)"
    assert f"{RaceKind.STABLE}" == "stable race"  # what a sentence shows
    assert equilibrium(0.5, 0.5, 1, 1, 1, 1).nullclines is NullclineRelation.INTERSECT
    assert equilibrium(1, 1, 1, 1, 1, 1).nullclines is NullclineRelation.PARALLEL


@pytest.mark.parametrize("x0, y0", [(2, 1.5), (3, 0.5), (1, 1.5), (2.5, 0.2), (3, 0)])
def test_classify_agrees_with_simulated_outcome(x0, y0):
    # k=2, l=1, a=0.5, b=1, g=h=−1: det = 0.5 − 2 = −1.5,
    # x* = (1·(−1) + 2·(−1))/(−1.5) = 2, y* = (0.5·(−1) + 1·(−1))/(−1.5) = 1.
    # The tipping line is not simply "both above" or "both below" the equilibrium
    # ((3, 0.5) runs away, (3, 0) disarms), so compare the label with what the
    # trajectory actually does.
    p = RichardsonParams(2, 1, 0.5, 1, -1, -1)
    label = classify(p, x0, y0).label
    tr = simulate(p, x0, y0, 15, 301)
    if label == "runaway race (explosive)":
        assert tr.x[-1] > 100 and tr.y[-1] > 100
    else:
        assert label == "disarmament"
        assert min(tr.x) < 0 or min(tr.y) < 0


def test_classify_degenerate_and_bad_start():
    assert classify(RichardsonParams(1, 1, 1, 1, 1, 1)).label.startswith("knife-edge")
    with pytest.raises(InputError, match="both"):
        classify(RichardsonParams(2, 2, 1, 1, -1, -1), 1, None)
    # a negative start is refused even where it would not change the label
    with pytest.raises(InputError, match="^x0"):
        classify(RichardsonParams(0.5, 0.5, 1, 1, 1, 1), -1, 0)


# ---------------------------------------------------------------- nullclines


def test_nullclines_by_hand():
    # k = l = 0.5, a = b = 1, g = h = 1 over x in (0, 4):
    # x-nullcline y = (a·x − g)/k = 2x − 2 → (0, −2), (4, 6)
    # y-nullcline y = (l·x + h)/b = 0.5x + 1 → (0, 1), (4, 3); they meet at (2, 2)
    nc = nullclines(RichardsonParams(0.5, 0.5, 1, 1, 1, 1), (0, 4))
    np.testing.assert_allclose(nc.x_nullcline.x, [0, 4])
    np.testing.assert_allclose(nc.x_nullcline.y, [-2, 6])
    np.testing.assert_allclose(nc.y_nullcline.y, [1, 3])


def test_vertical_and_missing_nullclines():
    # k = 0, a = 2, g = 4: dx/dt = −2x + 4 = 0 at x = 2 (vertical line)
    # b = 0, l = 2, h = −2: dy/dt = 2x − 2 = 0 at x = 1 (vertical line)
    nc = nullclines(RichardsonParams(0, 2, 2, 0, 4, -2), (0, 5), (-1, 7))
    np.testing.assert_allclose(nc.x_nullcline.x, [2, 2])
    np.testing.assert_allclose(nc.x_nullcline.y, [-1, 7])
    np.testing.assert_allclose(nc.y_nullcline.x, [1, 1])
    # a = k = 0: dx/dt = g = 3 everywhere, so there is no x-nullcline
    nc = nullclines(RichardsonParams(0, 1, 0, 1, 3, 0), (0, 5))
    assert len(nc.x_nullcline.x) == 0 and "no nullcline" in nc.x_nullcline.description


def test_nullcline_range_checked():
    with pytest.raises(InputError, match="low < high"):
        nullclines(RichardsonParams(0.5, 0.5, 1, 1, 1, 1), (4, 0))
    with pytest.raises(InputError, match="pair"):
        nullclines(RichardsonParams(0.5, 0.5, 1, 1, 1, 1), 4)


def test_params_are_frozen_floats():
    p = RichardsonParams(1, "2", 3, 4)
    assert p.l == 2.0 and isinstance(p.l, float) and p.g == 0.0
    with pytest.raises(AttributeError):
        p.k = 5  # frozen
    assert math.isfinite(p.a)
