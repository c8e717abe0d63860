"""Richardson's arms-race model (Richardson 1960, *Arms and Insecurity*).

Two states X and Y hold arms levels x and y and adjust them continuously:

    dx/dt = k·y − a·x + g        dy/dt = l·x − b·y + h

k, l >= 0 are "defence" coefficients (how strongly each side reacts to the
other's arms), a, b >= 0 are "fatigue" coefficients (the economic burden of
keeping arms), and g, h are standing grievances (positive) or goodwill
(negative). In matrix form z' = A·z + c with A = [[−a, k], [l, −b]], c = (g, h).

Assumptions the learner should keep in mind: the model is linear, so it knows
nothing about arms being non-negative or budgets being finite; results that go
below zero are flagged rather than hidden.

The standard library alone computes it (the live site runs it in a browser):
paths are tuples of floats, and the matrix exponential is a short scaling and
squaring of its Taylor series (``tests/test_models_richardson.py`` compares it
with ``scipy.linalg.expm``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from widgets.models.inputs import InputError, count, non_negative, number, positive

#: Relative tolerance for "a·b equals k·l". Slider values such as 0.05·0.45 and
#: 0.15·0.15 differ in the last binary digit; without a tolerance the model would
#: report a huge but meaningless equilibrium instead of "no unique equilibrium".
REL_TOL = 1e-9
ABS_TOL = 1e-12
MAX_POINTS = 100_000

_NEGATIVE_NOTE = (
    "Arms cannot be negative, but the model is linear and does not know that: "
    "the course reads a negative level as 'disarmament below zero is impossible', "
    "so that side would stop at zero and the linear result no longer applies."
)


def _same(u: float, v: float) -> bool:
    return math.isclose(u, v, rel_tol=REL_TOL, abs_tol=ABS_TOL)


#: How each coefficient is named in messages (and can be labelled in a widget).
PARAM_LABELS = {
    "k": "k (X's reaction to Y's arms)",
    "l": "l (Y's reaction to X's arms)",
    "a": "a (X's fatigue)",
    "b": "b (Y's fatigue)",
    "g": "g (X's grievance)",
    "h": "h (Y's grievance)",
}


@dataclass(frozen=True)
class RichardsonParams:
    """The six coefficients; checked and converted to floats on creation."""

    k: float
    l: float  # noqa: E741 - Richardson's own symbol
    a: float
    b: float
    g: float = 0.0
    h: float = 0.0

    def __post_init__(self) -> None:
        for name, label in PARAM_LABELS.items():
            check = number if name in "gh" else non_negative  # grievances may be negative
            object.__setattr__(self, name, check(label, getattr(self, name)))


def _params(params) -> RichardsonParams:
    if isinstance(params, RichardsonParams):
        return params
    if isinstance(params, Mapping):
        try:
            return RichardsonParams(**params)
        except TypeError:
            raise InputError(
                f"Richardson parameters need the keys k, l, a, b and optionally g, h; got {sorted(params)}."
            ) from None
    raise InputError(
        f"params must be RichardsonParams(k, l, a, b, g, h) or a dict with those keys; got {type(params).__name__}."
    )


class NullclineRelation(StrEnum):
    """How the two nullclines lie: they cross once, or lie on one line, or never meet."""

    INTERSECT = "intersect"
    COINCIDE = "coincide"
    PARALLEL = "parallel"


class RaceKind(StrEnum):
    """The kinds of race :func:`classify` names (each compares equal to its text)."""

    STABLE = "stable race"
    DISARMAMENT = "disarmament"
    ONE_SIDE_DISARMS = "stable, one side disarms"
    RUNAWAY = "runaway race (explosive)"
    TIPPING_POINT = "unstable: runaway or disarmament"
    NO_UNIQUE_EQUILIBRIUM = "knife-edge (no unique equilibrium)"
    ON_THE_TIPPING_POINT = "knife-edge (balanced on the tipping point)"


@dataclass(frozen=True)
class RaceEquilibriumResult:
    """Where both arms levels stop changing, and whether the race gets there."""

    unique: bool  # False when a·b = k·l
    x: float | None  # x*, None when there is no unique equilibrium
    y: float | None
    determinant: float  # a·b − k·l
    eigenvalues: tuple[float, float]  # of A = [[−a, k], [l, −b]], larger first
    stable: bool
    nullclines: NullclineRelation
    in_positive_quadrant: bool | None  # None when there is no unique equilibrium
    explanation: str


def equilibrium(k, l, a, b, g=0.0, h=0.0) -> RaceEquilibriumResult:  # noqa: E741
    """Closed-form equilibrium x* = (b·g + k·h)/(a·b − k·l), y* = (a·h + l·g)/(a·b − k·l).

    Stability comes from the eigenvalues of A = [[−a, k], [l, −b]],
    λ = (−(a+b) ± √((a−b)² + 4kl))/2: they are always real (k, l >= 0), and
    both are negative exactly when a·b > k·l.
    """
    p = RichardsonParams(k, l, a, b, g, h)
    k, l, a, b, g, h = p.k, p.l, p.a, p.b, p.g, p.h
    fatigue, fear = a * b, k * l
    det = fatigue - fear
    root = math.sqrt((a - b) ** 2 + 4.0 * fear)
    lam_hi, lam_lo = (-(a + b) + root) / 2.0, (-(a + b) - root) / 2.0

    if _same(fatigue, fear):
        lam_hi = 0.0
        zero_matrix = a == b == k == l == 0.0
        if zero_matrix:
            coincide = g == 0.0 and h == 0.0
        else:  # rank 1: consistent iff both Cramer numerators vanish
            coincide = _same(b * g, -k * h) and _same(a * h, -l * g)
        if coincide:
            detail = (
                "the two nullclines coincide, so there is a whole line of equilibria "
                "and where the race ends depends on where it starts"
            )
            if zero_matrix:
                detail = "nothing changes: every point is an equilibrium"
        else:
            detail = (
                "the nullclines are parallel and never meet, so there is no equilibrium "
                "and the arms levels drift steadily without settling"
            )
        return RaceEquilibriumResult(
            unique=False,
            x=None,
            y=None,
            determinant=0.0,
            eigenvalues=(lam_hi, lam_lo),
            stable=False,
            nullclines=NullclineRelation.COINCIDE if coincide else NullclineRelation.PARALLEL,
            in_positive_quadrant=None,
            explanation=(
                f"No unique equilibrium: fatigue a·b = {fatigue:.4g} equals mutual fear "
                f"k·l = {fear:.4g}, one eigenvalue of [[−a, k], [l, −b]] is zero, and {detail}."
            ),
        )

    x_star = (b * g + k * h) / det
    y_star = (a * h + l * g) / det
    stable = det > 0
    if stable:
        reason = (
            f"Stable: both eigenvalues of [[−a, k], [l, −b]] ({lam_hi:.3g}, {lam_lo:.3g}) "
            f"are negative because fatigue outweighs mutual fear (a·b = {fatigue:.4g} > "
            f"k·l = {fear:.4g}), so every path settles at the equilibrium."
        )
    else:
        reason = (
            f"Unstable: one eigenvalue of [[−a, k], [l, −b]] ({lam_hi:.3g}) is positive "
            f"because mutual fear outweighs fatigue (k·l = {fear:.4g} > a·b = {fatigue:.4g}), "
            "so almost every departure from the equilibrium grows exponentially (the "
            "equilibrium is a saddle: only departures along its stable direction die away)."
        )
    positive_quadrant = x_star >= 0 and y_star >= 0
    text = f"Equilibrium at x* = {x_star:.4g}, y* = {y_star:.4g}. {reason}"
    if not positive_quadrant:
        text += " The equilibrium has a negative arms level. " + _NEGATIVE_NOTE
    return RaceEquilibriumResult(
        unique=True,
        x=x_star,
        y=y_star,
        determinant=det,
        eigenvalues=(lam_hi, lam_lo),
        stable=stable,
        nullclines=NullclineRelation.INTERSECT,
        in_positive_quadrant=positive_quadrant,
        explanation=text,
    )


def _equilibrium_of(p: RichardsonParams) -> RaceEquilibriumResult:
    return equilibrium(p.k, p.l, p.a, p.b, p.g, p.h)


@dataclass(frozen=True)
class RaceClassificationResult:
    """A short label for the kind of race, and the reason in one or two sentences."""

    label: RaceKind
    reason: str


def classify(params, x0=None, y0=None) -> RaceClassificationResult:
    """Name the kind of race: stable race, disarmament, runaway race, or knife-edge.

    In the unstable case the outcome depends on where the race starts; give
    x0, y0 to decide it. The unstable direction has positive components
    (Perron–Frobenius, as k, l > 0), so the sign of w·(z0 − z*), with w the
    left eigenvector of the positive eigenvalue, tells growth from collapse.
    """
    p = _params(params)
    eq = _equilibrium_of(p)
    if (x0 is None) != (y0 is None):
        raise InputError("Give both starting levels x0 and y0, or neither.")
    if x0 is not None:
        x0 = non_negative("x0 (X's starting arms level)", x0)
        y0 = non_negative("y0 (Y's starting arms level)", y0)

    if not eq.unique:
        return RaceClassificationResult(RaceKind.NO_UNIQUE_EQUILIBRIUM, eq.explanation)

    xs, ys = eq.x, eq.y
    if eq.stable:
        if xs >= 0 and ys >= 0 and (xs > 0 or ys > 0):
            return RaceClassificationResult(
                RaceKind.STABLE,
                f"Fatigue outweighs mutual fear (a·b > k·l), so arms settle at "
                f"x* = {xs:.4g}, y* = {ys:.4g} whatever the starting levels.",
            )
        if xs <= 0 and ys <= 0:
            return RaceClassificationResult(
                RaceKind.DISARMAMENT,
                "Fatigue outweighs mutual fear (a·b > k·l) and goodwill outweighs "
                f"grievance: the equilibrium (x* = {xs:.4g}, y* = {ys:.4g}) is at or "
                "below zero, so both sides run their arms down to zero.",
            )
        return RaceClassificationResult(
            RaceKind.ONE_SIDE_DISARMS,
            f"The race is stable, but the equilibrium (x* = {xs:.4g}, y* = {ys:.4g}) "
            "puts one side below zero: that side disarms completely. " + _NEGATIVE_NOTE,
        )

    lam = eq.eigenvalues[0]
    w = (p.l, p.a + lam)  # left eigenvector of A for lam; both entries > 0
    if x0 is None:
        if xs <= 0 and ys <= 0:
            return RaceClassificationResult(
                RaceKind.RUNAWAY,
                "Mutual fear outweighs fatigue (k·l > a·b) and the unstable equilibrium "
                f"(x* = {xs:.4g}, y* = {ys:.4g}) is at or below zero, so from any "
                "non-negative starting levels both arsenals grow without limit "
                "(unless both start exactly at a zero equilibrium).",
            )
        return RaceClassificationResult(
            RaceKind.TIPPING_POINT,
            "Mutual fear outweighs fatigue (k·l > a·b), so the equilibrium "
            f"(x* = {xs:.4g}, y* = {ys:.4g}) is a tipping point: start above the line "
            f"{w[0]:.3g}·(x − x*) + {w[1]:.3g}·(y − y*) = 0 and the race runs away; "
            "start below it and both sides disarm.",
        )

    side = w[0] * (x0 - xs) + w[1] * (y0 - ys)
    scale = abs(w[0]) * (abs(x0) + abs(xs)) + abs(w[1]) * (abs(y0) + abs(ys))
    if abs(side) <= REL_TOL * scale + ABS_TOL:
        return RaceClassificationResult(
            RaceKind.ON_THE_TIPPING_POINT,
            "The starting levels lie exactly on the line that separates runaway from "
            "disarmament, so the race drifts to the unstable equilibrium; the smallest "
            "nudge tips it one way or the other.",
        )
    if side > 0:
        return RaceClassificationResult(
            RaceKind.RUNAWAY,
            "Mutual fear outweighs fatigue (k·l > a·b) and the race starts above the "
            "tipping point, so both arsenals grow without limit.",
        )
    return RaceClassificationResult(
        RaceKind.DISARMAMENT,
        "Mutual fear outweighs fatigue (k·l > a·b), but the race starts below the "
        "tipping point, so both arsenals shrink until they reach zero.",
    )


@dataclass(frozen=True)
class TrajectoryResult:
    """Arms levels over time; `negative` flags when the linear model went below zero."""

    t: tuple[float, ...]
    x: tuple[float, ...]
    y: tuple[float, ...]
    negative: bool
    note: str


Matrix = list[list[float]]


def _matmul(a: Matrix, b: Matrix) -> Matrix:
    columns = list(zip(*b))
    return [[_dot(row, column) for column in columns] for row in a]


def _dot(u, v) -> float:
    total = 0.0  # left to right (built-in sum() of floats compensates, math.fsum rounds once: keep it plain)
    for a, b in zip(u, v):
        total += a * b
    return total


def expm(m: Matrix) -> Matrix:
    """The matrix exponential exp(m) of a small square matrix, by scaling and squaring.

    m is scaled by 2**−s until its largest absolute row sum is at most 1/2, the
    Taylor series is summed until a term no longer changes the result, and the
    result squared s times (Moler and Van Loan's "method 3"). Entries that
    overflow become inf or nan, as with scipy.
    """
    size = len(m)
    norm = max(sum(abs(v) for v in row) for row in m)
    s = max(0, math.ceil(math.log2(norm)) + 1) if norm > 0.5 else 0
    scaled = [[math.ldexp(v, -s) for v in row] for row in m]
    result = [[1.0 if i == j else 0.0 for j in range(size)] for i in range(size)]
    term = [row[:] for row in result]
    for k in range(1, 30):
        term = [[v / k for v in row] for row in _matmul(term, scaled)]
        new = [[r + t for r, t in zip(rr, tr)] for rr, tr in zip(result, term)]
        if new == result:
            break
        result = new
    for _ in range(s):
        result = _matmul(result, result)
    return result


def simulate(params, x0, y0, t_max, n=201) -> TrajectoryResult:
    """Exact solution at n equally spaced times in [0, t_max].

    Uses the matrix exponential of the augmented 3×3 system [z; 1]' = M·[z; 1],
    which works for every parameter set (including a·b = k·l, where no
    equilibrium exists). E = exp(M·dt) is computed once and its powers by
    repeated squaring, so a call costs about log2(n) small matrix products.
    """
    p = _params(params)
    x0 = non_negative("x0 (X's starting arms level)", x0)
    y0 = non_negative("y0 (Y's starting arms level)", y0)
    t_max = positive("t_max (time span)", t_max)
    n = count("n (number of time points)", n)
    if not 2 <= n <= MAX_POINTS:
        raise InputError(f"n (number of time points) must be between 2 and {MAX_POINTS}; got {n}.")

    dt = t_max / (n - 1)
    t = [i * dt for i in range(n - 1)] + [t_max]  # as numpy.linspace(0, t_max, n)
    m = [[-p.a, p.k, p.g], [p.l, -p.b, p.h], [0.0, 0.0, 0.0]]
    power = expm([[v * dt for v in row] for row in m])
    z = [(x0, y0, 1.0)]  # z(0), z(dt), z(2dt), ...
    while len(z) < n:
        z += [tuple(row[0] * c[0] + row[1] * c[1] + row[2] * c[2] for row in power) for c in z]
        power = _matmul(power, power)
    z = z[:n]
    if not all(math.isfinite(v) for c in z for v in c[:2]):
        raise InputError(
            "The arms levels grow beyond what a computer can represent before t_max; "
            "this race is explosive, so choose a shorter time span."
        )
    x, y = tuple(c[0] for c in z), tuple(c[1] for c in z)
    negative = min(x) < 0 or min(y) < 0
    note = "An arms level goes below zero. " + _NEGATIVE_NOTE if negative else ""
    return TrajectoryResult(t=tuple(t), x=x, y=y, negative=negative, note=note)


@dataclass(frozen=True)
class Nullcline:
    """A nullcline as two endpoints (empty when it does not exist)."""

    x: tuple[float, ...]
    y: tuple[float, ...]
    description: str


@dataclass(frozen=True)
class NullclinesResult:
    x_nullcline: Nullcline  # where dx/dt = 0: X is content with its level
    y_nullcline: Nullcline  # where dy/dt = 0: Y is content with its level


def _range(name: str, value) -> tuple[float, float]:
    try:
        lo, hi = value
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a pair (low, high); got {value!r}.") from None
    lo, hi = number(f"{name} low end", lo), number(f"{name} high end", hi)
    if not lo < hi:
        raise InputError(f"{name} must have low < high; got ({lo:g}, {hi:g}).")
    return lo, hi


def _line(slope_num, denom, intercept, rate, who, var, x_lim, y_lim) -> Nullcline:
    """Nullcline denom·y = slope_num·x + intercept of side `who` (rate = its constant drift)."""
    empty = ()
    if slope_num == 0 and denom == 0:
        if rate == 0:
            return Nullcline(empty, empty, f"{who}'s level never changes: every point is on its nullcline.")
        text = f"{who}'s level changes at the constant rate {rate:.4g}: no nullcline."
        return Nullcline(empty, empty, text)
    if denom == 0:  # vertical line slope_num·x + intercept = 0
        xv = -intercept / slope_num
        text = f"d{var}/dt = 0 on the vertical line x = {xv:.4g}."
        return Nullcline((xv, xv), tuple(y_lim), text)
    slope, icpt = slope_num / denom, intercept / denom
    xs = tuple(x_lim)
    sign = "+" if icpt >= 0 else "−"
    text = f"d{var}/dt = 0 on the line y = {slope:.4g}·x {sign} {abs(icpt):.4g}."
    return Nullcline(xs, tuple(slope * x + icpt for x in xs), text)


def nullclines(params, x_range, y_range=None) -> NullclinesResult:
    """The two nullclines as line segments over x_range (vertical ones span y_range).

    Their intersection is the equilibrium; if they are parallel there is none.
    y_range defaults to x_range and is only used for vertical lines.
    """
    p = _params(params)
    x_lim = _range("x_range", x_range)
    y_lim = x_lim if y_range is None else _range("y_range", y_range)
    return NullclinesResult(
        # dx/dt = 0  <=>  k·y = a·x − g
        x_nullcline=_line(p.a, p.k, -p.g, p.g, "X", "x", x_lim, y_lim),
        # dy/dt = 0  <=>  b·y = l·x + h
        y_nullcline=_line(p.l, p.b, p.h, p.h, "Y", "y", x_lim, y_lim),
    )
