"""The arms-control chapter's figures: stockpiles above the treaty strip, New START counts, the inspection game.

Dates are plotted as dates (numpy ``datetime64``); a stockpile estimate of a year
stands at 1 January of that year.
"""

from __future__ import annotations

import numpy as np
from matplotlib import dates as mdates
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from widgets import data, ui
from widgets.readouts.arms_control import InspectionReadout, NewStartReadout, StockpileReadout
from widgets.tables.arms_control import ALL, CATEGORIES, DeclaredHistory, StockpileHistory

# ----------------------------------------------------------------- stockpiles

#: Colour (index into ui.PALETTE) and legend name of each of the course's treaty categories.
CATEGORY_STYLE = {
    "arms_control": (0, "arms control"),
    "disarmament": (2, "disarmament"),
    "non_proliferation": (4, "non-proliferation"),
    "test_ban": (1, "test ban"),
}
HALF_YEAR = 365.25 / 2  # days: the highlight reaches half a year either side of its end years


def jan1(years) -> np.ndarray:
    """1 January of each year, as datetime64 days."""
    return (np.asarray(years, dtype=int) - 1970).astype("datetime64[Y]").astype("datetime64[D]")


def _day(iso: str) -> np.datetime64:
    return np.datetime64(iso, "D")


def _band(ax) -> Rectangle:
    """The highlight of the chosen years: full height, moved and widened by ``update``."""
    band = Rectangle((0, 0), 0, 1, transform=ax.get_xaxis_transform(), color=ui.PALETTE[5], alpha=0.18, lw=0)
    ax.add_patch(band)
    return band


class StockpileChart:
    """Fixed axes (log scale, the whole span), so a change only moves artists: the chosen
    years are highlighted rather than zoomed, which keeps every redraw a blit."""

    def __init__(self, fig: Figure, readout: StockpileReadout):
        first, last = readout.span
        self.ax, self.strip = ax, strip = fig.subplots(2, 1, sharex=True, height_ratios=[1.15, 1])
        years, total = readout.total
        ax.plot(jan1(years), total, color="#888", lw=1, label=ALL)
        self.band = _band(ax)
        (self.faint,) = ax.plot([], [], color=ui.PALETTE[0], lw=1, alpha=0.45)
        (self.line,) = ax.plot([], [], color=ui.PALETTE[0], lw=2.5, label="selected (in the year range)")
        (self.peak,) = ax.plot([], [], "v", color=ui.PALETTE[3], ms=8, label="highest in the range")
        ax.set_yscale("log")
        ax.set_ylim(1, 1e5)
        ax.set_ylabel("Warheads in stockpile\n(log scale)")
        ax.grid(alpha=0.3, which="major")
        ax.yaxis.set_major_formatter(lambda v, _: f"{v:,.0f}")
        ax.legend(loc="lower right", fontsize=7, ncols=3)
        ax.set_title(
            f"Estimated nuclear warhead stockpiles, {first}–{readout.last_estimate} "
            "(retired warheads excluded; releases in the source line)",
            fontsize=9,
        )
        self._draw_strip(readout)
        self.strip_band = _band(strip)
        strip.set_xlim(jan1(first - 1), jan1(last + 1))
        stockpiles = data.source_line("nuclear_stockpiles").removeprefix("Source: ")
        ui.source_note(
            fig,
            "Stockpiles: "
            + stockpiles.replace(" for 2024 and 2025;", " for 2024 and 2025;\n")
            + "\nTreaties: "
            + data.source_line("treaties").removeprefix("Source: "),
        )
        self.dynamic = [self.band, self.strip_band, self.faint, self.line, self.peak]
        self.update(readout)

    def _draw_strip(self, readout: StockpileReadout) -> None:
        """One row per treaty: signature (open circle), in force (filled, bar), end (cross)."""
        ax, strip = self.ax, self.strip
        drawn_to = _day(readout.drawn_to)
        for i, t in enumerate(readout.treaties):
            signed = _day(t.signed)
            colour = ui.PALETTE[CATEGORY_STYLE[t.category][0]]
            ax.axvline(signed, color="#999", lw=0.6, ls=":")
            strip.plot([signed], [i], "o", mfc="white", mec=colour, ms=6)
            if t.in_force is not None:
                start = _day(t.in_force)
                end = _day(t.ended) if t.ended is not None else drawn_to
                strip.plot([start, end], [i, i], color=colour, lw=4, solid_capstyle="butt")
                strip.plot([signed, start], [i, i], color=colour, lw=1, ls=":")
                strip.plot([start], [i], "o", color=colour, ms=6)
                if t.ended is not None:
                    strip.plot([end], [i], "x", color="black", ms=7, mew=2)
            else:
                strip.plot([signed, drawn_to], [i, i], color=colour, lw=1, ls=":")
        strip.legend(
            handles=[Line2D([], [], color=ui.PALETTE[k], lw=4, label=name) for k, name in CATEGORY_STYLE.values()],
            loc="lower left",
            fontsize=7,
            title="category (course's)",
            title_fontsize=7,
        )
        n = len(readout.treaties)
        strip.set_yticks(np.arange(n), [t.label for t in readout.treaties], fontsize=8)
        strip.set_ylim(n - 0.5, -0.6)
        strip.set_xlabel("Year")
        strip.grid(axis="x", alpha=0.3)
        strip.set_title(
            f"Treaties: ○ signed, ● entered into force (bar: in force, drawn to {readout.drawn_to_text}), × ended",
            fontsize=8,
        )

    def update(self, readout: StockpileReadout) -> None:
        lo, hi = readout.years
        self.faint.set_data(jan1(readout.series[0]), np.asarray(readout.series[1]))
        self.line.set_data(jan1(readout.shown[0]), np.asarray(readout.shown[1]))
        start = mdates.date2num(jan1(lo)) - HALF_YEAR
        width = mdates.date2num(jan1(hi)) + HALF_YEAR - start
        for band in (self.band, self.strip_band):
            band.set_x(start)
            band.set_width(width)
        if readout.peak is None:
            self.peak.set_data([], [])
        else:
            year, warheads = readout.peak
            self.peak.set_data(jan1([year]), [warheads * 1.35])


