"""A simple inspection game (in the spirit of Avenhaus, von Stengel & Zamir 2002).

Why: verification cannot watch everything. Inspections are random, and the
question is how often an inspector must look, and how often a state will then
cheat, given costs, penalties and imperfect detection.

Players and payoffs (inspectee, inspector); parameters g, f, c, L > 0, 0 < d <= 1:

                       Inspect (cost c)                     Not inspect
    Comply             (0, −c)                              (0, 0)
    Cheat              detected, prob d:      (−f, −c)      (g, −L)
                       not detected, 1 − d:   (g, −c − L)

g: inspectee's gain from undetected cheating; f: its penalty when caught;
c: cost of an inspection; d: chance an inspection detects cheating;
L: inspector's loss when cheating goes undetected (catching a cheat gains it 0).

With p = P(inspect) and q = P(cheat) the expected payoffs are
    inspectee: q·(g − p·d·(g + f))        inspector: −p·c − q·L·(1 − p·d).
Each player's equilibrium mix makes the *other* indifferent:
    p* = g / (d·(g + f))   and   q* = c / (d·L).

The simultaneous game assumes the inspector cannot commit. :func:`leadership`
solves the variant that Avenhaus, von Stengel & Zamir (2002) call *inspector
leadership*: the inspector announces p first and is believed; the inspectee
then best-responds (complying when indifferent). The inspector then announces
p = p* when that is feasible (p* <= 1) and worth it (p*·c <= L, or always if
c < d·L), and the inspectee complies: the penalty f then matters, because it
lowers the p* the inspector must commit to and the detection needed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from numbers import Integral, Real

from widgets.models.inputs import InputError, positive, probability


class Regime(StrEnum):
    """How an inspection game is solved; each compares equal to its text ("mixed" ...)."""

    MIXED = "mixed"  # both players mix (simultaneous game)
    CANNOT_DETER = "cannot deter"  # detection below g/(g+f): cheating pays even at p = 1
    NOT_WORTH_INSPECTING = "not worth inspecting"  # an inspection costs more than it can save
    DETERRED = "deterred"  # inspector leadership: the announced p makes the inspectee comply


def _detection(value) -> float:
    d = probability("d (detection probability)", value)
    if d == 0:
        raise InputError(
            "d (detection probability) must be greater than 0: an inspection that can "
            "never detect cheating cannot deter it (p* = g/(d·(g+f)) divides by zero)."
        )
    return d


def _check(g, f, c, L):
    return (
        positive("g (gain from undetected cheating)", g),
        positive("f (penalty when caught)", f),
        positive("c (cost of an inspection)", c),
        positive("L (inspector's loss from undetected cheating)", L),
    )


def expected_payoffs(p, q, g, f, c, d, L) -> tuple[float, float]:
    """(inspectee, inspector) expected payoffs when inspecting with prob p and cheating with prob q."""
    p = probability("p (inspection probability)", p)
    q = probability("q (cheating probability)", q)
    g, f, c, L = _check(g, f, c, L)
    d = _detection(d)
    return q * (g - p * d * (g + f)), -p * c - q * L * (1 - p * d)


@dataclass(frozen=True)
class InspectionEquilibriumResult:
    """The equilibrium strategies and payoffs, with the regime and its explanation."""

    inspect_probability: float  # p in equilibrium
    cheat_probability: float  # q in equilibrium
    p_star: float  # g/(d(g+f)); above 1 no inspection rate deters
    q_star: float  # c/(dL); at or above 1 inspecting never pays
    regime: Regime  # MIXED, CANNOT_DETER or NOT_WORTH_INSPECTING
    inspectee_payoff: float
    inspector_payoff: float
    detection_threshold: float  # g/(g+f): detection needed before inspections can deter
    explanation: str


def _regime(p_star: float, q_star: float) -> tuple[float, float, Regime]:
    """Equilibrium (p, q) and regime for one pair (p*, q*)."""
    if q_star >= 1:  # c >= d·L: inspecting costs more than it can save
        return 0.0, 1.0, Regime.NOT_WORTH_INSPECTING
    if p_star > 1:  # even p = 1 leaves cheating profitable
        return 1.0, 1.0, Regime.CANNOT_DETER
    return p_star, q_star, Regime.MIXED


def equilibrium(g, f, c, d, L) -> InspectionEquilibriumResult:
    """Nash equilibrium of the inspection game, with the reason in words."""
    g, f, c, L = _check(g, f, c, L)
    d = _detection(d)
    p_star, q_star = g / (d * (g + f)), c / (d * L)
    p, q, regime = _regime(p_star, q_star)
    u_inspectee, u_inspector = expected_payoffs(p, q, g, f, c, d, L)
    threshold = g / (g + f)

    if regime == Regime.MIXED:
        text = (
            f"Mixed equilibrium: the inspector inspects with probability p* = g/(d·(g+f)) = {p:.3g}, "
            "just enough to make cheating worth nothing on average, and the inspectee cheats "
            f"with probability q* = c/(d·L) = {q:.3g}, just enough to make inspecting worth its "
            "cost. Better detection lowers cheating: as d rises each inspection is more likely "
            "to catch a cheat, so a smaller chance of cheating already justifies the cost of "
            "inspecting, and q* = c/(d·L) falls (p* falls too: fewer inspections deter). Note "
            "that cheating is pinned down by the inspector's cost and loss, not by the penalty f."
        )
    elif regime == Regime.CANNOT_DETER:
        text = (
            f"Inspection cannot deter: even inspecting every time, cheating is caught with "
            f"probability d = {d:.3g}, below the threshold g/(g+f) = {threshold:.3g}, so it "
            f"still pays on average ((1−d)·g − d·f = {u_inspectee:.3g} > 0). The inspectee "
            f"cheats for sure and, since c < d·L, the inspector inspects always."
        )
    else:
        text = (
            f"Not worth inspecting: an inspection costs c = {c:.3g}, at least the loss it can "
            f"prevent even against certain cheating (d·L = {d * L:.3g}). The inspector does not "
            "inspect and the inspectee cheats for sure"
            + (" (at c = d·L the inspector is indifferent)." if q_star == 1 else ".")
        )
    return InspectionEquilibriumResult(
        inspect_probability=p,
        cheat_probability=q,
        p_star=p_star,
        q_star=q_star,
        regime=regime,
        inspectee_payoff=u_inspectee,
        inspector_payoff=u_inspector,
        detection_threshold=threshold,
        explanation=text,
    )


@dataclass(frozen=True)
class InspectionCurvesResult:
    """Equilibrium quantities over detection probabilities d, for plotting: one tuple per quantity."""

    d: tuple[float, ...]
    inspect_probability: tuple[float, ...]
    cheat_probability: tuple[float, ...]
    p_star: tuple[float, ...]  # unclipped g/(d(g+f))
    q_star: tuple[float, ...]  # unclipped c/(dL)
    regime: tuple[Regime, ...]
    inspectee_payoff: tuple[float, ...]
    inspector_payoff: tuple[float, ...]


def _grid(n) -> list[float]:
    """n points evenly spaced from 1/n to 1 (both ends included), as ``numpy.linspace``."""
    if isinstance(n, bool) or not isinstance(n, Integral) or not 2 <= n <= 100_000:
        raise InputError(f"n (number of points) must be a whole number from 2 to 100000; got {n!r}.")
    n = int(n)
    start = 1.0 / n
    step = (1.0 - start) / (n - 1)
    return [start + i * step for i in range(n - 1)] + [1.0]


def _detections(d) -> list[float]:
    try:
        values = [float(d)] if isinstance(d, Real) else [float(v) for v in d]
    except (TypeError, ValueError):
        raise InputError("d must be a list of detection probabilities.") from None
    if not values or not all(math.isfinite(v) and 0 < v <= 1 for v in values):
        raise InputError("Every detection probability d must be in (0, 1]; d = 0 cannot deter.")
    return values


def curves(g, f, c, L, d=None, n: int = 200) -> InspectionCurvesResult:
    """The equilibrium over d; by default n points evenly spaced in (0, 1]."""
    g, f, c, L = _check(g, f, c, L)
    ds = _grid(n) if d is None else _detections(d)
    rows = []
    for x in ds:
        p_star, q_star = g / (x * (g + f)), c / (x * L)
        p, q, regime = _regime(p_star, q_star)
        rows.append((x, p, q, p_star, q_star, regime, q * (g - p * x * (g + f)), -p * c - q * L * (1 - p * x)))
    return InspectionCurvesResult(*(tuple(column) for column in zip(*rows)))


@dataclass(frozen=True)
class InspectorLeadershipResult:
    """The inspector-leadership solution: the announced p and the inspectee's reply."""

    inspect_probability: float  # announced (and kept) inspection probability
    cheat_probability: float  # 0 if deterred, else 1
    regime: Regime  # DETERRED, CANNOT_DETER or NOT_WORTH_INSPECTING
    inspectee_payoff: float
    inspector_payoff: float
    explanation: str


