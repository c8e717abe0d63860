"""The R2P chapter's figures: the ballot, the passage odds, the criteria, the timeline, the vetoes."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from matplotlib import dates as mdates
from matplotlib.figure import Figure

from widgets import data, ui
from widgets.models import criteria as crit
from widgets.models import security_council as sc
from widgets.readouts.r2p import SHORT, CouncilVoteReadout, CriteriaReadout, PassageReadout, TimelineReadout
from widgets.tables.r2p import MEMBERS

VOTE_COLOURS = {"yes": ui.PALETTE[0], "no": ui.PALETTE[3], "abstain": ui.PALETTE[1], "absent": "#bbbbbb"}


class BallotChart:
    """The fifteen seats coloured by vote above the bars of the tally; ``update`` recolours and resizes."""

    def __init__(self, fig: Figure, readout: CouncilVoteReadout):
        top, bottom = fig.subplots(2, 1, height_ratios=[1, 1.3])
        x = np.arange(len(MEMBERS))
        self.seats = top.scatter(
            x,
            np.zeros(len(MEMBERS)),
            s=260,
            marker="s",
            c=[VOTE_COLOURS["yes"]] * len(MEMBERS),
            edgecolors="black",
            linewidths=0.6,
        )
        ticks = [SHORT.get(m, m) for m in sc.PERMANENT] + [f"E{i}" for i in range(1, 11)]
        top.set_xticks(x, ticks, fontsize=7, rotation=40)
        top.set_yticks([])
        top.set_xlim(-0.7, len(MEMBERS) - 0.3)
        top.axvline(4.5, color="#666", lw=0.8, ls=":")
        top.set_title("The ballot: five permanent members, then the ten elected members (E1–E10)", fontsize=9)
        for side in ("left", "right", "top"):
            top.spines[side].set_visible(False)
        labels = list(sc.VOTES)
        self.bars = bottom.barh(labels, [0] * 4, color=[VOTE_COLOURS[v] for v in labels], edgecolor="black", lw=0.5)
        bottom.axvline(sc.THRESHOLD, color="black", ls="--", lw=1.2)
        bottom.text(sc.THRESHOLD + 0.15, 3.3, "9 yes votes needed", fontsize=8, va="center")
        bottom.set_xlim(0, 15)
        bottom.set_ylim(-0.6, 3.6)
        bottom.invert_yaxis()
        bottom.set_xlabel("Votes (count)")
        self.dynamic = [self.seats, *self.bars]
        self.update(readout)

    def update(self, readout: CouncilVoteReadout) -> None:
        self.seats.set_facecolor([VOTE_COLOURS[readout.ballot[m]] for m in MEMBERS])
        for bar, n in zip(self.bars, readout.tally):
            bar.set_width(n)


def draw_ballot(fig: Figure, readout: CouncilVoteReadout) -> BallotChart:
    return BallotChart(fig, readout)


class OddsChart:
    """Bars of P(exactly j yes votes); ``update`` resizes them and reports whether the y axis must change."""

    def __init__(self, fig: Figure, readout: PassageReadout):
        ax = fig.add_subplot()
        k = np.arange(sc.SIZE + 1)
        colours = [ui.PALETTE[0] if j >= sc.THRESHOLD else "#9fb8cc" for j in k]
        self.bars = ax.bar(k, np.zeros(len(k)), color=colours, edgecolor="black", lw=0.4)
        ax.axvline(sc.THRESHOLD - 0.5, color="black", ls="--", lw=1.2)
        ax.set_xticks(k)
        ax.set_xlabel("Number of yes votes (count)")
        ax.set_ylabel("Probability")
        ax.yaxis.set_major_formatter("{x:.2f}")  # same label width at every scale, so the layout holds
        ax.set_xlim(-0.6, sc.SIZE + 0.6)
        ax.set_title("Distribution of yes votes; darker bars reach the 9 needed", fontsize=9)
        self.ax = ax
        self.top = readout.top
        ax.set_ylim(0, self.top)
        self.dynamic = list(self.bars)
        self.update(readout)

    def rescale(self, readout: PassageReadout) -> bool:
        """Set the y axis to the readout's top; True when it changed (the static parts must be redrawn)."""
        if readout.top == self.top:
            return False
        self.top = readout.top
        self.ax.set_ylim(0, self.top)
        return True

    def update(self, readout: PassageReadout) -> None:
        for bar, p in zip(self.bars, readout.distribution):
            bar.set_height(p)


