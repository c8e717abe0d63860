"""Burden sharing: the public-goods theory of alliances.

Why: Olson and Zeckhauser (1966) argued that allies under-provide a shared
defence and that the small free ride on the large (the "exploitation
hypothesis"). The *joint-product* model (surveyed by Sandler 1993) qualifies this:
one defence budget yields several outputs, some public to the alliance and some
private to the state that pays, which the state values separately. This module
does NOT compute the joint-product model. It computes a simpler spillover model,
in which an ally's own defence and a fraction θ of its allies' defence are perfect
substitutes inside one protection total Q_i. Lowering θ makes defence more
private and weakens free riding, but the model has no separate private output, so
it cannot show the joint-product results (for instance burdens that follow
benefits rather than size).

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

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from widgets.models.inputs import InputError, count, non_negative, number, positive, probability

if TYPE_CHECKING:
    import pandas as pd

# Standard library only: the live site runs this module in the browser. The tests keep
# numpy and scipy's brentq as the oracle (tests/test_models_public_goods.py).


def _alpha(alpha) -> float:
    a = number("alpha (the share of income a state alone spends on defence)", alpha)
    if not 0.0 < a < 1.0:
        raise InputError(
            f"alpha (the share of income a state alone spends on defence) must be strictly between 0 and 1; got {a:g}."
        )
    return a


def _incomes(incomes) -> tuple[float, ...]:
    if isinstance(incomes, (str, bytes)) or not hasattr(incomes, "__iter__"):
        raise InputError(f"incomes must be a list of positive numbers, one per ally; got {incomes!r}.")
    values = tuple(positive(f"the income of ally {i + 1}", v) for i, v in enumerate(incomes))
    if not values:
        raise InputError("incomes is empty: an alliance needs at least one ally.")
    return values


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


def utilities(
    incomes: Sequence[float], contributions: Sequence[float], alpha: float, theta: float
) -> tuple[float, ...]:
    """U_i = (I_i − q_i)^(1−α) · (q_i + θ·S_−i)^α for each ally."""
    inc, a, t = _incomes(incomes), _alpha(alpha), probability("publicness theta", theta)
    q = tuple(non_negative(f"the defence of ally {i + 1}", v) for i, v in enumerate(contributions))
    if len(q) != len(inc):
        raise InputError(f"need one contribution per ally ({len(inc)}); got {len(q)}.")
    for i, (spent, income) in enumerate(zip(q, inc)):
        if spent > income:
            raise InputError(f"ally {i + 1} cannot spend more on defence ({spent:g}) than its income ({income:g}).")
    return _utilities(inc, q, a, t)


def _utilities(inc, q, a, t):
    total = sum(q)
    # (1 − θ)·q_i + θ·S = q_i + θ·S_−i
    return tuple((i - v) ** (1.0 - a) * ((1.0 - t) * v + t * total) ** a for i, v in zip(inc, q))


def _richest_first(inc) -> list[int]:
    return sorted(range(len(inc)), key=lambda i: -inc[i])  # stable: equal incomes keep their order


def _contributors(inc, weight: float, scale: float, denominator):
    """The k richest contribute: the ordering, k, and S = weight·Σ_k I / denominator(k) over them."""
    order = _richest_first(inc)
    rich = [inc[i] for i in order]
    running, totals = 0.0, []
    for k, income in enumerate(rich, start=1):
        running += income
        totals.append(weight * running / denominator(k))  # S if the k richest contribute
    # Stop at the first k for which the next richest would not contribute.
    k = next(
        (k for k in range(1, len(rich)) if weight * rich[k] <= scale * totals[k - 1] * (1 + 1e-12)),
        len(rich),
    )
    return order, rich, k, totals[k - 1]


def nash_contributions(incomes: Sequence[float], alpha: float, theta: float) -> tuple[float, ...]:
    """Each ally's equilibrium defence, from the closed form over the k richest allies."""
    inc, a, t = _incomes(incomes), _alpha(alpha), probability("publicness theta", theta)
    return _nash(inc, a, t)