def leadership(g, f, c, d, L) -> InspectorLeadershipResult:
    """The inspection game when the inspector commits to p first (inspector leadership).

    The inspectee cheats only if cheating pays strictly: (1 − p·d)·g − p·d·f > 0, i.e.
    p < p* = g/(d(g+f)). Against a cheat the inspector's payoff is −L + p·(d·L − c);
    deterring at p* gives −p*·c. Deterring beats every non-deterring p because
    −p*·c − (−L + p*·(dL − c)) = L·(1 − p*·d) > 0, and it beats p = 0 iff p*·c <= L.
    """
    g, f, c, L = _check(g, f, c, L)
    d = _detection(d)
    p_star = g / (d * (g + f))
    if p_star <= 1 and p_star * c <= L:
        p, q, regime = p_star, 0.0, Regime.DETERRED
        text = (
            f"Inspector leadership: announcing p = g/(d·(g+f)) = {p:.3g} makes cheating worth "
            "nothing, so the inspectee complies (q = 0). A higher penalty f lowers the rate the "
            "inspector must commit to."
        )
    elif p_star > 1:
        p = 1.0 if c < d * L else 0.0
        q, regime = 1.0, Regime.CANNOT_DETER
        text = (
            f"Even a committed inspector cannot deter: d = {d:.3g} is below g/(g+f) = "
            f"{g / (g + f):.3g}, so cheating pays even if every look is made."
        )
    else:
        p, q, regime = 0.0, 1.0, Regime.NOT_WORTH_INSPECTING
        text = (
            f"Deterring would need p = {p_star:.3g} at a cost p·c = {p_star * c:.3g} above the loss "
            f"L = {L:.3g} it prevents, so the inspector does not inspect and the inspectee cheats."
        )
    u_inspectee, u_inspector = expected_payoffs(p, q, g, f, c, d, L)
    return InspectorLeadershipResult(
        inspect_probability=p,
        cheat_probability=q,
        regime=regime,
        inspectee_payoff=u_inspectee,
        inspector_payoff=u_inspector,
        explanation=text,
    )
