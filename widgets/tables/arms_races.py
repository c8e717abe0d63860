"""The nuclear stockpile pair that the arms-race chapter reads as a Richardson race."""

from __future__ import annotations

import pandas as pd

from widgets import data

DATASET = "nuclear_stockpiles"
#: The two states of the phase-plane figure: the first on the horizontal axis.
PAIR = ("United States", "Russia")


def stockpile_pair(countries: tuple[str, str] = PAIR) -> pd.DataFrame:
    """Warheads by year (index), one column per country, for the years both have an estimate."""
    table = data.load(DATASET)
    rows = table[table["country"].isin(countries)]
    pair = rows.pivot(index="year", columns="country", values="warheads").dropna().astype(float)
    return pair[list(countries)]
