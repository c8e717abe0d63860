"""Spending guidelines: who is at or above a share-of-GDP line.

Why: NATO's 2% guideline (older than the Wales summit of 2014, where the Allies
below it pledged to aim to move towards it within a decade) and the 3.5%
core-defence target (The Hague, 2025) are lines on one number per Ally, defence expenditure as a percentage
of GDP. The burden-sharing chapter counts who reaches a line and ranks the
Allies; this module does that once, with its conventions stated:

* "meets" means at or above the line (a share of exactly 2.00 meets 2%);
* shares are compared as published (NATO rounds to 2 decimals), never recomputed;
* a missing share is an error, not "below the line" (Iceland, which has no armed
  forces, has no figure and should simply not be in the table).

Standard library only (the live site runs it in the browser): shares are a
mapping of member to share, e.g. a dict or a pandas Series.
"""

from __future__ import annotations

import math

from widgets.models.inputs import InputError, non_negative

SORTS = ("value", "name")


def _shares(shares) -> tuple[tuple[str, float], ...]:
    if isinstance(shares, (str, bytes)) or not hasattr(shares, "items"):
        raise InputError(
            f"shares must be a mapping of member to share (a dict or a pandas Series); got {type(shares).__name__}."
        )
    pairs = tuple(shares.items())
    if not pairs:
        raise InputError("shares is empty: there is no member to compare with the line.")
    gaps = [name for name, v in pairs if v is None or (isinstance(v, float) and math.isnan(v))]
    if gaps:
        raise InputError(f"no share for {', '.join(map(str, gaps))}; leave members without a figure out of the table.")
    return tuple((name, float(v)) for name, v in pairs)


def line(threshold) -> float:
    """A guideline in percent of GDP: a number ≥ 0 (e.g. 2 for 2%)."""
    return non_negative("the line (percent of GDP)", threshold)


def at_or_above(shares, threshold) -> tuple[str, ...]:
    """Members whose share is at or above ``threshold`` percent of GDP, highest first."""
    s, t = _shares(shares), line(threshold)
    hits = sorted((pair for pair in s if pair[1] >= t), key=lambda pair: -pair[1])  # stable: ties keep their order
    return tuple(str(name) for name, _ in hits)


def count_at_or_above(shares, threshold) -> int:
    """How many members are at or above ``threshold`` percent of GDP."""
    return len(at_or_above(shares, threshold))


def sort_members(shares, by: str = "value") -> tuple[tuple[str, float], ...]:
    """(member, share) highest first (``by="value"``; ties by name) or alphabetically (``by="name"``)."""
    s = _shares(shares)
    if by not in SORTS:
        raise InputError(f"sort by must be one of {', '.join(SORTS)}; got {by!r}.")
    if by == "name":
        return tuple(sorted(s, key=lambda pair: str(pair[0]).casefold()))
    return tuple(sorted(s, key=lambda pair: (-pair[1], str(pair[0]))))
