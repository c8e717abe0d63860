"""Tests for the spending-guideline counts."""

import numpy as np
import pandas as pd
import pytest

from widgets.models.guidelines import at_or_above, count_at_or_above, line, sort_members
from widgets.models.inputs import InputError

SHARES = pd.Series({"Beta": 2.00, "alpha": 1.99, "Gamma": 3.50, "Delta": 0.37, "Epsilon": 2.00})


def test_at_or_above_includes_the_line_itself():
    # 2.00 is on the line and counts; 1.99 does not
    assert at_or_above(SHARES, 2) == ("Gamma", "Beta", "Epsilon")
    assert count_at_or_above(SHARES, 2.0) == 3
    assert count_at_or_above(SHARES, 3.5) == 1
    assert count_at_or_above(SHARES, 3.51) == 0
    assert count_at_or_above(SHARES, 0) == 5


def test_sort_by_value_and_by_name():
    assert [name for name, _ in sort_members(SHARES, "value")] == ["Gamma", "Beta", "Epsilon", "alpha", "Delta"]
    assert [name for name, _ in sort_members(SHARES, "name")] == ["alpha", "Beta", "Delta", "Epsilon", "Gamma"]
    assert sort_members(SHARES, "value")[0] == ("Gamma", 3.5)
    assert sort_members(dict(SHARES), "value") == sort_members(SHARES, "value")  # a dict as well as a Series


def pandas_oracle(shares: pd.Series, threshold: float, by: str):
    """The model as it was written with pandas (before the live-site port)."""
    hits = shares[shares >= threshold].sort_values(ascending=False, kind="stable")
    if by == "name":
        ordered = shares.sort_index(key=lambda idx: idx.str.casefold())
    else:
        frame = pd.DataFrame({"share": shares.to_numpy(), "name": shares.index.astype(str)}, index=shares.index)
        ordered = frame.sort_values(["share", "name"], ascending=[False, True], kind="stable")["share"]
    return tuple(hits.index), tuple(ordered.items())


@pytest.mark.parametrize("year", [2014, 2024])
@pytest.mark.parametrize("by", ["value", "name"])
def test_the_chapters_data_match_the_pandas_oracle(year, by):
    from widgets.tables import burden_sharing as tables

    shares = tables.shares(year)
    ties = pd.Series({"b": 2.0, "a": 2.0, "C": 1.0, "d": 2.0, "é": 3.0, "E": 3.0})
    for series in (shares, ties):
        for threshold in np.arange(0, 4.6, 0.05):
            hits, ordered = pandas_oracle(series, threshold, by)
            assert at_or_above(series, threshold) == hits
            assert count_at_or_above(series, threshold) == len(hits)
            assert sort_members(series, by) == ordered


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: line(-1), "cannot be negative"),
        (lambda: line("two"), "must be a number"),
        (lambda: at_or_above(SHARES, float("nan")), "finite"),
        (lambda: at_or_above([2.0, 1.0], 2), "mapping of member to share"),
        (lambda: at_or_above({"Iceland": None, "Norway": 2.2}, 2), "no share for Iceland"),
        (lambda: at_or_above(pd.Series(dtype=float), 2), "empty"),
        (lambda: at_or_above(pd.Series({"Iceland": np.nan, "Norway": 2.2}), 2), "no share for Iceland"),
        (lambda: sort_members(SHARES, "size"), "one of value, name"),
    ],
)
def test_bad_inputs_are_explained(call, message):
    with pytest.raises(InputError, match=message):
        call()
