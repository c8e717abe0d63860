"""The arms-race chapter's static figure: the two largest stockpiles against each other.

The widgets draw SVG pictures instead (:mod:`widgets.pictures.arms_races`).
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from widgets import data, ui

#: How a stockpile country is named on an axis ("Russia" covers the Soviet Union before 1992: datapackage.json).
SHOWN_AS = {"Russia": "USSR / Russia"}


def draw_stockpile_phase(fig: Figure, pair: pd.DataFrame) -> None:
    """Two stockpiles against each other, one dot a year, every tenth year labelled (static figure).

    ``pair`` has one row per year and one column per country, the first column on
    the horizontal axis (``widgets.tables.arms_races.stockpile_pair``).
    """
    across, up = pair.columns
    ax = fig.add_subplot()
    ax.plot(pair[across], pair[up], color=ui.PALETTE[0], lw=1.5, marker=".", ms=4)
    first_decade = -(-int(pair.index.min()) // 10) * 10
    for year in range(first_decade, int(pair.index.max()) + 1, 10):
        if year in pair.index:
            ax.annotate(
                str(year),
                (pair.at[year, across], pair.at[year, up]),
                textcoords="offset points",
                xytext=(5, 4),
                fontsize=8,
            )
    ax.set_xlabel(f"{SHOWN_AS.get(across, across)}: warheads in stockpile")
    ax.set_ylabel(f"{SHOWN_AS.get(up, up)}: warheads in stockpile")
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:,.0f}")
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:,.0f}")
    ax.grid(alpha=0.3)
    ui.source_note(fig, "\n".join(textwrap.wrap(data.source_line("nuclear_stockpiles"), 100)))
