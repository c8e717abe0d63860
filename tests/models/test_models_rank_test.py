"""Tests for Spearman's rho and its permutation test."""

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from widgets.models.inputs import InputError
from widgets.models.rank_test import (
    PermutationMethod,
    RankTestResult,
    average_ranks,
    permutation_test,
    random_orders,
    width,
    rank_test_frame,
    rank_test_rows,
    spearman,
)


def test_average_ranks_by_hand():
    assert list(average_ranks([3, 1, 2])) == [3, 1, 2]
    assert list(average_ranks([10, 20, 20, 30])) == [1, 2.5, 2.5, 4]  # 20s share ranks 2 and 3
    assert list(average_ranks([5, 5, 5, 1])) == [3, 3, 3, 1]  # 5s share ranks 2, 3, 4


@pytest.mark.parametrize("seed", range(10))
def test_matches_scipy_without_ties(seed):
    rng = np.random.default_rng(seed)
    x, y = rng.normal(size=25), rng.normal(size=25)
    y = y + 0.5 * x
    assert spearman(x, y) == pytest.approx(stats.spearmanr(x, y).statistic, abs=1e-12)


@pytest.mark.parametrize("seed", range(10))
def test_matches_scipy_with_ties(seed):
    rng = np.random.default_rng(100 + seed)
    x, y = rng.integers(0, 4, size=30), rng.integers(0, 5, size=30)
    assert spearman(x, y) == pytest.approx(stats.spearmanr(x, y).statistic, abs=1e-12)


@settings(max_examples=100, deadline=None, database=None)
@given(st.lists(st.tuples(st.integers(-5, 5), st.floats(-1e3, 1e3)), min_size=3, max_size=40))
def test_matches_scipy_on_generated_data(pairs):
    x = [p[0] for p in pairs]
    y = [p[1] for p in pairs]
    if len(set(x)) < 2 or len(set(y)) < 2:
        with pytest.raises(InputError, match="undefined"):
            spearman(x, y)
    else:
        assert spearman(x, y) == pytest.approx(stats.spearmanr(x, y).statistic, abs=1e-10)


def test_monotone_gives_plus_or_minus_one():
    x = np.linspace(-3, 3, 15)
    assert spearman(x, x**3) == pytest.approx(1.0)
    assert spearman(x, -np.exp(x)) == pytest.approx(-1.0)
    # identical tie patterns are still perfectly monotone
    assert spearman([1, 2, 2, 3], [10, 20, 20, 40]) == pytest.approx(1.0)


# --------------------------------------------------------------- exact p-values


def test_exact_p_three_points():
    # x = y = (1,2,3): the 6 orders of y give rho = 1, .5, .5, -.5, -.5, -1
    # (rho = 1 - sum d^2 / 4); |rho| >= 1 for 2 of them: p = 2/6.
    result = permutation_test([1, 2, 3], [1, 2, 3])
    assert result.rho == pytest.approx(1.0)
    assert result.p_value == pytest.approx(1 / 3)
    assert result.method == "exact" and result.permutations == 6
    assert result.method is PermutationMethod.EXACT  # a StrEnum: equal to its string, and typed


def test_exact_p_four_points():
    # y = (1,2,4,3): sum d^2 = 2, rho = 1 - 6*2/(4*15) = 0.8.
    # |rho| >= 0.8 <=> sum d^2 <= 2 or >= 18 (rho = 1 - sum d^2 / 10):
    # identity (0), 3 adjacent swaps (2), their 3 mirror images (18), reversal (20) = 8 of 24.
    result = permutation_test([1, 2, 3, 4], [1, 2, 4, 3])
    assert result.rho == pytest.approx(0.8)
    assert result.p_value == pytest.approx(8 / 24)
    # perfectly monotone: only the identity and the reversal reach |rho| = 1: 2/24
    assert permutation_test([1, 2, 3, 4], [2, 4, 6, 8]).p_value == pytest.approx(2 / 24)