def draw_stockpile_timeline(fig: Figure, readout: StockpileReadout) -> StockpileChart:
    return StockpileChart(fig, readout)


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

ROW_LABELS = (
    "(a) deployed ICBMs,\nSLBMs, heavy bombers",
    "(b) counted\nwarheads",
    "(c) deployed and non-\ndeployed launchers",
)
X_MAX = 160.0  # percent of the limit shown on the axis


class NewStartChart:
    """Three bars (counted, percent of each limit) with the declared numbers as diamonds."""

    def __init__(self, fig: Figure, readout: NewStartReadout):
        ax = self.ax = fig.add_subplot()
        y = np.arange(3)
        self.bars = ax.barh(y, np.zeros(3), height=0.6, color=ui.PALETTE[0])
        ax.axvline(100, color="black", lw=1.5)
        ax.text(101, -0.62, "limit", fontsize=8, va="bottom")
        ax.set_yticks(y, ROW_LABELS, fontsize=8)
        ax.set_ylim(2.6, -0.85)
        ax.set_xlim(0, X_MAX)
        ax.set_xlabel("Counted total, percent of the treaty limit (%)")
        ax.grid(axis="x", alpha=0.3)
        box = {"facecolor": "white", "edgecolor": "none", "pad": 1.5}
        self.labels = [ax.text(2, i, "", va="center", ha="left", fontsize=8, fontweight="bold", bbox=box) for i in y]
        (self.declared_marks,) = ax.plot([], [], "D", color=ui.PALETTE[1], mec="black", ms=8, label="declared numbers")
        ax.legend(loc="lower right", fontsize=7)
        self.dynamic = [*self.bars, *self.labels, self.declared_marks]
        self.update(readout)

    def update(self, readout: NewStartReadout) -> None:
        for bar, label, limit in zip(self.bars, self.labels, readout.bars):
            bar.set_width(min(limit.share, X_MAX))
            bar.set_color(ui.PALETTE[3] if limit.broken else ui.PALETTE[0])
            label.set_text(f"{limit.counted:,} of {limit.limit:,}" + (" OVER" if limit.broken else ""))
        if readout.declared_shares is None:
            self.declared_marks.set_data([], [])
        else:
            self.declared_marks.set_data(list(readout.declared_shares), [0, 1, 2])


def draw_new_start(fig: Figure, readout: NewStartReadout) -> NewStartChart:
    return NewStartChart(fig, readout)


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


# ----------------------------------------------------------------- inspection game


class InspectionChart:
    """p(d) and q(d) over the detection probability, the no-deterrence zone shaded, d marked."""

    def __init__(self, fig: Figure, readout: InspectionReadout):
        ax = self.ax = fig.add_subplot()
        shade = ui.PALETTE[3]
        self.no_deter = Rectangle((0, 0), 0, 1, transform=ax.get_xaxis_transform(), color=shade, alpha=0.12, lw=0)
        ax.add_patch(self.no_deter)
        (self.p_line,) = ax.plot([], [], color=ui.PALETTE[0], lw=2, label="p: probability of inspecting")
        (self.q_line,) = ax.plot([], [], color=shade, lw=2, ls="--", label="q: probability of cheating")
        self.threshold = ax.axvline(0, color=shade, lw=1, ls=":")
        (self.p_point,) = ax.plot([], [], "o", color=ui.PALETTE[0], ms=8)
        (self.q_point,) = ax.plot([], [], "s", color=shade, ms=7)
        self.d_line = ax.axvline(0, color="#555", lw=1)
        self.zone_label = ax.text(
            0.01, 0.5, "", transform=ax.get_xaxis_transform(), fontsize=8, color=shade, va="center"
        )
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1.05)
        ax.set_xlabel("d: probability that an inspection detects cheating")
        ax.set_ylabel("Equilibrium probability")
        ax.grid(alpha=0.3)
        ax.legend(loc="upper right", fontsize=8)
        self.dynamic = [
            self.no_deter,
            self.p_line,
            self.q_line,
            self.threshold,
            self.p_point,
            self.q_point,
            self.d_line,
            self.zone_label,
        ]
        self.update(readout)

    def update(self, readout: InspectionReadout) -> None:
        d = np.asarray(readout.curve_d)
        self.p_line.set_data(d, np.asarray(readout.curve_p))
        self.q_line.set_data(d, np.asarray(readout.curve_q))
        self.no_deter.set_width(readout.threshold)
        self.threshold.set_xdata([readout.threshold, readout.threshold])
        self.zone_label.set_text("inspections\ncannot deter" if readout.threshold > 0.12 else "")
        self.d_line.set_xdata([readout.d, readout.d])
        self.p_point.set_data([readout.d], [readout.inspect_probability])
        self.q_point.set_data([readout.d], [readout.cheat_probability])


def draw_inspection(fig: Figure, readout: InspectionReadout) -> InspectionChart:
    return InspectionChart(fig, readout)
