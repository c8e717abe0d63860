from __future__ import annotations

import pandas as pd
import pytest

from widgets.models import membership
from widgets.models.inputs import InputError

TABLE = pd.DataFrame(
    {
        "country": ["A", "B", "C", "D"],
        "accession_date": pd.to_datetime(["1949-04-04", "1949-04-04", "1952-02-18", "1952-12-31"]),
    }
)


def test_members_at_end_of_year_counts_joins_on_the_last_day():
    assert membership.members_at_end_of(TABLE["accession_date"], 1948) == 0
    assert membership.members_at_end_of(TABLE["accession_date"], 1949) == 2
    assert membership.members_at_end_of(TABLE["accession_date"], 1952) == 4  # D joined 31 Dec


def test_counts_by_year_is_a_step_function():
    counts = membership.counts_by_year(TABLE["accession_date"], 1948, 1953)
    assert counts.tolist() == [0, 2, 2, 2, 4, 4]
    assert counts.index.tolist() == list(range(1948, 1954))


def test_joined_in_lists_names_alphabetically():
    assert membership.joined_in(TABLE, 1952) == ["C", "D"]
    assert membership.joined_in(TABLE, 1950) == []


def test_bad_years_are_explained():
    with pytest.raises(InputError, match="whole year"):
        membership.members_at_end_of(TABLE["accession_date"], 1999.5)
    with pytest.raises(InputError, match="must be a number"):
        membership.members_at_end_of(TABLE["accession_date"], "next year")
    with pytest.raises(InputError, match="comes before"):
        membership.counts_by_year(TABLE["accession_date"], 2000, 1990)