def test_exact_p_with_a_tie():
    # y ranks (1.5, 1.5, 3); centred x = (-1, 0, 1). rho = 1.5 / sqrt(2 * 1.5) = 0.866.
    # Of the 6 orders, "3" last (2 orders) gives +0.866, first (2) gives -0.866, middle (2) gives 0:
    # p = 4/6.
    result = permutation_test([1, 2, 3], [1, 1, 2])
    assert result.rho == pytest.approx(1.5 / math.sqrt(3))
    assert result.p_value == pytest.approx(4 / 6)


def test_exact_enumeration_up_to_eight_points():
    rng = np.random.default_rng(5)
    x, y = rng.normal(size=8), rng.normal(size=8)
    result = permutation_test(x, y)
    assert result.method == "exact" and result.permutations == math.factorial(8)
    # independent enumeration with scipy's ranks (no ties: both rank vectors have the same norm)
    rho = stats.spearmanr(x, y).statistic
    rx = stats.rankdata(x) - 4.5
    ry = stats.rankdata(y) - 4.5
    orders = np.array(list(itertools.permutations(range(8))))
    values = ry[orders] @ rx / (rx @ rx)
    expected = np.mean(np.abs(values) >= abs(rho) - 1e-12)
    assert result.p_value == pytest.approx(expected, abs=1e-15)


# --------------------------------------------------------------- Monte Carlo


def test_monte_carlo_is_deterministic_for_a_seed():
    rng = np.random.default_rng(2)
    x, y = rng.normal(size=20), rng.normal(size=20)
    first = permutation_test(x, y, n_permutations=2000, seed=11)
    assert first == permutation_test(x, y, n_permutations=2000, seed=11)
    assert first.method == "monte carlo" and first.permutations == 2000
    assert first.method is PermutationMethod.MONTE_CARLO
    assert 0 < first.p_value <= 1


def test_monte_carlo_p_never_zero():
    # perfectly monotone, n = 12: hitting |rho| = 1 by chance has probability 2/12!, so
    # no shuffle does and p = (0 + 1)/(999 + 1) = 0.001
    x = np.arange(12)
    assert permutation_test(x, 2 * x + 1, n_permutations=999, seed=0).p_value == pytest.approx(0.001)


def test_monte_carlo_agrees_with_full_enumeration_for_nine_points():
    x = np.array([3.1, 0.2, 5.5, 4.0, 1.7, 2.2, 8.4, 6.1, 7.3])
    y = np.array([1.0, 2.5, 2.0, 6.3, 0.4, 3.9, 5.2, 8.8, 4.1])
    rx = stats.rankdata(x) - 5
    ry = stats.rankdata(y) - 5
    orders = np.array(list(itertools.permutations(range(9))))
    values = ry[orders] @ rx / (rx @ rx)
    rho = ry @ rx / (rx @ rx)
    exact = np.mean(np.abs(values) >= abs(rho) - 1e-12)
    estimate = permutation_test(x, y, n_permutations=20000, seed=3).p_value
    # standard error sqrt(p(1-p)/N) <= 0.0036; allow about 4 standard errors
    assert estimate == pytest.approx(exact, abs=0.015)


# --------------------------------------------------------------- data frames


FRAME = pd.DataFrame(
    {
        "country": ["USA", "UK", "France", "Germany", "Italy", "Canada", "Norway", "Spain"],
        "gdp": [25.0, 3.1, 2.8, 4.1, 2.0, 2.1, 0.5, 1.4],
        "burden": [3.5, 2.1, 1.9, 1.3, 1.5, 1.2, 1.6, 1.0],
    }
)


def test_frame_drops_named_members():
    result = rank_test_frame(FRAME, "gdp", "burden", drop=["USA"], label="country")
    kept = FRAME[FRAME["country"] != "USA"]
    direct = permutation_test(kept["gdp"], kept["burden"])
    assert result.rho == pytest.approx(direct.rho)
    assert result.p_value == pytest.approx(direct.p_value)
    assert result.n == 7 and result.dropped == ("USA",)
    assert isinstance(result, RankTestResult)


def test_frame_uses_index_when_no_label_and_accepts_one_name():
    indexed = FRAME.set_index("country")
    result = rank_test_frame(indexed, "gdp", "burden", drop="Norway")
    assert result.n == 7
    assert result.rho == pytest.approx(
        stats.spearmanr(indexed.drop("Norway")["gdp"], indexed.drop("Norway")["burden"]).statistic
    )


