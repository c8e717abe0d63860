"""Spearman's rank correlation with a permutation test.

Why: the burden-sharing chapter asks whether richer allies spend a larger share
of income on defence. With a few dozen allies and skewed data, a rank correlation
and a permutation test make few assumptions and can be explained in one sentence:
"how often would shuffling the allies give a correlation at least this strong?"

Conventions:

* ranks start at 1; tied values share the average of their ranks;
* Spearman's rho is the Pearson correlation of the two rank vectors (this is the
  definition that stays correct with ties);
* the test is two-sided: it counts shuffles with |rho| ≥ |observed rho|
  (up to 1e-12, so exact ties in rho are counted);
* n ≤ 8: every one of the n! shuffles is enumerated and p = count / n!
  (the observed order is one of them, so p ≥ 1/n!);
* n > 8: N random shuffles from ``numpy.random.default_rng(seed)`` and
  p = (count + 1) / (N + 1), which counts the observed order too and is never 0
  (Phipson & Smyth 2010). The same seed gives the same p.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import numpy as np
import pandas as pd

from widgets.models.inputs import InputError, count, number

EXACT_MAX_N = 8
_TOL = 1e-12


def _values(name: str, values) -> np.ndarray:
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise InputError(f"{name} must be a list of numbers; got {values!r}.")
    return np.array([number(f"{name}[{i}]", v) for i, v in enumerate(values)], dtype=float)


def _pair(x, y) -> tuple[np.ndarray, np.ndarray]:
    """Two equally long arrays of at least 3 finite numbers, neither constant."""
    xs, ys = _values("x", x), _values("y", y)
    if xs.size != ys.size:
        raise InputError(f"x and y must have the same length; got {xs.size} and {ys.size}.")
    if xs.size < 3:
        raise InputError(
            f"a rank correlation needs at least 3 pairs of values; got {xs.size}. "
            "With 2 points the ranks always agree or disagree perfectly."
        )
    for name, v in (("x", xs), ("y", ys)):
        if np.all(v == v[0]):
            raise InputError(
                f"all values of {name} are equal ({v[0]:g}), so they cannot be ranked and the "
                "correlation is undefined; choose a variable that varies."
            )
    return xs, ys


def average_ranks(values: Iterable[float]) -> np.ndarray:
    """Ranks 1..n; tied values get the average of the ranks they occupy."""
    v = _values("values", values)
    order = np.argsort(v, kind="mergesort")
    ordered = v[order]
    starts_group = np.r_[True, ordered[1:] != ordered[:-1]]
    group = np.cumsum(starts_group) - 1
    first = np.flatnonzero(starts_group)  # 0-based position where each tie group starts
    last = np.r_[first[1:], v.size] - 1  # ... and ends
    ranks = np.empty(v.size)
    ranks[order] = ((first + last) / 2.0 + 1.0)[group]
    return ranks


def _centred_ranks(values: np.ndarray) -> np.ndarray:
    r = average_ranks(values)
    r = r - r.mean()
    return r / np.sqrt(r @ r)


def spearman(x: Iterable[float], y: Iterable[float]) -> float:
    """Spearman's rho between x and y (average ranks for ties)."""
    xs, ys = _pair(x, y)
    return float(np.clip(_centred_ranks(xs) @ _centred_ranks(ys), -1.0, 1.0))


class PermutationMethod(StrEnum):
    """How a p-value was obtained (compares equal to its string, e.g. ``"exact"``)."""

    EXACT = "exact"  # every one of the n! shuffles
    MONTE_CARLO = "monte carlo"  # N random shuffles from a seeded generator


@lru_cache(maxsize=EXACT_MAX_N)
def _all_orders(n: int) -> np.ndarray:
    return np.array(list(itertools.permutations(range(n))), dtype=np.intp)