def draw_odds(fig: Figure, readout: PassageReadout) -> OddsChart:
    return OddsChart(fig, readout)


class CriteriaChart:
    """Bars of the six scores (orange below the midpoint) and one bar of the combined score."""

    def __init__(self, fig: Figure, readout: CriteriaReadout):
        left, right = fig.subplots(1, 2, width_ratios=[4, 1])
        y = np.arange(len(crit.CRITERIA))
        self.bars = left.barh(y, np.zeros(len(y)), color=ui.PALETTE[0], edgecolor="black", lw=0.4)
        left.set_yticks(y, list(crit.CRITERIA), fontsize=8)
        left.invert_yaxis()
        left.axvline(crit.SCALE / 2, color="black", ls="--", lw=1)
        left.set_xlim(0, crit.SCALE)
        left.set_xlabel("Your score (0 = clearly not met, 4 = clearly met)")
        left.set_title("Your scores; orange bars fall below the midpoint", fontsize=9)
        (self.total,) = right.bar([0], [0], color=ui.PALETTE[2], edgecolor="black", lw=0.4, width=0.6)
        right.set_ylim(0, 1)
        right.set_xlim(-0.6, 0.6)
        right.set_xticks([0], ["combined"])
        right.set_ylabel("Combined score (0–1)")
        self.dynamic = [*self.bars, self.total]
        self.update(readout)

    def update(self, readout: CriteriaReadout) -> None:
        for bar, c in zip(self.bars, crit.CRITERIA):
            bar.set_width(readout.scores[c])
            bar.set_facecolor(ui.PALETTE[1] if c in readout.below_midpoint else ui.PALETTE[0])
        self.total.set_height(readout.value)


def draw_criteria(fig: Figure, readout: CriteriaReadout) -> CriteriaChart:
    return CriteriaChart(fig, readout)


def _offsets(points: tuple[tuple[dt.date, int], ...]) -> np.ndarray:
    if not points:
        return np.empty((0, 2))
    days, rows = zip(*points)
    return np.column_stack([mdates.date2num(list(days)), rows])


class TimelineChart:
    """Every recorded vote in grey, by date and case; ``update`` shows those up to the year's end."""

    def __init__(self, fig: Figure, readout: TimelineReadout):
        ax = fig.add_subplot()
        every = _offsets(readout.points)
        ax.scatter(every[:, 0], every[:, 1], s=30, color="#dddddd", zorder=1)
        self.adopted_pts = ax.scatter(
            [], [], s=40, marker="o", color=ui.PALETTE[0], zorder=3, label="adopted resolution"
        )
        self.vetoed_pts = ax.scatter([], [], s=50, marker="x", color=ui.PALETTE[3], zorder=3, label="draft not adopted")
        self.r2p_pts = ax.scatter(
            [],
            [],
            s=160,
            marker="o",
            facecolors="none",
            edgecolors=ui.PALETTE[2],
            linewidths=2,
            zorder=4,
            label="refers to R2P (confirmed)",
        )
        self.line = ax.axvline(dt.date(readout.first, 1, 1), color="#444", ls="--", lw=1)
        ax.xaxis.set_major_locator(mdates.YearLocator(5))  # ticks at 1995, 2000, ...
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.set_yticks(range(len(readout.cases)), list(readout.cases), fontsize=8)
        ax.set_ylim(len(readout.cases) - 0.5, -0.5)
        ax.set_xlim(dt.date(readout.first - 1, 7, 2), dt.date(readout.last + 1, 7, 2))
        ax.set_xlabel("Date of the vote (year)")
        ax.grid(axis="x", alpha=0.3)
        ax.legend(loc="lower left", fontsize=7, framealpha=0.9)
        ax.set_title("Council votes in this chapter's dataset (a partial list)", fontsize=9)
        ui.source_note(fig, data.source_line("unsc_votes"))
        self.dynamic = [self.adopted_pts, self.vetoed_pts, self.r2p_pts, self.line]
        self.update(readout)

    def update(self, readout: TimelineReadout) -> None:
        self.adopted_pts.set_offsets(_offsets(readout.adopted))
        self.vetoed_pts.set_offsets(_offsets(readout.not_adopted))
        self.r2p_pts.set_offsets(_offsets(readout.r2p))
        end = mdates.date2num(dt.date(readout.year + 1, 1, 1))  # the end of the chosen year
        self.line.set_xdata([end, end])


def draw_timeline(fig: Figure, readout: TimelineReadout) -> TimelineChart:
    return TimelineChart(fig, readout)


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
