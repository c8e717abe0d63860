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
* n > 8: N random shuffles and p = (count + 1) / (N + 1), which counts the
  observed order too and is never 0 (Phipson & Smyth 2010). The same seed gives
  the same p. The shuffles are the ones ``numpy.random.default_rng(seed)`` gives
  (row i is the order that sorts the i-th n draws of ``rng.random``), from the
  standard library's copy of numpy's generator (:mod:`widgets.models.pcg64`), so
  the p-values are the same in the kernel and on the live site.

Standard library only: the live site runs this module in the browser.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from widgets.models import pcg64
from widgets.models.inputs import InputError, count, number

EXACT_MAX_N = 8
_TOL = 1e-12


def _values(name: str, values) -> list[float]:
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise InputError(f"{name} must be a list of numbers; got {values!r}.")
    return [number(f"{name}[{i}]", v) for i, v in enumerate(values)]


def _pair(x, y) -> tuple[list[float], list[float]]:
    """Two equally long lists of at least 3 finite numbers, neither constant."""
    xs, ys = _values("x", x), _values("y", y)
    if len(xs) != len(ys):
        raise InputError(f"x and y must have the same length; got {len(xs)} and {len(ys)}.")
    if len(xs) < 3:
        raise InputError(
            f"a rank correlation needs at least 3 pairs of values; got {len(xs)}. "
            "With 2 points the ranks always agree or disagree perfectly."
        )
    for name, v in (("x", xs), ("y", ys)):
        if all(value == v[0] for value in v):
            raise InputError(
                f"all values of {name} are equal ({v[0]:g}), so they cannot be ranked and the "
                "correlation is undefined; choose a variable that varies."
            )
    return xs, ys


def average_ranks(values: Iterable[float]) -> tuple[float, ...]:
    """Ranks 1..n; tied values get the average of the ranks they occupy."""
    v = _values("values", values)
    order = sorted(range(len(v)), key=v.__getitem__)
    ranks = [0.0] * len(v)
    start = 0
    while start < len(order):
        end = start  # the tie group is order[start..end]
        while end + 1 < len(order) and v[order[end + 1]] == v[order[start]]:
            end += 1
        for i in order[start : end + 1]:
            ranks[i] = (start + end) / 2.0 + 1.0
        start = end + 1
    return tuple(ranks)


def _centred_ranks(values: list[float]) -> list[float]:
    r = average_ranks(values)
    mean = sum(r) / len(r)
    centred = [v - mean for v in r]
    norm = math.sqrt(sum(v * v for v in centred))
    return [v / norm for v in centred]


def _dot(a, b) -> float:
    return sum(p * q for p, q in zip(a, b))


def _clip(rho: float) -> float:
    return min(1.0, max(-1.0, rho))


def spearman(x: Iterable[float], y: Iterable[float]) -> float:
    """Spearman's rho between x and y (average ranks for ties)."""
    xs, ys = _pair(x, y)
    return _clip(_dot(_centred_ranks(xs), _centred_ranks(ys)))


class PermutationMethod(StrEnum):
    """How a p-value was obtained (compares equal to its string, e.g. ``"exact"``)."""

    EXACT = "exact"  # every one of the n! shuffles
    MONTE_CARLO = "monte carlo"  # N random shuffles from a seeded generator


@lru_cache(maxsize=EXACT_MAX_N)
def _all_orders(n: int) -> tuple[tuple[int, ...], ...]:
    return tuple(itertools.permutations(range(n)))


#: seed -> (its generator, the draws made so far): one stream per seed, extended as needed
_STREAMS: dict[int, tuple[pcg64.Generator, list[float]]] = {}


def _draws(seed: int, count: int) -> list[float]:
    """The first ``count`` doubles of ``seed``'s stream.

    Why one stream: the orders for n members are the stream cut into rows of n, so
    every n reads a prefix of the same draws. Drawing them once (the costly part in
    pure Python) makes a change of membership cost only the sorting.
    """
    generator, draws = _STREAMS.setdefault(seed, (pcg64.Generator(seed), []))
    if len(draws) < count:
        draws.extend(generator.randoms(count - len(draws)))
    return draws[:count]


@lru_cache(maxsize=8)
def random_orders(n: int, size: int, seed: int) -> tuple[tuple[int, ...], ...]:
    """``numpy.argsort(numpy.random.default_rng(seed).random((size, n)), axis=1)``, as tuples.

    The draws are numpy's, bit for bit (:mod:`widgets.models.pcg64`); a row with two equal
    53-bit values, where numpy's quicksort and ``sorted`` could order a tie differently, does
    not occur in practice (the tests compare the orders the chapter uses with numpy's).
    """
    draws = _draws(seed, size * n)
    return tuple(tuple(sorted(range(n), key=draws[i * n : (i + 1) * n].__getitem__)) for i in range(size))


