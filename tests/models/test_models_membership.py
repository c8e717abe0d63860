from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from widgets import data
from widgets.models import membership
from widgets.models.inputs import InputError

NAMES = ["A", "B", "C", "D"]
DATES = [dt.date(1949, 4, 4), dt.date(1949, 4, 4), dt.date(1952, 2, 18), dt.date(1952, 12, 31)]


def test_members_at_end_of_year_counts_joins_on_the_last_day():
    assert membership.members_at_end_of(DATES, 1948) == 0
    assert membership.members_at_end_of(DATES, 1949) == 2
    assert membership.members_at_end_of(DATES, 1952) == 4  # D joined 31 Dec


def test_counts_by_year_is_a_step_function():
    assert membership.counts_by_year(DATES, 1948, 1953) == (
        (1948, 0),
        (1949, 2),
        (1950, 2),
        (1951, 2),
        (1952, 4),
        (1953, 4),
    )


def test_joined_in_lists_names_alphabetically():
    assert membership.joined_in(zip(NAMES, DATES), 1952) == ["C", "D"]
    assert membership.joined_in(zip(NAMES, DATES), 1950) == []


def test_bad_years_are_explained():
    with pytest.raises(InputError, match="whole year"):
        membership.members_at_end_of(DATES, 1999.5)
    with pytest.raises(InputError, match="must be a number"):
        membership.members_at_end_of(DATES, "next year")
    with pytest.raises(InputError, match="comes before"):
        membership.counts_by_year(DATES, 2000, 1990)


def test_the_standard_library_counts_agree_with_pandas_on_the_real_dataset():
    """pandas as the oracle: the year of each accession, counted by a different route."""
    table = data.load("nato_members")
    years = pd.to_datetime(table["accession_date"]).dt.year
    counts = dict(membership.counts_by_year(table["accession_date"], 1949, 2026))
    for year in (1949, 1952, 1981, 1999, 2004, 2022, 2023, 2024, 2026):
        assert counts[year] == int((years <= year).sum())
    pairs = zip(table["country"], table["accession_date"])
    assert membership.joined_in(pairs, 2004) == sorted(table.loc[years == 2004, "country"])
