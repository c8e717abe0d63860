"""The burden-sharing chapter's figures: shares against the guidelines, the alliance game, GDP against share.

Each ``draw_…(fig, readout)`` draws the static parts once and returns a chart whose
``update(readout)`` moves only its ``dynamic`` artists. :func:`draw_share_change`
is the chapter's static dot plot.
"""

from __future__ import annotations

import textwrap

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.transforms import blended_transform_factory

from widgets import data, ui
from widgets.readouts.burden_sharing import (
    ALLY_NAMES,
    SCALE_MAX,
    AllianceGameReadout,
    ExploitationReadout,
    GuidelineReadout,
)
from widgets.tables import burden_sharing as tables


def _sources(*datasets: str, width: int) -> str:
    """The datasets' source lines as one note, wrapped to ``width`` characters a line."""
    lines = [data.source_line(name).removeprefix("Source: ").removesuffix(".") for name in datasets]
    text = ("Sources: " if len(lines) > 1 else "Source: ") + "; ".join(lines) + "."
    return textwrap.fill(text, width)


# ----------------------------------------------------------------- 1. guideline chart


class GuidelineBars:
    """One bar per Ally, the guideline lines and a line of one's own.

    The bars and their 62 labels change only with the year or the sort order
    (:meth:`show`); ``update`` moves only the line of one's own, so the widget keeps
    one drawn background per (year, sort) and a redraw draws one line.
    """

    def __init__(self, fig: Figure, readout: GuidelineReadout):
        n = len(readout.names)
        # Fixed margins (no layout engine): the names are drawn left of the axes.
        fig.set_layout_engine("none")
        ax = self.ax = fig.add_axes((0.2, 0.2, 0.77, 0.75))  # left, bottom, width, height
        ax.set_ylim(n - 0.4, -0.6)
        ax.set_xlim(0, SCALE_MAX)
        ax.set_yticks([])
        ax.set_xlabel("Defence expenditure (percent of GDP)")
        ax.grid(axis="x", alpha=0.3)
        guides = [
            ax.axvline(value, color=ui.PALETTE[7], lw=1.2, ls=style) for value, style in zip(readout.lines, ("-", "--"))
        ]
        self.bars = ax.barh(np.arange(n), np.zeros(n), height=0.7, color=ui.PALETTE[5])
        names = blended_transform_factory(ax.transAxes, ax.transData)
        self.labels = [ax.text(-0.01, i, "", transform=names, ha="right", va="center", fontsize=7.5) for i in range(n)]
        self.values = [ax.text(0, i, "", ha="left", va="center", fontsize=6.5, color="#333") for i in range(n)]
        self.own = ax.axvline(readout.own, color=ui.PALETTE[3], lw=1.5, ls=":")
        self.title = ax.set_title("", fontsize=10)
        first, second = readout.lines
        fig.legend(
            handles=[
                Rectangle((0, 0), 1, 1, color=ui.PALETTE[0]),
                Rectangle((0, 0), 1, 1, color=ui.PALETTE[5]),
                *guides,
                self.own,
            ],
            labels=[
                f"at or above {first:g}%",
                f"below {first:g}%",
                f"{first:g}% guideline (Wales, {tables.WALES})",
                f"{second:g}% core defence (The Hague, 2025)",
                "your own line",
            ],
            loc="lower center",
            bbox_to_anchor=(0.58, 0.055),
            ncol=3,
            fontsize=7,
            frameon=False,
        )
        ui.source_note(fig, _sources(tables.SHARES, width=100))
        self.view: tuple[int, str] | None = None
        self.show(readout)
        self.dynamic = [self.own]
        self.update(readout)

    def show(self, readout: GuidelineReadout) -> bool:
        """Put this readout's bars, names and title in place; False if they already are."""
        if readout.view == self.view:
            return False
        for bar, name_text, value_text, name, value, meets in zip(
            self.bars, self.labels, self.values, readout.names, readout.values, readout.meets
        ):
            bar.set_width(value)
            bar.set_color(ui.PALETTE[0] if meets else ui.PALETTE[5])
            name_text.set_text(name)
            value_text.set_x(value + 0.04)
            value_text.set_text(f"{value:.2f}")
        self.title.set_text(readout.title)
        self.view = readout.view
        return True

    def update(self, readout: GuidelineReadout) -> None:
        self.own.set_xdata([readout.own, readout.own])
        self.own.set_visible(readout.on_scale)


def draw_guidelines(fig: Figure, readout: GuidelineReadout) -> GuidelineBars:
    return GuidelineBars(fig, readout)


# ----------------------------------------------------------------- 2. alliance game