@dataclass(frozen=True)
class RankTestResult:
    """rho, its two-sided permutation p-value, and how the p-value was obtained.

    ``method`` is a :class:`PermutationMethod` ("exact" or "monte carlo"); ``permutations`` is how many shuffles
    were compared; ``dropped`` lists members left out (see :func:`rank_test_frame`).
    """

    rho: float
    p_value: float
    n: int
    method: PermutationMethod
    permutations: int
    dropped: tuple[str, ...] = ()
    #: One-sided p-value for the alternative rho > 0 (the share of shuffles with rho at
    #: least as large as the observed one, signed), as Olson and Zeckhauser predict.
    p_greater: float = float("nan")


def permutation_test(
    x: Iterable[float], y: Iterable[float], n_permutations: int = 9999, seed: int = 0
) -> RankTestResult:
    """Spearman's rho with a two-sided permutation p-value (exact when n ≤ 8)."""
    xs, ys = _pair(x, y)
    rx, ry = _centred_ranks(xs), _centred_ranks(ys)
    rho = float(np.clip(rx @ ry, -1.0, 1.0))
    n = xs.size
    if n <= EXACT_MAX_N:
        shuffled = ry[_all_orders(n)] @ rx
        hits = int(np.sum(np.abs(shuffled) >= abs(rho) - _TOL))
        up = int(np.sum(shuffled >= rho - _TOL))
        return RankTestResult(
            rho, hits / len(shuffled), n, PermutationMethod.EXACT, len(shuffled), p_greater=up / len(shuffled)
        )
    big_n = count("the number of permutations", n_permutations)
    if big_n < 1:
        raise InputError("the number of permutations must be at least 1; 9999 is a good choice.")
    rng = np.random.default_rng(count("seed", seed))
    orders = np.argsort(rng.random((big_n, n)), axis=1)  # each row: a uniformly random order
    shuffled = ry[orders] @ rx
    hits = int(np.sum(np.abs(shuffled) >= abs(rho) - _TOL))
    up = int(np.sum(shuffled >= rho - _TOL))
    return RankTestResult(
        rho, (hits + 1) / (big_n + 1), n, PermutationMethod.MONTE_CARLO, big_n, p_greater=(up + 1) / (big_n + 1)
    )


def rank_test_frame(
    frame: pd.DataFrame,
    x: str,
    y: str,
    drop: Iterable[str] = (),
    label: str | None = None,
    n_permutations: int = 9999,
    seed: int = 0,
) -> RankTestResult:
    """The test on two columns of ``frame`` after leaving out the members in ``drop``.

    Why: "does the result hinge on the United States?" Members are named in the
    ``label`` column, or by the index if ``label`` is None. Unknown names and
    missing values raise rather than being skipped, so n is always what you think.
    """
    if not isinstance(frame, pd.DataFrame):
        raise InputError(f"frame must be a pandas DataFrame; got {type(frame).__name__}.")
    for column in [x, y] + ([label] if label is not None else []):
        if column not in frame.columns:
            raise InputError(f"the table has no column {column!r}; it has {', '.join(map(str, frame.columns))}.")
    names = frame[label] if label is not None else pd.Series(frame.index, index=frame.index)
    drop = (drop,) if isinstance(drop, str) else tuple(drop)
    unknown = [d for d in drop if d not in set(names)]
    if unknown:
        raise InputError(f"cannot drop {', '.join(map(str, unknown))}: not in the table (check the spelling).")
    kept = frame[~names.isin(drop).to_numpy()]
    kept_names = names[~names.isin(drop).to_numpy()]
    gaps = kept[[x, y]].isna().any(axis=1).to_numpy()
    if gaps.any():
        raise InputError(
            f"missing values for {', '.join(map(str, kept_names[gaps]))}; fill them in or drop these members."
        )
    result = permutation_test(kept[x].to_numpy(), kept[y].to_numpy(), n_permutations, seed)
    return RankTestResult(
        result.rho, result.p_value, result.n, result.method, result.permutations, drop, p_greater=result.p_greater
    )