def _nash(inc, a, t):
    beta = (1.0 - a) * t
    order, rich, k, total = _contributors(inc, a, beta, lambda k: 1.0 + (k - 1) * beta)
    q = [0.0] * len(inc)
    for i, income in zip(order[:k], rich[:k]):
        q[i] = max(0.0, (a * income - beta * total) / (1.0 - beta))
    return tuple(q)


@dataclass(frozen=True)
class IterationResult:
    """Result of repeated best responses: contributions, sweeps used, and whether they settled."""

    contributions: tuple[float, ...]
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
    q = [0.0] * len(inc) if start is None else [non_negative("start", v) for v in start]
    if len(q) != len(inc):
        raise InputError(f"start needs one value per ally ({len(inc)}); got {len(q)}.")
    tol = positive("the tolerance tol", tol)
    sweeps = count("max_sweeps", max_sweeps)
    beta, scale = (1.0 - a) * t, max(inc)
    total = sum(q)
    for sweep in range(1, sweeps + 1):
        change = 0.0
        for i, income in enumerate(inc):
            new = max(0.0, a * income - beta * (total - q[i]))
            change = max(change, abs(new - q[i]))
            total += new - q[i]
            q[i] = new
        if change <= tol * scale:
            return IterationResult(tuple(q), sweep, True)
    return IterationResult(tuple(q), sweeps, False)


def efficient_contributions(incomes: Sequence[float], alpha: float, theta: float) -> tuple[float, ...]:
    """Contributions maximising Σ U_i with no transfers (see the module docstring).

    How. Write z_i = Q_i / x_i. The first-order condition for q_i > 0 is
    g(z_i) = θ·α·Σ_j z_j^(α−1) with g(z) = (1−α)·z^α − (1−θ)·α·z^(α−1), and g is
    increasing, so all contributors share one ratio z, while a non-contributor has
    z_i = θ·S / I_i ≥ z. For a given z the contributions follow in closed form
    (:func:`_planner_given_ratio`); z itself is the root of the first-order
    condition, found with Brent's method (:func:`brentq`). Because Σ U_i is
    concave, this first-order point is the optimum.
    """
    inc, a, t = _incomes(incomes), _alpha(alpha), probability("publicness theta", theta)
    return _efficient(inc, a, t)


def _planner_given_ratio(inc, z, t):
    """Contributions if every contributor gets protection/consumption = z.

    From (1−θ)·q_i + θ·S = z·(I_i − q_i): q_i = (z·I_i − θ·S) / (1 − θ + z); as in
    the Nash case the contributors are the k richest, found by the same scan.
    """
    c = 1.0 - t + z
    order, rich, k, total = _contributors(inc, z, t, lambda k: c + k * t)
    q = [0.0] * len(inc)
    for i, income in zip(order[:k], rich[:k]):
        q[i] = max(0.0, (z * income - t * total) / c)
    return tuple(q)


