"""NATO's membership as the orientation chapter counts it."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from widgets import data
from widgets.models import membership

DATASET = "nato_members"


@lru_cache(maxsize=1)
def _members() -> pd.DataFrame:
    return data.load(DATASET)


def members() -> pd.DataFrame:
    """One row per member state with its accession date (a copy: safe to change)."""
    return _members().copy()


def span() -> tuple[int, int]:
    """First year (the founding) and the year the dataset describes."""
    return int(pd.to_datetime(_members()["accession_date"]).dt.year.min()), data.as_of(DATASET).year


@lru_cache(maxsize=1)
def counts() -> tuple[tuple[int, int], ...]:
    """(year, members at the end of that year) for every year of :func:`span`."""
    first, last = span()
    series = membership.counts_by_year(_members()["accession_date"], first, last)
    return tuple((int(y), int(n)) for y, n in series.items())


def joined_per_wave() -> tuple[tuple[int, int], ...]:
    """(year of the enlargement round, states joining in it), founders first."""
    sizes = _members().groupby("wave").size()
    return tuple((int(wave), int(n)) for wave, n in sizes.items())
