"""Spending guidelines: who is at or above a share-of-GDP line.

Why: NATO's 2% guideline (Wales, 2014) and the 3.5% core-defence target (The
Hague, 2025) are lines on one number per Ally, defence expenditure as a percentage
of GDP. The burden-sharing chapter counts who reaches a line and ranks the
Allies; this module does that once, with its conventions stated:

* "meets" means at or above the line (a share of exactly 2.00 meets 2%);
* shares are compared as published (NATO rounds to 2 decimals), never recomputed;
* a missing share is an error, not "below the line" (Iceland, which has no armed
  forces, has no figure and should simply not be in the table).
"""

from __future__ import annotations

import pandas as pd

from widgets.models.inputs import InputError, non_negative

SORTS = ("value", "name")


def _shares(shares) -> pd.Series:
    if not isinstance(shares, pd.Series):
        raise InputError(f"shares must be a pandas Series indexed by member; got {type(shares).__name__}.")
    if shares.empty:
        raise InputError("shares is empty: there is no member to compare with the line.")
    gaps = shares.index[shares.isna().to_numpy()]
    if len(gaps):
        raise InputError(f"no share for {', '.join(map(str, gaps))}; leave members without a figure out of the table.")
    return shares.astype(float)


def line(threshold) -> float:
    """A guideline in percent of GDP: a number ≥ 0 (e.g. 2 for 2%)."""
    return non_negative("the line (percent of GDP)", threshold)


def at_or_above(shares: pd.Series, threshold) -> tuple[str, ...]:
    """Members whose share is at or above ``threshold`` percent of GDP, highest first."""
    s, t = _shares(shares), line(threshold)
    hits = s[s >= t]
    return tuple(str(n) for n in hits.sort_values(ascending=False, kind="stable").index)


def count_at_or_above(shares: pd.Series, threshold) -> int:
    """How many members are at or above ``threshold`` percent of GDP."""
    return len(at_or_above(shares, threshold))


def sort_members(shares: pd.Series, by: str = "value") -> pd.Series:
    """Shares ordered highest first (``by="value"``; ties by name) or alphabetically (``by="name"``)."""
    s = _shares(shares)
    if by not in SORTS:
        raise InputError(f"sort by must be one of {', '.join(SORTS)}; got {by!r}.")
    if by == "name":
        return s.sort_index(key=lambda idx: idx.str.casefold())
    frame = pd.DataFrame({"share": s.to_numpy(), "name": s.index.astype(str)}, index=s.index)
    return frame.sort_values(["share", "name"], ascending=[False, True], kind="stable")["share"]
