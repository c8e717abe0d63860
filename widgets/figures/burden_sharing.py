"""The burden-sharing chapter's static figure: each Ally's share in the first year and the latest.

The widgets draw their pictures as SVG (:mod:`widgets.pictures.burden_sharing`).
"""

from __future__ import annotations

from matplotlib.figure import Figure

from widgets import data, ui
from widgets.tables import burden_sharing as tables


# ----------------------------------------------------------------- the chapter's static figure


def draw_share_change(fig: Figure, table: tables.ShareChangeTable) -> None:
    """Dot plot: each Ally's share in the first year and the latest, joined by a line."""
    ax = fig.add_subplot()
    y = range(len(table.countries))
    ax.hlines(y, table.first, table.last, color="#999", lw=1.2)
    ax.plot(table.first, y, "o", color=ui.PALETTE[1], label=table.first_label)
    ax.plot(table.last, y, "o", color=ui.PALETTE[0], label=table.last_label)
    ax.axvline(tables.LINES[0], color=ui.PALETTE[7], lw=1, label=f"{tables.LINES[0]:g}% guideline")
    ax.set_yticks(list(y), table.countries, fontsize=7.5)
    ax.set_xlabel("Defence expenditure (percent of GDP)")
    ax.set_xlim(0, 4.5)
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="lower right", fontsize=8)
    ui.source_note(fig, data.source_line(tables.SHARES))