def brentq(f, xa: float, xb: float, xtol: float = 2e-12, rtol: float = 8.881784197001252e-16, maxiter: int = 100):
    """A root of ``f`` in [xa, xb] (f(xa), f(xb) of opposite signs), by Brent's method.

    The steps of scipy.optimize.brentq (its C routine), so the root agrees with it.
    """
    xpre, xcur = xa, xb
    xblk = fblk = spre = scur = 0.0
    fpre, fcur = f(xpre), f(xcur)
    if fpre * fcur > 0:
        raise ValueError("f(a) and f(b) must have different signs")
    if fpre == 0:
        return xpre
    if fcur == 0:
        return xcur
    for _ in range(maxiter):
        if fpre != 0 and fcur != 0 and (math.copysign(1, fpre) != math.copysign(1, fcur)):
            xblk, fblk = xpre, fpre
            spre = scur = xcur - xpre
        if abs(fblk) < abs(fcur):
            xpre, xcur, xblk = xcur, xblk, xcur
            fpre, fcur, fblk = fcur, fblk, fcur
        delta = (xtol + rtol * abs(xcur)) / 2
        sbis = (xblk - xcur) / 2
        if fcur == 0 or abs(sbis) < delta:
            return xcur
        if abs(spre) > delta and abs(fcur) < abs(fpre):
            if xpre == xblk:  # interpolate
                stry = -fcur * (xcur - xpre) / (fcur - fpre)
            else:  # extrapolate
                dpre = (fpre - fcur) / (xpre - xcur)
                dblk = (fblk - fcur) / (xblk - xcur)
                stry = -fcur * (fblk * dblk - fpre * dpre) / (dblk * dpre * (fblk - fpre))
            if 2 * abs(stry) < min(abs(spre), 3 * abs(sbis) - delta):  # good short step
                spre, scur = scur, stry
            else:  # bisect
                spre = scur = sbis
        else:  # bisect
            spre = scur = sbis
        xpre, fpre = xcur, fcur
        xcur += scur if abs(scur) > delta else (delta if sbis > 0 else -delta)
        fcur = f(xcur)
    raise ValueError(f"brentq did not converge in {maxiter} iterations")


def _efficient(inc, a, t):
    def condition(z):  # the first-order condition, multiplied by z^(1−α) > 0
        q = _planner_given_ratio(inc, z, t)
        total = sum(q)
        ratios = (((1.0 - t) * v + t * total) / (i - v) for i, v in zip(inc, q))  # z_i = Q_i / x_i
        return (1.0 - a) * z - a * (1.0 - t) - a * t * sum((z / r) ** (1.0 - a) for r in ratios)

    # condition < 0 as z -> 0, and > 0 at z_high because each (z / z_i)^(1−α) ≤ 1.
    z_high = 2.0 * a * (1.0 + t * (len(inc) - 1)) / (1.0 - a)
    z = brentq(condition, 1e-12 * z_high, z_high, xtol=1e-15, rtol=1e-14)
    return _planner_given_ratio(inc, z, t)


def free_riders(contributions: Sequence[float], names: Sequence[str] | None = None) -> tuple[str, ...]:
    """Names of allies buying no defence (q_i = 0)."""
    q = [float(v) for v in contributions]
    return tuple(n for n, v in zip(_names(names, len(q)), q) if v == 0.0)


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
        import pandas as pd  # only this notebook helper needs pandas; the live site never calls it

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
    labels = _names(names, len(inc))
    q = _nash(inc, a, t)
    efficient = sum(_efficient(inc, a, t))
    total = sum(q)
    return BurdenSharingResult(
        names=labels,
        incomes=inc,
        contributions=q,
        burden=tuple(v / i for v, i in zip(q, inc)),
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


def stopping_publicness(incomes: Sequence[float], alpha: float) -> tuple[float, ...]:
    """For each ally, the publicness θ at and above which it buys no defence (math.inf: never).

    The contributors are always the k richest allies, so as θ rises the allies stop in
    order of income, poorest first. Ally j, the m-th richest, stops when the m − 1 richer
    allies (the set P) still contribute and its best response reaches zero: with
    S = α·Σ_P I / (1 + (m−2)·β) from the module docstring, α·I_j = β·S gives

        β* = I_j / (Σ_P I − (m−2)·I_j),     θ* = β* / (1 − α).

    The poorer allies' incomes do not enter: they stopped earlier. For m = 2 this is
    :func:`free_riding_threshold`. The richest ally never stops (math.inf), nor does an
    ally whose θ* is above 1 (it is returned as computed, > 1). Allies of equal income
    are ordered as :func:`nash_contributions` orders them (stable, richest first).
    """
    inc, a = _incomes(incomes), _alpha(alpha)
    order = _richest_first(inc)
    out = [math.inf] * len(inc)
    richer_total = 0.0
    for m, i in enumerate(order, start=1):
        if m > 1:
            beta_star = inc[i] / (richer_total - (m - 2) * inc[i])
            out[i] = beta_star / (1.0 - a)
        richer_total += inc[i]
    return tuple(out)


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
