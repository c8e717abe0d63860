"""Counting an organisation's members over time from their dates of joining.

Convention: a state counts as a member in year Y if it joined on or before
31 December of Y ("members at the end of the year"). Exits are not modelled
here: NATO has had none. Dates are anything with a ``year`` (``datetime.date``,
pandas' ``Timestamp``), so the same code runs in the kernel and in the browser.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from widgets.models.inputs import InputError, number


def _whole_year(year) -> int:
    year = number("year", year)
    if year != int(year):
        raise InputError(f"year must be a whole year such as 1999; got {year:g}.")
    return int(year)


def members_at_end_of(joined: Iterable, year) -> int:
    """Number of members at the end of ``year``."""
    year = _whole_year(year)
    return sum(1 for date in joined if date.year <= year)


def counts_by_year(joined: Iterable, first: int, last: int) -> tuple[tuple[int, int], ...]:
    """(year, members at the end of it) for each year from ``first`` to ``last`` (inclusive)."""
    if last < first:
        raise InputError(f"the last year ({last}) comes before the first ({first}).")
    years = sorted(date.year for date in joined)
    return tuple((year, bisect_right(years, year)) for year in range(int(first), int(last) + 1))


def joined_in(accessions: Iterable[tuple[str, object]], year: int) -> list[str]:
    """Names of the states that joined during ``year``, alphabetically, from (name, date) pairs."""
    year = _whole_year(year)
    return sorted(str(name) for name, date in accessions if date.year == year)
