"""The arms-race chapter's figures: Richardson's race, the tournament, the stockpile phase plane.

Axis limits are fixed, so a redraw only moves artists (see ``ui.Blitter``); the
tournament's payoff axis is laid out again only when the payoffs change its range.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from widgets import data, ui
from widgets.models import dilemma
from widgets.readouts.arms_races import LABELS, LEVEL_LIM, T_MAX, RaceReadout, TournamentReadout

COLOURS = dict(zip(dilemma.STRATEGIES, ui.PALETTE))
#: How a stockpile country is named on an axis ("Russia" covers the Soviet Union before 1992: datapackage.json).
SHOWN_AS = {"Russia": "USSR / Russia"}


class RaceChart:
    """x(t), y(t) on the left; the phase plane with both nullclines, the equilibrium and the path."""

    def __init__(self, fig: Figure, readout: RaceReadout):
        ax_t, ax_p = fig.subplots(1, 2, width_ratios=[1.25, 1])
        (self.line_x,) = ax_t.plot([], [], color=ui.PALETTE[0], lw=2, label="x(t): state X")
        (self.line_y,) = ax_t.plot([], [], color=ui.PALETTE[1], lw=2, ls="--", label="y(t): state Y")
        ax_t.axhline(0, color="#777", lw=0.8)
        ax_t.set(xlim=(0, T_MAX), ylim=LEVEL_LIM, xlabel="Time (hypothetical years)")
        ax_t.set_ylabel("Arms level (arbitrary units)")
        ax_t.set_title("Arms levels over time", fontsize=10)
        ax_t.legend(loc="upper left", fontsize=8)

        (self.null_x,) = ax_p.plot([], [], color=ui.PALETTE[0], lw=1.5, label="dx/dt = 0 (X content)")
        (self.null_y,) = ax_p.plot([], [], color=ui.PALETTE[1], lw=1.5, ls="--", label="dy/dt = 0 (Y content)")
        (self.path,) = ax_p.plot([], [], color=ui.PALETTE[7], lw=1.5, label="path from the start")
        (self.start,) = ax_p.plot([], [], "s", color=ui.PALETTE[7], ms=6)
        (self.eq_point,) = ax_p.plot([], [], "o", color=ui.PALETTE[3], ms=9, label="equilibrium")
        ax_p.axhline(0, color="#777", lw=0.8)
        ax_p.axvline(0, color="#777", lw=0.8)
        ax_p.set(xlim=LEVEL_LIM, ylim=LEVEL_LIM, xlabel="x: X's arms level (units)")
        ax_p.set_ylabel("y: Y's arms level (units)")
        ax_p.set_title("Phase plane", fontsize=10)
        ax_p.legend(loc="upper right", fontsize=7)
        for ax in (ax_t, ax_p):
            ax.grid(alpha=0.3)
        self.dynamic = [self.line_x, self.line_y, self.null_x, self.null_y, self.path, self.start, self.eq_point]
        self.update(readout)

    def update(self, readout: RaceReadout) -> None:
        self.line_x.set_data(readout.t, readout.x)
        self.line_y.set_data(readout.t, readout.y)
        self.null_x.set_data(*readout.x_nullcline)
        self.null_y.set_data(*readout.y_nullcline)
        self.path.set_data(readout.x, readout.y)
        self.start.set_data([readout.x[0]], [readout.y[0]])
        if readout.equilibrium is None:
            self.eq_point.set_data([], [])
        else:
            self.eq_point.set_data([readout.equilibrium[0]], [readout.equilibrium[1]])


def draw_race(fig: Figure, readout: RaceReadout) -> RaceChart:
    return RaceChart(fig, readout)


class TournamentChart:
    """One bar per strategy, in a fixed order, with the winner outlined and R, P dotted.

    The names are static tick labels (drawing text is the slowest part of a redraw);
    the readout's table gives the ranking.
    """

    def __init__(self, fig: Figure, readout: TournamentReadout):
        n = len(readout.strategies)
        ax = self.ax = fig.add_subplot()
        rows = list(range(n))
        self.bars = ax.barh(rows, [0.0] * n, height=0.7, color=[COLOURS[s] for s in readout.strategies])
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_yticks(rows, [LABELS[s] for s in readout.strategies])
        ax.set_xlabel("Average payoff per round (payoff units)")
        ax.grid(axis="x", alpha=0.3)
        self.limits = readout.limits
        ax.set_xlim(*self.limits)
        self.reference = [ax.axvline(v, color="#555", lw=1, ls=":") for v in (readout.reward, readout.punishment)]
        self.winner = ax.text(0, 0, "", va="center", ha="left", fontsize=9, fontweight="bold")
        self.dynamic = [*self.bars, *self.reference, self.winner]
        self.update(readout)

    def relimit(self, readout: TournamentReadout) -> bool:
        """Set the payoff axis for these payoffs; True when it changed (lay the figure out again)."""
        if readout.limits == self.limits:
            return False
        self.limits = readout.limits
        self.ax.set_xlim(*self.limits)
        return True

    def update(self, readout: TournamentReadout) -> None:
        for bar, name, score in zip(self.bars, readout.strategies, readout.scores):
            bar.set_width(score)
            bar.set_edgecolor("black" if name == readout.winner else "none")
            bar.set_linewidth(2 if name == readout.winner else 0)
        row = readout.strategies.index(readout.winner)
        best = readout.scores[row]
        self.winner.set_position((max(best, 0.0), row))
        self.winner.set_text(f"  winner: {best:.2f}")
        for line, value in zip(self.reference, (readout.reward, readout.punishment)):
            line.set_xdata([value, value])


def draw_tournament(fig: Figure, readout: TournamentReadout) -> TournamentChart:
    return TournamentChart(fig, readout)


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
