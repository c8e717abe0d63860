"""A weighted assessment of a case against the ICISS criteria for military intervention.

Why: the chapter asks students to apply the six criteria of the International
Commission on Intervention and State Sovereignty (2001) to real cases. This
model only does the arithmetic of the student's own judgement; it is a reasoning
aid, not an oracle, and knows nothing about any case.

Assumptions, stated so a student can argue with them:
- Each criterion gets a score from 0 (clearly not met) to ``SCALE`` (clearly met).
- The weighted score is sum(w_i * s_i) / (SCALE * sum(w_i)), between 0 and 1.
- The ICISS words each criterion as a test of its own ("must be", "can only be
  justified when"), not as an item to trade against the others. A weighted
  average lets a high score hide a failing one, so the result also lists the
  criteria scored below the midpoint (``SCALE / 2``) and says whether every
  criterion reaches it.
- Because the criteria are conjunctive, the result also gives two aggregators
  that respect that: the *minimum* rule (the weakest criterion's score over
  ``SCALE``, among criteria with a weight above 0: a case is only as strong as
  its weakest test) and a *lexicographic* reading (criteria taken in order of
  weight, heaviest first; the first one below the midpoint decides against).
  The minimum is never above the weighted mean.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from widgets.models.inputs import InputError, non_negative, number

CRITERIA = (
    "right authority",
    "just cause",
    "right intention",
    "last resort",
    "proportional means",
    "reasonable prospects",
)
SCALE = 4.0


class Rule(StrEnum):
    """How the criteria's scores are combined; compares equal to its string."""

    WEIGHTED_MEAN = "weighted mean"
    MINIMUM = "minimum"


RULES = tuple(r.value for r in Rule)


@dataclass(frozen=True)
class CriteriaResult:
    """The weighted score (0-1), each criterion's weighted share, and the unmet criteria."""

    score: float
    contributions: dict[str, float]  # w_i * s_i / (SCALE * sum w): they add up to ``score``
    below_midpoint: tuple[str, ...]
    all_met: bool
    minimum: float = 1.0  # min over weighted criteria of s_i / SCALE
    weakest: str = ""  # the criterion that sets the minimum
    first_failing: str = ""  # lexicographic: heaviest criterion below the midpoint ("" if none)

    def value(self, rule: str = "weighted mean") -> float:
        """The score under ``rule``: "weighted mean" or "minimum"."""
        if rule not in RULES:
            raise InputError(f"the rule must be one of {', '.join(RULES)}; got {rule!r}.")
        return self.score if rule == Rule.WEIGHTED_MEAN else self.minimum


def _full(name: str, values: Mapping[str, float]) -> dict[str, float]:
    if not isinstance(values, Mapping):
        raise InputError(f"{name} must be a dictionary from criterion to value.")
    unknown = [k for k in values if k not in CRITERIA]
    if unknown:
        raise InputError(f"{unknown[0]!r} is not one of the six criteria: {', '.join(CRITERIA)}.")
    missing = [c for c in CRITERIA if c not in values]
    if missing:
        raise InputError(f"{name} must give a value for every criterion; missing: {', '.join(missing)}.")
    return dict(values)


def assess(scores: Mapping[str, float], weights: Mapping[str, float] | None = None) -> CriteriaResult:
    """Weighted score of ``scores`` (0..SCALE each) with ``weights`` (>= 0, not all 0; default equal)."""
    scores = _full("scores", scores)
    weights = _full("weights", weights if weights is not None else {c: 1.0 for c in CRITERIA})
    s = {}
    for c in CRITERIA:
        value = number(f"the score for {c}", scores[c])
        if not 0.0 <= value <= SCALE:
            raise InputError(f"the score for {c} must be between 0 and {SCALE:g}; got {value:g}.")
        s[c] = value
    w = {c: non_negative(f"the weight of {c}", weights[c]) for c in CRITERIA}
    total = sum(w.values())
    if total == 0:
        raise InputError("at least one weight must be greater than 0; with all weights at 0 nothing is assessed.")
    contributions = {c: w[c] * s[c] / (SCALE * total) for c in CRITERIA}
    below = tuple(c for c in CRITERIA if s[c] < SCALE / 2)
    counted = [c for c in CRITERIA if w[c] > 0]
    weakest = min(counted, key=lambda c: s[c])  # first of equals, in CRITERIA order
    by_weight = sorted(counted, key=lambda c: -w[c])  # stable: ties keep CRITERIA order
    first_failing = next((c for c in by_weight if s[c] < SCALE / 2), "")
    return CriteriaResult(
        sum(contributions.values()), contributions, below, not below, s[weakest] / SCALE, weakest, first_failing
    )
