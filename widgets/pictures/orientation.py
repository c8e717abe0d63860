"""The orientation widget's picture: NATO's size as a step chart, one year marked."""

from __future__ import annotations

from widgets import data
from widgets.readouts.orientation import MembershipReadout
from widgets.svg import PALETTE, Canvas


def picture_membership(readout: MembershipReadout) -> str:
    years, counts = zip(*readout.history)
    canvas = Canvas(640, 320, source=data.source_line("nato_members"))
    ax = canvas.axes(
        xlim=(years[0] - 1, years[-1] + 1),
        ylim=(0, 35),
        xlabel="Year",
        ylabel="Member states (end of year)",
        title=f"NATO member states, {years[0]}–{years[-1]}",
        grid="both",
    )
    ax.step(years, counts, color=PALETTE[0], width=2)
    ax.vline(readout.year, color=PALETTE[3], width=1.5, dash="--")
    ax.points([readout.year], [readout.members], color=PALETTE[3], r=5)
    return canvas.svg(readout.alt, uid="membership")
