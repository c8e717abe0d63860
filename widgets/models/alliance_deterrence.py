"""Extended deterrence: does an ally's promise stop an attack?

Why: an alliance deters only if the aggressor believes the ally will fight. This
model shows how the ally's strength and its *reliability* trade off, and finds the
reliability at which deterrence starts.

Model (a ratio, or Tullock, contest). Each side's chance of winning is its share of
the total strength on the battlefield:

* aggressor (strength ``a``) against the protected state alone (strength ``D``)
  wins with probability ``a / (a + D)``;
* if the ally (strength ``A``) joins, with probability ``a / (a + D + A)``.

The aggressor believes the ally honours its commitment with probability ``r``. A war
costs it ``C`` whatever the result; winning brings the prize ``V``. So

    EU(attack) = r·V·a/(a+D+A) + (1−r)·V·a/(a+D) − C,

compared with 0 for the status quo. Assumptions: one aggressor, one shot, risk
neutral; the cost of war does not depend on who fights; strengths are on one common
scale (only the ratios matter). The aggressor attacks only if attacking is
*strictly* better: when it is indifferent, it is counted as deterred.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from widgets.models.inputs import InputError, non_negative, positive, probability

# |EU(attack)| below this fraction of the prize counts as exact indifference, so that
# the slider position r = r* is reported as deterred despite rounding.
_TIE = 1e-12


class ThresholdStatus(StrEnum):
    """How to read the threshold r* (each compares equal to its string)."""

    WITHIN = "within"  # 0 <= r* <= 1: the ally's credibility decides
    ALWAYS = "always"  # r* < 0: deterred even if the ally never fights
    NEVER = "never"  # r* > 1: not deterred even by a certain ally
    NO_ALLY = "no_ally"  # A = 0: reliability makes no difference


@dataclass(frozen=True)
class AllianceDeterrenceResult:
    """The aggressor's calculation and its verdict.

    ``margin`` is status quo minus attack (0 − EU): positive means deterred by
    that much. ``threshold`` is the reliability r* at which deterrence starts
    (deterred for every r ≥ r*); it is ``None`` when the ally has no strength.
    ``threshold_status`` (a :class:`ThresholdStatus`) says how to read it:

    * ``"within"``: 0 ≤ r* ≤ 1, the ally's credibility decides;
    * ``"always"``: r* < 0, deterred even if the ally never fights;
    * ``"never"``: r* > 1, not deterred even by a certain ally;
    * ``"no_ally"``: A = 0, reliability makes no difference.
    """

    win_alone: float
    win_with_ally: float
    win_expected: float
    attack_value: float
    deterred: bool
    margin: float
    threshold: float | None
    threshold_status: ThresholdStatus
    explanation: str


def defence_from_probability(p_defender_wins_alone: float, aggressor: float = 1.0) -> float:
    """Defence strength D that makes the protected state win alone with this probability.

    Why: a chapter may prefer to state "the defender holds alone 40 % of the time".
    In the ratio contest, P(defender wins) = D / (a + D), so D = a·p / (1 − p).
    """
    p = probability("the probability the defender wins alone", p_defender_wins_alone)
    a = positive("the aggressor's strength", aggressor)
    if p == 1.0:
        raise InputError(
            "a defender that wins alone with probability 1 cannot be attacked "
            "successfully, so there is nothing for an ally to deter; choose a probability below 1."
        )
    return a * p / (1.0 - p)


def deterrence(
    prize: float,
    defender: float,
    ally: float,
    reliability: float,
    cost: float,
    aggressor: float = 1.0,
) -> AllianceDeterrenceResult:
    """Expected value of attacking, whether the aggressor is deterred, and r*.

    ``prize`` V > 0, ``defender`` D ≥ 0, ``ally`` A ≥ 0, ``reliability`` r in [0, 1],
    ``cost`` C ≥ 0, ``aggressor`` a > 0 (all strengths on one scale).
    r* solves EU(attack) = 0:  r* = (V·p0 − C) / (V·(p0 − p1)),
    with p0 = a/(a+D) and p1 = a/(a+D+A).
    """
    v = positive("the value of the prize V", prize)
    d = non_negative("the protected state's strength D", defender)
    big_a = non_negative("the ally's strength A", ally)
    r = probability("the ally's reliability r", reliability)
    c = non_negative("the cost of war C", cost)
    a = positive("the aggressor's strength a", aggressor)

    p0 = a / (a + d)
    p1 = a / (a + d + big_a)
    win = r * p1 + (1.0 - r) * p0
    eu = v * win - c
    deterred = eu <= _TIE * v

    if big_a == 0.0:
        threshold, status = None, ThresholdStatus.NO_ALLY
    else:
        threshold = (v * p0 - c) / (v * (p0 - p1))
        # rounding must not turn r* = 1 (or 0) into "never" (or "always")
        if threshold < -_TIE:
            status = ThresholdStatus.ALWAYS
        elif threshold > 1 + _TIE:
            status = ThresholdStatus.NEVER
        else:
            status = ThresholdStatus.WITHIN

    text = _explain(v, d, big_a, r, c, a, p0, p1, win, eu, deterred, threshold, status)
    return AllianceDeterrenceResult(p0, p1, win, eu, deterred, -eu, threshold, status, text)


def _explain(v, d, big_a, r, c, a, p0, p1, win, eu, deterred, threshold, status) -> str:
    """One paragraph in plain English, built from the numbers."""
    parts = [
        f"Alone, the protected state (strength {d:g}) would lose to the aggressor "
        f"(strength {a:g}) with probability {p0:.2f}."
    ]
    if big_a > 0:
        parts.append(f"If the ally (strength {big_a:g}) fights too, that falls to {p1:.2f}.")
        parts.append(
            f"The aggressor believes the ally will honour its commitment with probability "
            f"{r:.2f}, so it expects to win with probability {win:.2f}."
        )
    else:
        parts.append("The ally brings no strength, so whether it honours its promise changes nothing.")
    parts.append(
        f"Attacking is worth {win:.2f} × {v:g} − {c:g} = {eu:.2f} against 0 for keeping the peace, "
        + ("so the aggressor is deterred." if deterred else "so deterrence fails.")
    )
    if status == ThresholdStatus.WITHIN:
        parts.append(f"Deterrence holds whenever the ally is believed with probability at least {threshold:.2f}.")
    elif status == ThresholdStatus.ALWAYS:
        parts.append("The cost of war deters the aggressor even if the ally is sure to stay out.")
    elif status == ThresholdStatus.NEVER:
        parts.append("Even an ally certain to fight would not be enough: the ally must be stronger, or war costlier.")
    return " ".join(parts)


@dataclass(frozen=True)
class WartimeSelectionResult:
    """What a researcher who studies only the wars that happened would see.

    ``attacked`` is the share of protected states that are attacked; ``all_mean`` the
    mean reliability of all the alliances; ``observed_mean`` the mean reliability of
    the alliances whose protégé was attacked (``None`` if none was), which is the
    honour rate a study of wartime behaviour would measure.
    """

    attacked: float
    all_mean: float
    observed_mean: float | None


def wartime_selection(reliabilities, threshold: float) -> WartimeSelectionResult:
    """Selection effect: which alliances end up in the record of wars.

    Why: the model's ``r`` is the aggressor's belief *before* it decides, while studies
    of reliability (Leeds, Long & Mitchell 2000) count how often allies kept their word
    in wars that broke out. Suppose, as a deliberately simple extension, that each
    alliance has its own reliability, that aggressors see it (their belief ``r`` equals
    it), and that all dyads share one threshold ``r*``. Then only alliances with
    reliability below ``r*`` are tested by war (an aggressor indifferent at r = r* is
    deterred, as in :func:`deterrence`), and the honour rate observed in those wars is
    the mean reliability *of the attacked ones*, below the mean of all alliances
    whenever some, but not all, are attacked (Smith 1995 makes this argument with a
    richer model). The extension does not let the ally choose its reliability.
    """
    values = [probability("each reliability", x) for x in reliabilities]
    if not values:
        raise InputError("give at least one reliability (a number between 0 and 1)")
    t = float(threshold)
    tested = [x for x in values if x < t]
    return WartimeSelectionResult(
        attacked=len(tested) / len(values),
        all_mean=sum(values) / len(values),
        observed_mean=(sum(tested) / len(tested)) if tested else None,
    )