def test_frame_errors_are_explained():
    with pytest.raises(InputError, match="not in the table"):
        rank_test_frame(FRAME, "gdp", "burden", drop=["Narnia"], label="country")
    with pytest.raises(InputError, match="no column 'spending'"):
        rank_test_frame(FRAME, "gdp", "spending", label="country")
    gaps = FRAME.copy()
    gaps.loc[2, "burden"] = np.nan
    with pytest.raises(InputError, match="missing values for France"):
        rank_test_frame(gaps, "gdp", "burden", label="country")
    # dropping the member with the gap fixes it
    assert rank_test_frame(gaps, "gdp", "burden", drop=["France"], label="country").n == 7


# --------------------------------------------------------------- invalid input


@pytest.mark.parametrize(
    "x, y, message",
    [
        ([1, 2], [3, 4], "at least 3 pairs"),
        ([1, 2, 3], [5, 5, 5], "all values of y are equal"),
        ([4, 4, 4, 4], [1, 2, 3, 4], "correlation is undefined"),
        ([1, 2, 3], [1, 2], "same length"),
        ([1, 2, "three"], [1, 2, 3], "must be a number"),
        ([1, 2, float("nan")], [1, 2, 3], "finite"),
        ("123", [1, 2, 3], "list of numbers"),
    ],
)
def test_invalid_input_is_explained(x, y, message):
    with pytest.raises(InputError, match=message):
        spearman(x, y)
    with pytest.raises(InputError, match=message):
        permutation_test(x, y)


def test_invalid_permutation_settings():
    x = np.arange(10)
    with pytest.raises(InputError, match="at least 1"):
        permutation_test(x, x**2, n_permutations=0)
    with pytest.raises(InputError, match="whole number"):
        permutation_test(x, x**2, n_permutations=10.5)


# --------------------------------------------------------------- the stdlib port against numpy (the oracle)


def numpy_orders(n, size, seed):
    """Each row sorts the next W draws (W: the power of two at or above n); indices from n up are removed."""
    row = 1 << (n - 1).bit_length()
    rows = np.argsort(np.random.default_rng(seed).random((size, row)), axis=1)
    return rows[rows < n].reshape(size, n)  # row by row: each row keeps exactly n indices


def numpy_permutation_test(x, y, n_permutations=9999, seed=0):
    """The model as it was written with numpy (before the live-site port): the oracle."""
    xs, ys = np.asarray(x, float), np.asarray(y, float)

    def centred(v):
        r = stats.rankdata(v) - (v.size + 1) / 2
        return r / np.sqrt(r @ r)

    rx, ry = centred(xs), centred(ys)
    rho = float(np.clip(rx @ ry, -1.0, 1.0))
    n = xs.size
    if n <= 8:
        shuffled = ry[np.array(list(itertools.permutations(range(n))))] @ rx
        hits, up = np.sum(np.abs(shuffled) >= abs(rho) - 1e-12), np.sum(shuffled >= rho - 1e-12)
        return rho, hits / len(shuffled), up / len(shuffled)
    orders = numpy_orders(n, n_permutations, seed)
    shuffled = ry[orders] @ rx
    hits, up = np.sum(np.abs(shuffled) >= abs(rho) - 1e-12), np.sum(shuffled >= rho - 1e-12)
    return rho, (hits + 1) / (n_permutations + 1), (up + 1) / (n_permutations + 1)


def test_the_power_of_two_at_or_above_n():
    assert [width(n) for n in (9, 15, 16, 17, 27, 31, 32, 33)] == [16, 16, 16, 32, 32, 32, 32, 64]


@pytest.mark.parametrize("n", [9, 12, 16, 26, 27, 30, 31, 32])
def test_random_orders_are_numpys_argsort_restricted(n):
    assert random_orders(n, 9999, 0) == tuple(map(tuple, numpy_orders(n, 9999, 0).tolist()))
    assert random_orders(n, 50, 3) == tuple(map(tuple, numpy_orders(n, 50, 3).tolist()))


