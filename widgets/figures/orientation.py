"""The orientation chapter's figure: NATO's size as a step chart, one year marked."""

from __future__ import annotations

from matplotlib.figure import Figure

from widgets import data, ui
from widgets.readouts.orientation import MembershipReadout


class MembershipChart:
    """The step chart; ``update`` moves the year's marker and point."""

    def __init__(self, fig: Figure, readout: MembershipReadout):
        years, counts = zip(*readout.history)
        ax = fig.add_subplot()
        ax.step(years, counts, where="post", color=ui.PALETTE[0], lw=2)
        ax.set_xlabel("Year")
        ax.set_ylabel("Member states (end of year)")
        ax.set_xlim(years[0] - 1, years[-1] + 1)
        ax.set_ylim(0, 35)
        ax.grid(alpha=0.3)
        ax.set_title(f"NATO member states, {years[0]}–{years[-1]}")
        self.marker = ax.axvline(readout.year, color=ui.PALETTE[3], lw=1.5, ls="--")
        (self.point,) = ax.plot([], [], "o", color=ui.PALETTE[3], ms=8)
        ui.source_note(fig, data.source_line("nato_members"))
        self.dynamic = [self.marker, self.point]
        self.update(readout)

    def update(self, readout: MembershipReadout) -> None:
        self.marker.set_xdata([readout.year, readout.year])
        self.point.set_data([readout.year], [readout.members])


def draw_membership(fig: Figure, readout: MembershipReadout) -> MembershipChart:
    return MembershipChart(fig, readout)


def draw_waves(fig: Figure, waves: tuple[tuple[int, int], ...]) -> None:
    """Bar chart of the states joining in each enlargement round (the static figure)."""
    years, sizes = zip(*waves)
    ax = fig.add_subplot()
    bars = ax.bar([str(y) for y in years], sizes, color=ui.PALETTE[0])
    ax.set_xlabel(f"Year joined ({years[0]}: the twelve founders)")
    ax.set_ylabel("States joining (count)")
    ax.bar_label(bars)
    ax.set_ylim(0, 14)
    ui.source_note(fig, data.source_line("nato_members"))
