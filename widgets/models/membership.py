"""Counting an organisation's members over time from their dates of joining.

Convention: a state counts as a member in year Y if it joined on or before
31 December of Y ("members at the end of the year"). Exits are not modelled
here: NATO has had none.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from widgets.models.inputs import InputError, number


def members_at_end_of(joined: pd.Series, year) -> int:
    """Number of members at the end of ``year``."""
    year = number("year", year)
    if year != int(year):
        raise InputError(f"year must be a whole year such as 1999; got {year:g}.")
    return int((pd.to_datetime(joined).dt.year <= int(year)).sum())


def counts_by_year(joined: pd.Series, first: int, last: int) -> pd.Series:
    """Members at the end of each year from ``first`` to ``last`` (inclusive)."""
    if last < first:
        raise InputError(f"the last year ({last}) comes before the first ({first}).")
    years = np.arange(first, last + 1)
    joined_years = np.sort(pd.to_datetime(joined).dt.year.to_numpy())
    counts = np.searchsorted(joined_years, years, side="right")
    return pd.Series(counts, index=pd.Index(years, name="year"), name="members")


def joined_in(
    table: pd.DataFrame, year: int, date_column: str = "accession_date", name_column: str = "country"
) -> list[str]:
    """Names of the states that joined during ``year``, alphabetically."""
    mask = pd.to_datetime(table[date_column]).dt.year == int(year)
    return sorted(table.loc[mask, name_column].astype(str))