def test_rows_of_more_than_256_items_are_kept_as_a_tuple_and_still_numpys():
    assert random_orders(300, 3, 1) == tuple(map(tuple, numpy_orders(300, 3, 1).tolist()))
    rng = np.random.default_rng(8)
    x, y = rng.normal(size=300), rng.normal(size=300)
    y[:40] += x[:40]  # a weak correlation, so that some shuffles beat it and some do not
    got = permutation_test(x, y, n_permutations=200, seed=4)
    rho, p, p_greater = numpy_permutation_test(x, y, n_permutations=200, seed=4)
    assert 0.01 < got.p_value < 0.99
    assert (got.rho, got.p_value, got.p_greater) == pytest.approx((rho, p, p_greater), abs=1e-12)


def test_remembered_rows_are_the_ones_used_and_malformed_ones_are_refused():
    from widgets.models import rank_test

    key = (16, 5, 123)
    computed = rank_test.flat_rows(*key)
    try:
        # a file holding other (valid) rows: the test must follow the file, not recompute
        other = bytes(reversed(computed))
        rank_test.remember_rows(*key, other)
        assert rank_test.random_orders(16, 5, 123)[0] == tuple(reversed(computed[-16:]))
        with pytest.raises(ValueError, match="not 5 shuffles of 16 items"):
            rank_test.remember_rows(*key, other[:-1])
        with pytest.raises(ValueError, match="not 5 shuffles"):
            rank_test.remember_rows(*key, bytes(80))
    finally:
        rank_test._ROWS[key] = computed


def test_restricted_rows_are_uniform_shuffles():
    # n of W shuffled items are in a uniformly shuffled order: each of the 3! orders of 3 items
    # cut from rows of 4 comes up about 1/6 of the time (chi-squared, 5 degrees of freedom).
    from collections import Counter

    rows = random_orders(3, 60000, 5)
    counts = Counter(rows)
    assert len(counts) == 6
    expected = len(rows) / 6
    chi2 = sum((c - expected) ** 2 / expected for c in counts.values())
    assert chi2 < 20.5  # the 0.999 quantile of chi-squared with 5 degrees of freedom


@settings(max_examples=60, deadline=None, database=None)
@given(
    st.lists(st.tuples(st.integers(-4, 4), st.floats(-1e3, 1e3)), min_size=3, max_size=34),
    st.integers(0, 2**40),
    st.sampled_from([1, 99, 999]),
)
def test_permutation_test_matches_the_numpy_oracle(pairs, seed, n_permutations):
    x, y = [p[0] for p in pairs], [p[1] for p in pairs]
    if len(set(x)) < 2 or len(set(y)) < 2:
        return
    rho, p, p_greater = numpy_permutation_test(x, y, n_permutations, seed)
    result = permutation_test(x, y, n_permutations, seed)
    assert result.rho == pytest.approx(rho, abs=1e-12)
    assert (result.p_value, result.p_greater) == (p, p_greater)  # the same shuffles: the same counts


def test_the_chapters_tests_match_the_numpy_oracle():
    # the burden-sharing chapter's question on its data, for several members left out
    from widgets.tables import burden_sharing as tables

    for year in (2014, 2024):
        frame = tables.size_and_burden(year)
        for drop in ((), ("United States",), ("Germany", "Poland", "Greece"), tuple(frame["country"][:20])):
            kept = frame[~frame["country"].isin(drop)]
            rho, p, p_greater = numpy_permutation_test(kept[tables.GDP], kept[tables.SHARE])
            result = rank_test_frame(frame, tables.GDP, tables.SHARE, drop=drop, label="country")
            assert result.rho == pytest.approx(rho, abs=1e-12)
            assert (result.p_value, result.p_greater, result.n) == (p, p_greater, len(kept))


def test_rows_without_pandas():
    names, x, y = FRAME["country"].tolist(), FRAME["gdp"].tolist(), FRAME["burden"].tolist()
    assert rank_test_rows(names, x, y, drop=["USA"]) == rank_test_frame(
        FRAME, "gdp", "burden", drop=["USA"], label="country"
    )
    with pytest.raises(InputError, match="missing values for UK"):
        rank_test_rows(names, x, [y[0], None, *y[2:]])
    with pytest.raises(InputError, match="not in the table"):
        rank_test_rows(names, x, y, drop="Narnia")
