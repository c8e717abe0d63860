"""Burden sharing: the public-goods theory of alliances.

Why: Olson and Zeckhauser (1966) argued that allies under-provide a shared
defence and that the small free ride on the large (the "exploitation
hypothesis"). Sandler's *joint-product* model qualifies this: when part of what a
state buys protects only itself, free riding weakens. This module computes both.

Model. n allies with incomes I_i > 0 each choose their own defence q_i ≥ 0 and
consume the rest, x_i = I_i − q_i. Ally i is protected by

    Q_i = q_i + θ·S_−i,     S_−i = Σ_{j≠i} q_j,

where θ in [0, 1] is the degree of publicness (θ = 1: pure public good; θ = 0:
purely private). Utility is Cobb-Douglas, U_i = x_i^(1−α) · Q_i^α, α in (0, 1)
(α is the share of income a state alone would spend on defence).

Best response. d ln U_i / d q_i = −(1−α)/(I_i − q_i) + α/(q_i + θ·S_−i) = 0 gives
α(I_i − q_i) = (1−α)(q_i + θ·S_−i), i.e.

    q_i = max(0, α·I_i − β·S_−i),     β = (1−α)·θ < 1,

the max because ln U_i is concave in q_i.

Nash equilibrium. If the contributors are the set P (k states), summing
q_i = α·I_i − β(S − q_i) over P gives S = α·Σ_P I_i / (1 + (k−1)·β) and
q_i = (α·I_i − β·S)/(1 − β). A state contributes iff α·I_i > β·S, so P is always the
k richest allies; we try k = 1, 2, ... and stop at the first k for which the next
richest would not contribute. The equilibrium is unique (the best responses form a
linear complementarity problem with a positive-definite matrix).

Efficient total. The total chosen by an equal-weight utilitarian planner who sets
every ally's contribution to maximise Σ U_i, each ally paying from its own income
(no transfers between allies). Its allocation is Pareto efficient among such
no-transfer allocations. It is found from the first-order conditions with a
one-dimensional root search (see :func:`efficient_contributions`). For
θ = 1 and equal incomes it is α·Σ I_i, which is also the Samuelson level
(Σ MRS = 1 with MRS_i = α·x_i / ((1−α)·Q) gives Q = α·Σ I_i).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import brentq

from widgets.models.inputs import InputError, count, non_negative, number, positive, probability


def _alpha(alpha) -> float:
    a = number("alpha (the share of income a state alone spends on defence)", alpha)
    if not 0.0 < a < 1.0:
        raise InputError(
            f"alpha (the share of income a state alone spends on defence) must be strictly between 0 and 1; got {a:g}."
        )
    return a


def _incomes(incomes) -> np.ndarray:
    if isinstance(incomes, (str, bytes)) or not hasattr(incomes, "__iter__"):
        raise InputError(f"incomes must be a list of positive numbers, one per ally; got {incomes!r}.")
    values = [positive(f"the income of ally {i + 1}", v) for i, v in enumerate(incomes)]
    if not values:
        raise InputError("incomes is empty: an alliance needs at least one ally.")
    return np.array(values, dtype=float)


def _names(names, n: int) -> tuple[str, ...]:
    if names is None:
        return tuple(f"Ally {i + 1}" for i in range(n))
    out = tuple(str(v) for v in names)
    if len(out) != n or len(set(out)) != n:
        raise InputError(f"names must be {n} different names, one per income; got {list(out)}.")
    return out


def best_response(income: float, others_total: float, alpha: float, theta: float) -> float:
    """An ally's own defence, given the total the others buy: max(0, α·I − (1−α)·θ·S_−i)."""
    i = positive("income", income)
    s = non_negative("the others' total defence", others_total)
    a, t = _alpha(alpha), probability("publicness theta", theta)
    return max(0.0, a * i - (1.0 - a) * t * s)


def utilities(incomes: Sequence[float], contributions: Sequence[float], alpha: float, theta: float) -> np.ndarray:
    """U_i = (I_i − q_i)^(1−α) · (q_i + θ·S_−i)^α for each ally."""
    inc, a, t = _incomes(incomes), _alpha(alpha), probability("publicness theta", theta)
    q = np.array([non_negative(f"the defence of ally {i + 1}", v) for i, v in enumerate(contributions)])
    if q.shape != inc.shape:
        raise InputError(f"need one contribution per ally ({inc.size}); got {q.size}.")
    over = np.flatnonzero(q > inc)
    if over.size:
        i = over[0]
        raise InputError(f"ally {i + 1} cannot spend more on defence ({q[i]:g}) than its income ({inc[i]:g}).")
    return _utilities(inc, q, a, t)


