"""NATO's membership as the orientation chapter counts it."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pandas as pd

from widgets import data
from widgets.models import membership
from widgets.shipped import shipped

DATASET = "nato_members"


@lru_cache(maxsize=1)
def _members() -> pd.DataFrame:
    return data.load(DATASET)


def members() -> pd.DataFrame:
    """One row per member state with its accession date (a copy: safe to change)."""
    return _members().copy()


@shipped
@lru_cache(maxsize=1)
def accessions() -> tuple[tuple[str, dt.date], ...]:
    """(member state, date it joined), in the dataset's order: plain values for the readout."""
    table = _members()
    return tuple((str(c), d.date()) for c, d in zip(table["country"], pd.to_datetime(table["accession_date"])))


def span() -> tuple[int, int]:
    """First year (the founding) and the year the dataset describes."""
    return min(d.year for _, d in accessions()), data.as_of(DATASET).year


@shipped
@lru_cache(maxsize=1)
def counts() -> tuple[tuple[int, int], ...]:
    """(year, members at the end of that year) for every year of :func:`span`."""
    first, last = span()
    return membership.counts_by_year([d for _, d in accessions()], first, last)


def joined_per_wave() -> tuple[tuple[int, int], ...]:
    """(year of the enlargement round, states joining in it), founders first."""
    sizes = _members().groupby("wave").size()
    return tuple((int(wave), int(n)) for wave, n in sizes.items())
