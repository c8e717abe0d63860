"""The burden-sharing chapter's static figure: each Ally's share in the first year and the latest.

The widgets draw their pictures as SVG (:mod:`widgets.pictures.burden_sharing`).
"""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure

from widgets import data, ui
from widgets.tables import burden_sharing as tables


# ----------------------------------------------------------------- the chapter's static figure


def draw_share_change(fig: Figure, table: tables.ShareChangeTable) -> None:
    """Dot plot: each Ally's share in the first year and the latest, joined by a line."""
    ax = fig.add_subplot()
    y = range(len(table.countries))
    ax.hlines(y, table.first, table.last, color="#999", lw=1.2)
    members = [c not in table.not_yet_members for c in table.countries]
    ax.plot(
        [v for v, m in zip(table.first, members) if m],
        [i for i, m in zip(y, members) if m],
        "o",
        color=ui.PALETTE[1],
        label=table.first_label,
    )
    if table.not_yet_members:  # hollow: these states were not yet Allies in the first year
        ax.plot(
            [v for v, m in zip(table.first, members) if not m],
            [i for i, m in zip(y, members) if not m],
            "o",
            mfc="white",
            color=ui.PALETTE[1],
            label=f"{table.first_label}, not yet a member",
        )
    ax.plot(table.last, y, "o", color=ui.PALETTE[0], label=table.last_label)
    ax.axvline(tables.LINES[0], color=ui.PALETTE[7], lw=1, label=f"{tables.LINES[0]:g}% guideline")
    ax.set_yticks(list(y), table.countries, fontsize=7.5)
    ax.set_xlabel("Defence expenditure (percent of GDP)")
    ax.set_xlim(0, 4.5)
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="lower right", fontsize=8)
    ui.source_note(fig, data.source_line(tables.SHARES))


def draw_equipment(fig: Figure, table: tables.EquipmentTable) -> None:
    """Scatter: each Ally's share of GDP against the share of its defence spending on equipment.

    The two guideline lines cut the plane into four groups; the Allies below either line are named.
    """
    ax = fig.add_subplot()
    x, y, label = table.gdp_shares, table.equipment_shares, table.label
    ax.scatter(x, y, color=ui.PALETTE[0], s=22, zorder=3)
    ax.axvline(tables.LINES[0], color=ui.PALETTE[7], lw=1, label=f"{tables.LINES[0]:g}% of GDP guideline")
    ax.axhline(
        tables.EQUIPMENT_LINE,
        color=ui.PALETTE[7],
        lw=1,
        ls="--",
        label=f"{tables.EQUIPMENT_LINE:g}% of defence spending on equipment",
    )
    named = sorted(
        (g, e, c) for c, g, e in zip(table.countries, x, y) if g < tables.LINES[0] or e < tables.EQUIPMENT_LINE
    )
    previous = None
    for gdp_share, equipment, country in named:
        # a label that would run into its left neighbour's goes level with its point
        crowded = previous is not None and gdp_share - previous[0] < 0.2 and abs(equipment - previous[1]) < 3
        ax.annotate(
            country,
            (gdp_share, equipment),
            xytext=(5, -3) if crowded else (4, 3),
            textcoords="offset points",
            ha="left",
            fontsize=7,
        )
        previous = (gdp_share, equipment)
    ax.set_xlabel(f"Defence expenditure, {label} (percent of GDP)")
    ax.set_ylabel(f"Equipment expenditure, {label}\n(percent of defence expenditure)")
    ax.set_xlim(0, 4.5)
    ax.set_ylim(0, 60)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=8)
    lines = (data.source_line(tables.EQUIPMENT), data.source_line(tables.SHARES))
    ui.source_note(fig, "\n".join(textwrap.fill(line, 110) for line in lines))
