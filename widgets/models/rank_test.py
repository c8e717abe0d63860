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
  (row i is the order that sorts the i-th n draws of ``rng.random``), computed
  here with the standard library (:func:`random_orders`), so the p-values are
  the same in the kernel and on the live site.

Standard library only: the live site runs this module in the browser.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

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


# -- numpy's default generator, in the standard library ----------------------------------
# numpy.random.default_rng(seed) is PCG64 (XSL-RR 128/64) seeded through SeedSequence; the
# constants below are numpy's. tests/test_models_rank_test.py compares the stream with numpy's.
_M32, _M64, _M128 = (1 << 32) - 1, (1 << 64) - 1, (1 << 128) - 1
_PCG_MULT = 0x2360ED051FC65DA44385DF649FCCF645
_INIT_A, _MULT_A, _INIT_B, _MULT_B = 0x43B0D7E5, 0x931E8875, 0x8B51F9DD, 0x58F38DED
_MIX_L, _MIX_R, _XSHIFT = 0xCA01F9DD, 0x4973F715, 16


def seed_words(seed: int, n_words: int) -> list[int]:
    """``numpy.random.SeedSequence(seed).generate_state(n_words)``: 32-bit words (pool of 4)."""
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise InputError(f"the seed must be a whole number ≥ 0; got {seed!r}.")
    entropy, rest = [], seed
    while True:
        entropy.append(rest & _M32)
        rest >>= 32
        if not rest:
            break
    entropy += [0] * (4 - len(entropy))
    mult = _INIT_A

    def hashmix(value: int) -> int:
        nonlocal mult
        value = (value ^ mult) & _M32
        mult = (mult * _MULT_A) & _M32
        value = (value * mult) & _M32
        return value ^ (value >> _XSHIFT)

    def mix(x: int, y: int) -> int:
        r = (_MIX_L * x - _MIX_R * y) & _M32
        return r ^ (r >> _XSHIFT)

    pool = [hashmix(entropy[i]) for i in range(4)]
    for src in range(4):
        for dst in range(4):
            if src != dst:
                pool[dst] = mix(pool[dst], hashmix(pool[src]))
    for src in range(4, len(entropy)):
        for dst in range(4):
            pool[dst] = mix(pool[dst], hashmix(entropy[src]))
    mult, out = _INIT_B, []
    for i in range(n_words):
        word = (pool[i % 4] ^ mult) & _M32
        mult = (mult * _MULT_B) & _M32
        word = (word * mult) & _M32
        out.append(word ^ (word >> _XSHIFT))
    return out


def raw_draws(seed: int, size: int) -> list[int]:
    """The first ``size`` 64-bit outputs of ``numpy.random.default_rng(seed)`` (``random_raw``)."""
    w = seed_words(seed, 8)
    v = [w[2 * i] | (w[2 * i + 1] << 32) for i in range(4)]  # four little-endian 64-bit words
    initial, inc = (v[0] << 64) | v[1], ((((v[2] << 64) | v[3]) << 1) | 1) & _M128
    state = (((inc + initial) & _M128) * _PCG_MULT + inc) & _M128  # numpy's pcg64_set_seed
    out = []
    for _ in range(size):
        state = (state * _PCG_MULT + inc) & _M128
        x = (state >> 64) ^ (state & _M64)
        turn = state >> 122
        out.append(((x >> turn) | (x << (64 - turn))) & _M64)
    return out


@lru_cache(maxsize=8)
def random_orders(n: int, size: int, seed: int) -> tuple[tuple[int, ...], ...]:
    """``numpy.argsort(numpy.random.default_rng(seed).random((size, n)), axis=1)``, as tuples.

    ``rng.random`` is ``(draw >> 11) * 2**-53``, so sorting by ``draw >> 11`` gives the same
    order (rows with two equal values do not occur for the sizes used here: 53-bit values).
    """
    draws = [d >> 11 for d in raw_draws(seed, size * n)]
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