def _utilities(inc, q, a, t):
    protection = (1.0 - t) * q + t * q.sum()  # = q_i + θ·S_−i
    return (inc - q) ** (1.0 - a) * protection**a


def nash_contributions(incomes: Sequence[float], alpha: float, theta: float) -> np.ndarray:
    """Each ally's equilibrium defence, from the closed form over the k richest allies."""
    inc, a, t = _incomes(incomes), _alpha(alpha), probability("publicness theta", theta)
    return _nash(inc, a, t)


def _nash(inc, a, t):
    beta = (1.0 - a) * t
    order = np.argsort(-inc, kind="stable")
    rich = inc[order]
    k = np.arange(1, rich.size + 1)
    totals = a * np.cumsum(rich) / (1.0 + (k - 1) * beta)  # S if the k richest contribute
    # Stop at the first k for which the next richest would not contribute.
    stop = np.append(a * rich[1:] <= beta * totals[:-1] * (1 + 1e-12), True)
    k = int(np.argmax(stop)) + 1
    q = np.zeros_like(inc)
    q[order[:k]] = np.maximum(0.0, (a * rich[:k] - beta * totals[k - 1]) / (1.0 - beta))
    return q


@dataclass(frozen=True, eq=False)  # holds a numpy array, which has no single truth value
class IterationResult:
    """Result of repeated best responses: contributions, sweeps used, and whether they settled."""

    contributions: np.ndarray
    sweeps: int
    converged: bool


def best_response_iteration(
    incomes: Sequence[float],
    alpha: float,
    theta: float,
    start: Sequence[float] | None = None,
    tol: float = 1e-12,
    max_sweeps: int = 100_000,
) -> IterationResult:
    """Let allies best-respond one after another until nobody wants to change.

    Why: a brute-force check of the closed form, and a picture of how states adjust.
    Allies move in turn (Gauss-Seidel), which always converges here; moving all at
    once can oscillate when β·(n−1) > 1. ``tol`` is relative to the largest income.
    """
    inc, a, t = _incomes(incomes), _alpha(alpha), probability("publicness theta", theta)
    q = np.zeros_like(inc) if start is None else np.array([non_negative("start", v) for v in start])
    if q.shape != inc.shape:
        raise InputError(f"start needs one value per ally ({inc.size}); got {q.size}.")
    tol = positive("the tolerance tol", tol)
    sweeps = count("max_sweeps", max_sweeps)
    beta, scale = (1.0 - a) * t, inc.max()
    total = q.sum()
    for sweep in range(1, sweeps + 1):
        change = 0.0
        for i in range(inc.size):
            new = max(0.0, a * inc[i] - beta * (total - q[i]))
            change = max(change, abs(new - q[i]))
            total += new - q[i]
            q[i] = new
        if change <= tol * scale:
            return IterationResult(q, sweep, True)
    return IterationResult(q, sweeps, False)


def efficient_contributions(incomes: Sequence[float], alpha: float, theta: float) -> np.ndarray:
    """Contributions maximising Σ U_i with no transfers (see the module docstring).

    How. Write z_i = Q_i / x_i. The first-order condition for q_i > 0 is
    g(z_i) = θ·α·Σ_j z_j^(α−1) with g(z) = (1−α)·z^α − (1−θ)·α·z^(α−1), and g is
    increasing, so all contributors share one ratio z, while a non-contributor has
    z_i = θ·S / I_i ≥ z. For a given z the contributions follow in closed form
    (:func:`_planner_given_ratio`); z itself is the root of the first-order
    condition, found with scipy's brentq. Because Σ U_i is concave, this
    first-order point is the optimum.
    """
    inc, a, t = _incomes(incomes), _alpha(alpha), probability("publicness theta", theta)
    return _efficient(inc, a, t)


def _planner_given_ratio(inc, z, t):
    """Contributions if every contributor gets protection/consumption = z.

    From (1−θ)·q_i + θ·S = z·(I_i − q_i): q_i = (z·I_i − θ·S) / (1 − θ + z); as in
    the Nash case the contributors are the k richest, found by the same scan.
    """
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