class AllianceBars:
    """Left: each ally's equilibrium and efficient defence; right: the totals and the gap."""

    def __init__(self, fig: Figure, readout: AllianceGameReadout):
        self.ax_a, self.ax_t = fig.subplots(1, 2, width_ratios=[1.5, 1])
        x = np.arange(len(ALLY_NAMES))
        self.nash_bars = self.ax_a.bar(
            x - 0.2, np.zeros(3), width=0.38, color=ui.PALETTE[0], label="equilibrium (each ally acts alone)"
        )
        self.eff_bars = self.ax_a.bar(
            x + 0.2,
            np.zeros(3),
            width=0.38,
            color=ui.PALETTE[1],
            hatch="//",
            edgecolor="white",
            label="efficient (joint planner)",
        )
        self.absent = self.ax_a.text(2, 0, "not in the\nalliance", ha="center", va="bottom", fontsize=8, color="#555")
        self.free_marks = [
            self.ax_a.text(
                i - 0.2, 0, "free\nrider", ha="center", va="bottom", fontsize=7, color=ui.PALETTE[3], fontweight="bold"
            )
            for i in range(3)
        ]
        self.ax_a.set_xticks(x, ALLY_NAMES)
        self.ax_a.set_ylabel("Defence bought (income units)")
        self.ax_a.set_title("Each ally's defence", fontsize=10)
        self.ax_a.legend(loc="upper right", fontsize=7)
        self.ax_a.grid(axis="y", alpha=0.3)

        self.total_nash = self.ax_t.bar([0], [0], width=0.6, color=ui.PALETTE[0])[0]
        self.total_gap = self.ax_t.bar(
            [0],
            [0],
            width=0.6,
            bottom=[0],
            color="white",
            edgecolor=ui.PALETTE[3],
            hatch="xx",
            lw=1.2,
            label="under-provision gap",
        )[0]
        self.total_eff = self.ax_t.bar([1], [0], width=0.6, color=ui.PALETTE[1], hatch="//", edgecolor="white")[0]
        self.total_text = [self.ax_t.text(i, 0, "", ha="center", va="bottom", fontsize=8) for i in range(2)]
        self.ax_t.set_xticks([0, 1], ["equilibrium", "efficient"])
        self.ax_t.set_ylabel("Alliance total (income units)")
        self.ax_t.set_title("Total defence", fontsize=10)
        self.ax_t.legend(loc="upper left", fontsize=7)
        self.ax_t.grid(axis="y", alpha=0.3)
        self.limits: tuple[float, float] | None = None
        self.rescale(readout.limits)
        self.dynamic = [
            *self.nash_bars,
            *self.eff_bars,
            self.absent,
            *self.free_marks,
            self.total_nash,
            self.total_gap,
            self.total_eff,
            *self.total_text,
        ]
        self.update(readout)

    def rescale(self, limits: tuple[float, float]) -> bool:
        """Set the y limits; False if they already are (then nothing static changed)."""
        if limits == self.limits:
            return False
        self.ax_a.set_ylim(0, limits[0])
        self.ax_t.set_ylim(0, limits[1])
        self.limits = limits
        return True

    def update(self, readout: AllianceGameReadout) -> None:
        top_a, top_t = readout.limits
        for i, name in enumerate(ALLY_NAMES):
            self.nash_bars[i].set_height(readout.equilibrium[i])
            self.eff_bars[i].set_height(readout.efficient[i])
            self.free_marks[i].set_visible(name in readout.names and name in readout.free_riders)
            self.free_marks[i].set_y(readout.equilibrium[i] + 0.01 * top_a)
        self.absent.set_visible(readout.n == 2)
        self.total_nash.set_height(readout.total)
        self.total_gap.set_y(readout.total)
        self.total_gap.set_height(readout.gap)
        self.total_eff.set_height(readout.efficient_total)
        top = max(readout.total, readout.efficient_total) + 0.01 * top_t
        self.total_text[0].set_y(top)
        self.total_text[0].set_text(f"{readout.total:.1f} + gap {readout.gap:.1f}")
        self.total_text[1].set_y(top)
        self.total_text[1].set_text(f"{readout.efficient_total:.1f}")


def draw_alliance_game(fig: Figure, readout: AllianceGameReadout) -> AllianceBars:
    return AllianceBars(fig, readout)


# ----------------------------------------------------------------- 3. exploitation test

#: Allies named on the scatter (the largest, a few telling cases).
LABELLED = ("United States", "Germany", "Poland", "Greece", "Luxembourg", "Montenegro")


class ExploitationScatter:
    """GDP (log scale) against the share of GDP, the members left out ringed."""

    def __init__(self, fig: Figure, readout: ExploitationReadout):
        ax = self.ax = fig.add_subplot()
        ax.set_xscale("log")
        ax.set_xlim(2, 4e4)
        ax.set_ylim(0, SCALE_MAX)
        ax.set_xlabel("GDP (billion US dollars, constant 2015 prices; log scale)")
        ax.set_ylabel("Defence expenditure (% of GDP)")
        ax.grid(alpha=0.3, which="major")
        for value, style in zip(tables.LINES, ("-", "--")):
            ax.axhline(value, color="#888", lw=0.9, ls=style)
        self.kept = ax.scatter([], [], s=28, color=ui.PALETTE[0], zorder=3, label="included")
        self.dropped = ax.scatter(
            [], [], s=40, facecolors="none", edgecolors=ui.PALETTE[3], lw=1.3, zorder=3, label="left out"
        )
        self.names = {
            n: ax.text(1, 1, n, fontsize=7, ha="right" if n == "United States" else "left", va="bottom", color="#333")
            for n in LABELLED
        }
        self.title = ax.set_title("", fontsize=10)
        ax.legend(loc="upper left", fontsize=8)
        ui.source_note(fig, _sources(tables.SHARES, tables.GDP_DATASET, width=118))
        self.dynamic = [self.kept, self.dropped, *self.names.values(), self.title]
        self.update(readout)

    def update(self, readout: ExploitationReadout) -> None:
        kept = [(g, s) for _, g, s, out in readout.points if not out]
        dropped = [(g, s) for _, g, s, out in readout.points if out]
        self.kept.set_offsets(np.array(kept).reshape(-1, 2))
        self.dropped.set_offsets(np.array(dropped).reshape(-1, 2))
        where = {name: (g, s) for name, g, s, _ in readout.points}
        for name, text in self.names.items():
            text.set_visible(name in where)  # Montenegro was not a member in 2014
            if name in where:
                g, s = where[name]
                shift = 0.9 if name == "United States" else 1.12
                text.set_position((g * shift, s + 0.08))
        self.title.set_text(readout.title)


def draw_exploitation(fig: Figure, readout: ExploitationReadout) -> ExploitationScatter:
    return ExploitationScatter(fig, readout)


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
