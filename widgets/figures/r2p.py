"""The R2P chapter's static figure: the vetoed drafts per year.

The widgets draw their pictures as SVG (:mod:`widgets.pictures.r2p`), with the
same code in the kernel and on the live site.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from widgets import data, ui


def draw_vetoes(fig: Figure, table: pd.DataFrame) -> None:
    """Stacked bars of the drafts vetoed each year, by who vetoed (the table of ``tables.r2p.vetoes_per_year``)."""
    ax = fig.add_subplot()
    years = table.index.to_numpy()
    bottom = np.zeros(len(table))
    for who, colour in (("China and Russia", ui.PALETTE[3]), ("Russia alone", ui.PALETTE[1])):
        ax.bar(years, table[who], bottom=bottom, color=colour, label=f"vetoed by {who}")
        bottom += table[who].to_numpy()
    ax.set_xlabel("Year of the vote")
    ax.set_ylabel("Vetoed drafts (count)")
    ax.set_xticks(range(int(years[0]), int(years[-1]) + 1, 3))
    ax.set_yticks(range(0, int(bottom.max()) + 2))
    ax.legend(frameon=False)
    ui.source_note(fig, data.source_line("unsc_votes"))
