"""Spearman's rank correlation with a permutation test.

Why: the burden-sharing chapter asks whether richer allies spend a larger share
of income on defence. With a few dozen allies and skewed data, a rank correlation
and a permutation test make few assumptions and can be explained in one sentence:
"how often would shuffling the allies give a correlation at least this strong?"

Conventions:

* ranks start at 1; tied values share the average of their ranks;
* Spearman's rho is the Pearson correlation of the two rank vectors (this is the
  definition that stays correct with ties);
* the test is two-sided: it counts shuffles with |rho| ≥ |observed rho|, compared
  exactly (in integers), so a shuffle that ties the observed rho is counted;
* n ≤ 8: every one of the n! shuffles is enumerated and p = count / n!
  (the observed order is one of them, so p ≥ 1/n!);
* n > 8: N random shuffles and p = (count + 1) / (N + 1), which counts the
  observed order too and is never 0 (Phipson & Smyth 2010). The same seed gives
  the same p. Shuffle i comes from the i-th W draws of
  ``numpy.random.default_rng(seed).random``, W being the power of two at or above n:
  it is the order that sorts those W draws, with the indices from n up removed (n of
  W uniformly shuffled items are themselves in a uniformly shuffled order). Why W
  and not n: every n from 17 to 32 reads the same sorted rows, so leaving a member
  out costs no new sorting, and the live site redraws within its 100 ms. The draws
  come from the standard library's copy of numpy's generator
  (:mod:`widgets.models.pcg64`), so the p-values are the same in the kernel and on
  the live site (which ships the sorted rows rather than sorting them on the page).

Standard library only: the live site runs this module in the browser.
"""

from __future__ import annotations

import itertools
import math
import sys
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from operator import mul

from widgets.models import pcg64
from widgets.models.inputs import InputError, count, number

EXACT_MAX_N = 8


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


#: seed -> (its generator, the draws made so far): one stream per seed, extended as needed
_STREAMS: dict[int, tuple[pcg64.Generator, list[float]]] = {}


def _draws(seed: int, count: int) -> list[float]:
    """The first ``count`` doubles of ``seed``'s stream (drawn once: the costly part in pure Python)."""
    generator, draws = _STREAMS.setdefault(seed, (pcg64.Generator(seed), []))
    if len(draws) < count:
        draws.extend(generator.randoms(count - len(draws)))
    return draws[:count]


def width(n: int) -> int:
    """How many draws each shuffle of n items is cut from: the power of two at or above n."""
    return 1 << (n - 1).bit_length()


def _sorted_rows(row: int, size: int, seed: int) -> list[list[int]]:
    """``numpy.argsort(numpy.random.default_rng(seed).random((size, row)), axis=1)``, as lists.

    The draws are numpy's, bit for bit (:mod:`widgets.models.pcg64`); a row with two equal
    53-bit values, where numpy's quicksort and ``sorted`` could order a tie differently, does
    not occur in practice (the tests compare the rows the chapter uses with numpy's).
    """
    draws, places = _draws(seed, size * row), range(row)
    return [sorted(places, key=draws[i * row : (i + 1) * row].__getitem__) for i in range(size)]


#: (row, size, seed) -> :func:`flat_rows`; the live bundle fills it in with :func:`remember_rows`
_ROWS: dict[tuple[int, int, int], bytes | tuple[int, ...]] = {}


def flat_rows(row: int, size: int, seed: int) -> bytes | tuple[int, ...]:
    """:func:`_sorted_rows` end to end: bytes when row ≤ 256 (one byte per index), else a tuple.

    Drawing and sorting the rows is the slow part in pure Python (0.6 s in the browser for
    9,999 rows of 32), so each is sorted once, and the live site ships the one it uses.
    """
    key = (row, size, seed)
    if key not in _ROWS:
        flat = itertools.chain.from_iterable(_sorted_rows(row, size, seed))
        _ROWS[key] = bytes(flat) if row <= 256 else tuple(flat)
    return _ROWS[key]


def remember_rows(row: int, size: int, seed: int, rows: bytes) -> None:
    """Take :func:`flat_rows` from a file written by it (the live bundle's), after checking its shape."""
    if len(rows) != row * size or row > 256 or sorted(rows[:row]) != list(range(row)):
        raise ValueError(f"not {size} shuffles of {row} items: {len(rows)} bytes")
    _ROWS[(row, size, seed)] = bytes(rows)


def _kept(rows: bytes | tuple[int, ...], n: int) -> bytes | list[int]:
    """The rows with every index ≥ n removed: the shuffles of range(n), end to end."""
    if isinstance(rows, bytes):
        return rows.translate(None, bytes(range(n, 256)))  # C-level: delete every byte ≥ n
    return [j for j in rows if j < n]