def _efficient(inc, a, t):
    def condition(z):  # the first-order condition, multiplied by z^(1−α) > 0
        q = _planner_given_ratio(inc, z, t)
        ratio = ((1.0 - t) * q + t * q.sum()) / (inc - q)  # z_i = Q_i / x_i
        return (1.0 - a) * z - a * (1.0 - t) - a * t * np.sum((z / ratio) ** (1.0 - a))

    # condition < 0 as z -> 0, and > 0 at z_high because each (z / z_i)^(1−α) ≤ 1.
    z_high = 2.0 * a * (1.0 + t * (inc.size - 1)) / (1.0 - a)
    z = brentq(condition, 1e-12 * z_high, z_high, xtol=1e-15, rtol=1e-14)
    return _planner_given_ratio(inc, z, t)


def free_riders(contributions: Sequence[float], names: Sequence[str] | None = None) -> tuple[str, ...]:
    """Names of allies buying no defence (q_i = 0)."""
    q = np.asarray(contributions, dtype=float)
    return tuple(n for n, v in zip(_names(names, q.size), q) if v == 0.0)


@dataclass(frozen=True)
class BurdenSharingResult:
    """Equilibrium versus efficient defence for one alliance.

    ``burden`` is q_i / I_i (share of income spent on defence); ``gap`` is
    efficient total − equilibrium total (the under-provision).
    """

    names: tuple[str, ...]
    incomes: tuple[float, ...]
    contributions: tuple[float, ...]
    burden: tuple[float, ...]
    free_riders: tuple[str, ...]
    total: float
    efficient_total: float
    gap: float

    def as_frame(self) -> pd.DataFrame:
        """One row per ally: income, defence, burden, free rider?"""
        return pd.DataFrame(
            {
                "income": self.incomes,
                "defence": self.contributions,
                "burden": self.burden,
                "free_rider": [n in self.free_riders for n in self.names],
            },
            index=pd.Index(self.names, name="ally"),
        )


def burden_sharing(
    incomes: Sequence[float], alpha: float, theta: float, names: Sequence[str] | None = None
) -> BurdenSharingResult:
    """Equilibrium contributions, burdens, free riders and the under-provision gap."""
    inc, a, t = _incomes(incomes), _alpha(alpha), probability("publicness theta", theta)
    labels = _names(names, inc.size)
    q = _nash(inc, a, t)
    efficient = float(_efficient(inc, a, t).sum())
    total = float(q.sum())
    return BurdenSharingResult(
        names=labels,
        incomes=tuple(inc.tolist()),
        contributions=tuple(q.tolist()),
        burden=tuple((q / inc).tolist()),
        free_riders=free_riders(q, labels),
        total=total,
        efficient_total=efficient,
        gap=efficient - total,
    )


@dataclass(frozen=True)
class FreeRidingThresholdResult:
    """The publicness θ* at which the smaller of two allies stops contributing.

    The smaller ally contributes iff θ < θ*. ``in_range`` is False when θ* > 1:
    then it contributes for every θ in [0, 1].
    """

    theta_star: float
    in_range: bool
    explanation: str


def free_riding_threshold(income_a: float, income_b: float, alpha: float) -> FreeRidingThresholdResult:
    """θ* = (I_small / I_large) / (1 − α) for two allies.

    Derivation: with only the larger ally contributing, it buys α·I_large; the
    smaller one's best response α·I_small − (1−α)·θ·α·I_large is ≤ 0 exactly when
    θ ≥ (I_small / I_large) / (1 − α).
    """
    i1, i2 = positive("the first ally's income", income_a), positive("the second ally's income", income_b)
    a = _alpha(alpha)
    large, small = max(i1, i2), min(i1, i2)
    ratio = small / large
    theta_star = ratio / (1.0 - a)
    if theta_star <= 1.0:
        text = (
            f"The smaller ally has {ratio:.0%} of the larger one's income. It keeps buying defence "
            f"while publicness θ is below {theta_star:.2f} and free rides from there on."
        )
    else:
        text = (
            f"The smaller ally has {ratio:.0%} of the larger one's income, more than 1 − α = {1 - a:.2f}, "
            "so it keeps buying some defence even when defence is a pure public good (θ = 1)."
        )
    return FreeRidingThresholdResult(theta_star, theta_star <= 1.0, text)
