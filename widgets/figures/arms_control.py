"""The arms-control chapter's static figures: stockpiles since 1945, declared New START numbers.

The widgets draw SVG pictures (:mod:`widgets.pictures.arms_control`). Dates are
plotted as dates (numpy ``datetime64``); a stockpile estimate of a year stands at
1 January of that year.
"""

from __future__ import annotations

import numpy as np
from matplotlib import dates as mdates
from matplotlib.figure import Figure

from widgets import data, ui
from widgets.tables.arms_control import CATEGORIES, DeclaredHistory, StockpileHistory

# ----------------------------------------------------------------- stockpiles


def jan1(years) -> np.ndarray:
    """1 January of each year, as datetime64 days."""
    return (np.asarray(years, dtype=int) - 1970).astype("datetime64[Y]").astype("datetime64[D]")


def draw_stockpile_history(fig: Figure, history: StockpileHistory) -> None:
    """The chapter's static figure: the nine-state sum, the US and Russia, five entries into force."""
    ax = fig.add_subplot()
    styles = (ui.PALETTE[7], "-"), (ui.PALETTE[0], "-"), (ui.PALETTE[3], "--")
    for (name, series), (colour, style) in zip(history.lines.items(), styles):
        ax.plot(jan1(series.index), series.to_numpy(), color=colour, ls=style, lw=2, label=name)
    top = 68000
    for name, entry in history.entries:
        day = np.datetime64(entry, "D")
        ax.axvline(day, color="#777", lw=0.8, ls=":")
        ax.text(
            day + np.timedelta64(146, "D"),  # 0.4 year right of the line
            top - 1000,
            name,
            fontsize=7,
            rotation=90,
            va="top",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5},
        )
    last = max(int(s.index.max()) for s in history.lines.values())
    first = min(int(s.index.min()) for s in history.lines.values())
    ax.set_xlabel("Year")
    ax.set_ylabel("Warheads in stockpiles")
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:,.0f}")
    ax.set_xlim(jan1(first), jan1(last + 1))
    ax.set_ylim(0, top)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=8)
    ui.source_note(fig, data.source_line("nuclear_stockpiles"))


# ----------------------------------------------------------------- New START

#: The panels of the declared-numbers figure, one per central limit (a), (b), (c).
PANEL_TITLES = ("(a) deployed ICBMs, SLBMs, bombers", "(b) counted warheads", "(c) all launchers and bombers")
PARTIES = (("United States", 0, "o"), ("Russian Federation", 3, "s"))  # name, colour, marker


def draw_declared_numbers(fig: Figure, history: DeclaredHistory) -> None:
    """The chapter's static figure: each side's declared numbers against the three limits."""
    axes = fig.subplots(1, 3, sharex=True)
    binds = np.datetime64(history.binds_from, "D")
    for ax, category, title, limit in zip(axes, CATEGORIES, PANEL_TITLES, history.limits):
        by_party = history.series[category]
        for party, colour, marker in PARTIES:
            days, values = by_party.get(party, ((), ()))
            ax.plot(
                np.array(days, dtype="datetime64[D]"),
                values,
                marker=marker,
                ls="none",
                ms=7,
                color=ui.PALETTE[colour],
                label=party,
            )
        ax.axhline(limit, color="black", lw=1.2, ls="--", label="central limit")
        ax.axvline(binds, color="#777", lw=0.8, ls=":")
        highest = max(v for _, values in by_party.values() for v in values)
        ax.set_title(title, fontsize=9)
        ax.set_ylim(0, max(1.3 * limit, highest * 1.1))
        ax.yaxis.set_major_formatter(lambda v, _: f"{v:,.0f}")
        ax.grid(alpha=0.3)
        ax.set_xlim(jan1(2010), jan1(2024))
        ax.set_xticks(jan1([2011, 2014, 2017, 2020, 2023]))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.tick_params(axis="x", labelsize=8)
    axes[0].set_ylabel("Declared count (missiles, warheads\nor launchers)")
    day = history.binds_from
    axes[1].set_xlabel(f"Year of the data (dotted: limits take effect, {day.day} {day:%b %Y})")
    axes[0].legend(loc="lower left", fontsize=7)
    ui.source_note(fig, data.source_line("new_start_data"))