def random_orders(n: int, size: int, seed: int) -> tuple[tuple[int, ...], ...]:
    """The ``size`` seeded shuffles of ``range(n)``: the rows of :func:`width`, indices ≥ n removed."""
    kept = iter(_kept(flat_rows(width(n), size, seed), n))
    return tuple(zip(*[kept] * n))


@lru_cache(maxsize=2)
def _every_order(n: int) -> bytes:
    """All n! orders of range(n) end to end (n ≤ 8: at most 322,560 bytes)."""
    return bytes(itertools.chain.from_iterable(itertools.permutations(range(n))))


def _integer_ranks(values: list[float]) -> tuple[list[int], int]:
    """The ranks minus 1, doubled if there are ties (their ranks end in .5), and the factor (1 or 2)."""
    ranks = average_ranks(values)
    scale = 1 if all(r == int(r) for r in ranks) else 2
    return [int(scale * (r - 1)) for r in ranks], scale


def _shuffled(xs: list[float], ys: list[float], orders: bytes | list[int]) -> tuple[int, int]:
    """How many of the shuffles in ``orders`` give |rho| ≥ |observed| and rho ≥ observed.

    Exactly, in integers: rho is a fixed multiple of Σ (a_k − ā)(b_σ(k) − b̄) for the integer ranks
    a and b, so equal correlations compare equal. Why one big integer: the live site has no
    numpy, and even a loop of C-level maps over 9,999 shuffles of 32 Allies takes 135 ms
    there (this takes about 20 ms).
    The shuffled b values are packed, w bytes each, into one integer C, and the weights a into
    a short one, R = Σ a_k·256^(w(n−1−k)); in the product C·R the coefficient at place
    i·n + n − 1 is Σ_k a_k·b_σi(k), the sum for shuffle i, and w is wide enough that no
    coefficient carries into the next. The orders are bytes (n ≤ 128 here; else a loop).
    """
    (a, scale_a), (b, scale_b) = _integer_ranks(xs), _integer_ranks(ys)
    n = len(a)
    count = len(orders) // n
    # Σ a_k b_σ(k) minus its mean over shuffles, times 4 (the mean n·ā·b̄ can end in .25)
    mean4 = n * scale_a * scale_b * (n - 1) ** 2
    observed = 4 * sum(map(mul, a, b)) - mean4
    if isinstance(orders, bytes) and n <= 128:
        w = ((n * max(a) * max(b)).bit_length() + 7) // 8  # bytes per coefficient: none carries
        spread = bytearray(w * len(orders))
        spread[0::w] = orders.translate(bytes(b) + bytes(256 - n))  # b at each shuffled place
        weights = b"".join(v.to_bytes(w, "little") for v in reversed(a))
        product = (int.from_bytes(spread, "little") * int.from_bytes(weights, "little")).to_bytes(
            w * (len(orders) + n), "little"
        )
        step, first = w * n, w * (n - 1)
        packed = bytearray(4 * count)  # each sum as 4 little-endian bytes
        for byte in range(w):
            packed[byte::4] = product[first + byte :: step][:count]
        sums = array("I", packed)  # C unsigned int: 4 bytes wherever Python runs
        if sys.byteorder == "big":
            sums.byteswap()
    else:
        it = iter(orders)
        sums = [sum(map(mul, a, map(b.__getitem__, order))) for order in zip(*[it] * n)]
    values = [4 * v - mean4 for v in sums]
    return sum(map(abs(observed).__le__, map(abs, values))), sum(map(observed.__le__, values))


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


def permutation_test(
    x: Iterable[float], y: Iterable[float], n_permutations: int = 9999, seed: int = 0
) -> RankTestResult:
    """Spearman's rho with a two-sided permutation p-value (exact when n ≤ 8)."""
    xs, ys = _pair(x, y)
    rho = _clip(_dot(_centred_ranks(xs), _centred_ranks(ys)))
    n = len(xs)
    if n <= EXACT_MAX_N:
        total = math.factorial(n)
        hits, up = _shuffled(xs, ys, _every_order(n))
        return RankTestResult(rho, hits / total, n, PermutationMethod.EXACT, total, p_greater=up / total)
    big_n = count("the number of permutations", n_permutations)
    if big_n < 1:
        raise InputError("the number of permutations must be at least 1; 9999 is a good choice.")
    hits, up = _shuffled(xs, ys, _kept(flat_rows(width(n), big_n, count("seed", seed)), n))
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
