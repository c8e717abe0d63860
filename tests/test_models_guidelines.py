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
    assert list(sort_members(SHARES, "value").index) == ["Gamma", "Beta", "Epsilon", "alpha", "Delta"]
    assert list(sort_members(SHARES, "name").index) == ["alpha", "Beta", "Delta", "Epsilon", "Gamma"]
    assert sort_members(SHARES, "value").iloc[0] == 3.5


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: line(-1), "cannot be negative"),
        (lambda: line("two"), "must be a number"),
        (lambda: at_or_above(SHARES, float("nan")), "finite"),
        (lambda: at_or_above([2.0, 1.0], 2), "pandas Series"),
        (lambda: at_or_above(pd.Series(dtype=float), 2), "empty"),
        (lambda: at_or_above(pd.Series({"Iceland": np.nan, "Norway": 2.2}), 2), "no share for Iceland"),
        (lambda: sort_members(SHARES, "size"), "one of value, name"),
    ],
)
def test_bad_inputs_are_explained(call, message):
    with pytest.raises(InputError, match=message):
        call()