@dataclass(frozen=True)
class RankTestResult:
    """rho, its two-sided permutation p-value, and how the p-value was obtained.

    ``method`` is a :class:`PermutationMethod` ("exact" or "monte carlo"); ``permutations`` is how many shuffles
    were compared; ``dropped`` lists members left out (see :func:`rank_test_rows`).
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


def _shuffled(rx: list[float], ry: list[float], orders) -> tuple[int, int]:
    """How many orders of ry give |rho| ≥ |observed| and rho ≥ observed (up to 1e-12)."""
    rho = _clip(_dot(rx, ry))
    both, up = abs(rho) - _TOL, rho - _TOL
    hits = ups = 0
    for order in orders:
        value = sum(ry[j] * r for j, r in zip(order, rx))
        hits += abs(value) >= both
        ups += value >= up
    return hits, ups


def permutation_test(
    x: Iterable[float], y: Iterable[float], n_permutations: int = 9999, seed: int = 0
) -> RankTestResult:
    """Spearman's rho with a two-sided permutation p-value (exact when n ≤ 8)."""
    xs, ys = _pair(x, y)
    rx, ry = _centred_ranks(xs), _centred_ranks(ys)
    rho = _clip(_dot(rx, ry))
    n = len(xs)
    if n <= EXACT_MAX_N:
        orders = _all_orders(n)
        hits, up = _shuffled(rx, ry, orders)
        total = len(orders)
        return RankTestResult(rho, hits / total, n, PermutationMethod.EXACT, total, p_greater=up / total)
    big_n = count("the number of permutations", n_permutations)
    if big_n < 1:
        raise InputError("the number of permutations must be at least 1; 9999 is a good choice.")
    hits, up = _shuffled(rx, ry, random_orders(n, big_n, count("seed", seed)))
    return RankTestResult(
        rho, (hits + 1) / (big_n + 1), n, PermutationMethod.MONTE_CARLO, big_n, p_greater=(up + 1) / (big_n + 1)
    )


def rank_test_rows(
    names: Iterable[str],
    x: Iterable,
    y: Iterable,
    drop: Iterable[str] = (),
    n_permutations: int = 9999,
    seed: int = 0,
) -> RankTestResult:
    """The test on paired values of named members after leaving out the members in ``drop``.

    Why: "does the result hinge on the United States?" Unknown names and missing
    values (None or NaN) raise rather than being skipped, so n is always what you think.
    """
    names, xs, ys = list(names), list(x), list(y)
    drop = (drop,) if isinstance(drop, str) else tuple(drop)
    known = set(names)
    unknown = [d for d in drop if d not in known]
    if unknown:
        raise InputError(f"cannot drop {', '.join(map(str, unknown))}: not in the table (check the spelling).")
    gone = set(drop)
    kept = [(name, a, b) for name, a, b in zip(names, xs, ys) if name not in gone]

    def missing(value) -> bool:
        return value is None or (isinstance(value, float) and math.isnan(value))

    gaps = [name for name, a, b in kept if missing(a) or missing(b)]
    if gaps:
        raise InputError(f"missing values for {', '.join(map(str, gaps))}; fill them in or drop these members.")
    result = permutation_test([a for _, a, _ in kept], [b for _, _, b in kept], n_permutations, seed)
    return RankTestResult(
        result.rho, result.p_value, result.n, result.method, result.permutations, drop, p_greater=result.p_greater
    )


def rank_test_frame(
    frame,
    x: str,
    y: str,
    drop: Iterable[str] = (),
    label: str | None = None,
    n_permutations: int = 9999,
    seed: int = 0,
) -> RankTestResult:
    """:func:`rank_test_rows` on two columns of a pandas DataFrame.

    Members are named in the ``label`` column, or by the index if ``label`` is None.
    """
    import pandas as pd  # only this notebook helper needs pandas; the live site never calls it

    if not isinstance(frame, pd.DataFrame):
        raise InputError(f"frame must be a pandas DataFrame; got {type(frame).__name__}.")
    for column in [x, y] + ([label] if label is not None else []):
        if column not in frame.columns:
            raise InputError(f"the table has no column {column!r}; it has {', '.join(map(str, frame.columns))}.")
    names = frame[label] if label is not None else frame.index
    return rank_test_rows(
        names.tolist(), frame[x].tolist(), frame[y].tolist(), drop, n_permutations=n_permutations, seed=seed
    )
